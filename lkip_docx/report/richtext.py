"""Plain-data rich text: paragraphs of runs with bold/italic and a paragraph style, built by the
context layer and turned into docxtpl objects only by render.py (which alone imports docxtpl).

A narrative cell may use **bold** and *italic*; everything else is literal text (including
``{{ }}`` and ``{% %}``, which are never evaluated).
"""

from __future__ import annotations

import re

PARAS = "__paras__"  # marker key: {PARAS: [{"style": id, "runs": [...]}, ...]}
#: A table cell holding only this is merged into the cell above after rendering (render.py).
MERGE_UP = "\u2191"
#: A data cell holding only this is empty; a table column whose data cells all hold it is
#: removed after rendering (layout.py): a column the data leaves empty is not printed.
HIDE_COLUMN = "\u2205"

# Paragraph style IDs the default template defines (docs/template.md lists them).
STYLE_BODY = "Narasi"
STYLE_LEAD = "NarasiPengantar"  # Narasi kept with the next paragraph (a lead-in ending in ':')
STYLE_SUBTITLE = "NarasiSubjudul"
STYLE_ITEM1 = "Butir1"
STYLE_ITEM2 = "Butir2"
STYLE_FORMULA = "Rumus"
STYLE_FORMULA_TITLE = "RumusJudul"
STYLE_TABLE_TEXT = "TabelIsi"  # paragraphs inside a table cell (IKU table: Rumus)
STYLE_TABLE_ITEM = "TabelButir"  # bulleted items inside a table cell (IKU table: Alasan)
STYLE_TOC1 = "TOC1"
STYLE_TOC2 = "TOC2"
STYLE_TOF = "TableofFigures"

# **bold** and *italic*; an asterisk written "\\*" is a literal one (see lit()).
_MARKUP = re.compile(r"((?<!\\)\*\*(?:\\\*|[^*])+?(?<!\\)\*\*"
                     r"|(?<!\\)\*(?:\\\*|[^*\s])(?:\\\*|[^*])*?(?<!\\)\*)")


def lit(text: str) -> str:
    """User text placed inside a generated sentence: its asterisks stay asterisks (a rumus such as
    "(A/B)*100" or a name with '*' must not turn the rest of the sentence italic)."""
    return text.replace("*", "\\*")


def _unescape(text: str) -> str:
    return text.replace("\\*", "*")


def runs(text: str, bold: bool = False, italic: bool = False) -> list[list]:
    """Split **bold** and *italic* markup into runs; other text is literal."""
    out = []
    for part in _MARKUP.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            out.append([_unescape(part[2:-2]), True, italic])
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            out.append([_unescape(part[1:-1]), bold, True])
        else:
            out.append([_unescape(part), bold, italic])
    return out


def paragraph(style: str, run_list: list[list]) -> dict:
    return {"style": style, "runs": run_list}


def paragraphs(items: list[dict]) -> dict:
    return {PARAS: items}


def plain(value: dict) -> str:
    """The text of a paragraph block, without formatting (for tests)."""
    return "\n".join("".join(r[0] for r in p["runs"]) for p in value[PARAS])
