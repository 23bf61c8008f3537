"""Kertas Kerja: the review checklist of an LKIP, each item answered from the workbook where the
workbook can answer it and left to the reviewer otherwise.

The items follow what PermenPAN-RB 53/2014 (Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja
dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah) asks of a Laporan Kinerja and of its
reviu: the format of the report (Ikhtisar Eksekutif, Bab I-IV, lampiran), the analysis Bab III must
hold (target against realisasi, against earlier years, against the medium-term target, against a
national standard, causes and solutions, efficiency, supporting programs, the budget), and the
reliability of its data. The wording is this tool's; an inspectorate that words its own checklist
differently edits ``BUTIR`` (data, not code) or the sheet itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from lkip_docx import fmt
from lkip_docx.compute.results import Results
from lkip_docx.problems import Problem
from lkip_docx.review import konsistensi as k
from lkip_docx.review.verify import HasilVerifikasi

YA, TIDAK, SEBAGIAN, REVIEWER = "Ya", "Tidak", "Sebagian", "Diperiksa reviewer"

DASAR_FORMAT = "PermenPAN-RB 53/2014, format Laporan Kinerja"
DASAR_BAB3 = "PermenPAN-RB 53/2014, format Laporan Kinerja, Bab III A (analisis capaian kinerja)"
DASAR_BAB3B = "PermenPAN-RB 53/2014, format Laporan Kinerja, Bab III B (realisasi anggaran)"
DASAR_REVIU = "PermenPAN-RB 53/2014, tata cara reviu atas Laporan Kinerja (keandalan data)"
DASAR_SAKIP = "Perpres 29/2014 tentang SAKIP"


@dataclass
class Konteks:
    """What the answers are read from."""

    res: Results
    warnings: list[Problem]
    cek: list[k.Cek]
    untraced: int = 0
    verify: HasilVerifikasi | None = None  # when a report was given
    draf: bool = False


@dataclass(frozen=True)
class Butir:
    nomor: str
    bagian: str
    uraian: str
    dasar: str
    jawab: Callable[[Konteks], tuple[str, str]] | None = None


@dataclass(frozen=True)
class Jawaban:
    butir: Butir
    jawaban: str
    penjelasan: str
    otomatis: bool


def _narasi(res: Results, key: str, kode_iku: str | None = None) -> int:
    return sum(1 for n in res.wb.narasi if n.bagian == key and (kode_iku is None or
                                                                n.kode_iku == kode_iku))


def _per_iku(res: Results, missing: list[str], what: str) -> tuple[str, str]:
    n = len(res.ikus)
    if not missing:
        return YA, f"tersedia untuk semua ({n}) IKU"
    if len(missing) == n:
        return TIDAK, f"tidak tersedia untuk IKU mana pun ({what})"
    return SEBAGIAN, f"belum ada untuk IKU {', '.join(missing)} ({what})"


def _ikhtisar(x: Konteks) -> tuple[str, str]:
    if x.res.wb.profil.ikhtisar_eksekutif:
        return YA, "Ikhtisar Eksekutif disusun dari angka capaian dan anggaran"
    return TIDAK, "Profil 'Tampilkan Ikhtisar Eksekutif' = Tidak: laporan tanpa Ikhtisar Eksekutif"


def _bab1(x: Konteks) -> tuple[str, str]:
    parts = {"latar_belakang": "Latar Belakang", "tugas_fungsi": "Tugas, Fungsi dan Struktur",
             "aspek_strategis": "Aspek Strategis"}
    missing = [label for key, label in parts.items() if not _narasi(x.res, key)]
    if not missing:
        return YA, "Latar Belakang, Tugas/Fungsi/Struktur dan Aspek Strategis diisi di lembar " \
                   "Narasi; substansi permasalahan utama diperiksa reviewer"
    return (TIDAK if len(missing) == len(parts) else SEBAGIAN,
            "bagian Narasi belum diisi: " + ", ".join(missing))


def _bab2(x: Konteks) -> tuple[str, str]:
    return YA, (f"Tabel Renstra ({len(x.res.ikus)} IKU, target per tahun), Tabel IKU dan "
                "Perjanjian Kinerja (murni dan perubahan bila ada) disusun dari workbook")


def _bab3_capaian(x: Konteks) -> tuple[str, str]:
    return YA, (f"Tabel Capaian Kinerja dan analisis per IKU untuk {len(x.res.ikus)} IKU dari "
                f"{len(x.res.wb.sasaran)} sasaran")


def _bab3_anggaran(x: Konteks) -> tuple[str, str]:
    if not x.res.programs:
        return TIDAK, "workbook tidak memuat sub kegiatan beranggaran"
    t = x.res.total
    return YA, (f"realisasi anggaran per kelompok belanja; pagu Rp{fmt.money(t.pagu)}, "
                f"realisasi Rp{fmt.money(t.realisasi)} ({fmt.percent(t.realisasi_pct)})")


def _bab4(x: Konteks) -> tuple[str, str]:
    if _narasi(x.res, "kesimpulan"):
        return YA, "Kesimpulan ditulis instansi di lembar Narasi"
    return SEBAGIAN, "Kesimpulan disusun otomatis dari angka; langkah perbaikan belum ditulis"


def _renstra(x: Konteks) -> tuple[str, str]:
    missing = [c for c in x.cek if c.kelompok == k.PK_RENSTRA and c.hasil == k.TIDAK_SESUAI
               and "belum diisi" in c.keterangan]
    if missing:
        return TIDAK, f"target Renstra tahun ini belum diisi untuk {len(missing)} IKU"
    gaps = [w for w in x.warnings if w.code == "renstra-target-missing"]
    if gaps:
        return SEBAGIAN, f"{len(gaps)} target Renstra per tahun belum diisi (lembar Target IKU)"
    return YA, "setiap IKU memiliki target Renstra untuk setiap tahun periode; cocokkan dengan " \
               "dokumen Renstra"


def _target_pk(x: Konteks) -> tuple[str, str]:
    diff = [c for c in x.cek if c.kelompok == k.PK_RENSTRA and c.hasil == k.TIDAK_SESUAI]
    if diff:
        return SEBAGIAN, (f"capaian diukur terhadap target PK; {len(diff)} target PK berbeda "
                          "dengan target Renstra (lihat lembar Konsistensi)")
    return YA, "capaian diukur terhadap target Perjanjian Kinerja, sama dengan target Renstra"


def _capaian(x: Konteks) -> tuple[str, str]:
    undefined = [r.iku.kode for r in x.res.ikus if r.capaian.value is None]
    if undefined:
        return TIDAK, f"capaian tidak dapat dihitung untuk {', '.join(undefined)}"
    return YA, "capaian dihitung dari target dan realisasi dengan metode tiap IKU (dinyatakan di " \
               "Subbab 3.1); rumus dan angkanya di lembar Jejak Angka"


def _tahun_lalu(x: Konteks) -> tuple[str, str]:
    return _per_iku(x.res, [r.iku.kode for r in x.res.ikus if r.tahun_lalu is None],
                    "realisasi tahun lalu di lembar Target IKU")


def _jangka_menengah(x: Konteks) -> tuple[str, str]:
    return _per_iku(x.res, [r.iku.kode for r in x.res.ikus if r.target_akhir_renstra is None],
                    "target tahun akhir Renstra")


def _penyebab(x: Konteks) -> tuple[str, str]:
    missing = [r.iku.kode for r in x.res.ikus if not _narasi(x.res, "penyebab", r.iku.kode)]
    no_steps = [r.iku.kode for r in x.res.ikus if not _narasi(x.res, "langkah", r.iku.kode)]
    answer, text = _per_iku(x.res, missing, "Narasi: Penyebab Keberhasilan/Kegagalan")
    if no_steps:
        answer = SEBAGIAN if answer == YA else answer
        text += f"; langkah/alternatif solusi belum ditulis untuk {', '.join(no_steps)}"
    return answer, text


def _efisiensi(x: Konteks) -> tuple[str, str]:
    no_budget = [r.iku.kode for r in x.res.ikus if r.total is None]
    no_text = [r.iku.kode for r in x.res.ikus if not _narasi(x.res, "efisiensi", r.iku.kode)]
    if no_budget:
        return SEBAGIAN, f"tidak ada anggaran pendukung untuk {', '.join(no_budget)}"
    parts = [f"{r.iku.kode} {fmt.percent(r.total.efisiensi)}" for r in x.res.ikus
             if r.total is not None]  # every one of them (no_budget is empty)
    if no_text:
        return SEBAGIAN, ("efisiensi dihitung (" + "; ".join(parts) + "); penjelasannya belum "
                          f"ditulis untuk {', '.join(no_text)}")
    return YA, "efisiensi dihitung dan dijelaskan: " + "; ".join(parts)


def _program(x: Konteks) -> tuple[str, str]:
    return _per_iku(x.res, [r.iku.kode for r in x.res.ikus if not r.programs],
                    "sub kegiatan pendukung")


def _narasi_angka(x: Konteks) -> tuple[str, str]:
    rows = [c for c in x.cek if c.kelompok in (k.NARASI, k.KATA)]
    bad = [c for c in rows if c.hasil == k.TIDAK_SESUAI]
    unsure = [c for c in rows if c.hasil == k.PERIKSA]
    if bad:
        return TIDAK, (f"{len(bad)} angka/kata dalam narasi tidak sesuai hasil hitungan"
                       + (f", {len(unsure)} perlu diperiksa" if unsure else "")
                       + " (lembar Konsistensi)")
    if unsure:
        return SEBAGIAN, f"{len(unsure)} angka dalam narasi perlu diperiksa (lembar Konsistensi)"
    return YA, f"{len(rows)} angka/kata dalam narasi sesuai; tabel dan kalimat angka disusun " \
               "dari hitungan yang sama"


def _anggaran_pk(x: Konteks) -> tuple[str, str]:
    bad = [c for c in x.cek if c.kelompok == k.ANGGARAN_PK and c.hasil == k.TIDAK_SESUAI]
    if bad:
        return TIDAK, f"{len(bad)} anggaran PK berbeda dengan jumlah pagu sub kegiatannya"
    return YA, "anggaran PK sama dengan jumlah pagu sub kegiatan (lembar Konsistensi)"


def _jejak(x: Konteks) -> tuple[str, str]:
    if x.untraced:
        return SEBAGIAN, f"{x.untraced} angka tidak terlacak (lembar Jejak Angka)"
    return YA, "setiap angka tabel dan kalimat terlacak ke sel workbook (lembar Jejak Angka); " \
               "keabsahan dokumen sumber (DPA, SIPD, LHE) diperiksa reviewer"


def _indeks(x: Konteks) -> tuple[str, str]:
    indexed = [r.iku.kode for r in x.res.ikus if r.iku.kode_indeks] + \
        [ip.ip.kode for r in x.res.ikus for ip in r.indikator_program if ip.ip.kode_indeks]
    typed = [r.iku.kode for r in x.res.ikus if not r.iku.kode_indeks
             and "indeks" in r.iku.satuan.lower()]
    if typed:
        return SEBAGIAN, f"realisasi indeks diketik tanpa perhitungan komponen: {', '.join(typed)}"
    if not indexed:
        return REVIEWER, "tidak ada indikator yang dihitung dari komponen"
    return YA, f"dihitung dari lembar Komponen Indeks dan disajikan langkah hitungnya: " \
               f"{', '.join(indexed)}"


def _lengkap(x: Konteks) -> tuple[str, str]:
    if x.draf:
        return TIDAK, "workbook berstatus draf: ada nilai yang belum diisi"
    n = len(x.warnings)
    return YA, "tidak ada nilai yang belum diisi" + (f"; {n} peringatan lkip check (lembar "
                                                     "Konsistensi)" if n else "")


def _ttd(x: Konteks) -> tuple[str, str]:
    p = x.res.wb.profil
    return YA, (f"penandatangan: {p.kepala_nama}, NIP {p.kepala_nip}; tanda tangan basah atau "
                "elektroniknya diperiksa reviewer")


def _waktu(x: Konteks) -> tuple[str, str]:
    p = x.res.wb.profil
    return REVIEWER, f"tanggal penandatanganan {fmt.date(p.tanggal)}; bandingkan dengan batas " \
                     "waktu penyampaian yang berlaku"


def _sama(x: Konteks) -> tuple[str, str]:
    hv = x.verify
    if hv is None:
        return REVIEWER, "jalankan: lkip verify LAPORAN.docx WORKBOOK.xlsx"
    if hv.dari_workbook_lain:
        return TIDAK, "laporan disusun dari workbook lain (SHA-256 berbeda)"
    if not hv.sama:
        kinds: dict[str, int] = {}
        for p in hv.galat:
            kinds[p.jenis] = kinds.get(p.jenis, 0) + 1
        return TIDAK, "laporan disunting: " + ", ".join(f"{n} {j}" for j, n in kinds.items())
    return YA, f"angka dan kalimat laporan {hv.laporan} sama dengan hasil penyusunan"


A = "A. Format Laporan Kinerja"
B = "B. Substansi dan keandalan data"
C = "C. Penyusunan dan penyampaian"

BUTIR: tuple[Butir, ...] = (
    Butir("A.1", A, "Apakah Laporan Kinerja memuat Ikhtisar Eksekutif?", DASAR_FORMAT,
          _ikhtisar),
    Butir("A.2", A, "Apakah Bab I Pendahuluan menjelaskan tugas, fungsi dan struktur organisasi, "
                    "aspek strategis organisasi serta permasalahan utama (strategic issues)?",
          DASAR_FORMAT, _bab1),
    Butir("A.3", A, "Apakah Bab II Perencanaan Kinerja menyajikan ikhtisar Rencana Strategis dan "
                    "Perjanjian Kinerja tahun yang dilaporkan?", DASAR_FORMAT, _bab2),
    Butir("A.4", A, "Apakah Bab III menyajikan capaian kinerja organisasi untuk setiap sasaran "
                    "strategis dan indikator kinerja utamanya?", DASAR_BAB3, _bab3_capaian),
    Butir("A.5", A, "Apakah Bab III menyajikan realisasi anggaran yang digunakan untuk mewujudkan "
                    "kinerja sesuai Perjanjian Kinerja?", DASAR_BAB3B, _bab3_anggaran),
    Butir("A.6", A, "Apakah Bab IV Penutup memuat simpulan umum atas capaian kinerja dan langkah "
                    "perbaikan ke depan?", DASAR_FORMAT, _bab4),
    Butir("A.7", A, "Apakah dokumen Perjanjian Kinerja yang ditandatangani dilampirkan?",
          DASAR_FORMAT),
    Butir("B.1", B, "Apakah tujuan, sasaran dan indikator kinerja utama serta targetnya sama "
                    "dengan yang ditetapkan dalam Renstra?", DASAR_REVIU, _renstra),
    Butir("B.2", B, "Apakah target kinerja yang diukur sama dengan target dalam Perjanjian "
                    "Kinerja?", DASAR_REVIU, _target_pk),
    Butir("B.3", B, "Apakah capaian kinerja dihitung dengan membandingkan target dan realisasi "
                    "tahun ini, dengan metode yang dinyatakan?", DASAR_BAB3, _capaian),
    Butir("B.4", B, "Apakah disajikan perbandingan realisasi dan capaian kinerja tahun ini dengan "
                    "tahun lalu dan beberapa tahun terakhir?", DASAR_BAB3, _tahun_lalu),
    Butir("B.5", B, "Apakah disajikan perbandingan realisasi kinerja sampai dengan tahun ini "
                    "dengan target jangka menengah dalam Renstra?", DASAR_BAB3, _jangka_menengah),
    Butir("B.6", B, "Apakah disajikan perbandingan realisasi kinerja dengan standar nasional "
                    "(jika ada)?", DASAR_BAB3),
    Butir("B.7", B, "Apakah disajikan analisis penyebab keberhasilan/kegagalan atau "
                    "peningkatan/penurunan kinerja serta alternatif solusi yang dilakukan?",
          DASAR_BAB3, _penyebab),
    Butir("B.8", B, "Apakah disajikan analisis atas efisiensi penggunaan sumber daya?",
          DASAR_BAB3, _efisiensi),
    Butir("B.9", B, "Apakah disajikan analisis program/kegiatan yang menunjang keberhasilan "
                    "ataupun kegagalan pencapaian kinerja?", DASAR_BAB3, _program),
    Butir("B.10", B, "Apakah angka dalam uraian (narasi) sama dengan angka dalam tabel dan hasil "
                     "perhitungan?", DASAR_REVIU, _narasi_angka),
    Butir("B.11", B, "Apakah anggaran dalam Perjanjian Kinerja sama dengan pagu anggaran "
                     "program?", DASAR_REVIU, _anggaran_pk),
    Butir("B.12", B, "Apakah setiap angka kinerja dapat ditelusuri ke data sumbernya?",
          DASAR_REVIU, _jejak),
    Butir("B.13", B, "Apakah realisasi indikator berupa indeks dihitung dari komponennya dan "
                     "perhitungannya disajikan?", DASAR_REVIU, _indeks),
    Butir("B.14", B, "Apakah data yang menjadi dasar laporan sudah lengkap (tidak ada nilai yang "
                     "belum diisi)?", DASAR_REVIU, _lengkap),
    Butir("B.15", B, "Apakah dokumen sumber data (DPA, realisasi SIPD, LHE AKIP, data dukung "
                     "indikator) tersedia dan sesuai dengan angka laporan?", DASAR_REVIU),
    Butir("C.1", C, "Apakah Laporan Kinerja ditandatangani oleh pimpinan instansi?", DASAR_SAKIP,
          _ttd),
    Butir("C.2", C, "Apakah Laporan Kinerja disampaikan tepat waktu?", DASAR_SAKIP, _waktu),
    Butir("C.3", C, "Apakah laporan yang direviu sama dengan laporan yang disusun dari data "
                    "(tidak ada angka atau kalimat yang diubah sesudahnya)?", DASAR_REVIU, _sama),
)


def jawab(x: Konteks, butir: tuple[Butir, ...] = BUTIR) -> list[Jawaban]:
    """Every item with its answer: from the workbook where a rule can give one (``otomatis``),
    else left to the reviewer."""
    out = []
    for b in butir:
        if b.jawab is None:
            out.append(Jawaban(b, REVIEWER, "tidak dapat dijawab dari workbook", False))
            continue
        answer, text = b.jawab(x)
        out.append(Jawaban(b, answer, text, answer != REVIEWER))
    return out
