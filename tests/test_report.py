"""The rendered sample report, reopened with python-docx: tables and key sentences against the
computed figures, the Word structure (styles, captions, sections, fields), and a reviewed text
snapshot of the whole report.

The snapshot is tests/snapshots/sample_report.txt. When the report changes on purpose, review the
diff this test prints, then regenerate it with:

    LKIP_UPDATE_SNAPSHOT=1 pytest tests/test_report.py
"""

from __future__ import annotations

import difflib
import io
import os
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from lkip_docx import fmt
from lkip_docx.api import compute_workbook
from lkip_docx.build import render_report

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "lkip-2024-diskominfostandi-bekasi.xlsx"
SNAPSHOT = Path(__file__).resolve().parent / "snapshots" / "sample_report.txt"


@pytest.fixture(scope="module")
def built():
    result = compute_workbook(SAMPLE)
    data = render_report(result.results, SAMPLE.parent)
    return result.results, data, Document(io.BytesIO(data))


def cell_text(cell) -> str:
    return " ".join(p.text for p in cell.paragraphs).strip()


_T, _TAB, _BR = qn("w:t"), qn("w:tab"), qn("w:br")


def para_text(p) -> str:
    """A paragraph's text with its tabs and line breaks (as a tab and a space)."""
    out = []
    for node in p.iter(_T, _TAB, _BR):
        if node.tag == _T:
            out.append(node.text or "")
        elif node.tag == _TAB and node.getparent().tag == qn("w:r"):
            out.append("\t")
        elif node.tag == _BR:
            out.append(" ")
    return "".join(out)


def body_lines(doc) -> list[str]:
    """The report as text in document order; a table row is its cells joined by ' | '."""
    lines = []
    for block in doc.element.body.iterchildren():
        if block.tag == qn("w:p"):
            text = para_text(block)
            if text.strip():
                lines.append(text.rstrip())
        elif block.tag == qn("w:tbl"):
            for tr in block.iter(qn("w:tr")):
                cells = [" / ".join(t for t in (para_text(p).strip() for p in tc.iter(qn("w:p")))
                                    if t) for tc in tr.iter(qn("w:tc"))]
                lines.append(" | ".join(cells))
    return lines


def style_id(p) -> str:
    ppr = p.find(qn("w:pPr"))
    ps = ppr.find(qn("w:pStyle")) if ppr is not None else None
    return ps.get(qn("w:val")) if ps is not None else ""


def text_of(block) -> str:
    return "".join(t.text or "" for t in block.iter(qn("w:t")))


def tables_after(doc, caption_number: str):
    """The table(s) under the caption 'Tabel n.n', up to its Sumber line (the Daftar Tabel
    entries, which read the same, are not captions)."""
    body = list(doc.element.body.iterchildren())
    for i, block in enumerate(body):
        if block.tag == qn("w:p") and style_id(block) == "Caption" and \
                text_of(block).split()[:2] == ["Tabel", caption_number]:
            out = []
            for nxt in body[i + 1:]:
                if nxt.tag == qn("w:tbl"):
                    out.append(nxt)
                elif text_of(nxt).startswith("Sumber"):
                    break
            return out
    raise AssertionError(f"caption Tabel {caption_number} not found")


def rows_of(tbl) -> list[list[str]]:
    return [[" ".join("".join(t.text or "" for t in p.iter(qn("w:t")))
                      for p in tc.iter(qn("w:p"))).strip()
             for tc in tr.iter(qn("w:tc"))] for tr in tbl.iter(qn("w:tr"))]


def full_text(doc) -> str:
    return "\n".join(body_lines(doc))


def test_nothing_of_the_template_is_left_unrendered(built):
    _res, data, _doc = built
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                xml = zf.read(name).decode("utf-8")
                text = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml))
                assert "{{" not in text and "{%" not in text and "\u2191" not in text, name


def test_capaian_table_holds_the_computed_figures(built):
    res, _data, doc = built
    rows = rows_of(tables_after(doc, "3.1")[0])
    for r in res.ikus:
        row = next(row for row in rows if r.iku.nama in row)
        d = r.iku.desimal
        assert fmt.number(r.target, d) in row
        assert fmt.number(r.realisasi, d) in row
        assert fmt.percent(r.capaian.value) in row
        assert r.predikat.predikat in row


def test_budget_tables_hold_every_line_and_the_totals(built):
    res, _data, doc = built
    for kelompok in res.kelompok:
        caption = next(line for line in body_lines(doc) if line.startswith("Tabel ") and
                       f"({kelompok.kode})" in line)
        number = caption.split()[1]
        rows = [row for tbl in tables_after(doc, number) for row in rows_of(tbl)]
        total = next(row for row in rows if row and row[0] == "JUMLAH")
        t = kelompok.total
        assert total[1:] == [fmt.money(t.pagu_murni), fmt.money(t.pagu), fmt.money(t.realisasi),
                             fmt.percent(t.realisasi_pct)]
        names = [row[0] for row in rows]
        for program in kelompok.programs:
            for line in [program, *program.children, *program.subs]:
                assert line.nama in names
    blu = next(k for k in res.kelompok if k.kode == "BLU")
    assert fmt.percent(blu.total.realisasi_pct) == "96,82%"


