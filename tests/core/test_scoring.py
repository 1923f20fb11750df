"""Scoring rules of SPEC §4, table-driven: every method at its boundaries, then whole cards.

Every expected value is worked out by hand in the tables below, never by the code under test.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from thidua_xlsx.core.model import (
    Campaign,
    CampaignInfo,
    ComposeRule,
    Criterion,
    Method,
    SectionKind,
    link_criteria,
)
from thidua_xlsx.core.scoring import (
    RawInput,
    ScoreCard,
    combine_inputs,
    compose,
    leaf_points,
    round_to_step,
    score_card,
)

D = Decimal
INFO = CampaignInfo(campaign_id="test", title="Scoring tests")


def make_campaign(nodes: list[Criterion], cap: str = "1000", step: str = "0.01") -> Campaign:
    """A campaign of the given (unlinked) criteria, with no units."""
    return Campaign(
        info=INFO,
        criteria=link_criteria(nodes),
        units=(),
        total_cap=D(cap),
        rounding_step=D(step),
    )


def leaf(
    code: str,
    max_points: str,
    method: Method,
    *,
    target: str | None = None,
    rate: str | None = None,
) -> Criterion:
    """A leaf criterion; parent, children and kind are filled in by ``link_criteria``."""
    return Criterion(
        code=code,
        content=code,
        max_points=D(max_points),
        method=method,
        target=D(target) if target is not None else None,
        points_per_unit=D(rate) if rate is not None else None,
    )


def group(code: str, max_points: str) -> Criterion:
    """A group or section node (no method)."""
    return Criterion(code=code, content=code, max_points=D(max_points))


def raw(
    amount: str | None = None, *, met: bool | None = None, target: str | None = None
) -> RawInput:
    """A unit's input with the numbers given as strings (so they are exact)."""
    return RawInput(
        amount=D(amount) if amount is not None else None,
        met=met,
        target=D(target) if target is not None else None,
    )


def score_one(criterion: Criterion, given: RawInput, step: str) -> Decimal:
    """Score one leaf both directly and inside a one-leaf campaign; the two must agree."""
    direct = leaf_points(criterion, given, D(step))
    section = group("I", str(criterion.max_points))
    placed = Criterion(
        code="I.1",
        content="I.1",
        max_points=criterion.max_points,
        method=criterion.method,
        target=criterion.target,
        points_per_unit=criterion.points_per_unit,
    )
    card = score_card(make_campaign([section, placed], step=step), {"I.1": given})
    assert card.self_nodes["I.1"] == direct
    assert card.final_nodes["I.1"] == direct
    return direct


def assert_exact(actual: Decimal, expected: str) -> None:
    """Equal as numbers, and never a binary float sneaking in."""
    assert isinstance(actual, Decimal)
    assert actual == D(expected), f"{actual} != {expected}"


# --- rounding ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "step", "expected"),
    [
        ("5.005", "0.01", "5.01"),
        ("5.004", "0.01", "5.00"),
        ("5.0049999", "0.01", "5.00"),
        ("0.125", "0.01", "0.13"),
        ("7.25", "0.5", "7.5"),
        ("7.24", "0.5", "7.0"),
        ("7.75", "0.5", "8.0"),
        ("0.25", "0.5", "0.5"),
        ("0.2499", "0.5", "0"),
        ("1.125", "0.25", "1.25"),
        ("1.124", "0.25", "1.00"),
        ("0.05", "0.1", "0.1"),
        ("0.049", "0.1", "0"),
        ("2.5", "1", "3"),
        ("2.49", "1", "2"),
        ("0", "0.01", "0"),
    ],
)
def test_round_to_step_is_half_up(value: str, step: str, expected: str) -> None:
    """Rounding goes half-up to a multiple of the campaign step (ties away from zero)."""
    assert_exact(round_to_step(D(value), D(step)), expected)


# --- one method at a time ----------------------------------------------------------------------

