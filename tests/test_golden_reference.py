"""Golden test: the sample workbook against the figures PRINTED in the reference LKIP.

``samples/lkip-2024-diskominfostandi-bekasi.xlsx`` holds the inputs of the real LKIP 2024 of
Diskominfostandi Kota Bekasi (``../shared/reference/lkip-2024-diskominfostandi-bekasi.md``). This
module transcribes, table by table, the figures that document prints (strings exactly as printed:
"97,09%", "20.803.240.000", "Rp.171.267.000.-", "17 (tujuh belas)") and compares them with the
engine's figures formatted by ``lkip_docx.fmt``, so the comparison is on the printed form.

The reference contradicts itself in places (sums that do not add up, figures copied from the row
above, capaian printed with one decimal ...). The engine follows the formula and is never bent to
reproduce a slip. Each figure where the two differ is listed in ``KNOWN_DIFFERENCES`` with both
values, and ``samples/DIFFERENCES.md`` lists exactly the same entries with their likely cause:

- a figure not listed must equal the printed value;
- a listed figure must still be printed as recorded and computed as recorded, so the record cannot
  go stale (if the engine starts to agree with the print, or drifts to a third value, this fails);
- the transcription itself is checked against the reference document: each table row is found in
  its table with its values in order, and each figure of a sentence is found in the paragraph it
  belongs to. Only this check reads the document (``../shared/reference``, next to the repository,
  not part of it): where it is absent these tests are skipped, except under CI (environment
  variable ``CI`` set to true, 1 or yes), where they fail. Everything else here needs only the
  repository.

The figures ``tools/make_sample.py --verify`` used to confirm are all here: the composite indices
(3.2 worked calculation, Tabel 3.5), IKU realisasi and capaian (Tabel 3.1, 3.3, 3.9), the AKIP
predikat (Tabel 3.10) and rank (``test_akip_rank_is_ten_of_the_listed_perangkat_daerah``), the BLU
and BLPU totals (JUMLAH rows of Tabel 3.15, 3.16), and a workbook without any error or warning
(``test_the_sample_computes_without_any_problem``).
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Callable

import pytest

from lkip_docx import fmt
from lkip_docx.api import compute_workbook
from lkip_docx.compute.budget import Line, flatten
from lkip_docx.compute.results import IkuResult, Results

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "lkip-2024-diskominfostandi-bekasi.xlsx"
DIFFERENCES_MD = ROOT / "samples" / "DIFFERENCES.md"
REFERENCE_MD = ROOT.parent / "shared" / "reference" / "lkip-2024-diskominfostandi-bekasi.md"

Key = tuple[str, str, str]  # (table, row as printed, column)


# --- how the transcription is written ------------------------------------------------------------

@dataclass(frozen=True)
class Row:
    """One printed row: its label as printed, what it is in the engine, its printed figures."""

    label: str
    ref: str  # a budget code, an IKU / indikator program / index code, or a name the section knows
    values: dict[str, str]  # column -> figure as printed, in the printed column order
    find: str | None = None  # text sections: where the row's paragraph starts (default: label)


@dataclass(frozen=True)
class Section:
    """A printed table (rows separated by tabs in the .md) or a stretch of text with figures."""

    name: str
    rows: tuple[Row, ...]
    compute: Callable[[Results, str], dict[str, str]]
    text: bool = False  # figures inside sentences rather than table cells
    start: str | None = None  # anchor in the .md where the section starts (default "**<name>**")
    end: str | None = None  # anchor where it ends (tables: the "Sumber" line; text: required)
    #: text sections whose rows all live anywhere in the section (no paragraph per row)
    whole: bool = False


@dataclass(frozen=True)
class Known:
    """A printed figure the engine deliberately does not reproduce."""

    table: str
    row: str
    column: str
    printed: str
    computed: str
    cause: str = field(compare=False)

    @property
    def key(self) -> Key:
        return (self.table, self.row, self.column)


# --- engine figures, formatted the way the report prints them ------------------------------------

def rp_tabel(value: Decimal | None) -> str:
    return "Rp. " + fmt.money(value)


def rp_kalimat(value: Decimal | None) -> str:
    return "Rp." + fmt.money(value) + ".-"


def iku(res: Results, kode: str) -> IkuResult:
    return next(r for r in res.ikus if r.iku.kode == kode)


def lines_by_code(programs) -> dict[str, Line]:
    return {line.kode: line for line in flatten(list(programs))}


def budget_figures(line: Line) -> dict[str, str]:
    return {
        "pagu": fmt.money(line.pagu),
        "pagu sebelum perubahan": fmt.money(line.pagu_murni),
        "pagu setelah perubahan": fmt.money(line.pagu),
        "realisasi (Rp)": fmt.money(line.realisasi),
        "realisasi (%)": fmt.percent(line.realisasi_pct),
        "capaian kinerja": fmt.percent(line.capaian),
        "tingkat efisiensi": fmt.percent(line.efisiensi),
    }


def iku_budget_table(kode_iku: str):
    def compute(res: Results, ref: str) -> dict[str, str]:
        return budget_figures(lines_by_code(iku(res, kode_iku).programs)[ref])
    return compute


def kelompok_table(kode: str):
    def compute(res: Results, ref: str) -> dict[str, str]:
        k = next(k for k in res.kelompok if k.kode == kode)
        return budget_figures(k.total if ref == "JUMLAH" else lines_by_code(k.programs)[ref])
    return compute


def pk_table(res: Results, ref: str) -> dict[str, str]:
    if ref in ("IKU1", "IKU2"):
        r = iku(res, ref)
        return {"target": fmt.number(r.target_pk, r.iku.desimal),
                "target APBD-P": fmt.number(r.target, r.iku.desimal)}
    if ref == "TOTAL":
        return {"APBD": rp_tabel(res.pk_total), "APBD-P": rp_tabel(res.pk_total_perubahan)}
    pk = next(p for p in res.pk if p.program.kode == ref)
    # The program amounts as the budget tree adds them up (the PK amounts typed in the workbook
    # are only inputs; the sample has no pk-budget-mismatch warning, see test_sample_is_clean).
    return {"APBD": rp_tabel(pk.tree_murni), "APBD-P": rp_tabel(pk.tree_pagu)}


def iku_table(res: Results, ref: str) -> dict[str, str]:
    r = iku(res, ref)
    d = r.iku.desimal
    return {"target": fmt.number(r.target, d), "realisasi": fmt.number(r.realisasi, d),
            "capaian": fmt.percent(r.capaian.value)}


def comparison_table(kode_iku: str):
    """Tabel 3.4/3.11 (and 3.6/3.13 without the capaian row): the IKU in 2023 and 2024."""
    def compute(res: Results, ref: str) -> dict[str, str]:
        r = iku(res, kode_iku)
        d = r.iku.desimal
        before = next(y for y in r.riwayat if y.tahun == 2023)
        if ref == "Target":
            return {"2023": fmt.number(before.target, d), "2024": fmt.number(r.target, d)}
        if ref == "Realisasi":
            return {"2023": fmt.number(before.realisasi, d), "2024": fmt.number(r.realisasi, d)}
        return {"2023": fmt.percent(before.capaian.value), "2024": fmt.percent(r.capaian.value)}
    return compute


def ip_value(ipr, value: Decimal | None) -> str:
    return fmt.percent(value) if ipr.ip.satuan.strip() == "%" else fmt.number(value, ipr.ip.desimal)


def ip_result(res: Results, kode: str):
    return next(ip for r in res.ikus for ip in r.indikator_program if ip.ip.kode == kode)


def ip_table(res: Results, ref: str) -> dict[str, str]:
    ipr = ip_result(res, ref)
    return {"target": ip_value(ipr, ipr.target), "realisasi": ip_value(ipr, ipr.realisasi),
            "capaian": fmt.percent(ipr.capaian.value)}


def akip_table(res: Results, ref: str) -> dict[str, str]:
    if ref == "TOTAL":
        return {"bobot": fmt.number(res.akip_bobot, None, trim=True),
                "nilai": fmt.number(res.akip_total, 2)}
    if ref == "PREDIKAT":
        return {"predikat": res.akip_predikat.predikat}
    k = next(k for k in res.wb.evaluasi_akip if k.komponen == ref)
    return {"bobot": fmt.number(k.bobot, None, trim=True), "nilai": fmt.number(k.nilai, 2)}


def worked_calculation(res: Results, ref: str) -> dict[str, str]:
    row = res.indices.rows[ref]
    out = {f"langkah {i}": step for i, step in enumerate(row.langkah, start=1)}
    out["hasil"] = fmt.number(row.value, 2, trim=True)
    # The reference writes the sum of the displayed terms before dividing (C1: "2,88 / 3"); the
    # engine's worked calculation goes straight to the quotient, so the test adds the terms the
    # engine computed, each as displayed.
    terms = [res.indices.rows[k].value for k in row.uses]
    out["jumlah rasio"] = fmt.number(sum(terms, Decimal(0)), 2, trim=True)
    return out


def narrative(res: Results, ref: str) -> dict[str, str]:
    """A paragraph of 3.2: an indikator program's header, one sub kegiatan, or a count sentence."""
    if ref in ("IKU1", "IKU2"):
        r = iku(res, ref)
        return {"program": fmt.count(r.n_program), "kegiatan": fmt.count(r.n_kegiatan),
                "sub kegiatan": fmt.count(r.n_sub), "pagu": rp_kalimat(r.total.pagu),
                "realisasi (Rp)": rp_kalimat(r.total.realisasi),
                "realisasi (%)": fmt.percent(r.total.realisasi_pct)}
    if ref.startswith("IP"):
        ipr = ip_result(res, ref)
        return {"capaian": fmt.percent(ipr.capaian.value),
                "jumlah sub kegiatan": fmt.count(len(ipr.subs))}
    line = lines_by_code(res.programs)[ref]
    sub = line.sub
    return {
        "pagu murni": rp_kalimat(sub.pagu_murni),
        "pagu": rp_kalimat(line.pagu),
        "capaian output": fmt.percent(line.capaian),
        "output": fmt.count_decimal(sub.realisasi_output),
        "target output": fmt.count_decimal(sub.target_output) if sub.target_output else "-",
        "realisasi (Rp)": rp_kalimat(line.realisasi),
        "realisasi (%)": fmt.percent(line.realisasi_pct),
        "efisiensi": fmt.percent(line.efisiensi),
    }


