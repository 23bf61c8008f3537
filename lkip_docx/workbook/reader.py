"""Opens a workbook file safely and returns its cells as plain data (the only module reading .xlsx).

Everything that can be wrong with the *file* (not a regular file, not an xlsx, an xlsx under
another name, an old .xls, an .ods, password protection, a truncated zip, a zip bomb, XML entity
tricks, formulas without cached values, sizes no agency reaches) is caught here and turned into
problems with a message in Indonesian; no openpyxl object leaves this module.

Work is bounded by what is *stored*, never by what a sheet declares: the <dimension> element is
ignored (some writers leave it stale, others declare the whole grid), columns past what the caller
needs are not read, and the limits below are checked before or while a sheet is streamed.
"""

from __future__ import annotations

import datetime as _dt
import os
import posixpath
import re
import stat
import warnings
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import openpyxl
from defusedxml import ElementTree as ET
from openpyxl.reader.excel import SUPPORTED_FORMATS
from openpyxl.styles.numbers import is_date_format
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import from_excel

from lkip_docx.fmt import number
from lkip_docx.problems import LkipError, Problem, error

# Limits. A real LKIP workbook is small: the bundled sample (a whole agency year) holds about
# 2,000 filled cells, its longest sheet 184 rows and its largest 77 KB of XML; the largest real
# workbooks have a few thousand rows. Every limit is at least ten times that, and low enough that
# a workbook at the limits is read in seconds and under 200 MB, not minutes and gigabytes. Each
# refusal names the limit and the sheet (and cell) or file that passed it.
#
# Against zip bombs: the whole file, everything in it once unzipped, and any one part's ratio.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_MEMBER_RATIO = 200  # uncompressed/compressed, for members above 1 MB unzipped
MAX_MEMBERS = 5_000
# The XML openpyxl must parse: each sheet read, and those sheets with the shared strings and styles
# together (sheets not read cost nothing and are not counted). Formatted empty cells cost as much
# to parse as filled ones (about 7 MB/s), so this is what bounds the time: under 2 s per sheet,
# 5 s for the workbook. A few thousand rows of real data take under 2 MB.
MAX_SHEET_XML_BYTES = 10 * 1024 * 1024
MAX_XML_BYTES = 30 * 1024 * 1024
# A filled cell below this row is refused (a stray value at row 1,048,576 is the usual case);
# empty rows cost nothing wherever they are, and the declared dimension is not looked at.
MAX_ROWS = 50_000
# Columns read of a sheet when the caller does not say how many it needs, and never more: a value
# in column XFD is not read at all. The contract's widest sheet has 15 columns.
MAX_COLUMNS = 100
# Filled cells kept, all sheets read together: about 350 bytes each, so 70 MB at most, read in
# about 1.5 s.
MAX_CELLS = 200_000

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURE = b"PK\x03\x04"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


@dataclass(frozen=True)
class RawCell:
    """A non-empty cell as stored: the value openpyxl gives, with what is needed to interpret it."""

    value: object  # str, int, float, bool, datetime/date/time
    coordinate: str
    number_format: str = "General"
    #: Excel error shown in the cell (#DIV/0!, #REF!, ...), value is then None
    excel_error: str | None = None
    #: the cell holds a formula; ``value`` is its cached result
    formula: bool = False
    #: the formula has no cached result (file saved by a program that does not calculate)
    uncached: bool = False


@dataclass
class RawSheet:
    name: str
    hidden: bool
    cells: dict[tuple[int, int], RawCell] = field(default_factory=dict)
    hidden_rows: set[int] = field(default_factory=set)
    merged: list[str] = field(default_factory=list)
    max_row: int = 0
    max_column: int = 0

    def get(self, row: int, col: int) -> RawCell | None:
        return self.cells.get((row, col))


@dataclass
class RawWorkbook:
    path: Path
    sheets: dict[str, RawSheet]


_OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def unescape_text(value: str) -> str:
    """Undo the escaping OOXML uses for characters XML cannot hold.

    Excel stores a carriage return, a bell or a form feed in cell text as ``_x000D_``, ``_x0007_``,
    ``_x000C_`` (and a literal ``_x`` sequence as ``_x005F_x...``); openpyxl hands these escapes
    over as they are, and they would reach the report as text. The characters come back here and
    cells.clean_text then drops or converts them. (openpyxl already turned ``_x005F_`` into ``_``
    in shared strings, so a literal ``_x000D_`` typed by a user is read as a line break: a price
    paid for text no LKIP contains.)
    """
    if "_x" not in value:
        return value
    return _OOXML_ESCAPE.sub(lambda m: chr(int(m[1], 16)), value)


