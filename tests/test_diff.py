"""``lkip diff``: two versions of a workbook, the input cells that changed and the figures of the
report that moved with them."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal as D
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from conftest import changed

from lkip_docx.api import LkipError, diff_json, diff_workbooks
from lkip_docx.cli import main
from lkip_docx.review.diff import SelBerubah

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "lkip-2024-diskominfostandi-bekasi.xlsx"
SUB = "2.16.02.2.01.0002"  # Pengelolaan Media Komunikasi Publik, row 3 of Sub Kegiatan


@pytest.fixture(scope="module")
def changed_sample(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("diff") / "lkip-2024-revisi.xlsx"
    shutil.copy(SAMPLE, path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Sub Kegiatan"]
    assert ws["A3"].value == SUB and ws["F3"].value == 53750000
    ws["F3"] = 50000000
    wb.save(path)
    return path


def test_one_realisasi_changed_names_its_cell_and_the_figures_that_moved(changed_sample):
    hasil = diff_workbooks(SAMPLE, changed_sample)
    assert hasil.sel == [SelBerubah("Sub Kegiatan", "F3", "Realisasi", "53.750.000",
                                    "50.000.000")]
    moved = {x.kunci: (x.lama, x.baru) for x in hasil.angka}
    assert moved[f"anggaran/semua/sub_kegiatan/{SUB}/realisasi"] == ("53.750.000", "50.000.000")
    assert moved[f"anggaran/semua/sub_kegiatan/{SUB}/realisasi_pct"] == ("72,73%", "67,66%")
    assert moved[f"anggaran/semua/sub_kegiatan/{SUB}/efisiensi"] == ("27,27%", "32,34%")
    assert moved["anggaran/semua/total/realisasi"] == ("38.275.823.920", "38.272.073.920")
    assert moved["anggaran/kelompok:BLU/total/realisasi_pct"] == ("96,82%", "96,80%")
    assert moved["anggaran/iku:IKU1/total/efisiensi"] == ("3,18%", "3,20%")
    # what does not depend on that cell does not move
    assert not any(k.startswith(("iku/", "ip/", "pk/", "akip/")) for k in moved)
    assert not any("BLPU" in x.uraian or "IKU2" in x.kunci for x in hasil.angka)
    assert hasil.berubah


def test_lkip_diff_prints_text_and_json_and_exits_1_when_a_figure_moved(changed_sample):
    result = CliRunner().invoke(main, ["diff", str(SAMPLE), str(changed_sample)])
    assert result.exit_code == 1
    assert "'Sub Kegiatan'!F3 Realisasi: 53.750.000 \u2192 50.000.000" in result.output
    assert "Angka laporan yang berubah (" in result.output
    assert ("Realisasi anggaran jumlah seluruh anggaran: 38.275.823.920 \u2192 38.272.073.920"
            in result.output)
    as_json = CliRunner().invoke(main, ["diff", str(SAMPLE), str(changed_sample), "--json"])
    assert as_json.exit_code == 1
    data = json.loads(as_json.output)
    assert data["schema"] == "lkip-docx/diff" and data["berubah"] is True
    assert data["sel"] == [{"lembar": "Sub Kegiatan", "sel": "F3", "kolom": "Realisasi",
                            "lama": "53.750.000", "baru": "50.000.000", "keterangan": ""}]
    assert data == diff_json(diff_workbooks(SAMPLE, changed_sample))


def test_the_same_workbook_has_no_difference():
    result = CliRunner().invoke(main, ["diff", str(SAMPLE), str(SAMPLE)])
    assert result.exit_code == 0, result.output
    assert "Tidak ada sel masukan yang berubah." in result.output
    assert "Tidak ada angka laporan yang berubah." in result.output


def test_rows_in_another_order_are_no_change(make_workbook):
    old = make_workbook("lama.xlsx")
    subs = changed("sub_kegiatan", 0)
    new = make_workbook("baru.xlsx", sub_kegiatan=[subs[1], subs[0]])
    hasil = diff_workbooks(old, new)
    assert hasil.sel == [] and hasil.angka == [] and not hasil.berubah


def test_a_changed_target_moves_capaian_and_a_new_row_is_listed(make_workbook):
    old = make_workbook("lama.xlsx")
    new = make_workbook("baru.xlsx", target_iku=changed("target_iku", 0, target=D("5"))
                        + [{"kode_iku": "IKU1", "tahun": 2023, "target": D("4"),
                            "realisasi": D("4.2")}])
    hasil = diff_workbooks(old, new)
    assert [(s.lembar, s.sel, s.kolom, s.lama, s.baru) for s in hasil.sel
            if not s.keterangan] == [("Target IKU", "C2", "Target", "4,09", "5")]
    added = [s for s in hasil.sel if s.keterangan]
    assert [(s.lembar, s.sel, s.keterangan) for s in added] == [
        ("Target IKU", "5:5", "baris ditambahkan")]
    moved = {x.kunci: (x.lama, x.baru) for x in hasil.angka}
    assert moved["iku/IKU1/capaian"] == ("107,82%", "88,20%")
    assert moved["iku/IKU1/target"] == ("4,09", "5,00")
    assert moved["iku/IKU1/2023/realisasi"] == ("(tidak ada)", "4,20")


def test_a_volume_not_available_is_compared_as_n_a(make_workbook):
    # Writing the volume of a sub kegiatan whose realisasi output is not available stopped the
    # catalogue of figures (and with it lkip diff) with an AttributeError.
    old = make_workbook("lama.xlsx")
    new = make_workbook("baru.xlsx", sub_kegiatan=changed("sub_kegiatan", 0,
                                                          realisasi_output="belum tersedia"))
    moved = {x.kunci: (x.lama, x.baru) for x in diff_workbooks(old, new).angka}
    assert moved["anggaran/semua/sub_kegiatan/2.16.02.1.01.0001/realisasi_output"] == (
        "12 (dua belas)", "N/A")


def test_a_workbook_with_errors_cannot_be_compared(make_workbook):
    old = make_workbook("lama.xlsx")
    new = make_workbook("baru.xlsx", sub_kegiatan=changed("sub_kegiatan", 0, realisasi=None))
    with pytest.raises(LkipError):
        diff_workbooks(old, new)
    result = CliRunner().invoke(main, ["diff", str(old), str(new)])
    assert result.exit_code == 1 and "[required-empty]" in result.output
