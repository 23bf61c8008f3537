"""Indicators as agencies publish them (issue 12): the rounding rule and precision of the
workbook, percentages that never read 100% (or 0%) unless exact, words that fit an indicator where
lower is better, capped capaian, values marked not available in a draft, ratios written 1:17,9,
and predikat scales with gaps as regulations print them.

Every figure comes from a real .xlsx (conftest.write_minimal_workbook, read and computed for real);
sentences are compared as exact text, figures as the strings the report prints.
"""

from __future__ import annotations

import io
from dataclasses import replace
from decimal import Decimal as D

import pytest
from conftest import changed, keys, loc, profil_loc, write_minimal_workbook
from docx import Document
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from test_report import body_lines

from lkip_docx import fmt
from lkip_docx.api import check_workbook, compute_workbook
from lkip_docx.build import render_report
from lkip_docx.compute.budget import flatten
from lkip_docx.compute.capaian import UNDEFINED_NOT_AVAILABLE
from lkip_docx.numbers import (
    DOWN,
    HALF_UP,
    HUNDRED,
    NA,
    ZERO,
    Rounding,
    is_not_available_text,
    keep_off_thresholds,
    round_to,
)
from lkip_docx.report import sentences as s
from lkip_docx.report.context import build_context
from lkip_docx.report.richtext import plain
from lkip_docx.summary import to_json_dict
from lkip_docx.workbook import contract as c

SETENGAH, BAWAH = c.PEMBULATAN_SETENGAH, c.PEMBULATAN_BAWAH


def results(tmp_path, name="lkip.xlsx", profil=None, **sheets):
    path = write_minimal_workbook(tmp_path / name, profil, **sheets)
    return compute_workbook(path).results


def iku_with(target, realisasi, **iku):
    """The minimal workbook's sheets with IKU1's report-year target and realisasi replaced."""
    return {"iku": changed("iku", 0, **iku),
            "target_iku": changed("target_iku", 0, target=target, realisasi=realisasi)}


# --- rounding modes and the guard: small pure functions on Decimal -------------------------------

percents = st.decimals(min_value=D("-50"), max_value=D("1000"), places=6)
rules = st.builds(Rounding, st.integers(min_value=0, max_value=2), st.sampled_from([HALF_UP, DOWN]))


@settings(max_examples=400, deadline=None)
@given(percents, rules)
def test_a_shown_percentage_is_100_or_0_only_when_exact(exact, rule):
    shown = rule.percent(exact)
    assert (shown == HUNDRED) == (exact == HUNDRED)
    assert (shown == ZERO) == (exact == ZERO)
    # on the same side of each threshold as the exact value
    for threshold in (ZERO, HUNDRED):
        assert (shown < threshold) == (exact < threshold)
        assert (shown > threshold) == (exact > threshold)
    # it carries exactly the rule's decimals, and is at most one step away
    assert shown.as_tuple().exponent == -rule.places
    assert abs(shown - exact) < D(1).scaleb(-rule.places)


@settings(max_examples=400, deadline=None)
@given(percents, st.integers(min_value=0, max_value=4))
def test_down_drops_digits_and_half_up_rounds_to_the_nearest(exact, places):
    step = D(1).scaleb(-places)
    down, up = round_to(exact, places, DOWN), round_to(exact, places, HALF_UP)
    assert abs(down) <= abs(exact) < abs(down) + step  # toward zero, never past it
    assert abs(up - exact) <= step / 2


@settings(max_examples=200, deadline=None)
@given(percents, rules)
def test_the_guard_changes_nothing_away_from_the_thresholds(exact, rule):
    rounded = round_to(exact, rule.places, rule.mode)
    assume(rounded not in (ZERO, HUNDRED))
    assert keep_off_thresholds(rounded, exact) == rounded == rule.percent(exact)


