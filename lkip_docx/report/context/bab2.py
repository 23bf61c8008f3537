"""Context of BAB II Perencanaan Kinerja: the Renstra targets, tujuan and sasaran, the IKU table
(2.1) and the Perjanjian Kinerja, before and after APBD-Perubahan (2.2)."""

from __future__ import annotations

from decimal import Decimal

from lkip_docx import fmt
from lkip_docx.compute.results import Results
from lkip_docx.compute.sasaran import sasaran_no
from lkip_docx.report import sentences
from lkip_docx.report.context.blocks import list_block, text_block
from lkip_docx.report.richtext import MERGE_UP, STYLE_TABLE_ITEM, STYLE_TABLE_TEXT, lit
from lkip_docx.report.structure import Numbering
from lkip_docx.workbook.kinds import Setelan


def context(res: Results, tables: Numbering, sumber: dict[str, str], s: Setelan) -> dict:
    wb = res.wb
    out = {
        "renstra": _renstra_table(res, tables, sumber["renstra"]),
        "tujuan": [{"kode": t.kode, "uraian": t.uraian} for t in wb.tujuan],
        "sasaran": [{"no": fmt.count(i), "kode": s.kode, "uraian": s.uraian,
                     "indikator": ", ".join(r.iku.nama for r in res.ikus
                                            if r.sasaran and r.sasaran.kode == s.kode)}
                    for i, s in enumerate(wb.sasaran, start=1)],
        "iku_tabel": _iku_table(res, tables, sumber["renstra"]),
        "iku_daftar": [{"ke": sentences.ordinal(i), "no": str(i), "nama": r.iku.nama,
                        "sasaran": r.sasaran.uraian if r.sasaran else ""}
                       for i, r in enumerate(res.ikus, start=1)],
    }
    out.update(_pk_tables(res, tables, sumber, s))
    return out


def _renstra_table(res: Results, tables: Numbering, sumber: str) -> dict:
    """Targets per year of the Renstra period; a tujuan or sasaran repeated on the next row is
    merged into the cell above (the No column numbers the tujuan, as the reference does)."""
    p = res.wb.profil
    awal, akhir = p.periode_renstra
    years = [str(y) for y in range(awal, akhir + 1)]
    singkatan_lengkap = sentences.singkatan_lengkap(p)
    rows: list[dict] = []
    prev_tujuan = prev_sasaran = None
    for r in res.ikus:
        same_t = r.tujuan is not None and prev_tujuan == r.tujuan.kode
        same_s = r.sasaran is not None and prev_sasaran == r.sasaran.kode
        rows.append({
            "no": MERGE_UP if same_t else f"{len({x['tujuan_kode'] for x in rows}) + 1}.",
            "tujuan_kode": r.tujuan.kode if r.tujuan else "",
            "tujuan": MERGE_UP if same_t else (r.tujuan.uraian if r.tujuan else ""),
            "sasaran": MERGE_UP if same_s else (r.sasaran.uraian if r.sasaran else ""),
            "indikator": r.iku.nama,
            "satuan": r.iku.satuan,
            "target": [fmt.number(t, r.iku.desimal) for _y, t in r.renstra_targets],
        })
        prev_tujuan = r.tujuan.kode if r.tujuan else None
        prev_sasaran = r.sasaran.kode if r.sasaran else None
    return tables.table(
        2, f"Target Tujuan dan Sasaran Jangka Menengah {singkatan_lengkap} Tahun "
           f"{awal}-{akhir}",
        sumber, tahun=years, baris=rows, kolom_kosong=[""] * len(years),
        nomor_kolom=[f"({i})" for i in range(5, 5 + len(years))])


