"""User text reaches the report literally: escaped for XML, never evaluated as a template.

Reports are built from real workbooks (conftest helpers) whose agency name, abbreviation, sub
kegiatan, narrative and IKU hold XML specials, quotes, Jinja tags, a tab, emoji, Arabic and CJK
text and a very long paragraph. The .docx must open, every XML part must be well formed, each
string must appear as typed, and no tag of the template may survive anywhere.
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

import pytest
from conftest import changed, write_minimal_workbook
from docx import Document
from lxml import etree

from lkip_docx.api import build_report
from lkip_docx.workbook import contract as c

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "lkip-2024-diskominfostandi-bekasi.xlsx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

NASTY = ("A & B <C> \"kutip\" 'tunggal' {{ instansi.nama }} {% for x in y %}{% endfor %} "
         "{%p if x %} {# catatan #} tab\there \U0001F680\u2728 \u0645\u0631\u062d\u0628\u0627 "
         "\u4e2d\u6587\u5b57\u7b26")
LONG = " ".join(f"Kalimat {i} & <aman> {{{{ {i} }}}} {{% {i} %}}." for i in range(1, 600))
assert 20_000 < len(LONG) < 32_767  # long, yet within what one Excel cell holds
LABEL = {s.key: s.label for s in c.NARRATIVE_SECTIONS}

AGENCY = "Dinas " + NASTY
SINGKATAN = "Dis&kom <{{ lkip.tahun }}>"
SUB = "Sub " + NASTY
IKU = "IKU " + NASTY
NARASI = "Narasi " + NASTY
BUTIR = "Butir " + NASTY
PENYEBAB = "Penyebab " + NASTY
USER_TEXT = (AGENCY, SINGKATAN, SUB, IKU, NARASI, BUTIR, PENYEBAB, LONG)


def paragraph_texts(docx: Path) -> dict[str, list[str]]:
    """The text of every paragraph of every part that holds text (body with its table cells,
    headers, footers, footnotes), tabs as '\\t' and line breaks as '\\n'."""
    out: dict[str, list[str]] = {}
    with zipfile.ZipFile(docx) as zf:
        for name in zf.namelist():
            if not re.match(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$", name):
                continue
            root = etree.fromstring(zf.read(name))
            texts = []
            for p in root.iter(W + "p"):
                chars = []
                for node in p.iter(W + "t", W + "tab", W + "br"):
                    owner = node.getparent()
                    while owner is not None and owner.tag != W + "p":
                        owner = owner.getparent()
                    if owner is not p:
                        continue
                    chars.append(node.text or "" if node.tag == W + "t" else
                                 "\t" if node.tag == W + "tab" else "\n")
                texts.append("".join(chars))
            out[name] = texts
    return out


def assert_every_part_is_well_formed(docx: Path) -> None:
    with zipfile.ZipFile(docx) as zf:
        assert zf.testzip() is None
        for name in zf.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(zf.read(name))  # raises on a malformed part


def leftover_tags(texts: dict[str, list[str]], allowed: tuple[str, ...] = ()) -> list[str]:
    """Paragraphs still holding a template delimiter once the user's own text is taken out."""
    out = []
    for name, paragraphs in texts.items():
        for text in paragraphs:
            for s in sorted(allowed, key=len, reverse=True):
                text = text.replace(s, "").replace(s.upper(), "")
            if re.search(r"\{\{|\}\}|\{%|%\}|\{#|#\}", text):
                out.append(f"{name}: {text[:120]!r}")
    return out