@pytest.mark.parametrize("exact, places, mode, shown", [
    (D("99.875"), 2, HALF_UP, "99,88%"), (D("99.875"), 1, HALF_UP, "99,9%"),
    (D("99.875"), 2, DOWN, "99,87%"), (D("99.875"), 1, DOWN, "99,8%"),  # 79,9 / 80
    (D(100) / 15 * 100, 2, DOWN, "666,66%"), (D(100) / 15 * 100, 2, HALF_UP, "666,67%"),
    (D("99.998"), 2, HALF_UP, "99,99%"), (D("99.998"), 1, HALF_UP, "99,9%"),
    (D("99.998"), 0, HALF_UP, "99%"), (D("99.998"), 2, DOWN, "99,99%"),
    (D("0.002"), 2, HALF_UP, "0,01%"), (D("0.002"), 0, DOWN, "1%"),
    (D("100.004"), 2, HALF_UP, "100,01%"), (D("100"), 0, HALF_UP, "100%"),
    (D("98.6"), 2, HALF_UP, "98,60%"), (D("98.6"), 0, HALF_UP, "99%"),
])
def test_printed_percentage_by_rule(exact, places, mode, shown):
    assert fmt.percent(Rounding(places, mode).percent(exact)) == shown


# --- the rule set in the workbook reaches tables, sentences and worked calculations --------------

# 79,9 / 80 = 99,875%; 100 / 15 = 666,67% (half up) or 666,66% (truncated).
@pytest.mark.parametrize("desimal, pembulatan, capaian", [
    (None, None, "99,88%"),  # blank: 2 decimals half up, as the reference
    (2, SETENGAH, "99,88%"), (1, SETENGAH, "99,9%"), (2, BAWAH, "99,87%"), (1, BAWAH, "99,8%"),
    (0, SETENGAH, "99%"),  # 100 by rounding, but 79,9 did not reach 80
    (0, BAWAH, "99%"),
])
def test_capaian_by_the_workbook_rule_in_table_and_sentence(tmp_path, desimal, pembulatan,
                                                            capaian):
    res = results(tmp_path, profil={"desimal_persen": desimal, "pembulatan": pembulatan},
                  **iku_with(D(80), D("79.9"), desimal=1))
    r = res.ikus[0]
    ctx = build_context(res)
    assert ctx["capaian"]["baris"][0]["capaian"] == capaian
    assert ctx["iku"][0]["capaian"] == capaian
    assert f"sebesar {capaian}, maka capaian atas" in s.iku_sentence(r, 2024)
    assert "**belum tercapai**" in s.iku_sentence(r, 2024)
    assert to_json_dict(res)["iku"][0]["capaian"]["persen"] == format(r.capaian.value, "f")


def test_truncation_as_agencies_print_it(tmp_path):
    res = results(tmp_path, profil={"pembulatan": BAWAH}, **iku_with(D(15), D(100), desimal=0))
    assert fmt.percent(res.ikus[0].capaian.value) == "666,66%"
    assert "Tingkat Capaian sebesar 666,66% (predikat" in s.ringkas_item(res.ikus[0])


def test_an_indicator_overrides_the_document_rule(tmp_path):
    # The document prints whole numbers; IKU1 one decimal truncated; IP1 follows the document.
    res = results(tmp_path, profil={"desimal_persen": 0},
                  **iku_with(D(80), D("79.9"), desimal=1, desimal_capaian=1, pembulatan=BAWAH))
    r = res.ikus[0]
    assert fmt.percent(r.capaian.value) == "99,8%"
    assert fmt.percent(r.indikator_program[0].capaian.value) == "111%"  # 4,45 / 4 = 111,25
    assert fmt.percent(res.total.realisasi_pct) == "96%"  # 134 / 140 = 95,71


def test_the_document_rule_reaches_the_worked_calculation(tmp_path):
    # (4,21 + 4,68) / 2 = 4,445: 4,45 half up, 4,44 truncated, in the steps and the figures.
    for pembulatan, nilai, capaian in ((SETENGAH, "4,45", "111,25%"), (BAWAH, "4,44", "111%")):
        res = results(tmp_path, f"{pembulatan}.xlsx", profil={"pembulatan": pembulatan})
        ipr = res.ikus[0].indikator_program[0]
        assert ipr.komposit[-1].langkah[-1] == nilai
        assert fmt.number(ipr.realisasi, 2) == nilai
        assert fmt.percent(ipr.capaian.value) == capaian


