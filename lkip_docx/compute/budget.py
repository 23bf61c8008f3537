"""The budget tree: program > kegiatan > sub kegiatan, summed from the sub kegiatan rupiah.

Rules (also in docs/computation.md):
- pagu murni, pagu (after APBD-Perubahan where there is one) and realisasi of every parent are the
  sums of its sub kegiatan; a parent whose sub kegiatan all lack a pagu murni has none ("-");
- realisasi % = realisasi / pagu x 100 from the summed rupiah at every level, never an average of
  percentages; efisiensi = 100 - realisasi % as displayed (so the two printed figures add to 100);
- capaian of a kegiatan or a program = unweighted mean of the capaian output of its sub kegiatan
  (each as displayed), as the reference LKIP does where it computes them;
- every percentage is rounded by the document's rule (numbers.Rounding: 2 decimals half up unless
  the workbook says otherwise) and never shows 100 or 0 unless it is exactly that;
- a sub kegiatan whose realisasi (or capaian output) is not available (numbers.NA) is left out of
  its parents' realisasi (or mean) and counted (``realisasi_na``, ``capaian_na``), so the report
  can say what a sum or mean left out; a parent with such a sub kegiatan has no realisasi % or
  efisiensi (N/A): computed from part of the rupiah they would claim money was saved that may
  have been spent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterable

from lkip_docx.numbers import (
    DEFAULT_ROUNDING,
    HUNDRED,
    NA,
    ZERO,
    NotAvailable,
    Rounding,
    known,
    mean,
)
from lkip_docx.workbook.model import Kegiatan, Program, SubKegiatan, Workbook

LEVEL_PROGRAM = "program"
LEVEL_KEGIATAN = "kegiatan"
LEVEL_SUB = "sub_kegiatan"
LEVEL_TOTAL = "total"


def realisasi_pct(realisasi: Decimal, pagu: Decimal,
                  rounding: Rounding = DEFAULT_ROUNDING) -> Decimal | None:
    """Realisasi anggaran in percent as displayed (by ``rounding``; 99,998 is never 100); None
    when pagu is 0."""
    if pagu == 0:
        return None
    return rounding.percent(realisasi / pagu * HUNDRED)


def efisiensi(realisasi_pct_displayed: Decimal | NotAvailable | None
              ) -> Decimal | NotAvailable | None:
    """Efisiensi anggaran: 100 - realisasi % (the reference's definition)."""
    if realisasi_pct_displayed is None or isinstance(realisasi_pct_displayed, NotAvailable):
        return realisasi_pct_displayed
    return HUNDRED - realisasi_pct_displayed


def capaian_output(sub: SubKegiatan,
                   rounding: Rounding = DEFAULT_ROUNDING) -> Decimal | NotAvailable | None:
    """Capaian output of a sub kegiatan: from the volumes when a target volume is given,
    otherwise the percentage typed in the workbook; NA when the figure it needs is."""
    if sub.target_output is not None and sub.realisasi_output is not None \
            and sub.target_output != 0:
        if not known(sub.realisasi_output):
            return NA
        return rounding.percent(sub.realisasi_output / sub.target_output * HUNDRED)
    if isinstance(sub.capaian_output, NotAvailable):
        return NA
    if sub.capaian_output is not None:
        return rounding.percent(sub.capaian_output)
    return None


def mean_capaian(values: Iterable[Decimal | NotAvailable | None],
                 rounding: Rounding = DEFAULT_ROUNDING) -> Decimal | NotAvailable | None:
    """Unweighted mean of the sub kegiatan capaian output, blanks and N/A left out; NA when every
    one is N/A."""
    values = list(values)
    present = [v for v in values if known(v)]
    if not present:
        return NA if any(isinstance(v, NotAvailable) for v in values) else None
    return rounding.percent(mean(present))


def _sum_optional(values: Iterable[Decimal | None]) -> Decimal | None:
    present = [v for v in values if v is not None]
    return sum(present, ZERO) if present else None


@dataclass(frozen=True)
class Line:
    """One row of a budget table, at any level."""

    level: str
    kode: str
    nama: str
    pagu_murni: Decimal | None
    pagu: Decimal  # after APBD-Perubahan where there is one
    #: a parent's: the sum of the sub kegiatan whose realisasi is available
    realisasi: Decimal | NotAvailable
    realisasi_pct: Decimal | NotAvailable | None
    efisiensi: Decimal | NotAvailable | None
    capaian: Decimal | NotAvailable | None
    sub: SubKegiatan | None = None
    children: tuple["Line", ...] = field(default=(), compare=False)
    #: sub kegiatan left out of ``realisasi`` (realisasi not available)
    realisasi_na: int = 0
    #: sub kegiatan left out of the mean ``capaian`` (capaian output not available)
    capaian_na: int = 0

    @property
    def subs(self) -> list["Line"]:
        if self.level == LEVEL_SUB:
            return [self]
        return [s for child in self.children for s in child.subs]

    @property
    def sub_kegiatan(self) -> SubKegiatan:
        """The sub kegiatan of a sub kegiatan line (every line of ``subs`` is one): ``sub``, known
        to be there."""
        if self.sub is None:
            raise ValueError(f"{self.level} {self.kode} is not a sub kegiatan line")
        return self.sub


def sub_line(sub: SubKegiatan, rounding: Rounding = DEFAULT_ROUNDING) -> Line:
    pagu = sub.pagu if sub.pagu is not None else ZERO
    cap = capaian_output(sub, rounding)
    if isinstance(sub.realisasi, NotAvailable):
        return Line(LEVEL_SUB, sub.kode, sub.nama, sub.pagu_murni, pagu, NA, NA, NA, cap, sub,
                    realisasi_na=1, capaian_na=int(cap is NA))
    realisasi = sub.realisasi if sub.realisasi is not None else ZERO
    pct = realisasi_pct(realisasi, pagu, rounding)
    return Line(LEVEL_SUB, sub.kode, sub.nama, sub.pagu_murni, pagu, realisasi, pct,
                efisiensi(pct), cap, sub, capaian_na=int(cap is NA))


def parent_line(level: str, kode: str, nama: str, children: list[Line],
                rounding: Rounding = DEFAULT_ROUNDING) -> Line:
    subs = [s for child in children for s in child.subs]
    pagu_murni = _sum_optional(s.pagu_murni for s in subs)
    pagu = sum((s.pagu for s in subs), ZERO)
    realisasi = sum((s.realisasi for s in subs if known(s.realisasi)), ZERO)
    left_out = sum(s.realisasi_na for s in subs)
    pct = NA if left_out else realisasi_pct(realisasi, pagu, rounding)
    return Line(level, kode, nama, pagu_murni, pagu, realisasi, pct, efisiensi(pct),
                mean_capaian((s.capaian for s in subs), rounding), None, tuple(children),
                realisasi_na=left_out, capaian_na=sum(s.capaian_na for s in subs))


def build_tree(wb: Workbook, include: set[str] | None = None,
               programs: Iterable[Program] | None = None,
               rounding: Rounding = DEFAULT_ROUNDING) -> list[Line]:
    """Program lines (with kegiatan and sub kegiatan children) in workbook order.

    ``include`` limits the tree to those sub kegiatan codes (a per-IKU table); parents with none
    left are dropped.
    """
    kegiatan_by_program: dict[str, list[Kegiatan]] = {}
    for keg in wb.kegiatan:
        kegiatan_by_program.setdefault(keg.kode_program, []).append(keg)
    subs_by_kegiatan: dict[str, list[SubKegiatan]] = {}
    for sub in wb.sub_kegiatan:
        if include is None or sub.kode in include:
            subs_by_kegiatan.setdefault(sub.kode_kegiatan, []).append(sub)
    out = []
    for prog in (wb.program if programs is None else programs):
        keg_lines = []
        for keg in kegiatan_by_program.get(prog.kode, []):
            subs = [sub_line(s, rounding) for s in subs_by_kegiatan.get(keg.kode, [])]
            if subs:
                keg_lines.append(parent_line(LEVEL_KEGIATAN, keg.kode, keg.nama, subs, rounding))
        if keg_lines:
            out.append(parent_line(LEVEL_PROGRAM, prog.kode, prog.nama, keg_lines, rounding))
    return out


def total_line(nama: str, programs: list[Line], kode: str = "",
               rounding: Rounding = DEFAULT_ROUNDING) -> Line:
    return parent_line(LEVEL_TOTAL, kode, nama, programs, rounding)


def flatten(lines: list[Line]) -> list[Line]:
    """Program, its kegiatan, each kegiatan's sub kegiatan: the row order of a budget table."""
    out = []
    for line in lines:
        out.append(line)
        if line.level != LEVEL_SUB:
            out.extend(flatten(list(line.children)))
    return out
