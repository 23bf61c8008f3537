"""Rendering a template context (context.py) into .docx bytes, and the finishing touches docxtpl
cannot make: cells marked ``MERGE_UP`` merged into the cell above, and the document set to refresh
its fields (table of contents, page numbers) when Word opens it.

Takes plain data only: the context and the folder the pictures it names are in. Knows nothing of
the workbook or the computation.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
from html import escape as _html_escape
from pathlib import Path

from docx.image.image import Image as DocxImage
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from jinja2 import TemplateError, UndefinedError
from jinja2.sandbox import SecurityError

from lkip_docx import __version__
from lkip_docx.problems import LkipError, Problem, error, warning
from lkip_docx.report import engine, layout, toc
from lkip_docx.report import ooxml as W
from lkip_docx.report.richtext import MERGE_UP
from lkip_docx.report.template_check import check_template_file, part_label, places_using
from lkip_docx.workbook.images import image_problem, picture_path

LOGO_WIDTH_MM = 32
CHART_WIDTH_MM = 150
PICTURE_WIDTH_MM = 110  # a certificate or award: narrower than the page, as in the reference


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

    def render(self, context: dict, picture_folder: Path | None = None,
               when: dt.datetime | None = None) -> bytes:
        """Render the context into .docx bytes, once. Pictures the context names (``logo_path``,
        ``bagan_path``) are files in ``picture_folder``. ``when`` is the build time written in
        the document properties (now, unless given)."""
        tpl = self.tpl
        rendered = engine.to_docxtpl(context)
        image = self._image
        rendered["logo"] = image(context.get("logo_path"), picture_folder, LOGO_WIDTH_MM)
        rendered["bagan"] = image(context.get("bagan_path"), picture_folder, CHART_WIDTH_MM)
        for item, source in zip(rendered.get("prestasi_daftar", []),
                                context.get("prestasi_daftar", [])):
            item["gambar_isi"] = image(source.get("gambar_path"), picture_folder,
                                       PICTURE_WIDTH_MM)
        if "gambar_lampiran" in rendered:
            rendered["gambar_lampiran"]["isi"] = image(
                context["gambar_lampiran"].get("path"), picture_folder, CHART_WIDTH_MM)
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
        drop_styles_with_effects(tpl.docx)
        layout.finish(tpl.docx)
        # the lists' entries, bookmarks and (empty) page numbers; report/pdf.py fills the numbers
        toc.prepare(tpl.docx)
        set_update_fields(tpl.docx)
        set_properties(tpl.docx, context, when or dt.datetime.now(dt.timezone.utc),
                       keep=tpl.templated_properties)
        buffer = io.BytesIO()
        tpl.save(buffer)
        return buffer.getvalue()


    def _image(self, name: str | None, folder: Path | None, width_mm: int):
        """An inline image from a file in ``folder``, or None. A picture validation warned about
        is left out silently; one python-docx cannot read after all (a rare kind of PNG or JPEG)
        is left out with a warning, never a failed build."""
        if not name or folder is None:
            return None
        path = picture_path(folder, name)
        if path is None or image_problem(path) is not None:
            return None
        try:
            DocxImage.from_file(str(path))
        except Exception:  # noqa: BLE001 - a picture Word could not show either
            self.warnings.append(warning("picture-unreadable",
                                         f"gambar '{name}' tidak dapat dibaca; laporan dibuat "
                                         "tanpa gambar itu", place=name))
            return None
        return engine.inline_image(self.tpl, path, width_mm)

    def _place(self) -> str:
        """The template and the part being rendered when it stopped."""
        part = self.tpl.current_rendering_part
        name = part if isinstance(part, str) else str(getattr(part, "partname", "")).lstrip("/")
        if not name:
            return str(self.template_path)
        label = "properti dokumen" if name == "docProps/core.xml" else part_label(name)
        return f"{self.template_path.name}, {label}"


_CHECKED: dict[bytes, list[Problem]] = {}


def drop_styles_with_effects(document) -> None:
    """Word 2010's copy of the styles (stylesWithEffects.xml, in templates made from
    python-docx's or an old Word's default) is left out: it never follows the styles an agency
    edits, and a copy that differs from styles.xml makes Word report unreadable content. Word
    2013 and later neither need nor write it."""
    for rid, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            document.part.drop_rel(rid)


APP_XML = "application/vnd.openxmlformats-officedocument.extended-properties+xml"


def _xml_text(text: str) -> str:
    """``text`` as XML character data (&, < and > escaped). html's escape, not xml.sax's: that
    module imports urllib, http and ssl, 10 ms of every build for three replacements."""
    return _html_escape(text, quote=False)


def set_properties(document, context: dict, when: dt.datetime,
                   keep: set[str] | frozenset[str] = frozenset()) -> None:
    """The document properties of this report (File > Info in Word), not the template's: title,
    subject, the agency as author and company, the build time, and this tool as application.
    Stale statistics (pages, words) are left out: Word counts them itself. Properties in
    ``keep`` were filled by the agency's own template from the data and stay as it made them."""
    instansi = context.get("instansi", {})
    tahun = context.get("lkip", {}).get("tahun", "")
    nama = instansi.get("nama_lengkap") or instansi.get("nama") or ""
    when = when.astimezone(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
    cp = document.core_properties
    mine = {"title": f"LKIP {instansi.get('singkatan_lengkap') or nama} Tahun {tahun}".replace(
                "  ", " "),
            "subject": f"Laporan Kinerja Instansi Pemerintah {nama} Tahun {tahun}",
            "author": nama}
    for name, value in mine.items():
        if name not in keep:
            setattr(cp, name, value)
    cp.last_modified_by = f"lkip-docx {__version__}"
    cp.created = when
    cp.modified = when
    cp.last_printed = when
    cp.revision = 1
    app = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns='
           '"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
           'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
           f"<TotalTime>0</TotalTime><Application>lkip-docx {_xml_text(__version__)}"
           f"</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
           f"<Company>{_xml_text(nama)}</Company><LinksUpToDate>false</LinksUpToDate>"
           "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
           "</Properties>").encode("utf-8")
    for part in document.part.package.parts:
        if part.content_type == APP_XML:
            part._blob = app  # a generic python-docx Part: its bytes are what is saved


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


def merge_marked_cells(document) -> None:
    """Merge every table cell holding only MERGE_UP into the nearest unmarked cell above it."""
    tc_tag, tr_tag, t_tag = W.TC, W.TR, W.T
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
        _set_vmerge(above, restart=W.vmerge(above) is None)
        _set_vmerge(tc, restart=False)
        for t in tc.iter(t_tag):
            t.text = ""


def _set_vmerge(tc, restart: bool) -> None:
    tcpr = tc.get_or_add_tcPr()
    vm = tcpr.find(W.VMERGE)
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
        vm.set(W.VAL, "restart")
    elif vm.get(W.VAL) != "restart":
        vm.attrib.pop(W.VAL, None)


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
