"""A Word template is untrusted input (templates travel between agencies): what it may do when lkip
renders it, what `lkip check-template` says about what it may not, and that nothing else - a cached
compilation, a module lying in the working folder - runs instead.

Templates are real .docx files written with python-docx and rendered through real builds of the
minimal workbook. Payloads that check-template refuses are also rendered with the check switched
off (the ``unchecked`` fixture), to show that the sandbox and the bounds of the render stop them by
themselves. No test times anything: a bound is shown by the problem that names it, and the only
timeouts are generous safety bounds on a subprocess that would otherwise hang.
"""

from __future__ import annotations

import marshal
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from jinja2 import StrictUndefined
from jinja2.compiler import CodeGenerator
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from test_report import tiny_png
from test_template_check import Table, body, edit_part, errors, listed, write_template

from lkip_docx.api import build_report
from lkip_docx.cli import main
from lkip_docx.problems import LkipError
from lkip_docx.report import compile_cache, engine, render, template_check
from lkip_docx.report.template_check import check_template_file

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "lkip-2024-diskominfostandi-bekasi.xlsx"

#: The payloads of the issue, exactly.
POPEN = "{{ cycler.__init__.__globals__.os.popen('id').read() }}"
HUGE_RANGE = "{% for x in range(10**9) %}{% endfor %}"


@pytest.fixture
def unchecked(monkeypatch):
    """`lkip build --template` without check-template first (it refuses every payload here)."""
    monkeypatch.setattr(render, "checked_template", lambda path: [])


def template(tmp_path: Path, *blocks, name: str = "templat.docx", **kw) -> Path:
    return write_template(tmp_path / name, *blocks, **kw)


def build_problems(workbook: Path, tpl: Path, out: Path):
    """The problems of a build that must fail, after checking that it wrote nothing."""
    with pytest.raises(LkipError) as exc:
        build_report(workbook, out, template=tpl)
    assert not out.exists()
    return exc.value.problems


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*")}


# --- the issue's payloads -------------------------------------------------------------------------

def test_check_template_refuses_the_popen_payload_at_its_paragraph(tmp_path):
    path = template(tmp_path, "Pendahuluan", POPEN)
    result = CliRunner().invoke(main, ["check-template", str(path)])
    assert result.exit_code == 1
    assert ("template-unsafe", body("paragraf 2")) in listed(result.output)
    assert "__init__" in result.output and POPEN in result.output
    assert "dapat dipakai" not in result.output


def test_the_popen_payload_never_runs_with_or_without_the_check(tmp_path, valid_workbook,
                                                                monkeypatch):
    marker = tmp_path / "DIJALANKAN"
    payload = f"{{{{ cycler.__init__.__globals__.os.mkdir('{marker.as_posix()}') }}}}"
    path = template(tmp_path, "Pendahuluan", POPEN, payload)
    out = tmp_path / "laporan.docx"
    before = files_under(tmp_path)
    result = CliRunner().invoke(main, ["build", str(valid_workbook), "-o", str(out),
                                       "--template", str(path)])
    assert result.exit_code == 1
    assert "uid=" not in result.output
    assert ("template-unsafe", body("paragraf 2")) in listed(result.output)
    # The sandbox itself refuses, at the first tag that reaches for an internal attribute.
    monkeypatch.setattr(render, "checked_template", lambda path: [])
    problems = build_problems(valid_workbook, path, out)
    assert [p.key() for p in problems] == [("template-unsafe",
                                            f"{path.name}, isi dokumen, paragraf 2")]
    assert "__init__" in problems[0].message
    assert not marker.exists()
    assert files_under(tmp_path) == before


def test_the_huge_range_is_refused_by_the_check_and_stopped_by_the_render(tmp_path,
                                                                         valid_workbook,
                                                                         monkeypatch):
    path = template(tmp_path, "Pendahuluan", HUGE_RANGE)
    problems = check_template_file(path)
    assert ("template-too-much-work", body("paragraf 2")) in errors(problems)
    monkeypatch.setattr(render, "checked_template", lambda path: [])
    problems = build_problems(valid_workbook, path, tmp_path / "laporan.docx")
    assert [p.key() for p in problems] == [("template-too-much-work",
                                           f"{path.name}, isi dokumen")]
    assert engine.LIMITS["items"]() in problems[0].message


