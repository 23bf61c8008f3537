"""Layout finishing of a rendered report, where a template's fixed design cannot know the data:

- table columns sized from their content (no word broken inside, no rupiah amount split over
  two lines, a column of "-" no wider than it needs), as a browser's automatic table layout;
- a column whose data cells all hold HIDE_COLUMN removed (a scale without criteria);
- header rows tall enough for their vertically merged cells, so that a header repeated on the
  next page shows every line of them;
- " :" at the end of a lead-in with a no-break space (a lone ":" never starts a line);
- the steps of a worked calculation kept on one page, and a signature block kept with the text
  above it.

Text widths are estimated from Arial's metrics (Liberation Sans, LibreOffice's Arial, has the same
widths); the estimate only has to be close, as the widths are shares of the page.
"""

from __future__ import annotations

import math
import re
from itertools import repeat

from docx.oxml import OxmlElement

from lkip_docx.report import ooxml as W
from lkip_docx.report.richtext import HIDE_COLUMN, STYLE_FORMULA, STYLE_FORMULA_TITLE

# Arial advance widths, 1/1000 em, for the characters reports use; others count as 556.
_WIDTHS = {
    " ": 278, "!": 278, '"': 355, "#": 556, "$": 556, "%": 889, "&": 667, "'": 191, "(": 333,
    ")": 333, "*": 389, "+": 584, ",": 278, "-": 333, ".": 278, "/": 278, ":": 278, ";": 278,
    "<": 584, "=": 584, ">": 584, "?": 556, "@": 1015, "[": 278, "]": 278, "_": 556, "{": 334,
    "}": 334, "|": 260, "\u2013": 556, "\u2014": 1000, "\u201c": 333, "\u201d": 333,
    "\u00a0": 278,
}
_WIDTHS.update({d: 556 for d in "0123456789"})
_WIDTHS.update(dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                        (667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722,
                         778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611))))
_WIDTHS.update(dict(zip("abcdefghijklmnopqrstuvwxyz",
                        (556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556,
                         556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500))))
BOLD_FACTOR = 1.08
DEFAULT_SIZE = 18  # half-points: 9 pt, the table text of the template
LINE = 1.15  # a single line's height, in font sizes
#: Where a column may break a line: after a space, but not the one of "Rp. 38.450.000.000" (an
#: amount is read whole), and after a hyphen or slash followed by a word, but not by one letter
#: (the "-P" of "APBD-P" is a code, not a word). Columns are made wide enough for what lies between.
_BREAKS = re.compile(r"(?<=\s)(?<!Rp\.\s)|(?<=[-/])(?=[A-Za-z]{2})")


def text_width(text: str, half_points: int = DEFAULT_SIZE, bold: bool = False) -> float:
    """Width of ``text`` in twips."""
    units = sum(map(_WIDTHS.get, text, repeat(556)))  # get(ch, 556) for each ch, at C speed
    return units / 1000 * half_points * 10 * (BOLD_FACTOR if bold else 1)


# --- reading cells ------------------------------------------------------------------------------

class _Styles:
    """Font size and bold of paragraph styles, through basedOn."""

    def __init__(self, document):
        self.raw = {}
        for s in document.styles.element.iter(W.STYLE):
            rpr = s.find(W.RPR)
            size = bold = None
            if rpr is not None:
                sz = rpr.find(W.SZ)
                size = int(sz.get(W.VAL)) if sz is not None else None
                b = rpr.find(W.B)
                bold = (b.get(W.VAL) not in ("0", "false")) if b is not None else None
            based = s.find(W.BASEDON)
            self.raw[s.get(W.STYLEID)] = (size, bold,
                                                based.get(W.VAL) if based is not None
                                                else None)

    def font(self, sid: str | None) -> tuple[int, bool]:
        size = bold = None
        seen = set()
        while sid in self.raw and sid not in seen:
            seen.add(sid)
            s, b, sid = self.raw[sid]
            size = size if size is not None else s
            bold = bold if bold is not None else b
        return size or DEFAULT_SIZE, bool(bold)


