"""Indonesian display formats: numbers, percentages, rupiah, dates and counts in words.

Formatting is done here, in Python, before values reach the Word template, so the template never
formats numbers itself. Every function takes ``Decimal`` (or int) and rounds half up; a value
marked not available (``numbers.NA``) prints as ``N/A``, never as a figure or a dash.
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal

from lkip_docx.numbers import (
    PERCENT_PLACES_MAX,
    NotAvailable,
    keep_off_thresholds,
    normalize,
    round_half_up,
)

BLANK = "-"  # how the reference prints a blank or zero count in tables
NOT_AVAILABLE = "N/A"  # a value the workbook marks as not available (tables, lists)

BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
         "Oktober", "November", "Desember")


def _group(int_digits: str) -> str:
    out = []
    while len(int_digits) > 3:
        out.append(int_digits[-3:])
        int_digits = int_digits[:-3]
    out.append(int_digits)
    return ".".join(reversed(out))


def number(value: Decimal | int | NotAvailable | None, places: int | None = 2, trim: bool = False,
           blank: str = BLANK) -> str:
    """``1234567.5 -> '1.234.567,50'``. ``places=None`` keeps the value's own digits.

    ``trim`` drops trailing zeros after rounding (``5.00 -> '5'``, ``4.10 -> '4,1'``), as the worked
    calculations in a report are written.
    """
    if value is None:
        return blank
    if isinstance(value, NotAvailable):
        return NOT_AVAILABLE
    value = Decimal(value)
    if places is not None:
        value = round_half_up(value, places)
    if trim:
        value = normalize(value)
    sign = "-" if value < 0 else ""
    # copy_abs, not abs(): abs() rounds to the context's 28 digits and would change a long figure.
    text = format(value.copy_abs(), "f")
    int_part, _, frac = text.partition(".")
    return sign + _group(int_part) + ("," + frac if frac else "")


def percent(value: Decimal | NotAvailable | None, blank: str = BLANK,
            places: int | None = None) -> str:
    """A percentage with the decimals it carries, trailing zero kept (``98,60%``, ``99,8%``), a
    whole number without decimals (``100%``).

    The computation rounds every percentage it hands over by the document's rule (compute/), so
    the decimals a value carries are the ones to print; a value carrying more than
    numbers.PERCENT_PLACES_MAX (a ratio nobody rounded) is rounded half up to 2, as every
    percentage was before the rule became a setting. ``places`` rounds half up to that many
    decimals instead.
    Whatever rounds here, a value below 100 never prints "100%" and one above 0 never "0%".
    """
    if value is None:
        return blank
    if isinstance(value, NotAvailable):
        return NOT_AVAILABLE
    value = Decimal(value)
    if places is None:
        carried = max(-int(value.as_tuple().exponent), 0)
        places = carried if carried <= PERCENT_PLACES_MAX else 2
    rounded = keep_off_thresholds(round_half_up(value, places), value)
    if rounded == rounded.to_integral_value():
        return number(rounded, 0) + "%"
    return number(rounded, places) + "%"


def money(value: Decimal | NotAvailable | None, blank: str = BLANK) -> str:
    """Whole rupiah with thousands dots (``1.403.610.650``); cents only when there are any."""
    if value is None:
        return blank
    if isinstance(value, NotAvailable):
        return NOT_AVAILABLE
    value = Decimal(value)
    if value == value.to_integral_value():
        return number(value, 0)
    return number(value, 2)


def rupiah(value: Decimal | NotAvailable | None, blank: str = BLANK) -> str:
    """``Rp.1.403.610.650`` as the reference writes amounts in sentences."""
    if isinstance(value, NotAvailable):
        return NOT_AVAILABLE
    return blank if value is None else "Rp." + money(value)


def date(value: _dt.date | None, blank: str = BLANK) -> str:
    """``16 Januari 2025``. Month names are fixed here so the OS locale never matters."""
    if value is None:
        return blank
    return f"{value.day} {BULAN[value.month - 1]} {value.year}"


_SATUAN = ("", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
           "sepuluh", "sebelas")
_SKALA = ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"))


def _below_thousand(n: int) -> str:
    words = []
    hundreds, rest = divmod(n, 100)
    if hundreds == 1:
        words.append("seratus")
    elif hundreds > 1:
        words.append(_SATUAN[hundreds] + " ratus")
    if rest < 12:
        if rest:
            words.append(_SATUAN[rest])
    elif rest < 20:
        words.append(_SATUAN[rest - 10] + " belas")
    else:
        tens, ones = divmod(rest, 10)
        words.append(_SATUAN[tens] + " puluh")
        if ones:
            words.append(_SATUAN[ones])
    return " ".join(words)


def words(n: int) -> str:
    """Indonesian cardinal words: ``17 -> 'tujuh belas'``, ``1170 -> 'seribu seratus tujuh puluh'``.

    Written here rather than imported from num2words because importing num2words loads every
    language it has (about 30 ms, a tenth of a whole build); tests check this function against
    num2words(lang="id") over a wide range.
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError("words() takes an int")
    if n < 0:
        return "minus " + words(-n)
    if n == 0:
        return "nol"
    parts = []
    for size, name in _SKALA:
        if n >= size:
            count, n = divmod(n, size)
            parts.append(words(count) + " " + name)
    if n >= 1000:
        thousands, n = divmod(n, 1000)
        parts.append("seribu" if thousands == 1 else _below_thousand(thousands) + " ribu")
    if n:
        parts.append(_below_thousand(n))
    return " ".join(parts)


def count(n: int) -> str:
    """``17 -> '17 (tujuh belas)'``, the way reports state counts."""
    return f"{number(n, 0)} ({words(n)})"


def count_decimal(value: Decimal | NotAvailable) -> str:
    """A volume stated in a sentence: whole numbers get words, fractions are written as digits."""
    if isinstance(value, NotAvailable):
        return NOT_AVAILABLE
    if value == value.to_integral_value():
        return count(int(value))
    return number(value, None, trim=True)


#: Characters XML 1.0 cannot carry (a control character in a file name, a broken surrogate):
#: written into a .docx or .xlsx they would make the file unreadable.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: What a terminal acts on: C0 and C1 control characters and the bidirectional overrides (a file
#: name that sets the window title and clears the screen).
NOT_PRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def escaped(text: str, unsafe: re.Pattern = NOT_PRINTABLE) -> str:
    """``text`` with each ``unsafe`` character shown as ``\\x1b`` or ``\\u202e``, as a
    terminal would show it: visible, and harmless where it is printed or stored."""
    return unsafe.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100
                      else f"\\u{ord(m[0]):04x}", text)
