"""Bad input that once crashed or silently lost data: one regression test per bug, found by the fuzz
tests of test_fuzz.py or while reading the code they exercise (each test says what went wrong);
and the kinds of bad input docs/errors.md lists that no other test covers: text printed literally,
an output folder without write permission, broken Word templates."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
from decimal import Decimal as D
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import KODE_SUB_1, KODE_SUB_2, changed, keys, loc, write_minimal_workbook
from docx import Document
from openpyxl import load_workbook

from lkip_docx import output as output_mod
from lkip_docx.api import build_report, check_workbook
from lkip_docx.cli import main
from lkip_docx.fmt import number
from lkip_docx.numbers import normalize
from lkip_docx.problems import LkipError
from lkip_docx.report.engine import default_template

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "lkip-2024-diskominfostandi-bekasi.xlsx"


def sample_with(tmp_path: Path, sheet: str, coord: str, value) -> Path:
    """A copy of the sample with one cell changed, as the fuzz tests change it."""
    wb = load_workbook(io.BytesIO(SAMPLE.read_bytes()))
    wb[sheet][coord].value = value
    path = tmp_path / "lkip.xlsx"
    wb.save(path)
    with_sample_pictures(tmp_path)
    wb.close()
    return path


def with_sample_pictures(folder: Path) -> None:
    """The pictures the sample names, beside a copy of it (as a user keeps them)."""
    for picture in SAMPLE.parent.glob("*.png"):
        shutil.copy(picture, folder / picture.name)


def report_texts(path: Path) -> list[str]:
    doc = Document(str(path))
    return [p.text for p in doc.paragraphs] + [cell.text for t in doc.tables for row in t.rows
                                               for cell in row.cells]


def run(*args: str):
    result = CliRunner().invoke(main, list(args), env={"LKIP_DEBUG": None})
    assert "Traceback" not in result.output
    return result


# --- bugs found by test_fuzz.py -------------------------------------------------------------------

@pytest.mark.parametrize("value", [1e300, 10**30])
def test_absurd_bobot_is_printed_in_the_report_not_a_crash(tmp_path, value):
    # numbers.normalize quantized with the default 28 digits: 'Evaluasi AKIP'!B2 = 1E+300 (Excel
    # accepts it) raised decimal.InvalidOperation while the report was formatted: exit code 3.
    path = sample_with(tmp_path, "Evaluasi AKIP", "B2", value)
    out = tmp_path / "laporan.docx"
    result = run("build", str(path), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "[akip-weight-sum]" in result.output
    assert any("1.000.000.000.000.000.000.000.000.000.000" in t for t in report_texts(out))


def test_normalize_and_number_keep_every_digit_of_long_figures():
    assert normalize(D("1E+300")) == D(10) ** 300
    assert normalize(D("12345678901234567890123456789.50")) == D("12345678901234567890123456789.5")
    # abs() rounded to 28 digits: the last digits of a 30-digit figure changed when printed.
    assert number(D("-12345678901234567890123456789.5"), None) == \
        "-12.345.678.901.234.567.890.123.456.789,5"


def test_formula_result_too_large_is_a_problem_at_its_rumus_cell(tmp_path):
    # A Komponen Indeks value typed with 30,000 digits, multiplied 40 times, passes Decimal's
    # largest exponent: decimal.Overflow escaped check_workbook.
    path = write_minimal_workbook(tmp_path / "lkip.xlsx", komponen_indeks=[
        {"kode": "IP1.A", "uraian": "A", "nilai": "1" + "0" * 30_000},
        {"kode": "IP1.B", "uraian": "B", "nilai": D("4.68")},
        {"kode": "IP1.NILAI", "uraian": "Indeks", "rumus": " * ".join(["IP1.A"] * 40)}])
    result = check_workbook(path)
    assert keys(result.problems) == {("formula-overflow", loc("komponen_indeks", "rumus", 4))}
    result = run("check", str(path))
    assert result.exit_code == 1 and "[formula-overflow]" in result.output


def test_references_in_another_case_reach_their_tables(tmp_path):
    # Validation compares codes without case ('iku1' refers to IKU1) but compute looked them up
    # exactly: the workbook passed with no problem at all, and the report lost the IKU's sasaran,
    # its realisasi (from the index), its indikator program, the sub kegiatan and the narrative.
    path = write_minimal_workbook(
        tmp_path / "lkip.xlsx",
        sasaran=changed("sasaran", 0, kode_tujuan="t1"),
        iku=changed("iku", 0, kode_sasaran="ss1", kode_indeks="ip1.nilai", kode_skala="spbe"),
        target_iku=[dict(r, kode_iku="iku1", realisasi=None) for r in changed("target_iku")],
        indikator_program=changed("indikator_program", 0, kode_iku="Iku1", kode_indeks="IP1.nilai"),
        sub_kegiatan=[dict(changed("sub_kegiatan")[0], kode_indikator_program="ip1"),
                      dict(changed("sub_kegiatan")[1], kode_iku="iku1")],
        narasi=[{"bagian": "Langkah Tahun Depan", "kode_iku": "iku1", "teks": "Langkah."}])
    result = check_workbook(path)
    assert keys(result.problems) == set()
    iku = result.results.ikus[0]
    assert iku.sasaran.kode == "SS1" and iku.tujuan.kode == "T1"
    assert iku.realisasi == D("4.45") and iku.capaian.value is not None
    assert iku.target == D("4.09")
    assert [ip.ip.kode for ip in iku.indikator_program] == ["IP1"]
    assert [line.kode for line in iku.indikator_program[0].subs] == [KODE_SUB_1]
    assert sorted(line.kode for p in iku.programs for line in p.subs) == [KODE_SUB_1, KODE_SUB_2]
    assert sum(len(v) for v in iku.narasi.values()) == 1


def test_fuzz_mutation_lowercase_kode_indeks(tmp_path):
    # The exact sample mutation: 'IKU'!H2 (Kode Indeks Realisasi) typed 'iku1' for IKU1.
    path = sample_with(tmp_path, "IKU", "H2", "iku1")
    result = check_workbook(path)
    assert result.ok
    assert result.results.ikus[0].realisasi == D("4.41")


def test_tiny_target_output_gives_a_warning_not_a_crash(tmp_path):
    # 'Sub Kegiatan'!G2 (Target Output) = 1E-300: the capaian-mismatch message quantized a ratio of
    # 1E+302 % in the default 28-digit context and raised decimal.InvalidOperation.
    path = sample_with(tmp_path, "Sub Kegiatan", "G2", 1e-300)
    result = check_workbook(path)
    assert keys(result.problems) == {("capaian-mismatch", "'Sub Kegiatan'!L2")}
    assert "Capaian Output diketik 100% tetapi" in result.problems[0].message


def test_sample_without_its_evaluasi_akip_sheet_says_why_iku2_has_no_realisasi(tmp_path):
    # The exact fuzz mutation: the (optional) Evaluasi AKIP sheet renamed. IKU2 takes its
    # realisasi from NILAI_AKIP; the workbook passed with no problem at all and the report showed
    # IKU2 without realisasi or capaian.
    wb = load_workbook(io.BytesIO(SAMPLE.read_bytes()))
    wb["Evaluasi AKIP"].title = "Lama Evaluasi AKIP"
    path = tmp_path / "lkip.xlsx"
    wb.save(path)
    with_sample_pictures(tmp_path)
    assert keys(check_workbook(path).problems) == {("unknown-reference", "'IKU'!H3")}


def test_nilai_akip_without_evaluasi_akip_rows(tmp_path):
    path = write_minimal_workbook(
        tmp_path / "lkip.xlsx", evaluasi_akip=[],
        iku=changed("iku", 0, kode_indeks="nilai_akip"),
        indikator_program=changed("indikator_program", 0, kode_indeks="NILAI_AKIP"))
    assert keys(check_workbook(path).problems) == {
        ("unknown-reference", loc("iku", "kode_indeks", 2)),
        ("unknown-reference", loc("indikator_program", "kode_indeks", 2))}


def test_damaged_part_is_reported_as_a_damaged_file(tmp_path):
    # The zip directory is intact but a sheet's compressed bytes are not: openpyxl fails with
    # zlib.error and the message said "(error)", which names nothing the user can act on.
    from conftest import damage_sheet_data

    path = write_minimal_workbook(tmp_path / "lkip.xlsx")
    damage_sheet_data(path, "Sub Kegiatan")
    [problem] = check_workbook(path).problems
    assert problem.code == "corrupt-workbook"
    assert "rusak atau terpotong" in problem.message and "(error)" not in problem.message


def test_formula_syntax_message_names_the_formula_once(tmp_path):
    # composite.py prefixed "Rumus " to the parser's "rumus tidak sah ...": "Rumus rumus tidak sah".
    path = write_minimal_workbook(tmp_path / "lkip.xlsx", komponen_indeks=[
        {"kode": "IP1.A", "uraian": "A", "nilai": D("4.21")},
        {"kode": "IP1.B", "uraian": "B", "nilai": D("4.68")},
        {"kode": "IP1.NILAI", "uraian": "Indeks", "rumus": "(IP1.A + IP1.B / 2"}])
    [problem] = check_workbook(path).problems
    assert problem.key() == ("formula-syntax", loc("komponen_indeks", "rumus", 4))
    assert problem.message.startswith("Rumus tidak sah di posisi 19")


def test_temporary_file_that_cannot_be_created_is_a_problem_not_a_crash(tmp_path, monkeypatch):
    # mkstemp sat outside the try: a folder os.access calls writable but that refuses a new file
    # (network shares, ACLs) raised PermissionError through build_report: exit code 3.
    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(output_mod.os, "open", refuse)
    with pytest.raises(LkipError) as exc:
        build_report(SAMPLE, tmp_path / "laporan.docx")
    assert [p.code for p in exc.value.problems] == ["output-locked"]
    assert list(tmp_path.iterdir()) == []


def test_init_on_a_full_disk_is_a_problem_and_leaves_nothing(tmp_path, monkeypatch):
    # init_workbook wrote through NamedTemporaryFile without turning an OSError into a problem:
    # a full disk was an internal error (exit 3). The workbook is now made in memory; the disk
    # fills up when its bytes are written.
    def full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output_mod.os, "fsync", full)
    result = run("init", str(tmp_path / "baru.xlsx"))
    assert result.exit_code == 1
    assert "[output-disk-full]" in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_init_workbook_is_readable_as_the_umask_allows(tmp_path):
    # Like the report (tests/test_render_escaping.py), the blank workbook kept mkstemp's 0600.
    mask = os.umask(0o022)
    try:
        path = tmp_path / "baru.xlsx"
        assert run("init", str(path)).exit_code == 0
    finally:
        os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o644


# --- the CLI agrees with the API -----------------------------------------------------------------

def test_cli_output_that_is_a_folder_is_refused_as_in_the_api(tmp_path):
    (tmp_path / "laporan.docx").mkdir()
    result = run("build", str(SAMPLE), "-o", str(tmp_path / "laporan.docx"))
    assert result.exit_code == 1
    assert "[output-is-folder]" in result.output


# --- rows of docs/errors.md without another test --------------------------------------------------

TRICKY = ('PT A & B <Cipta> "Data" \'Kota\' {{ nama }} {% if x %}{%p endif %} {# c #} '
          "💯🇮🇩 数据中心 עברית عربي – “kutip” ½ é")


def test_markup_and_unicode_are_printed_literally(tmp_path):
    path = write_minimal_workbook(
        tmp_path / "lkip.xlsx",
        profil={"nama_instansi": "Dinas <Kominfo> & {{ Statistik }} 数据"},
        tujuan=[{"kode": "T1", "uraian": TRICKY}])
    out = tmp_path / "laporan.docx"
    build_report(path, out)
    texts = report_texts(out)
    assert any(TRICKY in t for t in texts)
    assert any("Dinas <Kominfo> & {{ Statistik }} 数据" in t for t in texts)


def test_folder_without_write_permission(tmp_path, monkeypatch):
    # Checked with os.access, as the suite may run as root (for whom chmod changes nothing).
    real_access = output_mod.os.access
    monkeypatch.setattr(output_mod.os, "access",
                        lambda p, mode: False if Path(p) == tmp_path else real_access(p, mode))
    before = hashlib.sha256(SAMPLE.read_bytes()).hexdigest()
    with pytest.raises(LkipError) as exc:
        build_report(SAMPLE, tmp_path / "laporan.docx")
    assert [p.code for p in exc.value.problems] == ["output-not-writable"]
    assert list(tmp_path.iterdir()) == []
    assert hashlib.sha256(SAMPLE.read_bytes()).hexdigest() == before


def template_with(tmp_path: Path, text: str) -> Path:
    """The bundled template with one more paragraph holding ``text``."""
    doc = Document(str(default_template()))
    doc.add_paragraph(text)
    path = tmp_path / "templat.docx"
    doc.save(str(path))
    return path


@pytest.mark.parametrize("text, code", [
    ("{{ profil.nama_instansi | }}", "template-syntax"),
    ("{ { nama_instansi }}", "template-tag-broken"),
    ("{{ nama_instansi }", "template-tag-unclosed"),
    ("{%p if true %}", "template-unbalanced"),
    ("{{ tidak_ada }}", "template-unknown-variable"),
], ids=["syntax", "broken-tag", "unclosed-tag", "unbalanced", "unknown-variable"])
def test_broken_template(tmp_path, text, code):
    template = template_with(tmp_path, text)
    result = run("check-template", str(template))
    assert result.exit_code == 1
    assert f"[{code}]" in result.output
    out = tmp_path / "laporan.docx"
    result = run("build", str(SAMPLE), "-o", str(out), "--template", str(template))
    assert result.exit_code == 1
    assert f"[{code}]" in result.output
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["templat.docx"]


def test_template_that_is_not_a_docx(tmp_path):
    template = tmp_path / "templat.docx"
    template.write_text("bukan dokumen Word")
    for args in (["check-template", str(template)],
                 ["build", str(SAMPLE), "-o", str(tmp_path / "laporan.docx"), "--template",
                  str(template)]):
        result = run(*args)
        assert result.exit_code == 1
        assert "[template-not-docx]" in result.output
    assert not (tmp_path / "laporan.docx").exists()