def _paragraph_runs(p, styles: _Styles) -> list[tuple[str, int, bool]]:
    """(text, half-points, bold) of each run of a paragraph; a line break as '\\n'."""
    size, bold = styles.font(W.style_id(p))
    out = []
    for r in p.iter(W.R):
        rpr = W.props(r)
        rsize, rbold = size, bold
        if rpr is not None:
            sz = rpr.find(W.SZ)
            if sz is not None:
                rsize = int(sz.get(W.VAL))
            b = rpr.find(W.B)
            if b is not None:
                rbold = b.get(W.VAL) not in ("0", "false")
        text = []
        for node in r:
            if node.tag == W.T:
                text.append(node.text or "")
            elif node.tag == W.BR:
                text.append("\n")
            elif node.tag == W.TAB:
                text.append("    ")
        if text:
            out.append(("".join(text), rsize, rbold))
    return out


def _cell_measure(tc, styles: _Styles) -> tuple[float, float, list]:
    """(longest unbreakable piece, all its text laid on one line, the cell's runs) in twips.
    The second is what a column would need to show the cell without wrapping: a cell of twenty
    bullet points wants more room than a cell of one long sentence."""
    longest = amount = 0.0
    runs_all = []
    for p in tc.iter(W.P):
        runs = _paragraph_runs(p, styles)
        runs_all.append(runs)
        ind = _indent(p)
        if runs:
            amount += ind
        for text, size, bold in runs:
            for piece in text.split("\n"):
                amount += text_width(piece, size, bold)
                for word in _BREAKS.split(piece):
                    longest = max(longest, text_width(word.strip(), size, bold) + ind)
    return longest, amount, runs_all


def _indent(p) -> float:
    ind = W.prop(p, W.IND)
    if ind is None:
        return 0.0
    try:
        return float(ind.get(W.LEFT) or 0)
    except ValueError:
        return 0.0


def _grid_cells(tr):
    """(first grid column, span, tc) of each cell of a row."""
    col = 0
    trpr = W.props(tr)
    if trpr is not None:
        before = trpr.find(W.GRIDBEFORE)
        if before is not None:
            col = int(before.get(W.VAL) or 0)
    out = []
    for tc in tr.findall(W.TC):
        span_el = W.prop(tc, W.GRIDSPAN)
        span = int(span_el.get(W.VAL)) if span_el is not None else 1
        out.append((col, span, tc))
        col += span
    return out


def _is_header(tr) -> bool:
    return W.prop(tr, W.TBLHEADER) is not None


def _vmerge(tc) -> str | None:
    vm = W.vmerge(tc)
    if vm is None:
        return None
    return vm.get(W.VAL) or "continue"


def _cell_text(tc) -> str:
    return "".join(t.text or "" for t in tc.iter(W.T)).strip()


# --- hiding an empty column ---------------------------------------------------------------------

def hide_empty_columns(document) -> None:
    """Remove every table column whose data cells all hold only HIDE_COLUMN."""
    for tbl in document.element.body.iter(W.TBL):
        rows = tbl.findall(W.TR)
        data = [r for r in rows if not _is_header(r)]
        if not data:
            continue
        grid = tbl.find(W.TBLGRID)
        if grid is None:
            continue
        cols = grid.findall(W.GRIDCOL)
        cells = {r: _grid_cells(r) for r in rows}
        for index in reversed(range(len(cols))):
            marked = True
            for r in data:
                at = [c for c in cells[r] if c[0] == index]
                if not at or at[0][1] != 1 or _cell_text(at[0][2]) != HIDE_COLUMN:
                    marked = False
                    break
            if not marked:
                continue
            for r in rows:
                for col, span, tc in cells[r]:
                    if col <= index < col + span:
                        if span == 1:
                            r.remove(tc)
                        else:
                            W.prop(tc, W.GRIDSPAN).set(W.VAL, str(span - 1))
                        break
            grid.remove(cols[index])
            cells = {r: _grid_cells(r) for r in rows}  # a span shrank, later cells moved left


# --- column widths ------------------------------------------------------------------------------

