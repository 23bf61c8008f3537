"""Checks a Word template before it is used: Jinja syntax, tags broken by Word's editing,
misplaced or unbalanced ``{%tr for %}`` / ``{%p if %}`` blocks, and variables the data does not
provide, each reported with its place in the document (paragraph, or table/row/cell) and the
offending text.

The checks follow what docxtpl does to the XML before Jinja sees it (``DocxTemplate.patch_xml``):
a ``{%p``/``{%tr``/``{%tc`` tag replaces its whole paragraph/row/cell, runs inside one tag are
joined (keeping the first run's formatting), and curly quotes inside a tag become straight ones.
"""

from __future__ import annotations

import copy
import re
import string
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from jinja2 import TemplateSyntaxError, meta, nodes
from jinja2 import sandbox as jinja_sandbox
from jinja2.runtime import new_context
from lxml import etree

from lkip_docx import fmt
from lkip_docx.problems import LkipError, Problem, error, unique, warning
from lkip_docx.report import engine
from lkip_docx.report.context import TOP_LEVEL_KEYS
from lkip_docx.report.engine import jinja_env, parse_xml, patch_xml, sniff_docx
from lkip_docx.report.richtext import (
    STYLE_BODY,
    STYLE_FORMULA,
    STYLE_FORMULA_TITLE,
    STYLE_ITEM1,
    STYLE_ITEM2,
    STYLE_LEAD,
    STYLE_SUBTITLE,
    STYLE_TABLE_ITEM,
    STYLE_TABLE_TEXT,
    STYLE_TOC1,
    STYLE_TOC2,
    STYLE_TOF,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# docxtpl renders the body, every header and footer, and the footnotes.
PART_RE = re.compile(r"^word/(document|header\d*|footer\d*|footnotes)\.xml$")
# A tag ends at its first closer and never spans another opener, so "{{ a } } {{ b }}" is a
# broken tag followed by a good one, not one long tag.
TAG_RE = re.compile(r"\{\{(?:(?!\{\{|\{%).)*?\}\}|\{%(?:(?!\{\{|\{%).)*?%\}|\{#.*?#\}", re.DOTALL)
# On the text left once the good tags are removed (they are blanked with NUL): "{ {x}}",
# "{{ x } }", "{{ x %}" ...
BROKEN_TAG_RE = re.compile(r"\{\s*[{%#][^\x00]*?[%}#]\s*\}")
BROKEN_END_RE = re.compile(r"\{\s+[{%#]|[%}#]\s+\}")
OPENERS = {"for": "endfor", "if": "endif", "macro": "endmacro", "call": "endcall",
           "filter": "endfilter", "with": "endwith", "block": "endblock",
           "autoescape": "endautoescape", "set": "endset"}
CLOSERS = {v: k for k, v in OPENERS.items()}
MIDDLES = {"else", "elif"}
# Tags that need a template loader, which the report has not got.
UNSUPPORTED = {"include", "import", "from", "extends"}
# docxtpl's own tags inside a table cell: {% colspan n %}, {% cellbg c %}, {% vm %}, {% hm %}.
CELL_EXPR_RE = re.compile(r"\{%-?\s*(?:colspan|cellbg)\s+(.*?)\s*-?%\}$", re.DOTALL)
CELL_FLAG_RE = re.compile(r"\{%-?\s*(?:vm|hm)\s*-?%\}$")
# docxtpl finds a paragraph/row/cell tag only when nothing inside it is '%' or '}'.
LEVEL_TAG_RE = re.compile(r"\{[{%](?:tr|tc|p) [^}%]*(?:%\}|\}\})", re.DOTALL)
# What docxtpl's clean_tags() straightens inside a tag (Word's AutoCorrect "smart quotes").
QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})
# Run properties that Word changes without the user seeing a difference (spelling language,
# proofing); they are not "another format" for the split-tag warning.
INVISIBLE_RPR = {W + "lang", W + "noProof", W + "specVanish", W + "webHidden"}
# Core document properties docxtpl renders with Jinja, by their element in docProps/core.xml.
CORE_PROPERTIES = {"title": "{http://purl.org/dc/elements/1.1/}title",
                   "subject": "{http://purl.org/dc/elements/1.1/}subject",
                   "author": "{http://purl.org/dc/elements/1.1/}creator",
                   "comments": "{http://purl.org/dc/elements/1.1/}description",
                   "identifier": "{http://purl.org/dc/elements/1.1/}identifier",
                   "language": "{http://purl.org/dc/elements/1.1/}language"}
# Paragraph styles of the paragraphs the report generates ({{p ...}} blocks): a template without
# them still renders, but Word shows those paragraphs in its Normal style.
GENERATED_STYLES = (STYLE_BODY, STYLE_LEAD, STYLE_SUBTITLE, STYLE_ITEM1, STYLE_ITEM2, STYLE_FORMULA,
                    STYLE_FORMULA_TITLE, STYLE_TABLE_TEXT, STYLE_TABLE_ITEM, STYLE_TOC1, STYLE_TOC2,
                    STYLE_TOF)


# --- the paragraphs of a part, with their place ----------------------------------------------

@dataclass(eq=False)
class _Para:
    elem: object
    place: str
    text: str
    fmt_ids: list
    parent: object  # the element that holds the paragraph: body, cell, text box, header ...
    table: object | None
    row: object | None
    cell: object | None


