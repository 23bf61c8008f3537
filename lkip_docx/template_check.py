"""Checks a Word template before it is used: Jinja syntax, tags broken by Word's editing,
unbalanced ``{%tr for %}`` / ``{%p if %}`` blocks, and variables the data does not provide, each
reported with its place in the document (paragraph, or table/row/cell) and the offending text."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .problems import LkipError, Problem, error, warning

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PART_RE = re.compile(r"^word/(document|header\d*|footer\d*)\.xml$")
TAG_RE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
NEAR_MISS_RE = re.compile(r"\{\s+[{%]|[%}]\s+\}")
BLOCK_RE = re.compile(r"^\{%-?\s*(tr|tc|p|r)?\s*(\w+)")
OPENERS = {"for": "endfor", "if": "endif", "macro": "endmacro", "call": "endcall",
           "filter": "endfilter", "with": "endwith", "block": "endblock", "raw": "endraw"}
MIDDLES = {"else", "elif"}


def sniff_docx(path: Path) -> None:
    """LkipError unless ``path`` is a readable Word .docx package."""
    if not path.is_file():
        raise LkipError(error("template-not-found", "berkas templat tidak ditemukan", place=str(path)))
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            total = sum(i.file_size for i in zf.infolist())
    except (zipfile.BadZipFile, OSError):
        raise LkipError(error("template-not-docx", "templat bukan dokumen Word (.docx) atau rusak",
                              place=str(path))) from None
    if "word/document.xml" not in names:
        raise LkipError(error("template-not-docx", "templat bukan dokumen Word (.docx)",
                              place=str(path)))
    if total > 200 * 1024 * 1024:
        raise LkipError(error("template-too-large", "templat terlalu besar setelah diekstrak",
                              place=str(path)))


@dataclass
class _Tag:
    text: str
    place: str
    part: str
    split_formats: bool


def _part_label(name: str) -> str:
    base = name.split("/")[-1]
    if base == "document.xml":
        return "isi dokumen"
    if base.startswith("header"):
        return f"header ({base})"
    return f"footer ({base})"


def _parse(data: bytes):
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    return etree.fromstring(data, parser)


def _paragraph_places(root):
    """(paragraph element, human place) in document order, tables named by number/row/cell."""
    table_no = 0
    counters = {"p": 0}

    def walk(elem, where):
        nonlocal table_no
        for child in elem:
            tag = child.tag
            if tag == W + "p":
                counters["p"] += 1
                yield child, where or f"paragraf {counters['p']}"
            elif tag == W + "tbl":
                table_no += 1
                t = table_no
                rows = [tr for tr in child if tr.tag == W + "tr"]
                for r, tr in enumerate(rows, start=1):
                    cells = [tc for tc in tr if tc.tag == W + "tc"]
                    for cidx, tc in enumerate(cells, start=1):
                        yield from walk(tc, f"tabel {t} baris {r} kolom {cidx}")
            elif tag in (W + "body", W + "sdt", W + "sdtContent", W + "hdr", W + "ftr",
                         W + "customXml", W + "smartTag"):
                yield from walk(child, where)

    yield from walk(root, "")


def _runs_text(p):
    """Paragraph text and, per character, an id of the formatting of the run it came from."""
    from lxml import etree

    chars: list[str] = []
    fmt_ids: list[str] = []
    for r in p.iter(W + "r"):
        rpr = r.find(W + "rPr")
        key = etree.tostring(rpr) if rpr is not None else b""
        for t in r.iter(W + "t"):
            text = t.text or ""
            chars.append(text)
            fmt_ids.extend([key] * len(text))
    return "".join(chars), fmt_ids


def _scan(name: str, root, problems: list[Problem]) -> list[_Tag]:
    label = _part_label(name)
    tags: list[_Tag] = []
    for p, place in _paragraph_places(root):
        text, fmt_ids = _runs_text(p)
        if "{" not in text and "}" not in text:
            continue
        where = f"{label}, {place}"
        for m in NEAR_MISS_RE.finditer(text):
            problems.append(error("template-tag-broken",
                                  f"tag rusak (ada spasi di dalam kurung kurawal): "
                                  f"{_snippet(text, m.start())!r}", place=where))
        consumed = [False] * len(text)
        for m in TAG_RE.finditer(text):
            for i in range(m.start(), m.end()):
                consumed[i] = True
            split = len(set(fmt_ids[m.start():m.end()])) > 1
            tags.append(_Tag(m.group(), where, name, split))
        rest = "".join(ch if not consumed[i] else " " for i, ch in enumerate(text))
        for opener in ("{{", "{%", "{#"):
            idx = rest.find(opener)
            if idx >= 0:
                problems.append(error(
                    "template-tag-unclosed",
                    f"tag tidak ditutup di paragraf yang sama (tag terpotong atau melewati baris): "
                    f"{_snippet(text, idx)!r}", place=where))
        for closer in ("}}", "%}", "#}"):
            idx = rest.find(closer)
            if idx >= 0:
                problems.append(error("template-tag-unclosed",
                                      f"penutup tag tanpa pembuka: {_snippet(text, idx)!r}",
                                      place=where))
    return tags


def _snippet(text: str, idx: int, width: int = 40) -> str:
    start = max(0, idx - 10)
    return text[start:start + width]


def _check_blocks(tags: list[_Tag], problems: list[Problem]) -> None:
    stack: list[tuple[str, str, _Tag]] = []
    for tag in tags:
        if not tag.text.startswith("{%"):
            continue
        m = BLOCK_RE.match(tag.text)
        if not m:
            continue
        prefix, word = m.group(1) or "", m.group(2)
        if word in OPENERS:
            stack.append((word, prefix, tag))
        elif word in MIDDLES:
            # 'else' closes an if or a for (for-else); 'elif' only an if.
            if not stack or (word == "elif" and stack[-1][0] != "if"):
                problems.append(error("template-unbalanced",
                                      f"'{word}' tanpa 'if' pembuka: {tag.text!r}", place=tag.place))
        elif word.startswith("end"):
            opener = word[3:]
            if not stack:
                problems.append(error("template-unbalanced",
                                      f"'{word}' tanpa pembuka: {tag.text!r}", place=tag.place))
                continue
            top_word, top_prefix, top_tag = stack.pop()
            if top_word != opener:
                problems.append(error(
                    "template-unbalanced",
                    f"'{word}' menutup '{top_word}' yang dibuka di {top_tag.place} "
                    f"({top_tag.text!r})", place=tag.place))
            elif top_prefix != prefix:
                problems.append(error(
                    "template-unbalanced",
                    f"'{{%{prefix} {word} %}}' menutup '{{%{top_prefix} {top_word} ...%}}' yang "
                    f"dibuka di {top_tag.place}: awalan tr/tc/p harus sama", place=tag.place))
    for word, _prefix, tag in stack:
        problems.append(error("template-unbalanced",
                              f"'{word}' dibuka tetapi tidak pernah ditutup: {tag.text!r}",
                              place=tag.place))


def _jinja_problems(name: str, xml: str, env) -> tuple[list[Problem], set[str]]:
    from docxtpl import DocxTemplate
    from jinja2 import TemplateSyntaxError, meta

    patched = DocxTemplate.patch_xml(None, xml)
    lined = re.sub(r"<w:p([ >])", r"\n<w:p\1", patched)
    try:
        ast = env.parse(lined)
    except TemplateSyntaxError as exc:
        lines = lined.splitlines()
        around = lines[max(0, (exc.lineno or 1) - 2):(exc.lineno or 1) + 1]
        text = " ".join(re.sub(r"<[^>]+>", "", ln) for ln in around).strip()
        return [error("template-syntax", f"sintaks Jinja tidak sah ({exc.message}) di sekitar: "
                                         f"{text[:120]!r}", place=_part_label(name))], set()
    return [], meta.find_undeclared_variables(ast)


def check_template_file(path: Path | str, known: set[str] | None = None) -> list[Problem]:
    """Every problem of a template file, errors and warnings, without rendering it."""
    from .context import TOP_LEVEL_KEYS
    from .render import jinja_env

    path = Path(path)
    try:
        sniff_docx(path)
    except LkipError as exc:
        return exc.problems
    known = set(TOP_LEVEL_KEYS) if known is None else known
    problems: list[Problem] = []
    used: set[str] = set()
    env = jinja_env()
    with zipfile.ZipFile(path) as zf:
        parts = sorted((n for n in zf.namelist() if PART_RE.match(n)),
                       key=lambda n: (n != "word/document.xml", n))
        for name in parts:
            data = zf.read(name)
            try:
                root = _parse(data)
            except Exception:  # noqa: BLE001 - lxml raises XMLSyntaxError and friends
                problems.append(error("template-not-docx", "bagian dokumen rusak (XML tidak sah)",
                                      place=_part_label(name)))
                continue
            part_problems: list[Problem] = []
            tags = _scan(name, root, part_problems)
            _check_blocks(tags, part_problems)
            for tag in tags:
                if tag.split_formats:
                    part_problems.append(warning(
                        "template-tag-split",
                        f"tag terpecah dalam beberapa format huruf (mis. sebagian tebal): "
                        f"{tag.text!r}; ketik ulang tag itu dalam satu format", place=tag.place))
            problems.extend(part_problems)
            if not any(p.is_error for p in part_problems):
                jp, names = _jinja_problems(name, data.decode("utf-8", "replace"), env)
                problems.extend(jp)
                used |= names
    for name in sorted(used - known):
        problems.append(error("template-unknown-variable",
                              f"templat memakai variabel '{name}' yang tidak disediakan data "
                              "(lihat docs/template.md)", place=str(path.name)))
    return problems
