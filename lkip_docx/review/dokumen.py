"""A Word report read as located text: its body paragraphs and tables in document order, each
paragraph with the headings above it, each table with its number ("Tabel 3.1", from the caption
above it), each cell with its row and the column header over it.

Only what a reader sees as the report's text counts: the results of fields (the table of contents
and list of tables, page numbers), which Word recomputes on opening, are left out, and so are
deleted revisions. Works on reports edited in Word (runs split, bookmarks, content controls) and on
agency templates whose style ids are localised (a heading is found by its style's name).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

from lkip_docx.problems import LkipError, error

#: A report (or its unpacked parts) beyond this is refused rather than read.
MAX_UNPACKED = 200 * 1024 * 1024

_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = (qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"),
                                          qn("w:sdt"), qn("w:sdtContent"))
_T, _TAB, _BR, _CR, _FLDCHAR, _FLDSIMPLE = (qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"),
                                            qn("w:fldChar"), qn("w:fldSimple"))
_NOBREAK = qn("w:noBreakHyphen")
_CAPTION_NUMBER = re.compile(r"^Tabel\s+(\d+(?:\.\d+)*)", re.IGNORECASE)
_COLUMN_NUMBERS = re.compile(r"^\(\d+\)$")  # the "(1) (2) (3)" row under a header
#: A cell holding a figure, a dash or a row number, not a name.
_FIGURE = re.compile(r"(?:Rp\.?\s*)?[\d.,]+%?\.?|-|")
#: Columns that group rows or qualify them, not name them.
_GROUPING = re.compile(r"^(?:no\b|tujuan|sasaran|satuan)", re.IGNORECASE)
_MERGED_LABEL = re.compile(r"^indikator sasaran$", re.IGNORECASE)
_ROW_NUMBER = re.compile(r"\d{1,3}[.)]?")


def clean(text: str) -> str:
    """Text compared as a reader reads it: one space for any run of spaces, tabs and line breaks."""
    return " ".join(text.replace("\u00a0", " ").split())


@dataclass(frozen=True)
class Paragraf:
    teks: str
    gaya: str  # the style's name ("Heading 1", "Caption", "Narasi")
    judul: tuple[str, ...]  # the headings above it, outermost first
    nomor: int  # its place among the paragraphs under the nearest heading (1-based)


@dataclass(frozen=True)
class Sel:
    teks: str
    kolom: int  # grid column, 0-based
    judul_kolom: str  # the header cells over that column, joined


@dataclass(frozen=True)
class Baris:
    nomor: int  # 1-based, header rows included
    sel: tuple[Sel, ...]
    kepala: bool  # a header row (repeated on every page)

    def label(self) -> str:
        """What names the row: its cells with words before its first figure, without the columns
        that group rows (tujuan, sasaran) or qualify them (satuan, no) when another remains:
        'Indeks Layanan Publik Berbasis IT', or 'Indeks Layanan Publik Berbasis IT / Target' in
        a table with a row per figure."""
        words: list[Sel] = []
        for cell in self.sel:
            text = cell.teks.strip()
            if _ROW_NUMBER.fullmatch(text):
                continue
            if _FIGURE.fullmatch(text) and text:
                if words:
                    break
                continue
            if re.search(r"[^\W\d_]{2,}", cell.teks):
                words.append(cell)
        named = [c for c in words if not _GROUPING.match(c.judul_kolom)] or words
        if len(named) > 1:
            # the indicator merged over a budget table's rows, beside the row's own name
            named = [c for c in named if not _MERGED_LABEL.match(c.judul_kolom)] or named
        # a second name only when it is short: 'Target' in a table with a row per figure
        return " / ".join([named[0].teks] + [c.teks for c in named[1:2] if len(c.teks) <= 30]) \
            if named else ""


@dataclass(frozen=True)
class Tabel:
    label: str  # "Tabel 3.1", the caption's text, or "tabel tanpa judul ke-2"
    nomor: str | None  # "3.1"
    baris: tuple[Baris, ...]
    judul: tuple[str, ...]
    bagian: int = 1  # the n-th table under one caption (the Perjanjian Kinerja has two)

    def isi(self) -> list[Baris]:
        return [b for b in self.baris if not b.kepala]


Blok = Paragraf | Tabel


def _style_names(doc) -> dict[str, str]:
    names = {}
    for style in doc.styles:
        try:
            names[style.style_id] = style.name or style.style_id
        except (AttributeError, ValueError):  # a damaged style entry: its id stands for its name
            continue
    return names


def heading_level(style_name: str) -> int | None:
    m = re.match(r"^heading\s+(\d)$", style_name.strip(), re.IGNORECASE)
    return int(m.group(1)) if m else None


class _Reader:
    def __init__(self, doc):
        self.styles = _style_names(doc)
        self.depth = 0  # complex fields open (they may span paragraphs)
        self.headings: list[str] = []
        self.count = 0
        self.untitled = 0
        self.blocks: list[Blok] = []
        self.caption: tuple[str, str | None] | None = None
        self.parts_under_caption = 0

    # -- text of one paragraph, without field results ---------------------------------------
    def text(self, p) -> str:
        skip = {id(t) for fs in p.iter(_FLDSIMPLE) for t in fs.iter(_T)}
        out = []
        for node in p.iter(_T, _TAB, _BR, _CR, _FLDCHAR, _NOBREAK):
            tag = node.tag
            if tag == _FLDCHAR:
                kind = node.get(qn("w:fldCharType"))
                if kind == "begin":
                    self.depth += 1
                elif kind == "end" and self.depth:
                    self.depth -= 1
                continue
            if self.depth or id(node) in skip:
                continue
            if tag == _T:
                out.append(node.text or "")
            elif tag == _TAB:
                out.append("\t")
            elif tag == _NOBREAK:
                out.append("-")
            else:
                out.append("\n")
        return "".join(out)

    def style(self, p) -> str:
        ppr = p.find(qn("w:pPr"))
        ps = ppr.find(qn("w:pStyle")) if ppr is not None else None
        sid = ps.get(qn("w:val")) if ps is not None else ""
        return self.styles.get(sid, sid) if sid else "Normal"

    # -- body -------------------------------------------------------------------------------
    def walk(self, parent) -> None:
        for child in parent:
            if child.tag == _P:
                self.paragraph(child)
            elif child.tag == _TBL:
                self.table(child)
            elif child.tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    self.walk(content)

    def paragraph(self, p) -> None:
        raw = self.text(p)
        text = clean(raw)
        style = self.style(p)
        level = heading_level(style)
        if level is not None and text:
            # A heading is text of the report too; it is placed under the headings above it.
            self.blocks.append(Paragraf(text, style, tuple(self.headings[:level - 1]), 0))
            self.headings = self.headings[:level - 1] + [text]
            self.count = 0
            self.caption = None
            return
        if not text:
            return
        if style.lower() == "caption":
            m = _CAPTION_NUMBER.match(text)
            self.caption = (f"Tabel {m.group(1)}", m.group(1)) if m else (text, None)
            self.parts_under_caption = 0
        else:
            self.caption = None
        self.count += 1
        self.blocks.append(Paragraf(text, style, tuple(self.headings), self.count))

    def table(self, tbl) -> None:
        rows = []
        for n, tr in enumerate((r for r in tbl if r.tag == _TR), start=1):
            trpr = tr.find(qn("w:trPr"))
            header = trpr is not None and trpr.find(qn("w:tblHeader")) is not None
            grid = 0
            if trpr is not None and trpr.find(qn("w:gridBefore")) is not None:
                grid = int(trpr.find(qn("w:gridBefore")).get(qn("w:val"), "0") or 0)
            cells = []
            for tc in (c for c in tr if c.tag in (_TC, _SDT)):
                tcs = [tc] if tc.tag == _TC else list(tc.iter(_TC))
                for cell in tcs:
                    tcpr = cell.find(qn("w:tcPr"))
                    span = 1
                    if tcpr is not None and tcpr.find(qn("w:gridSpan")) is not None:
                        span = int(tcpr.find(qn("w:gridSpan")).get(qn("w:val"), "1") or 1)
                    texts = [clean(self.text(p)) for p in cell.iter(_P)]
                    cells.append((grid, span, " / ".join(t for t in texts if t)))
                    grid += span
            rows.append((n, header, cells))
        headers: dict[int, list[str]] = {}
        for _n, header, cells in rows:
            if not header:
                continue
            for grid, span, text in cells:
                if text and not _COLUMN_NUMBERS.match(text):
                    for g in range(grid, grid + span):
                        if text not in headers.setdefault(g, []):
                            headers[g].append(text)
        baris = tuple(
            Baris(n, tuple(Sel(text, grid, " ".join(headers.get(grid, []))) for grid, _s, text
                           in cells), header)
            for n, header, cells in rows)
        if self.caption is not None:
            label, nomor = self.caption
            self.parts_under_caption += 1
            part = self.parts_under_caption
        else:
            self.untitled += 1
            label, nomor, part = f"tabel tanpa judul ke-{self.untitled}", None, 1
        self.blocks.append(Tabel(label, nomor, baris, tuple(self.headings), part))


def _check(data: bytes, where: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            total = sum(i.file_size for i in zf.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
        raise LkipError(error("report-not-docx", "laporan bukan dokumen Word (.docx) atau "
                              "berkasnya rusak; simpan ulang dari Word sebagai .docx",
                              place=where)) from None
    if "word/document.xml" not in names:
        raise LkipError(error("report-not-docx", "laporan bukan dokumen Word (.docx)",
                              place=where))
    if total > MAX_UNPACKED:
        raise LkipError(error("report-too-large", "laporan terlalu besar setelah diekstrak",
                              place=where))


def read(source: bytes | Path | str) -> list[Blok]:
    """The body of a .docx (a file or its bytes) as located paragraphs and tables."""
    if isinstance(source, bytes):
        data, where = source, "laporan"
    else:
        where = str(source)
        try:
            data = Path(source).read_bytes()
        except OSError as exc:
            raise LkipError(error("report-unreadable", f"laporan tidak dapat dibaca "
                                  f"({exc.strerror or exc})", place=where)) from None
    _check(data, where)
    try:
        doc = Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds on damaged packages
        raise LkipError(error("report-not-docx", "laporan tidak dapat dibuka sebagai dokumen Word "
                              f"({type(exc).__name__})", place=where)) from None
    reader = _Reader(doc)
    reader.walk(doc.element.body)
    return reader.blocks


def tables_by_label(blocks: list[Blok]) -> dict[str, list[Tabel]]:
    """Tables by their label ("Tabel 3.1"); a caption heading two tables gives two."""
    out: dict[str, list[Tabel]] = {}
    for b in blocks:
        if isinstance(b, Tabel):
            out.setdefault(b.label, []).append(b)
    return out
