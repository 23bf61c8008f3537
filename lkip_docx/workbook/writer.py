"""Writes a standard workbook from the contract: the blank one for ``lkip init`` and, with rows,
the bundled sample. Headers, the Petunjuk sheet, drop-downs, number formats, text format for codes,
frozen headers and widths all come from contract.py, so they cannot drift from the reader."""

from __future__ import annotations

import datetime as _dt
import io
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Mapping

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from lkip_docx import fmt
from lkip_docx.workbook import contract as c

HEADER_FILL = "1F4E78"
REQUIRED_FILL = "C00000"
FIELD_FILL = "DDEBF7"
FORMATTED_ROWS = 500  # rows below the data that get drop-downs in a blank sheet

NUMBER_FORMATS = {
    c.MONEY: "#,##0",
    c.PERCENT: "0.00",
    c.DECIMAL: "General",
    c.INT: "0",
    c.YEAR: "0",
    c.CODE: "@",
    c.DATE: "d mmmm yyyy",
    c.TEXT: "General",
    c.CHOICE: "General",
    c.BOOL: "General",
    c.PERIOD: "@",
}


#: What makes Excel read typed text as a formula (the "CSV injection" leads).
FORMULA_LEADS = ("=", "+", "-", "@")
#: Excel's limit on the text of one cell.
EXCEL_TEXT_MAX = 32_767
# Characters an .xlsx (XML 1.0) cannot hold: C0 controls but tab and line breaks, lone surrogates.
def text_for_cell(text: str) -> str:
    """``text`` as a cell can hold it. What XML cannot carry (control characters, possible in a
    file name) is shown as ``\\x1b``, as the terminal shows it, instead of failing the whole file;
    text past Excel's limit is cut (Excel would otherwise "repair" the file by dropping it)."""
    text = fmt.escaped(text, fmt.NOT_XML)
    if len(text) > EXCEL_TEXT_MAX:
        text = text[:EXCEL_TEXT_MAX - 1] + "\u2026"
    return text


def put(ws, row: int, column: int, value):
    """Write one cell; text always stays text, exactly as typed.

    openpyxl stores a string starting with '=' as a formula and '#N/A' as an error value: an
    agency named '=HYPERLINK(...)' would be a live link (or a WEBSERVICE call, a DDE command) in
    the recap Bappeda opens. Text is stored as a plain string cell, which Excel never evaluates
    when it opens the file. Text that Excel would read as a formula when retyped (a lead of =, +,
    - or @) is also marked quotePrefix, the flag Excel itself records when one types a leading
    apostrophe (not part of the value), so editing the cell in Excel keeps it text as well."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        value = text_for_cell(value)
        cell.value = value
        cell.data_type = "s"
        if value.startswith(FORMULA_LEADS):
            cell.quotePrefix = True
    elif value is not None:
        cell.value = value
    return cell


def _cell_value(value):
    """Workbook cell value for a Python value (Decimals become numbers Excel shows exactly)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def write_workbook(path: Path | str,
                   rows: Mapping[str, Iterable[Mapping[str, object]]] | None = None,
                   profil: Mapping[str, object] | None = None) -> None:
    """Write a workbook to ``path`` (see workbook_bytes)."""
    data = workbook_bytes(rows, profil)
    with open(path, "wb") as fh:
        fh.write(data)


