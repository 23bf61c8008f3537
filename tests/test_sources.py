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

import datetime as dt
import difflib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path
from xml.etree.ElementTree import canonicalize

import openpyxl
import pytest

from lkip_docx.api import check_workbook

ROOT = Path(__file__).resolve().parent.parent
MAKE_TEMPLATE = ROOT / "tools" / "make_template.py"
MAKE_SAMPLE = ROOT / "tools" / "make_sample.py"
SHIPPED_TEMPLATES = {
    "package": ROOT / "lkip_docx" / "templates" / "report_template.docx",
    "top-level": ROOT / "report_template.docx",
}
SAMPLES = ROOT / "samples"
SAMPLE_WORKBOOKS = sorted(SAMPLES.glob("*.xlsx"))
DATA_FILES = sorted((SAMPLES / "src").glob("*.json"))
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


# --- the samples ---------------------------------------------------------------------------------

def load_make_sample():
    spec = importlib.util.spec_from_file_location("make_sample", MAKE_SAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_sample = load_make_sample()


def cell_values(path: Path) -> dict[tuple[str, str], tuple[str, object]]:
    """Every non-empty cell of every sheet with its kind of value; numbers by exact value.
    Written here again rather than taken from make_sample.py: the test is the independent check
    of that tool, and must not share its way of comparing."""
    wb = openpyxl.load_workbook(path)
    out: dict[tuple[str, str], tuple[str, object]] = {("", "sheets"): ("names", wb.sheetnames)}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                v = cell.value
                if v is None:
                    continue
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    out[(ws.title, cell.coordinate)] = ("number", Decimal(repr(v)))
                else:
                    out[(ws.title, cell.coordinate)] = (type(v).__name__, v)
    return out


def cell_differences(expected: Path, actual: Path) -> list[str]:
    want, have = cell_values(expected), cell_values(actual)
    return [f"{sheet}!{cell}: built {want.get((sheet, cell))!r}, "
            f"found {have.get((sheet, cell))!r}"
            for sheet, cell in sorted(set(want) | set(have))
            if want.get((sheet, cell)) != have.get((sheet, cell))]


def test_every_sample_workbook_has_its_data_file():
    assert SAMPLE_WORKBOOKS, "no sample workbook"
    assert [p.stem for p in SAMPLE_WORKBOOKS] == [p.stem for p in DATA_FILES]


@pytest.mark.parametrize("workbook", SAMPLE_WORKBOOKS, ids=lambda p: p.stem)
def test_sample_workbook_is_what_its_data_file_builds(workbook, tmp_path):
    built = tmp_path / workbook.name
    make_sample.build(SAMPLES / "src" / f"{workbook.stem}.json", built)
    differences = cell_differences(built, workbook)
    assert differences == [], (f"{workbook.name} is not what samples/src/{workbook.stem}.json "
                               "builds: edit the data file, run python tools/make_sample.py\n"
                               + "\n".join(differences[:20]))


@pytest.mark.parametrize("workbook", SAMPLE_WORKBOOKS, ids=lambda p: p.stem)
def test_sample_workbook_passes_lkip_check(workbook):
    assert [str(p) for p in check_workbook(workbook).errors] == []


def test_make_sample_check_needs_nothing_outside_the_repository(tmp_path):
    # Run from an unrelated folder: nothing may be found through a relative path.
    result = subprocess.run([sys.executable, str(MAKE_SAMPLE), "--check"], capture_output=True,
                            text=True, cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "shared" not in MAKE_SAMPLE.read_text(encoding="utf-8")


@pytest.fixture
def samples_copy(tmp_path) -> Path:
    folder = tmp_path / "samples"
    (folder / "src").mkdir(parents=True)
    for p in SAMPLE_WORKBOOKS + DATA_FILES + sorted(SAMPLES.glob("*.png")):
        shutil.copy(p, folder / p.relative_to(SAMPLES))
    assert make_sample.check(folder) == []
    return folder


def test_check_reports_a_data_file_changed_without_rebuilding(samples_copy):
    data_file = samples_copy / "src" / DATA_FILES[0].name
    data = json.loads(data_file.read_text(encoding="utf-8"))
    first = data["sub_kegiatan"][0]
    first["pagu_murni"] = str(int(first["pagu_murni"]) + 1)
    data_file.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    failures = make_sample.check(samples_copy)
    assert len(failures) == 1 and "Sub Kegiatan!D2" in failures[0], failures


def test_check_reports_a_hand_edited_workbook(samples_copy):
    workbook = samples_copy / SAMPLE_WORKBOOKS[0].name
    wb = openpyxl.load_workbook(workbook)
    wb["Narasi"]["E2"] = wb["Narasi"]["E2"].value + " (diubah)"
    wb.save(workbook)
    failures = make_sample.check(samples_copy)
    assert len(failures) == 1 and "Narasi!E2" in failures[0], failures


def test_check_reports_a_workbook_without_data_file_and_a_missing_picture(samples_copy):
    data_file = samples_copy / "src" / DATA_FILES[0].name
    shutil.copy(samples_copy / SAMPLE_WORKBOOKS[0].name, samples_copy / "lain.xlsx")
    data = json.loads(data_file.read_text(encoding="utf-8"))
    data["profil"]["logo"] = "logo-dinas.png"
    data_file.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    failures = make_sample.check(samples_copy)
    assert any(f.startswith("lain.xlsx: no data file") for f in failures), failures
    assert any("logo-dinas.png" in f for f in failures), failures


# --- the data file format ------------------------------------------------------------------------

def build_from(text: str, tmp_path: Path) -> Path:
    data_file = tmp_path / "contoh.json"
    data_file.write_text(text, encoding="utf-8")
    out = tmp_path / "contoh.xlsx"
    make_sample.build(data_file, out)
    return out


def test_values_keep_their_exact_kind_and_value(tmp_path):
    data = {
        "profil": {"tahun": "2024", "tanggal": "2025-01-16", "kepala_nip": "19770126 199703 1 003",
                   "periode_renstra": "2024-2026", "ikhtisar_eksekutif": "Tidak"},
        "program": [{"kode": "2.16.02", "nama": "Program A", "kelompok": "BLU",
                     "anggaran_pk": "24102265650"}],
        "komponen_indeks": [{"kode": "0001", "nilai": "0,9", "desimal": "2"},
                            {"kode": "X", "nilai": "-12,345", "uraian": ["baris 1", "baris 2"]},
                            {"kode": "Y", "nilai": "1234567,12345678"}],
        "skala": [{"kode": "SPBE", "bawah": "4,2", "atas": "5", "bawah_inklusif": "Ya"}],
    }
    wb = openpyxl.load_workbook(build_from(json.dumps(data), tmp_path))
    profil = {row[0].value: row[1].value for row in wb["Profil"].iter_rows(min_row=2)}
    assert profil["Tahun Kinerja"] == 2024
    assert profil["Tanggal Penandatanganan"] == dt.datetime(2025, 1, 16)
    assert profil["NIP Penandatangan"] == "19770126 199703 1 003"
    assert profil["Periode Renstra"] == "2024-2026"
    assert profil["Tampilkan Ikhtisar Eksekutif"] == "Tidak"
    assert wb["Program"]["D2"].value == 24102265650
    assert wb["Program"]["A2"].value == "2.16.02"
    ki = wb["Komponen Indeks"]
    assert [ki["A2"].value, ki["C2"].value, ki["E2"].value] == ["0001", 0.9, 2]
    assert [ki["B3"].value, ki["C3"].value] == ["baris 1\nbaris 2", -12.345]
    assert Decimal(repr(ki["C4"].value)) == Decimal("1234567.12345678")  # 15 digits: kept
    assert [wb["Skala Predikat"][c].value for c in ("A2", "C2", "D2", "E2")] == \
        ["SPBE", 4.2, "Ya", 5]
    # A sheet the data file leaves out is empty: no default rows are added behind its back.
    assert wb["Skala Predikat"].max_row == 2
    assert wb["Evaluasi AKIP"].max_row == 1


@pytest.mark.parametrize("text, message", [
    ('{"program": [{"kode": "1", "anggaran_pk": 1403610650}]}', "is not a string"),
    ('{"komponen_indeks": [{"kode": "1", "nilai": 4.41}]}', "is not a string"),
    ('{"program": [{"kode": "1", "anggaran_pk": "1.403.610.650"}]}', "decimal comma"),
    ('{"program": [{"kode": "1", "anggaran_pk": "1.403"}]}', "decimal comma"),
    ('{"komponen_indeks": [{"kode": "1", "nilai": "4.41"}]}', "decimal comma"),
    ('{"komponen_indeks": [{"kode": "1", "nilai": "1e3"}]}', "decimal comma"),
    ('{"komponen_indeks": [{"kode": "1", "nilai": "0,1234567890123456"}]}', "more digits"),
    ('{"program": [{"kode": "1", "anggaran_pk": "1234567890123456"}]}', "more digits"),
    ('{"komponen_indeks": [{"kode": "1", "desimal": "2,5"}]}', "whole number"),
    ('{"program": [{"kode": ""}]}', "empty string"),
    ('{"program": [{"kode": null}]}', "is not a string"),
    ('{"program": [{"kode": ["2", "16"]}]}', "is not a string"),
    ('{"program": [{"kodee": "1"}]}', "unknown column"),
    ('{"programs": []}', "unknown sheet"),
    ('{"program": {"kode": "1"}}', "list of objects"),
    ('{"profil": {"tanggal": "16 Januari 2025"}}', "ISO date"),
    ('{"profil": {"kepala": "x"}}', "unknown field"),
    ('{"program": [], "program": []}', "appears twice"),
    ('{"program": [{"kode": "1", "kode": "2"}]}', "appears twice"),
])
def test_an_ambiguous_or_unknown_value_is_refused(tmp_path, text, message):
    with pytest.raises(make_sample.DataError, match=re.escape(message)):
        build_from(text, tmp_path)
    assert not (tmp_path / "contoh.xlsx").exists()


@pytest.mark.parametrize("workbook", SAMPLE_WORKBOOKS, ids=lambda p: p.stem)
def test_extracting_a_sample_gives_a_data_file_that_builds_it(workbook, tmp_path):
    data_file = tmp_path / "src" / f"{workbook.stem}.json"
    data_file.parent.mkdir()
    result = run(MAKE_SAMPLE, "--extract", str(workbook), "-o", str(data_file))
    assert result.returncode == 0, result.stderr
    built = tmp_path / workbook.name
    make_sample.build(data_file, built)
    assert cell_differences(built, workbook) == []
    # ... and the committed data file says the same (numbers compare by value).
    assert make_sample.parse(data_file.read_text(encoding="utf-8")) == \
        make_sample.parse((SAMPLES / "src" / data_file.name).read_text(encoding="utf-8"))
