"""One workbook through every step: read, bind, load, validate, compute (``check_workbook``), then
build the context, render the template and write the report atomically (``build_report``)."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from lkip_docx import fmt
from lkip_docx.compute.results import Results, compute
from lkip_docx.output import Inputs, check_target, write_atomically
from lkip_docx.problems import LkipError, Problem, error, unique
from lkip_docx.report import provenance
from lkip_docx.report.context import build_context
from lkip_docx.report.engine import sniff_docx
from lkip_docx.report.pdf import paginate
from lkip_docx.report.render import Renderer
from lkip_docx.workbook import contract as c
from lkip_docx.workbook.bind import bind, is_contract_sheet
from lkip_docx.workbook.images import picture_problem
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
    return sorted(unique(problems), key=lambda p: (not p.is_error, _sort_key(p)))


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
    #: the PDF written beside the .docx, when one was asked for and could be made
    pdf: Path | None = None
    #: problems that did not stop the .docx (a PDF that could not be made): the command fails
    errors: list[Problem] = field(default_factory=list)


def pdf_beside(output: Path) -> Path:
    return output.with_suffix(".pdf")


def pictures(workbook: Workbook, folder: Path) -> list[Path]:
    """The picture files a workbook names (logo, organisation chart, the lampiran's scan, a
    picture per prestasi), in its folder."""
    p = workbook.profil
    names = [p.logo, p.bagan_organisasi, p.gambar_lampiran, *(x.gambar for x in workbook.prestasi)]
    return [folder / name for name in names if name]


def build_report(path: Path | str, output: Path | str, template: Path | str | None = None,
                 force: bool = False, pdf: Path | str | None = None,
                 page_numbers: bool = True) -> BuildResult:
    """Validate, compute and render one workbook into ``output`` (.docx), atomically.

    With ``page_numbers`` the contents' page numbers are filled in through LibreOffice when it is
    installed (report/pdf.py; a warning says when it is not); with ``pdf`` the PDF of that very
    document is written there too. Raises LkipError (workbook errors, template errors, an output
    that cannot be written, an output that is one of the files the build reads, even with
    ``force``); the output files are then left as they were. A PDF that cannot be made does not
    stop the .docx: it is in ``errors``.
    """
    path, output = Path(path), Path(output)
    pdf = Path(pdf) if pdf is not None else None
    # The workbook and the template first: refused before any work. The pictures are known
    # once the workbook is read, and are checked before anything is written.
    read = Inputs([(path, "workbook")])
    if template is not None:
        # A template that is not a Word file (or a FIFO, which would block whoever reads it,
        # hashing included) is refused before any work.
        sniff_docx(Path(template))
        read.add(template, "templat")
    read.check(output)
    check_target(output, force)
    if pdf is not None:
        read.check(pdf)
        check_target(pdf, force)
    # Hashed before reading, so that the hash names the bytes the figures were computed from.
    digest = workbook_sha256(path)
    result = compute_workbook(path)
    Inputs((p, "gambar workbook") for p in pictures(result.workbook, path.parent)).check(output)
    warnings = list(result.warnings)
    asal = make_provenance(path.name, digest, result, template)
    data = render_report(result.results, path.parent, template, warnings, asal)
    built = BuildResult(output, warnings)
    pdf_data = None
    if page_numbers or pdf is not None:
        paged = paginate([data], pdf=pdf is not None, names=[(pdf or output).name])[0]
        data, pdf_data = paged.docx, paged.pdf
        warnings.extend(p for p in paged.problems if not p.is_error)
        built.errors.extend(p for p in paged.problems if p.is_error)
    write_atomically(output, data, force)
    if pdf is not None and pdf_data is not None:
        write_atomically(pdf, pdf_data, force)
        built.pdf = pdf
    return built


def shown_pictures(results: Results, folder: Path | None) -> Results:
    """The results with every picture that cannot be shown left out (validation warned at its
    cell), so that the report numbers and lists only the figures it prints."""
    def usable(name: str | None) -> str | None:
        return name if name and folder is not None and picture_problem(folder, name) is None \
            else None

    wb = results.wb
    profil = replace(wb.profil, logo=usable(wb.profil.logo),
                     bagan_organisasi=usable(wb.profil.bagan_organisasi),
                     gambar_lampiran=usable(wb.profil.gambar_lampiran))
    prestasi = tuple(replace(x, gambar=usable(x.gambar)) for x in wb.prestasi)
    if profil == wb.profil and prestasi == wb.prestasi:
        return results
    return replace(results, wb=replace(wb, profil=profil, prestasi=prestasi))


def workbook_sha256(path: Path) -> str:
    try:
        return provenance.sha256_of(path)
    except OSError:
        return ""  # the reader reports an unreadable file with its own message


def make_provenance(name: str, digest: str, result: CheckResult,
                    template: Path | str | None = None,
                    when: _dt.datetime | None = None) -> provenance.Provenance:
    """Where a report built now from this checked workbook comes from."""
    templat, templat_sha = provenance.TEMPLAT_BAWAAN, ""
    if template is not None:
        templat = fmt.escaped(Path(template).name, fmt.NOT_XML)
        try:
            templat_sha = provenance.sha256_of(template)
        except OSError:
            templat_sha = ""
    status = provenance.STATUS_DRAF if provenance.is_draft(result.results) \
        else provenance.STATUS_LENGKAP
    # File names may hold characters XML cannot carry (POSIX allows control characters): they
    # are recorded escaped, in the properties and the closing line, never as a broken package.
    return provenance.Provenance(
        workbook=fmt.escaped(name, fmt.NOT_XML), sha256=digest,
        waktu=when or _dt.datetime.now().astimezone(),
        status=status, templat=templat, templat_sha256=templat_sha)


def render_report(results: Results, picture_folder: Path | None = None,
                  template: Path | str | None = None,
                  warnings: list[Problem] | None = None,
                  asal: provenance.Provenance | None = None) -> bytes:
    """The report of computed results as .docx bytes (pictures named in the workbook are looked
    for in ``picture_folder``). The template's warnings are appended to ``warnings``. With
    ``asal``, the report records where it comes from (document properties and closing line)."""
    renderer = Renderer(template)
    data = renderer.render(build_context(shown_pictures(results, picture_folder), asal),
                           picture_folder)
    if warnings is not None:
        warnings.extend(renderer.warnings)
    if asal is not None:
        data = provenance.stamp(data, asal)
    return data
