"""Sentences that compare an IKU with other figures: earlier years and the Renstra end target."""

from __future__ import annotations

from lkip_docx import fmt
from lkip_docx.compute.results import TETAP, IkuResult
from lkip_docx.report.sentences.words import tren_kata


def compared(what: str, tahun: int, now: str, tren: str | None, tahun_lalu: int,
             before: str) -> str:
    """'Capaian Kinerja Tahun 2024 sebesar 107,82% meningkat dibandingkan Tahun 2023 sebesar ...'"""
    if tren == TETAP:
        return f"{what} Tahun {tahun} sebesar {now} sama dengan Tahun {tahun_lalu}"
    return (f"{what} Tahun {tahun} sebesar {now} {tren_kata(tren)} dibandingkan Tahun {tahun_lalu} "
            f"sebesar {before}")


def comparison_sentence(r: IkuResult, tahun: int) -> str:
    """Capaian, realisasi and a changed target against the year before; empty without one."""
    lalu = r.tahun_lalu
    if lalu is None:
        return ""
    d = r.iku.desimal
    parts = []
    if r.capaian.value is not None and lalu.capaian.value is not None:
        parts.append(compared("Capaian Kinerja", tahun, fmt.percent(r.capaian.value),
                              r.tren_capaian, lalu.tahun, fmt.percent(lalu.capaian.value)))
    if r.realisasi is not None and lalu.realisasi is not None:
        parts.append(compared("Realisasi", tahun, fmt.number(r.realisasi, d), r.tren_realisasi,
                              lalu.tahun, fmt.number(lalu.realisasi, d)))
    if lalu.target is not None and r.target is not None and lalu.target != r.target:
        parts.append(f"Target Tahun {tahun} sebesar {fmt.number(r.target, d)}, sedangkan Target "
                     f"Tahun {lalu.tahun} sebesar {fmt.number(lalu.target, d)}")
    return "; ".join(parts) + "." if parts else ""


def renstra_sentence(r: IkuResult, tahun: int) -> str:
    """Realisasi of the report year against the Renstra end target; empty without one."""
    d = r.iku.desimal
    if r.target_akhir_renstra is None:
        return ""
    target_akhir = fmt.number(r.target_akhir_renstra, d)
    if r.capaian_akhir_renstra.value is None:
        return f"Target Akhir RENSTRA Tahun {r.tahun_akhir_renstra} sebesar {target_akhir}."
    capaian_akhir = fmt.percent(r.capaian_akhir_renstra.value)
    if tahun == r.tahun_akhir_renstra:
        return (f"Tahun {tahun} merupakan tahun akhir RENSTRA, dengan Realisasi sebesar "
                f"{fmt.number(r.realisasi, d)} terhadap Target Akhir RENSTRA sebesar "
                f"{target_akhir} atau {capaian_akhir}.")
    return (f"Realisasi Tahun {tahun} sebesar {fmt.number(r.realisasi, d)} telah mencapai "
            f"{capaian_akhir} dari Target Akhir RENSTRA Tahun {r.tahun_akhir_renstra} sebesar "
            f"{target_akhir}.")


def renstra_sebelumnya_sentence(r: IkuResult, tahun: int, lalu, periode_lalu: tuple[int, int],
                                periode: tuple[int, int]) -> str:
    """The last year of the previous Renstra (its end target) and the report year (the first
    years of the current one), as the table beside it compares them."""
    d = r.iku.desimal

    def year(y: int, target, realisasi, capaian, what: str) -> str:
        text = f"pada Tahun {y}, {what},"
        if realisasi is not None:
            text += f" Realisasi sebesar {fmt.number(realisasi, d)}"
        if target is not None:
            text += (" terhadap" if realisasi is not None else "") + \
                f" Target sebesar {fmt.number(target, d)}"
        if capaian.value is not None:
            text += f" dengan Capaian {fmt.percent(capaian.value)}"
        return text

    first = year(lalu.tahun, lalu.target, lalu.realisasi, lalu.capaian,
                 "tahun akhir RENSTRA Tahun {}-{}".format(*periode_lalu))
    second = year(tahun, r.target, r.realisasi, r.capaian,
                  "dalam RENSTRA Tahun {}-{}".format(*periode))
    return f"{first[0].upper()}{first[1:]}; {second}."