# Realisasi Rp65.038.490 of a pagu Rp65.040.000 is 99,9977%: never "100%" with "Efisiensi 0%".
@pytest.mark.parametrize("desimal, pembulatan, pct, efisiensi", [
    (None, None, "99,99%", "0,01%"), (1, SETENGAH, "99,9%", "0,1%"),
    (0, SETENGAH, "99%", "1%"), (2, BAWAH, "99,99%", "0,01%"),
])
def test_a_budget_almost_spent_is_not_shown_fully_spent(tmp_path, desimal, pembulatan, pct,
                                                        efisiensi):
    sub = changed("sub_kegiatan", 0, pagu_murni=D(65_040_000), pagu_perubahan=None,
                  realisasi=D(65_038_490))
    res = results(tmp_path, profil={"desimal_persen": desimal, "pembulatan": pembulatan},
                  sub_kegiatan=sub)
    line = res.programs[0].subs[0]
    assert (fmt.percent(line.realisasi_pct), fmt.percent(line.efisiensi)) == (pct, efisiensi)
    assert s.sub_kegiatan_sentence(line).endswith(
        f"Anggaran yang digunakan sebesar Rp.65.038.490.-, ({pct}), maka terdapat Efisiensi "
        f"Anggaran sebesar {efisiensi}.")
    row = build_context(res)["kelompok"][0]["baris"][2]
    assert (row["realisasi_pct"], row["efisiensi"]) == (pct, efisiensi)


def test_a_capaian_of_99_998_is_never_100_and_never_tercapai(tmp_path):
    # 99,998 / 100: a target of 100 (1 decimal kept on realisasi 99,998 -> Desimal 3)
    res = results(tmp_path, **iku_with(D(100), D("99.998"), desimal=3))
    r = res.ikus[0]
    assert fmt.percent(r.capaian.value) == "99,99%"
    assert s.status_capaian(r.capaian) == "belum tercapai"
    assert s.kesimpulan(res)[0].endswith("; 0 (nol) di antaranya mencapai atau melampaui target.")


# --- words that fit the indicator's direction ----------------------------------------------------

def turun_workbook(tmp_path, metode=c.METODE_TURUN_SELISIH, profil=None, **iku):
    """A ratio where lower is better: 17,0 in 2023, 17,9 (typed '1:17,9') in 2024 against 18,
    Renstra end target 17 in 2026."""
    return results(tmp_path, profil=profil,
                   iku=changed("iku", 0, metode=metode, kode_skala=None, satuan="Rasio",
                               nama="Rasio Murid per Guru", **iku),
                   target_iku=[
                       {"kode_iku": "IKU1", "tahun": 2023, "target": D(18), "realisasi": D(17)},
                       {"kode_iku": "IKU1", "tahun": 2024, "target": D(18), "realisasi": "1:17,9"},
                       {"kode_iku": "IKU1", "tahun": 2025, "target": D("17.5")},
                       {"kode_iku": "IKU1", "tahun": 2026, "target": D(17)}])


def test_lower_is_better_year_on_year_says_worse(tmp_path):
    r = turun_workbook(tmp_path).ikus[0]
    assert r.realisasi == D("17.90")  # the ratio as typed
    assert s.comparison_sentence(r, 2024) == (
        "Capaian Kinerja Tahun 2024 sebesar 100,56% menurun dibandingkan Tahun 2023 sebesar "
        "105,56%; Realisasi Tahun 2024 sebesar 17,90 meningkat (memburuk) dibandingkan Tahun 2023 "
        "sebesar 17,00.")


def test_lower_is_better_year_on_year_says_better(tmp_path):
    r = turun_workbook(tmp_path).ikus[0]
    lalu = replace(r.tahun_lalu, realisasi=D("18.40"))
    assert s.comparison_sentence(replace(r, tahun_lalu=lalu, tren_realisasi="turun",
                                         tren_capaian="tetap"), 2024) == (
        "Capaian Kinerja Tahun 2024 sebesar 100,56% sama dengan Tahun 2023; Realisasi Tahun 2024 "
        "sebesar 17,90 menurun (membaik) dibandingkan Tahun 2023 sebesar 18,40.")


