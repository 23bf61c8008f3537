"""The workbook contract: every sheet, column and profile field of the standard workbook,
defined once.

The reader, the blank workbook written by ``lkip init``, the Petunjuk sheet, ``docs/workbook.md``
and the tests are all derived from these tables, so a column is named, typed and explained in one
place. User-facing strings (sheet names, headers, help) are in Bahasa Indonesia; keys are
identifiers used by the model.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Version of the workbook layout. Written into the Profil sheet of new workbooks so that a message
#: about a missing column can tell the user which layout their file follows. 2.0 added the kind of
#: reporting unit, the report's terms, the Perjanjian Kinerja parties, the budget's shape and the
#: Kelompok Anggaran sheet; a 1.0 workbook reads as a perangkat daerah with an APBD budget
#: (docs/agencies.md).
LAYOUT_VERSION = "2.0"

# Kinds of cell. The reader turns each into one Python type (see workbook/cells.py).
TEXT = "text"  # free text, str
CODE = "code"  # identifier typed as text (kode, NIP); must not be a number Excel has reformatted
INT = "int"  # whole number (counts, years)
DECIMAL = "decimal"  # any number, Decimal
MONEY = "money"  # rupiah, Decimal >= 0
PERCENT = "percent"  # percentage, Decimal in percent units (98.32 means 98,32%)
YEAR = "year"  # four-digit year, int
DATE = "date"  # datetime.date
CHOICE = "choice"  # one of ``choices`` (drop-down in the workbook)
BOOL = "bool"  # Ya / Tidak
PERIOD = "period"  # "2024-2026": (start, end) years

KIND_LABELS = {
    TEXT: "teks",
    CODE: "kode (teks)",
    INT: "bilangan bulat",
    DECIMAL: "angka",
    MONEY: "rupiah",
    PERCENT: "persen",
    YEAR: "tahun",
    DATE: "tanggal",
    CHOICE: "pilihan",
    BOOL: "Ya/Tidak",
    PERIOD: "periode (tahun-tahun)",
}

# Capaian methods. The stored value is the Indonesian label the user picks from a drop-down.
METODE_NAIK = "Naik: R/T x 100"
METODE_TURUN_SELISIH = "Turun: (2T-R)/T x 100"
METODE_TURUN_RASIO = "Turun: T/R x 100"
METODE_CHOICES = (METODE_NAIK, METODE_TURUN_SELISIH, METODE_TURUN_RASIO)

DASAR_REALISASI = "Realisasi"
DASAR_CAPAIAN = "Capaian"
DASAR_PREDIKAT_CHOICES = (DASAR_REALISASI, DASAR_CAPAIAN)

#: The budget groups layout 1.0 fixed (Program's Kelompok Belanja). Since 2.0 the groups are rows of
#: the Kelompok Anggaran sheet; a workbook with an APBD budget and no such rows still understands
#: these two codes (workbook/upgrade.py).
KELOMPOK_BELANJA = {
    "BLU": "Belanja Langsung Urusan",
    "BLPU": "Belanja Langsung Penunjang Urusan",
}

JENIS_PEMDA_CHOICES = ("Kota", "Kabupaten", "Provinsi")

# How the report rounds the figures it prints (Profil, overridable per indicator).
PEMBULATAN_SETENGAH = "Setengah ke atas"
PEMBULATAN_BAWAH = "Ke bawah"
PEMBULATAN_CHOICES = (PEMBULATAN_SETENGAH, PEMBULATAN_BAWAH)
#: Decimals of a percentage when the workbook says nothing (the reference's 98,60%).
DESIMAL_PERSEN_BAWAAN = 2

# Which capaian an indicator's Batas Atas Capaian limits (Profil).
BATAS_SEMUA = "Semua capaian"
BATAS_TAHUNAN = "Tahun kinerja dan tahun sebelumnya"
BATAS_TAHUN_INI = "Tahun kinerja saja"
BATAS_CHOICES = (BATAS_SEMUA, BATAS_TAHUNAN, BATAS_TAHUN_INI)

# How 3.2 analyses the indicators (Profil): each IKU on its own (a. to e. per indicator), or each
# sasaran as a whole (one measurement table with all its indicators, one analysis), as many
# agencies write it.
TATA_LETAK_PER_INDIKATOR = "Per Indikator"
TATA_LETAK_PER_SASARAN = "Per Sasaran"
TATA_LETAK_CHOICES = (TATA_LETAK_PER_INDIKATOR, TATA_LETAK_PER_SASARAN)

# Whether the report is marked DRAF (Profil).
STATUS_OTOMATIS = "Otomatis"
STATUS_DRAF = "Draf"
STATUS_FINAL = "Final"
STATUS_CHOICES = (STATUS_OTOMATIS, STATUS_DRAF, STATUS_FINAL)

# Kinds of reporting unit (Profil: Jenis Unit Pelapor). What each kind implies by default (names,
# terms, PK parties, budget) is declared once, in workbook/kinds.py.
UNIT_PD = "Perangkat Daerah"
UNIT_PEMDA = "Pemerintah Daerah"
UNIT_KL = "Kementerian/Lembaga"
UNIT_VERTIKAL = "Unit Vertikal/UPT"
JENIS_UNIT_CHOICES = (UNIT_PD, UNIT_PEMDA, UNIT_KL, UNIT_VERTIKAL)

PERIODE_TAHUNAN = "Tahunan"
PERIODE_SEMESTER_I = "Semester I"
PERIODE_SEMESTER_II = "Semester II"
PERIODE_LAPORAN_CHOICES = (PERIODE_TAHUNAN, PERIODE_SEMESTER_I, PERIODE_SEMESTER_II)

RENCANA_RENSTRA = "Renstra"
RENCANA_RENSTRA_KL = "Renstra K/L"
RENCANA_RPJMD = "RPJMD"
RENCANA_RPD = "RPD"
RENCANA_CHOICES = (RENCANA_RENSTRA, RENCANA_RENSTRA_KL, RENCANA_RPJMD, RENCANA_RPD)

ANGGARAN_APBD = "APBD"
ANGGARAN_DIPA = "APBN/DIPA"
ANGGARAN_TIDAK_ADA = "Tidak Ada"
BENTUK_ANGGARAN_CHOICES = (ANGGARAN_APBD, ANGGARAN_DIPA, ANGGARAN_TIDAK_ADA)

#: The name the composite-index formulas and ``Kode Indeks Realisasi`` use for the AKIP total (the
#: sum of Nilai in Evaluasi AKIP): a code of Komponen Indeks that no row defines.
NILAI_AKIP = "NILAI_AKIP"

# Narrative sections. Each key is where the template places the paragraphs; ``per_iku`` sections
# need the Kode IKU column.
@dataclass(frozen=True)
class NarrativeSection:
    key: str
    label: str
    per_iku: bool
    help: str


NARRATIVE_SECTIONS: tuple[NarrativeSection, ...] = (
    NarrativeSection("kata_pengantar", "Kata Pengantar", False,
                     "Isi Kata Pengantar. Jika kosong, dipakai teks baku yang dibentuk "
                     "dari Profil."),
    NarrativeSection("ikhtisar", "Ikhtisar Eksekutif", False,
                     "Paragraf tambahan untuk Ikhtisar Eksekutif "
                     "(ringkasan angka dibuat otomatis)."),
    NarrativeSection("latar_belakang", "Latar Belakang", False, "Isi Subbab 1.1 Latar Belakang."),
    NarrativeSection("tugas_fungsi", "Tugas, Fungsi dan Struktur", False,
                     "Isi Subbab 1.2: tugas pokok, fungsi, bidang dan susunan organisasi."),
    NarrativeSection("aspek_strategis", "Aspek Strategis", False,
                     "Isi Subbab 1.3 sebelum tabel data pegawai: "
                     "wilayah, faktor kunci, tantangan."),
    NarrativeSection("layanan", "Layanan Produk", False,
                     "Isi Subbab 1.4 setelah daftar sub kegiatan: produk layanan organisasi."),
    NarrativeSection("perencanaan_kinerja", "Perencanaan Kinerja", False,
                     "Paragraf pembuka Bab II sebelum Subbab 2.1."),
    NarrativeSection("renstra", "Rencana Strategis", False,
                     "Paragraf tambahan Subbab 2.1 (tujuan dan sasaran)."),
    NarrativeSection("iku_umum", "Indikator Kinerja Utama", False,
                     "Paragraf tambahan sebelum Tabel IKU di Subbab 2.1."),
    NarrativeSection("perjanjian_kinerja", "Perjanjian Kinerja", False,
                     "Paragraf tambahan Subbab 2.2 Perjanjian Kinerja."),
    NarrativeSection("capaian_organisasi", "Capaian Kinerja Organisasi", False,
                     "Paragraf tambahan Subbab 3.1 sebelum Tabel Capaian Kinerja."),
    NarrativeSection("analisis_capaian_organisasi", "Analisis Capaian Organisasi", False,
                     "Subbab 3.1 setelah Tabel Capaian Kinerja dan ringkasan realisasinya."),
    NarrativeSection("penjelasan_iku", "Penjelasan IKU", True,
                     "Subbab 3.2: mengapa indikator ini menjadi IKU dan dasar perhitungannya."),
    NarrativeSection("perbandingan_tahun_lalu", "Analisis Perbandingan Tahun Lalu", True,
                     "Subbab 3.2 huruf a: penjelasan setelah tabel perbandingan "
                     "dengan tahun lalu."),
    NarrativeSection("penyebab", "Penyebab Keberhasilan/Kegagalan", True,
                     "Subbab 3.2 huruf b: faktor penyebab keberhasilan atau kegagalan."),
    NarrativeSection("perbandingan_renstra", "Analisis Target Renstra", True,
                     "Subbab 3.2 huruf c: penjelasan setelah tabel perbandingan "
                     "dengan target Renstra."),
    NarrativeSection("efisiensi", "Analisis Efisiensi", True,
                     "Subbab 3.2: penjelasan setelah tabel anggaran dan efisiensi."),
    NarrativeSection("langkah", "Langkah Tahun Depan", True,
                     "Subbab 3.2: langkah yang akan dilakukan tahun berikutnya."),
    NarrativeSection("realisasi_anggaran", "Realisasi Anggaran", False,
                     "Paragraf tambahan Subbab 3.3."),
    NarrativeSection("prestasi", "Prestasi", False, "Paragraf pembuka Subbab 3.4 Prestasi."),
    NarrativeSection("kesimpulan", "Kesimpulan", False,
                     "Isi Bab IV Penutup. Jika kosong, dipakai kesimpulan yang dibentuk "
                     "dari angka."),
)
NARRATIVE_BY_LABEL = {s.label: s for s in NARRATIVE_SECTIONS}

JENIS_PARAGRAF = "Paragraf"
JENIS_SUBJUDUL = "Subjudul"
JENIS_BUTIR_ANGKA = "Butir Angka"
JENIS_BUTIR_HURUF = "Butir Huruf"
JENIS_BUTIR_POIN = "Butir Poin"
JENIS_NARASI_CHOICES = (JENIS_PARAGRAF, JENIS_SUBJUDUL, JENIS_BUTIR_ANGKA, JENIS_BUTIR_HURUF,
                        JENIS_BUTIR_POIN)


@dataclass(frozen=True)
class Column:
    """One column of a table sheet, found by its header text (never by position)."""

    key: str
    header: str
    kind: str
    required: bool = False
    help: str = ""
    choices: tuple[str, ...] = ()
    #: key of the sheet whose code column (its first) defines the codes this column refers to:
    #: the drop-down in a new workbook, the reference check and the exact spelling the model holds
    #: all follow it. The only declaration of a reference.
    ref: str | None = None
    width: int = 16
    example: str = ""
    #: other header texts accepted for this column (older layouts, common variants)
    aliases: tuple[str, ...] = ()
    #: what a blank cell stands for in the model (a value of the column's kind). For a required
    #: column the blank is reported and this only keeps the rest of the check going.
    default: object = None
    #: (lowest, highest) a whole number is read as; a value beyond a bound is read as the bound.
    limits: tuple[int | None, int | None] = (None, None)
    #: the cell may say its number is not available ("n/a", "-", "belum tersedia"): the model
    #: holds numbers.NA, the report prints N/A, and ``lkip check`` warns at the cell
    not_available: bool = False


@dataclass(frozen=True)
class Field:
    """One row of the Profil sheet (a label and its value)."""

    key: str
    label: str
    kind: str
    required: bool = False
    help: str = ""
    choices: tuple[str, ...] = ()
    example: str = ""
    default: str = ""
    #: other labels accepted for this field (the label of an older layout)
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class DerivedCode:
    """A code no row defines but that stands among a sheet's codes, its value computed from the
    rows of another sheet: a reference to it needs rows there."""

    code: str
    #: key of the sheet it is computed from
    source: str


@dataclass(frozen=True)
class Sheet:
    key: str
    name: str
    help: str
    columns: tuple[Column, ...] = ()
    fields: tuple[Field, ...] = ()
    #: a sheet that may be left without rows (its section is then left out of the report)
    optional_rows: bool = True
    #: columns whose combined value must be unique within the sheet
    unique: tuple[str, ...] = ()
    #: columns a row needs to become a record; a row without one is left out of the model (its
    #: blank is reported). Empty: the ``unique`` columns. (Target IKU's year is one: a row whose
    #: year cannot be read would otherwise appear as "year 0" among the earlier years.)
    identity: tuple[str, ...] = ()
    #: codes accepted wherever this sheet's codes are, without a row of their own
    derived_codes: tuple[DerivedCode, ...] = ()
    #: a sheet of the budget: its rows are needed (``optional_rows`` False) only when the Profil's
    #: Bentuk Anggaran is not 'Tidak Ada' (workbook/kinds.py decides)
    budget: bool = False

    @property
    def is_fields(self) -> bool:
        return bool(self.fields)

    @property
    def code_column(self) -> Column:
        """The column other sheets refer to (``Column.ref``): the first, where a new workbook's
        drop-downs look for the codes."""
        return self.columns[0]

    @property
    def record_identity(self) -> tuple[str, ...]:
        return self.identity or self.unique

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(key)

    def field(self, key: str) -> Field:
        for f in self.fields:
            if f.key == key:
                return f
        raise KeyError(key)


PROFIL_HEADERS = ("Isian", "Nilai", "Keterangan")

PROFIL = Sheet(
    key="profil",
    name="Profil",
    help="Identitas unit pelapor, periode perencanaan, penandatangan dan pengaturan laporan. "
         "Isi kolom Nilai; jangan mengubah kolom Isian. Isian yang kosong diisi nilai bawaan "
         "sesuai Jenis Unit Pelapor dan Tahun Kinerja (lihat Keterangan).",
    optional_rows=False,
    fields=(
        Field("versi_format", "Versi Format", TEXT, help="Versi format workbook. Jangan diubah.",
              default=LAYOUT_VERSION),
        Field("jenis_unit", "Jenis Unit Pelapor", CHOICE, False,
              "Perangkat Daerah (dinas, badan, kecamatan, RSUD ... kota/kabupaten/provinsi); "
              "Pemerintah Daerah (LKjIP kota/kabupaten/provinsi itu sendiri, berdasarkan RPJMD, "
              "ditandatangani kepala daerah); Kementerian/Lembaga (atau unit eselon I-nya); Unit "
              "Vertikal/UPT (Kanwil, Lapas, Kantor Imigrasi, Balai, Pengadilan Agama/Negeri). "
              "Kosong = Perangkat Daerah.", choices=JENIS_UNIT_CHOICES, example=UNIT_PD,
              default=UNIT_PD),
        Field("nama_instansi", "Nama Instansi", TEXT, True,
              "Nama lengkap seperti ditulis unit itu. Perangkat daerah: tanpa nama daerah (nama "
              "daerah ditambahkan dari Nama Pemerintah Daerah); unit lain: lengkap, mis. "
              "'Pengadilan Agama Rantau Pandan' atau 'Pemerintah Kabupaten Wanasari'.",
              example="Dinas Komunikasi, Informatika, Statistik dan Persandian",
              aliases=("Nama Perangkat Daerah",)),
        Field("singkatan", "Singkatan", TEXT, True,
              "Nama singkat yang dipakai dalam kalimat (perangkat daerah: tanpa nama daerah).",
              example="Diskominfostandi"),
        Field("jenis_pemda", "Jenis Pemerintah Daerah", CHOICE, False,
              "Wajib untuk Perangkat Daerah dan Pemerintah Daerah; kosongkan untuk unit "
              "kementerian/lembaga.", choices=JENIS_PEMDA_CHOICES, example="Kota"),
        Field("nama_pemda", "Nama Pemerintah Daerah", TEXT, False,
              "Lengkap dengan sebutannya. Wajib untuk Perangkat Daerah dan Pemerintah Daerah.",
              example="Kota Bekasi"),
        Field("provinsi", "Provinsi", TEXT, False, example="Jawa Barat"),
        Field("instansi_induk", "Instansi Induk", TEXT, False,
              "Instansi di atas unit ini, dicetak di sampul di bawah nama unit. Wajib untuk Unit "
              "Vertikal/UPT. Kosong: Nama Pemerintah Daerah (Perangkat Daerah), 'Provinsi ...' "
              "(Pemerintah Daerah kota/kabupaten), tidak ada (lainnya).",
              example="Pengadilan Tinggi Agama Jambi"),
        Field("tahun", "Tahun Kinerja", YEAR, True, "Tahun yang dilaporkan.", example="2024"),
        Field("periode_laporan", "Periode Laporan", CHOICE, False,
              "Tahunan, Semester I atau Semester II. Laporan semester: target dan realisasi di "
              "lembar Target IKU, Indikator Program dan Sub Kegiatan adalah angka semester itu. "
              "Kosong = Tahunan.", choices=PERIODE_LAPORAN_CHOICES, example=PERIODE_SEMESTER_I,
              default=PERIODE_TAHUNAN),
        Field("tahun_anggaran_sampul", "Tahun Anggaran pada Sampul", YEAR, False,
              "Jika diisi, sampul memuat 'TAHUN ANGGARAN ...'.", example="2025"),
        Field("judul_laporan", "Judul Laporan", TEXT, False,
              "Kosong = sesuai jenis unit dan tahun: 'Laporan Kinerja Instansi Pemerintah' "
              "(Kementerian/Lembaga: 'Laporan Kinerja'; sebelum 2014: 'Laporan Akuntabilitas "
              "Kinerja Instansi Pemerintah').", example="Laporan Kinerja Instansi Pemerintah"),
        Field("singkatan_laporan", "Singkatan Judul Laporan", TEXT, False,
              "Kosong = LKIP (Perangkat Daerah), LKjIP (Pemerintah Daerah, Unit Vertikal/UPT), "
              "LKj (Kementerian/Lembaga), LAKIP (sebelum 2014).", example="LKjIP"),
        Field("dokumen_perencanaan", "Jenis Dokumen Perencanaan", CHOICE, False,
              "Dokumen jangka menengah yang menjadi dasar laporan. Kosong = Renstra (Perangkat "
              "Daerah), RPJMD (Pemerintah Daerah), Renstra K/L (lainnya).",
              choices=RENCANA_CHOICES, example=RENCANA_RENSTRA),
        Field("periode_renstra", "Periode Renstra", PERIOD, True,
              "Tahun awal-tahun akhir dokumen perencanaan (Renstra, RPJMD atau RPD).",
              example="2024-2026"),
        Field("periode_renstra_sebelumnya", "Periode Renstra Sebelumnya", PERIOD, False,
              example="2018-2023"),
        Field("dasar_renstra", "Dasar Penetapan Renstra", TEXT, False,
              "Peraturan yang menetapkan dokumen perencanaan.",
              example="Peraturan Wali Kota Bekasi Nomor 14 Tahun 2023"),
        Field("dokumen_perencanaan_daerah", "Dokumen Perencanaan Acuan", TEXT, True,
              "Dokumen yang menjadi acuan dokumen perencanaan: RPJMD/RPD (perangkat daerah), "
              "RPJMN (pemerintah daerah), Renstra kementerian/lembaga atau Mahkamah Agung "
              "(unit vertikal).",
              example="Rencana Pembangunan Daerah (RPD) Kota Bekasi Tahun 2024-2026",
              aliases=("Dokumen Perencanaan Daerah",)),
        Field("dasar_hukum", "Dasar Hukum", TEXT, False,
              "Peraturan yang menjadi dasar penyusunan laporan, satu per baris (Alt+Enter). "
              "Kosong = daftar bawaan sesuai jenis unit, hanya peraturan yang berlaku pada Tahun "
              "Kinerja; dicetak di Subbab 1.1 bila Latar Belakang tidak ditulis sendiri.",
              example="Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas "
                      "Kinerja Instansi Pemerintah"),
        Field("kepala_jabatan", "Jabatan Penandatangan", TEXT, True,
              example="Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian Kota Bekasi"),
        Field("kepala_nama", "Nama Penandatangan", TEXT, True, "Lengkap dengan gelar.",
              example="ROBET TP SIAGIAN, S.STP., M.Si"),
        Field("kepala_pangkat", "Pangkat/Golongan Penandatangan", TEXT, False,
              example="Pembina Utama Muda (IV/c)"),
        Field("kepala_nip", "NIP Penandatangan", CODE, False,
              "Ketik sebagai teks (format sel Teks). Wajib untuk Perangkat Daerah dan Unit "
              "Vertikal/UPT; kosongkan bila penandatangan tidak memiliki NIP (kepala daerah, "
              "menteri): baris NIP tidak dicetak.", example="19770126 199703 1 003"),
        Field("pk_pihak_pertama_jabatan", "Jabatan Pihak Pertama PK", TEXT, False,
              "Yang berjanji dalam Perjanjian Kinerja. Kosong = Jabatan Penandatangan.",
              example="Ketua Pengadilan Agama Rantau Pandan"),
        Field("pk_pihak_pertama_nama", "Nama Pihak Pertama PK", TEXT, False,
              "Jika diisi, Subbab 2.2 menyebut siapa yang menandatangani Perjanjian Kinerja.",
              example="Dra. HJ. NURLAILA, M.H."),
        Field("pk_pihak_kedua_jabatan", "Jabatan Pihak Kedua PK", TEXT, False,
              "Atasan yang memberi amanah. Kosong = kepala daerah (Perangkat Daerah), tidak ada "
              "(Pemerintah Daerah: PK ditandatangani kepala daerah sendiri; Kementerian/"
              "Lembaga). Wajib untuk Unit Vertikal/UPT.",
              example="Ketua Pengadilan Tinggi Agama Jambi"),
        Field("pk_pihak_kedua_nama", "Nama Pihak Kedua PK", TEXT, False,
              example="Dr. H. SYAMSUL BAHRI, S.H., M.H."),
        Field("tempat", "Tempat Penandatanganan", TEXT, True, example="Bekasi"),
        Field("tanggal", "Tanggal Penandatanganan", DATE, True, example="16 Januari 2025"),
        Field("bentuk_anggaran", "Bentuk Anggaran", CHOICE, False,
              "APBD (program > kegiatan > sub kegiatan), APBN/DIPA (program > kegiatan > "
              "rincian output) atau Tidak Ada (laporan tanpa bagian anggaran; lembar Program, "
              "Kegiatan dan Sub Kegiatan dikosongkan). Kosong = APBD (Perangkat Daerah, "
              "Pemerintah Daerah) atau APBN/DIPA (lainnya).",
              choices=BENTUK_ANGGARAN_CHOICES, example=ANGGARAN_APBD),
        Field("tingkat_anggaran", "Sebutan Tingkat Anggaran", TEXT, False,
              "Sebutan tiga tingkat anggaran (lembar Program, Kegiatan, Sub Kegiatan) dipisah "
              "titik koma. Kosong = 'Program; Kegiatan; Sub Kegiatan' (APBD) atau 'Program; "
              "Kegiatan; Rincian Output' (APBN/DIPA).",
              example="Program; Kegiatan; Rincian Output"),
        Field("logo", "Berkas Logo", TEXT, False,
              "Nama berkas gambar (PNG/JPG) di folder yang sama dengan workbook. Boleh kosong.",
              example="logo.png"),
        Field("bagan_organisasi", "Berkas Bagan Organisasi", TEXT, False,
              "Gambar struktur organisasi (PNG/JPG) di folder workbook, ditampilkan di Subbab 1.2 "
              "sebagai Gambar 1.1. Boleh kosong.", example="struktur.png"),
        Field("keterangan_bagan_organisasi", "Keterangan Bagan Organisasi", TEXT, False,
              "Catatan di bawah bagan organisasi, mis. peraturan yang menetapkannya.",
              example="Sesuai dengan Peraturan Wali Kota Bekasi Nomor 79 Tahun 2016"),
        Field("ikhtisar_eksekutif", "Tampilkan Ikhtisar Eksekutif", BOOL, False,
              "Ya: laporan memuat Ikhtisar Eksekutif sebelum Bab I.", default="Tidak"),
        Field("tata_letak_analisis", "Tata Letak Analisis", CHOICE, False,
              "Cara Subbab 3.2 menganalisis capaian. Per Indikator (bawaan): setiap IKU dengan "
              "tabel dan butir analisisnya sendiri (perbandingan dengan tahun lalu, penyebab, "
              "target akhir Renstra, efisiensi, langkah). Per Sasaran: satu tabel pengukuran "
              "per sasaran memuat semua indikatornya, lalu satu analisis per sasaran; baris "
              "Narasi per IKU masuk ke analisis sasaran dari IKU yang disebut di Kode IKU.",
              choices=TATA_LETAK_CHOICES, example=TATA_LETAK_PER_INDIKATOR,
              default=TATA_LETAK_PER_INDIKATOR),
        Field("sumber_pegawai", "Sumber Data Kepegawaian", TEXT, False,
              "Teks 'Sumber:' di bawah tabel pegawai."),
        Field("sumber_renstra", "Sumber Data Renstra", TEXT, False,
              "Teks 'Sumber:' di bawah tabel tujuan/sasaran dan IKU."),
        Field("sumber_pk", "Sumber Data Perjanjian Kinerja", TEXT, False),
        Field("sumber_pk_perubahan", "Sumber Data Perjanjian Kinerja Perubahan", TEXT, False),
        Field("sumber_evaluasi", "Sumber Data Evaluasi Internal", TEXT, False,
              "Teks 'Sumber:' di bawah tabel capaian kinerja."),
        Field("sumber_anggaran", "Sumber Data Anggaran", TEXT, False,
              "Teks 'Sumber:' di bawah tabel anggaran."),
        Field("sumber_akip", "Sumber Data Evaluasi AKIP", TEXT, False,
              "Teks 'Sumber:' di bawah tabel hasil evaluasi AKIP."),
        Field("dasar_peringkat_akip", "Dasar Daftar Peringkat AKIP", TEXT, False,
              "Judul keputusan yang memuat daftar peringkat (lampiran).",
              example="Keputusan Wali Kota Bekasi Nomor 000.8.6.3/Kep.376-Org/VII/2024"),
        Field("desimal_persen", "Desimal Persentase", INT, False,
              "Jumlah desimal capaian dan persentase anggaran di laporan: 2 (bawaan, 98,60%), 1 "
              "(98,6%) atau 0 (bilangan bulat, 99%). Dapat diganti per indikator di kolom "
              "Desimal Capaian lembar IKU dan Indikator Program.", example="2",
              default=str(DESIMAL_PERSEN_BAWAAN)),
        Field("pembulatan", "Pembulatan", CHOICE, False,
              "Cara membulatkan angka yang ditampilkan (capaian, persentase anggaran, target dan "
              "realisasi ke Desimal, hasil Komponen Indeks): Setengah ke atas (bawaan: 99,875 "
              "menjadi 99,88) atau Ke bawah (dipotong: 99,875 menjadi 99,87). Persentase di bawah "
              "100 tidak pernah ditampilkan 100, dan sisa di atas 0 tidak pernah ditampilkan 0.",
              choices=PEMBULATAN_CHOICES, example=PEMBULATAN_SETENGAH, default=PEMBULATAN_SETENGAH),
        Field("batas_capaian_berlaku", "Batas Capaian Berlaku untuk", CHOICE, False,
              "Capaian yang dibatasi oleh Batas Atas Capaian (%) indikator: Semua capaian "
              "(bawaan: tahun kinerja, tahun-tahun sebelumnya dan terhadap target akhir Renstra), "
              "Tahun kinerja dan tahun sebelumnya (capaian terhadap target akhir Renstra tidak "
              "dibatasi) atau Tahun kinerja saja.", choices=BATAS_CHOICES, example=BATAS_SEMUA,
              default=BATAS_SEMUA),
        Field("capaian_sebelum_batas", "Tampilkan Capaian Sebelum Dibatasi", BOOL, False,
              "Ya (bawaan): kalimat analisis menyebut capaian sebelum dibatasi di samping capaian "
              "yang dibatasi. Tidak: hanya capaian yang dibatasi.", default="Ya"),
        Field("status_dokumen", "Status Dokumen", CHOICE, False,
              "Otomatis (bawaan): laporan ditandai DRAF pada sampul dan kepala halaman selama "
              "workbook masih memuat nilai 'belum tersedia' (n/a, -); Draf: selalu ditandai; "
              "Final: tidak ditandai walaupun ada nilai yang tidak tersedia.",
              choices=STATUS_CHOICES, example=STATUS_OTOMATIS, default=STATUS_OTOMATIS),
        Field("peringkat_lengkap", "Daftar Peringkat Lengkap", BOOL, False,
              "Ya bila lembar Peringkat AKIP memuat seluruh perangkat daerah yang dievaluasi; "
              "hanya dengan Ya lampiran menyebut 'peringkat ke-N dari M Perangkat Daerah'.",
              default="Tidak"),
        Field("gambar_lampiran", "Berkas Gambar Lampiran", TEXT, False,
              "Pindaian keputusan peringkat AKIP (PNG/JPG) di folder workbook, ditampilkan di "
              "lampiran sesudah tabel peringkat. Boleh kosong.", example="keputusan-akip.png"),
    ),
)

#: The Profil of each kind of unit side by side, field by field (docs/workbook.md and the Petunjuk
#: sheet show it). A dash is a field left blank: its default for the kind (workbook/kinds.py)
#: applies. The first three are the bundled samples; the kementerian's is an illustration.
CONTOH_PER_JENIS: tuple[tuple[str, tuple[str, str, str, str, str]], ...] = (
    ("jenis_unit", (UNIT_PD, UNIT_VERTIKAL, UNIT_VERTIKAL, UNIT_PEMDA, UNIT_KL)),
    ("nama_instansi", ("Dinas Komunikasi, Informatika, Statistik dan Persandian",
                       "Lembaga Pemasyarakatan Kelas IIB Sampara", "Pengadilan Agama Rantau Pandan",
                       "Pemerintah Kabupaten Wanasari", "Direktorat Jenderal Bina Marga")),
    ("singkatan", ("Diskominfostandi", "Lapas Sampara", "PA Rantau Pandan",
                   "Pemerintah Kabupaten Wanasari", "Ditjen Bina Marga")),
    ("jenis_pemda", ("Kota", "-", "-", "Kabupaten", "-")),
    ("nama_pemda", ("Kota Bekasi", "-", "-", "Kabupaten Wanasari", "-")),
    ("instansi_induk", ("- (Kota Bekasi)",
                        "Kantor Wilayah Direktorat Jenderal Pemasyarakatan Sulawesi Tenggara",
                        "Pengadilan Tinggi Agama Jambi", "- (Provinsi Jawa Tengah)",
                        "Kementerian Pekerjaan Umum")),
    ("periode_laporan", (PERIODE_TAHUNAN, PERIODE_SEMESTER_I, PERIODE_TAHUNAN, PERIODE_TAHUNAN,
                         PERIODE_TAHUNAN)),
    ("singkatan_laporan", ("- (LKIP)", "- (LKjIP)", "- (LKjIP)", "- (LKjIP)", "- (LKj)")),
    ("dokumen_perencanaan", ("- (Renstra)", "- (Renstra K/L)", "- (Renstra K/L)", "- (RPJMD)",
                             "- (Renstra K/L)")),
    ("dokumen_perencanaan_daerah", (
        "Rencana Pembangunan Daerah (RPD) Kota Bekasi Tahun 2024-2026",
        "Rencana Strategis Kementerian Imigrasi dan Pemasyarakatan Tahun 2025-2029",
        "Rencana Strategis Mahkamah Agung Republik Indonesia Tahun 2020-2024",
        "Rencana Pembangunan Jangka Menengah Nasional (RPJMN) Tahun 2025-2029",
        "Rencana Strategis Kementerian Pekerjaan Umum Tahun 2025-2029")),
    ("kepala_jabatan", ("Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian Kota "
                        "Bekasi", "Kepala Lembaga Pemasyarakatan Kelas IIB Sampara",
                        "Ketua Pengadilan Agama Rantau Pandan", "Bupati Wanasari",
                        "Direktur Jenderal Bina Marga")),
    ("kepala_nip", ("19770126 199703 1 003", "19820514 200112 1 002", "19700312 199403 2 004",
                    "- (tidak ada)", "19700101 199503 1 001")),
    ("pk_pihak_kedua_jabatan", ("- (Wali Kota Bekasi)",
                                "Kepala Kantor Wilayah Direktorat Jenderal Pemasyarakatan "
                                "Sulawesi Tenggara", "Ketua Pengadilan Tinggi Agama Jambi",
                                "- (tidak ada: PK Bupati)", "Menteri Pekerjaan Umum")),
    ("bentuk_anggaran", (ANGGARAN_APBD, ANGGARAN_DIPA, ANGGARAN_TIDAK_ADA, ANGGARAN_APBD,
                         ANGGARAN_DIPA)),
    ("tingkat_anggaran", ("- (Program; Kegiatan; Sub Kegiatan)",
                          "- (Program; Kegiatan; Rincian Output)", "-",
                          "- (Program; Kegiatan; Sub Kegiatan)",
                          "- (Program; Kegiatan; Rincian Output)")),
)
CONTOH_JUDUL = ("Perangkat Daerah (Bekasi)", "Unit Vertikal: Lapas (semester)",
                "Unit Vertikal: Pengadilan Agama", "Pemerintah Daerah", "Kementerian/Lembaga")


PEGAWAI = Sheet(
    key="pegawai",
    name="Pegawai",
    help="Jumlah pegawai menurut pendidikan terakhir. Satu baris per jenis SDM; baris dengan "
         "Kelompok yang sama menjadi satu tabel (mis. ASN dan Tenaga Kontrak).",
    columns=(
        Column("kelompok", "Kelompok", TEXT, True, "Nama tabel, mis. 'ASN' atau 'Pegawai TTK'.",
               example="ASN", width=18),
        Column("jenis", "Jenis SDM", TEXT, True, example="Pejabat Struktural", width=26),
        Column("s3", "S3", INT, help="Jumlah berpendidikan S3 (kosong = tidak ada).", width=7),
        Column("s2", "S2", INT, width=7),
        Column("s1", "S1/D4", INT, width=7, aliases=("S1",)),
        Column("d3", "D3", INT, width=7),
        Column("sma", "SMA", INT, width=7),
        Column("smp", "SMP", INT, width=7),
    ),
    unique=("kelompok", "jenis"),
    identity=("jenis",),
)

TUJUAN = Sheet(
    key="tujuan",
    name="Tujuan",
    help="Tujuan Renstra perangkat daerah.",
    columns=(
        Column("kode", "Kode Tujuan", CODE, True, example="T1", width=12),
        Column("uraian", "Tujuan", TEXT, True, width=70,
               example="Meningkatkan Efektifitas dan Efisiensi Penyelenggaraan Layanan Publik"),
    ),
    optional_rows=False,
    unique=("kode",),
)

SASARAN = Sheet(
    key="sasaran",
    name="Sasaran",
    help="Sasaran strategis Renstra; setiap sasaran mengacu ke satu tujuan.",
    columns=(
        Column("kode", "Kode Sasaran", CODE, True, example="SS1", width=12),
        Column("kode_tujuan", "Kode Tujuan", CODE, True, ref="tujuan", width=12),
        Column("uraian", "Sasaran", TEXT, True, width=70),
    ),
    optional_rows=False,
    unique=("kode",),
)

IKU = Sheet(
    key="iku",
    name="IKU",
    help="Indikator Kinerja Utama (indikator sasaran). Target per tahun diisi di lembar "
         "Target IKU.",
    columns=(
        Column("kode", "Kode IKU", CODE, True, example="IKU1", width=12),
        Column("kode_sasaran", "Kode Sasaran", CODE, True, ref="sasaran", width=12),
        Column("nama", "Indikator", TEXT, True, width=45,
               example="Indeks Layanan Publik Berbasis IT"),
        Column("satuan", "Satuan", TEXT, True, example="Indeks (Nilai)", width=14),
        Column("metode", "Metode Capaian", CHOICE, True,
               "Naik: makin tinggi makin baik. Turun: makin rendah makin baik, dengan rumus yang "
               "dipakai instansi.", choices=METODE_CHOICES, width=22, example=METODE_NAIK,
               default=METODE_NAIK),
        Column("batas_capaian", "Batas Atas Capaian (%)", PERCENT,
               help="Jika diisi, capaian dibatasi paling tinggi nilai ini (mis. 120). "
               "Kosong = tanpa batas.", width=12),
        Column("desimal", "Desimal", INT, help="Jumlah angka desimal target/realisasi di laporan "
               "(kosong = 2).", width=9, default=2, limits=(None, 10)),
        Column("kode_indeks", "Kode Indeks Realisasi", CODE,
               help="Jika realisasi dihitung dari lembar Komponen Indeks, kode baris hasilnya; "
                    "NILAI_AKIP = jumlah nilai di lembar Evaluasi AKIP.", width=16,
               ref="komponen_indeks"),
        Column("kode_skala", "Skala Predikat", CODE, help="Kode skala di lembar Skala Predikat.",
               ref="skala", width=14),
        Column("dasar_predikat", "Dasar Predikat", CHOICE,
               help="Nilai yang dicari di skala: Realisasi (bawaan) atau Capaian (%).",
               choices=DASAR_PREDIKAT_CHOICES, width=12, default=DASAR_REALISASI),
        Column("target_pk", "Target PK", DECIMAL,
               help="Target dalam Perjanjian Kinerja murni (kosong = target Renstra tahun ini).",
               width=11),
        Column("target_pk_perubahan", "Target PK Perubahan", DECIMAL,
               help="Target dalam Perjanjian Kinerja setelah APBD-Perubahan (kosong = Target PK).",
               width=11),
        Column("alasan", "Alasan", TEXT, help="Kolom Alasan pada Tabel IKU; satu dasar per baris "
               "(Alt+Enter).", width=50),
        Column("rumus", "Rumus", TEXT, help="Kolom Rumus pada Tabel IKU (teks).", width=50),
        Column("sumber", "Sumber Data", TEXT, help="Teks 'Sumber:' tabel analisis IKU ini "
               "(kosong = Sumber Data Evaluasi Internal di Profil).", width=30),
        # Appended, not placed beside Desimal: existing workbooks and notes keep their letters.
        Column("desimal_capaian", "Desimal Capaian", INT,
               help="Jumlah desimal capaian indikator ini: 0, 1 atau 2 (kosong = Desimal "
                    "Persentase di Profil).", width=9, limits=(None, 2)),
        Column("pembulatan", "Pembulatan", CHOICE, choices=PEMBULATAN_CHOICES,
               help="Pembulatan target, realisasi dan capaian indikator ini (kosong = Pembulatan "
                    "di Profil).", width=14),
    ),
    optional_rows=False,
    unique=("kode",),
)

TARGET_IKU = Sheet(
    key="target_iku",
    name="Target IKU",
    help="Target Renstra setiap tahun dan realisasi tahun-tahun sebelumnya. Satu baris per IKU per "
         "tahun. Realisasi tahun kinerja diisi di sini kecuali dihitung dari Komponen Indeks.",
    columns=(
        Column("kode_iku", "Kode IKU", CODE, True, ref="iku", width=12),
        Column("tahun", "Tahun", YEAR, True, width=8),
        Column("target", "Target", DECIMAL, help="Target tahun itu (n/a = tidak tersedia).",
               width=11, not_available=True),
        Column("realisasi", "Realisasi", DECIMAL,
               help="Realisasi tahun itu (kosong = belum diisi; 'belum tersedia' atau n/a = belum "
                    "diketahui atau tidak berlaku: laporan memuat N/A dan ditandai DRAF). Rasio "
                    "boleh ditulis 1:17,9.", width=11, not_available=True),
        Column("keterangan", "Keterangan", TEXT, help="Mis. dokumen asal target tahun lalu.",
               width=40),
    ),
    optional_rows=False,
    unique=("kode_iku", "tahun"),
)

INDIKATOR_PROGRAM = Sheet(
    key="indikator_program",
    name="Indikator Program",
    help="Indikator program yang mendukung setiap IKU.",
    columns=(
        Column("kode", "Kode Indikator Program", CODE, True, example="IP1", width=14),
        Column("kode_iku", "Kode IKU", CODE, True, ref="iku", width=12),
        Column("kode_program", "Kode Program", CODE, ref="program", width=14),
        Column("nama", "Indikator Program", TEXT, True, width=45),
        Column("satuan", "Satuan", TEXT, True, width=10, example="Indeks"),
        Column("target", "Target", DECIMAL, True, width=10),
        Column("realisasi", "Realisasi", DECIMAL,
               help="Kosong jika dihitung dari Komponen Indeks; 'belum tersedia' atau n/a jika "
                    "belum diketahui.", width=10, not_available=True),
        Column("kode_indeks", "Kode Indeks Realisasi", CODE, width=16, ref="komponen_indeks",
               help="Kode baris di lembar Komponen Indeks yang menghasilkan realisasi."),
        Column("metode", "Metode Capaian", CHOICE, choices=METODE_CHOICES, width=22,
               help="Kosong = Naik: R/T x 100.", default=METODE_NAIK),
        Column("batas_capaian", "Batas Atas Capaian (%)", PERCENT, width=12),
        Column("desimal", "Desimal", INT, width=9, default=2, limits=(None, 10)),
        Column("desimal_capaian", "Desimal Capaian", INT,
               help="Kosong = Desimal Persentase di Profil.", width=9, limits=(None, 2)),
        Column("pembulatan", "Pembulatan", CHOICE, choices=PEMBULATAN_CHOICES,
               help="Kosong = Pembulatan di Profil.", width=14),
    ),
    unique=("kode",),
)

KELOMPOK_ANGGARAN = Sheet(
    key="kelompok_anggaran",
    name="Kelompok Anggaran",
    help="Kelompok program di bagian anggaran laporan (mis. BLU Belanja Langsung Urusan dan BLPU "
         "Belanja Langsung Penunjang Urusan pada APBD), satu baris per kelompok; urutan baris "
         "menjadi urutan di laporan. Boleh kosong: program tanpa kelompok disajikan dalam satu "
         "tabel. Tanpa baris di lembar ini, anggaran APBD tetap mengenal kode BLU dan BLPU "
         "(format 1.0).",
    columns=(
        Column("kode", "Kode Kelompok", CODE, True, example="BLU", width=12),
        Column("nama", "Nama Kelompok", TEXT, True, example="Belanja Langsung Urusan", width=50),
    ),
    unique=("kode",),
)

PROGRAM = Sheet(
    key="program",
    name="Program",
    help="Program dalam DPA (APBD) atau DIPA (APBN); urutan baris menjadi urutan di laporan. "
         "Dikosongkan bila Bentuk Anggaran di Profil 'Tidak Ada'.",
    columns=(
        Column("kode", "Kode Program", CODE, True, example="2.16.02", width=14),
        Column("nama", "Program", TEXT, True, width=55),
        Column("kelompok", "Kelompok Belanja", CODE, ref="kelompok_anggaran",
               help="Kode kelompok di lembar Kelompok Anggaran (mis. BLU, BLPU). Kosong = "
                    "program tanpa kelompok.", example="BLU", width=10),
        Column("anggaran_pk", "Anggaran PK", MONEY,
               help="Anggaran program dalam Perjanjian Kinerja murni (dibandingkan dengan jumlah "
                    "pagu murni sub kegiatan).", width=18),
        Column("anggaran_pk_perubahan", "Anggaran PK Perubahan", MONEY,
               help="Anggaran program dalam Perjanjian Kinerja APBD-Perubahan.", width=18),
    ),
    optional_rows=False,
    unique=("kode",),
    budget=True,
)

KEGIATAN = Sheet(
    key="kegiatan",
    name="Kegiatan",
    help="Kegiatan dalam setiap program. Dikosongkan bila Bentuk Anggaran 'Tidak Ada'.",
    columns=(
        Column("kode", "Kode Kegiatan", CODE, True, example="2.16.02.1.01", width=16),
        Column("kode_program", "Kode Program", CODE, True, ref="program", width=14),
        Column("nama", "Kegiatan", TEXT, True, width=60),
    ),
    optional_rows=False,
    unique=("kode",),
    budget=True,
)

SUB_KEGIATAN = Sheet(
    key="sub_kegiatan",
    name="Sub Kegiatan",
    help="Sub kegiatan (APBD) atau rincian output (DIPA) dengan pagu, realisasi dan output. Pagu "
         "murni kosong berarti sub kegiatan ditambahkan pada APBD-Perubahan (revisi DIPA); pagu "
         "perubahan kosong berarti tidak ada perubahan. Dikosongkan bila Bentuk Anggaran 'Tidak "
         "Ada'.",
    columns=(
        Column("kode", "Kode Sub Kegiatan", CODE, True, example="2.16.02.1.01.0001", width=20),
        Column("kode_kegiatan", "Kode Kegiatan", CODE, True, ref="kegiatan", width=16),
        Column("nama", "Sub Kegiatan", TEXT, True, width=55),
        Column("pagu_murni", "Pagu Murni", MONEY, help="Pagu sebelum perubahan (Rp).", width=17),
        Column("pagu_perubahan", "Pagu Perubahan", MONEY, help="Pagu setelah APBD-Perubahan (Rp).",
               width=17),
        Column("realisasi", "Realisasi", MONEY, True,
               "Realisasi anggaran (Rp); 'belum tersedia' jika belum diketahui (laporan DRAF).",
               width=17, not_available=True),
        Column("target_output", "Target Output", DECIMAL,
               help="Volume output yang ditargetkan (boleh kosong).", width=10),
        Column("realisasi_output", "Realisasi Output", DECIMAL, True,
               "Volume output yang dicapai ('belum tersedia' jika belum diketahui).", width=10,
               not_available=True),
        Column("satuan_output", "Satuan Output", TEXT, True, example="Dokumen", width=12),
        Column("uraian_output", "Uraian Output", TEXT, True,
               "Frasa setelah angka dalam kalimat, mis. 'Dokumen Hasil Monitoring Opini'.",
               width=45),
        Column("kata_kerja_output", "Kata Kerja Output", TEXT,
               help="Frasa sebelum angka, mis. 'telah tersedianya' (kosong = 'telah tersedianya').",
               width=20, default="telah tersedianya"),
        Column("capaian_output", "Capaian Output (%)", PERCENT,
               help="Wajib jika Target Output kosong; jika keduanya diisi, dihitung dari volume.",
               width=11, not_available=True),
        Column("kode_indikator_program", "Kode Indikator Program", CODE, ref="indikator_program",
               width=14),
        Column("kode_iku", "Kode IKU", CODE, ref="iku", width=12,
               help="Wajib jika Kode Indikator Program kosong."),
    ),
    optional_rows=False,
    unique=("kode",),
    budget=True,
)

KOMPONEN_INDEKS = Sheet(
    key="komponen_indeks",
    name="Komponen Indeks",
    help="Nilai mentah dan rumus indeks komposit. Setiap baris berisi Nilai (data mentah) atau "
         "Rumus atas kode baris lain. Rumus memakai + - * / : ( ) { }, koma atau titik desimal, "
         "dan fungsi RATA(a; b; ...), JUMLAH(a; b; ...), MIN(...), MAX(...).",
    columns=(
        Column("kode", "Kode", CODE, True, example="IP1.C1", width=14),
        Column("uraian", "Uraian", TEXT, True, width=55),
        Column("nilai", "Nilai", DECIMAL,
               help="Data mentah (kosongkan jika baris ini memakai Rumus; 'belum tersedia' jika "
                    "belum diketahui: hasil rumus yang memakainya menjadi N/A).", width=12,
               not_available=True),
        Column("rumus", "Rumus", TEXT, help="Mis. (IP1 + IP2 + IP3 + IP4) / 4.", width=45),
        Column("desimal", "Desimal", INT,
               help="Hasil rumus dibulatkan (menurut Pembulatan di Profil) ke jumlah desimal ini "
                    "sebelum dipakai baris lain (kosong = 2).", width=9, default=2,
               limits=(None, 10)),
    ),
    unique=("kode",),
    derived_codes=(DerivedCode(NILAI_AKIP, "evaluasi_akip"),),
)

SKALA = Sheet(
    key="skala",
    name="Skala Predikat",
    help="Skala predikat: satu baris per kelas, dengan batas bawah/atas dan apakah batas itu "
         "termasuk. Kelas dalam satu skala tidak boleh bertumpuk; lubang di antara kelas "
         "(seperti tertulis di peraturan) diterima dengan peringatan, dan nilai di atas kelas "
         "tertinggi mendapat predikat kelas tertinggi.",
    columns=(
        Column("kode", "Kode Skala", CODE, True, example="AKIP", width=12),
        Column("nama", "Nama Skala", TEXT, help="Judul tabel skala di laporan.", width=28),
        Column("bawah", "Batas Bawah", DECIMAL, help="Kosong = tanpa batas bawah.", width=10),
        Column("bawah_inklusif", "Bawah Termasuk", BOOL,
               help="Ya: nilai = batas bawah masuk kelas ini.", width=10, default=True),
        Column("atas", "Batas Atas", DECIMAL, help="Kosong = tanpa batas atas.", width=10),
        Column("atas_inklusif", "Atas Termasuk", BOOL, width=10, default=True),
        Column("predikat", "Predikat", TEXT, True, example="A", width=16),
        Column("kriteria", "Kriteria", TEXT, example="Memuaskan", width=18),
        Column("sumber", "Sumber", TEXT, width=30),
    ),
    identity=("kode",),
)

EVALUASI_AKIP = Sheet(
    key="evaluasi_akip",
    name="Evaluasi AKIP",
    help="Komponen hasil evaluasi AKIP (LHE SAKIP) dari Inspektorat.",
    columns=(
        Column("komponen", "Komponen", TEXT, True, width=32),
        Column("bobot", "Bobot", DECIMAL, True, width=9),
        Column("nilai", "Nilai", DECIMAL, True, width=9),
        Column("catatan", "Catatan Evaluasi", TEXT, width=60,
               help="Catatan Inspektorat untuk komponen ini (ditampilkan di analisis)."),
    ),
    unique=("komponen",),
)

PERINGKAT_AKIP = Sheet(
    key="peringkat_akip",
    name="Peringkat AKIP",
    help="Daftar nilai evaluasi AKIP seluruh perangkat daerah (lampiran). Urutan peringkat "
         "dihitung dari nilai; baris dengan nilai sama mengikuti urutan di lembar ini.",
    columns=(
        Column("perangkat_daerah", "Perangkat Daerah", TEXT, True, width=55),
        Column("nilai", "Nilai", DECIMAL, True, width=9),
        Column("predikat", "Predikat", TEXT, help="Kosong = dihitung dari skala IKU AKIP.",
               width=9),
        Column("instansi_ini", "Instansi Ini", BOOL, help="Ya pada baris perangkat daerah ini.",
               width=10, default=False),
    ),
    unique=("perangkat_daerah",),
)

PRESTASI = Sheet(
    key="prestasi",
    name="Prestasi",
    help="Prestasi atau penghargaan tahun kinerja.",
    columns=(
        Column("uraian", "Prestasi", TEXT, True, width=80),
        Column("pemberi", "Pemberi", TEXT, width=30),
        Column("gambar", "Berkas Gambar", TEXT, width=24,
               help="Nama berkas gambar sertifikat/penghargaan (PNG/JPG) di folder workbook, "
                    "ditampilkan di bawah butir prestasi. Boleh kosong."),
    ),
    identity=("uraian",),
)

NARASI = Sheet(
    key="narasi",
    name="Narasi",
    help="Paragraf yang hanya dapat ditulis instansi. Setiap baris satu paragraf atau butir, "
         "ditempatkan di Bagian yang dipilih, berurutan sesuai baris. **tebal** dan *miring* "
         "didukung.",
    columns=(
        Column("bagian", "Bagian", CHOICE, True, choices=tuple(s.label for s in NARRATIVE_SECTIONS),
               width=30),
        Column("kode_iku", "Kode IKU", CODE, ref="iku", width=12,
               help="Wajib untuk bagian analisis per IKU. Dengan Tata Letak Analisis 'Per "
                    "Sasaran' (Profil), baris masuk ke analisis sasaran IKU ini: untuk paragraf "
                    "tentang sasaran, isi kode IKU mana pun dari sasaran itu."),
        Column("jenis", "Jenis", CHOICE, choices=JENIS_NARASI_CHOICES, width=13,
               help="Paragraf (bawaan), Subjudul, atau butir bernomor/berhuruf/berpoin.",
               default=JENIS_PARAGRAF),
        Column("tingkat", "Tingkat", INT, help="1 (bawaan) atau 2 untuk butir di dalam butir.",
               width=8, default=1, limits=(1, 2)),
        Column("teks", "Teks", TEXT, True, width=90),
    ),
    identity=("bagian", "teks"),
)

#: Every data sheet in workbook order (after the Petunjuk sheet).
SHEETS: tuple[Sheet, ...] = (
    PROFIL, PEGAWAI, TUJUAN, SASARAN, IKU, TARGET_IKU, INDIKATOR_PROGRAM, KELOMPOK_ANGGARAN,
    PROGRAM, KEGIATAN, SUB_KEGIATAN, KOMPONEN_INDEKS, SKALA, EVALUASI_AKIP, PERINGKAT_AKIP,
    PRESTASI, NARASI,
)
SHEETS_BY_KEY = {s.key: s for s in SHEETS}
PETUNJUK_NAME = "Petunjuk"


def sheet(key: str) -> Sheet:
    return SHEETS_BY_KEY[key]


def references(spec: Sheet) -> tuple[tuple[Column, Sheet], ...]:
    """The columns of ``spec`` that hold another sheet's codes, each with the defining sheet."""
    return tuple((col, SHEETS_BY_KEY[col.ref]) for col in spec.columns if col.ref)


