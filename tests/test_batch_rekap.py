"""A whole city at once: batch builds in worker processes and the recap spreadsheet."""

import shutil
from decimal import Decimal as D
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from docx import Document

from lkip_docx.batch import build_many, collect_workbooks
from lkip_docx.cli import main
from lkip_docx.rekap import RekapRow, rank

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "lkip-2024-diskominfostandi-bekasi.xlsx"


def variant(path: Path, nama: str, akip_first: float) -> Path:
    """The sample as another perangkat daerah, with another AKIP nilai (first component)."""
    wb = openpyxl.load_workbook(SAMPLE)
    ws = wb["Profil"]
    for row in ws.iter_rows(min_row=2):
        if row[0].value in ("Nama Instansi", "Nama Perangkat Daerah"):  # layout 2.0, 1.0
            row[1].value = nama
    wb["Evaluasi AKIP"]["C2"] = akip_first
    wb.save(path)
    return path


def broken(path: Path) -> Path:
    wb = openpyxl.load_workbook(SAMPLE)
    wb["Sub Kegiatan"]["F2"] = "Rp 1.2.3"
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kota")
    shutil.copy(SAMPLE, folder / "a-diskominfostandi.xlsx")
    variant(folder / "b-dinas-lain.xlsx", "Dinas Lain", 29.00)  # 80,67 - 26,14 + 29 = 83,53
    broken(folder / "c-rusak.xlsx")
    (folder / "~$a-diskominfostandi.xlsx").write_bytes(b"lock file of Excel")
    (folder / "catatan.txt").write_text("bukan workbook")
    return folder


def test_collect_takes_xlsx_of_folders_and_skips_lock_files(city):
    names = [p.name for p in collect_workbooks([city, city / "a-diskominfostandi.xlsx"])]
    assert names == ["a-diskominfostandi.xlsx", "b-dinas-lain.xlsx", "c-rusak.xlsx"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_batch_builds_every_valid_workbook_and_reports_failures(city, tmp_path, jobs):
    out = tmp_path / "laporan"
    result = CliRunner().invoke(main, ["build", str(city), "-o", str(out), "--jobs", str(jobs)])
    assert result.exit_code == 1, result.output
    assert sorted(p.name for p in out.iterdir()) == ["a-diskominfostandi.docx",
                                                     "b-dinas-lain.docx"]
    for docx in out.iterdir():
        assert Document(str(docx)).paragraphs
    # plain progress lines when not on a terminal, then the summary of failures
    assert "[3/3]" in result.output and "GAGAL c-rusak.xlsx" in result.output
    assert "Selesai: 2 laporan dibuat" in result.output
    assert "c-rusak.xlsx: 1 galat" in result.output
    assert "'Sub Kegiatan'!F2" in result.output and "not-a-number" in result.output
    assert "Traceback" not in result.output


def test_batch_outcomes_keep_input_order(city, tmp_path):
    workbooks = collect_workbooks([city])
    seen = []
    outcomes = build_many(workbooks, tmp_path, jobs=2,
                          progress=lambda o, total: seen.append(o.workbook))
    assert [o.workbook for o in outcomes] == workbooks
    assert sorted(seen) == sorted(workbooks)
    assert [o.ok for o in outcomes] == [True, True, False]
    assert outcomes[2].errors[0].code == "not-a-number"


def test_batch_refuses_existing_reports_without_force(city, tmp_path):
    out = tmp_path / "laporan"
    out.mkdir()
    (out / "a-diskominfostandi.docx").write_bytes(b"lama")
    result = CliRunner().invoke(main, ["build", str(city / "a-diskominfostandi.xlsx"),
                                       str(city / "b-dinas-lain.xlsx"), "-o", str(out)])
    assert result.exit_code == 1
    assert (out / "a-diskominfostandi.docx").read_bytes() == b"lama"
    assert (out / "b-dinas-lain.docx").exists()
    assert "output-exists" in result.output


def test_several_workbooks_need_a_folder_not_a_docx(city, tmp_path):
    result = CliRunner().invoke(main, ["build", str(city), "-o", str(tmp_path / "x.docx")])
    assert result.exit_code == 2
    assert "folder" in result.output


def test_rekap_ranks_perangkat_daerah_and_lists_broken_workbooks(city, tmp_path):
    out = tmp_path / "rekap.xlsx"
    result = CliRunner().invoke(main, ["rekap", str(city), "-o", str(out), "--jobs", "2"])
    assert result.exit_code == 1, result.output  # a workbook has errors: listed, not skipped
    assert "c-rusak.xlsx: 1 galat" in result.output
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Rekap", "IKU", "Galat"]
    ws = wb["Rekap"]
    header = [c.value for c in ws[1]]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2, max_row=4)]
    col = {h: i for i, h in enumerate(header)}
    # sorted by nilai AKIP, highest first, with the rank of the lampiran
    assert [r[col["Perangkat Daerah"]] for r in rows] == [
        "Dinas Lain", "Dinas Komunikasi, Informatika, Statistik dan Persandian",
        "Dinas Komunikasi, Informatika, Statistik dan Persandian"]  # the broken one, still named
    assert [r[col["Berkas"]] for r in rows] == ["b-dinas-lain.xlsx", "a-diskominfostandi.xlsx",
                                                "c-rusak.xlsx"]
    assert [r[col["Peringkat"]] for r in rows] == [1, 2, None]
    assert rows[0][col["Nilai AKIP"]] == pytest.approx(83.53)
    assert rows[1][col["Predikat AKIP"]] == "A"
    assert rows[1][col["Realisasi Anggaran (Rp)"]] == 38275823920
    assert rows[1][col["Realisasi Anggaran (%)"]] == pytest.approx(93.67)
    assert rows[1][col["Efisiensi (%)"]] == pytest.approx(6.33)
    assert rows[1][col["IKU Tercapai"]] == 2 and rows[1][col["Jumlah IKU"]] == 2
    assert rows[2][col["Status"]] == "Galat (1)"
    total = [c.value for c in ws[5]]
    assert total[col["Pagu Anggaran (Rp)"]] == 2 * 40861988050
    assert total[col["Realisasi Anggaran (%)"]] == pytest.approx(93.67)
    # formatted as a spreadsheet: frozen header, number formats, widths
    assert ws.freeze_panes == "C2"
    assert ws.cell(row=2, column=col["Pagu Anggaran (Rp)"] + 1).number_format == "#,##0"
    assert ws.column_dimensions["B"].width > 30
    galat = [[c.value for c in row] for row in wb["Galat"].iter_rows(min_row=2)]
    assert galat == [["c-rusak.xlsx", "'Sub Kegiatan'!F2", "not-a-number",
                      "Realisasi bukan angka: 'Rp 1.2.3'"]]
    iku = [[c.value for c in row] for row in wb["IKU"].iter_rows(min_row=2)]
    assert len(iku) == 4 and iku[0][1] == "IKU1"


