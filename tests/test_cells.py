"""Every column kind of cells.coerce, through real cells of a written .xlsx read by the real reader,
plus RawCell cases a spreadsheet program cannot easily produce."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from conftest import patch_cell_xml
from openpyxl import Workbook

from lkip_docx.workbook import contract as c
from lkip_docx.workbook.cells import MAX_TEXT, CellError, clean_text, coerce
from lkip_docx.workbook.reader import RawCell, read_workbook

SHEET = "Uji"

#: name -> (value written by openpyxl, number format or None, cell XML patched in afterwards)
CELLS: dict[str, tuple[object, str | None, tuple[str, str | None] | None]] = {
    # text
    "text_padded": ("  Dinas Kominfo  ", None, None),
    "text_nfd": ("Cafe\u0301 Pe\u0301rencanaan", None, None),
    "text_crlf": ("baris satu\r\nbaris dua\rbaris tiga", None, None),
    # openpyxl refuses control characters; Excel stores them escaped, as patched in here
    "text_control": ("x", None, ("<is><t>A_x0007_B_x000C_C_x000B_D_x000D__x000A_E\t F</t></is>",
                                 "inlineStr")),
    "text_escaped_underscore": ("x", None, ("<is><t>kode_x005F_x0041_</t></is>", "inlineStr")),
    "text_markup": ("PT A & B <C> \"D\" 'E' {{ nama }} {% if x %} {%p endif %}", None, None),
    "text_world": ("Capaian 💯 数据 عربي ✓ – — “kutip”", None, None),
    "text_blank": ("   ", None, None),
    "text_from_float": (98.5, None, None),
    "text_from_percent": (0.985, "0.0%", None),
    "text_from_date": (dt.datetime(2025, 1, 16), "d mmmm yyyy", None),
    "text_from_bool": (True, None, None),
    "text_from_int": (12, None, None),
    # code
    "code_text": ("2.16.02.1.02.0001", "@", None),
    "code_nip": ("19770126 199703 1 003", "@", None),
    "code_int": (2024, None, None),
    "code_float": (2.16, None, None),
    "code_date": (dt.datetime(2024, 2, 16), "dd/mm/yyyy", None),
    "code_bool": (False, None, None),
    # numbers
    "num_int": (7, None, None),
    "num_float": (4.41, None, None),
    "num_tenth": (0.1, None, None),
    "num_text": ("4,41", None, None),
    "num_text_grouped": ("1.234.567,89", None, None),
    "num_text_negative": ("-12,5", None, None),
    "num_percent_format": (0.9832, "0.00%", None),
    "num_percent_format_whole": (1, "0%", None),
    "num_percent_literal": (98.32, '0.00"%"', None),
    "num_percent_escaped": (98.32, "0.00\\%", None),
    "num_percent_typed": ("98,32%", None, None),
    "num_plain_percent_value": (98.32, "0.00", None),
    "num_date": (dt.datetime(2024, 12, 31), "d mmmm yyyy", None),
    "num_time": (dt.time(10, 30), "h:mm", None),
    "num_word": ("empat", None, None),
    "num_ambiguous": ("4.09", None, None),
    "num_english": ("1,234.5", None, None),
    "num_bool": (True, None, None),
    # money
    "money_number": (1403610650, "#,##0", None),
    "money_text": ("Rp.249.000.000.-", None, None),
    "money_negative": (-5000, "#,##0", None),
    "money_negative_text": ("-Rp5.000", None, None),
    "money_percent": (0.5, "0%", None),
    # int and year
    "int_text": ("12", None, None),
    "int_float_whole": (12.0, None, None),
    "int_fraction": (1.5, None, None),
    "int_negative": (-1, None, None),
    "year_int": (2024, "0", None),
    "year_text": ("2024", "@", None),
    "year_fraction": (2024.5, None, None),
    "year_small": (1800, None, None),
    "year_date": (dt.datetime(2024, 1, 1), "yyyy", None),
    "year_word": ("dua ribu", None, None),
    # dates
    "date_cell": (dt.datetime(2025, 1, 16), "d mmmm yyyy", None),
    "date_text_id": ("16 Januari 2025", None, None),
    "date_text_short": ("16 Agu 2025", None, None),
    "date_text_slash": ("16/01/2025", None, None),
    "date_text_iso": ("2025-01-16", None, None),
    "date_number": (45673, None, None),
    "date_float": (45673.5, None, None),
    "date_impossible": ("31 Februari 2025", None, None),
    "date_word": ("kemarin", None, None),
    "date_english_month": ("16 January 2025", None, None),
    # bool
    "bool_ya": ("Ya", None, None),
    "bool_tidak": ("tidak", None, None),
    "bool_true": (True, None, None),
    "bool_one": (1, None, None),
    "bool_maybe": ("mungkin", None, None),
    # choice
    "choice_lower": ("naik: r/t x 100", None, None),
    "choice_spaces": ("  Turun:(2T-R)/T   x 100 ", None, None),
    "choice_kelompok": ("blpu", None, None),
    "choice_unknown": ("Lainnya", None, None),
    # period
    "period_text": ("2024-2026", "@", None),
    "period_dash": ("2024 \u2013 2026", None, None),
    "period_slash": ("2024/2026", None, None),
    "period_reversed": ("2026-2024", None, None),
    "period_single": ("2024", None, None),
    "period_number": (2024, None, None),
    # Excel errors and formulas
    "error_div0": ("#DIV/0!", None, None),
    "error_ref": ("#REF!", None, None),
    "error_na": ("#N/A", None, None),
    "formula_uncached": ("=1/0", None, None),
    "formula_uncached_sum": ("=SUM(A1:A3)", None, None),
    "formula_cached_number": ("x", None, ("<f>4.41*1</f><v>4.41</v>", None)),
    "formula_cached_percent": ("x", "0.00%", ("<f>0.9832*1</f><v>0.9832</v>", None)),
    "formula_cached_date": ("x", "d mmmm yyyy", ("<f>DATE(2025,1,16)</f><v>45673</v>", None)),
    "formula_cached_text": ("x", None,
                            ('<f>"Dinas"&amp;" Kominfo"</f><v>Dinas Kominfo</v>', "str")),
    "formula_cached_empty": ("x", None, ('<f>IF(1,"","")</f><v></v>', "str")),
    "formula_cached_bool": ("x", None, ("<f>TRUE()</f><v>1</v>", "b")),
    "formula_cached_error": ("x", None, ("<f>1/0</f><v>#DIV/0!</v>", "e")),
    "formula_cached_escape": ("x", None, ('<f>"a"</f><v>a_x000D__x000A_b</v>', "str")),
}

NAMES = list(CELLS)


def coord(name: str) -> str:
    return f"A{NAMES.index(name) + 1}"


@pytest.fixture(scope="module")
def raw(tmp_path_factory):
    """name -> RawCell, all read from one real workbook."""
    path = tmp_path_factory.mktemp("cells") / "cells.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    for name, (value, number_format, _patch) in CELLS.items():
        cell = ws[coord(name)]
        cell.value = value
        if number_format:
            cell.number_format = number_format
    wb.save(path)
    for name, (_value, _fmt, patch) in CELLS.items():
        if patch:
            patch_cell_xml(path, SHEET, coord(name), patch[0], t=patch[1])
    sheet = read_workbook(path).sheets[SHEET]
    by_coord = {cell.coordinate: cell for cell in sheet.cells.values()}
    return {name: by_coord.get(coord(name)) for name in NAMES}


def value_of(raw, name: str, kind: str, choices: tuple[str, ...] = ()):
    return coerce(raw[name], kind, "Kolom Uji", choices)


def code_of(raw, name: str, kind: str, choices: tuple[str, ...] = ()) -> str:
    with pytest.raises(CellError) as info:
        coerce(raw[name], kind, "Kolom Uji", choices)
    assert "Kolom Uji" in info.value.message  # the message names the column
    return info.value.code


KELOMPOK = tuple(c.KELOMPOK_BELANJA)


@pytest.mark.parametrize("name, kind, expected", [
    ("text_padded", c.TEXT, "Dinas Kominfo"),
    ("text_nfd", c.TEXT, "Caf\u00e9 P\u00e9rencanaan"),
    ("text_crlf", c.TEXT, "baris satu\nbaris dua\nbaris tiga"),
    # \a and \f dropped, \x0b (Word's line break) becomes a line break, tabs kept
    ("text_control", c.TEXT, "ABC\nD\nE\t F"),
    ("text_escaped_underscore", c.TEXT, "kode_x0041_"),
    ("text_markup", c.TEXT, "PT A & B <C> \"D\" 'E' {{ nama }} {% if x %} {%p endif %}"),
    ("text_world", c.TEXT, "Capaian 💯 数据 عربي ✓ – — “kutip”"),
    ("text_blank", c.TEXT, None),
    ("text_from_float", c.TEXT, "98,5"),
    ("text_from_percent", c.TEXT, "98,5%"),
    ("text_from_date", c.TEXT, "16 Januari 2025"),
    ("text_from_bool", c.TEXT, "Ya"),
    ("text_from_int", c.TEXT, "12"),
    ("code_text", c.CODE, "2.16.02.1.02.0001"),
    ("code_nip", c.CODE, "19770126 199703 1 003"),
    ("code_int", c.CODE, "2024"),
    ("num_int", c.DECIMAL, D(7)),
    ("num_float", c.DECIMAL, D("4.41")),
    ("num_tenth", c.DECIMAL, D("0.1")),
    ("num_text", c.DECIMAL, D("4.41")),
    ("num_text_grouped", c.DECIMAL, D("1234567.89")),
    ("num_text_negative", c.DECIMAL, D("-12.5")),
    ("num_percent_format", c.PERCENT, D("98.32")),  # 0.9832 shown as 98,32%
    ("num_percent_format", c.DECIMAL, D("98.32")),
    ("num_percent_format_whole", c.PERCENT, D(100)),
    ("num_percent_literal", c.PERCENT, D("98.32")),  # "%" in quotes is text, not the style
    ("num_percent_escaped", c.PERCENT, D("98.32")),
    ("num_percent_typed", c.PERCENT, D("98.32")),
    ("num_plain_percent_value", c.PERCENT, D("98.32")),
    ("money_number", c.MONEY, D(1403610650)),
    ("money_text", c.MONEY, D(249000000)),
    ("num_int", c.INT, 7),
    ("int_text", c.INT, 12),
    ("int_float_whole", c.INT, 12),
    ("year_int", c.YEAR, 2024),
    ("year_text", c.YEAR, 2024),
    ("date_cell", c.DATE, dt.date(2025, 1, 16)),
    ("date_text_id", c.DATE, dt.date(2025, 1, 16)),
    ("date_text_short", c.DATE, dt.date(2025, 8, 16)),
    ("date_text_slash", c.DATE, dt.date(2025, 1, 16)),
    ("date_text_iso", c.DATE, dt.date(2025, 1, 16)),
    ("bool_ya", c.BOOL, True),
    ("bool_tidak", c.BOOL, False),
    ("bool_true", c.BOOL, True),
    ("bool_one", c.BOOL, True),
    ("choice_lower", c.CHOICE, c.METODE_NAIK),
    ("choice_spaces", c.CHOICE, c.METODE_TURUN_SELISIH),
    ("period_text", c.PERIOD, (2024, 2026)),
    ("period_dash", c.PERIOD, (2024, 2026)),
    ("period_slash", c.PERIOD, (2024, 2026)),
    ("formula_cached_number", c.DECIMAL, D("4.41")),
    ("formula_cached_percent", c.PERCENT, D("98.32")),
    ("formula_cached_date", c.DATE, dt.date(2025, 1, 16)),
    ("formula_cached_text", c.TEXT, "Dinas Kominfo"),
    ("formula_cached_empty", c.DECIMAL, None),  # calculated to "": blank, not uncalculated
    ("formula_cached_empty", c.TEXT, None),
    ("formula_cached_bool", c.BOOL, True),
    ("formula_cached_escape", c.TEXT, "a\nb"),
])
def test_coerce_value(raw, name, kind, expected):
    choices = (KELOMPOK if name == "choice_kelompok" else c.METODE_CHOICES) \
        if kind == c.CHOICE else ()
    value = value_of(raw, name, kind, choices)
    assert value == expected
    assert type(value) is type(expected)


def test_choice_returns_the_canonical_spelling(raw):
    assert value_of(raw, "choice_kelompok", c.CHOICE, KELOMPOK) == "BLPU"


@pytest.mark.parametrize("name, kind, code", [
    ("code_float", c.CODE, "code-not-text"),
    ("code_date", c.CODE, "code-not-text"),
    ("code_bool", c.CODE, "code-not-text"),
    ("num_date", c.DECIMAL, "date-not-number"),
    ("num_date", c.PERCENT, "date-not-number"),
    ("num_date", c.MONEY, "date-not-number"),
    ("num_time", c.DECIMAL, "date-not-number"),
    ("num_word", c.DECIMAL, "not-a-number"),
    ("num_ambiguous", c.DECIMAL, "not-a-number"),
    ("num_english", c.MONEY, "not-a-number"),
    ("num_bool", c.DECIMAL, "not-a-number"),
    ("money_negative", c.MONEY, "negative-money"),
    ("money_negative_text", c.MONEY, "negative-money"),
    ("money_percent", c.MONEY, "not-money"),
    ("num_percent_typed", c.MONEY, "not-money"),
    ("int_fraction", c.INT, "not-an-integer"),
    ("int_negative", c.INT, "negative-number"),
    ("year_fraction", c.YEAR, "not-a-year"),
    ("year_small", c.YEAR, "not-a-year"),
    ("year_date", c.YEAR, "not-a-year"),
    ("year_word", c.YEAR, "not-a-year"),
    ("date_number", c.DATE, "not-a-date"),
    ("date_float", c.DATE, "not-a-date"),
    ("num_int", c.DATE, "not-a-date"),
    ("date_impossible", c.DATE, "not-a-date"),
    ("date_word", c.DATE, "not-a-date"),
    ("date_english_month", c.DATE, "not-a-date"),
    ("bool_maybe", c.BOOL, "invalid-choice"),
    ("choice_unknown", c.CHOICE, "invalid-choice"),
    ("period_reversed", c.PERIOD, "invalid-period"),
    ("period_single", c.PERIOD, "invalid-period"),
    ("period_number", c.PERIOD, "invalid-period"),
    ("error_div0", c.DECIMAL, "excel-error"),
    ("error_ref", c.TEXT, "excel-error"),
    ("error_na", c.CODE, "excel-error"),
    ("formula_uncached", c.DECIMAL, "uncalculated-formula"),
    ("formula_uncached_sum", c.TEXT, "uncalculated-formula"),
    ("formula_cached_error", c.DECIMAL, "excel-error"),
])
def test_coerce_error(raw, name, kind, code):
    choices = c.METODE_CHOICES if kind == c.CHOICE else ()
    assert code_of(raw, name, kind, choices) == code


@pytest.mark.parametrize("name, error", [
    ("error_div0", "#DIV/0!"), ("error_ref", "#REF!"), ("error_na", "#N/A"),
    ("formula_cached_error", "#DIV/0!"),
])
def test_excel_errors_are_read_as_errors(raw, name, error):
    assert raw[name].excel_error == error
    assert raw[name].value is None
    with pytest.raises(CellError) as info:
        coerce(raw[name], c.DECIMAL, "Target")
    assert error in info.value.message


def test_formula_cells_are_marked(raw):
    assert raw["formula_uncached"].formula and raw["formula_uncached"].uncached
    assert raw["formula_cached_number"].formula and not raw["formula_cached_number"].uncached
    assert raw["formula_cached_empty"].formula and not raw["formula_cached_empty"].uncached
    assert raw["formula_cached_empty"].value == ""
    assert not raw["num_float"].formula


def test_uncalculated_formula_message_says_what_to_do(raw):
    with pytest.raises(CellError) as info:
        coerce(raw["formula_uncached"], c.DECIMAL, "Realisasi")
    assert "simpan ulang" in info.value.message


def test_numbers_keep_their_format(raw):
    assert raw["num_percent_format"].number_format == "0.00%"
    assert raw["num_percent_format"].value == pytest.approx(0.9832)


# --- direct RawCell cases ------------------------------------------------------------------------

def cell(value, number_format="General", **kw) -> RawCell:
    return RawCell(value, "B7", number_format, **kw)


@pytest.mark.parametrize("kind", sorted(c.KIND_LABELS))
def test_blank_is_none_for_every_kind(kind):
    assert coerce(None, kind, "Kolom") is None
    assert coerce(cell(""), kind, "Kolom") is None
    assert coerce(cell(" \n\t "), kind, "Kolom") is None
    assert coerce(cell("\u00a0\a"), kind, "Kolom") is None


@pytest.mark.parametrize("kind", sorted(c.KIND_LABELS))
def test_errors_and_uncalculated_formulas_for_every_kind(kind):
    with pytest.raises(CellError) as info:
        coerce(cell(None, excel_error="#VALUE!"), kind, "Kolom")
    assert info.value.code == "excel-error"
    with pytest.raises(CellError) as info:
        coerce(cell(None, formula=True, uncached=True), kind, "Kolom")
    assert info.value.code == "uncalculated-formula"


def test_control_characters_are_removed():
    assert clean_text("a\ab\fc\x0bd\x00e\x1bf\x7fg") == "abc\ndefg"
    assert clean_text("\r\nsatu\r\n") == "satu"


def test_broken_surrogates_do_not_reach_the_report():
    text = coerce(cell("emoji \ud83d rusak"), c.TEXT, "Kolom")
    text.encode("utf-8")  # would raise for a lone surrogate
    assert text.startswith("emoji ") and text.endswith(" rusak")


def test_text_too_long():
    assert coerce(cell("x" * MAX_TEXT), c.TEXT, "Kolom") == "x" * MAX_TEXT
    with pytest.raises(CellError) as info:
        coerce(cell("x" * (MAX_TEXT + 1)), c.TEXT, "Kolom")
    assert info.value.code == "text-too-long"


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_non_finite_floats_are_not_numbers(value):
    with pytest.raises(CellError) as info:
        coerce(cell(value), c.DECIMAL, "Kolom")
    assert info.value.code == "not-a-number"


def test_huge_integer_is_not_a_code():
    # Excel keeps 15 significant digits: a 16-digit code typed as a number has lost digits.
    assert coerce(cell(10**14), c.CODE, "Kode") == str(10**14)
    with pytest.raises(CellError) as info:
        coerce(cell(10**16), c.CODE, "Kode")
    assert info.value.code == "code-not-text"


def test_date_values_of_every_type():
    assert coerce(cell(dt.date(2025, 1, 16)), c.DATE, "Tanggal") == dt.date(2025, 1, 16)
    assert coerce(cell(dt.datetime(2025, 1, 16, 8, 0)), c.DATE, "Tanggal") == dt.date(2025, 1, 16)
    with pytest.raises(CellError) as info:
        coerce(cell(True), c.DATE, "Tanggal")
    assert info.value.code == "not-a-date"


def test_bool_is_not_a_year_or_integer():
    for kind, code in ((c.YEAR, "not-a-year"), (c.INT, "not-a-number"),
                       (c.MONEY, "not-a-number")):
        with pytest.raises(CellError) as info:
            coerce(cell(True), kind, "Kolom")
        assert info.value.code == code


def test_percent_format_multiplies_numbers_only():
    assert coerce(cell(0.85, "0%"), c.PERCENT, "Capaian") == D(85)
    assert coerce(cell(85, "0%"), c.PERCENT, "Capaian") == D(8500)  # as Excel shows it: 8500%
    assert coerce(cell("85", "0%"), c.PERCENT, "Capaian") == D(85)  # text is what was typed
    assert coerce(cell(0.85, '[Red]0.00%;-0.00%'), c.PERCENT, "Capaian") == D(85)


def test_messages_are_indonesian():
    with pytest.raises(CellError) as info:
        coerce(cell("abc"), c.DECIMAL, "Target")
    assert "bukan angka" in info.value.message
    with pytest.raises(CellError) as info:
        coerce(cell(dt.datetime(2024, 2, 16)), c.CODE, "Kode Program")
    assert "Teks" in info.value.message and "tanggal" in info.value.message
