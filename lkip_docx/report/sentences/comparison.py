"""Sentences that compare an IKU with other figures: earlier years and the Renstra end target.

Both directions read true: capaian is higher-is-better whatever the indicator (its method turns a
falling rate into a rising capaian), so a capaian "meningkat" is always good news; a realisasi
where lower is better says whether its change is better or worse, and the Renstra end target is
"melampaui"/"mencapai"/"belum mencapai" rather than "X% dari" (3,00 is not 100% of 0,41).
"""

from __future__ import annotations

from decimal import Decimal

from lkip_docx import fmt
from lkip_docx.compute.capaian import UNDEFINED_NOT_AVAILABLE, Capaian
from lkip_docx.compute.results import TETAP, IkuResult
from lkip_docx.numbers import HUNDRED, known
from lkip_docx.report.sentences.words import (
    MAKIN_RENDAH,
    lebih_rendah_lebih_baik,
    sebesar,
    tren_realisasi,
)
from lkip_docx.workbook import contract as c


def compared(what: str, tahun: int, now: str, tren: str | None, tahun_lalu: int,
             before: str, metode: str = c.METODE_NAIK, periode: str | None = None) -> str:
    """'Capaian Kinerja Tahun 2024 sebesar 107,82% meningkat dibandingkan Tahun 2023 sebesar ...'

    ``metode`` is the indicator's when ``what`` is its realisasi: where lower is better the
    trend word says whether the change is better or worse. ``periode`` replaces 'Tahun 2024' in
    a semester report."""
    label = periode or f"Tahun {tahun}"
    if tren == TETAP:
        return f"{what} {label} sebesar {now} sama dengan Tahun {tahun_lalu}"
    return (f"{what} {label} sebesar {now} {tren_realisasi(tren, metode)} dibandingkan "
            f"Tahun {tahun_lalu} sebesar {before}")


def comparison_sentence(r: IkuResult, tahun: int, periode: str | None = None) -> str:
    """Capaian, realisasi and a changed target against the year before; empty without one.
    ``periode`` names the period reported when it is not the whole year."""
    lalu = r.tahun_lalu
    if lalu is None:
        return ""
    d = r.iku.desimal
    now = periode or f"Tahun {tahun}"

    parts = []
    if r.capaian.value is not None and lalu.capaian.value is not None:
        parts.append(compared("Capaian Kinerja", tahun, fmt.percent(r.capaian.value),
                              r.tren_capaian, lalu.tahun, fmt.percent(lalu.capaian.value),
                              periode=periode))
    if known(r.realisasi) and known(lalu.realisasi):
        parts.append(compared("Realisasi", tahun, fmt.number(r.realisasi, d), r.tren_realisasi,
                              lalu.tahun, fmt.number(lalu.realisasi, d), r.iku.metode,
                              periode=periode))
    elif r.realisasi is not None and lalu.realisasi is not None:
        # One of the two is not available: say so rather than leave the comparison out.
        parts.append(f"Realisasi {now} {sebesar(r.realisasi, d)} dan Realisasi Tahun "
                     f"{lalu.tahun} {sebesar(lalu.realisasi, d)}, sehingga keduanya belum dapat "
                     "dibandingkan")
    if known(lalu.target) and known(r.target) and lalu.target != r.target:
        parts.append(f"Target {now} sebesar {fmt.number(r.target, d)}, sedangkan Target "
                     f"Tahun {lalu.tahun} sebesar {fmt.number(lalu.target, d)}")
    return "; ".join(parts) + "." if parts else ""


def _capaian_text(cap: Capaian, sebelum_batas: bool) -> str:
    text = fmt.percent(cap.value)
    if cap.capped and sebelum_batas:
        text += f" (sebelum dibatasi {fmt.percent(cap.uncapped)})"
    return text


def _status_akhir(value: Decimal) -> str:
    """Where the realisasi stands against the end target (a capaian judged before any cap)."""
    if value > HUNDRED:
        return "telah melampaui"
    if value == HUNDRED:
        return "telah mencapai"
    return "belum mencapai"


