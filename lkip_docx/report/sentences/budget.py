"""Sentences about the budget: one paragraph per sub kegiatan, the efisiensi per IKU (or per
sasaran), and the
realisasi anggaran of the whole agency (3.3).

A realisasi or output marked not available is said to be so; a sum that left one out says how
many, and no percentage or efisiensi is stated for it (part of the rupiah would claim savings)."""

from __future__ import annotations

from typing import Sequence

from lkip_docx import fmt
from lkip_docx.compute.budget import Line
from lkip_docx.compute.results import IkuResult, KelompokResult
from lkip_docx.compute.sasaran import SasaranResult
from lkip_docx.numbers import HUNDRED, NotAvailable, known
from lkip_docx.report.richtext import lit
from lkip_docx.report.sentences.counts import counts_phrase
from lkip_docx.report.sentences.words import realisasi_anggaran, rp_kalimat
from lkip_docx.workbook.kinds import Anggaran

#: The words of an annual APBD report (workbook/kinds.py resolves a workbook's own).
APBD = Anggaran()


def output_phrase(line: Line) -> str:
    """What a sub kegiatan produced (``dengan telah tersedianya 12 (dua belas) Dokumen ...``),
    and its target volume when the output fell short."""
    sub = line.sub_kegiatan
    if isinstance(sub.realisasi_output, NotAvailable):
        return f"dengan realisasi {lit(sub.uraian_output)} yang tidak tersedia"
    kk = lit(sub.kata_kerja_output.strip()) if sub.kata_kerja_output else "telah tersedianya"
    vol = fmt.count_decimal(sub.realisasi_output) if sub.realisasi_output is not None else ""
    phrase = f"dengan {kk} {vol} {lit(sub.uraian_output)}".replace("  ", " ").strip()
    if sub.target_output is not None and known(line.capaian) and line.capaian < HUNDRED:
        phrase += (" dari Target yang telah ditetapkan sebanyak "
                   f"{fmt.count_decimal(sub.target_output)} {lit(sub.satuan_output)}")
    return phrase


def sub_kegiatan_sentence(line: Line, a: Anggaran = APBD) -> str:
    """The reference's paragraph per sub kegiatan, in its three variants (budget unchanged,
    changed in APBD-Perubahan, added in APBD-Perubahan), with or without efisiensi. ``a`` holds
    the budget's words (Revisi DIPA, Rincian Output, Sisa Anggaran in a semester report)."""
    sub = line.sub_kegiatan
    perubahan = a.perubahan
    if sub.ditambah_pada_perubahan:
        head = (f"Merupakan Penambahan {a.tingkat[2]} pada {perubahan} dengan Pagu Anggaran "
                f"sebesar {rp_kalimat(line.pagu)}")
    elif sub.pagu_berubah:
        head = (f"Mengalami Perubahan Pagu Anggaran yang semula (*murni*) sebesar "
                f"{rp_kalimat(sub.pagu_murni)} menjadi {rp_kalimat(sub.pagu_perubahan)} pada "
                f"{perubahan}")
    else:
        head = f"Pagu Anggaran sebesar {rp_kalimat(line.pagu)}"
    if isinstance(line.capaian, NotAvailable) and isinstance(sub.realisasi_output, NotAvailable):
        text = (f"{head}, Capaian Output belum dapat diukur karena realisasi "
                f"{lit(sub.uraian_output)} tidak tersedia. ")
    elif isinstance(line.capaian, NotAvailable):
        text = f"{head}, Capaian Output tidak tersedia {output_phrase(line)}. "
    else:
        text = f"{head}, Capaian Output {fmt.percent(line.capaian)} {output_phrase(line)}. "
    if isinstance(line.realisasi, NotAvailable):
        return text + "Realisasi anggaran tidak tersedia."
    text += (f"Anggaran yang digunakan sebesar {rp_kalimat(line.realisasi)}, "
             f"({fmt.percent(line.realisasi_pct)})")
    if known(line.efisiensi) and line.efisiensi > 0:
        text += f", maka terdapat {a.efisiensi} sebesar {fmt.percent(line.efisiensi)}."
    elif known(line.efisiensi) and line.efisiensi < 0:
        text += f", melebihi pagu sebesar {fmt.percent(-line.efisiensi)}."
    else:
        text += "."
    return text


