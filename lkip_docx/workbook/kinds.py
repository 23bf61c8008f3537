"""Kinds of reporting unit and the report's terms: what a blank Profil field stands for, declared
once as data.

A perangkat daerah, a pemerintah daerah's own LKjIP, a kementerian/lembaga and a vertical unit or
court differ in their names, the document they plan by, who signs their Perjanjian Kinerja, the
budget they report and the words of their title. ``JENIS`` holds one row of defaults per kind,
``RENCANA`` one per planning document, ``ANGGARAN`` one per budget shape, ``REGULASI`` the
regulations a report may cite with the years they were in force, ``JUDUL_SEBELUM`` the title used
before Perpres 29/2014. ``resolve(profil)`` applies them to one workbook's Profil and returns a
``Setelan``: the terms the report uses, each either typed in the Profil or its default.

docs/agencies.md explains the design; the contract (contract.py) declares the fields themselves.
Nothing here reads a file: every function is pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lkip_docx.workbook import contract as c
from lkip_docx.workbook.model import Profil

# --- who the PK's pihak kedua is by default ------------------------------------------------------

#: the kepala daerah of the Profil's pemerintah daerah (Wali Kota Bekasi)
PIHAK_KEPALA_DAERAH = "kepala daerah"
#: nobody: a pemda's own PK is signed by the kepala daerah alone
PIHAK_TIDAK_ADA = "tidak ada"
#: nobody by default, but the workbook may name one (a ministry's PK with the President)
PIHAK_OPSIONAL = "opsional"
#: the workbook must name one (the Kanwil, the Pengadilan Tinggi)
PIHAK_WAJIB = "wajib"


@dataclass(frozen=True)
class Jenis:
    """The defaults of one kind of reporting unit."""

    nama: str
    #: how the report calls such a unit ("Tujuan dan Sasaran Perangkat Daerah", "dari 26 Perangkat
    #: Daerah yang dievaluasi")
    sebutan: str
    #: its names are followed by the region's ("Diskominfostandi Kota Bekasi"); other units write
    #: their place in their name ("Pengadilan Agama Rantau Pandan")
    nama_dengan_daerah: bool
    #: Jenis and Nama Pemerintah Daerah must be filled in
    pemda_wajib: bool
    #: the signer is an ASN and has a NIP
    nip_wajib: bool
    #: Instansi Induk must be filled in (it is the cover's second line)
    induk_wajib: bool
    pihak_kedua: str
    dokumen_perencanaan: str
    #: budget shapes the kind may report, the default first
    bentuk_anggaran: tuple[str, ...]
    #: title and its abbreviation from report year 2014 (Perpres 29/2014)
    judul: tuple[str, str]
    #: the levels its prestasi come from ("Tingkat Kota, Provinsi maupun Nasional"); the region's
    #: own level is "{jenis_pemda}", a level named twice is said once, and without
    #: "{jenis_pemda}" the region's own level is not among them
    tingkat_prestasi: tuple[str, ...]


JENIS: dict[str, Jenis] = {j.nama: j for j in (
    Jenis(c.UNIT_PD, "Perangkat Daerah", nama_dengan_daerah=True, pemda_wajib=True,
          nip_wajib=True, induk_wajib=False, pihak_kedua=PIHAK_KEPALA_DAERAH,
          dokumen_perencanaan=c.RENCANA_RENSTRA,
          bentuk_anggaran=(c.ANGGARAN_APBD, c.ANGGARAN_TIDAK_ADA),
          judul=("Laporan Kinerja Instansi Pemerintah", "LKIP"),
          tingkat_prestasi=("{jenis_pemda}", "Provinsi", "Nasional")),
    Jenis(c.UNIT_PEMDA, "Pemerintah Daerah", nama_dengan_daerah=False, pemda_wajib=True,
          nip_wajib=False, induk_wajib=False, pihak_kedua=PIHAK_TIDAK_ADA,
          dokumen_perencanaan=c.RENCANA_RPJMD,
          bentuk_anggaran=(c.ANGGARAN_APBD, c.ANGGARAN_TIDAK_ADA),
          judul=("Laporan Kinerja Instansi Pemerintah", "LKjIP"),
          tingkat_prestasi=("Provinsi", "Nasional")),
    Jenis(c.UNIT_KL, "Instansi", nama_dengan_daerah=False, pemda_wajib=False, nip_wajib=False,
          induk_wajib=False, pihak_kedua=PIHAK_OPSIONAL, dokumen_perencanaan=c.RENCANA_RENSTRA_KL,
          bentuk_anggaran=(c.ANGGARAN_DIPA, c.ANGGARAN_TIDAK_ADA),
          judul=("Laporan Kinerja", "LKj"),
          tingkat_prestasi=("Nasional", "Internasional")),
    Jenis(c.UNIT_VERTIKAL, "Satuan Kerja", nama_dengan_daerah=False, pemda_wajib=False,
          nip_wajib=True, induk_wajib=True, pihak_kedua=PIHAK_WAJIB,
          dokumen_perencanaan=c.RENCANA_RENSTRA_KL,
          bentuk_anggaran=(c.ANGGARAN_DIPA, c.ANGGARAN_TIDAK_ADA),
          judul=("Laporan Kinerja Instansi Pemerintah", "LKjIP"),
          tingkat_prestasi=("Wilayah", "Nasional")),
)}

#: The title every kind used before Perpres 29/2014 renamed the report (report years up to 2013).
JUDUL_SEBELUM = ("Laporan Akuntabilitas Kinerja Instansi Pemerintah", "LAKIP")
TAHUN_PERPRES_29_2014 = 2014

KEPALA_DAERAH = {"Kota": "Wali Kota", "Kabupaten": "Bupati", "Provinsi": "Gubernur"}


@dataclass(frozen=True)
class Rencana:
    """A planning document and the words the report uses for it. ``definisi`` and ``panduan``
    take ``{sebutan}`` (the kind's) and ``{lama}`` (the period in words)."""

    kode: str
    nama: str
    singkatan: str
    definisi: str
    panduan: str
    #: the yearly plan that implements it, and its abbreviation
    tahunan: tuple[str, str]


RENCANA: dict[str, Rencana] = {r.kode: r for r in (
    Rencana(c.RENCANA_RENSTRA, "Rencana Strategis", "RENSTRA",
            "Dokumen Perencanaan {sebutan} untuk periode {lama} Tahun, yang memuat Tujuan, "
            "Sasaran, Program dan Kegiatan",
            "panduan Pelaksanaan Tugas Pokok dan Fungsi", ("Rencana Kerja", "RENJA")),
    Rencana(c.RENCANA_RENSTRA_KL, "Rencana Strategis", "Renstra",
            "Dokumen Perencanaan {sebutan} untuk periode {lama} Tahun, yang memuat Visi, Misi, "
            "Tujuan, Strategi, Kebijakan, Program dan Kegiatan",
            "panduan Pelaksanaan Tugas Pokok dan Fungsi", ("Rencana Kerja", "Renja")),
    Rencana(c.RENCANA_RPJMD, "Rencana Pembangunan Jangka Menengah Daerah", "RPJMD",
            "Dokumen Perencanaan Pembangunan Daerah untuk periode {lama} Tahun, yang memuat Visi, "
            "Misi, Tujuan, Sasaran, Strategi, Arah Kebijakan dan Program Pembangunan Daerah",
            "panduan Penyelenggaraan Pemerintahan dan Pembangunan",
            ("Rencana Kerja Pemerintah Daerah", "RKPD")),
    Rencana(c.RENCANA_RPD, "Rencana Pembangunan Daerah", "RPD",
            "Dokumen Perencanaan Pembangunan Daerah untuk periode {lama} Tahun pada masa transisi "
            "menuju RPJMD berikutnya, yang memuat Tujuan, Sasaran, Strategi, Arah Kebijakan dan "
            "Program Pembangunan Daerah",
            "panduan Penyelenggaraan Pemerintahan dan Pembangunan",
            ("Rencana Kerja Pemerintah Daerah", "RKPD")),
)}


@dataclass(frozen=True)
class BentukAnggaran:
    """The words of one budget shape. ``sumber`` says where the list of 1.4 comes from; it takes
    ``{tahun}``, and its newer wording applies from ``sumber_baru_sejak``."""

    kode: str
    nama: str
    perubahan: str
    perubahan_singkat: str
    tingkat: tuple[str, str, str]
    sumber: str
    #: the Perjanjian Kinerja after the change, for a caption ('Tahun APBD-Perubahan {tahun}')
    pk_perubahan: str = "Tahun {perubahan} {tahun}"
    sumber_baru: str = ""
    sumber_baru_sejak: int = 0


#: SIPD (Permendagri 70/2019) holds every APBD from Tahun Anggaran 2021.
TAHUN_SIPD = 2021

ANGGARAN: dict[str, BentukAnggaran] = {b.kode: b for b in (
    BentukAnggaran(c.ANGGARAN_APBD, "APBD", "APBD-Perubahan", "APBD-P",
                   ("Program", "Kegiatan", "Sub Kegiatan"),
                   "pada Dokumen Pelaksanaan Anggaran (*DPA*) Tahun Anggaran {tahun}",
                   sumber_baru="pada Aplikasi Sistem Informasi Pemerintahan Daerah Republik "
                               "Indonesia (*SIPD-RI*) Tahun Anggaran {tahun}",
                   sumber_baru_sejak=TAHUN_SIPD),
    BentukAnggaran(c.ANGGARAN_DIPA, "DIPA", "Revisi DIPA", "Revisi DIPA",
                   ("Program", "Kegiatan", "Rincian Output"),
                   "pada Daftar Isian Pelaksanaan Anggaran (*DIPA*) Tahun Anggaran {tahun}",
                   pk_perubahan="Tahun {tahun} setelah {perubahan}"),
)}


@dataclass(frozen=True)
class Regulasi:
    """A regulation the report may cite, in force from ``sejak`` until ``sampai`` (report years,
    inclusive; None: still in force), for the kinds named (empty: every kind)."""

    teks: str
    sejak: int
    sampai: int | None = None
    jenis: tuple[str, ...] = ()
    #: its role in the fixed wording: "pelaporan" (the guideline the report's layout follows),
    #: "pk" (the one that defines the Perjanjian Kinerja)
    peran: tuple[str, ...] = ()

    def berlaku(self, tahun: int, jenis: str) -> bool:
        return (self.sejak <= tahun and (self.sampai is None or tahun <= self.sampai)
                and (not self.jenis or jenis in self.jenis))


_DAERAH = (c.UNIT_PD, c.UNIT_PEMDA)
_PUSAT = (c.UNIT_KL, c.UNIT_VERTIKAL)

#: The default legal basis: every regulation in force in the report year for the kind is listed,
#: in this order.
REGULASI: tuple[Regulasi, ...] = (
    Regulasi("Undang-Undang Nomor 17 Tahun 2003 tentang Keuangan Negara", 2003),
    Regulasi("Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional",
             2004),
    Regulasi("Undang-Undang Nomor 32 Tahun 2004 tentang Pemerintahan Daerah", 2004, 2013,
             _DAERAH),
    Regulasi("Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah", 2014, None,
             _DAERAH),
    Regulasi("Peraturan Pemerintah Nomor 8 Tahun 2006 tentang Pelaporan Keuangan dan Kinerja "
             "Instansi Pemerintah", 2006),
    Regulasi("Instruksi Presiden Nomor 7 Tahun 1999 tentang Akuntabilitas Kinerja Instansi "
             "Pemerintah", 1999, 2013),
    Regulasi("Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja "
             "Instansi Pemerintah", 2014),
    Regulasi("Keputusan Kepala Lembaga Administrasi Negara Nomor 239/IX/6/8/2003 tentang "
             "Perbaikan Pedoman Penyusunan Pelaporan Akuntabilitas Kinerja Instansi Pemerintah",
             2003, 2009, peran=("pelaporan",)),
    Regulasi("Peraturan Menteri Negara Pendayagunaan Aparatur Negara dan Reformasi Birokrasi "
             "Nomor 29 Tahun 2010 tentang Pedoman Penyusunan Penetapan Kinerja dan Pelaporan "
             "Akuntabilitas Kinerja Instansi Pemerintah", 2010, 2013, peran=("pelaporan",)),
    Regulasi("Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 "
             "Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata "
             "Cara Reviu atas Laporan Kinerja Instansi Pemerintah", 2014,
             peran=("pelaporan", "pk")),
    Regulasi("Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 12 "
             "Tahun 2015 tentang Pedoman Evaluasi atas Implementasi Sistem Akuntabilitas Kinerja "
             "Instansi Pemerintah", 2015, 2020),
    Regulasi("Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 88 "
             "Tahun 2021 tentang Evaluasi Akuntabilitas Kinerja Instansi Pemerintah", 2021),
    Regulasi("Peraturan Menteri Dalam Negeri Nomor 70 Tahun 2019 tentang Sistem Informasi "
             "Pemerintahan Daerah", TAHUN_SIPD, None, _DAERAH),
    Regulasi("Peraturan Pemerintah Nomor 39 Tahun 2006 tentang Tata Cara Pengendalian dan "
             "Evaluasi Pelaksanaan Rencana Pembangunan", 2006, None, _PUSAT),
)


def regulasi(tahun: int, jenis: str, peran: str | None = None) -> tuple[str, ...]:
    """The regulations in force in ``tahun`` for a kind (only those of a ``peran`` if given)."""
    return tuple(r.teks for r in REGULASI if r.berlaku(tahun, jenis)
                 and (peran is None or peran in r.peran))


# --- one workbook's settings ----------------------------------------------------------------------

@dataclass(frozen=True)
class Pihak:
    """One party of the Perjanjian Kinerja."""

    jabatan: str
    nama: str | None = None


@dataclass(frozen=True)
class Anggaran:
    """The budget as the report speaks of it; ``ada`` False: the report has no budget part. The
    defaults are the words of an annual APBD report."""

    bentuk: str = c.ANGGARAN_APBD
    ada: bool = True
    nama: str = "APBD"
    perubahan: str = "APBD-Perubahan"
    perubahan_singkat: str = "APBD-P"
    tingkat: tuple[str, str, str] = ("Program", "Kegiatan", "Sub Kegiatan")
    #: where the list of 1.4 comes from (with **bold**/*italic* markup)
    sumber: str = ""
    #: the Perjanjian Kinerja after the change ('Tahun APBD-Perubahan 2024', 'Tahun 2025 setelah
    #: Revisi DIPA')
    pk_perubahan: str = ""
    #: what the unspent part of the pagu is called: efficiency at the end of a year, the budget
    #: still to be spent in a semester report (the figure is the same: 100 - realisasi %)
    efisiensi: str = "Efisiensi Anggaran"
    efisiensi_kolom: str = "Tingkat Efisiensi (%)"
    efisiensi_judul: str = "Tingkat Efisiensi Penggunaan Anggaran"


#: The words of a semester report for the part of the pagu not yet spent.
SISA_ANGGARAN = {"efisiensi": "Sisa Anggaran", "efisiensi_kolom": "Sisa Anggaran (%)",
                 "efisiensi_judul": "Sisa Anggaran"}


@dataclass(frozen=True)
class Setelan:
    """The terms of one report: each typed in the Profil, or its default for the kind and year."""

    jenis: Jenis
    nama_lengkap: str
    singkatan_lengkap: str
    #: the cover's line under the unit's name ('' for none)
    induk: str
    #: 'Wali Kota Bekasi' ('' without a pemerintah daerah)
    kepala_daerah: str
    judul: str
    singkatan_laporan: str
    #: 'I' or 'II' in a semester report, '' in an annual one
    semester: str
    #: 'Tahun 2024', 'Semester I Tahun 2025'
    periode: str
    #: the period after it: 'Tahun 2025', 'Semester II Tahun 2025'
    periode_berikut: str
    rencana: Rencana
    anggaran: Anggaran
    pihak_pertama: Pihak
    pihak_kedua: Pihak | None
    nip: str
    dasar_hukum: tuple[str, ...]
    #: the legal basis is typed in the Profil (not the default list)
    dasar_hukum_diisi: bool
    #: the guideline the report's layout follows ('' where none is known for the year)
    pedoman_pelaporan: str
    #: the regulation that defines the Perjanjian Kinerja ('' before it existed)
    dasar_pk: str
    #: 'Tingkat Kota, Provinsi maupun Nasional'
    tingkat_prestasi: str


def jenis_of(p: Profil) -> Jenis:
    """The kind of unit; a blank (a layout 1.0 workbook) is a perangkat daerah."""
    return JENIS.get(p.jenis_unit or c.UNIT_PD, JENIS[c.UNIT_PD])


def bentuk_anggaran(jenis_unit: str | None, bentuk: str | None) -> str:
    """The budget shape: the Profil's, or the kind's default."""
    if bentuk:
        return bentuk
    return JENIS.get(jenis_unit or c.UNIT_PD, JENIS[c.UNIT_PD]).bentuk_anggaran[0]


def has_budget(values: dict) -> bool:
    """Whether a workbook has a budget, from its bound Profil values (key -> value)."""
    return bentuk_anggaran(values.get("jenis_unit"), values.get("bentuk_anggaran")) != \
        c.ANGGARAN_TIDAK_ADA


def kepala_daerah(jenis_pemda: str | None, nama_pemda: str | None) -> str:
    """``('Kota', 'Kota Bekasi') -> 'Wali Kota Bekasi'``; '' without a pemerintah daerah."""
    if not nama_pemda:
        return ""
    jenis = jenis_pemda or ""
    nama = (nama_pemda[len(jenis):].strip()
            if jenis and nama_pemda.lower().startswith(jenis.lower()) else nama_pemda)
    return f"{KEPALA_DAERAH.get(jenis, 'Kepala Daerah')} {nama}"


def with_region(p: Profil, name: str) -> str:
    """A name as the report writes it: a perangkat daerah's with its region."""
    if jenis_of(p).nama_dengan_daerah and p.nama_pemda:
        return f"{name} {p.nama_pemda}"
    return name


def tingkat_anggaran(text: str | None) -> tuple[str, ...] | None:
    """The three level names typed in the Profil ('Program; Kegiatan; Rincian Output'), or None
    when they are not three."""
    if not text:
        return None
    names = tuple(n.strip() for n in re.split(r"[;\n]", text) if n.strip())
    return names if len(names) == 3 else None


def same_office(a: str, b: str) -> bool:
    """Two jabatan naming the same office (case and spacing aside)."""
    def norm(s: str) -> str:
        return re.sub(r"\s+", " ", s).strip().casefold()
    return norm(a) == norm(b)


def _tingkat_prestasi(levels: tuple[str, ...], jenis_pemda: str | None) -> str:
    """The levels as words. A list without the region's own level ("{jenis_pemda}") names only
    levels above the region: a province's own report drops "Provinsi"."""
    own = "{jenis_pemda}" in levels
    named = []
    for level in levels:
        word = level.replace("{jenis_pemda}", jenis_pemda or "Daerah")
        if word not in named and (own or word != jenis_pemda):
            named.append(word)
    if len(named) == 1:
        return f"Tingkat {named[0]}"
    return f"Tingkat {', '.join(named[:-1])} maupun {named[-1]}"


def _periode(p: Profil) -> tuple[str, str, str]:
    """(semester, the period, the period after it)."""
    tahun = p.tahun
    if p.periode_laporan == c.PERIODE_SEMESTER_I:
        return "I", f"Semester I Tahun {tahun}", f"Semester II Tahun {tahun}"
    if p.periode_laporan == c.PERIODE_SEMESTER_II:
        return "II", f"Semester II Tahun {tahun}", f"Semester I Tahun {tahun + 1}"
    return "", f"Tahun {tahun}", f"Tahun {tahun + 1}"


def _anggaran(p: Profil) -> Anggaran:
    bentuk = bentuk_anggaran(p.jenis_unit, p.bentuk_anggaran)
    spec = ANGGARAN.get(bentuk)
    if spec is None:
        return Anggaran(bentuk, False)
    sumber = spec.sumber_baru if spec.sumber_baru and p.tahun >= spec.sumber_baru_sejak \
        else spec.sumber
    tingkat = tingkat_anggaran(p.tingkat_anggaran) or spec.tingkat
    semester = p.periode_laporan in (c.PERIODE_SEMESTER_I, c.PERIODE_SEMESTER_II)
    return Anggaran(bentuk, True, spec.nama, spec.perubahan, spec.perubahan_singkat,
                    tingkat,  # type: ignore[arg-type] # three names, checked above
                    sumber.format(tahun=p.tahun),
                    spec.pk_perubahan.format(tahun=p.tahun, perubahan=spec.perubahan),
                    **(SISA_ANGGARAN if semester else {}))


def _pihak(p: Profil, jenis: Jenis, kepala: str) -> tuple[Pihak, Pihak | None]:
    pertama = Pihak(p.pk_pihak_pertama_jabatan or p.kepala_jabatan, p.pk_pihak_pertama_nama)
    if p.pk_pihak_kedua_jabatan:
        return pertama, Pihak(p.pk_pihak_kedua_jabatan, p.pk_pihak_kedua_nama)
    if jenis.pihak_kedua == PIHAK_KEPALA_DAERAH and kepala:
        return pertama, Pihak(kepala, p.pk_pihak_kedua_nama)
    return pertama, None


def dasar_hukum_lines(text: str | None) -> tuple[str, ...]:
    """The regulations typed in the Profil, one per line (list punctuation dropped)."""
    if not text:
        return ()
    return tuple(line.strip().rstrip(";.,").strip() for line in text.splitlines()
                 if line.strip().rstrip(";.,").strip())


def resolve(p: Profil) -> Setelan:
    """Every term of the report for one Profil: typed values first, then the defaults of the kind
    and the report year."""
    jenis = jenis_of(p)
    tahun = p.tahun
    kepala = kepala_daerah(p.jenis_pemda, p.nama_pemda) if jenis.pemda_wajib else ""
    judul, singkatan = jenis.judul if tahun >= TAHUN_PERPRES_29_2014 else JUDUL_SEBELUM
    semester, periode, berikut = _periode(p)
    if p.instansi_induk:
        induk = p.instansi_induk
    elif jenis.nama == c.UNIT_PD:
        induk = p.nama_pemda or ""
    elif jenis.nama == c.UNIT_PEMDA and p.provinsi and p.jenis_pemda != "Provinsi":
        induk = f"Provinsi {p.provinsi}"
    else:
        induk = ""
    pertama, kedua = _pihak(p, jenis, kepala)
    typed = dasar_hukum_lines(p.dasar_hukum)
    pelaporan = regulasi(tahun, jenis.nama, "pelaporan")
    pk = regulasi(tahun, jenis.nama, "pk")
    return Setelan(
        jenis=jenis,
        nama_lengkap=with_region(p, p.nama_instansi),
        singkatan_lengkap=with_region(p, p.singkatan),
        induk=induk,
        kepala_daerah=kepala,
        judul=p.judul_laporan or judul,
        singkatan_laporan=p.singkatan_laporan or singkatan,
        semester=semester, periode=periode, periode_berikut=berikut,
        rencana=RENCANA[p.dokumen_perencanaan or jenis.dokumen_perencanaan],
        anggaran=_anggaran(p),
        pihak_pertama=pertama, pihak_kedua=kedua,
        nip=p.kepala_nip or "",
        dasar_hukum=typed or regulasi(tahun, jenis.nama),
        dasar_hukum_diisi=bool(typed),
        pedoman_pelaporan=pelaporan[-1] if pelaporan else "",
        dasar_pk=pk[-1] if pk else "",
        tingkat_prestasi=_tingkat_prestasi(jenis.tingkat_prestasi, p.jenis_pemda),
    )
