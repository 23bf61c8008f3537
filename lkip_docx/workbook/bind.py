"""Binds the contract to a raw workbook: finds each sheet and its columns by header, and returns
one record per filled row with values of the right kind, collecting every problem on the way."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lkip_docx.numbers import NotAvailable
from lkip_docx.problems import Problem, error, warning
from lkip_docx.workbook import contract as c
from lkip_docx.workbook import kinds
from lkip_docx.workbook.cells import CellError, coerce
from lkip_docx.workbook.reader import RawSheet, RawWorkbook

HEADER_SEARCH_ROWS = 10


def norm_header(text: object) -> str:
    """Header text compared without case, spaces or punctuation ('Capaian Output (%)' ==
    'capaian output %')."""
    return re.sub(r"[^0-9a-z]+", "", str(text).casefold())


@dataclass(frozen=True)
class Record:
    """One filled row of a table sheet (or the Profil sheet as a whole)."""

    sheet: str
    row: int
    values: dict[str, object]
    #: column key -> cell coordinate ("F14"), for every column present in the sheet
    coords: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    #: keys whose cell is already reported: it held something that could not be read, or it is
    #: a required cell left blank. A later rule must not report the same cell again (as blank,
    #: as a missing target, ...): one cell, one problem.
    invalid: frozenset[str] = field(default_factory=frozenset, compare=False, repr=False)
    #: keys whose cell says its number is not available (numbers.NA), warned about here once
    na: frozenset[str] = field(default_factory=frozenset, compare=False, repr=False)

    def get(self, key: str, default=None):
        value = self.values.get(key)
        return default if value is None else value

    def cell(self, key: str) -> str | None:
        return self.coords.get(key)


@dataclass
class Tables:
    """Every contract sheet's records, plus where each sheet's header row is."""

    records: dict[str, list[Record]]
    profil: Record | None
    sheet_names: dict[str, str]  # contract key -> actual sheet name in the file
    columns: dict[str, dict[str, str]]  # contract key -> column key -> column letter

    def rows(self, key: str) -> list[Record]:
        return self.records.get(key, [])


#: Columns read of a contract sheet beyond the contract's own. Columns are found by header
#: wherever they are, and an agency may keep its own (notes, checks, last year's figures) between
#: or after them; fifty is more than any real layout adds. Past that nothing is read, so a stray
#: value in column XFD costs nothing.
EXTRA_COLUMNS = 50

_CONTRACT_SHEETS = {
    norm_header(s.name): (len(c.PROFIL_HEADERS) if s.is_fields else len(s.columns)) + EXTRA_COLUMNS
    for s in c.SHEETS}


def is_contract_sheet(name: str) -> int:
    """How many columns of a sheet the contract reads (matched as _find_sheet does): 0 for a
    sheet it does not read, which then need not be read at all. read_workbook takes this as its
    ``wanted``: true for exactly the contract's sheets, and how wide to read them."""
    return _CONTRACT_SHEETS.get(norm_header(name), 0)


def _find_sheet(raw: RawWorkbook, spec: c.Sheet) -> RawSheet | None:
    wanted = norm_header(spec.name)
    for name, sheet in raw.sheets.items():
        if norm_header(name) == wanted:
            return sheet
    return None


