"""Every validation rule and every problem code that workbook data can cause, on real workbooks.

Each case writes the minimal valid workbook with one thing broken and compares the complete set
of (code, location) pairs ``check_workbook`` reports: the rule must fire at the right cell, and
nothing else may fire. Wording is never compared.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal as D
from pathlib import Path

import pytest
from conftest import (
    KODE_PROGRAM,
    TAHUN,
    changed,
    default_rows,
    keys,
    loc,
    minimal_rows,
    profil_loc,
    profil_row,
    set_cell,
    write_minimal_workbook,
)
from openpyxl import load_workbook

from lkip_docx.api import check_workbook
from lkip_docx.workbook import contract as c

# --- the minimal workbook ------------------------------------------------------------------------


def test_minimal_workbook_is_valid(valid_workbook):
    result = check_workbook(valid_workbook)
    assert result.errors == []
    assert result.problems == []  # not even a warning: every case below starts from silence
    assert result.ok
    assert result.results is not None
    wb = result.workbook
    assert wb.profil.tahun == TAHUN and wb.profil.periode_renstra == (2024, 2026)
    assert wb.profil.tanggal == dt.date(2025, 1, 16)
    assert wb.profil.kepala_nip == "19770126 199703 1 003"
    assert [t.tahun for t in wb.target_iku] == [2024, 2025, 2026]
    assert wb.target_iku[0].realisasi == D("4.41")
    assert [s.kode for s in wb.sub_kegiatan] == ["2.16.02.1.01.0001", "2.16.02.1.01.0002"]
    assert wb.sub_kegiatan[1].pagu_murni is None and wb.sub_kegiatan[1].ditambah_pada_perubahan
    assert len(wb.komponen_indeks) == 3 and wb.komponen_indeks[2].rumus
    assert {s.kode for s in wb.skala} == {"AKIP", "SPBE"}
    iku = result.results.ikus[0]
    assert iku.capaian.value == D("107.82")  # 4,41 / 4,09 as the reference computes it
    assert iku.predikat.predikat == "Memuaskan"
    ip = iku.indikator_program[0]
    assert ip.realisasi == D("4.45")  # (4,21 + 4,68) / 2 from Komponen Indeks


def test_minimal_workbook_helpers_give_fresh_copies():
    rows = minimal_rows()
    rows["tujuan"][0]["kode"] = "X"
    assert minimal_rows()["tujuan"][0]["kode"] == "T1"
    assert changed("tujuan", 0, kode="Y")[0]["kode"] == "Y"
    assert minimal_rows()["tujuan"][0]["kode"] == "T1"


# --- the case table ------------------------------------------------------------------------------

IKU2 = {"kode": "IKU2", "kode_sasaran": "SS1", "nama": "Indeks Kepuasan", "satuan": "Indeks",
        "metode": c.METODE_NAIK}
IKU2_TARGETS = [{"kode_iku": "IKU2", "tahun": y, "target": D(80), "realisasi": D(82) if y == 2024
                 else None} for y in (2024, 2025, 2026)]
NARASI_PER_IKU = "Penyebab Keberhasilan/Kegagalan"
AKIP_ROWS = [
    {"komponen": "Perencanaan Kinerja", "bobot": D(30), "nilai": D("24.5")},
    {"komponen": "Pengukuran Kinerja", "bobot": D(30), "nilai": D(20)},
    {"komponen": "Pelaporan Kinerja", "bobot": D(15), "nilai": D(10)},
    {"komponen": "Evaluasi Akuntabilitas Kinerja Internal", "bobot": D(25), "nilai": D(15)},
]


def skala_with(*extra: dict) -> list[dict]:
    """The default scales plus extra rows (which start at row 14)."""
    return default_rows("skala") + list(extra)


def band(kode, bawah, bawah_inklusif, atas, atas_inklusif, predikat):
    return {"kode": kode, "nama": "Skala Uji", "bawah": bawah, "bawah_inklusif": bawah_inklusif,
            "atas": atas, "atas_inklusif": atas_inklusif, "predikat": predikat}


def komponen(*rows: tuple) -> list[dict]:
    return [{"kode": k, "uraian": f"Uraian {k}", "nilai": n, "rumus": r} for k, n, r in rows]


@dataclass
class Case:
    """One broken workbook and everything check_workbook must say about it."""

    expected: set[tuple[str, str]]
    sheets: dict = field(default_factory=dict)
    profil: dict = field(default_factory=dict)
    #: raw cells set afterwards: (sheet name, coordinate, value[, number format])
    cells: list[tuple] = field(default_factory=list)


#: The sheets of a workbook without a budget (its indikator program names no program).
NO_BUDGET = {"program": [], "kegiatan": [], "sub_kegiatan": [], "kelompok_anggaran": [],
             "indikator_program": changed("indikator_program", 0, kode_program=None)}
VERTIKAL = {"jenis_unit": c.UNIT_VERTIKAL, "jenis_pemda": None, "nama_pemda": None,
            "bentuk_anggaran": c.ANGGARAN_TIDAK_ADA, "instansi_induk": "Kantor Wilayah Contoh",
            "pk_pihak_kedua_jabatan": "Kepala Kantor Wilayah Contoh"}
VERTIKAL_DIPA = {**VERTIKAL, "bentuk_anggaran": c.ANGGARAN_DIPA}

E = "error"
CASES: dict[str, Case] = {
    # --- tables.py: required cells and sheets ---
    "required-empty table cell": Case(
        {("required-empty", loc("sub_kegiatan", "nama", 2))},
        {"sub_kegiatan": changed("sub_kegiatan", 0, nama=None)}),
    "required-empty whitespace only": Case(
        {("required-empty", loc("tujuan", "uraian", 2))},
        {"tujuan": changed("tujuan", 0, uraian="   \n ")}),
    "required-empty profil field": Case(
        {("required-empty", profil_loc("kepala_nama"))}, profil={"kepala_nama": None}),
    "required-empty indikator program target (once, not again as target-empty)": Case(
        {("required-empty", loc("indikator_program", "target", 2))},
        {"indikator_program": changed("indikator_program", 0, target=None)}),
    "empty-sheet": Case(
        {("empty-sheet", "'Kegiatan'!A2"),
         ("unknown-reference", loc("sub_kegiatan", "kode_kegiatan", 2)),
         ("unknown-reference", loc("sub_kegiatan", "kode_kegiatan", 3)),
         ("empty-program", loc("program", "kode", 2))},
        {"kegiatan": []}),
    "duplicate-code": Case(
        {("duplicate-code", loc("tujuan", "kode", 3))},
        {"tujuan": changed("tujuan") + [{"kode": "t1", "uraian": "Tujuan kedua"}]}),
    "duplicate-code over two columns": Case(
        {("duplicate-code", loc("target_iku", "kode_iku", 5))},
        {"target_iku": changed("target_iku") + [{"kode_iku": "IKU1", "tahun": 2024,
                                                 "target": D(5)}]}),
    "duplicate-code instansi ini": Case(
        {("duplicate-code", loc("peringkat_akip", "instansi_ini", 3))},
        {"peringkat_akip": [
            {"perangkat_daerah": "Diskominfostandi", "nilai": D("70.1"), "instansi_ini": True},
            {"perangkat_daerah": "Bappelitbangda", "nilai": D("75.2"), "instansi_ini": True}]}),
    # --- cells.py codes, each at its cell ---
    "not-a-number": Case(
        {("not-a-number", loc("target_iku", "target", 2)),
         ("renstra-target-missing", loc("iku", "kode", 2))},
        {"target_iku": changed("target_iku", 0, target="empat koma nol sembilan")}),
    "not-a-number ambiguous": Case(
        {("not-a-number", loc("target_iku", "realisasi", 2))},
        {"target_iku": changed("target_iku", 0, realisasi="4.41")}),
    "negative-money": Case(
        {("negative-money", loc("sub_kegiatan", "realisasi", 2))},
        {"sub_kegiatan": changed("sub_kegiatan", 0, realisasi=D(-5))}),
    "not-money": Case(
        {("not-money", loc("program", "anggaran_pk", 2))},
        {"program": changed("program", 0, anggaran_pk="15%")}),
    "code-not-text": Case(
        {("code-not-text", loc("kegiatan", "kode", 2)),
         ("unknown-reference", loc("sub_kegiatan", "kode_kegiatan", 2)),
         ("unknown-reference", loc("sub_kegiatan", "kode_kegiatan", 3)),
         ("empty-program", loc("program", "kode", 2))},
        cells=[("Kegiatan", "A2", 2.16, "General")]),
    "code-not-text date": Case(
        {("code-not-text", loc("tujuan", "kode", 2)),
         ("unknown-reference", loc("sasaran", "kode_tujuan", 2))},
        cells=[("Tujuan", "A2", dt.datetime(2024, 1, 1), "d-mmm")]),
    "date-not-number": Case(
        {("date-not-number", loc("sub_kegiatan", "realisasi_output", 2))},
        cells=[("Sub Kegiatan", "H2", dt.datetime(2024, 12, 1), "dd/mm/yyyy")]),
    "not-a-date": Case(
        {("not-a-date", profil_loc("tanggal"))},
        cells=[("Profil", f"B{profil_row('tanggal')}", 45673, "General")]),
    "not-a-year": Case(
        {("not-a-year", loc("target_iku", "tahun", 3)),
         ("renstra-target-missing", loc("iku", "kode", 2))},  # 2025 is unreadable
        {"target_iku": changed("target_iku", 1, tahun="tahun depan")}),
    "not-an-integer": Case(
        {("not-an-integer", loc("iku", "desimal", 2))},
        {"iku": changed("iku", 0, desimal=D("1.5"))}),
    "negative-number desimal": Case(
        {("negative-number", loc("iku", "desimal", 2))},
        {"iku": changed("iku", 0, desimal=D(-1))}),
    "invalid-choice": Case(
        {("invalid-choice", loc("iku", "metode", 2))},
        {"iku": changed("iku", 0, metode="Naik sedikit")}),
    "invalid-choice bool": Case(
        {("invalid-choice", loc("peringkat_akip", "instansi_ini", 2))},
        {"peringkat_akip": [{"perangkat_daerah": "Dinas", "nilai": D(70),
                             "instansi_ini": "mungkin"}]}),
    "invalid-period": Case(
        {("invalid-period", profil_loc("periode_renstra"))},
        profil={"periode_renstra": "2026-2024"}),
    "excel-error": Case(
        {("excel-error", loc("sub_kegiatan", "pagu_murni", 2))},
        cells=[("Sub Kegiatan", "D2", "#DIV/0!")]),
    "uncalculated-formula": Case(
        {("uncalculated-formula", loc("sub_kegiatan", "realisasi", 3))},
        cells=[("Sub Kegiatan", "F3", "=F2-36000000")]),
    # --- validate.py: references ---
    "unknown-reference sub kegiatan -> indikator program": Case(
        {("unknown-reference", loc("sub_kegiatan", "kode_indikator_program", 2))},
        {"sub_kegiatan": changed("sub_kegiatan", 0, kode_indikator_program="IP9")}),
    "unknown-reference sub kegiatan -> iku": Case(
        {("unknown-reference", loc("sub_kegiatan", "kode_iku", 3))},
        {"sub_kegiatan": changed("sub_kegiatan", 1, kode_iku="IKU9")}),
    "unknown-reference sub kegiatan -> kegiatan": Case(
        {("unknown-reference", loc("sub_kegiatan", "kode_kegiatan", 3))},
        {"sub_kegiatan": changed("sub_kegiatan", 1, kode_kegiatan="2.16.02.1.09")}),
    "unknown-reference sasaran -> tujuan": Case(
        {("unknown-reference", loc("sasaran", "kode_tujuan", 2))},
        {"sasaran": changed("sasaran", 0, kode_tujuan="T9")}),
    "unknown-reference iku -> sasaran": Case(
        {("unknown-reference", loc("iku", "kode_sasaran", 2))},
        {"iku": changed("iku", 0, kode_sasaran="SS9")}),
    "unknown-reference iku -> skala": Case(
        {("unknown-reference", loc("iku", "kode_skala", 2))},
        {"iku": changed("iku", 0, kode_skala="SAKIP-2030")}),
    "unknown-reference iku -> komponen indeks": Case(
        {("unknown-reference", loc("iku", "kode_indeks", 2))},
        {"iku": changed("iku", 0, kode_indeks="IP1.TIDAK.ADA")}),
    "unknown-reference target iku -> iku": Case(
        {("unknown-reference", loc("target_iku", "kode_iku", 2)),
         ("target-empty", loc("iku", "kode", 2)),
         ("renstra-target-missing", loc("iku", "kode", 2))},
        {"target_iku": changed("target_iku", 0, kode_iku="IKU9")}),
    "unknown-reference indikator program -> iku": Case(
        {("unknown-reference", loc("indikator_program", "kode_iku", 2))},
        {"indikator_program": changed("indikator_program", 0, kode_iku="IKU9")}),
    "unknown-reference indikator program -> program": Case(
        {("unknown-reference", loc("indikator_program", "kode_program", 2))},
        {"indikator_program": changed("indikator_program", 0, kode_program="9.99.99")}),
    "unknown-reference indikator program -> komponen indeks": Case(
        {("unknown-reference", loc("indikator_program", "kode_indeks", 2))},
        {"indikator_program": changed("indikator_program", 0, kode_indeks="IP9")}),
    "unknown-reference kegiatan -> program": Case(
        {("unknown-reference", loc("kegiatan", "kode_program", 2)),
         ("empty-program", loc("program", "kode", 2))},
        {"kegiatan": changed("kegiatan", 0, kode_program="9.99.99")}),
    "unknown-reference narasi -> iku": Case(
        {("unknown-reference", loc("narasi", "kode_iku", 2))},
        {"narasi": [{"bagian": NARASI_PER_IKU, "kode_iku": "IKU9", "teks": "Faktor pendukung."}]}),
    "references ignore case": Case(
        set(), {"sasaran": changed("sasaran", 0, kode_tujuan="t1")}),
    "NILAI_AKIP is a known index": Case(
        set(), {"iku": changed("iku", 0, kode_indeks=c.NILAI_AKIP, kode_skala="AKIP"),
                "target_iku": [dict(r, target=D(70), realisasi=D("69.5") if r["tahun"] == 2024
                                    else None) for r in changed("target_iku")],
                "evaluasi_akip": AKIP_ROWS}),
    "inconsistent-reference": Case(
        {("inconsistent-reference", loc("sub_kegiatan", "kode_iku", 2))},
        {"iku": changed("iku") + [IKU2], "target_iku": changed("target_iku") + IKU2_TARGETS,
         "sub_kegiatan": changed("sub_kegiatan", 0, kode_iku="IKU2")}),
    "consistent double reference": Case(
        set(), {"sub_kegiatan": changed("sub_kegiatan", 0, kode_iku="iku1")}),
    # --- validate.py: sub kegiatan ---
    "required-empty no pagu at all": Case(
        {("required-empty", loc("sub_kegiatan", "pagu_perubahan", 3))},
        {"sub_kegiatan": changed("sub_kegiatan", 1, pagu_perubahan=None)}),
    "required-empty no target output and no capaian output": Case(
        {("required-empty", loc("sub_kegiatan", "capaian_output", 3))},
        {"sub_kegiatan": changed("sub_kegiatan", 1, capaian_output=None)}),
    "required-empty neither indikator program nor iku": Case(
        {("required-empty", loc("sub_kegiatan", "kode_iku", 3))},
        {"sub_kegiatan": changed("sub_kegiatan", 1, kode_iku=None)}),
    "target-zero sub kegiatan target output": Case(
        {("target-zero", loc("sub_kegiatan", "target_output", 2))},
        {"sub_kegiatan": changed("sub_kegiatan", 0, target_output=D(0))}),
    "realisasi-above-pagu": Case(
        {("realisasi-above-pagu", loc("sub_kegiatan", "realisasi", 2))},
        {"sub_kegiatan": changed("sub_kegiatan", 0, realisasi=D(95_000_000))}),
    "realisasi-above-pagu measured against pagu perubahan": Case(
        set(), {"sub_kegiatan": changed("sub_kegiatan", 0, pagu_murni=D(80_000_000))}),
    "pagu-zero": Case(
        {("pagu-zero", loc("sub_kegiatan", "pagu_perubahan", 2)),
         ("realisasi-above-pagu", loc("sub_kegiatan", "realisasi", 2))},
        {"sub_kegiatan": changed("sub_kegiatan", 0, pagu_perubahan=D(0))}),
    "capaian-mismatch": Case(
        {("capaian-mismatch", loc("sub_kegiatan", "capaian_output", 2))},
        {"sub_kegiatan": changed("sub_kegiatan", 0, capaian_output=D(90))}),
    "percent-suspicious: 1 typed for 100% in a General cell": Case(
        {("percent-suspicious", loc("sub_kegiatan", "capaian_output", 3))},
        {"sub_kegiatan": changed("sub_kegiatan", 1, capaian_output=D(1))}),
    "percent-suspicious not for a real small figure from the volumes": Case(
        set(), {"sub_kegiatan": changed("sub_kegiatan", 0, realisasi_output=D("0.12"))}),
    "capaian-mismatch tolerates rounding": Case(
        set(), {"sub_kegiatan": changed("sub_kegiatan", 0, realisasi_output=D(11),
                                        capaian_output=D("91.67"))}),
    "negative-number capaian output": Case(
        {("negative-number", loc("sub_kegiatan", "capaian_output", 3))},
        {"sub_kegiatan": changed("sub_kegiatan", 1, capaian_output=D(-5))}),
    # --- validate.py: tree, indicators ---
    "empty-kegiatan": Case(
        {("empty-kegiatan", loc("kegiatan", "kode", 3))},
        {"kegiatan": changed("kegiatan") + [{"kode": "2.16.02.1.02", "kode_program": KODE_PROGRAM,
                                             "nama": "Kegiatan tanpa sub kegiatan"}]}),
    "empty-program": Case(
        {("empty-program", loc("program", "kode", 3))},
        {"program": changed("program") + [{"kode": "2.16.03", "nama": "Program kosong",
                                           "kelompok": "BLU"}]}),
    "year-outside-renstra": Case(
        {("year-outside-renstra", profil_loc("tahun")),
         ("target-empty", loc("iku", "kode", 2))},  # no Target IKU row for 2023
        profil={"tahun": 2023}),
    "cap-below-100": Case(
        {("cap-below-100", loc("iku", "batas_capaian", 2))},
        {"iku": changed("iku", 0, batas_capaian=D(90))}),
    "required-empty narasi per iku without kode iku": Case(
        {("required-empty", loc("narasi", "kode_iku", 2))},
        {"narasi": [{"bagian": NARASI_PER_IKU, "teks": "Faktor pendukung."},
                    {"bagian": "Latar Belakang", "teks": "Tanpa kode IKU: boleh."}]}),
    # --- predikat.py: scales ---
    "scale-gap": Case(
        {("scale-gap", loc("skala", "bawah", 15))},
        {"skala": skala_with(band("UJI", D(0), True, D(50), False, "Kurang"),
                             band("UJI", D(50), False, D(100), True, "Baik"))}),
    "scale-overlap": Case(
        {("scale-overlap", loc("skala", "bawah", 15))},
        {"skala": skala_with(band("UJI", D(0), True, D(60), True, "Kurang"),
                             band("UJI", D(50), True, D(100), True, "Baik"))}),
    "scale-overlap at a shared inclusive bound": Case(
        {("scale-overlap", loc("skala", "bawah", 14))},
        {"skala": skala_with(band("UJI", D(50), True, D(100), True, "Baik"),
                             band("UJI", D(0), True, D(50), True, "Kurang"))}),
    "scale-overlap two open-ended bands": Case(
        {("scale-overlap", loc("skala", "bawah", 15))},
        {"skala": skala_with(band("UJI", None, None, D(50), False, "Kurang"),
                             band("UJI", None, None, D(100), True, "Baik"))}),
    "scale-empty-band": Case(
        {("scale-empty-band", loc("skala", "bawah", 14))},
        {"skala": skala_with(band("UJI", D(80), True, D(70), True, "Aneh"),
                             band("UJI", D(0), True, D(100), True, "Semua"))}),
    "scale-empty-band single excluded point": Case(
        {("scale-empty-band", loc("skala", "bawah", 14))},
        {"skala": skala_with(band("UJI", D(70), True, D(70), False, "Titik"))}),
    "scale with a single included point is fine": Case(
        set(), {"skala": skala_with(band("UJI", D(70), True, D(70), True, "Titik"))}),
    "an unreadable bound is reported once, not as gaps and overlaps too": Case(
        {("not-a-number", loc("skala", "bawah", 3))},
        {"skala": [dict(r, bawah="80,x") if i == 1 else r
                   for i, r in enumerate(default_rows("skala"))]}),
    # --- validate.py: AKIP evaluation ---
    "akip-weight-sum": Case(
        {("akip-weight-sum", loc("evaluasi_akip", "bobot", 2))},
        {"evaluasi_akip": AKIP_ROWS[:2]}),
    "akip-nilai-above-bobot": Case(
        {("akip-nilai-above-bobot", loc("evaluasi_akip", "nilai", 3))},
        {"evaluasi_akip": [AKIP_ROWS[0], dict(AKIP_ROWS[1], nilai=D("30.5"))] + AKIP_ROWS[2:]}),
    "an unreadable bobot is reported once": Case(
        {("not-a-number", loc("evaluasi_akip", "bobot", 2))},
        {"evaluasi_akip": [dict(AKIP_ROWS[0], bobot="tiga puluh")] + AKIP_ROWS[1:]}),
    "a blank nilai is reported once": Case(
        {("required-empty", loc("evaluasi_akip", "nilai", 3))},
        {"evaluasi_akip": [AKIP_ROWS[0], dict(AKIP_ROWS[1], nilai=None)] + AKIP_ROWS[2:]}),
    # --- compute.py: capaian that cannot be computed ---
    "target-zero iku": Case(
        {("target-zero", loc("target_iku", "target", 2))},
        {"target_iku": changed("target_iku", 0, target=D(0))}),
    "target-empty iku": Case(
        {("target-empty", loc("target_iku", "target", 2)),
         ("renstra-target-missing", loc("iku", "kode", 2))},
        {"target_iku": changed("target_iku", 0, target=None)}),
    "target-empty iku without a row for the report year": Case(
        {("target-empty", loc("iku", "kode", 2)),
         ("renstra-target-missing", loc("iku", "kode", 2))},
        {"target_iku": changed("target_iku")[1:]}),
    "target pk replaces a blank renstra target": Case(
        {("renstra-target-missing", loc("iku", "kode", 2))},
        {"target_iku": changed("target_iku", 0, target=None),
         "iku": changed("iku", 0, target_pk=D("4.09"))}),
    "target-zero indikator program": Case(
        {("target-zero", loc("indikator_program", "target", 2))},
        {"indikator_program": changed("indikator_program", 0, target=D(0))}),
    "realisasi-empty iku": Case(
        {("realisasi-empty", loc("target_iku", "realisasi", 2))},
        {"target_iku": changed("target_iku", 0, realisasi=None)}),
    "realisasi-empty indikator program": Case(
        {("realisasi-empty", loc("indikator_program", "realisasi", 2))},
        {"indikator_program": changed("indikator_program", 0, kode_indeks=None)}),
    "realisasi-zero": Case(
        {("realisasi-zero", loc("target_iku", "realisasi", 2))},
        {"iku": changed("iku", 0, metode=c.METODE_TURUN_RASIO),
         "target_iku": changed("target_iku", 0, realisasi=D(0))}),
    "zero realisasi is fine for R/T": Case(
        set(), {"target_iku": changed("target_iku", 0, realisasi=D(0))}),
    "realisasi-overridden indikator program": Case(
        {("realisasi-overridden", loc("indikator_program", "realisasi", 2))},
        {"indikator_program": changed("indikator_program", 0, realisasi=D(3))}),
    "realisasi typed equal to the index is not overridden": Case(
        set(), {"indikator_program": changed("indikator_program", 0, realisasi=D("4.45"))}),
    "realisasi-overridden iku": Case(
        {("realisasi-overridden", loc("target_iku", "realisasi", 2))},
        {"iku": changed("iku", 0, kode_indeks="IP1.NILAI")}),
    "renstra-target-missing": Case(
        {("renstra-target-missing", loc("iku", "kode", 2))},
        {"target_iku": changed("target_iku")[:2]}),
    "renstra-target-missing blank target": Case(
        {("renstra-target-missing", loc("iku", "kode", 2))},
        {"target_iku": changed("target_iku", 1, target=None)}),
    "value-outside-scale": Case(
        # 4,41 lies in the gap between "0 - 4" and "5 - 10": no predikat, and the gap is named
        {("value-outside-scale", loc("iku", "kode_skala", 2)),
         ("scale-gap", loc("skala", "bawah", 15))},
        {"iku": changed("iku", 0, kode_skala="UJI"),
         "skala": skala_with(band("UJI", D(0), True, D(4), True, "Kurang"),
                             band("UJI", D(5), True, D(10), True, "Baik"))}),
    "value-outside-scale by capaian": Case(
        # 107,82 below the lowest band of a scale that starts at 110
        {("value-outside-scale", loc("iku", "kode_skala", 2))},
        {"iku": changed("iku", 0, dasar_predikat=c.DASAR_CAPAIAN, kode_skala="UJI"),
         "skala": skala_with(band("UJI", D(110), True, D(150), True, "Baik"))}),
    # --- values marked not available: a warning at each cell, and the report is a draft ---
    "value-not-available in a draft": Case(
        {("value-not-available", loc("target_iku", "realisasi", 2)),
         ("draft-report", profil_loc("status_dokumen"))},
        {"target_iku": changed("target_iku", 0, realisasi="belum tersedia")}),
    "final-with-missing-values": Case(
        {("value-not-available", loc("target_iku", "realisasi", 2)),
         ("final-with-missing-values", profil_loc("status_dokumen"))},
        {"target_iku": changed("target_iku", 0, realisasi="N/A")},
        profil={"status_dokumen": c.STATUS_FINAL}),
    "not available asked for as a draft": Case(
        {("value-not-available", loc("target_iku", "target", 3))},
        {"target_iku": changed("target_iku", 1, target="-")},
        profil={"status_dokumen": c.STATUS_DRAF}),
    "value-not-available in every column that takes it": Case(
        {("value-not-available", loc("sub_kegiatan", "realisasi", 2)),
         ("value-not-available", loc("sub_kegiatan", "realisasi_output", 3)),
         ("value-not-available", loc("sub_kegiatan", "capaian_output", 3)),
         ("value-not-available", loc("komponen_indeks", "nilai", 2)),
         ("value-not-available", loc("indikator_program", "realisasi", 2)),
         ("draft-report", profil_loc("status_dokumen"))},
        {"sub_kegiatan": [dict(changed("sub_kegiatan")[0], realisasi="Belum  Tersedia"),
                          dict(changed("sub_kegiatan")[1], realisasi_output="n/a",
                               capaian_output="tidak tersedia")],
         "komponen_indeks": changed("komponen_indeks", 0, nilai="n/a"),
         "indikator_program": changed("indikator_program", 0, realisasi="-")}),
    "not available in a column that takes no marker": Case(
        {("not-a-number", loc("sub_kegiatan", "pagu_murni", 2))},
        {"sub_kegiatan": changed("sub_kegiatan", 0, pagu_murni="-")}),
    "a value above the top band takes the top band": Case(
        set(), {"target_iku": changed("target_iku", 0, realisasi=D(6))}),  # SPBE ends at 5
    "a capaian above the top band takes the top band": Case(
        set(), {"iku": changed("iku", 0, dasar_predikat=c.DASAR_CAPAIAN)}),  # 107,82 on SPBE
    "pk budget equal to the sums of the sub kegiatan": Case(
        set(), {"program": changed("program", 0, anggaran_pk=D(100_000_000),
                                   anggaran_pk_perubahan=D(140_000_000))}),
    "pk-budget-mismatch murni": Case(
        {("pk-budget-mismatch", loc("program", "anggaran_pk", 2))},
        {"program": changed("program", 0, anggaran_pk=D(99_000_000))}),
    "pk-budget-mismatch perubahan": Case(
        {("pk-budget-mismatch", loc("program", "anggaran_pk_perubahan", 2))},
        {"program": changed("program", 0, anggaran_pk_perubahan=D(150_000_000))}),
    "predikat-mismatch": Case(
        {("predikat-mismatch", loc("peringkat_akip", "predikat", 3))},
        {"peringkat_akip": [
            {"perangkat_daerah": "Bappelitbangda", "nilai": D("81.2"), "predikat": "A"},
            {"perangkat_daerah": "Diskominfostandi", "nilai": D("70.1"), "predikat": "B",
             "instansi_ini": True}]}),
    # --- composite.py: Komponen Indeks formulas ---
    "formula-syntax": Case(
        {("formula-syntax", loc("komponen_indeks", "rumus", 4))},
        {"komponen_indeks": komponen(("IP1.A", D("4.21"), None), ("IP1.B", D("4.68"), None),
                                     ("IP1.NILAI", None, "(IP1.A + IP1.B / 2"))}),
    "formula-syntax unknown character": Case(
        {("formula-syntax", loc("komponen_indeks", "rumus", 4))},
        {"komponen_indeks": komponen(("IP1.A", D("4.21"), None), ("IP1.B", D("4.68"), None),
                                     ("IP1.NILAI", None, "IP1.A + IP1.B = 8,89"))}),
    "unknown-reference in a formula": Case(
        {("unknown-reference", loc("komponen_indeks", "rumus", 4))},
        {"komponen_indeks": komponen(("IP1.A", D("4.21"), None), ("IP1.B", D("4.68"), None),
                                     ("IP1.NILAI", None, "RATA(IP1.A; IP1.C)"))}),
    "unknown-reference NILAI_AKIP without Evaluasi AKIP": Case(
        {("unknown-reference", loc("komponen_indeks", "rumus", 4))},
        {"komponen_indeks": komponen(("IP1.A", D("4.21"), None), ("IP1.B", D("4.68"), None),
                                     ("IP1.NILAI", None, "NILAI_AKIP / 20"))}),
    "formula-cycle": Case(
        {("formula-cycle", loc("komponen_indeks", "rumus", 2))},
        {"komponen_indeks": komponen(("IP1.A", None, "IP1.NILAI - 1"), ("IP1.B", D("4.68"), None),
                                     ("IP1.NILAI", None, "(IP1.A + IP1.B) / 2"))}),
    "formula-cycle on itself": Case(
        {("formula-cycle", loc("komponen_indeks", "rumus", 4))},
        {"komponen_indeks": komponen(("IP1.A", D("4.21"), None), ("IP1.B", D("4.68"), None),
                                     ("IP1.NILAI", None, "IP1.NILAI + 1"))}),
    "division-by-zero": Case(
        {("division-by-zero", loc("komponen_indeks", "rumus", 4))},
        {"komponen_indeks": komponen(("IP1.A", D("4.21"), None), ("IP1.B", D(0), None),
                                     ("IP1.NILAI", None, "IP1.A / IP1.B"))}),
    "division-by-zero in a bracket": Case(
        {("division-by-zero", loc("komponen_indeks", "rumus", 4))},
        {"komponen_indeks": komponen(("IP1.A", D("4.21"), None), ("IP1.B", D("4.21"), None),
                                     ("IP1.NILAI", None, "IP1.A : (IP1.B - IP1.A)"))}),
    "index-value-and-formula": Case(
        {("index-value-and-formula", loc("komponen_indeks", "nilai", 4))},
        {"komponen_indeks": komponen(("IP1.A", D("4.21"), None), ("IP1.B", D("4.68"), None),
                                     ("IP1.NILAI", D("4.45"), "(IP1.A + IP1.B) / 2"))}),
    "required-empty neither value nor formula": Case(
        {("required-empty", loc("komponen_indeks", "nilai", 3))},
        {"komponen_indeks": komponen(("IP1.A", D("4.21"), None), ("IP1.B", None, None),
                                     ("IP1.NILAI", None, "(IP1.A + IP1.B) / 2"))}),
    "formula with Indonesian decimals, colon and functions": Case(
        set(), {"komponen_indeks": komponen(
            ("IP1.A", D("4.21"), None), ("IP1.B", D("4.68"), None),
            ("IP1.NILAI", None, "{RATA(IP1.A; IP1.B) * 1 + 0,005} : 1 × 1"))}),
    # --- validate.py: the kind of unit, the PK parties, the budget (workbook/kinds.py) ---
    "required-empty NIP of a perangkat daerah's head": Case(
        {("required-empty", profil_loc("kepala_nip"))}, profil={"kepala_nip": None}),
    "no NIP needed where the signer is the kepala daerah": Case(
        set(), profil={"jenis_unit": c.UNIT_PEMDA, "kepala_nip": None,
                       "nama_instansi": "Pemerintah Kota Contoh", "kepala_jabatan": "Wali Kota "
                       "Contoh"}),
    "required-empty region of a perangkat daerah": Case(
        {("required-empty", profil_loc("jenis_pemda")),
         ("required-empty", profil_loc("nama_pemda"))},
        profil={"jenis_pemda": None, "nama_pemda": None}),
    "required-empty parent body and superior of a vertical unit": Case(
        {("required-empty", profil_loc("instansi_induk")),
         ("required-empty", profil_loc("pk_pihak_kedua_jabatan"))},
        NO_BUDGET, profil={"jenis_unit": c.UNIT_VERTIKAL, "jenis_pemda": None, "nama_pemda": None,
                           "bentuk_anggaran": c.ANGGARAN_TIDAK_ADA}),
    "a vertical unit needs no region": Case(
        set(), NO_BUDGET, profil=VERTIKAL),
    "setting-conflict budget shape against the kind": Case(
        {("setting-conflict", profil_loc("bentuk_anggaran"))},
        profil={**VERTIKAL, "bentuk_anggaran": c.ANGGARAN_APBD}),
    "setting-conflict budget shape against the kind (DIPA for a perangkat daerah)": Case(
        {("setting-conflict", profil_loc("bentuk_anggaran"))},
        profil={"bentuk_anggaran": c.ANGGARAN_DIPA}),
    "setting-conflict no budget but budget rows": Case(
        {("setting-conflict", profil_loc("bentuk_anggaran"))},
        profil={"bentuk_anggaran": c.ANGGARAN_TIDAK_ADA}),
    "setting-conflict the kepala daerah as a perangkat daerah's signer": Case(
        {("setting-conflict", profil_loc("jenis_unit"))},
        profil={"kepala_jabatan": "Wali Kota Contoh"}),
    "setting-conflict a PK with itself": Case(
        {("setting-conflict", profil_loc("pk_pihak_kedua_jabatan"))},
        profil={"pk_pihak_kedua_jabatan": "kepala dinas komunikasi,  informatika, statistik dan "
                                          "persandian"}),
    "invalid-setting level names": Case(
        {("invalid-setting", profil_loc("tingkat_anggaran"))},
        profil={"tingkat_anggaran": "Program; Kegiatan"}),
    "empty-sheet budget sheets of a report with a budget": Case(
        {("empty-sheet", "'Program'!A2"), ("empty-sheet", "'Kegiatan'!A2"),
         ("empty-sheet", "'Sub Kegiatan'!A2")}, NO_BUDGET),
    "unknown-reference a group the Kelompok Anggaran sheet does not define": Case(
        {("unknown-reference", loc("program", "kelompok"))},
        {"program": changed("program", 0, kelompok="BLPU")}),
    "the groups of layout 1.0 are understood without Kelompok Anggaran rows": Case(
        set(), {"kelompok_anggaran": [], "program": changed("program", 0, kelompok="blpu")}),
    "unknown-reference no groups of layout 1.0 in a DIPA": Case(
        {("unknown-reference", loc("program", "kelompok"))},
        {"kelompok_anggaran": []}, profil=VERTIKAL_DIPA),
    # --- Profil layout ---
    "duplicate-field and missing-field": Case(
        {("duplicate-field", f"'Profil'!B{len(c.PROFIL.fields) + 2}")},
        cells=[("Profil", f"A{len(c.PROFIL.fields) + 2}", "Singkatan"),
               ("Profil", f"B{len(c.PROFIL.fields) + 2}", "Kominfo")]),
}


def build(tmp_path, case: Case):
    path = write_minimal_workbook(tmp_path / "lkip.xlsx", case.profil, **case.sheets)
    if case.cells:
        wb = load_workbook(path)
        for sheet, coord, value, *number_format in case.cells:
            cell = wb[sheet][coord]
            cell.value = value
            if number_format:
                cell.number_format = number_format[0]
        wb.save(path)
    return path


WARNINGS = {"realisasi-above-pagu", "pagu-zero", "capaian-mismatch", "pk-budget-mismatch",
            "empty-kegiatan", "empty-program", "year-outside-renstra", "cap-below-100",
            "akip-weight-sum", "realisasi-overridden", "renstra-target-missing",
            "value-outside-scale", "predikat-mismatch", "hidden-row", "hidden-sheet",
            "logo-not-found", "logo-not-image", "percent-suspicious", "scale-gap",
            "value-not-available", "draft-report", "final-with-missing-values"}


@pytest.mark.parametrize("name", list(CASES))
def test_case(tmp_path, name):
    case = CASES[name]
    result = check_workbook(build(tmp_path, case))  # never raises
    assert keys(result.problems) == case.expected
    # warnings leave the workbook usable, errors do not
    for p in result.problems:
        assert p.is_error == (p.code not in WARNINGS), p
    assert result.ok == all(not p.is_error for p in result.problems)


# --- cases that need more than a workbook --------------------------------------------------------

def test_logo_not_found(make_workbook):
    path = make_workbook(profil={"logo": "logo-kota.png"})
    assert keys(check_workbook(path).problems) == {("logo-not-found", profil_loc("logo"))}


def test_logo_not_an_image(make_workbook, tmp_path):
    (tmp_path / "logo.png").write_text("bukan gambar")
    path = make_workbook(profil={"logo": "logo.png"})
    assert keys(check_workbook(path).problems) == {("logo-not-image", profil_loc("logo"))}


def test_logo_found(make_workbook, tmp_path):
    from test_document import tiny_png

    tiny_png(tmp_path / "logo.png")
    # the smallest JPEG python-docx reads: start, a frame header of 1x1, end
    (tmp_path / "logo.jpg").write_bytes(b"\xff\xd8\xff\xc0\x00\x0b\x08\x00\x01\x00\x01\x01"
                                        b"\x01\x11\x00\xff\xd9")
    assert keys(check_workbook(make_workbook(profil={"logo": "logo.png"})).problems) == set()
    assert keys(check_workbook(make_workbook(profil={"logo": "logo.jpg"})).problems) == set()


def test_a_picture_cut_short_is_not_an_image(make_workbook, tmp_path):
    # only the first bytes of a PNG or JPEG (an interrupted copy): Word could not show it
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    (tmp_path / "logo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 32)
    for name in ("logo.png", "logo.jpg"):
        assert keys(check_workbook(make_workbook(profil={"logo": name})).problems) == {
            ("logo-not-image", profil_loc("logo"))}


def test_bagan_organisasi_not_found_and_not_image(make_workbook, tmp_path):
    (tmp_path / "struktur.png").write_text("bukan gambar")
    path = make_workbook(profil={"bagan_organisasi": "struktur.png", "logo": "logo.png"})
    assert keys(check_workbook(path).problems) == {
        ("bagan-organisasi-not-image", profil_loc("bagan_organisasi")),
        ("logo-not-found", profil_loc("logo")),
    }
    path = make_workbook(profil={"bagan_organisasi": "bagan.jpg"})
    assert keys(check_workbook(path).problems) == {
        ("bagan-organisasi-not-found", profil_loc("bagan_organisasi"))}


@pytest.mark.parametrize("name", ["x" * 300 + ".png", "folder", "a/../../b.png"])
def test_any_image_name_gives_a_problem_never_an_exception(make_workbook, tmp_path, name):
    (tmp_path / "folder").mkdir()
    path = make_workbook(profil={"logo": name, "bagan_organisasi": name})
    # a name leaving the workbook's folder is refused before the file system is asked
    code = "picture-outside-folder" if ".." in name else None
    assert keys(check_workbook(path).problems) == {
        (code or "logo-not-found", profil_loc("logo")),
        (code or "bagan-organisasi-not-found", profil_loc("bagan_organisasi")),
    }


def test_unreadable_image_is_reported_not_raised(make_workbook, tmp_path, monkeypatch):
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    path = make_workbook(profil={"logo": "logo.png"})
    real_open = Path.open

    def locked(self, *args, **kwargs):
        if self.name == "logo.png":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", locked)
    assert keys(check_workbook(path).problems) == {("logo-not-found", profil_loc("logo"))}


def test_target_row_with_an_unreadable_year_is_left_out(make_workbook):
    rows = changed("target_iku") + [{"kode_iku": "IKU1", "tahun": "2O23", "target": D(4),
                                     "realisasi": D("3.9")}]
    result = check_workbook(make_workbook(target_iku=rows))
    assert keys(result.problems) == {("not-a-year", loc("target_iku", "tahun", 5))}
    assert [t.tahun for t in result.workbook.target_iku] == [2024, 2025, 2026]
    iku = result.results.ikus[0]
    assert iku.riwayat == () and iku.tahun_lalu is None  # no "year 0" among earlier years


def test_missing_field(valid_workbook):
    wb = load_workbook(valid_workbook)
    wb["Profil"].delete_rows(profil_row("kepala_nip"))
    wb.save(valid_workbook)
    assert keys(check_workbook(valid_workbook).problems) == {("missing-field", "'Profil'!A:A")}


def test_profil_without_header(valid_workbook):
    set_cell(valid_workbook, "Profil", "B1", "Isi")
    result = check_workbook(valid_workbook)  # no year, no period: nothing is computed
    assert keys(result.problems) == {("missing-column", "'Profil'!1:1")}
    assert result.results is None


def test_missing_profil_sheet(valid_workbook):
    wb = load_workbook(valid_workbook)
    wb.remove(wb["Profil"])
    wb.save(valid_workbook)
    assert keys(check_workbook(valid_workbook).problems) == {("missing-sheet", "lkip.xlsx")}


def test_required_profil_fields_all_blank(make_workbook):
    required = [f.key for f in c.PROFIL.fields if f.required]
    path = make_workbook(profil={k: None for k in required})
    assert keys(check_workbook(path).problems) == {("required-empty", profil_loc(k))
                                                   for k in required}


def test_blank_rows_between_data_are_skipped(make_workbook):
    path = make_workbook(tujuan=[{"kode": "T1", "uraian": "Satu"}, {}, {},
                                 {"kode": "T2", "uraian": "Dua"}])
    result = check_workbook(path)
    assert keys(result.problems) == set()
    assert [(t.kode, t.src.row) for t in result.workbook.tujuan] == [("T1", 2), ("T2", 5)]


# --- every problem at once -----------------------------------------------------------------------

def test_many_problems_are_all_reported_in_one_run(tmp_path):
    rows = minimal_rows()
    rows["tujuan"].append({"kode": "T1", "uraian": "Tujuan ganda"})  # duplicate-code A3
    rows["sasaran"][0]["kode_tujuan"] = "T9"  # unknown-reference
    rows["iku"][0]["metode"] = "Naik terus"  # invalid-choice
    rows["iku"][0]["batas_capaian"] = D(90)  # cap-below-100
    rows["target_iku"][0]["realisasi"] = None  # realisasi-empty
    rows["target_iku"][1]["target"] = None  # renstra-target-missing
    rows["indikator_program"][0]["target"] = D(0)  # target-zero
    rows["program"][0]["anggaran_pk"] = D(1)  # pk-budget-mismatch
    rows["program"].append({"kode": "2.16.03", "nama": "Program kosong", "kelompok": "BLU"})
    rows["kegiatan"].append({"kode": "2.16.02.1.02", "kode_program": KODE_PROGRAM,
                             "nama": "Kegiatan kosong"})  # empty-kegiatan
    rows["sub_kegiatan"][0].update(realisasi=D(95_000_000), capaian_output=D(50),
                                   nama=None)  # above pagu, mismatch, required-empty
    rows["sub_kegiatan"][1].update(kode_iku="IKU9", pagu_perubahan=D(-1))
    rows["komponen_indeks"].append({"kode": "X.NOL", "uraian": "Rasio",
                                    "rumus": "IP1.A / (IP1.A - IP1.A)"})
    rows["skala"] = skala_with(band("UJI", D(0), True, D(40), True, "Kurang"),
                               band("UJI", D(50), True, D(100), True, "Baik"))
    rows["evaluasi_akip"] = [{"komponen": "Perencanaan", "bobot": D(30), "nilai": D(31)}]
    rows["narasi"] = [{"bagian": NARASI_PER_IKU, "teks": "Tanpa kode IKU"}]
    path = write_minimal_workbook(tmp_path / "lkip.xlsx", {"logo": "tidak-ada.png"}, **rows)
    set_cell(path, "Kegiatan", "C2", "#REF!")

    result = check_workbook(path)
    expected = {
        ("duplicate-code", loc("tujuan", "kode", 3)),
        ("unknown-reference", loc("sasaran", "kode_tujuan", 2)),
        ("invalid-choice", loc("iku", "metode", 2)),
        ("cap-below-100", loc("iku", "batas_capaian", 2)),
        ("realisasi-empty", loc("target_iku", "realisasi", 2)),
        ("renstra-target-missing", loc("iku", "kode", 2)),
        ("target-zero", loc("indikator_program", "target", 2)),
        ("pk-budget-mismatch", loc("program", "anggaran_pk", 2)),
        ("empty-program", loc("program", "kode", 3)),
        ("empty-kegiatan", loc("kegiatan", "kode", 3)),
        ("excel-error", loc("kegiatan", "nama", 2)),
        ("realisasi-above-pagu", loc("sub_kegiatan", "realisasi", 2)),
        ("capaian-mismatch", loc("sub_kegiatan", "capaian_output", 2)),
        ("required-empty", loc("sub_kegiatan", "nama", 2)),
        ("unknown-reference", loc("sub_kegiatan", "kode_iku", 3)),
        ("negative-money", loc("sub_kegiatan", "pagu_perubahan", 3)),
        ("division-by-zero", loc("komponen_indeks", "rumus", 5)),
        ("scale-gap", loc("skala", "bawah", 15)),
        ("akip-nilai-above-bobot", loc("evaluasi_akip", "nilai", 2)),
        ("akip-weight-sum", loc("evaluasi_akip", "bobot", 2)),
        ("required-empty", loc("narasi", "kode_iku", 2)),
        ("logo-not-found", profil_loc("logo")),
    }
    assert expected <= keys(result.problems)
    assert len({code for code, _ in expected}) >= 18
    # errors first, each in workbook order; then warnings
    severities = [p.is_error for p in result.problems]
    assert severities == sorted(severities, reverse=True)


def _codes_in_source() -> set[str]:
    import re
    from pathlib import Path

    import lkip_docx

    root = Path(lkip_docx.__file__).parent
    found = set()
    for name in ("workbook/bind.py", "workbook/cells.py", "workbook/validate.py",
                 "workbook/scales.py", "compute/composite.py", "compute/results.py",
                 "compute/formula.py"):
        text = (root / name).read_text(encoding="utf-8")
        found |= set(re.findall(r'(?:error|warning|CellError|Problem|FormulaError)'
                                r'\(\s*"([a-z]+(?:-[a-z0-9]+)+)"', text))
        found |= set(re.findall(r'"([a-z]+(?:-[a-z]+)+)"\)', text)) & {
            "unknown-reference", "division-by-zero"}
    return found


def test_no_code_is_left_untested():
    # Codes found in the source by pattern; if this fails, a new code needs a test.
    known = {code for case in CASES.values() for code, _ in case.expected} | {
        "logo-not-found", "logo-not-image", "missing-field", "missing-column", "missing-sheet",
        "merged-cells", "hidden-row", "hidden-sheet", "duplicate-column", "text-too-long",
        "target-empty", "realisasi-empty", "realisasi-zero", "target-zero",
        # tests/test_document.py
        "picture-not-found", "picture-not-image", "picture-outside-folder",
        "text-long-for-report"}
    assert _codes_in_source() - known == set()


# --- one cell, one problem; no problem hides another ----------------------------------------------

def test_each_cell_problem_is_reported_once(make_workbook):
    # validate.check_indicators and compute both notice a blank indikator program realisasi.
    path = make_workbook(indikator_program=changed("indikator_program", 0, kode_indeks=None))
    counts = Counter(p.key() for p in check_workbook(path).problems)
    assert counts == {("realisasi-empty", loc("indikator_program", "realisasi", 2)): 1}


def test_zero_target_is_reported_even_when_realisasi_is_blank(make_workbook):
    # A zero target is always an error, whatever the realisasi: both are listed in one run.
    path = make_workbook(target_iku=changed("target_iku", 0, target=D(0), realisasi=None))
    assert keys(check_workbook(path).problems) == {
        ("target-zero", loc("target_iku", "target", 2)),
        ("realisasi-empty", loc("target_iku", "realisasi", 2)),
    }
