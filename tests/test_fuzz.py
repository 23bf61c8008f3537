"""Property tests: random damage to the bundled sample workbook never crashes ``check``/``build``.

Each example takes the sample's bytes, changes one to three things with openpyxl (a random cell of
a random data sheet, headers and codes included, set to anything a user or another program can put
there; rows or columns deleted or inserted; a sheet renamed, removed or hidden; cells merged) and
runs ``check`` and ``build`` through the API and through the CLI. Whatever the damage:

- the API raises nothing but LkipError, the CLI exits 0 or 1 and never prints a traceback;
- every problem has a stable code, and a problem inside the workbook names one of its sheets;
- a workbook ``check`` accepts loses nothing on the way to the report (every sub kegiatan,
  indikator program and per-IKU paragraph reaches its table) and ``build`` turns it into a report;
- ``build`` writes a complete report python-docx opens, with no tag of the template left in it, or
  writes nothing at all (no report, no ``.~lkip-*`` temporary file);
- the input workbook is byte-identical afterwards.

The examples are derandomized so that CI sees the same ones every run, and the damage the issue
names is always among them (``EXPLICIT``). ``LKIP_FUZZ_EXAMPLES=2000 LKIP_FUZZ_RANDOM=1
LKIP_FUZZ_CHANGES=6 pytest tests/test_fuzz.py`` explores further when hunting bugs (more examples,
a new seed each run, up to six changes per workbook).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import re
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner
from docx import Document
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from lkip_docx.api import build_report, check_workbook
from lkip_docx.cli import main
from lkip_docx.problems import LkipError
from lkip_docx.report.engine import default_template
from lkip_docx.workbook import contract as c

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "lkip-2024-diskominfostandi-bekasi.xlsx"
SAMPLE_BYTES = SAMPLE.read_bytes()

# CI (CI=true) runs the full profile; a developer's run takes a quick one, so the suite stays
# fast to run while editing. LKIP_FUZZ_EXAMPLES sets any number (e.g. 500 for a long session).
IN_CI = os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")
EXAMPLES = int(os.environ.get("LKIP_FUZZ_EXAMPLES", "0")) or (40 if IN_CI else 8)
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not os.environ.get("LKIP_FUZZ_RANDOM"),
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.function_scoped_fixture],
)


def _shapes() -> dict[str, tuple[int, int]]:
    wb = load_workbook(io.BytesIO(SAMPLE_BYTES))
    shapes = {ws.title: (ws.max_row, ws.max_column) for ws in wb.worksheets
              if ws.title != c.PETUNJUK_NAME}
    wb.close()
    return shapes


SHAPES = _shapes()
SHEETS = sorted(SHAPES)


def _sample_codes() -> list[str]:
    """Short code-like texts of the sample (kode, years typed as text...), to cross references."""
    wb = load_workbook(io.BytesIO(SAMPLE_BYTES))
    found = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows(max_col=2, values_only=True):
            for value in row:
                if isinstance(value, str) and re.fullmatch(r"[A-Za-z0-9._-]{1,30}", value):
                    found.add(value)
    wb.close()
    return sorted(found)


CODES = _sample_codes()
HEADERS = sorted({col.header for s in c.SHEETS if not s.is_fields for col in s.columns}
                 | set(c.PROFIL_HEADERS) | {f.label for f in c.PROFIL.fields})
CHOICES = sorted({ch for s in c.SHEETS if not s.is_fields for col in s.columns
                  for ch in col.choices} | {"Ya", "Tidak"})

# --- values a cell can hold -----------------------------------------------------------------------

EXCEL_ERRORS = ["#DIV/0!", "#REF!", "#N/A", "#NAME?", "#VALUE!", "#NUM!", "#NULL!"]
# openpyxl saves these without a cached value: what a program that does not calculate leaves.
FORMULAS = ["=1/0", "=A1", "=B2*2", "=SUM(A:A)", "=NOW()", '="teks"', "=IF(1,2,3)", "=XYZ(",
            "==", "=1+"]
MARKUP = ["&", "<", ">", '"', "'", "{{", "}}", "{%", "%}", "{{ nama }}", "{{7*7}}", "{% if x %}",
          "{%tr for x in y %}", "{%p endif %}", "{# c #}", "<w:t>", "&amp;", "]]>", "\\", "\t",
          "\n", "\r\n", " ", "_x0007_", "_x000D_", "_x000C_", "_x0000_", "_x005F_", "%", "Rp",
          "\u200f", "\u202e", "\ufeff", "\u00a0", "💯", "🇮🇩", "数据", "ع", "é", "e\u0301"]
NUMBER_TEXTS = ["Rp 1.2.3", "1.234.567", "98,32%", "(1.000)", "-5", "4.09", "1,234", "0",
                "Rp.1.403.610.650,-", "١٢٣", "１２３", "1e5", "  ", "NaN", "inf", "-0", "+5",
                "1.234.567,89", "100%", "2024-2026", "2026-2024", "16 Januari 2025", "31/02/2024",
                "9999-99-99", "Ya", "tidak", "−3"]
NUMBER_FORMATS = ["General", "0%", "0.00%", "@", "d-mmm", "dd/mm/yyyy", '0.00"%"', "#,##0",
                  "[h]:mm:ss", "yyyy"]

_ILLEGAL = "".join(chr(i) for i in range(32) if ILLEGAL_CHARACTERS_RE.match(chr(i)))
plain_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=_ILLEGAL),
                     max_size=40)
mixed_text = st.lists(st.one_of(st.sampled_from(MARKUP), plain_text, st.sampled_from(CODES)),
                      min_size=1, max_size=6).map("".join)
long_text = st.builds(lambda unit, n: (unit * n)[:n], st.sampled_from(["x", "Ä", "💯", "& <",
                                                                       "{{ a }} ", "kata "]),
                      st.sampled_from([300, 5_000, 32_767]))
numbers = st.one_of(
    st.integers(-10**30, 10**30),
    st.integers(-3, 2200),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, -0.0, 1e-300, -1e-300, 1e300, 0.5, 0.985, 2**53 + 1, 10**20, 1e15,
                     0.1 + 0.2, 123456789.123456789]),
    st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-10**9,
                max_value=10**12),
)
dates = st.one_of(
    st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(9999, 12, 31)),
    st.dates(min_value=dt.date(1900, 1, 1)),
    st.times(),
    st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=3000)),
)
values = st.one_of(
    st.sampled_from(HEADERS),
    st.sampled_from(CODES),
    # Codes are compared without case and outer spaces: 'iku1 ' refers to IKU1.
    st.sampled_from(CODES).map(lambda code: f" {code.lower()} "),
    st.sampled_from(CHOICES),
    numbers,
    st.sampled_from(NUMBER_TEXTS),
    dates,
    st.sampled_from(EXCEL_ERRORS),
    st.sampled_from(FORMULAS),
    st.booleans(),
    plain_text,
    mixed_text,
    long_text,
    st.just(""),
    st.none(),  # last: hypothesis draws the first branches of one_of more often
)


# --- damage to the workbook -----------------------------------------------------------------------

@dataclass(frozen=True)
class SetCell:
    sheet: str
    row: int
    col: int
    value: object
    number_format: str | None

    def apply(self, wb):
        cell = wb[self.sheet].cell(self.row, self.col)
        cell.value = self.value
        if self.number_format is not None:
            cell.number_format = self.number_format


@dataclass(frozen=True)
class DeleteRows:
    sheet: str
    row: int
    amount: int

    def apply(self, wb):
        wb[self.sheet].delete_rows(self.row, self.amount)


@dataclass(frozen=True)
class DeleteCols:
    sheet: str
    col: int
    amount: int

    def apply(self, wb):
        wb[self.sheet].delete_cols(self.col, self.amount)


@dataclass(frozen=True)
class InsertRows:
    sheet: str
    row: int

    def apply(self, wb):
        wb[self.sheet].insert_rows(self.row)


@dataclass(frozen=True)
class Merge:
    sheet: str
    row: int
    col: int
    rows: int
    cols: int

    def apply(self, wb):
        wb[self.sheet].merge_cells(start_row=self.row, start_column=self.col,
                                   end_row=self.row + self.rows, end_column=self.col + self.cols)


@dataclass(frozen=True)
class HideRow:
    sheet: str
    row: int

    def apply(self, wb):
        wb[self.sheet].row_dimensions[self.row].hidden = True


@dataclass(frozen=True)
class SheetChange:
    sheet: str
    how: str  # remove, hide, rename

    def apply(self, wb):
        ws = wb[self.sheet]
        if self.how == "remove":
            wb.remove(ws)
        elif self.how == "hide":
            ws.sheet_state = "hidden"
        else:
            ws.title = "Lama " + ws.title[:20]


@st.composite
def set_cell(draw):
    sheet = draw(st.sampled_from(SHEETS))
    max_row, max_col = SHAPES[sheet]
    # Headers (row 1) are damaged as often as data; a cell just outside the table too.
    data_row = st.integers(2, max_row + 2)
    row = draw(st.one_of(st.just(1), data_row, data_row, data_row))
    col = draw(st.integers(1, max_col + 1))
    return SetCell(sheet, row, col, draw(values),
                   draw(st.one_of(st.none(), st.none(), st.sampled_from(NUMBER_FORMATS))))


@st.composite
def structural(draw):
    sheet = draw(st.sampled_from(SHEETS))
    max_row, max_col = SHAPES[sheet]
    kind = draw(st.sampled_from(["delete_rows", "delete_cols", "insert_rows", "merge", "hide_row",
                                 "sheet"]))
    if kind == "delete_rows":
        return DeleteRows(sheet, draw(st.integers(1, max_row)), draw(st.integers(1, 3)))
    if kind == "delete_cols":
        return DeleteCols(sheet, draw(st.integers(1, max_col)), draw(st.integers(1, 2)))
    if kind == "insert_rows":
        return InsertRows(sheet, draw(st.integers(1, max_row + 1)))
    if kind == "merge":
        return Merge(sheet, draw(st.integers(1, max_row)), draw(st.integers(1, max_col)),
                     draw(st.integers(0, 2)), draw(st.integers(0, 1)))
    if kind == "hide_row":
        return HideRow(sheet, draw(st.integers(1, max_row)))
    return SheetChange(sheet, draw(st.sampled_from(["remove", "hide", "rename"])))


mutations = st.lists(st.one_of(set_cell(), set_cell(), structural()), min_size=1,
                      max_size=int(os.environ.get("LKIP_FUZZ_CHANGES", "3")))


def damaged(changes) -> bytes:
    wb = load_workbook(io.BytesIO(SAMPLE_BYTES))
    for change in changes:
        if change.sheet in wb.sheetnames:  # an earlier change may have removed or renamed it
            change.apply(wb)
    buffer = io.BytesIO()
    wb.save(buffer)
    wb.close()
    return buffer.getvalue()


# --- what must hold ------------------------------------------------------------------------------

CODE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CELL_REF = re.compile(r"^(?:[A-Z]{1,3}[0-9]+(?::[A-Z]{1,3}[0-9]+)?"  # F14, C2:C3
                      r"|[0-9]+:[0-9]+|[A-Z]{1,3}:[A-Z]{1,3})$")  # 1:1 (a row), A:A (a column)


def sheet_names(data: bytes) -> set[str]:
    wb = load_workbook(io.BytesIO(data), read_only=True)
    names = set(wb.sheetnames)
    wb.close()
    return names


def assert_well_formed(problems, workbook: Path, names: set[str]) -> None:
    for p in problems:
        assert CODE.match(p.code), p
        assert p.message.strip(), p
        loc = p.location
        if loc.sheet is not None:
            # A problem inside the workbook names one of its sheets, and a real cell or range.
            assert loc.sheet in names, p
            assert loc.cell is None or CELL_REF.match(loc.cell), p
        else:
            # Otherwise it is about the file as a whole.
            assert loc.place == workbook.name, p


def _template_tags() -> set[str]:
    """Every {{ }} and {% %} tag of the bundled template, as its text reads."""
    tags = set()
    with zipfile.ZipFile(default_template()) as zf:
        for name in zf.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                text = re.sub(r"<[^>]+>", "", zf.read(name).decode("utf-8"))
                tags |= set(re.findall(r"\{[{%].*?[%}]\}", text))
    return tags


TEMPLATE_TAGS = _template_tags()


def report_text(path: Path) -> str:
    """The text of every part of a report (body, headers, footers), tags removed."""
    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None
        return "\n".join(re.sub(r"<[^>]+>", "", zf.read(n).decode("utf-8"))
                         for n in zf.namelist() if n.startswith("word/") and n.endswith(".xml"))


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".~lkip-"))


def assert_report(out: Path, written: bool, injected: str) -> None:
    if not written:
        assert not out.exists()
        assert leftovers(out.parent) == []
        return
    assert leftovers(out.parent) == []
    doc = Document(str(out))  # python-docx opens it
    assert doc.paragraphs and doc.tables
    text = report_text(out)
    assert "BAB IV" in text  # the last chapter: the whole template was rendered
    # Braces the user did not type cannot come from anywhere but the template (and a tag the
    # user typed is printed as typed: tests/test_bad_input.py checks it is).
    for tag in TEMPLATE_TAGS:
        if tag not in injected:
            assert tag not in text, tag
    for mark in ("{{", "{%", "%}", "}}"):
        if mark not in injected:
            assert mark not in text, mark


def assert_nothing_lost(result) -> None:
    """A workbook without errors loses nothing on the way: every sub kegiatan, indikator program
    and per-IKU narrative reaches its table, every IKU its sasaran and a capaian."""
    wb, res = result.workbook, result.results
    assert res.n_sub == len(wb.sub_kegiatan)
    assert sum(r.n_sub for r in res.ikus) == len(wb.sub_kegiatan)
    assert sum(len(r.indikator_program) for r in res.ikus) == len(wb.indikator_program)
    assert sum(len(ip.subs) for r in res.ikus for ip in r.indikator_program) == \
        sum(1 for s in wb.sub_kegiatan if s.kode_indikator_program)
    assert sum(len(v) for r in res.ikus for v in r.narasi.values()) == \
        sum(1 for n in wb.narasi if n.kode_iku)
    for r in res.ikus:
        assert r.sasaran is not None and r.tujuan is not None, r.iku.kode
        assert r.capaian.value is not None, r.iku.kode
        assert all(ip.capaian.value is not None for ip in r.indikator_program), r.iku.kode


def run_cli(*args: str):
    result = CliRunner().invoke(main, list(args), env={"LKIP_DEBUG": None})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    assert "Kesalahan internal" not in result.output, result.output
    assert result.exit_code in (0, 1), result.output
    return result


def injected_text(changes) -> str:
    return "\n".join(ch.value for ch in changes
                     if isinstance(ch, SetCell) and isinstance(ch.value, str))


def exercise(data: bytes, changes) -> None:
    """check and build, through the API and the CLI, on one damaged workbook."""
    names = sheet_names(data)
    digest = hashlib.sha256(data).hexdigest()
    folder = Path(tempfile.mkdtemp(prefix="fuzz-"))
    try:
        workbook = folder / "lkip.xlsx"
        workbook.write_bytes(data)

        result = check_workbook(workbook)  # problems in the file never raise
        assert_well_formed(result.problems, workbook, names)
        buildable = result.ok and result.results is not None
        if buildable:
            assert_nothing_lost(result)

        checked = run_cli("check", str(workbook))
        assert checked.exit_code == (0 if result.ok else 1), checked.output

        out = folder / "api.docx"
        try:
            build_report(workbook, out)
        except LkipError as exc:
            assert exc.problems
            assert_well_formed(exc.problems, workbook, names)
            written = False
        else:
            written = True
        # A workbook check accepts is a workbook build turns into a report, and only that.
        assert written == buildable, result.problems
        assert_report(out, written, injected_text(changes))

        out = folder / "cli.docx"
        built = run_cli("build", str(workbook), "-o", str(out))
        assert built.exit_code == (0 if buildable else 1), built.output
        assert_report(out, built.exit_code == 0, injected_text(changes))

        assert hashlib.sha256(workbook.read_bytes()).hexdigest() == digest
    finally:
        for p in sorted(folder.rglob("*"), reverse=True):
            p.unlink() if p.is_file() else p.rmdir()
        folder.rmdir()


def _profil_row(label: str) -> int:
    wb = load_workbook(io.BytesIO(SAMPLE_BYTES), read_only=True)
    try:
        for r, row in enumerate(wb["Profil"].iter_rows(max_col=1, values_only=True), start=1):
            if row[0] == label:
                return r
    finally:
        wb.close()
    raise KeyError(label)


# Every kind of damage the issue names, run on every CI run whatever the random examples are;
# the first four and the last crashed or lost data before the fixes tested in test_bad_input.py.
EXPLICIT = [
    [SetCell("Evaluasi AKIP", 2, 2, 1e300, None)],  # huge number
    [SetCell("Sub Kegiatan", 2, 7, 1e-300, None)],  # tiny float
    [SetCell("IKU", 2, 8, "iku1", None)],  # a code in another case
    [SetCell("Komponen Indeks", 2, 3, "1" + "0" * 30_000, None)],  # 30,000 digits
    [SetCell("Sub Kegiatan", 2, 4, "#DIV/0!", None)],  # Excel error
    [SetCell("Sub Kegiatan", 3, 6, "=F2-1", None)],  # formula without a cached value
    [SetCell("Narasi", 2, 5, "kata " * 6_553, None)],  # very long text
    [SetCell("Tujuan", 2, 2, 'A & B <C> "D" \'E\' {{ nama }} {% if x %}{%p endif %}', None)],
    [SetCell("Prestasi", 2, 1, "💯🇮🇩 数据 עברית عربي e\u0301 \u202e_x0007_x", None)],  # Unicode
    [SetCell("Sub Kegiatan", 2, 5, -5, None)],  # negative money
    [SetCell("Sub Kegiatan", 2, 6, 10**30, None)],  # huge integer
    [SetCell("Target IKU", 3, 3, False, None)],  # boolean where a number belongs
    [SetCell("IKU", 2, 12, 0, None)],  # target 0
    [SetCell("Sub Kegiatan", 2, 3, None, None)],  # required cell blank
    [SetCell("Sub Kegiatan", 2, 4, dt.datetime(2024, 12, 1), None)],  # date for a number
    [SetCell("Profil", _profil_row("Tanggal Penandatanganan"), 2, 45673, "General")],  # number
    [SetCell("IKU", 1, 3, "Kode Sasaran", None)],  # a header typed twice
    [DeleteRows("Kegiatan", 2, 1)],
    [DeleteCols("Sub Kegiatan", 6, 1)],
    [SheetChange("Kegiatan", "remove")],
    [SheetChange("Evaluasi AKIP", "rename")],  # an optional sheet IKU2's realisasi comes from
]


def _with_examples(test):
    for changes in EXPLICIT:
        test = example(changes)(test)
    return test


@FUZZ
@given(mutations)
@_with_examples
def test_damaged_sample_never_crashes_check_or_build(changes):
    exercise(damaged(changes), changes)
