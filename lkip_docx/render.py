"""Rendering the Word report with docxtpl (with template_check.py, the only place using
docxtpl/jinja2).

The Jinja environment escapes every value (a name with ``&`` or ``<`` cannot corrupt the file) and
uses StrictUndefined (a variable the template uses but the data lacks is an error naming it, never
a blank). After rendering: cells holding only ``MERGE_UP`` are merged into the cell above, and the
document is set to refresh its fields (table of contents, page numbers) when Word opens it.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from .problems import LkipError, Problem, error
from .richtext import MERGE_UP, PARAS

TEMPLATE_NAME = "report_template.docx"
LOGO_WIDTH_MM = 32
CHART_WIDTH_MM = 150


def default_template() -> Path:
    return Path(__file__).with_name("templates") / TEMPLATE_NAME


def jinja_env():
    from jinja2 import StrictUndefined

    from .render_cache import CachingEnvironment

    # Autoescape on: user text such as "Sarana & Prasarana <Kota>" must reach the XML escaped.
    return CachingEnvironment(undefined=StrictUndefined, autoescape=True, finalize=_finalize)


def protect_braces(xml_text: str) -> str:
    """Braces of user text as character references: docxtpl rewrites '{_{', '}_}', '{_%' and
    '%_}' anywhere in the rendered XML (its escape for template authors), which would change a
    user's text; '&#123;' reads as '{' in Word but is not matched."""
    return xml_text.replace("{", "&#123;").replace("}", "&#125;")


def _finalize(value):
    """Every value printed by {{ }}: plain text is escaped here (autoescape leaves Markup alone)
    with its braces protected; docxtpl objects (paragraph blocks, images) pass through."""
    if isinstance(value, str) and not hasattr(value, "__html__"):
        from markupsafe import Markup, escape

        return Markup(protect_braces(str(escape(value))))
    return value


def _template_class():
    from docxtpl import DocxTemplate

    from .render_cache import cached_text

    class CachedDocxTemplate(DocxTemplate):
        """docxtpl's template with its XML clean-up (patch_xml) remembered between renders, and
        its tab/line-break resolution applied only to the paragraphs that need it."""

        def patch_xml(self, src_xml):
            return cached_text("docxtpl-patch", src_xml, super().patch_xml)

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
                if part.content_type == _FOOTNOTES_TYPE:
                    blob = part.blob.decode("utf-8") if isinstance(part.blob, bytes) else part.blob
                    xml = self.render_xml_part(self.patch_xml(blob), part, context, jinja_env)
                    part._blob = xml.encode("utf-8")

    return CachedDocxTemplate


_FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)
_SPECIAL_CHARS = re.compile("[\t\n\a\f]")


_TAB_RUN = "<w:r><w:tab/></w:r>"
_BREAK_RUN = "<w:r><w:br/></w:r>"


def _add_run(rt, text: str, bold: bool, italic: bool) -> None:
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


def _to_docxtpl(value, tpl):
    """Replace the paragraph-block markers of the context by docxtpl objects, recursively."""
    from docxtpl import RichText, RichTextParagraph

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
        return {k: _to_docxtpl(v, tpl) for k, v in value.items()}
    if isinstance(value, list):
        return [_to_docxtpl(v, tpl) for v in value]
    return value


def open_template(path: Path):
    """A DocxTemplate for ``path``, or LkipError for a file Word would not open either."""
    from .template_check import sniff_docx

    sniff_docx(path)
    try:
        tpl = _template_class()(str(path))
        tpl.init_docx()
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds on bad packages
        raise LkipError(error("template-unreadable",
                              "templat tidak dapat dibuka sebagai dokumen Word "
                              f"({type(exc).__name__})",
                              place=str(path))) from None
    return tpl


def render_report(results, workbook_path: Path | None = None, template: Path | str | None = None,
                  warnings: list[Problem] | None = None) -> bytes:
    """The rendered .docx as bytes. Raises LkipError for template errors; the template's warnings
    (a tag typed in two formats, a missing style) are appended to ``warnings`` when given."""
    from .context import build_context

    renderer = Renderer(template)
    data = renderer.render(build_context(results), workbook_path)
    if warnings is not None:
        warnings.extend(renderer.warnings)
    return data


class Renderer:
    """One template, checked and opened, ready to render one context.

    Split from render_report so that a separate process can prepare the template while the
    workbook is still being read (pipeline.py).
    """

    def __init__(self, template: Path | str | None = None):
        self.template_path = Path(template) if template else default_template()
        self.warnings: list[Problem] = []
        if template is not None:
            # An agency's template is checked first so that a broken tag is reported at its
            # place in the document; the bundled template is checked by the test suite instead.
            problems = checked_template(self.template_path)
            if any(p.is_error for p in problems):
                raise LkipError([p for p in problems if p.is_error])
            self.warnings.extend(problems)
        self.tpl = open_template(self.template_path)
        self.env = jinja_env()

    def render(self, context: dict, workbook_path: Path | str | None = None) -> bytes:
        """Render the context (from context.build_context) into .docx bytes, once."""
        from jinja2 import TemplateError, UndefinedError

        tpl = self.tpl
        workbook_path = Path(workbook_path) if workbook_path else None
        rendered = _to_docxtpl(context, tpl)
        rendered["logo"] = _image(tpl, context.get("logo_path"), workbook_path, LOGO_WIDTH_MM)
        rendered["bagan"] = _image(tpl, context.get("bagan_path"), workbook_path, CHART_WIDTH_MM)
        try:
            tpl.render(rendered, self.env, autoescape=True)
        except UndefinedError as exc:
            raise LkipError(undefined_problem(exc, self.template_path, rendered)) from None
        except TemplateError as exc:
            raise LkipError(error("template-syntax", f"templat tidak dapat diproses: {exc}",
                                  place=str(self.template_path))) from None
        merge_marked_cells(tpl.docx)
        set_update_fields(tpl.docx)
        buffer = io.BytesIO()
        tpl.save(buffer)
        return buffer.getvalue()


