"""Decimal arithmetic helpers and the parser for numbers typed the Indonesian way.

All figures are ``Decimal``; ``None`` means blank (never 0). Rounding is half up, as Indonesian
reports do it; Python's ``round()`` and float formatting round half to even and are never used.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation, getcontext

HUNDRED = Decimal(100)
ZERO = Decimal(0)


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    """Round to ``places`` decimals, half away from zero (``2.675 -> 2.68``)."""
    # quantize() fails when the result needs more digits than the context's 28: a cell holding
    # 1E+300 (Excel accepts it) must give an absurd figure to report, not an exception.
    digits = max(value.adjusted(), 0) + places + 2
    context = Context(prec=max(digits, getcontext().prec))
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP, context=context)


def normalize(value: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation (``5.00 -> 5``,
    ``1E+2 -> 100``)."""
    # As in round_half_up: the default 28 digits are too few for a cell holding 1E+300 (quantize
    # fails) or for 30 typed digits (normalize would round them away); give every digit room.
    digits = max(value.adjusted() + 1, len(value.as_tuple().digits), getcontext().prec)
    context = Context(prec=digits)
    if value == value.to_integral_value():
        return value.quantize(Decimal(1), context=context)
    return value.normalize(context)


def float_to_decimal(value: float) -> Decimal:
    """The decimal a person typed into a numeric Excel cell.

    Excel stores cells as IEEE doubles; ``repr`` gives the shortest string that round-trips, which
    is what the user typed (``0.1`` stays ``0.1``, not ``0.1000000000000000055...``).
    """
    return Decimal(repr(value))


class NumberTextError(ValueError):
    """Text that is not a number, or a number written ambiguously. ``reason`` is Indonesian."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


_RP_PREFIX = re.compile(r"^(?:rp\.?|idr)\s*", re.IGNORECASE)
_GROUPED_DOTS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")  # 1.234.567
_GROUPED_DOTS_COMMA = re.compile(r"^\d{1,3}(?:\.\d{3})+,\d+$")  # 1.234.567,89
_PLAIN_COMMA = re.compile(r"^\d+,\d+$")  # 98,32
_PLAIN = re.compile(r"^\d+$")
_ENGLISH = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")  # 1,234,567.89
_ONE_DOT = re.compile(r"^\d+\.\d+$")  # 4.09 (English decimal or a mistyped grouping)


def parse_number_text(text: str) -> tuple[Decimal, bool]:
    """Parse a number typed as text in Indonesian style.

    Returns ``(value, had_percent_sign)``. Accepts ``1.234.567``, ``98,32``, ``98,32%``,
    ``Rp 1.234.567``, ``Rp.1.234.567,50``, ``-5``. Raises NumberTextError for text that is not a
    number or whose meaning depends on a guess (``4.09``, ``1,234``, ``1.2.3``).
    """
    raw = text
    s = text.strip().replace("\u00a0", " ")
    percent = False
    if s.endswith("%"):
        percent = True
        s = s[:-1].rstrip()
    s = _RP_PREFIX.sub("", s)
    if s.endswith(",-") or s.endswith(".-"):  # "Rp.249.000.000.-" as in letters and reports
        s = s[:-2].rstrip()
    negative = False
    if s.startswith("+"):  # "+5" as growth figures are written
        s = s[1:].lstrip()
    elif s.startswith("-") or s.startswith("\u2212"):
        negative = True
        s = s[1:].lstrip()
    elif s.startswith("(") and s.endswith(")"):  # accounting style (1.000)
        negative = True
        s = s[1:-1].strip()
    if negative:  # "-Rp5.000" and "(Rp 1.000)": the sign may come before the currency
        s = _RP_PREFIX.sub("", s)
    s = s.replace(" ", "")
    if not s:
        raise NumberTextError(f"bukan angka: {raw!r}")
    if _PLAIN.match(s):
        digits = s
    elif _GROUPED_DOTS.match(s):
        digits = s.replace(".", "")
    elif _GROUPED_DOTS_COMMA.match(s):
        digits = s.replace(".", "").replace(",", ".")
    elif _PLAIN_COMMA.match(s):
        # "1,234" could be an English thousands group; Indonesian reading is 1,234 (a decimal).
        # Only a comma followed by exactly three digits with no other separator is ambiguous.
        int_part, frac = s.split(",")
        if len(frac) == 3 and len(int_part) <= 3 and not int_part.startswith("0") and not percent:
            raise NumberTextError(
                f"angka ambigu: {raw!r} (ribuan atau desimal?); tulis 1.234 untuk ribuan "
                "atau 1,2340 untuk desimal, atau isi sel sebagai angka")
        digits = s.replace(",", ".")
    elif _ENGLISH.match(s):
        raise NumberTextError(
            f"angka ditulis dengan format Inggris: {raw!r}; gunakan titik untuk ribuan dan koma "
            "untuk desimal (1.234,5)")
    elif _ONE_DOT.match(s):
        raise NumberTextError(
            f"angka ambigu: {raw!r}; gunakan koma untuk desimal (mis. 4,09) atau isi sel "
            "sebagai angka")
    else:
        raise NumberTextError(f"bukan angka: {raw!r}")
    try:
        value = Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the patterns above only pass digits
        raise NumberTextError(f"bukan angka: {raw!r}") from None
    return (-value if negative else value), percent


def mean(values: list[Decimal]) -> Decimal:
    """Unweighted arithmetic mean of a non-empty list."""
    return sum(values, ZERO) / Decimal(len(values))
