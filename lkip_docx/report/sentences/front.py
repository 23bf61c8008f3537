"""Sentences of the front matter and the closing: the head of the region, the default Kata
Pengantar and Kesimpulan, and the generated Ikhtisar Eksekutif."""

from __future__ import annotations

from lkip_docx import fmt
from lkip_docx.compute.results import IkuResult, Results
from lkip_docx.report.richtext import lit
from lkip_docx.report.sentences.counts import counts_phrase
from lkip_docx.report.sentences.words import (
    nama_lengkap,
    realisasi_anggaran,
    rp_kalimat,
    singkatan_lengkap,
    status_capaian,
    target_terpenuhi,
)
from lkip_docx.workbook.model import Profil

KEPALA_DAERAH = {"Kota": "Wali Kota", "Kabupaten": "Bupati", "Provinsi": "Gubernur"}


def kepala_daerah(jenis_pemda: str, nama_pemda: str) -> str:
    """``('Kota', 'Kota Bekasi') -> 'Wali Kota Bekasi'``."""
    nama = (nama_pemda[len(jenis_pemda):].strip()
            if nama_pemda.lower().startswith(jenis_pemda.lower()) else nama_pemda)
    return f"{KEPALA_DAERAH.get(jenis_pemda, 'Kepala Daerah')} {nama}"


def kata_pengantar(p: Profil) -> list[str]:
    """The Kata Pengantar's paragraphs when the Narasi sheet has none."""
    awal, akhir = p.periode_renstra
    return [
        f"Puji syukur ke hadirat Tuhan Yang Maha Esa, Laporan Kinerja Instansi Pemerintah (*LKIP*) "
        f"{lit(nama_lengkap(p))} Tahun {p.tahun} dapat diselesaikan.",
        f"Laporan ini menyajikan capaian kinerja {lit(singkatan_lengkap(p))} selama Tahun "
        f"{p.tahun} yang diukur dari Indikator Kinerja Utama dalam Rencana Strategis Tahun "
        f"{awal}-{akhir} dan Perjanjian Kinerja Tahun {p.tahun}, beserta realisasi anggaran "
        "yang mendukungnya.",
        "Semoga laporan ini bermanfaat sebagai bahan evaluasi dan perbaikan kinerja di masa "
        "mendatang.",
    ]


def kesimpulan(res: Results) -> list[str]:
    """The Kesimpulan's paragraphs (4.1) when the Narasi sheet has none."""
    p = res.wb.profil
    met = sum(1 for r in res.ikus if target_terpenuhi(r.capaian))
    unmeasured = sum(1 for r in res.ikus if r.capaian.value is None)
    t = res.total
    return [
        f"Pada Tahun {p.tahun} {lit(singkatan_lengkap(p))} memiliki "
        f"{fmt.count(len(res.wb.sasaran))} Sasaran Strategis dengan {fmt.count(len(res.ikus))} "
        f"Indikator Kinerja Utama; {fmt.count(met)} di antaranya mencapai atau melampaui target"
        + (f", {fmt.count(unmeasured)} belum dapat diukur" if unmeasured else "") + ".",
        f"Realisasi anggaran sebesar {rp_kalimat(t.realisasi)} dari pagu {rp_kalimat(t.pagu)} "
        + (f"({fmt.percent(t.realisasi_pct)})." if not t.realisasi_na else
           f"(tidak termasuk {fmt.count(t.realisasi_na)} Sub Kegiatan yang realisasinya tidak "
           "tersedia)."),
    ]


def ikhtisar_pembuka(res: Results) -> str:
    """The Ikhtisar Eksekutif's opening: how many IKU and sasaran the report measures."""
    p = res.wb.profil
    return (f"Laporan Kinerja {lit(singkatan_lengkap(p))} Tahun {p.tahun} mengukur "
            f"{fmt.count(len(res.ikus))} Indikator Kinerja Utama untuk "
            f"{fmt.count(len(res.wb.sasaran))} Sasaran Strategis, dengan hasil sebagai berikut:")


def ikhtisar_iku(r: IkuResult) -> str:
    """One IKU in the Ikhtisar Eksekutif's list."""
    d = r.iku.desimal
    return (f"**{lit(r.iku.nama)}**: target {fmt.number(r.target, d)}, realisasi "
            f"{fmt.number(r.realisasi, d)}, capaian {fmt.percent(r.capaian.shown)} "
            f"({status_capaian(r.capaian)})"
            + (f", predikat {lit(r.predikat.predikat)}" if r.predikat else "") + ".")


def ikhtisar_anggaran(res: Results) -> str:
    """The Ikhtisar Eksekutif's budget paragraph."""
    t = res.total
    head = (f"Kinerja tersebut didukung oleh "
            f"{counts_phrase(res.n_program, res.n_kegiatan, res.n_sub)} "
            f"dengan Pagu Anggaran {rp_kalimat(t.pagu)} dan realisasi {realisasi_anggaran(t)}")
    if t.realisasi_na:
        return head + ", sehingga efisiensi anggaran belum dapat dihitung."
    return head + f", sehingga terdapat efisiensi anggaran {fmt.percent(t.efisiensi)}."


def ikhtisar_akip(res: Results) -> str:
    """The Ikhtisar Eksekutif's AKIP evaluation result; empty without one."""
    if res.akip_total is None:
        return ""
    return (f"Nilai Hasil Evaluasi AKIP sebesar {fmt.number(res.akip_total, 2)}"
            + (f" dengan predikat **{lit(res.akip_predikat.predikat)}**" if res.akip_predikat
               else "")
            + ".")
