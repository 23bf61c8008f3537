"""Context of one IKU in BAB III, 3.2 (analysis of each Indikator Kinerja Utama): its capaian,
scale, AKIP evaluation, earlier years, indikator program, Renstra end target and budget.

The helpers below are called in the order the template prints this IKU's tables, which is the
order that numbers them.
"""

from __future__ import annotations

from decimal import Decimal

from lkip_docx import fmt
from lkip_docx.compute.capaian import METODE_TEKS
from lkip_docx.compute.results import IkuResult, IpResult, Results, YearFigures
from lkip_docx.compute.sasaran import sasaran_no
from lkip_docx.numbers import NotAvailable
from lkip_docx.report import sentences
from lkip_docx.report.context.blocks import (
    budget_row,
    budget_rows,
    list_block,
    narrative_block,
    text_block,
)
from lkip_docx.report.richtext import (
    HIDE_COLUMN,
    PARAS,
    STYLE_FORMULA,
    STYLE_FORMULA_TITLE,
    lit,
    paragraph,
    paragraphs,
)
from lkip_docx.report.structure import Numbering
from lkip_docx.workbook import contract as c
from lkip_docx.workbook.kinds import Setelan
from lkip_docx.workbook.model import IndikatorProgram
from lkip_docx.workbook.scales import Skala, interval_text


def iku_context(res: Results, r: IkuResult, i: int, tables: Numbering,
                sumber: dict[str, str], s: Setelan) -> dict:
    """Everything 3.2 prints for the ``i``-th IKU."""
    tahun = res.wb.profil.tahun
    sumber_iku = r.iku.sumber or sumber["evaluasi"]
    out = _heading(res, r, i)
    out.update(_capaian(res, r, tables, sumber, sumber_iku, s))
    out.update(_perbandingan(r, tahun, tables, sumber_iku, s))
    out["indikator_program"] = [_ip_context(ipr, n, tahun, s)
                                for n, ipr in enumerate(r.indikator_program, start=1)]
    out["ip_tabel"] = tables.table(
        3, f"Indikator Capaian Program Pendukung Indikator Kinerja Sasaran {r.iku.nama}",
        sumber_iku) if r.indikator_program else None
    out.update(_renstra(res, r, tables, sumber_iku, s))
    out.update(_anggaran(res, r, i, tables, sumber["anggaran"], s))
    out["huruf"] = _letters(out)
    return out


def _letters(k: dict) -> dict[str, str]:
    """The letters of the analysis items that have something to say (a. b. c. ...), so that a
    missing one leaves no gap: the comparison with earlier years is always there (its table or
    the sentence that there is none), the others only with their table or narrative."""
    ada = k["narasi_ada"]
    items = {
        "perbandingan": True,
        # the AKIP table is shown above; under this item only its notes, when it has any
        "penyebab": bool(ada["penyebab"] or (k["akip"] and k["akip"]["catatan"][PARAS])
                         or k["ip_tabel"]),
        "renstra": bool(k["renstra"] or ada["perbandingan_renstra"]),
        "efisiensi": bool(k["anggaran"] or ada["efisiensi"]),
        "langkah": bool(ada["langkah"]),
    }
    return lettered(items)


def lettered(items: dict[str, bool]) -> dict[str, str]:
    """'a.', 'b.' ... for the items shown, in order; '' for the others (no gap)."""
    out, n = {}, 0
    for key, shown in items.items():
        if shown:
            out[key] = f"{'abcdefghij'[n]}."
            n += 1
        else:
            out[key] = ""
    return out


def _heading(res: Results, r: IkuResult, i: int) -> dict:
    d = r.iku.desimal
    narasi = {s.key: narrative_block(r.narasi.get(s.key, ())) for s in c.NARRATIVE_SECTIONS
              if s.per_iku}
    return {
        "no": str(i), "kode": r.iku.kode, "nama": r.iku.nama, "satuan": r.iku.satuan,
        "sasaran_no": str(sasaran_no(res, r)),
        "sasaran": r.sasaran.uraian if r.sasaran else "",
        "ke": sentences.ordinal(i),
        "target": fmt.number(r.target, d), "realisasi": fmt.number(r.realisasi, d),
        "capaian": fmt.percent(r.capaian.shown),
        "status": sentences.status_capaian(r.capaian),
        "predikat": r.predikat.predikat if r.predikat else "",
        "kriteria": (r.predikat.kriteria or "") if r.predikat else "",
        "metode": METODE_TEKS[r.iku.metode],
        "narasi": narasi,
        "narasi_ada": {key: bool(value[PARAS]) for key, value in narasi.items()},
    }


