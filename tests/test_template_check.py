"""`lkip check-template` and `lkip build --template` on real Word templates written by the tests.

Templates are made with python-docx; where Word's own run splitting matters (rsids, spelling marks,
language changes inside a tag) document.xml is edited in the zip. Tests compare (code, place)
pairs, never the wording; where the brief asks that the offending text be shown, the tag text is
looked for in the message.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkip_docx.api import build_report
from lkip_docx.cli import main
from lkip_docx.problems import LkipError
from lkip_docx.report.context import TOP_LEVEL_KEYS
from lkip_docx.report.engine import default_template
from lkip_docx.report.template_check import check_template_file

ROOT = Path(__file__).resolve().parent.parent
MISSING_STYLE = "template-missing-style"  # every python-docx blank document lacks the LKIP styles
NAMA = "Dinas Komunikasi, Informatika, Statistik dan Persandian"  # conftest's minimal workbook


# --- writing templates -------------------------------------------------------------------------

class Table:
    """A table block: rows of cell texts."""

    def __init__(self, *rows: list[str]):
        self.rows = rows


def write_template(path: Path, *blocks, header: str | None = None, footer: str | None = None,
                   title: str | None = None) -> Path:
    """A .docx: a str is a paragraph, a list of (text, bold) is one paragraph of runs (bold None
    leaves the run unformatted), a Table is a table."""
    doc = Document()
    for block in blocks:
        if isinstance(block, Table):
            table = doc.add_table(rows=len(block.rows), cols=max(len(r) for r in block.rows))
            for i, row in enumerate(block.rows):
                for j, text in enumerate(row):
                    table.cell(i, j).text = text
        elif isinstance(block, str):
            doc.add_paragraph(block)
        else:
            paragraph = doc.add_paragraph()
            for text, bold in block:
                paragraph.add_run(text).bold = bold
    if header is not None:
        doc.sections[0].header.paragraphs[0].text = header
    if footer is not None:
        doc.sections[0].footer.paragraphs[0].text = footer
    if title is not None:
        doc.core_properties.title = title
    doc.save(path)
    return path


@pytest.fixture
def tpl(tmp_path):
    def make(*blocks, name: str = "templat.docx", **kw) -> Path:
        return write_template(tmp_path / name, *blocks, **kw)
    return make


def edit_part(path: Path, part: str, edit) -> None:
    """Rewrite one part of the package with ``edit(xml: str) -> str``."""
    with zipfile.ZipFile(path) as zf:
        members = [(info, zf.read(info.filename)) for info in zf.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in members:
            if info.filename == part:
                data = edit(data.decode("utf-8")).encode("utf-8")
            zf.writestr(info.filename, data)


def word_split(path: Path, tag: str, bold_middle: bool = False) -> None:
    """Replace the run holding exactly ``tag`` ('{{ instansi.nama }}') by the runs Word writes
    after the tag was retyped in pieces: revision ids, a spelling mark, a language change and a
    bookmark inside the tag; the middle piece bold if asked."""
    head, rest = tag.split(".", 1)
    word = head.split()[-1]
    before = head[:-len(word)]
    bold = "<w:b/><w:bCs/>" if bold_middle else ""
    runs = (f'<w:r w:rsidR="00A31F2C"><w:rPr><w:lang w:val="en-US"/></w:rPr>'
            f'<w:t xml:space="preserve">{before}</w:t></w:r>'
            '<w:proofErr w:type="spellStart"/>'
            f'<w:r w:rsidR="00B4410D"><w:rPr>{bold}<w:lang w:val="id-ID"/></w:rPr>'
            f'<w:t>{word}</w:t></w:r>'
            '<w:proofErr w:type="spellEnd"/>'
            '<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>'
            f'<w:r w:rsidR="00B4410D"><w:t xml:space="preserve">.{rest}</w:t></w:r>')

    def edit(xml: str) -> str:
        old = f"<w:r><w:t>{tag}</w:t></w:r>"
        assert xml.count(old) == 1
        return xml.replace(old, runs)

    edit_part(path, "word/document.xml", edit)


# --- reading problems --------------------------------------------------------------------------

def found(problems) -> set[tuple[str, str]]:
    """(code, place) of every problem but the blank document's missing LKIP styles."""
    return {p.key() for p in problems if p.code != MISSING_STYLE}