def sasaran_cells(res: Results, no_format: str) -> list[tuple[str, str]]:
    """(number, sasaran) of each IKU row of a table that lists sasaran: a sasaran is numbered
    once (``no_format``: '{}.' or '{}'), and on the rows of its other indicators both cells
    hold MERGE_UP, so that its cell spans all its indicators (compute() keeps them together)."""
    out = []
    prev = None
    for r in res.ikus:
        kode = r.sasaran.kode if r.sasaran else None
        if kode is not None and kode == prev:
            out.append((MERGE_UP, MERGE_UP))
        else:
            n = sasaran_no(res, r)
            out.append((no_format.format(n) if n else "", r.sasaran.uraian if r.sasaran else ""))
        prev = kode
    return out


def _iku_table(res: Results, tables: Numbering, sumber: str) -> dict:
    p = res.wb.profil
    cells = sasaran_cells(res, "{}.")
    return tables.table(
        2, f"Indikator Kinerja Utama {sentences.singkatan_lengkap(p)} Tahun {p.tahun}", sumber,
        baris=[{"sasaran": sasaran if no == MERGE_UP else f"{no} {sasaran}".strip(),
                "indikator": r.iku.nama,
                "alasan": list_block([lit(x) for x in r.iku.alasan.split("\n")],
                                     numbered=False, style=STYLE_TABLE_ITEM) if r.iku.alasan
                else text_block("-", style=STYLE_TABLE_TEXT),
                "rumus": text_block(*[lit(x) for x in (r.iku.rumus or "-").split("\n")],
                                    style=STYLE_TABLE_TEXT),
                "satuan": r.iku.satuan, "target": fmt.number(r.target_renstra, r.iku.desimal)}
               for r, (no, sasaran) in zip(res.ikus, cells)])


def rp_tabel(value: Decimal | None) -> str:
    """Rupiah in PK tables: ``Rp. 1.403.610.650``."""
    return "Rp. " + fmt.money(value) if value is not None else "-"


def _pk_tables(res: Results, tables: Numbering, sumber: dict[str, str], s: Setelan) -> dict:
    """The Perjanjian Kinerja, and its APBD-Perubahan (Revisi DIPA) version when any budget
    changed; without a budget, the targets only."""
    wb = res.wb
    singkatan_lengkap = s.singkatan_lengkap
    tahun = wb.profil.tahun
    a = s.anggaran
    ada_perubahan = a.ada and (any(sub.pagu_perubahan is not None for sub in wb.sub_kegiatan)
                               or any(pk.anggaran_pk_perubahan is not None for pk in res.pk))
    pk_sasaran = [{"no": no, "sasaran": sasaran,
                   "indikator": r.iku.nama, "target": fmt.number(r.target_pk, r.iku.desimal),
                   "target_perubahan": fmt.number(r.target_pk_perubahan
                                                  if r.target_pk_perubahan is not None
                                                  else r.target_pk, r.iku.desimal)}
                  for r, (no, sasaran) in zip(res.ikus, sasaran_cells(res, "{}"))]
    pk_program = [{"no": str(i), "program": pk.program.nama,
                   "anggaran": rp_tabel(pk.anggaran_pk if pk.anggaran_pk is not None
                                        else pk.tree_murni),
                   "anggaran_perubahan": rp_tabel(pk.anggaran_pk_perubahan
                                                  if pk.anggaran_pk_perubahan is not None
                                                  else pk.tree_pagu)}
                  for i, pk in enumerate(res.pk, start=1)]
    if not (a.ada and res.pk):
        pk_program = []
    pk = tables.table(
        2, f"Perjanjian Kinerja {singkatan_lengkap} Tahun {tahun}", sumber["pk"],
        sasaran=pk_sasaran, program=pk_program, total=rp_tabel(res.pk_total), ket=a.nama)
    pk_perubahan = tables.table(
        2, f"Perjanjian Kinerja {singkatan_lengkap} {a.pk_perubahan}",
        sumber["pk_perubahan"], sasaran=pk_sasaran, program=pk_program,
        total=rp_tabel(res.pk_total), total_perubahan=rp_tabel(res.pk_total_perubahan),
        ket=a.perubahan_singkat) if ada_perubahan else None
    return {"pk": pk, "pk_perubahan": pk_perubahan}
