"""The reader and the sheet binding on real files: bad files of every kind, formulas, errors, merged
and hidden cells, odd text, and sheets whose columns are missing, doubled, extra or reordered.

Each test compares (code, location) pairs; wording is only checked for a keyword or two."""

from __future__ import annotations

import datetime as dt
import hashlib
import struct
import zipfile
from decimal import Decimal as D
from pathlib import Path

import pytest
from conftest import (
    check_keys,
    damage_sheet_data,
    error_keys,
    keys,
    loc,
    minimal_rows,
    patch_cell_xml,
    profil_row,
    rewrite_zip,
    set_cell,
    sheet_part,
)
from openpyxl import load_workbook

from lkip_docx.api import check_workbook
from lkip_docx.problems import LkipError
from lkip_docx.workbook import reader
from lkip_docx.workbook.reader import OLE_SIGNATURE, read_workbook


def read_problems(path: Path) -> list:
    with pytest.raises(LkipError) as info:
        read_workbook(path)
    return info.value.problems


def file_keys(path: Path) -> set[tuple[str, str]]:
    """The problems of a file that cannot be read, from the reader and from check_workbook."""
    found = keys(read_problems(path))
    result = check_workbook(path)  # never raises
    assert keys(result.problems) == found
    assert not result.ok and result.workbook is None
    return found


def edit(path: Path, change) -> Path:
    """Open a written workbook with openpyxl, let ``change(wb)`` edit it, save it."""
    wb = load_workbook(path)
    change(wb)
    wb.save(path)
    wb.close()
    return path


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- files that are not a readable .xlsx ---------------------------------------------------------

def test_text_file_renamed_xlsx(tmp_path):
    path = tmp_path / "data.xlsx"
    path.write_text("Kode;Uraian\nT1;Tujuan\n", encoding="utf-8")
    assert file_keys(path) == {("not-a-workbook", "data.xlsx")}


def test_csv_with_bom_renamed_xlsx(tmp_path):
    path = tmp_path / "data.xlsx"
    path.write_bytes(b"\xef\xbb\xbfKode,Uraian\n")
    assert file_keys(path) == {("not-a-workbook", "data.xlsx")}


def test_old_xls(tmp_path):
    path = tmp_path / "lama.xlsx"
    path.write_bytes(OLE_SIGNATURE + b"\0" * 4096)
    assert file_keys(path) == {("old-xls", "lama.xlsx")}
    assert ".xls" in read_problems(path)[0].message


def test_password_protected_workbook(tmp_path):
    # Excel saves an encrypted .xlsx as an OLE container with an EncryptedPackage stream, whose
    # name is stored in UTF-16 in the directory sector.
    path = tmp_path / "rahasia.xlsx"
    directory = "EncryptionInfo".encode("utf-16-le") + b"\0" * 50 + \
        "EncryptedPackage".encode("utf-16-le")
    path.write_bytes(OLE_SIGNATURE + b"\0" * 504 + directory + b"\0" * 3000)
    assert file_keys(path) == {("encrypted-workbook", "rahasia.xlsx")}
    assert "kata sandi" in read_problems(path)[0].message


def test_ods_workbook(tmp_path):
    path = tmp_path / "calc.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", "<office:document-content/>")
        zf.writestr("META-INF/manifest.xml", "<manifest/>")
    assert file_keys(path) == {("ods-workbook", "calc.xlsx")}
    assert ".ods" in read_problems(path)[0].message


