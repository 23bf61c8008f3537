"""The library API: what the CLI (and any other tool) calls. The top of the library; never
imports click.

- ``check_workbook(path)``: read, validate and compute; every problem in one list.
- ``compute_workbook(path)``: the computed figures, or LkipError listing the errors.
- ``build_report(path, output, ...)``: validate, compute, render and write the .docx atomically
  (page numbers of the contents filled through LibreOffice when it is installed; ``pdf=`` also
  writes the PDF).
- ``build_pdf(path, output_pdf, ...)``: the .docx and its PDF; LkipError when no PDF can be made.
- ``find_libreoffice()``: the LibreOffice program used for page numbers and PDF, or None.
- ``build_many(inputs, folder, ...)``: a report per workbook, in parallel (BatchInterrupted on
  Ctrl-C, with the reports written).
- ``write_rekap(inputs, output, ...)``: the city recap of many workbooks.
- ``init_workbook(path)``: write a blank standard workbook.
- ``upgrade_workbook(old, new)``: write a workbook of an older layout in the current one.
- ``check_template(path)``: every problem of a Word template.
- ``summary_text(results)`` / ``summary_json(results, warnings)``: the computed figures as text.
- ``verify_report(report, workbook)``: a report compared with the one its workbook builds
  (``verify_text`` for people).
- ``write_reviu(workbook, output)``: the Inspektorat's review workbook (Jejak Angka, Konsistensi,
  Kertas Kerja).
- ``diff_workbooks(old, new)``: changed input cells and report figures (``diff_text``,
  ``diff_json``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from lkip_docx.batch import BatchInterrupted, Outcome, build_many, collect_workbooks
from lkip_docx.build import (
    BuildResult,
    CheckResult,
    ComputedWorkbook,
    build_report,
    check_workbook,
    compute_workbook,
)
from lkip_docx.output import Inputs, check_target, write_atomically
from lkip_docx.problems import LkipError, Problem, error
from lkip_docx.rekap import REKAP_KEYWORDS, RekapRow, collect, notes, rekap_bytes
from lkip_docx.report.pdf import find_soffice as find_libreoffice
from lkip_docx.report.template_check import check_template_file as check_template
from lkip_docx.review.diff import HasilDiff, diff_workbooks
from lkip_docx.review.diff import to_json_dict as diff_json
from lkip_docx.review.diff import to_text as diff_text
from lkip_docx.review.konsistensi import PERIKSA, TIDAK_SESUAI
from lkip_docx.review.reviu import HasilReviu, write_reviu
from lkip_docx.review.verify import HasilVerifikasi, verify_report
from lkip_docx.review.verify import to_text as verify_text
from lkip_docx.summary import to_json_dict as summary_json
from lkip_docx.summary import to_text as summary_text
from lkip_docx.workbook.bind import bind, is_contract_sheet
from lkip_docx.workbook.load import load
from lkip_docx.workbook.reader import MAX_FILE_BYTES as MAX_WORKBOOK_BYTES
from lkip_docx.workbook.reader import read_workbook
from lkip_docx.workbook.upgrade import Upgrade, convert
from lkip_docx.workbook.writer import workbook_bytes

#: MAX_WORKBOOK_BYTES: the largest workbook file the reader opens, so that a page can refuse a
#: bigger upload before receiving it, with the reader's own message.
__all__ = [
    "BatchInterrupted", "BuildResult", "CheckResult", "ComputedWorkbook", "LkipError",
    "MAX_WORKBOOK_BYTES", "Outcome", "Problem", "RekapRow", "Upgrade", "build_many", "build_pdf",
    "build_report", "check_template", "check_workbook", "compute_workbook", "find_libreoffice",
    "init_workbook", "summary_json", "summary_text", "upgrade_workbook", "write_rekap",
    # review (lkip_docx.review)
    "HasilDiff", "HasilReviu", "HasilVerifikasi", "diff_json", "diff_text", "diff_workbooks",
    "verify_report", "verify_text", "write_reviu", "PERIKSA", "TIDAK_SESUAI",
]


def init_workbook(path: Path | str) -> Path:
    """Write a blank standard workbook; refuses to overwrite an existing file."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise LkipError(error("bad-extension", "nama berkas workbook harus berakhiran .xlsx",
                              place=str(path)))
    check_target(path, False, can_force=False)
    # Made in memory, written next to the target and moved into place: never half a workbook,
    # and a full disk or a folder without permission is a message, not a crash.
    write_atomically(path, workbook_bytes(), False, can_force=False)
    return path


def _is_earlier_rekap(path: Path) -> bool:
    """Whether ``path`` is a recap this tool wrote (its document properties say so)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            core = zf.read("docProps/core.xml")
    except (OSError, KeyError, zipfile.BadZipFile, ValueError, RuntimeError):
        return False
    return f"<cp:keywords>{REKAP_KEYWORDS}</cp:keywords>".encode() in core


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
    # Also never onto the workbook it reads (another name, the same file).
    Inputs([(source, "workbook")]).check(target)
    write_atomically(target, workbook_bytes(rows, profil), False, can_force=False)
    return done


def write_rekap(inputs: list[Path], output: Path | str, force: bool = False,
                jobs: int | None = None, progress: Callable[[RekapRow], None] | None = None
                ) -> tuple[list[RekapRow], list[Problem]]:
    """Recap of many workbooks into one spreadsheet (atomically). Returns the recap rows and the
    warnings about the recap itself (mixed years, a perangkat daerah twice)."""
    output = Path(output)
    if output.suffix.lower() != ".xlsx":
        raise LkipError(error("bad-extension", "nama berkas rekap harus berakhiran .xlsx",
                              place=str(output)))
    workbooks = collect_workbooks(inputs)
    if _is_earlier_rekap(output):
        # The recap of an earlier run, lying in the folder it recaps: the target, not an input.
        earlier = Inputs([(output, "rekap")])
        workbooks = [w for w in workbooks if earlier.find(w) is None]
    # Any other workbook as the target would be left out of the recap and then overwritten.
    Inputs((w, "workbook") for w in workbooks).check(output)
    check_target(output, force)
    if not workbooks:
        raise LkipError(error("no-workbooks", "tidak ada berkas .xlsx pada masukan",
                              place=", ".join(str(i) for i in inputs)))
    rows = collect(workbooks, jobs, progress)
    # The pictures are known once the workbooks are read (checking one opens its pictures).
    pictures = Inputs((g, "gambar workbook") for row in rows for g in row.gambar)
    pictures.check(output)
    warnings = notes(rows)
    write_atomically(output, rekap_bytes(rows, warnings), force)
    return rows, warnings

