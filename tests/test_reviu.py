"""``lkip reviu``: the review workbook of the Bekasi sample. Every figure of every table of the
rendered report is traced to its formula and source cells; the narrative figures are checked
against the computed ones, with the reference LKIP's own contradictions put back into the
narrative; the checklist is answered where the workbook can answer it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import quote

import openpyxl
import pytest
from click.testing import CliRunner
from conftest import cell_of, changed

from lkip_docx.api import build_report, compute_workbook, write_reviu
from lkip_docx.build import render_report
from lkip_docx.cli import main
from lkip_docx.problems import Location
from lkip_docx.review import angka, dokumen, jejak, kertas_kerja, konsistensi, lembar
from lkip_docx.review.reviu import susun

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "lkip-2024-diskominfostandi-bekasi.xlsx"


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("reviu")
    shutil.copy(SAMPLE, folder / SAMPLE.name)
    return folder / SAMPLE.name


@pytest.fixture(scope="module")
def reviu(sample):
    out = sample.parent / "kertas-kerja.xlsx"
    hasil = write_reviu(sample, out)
    return hasil, openpyxl.load_workbook(out)


def rows_of(ws) -> list[tuple]:
    return [r for r in ws.iter_rows(min_row=5, values_only=True) if any(v is not None for v in r)]


# --- Jejak Angka ---------------------------------------------------------------------------------

def _figure_cells(blocks):
    """(label, row, cell) of every figure in a data row of a numbered table or the lampiran
    ranking: what a reviewer must be able to trace."""
    for t in blocks:
        if not isinstance(t, dokumen.Tabel) or t.label.startswith("tabel tanpa judul"):
            continue
        for row in t.isi():
            for cell in row.sel:
                text = cell.teks.strip()
                if not text or text == "-" or angka.skeleton(text).strip() != "#":
                    continue
                if "no" in cell.judul_kolom.lower().split() and t.nomor is not None:
                    continue  # the row number of a numbered table
                if cell.kolom == 0 and re.fullmatch(r"\d{1,3}[.)]?", text) and t.nomor:
                    continue
                yield t, row, cell


def test_every_table_figure_of_the_report_is_traced_with_its_source_cells(reviu, sample):
    hasil, _wb = reviu
    res = compute_workbook(sample).results
    blocks = dokumen.read(render_report(res, sample.parent))
    traced = {}
    for j in hasil.jejak:
        m = re.match(r"^(.*?)(?: \(bagian \d\))?, baris (\d+) ", j.lokasi)
        if m:
            traced.setdefault((m.group(1), int(m.group(2)), j.tercetak), []).append(j)
    cells = list(_figure_cells(blocks))
    assert len(cells) > 600  # every table of the sample, the lampiran ranking included
    missing = []
    for t, row, cell in cells:
        found = traced.get((t.label, row.nomor, cell.teks))
        if not found or any(j.angka is None or not j.angka.sumber for j in found):
            missing.append(f"{t.label} baris {row.nomor} {cell.judul_kolom}: {cell.teks}")
    assert missing == []
    assert all(j.angka is not None for j in hasil.jejak), \
        [j.lokasi for j in hasil.jejak if j.angka is None]


def test_every_number_of_the_generated_sentences_is_traced(reviu):
    hasil, _wb = reviu
    sentences = [j for j in hasil.jejak if not j.lokasi.startswith(("Tabel", "Daftar"))]
    assert len(sentences) > 300
    assert [j for j in sentences if j.angka is None] == []


def test_a_figure_shows_its_formula_with_values_and_its_cells(reviu):
    hasil, wb = reviu
    capaian = next(j for j in hasil.jejak if j.lokasi.startswith("Tabel 3.1,")
                   and j.tercetak == "107,82%")
    assert capaian.angka.cara == "Realisasi / Target x 100% = 4,41 / 4,09 x 100% = 107,82%"
    assert Location("Komponen Indeks", "D2") in capaian.angka.sumber  # the IKU1 formula row
    realisasi = next(j for j in hasil.jejak if "Tabel 3.15" in j.lokasi and j.tercetak == "98,60%"
                     and "'Monitoring Opini dan Aspirasi Publik'" in j.lokasi)
    assert realisasi.angka.cara == ("Realisasi / Pagu x 100% = 193.200.000 / 195.950.000 x 100% "
                                    "= 98,60%")
    assert set(realisasi.angka.sumber) == {Location("Sub Kegiatan", "F2"),
                                           Location("Sub Kegiatan", "E2")}
    total = next(j for j in hasil.jejak if j.lokasi.startswith("Tabel 3.16,")
                 and "JUMLAH" in j.lokasi and j.tercetak == "15.210.554.194")
    assert total.angka.cara.startswith("Jumlah realisasi 19 sub kegiatan = 9.792.850 + ")
    # ... and the sheet says the same, its source cell a link into the workbook beside it
    ws = wb["Jejak Angka"]
    row = next(r for r in ws.iter_rows(min_row=5) if r[1].value == realisasi.lokasi)
    assert row[3].value == "98,60%" and row[4].value == realisasi.angka.cara
    assert row[5].value == "'Sub Kegiatan'!F2\n'Sub Kegiatan'!E2"
    assert row[5].hyperlink.target == quote(SAMPLE.name)
    assert row[5].hyperlink.location == "'Sub Kegiatan'!F2"


def test_sources_are_joined_into_ranges():
    locs = tuple(Location("Sub Kegiatan", f"F{n}") for n in (2, 3, 4, 9)) + (
        Location("Pegawai", "C2"), Location("Pegawai", "D2"), Location("IKU", "2:2"))
    assert lembar.compress(locs) == ["'Sub Kegiatan'!F2:F4", "'Sub Kegiatan'!F9",
                                     "'Pegawai'!C2:D2", "'IKU'!2:2"]


# --- Konsistensi ---------------------------------------------------------------------------------

def narasi_cell(text: str) -> str:
    """Where the sample's Narasi sheet holds the paragraph that contains ``text``."""
    ws = openpyxl.load_workbook(SAMPLE, read_only=True)["Narasi"]
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and text in cell.value:
                return f"'Narasi'!{cell.coordinate}"
    raise AssertionError(f"no Narasi row holds {text!r}")


