"""The model, the loader and the cross-sheet reference check follow the workbook contract: every
column, reference and default is declared once in contract.py, and these tests fail when the typed
model or a rule stops matching that declaration."""

from __future__ import annotations

import dataclasses
import typing
from decimal import Decimal as D

import pytest
from conftest import changed, default_rows, keys, loc, minimal_rows, write_minimal_workbook

from lkip_docx.api import check_workbook
from lkip_docx.workbook import contract as c
from lkip_docx.workbook import model as m
from lkip_docx.workbook.bind import bind
from lkip_docx.workbook.load import RECORD_TYPES, load
from lkip_docx.workbook.reader import read_workbook

TABLES = [s for s in c.SHEETS if not s.is_fields]
REFERENCES = [(spec, col, target) for spec in TABLES for col, target in c.references(spec)]


def _ids(params) -> list[str]:
    return [f"{p[0].key}.{p[1].key}" + "".join(f"-{x}" for x in p[2:] if isinstance(x, int))
            for p in params]


def _field_names(cls: type) -> list[str]:
    return [f.name for f in dataclasses.fields(cls)]


# One filled row for each sheet the minimal workbook leaves empty.
_ROW = {
    "peringkat_akip": {"perangkat_daerah": "Dinas Contoh", "nilai": D(70)},
    "narasi": {"bagian": "Latar Belakang", "teks": "Paragraf."},
    "evaluasi_akip": {"komponen": "Perencanaan Kinerja", "bobot": D(100), "nilai": D(70)},
    "prestasi": {"uraian": "Juara Satu", "pemberi": "Gubernur"},
    "pegawai": {"kelompok": "ASN", "jenis": "Pejabat Struktural", "s1": 3},
}


# --- the model has exactly the contract's columns -----------------------------------------------

def test_workbook_has_one_field_per_sheet_named_by_its_key():
    assert _field_names(m.Workbook) == [s.key for s in c.SHEETS] + ["source_name"]


@pytest.mark.parametrize("spec", c.SHEETS, ids=lambda s: s.key)
def test_each_model_class_has_exactly_its_sheets_columns(spec):
    items = spec.fields if spec.is_fields else spec.columns
    assert _field_names(RECORD_TYPES[spec.key]) == [i.key for i in items] + ["src"]


@pytest.mark.parametrize("spec", TABLES, ids=lambda s: s.key)
def test_record_identity_names_required_columns(spec):
    # A row left out of the model for lacking one of these must have been reported for it.
    assert spec.record_identity
    for key in spec.record_identity:
        assert spec.column(key).required, key


# --- references ---------------------------------------------------------------------------------

def test_every_code_column_pointing_elsewhere_declares_its_reference():
    # A column named after another sheet's code is a reference; without ``ref`` it would escape
    # the check, the drop-down and the exact spelling (Kode Indeks Realisasi once did).
    for spec in TABLES:
        for col in spec.columns:
            if col.kind == c.CODE and col.key.startswith("kode_"):
                assert col.ref, f"{spec.key}.{col.key}"


@pytest.mark.parametrize("key", c.REFERENCED)
def test_referenced_sheets_define_unique_codes_in_their_first_column(key):
    spec = c.sheet(key)
    assert spec.code_column.kind == c.CODE
    assert spec.code_column.required
    assert spec.code_column.key in spec.record_identity
    for derived in spec.derived_codes:
        assert derived.source in c.SHEETS_BY_KEY


def _first_code(target: c.Sheet) -> str:
    rows = minimal_rows().get(target.key) or default_rows(target.key)
    return rows[0][target.code_column.key]


def _rows_with(spec: c.Sheet, col: c.Column, value: str) -> list[dict]:
    if spec.key == "narasi":  # the minimal workbook has no narrative
        section = next(s for s in c.NARRATIVE_SECTIONS if s.per_iku)
        return [{"bagian": section.label, col.key: value, "teks": "Faktor pendukung."}]
    return changed(spec.key, 0, **{col.key: value})


@pytest.mark.parametrize("spec,col,target", REFERENCES, ids=_ids(REFERENCES))
def test_every_declared_reference_is_checked(tmp_path, spec, col, target):
    path = write_minimal_workbook(tmp_path / "lkip.xlsx",
                                  **{spec.key: _rows_with(spec, col, "TIDAK-ADA-9")})
    assert ("unknown-reference", loc(spec.key, col.key, 2)) in keys(check_workbook(path).problems)


@pytest.mark.parametrize("spec,col,target", REFERENCES, ids=_ids(REFERENCES))
def test_a_reference_in_other_case_is_accepted_and_read_as_defined(tmp_path, spec, col, target):
    code = _first_code(target)
    path = write_minimal_workbook(tmp_path / "lkip.xlsx",
                                  **{spec.key: _rows_with(spec, col, code.lower())})
    result = check_workbook(path)
    assert ("unknown-reference", loc(spec.key, col.key, 2)) not in keys(result.problems)
    assert getattr(result.workbook.records(spec.key)[0], col.key) == code


