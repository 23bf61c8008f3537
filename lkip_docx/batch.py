"""Many workbooks at once: reports built in parallel worker processes, one failure never stopping
the others. Works the same on Windows (spawned workers, top-level functions, pathlib only)."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from lkip_docx.build import build_report, pdf_beside
from lkip_docx.output import check_target, write_atomically
from lkip_docx.problems import LkipError, Problem, error
from lkip_docx.report.pdf import paginate
from lkip_docx.report.template_check import check_template_file

WORKBOOK_SUFFIXES = (".xlsx",)


@dataclass
class Outcome:
    workbook: Path
    output: Path | None
    ok: bool
    problems: list[Problem] = field(default_factory=list)
    pdf: Path | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def collect_workbooks(inputs: Iterable[Path]) -> list[Path]:
    """Workbooks named directly, plus the .xlsx files of named folders (sorted, not recursive).
    Excel's lock files (~$name.xlsx) are skipped."""
    out: list[Path] = []
    for item in inputs:
        if item.is_dir():
            out.extend(sorted(p for p in item.iterdir()
                              if p.suffix.lower() in WORKBOOK_SUFFIXES and p.is_file()
                              and not p.name.startswith("~$") and not p.name.startswith(".")))
        else:
            out.append(item)
    seen: set[Path] = set()
    unique = []
    for p in out:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def output_for(workbook: Path, folder: Path) -> Path:
    return folder / (workbook.stem + ".docx")


def output_clashes(workbooks: list[Path], folder: Path) -> list[Problem]:
    """Workbooks from different folders with the same name would write the same report (and
    race for it); refused before any work. Names are compared without case, as Windows does."""
    seen: dict[str, Path] = {}
    problems = []
    for wb in workbooks:
        key = output_for(wb, folder).name.casefold()
        if key in seen:
            problems.append(error(
                "output-name-clash",
                f"'{wb}' dan '{seen[key]}' sama-sama menghasilkan '{output_for(wb, folder).name}'; "
                "ganti nama salah satu workbook atau bangun di folder tujuan yang berbeda",
                place=str(wb)))
        else:
            seen[key] = wb
    return problems


def build_one(workbook: str, output: str, template: str | None, force: bool,
              pdf: bool = False) -> Outcome:
    """Build one report; every problem comes back as data (worker processes cannot print).
    Page numbers and PDF are left to the batch (one LibreOffice start for all reports); an
    existing PDF that must not be overwritten fails the workbook here, before any work."""
    wb, out = Path(workbook), Path(output)
    try:
        if pdf:
            check_target(pdf_beside(out), force)
        result = build_report(wb, out, template, force, page_numbers=False)
    except LkipError as exc:
        return Outcome(wb, None, False, exc.problems)
    except Exception as exc:  # noqa: BLE001 - one broken workbook must not stop the batch
        return Outcome(wb, None, False, [error("internal-error",
                                               f"kesalahan internal: {type(exc).__name__}: {exc}",
                                               place=wb.name)])
    return Outcome(wb, out, True, result.warnings)


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)


def run_parallel(func: Callable[..., Any], tasks: list[tuple], jobs: int | None,
                 progress: Callable[[Any], None] | None,
                 on_crash: Callable[[tuple, Exception], Any]) -> list:
    """``func(*task)`` for every task, in worker processes when ``jobs`` > 1; results in task order.

    ``func`` must be a top-level function returning picklable data. The platform's default start
    method is used (spawn on Windows and macOS, fork on Linux): the functions need no inherited
    state, so both behave alike.
    """
    jobs = min(jobs or default_jobs(), max(1, len(tasks)))
    results: dict[int, Any] = {}
    if jobs == 1:
        for i, task in enumerate(tasks):
            results[i] = func(*task)
            if progress:
                progress(results[i])
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = {pool.submit(func, *task): i for i, task in enumerate(tasks)}
            for fut in as_completed(futures):
                i = futures[fut]
                try:
                    results[i] = fut.result()
                except Exception as exc:  # noqa: BLE001 - a crashed worker process
                    results[i] = on_crash(tasks[i], exc)
                if progress:
                    progress(results[i])
    return [results[i] for i in range(len(tasks))]


