"""Sentences that count what supports the performance: programs, kegiatan, sub kegiatan."""

from __future__ import annotations

from lkip_docx import fmt
from lkip_docx.report.sentences.words import ordinal


def counts_phrase(n_program: int, n_kegiatan: int, n_sub: int) -> str:
    """``'3 (tiga) Program, 5 (lima) Kegiatan dan 17 (tujuh belas) Sub Kegiatan'``."""
    return (f"{fmt.count(n_program)} Program, {fmt.count(n_kegiatan)} Kegiatan dan "
            f"{fmt.count(n_sub)} Sub Kegiatan")


def program_sentence(ke: int, singkatan_lengkap: str, n_program: int, n_sub: int) -> str:
    """What the agency carried out for its ``ke``-th strategic indicator (before the program
    list of 3.2)."""
    return (f"Dalam mencapai Kinerja Indikator Sasaran Strategis {ordinal(ke).capitalize()} "
            f"tersebut {singkatan_lengkap} melaksanakan {fmt.count(n_program)} Program "
            f"dengan {fmt.count(n_sub)} Sub Kegiatan.")
