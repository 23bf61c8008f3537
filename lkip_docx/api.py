"""The library API: what the CLI (and any other tool) calls. The top of the library; never
imports click.

- ``check_workbook(path)``: read, validate and compute; every problem in one list.
- ``compute_workbook(path)``: the computed figures, or LkipError listing the errors.
- ``build_report(path, output, ...)``: validate, compute, render and write the .docx atomically
  (page numbers of the contents filled through LibreOffice when it is installed; ``pdf=`` also
  writes the PDF).
- ``build_pdf(path, output_pdf, ...)``: the .docx and its PDF; LkipError when no PDF can be made.
- ``find_libreoffice()``: the LibreOffice program used for page numbers and PDF, or None.
- ``build_many(inputs, folder, ...)``: a report per workbook, in parallel.
- ``write_rekap(inputs, output, ...)``: the city recap of many workbooks.
- ``init_workbook(path)``: write a blank standard workbook.
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
from lkip_docx.report.pdf import find_soffice as find_libreoffice
from lkip_docx.report.template_check import check_template_file as check_template
from lkip_docx.summary import to_json_dict as summary_json
from lkip_docx.summary import to_text as summary_text
from lkip_docx.workbook.writer import write_workbook

__all__ = [
    "BuildResult", "CheckResult", "ComputedWorkbook", "LkipError", "Outcome", "Problem",
    "RekapRow", "build_many", "build_pdf", "build_report", "check_template", "check_workbook",
    "find_libreoffice",
    "compute_workbook", "init_workbook", "summary_json", "summary_text", "write_rekap",
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


def build_pdf(path: Path | str, output: Path | str, template: Path | str | None = None,
              force: bool = False, docx: Path | str | None = None) -> BuildResult:
    """Build one workbook into a PDF (``output``) and the editable .docx it was made from
    (``docx``, by default beside the PDF with the same name). Raises LkipError when the PDF
    cannot be made (no LibreOffice: the message says how to install it); the .docx is written
    all the same."""
    output = Path(output)
    if output.suffix.lower() != ".pdf":
        raise LkipError(error("bad-extension", "nama berkas PDF harus berakhiran .pdf",
                              place=str(output)))
    docx = Path(docx) if docx is not None else output.with_suffix(".docx")
    result = build_report(path, docx, template, force, pdf=output)
    if result.errors:
        raise LkipError(result.errors)
    return result


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