DIEM_CASES = [
    # (max, step, entered, expected)
    ("10", "0.01", None, "0"),
    ("10", "0.01", "0", "0"),
    ("10", "0.01", "10", "10"),
    ("10", "0.01", "10.01", "10"),
    ("10", "0.01", "250", "10"),
    ("10", "0.01", "-1", "0"),
    ("10", "0.01", "-0.004", "0"),
    ("10", "0.01", "5.005", "5.01"),
    ("10", "0.01", "5.004", "5.00"),
    ("10", "0.01", "9.995", "10"),
    ("10", "0.01", "0.004", "0"),
    ("10", "0.01", "0.005", "0.01"),
    ("10", "0.5", "7.25", "7.5"),
    ("10", "0.5", "7.24", "7.0"),
    ("10", "0.5", "9.9", "10"),
    ("10", "1", "9.5", "10"),
    ("10", "1", "9.49", "9"),
    ("2.5", "0.25", "2.375", "2.5"),
    ("2.5", "0.25", "2.374", "2.25"),
]


@pytest.mark.parametrize(("max_points", "step", "entered", "expected"), DIEM_CASES)
def test_diem(max_points: str, step: str, entered: str | None, expected: str) -> None:
    """``diem``: points as entered, rounded half-up to the step, kept within 0..max."""
    criterion = leaf("X", max_points, Method.DIEM)
    assert_exact(score_one(criterion, raw(entered), step), expected)


@pytest.mark.parametrize(
    ("met", "amount", "expected"),
    [
        (True, None, "5"),
        (False, None, "0"),
        (None, None, "0"),
        (None, "5", "0"),  # a number typed in the wrong column does not make it Đạt
        (False, "5", "0"),
        (True, "0", "5"),
    ],
)
def test_dat(met: bool | None, amount: str | None, expected: str) -> None:
    """``dat``: Đạt earns the max, Không đạt or nothing earns 0."""
    criterion = leaf("X", "5", Method.DAT)
    assert_exact(score_one(criterion, raw(amount, met=met), "0.01"), expected)


TY_LE_CASES = [
    # (max, prefilled target, result, entered target, step, expected)
    ("20", "30", "0", None, "0.01", "0"),
    ("20", "30", None, None, "0.01", "0"),
    ("20", "30", "-5", None, "0.01", "0"),
    ("20", "30", "30", None, "0.01", "20"),
    ("20", "30", "45", None, "0.01", "20"),  # over target: capped at max
    ("20", "30", "29.999", None, "0.01", "20.00"),  # 19.99933… → 20.00
    ("20", "30", "10", None, "0.01", "6.67"),  # 1/3 of target: 6.666…
    ("20", "30", "20", None, "0.01", "13.33"),  # 2/3 of target: 13.333…
    ("20", "30", "15", None, "0.01", "10"),
    ("1", "8", "1", None, "0.01", "0.13"),  # 0.125 is a tie → up
    ("1", "8", "3", None, "0.01", "0.38"),  # 0.375 → 0.38
    ("10", "3", "1", None, "0.5", "3.5"),  # 3.333… → 3.5
    ("10", "8", "1", None, "0.25", "1.25"),  # 1.25 exactly
    ("10", "16", "1", None, "0.25", "0.75"),  # 0.625 is a tie at 0.25 → 0.75
    # the unit enters its own target where the campaign leaves it blank
    ("20", None, "15", "30", "0.01", "10"),
    ("20", None, "10", "30", "0.01", "6.67"),
    ("20", None, "40", "30", "0.01", "20"),
    ("20", None, "15", None, "0.01", "0"),  # no target anywhere
    ("20", None, "15", "0", "0.01", "0"),  # target 0
    ("20", None, "15", "-30", "0.01", "0"),  # a negative target is no target
    ("20", "0", "15", None, "0.01", "0"),  # prefilled 0
    # a prefilled target is the campaign's: the unit cannot override it
    ("20", "30", "30", "60", "0.01", "20"),
    ("20", "30", "15", "15", "0.01", "10"),
]


@pytest.mark.parametrize(
    ("max_points", "target", "result", "entered_target", "step", "expected"), TY_LE_CASES
)
def test_ty_le(
    max_points: str,
    target: str | None,
    result: str | None,
    entered_target: str | None,
    step: str,
    expected: str,
) -> None:
    """``ty_le``: max × min(result / target, 1), target prefilled or entered, missing/0 → 0."""
    criterion = leaf("X", max_points, Method.TY_LE, target=target)
    assert_exact(score_one(criterion, raw(result, target=entered_target), step), expected)