def workbook_bytes(rows: Mapping[str, Iterable[Mapping[str, object]]] | None = None,
                   profil: Mapping[str, object] | None = None) -> bytes:
    """A workbook as .xlsx bytes. ``rows`` maps a sheet key to dicts of column key -> value;
    sheets not given get the contract's default rows (the usual predikat scales) or stay empty.

    Made in memory: openpyxl writing to a file leaves its zip open when the disk is full."""
    rows = rows or {}
    wb = Workbook()
    petunjuk = wb.active
    petunjuk.title = c.PETUNJUK_NAME
    _write_petunjuk(petunjuk)

    header_font = Font(bold=True, color="FFFFFF")
    wrap = Alignment(wrap_text=True, vertical="top")
    first_col = {}
    for spec in c.SHEETS:
        ws = wb.create_sheet(spec.name)
        if spec.is_fields:
            _write_profil(ws, spec, profil or {})
            continue
        for idx, col in enumerate(spec.columns, start=1):
            cell = put(ws, 1, idx, col.header)
            cell.font = header_font
            cell.fill = PatternFill("solid", fgColor=REQUIRED_FILL if col.required else HEADER_FILL)
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
            help_text = col.help or c.KIND_LABELS[col.kind]
            note = f"{'WAJIB. ' if col.required else ''}{help_text}"
            if col.example:
                note += f" Contoh: {col.example}"
            cell.comment = Comment(note, "lkip-docx", width=300, height=120)
            letter = get_column_letter(idx)
            ws.column_dimensions[letter].width = col.width
        ws.row_dimensions[1].height = 32
        ws.freeze_panes = "A2"
        first_col[spec.key] = (spec.name, get_column_letter(1))
        data = rows.get(spec.key)
        if data is None:
            data = [dict(zip([col.key for col in spec.columns], row))
                    for row in c.DEFAULT_ROWS.get(spec.key, ())]
        n = 1
        for n, record in enumerate(data, start=2):
            for idx, col in enumerate(spec.columns, start=1):
                value = record.get(col.key)
                if value is None or value == "":
                    continue
                cell = put(ws, n, idx, _cell_value(value))
                cell.number_format = NUMBER_FORMATS[col.kind]
                if (col.kind == c.TEXT and isinstance(value, str)
                        and (len(value) > col.width or "\n" in value)):
                    cell.alignment = wrap
        last = max(n, 1) + FORMATTED_ROWS
        for idx, col in enumerate(spec.columns, start=1):
            fmt = NUMBER_FORMATS[col.kind]
            if fmt != "General":
                # A column style, not styled empty cells: Excel and LibreOffice give new cells the
                # column's format (codes and NIP stay text, rupiah get separators as the user
                # types), and the file carries no thousands of empty cells for the reader to skip.
                dim = ws.column_dimensions[get_column_letter(idx)]
                dim.number_format = fmt
                dim.width = col.width
        ws.auto_filter.ref = f"A1:{get_column_letter(len(spec.columns))}1"
        _add_validations(ws, spec, last, DataValidation)
    # Reference drop-downs need every sheet to exist first.
    for spec in c.SHEETS:
        if spec.is_fields:
            continue
        ws = wb[spec.name]
        for idx, col in enumerate(spec.columns, start=1):
            if not col.ref or col.ref not in first_col:
                continue
            sheet_name, letter = first_col[col.ref]
            dv = DataValidation(type="list", formula1=f"='{sheet_name}'!${letter}$2:${letter}$1000",
                                allow_blank=True, showErrorMessage=False)
            dv.add(f"{get_column_letter(idx)}2:"
                   f"{get_column_letter(idx)}{ws.max_row + FORMATTED_ROWS}")
            ws.add_data_validation(dv)
    return save_bytes(wb)


def save_bytes(wb) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _list_formula(choices: tuple[str, ...]) -> str:
    return '"' + ",".join(choices) + '"'


def _add_validations(ws, spec: c.Sheet, last: int, DataValidation) -> None:  # noqa: N803

    for idx, col in enumerate(spec.columns, start=1):
        letter = get_column_letter(idx)
        rng = f"{letter}2:{letter}{last}"
        if col.kind == c.CHOICE and len(_list_formula(col.choices)) <= 255:
            dv = DataValidation(type="list", formula1=_list_formula(col.choices), allow_blank=True,
                                showErrorMessage=True, errorTitle="Pilihan tidak dikenal",
                                error="Pilih salah satu nilai dari daftar.")
        elif col.kind == c.CHOICE:
            # Excel limits an inline list to 255 characters: point at the Petunjuk sheet's copy.
            dv = DataValidation(type="list", formula1=_petunjuk_list_ref(col), allow_blank=True,
                                showErrorMessage=True, errorTitle="Pilihan tidak dikenal",
                                error="Pilih salah satu nilai dari daftar.")
        elif col.kind == c.BOOL:
            dv = DataValidation(type="list", formula1='"Ya,Tidak"', allow_blank=True)
        else:
            continue
        dv.add(rng)
        ws.add_data_validation(dv)


_PETUNJUK_LISTS_COL = "H"


def _petunjuk_list_ref(col: c.Column) -> str:
    start, end = _PETUNJUK_LIST_ROWS[col.key]
    return f"='{c.PETUNJUK_NAME}'!${_PETUNJUK_LISTS_COL}${start}:${_PETUNJUK_LISTS_COL}${end}"


_PETUNJUK_LIST_ROWS: dict[str, tuple[int, int]] = {}


