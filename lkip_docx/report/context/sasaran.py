"""Context of 3.2 in the compact layout (Profil: Tata Letak Analisis 'Per Sasaran'): one analysis
per sasaran, as many agencies write it, instead of one per IKU.

Per sasaran: its scales, one measurement table with all its indicators, the generated sentences
of each indicator (capaian, worked calculation, comparison with earlier years and with the
Renstra end target) in one flow, and once for the whole sasaran the supporting indikator program
and the budget of every sub kegiatan supporting any of its indicators. The Narasi rows of its
IKU (Kode IKU of any of them) are the sasaran's, in IKU order. Every figure is the one the
per-indicator layout prints; only the budget of a sasaran with several supported indicators is
a new sum (of the same sub kegiatan).

The helpers are called in the order the template prints the sasaran's tables, which numbers them.
"""

from __future__ import annotations

from lkip_docx import fmt
from lkip_docx.compute.results import IkuResult, Results
from lkip_docx.compute.sasaran import SasaranResult
from lkip_docx.report import sentences
from lkip_docx.report.context.blocks import (
    budget_row,
    budget_rows,
    list_block,
    narrative_block,
    text_block,
)
from lkip_docx.report.context.iku import (
    _akip_table,
    _ip_context,
    _komposit_block,
    _scale_table,
    capaian_text,
    lettered,
    renstra_kalimat,
)
from lkip_docx.report.richtext import HIDE_COLUMN, PARAS, lit, paragraphs
from lkip_docx.report.structure import Numbering
from lkip_docx.workbook import contract as c
from lkip_docx.workbook.kinds import Setelan


def sasaran_context(res: Results, g: SasaranResult, tables: Numbering, sumber: dict[str, str],
                    s: Setelan) -> dict:
    """Everything the compact 3.2 prints for one sasaran."""
    tahun = res.wb.profil.tahun
    periode = s.periode if s.semester else None
    uraian = g.sasaran.uraian if g.sasaran else ""
    # one source line for the sasaran's tables: its first indicator's, as per IKU
    sumber_iku = next((r.iku.sumber for r in g.ikus if r.iku.sumber), "") or sumber["evaluasi"]
    narasi = {sec.key: narrative_block([n for r in g.ikus for n in r.narasi.get(sec.key, ())])
              for sec in c.NARRATIVE_SECTIONS if sec.per_iku}
    out: dict = {
        "no": str(g.no), "kode": g.kode, "sasaran": uraian,
        "ke": sentences.ordinal(g.no) if g.no else "",
        "jumlah_indikator": fmt.count(len(g.ikus)),
        "narasi": narasi,
        "narasi_ada": {key: bool(value[PARAS]) for key, value in narasi.items()},
        "program_pendukung": list_block([lit(p.nama) for p in g.programs], numbered=True),
        "jumlah_program": fmt.count(g.n_program),
        "jumlah_kalimat": sentences.counts_phrase(g.n_program, g.n_kegiatan, g.n_sub,
                                                  s.anggaran.tingkat),
    }
    seen: list[str] = []
    out["skala"] = []
    for r in g.ikus:
        if r.skala is not None and r.skala.kode not in seen:
            seen.append(r.skala.kode)
            out["skala"].append(_scale_table(r.skala, tables))
    out["pengukuran"] = _pengukuran_table(g, uraian, tables, sumber_iku, s)
    out["indikator"] = [_indikator(res, r, tahun, periode) for r in g.ikus]
    akip = next((r for r in g.ikus if r.is_akip), None)
    out["akip"] = _akip_table(res, tables, sumber) \
        if akip is not None and res.wb.evaluasi_akip else None
    perbandingan = []
    for r in g.ikus:
        text = sentences.comparison_sentence(r, tahun, periode)
        perbandingan.append((r, text or (
            f"Data Capaian Kinerja Indikator Sasaran *{lit(r.iku.nama)}* pada Tahun sebelumnya "
            "belum tersedia, sehingga perbandingan dengan Tahun lalu belum dapat disajikan."),
            text or ("Data Capaian Kinerja pada Tahun sebelumnya belum tersedia, sehingga "
                     "perbandingan dengan Tahun lalu belum dapat disajikan.")))
    out["kalimat_perbandingan"] = _per_indikator(g, perbandingan)
    out.update(_program(res, g, tables, sumber_iku, s))
    renstra = [(r, *renstra_kalimat(res, r, s)) for r in g.ikus]
    said = [(r, text, text) for r, _periode, text in renstra if text]
    periods = {per for _r, per, text in renstra if text}
    awal, akhir = res.wb.profil.periode_renstra
    # the heading names the period compared with: the previous Renstra's only when every
    # indicator is compared with it
    out["renstra_periode"] = periods.pop() if len(periods) == 1 else f"{awal}-{akhir}"
    out["kalimat_renstra"] = _per_indikator(g, said)
    out["anggaran"] = tables.table(
        3, f"Alokasi dan Realisasi Anggaran serta {s.anggaran.efisiensi_judul} untuk Sasaran "
           f"\u201c{uraian}\u201d", sumber["anggaran"],
        baris=budget_rows(g.programs, uraian),
        total=budget_row(g.total) if g.total else None) if g.programs else None
    out["kalimat_efisiensi"] = text_block(sentences.efisiensi_sasaran_sentence(g, s.anggaran))
    ada = out["narasi_ada"]
    out["huruf"] = lettered({
        "perbandingan": True,
        "penyebab": bool(ada["penyebab"] or (out["akip"] and out["akip"]["catatan"][PARAS])
                         or out["ip_tabel"]),
        "renstra": bool(said or ada["perbandingan_renstra"]),
        "efisiensi": bool(out["anggaran"] or ada["efisiensi"]),
        "langkah": bool(ada["langkah"]),
    })
    return out