_CHECKED: dict[bytes, list[Problem]] = {}


def checked_template(path: Path) -> list[Problem]:
    """check_template_file, remembered per process by the file's content (batch builds)."""
    import hashlib

    from .template_check import check_template_file

    try:
        digest = hashlib.sha256(path.read_bytes()).digest()
    except OSError:
        return check_template_file(path)
    if digest not in _CHECKED:
        _CHECKED[digest] = check_template_file(path)
    return _CHECKED[digest]


def undefined_problem(exc, template_path: Path, context: dict | None = None) -> Problem:
    """template-undefined, naming the missing variable and, when the template shows it, the
    place of the first tag that uses it."""
    message = str(exc)
    m = re.search(r"has no attribute '([^']+)'", message) or re.search(r"'([^']+)' is undefined",
                                                                      message)
    name = m.group(1) if m else message
    place = str(template_path)
    try:
        from .template_check import places_using

        found = places_using(template_path, name)
        if found:
            place = f"{template_path.name}, {found[0]}"
    except Exception:  # noqa: BLE001 - the place is a courtesy; the message stands without it
        pass
    return error("template-undefined",
                 f"templat memakai variabel '{name}' yang tidak disediakan data (lihat "
                 "docs/template.md untuk daftar variabel)", place=place)


def _image(tpl, name: str | None, workbook_path: Path | None, width_mm: int):
    """An inline image from a file next to the workbook, or None (validation already warned)."""
    if not name or workbook_path is None:
        return None
    from .images import image_problem

    path = workbook_path.parent / name
    if image_problem(path) is not None:
        return None
    from docx.shared import Mm
    from docxtpl import InlineImage

    return InlineImage(tpl, str(path), width=Mm(width_mm))


def merge_marked_cells(document) -> None:
    """Merge every table cell holding only MERGE_UP into the nearest unmarked cell above it."""
    from docx.oxml.ns import qn

    tc_tag, tr_tag, t_tag = qn("w:tc"), qn("w:tr"), qn("w:t")
    marked = []
    for t in document.element.body.iter(t_tag):
        if t.text and t.text.strip() == MERGE_UP:
            tc = t.getparent()
            while tc is not None and tc.tag != tc_tag:
                tc = tc.getparent()
            if tc is not None and "".join(x.text or "" for x in tc.iter(t_tag)).strip() == MERGE_UP:
                marked.append(tc)
    for tc in marked:
        tr = tc.getparent()
        col = [c for c in tr if c.tag == tc_tag].index(tc)
        above_tr = tr.getprevious()
        while above_tr is not None and above_tr.tag != tr_tag:
            above_tr = above_tr.getprevious()
        if above_tr is None:
            continue
        above = _cell_at([[c for c in above_tr if c.tag == tc_tag]], 0, col)
        if above is None:
            continue
        _set_vmerge(above, restart=_vmerge(above) is None)
        _set_vmerge(tc, restart=False)
        for t in tc.iter(t_tag):
            t.text = ""


def _cell_at(grid, r, col):
    cells = grid[r]
    return cells[col] if col < len(cells) else None


def _vmerge(tc):
    from docx.oxml.ns import qn

    tcpr = tc.find(qn("w:tcPr"))
    return None if tcpr is None else tcpr.find(qn("w:vMerge"))


def _set_vmerge(tc, restart: bool) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tcpr = tc.get_or_add_tcPr()
    vm = tcpr.find(qn("w:vMerge"))
    if vm is None:
        vm = OxmlElement("w:vMerge")
        # Schema order inside tcPr: tcW, gridSpan, vMerge, ... - insert after those present.
        anchor = None
        for tag in ("w:gridSpan", "w:hMerge", "w:tcW", "w:cnfStyle"):
            anchor = tcpr.find(qn(tag))
            if anchor is not None:
                break
        if anchor is not None:
            anchor.addnext(vm)
        else:
            tcpr.insert(0, vm)
    if restart:
        vm.set(qn("w:val"), "restart")
    elif vm.get(qn("w:val")) != "restart":
        vm.attrib.pop(qn("w:val"), None)


def set_update_fields(document) -> None:
    """Ask Word to refresh fields (table of contents, page numbers) when the file is opened."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    settings = document.settings.element
    node = settings.find(qn("w:updateFields"))
    if node is None:
        node = OxmlElement("w:updateFields")
        # Word checks the schema order of settings.xml: updateFields precedes these elements.
        for tag in _AFTER_UPDATE_FIELDS:
            successor = settings.find(qn(tag))
            if successor is not None:
                successor.addprevious(node)
                break
        else:
            settings.append(node)
    node.set(qn("w:val"), "true")


_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids",
    "m:mathPr", "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions",
    "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults",
    "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)