def counts_3_1(res: Results, ref: str) -> dict[str, str]:
    return {"sasaran": fmt.count(len(res.wb.sasaran)),
            "indikator kinerja": fmt.count(len(res.ikus))}


def budget_paragraph_3_3(res: Results, ref: str) -> dict[str, str]:
    total = next(k for k in res.kelompok if k.kode == ref).total
    return {"pagu sebelum perubahan": rp_kalimat(total.pagu_murni),
            "pagu setelah perubahan": rp_kalimat(total.pagu)}


def own_rank(res: Results):
    return next(row for row in res.peringkat if row.row.instansi_ini)


def prestasi(res: Results, ref: str) -> dict[str, str]:
    return {"peringkat": fmt.words(own_rank(res).rank), "nilai": fmt.number(res.akip_total, 2),
            "predikat": res.akip_predikat.predikat}


def peringkat(res: Results, ref: str) -> dict[str, str]:
    row = next(r for r in res.peringkat if r.row.perangkat_daerah == ref)
    # the predikat from the AKIP scale, not the one typed beside the nilai
    return {"nomor": f"{row.rank}.", "nilai": fmt.number(row.row.nilai, 2),
            "predikat": res.akip_skala.lookup(row.row.nilai).predikat}


# --- the printed figures -------------------------------------------------------------------------

def R(label: str, ref: str, *values: str, find: str | None = None, cols: tuple[str, ...]) -> Row:
    assert len(values) == len(cols), label
    return Row(label, ref, dict(zip(cols, values)), find)


def rows(cols: tuple[str, ...], *data) -> tuple[Row, ...]:
    return tuple(R(label, ref, *values, cols=cols) for label, ref, *values in data)


PK = ("APBD",)
PKP = ("APBD", "APBD-P")
IKU_COLS = ("target", "realisasi", "capaian")
YEARS = ("2023", "2024")
PER_IKU = ("pagu", "realisasi (Rp)", "realisasi (%)", "capaian kinerja", "tingkat efisiensi")
REALISASI = ("pagu sebelum perubahan", "pagu setelah perubahan", "realisasi (Rp)", "realisasi (%)")

# Budget codes of the sample (illustrative, see samples/README.md).
P_INFO, P_APL, P_STAT, P_SANDI, P_PENUNJANG = "2.16.02", "2.16.03", "2.17.02", "2.21.02", "2.16.01"


def sub(code: str, n: int) -> str:
    return f"{code}.{n:04d}"


K_INFO, K_EGOV, K_STAT = "2.16.02.2.01", "2.16.03.2.02", "2.17.02.2.01"
K_SANDI, K_POLA = "2.21.02.2.01", "2.21.02.2.02"
K_RENC, K_KEU, K_PEG, K_UMUM = "2.16.01.2.01", "2.16.01.2.02", "2.16.01.2.05", "2.16.01.2.06"
K_PENGADAAN, K_JASA, K_PEMELIHARAAN = "2.16.01.2.07", "2.16.01.2.08", "2.16.01.2.09"