def prepare_batch(inputs: Iterable[Path], folder: Path,
                  template: Path | None = None) -> list[Path]:
    """The workbooks of a batch, after every check that would fail them all alike: no workbook
    at all, an output that is not a folder, two workbooks writing the same report, a broken
    template (said once, not once per workbook). Creates the output folder."""
    workbooks = collect_workbooks(inputs)
    problems: list[Problem] = []
    if not workbooks:
        problems.append(error("no-workbooks", "tidak ada berkas .xlsx pada masukan",
                              place=", ".join(str(i) for i in inputs)))
    if folder.suffix.lower() == ".docx" or (folder.exists() and not folder.is_dir()):
        problems.append(error("output-not-folder",
                              "untuk beberapa workbook, tujuan (-o) harus berupa folder, bukan "
                              "berkas", place=str(folder)))
    problems.extend(output_clashes(workbooks, folder))
    if template is not None:
        problems.extend(p for p in check_template_file(template) if p.is_error)
    if problems:
        raise LkipError(problems)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LkipError(error("output-failed", f"folder tujuan tidak dapat dibuat: "
                              f"{exc.strerror or exc}", place=str(folder))) from None
    return workbooks


def build_many(inputs: Iterable[Path], folder: Path, template: Path | None = None,
               force: bool = False, jobs: int | None = None,
               progress: Callable[[Outcome, int], None] | None = None, pdf: bool = False,
               page_numbers: bool = True) -> list[Outcome]:
    """Build every workbook of ``inputs`` (files or folders) into ``folder``; outcomes in input
    order. ``progress(outcome, total)`` is called as each report is done. LkipError when the
    batch as a whole cannot run (see prepare_batch).

    With ``page_numbers`` (and always with ``pdf``) the reports are then paginated together by
    one LibreOffice start per round (report/pdf.py), and with ``pdf`` each gets its PDF beside
    it."""
    workbooks = prepare_batch(inputs, folder, template)
    tasks = [(str(wb), str(output_for(wb, folder)), str(template) if template else None, force,
              pdf) for wb in workbooks]

    def crashed(task: tuple, exc: Exception) -> Outcome:
        return Outcome(Path(task[0]), None, False, [error(
            "internal-error", f"proses pembuat laporan gagal: {type(exc).__name__}",
            place=Path(task[0]).name)])

    def done(outcome: Outcome) -> None:
        if progress is not None:
            progress(outcome, len(tasks))

    outcomes = run_parallel(build_one, tasks, jobs, done, crashed)
    if page_numbers or pdf:
        paginate_outcomes(outcomes, pdf)
    return outcomes


def paginate_outcomes(outcomes: list[Outcome], pdf: bool) -> None:
    """Page numbers (and PDFs) of the reports a batch wrote, rewritten in place."""
    built = [o for o in outcomes if o.ok and o.output is not None]
    docs = []
    for o in built:
        try:
            docs.append(o.output.read_bytes())
        except OSError as exc:
            docs.append(None)
            o.problems.append(error("output-failed", f"laporan tidak dapat dibaca ulang: "
                                    f"{exc.strerror or exc}", place=str(o.output)))
    pairs = [(o, d) for o, d in zip(built, docs) if d is not None]
    paged = paginate([d for _, d in pairs], pdf=pdf, names=[o.output.name for o, _ in pairs])
    for (o, original), result in zip(pairs, paged):
        o.problems.extend(result.problems)
        try:
            if result.docx != original:
                write_atomically(o.output, result.docx, True)
            if pdf and result.pdf is not None:
                target = pdf_beside(o.output)
                write_atomically(target, result.pdf, True)
                o.pdf = target
        except LkipError as exc:
            o.problems.extend(exc.problems)
        if any(p.is_error for p in o.problems):
            o.ok = False