def errors(problems) -> set[tuple[str, str]]:
    return {p.key() for p in problems if p.is_error}


def body(place: str) -> str:
    return f"isi dokumen, {place}"


def message_at(problems, code: str, place: str) -> str:
    return next(p.message for p in problems if p.key() == (code, place))


def listed(output: str) -> set[tuple[str, str]]:
    """(code, place) of each problem line the CLI prints: '  place: message [code]'."""
    out = set()
    for line in output.splitlines():
        m = re.match(r"^  (.+?): .*\[([a-z-]+)\]$", line)
        if m:
            out.add((m.group(2), m.group(1)))
    return out


def report_text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


# --- the default template ----------------------------------------------------------------------

@pytest.mark.parametrize("path", [default_template(), ROOT / "report_template.docx"],
                         ids=["package", "root-copy"])
def test_default_template_has_no_error_and_no_warning(path):
    assert check_template_file(path) == []


def test_every_top_level_variable_is_known(tpl):
    path = tpl(*[f"{{{{ {key} }}}}" for key in TOP_LEVEL_KEYS])
    assert found(check_template_file(path)) == set()


# --- Jinja syntax ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, code, shown", [
    ("{{ instansi.nama ", "template-tag-unclosed", "{{ instansi.nama"),
    ("{% if x %}", "template-unbalanced", "{% if x %}"),
    ("{{ a b }}", "template-syntax", "{{ a b }}"),
    ("{{ instansi.nama | }}", "template-syntax", "{{ instansi.nama | }}"),
    ("{% if instansi.nama %}a{% else %}b{% else %}c{% endif %}", "template-syntax", "{% else %}"),
    # a space between {% and p: not docxtpl's paragraph tag, and no Jinja tag either
    ("{% p if instansi.nama %}", "template-syntax", "{% p if instansi.nama %}"),
    ("{% include 'kop.docx' %}", "template-syntax", "{% include 'kop.docx' %}"),
    ("{% for k in iku %}{{ k.nama }}", "template-unbalanced", "{% for k in iku %}"),
])
def test_syntax_error_is_reported_at_its_paragraph_with_its_text(tpl, text, code, shown):
    problems = check_template_file(tpl("Pendahuluan {{ instansi.nama }}", text))
    assert found(problems) == {(code, body("paragraf 2"))}
    assert shown in message_at(problems, code, body("paragraf 2"))


def test_paragraph_tag_holding_a_percent_sign(tpl):
    # docxtpl does not see it as a paragraph tag: "{%p" would reach Jinja, an unknown tag.
    path = tpl("{%p if lkip.tahun == '100%' %}", "teks", "{%p endif %}")
    assert found(check_template_file(path)) == {("template-syntax", body("paragraf 1"))}


def test_syntax_error_in_a_table_cell_names_table_row_and_cell(tpl):
    path = tpl("Judul", Table(["No", "Nama"], ["1", "{{ a b }}"]))
    problems = check_template_file(path)
    assert found(problems) == {("template-syntax", body("tabel 1 baris 2 kolom 2"))}
    assert "{{ a b }}" in message_at(problems, "template-syntax", body("tabel 1 baris 2 kolom 2"))


def test_paragraphs_are_counted_outside_tables(tpl):
    # python-docx's document.paragraphs: a paragraph after a table keeps its number when rows
    # are added to the table.
    path = tpl("satu", Table(["a", "b"], ["c", "d"]), "dua", "{{ a b }}")
    assert found(check_template_file(path)) == {("template-syntax", body("paragraf 3"))}


def test_all_syntax_errors_are_reported_at_once(tpl):
    path = tpl("{{ a b }}", "{{ instansi.nama }}", Table(["{{ c d }}"]), "{{ e f }}")
    assert found(check_template_file(path)) == {
        ("template-syntax", body("paragraf 1")),
        ("template-syntax", body("tabel 1 baris 1 kolom 1")),
        ("template-syntax", body("paragraf 3")),
    }


