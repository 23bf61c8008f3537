"""A finished document in every viewer (issue 13): the contents lists with their page numbers,
the PDF, the pictures, the document properties and the layout fixes.

Tests that lay documents out need LibreOffice and are skipped with a reason where it is absent
(the ``soffice`` fixture); .ci/run installs it on Debian so that CI runs them.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from conftest import keys, loc, profil_loc, schema_errors, write_minimal_workbook
from docx import Document
from docx.oxml.ns import qn

from lkip_docx import __version__
from lkip_docx.api import build_pdf, build_report, check_workbook
from lkip_docx.batch import build_many
from lkip_docx.problems import LkipError
from lkip_docx.report import layout, pdf, toc
from lkip_docx.report.engine import parse_xml

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SAMPLE = SAMPLES / "lkip-2024-diskominfostandi-bekasi.xlsx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def copy_sample(folder: Path, name: str = SAMPLE.name) -> Path:
    """The sample workbook with the pictures it names, as a user keeps them."""
    folder.mkdir(parents=True, exist_ok=True)
    for picture in SAMPLES.glob("*.png"):
        shutil.copy(picture, folder / picture.name)
    return Path(shutil.copy(SAMPLE, folder / name))


def tiny_png(path: Path, width: int = 4, height: int = 3) -> Path:
    """A real PNG written by hand (no imaging library needed)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    raw = b"".join(b"\0" + b"\xff\x00\x00" * width for _ in range(height))
    path.write_bytes(b"\x89PNG\r\n\x1a\n"
                     + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    return path


def body_of(docx: Path | bytes):
    data = docx.read_bytes() if isinstance(docx, Path) else docx
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return parse_xml(z.read("word/document.xml")).find(f"{W}body")


def toc_entries(docx) -> list[tuple[str, str, str]]:
    """(field instruction, entry text, cached page number) of every contents entry."""
    body = body_of(docx)
    out = []
    numbers = dict(toc.pageref_results(body))
    instr = None
    for p in body.iter(f"{W}p"):
        for it in p.iter(f"{W}instrText"):
            if (it.text or "").strip().startswith("TOC"):
                instr = it.text.strip()
        for link in p.iter(f"{W}hyperlink"):
            anchor = link.get(f"{W}anchor")
            text = "".join((t.text or "") if t.tag == f"{W}t" else "\t"
                           for r in link.iter(f"{W}r") for t in r
                           if t.tag in (f"{W}t", f"{W}tab") and t is not numbers.get(anchor))
            text = text.rsplit("\t", 1)[0]  # the tab before the page number
            number = (numbers[anchor].text or "") if anchor in numbers else ""
            out.append((instr, text.strip(), number))
    return out


# --- the lists without LibreOffice --------------------------------------------------------------

def test_every_heading_and_caption_is_an_entry_with_a_bookmark(make_workbook, tmp_path):
    out = tmp_path / "laporan.docx"
    result = build_report(make_workbook(), out)
    assert "page-numbers-pending" in {p.code for p in result.warnings}
    entries = toc_entries(out)
    contents = [e for e in entries if e[0].startswith("TOC \\o")]
    tables = [e for e in entries if '"Caption,1"' in e[0]]
    assert [e[1] for e in contents][:4] == ["KATA PENGANTAR", "DAFTAR ISI", "DAFTAR TABEL",
                                             "BAB I PENDAHULUAN"]
    assert "1.1\tLATAR BELAKANG" in [e[1] for e in contents]
    assert tables and all(e[1].startswith("Tabel ") for e in tables)
    # without LibreOffice no number is made up: Word fills them when it updates the fields
    assert {e[2] for e in entries} == {""}
    body = body_of(out)
    names = [b.get(f"{W}name") for b in body.iter(f"{W}bookmarkStart")]
    ids = [b.get(f"{W}id") for b in body.iter(f"{W}bookmarkStart")]
    assert len(set(names)) == len(names) and len(set(ids)) == len(ids)
    anchors = {h.get(f"{W}anchor") for h in body.iter(f"{W}hyperlink")}
    assert anchors <= set(names)
    doc = Document(str(out))
    assert doc.settings.element.find(qn("w:updateFields")).get(qn("w:val")) == "true"


def test_the_lists_follow_the_document_not_a_fixed_list(make_workbook, tmp_path):
    # no IKU composite, no pictures: no Daftar Gambar at all
    out = tmp_path / "laporan.docx"
    build_report(make_workbook(), out)
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert "DAFTAR GAMBAR" not in texts
    assert not any('"Judul Gambar,1"' in e[0] for e in toc_entries(out))


def test_page_labels_follow_the_sections():
    # cover (no number), front matter in roman continuing from the cover, chapters from 1
    xml = (f'<w:body xmlns:w="{W[1:-1]}">'
           '<w:p/><w:p><w:pPr><w:sectPr/></w:pPr></w:p>'
           '<w:p/><w:p><w:pPr><w:sectPr><w:pgNumType w:fmt="lowerRoman"/></w:sectPr></w:pPr></w:p>'
           '<w:p/><w:sectPr><w:pgNumType w:fmt="decimal" w:start="1"/></w:sectPr></w:body>')
    body = parse_xml(xml.encode())
    pages = {f"{toc.SECTION_PREFIX}1": 1, f"{toc.SECTION_PREFIX}2": 2,
             f"{toc.SECTION_PREFIX}3": 6}
    labels = toc.page_labels(body, pages, 8)
    assert [labels[i] for i in range(1, 9)] == ["1", "ii", "iii", "iv", "v", "1", "2", "3"]


@pytest.mark.parametrize("name, key", [("/5FToc100023", "_Toc100023"),
                                       ("_Toc7", "_Toc7"),
                                       ("%5FTocLkipSection2", "_TocLkipSection2"),
                                       ("Tabel1", None)])
def test_pdf_destination_names_are_read_back(name, key):
    assert toc.bookmark_key(name) == key


# --- document properties -------------------------------------------------------------------------

def test_properties_are_the_reports_not_the_templates(make_workbook, tmp_path):
    before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    out = tmp_path / "laporan.docx"
    build_report(make_workbook(), out)
    cp = Document(str(out)).core_properties
    assert cp.title == "LKIP Diskominfostandi Kota Contoh Tahun 2024"
    assert cp.author == "Dinas Komunikasi, Informatika, Statistik dan Persandian Kota Contoh"
    assert "Templat" not in (cp.subject or "")
    created = cp.created if cp.created.tzinfo else cp.created.replace(tzinfo=dt.timezone.utc)
    assert created >= before - dt.timedelta(seconds=2) and cp.modified == cp.created
    with zipfile.ZipFile(out) as z:
        app = z.read("docProps/app.xml").decode()
    assert f"<Application>lkip-docx {__version__}</Application>" in app
    assert "Macintosh" not in app and "<Pages>" not in app


# --- LibreOffice missing --------------------------------------------------------------------------

def run_lkip(*args: str, env_soffice: str | None = "none") -> subprocess.CompletedProcess:
    import os

    env = dict(os.environ)
    if env_soffice is not None:
        env["LKIP_SOFFICE"] = env_soffice
    return subprocess.run([sys.executable, "-m", "lkip_docx", *args], capture_output=True,
                          text=True, env=env, timeout=300)


def test_pdf_without_libreoffice_says_how_to_install_and_keeps_the_docx(valid_workbook, tmp_path):
    out = tmp_path / "laporan.pdf"
    done = run_lkip("build", str(valid_workbook), "-o", str(out))
    assert done.returncode == 1
    assert (tmp_path / "laporan.docx").is_file() and not out.exists()
    assert "[libreoffice-missing]" in done.stderr
    assert "Windows" in done.stderr and "apt install libreoffice-writer" in done.stderr
    assert "Laporan dibuat" in done.stdout


def test_docx_without_libreoffice_says_when_the_numbers_appear(valid_workbook, tmp_path):
    done = run_lkip("build", str(valid_workbook), "-o", str(tmp_path / "laporan.docx"))
    assert done.returncode == 0
    assert "[page-numbers-pending]" in done.stderr and "Word" in done.stderr


def test_soffice_named_by_the_variable_but_missing(valid_workbook, tmp_path, monkeypatch):
    monkeypatch.setenv("LKIP_SOFFICE", str(tmp_path / "tidak-ada" / "soffice"))
    assert pdf.find_soffice() is None
    with pytest.raises(LkipError) as err:
        build_pdf(valid_workbook, tmp_path / "laporan.pdf")
    assert [p.code for p in err.value.problems] == ["libreoffice-missing"]
    assert "LKIP_SOFFICE=" in err.value.problems[0].message
    assert (tmp_path / "laporan.docx").is_file()


def test_build_pdf_wants_a_pdf_name(valid_workbook, tmp_path):
    with pytest.raises(LkipError) as err:
        build_pdf(valid_workbook, tmp_path / "laporan.docx")
    assert [p.code for p in err.value.problems] == ["bad-extension"]


# --- LibreOffice present --------------------------------------------------------------------------

def pdf_pages_text(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory):
    """The sample built into .docx and PDF, with LibreOffice (skipped without it)."""
    from conftest import real_soffice

    path = real_soffice()
    if path is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it on Debian")
    folder = tmp_path_factory.mktemp("pdf")
    workbook = copy_sample(folder / "in")
    mp = pytest.MonkeyPatch()
    mp.setenv("LKIP_SOFFICE", str(path))
    try:
        result = build_report(workbook, folder / "laporan.docx", pdf=folder / "laporan.pdf")
    finally:
        mp.undo()
    assert result.errors == [] and result.pdf == folder / "laporan.pdf"
    return folder / "laporan.docx", folder / "laporan.pdf"


def test_the_docx_carries_page_numbers_in_all_three_lists(sample_pdf):
    docx, _ = sample_pdf
    entries = toc_entries(docx)
    lists = {"isi": [e for e in entries if e[0].startswith("TOC \\o")],
             "tabel": [e for e in entries if '"Caption,1"' in e[0]],
             "gambar": [e for e in entries if '"Judul Gambar,1"' in e[0]]}
    assert all(lists.values()), {k: len(v) for k, v in lists.items()}
    for e in entries:
        assert re.fullmatch(r"[ivxlcdm]+|\d+", e[2]), e
    isi = {text: number for _, text, number in lists["isi"]}
    assert isi["KATA PENGANTAR"] == "ii" and isi["BAB I PENDAHULUAN"] == "1"
    assert lists["gambar"][0][1].startswith("Gambar 1.1 Struktur Organisasi")


def test_libreoffice_shows_the_numbers_without_updating_fields(sample_pdf, soffice, tmp_path):
    # LibreOffice's own reading of the .docx, as a user opening it would see the lists
    docx, _ = sample_pdf
    profile = f"-env:UserInstallation={(tmp_path / 'p').as_uri()}"
    subprocess.run([str(soffice), "--headless", profile, "--convert-to",
                    "txt:Text (encoded):UTF8", "--outdir", str(tmp_path), str(docx)],
                   check=True, capture_output=True, timeout=300)
    text = (tmp_path / "laporan.txt").read_text(encoding="utf-8-sig")
    assert re.search(r"KATA PENGANTAR\tii\b", text), text[:2000]
    assert re.search(r"BAB I PENDAHULUAN\t1\b", text)
    assert re.search(r"Tabel 1\.1 [^\n]*\t\d+", text)
    assert re.search(r"Gambar 1\.1 [^\n]*\t\d+", text)


def test_the_pdf_contents_point_to_the_right_pages(sample_pdf):
    docx, out = sample_pdf
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    pages = pdf_pages_text(data)
    checked = 0
    for _, text, number in toc_entries(docx):
        key = text.split("\t")[-1][:25]
        # the page whose printed number is the entry's, found by its footer
        found = [i for i, page in enumerate(pages)
                 if page.strip().splitlines() and page.strip().splitlines()[-1].strip() == number]
        assert found, (text, number)
        hit = [i for i in found if key.split()[0] in pages[i]]
        assert hit, (text, number)
        checked += 1
    assert checked > 40


def test_a_batch_lays_out_every_report_with_one_start_per_round(soffice, tmp_path, monkeypatch):
    (tmp_path / "in").mkdir()
    for name in ("a", "b", "c"):
        write_minimal_workbook(tmp_path / "in" / f"{name}.xlsx")
    starts = []
    real = pdf.convert
    monkeypatch.setattr(pdf, "convert", lambda *a: (starts.append(len(a[1])), real(*a))[1])
    outcomes = build_many([tmp_path / "in"], tmp_path / "out", jobs=1, pdf=True)
    assert all(o.ok for o in outcomes), [o.problems for o in outcomes]
    assert starts == [3, 3]  # measured, then checked (and printed) in one start each
    for o in outcomes:
        assert o.pdf is not None and o.pdf.read_bytes().startswith(b"%PDF")
        assert {e[2] for e in toc_entries(o.output)} != {""}


def test_cli_writes_pdf_and_docx(soffice, valid_workbook, tmp_path):
    done = run_lkip("build", str(valid_workbook), "-o", str(tmp_path / "lap.docx"), "--pdf",
                    env_soffice=str(soffice))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "lap.pdf").read_bytes().startswith(b"%PDF")
    assert "PDF dibuat" in done.stdout and "page-numbers" not in done.stderr


