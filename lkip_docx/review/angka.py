"""The figures written in a sentence or a table cell, as Indonesian reports write them:
``107,82%``, ``Rp.1.403.610.650.-``, ``Rp. 11.651.038.000``, ``4,41``, ``1.170``,
``17 (tujuh belas)``. Codes (``2.16.02.1.01``), ratios (``1:17,9``), year ranges
(``2024-2026``) and numbers written the English way are not read as figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from lkip_docx import fmt
from lkip_docx.report.richtext import runs

PERSEN = "persen"
RUPIAH = "rupiah"
ANGKA = "angka"  # any other number
JUMLAH = "jumlah"  # a count followed by its words: 17 (tujuh belas)
TAHUN = "tahun"  # a four-digit year

_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
TOKEN = re.compile(
    r"(?<![\w.,/:])(?<!(?<!ke)-)"
    r"(?P<rp>Rp\.?\s*)?"
    r"(?P<num>" + _NUMBER + r")"
    r"(?![\d]|[.,]\d|:\d)"
    r"(?P<dash>\.-|,-)?"
    r"(?P<pct>\s?%)?"
    r"(?:\s*\(\s*(?P<words>[a-z][a-z ]*[a-z])\s*\))?",
    re.IGNORECASE)


@dataclass(frozen=True)
class Bilangan:
    teks: str  # as written
    nilai: Decimal
    jenis: str
    desimal: int  # decimals written
    terbilang: str | None  # the words of a count, as written
    awal: int
    akhir: int

    def sama_terbilang(self) -> bool:
        """Whether the words of a count say its number ('17 (tujuh belas)')."""
        if self.terbilang is None or self.nilai != self.nilai.to_integral_value():
            return True
        return " ".join(self.terbilang.lower().split()) == fmt.words(int(self.nilai))


def _value(num: str) -> tuple[Decimal, int]:
    int_part, _, frac = num.replace(".", "").partition(",")
    return Decimal(f"{int_part}.{frac}" if frac else int_part), len(frac)


def find(text: str) -> list[Bilangan]:
    """Every figure of ``text``, in order."""
    out = []
    for m in TOKEN.finditer(text):
        value, places = _value(m.group("num"))
        words = m.group("words")
        if words and not _looks_like_count_words(words):
            words = None
        if m.group("rp"):
            kind = RUPIAH
        elif m.group("pct"):
            kind = PERSEN
        elif words:
            kind = JUMLAH
        elif re.fullmatch(r"(19|20)\d\d", m.group("num")):
            kind = TAHUN
        else:
            kind = ANGKA
        end = m.end() if words else m.end("pct") if m.group("pct") else \
            m.end("dash") if m.group("dash") else m.end("num")
        out.append(Bilangan(text[m.start():end], value, kind, places, words, m.start(), end))
    return out


_NUMBER_WORDS = {"nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan",
                 "sembilan", "sepuluh", "sebelas", "belas", "puluh", "seratus", "ratus", "seribu",
                 "ribu", "juta", "miliar", "triliun"}


def _looks_like_count_words(words: str) -> bool:
    return all(w in _NUMBER_WORDS for w in words.lower().split())


def skeleton(text: str) -> str:
    """The text with every figure replaced by '#': two texts with the same skeleton differ only
    in their figures."""
    return TOKEN.sub("#", text)


def plain(marked: str) -> str:
    """A workbook text with its **bold**/*italic* markup removed, as the report prints it."""
    return "".join(r[0] for r in runs(marked))


def equal_as_written(written: Bilangan, value: Decimal) -> bool:
    """Whether ``value`` written with the decimals of ``written`` is the written figure (so that a
    narrative 107,8% agrees with 107,82% but 106,8% does not with 106,85%)."""
    from lkip_docx.numbers import round_half_up

    return round_half_up(value, written.desimal) == written.nilai