SO_LUONG_CASES = [
    # (max, rate, count, step, expected)
    ("10", "2", None, "0.01", "0"),
    ("10", "2", "0", "0.01", "0"),
    ("10", "2", "-3", "0.01", "0"),
    ("10", "2", "3", "0.01", "6"),  # under the cap
    ("10", "2", "5", "0.01", "10"),  # exactly at the cap
    ("10", "2", "6", "0.01", "10"),  # over the cap
    ("10", "2.5", "1", "0.01", "2.5"),
    ("10", "2.5", "3", "0.01", "7.5"),
    ("10", "2.5", "4", "0.01", "10"),  # at the cap
    ("10", "2.5", "5", "0.01", "10"),  # 12.5 → capped
    ("10", "2.5", "1.5", "0.01", "3.75"),
    ("10", "2.5", "3", "1", "8"),  # 7.5 is a tie at step 1 → 8
    ("10", "0.125", "3", "0.01", "0.38"),  # 0.375 → 0.38
    ("1", "0.3", "3", "0.5", "1"),  # 0.9 → 1.0, still within max 1
]


@pytest.mark.parametrize(("max_points", "rate", "count", "step", "expected"), SO_LUONG_CASES)
def test_so_luong(max_points: str, rate: str, count: str | None, step: str, expected: str) -> None:
    """``so_luong``: min(count × points per unit, max), rounded to the step."""
    criterion = leaf("X", max_points, Method.SO_LUONG, rate=rate)
    assert_exact(score_one(criterion, raw(count), step), expected)


@pytest.mark.parametrize(
    ("entered", "expected"),
    [
        (None, "0"),
        ("0", "0"),
        ("2.345", "2.35"),
        ("4.99", "4.99"),
        ("5", "5"),
        ("5.01", "5"),
        ("50", "5"),
        ("-3", "0"),
    ],
)
def test_thuong(entered: str | None, expected: str) -> None:
    """``thuong``: bonus points as entered, 0..max."""
    criterion = leaf("X", "5", Method.THUONG)
    assert_exact(score_one(criterion, raw(entered), "0.01"), expected)


TRU_CASES = [
    # (max, penalty per violation, entered, expected)
    ("10", "2", None, "0"),
    ("10", "2", "0", "0"),
    ("10", "2", "2", "4"),
    ("10", "2", "5", "10"),  # at the cap
    ("10", "2", "7", "10"),  # over the cap
    ("10", "2", "-1", "0"),
    ("10", "1.5", "3", "4.5"),
    ("10", "0.333", "3", "1.00"),  # 0.999 → 1.00
    # no penalty rate: the unit enters the points deducted
    ("10", None, "3", "3"),
    ("10", None, "10", "10"),
    ("10", None, "12", "10"),
    ("10", None, "1.005", "1.01"),
    ("10", None, "-2", "0"),
]


@pytest.mark.parametrize(("max_points", "rate", "entered", "expected"), TRU_CASES)
def test_tru(max_points: str, rate: str | None, entered: str | None, expected: str) -> None:
    """``tru``: min(count × penalty, max), or the points entered when there is no penalty."""
    criterion = leaf("X", max_points, Method.TRU, rate=rate)
    assert_exact(score_one(criterion, raw(entered), "0.01"), expected)


def test_leaf_points_rejects_a_group() -> None:
    """A node without a method is a group: asking for its leaf points is an error."""
    with pytest.raises(ValueError, match="group"):
        leaf_points(group("I", "10"), RawInput(amount=D(1)), D("0.01"))


# --- the tree: groups, sections and the total ------------------------------------------------


def tree_campaign(cap: str = "1000") -> Campaign:
    """I (20) = I.1 (10) = {I.1.a diem 10, I.1.b diem 10} + I.2 diem 15."""
    return make_campaign(
        [
            group("I", "20"),
            group("I.1", "10"),
            leaf("I.1.a", "10", Method.DIEM),
            leaf("I.1.b", "10", Method.DIEM),
            leaf("I.2", "15", Method.DIEM),
        ],
        cap=cap,
    )


@pytest.mark.parametrize(
    ("a", "b", "c", "group_score", "section_score"),
    [
        ("3", "4", "5", "7", "12"),  # nothing capped
        ("8", "8", "5", "10", "15"),  # group capped: 16 → 10
        ("5", "5", "10", "10", "20"),  # group exactly at max, section exactly at max
        ("8", "8", "12", "10", "20"),  # group 16 → 10, section 22 → 20
        ("0", "0", "15", "0", "15"),
        (None, None, None, "0", "0"),  # nothing entered
    ],
)
def test_group_is_min_of_children_sum_and_max(
    a: str | None, b: str | None, c: str | None, group_score: str, section_score: str
) -> None:
    """A group's and a section's score is min(sum of children, own max)."""
    campaign = tree_campaign()
    entered = {"I.1.a": a, "I.1.b": b, "I.2": c}
    inputs = {code: raw(v) for code, v in entered.items() if v is not None}
    card = score_card(campaign, inputs)
    assert_exact(card.final_nodes["I.1"], group_score)
    assert_exact(card.final_nodes["I"], section_score)
    assert_exact(card.regular, section_score)
    assert_exact(card.total, section_score)
    assert card.self_nodes == card.final_nodes
    assert card.section_scores(campaign) == {"I": D(section_score)}