@dataclass(eq=False)
class _Tag:
    text: str  # as written: "{%tr for r in x %}"
    start: int  # position in its paragraph's text
    para: _Para
    split_formats: bool
    prefix: str  # docxtpl's level: "", "p", "tr", "tc" or "r"
    delim: str  # "{{", "{%" or "{#"
    body: str  # what Jinja sees: prefix removed, quotes straightened: "{% for r in x %}"
    word: str  # first word of a {% %} statement ("for", "endif", "colspan" ...), else ""
    #: a broken or unclosed tag, read as it was probably meant ("{ % if x %}" as "{% if x %}")
    #: only so that the blocks around it are still checked; it is reported already.
    broken: bool = False

    @property
    def place(self) -> str:
        return self.para.place


def part_label(name: str) -> str:
    base = name.split("/")[-1]
    if base == "document.xml":
        return "isi dokumen"
    if base.startswith("header"):
        return f"header ({base})"
    if base.startswith("footer"):
        return f"footer ({base})"
    return f"catatan kaki ({base})"


_WRAPPERS = {W + "sdt", W + "sdtContent", W + "customXml", W + "smartTag", W + "ins",
             W + "moveTo"}
_CONTAINERS = _WRAPPERS | {W + "body", W + "hdr", W + "ftr", W + "footnotes", W + "footnote",
                           W + "endnotes", W + "endnote", W + "txbxContent"}


def _children(elem, tag):
    """Children of ``elem`` with ``tag``, looking through content controls and similar wrappers
    (a table row or cell may sit inside a w:sdt)."""
    for child in elem:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _owner(node, stop_tags):
    """The nearest ancestor of ``node`` whose tag is in ``stop_tags`` (None past the root)."""
    node = node.getparent()
    while node is not None and node.tag not in stop_tags:
        node = node.getparent()
    return node


def _own_text(p):
    """A paragraph's text and, per character, an id of the visible formatting of its run.

    Text boxes anchored in the paragraph are paragraphs of their own; Word's fallback copy of a
    text box for old versions (mc:Fallback) is the same text again and is not read twice."""

    pieces = [t for t in p.iter(W + "t") if _owner(t, {W + "p", MC_FALLBACK}) is p]
    text = "".join(t.text or "" for t in pieces)
    if "{" not in text and "}" not in text:
        return text, []  # no tag: the formats are never looked at
    fmt_ids: list = []
    for t in pieces:
        run = t.getparent()
        rpr = run.find(W + "rPr") if run is not None else None
        key = b""
        if rpr is not None:
            visible = etree.Element(rpr.tag)
            for prop in rpr:
                if prop.tag in INVISIBLE_RPR:
                    continue
                if prop.tag == W + "rFonts" and set(prop.attrib) <= {W + "hint"}:
                    continue
                visible.append(copy.deepcopy(prop))
            key = etree.tostring(visible) if len(visible) else b""
        fmt_ids.extend([key] * len(t.text or ""))
    return text, fmt_ids


def _paragraphs(root) -> list[_Para]:
    """Every paragraph of a part in document order. Places: 'paragraf N' counts the paragraphs
    outside tables (as python-docx's ``document.paragraphs``); a paragraph in a table is
    'tabel T baris R kolom C' (tables numbered in document order, nested ones included); one in a
    text box adds ', kotak teks K' to the place of the paragraph the box is anchored in."""
    out: list[_Para] = []
    counters = {"p": 0, "tbl": 0}

    def walk(elem, where, table, row, cell):
        for child in elem:
            tag = child.tag
            if tag == W + "p":
                if where is None:
                    counters["p"] += 1
                    place = f"paragraf {counters['p']}"
                else:
                    place = where
                text, fmt_ids = _own_text(child)
                out.append(_Para(child, place, text, fmt_ids, elem, table, row, cell))
                boxes = [b for b in child.iter(W + "txbxContent")
                         if _owner(b, {W + "p", MC_FALLBACK}) is child]
                for k, box in enumerate(boxes, start=1):
                    walk(box, f"{place}, kotak teks {k}", None, None, None)
            elif tag == W + "tbl":
                counters["tbl"] += 1
                t = counters["tbl"]
                for r, tr in enumerate(_children(child, W + "tr"), start=1):
                    for c, tc in enumerate(_children(tr, W + "tc"), start=1):
                        walk(tc, f"tabel {t} baris {r} kolom {c}", child, tr, tc)
            elif tag in _CONTAINERS:
                walk(child, where, table, row, cell)

    walk(root, None, None, None, None)
    return out


# --- tags in one paragraph -------------------------------------------------------------------

def _make_tag(text: str, start: int, para: _Para, split: bool, broken: bool = False) -> _Tag:
    # Exactly docxtpl's patterns: "{%p " "{{tr " "{#tc " ... (a space right after the level), and
    # "{{r"/"{%r" followed by any white space.
    m = re.match(r"(\{\{|\{%|\{#)(tr|tc|p) ", text) or re.match(r"(\{\{|\{%)(r)\s", text)
    if m:
        prefix, body = m.group(2), m.group(1) + text[m.end(2):]
    else:
        prefix, body = "", text
    body = body.translate(QUOTES)
    delim = body[:2]
    w = re.match(r"\{%-?\s*(\w+)", body) if delim == "{%" else None
    return _Tag(text, start, para, split, prefix, delim, body, w.group(1) if w else "", broken)


def _snippet(text: str, idx: int, width: int = 40) -> str:
    start = max(0, idx - 10)
    return text[start:start + width]


