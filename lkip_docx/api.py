"""The library API: what the CLI (and any other tool) calls. The top of the library; never
imports click.

- ``check_workbook(path)``: read, validate and compute; every problem in one list.
- ``compute_workbook(path)``: the computed figures, or LkipError listing the errors.
- ``build_report(path, output, ...)``: validate, compute, render and write the .docx atomically.
- ``build_many(inputs, folder, ...)``: a report per workbook, in parallel.
- ``write_rekap(inputs, output, ...)``: the city recap of many workbooks.
- ``init_workbook(path)``: write a blank standard workbook.
- ``upgrade_workbook(old, new)``: write a workbook of an older layout in the current one.
- ``check_template(path)``: every problem of a Word template.
- ``summary_text(results)`` / ``summary_json(results, warnings)``: the computed figures as text.
"""

from __future__ import annotations

from pathlib import Path

from lkip_docx.batch import Outcome, build_many, collect_workbooks
from lkip_docx.build import (
    BuildResult,
    CheckResult,
    ComputedWorkbook,
    build_report,
    check_workbook,
    compute_workbook,
)
from lkip_docx.output import check_target, write_with
from lkip_docx.problems import LkipError, Problem, error
from lkip_docx.rekap import RekapRow, collect, notes
from lkip_docx.rekap import write_rekap as _write_rekap
from lkip_docx.report.template_check import check_template_file as check_template
from lkip_docx.summary import to_json_dict as summary_json
from lkip_docx.summary import to_text as summary_text
from lkip_docx.workbook.bind import bind, is_contract_sheet
from lkip_docx.workbook.load import load
from lkip_docx.workbook.reader import read_workbook
from lkip_docx.workbook.upgrade import Upgrade, convert
from lkip_docx.workbook.writer import write_workbook

__all__ = [
    "BuildResult", "CheckResult", "ComputedWorkbook", "LkipError", "Outcome", "Problem",
    "RekapRow", "build_many", "build_report", "check_template", "check_workbook",
    "compute_workbook", "init_workbook", "summary_json", "summary_text", "upgrade_workbook",
    "write_rekap", "Upgrade",
]


def init_workbook(path: Path | str) -> Path:
    """Write a blank standard workbook; refuses to overwrite an existing file."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise LkipError(error("bad-extension", "nama berkas workbook harus berakhiran .xlsx",
                              place=str(path)))
    # Written next to the target and moved into place: never half a workbook, and a full disk
    # or a folder without permission is a message, not a crash.
    write_with(path, False, lambda tmp: write_workbook(str(tmp)), can_force=False)
    return path


#: Problems of reading that leave the new workbook as complete as the old one: a blank required
#: cell or sheet is blank in both.
_UPGRADE_KEEPS = ("required-empty", "empty-sheet", "missing-field")


def upgrade_workbook(source: Path | str, target: Path | str) -> Upgrade:
    """Write ``source`` (a workbook of any earlier layout) to ``target`` in the current layout;
    never overwrites. Values are carried over as read (a formula as its calculated value), the
    new Profil fields are filled with what the old layout meant, and the result says what was
    filled in. A workbook with a cell that cannot be read is refused (LkipError listing those
    cells): its value would otherwise be lost on the way."""
    source, target = Path(source), Path(target)
    if target.suffix.lower() != ".xlsx":
        raise LkipError(error("bad-extension", "nama berkas workbook harus berakhiran .xlsx",
                              place=str(target)))
    check_target(target, False, can_force=False)
    raw = read_workbook(source, is_contract_sheet)
    tables, problems = bind(raw)
    lost = [p for p in problems if p.is_error and p.code not in _UPGRADE_KEEPS]
    if lost:
        raise LkipError(lost)
    rows, profil, done = convert(list(raw.sheets), tables, load(tables).profil)
    write_with(target, False, lambda tmp: write_workbook(str(tmp), rows, profil),
               can_force=False)
    return done


def write_rekap(inputs: list[Path], output: Path | str, force: bool = False,
                jobs: int | None = None, progress=None) -> tuple[list[RekapRow], list[Problem]]:
    """Recap of many workbooks into one spreadsheet (atomically). Returns the recap rows and the
    warnings about the recap itself (mixed years, a perangkat daerah twice)."""
    output = Path(output)
    if output.suffix.lower() != ".xlsx":
        raise LkipError(error("bad-extension", "nama berkas rekap harus berakhiran .xlsx",
                              place=str(output)))
    check_target(output, force)
    workbooks = [w for w in collect_workbooks(inputs) if w.resolve() != output.resolve()]
    if not workbooks:
        raise LkipError(error("no-workbooks", "tidak ada berkas .xlsx pada masukan",
                              place=", ".join(str(i) for i in inputs)))
    rows = collect(workbooks, jobs, progress)
    warnings = notes(rows)
    write_with(output, force, lambda tmp: _write_rekap(rows, tmp, warnings))
    return rows, warnings