DERIVED = [(spec, col, target, d) for spec, col, target in REFERENCES for d in target.derived_codes]


@pytest.mark.parametrize("spec,col,target,derived", DERIVED, ids=_ids(DERIVED))
def test_a_derived_code_needs_rows_in_its_source_sheet(tmp_path, spec, col, target, derived):
    where = ("unknown-reference", loc(spec.key, col.key, 2))
    rows = {spec.key: _rows_with(spec, col, derived.code)}
    without = write_minimal_workbook(tmp_path / "without.xlsx", **rows, **{derived.source: []})
    assert where in keys(check_workbook(without).problems)
    with_rows = write_minimal_workbook(tmp_path / "with.xlsx", **rows,
                                       **{derived.source: [_ROW[derived.source]]})
    assert where not in keys(check_workbook(with_rows).problems)


# --- defaults for blank cells -------------------------------------------------------------------

def _allows_none(cls: type, key: str) -> bool:
    return type(None) in typing.get_args(typing.get_type_hints(cls)[key])


@pytest.mark.parametrize("spec", TABLES, ids=lambda s: s.key)
def test_blank_optional_cells_have_a_declared_meaning(spec):
    # The model type of an optional column either holds None (blank) or the contract says what a
    # blank stands for; the loader never invents a value for a blank it has not reported.
    cls = RECORD_TYPES[spec.key]
    for col in spec.columns:
        if not col.required and not _allows_none(cls, col.key):
            assert col.default is not None, f"{spec.key}.{col.key}"


@pytest.mark.parametrize("spec", TABLES, ids=lambda s: s.key)
def test_defaults_are_values_of_their_column(spec):
    types = {c.INT: int, c.BOOL: bool, c.TEXT: str, c.CHOICE: str, c.CODE: str}
    for col in spec.columns:
        if col.default is None:
            continue
        assert type(col.default) is types[col.kind], col.key
        if col.kind == c.CHOICE:
            assert col.default in col.choices, col.key
        lowest, highest = col.limits
        assert lowest is None or col.default >= lowest
        assert highest is None or col.default <= highest


DEFAULTS = [(spec, col) for spec in TABLES for col in spec.columns if col.default is not None]
LIMITS = [(spec, col, bound) for spec in TABLES for col in spec.columns
          for bound in col.limits if bound is not None]


def _load_rows(tmp_path, spec: c.Sheet, **values) -> tuple[int, tuple]:
    """Write the minimal workbook with the first row of ``spec`` changed; (rows written, model
    records of that sheet)."""
    if spec.key in _ROW:
        rows = [{**_ROW[spec.key], **values}]
    else:
        rows = changed(spec.key, 0, **values)
    path = write_minimal_workbook(tmp_path / "lkip.xlsx", **{spec.key: rows})
    tables, _problems = bind(read_workbook(path))
    return len(rows), load(tables).records(spec.key)


def _loaded(tmp_path, spec: c.Sheet, **values):
    return _load_rows(tmp_path, spec, **values)[1][0]


@pytest.mark.parametrize("spec,col", DEFAULTS, ids=_ids(DEFAULTS))
def test_a_blank_cell_is_read_as_the_declared_default(tmp_path, spec, col):
    assert getattr(_loaded(tmp_path, spec, **{col.key: None}), col.key) == col.default


@pytest.mark.parametrize("spec,col,bound", LIMITS, ids=_ids(LIMITS))
def test_a_whole_number_beyond_a_limit_is_read_as_the_limit(tmp_path, spec, col, bound):
    # Below a lower bound by one only: a negative whole number is refused by the reader.
    beyond = bound + 5 if bound == col.limits[1] else bound - 1
    assert beyond >= 0
    assert getattr(_loaded(tmp_path, spec, **{col.key: beyond}), col.key) == bound


IDENTITY = [(spec, spec.column(key)) for spec in TABLES for key in spec.record_identity]


@pytest.mark.parametrize("spec,col", IDENTITY, ids=_ids(IDENTITY))
def test_a_row_without_an_identifying_cell_is_left_out(tmp_path, spec, col):
    written, records = _load_rows(tmp_path, spec, **{col.key: None})
    assert len(records) == written - 1


def test_blank_profil_cells_keep_the_model_types(tmp_path):
    path = write_minimal_workbook(tmp_path / "lkip.xlsx",
                                  profil={"nama_instansi": None, "tahun": None, "provinsi": None})
    profil = load(bind(read_workbook(path))[0]).profil
    assert (profil.nama_instansi, profil.tahun, profil.provinsi) == ("", 0, None)
    assert profil.ikhtisar_eksekutif is False and profil.versi_format == c.LAYOUT_VERSION
