"""The list `lkip check` prints: complete, ordered, and without repeats."""

from __future__ import annotations

from conftest import changed

from lkip_docx.api import check_workbook


def test_two_missing_years_of_one_indicator_are_both_listed(make_workbook):
    # Both Renstra years after the report year left without a row: one warning per year, at the
    # same cell and with the same code. Listing only the first hid the second until the first
    # was fixed.
    path = make_workbook(target_iku=changed("target_iku")[:1])
    found = [p for p in check_workbook(path).problems if p.code == "renstra-target-missing"]
    assert len(found) == 2
    assert len({str(p.location) for p in found}) == 1
    assert "2025" in found[0].message and "2026" in found[1].message


def test_the_same_problem_twice_is_listed_once():
    from lkip_docx.build import sort_problems
    from lkip_docx.problems import error

    one = error("required-empty", "Realisasi wajib diisi", sheet="Sub Kegiatan", cell="F2")
    assert sort_problems([one, one]) == [one]