def full_campaign(cap: str) -> Campaign:
    """I regular (180), IV bonus (20) of two thuong leaves, V deduction (20) of two tru leaves."""
    return make_campaign(
        [
            group("I", "180"),
            leaf("I.1", "180", Method.DIEM),
            group("IV", "20"),
            leaf("IV.1", "15", Method.THUONG),
            leaf("IV.2", "15", Method.THUONG),
            group("V", "20"),
            leaf("V.1", "20", Method.TRU, rate="2"),
            leaf("V.2", "20", Method.TRU),
        ],
        cap=cap,
    )


def test_section_kinds_follow_their_leaves() -> None:
    """``link_criteria`` marks the thuong section as bonus and the tru section as deduction."""
    campaign = full_campaign("200")
    kinds = {s.code: s.kind for s in campaign.sections}
    assert kinds == {
        "I": SectionKind.REGULAR,
        "IV": SectionKind.BONUS,
        "V": SectionKind.DEDUCTION,
    }


FULL_CASES = [
    # (cap, I.1, IV.1, IV.2, V.1 count, V.2 points, regular, bonus, deduction, total)
    ("200", "100", "5", "6", None, None, "100", "11", "0", "111"),
    ("200", "100", "12", "13", None, None, "100", "20", "0", "120"),  # bonus 25 → 20
    ("200", "100", "15", "15", None, None, "100", "20", "0", "120"),
    ("200", "100", None, None, "3", "7", "100", "0", "13", "87"),
    ("200", "100", None, None, "6", "9", "100", "0", "20", "80"),  # deduction 21 → 20
    ("200", "100", None, None, "15", None, "100", "0", "20", "80"),  # leaf 30 → 20
    # the total cap applies to regular + bonus, before deductions
    ("190", "180", "10", "10", None, None, "180", "20", "0", "190"),
    ("190", "180", "10", "10", "1", "3", "180", "20", "5", "185"),
    ("190", "180", "10", "10", "10", None, "180", "20", "20", "170"),
    ("190", "170", "10", "10", "2", "1", "170", "20", "5", "185"),  # exactly at the cap
    ("190", "160", "10", "10", "2", "1", "160", "20", "5", "175"),  # under the cap
    # never below zero
    ("200", "3", None, None, "5", None, "3", "0", "10", "0"),
    ("200", "10", None, None, "5", None, "10", "0", "10", "0"),  # exactly zero
    ("200", None, None, None, None, "20", "0", "0", "20", "0"),
]


@pytest.mark.parametrize(
    ("cap", "i1", "iv1", "iv2", "v1", "v2", "regular", "bonus", "deduction", "total"),
    FULL_CASES,
)
def test_totals(
    cap: str,
    i1: str | None,
    iv1: str | None,
    iv2: str | None,
    v1: str | None,
    v2: str | None,
    regular: str,
    bonus: str,
    deduction: str,
    total: str,
) -> None:
    """Bonus and deduction sections are capped by their own max; final = min(regular + bonus,
    cap) − deductions, never below 0."""
    campaign = full_campaign(cap)
    entered = {"I.1": i1, "IV.1": iv1, "IV.2": iv2, "V.1": v1, "V.2": v2}
    card = score_card(campaign, {code: raw(v) for code, v in entered.items() if v is not None})
    assert_exact(card.regular, regular)
    assert_exact(card.bonus, bonus)
    assert_exact(card.deduction, deduction)
    assert_exact(card.total, total)
    assert_exact(card.self_total, total)
    assert_exact(card.final_nodes["IV"], bonus)
    assert_exact(card.final_nodes["V"], deduction)