SECTIONS: tuple[Section, ...] = (
    Section("Tabel 2.3", (
        R("Indeks Layanan Publik Berbasis IT", "IKU1", "4,09", cols=("target",)),
        R("Nilai Akuntabilitas Kinerja Instansi Pemerintah ( AKIP ) Diskominfostandi", "IKU2",
          "77,50", cols=("target",)),
    ) + rows(
        PK,
        ("Program Pengelolaan Informasi dan Komunikasi Publik;", P_INFO, "Rp. 1.403.610.650"),
        ("Program Pengelolaan Aplikasi Informatika;", P_APL, "Rp. 21.234.970.000"),
        ("Program Penyelenggaraan Statistik Sektoral;", P_STAT, "Rp. 350.000.000"),
        ("Program Penyelenggaraan Persandian untuk Pengamanan Informasi;", P_SANDI,
         "Rp. 1.113.685.000"),
        ("Program Penunjang Urusan Pemeritahan Daerah Kabupaten/Kota;", P_PENUNJANG,
         "Rp. 16.809.472.400"),
        ("Total", "TOTAL", "Rp. 40.911.738.050"),
    ), pk_table),
    Section("Tabel 2.4", (
        R("Indeks Layanan Publik Berbasis IT", "IKU1", "4,09", cols=("target APBD-P",)),
        R("Nilai Akuntabilitas Kinerja Instansi Pemerintah ( AKIP ) Diskominfostandi", "IKU2",
          "77,50", cols=("target APBD-P",)),
    ) + rows(
        PKP,
        ("Program Pengelolaan Informasi dan Komunikasi Publik;", P_INFO, "Rp. 1.403.610.650",
         "Rp. 1.588.644.650"),
        ("Program Pengelolaan Aplikasi Informatika;", P_APL, "Rp. 21.234.970.000",
         "Rp. 20.803.240.000"),
        ("Program Penyelenggaraan Statistik Sektoral;", P_STAT, "Rp. 350.000.000",
         "Rp. 324.500.000"),
        ("Program Penyelenggaraan Persandian untuk Pengamanan Informasi;", P_SANDI,
         "Rp. 1.113.685.000", "Rp. 1.107.525.000"),
        ("Program Penunjang Urusan Pemeritahan Daerah Kabupaten/Kota;", P_PENUNJANG,
         "Rp. 16.809.472.400", "Rp. 17.038.078.400"),
        ("Total", "TOTAL", "Rp. 40.911.738.050", "Rp. 40.861.988.050"),
    ), pk_table),
    Section("Tabel 3.1", rows(
        IKU_COLS,
        ("Indeks Layanan Publik Berbasis IT", "IKU1", "4,09", "4,41", "107,82%"),
        ("Nilai Akuntabilitas Kinerja Instansi Pemerintah ( AKIP Diskominfostandi )", "IKU2",
         "77,50", "80,67", "104,09%"),
    ), iku_table),
    Section("Tabel 3.3", rows(
        IKU_COLS,
        ("Indeks Layanan Publik Berbasis IT", "IKU1", "4,09", "4,41", "107,82%"),
    ), iku_table),
    Section("Tabel 3.4", rows(
        YEARS,
        ("Target", "Target", "4,84", "4,09"),
        ("Realisasi", "Realisasi", "4,86", "4,41"),
        ("Capaian", "Capaian", "100,4%", "107,82%"),
    ), comparison_table("IKU1")),
    Section("Tabel 3.5", rows(
        IKU_COLS,
        ("Indeks Pengelolaan Sistem Layanan Publik Berbasis Digital", "IP1", "3,24", "4,21",
         "129,94%"),
        ("Indeks Kepuasan Masyarakat pada Pelayanan Pengaduan dan Informasi Publik", "IP2",
         "4,38", "4,68", "106,8%"),
        ("Indeks Ketersediaan Data Sektoral Berbasis Digital", "IP3", "3,75", "3,75", "100%"),
        ("Indeks Penyelenggaraan Pengamanan Informasi", "IP4", "5,00", "5,00", "100%"),
    ), ip_table),
    Section("Tabel 3.6", rows(
        YEARS,
        ("Target", "Target", "4,84", "4,09"),
        ("Realisasi", "Realisasi", "4,86", "4,41"),
    ), comparison_table("IKU1")),
    Section("Tabel 3.7", rows(
        PER_IKU,
        ("Program Pengelolaan Aplikasi Informatika", P_APL,
         "20.803.240.000", "20.198.291.611", "97,09%", "100%", "2,91%"),
        ("Pengelolaan e-government Di Lingkup Pemerintah Daerah Kabupaten/Kota", K_EGOV,
         "20.803.240.000", "20.198.291.611", "97,09%", "100%", "2,91%"),
        ("Penatalaksanaan dan Pengawasan e-government dalam Penyelenggaraan Pemerintahan Daerah "
         "Kabupaten/Kota", sub(K_EGOV, 1), "174.185.000", "171.267.000", "98,32%", "100%", "1,68%"),
        ("Pengelolaan Pusat Data Pemerintahan Daerah", sub(K_EGOV, 2),
         "391.100.000", "378.880.546", "96,88%", "100%", "3,12%"),
        ("Pengembangan Aplikasi dan Proses Bisnis Pemerintahan Berbasis Elektronik", sub(K_EGOV, 3),
         "249.000.000", "221.938.250", "89,13%", "100%", "10,87%"),
        ("Penyelenggaraan Sistem Penghubung Layanan Pemerintah", sub(K_EGOV, 4),
         "65.000.000", "63.176.000", "97,19%", "100%", "2,81%"),
        ("Pengembangan dan Pengelolaan Ekosistem Kabupaten/Kota Cerdas dan Kota Cerdas",
         sub(K_EGOV, 5), "659.715.000", "540.571.850", "81,94%", "100%", "18,06%"),
        ("Pengembangan dan Pengelolaan Sumber Daya Teknologi Informasi dan Komunikasi Pemerintah "
         "Daerah", sub(K_EGOV, 6), "19.141.890.000", "18.719.247.965", "97,79%", "100%", "2,21%"),
        ("Pengelolaan Gevornment Chief Infomation Office (GCIO)", sub(K_EGOV, 7),
         "122.350.000", "103.210.000", "84,36%", "100%", "15,64%"),
        ("Program Pengelolaan Informasi dan Komunikasi Publik", P_INFO,
         "1.588.644.650", "1.459.423.333", "91,87%", "100%", "8,13%"),
        ("Pengelolaan Informasi dan Komunikasi Publik Pemerintah Daerah Kabupaten/Kota", K_INFO,
         "1.588.644.650", "1.459.423.333", "91,87%", "100%", "8,13%"),
        ("Monitoring Opini dan Aspirasi Publik", sub(K_INFO, 1),
         "195.950.000", "193.200.000", "98,60%", "100%", "1,40%"),
        ("Pengelolaan Media Komunikasi Publik", sub(K_INFO, 2),
         "73.900.000", "53.750.000", "72,73%", "100%", "27,27%"),
        ("Pelayanan Informasi Publik", sub(K_INFO, 3),
         "681.034.000", "659.859.850", "96,89%", "100%", "3,11%"),
        ("Penguatan Kapasitas Sumber Daya Komunikasi Publik", sub(K_INFO, 4),
         "100.000.000", "92.970.483", "92,97%", "100%", "7,03%"),
        ("Penyediaan/Pengadaan Sarana dan Prasarana Pendukung Informasi dan Komunikasi Publik "
         "Pemerintah Daerah Kabupaten/Kota", sub(K_INFO, 5),
         "537.760.650", "459.643.000", "85,47%", "100%", "14,53%"),
        ("Program Penyelenggaraan Statistik Sektoral", P_STAT,
         "324.500.000", "317.257.300", "97,77%", "100%", "2,23%"),
        ("Penyelenggaraan Statistik Sektoral di Lingkup Daerah Kabupaten/Kota", K_STAT,
         "324.500.000", "317.257.300", "97,77%", "100%", "2,23%"),
        ("Koordinasi dan Sinkronisasi Pengumpulan, Pengolahan, Analisis dan Diseminasi Data "
         "Statistik Sektoral", sub(K_STAT, 1), "150.000.000", "149.280.600", "99,52%", "100%",
         "0,48%"),
        ("Membangun Metadata Statistik Sektoral", sub(K_STAT, 2),
         "174.500.000", "167.976.700", "96,26%", "100%", "3,74%"),
        ("Program Penyelenggaraan Persandian untuk Pengamanan Informasi", P_SANDI,
         "1.107.525.000", "1.090.297.482", "98,44%", "100%", "1,56%"),
        ("Penyelenggaraan Persandian untuk Pengamanan Informasi Pemerintah Daerah Kabupaten/Kota",
         K_SANDI, "957.525.000", "944.125.050", "98,60%", "100%", "1,40%"),
        ("Pelaksanaan Keamanan Informasi Pemerintahan Daerah Kabupaten/Kota Berbasis Elektronik "
         "dan Non Elektronik", sub(K_SANDI, 1), "200.000.000", "197.138.850", "98,57%", "100%",
         "1,43%"),
        ("Penyediaan Layanan Keamanan Informasi Pemerintah Daerah Kabupaten/Kota", sub(K_SANDI, 2),
         "757.525.000", "746.986.200", "98,61%", "100%", "1,39%"),
        ("Penetapan Pola Hubungan Komunikasi Sandi Antar Perangkat Daerah Kabupaten/Kota", K_POLA,
         "150.000.000", "146.172.432", "97,45%", "100%", "2,55%"),
        ("Operasionalisasi Jaring Komunikasi Sandi Pemerintah Daerah Kabupaten/Kota",
         sub(K_POLA, 1), "150.000.000", "146.172.432", "97,45%", "100%", "2,55%"),
    ), iku_budget_table("IKU1")),
    Section("Tabel 3.9", rows(
        IKU_COLS,
        ("Nilai Akuntabilitas Kinerja Instansi Pemerintah (AKIP) Diskominfostandi", "IKU2",
         "77,50", "80,67", "104,09%"),
    ), iku_table),
    Section("Tabel 3.10", rows(
        ("bobot", "nilai"),
        ("Perencanaan Kinerja", "Perencanaan Kinerja", "30", "26,14"),
        ("Pengukuran Kinerja", "Pengukuran Kinerja", "30", "23,99"),
        ("Pelaporan Kinerja", "Pelaporan Kinerja", "15", "12,87"),
        ("Evaluasi Akuntabilitas Kinerja", "Evaluasi Akuntabilitas Kinerja", "25", "17,67"),
        ("Nilai Hasil Evaluasi", "TOTAL", "100", "80,67"),
    ) + (R("Tingkat Akuntabilitas Kinerja", "PREDIKAT", "A", cols=("predikat",)),), akip_table),
    Section("Tabel 3.11", rows(
        YEARS,
        ("Target", "Target", "84,44", "77,50"),
        ("Realisasi", "Realisasi", "79,04", "80,67"),
        ("Capaian", "Capaian", "93,6%", "104,09%"),
    ), comparison_table("IKU2")),
    Section("Tabel 3.12", rows(
        IKU_COLS,
        ("Optimalisasi Pelayanan Administrasi Perkantoran", "IP5", "100%", "95,36%", "95,36%"),
        ("Optimalisasi Pengembangan Sistem Pelaporan Capaian Kinerja dan Keuangan", "IP6",
         "100%", "98,59%", "98,59%"),
        ("Optimalisasi Peningkatan Kapasitas Sumber Daya Aparatur", "IP7", "100%", "90%", "90%"),
        ("Optimalisasi Peningkatan Sarana dan Prasarana Aparatur", "IP8", "100%", "100%", "100%"),
    ), ip_table),
    Section("Tabel 3.13", rows(
        YEARS,
        ("Target", "Target", "84,44", "77,50"),
        ("Realisasi", "Realisasi", "79,04", "80,67"),
    ), comparison_table("IKU2")),
    Section("Tabel 3.14", rows(
        PER_IKU,
        ("Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", P_PENUNJANG,
         "17.038.078.400", "15.210.554.194", "89,27%", "100%", "10,73%"),
        ("Perencanaan, Penganggaran dan Evaluasi Kinerja Perangkat Daerah", K_RENC,
         "25.000.000", "24.338.850", "97,36%", "100%", "2,64%"),
        ("Penyusunan Dokumen Perencanaan Perangkat Daerah", sub(K_RENC, 1),
         "10.000.000", "9.792.850", "97,93%", "100%", "2,07%"),
        ("Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD",
         sub(K_RENC, 2), "15.000.000", "14.546.000", "96,97%", "100%", "3,03%"),
        ("Administrasi Keuangan Perangkat Daerah", K_KEU,
         "11.661.038.000", "10.525.200.956", "90,26%", "98,59%", "9,74%"),
        ("Penyediaan Gaji dan Tunjangan ASN", sub(K_KEU, 1),
         "11.651.038.000", "10.517.058.956", "90,27%", "97,18%", "9,73%"),
        ("Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD", sub(K_KEU, 2),
         "10.000.000", "8.142.000", "81,42%", "100%", "18,58%"),
        ("Administrasi Kepegawaian Perangkat Daerah", K_PEG,
         "150.000.000", "120.500.000", "80,33%", "90%", "18,58%"),
        ("Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi", sub(K_PEG, 1),
         "150.000.000", "120.500.000", "80,33%", "90%", "18,58%"),
        ("Administrasi Umum Perangkat Daerah", K_UMUM,
         "730.830.000", "614.030.537", "84,02%", "100%", "15,98%"),
        ("Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor", sub(K_UMUM, 1),
         "32.600.000", "18.977.000", "58,21%", "100%", "41,79%"),
        ("Penyediaan Bahan Logistik Kantor", sub(K_UMUM, 2),
         "289.480.000", "285.158.600", "98,51%", "100%", "1,49%"),
        ("Penyediaan Barang Cetak dan Penggandaan", sub(K_UMUM, 3),
         "82.000.000", "74.106.800", "90,37%", "100%", "9,63%"),
        ("Penyediaan Bahan Bacaan dan Peraturan Perundang-Undangan", sub(K_UMUM, 4),
         "40.000.000", "39.600.000", "99%", "100%", "1%"),
        ("Fasilitasi Kunjungan Tamu", sub(K_UMUM, 5),
         "10.000.000", "9.280.000", "92,80%", "33,33%", "7,20%"),
        ("Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", sub(K_UMUM, 6),
         "270.000.000", "180.158.137", "66,73%", "100%", "33,27%"),
        ("Penatausahaan Arsip Dinamis pada SKPD", sub(K_UMUM, 7),
         "6.750.000", "6.750.000", "100%", "100%", "0%"),
        ("Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah", K_PENGADAAN,
         "278.606.000", "206.370.000", "74,07%", "100%", "25,93%"),
        ("Pengadaan Mebel", sub(K_PENGADAAN, 1),
         "149.544.000", "131.300.000", "87,80%", "100%", "12,20%"),
        ("Pengadaan Peralatan dan Mesin Lainnya", sub(K_PENGADAAN, 2),
         "129.062.000", "75.070.000", "58,17%", "100%", "41,83%"),
        ("Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", K_JASA,
         "2.942.604.400", "2.651.993.647", "90,12%", "100%", "9,88%"),
        ("Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik", sub(K_JASA, 1),
         "390.000.000", "299.875.113", "76,89%", "100%", "23,11%"),
        ("Penyediaan Jasa Pelayanan Umum Kantor", sub(K_JASA, 2),
         "2.552.604.000", "2.352.118.534", "92,15%", "100%", "7,85%"),
        ("Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", K_PEMELIHARAAN,
         "1.250.000.000", "1.068.120.204", "85,45%", "100%", "14,55%"),
        ("Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan dan Pajak Kendaraan Perorangan Dinas "
         "atau Kendaraan Dinas Jabatan", sub(K_PEMELIHARAAN, 1),
         "350.000.000", "307.431.078", "87,84%", "100%", "12,16%"),
        ("Pemeliharaan Peralatan dan Mesin Lainnya", sub(K_PEMELIHARAAN, 2),
         "100.000.000", "39.650.000", "39,65%", "58,21%", "60,35%"),
        ("Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya", sub(K_PEMELIHARAAN, 3),
         "800.000.000", "721.039.126", "90,13%", "100%", "9,87%"),
    ), iku_budget_table("IKU2")),
    Section("Tabel 3.15", rows(
        REALISASI,
        ("Program Pengelolaan Aplikasi Informatika", P_APL,
         "21.234.970.000", "20.803.240.000", "20.198.291.611", "97,09%"),
        ("Pengelolaan e-government Di Lingkup Pemerintah Daerah Kabupaten/Kota", K_EGOV,
         "21.234.970.000", "20.803.240.000", "20.198.291.611", "97,09%"),
        ("Penatalaksanaan dan Pengawasan e-government dalam Penyelenggaraan Pemerintahan Daerah "
         "Kabupaten/Kota", sub(K_EGOV, 1), "273.935.000", "174.185.000", "171.267.000", "98,32%"),
        ("Pengelolaan Pusat Data Pemerintahan Daerah", sub(K_EGOV, 2),
         "425.000.000", "391.100.000", "378.880.546", "96,88%"),
        ("Pengembangan Aplikasi dan Proses Bisnis Pemerintahan Berbasis Elektronik", sub(K_EGOV, 3),
         "249.000.000", "249.000.000", "221.938.250", "89,13%"),
        ("Penyelenggaraan Sistem Penghubung Layanan Pemerintah", sub(K_EGOV, 4),
         "65.000.000", "65.000.000", "63.176.000", "97,19%"),
        ("Pengembangan dan Pengelolaan Ekosistem Kabupaten/Kota Cerdas dan Kota Cerdas",
         sub(K_EGOV, 5), "659.715.000", "659.715.000", "540.571.850", "81,94%"),
        ("Pengembangan dan Pengelolaan Sumber Daya Teknologi Informasi dan Komunikasi Pemerintah "
         "Daerah", sub(K_EGOV, 6), "19.439.970.000", "19.141.890.000", "18.719.247.965", "97,79%"),
        ("Pengelolaan Gevornment Chief Infomation Office (GCIO)", sub(K_EGOV, 7),
         "122.350.000", "122.350.000", "103.210.000", "84,36%"),
        ("Program Pengelolaan Informasi dan Komunikasi Publik", P_INFO,
         "1.403.610.650", "1.588.644.650", "1.459.423.333", "91,87%"),
        ("Pengelolaan Informasi dan Komunikasi Publik Pemerintah Daerah Kabupaten/Kota", K_INFO,
         "1.403.610.650", "1.588.644.650", "1.459.423.333", "91,87%"),
        ("Monitoring Opini dan Aspirasi Publik", sub(K_INFO, 1),
         "195.950.000", "195.950.000", "193.200.000", "98,60%"),
        ("Pengelolaan Media Komunikasi Publik", sub(K_INFO, 2),
         "73.900.000", "73.900.000", "53.750.000", "72,73%"),
        ("Pelayanan Informasi Publik", sub(K_INFO, 3),
         "496.000.000", "681.034.000", "659.859.850", "96,89%"),
        ("Penguatan Kapasitas Sumber Daya Komunikasi Publik", sub(K_INFO, 4),
         "100.000.000", "100.000.000", "92.970.483", "92,97%"),
        ("Penyediaan/Pengadaan Sarana dan Prasarana Pendukung Informasi dan Komunikasi Publik "
         "Pemerintah Daerah Kabupaten/Kota", sub(K_INFO, 5),
         "537.760.650", "537.760.650", "459.643.000", "85,47%"),
        ("Program Penyelenggaraan Statistik Sektoral", P_STAT,
         "350.000.000", "324.500.000", "317.257.300", "97,77%"),
        ("Kegiatan Penyelenggaraan Statistik Sektoral di Lingkup Daerah Kabupaten/Kota", K_STAT,
         "350.000.000", "324.500.000", "317.257.300", "97,77%"),
        ("Koordinasi dan Sinkronisasi Pengumpulan, Pengolahan, Analisis dan diseminasi Data "
         "Statistik Sektoral", sub(K_STAT, 1), "150.000.000", "150.000.000", "149.280.600",
         "99,52%"),
        ("Membangun Metadata Statistik Sektoral", sub(K_STAT, 2),
         "200.000.000", "174.500.000", "167.976.700", "96,26%"),
        ("Program Penyelenggaraan Persandian untuk Pengamanan Informasi", P_SANDI,
         "1.113.685.000", "1.107.525.000", "1.090.297.482", "98,44%"),
        ("Kegiatan Penyelenggaraan Persandian untuk Pengamanan Informasi Pemerintah Daerah "
         "Kabupaten/Kota", K_SANDI, "963.685.000", "957.525.000", "944.125.050", "98,60%"),
        ("Pelaksanaan Keamanan Informasi Pemerintahan Daerah Kabupaten/Kota Berbasis Elektronik "
         "dan Non Elektronik", sub(K_SANDI, 1), "200.000.000", "200.000.000", "197.138.850",
         "98,57%"),
        ("Penyediaan Layanan Keamanan Informasi Pemerintah Daerah Kabupaten/Kota", sub(K_SANDI, 2),
         "763.685.000", "757.525.000", "746.986.200", "98,61%"),
        ("Kegiatan Penetapan Pola Hubungan Komunikasi Sandi Antar Perangkat Daerah Kabupaten/Kota",
         K_POLA, "150.000.000", "150.000.000", "146.172.432", "97,45%"),
        ("Operasionalisasi Jaring Komunikasi Sandi Pemerintah Daerah Kabupaten/Kota",
         sub(K_POLA, 1), "150.000.000", "150.000.000", "146.172.432", "97,45%"),
        ("JUMLAH", "JUMLAH", "24.102.265.650", "23.823.909.650", "23.065.269.726", "96,81%"),
    ), kelompok_table("BLU")),
    Section("Tabel 3.16", rows(
        REALISASI,
        ("Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", P_PENUNJANG,
         "16.809.472.400", "17.038.078.400", "15.210.554.194", "89,27%"),
        ("Kegiatan Perencanaan, Penganggaran dan Evaluasi Kinerja Perangkat Daerah", K_RENC,
         "25.000.000", "25.000.000", "24.338.850", "97,36%"),
        ("Penyusunan Dokumen Perencanaan Perangkat Daerah", sub(K_RENC, 1),
         "10.000.000", "10.000.000", "9.792.850", "97,93%"),
        ("Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD",
         sub(K_RENC, 2), "15.000.000", "15.000.000", "14.546.000", "96,97%"),
        ("Kegiatan Administrasi Keuangan Perangkat Daerah", K_KEU,
         "11.611.038.000", "11.661.038.000", "10.525.200.956", "90,26%"),
        ("Penyediaan Gaji dan Tunjangan ASN", sub(K_KEU, 1),
         "11.601.038.000", "11.651.038.000", "10.517.058.956", "90,27%"),
        ("Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD", sub(K_KEU, 2),
         "10.000.000", "10.000.000", "8.142.000", "81,42%"),
        ("Kegiatan Administrasi Kepegawaian Perangkat Daerah", K_PEG,
         "150.000.000", "150.000.000", "120.500.000", "80,33%"),
        ("Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi", sub(K_PEG, 1),
         "150.000.000", "150.000.000", "120.500.000", "80,33%"),
        ("Kegiatan Administrasi Umum Perangkat Daerah", K_UMUM,
         "730.830.000", "730.830.000", "614.030.537", "84,02%"),
        ("Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor", sub(K_UMUM, 1),
         "32.600.000", "32.600.000", "18.977.000", "58,21%"),
        ("Penyediaan Bahan Logistik Kantor", sub(K_UMUM, 2),
         "289.480.000", "289.480.000", "285.158.600", "98,51%"),
        ("Penyediaan Barang Cetak dan Penggandaan", sub(K_UMUM, 3),
         "82.000.000", "82.000.000", "74.106.800", "90,37%"),
        ("Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan", sub(K_UMUM, 4),
         "40.000.000", "40.000.000", "39.600.000", "99%"),
        ("Fasilitasi Kunjungan Tamu", sub(K_UMUM, 5),
         "10.000.000", "10.000.000", "9.280.000", "92,80%"),
        ("Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", sub(K_UMUM, 6),
         "270.000.000", "270.000.000", "180.158.137", "66,73%"),
        ("Penatausahaan Arsip Dinamis pada SKPD", sub(K_UMUM, 7),
         "6.750.000", "6.750.000", "6.750.000", "100%"),
        ("Kegiatan Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah", K_PENGADAAN,
         "-", "278.606.000", "206.370.000", "74,07%"),
        ("Pengadaan Mebel", sub(K_PENGADAAN, 1), "-", "149.544.000", "131.300.000", "87,80%"),
        ("Pengadaan Peralatan dan Mesin Lainnya", sub(K_PENGADAAN, 2),
         "-", "129.062.000", "75.070.000", "58,17%"),
        ("Kegiatan Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", K_JASA,
         "2.942.604.400", "2.942.604.400", "2.651.993.647", "90,12%"),
        ("Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik", sub(K_JASA, 1),
         "390.000.000", "390.000.000", "299.875.113", "76,89%"),
        ("Penyediaan Jasa Pelayanan Umum Kantor", sub(K_JASA, 2),
         "2.552.604.000", "2.552.604.000", "2.352.118.534", "92,15%"),
        ("Kegiatan Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
         K_PEMELIHARAAN, "1.350.000.000", "1.250.000.000", "1.068.120.204", "85,45%"),
        ("Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan dan Pajak Kendaraan Perorangan Dinas "
         "atau Kendaraan Dinas Jabatan", sub(K_PEMELIHARAAN, 1),
         "450.000.000", "350.000.000", "307.431.078", "87,84%"),
        ("Pemeliharaan Peralatan dan Mesin Lainnya", sub(K_PEMELIHARAAN, 2),
         "100.000.000", "100.000.000", "39.650.000", "39,65%"),
        ("Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya", sub(K_PEMELIHARAAN, 3),
         "800.000.000", "800.000.000", "721.039.126", "90,13%"),
        ("JUMLAH", "JUMLAH", "16.809.472.400", "17.038.078.400", "15.210.554.194", "89,27%"),
    ), kelompok_table("BLPU")),
    # 3.2, worked calculation of IKU1 (the figures between "Adapun Formulasi Rumus" and "Dengan
    # melihat Perhitungan di atas"). "langkah" columns are compared ignoring spaces and reading
    # "/" as ":" (the reference typesets division both ways).
    Section("3.2 worked calculation", (
        R("Indeks Layanan Publik Berbasis IT", "IKU1", "{4,21+4,68+3,75+5} : 4", "17,64 : 4",
          "4,41", cols=("langkah 1", "langkah 2", "hasil")),
        R("Penyediaan Jaringan FO (Intranet) Kecamatan Kelurahan, SMPN dan Puskesmas se-Kota "
          "Bekasi", "IP1.C1.R2", "(12+56+60+47+12+8)/201", "198/201", "0,98",
          cols=("langkah 1", "langkah 2", "hasil")),
        R("Cakupan Unit Kerja Yang Terkoneksi Dengan Jaringan Primer", "IP1.C1", "2,88", "0,96",
          cols=("jumlah rasio", "hasil")),
        R("Cakupan Layanan Informasi Pemerintahan Daerah Kepada Publik", "IP1.C2", "1",
          cols=("hasil",)),
        R("Persentase Tingkat Layanan Infrastruktur Pusat Data", "IP1.C3", "(1 + 1 + 1 + 1) / 4",
          "1", cols=("langkah 1", "hasil")),
        R("Persentase Jumlah platform dengan database yang terintegrasi", "IP1.C4",
          "(0 + 6 + 5 + 0) / 44", "11 / 44", "0,25", cols=("langkah 1", "langkah 2", "hasil")),
        R("Persentase Jumlah Layanan Digital PD", "IP1.C5", "(11 + 11 + 11 + 11) / 44", "44 / 44",
          "1", cols=("langkah 1", "langkah 2", "hasil")),
        R("Indeks Pengelolaan Sistem Layanan Publik Berbasis Digital", "IP1",
          "0,96 + 1 + 1 + 0,25 + 1", "4,21", cols=("langkah 1", "hasil")),
        R("Nilai Indeks Kepuasan Masyarakat Pada Pelayanan Pengaduan dan Informasi Publik "
          "(rata-rata IKM)", "IP2.IKM", "93,62", cols=("hasil",)),
        R("Nilai Indeks Ketersediaan Data Sektoral Berbasis Digital", "IP3", "3,75",
          cols=("hasil",)),
        R("Indeks Penyelenggaraan Pengamanan Informasi", "IP4", "5", cols=("hasil",)),
    ), worked_calculation, text=True, whole=True,
        start="Adapun Formulasi Rumus Perhitungan Indeks Layanan Publik Berbasis IT",
        end="Dengan melihat Perhitungan di atas"),
    Section("3.1 text", (
        R("Sasaran Strategis dan Indikator Kinerja", "LKIP", "2 (dua)", "2 (dua)",
          cols=("sasaran", "indikator kinerja"), find="sebanyak 2 (dua) Sasaran Strategis"),
    ), counts_3_1, text=True, start="### 3.1 CAPAIAN KINERJA ORGANISASI", end="Tabel 3.1"),
)

