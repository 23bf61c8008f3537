"""Context of BAB IV Penutup: the Kesimpulan (4.1)."""

from __future__ import annotations

from lkip_docx.compute.results import Results
from lkip_docx.report import sentences
from lkip_docx.report.context.blocks import narrative_block, text_block
from lkip_docx.workbook.model import Narasi


def kesimpulan(res: Results, rows: list[Narasi]) -> dict:
    """The agency's Kesimpulan, or the generated one when the Narasi sheet has none."""
    return narrative_block(rows) if rows else text_block(*sentences.kesimpulan(res))