def efisiensi_sentence(r: IkuResult, a: Anggaran = APBD) -> str:
    """The budget behind one IKU and its efisiensi (3.2, below the budget table); empty when no
    sub kegiatan supports it."""
    text = _efisiensi(r, f"Indikator Sasaran *{lit(r.iku.nama)}*", a)
    if text and r.capaian.value is not None:
        text += (f", dengan Capaian Kinerja Indikator Sasaran sebesar "
                 f"{fmt.percent(r.capaian.value)}")
    return text + "." if text else ""


def efisiensi_sasaran_sentence(g: SasaranResult, a: Anggaran = APBD) -> str:
    """The budget behind a whole sasaran and its efisiensi (3.2 of the compact layout, below the
    sasaran's budget table); empty when no sub kegiatan supports it. The capaian of its
    indicators are in the measurement table: one sasaran has no single capaian to state here."""
    uraian = g.sasaran.uraian if g.sasaran else ""
    text = _efisiensi(g, f"Sasaran *{lit(uraian)}*", a)
    return text + "." if text else ""


def _efisiensi(tree: IkuResult | SasaranResult, what: str, a: Anggaran) -> str:
    t = tree.total
    if t is None:
        return ""
    text = ("Berdasarkan Tabel di atas terdapat "
            f"{counts_phrase(tree.n_program, tree.n_kegiatan, tree.n_sub, a.tingkat)} yang "
            f"mendukung Pencapaian {what} dengan Pagu Anggaran sebesar "
            f"{rp_kalimat(t.pagu)} dan Realisasi Anggaran sebesar "
            f"{realisasi_anggaran(t, a.tingkat[2])}")
    if t.realisasi_na:
        text += f", sehingga persentase realisasi dan {a.efisiensi.lower()} belum dapat dihitung"
    elif known(t.efisiensi) and t.efisiensi > 0:
        text += f", sehingga terdapat {a.efisiensi} sebesar {fmt.percent(t.efisiensi)}"
    return text


def kelompok_phrase(k: KelompokResult, a: Anggaran = APBD) -> str:
    """One budget group's pagu (and its change in APBD-Perubahan) and realisasi; the programs
    without a group are the "Anggaran" itself."""
    t = k.total
    name = f"Anggaran {lit(k.nama)} (*{lit(k.kode)}*)" if k.kode else "Anggaran"
    if t.pagu_murni is not None and t.pagu_murni != t.pagu:
        return (f"{name} yang mengalami Perubahan Pagu Anggaran "
                f"yang semula (*murni*) sebesar {rp_kalimat(t.pagu_murni)} menjadi "
                f"{rp_kalimat(t.pagu)} pada {a.perubahan} dengan realisasi "
                f"{realisasi_anggaran(t, a.tingkat[2])}")
    return (f"{name} sebesar {rp_kalimat(t.pagu)} dengan "
            f"realisasi {realisasi_anggaran(t, a.tingkat[2])}")


def realisasi_anggaran_sentence(kelompok: Sequence[KelompokResult], total: Line,
                                singkatan_lengkap: str, tahun: int, a: Anggaran = APBD) -> str:
    """The budget of 3.3: each group, then the whole when there is more than one; empty without
    any budget."""
    if not kelompok:
        return ""
    text = (f"Untuk mendukung Pencapaian Sasaran sesuai Tugas Pokok dan Fungsi "
            f"{lit(singkatan_lengkap)} pada Tahun Anggaran {tahun} didukung dengan "
            + ", serta ".join(kelompok_phrase(k, a) for k in kelompok) + ".")
    if len(kelompok) > 1 and total.realisasi_na:
        text += (f" Secara keseluruhan Pagu Anggaran sebesar {rp_kalimat(total.pagu)} "
                 f"terealisasi sebesar {realisasi_anggaran(total, a.tingkat[2])}, sehingga "
                 f"persentase realisasi dan {a.efisiensi.lower()} belum dapat dihitung.")
    elif len(kelompok) > 1:
        text += (f" Secara keseluruhan Pagu Anggaran sebesar {rp_kalimat(total.pagu)} "
                 f"terealisasi sebesar {realisasi_anggaran(total, a.tingkat[2])}, sehingga "
                 f"terdapat {a.efisiensi} sebesar {fmt.percent(total.efisiensi)}.")
    return text


def daftar_program_lead(tingkat: Sequence[str], singkatan_lengkap: str, periode: str,
                        sumber: str) -> str:
    """The lead of 1.4's list of programs and their lowest budget level, naming where the list
    comes from (``sumber``: SIPD-RI, the DPA, the DIPA, with its markup)."""
    return (f"{tingkat[2]} yang dilaksanakan {lit(singkatan_lengkap)} pada {periode}, "
            f"berdasarkan {sumber}, terdiri dari :")
