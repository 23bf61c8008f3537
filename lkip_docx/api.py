"""The library API the CLI (and any other tool) calls. Never imports click.

- ``check_workbook(path)``: read, validate and compute; every problem in one list.
- ``compute_workbook(path)``: the computed figures, or LkipError listing the errors.
- ``build_report(path, output, ...)``: validate, compute, render and write the .docx atomically.
- ``init_workbook(path)``: write a blank standard workbook.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import contract as c
from .problems import LkipError, Problem, error


@dataclass
class CheckResult:
    path: Path
    problems: list[Problem] = field(default_factory=list)
    workbook: object | None = None  # model.Workbook
    results: object | None = None  # compute.Results

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def ok(self) -> bool:
        return not self.errors


_CELL = re.compile(r"^([A-Z]+)?(\d+)?")


def _sort_key(p: Problem):
    loc = p.location
    if loc.sheet is None:
        return (0, 0, 0, "")
    order = next((i for i, s in enumerate(c.SHEETS) if s.name.casefold() == loc.sheet.casefold()),
                 len(c.SHEETS))
    m = _CELL.match(loc.cell or "")
    col = m.group(1) or "" if m else ""
    row = int(m.group(2)) if m and m.group(2) else 0
    return (1, order, row, f"{len(col):02d}{col}")


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Errors before warnings, each in workbook order (sheet, row, column); a (code, location)
    pair reported by two rules is kept once (the first message)."""
    # One cell, one code, one line: two rules that notice the same blank cell say the same thing.
    seen = set()
    unique = []
    for p in problems:
        k = (p.code, str(p.location))
        if k not in seen:
            seen.add(k)
            unique.append(p)
    return sorted(unique, key=lambda p: (not p.is_error, _sort_key(p)))


def check_workbook(path: Path | str) -> CheckResult:
    """Read, validate and compute one workbook. Problems in the file never raise; they are
    listed."""
    from .load import load
    from .reader import read_workbook
    from .tables import bind, is_contract_sheet
    from .validate import validate

    path = Path(path)
    result = CheckResult(path)
    try:
        raw = read_workbook(path, is_contract_sheet)
    except LkipError as exc:
        result.problems = sort_problems(exc.problems)
        return result
    tables, problems = bind(raw)
    workbook = load(tables, path.name)
    problems.extend(validate(workbook, path))
    result.workbook = workbook
    # Computing needs the report year and the Renstra period; without them every capaian would
    # be reported as undefined, burying the one real problem.
    profil = workbook.profil
    if profil.tahun and profil.periode_renstra != (0, 0):
        from .compute import compute

        results = compute(workbook)
        problems.extend(results.problems)
        result.results = results
    result.problems = sort_problems(problems)
    return result


def compute_workbook(path: Path | str):
    """The computed figures of a valid workbook. Raises LkipError with every error otherwise."""
    result = check_workbook(path)
    if not result.ok or result.results is None:
        raise LkipError(result.errors or [error("incomplete-workbook",
                                                "workbook belum lengkap", place=str(path))])
    return result


@dataclass
class BuildResult:
    output: Path
    warnings: list[Problem]


def build_report(path: Path | str, output: Path | str, template: Path | str | None = None,
                 force: bool = False, parallel: bool = False) -> BuildResult:
    """Validate, compute and render one workbook into ``output`` (.docx), atomically.

    ``parallel`` prepares the template in a second process while the workbook is read (see
    pipeline.py); the report is the same either way. Raises LkipError (workbook errors, template
    errors, an output that cannot be written); the output file is then left as it was.
    """
    renderer = None
    if parallel:
        # First of all: the renderer process imports the Word libraries meanwhile.
        from .pipeline import start_renderer

        renderer = start_renderer(template)
    from .output import check_target, write_atomically

    output = Path(output)
    try:
        check_target(output, force)
        result = compute_workbook(path)
        warnings = list(result.warnings)
        data = _render(result.results, Path(path), template, warnings, renderer)
    finally:
        if renderer is not None:
            renderer.close()
    write_atomically(output, data, force)
    return BuildResult(output, warnings)


def _render(results, workbook: Path, template, warnings: list[Problem], renderer) -> bytes:
    if renderer is not None:
        from .context import build_context
        from .pipeline import WorkerFailed

        try:
            data, template_warnings = renderer.render(build_context(results), workbook)
        except WorkerFailed:
            pass  # the helper process failed, not the user's files: render here instead
        else:
            warnings.extend(template_warnings)
            return data
    from .render import render_report

    return render_report(results, workbook, template, warnings)


def init_workbook(path: Path | str) -> Path:
    """Write a blank standard workbook; refuses to overwrite an existing file."""
    from .output import write_with
    from .workbook_writer import write_workbook

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise LkipError(error("bad-extension", "nama berkas workbook harus berakhiran .xlsx",
                              place=str(path)))
    # Written next to the target and moved into place: never half a workbook, and a full disk
    # or a folder without permission is a message, not a crash.
    write_with(path, False, lambda tmp: write_workbook(str(tmp)), can_force=False)
    return path


def write_rekap(inputs: list[Path], output: Path | str, force: bool = False,
                jobs: int | None = None, progress=None):
    """Recap of many workbooks into one spreadsheet (atomically). Returns the recap rows and the
    warnings about the recap itself (mixed years, a perangkat daerah twice)."""
    from .batch import collect_workbooks
    from .output import check_target, write_with
    from .rekap import collect, notes, write_rekap as _write

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
    write_with(output, force, lambda tmp: _write(rows, tmp, warnings))
    return rows, warnings
