"""Sentences of the front matter and the closing: the head of the region, the Perjanjian Kinerja's
parties, the default Kata Pengantar and Kesimpulan, and the generated Ikhtisar Eksekutif."""

from __future__ import annotations

from lkip_docx import fmt
from lkip_docx.compute.results import IkuResult, Results
from lkip_docx.report.richtext import lit
from lkip_docx.report.sentences.counts import counts_phrase
from lkip_docx.report.sentences.words import (
    realisasi_anggaran,
    rp_kalimat,
    status_capaian,
    target_terpenuhi,
)
from lkip_docx.workbook import kinds
from lkip_docx.workbook.kinds import Pihak
from lkip_docx.workbook.model import Profil


def kepala_daerah(jenis_pemda: str, nama_pemda: str) -> str:
    """``('Kota', 'Kota Bekasi') -> 'Wali Kota Bekasi'``."""
    return kinds.kepala_daerah(jenis_pemda, nama_pemda)


def pk_phrase(pertama: Pihak, kedua: Pihak | None) -> str:
    """The Perjanjian Kinerja by its parties: 'Perjanjian Kinerja antara Wali Kota Bekasi dan
    Kepala Dinas ...', or the one office that signs it alone ('Perjanjian Kinerja Bupati ...')."""
    if kedua is None:
        return f"Perjanjian Kinerja {lit(pertama.jabatan)}"
    return f"Perjanjian Kinerja antara {lit(kedua.jabatan)} dan {lit(pertama.jabatan)}"


def pk_signed_sentence(pertama: Pihak, kedua: Pihak | None, tahun: int) -> str:
    """Who signed the Perjanjian Kinerja, when the workbook names them; empty otherwise."""
    if not pertama.nama and not (kedua and kedua.nama):
        return ""

    def who(pihak: Pihak) -> str:
        return (f"**{lit(pihak.nama)}** selaku {lit(pihak.jabatan)}" if pihak.nama
                else lit(pihak.jabatan))

    if kedua is None:
        return f"Perjanjian Kinerja Tahun {tahun} ditetapkan oleh {who(pertama)}."
    return (f"Perjanjian Kinerja Tahun {tahun} ditandatangani oleh {who(pertama)} sebagai Pihak "
            f"Pertama dan {who(kedua)} sebagai Pihak Kedua.")


def kata_pengantar(p: Profil) -> list[str]:
    """The Kata Pengantar's paragraphs when the Narasi sheet has none."""
    s = kinds.resolve(p)
    awal, akhir = p.periode_renstra
    support = ", beserta realisasi anggaran yang mendukungnya" if s.anggaran.ada else ""
    return [
        f"Puji syukur ke hadirat Tuhan Yang Maha Esa, {lit(s.judul)} (*{lit(s.singkatan_laporan)}*)"
        f" {lit(s.nama_lengkap)} {s.periode} dapat diselesaikan.",
        f"Laporan ini menyajikan capaian kinerja {lit(s.singkatan_lengkap)} selama {s.periode} "
        f"yang diukur dari Indikator Kinerja Utama dalam {s.rencana.nama} Tahun {awal}-{akhir} "
        f"dan Perjanjian Kinerja Tahun {p.tahun}{support}.",
        "Semoga laporan ini bermanfaat sebagai bahan evaluasi dan perbaikan kinerja di masa "
        "mendatang.",
    ]


def kesimpulan(res: Results) -> list[str]:
    """The Kesimpulan's paragraphs (4.1) when the Narasi sheet has none; the budget's only when
    the report has one."""
    p = res.wb.profil
    s = kinds.resolve(p)
    met = sum(1 for r in res.ikus if target_terpenuhi(r.capaian))
    unmeasured = sum(1 for r in res.ikus if r.capaian.value is None)
    t = res.total
    out = [
        f"Pada {s.periode} {lit(s.singkatan_lengkap)} memiliki "
        f"{fmt.count(len(res.wb.sasaran))} Sasaran Strategis dengan {fmt.count(len(res.ikus))} "
        f"Indikator Kinerja Utama; {fmt.count(met)} di antaranya mencapai atau melampaui target"
        + (f", {fmt.count(unmeasured)} belum dapat diukur" if unmeasured else "") + ".",
    ]
    if s.anggaran.ada and res.programs:
        out.append(f"Realisasi anggaran sebesar {rp_kalimat(t.realisasi)} dari pagu "
                   f"{rp_kalimat(t.pagu)} "
                   + (f"({fmt.percent(t.realisasi_pct)})." if not t.realisasi_na else
                      f"(tidak termasuk {fmt.count(t.realisasi_na)} {s.anggaran.tingkat[2]} yang "
                      "realisasinya tidak tersedia)."))
    return out


def ikhtisar_pembuka(res: Results) -> str:
    """The Ikhtisar Eksekutif's opening: how many IKU and sasaran the report measures."""
    s = kinds.resolve(res.wb.profil)
    return (f"Laporan Kinerja {lit(s.singkatan_lengkap)} {s.periode} mengukur "
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
    """The Ikhtisar Eksekutif's budget paragraph; empty when the report has no budget."""
    s = kinds.resolve(res.wb.profil)
    if not s.anggaran.ada or not res.programs:
        return ""
    t = res.total
    head = (f"Kinerja tersebut didukung oleh "
            f"{counts_phrase(res.n_program, res.n_kegiatan, res.n_sub, s.anggaran.tingkat)} "
            f"dengan Pagu Anggaran {rp_kalimat(t.pagu)} dan realisasi "
            f"{realisasi_anggaran(t, s.anggaran.tingkat[2])}")
    if t.realisasi_na:
        return head + f", sehingga {s.anggaran.efisiensi.lower()} belum dapat dihitung."
    return head + f", sehingga terdapat {s.anggaran.efisiensi.lower()} {fmt.percent(t.efisiensi)}."


def ikhtisar_akip(res: Results) -> str:
    """The Ikhtisar Eksekutif's AKIP evaluation result; empty without one."""
    if res.akip_total is None:
        return ""
    return (f"Nilai Hasil Evaluasi AKIP sebesar {fmt.number(res.akip_total, 2)}"
            + (f" dengan predikat **{lit(res.akip_predikat.predikat)}**" if res.akip_predikat
               else "")
            + ".")