@pytest.fixture(scope="module")
def nasty_report(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("nakal")
    workbook = write_minimal_workbook(
        folder / "nakal.xlsx",
        profil={"nama_instansi": AGENCY, "singkatan": SINGKATAN},
        iku=changed("iku", 0, nama=IKU),
        sub_kegiatan=changed("sub_kegiatan", 0, nama=SUB),
        narasi=[
            {"bagian": LABEL["latar_belakang"], "teks": NARASI},
            {"bagian": LABEL["latar_belakang"], "teks": LONG},
            {"bagian": LABEL["latar_belakang"], "jenis": c.JENIS_BUTIR_ANGKA, "teks": BUTIR},
            {"bagian": LABEL["penyebab"], "kode_iku": "IKU1", "teks": PENYEBAB},
        ])
    out = folder / "laporan.docx"
    build_report(workbook, out)
    return out


def test_report_with_special_user_text_opens_and_is_well_formed(nasty_report):
    assert_every_part_is_well_formed(nasty_report)
    doc = Document(str(nasty_report))
    assert doc.paragraphs and doc.tables


@pytest.mark.parametrize("text", USER_TEXT,
                         ids=["agency", "abbreviation", "sub-kegiatan", "iku", "narrative",
                              "list-item", "per-iku-narrative", "long-paragraph"])
def test_user_text_appears_as_typed(nasty_report, text):
    texts = paragraph_texts(nasty_report)
    everywhere = [t for paragraphs in texts.values() for t in paragraphs]
    assert any(text in t for t in everywhere), text[:60]


def test_user_text_in_the_header_and_in_table_cells(nasty_report):
    texts = paragraph_texts(nasty_report)
    headers = [t for name, ps in texts.items() if "header" in name for t in ps]
    assert any(SINGKATAN in t for t in headers)
    doc = Document(str(nasty_report))
    cells = {cell.text for table in doc.tables for row in table.rows for cell in row.cells}
    assert IKU in cells and SUB in cells


def test_the_long_paragraph_is_one_paragraph_of_the_narrative_style(nasty_report):
    doc = Document(str(nasty_report))
    long = [p for p in doc.paragraphs if p.text == LONG]
    assert len(long) == 1 and long[0].style.style_id == "Narasi"


def test_no_template_tag_survives_beside_user_text(nasty_report):
    assert leftover_tags(paragraph_texts(nasty_report), allowed=USER_TEXT) == []


def test_no_template_tag_survives_in_the_sample_report(tmp_path):
    out = tmp_path / "laporan.docx"
    build_report(SAMPLE, out)
    assert_every_part_is_well_formed(out)
    texts = paragraph_texts(out)
    assert set(texts) >= {"word/document.xml", "word/header1.xml", "word/footer1.xml"}
    assert leftover_tags(texts) == []


# --- found while writing these tests -------------------------------------------------------------

FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


def template_with_footnote(path: Path) -> Path:
    """Two sections (as the default template's three) and a footnote holding a variable."""
    from docx.enum.section import WD_SECTION

    doc = Document()
    p = doc.add_paragraph("{{ instansi.singkatan }}")
    doc.add_section(WD_SECTION.NEW_PAGE)
    doc.add_paragraph("BAB I")
    doc.save(path)
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    footnotes = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {ns}>'
                 '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
                 '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
                 '<w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p>'
                 '<w:r><w:t xml:space="preserve">Catatan: {{ instansi.nama }}</w:t></w:r></w:p>'
                 '</w:footnote></w:footnotes>')
    del p
    with zipfile.ZipFile(path) as zf:
        members = [(i.filename, zf.read(i.filename)) for i in zf.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            if name == "[Content_Types].xml":
                data = data.replace(b"</Types>", f'<Override PartName="/word/footnotes.xml" '
                                    f'ContentType="{FOOTNOTES_CT}"/></Types>'.encode())
            elif name == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", f'<Relationship Id="rIdCatatan" '
                                    f'Type="{FOOTNOTES_REL}" Target="footnotes.xml"/>'
                                    '</Relationships>'.encode())
            elif name == "word/document.xml":
                data = data.replace(b"{{ instansi.singkatan }}</w:t></w:r>",
                                    b'{{ instansi.singkatan }}</w:t></w:r><w:r>'
                                    b'<w:footnoteReference w:id="1"/></w:r>', 1)
            zf.writestr(name, data)
        zf.writestr("word/footnotes.xml", footnotes)
    return path


def test_user_text_in_a_footnote_is_not_evaluated(tmp_path):
    from lkip_docx.report.template_check import check_template_file

    template = template_with_footnote(tmp_path / "catatan.docx")
    assert [p for p in check_template_file(template) if p.is_error] == []
    workbook = write_minimal_workbook(tmp_path / "lkip.xlsx",
                                      profil={"nama_instansi": "Dinas {{ lkip.tahun }}"})
    out = tmp_path / "laporan.docx"
    build_report(workbook, out, template=template)
    footnotes = paragraph_texts(out)["word/footnotes.xml"]
    assert "Catatan: Dinas {{ lkip.tahun }}" in footnotes


def test_underscore_brace_sequences_in_user_text_are_kept(tmp_path):
    name = "Dinas {_{ Uji }_} {_% Uji %_}"
    workbook = write_minimal_workbook(tmp_path / "lkip.xlsx", profil={"nama_instansi": name})
    out = tmp_path / "laporan.docx"
    build_report(workbook, out)
    everywhere = [t for ps in paragraph_texts(out).values() for t in ps]
    assert any(name in t for t in everywhere)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_report_is_readable_as_the_umask_allows(tmp_path):
    mask = os.umask(0o022)
    try:
        out = tmp_path / "laporan.docx"
        build_report(write_minimal_workbook(tmp_path / "lkip.xlsx"), out)
    finally:
        os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o644
