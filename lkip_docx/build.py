"""One workbook through every step: read, bind, load, validate, compute (``check_workbook``), then
build the context, render the template and write the report atomically (``build_report``)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from lkip_docx.compute.results import Results, compute
from lkip_docx.output import Inputs, check_target, write_atomically
from lkip_docx.problems import LkipError, Problem, error, warning
from lkip_docx.report.context import build_context
from lkip_docx.report.render import Renderer
from lkip_docx.workbook import contract as c
from lkip_docx.workbook.bind import bind, is_contract_sheet
from lkip_docx.workbook.load import load
from lkip_docx.workbook.model import Workbook
from lkip_docx.workbook.reader import read_workbook
from lkip_docx.workbook.validate import validate


@dataclass
class CheckResult:
    """What ``check_workbook`` found: every problem, and the model and figures when they could be
    made (``results`` is None when the workbook is too incomplete to compute)."""

    path: Path
    problems: list[Problem] = field(default_factory=list)
    workbook: Workbook | None = None
    results: Results | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class ComputedWorkbook(CheckResult):
    """A CheckResult of a valid workbook: ``workbook`` and ``results`` are always there."""

    workbook: Workbook = None  # type: ignore[assignment] # always set by compute_workbook
    results: Results = None  # type: ignore[assignment]


_CELL = re.compile(r"^([A-Z]+)?(\d+)?")


def _sort_key(p: Problem) -> tuple:
    loc = p.location
    if loc.sheet is None:
        return (0, 0, 0, "")
    order = next((i for i, s in enumerate(c.SHEETS) if s.name.casefold() == loc.sheet.casefold()),
                 len(c.SHEETS))
    m = _CELL.match(loc.cell or "")
    col = (m.group(1) or "") if m else ""
    row = int(m.group(2)) if m and m.group(2) else 0
    return (1, order, row, f"{len(col):02d}{col}")


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Errors before warnings, each in workbook order (sheet, row, column); the same problem
    reported twice (same code, place and message) is kept once. Two different problems at one
    cell (an indicator's Renstra target missing for 2020 and for 2021) are both kept."""
    seen = set()
    unique = []
    for p in problems:
        k = (p.code, str(p.location), p.message)
        if k not in seen:
            seen.add(k)
            unique.append(p)
    return sorted(unique, key=lambda p: (not p.is_error, _sort_key(p)))


def check_workbook(path: Path | str) -> CheckResult:
    """Read, validate and compute one workbook. Problems in the file never raise; they are
    listed."""
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
        results = compute(workbook)
        problems.extend(results.problems)
        result.results = results
    result.problems = sort_problems(problems)
    return result


def compute_workbook(path: Path | str) -> ComputedWorkbook:
    """The computed figures of a valid workbook. Raises LkipError with every error otherwise."""
    result = check_workbook(path)
    if not result.ok or result.results is None or result.workbook is None:
        raise LkipError(result.errors or [error("incomplete-workbook",
                                                "workbook belum lengkap", place=str(path))])
    return ComputedWorkbook(result.path, result.problems, result.workbook, result.results)


@dataclass
class BuildResult:
    output: Path
    warnings: list[Problem]


def pictures(workbook: Workbook, folder: Path) -> list[Path]:
    """The picture files a workbook names (logo, organisation chart), in its folder."""
    return [folder / name for name in (workbook.profil.logo, workbook.profil.bagan_organisasi)
            if name]


def build_report(path: Path | str, output: Path | str, template: Path | str | None = None,
                 force: bool = False) -> BuildResult:
    """Validate, compute and render one workbook into ``output`` (.docx), atomically.

    Raises LkipError (workbook errors, template errors, an output that cannot be written, an
    output that is one of the files the build reads, even with ``force``); the output file is
    then left as it was.
    """
    path, output = Path(path), Path(output)
    # The workbook and the template first: refused before any work. The pictures are known
    # once the workbook is read, and are checked before anything is written.
    read = Inputs([(path, "workbook")])
    if template is not None:
        read.add(template, "templat")
    read.check(output)
    check_target(output, force)
    result = compute_workbook(path)
    Inputs((p, "gambar workbook") for p in pictures(result.workbook, path.parent)).check(output)
    warnings = list(result.warnings)
    data = render_report(result.results, path.parent, template, warnings)
    write_atomically(output, data, force)
    return BuildResult(output, warnings)


def inside_folder(folder: Path, name: str) -> bool:
    """Whether the file ``name`` (as typed in the workbook) lies in ``folder`` or below it,
    links resolved: not an absolute path, a drive, a share, or a way up with '..'."""
    base = os.path.realpath(folder)
    try:
        target = os.path.realpath(os.path.join(base, name))
        return os.path.commonpath([base, target]) == base
    except (OSError, ValueError):  # another drive on Windows, a NUL in the name
        return False


_PICTURES = (("logo_path", "logo", "logo"), ("bagan_path", "bagan_organisasi", "bagan organisasi"))


def render_report(results: Results, picture_folder: Path | None = None,
                  template: Path | str | None = None,
                  warnings: list[Problem] | None = None) -> bytes:
    """The report of computed results as .docx bytes (pictures named in the workbook are looked
    for in ``picture_folder``). The template's warnings are appended to ``warnings``.

    A picture named outside ``picture_folder`` is left out with a warning: a workbook passed
    between offices must not be able to put any picture of the planner's computer (a scanned
    ID card, a photo) into a report that is then sent on."""
    warnings = warnings if warnings is not None else []
    context = build_context(results)
    for key, field_key, what in _PICTURES:
        name = context.get(key)
        if name and picture_folder is not None and not inside_folder(picture_folder, name):
            context[key] = ""
            warnings.append(warning(
                "picture-outside-folder",
                f"berkas {what} '{name}' berada di luar folder workbook dan tidak dipakai; "
                "letakkan gambarnya di folder workbook dan tulis namanya saja",
                loc=results.wb.profil.src.at(field_key)))
    renderer = Renderer(template)
    data = renderer.render(context, picture_folder)
    warnings.extend(renderer.warnings)
    return data