# --- the bounds of a render -----------------------------------------------------------------------

#: (id, template text, the bound that stops it, engine constants changed for the case). Every
#: one of these used to run for minutes, or until the memory was gone.
BOUNDED = [
    ("range", HUGE_RANGE, "items", {}),
    ("nested-ranges", "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}"
                      "{% endfor %}", "steps", {"MAX_STEPS": 1_000_000}),
    ("nested-ranges-cpu", "{% for a in range(100000) %}{% for b in range(100000) %}"
                          "{% endfor %}{% endfor %}", "time", {"MAX_SECONDS": 0.2}),
    ("nested-output", "{% for a in range(100000) %}{% for b in range(100000) %}xxxxxxxxxx"
                      "{% endfor %}{% endfor %}", "output", {}),
    ("loop-over-data", "{% for a in range(renstra.tahun|length * 30000) %}"
                       "{% for b in range(renstra.tahun|length * 30000) %}{% endfor %}"
                       "{% endfor %}", "steps", {"MAX_STEPS": 1_000_000}),
    ("str-times", "{{ 'a' * 10**9 }}", "text", {}),
    ("str-times-name", "{% set n = 10 %}{{ 'a' * n ** 9 }}", "text", {}),
    ("list-times", "{{ ([1] * 10**9)|length }}", "items", {}),
    ("int-power", "{{ 2 ** 100000 }}", "number", {}),
    ("int-doubling", "{% set ns = namespace(n=3) %}{% for i in range(100) %}"
                     "{% set ns.n = ns.n * ns.n %}{% endfor %}", "number", {}),
    ("tilde-chain", "{% set a = 'x' * 1000000 %}{% set b = a ~ a ~ a ~ a ~ a ~ a ~ a ~ a ~ a ~ a"
                    " ~ a %}", "text", {}),
    ("set-doubling", "{% set a = 'x' * 1000 %}{% set b = a ~ a %}{% set c = b ~ b %}"
                     "{% set d = c ~ c ~ c ~ c ~ c ~ c ~ c ~ c %}"
                     "{% set e = d ~ d ~ d ~ d ~ d ~ d ~ d ~ d %}"
                     "{% set f = e ~ e ~ e ~ e ~ e ~ e ~ e ~ e %}{% set g = f ~ f ~ f ~ f ~ f %}",
     "text", {}),
    ("plus-chain", "{% set a = 'x' * 1000000 %}{% set b = a + a + a + a + a + a + a + a + a + a"
                   " + a %}", "text", {}),
    ("percent-width", "{{ '%999999999d' % 1 }}", "field", {}),
    ("percent-star", "{{ '%*d' % (10**8, 1) }}", "field", {}),
    ("percent-many", "{{ ('%s' * 1000) % ((('x' * 100000),) * 1000) }}", "text", {}),
    ("format-method", "{{ '{:>999999999}'.format(1) }}", "field", {}),
    ("format-filter", "{{ '%999999999s'|format('x') }}", "field", {}),
    ("center", "{{ 'x'|center(10**9) }}", "field", {}),
    ("indent", "{{ ('x\\n' * 1000000)|indent(1000) }}", "text", {}),
    ("wordwrap", "{{ ('x ' * 1000000)|wordwrap(1, wrapstring='y' * 1000) }}", "text", {}),
    ("join", "{{ (['x' * 1000000] * 100)|join }}", "text", {}),
    ("join-separator", "{{ (['x'] * 100000)|join('y' * 1000) }}", "text", {}),
    ("join-method", "{{ ('y' * 1000).join(['x'] * 100000) }}", "text", {}),
    ("replace", "{{ ('a' * 1000000)|replace('a', 'b' * 100) }}", "text", {}),
    ("replace-method", "{{ ('a' * 1000000).replace('a', 'b' * 100) }}", "text", {}),
    ("lipsum", "{{ lipsum(100000, max=100000) }}", "text", {}),
    ("namespace-text", "{% set ns = namespace(s='x' * 1000) %}{% for i in range(100000) %}"
                       "{% set ns.s = ns.s ~ ns.s %}{% endfor %}", "text", {}),
    ("namespace-list", "{% set big = 'x' * 5000000 %}{% set ns = namespace(l=[]) %}"
                       "{% for i in range(100000) %}{% set ns.l = ns.l + [big ~ i] %}{% endfor %}",
     "work", {}),
    ("macro-recursion", "{% macro m(n) %}{{ m(n) }}{{ m(n) }}{% endmacro %}{{ m(1) }}",
     "recursion", {}),
    ("macro-exponential", "{% macro m(n) %}{% if n > 0 %}{{ m(n - 1) }}{{ m(n - 1) }}{% endif %}"
                          "{% endmacro %}{{ m(60) }}", "steps", {"MAX_STEPS": 100_000}),
    ("recursive-loop", "{% for x in [1, 2] recursive %}{{ loop([1, 2]) }}{% endfor %}",
     "recursion", {}),
    ("batch", "{{ ([1]|batch(10**9, 0))|list }}", "items", {}),
    ("slice", "{{ ([1]|slice(10**9))|list }}", "items", {}),
    ("sum-of-lists", "{{ ([[1] * 1000] * 100000)|sum(start=[]) }}", "items", {}),
    ("tojson", "{{ ([['x' * 100000] * 100] * 100)|tojson }}", "text", {}),
    ("printed-list", "{{ [['x' * 1000000] * 100] * 100 }}", "text", {}),
    ("set-block", "{% macro m() %}{{ 'x' * 9000000 }}{% endmacro %}{% set x %}{{ m() }}{{ m() }}"
                  "{% endset %}", "text", {}),
    ("filter-block", "{% filter upper %}{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}"
                     "{% endfilter %}", "text", {}),
    ("list-of-a-text", "{{ ('αβγ' * 3000000)|list|length }}", "items", {}),
    ("split", "{{ ('ab ' * 3000000).split()|length }}", "items", {}),
    ("loop-cycle", "{% for i in range(100000) %}{% for j in range(100000) %}"
                   "{{ loop.cycle('a', 'b') }}{% endfor %}{% endfor %}", "steps",
     {"MAX_STEPS": 1_000_000}),
]


