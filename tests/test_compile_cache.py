"""The disk cache of prepared templates (report/compile_cache.py): an optimisation that can never
change a report or fail a build. Each test builds real reports of the minimal workbook into a
cache folder of its own, damages or removes what the cache relies on, and checks that the report
is the same and that nothing untrusted is used."""

from __future__ import annotations

import os
import stat
import sys

import docxtpl
import jinja2
import pytest
from docx import Document

from lkip_docx.api import build_report
from lkip_docx.report import compile_cache, engine
from lkip_docx.report.provenance import CLOSING_PREFIX


@pytest.fixture
def compiles(monkeypatch):
    """How many template parts Jinja compiled (a cache hit compiles nothing)."""
    calls = []
    original = engine.ReportEnvironment.compile

    def counting(self, source, *args, **kwargs):
        calls.append(len(source))
        return original(self, source, *args, **kwargs)

    monkeypatch.setattr(engine.ReportEnvironment, "compile", counting)
    return calls


def text_of(path) -> str:
    """The report's text, without the closing line: it states the build time, which differs
    between two builds a minute apart."""
    doc = Document(str(path))
    return "\n".join(p.text for p in doc.paragraphs if not p.text.startswith(CLOSING_PREFIX))


def build(workbook, out) -> str:
    engine._MEMORY.clear()  # a new process: only the disk can help
    build_report(workbook, out, force=True)
    return text_of(out)


def entries(folder):
    return sorted(folder.glob("*" + compile_cache.SUFFIX))


def test_a_second_build_uses_the_cache_and_gives_the_same_report(valid_workbook, tmp_path, cache,
                                                                 compiles):
    first = build(valid_workbook, tmp_path / "a.docx")
    assert compiles, "the first build compiles the template"
    assert entries(cache), "and stores what it prepared"
    if hasattr(os, "geteuid"):
        assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    compiles.clear()
    second = build(valid_workbook, tmp_path / "b.docx")
    assert compiles == []
    assert second == first


@pytest.mark.parametrize("damage", ["flip", "empty", "truncate", "garbage"])
def test_a_damaged_entry_is_never_used_and_is_rebuilt(valid_workbook, tmp_path, cache, compiles,
                                                      damage):
    expected = build(valid_workbook, tmp_path / "a.docx")
    for path in entries(cache):
        data = bytearray(path.read_bytes())
        if damage == "flip":
            data[-1] ^= 0x01
        elif damage == "empty":
            data = bytearray()
        elif damage == "truncate":
            data = data[: len(data) // 2]
        else:
            data = bytearray(b"not a cache entry at all")
        path.write_bytes(bytes(data))
    compiles.clear()
    assert build(valid_workbook, tmp_path / "b.docx") == expected
    assert compiles, "every damaged entry was prepared again"
    compiles.clear()
    assert build(valid_workbook, tmp_path / "c.docx") == expected
    assert compiles == [], "and replaced by a good one"


@pytest.mark.parametrize("module", [docxtpl, jinja2, compile_cache], ids=["docxtpl", "jinja2",
                                                                         "lkip-docx"])
def test_entries_of_other_versions_are_not_used(valid_workbook, tmp_path, cache, compiles,
                                                monkeypatch, module):
    build(valid_workbook, tmp_path / "a.docx")
    before = set(entries(cache))
    monkeypatch.setattr(module, "__version__", "99.0.0")
    compiles.clear()
    build(valid_workbook, tmp_path / "b.docx")
    assert compiles, "an upgrade prepares the template again"
    assert set(entries(cache)) > before


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root writes into read-only folders")
def test_a_read_only_cache_folder_only_means_no_cache(valid_workbook, tmp_path, cache):
    cache.mkdir(mode=0o700)
    cache.chmod(0o500)
    try:
        build(valid_workbook, tmp_path / "a.docx")
        assert (tmp_path / "a.docx").exists()
        assert entries(cache) == []
    finally:
        cache.chmod(0o700)


def test_a_cache_path_that_cannot_be_a_folder_only_means_no_cache(valid_workbook, tmp_path,
                                                                   monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv(compile_cache.ENV_VAR, str(blocker / "cache"))
    build(valid_workbook, tmp_path / "a.docx")
    assert (tmp_path / "a.docx").exists()


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_a_folder_others_can_write_is_never_trusted(valid_workbook, tmp_path, cache, compiles):
    expected = build(valid_workbook, tmp_path / "a.docx")
    cache.chmod(0o777)  # anyone could have put compiled code here
    compiles.clear()
    assert build(valid_workbook, tmp_path / "b.docx") == expected
    assert compiles, "nothing is read from it"
    cache.chmod(0o700)


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_a_cache_folder_that_is_a_link_is_never_trusted(valid_workbook, tmp_path, monkeypatch,
                                                        compiles):
    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    link = tmp_path / "link"
    link.symlink_to(real)
    monkeypatch.setenv(compile_cache.ENV_VAR, str(link))
    build(valid_workbook, tmp_path / "a.docx")
    assert entries(real) == []


def test_off_switches_the_cache_off(valid_workbook, tmp_path, monkeypatch, compiles):
    monkeypatch.setenv(compile_cache.ENV_VAR, "off")
    monkeypatch.chdir(tmp_path)
    build(valid_workbook, tmp_path / "a.docx")
    compiles.clear()
    build(valid_workbook, tmp_path / "b.docx")
    assert compiles, "nothing was kept"
    assert not (tmp_path / "off").exists()


def test_the_cache_holds_a_bounded_number_of_entries(cache):
    for i in range(compile_cache.MAX_ENTRIES + 10):
        compile_cache.store("test", f"source {i}", b"x" * 10)
    assert len(entries(cache)) == compile_cache.MAX_ENTRIES
    # the most recent ones are kept
    assert compile_cache.load("test", f"source {compile_cache.MAX_ENTRIES + 9}") == b"x" * 10


def test_the_key_covers_every_version_and_the_source():
    key = compile_cache.entry_key("jinja", "<w:p/>")
    assert key == compile_cache.entry_key("jinja", "<w:p/>")
    assert key != compile_cache.entry_key("jinja", "<w:p />")
    assert key != compile_cache.entry_key("docxtpl-patch", "<w:p/>")