SUB = ("pagu", "capaian output", "output", "realisasi (Rp)", "realisasi (%)", "efisiensi")
SUB_CHANGED = ("pagu murni",) + SUB
SUB_SHORT = ("pagu", "capaian output", "output", "target output", "realisasi (Rp)",
             "realisasi (%)", "efisiensi")
IP_HEAD = ("capaian", "jumlah sub kegiatan")


def text_rows(*data) -> tuple[Row, ...]:
    """(cols, label, ref, *values[, {"find": ...}])"""
    out = []
    for cols, label, ref, *values in data:
        find = None
        if values and isinstance(values[-1], dict):
            find = values.pop()["find"]
        out.append(R(label, ref, *values, cols=cols, find=find))
    return tuple(out)


SECTIONS += (
    Section("3.2 text IKU1", text_rows(
        (("program",), "supporting programs", "IKU1", "4 (empat)",
         {"find": "didukung oleh 4 (empat) Program"}),
        (("program", "sub kegiatan"), "programs and sub kegiatan", "IKU1", "4 (empat)",
         "17 (tujuh belas)", {"find": "melaksanakan 4 (empat) Program"}),
        (IP_HEAD, "Indeks Pengelolaan Sistem Layanan Publik Berbasis Digital Tahun 2024", "IP1",
         "129,94%", "7 (tujuh)"),
        (SUB_CHANGED, "Penatalaksanaan dan Pengawasan e-Government dalam Penyelenggaraan "
         "Pemerintahan Daerah Kabupaten/Kota", sub(K_EGOV, 1), "Rp.273.935.000.-",
         "Rp.174.185.000.-", "100%", "3 (tiga)", "Rp.171.267.000.-", "98,32%", "1,68%"),
        (SUB_CHANGED, "Pengelolaan Pusat Data Pemerintahan Daerah", sub(K_EGOV, 2),
         "Rp.425.000.000.-", "Rp.391.100.000.-", "100%", "1 (satu)", "Rp.378.880.546.-",
         "96,88%", "3,12%"),
        (SUB, "Pengembangan Aplikasi dan Proses Bisnis Pemerintahan Berbasis Elektronik",
         sub(K_EGOV, 3), "Rp.249.000.000.-", "100%", "2 (dua)", "Rp.221.938.250.-", "89,13%",
         "10,87%"),
        (SUB, "Penyelenggaraan Sistem Penghubung Layanan Pemerintah", sub(K_EGOV, 4),
         "Rp.65.000.000.-", "100%", "11 (sebelas)", "Rp.63.176.000.-", "97,19%", "2,81%"),
        (SUB, "Pengembangan dan Pengelolaan Ekosistem Kabupaten/Kota Cerdas dan Kota Cerdas",
         sub(K_EGOV, 5), "Rp.659.715.000.-", "100%", "6 (enam)", "Rp.540.571.850.-", "81,94%",
         "18,06%"),
        (SUB_CHANGED, "Pengembangan dan Pengelolaan Sumber Daya Teknologi Informasi dan "
         "Komunikasi Pemerintah Daerah", sub(K_EGOV, 6), "Rp.19.439.970.000.-",
         "Rp.19.141.890.000.-", "100%", "5 (lima)", "Rp.18.719.247.965.-", "97,79%", "2,21%"),
        (SUB, "Pengelolaan Gevornment Chief Information Officer (GCIO)", sub(K_EGOV, 7),
         "Rp.122.350.000.-", "100%", "1 (satu)", "Rp.103.210.000.-", "84,36%", "15,64%"),
        (IP_HEAD, "Indeks Kepuasan Masyarakat pada Pelayanan Pengaduan dan Informasi Publik "
         "Tahun 2024", "IP2", "106,8%", "5 (lima)"),
        (SUB, "Monitoring Opini dan Aspirasi Publik", sub(K_INFO, 1), "Rp.195.950.000.-", "100%",
         "12 (dua belas)", "Rp.193.200.000.-", "98,60%", "1,40%"),
        (SUB, "Pengelolaan Media Komunikasi Publik", sub(K_INFO, 2), "Rp.73.900.000.-", "100%",
         "2 (dua)", "Rp.53.750.000.-", "72,73%", "27,27%"),
        (SUB_CHANGED, "Pelayanan Informasi Publik", sub(K_INFO, 3), "Rp.496.000.000.-",
         "Rp.681.034.000.-", "100%", "4 (empat)", "Rp.659.859.850.-", "96,89%", "3,11%"),
        (SUB, "Penguatan Kapasitas Sumber Daya Komunikasi Publik", sub(K_INFO, 4),
         "Rp.100.000.000.-", "100%", "125 (seratus dua puluh lima)", "Rp.92.970.483.-", "92,97%",
         "7,03%"),
        (SUB, "Penyediaan/Pengadaan Sarana dan Prasarana Pendukung Informasi dan Komunikasi "
         "Publik Pemerintah Kabupaten/Kota", sub(K_INFO, 5), "Rp.537.760.650.-", "100%",
         "141 (seratus empat puluh satu)", "Rp.459.643.000.-", "85,47%", "14,53%"),
        (IP_HEAD, "Indeks Ketersediaan Data Sektoral Tahun 2024", "IP3", "100%", "2 (dua)"),
        (SUB, "Koordinasi dan Sinkronisasi Pengumpulan, Pengolahan, Analisis dan Diseminasi "
         "Data Statistik Sektoral", sub(K_STAT, 1), "Rp.150.000.000.-", "100%", "1 (satu)",
         "Rp.149.280.600.-", "99,52%", "0,48%"),
        (SUB_CHANGED, "Membangun Metadata Statistik Sektoral", sub(K_STAT, 2), "Rp.200.000.000.-",
         "Rp.174.500.000.-", "100%", "1 (satu)", "Rp.167.976.700.-", "96,26%", "3,74%"),
        (IP_HEAD, "Indeks Penyelenggaraan Pengamanan Informasi Tahun 2024", "IP4", "100%",
         "3 (tiga)"),
        (SUB, "Pelaksanaan Keamanan Informasi Pemerintah Daerah Kabupaten/Kota Berbasis "
         "Elektronik dan Non Elektronik", sub(K_SANDI, 1), "Rp.200.000.000.-", "100%", "3 (tiga)",
         "Rp.197.138.850.-", "98,57%", "1,43%"),
        (SUB_CHANGED, "Penyediaan Layanan Keamanan Informasi Pemerintah Daerah Kabupaten/Kota",
         sub(K_SANDI, 2), "Rp.763.685.000.-", "Rp.757.525.000.-", "90%", "16 (enam belas)",
         "Rp.746.986.200.-", "98,61%", "1,39%"),
        (SUB, "Operasionalisasi Jaring Komunikasi Sandi Pemerintah Daerah Kabupaten/Kota",
         sub(K_POLA, 1), "Rp.150.000.000.-", "100%", "44 (empat puluh empat)",
         "Rp.146.172.432.-", "97,45%", "2,55%"),
        (("program", "kegiatan", "sub kegiatan"), "sentence after Tabel 3.7", "IKU1", "4 (empat)",
         "5 (lima)", "17 (tujuh belas)", {"find": "Berdasarkan Tabel di atas terdapat 4 (empat)"}),
    ), narrative, text=True, start="#### 1. Indikator Sasaran Indeks Layanan Publik Berbasis IT",
        end="Adapun langkah-langkah yang akan dilakukan pada Tahun 2025"),
    Section("3.2 text IKU2", text_rows(
        (("program",), "supporting programs", "IKU2", "1 (satu)",
         {"find": "didukung oleh 1 (satu) Program"}),
        (("program", "sub kegiatan"), "programs and sub kegiatan", "IKU2", "1 (satu)",
         "19 (sembilan belas)", {"find": "melaksanakan 1 (satu) Program"}),
        (IP_HEAD, "Optimalisasi Pelayanan Administrasi Perkantoran Tahun 2024", "IP5", "95,36%",
         "7 (tujuh)"),
        (SUB, "Penyusunan Dokumen Perencanaan Perangkat Daerah", sub(K_RENC, 1), "Rp.10.000.000.-",
         "100%", "9 (sembilan)", "Rp.9.792.850.-", "97,93%", "2,07%"),
        (SUB, "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja "
         "SKPD", sub(K_RENC, 2), "Rp.15.000.000.-", "100%", "20 (dua puluh)", "Rp.14.546.000.-",
         "96,97%", "3,03%"),
        (SUB, "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik", sub(K_JASA, 1),
         "Rp.390.000.000.-", "100%", "2 (dua)", "Rp.299.875.113.-", "76,89%", "23,11%"),
        (SUB, "Penyediaan Jasa Pelayanan Umum Kantor", sub(K_JASA, 2), "Rp.2.552.604.400.-",
         "100%", "2 (dua)", "Rp.2.352.118.534.-", "92,15%", "7,85%"),
        (SUB_CHANGED, "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan dan Pajak Kendaraan "
         "Perorangan Dinas atau Kendaraan Dinas Jabatan", sub(K_PEMELIHARAAN, 1),
         "Rp.450.000.000.-", "Rp.350.000.000.-", "100%", "15 (lima belas)", "Rp.307.431.078.-",
         "87,84%", "12,16%"),
        (SUB_SHORT, "Pemeliharaan Peralatan dan Mesin Lainnya", sub(K_PEMELIHARAAN, 2),
         "Rp.100.000.000.-", "58,21%", "319 (tiga ratus sembilan belas)",
         "548 (lima ratus empat puluh delapan)", "Rp.39.650.000.-", "39,65%", "60,35%"),
        (SUB, "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya",
         sub(K_PEMELIHARAAN, 3), "Rp.800.000.000.-", "100%", "1 (satu)", "Rp.721.039.126.-",
         "90,13%", "9,87%"),
        (IP_HEAD, "Optimalisasi Pengembangan Sistem Pelaporan Capaian Kinerja dan Keuangan Tahun "
         "2024", "IP6", "98,59%", "2 (dua)"),
        (("pagu murni",) + SUB_SHORT, "Penyediaan Gaji dan Tunjangan ASN", sub(K_KEU, 1),
         "Rp.11.601.038.000.-", "Rp.11.651.038.-", "97,18%", "1170 (seribu seratus tujuh puluh)",
         "1204 (seribu dua ratus empat)", "Rp.10.517.058.956.-", "90,27%", "9,73%"),
        (SUB, "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD", sub(K_KEU, 2),
         "Rp.10.000.000.-", "100%", "17 (tujuh belas)", "Rp.8.142.000.-", "81,42%", "18,58%"),
        (IP_HEAD, "Optimalisasi Peningkatan Kapasitas Sumber Daya Aparatur Tahun 2024", "IP7",
         "90%", "1 (satu)"),
        (SUB_SHORT, "Pendidikan dan Pelatihan Pegawai berdasarkan Tugas dan Fungsi",
         sub(K_PEG, 1), "Rp.150.000.000.-", "90%", "18 (delapan belas)", "20 (dua puluh)",
         "Rp.120.500.000.-", "80,33%", "19,67%"),
        (IP_HEAD, "Optimalisasi Peningkatan Sarana dan Prasarana Aparatur Tahun 2024", "IP8",
         "100%", "9 (sembilan)"),
        (SUB, "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor", sub(K_UMUM, 1),
         "Rp.32.600.000.-", "100%", "1 (satu)", "Rp.18.977.000.-", "58,21%", "41,79%"),
        (SUB, "Penyediaan Bahan Logistik Kantor", sub(K_UMUM, 2), "Rp.289.480.000.-", "100%",
         "5 (lima)", "Rp.285.158.600.-", "98,51%", "1,49%"),
        (SUB, "Penyediaan Barang Cetakan dan Penggandaan", sub(K_UMUM, 3), "Rp.82.000.000.-",
         "100%", "2 (dua)", "Rp.74.106.800.-", "90,37%", "9,63%"),
        (SUB, "Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan", sub(K_UMUM, 4),
         "Rp.40.000.000.-", "100%", "388 (tiga ratus delapan puluh delapan)", "Rp.39.600.000.-",
         "99%", "1%"),
        (SUB_SHORT, "Fasilitasi Kunjungan Tamu", sub(K_UMUM, 5), "Rp.10.000.000.-", "33,33%",
         "12 (dua belas)", "36 (tiga puluh enam)", "Rp.9.280.000.-", "92,80%", "7,20%"),
        (SUB, "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", sub(K_UMUM, 6),
         "Rp.270.000.000.-", "100%", "150 (seratus lima puluh)", "Rp.180.158.137.-", "66,73%",
         "33,27%"),
        # the reference states no efisiensi for a sub kegiatan that spent all its pagu
        (SUB[:-1], "Penatausahaan Arsip Dinamis pada SKPD", sub(K_UMUM, 7), "Rp.6.750.000.-",
         "100%", "1 (satu)", "Rp.6.750.000.-", "100%"),
        (SUB, "Pengadaan Mebel", sub(K_PENGADAAN, 1), "Rp.149.544.000.-", "100%",
         "24 (dua puluh empat)", "Rp.131.300.000.-", "87,80%", "12,20%"),
        (SUB, "Pengadaan Peralatan dan Mesin Lainnya", sub(K_PENGADAAN, 2), "Rp.129.062.000.-",
         "100%", "2 (dua)", "Rp.75.070.000.-", "58,17%", "41,83%"),
        (("program", "kegiatan", "sub kegiatan", "pagu", "realisasi (Rp)", "realisasi (%)"),
         "sentence after Tabel 3.14", "IKU2", "1 (satu)", "7 (tujuh)", "19 (sembilan belas)",
         "Rp.17.038.078.400.-", "Rp.15.210.554.194.-", "89,27%",
         {"find": "Berdasarkan Tabel di atas terdapat 1 (satu)"}),
    ), narrative, text=True,
        start="### 1. Indikator Sasaran Nilai Akuntabilitas Kinerja Instansi Pemerintah",
        end="Adapun Langkah-langkah yang akan dilakukan pada Tahun 2025"),
    Section("3.3 text", text_rows(
        (("pagu sebelum perubahan", "pagu setelah perubahan"), "Belanja Langsung Urusan (BLU)",
         "BLU", "Rp.24.102.265.650.-", "Rp.23.823.909.650.-"),
        (("pagu sebelum perubahan", "pagu setelah perubahan"),
         "Belanja Langsung Penunjang Urusan (BLPU)", "BLPU", "Rp.16.809.472.400.-",
         "Rp.17.038.078.400.-"),
    ), budget_paragraph_3_3, text=True, start="### 3.3 REALISASI ANGGARAN",
        end="Realisasi Anggaran BLU berdasarkan"),
    Section("3.4 Prestasi", text_rows(
        (("peringkat", "nilai", "predikat"), "item 5 (AKIP award)", "instansi", "sepuluh",
         "80,67", "A", {"find": "5. Penghargaan kepada Diskominfostandi"}),
    ), prestasi, text=True, start="### 3.4 PRESTASI ORGANISASI", end="WALI KOTA BEKASI"),
    Section("Lampiran peringkat AKIP", rows(
        ("nomor", "nilai", "predikat"),
        *[(pd, pd, f"{i}.", nilai, predikat) for i, (pd, nilai, predikat) in enumerate((
            ("Badan Perencanaan Pembangunan dan Penelitian Pengembangan Daerah", "85,02", "A"),
            ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "84,97", "A"),
            ("Rumah Sakit Umum Daerah", "84,58", "A"),
            ("Inspektorat Kota", "84,57", "A"),
            ("Sekretariat Daerah", "82,04", "A"),
            ("Dinas Kependudukan dan Pencatatan Sipil", "81,59", "A"),
            ("Badan Pengelolaan Keuangan dan Aset Daerah", "81,43", "A"),
            ("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "81,02", "A"),
            ("Dinas Kesehatan", "80,67", "A"),
            ("Dinas Komunikasi, Informatika, Statistik dan Persandian", "80,67", "A"),
            ("Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "80,35", "A"),
            ("Dinas Perhubungan", "80,03", "A"),
            ("Dinas Perdagangan dan Perindustrian", "80,03", "A"),
            ("Dinas Bina Marga dan Sumber Daya Air", "79,94", "BB"),
            ("Dinas Ketahanan Pangan, Pertanian dan Perikanan", "79,48", "BB"),
            ("Dinas Tata Ruang", "78,92", "BB"),
            ("Kecamatan Medansatria", "78,90", "BB"),
            ("Dinas Lingkungan Hidup", "78,56", "BB"),
            ("Dinas Pemadam Kebakaran dan Penyelamatan", "78,33", "BB"),
            ("Dinas Koperasi, Usaha Kecil dan Menengah", "78,18", "BB"),
            ("Badan Pendapatan Daerah", "78,07", "BB"),
            ("Kecamatan Rawalumbu", "77,90", "BB"),
            ("Dinas Sosial", "77,29", "BB"),
            ("Kecamatan Pondokgede", "77,14", "BB"),
            ("Badan Kesatuan Bangsa dan Politik", "76,72", "BB"),
            ("Kecamatan Bekasi Timur", "76,55", "BB"),
        ), start=1)],
    ), peringkat, start="**DAFTAR PERANGKAT DAERAH DENGAN NILAI HASIL EVALUASI**", end="# 4"),
)


# --- where the engine deliberately differs from the print ----------------------------------------
# Keep samples/DIFFERENCES.md in step: test_differences_md_lists_exactly_the_known_differences.

KNOWN_DIFFERENCES: tuple[Known, ...] = (
    Known("Tabel 3.4", "Capaian", "2023", "100,4%", "100,41%",
          "capaian printed with one decimal (4,86 / 4,84 x 100 = 100,41%)"),
    Known("Tabel 3.5", "Indeks Kepuasan Masyarakat pada Pelayanan Pengaduan dan Informasi Publik",
          "capaian", "106,8%", "106,85%",
          "capaian printed with one decimal (4,68 / 4,38 x 100 = 106,85%)"),
    Known("3.2 text IKU1",
          "Indeks Kepuasan Masyarakat pada Pelayanan Pengaduan dan Informasi Publik Tahun 2024",
          "capaian", "106,8%", "106,85%", "same one-decimal capaian as Tabel 3.5"),
    Known("3.2 worked calculation",
          "Penyediaan Jaringan FO (Intranet) Kecamatan Kelurahan, SMPN dan Puskesmas se-Kota "
          "Bekasi", "langkah 2", "198/201", "195 : 201",
          "sum that does not add up: the six printed terms 12 + 56 + 60 + 47 + 12 + 8 make 195"),
    Known("3.2 worked calculation",
          "Penyediaan Jaringan FO (Intranet) Kecamatan Kelurahan, SMPN dan Puskesmas se-Kota "
          "Bekasi", "hasil", "0,98", "0,97", "follows the wrong 198 (195 / 201 = 0,97)"),
    Known("3.2 worked calculation", "Cakupan Unit Kerja Yang Terkoneksi Dengan Jaringan Primer",
          "jumlah rasio", "2,88", "2,87",
          "follows the wrong 0,98 (1 + 0,97 + 0,9 = 2,87); C1 is 0,96 either way"),
    Known("Tabel 3.7", "Program Penyelenggaraan Persandian untuk Pengamanan Informasi",
          "capaian kinerja", "100%", "96,67%",
          "follows the table's 100% for Penyediaan Layanan Keamanan Informasi; with the "
          "narrative's 90% the mean of its 3 sub kegiatan is (100 + 90 + 100) / 3"),
    Known("Tabel 3.7",
          "Penyelenggaraan Persandian untuk Pengamanan Informasi Pemerintah Daerah Kabupaten/Kota",
          "capaian kinerja", "100%", "95%",
          "follows the table's 100% for Penyediaan Layanan Keamanan Informasi; (100 + 90) / 2"),
    Known("Tabel 3.7", "Penyediaan Layanan Keamanan Informasi Pemerintah Daerah Kabupaten/Kota",
          "capaian kinerja", "100%", "90%",
          "table says 100% where its own text says 90% (16 PD use the service); input conflict, "
          "90% chosen"),
    Known("Tabel 3.11", "Capaian", "2023", "93,6%", "93,60%",
          "capaian printed with one decimal (79,04 / 84,44 x 100 = 93,60%)"),
    Known("Tabel 3.14", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
          "capaian kinerja", "100%", "93,62%",
          "program capaian printed as 100% though Fasilitasi Kunjungan Tamu is 33,33% (and "
          "Pemeliharaan Peralatan 58,21%, Diklat 90%, Gaji 97,18%): mean of its 19 sub kegiatan"),
    Known("Tabel 3.14", "Administrasi Kepegawaian Perangkat Daerah", "tingkat efisiensi",
          "18,58%", "19,67%",
          "efisiensi copied from the row above (100 - 80,33 = 19,67; the text says 19,67%)"),
    Known("Tabel 3.14", "Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi",
          "tingkat efisiensi", "18,58%", "19,67%",
          "efisiensi copied from the row above (100 - 80,33 = 19,67; the text says 19,67%)"),
    Known("Tabel 3.14", "Administrasi Umum Perangkat Daerah", "capaian kinerja", "100%",
          "90,48%",
          "kegiatan capaian printed as 100% though Fasilitasi Kunjungan Tamu is 33,33% "
          "(mean of its 7 sub kegiatan)"),
    Known("Tabel 3.14", "Penyediaan Jasa Pelayanan Umum Kantor", "pagu", "2.552.604.000",
          "2.552.604.400",
          "pagu mistyped (...000 for ...400): the kegiatan total 2.942.604.400 and the text need "
          "...400; input conflict, ...400 chosen"),
    Known("Tabel 3.14", "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
          "capaian kinerja", "100%", "86,07%",
          "kegiatan capaian printed as 100% though Pemeliharaan Peralatan dan Mesin Lainnya is "
          "58,21% (mean of its 3 sub kegiatan)"),
    Known("Tabel 3.15", "JUMLAH", "realisasi (%)", "96,81%", "96,82%",
          "rounded down instead of half up (23.065.269.726 / 23.823.909.650 = 96,8156%)"),
    Known("Tabel 3.16", "Penyediaan Jasa Pelayanan Umum Kantor", "pagu sebelum perubahan",
          "2.552.604.000", "2.552.604.400",
          "same mistyped pagu as Tabel 3.14; the kegiatan total 2.942.604.400 needs ...400"),
    Known("Tabel 3.16", "Penyediaan Jasa Pelayanan Umum Kantor", "pagu setelah perubahan",
          "2.552.604.000", "2.552.604.400",
          "same mistyped pagu as Tabel 3.14; the kegiatan total 2.942.604.400 needs ...400"),
    Known("3.2 text IKU2", "Penyediaan Gaji dan Tunjangan ASN", "pagu", "Rp.11.651.038.-",
          "Rp.11.651.038.000.-",
          "narrative amount missing three zeros (Tabel 3.14 and 3.16: 11.651.038.000); input "
          "conflict, ...000 chosen"),
    Known("3.2 text IKU2", "Penyediaan Gaji dan Tunjangan ASN", "output",
          "1170 (seribu seratus tujuh puluh)", "1.170 (seribu seratus tujuh puluh)",
          "formatting only: printed without the thousands separator"),
    Known("3.2 text IKU2", "Penyediaan Gaji dan Tunjangan ASN", "target output",
          "1204 (seribu dua ratus empat)", "1.204 (seribu dua ratus empat)",
          "formatting only: printed without the thousands separator"),
)

KNOWN: dict[Key, Known] = {k.key: k for k in KNOWN_DIFFERENCES}


# --- comparing -----------------------------------------------------------------------------------

def printed_figures() -> dict[Key, str]:
    out: dict[Key, str] = {}
    for section in SECTIONS:
        for row in section.rows:
            for column, value in row.values.items():
                key = (section.name, row.label, column)
                assert key not in out, f"duplicate figure {key}"
                out[key] = value
    return out


PRINTED = printed_figures()


@lru_cache(maxsize=None)
def computed():
    return compute_workbook(SAMPLE)


def results() -> Results:
    return computed().results


@pytest.fixture(scope="module")
def res() -> Results:
    return results()


def same_printed_form(column: str, printed: str, computed: str) -> bool:
    if column.startswith("langkah"):
        def canon(s: str) -> str:
            return re.sub(r"\s+", "", s).replace("/", ":")
        return canon(printed) == canon(computed)
    return printed == computed


def test_the_sample_computes_without_any_problem(res):
    # Also means the Perjanjian Kinerja amounts equal the sums of the budget tree.
    assert [(p.code, str(p.location)) for p in res.problems] == []
    # ... and reading and validating found nothing either (what `lkip check` reports).
    assert [(p.code, str(p.location)) for p in computed().problems] == []


def test_every_known_difference_is_a_compared_figure():
    missing = [k.key for k in KNOWN_DIFFERENCES if k.key not in PRINTED]
    assert missing == []
    assert len(KNOWN) == len(KNOWN_DIFFERENCES), "a figure is listed twice"


def test_figure_count():
    # Guards against a section silently losing its rows (samples/DIFFERENCES.md quotes 941).
    assert len(PRINTED) == 941
    assert len(SECTIONS) == 23


@pytest.mark.parametrize("section", SECTIONS, ids=[s.name for s in SECTIONS])
def test_printed_figures(section: Section, res):
    """Every figure of the section equals the printed one, or is a recorded known difference
    whose printed and computed values are both still what the record says."""
    failures = []
    for row in section.rows:
        computed = section.compute(res, row.ref)
        for column, printed in row.values.items():
            key = (section.name, row.label, column)
            if column not in computed:
                failures.append(f"{key}: the engine has no figure for this column")
                continue
            got = computed[column]
            known = KNOWN.get(key)
            if known is None:
                if not same_printed_form(column, printed, got):
                    failures.append(f"{key}: printed {printed!r}, computed {got!r}")
            else:
                if printed != known.printed:
                    failures.append(f"{key}: transcription says {printed!r} but the known "
                                    f"difference records {known.printed!r} as printed")
                if got != known.computed:
                    failures.append(f"{key}: known difference records computed "
                                    f"{known.computed!r}, the engine now gives {got!r}")
    assert failures == [], "\n".join(failures)


# --- layout: the rows the engine puts in each table ----------------------------------------------

def section(name: str) -> Section:
    return next(s for s in SECTIONS if s.name == name)


def refs(name: str) -> list[str]:
    return [row.ref for row in section(name).rows]


def test_per_iku_budget_tables_have_the_printed_rows_in_the_printed_order(res):
    assert [line.kode for line in flatten(list(iku(res, "IKU1").programs))] == refs("Tabel 3.7")
    assert [line.kode for line in flatten(list(iku(res, "IKU2").programs))] == refs("Tabel 3.14")


def test_blu_and_blpu_tables_have_the_printed_rows(res):
    blu, blpu = (next(k for k in res.kelompok if k.kode == kode) for kode in ("BLU", "BLPU"))
    assert [line.kode for line in flatten(list(blpu.programs))] + ["JUMLAH"] == refs("Tabel 3.16")
    # Tabel 3.15 prints Program Pengelolaan Aplikasi Informatika first; the workbook has one
    # program order (P1..P5 as in Tabel 2.3), so only the set of rows is the same.
    assert refs("Tabel 3.15")[-1] == "JUMLAH"
    assert sorted(line.kode for line in flatten(list(blu.programs))) == \
        sorted(refs("Tabel 3.15")[:-1])


def test_sub_kegiatan_paragraphs_follow_their_indikator_program_in_the_printed_order(res):
    for name in ("3.2 text IKU1", "3.2 text IKU2"):
        printed: dict[str, list[str]] = {}
        current = None
        for row in section(name).rows:
            if row.ref.startswith("IP"):
                current = printed.setdefault(row.ref, [])
            elif current is not None and "." in row.ref:
                current.append(row.ref)
        for kode, subs in printed.items():
            assert [line.kode for line in ip_result(res, kode).subs] == subs, kode


def test_akip_rank_is_ten_of_the_listed_perangkat_daerah(res):
    own = own_rank(res)
    assert own.rank == 10
    assert len(res.peringkat) == len(section("Lampiran peringkat AKIP").rows) == 26
    assert fmt.number(own.row.nilai, 2) == "80,67" and own.predikat == "A"
    assert [r.rank for r in res.peringkat] == list(range(1, 27))
    nilai = [r.row.nilai for r in res.peringkat]
    assert nilai == sorted(nilai, reverse=True)


def test_counts_in_words_read_as_printed(res):
    r1, r2 = iku(res, "IKU1"), iku(res, "IKU2")
    assert (f"{fmt.count(r1.n_program)} Program, {fmt.count(r1.n_kegiatan)} Kegiatan dan "
            f"{fmt.count(r1.n_sub)} Sub Kegiatan") == \
        "4 (empat) Program, 5 (lima) Kegiatan dan 17 (tujuh belas) Sub Kegiatan"
    assert (f"{fmt.count(r2.n_program)} Program, {fmt.count(r2.n_kegiatan)} Kegiatan dan "
            f"{fmt.count(r2.n_sub)} Sub Kegiatan") == \
        "1 (satu) Program, 7 (tujuh) Kegiatan dan 19 (sembilan belas) Sub Kegiatan"


# --- samples/DIFFERENCES.md ----------------------------------------------------------------------

def differences_md_rows() -> list[list[str]]:
    """The rows of the first Markdown table of samples/DIFFERENCES.md (header and rule excluded)."""
    lines = DIFFERENCES_MD.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("|"))
    table = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        table.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    header, rule, *body = table
    assert [h.lower() for h in header[:5]] == ["table", "row", "column", "printed value",
                                               "computed value"]
    assert set("".join(rule)) <= set("-: ")
    return body


