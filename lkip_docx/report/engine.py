"""The Word template engine: docxtpl and its Jinja environment, set up once for rendering
(render.py) and for checking templates (template_check.py). The only module importing docxtpl.

Templates travel between agencies, so a template is untrusted input: Jinja runs in its immutable
sandbox (no attribute of Python internals, no method that changes data), user text is escaped
(autoescape, braces protected from docxtpl's own escapes) and a variable the data lacks is an
error (StrictUndefined), never a blank.
"""

from __future__ import annotations

import marshal
import re
import zipfile
import zlib
from collections import OrderedDict
from pathlib import Path
from typing import Any, Callable

from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage, RichText, RichTextParagraph
from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment
from lxml import etree
from markupsafe import Markup, escape

from lkip_docx.problems import LkipError, error
from lkip_docx.report import compile_cache
from lkip_docx.report.richtext import PARAS

TEMPLATE_NAME = "report_template.docx"
MAIN_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
MAX_UNPACKED = 200 * 1024 * 1024
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def default_template() -> Path:
    """The template shipped inside the package (the layout of the reference LKIP)."""
    return Path(__file__).resolve().parent.parent / "templates" / TEMPLATE_NAME


# --- the Jinja environment ---------------------------------------------------------------------

def protect_braces(xml_text: str) -> str:
    """Braces of user text as character references: docxtpl rewrites '{_{', '}_}', '{_%' and
    '%_}' anywhere in the rendered XML (its escape for template authors), which would change a
    user's text; '&#123;' reads as '{' in Word but is not matched."""
    return xml_text.replace("{", "&#123;").replace("}", "&#125;")


def _finalize(value: Any) -> Any:
    """Every value printed by {{ }}: plain text is escaped here (autoescape leaves Markup alone)
    with its braces protected; docxtpl objects (paragraph blocks, images) pass through."""
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return Markup(protect_braces(str(escape(value))))
    return value


#: Prepared template parts kept per process, by the exact source: a batch worker renders the same
#: template for many workbooks, and preparing it costs more than filling it. Bounded, so a long
#: run over many different templates cannot grow without end. Behind it, the disk cache of
#: compile_cache.py serves single builds.
_MEMORY: OrderedDict[str, Any] = OrderedDict()
MEMORY_ENTRIES = 16


def _prepared(kind: str, source: str, make: Callable[[], Any],
              dump: Callable[[Any], bytes], undump: Callable[[bytes], Any]) -> Any:
    """``make()`` for ``source``, remembered in memory and on disk under ``kind``."""
    key = compile_cache.entry_key(kind, source)
    if key in _MEMORY:
        _MEMORY.move_to_end(key)
        return _MEMORY[key]
    value = None
    stored = compile_cache.load(kind, source)
    if stored is not None:
        try:
            value = undump(stored)
        except (ValueError, EOFError, TypeError, UnicodeDecodeError):
            value = None  # verified but unreadable (another Python wrote it): prepare again
    if value is None:
        value = make()
        compile_cache.store(kind, source, dump(value))
    _MEMORY[key] = value
    if len(_MEMORY) > MEMORY_ENTRIES:
        _MEMORY.popitem(last=False)
    return value


class ReportEnvironment(ImmutableSandboxedEnvironment):
    """The sandboxed environment every template part is compiled in; ``from_string`` reuses the
    compiled code of an identical source within this process."""

    def from_string(self, source, globals=None, template_class=None):  # noqa: A002 - Jinja's name
        if not isinstance(source, str) or template_class is not None:
            return super().from_string(source, globals, template_class)
        # Everything that changes the compiled code is in the kind: the sandbox, autoescape,
        # the undefined class and finalize (which adds calls around every output).
        kind = (f"jinja|{type(self).__qualname__}|{self.autoescape}|"
                f"{self.undefined.__name__}|{getattr(self.finalize, '__qualname__', None)}")
        code = _prepared(kind, source, lambda: self.compile(source), marshal.dumps,
                         marshal.loads)
        return self.template_class.from_code(self, code, self.make_globals(globals), None)


def jinja_env() -> ReportEnvironment:
    # Autoescape on: user text such as "Sarana & Prasarana <Kota>" must reach the XML escaped.
    return ReportEnvironment(undefined=StrictUndefined, autoescape=True, finalize=_finalize)


# --- docxtpl -----------------------------------------------------------------------------------

_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)
_SPECIAL_CHARS = re.compile("[\t\n\a\f]")


class ReportTemplate(DocxTemplate):
    """docxtpl's template with its XML clean-up remembered per process, its tab/line-break
    resolution applied only where needed, and its footnotes rendered once."""

    def patch_xml(self, src_xml):
        return _prepared("docxtpl-patch", src_xml, lambda: super(ReportTemplate, self).patch_xml(
            src_xml), lambda text: text.encode("utf-8"), lambda data: data.decode("utf-8"))

    def resolve_listing(self, xml):
        # docxtpl runs several regular expressions over every paragraph and run of the whole
        # document to turn \t \n \a \f into Word elements; only a few paragraphs hold one.
        # The same paragraph pattern is used, so each paragraph is resolved exactly as before.
        if not _SPECIAL_CHARS.search(xml):
            return xml
        resolve = super().resolve_listing
        return _PARAGRAPH.sub(
            lambda m: resolve(m.group(0)) if _SPECIAL_CHARS.search(m.group(0)) else m.group(0),
            xml)

    def render_footnotes(self, context, jinja_env=None):
        # docxtpl renders the footnotes part once per section of the document, so from the
        # second section on it would evaluate the text the first pass put in (a name holding
        # "{{ lkip.tahun }}" would print the year). Render the part exactly once.
        for part in self.docx.part.package.parts:
            if part.content_type == FOOTNOTES_TYPE:
                blob = part.blob.decode("utf-8") if isinstance(part.blob, bytes) else part.blob
                xml = self.render_xml_part(self.patch_xml(blob), part, context, jinja_env)
                part._blob = xml.encode("utf-8")