def test_the_narrative_contradiction_left_in_the_sample_is_flagged(reviu):
    hasil, wb = reviu
    where = narasi_cell("belum terpenuhi")
    flagged = [c for c in hasil.cek if c.hasil == konsistensi.TIDAK_SESUAI]
    # The reference says the IKU2 target was "belum terpenuhi" though its capaian is 104,09%.
    assert [(c.lokasi, c.tertulis, c.dihitung) for c in flagged] == [
        (f"{where} (Penyebab Keberhasilan/Kegagalan, IKU2)", "belum terpenuhi",
         "capaian 104,09%")]
    # What the sample's narrative and prestasi state correctly is confirmed, not flagged.
    ok = {(c.lokasi.split(" ")[0], c.tertulis) for c in hasil.cek if c.hasil == konsistensi.SESUAI}
    assert {(narasi_cell("memiliki 2 (*dua*) Sasaran Strategis"), "2 (dua)"),
            ("'Prestasi'!A6", "80,67"),
            ("'Prestasi'!A6", "Peringkat X"), ("'Prestasi'!A6", "Predikat Nilai A")} <= ok
    ws = wb["Konsistensi"]
    first = rows_of(ws)[0]  # sorted: what does not agree comes first
    assert first[6] == konsistensi.TIDAK_SESUAI and first[3].startswith(where)


