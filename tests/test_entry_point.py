"""The console entry point (cli.run) as a user starts it: a real process, whose output must be
complete and whose exit code must be right although it skips the interpreter's teardown."""

import subprocess
import sys
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "lkip-2024-diskominfostandi-bekasi.xlsx"


def lkip(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lkip_docx", *args], capture_output=True,
                          text=True, timeout=120, env=env)


def test_build_writes_the_whole_report_and_says_so(tmp_path):
    out = tmp_path / "laporan.docx"
    done = lkip("build", str(SAMPLE), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert f"Laporan dibuat: {out}" in done.stdout
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "BAB IV" in text and "PENUTUP" in text.upper()


def test_the_problem_list_is_complete_before_the_exit_code_1(tmp_path):
    bad = tmp_path / "bukan.xlsx"
    bad.write_text("ini bukan workbook")
    done = lkip("check", str(bad))
    assert done.returncode == 1
    # `check` reports on standard output (it is the command's result); nothing may be lost in
    # the buffer when the process ends.
    assert "not-a-workbook" in done.stdout
    assert done.stdout.rstrip().endswith("Perbaiki galat lalu periksa ulang.")
    assert "Traceback" not in done.stderr
    assert not list(tmp_path.glob("*.docx"))


def test_usage_errors_exit_2_with_click_s_message_flushed():
    done = lkip("build", "--tidak-ada")
    assert done.returncode == 2
    assert "--tidak-ada" in done.stderr


def test_help_is_printed_completely_through_a_pipe():
    done = lkip("--help")
    assert done.returncode == 0
    # The last command of the listing comes at the end of the buffered output.
    assert "summary" in done.stdout and done.stdout.endswith("\n")


def test_debug_mode_keeps_the_normal_exit(tmp_path):
    import os

    env = dict(os.environ, LKIP_DEBUG="1")
    done = lkip("check", str(SAMPLE), env=env)
    assert done.returncode == 0, done.stderr
    assert "valid" in done.stdout
