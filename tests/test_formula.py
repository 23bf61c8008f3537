"""The composite-index formula language: parsing, safe evaluation and the worked calculation."""

from decimal import Decimal as D
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lkip_docx.compute import formula as f
from lkip_docx.compute.composite import show_step_number as show


def test_reference_iku1_worked_calculation():
    # LKIP 2024 Diskominfostandi Kota Bekasi, 3.2: {4,21+4,68+3,75+5} : 4 = 17,64 : 4 = 4,41
    tree = f.parse("{IP1 + IP2 + IP3 + IP4} : 4")
    worked = f.work(tree, {"IP1": D("4.21"), "IP2": D("4.68"), "IP3": D("3.75"), "IP4": D("5")}, 2,
                    show)
    assert worked.value == D("4.41")
    assert worked.steps == ("{4,21 + 4,68 + 3,75 + 5} : 4", "17,64 : 4", "4,41")


def test_mean_is_shown_as_sum_over_count_and_an_inner_bracket_keeps_two_more_decimals():
    # 3.2 computes (98,38 + 91,93 + 90,56) / 3 = 93,62 as a row of its own (rounded to its
    # Desimal); inside one formula the bracket keeps 4 decimals and the row result is rounded.
    tree = f.parse("RATA(S1; S2; S3) / 100 * 5")
    worked = f.work(tree, {"S1": D("98.38"), "S2": D("91.93"), "S3": D("90.56")}, 2, show)
    assert worked.steps[0] == "{(98,38 + 91,93 + 90,56) : 3} : 100 x 5"
    assert worked.steps[1] == "93,6233 : 100 x 5"
    assert worked.value == D("4.68")


@pytest.mark.parametrize("text, env, steps, value", [
    # a percentage written with brackets must not lose its decimals to an early rounding
    ("(A / B) * 100", {"A": D(1), "B": D(3)}, ("(1 : 3) x 100", "0,3333 x 100", "33,33"), "33.33"),
    ("RATA(1; 1; 0,5) * 100", {}, ("{(1 + 1 + 0,5) : 3} x 100", "0,8333 x 100", "83,33"), "83.33"),
    # a bracket that is the whole formula is the result: rounded to the row's decimals at once
    ("RATA(R1; R2; R3)", {"R1": D(1), "R2": D("0.97"), "R3": D("0.9")},
     ("(1 + 0,97 + 0,9) : 3", "0,96"), "0.96"),
    # inputs are shown as they are used, never rounded for display only
    ("A * 3", {"A": D("1.005")}, ("1,005 x 3", "3,02"), "3.02"),
])
def test_every_printed_number_is_the_number_used(text, env, steps, value):
    worked = f.work(f.parse(text), env, 2, show)
    assert worked.steps == steps
    assert worked.value == D(value)


@pytest.mark.parametrize("text", ["-" * 1000 + "A", "+".join(["1"] * 990),
                                  "(" * 60 + "1" + ")" * 60])
def test_absurd_formulas_are_refused_not_crashes(text):
    with pytest.raises(f.FormulaError) as exc:
        f.parse(text)
    assert "terlalu" in exc.value.message


def test_weighted_index_steps():
    tree = f.parse("((A*0,4)+(B*0,3)+(C*0,3))/100*5")
    worked = f.work(tree, {"A": D(100), "B": D(100), "C": D(100)}, 2, show)
    assert worked.steps == ("((100 x 0,4) + (100 x 0,3) + (100 x 0,3)) : 100 x 5",
                            "(40 + 30 + 30) : 100 x 5", "100 : 100 x 5", "5")
    assert worked.value == D(5)


def test_decimal_comma_and_point_and_functions():
    assert f.evaluate(f.parse("0,4 + 0.6"), {}) == D("1.0")
    assert f.evaluate(f.parse("JUMLAH(1; 2; 3)"), {}) == 6
    assert f.evaluate(f.parse("MIN(4; 2; 9) + MAX(1; 7)"), {}) == 9
    assert f.evaluate(f.parse("AVERAGE(1; 2)"), {}) == D("1.5")
    assert f.evaluate(f.parse("-(2 - 5) * 2"), {}) == 6
    assert f.evaluate(f.parse("IP1.C1 * 2"), {"IP1.C1": D("0.96")}) == D("1.92")


@pytest.mark.parametrize("text, fragment", [
    ("(A + B", "diharapkan ')'"),
    ("A +", "diharapkan angka"),
    ("A B", "diharapkan operator"),
    ("__import__('os')", "tidak dikenal"),
    ("A $ B", "karakter tidak dikenal"),
    ("", "rumus kosong"),
    ("{A + B)", "diharapkan '}'"),
])
def test_syntax_errors_are_indonesian_and_never_evaluate(text, fragment):
    with pytest.raises(f.FormulaError) as exc:
        f.parse(text)
    assert fragment in exc.value.message


def test_division_by_zero_and_unknown_names_raise_formula_errors():
    with pytest.raises(f.FormulaError) as exc:
        f.evaluate(f.parse("A / (B - B)"), {"A": D(1), "B": D(2)})
    assert exc.value.code == "division-by-zero"
    with pytest.raises(f.FormulaError) as exc:
        f.evaluate(f.parse("A + Z"), {"A": D(1)})
    assert exc.value.code == "unknown-reference"


def test_render_with_names():
    tree = f.parse("(A + B) / 2")
    assert f.render(tree, show, {"A": "Nilai A", "B": "Nilai B"}.get) == "(Nilai A + Nilai B) : 2"


def test_names_in_order_of_appearance():
    assert f.names(f.parse("B + A * RATA(C; B)")) == ["B", "A", "C"]


# --- properties --------------------------------------------------------------------------------

small = st.integers(min_value=-50, max_value=50)


@st.composite
def expressions(draw, depth=3):
    """(formula text, exact value as Fraction) pairs built from integers and + - * ( )."""
    if depth == 0 or draw(st.booleans()):
        n = draw(small)
        return (str(n) if n >= 0 else f"({n})"), Fraction(n)
    left = draw(expressions(depth=depth - 1))
    right = draw(expressions(depth=depth - 1))
    op = draw(st.sampled_from("+-*"))
    value = {"+": left[1] + right[1], "-": left[1] - right[1], "*": left[1] * right[1]}[op]
    return f"({left[0]} {op} {right[0]})", value


@settings(max_examples=200, deadline=None)
@given(expressions())
def test_evaluation_matches_exact_arithmetic(pair):
    text, value = pair
    assert Fraction(f.evaluate(f.parse(text), {})) == value


@settings(max_examples=200, deadline=None)
@given(expressions())
def test_worked_steps_end_in_the_value_and_redo_exactly(pair):
    text, value = pair
    worked = f.work(f.parse(text), {}, 2, show)
    # integer arithmetic: no rounding anywhere, so the worked value is the exact value
    assert Fraction(worked.value) == value
    assert worked.steps[-1] == show(worked.value)
    # every printed step is itself a formula giving the same value
    for step in worked.steps:
        reparsed = f.parse(step.replace(".", "").replace(" x ", " * "))
        assert Fraction(f.evaluate(reparsed, {})) == value