def _scan(para: _Para, label: str, problems: list[Problem]) -> list[_Tag]:
    text, fmt_ids = para.text, para.fmt_ids
    if not any(ch in text for ch in "{}"):
        return []
    where = f"{label}, {para.place}"
    tags: list[_Tag] = []
    rest = list(text)
    for m in TAG_RE.finditer(text):
        split = len(set(fmt_ids[m.start():m.end()])) > 1
        tags.append(_make_tag(m.group(), m.start(), para, split))
        rest[m.start():m.end()] = "\x00" * (m.end() - m.start())
    left = "".join(rest)
    for pattern in (BROKEN_TAG_RE, BROKEN_END_RE):
        for m in pattern.finditer(left):
            problems.append(error("template-tag-broken",
                                  "tag rusak (kurung kurawal terpisah spasi atau pembuka/penutup "
                                  f"tidak sepasang): {_snippet(text, m.start())!r}", place=where))
            rest[m.start():m.end()] = "\x00" * (m.end() - m.start())
            if pattern is BROKEN_TAG_RE:
                meant = re.sub(r"^\{\s*([{%#])", r"{\1", m.group())
                meant = re.sub(r"([%}#])\s*\}$", r"\1}", meant)
                tags.append(_make_tag(meant, m.start(), para, False, broken=True))
        left = "".join(rest)
    for opener in ("{{", "{%", "{#"):
        idx = left.find(opener)
        if idx >= 0:
            problems.append(error(
                "template-tag-unclosed",
                f"tag tidak ditutup di paragraf yang sama (tag terpotong atau melewati baris): "
                f"{_snippet(text, idx)!r}", place=where))
            tags.append(_make_tag(left[idx:].split("\x00")[0], idx, para, False, broken=True))
    tags.sort(key=lambda t: t.start)
    for closer in ("}}", "%}", "#}"):
        idx = left.find(closer)
        if idx >= 0:
            problems.append(error("template-tag-unclosed",
                                  f"penutup tag tanpa pembuka: {_snippet(text, idx)!r}",
                                  place=where))
    return tags


def _where(tag: _Tag, label: str) -> str:
    return f"{label}, {tag.place}"


# --- where docxtpl's paragraph, row and cell tags may stand ------------------------------------

#: {%tr %} and {%tc %}: the paragraph attribute holding their row or cell, and how the messages
#: name the tag, the place it belongs in, and that place when it is the tag's own.
_TABLE_TAG_UNITS = {
    "tr": ("row", "baris tabel", "baris tabel", "baris tabelnya"),
    "tc": ("cell", "kolom tabel", "sel tabel", "sel tabelnya"),
}


def _check_placement(tags: list[_Tag], paras: list[_Para], label: str,
                     problems: list[Problem]) -> None:
    """A {%p %}/{{p }} tag replaces its whole paragraph, {%tr %} its row, {%tc %} its cell:
    anything else there would silently vanish from the report (or unbalance the blocks)."""
    for tag in tags:
        if tag.prefix not in ("p", "tr", "tc") or tag.broken:
            continue
        para = tag.para
        if tag.prefix == "p":
            unit, scope = [para], "paragrafnya"
        else:
            attr, what, where, scope = _TABLE_TAG_UNITS[tag.prefix]
            container = getattr(para, attr)
            if container is None:
                problems.append(error("template-tag-misplaced",
                                      f"tag {what} {tag.text!r} berada di luar tabel; "
                                      f"letakkan di {where} tersendiri",
                                      place=_where(tag, label)))
                continue
            unit = [p for p in paras if getattr(p, attr) is container]
        other = "".join(p.text if p is not para else
                        p.text[:tag.start] + p.text[tag.start + len(tag.text):] for p in unit)
        if other.strip():
            problems.append(error(
                "template-tag-misplaced",
                f"tag {tag.text!r} harus sendirian di {scope}: docxtpl mengganti seluruh "
                f"{scope.removesuffix('nya')} dengan tag itu, sehingga {other.strip()[:40]!r} "
                "hilang; pindahkan isi lain ke paragraf/baris lain", place=_where(tag, label)))


# --- block structure -------------------------------------------------------------------------

def _container(tag: _Tag):
    """What a block's opening and closing tags must share: the table for {%tr %}, the row for
    {%tc %}, the element holding the paragraphs for {%p %}, one paragraph for a plain tag."""
    if tag.prefix == "tr":
        return tag.para.table
    if tag.prefix == "tc":
        return tag.para.row
    if tag.prefix == "p":
        return tag.para.parent
    return tag.para.elem


_SCOPE = {"tr": "tabel yang sama", "tc": "baris tabel yang sama",
          "p": "bagian dokumen yang sama (badan teks, sel atau kotak teks yang sama)",
          "": "paragraf yang sama (untuk blok antarparagraf pakai {%p ... %} di paragraf "
              "tersendiri)", "r": "paragraf yang sama"}


def _check_blocks(tags: list[_Tag], label: str, problems: list[Problem]) -> None:
    stack: list[_Tag] = []
    raw: _Tag | None = None

    def bad(message: str, tag: _Tag) -> None:
        problems.append(error("template-unbalanced", message, place=_where(tag, label)))

    def same_level(tag: _Tag, top: _Tag) -> bool:
        if tag.prefix != top.prefix:
            bad(f"{tag.text!r} tidak sepadan dengan {top.text!r} yang dibuka di {top.place}: "
                "awalan tr/tc/p harus sama", tag)
            return False
        if _container(tag) is not _container(top):
            bad(f"{tag.text!r} harus berada di {_SCOPE[tag.prefix]} dengan {top.text!r} "
                f"(dibuka di {top.place})", tag)
            return False
        return True

    for tag in tags:
        if tag.delim != "{%":
            continue
        word = tag.word
        if raw is not None:
            if word == "endraw":
                raw = None
            continue
        if word == "raw":
            raw = tag
        elif word in OPENERS and not (word == "set" and "=" in tag.body):
            stack.append(tag)
        elif word in MIDDLES:
            if not stack or stack[-1].word not in (("if",) if word == "elif" else ("if", "for")):
                bad(f"'{word}' tanpa 'if' pembuka: {tag.text!r}", tag)
            else:
                same_level(tag, stack[-1])
        elif word in CLOSERS or word == "endraw":
            if not stack:
                bad(f"'{word}' tanpa pembuka: {tag.text!r}", tag)
                continue
            top = stack.pop()
            if OPENERS[top.word] != word:
                bad(f"'{word}' menutup '{top.word}' yang dibuka di {top.place} ({top.text!r})", tag)
            else:
                same_level(tag, top)
    for tag in stack + ([raw] if raw is not None else []):
        bad(f"'{tag.word}' dibuka tetapi tidak pernah ditutup: {tag.text!r}", tag)


