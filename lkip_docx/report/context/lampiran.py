"""Context of the lampiran: the ranking of the region's (or the parent body's) units by AKIP
evaluation."""

from __future__ import annotations

from lkip_docx import fmt
from lkip_docx.compute.results import Results
from lkip_docx.workbook.kinds import Setelan


def context(res: Results, s: Setelan) -> dict:
    sebutan = s.jenis.sebutan
    return {"peringkat": {
        "ada": bool(res.peringkat),
        "judul": f"Daftar {sebutan} dengan Nilai Hasil Evaluasi AKIP",
        "sebutan": sebutan,
        "dasar": res.wb.profil.dasar_peringkat_akip or "",
        "baris": [{"no": f"{row.rank}.", "perangkat_daerah": row.row.perangkat_daerah,
                   "nilai": fmt.number(row.row.nilai, 2), "predikat": row.predikat or "-",
                   "ini": row.row.instansi_ini} for row in res.peringkat],
        "peringkat_ini": next((str(row.rank) for row in res.peringkat if row.row.instansi_ini), ""),
        # the number of agencies only when the sheet lists them all (Profil: Daftar Peringkat
        # Lengkap): a partial list would make "ke-10 dari 26" a false statement
        "jumlah": str(len(res.peringkat)) if res.wb.profil.peringkat_lengkap else "",
    }}