def test_page_numbered_document_stays_schema_valid(sample_pdf):
    docx, _ = sample_pdf
    assert schema_errors(docx) == []


# --- pictures -------------------------------------------------------------------------------------

def prestasi_rows(*pictures: str | None) -> list[dict]:
    return [{"uraian": f"Penghargaan {i}", "pemberi": "Pemberi", "gambar": g}
            for i, g in enumerate(pictures, start=1)]


def test_prestasi_and_lampiran_pictures_are_numbered_and_listed(tmp_path):
    tiny_png(tmp_path / "sertifikat.png")
    tiny_png(tmp_path / "keputusan.png", 5, 2)
    (tmp_path / "rusak.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 40)
    path = write_minimal_workbook(
        tmp_path / "lkip.xlsx", profil={"gambar_lampiran": "keputusan.png"},
        prestasi=prestasi_rows("rusak.png", "sertifikat.png"),
        peringkat_akip=[{"perangkat_daerah": "Diskominfostandi", "nilai": 80, "instansi_ini": True},
                        {"perangkat_daerah": "Dinas Lain", "nilai": 70}])
    out = tmp_path / "laporan.docx"
    result = build_report(path, out)
    assert ("picture-not-image", loc("prestasi", "gambar", 2)) in keys(result.warnings)
    figures = [e[1] for e in toc_entries(out) if '"Judul Gambar,1"' in e[0]]
    # the broken picture is left out and takes no number
    assert figures == ["Gambar 3.1 Dokumentasi Prestasi 2 (Pemberi)",
                       "Gambar L.1 Keputusan Hasil Evaluasi AKIP Perangkat Daerah"]
    with zipfile.ZipFile(out) as z:
        assert len([n for n in z.namelist() if n.startswith("word/media/")]) == 2
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert "DAFTAR GAMBAR" in texts


@pytest.mark.parametrize("name, code", [
    ("tidak-ada.png", "picture-not-found"),
    ("../luar.png", "picture-outside-folder"),
    ("/etc/passwd", "picture-outside-folder"),
    ("C:\\Users\\gambar.png", "picture-outside-folder"),
    ("\\\\server\\share\\gambar.png", "picture-outside-folder"),
    ("header-saja.png", "picture-not-image"),
    ("teks.png", "picture-not-image"),
])
def test_a_bad_prestasi_picture_is_a_warning_at_its_cell(tmp_path, name, code):
    (tmp_path / "header-saja.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "teks.png").write_text("bukan gambar")
    path = write_minimal_workbook(tmp_path / "lkip.xlsx", prestasi=prestasi_rows(name))
    assert keys(check_workbook(path).problems) == {(code, loc("prestasi", "gambar", 2))}
    out = tmp_path / "laporan.docx"
    build_report(path, out)  # built without it, never a crash
    with zipfile.ZipFile(out) as z:
        assert not [n for n in z.namelist() if n.startswith("word/media/")]


def test_gambar_lampiran_outside_the_folder(tmp_path):
    path = write_minimal_workbook(tmp_path / "lkip.xlsx", profil={"gambar_lampiran": "../k.png"})
    assert keys(check_workbook(path).problems) == {
        ("picture-outside-folder", profil_loc("gambar_lampiran"))}


# --- layout ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sample_docx(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("sample")
    out = folder / "laporan.docx"
    build_report(copy_sample(folder / "in"), out)
    return out


@pytest.fixture(scope="module", params=sorted(p.name for p in SAMPLES.glob("*.xlsx")))
def any_sample_docx(request, tmp_path_factory) -> Path:
    """The report of each bundled sample (every kind of agency and budget shape)."""
    folder = tmp_path_factory.mktemp("any-sample")
    source = folder / request.param
    shutil.copy(SAMPLES / request.param, source)
    for picture in SAMPLES.glob("*.png"):
        shutil.copy(picture, folder / picture.name)
    out = folder / "laporan.docx"
    build_report(source, out)
    return out


def _grid(tbl) -> list[int]:
    return [int(c.get(qn("w:w"))) for c in tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol"))]


def test_a_column_breaks_lines_only_between_words():
    split = layout._BREAKS.split
    assert split("Rp. 38.450.000.000") == ["Rp. 38.450.000.000"]  # an amount is read whole
    assert split("APBD-P") == ["APBD-P"]  # a code, not two words
    assert split("Undang-Undang Nomor 14") == ["Undang-", "Undang ", "Nomor ", "14"]
    assert split("Sarana/Prasarana") == ["Sarana/", "Prasarana"]


def test_no_word_or_amount_is_broken_inside_a_column(any_sample_docx):
    doc = Document(str(any_sample_docx))
    styles = layout._Styles(doc)
    broken = []
    for tbl in doc.element.body.iter(qn("w:tbl")):
        widths = _grid(tbl)
        if len(widths) < 2 or sum(widths) < 8000:
            continue
        for tr in tbl.findall(qn("w:tr")):
            for col, span, tc in layout._grid_cells(tr):
                longest, _, _ = layout._cell_measure(tc, styles)
                if span == 1 and longest + 120 > widths[col] + 1:
                    broken.append((layout._cell_text(tc)[:40], widths[col], int(longest)))
    # the IKU table's legal references hold tokens longer than any column could be
    assert [b for b in broken if "/" not in b[0] and "KOMINFO" not in b[0]] == []


def test_columns_of_dashes_are_narrow_and_names_wide(sample_docx):
    doc = Document(str(sample_docx))
    for tbl in doc.element.body.iter(qn("w:tbl")):
        header = "".join(t.text or "" for t in tbl.find(qn("w:tr")).iter(qn("w:t")))
        if header.startswith("SDMJumlahPendidikan"):
            widths = _grid(tbl)
            assert widths[0] == max(widths)  # the kind of staff, not a column of "-"
            assert widths[2] < 700  # S3: only "-"
            return
    pytest.fail("staff table not found")


def test_empty_kriteria_column_is_hidden(sample_docx):
    doc = Document(str(sample_docx))
    headers = [[c.text for c in t.rows[0].cells] for t in doc.tables]
    spbe = [h for h in headers if h[:2] == ["No", "Interval Nilai"]]
    assert spbe and ["No", "Interval Nilai", "Predikat"] in spbe
    assert "\u2205" not in "".join(p.text for p in doc.paragraphs)


def test_merged_header_rows_are_tall_enough_to_repeat(sample_docx):
    doc = Document(str(sample_docx))
    for t in doc.tables:
        first = t.rows[0]._tr
        text = "".join(x.text or "" for x in first.iter(qn("w:t")))
        if text.startswith("Indikator SasaranProgram / Kegiatan"):
            h = first.find(f"{qn('w:trPr')}/{qn('w:trHeight')}")
            assert h is not None and h.get(qn("w:hRule")) == "atLeast"
            return
    pytest.fail("budget table per IKU not found")


def test_no_colon_alone_and_steps_and_signatures_kept(sample_docx):
    body = body_of(sample_docx)
    assert not any(re.search(r" :\s*$", t.text or "") for t in body.iter(f"{W}t"))
    paras = list(body.iter(f"{W}p"))
    style = {id(p): (p.find(f"{W}pPr/{W}pStyle").get(f"{W}val")
                     if p.find(f"{W}pPr/{W}pStyle") is not None else None) for p in paras}
    steps = [p for p in paras if style[id(p)] == "Rumus"]
    assert steps
    for p in steps:
        nxt = p.getnext()
        if nxt is not None and nxt.tag == f"{W}p" and style.get(id(nxt)) == "Rumus":
            assert p.find(f"{W}pPr/{W}keepNext") is not None
    signatures = [t for t in body.findall(f"{W}tbl")
                  if t.find(f"{W}tblPr/{W}tblStyle").get(f"{W}val") == "TabelTanpaGaris"]
    assert len(signatures) == 2
    for tbl in signatures:
        prev = tbl.getprevious()
        while prev is not None and not "".join(t.text or "" for t in prev.iter(f"{W}t")):
            prev = prev.getprevious()
        assert prev.find(f"{W}pPr/{W}keepNext") is not None


def test_ranking_total_only_for_a_complete_list(tmp_path):
    rows = [{"perangkat_daerah": "Diskominfostandi", "nilai": 80, "instansi_ini": True},
            {"perangkat_daerah": "Dinas Lain", "nilai": 85}]
    for lengkap, expected in ((False, "peringkat ke-2 pada daftar di atas."),
                              (True, "peringkat ke-2 dari 2 Perangkat Daerah yang dievaluasi.")):
        path = write_minimal_workbook(tmp_path / f"l{lengkap}.xlsx",
                                      profil={"peringkat_lengkap": lengkap},
                                      peringkat_akip=rows)
        out = tmp_path / f"l{lengkap}.docx"
        build_report(path, out)
        text = "\n".join(p.text for p in Document(str(out)).paragraphs)
        assert expected in text


def test_prestasi_without_pictures_is_a_plain_list(make_workbook, tmp_path):
    out = tmp_path / "laporan.docx"
    build_report(make_workbook(prestasi=[{"uraian": "Juara **1**", "pemberi": "Gubernur"}]), out)
    text = [p.text for p in Document(str(out)).paragraphs]
    assert "1.\tJuara 1 (Gubernur)" in text


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in soffice is a shell script")
def test_libreoffice_that_fails_leaves_the_docx_whole(valid_workbook, tmp_path, monkeypatch):
    # a "soffice" that writes nothing: the .docx is written without numbers, the PDF is an error
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nexit 0\n")
    fake.chmod(0o755)
    monkeypatch.setenv("LKIP_SOFFICE", str(fake))
    result = build_report(valid_workbook, tmp_path / "laporan.docx", pdf=tmp_path / "laporan.pdf")
    assert [p.code for p in result.errors] == ["pdf-failed"]
    assert result.pdf is None and not (tmp_path / "laporan.pdf").exists()
    assert {e[2] for e in toc_entries(tmp_path / "laporan.docx")} == {""}
    result = build_report(valid_workbook, tmp_path / "lagi.docx")
    assert "page-numbers-failed" in {p.code for p in result.warnings} and result.errors == []


def test_a_picture_python_docx_cannot_read_is_left_out(tmp_path, monkeypatch):
    from lkip_docx.report import render

    tiny_png(tmp_path / "aneh.png")
    path = write_minimal_workbook(tmp_path / "lkip.xlsx", prestasi=prestasi_rows("aneh.png"))

    def refuse(_path):  # a kind of PNG python-docx cannot parse, though its structure is whole
        raise ValueError("unsupported")

    monkeypatch.setattr(render.DocxImage, "from_file", staticmethod(refuse))
    result = build_report(path, tmp_path / "laporan.docx")
    assert ("picture-unreadable", "aneh.png") in keys(result.warnings)


def test_a_name_too_long_for_its_place_is_a_warning(make_workbook):
    from conftest import changed

    path = make_workbook(sub_kegiatan=changed("sub_kegiatan", 0, nama="Pengelolaan " * 34))
    assert keys(check_workbook(path).problems) == {
        ("text-long-for-report", loc("sub_kegiatan", "nama", 2))}
    path = make_workbook(sub_kegiatan=changed("sub_kegiatan", 0, nama="x" * 200))
    assert keys(check_workbook(path).problems) == set()


def test_renstra_comparison_follows_the_previous_period_when_the_workbook_has_it(sample_docx,
                                                                                  make_workbook,
                                                                                  tmp_path):
    # the sample: 2024 is the first year of the 2024-2026 Renstra; the table, its heading and
    # its sentence all compare 2023 (end of 2018-2023) with 2024, as the reference does
    texts = [p.text for p in Document(str(sample_docx)).paragraphs]
    headings = [t for t in texts if t.startswith("c.\tPerbandingan Realisasi Kinerja")]
    assert headings and all(t.endswith("Tahun 2018-2023") for t in headings)
    assert any(t.startswith("Pada Tahun 2023, tahun akhir RENSTRA Tahun 2018-2023, Realisasi "
                            "sebesar 4,86 terhadap Target sebesar 4,84") for t in texts)
    # without the previous period: the current Renstra's end target, in table and heading
    out = tmp_path / "laporan.docx"
    build_report(make_workbook(), out)
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert any(t.startswith("c.\tPerbandingan") and t.endswith("Tahun 2024-2026") for t in texts)
