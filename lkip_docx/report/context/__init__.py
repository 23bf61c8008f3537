"""The template context: computed results turned into plain dicts of Indonesian-formatted strings.

Every number is formatted here, in Python, so the Word template only places text. Sentences that
state figures come from report/sentences, fed the same figures the tables show, so text and
tables cannot disagree. Rich text and paragraph blocks are plain markers (richtext.py) that
render.py converts. The variables are documented in docs/template.md; a test checks that every
top-level key is.

One module per part of the template: front.py (cover, Kata Pengantar, Ikhtisar Eksekutif),
bab1.py to bab4.py (bab3.py with iku.py for the analysis per IKU) and lampiran.py; blocks.py holds
the paragraph blocks and budget rows they share. Table numbers, the list of tables and the table
of contents are report/structure.py's.
"""

from __future__ import annotations

from lkip_docx.compute.results import Results
from lkip_docx.report import provenance, sentences
from lkip_docx.report.context import bab1, bab2, bab3, bab4, front, gambar, lampiran
from lkip_docx.report.context.blocks import narrative_block, narrative_sections
from lkip_docx.report.richtext import PARAS
from lkip_docx.report.structure import Numbering, daftar_isi, daftar_tabel
from lkip_docx.workbook import contract as c
from lkip_docx.workbook.model import Narasi, Profil

#: Every top-level variable a template may use (render.py adds ``logo``); docs/template.md
#: documents each, and a test keeps this list, build_context() and the docs in step.
TOP_LEVEL_KEYS = (
    "lkip", "instansi", "periode", "ttd", "logo", "logo_path", "bagan", "bagan_path",
    "gambar_bagan", "sumber", "narasi", "narasi_ada",
    "pegawai",
    "sub_kegiatan_per_kelompok", "jumlah", "renstra", "tujuan", "sasaran", "iku_tabel",
    "iku_daftar", "pk", "pk_perubahan", "capaian", "capaian_ringkas", "metode_capaian", "iku",
    "kelompok", "realisasi_anggaran_kalimat", "total_anggaran", "prestasi", "ada_prestasi",
    "peringkat", "ikhtisar", "daftar_tabel", "daftar_isi", "asal",
    "prestasi_daftar", "prestasi_bergambar", "gambar_lampiran", "ada_gambar", "keterangan_bagan",
    "judul_bagan",
)


def build_context(res: Results, asal: provenance.Provenance | None = None) -> dict:
    """The whole context of one report. The chapters are built in the template's order, which
    numbers their tables and orders the list of tables. ``asal`` is where the report comes from
    (its closing line; none for a report not built from a workbook file)."""
    p = res.wb.profil
    sections = narrative_sections(res)
    sumber = sources(p)
    tables = Numbering()
    ctx: dict = front.context(res, sections)
    ctx["sumber"] = sumber
    ctx.update(_narasi(res, sections))
    ctx.update(bab1.context(res, tables, sumber))
    ctx.update(bab2.context(res, tables, sumber))
    ctx.update(bab3.context(res, tables, sumber))
    ctx.update(lampiran.context(res))
    ctx.update(gambar.context(res))
    ctx["daftar_tabel"] = daftar_tabel(tables)
    ctx["daftar_isi"] = daftar_isi(p.tahun, ikhtisar=p.ikhtisar_eksekutif,
                                   lampiran=bool(res.peringkat))
    ctx["asal"] = provenance.context(asal)
    return ctx


def sources(p: Profil) -> dict[str, str]:
    """The source line under each kind of table: the Profil's, or a default naming the agency."""
    s = sentences.singkatan_lengkap(p)
    awal, akhir = p.periode_renstra
    return {
        "pegawai": p.sumber_pegawai or f"Data Umum dan Kepegawaian {s}",
        "renstra": p.sumber_renstra or f"Data RENSTRA {s} Tahun {awal}-{akhir}",
        "pk": p.sumber_pk or f"Perjanjian Kinerja {s} Tahun {p.tahun}",
        "pk_perubahan": p.sumber_pk_perubahan or f"Perjanjian Kinerja {s} Tahun APBD-P {p.tahun}",
        "evaluasi": p.sumber_evaluasi or f"Data Evaluasi Internal {s} Tahun {p.tahun}",
        "anggaran": p.sumber_anggaran or f"Data Realisasi Anggaran Tahun {p.tahun}",
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
