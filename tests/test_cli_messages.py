"""The CLI speaks Bahasa Indonesia, click's own help and usage errors included."""

from click.testing import CliRunner

from lkip_docx.cli import main


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_help_is_indonesian():
    out = run("--help").output
    assert "Penggunaan: lkip [OPSI] PERINTAH [ARGUMEN]..." in out
    assert "Opsi:" in out and "Perintah:" in out
    assert "Tampilkan bantuan ini lalu keluar." in out and "Tampilkan versi lalu keluar." in out
    for command in ("build", "check", "check-template", "init", "rekap", "summary"):
        sub = run(command, "--help")
        assert sub.exit_code == 0 and "Penggunaan: lkip " + command in sub.output
    assert "[wajib]" in run("build", "--help").output


def test_usage_errors_are_indonesian_and_exit_2(tmp_path):
    result = run("bild")
    assert result.exit_code == 2
    assert "Galat: Tidak ada perintah 'bild'. (Mungkin maksud Anda: 'build'?)" in result.output
    result = run("check", str(tmp_path / "tidak-ada.xlsx"))
    assert result.exit_code == 2 and "tidak ada" in result.output
    result = run("build", str(tmp_path))
    assert result.exit_code == 2 and "Opsi belum diisi" in result.output
    result = run("build", str(tmp_path), "-o", str(tmp_path / "x"), "--jobs", "0")
    assert result.exit_code == 2 and "tidak dalam rentang" in result.output
    assert "Error" not in result.output and "Usage" not in result.output


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and result.output.startswith("lkip ")