def fit_columns(document) -> None:
    """Every table with a fixed layout and more than one column, its column widths shared out
    by content: each column at least as wide as its longest word, the rest of the table's width
    given where the text is longest (the automatic layout of HTML tables)."""
    styles = _Styles(document)
    for tbl in document.element.body.iter(W.TBL):
        _fit_table(tbl, styles)


def _cell_margin(tbl) -> float:
    return 2 * 60 + 20  # the template's left/right cell margins and a little slack


def _fit_table(tbl, styles: _Styles) -> None:
    grid = tbl.find(W.TBLGRID)
    tblpr = W.props(tbl)
    if grid is None or tblpr is None:
        return
    style = tblpr.find(W.TBLSTYLE)
    if style is not None and style.get(W.VAL) == "TabelTanpaGaris":
        return  # the signature block: laid out by hand
    cols = grid.findall(W.GRIDCOL)
    n = len(cols)
    if n < 2:
        return
    total = sum(int(c.get(W.W) or 0) for c in cols)
    if total <= 0:
        return
    margin = _cell_margin(tbl)
    low = [margin + 200.0] * n
    high = [margin + 200.0] * n
    spans = []
    rows = [_grid_cells(tr) for tr in tbl.findall(W.TR)]
    for cells in rows:
        for col, span, tc in cells:
            if col + span > n:
                return  # a row the grid does not describe: leave the table as it is
            if _vmerge(tc) == "continue":
                continue
            longest, widest, _ = _cell_measure(tc, styles)
            if span == 1:
                low[col] = max(low[col], longest + margin)
                high[col] = max(high[col], widest + margin)
            else:
                spans.append((col, span, longest + margin))
    # a merged cell's longest word spread over the columns it spans
    for col, span, need in spans:
        have = sum(low[col:col + span])
        if need > have:
            extra = (need - have) / span
            for i in range(col, col + span):
                low[i] += extra
    widths = _share(low, high, total)
    ints = [int(w) for w in widths]
    ints[max(range(n), key=lambda i: ints[i])] += total - sum(ints)
    for c, w in zip(cols, ints):
        c.set(W.W, str(w))
    for cells in rows:
        for col, span, tc in cells:
            tcw = W.prop(tc, W.TCW)
            if tcw is not None:
                tcw.set(W.W, str(sum(ints[col:col + span])))
                tcw.set(W.TYPE, "dxa")


def _share(low: list[float], high: list[float], total: float) -> list[float]:
    high = [max(h, lo) for h, lo in zip(high, low)]
    if sum(high) <= total:
        # everything fits on one line: the room left goes to the columns in proportion
        extra = total - sum(high)
        return [h + extra * h / sum(high) for h in high]
    if sum(low) >= total:
        return [lo * total / sum(low) for lo in low]
    room = total - sum(low)
    wish = [h - lo for h, lo in zip(high, low)]
    return [lo + room * w / sum(wish) for lo, w in zip(low, wish)]


# --- header rows --------------------------------------------------------------------------------

def _lines(runs_all: list, width: float) -> int:
    """Lines the paragraphs of a cell need in ``width`` twips (greedy word wrap)."""
    lines = 0
    for runs in runs_all:
        line = 0.0
        count = 1
        for text, size, bold in runs:
            for k, piece in enumerate(text.split("\n")):
                if k:
                    count += 1
                    line = 0.0
                for word in _BREAKS.split(piece):
                    w = text_width(word, size, bold)
                    if line and line + w > width:
                        count += 1
                        line = 0.0
                    line += w
        lines += count
    return max(lines, 1)


