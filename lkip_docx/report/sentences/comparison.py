"""Sentences that compare an IKU with other figures: earlier years and the Renstra end target."""

from __future__ import annotations

from lkip_docx import fmt
from lkip_docx.compute.results import TETAP, IkuResult
from lkip_docx.report.sentences.words import tren_kata


def compared(what: str, tahun: int, now: str, tren: str | None, tahun_lalu: int,
             before: str, periode: str | None = None) -> str:
    """'Capaian Kinerja Tahun 2024 sebesar 107,82% meningkat dibandingkan Tahun 2023 sebesar ...'
    (``periode`` replaces 'Tahun 2024' in a semester report)."""
    label = periode or f"Tahun {tahun}"
    if tren == TETAP:
        return f"{what} {label} sebesar {now} sama dengan Tahun {tahun_lalu}"
    return (f"{what} {label} sebesar {now} {tren_kata(tren)} dibandingkan Tahun {tahun_lalu} "
            f"sebesar {before}")


def comparison_sentence(r: IkuResult, tahun: int, periode: str | None = None) -> str:
    """Capaian, realisasi and a changed target against the year before; empty without one.
    ``periode`` names the period reported when it is not the whole year."""
    lalu = r.tahun_lalu
    if lalu is None:
        return ""
    d = r.iku.desimal
    now = periode or f"Tahun {tahun}"

    def say(what: str, value: str, tren: str | None, before: str) -> str:
        return compared(what, tahun, value, tren, lalu.tahun, before, periode)

    parts = []
    if r.capaian.value is not None and lalu.capaian.value is not None:
        parts.append(say("Capaian Kinerja", fmt.percent(r.capaian.value), r.tren_capaian,
                         fmt.percent(lalu.capaian.value)))
    if r.realisasi is not None and lalu.realisasi is not None:
        parts.append(say("Realisasi", fmt.number(r.realisasi, d), r.tren_realisasi,
                         fmt.number(lalu.realisasi, d)))
    if lalu.target is not None and r.target is not None and lalu.target != r.target:
        parts.append(f"Target {now} sebesar {fmt.number(r.target, d)}, sedangkan Target "
                     f"Tahun {lalu.tahun} sebesar {fmt.number(lalu.target, d)}")
    return "; ".join(parts) + "." if parts else ""


def renstra_sentence(r: IkuResult, tahun: int, periode: str | None = None,
                     rencana: str = "RENSTRA") -> str:
    """Realisasi of the report period against the end target of the plan (``rencana``: RENSTRA,
    RPJMD ...); empty without one."""
    d = r.iku.desimal
    if r.target_akhir_renstra is None:
        return ""
    now = periode or f"Tahun {tahun}"
    target_akhir = fmt.number(r.target_akhir_renstra, d)
    if r.capaian_akhir_renstra.value is None:
        return f"Target Akhir {rencana} Tahun {r.tahun_akhir_renstra} sebesar {target_akhir}."
    capaian_akhir = fmt.percent(r.capaian_akhir_renstra.value)
    if tahun == r.tahun_akhir_renstra:
        return (f"Tahun {tahun} merupakan tahun akhir {rencana}, dengan Realisasi sebesar "
                f"{fmt.number(r.realisasi, d)} terhadap Target Akhir {rencana} sebesar "
                f"{target_akhir} atau {capaian_akhir}.")
    return (f"Realisasi {now} sebesar {fmt.number(r.realisasi, d)} telah mencapai "
            f"{capaian_akhir} dari Target Akhir {rencana} Tahun {r.tahun_akhir_renstra} sebesar "
            f"{target_akhir}.")