@pytest.mark.parametrize("text, limit, constants", [case[1:] for case in BOUNDED],
                         ids=[case[0] for case in BOUNDED])
def test_a_render_is_stopped_at_the_bound_it_passes(tmp_path, valid_workbook, unchecked,
                                                   monkeypatch, text, limit, constants):
    # Only the case about CPU time can meet the time bound, however slow the computer.
    for name, value in {"MAX_SECONDS": 600.0, **constants}.items():
        monkeypatch.setattr(engine, name, value)
    path = template(tmp_path, "Pendahuluan", text)
    before = files_under(tmp_path)
    problems = build_problems(valid_workbook, path, tmp_path / "laporan.docx")
    assert [p.key() for p in problems] == [("template-too-much-work",
                                           f"{path.name}, isi dokumen")]
    assert engine.LIMITS[limit]() in problems[0].message
    assert files_under(tmp_path) == before


def test_a_bound_passed_by_a_loop_over_the_data_is_found_only_by_the_render(tmp_path,
                                                                          valid_workbook):
    # The sizes come from the data: check-template cannot know them and lets the template pass;
    # `lkip build` stops it, exit 1, nothing written.
    text = dict((case[0], case[1]) for case in BOUNDED)["loop-over-data"]
    path = template(tmp_path, "Pendahuluan", text)
    assert errors(check_template_file(path)) == set()
    out = tmp_path / "laporan.docx"
    result = CliRunner().invoke(main, ["build", str(valid_workbook), "-o", str(out),
                                       "--template", str(path)])
    assert result.exit_code == 1
    assert listed(result.output) >= {("template-too-much-work", f"{path.name}, isi dokumen")}
    assert not out.exists()


def test_a_bound_passed_in_a_header_names_the_header(tmp_path, valid_workbook, unchecked):
    path = template(tmp_path, "{{ lkip.tahun }}", header="{{ 'x' * 10**9 }}")
    problems = build_problems(valid_workbook, path, tmp_path / "laporan.docx")
    assert [p.key() for p in problems] == [("template-too-much-work",
                                           f"{path.name}, header (header1.xml)")]


