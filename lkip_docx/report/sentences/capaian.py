"""Sentences about an indicator's capaian: the IKU analysis, how capaian was computed, the
one-line summary per IKU, and the indikator program."""

from __future__ import annotations

from decimal import Decimal
from typing import Sequence

from lkip_docx import fmt
from lkip_docx.compute.capaian import METODE_TEKS, UNDEFINED_NOT_AVAILABLE, Capaian
from lkip_docx.compute.results import IkuResult, IpResult
from lkip_docx.report.richtext import lit
from lkip_docx.report.sentences.words import banding, sebesar, status_capaian
from lkip_docx.workbook import contract as c


def iku_sentence(r: IkuResult, tahun: int, periode: str | None = None) -> str:
    """Target, realisasi, capaian, status and predikat of one IKU (3.2, below its table).
    ``periode`` is the period reported ('Semester I Tahun 2025'; default 'Tahun <tahun>')."""
    nama = lit(r.iku.nama)
    d = r.iku.desimal
    periode = periode or f"Tahun {tahun}"
    if r.capaian.undefined == UNDEFINED_NOT_AVAILABLE:
        text = (f"Berdasarkan Tabel di atas dapat dijelaskan bahwa Target *{nama}* {periode} "
                f"{sebesar(r.target, d)}, sedangkan Realisasi {periode} "
                f"{sebesar(r.realisasi, d)}, sehingga Capaian Kinerja {periode} atas "
                f"*{nama}* **belum dapat diukur**")
    else:
        text = (f"Berdasarkan Tabel di atas dapat dijelaskan bahwa Target *{nama}* {periode} "
                f"sebesar {fmt.number(r.target, d)} dengan Realisasi "
                f"{fmt.number(r.realisasi, d)}, maka Capaian Kinerja {periode} atas *{nama}* "
                f"sebesar {fmt.percent(r.capaian.value)}, maka capaian atas *{nama}* "
                f"**{status_capaian(r.capaian)}**")
    if r.predikat is not None:
        text += f" dengan predikat **{lit(r.predikat.predikat)}**"
        if r.predikat.kriteria:
            text += f" ({lit(r.predikat.kriteria)})"
    return text + "."


def method_sentence(cap: Capaian, batas: Decimal | None, sebelum_batas: bool = True) -> str:
    """Says how capaian was computed when it is not the usual R/T, and any cap applied (with the
    capaian before the cap when ``sebelum_batas``, Profil Tampilkan Capaian Sebelum
    Dibatasi)."""
    text = ""
    if cap.metode != c.METODE_NAIK:
        text = ("Indikator ini bersifat menurun (makin rendah makin baik), sehingga capaian "
                f"dihitung dengan rumus {METODE_TEKS[cap.metode]}.")
    if batas is not None:
        text += (" " if text else "") + f"Capaian dibatasi paling tinggi {fmt.percent(batas)}"
        if cap.capped and sebelum_batas:
            text += f" (capaian sebelum dibatasi {fmt.percent(cap.uncapped)})"
        text += "."
    return text


def metode_line(metode: str, used_by: Sequence[str] = ()) -> str:
    """The formula of a capaian method (3.1); ``used_by`` names its IKU when the report uses more
    than one method."""
    if not used_by:
        return METODE_TEKS[metode]
    return METODE_TEKS[metode] + " (digunakan untuk: " + ", ".join(lit(n) for n in used_by) + ")"


def ringkas_item(r: IkuResult) -> str:
    """One IKU in the summary list of 3.1: realisasi against target, capaian, predikat."""
    d = r.iku.desimal
    predikat = f" (predikat {lit(r.predikat.predikat)})" if r.predikat else ""
    if r.capaian.undefined == UNDEFINED_NOT_AVAILABLE:
        return (f"{lit(r.iku.nama)}, Realisasinya {sebesar(r.realisasi, d)} dengan Target yang "
                f"ditetapkan {sebesar(r.target, d)}, sehingga Tingkat Capaian belum dapat "
                f"diukur{predikat};")
    return (f"{lit(r.iku.nama)}, Realisasinya sebesar {fmt.number(r.realisasi, d)} "
            f"{banding(r.realisasi, r.target, r.iku.metode)} Target yang ditetapkan sebesar "
            f"{fmt.number(r.target, d)} dengan Tingkat Capaian sebesar "
            f"{fmt.percent(r.capaian.value)}{predikat};")


def ip_sentence(ipr: IpResult, tahun: int, periode: str | None = None,
                sub: str = "Sub Kegiatan") -> str:
    """An indikator program's capaian, leading into its sub kegiatan (``sub``: the budget's
    lowest level) when it has any."""
    periode = periode or f"Tahun {tahun}"
    if ipr.capaian.undefined == UNDEFINED_NOT_AVAILABLE:
        head = (f"{ipr.ip.nama} {periode} dengan Capaian Kinerja yang belum dapat diukur "
                "karena realisasinya tidak tersedia")
    else:
        head = (f"{ipr.ip.nama} {periode} dengan Capaian Kinerja sebesar "
                f"{fmt.percent(ipr.capaian.value)}")
    if not ipr.subs:
        return head + "."
    return (f"{head} didukung oleh {fmt.count(len(ipr.subs))} {sub}. "
            f"Berikut Analisis dan Evaluasi {sub} yang mendukung Indikator ini:")
