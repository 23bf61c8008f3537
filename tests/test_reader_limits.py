"""The reader's trust boundary: every row a sheet holds is read whatever its stored dimension says,
the work is bounded (a declared size costs nothing, far cells and huge sheets are refused early
and by name), only regular files are opened, and a workbook under another name is called what it
is.

Files are real: written by the workbook writer, then their sheet XML patched inside the zip where
openpyxl cannot write what other programs do (a stale <dimension>, rows out of order, a far cell).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import threading
import zipfile
from pathlib import Path

import pytest
from conftest import (
    KODE_KEGIATAN,
    check_keys,
    keys,
    minimal_rows,
    rewrite_zip,
    sheet_part,
    write_minimal_workbook,
)

from lkip_docx.api import check_workbook
from lkip_docx.problems import LkipError
from lkip_docx.workbook import reader
from lkip_docx.workbook.bind import is_contract_sheet
from lkip_docx.workbook.reader import read_workbook

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "lkip-2024-diskominfostandi-bekasi.xlsx"


def read_problems(path: Path, wanted=None) -> list:
    with pytest.raises(LkipError) as info:
        read_workbook(path, wanted)
    return info.value.problems


def patch_sheet(path: Path, sheet: str, change, must_change: bool = True) -> None:
    """Replace a sheet's XML (as text) with ``change(xml)``."""
    part = sheet_part(path, sheet)
    with zipfile.ZipFile(path) as zf:
        xml = zf.read(part).decode("utf-8")
    new = change(xml)
    assert new != xml or not must_change, f"patch changed nothing in {sheet}"
    rewrite_zip(path, {part: new.encode("utf-8")})


def sheet_names(path: Path) -> list[str]:
    return list(read_workbook(path).sheets)


def set_dimension(ref: str | None):
    """A patch giving a sheet the stored dimension ``ref`` (None: no <dimension> element)."""
    def change(xml: str) -> str:
        new = "" if ref is None else f'<dimension ref="{ref}"/>'
        return re.sub(r"<dimension ref=\"[^\"]*\"\s*/>", new, xml, count=1)
    return change


def add_rows(rows_xml: str):
    """A patch appending rows at the end of a sheet's data."""
    def change(xml: str) -> str:
        return xml.replace("</sheetData>", rows_xml + "</sheetData>", 1)
    return change


def text_cell(coord: str, text: str) -> str:
    row = re.sub(r"^[A-Z]+", "", coord)
    return f'<row r="{row}"><c r="{coord}" t="inlineStr"><is><t>{text}</t></is></c></row>'


def snapshot(path: Path, wanted=None) -> dict[str, tuple]:
    """Every read sheet's cells and size, to compare two reads of the same data."""
    raw = read_workbook(path, wanted)
    return {name: (sheet.cells, sheet.max_row, sheet.max_column)
            for name, sheet in raw.sheets.items()}


# --- the stored dimension is a hint, never a limit -----------------------------------------------

def _sub_kegiatan(n: int) -> list[dict]:
    """The minimal sub kegiatan plus ``n`` more, each with its own pagu and realisasi."""
    rows = minimal_rows()["sub_kegiatan"]
    template = rows[1]
    for i in range(n):
        rows.append({**template, "kode": f"{KODE_KEGIATAN}.{i + 10:04d}",
                     "nama": f"Sub Kegiatan Tambahan {i + 1}",
                     "pagu_perubahan": 10_000_000 + i, "realisasi": 9_000_000 + i})
    return rows


NARASI = [{"bagian": "Latar Belakang", "teks": f"Paragraf latar belakang ke-{i}."}
          for i in range(1, 13)]


@pytest.fixture
def long_workbook(tmp_path) -> Path:
    """A valid workbook whose Sub Kegiatan and Narasi sheets run well past a few rows."""
    return write_minimal_workbook(tmp_path / "lkip.xlsx", sub_kegiatan=_sub_kegiatan(10),
                                  narasi=NARASI)


