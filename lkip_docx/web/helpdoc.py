"""docs/errors.md as a page, so that each problem on the page links to the row explaining it,
without internet. The package carries a copy of the file (docs/ is not installed); a test keeps
the copy identical. Only what that file uses is understood: headings, paragraphs, tables and
inline code. The tables' last two columns (exit code, tests) are for developers and left out."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup, escape

ERRORS_MD = Path(__file__).resolve().parent / "errors.md"
_CODE = re.compile(r"`([^`]+)`")
_ERROR_CODE = re.compile(r"^[a-z]+(?:-[a-z0-9]+)+$")
#: bad input, what the user sees, code
SHOWN_COLUMNS = 3


def _inline(text: str) -> str:
    # Escaped first, then code spans: the text between backticks is escaped like the rest.
    return _CODE.sub(lambda m: f"<code>{m.group(1)}</code>", str(escape(text)))


def _cells(line: str) -> list[str]:
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]


def render(markdown: str) -> tuple[Markup, set[str]]:
    """The HTML of the document and the error codes that have an anchor (``#code``, on the first
    row naming the code)."""
    html: list[str] = []
    anchors: set[str] = set()
    paragraph: list[str] = []
    table: list[list[str]] = []

    def flush() -> None:
        if paragraph:
            html.append(f"<p>{_inline(' '.join(paragraph))}</p>")
            paragraph.clear()
        if table:
            head, *body = (row[:SHOWN_COLUMNS] for row in table)
            html.append('<div class="table-wrap"><table class="doc"><thead><tr>'
                        + "".join(f"<th>{_inline(c)}</th>" for c in head)
                        + "</tr></thead><tbody>")
            for row in body:
                codes = [c for c in _CODE.findall(row[2] if len(row) > 2 else "")
                         if _ERROR_CODE.match(c) and c not in anchors]
                anchors.update(codes)
                ids = "".join(f'<span id="{c}" class="anchor"></span>' for c in codes)
                html.append("<tr>" + "".join(
                    f"<td>{ids if i == 0 else ''}{_inline(c)}</td>" for i, c in enumerate(row))
                    + "</tr>")
            html.append("</tbody></table></div>")
            table.clear()

    for line in markdown.splitlines():
        stripped = line.strip()
        if stripped.startswith("|"):
            if paragraph:
                flush()
            if not re.match(r"^\|[\s|:-]+\|$", stripped):
                table.append(_cells(stripped))
            continue
        if table:
            flush()
        if not stripped:
            flush()
        elif stripped.startswith("#"):
            flush()
            level = min(len(stripped) - len(stripped.lstrip("#")) + 1, 4)
            html.append(f"<h{level}>{_inline(stripped.lstrip('#').strip())}</h{level}>")
        else:
            paragraph.append(stripped)
    flush()
    return Markup("\n".join(html)), anchors


@lru_cache(maxsize=1)
def errors_page() -> tuple[Markup, frozenset[str]]:
    html, anchors = render(ERRORS_MD.read_text(encoding="utf-8"))
    return html, frozenset(anchors)