def test_missing_leaves_score_zero() -> None:
    """Leaves without an input score 0 and still appear among the nodes."""
    card = score_card(full_campaign("200"), {"I.1": raw("50")})
    assert set(card.final_nodes) == {"I", "I.1", "IV", "IV.1", "IV.2", "V", "V.1", "V.2"}
    assert card.final_nodes["IV.1"] == 0
    assert card.final_nodes["V.2"] == 0
    assert_exact(card.total, "50")


# --- verified scores (thẩm định) --------------------------------------------------------------

VERIFIED_CASES = [
    # (self inputs I.1.a, I.1.b, I.2; verified; final nodes; final total; differences)
    (
        ("6", "3", "5"),
        {"I.1.a": "8"},
        {"I.1.a": "8", "I.1.b": "3", "I.1": "10", "I.2": "5", "I": "15"},
        "15",
        {"I.1.a": ("6", "8"), "I.1": ("9", "10"), "I": ("14", "15")},
    ),
    (  # within the leaf max, but the section is capped: 21 → 20
        ("6", "3", "5"),
        {"I.2": "12"},
        {"I.1.a": "6", "I.1.b": "3", "I.1": "9", "I.2": "12", "I": "20"},
        "20",
        {"I.2": ("5", "12"), "I": ("14", "20")},
    ),
    (  # over the leaf max: capped at 15
        ("6", "3", "5"),
        {"I.2": "99"},
        {"I.1.a": "6", "I.1.b": "3", "I.1": "9", "I.2": "15", "I": "20"},
        "20",
        {"I.2": ("5", "15"), "I": ("14", "20")},
    ),
    (  # negative: floored at 0
        ("6", "3", "5"),
        {"I.2": "-3"},
        {"I.1.a": "6", "I.1.b": "3", "I.1": "9", "I.2": "0", "I": "9"},
        "9",
        {"I.2": ("5", "0"), "I": ("14", "9")},
    ),
    (  # rounded half-up to the step
        ("6", "3", "5"),
        {"I.2": "5.005"},
        {"I.1.a": "6", "I.1.b": "3", "I.1": "9", "I.2": "5.01", "I": "14.01"},
        "14.01",
        {"I.2": ("5", "5.01"), "I": ("14", "14.01")},
    ),
    (  # rounded down: the same as the self score, so no difference at all
        ("6", "3", "5"),
        {"I.2": "5.004"},
        {"I.1.a": "6", "I.1.b": "3", "I.1": "9", "I.2": "5", "I": "14"},
        "14",
        {},
    ),
    (  # the group stays capped: only the leaf differs
        ("9", "4", "5"),
        {"I.1.b": "2"},
        {"I.1.a": "9", "I.1.b": "2", "I.1": "10", "I.2": "5", "I": "15"},
        "15",
        {"I.1.b": ("4", "2")},
    ),
    (  # several leaves verified at once; verified zero for a leaf with no self input
        ("9", None, "5"),
        {"I.1.a": "0", "I.1.b": "0", "I.2": "3.5"},
        {"I.1.a": "0", "I.1.b": "0", "I.1": "0", "I.2": "3.5", "I": "3.5"},
        "3.5",
        {"I.1.a": ("9", "0"), "I.1": ("9", "0"), "I.2": ("5", "3.5"), "I": ("14", "3.5")},
    ),
]


@pytest.mark.parametrize(
    ("entered", "verified", "final_nodes", "total", "differences"), VERIFIED_CASES
)
def test_verified_scores_replace_self_scores(
    entered: tuple[str | None, str | None, str | None],
    verified: dict[str, str],
    final_nodes: dict[str, str],
    total: str,
    differences: dict[str, tuple[str, str]],
) -> None:
    """A verified score replaces its leaf's self score (capped to 0..max and rounded); totals
    follow it; the self score and self total are kept; the differences list the changed nodes."""
    campaign = tree_campaign(cap="1000")
    a, b, c = entered
    entered_map = {"I.1.a": a, "I.1.b": b, "I.2": c}
    inputs = {code: raw(v) for code, v in entered_map.items() if v is not None}
    plain = score_card(campaign, inputs)
    card = score_card(campaign, inputs, verified={k: D(v) for k, v in verified.items()})
    assert card.final_nodes == {k: D(v) for k, v in final_nodes.items()}
    assert card.self_nodes == plain.self_nodes
    assert_exact(card.total, total)
    assert_exact(card.regular, total)
    assert card.self_total == plain.total
    assert card.verified_differences == {k: (D(s), D(f)) for k, (s, f) in differences.items()}


