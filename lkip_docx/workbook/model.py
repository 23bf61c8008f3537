"""The typed model of one LKIP workbook: frozen dataclasses holding Decimals, read from the sheets.

Names follow the domain (``pagu_perubahan``, ``capaian_output``) so that a reader who knows the
LKIP vocabulary finds each figure where they expect it; the README has a glossary. ``None`` always
means a blank cell, distinct from zero; ``numbers.NA`` a cell that says its value is not
available ("n/a", "belum tersedia"), in the columns the contract allows it.

Each record class has one field per column of its sheet in the contract (same key, same order)
plus ``src``, Profil one per field; ``Workbook`` has one field per sheet, named by the sheet key.
The classes are the typed view; what each field holds when its cell is blank is declared in the
contract, and load.py fills them from it (tests/test_model_contract.py keeps the two in step).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from decimal import Decimal

from lkip_docx.numbers import NotAvailable
from lkip_docx.problems import Location


@dataclass(frozen=True)
class Src:
    """Where a record came from, so that any later rule can name the cell."""

    sheet: str = ""
    row: int = 0
    coords: dict[str, str] = field(default_factory=dict, compare=False, hash=False, repr=False)
    #: keys whose cell was already reported (unreadable, or blank where required), so later rules
    #: stay quiet about them
    invalid: frozenset[str] = field(default=frozenset(), compare=False, hash=False, repr=False)
    #: keys whose cell says its value is not available (numbers.NA, already warned about)
    na: frozenset[str] = field(default=frozenset(), compare=False, hash=False, repr=False)

    def at(self, key: str | None = None) -> Location:
        if not self.sheet:
            return Location()
        if key is not None and key in self.coords:
            return Location(self.sheet, self.coords[key])
        if self.row:
            return Location(self.sheet, f"{self.row}:{self.row}")
        return Location(self.sheet)


NO_SRC = Src()


@dataclass(frozen=True)
class Profil:
    """The Profil sheet as typed; ``None`` is a blank cell. What a blank term stands for (defaults
    per kind of unit and per year) is resolved by workbook/kinds.py, not here."""

    versi_format: str | None
    jenis_unit: str | None
    nama_instansi: str
    singkatan: str
    jenis_pemda: str | None
    nama_pemda: str | None
    provinsi: str | None
    instansi_induk: str | None
    tahun: int
    periode_laporan: str | None
    tahun_anggaran_sampul: int | None
    judul_laporan: str | None
    singkatan_laporan: str | None
    dokumen_perencanaan: str | None
    periode_renstra: tuple[int, int]
    periode_renstra_sebelumnya: tuple[int, int] | None
    dasar_renstra: str | None
    dokumen_perencanaan_daerah: str
    dasar_hukum: str | None
    kepala_jabatan: str
    kepala_nama: str
    kepala_pangkat: str | None
    kepala_nip: str | None
    pk_pihak_pertama_jabatan: str | None
    pk_pihak_pertama_nama: str | None
    pk_pihak_kedua_jabatan: str | None
    pk_pihak_kedua_nama: str | None
    tempat: str
    tanggal: _dt.date
    bentuk_anggaran: str | None
    tingkat_anggaran: str | None
    logo: str | None
    bagan_organisasi: str | None
    keterangan_bagan_organisasi: str | None
    ikhtisar_eksekutif: bool
    tata_letak_analisis: str | None
    sumber_pegawai: str | None
    sumber_renstra: str | None
    sumber_pk: str | None
    sumber_pk_perubahan: str | None
    sumber_evaluasi: str | None
    sumber_anggaran: str | None
    sumber_akip: str | None
    dasar_peringkat_akip: str | None
    desimal_persen: int | None
    pembulatan: str | None
    batas_capaian_berlaku: str | None
    capaian_sebelum_batas: bool | None
    status_dokumen: str | None
    peringkat_lengkap: bool
    gambar_lampiran: str | None
    src: Src = NO_SRC


@dataclass(frozen=True)
class Pegawai:
    kelompok: str
    jenis: str
    s3: int | None
    s2: int | None
    s1: int | None
    d3: int | None
    sma: int | None
    smp: int | None
    src: Src = NO_SRC

    EDUCATION = ("s3", "s2", "s1", "d3", "sma", "smp")

    @property
    def jumlah(self) -> int:
        return sum(getattr(self, k) or 0 for k in self.EDUCATION)


@dataclass(frozen=True)
class Tujuan:
    kode: str
    uraian: str
    src: Src = NO_SRC


@dataclass(frozen=True)
class Sasaran:
    kode: str
    kode_tujuan: str
    uraian: str
    src: Src = NO_SRC


@dataclass(frozen=True)
class Iku:
    kode: str
    kode_sasaran: str
    nama: str
    satuan: str
    metode: str
    batas_capaian: Decimal | None
    desimal: int
    kode_indeks: str | None
    kode_skala: str | None
    dasar_predikat: str
    target_pk: Decimal | None
    target_pk_perubahan: Decimal | None
    alasan: str | None
    rumus: str | None
    sumber: str | None
    desimal_capaian: int | None
    pembulatan: str | None
    src: Src = NO_SRC


@dataclass(frozen=True)
class TargetIku:
    kode_iku: str
    tahun: int
    target: Decimal | NotAvailable | None
    realisasi: Decimal | NotAvailable | None
    keterangan: str | None
    src: Src = NO_SRC


@dataclass(frozen=True)
class IndikatorProgram:
    kode: str
    kode_iku: str
    kode_program: str | None
    nama: str
    satuan: str
    target: Decimal | None
    realisasi: Decimal | NotAvailable | None
    kode_indeks: str | None
    metode: str
    batas_capaian: Decimal | None
    desimal: int
    desimal_capaian: int | None
    pembulatan: str | None
    src: Src = NO_SRC


@dataclass(frozen=True)
class KelompokAnggaran:
    kode: str
    nama: str
    src: Src = NO_SRC


@dataclass(frozen=True)
class Program:
    kode: str
    nama: str
    kelompok: str | None
    anggaran_pk: Decimal | None
    anggaran_pk_perubahan: Decimal | None
    src: Src = NO_SRC


@dataclass(frozen=True)
class Kegiatan:
    kode: str
    kode_program: str
    nama: str
    src: Src = NO_SRC


@dataclass(frozen=True)
class SubKegiatan:
    kode: str
    kode_kegiatan: str
    nama: str
    pagu_murni: Decimal | None
    pagu_perubahan: Decimal | None
    realisasi: Decimal | NotAvailable | None
    target_output: Decimal | None
    realisasi_output: Decimal | NotAvailable | None
    satuan_output: str
    uraian_output: str
    kata_kerja_output: str
    capaian_output: Decimal | NotAvailable | None
    kode_indikator_program: str | None
    kode_iku: str | None
    src: Src = NO_SRC

    @property
    def pagu(self) -> Decimal | None:
        """The budget realisasi is measured against: after APBD-Perubahan where there is one."""
        return self.pagu_perubahan if self.pagu_perubahan is not None else self.pagu_murni

    @property
    def ditambah_pada_perubahan(self) -> bool:
        """Added in APBD-Perubahan: no pagu murni, a pagu perubahan."""
        return self.pagu_murni is None and self.pagu_perubahan is not None

    @property
    def pagu_berubah(self) -> bool:
        return (self.pagu_murni is not None and self.pagu_perubahan is not None
                and self.pagu_murni != self.pagu_perubahan)


@dataclass(frozen=True)
class KomponenIndeks:
    kode: str
    uraian: str
    nilai: Decimal | NotAvailable | None
    rumus: str | None
    desimal: int
    src: Src = NO_SRC


@dataclass(frozen=True)
class KelasSkala:
    kode: str
    nama: str | None
    bawah: Decimal | None
    bawah_inklusif: bool
    atas: Decimal | None
    atas_inklusif: bool
    predikat: str
    kriteria: str | None
    sumber: str | None
    src: Src = NO_SRC

    def contains(self, value: Decimal) -> bool:
        if self.bawah is not None:
            if value < self.bawah or (value == self.bawah and not self.bawah_inklusif):
                return False
        if self.atas is not None:
            if value > self.atas or (value == self.atas and not self.atas_inklusif):
                return False
        return True


@dataclass(frozen=True)
class KomponenAkip:
    komponen: str
    bobot: Decimal
    nilai: Decimal
    catatan: str | None
    src: Src = NO_SRC


@dataclass(frozen=True)
class PeringkatAkip:
    perangkat_daerah: str
    nilai: Decimal
    predikat: str | None
    instansi_ini: bool
    src: Src = NO_SRC


@dataclass(frozen=True)
class Prestasi:
    uraian: str
    pemberi: str | None
    gambar: str | None = None
    src: Src = NO_SRC


@dataclass(frozen=True)
class Narasi:
    bagian: str  # key of contract.NARRATIVE_SECTIONS
    kode_iku: str | None
    jenis: str
    tingkat: int
    teks: str
    src: Src = NO_SRC


@dataclass(frozen=True)
class Workbook:
    """Everything one workbook says, after reading and type checks (before cross-checks)."""

    profil: Profil
    pegawai: tuple[Pegawai, ...]
    tujuan: tuple[Tujuan, ...]
    sasaran: tuple[Sasaran, ...]
    iku: tuple[Iku, ...]
    target_iku: tuple[TargetIku, ...]
    indikator_program: tuple[IndikatorProgram, ...]
    kelompok_anggaran: tuple[KelompokAnggaran, ...]
    program: tuple[Program, ...]
    kegiatan: tuple[Kegiatan, ...]
    sub_kegiatan: tuple[SubKegiatan, ...]
    komponen_indeks: tuple[KomponenIndeks, ...]
    skala: tuple[KelasSkala, ...]
    evaluasi_akip: tuple[KomponenAkip, ...]
    peringkat_akip: tuple[PeringkatAkip, ...]
    prestasi: tuple[Prestasi, ...]
    narasi: tuple[Narasi, ...]
    #: the workbook's file name, for messages and the recap
    source_name: str = ""

    def records(self, sheet_key: str) -> tuple:
        """The records of one table sheet: every field above but the last is named by the
        contract key of its sheet."""
        return getattr(self, sheet_key)
