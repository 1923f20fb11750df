"""Property tests of the scoring arithmetic (SPEC §4) on random campaigns and random inputs.

Campaigns are random trees built with ``link_criteria``: 1–3 regular sections, an optional
bonus section of ``thuong`` leaves and an optional deduction section of ``tru`` leaves; every
max is a positive multiple of the random rounding step, so every score must be one too.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

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
    PRECISION,
    RawInput,
    ScoreCard,
    combine_inputs,
    compose,
    leaf_points,
    round_to_step,
    score_card,
)

D = Decimal
ZERO = D(0)
STEPS = (D("0.01"), D("0.1"), D("0.25"), D("0.5"), D("1"))
REGULAR_METHODS = (Method.DIEM, Method.DAT, Method.TY_LE, Method.SO_LUONG)
INFO = CampaignInfo(campaign_id="prop", title="Property campaign")
FAST = settings(max_examples=150, deadline=None)

# Amounts run from negative to far over any cap (leaf caps stay at or below 12 points), with
# extra weight near the caps and on exact half-steps, so partial scores and ties are common.
HALF_STEPS = st.builds(
    lambda k, step: (k + D("0.5")) * step, st.integers(0, 40), st.sampled_from(STEPS)
)
NON_NEGATIVE = (
    st.decimals(min_value=0, max_value=300, places=3)
    | st.decimals(min_value=0, max_value=15, places=3)
    | HALF_STEPS
)
AMOUNTS = st.decimals(min_value=-20, max_value=300, places=3) | NON_NEGATIVE
POSITIVE = st.decimals(min_value=D("0.001"), max_value=60, places=3)
RATES = st.decimals(min_value=D("0.001"), max_value=8, places=3)


def multiple_of(step: Decimal, most: Decimal) -> st.SearchStrategy[Decimal]:
    """A positive multiple of ``step`` up to about ``most``."""
    top = max(int(most / step), 1)
    return st.integers(min_value=1, max_value=top).map(lambda k: step * k)


@st.composite
def campaigns(draw: st.DrawFn) -> Campaign:
    """A random campaign: sections of leaves and groups of leaves, caps on every node."""
    step = draw(st.sampled_from(STEPS))
    nodes: list[Criterion] = []

    def make_leaf(code: str, method: Method) -> tuple[Criterion, Decimal]:
        cap = draw(multiple_of(step, D(12)))
        target = rate = None
        if method is Method.TY_LE:
            target = draw(st.none() | POSITIVE)
        elif method is Method.SO_LUONG:
            rate = draw(RATES)
        elif method is Method.TRU:
            rate = draw(st.none() | RATES)
        node = Criterion(code, code, cap, method=method, target=target, points_per_unit=rate)
        return node, cap

    def capped(code: str, reachable: Decimal) -> Criterion:
        # below, at or above what the children can reach
        cap = draw(multiple_of(step, reachable + 5 * step))
        return Criterion(code, code, cap)

    def make_section(code: str, methods: tuple[Method, ...]) -> Decimal:
        below: list[Criterion] = []
        reachable = ZERO
        for i in range(1, draw(st.integers(1, 4)) + 1):
            child = f"{code}.{i}"
            if draw(st.booleans()):
                made, cap = make_leaf(child, draw(st.sampled_from(methods)))
                below.append(made)
                reachable += cap
                continue
            leaves = [
                make_leaf(f"{child}.{j}", draw(st.sampled_from(methods)))
                for j in range(1, draw(st.integers(1, 3)) + 1)
            ]
            group = capped(child, sum((cap for _, cap in leaves), ZERO))
            below += [group, *(made for made, _ in leaves)]
            reachable += group.max_points
        section = capped(code, reachable)
        nodes.extend([section, *below])
        return section.max_points

    addable = ZERO
    for code in ("I", "II", "III")[: draw(st.integers(1, 3))]:
        addable += make_section(code, REGULAR_METHODS)
    if draw(st.booleans()):
        addable += make_section("IV", (Method.THUONG,))
    if draw(st.booleans()):
        make_section("V", (Method.TRU,))
    total_cap = draw(multiple_of(step, addable + 10))
    return Campaign(
        info=INFO,
        criteria=link_criteria(nodes),
        units=(),
        total_cap=total_cap,
        rounding_step=step,
    )


def needs_target(criterion: Criterion) -> bool:
    """A ``ty_le`` leaf whose target the unit enters itself."""
    return criterion.method is Method.TY_LE and criterion.target is None


@st.composite
def inputs_for(
    draw: st.DrawFn, campaign: Campaign, *, non_negative: bool = False
) -> dict[str, RawInput]:
    """Random inputs for a random subset of the campaign's leaves. A ``ty_le`` leaf without a
    prefilled target gets an entered one; any other leaf may carry a target, to be ignored."""
    amounts = NON_NEGATIVE if non_negative else AMOUNTS
    inputs: dict[str, RawInput] = {}
    for criterion in campaign.leaves:
        if not draw(st.booleans()):
            continue
        inputs[criterion.code] = RawInput(
            amount=draw(st.none() | amounts),
            met=draw(st.sampled_from((True, False, None))),
            target=draw(POSITIVE if needs_target(criterion) else st.none() | POSITIVE),
        )
    return inputs


@st.composite
def campaign_and_inputs(draw: st.DrawFn) -> tuple[Campaign, dict[str, RawInput]]:
    """A random campaign with random inputs for it."""
    campaign = draw(campaigns())
    return campaign, draw(inputs_for(campaign))


@st.composite
def verified_for(draw: st.DrawFn, campaign: Campaign) -> dict[str, Decimal]:
    """Random verified scores (also negative and far over the caps) for some leaves."""
    codes = [c.code for c in campaign.leaves]
    chosen = draw(st.lists(st.sampled_from(codes), unique=True, max_size=len(codes)))
    return {code: draw(AMOUNTS) for code in chosen}


# --- an independent oracle, in exact rationals --------------------------------------------------


def half_up(value: Fraction, step: Decimal) -> Fraction:
    """Round a non-negative rational half-up to a multiple of ``step``."""
    unit = Fraction(step)
    return math.floor(value / unit + Fraction(1, 2)) * unit


def oracle_leaf(criterion: Criterion, raw: RawInput, step: Decimal) -> Fraction:
    """SPEC §4's rule for one leaf, computed with fractions, rounded, kept within 0..max."""
    cap = Fraction(criterion.max_points)
    amount = Fraction(raw.amount) if raw.amount is not None and raw.amount > 0 else Fraction(0)
    method = criterion.method
    if method is Method.DAT:
        points = cap if raw.met else Fraction(0)
    elif method is Method.TY_LE:
        target = criterion.target if criterion.target is not None else raw.target
        if target is None or target <= 0:
            points = Fraction(0)
        else:
            points = cap * min(amount / Fraction(target), Fraction(1))
    elif criterion.points_per_unit is not None:  # so_luong, tru with a penalty
        points = amount * Fraction(criterion.points_per_unit)
    else:  # diem, thuong, tru without a penalty
        points = amount
    return min(half_up(min(points, cap), step), cap)