def test_verified_deduction_lowers_the_total() -> None:
    """A verified deduction counts in the final total but not in the self total."""
    campaign = full_campaign("200")
    inputs = {"I.1": raw("100"), "V.1": raw("1")}
    card = score_card(campaign, inputs, verified={"V.1": D("9")})
    assert_exact(card.self_total, "98")
    assert_exact(card.deduction, "9")
    assert_exact(card.total, "91")
    assert card.verified_differences == {"V.1": (D(2), D(9)), "V": (D(2), D(9))}


# --- compose: sectors → parent ----------------------------------------------------------------


def leaf_of(
    code: str, max_points: str, method: Method, *, rule: ComposeRule | None = None, **kw: str
) -> Criterion:
    """A leaf scored by sectors A and B (A is the lead), with an optional compose rule."""
    return replace(leaf(code, max_points, method, **kw), sectors=("A", "B"), compose=rule)


def compose_campaign(rule: ComposeRule | None = None) -> Campaign:
    """One leaf of every method, so one composed card exercises all the combining rules."""
    return make_campaign(
        [
            group("I", "100"),
            leaf_of("I.1", "10", Method.DIEM, rule=rule),
            leaf_of("I.2", "5", Method.DAT, rule=rule),
            leaf_of("I.3", "20", Method.TY_LE, target="30", rule=rule),
            leaf_of("I.4", "20", Method.TY_LE, rule=rule),
            leaf_of("I.5", "10", Method.SO_LUONG, rate="2.5", rule=rule),
            group("IV", "10"),
            leaf_of("IV.1", "5", Method.THUONG, rule=rule),
            group("V", "10"),
            leaf_of("V.1", "10", Method.TRU, rate="2", rule=rule),
        ],
        cap="200",
    )


SECTOR_A = {
    "I.1": raw("3"),
    "I.2": raw(met=False),
    "I.3": raw("10"),
    "I.4": raw("5", target="20"),
    "I.5": raw("1"),
    "IV.1": raw("2"),
    "V.1": raw("1"),
}
SECTOR_B = {
    "I.1": raw("4.5"),
    "I.2": raw(met=True),
    "I.3": raw("12"),
    "I.4": raw("7", target="10"),
    "I.5": raw("2"),
    "IV.1": raw("4"),
    "V.1": raw("2"),
}
BOTH = {"A": SECTOR_A, "B": SECTOR_B}
# leaf → what each rule makes of A and B: default, sum, highest, average, lead
RULES = (None, ComposeRule.SUM, ComposeRule.MAX, ComposeRule.AVERAGE, ComposeRule.LEAD)
COMPOSED_LEAVES = {
    "I.1": ("3", "7.5", "4.5", "3.75", "3"),  # the lead A's 3; 3 + 4.5; B; (3 + 4.5) / 2
    "I.2": ("0", "5", "5", "5", "0"),  # A says Không đạt; B Đạt; half of the answers Đạt
    # results against the campaign's target 30: summed with their targets (30 + 30) is the
    # average 11 → 20 × 11 / 30 = 7.33; the highest is B's 12 → 8; the lead's 10 → 6.67
    "I.3": ("7.33", "7.33", "8", "7.33", "6.67"),
    # entered targets: summed 12 / 30 → 8; the highest scores B (7 / 10 → 14); the
    # average 6 / 15 → 8; the lead A's 5 / 20 → 5
    "I.4": ("8", "8", "14", "8", "5"),
    "I.5": ("7.5", "7.5", "5", "3.75", "2.5"),  # counts: 3 × 2.5; 2 × 2.5; 1.5 × 2.5; 1 × 2.5
    "IV.1": ("2", "5", "4", "3", "2"),  # 6 → capped at 5
    "V.1": ("6", "6", "4", "3", "2"),  # 3 × 2; 2 × 2; 1.5 × 2; 1 × 2
}


@pytest.mark.parametrize("index", range(len(RULES)), ids=[str(r) for r in RULES])
def test_compose_two_sectors_by_each_rule(index: int) -> None:
    """Each rule combines A's and B's entries as worked out by hand, then the leaf's own rule
    and the caps apply once."""
    card = compose(compose_campaign(RULES[index]), BOTH)
    for code, expected in COMPOSED_LEAVES.items():
        assert_exact(card.final_nodes[code], expected[index])