def test_higher_is_better_year_on_year_wording_is_unchanged(tmp_path):
    r = results(tmp_path, target_iku=[
        {"kode_iku": "IKU1", "tahun": 2023, "target": D(4), "realisasi": D("4.1")},
        *changed("target_iku")]).ikus[0]
    assert s.comparison_sentence(r, 2024) == (
        "Capaian Kinerja Tahun 2024 sebesar 107,82% meningkat dibandingkan Tahun 2023 sebesar "
        "102,50%; Realisasi Tahun 2024 sebesar 4,41 meningkat dibandingkan Tahun 2023 sebesar "
        "4,10; Target Tahun 2024 sebesar 4,09, sedangkan Target Tahun 2023 sebesar 4,00.")


def test_lower_is_better_against_the_annual_target(tmp_path):
    r = turun_workbook(tmp_path).ikus[0]
    assert s.ringkas_item(r) == (
        "Rasio Murid per Guru, Realisasinya sebesar 17,90 di bawah (lebih baik dari) Target yang "
        "ditetapkan sebesar 18,00 dengan Tingkat Capaian sebesar 100,56%;")
    worse = replace(r, realisasi=D("18.50"))
    assert "sebesar 18,50 melebihi (lebih buruk dari) Target" in s.ringkas_item(worse)
    assert s.iku_sentence(r, 2024) == (
        "Berdasarkan Tabel di atas dapat dijelaskan bahwa Target *Rasio Murid per Guru* Tahun 2024 "
        "sebesar 18,00 dengan Realisasi 17,90, maka Capaian Kinerja Tahun 2024 atas *Rasio Murid "
        "per Guru* sebesar 100,56%, maka capaian atas *Rasio Murid per Guru* **telah "
        "terlampaui**.")


def test_lower_is_better_against_the_renstra_end_target(tmp_path):
    r = turun_workbook(tmp_path).ikus[0]
    assert s.renstra_sentence(r, 2024) == (
        "Realisasi Tahun 2024 sebesar 17,90 belum mencapai Target Akhir RENSTRA Tahun 2026 sebesar "
        "17,00 (makin rendah makin baik), dengan capaian 94,71%.")
    assert s.renstra_sentence(replace(r, tahun_akhir_renstra=2024), 2024) == (
        "Tahun 2024 merupakan tahun akhir RENSTRA, dengan Realisasi sebesar 17,90 belum mencapai "
        "Target Akhir RENSTRA sebesar 17,00 (makin rendah makin baik), dengan capaian 94,71%.")


def ratio_workbook(tmp_path, profil=None, **iku):
    """T/R capped at 100: target 3,00, realisasi 0,41 (731,71%); 2023: 0,50 of 3,00 (600%)."""
    return results(tmp_path, profil=profil,
                   iku=changed("iku", 0, metode=c.METODE_TURUN_RASIO, kode_skala=None,
                               batas_capaian=D(100), nama="Persentase Aduan", **iku),
                   target_iku=[
                       {"kode_iku": "IKU1", "tahun": 2023, "target": D(3), "realisasi": D("0.5")},
                       {"kode_iku": "IKU1", "tahun": 2024, "target": D(3), "realisasi": D("0.41")},
                       {"kode_iku": "IKU1", "tahun": 2025, "target": D(3)},
                       {"kode_iku": "IKU1", "tahun": 2026, "target": D(3)}])


def test_capped_lower_is_better_reads_exceeded_not_100_percent_of(tmp_path):
    r = ratio_workbook(tmp_path).ikus[0]
    assert (r.capaian.value, r.capaian.uncapped) == (D("100.00"), D("731.71"))
    assert s.status_capaian(r.capaian) == "telah terlampaui"
    assert s.iku_sentence(r, 2024).endswith("sebesar 100%, maka capaian atas *Persentase Aduan* "
                                            "**telah terlampaui**.")
    # was: "Realisasi Tahun 2024 sebesar 0,41 telah mencapai 100% dari Target Akhir RENSTRA ..."
    assert s.renstra_sentence(r, 2024) == (
        "Realisasi Tahun 2024 sebesar 0,41 telah melampaui Target Akhir RENSTRA Tahun 2026 sebesar "
        "3,00 (makin rendah makin baik), dengan capaian 100% (sebelum dibatasi 731,71%).")
    assert s.method_sentence(r.capaian, r.iku.batas_capaian) == (
        "Indikator ini bersifat menurun (makin rendah makin baik), sehingga capaian dihitung "
        "dengan rumus Capaian = Target / Realisasi x 100%. Capaian dibatasi paling tinggi 100% "
        "(capaian sebelum dibatasi 731,71%).")


