"""Every built report says where it comes from: the workbook's name and SHA-256, the tool's
version, the template, the build time and whether the workbook was complete, as custom document
properties (Word: File > Info > Properties) and as a closing line of the default template."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile

import pytest
from conftest import changed
from docx import Document

from lkip_docx.api import build_report
from lkip_docx.report import provenance
from lkip_docx.report.provenance import (
    P_SHA256,
    P_STATUS,
    P_TEMPLAT,
    P_VERSI,
    P_WAKTU,
    P_WORKBOOK,
    read_properties,
)


def test_a_built_report_records_its_workbook_version_time_and_status(valid_workbook, tmp_path):
    before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    out = build_report(valid_workbook, tmp_path / "laporan.docx").output
    props = read_properties(out)
    digest = hashlib.sha256(valid_workbook.read_bytes()).hexdigest()
    assert props[P_WORKBOOK] == "lkip.xlsx"
    assert props[P_SHA256] == digest
    assert props[P_VERSI] == "0.1.0"
    assert props[P_STATUS] == "lengkap"
    assert props[P_TEMPLAT] == provenance.TEMPLAT_BAWAAN
    built = dt.datetime.strptime(props[P_WAKTU], "%Y-%m-%dT%H:%M:%SZ").replace(
        tzinfo=dt.timezone.utc)
    assert before <= built <= dt.datetime.now(dt.timezone.utc)
    # ... and the closing line of the default template says the same, last in the document.
    last = [p.text for p in Document(str(out)).paragraphs if p.text.strip()][-1]
    assert last.startswith("Disusun dengan lkip-docx 0.1.0 dari lkip.xlsx (SHA-256 " + digest)
    assert last.endswith("; status workbook: lengkap.")


def test_word_finds_the_custom_properties_part(valid_workbook, tmp_path):
    out = build_report(valid_workbook, tmp_path / "laporan.docx").output
    with zipfile.ZipFile(out) as zf:
        types = zf.read("[Content_Types].xml").decode()
        rels = zf.read("_rels/.rels").decode()
        custom = zf.read("docProps/custom.xml").decode()
    assert 'PartName="/docProps/custom.xml"' in types and provenance.CUSTOM_CT in types
    assert provenance.CUSTOM_REL in rels and 'Target="docProps/custom.xml"' in rels
    assert 'pid="2"' in custom and "<vt:filetime>" in custom


def test_a_workbook_with_a_value_not_yet_available_gives_a_draft(make_workbook, tmp_path):
    path = make_workbook(target_iku=changed("target_iku", 0, realisasi="belum tersedia"))
    out = build_report(path, tmp_path / "draf.docx", page_numbers=False).output
    assert read_properties(out)[P_STATUS] == "draf"
    assert Document(str(out)).paragraphs[-1].text.endswith("status workbook: draf.")


def test_a_file_name_xml_cannot_carry_is_recorded_escaped(valid_workbook, tmp_path):
    import os
    import shutil

    if os.name == "nt":
        pytest.skip("Windows forbids control characters in file names")
    odd = tmp_path / "dinas\x1b[2J.xlsx"
    shutil.copy(valid_workbook, odd)
    out = build_report(odd, tmp_path / "laporan.docx", page_numbers=False).output
    assert read_properties(out)[P_WORKBOOK] == "dinas\\x1b[2J.xlsx"


def _with_custom(data: bytes, custom: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info, custom if info.filename == provenance.CUSTOM_PART
                          else zin.read(info.filename))
    return out.getvalue()


def test_stamping_keeps_a_template_property_and_replaces_its_own(valid_workbook, tmp_path):
    out = build_report(valid_workbook, tmp_path / "laporan.docx").output
    agency = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
              b'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
              b'2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" '
              b'pid="2" name="Kode Arsip"><vt:lpwstr>KA-7</vt:lpwstr></property></Properties>')
    data = _with_custom(out.read_bytes(), agency)
    prov = provenance.Provenance("baru.xlsx", "a" * 64,
                                 dt.datetime(2025, 1, 16, 10, 12, tzinfo=dt.timezone.utc),
                                 provenance.STATUS_LENGKAP)
    twice = provenance.stamp(provenance.stamp(data, prov), prov)
    with zipfile.ZipFile(io.BytesIO(twice)) as zf:
        custom = zf.read(provenance.CUSTOM_PART).decode()
        assert zf.namelist().count(provenance.CUSTOM_PART) == 1
    assert custom.count('name="Workbook Sumber"') == 1 and "KA-7" in custom
    assert read_properties(twice)[P_WORKBOOK] == "baru.xlsx"
    assert Document(io.BytesIO(twice)).paragraphs  # Word's reader still opens it


def test_closing_line_names_the_time_with_its_offset():
    wib = dt.timezone(dt.timedelta(hours=7))
    prov = provenance.Provenance("dinas.xlsx", "0" * 64, dt.datetime(2025, 1, 16, 9, 5, tzinfo=wib),
                                 provenance.STATUS_DRAF, templat="templat-kota.docx")
    assert provenance.closing_line(prov) == (
        f"Disusun dengan lkip-docx 0.1.0 dari dinas.xlsx (SHA-256 {'0' * 64}), templat "
        "templat-kota.docx pada 16 Januari 2025 pukul 09.05 UTC+07:00; status workbook: draf.")


def test_a_report_without_properties_reads_as_none(tmp_path):
    assert read_properties(b"not a zip") == {}
    doc = Document()
    doc.add_paragraph("laporan lain")
    path = tmp_path / "lain.docx"
    doc.save(str(path))
    assert read_properties(path) == {}
