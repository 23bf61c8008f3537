"""Many workbooks at once: reports built in parallel worker processes, one failure never stopping
the others. Works the same on Windows (spawned workers, top-level functions, pathlib only).

Ctrl-C stops a batch at once: no new report is started, the workers are stopped, their temporary
files removed, and the caller learns which reports were written (BatchInterrupted)."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import secrets
import shutil
import signal
import tempfile
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from lkip_docx import output as output_mod
from lkip_docx.build import build_report, pdf_beside
from lkip_docx.output import TEMP_PREFIX, Inputs, check_target, input_problem, write_atomically
from lkip_docx.problems import LkipError, Location, Problem, error
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


# --- running tasks in worker processes ------------------------------------------------------------

def safe_children() -> None:
    """Worker processes started as a new interpreter (multiprocessing's "spawn", the default on
    Windows and macOS; "forkserver") run ``python -c ...``, which puts the working folder first
    on the import path and imports pickle before any code of lkip runs: a pickle.py lying where
    someone builds a batch would run. They inherit the environment, and PYTHONSAFEPATH keeps the
    folder off their path (it changes nothing else, here or in other programs started later)."""
    os.environ["PYTHONSAFEPATH"] = "1"


def available_cores() -> int:
    """The CPU cores this process may use (fewer than the machine's under an affinity mask)."""
    count = getattr(os, "process_cpu_count", None)  # Python 3.13
    if count is not None:
        n = count()
    elif hasattr(os, "sched_getaffinity"):
        n = len(os.sched_getaffinity(0))
    else:
        n = os.cpu_count()
    return max(1, n or 1)


def default_jobs() -> int:
    return available_cores()


def worker_count(jobs: int | None, tasks: int) -> int:
    """The worker processes a run starts: what was asked (default: every core), never more than
    the cores (each worker is a whole Python with the Word libraries: --jobs 64 on 2 cores ran 65
    processes in 3.2 GB and went no faster) nor than the tasks."""
    cores = available_cores()
    return max(1, min(jobs or cores, cores, tasks))


class Interrupted(KeyboardInterrupt):
    """Ctrl-C during run_parallel: the pending tasks were cancelled and the workers stopped.
    ``done`` maps the index of each task that finished to its result."""

    def __init__(self, done: dict[int, Any]):
        super().__init__()
        self.done = done


def _worker_start(tag: str) -> None:
    # Ctrl-C in a console reaches every process of it: the workers leave it to the parent, which
    # stops them all at once instead of each abandoning its current report in its own way.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    output_mod.run_tag = tag


def _stop(pool: ProcessPoolExecutor) -> None:
    """Cancel what has not started and end the workers now (shutdown alone would wait for every
    report already handed to a worker)."""
    # The executor has no public way to end its workers before Python 3.14.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in processes:
        with contextlib.suppress(Exception):
            proc.terminate()
    for proc in processes:
        with contextlib.suppress(Exception):
            proc.join(10)


def run_parallel(func: Callable[..., Any], tasks: list[tuple], jobs: int | None,
                 progress: Callable[[Any], None] | None,
                 on_crash: Callable[[tuple, Exception], Any], tag: str = "") -> list:
    """``func(*task)`` for every task, in worker processes when ``jobs`` > 1; results in task order.

    ``func`` must be a top-level function returning picklable data. The platform's default start
    method is used (spawn on Windows and macOS, fork on Linux): the functions need no inherited
    state, so both behave alike. ``tag`` marks the workers' temporary files (output.run_tag).
    Ctrl-C raises Interrupted with the results that came back; the workers are stopped.
    """
    jobs = worker_count(jobs, len(tasks))
    results: dict[int, Any] = {}
    if jobs == 1:
        try:
            for i, task in enumerate(tasks):
                results[i] = func(*task)
                if progress:
                    progress(results[i])
        except KeyboardInterrupt:
            raise Interrupted(results) from None
        return [results[i] for i in range(len(tasks))]
    safe_children()
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_start, initargs=(tag,))
    try:
        futures = {pool.submit(func, *task): i for i, task in enumerate(tasks)}
        pending = set(futures)
        while pending:
            # Short waits, not one long one: on Windows a wait on a lock cannot be interrupted,
            # and Ctrl-C would be noticed only when the next report is done.
            finished, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            for fut in finished:
                i = futures[fut]
                try:
                    results[i] = fut.result()
                except Exception as exc:  # noqa: BLE001 - a crashed worker process
                    results[i] = on_crash(tasks[i], exc)
                if progress:
                    progress(results[i])
    except KeyboardInterrupt:
        _stop(pool)
        raise Interrupted(results) from None
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown()
    return [results[i] for i in range(len(tasks))]


