"""The output file: never overwritten without --force, never half-written, inputs never changed."""

import hashlib
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from lkip_docx import output as output_mod
from lkip_docx.api import build_report, init_workbook
from lkip_docx.cli import main
from lkip_docx.problems import LkipError
from lkip_docx.report.engine import default_template

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "lkip-2024-diskominfostandi-bekasi.xlsx"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".~lkip-"))


def test_build_writes_a_complete_report_and_leaves_inputs_unchanged(tmp_path):
    before = digest(SAMPLE), digest(default_template())
    out = tmp_path / "laporan.docx"
    result = CliRunner().invoke(main, ["build", str(SAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert Document(str(out)).paragraphs  # python-docx opens it
    assert (digest(SAMPLE), digest(default_template())) == before
    assert leftovers(tmp_path) == []


def test_existing_report_is_not_overwritten_without_force(tmp_path):
    out = tmp_path / "laporan.docx"
    out.write_bytes(b"milik pengguna")
    result = CliRunner().invoke(main, ["build", str(SAMPLE), "-o", str(out)])
    assert result.exit_code == 1
    assert "output-exists" in result.output and "--force" in result.output
    assert out.read_bytes() == b"milik pengguna"
    result = CliRunner().invoke(main, ["build", str(SAMPLE), "-o", str(out), "--force"])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:2] == b"PK"


def test_missing_output_folder_is_a_clear_error(tmp_path):
    out = tmp_path / "tidak-ada" / "laporan.docx"
    result = CliRunner().invoke(main, ["build", str(SAMPLE), "-o", str(out)])
    assert result.exit_code == 1
    assert "output-folder-missing" in result.output
    assert "Traceback" not in result.output


def test_output_that_is_a_folder_is_refused(tmp_path):
    (tmp_path / "x.docx").mkdir()
    with pytest.raises(LkipError) as exc:
        build_report(SAMPLE, tmp_path / "x.docx")
    assert exc.value.problems[0].code == "output-is-folder"


def test_a_locked_target_leaves_it_untouched_and_no_temporary_file(tmp_path, monkeypatch):
    # Word on Windows locks an open .docx: the final move fails with PermissionError.
    out = tmp_path / "laporan.docx"
    out.write_bytes(b"dibuka di Word")

    def locked(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(output_mod.os, "replace", locked)
    with pytest.raises(LkipError) as exc:
        build_report(SAMPLE, out, force=True)
    assert exc.value.problems[0].code == "output-locked"
    assert out.read_bytes() == b"dibuka di Word"
    assert leftovers(tmp_path) == []


def test_a_failure_while_writing_removes_the_temporary_file(tmp_path, monkeypatch):
    def full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output_mod.os, "fsync", full)
    with pytest.raises(LkipError) as exc:
        build_report(SAMPLE, tmp_path / "laporan.docx")
    assert exc.value.problems[0].code == "output-disk-full"
    assert not (tmp_path / "laporan.docx").exists()
    assert leftovers(tmp_path) == []


def test_a_workbook_with_errors_produces_no_report(tmp_path, make_workbook):
    from conftest import changed

    path = make_workbook(sub_kegiatan=changed("sub_kegiatan", 0, realisasi="Rp 1.2.3"))
    out = tmp_path / "laporan.docx"
    result = CliRunner().invoke(main, ["build", str(path), "-o", str(out)])
    assert result.exit_code == 1
    assert "not-a-number" in result.output
    assert not out.exists() and leftovers(tmp_path) == []


def test_init_refuses_to_overwrite(tmp_path):
    path = tmp_path / "wb.xlsx"
    init_workbook(path)
    first = digest(path)
    with pytest.raises(LkipError) as exc:
        init_workbook(path)
    assert exc.value.problems[0].code == "output-exists"
    assert digest(path) == first
    assert leftovers(tmp_path) == []


def test_no_clobber_move_refuses_a_file_that_appeared_meanwhile(tmp_path):
    tmp = tmp_path / ".~lkip-x.docx"
    tmp.write_bytes(b"baru")
    target = tmp_path / "laporan.docx"
    target.write_bytes(b"lama")
    with pytest.raises(LkipError) as exc:
        output_mod.move_into_place(tmp, target, force=False)
    assert exc.value.problems[0].code == "output-exists"
    assert target.read_bytes() == b"lama"
    os.unlink(tmp)
