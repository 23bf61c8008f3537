"""Builds the default report template lkip_docx/templates/report_template.docx (and an identical
copy report_template.docx at the repository root) with python-docx plus raw OOXML.

    python tools/make_template.py            # writes both shipped copies
    python tools/make_template.py --check    # exit 1 when a shipped copy differs from a fresh build
    python tools/make_template.py -o DIR/x.docx   # writes only that file (tests, experiments)

This script is the source of the default template: do not edit the .docx in Word; change this
script, run it and commit both copies (tests/test_sources.py fails otherwise).

The template is a docxtpl/Jinja document: every agency-specific word comes from the context built by
lkip_docx/context.py (docs/template.md lists the variables). Layout follows the reference LKIP
(cover, Kata Pengantar, Daftar Isi, Daftar Tabel, BAB I-IV, lampiran): A4, Arial 11 pt, tables at
9 pt with the caption above and "Sumber :" below, header rows repeated on each page.

Everything is built from scratch (styles included), so running the script twice gives the same
bytes: the zip entries are written in a fixed order with a fixed timestamp, the core properties
carry fixed dates and no part holds a random id (rsids are dropped from the settings).
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
try:
    import lkip_docx  # noqa: F401 - the installed package (pip install -e .)
except ImportError:  # a checkout used without installing: the package beside this script
    sys.path.insert(0, str(ROOT))

from docx import Document  # noqa: E402
from docx.opc.constants import RELATIONSHIP_TYPE as RT  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402

from lkip_docx.report.richtext import runs as markup_runs  # noqa: E402

PACKAGE_TEMPLATE = ROOT / "lkip_docx" / "templates" / "report_template.docx"
ROOT_TEMPLATE = ROOT / "report_template.docx"

# --- page geometry (twips: 1 cm = 567) -----------------------------------------------------------

PAGE_W, PAGE_H = 11906, 16838  # A4
MARGIN_TOP = MARGIN_BOTTOM = 1418  # 2,5 cm
MARGIN_LEFT = 1701  # 3 cm
MARGIN_RIGHT = 1418  # 2,5 cm
TEXT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT  # 8787 = 15,5 cm
CELL_MARGIN = 60  # left/right padding inside table cells

FONT = "Arial"
LANG = "id-ID"
SHADE = "D9D9D9"  # header cells

# --- low-level XML helpers -----------------------------------------------------------------------


def el(tag: str, attrs: dict | None = None, *children):
    """An OOXML element: ``el("w:jc", {"w:val": "center"})``."""
    e = OxmlElement(tag)
    for k, v in (attrs or {}).items():
        e.set(qn(k), str(v))
    for c in children:
        if c is not None:
            e.append(c)
    return e


def val(tag: str, value) -> object:
    return el(tag, {"w:val": value})


class R:
    """A run: text (may hold {{ tags }}) with optional bold/italic/underline/size."""

    def __init__(self, text: str = "", b: bool | None = None, i: bool | None = None,
                 u: bool = False, sz: float | None = None, caps: bool = False):
        self.text, self.b, self.i, self.u, self.sz, self.caps = text, b, i, u, sz, caps

    def xml(self):
        r = el("w:r")
        rpr = rpr_el(b=self.b, i=self.i, u=self.u, sz=self.sz, caps=self.caps)
        if len(rpr):
            r.append(rpr)
        t = el("w:t")
        t.text = self.text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        r.append(t)
        return r


class _Special:
    def __init__(self, kind: str, b: bool | None = None):
        self.kind, self.b = kind, b

    def xml(self):
        r = el("w:r")
        if self.b is not None:
            r.append(rpr_el(b=self.b))
        if self.kind == "br":
            r.append(el("w:br"))
        elif self.kind == "tab":
            r.append(el("w:tab"))
        return r


BR = _Special("br")
TAB = _Special("tab")


def rpr_el(b=None, i=None, u=False, sz=None, caps=False, font=None, color=None):
    rpr = el("w:rPr")
    if font:
        rpr.append(el("w:rFonts", {"w:ascii": font, "w:hAnsi": font, "w:cs": font,
                                   "w:eastAsia": font}))
    if b is not None:
        rpr.append(el("w:b") if b else val("w:b", 0))
        rpr.append(el("w:bCs") if b else val("w:bCs", 0))
    if i is not None:
        rpr.append(el("w:i") if i else val("w:i", 0))
        rpr.append(el("w:iCs") if i else val("w:iCs", 0))
    if caps:
        rpr.append(el("w:caps"))
    if color:
        rpr.append(val("w:color", color))
    if sz is not None:
        rpr.append(val("w:sz", int(sz * 2)))
        rpr.append(val("w:szCs", int(sz * 2)))
    if u:
        rpr.append(val("w:u", "single"))
    return rpr


def to_runs(parts) -> list:
    """Strings (with **bold** / *italic* markup) and R/BR/TAB objects -> run objects."""
    out = []
    for part in parts:
        if isinstance(part, str):
            for text, bold, italic in markup_runs(part):
                out.append(R(text, b=True if bold else None, i=True if italic else None))
        else:
            out.append(part)
    return out


def para(style: str | None, *parts, keep_next: bool = False, jc: str | None = None,
         before: int | None = None, after: int | None = None, page_break: bool = False,
         ind_left: int | None = None, hanging: int | None = None, sect=None):
    """A w:p element with a style and runs."""
    p = el("w:p")
    ppr = el("w:pPr")
    if style:
        ppr.append(val("w:pStyle", style))
    if keep_next:
        ppr.append(el("w:keepNext"))
    if page_break:
        ppr.append(el("w:pageBreakBefore"))
    if before is not None or after is not None:
        sp = el("w:spacing")
        if before is not None:
            sp.set(qn("w:before"), str(before))
        if after is not None:
            sp.set(qn("w:after"), str(after))
        ppr.append(sp)
    if ind_left is not None:
        ind = el("w:ind", {"w:left": ind_left})
        if hanging:
            ind.set(qn("w:hanging"), str(hanging))
        ppr.append(ind)
    if jc:
        ppr.append(val("w:jc", jc))
    if sect is not None:
        ppr.append(sect)
    if len(ppr):
        p.append(ppr)
    for r in to_runs(parts):
        p.append(r.xml())
    return p


# --- the body builder ----------------------------------------------------------------------------


class Body:
    def __init__(self, doc):
        self.doc = doc
        self.body = doc.element.body
        for child in list(self.body):
            if child.tag != qn("w:sectPr"):
                self.body.remove(child)
        self.final_sect = self.body.find(qn("w:sectPr"))

    def add(self, element):
        self.final_sect.addprevious(element)
        return element

    # paragraphs
    def p(self, style, *parts, **kw):
        return self.add(para(style, *parts, **kw))

    def tag(self, text: str):
        """A paragraph holding only a docxtpl paragraph-level tag ({%p ... %} or {{p ... }})."""
        return self.add(para(None, R(text)))

    def narasi(self, *parts, **kw):
        """A body paragraph; one that ends with ':' introduces what follows and is kept with it."""
        last = parts[-1] if parts else ""
        text = last if isinstance(last, str) else getattr(last, "text", "")
        if text.rstrip().endswith(":"):
            kw.setdefault("keep_next", True)
        return self.p("Narasi", *parts, **kw)

    def lead(self, *parts, **kw):
        """A sentence introducing a table ('... sebagai berikut :'): kept with the caption."""
        return self.p("Narasi", *parts, keep_next=True, **kw)

    def butir(self, label: str, *parts, level: int = 1):
        return self.p(f"Butir{level}", label, TAB, *parts)

    def h1(self, *parts):
        return self.p("Heading1", *parts)

    def h2(self, text):
        number, title = text.split("\t")
        return self.p("Heading2", number, TAB, title)

    def h3(self, *parts):
        return self.p("Heading3", *parts)

    def h4(self, *parts):
        return self.p("Heading4", *parts)

    def h5(self, *parts):
        return self.p("Heading5", *parts)

    def caption(self, var: str):
        """'Tabel 3.1' + line break + title, both from the table's context dict."""
        return self.p("Caption", R(f"Tabel {{{{ {var}.nomor }}}} "), BR,
                      R(f"{{{{ {var}.judul }}}}"))

    def sumber(self, var: str):
        return self.p("Sumber", R(f"Sumber : {{{{ {var}.sumber }}}}"))

    def spacer(self):
        """A tiny empty paragraph between two tables (Word would join adjacent tables)."""
        return self.p("Normal", R(""), after=0, before=0, keep_next=True)

    def section_break(self, sect):
        return self.add(para("Normal", sect=sect))

    def table(self, tbl):
        return self.add(tbl.xml())


# --- tables --------------------------------------------------------------------------------------


class C:
    """A table cell. ``text`` may be a string (one paragraph), a list of paragraph specs
    (style, parts) or a paragraph-level tag string starting with '{{p'/'{%p'."""

    def __init__(self, text="", style: str = "TabelIsi", b: bool | None = None,
                 i: bool | None = None, span: int = 1, vm: str | None = None,
                 shade: bool = False, valign: str = "center", paras: list | None = None,
                 keep_next: bool = False):
        self.text, self.style, self.b, self.i = text, style, b, i
        self.span, self.vm, self.shade, self.valign = span, vm, shade, valign
        self.paras, self.keep_next = paras, keep_next


def H(text="", span: int = 1, vm: str | None = None, style: str = "TabelJudul"):
    """A header cell: grey, bold, centered."""
    return C(text, style=style, span=span, vm=vm, shade=True, valign="center")


def N(text, b=None, i=None, **kw):
    """A number cell (right-aligned)."""
    return C(text, style="TabelAngka", b=b, i=i, **kw)


def M(text, b=None, i=None, **kw):
    """A centered cell."""
    return C(text, style="TabelTengah", b=b, i=i, **kw)


class Table:
    def __init__(self, widths: list[int], borders: bool = True, layout_fixed: bool = True):
        total = sum(widths)
        if total != TEXT_W and borders:
            raise ValueError(f"table widths sum to {total}, not the text width {TEXT_W}")
        self.widths = widths
        self.borders = borders
        self.layout_fixed = layout_fixed
        self.rows: list = []

    def row(self, cells: list[C], header: bool = False, cant_split: bool = True,
            keep: bool = False):
        self.rows.append(("cells", cells, header, cant_split, keep))
        return self

    def tag_row(self, text: str):
        """A row holding only a {%tr ... %} tag (docxtpl removes the whole row)."""
        self.rows.append(("tag", text))
        return self

    def xml(self):
        tbl = el("w:tbl")
        tblpr = el("w:tblPr",
                   None,
                   val("w:tblStyle", "TabelLKIP" if self.borders else "TabelTanpaGaris"),
                   el("w:tblW", {"w:w": sum(self.widths), "w:type": "dxa"}),
                   val("w:jc", "center") if self.borders else None,
                   el("w:tblLayout", {"w:type": "fixed"}) if self.layout_fixed else None,
                   el("w:tblLook", {"w:val": "04A0", "w:firstRow": 1, "w:lastRow": 0,
                                    "w:firstColumn": 1, "w:lastColumn": 0, "w:noHBand": 0,
                                    "w:noVBand": 1}))
        tbl.append(tblpr)
        grid = el("w:tblGrid")
        for w in self.widths:
            grid.append(el("w:gridCol", {"w:w": w}))
        tbl.append(grid)
        for spec in self.rows:
            if spec[0] == "tag":
                tbl.append(self._tag_row(spec[1]))
            else:
                tbl.append(self._row(*spec[1:]))
        return tbl

    def _tag_row(self, text):
        tr = el("w:tr")
        tc = el("w:tc", None,
                el("w:tcPr", None, el("w:tcW", {"w:w": sum(self.widths), "w:type": "dxa"}),
                   val("w:gridSpan", len(self.widths))),
                para("TabelIsi", R(text)))
        tr.append(tc)
        return tr

    def _row(self, cells, header, cant_split, keep):
        tr = el("w:tr")
        trpr = el("w:trPr")
        if cant_split:
            trpr.append(el("w:cantSplit"))
        if header:
            trpr.append(el("w:tblHeader"))
        if len(trpr):
            tr.append(trpr)
        col = 0
        for cell in cells:
            width = sum(self.widths[col:col + cell.span])
            col += cell.span
            tcpr = el("w:tcPr")
            colspan_tag = isinstance(cell.text, str) and "{% colspan" in cell.text
            if not colspan_tag:
                # docxtpl puts <w:gridSpan> first in tcPr for {% colspan %}; a tcW would then
                # follow it, against the schema order, so such a cell gets no tcW.
                tcpr.append(el("w:tcW", {"w:w": width, "w:type": "dxa"}))
            if cell.span > 1:
                tcpr.append(val("w:gridSpan", cell.span))
            if cell.vm == "restart":
                tcpr.append(val("w:vMerge", "restart"))
            elif cell.vm == "continue":
                tcpr.append(el("w:vMerge"))
            if cell.shade:
                tcpr.append(el("w:shd", {"w:val": "clear", "w:color": "auto", "w:fill": SHADE}))
            tcpr.append(val("w:vAlign", cell.valign))
            tc = el("w:tc", None, tcpr)
            kn = keep or cell.keep_next
            if cell.paras is not None:
                for style, parts in cell.paras:
                    tc.append(para(style, *parts, keep_next=kn))
            else:
                text = cell.text
                parts = [text] if isinstance(text, (str, R, _Special)) else list(text)
                parts = [R(x, b=cell.b, i=cell.i) if isinstance(x, str) else x for x in parts]
                tc.append(para(cell.style, *parts, keep_next=kn))
            tr.append(tc)
        if col != len(self.widths):
            raise ValueError(f"row spans {col} columns, table has {len(self.widths)}")
        return tr


