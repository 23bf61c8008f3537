"""Paragraph blocks and budget rows the chapters share: narrative rows of the workbook as styled
paragraphs, generated text as paragraphs or lists, and budget lines as table rows."""

from __future__ import annotations

from typing import Iterable

from lkip_docx import fmt
from lkip_docx.compute.budget import LEVEL_SUB, Line, flatten
from lkip_docx.compute.results import Results
from lkip_docx.report.richtext import (
    MERGE_UP,
    STYLE_BODY,
    STYLE_ITEM1,
    STYLE_ITEM2,
    STYLE_LEAD,
    STYLE_SUBTITLE,
    paragraph,
    paragraphs,
    runs,
)
from lkip_docx.workbook import contract as c
from lkip_docx.workbook.model import Narasi

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def narrative_sections(res: Results) -> dict[str, list[Narasi]]:
    """Narrative rows of the sections that are not per IKU (per-IKU rows are in IkuResult)."""
    per_iku = {s.key for s in c.NARRATIVE_SECTIONS if s.per_iku}
    out: dict[str, list[Narasi]] = {}
    for n in res.wb.narasi:
        if n.bagian not in per_iku:
            out.setdefault(n.bagian, []).append(n)
    return out


def _item_label(jenis: str, n: int) -> str:
    if jenis == c.JENIS_BUTIR_ANGKA:
        return f"{n}."
    if jenis == c.JENIS_BUTIR_HURUF:
        return f"{LETTERS[(n - 1) % 26]}."
    return "\u2022"


def narrative_block(items: Iterable[Narasi]) -> dict:
    """Paragraph block of narrative rows: lists are numbered 1., a. or bulleted per run of items;
    numbering restarts after any paragraph or subtitle, and nested items count on their own."""
    out = []
    counters = {1: 0, 2: 0}
    last_kind: dict[int, str | None] = {1: None, 2: None}
    for item in items:
        if item.jenis in (c.JENIS_PARAGRAF, c.JENIS_SUBJUDUL):
            counters = {1: 0, 2: 0}
            last_kind = {1: None, 2: None}
            if item.jenis == c.JENIS_SUBJUDUL:
                style = STYLE_SUBTITLE
            else:
                # A lead-in ("... sebagai berikut :") must not be left alone at a page's foot.
                style = STYLE_LEAD if item.teks.rstrip().endswith(":") else STYLE_BODY
            out.append(paragraph(style, runs(item.teks, bold=item.jenis == c.JENIS_SUBJUDUL)))
            continue
        level = item.tingkat
        if level == 1:
            counters[2] = 0
            last_kind[2] = None
        if last_kind[level] != item.jenis:
            counters[level] = 0
            last_kind[level] = item.jenis
        counters[level] += 1
        label = _item_label(item.jenis, counters[level])
        style = STYLE_ITEM1 if level == 1 else STYLE_ITEM2
        out.append(paragraph(style, [[label + "\t", False, False]] + runs(item.teks)))
    return paragraphs(out)


def text_block(*texts: str, style: str = STYLE_BODY) -> dict:
    """One paragraph per text; empty texts are left out."""
    return paragraphs([paragraph(style, runs(t)) for t in texts if t])


def list_block(items: list[str], numbered: bool = True, style: str = STYLE_ITEM1) -> dict:
    """One item per paragraph, numbered ``1.`` or bulleted."""
    return paragraphs([paragraph(style, [[(f"{i}." if numbered else "\u2022") + "\t", False, False]]
                                 + runs(t)) for i, t in enumerate(items, start=1)])


def left_out(text: str, n: int) -> str:
    """A sum or mean in a table cell, with how many sub kegiatan it left out for lack of a value
    (a draft): ``'60.000.000 (tanpa 1 N/A)'``."""
    return f"{text} (tanpa {n} N/A)" if n and text != fmt.NOT_AVAILABLE else text


def budget_row(line: Line, first_label: str = "") -> dict:
    """One budget line as a table row (``label``: the merged first column of a per-IKU table)."""
    parent = line.level != LEVEL_SUB
    return {
        "level": line.level,
        "kode": line.kode,
        "nama": line.nama,
        "pagu_murni": fmt.money(line.pagu_murni),
        "pagu": fmt.money(line.pagu),
        "realisasi": left_out(fmt.money(line.realisasi), line.realisasi_na if parent else 0),
        "realisasi_pct": fmt.percent(line.realisasi_pct),
        "efisiensi": fmt.percent(line.efisiensi),
        "capaian": left_out(fmt.percent(line.capaian), line.capaian_na if parent else 0),
        "label": first_label,
    }


def budget_rows(programs: tuple[Line, ...] | list[Line], label: str = "") -> list[dict]:
    """Rows of a budget tree, programs first; ``label`` fills the first row's merged column."""
    rows = []
    for i, line in enumerate(flatten(list(programs))):
        rows.append(budget_row(line, label if i == 0 else MERGE_UP if label else ""))
    return rows