# --- helpers for the structural checks --------------------------------------------------------


def assert_tree(campaign: Campaign, nodes: Mapping[str, Decimal]) -> None:
    """Leaves are multiples of the step within 0..max; groups are min(sum of children, max)."""
    step = campaign.rounding_step
    for criterion in campaign.criteria:
        score = nodes[criterion.code]
        assert isinstance(score, Decimal)
        assert ZERO <= score <= criterion.max_points, criterion.code
        assert score % step == 0, (criterion.code, score, step)
        if not criterion.is_leaf:
            children = sum((nodes[c] for c in criterion.children), ZERO)
            assert score == min(children, criterion.max_points), criterion.code


def expected_parts(
    campaign: Campaign, nodes: Mapping[str, Decimal]
) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    """Regular, bonus, deduction and total, summed independently from the section scores."""
    regular = sum((nodes[s.code] for s in campaign.sections if s.kind is SectionKind.REGULAR), ZERO)
    bonus = sum((nodes[s.code] for s in campaign.sections if s.kind is SectionKind.BONUS), ZERO)
    deduction = sum(
        (nodes[s.code] for s in campaign.sections if s.kind is SectionKind.DEDUCTION), ZERO
    )
    total = max(min(regular + bonus, campaign.total_cap) - deduction, ZERO)
    return regular, bonus, deduction, total


def assert_card(campaign: Campaign, card: ScoreCard) -> None:
    """Both trees are consistent and the totals are the exact sums of SPEC §4."""
    assert set(card.self_nodes) == set(card.final_nodes) == {c.code for c in campaign.criteria}
    assert_tree(campaign, card.self_nodes)
    assert_tree(campaign, card.final_nodes)
    assert (card.regular, card.bonus, card.deduction, card.total) == expected_parts(
        campaign, card.final_nodes
    )
    assert card.self_total == expected_parts(campaign, card.self_nodes)[3]
    assert ZERO <= card.total <= campaign.total_cap
    assert ZERO <= card.self_total <= campaign.total_cap


# --- the properties -----------------------------------------------------------------------------