def test_the_sample_report_stays_far_below_every_bound(tmp_path, monkeypatch):
    # A hundredth of each bound (a tenth of the output) still builds the whole sample report.
    for name, value in {"MAX_STEPS": 100_000, "MAX_TEXT": 100_000, "MAX_ITEMS": 1_000,
                        "MAX_OUTPUT": 5_000_000, "MAX_WORK": 2_000_000}.items():
        monkeypatch.setattr(engine, name, value)
    build_report(SAMPLE, tmp_path / "laporan.docx")
    assert (tmp_path / "laporan.docx").exists()


def test_an_error_of_the_template_s_own_logic_is_a_problem_not_a_crash(tmp_path,
                                                                      valid_workbook):
    path = template(tmp_path, "Pendahuluan", "{{ lkip.tahun|int / 0 }}")
    out = tmp_path / "laporan.docx"
    result = CliRunner().invoke(main, ["build", str(valid_workbook), "-o", str(out),
                                       "--template", str(path)])
    assert result.exit_code == 1
    assert listed(result.output) >= {("template-render-failed", f"{path.name}, isi dokumen")}
    assert "ZeroDivisionError" in result.output
    assert not out.exists()


# --- the sandbox: only the report's data is reachable ---------------------------------------------

#: (id, template text): each reaches past the data; the sandbox refuses it when rendering.
REFUSED = [
    ("popen", POPEN),
    ("format-attribute", "{{ '{0.__class__}'.format(lkip.tahun) }}"),
    ("attr-filter", "{{ (lkip.tahun|attr('__class__')).__mro__ }}"),
    ("str-method", "{{ lkip.tahun.ljust(10**9) }}"),
    ("int-method", "{{ (1).to_bytes(10**9, 'big') }}"),
    ("generator-frame", "{{ (renstra.tahun|map('string')).gi_frame }}"),
]


@pytest.mark.parametrize("text", [case[1] for case in REFUSED], ids=[case[0] for case in REFUSED])
def test_the_sandbox_refuses_what_is_not_data(tmp_path, valid_workbook, unchecked, text):
    path = template(tmp_path, "Pendahuluan", text)
    problems = build_problems(valid_workbook, path, tmp_path / "laporan.docx")
    assert [p.code for p in problems] == ["template-unsafe"]


def test_a_picture_leads_nowhere(make_workbook, tmp_path, unchecked):
    # The logo in the context is a docxtpl object: through it lay the whole document and its
    # methods writing files (`logo.tpl.write_xml(path)` used to create the file).
    workbook = make_workbook(profil={"logo": "logo.png"})
    tiny_png(workbook.parent / "logo.png")
    written = tmp_path / "DITULIS.xml"
    path = template(tmp_path, "{{ logo }}",
                    f"{{{{ logo.tpl.write_xml('{written.as_posix()}') }}}}")
    problems = build_problems(workbook, path, tmp_path / "laporan.docx")
    assert [p.code for p in problems] == ["template-unsafe"]
    assert not written.exists()


def test_a_template_rendered_without_naming_an_environment_is_still_sandboxed(tmp_path):
    # docxtpl falls back to a plain, unsandboxed Jinja when given no environment.
    tpl = engine.open_template(template(tmp_path, "Pendahuluan", POPEN))
    with pytest.raises(SecurityError):
        tpl.render({})
    tpl = engine.open_template(template(tmp_path, "{{ 'a' * 10**9 }}", name="b.docx"))
    with pytest.raises(engine.TemplateLimitError):
        tpl.render({})


def test_what_a_report_template_may_do_still_works(tmp_path, valid_workbook):
    path = template(
        tmp_path, "{{ lkip.judul.upper() }} {{ lkip.judul|lower|title }}",
        "{% for i in range(3) %}{{ loop.cycle('a', 'b') }}{% endfor %}",
        "{% set sep = joiner(', ') %}{% for t in renstra.tahun %}{{ sep() }}{{ t }}{% endfor %}",
        "{{ '%5.1f'|format(2.25) }} {{ '{} {}'.format(lkip.tahun, 'x') }} {{ 'a' ~ lkip.tahun }}",
        "{{ instansi.items()|list|length > 3 }} {{ renstra.tahun|join('-') }}",
        "{% set c = cycler('x', 'y') %}{{ c.next() }}{{ c.next() }}")
    assert errors(check_template_file(path)) == set()
    out = tmp_path / "laporan.docx"
    build_report(valid_workbook, out, template=path)
    text = [p.text for p in Document(str(out)).paragraphs]
    assert text[1] == "aba"
    assert text[2] == "2024, 2025, 2026"
    assert text[3] == "  2.2 2024 x a2024"
    assert text[4] == "True 2024-2025-2026"
    assert text[5] == "xy"


