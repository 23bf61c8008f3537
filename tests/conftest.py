"""Shared test helpers: small but complete real workbooks written to tmp_path, and ways to bend
them.

Every test reads a real .xlsx through the real reader; nothing fakes the file format. The helpers
are plain functions (import them with ``from conftest import ...``) and fixtures:

- ``minimal_rows()`` / ``minimal_profil()``: fresh copies of the data of the smallest workbook that
  passes ``check_workbook`` with no problem at all (not even a warning), so a test that breaks one
  cell can assert the exact set of problems it causes;
- ``write_minimal_workbook(path, profil=..., **sheets)`` and the ``make_workbook`` fixture: write
  that workbook, with whole sheets replaced (``sub_kegiatan=[...]``) and Profil fields changed
  (``profil={"tahun": 2025}``; ``None`` blanks a field);
- ``changed(sheet, index, **values)``: the minimal rows of one sheet with one row edited, for
  ``make_workbook(sub_kegiatan=changed("sub_kegiatan", 0, target_output=0))``;
- ``set_cell(path, sheet, coord, value, number_format=None)``: put an exact raw value into a cell
  afterwards (numbers, text, dates, Excel errors such as ``"#DIV/0!"``, formulas such as
  ``"=1/0"``, which openpyxl saves without a cached value);
- ``patch_cell_xml(path, sheet, coord, inner, t=None)``: replace a cell's XML, for what openpyxl
  cannot write (a formula *with* a cached result, escaped control characters). Patch last: a later
  ``set_cell`` re-saves the workbook through openpyxl, which drops cached results;
- ``column_of(sheet_key, column_key)``: the column letter the writer uses for a contract column;
- ``keys(problems)``: the (code, location) pairs tests compare, never the wording.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import re
import shutil
import zipfile
from decimal import Decimal as D
from pathlib import Path
from typing import Iterable

import pytest

from lkip_docx.api import check_workbook
from lkip_docx.workbook import contract as c
from lkip_docx.workbook import writer as workbook_writer

# --- the minimal valid workbook ------------------------------------------------------------------

#: Report year and Renstra period of the minimal workbook.
TAHUN = 2024
PERIODE = (2024, 2026)

KODE_PROGRAM = "2.16.02"
KODE_KEGIATAN = "2.16.02.1.01"
KODE_SUB_1 = "2.16.02.1.01.0001"
KODE_SUB_2 = "2.16.02.1.01.0002"

_PROFIL = {
    "nama_instansi": "Dinas Komunikasi, Informatika, Statistik dan Persandian",
    "singkatan": "Diskominfostandi",
    "jenis_pemda": "Kota",
    "nama_pemda": "Kota Contoh",
    "provinsi": "Jawa Barat",
    "tahun": TAHUN,
    "periode_renstra": f"{PERIODE[0]}-{PERIODE[1]}",
    "dokumen_perencanaan_daerah": "Rencana Pembangunan Daerah (RPD) Kota Contoh Tahun 2024-2026",
    "kepala_jabatan": "Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian",
    "kepala_nama": "BUDI SANTOSO, S.Kom., M.Si",
    "kepala_nip": "19770126 199703 1 003",
    "tempat": "Contoh",
    "tanggal": dt.date(2025, 1, 16),
}

# Row order matters: tests locate cells by it (row 2 is the first data row of every table sheet).
_ROWS: dict[str, list[dict]] = {
    "tujuan": [
        {"kode": "T1", "uraian": "Meningkatkan Efektivitas Penyelenggaraan Layanan Publik"},
    ],
    "sasaran": [
        {"kode": "SS1", "kode_tujuan": "T1", "uraian": "Meningkatnya Layanan Publik Berbasis TI"},
    ],
    "iku": [
        {"kode": "IKU1", "kode_sasaran": "SS1", "nama": "Indeks Layanan Publik Berbasis IT",
         "satuan": "Indeks", "metode": c.METODE_NAIK, "kode_skala": "SPBE"},
    ],
    # One row per year of the Renstra period; the report year has a typed realisasi.
    "target_iku": [
        {"kode_iku": "IKU1", "tahun": 2024, "target": D("4.09"), "realisasi": D("4.41")},
        {"kode_iku": "IKU1", "tahun": 2025, "target": D("4.2")},
        {"kode_iku": "IKU1", "tahun": 2026, "target": D("4.3")},
    ],
    # Realisasi comes from the Komponen Indeks formula row IP1.NILAI.
    "indikator_program": [
        {"kode": "IP1", "kode_iku": "IKU1", "kode_program": KODE_PROGRAM,
         "nama": "Indeks Layanan Aplikasi", "satuan": "Indeks", "target": D(4),
         "kode_indeks": "IP1.NILAI"},
    ],
    "kelompok_anggaran": [
        {"kode": "BLU", "nama": "Belanja Langsung Urusan"},
    ],
    "program": [
        # No Anggaran PK: it would be compared with every pagu a test changes.
        {"kode": KODE_PROGRAM, "nama": "Program Aplikasi Informatika", "kelompok": "BLU"},
    ],
    "kegiatan": [
        {"kode": KODE_KEGIATAN, "kode_program": KODE_PROGRAM,
         "nama": "Pengelolaan Nama Domain dan Sub Domain"},
    ],
    # The first sub kegiatan has both pagu and a target volume; the second was added in
    # APBD-Perubahan (no pagu murni) and states its capaian output as a percentage.
    "sub_kegiatan": [
        {"kode": KODE_SUB_1, "kode_kegiatan": KODE_KEGIATAN, "nama": "Pengelolaan Nama Domain",
         "pagu_murni": D(100_000_000), "pagu_perubahan": D(90_000_000),
         "realisasi": D(85_000_000), "target_output": D(12), "realisasi_output": D(12),
         "satuan_output": "Dokumen", "uraian_output": "Dokumen Pengelolaan Domain",
         "kode_indikator_program": "IP1"},
        {"kode": KODE_SUB_2, "kode_kegiatan": KODE_KEGIATAN, "nama": "Pengembangan Aplikasi",
         "pagu_perubahan": D(50_000_000), "realisasi": D(49_000_000),
         "realisasi_output": D(1), "capaian_output": D(100), "satuan_output": "Aplikasi",
         "uraian_output": "Aplikasi Layanan", "kode_iku": "IKU1"},
    ],
    "komponen_indeks": [
        {"kode": "IP1.A", "uraian": "Indeks Aplikasi", "nilai": D("4.21")},
        {"kode": "IP1.B", "uraian": "Indeks Domain", "nilai": D("4.68")},
        {"kode": "IP1.NILAI", "uraian": "Indeks Layanan Aplikasi", "rumus": "(IP1.A + IP1.B) / 2"},
    ],
    # skala: not given, so the writer fills the contract's default AKIP and SPBE scales.
}


def minimal_profil() -> dict:
    return dict(_PROFIL)


def minimal_rows() -> dict[str, list[dict]]:
    return copy.deepcopy(_ROWS)


def default_rows(sheet_key: str) -> list[dict]:
    """The rows the writer puts in a sheet that is not given (the default scales)."""
    spec = c.sheet(sheet_key)
    return [dict(zip([col.key for col in spec.columns], row))
            for row in c.DEFAULT_ROWS.get(sheet_key, ())]


def changed(sheet_key: str, index: int = 0, **values) -> list[dict]:
    """The minimal rows of one sheet with row ``index`` (0 = workbook row 2) edited.

    A value of None removes the cell's value."""
    rows = copy.deepcopy(_ROWS[sheet_key]) if sheet_key in _ROWS else default_rows(sheet_key)
    rows[index].update(values)
    return rows


