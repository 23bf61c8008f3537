"""``lkip init`` and ``lkip check`` driven through click's CliRunner: exit codes, what is printed,
and that the user's files are never changed."""

from __future__ import annotations

import hashlib
from decimal import Decimal as D
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import changed, loc

from lkip_docx.cli import EXIT_INTERNAL, EXIT_USER, main
from lkip_docx.workbook.reader import read_workbook


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- init ----------------------------------------------------------------------------------------

def test_init_creates_a_standard_workbook(tmp_path):
    path = tmp_path / "baru.xlsx"
    result = run("init", str(path))
    assert result.exit_code == 0, result.output
    assert path.is_file()
    assert "lkip check" in result.output
    raw = read_workbook(path)
    assert {"Petunjuk", "Profil", "Sub Kegiatan", "Skala Predikat"} <= set(raw.sheets)
    assert not list(tmp_path.glob(".lkip-*"))  # no temporary file left behind


def test_init_refuses_to_overwrite(tmp_path):
    path = tmp_path / "ada.xlsx"
    path.write_bytes(b"isi lama yang berharga")
    before = sha(path)
    result = run("init", str(path))
    assert result.exit_code == EXIT_USER == 1
    assert sha(path) == before
    assert "[output-exists]" in result.output
    assert "Traceback" not in result.output


def test_init_refuses_a_name_without_xlsx(tmp_path):
    result = run("init", str(tmp_path / "baru.xls"))
    assert result.exit_code == 1
    assert "[bad-extension]" in result.output
    assert not (tmp_path / "baru.xls").exists()


def test_init_into_a_missing_folder(tmp_path):
    result = run("init", str(tmp_path / "tidak-ada" / "baru.xlsx"))
    assert result.exit_code == 1
    assert "Traceback" not in result.output


def test_init_then_check_lists_what_to_fill(tmp_path):
    path = tmp_path / "baru.xlsx"
    run("init", str(path))
    result = run("check", str(path))
    assert result.exit_code == 1
    assert "'Profil'!B" in result.output and "[required-empty]" in result.output
    assert "'Tujuan'!A2" in result.output and "[empty-sheet]" in result.output


# --- check ---------------------------------------------------------------------------------------

def test_check_valid_workbook(valid_workbook):
    before = sha(valid_workbook)
    result = run("check", str(valid_workbook))
    assert result.exit_code == 0, result.output
    assert "valid" in result.output
    assert "Galat" not in result.output
    assert sha(valid_workbook) == before


def test_check_with_warnings_only_exits_0(make_workbook):
    path = make_workbook(sub_kegiatan=changed("sub_kegiatan", 0, realisasi=D(95_000_000)))
    result = run("check", str(path))
    assert result.exit_code == 0, result.output
    assert "Peringatan (1)" in result.output
    assert f"{loc('sub_kegiatan', 'realisasi', 2)}:" in result.output
    assert "[realisasi-above-pagu]" in result.output


def test_check_broken_workbook(make_workbook):
    path = make_workbook(sub_kegiatan=changed("sub_kegiatan", 0, target_output=D(0)),
                         sasaran=changed("sasaran", 0, kode_tujuan="T9"))
    before = sha(path)
    result = run("check", str(path))
    assert result.exit_code == EXIT_USER == 1
    assert "Galat (2)" in result.output
    # each problem on its own line: 'Sheet'!Cell: message [code]
    lines = [line.strip() for line in result.output.splitlines()]
    target = next(line for line in lines if "[target-zero]" in line)
    assert target.startswith("'Sub Kegiatan'!G2: ")
    reference = next(line for line in lines if "[unknown-reference]" in line)
    assert reference.startswith("'Sasaran'!B2: ")
    assert "2 galat" in result.output
    # workbook order: Sasaran comes before Sub Kegiatan
    assert lines.index(reference) < lines.index(target)
    assert sha(path) == before


@pytest.mark.parametrize("content, code", [
    (b"ini bukan workbook", "not-a-workbook"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "old-xls"),
    (b"", "empty-file"),
    (b"PK\x03\x04" + b"\0" * 100, "corrupt-workbook"),
])
def test_check_non_workbook(tmp_path, content, code):
    path = tmp_path / "data.xlsx"
    path.write_bytes(content)
    result = run("check", str(path))
    assert result.exit_code == 1
    assert "data.xlsx: " in result.output and f"[{code}]" in result.output
    assert "Traceback" not in result.output
    assert path.read_bytes() == content


def test_check_missing_file_is_a_usage_error(tmp_path):
    result = run("check", str(tmp_path / "tidak-ada.xlsx"))
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_check_folder_is_a_usage_error(tmp_path):
    result = run("check", str(tmp_path))
    assert result.exit_code == 2


def test_check_without_argument_is_a_usage_error():
    assert run("check").exit_code == 2


def test_internal_error_exits_3_without_traceback(valid_workbook, monkeypatch):
    import lkip_docx.cli

    def broken(path):
        raise RuntimeError("bug di lkip-docx")

    monkeypatch.delenv("LKIP_DEBUG", raising=False)
    monkeypatch.setattr(lkip_docx.cli, "check_workbook", broken)
    result = run("check", str(valid_workbook))
    assert result.exit_code == EXIT_INTERNAL == 3
    assert "Traceback" not in result.output
    assert "RuntimeError: bug di lkip-docx" in result.output