@pytest.mark.parametrize("ref", ["A1:B2", "A1", None, "A1:XFD1048576"],
                         ids=["stale", "stale-single-cell", "missing", "huge"])
def test_every_row_is_read_whatever_the_dimension_says(long_workbook, ref):
    # Non-Excel writers leave the dimension stale (smaller than the data), leave it out, or
    # declare the whole grid. openpyxl's streaming mode used to stop at a stale dimension (rows
    # vanished, "valid") and to pad a huge one cell by cell (minutes per sheet).
    before = snapshot(long_workbook)
    for name in sheet_names(long_workbook):
        patch_sheet(long_workbook, name, set_dimension(ref), must_change=False)
    assert snapshot(long_workbook) == before
    result = check_workbook(long_workbook)
    assert keys(result.problems) == set()
    assert len(result.workbook.sub_kegiatan) == 12
    assert len(result.workbook.narasi) == 12


def lines_run_in_reader(action) -> int:
    """How many lines of reader.py run during ``action()``: a count of the reader's work that,
    unlike a timing, does not depend on the machine."""
    count = 0
    target = reader.__file__

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame, event, arg):
        return local if frame.f_code.co_filename == target else None

    previous = sys.gettrace()
    sys.settrace(calls)
    try:
        action()
    finally:
        sys.settrace(previous)
    return count


def test_the_declared_dimension_costs_nothing(long_workbook):
    # openpyxl pads every row to the declared width: A1:XFD1048576 made the reader look at 16,384
    # cells per row (the 384 s per sheet of the issue, with one far row). The reader now does the
    # same work whatever the dimension says.
    def read():
        read_workbook(long_workbook, is_contract_sheet)
    plain = lines_run_in_reader(read)
    for name in sheet_names(long_workbook):
        patch_sheet(long_workbook, name, set_dimension("A1:XFD1048576"))
    assert lines_run_in_reader(read) == plain


def test_stale_dimension_on_the_sample_loses_no_sub_kegiatan_and_no_narasi(tmp_path):
    # The case of the issue: A1:N30 declared on the 37-row Sub Kegiatan sheet dropped 7 sub
    # kegiatan (Rp4,29 miliar) and check said "valid"; Narasi lost 84 rows the same way.
    path = tmp_path / "lkip.xlsx"
    shutil.copy(SAMPLE, path)
    expected = check_workbook(path)
    patch_sheet(path, "Sub Kegiatan", set_dimension("A1:N30"))
    patch_sheet(path, "Narasi", set_dimension("A1:E100"))
    result = check_workbook(path)
    assert keys(result.problems) == keys(expected.problems)
    assert result.workbook.sub_kegiatan == expected.workbook.sub_kegiatan
    assert len(result.workbook.sub_kegiatan) == 36
    assert sum(s.realisasi or 0 for s in result.workbook.sub_kegiatan) == \
        sum(s.realisasi or 0 for s in expected.workbook.sub_kegiatan)
    assert result.workbook.narasi == expected.workbook.narasi


def test_a_far_hidden_empty_row_does_not_stretch_the_sheet(valid_workbook):
    # A hidden row holds no data; counting it made the binder walk a million blank rows.
    patch_sheet(valid_workbook, "Tujuan", add_rows('<row r="1048576" hidden="1"/>'))
    assert read_workbook(valid_workbook).sheets["Tujuan"].max_row == 2
    assert check_keys(valid_workbook) == set()


# --- rows a writer stored out of order -----------------------------------------------------------

def _swap_rows(a: int, b: int):
    def change(xml: str) -> str:
        rows = {int(m[1]): m[0] for m in re.finditer(r'<row r="(\d+)".*?</row>', xml, re.S)}
        return xml.replace(rows[a], "\0").replace(rows[b], rows[a]).replace("\0", rows[b])
    return change