@contextlib.contextmanager
def _few_formatted_rows(n: int = 3):
    # The writer stretches its drop-down lists 500 rows below the data for users typing into a
    # blank workbook; the tests never type there, so a few rows keep the files small.
    saved = workbook_writer.FORMATTED_ROWS
    workbook_writer.FORMATTED_ROWS = n
    try:
        yield
    finally:
        workbook_writer.FORMATTED_ROWS = saved


def write_minimal_workbook(path: Path | str, profil: dict | None = None,
                           **sheets: Iterable[dict] | None) -> Path:
    """Write the minimal valid workbook to ``path``.

    ``profil`` updates Profil fields (None blanks one). Each keyword names a sheet key and
    replaces that sheet's rows (an empty list leaves the sheet with its headers only).
    """
    path = Path(path)
    values = minimal_profil()
    values.update(profil or {})
    values = {k: v for k, v in values.items() if v is not None}
    rows = minimal_rows()
    for key, data in sheets.items():
        if key not in c.SHEETS_BY_KEY:
            raise KeyError(f"unknown sheet key {key!r}")
        rows[key] = list(data) if data is not None else []
    with _few_formatted_rows():
        workbook_writer.write_workbook(path, rows, values)
    return path


@pytest.fixture
def make_workbook(tmp_path):
    """``make_workbook(name="lkip.xlsx", profil=None, **sheets)`` -> path of a written workbook."""
    def make(name: str = "lkip.xlsx", profil: dict | None = None, **sheets) -> Path:
        return write_minimal_workbook(tmp_path / name, profil, **sheets)
    return make


