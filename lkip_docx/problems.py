"""Problems found in a user's files, each with a stable code, a location and a message in
Indonesian."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "galat"
WARNING = "peringatan"


def quote_sheet(name: str) -> str:
    """Excel's way of naming a sheet in a reference: 'Sub Kegiatan' (quotes doubled inside)."""
    return "'" + name.replace("'", "''") + "'"


@dataclass(frozen=True)
class Location:
    """Where a problem is: a file, a sheet, a cell or range, or a place in a Word template."""

    sheet: str | None = None
    cell: str | None = None
    #: free-form place when there is no sheet (a template paragraph, a file)
    place: str | None = None

    def __str__(self) -> str:
        if self.sheet is not None:
            ref = quote_sheet(self.sheet)
            return f"{ref}!{self.cell}" if self.cell else ref
        return self.place or ""


@dataclass(frozen=True)
class Problem:
    """One problem. ``code`` is stable (tests and tools match on it); ``message`` is for people."""

    code: str
    message: str
    location: Location = Location()
    severity: str = ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def __str__(self) -> str:
        where = str(self.location)
        return f"{where}: {self.message}" if where else self.message

    def key(self) -> tuple[str, str]:
        """(code, location) — what tests compare, independent of wording."""
        return (self.code, str(self.location))


class LkipError(Exception):
    """A problem in the user's files (workbook, template, output path). The CLI exits with 1.

    Carries every problem found, so the user can fix them all in one go.
    """

    def __init__(self, problems: list[Problem] | Problem):
        if isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def error(code: str, message: str, sheet: str | None = None, cell: str | None = None,
          place: str | None = None, loc: Location | None = None) -> Problem:
    """An error at a sheet and cell, at a place, or at a Location already made (``loc``)."""
    return Problem(code, message, loc or Location(sheet, cell, place), ERROR)


def warning(code: str, message: str, sheet: str | None = None, cell: str | None = None,
            place: str | None = None, loc: Location | None = None) -> Problem:
    return Problem(code, message, loc or Location(sheet, cell, place), WARNING)


def unique(problems: list[Problem]) -> list[Problem]:
    """``problems`` in their order, the same problem (same code, place and message) kept once:
    two checks may find one fault. Two different problems at one cell are both kept."""
    seen = set()
    out = []
    for p in problems:
        k = (p.code, str(p.location), p.message)
        if k not in seen:
            seen.add(k)
            out.append(p)
    return out