def test_curly_quotes_from_autocorrect_are_straightened_as_docxtpl_does(tpl, valid_workbook,
                                                                        tmp_path):
    path = tpl("{% if instansi.singkatan == \u201cDiskominfostandi\u201d %}ya{% else %}tidak"
               "{% endif %} \u2018{{ lkip.tahun }}\u2019")
    assert found(check_template_file(path)) == set()
    out = tmp_path / "laporan.docx"
    build_report(valid_workbook, out, template=path)
    assert "ya \u20182024\u2019" in report_text(out)


def test_raw_blocks_are_text(tpl):
    path = tpl("{% raw %}Tulis {{ a b }} dan {% if %} apa adanya{% endraw %}")
    assert found(check_template_file(path)) == set()


def test_other_typographic_quotes_are_a_syntax_error(tpl):
    path = tpl("{% if instansi.singkatan == \u201eX\u201c %}ya{% endif %}")
    assert found(check_template_file(path)) == {("template-syntax", body("paragraf 1"))}


# --- tags split across runs --------------------------------------------------------------------

def test_tag_half_bold_is_a_split_warning(tpl):
    path = tpl([("Nama: ", None), ("{{ instansi.", None), ("nama }}", True)])
    problems = check_template_file(path)
    assert found(problems) == {("template-tag-split", body("paragraf 1"))}
    assert not errors(problems)
    assert "{{ instansi.nama }}" in message_at(problems, "template-tag-split", body("paragraf 1"))


def test_tag_in_several_runs_of_one_format_is_fine_and_renders(tpl, valid_workbook, tmp_path):
    path = tpl([("Nama: ", None), ("{{ ins", None), ("tansi.", None), ("nama }}", None)])
    assert found(check_template_file(path)) == set()
    out = tmp_path / "laporan.docx"
    build_report(valid_workbook, out, template=path)
    assert Document(str(out)).paragraphs[0].text == f"Nama: {NAMA}"


def test_word_editing_marks_inside_a_tag_are_fine_and_render(tpl, valid_workbook, tmp_path):
    path = tpl("{{ instansi.nama }}")
    word_split(path, "{{ instansi.nama }}")
    assert found(check_template_file(path)) == set()
    out = tmp_path / "laporan.docx"
    build_report(valid_workbook, out, template=path)
    assert Document(str(out)).paragraphs[0].text == NAMA


def test_word_split_with_a_bold_piece_is_a_split_warning(tpl):
    path = tpl("{{ instansi.nama }}")
    word_split(path, "{{ instansi.nama }}", bold_middle=True)
    assert found(check_template_file(path)) == {("template-tag-split", body("paragraf 1"))}


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cuts=st.lists(st.integers(min_value=1, max_value=25), max_size=4, unique=True),
       bold=st.lists(st.booleans(), min_size=5, max_size=5))
def test_a_tag_cut_anywhere_is_never_an_error(tmp_path, cuts, bold):
    tag = "{{ instansi.singkatan }}"
    text = f"Oleh {tag} kota"
    start = text.index(tag)
    points = sorted({start + c for c in cuts if c < len(tag)})
    pieces = [text[a:b] for a, b in zip([0] + points, points + [len(text)])]
    runs = [(piece, bold[i] or None) for i, piece in enumerate(pieces)]
    problems = check_template_file(write_template(tmp_path / "acak.docx", runs))
    tag_formats, at = set(), 0
    for piece, b in runs:
        if at < start + len(tag) and at + len(piece) > start:
            tag_formats.add(bool(b))
        at += len(piece)
    expected = {("template-tag-split", body("paragraf 1"))} if len(tag_formats) > 1 else set()
    assert found(problems) == expected


def test_tag_across_two_paragraphs_is_unclosed_in_both(tpl):
    problems = check_template_file(tpl("Nama {{ instansi.", "nama }} di sini"))
    assert found(problems) == {("template-tag-unclosed", body("paragraf 1")),
                               ("template-tag-unclosed", body("paragraf 2"))}


@pytest.mark.parametrize("text", ["{ { instansi.nama }}", "{{ instansi.nama } }",
                                  "{ % if instansi.nama %}x{% endif %}", "{{ instansi.nama %}"])
def test_braces_apart_is_a_broken_tag_reported_once(tpl, text):
    problems = check_template_file(tpl(text))
    assert found(problems) == {("template-tag-broken", body("paragraf 1"))}


# --- blocks: {%p %}, {%tr %}, {%tc %} ----------------------------------------------------------

