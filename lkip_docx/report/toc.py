"""The lists of a report (Daftar Isi, Daftar Tabel, Daftar Gambar) as Word writes them itself: every
heading and caption a TOC field lists carries a hidden ``_Toc`` bookmark, and the field's result
holds one hyperlinked entry per paragraph with a ``PAGEREF`` field for its page number.

The result is rebuilt here from the document as rendered (any template: the paragraphs are chosen
by the field's own switches, as Word chooses them), so the entries always match the headings and
captions. Page numbers are a second step: a layout engine (LibreOffice, report/pdf.py) tells on
which physical page each bookmark falls, and ``fill_page_numbers`` writes the printed number of that
page (roman in the front matter, arabic from BAB I: read from each section's settings) into the
cached results. Word keeps them as fields and can still refresh them; every other viewer shows
the numbers written here.

Pure XML work on a python-docx document: no file, no process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from lkip_docx.report import ooxml as W

if TYPE_CHECKING:
    # Every node of the document is an lxml element (lxml has no type information here).
    from lxml.etree import _Element

#: Word's own prefix for the bookmarks of a table of contents (hidden in Word's bookmark list).
TOC_PREFIX = "_Toc"
#: Hidden bookmarks at the first paragraph of every section: where each page numbering starts.
SECTION_PREFIX = "_TocLkipSection"
#: Written as the page number until the layout is known: as wide as most real numbers, so the
#: entries wrap the same way before and after the numbers are filled in.
PLACEHOLDER = "00"
_FIRST_ID = 100_000
_SWITCH = re.compile(r'\\([a-z])(?:\s+"([^"]*)"|\s+([^\s\\"]+))?', re.IGNORECASE)
_BOOKMARK_NUMBER = re.compile(r"(Toc(?:LkipSection)?\d+)$")


@dataclass
class Entry:
    level: int
    text: str
    bookmark: str


@dataclass
class TocField:
    """One TOC field of the body: its instruction and the entries it lists."""

    instr: str
    entries: list[Entry] = field(default_factory=list)


# --- styles -------------------------------------------------------------------------------------

def _styles(document) -> dict[str, tuple[str, int | None]]:
    """styleId -> (lower-case name, outline level 0-8 or None), the level inherited through
    basedOn as Word does."""
    root = document.styles.element
    raw: dict[str, tuple[str, int | None, str | None]] = {}
    for s in root.iter(W.STYLE):
        if s.get(W.TYPE) != "paragraph":
            continue
        sid = s.get(W.STYLEID)
        name_el = s.find(W.NAME)
        name = (name_el.get(W.VAL) if name_el is not None else sid) or sid
        ppr = s.find(W.PPR)
        lvl = None if ppr is None else ppr.find(W.OUTLINELVL)
        based = s.find(W.BASEDON)
        raw[sid] = (name.lower(), int(lvl.get(W.VAL)) if lvl is not None else None,
                    based.get(W.VAL) if based is not None else None)
    out = {}
    for sid, (name, lvl, based) in raw.items():
        seen = {sid}
        while lvl is None and based in raw and based not in seen:
            seen.add(based)
            lvl, based = raw[based][1], raw[based][2]
        out[sid] = (name, lvl)
    return out


# --- which paragraphs a TOC field lists ---------------------------------------------------------

def parse_switches(instr: str) -> dict[str, str]:
    return {m.group(1).lower(): (m.group(2) if m.group(2) is not None else m.group(3) or "")
            for m in _SWITCH.finditer(instr)}


def _selector(instr: str, styles: dict[str, tuple[str, int | None]]):
    """A function (paragraph, its style id, the SEQ names it holds) -> TOC level (1-9) or None,
    after the switches Word reads: \\o (outline levels of heading styles), \\u (a paragraph's
    own outline level), \\t (named styles with their level) and \\c (paragraphs holding a SEQ
    field of that name)."""
    sw = parse_switches(instr)
    low = high = None
    if "o" in sw:
        m = re.match(r"\s*(\d)\s*-\s*(\d)", sw["o"] or "1-9")
        low, high = (int(m.group(1)), int(m.group(2))) if m else (1, 9)
    named: dict[str, int] = {}
    if sw.get("t"):
        parts = [x.strip() for x in re.split(r"[,;]", sw["t"])]
        for i in range(0, len(parts), 2):
            if parts[i]:
                level = parts[i + 1] if i + 1 < len(parts) else "1"
                named[parts[i].lower()] = int(level) if level.isdigit() else 1
    by_id = {sid: named[name] for sid, (name, _) in styles.items() if name in named}
    by_id.update({sid: lvl for sid_name, lvl in named.items() for sid in styles
                  if sid.lower() == sid_name})
    seq = sw.get("c")
    use_own = "u" in sw

    def select(p, sid: str | None, seqs: frozenset[str]) -> int | None:
        if sid in by_id:
            return by_id[sid]
        if low is not None and high is not None:
            lvl = None
            if use_own:
                own = W.prop(p, W.OUTLINELVL)
                if own is not None:
                    lvl = int(own.get(W.VAL))
            if lvl is None and sid in styles:
                lvl = styles[sid][1]
            if lvl is not None and low <= lvl + 1 <= high:
                return lvl + 1
        if seq and seq in seqs:
            return 1
        return None

    return select


def entry_text(p) -> str:
    """A paragraph's text as a list entry: a line break as a space, a tab kept ('\\t'), field
    codes left out. The text is otherwise as written (user text is never rewritten)."""
    out = []
    depth = 0
    code = False
    for node in p.iter(W.T, W.TAB, W.BR, W.FLDCHAR, W.CR):
        if node.tag == W.FLDCHAR:
            kind = node.get(W.FLDCHARTYPE)
            if kind == "begin":
                depth += 1
                code = True
            elif kind == "separate":
                code = False
            elif kind == "end" and depth:
                depth -= 1
                code = False
        elif code:
            continue
        elif node.tag == W.T:
            out.append(node.text or "")
        elif node.getparent().tag != W.R:
            continue  # a tab stop of the paragraph's settings, not a character
        elif node.tag == W.TAB:
            out.append("\t")
        elif not (out and out[-1].endswith(" ")):
            out.append(" ")  # a line break ("BAB I" / "PENDAHULUAN") reads as one space
    return "".join(out).strip()


# --- finding the TOC fields ---------------------------------------------------------------------

@dataclass
class _Span:
    instr: str
    begin_p: _Element
    end_p: _Element


def _toc_spans(body) -> list[_Span]:
    """Every TOC field whose begin and end are paragraphs of the body itself (as Word writes a
    table of contents)."""
    spans = []
    paras = [p for p in body if p.tag == W.P]
    depth = 0
    current: _Element | None = None
    instr: list[str] = []
    for p in paras:
        for node in p.iter(W.FLDCHAR, W.INSTRTEXT):
            if node.tag == W.INSTRTEXT:
                if current is not None and depth == 1:
                    instr.append(node.text or "")
                continue
            kind = node.get(W.FLDCHARTYPE)
            if kind == "begin":
                depth += 1
                if depth == 1:
                    current, instr = p, []
            elif kind == "end" and depth:
                depth -= 1
                if depth == 0 and current is not None:
                    text = "".join(instr).strip()
                    if text.split()[:1] == ["TOC"]:
                        spans.append(_Span(text, current, p))
                    current = None
    return spans


# --- building the result ------------------------------------------------------------------------

def _run(*children, rpr=None):
    r = OxmlElement("w:r")
    if rpr is not None:
        r.append(rpr)
    for c in children:
        r.append(c)
    return r


def _el(tag: str, **attrs):
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(k), v)
    return e


def _text(value: str):
    t = _el("w:t")
    t.text = value
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return t


def _field_runs(instr: str, dirty: bool = False) -> list:
    begin = _el("w:fldChar", **{"w:fldCharType": "begin"})
    if dirty:
        begin.set(W.DIRTY, "true")
    it = _el("w:instrText")
    it.text = f" {instr} "
    it.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return [_run(begin), _run(it), _run(_el("w:fldChar", **{"w:fldCharType": "separate"}))]


def _end_run():
    return _run(_el("w:fldChar", **{"w:fldCharType": "end"}))


def _entry_paragraph(style: str, entry: Entry):
    p = OxmlElement("w:p")
    ppr = _el("w:pPr")
    ppr.append(_el("w:pStyle", **{"w:val": style}))
    p.append(ppr)
    link = _el("w:hyperlink", **{"w:anchor": entry.bookmark, "w:history": "1"})
    for k, piece in enumerate(entry.text.split("\t")):
        if k:
            link.append(_run(_el("w:tab")))
        if piece:
            link.append(_run(_text(piece)))
    link.append(_run(_el("w:tab")))
    for r in _field_runs(f"PAGEREF {entry.bookmark} \\h"):
        link.append(r)
    # no number until the layout is known: Word fills it when it updates the fields
    link.append(_run(_text("")))
    link.append(_end_run())
    p.append(link)
    return p


def _entry_style(span: _Span, level: int, styles: dict) -> str:
    """The style of an entry: the one the template's own entries use when they are not TOC n
    styles (a list of tables in 'table of figures'), else TOC n as Word uses."""
    p = span.begin_p.getnext()
    while p is not None and p is not span.end_p:
        sid = W.style_id(p)
        if p.tag == W.P and sid and not sid.upper().startswith("TOC"):
            return sid
        p = p.getnext()
    if "o" not in parse_switches(span.instr):
        # a list of captions (tables, figures): Word's 'table of figures' style
        figures = [s for s, (name, _) in styles.items() if name == "table of figures"]
        if figures:
            return figures[0]
    sid = f"TOC{level}"
    if sid in styles:
        return sid
    by_name = [s for s, (name, _) in styles.items() if name == f"toc {level}"]
    return by_name[0] if by_name else "TOC1"


def _max_bookmark_id(body) -> int:
    ids = [int(b.get(W.ID)) for b in body.iter(W.BOOKMARKSTART)
           if (b.get(W.ID) or "").isdigit()]
    return max(ids + [_FIRST_ID])


def _add_bookmark(p, name: str, bid: int) -> None:
    start = _el("w:bookmarkStart", **{"w:id": str(bid), "w:name": name})
    end = _el("w:bookmarkEnd", **{"w:id": str(bid)})
    ppr = W.props(p)
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    start.addnext(end)


def _sections(body) -> list[tuple[_Element, _Element | None]]:
    """(sectPr, first paragraph of the section) of every section, in order."""
    out = []
    first = None
    for node in body.iter(W.P, W.SECTPR):
        if node.tag == W.P:
            if first is None:
                first = node
            continue
        parent = node.getparent()
        if parent.tag == W.PPR or parent is body:
            out.append((node, first))
            first = None
    return out


def _seq_names(body) -> dict[_Element, frozenset[str]]:
    """The SEQ fields (caption numbers) of each paragraph holding one, by name."""
    out: dict[_Element, set[str]] = {}
    for it in body.iter(W.INSTRTEXT):
        words = (it.text or "").split()
        if len(words) >= 2 and words[0].upper() == "SEQ":
            p = it.getparent()
            while p is not None and p.tag != W.P:
                p = p.getparent()
            if p is not None:
                out.setdefault(p, set()).add(words[1])
    return {p: frozenset(names) for p, names in out.items()}


def prepare(document) -> list[TocField]:
    """Bookmark every listed heading and caption and every section start, and rebuild each TOC
    field's result from the document (page numbers set to a placeholder)."""
    body = document.element.body
    styles = _styles(document)
    spans = _toc_spans(body)
    inside = set()
    for span in spans:
        node = span.begin_p
        while node is not None:
            inside.add(node)
            if node is span.end_p:
                break
            node = node.getnext()
    bid = _max_bookmark_id(body)
    marks: dict[_Element, str] = {}
    fields = []
    # each paragraph's style and SEQ fields read once, for all the lists
    seqs = _seq_names(body)
    candidates = [(p, W.style_id(p), seqs.get(p, frozenset())) for p in body.iter(W.P)
                  if p not in inside]
    for span in spans:
        f = TocField(span.instr)
        select = _selector(span.instr, styles)
        for p, sid, names in candidates:
            level = select(p, sid, names)
            if level is None:
                continue
            text = entry_text(p)
            if not text:
                continue
            if p not in marks:
                bid += 1
                marks[p] = f"{TOC_PREFIX}{bid}"
                _add_bookmark(p, marks[p], bid)
            f.entries.append(Entry(level, text, marks[p]))
        _replace_result(span, f, styles)
        fields.append(f)
    for n, (_sect, first) in enumerate(_sections(body), start=1):
        if first is not None:
            bid += 1
            _add_bookmark(first, f"{SECTION_PREFIX}{n}", bid)
    return fields