def _col_letter(idx: int) -> str:
    letters = ""
    while idx:
        idx, rem = divmod(idx - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _header_candidates(spec: c.Sheet) -> dict[str, str]:
    """normalized header text -> column key (aliases included)."""
    if spec.is_fields:
        return {norm_header(h): h for h in c.PROFIL_HEADERS}
    out = {}
    for col in spec.columns:
        out[norm_header(col.header)] = col.key
        for alias in col.aliases:
            out.setdefault(norm_header(alias), col.key)
    return out


def _locate_header(sheet: RawSheet, candidates: dict[str, str]) -> tuple[int, dict[int, str]]:
    """The row (within the first rows) matching most known headers, and column index -> key."""
    best_row = 0
    best: dict[int, str] = {}
    for r in range(1, min(sheet.max_row, HEADER_SEARCH_ROWS) + 1):
        found = {}
        for col in range(1, sheet.max_column + 1):
            cell = sheet.get(r, col)
            if cell is None or not isinstance(cell.value, str):
                continue
            key = candidates.get(norm_header(cell.value))
            if key is not None:
                found[col] = key
        if len(found) > len(best):
            best_row, best = r, found
    return best_row, best


def _rows_optional(spec: c.Sheet, tables: Tables) -> bool:
    """Whether a sheet may be left without rows. The budget sheets need rows only when the
    Profil (bound first) says the report has a budget."""
    if spec.optional_rows:
        return True
    if spec.budget:
        return not kinds.has_budget(tables.profil.values if tables.profil else {})
    return False


def bind(raw: RawWorkbook) -> tuple[Tables, list[Problem]]:
    problems: list[Problem] = []
    tables = Tables({}, None, {}, {})
    for spec in c.SHEETS:
        sheet = _find_sheet(raw, spec)
        optional = _rows_optional(spec, tables)
        if sheet is None:
            if not optional:
                problems.append(error(
                    "missing-sheet",
                    f"lembar '{spec.name}' tidak ada; tambahkan lembar dengan nama itu (lihat "
                    "lembar Petunjuk atau buat workbook baru dengan 'lkip init')",
                    place=raw.path.name))
            continue
        tables.sheet_names[spec.key] = sheet.name
        if sheet.hidden:
            problems.append(warning("hidden-sheet",
                                    "lembar ini tersembunyi tetapi tetap dibaca", sheet=sheet.name))
        if spec.is_fields:
            tables.profil = _bind_fields(sheet, spec, problems)
        else:
            tables.records[spec.key] = _bind_table(sheet, spec, tables, problems, optional)
    return tables, problems


def _merged_in_data(sheet: RawSheet, header_row: int, used_cols: set[int]) -> list[str]:
    from_ranges = []
    for ref in sheet.merged:
        m = re.match(r"^([A-Z]+)(\d+):([A-Z]+)(\d+)$", ref)
        if not m:
            continue
        c1, c2, r2 = _col_index(m[1]), _col_index(m[3]), int(m[4])
        if r2 <= header_row:
            continue
        if any(c1 <= col <= c2 for col in used_cols):
            from_ranges.append(ref)
    return from_ranges


def _col_index(letters: str) -> int:
    idx = 0
    for ch in letters:
        idx = idx * 26 + (ord(ch) - 64)
    return idx


def _bind_table(sheet: RawSheet, spec: c.Sheet, tables: Tables,
                problems: list[Problem], optional: bool) -> list[Record]:
    header_row, found = _locate_header(sheet, _header_candidates(spec))
    if header_row == 0:
        if sheet.max_row == 0 and optional:
            return []
        header_row = 1
    by_key: dict[str, int] = {}
    for col_idx, key in sorted(found.items()):
        if key in by_key:
            header = spec.column(key).header
            problems.append(error("duplicate-column",
                                  f"kolom '{header}' muncul dua kali; hapus salah satunya",
                                  sheet=sheet.name, cell=f"{_col_letter(col_idx)}{header_row}"))
            continue
        by_key[key] = col_idx
    tables.columns[spec.key] = {k: _col_letter(i) for k, i in by_key.items()}
    missing_required = [col for col in spec.columns if col.required and col.key not in by_key]
    for col in missing_required:
        after = _previous_present(spec, col, by_key)
        where = f"setelah kolom '{after}'" if after else "sebagai kolom pertama"
        problems.append(error(
            "missing-column",
            f"kolom '{col.header}' tidak ditemukan di baris judul {header_row}; tambahkan kolom "
            f"berjudul '{col.header}' {where} (format versi {c.LAYOUT_VERSION}, lihat lembar "
            "Petunjuk)",
            sheet=sheet.name, cell=f"{header_row}:{header_row}"))
    for ref in _merged_in_data(sheet, header_row, set(by_key.values())):
        problems.append(error("merged-cells",
                              "sel digabung (merge) di area data; pisahkan gabungan sel dan isi "
                              "nilainya di setiap baris", sheet=sheet.name, cell=ref))
    records = []
    for r in range(header_row + 1, sheet.max_row + 1):
        cells = {key: sheet.get(r, idx) for key, idx in by_key.items()}
        if all(cell is None or (isinstance(cell.value, str) and not cell.value.strip()
                                and not cell.excel_error and not cell.uncached)
               for cell in cells.values()):
            continue
        if r in sheet.hidden_rows:
            problems.append(warning("hidden-row",
                                    "baris tersembunyi tetapi berisi data; data tetap dibaca",
                                    sheet=sheet.name, cell=f"{r}:{r}"))
        values: dict[str, object] = {}
        coords, invalid, na = {}, set(), set()
        for col in spec.columns:
            idx = by_key.get(col.key)
            if idx is None:
                values[col.key] = None
                continue
            coord = f"{_col_letter(idx)}{r}"
            coords[col.key] = coord
            try:
                value = coerce(cells[col.key], col.kind, col.header, col.choices,
                               col.not_available)
            except CellError as exc:
                problems.append(error(exc.code, exc.message, sheet=sheet.name, cell=coord))
                value = None
                invalid.add(col.key)
            else:
                if isinstance(value, NotAvailable):
                    # Every such cell is listed, so a draft can be completed cell by cell.
                    problems.append(warning(
                        "value-not-available",
                        f"{col.header} ditandai tidak tersedia "
                        f"({_typed(cells[col.key])}); laporan memuat N/A di tempat nilai ini",
                        sheet=sheet.name, cell=coord))
                    na.add(col.key)
                elif value is None and col.required:
                    problems.append(error("required-empty", f"{col.header} wajib diisi",
                                          sheet=sheet.name, cell=coord))
                    invalid.add(col.key)
            values[col.key] = value
        records.append(Record(sheet.name, r, values, coords, frozenset(invalid), frozenset(na)))
    if not records and not optional:
        hint = " (laporan tanpa anggaran: pilih Bentuk Anggaran 'Tidak Ada' di Profil)" \
            if spec.budget else ""
        problems.append(error("empty-sheet", "lembar belum diisi; isi minimal satu baris data"
                              + hint, sheet=sheet.name, cell=f"A{header_row + 1}"))
    _check_unique(spec, records, problems)
    return records


def _typed(cell) -> str:
    return repr(" ".join(str(cell.value).split())) if cell is not None else "''"


def _previous_present(spec: c.Sheet, col: c.Column, by_key: dict[str, int]) -> str | None:
    prev = None
    for other in spec.columns:
        if other.key == col.key:
            return prev
        if other.key in by_key:
            prev = other.header
    return prev


def _check_unique(spec: c.Sheet, records: list[Record], problems: list[Problem]) -> None:
    if not spec.unique:
        return
    seen: dict[tuple, Record] = {}
    for rec in records:
        key = tuple(_norm_key(rec.values.get(k)) for k in spec.unique)
        if any(v is None for v in key):
            continue
        if key in seen:
            first = seen[key]
            label = " + ".join(spec.column(k).header for k in spec.unique)
            shown = " / ".join(str(rec.values.get(k)) for k in spec.unique)
            problems.append(error("duplicate-code",
                                  f"{label} '{shown}' sudah dipakai di baris {first.row}",
                                  sheet=rec.sheet, cell=rec.cell(spec.unique[0])))
        else:
            seen[key] = rec


def _norm_key(value):
    return value.casefold() if isinstance(value, str) else value


def _bind_fields(sheet: RawSheet, spec: c.Sheet, problems: list[Problem]) -> Record:
    candidates = {norm_header(h): h for h in c.PROFIL_HEADERS}
    header_row, found = _locate_header(sheet, candidates)
    cols = {name: idx for idx, name in found.items()}
    if header_row == 0 or "Isian" not in cols or "Nilai" not in cols:
        problems.append(error("missing-column",
                              "baris judul dengan kolom 'Isian' dan 'Nilai' tidak ditemukan; "
                              "salin lembar Profil dari workbook baru ('lkip init')",
                              sheet=sheet.name, cell="1:1"))
        return Record(sheet.name, 0, {f.key: None for f in spec.fields})
    label_col, value_col = cols["Isian"], cols["Nilai"]
    by_label = {norm_header(label): f for f in spec.fields for label in (f.label, *f.aliases)}
    values: dict[str, object] = {}
    coords: dict[str, str] = {}
    invalid: set[str] = set()
    for r in range(header_row + 1, sheet.max_row + 1):
        label_cell = sheet.get(r, label_col)
        if label_cell is None or not isinstance(label_cell.value, str):
            continue
        fld = by_label.get(norm_header(label_cell.value))
        if fld is None:
            continue
        coord = f"{_col_letter(value_col)}{r}"
        if fld.key in coords:
            problems.append(error("duplicate-field",
                                  f"isian '{fld.label}' muncul dua kali (baris pertama: "
                                  f"{coords[fld.key]}); hapus salah satunya",
                                  sheet=sheet.name, cell=coord))
            continue
        coords[fld.key] = coord
        try:
            value = coerce(sheet.get(r, value_col), fld.kind, fld.label, fld.choices)
        except CellError as exc:
            problems.append(error(exc.code, exc.message, sheet=sheet.name, cell=coord))
            value = None
            invalid.add(fld.key)
        else:
            if value is None and fld.required:
                problems.append(error("required-empty", f"{fld.label} wajib diisi",
                                      sheet=sheet.name, cell=coord))
                invalid.add(fld.key)
        values[fld.key] = value
    for fld in spec.fields:
        if fld.key not in coords:
            values[fld.key] = None
            if fld.required:
                problems.append(error(
                    "missing-field",
                    f"isian '{fld.label}' tidak ada; tambahkan baris dengan Isian '{fld.label}' "
                    "dan isi kolom Nilai", sheet=sheet.name, cell=f"{_col_letter(label_col)}:"
                                                                 f"{_col_letter(label_col)}"))
    return Record(sheet.name, header_row, values, coords, frozenset(invalid))