def level_rows(t: Table, loop: str, cells) -> None:
    """The row loop of a budget table: program rows bold, kegiatan rows bold italic, sub kegiatan
    rows plain. ``cells(b, i)`` returns the cells of one row for bold ``b`` and italic ``i``."""
    t.tag_row(f"{{%tr for b in {loop} %}}")
    t.tag_row("{%tr if b.level == 'program' %}")
    t.row(cells(True, None))
    t.tag_row("{%tr elif b.level == 'kegiatan' %}")
    t.row(cells(True, True))
    t.tag_row("{%tr else %}")
    t.row(cells(None, None))
    t.tag_row("{%tr endif %}")
    t.tag_row("{%tr endfor %}")


def widths(*fixed: int) -> list[int]:
    """Column widths; each 0 takes an equal share of what is left of the text width."""
    zeros = [i for i, w in enumerate(fixed) if w == 0]
    out = list(fixed)
    if zeros:
        left = TEXT_W - sum(fixed)
        share = left // len(zeros)
        for i in zeros:
            out[i] = share
        out[zeros[0]] += left - share * len(zeros)
    return out


# --- styles --------------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def style_el(kind: str, sid: str, name: str, based_on: str | None = None, next_: str | None = None,
             default: bool = False, ppr=None, rpr=None, tblpr=None, ui: int | None = None,
             qformat: bool = True, hidden: bool = False, link: str | None = None):
    s = el("w:style", {"w:type": kind, "w:styleId": sid})
    if default:
        s.set(qn("w:default"), "1")
    s.append(val("w:name", name))
    if based_on:
        s.append(val("w:basedOn", based_on))
    if next_:
        s.append(val("w:next", next_))
    if link:
        s.append(val("w:link", link))
    if ui is not None:
        s.append(val("w:uiPriority", ui))
    if hidden:
        s.append(el("w:semiHidden"))
        s.append(el("w:unhideWhenUsed"))
    if qformat:
        s.append(el("w:qFormat"))
    if ppr is not None:
        s.append(ppr)
    if rpr is not None:
        s.append(rpr)
    if tblpr is not None:
        s.append(tblpr)
    return s


def ppr_el(jc=None, before=None, after=None, line=None, keep_next=False, keep_lines=False,
           page_break=False, outline=None, left=None, hanging=None, first_line=None, tabs=(),
           border_bottom=False, widow=True, right=None):
    ppr = el("w:pPr")
    if keep_next:
        ppr.append(el("w:keepNext"))
    if keep_lines:
        ppr.append(el("w:keepLines"))
    if page_break:
        ppr.append(el("w:pageBreakBefore"))
    if not widow:
        ppr.append(val("w:widowControl", 0))
    if border_bottom:
        ppr.append(el("w:pBdr", None, el("w:bottom", {"w:val": "single", "w:sz": 6,
                                                      "w:space": 1, "w:color": "auto"})))
    if tabs:
        t = el("w:tabs")
        for kind, pos, leader in tabs:
            attrs = {"w:val": kind, "w:pos": pos}
            if leader:
                attrs["w:leader"] = leader
            t.append(el("w:tab", attrs))
        ppr.append(t)
    if before is not None or after is not None or line is not None:
        sp = el("w:spacing")
        if before is not None:
            sp.set(qn("w:before"), str(before))
        if after is not None:
            sp.set(qn("w:after"), str(after))
        if line is not None:
            sp.set(qn("w:line"), str(line))
            sp.set(qn("w:lineRule"), "auto")
        ppr.append(sp)
    if left is not None or hanging is not None or first_line is not None or right is not None:
        ind = el("w:ind")
        if left is not None:
            ind.set(qn("w:left"), str(left))
        if right is not None:
            ind.set(qn("w:right"), str(right))
        if hanging is not None:
            ind.set(qn("w:hanging"), str(hanging))
        if first_line is not None:
            ind.set(qn("w:firstLine"), str(first_line))
        ppr.append(ind)
    if jc:
        ppr.append(val("w:jc", jc))
    if outline is not None:
        ppr.append(val("w:outlineLvl", outline))
    return ppr