# --- a batch of reports ---------------------------------------------------------------------------

class BatchInterrupted(KeyboardInterrupt):
    """Ctrl-C stopped a batch. ``outcomes``: the reports that finished (in input order);
    ``written``: every report file the batch wrote, complete (a report is written whole or not
    at all)."""

    def __init__(self, outcomes: list[Outcome], written: list[Path]):
        super().__init__()
        self.outcomes = outcomes
        self.written = written


def prepare_batch(inputs: Iterable[Path], folder: Path,
                  template: Path | None = None, template_copy: Path | None = None) -> list[Path]:
    """The workbooks of a batch, after every check that would fail them all alike: no workbook
    at all, an output that is not a folder, two workbooks writing the same report, a report that
    would overwrite one of the batch's inputs (a workbook, the template), a broken template (said
    once, not once per workbook; ``template_copy``, when given, is the copy the batch renders
    from and is checked instead). Creates the output folder."""
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
    read = Inputs((wb, "workbook") for wb in workbooks)
    if template is not None:
        read.add(template, "templat")
    for wb in workbooks:
        found = read.find(output_for(wb, folder))
        if found is not None:
            problems.append(input_problem(output_for(wb, folder), *found))
    if template is not None:
        checked = template_copy or template
        problems.extend(_named(p, checked, template) for p in check_template_file(checked)
                        if p.is_error)
    if problems:
        raise LkipError(problems)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LkipError(error("output-failed", f"folder tujuan tidak dapat dibuat: "
                              f"{exc.strerror or exc}", place=str(folder))) from None
    return workbooks


def _named(problem: Problem, copy: Path, original: Path) -> Problem:
    """``problem`` as the user should read it: naming the template they gave, not the batch's
    private copy of it."""
    if copy == original:
        return problem
    old, new = str(copy), str(original)
    loc = problem.location
    place = loc.place.replace(old, new) if loc.place else loc.place
    return dataclasses.replace(problem, message=problem.message.replace(old, new),
                               location=Location(loc.sheet, loc.cell, place))


def _copy_template(template: Path) -> Path:
    """The template's bytes, read once into a private folder: whatever happens to the file
    during the run (saved again in Word, replaced by a colleague), every report of the batch
    comes from the same template."""
    try:
        data = template.read_bytes()
    except OSError as exc:
        raise LkipError(error("template-unreadable", "berkas templat tidak dapat dibaca "
                              f"({exc.strerror or exc})", place=str(template))) from None
    folder = Path(tempfile.mkdtemp(prefix="lkip-templat-"))
    copy = folder / template.name
    try:
        copy.write_bytes(data)
    except OSError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise LkipError(error("output-failed", "salinan sementara templat tidak dapat ditulis "
                              f"({exc.strerror or exc})", place=str(template))) from None
    return copy


def _signature(path: Path) -> tuple | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def _sweep(folder: Path, tag: str) -> None:
    """Remove the temporary files of this run's stopped workers (a worker ended mid-write)."""
    with contextlib.suppress(OSError):
        for leftover in folder.glob(f"{TEMP_PREFIX}{tag}*"):
            with contextlib.suppress(OSError):
                leftover.unlink()