def _replace_result(span: _Span, f: TocField, styles: dict) -> None:
    """The field from its begin to its end paragraph replaced by one paragraph per entry, the
    first opening the field and the last closing it (Word's own shape)."""
    new = [_entry_paragraph(_entry_style(span, e.level, styles), e) for e in f.entries]
    begin_runs = _field_runs(span.instr, dirty=True)
    if not new:
        p = OxmlElement("w:p")
        ppr = _el("w:pPr")
        ppr.append(_el("w:pStyle", **{"w:val": W.style_id(span.begin_p) or "TOC1"}))
        p.append(ppr)
        new = [p]
    first, last = new[0], new[-1]
    anchor = W.props(first)
    for r in reversed(begin_runs):
        anchor.addnext(r)
    last.append(_end_run())
    # remove the old paragraphs, then put the new ones where the field was
    node = span.begin_p
    parent = node.getparent()
    index = parent.index(node)
    while True:
        nxt = node.getnext()
        parent.remove(node)
        if node is span.end_p or nxt is None:
            break
        node = nxt
    for offset, p in enumerate(new):
        parent.insert(index + offset, p)


# --- page numbers -------------------------------------------------------------------------------

def bookmark_key(destination: str) -> str | None:
    """The bookmark a PDF named destination stands for (a PDF writer may escape the leading
    underscore), or None for a destination that is not one of ours."""
    m = _BOOKMARK_NUMBER.search(destination)
    return "_" + m.group(1) if m else None