# --- Jinja syntax and variables --------------------------------------------------------------

def _alone(tag: _Tag) -> str | None:
    """The Jinja source that checks one tag on its own, or None when it needs no check alone
    (comments, closing tags, docxtpl's {% vm %}/{% hm %})."""
    body, word = tag.body, tag.word
    if tag.delim == "{#":
        return None
    if tag.delim == "{{":
        return body
    m = CELL_EXPR_RE.match(body)
    if m:
        return f"{{{{ {m.group(1)} }}}}"
    if CELL_FLAG_RE.match(body) or word in CLOSERS or word in ("raw", "endraw"):
        return None
    if word in OPENERS and not (word == "set" and "=" in body):
        return body + "{% " + OPENERS[word] + " %}"
    if word in MIDDLES:
        return "{% if true %}" + body + "{% endif %}"
    return body


def _stream(tags: list[_Tag]) -> tuple[str, list[_Tag]]:
    """The tags of a part alone, one per line, as Jinja would see them; and line -> tag."""
    lines: list[str] = []
    by_line: list[_Tag] = []
    for tag in tags:
        cell_expr = CELL_EXPR_RE.match(tag.body) if tag.delim == "{%" else None
        if cell_expr:
            src = f"{{{{ {cell_expr.group(1)} }}}}"
        elif tag.delim == "{%" and CELL_FLAG_RE.match(tag.body):
            src = ""
        else:
            src = tag.body
        lines.append(src)
        by_line.extend([tag] * (src.count("\n") + 1))
    return "\n".join(lines), by_line


def _inside_raw(tags: list[_Tag]) -> set[int]:
    """ids of the tags between {% raw %} and {% endraw %}: text, not tags."""
    out: set[int] = set()
    raw = False
    for tag in tags:
        if tag.delim == "{%" and tag.word == "endraw":
            raw = False
        elif raw:
            out.add(id(tag))
        elif tag.delim == "{%" and tag.word == "raw":
            raw = True
    return out


def _syntax_problems(tags: list[_Tag], label: str, env) -> list[Problem]:

    problems = []
    literal = _inside_raw(tags)
    for tag in tags:
        if tag.broken or id(tag) in literal:
            continue
        if tag.word in UNSUPPORTED:
            problems.append(error("template-syntax",
                                  f"tag {tag.text!r} tidak didukung: templat laporan harus berdiri "
                                  "sendiri (tanpa include/import/extends)",
                                  place=_where(tag, label)))
            continue
        if (tag.prefix in ("p", "tr", "tc") and tag.delim != "{#"
                and not LEVEL_TAG_RE.fullmatch(tag.text)):
            problems.append(error("template-syntax",
                                  f"tag {tag.text!r} memuat '%' atau '}}' sehingga docxtpl tidak "
                                  "mengenalinya sebagai tag paragraf/baris/kolom",
                                  place=_where(tag, label)))
            continue
        src = _alone(tag)
        if src is None:
            continue
        try:
            _parse(env, src)
        except TemplateSyntaxError as exc:
            problems.append(error("template-syntax",
                                  f"sintaks Jinja tidak sah ({exc.message}): {tag.text!r}",
                                  place=_where(tag, label)))
    return problems


def _guarded(ast) -> set[int]:
    """ids of Name nodes used only as ``x|default(...)`` or ``x is defined``: a template may ask
    about a variable it cannot be sure of."""

    out = set()
    for f in ast.find_all(nodes.Filter):
        if f.name in ("default", "d") and isinstance(f.node, nodes.Name):
            out.add(id(f.node))
    for t in ast.find_all(nodes.Test):
        if t.name in ("defined", "undefined") and isinstance(t.node, nodes.Name):
            out.add(id(t.node))
    return out



# --- what a template may do (the sandbox and the bounds of engine.py) --------------------------

#: Functions a template may call besides its own macros (and ``caller``).
ALLOWED_FUNCTIONS = frozenset({"range", "dict", "cycler", "joiner"})
#: Jinja's functions a report template may not use, and why.
FORBIDDEN_FUNCTIONS = {
    "lipsum": "fungsi 'lipsum' (teks contoh) tidak diizinkan di templat laporan",
    "namespace": "fungsi 'namespace' tidak diizinkan: templat laporan tidak perlu menumpuk nilai "
                 "di dalam perulangan (angka dan kalimat sudah disiapkan data)",
}
#: Methods a template may call: the ones engine.py lets it reach, and those of Jinja's helpers
#: (loop.cycle, loop.changed, cycler.next ...).
ALLOWED_METHODS = frozenset().union(*engine.SAFE_METHODS.values()) | {
    "cycle", "changed", "next", "reset"}