def build_many(inputs: Iterable[Path], folder: Path, template: Path | None = None,
               force: bool = False, jobs: int | None = None,
               progress: Callable[[Outcome, int], None] | None = None, pdf: bool = False,
               page_numbers: bool = True) -> list[Outcome]:
    """Build every workbook of ``inputs`` (files or folders) into ``folder``; outcomes in input
    order. ``progress(outcome, total)`` is called as each report is done. LkipError when the
    batch as a whole cannot run (see prepare_batch); BatchInterrupted on Ctrl-C.

    With ``page_numbers`` (and always with ``pdf``) the reports are then paginated together by
    one LibreOffice start per round (report/pdf.py), and with ``pdf`` each gets its PDF beside
    it."""
    inputs = list(inputs)
    copy = _copy_template(template) if template is not None else None
    try:
        workbooks = prepare_batch(inputs, folder, template, copy)
        outcomes = _run_batch(workbooks, folder, template, copy, force, jobs, progress, pdf)
    finally:
        if copy is not None:
            shutil.rmtree(copy.parent, ignore_errors=True)
    if page_numbers or pdf:
        paginate_outcomes(outcomes, pdf)
    return outcomes


def _run_batch(workbooks: list[Path], folder: Path, template: Path | None, copy: Path | None,
               force: bool, jobs: int | None,
               progress: Callable[[Outcome, int], None] | None, pdf: bool) -> list[Outcome]:
    outputs = [output_for(wb, folder) for wb in workbooks]
    tasks = [(str(wb), str(out), str(copy) if copy else None, force, pdf)
             for wb, out in zip(workbooks, outputs)]
    before = [_signature(out) for out in outputs]
    tag = secrets.token_hex(4) + "-"

    def crashed(task: tuple, exc: Exception) -> Outcome:
        return Outcome(Path(task[0]), None, False, [error(
            "internal-error", f"proses pembuat laporan gagal: {type(exc).__name__}",
            place=Path(task[0]).name)])

    def done(outcome: Outcome) -> None:
        if copy is not None and template is not None:
            outcome.problems = [_named(p, copy, template) for p in outcome.problems]
        if progress is not None:
            progress(outcome, len(tasks))

    try:
        return run_parallel(build_one, tasks, jobs, done, crashed, tag)
    except Interrupted as stop:
        _sweep(folder, tag)
        finished = [stop.done[i] for i in sorted(stop.done)]
        # A worker stopped right after moving its report into place wrote it whole: the file
        # changed although its outcome never came back.
        written = [out for i, out in enumerate(outputs)
                   if (i in stop.done and stop.done[i].ok)
                   or (i not in stop.done and _signature(out) != before[i])]
        raise BatchInterrupted(finished, written) from None


def paginate_outcomes(outcomes: list[Outcome], pdf: bool) -> None:
    """Page numbers (and PDFs) of the reports a batch wrote, rewritten in place."""
    built: list[tuple[Outcome, Path, bytes]] = []
    for o in outcomes:
        if not o.ok or o.output is None:
            continue
        try:
            built.append((o, o.output, o.output.read_bytes()))
        except OSError as exc:
            o.problems.append(error("output-failed", f"laporan tidak dapat dibaca ulang: "
                                    f"{exc.strerror or exc}", place=str(o.output)))
    paged = paginate([data for _, _, data in built], pdf=pdf,
                     names=[path.name for _, path, _ in built])
    for (o, path, original), result in zip(built, paged):
        o.problems.extend(result.problems)
        try:
            if result.docx != original:
                write_atomically(path, result.docx, True)
            if pdf and result.pdf is not None:
                target = pdf_beside(path)
                write_atomically(target, result.pdf, True)
                o.pdf = target
        except LkipError as exc:
            o.problems.extend(exc.problems)
        if any(p.is_error for p in o.problems):
            o.ok = False
