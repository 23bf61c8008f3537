"""Where a report came from: the workbook (name and SHA-256), the tool's version, the template, the
build time and whether the workbook was complete. Written twice into every built report, so that a
reviewer can tell which workbook version it was built from without the tool:

- as custom document properties (docProps/custom.xml), which Word shows under File > Info >
  Properties > Advanced Properties > Custom and which ``lkip verify`` reads back;
- as a closing line the default template prints at the end of the document (the context variable
  ``asal``; an agency template may leave it out).

Kept apart from render.py: the properties are added to the finished package, so rendering and
the core properties (title, author, dates) stay another module's business.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from lkip_docx import __version__, fmt

STATUS_LENGKAP = "lengkap"
STATUS_DRAF = "draf"

#: The template that ships with the tool, as the properties name it.
TEMPLAT_BAWAAN = "templat bawaan lkip-docx"

#: The closing line starts so; ``lkip verify`` ignores a paragraph that does (its time and hash
#: differ from build to build, and it is not a figure of the report).
CLOSING_PREFIX = "Disusun dengan lkip-docx"

# Names of the custom properties, as Word lists them.
P_WORKBOOK = "Workbook Sumber"
P_SHA256 = "SHA-256 Workbook"
P_VERSI = "Versi lkip-docx"
P_WAKTU = "Waktu Penyusunan"
P_STATUS = "Status Workbook"
P_TEMPLAT = "Templat"
P_TEMPLAT_SHA256 = "SHA-256 Templat"
PROPERTY_NAMES = (P_WORKBOOK, P_SHA256, P_VERSI, P_WAKTU, P_STATUS, P_TEMPLAT, P_TEMPLAT_SHA256)

CUSTOM_PART = "docProps/custom.xml"
CUSTOM_CT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_REL = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
              "custom-properties")
_NS_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_NS_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_NS_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
#: The format id every custom property carries (the one Office writes).
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def sha256_of(path: Path | str) -> str:
    """SHA-256 of a file, in hex (read in pieces: a workbook may be large)."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class Provenance:
    workbook: str
    sha256: str
    waktu: _dt.datetime  # timezone-aware
    status: str  # STATUS_LENGKAP or STATUS_DRAF
    versi: str = __version__
    templat: str = TEMPLAT_BAWAAN
    templat_sha256: str = ""

    def properties(self) -> dict[str, str | _dt.datetime]:
        return {P_WORKBOOK: self.workbook, P_SHA256: self.sha256, P_VERSI: self.versi,
                P_WAKTU: self.waktu, P_STATUS: self.status, P_TEMPLAT: self.templat,
                P_TEMPLAT_SHA256: self.templat_sha256}


def is_draft(results) -> bool:
    """A draft, as the cover and the running header say it: the workbook still holds values
    marked not available, or its Status Dokumen says Draf (compute's ``draf``)."""
    return bool(results.draf)


def waktu_teks(when: _dt.datetime) -> str:
    """``16 Januari 2025 pukul 10.12 UTC+07:00``: the time as Indonesian write it, with its offset
    (a report may be built in WIB, WITA or WIT, or on a server in UTC)."""
    offset = when.utcoffset() or _dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return (f"{fmt.date(when.date())} pukul {when.hour:02d}.{when.minute:02d} "
            f"UTC{sign}{hours:02d}:{mins:02d}")


def closing_line(prov: Provenance) -> str:
    templat = "" if prov.templat == TEMPLAT_BAWAAN else f", templat {prov.templat}"
    return (f"{CLOSING_PREFIX} {prov.versi} dari {prov.workbook} (SHA-256 {prov.sha256}){templat} "
            f"pada {waktu_teks(prov.waktu)}; status workbook: {prov.status}.")


def context(prov: Provenance | None) -> dict[str, str]:
    """The template variable ``asal``: empty strings when the report is rendered without a
    workbook file (previews, tests), so that the template leaves the line out."""
    if prov is None:
        return {"baris": "", "workbook": "", "sha256": "", "versi": __version__, "waktu": "",
                "status": ""}
    return {"baris": closing_line(prov), "workbook": prov.workbook, "sha256": prov.sha256,
            "versi": prov.versi, "waktu": waktu_teks(prov.waktu), "status": prov.status}


