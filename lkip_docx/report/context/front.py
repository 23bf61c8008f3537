"""Context of the cover and front matter: report, agency, Renstra period, signature, pictures,
Kata Pengantar and Ikhtisar Eksekutif (the daftar isi and daftar tabel come from structure.py)."""

from __future__ import annotations

from lkip_docx import fmt
from lkip_docx.compute.results import Results
from lkip_docx.report import sentences
from lkip_docx.report.context.blocks import narrative_block, text_block
from lkip_docx.report.richtext import PARAS, STYLE_BODY, STYLE_ITEM1, paragraph, paragraphs, runs
from lkip_docx.workbook.model import Narasi, Profil


def context(res: Results, sections: dict[str, list[Narasi]]) -> dict:
    p = res.wb.profil
    return {
        # draf: the cover and the running header say DRAF (Results.draf)
        "lkip": {**_lkip(p), "draf": res.draf},
        "instansi": _instansi(p),
        "periode": _periode(p),
        "ttd": _ttd(p),
        "logo_path": p.logo or "",
        "bagan_path": p.bagan_organisasi or "",
        "gambar_bagan": {"nomor": "1.1",
                         "judul": f"Struktur Organisasi {sentences.nama_lengkap(p)}"},
        "ikhtisar": {"tampil": p.ikhtisar_eksekutif,
                     "isi": ikhtisar(res, sections.get("ikhtisar", []))},
    }


def _lkip(p: Profil) -> dict:
    return {
        "judul": "LAPORAN KINERJA INSTANSI PEMERINTAH (LKIP)",
        "tahun": str(p.tahun),
        "tahun_lalu": str(p.tahun - 1),
        "tahun_depan": str(p.tahun + 1),
        "tahun_anggaran_sampul": str(p.tahun_anggaran_sampul) if p.tahun_anggaran_sampul else "",
    }


def _instansi(p: Profil) -> dict:
    nama_lengkap = sentences.nama_lengkap(p)
    return {
        "nama": p.nama_instansi,
        "nama_lengkap": nama_lengkap,
        "nama_kapital": nama_lengkap.upper(),
        "nama_instansi_kapital": p.nama_instansi.upper(),
        "singkatan": p.singkatan,
        "singkatan_lengkap": sentences.singkatan_lengkap(p),
        "pemda": p.nama_pemda,
        "pemda_kapital": p.nama_pemda.upper(),
        "jenis_pemda": p.jenis_pemda,
        "kepala_daerah": sentences.kepala_daerah(p.jenis_pemda, p.nama_pemda),
        "provinsi": p.provinsi or "",
        "provinsi_kapital": (p.provinsi or "").upper(),
    }


def _periode(p: Profil) -> dict:
    awal, akhir = p.periode_renstra
    return {
        "renstra": f"{awal}-{akhir}",
        "awal": str(awal),
        "akhir": str(akhir),
        "lama": fmt.count(akhir - awal + 1),
        "sebelumnya": "{}-{}".format(*p.periode_renstra_sebelumnya) if p.periode_renstra_sebelumnya
        else "",
        "dokumen_daerah": p.dokumen_perencanaan_daerah,
        "dasar_renstra": p.dasar_renstra or "",
    }


def _ttd(p: Profil) -> dict:
    return {
        "tempat": p.tempat,
        "tanggal": fmt.date(p.tanggal),
        "tempat_tanggal": f"{p.tempat}, {fmt.date(p.tanggal)}",
        "jabatan": p.kepala_jabatan,
        "jabatan_kapital": p.kepala_jabatan.upper(),
        "nama": p.kepala_nama,
        "pangkat": p.kepala_pangkat or "",
        "nip": p.kepala_nip,
    }


def kata_pengantar(p: Profil, rows: list[Narasi]) -> dict:
    """The agency's Kata Pengantar, or the default one when the Narasi sheet has none."""
    return narrative_block(rows) if rows else text_block(*sentences.kata_pengantar(p))


def ikhtisar(res: Results, rows: list[Narasi]) -> dict:
    """The Ikhtisar Eksekutif: the generated summary, then the agency's own paragraphs."""
    items = [paragraph(STYLE_BODY, runs(sentences.ikhtisar_pembuka(res)))]
    for n, r in enumerate(res.ikus, start=1):
        items.append(paragraph(STYLE_ITEM1, [[f"{n}.\t", False, False]]
                               + runs(sentences.ikhtisar_iku(r))))
    items.append(paragraph(STYLE_BODY, runs(sentences.ikhtisar_anggaran(res))))
    akip = sentences.ikhtisar_akip(res)
    if akip:
        items.append(paragraph(STYLE_BODY, runs(akip)))
    items.extend(narrative_block(rows)[PARAS])
    return paragraphs(items)