def test_rows_stored_out_of_order_are_refused_not_dropped(valid_workbook):
    # openpyxl's streaming reader skips a row that comes after a higher one: a sub kegiatan would
    # vanish without a word.
    patch_sheet(valid_workbook, "Sub Kegiatan", _swap_rows(2, 3))
    assert check_keys(valid_workbook) == {("rows-out-of-order", "'Sub Kegiatan'!2:2")}


def test_a_row_stored_twice_is_refused(valid_workbook):
    def twice(xml: str) -> str:
        row = re.search(r'<row r="2".*?</row>', xml, re.S)[0]
        return xml.replace("</sheetData>", row + "</sheetData>", 1)
    patch_sheet(valid_workbook, "Tujuan", twice)
    assert check_keys(valid_workbook) == {("rows-out-of-order", "'Tujuan'!2:2")}


def test_rows_without_numbers_are_read_in_order(valid_workbook):
    # The r attribute is optional; a row without it follows the one before.
    before = snapshot(valid_workbook)
    patch_sheet(valid_workbook, "Sub Kegiatan",
                lambda xml: re.sub(r'(<row) r="\d+"', r"\1", xml))
    assert snapshot(valid_workbook) == before
    assert check_keys(valid_workbook) == set()


# --- bounded work --------------------------------------------------------------------------------

def test_a_filled_cell_far_below_the_data_is_refused_by_name(valid_workbook):
    # The 78 KB workbook of the issue: a whole-grid dimension and one far cell. Every sheet with
    # such a cell is named, with the cell.
    for sheet, coord in (("Tujuan", "A1048576"), ("Kegiatan", "C60000")):
        patch_sheet(valid_workbook, sheet, set_dimension("A1:XFD1048576"))
        patch_sheet(valid_workbook, sheet, add_rows(text_cell(coord, "x")))
    expected = {("too-many-rows", "'Tujuan'!A1048576"), ("too-many-rows", "'Kegiatan'!C60000")}
    assert keys(read_problems(valid_workbook)) == expected
    assert check_keys(valid_workbook) == expected
    message = read_problems(valid_workbook)[0].message
    assert f"{reader.MAX_ROWS:,}".replace(",", ".") in message


def test_a_filled_cell_far_to_the_right_is_not_read(valid_workbook):
    # Columns past the contract's (and an agency's own beside them) are never read: a stray
    # value or error in column XFD neither costs nor fails.
    patch_sheet(valid_workbook, "Sub Kegiatan", set_dimension("A1:XFD1048576"))
    patch_sheet(valid_workbook, "Sub Kegiatan", lambda xml: re.sub(
        r'(<row r="2".*?)</row>', r'\1<c r="XFD2" t="e"><v>#REF!</v></c></row>', xml,
        count=1, flags=re.S))
    patch_sheet(valid_workbook, "Sub Kegiatan", add_rows(text_cell("XFD1048576", "jauh")))
    assert check_keys(valid_workbook) == set()
    raw = read_workbook(valid_workbook, is_contract_sheet)
    assert raw.sheets["Sub Kegiatan"].max_column == 14
    assert raw.sheets["Sub Kegiatan"].max_row == 3


def test_sheets_outside_the_contract_cost_nothing(valid_workbook):
    # check reads only the contract's sheets: a far cell in Petunjuk is not even looked at.
    patch_sheet(valid_workbook, "Petunjuk", add_rows(text_cell("A1048576", "catatan")))
    assert check_keys(valid_workbook) == set()
    assert keys(read_problems(valid_workbook)) == {("too-many-rows", "'Petunjuk'!A1048576")}


def test_too_many_filled_cells_are_refused_where_the_limit_is_passed(valid_workbook, monkeypatch):
    cells = [(name, cell.coordinate)
             for name, sheet in read_workbook(valid_workbook, is_contract_sheet).sheets.items()
             for cell in sheet.cells.values()]
    limit = len(cells) - 5
    monkeypatch.setattr(reader, "MAX_CELLS", limit)
    sheet, coord = cells[limit]
    assert check_keys(valid_workbook) == {("too-many-cells", f"'{sheet}'!{coord}")}
    message = read_problems(valid_workbook, is_contract_sheet)[0].message
    assert str(limit) in message.replace(".", "")