def test_no_key_of_the_data_is_a_refused_name():
    # check-template refuses an attribute named like a method (`.ljust`), a picture's `.tpl` ...:
    # no key of the report's data may be one, or a real template would be refused.
    from lkip_docx.api import compute_workbook
    from lkip_docx.report.context import build_context

    keys: set[str] = set()

    def walk(value) -> None:
        if isinstance(value, dict):
            keys.update(k for k in value if isinstance(k, str))
            for v in value.values():
                walk(v)
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v)

    walk(engine.to_docxtpl(build_context(compute_workbook(SAMPLE).results)))  # as rendered
    assert len(keys) > 100
    assert keys & template_check.REFUSED_ATTRIBUTES == set()
    assert not any(k.startswith("_") for k in keys)


# --- check-template: each construct at its place --------------------------------------------------

#: (id, template text, code): what check-template refuses, in a paragraph and in a table cell.
FOUND = [
    ("popen", POPEN, "template-unsafe"),
    ("underscore-attribute", "{{ lkip._judul }}", "template-unsafe"),
    ("underscore-item", "{{ lkip['__class__'] }}", "template-unsafe"),
    ("attr-filter", "{{ lkip|attr('judul') }}", "template-unsafe"),
    ("attribute-argument", "{{ iku|map(attribute='__class__')|list }}", "template-unsafe"),
    ("format-attribute", "{{ '{0.__class__}'.format(lkip) }}", "template-unsafe"),
    ("lipsum", "{{ lipsum(2) }}", "template-unsafe"),
    ("namespace", "{% set ns = namespace(n=0) %}", "template-unsafe"),
    ("data-called", "{{ instansi() }}", "template-unsafe"),
    ("unknown-function", "{{ open('/etc/passwd') }}", "template-unsafe"),
    ("method-not-allowed", "{{ lkip.judul.ljust(9) }}", "template-unsafe"),
    ("method-looked-up", "{% set f = lkip.judul.zfill %}", "template-unsafe"),
    ("picture-attribute", "{{ logo.tpl }}", "template-unsafe"),
    ("call-of-a-result", "{{ (lkip.judul|first)() }}", "template-unsafe"),
    ("recursive-loop", "{% for x in iku recursive %}{{ loop(x.iku) }}{% endfor %}",
     "template-unsafe"),
    ("recursive-macro", "{% macro m() %}{{ m() }}{% endmacro %}", "template-unsafe"),
    ("mutual-recursion", "{% macro a() %}{{ b() }}{% endmacro %}{% macro b() %}{{ a() }}"
                         "{% endmacro %}", "template-unsafe"),
    ("block-call", "{% block b %}{% endblock %}{{ self.b() }}", "template-unsafe"),
    ("unknown-filter", "{{ lkip.judul|rot13 }}", "template-syntax"),
    ("unknown-test", "{% if lkip.judul is palindrome %}x{% endif %}", "template-syntax"),
    ("huge-range", HUGE_RANGE, "template-too-much-work"),
    ("nested-ranges", "{% for a in range(100000) %}{% for b in range(1000) %}{% endfor %}"
                      "{% endfor %}", "template-too-much-work"),
    ("str-times", "{{ 'a' * 10**9 }}", "template-too-much-work"),
    ("int-power", "{{ 2 ** 100000 }}", "template-too-much-work"),
    ("percent-width", "{{ '%999999999d' % 1 }}", "template-too-much-work"),
    ("format-width", "{{ '{:>999999999}'.format(1) }}", "template-too-much-work"),
    ("center", "{{ lkip.judul|center(10**9) }}", "template-too-much-work"),
    ("replace", "{{ ('a' * 1000000)|replace('a', 'b' * 100) }}", "template-too-much-work"),
    ("join", "{{ (['x' * 1000000] * 100)|join }}", "template-too-much-work"),
    ("printed-list", "{{ [['x' * 1000000] * 100] * 100 }}", "template-too-much-work"),
]


