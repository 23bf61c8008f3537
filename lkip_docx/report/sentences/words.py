"""Words and phrases the sentences share: the agency's names, rupiah, ordinals, status and trend.

A variant of the wording (another kind of agency, an indicator where lower is better) changes the
word here once, and every sentence and table cell that uses it follows.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Sequence

from lkip_docx import fmt
from lkip_docx.compute.capaian import Capaian
from lkip_docx.compute.results import NAIK, TETAP, TURUN
from lkip_docx.numbers import HUNDRED
from lkip_docx.workbook import kinds
from lkip_docx.workbook.model import Profil

ORDINAL = {1: "pertama", 2: "kedua", 3: "ketiga", 4: "keempat", 5: "kelima", 6: "keenam",
           7: "ketujuh", 8: "kedelapan", 9: "kesembilan", 10: "kesepuluh"}


def nama_lengkap(p: Profil) -> str:
    """The agency's full name as the report writes it: a perangkat daerah's with its region
    (``Dinas ... Kota Bekasi``), another unit's as typed (``Pengadilan Agama Rantau Pandan``)."""
    return kinds.with_region(p, p.nama_instansi)


def singkatan_lengkap(p: Profil) -> str:
    """The agency's short name as the report writes it: ``Diskominfostandi Kota Bekasi``,
    ``PA Rantau Pandan``."""
    return kinds.with_region(p, p.singkatan)


def join_words(items: Sequence[str], last: str = "dan") -> str:
    """``['a', 'b', 'c'] -> 'a, b dan c'``."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def ordinal(n: int) -> str:
    """``2 -> 'kedua'``; past ten, the digits (the reference never has more than ten IKU)."""
    return ORDINAL.get(n, str(n))


def rp_kalimat(value: Decimal | None) -> str:
    """Rupiah as the reference writes it in sentences: ``Rp.249.000.000.-``."""
    return "Rp." + fmt.money(value) + ".-" if value is not None else "-"


def tren_kata(tren: str | None) -> str:
    """The word for a trend between two years: meningkat, menurun, sama."""
    return {NAIK: "meningkat", TURUN: "menurun", TETAP: "sama"}.get(tren or "", "")


def banding(realisasi: Decimal | None, target: Decimal | None) -> str:
    """How realisasi stands against target, as numbers ('melebihi' a target is bad news for an
    indicator where lower is better, and the capaian says so; the words only compare)."""
    if realisasi is None or target is None:
        return "dibandingkan dengan"
    if realisasi > target:
        return "melebihi"
    if realisasi == target:
        return "sama dengan"
    return "di bawah"


def status_capaian(cap: Capaian) -> str:
    """Whether a capaian met its target: tercapai, telah terlampaui, belum tercapai."""
    if cap.value is None:
        return "belum dapat diukur"
    if cap.value > HUNDRED:
        return "telah terlampaui"
    if cap.value == HUNDRED:
        return "tercapai"
    return "belum tercapai"
