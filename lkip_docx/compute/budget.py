"""The budget tree: program > kegiatan > sub kegiatan, summed from the sub kegiatan rupiah.

Rules (also in docs/computation.md):
- pagu murni, pagu (after APBD-Perubahan where there is one) and realisasi of every parent are the
  sums of its sub kegiatan; a parent whose sub kegiatan all lack a pagu murni has none ("-");
- realisasi % = realisasi / pagu x 100 from the summed rupiah at every level, never an average of
  percentages; efisiensi = 100 - realisasi % as displayed (so the two printed figures add to 100);
- capaian of a kegiatan or a program = unweighted mean of the capaian output of its sub kegiatan
  (each as displayed, 2 decimals), as the reference LKIP does where it computes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterable

from lkip_docx.numbers import HUNDRED, ZERO, mean, round_half_up
from lkip_docx.workbook.model import Kegiatan, Program, SubKegiatan, Workbook

LEVEL_PROGRAM = "program"
LEVEL_KEGIATAN = "kegiatan"
LEVEL_SUB = "sub_kegiatan"
LEVEL_TOTAL = "total"


def realisasi_pct(realisasi: Decimal, pagu: Decimal) -> Decimal | None:
    """Realisasi anggaran in percent, rounded half up to 2 decimals; None when pagu is 0."""
    if pagu == 0:
        return None
    return round_half_up(realisasi / pagu * HUNDRED, 2)


def efisiensi(realisasi_pct_displayed: Decimal | None) -> Decimal | None:
    """Efisiensi anggaran: 100 - realisasi % (the reference's definition)."""
    if realisasi_pct_displayed is None:
        return None
    return HUNDRED - realisasi_pct_displayed


def capaian_output(sub: SubKegiatan) -> Decimal | None:
    """Capaian output of a sub kegiatan: from the volumes when a target volume is given,
    otherwise the percentage typed in the workbook."""
    if (sub.target_output is not None and sub.realisasi_output is not None
            and sub.target_output != 0):
        return round_half_up(sub.realisasi_output / sub.target_output * HUNDRED, 2)
    if sub.capaian_output is not None:
        return round_half_up(sub.capaian_output, 2)
    return None


def mean_capaian(values: Iterable[Decimal | None]) -> Decimal | None:
    """Unweighted mean of the sub kegiatan capaian output, blanks left out."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    return round_half_up(mean(present), 2)


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
    realisasi: Decimal
    realisasi_pct: Decimal | None
    efisiensi: Decimal | None
    capaian: Decimal | None
    sub: SubKegiatan | None = None
    children: tuple["Line", ...] = field(default=(), compare=False)

    @property
    def subs(self) -> list["Line"]:
        if self.level == LEVEL_SUB:
            return [self]
        return [s for child in self.children for s in child.subs]


def sub_line(sub: SubKegiatan) -> Line:
    pagu = sub.pagu if sub.pagu is not None else ZERO
    realisasi = sub.realisasi if sub.realisasi is not None else ZERO
    pct = realisasi_pct(realisasi, pagu)
    return Line(LEVEL_SUB, sub.kode, sub.nama, sub.pagu_murni, pagu, realisasi, pct,
                efisiensi(pct), capaian_output(sub), sub)


def parent_line(level: str, kode: str, nama: str, children: list[Line]) -> Line:
    subs = [s for child in children for s in child.subs]
    pagu_murni = _sum_optional(s.pagu_murni for s in subs)
    pagu = sum((s.pagu for s in subs), ZERO)
    realisasi = sum((s.realisasi for s in subs), ZERO)
    pct = realisasi_pct(realisasi, pagu)
    return Line(level, kode, nama, pagu_murni, pagu, realisasi, pct, efisiensi(pct),
                mean_capaian(s.capaian for s in subs), None, tuple(children))


def build_tree(wb: Workbook, include: set[str] | None = None,
               programs: Iterable[Program] | None = None) -> list[Line]:
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
            subs = [sub_line(s) for s in subs_by_kegiatan.get(keg.kode, [])]
            if subs:
                keg_lines.append(parent_line(LEVEL_KEGIATAN, keg.kode, keg.nama, subs))
        if keg_lines:
            out.append(parent_line(LEVEL_PROGRAM, prog.kode, prog.nama, keg_lines))
    return out


def total_line(nama: str, programs: list[Line], kode: str = "") -> Line:
    return parent_line(LEVEL_TOTAL, kode, nama, programs)


def flatten(lines: list[Line]) -> list[Line]:
    """Program, its kegiatan, each kegiatan's sub kegiatan: the row order of a budget table."""
    out = []
    for line in lines:
        out.append(line)
        if line.level != LEVEL_SUB:
            out.extend(flatten(list(line.children)))
    return out