@FAST
@given(campaign_and_inputs())
def test_nodes_within_caps_and_totals_exact(pair: tuple[Campaign, dict[str, RawInput]]) -> None:
    """(a)+(b) No node is negative or over its max; leaves are multiples of the step; groups
    are min(sum of children, max); regular/bonus/deduction/total are the exact sums."""
    campaign, inputs = pair
    kinds = {"IV": SectionKind.BONUS, "V": SectionKind.DEDUCTION}
    for section in campaign.sections:
        assert section.kind is kinds.get(section.code, SectionKind.REGULAR)
    card = score_card(campaign, inputs)
    assert_card(campaign, card)
    assert card.self_nodes == card.final_nodes
    assert card.total == card.self_total
    assert card.verified_differences == {}


@FAST
@given(campaign_and_inputs())
def test_leaf_scores_match_exact_oracle(pair: tuple[Campaign, dict[str, RawInput]]) -> None:
    """(b) Every leaf score equals SPEC §4's rule computed independently in exact fractions."""
    campaign, inputs = pair
    card = score_card(campaign, inputs)
    for criterion in campaign.leaves:
        raw = inputs.get(criterion.code, RawInput())
        expected = oracle_leaf(criterion, raw, campaign.rounding_step)
        assert Fraction(card.self_nodes[criterion.code]) == expected, (criterion, raw)


@st.composite
def raised_input(
    draw: st.DrawFn,
) -> tuple[Campaign, dict[str, RawInput], str, dict[str, RawInput]]:
    """A campaign, inputs, one leaf code and the inputs with that leaf's amount raised (or its
    Không đạt / blank turned into Đạt); targets unchanged."""
    campaign = draw(campaigns())
    inputs = draw(inputs_for(campaign))
    criterion = draw(st.sampled_from(campaign.leaves))
    old = inputs.get(criterion.code)
    if old is None:
        old = RawInput(target=draw(POSITIVE) if needs_target(criterion) else None)
        inputs[criterion.code] = old
    raise_by = draw(st.decimals(min_value=D("0.001"), max_value=100, places=3))
    start = old.amount if old.amount is not None else ZERO
    met = True if criterion.method is Method.DAT else old.met
    new = RawInput(amount=start + raise_by, met=met, target=old.target)
    return campaign, inputs, criterion.code, {**inputs, criterion.code: new}


@FAST
@given(raised_input())
def test_monotone_in_each_leaf(
    case: tuple[Campaign, dict[str, RawInput], str, dict[str, RawInput]],
) -> None:
    """(c) More of a regular or bonus leaf never lowers the total; more of a deduction leaf
    never raises it. The leaf and its section move the same way."""
    campaign, before, code, after = case
    low, high = score_card(campaign, before), score_card(campaign, after)
    section = campaign.section_of(code)
    assert high.self_nodes[code] >= low.self_nodes[code]
    assert high.self_nodes[section.code] >= low.self_nodes[section.code]
    if section.kind is SectionKind.DEDUCTION:
        assert high.total <= low.total
        assert high.deduction >= low.deduction
    else:
        assert high.total >= low.total
        assert high.regular + high.bonus >= low.regular + low.bonus


@st.composite
def campaign_inputs_verified(
    draw: st.DrawFn,
) -> tuple[Campaign, dict[str, RawInput], dict[str, Decimal]]:
    """A random campaign, random inputs and random verified scores."""
    campaign = draw(campaigns())
    return campaign, draw(inputs_for(campaign)), draw(verified_for(campaign))


@FAST
@given(campaign_inputs_verified())
def test_compose_of_one_sector_is_its_score_card(
    case: tuple[Campaign, dict[str, RawInput], dict[str, Decimal]],
) -> None:
    """(d) Composing a single sector (with or without an empty one) is scoring it directly."""
    campaign, inputs, verified = case
    assert compose(campaign, {"A": inputs}) == score_card(campaign, inputs)
    assert compose(campaign, {"A": inputs, "B": {}}) == score_card(campaign, inputs)
    assert compose(campaign, {"A": inputs}, verified) == score_card(campaign, inputs, verified)


