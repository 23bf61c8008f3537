"""Decimal arithmetic helpers and the parser for numbers typed the Indonesian way.

All figures are ``Decimal``; ``None`` means blank (never 0) and ``NA`` a value the workbook marks
not available. Rounding is half up as the reference does it, or down ("pembulatan ke bawah") where
a document truncates; Python's ``round()`` and float formatting round half to even and are never
used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Context, Decimal, InvalidOperation, getcontext
from typing import TypeGuard

HUNDRED = Decimal(100)
ZERO = Decimal(0)

#: Rounding modes a document may use for the figures it prints.
HALF_UP = "half-up"  # 99,875 -> 99,88 (the reference's way, and the default)
DOWN = "down"  # "pembulatan ke bawah": the extra digits are dropped, 99,875 -> 99,87
_DECIMAL_MODES = {HALF_UP: ROUND_HALF_UP, DOWN: ROUND_DOWN}

#: Where a shown ratio must not land unless the exact value is there: 100% (reached, fully
#: spent) and 0% (nothing left, nothing reached).
THRESHOLDS = (ZERO, HUNDRED)
#: The most decimals a document prints a percentage with (Profil Desimal Persentase: 0, 1, 2).
PERCENT_PLACES_MAX = 2


def round_to(value: Decimal, places: int = 2, mode: str = HALF_UP) -> Decimal:
    """Round to ``places`` decimals by ``mode``: half away from zero (``2.675 -> 2.68``) or down,
    toward zero (``99.875 -> 99.87``). The result carries exactly ``places`` decimals."""
    # quantize() fails when the result needs more digits than the context's 28: a cell holding
    # 1E+300 (Excel accepts it) must give an absurd figure to report, not an exception.
    digits = max(value.adjusted(), 0) + places + 2
    context = Context(prec=max(digits, getcontext().prec))
    return value.quantize(Decimal(1).scaleb(-places), rounding=_DECIMAL_MODES[mode],
                          context=context)


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    """Round to ``places`` decimals, half away from zero (``2.675 -> 2.68``)."""
    return round_to(value, places, HALF_UP)


def keep_off_thresholds(shown: Decimal, exact: Decimal) -> Decimal:
    """``shown`` (``exact`` rounded) moved one step off 100 or 0 when only the rounding put it
    there: 99,998% of a pagu is not "100%" (fully spent) and a remainder of 0,002% is not "0%".
    The step is the last decimal ``shown`` carries, so 99,998 prints 99,99 at two decimals, 99,9
    at one and 99 at none; the value stays on the same side of the threshold as the exact one."""
    exponent = int(shown.as_tuple().exponent)  # a finite value: never 'n', 'N' or 'F'
    step = Decimal(1).scaleb(min(exponent, 0))
    for threshold in THRESHOLDS:
        if shown == threshold and exact != threshold:
            moved = threshold - step if exact < threshold else threshold + step
            return moved.quantize(step)
    return shown


@dataclass(frozen=True)
class Rounding:
    """How a document prints a percentage: ``places`` decimals, rounded by ``mode``."""

    places: int = 2
    mode: str = HALF_UP

    def number(self, value: Decimal) -> Decimal:
        """A figure as displayed (a target, a realisasi, an index): rounded, nothing more."""
        return round_to(value, self.places, self.mode)

    def percent(self, exact: Decimal) -> Decimal:
        """A ratio in percent as displayed: rounded, then kept off 100 and 0 unless exact."""
        return keep_off_thresholds(round_to(exact, self.places, self.mode), exact)


#: Two decimals, half up: the reference's rule and every workbook's default.
DEFAULT_ROUNDING = Rounding()


class NotAvailable:
    """A value the workbook marks as not available ("n/a", "-", "belum tersedia"): distinct from
    a blank (None, not filled in) and from 0 (a value). It is never a number: arithmetic and
    comparisons with it fail loudly, so a figure that needs it is left undefined, never guessed.
    One instance, ``NA``."""

    _instance: "NotAvailable | None" = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "NA"

    def __reduce__(self):  # one instance also across worker processes (pickle)
        return (NotAvailable, ())


NA = NotAvailable()

#: Text typed in a number cell that marks the value as not available, compared without case and
#: with runs of spaces as one: not applicable ("n/a", "-") or not known yet ("belum tersedia").
NOT_AVAILABLE_TEXT = frozenset({
    "n/a", "na", "n.a.", "-", "\u2013", "\u2014", "belum tersedia", "tidak tersedia",
    "data belum tersedia", "data tidak tersedia", "belum ada data", "tidak ada data",
})


def is_not_available_text(text: str) -> bool:
    """Text that marks a number as not available (``'Belum  Tersedia'``, ``'N/A'``)."""
    return " ".join(text.split()).casefold() in NOT_AVAILABLE_TEXT


def known(value: object) -> TypeGuard[Decimal]:
    """A value that is a number (neither blank nor not available)."""
    return isinstance(value, Decimal)


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


_RATIO = re.compile(r"^\s*([^:]+?)\s*:\s*([^:]+?)\s*$")


def parse_ratio_text(text: str) -> Decimal | None:
    """The value of a ratio written ``1:17,9`` or ``17,9 : 1`` (17,9 per one): the side that is
    not 1. None when the text is no ratio; NumberTextError for a ratio whose value would be a
    guess (``2:5``: the report prints one number per indicator, so type 0,4 or 2,5)."""
    m = _RATIO.match(text)
    if not m:
        return None
    left, _ = parse_number_text(m[1])
    right, _ = parse_number_text(m[2])
    if left == 1:
        return right
    if right == 1:
        return left
    raise NumberTextError(f"rasio {text.strip()!r} harus ditulis 1:x (mis. 1:17,9); ketik nilainya "
                          "sebagai angka")


def mean(values: list[Decimal]) -> Decimal:
    """Unweighted arithmetic mean of a non-empty list."""
    return sum(values, ZERO) / Decimal(len(values))