def build_styles(doc) -> None:
    root = doc.styles.element
    for s in root.findall(qn("w:style")):
        root.remove(s)
    # document defaults: Arial 11 pt, Indonesian, single spacing, no space after
    dd = root.find(qn("w:docDefaults"))
    dd.getparent().remove(dd)
    dd = el("w:docDefaults", None,
            el("w:rPrDefault", None,
               el("w:rPr", None,
                  el("w:rFonts", {"w:ascii": FONT, "w:hAnsi": FONT, "w:cs": FONT,
                                  "w:eastAsia": FONT}),
                  val("w:sz", 22), val("w:szCs", 22),
                  el("w:lang", {"w:val": LANG, "w:eastAsia": "en-US", "w:bidi": "ar-SA"}))),
            el("w:pPrDefault", None,
               el("w:pPr", None, el("w:spacing", {"w:after": 0, "w:line": 240,
                                                  "w:lineRule": "auto"}))))
    root.insert(0, dd)

    add = root.append
    tw = TEXT_W
    # defaults Word expects
    add(style_el("paragraph", "Normal", "Normal", default=True, ui=0,
                 rpr=rpr_el(font=FONT)))
    add(style_el("character", "DefaultParagraphFont", "Default Paragraph Font", default=True,
                 ui=1, hidden=True, qformat=False))
    add(style_el("table", "TableNormal", "Normal Table", default=True, ui=99, hidden=True,
                 qformat=False,
                 tblpr=el("w:tblPr", None, el("w:tblInd", {"w:w": 0, "w:type": "dxa"}),
                          el("w:tblCellMar", None,
                             el("w:top", {"w:w": 0, "w:type": "dxa"}),
                             el("w:left", {"w:w": 108, "w:type": "dxa"}),
                             el("w:bottom", {"w:w": 0, "w:type": "dxa"}),
                             el("w:right", {"w:w": 108, "w:type": "dxa"})))))
    add(style_el("numbering", "NoList", "No List", default=True, ui=99, hidden=True,
                 qformat=False))

    # headings
    add(style_el("paragraph", "Heading1", "heading 1", "Normal", "Narasi", ui=9,
                 ppr=ppr_el(jc="center", before=0, after=480, line=276, keep_next=True,
                            keep_lines=True, page_break=True, outline=0),
                 rpr=rpr_el(b=True, sz=14)))
    add(style_el("paragraph", "Heading2", "heading 2", "Normal", "Narasi", ui=9,
                 ppr=ppr_el(before=240, after=120, line=276, keep_next=True, keep_lines=True,
                            outline=1, left=567, hanging=567),
                 rpr=rpr_el(b=True, sz=12)))
    add(style_el("paragraph", "Heading3", "heading 3", "Normal", "Narasi", ui=9,
                 ppr=ppr_el(jc="both", before=240, after=120, line=276, keep_next=True,
                            keep_lines=True, outline=2),
                 rpr=rpr_el(b=True, sz=11)))
    add(style_el("paragraph", "Heading4", "heading 4", "Normal", "Narasi", ui=9,
                 ppr=ppr_el(jc="both", before=200, after=120, line=276, keep_next=True,
                            keep_lines=True, outline=3),
                 rpr=rpr_el(b=True, sz=11)))
    add(style_el("paragraph", "Heading5", "heading 5", "Normal", "Narasi", ui=9,
                 ppr=ppr_el(before=200, after=120, line=276, keep_next=True, keep_lines=True,
                            outline=4, left=425, hanging=425, tabs=[("left", 425, None)]),
                 rpr=rpr_el(b=True, sz=11)))

    # narrative
    add(style_el("paragraph", "Narasi", "Narasi", "Normal", ui=1,
                 ppr=ppr_el(jc="both", after=120, line=360)))
    # A narrative paragraph that ends with ':' introduces what follows: kept on its page.
    add(style_el("paragraph", "NarasiPengantar", "Narasi Pengantar", "Narasi", "Narasi", ui=1,
                 ppr=ppr_el(keep_next=True)))
    add(style_el("paragraph", "NarasiSubjudul", "Narasi Subjudul", "Narasi", "Narasi", ui=1,
                 ppr=ppr_el(keep_next=True, before=120, after=60, jc="left"),
                 rpr=rpr_el(b=True)))
    add(style_el("paragraph", "Butir1", "Butir 1", "Narasi", ui=1,
                 ppr=ppr_el(after=60, left=425, hanging=425, tabs=[("left", 425, None)])))
    add(style_el("paragraph", "Butir2", "Butir 2", "Narasi", ui=1,
                 ppr=ppr_el(after=60, left=850, hanging=425, tabs=[("left", 850, None)])))
    add(style_el("paragraph", "Rumus", "Rumus", "Normal", ui=1,
                 ppr=ppr_el(jc="left", after=60, line=300, left=850, hanging=283)))
    add(style_el("paragraph", "RumusJudul", "Rumus Judul", "Normal", "Rumus", ui=1,
                 ppr=ppr_el(jc="left", before=180, after=60, line=300, keep_next=True),
                 rpr=rpr_el(b=True)))

    # tables
    add(style_el("paragraph", "Caption", "caption", "Normal", "Normal", ui=35,
                 ppr=ppr_el(jc="center", before=240, after=120, keep_next=True, keep_lines=True),
                 rpr=rpr_el(b=True, sz=11)))
    add(style_el("paragraph", "Sumber", "Sumber", "Normal", "Narasi", ui=36,
                 ppr=ppr_el(jc="left", before=60, after=240),
                 rpr=rpr_el(i=True, sz=9)))
    cell_ppr = dict(after=0, line=240)
    add(style_el("paragraph", "TabelIsi", "Tabel Isi", "Normal", ui=37,
                 ppr=ppr_el(jc="left", **cell_ppr), rpr=rpr_el(sz=9)))
    add(style_el("paragraph", "TabelJudul", "Tabel Judul", "TabelIsi", ui=37,
                 ppr=ppr_el(jc="center", keep_next=True, **cell_ppr), rpr=rpr_el(b=True)))
    add(style_el("paragraph", "TabelAngka", "Tabel Angka", "TabelIsi", ui=37,
                 ppr=ppr_el(jc="right", **cell_ppr)))
    add(style_el("paragraph", "TabelTengah", "Tabel Tengah", "TabelIsi", ui=37,
                 ppr=ppr_el(jc="center", **cell_ppr)))
    add(style_el("paragraph", "TabelButir", "Tabel Butir", "TabelIsi", ui=37,
                 ppr=ppr_el(jc="left", after=40, line=240, left=198, hanging=198,
                            tabs=[("left", 198, None)])))
    border = {"w:val": "single", "w:sz": 4, "w:space": 0, "w:color": "000000"}
    add(style_el("table", "TabelLKIP", "Tabel LKIP", "TableNormal", ui=38,
                 tblpr=el("w:tblPr", None,
                          el("w:tblBorders", None, *(el(f"w:{side}", border) for side in
                                                     ("top", "left", "bottom", "right",
                                                      "insideH", "insideV"))),
                          el("w:tblCellMar", None,
                             el("w:top", {"w:w": 28, "w:type": "dxa"}),
                             el("w:left", {"w:w": CELL_MARGIN, "w:type": "dxa"}),
                             el("w:bottom", {"w:w": 28, "w:type": "dxa"}),
                             el("w:right", {"w:w": CELL_MARGIN, "w:type": "dxa"}))),
                 rpr=rpr_el(sz=9)))
    add(style_el("table", "TabelTanpaGaris", "Tabel Tanpa Garis", "TableNormal", ui=38,
                 tblpr=el("w:tblPr", None,
                          el("w:tblBorders", None, *(el(f"w:{side}", {"w:val": "nil"}) for side in
                                                     ("top", "left", "bottom", "right",
                                                      "insideH", "insideV"))),
                          el("w:tblCellMar", None,
                             el("w:left", {"w:w": 0, "w:type": "dxa"}),
                             el("w:right", {"w:w": 0, "w:type": "dxa"})))))

    # front matter, cover, signature
    # No right indent: LibreOffice does not show a right tab stop that lies inside it, and the
    # page numbers would vanish there.
    toc_right = None
    add(style_el("paragraph", "TOC1", "toc 1", "Normal", "Normal", ui=39,
                 ppr=ppr_el(before=120, after=60, tabs=[("right", tw, "dot")], left=0,
                            hanging=0, right=toc_right)))
    # a sub-chapter entry is "1.1<tab>TITLE<tab>page": the first tab stops after the number
    # (as in the heading itself), not at the page number's right tab
    add(style_el("paragraph", "TOC2", "toc 2", "Normal", "Normal", ui=39,
                 ppr=ppr_el(after=60, tabs=[("left", 425 + 567, None), ("right", tw, "dot")],
                            left=425, right=toc_right)))
    add(style_el("paragraph", "TableofFigures", "table of figures", "Normal", "Normal", ui=99,
                 ppr=ppr_el(after=60, tabs=[("right", tw, "dot")], left=1134, hanging=1134,
                            right=toc_right)))
    add(style_el("paragraph", "Header", "header", "Normal", ui=99, link=None,
                 ppr=ppr_el(jc="right", border_bottom=True, tabs=[("center", tw // 2, None),
                                                                   ("right", tw, None)]),
                 rpr=rpr_el(i=True, sz=8)))
    add(style_el("paragraph", "Footer", "footer", "Normal", ui=99,
                 ppr=ppr_el(jc="center", tabs=[("center", tw // 2, None), ("right", tw, None)]),
                 rpr=rpr_el(sz=10)))
    add(style_el("paragraph", "SampulJudul", "Sampul Judul", "Normal", "SampulTeks", ui=40,
                 ppr=ppr_el(jc="center", after=120, line=300), rpr=rpr_el(b=True, sz=20)))
    add(style_el("paragraph", "SampulTeks", "Sampul Teks", "Normal", "SampulTeks", ui=40,
                 ppr=ppr_el(jc="center", after=60, line=276), rpr=rpr_el(b=True, sz=14)))
    add(style_el("paragraph", "Tandatangan", "Tanda Tangan", "Normal", "Tandatangan", ui=40,
                 ppr=ppr_el(jc="center", line=240, keep_next=True, keep_lines=True)))
    add(style_el("paragraph", "Gambar", "Gambar", "Normal", "JudulGambar", ui=40,
                 ppr=ppr_el(jc="center", before=120, after=60, keep_next=True)))
    add(style_el("paragraph", "JudulGambar", "Judul Gambar", "Normal", "Narasi", ui=40,
                 ppr=ppr_el(jc="center", after=240, line=276), rpr=rpr_el(b=True)))
    add(style_el("paragraph", "JudulLampiran", "Judul Lampiran", "Normal", "Narasi", ui=40,
                 ppr=ppr_el(jc="center", after=240, line=276, keep_next=True),
                 rpr=rpr_el(b=True)))


# --- sections, header, footer --------------------------------------------------------------------


def sect_pr(fmt: str | None = None, start: int | None = None):
    s = el("w:sectPr")
    s.append(el("w:pgSz", {"w:w": PAGE_W, "w:h": PAGE_H}))
    s.append(el("w:pgMar", {"w:top": MARGIN_TOP, "w:right": MARGIN_RIGHT,
                            "w:bottom": MARGIN_BOTTOM, "w:left": MARGIN_LEFT, "w:header": 709,
                            "w:footer": 709, "w:gutter": 0}))
    if fmt or start is not None:
        pg = el("w:pgNumType")
        if fmt:
            pg.set(qn("w:fmt"), fmt)
        if start is not None:
            pg.set(qn("w:start"), str(start))
        s.append(pg)
    s.append(el("w:cols", {"w:space": 708}))
    s.append(el("w:docGrid", {"w:linePitch": 360}))
    return s


def field_runs(instr: str, cached: str = "", b=None):
    out = [el("w:r", None, rpr_el(b=b) if b is not None else None,
              el("w:fldChar", {"w:fldCharType": "begin"}))]
    it = el("w:instrText")
    it.text = f" {instr} "
    it.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    out.append(el("w:r", None, it))
    out.append(el("w:r", None, el("w:fldChar", {"w:fldCharType": "separate"})))
    t = el("w:t")
    t.text = cached
    out.append(el("w:r", None, t))
    out.append(el("w:r", None, el("w:fldChar", {"w:fldCharType": "end"})))
    return out


def fill_part(part_element, paragraphs) -> None:
    for child in list(part_element):
        part_element.remove(child)
    for p in paragraphs:
        part_element.append(p)


def page_footer():
    p = para("Footer")
    for r in field_runs("PAGE", "1"):
        p.append(r)
    return p


def toc_field(b: Body, instr: str, var: str | None) -> None:
    """A TOC field whose cached result is the context's paragraph block ``var`` (none: empty):
    begin and separate in the paragraph before, end in the paragraph after. render.py rebuilds
    the result from the document's headings and captions (report/toc.py), with page numbers when
    LibreOffice lays the document out; Word can refresh it."""
    p = para("TOC1")
    runs = field_runs(instr)
    begin, instr_run, sep = runs[0], runs[1], runs[2]
    begin.find(qn("w:fldChar")).set(qn("w:dirty"), "true")
    for r in (begin, instr_run, sep):
        p.append(r)
    b.add(p)
    if var:
        b.tag(f"{{{{p {var} }}}}")
    end = para("TOC1")
    end.append(el("w:r", None, el("w:fldChar", {"w:fldCharType": "end"})))
    b.add(end)


# --- content -------------------------------------------------------------------------------------

SL = "{{ instansi.singkatan_lengkap }}"
TH = "{{ lkip.tahun }}"
#: the period reported: 'Tahun 2024', 'Semester I Tahun 2025'
PER = "{{ lkip.periode }}"
#: the plan's abbreviation: RENSTRA, RPJMD, Renstra
RS = "{{ rencana.singkatan }}"


def h2_bagian(b: "Body", key: str):
    """A sub-chapter heading numbered by the context (``bagian``), so that one left out leaves
    no gap."""
    return b.h2(f"{{{{ bagian.{key}.nomor }}}}\t{{{{ bagian.{key}.judul }}}}")


def signature(b: Body) -> None:
    """Borderless 2-column table; the right column holds place/date, position, name, NIP."""
    half = TEXT_W // 2
    t = Table([TEXT_W - half - 400, half + 400], borders=False)
    right = [
        ("Tandatangan", [R("{{ ttd.tempat_tanggal }}")]),
        ("Tandatangan", [R("")]),
        ("Tandatangan", [R("{{ ttd.jabatan_kapital }}", b=True)]),
        ("Tandatangan", [R("")]),
        ("Tandatangan", [R("")]),
        ("Tandatangan", [R("")]),
        ("Tandatangan", [R("")]),
        ("Tandatangan", [R("{{ ttd.nama }}", b=True, u=True)]),
        (None, [R("{%p if ttd.pangkat %}")]),
        ("Tandatangan", [R("{{ ttd.pangkat }}")]),
        (None, [R("{%p endif %}")]),
        (None, [R("{%p if ttd.nip %}")]),
        ("Tandatangan", [R("NIP. {{ ttd.nip }}")]),
        (None, [R("{%p endif %}")]),
    ]
    t.row([C("", style="Normal", valign="top"), C(paras=right, valign="top")], cant_split=True)
    b.p("Narasi", R(""), keep_next=True)
    b.table(t)


def cover(b: Body) -> None:
    b.p("SampulJudul", "{{ lkip.judul }}", before=1700)
    b.p("SampulJudul", "{{ lkip.periode_kapital }}", after=0)
    b.tag("{%p if logo %}")
    b.p("SampulTeks", R("{{ logo }}"), before=1400, after=1400)
    b.tag("{%p else %}")
    b.p("SampulTeks", R(""), before=2400, after=2400)
    b.tag("{%p endif %}")
    b.p("SampulTeks", "{{ instansi.nama_instansi_kapital }}", before=600)
    b.tag("{%p if instansi.induk_kapital %}")
    b.p("SampulTeks", "{{ instansi.induk_kapital }}")
    b.tag("{%p endif %}")
    b.tag("{%p if lkip.tahun_anggaran_sampul %}")
    b.p("SampulTeks", "TAHUN ANGGARAN {{ lkip.tahun_anggaran_sampul }}", before=240)
    b.tag("{%p endif %}")
    # A draft (values still not available) says so before anyone reads a figure.
    b.tag("{%p if lkip.draf %}")
    b.p("SampulJudul", R("DRAF", b=True), before=480, after=0)
    b.tag("{%p endif %}")


def front_matter(b: Body) -> None:
    b.h1("KATA PENGANTAR")
    b.tag("{{p narasi.kata_pengantar }}")
    signature(b)

    b.h1("DAFTAR ISI")
    toc_field(b, 'TOC \\o "1-2" \\h \\z \\u', "daftar_isi")

    b.h1("DAFTAR TABEL")
    toc_field(b, 'TOC \\h \\z \\t "Caption,1"', "daftar_tabel")

    b.tag("{%p if ada_gambar %}")
    b.h1("DAFTAR GAMBAR")
    toc_field(b, 'TOC \\h \\z \\t "Judul Gambar,1"', None)
    b.tag("{%p endif %}")

    b.tag("{%p if ikhtisar.tampil %}")
    b.h1("IKHTISAR EKSEKUTIF")
    b.tag("{{p ikhtisar.isi }}")
    b.tag("{%p endif %}")


def pegawai_table(b: Body) -> None:
    w = widths(0, 900, 830, 830, 830, 830, 830, 830)
    t = Table(w)
    t.row([H("SDM", vm="restart"), H("Jumlah", vm="restart"), H("Pendidikan Terakhir", span=6)],
          header=True)
    t.row([H("", vm="continue"), H("", vm="continue"), H("S3"), H("S2"), H("S1/D4"), H("D3"),
           H("SMA"), H("SMP")], header=True)
    t.tag_row("{%tr for r in g.baris %}")
    t.row([C("{{ r.jenis }}")] + [M(f"{{{{ r.{k} }}}}") for k in
                                   ("jumlah", "s3", "s2", "s1", "d3", "sma", "smp")], keep=True)
    t.tag_row("{%tr endfor %}")
    t.row([C("{{ g.total.jenis }}", b=True)]
          + [M(f"{{{{ g.total.{k} }}}}", b=True)
             for k in ("jumlah", "s3", "s2", "s1", "d3", "sma", "smp")], keep=True)
    b.caption("g")
    b.table(t)
    b.sumber("g")


def bab1(b: Body) -> None:
    b.h1("BAB I ", BR, "PENDAHULUAN")
    h2_bagian(b, "latar_belakang")
    b.tag("{%p if narasi_ada.latar_belakang %}")
    b.tag("{{p narasi.latar_belakang }}")
    b.tag("{%p else %}")
    b.narasi("Setiap Instansi Pemerintah wajib mempertanggungjawabkan Pelaksanaan Tugas, Fungsi "
             "dan Kewenangan yang dipercayakan kepadanya, serta Penggunaan Sumber Daya yang "
             "dikelolanya, melalui Sistem Akuntabilitas Kinerja Instansi Pemerintah (*SAKIP*). "
             "Salah satu Unsur SAKIP adalah Pelaporan Kinerja, yang menyajikan Capaian Kinerja "
             "dibandingkan dengan Target yang telah ditetapkan dalam Dokumen Perencanaan dan "
             "Perjanjian Kinerja.")
    b.narasi(f"{{{{ lkip.nama }}}} (*{{{{ lkip.singkatan }}}}*) {SL} {PER} disusun sebagai "
             f"Bentuk Pertanggungjawaban atas Pencapaian Sasaran Strategis yang telah ditetapkan "
             f"dalam {{{{ rencana.nama }}}} (*{RS}*) Tahun {{{{ periode.renstra }}}} dan "
             f"Perjanjian Kinerja Tahun {TH}, serta sebagai Bahan Evaluasi dan Perbaikan Kinerja "
             "pada Periode berikutnya.")
    b.tag("{%p endif %}")
    b.tag("{%p if dasar_hukum.tampil %}")
    b.lead(f"Dasar Hukum Penyusunan {{{{ lkip.singkatan }}}} {SL} {PER} adalah sebagai "
           "berikut :")
    b.tag("{{p dasar_hukum.daftar }}")
    b.tag("{%p endif %}")

    b.tag("{%p if bagian.tugas_fungsi %}")
    h2_bagian(b, "tugas_fungsi")
    b.tag("{{p narasi.tugas_fungsi }}")
    # as the reference: the caption above the chart, the note on its legal basis under it
    b.tag("{%p if bagan %}")
    b.p("JudulGambar", "Gambar {{ gambar_bagan.nomor }} {{ gambar_bagan.judul }}",
        keep_next=True, after=120)
    b.p("Gambar", R("{{ bagan }}"), keep_next=False)
    b.tag("{%p if keterangan_bagan %}")
    b.p("Sumber", "* {{ keterangan_bagan }}")
    b.tag("{%p endif %}")
    b.tag("{%p endif %}")
    b.tag("{%p endif %}")

    b.tag("{%p if bagian.aspek_strategis %}")
    h2_bagian(b, "aspek_strategis")
    b.tag("{{p narasi.aspek_strategis }}")
    b.tag("{%p if pegawai %}")
    b.lead(f"{SL} didukung oleh Sumber Daya Manusia (*SDM*) sebagaimana dalam Tabel sebagai "
             "berikut :")
    b.tag("{%p for g in pegawai %}")
    pegawai_table(b)
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")
    b.tag("{%p endif %}")

    b.tag("{%p if bagian.program %}")
    h2_bagian(b, "program")
    b.tag("{{p daftar_program_pengantar }}")
    b.tag("{%p for k in sub_kegiatan_per_kelompok %}")
    b.tag("{%p if k.nama %}")
    b.p("Heading5", "{{ k.huruf_romawi }}.", TAB,
        "{{ k.nama }}{% if k.kode %} (*{{ k.kode }}*){% endif %}")
    b.tag("{%p endif %}")
    b.tag("{%p for p in k.program %}")
    b.p("NarasiSubjudul", R("{{ p.huruf }}. {{ p.nama }}"),
        R(" terdiri dari {{ p.jumlah }} {{ anggaran.sub }}, yaitu :", b=False))
    b.tag("{{p p.daftar }}")
    b.tag("{%p endfor %}")
    b.tag("{%p endfor %}")
    b.tag("{{p narasi.layanan }}")
    b.tag("{%p endif %}")

    h2_bagian(b, "sistematika")
    b.narasi(f"Sistematika penyajian {{{{ lkip.singkatan }}}} {SL} {PER}"
             "{% if istilah.pedoman_pelaporan %} mengacu kepada "
             "{{ istilah.pedoman_pelaporan }}{% endif %}, dengan susunan sebagai berikut :")
    b.p("NarasiSubjudul", "BAB I PENDAHULUAN")
    b.narasi("Bab ini menyajikan {{ sistematika.bab1 }}.")
    b.p("NarasiSubjudul", "BAB II PERENCANAAN KINERJA")
    b.narasi("Bab ini menguraikan ringkasan Dokumen Perencanaan Strategis Organisasi dan "
             "Perjanjian Kinerja Tahun yang bersangkutan.")
    b.p("NarasiSubjudul", "BAB III AKUNTABILITAS KINERJA")
    b.p("NarasiSubjudul", "{{ bagian.capaian.huruf }}.", TAB, "Capaian Kinerja Organisasi",
        ind_left=425)
    b.narasi("Sub Bab ini menyajikan Capaian Kinerja Organisasi secara umum.", ind_left=425)
    b.p("NarasiSubjudul", "{{ bagian.analisis.huruf }}.", TAB,
        "Analisis Capaian Indikator Kinerja Utama", ind_left=425)
    b.narasi("Sub Bab ini menyajikan Analisis Capaian Indikator Kinerja Utama, Analisis dan "
             "Evaluasi Capaian Kinerja yang menjelaskan untuk setiap Pernyataan Kinerja/Sasaran "
             "Strategis dengan menganalisis Capaian Kinerja sebagai berikut :", ind_left=425)
    for n, text in enumerate((
            "Membandingkan antara Target dan Realisasi Kinerja Tahun ini;",
            "Membandingkan antara Capaian Kinerja Tahun ini dengan Tahun lalu atau beberapa Tahun "
            "terakhir;",
            "Membandingkan Realisasi Kinerja sampai dengan Tahun ini dengan Target Jangka Menengah "
            "yang terdapat dalam Dokumen {{ rencana.nama }};",
            "Membandingkan Kinerja Tahun ini dengan Standar Nasional (*jika ada*);",
            "Analisis penyebab keberhasilan/kegagalan atau peningkatan/penurunan Kinerja serta "
            "alternatif solusi yang telah dilakukan{% if not anggaran.ada %}.{% else %};"
            "{% endif %}"), start=1):
        b.butir(f"{n})", text, level=2)
    # the analyses of the budget, only in a report that has one
    b.tag("{%p if anggaran.ada %}")
    b.butir("6)", "Analisis atas efisiensi penggunaan Sumber Daya;", level=2)
    b.butir("7)", "Analisis Program/Kegiatan yang menunjang keberhasilan ataupun kegagalan "
            "Pencapaian Kinerja.", level=2)
    b.tag("{%p endif %}")
    b.tag("{%p if bagian.realisasi_anggaran %}")
    b.p("NarasiSubjudul", "{{ bagian.realisasi_anggaran.huruf }}.", TAB, "Realisasi Anggaran",
        ind_left=425)
    b.narasi("Sub Bab ini menyajikan Akuntabilitas Keuangan dengan menguraikan Realisasi Anggaran "
             "yang digunakan untuk mewujudkan Kinerja Organisasi sesuai dengan Dokumen Perjanjian "
             "Kinerja.", ind_left=425)
    b.tag("{%p endif %}")
    b.tag("{%p if bagian.prestasi %}")
    b.p("NarasiSubjudul", "{{ bagian.prestasi.huruf }}.", TAB, "Prestasi Organisasi",
        ind_left=425)
    b.narasi(f"Sub Bab ini menyajikan Prestasi yang dicapai oleh {SL} sebagai Organisasi mulai "
             "dari {{ istilah.tingkat_prestasi }}.", ind_left=425)
    b.tag("{%p endif %}")
    b.p("NarasiSubjudul", "BAB IV PENUTUP")
    b.narasi("Bab ini menguraikan simpulan umum atas Capaian Kinerja Organisasi serta langkah di "
             "masa mendatang yang akan dilakukan Organisasi untuk meningkatkan kinerjanya.")


def renstra_table(b: Body) -> None:
    # No | Tujuan | Sasaran | Indikator | {%tc for %} one column per Renstra year {%tc endfor %}.
    # docxtpl's fix_tables() reconciles the grid with the rendered cell count by dropping
    # trailing grid columns (their width shared evenly by all columns) or by adding columns
    # (everything rescaled). The grid is laid out for YEARS_MAX year columns: the {%tc endfor %}
    # cell spans the spare ones, so a 5-year Renstra gets exactly these widths and a shorter one
    # hands the unused year width to every column.
    years_max, year_w = 5, 700
    w = [450, 0, 0, 1500] + [year_w] * years_max
    rest = TEXT_W - sum(w)
    w[1] = rest // 2
    w[2] = rest - w[1]
    spare = years_max - 2
    t = Table(w)
    t.row([H("No", vm="restart"), H("Tujuan", vm="restart"), H("Sasaran", vm="restart"),
           H("Indikator Tujuan/ Sasaran", vm="restart"),
           H("Target Kinerja Sasaran pada Tahun{% colspan renstra.tahun|length %}",
             span=years_max)], header=True)
    t.row([H("", vm="continue"), H("", vm="continue"), H("", vm="continue"),
           H("", vm="continue"), H("{%tc for y in renstra.tahun %}"), H("{{ y }}"),
           H("{%tc endfor %}", span=spare)], header=True)
    t.row([H("(1)"), H("(2)"), H("(3)"), H("(4)"), H("{%tc for n in renstra.nomor_kolom %}"),
           H("{{ n }}"), H("{%tc endfor %}", span=spare)], header=True)
    t.tag_row("{%tr for r in renstra.baris %}")
    t.row([M("{{ r.no }}", valign="top"), C("{{ r.tujuan }}", valign="top"),
           C("{{ r.sasaran }}", valign="top"), C("{{ r.indikator }}", valign="top"),
           M("{%tc for v in r.target %}"), M("{{ v }}", valign="top"),
           M("{%tc endfor %}", span=spare)], keep=True)
    t.tag_row("{%tr endfor %}")
    b.caption("renstra")
    b.table(t)
    b.sumber("renstra")


def iku_table(b: Body) -> None:
    w = [1300, 1150, 0, 2000, 850, 800]
    w[2] = TEXT_W - sum(w)
    t = Table(w)
    t.row([H("Sasaran"), H("Indikator Sasaran (IKU)"), H("Alasan"), H("Rumus"), H("Satuan"),
           H(f"Target {TH}")], header=True)
    t.row([H(f"({n})") for n in range(1, 7)], header=True)
    t.tag_row("{%tr for r in iku_tabel.baris %}")
    t.row([C("{{ r.sasaran }}", valign="top"), C("{{ r.indikator }}", valign="top"),
           C("{{p r.alasan }}", valign="top"), C("{{p r.rumus }}", valign="top"),
           M("{{ r.satuan }}", valign="top"), M("{{ r.target }}", valign="top")],
          cant_split=False)
    t.tag_row("{%tr endfor %}")
    b.caption("iku_tabel")
    b.table(t)
    b.sumber("iku_tabel")


def pk_tables(b: Body, var: str, perubahan: bool) -> None:
    target = "r.target_perubahan" if perubahan else "r.target"
    w = [500, 0, 2900, 1200]
    w[1] = TEXT_W - sum(w)
    t = Table(w)
    t.row([H("No"), H("Sasaran Strategis"), H("Indikator Kinerja"), H("Target")], header=True)
    t.row([H("(1)"), H("(2)"), H("(3)"), H("(4)")], header=True)
    t.tag_row(f"{{%tr for r in {var}.sasaran %}}")
    t.row([M("{{ r.no }}"), C("{{ r.sasaran }}"), C("{{ r.indikator }}"),
           M(f"{{{{ {target} }}}}")], keep=True)
    t.tag_row("{%tr endfor %}")
    b.caption(var)
    b.table(t)
    b.tag(f"{{%p if {var}.program %}}")
    b.spacer()
    if perubahan:
        # Ket holds "APBD-P" or "Revisi DIPA": wide enough for the longer on one line
        w = [500, 0, 1750, 1750, 1150]
        w[1] = TEXT_W - sum(w)
        t = Table(w)
        t.row([H("Program", span=2, vm="restart"), H("Anggaran", span=2), H("Ket", vm="restart")],
              header=True)
        t.row([H("", span=2, vm="continue"), H("{{ anggaran.nama }}"),
               H("{{ anggaran.perubahan_singkat }}"), H("", vm="continue")], header=True)
        t.tag_row(f"{{%tr for r in {var}.program %}}")
        t.row([M("{{ r.no }}"), C("{{ r.program }}"), N("{{ r.anggaran }}"),
               N("{{ r.anggaran_perubahan }}"), M(f"{{{{ {var}.ket }}}}")], keep=True)
        t.tag_row("{%tr endfor %}")
        t.row([C("Total", b=True, span=2), N(f"{{{{ {var}.total }}}}", b=True),
               N(f"{{{{ {var}.total_perubahan }}}}", b=True), M(f"{{{{ {var}.ket }}}}", b=True)],
              keep=True)
    else:
        w = [500, 0, 1900, 1200]
        w[1] = TEXT_W - sum(w)
        t = Table(w)
        t.row([H("Program", span=2), H("Anggaran"), H("Ket")], header=True)
        t.tag_row(f"{{%tr for r in {var}.program %}}")
        t.row([M("{{ r.no }}"), C("{{ r.program }}"), N("{{ r.anggaran }}"),
               M(f"{{{{ {var}.ket }}}}")], keep=True)
        t.tag_row("{%tr endfor %}")
        t.row([C("Total", b=True, span=2), N(f"{{{{ {var}.total }}}}", b=True),
               M(f"{{{{ {var}.ket }}}}", b=True)], keep=True)
    b.table(t)
    b.tag("{%p endif %}")
    b.sumber(var)


def bab2(b: Body) -> None:
    b.h1("BAB II ", BR, "PERENCANAAN KINERJA")
    b.tag("{%p if narasi_ada.perencanaan_kinerja %}")
    b.tag("{{p narasi.perencanaan_kinerja }}")
    b.tag("{%p else %}")
    b.narasi("Perencanaan Kinerja merupakan proses penyusunan Rencana Kinerja sebagai penjabaran "
             "dari Sasaran dan Program yang telah ditetapkan dalam {{ rencana.nama }}, yang "
             "dilaksanakan oleh Instansi Pemerintah melalui berbagai Kegiatan Tahunan. Di dalam "
             "Rencana Kinerja ditetapkan Rencana Capaian Kinerja Tahunan untuk seluruh Indikator "
             "Kinerja yang ada pada tingkat Sasaran dan Kegiatan. Rencana Kinerja disusun seiring "
             "dengan Agenda Penyusunan dan Kebijakan Anggaran, serta merupakan Komitmen bagi "
             "Instansi untuk mencapainya dalam Tahun tertentu.")
    b.narasi(f"Perencanaan Kinerja pada {SL} Tahun {TH} didasarkan atas {{{{ rencana.nama }}}} "
             "Tahun {{ periode.renstra }} dan {{ pk_pihak.frasa }} "
             f"Tahun {TH}, berikut akan diuraikan Perencanaan Kinerja {SL} Tahun {TH}.")
    b.tag("{%p endif %}")

    h2_bagian(b, "renstra")
    b.narasi(f"{{{{ rencana.nama }}}} (*{RS}*) adalah {{{{ rencana.definisi }}}}. "
             f"*{RS}* {SL} Tahun {{{{ periode.renstra }}}} yang telah disusun dan ditetapkan"
             "{% if periode.dasar_renstra %} melalui {{ periode.dasar_renstra }}{% endif %}, "
             "merupakan Dokumen Perencanaan yang disusun sebagai {{ rencana.panduan }} "
             f"{SL} dalam jangka {{{{ periode.lama }}}} Tahun ke depan.")

    b.h3("A.", TAB, "Tujuan dan Sasaran {{ instansi.sebutan }}")
    b.tag("{%p if narasi_ada.renstra %}")
    b.tag("{{p narasi.renstra }}")
    b.tag("{%p else %}")
    b.narasi(R("Tujuan merupakan Penjabaran atau Implementasi dari pernyataan Misi. Tujuan adalah "
               "hasil akhir yang akan dicapai atau dihasilkan dalam jangka waktu 1 (satu) "
               "sampai dengan {{ periode.lama }} Tahun, Tujuan Organisasi harus Konsisten dengan "
               "Tugas dan Fungsinya. Secara kolektif Tujuan Organisasi menggambarkan arah "
               "Strategis Organisasi dan perbaikan-perbaikan yang ingin dicapai sesuai Tugas dan "
               f"Fungsi Organisasi. Dalam rangka mencapai Tujuan Organisasi, maka {SL} menetapkan "
               "Tujuan Organisasinya yaitu "),
             R("{% for t in tujuan %}“"), R("{{ t.uraian }}", i=True),
             R("”{% if not loop.last %}{% if loop.revindex == 2 %} dan {% else %}, {% endif %}"
               "{% endif %}{% endfor %}."))
    b.narasi("Dalam rangka mencapai Tujuan tersebut, dirumuskan Sasaran yaitu rumusan kondisi yang "
             "menggambarkan tercapainya Tujuan, berupa hasil Kinerja {{ instansi.sebutan }} yang "
             "diperoleh dari Pencapaian Hasil (*outcome*) Program {{ instansi.sebutan }}. Sasaran "
             "juga merupakan penjabaran dari Tujuan yang diperoleh secara terukur dan nyata akan "
             "merupakan hasil yang akan dicapai dalam setiap Tahun. Sasaran merupakan bagian "
             "*internal* dari Perencanaan Strategis {{ instansi.sebutan }} bersifat *spesifik*, "
             "dapat diukur ketercapaiannya dengan berorientasi pada hasil untuk Akhir Periode.")
    b.tag("{%p endif %}")
    b.narasi(f"Berdasarkan Tujuan yang telah ditetapkan oleh {SL}, maka Sasaran yang ingin dicapai "
             "adalah :")
    b.tag("{%p for s in sasaran %}")
    b.butir("•", "Sasaran {{ s.no }} : {{ s.uraian }}.")
    b.butir("•", "Indikator Sasaran {{ s.no }} : {{ s.indikator }}.")
    b.tag("{%p endfor %}")
    b.lead(f"Target Tujuan dan Sasaran {SL} secara rinci ditunjukkan dalam Tabel sebagai "
             "berikut :")
    renstra_table(b)

    b.h3("B.", TAB, "Indikator Kinerja Utama")
    b.tag("{%p if narasi_ada.iku_umum %}")
    b.tag("{{p narasi.iku_umum }}")
    b.tag("{%p else %}")
    b.narasi("Indikator Kinerja Utama (*IKU/Key Performance Indicator*) adalah ukuran keberhasilan "
             "dari suatu Tujuan dan Sasaran Strategis Organisasi. Tujuan Penetapan Indikator "
             "Kinerja Utama yaitu :")
    b.butir("1.", "Untuk memperoleh Informasi Kinerja yang penting dan diperlukan dalam "
            "menyelenggarakan Manajemen Kinerja secara baik;")
    b.butir("2.", "Untuk memperoleh ukuran Keberhasilan dari Pencapaian suatu Tujuan dan Sasaran "
            "Strategis Organisasi yang digunakan untuk Perbaikan Kinerja dan Peningkatan "
            "Akuntabilitas Kinerja.")
    b.lead(f"Dalam menentukan IKU, {SL} berpedoman kepada {{{{ periode.dokumen_daerah }}}}, "
             f"adapun Perumusan Indikator Kinerja Utama pada {SL} berdasarkan Tujuan dan Sasaran "
             "yang telah ditetapkan dalam Tabel sebagai berikut :")
    b.tag("{%p endif %}")
    iku_table(b)

    h2_bagian(b, "perjanjian_kinerja")
    b.tag("{%p if narasi_ada.perjanjian_kinerja %}")
    b.tag("{{p narasi.perjanjian_kinerja }}")
    b.tag("{%p else %}")
    b.narasi("{% if istilah.dasar_pk %}Berdasarkan {{ istilah.dasar_pk }}, {% endif %}"
             "Perjanjian Kinerja adalah Lembar/Dokumen "
             "yang berisikan Penugasan dari Pimpinan Instansi yang lebih tinggi kepada Pimpinan "
             "Instansi yang lebih rendah untuk melaksanakan Program/Kegiatan yang disertai dengan "
             "Indikator Kinerja. Melalui Perjanjian Kinerja terwujudlah Komitmen Penerima Amanah "
             "dan Kesepakatan antara Penerima dan Pemberi Amanah atas Kinerja terukur tertentu "
             "berdasarkan Tugas, Fungsi dan Wewenang serta Sumber Daya yang tersedia.")
    b.narasi("Kinerja yang disepakati tidak dibatasi pada Kinerja yang dihasilkan atas Kegiatan "
             "Tahun bersangkutan, tetapi termasuk (*outcome*) yang seharusnya terwujud akibat "
             "Kegiatan Tahun-tahun sebelumnya. Dengan demikian Target Kinerja yang diperjanjikan "
             "juga mencakup *outcome* yang dihasilkan dari Kegiatan Tahun-tahun sebelumnya, "
             "sehingga terwujud kesinambungan Kinerja setiap tahunnya.")
    b.narasi("Adapun tujuan penyusunan Perjanjian Kinerja adalah :")
    b.butir("(1)", "sebagai dasar Penilaian Keberhasilan/Kegagalan Pencapaian Tujuan dan Sasaran "
            "Organisasi dan sebagai dasar Pemberian Penghargaan dan Sanksi; dan")
    b.butir("(2)", "sebagai dasar dalam Penetapan Sasaran Kinerja Pegawai.")
    b.tag("{%p endif %}")
    b.tag("{{p pk_pihak.kalimat }}")
    b.lead(f"Perjanjian Kinerja {SL} Tahun {TH} dalam Tabel sebagai berikut :")
    pk_tables(b, "pk", perubahan=False)
    b.tag("{%p if pk_perubahan %}")
    b.lead(f"Perjanjian Kinerja {SL} {{{{ anggaran.pk_perubahan }}}} dalam Tabel sebagai "
           "berikut :")
    pk_tables(b, "pk_perubahan", perubahan=True)
    b.tag("{%p endif %}")


def capaian_table(b: Body) -> None:
    w = [400, 1800, 400, 0, 850, 800, 950, 850, 1100]
    w[3] = TEXT_W - sum(w)
    t = Table(w)
    t.row([H("No", vm="restart"), H("Sasaran Strategis", vm="restart"), H("No", vm="restart"),
           H("Indikator Sasaran", vm="restart"), H("Satuan", vm="restart"),
           H(PER, span=4)], header=True)
    t.row([H("", vm="continue")] * 5 + [H("Target"), H("Realisasi"), H("Capaian"),
                                         H("Predikat")], header=True)
    t.row([H(f"({n})") for n in range(1, 10)], header=True)
    t.tag_row("{%tr for r in capaian.baris %}")
    t.row([M("{{ r.no_sasaran }}"), C("{{ r.sasaran }}"), M("{{ r.no }}"), C("{{ r.indikator }}"),
           M("{{ r.satuan }}"), M("{{ r.target }}"), M("{{ r.realisasi }}"),
           M("{{ r.capaian }}"), M("{{ r.predikat }}")], keep=True)
    t.tag_row("{%tr endfor %}")
    b.caption("capaian")
    b.table(t)
    b.sumber("capaian")


def scale_table(b: Body, var: str = "k.skala") -> None:
    t = Table(widths(500, 0, 0, 1700))
    t.row([H("No"), H("Interval Nilai"), H("Kriteria"), H("Predikat")], header=True)
    t.tag_row(f"{{%tr for r in {var}.baris %}}")
    t.row([M("{{ r.no }}"), M("{{ r.interval }}"), M("{{ r.kriteria }}"), M("{{ r.predikat }}")],
          keep=True)
    t.tag_row("{%tr endfor %}")
    b.caption(var)
    b.table(t)
    b.sumber(var)


def analisis_table(b: Body) -> None:
    t = Table(widths(500, 0, 1300, 1300, 1500))
    t.row([H("No", vm="restart"), H("Indikator Kinerja Sasaran", vm="restart"),
           H(PER, span=3)], header=True)
    t.row([H("", vm="continue"), H("", vm="continue"), H("Target"), H("Realisasi"),
           H("Capaian Kinerja")], header=True)
    t.row([M("1"), C("{{ k.nama }}"), M("{{ k.target }}"), M("{{ k.realisasi }}"),
           M("{{ k.capaian }}")], keep=True)
    b.caption("k.analisis")
    b.table(t)
    b.sumber("k.analisis")


def pengukuran_table(b: Body) -> None:
    # the compact layout's one measurement table per sasaran: every indicator of the sasaran
    w = [450, 0, 900, 1000, 1000, 1050, 1000]
    w[1] = TEXT_W - sum(w)
    t = Table(w)
    t.row([H("No", vm="restart"), H("Indikator Kinerja Sasaran", vm="restart"),
           H("Satuan", vm="restart"), H(PER, span=4)], header=True)
    t.row([H("", vm="continue")] * 3 + [H("Target"), H("Realisasi"), H("Capaian"),
                                         H("Predikat")], header=True)
    t.tag_row("{%tr for r in g.pengukuran.baris %}")
    t.row([M("{{ r.no }}"), C("{{ r.indikator }}"), M("{{ r.satuan }}"), M("{{ r.target }}"),
           M("{{ r.realisasi }}"), M("{{ r.capaian }}"), M("{{ r.predikat }}")], keep=True)
    t.tag_row("{%tr endfor %}")
    b.caption("g.pengukuran")
    b.table(t)
    b.sumber("g.pengukuran")


def analisis_per_sasaran(b: Body) -> None:
    """3.2 in the compact layout (Tata Letak Analisis 'Per Sasaran'): one analysis per sasaran.
    ``analisis_sasaran`` is empty in the per-indicator layout (and ``iku`` in this one)."""
    b.tag("{%p for g in analisis_sasaran %}")
    b.h3("Sasaran Strategis {{ g.no }} : {{ g.sasaran }}")
    b.tag("{{p g.narasi.penjelasan_iku }}")
    b.tag("{%p for t in g.skala %}")
    scale_table(b, "t")
    b.tag("{%p endfor %}")
    b.tag("{%p if g.anggaran %}")
    b.narasi(f"Untuk mencapai Target Capaian Kinerja {SL}, Sasaran **“{{{{ g.sasaran }}}}”** "
             "didukung oleh {{ g.jumlah_program }} {{ anggaran.program }}, yaitu :")
    b.tag("{{p g.program_pendukung }}")
    b.tag("{%p endif %}")
    b.lead("Pengukuran Kinerja Sasaran tersebut dengan {{ g.jumlah_indikator }} Indikator "
           f"Kinerja pada {PER} dapat dilihat pada Tabel berikut :")
    pengukuran_table(b)
    b.tag("{%p for k in g.indikator %}")
    capaian_text(b)
    b.tag("{%p endfor %}")
    b.tag("{%p if g.akip %}")
    b.lead("Rincian Komponen yang dinilai pada Sistem Akuntabilitas Kinerja Instansi Pemerintah "
           f"(*SAKIP*) Tahun {TH} sebagai berikut :")
    akip_table(b, "g.akip")
    b.tag("{%p endif %}")

    b.h5("{{ g.huruf.perbandingan }}", TAB,
         "Perbandingan Capaian Kinerja Tahun ini dengan Tahun lalu")
    b.tag("{{p g.kalimat_perbandingan }}")
    b.tag("{{p g.narasi.perbandingan_tahun_lalu }}")

    b.tag("{%p if g.huruf.penyebab %}")
    b.h5("{{ g.huruf.penyebab }}", TAB, "Analisis Penyebab Keberhasilan/Kegagalan")
    b.tag("{{p g.narasi.penyebab }}")
    b.tag("{%p if g.akip %}")
    b.tag("{{p g.akip.catatan }}")
    b.tag("{%p endif %}")
    b.tag("{%p if g.ip_tabel %}")
    b.lead("{{ g.kalimat_program }} Berikut Capaian Indikator Program yang mendukung Capaian "
           "Sasaran tersebut dalam Tabel di bawah ini :")
    ip_table(b, "g")
    b.tag("{{p g.ip_komposit }}")
    ip_analysis(b, "g")
    b.tag("{%p endif %}")
    b.tag("{%p endif %}")

    b.tag("{%p if g.huruf.renstra %}")
    b.h5("{{ g.huruf.renstra }}", TAB, f"Perbandingan Realisasi Kinerja {PER} dengan Target "
         f"Akhir {RS} {SL} Tahun {{{{ g.renstra_periode }}}}")
    b.tag("{{p g.kalimat_renstra }}")
    b.tag("{{p g.narasi.perbandingan_renstra }}")
    b.tag("{%p endif %}")

    b.tag("{%p if g.huruf.efisiensi %}")
    b.h5("{{ g.huruf.efisiensi }}", TAB, "Analisis Efisiensi Penggunaan Sumber Daya")
    b.tag("{%p if g.anggaran %}")
    b.lead("Keberhasilan Pencapaian suatu Sasaran Strategis tidak terlepas dari adanya Program "
           "dan Kegiatan yang *Relevan* untuk keberhasilan Pencapaian Sasaran Strategis, adapun "
           "Program dan Kegiatan yang mendukung Pencapaian Sasaran **“{{ g.sasaran }}”** "
           f"{PER} dapat dilihat pada Tabel berikut :")
    anggaran_iku_table(b, "g.anggaran", "Sasaran")
    b.tag("{{p g.kalimat_efisiensi }}")
    b.tag("{%p endif %}")
    b.tag("{{p g.narasi.efisiensi }}")
    b.tag("{%p endif %}")

    b.tag("{%p if g.huruf.langkah %}")
    b.h5("{{ g.huruf.langkah }}", TAB,
         "Langkah-langkah Peningkatan Kinerja {{ lkip.periode_berikut }}")
    b.tag("{{p g.narasi.langkah }}")
    b.tag("{%p endif %}")
    b.tag("{%p endfor %}")


def akip_table(b: Body, var: str = "k.akip") -> None:
    t = Table(widths(500, 0, 1400, 1400))
    t.row([H("No", vm="restart"), H("Komponen yang Dinilai", vm="restart"),
           H("Nilai Akhir", span=2)], header=True)
    t.row([H("", vm="continue"), H("", vm="continue"), H("Bobot"), H("Nilai")], header=True)
    t.tag_row(f"{{%tr for r in {var}.baris %}}")
    t.row([M("{{ r.no }}"), C("{{ r.komponen }}"), M("{{ r.bobot }}"), M("{{ r.nilai }}")],
          keep=True)
    t.tag_row("{%tr endfor %}")
    t.row([C("Nilai Hasil Evaluasi", b=True, span=2), M(f"{{{{ {var}.total_bobot }}}}", b=True),
           M(f"{{{{ {var}.total_nilai }}}}", b=True)], keep=True)
    t.row([C("Tingkat Akuntabilitas Kinerja", b=True, span=3),
           M(f"{{{{ {var}.predikat }}}}", b=True)], keep=True)
    b.caption(var)
    b.table(t)
    b.sumber(var)


def perbandingan_table(b: Body) -> None:
    # No | Indikator | label | {%tc for col in kolom %} Tahun {{ col.tahun }} {%tc endfor %}:
    # laid out for 4 year columns (see renstra_table for how docxtpl fits other counts).
    years_max = 4
    w = [450, 0, 1000] + [1100] * years_max
    w[1] = TEXT_W - sum(w)
    spare = years_max - 2
    t = Table(w)
    t.row([H("No"), H("Indikator Kinerja Sasaran", span=2),
           H("{%tc for col in k.perbandingan.kolom %}"), H("{{ col.label }}"),
           H("{%tc endfor %}", span=spare)], header=True)
    for n, (label, key) in enumerate((("Target", "target"), ("Realisasi", "realisasi"),
                                      ("Capaian", "capaian"))):
        vm = "restart" if n == 0 else "continue"
        t.row([M("1" if n == 0 else "", vm=vm), C("{{ k.nama }}" if n == 0 else "", vm=vm),
               C(label), M("{%tc for col in k.perbandingan.kolom %}"),
               M(f"{{{{ col.{key} }}}}"), M("{%tc endfor %}", span=spare)], keep=True)
    b.caption("k.perbandingan")
    b.table(t)
    b.sumber("k.perbandingan")


def capaian_text(b: Body) -> None:
    """An indicator's sentences below its table and its worked calculation (``k``): the same in
    the per-IKU and the per-sasaran layouts."""
    b.tag("{{p k.kalimat_capaian }}")
    b.tag("{%p if k.ada_komposit %}")
    b.narasi("Adapun Formulasi Rumus Perhitungan *{{ k.nama }}* sebagai berikut :",
             keep_next=True)
    b.tag("{{p k.komposit }}")
    b.tag("{%p endif %}")


def ip_analysis(b: Body, var: str) -> None:
    """Each indikator program's sentence and its sub kegiatan, one by one: the same in the
    per-IKU and the per-sasaran layouts (``var`` is the loop variable of the IKU or sasaran)."""
    b.narasi("Adapun Analisis Capaian dari masing-masing Indikator Program tersebut, sebagai "
             "berikut :")
    b.tag(f"{{%p for ip in {var}.indikator_program %}}")
    b.p("Butir1", "{{ ip.no }}.", TAB, "{{ ip.kalimat }}", keep_next=True)
    b.tag("{%p for s in ip.sub_kegiatan %}")
    b.p("NarasiSubjudul", "{{ s.no }}", TAB, "{{ s.nama }}", ind_left=850, hanging=425)
    b.tag("{{p s.kalimat }}")
    b.tag("{%p endfor %}")
    b.tag("{%p endfor %}")


def ip_table(b: Body, k: str = "k") -> None:
    t = Table(widths(500, 0, 1350, 1350, 1450))
    t.row([H("No"), H("Indikator Program"), H(f"Target {PER}"),
           H(f"Realisasi {PER}"), H(f"Capaian Kinerja {PER}")], header=True)
    t.tag_row(f"{{%tr for r in {k}.indikator_program %}}")
    t.row([M("{{ r.no }}"), C("{{ r.nama }}"), M("{{ r.target }}"), M("{{ r.realisasi }}"),
           M("{{ r.capaian }}")], keep=True)
    t.tag_row("{%tr endfor %}")
    b.caption(f"{k}.ip_tabel")
    b.table(t)
    b.sumber(f"{k}.ip_tabel")


def renstra_compare_table(b: Body) -> None:
    # The last year of the previous Renstra beside the report year (as the reference), when the
    # workbook has it; else the report year against the current Renstra's end target.
    b.tag("{%p if k.renstra.sebelumnya %}")
    t = Table(widths(0, 1300, 1500, 1500))
    t.row([H("Capaian Indikator Kinerja Sasaran", vm="restart"), H("Satuan", vm="restart"),
           H("{{ k.nama }} (Tahun)", span=2)], header=True)
    t.row([H("", vm="continue"), H("", vm="continue"), H("{{ k.renstra.kolom[0].label }}"),
           H("{{ k.renstra.kolom[1].label }}")], header=True)
    for n, (label, key) in enumerate((("Target", "target"), ("Realisasi", "realisasi"),
                                      ("Capaian", "capaian"))):
        t.row([C(label), M("{{ k.satuan }}" if key != "capaian" else "%"),
               M(f"{{{{ k.renstra.kolom[0].{key} }}}}"), M(f"{{{{ k.renstra.kolom[1].{key} }}}}")],
              keep=True)
    b.caption("k.renstra")
    b.table(t)
    b.sumber("k.renstra")
    b.tag("{%p else %}")
    t = Table(widths(0, 1100, 1150, 1150, 1350, 1350))
    t.row([H("Indikator"), H("Satuan"), H("Target {{ k.renstra.periode }}"),
           H("Realisasi {{ k.renstra.periode }}"),
           H(f"Target Akhir {RS} ({{{{ k.renstra.tahun_akhir }}}})"),
           H(f"Capaian terhadap Target Akhir {RS}")], header=True)
    t.row([C("{{ k.nama }}"), M("{{ k.satuan }}"), M("{{ k.renstra.target }}"),
           M("{{ k.renstra.realisasi }}"), M("{{ k.renstra.target_akhir }}"),
           M("{{ k.renstra.capaian_akhir }}")], keep=True)
    b.caption("k.renstra")
    b.table(t)
    b.sumber("k.renstra")
    b.tag("{%p endif %}")


def anggaran_iku_table(b: Body, var: str = "k.anggaran", first: str = "Indikator Sasaran"
                       ) -> None:
    # the last header is "Tingkat Efisiensi (%)" or, in a semester report, "Sisa Anggaran (%)":
    # wide enough not to break "Anggaran"
    w = [1100, 0, 1400, 1400, 830, 900, 1020]
    w[1] = TEXT_W - sum(w)
    t = Table(w)
    t.row([H(first, vm="restart"), H("{{ anggaran.tingkat }}", vm="restart"),
           H("Pagu Anggaran (Rp.)", vm="restart"), H("Realisasi Anggaran", span=2),
           H("Capaian Kinerja (%)", vm="restart"), H("{{ anggaran.efisiensi_kolom }}",
                                                     vm="restart")],
          header=True)
    t.row([H("", vm="continue")] * 3 + [H("(Rp.)"), H("(%)")] + [H("", vm="continue")] * 2,
          header=True)

    def cells(bold, italic):
        return [C("{{ b.label }}", valign="top"), C("{{ b.nama }}", b=bold, i=italic),
                N("{{ b.pagu }}", b=bold, i=italic), N("{{ b.realisasi }}", b=bold, i=italic),
                N("{{ b.realisasi_pct }}", b=bold, i=italic),
                N("{{ b.capaian }}", b=bold, i=italic), N("{{ b.efisiensi }}", b=bold, i=italic)]

    level_rows(t, f"{var}.baris", cells)
    t.tag_row(f"{{%tr if {var}.total %}}")
    t.row([C("JUMLAH", b=True, span=2), N(f"{{{{ {var}.total.pagu }}}}", b=True),
           N(f"{{{{ {var}.total.realisasi }}}}", b=True),
           N(f"{{{{ {var}.total.realisasi_pct }}}}", b=True),
           N(f"{{{{ {var}.total.capaian }}}}", b=True),
           N(f"{{{{ {var}.total.efisiensi }}}}", b=True)], keep=True)
    t.tag_row("{%tr endif %}")
    b.caption(var)
    b.table(t)
    b.sumber(var)


def kelompok_table(b: Body) -> None:
    w = [0, 1450, 1450, 1450, 950]
    w[0] = TEXT_W - sum(w)
    t = Table(w)
    t.row([H("{{ anggaran.tingkat }}", vm="restart"), H("Pagu Anggaran", span=2),
           H("Realisasi Anggaran (Rp)", vm="restart"), H("Realisasi (%)", vm="restart")],
          header=True)
    t.row([H("", vm="continue"), H("Sebelum Perubahan (Rp)"), H("Setelah Perubahan (Rp)"),
           H("", vm="continue"), H("", vm="continue")], header=True)

    def cells(bold, italic):
        return [C("{{ b.nama }}", b=bold, i=italic), N("{{ b.pagu_murni }}", b=bold, i=italic),
                N("{{ b.pagu }}", b=bold, i=italic), N("{{ b.realisasi }}", b=bold, i=italic),
                N("{{ b.realisasi_pct }}", b=bold, i=italic)]

    level_rows(t, "t.baris", cells)
    t.row([C("JUMLAH", b=True), N("{{ t.total.pagu_murni }}", b=True),
           N("{{ t.total.pagu }}", b=True), N("{{ t.total.realisasi }}", b=True),
           N("{{ t.total.realisasi_pct }}", b=True)], keep=True)
    b.caption("t")
    b.table(t)
    b.sumber("t")


def bab3(b: Body) -> None:
    b.h1("BAB III ", BR, "AKUNTABILITAS KINERJA")
    h2_bagian(b, "capaian")
    b.tag("{%p if narasi_ada.capaian_organisasi %}")
    b.tag("{{p narasi.capaian_organisasi }}")
    b.tag("{%p else %}")
    b.narasi("Akuntabilitas Kinerja dalam Format {{ lkip.nama }} (*{{ lkip.singkatan }}*) "
             f"{SL} tidak terlepas dari Rangkaian Mekanisme Fungsi Perencanaan yang sudah berjalan "
             f"mulai dari {{{{ rencana.nama }}}} (*{RS}*), {{{{ rencana.tahunan }}}} "
             "(*{{ rencana.tahunan_singkatan }}*) dan Perjanjian "
             f"Kinerja (*PK*) {SL}, yang tidak terlepas dari Pelaksanaan Pembangunan itu sendiri "
             "sebagai fungsi *Actuating* dari berbagai Piranti Perencanaan yang sudah dibuat "
             "tersebut, hingga kemudian sampailah pada saat Pertanggungjawaban Pelaksanaan "
             "Pembangunan yang mengerahkan seluruh Sumber Daya Manajemen pendukungnya.")
    b.narasi("Pertanggungjawaban Kinerja Pelaksanaan Pembangunan sifatnya terukur, terdapat "
             "Standar Pengukuran antara yang diukur dengan Piranti Pengukurannya. "
             "Pertanggungjawaban Pengukuran yang diukur adalah Kegiatan, Program dan Sasaran, yang "
             "prosesnya adalah sejauh mana Kegiatan, Program dan Sasaran dilaksanakan tidak salah "
             "arah dengan berbagai Piranti Perencanaan yang telah dibuat.")
    b.narasi("Pengukuran Kinerja merupakan bentuk Penilaian yang dilakukan terhadap keberhasilan "
             f"dan kegagalan Pencapaian Tujuan dan Sasaran {SL} yang dilaksanakan {PER}, "
             "untuk mengukur Capaian Kinerja adalah dengan menggunakan Indikator Kinerja, yang "
             "diukur dengan membandingkan Target dan Realisasi.")
    b.tag("{%p endif %}")
    b.narasi("Capaian Kinerja setiap Indikator dihitung dengan Rumus :", keep_next=True)
    b.tag("{{p metode_capaian }}")
    b.lead(f"Capaian Kinerja yang telah dicapai {SL} selama {PER}, berupa Pencapaian "
             f"Sasaran Strategis dan Indikator Kinerja yang telah ditetapkan dalam *{RS}* "
             f"{SL} Tahun {{{{ periode.renstra }}}} serta Perjanjian Kinerja {SL} Tahun {TH} "
             "sebanyak {{ jumlah.sasaran }} Sasaran Strategis dan {{ jumlah.iku }} Indikator "
             "Kinerja. Capaian setiap Sasaran Strategis beserta Indikator Kinerjanya dapat dilihat "
             "pada Tabel Pengukuran Kinerja sebagai berikut :", before=120)
    capaian_table(b)
    b.narasi(f"Sebagaimana dalam Tabel {{{{ capaian.nomor }}}}, {SL} memiliki "
             "{{ jumlah.sasaran }} Sasaran, yaitu :")
    b.tag("{%p for s in sasaran %}")
    b.butir("{{ loop.index }}.", "{{ s.uraian }}{% if loop.last %}.{% else %};{% endif %}")
    b.tag("{%p endfor %}")
    b.narasi(f"Pengukuran Kinerja {SL} dilakukan terhadap Capaian Indikator Kinerja Sasaran. "
             f"Realisasi Capaian Indikator Kinerja Sasaran {SL} pada {PER} sebagaimana dalam "
             "Tabel {{ capaian.nomor }} adalah :")
    b.tag("{{p capaian_ringkas }}")
    b.tag("{%p if narasi_ada.analisis_capaian_organisasi %}")
    b.tag("{{p narasi.analisis_capaian_organisasi }}")
    b.tag("{%p else %}")
    b.narasi(f"Berdasarkan Capaian Indikator di atas menunjukkan bahwa Indikator Sasaran {SL} "
             f"mendukung Tujuan {SL} dan mendukung Capaian Sasaran Strategis pada "
             "{{ periode.dokumen_daerah }}.")
    b.tag("{%p endif %}")

    h2_bagian(b, "analisis")
    b.tag("{%p for k in iku %}")
    b.tag("{%p if loop.first or loop.previtem.sasaran_no != k.sasaran_no %}")
    b.h3("Sasaran Strategis {{ k.sasaran_no }} : {{ k.sasaran }}")
    b.tag("{%p endif %}")
    b.h4("{{ k.no }}. Indikator Sasaran {{ k.nama }}")
    b.tag("{{p k.narasi.penjelasan_iku }}")
    b.tag("{%p if k.skala %}")
    scale_table(b)
    b.tag("{%p endif %}")
    b.tag("{%p if k.anggaran %}")
    b.narasi(f"Untuk mencapai Target Capaian Kinerja {SL}, Indikator Sasaran *{{{{ k.nama }}}}* "
             "didukung oleh {{ k.jumlah_program }} {{ anggaran.program }}, yaitu :")
    b.tag("{{p k.program_pendukung }}")
    b.narasi(f"Indikator tersebut mendukung Keberhasilan dalam Pencapaian Sasaran {SL} yaitu "
             "**“{{ k.sasaran }}”**.")
    b.tag("{%p endif %}")
    analisis_table(b)
    capaian_text(b)
    b.tag("{%p if k.akip %}")
    b.lead("Rincian Komponen yang dinilai pada Sistem Akuntabilitas Kinerja Instansi Pemerintah "
             f"(*SAKIP*) Tahun {TH} sebagai berikut :")
    akip_table(b)
    b.tag("{%p endif %}")

    b.h5("{{ k.huruf.perbandingan }}", TAB,
         "Perbandingan Capaian Kinerja Tahun ini dengan Tahun lalu")
    b.tag("{%p if k.perbandingan %}")
    b.lead("Perbandingan Capaian Kinerja Indikator Sasaran *{{ k.nama }}*"
             "{% if k.tren %} yang {{ k.tren }}{% endif %} antara "
             f"{PER} dengan Tahun sebelumnya dapat dilihat pada Tabel berikut :")
    perbandingan_table(b)
    b.tag("{{p k.kalimat_perbandingan }}")
    b.tag("{%p else %}")
    b.narasi("Data Capaian Kinerja Indikator Sasaran *{{ k.nama }}* pada Tahun sebelumnya belum "
             "tersedia, sehingga perbandingan dengan Tahun lalu belum dapat disajikan.")
    b.tag("{%p endif %}")
    b.tag("{{p k.narasi.perbandingan_tahun_lalu }}")

    b.tag("{%p if k.huruf.penyebab %}")
    b.h5("{{ k.huruf.penyebab }}", TAB, "Analisis Penyebab Keberhasilan/Kegagalan")
    b.tag("{{p k.narasi.penyebab }}")
    b.tag("{%p if k.akip %}")
    b.tag("{{p k.akip.catatan }}")
    b.tag("{%p endif %}")
    b.tag("{%p if k.ip_tabel %}")
    b.lead("{{ k.kalimat_program }} Berikut Capaian Indikator Program yang mendukung Capaian "
             "Sasaran tersebut dalam Tabel di bawah ini :")
    ip_table(b)
    # worked calculations of the indikator program, unless the IKU's own (which includes them)
    # was shown above
    b.tag("{%p if not k.ada_komposit %}")
    b.tag("{%p for ip in k.indikator_program %}")
    b.tag("{{p ip.komposit }}")
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")
    ip_analysis(b, "k")
    b.tag("{%p endif %}")
    b.tag("{%p endif %}")

    b.tag("{%p if k.huruf.renstra %}")
    b.h5("{{ k.huruf.renstra }}", TAB, f"Perbandingan Realisasi Kinerja {PER} dengan Target "
         f"Akhir {RS} {SL} Tahun {{{{ k.renstra_periode }}}}")
    b.tag("{%p if k.renstra %}")
    b.lead(f"Perbandingan Realisasi Kinerja Indikator *{{{{ k.nama }}}}* pada {PER} yang "
           f"dikaitkan dengan Target Akhir {RS} {SL} pada Tahun "
           "{{ k.renstra.tahun_akhir }} dapat dilihat pada Tabel berikut :")
    renstra_compare_table(b)
    b.tag("{{p k.kalimat_renstra }}")
    b.tag("{%p endif %}")
    b.tag("{{p k.narasi.perbandingan_renstra }}")
    b.tag("{%p endif %}")

    b.tag("{%p if k.huruf.efisiensi %}")
    b.h5("{{ k.huruf.efisiensi }}", TAB, "Analisis Efisiensi Penggunaan Sumber Daya")
    b.tag("{%p if k.anggaran %}")
    b.lead("Keberhasilan Pencapaian suatu Sasaran Strategis tidak terlepas dari adanya Program "
             "dan Kegiatan yang *Relevan* untuk keberhasilan Pencapaian Sasaran Strategis, adapun "
             "Program dan Kegiatan yang mendukung Pencapaian Indikator Kinerja Utama "
             f"*{{{{ k.nama }}}}* {PER} dapat dilihat pada Tabel berikut :")
    anggaran_iku_table(b)
    b.tag("{{p k.kalimat_efisiensi }}")
    b.tag("{%p endif %}")
    b.tag("{{p k.narasi.efisiensi }}")
    b.tag("{%p endif %}")

    b.tag("{%p if k.huruf.langkah %}")
    b.h5("{{ k.huruf.langkah }}", TAB,
         "Langkah-langkah Peningkatan Kinerja {{ lkip.periode_berikut }}")
    b.tag("{{p k.narasi.langkah }}")
    b.tag("{%p endif %}")
    b.tag("{%p endfor %}")
    analisis_per_sasaran(b)

    b.tag("{%p if bagian.realisasi_anggaran %}")
    h2_bagian(b, "realisasi_anggaran")
    b.tag("{{p realisasi_anggaran_kalimat }}")
    b.tag("{{p narasi.realisasi_anggaran }}")
    b.tag("{%p for t in kelompok %}")
    b.lead("Realisasi Anggaran{% if t.kode %} {{ t.nama }} (*{{ t.kode }}*){% endif %} "
           f"{PER} adalah sebagaimana Tabel berikut :")
    kelompok_table(b)
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")

    b.tag("{%p if bagian.prestasi %}")
    h2_bagian(b, "prestasi")
    b.tag("{{p narasi.prestasi }}")
    b.tag("{%p if ada_prestasi %}")
    b.tag("{%p if not narasi_ada.prestasi %}")
    b.narasi(f"Prestasi atau Penghargaan yang dicapai oleh {SL} pada {PER}, sebagai berikut :")
    b.tag("{%p endif %}")
    b.tag("{%p if prestasi_bergambar %}")
    # each item followed by its certificate or award, as the reference shows them
    b.tag("{%p for x in prestasi_daftar %}")
    b.tag("{{p x.butir }}")
    b.tag("{%p if x.gambar_isi %}")
    b.p("Gambar", R("{{ x.gambar_isi }}"))
    b.p("JudulGambar", "Gambar {{ x.gambar.nomor }} {{ x.gambar.judul }}")
    b.tag("{%p endif %}")
    b.tag("{%p endfor %}")
    b.tag("{%p else %}")
    b.tag("{{p prestasi }}")
    b.tag("{%p endif %}")
    b.tag("{%p endif %}")
    b.tag("{%p endif %}")


def bab4(b: Body) -> None:
    b.h1("BAB IV ", BR, "PENUTUP")
    h2_bagian(b, "kesimpulan")
    b.tag("{{p narasi.kesimpulan }}")
    signature(b)


def lampiran(b: Body) -> None:
    b.tag("{%p if peringkat.ada %}")
    b.h1("LAMPIRAN")
    b.tag("{%p if peringkat.dasar %}")
    b.p("JudulLampiran", "{{ peringkat.dasar }}")
    b.tag("{%p endif %}")
    t = Table(widths(600, 0, 1700, 1300))
    t.row([H("No"), H("{{ peringkat.sebutan }}"), H("Nilai Hasil Evaluasi"), H("Predikat")],
          header=True)
    t.tag_row("{%tr for r in peringkat.baris %}")
    t.tag_row("{%tr if r.ini %}")
    t.row([M("{{ r.no }}", b=True), C("{{ r.perangkat_daerah }}", b=True),
           M("{{ r.nilai }}", b=True), M("{{ r.predikat }}", b=True)])
    t.tag_row("{%tr else %}")
    t.row([M("{{ r.no }}"), C("{{ r.perangkat_daerah }}"), M("{{ r.nilai }}"),
           M("{{ r.predikat }}")])
    t.tag_row("{%tr endif %}")
    t.tag_row("{%tr endfor %}")
    b.p("Caption", "{{ peringkat.judul }}")
    b.table(t)
    b.tag("{%p if peringkat.peringkat_ini %}")
    b.narasi(f"{SL} berada pada peringkat ke-{{{{ peringkat.peringkat_ini }}}}"
             "{% if peringkat.jumlah %} dari {{ peringkat.jumlah }} {{ peringkat.sebutan }} yang "
             "dievaluasi{% else %} pada daftar di atas{% endif %}.", before=240)
    b.tag("{%p endif %}")
    b.tag("{%p if gambar_lampiran.isi %}")
    b.p("JudulGambar", "Gambar {{ gambar_lampiran.nomor }} {{ gambar_lampiran.judul }}",
        keep_next=True, after=120, before=240)
    b.p("Gambar", R("{{ gambar_lampiran.isi }}"), keep_next=False)
    b.tag("{%p endif %}")
    b.tag("{%p endif %}")


def closing_line(b: Body) -> None:
    # Where the report comes from (lkip_docx/report/provenance.py): empty in a preview, and then
    # left out. An agency template may drop it; the document properties still say it.
    b.tag("{%p if asal.baris %}")
    b.p("Sumber", "{{ asal.baris }}", before=480)
    b.tag("{%p endif %}")


# --- document ------------------------------------------------------------------------------------


def drop_extra_parts(doc) -> None:
    """Drop the parts of python-docx's default package the template does not need."""
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects") or rel.reltype == RT.CUSTOM_XML:
            doc.part.drop_rel(rid)
    pkg_rels = doc.part.package.rels
    for rid, rel in list(pkg_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            pkg_rels.pop(rid)


def set_settings(doc) -> None:
    from lkip_docx.report.render import set_update_fields

    settings = doc.settings.element
    for tag in ("w:rsids", "w:proofState", "w:attachedTemplate"):
        node = settings.find(qn(tag))
        if node is not None:
            settings.remove(node)
    tfl = settings.find(qn("w:themeFontLang"))
    if tfl is not None:
        tfl.set(qn("w:val"), LANG)
        tfl.attrib.pop(qn("w:eastAsia"), None)
    dts = settings.find(qn("w:defaultTabStop"))
    if dts is not None:
        dts.set(qn("w:val"), "425")
    compat = settings.find(qn("w:compat"))
    if compat is not None:
        # justified lines ending in a manual line break are not stretched (Word and LibreOffice)
        compat.insert(0, el("w:doNotExpandShiftReturn"))
        for cs in compat.findall(qn("w:compatSetting")):
            if cs.get(qn("w:name")) == "compatibilityMode":
                cs.set(qn("w:val"), "15")  # Word 2013+: no "Compatibility Mode" banner
    set_update_fields(doc)


def set_core(doc) -> None:
    import datetime as dt

    cp = doc.core_properties
    when = dt.datetime(2025, 1, 1, 0, 0, 0)
    cp.title = "Laporan Kinerja Instansi Pemerintah (LKIP)"
    cp.subject = "Templat laporan lkip_docx"
    cp.author = "lkip_docx"
    cp.last_modified_by = "lkip_docx"
    cp.comments = ""
    cp.keywords = "LKIP; SAKIP"
    cp.language = LANG
    cp.category = ""
    cp.revision = 1
    cp.created = when
    cp.modified = when
    cp.last_printed = when


def build() -> bytes:
    doc = Document()
    drop_extra_parts(doc)
    build_styles(doc)
    set_settings(doc)
    set_core(doc)

    b = Body(doc)
    # the final sectPr (BAB I onwards): arabic numbers restarting at 1
    final = b.final_sect
    for child in list(final):
        final.remove(child)
    for child in sect_pr("decimal", 1):
        final.append(child)

    cover(b)
    b.section_break(sect_pr())  # section 1: cover, no header/footer
    front_matter(b)
    b.section_break(sect_pr("lowerRoman"))  # section 2: i, ii, ... continuing from the cover
    bab1(b)
    bab2(b)
    bab3(b)
    bab4(b)
    lampiran(b)
    closing_line(b)

    sections = doc.sections
    assert len(sections) == 3, len(sections)
    # section 2: roman page number centered in the footer
    s2 = sections[1]
    s2.footer.is_linked_to_previous = False
    fill_part(s2.footer._element, [page_footer()])
    # section 3: running header and arabic page number
    s3 = sections[2]
    s3.header.is_linked_to_previous = False
    fill_part(s3.header._element, [para("Header", R("{% if lkip.draf %}DRAF - {% endif %}", b=True),
                                        R(f"{{{{ lkip.singkatan }}}} {SL} {PER}"))])
    s3.footer.is_linked_to_previous = False
    fill_part(s3.footer._element, [page_footer()])

    buffer = io.BytesIO()
    doc.save(buffer)
    return normalize_zip(buffer.getvalue())


def normalize_zip(data: bytes) -> bytes:
    """Rewrite the package with a fixed member order and timestamp (byte-identical reruns)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    names = src.namelist()
    first = [n for n in ("[Content_Types].xml", "_rels/.rels") if n in names]
    order = first + sorted(n for n in names if n not in first)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(name))
    return out.getvalue()


def canonical_parts(data: bytes) -> dict[str, bytes]:
    """Each part of a .docx by name: XML parts canonicalised (C14N 2.0, so attribute order and
    the zip's timestamps, order and compression do not count), other parts as they are."""
    from xml.etree.ElementTree import canonicalize

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: (canonicalize(z.read(name).decode("utf-8")).encode("utf-8")
                       if name.endswith((".xml", ".rels")) else z.read(name))
                for name in z.namelist()}


def stale_parts(shipped: Path, data: bytes) -> list[str]:
    """The parts in which ``shipped`` differs from the freshly built ``data`` (empty: same)."""
    if not shipped.is_file():
        return ["(missing)"]
    try:
        have = canonical_parts(shipped.read_bytes())
    except (zipfile.BadZipFile, ValueError, SyntaxError) as exc:
        return [f"(unreadable: {exc})"]
    want = canonical_parts(data)
    return sorted(name for name in set(have) | set(want) if have.get(name) != want.get(name))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true",
                      help="only verify that the committed templates are up to date")
    mode.add_argument("-o", "--output", type=Path,
                      help="write the template to this file only (not the shipped copies)")
    args = ap.parse_args(argv)
    data = build()
    if args.check:
        stale = False
        for p in (PACKAGE_TEMPLATE, ROOT_TEMPLATE):
            parts = stale_parts(p, data)
            if parts:
                stale = True
                print(f"out of date: {p.relative_to(ROOT)}: {', '.join(parts)}", file=sys.stderr)
        return 1 if stale else 0
    targets = [args.output] if args.output else [PACKAGE_TEMPLATE, ROOT_TEMPLATE]
    for target in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    from lkip_docx.report.template_check import check_template_file

    problems = check_template_file(targets[0])
    for p in problems:
        print(p, file=sys.stderr)
    shown = [t.resolve().relative_to(ROOT) if t.resolve().is_relative_to(ROOT) else t
             for t in targets]
    print(f"wrote {' and '.join(str(t) for t in shown)} ({len(data)} bytes)")
    return 1 if any(p.is_error for p in problems) else 0


if __name__ == "__main__":
    sys.exit(main())