def _file_problem(path: Path, code: str, message: str) -> LkipError:
    return LkipError(error(code, message, place=path.name))


def _unreadable(path: Path, exc: OSError) -> LkipError:
    """The problem of a workbook the system would not let us look at or open."""
    if isinstance(exc, IsADirectoryError):
        return _file_problem(path, "not-a-file", "bukan berkas, melainkan folder")
    if isinstance(exc, FileNotFoundError):
        return _file_problem(path, "file-not-found", "berkas tidak ditemukan")
    if isinstance(exc, PermissionError):
        return _file_problem(path, "file-not-readable", "berkas tidak dapat dibaca (izin ditolak)")
    return _file_problem(path, "file-not-readable", f"berkas tidak dapat dibaca: {exc.strerror}")


def _stat(path: Path) -> os.stat_result:
    """The file's status, without opening it: opening a FIFO waits for a writer, forever."""
    try:
        st = path.stat()
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if stat.S_ISDIR(st.st_mode):
        raise _file_problem(path, "not-a-file", "bukan berkas, melainkan folder")
    if not stat.S_ISREG(st.st_mode):
        # A FIFO (or a process substitution such as <(...)), a socket or a device: reading one
        # may block forever or never end, and a workbook is always a file on disk.
        raise _file_problem(path, "not-a-file",
                            "bukan berkas biasa (pipa/FIFO, soket atau perangkat); simpan "
                            "workbook sebagai berkas .xlsx lalu berikan nama berkas itu")
    return st


def sniff(path: Path) -> None:
    """Reject, with a clear message, anything that is not an .xlsx workbook we can open."""
    size = _stat(path).st_size
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
            ole_body = fh.read(2 * 1024 * 1024) if head == OLE_SIGNATURE else b""
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if size == 0:
        raise _file_problem(path, "empty-file", "berkas kosong (0 bita)")
    if size > MAX_FILE_BYTES:
        raise _file_problem(path, "file-too-large",
                            f"berkas terlalu besar ({size // (1024 * 1024)} MB; batas "
                            f"{MAX_FILE_BYTES // (1024 * 1024)} MB)")
    if head == OLE_SIGNATURE:
        # Password-protected .xlsx files are OLE containers holding an encrypted package; the
        # stream names are stored in UTF-16 in the directory.
        if "EncryptedPackage".encode("utf-16-le") in ole_body or \
                "EncryptionInfo".encode("utf-16-le") in ole_body:
            raise _file_problem(path, "encrypted-workbook",
                                "workbook dilindungi kata sandi; buka di Excel, hapus kata sandi "
                                "(File > Info > Protect Workbook), lalu simpan ulang")
        raise _file_problem(path, "old-xls",
                            "format Excel lama (.xls) tidak didukung; buka di Excel atau "
                            "LibreOffice lalu simpan sebagai .xlsx")
    if head[:4] != ZIP_SIGNATURE:
        raise _file_problem(path, "not-a-workbook",
                            "bukan workbook Excel (.xlsx); simpan berkas sebagai Excel Workbook")


