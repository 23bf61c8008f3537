"""The IKU grouped by their sasaran: what the report says once per sasaran.

Tables that list sasaran number each once and merge its cell over its indicators, and the compact
layout of 3.2 (Profil: Tata Letak Analisis 'Per Sasaran') analyses each sasaran as a whole: one
measurement table with all its indicators and the budget of all the sub kegiatan supporting any
of them. ``compute()`` already orders ``Results.ikus`` by sasaran, so each group is a run of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from lkip_docx.compute.budget import Line, build_tree, total_line
from lkip_docx.compute.results import IkuResult, Results, TreeCounts, settings_of
from lkip_docx.workbook import contract as c
from lkip_docx.workbook.model import Profil, Sasaran


def per_sasaran_layout(p: Profil) -> bool:
    """3.2 analyses each sasaran as a whole (Profil: Tata Letak Analisis 'Per Sasaran')."""
    return p.tata_letak_analisis == c.TATA_LETAK_PER_SASARAN


@dataclass(frozen=True)
class SasaranResult(TreeCounts):
    """One sasaran with its IKU (in report order) and the budget tree of the sub kegiatan that
    support any of them (programs in the order the IKU's own tables list them)."""

    sasaran: Sasaran | None
    #: its number: the position in the Sasaran sheet, as every list of the report numbers it
    #: (0 for IKU without a known sasaran)
    no: int
    ikus: tuple[IkuResult, ...]
    programs: tuple[Line, ...]
    total: Line | None

    @property
    def kode(self) -> str:
        return self.sasaran.kode if self.sasaran else ""


def sasaran_no(res: Results, r: IkuResult) -> int:
    """The number of the IKU's sasaran in workbook order (0 without one)."""
    for i, s in enumerate(res.wb.sasaran, start=1):
        if r.sasaran is not None and s.kode == r.sasaran.kode:
            return i
    return 0


def per_sasaran(res: Results) -> tuple[SasaranResult, ...]:
    """The runs of IKU that share a sasaran, in report order."""
    runs: list[list[IkuResult]] = []
    for r in res.ikus:
        kode = r.sasaran.kode if r.sasaran else None
        if runs and (runs[-1][0].sasaran.kode if runs[-1][0].sasaran else None) == kode:
            runs[-1].append(r)
        else:
            runs.append([r])
    wb = res.wb
    rounding = settings_of(wb.profil).rounding
    prog_by = {p.kode: p for p in wb.program}
    out = []
    for run in runs:
        subs = {line.kode for r in run for p in r.programs for line in p.subs}
        order = list(dict.fromkeys(p.kode for r in run for p in r.programs))
        programs = tuple(build_tree(wb, subs, [prog_by[k] for k in order if k in prog_by],
                                    rounding)) if subs else ()
        total = total_line("JUMLAH", list(programs), rounding=rounding) if programs else None
        out.append(SasaranResult(run[0].sasaran, sasaran_no(res, run[0]), tuple(run), programs,
                                 total))
    return tuple(out)
