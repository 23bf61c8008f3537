"""What reaches the user's terminal and streams (issue 10), with real processes where streams or
signals matter: a closed, full or broken standard output never fails the work nor turns into
"internal error"; Ctrl-C stops a batch at once and says which reports were written; file names
and workbook text print with their control characters escaped."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import write_minimal_workbook
from docx import Document

from lkip_docx.cli import main

POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX file descriptors and signals")
LKIP = [sys.executable, "-m", "lkip_docx"]


def env() -> dict:
    return {k: v for k, v in os.environ.items() if k != "LKIP_DEBUG"}


def lkip(*args: str, **kwargs) -> subprocess.CompletedProcess:
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.PIPE)
    return subprocess.run([*LKIP, *args], text=True, timeout=120, env=env(), **kwargs)


def clean(stderr: str) -> None:
    assert "Traceback" not in stderr, stderr
    assert "Kesalahan internal" not in stderr, stderr
    assert "Exception ignored" not in stderr, stderr


@pytest.fixture
def bad_workbook(tmp_path) -> Path:
    path = tmp_path / "rusak.xlsx"
    path.write_text("bukan workbook")
    return path


@pytest.fixture
def city(tmp_path, valid_workbook) -> Path:
    folder = tmp_path / "kota"
    folder.mkdir()
    for name in ("a", "b"):
        shutil.copy(valid_workbook, folder / f"{name}.xlsx")
    return folder


# --- 6. closed, full and broken streams -----------------------------------------------------------

def _close_stdout() -> None:
    os.close(1)


@POSIX
def test_check_with_standard_output_closed_exits_with_the_work_s_code(valid_workbook,
                                                                        bad_workbook):
    # `lkip check x.xlsx >&-` printed a traceback and exited 1 after a successful check.
    done = lkip("check", str(valid_workbook), stdout=None, preexec_fn=_close_stdout)
    assert done.returncode == 0
    clean(done.stderr)
    done = lkip("check", str(bad_workbook), stdout=None, preexec_fn=_close_stdout)
    assert done.returncode == 1
    clean(done.stderr)


@POSIX
def test_batch_with_standard_output_closed_builds_every_report(city, tmp_path):
    # `lkip build DIR -o OUT >&-` built nothing (the progress asked a missing stdout isatty()).
    out = tmp_path / "laporan"
    done = lkip("build", str(city), "-o", str(out), "--jobs", "2", stdout=None,
                preexec_fn=_close_stdout)
    assert done.returncode == 0
    clean(done.stderr)
    assert sorted(p.name for p in out.iterdir()) == ["a.docx", "b.docx"]


def test_no_standard_streams_at_all_as_under_pythonw(city, tmp_path, valid_workbook):
    # pythonw on Windows starts programs with sys.stdout and sys.stderr set to None.
    out = tmp_path / "laporan"
    code = ("import sys; sys.stdout = sys.stderr = None; sys.argv = ['lkip'] + sys.argv[1:]; "
            "from lkip_docx.cli import run; run()")
    for args in (["check", str(valid_workbook)],
                 ["build", str(valid_workbook), "-o", str(tmp_path / "satu.docx")],
                 ["build", str(city), "-o", str(out), "--jobs", "2"]):
        done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                              text=True, timeout=120, env=env(), cwd=tmp_path)
        assert done.returncode == 0, (args, done.stderr)
        assert done.stdout == "" and done.stderr == ""
    assert (tmp_path / "satu.docx").is_file()
    assert sorted(p.name for p in out.iterdir()) == ["a.docx", "b.docx"]


def _broken_pipe_run(*args: str) -> subprocess.CompletedProcess:
    """``lkip ARGS | head -0``: standard output is a pipe whose reader is already gone."""
    read, write = os.pipe()
    os.close(read)
    try:
        return lkip(*args, stdout=write)
    finally:
        os.close(write)


@POSIX
def test_a_broken_pipe_is_not_an_internal_error(valid_workbook, bad_workbook, city, tmp_path):
    # `lkip check bad.xlsx | head -1` exited 3 "Kesalahan internal". The convention chosen: the
    # rest of the output is dropped, the work goes on, the exit code is the work's.
    done = _broken_pipe_run("check", str(bad_workbook))
    assert done.returncode == 1
    clean(done.stderr)
    done = _broken_pipe_run("check", str(valid_workbook))
    assert done.returncode == 0
    clean(done.stderr)
    done = _broken_pipe_run("summary", str(valid_workbook), "--json")
    assert done.returncode == 0
    clean(done.stderr)
    out = tmp_path / "laporan"
    done = _broken_pipe_run("build", str(city), "-o", str(out), "--jobs", "2")
    assert done.returncode == 0
    clean(done.stderr)
    assert sorted(p.name for p in out.iterdir()) == ["a.docx", "b.docx"]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_standard_output_is_not_an_internal_error(valid_workbook, bad_workbook):
    with open("/dev/full", "w") as full:
        done = lkip("check", str(bad_workbook), stdout=full)
        assert done.returncode == 1
        clean(done.stderr)
        done = lkip("summary", str(valid_workbook), stdout=full)
        assert done.returncode == 0
        clean(done.stderr)


# --- 5. Ctrl-C stops a batch ----------------------------------------------------------------------

@POSIX
def test_ctrl_c_stops_a_batch_at_once_and_says_what_was_written(tmp_path, valid_workbook):
    # Ctrl-C ran 13 s more and wrote 176 more reports before "Dibatalkan.".
    folder = tmp_path / "kota"
    folder.mkdir()
    count = 80
    for i in range(count):
        shutil.copy(valid_workbook, folder / f"pd-{i:02d}.xlsx")
    out = tmp_path / "laporan"
    # A session of its own: the signal goes to the whole group, as Ctrl-C in a terminal does.
    proc = subprocess.Popen([*LKIP, "build", str(folder), "-o", str(out), "--jobs", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env(),
                            start_new_session=True)
    try:
        for line in proc.stdout:
            if line.startswith("[3/"):
                break
        os.killpg(proc.pid, signal.SIGINT)
        stopped = time.monotonic()
        _, stderr = proc.communicate(timeout=60)
        elapsed = time.monotonic() - stopped
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 1, stderr
    assert "Traceback" not in stderr
    assert "Dibatalkan." in stderr
    reports = sorted(p.name for p in out.iterdir())
    assert not [name for name in reports if name.startswith(".~lkip-")]  # no half-written file
    # Stopped, not finished: most of the batch never ran. (The time is only a generous bound
    # against a hang; on a loaded machine stopping the workers takes a few seconds.)
    assert 3 <= len(reports) < count / 2, reports
    assert elapsed < 30, elapsed
    # every report written is listed, and is whole
    listed = [line.strip() for line in stderr.splitlines() if line.startswith("  ")]
    assert f"Dihentikan: {len(reports)} laporan sudah dibuat" in stderr
    assert sorted(listed) == reports
    for name in reports:
        assert Document(str(out / name)).paragraphs


# --- 9. control characters never reach the terminal -----------------------------------------------

TITLE_AND_CLEAR = "\x1b]0;DIRETAS\x07\x1b[2J\x1b[H"


def run(*args: str):
    result = CliRunner().invoke(main, list(args), env={"LKIP_DEBUG": None})
    assert "Traceback" not in result.output
    return result


@POSIX
def test_file_names_print_escaped(tmp_path, valid_workbook):
    # Windows forbids control characters in file names; POSIX file systems take them.
    folder = tmp_path / "kota"
    folder.mkdir()
    sly = folder / f"dinas{TITLE_AND_CLEAR}.xlsx"
    sly.write_text("bukan workbook")
    shutil.copy(valid_workbook, folder / f"baik{TITLE_AND_CLEAR}.xlsx")
    outputs = [run("check", str(sly)),
               run("build", str(folder), "-o", str(tmp_path / "laporan"), "--jobs", "1"),
               run("rekap", str(folder), "-o", str(tmp_path / "rekap.xlsx"), "--jobs", "1"),
               run("build", str(folder / f"baik{TITLE_AND_CLEAR}.xlsx"), "-o",
                   str(tmp_path / f"lap{TITLE_AND_CLEAR}.docx"))]
    escaped = "\\x1b]0;DIRETAS\\x07\\x1b[2J\\x1b[H"
    for result in outputs:
        assert "\x1b" not in result.output and "\x07" not in result.output, result.output
        assert escaped in result.output, result.output
    assert f"GAGAL dinas{escaped}.xlsx" in outputs[1].output
    assert f"dinas{escaped}.xlsx: 1 galat" in outputs[2].output
    assert f"Laporan dibuat: {tmp_path}/lap{escaped}.docx" in outputs[3].output


def test_workbook_text_prints_escaped_and_letters_as_typed(tmp_path):
    nama = "Dinas \x9b2J Pendidikan \u202eéxe. Kebudayaan é 数据 عربي"
    path = write_minimal_workbook(tmp_path / "lkip.xlsx", profil={"nama_instansi": nama})
    text = run("summary", str(path)).output
    assert "Dinas \\x9b2J Pendidikan \\u202eéxe. Kebudayaan é 数据 عربي" in text
    assert "\x9b" not in text and "\u202e" not in text
    as_json = run("summary", str(path), "--json").output
    assert "\x9b" not in as_json and "\u202e" not in as_json
    assert "\\u009b2J Pendidikan \\u202eéxe. Kebudayaan é 数据 عربي" in as_json
    assert json.loads(as_json)["instansi"]["nama"] == nama  # still valid JSON, text intact
