"""Single builds on two cores (pipeline.py): the same report as rendering in-process, the same
errors, and a fallback when the renderer process cannot do its job."""

import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from lkip_docx import pipeline
from lkip_docx.api import build_report
from lkip_docx.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "lkip-2024-diskominfostandi-bekasi.xlsx"


def document_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read("word/document.xml")


def test_parallel_and_in_process_builds_give_the_same_report(tmp_path):
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    build_report(SAMPLE, a, parallel=True)
    build_report(SAMPLE, b, parallel=False)
    assert document_xml(a) == document_xml(b)


def test_the_cli_uses_the_renderer_process(tmp_path, monkeypatch):
    started = []
    real = pipeline.RemoteRenderer

    class Spy(real):
        def __init__(self, template):
            started.append(template)
            super().__init__(template)

    monkeypatch.setattr(pipeline, "RemoteRenderer", Spy)
    result = CliRunner().invoke(main, ["build", str(SAMPLE), "-o", str(tmp_path / "r.docx")])
    assert result.exit_code == 0, result.output
    assert started == [None]


def test_single_process_can_be_asked_for(tmp_path, monkeypatch):
    monkeypatch.setenv(pipeline.SINGLE_PROCESS_ENV, "1")
    assert pipeline.start_renderer(None) is None
    build_report(SAMPLE, tmp_path / "r.docx", parallel=True)
    assert (tmp_path / "r.docx").exists()


@pytest.mark.parametrize("program", [
    "import sys; sys.exit(0)",  # a child that dies at once
    "import sys, time; sys.stdin.buffer.read(); sys.stdout.buffer.write(b'not a pickle')",
])
def test_a_failing_renderer_process_falls_back_to_rendering_here(tmp_path, monkeypatch, program):
    script = tmp_path / "fake_worker.py"
    script.write_text(program)

    real_popen = pipeline.subprocess.Popen

    def popen(args, **kwargs):
        return real_popen([sys.executable, str(script)], **kwargs)

    monkeypatch.setattr(pipeline.subprocess, "Popen", popen)
    out = tmp_path / "r.docx"
    build_report(SAMPLE, out, parallel=True)
    assert document_xml(out).startswith(b"<")


def test_template_errors_come_back_from_the_renderer_process(tmp_path):
    broken = tmp_path / "rusak.docx"
    from docx import Document

    doc = Document()
    doc.add_paragraph("{{ instansi.nama ")
    doc.save(broken)
    result = CliRunner().invoke(main, ["build", str(SAMPLE), "-o", str(tmp_path / "r.docx"),
                                       "--template", str(broken)])
    assert result.exit_code == 1
    assert "template-tag-unclosed" in result.output
    assert not (tmp_path / "r.docx").exists()


def test_workbook_errors_stop_the_renderer_process(tmp_path, make_workbook, monkeypatch):
    from conftest import changed

    from lkip_docx.problems import LkipError

    path = make_workbook(sub_kegiatan=changed("sub_kegiatan", 0, realisasi="Rp 1.2.3"))
    renderers = []
    real = pipeline.start_renderer

    def spy(template):
        renderers.append(real(template))
        return renderers[-1]

    monkeypatch.setattr(pipeline, "start_renderer", spy)
    with pytest.raises(LkipError):
        build_report(path, tmp_path / "r.docx", parallel=True)
    assert renderers and renderers[0].proc.returncode is not None  # the child has ended
    assert not (tmp_path / "r.docx").exists()


def test_worker_protocol_end_to_end():
    """The worker speaks pickle on stdin/stdout and ends when its input closes early."""
    import pickle
    import subprocess

    proc = subprocess.Popen([sys.executable, "-m", "lkip_docx.render_worker"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    pickle.dump(("template", None), proc.stdin)
    proc.stdin.close()  # no context: the workbook had errors
    assert proc.stdout.read() == b""
    assert proc.wait(timeout=30) == 0