def page_labels(body, pages: dict[str, int], total: int) -> dict[int, str]:
    """The printed number of each physical page (1-based), from the sections' settings: a
    section with a start restarts there, one without continues the count, in its own format.
    ``pages`` gives the page of each section-start bookmark."""
    by_page = {}
    for n, (sect, _first) in enumerate(_sections(body), start=1):
        page = pages.get(f"{SECTION_PREFIX}{n}")
        if page is None:
            continue
        pg = sect.find(W.PGNUMTYPE)
        fmt = pg.get(W.FMT) if pg is not None else None
        start = pg.get(W.START) if pg is not None else None
        by_page[page] = (fmt, int(start) if start and start.isdigit() else None)
    labels: dict[int, str] = {}
    number, fmt = 0, None
    for page in range(1, total + 1):
        if page in by_page:
            fmt, start = by_page[page]
            number = start if start is not None else number + 1
        else:
            number += 1
        labels[page] = format_number(number, fmt)
    return labels


def format_number(n: int, fmt: str | None) -> str:
    if fmt in ("lowerRoman", "upperRoman"):
        r = _roman(n)
        return r.lower() if fmt == "lowerRoman" else r
    if fmt in ("lowerLetter", "upperLetter") and n > 0:
        s = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return s if fmt == "lowerLetter" else s.upper()
    return str(n)