@pytest.mark.parametrize("text, code", [case[1:] for case in FOUND],
                         ids=[case[0] for case in FOUND])
def test_check_template_refuses_each_construct_at_its_place(tmp_path, text, code):
    path = template(tmp_path, "Pendahuluan", text, Table(["No", "Uraian"], ["1", text]))
    problems = check_template_file(path)
    for place in (body("paragraf 2"), body("tabel 1 baris 2 kolom 2")):
        assert (code, place) in errors(problems), (place, [str(p) for p in problems])
        # The message shows the offending tag (a tag of ``text``).
        shown = [p.message.rsplit(": ", 1)[-1] for p in problems if p.key() == (code, place)]
        assert any(tag.strip("'\"") in text for tag in shown), shown


def test_a_doubling_chain_of_sets_across_paragraphs_is_found_where_it_passes_the_bound(tmp_path):
    path = template(tmp_path, "{% set a = 'x' * 1000000 %}", "{% set b = a ~ a ~ a ~ a %}",
                    "{% set c = b ~ b ~ b %}", "{{ c|length }}")
    assert errors(check_template_file(path)) == {("template-too-much-work", body("paragraf 3"))}


def test_check_template_finds_them_in_headers_and_document_properties(tmp_path):
    path = template(tmp_path, "{{ lkip.tahun }}", header=POPEN, title="{{ lipsum() }}")
    assert errors(check_template_file(path)) == {
        ("template-unsafe", "header (header1.xml), paragraf 1"),
        ("template-unsafe", "properti dokumen (title)")}


def test_a_payload_in_a_tracked_deletion_is_found_at_its_part(tmp_path):
    # Word keeps deleted text while changes are tracked, and docxtpl renders it.
    path = template(tmp_path, "Pendahuluan", "Akhir")

    def hide(xml: str) -> str:
        deleted = ('<w:del w:id="1" w:author="x"><w:r><w:delText>{{ cycler.__init__ }}'
                   '</w:delText></w:r></w:del>')
        return xml.replace("<w:t>Akhir</w:t></w:r>", "<w:t>Akhir</w:t></w:r>" + deleted)

    edit_part(path, "word/document.xml", hide)
    assert errors(check_template_file(path)) == {("template-unsafe", "isi dokumen")}


# --- compiled code: the sandbox's own, cold or warm -----------------------------------------------

@pytest.fixture
def compiles(monkeypatch):
    calls = []
    original = engine.ReportEnvironment.compile

    def counting(self, source, *args, **kwargs):
        calls.append(type(self).__name__)
        return original(self, source, *args, **kwargs)

    monkeypatch.setattr(engine.ReportEnvironment, "compile", counting)
    return calls


def variant(**changes) -> engine.ReportEnvironment:
    """An environment of a class named exactly like the report's, differing only by ``changes``
    (class attributes), with the report's settings."""
    cls = type("ReportEnvironment", (engine.ReportEnvironment,), dict(changes))
    cls.__module__, cls.__qualname__ = engine.__name__, "ReportEnvironment"
    return cls(undefined=StrictUndefined, autoescape=True, finalize=engine._finalize)


def test_the_cache_key_covers_the_sandbox_the_checkpoints_and_the_settings():
    source = "{{ lkip.tahun }}"
    real = engine.jinja_env()
    others = [
        variant(sandboxed=False),
        variant(intercepted_binops=frozenset()),
        variant(code_generator_class=CodeGenerator),
        engine.ReportEnvironment(undefined=StrictUndefined, autoescape=False,
                                 finalize=engine._finalize),
        engine.ReportEnvironment(autoescape=True, finalize=engine._finalize),
        engine.ReportEnvironment(undefined=StrictUndefined, autoescape=True),
        engine.ReportEnvironment(undefined=StrictUndefined, autoescape=True,
                                 finalize=engine._finalize, trim_blocks=True),
        engine.ReportEnvironment(undefined=StrictUndefined, autoescape=True,
                                 finalize=engine._finalize, variable_start_string="[["),
    ]
    keys = {compile_cache.entry_key(env.compile_kind(), source) for env in [real] + others}
    assert len(keys) == len(others) + 1
    assert variant().compile_kind() == real.compile_kind()  # the name alone decides nothing


