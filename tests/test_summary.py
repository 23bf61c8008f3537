"""`lkip summary` and `lkip summary --json` on the bundled sample and on broken workbooks."""

import json
from decimal import Decimal as D
from pathlib import Path

import pytest
from click.testing import CliRunner

from lkip_docx.cli import main
from lkip_docx.summary import SCHEMA, SCHEMA_VERSION, dec

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "lkip-2024-diskominfostandi-bekasi.xlsx"
DOC = ROOT / "docs" / "summary-json.md"


@pytest.fixture(scope="module")
def summary_json():
    result = CliRunner().invoke(main, ["summary", str(SAMPLE), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_json_has_the_documented_top_level_fields(summary_json):
    assert summary_json["schema"] == SCHEMA and summary_json["versi"] == SCHEMA_VERSION
    doc = DOC.read_text(encoding="utf-8")
    for key in summary_json:
        assert f"`{key}`" in doc, f"field {key} is not documented in docs/summary-json.md"
    for key in summary_json["iku"][0]:
        assert f"`{key}`" in doc, f"IKU field {key} is not documented"
    for key in summary_json["anggaran"]["program"][0]:
        assert f"`{key}`" in doc, f"budget line field {key} is not documented"


def test_json_numbers_are_exact_decimal_strings(summary_json):
    iku1, iku2 = summary_json["iku"]
    assert iku1["realisasi"] == "4.41" and iku1["capaian"]["persen"] == "107.82"
    assert iku2["realisasi"] == "80.67" and iku2["capaian"]["persen"] == "104.09"
    total = summary_json["anggaran"]["total"]
    assert total["pagu_murni"] == "40911738050"
    assert total["pagu"] == "40861988050"
    # every money and percent field parses as a Decimal without loss
    for line in summary_json["anggaran"]["program"]:
        for key in ("pagu", "realisasi", "realisasi_persen", "efisiensi_persen"):
            assert isinstance(line[key], str)
            D(line[key])
    blu = next(k for k in summary_json["anggaran"]["kelompok"] if k["kode"] == "BLU")
    assert blu["realisasi"] == "23065269726" and blu["realisasi_persen"] == "96.82"


def test_json_worked_calculation_is_included(summary_json):
    steps = summary_json["iku"][0]["komposit"][0]["langkah"]
    assert steps == ["{4,21 + 4,68 + 3,75 + 5} : 4", "17,64 : 4", "4,41"]


def test_dec_keeps_every_digit():
    assert dec(D("19439970000")) == "19439970000"
    assert dec(D("0.1")) == "0.1"
    assert dec(None) is None


def test_text_summary_is_aligned_and_indonesian():
    result = CliRunner().invoke(main, ["summary", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "IKU1  Indeks Layanan Publik Berbasis IT" in out
    assert "107,82%" in out and "104,09%" in out
    assert "23.065.269.726" in out and "96,82%" in out
    assert "AKIP: nilai 80,67, predikat A, peringkat 10 dari 26" in out
    assert "5 (lima) Program, 12 (dua belas) Kegiatan, 36 (tiga puluh enam) Sub Kegiatan" in out
    # the budget columns line up: every row of the budget table has the same width up to Capaian
    lines = out.split("ANGGARAN")[1].split("PERJANJIAN")[0].strip().splitlines()
    header = lines[1]
    assert all(len(line) <= len(header) + 2 for line in lines[2:])


def test_summary_of_a_broken_workbook_exits_1_with_errors(make_workbook):
    from conftest import changed

    path = make_workbook(sub_kegiatan=changed("sub_kegiatan", 0, realisasi="Rp 1.2.3"))
    result = CliRunner().invoke(main, ["summary", str(path), "--json"])
    assert result.exit_code == 1
    assert "not-a-number" in result.output
    assert "Traceback" not in result.output


def test_json_lists_every_warning_of_the_check(make_workbook):
    from conftest import changed

    path = make_workbook(sub_kegiatan=changed("sub_kegiatan", 0, realisasi=D(95_000_000)))
    result = CliRunner().invoke(main, ["summary", str(path), "--json"])
    assert result.exit_code == 0, result.output
    codes = [m["kode"] for m in json.loads(result.stdout)["masalah"]]
    assert codes == ["realisasi-above-pagu"]


def test_akip_predikat_is_graded_on_the_figure_as_printed(make_workbook):
    """40,004 + 40,004 prints as 80,01 and is graded there (A), the same in every table."""
    from conftest import changed

    from lkip_docx.api import check_workbook

    path = make_workbook(
        iku=changed("iku", 0, kode_indeks="NILAI_AKIP", kode_skala="AKIP"),
        evaluasi_akip=[{"komponen": "Perencanaan Kinerja", "bobot": D(50), "nilai": D("40.004")},
                       {"komponen": "Pengukuran Kinerja", "bobot": D(50), "nilai": D("40.004")}])
    res = check_workbook(path).results
    iku = res.ikus[0]
    assert iku.realisasi == D("80.01")
    assert iku.predikat.predikat == res.akip_predikat.predikat == "A"
    path = make_workbook(
        iku=changed("iku", 0, kode_indeks="NILAI_AKIP", kode_skala="AKIP"),
        evaluasi_akip=[{"komponen": "Perencanaan Kinerja", "bobot": D(50), "nilai": D("40.002")},
                       {"komponen": "Pengukuran Kinerja", "bobot": D(50), "nilai": D("40.002")}])
    res = check_workbook(path).results
    assert res.ikus[0].realisasi == D("80.00")
    assert res.ikus[0].predikat.predikat == res.akip_predikat.predikat == "BB"