#: Attribute names that lead out of the report's data: methods of its kinds of value that are
#: not allowed (ljust, to_bytes ...), the internals of functions and generators, and what a
#: picture or a paragraph block leads to (the document, the file system). The data never uses
#: these names as keys (tests/test_template_safety.py checks it), so a tag naming one is refused.
REFUSED_ATTRIBUTES = frozenset(
    {name for kind in (str, bytes, int, float, dict, list, tuple, set, frozenset,
                       engine.Decimal) for name in dir(kind) if not name.startswith("_")}
    | {name for kind in (engine.InlineImage, engine.RichText, engine.RichTextParagraph,
                         engine.DocxTemplate) for name in dir(kind) if not name.startswith("_")}
    | set(jinja_sandbox.UNSAFE_FUNCTION_ATTRIBUTES) | set(jinja_sandbox.UNSAFE_METHOD_ATTRIBUTES)
    | set(jinja_sandbox.UNSAFE_GENERATOR_ATTRIBUTES)
    | set(jinja_sandbox.UNSAFE_COROUTINE_ATTRIBUTES)
    | set(jinja_sandbox.UNSAFE_ASYNC_GENERATOR_ATTRIBUTES)
    | {"f_globals", "f_locals", "f_builtins", "f_back", "f_code", "tb_frame", "tb_next"}
) - ALLOWED_METHODS
#: Pictures: printed alone ({{ logo }}), nothing else.
PICTURES = frozenset({"logo", "bagan"})
#: Filters that take the name of an attribute as an argument (attribute='x' or the first one).
ATTRIBUTE_FILTERS = frozenset({"map", "selectattr", "rejectattr", "sort", "groupby", "unique",
                               "sum", "min", "max", "join", "dictsort"})
_UNKNOWN = object()


def _names_stored(node) -> set[str]:
    """Names ``node`` (a target, a loop, a macro ...) assigns, itself included."""
    return {n.name for n in [node, *node.find_all(nodes.Name)]
            if isinstance(n, nodes.Name) and n.ctx in ("store", "param")}


def _recursive_macros(ast) -> list:
    """Macros that call themselves, directly or through other macros of the part."""
    macros = list(ast.find_all(nodes.Macro))
    names = {m.name for m in macros}
    calls: dict[str, set[str]] = {name: set() for name in names}
    for m in macros:
        calls[m.name] |= {c.node.name for c in m.find_all(nodes.Call)
                          if isinstance(c.node, nodes.Name) and c.node.name in names}
    out = []
    for macro in macros:
        seen: set[str] = set()
        todo = list(calls[macro.name])
        while todo:
            callee = todo.pop()
            if callee == macro.name:
                out.append(macro)
                break
            if callee not in seen:
                seen.add(callee)
                todo.extend(calls[callee])
    return out


def _refused_format_field(text: str) -> str | None:
    """A '{0.__class__}' field of a format string: the attribute it reaches, or None."""
    try:
        for _literal, name, _spec, _conversion in string.Formatter().parse(text):
            for part in re.split(r"[.\[\]]", name or "")[1:]:
                if part.startswith("_"):
                    return part
    except ValueError:
        return None
    return None


def _unsafe_findings(ast, env) -> list[tuple[int, str, str]]:
    """(line, code, message) for every construct of ``ast`` the sandbox refuses or that cannot
    belong in a report template, and every size written in the template that passes a bound."""
    out: list[tuple[int, str, str]] = []

    def add(node, message: str, code: str = "template-unsafe") -> None:
        out.append((node.lineno, code, message))

    macros = {m.name for m in ast.find_all(nodes.Macro)}
    assigned = set()
    for node in ast.find_all((nodes.Assign, nodes.AssignBlock)):
        assigned |= _names_stored(node.target)
    for node in ast.find_all(nodes.Getattr):
        attr = node.attr
        if attr.startswith("_"):
            add(node, f"akses ke atribut internal '{attr}' tidak diizinkan")
        elif isinstance(node.node, nodes.Name) and node.node.name in PICTURES:
            add(node, f"'{node.node.name}' adalah gambar: tampilkan dengan "
                      f"{{{{ {node.node.name} }}}} saja, tanpa '.{attr}'")
        elif attr in REFUSED_ATTRIBUTES:
            add(node, f"'.{attr}' tidak diizinkan di templat (bukan data laporan atau metode "
                      "yang diizinkan; lihat docs/template.md)")
    for node in ast.find_all(nodes.Getitem):
        key = node.arg.value if isinstance(node.arg, nodes.Const) else None
        if isinstance(key, str) and key.startswith("_"):
            add(node, f"akses ke atribut internal '{key}' tidak diizinkan")
        elif isinstance(node.node, nodes.Name) and node.node.name in PICTURES:
            add(node, f"'{node.node.name}' adalah gambar: tampilkan dengan "
                      f"{{{{ {node.node.name} }}}} saja")
    for node in ast.find_all(nodes.Name):
        if node.ctx == "load" and node.name in FORBIDDEN_FUNCTIONS:
            add(node, FORBIDDEN_FUNCTIONS[node.name])
    for node in ast.find_all(nodes.Filter):
        if node.name not in env.filters:
            add(node, f"filter '{node.name}' tidak dikenal", "template-syntax")
        elif node.name == "attr":
            add(node, "filter 'attr' tidak diizinkan; tulis x.nama atau x['nama']")
        elif node.name in ATTRIBUTE_FILTERS:
            for arg in list(node.args) + [kw.value for kw in node.kwargs]:
                value = arg.value if isinstance(arg, nodes.Const) else None
                if isinstance(value, str) and any(p.startswith("_") for p in value.split(".")):
                    add(node, f"filter '{node.name}' memakai atribut internal '{value}'")
    for node in ast.find_all(nodes.Test):
        if node.name not in env.tests:
            add(node, f"uji 'is {node.name}' tidak dikenal", "template-syntax")
    for node in ast.find_all(nodes.Call):
        callee = node.node
        if isinstance(callee, nodes.Name):
            name = callee.name
            if (name in ALLOWED_FUNCTIONS or name in macros or name in assigned
                    or name in FORBIDDEN_FUNCTIONS or name in ("caller", "loop")):
                continue
            add(node, f"'{name}(...)': '{name}' bukan fungsi templat dan tidak boleh dipanggil "
                      "(yang boleh: range, dict, cycler, joiner, makro templat itu sendiri)")
        elif isinstance(callee, nodes.Getattr):
            if callee.attr in ("format", "format_map") and isinstance(callee.node, nodes.Const):
                field = _refused_format_field(str(callee.node.value))
                if field:
                    add(node, f"format teks mengakses atribut internal '{field}'")
            if callee.attr not in ALLOWED_METHODS and not callee.attr.startswith("_") \
                    and callee.attr not in REFUSED_ATTRIBUTES:
                add(node, f"'.{callee.attr}(...)' bukan metode yang diizinkan di templat")
        else:
            add(node, "hanya fungsi templat, makro dan metode yang diizinkan yang boleh "
                      "dipanggil")
    for node in ast.find_all(nodes.For):
        if node.recursive:
            add(node, "perulangan rekursif ('recursive') tidak diizinkan: data laporan tidak "
                      "bertingkat")
    for macro in _recursive_macros(ast):
        add(macro, f"makro '{macro.name}' memanggil dirinya sendiri (rekursi); tidak diizinkan")
    out.extend(_work_findings(ast, env))
    return out