REFERENCE_SENTENCES = [
    # Bab III, efficiency of IKU2, as printed in the reference (the sample left it out)
    ("Analisis Efisiensi", "IKU2",
     "Berdasarkan Tabel di atas terdapat 1 (satu) Program, 7 (tujuh) Kegiatan dan 19 (sembilan "
     "belas) Sub Kegiatan yang mendukung Pencapaian Indikator Sasaran Nilai Akuntabilitas "
     "Kinerja Instansi Pemerintah (AKIP) Diskominfostandi dimana Pagu Anggaran sebesar "
     "Rp.17.038.078.400.- dengan Realisasi Anggaran sebesar Rp.15.210.554.194.- dengan demikian "
     "Anggaran yang dipergunakan untuk mencapai Indikator Sasaran sebesar 89,27%."),
    ("Analisis Efisiensi", "IKU2",
     "Namun dengan Anggaran 89,27% dapat mencapai Outcome 100%, hal tersebut disebabkan karena "
     "Diskominfostandi Kota Bekasi melakukan beberapa upaya Efisiensi Anggaran."),
    # the sub kegiatan paragraph whose amount lost three zeros
    ("Analisis Efisiensi", "IKU2",
     "Penyediaan Gaji dan Tunjangan ASN mengalami Perubahan Pagu Anggaran yang semula (*murni*) "
     "sebesar Rp.11.601.038.000.- menjadi Rp.11.651.038.- pada APBD-Perubahan, Capaian Output "
     "97,18% hanya terbayarnya 1170 (*seribu seratus tujuh puluh*) Orang/Bulan. Anggaran yang "
     "digunakan sebesar Rp.10.517.058.956.-, (*90,27%*), maka terdapat Efisiensi Anggaran "
     "sebesar 9,73%."),
    # Tabel 3.14 copies the efisiensi of the row above; the table says 100% where the text says 90%
    ("Analisis Efisiensi", "IKU2", "Administrasi Kepegawaian Perangkat Daerah dengan Realisasi "
     "Anggaran 80,33% dan Tingkat Efisiensi 18,58%."),
    ("Analisis Efisiensi", "IKU1", "Penyediaan Layanan Keamanan Informasi Pemerintah Daerah "
     "Kabupaten/Kota dengan Capaian Output 100%."),
    ("Analisis Target Renstra", "IKU2", "2024 mengalami peningkatan dengan Nilai Realisasi Capaian "
     "Indikator sebesar 80,67 dibandingkan dengan Nilai Target Capaian Indikator."),
    # the two slips the sample corrected
    ("Analisis Capaian Organisasi", None, "sebagaimana tertuang dalam RENSTRA Diskominfostandi "
     "Kota Bekasi Tahun 2024-2024, yaitu :"),
    ("Kesimpulan", None, "Demikian semoga Laporan Kinerja Instansi Pemerintah (*LKIP*) Tahun 2025 "
     "ini dapat Bermanfaat."),
    ("Kesimpulan", None, "Terdapat 36 (tiga puluh) Sub Kegiatan."),
]


