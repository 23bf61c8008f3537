"""What the page asks of the library, run inside a worker process (lanes.py). Every function
takes paths in one request's private folder and returns plain, picklable data; the library does
the work, exactly as the CLI calls it.

Pictures a stranger's workbook names with a folder or a drive (``../../``, ``C:\\``) never
reach the server's own files: the library refuses any picture outside the workbook's folder
without looking for it (workbook/images.py), and here that folder is the request's private one.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Callable, TypedDict

from lkip_docx import api
from lkip_docx.problems import LkipError, Problem


def warm_up() -> None:
    """Run once in each new worker, so that it imports this module (and with it lkip_docx.api,
    which imports every step and its libraries) before the first request rather than during
    it. Importing is all there is to do."""


def check(workbook: str) -> dict:
    """The problems of a workbook and, when it has no error, the summary of its figures."""
    result = api.check_workbook(workbook)
    problems = result.problems
    if not any(p.is_error for p in problems) and result.results is None:
        # No error and yet nothing to compute: the library's own word for it.
        try:
            api.compute_workbook(workbook)
        except LkipError as exc:
            problems = exc.problems + problems
    if any(p.is_error for p in problems) or result.results is None:
        # (results is None only with an error: compute_workbook names one when the check did not)
        return {"problems": problems, "ok": False, "summary": None}
    return {"problems": problems, "ok": True,
            "summary": api.summary_json(result.results, result.warnings)}


def build(workbook: str, output: str, template: str | None) -> dict:
    """The report of a workbook into ``output``; its warnings, or every problem that stopped it."""
    try:
        result = api.build_report(workbook, output, template)
    except LkipError as exc:
        return {"ok": False, "problems": exc.problems}
    return {"ok": True, "problems": result.warnings}


def check_template(template: str) -> dict:
    problems = api.check_template(template)
    return {"ok": not any(p.is_error for p in problems), "problems": problems}


def blank_workbook(path: str) -> None:
    api.init_workbook(path)


class BatchItem(TypedDict):
    """One workbook of a batch, as the page lists it."""

    name: str
    problems: list[Problem]
    ok: bool
    report: str | None  # the name of its report in the zip, once built


def batch(workbooks: list[str], folder: str, template: str | None,
          progress: Callable[..., None]) -> dict:
    """The city recap of every workbook and the report of each valid one, zipped.

    Three steps, each reporting ``progress(step, done, total)``: check every workbook (so the page
    lists each one's problems at their cells), the recap of all of them, the reports of those
    without errors. LkipError (as data) when the batch as a whole cannot run (a broken template).
    """
    out = Path(folder)
    items: list[BatchItem] = []
    for i, wb in enumerate(workbooks, start=1):
        problems = api.check_workbook(wb).problems
        items.append({"name": Path(wb).name, "problems": problems,
                      "ok": not any(p.is_error for p in problems), "report": None})
        progress("periksa", i, len(workbooks))

    rekap = out / "rekap.xlsx"
    done = 0

    def recapped(_row) -> None:
        nonlocal done
        done += 1
        progress("rekap", done, len(workbooks))

    try:
        _, notes = api.write_rekap([Path(w) for w in workbooks], rekap, jobs=1,
                                   progress=recapped)
    except LkipError as exc:
        return {"ok": False, "problems": exc.problems, "items": items}

    by_name = {item["name"]: item for item in items}
    valid = [Path(w) for w, item in zip(workbooks, items) if item["ok"]]
    built = 0

    def reported(outcome: api.Outcome, total: int) -> None:
        nonlocal built
        built += 1
        item = by_name[outcome.workbook.name]
        if outcome.ok and outcome.output is not None:  # a report built has its file
            item["report"] = outcome.output.name
            item["problems"] = _merge(item["problems"], outcome.problems)
        else:
            item["ok"] = False
            item["problems"] = _merge(item["problems"], outcome.problems)
        progress("laporan", built, total)

    zipped = out / "laporan.zip"
    if valid:
        progress("laporan", 0, len(valid))
        try:
            own = Path(template) if template is not None else None
            api.build_many(valid, out / "laporan", own, jobs=1, progress=reported)
        except LkipError as exc:
            return {"ok": False, "problems": exc.problems, "items": items}
        with zipfile.ZipFile(zipped, "w", zipfile.ZIP_STORED) as zf:
            for item in items:
                if report := item["report"]:
                    # A .docx is already compressed: stored, not deflated again.
                    zf.write(out / "laporan" / report, report)
    return {"ok": True, "problems": notes, "items": items, "rekap": rekap.name,
            "zip": zipped.name if valid else None}


def _merge(first: list[Problem], more: list[Problem]) -> list[Problem]:
    """The problems of both lists, each once (the build repeats the check's warnings)."""
    seen = {p.key() for p in first}
    return first + [p for p in more if p.key() not in seen]


def build_pdf(workbook: str, output: str, pdf_output: str, template: str | None) -> dict:
    """The report as a PDF through LibreOffice, with the .docx it is made from beside it, as
    ``lkip build -o laporan.pdf`` makes them."""
    try:
        result = api.build_pdf(workbook, pdf_output, template, docx=output)
    except LkipError as exc:
        return {"ok": False, "problems": exc.problems}
    return {"ok": True, "problems": result.warnings}