def _check_zip(path: Path) -> zipfile.ZipFile:
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise _file_problem(path, "corrupt-workbook",
                            "berkas rusak atau terpotong (arsip zip tidak utuh); unduh atau "
                            "salin ulang berkasnya") from None
    except OSError as exc:
        raise _file_problem(path, "file-not-readable",
                            f"berkas tidak dapat dibaca: {exc}") from None
    infos = zf.infolist()
    names = {i.filename for i in infos}
    if "mimetype" in names:
        try:
            # Only the first bytes: this runs before the size checks below, and a "mimetype"
            # member can be a zip bomb like any other.
            with zf.open("mimetype") as fh:
                mimetype = fh.read(100)
        except Exception:  # noqa: BLE001 - any failure here means "not ODS we can tell"
            mimetype = b""
        if mimetype.startswith(ODS_MIMETYPE):
            zf.close()
            raise _file_problem(path, "ods-workbook",
                                "berkas LibreOffice Calc (.ods) tidak didukung; simpan sebagai "
                                "Excel 2007-365 (.xlsx)")
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        zf.close()
        if "word/document.xml" in names:
            raise _file_problem(path, "not-a-workbook",
                                "ini dokumen Word, bukan workbook Excel (.xlsx)")
        raise _file_problem(path, "not-a-workbook", "bukan workbook Excel (.xlsx)")
    if len(infos) > MAX_MEMBERS:
        zf.close()
        raise _file_problem(path, "workbook-too-large",
                            f"workbook berisi terlalu banyak bagian ({len(infos)})")
    total = 0
    for info in infos:
        total += info.file_size
        ratio_suspect = (info.file_size > 1024 * 1024
                         and info.file_size > MAX_MEMBER_RATIO * max(info.compress_size, 1))
        if total > MAX_UNZIPPED_BYTES or ratio_suspect:
            zf.close()
            raise _file_problem(path, "workbook-too-large",
                                "isi workbook terlalu besar setelah diekstrak (kemungkinan "
                                "berkas rusak atau 'zip bomb'); periksa berkasnya")
    return zf