def test_row_loop_without_endfor(tpl):
    path = tpl(Table(["No", "Indikator"], ["{%tr for k in iku %}", ""], ["{{ k.no }}",
                                                                         "{{ k.nama }}"]))
    problems = check_template_file(path)
    assert found(problems) == {("template-unbalanced", body("tabel 1 baris 2 kolom 1"))}
    assert "{%tr for k in iku %}" in message_at(problems, "template-unbalanced",
                                                body("tabel 1 baris 2 kolom 1"))


def test_row_endfor_closing_a_paragraph_loop(tpl):
    path = tpl("{%p for k in iku %}", Table(["{{ k.nama }}"], ["{%tr endfor %}"]))
    assert found(check_template_file(path)) == {
        ("template-unbalanced", body("tabel 1 baris 2 kolom 1"))}


def test_paragraph_endif_without_if(tpl):
    assert found(check_template_file(tpl("Teks", "{%p endif %}"))) == {
        ("template-unbalanced", body("paragraf 2"))}


def test_closing_tag_of_the_wrong_kind(tpl):
    path = tpl("{%p if ada_prestasi %}", "{{p prestasi }}", "{%p endfor %}")
    assert found(check_template_file(path)) == {("template-unbalanced", body("paragraf 3"))}


def test_else_of_another_level_than_its_if(tpl):
    path = tpl("{%p if ada_prestasi %}", "ada", "teks {% else %} lain", "{%p endif %}")
    assert found(check_template_file(path)) == {("template-unbalanced", body("paragraf 3"))}


def test_row_loop_opened_in_one_table_and_closed_in_another(tpl):
    path = tpl(Table(["{%tr for k in iku %}"], ["{{ k.nama }}"]), "antara",
               Table(["{{ k.no }}"], ["{%tr endfor %}"]))
    assert found(check_template_file(path)) == {
        ("template-unbalanced", body("tabel 2 baris 2 kolom 1"))}


def test_plain_block_across_paragraphs_needs_the_p_form(tpl):
    path = tpl("{% if ada_prestasi %}Prestasi:", "{{p prestasi }}", "{% endif %}")
    assert found(check_template_file(path)) == {("template-unbalanced", body("paragraf 3"))}


def test_sequential_and_nested_row_loops_in_one_table_are_fine(tpl):
    path = tpl(Table(["{%tr for k in iku %}", ""], ["{%tr for b in k.anggaran.baris %}", ""],
                     ["{{ k.nama }}", "{{ b.nama }}"], ["{%tr endfor %}", ""],
                     ["{%tr endfor %}", ""], ["{%tr for t in kelompok %}", ""],
                     ["{{ t.nama }}", "{{ t.total.pagu }}"], ["{%tr endfor %}", ""]))
    assert found(check_template_file(path)) == set()


def test_row_tag_sharing_its_row_with_a_cell_value(tpl):
    # docxtpl replaces the whole row by the tag: the value would vanish from every row.
    path = tpl(Table(["No", "Indikator"], ["{%tr for k in iku %}{{ k.no }}", "{{ k.nama }}"],
                     ["{%tr endfor %}", ""]))
    assert found(check_template_file(path)) == {
        ("template-tag-misplaced", body("tabel 1 baris 2 kolom 1"))}


def test_paragraph_tag_sharing_its_paragraph(tpl):
    path = tpl("{%p if ada_prestasi %}Prestasi organisasi:", "{{p prestasi }}", "{%p endif %}")
    assert found(check_template_file(path)) == {("template-tag-misplaced", body("paragraf 1"))}


def test_paragraph_if_and_endif_in_one_paragraph(tpl):
    path = tpl("{%p if ada_prestasi %}ada{%p endif %}")
    assert ("template-tag-misplaced", body("paragraf 1")) in found(check_template_file(path))


def test_row_tag_outside_a_table(tpl):
    path = tpl(Table(["a"]), "{%tr if ada_prestasi %}", "teks", "{%tr endif %}")
    assert found(check_template_file(path)) == {("template-tag-misplaced", body("paragraf 1")),
                                                ("template-tag-misplaced", body("paragraf 3"))}
    assert message_at(check_template_file(path), "template-tag-misplaced", body("paragraf 1")) == (
        "tag baris tabel '{%tr if ada_prestasi %}' berada di luar tabel; letakkan di baris tabel "
        "tersendiri")