def test_code_compiled_without_the_sandbox_s_checks_is_never_used(tmp_path, cache, compiles,
                                                                  monkeypatch):
    monkeypatch.setattr(engine, "MAX_TEXT", 1_000)
    source = "{% set x = 'a' * 5000 %}{{ x|length }}"
    # Compiled without the checkpoints and interceptions, for the same source: it runs the
    # operation unchecked (and is now in the disk cache).
    unchecked_env = variant(sandboxed=False, intercepted_binops=frozenset(),
                            code_generator_class=CodeGenerator)
    assert unchecked_env.from_string(source).render() == "5000"
    # Code an earlier lkip (same version number, no bounds yet) left under its key.
    old = ImmutableSandboxedEnvironment(undefined=StrictUndefined, autoescape=True,
                                        finalize=engine._finalize)
    compile_cache.store("jinja|ReportEnvironment|True|StrictUndefined|_finalize", source,
                        marshal.dumps(old.compile(source)))
    assert len(list(cache.iterdir())) == 2
    engine._MEMORY.clear()
    compiles.clear()
    with pytest.raises(engine.TemplateLimitError) as exc:
        engine.jinja_env().from_string(source).render()
    assert exc.value.limit == "text"
    assert compiles == ["ReportEnvironment"]  # compiled afresh, by the sandbox
    assert len(list(cache.iterdir())) == 3


@pytest.mark.parametrize("text, code", [(POPEN, "template-unsafe"),
                                        (HUGE_RANGE, "template-too-much-work"),
                                        ("{{ 'a' * 10**9 }}", "template-too-much-work")],
                         ids=["popen", "range", "str-times"])
def test_the_sandbox_and_the_bounds_hold_on_a_warm_cache(tmp_path, valid_workbook, unchecked,
                                                         cache, compiles, text, code):
    path = template(tmp_path, "Pendahuluan", text)
    for attempt in (1, 2):
        engine._MEMORY.clear()  # a new process: the second build's code comes from the disk
        compiles.clear()
        problems = build_problems(valid_workbook, path, tmp_path / "laporan.docx")
        assert [p.code for p in problems] == [code]
        assert bool(compiles) == (attempt == 1)


# --- document properties -------------------------------------------------------------------------

def test_document_properties_are_filled_as_plain_text(make_workbook, tmp_path):
    workbook = make_workbook(profil={"nama_instansi": "Dinas Sarana & Prasarana <Kota>"})
    path = template(tmp_path, "{{ instansi.nama }}",
                    title="LKIP {{ instansi.nama }} & Mitra {{ lkip.tahun }}")
    doc = Document(str(path))
    doc.core_properties.subject = "{{ instansi.nama }} \"{{ lkip.tahun }}\""
    doc.core_properties.comments = "Tanpa tag: a & b {  } <c>"
    doc.save(path)
    out = tmp_path / "laporan.docx"
    build_report(workbook, out, template=path)
    props = Document(str(out)).core_properties
    assert props.title == "LKIP Dinas Sarana & Prasarana <Kota> & Mitra 2024"
    assert props.subject == 'Dinas Sarana & Prasarana <Kota> "2024"'
    assert props.comments == "Tanpa tag: a & b {  } <c>"
    assert Document(str(out)).paragraphs[0].text == "Dinas Sarana & Prasarana <Kota>"


def test_a_document_property_longer_than_word_allows_is_cut_not_a_crash(valid_workbook,
                                                                       tmp_path):
    path = template(tmp_path, "{{ lkip.tahun }}", title="{{ instansi.nama_lengkap }} " * 8)
    out = tmp_path / "laporan.docx"
    build_report(valid_workbook, out, template=path)
    title = Document(str(out)).core_properties.title
    assert len(title) == engine.CORE_PROPERTY_MAX
    assert title.startswith("Dinas Komunikasi")


# --- a template that is not a regular file --------------------------------------------------------