def _work_findings(ast, env) -> list[tuple[int, str, str]]:
    """Sizes written in the template that pass a bound of engine.py: every expression whose
    values are all written in the template (a literal, or a {% set %} of one at the top level),
    evaluated with the render's own checks, and loops nested over such sizes."""
    out: list[tuple[int, str, str]] = []
    context = new_context(env, None, {}, None, False, env.globals)
    values: dict[int, object] = {}
    constants: dict[str, object] = {}
    unstable = set()
    for node in ast.find_all(nodes.Node):
        if isinstance(node, (nodes.For, nodes.Macro, nodes.CallBlock, nodes.If, nodes.With,
                             nodes.FilterBlock, nodes.AssignBlock)):
            unstable |= _names_stored(node)

    def items(nodes_: list) -> list | None:
        got = [value(n) for n in nodes_]
        return None if any(v is _UNKNOWN for v in got) else got

    def compute(node):
        if isinstance(node, nodes.Const):
            return node.value
        if isinstance(node, nodes.Name):
            return constants.get(node.name, _UNKNOWN) if node.ctx == "load" else _UNKNOWN
        if isinstance(node, (nodes.List, nodes.Tuple)):
            got = items(node.items)
            return _UNKNOWN if got is None else (list(got) if isinstance(node, nodes.List)
                                                 else tuple(got))
        if isinstance(node, nodes.BinExpr):
            left, right = value(node.left), value(node.right)
            if left is _UNKNOWN or right is _UNKNOWN:
                return _UNKNOWN
            return env.call_binop(context, node.operator, left, right)
        if isinstance(node, nodes.Concat):
            got = items(node.nodes)
            return _UNKNOWN if got is None else env.filters[engine.CONCAT_FILTER](context, got)
        if isinstance(node, nodes.Filter) and node.node is not None and node.name in env.filters \
                and node.dyn_args is None and node.dyn_kwargs is None:
            args = items(list(node.args))
            kwargs = {kw.key: value(kw.value) for kw in node.kwargs}
            if args is None or _UNKNOWN in kwargs.values():
                return _UNKNOWN
            subject = value(node.node)
            if subject is _UNKNOWN:
                # The value comes from the data: its arguments alone may pass a bound
                # (center(10**9), batch(10**9) ...).
                engine.check_filter(node.name, ("", *args), kwargs)
                return _UNKNOWN
            return env.filters[node.name](context, subject, *args, **kwargs)
        if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) \
                and node.node.name in ("range", "lipsum") and not node.kwargs \
                and node.dyn_args is None and node.dyn_kwargs is None:
            got = items(node.args)
            return _UNKNOWN if got is None else env.globals[node.node.name](*got)
        if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Getattr) \
                and node.node.attr in ALLOWED_METHODS \
                and node.dyn_args is None and node.dyn_kwargs is None:
            got = items([node.node.node] + list(node.args))
            kwargs = {kw.key: value(kw.value) for kw in node.kwargs}
            if got is None or _UNKNOWN in kwargs.values():
                return _UNKNOWN
            method = env.getattr(got[0], node.node.attr)
            return env.call(context, method, *got[1:], **kwargs)
        if isinstance(node, nodes.Output):
            for child in node.nodes:  # printed: a list or mapping becomes its text
                if isinstance(child, nodes.TemplateData) or value(child) is _UNKNOWN:
                    continue
                try:
                    env.finalize(value(child))
                except engine.TemplateLimitError as exc:
                    out.append((child.lineno, "template-too-much-work", exc.message))
        return _UNKNOWN

    def value(node):
        key = id(node)
        if key not in values:
            try:
                values[key] = compute(node)
            except engine.TemplateLimitError as exc:
                out.append((node.lineno, "template-too-much-work", exc.message))
                values[key] = _UNKNOWN
            except Exception:  # noqa: BLE001 - a failure of its own (1/0) is the render's
                values[key] = _UNKNOWN
        return values[key]

    def loops(node, factor: int) -> None:
        for child in node.iter_child_nodes():
            if isinstance(child, nodes.For):
                iterable = value(child.iter)
                size = len(iterable) if isinstance(iterable, (range, list, tuple, str)) else 1
                if factor * size > engine.MAX_STEPS:
                    out.append((child.lineno, "template-too-much-work",
                                f"perulangan bersarang berjalan {fmt.number(factor * size, 0)} "
                                f"kali, melampaui batas {fmt.number(engine.MAX_STEPS, 0)} "
                                "langkah"))
                    continue
                loops(child, factor * size)
            else:
                loops(child, factor)

    with engine.render_limits() as guard, guard.running():
        try:
            for statement in ast.body:
                for node in [statement, *statement.find_all((nodes.Expr, nodes.Output))]:
                    value(node)
                if isinstance(statement, nodes.Assign) \
                        and isinstance(statement.target, nodes.Name) \
                        and statement.target.name not in unstable:
                    constants[statement.target.name] = value(statement.node)
            loops(ast, 1)
        except engine.TemplateLimitError as exc:  # the check's own bounds (time, memory)
            out.append((ast.lineno, "template-too-much-work", str(exc)))  # its message
    return out


