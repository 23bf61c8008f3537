"""Opens a workbook file safely and returns its cells as plain data (the only module reading .xlsx).

Everything that can be wrong with the *file* (not an xlsx, an old .xls, an .ods, password
protection, a truncated zip, a zip bomb, XML entity tricks, formulas without cached values) is
caught here and turned into problems with a message in Indonesian; no openpyxl object leaves this
module.
"""

from __future__ import annotations

import datetime as _dt
import posixpath
import re
import warnings
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import openpyxl
from defusedxml import ElementTree as ET
from openpyxl.styles.numbers import is_date_format
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import from_excel

from lkip_docx.problems import LkipError, Problem, error

# Limits against zip bombs and absurd sheets. A real LKIP workbook is well under 1 MB; the
# biggest generated benchmark workbook (2,000 sub kegiatan) is about 0.5 MB unzipped.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_MEMBER_RATIO = 200  # uncompressed/compressed, for members above 1 MB unzipped
MAX_MEMBERS = 5_000
MAX_ROWS = 100_000
MAX_COLUMNS = 300

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


def sniff(path: Path) -> None:
    """Reject, with a clear message, anything that is not an .xlsx workbook we can open."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(8)
            ole_body = fh.read(2 * 1024 * 1024) if head == OLE_SIGNATURE else b""
    except IsADirectoryError:
        raise _file_problem(path, "not-a-file", "bukan berkas, melainkan folder") from None
    except FileNotFoundError:
        raise _file_problem(path, "file-not-found", "berkas tidak ditemukan") from None
    except PermissionError:
        raise _file_problem(path, "file-not-readable",
                            "berkas tidak dapat dibaca (izin ditolak)") from None
    except OSError as exc:
        raise _file_problem(path, "file-not-readable",
                            f"berkas tidak dapat dibaca: {exc.strerror}") from None
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


def _sheet_paths(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet title -> part name in the zip, from workbook.xml and its relationships."""
    ns_main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    ns_rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    wb = ET.fromstring(zf.read("xl/workbook.xml"))
    rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    targets = {}
    for rel in rels:
        target = rel.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join("xl", target))
        targets[rel.get("Id")] = target
    out = {}
    for sheet in wb.iter(ns_main + "sheet"):
        rid = sheet.get(ns_rel + "id")
        if rid in targets:
            out[sheet.get("name")] = targets[rid]
    return out


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


def read_workbook(path: Path | str, wanted: Callable[[str], bool] | None = None) -> RawWorkbook:
    """Read every cell of every sheet (or of the sheets whose name ``wanted`` accepts; the others
    are listed without their cells). Raises LkipError for a file that cannot be read at all."""
    path = Path(path)
    sniff(path)
    zf = _check_zip(path)
    try:
        return _read(path, zf, wanted)
    finally:
        zf.close()


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]+\d+:[A-Z]+\d+)"')
_ROW_TAG = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_ROW_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')


def _merged_and_hidden(zf: zipfile.ZipFile, part: str | None) -> tuple[list[str], set[int]]:
    """Merged ranges and hidden rows of a sheet, read from its XML: openpyxl's streaming
    (read-only) mode does not keep them, and they are all the reader needs of the layout."""
    if part is None:
        return [], set()
    try:
        xml = zf.read(part)
    except (KeyError, zipfile.BadZipFile, OSError, zlib.error):
        return [], set()
    merged = [m.decode("ascii") for m in _MERGE.findall(xml)]
    hidden = set()
    for attrs in _ROW_TAG.findall(xml):
        if _ROW_HIDDEN.search(attrs):
            number = _ROW_NUMBER.search(attrs)
            if number:
                hidden.add(int(number.group(1)))
    return merged, hidden


def _read(path: Path, zf: zipfile.ZipFile, wanted: Callable[[str], bool] | None) -> RawWorkbook:
    try:
        sheet_parts = _sheet_paths(zf)
    except KeyError:
        raise _file_problem(path, "corrupt-workbook",
                            "struktur workbook rusak (daftar lembar tidak ada)") from None
    except Exception as exc:  # noqa: BLE001 - defusedxml/expat raise many types
        raise _xml_problem(path, exc) from None
    for name, part in sheet_parts.items():
        try:
            info = zf.getinfo(part)
        except KeyError:
            continue
        # An absurd sheet is refused before openpyxl expands it into memory. 150 bytes per cell
        # is generous for the XML of one cell.
        if info.file_size > MAX_ROWS * 40 * 150:
            raise LkipError(error("sheet-too-large",
                                  "lembar terlalu besar "
                                  f"({info.file_size // (1024 * 1024)} MB XML)",
                                  sheet=name))
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
    try:
        for ws in wb.worksheets:
            raw = RawSheet(ws.title, ws.sheet_state != "visible")
            sheets[ws.title] = raw
            if wanted is not None and not wanted(ws.title):
                continue
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                too_large = _read_cells(ws, raw, zf, sheet_parts.get(ws.title), wb.epoch)
            if too_large:
                problems.append(error("sheet-too-large",
                                      f"lembar terlalu besar (lebih dari {MAX_ROWS} baris atau "
                                      f"{MAX_COLUMNS} kolom)", sheet=ws.title))
                del sheets[ws.title]
    except LkipError:
        raise
    except Exception as exc:  # noqa: BLE001 - a sheet's XML fails only when it is streamed
        raise _xml_problem(path, exc) from None
    finally:
        wb.close()
    if problems:
        raise LkipError(problems)
    return RawWorkbook(path, sheets)


def _read_cells(ws, raw: RawSheet, zf: zipfile.ZipFile, part: str | None, epoch) -> bool:
    """Fill ``raw`` with the non-empty cells of ``ws``; True when the sheet is absurdly large."""
    raw.merged, raw.hidden_rows = _merged_and_hidden(zf, part)
    cached = None
    max_row = max_col = 0
    for row in ws.iter_rows():
        for cell in row:
            value = cell.value
            if value is None:
                continue
            r, c = cell.row, cell.column
            if r > MAX_ROWS or c > MAX_COLUMNS:
                return True
            max_row, max_col = max(max_row, r), max(max_col, c)
            coord = f"{get_column_letter(c)}{r}"
            fmt = cell.number_format or "General"
            if cell.data_type == "f":
                if cached is None:
                    cached = _cached_values(zf, part) if part else {}
                text, ctype = cached.get(coord, (None, None))
                val, err = _convert_cached(text, ctype, fmt, epoch)
                raw.cells[(r, c)] = RawCell(val, coord, fmt, excel_error=err, formula=True,
                                            uncached=(val is None and err is None))
                continue
            if cell.data_type == "e":
                raw.cells[(r, c)] = RawCell(None, coord, fmt, excel_error=str(value))
                continue
            if isinstance(value, str):
                value = unescape_text(value)
            elif not isinstance(value, (int, float, bool, _dt.datetime, _dt.date, _dt.time,
                                        _dt.timedelta)):
                value = str(value)  # array formulas and other exotic values: keep the text
            raw.cells[(r, c)] = RawCell(value, coord, fmt)
    # Merged and hidden rows count too: a merge below the last value still covers data rows.
    raw.max_row = max([max_row, *raw.hidden_rows] or [0])
    raw.max_column = max_col
    return False


_UNSAFE_XML = ("EntitiesForbidden", "DTDForbidden", "ExternalReferenceForbidden",
               "NotSupportedError")


def _causes(exc: BaseException):
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