@pytest.fixture(scope="module")
def restored(sample):
    path = sample.parent / "narasi-referensi.xlsx"
    shutil.copy(sample, path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Narasi"]
    first = ws.max_row + 1
    for bagian, kode, teks in REFERENCE_SENTENCES:
        ws.append([bagian, kode, "Paragraf", 1, teks])
    wb.save(path)
    result = compute_workbook(path)
    checks = konsistensi.narasi(result.results, jejak.katalog(result.results))
    rows = [(re.match(r"'Narasi'!E(\d+) ", c.lokasi), c) for c in checks]
    return first, [c for m, c in rows if m and int(m.group(1)) >= first]


def _verdicts(checks, row):
    return [(c.tertulis, c.hasil, c.dihitung) for c in checks if f"!E{row} " in c.lokasi]


def test_the_reference_narrative_contradictions_are_flagged(restored):
    first, checks = restored
    S, T = konsistensi.SESUAI, konsistensi.TIDAK_SESUAI
    assert _verdicts(checks, first) == [
        ("1 (satu)", S, "1 (satu)"), ("7 (tujuh)", S, "7 (tujuh)"),
        ("19 (sembilan belas)", S, "19 (sembilan belas)"),
        ("Rp.17.038.078.400.-", S, "17.038.078.400"), ("Rp.15.210.554.194.-", S,
                                                        "15.210.554.194"),
        ("89,27%", S, "89,27%")]
    # "Outcome 100%" for an IKU whose capaian is 104,09%
    assert _verdicts(checks, first + 1) == [("89,27%", S, "89,27%"), ("100%", T, "104,09%")]
    # the amount missing three zeros, the rest of the paragraph right
    assert _verdicts(checks, first + 2) == [
        ("Rp.11.601.038.000.-", S, "11.601.038.000"), ("Rp.11.651.038.-", T, "11.651.038.000"),
        ("97,18%", S, "97,18%"), ("Rp.10.517.058.956.-", S, "10.517.058.956"),
        ("90,27%", S, "90,27%"), ("9,73%", S, "9,73%")]
    assert _verdicts(checks, first + 3) == [("80,33%", S, "80,33%"), ("18,58%", T, "19,67%")]
    assert _verdicts(checks, first + 4) == [("100%", T, "90%")]
    assert _verdicts(checks, first + 5) == [("80,67", S, "80,67")]
    assert _verdicts(checks, first + 6) == [("2024-2024", T, "2024-2026 atau 2018-2023")]
    assert _verdicts(checks, first + 7) == [("2025", T, "2024")]
    assert _verdicts(checks, first + 8) == [
        ("36 (tiga puluh)", T, "36 (tiga puluh enam)"),  # the words do not say the number
        ("36 (tiga puluh)", S, "36 (tiga puluh enam)")]  # the number itself is right


def test_plans_and_budget_are_cross_checked(make_workbook, tmp_path):
    from decimal import Decimal as D

    path = make_workbook(iku=changed("iku", 0, target_pk=D("4.2")),
                         program=changed("program", 0, anggaran_pk=D(150_000_000)))
    result = compute_workbook(path)
    res = result.results
    checks = konsistensi.semua(res, jejak.katalog(res), result.warnings)
    pk = next(c for c in checks if c.kelompok == konsistensi.PK_RENSTRA)
    assert (pk.tertulis, pk.dihitung, pk.hasil) == ("4,20", "4,09", konsistensi.TIDAK_SESUAI)
    budget = next(c for c in checks if c.kelompok == konsistensi.ANGGARAN_PK and
                  c.hasil != konsistensi.CATATAN)
    assert (budget.tertulis, budget.dihitung, budget.hasil) == (
        "Rp150.000.000", "Rp100.000.000", konsistensi.TIDAK_SESUAI)
    assert any(c.kelompok == konsistensi.WORKBOOK and "[pk-budget-mismatch]" in c.keterangan
               for c in checks)
    metode = [c for c in checks if c.kelompok == konsistensi.METODE]
    assert metode[0].tertulis == "Naik: R/T x 100"


def test_last_years_realisasi_is_compared_with_last_years_workbook(make_workbook):
    from decimal import Decimal as D

    this = make_workbook("2024.xlsx", target_iku=changed("target_iku", 0) + [
        {"kode_iku": "IKU1", "tahun": 2023, "target": D("4"), "realisasi": D("4.2")}])
    rows = [{"kode_iku": "IKU1", "tahun": y, "target": D("4"), **extra}
            for y, extra in ((2021, {}), (2022, {}), (2023, {"realisasi": D("4.3")}))]
    last = make_workbook("2023.xlsx", profil={"tahun": 2023, "periode_renstra": "2021-2023"},
                         target_iku=rows)
    res, before = compute_workbook(this).results, compute_workbook(last).results
    checks = konsistensi.tahun_lalu(res, before)
    assert [(c.uraian.split(" ")[0], c.tertulis, c.dihitung, c.hasil) for c in checks] == [
        ("Realisasi", "4,20", "4,30", konsistensi.TIDAK_SESUAI),
        ("Target", "4,00", "4,00", konsistensi.SESUAI)]
    alone = konsistensi.tahun_lalu(res)
    assert [c.hasil for c in alone] == [konsistensi.PERIKSA]


# --- Kertas Kerja --------------------------------------------------------------------------------

def test_the_checklist_is_answered_where_the_workbook_can(reviu):
    hasil, wb = reviu
    answers = {j.butir.nomor: j for j in hasil.jawaban}
    assert [b.nomor for b in kertas_kerja.BUTIR] == list(answers)
    assert answers["A.1"].jawaban == kertas_kerja.TIDAK  # the sample has no Ikhtisar Eksekutif
    assert answers["B.4"].jawaban == kertas_kerja.YA
    assert answers["B.10"].jawaban == kertas_kerja.TIDAK  # 'belum terpenuhi'
    assert answers["C.3"].jawaban == kertas_kerja.REVIEWER  # no report given
    left = [n for n, j in answers.items() if not j.otomatis]
    assert left == ["A.7", "B.6", "B.15", "C.2", "C.3"]
    ws = wb["Kertas Kerja"]
    values = [r for r in ws.iter_rows(min_row=5, values_only=True)]
    assert ("B.10", kertas_kerja.BUTIR[16].uraian) == values[[r[0] for r in values].index(
        "B.10")][:2]


def test_a_report_given_to_reviu_is_verified_in_the_checklist(sample, tmp_path):
    report = build_report(sample, tmp_path / "laporan.docx").output
    _kepala, hasil = susun(sample, laporan=report)
    c3 = next(j for j in hasil.jawaban if j.butir.nomor == "C.3")
    assert (c3.jawaban, c3.otomatis) == (kertas_kerja.YA, True)


# --- the workbook itself -------------------------------------------------------------------------

def test_the_review_workbook_is_set_up_for_printing(reviu):
    _hasil, wb = reviu
    assert wb.sheetnames == ["Ringkasan", "Jejak Angka", "Konsistensi", "Kertas Kerja"]
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape"
        assert str(ws.page_setup.paperSize) == str(ws.PAPERSIZE_A4)
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
        assert ws.page_setup.fitToHeight == 0
        assert ws.print_title_rows == "$4:$4"
        assert ws.print_area and ws.freeze_panes == "A5"
        assert "&P" in ws.oddFooter.center.text
        assert ws["A1"].font.bold
    jejak_ws = wb["Jejak Angka"]
    assert jejak_ws.column_dimensions["E"].width == 60
    assert jejak_ws["E5"].alignment.wrap_text


def test_text_that_looks_like_a_formula_stays_text(valid_workbook, tmp_path):
    # A Rumus typed as text that starts with '=' (the workbook keeps it as text, and so must the
    # review workbook, where it is quoted in the Konsistensi sheet)
    wb = openpyxl.load_workbook(valid_workbook)
    cell = wb["IKU"][cell_of("iku", "rumus")]
    cell.value = '=HYPERLINK("http://x";"klik")'
    cell.data_type = "s"
    wb.save(valid_workbook)
    path = valid_workbook
    out = tmp_path / "kk.xlsx"
    write_reviu(path, out)
    wb = openpyxl.load_workbook(out)
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, str) and c.value.startswith("=")]
    assert cells and all(c.data_type == "s" for c in cells)
    links = [c.hyperlink for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if c.hyperlink is not None]
    assert links and all(h.target == "lkip.xlsx" for h in links)