def test_compose_by_default_does_not_inflate() -> None:
    """The defaults: direct and bonus points and Đạt from the lead; counts, deductions and
    % results summed (with their targets)."""
    card = compose(compose_campaign(), BOTH)
    assert_exact(card.regular, "25.83")  # 3 + 0 + 7.33 + 8 + 7.5
    assert_exact(card.bonus, "2")
    assert_exact(card.deduction, "6")
    assert_exact(card.total, "21.83")


def test_three_sectors_at_three_and_a_half_make_three_and_a_half() -> None:
    """Three sectors each giving themselves 3.5 of 4 direct points: the ward gets 3.5 by
    default (not 10.5 capped to 4), and the combined entry is what the card shows."""
    campaign = make_campaign(
        [group("I", "4"), replace(leaf("I.1", "4", Method.DIEM), sectors=("X", "Y", "Z"))]
    )
    parts = {s: {"I.1": raw("3.5")} for s in ("X", "Y", "Z")}
    assert_exact(compose(campaign, parts).total, "3.5")
    summed = replace(campaign.criterion("I.1"), compose=ComposeRule.SUM)
    assert combine_inputs(summed, {s: p["I.1"] for s, p in parts.items()}).amount == D(4)


def test_compose_differs_from_summing_sector_scores() -> None:
    """Composing is not adding each sector's scores: the ty_le leaf with entered targets scores
    5 + 14 = 19 by sector but 8 composed."""
    campaign = compose_campaign()
    a = score_card(campaign, SECTOR_A).final_nodes["I.4"]
    b = score_card(campaign, SECTOR_B).final_nodes["I.4"]
    assert (a, b) == (D(5), D(14))
    assert compose(campaign, BOTH).final_nodes["I.4"] == D(8)


@pytest.mark.parametrize(
    ("mets", "expected"),
    [
        ((True, False), "5"),
        ((False, True), "0"),  # the lead said Không đạt
        ((None, True), "5"),  # the lead said nothing: the other's Đạt
        ((False, False), "0"),
        ((False, None), "0"),
        ((None, None), "0"),
    ],
)
def test_compose_dat_from_the_lead(mets: tuple[bool | None, bool | None], expected: str) -> None:
    """A composed ``dat`` leaf takes the lead sector's answer, the other's when it has none."""
    parts = {s: {"I.2": raw(met=m)} for s, m in zip("AB", mets, strict=True)}
    assert_exact(compose(compose_campaign(), parts).final_nodes["I.2"], expected)


def test_compose_lead_missing_takes_the_best_of_the_others() -> None:
    """The lead sent nothing: the best of the others, the first listed on a tie."""
    criterion = replace(leaf("I.1", "10", Method.DIEM), sectors=("L", "P", "Q", "R"))
    given = {
        "R": RawInput(D(6), evidence="R"),
        "Q": RawInput(D(7), evidence="Q"),
        "P": RawInput(D(7), evidence="P"),
    }
    assert combine_inputs(criterion, given) == RawInput(D(7), evidence="P")
    assert combine_inputs(criterion, {**given, "L": RawInput(D(1))}) == RawInput(D(1))
    assert combine_inputs(criterion, {"L": RawInput(), "R": RawInput(D(2))}).amount == D(2)


def test_compose_single_sector_and_missing_leaves() -> None:
    """A leaf only one sector scores keeps that sector's input; a sector with nothing adds 0."""
    campaign = compose_campaign()
    card = compose(campaign, {"A": {"I.1": raw("4")}, "B": {}, "C": {"V.1": raw("1")}})
    assert_exact(card.final_nodes["I.1"], "4")
    assert_exact(card.final_nodes["V.1"], "2")
    assert_exact(card.total, "2")


def test_compose_passes_verified_scores() -> None:
    """Verified scores apply to the composed card like to a single unit's."""
    card = compose(compose_campaign(ComposeRule.SUM), BOTH, verified={"I.1": D("2")})
    assert_exact(card.final_nodes["I.1"], "2")
    assert_exact(card.self_nodes["I.1"], "7.5")
    assert_exact(card.self_total, "34.33")  # 7.5 + 5 + 7.33 + 8 + 7.5 + 5 − 6
    assert_exact(card.total, "28.83")  # 5.5 less