# --- docProps/custom.xml -----------------------------------------------------------------------

def _parse(data: bytes):
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    return etree.fromstring(data, parser)


def _filetime(value: _dt.datetime) -> str:
    return value.astimezone(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _custom_xml(existing: bytes | None, values: dict[str, str | _dt.datetime]) -> bytes:
    """The custom properties part with ours set (replacing earlier ones of the same name) and any
    other property of the template kept."""
    if existing:
        root = _parse(existing)
    else:
        root = etree.Element(f"{{{_NS_CUSTOM}}}Properties", nsmap={None: _NS_CUSTOM, "vt": _NS_VT})
    for prop in list(root):
        if prop.get("name") in values:
            root.remove(prop)
    pids = [int(p.get("pid")) for p in root if (p.get("pid") or "").isdigit()]
    pid = max(pids + [1])  # pids start at 2
    for name, value in values.items():
        pid += 1
        prop = etree.SubElement(root, f"{{{_NS_CUSTOM}}}property",
                                fmtid=_FMTID, pid=str(pid), name=name)
        if isinstance(value, _dt.datetime):
            etree.SubElement(prop, f"{{{_NS_VT}}}filetime").text = _filetime(value)
        else:
            etree.SubElement(prop, f"{{{_NS_VT}}}lpwstr").text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _content_types(data: bytes) -> bytes:
    root = _parse(data)
    for node in root.iter(f"{{{_NS_CT}}}Override"):
        if (node.get("PartName") or "").lower() == "/" + CUSTOM_PART.lower():
            return data
    etree.SubElement(root, f"{{{_NS_CT}}}Override", PartName="/" + CUSTOM_PART,
                     ContentType=CUSTOM_CT)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _package_rels(data: bytes) -> bytes:
    root = _parse(data)
    ids = set()
    for rel in root.iter(f"{{{_NS_REL}}}Relationship"):
        ids.add(rel.get("Id"))
        if rel.get("Type") == CUSTOM_REL:
            return data
    n = 1
    while f"rId{n}" in ids:
        n += 1
    etree.SubElement(root, f"{{{_NS_REL}}}Relationship", Id=f"rId{n}", Type=CUSTOM_REL,
                     Target=CUSTOM_PART)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def stamp(data: bytes, prov: Provenance) -> bytes:
    """The .docx ``data`` with the provenance as custom document properties."""
    values = {k: v for k, v in prov.properties().items() if v != ""}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        names = zin.namelist()
        for info in zin.infolist():
            member = zin.read(info.filename)
            if info.filename == "[Content_Types].xml":
                member = _content_types(member)
            elif info.filename == "_rels/.rels":
                member = _package_rels(member)
            elif info.filename == CUSTOM_PART:
                member = _custom_xml(member, values)
            zout.writestr(info, member)
        if CUSTOM_PART not in names:
            zout.writestr(CUSTOM_PART, _custom_xml(None, values))
    return out.getvalue()


def read_properties(source: bytes | Path | str) -> dict[str, str]:
    """Our custom properties of a .docx (file or bytes), as text; empty when it has none (a
    report from another tool, or one whose properties were removed). A date is returned as
    Word stores it (UTC, ISO 8601)."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
    except (OSError, zipfile.BadZipFile):
        return {}
    with zf:
        if CUSTOM_PART not in zf.namelist():
            return {}
        try:
            root = _parse(zf.read(CUSTOM_PART))
        except (etree.XMLSyntaxError, ValueError, KeyError, zipfile.BadZipFile):
            return {}
    out = {}
    for prop in root:
        name = prop.get("name")
        if name in PROPERTY_NAMES and len(prop):
            out[name] = (prop[0].text or "").strip()
    return out


_HEX64 = re.compile(r"^[0-9a-f]{64}$")


def is_sha256(text: str) -> bool:
    return bool(_HEX64.match(text or ""))