def test_per_iku_budget_table_rows_match_the_tree(built):
    res, _data, doc = built
    iku1 = res.ikus[0]
    number = "3.7"
    rows = [row for tbl in tables_after(doc, number) for row in rows_of(tbl)]
    for line in [p for prog in iku1.programs for p in (prog, *prog.children, *prog.subs)]:
        row = next(row for row in rows if line.nama in row)
        assert row[-5:] == [fmt.money(line.pagu), fmt.money(line.realisasi),
                            fmt.percent(line.realisasi_pct), fmt.percent(line.capaian),
                            fmt.percent(line.efisiensi)]
    # the Indikator Sasaran column is one merged cell: only the first row holds the name
    assert sum(1 for row in rows if row[0] == iku1.iku.nama) == 1


SENTENCES = [
    # unchanged budget
    "Pagu Anggaran sebesar Rp.249.000.000.-, Capaian Output 100% dengan telah dikembangkannya 2 "
    "(dua) Unit Aplikasi dan Proses Bisnis Pemerintahan Berbasis Elektronik yang Dikembangkan. "
    "Anggaran yang digunakan sebesar Rp.221.938.250.-, (89,13%), maka terdapat Efisiensi Anggaran "
    "sebesar 10,87%.",
    # budget changed in APBD-Perubahan
    "Mengalami Perubahan Pagu Anggaran yang semula (murni) sebesar Rp.273.935.000.- menjadi "
    "Rp.174.185.000.- pada APBD-Perubahan, Capaian Output 100% dengan telah terlaksananya 3 (tiga) "
    "Dokumen Hasil Penatalaksanaan dan Pengawasan E-Government dalam Penyelenggaraan Pemerintahan "
    "Daerah Kabupaten/Kota. Anggaran yang digunakan sebesar Rp.171.267.000.-, (98,32%), maka "
    "terdapat Efisiensi Anggaran sebesar 1,68%.",
    # added in APBD-Perubahan
    "Merupakan Penambahan Sub Kegiatan pada APBD-Perubahan dengan Pagu Anggaran sebesar "
    "Rp.149.544.000.-, Capaian Output 100% dengan tersedianya 24 (dua puluh empat) Unit Paket "
    "Mebel yang Disediakan. Anggaran yang digunakan sebesar Rp.131.300.000.-, (87,80%), maka "
    "terdapat Efisiensi Anggaran sebesar 12,20%.",
    # output below target, from the volumes
    "Capaian Output 33,33% dengan telah tersedianya 12 (dua belas) Laporan fasilitas kunjungan "
    "tamu dari Target yang telah ditetapkan sebanyak 36 (tiga puluh enam) Laporan.",
    # fully spent: no efisiensi clause
    "Anggaran yang digunakan sebesar Rp.6.750.000.-, (100%).",
    # counts in words
    "terdapat 4 (empat) Program, 5 (lima) Kegiatan dan 17 (tujuh belas) Sub Kegiatan "
    "yang mendukung",
    "terdapat 1 (satu) Program, 7 (tujuh) Kegiatan dan 19 (sembilan belas) Sub Kegiatan "
    "yang mendukung",
    # IKU analysis and comparisons
    "Target Indeks Layanan Publik Berbasis IT Tahun 2024 sebesar 4,09 dengan Realisasi 4,41, maka "
    "Capaian Kinerja Tahun 2024 atas Indeks Layanan Publik Berbasis IT sebesar 107,82%",
    "Capaian Kinerja Tahun 2024 sebesar 107,82% meningkat dibandingkan Tahun 2023 sebesar 100,41%",
    # 2024 opens the 2024-2026 Renstra: compared with the end of 2018-2023, as the reference
    "Pada Tahun 2023, tahun akhir RENSTRA Tahun 2018-2023, Realisasi sebesar 4,86 terhadap Target "
    "sebesar 4,84 dengan Capaian 100,41%; pada Tahun 2024, dalam RENSTRA Tahun 2024-2026, "
    "Realisasi sebesar 4,41 terhadap Target sebesar 4,09 dengan Capaian 107,82%.",
    # the worked calculation of the composite index
    "= {4,21 + 4,68 + 3,75 + 5} : 4",
    "= 17,64 : 4",
    # the method used
    "Capaian = Realisasi / Target x 100%",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_key_sentences_are_generated_from_the_figures(built, sentence):
    _res, _data, doc = built
    assert sentence in full_text(doc)


def test_tables_are_numbered_per_chapter_with_caption_above_and_source_below(built):
    _res, _data, doc = built
    body = list(doc.element.body.iterchildren())
    numbers = []
    for i, block in enumerate(body):
        if block.tag != qn("w:p"):
            continue
        text = text_of(block)
        if style_id(block) == "Caption" and text.startswith("Tabel "):
            numbers.append(text.split()[1])
            assert body[i + 1].tag == qn("w:tbl"), f"caption {text!r} is not above a table"
            j = i + 1
            # one caption may head two tables (the Perjanjian Kinerja), with an empty paragraph
            while body[j].tag == qn("w:tbl") or not text_of(body[j]).strip():
                j += 1
            assert text_of(body[j]).startswith("Sumber"), f"no source under {text!r}"
    chapters: dict[str, list[int]] = {}
    for n in numbers:
        bab, k = n.split(".")
        chapters.setdefault(bab, []).append(int(k))
    for bab, ks in chapters.items():
        assert ks == list(range(1, len(ks) + 1)), f"chapter {bab} numbered {ks}"
    assert chapters["3"][-1] == 16 and chapters["2"] == [1, 2, 3, 4] and chapters["1"] == [1, 2]


def test_word_structure(built):
    _res, data, doc = built
    styles = [p.style.style_id for p in doc.paragraphs]
    assert styles.count("Heading1") >= 6  # kata pengantar, daftar isi/tabel, BAB I-IV, lampiran
    headings = [p.text for p in doc.paragraphs if p.style.style_id == "Heading1"]
    assert any("PENDAHULUAN" in h for h in headings) and any("PENUTUP" in h for h in headings)
    settings = doc.settings.element
    assert settings.find(qn("w:updateFields")).get(qn("w:val")) == "true"
    formats = [(s._sectPr.find(qn("w:pgNumType")).get(qn("w:fmt")) if
                s._sectPr.find(qn("w:pgNumType")) is not None else None) for s in doc.sections]
    assert "lowerRoman" in formats and "decimal" in formats
    section = doc.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    # header rows repeat on every page in the budget tables
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        xml = zf.read("word/document.xml").decode("utf-8")
    assert xml.count("<w:tblHeader") >= 16
    assert 'TOC \\o "1-2"' in xml and "TOC \\h \\z \\t" in xml


def test_snapshot_of_the_whole_report(built):
    _res, _data, doc = built
    text = "\n".join(body_lines(doc)) + "\n"
    if os.environ.get("LKIP_UPDATE_SNAPSHOT"):
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text(text, encoding="utf-8")
    assert SNAPSHOT.exists(), "the snapshot is missing: create it with LKIP_UPDATE_SNAPSHOT=1"
    expected = SNAPSHOT.read_text(encoding="utf-8")
    if text != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), text.splitlines(True),
                                            "snapshot", "rendered", n=1))
        pytest.fail("the rendered report differs from tests/snapshots/sample_report.txt; review "
                    "and regenerate with LKIP_UPDATE_SNAPSHOT=1:\n" + diff[:6000])