def test_truncated_xlsx(valid_workbook):
    data = valid_workbook.read_bytes()
    valid_workbook.write_bytes(data[: len(data) // 2])
    assert file_keys(valid_workbook) == {("corrupt-workbook", "lkip.xlsx")}


def test_corrupted_member(valid_workbook):
    # The zip directory is intact but a sheet's compressed bytes are not.
    damage_sheet_data(valid_workbook, "Sub Kegiatan")
    assert file_keys(valid_workbook) == {("corrupt-workbook", "lkip.xlsx")}


def test_word_document_renamed(tmp_path):
    import docx

    path = tmp_path / "laporan.xlsx"
    docx.Document().save(path)
    assert file_keys(path) == {("not-a-workbook", "laporan.xlsx")}
    assert "Word" in read_problems(path)[0].message


def test_plain_zip(tmp_path):
    path = tmp_path / "arsip.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("isi.txt", "bukan workbook")
    assert file_keys(path) == {("not-a-workbook", "arsip.xlsx")}


def test_empty_file(tmp_path):
    path = tmp_path / "kosong.xlsx"
    path.write_bytes(b"")
    assert file_keys(path) == {("empty-file", "kosong.xlsx")}


def test_missing_file(tmp_path):
    assert file_keys(tmp_path / "tidak-ada.xlsx") == {("file-not-found", "tidak-ada.xlsx")}


def test_directory(tmp_path):
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    assert file_keys(folder) == {("not-a-file", "folder.xlsx")}


def test_file_too_large(valid_workbook, monkeypatch):
    monkeypatch.setattr(reader, "MAX_FILE_BYTES", 1000)
    assert file_keys(valid_workbook) == {("file-too-large", "lkip.xlsx")}


# --- XML and zip attacks -------------------------------------------------------------------------

BILLION_LAUGHS = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE worksheet [\n'
                  '<!ENTITY lol "lol">\n'
                  '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
                  '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n'
                  ']>\n')


def _inject(path: Path, part: str, doctype: str, old: str, new: str) -> None:
    with zipfile.ZipFile(path) as zf:
        xml = zf.read(part).decode("utf-8")
    xml = xml.split("?>", 1)[1] if xml.startswith("<?xml") else xml
    assert old in xml
    rewrite_zip(path, {part: (doctype + xml.replace(old, new, 1)).encode("utf-8")})


def test_entity_expansion_in_sheet_xml(valid_workbook):
    _inject(valid_workbook, sheet_part(valid_workbook, "Tujuan"), BILLION_LAUGHS,
            "<t>T1</t>", "<t>&lol3;</t>")
    assert file_keys(valid_workbook) == {("unsafe-xml", "lkip.xlsx")}
    assert "entitas" in read_problems(valid_workbook)[0].message


def test_external_entity_in_sheet_xml(valid_workbook):
    doctype = ('<?xml version="1.0"?>\n<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM '
               '"file:///etc/passwd">]>\n')
    _inject(valid_workbook, sheet_part(valid_workbook, "Tujuan"), doctype,
            "<t>T1</t>", "<t>&xxe;</t>")
    assert file_keys(valid_workbook) == {("unsafe-xml", "lkip.xlsx")}


def test_entity_in_workbook_xml(valid_workbook):
    _inject(valid_workbook, "xl/workbook.xml", BILLION_LAUGHS.replace("worksheet", "workbook"),
            'name="Tujuan"', 'name="&lol3;"')
    assert file_keys(valid_workbook) == {("unsafe-xml", "lkip.xlsx")}


def test_zip_bomb_member_ratio(valid_workbook):
    # 5 MB of zeros compresses to about 5 KB: a ratio no real workbook part has.
    rewrite_zip(valid_workbook, {"xl/media/image1.png": b"\0" * (5 * 1024 * 1024)})
    assert valid_workbook.stat().st_size < 100_000
    assert file_keys(valid_workbook) == {("workbook-too-large", "lkip.xlsx")}


def test_zip_bomb_claimed_size(valid_workbook):
    # A member that claims to unpack to almost 4 GB is refused from the directory alone.
    data = bytearray(valid_workbook.read_bytes())
    pos = data.find(b"PK\x01\x02")
    assert pos > 0
    struct.pack_into("<I", data, pos + 24, 0xF0000000)  # central directory: uncompressed size
    valid_workbook.write_bytes(bytes(data))
    assert file_keys(valid_workbook) == {("workbook-too-large", "lkip.xlsx")}


def test_member_holding_more_than_it_claims(valid_workbook):
    # The directory says a sheet is small; inflating it yields more. zipfile stops at the claimed
    # size and the CRC no longer matches: a corrupt file, never an unbounded read.
    part = sheet_part(valid_workbook, "Tujuan")
    data = bytearray(valid_workbook.read_bytes())
    pos = 0
    while True:
        pos = data.find(b"PK\x01\x02", pos)
        assert pos > 0
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46:pos + 46 + name_len].decode() == part:
            break
        pos += 4
    size = struct.unpack_from("<I", data, pos + 24)[0]
    struct.pack_into("<I", data, pos + 24, size // 2)
    valid_workbook.write_bytes(bytes(data))
    assert file_keys(valid_workbook) == {("corrupt-workbook", "lkip.xlsx")}


def test_zip_bomb_in_the_mimetype_member(valid_workbook):
    # The .ods sniffing looks into "mimetype" before the size checks run: it must read only the
    # first bytes, never inflate the whole member.
    import tracemalloc

    rewrite_zip(valid_workbook, {}, add_first={"mimetype": b"\0" * (20 * 1024 * 1024)})
    tracemalloc.start()
    try:
        problems = read_problems(valid_workbook)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert keys(problems) == {("workbook-too-large", "lkip.xlsx")}
    assert peak < 5 * 1024 * 1024


def test_total_unzipped_size_limit(valid_workbook, monkeypatch):
    monkeypatch.setattr(reader, "MAX_UNZIPPED_BYTES", 10_000)
    assert file_keys(valid_workbook) == {("workbook-too-large", "lkip.xlsx")}


def test_too_many_members(valid_workbook, monkeypatch):
    monkeypatch.setattr(reader, "MAX_MEMBERS", 5)
    assert file_keys(valid_workbook) == {("workbook-too-large", "lkip.xlsx")}


# Sheets too large, far cells, stale dimensions and the other size limits: test_reader_limits.py.


def test_real_workbooks_pass_the_zip_checks(tmp_path):
    # The limits must not refuse what ``lkip init`` itself writes (drop-downs 500 rows deep).
    from lkip_docx.workbook.writer import write_workbook

    path = tmp_path / "blank.xlsx"
    write_workbook(path)
    read_workbook(path)


# --- formulas and Excel errors -------------------------------------------------------------------

def test_formula_without_cached_value(valid_workbook):
    # openpyxl saves formulas without a result, as every program that does not calculate does.
    set_cell(valid_workbook, "Target IKU", "D2", "=4.41*1")
    assert check_keys(valid_workbook) == {("uncalculated-formula", "'Target IKU'!D2")}


def test_formula_with_cached_value(valid_workbook):
    set_cell(valid_workbook, "Target IKU", "D2", "=4.41*1")
    patch_cell_xml(valid_workbook, "Target IKU", "D2", "<f>4.41*1</f><v>4.41</v>")
    result = check_workbook(valid_workbook)
    assert keys(result.problems) == set()
    assert result.workbook.target_iku[0].realisasi == D("4.41")


def test_formula_with_cached_text_and_empty_result(valid_workbook):
    set_cell(valid_workbook, "Tujuan", "B2", "=1")
    set_cell(valid_workbook, "Target IKU", "E2", "=1")
    patch_cell_xml(valid_workbook, "Tujuan", "B2",
                   '<f>"Meningkatkan "&amp;"Layanan"</f><v>Meningkatkan Layanan</v>', t="str")
    # =IF(...;"";...) evaluated to the empty string: a blank optional cell, not an error
    patch_cell_xml(valid_workbook, "Target IKU", "E2", '<f>IF(1,"","x")</f><v></v>', t="str")
    result = check_workbook(valid_workbook)
    assert keys(result.problems) == set()
    assert result.workbook.tujuan[0].uraian == "Meningkatkan Layanan"
    assert result.workbook.target_iku[0].keterangan is None


def test_formula_evaluating_to_empty_in_required_cell(valid_workbook):
    set_cell(valid_workbook, "Tujuan", "B2", "=1")
    patch_cell_xml(valid_workbook, "Tujuan", "B2", '<f>IF(1,"","x")</f><v></v>', t="str")
    assert check_keys(valid_workbook) == {("required-empty", "'Tujuan'!B2")}


def test_cached_date_in_a_1904_workbook(valid_workbook):
    # Old Mac workbooks count days from 1904; openpyxl converts plain cells with that epoch,
    # and cached formula results must be converted the same way.
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    row = profil_row("tanggal")

    def mac(wb):
        wb.epoch = CALENDAR_MAC_1904
        wb["Profil"][f"B{row}"] = "=DATE(2025,1,16)"
    edit(valid_workbook, mac)
    # 16 January 2025 is day 45673 in the 1900 system, 1462 days fewer in the 1904 one
    patch_cell_xml(valid_workbook, "Profil", f"B{row}",
                   f"<f>DATE(2025,1,16)</f><v>{45673 - 1462}</v>")
    result = check_workbook(valid_workbook)
    assert keys(result.problems) == set()
    assert result.workbook.profil.tanggal == dt.date(2025, 1, 16)


@pytest.mark.parametrize("value", [1e300, -1e300, "1" + "0" * 400, 1e-300])
def test_absurd_numbers_are_figures_not_crashes(valid_workbook, value):
    set_cell(valid_workbook, "Target IKU", "D2", value)
    result = check_workbook(valid_workbook)  # never raises
    assert result.workbook.target_iku[0].realisasi is not None


@pytest.mark.parametrize("error", ["#DIV/0!", "#REF!", "#VALUE!", "#N/A", "#NAME?"])
def test_excel_error_cell(valid_workbook, error):
    set_cell(valid_workbook, "Target IKU", "D2", error)
    assert check_keys(valid_workbook) == {("excel-error", "'Target IKU'!D2")}
    msg = next(p.message for p in check_workbook(valid_workbook).problems)
    assert error in msg


def test_formula_with_cached_error(valid_workbook):
    set_cell(valid_workbook, "Sub Kegiatan", "F2", "=1/0")
    patch_cell_xml(valid_workbook, "Sub Kegiatan", "F2", "<f>1/0</f><v>#DIV/0!</v>", t="e")
    assert check_keys(valid_workbook) == {("excel-error", "'Sub Kegiatan'!F2")}


# --- merged, hidden ------------------------------------------------------------------------------

def test_merged_cells_in_data_area(valid_workbook):
    # Merging C2:C3 keeps C2's value and empties C3; both are reported.
    edit(valid_workbook, lambda wb: wb["Sub Kegiatan"].merge_cells("C2:C3"))
    assert error_keys(check_workbook(valid_workbook).problems) == {
        ("merged-cells", "'Sub Kegiatan'!C2:C3"),
        ("required-empty", "'Sub Kegiatan'!C3"),
    }


def test_merged_cells_outside_the_data_columns_are_ignored(valid_workbook):
    edit(valid_workbook, lambda wb: wb["Tujuan"].merge_cells("D2:E5"))
    assert check_keys(valid_workbook) == set()


def test_hidden_row_with_data_is_read_with_a_warning(valid_workbook):
    def hide(wb):
        ws = wb["Target IKU"]
        ws.row_dimensions[3].hidden = True
        ws.row_dimensions[30].hidden = True  # hidden and empty: nothing to say
    edit(valid_workbook, hide)
    result = check_workbook(valid_workbook)
    assert keys(result.problems) == {("hidden-row", "'Target IKU'!3:3")}
    assert result.ok
    assert [t.tahun for t in result.workbook.target_iku] == [2024, 2025, 2026]


def test_hidden_sheet_is_read_with_a_warning(valid_workbook):
    def hide(wb):
        wb["Tujuan"].sheet_state = "hidden"
        wb["Prestasi"].sheet_state = "veryHidden"
    edit(valid_workbook, hide)
    result = check_workbook(valid_workbook)
    assert keys(result.problems) == {("hidden-sheet", "'Tujuan'"), ("hidden-sheet", "'Prestasi'")}
    assert result.ok
    assert result.workbook.tujuan[0].kode == "T1"


# --- text is read back exactly -------------------------------------------------------------------

TRICKY = ("PT A & B <Cipta> \"Data\" 'Kota' {{ nama }} {% if x %}{%p endif %} {# c #} "
          "💯🇮🇩 数据中心 עברית عربي ‏‮x‬ – “kutip” ½ é")


def test_tricky_text_is_read_back_exactly(make_workbook):
    path = make_workbook(
        tujuan=[{"kode": "T1", "uraian": TRICKY}],
        profil={"nama_instansi": "Dinas <Kominfo> & {{ Statistik }} 数据"})
    result = check_workbook(path)
    assert keys(result.problems) == set()
    assert result.workbook.tujuan[0].uraian == TRICKY
    assert result.workbook.profil.nama_instansi == "Dinas <Kominfo> & {{ Statistik }} 数据"


def test_very_long_text_is_read_back_exactly(make_workbook):
    long_text = ("Meningkatnya kualitas layanan publik & tata kelola SPBE; " * 500)[:30_000].strip()
    path = make_workbook(tujuan=[{"kode": "T1", "uraian": long_text}])
    result = check_workbook(path)
    # read whole; the only remark is that the report has no good place for that much text
    assert keys(result.problems) == {("text-long-for-report", "'Tujuan'!B2")}
    assert result.workbook.tujuan[0].uraian == long_text


def test_text_longer_than_excel_allows(valid_workbook):
    # openpyxl truncates on write; another program may not.
    patch_cell_xml(valid_workbook, "Tujuan", "B2", f"<is><t>{'x' * 40_000}</t></is>", t="inlineStr")
    assert check_keys(valid_workbook) == {("text-too-long", "'Tujuan'!B2")}


def test_multiline_text_keeps_line_breaks(make_workbook):
    path = make_workbook(iku=[dict(_iku(), alasan="Dasar pertama\r\nDasar kedua\nDasar ketiga")])
    result = check_workbook(path)
    assert result.workbook.iku[0].alasan == "Dasar pertama\nDasar kedua\nDasar ketiga"


def test_escaped_control_characters_are_unescaped_and_cleaned(valid_workbook):
    # Excel writes a carriage return as _x000D_ and a bell as _x0007_; neither must reach Word.
    patch_cell_xml(valid_workbook, "Tujuan", "B2",
                   "<is><t>Meningkatkan_x000D_\nLayanan_x0007_ Publik</t></is>", t="inlineStr")
    result = check_workbook(valid_workbook)
    assert keys(result.problems) == set()
    assert result.workbook.tujuan[0].uraian == "Meningkatkan\nLayanan Publik"


def _iku():
    return minimal_rows()["iku"][0]


# --- sheets and columns --------------------------------------------------------------------------

def test_missing_required_column(valid_workbook):
    # Sub Kegiatan column F is Realisasi.
    edit(valid_workbook, lambda wb: wb["Sub Kegiatan"].delete_cols(6))
    result = check_workbook(valid_workbook)
    assert ("missing-column", "'Sub Kegiatan'!1:1") in error_keys(result.problems)
    problem = next(p for p in result.problems if p.code == "missing-column")
    # says which column to add and where
    assert "'Realisasi'" in problem.message
    assert "setelah kolom 'Pagu Perubahan'" in problem.message
    assert "tambahkan" in problem.message


def test_missing_first_column(valid_workbook):
    edit(valid_workbook, lambda wb: wb["Tujuan"].delete_cols(1))
    result = check_workbook(valid_workbook)
    assert ("missing-column", "'Tujuan'!1:1") in error_keys(result.problems)
    problem = next(p for p in result.problems if p.code == "missing-column")
    assert "'Kode Tujuan'" in problem.message and "kolom pertama" in problem.message


def test_missing_optional_column_is_fine(valid_workbook):
    # Sub Kegiatan column K is Kata Kerja Output (optional, empty in the minimal workbook).
    edit(valid_workbook, lambda wb: wb["Sub Kegiatan"].delete_cols(11))
    assert check_keys(valid_workbook) == set()


def test_missing_sheet(valid_workbook):
    edit(valid_workbook, lambda wb: wb.remove(wb["Kegiatan"]))
    result = check_workbook(valid_workbook)
    assert error_keys(result.problems) == {
        ("missing-sheet", "lkip.xlsx"),
        ("unknown-reference", loc("sub_kegiatan", "kode_kegiatan", 2)),
        ("unknown-reference", loc("sub_kegiatan", "kode_kegiatan", 3)),
    }
    problem = next(p for p in result.problems if p.code == "missing-sheet")
    assert "'Kegiatan'" in problem.message


def test_missing_optional_sheet_is_fine(valid_workbook):
    def drop(wb):
        for name in ("Pegawai", "Prestasi", "Narasi", "Peringkat AKIP", "Evaluasi AKIP"):
            wb.remove(wb[name])
    edit(valid_workbook, drop)
    assert check_keys(valid_workbook) == set()


def test_duplicate_column(valid_workbook):
    def dup(wb):
        ws = wb["Tujuan"]
        ws["C1"] = "tujuan"  # same header, other case
        ws["C2"] = "Teks lain"
    edit(valid_workbook, dup)
    assert check_keys(valid_workbook) == {("duplicate-column", "'Tujuan'!C1")}
    # the first column wins
    assert check_workbook(valid_workbook).workbook.tujuan[0].uraian.startswith("Meningkatkan")


def test_extra_columns_and_sheets_are_ignored(valid_workbook):
    def extra(wb):
        ws = wb["Sub Kegiatan"]
        col = ws.max_column + 1
        ws.cell(row=1, column=col, value="Catatan Internal")
        ws.cell(row=2, column=col, value="=1/0")  # not read: not a contract column
        ws.cell(row=3, column=col, value="#REF!")
        ws.cell(row=9, column=col, value="baris catatan saja")  # a row with only extra cells
        notes = wb.create_sheet("Catatan Bappeda")
        notes["A1"] = "apa saja"
        notes["B7"] = "#DIV/0!"
    edit(valid_workbook, extra)
    result = check_workbook(valid_workbook)
    assert keys(result.problems) == set()
    assert len(result.workbook.sub_kegiatan) == 2


def _reorder(ws, order: list[int]) -> None:
    """Rewrite a sheet's columns in ``order`` (1-based source column indexes)."""
    grid = [[(ws.cell(row=r, column=col).value, ws.cell(row=r, column=col).number_format)
             for col in order] for r in range(1, ws.max_row + 1)]
    ws.delete_cols(1, ws.max_column)
    for r, row in enumerate(grid, start=1):
        for col, (value, number_format) in enumerate(row, start=1):
            cell = ws.cell(row=r, column=col, value=value)
            cell.number_format = number_format


def test_columns_in_another_order_are_found_by_header(valid_workbook):
    def shuffle(wb):
        ws = wb["Sub Kegiatan"]
        _reorder(ws, list(range(ws.max_column, 0, -1)))  # reversed
    edit(valid_workbook, shuffle)
    result = check_workbook(valid_workbook)
    assert keys(result.problems) == set()
    sub = result.workbook.sub_kegiatan[0]
    assert (sub.kode, sub.pagu_murni, sub.realisasi) == ("2.16.02.1.01.0001", D(100_000_000),
                                                         D(85_000_000))
    # locations follow the actual columns: Target Output (column G written) is now column H
    set_cell(valid_workbook, "Sub Kegiatan", "H2", 0)
    assert ("target-zero", "'Sub Kegiatan'!H2") in check_keys(valid_workbook)


def test_header_below_title_rows(valid_workbook):
    def titles(wb):
        ws = wb["Tujuan"]
        ws.insert_rows(1, 2)
        ws["A1"] = "TUJUAN RENSTRA 2024-2026"
    edit(valid_workbook, titles)
    result = check_workbook(valid_workbook)
    assert keys(result.problems) == set()
    assert result.workbook.tujuan[0].src.at("kode").cell == "A4"
    set_cell(valid_workbook, "Tujuan", "B4", None)
    assert check_keys(valid_workbook) == {("required-empty", "'Tujuan'!B4")}


def test_sheet_and_header_names_are_matched_loosely(valid_workbook):
    def rename(wb):
        wb["Sub Kegiatan"].title = "SUB_KEGIATAN"
        wb["Tujuan"]["A1"] = "  kode  TUJUAN "
    edit(valid_workbook, rename)
    assert check_keys(valid_workbook) == set()
    set_cell(valid_workbook, "SUB_KEGIATAN", "G2", 0)
    assert check_keys(valid_workbook) == {("target-zero", "'SUB_KEGIATAN'!G2")}


def test_header_alias(make_workbook):
    path = make_workbook(pegawai=[{"kelompok": "ASN", "jenis": "Pejabat Struktural", "s1": 3}])
    set_cell(path, "Pegawai", "E1", "S1")  # older layouts call S1/D4 just S1
    result = check_workbook(path)
    assert keys(result.problems) == set()
    assert result.workbook.pegawai[0].s1 == 3


def test_sheet_with_no_header_at_all(valid_workbook):
    def wipe(wb):
        ws = wb["Kegiatan"]
        for row in ws.iter_rows():
            for cell in row:
                cell.value = None
        ws["A1"] = "data lama"
    edit(valid_workbook, wipe)
    found = error_keys(check_workbook(valid_workbook).problems)
    assert {("missing-column", "'Kegiatan'!1:1"), ("empty-sheet", "'Kegiatan'!A2")} <= found


# --- the reader never changes the file -----------------------------------------------------------

def test_reading_leaves_the_file_unchanged(valid_workbook):
    before = sha(valid_workbook)
    mtime = valid_workbook.stat().st_mtime_ns
    read_workbook(valid_workbook)
    check_workbook(valid_workbook)
    assert sha(valid_workbook) == before
    assert valid_workbook.stat().st_mtime_ns == mtime


def test_raw_cells_leave_no_openpyxl_objects(valid_workbook):
    raw = read_workbook(valid_workbook)
    allowed = (str, int, float, bool, type(None))
    for sheet in raw.sheets.values():
        for cell in sheet.cells.values():
            assert isinstance(cell.value, allowed + (dt.date, dt.time, dt.timedelta)), cell
    assert set(raw.sheets) >= {"Petunjuk", "Profil", "Sub Kegiatan"}
