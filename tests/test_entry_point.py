"""The console entry point (cli.run) as a user starts it: a real process, whose output must be
complete, whose exit code must be right and which ends through the interpreter's normal exit."""

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


def test_the_process_ends_normally_so_exit_handlers_run(tmp_path):
    # A command ends through the interpreter's normal exit (no os._exit): atexit handlers, file
    # finalizers and coverage tools get their turn.
    script = tmp_path / "run.py"
    script.write_text(
        "import atexit, sys\n"
        "atexit.register(lambda: print('atexit-ran', flush=True))\n"
        "from lkip_docx.cli import run\n"
        f"sys.argv = ['lkip', 'check', {str(SAMPLE)!r}]\n"
        "run()\n")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert "valid" in done.stdout
    assert done.stdout.rstrip().endswith("atexit-ran")
