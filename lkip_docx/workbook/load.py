"""Builds the typed model from bound sheet records, the contract saying how: one model field per
column, a blank cell read as the column's declared default, references spelled as where their code
is defined. A record without its identifying cells is left out (their problem is already
reported)."""

from __future__ import annotations

import datetime as _dt
import typing
from decimal import Decimal
from typing import Any

from lkip_docx.workbook import contract as c
from lkip_docx.workbook import model as m
from lkip_docx.workbook.bind import Record, Tables
from lkip_docx.workbook.upgrade import implied_rows

#: What a blank cell is read as in a model field whose type has no None and whose column declares
#: no default. Only required cells get here (a test holds every optional one to a default), so the
#: blank is already reported; the placeholder keeps the model's types for the rules that still
#: run. A blank date stays None: no date stands for "none".
_REPORTED_BLANK: dict[object, object] = {
    str: "",
    int: 0,
    Decimal: Decimal(0),
    bool: False,
    tuple[int, int]: (0, 0),
    _dt.date: None,
}


def _allows_none(hint: object) -> bool:
    return type(None) in typing.get_args(hint)


def _blank_values(cls: type, items: tuple[c.Column | c.Field, ...]) -> dict[str, object]:
    """Field key -> the value of a blank cell, for one model class."""
    hints = typing.get_type_hints(cls)
    out = {}
    for item in items:
        # A Profil Field's default is the text a new workbook is pre-filled with (the layout
        # version, 'Tidak'), not what a blank cell means: a blank Versi Format is unknown.
        default = item.default if isinstance(item, c.Column) else None
        if default is not None:
            out[item.key] = default
        elif _allows_none(hints[item.key]):
            out[item.key] = None
        else:
            out[item.key] = _REPORTED_BLANK[hints[item.key]]
    return out


def _record_types() -> dict[str, type]:
    """Sheet key -> model class, from the annotations of ``Workbook`` (one field per sheet)."""
    hints = typing.get_type_hints(m.Workbook)
    out = {}
    for spec in c.SHEETS:
        hint = hints[spec.key]
        out[spec.key] = hint if spec.is_fields else typing.get_args(hint)[0]
    return out


RECORD_TYPES = _record_types()
# Computed once, at import: a model field without a column (or a type this module cannot fill)
# fails here, not on the first workbook that leaves the cell blank.
_BLANK = {spec.key: _blank_values(RECORD_TYPES[spec.key], spec.fields or spec.columns)
          for spec in c.SHEETS}


def _section_key(label: Any) -> str:
    return c.NARRATIVE_BY_LABEL[label].key


#: Values the model holds in another form than the cell: the narrative section by the key the
#: template places it with, not the label the user picks.
_CONVERT = {("narasi", "bagian"): _section_key}


def _src(rec: Record) -> m.Src:
    return m.Src(rec.sheet, rec.row, dict(rec.coords), rec.invalid, rec.na)


def _value(spec: c.Sheet, col: c.Column, rec: Record) -> object:
    value = rec.values.get(col.key)
    if value is None:
        value = _BLANK[spec.key][col.key]
    elif (spec.key, col.key) in _CONVERT:
        value = _CONVERT[spec.key, col.key](value)
    lowest, highest = col.limits
    if isinstance(value, int) and lowest is not None:
        value = max(value, lowest)
    if isinstance(value, int) and highest is not None:
        value = min(value, highest)
    return value


def _record(spec: c.Sheet, rec: Record) -> object:
    values = {col.key: _value(spec, col, rec) for col in spec.columns}
    return RECORD_TYPES[spec.key](**values, src=_src(rec))


def _profil(rec: Record | None) -> m.Profil:
    values = rec.values if rec is not None else {}
    blank = _BLANK[c.PROFIL.key]
    # Any: each value has the type its field's kind gives it (cells.coerce), which the model's
    # annotations state and tests/test_model_contract.py keeps in step with the contract.
    fields: dict[str, Any] = {f.key: blank[f.key] if values.get(f.key) is None else values[f.key]
                              for f in c.PROFIL.fields}
    return m.Profil(**fields, src=_src(rec) if rec is not None else m.NO_SRC)


def _canonical_codes(tables: Tables, implied: dict[str, list[Record]]
                     ) -> dict[str, dict[str, str]]:
    """Defining sheet key -> casefolded code -> the code as spelled where it is defined."""
    out: dict[str, dict[str, str]] = {}
    for key in c.REFERENCED:
        spec = c.sheet(key)
        codes = out.setdefault(key, {})
        for rec in tables.rows(key) or implied.get(key, []):
            code = rec.get(spec.code_column.key)
            if isinstance(code, str):
                codes.setdefault(code.casefold(), code)  # a second spelling is a duplicate-code
        for derived in spec.derived_codes:
            codes.setdefault(derived.code.casefold(), derived.code)
    return out


def _with_canonical_references(rec: Record, spec: c.Sheet,
                               codes: dict[str, dict[str, str]]) -> Record:
    # Codes are compared without case ('iku1' refers to IKU1: validate.check_references accepts
    # it), but compute and the report look codes up exactly. Without this, a reference validation
    # accepted would silently find nothing: an IKU without its sasaran or its realisasi, an
    # indikator program or a sub kegiatan missing from its table, with no problem reported.
    fixed = {}
    for col, target in c.references(spec):
        value = rec.values.get(col.key)
        if isinstance(value, str):
            canonical = codes[target.key].get(value.casefold())
            if canonical is not None and canonical != value:
                fixed[col.key] = canonical
    if not fixed:
        return rec
    return Record(rec.sheet, rec.row, {**rec.values, **fixed}, rec.coords, rec.invalid, rec.na)


def load(tables: Tables, source_name: str = "") -> m.Workbook:
    # Rows a workbook of an older layout implies without holding them (the BLU/BLPU groups of
    # layout 1.0) stand where the sheet has none.
    implied = implied_rows(tables)
    codes = _canonical_codes(tables, implied)
    sheets: dict[str, tuple] = {}
    for spec in c.SHEETS:
        if spec.is_fields:
            continue
        sheets[spec.key] = tuple(
            _record(spec, _with_canonical_references(rec, spec, codes))
            for rec in tables.rows(spec.key) or implied.get(spec.key, [])
            if all(rec.get(key) is not None for key in spec.record_identity))
    return m.Workbook(profil=_profil(tables.profil), **sheets, source_name=source_name)