def _capaian(res: Results, r: IkuResult, tables: Numbering, sumber: dict[str, str],
             sumber_iku: str, s: Setelan) -> dict:
    """The scale, supporting programs, the analysis table with its sentence, the composite
    calculation and (for the AKIP indicator) the evaluation's components."""
    tahun = res.wb.profil.tahun
    periode = None if not s.semester else s.periode
    return {
        "skala": _scale_table(r.skala, tables) if r.skala else None,
        "program_pendukung": list_block([lit(p.nama) for p in r.programs], numbered=True),
        "jumlah_program": fmt.count(r.n_program),
        "jumlah_kegiatan": fmt.count(r.n_kegiatan),
        "jumlah_sub_kegiatan": fmt.count(r.n_sub),
        "jumlah_kalimat": sentences.counts_phrase(r.n_program, r.n_kegiatan, r.n_sub,
                                                  s.anggaran.tingkat),
        "analisis": tables.table(
            3, f"Analisis Pencapaian Indikator Kinerja Utama {r.iku.nama}", sumber_iku),
        **capaian_text(res, r, tahun, periode),
        "akip": _akip_table(res, tables, sumber) if r.is_akip and res.wb.evaluasi_akip else None,
    }


def capaian_text(res: Results, r: IkuResult, tahun: int, periode: str | None) -> dict:
    """An indicator's sentences below its measurement table and its worked calculation: the
    same in both layouts of the analysis (per IKU and per sasaran)."""
    return {
        "kalimat_capaian": text_block(
            sentences.iku_sentence(r, tahun, periode),
            sentences.method_sentence(r.capaian, r.iku.batas_capaian,
                                      res.settings.sebelum_batas)),
        "ada_komposit": bool(r.komposit),
        "komposit": _komposit_block(r.komposit),
    }


def _scale_table(skala: Skala, tables: Numbering) -> dict:
    # a scale without any criteria prints no Kriteria column (render removes it)
    empty = HIDE_COLUMN if not any(k.kriteria for k in skala.kelas) else "-"
    return tables.table(
        3, skala.nama or f"Skala Predikat {skala.kode}", skala.sumber or "",
        baris=[{"no": f"{i}.", "interval": interval_text(k), "kriteria": k.kriteria or empty,
                "predikat": k.predikat} for i, k in enumerate(skala.kelas, start=1)])


def _komposit_block(rows) -> dict:
    """A composite indicator's calculation: each component, its formula and worked steps."""
    items = []
    for row in rows:
        items.append(paragraph(STYLE_FORMULA_TITLE, [[row.uraian, True, False]]))
        items.append(paragraph(STYLE_FORMULA, [["= " + (row.rumus_teks or ""), False, False]]))
        for step in row.langkah:
            items.append(paragraph(STYLE_FORMULA, [["= " + step, False, False]]))
    return paragraphs(items)


def _akip_table(res: Results, tables: Numbering, sumber: dict[str, str]) -> dict:
    wb = res.wb
    p = wb.profil
    return tables.table(
        3, f"Rincian Hasil Evaluasi {sentences.singkatan_lengkap(p)} Tahun {p.tahun}",
        p.sumber_akip or sumber["akip"],
        baris=[{"no": str(j), "komponen": k.komponen,
                "bobot": fmt.number(k.bobot, None, trim=True), "nilai": fmt.number(k.nilai, 2)}
               for j, k in enumerate(wb.evaluasi_akip, start=1)],
        total_bobot=(fmt.number(res.akip_bobot, None, trim=True)
                     if res.akip_bobot is not None else "-"),
        total_nilai=fmt.number(res.akip_total, 2),
        predikat=res.akip_predikat.predikat if res.akip_predikat else "-",
        catatan=list_block([f"**{lit(k.komponen)}**, {k.catatan}" for k in wb.evaluasi_akip
                            if k.catatan], numbered=True))