def test_rekap_refuses_to_overwrite_and_needs_xlsx(city, tmp_path):
    out = tmp_path / "rekap.xlsx"
    out.write_bytes(b"lama")
    result = CliRunner().invoke(main, ["rekap", str(city), "-o", str(out)])
    assert result.exit_code == 1 and out.read_bytes() == b"lama"
    result = CliRunner().invoke(main, ["rekap", str(city), "-o", str(tmp_path / "rekap.csv")])
    assert result.exit_code == 1 and "bad-extension" in result.output


def test_rank_keeps_sheet_order_for_ties():
    rows = [RekapRow("x.xlsx", True, akip=D("80.67")), RekapRow("y.xlsx", True, akip=D("85")),
            RekapRow("z.xlsx", True, akip=D("80.67")), RekapRow("w.xlsx", False)]
    ranked = rank(rows)
    assert [(r.berkas, r.rank) for r in ranked] == [("y.xlsx", 1), ("x.xlsx", 2), ("z.xlsx", 3),
                                                   ("w.xlsx", None)]


def test_batch_refuses_two_workbooks_that_would_write_the_same_report(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    shutil.copy(SAMPLE, tmp_path / "a" / "dinas.xlsx")
    shutil.copy(SAMPLE, tmp_path / "b" / "Dinas.xlsx")  # the same report name on Windows
    out = tmp_path / "laporan"
    result = CliRunner().invoke(main, ["build", str(tmp_path / "a" / "dinas.xlsx"),
                                       str(tmp_path / "b" / "Dinas.xlsx"), "-o", str(out),
                                       "--force"])
    assert result.exit_code == 1
    assert "[output-name-clash]" in result.output
    assert not out.exists() or not any(out.iterdir())  # nothing built


def test_rekap_warns_about_mixed_years_and_a_perangkat_daerah_twice(tmp_path):
    folder = tmp_path / "kota"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "a.xlsx")
    shutil.copy(SAMPLE, folder / "b.xlsx")  # the same perangkat daerah again
    wb = openpyxl.load_workbook(SAMPLE)
    for row in wb["Profil"].iter_rows(min_row=2):
        if row[0].value in ("Nama Instansi", "Nama Perangkat Daerah"):  # layout 2.0, 1.0
            row[1].value = "Dinas Lain"
    wb.save(folder / "c.xlsx")
    out = tmp_path / "rekap.xlsx"
    result = CliRunner().invoke(main, ["rekap", str(folder), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "[rekap-duplicate-pd]" in result.output and "a.xlsx, b.xlsx" in result.output
    notes = [c.value for c in openpyxl.load_workbook(out)["Rekap"]["A"] if c.value]
    assert any(str(n).startswith("Peringatan: perangkat daerah") for n in notes)


def test_rekap_notes_mixed_years():
    from lkip_docx.rekap import notes

    rows = [RekapRow("a.xlsx", True, nama="Dinas A", tahun=2024),
            RekapRow("b.xlsx", True, nama="Dinas B", tahun=2023)]
    assert [p.code for p in notes(rows)] == ["rekap-mixed-years"]
    assert "a.xlsx (2024), b.xlsx (2023)" in notes(rows)[0].message