def _pengukuran_table(g: SasaranResult, uraian: str, tables: Numbering, sumber: str,
                      s: Setelan) -> dict:
    """All the sasaran's indicators with target, realisasi, capaian and predikat (a column no
    indicator has a predikat for is not printed)."""
    graded = any(r.predikat for r in g.ikus)
    rows = [{"no": str(i), "kode": r.iku.kode, "indikator": r.iku.nama, "satuan": r.iku.satuan,
             "target": fmt.number(r.target, r.iku.desimal),
             "realisasi": fmt.number(r.realisasi, r.iku.desimal),
             "capaian": fmt.percent(r.capaian.shown),
             "predikat": r.predikat.predikat if r.predikat else "-" if graded else HIDE_COLUMN}
            for i, r in enumerate(g.ikus, start=1)]
    return tables.table(3, f"Pengukuran Kinerja Sasaran \u201c{uraian}\u201d {s.periode}", sumber,
                        baris=rows)


def _indikator(res: Results, r: IkuResult, tahun: int, periode: str | None) -> dict:
    """One indicator's sentences below the measurement table, and its worked calculation."""
    return {
        "kode": r.iku.kode, "nama": r.iku.nama,
        **capaian_text(res, r, tahun, periode),
    }


def _per_indikator(g: SasaranResult, items: list[tuple[IkuResult, str, str]]) -> dict:
    """One sentence per indicator, ``items`` (indicator, its sentence alone, its sentence after
    its name): alone when the sasaran has one indicator, as the per-indicator layout prints it;
    otherwise a numbered item per indicator, named first, since the sentences do not name it.
    An empty sentence is left out."""
    if len(g.ikus) == 1:
        return text_block(*[alone for _r, alone, _listed in items])
    return list_block([f"**{lit(r.iku.nama)}**: {listed}" for r, _alone, listed in items
                       if listed], numbered=True)


def _program(res: Results, g: SasaranResult, tables: Numbering, sumber_iku: str,
             s: Setelan) -> dict:
    """The indikator program supporting any of the sasaran's indicators: one table, their
    worked calculations (unless their IKU's own, which includes them, is shown) and sentences."""
    tahun = res.wb.profil.tahun
    ips = [(r, ipr) for r in g.ikus for ipr in r.indikator_program]
    table = tables.table(
        3, "Indikator Capaian Program Pendukung Sasaran "
           f"\u201c{g.sasaran.uraian if g.sasaran else ''}\u201d",
        sumber_iku) if ips else None
    return {
        "ip_tabel": table,
        "indikator_program": [_ip_context(ipr, n, tahun, s)
                              for n, (_r, ipr) in enumerate(ips, start=1)],
        "ip_komposit": paragraphs([p for r, ipr in ips if not r.komposit
                                   for p in _komposit_block(ipr.komposit)[PARAS]]),
        "kalimat_program": sentences.program_sentence(
            g.no, s.singkatan_lengkap, g.n_program, g.n_sub, s.anggaran.tingkat,
            sebutan="Sasaran Strategis") if g.programs else "",
    }