def _safety_problems(findings: list[tuple[int, str, str]], by_line: list[_Tag] | None,
                     label: str, text: str | None = None) -> list[Problem]:
    """Problems of _unsafe_findings, at the tag of each line (at ``label`` without lines, showing
    ``text`` when given)."""
    problems = []
    for line, code, message in sorted(findings, key=lambda f: f[0]):
        if by_line:
            tag = by_line[min(max(line - 1, 0), len(by_line) - 1)]
            problems.append(error(code, f"{message}: {tag.text!r}", place=_where(tag, label)))
        else:
            shown = f": {text[:80]!r}" if text else ""
            problems.append(error(code, message + shown, place=label))
    return problems


def _parse(env, source: str):
    """env.parse; a tag nested too deep for the parser is a syntax error too."""
    try:
        return env.parse(source)
    except RecursionError:
        raise TemplateSyntaxError("tag terlalu bersarang", 1) from None


def _part_problems(name: str, xml: str, tags: list[_Tag], known: set[str], env) -> list[Problem]:
    """For a part whose every tag is sound on its own: the syntax of the tags together
    (cross-tag mistakes, at the tag of the failing line), then of the XML exactly as docxtpl hands
    it to Jinja (a part-level backstop); then the variables the part uses that the data does not
    provide, at each place they are used."""

    label = part_label(name)
    problems: list[Problem] = []
    source, by_line = _stream(tags)
    try:
        stream_ast = _parse(env, source)
    except TemplateSyntaxError as exc:
        line = min(max((exc.lineno or 1) - 1, 0), len(by_line) - 1)
        where = _where(by_line[line], label) if by_line else label
        text = by_line[line].text if by_line else ""
        return [error("template-syntax", f"sintaks Jinja tidak sah ({exc.message}): {text!r}",
                      place=where)]
    patched = patch_xml(xml)
    lined = re.sub(r"<w:p([ >])", r"\n<w:p\1", patched)
    try:
        ast = _parse(env, lined)
    except TemplateSyntaxError as exc:
        lines = lined.splitlines()
        around = lines[max(0, (exc.lineno or 1) - 2):(exc.lineno or 1) + 1]
        text = " ".join(re.sub(r"<[^>]+>", "", ln) for ln in around).strip()
        return [error("template-syntax", f"sintaks Jinja tidak sah ({exc.message}) di sekitar: "
                                         f"{text[:120]!r}", place=label)]
    # What the template may not do, at each tag; what only the patched XML shows (a tracked
    # deletion, a field code: docxtpl renders those too) at the part.
    visible_findings = _unsafe_findings(stream_ast, env)
    problems.extend(_safety_problems(visible_findings, by_line, label))
    shown = {message for _line, _code, message in visible_findings}
    problems.extend(_safety_problems(
        [f for f in _unsafe_findings(ast, env) if f[2] not in shown], None, label))
    try:
        unknown = meta.find_undeclared_variables(ast) - known
    except TemplateSyntaxError as exc:  # what Jinja's compiler asserts: a block defined twice ...
        if not problems:
            problems.append(error("template-syntax", f"templat tidak dapat diproses: "
                                                     f"{exc.message}", place=label))
        return problems
    guarded = _guarded(stream_ast)
    seen: dict[str, list[str]] = {n: [] for n in unknown}
    for node in stream_ast.find_all(nodes.Name):
        if node.ctx == "load" and node.name in unknown:
            if id(node) in guarded:
                continue
            line = min(max(node.lineno - 1, 0), len(by_line) - 1)
            where = _where(by_line[line], label)
            if where not in seen[node.name]:
                seen[node.name].append(where)
    # A name only the docxtpl-patched XML shows (in a tracked deletion, a field code ...) is
    # reported at the part; one whose every visible use is guarded is not reported.
    visible = {node.name for node in stream_ast.find_all(nodes.Name)}
    for n in unknown - visible:
        seen[n].append(label)
    for n in sorted(unknown):
        for where in seen[n]:
            problems.append(error("template-unknown-variable",
                                  f"templat memakai variabel '{n}' yang tidak disediakan data "
                                  "(lihat docs/template.md untuk daftar variabel)", place=where))
    return problems