# --- the command ---------------------------------------------------------------------------------

def test_lkip_reviu_writes_the_workbook_and_names_what_does_not_agree(sample, tmp_path):
    out = tmp_path / "kertas-kerja.xlsx"
    result = CliRunner().invoke(main, ["reviu", str(sample), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.is_file() and "Kertas kerja dibuat:" in result.output
    assert narasi_cell("belum terpenuhi") in result.output
    again = CliRunner().invoke(main, ["reviu", str(sample), "-o", str(out)])
    assert again.exit_code == 1 and "[output-exists]" in again.output


@pytest.mark.parametrize("name, code", [("kertas-kerja.docx", "bad-extension"),
                                        (SAMPLE.name, "output-is-input")])
def test_lkip_reviu_refuses_a_wrong_output(sample, name, code):
    result = CliRunner().invoke(main, ["reviu", str(sample), "-o", str(sample.parent / name),
                                       "--force"])
    assert result.exit_code == 1 and f"[{code}]" in result.output


# --- other workbooks -----------------------------------------------------------------------------

def _variants():
    from decimal import Decimal as D

    from test_layout_sasaran import several_indicators_per_sasaran

    from lkip_docx.workbook import contract as c

    return {
        "minimal": {},
        "ikhtisar": {"profil": {"ikhtisar_eksekutif": "Ya"}},
        "turun dibatasi": {"iku": changed("iku", 0, metode=c.METODE_TURUN_SELISIH,
                                          batas_capaian=D(100))},
        "turun rasio": {"iku": changed("iku", 0, metode=c.METODE_TURUN_RASIO)},
        "tahun lalu": {"target_iku": changed("target_iku", 0) + [
            {"kode_iku": "IKU1", "tahun": 2023, "target": D("4"), "realisasi": D("3.9")}]},
        "anggaran pk": {"program": changed("program", 0, anggaran_pk=D(100_000_000),
                                           anggaran_pk_perubahan=D(140_000_000))},
        "akip dan pegawai": {
            "evaluasi_akip": [{"komponen": "Perencanaan", "bobot": D(30), "nilai": D("25.5")},
                              {"komponen": "Pengukuran", "bobot": D(70), "nilai": D("55")}],
            "peringkat_akip": [{"perangkat_daerah": "Dinas A", "nilai": D("80.5")},
                               {"perangkat_daerah": "Dinas Ini", "nilai": D("70"),
                                "instansi_ini": True}],
            "pegawai": [{"kelompok": "ASN", "jenis": "Struktural", "s2": 2, "s1": 3}]},
        # the compact layout: one measurement table and one budget table per sasaran
        "per sasaran": {"profil": {"tata_letak_analisis": c.TATA_LETAK_PER_SASARAN},
                        **several_indicators_per_sasaran()},
    }


@pytest.mark.parametrize("variant", list(_variants()))
def test_other_workbooks_are_traced_whole_and_verify_clean(variant, make_workbook, tmp_path):
    path = make_workbook(**_variants()[variant])
    _kepala, hasil = susun(path)
    assert [(j.lokasi, j.tercetak) for j in hasil.jejak if j.angka is None] == []
    assert len(hasil.jejak) > 100
    from lkip_docx.api import verify_report

    report = build_report(path, tmp_path / "laporan.docx").output
    assert verify_report(report, path).perbedaan == []


@pytest.mark.parametrize("sheet, values", [
    ("target_iku", {"realisasi": "belum tersedia"}),
    ("target_iku", {"target": "n/a"}),
    ("sub_kegiatan", {"realisasi": "belum tersedia", "capaian_output": "belum tersedia",
                      "realisasi_output": "belum tersedia"}),
])
def test_a_value_not_available_is_traced_as_n_a(sheet, values, make_workbook, tmp_path):
    # A value marked not available was a figure whose value is NA: matching a written number
    # against it, or writing a volume of it, stopped lkip reviu with an AttributeError.
    path = make_workbook(**{sheet: changed(sheet, 0, **values)})
    hasil = write_reviu(path, tmp_path / "kertas-kerja.xlsx")
    na = [j for j in hasil.jejak if j.tercetak == "N/A"]
    assert na and all(j.angka is not None and j.angka.tercetak == "N/A" for j in na)


def test_a_figure_not_available_is_stated_by_no_written_number():
    from decimal import Decimal as D

    from lkip_docx.numbers import NA

    written = angka.find("realisasi 4,41")[0]
    blank, na, value = (jejak.Angka(f"k{i}", "", angka.ANGKA, nilai, "", "", ())
                        for i, nilai in enumerate((None, NA, D("4.41"))))
    assert not jejak.compatible(written, blank) and not jejak.compatible(written, na)
    assert jejak.match(written, [blank, na, value]) is value


def test_a_figure_of_an_earlier_year_is_compared_with_that_year(make_workbook):
    from decimal import Decimal as D

    text = ("Capaian Tahun 2024 sebesar 107,82% meningkat dibandingkan Tahun 2023 sebesar 97,50%. "
            "Realisasi Tahun 2023 sebesar 3,80.")
    path = make_workbook(
        target_iku=changed("target_iku", 0) + [
            {"kode_iku": "IKU1", "tahun": 2023, "target": D("4"), "realisasi": D("3.9")}],
        narasi=[{"bagian": "Analisis Perbandingan Tahun Lalu", "kode_iku": "IKU1", "teks": text}])
    res = compute_workbook(path).results
    checks = konsistensi.narasi(res, jejak.katalog(res))
    assert [(c.tertulis, c.dihitung, c.hasil) for c in checks] == [
        ("107,82%", "107,82%", konsistensi.SESUAI),
        ("97,50%", "97,50%", konsistensi.SESUAI),
        ("3,80", "3,90", konsistensi.TIDAK_SESUAI),  # the 2023 realisasi, not 2024's 4,41
        ("meningkat", "capaian meningkat: 97,50% (2023) \u2192 107,82%", konsistensi.SESUAI)]