def test_capped_higher_is_better_is_exceeded_too(tmp_path):
    res = results(tmp_path, iku=changed("iku", 0, batas_capaian=D(100)))
    r = res.ikus[0]
    assert "sebesar 100%, maka capaian atas *Indeks Layanan Publik Berbasis IT* **telah " \
           "terlampaui**" in s.iku_sentence(r, 2024)
    assert s.renstra_sentence(r, 2024) == (
        "Realisasi Tahun 2024 sebesar 4,41 telah melampaui Target Akhir RENSTRA Tahun 2026 sebesar "
        "4,30, dengan capaian 100% (sebelum dibatasi 102,56%).")
    assert "1 (satu) di antaranya mencapai atau melampaui" in s.kesimpulan(res)[0]


@pytest.mark.parametrize("tampil, shown", [(None, True), ("Ya", True), ("Tidak", False)])
def test_the_uncapped_figure_only_where_the_agency_wants_it(tmp_path, tampil, shown):
    res = ratio_workbook(tmp_path, profil={"capaian_sebelum_batas": tampil})
    ctx = build_context(res)["iku"][0]
    text = plain(ctx["kalimat_capaian"]) + plain(ctx["kalimat_renstra"])
    assert ("731,71%" in text) is shown
    assert "**telah terlampaui**" in s.iku_sentence(res.ikus[0], 2024)


@pytest.mark.parametrize("berlaku, tahun_lalu, renstra", [
    (None, "100%", "100%"),  # blank: every capaian, as before the setting
    (c.BATAS_SEMUA, "100%", "100%"),
    (c.BATAS_TAHUNAN, "100%", "731,71%"),
    (c.BATAS_TAHUN_INI, "600%", "731,71%"),
])
def test_which_capaian_the_cap_applies_to(tmp_path, berlaku, tahun_lalu, renstra):
    res = ratio_workbook(tmp_path, profil={"batas_capaian_berlaku": berlaku})
    r = res.ikus[0]
    assert fmt.percent(r.capaian.value) == "100%"  # the report year is always capped
    assert fmt.percent(r.riwayat[0].capaian.value) == tahun_lalu
    assert fmt.percent(r.capaian_akhir_renstra.value) == renstra
    tabel = build_context(res)["iku"][0]
    assert tabel["perbandingan"]["kolom"][0]["capaian"] == tahun_lalu
    assert tabel["renstra"]["capaian_akhir"] == renstra


# --- drafts: values not available ----------------------------------------------------------------

@pytest.mark.parametrize("text", ["n/a", "N/A", "na", "-", "belum tersedia", "Belum  Tersedia",
                                  "tidak tersedia", " Data belum tersedia "])
def test_not_available_markers(text):
    assert is_not_available_text(text)


@pytest.mark.parametrize("text", ["0", "", "n/a/", "belum", "nihil"])
def test_not_markers(text):
    assert not is_not_available_text(text)


def test_realisasi_not_yet_available_is_n_a_not_zero(tmp_path):
    res = results(tmp_path, target_iku=changed("target_iku", 0, realisasi="belum tersedia"))
    r = res.ikus[0]
    assert r.realisasi is NA and r.capaian.value is None
    assert r.capaian.undefined == UNDEFINED_NOT_AVAILABLE and r.predikat is None
    assert res.draf and res.n_tidak_tersedia == 1
    row = build_context(res)["capaian"]["baris"][0]
    assert (row["target"], row["realisasi"], row["capaian"], row["predikat"]) == (
        "4,09", "N/A", "N/A", "-")
    assert s.iku_sentence(r, 2024) == (
        "Berdasarkan Tabel di atas dapat dijelaskan bahwa Target *Indeks Layanan Publik Berbasis "
        "IT* Tahun 2024 sebesar 4,09, sedangkan Realisasi Tahun 2024 tidak tersedia, sehingga "
        "Capaian Kinerja Tahun 2024 atas *Indeks Layanan Publik Berbasis IT* **belum dapat "
        "diukur**.")
    assert s.ringkas_item(r) == (
        "Indeks Layanan Publik Berbasis IT, Realisasinya tidak tersedia dengan Target yang "
        "ditetapkan sebesar 4,09, sehingga Tingkat Capaian belum dapat diukur;")
    assert s.renstra_sentence(r, 2024) == (
        "Realisasi Tahun 2024 tidak tersedia, sehingga belum dapat dibandingkan dengan Target "
        "Akhir RENSTRA Tahun 2026 sebesar 4,30.")
    assert s.ikhtisar_iku(r) == (
        "**Indeks Layanan Publik Berbasis IT**: target 4,09, realisasi N/A, capaian N/A (belum "
        "dapat diukur).")
    assert s.kesimpulan(res)[0].endswith(
        "; 0 (nol) di antaranya mencapai atau melampaui target, 1 (satu) belum dapat diukur.")
    assert to_json_dict(res)["iku"][0]["realisasi"] is None
    assert to_json_dict(res)["draf"] is True