def test_column_tag_outside_a_table(tpl):
    path = tpl("{%tc for y in renstra.tahun %}", "{{ y }}", "{%tc endfor %}")
    problems = check_template_file(path)
    assert message_at(problems, "template-tag-misplaced", body("paragraf 1")) == (
        "tag kolom tabel '{%tc for y in renstra.tahun %}' berada di luar tabel; letakkan di sel "
        "tabel tersendiri")


def test_column_loop_with_colspan_is_fine(tpl):
    path = tpl(Table(["Indikator", "Target{% colspan renstra.tahun|length %}", ""],
                     ["", "{%tc for y in renstra.tahun %}", "{{ y }}", "{%tc endfor %}"]))
    assert found(check_template_file(path)) == set()


def test_column_loop_without_endfor(tpl):
    path = tpl(Table(["Indikator", "{%tc for y in renstra.tahun %}", "{{ y }}"]))
    assert found(check_template_file(path)) == {
        ("template-unbalanced", body("tabel 1 baris 1 kolom 2"))}


# --- variables ---------------------------------------------------------------------------------

def test_unknown_top_level_variable_is_named_at_each_place(tpl):
    path = tpl("{{ instansi.nama }}", "Kepala: {{ kepala_dinas }}",
               Table(["{{ kepala_dinas }}"]))
    problems = check_template_file(path)
    assert found(problems) == {("template-unknown-variable", body("paragraf 2")),
                               ("template-unknown-variable", body("tabel 1 baris 1 kolom 1"))}
    assert "kepala_dinas" in message_at(problems, "template-unknown-variable", body("paragraf 2"))


def test_loop_variables_and_guarded_names_are_not_unknown(tpl):
    path = tpl("{%p for k in iku %}", "{{ k.nama }} {{ loop.index }}", "{%p endfor %}",
               "{% set judul = lkip.judul %}{{ judul }}", "{{ kepala_dinas|default('-') }}",
               "{% if wakil is defined %}{{ instansi.nama }}{% endif %}")
    assert found(check_template_file(path)) == set()


def test_unknown_attribute_passes_the_check_but_fails_the_build(tpl, valid_workbook, tmp_path):
    path = tpl("{{ instansi.nama }}", "{{ instansi.alamat }}")
    assert found(check_template_file(path)) == set()
    out = tmp_path / "laporan.docx"
    with pytest.raises(LkipError) as exc:
        build_report(valid_workbook, out, template=path)
    assert [p.code for p in exc.value.problems] == ["template-undefined"]
    assert "'alamat'" in exc.value.problems[0].message
    assert not out.exists()

    result = CliRunner().invoke(main, ["build", str(valid_workbook), "-o", str(out),
                                       "--template", str(path)])
    assert result.exit_code == 1, result.output
    assert "[template-undefined]" in result.output and "alamat" in result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lkip.xlsx", "templat.docx"]


def test_document_title_is_checked_too(tpl):
    path = tpl("{{ instansi.nama }}", title="LKIP {{ kepala_dinas }}")
    assert found(check_template_file(path)) == {
        ("template-unknown-variable", "properti dokumen (title)")}


# --- headers, footers, text boxes ----------------------------------------------------------------

def test_headers_and_footers_are_checked(tpl):
    path = tpl("{{ instansi.nama }}", header="LKIP {{ instansi.singkatan ",
               footer="Halaman {{ kepala_dinas }}")
    assert found(check_template_file(path)) == {
        ("template-tag-unclosed", "header (header1.xml), paragraf 1"),
        ("template-unknown-variable", "footer (footer1.xml), paragraf 1"),
    }


def test_syntax_error_in_a_footer(tpl):
    path = tpl("{{ instansi.nama }}", footer="{{ a b }}")
    assert found(check_template_file(path)) == {
        ("template-syntax", "footer (footer1.xml), paragraf 1")}