_VALID_CACHE: dict[str, bytes] = {}


@pytest.fixture
def valid_workbook(tmp_path) -> Path:
    """A fresh copy of the minimal valid workbook (written once per session, then copied)."""
    if "bytes" not in _VALID_CACHE:
        src = write_minimal_workbook(tmp_path / "_source.xlsx")
        _VALID_CACHE["bytes"] = src.read_bytes()
        src.unlink()
    path = tmp_path / "lkip.xlsx"
    path.write_bytes(_VALID_CACHE["bytes"])
    return path


# --- where things are in the written workbook ----------------------------------------------------

def column_of(sheet_key: str, column_key: str) -> str:
    """Column letter of a contract column in a workbook written by workbook_writer."""
    from openpyxl.utils import get_column_letter

    spec = c.sheet(sheet_key)
    for idx, col in enumerate(spec.columns, start=1):
        if col.key == column_key:
            return get_column_letter(idx)
    raise KeyError(column_key)


def cell_of(sheet_key: str, column_key: str, row: int = 2) -> str:
    return f"{column_of(sheet_key, column_key)}{row}"


def profil_row(field_key: str) -> int:
    """Row of a Profil field in a written workbook (its value is in column B)."""
    for r, fld in enumerate(c.PROFIL.fields, start=2):
        if fld.key == field_key:
            return r
    raise KeyError(field_key)


def loc(sheet_key: str, column_key: str, row: int = 2) -> str:
    """The location string of a table cell: ``'Sub Kegiatan'!J2``."""
    return f"'{c.sheet(sheet_key).name}'!{cell_of(sheet_key, column_key, row)}"


def profil_loc(field_key: str) -> str:
    return f"'Profil'!B{profil_row(field_key)}"


# --- editing a written workbook ------------------------------------------------------------------

def set_cell(path: Path | str, sheet: str, coord: str, value, number_format: str | None = None,
             data_type: str | None = None) -> None:
    """Put an exact raw value into one cell of a saved workbook (openpyxl load + save).

    ``sheet`` is the sheet's name as shown in Excel. openpyxl stores a string starting with '='
    as a formula without a cached value and a string such as '#DIV/0!' as an Excel error.
    """
    from openpyxl import load_workbook

    wb = load_workbook(path)
    cell = wb[sheet][coord]
    cell.value = value
    if number_format is not None:
        cell.number_format = number_format
    if data_type is not None:
        cell.data_type = data_type
    wb.save(path)
    wb.close()


def rewrite_zip(path: Path | str, replace: dict[str, bytes],
                add_first: dict[str, bytes] | None = None,
                compression: int = zipfile.ZIP_DEFLATED) -> None:
    """Rebuild a zip with some members replaced (and optionally new members placed first)."""
    path = Path(path)
    with zipfile.ZipFile(path) as zin:
        members = [(info, zin.read(info.filename)) for info in zin.infolist()]
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", compression) as zout:
        for name, data in (add_first or {}).items():
            zout.writestr(name, data)
        for info, data in members:
            zout.writestr(info.filename, replace.get(info.filename, data))
        for name, data in replace.items():
            if name not in {i.filename for i, _ in members}:
                zout.writestr(name, data)
    shutil.move(tmp, path)


def sheet_part(path: Path | str, sheet: str) -> str:
    from lkip_docx.workbook.reader import _sheet_paths

    with zipfile.ZipFile(path) as zf:
        return _sheet_paths(zf)[sheet]


def damage_sheet_data(path: Path | str, sheet: str) -> None:
    """Flip bytes inside one sheet's compressed data; the zip directory stays intact, so the
    file opens and fails only when that sheet is inflated."""
    part = sheet_part(path, sheet)
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(part)
    path = Path(path)
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 10, start + min(info.compress_size, 200)):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))