def _workbook_rels(zf: zipfile.ZipFile) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, part name in the zip) of workbook.xml."""
    rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    out = {}
    for rel in rels:
        target = rel.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join("xl", target))
        out[rel.get("Id")] = (rel.get("Type", ""), target)
    return out


def _sheet_paths(zf: zipfile.ZipFile,
                 targets: dict[str, tuple[str, str]] | None = None) -> dict[str, str]:
    """Sheet title -> part name in the zip, from workbook.xml and its relationships (``targets``,
    when already read)."""
    ns_main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    ns_rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    wb = ET.fromstring(zf.read("xl/workbook.xml"))
    if targets is None:
        targets = _workbook_rels(zf)
    out = {}
    for sheet in wb.iter(ns_main + "sheet"):
        rid = sheet.get(ns_rel + "id")
        if rid in targets:
            out[sheet.get("name")] = targets[rid][1]
    return out


def _shared_parts(targets: dict[str, tuple[str, str]]) -> list[str]:
    """The parts openpyxl parses whole whatever is read: shared strings and styles."""
    return [target for kind, target in targets.values()
            if kind.endswith(("/sharedStrings", "/styles"))]


def _cached_values(zf: zipfile.ZipFile, part: str) -> dict[str, tuple[str | None, str | None]]:
    """Formula cells of one sheet part: coordinate -> (cached text or None, cell type attribute)."""
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    out = {}
    with zf.open(part) as fh:
        for _event, elem in ET.iterparse(fh):
            if elem.tag != ns + "c":
                continue
            if elem.find(ns + "f") is not None:
                v = elem.find(ns + "v")
                is_ = elem.find(ns + "is")
                ctype = elem.get("t")
                text = v.text if v is not None else None
                if text is None and v is not None and ctype == "str":
                    # Excel saves a formula whose result is the empty string (=IF(A1="";"";A1))
                    # as t="str" with an empty <v>: calculated, and blank. A program that does not
                    # calculate (openpyxl) writes an empty <v> without t="str".
                    text = ""
                if text is None and is_ is not None:
                    text = "".join(t.text or "" for t in is_.iter(ns + "t"))
                out[elem.get("r")] = (text, ctype)
            elem.clear()
    return out


def _convert_cached(text: str | None, ctype: str | None, number_format: str, epoch=None):
    """Turn a cached formula result into the value openpyxl would have given.

    ``epoch`` is the workbook's date system (1900, or 1904 for old Mac workbooks), as openpyxl
    uses it for the cells it converts itself."""
    if text is not None and ctype in ("str", "inlineStr", "s"):
        return unescape_text(text), None
    if text is None or text == "":
        return None, None
    if ctype == "e":
        return None, text
    if ctype == "b":
        return text == "1", None
    try:
        num = float(text) if any(c in text for c in ".eE") else int(text)
    except ValueError:
        return text, None

    if is_date_format(number_format):
        try:
            return (from_excel(num, epoch) if epoch is not None else from_excel(num)), None
        except (ValueError, OverflowError):
            return num, None
    return num, None


def read_workbook(path: Path | str,
                  wanted: Callable[[str], bool | int] | None = None) -> RawWorkbook:
    """Read the cells of every sheet, or of the sheets ``wanted`` accepts; the others are listed
    without their cells and cost nothing.

    ``wanted(name)`` may say how many columns of the sheet are worth reading (an int: the columns
    a binder matches, with room for an agency's own); True reads MAX_COLUMNS. Columns past that are
    not read. Raises LkipError for a file that cannot be read at all, or past a limit.
    """
    path = Path(path)
    sniff(path)
    zf = _check_zip(path)
    try:
        _check_extension(path)
        return _read(path, zf, wanted)
    finally:
        zf.close()


def _check_extension(path: Path) -> None:
    """A workbook saved or downloaded under another name (.csv, .xls, none) is a workbook: say so
    and how to fix it, rather than call it corrupt (openpyxl refuses such a name outright)."""
    suffix = path.suffix
    if suffix.lower() in SUPPORTED_FORMATS:
        return
    named = f"namanya berakhiran '{suffix}'" if suffix else "namanya tanpa akhiran .xlsx"
    # 'lkip.xlsx.csv' becomes 'lkip.xlsx', not 'lkip.xlsx.xlsx'.
    stem = Path(path.stem)
    fixed = stem.name if stem.suffix.lower() in SUPPORTED_FORMATS else f"{stem.name}.xlsx"
    raise _file_problem(path, "wrong-extension",
                        f"berkas ini workbook Excel (.xlsx), tetapi {named}; ganti namanya "
                        f"menjadi '{fixed}' lalu jalankan lagi")


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]+\d+:[A-Z]+\d+)"')
# A row's start tag: its number when written first (as Excel and openpyxl do), then the rest of
# its attributes. One findall over the sheet keeps this as cheap as a scan for hidden rows alone.
_ROW_TAG = re.compile(rb'<(?:\w+:)?row\b(?:\s+r="(\d+)")?([^>]*)>')
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_ROW_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')


@dataclass
class _Layout:
    merged: list[str]
    hidden_rows: set[int]
    #: the first row stored after a row with a higher (or the same) number, if any
    disordered_row: int | None = None


def _layout(zf: zipfile.ZipFile, part: str | None) -> _Layout:
    """Merged ranges, hidden rows and the order of rows of a sheet, read from its XML: openpyxl's
    streaming (read-only) mode keeps none of them, and they are all the reader needs of the
    layout."""
    if part is None:
        return _Layout([], set())
    try:
        xml = zf.read(part)
    except (KeyError, zipfile.BadZipFile, OSError, zlib.error):
        return _Layout([], set())
    layout = _Layout([m.decode("ascii") for m in _MERGE.findall(xml)], set())
    last = 0
    for written, attrs in _ROW_TAG.findall(xml):
        if written:
            row = int(written)
        else:
            # r written later among the attributes, or not at all: then the row follows the one
            # before, as openpyxl numbers it.
            found = _ROW_NUMBER.search(attrs)
            row = int(found.group(1)) if found else last + 1
        if row <= last and layout.disordered_row is None:
            layout.disordered_row = row
        last = row
        if b"hidden" in attrs and _ROW_HIDDEN.search(attrs):
            layout.hidden_rows.add(row)
    return layout


def _columns(wanted: Callable[[str], bool | int] | None, name: str) -> int:
    """How many columns of sheet ``name`` to read; 0 for a sheet not read at all."""
    if wanted is None:
        return MAX_COLUMNS
    width = wanted(name)
    if width is True:
        return MAX_COLUMNS
    return min(int(width), MAX_COLUMNS) if width else 0


def _size(n: int) -> str:
    return f"{-(-n // (1024 * 1024))} MB" if n >= 1024 * 1024 else f"{-(-n // 1024)} KB"


def _check_xml_sizes(path: Path, zf: zipfile.ZipFile, parts: dict[str, str],
                     shared: list[str]) -> None:
    """Refuse, from the zip directory alone, sheets to be read (``parts``: name -> part) whose XML
    is too large to parse, each by name, and then too much XML altogether (with the ``shared``
    parts)."""
    problems = []
    total = 0
    for name, part in parts.items():
        try:
            size = zf.getinfo(part).file_size
        except KeyError:
            continue
        total += size
        if size > MAX_SHEET_XML_BYTES:
            problems.append(error(
                "sheet-too-large",
                f"lembar terlalu besar untuk dibaca ({_size(size)} XML; batas "
                f"{_size(MAX_SHEET_XML_BYTES)} per lembar); hapus format dari baris dan kolom "
                "kosong di bawah dan di samping data, atau salin datanya ke workbook baru",
                sheet=name))
    if problems:
        raise LkipError(problems)
    for part in shared:
        try:
            total += zf.getinfo(part).file_size
        except KeyError:
            continue
    if total > MAX_XML_BYTES:
        raise _file_problem(path, "workbook-too-large",
                            f"lembar-lembar yang dibaca terlalu besar bersama-sama "
                            f"({_size(total)} XML; batas {_size(MAX_XML_BYTES)}); hapus format "
                            "dari baris dan kolom kosong, atau pindahkan data yang tidak "
                            "diperlukan laporan ke workbook lain")


def _read(path: Path, zf: zipfile.ZipFile,
          wanted: Callable[[str], bool | int] | None) -> RawWorkbook:
    try:
        targets = _workbook_rels(zf)
        sheet_parts = _sheet_paths(zf, targets)
    except KeyError:
        raise _file_problem(path, "corrupt-workbook",
                            "struktur workbook rusak (daftar lembar tidak ada)") from None
    except Exception as exc:  # noqa: BLE001 - defusedxml/expat raise many types
        raise _xml_problem(path, exc) from None
    widths = {name: _columns(wanted, name) for name in sheet_parts}
    # An absurd sheet is refused before openpyxl expands it; a sheet not read costs nothing
    # whatever its size.
    _check_xml_sizes(path, zf, {name: part for name, part in sheet_parts.items() if widths[name]},
                     _shared_parts(targets))
    try:
        with warnings.catch_warnings():
            # openpyxl warns about Excel features it ignores (extensions, slicers); the user can
            # do nothing about them and they would look like errors on the terminal.
            warnings.simplefilter("ignore")
            # Read-only (streaming) mode parses a sheet only when it is read, so sheets the
            # caller does not want (Petunjuk, an agency's own notes) cost nothing.
            wb = openpyxl.load_workbook(path, read_only=True, data_only=False, keep_links=False,
                                        rich_text=False)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises anything on malformed parts
        raise _xml_problem(path, exc) from None

    problems: list[Problem] = []
    sheets: dict[str, RawSheet] = {}
    cells_left = MAX_CELLS
    try:
        for ws in wb.worksheets:
            raw = RawSheet(ws.title, ws.sheet_state != "visible")
            sheets[ws.title] = raw
            width = widths[ws.title] if ws.title in widths else _columns(wanted, ws.title)
            if not width:
                continue
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                problem = _read_cells(ws, raw, zf, sheet_parts.get(ws.title), wb.epoch, width,
                                      cells_left)
            cells_left -= len(raw.cells)
            if problem is not None:
                problems.append(problem)
                del sheets[ws.title]
                if problem.code == "too-many-cells":
                    break  # every further cell is over the limit too
    except LkipError:
        raise
    except Exception as exc:  # noqa: BLE001 - a sheet's XML fails only when it is streamed
        raise _xml_problem(path, exc) from None
    finally:
        wb.close()
    if problems:
        raise LkipError(problems)
    return RawWorkbook(path, sheets)


def _read_cells(ws, raw: RawSheet, zf: zipfile.ZipFile, part: str | None, epoch, width: int,
                cells_left: int) -> Problem | None:
    """Fill ``raw`` with the filled cells of the first ``width`` columns of ``ws``, keeping at
    most ``cells_left``; a Problem when the sheet cannot be read whole within the limits."""
    layout = _layout(zf, part)
    raw.merged, raw.hidden_rows = layout.merged, layout.hidden_rows
    if layout.disordered_row is not None:
        # openpyxl's streaming reader skips a row stored after a higher one: its data would
        # vanish without a word.
        row = layout.disordered_row
        return error("rows-out-of-order",
                     f"baris {row} tersimpan tidak berurutan di dalam berkas (biasanya karena "
                     "dibuat program selain Excel) sehingga tidak dapat dibaca dengan aman; buka "
                     "workbook di Excel atau LibreOffice lalu simpan ulang sebagai .xlsx",
                     sheet=raw.name, cell=f"{row}:{row}")
    # The stored dimension is only a hint: openpyxl stops at a stale one (rows vanish, the sheet
    # still looks valid) and pads every row to a huge one's width (16,384 cells a row: minutes
    # for a sheet with one far row). Without it, rows are read as stored, cut at ``width``.
    ws.reset_dimensions()
    cells = raw.cells
    cached = None
    max_row = max_col = 0
    # openpyxl yields one shared empty tuple for every row missing between two stored rows;
    # recognising it by identity keeps the gap before a far row to about 0.1 s a million rows.
    gap = None
    max_rows = MAX_ROWS
    for row in ws.iter_rows(max_col=width):
        if row is gap:
            continue
        before = len(cells)
        for cell in row:
            value = cell.value
            if value is None:
                continue
            r, c = cell.row, cell.column
            coord = f"{get_column_letter(c)}{r}"
            if r > max_rows or len(cells) >= cells_left:
                return _limit_problem(raw.name, coord, too_far=r > max_rows)
            if r > max_row:
                max_row = r
            if c > max_col:
                max_col = c
            fmt = cell.number_format or "General"
            if cell.data_type == "f":
                if cached is None:
                    cached = _cached_values(zf, part) if part else {}
                text, ctype = cached.get(coord, (None, None))
                val, err = _convert_cached(text, ctype, fmt, epoch)
                cells[(r, c)] = RawCell(val, coord, fmt, excel_error=err, formula=True,
                                        uncached=(val is None and err is None))
                continue
            if cell.data_type == "e":
                cells[(r, c)] = RawCell(None, coord, fmt, excel_error=str(value))
                continue
            if isinstance(value, str):
                value = unescape_text(value)
            elif not isinstance(value, (int, float, bool, _dt.datetime, _dt.date, _dt.time,
                                        _dt.timedelta)):
                value = str(value)  # array formulas and other exotic values: keep the text
            cells[(r, c)] = RawCell(value, coord, fmt)
        if len(cells) == before:
            gap = row
    # Hidden rows do not stretch the sheet: a hidden row holds data (then it is counted above)
    # or nothing, and a hidden empty row at 1,048,576 would have the binder walk a million rows.
    raw.max_row = max_row
    raw.max_column = max_col
    return None


def _limit_problem(sheet: str, coord: str, too_far: bool) -> Problem:
    if too_far:
        return error("too-many-rows",
                     f"sel ini berisi data melewati batas {number(MAX_ROWS, 0)} baris per lembar "
                     "(jauh di luar data LKIP mana pun); hapus isinya atau pindahkan datanya ke "
                     "atas", sheet=sheet, cell=coord)
    return error("too-many-cells",
                 f"workbook berisi lebih dari {number(MAX_CELLS, 0)} sel terisi pada "
                 "lembar-lembar yang dibaca (batas; workbook LKIP yang nyata hanya berisi "
                 "beberapa puluh ribu); batas terlampaui di sel ini; pindahkan data yang tidak "
                 "diperlukan laporan ke workbook lain", sheet=sheet, cell=coord)


_UNSAFE_XML = ("EntitiesForbidden", "DTDForbidden", "ExternalReferenceForbidden",
               "NotSupportedError")


def _causes(exc: BaseException | None) -> Iterator[BaseException]:
    """The exception and everything it was raised from (openpyxl wraps parser errors in a
    ValueError, so the defusedxml refusal is only found down the chain)."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def _xml_problem(path: Path, exc: Exception) -> LkipError:
    name = type(exc).__name__
    if any(type(e).__name__ in _UNSAFE_XML for e in _causes(exc)):
        return _file_problem(path, "unsafe-xml",
                             "workbook memuat deklarasi entitas XML yang tidak diizinkan "
                             "(kemungkinan berbahaya); simpan ulang dari Excel")
    # A part whose compressed bytes are damaged fails inside openpyxl as zlib.error, EOFError or
    # a CRC BadZipFile, wrapped or not: "(error)" named nothing the user could act on.
    if any(isinstance(e, (zipfile.BadZipFile, zlib.error, EOFError)) for e in _causes(exc)):
        return _file_problem(path, "corrupt-workbook",
                             "berkas rusak atau terpotong (isi arsip zip tidak utuh); unduh atau "
                             "salin ulang berkasnya")
    if isinstance(exc, MemoryError):
        return _file_problem(path, "workbook-too-large", "workbook terlalu besar untuk dibaca")
    return _file_problem(path, "corrupt-workbook",
                         f"berkas tidak dapat dibaca sebagai workbook Excel ({name}); buka di "
                         "Excel lalu simpan ulang sebagai .xlsx")
