"""Context of the cover and front matter: report, agency, Renstra period, the terms of the kind of
unit (plan, budget, PK parties, legal basis), signature, pictures, Kata Pengantar and Ikhtisar
Eksekutif (the daftar isi and daftar tabel come from structure.py)."""

from __future__ import annotations

from lkip_docx import fmt
from lkip_docx.compute.results import Results
from lkip_docx.report import sentences
from lkip_docx.report.context.blocks import list_block, narrative_block, text_block
from lkip_docx.report.richtext import (
    PARAS,
    STYLE_BODY,
    STYLE_ITEM1,
    lit,
    paragraph,
    paragraphs,
    runs,
)
from lkip_docx.workbook.kinds import Pihak, Setelan
from lkip_docx.workbook.model import Narasi, Profil


def context(res: Results, sections: dict[str, list[Narasi]], s: Setelan) -> dict:
    p = res.wb.profil
    return {
        # draf: the cover and the running header say DRAF (Results.draf)
        "lkip": {**_lkip(p, s), "draf": res.draf},
        "instansi": _instansi(p, s),
        "periode": _periode(p),
        "rencana": _rencana(p, s),
        "anggaran": _anggaran(s),
        "pk_pihak": _pk_pihak(p, s),
        "istilah": _istilah(s),
        "dasar_hukum": _dasar_hukum(s, bool(sections.get("latar_belakang"))),
        "ttd": _ttd(p),
        "logo_path": p.logo or "",
        "bagan_path": p.bagan_organisasi or "",
        "gambar_bagan": {"nomor": "1.1",
                         "judul": f"Struktur Organisasi {sentences.nama_lengkap(p)}"},
        "ikhtisar": {"tampil": p.ikhtisar_eksekutif,
                     "isi": ikhtisar(res, sections.get("ikhtisar", []))},
    }


def _lkip(p: Profil, s: Setelan) -> dict:
    return {
        "judul": f"{s.judul.upper()} ({s.singkatan_laporan})",
        "nama": s.judul,
        "singkatan": s.singkatan_laporan,
        "periode": s.periode,
        "periode_kapital": s.periode.upper(),
        "periode_berikut": s.periode_berikut,
        "semester": s.semester,
        "tahun": str(p.tahun),
        "tahun_lalu": str(p.tahun - 1),
        "tahun_depan": str(p.tahun + 1),
        "tahun_anggaran_sampul": str(p.tahun_anggaran_sampul) if p.tahun_anggaran_sampul else "",
    }


def _instansi(p: Profil, s: Setelan) -> dict:
    return {
        "nama": p.nama_instansi,
        "nama_lengkap": s.nama_lengkap,
        "nama_kapital": s.nama_lengkap.upper(),
        "nama_instansi_kapital": p.nama_instansi.upper(),
        "singkatan": p.singkatan,
        "singkatan_lengkap": s.singkatan_lengkap,
        "jenis_unit": s.jenis.nama,
        "sebutan": s.jenis.sebutan,
        "induk": s.induk,
        "induk_kapital": s.induk.upper(),
        "pemda": p.nama_pemda or "",
        "pemda_kapital": (p.nama_pemda or "").upper(),
        "jenis_pemda": p.jenis_pemda or "",
        "kepala_daerah": s.kepala_daerah,
        "provinsi": p.provinsi or "",
        "provinsi_kapital": (p.provinsi or "").upper(),
    }


def _rencana(p: Profil, s: Setelan) -> dict:
    awal, akhir = p.periode_renstra
    lama = fmt.count(akhir - awal + 1)
    r = s.rencana
    return {
        "nama": r.nama,
        "nama_kapital": r.nama.upper(),
        "singkatan": r.singkatan,
        "definisi": r.definisi.format(sebutan=s.jenis.sebutan, lama=lama),
        "panduan": r.panduan,
        "tahunan": r.tahunan[0],
        "tahunan_singkatan": r.tahunan[1],
    }


def _anggaran(s: Setelan) -> dict:
    a = s.anggaran
    program, kegiatan, sub = a.tingkat
    return {
        "ada": a.ada,
        "bentuk": a.bentuk,
        "nama": a.nama,
        "perubahan": a.perubahan,
        "perubahan_singkat": a.perubahan_singkat,
        "program": program,
        "kegiatan": kegiatan,
        "sub": sub,
        "tingkat": f"{program} / {kegiatan} / {sub}",
        "pk_perubahan": a.pk_perubahan,
        "efisiensi": a.efisiensi,
        "efisiensi_kolom": a.efisiensi_kolom,
    }


def _pk_pihak(p: Profil, s: Setelan) -> dict:
    def pihak(x: Pihak | None) -> dict | None:
        return {"jabatan": x.jabatan, "nama": x.nama or ""} if x else None

    return {
        "pertama": pihak(s.pihak_pertama),
        "kedua": pihak(s.pihak_kedua),
        "frasa": sentences.pk_phrase(s.pihak_pertama, s.pihak_kedua).replace("\\*", "*"),
        "kalimat": text_block(sentences.pk_signed_sentence(s.pihak_pertama, s.pihak_kedua,
                                                           p.tahun)),
    }


def _istilah(s: Setelan) -> dict:
    """Fixed wording that depends on the kind and the year."""
    return {
        "pedoman_pelaporan": s.pedoman_pelaporan,
        "dasar_pk": s.dasar_pk.split(" tentang ")[0] if s.dasar_pk else "",
        "tingkat_prestasi": s.tingkat_prestasi,
    }


def _dasar_hukum(s: Setelan, latar_belakang_ditulis: bool) -> dict:
    """The legal basis in 1.1: shown when the Profil lists it, or when 1.1 is the standard text
    (the agency's own Latar Belakang usually cites its bases in its own words)."""
    return {
        "tampil": bool(s.dasar_hukum) and (s.dasar_hukum_diisi or not latar_belakang_ditulis),
        "daftar": list_block([lit(x) for x in s.dasar_hukum]),
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
        "nip": p.kepala_nip or "",
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
    anggaran = sentences.ikhtisar_anggaran(res)
    if anggaran:
        items.append(paragraph(STYLE_BODY, runs(anggaran)))
    akip = sentences.ikhtisar_akip(res)
    if akip:
        items.append(paragraph(STYLE_BODY, runs(akip)))
    items.extend(narrative_block(rows)[PARAS])
    return paragraphs(items)