def _part_sizes(path: Path) -> dict[str, int]:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.getinfo(sheet_part(path, name)).file_size for name in sheet_names(path)}


def test_sheets_whose_xml_is_too_large_are_named_before_reading(valid_workbook, monkeypatch):
    sizes = _part_sizes(valid_workbook)
    contract = {name: size for name, size in sizes.items() if is_contract_sheet(name)}
    limit = sorted(contract.values())[-3]  # the two largest contract sheets are over it
    monkeypatch.setattr(reader, "MAX_SHEET_XML_BYTES", limit)
    expected = {("sheet-too-large", f"'{name}'") for name, size in contract.items()
                if size > limit}
    assert len(expected) == 2
    assert check_keys(valid_workbook) == expected
    # Reading every sheet names the others too (Petunjuk is the largest of all).
    assert keys(read_problems(valid_workbook)) == {
        ("sheet-too-large", f"'{name}'") for name, size in sizes.items() if size > limit}


def test_all_sheets_read_together_too_large(valid_workbook, monkeypatch):
    monkeypatch.setattr(reader, "MAX_XML_BYTES", 20_000)
    assert check_keys(valid_workbook) == {("workbook-too-large", "lkip.xlsx")}


def test_the_limits_are_far_above_a_real_workbook():
    # The sample is a real agency's year; the limits leave room for ten times more.
    raw = read_workbook(SAMPLE, is_contract_sheet)
    assert sum(len(s.cells) for s in raw.sheets.values()) * 10 < reader.MAX_CELLS
    assert max(s.max_row for s in raw.sheets.values()) * 10 < reader.MAX_ROWS
    sizes = _part_sizes(SAMPLE)
    assert max(sizes.values()) * 10 < reader.MAX_SHEET_XML_BYTES
    assert sum(sizes.values()) * 10 < reader.MAX_XML_BYTES


# --- only regular files --------------------------------------------------------------------------

@pytest.mark.skipif(sys.platform == "win32" or not hasattr(os, "mkfifo"), reason="POSIX FIFO")
def test_a_fifo_is_refused_without_waiting(tmp_path):
    # Opening a FIFO for reading waits for a writer: check used to hang forever. A writer thread
    # stands by so that a reader that opens it anyway fails this test instead of hanging it.
    fifo = tmp_path / "lkip.xlsx"
    os.mkfifo(fifo)

    def writer():
        try:
            with open(fifo, "wb") as fh:
                fh.write(b"PK\x03\x04 not a workbook")
        except OSError:
            pass
    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    try:
        assert keys(read_problems(fifo)) == {("not-a-file", "lkip.xlsx")}
        assert check_keys(fifo) == {("not-a-file", "lkip.xlsx")}
    finally:
        # Release the writer if nothing opened the FIFO.
        fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        thread.join(5)
        os.close(fd)
    assert fifo.exists()


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null")
def test_a_device_is_refused():
    assert keys(read_problems(Path("/dev/null"))) == {("not-a-file", "null")}


# --- a workbook under another name ---------------------------------------------------------------

@pytest.mark.parametrize("name", ["lkip.csv", "lkip.ods", "lkip", "lkip.xlsx.xls"])
def test_a_workbook_named_otherwise_is_called_a_workbook(valid_workbook, name):
    path = valid_workbook.rename(valid_workbook.with_name(name))
    problems = read_problems(path)
    assert keys(problems) == {("wrong-extension", name)}
    assert "'lkip.xlsx'" in problems[0].message  # the name to give it
    assert check_keys(path) == {("wrong-extension", name)}


def test_an_upper_case_extension_is_fine(valid_workbook):
    path = valid_workbook.rename(valid_workbook.with_name("LKIP.XLSX"))
    assert check_keys(path) == set()