def _perbandingan(r: IkuResult, tahun: int, tables: Numbering, sumber_iku: str,
                  s: Setelan) -> dict:
    """Earlier years next to the report period, and the comparison sentence."""
    out: dict = {"ada_riwayat": bool(r.riwayat), "perbandingan": None, "tren": ""}
    if r.riwayat:
        d = r.iku.desimal
        cols = [{"tahun": str(y.tahun), "label": f"Tahun {y.tahun}",
                 "target": fmt.number(y.target, d),
                 "realisasi": fmt.number(y.realisasi, d), "capaian": fmt.percent(y.capaian.shown)}
                for y in r.riwayat]
        cols.append({"tahun": str(tahun), "label": s.periode, "target": fmt.number(r.target, d),
                     "realisasi": fmt.number(r.realisasi, d),
                     "capaian": fmt.percent(r.capaian.shown)})
        out["perbandingan"] = tables.table(
            3, f"Perbandingan Realisasi Kinerja dan Capaian Kinerja Sasaran {s.periode} dengan "
               f"Tahun Sebelumnya untuk Indikator Kinerja Sasaran {r.iku.nama}", sumber_iku,
            kolom=cols, tahun=[col["tahun"] for col in cols])
        out["tren"] = sentences.tren_kata(r.tren_capaian)
    out["kalimat_perbandingan"] = text_block(sentences.comparison_sentence(
        r, tahun, s.periode if s.semester else None))
    return out


def _ip_context(ipr: IpResult, n: int, tahun: int, s: Setelan) -> dict:
    ip = ipr.ip
    a = s.anggaran
    subs = [{"no": f"{i})", "nama": line.nama,
             "kalimat": text_block(sentences.sub_kegiatan_sentence(line, a))}
            for i, line in enumerate(ipr.subs, start=1)]
    return {
        "no": str(n), "kode": ip.kode, "nama": ip.nama, "satuan": ip.satuan,
        "target": _ip_value(ipr.target, ip), "realisasi": _ip_value(ipr.realisasi, ip),
        "capaian": fmt.percent(ipr.capaian.shown),
        "kalimat": sentences.ip_sentence(ipr, tahun, s.periode if s.semester else None,
                                         a.tingkat[2]),
        "sub_kegiatan": subs,
        "komposit": _komposit_block(ipr.komposit),
    }


def _ip_value(value: Decimal | NotAvailable | None, ip: IndikatorProgram) -> str:
    # An indikator program measured in percent prints as one (98,60%).
    if ip.satuan.strip() == "%":
        return fmt.percent(value)
    return fmt.number(value, ip.desimal)


def _renstra(res: Results, r: IkuResult, tables: Numbering, sumber_iku: str,
             s: Setelan) -> dict:
    """The report period against the plan's end target: table and sentence."""
    p = res.wb.profil
    d = r.iku.desimal
    awal, akhir = p.periode_renstra
    rencana = s.rencana.singkatan
    table = tables.table(
        3, f"Perbandingan Realisasi Indikator Kinerja Sasaran {r.iku.nama} {s.periode} "
           f"terhadap Target Akhir {rencana} {s.singkatan_lengkap} Tahun {awal}-{akhir}",
        sumber_iku,
        target=fmt.number(r.target, d), realisasi=fmt.number(r.realisasi, d),
        # the column headers: 'Target 2024', 'Target Semester I 2025'
        periode=s.periode.replace("Tahun ", ""), tahun_akhir=str(r.tahun_akhir_renstra),
        target_akhir=fmt.number(r.target_akhir_renstra, d),
        capaian_akhir=fmt.percent(r.capaian_akhir_renstra.shown), sebelumnya=False) \
        if r.target_akhir_renstra is not None else None
    earlier = _renstra_sebelumnya(res, r, tables, sumber_iku, table, s)
    if earlier is not None:
        return earlier
    return {"renstra": table, "renstra_periode": f"{awal}-{akhir}",
            "kalimat_renstra": text_block(sentences.renstra_sentence(
                r, p.tahun, res.settings.sebelum_batas, s.periode if s.semester else None,
                rencana))}


def renstra_lalu(res: Results, r: IkuResult) -> tuple[YearFigures, tuple[int, int]] | None:
    """The last year of the previous Renstra (its YearFigures) and that period, when the report
    compares with it (the workbook has the period and figures of its last year, before the
    report year); None otherwise."""
    p = res.wb.profil
    if p.periode_renstra_sebelumnya is None:
        return None
    _awal_lalu, akhir_lalu = p.periode_renstra_sebelumnya
    lalu = next((y for y in r.riwayat if y.tahun == akhir_lalu), None)
    if lalu is None or akhir_lalu >= p.tahun or (lalu.target is None and lalu.realisasi is None):
        return None
    return lalu, p.periode_renstra_sebelumnya