def test_differences_md_lists_exactly_the_known_differences():
    listed = [tuple(row[:5]) for row in differences_md_rows()]
    expected = [(k.table, k.row, k.column, k.printed, k.computed) for k in KNOWN_DIFFERENCES]
    assert len(listed) == len(set(listed)), "a row is listed twice in DIFFERENCES.md"
    assert sorted(set(listed) - set(expected)) == [], "in DIFFERENCES.md but not KNOWN_DIFFERENCES"
    assert sorted(set(expected) - set(listed)) == [], "in KNOWN_DIFFERENCES but not DIFFERENCES.md"
    assert all(len(row) >= 6 and row[5] for row in differences_md_rows()), \
        "a likely cause is missing"


# --- the transcription against the reference document -------------------------------------------

def under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def require_reference() -> None:
    """Skip a test that reads the reference document where it is absent; under CI fail instead,
    so that a CI run without ../shared cannot pass with the transcription unchecked."""
    if REFERENCE_MD.is_file():
        return
    reason = (f"reference document not found at {REFERENCE_MD} (the transcription check needs "
              "../shared/reference next to the repository)")
    if under_ci():
        pytest.fail(f"{reason}; CI={os.environ['CI']!r}: under CI this is a failure, not a skip. "
                    "Provide ../shared/reference in the CI checkout.", pytrace=False)
    pytest.skip(reason)


