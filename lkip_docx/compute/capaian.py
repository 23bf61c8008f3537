"""Capaian kinerja (achievement %) of an indicator, by the method the workbook declares for it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from lkip_docx.numbers import HUNDRED, round_half_up
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


@dataclass(frozen=True)
class Capaian:
    """Capaian in percent, rounded half up to 2 decimals; None with a reason when undefined."""

    value: Decimal | None
    metode: str
    capped: bool = False
    #: the value before the cap was applied (None when not capped)
    uncapped: Decimal | None = None
    undefined: str | None = None

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


def capaian(realisasi: Decimal | None, target: Decimal | None, metode: str = c.METODE_NAIK,
            batas: Decimal | None = None) -> Capaian:
    """Capaian of one indicator. Inputs are the figures as displayed (already rounded).

    A blank or zero target (or a zero realisasi for the T/R method) makes capaian undefined; the
    caller reports the cell, nothing raises.
    """
    if target is None:
        return Capaian(None, metode, undefined=UNDEFINED_TARGET_EMPTY)
    if realisasi is None:
        return Capaian(None, metode, undefined=UNDEFINED_REALISASI_EMPTY)
    if target == 0:
        return Capaian(None, metode, undefined=UNDEFINED_TARGET_ZERO)
    if metode == c.METODE_TURUN_RASIO and realisasi == 0:
        return Capaian(None, metode, undefined=UNDEFINED_REALISASI_ZERO)
    value = round_half_up(_FORMULAS[metode](realisasi, target), 2)
    if batas is not None and value > batas:
        return Capaian(round_half_up(batas, 2), metode, capped=True, uncapped=value)
    return Capaian(value, metode)