#: Keys of the sheets whose codes other sheets refer to.
REFERENCED = tuple(dict.fromkeys(col.ref for s in SHEETS for col in s.columns if col.ref))

#: Rows pre-filled in a blank workbook (editable by the agency). The two usual scales: SAKIP/AKIP
#: per PermenPAN-RB 88/2021 and the SPBE index per PermenPAN-RB 59/2020. Tuples follow SKALA's
#: columns: kode, nama, bawah, bawah_inklusif, atas, atas_inklusif, predikat, kriteria, sumber.
DEFAULT_ROWS: dict[str, tuple[tuple, ...]] = {
    "skala": (
        ("AKIP", "Skala Nilai Peringkat Kinerja", "90", "Tidak", "100", "Ya", "AA",
         "Sangat Memuaskan", "PermenPAN-RB Nomor 88 Tahun 2021"),
        ("AKIP", "Skala Nilai Peringkat Kinerja", "80", "Tidak", "90", "Ya", "A", "Memuaskan",
         "PermenPAN-RB Nomor 88 Tahun 2021"),
        ("AKIP", "Skala Nilai Peringkat Kinerja", "70", "Tidak", "80", "Ya", "BB", "Sangat Baik",
         "PermenPAN-RB Nomor 88 Tahun 2021"),
        ("AKIP", "Skala Nilai Peringkat Kinerja", "60", "Tidak", "70", "Ya", "B", "Baik",
         "PermenPAN-RB Nomor 88 Tahun 2021"),
        ("AKIP", "Skala Nilai Peringkat Kinerja", "50", "Tidak", "60", "Ya", "CC", "Cukup",
         "PermenPAN-RB Nomor 88 Tahun 2021"),
        ("AKIP", "Skala Nilai Peringkat Kinerja", "30", "Tidak", "50", "Ya", "C", "Kurang",
         "PermenPAN-RB Nomor 88 Tahun 2021"),
        ("AKIP", "Skala Nilai Peringkat Kinerja", "0", "Ya", "30", "Ya", "D", "Sangat Kurang",
         "PermenPAN-RB Nomor 88 Tahun 2021"),
        ("SPBE", "Predikat Penilaian SPBE", "4,2", "Ya", "5", "Ya", "Memuaskan", "",
         "PermenPAN-RB Nomor 59 Tahun 2020"),
        ("SPBE", "Predikat Penilaian SPBE", "3,5", "Ya", "4,2", "Tidak", "Sangat Baik", "",
         "PermenPAN-RB Nomor 59 Tahun 2020"),
        ("SPBE", "Predikat Penilaian SPBE", "2,6", "Ya", "3,5", "Tidak", "Baik", "",
         "PermenPAN-RB Nomor 59 Tahun 2020"),
        ("SPBE", "Predikat Penilaian SPBE", "1,8", "Ya", "2,6", "Tidak", "Cukup", "",
         "PermenPAN-RB Nomor 59 Tahun 2020"),
        ("SPBE", "Predikat Penilaian SPBE", "", "", "1,8", "Tidak", "Kurang", "",
         "PermenPAN-RB Nomor 59 Tahun 2020"),
    ),
}