def patch_cell_xml(path: Path | str, sheet: str, coord: str, inner: str,
                   t: str | None = None) -> None:
    """Replace the XML of one cell (which must exist) with ``<c r=coord [s] [t]>inner</c>``.

    For what openpyxl cannot write, e.g. a formula with a cached result:
    ``patch_cell_xml(p, "Target IKU", "D2", "<f>4.41*1</f><v>4.41</v>")``.
    """
    part = sheet_part(path, sheet)
    with zipfile.ZipFile(path) as zf:
        xml = zf.read(part).decode("utf-8")
    pattern = re.compile(r'<c r="%s"(?P<attrs>[^>]*?)(?:/>|>.*?</c>)' % re.escape(coord), re.S)
    m = pattern.search(xml)
    if m is None:
        raise KeyError(f"cell {coord} not in {sheet}; set it with set_cell first")
    style = re.search(r'\ss="\d+"', m["attrs"])
    attrs = (style.group() if style else "") + (f' t="{t}"' if t else "")
    new = f'<c r="{coord}"{attrs}>{inner}</c>'
    rewrite_zip(path, {part: (xml[:m.start()] + new + xml[m.end():]).encode("utf-8")})


# --- older layouts ------------------------------------------------------------------------------

#: The Profil fields layout 2.0 added, and the labels it renamed (field key: layout 1.0's label).
FIELDS_ADDED_IN_2_0 = ("jenis_unit", "instansi_induk", "periode_laporan", "judul_laporan",
                       "singkatan_laporan", "dokumen_perencanaan", "dasar_hukum",
                       "pk_pihak_pertama_jabatan", "pk_pihak_pertama_nama",
                       "pk_pihak_kedua_jabatan", "pk_pihak_kedua_nama", "bentuk_anggaran",
                       "tingkat_anggaran")
LABELS_RENAMED_IN_2_0 = {"nama_instansi": "Nama Perangkat Daerah",
                         "dokumen_perencanaan_daerah": "Dokumen Perencanaan Daerah"}


