"""Capaian kinerja (achievement %) of an indicator, by the method the workbook declares for it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from lkip_docx.numbers import DEFAULT_ROUNDING, HUNDRED, NA, NotAvailable, Rounding
from lkip_docx.workbook import contract as c

#: The formula the report prints to say how capaian was computed.
METODE_TEKS = {
    c.METODE_NAIK: "Capaian = Realisasi / Target x 100%",
    c.METODE_TURUN_SELISIH: "Capaian = (2 x Target - Realisasi) / Target x 100%",
    c.METODE_TURUN_RASIO: "Capaian = Target / Realisasi x 100%",
}

UNDEFINED_TARGET_EMPTY = "target-empty"
UNDEFINED_TARGET_ZERO = "target-zero"
UNDEFINED_REALISASI_EMPTY = "realisasi-empty"
UNDEFINED_REALISASI_ZERO = "realisasi-zero"
#: the target or the realisasi is marked not available ("n/a", "belum tersedia"): not an error
UNDEFINED_NOT_AVAILABLE = "not-available"

#: Methods where a lower realisasi is better.
TURUN = frozenset({c.METODE_TURUN_SELISIH, c.METODE_TURUN_RASIO})


@dataclass(frozen=True)
class Capaian:
    """Capaian in percent as displayed (rounded by the indicator's rule, kept off 100 unless
    exact); None with a reason when undefined."""

    value: Decimal | None
    metode: str
    capped: bool = False
    #: the value before the cap was applied (None when not capped)
    uncapped: Decimal | None = None
    undefined: str | None = None

    @property
    def shown(self) -> Decimal | NotAvailable | None:
        """What a table prints: the value, N/A when a figure it needs is not available."""
        return NA if self.undefined == UNDEFINED_NOT_AVAILABLE else self.value

    @property
    def before_cap(self) -> Decimal | None:
        """The value as computed, before any cap: what says whether the target was met (a
        capaian capped at 100 from 107,82 exceeded its target)."""
        return self.uncapped if self.capped else self.value


def capaian_naik(realisasi: Decimal, target: Decimal) -> Decimal:
    """Higher is better: R / T x 100."""
    return realisasi / target * HUNDRED


def capaian_turun_selisih(realisasi: Decimal, target: Decimal) -> Decimal:
    """Lower is better, difference form: (2T - R) / T x 100."""
    return (2 * target - realisasi) / target * HUNDRED


def capaian_turun_rasio(realisasi: Decimal, target: Decimal) -> Decimal:
    """Lower is better, ratio form: T / R x 100."""
    return target / realisasi * HUNDRED


_FORMULAS = {
    c.METODE_NAIK: capaian_naik,
    c.METODE_TURUN_SELISIH: capaian_turun_selisih,
    c.METODE_TURUN_RASIO: capaian_turun_rasio,
}


def capaian(realisasi: Decimal | NotAvailable | None, target: Decimal | NotAvailable | None,
            metode: str = c.METODE_NAIK, batas: Decimal | None = None,
            rounding: Rounding = DEFAULT_ROUNDING) -> Capaian:
    """Capaian of one indicator. Inputs are the figures as displayed (already rounded); the
    result is rounded by ``rounding`` and never shows 100 (or 0) unless it is exactly that.

    A blank or zero target (or a zero realisasi for the T/R method) makes capaian undefined; the
    caller reports the cell, nothing raises. A figure marked not available makes it undefined
    too, for that reason (a warning at its cell, not an error).
    """
    if isinstance(target, NotAvailable) or isinstance(realisasi, NotAvailable):
        return Capaian(None, metode, undefined=UNDEFINED_NOT_AVAILABLE)
    if target is None:
        return Capaian(None, metode, undefined=UNDEFINED_TARGET_EMPTY)
    if realisasi is None:
        return Capaian(None, metode, undefined=UNDEFINED_REALISASI_EMPTY)
    if target == 0:
        return Capaian(None, metode, undefined=UNDEFINED_TARGET_ZERO)
    if metode == c.METODE_TURUN_RASIO and realisasi == 0:
        return Capaian(None, metode, undefined=UNDEFINED_REALISASI_ZERO)
    value = rounding.percent(_FORMULAS[metode](realisasi, target))
    if batas is not None and value > batas:
        return Capaian(rounding.number(batas), metode, capped=True, uncapped=value)
    return Capaian(value, metode)

