"""Context of BAB III Akuntabilitas Kinerja: capaian of the organisation (3.1), the analysis per
IKU (3.2, in iku.py) or, in the compact layout, per sasaran (sasaran.py), realisasi anggaran per
budget group (3.3) and prestasi (3.4)."""

from __future__ import annotations

from lkip_docx import fmt
from lkip_docx.compute.results import KelompokResult, Results
from lkip_docx.compute.sasaran import per_sasaran, per_sasaran_layout
from lkip_docx.report import sentences
from lkip_docx.report.context.bab2 import sasaran_cells
from lkip_docx.report.context.blocks import budget_row, budget_rows, list_block, text_block
from lkip_docx.report.context.iku import iku_context
from lkip_docx.report.context.sasaran import sasaran_context
from lkip_docx.report.richtext import STYLE_FORMULA, lit
from lkip_docx.report.structure import Numbering
from lkip_docx.workbook.kinds import Setelan


def context(res: Results, tables: Numbering, sumber: dict[str, str], s: Setelan) -> dict:
    wb = res.wb
    p = wb.profil
    budget = s.anggaran.ada and bool(res.programs)
    kelompok = list(res.kelompok) if budget else []
    return {
        "capaian": _capaian_table(res, tables, sumber["evaluasi"], s),
        "capaian_ringkas": list_block([sentences.ringkas_item(r) for r in res.ikus]),
        "metode_capaian": _metode_block(res),
        # 3.2: per IKU, or (the compact layout) per sasaran; the other list is empty
        "iku": [] if per_sasaran_layout(p) else
        [iku_context(res, r, i, tables, sumber, s) for i, r in enumerate(res.ikus, start=1)],
        "analisis_sasaran": [sasaran_context(res, g, tables, sumber, s)
                             for g in per_sasaran(res)] if per_sasaran_layout(p) else [],
        "kelompok": [_kelompok_table(k, res, tables, sumber["anggaran"], s, len(kelompok) > 1)
                     for k in kelompok],
        "realisasi_anggaran_kalimat": text_block(sentences.realisasi_anggaran_sentence(
            kelompok, res.total, s.singkatan_lengkap, p.tahun, s.anggaran)),
        "total_anggaran": budget_row(res.total),
        "prestasi": list_block([x.uraian + (f" ({lit(x.pemberi)})" if x.pemberi else "")
                                for x in wb.prestasi]),
        "ada_prestasi": bool(wb.prestasi),
    }


def _capaian_table(res: Results, tables: Numbering, sumber: str, s: Setelan) -> dict:
    """Every IKU's target, realisasi, capaian and predikat; a sasaran repeated on the next row is
    merged into the cell above."""
    rows = []
    for i, (r, (no, sasaran)) in enumerate(zip(res.ikus, sasaran_cells(res, "{}")), start=1):
        rows.append({
            "no_sasaran": no, "sasaran": sasaran,
            "no": str(i), "indikator": r.iku.nama, "satuan": r.iku.satuan,
            "target": fmt.number(r.target, r.iku.desimal),
            "realisasi": fmt.number(r.realisasi, r.iku.desimal),
            "capaian": fmt.percent(r.capaian.shown),
            "predikat": r.predikat.predikat if r.predikat else "-",
        })
    return tables.table(3, f"Capaian Kinerja {s.singkatan_lengkap} {s.periode}",
                        sumber, baris=rows)


def _metode_block(res: Results) -> dict:
    """The capaian formulas the report uses, in IKU order; each names its IKU when there is more
    than one."""
    metodes: list[str] = []
    for r in res.ikus:
        if r.iku.metode not in metodes:
            metodes.append(r.iku.metode)
    if len(metodes) == 1:
        lines = [sentences.metode_line(metodes[0])]
    else:
        lines = [sentences.metode_line(m, [r.iku.nama for r in res.ikus if r.iku.metode == m])
                 for m in metodes]
    return text_block(*lines, style=STYLE_FORMULA)


def _kelompok_table(k: KelompokResult, res: Results, tables: Numbering, sumber: str,
                    s: Setelan, several: bool) -> dict:
    """The budget table of one group; the programs without a group are 'Realisasi Anggaran',
    or 'Realisasi Anggaran Lainnya' beside named groups."""
    what = (f"{k.nama} ({k.kode})" if k.kode else
            "Anggaran Lainnya" if several else "Anggaran")
    return tables.table(
        3, f"Realisasi {what} {s.singkatan_lengkap} {s.periode}",
        sumber, kode=k.kode, nama=k.nama, baris=budget_rows(k.programs),
        total=budget_row(k.total))