def renstra_kalimat(res: Results, r: IkuResult, s: Setelan) -> tuple[str, str]:
    """The Renstra period the IKU is compared with ('2024-2026') and the sentence, as
    ``_renstra`` prints them below its table ('' when there is nothing to compare)."""
    p = res.wb.profil
    rencana = s.rencana.singkatan
    periode = s.periode if s.semester else None
    earlier = renstra_lalu(res, r)
    if earlier is not None:
        lalu, (awal_lalu, akhir_lalu) = earlier
        return (f"{awal_lalu}-{akhir_lalu}", sentences.renstra_sebelumnya_sentence(
            r, p.tahun, lalu, (awal_lalu, akhir_lalu), p.periode_renstra, rencana, periode))
    awal, akhir = p.periode_renstra
    return (f"{awal}-{akhir}", sentences.renstra_sentence(
        r, p.tahun, res.settings.sebelum_batas, periode, rencana))


def _renstra_sebelumnya(res: Results, r: IkuResult, tables: Numbering, sumber_iku: str,
                        numbered: dict | None, s: Setelan) -> dict | None:
    """As the reference: the report year (the first years of a new Renstra) compared with the
    end target of the previous Renstra, when the workbook has that period and its last year's
    figures; None otherwise (the current Renstra's end target is used)."""
    p = res.wb.profil
    earlier = renstra_lalu(res, r)
    if earlier is None:
        return None
    lalu, (awal_lalu, akhir_lalu) = earlier
    d = r.iku.desimal
    nama, rencana = s.singkatan_lengkap, s.rencana.singkatan
    awal, akhir = p.periode_renstra
    judul = (f"Perbandingan Realisasi Indikator Kinerja Sasaran {r.iku.nama} terhadap Target "
             f"Akhir {rencana} {nama} Tahun {awal_lalu}-{akhir_lalu} dengan Target Awal "
             f"{rencana} {nama} Tahun {awal}-{akhir}")
    # label: the column header ('2024', and 'Semester I 2025' in a semester report)
    kolom = [{"tahun": str(lalu.tahun), "label": str(lalu.tahun),
              "target": fmt.number(lalu.target, d), "realisasi": fmt.number(lalu.realisasi, d),
              "capaian": fmt.percent(lalu.capaian.shown)},
             {"tahun": str(p.tahun), "label": s.periode.replace("Tahun ", ""),
              "target": fmt.number(r.target, d), "realisasi": fmt.number(r.realisasi, d),
              "capaian": fmt.percent(r.capaian.shown)}]
    if numbered is not None:
        # the table number the current-Renstra table was given is taken over (same place)
        table = dict(numbered, judul=judul, sebelumnya=True, kolom=kolom,
                     tahun_akhir=str(akhir_lalu))
        tables.entries[-1] = f"Tabel {table['nomor']} {judul}"
    else:
        table = tables.table(3, judul, sumber_iku, sebelumnya=True, kolom=kolom,
                             tahun_akhir=str(akhir_lalu))
    return {"renstra": table, "renstra_periode": f"{awal_lalu}-{akhir_lalu}",
            "kalimat_renstra": text_block(sentences.renstra_sebelumnya_sentence(
                r, p.tahun, lalu, (awal_lalu, akhir_lalu), (awal, akhir), rencana,
                s.periode if s.semester else None))}


def _anggaran(res: Results, r: IkuResult, i: int, tables: Numbering, sumber: str,
              s: Setelan) -> dict:
    """The budget of the supporting sub kegiatan: table, efisiensi and the program sentence."""
    tingkat = s.anggaran.tingkat
    table = tables.table(
        3, f"Alokasi dan Realisasi Anggaran serta {s.anggaran.efisiensi_judul} untuk "
           f"Indikator Sasaran {r.iku.nama}", sumber,
        baris=budget_rows(r.programs, r.iku.nama),
        total=budget_row(r.total) if r.total else None) if r.programs else None
    return {
        "anggaran": table,
        "kalimat_efisiensi": text_block(sentences.efisiensi_sentence(r, s.anggaran)),
        "kalimat_program": sentences.program_sentence(
            i, s.singkatan_lengkap, r.n_program, r.n_sub, tingkat) if r.programs else "",
    }