@st.composite
def split_sector(
    draw: st.DrawFn,
) -> tuple[Campaign, dict[str, RawInput], dict[str, RawInput], dict[str, RawInput]]:
    """A campaign whose leaves are all composed by summing, one sector's non-negative inputs,
    and two parts whose amounts and entered targets sum to it, with Đạt in a part exactly
    when the whole is Đạt. (A % result against the campaign's own target is not split:
    summed with its target, it is averaged.)"""
    drawn = draw(campaigns())
    summed = tuple(replace(c, compose=ComposeRule.SUM) for c in drawn.criteria)
    campaign = replace(drawn, criteria=summed)
    whole = draw(inputs_for(campaign, non_negative=True))
    first: dict[str, RawInput] = {}
    second: dict[str, RawInput] = {}

    def split(value: Decimal | None) -> tuple[Decimal | None, Decimal | None]:
        if value is None:
            return None, None
        part = draw(st.decimals(min_value=0, max_value=value, places=3))
        return part, value - part

    for code, raw in whole.items():
        if campaign.criterion(code).method is Method.TY_LE and not needs_target(
            campaign.criterion(code)
        ):
            first[code] = raw
            continue
        amount_1, amount_2 = split(raw.amount)
        target_1, target_2 = split(raw.target)
        if raw.met is None:
            met_1 = met_2 = None
        elif raw.met:
            met_1, met_2 = True, draw(st.sampled_from((True, False, None)))
        else:
            met_1, met_2 = False, draw(st.sampled_from((False, None)))
        if draw(st.booleans()):
            met_1, met_2 = met_2, met_1
        first[code] = RawInput(amount=amount_1, met=met_1, target=target_1)
        second[code] = RawInput(amount=amount_2, met=met_2, target=target_2)
    return campaign, whole, first, second


@FAST
@given(split_sector())
def test_compose_of_split_sector_is_the_whole(
    case: tuple[Campaign, dict[str, RawInput], dict[str, RawInput], dict[str, RawInput]],
) -> None:
    """(e) Splitting a sector's amounts between two sectors does not change the composed card."""
    campaign, whole, first, second = case
    expected = score_card(campaign, whole)
    assert compose(campaign, {"A": first, "B": second}) == expected
    assert compose(campaign, {"A": second, "B": first}) == expected
    assert compose(campaign, {"A": whole}) == expected


@FAST
@given(campaign_inputs_verified())
def test_verified_scores_stay_within_caps(
    case: tuple[Campaign, dict[str, RawInput], dict[str, Decimal]],
) -> None:
    """(f) Verified scores, however wild, never push a node below 0 or over its cap; they
    replace exactly their leaves (rounded half-up, clamped) and leave the self scores alone."""
    campaign, inputs, verified = case
    card = score_card(campaign, inputs, verified)
    plain = score_card(campaign, inputs)
    assert_card(campaign, card)
    assert card.self_nodes == plain.self_nodes
    assert card.self_total == plain.total
    step = campaign.rounding_step
    for criterion in campaign.leaves:
        code = criterion.code
        if code in verified:
            clamped = min(
                max(Fraction(verified[code]), Fraction(0)), Fraction(criterion.max_points)
            )
            assert Fraction(card.final_nodes[code]) == min(
                half_up(clamped, step), Fraction(criterion.max_points)
            )
        else:
            assert card.final_nodes[code] == plain.final_nodes[code]
    for code, (mine, final) in card.verified_differences.items():
        assert mine == card.self_nodes[code] != final == card.final_nodes[code]
    changed = {c for c in card.final_nodes if card.final_nodes[c] != card.self_nodes[c]}
    assert set(card.verified_differences) == changed


@given(
    value=st.decimals(min_value=0, max_value=10**9, places=6, allow_nan=False),
    step=st.sampled_from((D("0.01"), D("0.1"), D("1"), D("1E-3"), D("0.25"), D("0.5"))),
)
def test_rounding_gives_the_value_and_the_exponent_of_the_step_formula(
    value: Decimal, step: Decimal
) -> None:
    """A power-of-ten step is rounded by one quantize: the same number, written the same way
    (exponent), as round(value / step) × step."""
    with localcontext() as ctx:
        ctx.prec = PRECISION
        formula = (value / step).quantize(D(1), rounding=ROUND_HALF_UP) * step
    rounded = round_to_step(value, step)
    assert rounded == formula
    assert rounded.as_tuple().exponent == formula.as_tuple().exponent


# --- compose rules (SPEC §4): sum, highest, average, lead -------------------------------------

SECTORS = ("S1", "S2", "S3", "S4")


