"""Turns one raw cell into the Python value its column's kind asks for, or says why it cannot.

Numbers become ``Decimal`` (never float); a blank cell is ``None``, never 0. A cell formatted as a
percentage holds 0.9832 for 98,32%, so the number format is read, not guessed. A number cell of a
column that allows it may say its value is not available ("n/a", "-", "belum tersedia"): that is
``numbers.NA``, neither a blank nor 0.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from decimal import Decimal

from lkip_docx.fmt import date, number
from lkip_docx.numbers import (
    HUNDRED,
    NA,
    NumberTextError,
    float_to_decimal,
    is_not_available_text,
    normalize,
    parse_number_text,
    parse_ratio_text,
)
from lkip_docx.workbook import contract as c
from lkip_docx.workbook.reader import RawCell

MAX_TEXT = 32_767  # Excel's own limit for one cell


class CellError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


_CONTROL = dict.fromkeys(c for c in range(32) if c not in (9, 10))
_CONTROL[0x7F] = None


def clean_text(value: str) -> str:
    """Strip, unify line ends, drop control characters Word cannot hold (and docxtpl would
    turn into paragraph or page breaks: \\a, \\f), and compose Unicode (NFC)."""
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
    value = value.translate(_CONTROL)
    value = unicodedata.normalize("NFC", value)
    # Surrogates (broken emoji from some exports) cannot be written to XML.
    value = value.encode("utf-8", "replace").decode("utf-8")
    return value.strip()


def _is_percent_format(number_format: str) -> bool:
    # '%' inside quotes or escaped is literal text, not the percent style.
    fmt = re.sub(r'"[^"]*"|\\.', "", number_format or "")
    return "%" in fmt


def _show(value: object) -> str:
    if isinstance(value, str):
        return repr(value if len(value) <= 60 else value[:57] + "...")
    if isinstance(value, (_dt.datetime, _dt.date)):
        return f"tanggal {value:%d-%m-%Y}"
    return repr(value)


def _number(cell: RawCell, header: str) -> tuple[Decimal, bool]:
    """(value, was_percent) from a numeric cell or Indonesian number text."""
    value = cell.value
    if isinstance(value, bool):
        raise CellError("not-a-number", f"{header} bukan angka: {value!r}")
    if isinstance(value, int):
        dec = Decimal(value)
    elif isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise CellError("not-a-number", f"{header} bukan angka: {value!r}")
        dec = float_to_decimal(value)
    elif isinstance(value, (_dt.datetime, _dt.date, _dt.time, _dt.timedelta)):
        raise CellError("date-not-number",
                        f"{header} berisi tanggal/waktu, bukan angka ({_show(value)}); ubah format "
                        "sel menjadi Angka lalu ketik ulang nilainya")
    elif isinstance(value, str):
        try:
            parsed, had_percent = parse_number_text(value)
        except NumberTextError as exc:
            raise CellError("not-a-number", f"{header} {exc.reason}") from None
        return parsed, had_percent
    else:
        raise CellError("not-a-number", f"{header} bukan angka: {_show(value)}")
    if _is_percent_format(cell.number_format):
        # 0.985 x 100 is 98.500: drop the two digits the multiplication adds, or the value
        # would print as "98,500" wherever its own digits are shown.
        return normalize(dec * HUNDRED), True
    return dec, False


_NUMBER_KINDS = frozenset({c.INT, c.DECIMAL, c.MONEY, c.PERCENT})


def coerce(cell: RawCell | None, kind: str, header: str, choices: tuple[str, ...] = (),
           not_available: bool = False):
    """Value of ``cell`` for a column of ``kind``. None for a blank cell; numbers.NA for a number
    marked not available where the column allows it (``not_available``). Raises CellError."""
    if cell is None:
        return None
    if cell.excel_error:
        raise CellError("excel-error", f"{header} berisi galat Excel {cell.excel_error}; perbaiki "
                                       "rumus atau ketik nilainya")
    if cell.uncached:
        raise CellError("uncalculated-formula",
                        f"{header} berisi rumus yang belum dihitung (tidak ada nilai tersimpan); "
                        "buka berkas di Excel atau LibreOffice lalu simpan ulang")
    value = cell.value
    if isinstance(value, str):
        value = clean_text(value)
        if value == "":
            return None
        if len(value) > MAX_TEXT:
            raise CellError("text-too-long", f"{header} terlalu panjang ({len(value)} karakter; "
                                             f"batas {MAX_TEXT})")
        if kind in _NUMBER_KINDS and is_not_available_text(value):
            if not_available:
                return NA
            raise CellError("not-a-number", f"{header} harus diisi angka; kolom ini tidak menerima "
                                            f"{_show(value)} (tidak tersedia)")
        cell = RawCell(value, cell.coordinate, cell.number_format)
    handler = _HANDLERS[kind]
    return handler(cell, header, choices)


def _text(cell: RawCell, header: str, _choices) -> str:
    value = cell.value
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        dec, pct = _number(cell, header)

        return number(dec, None) + ("%" if pct else "")
    if isinstance(value, (_dt.datetime, _dt.date)):
        return date(value if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime)
                    else value.date())
    return str(value)


def _code(cell: RawCell, header: str, _choices) -> str:
    value = cell.value
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        raise CellError("code-not-text", f"{header} bukan kode: {value!r}")
    if isinstance(value, int) and abs(value) < 10**15:
        return str(value)
    if isinstance(value, (_dt.datetime, _dt.date)):
        raise CellError("code-not-text",
                        f"{header} diubah Excel menjadi tanggal ({_show(value)}); format kolom "
                        "sebagai Teks lalu ketik ulang kodenya")
    raise CellError("code-not-text",
                    f"{header} tersimpan sebagai angka ({value!r}), sehingga angka nol atau digit "
                    "dapat hilang; format kolom sebagai Teks lalu ketik ulang kodenya")


def _decimal(cell: RawCell, header: str, _choices) -> Decimal:
    if isinstance(cell.value, str) and ":" in cell.value:
        # A ratio as agencies print it ("1:17,9"): the indicator's value is 17,9.
        try:
            ratio = parse_ratio_text(cell.value)
        except NumberTextError as exc:
            raise CellError("not-a-number", f"{header} {exc.reason}") from None
        if ratio is not None:
            return ratio
    return _number(cell, header)[0]


def _percent(cell: RawCell, header: str, _choices) -> Decimal:
    return _number(cell, header)[0]


def _money(cell: RawCell, header: str, _choices) -> Decimal:
    value, pct = _number(cell, header)
    if pct:
        raise CellError("not-money", f"{header} berupa persen, bukan rupiah: {_show(cell.value)}")
    if value < 0:
        raise CellError("negative-money", f"{header} tidak boleh negatif: {_show(cell.value)}")
    return value


def _integer(cell: RawCell, header: str, _choices) -> int:
    value, _pct = _number(cell, header)
    if value != value.to_integral_value():
        raise CellError("not-an-integer", f"{header} harus bilangan bulat: {_show(cell.value)}")
    if value < 0:
        raise CellError("negative-number", f"{header} tidak boleh negatif: {_show(cell.value)}")
    return int(value)


def _year(cell: RawCell, header: str, _choices) -> int:
    if isinstance(cell.value, (_dt.datetime, _dt.date)):
        raise CellError("not-a-year", f"{header} harus tahun empat angka, bukan tanggal "
                                      f"({_show(cell.value)})")
    try:
        year = _integer(cell, header, ())
    except CellError as exc:
        raise CellError("not-a-year",
                        f"{header} harus tahun empat angka: {_show(cell.value)}") from exc
    if not 1900 <= year <= 2200:
        raise CellError("not-a-year", f"{header} harus tahun empat angka: {_show(cell.value)}")
    return year


_DATE_TEXT = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$")
_DATE_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_MONTHS = {name.lower(): i for i, name in enumerate(
    ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
     "oktober", "november", "desember"), start=1)}
_MONTHS.update({"agust": 8, "agu": 8, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
                "sep": 9, "sept": 9, "okt": 10, "nov": 11, "des": 12})


def _date(cell: RawCell, header: str, _choices) -> _dt.date:
    value = cell.value
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise CellError("not-a-date",
                        f"{header} berupa angka ({value!r}), bukan tanggal; format sel sebagai "
                        "Tanggal atau ketik seperti 16 Januari 2025")
    if isinstance(value, str):
        text = value.strip()
        day = month = year = 0  # month 0: no date recognised
        if m := _DATE_TEXT.match(text):
            day, month, year = int(m[1]), _MONTHS.get(m[2].lower(), 0), int(m[3])
        elif m := _DATE_NUMERIC.match(text):
            day, month, year = int(m[1]), int(m[2]), int(m[3])
        elif m := _DATE_ISO.match(text):
            year, month, day = int(m[1]), int(m[2]), int(m[3])
        if month:
            try:
                return _dt.date(year, month, day)
            except ValueError:
                pass
    raise CellError("not-a-date", f"{header} bukan tanggal yang sah: {_show(value)} (contoh: "
                                  "16 Januari 2025)")


def _norm_choice(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


_CHOICE_MAPS: dict[tuple[str, ...], dict[str, str]] = {}


def _choice(cell: RawCell, header: str, choices) -> str:
    text = _text(cell, header, ())
    mapping = _CHOICE_MAPS.get(choices)
    if mapping is None:
        mapping = _CHOICE_MAPS[choices] = {_norm_choice(ch): ch for ch in choices}
    found = mapping.get(_norm_choice(text))
    if found is not None:
        return found
    shown = ", ".join(f"'{ch}'" for ch in choices)
    raise CellError("invalid-choice", f"{header} tidak dikenal: {_show(text)}; pilih salah satu: "
                                      f"{shown}")


_TRUE = {"ya", "y", "yes", "true", "benar", "1"}
_FALSE = {"tidak", "t", "no", "n", "false", "salah", "0"}


def _bool(cell: RawCell, header: str, _choices) -> bool:
    value = cell.value
    if isinstance(value, bool):
        return value
    text = str(value).strip().casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise CellError("invalid-choice", f"{header} harus 'Ya' atau 'Tidak': {_show(value)}")


_PERIOD = re.compile(r"^(\d{4})\s*[-\u2013\u2014/]\s*(\d{4})$")


def _period(cell: RawCell, header: str, _choices) -> tuple[int, int]:
    text = _text(cell, header, ())
    m = _PERIOD.match(text)
    if not m or int(m[1]) > int(m[2]):
        raise CellError("invalid-period", f"{header} harus berbentuk tahun awal-tahun akhir "
                                          f"(mis. 2024-2026): {_show(text)}")
    return int(m[1]), int(m[2])


_HANDLERS = {
    c.TEXT: _text,
    c.CODE: _code,
    c.INT: _integer,
    c.DECIMAL: _decimal,
    c.MONEY: _money,
    c.PERCENT: _percent,
    c.YEAR: _year,
    c.DATE: _date,
    c.CHOICE: _choice,
    c.BOOL: _bool,
    c.PERIOD: _period,
}