def test_combine_inputs_joins_text_and_sums_numbers() -> None:
    """Summing: explanations and evidence joined with '; ' (blanks skipped), numbers summed."""
    criterion = replace(leaf("I.1", "10", Method.TY_LE), compose=ComposeRule.SUM)
    combined = combine_inputs(
        criterion,
        {
            "CA": RawInput(amount=D("1.5"), target=D(10), explanation="Công an", evidence="QĐ 1"),
            "VP": RawInput(explanation="", evidence=""),
            "YT": RawInput(
                amount=D("2"), met=False, target=D(5), explanation="Y tế", evidence="BC 2"
            ),
        },
    )
    assert combined == RawInput(
        amount=D("3.5"),
        met=False,
        target=D(15),
        explanation="Công an; Y tế",
        evidence="QĐ 1; BC 2",
    )


@pytest.mark.parametrize("rule", list(ComposeRule))
def test_combine_inputs_of_nothing_is_empty(rule: ComposeRule) -> None:
    """No amounts, targets or choices anywhere: the combined input is blank, not zero."""
    criterion = replace(leaf("I.1", "10", Method.DIEM), sectors=("A",), compose=rule)
    assert combine_inputs(criterion, {"A": RawInput(), "B": RawInput()}) == RawInput()


# --- programming errors -------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["X", "I.9", "I", "I.1", "i.1.a", ""])
def test_unknown_or_group_code_in_inputs_raises(code: str) -> None:
    """Inputs keyed by anything but a leaf code are a programming error."""
    campaign = tree_campaign()
    with pytest.raises(KeyError):
        score_card(campaign, {code: raw("1")})
    with pytest.raises(KeyError):
        compose(campaign, {"A": {"I.2": raw("1")}, "B": {code: raw("1")}})


@pytest.mark.parametrize("code", ["X", "I", "I.1"])
def test_unknown_or_group_code_in_verified_raises(code: str) -> None:
    """Verified scores keyed by anything but a leaf code are a programming error too."""
    with pytest.raises(KeyError):
        score_card(tree_campaign(), {}, verified={code: D(1)})


def test_score_card_type() -> None:
    """``score_card`` returns a ``ScoreCard`` whose numbers are all ``Decimal``."""
    card = score_card(full_campaign("200"), {"I.1": raw("1")})
    assert isinstance(card, ScoreCard)
    numbers = [card.regular, card.bonus, card.deduction, card.total, card.self_total]
    assert all(isinstance(n, Decimal) for n in numbers)
    assert all(isinstance(n, Decimal) for n in card.final_nodes.values())


@pytest.mark.parametrize(
    ("verified", "amount", "expected"),
    [
        (Decimal("1e38"), None, Decimal(10)),
        (Decimal("Infinity"), None, Decimal(10)),
        (Decimal("-Infinity"), None, Decimal(0)),
        (Decimal("NaN"), None, Decimal(0)),
        (None, Decimal("NaN"), Decimal(0)),
        (None, Decimal("Infinity"), Decimal(0)),
        (None, Decimal("1e50"), Decimal(10)),
    ],
)
def test_huge_or_non_finite_numbers_are_capped_not_raised(
    verified: Decimal | None, amount: Decimal | None, expected: Decimal
) -> None:
    """Values that no spreadsheet should hold still give a score within 0..max."""
    campaign = Campaign(
        CampaignInfo("x", "x"),
        link_criteria(
            [Criterion("I", "I", Decimal(10)), Criterion("I.1", "I.1", Decimal(10), Method.DIEM)]
        ),
        (),
        total_cap=Decimal(10),
    )
    card = score_card(
        campaign,
        {"I.1": RawInput(amount=amount)} if amount is not None else {},
        verified={"I.1": verified} if verified is not None else None,
    )
    assert card.total == expected


def test_a_negative_entry_does_not_cancel_another_sectors_work() -> None:
    """Compose: one sector typing −5 leaves the other sector's 5 points intact."""
    campaign = Campaign(
        CampaignInfo("x", "x"),
        link_criteria(
            [Criterion("I", "I", Decimal(10)), Criterion("I.1", "I.1", Decimal(10), Method.DIEM)]
        ),
        (),
        total_cap=Decimal(10),
    )
    parts = {"A": {"I.1": RawInput(amount=Decimal(5))}, "B": {"I.1": RawInput(amount=Decimal(-5))}}
    assert compose(campaign, parts).total == Decimal(5)
    for rule in ComposeRule:
        summed = replace(campaign.criterion("I.1"), compose=rule)
        entries = {"A": RawInput(amount=Decimal(-5)), "B": RawInput(amount=Decimal(5))}
        assert combine_inputs(summed, entries).amount in (Decimal(0), Decimal("2.5"), Decimal(5))