def test_text_box_is_checked_as_its_own_paragraph(tpl):
    path = tpl("Sampul", "{{ lkip.judul }}")
    box = ('<w:r><w:pict><v:shape id="kotak" style="width:200pt;height:50pt">'
           '<v:textbox><w:txbxContent><w:p><w:r><w:t>{{ kepala_dinas }}</w:t></w:r></w:p>'
           '</w:txbxContent></v:textbox></v:shape></w:pict></w:r>')
    edit_part(path, "word/document.xml",
              lambda xml: xml.replace("<w:t>{{ lkip.judul }}</w:t></w:r>",
                                      "<w:t>{{ lkip.judul }}</w:t></w:r>" + box, 1))
    assert found(check_template_file(path)) == {
        ("template-unknown-variable", body("paragraf 2, kotak teks 1"))}


# --- files that are not templates ---------------------------------------------------------------

def _docx_bytes(tmp_path) -> bytes:
    return write_template(tmp_path / "_asal.docx", "{{ instansi.nama }}").read_bytes()


@pytest.mark.parametrize("kind", ["text", "truncated", "doc", "xlsx", "dotx", "docm", "bad-crc"])
def test_a_file_that_is_not_a_docx(tmp_path, valid_workbook, kind):
    name = {"doc": "templat.doc", "dotx": "templat.dotx", "docm": "templat.docm"}.get(
        kind, "templat.docx")
    path = tmp_path / name
    data = _docx_bytes(tmp_path)
    if kind == "text":
        path.write_text("ini bukan dokumen Word")
    elif kind == "truncated":
        path.write_bytes(data[:len(data) // 2])
    elif kind == "doc":
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4088))
    elif kind == "xlsx":
        path.write_bytes(valid_workbook.read_bytes())
    elif kind == "dotx":
        path.write_bytes(data)
        edit_part(path, "[Content_Types].xml", lambda xml: xml.replace(
            "wordprocessingml.document.main+xml", "wordprocessingml.template.main+xml"))
    elif kind == "docm":
        path.write_bytes(data)
        edit_part(path, "[Content_Types].xml", lambda xml: xml.replace(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            "application/vnd.ms-word.document.macroEnabled.main+xml"))
    else:
        # A stored (uncompressed) document.xml with one byte changed: the zip's CRC fails.
        with zipfile.ZipFile(tmp_path / "_asal.docx") as src, \
                zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as dst:
            for info in src.infolist():
                dst.writestr(info.filename, src.read(info.filename))
        raw = path.read_bytes()
        path.write_bytes(raw.replace(b"{{ instansi.nama }}", b"{{ instansi.namA }}", 1))
    place = str(path) if kind != "bad-crc" else "isi dokumen"
    assert found(check_template_file(path)) == {("template-not-docx", place)}

    result = CliRunner().invoke(main, ["check-template", str(path)])
    assert result.exit_code == 1, result.output
    assert ("template-not-docx", place) in listed(result.output)
    assert "Traceback" not in result.output


def test_missing_lkip_styles_are_one_warning(tpl):
    problems = check_template_file(tpl("{{ instansi.nama }}"))
    assert {p.key() for p in problems} == {(MISSING_STYLE, "gaya dokumen (styles.xml)")}
    assert not errors(problems)
    assert "Narasi" in problems[0].message and "Butir1" in problems[0].message


# --- the command line ----------------------------------------------------------------------------

def test_cli_check_template_accepts_the_default_template():
    result = CliRunner().invoke(main, ["check-template", str(default_template())])
    assert result.exit_code == 0, result.output
    assert listed(result.output) == set()


@pytest.fixture
def broken(tpl) -> Path:
    return tpl("{{ instansi.nama }}", "{{ a b }}", "{%p if ada_prestasi %}",
               Table(["{%tr for k in iku %}"], ["{{ k.nama }}"]), "{{ kepala_dinas }}",
               header="LKIP {{ instansi.singkatan ", name="rusak.docx")


BROKEN = {
    ("template-tag-unclosed", "header (header1.xml), paragraf 1"),
    ("template-syntax", body("paragraf 2")),
    ("template-unbalanced", body("paragraf 3")),
    ("template-unbalanced", body("tabel 1 baris 1 kolom 1")),
}


def test_cli_check_template_lists_every_problem_with_its_place(broken):
    result = CliRunner().invoke(main, ["check-template", str(broken)])
    assert result.exit_code == 1, result.output
    assert listed(result.output) - {(MISSING_STYLE, "gaya dokumen (styles.xml)")} == BROKEN
    assert "Traceback" not in result.output