def _roman(n: int) -> str:
    if n <= 0:
        return str(n)
    out = []
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def pageref_results(body) -> list[tuple[str, _Element]]:
    """(bookmark, the <w:t> holding its cached page number) of every PAGEREF field, in order."""
    out = []
    for it in body.iter(W.INSTRTEXT):
        m = re.match(r"\s*PAGEREF\s+(\S+)", it.text or "")
        if not m:
            continue
        run = it.getparent().getnext()
        separated = False
        while run is not None:
            char = run.find(W.FLDCHAR)
            if char is not None:
                kind = char.get(W.FLDCHARTYPE)
                if kind == "separate":
                    separated = True
                elif kind == "end":
                    break
            elif separated and run.find(W.T) is not None:
                out.append((m.group(1), run.find(W.T)))
                break
            run = run.getnext()
    return out


def fill_placeholders(body) -> None:
    """A placeholder as wide as most page numbers in every PAGEREF result, for measuring."""
    for _name, t in pageref_results(body):
        t.text = PLACEHOLDER


def fill_page_numbers(body, pages: dict[str, int], total: int) -> dict[str, str]:
    """Write each entry's printed page number into its PAGEREF result (an entry the layout did
    not place keeps the placeholder). Returns bookmark -> number written."""
    labels = page_labels(body, pages, total)
    written = {}
    for name, t in pageref_results(body):
        page = pages.get(name)
        t.text = labels.get(page, PLACEHOLDER) if page else PLACEHOLDER
        written[name] = t.text
    return written