def _write_profil(ws, spec: c.Sheet, values: Mapping[str, object]) -> None:
    for idx, header in enumerate(c.PROFIL_HEADERS, start=1):
        cell = put(ws, 1, idx, header)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    ws.column_dimensions["A"].width = 42
    ws.column_dimensions["B"].width = 60
    ws.column_dimensions["C"].width = 70
    ws.freeze_panes = "A2"
    for r, fld in enumerate(spec.fields, start=2):
        label = put(ws, r, 1, fld.label)
        label.fill = PatternFill("solid", fgColor=FIELD_FILL)
        if fld.required:
            label.font = Font(bold=True)
        value = values.get(fld.key, fld.default or None)
        if fld.kind == c.INT and value == fld.default and fld.default:
            value = int(fld.default)  # a number cell, as the user would type it
        if isinstance(value, bool):
            value = "Ya" if value else "Tidak"
        cell = put(ws, r, 2, _cell_value(value))
        cell.number_format = NUMBER_FORMATS[c.DATE if isinstance(value, _dt.date) else fld.kind]
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        note = ("Wajib. " if fld.required else "") + (fld.help or c.KIND_LABELS[fld.kind])
        if fld.example:
            note += f" Contoh: {fld.example}"
        put(ws, r, 3, note).alignment = Alignment(wrap_text=True, vertical="top")
        if fld.kind in (c.CHOICE, c.BOOL):
            choices = fld.choices if fld.kind == c.CHOICE else ("Ya", "Tidak")
            dv = DataValidation(type="list", formula1=_list_formula(choices), allow_blank=True)
            dv.add(f"B{r}")
            ws.add_data_validation(dv)


def _write_petunjuk(ws) -> None:
    wrap = Alignment(wrap_text=True, vertical="top")
    put(ws, 1, 1, "PETUNJUK PENGISIAN WORKBOOK LKIP").font = Font(bold=True, size=14)
    lines = (
        f"Format workbook versi {c.LAYOUT_VERSION}. Isi setiap lembar; satu baris satu data. "
        "Jangan menggabungkan sel (merge) dan jangan mengubah judul kolom.",
        "Judul kolom merah wajib diisi; biru boleh kosong. Arahkan kursor ke judul kolom untuk "
        "melihat keterangannya.",
        "Angka boleh diketik sebagai angka atau teks cara Indonesia (1.234.567 dan 98,32). "
        "Kode dan NIP diketik sebagai teks. Sel kosong berarti belum diisi, bukan nol.",
        "Periksa workbook dengan perintah: lkip check NAMA_BERKAS.xlsx",
    )
    for i, line in enumerate(lines, start=2):
        put(ws, i, 1, line).alignment = wrap
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=6)
        ws.row_dimensions[i].height = 30
    r = len(lines) + 3
    headers = ("Lembar", "Kolom / Isian", "Jenis", "Wajib", "Keterangan")
    for idx, h in enumerate(headers, start=1):
        put(ws, r, idx, h).font = Font(bold=True)
    r += 1
    for spec in c.SHEETS:
        put(ws, r, 1, spec.name).font = Font(bold=True)
        put(ws, r, 5, spec.help).alignment = wrap
        r += 1
        items = spec.fields if spec.is_fields else spec.columns
        for item in items:
            label = item.label if isinstance(item, c.Field) else item.header
            put(ws, r, 2, label)
            kind = c.KIND_LABELS[item.kind]
            if item.choices:
                kind += ": " + " / ".join(item.choices)
            if getattr(item, "not_available", False):
                kind += ", atau 'belum tersedia' / n/a"
            put(ws, r, 3, kind).alignment = wrap
            put(ws, r, 4, "Ya" if item.required else "")
            text = item.help + (f" Contoh: {item.example}" if item.example else "")
            put(ws, r, 5, text.strip()).alignment = wrap
            r += 1
    # The Profil of each kind of unit, one block per kind (label in column B, value in E).
    r += 1
    ws.cell(row=r, column=1, value="Contoh Profil per jenis unit").font = Font(bold=True)
    note = ("Isian yang berbeda antarjenis unit pelapor. Tanda - berarti isian dikosongkan; "
            "nilai bawaannya di dalam kurung.")
    ws.cell(row=r, column=5, value=note).alignment = wrap
    r += 1
    for n, judul in enumerate(c.CONTOH_JUDUL):
        ws.cell(row=r, column=2, value=judul).font = Font(bold=True)
        r += 1
        for key, values in c.CONTOH_PER_JENIS:
            ws.cell(row=r, column=2, value=c.PROFIL.field(key).label)
            ws.cell(row=r, column=5, value=values[n]).alignment = wrap
            r += 1
    # Long choice lists (narrative sections) for drop-downs, kept on this sheet in column H.
    put(ws, 1, 8, "Daftar pilihan").font = Font(bold=True)
    row = 2
    for spec in c.SHEETS:
        for col in spec.columns:
            if col.kind == c.CHOICE and len(_list_formula(col.choices)) > 255:
                start = row
                for choice in col.choices:
                    put(ws, row, 8, choice)
                    row += 1
                _PETUNJUK_LIST_ROWS[col.key] = (start, row - 1)
                row += 1
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = 32
    ws.column_dimensions["C"].width = 24
    ws.column_dimensions["D"].width = 7
    ws.column_dimensions["E"].width = 90
    ws.column_dimensions["H"].width = 34