def _core_problems(zf: zipfile.ZipFile, known: set[str], env) -> list[Problem]:
    """docxtpl also renders some document properties (title, subject, ...) with Jinja."""

    try:
        root = parse_xml(zf.read("docProps/core.xml"))
    except Exception:  # noqa: BLE001 - missing or unreadable: python-docx makes a fresh one
        return []
    problems = []
    for prop, tag in CORE_PROPERTIES.items():
        node = root.find(tag)
        text = (node.text or "") if node is not None else ""
        if not any(d in text for d in ("{{", "{%", "{#")):
            continue
        where = f"properti dokumen ({prop})"
        try:
            ast = _parse(env, text)
        except TemplateSyntaxError as exc:
            problems.append(error("template-syntax",
                                  f"sintaks Jinja tidak sah ({exc.message}): {text[:60]!r}",
                                  place=where))
            continue
        findings = _unsafe_findings(ast, env)
        problems.extend(_safety_problems(findings, None, where, text))
        try:
            undeclared = meta.find_undeclared_variables(ast)
        except TemplateSyntaxError as exc:
            if not findings:
                problems.append(error("template-syntax", f"templat tidak dapat diproses: "
                                                         f"{exc.message}", place=where))
            continue
        for n in sorted(undeclared - known):
            problems.append(error("template-unknown-variable",
                                  f"templat memakai variabel '{n}' yang tidak disediakan data",
                                  place=where))
    return problems


def _style_problems(zf: zipfile.ZipFile) -> list[Problem]:
    data = _read_part(zf, "word/styles.xml") if "word/styles.xml" in zf.namelist() else b""
    try:
        root = parse_xml(data) if data else None
    except Exception:  # noqa: BLE001 - an unreadable styles part: Word repairs it or refuses
        root = None
    defined = set() if root is None else {
        st.get(W + "styleId") for st in root.iter(W + "style") if st.get(W + "type") == "paragraph"}
    missing = [sid for sid in GENERATED_STYLES if sid not in defined]
    if not missing:
        return []
    return [warning("template-missing-style",
                    "templat tidak memiliki gaya paragraf (style ID) " + ", ".join(missing)
                    + " yang dipakai paragraf buatan lkip; paragraf itu akan tampil dengan gaya "
                    "Normal. Salin gaya itu dari templat bawaan (lihat docs/template.md)",
                    place="gaya dokumen (styles.xml)")]


def _read_part(zf: zipfile.ZipFile, name: str) -> bytes | None:
    try:
        return zf.read(name)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError,
            RuntimeError, ValueError):
        return None


def check_template_file(path: Path | str, known: set[str] | None = None) -> list[Problem]:
    """Every problem of a template file, errors and warnings, without rendering it."""
    path = Path(path)
    try:
        sniff_docx(path)
    except LkipError as exc:
        return exc.problems
    known = set(TOP_LEVEL_KEYS) if known is None else set(known)
    problems: list[Problem] = []
    env = jinja_env()
    with zipfile.ZipFile(path) as zf:
        parts = sorted((n for n in zf.namelist() if PART_RE.match(n)),
                       key=lambda n: (n != "word/document.xml", n))
        for name in parts:
            label = part_label(name)
            data = _read_part(zf, name)
            if data is None:
                problems.append(error("template-not-docx", "bagian dokumen rusak (isi zip tidak "
                                                           "dapat dibaca)", place=label))
                continue
            try:
                root = parse_xml(data)
            except Exception:  # noqa: BLE001 - lxml raises XMLSyntaxError and friends
                problems.append(error("template-not-docx", "bagian dokumen rusak (XML tidak sah)",
                                      place=label))
                continue
            part_problems: list[Problem] = []
            paras = _paragraphs(root)
            tags: list[_Tag] = []
            for para in paras:
                tags.extend(_scan(para, label, part_problems))
            _check_placement(tags, paras, label, part_problems)
            _check_blocks(tags, label, part_problems)
            part_problems.extend(_syntax_problems(tags, label, env))
            for tag in tags:
                if tag.split_formats:
                    part_problems.append(warning(
                        "template-tag-split",
                        f"tag terpecah dalam beberapa format huruf (mis. sebagian tebal): "
                        f"{tag.text!r}; hasilnya memakai format bagian pertama tag. Ketik ulang "
                        "tag itu dalam satu format", place=_where(tag, label)))
            problems.extend(part_problems)
            if not any(p.is_error for p in part_problems):
                problems.extend(_part_problems(name, data.decode("utf-8", "replace"), tags,
                                               known, env))
        problems.extend(_core_problems(zf, known, env))
        problems.extend(_style_problems(zf))
    return unique(problems)


def places_using(path: Path | str, name: str) -> list[str]:
    """Places of the tags that mention ``name`` (a variable or attribute), in document order;
    used to say where a variable the data lacks is used when rendering fails."""
    pattern = re.compile(rf"(?<![\w.]){re.escape(name)}\b|\.{re.escape(name)}\b")
    out: list[str] = []
    with zipfile.ZipFile(Path(path)) as zf:
        parts = sorted((n for n in zf.namelist() if PART_RE.match(n)),
                       key=lambda n: (n != "word/document.xml", n))
        for part in parts:
            data = _read_part(zf, part)
            if data is None:
                continue
            try:
                root = parse_xml(data)
            except Exception:  # noqa: BLE001 - a damaged part simply has no place to offer
                continue
            label = part_label(part)
            for para in _paragraphs(root):
                for tag in _scan(para, label, []):
                    if pattern.search(tag.body):
                        out.append(_where(tag, label))
    return out