def test_earlier_years_not_available(tmp_path):
    r = results(tmp_path, target_iku=[
        {"kode_iku": "IKU1", "tahun": 2022, "target": "n/a", "realisasi": D("3.9")},
        {"kode_iku": "IKU1", "tahun": 2023, "target": D(4), "realisasi": "n/a"},
        *changed("target_iku")]).ikus[0]
    assert [(y.tahun, y.target, y.realisasi) for y in r.riwayat] == [
        (2022, NA, D("3.90")), (2023, D("4.00"), NA)]
    assert r.tahun_lalu.tahun == 2023 and r.tren_realisasi is None
    assert s.comparison_sentence(r, 2024) == (
        "Realisasi Tahun 2024 sebesar 4,41 dan Realisasi Tahun 2023 tidak tersedia, sehingga "
        "keduanya belum dapat dibandingkan; Target Tahun 2024 sebesar 4,09, sedangkan Target Tahun "
        "2023 sebesar 4,00.")


def test_an_index_component_not_available(tmp_path):
    res = results(tmp_path, komponen_indeks=changed("komponen_indeks", 1, nilai="belum tersedia"))
    ipr = res.ikus[0].indikator_program[0]
    assert ipr.realisasi is NA and ipr.capaian.undefined == UNDEFINED_NOT_AVAILABLE
    assert ipr.komposit[-1].langkah == ("N/A (Indeks Domain tidak tersedia)",)
    ctx = build_context(res)["iku"][0]["indikator_program"][0]
    assert (ctx["realisasi"], ctx["capaian"]) == ("N/A", "N/A")
    assert s.ip_sentence(ipr, 2024).startswith(
        "Indeks Layanan Aplikasi Tahun 2024 dengan Capaian Kinerja yang belum dapat diukur karena "
        "realisasinya tidak tersedia didukung oleh 1 (satu) Sub Kegiatan.")


def test_budget_sums_and_means_say_what_they_left_out(tmp_path):
    subs = [changed("sub_kegiatan")[0],
            dict(changed("sub_kegiatan")[1], realisasi="belum tersedia",
                 capaian_output="belum tersedia", realisasi_output="belum tersedia")]
    res = results(tmp_path, sub_kegiatan=subs)
    keg = res.programs[0].children[0]
    added = keg.children[1]
    assert (added.realisasi, added.realisasi_pct, added.efisiensi, added.capaian) == (NA,) * 4
    assert (keg.realisasi, keg.realisasi_na, keg.realisasi_pct, keg.efisiensi) == (
        D(85_000_000), 1, NA, NA)
    assert (keg.capaian, keg.capaian_na) == (D("100.00"), 1)
    rows = build_context(res)["kelompok"][0]["baris"]
    assert [(r["realisasi"], r["realisasi_pct"], r["efisiensi"], r["capaian"]) for r in rows] == [
        ("85.000.000 (tanpa 1 N/A)", "N/A", "N/A", "100% (tanpa 1 N/A)"),
        ("85.000.000 (tanpa 1 N/A)", "N/A", "N/A", "100% (tanpa 1 N/A)"),
        ("85.000.000", "94,44%", "5,56%", "100%"),
        ("N/A", "N/A", "N/A", "N/A"),
    ]
    assert s.sub_kegiatan_sentence(added) == (
        "Merupakan Penambahan Sub Kegiatan pada APBD-Perubahan dengan Pagu Anggaran sebesar "
        "Rp.50.000.000.-, Capaian Output belum dapat diukur karena realisasi Aplikasi Layanan "
        "tidak tersedia. Realisasi anggaran tidak tersedia.")
    assert s.efisiensi_sentence(res.ikus[0]) == (
        "Berdasarkan Tabel di atas terdapat 1 (satu) Program, 1 (satu) Kegiatan dan 2 (dua) Sub "
        "Kegiatan yang mendukung Pencapaian Indikator Sasaran *Indeks Layanan Publik Berbasis IT* "
        "dengan Pagu Anggaran sebesar Rp.140.000.000.- dan Realisasi Anggaran sebesar "
        "Rp.85.000.000.- (tidak termasuk 1 (satu) Sub Kegiatan yang realisasinya tidak tersedia), "
        "sehingga persentase realisasi dan efisiensi anggaran belum dapat dihitung, dengan Capaian "
        "Kinerja Indikator Sasaran sebesar 107,82%.")
    assert s.ikhtisar_anggaran(res).endswith(
        "realisasi Rp.85.000.000.- (tidak termasuk 1 (satu) Sub Kegiatan yang realisasinya tidak "
        "tersedia), sehingga efisiensi anggaran belum dapat dihitung.")
    line = to_json_dict(res)["anggaran"]["program"][0]
    assert (line["realisasi"], line["realisasi_persen"], line["realisasi_tidak_tersedia"]) == (
        "85000000", None, 1)


