"""Context of the pictures besides the logo and the organisation chart: one per prestasi that
names one (after its item, as the reference shows each certificate) and the scan of the
lampiran's decision, with the figure numbers the list of figures shows.

Pictures are named by file (``*_path``: a file in the workbook's folder); render.py turns each
into an image, and build.py leaves out, before this runs, every picture that cannot be shown
(validate.py has warned at its cell), so the figure numbers have no gaps.
"""

from __future__ import annotations

from lkip_docx.compute.results import Results
from lkip_docx.report import sentences
from lkip_docx.report.richtext import STYLE_ITEM1, paragraph, paragraphs, runs


def context(res: Results) -> dict:
    wb = res.wb
    p = wb.profil
    nomor = 0
    daftar = []
    for i, x in enumerate(wb.prestasi, start=1):
        teks = x.uraian + (f" ({x.pemberi})" if x.pemberi else "")
        item = {"butir": paragraphs([paragraph(STYLE_ITEM1, [[f"{i}.\t", False, False]]
                                               + runs(teks))]),
                "gambar_path": x.gambar or "", "gambar": {"nomor": "", "judul": ""}}
        if x.gambar:
            nomor += 1
            judul = f"Dokumentasi Prestasi {i}" + (f" ({x.pemberi})" if x.pemberi else "")
            item["gambar"] = {"nomor": f"3.{nomor}", "judul": judul}
        daftar.append(item)
    lampiran = {"path": p.gambar_lampiran or "",
                "nomor": "L.1",
                "judul": p.dasar_peringkat_akip or "Keputusan Hasil Evaluasi AKIP Perangkat Daerah"}
    ada_lampiran = bool(p.gambar_lampiran and res.peringkat)
    return {
        "prestasi_daftar": daftar,
        "prestasi_bergambar": nomor > 0,
        "gambar_lampiran": lampiran if ada_lampiran else {"path": "", "nomor": "", "judul": ""},
        "ada_gambar": bool(p.bagan_organisasi) or nomor > 0 or ada_lampiran,
        "keterangan_bagan": p.keterangan_bagan_organisasi or "",
        "judul_bagan": f"Struktur Organisasi {sentences.nama_lengkap(p)}",
    }