@st.composite
def sector_entries(draw: st.DrawFn) -> tuple[Criterion, dict[str, RawInput], Decimal]:
    """One leaf of any method (sectors S1…S3 responsible, S1 the lead), the entries of a
    random subset of S1…S4 in a random order, and a rounding step."""
    step = draw(st.sampled_from(STEPS))
    method = draw(st.sampled_from(tuple(Method)))
    cap = draw(multiple_of(step, D(12)))
    target = draw(POSITIVE) if method is Method.TY_LE and draw(st.booleans()) else None
    rate = draw(RATES) if method in (Method.SO_LUONG, Method.TRU) and draw(st.booleans()) else None
    if method is Method.SO_LUONG and rate is None:
        rate = D(1)
    criterion = Criterion(
        "I.1", "I.1", cap, method=method, target=target, points_per_unit=rate, sectors=SECTORS[:3]
    )
    senders = draw(st.permutations(SECTORS).map(lambda p: p[: draw(st.integers(0, 4))]))
    entries = {
        s: RawInput(
            amount=draw(st.none() | AMOUNTS),
            met=draw(st.sampled_from((True, False, None))),
            target=draw(st.none() | POSITIVE),
        )
        for s in senders
    }
    return criterion, entries, step


def points(criterion: Criterion, raw: RawInput, step: Decimal) -> Fraction:
    return oracle_leaf(criterion, raw, step)


@FAST
@given(sector_entries())
def test_highest_scores_as_the_best_sector(
    case: tuple[Criterion, dict[str, RawInput], Decimal],
) -> None:
    """«Cao nhất»: the composed leaf scores what the best sector alone would score."""
    criterion, entries, step = case
    rule = replace(criterion, compose=ComposeRule.MAX)
    combined = combine_inputs(rule, entries, step)
    best = max((points(criterion, r, step) for r in entries.values()), default=Fraction(0))
    assert Fraction(leaf_points(criterion, combined, step)) == best


@FAST
@given(sector_entries())
def test_lead_or_else_the_best_of_the_others(
    case: tuple[Criterion, dict[str, RawInput], Decimal],
) -> None:
    """«Chủ trì»: the lead's entry when it entered something; else the others' best."""
    criterion, entries, step = case
    rule = replace(criterion, compose=ComposeRule.LEAD)
    got = Fraction(leaf_points(criterion, combine_inputs(rule, entries, step), step))
    lead = entries.get("S1")
    if lead is not None and (lead.amount is not None or lead.met is not None):
        assert got == points(criterion, lead, step)
    else:
        others = [points(criterion, r, step) for s, r in entries.items() if s != "S1"]
        assert got == max(others, default=Fraction(0))


@FAST
@given(sector_entries())
def test_average_is_rounded_half_up_to_the_step(
    case: tuple[Criterion, dict[str, RawInput], Decimal],
) -> None:
    """«Trung bình»: the mean of the amounts given (negatives as 0), rounded half-up to the
    step when there are several; it lies between the smallest and the largest."""
    criterion, entries, step = case
    rule = replace(criterion, compose=ComposeRule.AVERAGE)
    combined = combine_inputs(rule, entries, step)
    given_amounts = [
        max(Fraction(r.amount), Fraction(0)) for r in entries.values() if r.amount is not None
    ]
    if not given_amounts:
        assert combined.amount is None
        return
    assert combined.amount is not None
    mean = sum(given_amounts, Fraction(0)) / len(given_amounts)
    expected = mean if len(given_amounts) == 1 else half_up(mean, step)
    if criterion.method in (Method.DIEM, Method.THUONG) or (
        criterion.method is Method.TRU and criterion.points_per_unit is None
    ):
        expected = min(expected, Fraction(criterion.max_points))  # points: capped once
    assert Fraction(combined.amount) == expected
    low = min(min(given_amounts), Fraction(criterion.max_points))
    assert low - Fraction(step) / 2 <= Fraction(combined.amount)
    assert Fraction(combined.amount) <= max(given_amounts) + Fraction(step) / 2


@FAST
@given(sector_entries())
def test_default_rules_do_not_inflate_points(
    case: tuple[Criterion, dict[str, RawInput], Decimal],
) -> None:
    """By default, points each sector awards itself (direct, bonus, Đạt) never compose to
    more than the best sector scores alone; counts and deductions are summed."""
    criterion, entries, step = case
    combined = combine_inputs(criterion, entries, step)
    got = Fraction(leaf_points(criterion, combined, step))
    alone = [points(criterion, r, step) for r in entries.values()]
    if criterion.method in (Method.DIEM, Method.DAT, Method.THUONG):
        assert got <= max(alone, default=Fraction(0))
    elif criterion.method in (Method.SO_LUONG, Method.TRU):
        amounts = [max(r.amount, ZERO) for r in entries.values() if r.amount is not None]
        if amounts and all(a.is_finite() for a in amounts):
            assert combined.amount == min(
                sum(amounts, ZERO),
                criterion.max_points
                if criterion.method is Method.TRU and criterion.points_per_unit is None
                else sum(amounts, ZERO),
            )