def fit_header_rows(document) -> None:
    """Give the header rows of each table the height their vertically merged cells need, so
    that Word and LibreOffice repeat them whole on the next page."""
    styles = _Styles(document)
    for tbl in document.element.body.iter(W.TBL):
        grid = tbl.find(W.TBLGRID)
        if grid is None:
            continue
        widths = [int(c.get(W.W) or 0) for c in grid.findall(W.GRIDCOL)]
        header = []
        for tr in tbl.findall(W.TR):
            if not _is_header(tr):
                break
            header.append(tr)
        if len(header) < 2:
            continue
        line_h = DEFAULT_SIZE * 10 * LINE
        # the height each header row needs for its own (unmerged) cells
        own = []
        for tr in header:
            need = 1
            for col, span, tc in _grid_cells(tr):
                if _vmerge(tc) is None:
                    _, _, runs = _cell_measure(tc, styles)
                    need = max(need, _lines(runs, sum(widths[col:col + span]) - 140))
            own.append(need * line_h + 60)
        for i, tr in enumerate(header):
            for col, span, tc in _grid_cells(tr):
                if _vmerge(tc) != "restart":
                    continue
                below = 1
                for tr2 in header[i + 1:]:
                    if any(c == col and _vmerge(t) == "continue" for c, _, t in _grid_cells(tr2)):
                        below += 1
                    else:
                        break
                _, _, runs = _cell_measure(tc, styles)
                height = _lines(runs, sum(widths[col:col + span]) - 140) * line_h + 60
                have = sum(own[i:i + below])
                if height > have:
                    # the first row of the merge grows (the rows below keep one line each)
                    own[i] += height - have
                    _set_height(tr, own[i])


def _set_height(tr, twips: float) -> None:
    trpr = W.props(tr)
    if trpr is None:
        trpr = OxmlElement("w:trPr")
        tr.insert(0, trpr)
    h = trpr.find(W.TRHEIGHT)
    if h is None:
        h = OxmlElement("w:trHeight")
        # CT_TrPr is a choice in any order; placed first like Word does
        trpr.insert(0, h)
    h.set(W.VAL, str(int(math.ceil(twips))))
    h.set(W.HRULE, "atLeast")


# --- text and paragraphs ------------------------------------------------------------------------

#: a colon ending a lead-in ("sebagai berikut :"), not one inside a formula ("17,64 : 4")
_LONE_COLON = re.compile(r" :(\s*)$")


def bind_colons(document) -> None:
    """"berikut :" with a no-break space: the colon stays on the line of its word."""
    for t in document.element.body.iter(W.T):
        if t.text and " :" in t.text:
            t.text = _LONE_COLON.sub("\u00a0:\\1", t.text)


def _keep_next(p) -> None:
    ppr = W.props(p)
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        p.insert(0, ppr)
    if ppr.find(W.KEEPNEXT) is not None:
        return
    kn = OxmlElement("w:keepNext")
    # schema order: pStyle first, keepNext right after it
    ps = ppr.find(W.PSTYLE)
    if ps is not None:
        ps.addnext(kn)
    else:
        ppr.insert(0, kn)


def keep_calculations(document) -> None:
    """The lines of one worked calculation (a formula title and its steps) on one page: every
    step is kept with the next step of the same calculation."""
    body = document.element.body
    for p in body.iter(W.P):
        if W.style_id(p) != STYLE_FORMULA:
            continue
        nxt = p.getnext()
        if nxt is not None and nxt.tag == W.P and W.style_id(nxt) == STYLE_FORMULA:
            _keep_next(p)
        elif nxt is not None and nxt.tag == W.P and W.style_id(nxt) == STYLE_FORMULA_TITLE:
            continue


def keep_signatures(document) -> None:
    """A signature block (the borderless table) never alone on its page: the paragraphs just
    above it are kept with it."""
    body = document.element.body
    for tbl in body.findall(W.TBL):
        style = W.prop(tbl, W.TBLSTYLE)
        if style is None or style.get(W.VAL) != "TabelTanpaGaris":
            continue
        prev = tbl.getprevious()
        kept = 0
        while prev is not None and prev.tag == W.P and kept < 2:
            _keep_next(prev)
            if _cell_text(prev):
                kept += 1
            prev = prev.getprevious()


def finish(document) -> None:
    """Every step of this module, in the order they depend on each other."""
    hide_empty_columns(document)
    fit_columns(document)
    fit_header_rows(document)
    bind_colons(document)
    keep_calculations(document)
    keep_signatures(document)