def test_cli_build_with_a_broken_template_fails_the_same_way_and_writes_nothing(
        broken, valid_workbook, tmp_path):
    before = sorted(p.name for p in tmp_path.iterdir())
    out = tmp_path / "laporan.docx"
    result = CliRunner().invoke(main, ["build", str(valid_workbook), "-o", str(out),
                                       "--template", str(broken)])
    assert result.exit_code == 1, result.output
    assert listed(result.output) == BROKEN  # the errors; warnings do not stop a build
    assert "Traceback" not in result.output
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no temporary file either


def test_cli_build_with_a_good_agency_template(tpl, valid_workbook, tmp_path):
    path = tpl("Laporan {{ instansi.singkatan_lengkap }} {{ lkip.tahun }}",
               "{%p for k in iku %}", "{{ k.no }}. {{ k.nama }}: {{ k.capaian }}",
               "{%p endfor %}", footer="{{ ttd.tempat_tanggal }}")
    out = tmp_path / "laporan.docx"
    result = CliRunner().invoke(main, ["build", str(valid_workbook), "-o", str(out),
                                       "--template", str(path)])
    assert result.exit_code == 0, result.output
    doc = Document(str(out))
    assert [p.text for p in doc.paragraphs] == [
        "Laporan Diskominfostandi Kota Contoh 2024",
        "1. Indeks Layanan Publik Berbasis IT: 107,82%"]
    assert doc.sections[0].footer.paragraphs[0].text == "Contoh, 16 Januari 2025"


# --- the worked example of docs/template.md ----------------------------------------------------

def test_docs_example_adding_the_code_column_to_the_budget_table(valid_workbook, tmp_path):
    """What 'Layout > Insert Left' does in Word, then `{{ b.kode }}` typed in the three data rows:
    a new first cell in every row (empty in the {%tr %} rows and in JUMLAH), a new grid column."""
    import copy

    from docx.oxml.ns import qn

    def text(element) -> str:
        return "".join(t.text or "" for t in element.iter(qn("w:t")))

    doc = Document(str(default_template()))
    table = next(t for t in doc.element.body.iter(qn("w:tbl"))
                 if "{%tr for b in t.baris %}" in text(t))
    grid = table.find(qn("w:tblGrid")).findall(qn("w:gridCol"))
    name_width = int(grid[0].get(qn("w:w")))
    grid[0].set(qn("w:w"), str(name_width - 1300))
    new_col = copy.deepcopy(grid[0])
    new_col.set(qn("w:w"), "1300")
    grid[0].addprevious(new_col)
    for n, tr in enumerate(table.findall(qn("w:tr"))):
        first = tr.find(qn("w:tc"))
        cell = copy.deepcopy(first)  # same formatting as the name cell of that row
        tcpr = cell.find(qn("w:tcPr"))
        for span in tcpr.findall(qn("w:gridSpan")):
            tcpr.remove(span)
        tcpr.find(qn("w:tcW")).set(qn("w:w"), "1300")
        for t in cell.iter(qn("w:t")):
            t.text = ""
        if n == 0:
            next(cell.iter(qn("w:t"))).text = "Kode"
        elif "{{ b.nama }}" in text(first):
            next(cell.iter(qn("w:t"))).text = "{{ b.kode }}"
        first.addprevious(cell)
    path = tmp_path / "templat-dinas.docx"
    doc.save(str(path))

    assert check_template_file(path) == []
    out = tmp_path / "laporan.docx"
    build_report(valid_workbook, out, template=path)
    report = Document(str(out))
    budget = next(t for t in report.tables if t.rows[0].cells[0].text == "Kode")
    assert budget.rows[0].cells[1].text == "Program / Kegiatan / Sub Kegiatan"
    body_rows = [[c.text for c in r.cells][:2] for r in budget.rows[2:]]
    assert body_rows == [
        ["2.16.02", "Program Aplikasi Informatika"],
        ["2.16.02.1.01", "Pengelolaan Nama Domain dan Sub Domain"],
        ["2.16.02.1.01.0001", "Pengelolaan Nama Domain"],
        ["2.16.02.1.01.0002", "Pengembangan Aplikasi"],
        ["", "JUMLAH"],
    ]