def to_layout_1_0(path: Path | str) -> Path:
    """Turn a workbook written in the current layout into layout 1.0, as such files exist: no
    Kelompok Anggaran sheet, the Profil of 1.0 (its labels, without the fields 2.0 added),
    Versi Format 1.0."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    del wb[c.KELOMPOK_ANGGARAN.name]
    ws = wb["Profil"]
    labels = {c.PROFIL.field(k).label: k for k in FIELDS_ADDED_IN_2_0}
    for r in range(ws.max_row, 1, -1):
        label = ws.cell(row=r, column=1).value
        if label in labels:
            ws.delete_rows(r)
        elif label == c.PROFIL.field("versi_format").label:
            ws.cell(row=r, column=2).value = "1.0"
        else:
            for key, old in LABELS_RENAMED_IN_2_0.items():
                if label == c.PROFIL.field(key).label:
                    ws.cell(row=r, column=1).value = old
    wb.save(path)
    wb.close()
    return Path(path)


# --- comparing problems --------------------------------------------------------------------------

def keys(problems) -> set[tuple[str, str]]:
    """(code, location) of each problem: what tests compare, never the wording."""
    return {p.key() for p in problems}


def error_keys(problems) -> set[tuple[str, str]]:
    return {p.key() for p in problems if p.is_error}


def warning_keys(problems) -> set[tuple[str, str]]:
    return {p.key() for p in problems if not p.is_error}


def check_keys(path: Path | str) -> set[tuple[str, str]]:
    """Every (code, location) ``check_workbook`` reports for a file."""
    return keys(check_workbook(path).problems)


# --- LibreOffice ---------------------------------------------------------------------------------

@pytest.fixture(autouse=True, scope="session")
def _no_libreoffice_by_default():
    """Reports built by the tests are not laid out by LibreOffice (seconds each) unless a test
    asks for it with the ``soffice`` fixture; the lkip processes tests start inherit this."""
    import os

    before = os.environ.get("LKIP_SOFFICE")
    os.environ["LKIP_SOFFICE"] = "none"
    yield
    if before is None:
        os.environ.pop("LKIP_SOFFICE", None)
    else:
        os.environ["LKIP_SOFFICE"] = before


def real_soffice():
    """LibreOffice as a user's machine would find it (ignoring the suite's LKIP_SOFFICE=none)."""
    import os

    from lkip_docx.report.pdf import find_soffice

    saved = os.environ.pop("LKIP_SOFFICE", None)
    try:
        return find_soffice()
    finally:
        if saved is not None:
            os.environ["LKIP_SOFFICE"] = saved


@pytest.fixture
def soffice(monkeypatch):
    """The LibreOffice program, made the one lkip uses in this test; skips where it is absent."""
    path = real_soffice()
    if path is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it on Debian")
    monkeypatch.setenv("LKIP_SOFFICE", str(path))
    return path


# --- the template cache ------------------------------------------------------------------------

@pytest.fixture(autouse=True, scope="session")
def _private_template_cache(tmp_path_factory):
    """Every test (and every lkip process a test starts) uses a cache folder of its own, never the
    developer's ~/.cache/lkip-docx: the suite must not depend on, or leave, anything there."""
    import os

    folder = tmp_path_factory.mktemp("lkip-cache")
    before = os.environ.get("LKIP_CACHE_DIR")
    os.environ["LKIP_CACHE_DIR"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("LKIP_CACHE_DIR", None)
    else:
        os.environ["LKIP_CACHE_DIR"] = before


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """An empty template cache folder of the test's own, and nothing prepared in memory: the
    test starts as a new process on a new machine would."""
    from lkip_docx.report import compile_cache, engine

    folder = tmp_path / "cache"
    monkeypatch.setenv(compile_cache.ENV_VAR, str(folder))
    monkeypatch.setattr(engine, "_MEMORY", engine.OrderedDict())
    return folder


# --- every report the tests build passes the OOXML schema ---------------------------------------

#: Each distinct report rendered in this process (document parts only: the build time in the
#: properties differs from build to build), validated once at the end of the session.
_RENDERED: dict[str, bytes] = {}


def _remember(data: bytes) -> None:
    import hashlib

    digest = hashlib.sha256()
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as z:
        for name in sorted(z.namelist()):
            if name != "docProps/core.xml":
                digest.update(name.encode() + z.read(name))
    _RENDERED.setdefault(digest.hexdigest(), data)


def schema_errors(docx: bytes | Path) -> list[str]:
    """What openxml-audit (the Open XML SDK's schema and semantic rules, in Python) finds in a
    .docx: Word opens a document without "repair" only when this is empty."""
    import tempfile

    from openxml_audit import OpenXmlValidator

    if isinstance(docx, Path):
        path, cleanup = docx, None
    else:
        fd, name = tempfile.mkstemp(suffix=".docx")
        with open(fd, "wb") as fh:
            fh.write(docx)
        path = cleanup = Path(name)
    try:
        result = OpenXmlValidator(max_errors=0).validate(str(path))
        return [str(e) for e in result.errors]
    finally:
        if cleanup is not None:
            cleanup.unlink()


@pytest.fixture(autouse=True, scope="session")
def _collect_rendered_reports():
    """Every report rendered in-process (Renderer.render, and the page-numbered documents of
    report/pdf.py) is kept for the schema check at the end of the session."""
    from lkip_docx import batch, build
    from lkip_docx.report import pdf
    from lkip_docx.report.render import Renderer

    real_render, real_paginate = Renderer.render, pdf.paginate

    def render(self, *args, **kwargs):
        data = real_render(self, *args, **kwargs)
        _remember(data)
        return data

    def paginate(docs, *args, **kwargs):
        out = real_paginate(docs, *args, **kwargs)
        for paged in out:
            _remember(paged.docx)
        return out

    Renderer.render = render
    build.paginate = batch.paginate = paginate
    yield
    Renderer.render = real_render
    build.paginate = batch.paginate = real_paginate


def pytest_sessionfinish(session, exitstatus):
    """Fails the run when a report rendered by any test is not schema-valid."""
    if not _RENDERED:
        return
    failures = []
    for digest, data in _RENDERED.items():
        errors = schema_errors(data)
        if errors:
            failures.append(f"report {digest[:12]}: " + "; ".join(errors[:5]))
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(f"schema check (openxml-audit): {len(_RENDERED)} distinct reports, "
                            f"{len(failures)} invalid")
        for f in failures:
            reporter.write_line(f"  {f}", red=True)
    if failures:
        session.exitstatus = 1
