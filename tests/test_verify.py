"""``lkip verify``: a report built from the Bekasi sample, edited in python-docx the way staff edit
it in Word, compared with the report its workbook builds."""

from __future__ import annotations

import copy
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from docx import Document
from docx.oxml.ns import qn

from lkip_docx.api import LkipError, build_report, verify_report, verify_text
from lkip_docx.cli import main
from lkip_docx.review import dokumen
from lkip_docx.review.verify import (
    ANGKA_DIUBAH,
    BARIS_DITAMBAHKAN,
    DIHAPUS,
    DITAMBAHKAN,
    KALIMAT_DIUBAH,
    classify,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "lkip-2024-diskominfostandi-bekasi.xlsx"
IKU1 = "Indeks Layanan Publik Berbasis IT"
SENTENCE = "Berdasarkan Tabel di atas dapat dijelaskan bahwa Target Indeks Layanan Publik"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("verify")
    shutil.copy(SAMPLE, folder / SAMPLE.name)
    return build_report(folder / SAMPLE.name, folder / "laporan.docx").output


@pytest.fixture
def report(built, tmp_path) -> Path:
    """A fresh copy of the built report, beside a copy of its workbook."""
    shutil.copy(built.parent / SAMPLE.name, tmp_path / SAMPLE.name)
    out = tmp_path / "laporan.docx"
    shutil.copy(built, out)
    return out


def workbook_of(report: Path) -> Path:
    return report.parent / SAMPLE.name


def caption_table(doc, number: str):
    """The python-docx table under the caption 'Tabel <number>'."""
    body = list(doc.element.body.iterchildren())
    for i, block in enumerate(body):
        text = "".join(t.text or "" for t in block.iter(qn("w:t")))
        style = block.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if block.tag == qn("w:p") and style is not None and style.get(qn("w:val")) == "Caption" \
                and re.match(rf"Tabel {re.escape(number)}\b", text):
            for nxt in body[i + 1:]:
                if nxt.tag == qn("w:tbl"):
                    return next(t for t in doc.tables if t._tbl is nxt)
    raise AssertionError(number)


def set_cell(cell, text: str) -> None:
    """Type over a cell as Word does: the first run gets the text, the others are emptied."""
    runs = [r for p in cell.paragraphs for r in p.runs]
    runs[0].text = text
    for r in runs[1:]:
        r.text = ""


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


# --- the two cases of the issue ------------------------------------------------------------------

def test_an_unedited_report_verifies(report):
    hasil = verify_report(report, workbook_of(report))
    assert hasil.perbedaan == [] and hasil.sama and not hasil.dari_workbook_lain
    result = run("verify", report, workbook_of(report))
    assert result.exit_code == 0, result.output
    assert "Laporan disusun dari workbook ini" in result.output
    assert "semua angka dan kalimat yang disusun dari workbook tidak berubah" in result.output


def test_a_figure_typed_over_and_a_sentence_reworded_are_both_caught_at_their_place(report):
    doc = Document(str(report))
    table = caption_table(doc, "3.1")
    row = next(r for r in table.rows if any(c.text == IKU1 for c in r.cells))
    cell = next(c for c in row.cells if c.text == "107,82%")
    set_cell(cell, "110%")
    para = next(p for p in doc.paragraphs if p.text.startswith(SENTENCE))
    original = para.text
    para.text = original.replace("dapat dijelaskan bahwa", "terlihat bahwa")
    doc.save(str(report))

    hasil = verify_report(report, workbook_of(report))
    assert [(p.jenis, p.dibuat, p.ditemukan) for p in hasil.perbedaan] == [
        (ANGKA_DIUBAH, "107,82%", "110%"),
        (KALIMAT_DIUBAH, original, para.text),
    ]
    angka, kalimat = hasil.perbedaan
    assert "3.1 CAPAIAN KINERJA ORGANISASI, Tabel 3.1" in angka.lokasi
    assert f"'{IKU1}'" in angka.lokasi and "kolom 'Tahun 2024 Capaian'" in angka.lokasi
    assert angka.angka == (("107,82%", "110%"),)
    assert "3.2 ANALISIS CAPAIAN INDIKATOR KINERJA UTAMA" in kalimat.lokasi
    assert re.search(r"paragraf ke-\d+$", kalimat.lokasi)

    result = run("verify", report, workbook_of(report))
    assert result.exit_code == 1
    assert "Angka diubah (1):" in result.output and "Kalimat diubah (1):" in result.output
    assert angka.lokasi in result.output and kalimat.lokasi in result.output
    assert "angka: 107,82% \u2192 110%" in result.output


def test_a_changed_amount_inside_a_sentence_is_a_changed_figure(report):
    doc = Document(str(report))
    para = next(p for p in doc.paragraphs if "Rp.195.950.000.-" in p.text)
    before = para.text
    para.text = before.replace("Rp.195.950.000.-", "Rp.195.950.-")
    doc.save(str(report))
    [p] = verify_report(report, workbook_of(report)).perbedaan
    assert (p.jenis, p.angka) == (ANGKA_DIUBAH, (("Rp.195.950.000.-", "Rp.195.950.-"),))
    assert p.dibuat == before


# --- what is not an edit -------------------------------------------------------------------------

def test_text_added_by_staff_is_listed_but_not_an_error(report):
    doc = Document(str(report))
    anchor = next(p for p in doc.paragraphs if p.text.startswith(SENTENCE))
    added = anchor.insert_paragraph_before("Catatan staf: data dukung terlampir.")
    del added
    doc.add_paragraph("Penutup tambahan dari Sekretariat.")
    t = doc.add_table(rows=1, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "Tambahan", "1"
    doc.save(str(report))
    hasil = verify_report(report, workbook_of(report))
    assert [p.jenis for p in hasil.perbedaan] == [DITAMBAHKAN] * 3
    assert hasil.sama
    result = run("verify", report, workbook_of(report))
    assert result.exit_code == 0
    assert "Ditambahkan (teks tambahan staf, bukan galat) (3):" in result.output


def test_fields_refreshed_by_word_and_the_closing_line_do_not_count(report):
    doc = Document(str(report))
    toc = [p for p in doc.paragraphs if p.style.style_id in ("TOC1", "TOC2")]
    for p in toc:  # Word rewrites the cached table of contents with page numbers
        for r in p.runs:
            if r.text:
                r.text = r.text + "\t12"
    closing = next(p for p in doc.paragraphs if p.text.startswith("Disusun dengan lkip-docx"))
    closing.text = closing.text.replace("status workbook", "status")
    doc.save(str(report))
    assert verify_report(report, workbook_of(report)).perbedaan == []


# --- deletions and rows --------------------------------------------------------------------------

def test_deleted_generated_text_and_an_added_table_row_are_errors(report):
    doc = Document(str(report))
    para = next(p for p in doc.paragraphs if p.text.startswith(SENTENCE))
    para._p.getparent().remove(para._p)
    table = caption_table(doc, "3.15")
    last = table.rows[-1]._tr
    last.addnext(copy.deepcopy(last))
    doc.save(str(report))
    hasil = verify_report(report, workbook_of(report))
    kinds = sorted(p.jenis for p in hasil.perbedaan)
    assert kinds == sorted([DIHAPUS, BARIS_DITAMBAHKAN])
    row = next(p for p in hasil.perbedaan if p.jenis == BARIS_DITAMBAHKAN)
    assert "Tabel 3.15" in row.lokasi and "JUMLAH" in row.ditemukan
    assert not hasil.sama


# --- which workbook ------------------------------------------------------------------------------

def test_a_report_built_from_another_workbook_is_said_first(report, tmp_path):
    other = tmp_path / "versi-baru.xlsx"
    shutil.copy(workbook_of(report), other)
    wb = openpyxl.load_workbook(other)
    wb["Sub Kegiatan"]["F3"] = 190000000
    wb.save(other)
    hasil = verify_report(report, other)
    assert hasil.dari_workbook_lain
    lines = verify_text(hasil).splitlines()
    assert lines[0] == "Laporan: laporan.docx"
    assert lines[1].startswith("PERHATIAN: laporan ini disusun dari workbook lain: "
                               f"{SAMPLE.name} (SHA-256 ")
    assert "bukan versi-baru.xlsx" in lines[1]
    # ... and the figures that differ because of it are listed after
    assert any(p.jenis == ANGKA_DIUBAH and p.ditemukan == "53.750.000" for p in hasil.perbedaan)


def test_a_report_without_provenance_is_said_to_have_none(report):
    # Rendered without a workbook file (as a preview would be): no properties, no closing line.
    from lkip_docx.api import compute_workbook
    from lkip_docx.build import render_report

    bare = report.with_name("tanpa-asal.docx")
    bare.write_bytes(render_report(compute_workbook(workbook_of(report)).results, report.parent))
    hasil = verify_report(bare, workbook_of(report))
    assert hasil.tanpa_asal and hasil.sama and hasil.properti == {}
    assert "tidak memuat jejak asal workbook" in verify_text(hasil)


# --- bad input -----------------------------------------------------------------------------------

def test_a_file_that_is_not_a_word_report_is_refused(report, tmp_path):
    fake = tmp_path / "bukan.docx"
    fake.write_text("ini teks biasa")
    with pytest.raises(LkipError) as exc:
        verify_report(fake, workbook_of(report))
    assert [p.code for p in exc.value.problems] == ["report-not-docx"]
    result = run("verify", fake, workbook_of(report))
    assert result.exit_code == 1
    assert "laporan bukan dokumen Word (.docx) atau berkasnya rusak" in result.output + \
        (result.stderr if result.stderr_bytes is not None else "")


def test_a_folder_given_as_report_is_refused(report, tmp_path):
    with pytest.raises(LkipError) as exc:
        verify_report(tmp_path, workbook_of(report))
    assert [p.code for p in exc.value.problems] == ["report-unreadable"]


def test_a_report_too_large_when_unpacked_is_refused(report, monkeypatch):
    monkeypatch.setattr(dokumen, "MAX_UNPACKED", 1000)
    with pytest.raises(LkipError) as exc:
        verify_report(report, workbook_of(report))
    assert [p.code for p in exc.value.problems] == ["report-too-large"]


def test_a_workbook_with_errors_is_reported_not_compared(report, tmp_path):
    broken = tmp_path / "rusak.xlsx"
    shutil.copy(workbook_of(report), broken)
    wb = openpyxl.load_workbook(broken)
    wb["Sub Kegiatan"]["F3"] = "Rp 1.2.3"
    wb.save(broken)
    result = run("verify", report, broken)
    assert result.exit_code == 1
    assert "[not-a-number]" in result.output


# --- classification ------------------------------------------------------------------------------

@pytest.mark.parametrize("built_text, found, kind, pairs", [
    ("107,82%", "110%", ANGKA_DIUBAH, (("107,82%", "110%"),)),
    ("-", "5,00%", ANGKA_DIUBAH, (("-", "5,00%"),)),
    ("Pagu sebesar Rp.1.000.-, capaian 90%", "Pagu sebesar Rp.1.000.-, capaian 100%",
     ANGKA_DIUBAH, (("90%", "100%"),)),
    ("terdapat 17 (tujuh belas) Sub Kegiatan", "terdapat 18 (delapan belas) Sub Kegiatan",
     ANGKA_DIUBAH, (("17 (tujuh belas)", "18 (delapan belas)"),)),
    ("capaian tercapai sebesar 90%", "capaian belum tercapai sebesar 90%", KALIMAT_DIUBAH, ()),
    ("capaian 90%", "capaian sembilan puluh persen", KALIMAT_DIUBAH, ()),
])
def test_a_difference_is_a_figure_only_when_the_rest_is_equal(built_text, found, kind, pairs):
    assert classify(built_text, found) == (kind, pairs)


def test_a_report_built_with_an_agency_template_asks_for_it(tmp_path):
    from conftest import write_minimal_workbook

    workbook = write_minimal_workbook(tmp_path / "dinas.xlsx")
    template = tmp_path / "templat-kota.docx"
    shutil.copy(ROOT / "report_template.docx", template)
    report = build_report(workbook, tmp_path / "laporan.docx", template).output
    without = verify_report(report, workbook)
    assert without.catatan == ["laporan disusun dengan templat 'templat-kota.docx'; berikan "
                               "templat itu (--template) agar pembandingan tepat"]
    result = run("verify", report, workbook, "--template", template)
    assert result.exit_code == 0 and "Catatan:" not in result.output
