"""The template context: computed results turned into plain dicts of Indonesian-formatted strings.

Every number is formatted here, in Python, so the Word template only places text. Sentences that
state figures come from report/sentences, fed the same figures the tables show, so text and
tables cannot disagree. Rich text and paragraph blocks are plain markers (richtext.py) that
render.py converts. The variables are documented in docs/template.md; a test checks that every
top-level key is.

One module per part of the template: front.py (cover, Kata Pengantar, Ikhtisar Eksekutif),
bab1.py to bab4.py (bab3.py with iku.py for the analysis per IKU, or sasaran.py for the compact
layout's analysis per sasaran) and lampiran.py; blocks.py holds
the paragraph blocks and budget rows they share. Table numbers, the list of tables and the table
of contents are report/structure.py's.
"""

from __future__ import annotations

from lkip_docx.compute.results import Results
from lkip_docx.report import provenance, sentences
from lkip_docx.report.context import bab1, bab2, bab3, bab4, front, gambar, lampiran
from lkip_docx.report.context.blocks import narrative_block, narrative_sections
from lkip_docx.report.richtext import PARAS
from lkip_docx.report.structure import Numbering, daftar_isi, daftar_tabel, numbered, outline
from lkip_docx.workbook import contract as c
from lkip_docx.workbook import kinds
from lkip_docx.workbook.kinds import Setelan
from lkip_docx.workbook.model import Narasi, Profil

#: Every top-level variable a template may use (render.py adds ``logo``); docs/template.md
#: documents each, and a test keeps this list, build_context() and the docs in step.
TOP_LEVEL_KEYS = (
    "lkip", "instansi", "periode", "ttd", "logo", "logo_path", "bagan", "bagan_path",
    "gambar_bagan", "sumber", "narasi", "narasi_ada",
    "pegawai",
    "sub_kegiatan_per_kelompok", "jumlah", "renstra", "tujuan", "sasaran", "iku_tabel",
    "iku_daftar", "pk", "pk_perubahan", "capaian", "capaian_ringkas", "metode_capaian", "iku",
    "analisis_sasaran", "kelompok", "realisasi_anggaran_kalimat", "total_anggaran", "prestasi",
    "ada_prestasi",
    "peringkat", "ikhtisar", "daftar_tabel", "daftar_isi", "asal",
    "prestasi_daftar", "prestasi_bergambar", "gambar_lampiran", "ada_gambar", "keterangan_bagan",
    "judul_bagan",
    "rencana", "anggaran", "pk_pihak", "istilah", "dasar_hukum", "bagian", "sistematika",
    "daftar_program_pengantar",
)


def build_context(res: Results, asal: provenance.Provenance | None = None) -> dict:
    """The whole context of one report. The chapters are built in the template's order, which
    numbers their tables and orders the list of tables; which sub-chapters exist is decided
    here, from the data (``bagian``). ``asal`` is where the report comes from (its closing line;
    none for a report not built from a workbook file)."""
    p = res.wb.profil
    s = kinds.resolve(p)
    sections = narrative_sections(res)
    sumber = sources(p, s)
    tables = Numbering()
    parts = outline(_sections_with_data(res, s, sections), _titles(p, s))
    ctx: dict = front.context(res, sections, s)
    ctx["sumber"] = sumber
    ctx["bagian"] = numbered(parts)
    ctx["sistematika"] = _sistematika(parts)
    ctx.update(_narasi(res, sections))
    ctx.update(bab1.context(res, tables, sumber, s))
    ctx.update(bab2.context(res, tables, sumber, s))
    ctx.update(bab3.context(res, tables, sumber, s))
    ctx.update(lampiran.context(res, s))
    ctx.update(gambar.context(res))
    ctx["daftar_tabel"] = daftar_tabel(tables)
    ctx["daftar_isi"] = daftar_isi(parts, ikhtisar=p.ikhtisar_eksekutif,
                                   lampiran=bool(res.peringkat))
    ctx["asal"] = provenance.context(asal)
    return ctx


def _sections_with_data(res: Results, s: Setelan, sections: dict[str, list[Narasi]]
                        ) -> dict[str, bool]:
    """The optional sub-chapters that have something to say."""
    wb = res.wb
    budget = s.anggaran.ada and bool(res.programs)
    return {
        "tugas_fungsi": bool(sections.get("tugas_fungsi") or wb.profil.bagan_organisasi),
        "aspek_strategis": bool(sections.get("aspek_strategis") or res.pegawai),
        "program": budget or bool(sections.get("layanan")),
        "realisasi_anggaran": budget and bool(res.kelompok),
        "prestasi": bool(wb.prestasi or sections.get("prestasi")),
    }


def _titles(p: Profil, s: Setelan) -> dict[str, str]:
    program = (f"{s.anggaran.tingkat[2]} dan Layanan Produk Organisasi" if s.anggaran.ada
               else "Layanan Produk Organisasi")
    return {"program": program, "renstra": s.rencana.nama,
            "perjanjian_kinerja": f"Perjanjian Kinerja {p.tahun}"}


def _sistematika(parts) -> dict:
    """What the Sistematika Penyajian says of BAB I: its sub-chapters, as they are."""
    names = [b.sebutan for b in parts if b.bab == 1]
    return {"bab1": sentences.join_words(names, "serta")}


def sources(p: Profil, setelan: Setelan | None = None) -> dict[str, str]:
    """The source line under each kind of table: the Profil's, or a default naming the agency."""
    st = setelan or kinds.resolve(p)
    s = st.singkatan_lengkap
    awal, akhir = p.periode_renstra
    return {
        "pegawai": p.sumber_pegawai or f"Data Umum dan Kepegawaian {s}",
        "renstra": p.sumber_renstra or f"Data {st.rencana.singkatan} {s} Tahun {awal}-{akhir}",
        "pk": p.sumber_pk or f"Perjanjian Kinerja {s} Tahun {p.tahun}",
        "pk_perubahan": p.sumber_pk_perubahan or f"Perjanjian Kinerja {s} "
        + st.anggaran.pk_perubahan.replace(st.anggaran.perubahan, st.anggaran.perubahan_singkat),
        "evaluasi": p.sumber_evaluasi or f"Data Evaluasi Internal {s} {st.periode}",
        "anggaran": p.sumber_anggaran or f"Data Realisasi Anggaran {st.periode}",
        "akip": p.sumber_akip or f"Data Hasil Evaluasi AKIP {s} Tahun {p.tahun}",
    }


def _narasi(res: Results, sections: dict[str, list[Narasi]]) -> dict:
    """The Narasi sheet's sections that are not per IKU, one block each; Kata Pengantar and
    Kesimpulan are generated when the sheet has none."""
    narasi = {s.key: narrative_block(sections.get(s.key, [])) for s in c.NARRATIVE_SECTIONS
              if not s.per_iku}
    narasi["kata_pengantar"] = front.kata_pengantar(res.wb.profil,
                                                    sections.get("kata_pengantar", []))
    narasi["kesimpulan"] = bab4.kesimpulan(res, sections.get("kesimpulan", []))
    return {"narasi": narasi,
            "narasi_ada": {key: bool(value[PARAS]) for key, value in narasi.items()}}
