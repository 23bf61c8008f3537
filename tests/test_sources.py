"""Sources of truth a maintainer edits, and the files built from them.

- The default Word template: ``tools/make_template.py`` is its source. Both shipped copies
  (``lkip_docx/templates/report_template.docx`` and ``report_template.docx``) must hold, part by
  part, the XML the script builds (canonicalised: zip timestamps, member order, compression and
  attribute order do not count). Editing a .docx by hand, or changing the script without running
  it, fails here.
- The samples: ``samples/src/NAME.json`` is the source of ``samples/NAME.xlsx``
  (``tools/make_sample.py``); every cell value of the workbook must be what the data file builds.
  The data file format is documented in ``samples/README.md``.

The comparisons here are the tests' own (not the scripts' ``--check``), so a broken ``--check``
cannot hide a stale file; the scripts' ``--check`` is exercised separately.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree.ElementTree import canonicalize

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAKE_TEMPLATE = ROOT / "tools" / "make_template.py"
SHIPPED_TEMPLATES = {
    "package": ROOT / "lkip_docx" / "templates" / "report_template.docx",
    "top-level": ROOT / "report_template.docx",
}
REGENERATE_TEMPLATE = ("run python tools/make_template.py and commit both copies (the .docx is "
                       "built, never edited by hand; see docs/template.md)")


def run(script: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(script), *args], capture_output=True, text=True,
                          env=env, timeout=120)


# --- the template --------------------------------------------------------------------------------

def canonical_parts(path: Path) -> dict[str, str | bytes]:
    """Each part of a .docx by name; XML parts canonicalised (C14N 2.0)."""
    with zipfile.ZipFile(path) as z:
        return {name: canonicalize(z.read(name).decode("utf-8"))
                if name.endswith((".xml", ".rels")) else z.read(name)
                for name in z.namelist()}


def _lines(xml: str) -> list[str]:
    # one element per line, so that a difference shows as a short diff and not one huge line
    return re.sub(r">\s*<", ">\n<", xml).splitlines()


def package_differences(expected: Path, actual: Path, context: int = 30) -> list[str]:
    """What differs between two .docx packages, part by part, with an excerpt of each diff."""
    want, have = canonical_parts(expected), canonical_parts(actual)
    out = []
    for name in sorted(set(want) | set(have)):
        if name not in have:
            out.append(f"{name}: missing from {actual.name}")
        elif name not in want:
            out.append(f"{name}: in {actual.name} but not built by the generator")
        elif want[name] != have[name]:
            if isinstance(want[name], bytes):
                out.append(f"{name}: binary part differs")
                continue
            diff = list(difflib.unified_diff(_lines(want[name]), _lines(have[name]), "generated",
                                             str(actual.name), lineterm="", n=1))
            out.append(f"{name} differs:\n" + "\n".join(diff[:context]))
    return out


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("template") / "report_template.docx"
    result = run(MAKE_TEMPLATE, "--output", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.mark.parametrize("which", SHIPPED_TEMPLATES)
def test_shipped_template_is_what_the_generator_builds(generated, which):
    differences = package_differences(generated, SHIPPED_TEMPLATES[which])
    assert differences == [], (f"{SHIPPED_TEMPLATES[which].relative_to(ROOT)} is not what "
                               f"tools/make_template.py builds: {REGENERATE_TEMPLATE}\n"
                               + "\n".join(differences))


def test_the_generator_gives_the_same_bytes_every_run(generated, tmp_path):
    # Another hash seed: no ordering of a set or dict may leak into the package.
    again = tmp_path / "again.docx"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    result = run(MAKE_TEMPLATE, "--output", str(again), env=env)
    assert result.returncode == 0, result.stderr
    assert again.read_bytes() == generated.read_bytes()


def test_the_template_check_of_the_generator_agrees():
    result = run(MAKE_TEMPLATE, "--check")
    assert result.returncode == 0, result.stderr


def rewrite_part(src: Path, dst: Path, name: str, edit) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == name:
                changed = edit(data.decode("utf-8"))
                assert changed != data.decode("utf-8"), "the edit did not apply"
                data = changed.encode("utf-8")
            zout.writestr(info, data)


@pytest.mark.parametrize("part, edit", [
    ("word/document.xml", lambda xml: xml.replace("KATA PENGANTAR", "KATA  PENGANTAR", 1)),
    ("word/styles.xml", lambda xml: xml.replace('w:ascii="Arial"', 'w:ascii="Calibri"', 1)),
    ("docProps/core.xml", lambda xml: xml.replace("2025-01-01T00:00:00Z", "2025-03-04T10:11:12Z",
                                                  1)),
], ids=["text", "style", "saved-again"])
def test_a_hand_edit_of_a_shipped_template_is_caught(tmp_path, part, edit):
    # Against the shipped copy itself, so that this shows what the comparison sees even while
    # the shipped copy is stale.
    edited = tmp_path / "report_template.docx"
    rewrite_part(SHIPPED_TEMPLATES["package"], edited, part, edit)
    differences = package_differences(SHIPPED_TEMPLATES["package"], edited)
    assert [d.split(" ")[0] for d in differences] == [part]


def test_zip_layout_and_attribute_order_do_not_count(generated, tmp_path):
    """Only content counts: another member order, timestamps, compression and attribute order
    leave the package equal (so the test does not fail on a harmless re-zip)."""
    shuffled = tmp_path / "shuffled.docx"
    with zipfile.ZipFile(generated) as zin, zipfile.ZipFile(shuffled, "w",
                                                            zipfile.ZIP_STORED) as zout:
        for info in reversed(zin.infolist()):
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                swapped = re.sub(r'<w:pgSz (w:w="\d+") (w:h="\d+")', r"<w:pgSz \2 \1",
                                 data.decode("utf-8"))
                assert swapped != data.decode("utf-8")
                data = swapped.encode("utf-8")
            zout.writestr(zipfile.ZipInfo(info.filename, date_time=(2024, 5, 6, 7, 8, 10)), data)
    assert shuffled.read_bytes() != generated.read_bytes()
    assert package_differences(generated, shuffled) == []


def test_a_generator_change_without_regenerating_is_caught(tmp_path):
    """A copy of the repository's generator, with one layout constant changed and the shipped
    copies not rebuilt: the comparison above and the script's --check both report it."""
    tools = tmp_path / "tools"
    tools.mkdir()
    source = MAKE_TEMPLATE.read_text(encoding="utf-8")
    assert 'SHADE = "D9D9D9"' in source
    (tools / "make_template.py").write_text(source.replace('SHADE = "D9D9D9"', 'SHADE = "EEEEEE"'),
                                            encoding="utf-8")
    (tmp_path / "lkip_docx" / "templates").mkdir(parents=True)
    for shipped in SHIPPED_TEMPLATES.values():
        shutil.copy(shipped, tmp_path / shipped.relative_to(ROOT))

    built = tmp_path / "built.docx"
    assert run(tools / "make_template.py", "--output", str(built)).returncode == 0
    for shipped in SHIPPED_TEMPLATES.values():
        differences = package_differences(built, shipped)
        assert differences and all(d.startswith("word/") for d in differences), differences

    check = run(tools / "make_template.py", "--check")
    assert check.returncode == 1
    assert "out of date: lkip_docx/templates/report_template.docx" in check.stderr
    assert "out of date: report_template.docx" in check.stderr
