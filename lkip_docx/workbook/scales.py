"""Predikat scales as workbook data: bands grouped per scale, the lookup of a value, and the check
for gaps and overlaps between bands.

Scales are written as regulations print them, and those have gaps and open ends (">85" beside
"<85", 90-91 in no band, nothing above 100): a gap is a warning that names it, an overlap an error
(a value would get two predikat), and a value above the top band takes the top band.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from lkip_docx import fmt
from lkip_docx.numbers import NotAvailable, known
from lkip_docx.problems import Problem, error, warning
from lkip_docx.workbook.model import KelasSkala


@dataclass(frozen=True)
class Skala:
    kode: str
    nama: str | None
    kelas: tuple[KelasSkala, ...]  # as ordered in the workbook

    @property
    def sumber(self) -> str | None:
        return next((k.sumber for k in self.kelas if k.sumber), None)

    def lookup(self, value: Decimal | NotAvailable | None) -> KelasSkala | None:
        """The band holding ``value``; above the top band, the top band (a capaian of 107% on a
        scale printed up to 100); None in a gap, below the lowest band, or without a value."""
        if not known(value):
            return None
        for kelas in self.kelas:
            if kelas.contains(value):
                return kelas
        top = self.top
        if top is not None and top.atas is not None and (
                value > top.atas or (value == top.atas and not top.atas_inklusif)):
            return top
        return None

    @property
    def top(self) -> KelasSkala | None:
        """The band with the highest upper bound (None when a band has none: it holds every
        value above)."""
        if any(k.atas is None for k in self.kelas) or not self.kelas:
            return None
        return max(self.kelas, key=lambda k: (k.atas, k.atas_inklusif))


def group_scales(rows: tuple[KelasSkala, ...]) -> dict[str, Skala]:
    out: dict[str, list[KelasSkala]] = {}
    for row in rows:
        out.setdefault(row.kode.casefold(), []).append(row)
    return {key: Skala(rows_[0].kode,
                       next((r.nama for r in rows_ if r.nama), None), tuple(rows_))
            for key, rows_ in out.items()}


def interval_text(kelas: KelasSkala) -> str:
    """How a band reads in the report: '> 80 - 90', '3,5 - < 4,2', '< 1,8', '>= 90'."""
    def n(v):
        return fmt.number(v, None, trim=True)

    lo, hi = kelas.bawah, kelas.atas
    if lo is None and hi is None:
        return "semua nilai"
    if lo is None:
        return ("<= " if kelas.atas_inklusif else "< ") + n(hi)
    if hi is None:
        return (">= " if kelas.bawah_inklusif else "> ") + n(lo)
    left = n(lo) if kelas.bawah_inklusif else "> " + n(lo)
    right = n(hi) if kelas.atas_inklusif else "< " + n(hi)
    return f"{left} - {right}"


def _low_key(k: KelasSkala):
    # Unbounded-below bands first; at equal bounds, the band that includes the bound first.
    return (k.bawah is not None, k.bawah if k.bawah is not None else Decimal(0),
            not k.bawah_inklusif)


def check_scale(skala: Skala) -> list[Problem]:
    """Every gap, overlap and empty band of one scale, each at the cell that causes it."""
    problems: list[Problem] = []
    valid = []
    for k in skala.kelas:
        if k.bawah is not None and k.atas is not None and (
                k.bawah > k.atas
                or (k.bawah == k.atas and not (k.bawah_inklusif and k.atas_inklusif))):
            problems.append(error("scale-empty-band",
                                  f"kelas '{k.predikat}' skala {skala.kode} kosong: batas bawah "
                                  f"{fmt.number(k.bawah, None, trim=True)} tidak di bawah "
                                  f"batas atas {fmt.number(k.atas, None, trim=True)}",
                                  loc=k.src.at("bawah")))
        else:
            valid.append(k)
    ordered = sorted(valid, key=_low_key)
    for a, b in zip(ordered, ordered[1:]):
        name = f"skala {skala.kode}: kelas '{a.predikat}' dan '{b.predikat}'"
        if a.atas is None or b.bawah is None:
            problems.append(error("scale-overlap", f"{name} bertumpuk", loc=b.src.at("bawah")))
            continue
        if a.atas > b.bawah or (a.atas == b.bawah and a.atas_inklusif and b.bawah_inklusif):
            problems.append(error("scale-overlap",
                                  f"{name} bertumpuk di sekitar "
                                  f"{fmt.number(b.bawah, None, trim=True)}; "
                                  "satu nilai hanya boleh masuk satu kelas", loc=b.src.at("bawah")))
        elif a.atas < b.bawah or (a.atas == b.bawah and not a.atas_inklusif
                                  and not b.bawah_inklusif):
            lo = fmt.number(a.atas, None, trim=True)
            hi = fmt.number(b.bawah, None, trim=True)
            gap = lo if lo == hi else f"{lo} - {hi}"
            # As regulations print them; a value that falls in the gap gets no predikat and
            # its own warning (value-outside-scale).
            problems.append(warning("scale-gap",
                                    f"{name} berlubang: nilai {gap} tidak masuk kelas mana pun",
                                    loc=b.src.at("bawah")))
    return problems
