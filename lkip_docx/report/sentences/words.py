"""Words and phrases the sentences share: the agency's names, rupiah, ordinals, status and trend.

A variant of the wording (another kind of agency, an indicator where lower is better) changes the
word here once, and every sentence and table cell that uses it follows.

Direction: capaian is always "higher is better" (the method turns a falling poverty rate into a
capaian above 100), so words about capaian need no direction; words about a realisasi do, and
for an indicator where lower is better they say whether the change is better or worse.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Sequence

from lkip_docx import fmt
from lkip_docx.compute.budget import Line
from lkip_docx.compute.capaian import TURUN as METODE_TURUN
from lkip_docx.compute.capaian import Capaian
from lkip_docx.compute.results import NAIK, TETAP, TURUN
from lkip_docx.numbers import HUNDRED, NotAvailable, known
from lkip_docx.workbook import contract as c
from lkip_docx.workbook import kinds
from lkip_docx.workbook.model import Profil

#: How a sentence states a figure the workbook marks not available.
TIDAK_TERSEDIA = "tidak tersedia"
#: Said of an indicator where lower is better, next to the realisasi or target it qualifies.
MAKIN_RENDAH = "makin rendah makin baik"

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


def rp_kalimat(value: Decimal | NotAvailable | None) -> str:
    """Rupiah as the reference writes it in sentences: ``Rp.249.000.000.-``."""
    if isinstance(value, NotAvailable):
        return TIDAK_TERSEDIA
    return "Rp." + fmt.money(value) + ".-" if value is not None else "-"


def tren_kata(tren: str | None) -> str:
    """The word for a trend between two years: meningkat, menurun, sama."""
    return {NAIK: "meningkat", TURUN: "menurun", TETAP: "sama"}.get(tren or "", "")


def lebih_rendah_lebih_baik(metode: str) -> bool:
    """The indicator's method says a lower realisasi is better."""
    return metode in METODE_TURUN


def tren_realisasi(tren: str | None, metode: str = c.METODE_NAIK) -> str:
    """The word for a realisasi against an earlier year; where lower is better, with whether the
    change is better or worse (``'menurun (membaik)'``, ``'meningkat (memburuk)'``)."""
    word = tren_kata(tren)
    if lebih_rendah_lebih_baik(metode) and tren in (NAIK, TURUN):
        return word + (" (membaik)" if tren == TURUN else " (memburuk)")
    return word


def banding(realisasi: Decimal | NotAvailable | None, target: Decimal | NotAvailable | None,
            metode: str = c.METODE_NAIK) -> str:
    """How realisasi stands against target. Where higher is better the numbers say it all
    ('melebihi', 'di bawah'); where lower is better the words also say which side is better."""
    if not known(realisasi) or not known(target):
        return "dibandingkan dengan"
    turun = lebih_rendah_lebih_baik(metode)
    if realisasi > target:
        return "melebihi (lebih buruk dari)" if turun else "melebihi"
    if realisasi == target:
        return "sama dengan"
    return "di bawah (lebih baik dari)" if turun else "di bawah"


def status_capaian(cap: Capaian) -> str:
    """Whether a capaian met its target: tercapai, telah terlampaui, belum tercapai. A capaian
    capped at its Batas Atas is judged by the value before the cap (capped at 100 from 107,82:
    the target was exceeded, not just met)."""
    value = cap.before_cap
    if value is None:
        return "belum dapat diukur"
    if value > HUNDRED:
        return "telah terlampaui"
    if value == HUNDRED:
        return "tercapai"
    return "belum tercapai"


def target_terpenuhi(cap: Capaian) -> bool:
    """The capaian met or exceeded its target (judged before any cap)."""
    value = cap.before_cap
    return value is not None and value >= HUNDRED


def sebesar(value: Decimal | NotAvailable | None, places: int) -> str:
    """A figure after its name in a sentence: ``'sebesar 4,09'``, or ``'tidak tersedia'``."""
    if isinstance(value, NotAvailable):
        return TIDAK_TERSEDIA
    return f"sebesar {fmt.number(value, places)}"


def realisasi_anggaran(line: Line, sub: str = "Sub Kegiatan") -> str:
    """A budget line's realisasi in a sentence: ``'Rp.134.000.000.- (95,71%)'``; a sum that
    left out lowest-level items (``sub``) whose realisasi is not available says so (and has no
    percentage)."""
    if isinstance(line.realisasi, NotAvailable):
        return TIDAK_TERSEDIA
    text = rp_kalimat(line.realisasi)
    if line.realisasi_na:
        return (f"{text} (tidak termasuk {fmt.count(line.realisasi_na)} {sub} yang "
                "realisasinya tidak tersedia)")
    return f"{text} ({fmt.percent(line.realisasi_pct)})"
