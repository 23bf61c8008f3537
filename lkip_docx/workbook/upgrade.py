"""Workbooks of an older layout: what they imply when read, and their conversion to the current one.

Layout 1.0 (before the kinds of reporting unit) is read as it always was: every new Profil field
left blank stands for a perangkat daerah with an APBD budget (workbook/kinds.py), and the Program
sheet's fixed codes BLU and BLPU keep their names when the Kelompok Anggaran sheet has no rows
(``implied_rows``). ``convert`` gives the same data in the current layout with the new Profil
fields filled with what they stood for, so that the file says it and the report is unchanged;
``lkip_docx.api.upgrade_workbook`` reads and writes the files.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from decimal import Decimal

from lkip_docx.workbook import contract as c
from lkip_docx.workbook import kinds
from lkip_docx.workbook.bind import Record, Tables, is_contract_sheet
from lkip_docx.workbook.model import Profil


def implied_rows(tables: Tables) -> dict[str, list[Record]]:
    """Rows a workbook implies without holding them: the layout 1.0 budget groups BLU and BLPU,
    for an APBD budget whose Kelompok Anggaran sheet has no rows (or is missing). A DIPA budget
    gets none: there "BLU" is a Badan Layanan Umum, not a Belanja Langsung Urusan."""
    if tables.rows(c.KELOMPOK_ANGGARAN.key):
        return {}
    values = tables.profil.values if tables.profil else {}
    bentuk = kinds.bentuk_anggaran(_choice(values, "jenis_unit"),
                                   _choice(values, "bentuk_anggaran"))
    if bentuk != c.ANGGARAN_APBD:
        return {}
    return {c.KELOMPOK_ANGGARAN.key: [Record("", 0, {"kode": kode, "nama": nama})
                                      for kode, nama in c.KELOMPOK_BELANJA.items()]}


def _choice(values: dict[str, object], key: str) -> str | None:
    """A bound choice field of the Profil: one of its choices (text), or None when blank."""
    value = values.get(key)
    return value if isinstance(value, str) else None


@dataclass(frozen=True)
class Upgrade:
    """What ``upgrade_workbook`` did: the layout it read, each field or row it filled in (label,
    value), and what it could not carry over."""

    versi_lama: str
    diisi: tuple[tuple[str, str], ...]
    catatan: tuple[str, ...]
    versi_baru: str = c.LAYOUT_VERSION


def _cell(kind: str, value: object) -> object:
    """A bound value as the writer takes it (the inverse of reading the cell)."""
    if kind == c.PERIOD and isinstance(value, tuple):
        return f"{value[0]}-{value[1]}"
    if kind == c.BOOL and isinstance(value, bool):
        return "Ya" if value else "Tidak"
    return value


def _shown(value: object) -> str:
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _filled_profil(values: dict[str, object], profil: Profil
                   ) -> tuple[dict[str, object], list[tuple[str, object]]]:
    """The Profil of the new layout: the old values, the layout version, and each new term the
    old layout left to the defaults written out."""
    setelan = kinds.resolve(profil)
    anggaran = setelan.anggaran
    defaults = {
        "jenis_unit": setelan.jenis.nama,
        "periode_laporan": c.PERIODE_TAHUNAN,
        "judul_laporan": setelan.judul,
        "singkatan_laporan": setelan.singkatan_laporan,
        "dokumen_perencanaan": setelan.rencana.kode,
        "pk_pihak_pertama_jabatan": setelan.pihak_pertama.jabatan,
        "pk_pihak_kedua_jabatan": setelan.pihak_kedua.jabatan if setelan.pihak_kedua else None,
        "bentuk_anggaran": anggaran.bentuk,
        "tingkat_anggaran": "; ".join(anggaran.tingkat) if anggaran.ada else None,
    }
    out = {}
    for fld in c.PROFIL.fields:
        value = values.get(fld.key)
        if value is not None:
            out[fld.key] = _cell(fld.kind, value)
    out["versi_format"] = c.LAYOUT_VERSION
    filled: list[tuple[str, object]] = []
    for key, value in defaults.items():
        if out.get(key) is None and value:
            out[key] = value
            filled.append((c.PROFIL.field(key).label, value))
    return out, filled


def convert(raw_names: list[str], tables: Tables, profil: Profil
            ) -> tuple[dict[str, list[dict]], dict[str, object], Upgrade]:
    """The rows and Profil values of the current layout for a bound workbook of any layout
    (``profil`` is its typed Profil), and what was filled in; for the writer."""
    values = dict(tables.profil.values) if tables.profil else {}
    versi = str(values.get("versi_format") or "1.0")
    out_profil, filled = _filled_profil(values, profil)
    rows: dict[str, list[dict]] = {}
    for spec in c.SHEETS:
        if spec.is_fields:
            continue
        # Every sheet is given, even without rows: the writer pre-fills a sheet it gets nothing
        # for (the usual predikat scales), and an old workbook's empty sheet must stay empty.
        rows[spec.key] = [{col.key: _cell(col.kind, rec.values.get(col.key))
                           for col in spec.columns if rec.values.get(col.key) is not None}
                          for rec in tables.rows(spec.key)]
    for key, implied in implied_rows(tables).items():
        rows[key] = [dict(rec.values) for rec in implied]
        for rec in implied:
            filled.append((f"{c.sheet(key).name} {rec.values['kode']}", rec.values["nama"]))
    # The Petunjuk sheet is written anew for the current layout; any other sheet the layout does
    # not know is lost, and the user is told.
    notes = tuple(f"lembar '{name}' bukan bagian format {c.LAYOUT_VERSION} dan tidak disalin"
                  for name in raw_names
                  if not is_contract_sheet(name) and name.casefold() != c.PETUNJUK_NAME.casefold())
    return rows, out_profil, Upgrade(versi, tuple((label, _shown(v)) for label, v in filled),
                                     notes)
