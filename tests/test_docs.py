"""The documentation keeps up with the code: every template variable, generated style and template
problem code in docs/template.md, every command in the README."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lkip_docx.cli import main
from lkip_docx.report import render, template_check
from lkip_docx.report.context import TOP_LEVEL_KEYS

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_MD = (ROOT / "docs" / "template.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("key", TOP_LEVEL_KEYS)
def test_every_template_variable_is_documented(key):
    assert f"`{key}`" in TEMPLATE_MD, f"docs/template.md does not document `{key}`"


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_is_in_the_readme(command):
    assert f"`lkip {command}" in README, f"README.md does not show `lkip {command}`"


@pytest.mark.parametrize("style_id", template_check.GENERATED_STYLES)
def test_every_generated_paragraph_style_is_documented(style_id):
    assert f"`{style_id}`" in TEMPLATE_MD


def _codes(module) -> set[str]:
    return set(re.findall(r'"(template-[a-z-]+)"', Path(module.__file__).read_text()))


@pytest.mark.parametrize("code", sorted(_codes(template_check) | _codes(render)))
def test_every_template_problem_code_is_documented(code):
    assert f"`{code}`" in TEMPLATE_MD


def test_readme_links_the_template_guide():
    assert "(docs/template.md)" in README
