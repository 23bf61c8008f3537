"""docs/errors.md keeps up with the code: every test a row names exists, every error code in the
table is emitted somewhere in lkip_docx, and every example line ends with one of its row's codes."""

from __future__ import annotations

import ast
import re
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ERRORS_MD = ROOT / "docs" / "errors.md"
PACKAGE = ROOT / "lkip_docx"

CODE = re.compile(r"^[a-z]+(?:-[a-z0-9]+)+$")
TEST_REF = re.compile(r"`(tests/[\w/]+\.py)::(\w+)(?:\[([^\]`]*)\])?`")
EXIT = re.compile(r"^[0-3](?: or [0-3])?$")


def rows() -> list[list[str]]:
    """The cells of every row of every table (header and separator rows left out)."""
    out = []
    for line in ERRORS_MD.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line.startswith("|") or line.startswith("| bad input") or line.startswith("| ---"):
            continue
        # A pipe inside a cell is written \| (markdown tables); it does not split the cell.
        cells = [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", line)[1:-1]]
        out.append(cells)
    return out


ROWS = rows()


def row_id(cells: list[str]) -> str:
    return cells[0][:60]


@lru_cache(maxsize=None)
def collected(test_file: str) -> tuple[frozenset[str], frozenset[str]]:
    """(test function names, string constants) of a test file, read with ast."""
    tree = ast.parse((ROOT / test_file).read_text(encoding="utf-8"))
    names = {node.name for node in ast.walk(tree)
             if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
             and node.name.startswith("test")}
    strings = {node.value for node in ast.walk(tree)
               if isinstance(node, ast.Constant) and isinstance(node.value, str)}
    return frozenset(names), frozenset(strings)


@lru_cache(maxsize=None)
def package_source() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(PACKAGE.rglob("*.py")))


def codes_of(cells: list[str]) -> list[str]:
    return [c for c in re.findall(r"`([^`]+)`", cells[2]) if CODE.match(c)]


def test_the_table_has_every_kind_of_bad_input_the_issue_lists():
    assert len(ROWS) >= 60
    assert all(len(cells) == 5 for cells in ROWS), [c for c in ROWS if len(c) != 5]
    text = " ".join(cells[0] for cells in ROWS).lower()
    for words in ("not an xlsx", ".xls", ".ods", "password", "truncated", "zip bomb",
                  "entity", "excel error", "cached value", "date where a number",
                  "number where a date", "merged", "hidden row", "hidden sheet", "very long",
                  "{{ }}", "unicode", "older layout", "sheet missing", "required cell",
                  "negative amount", "target of 0", "target left empty", "unknown reference",
                  "duplicate codes", "realisasi above pagu", "perjanjian kinerja budgets",
                  "gap", "overlapping", "without `--force`", "folder does not exist",
                  "permission", "locked", "disk is full", "jinja syntax", "broken by editing",
                  "unbalanced", "unknown variable", "not a `.docx`"):
        assert words in text, words


@pytest.mark.parametrize("cells", ROWS, ids=row_id)
def test_every_row_names_existing_tests(cells):
    refs = TEST_REF.findall(cells[4])
    assert refs, f"row without a test: {cells[0]}"
    for test_file, name, param in refs:
        assert (ROOT / test_file).is_file(), test_file
        names, strings = collected(test_file)
        assert name in names, f"{test_file}::{name} does not exist"
        if param:
            # A parametrized case is named by its id: a case name or an ids= entry in the file.
            assert param in strings, f"{test_file}::{name}[{param}]: no such case"


@pytest.mark.parametrize("cells", ROWS, ids=row_id)
def test_every_code_is_emitted_by_the_package(cells):
    for code in codes_of(cells):
        assert f'"{code}"' in package_source(), f"code {code} is not emitted by lkip_docx"


@pytest.mark.parametrize("cells", ROWS, ids=row_id)
def test_example_lines_carry_a_code_of_their_row_and_a_valid_exit_code(cells):
    assert EXIT.match(cells[3]), cells[3]
    codes = codes_of(cells)
    for example in re.findall(r"`([^`]+)`", cells[1]):
        m = re.search(r"\[([a-z0-9-]+)\]$", example)
        if m:
            assert m.group(1) in codes, (example, codes)
    source = re.sub(r'warning\(\s*"', 'warning("', package_source())
    for code in codes:
        as_warning = f'warning("{code}"' in source
        as_other = re.search(r'(?<!warning\()"%s"' % re.escape(code), source)
        if cells[3] == "0":
            # Exit 0 with a code is only right for a warning.
            assert as_warning, f"{code}: exit 0 but not a warning"
        elif cells[3] == "1":
            assert as_other, f"{code}: exit 1 but only ever a warning"
