"""The workbook contract is defined once: the blank workbook (lkip init and workbook_template.xlsx),
the reader, the Petunjuk sheet and docs/workbook.md all agree with lkip_docx/contract.py."""

import importlib.util
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from lkip_docx.cli import main
from lkip_docx.workbook import contract as c
from lkip_docx.workbook.bind import bind, norm_header
from lkip_docx.workbook.reader import read_workbook

ROOT = Path(__file__).resolve().parent.parent


def load_gen_docs():
    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "tools" / "gen_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_workbook_md_is_generated_from_the_contract():
    expected = load_gen_docs().workbook_markdown()
    actual = (ROOT / "docs" / "workbook.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/workbook.md is out of date: run python tools/gen_docs.py"


def headers_of(path: Path) -> dict[str, list[str]]:
    wb = openpyxl.load_workbook(path, read_only=True)
    out = {}
    for ws in wb.worksheets:
        first = next(ws.iter_rows(max_row=1, values_only=True), ())
        out[ws.title] = [v for v in first if v is not None]
    wb.close()
    return out


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    path = tmp_path_factory.mktemp("init") / "baru.xlsx"
    result = CliRunner().invoke(main, ["init", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.mark.parametrize("which", ["init", "template"])
def test_blank_workbooks_have_every_sheet_and_column_of_the_contract(fresh, which):
    path = fresh if which == "init" else ROOT / "workbook_template.xlsx"
    headers = headers_of(path)
    assert list(headers) == [c.PETUNJUK_NAME] + [s.name for s in c.SHEETS]
    for spec in c.SHEETS:
        expected = (list(c.PROFIL_HEADERS) if spec.is_fields
                    else [col.header for col in spec.columns])
        assert headers[spec.name] == expected
    profil = openpyxl.load_workbook(path)["Profil"]
    labels = [row[0].value for row in profil.iter_rows(min_row=2) if row[0].value]
    assert labels == [f.label for f in c.PROFIL.fields]


def test_the_reader_finds_every_column_of_a_blank_workbook(fresh):
    tables, problems = bind(read_workbook(fresh))
    assert not [p for p in problems if p.code in ("missing-column", "missing-sheet",
                                                  "duplicate-column")]
    for spec in c.SHEETS:
        if not spec.is_fields:
            assert set(tables.columns[spec.key]) == {col.key for col in spec.columns}


def test_blank_workbook_formats_and_drop_downs(fresh):
    wb = openpyxl.load_workbook(fresh)
    sub = wb["Sub Kegiatan"]
    letters = {cell.value: cell.column_letter for cell in sub[1]}
    assert sub.column_dimensions[letters["Kode Sub Kegiatan"]].number_format == "@"
    assert sub.column_dimensions[letters["Pagu Murni"]].number_format == "#,##0"
    assert sub.freeze_panes == "A2"
    validations = {str(dv.sqref).split(":")[0][:len(letters["Kode Indikator Program"])]: dv
                   for dv in sub.data_validations.dataValidation}
    assert letters["Kode Indikator Program"] in validations  # drop-down of existing codes
    iku = wb["IKU"]
    formulas = [dv.formula1 for dv in iku.data_validations.dataValidation]
    assert any(c.METODE_NAIK in (f or "") for f in formulas)
    assert wb["Profil"]["B2"].value == c.LAYOUT_VERSION  # the layout version is recorded


def test_petunjuk_explains_every_sheet_and_column(fresh):
    ws = openpyxl.load_workbook(fresh)[c.PETUNJUK_NAME]
    text = {str(cell.value) for row in ws.iter_rows() for cell in row if cell.value}
    for spec in c.SHEETS:
        assert spec.name in text
        for item in (spec.fields if spec.is_fields else spec.columns):
            assert (item.label if spec.is_fields else item.header) in text


def test_every_column_help_and_choice_is_indonesian_text():
    for spec in c.SHEETS:
        assert spec.help
        for col in spec.columns:
            assert norm_header(col.header), col
            if col.kind == c.CHOICE:
                assert col.choices
            if col.ref:
                assert col.ref in c.SHEETS_BY_KEY


def test_the_default_scales_are_pre_filled_and_valid(fresh):
    from lkip_docx.workbook.load import load
    from lkip_docx.workbook.scales import check_scale, group_scales

    tables, _problems = bind(read_workbook(fresh))
    scales = group_scales(load(tables).skala)
    assert set(scales) == {"akip", "spbe"}
    for skala in scales.values():
        assert check_scale(skala) == []
