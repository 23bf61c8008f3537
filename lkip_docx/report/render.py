"""Rendering a template context (context.py) into .docx bytes, and the finishing touches docxtpl
cannot make: cells marked ``MERGE_UP`` merged into the cell above, and the document set to refresh
its fields (table of contents, page numbers) when Word opens it.

Takes plain data only: the context and the folder the pictures it names are in. Knows nothing of
the workbook or the computation.
"""

from __future__ import annotations

import hashlib
import io
import re
from pathlib import Path

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from jinja2 import TemplateError, UndefinedError
from jinja2.sandbox import SecurityError

from lkip_docx.problems import LkipError, Problem, error
from lkip_docx.report import engine
from lkip_docx.report.richtext import MERGE_UP
from lkip_docx.report.template_check import check_template_file, part_label, places_using
from lkip_docx.workbook.images import image_problem

LOGO_WIDTH_MM = 32
CHART_WIDTH_MM = 150


class Renderer:
    """One template, checked and opened, ready to render one context."""

    def __init__(self, template: Path | str | None = None):
        self.template_path = Path(template) if template else engine.default_template()
        self.warnings: list[Problem] = []
        if template is not None:
            # An agency's template is checked first so that a broken tag is reported at its
            # place in the document; the bundled template is checked by the test suite instead.
            problems = checked_template(self.template_path)
            if any(p.is_error for p in problems):
                raise LkipError([p for p in problems if p.is_error])
            self.warnings.extend(problems)
        self.tpl = engine.open_template(self.template_path)
        self.env = engine.jinja_env()

    def render(self, context: dict, picture_folder: Path | None = None) -> bytes:
        """Render the context into .docx bytes, once. Pictures the context names (``logo_path``,
        ``bagan_path``) are files in ``picture_folder``."""
        tpl = self.tpl
        rendered = engine.to_docxtpl(context)
        rendered["logo"] = _image(tpl, context.get("logo_path"), picture_folder, LOGO_WIDTH_MM)
        rendered["bagan"] = _image(tpl, context.get("bagan_path"), picture_folder, CHART_WIDTH_MM)
        try:
            tpl.render(rendered, self.env, autoescape=True)
        except engine.TemplateLimitError as exc:
            raise LkipError(error(
                "template-too-much-work",
                f"{exc.message}; templat dihentikan dan laporan tidak ditulis (lihat "
                "docs/template.md, 'Apa yang boleh dilakukan templat')",
                place=self._place())) from None
        except UndefinedError as exc:
            raise LkipError(undefined_problem(exc, self.template_path)) from None
        except SecurityError as exc:
            raise LkipError(unsafe_problem(exc, self.template_path, self._place())) from None
        except TemplateError as exc:
            raise LkipError(error("template-syntax", f"templat tidak dapat diproses: {exc}",
                                  place=self._place())) from None
        except Exception as exc:  # noqa: BLE001 - whatever the template's own logic raised
            raise LkipError(error("template-render-failed",
                                  f"templat gagal diisi: {type(exc).__name__}: {exc}",
                                  place=self._place())) from None
        merge_marked_cells(tpl.docx)
        set_update_fields(tpl.docx)
        buffer = io.BytesIO()
        tpl.save(buffer)
        return buffer.getvalue()


    def _place(self) -> str:
        """The template and the part being rendered when it stopped."""
        part = self.tpl.current_rendering_part
        name = part if isinstance(part, str) else str(getattr(part, "partname", "")).lstrip("/")
        if not name:
            return str(self.template_path)
        label = "properti dokumen" if name == "docProps/core.xml" else part_label(name)
        return f"{self.template_path.name}, {label}"


_CHECKED: dict[bytes, list[Problem]] = {}


def checked_template(path: Path) -> list[Problem]:
    """check_template_file, remembered per process by the file's content (batch builds)."""
    try:
        engine.sniff_docx(path)  # first: never read a FIFO or a device
    except LkipError as exc:
        return exc.problems
    try:
        digest = _digest(path)
    except OSError:
        return check_template_file(path)
    if digest not in _CHECKED:
        _CHECKED[digest] = check_template_file(path)
    return _CHECKED[digest]


def _digest(path: Path) -> bytes:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.digest()


def unsafe_problem(exc: Exception, template_path: Path, place: str) -> Problem:
    """template-unsafe: the sandbox refused an attribute or a call; at the first tag that names
    the attribute, when the template shows it."""
    message = str(exc)
    m = re.search(r"attribute '([^']+)'", message)
    if m:
        try:
            found = places_using(template_path, m.group(1))
            if found:
                place = f"{template_path.name}, {found[0]}"
        except Exception:  # noqa: BLE001 - the place is a courtesy
            pass
    return error("template-unsafe", f"templat memakai akses yang tidak diizinkan ({message}); "
                 "templat hanya boleh menampilkan data laporan", place=place)


def undefined_problem(exc: Exception, template_path: Path) -> Problem:
    """template-undefined, naming the missing variable and, when the template shows it, the
    place of the first tag that uses it."""
    message = str(exc)
    m = re.search(r"has no attribute '([^']+)'", message) or re.search(r"'([^']+)' is undefined",
                                                                      message)
    name = m.group(1) if m else message
    place = str(template_path)
    try:
        found = places_using(template_path, name)
        if found:
            place = f"{template_path.name}, {found[0]}"
    except Exception:  # noqa: BLE001 - the place is a courtesy; the message stands without it
        pass
    return error("template-undefined",
                 f"templat memakai variabel '{name}' yang tidak disediakan data (lihat "
                 "docs/template.md untuk daftar variabel)", place=place)


def _image(tpl, name: str | None, folder: Path | None, width_mm: int):
    """An inline image from a file in ``folder``, or None (validation already warned)."""
    if not name or folder is None:
        return None
    path = folder / name
    if image_problem(path) is not None:
        return None
    return engine.inline_image(tpl, path, width_mm)


def merge_marked_cells(document) -> None:
    """Merge every table cell holding only MERGE_UP into the nearest unmarked cell above it."""
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
        above_cells = [c for c in above_tr if c.tag == tc_tag]
        if col >= len(above_cells):
            continue
        above = above_cells[col]
        _set_vmerge(above, restart=_vmerge(above) is None)
        _set_vmerge(tc, restart=False)
        for t in tc.iter(t_tag):
            t.text = ""


def _vmerge(tc):
    tcpr = tc.find(qn("w:tcPr"))
    return None if tcpr is None else tcpr.find(qn("w:vMerge"))


def _set_vmerge(tc, restart: bool) -> None:
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