def test_only_an_output_not_available(tmp_path):
    subs = [dict(changed("sub_kegiatan")[0], realisasi_output="n/a"), changed("sub_kegiatan")[1]]
    line = flatten(list(results(tmp_path, sub_kegiatan=subs).programs))[2]
    assert s.sub_kegiatan_sentence(line) == (
        "Mengalami Perubahan Pagu Anggaran yang semula (*murni*) sebesar Rp.100.000.000.- menjadi "
        "Rp.90.000.000.- pada APBD-Perubahan, Capaian Output belum dapat diukur karena realisasi "
        "Dokumen Pengelolaan Domain tidak tersedia. Anggaran yang digunakan sebesar "
        "Rp.85.000.000.-, (94,44%), maka terdapat Efisiensi Anggaran sebesar 5,56%.")


@pytest.mark.parametrize("status, draf", [
    (None, False), (c.STATUS_OTOMATIS, False), (c.STATUS_DRAF, True), (c.STATUS_FINAL, False)])
def test_a_complete_workbook_is_a_draft_only_when_asked(tmp_path, status, draf):
    assert results(tmp_path, profil={"status_dokumen": status}).draf is draf


@pytest.mark.parametrize("status, draf", [
    (None, True), (c.STATUS_OTOMATIS, True), (c.STATUS_DRAF, True), (c.STATUS_FINAL, False)])
def test_a_workbook_with_a_missing_value_is_a_draft_unless_final(tmp_path, status, draf):
    res = results(tmp_path, profil={"status_dokumen": status},
                  target_iku=changed("target_iku", 0, realisasi="n/a"))
    assert res.draf is draf


def _header_text(doc) -> str:
    return " ".join(p.text for section in doc.sections for p in section.header.paragraphs)


def test_draft_report_says_not_available_everywhere(tmp_path):
    path = write_minimal_workbook(
        tmp_path / "lkip.xlsx", target_iku=changed("target_iku", 0, realisasi="belum tersedia"))
    result = check_workbook(path)
    assert keys(result.warnings) == {("value-not-available", loc("target_iku", "realisasi", 2)),
                                     ("draft-report", profil_loc("status_dokumen"))}
    data = render_report(compute_workbook(path).results)
    doc = Document(io.BytesIO(data))
    lines = body_lines(doc)
    cover = lines[:lines.index("KATA PENGANTAR")]
    assert "DRAF" in cover
    assert "DRAF - LKIP Diskominfostandi Kota Contoh Tahun 2024" in _header_text(doc)
    # Tabel 3.1: target, realisasi, capaian, predikat
    assert ("1 | Meningkatnya Layanan Publik Berbasis TI | 1 | Indeks Layanan Publik Berbasis IT | "
            "Indeks | 4,09 | N/A | N/A | -") in lines
    text = "\n".join(lines)
    assert "sedangkan Realisasi Tahun 2024 tidak tersedia" in text
    assert " 0%" not in text and "| 0 |" not in text


