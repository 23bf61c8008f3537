"""The report's sentences, one function at a time: exact Indonesian text for given figures.

The figures come from the minimal workbook of conftest.py, read and computed for real; a variant
changes one figure of the computed results with ``dataclasses.replace`` (or of a sub kegiatan,
whose budget line is then recomputed), so each test names the one thing its sentence depends on.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D

import pytest
from conftest import write_minimal_workbook

from lkip_docx.api import compute_workbook
from lkip_docx.compute.budget import sub_line
from lkip_docx.compute.capaian import Capaian
from lkip_docx.compute.results import NAIK, TETAP, TURUN, YearFigures
from lkip_docx.report import sentences as s
from lkip_docx.workbook import contract as c

NAMA = "Indeks Layanan Publik Berbasis IT"


@pytest.fixture(scope="module")
def res(tmp_path_factory):
    return compute_workbook(write_minimal_workbook(tmp_path_factory.mktemp("s") / "lkip.xlsx")
                            ).results


@pytest.fixture(scope="module")
def iku(res):
    """The one IKU: target 4,09, realisasi 4,41, capaian 107,82%, predikat Memuaskan."""
    return res.ikus[0]


def _sub(res, index: int = 0, **changes):
    """The budget line of a sub kegiatan of the minimal workbook with its data changed."""
    return sub_line(replace(res.wb.sub_kegiatan[index], **changes))


# --- words ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, status", [
    (D("107.82"), "telah terlampaui"), (D("100"), "tercapai"), (D("99.99"), "belum tercapai"),
    (None, "belum dapat diukur"),
])
def test_status_of_a_capaian(value, status):
    assert s.status_capaian(Capaian(value, c.METODE_NAIK)) == status


@pytest.mark.parametrize("realisasi, target, word", [
    (D("4.41"), D("4.09"), "melebihi"), (D("4.09"), D("4.09"), "sama dengan"),
    (D("3"), D("4.09"), "di bawah"), (None, D("4.09"), "dibandingkan dengan"),
])
def test_realisasi_compared_with_target(realisasi, target, word):
    assert s.banding(realisasi, target) == word


def test_rupiah_trend_and_ordinal_words():
    assert s.rp_kalimat(D("249000000")) == "Rp.249.000.000.-"
    assert s.rp_kalimat(D("1500.5")) == "Rp.1.500,50.-"
    assert s.rp_kalimat(None) == "-"
    assert [s.tren_kata(t) for t in (NAIK, TURUN, TETAP, None)] == [
        "meningkat", "menurun", "sama", ""]
    assert (s.ordinal(2), s.ordinal(10), s.ordinal(11)) == ("kedua", "kesepuluh", "11")


@pytest.mark.parametrize("jenis, pemda, kepala", [
    ("Kota", "Kota Bekasi", "Wali Kota Bekasi"),
    ("Kabupaten", "Kabupaten Bogor", "Bupati Bogor"),
    ("Provinsi", "Jawa Barat", "Gubernur Jawa Barat"),
])
def test_head_of_the_region(jenis, pemda, kepala):
    assert s.kepala_daerah(jenis, pemda) == kepala


def test_agency_names(res):
    assert s.nama_lengkap(res.wb.profil) == (
        "Dinas Komunikasi, Informatika, Statistik dan Persandian Kota Contoh")
    assert s.singkatan_lengkap(res.wb.profil) == "Diskominfostandi Kota Contoh"


# --- capaian -------------------------------------------------------------------------------------

def test_iku_sentence(iku):
    assert s.iku_sentence(iku, 2024) == (
        f"Berdasarkan Tabel di atas dapat dijelaskan bahwa Target *{NAMA}* Tahun 2024 sebesar "
        f"4,09 dengan Realisasi 4,41, maka Capaian Kinerja Tahun 2024 atas *{NAMA}* sebesar "
        f"107,82%, maka capaian atas *{NAMA}* **telah terlampaui** dengan predikat "
        "**Memuaskan**.")


def test_iku_sentence_below_target_with_criteria_and_an_asterisk_in_the_name(iku):
    r = replace(iku, iku=replace(iku.iku, nama="Indeks A*B"), realisasi=D("3.5"),
                capaian=Capaian(D("85.57"), c.METODE_NAIK),
                predikat=replace(iku.predikat, predikat="Baik", kriteria="Cukup Baik"))
    assert s.iku_sentence(r, 2024) == (
        "Berdasarkan Tabel di atas dapat dijelaskan bahwa Target *Indeks A\\*B* Tahun 2024 sebesar "
        "4,09 dengan Realisasi 3,50, maka Capaian Kinerja Tahun 2024 atas *Indeks A\\*B* sebesar "
        "85,57%, maka capaian atas *Indeks A\\*B* **belum tercapai** dengan predikat **Baik** "
        "(Cukup Baik).")


def test_method_sentence():
    assert s.method_sentence(Capaian(D("107.82"), c.METODE_NAIK), None) == ""
    assert s.method_sentence(Capaian(D("100"), c.METODE_NAIK, capped=True,
                                     uncapped=D("107.82")), D("100")) == (
        "Capaian dibatasi paling tinggi 100% (capaian sebelum dibatasi 107,82%).")
    assert s.method_sentence(Capaian(D("95"), c.METODE_TURUN_SELISIH), D("120")) == (
        "Indikator ini bersifat menurun (makin rendah makin baik), sehingga capaian dihitung "
        "dengan rumus Capaian = (2 x Target - Realisasi) / Target x 100%. Capaian dibatasi paling "
        "tinggi 120%.")


def test_method_line_names_its_indicators_only_when_asked():
    assert s.metode_line(c.METODE_NAIK) == "Capaian = Realisasi / Target x 100%"
    assert s.metode_line(c.METODE_TURUN_RASIO, ["Angka *X*", "Y"]) == (
        "Capaian = Target / Realisasi x 100% (digunakan untuk: Angka \\*X\\*, Y)")


def test_summary_item_per_iku(iku):
    assert s.ringkas_item(iku) == (
        f"{NAMA}, Realisasinya sebesar 4,41 melebihi Target yang ditetapkan sebesar 4,09 dengan "
        "Tingkat Capaian sebesar 107,82% (predikat Memuaskan);")
    assert s.ringkas_item(replace(iku, realisasi=D("4.09"), predikat=None,
                                  capaian=Capaian(D("100"), c.METODE_NAIK))) == (
        f"{NAMA}, Realisasinya sebesar 4,09 sama dengan Target yang ditetapkan sebesar 4,09 "
        "dengan Tingkat Capaian sebesar 100%;")


def test_indikator_program_sentence(iku):
    ipr = iku.indikator_program[0]
    assert s.ip_sentence(ipr, 2024) == (
        "Indeks Layanan Aplikasi Tahun 2024 dengan Capaian Kinerja sebesar 111,25% didukung oleh "
        "1 (satu) Sub Kegiatan. Berikut Analisis dan Evaluasi Sub Kegiatan yang mendukung "
        "Indikator ini:")
    assert s.ip_sentence(replace(ipr, subs=()), 2024) == (
        "Indeks Layanan Aplikasi Tahun 2024 dengan Capaian Kinerja sebesar 111,25%.")


# --- comparisons ---------------------------------------------------------------------------------

def test_no_comparison_without_the_year_before(iku):
    assert iku.tahun_lalu is None
    assert s.comparison_sentence(iku, 2024) == ""


def test_comparison_with_the_year_before(iku):
    lalu = YearFigures(2023, D("4.00"), D("4.10"), Capaian(D("102.50"), c.METODE_NAIK))
    r = replace(iku, tahun_lalu=lalu, tren_capaian=NAIK, tren_realisasi=NAIK)
    assert s.comparison_sentence(r, 2024) == (
        "Capaian Kinerja Tahun 2024 sebesar 107,82% meningkat dibandingkan Tahun 2023 sebesar "
        "102,50%; Realisasi Tahun 2024 sebesar 4,41 meningkat dibandingkan Tahun 2023 sebesar "
        "4,10; Target Tahun 2024 sebesar 4,09, sedangkan Target Tahun 2023 sebesar 4,00.")


def test_comparison_when_nothing_changed(iku):
    lalu = YearFigures(2023, D("4.09"), D("4.41"), Capaian(D("107.82"), c.METODE_NAIK))
    r = replace(iku, tahun_lalu=lalu, tren_capaian=TETAP, tren_realisasi=TETAP)
    assert s.comparison_sentence(r, 2024) == (
        "Capaian Kinerja Tahun 2024 sebesar 107,82% sama dengan Tahun 2023; Realisasi Tahun 2024 "
        "sebesar 4,41 sama dengan Tahun 2023.")


def test_renstra_end_target(iku):
    assert s.renstra_sentence(iku, 2024) == (
        "Realisasi Tahun 2024 sebesar 4,41 telah mencapai 102,56% dari Target Akhir RENSTRA Tahun "
        "2026 sebesar 4,30.")
    assert s.renstra_sentence(replace(iku, tahun_akhir_renstra=2024), 2024) == (
        "Tahun 2024 merupakan tahun akhir RENSTRA, dengan Realisasi sebesar 4,41 terhadap Target "
        "Akhir RENSTRA sebesar 4,30 atau 102,56%.")
    no_capaian = replace(iku, capaian_akhir_renstra=Capaian(None, c.METODE_NAIK))
    assert s.renstra_sentence(no_capaian, 2024) == "Target Akhir RENSTRA Tahun 2026 sebesar 4,30."
    assert s.renstra_sentence(replace(iku, target_akhir_renstra=None), 2024) == ""


# --- budget --------------------------------------------------------------------------------------

def test_sub_kegiatan_whose_pagu_changed(res):
    assert s.sub_kegiatan_sentence(_sub(res)) == (
        "Mengalami Perubahan Pagu Anggaran yang semula (*murni*) sebesar Rp.100.000.000.- menjadi "
        "Rp.90.000.000.- pada APBD-Perubahan, Capaian Output 100% dengan telah tersedianya 12 "
        "(dua belas) Dokumen Pengelolaan Domain. Anggaran yang digunakan sebesar Rp.85.000.000.-, "
        "(94,44%), maka terdapat Efisiensi Anggaran sebesar 5,56%.")


def test_sub_kegiatan_added_in_apbd_perubahan(res):
    assert s.sub_kegiatan_sentence(_sub(res, 1)) == (
        "Merupakan Penambahan Sub Kegiatan pada APBD-Perubahan dengan Pagu Anggaran sebesar "
        "Rp.50.000.000.-, Capaian Output 100% dengan telah tersedianya 1 (satu) Aplikasi Layanan. "
        "Anggaran yang digunakan sebesar Rp.49.000.000.-, (98%), maka terdapat Efisiensi Anggaran "
        "sebesar 2%.")


def test_sub_kegiatan_short_of_its_output_and_over_its_pagu(res):
    line = _sub(res, pagu_perubahan=None, realisasi=D(110_000_000), realisasi_output=D(9),
                kata_kerja_output="terlaksananya")
    assert s.sub_kegiatan_sentence(line) == (
        "Pagu Anggaran sebesar Rp.100.000.000.-, Capaian Output 75% dengan terlaksananya 9 "
        "(sembilan) Dokumen Pengelolaan Domain dari Target yang telah ditetapkan sebanyak 12 (dua "
        "belas) Dokumen. Anggaran yang digunakan sebesar Rp.110.000.000.-, (110%), melebihi pagu "
        "sebesar 10%.")


def test_sub_kegiatan_that_spent_its_whole_pagu(res):
    line = _sub(res, pagu_perubahan=None, realisasi=D(100_000_000))
    assert s.sub_kegiatan_sentence(line).endswith(
        "Anggaran yang digunakan sebesar Rp.100.000.000.-, (100%).")


def test_efisiensi_per_iku(iku):
    assert s.efisiensi_sentence(iku) == (
        "Berdasarkan Tabel di atas terdapat 1 (satu) Program, 1 (satu) Kegiatan dan 2 (dua) Sub "
        f"Kegiatan yang mendukung Pencapaian Indikator Sasaran *{NAMA}* dengan Pagu Anggaran "
        "sebesar Rp.140.000.000.- dan Realisasi Anggaran sebesar Rp.134.000.000.- (95,71%), "
        "sehingga terdapat Efisiensi Anggaran sebesar 4,29%, dengan Capaian Kinerja Indikator "
        "Sasaran sebesar 107,82%.")
    assert s.efisiensi_sentence(replace(iku, total=None)) == ""


def test_realisasi_anggaran_of_one_group(res):
    assert s.realisasi_anggaran_sentence(res.kelompok, res.total, "Diskominfostandi Kota Contoh",
                                         2024) == (
        "Untuk mendukung Pencapaian Sasaran sesuai Tugas Pokok dan Fungsi Diskominfostandi Kota "
        "Contoh pada Tahun Anggaran 2024 didukung dengan Anggaran Belanja Langsung Urusan (*BLU*) "
        "yang mengalami Perubahan Pagu Anggaran yang semula (*murni*) sebesar Rp.100.000.000.- "
        "menjadi Rp.140.000.000.- pada APBD-Perubahan dengan realisasi Rp.134.000.000.- "
        "(95,71%).")
    assert s.realisasi_anggaran_sentence((), res.total, "X", 2024) == ""


def test_realisasi_anggaran_of_two_groups_states_the_whole(res):
    blu = res.kelompok[0]
    unchanged = replace(blu, total=replace(blu.total, pagu_murni=blu.total.pagu))
    blpu = replace(unchanged, kode="BLPU", nama="Belanja Langsung Penunjang Urusan")
    text = s.realisasi_anggaran_sentence((unchanged, blpu), res.total, "Dinas A*B", 2024)
    assert text == (
        "Untuk mendukung Pencapaian Sasaran sesuai Tugas Pokok dan Fungsi Dinas A\\*B pada Tahun "
        "Anggaran 2024 didukung dengan Anggaran Belanja Langsung Urusan (*BLU*) sebesar "
        "Rp.140.000.000.- dengan realisasi Rp.134.000.000.- (95,71%), serta Anggaran Belanja "
        "Langsung Penunjang Urusan (*BLPU*) sebesar Rp.140.000.000.- dengan realisasi "
        "Rp.134.000.000.- (95,71%). Secara keseluruhan Pagu Anggaran sebesar Rp.140.000.000.- "
        "terealisasi sebesar Rp.134.000.000.- (95,71%), sehingga terdapat Efisiensi Anggaran "
        "sebesar 4,29%.")


# --- counts --------------------------------------------------------------------------------------

def test_counts():
    assert s.counts_phrase(3, 5, 17) == (
        "3 (tiga) Program, 5 (lima) Kegiatan dan 17 (tujuh belas) Sub Kegiatan")
    assert s.program_sentence(2, "Diskominfostandi Kota Contoh", 1, 2) == (
        "Dalam mencapai Kinerja Indikator Sasaran Strategis Kedua tersebut Diskominfostandi Kota "
        "Contoh melaksanakan 1 (satu) Program dengan 2 (dua) Sub Kegiatan.")


# --- front matter and closing --------------------------------------------------------------------

def test_default_kata_pengantar(res):
    assert s.kata_pengantar(res.wb.profil) == [
        "Puji syukur ke hadirat Tuhan Yang Maha Esa, Laporan Kinerja Instansi Pemerintah (*LKIP*) "
        "Dinas Komunikasi, Informatika, Statistik dan Persandian Kota Contoh Tahun 2024 dapat "
        "diselesaikan.",
        "Laporan ini menyajikan capaian kinerja Diskominfostandi Kota Contoh selama Tahun 2024 "
        "yang diukur dari Indikator Kinerja Utama dalam Rencana Strategis Tahun 2024-2026 dan "
        "Perjanjian Kinerja Tahun 2024, beserta realisasi anggaran yang mendukungnya.",
        "Semoga laporan ini bermanfaat sebagai bahan evaluasi dan perbaikan kinerja di masa "
        "mendatang.",
    ]


def test_default_kesimpulan_counts_the_iku_that_met_their_target(res, iku):
    assert s.kesimpulan(res) == [
        "Pada Tahun 2024 Diskominfostandi Kota Contoh memiliki 1 (satu) Sasaran Strategis dengan "
        "1 (satu) Indikator Kinerja Utama; 1 (satu) di antaranya mencapai atau melampaui target.",
        "Realisasi anggaran sebesar Rp.134.000.000.- dari pagu Rp.140.000.000.- (95,71%).",
    ]
    missed = replace(res, ikus=(replace(iku, capaian=Capaian(D("99.99"), c.METODE_NAIK)),))
    assert "; 0 (nol) di antaranya" in s.kesimpulan(missed)[0]


def test_ikhtisar_eksekutif(res, iku):
    assert s.ikhtisar_pembuka(res) == (
        "Laporan Kinerja Diskominfostandi Kota Contoh Tahun 2024 mengukur 1 (satu) Indikator "
        "Kinerja Utama untuk 1 (satu) Sasaran Strategis, dengan hasil sebagai berikut:")
    assert s.ikhtisar_iku(iku) == (
        f"**{NAMA}**: target 4,09, realisasi 4,41, capaian 107,82% (telah terlampaui), predikat "
        "Memuaskan.")
    assert s.ikhtisar_anggaran(res) == (
        "Kinerja tersebut didukung oleh 1 (satu) Program, 1 (satu) Kegiatan dan 2 (dua) Sub "
        "Kegiatan dengan Pagu Anggaran Rp.140.000.000.- dan realisasi Rp.134.000.000.- (95,71%), "
        "sehingga terdapat efisiensi anggaran 4,29%.")


def test_ikhtisar_states_the_akip_result_only_when_there_is_one(res, iku):
    assert res.akip_total is None
    assert s.ikhtisar_akip(res) == ""
    assert s.ikhtisar_akip(replace(res, akip_total=D("71.5"), akip_predikat=iku.predikat)) == (
        "Nilai Hasil Evaluasi AKIP sebesar 71,50 dengan predikat **Memuaskan**.")
    assert s.ikhtisar_akip(replace(res, akip_total=D("71.5"))) == (
        "Nilai Hasil Evaluasi AKIP sebesar 71,50.")
