"""The package's layers, checked from the source: data flows one way (workbook -> compute -> report
-> the application on top -> the interfaces: the command line and the web page), no module imports
a higher layer, there is no import cycle, and each third-party library is used only where the
README says it is."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "lkip_docx"

#: Lowest first. A module may import modules of its own layer or of lower layers only.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("base", ("lkip_docx", "lkip_docx.problems", "lkip_docx.numbers", "lkip_docx.fmt")),
    ("workbook", ("lkip_docx.workbook",)),
    ("compute", ("lkip_docx.compute",)),
    ("report", ("lkip_docx.report",)),
    ("application", ("lkip_docx.output", "lkip_docx.build", "lkip_docx.batch", "lkip_docx.rekap",
                     "lkip_docx.summary", "lkip_docx.review", "lkip_docx.api")),
    ("interfaces", ("lkip_docx.cli", "lkip_docx.cli_messages", "lkip_docx.__main__",
                    "lkip_docx.web")),
)

#: Third-party libraries and the only modules (or packages) allowed to import them.
OWNERS = {
    "click": ("lkip_docx.cli", "lkip_docx.cli_messages"),
    "docxtpl": ("lkip_docx.report.engine", "lkip_docx.report.compile_cache"),
    "jinja2": ("lkip_docx.report",),
    "markupsafe": ("lkip_docx.report.engine", "lkip_docx.web"),
    # review: reading a report edited in Word, writing the review workbook
    "docx": ("lkip_docx.report", "lkip_docx.review.dokumen"),
    "openpyxl": ("lkip_docx.workbook.reader", "lkip_docx.workbook.writer", "lkip_docx.rekap",
                 "lkip_docx.review.lembar"),
    "defusedxml": ("lkip_docx.workbook.reader",),
    "flask": ("lkip_docx.web",),
    "waitress": ("lkip_docx.web",),
    "werkzeug": ("lkip_docx.web",),
    "pypdf": ("lkip_docx.report.pdf",),
}


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """Every module ``path`` imports, at any depth of the file (function-level included)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: relative import; the package uses absolute imports"
            base = node.module or ""
            out.add(base)
            # "from lkip_docx.report import engine" imports the module lkip_docx.report.engine
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                if (PACKAGE.parent / (candidate.replace(".", "/") + ".py")).exists() or \
                        (PACKAGE.parent / candidate.replace(".", "/")).is_dir():
                    out.add(candidate)
    return out


MODULES = {module_name(p): imports_of(p) for p in sorted(PACKAGE.rglob("*.py"))}


def layer_of(module: str) -> int:
    best, best_len = None, -1
    for index, (_name, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best_len:
                best, best_len = index, len(prefix)
    assert best is not None, f"{module} belongs to no layer: add it to LAYERS (and the README)"
    return best


def owned(module: str, owners: tuple[str, ...]) -> bool:
    return any(module == o or module.startswith(o + ".") for o in owners)


def test_every_module_belongs_to_a_layer():
    for module in MODULES:
        layer_of(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_imports_a_higher_layer(module):
    mine = layer_of(module)
    for imported in sorted(MODULES[module]):
        if imported == "lkip_docx" or not imported.startswith("lkip_docx"):
            continue
        theirs = layer_of(imported)
        assert theirs <= mine, (f"{module} ({LAYERS[mine][0]}) imports {imported} "
                                f"({LAYERS[theirs][0]})")


@pytest.mark.parametrize("library", sorted(OWNERS))
def test_third_party_libraries_stay_with_their_owners(library):
    users = sorted(m for m, imported in MODULES.items()
                   if any(i == library or i.startswith(library + ".") for i in imported))
    strays = [m for m in users if not owned(m, OWNERS[library])]
    assert strays == [], f"{library} is imported outside {OWNERS[library]}: {strays}"


def test_there_is_no_import_cycle():
    graph = {m: {i for i in imported if i in MODULES and i != m and i != "lkip_docx"}
             for m, imported in MODULES.items()}
    # A package's __init__ imported by "from lkip_docx.report import engine" is no edge back.
    done: set[str] = set()
    path: list[str] = []

    def visit(node: str) -> None:
        if node in path:
            cycle = path[path.index(node):] + [node]
            pytest.fail("import cycle: " + " -> ".join(cycle))
        if node in done:
            return
        path.append(node)
        for nxt in sorted(graph[node]):
            if nxt.startswith(node + "."):
                continue  # a package importing its own submodule
            visit(nxt)
        path.pop()
        done.add(node)

    for module in sorted(graph):
        visit(module)


def test_the_layer_check_can_fail(tmp_path):
    # The checker itself: a workbook module importing the report layer is caught.
    bad = tmp_path / "lkip_docx" / "workbook" / "bad.py"
    bad.parent.mkdir(parents=True)
    bad.write_text("from lkip_docx.report import engine\n")
    imported = imports_of(bad)
    assert "lkip_docx.report" in imported
    assert layer_of("lkip_docx.report.engine") > layer_of("lkip_docx.workbook.bad")
