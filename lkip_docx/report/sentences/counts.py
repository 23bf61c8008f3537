"""Sentences that count what supports the performance: programs, kegiatan, sub kegiatan (or, in a
DIPA, programs, kegiatan and rincian output: the level names are the budget's)."""

from __future__ import annotations

from typing import Sequence

from lkip_docx import fmt
from lkip_docx.report.sentences.words import ordinal

#: The level names of an APBD budget (workbook/kinds.py holds every shape's).
TINGKAT_APBD = ("Program", "Kegiatan", "Sub Kegiatan")


def counts_phrase(n_program: int, n_kegiatan: int, n_sub: int,
                  tingkat: Sequence[str] = TINGKAT_APBD) -> str:
    """``'3 (tiga) Program, 5 (lima) Kegiatan dan 17 (tujuh belas) Sub Kegiatan'``."""
    return (f"{fmt.count(n_program)} {tingkat[0]}, {fmt.count(n_kegiatan)} {tingkat[1]} dan "
            f"{fmt.count(n_sub)} {tingkat[2]}")


def program_sentence(ke: int, singkatan_lengkap: str, n_program: int, n_sub: int,
                     tingkat: Sequence[str] = TINGKAT_APBD,
                     sebutan: str = "Indikator Sasaran Strategis") -> str:
    """What the agency carried out for its ``ke``-th strategic indicator (``sebutan``: or its
    ``ke``-th 'Sasaran Strategis', in the compact layout) before the program list of 3.2."""
    return (f"Dalam mencapai Kinerja {sebutan} {ordinal(ke).capitalize()} "
            f"tersebut {singkatan_lengkap} melaksanakan {fmt.count(n_program)} {tingkat[0]} "
            f"dengan {fmt.count(n_sub)} {tingkat[2]}.")