def patch_xml(xml: str) -> str:
    """The XML of a part as docxtpl hands it to Jinja (tags joined, level tags expanded)."""
    return DocxTemplate.patch_xml(None, xml)  # type: ignore[arg-type] # uses no instance state


def open_template(path: Path) -> ReportTemplate:
    """A template for ``path``, or LkipError for a file Word would not open either."""
    sniff_docx(path)
    try:
        tpl = ReportTemplate(str(path))
        tpl.init_docx()
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds on bad packages
        raise LkipError(error("template-unreadable",
                              "templat tidak dapat dibuka sebagai dokumen Word "
                              f"({type(exc).__name__})",
                              place=str(path))) from None
    return tpl


_TAB_RUN = "<w:r><w:tab/></w:r>"
_BREAK_RUN = "<w:r><w:br/></w:r>"


def _add_run(rt: RichText, text: str, bold: bool, italic: bool) -> None:
    """A run of a paragraph block, with its tabs (list labels) and line breaks (Alt+Enter in a
    cell) written as Word elements here, so docxtpl has nothing left to resolve afterwards."""
    if "\t" not in text and "\n" not in text:
        rt.add(text, bold=bold, italic=italic)
        return
    for i, line in enumerate(text.split("\n")):
        if i:
            rt.xml += _BREAK_RUN
        for j, piece in enumerate(line.split("\t")):
            if j:
                rt.xml += _TAB_RUN
            if piece:
                rt.add(piece, bold=bold, italic=italic)


def to_docxtpl(value: Any) -> Any:
    """The context with its paragraph-block markers (richtext.py) replaced by docxtpl objects."""
    if isinstance(value, dict):
        if PARAS in value:
            rp = RichTextParagraph()
            for para in value[PARAS]:
                rt = RichText()
                for text, bold, italic in para["runs"]:
                    _add_run(rt, text, bold, italic)
                rt.xml = protect_braces(rt.xml)  # run XML itself holds no braces
                rp.add(rt, parastyle=para["style"])
            return rp
        return {k: to_docxtpl(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_docxtpl(v) for v in value]
    return value


def inline_image(tpl: ReportTemplate, path: Path, width_mm: float) -> InlineImage:
    return InlineImage(tpl, str(path), width=Mm(width_mm))


# --- is it a Word document at all --------------------------------------------------------------

def sniff_docx(path: Path | str) -> None:
    """LkipError unless ``path`` is a readable Word .docx package (not .doc, .dotx or .docm)."""
    path = Path(path)
    where = str(path)
    if not path.is_file():
        raise LkipError(error("template-not-found", "berkas templat tidak ditemukan", place=where))
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise LkipError(error("template-unreadable", "berkas templat tidak dapat dibaca "
                              f"({exc.strerror or exc})", place=where)) from None
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            total = sum(i.file_size for i in zf.infolist())
            types = zf.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError,
            NotImplementedError, RuntimeError, ValueError):
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            # OLE2: Word 97-2003 .doc, or a .docx protected with a password.
            message = ("templat berformat Word lama (.doc) atau dilindungi kata sandi; buka di "
                       "Word lalu simpan sebagai Dokumen Word (.docx) tanpa kata sandi")
        else:
            message = "templat bukan dokumen Word (.docx) atau berkasnya rusak"
        raise LkipError(error("template-not-docx", message, place=where)) from None
    if "word/document.xml" not in names:
        raise LkipError(error("template-not-docx", "templat bukan dokumen Word (.docx)",
                              place=where))
    if total > MAX_UNPACKED:
        raise LkipError(error("template-too-large", "templat terlalu besar setelah diekstrak",
                              place=where))
    content_type = _main_content_type(types) or ""
    if content_type != MAIN_DOCX:
        # python-docx opens only a .docx main part: not a Word template or a macro document.
        kind = ("templat Word (.dotx/.dotm)" if "template" in content_type
                else "dokumen Word bermakro (.docm)" if "macroEnabled" in content_type
                else "bukan dokumen Word (.docx) yang lengkap")
        raise LkipError(error("template-not-docx",
                              f"berkas ini {kind}; buka di Word lalu simpan sebagai Dokumen Word "
                              "(.docx)", place=where))


def parse_xml(data: bytes):
    """An XML part of a package, parsed without entities or network access."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    return etree.fromstring(data, parser)


def _main_content_type(types_xml: bytes) -> str | None:
    """The content type [Content_Types].xml gives word/document.xml (its Override, else the
    Default for .xml), as python-docx reads it; None when there is none."""
    ns = "{http://schemas.openxmlformats.org/package/2006/content-types}"
    try:
        root = parse_xml(types_xml)
    except Exception:  # noqa: BLE001 - a damaged package
        return None
    for node in root.iter(ns + "Override"):
        if (node.get("PartName") or "").lower() == "/word/document.xml":
            return node.get("ContentType")
    for node in root.iter(ns + "Default"):
        if (node.get("Extension") or "").lower() == "xml":
            return node.get("ContentType")
    return None