@lru_cache(maxsize=None)
def reference_md() -> str:
    return REFERENCE_MD.read_text(encoding="utf-8")


def table_rows(sec: Section) -> list[list[str]]:
    md = reference_md()
    start = md.index(sec.start or f"**{sec.name}**")
    if sec.end:
        end = md.index(sec.end, start)
    else:
        end = start + re.search(r"^Sumber", md[start:], re.M).start()
    out = []
    for line in md[start:end].splitlines():
        if "\t" in line:
            cells = [re.sub(r"<[^>]+>", "", cell).strip() for cell in line.split("\t")]
            out.append([cell for cell in cells if cell])
    return out


def flat_text(md: str) -> str:
    """The .md as running text: no emphasis marks, no LaTeX brace escapes, single spaces."""
    text = md.replace("*", "").replace("\\{", "{").replace("\\}", "}")
    return re.sub(r"\s+", " ", text)


def contains_run(cells: list[str], values: list[str]) -> bool:
    n = len(values)
    return any(cells[i:i + n] == values for i in range(len(cells) - n + 1))


@pytest.mark.parametrize("sec", SECTIONS, ids=[s.name for s in SECTIONS])
def test_transcription_matches_the_reference_document(sec: Section):
    require_reference()
    failures = []
    if not sec.text:
        printed_rows = table_rows(sec)
        for row in sec.rows:
            wanted = list(row.values.values())
            if not any(row.label in cells and
                       contains_run([c for c in cells if c != row.label], wanted)
                       for cells in printed_rows):
                failures.append(f"{row.label!r}: no row of {sec.name} with {wanted}")
    else:
        text = flat_text(reference_md())
        start = text.index(flat_text(sec.start))
        end = text.index(flat_text(sec.end), start)
        body = text[start:end]
        if sec.whole:
            blocks = [body] * len(sec.rows)
        else:
            positions, cursor = [], 0
            for row in sec.rows:
                at = body.find(row.find or row.label, cursor)
                if at < 0:
                    failures.append(f"{(row.find or row.label)!r} not found in order")
                    break
                positions.append(at)
                cursor = at + len(row.find or row.label)
            blocks = [body[a:b] for a, b in zip(positions, positions[1:] + [len(body)])]
        for row, block in zip(sec.rows, blocks):
            for column, value in row.values.items():
                if value not in block:
                    failures.append(f"{row.label!r} {column}: {value!r} not in its paragraph")
    assert failures == [], "\n".join(failures)


def test_known_differences_are_printed_where_recorded():
    """Each recorded printed value appears in the reference document (and the transcription of its
    row is checked in place by test_transcription_matches_the_reference_document)."""
    require_reference()
    text = flat_text(reference_md())
    assert [k.key for k in KNOWN_DIFFERENCES if k.printed not in text] == []


@pytest.mark.parametrize("ci, outcome", [
    (None, "skip"), ("", "skip"), ("false", "skip"), ("0", "skip"), ("no", "skip"),
    ("true", "fail"), ("True", "fail"), ("1", "fail"), ("yes", "fail"),
])
def test_a_missing_reference_fails_under_ci_and_is_skipped_elsewhere(monkeypatch, tmp_path, ci,
                                                                     outcome):
    monkeypatch.setattr(sys.modules[__name__], "REFERENCE_MD", tmp_path / "absent.md")
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    expected = pytest.fail.Exception if outcome == "fail" else pytest.skip.Exception
    with pytest.raises(expected, match="reference document not found"):
        require_reference()