def test_a_complete_report_has_no_draft_mark(tmp_path):
    path = write_minimal_workbook(tmp_path / "lkip.xlsx")
    doc = Document(io.BytesIO(render_report(compute_workbook(path).results)))
    lines = body_lines(doc)
    assert "DRAF" not in lines[:lines.index("KATA PENGANTAR")]
    assert "DRAF" not in _header_text(doc)


# --- ratios --------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, value", [("1:17,9", D("17.9")), ("1 : 17,9", D("17.9")),
                                          ("17,9:1", D("17.9")), ("1:1", D(1))])
def test_a_ratio_is_read_as_its_value(tmp_path, typed, value):
    res = check_workbook(write_minimal_workbook(
        tmp_path / "lkip.xlsx", target_iku=changed("target_iku", 0, realisasi=typed)))
    assert res.workbook.target_iku[0].realisasi == value


def test_a_ratio_that_is_not_one_to_x_is_refused(tmp_path):
    res = check_workbook(write_minimal_workbook(
        tmp_path / "lkip.xlsx", target_iku=changed("target_iku", 0, realisasi="2:5")))
    assert keys(res.problems) == {("not-a-number", loc("target_iku", "realisasi", 2))}
    assert "1:x" in res.problems[0].message


# --- predikat scales as regulations print them ---------------------------------------------------

def _band(bawah, bawah_inklusif, atas, atas_inklusif, predikat):
    return {"kode": "PERDA", "nama": "Skala Perda", "bawah": bawah,
            "bawah_inklusif": bawah_inklusif, "atas": atas, "atas_inklusif": atas_inklusif,
            "predikat": predikat}


# ">91 - 100" AA, ">85 - 90" A, "<85" B: nothing above 100, 90-91 and 85 in no band.
PERDA = [_band(D(91), "Tidak", D(100), "Ya", "AA"), _band(D(85), "Tidak", D(90), "Ya", "A"),
         _band(None, "Ya", D(85), "Tidak", "B")]


def test_gapped_scale_from_a_regulation_is_a_warning_naming_each_gap(tmp_path):
    result = check_workbook(write_minimal_workbook(
        tmp_path / "lkip.xlsx", skala=PERDA,
        iku=changed("iku", 0, kode_skala="PERDA", dasar_predikat=c.DASAR_CAPAIAN)))
    assert result.ok
    gaps = sorted(p.message for p in result.problems if p.code == "scale-gap")
    assert gaps == ["skala PERDA: kelas 'A' dan 'AA' berlubang: nilai 90 - 91 tidak masuk kelas "
                    "mana pun",
                    "skala PERDA: kelas 'B' dan 'A' berlubang: nilai 85 tidak masuk kelas mana "
                    "pun"]
    assert all(not p.is_error for p in result.problems)


@pytest.mark.parametrize("target, realisasi, capaian, predikat", [
    (D("4.09"), D("4.41"), "107,82%", "AA"),  # above the top band: takes the top band
    (D("4.09"), D("4.09"), "100%", "AA"),  # the top band's own (inclusive) bound
    (D("4.09"), D("3.7"), "90,46%", None),  # in the gap 90 - 91
    (D(4), D("3.4"), "85%", None),  # on the single point no band holds
    (D("4.09"), D("3.48"), "85,09%", "A"),
    (D("4.09"), D("3.4"), "83,13%", "B"),
])
def test_gapped_scale_from_a_regulation_grades_values(tmp_path, target, realisasi, capaian,
                                                      predikat):
    res = check_workbook(write_minimal_workbook(
        tmp_path / "lkip.xlsx", skala=PERDA,
        iku=changed("iku", 0, kode_skala="PERDA", dasar_predikat=c.DASAR_CAPAIAN),
        target_iku=changed("target_iku", 0, target=target, realisasi=realisasi)))
    r = res.results.ikus[0]
    assert fmt.percent(r.capaian.value) == capaian
    assert (r.predikat.predikat if r.predikat else None) == predikat
    outside = ("value-outside-scale", loc("iku", "kode_skala", 2)) in keys(res.problems)
    assert outside is (predikat is None)
