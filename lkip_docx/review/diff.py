"""``lkip diff OLD.xlsx NEW.xlsx``: what changed between two versions of a workbook.

- the input cells: records are matched by their identity (the contract's unique columns: a sub
  kegiatan by its code, a Renstra target by IKU and year), so that a row inserted above does not
  make every row below look changed; each changed cell is named at its place in the new workbook
  (sheet, cell, column), rows only in one version are listed as added or removed;
- every figure of the report that changed because of them: the figure catalogue of jejak.py
  (capaian, realisasi, predikat, every budget line and total, PK totals, AKIP...) compared as
  printed.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from lkip_docx import fmt
from lkip_docx.build import compute_workbook
from lkip_docx.compute.results import Results
from lkip_docx.review.jejak import katalog
from lkip_docx.workbook import contract as c
from lkip_docx.workbook.model import Workbook

SCHEMA = "lkip-docx/diff"
SCHEMA_VERSION = 1
KOSONG = "(kosong)"


@dataclass(frozen=True)
class SelBerubah:
    lembar: str
    sel: str  # in the new workbook (the old one for a removed row)
    kolom: str
    lama: str
    baru: str
    keterangan: str = ""  # "baris ditambahkan", "baris dihapus"


@dataclass(frozen=True)
class AngkaBerubah:
    kunci: str
    uraian: str
    lama: str
    baru: str


@dataclass
class HasilDiff:
    lama: str
    baru: str
    sel: list[SelBerubah] = field(default_factory=list)
    angka: list[AngkaBerubah] = field(default_factory=list)

    @property
    def berubah(self) -> bool:
        """A figure of the report changed."""
        return bool(self.angka)


def shown(value) -> str:
    if value is None or value == "":
        return KOSONG
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, Decimal):
        return fmt.number(value, None, trim=True)
    if isinstance(value, _dt.date):
        return fmt.date(value)
    if isinstance(value, tuple):
        return "-".join(str(v) for v in value)
    return str(value)


def _identity(rec, keys: tuple[str, ...]) -> tuple:
    return tuple(str(getattr(rec, k)).casefold() for k in keys)


def _cell(rec, key: str) -> str:
    loc = rec.src.at(key)
    return loc.cell or ""


def input_cells(old: Workbook, new: Workbook) -> list[SelBerubah]:
    """Every input cell that differs between two workbooks."""
    out: list[SelBerubah] = []
    for f in c.PROFIL.fields:
        a, b = getattr(old.profil, f.key), getattr(new.profil, f.key)
        if a != b:
            out.append(SelBerubah(c.PROFIL.name, _cell(new.profil, f.key) or
                                  _cell(old.profil, f.key), f.label, shown(a), shown(b)))
    for spec in c.SHEETS:
        if spec.is_fields:
            continue
        keys = spec.record_identity
        # Some identities repeat (the bands of one scale, a paragraph written twice): the n-th
        # record of an identity is matched with the n-th of the other version.
        before: dict[tuple, list] = {}
        for rec in old.records(spec.key):
            before.setdefault(_identity(rec, keys), []).append(rec)
        used: dict[tuple, int] = {}
        for rec in new.records(spec.key):
            ident = _identity(rec, keys)
            n = used.get(ident, 0)
            used[ident] = n + 1
            olds = before.get(ident, [])
            if n >= len(olds):
                out.append(SelBerubah(spec.name, f"{rec.src.row}:{rec.src.row}", "",
                                      "", _describe(rec, spec), "baris ditambahkan"))
                continue
            then = olds[n]
            for col in spec.columns:
                a, b = getattr(then, col.key), getattr(rec, col.key)
                if a != b:
                    out.append(SelBerubah(spec.name, _cell(rec, col.key), col.header,
                                          _shown(spec, col, a), _shown(spec, col, b)))
        for ident, olds in before.items():
            for rec in olds[used.get(ident, 0):]:
                out.append(SelBerubah(spec.name, f"{rec.src.row}:{rec.src.row}", "",
                                      _describe(rec, spec), "", "baris dihapus"))
    return out


_SECTION_LABELS = {s.key: s.label for s in c.NARRATIVE_SECTIONS}


def _shown(spec: c.Sheet, col: c.Column, value) -> str:
    if spec.key == "narasi" and col.key == "bagian":
        return _SECTION_LABELS.get(value, value)  # the label the user picked, not the key
    return shown(value)


def _describe(rec, spec: c.Sheet) -> str:
    return "; ".join(f"{col.header}: {_shown(spec, col, getattr(rec, col.key))}"
                     for col in spec.columns
                     if getattr(rec, col.key) not in (None, ""))[:300]


def report_figures(old_res: Results, new_res: Results) -> list[AngkaBerubah]:
    """Every figure of the report whose printed value differs."""
    before, after = katalog(old_res), katalog(new_res)
    out = []
    for key in list(after) + [k for k in before if k not in after]:
        a, b = before.get(key), after.get(key)
        pa = a.tercetak if a else "(tidak ada)"
        pb = b.tercetak if b else "(tidak ada)"
        if pa != pb:
            out.append(AngkaBerubah(key, (b or before[key]).uraian, pa, pb))  # in one or both
    return out


def diff_workbooks(old: Path | str, new: Path | str) -> HasilDiff:
    """Compare two versions of a workbook. Raises LkipError when one cannot be computed."""
    old, new = Path(old), Path(new)
    a, b = compute_workbook(old), compute_workbook(new)
    hasil = HasilDiff(old.name, new.name)
    hasil.sel = input_cells(a.workbook, b.workbook)
    hasil.angka = report_figures(a.results, b.results)
    return hasil


def to_json_dict(hasil: HasilDiff) -> dict:
    return {
        "schema": SCHEMA, "versi": SCHEMA_VERSION, "lama": hasil.lama, "baru": hasil.baru,
        "berubah": hasil.berubah,
        "sel": [{"lembar": s.lembar, "sel": s.sel, "kolom": s.kolom, "lama": s.lama,
                 "baru": s.baru, "keterangan": s.keterangan} for s in hasil.sel],
        "angka": [{"kunci": x.kunci, "uraian": x.uraian, "lama": x.lama, "baru": x.baru}
                  for x in hasil.angka],
    }


def to_text(hasil: HasilDiff) -> str:
    lines = [f"Perbandingan {hasil.lama} \u2192 {hasil.baru}", ""]
    if hasil.sel:
        lines.append(f"Sel masukan yang berubah ({len(hasil.sel)}):")
        for s in hasil.sel:
            where = f"'{s.lembar}'!{s.sel}" + (f" {s.kolom}" if s.kolom else "")
            if s.keterangan:
                lines.append(f"  {where}: {s.keterangan}: {s.baru or s.lama}")
            else:
                lines.append(f"  {where}: {s.lama} \u2192 {s.baru}")
    else:
        lines.append("Tidak ada sel masukan yang berubah.")
    lines.append("")
    if hasil.angka:
        lines.append(f"Angka laporan yang berubah ({len(hasil.angka)}):")
        lines += [f"  {x.uraian}: {x.lama} \u2192 {x.baru}" for x in hasil.angka]
    else:
        lines.append("Tidak ada angka laporan yang berubah.")
    return "\n".join(lines)