def renstra_sentence(r: IkuResult, tahun: int, sebelum_batas: bool = True,
                     periode: str | None = None, rencana: str = "RENSTRA") -> str:
    """Realisasi of the report period against the end target of the plan (``rencana``: RENSTRA,
    RPJMD ...); empty without one.

    Where higher is better and no cap changed the figure, the reference's "telah mencapai X% dari
    Target Akhir" is literally true and kept. Otherwise the sentence says whether the end target
    is exceeded, reached or not yet reached, then the capaian (with the figure before the cap
    when ``sebelum_batas``)."""
    d = r.iku.desimal
    if r.target_akhir_renstra is None:
        return ""
    now = periode or f"Tahun {tahun}"
    akhir = r.tahun_akhir_renstra
    cap = r.capaian_akhir_renstra
    if cap.undefined == UNDEFINED_NOT_AVAILABLE:
        if not known(r.target_akhir_renstra):
            return f"Target Akhir {rencana} Tahun {akhir} tidak tersedia."
        return (f"Realisasi {now} tidak tersedia, sehingga belum dapat dibandingkan "
                f"dengan Target Akhir {rencana} Tahun {akhir} sebesar "
                f"{fmt.number(r.target_akhir_renstra, d)}.")
    target_akhir = fmt.number(r.target_akhir_renstra, d)
    if cap.value is None:
        return f"Target Akhir {rencana} Tahun {akhir} sebesar {target_akhir}."
    turun = lebih_rendah_lebih_baik(r.iku.metode)
    arah = f" ({MAKIN_RENDAH})" if turun else ""
    realisasi = fmt.number(r.realisasi, d)
    # judged before any cap (Capaian.before_cap)
    status = _status_akhir(cap.uncapped if cap.capped and cap.uncapped is not None else cap.value)
    if tahun == akhir:
        if not turun and not cap.capped:
            return (f"Tahun {tahun} merupakan tahun akhir {rencana}, dengan Realisasi sebesar "
                    f"{realisasi} terhadap Target Akhir {rencana} sebesar {target_akhir} atau "
                    f"{fmt.percent(cap.value)}.")
        return (f"Tahun {tahun} merupakan tahun akhir {rencana}, dengan Realisasi sebesar "
                f"{realisasi} {status} Target Akhir {rencana} sebesar "
                f"{target_akhir}{arah}, dengan capaian {_capaian_text(cap, sebelum_batas)}.")
    if not turun and not cap.capped:
        return (f"Realisasi {now} sebesar {realisasi} telah mencapai "
                f"{fmt.percent(cap.value)} dari Target Akhir {rencana} Tahun {akhir} sebesar "
                f"{target_akhir}.")
    return (f"Realisasi {now} sebesar {realisasi} {status} Target Akhir "
            f"{rencana} Tahun {akhir} sebesar {target_akhir}{arah}, dengan capaian "
            f"{_capaian_text(cap, sebelum_batas)}.")


def renstra_sebelumnya_sentence(r: IkuResult, tahun: int, lalu, periode_lalu: tuple[int, int],
                                periode: tuple[int, int], rencana: str = "RENSTRA",
                                laporan: str | None = None) -> str:
    """The last year of the previous Renstra (its end target) and the report year (the first
    years of the current one), as the table beside it compares them. ``laporan`` names the
    period reported when it is not the whole year ('Semester I Tahun 2025')."""
    d = r.iku.desimal

    def year(y: int, target, realisasi, capaian, what: str) -> str:
        label = laporan if laporan and y == tahun else f"Tahun {y}"
        text = f"pada {label}, {what},"
        if realisasi is not None:
            text += f" Realisasi sebesar {fmt.number(realisasi, d)}"
        if target is not None:
            text += (" terhadap" if realisasi is not None else "") + \
                f" Target sebesar {fmt.number(target, d)}"
        if capaian.shown is not None:
            text += f" dengan Capaian {fmt.percent(capaian.shown)}"
        return text

    first = year(lalu.tahun, lalu.target, lalu.realisasi, lalu.capaian,
                 f"tahun akhir {rencana} Tahun {periode_lalu[0]}-{periode_lalu[1]}")
    second = year(tahun, r.target, r.realisasi, r.capaian,
                  f"dalam {rencana} Tahun {periode[0]}-{periode[1]}")
    return f"{first[0].upper()}{first[1:]}; {second}."