def tiny_png(path: Path) -> Path:
    """A real 2x1 PNG written by hand (no imaging library needed)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"\x00\xff\x00\x00\x00\x00\xff"  # one row: filter byte + two RGB pixels
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 1, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    path.write_bytes(png)
    return path


def test_ikhtisar_logo_and_organisation_chart_when_the_workbook_asks(make_workbook, tmp_path):
    path = make_workbook(profil={"ikhtisar_eksekutif": True, "logo": "logo.png",
                                 "bagan_organisasi": "bagan.png"})
    tiny_png(path.parent / "logo.png")
    tiny_png(path.parent / "bagan.png")
    result = compute_workbook(path)
    assert result.warnings == []
    doc = Document(io.BytesIO(render_report(result.results, path.parent)))
    text = full_text(doc)
    assert "IKHTISAR EKSEKUTIF" in text
    r = result.results.ikus[0]
    assert f"capaian {fmt.percent(r.capaian.value)}" in text  # generated from the figures
    assert "Gambar 1.1" in text
    assert len(doc.inline_shapes) == 2  # the logo on the cover and the chart in 1.2


def test_without_ikhtisar_there_is_none(make_workbook):
    path = make_workbook()
    result = compute_workbook(path)
    text = full_text(Document(io.BytesIO(render_report(result.results, path.parent))))
    assert "IKHTISAR EKSEKUTIF" not in text and "Gambar 1.1" not in text


def test_asterisks_of_user_text_in_generated_sentences_stay_asterisks(make_workbook):
    from conftest import changed

    path = make_workbook(iku=changed("iku", 0, nama="Indeks *Layanan* A*B",
                                     rumus="(A/B)*100 dan *bukan miring*"))
    result = compute_workbook(path)
    doc = Document(io.BytesIO(render_report(result.results, path.parent)))
    text = full_text(doc)
    assert "Target Indeks *Layanan* A*B Tahun" in text  # the generated analysis sentence
    assert "(A/B)*100 dan *bukan miring*" in text  # the Rumus column of the IKU table
