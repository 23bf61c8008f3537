"""What the page shows of the library's answers: problems as rows (kind, sheet, cell, message,
code) and the figures of summary_json in Indonesian notation (the same formats as the report)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from lkip_docx import fmt
from lkip_docx.problems import Problem


@dataclass(frozen=True)
class Row:
    error: bool
    sheet: str
    cell: str
    message: str
    code: str
    #: the location as the CLI prints it ('Sub Kegiatan'!F2, data.xlsx)
    where: str


def rows(problems: list[Problem]) -> list[Row]:
    """One row per problem, errors first (the library's order within each kind). A problem
    without a sheet (the file as a whole, a place in a Word template) shows its place as the
    sheet."""
    out = [Row(p.is_error, p.location.sheet if p.location.sheet is not None
               else (p.location.place or ""), p.location.cell or "", p.message, p.code,
               str(p.location))
           for p in problems]
    return sorted(out, key=lambda r: not r.error)


def _dec(value: str | None) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(value)
    except InvalidOperation:
        return None


def number(value: str | None) -> str:
    """A figure as typed (its own decimals): '4.41' -> '4,41'."""
    return fmt.number(_dec(value), None)


def percent(value: str | None) -> str:
    return fmt.percent(_dec(value))


def money(value: str | None) -> str:
    return fmt.money(_dec(value))


def iku_reached(summary: dict) -> tuple[int, int]:
    """(IKU with capaian of 100% or more, all IKU)."""
    ikus = summary.get("iku", [])
    reached = sum(1 for i in ikus
                  if (_dec(i["capaian"]["persen"]) or Decimal(-1)) >= 100)
    return reached, len(ikus)


FILTERS = {"number": number, "percent": percent, "money": money, "rows": rows,
           "iku_reached": iku_reached}