def lkip(*args: str, cwd: Path | None = None, env: dict | None = None):
    # A generous safety bound: the old code waited forever on a FIFO.
    return subprocess.run([sys.executable, "-m", "lkip_docx", *args], capture_output=True,
                          text=True, timeout=300, cwd=cwd, env=env)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_given_as_template_is_refused_not_waited_for(tmp_path, valid_workbook):
    fifo = tmp_path / "templat.docx"
    os.mkfifo(fifo)
    out = tmp_path / "laporan.docx"
    for args in (["check-template", str(fifo)],
                 ["build", str(valid_workbook), "-o", str(out), "--template", str(fifo)]):
        done = lkip(*args)
        assert done.returncode == 1, done.stderr
        assert "[template-not-a-file]" in done.stdout + done.stderr
        assert "FIFO" in done.stdout + done.stderr
    assert not out.exists()


@pytest.mark.skipif(not os.path.exists(os.devnull) or os.name != "posix",
                    reason="a character device at a known path")
def test_a_device_given_as_template_is_refused(valid_workbook, tmp_path):
    assert [p.code for p in check_template_file(os.devnull)] == ["template-not-a-file"]
    with pytest.raises(LkipError) as exc:
        build_report(valid_workbook, tmp_path / "laporan.docx", template=os.devnull)
    assert [p.code for p in exc.value.problems] == ["template-not-a-file"]


# --- modules lying in the working folder ---------------------------------------------------------

SHADOWS = ("jinja2", "pickle", "docxtpl")


def working_folder(tmp_path: Path, workbooks: int) -> tuple[Path, Path]:
    """A folder holding workbooks and a jinja2.py, pickle.py and docxtpl.py that would leave a
    mark in another folder if they ever ran; and that other folder."""
    folder, marks = tmp_path / "kerja", tmp_path / "tanda"
    folder.mkdir()
    marks.mkdir()
    for i in range(workbooks):
        (folder / f"dinas{i}.xlsx").write_bytes(SAMPLE.read_bytes())
    for name in SHADOWS:
        (folder / f"{name}.py").write_text(
            "import os, pathlib\n"
            f"pathlib.Path({str(marks)!r}, '{name}-' + str(os.getpid())).touch()\n")
    return folder, marks


def clean_env() -> dict:
    # Nothing of the test runner's that would hide the hole.
    env = dict(os.environ)
    env.pop("PYTHONSAFEPATH", None)
    env["PYTHONPATH"] = str(ROOT)
    return env


def test_modules_in_the_working_folder_never_run_in_a_build(tmp_path):
    folder, marks = working_folder(tmp_path, 1)
    done = lkip("build", "dinas0.xlsx", "-o", "laporan.docx", cwd=folder, env=clean_env())
    assert done.returncode == 0, done.stderr
    assert (folder / "laporan.docx").exists()
    assert list(marks.iterdir()) == []


@pytest.mark.parametrize("method", multiprocessing.get_all_start_methods())
def test_modules_in_the_working_folder_never_run_in_batch_workers(tmp_path, method):
    # `python -m lkip_docx build ... --jobs 2` with the workers started each way multiprocessing
    # can: "spawn" (Windows, macOS) and "forkserver" start new interpreters. The start method is
    # chosen by a small starter script outside the working folder, which then runs lkip_docx as
    # `python -m` does (working folder first on the import path).
    folder, marks = working_folder(tmp_path, 2)
    starter = tmp_path / "starter" / "start.py"
    starter.parent.mkdir()
    starter.write_text(
        "import multiprocessing, os, runpy, sys\n"
        "multiprocessing.set_start_method(sys.argv[1], force=True)\n"
        "sys.path[0] = os.getcwd()\n"
        "sys.argv = ['lkip_docx'] + sys.argv[2:]\n"
        "runpy.run_module('lkip_docx', run_name='__main__', alter_sys=True)\n")
    done = subprocess.run([sys.executable, str(starter), method, "build", ".", "-o", "hasil",
                           "--jobs", "2"], capture_output=True, text=True, timeout=300,
                          cwd=folder, env=clean_env())
    assert done.returncode == 0, done.stdout + done.stderr
    assert sorted(p.name for p in (folder / "hasil").iterdir()) == ["dinas0.docx", "dinas1.docx"]
    assert list(marks.iterdir()) == []
