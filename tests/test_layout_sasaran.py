"""Sasaran with several indicators: each numbered once with its cell merged over its indicators in
every table that lists sasaran, and the compact layout of 3.2 (Profil: Tata Letak Analisis 'Per
Sasaran'), one measurement table and one analysis per sasaran.

The workbook is the minimal one with two sasaran: SS1 has IKU1 (a scale, an indikator program,
two sub kegiatan) and IKU3 (its own sub kegiatan, a year before, a narrative), SS2 has IKU2 (the
AKIP value). IKU3 stands last in the IKU sheet, after SS2's IKU2, as an agency adds a row: the
report keeps it with its sasaran.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal as D

import pytest
from conftest import KODE_KEGIATAN, KODE_SUB_1, minimal_rows
from docx import Document
from docx.oxml.ns import qn
from test_report import body_lines, rows_of, style_id, tables_after, text_of

from lkip_docx.api import compute_workbook
from lkip_docx.build import render_report
from lkip_docx.report.context import build_context
from lkip_docx.report.richtext import plain
from lkip_docx.review.reviu import susun
from lkip_docx.workbook import contract as c

SS1 = "Meningkatnya Layanan Publik Berbasis TI"
SS2 = "Meningkatnya Akuntabilitas Kinerja"
IKU1, IKU2, IKU3 = ("Indeks Layanan Publik Berbasis IT", "Nilai AKIP",
                    "Persentase Layanan Publik Terintegrasi")
KODE_SUB_3 = "2.16.02.1.01.0003"


def several_indicators_per_sasaran() -> dict:
    rows = minimal_rows()
    return {
        "sasaran": rows["sasaran"] + [{"kode": "SS2", "kode_tujuan": "T1", "uraian": SS2}],
        "iku": rows["iku"] + [
            {"kode": "IKU2", "kode_sasaran": "SS2", "nama": IKU2, "satuan": "Nilai",
             "metode": c.METODE_NAIK, "kode_indeks": c.NILAI_AKIP, "kode_skala": "AKIP"},
            {"kode": "IKU3", "kode_sasaran": "SS1", "nama": IKU3, "satuan": "%",
             "metode": c.METODE_NAIK}],
        "target_iku": rows["target_iku"] + [
            {"kode_iku": "IKU2", "tahun": 2024, "target": D("70")},
            {"kode_iku": "IKU2", "tahun": 2025, "target": D("72")},
            {"kode_iku": "IKU2", "tahun": 2026, "target": D("75")},
            {"kode_iku": "IKU3", "tahun": 2023, "target": D("60"), "realisasi": D("58")},
            {"kode_iku": "IKU3", "tahun": 2024, "target": D("70"), "realisasi": D("77")},
            {"kode_iku": "IKU3", "tahun": 2025, "target": D("80")},
            {"kode_iku": "IKU3", "tahun": 2026, "target": D("90")}],
        "sub_kegiatan": rows["sub_kegiatan"] + [
            {"kode": KODE_SUB_3, "kode_kegiatan": KODE_KEGIATAN, "nama": "Integrasi Layanan",
             "pagu_murni": D(40_000_000), "realisasi": D(30_000_000),
             "realisasi_output": D(9), "capaian_output": D(90), "satuan_output": "Layanan",
             "uraian_output": "Layanan Terintegrasi", "kode_iku": "IKU3"}],
        # no catatan: nothing to say under "Penyebab" for the AKIP indicator
        "evaluasi_akip": [{"komponen": "Perencanaan Kinerja", "bobot": D(30), "nilai": D(25)},
                          {"komponen": "Pengukuran Kinerja", "bobot": D(70), "nilai": D("48.5")}],
        "narasi": [
            {"bagian": "Penyebab Keberhasilan/Kegagalan", "kode_iku": "IKU3",
             "teks": "Integrasi berjalan lebih cepat karena dukungan pusat data."},
            {"bagian": "Langkah Tahun Depan", "kode_iku": "IKU1", "jenis": c.JENIS_BUTIR_ANGKA,
             "teks": "Menambah layanan yang terhubung ke portal."}],
    }


def _build(make_workbook, tata_letak: str | None, name: str = "lkip.xlsx"):
    path = make_workbook(name, profil={"tata_letak_analisis": tata_letak},
                         **several_indicators_per_sasaran())
    result = compute_workbook(path)
    assert result.problems == [], result.problems
    doc = Document(io.BytesIO(render_report(result.results, path.parent)))
    return path, result.results, doc


@pytest.fixture
def ringkas(make_workbook):
    return _build(make_workbook, c.TATA_LETAK_PER_SASARAN, "ringkas.xlsx")


@pytest.fixture
def per_indikator(make_workbook):
    return _build(make_workbook, None, "per-indikator.xlsx")


def _analysis(doc) -> list:
    """The blocks of 3.2, up to the next sub-chapter."""
    body = list(doc.element.body.iterchildren())
    start = next(i for i, b in enumerate(body) if b.tag == qn("w:p")
                 and style_id(b) == "Heading2" and "ANALISIS CAPAIAN" in text_of(b))
    end = next(i for i, b in enumerate(body[start + 1:], start + 1) if b.tag == qn("w:p")
               and style_id(b) in ("Heading1", "Heading2"))
    return body[start + 1:end]


def _vmerge(tc) -> str | None:
    v = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
    return None if v is None else (v.get(qn("w:val")) or "continue")


def _data_rows(tbl, first_col_text: str) -> list:
    """The rows of ``tbl`` from the one whose cells hold ``first_col_text`` on."""
    rows = list(tbl.iter(qn("w:tr")))
    i = next(n for n, tr in enumerate(rows) if first_col_text in text_of(tr))
    return rows[i:]


# --- the sasaran numbered once, merged over its indicators ---------------------------------------

@pytest.mark.parametrize("caption, sasaran_col, no_col, numbered", [
    ("2.2", 0, None, "1. " + SS1),  # Tabel 2.2 IKU: the number inside the sasaran cell
    ("2.3", 1, 0, SS1),  # Perjanjian Kinerja
    ("2.4", 1, 0, SS1),  # ... after APBD-Perubahan
    ("3.1", 1, 0, SS1),  # Capaian Kinerja
])
def test_each_sasaran_is_numbered_once_and_spans_its_indicators(per_indikator, caption,
                                                                sasaran_col, no_col, numbered):
    _path, _res, doc = per_indikator
    tbl = tables_after(doc, caption)[0]
    rows = _data_rows(tbl, IKU1)
    cells = [list(tr.iter(qn("w:tc"))) for tr in rows[:3]]
    texts = [[text_of(tc).strip() for tc in row] for row in cells]
    # IKU1 and IKU3 (last in the IKU sheet) under sasaran 1, then IKU2 under sasaran 2
    assert [next(t for t in row if t in (IKU1, IKU2, IKU3)) for row in texts] == \
        [IKU1, IKU3, IKU2]
    assert texts[0][sasaran_col] == numbered
    assert (_vmerge(cells[0][sasaran_col]), _vmerge(cells[1][sasaran_col])) == \
        ("restart", "continue")
    assert texts[1][sasaran_col] == ""
    second = texts[2][sasaran_col]
    assert second in (f"2. {SS2}", SS2)
    if no_col is not None:
        assert [row[no_col] for row in texts] == ["1", "", "2"]
        assert _vmerge(cells[1][no_col]) == "continue"


def test_the_renstra_table_merges_the_sasaran_too(per_indikator):
    _path, _res, doc = per_indikator
    rows = _data_rows(tables_after(doc, "2.1")[0], IKU1)
    cells = [list(tr.iter(qn("w:tc"))) for tr in rows[:3]]
    assert [text_of(row[3]) for row in cells] == [IKU1, IKU3, IKU2]
    assert _vmerge(cells[1][2]) == "continue" and text_of(cells[2][2]) == SS2


# --- the compact layout ---------------------------------------------------------------------------

def test_the_compact_layout_has_one_measurement_table_and_one_analysis_per_sasaran(ringkas):
    _path, res, doc = ringkas
    blocks = _analysis(doc)
    headings = [(style_id(b), text_of(b)) for b in blocks
                if b.tag == qn("w:p") and style_id(b).startswith("Heading")]
    assert [h for h in headings if h[0] == "Heading3"] == [
        ("Heading3", f"Sasaran Strategis 1 : {SS1}"), ("Heading3", f"Sasaran Strategis 2 : {SS2}")]
    assert not [h for h in headings if h[0] == "Heading4"]  # no heading per indicator
    captions = [text_of(b) for b in blocks if b.tag == qn("w:p") and style_id(b) == "Caption"]
    assert [re.sub(r"^Tabel \d\.\d+ ", "", t) for t in captions] == [
        "Predikat Penilaian SPBE",
        f"Pengukuran Kinerja Sasaran \u201c{SS1}\u201d Tahun 2024",
        f"Indikator Capaian Program Pendukung Sasaran \u201c{SS1}\u201d",
        "Alokasi dan Realisasi Anggaran serta Tingkat Efisiensi Penggunaan Anggaran untuk "
        f"Sasaran \u201c{SS1}\u201d",
        "Skala Nilai Peringkat Kinerja",
        f"Pengukuran Kinerja Sasaran \u201c{SS2}\u201d Tahun 2024",
        "Rincian Hasil Evaluasi Diskominfostandi Kota Contoh Tahun 2024"]
    # one measurement table with all the sasaran's indicators, figures as Tabel 3.1 prints them
    pengukuran = tables_after(doc, captions[1].split()[1])[0]
    data = [r for r in rows_of(pengukuran) if r[0] in ("1", "2")]
    capaian = {r[3]: r for r in rows_of(tables_after(doc, "3.1")[0]) if len(r) == 9}
    assert [r[1] for r in data] == [IKU1, IKU3]
    for r in data:
        assert r[3:6] == capaian[r[1]][5:8]
    # the analysis of IKU3 is its sasaran's; so is IKU1's Langkah
    text = "\n".join(text_of(b) for b in blocks)
    assert "Integrasi berjalan lebih cepat" in text and "Menambah layanan" in text
    assert text.index("Integrasi berjalan") < text.index(f"Sasaran Strategis 2 : {SS2}")
    # the budget once for the sasaran: every sub kegiatan supporting IKU1 or IKU3
    g = build_context(res)["analisis_sasaran"][0]
    assert g["anggaran"]["total"]["pagu"] == "180.000.000"
    assert [b["kode"] for b in g["anggaran"]["baris"]][-3:] == [KODE_SUB_1, "2.16.02.1.01.0002",
                                                                KODE_SUB_3]


def test_the_compact_layout_keeps_every_figure_and_the_numbering(ringkas, per_indikator):
    _p1, res_r, doc_r = ringkas
    _p2, res_i, doc_i = per_indikator
    ctx_r, ctx_i = build_context(res_r), build_context(res_i)
    # the figures each indicator's sentences state are the same in both layouts
    per_iku = {k["nama"]: plain(k["kalimat_capaian"]) for k in ctx_i["iku"]}
    compact = {k["nama"]: plain(k["kalimat_capaian"])
               for g in ctx_r["analisis_sasaran"] for k in g["indikator"]}
    assert compact == per_iku
    for k in ctx_i["iku"]:
        g = next(g for g in ctx_r["analisis_sasaran"] if k["nama"] in
                 [x["nama"] for x in g["indikator"]])
        comparison = plain(k["kalimat_perbandingan"])
        if comparison:
            assert comparison in plain(g["kalimat_perbandingan"])
        if k["renstra"]:
            assert plain(k["kalimat_renstra"]) in plain(g["kalimat_renstra"])
    # tables numbered without a gap; the list of tables is the captions
    lines = body_lines(doc_r)
    captions = [m[1] + " " + m[2] for line in lines if (m := re.match(r"^Tabel (\d\.\d+)  (.*)",
                                                                       line))]
    assert [e.removeprefix("Tabel ") for e in plain(ctx_r["daftar_tabel"]).splitlines()] == \
        captions
    numbers = [int(x.split()[0].split(".")[1]) for x in captions if x.startswith("3.")]
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(numbers) < len([x for x in body_lines(doc_i) if re.match(r"^Tabel 3\.", x)])


def _letters(blocks) -> list[list[str]]:
    out: list[list[str]] = []
    for b in blocks:
        if b.tag != qn("w:p"):
            continue
        if style_id(b) in ("Heading3", "Heading4"):
            out.append([])
        elif style_id(b) == "Heading5" and out:
            out[-1].append(text_of(b))
    return [x for x in out if x]


def test_the_analysis_items_have_content_and_no_gap_in_both_layouts(ringkas, per_indikator):
    for _path, _res, doc in (ringkas, per_indikator):
        blocks = _analysis(doc)
        for items in _letters(blocks):
            assert [t.split(".")[0] for t in items] == list("abcde"[:len(items)]), items
        # a heading is never followed by a heading of its own level or above
        levels = {f"Heading{n}": n for n in range(1, 6)}
        for b, nxt in zip(blocks, blocks[1:]):
            if b.tag == qn("w:p") and style_id(b) in levels and nxt.tag == qn("w:p") and \
                    style_id(nxt) in levels:
                assert levels[style_id(nxt)] > levels[style_id(b)], text_of(b)


def test_an_akip_evaluation_without_notes_prints_no_empty_penyebab(per_indikator):
    # The AKIP indicator has its evaluation table above; "Penyebab" had nothing under it.
    _path, _res, doc = per_indikator
    blocks = _analysis(doc)
    start = next(i for i, b in enumerate(blocks) if IKU2 in text_of(b)
                 and style_id(b) == "Heading4")
    items = [text_of(b) for b in blocks[start:] if b.tag == qn("w:p")
             and style_id(b) == "Heading5"]
    assert not [t for t in items if "Penyebab" in t]
    assert items[0].startswith("a.") and items[1].startswith("b.")


def test_the_compact_layout_is_traced_whole(ringkas):
    path, _res, _doc = ringkas
    _kepala, hasil = susun(path)
    assert [(j.lokasi, j.tercetak) for j in hasil.jejak if j.angka is None] == []
    # the sasaran's measurement table and budget are traced to their cells
    pengukuran = [j for j in hasil.jejak if "'Indeks Layanan Publik Berbasis IT'" in j.lokasi
                  and j.tercetak == "107,82%"]
    assert pengukuran and all(j.angka.sumber for j in pengukuran)
    total = [j for j in hasil.jejak if "'JUMLAH'" in j.lokasi and j.tercetak == "180.000.000"]
    assert total and total[0].angka.kunci == "anggaran/sasaran:SS1/total/pagu"
