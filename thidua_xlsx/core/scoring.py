"""Exact scoring (SPEC §4). Pure: ``Decimal`` in, ``Decimal`` out, no spreadsheet library.

* A leaf's points come from what the unit entered, by its method, rounded half-up to the
  campaign's step and kept within 0..max.
* A group's score is min(sum of its children, its max); sections likewise.
* Final = min(regular + bonus, total cap) − deductions, never below 0.
* Compose: several sectors' raw inputs for one leaf are combined first by the leaf's
  compose rule (sum, the highest, the average, or the lead sector's entry), then scored once.
* A verified score (*thẩm định*) entered by the upper level replaces the self score of its
  leaf; totals are recomputed from the leaves.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal, localcontext
from functools import lru_cache

from .model import Campaign, ComposeRule, Criterion, Method, SectionKind

__all__ = [
    "RawInput",
    "ScoreCard",
    "combine_inputs",
    "combine_parts",
    "compose",
    "leaf_points",
    "round_to_step",
    "score_card",
]

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)  # one per leaf and unit: 1.7 million for a country
class RawInput:
    """What a unit entered for one leaf criterion.

    ``amount`` is the points (``diem``, ``thuong``, ``tru`` without a rate), the count
    (``so_luong``, ``tru`` with a rate) or the result achieved (``ty_le``); ``met`` is the
    Đạt / Không đạt choice; ``target`` the unit's own target where the campaign leaves it blank.
    """

    amount: Decimal | None = None
    met: bool | None = None
    target: Decimal | None = None
    explanation: str = ""
    evidence: str = ""


@dataclass(frozen=True)
class ScoreCard:
    """Scores of one unit: every node, the parts of the total, self and final.

    ``final_nodes`` use the verified leaf scores where given; ``self_nodes`` never do.
    """

    self_nodes: Mapping[str, Decimal]
    final_nodes: Mapping[str, Decimal]
    regular: Decimal
    bonus: Decimal
    deduction: Decimal
    total: Decimal
    self_total: Decimal

    def section_scores(self, campaign: Campaign) -> dict[str, Decimal]:
        return {s.code: self.final_nodes[s.code] for s in campaign.sections}

    @property
    def verified_differences(self) -> dict[str, tuple[Decimal, Decimal]]:
        """Nodes whose final score differs from the self score: code → (self, final)."""
        return {
            code: (self.self_nodes[code], final)
            for code, final in self.final_nodes.items()
            if final != self.self_nodes[code]
        }


PRECISION = 40  # digits for a leaf's arithmetic: exact for every score a card can hold
_ONE = Decimal(1)


def round_to_step(value: Decimal, step: Decimal) -> Decimal:
    """Round half-up (away from zero for the non-negative scores we use) to a multiple of step."""
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return _round(value, step)


def _round(value: Decimal, step: Decimal) -> Decimal:
    """:func:`round_to_step` for a caller already working at ``PRECISION`` digits. A step
    that is a power of ten (0.01, 0.1, 1) is one quantize: the same value and exponent."""
    if _power_of_ten(step):
        return value.quantize(step, rounding=ROUND_HALF_UP)
    return (value / step).quantize(_ONE, rounding=ROUND_HALF_UP) * step


def leaf_points(criterion: Criterion, raw: RawInput, step: Decimal) -> Decimal:
    """Points for one leaf from what was entered, rounded to ``step``, within 0..max."""
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return _leaf_points(criterion, raw, step)


def _leaf_points(criterion: Criterion, raw: RawInput, step: Decimal) -> Decimal:
    """:func:`leaf_points` for a caller already working at ``PRECISION`` digits."""
    cap = criterion.max_points
    return _clamp_and_round(_unrounded(criterion, raw, cap), cap, step)


@lru_cache(maxsize=16)
def _power_of_ten(step: Decimal) -> bool:
    """Whether ``step`` is 10 to some power (asked once per step, not once per leaf)."""
    return step.as_tuple().digits == (1,)


def _clamp_and_round(points: Decimal, cap: Decimal, step: Decimal) -> Decimal:
    """Keep within 0..cap, then round (cap is a multiple of step, so the order is safe and no
    huge or infinite value ever reaches the rounding). At ``PRECISION`` digits."""
    if points.is_nan():
        return ZERO
    return _round(ZERO if points < ZERO else cap if points > cap else points, step)


def _positive(amount: Decimal | None) -> Decimal:
    """An entered amount as it counts: blank, negative or not a finite number counts as 0."""
    if amount is None or not amount.is_finite() or amount <= 0:
        return ZERO
    return amount


def _unrounded(criterion: Criterion, raw: RawInput, cap: Decimal) -> Decimal:
    method = criterion.method
    amount = _positive(raw.amount)
    if method is Method.DAT:
        return cap if raw.met else ZERO
    if method is Method.TY_LE:
        target = criterion.target if criterion.target is not None else raw.target
        if target is None or not target.is_finite() or target <= 0:
            return ZERO
        return cap * min(amount, target) / target
    rate = criterion.points_per_unit
    if method in (Method.SO_LUONG, Method.TRU) and rate is not None:
        return min(amount * rate, cap)
    if method is None:
        raise ValueError(f"criterion {criterion.code} is a group, not a leaf")
    return min(amount, cap)  # DIEM, THUONG, TRU without a rate


def combine_inputs(
    criterion: Criterion, entries: Mapping[str, RawInput], step: Decimal = Decimal("0.01")
) -> RawInput:
    """Combine the sectors' entries for one leaf by the leaf's compose rule (SPEC §4).

    ``entries`` maps each sector's code to what it entered, in the order the sectors are
    listed. The result is an input the parent's card can hold, scored once by the leaf's own
    rule:

    * sum (``cộng``): amounts, counts and results added, entered targets added, Đạt if any
      sector has Đạt, explanations and evidence joined; for a % result against the
      campaign's own target, the results summed against the targets summed, which is their
      average (rounded half-up to ``step``) against the one target;
    * the highest (``cao nhất``): the entry that scores most (the first one on a tie);
    * the average (``trung bình``): the average of the amounts given, and of the targets
      given, each rounded half-up to ``step``; Đạt if at least half of the answers are Đạt;
    * the lead (``chủ trì``): the lead sector's entry; when the lead entered nothing, the
      entry of the others that scores most.

    A negative or non-finite entry counts as 0, as it would for the sector alone: one sector
    cannot cancel another's work (the checks report such entries). Points (direct, bonus,
    deduction without a rate) are kept within the leaf's maximum: the cap is applied here,
    once, so the parent's card never shows more than the maximum.
    """
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return _combine(criterion, entries, step)


def _combine(criterion: Criterion, entries: Mapping[str, RawInput], step: Decimal) -> RawInput:
    rule = criterion.compose_rule
    raws = list(entries.values())
    fixed_target = criterion.method is Method.TY_LE and criterion.target is not None
    if rule is ComposeRule.SUM and fixed_target:
        # each sector's result against the campaign's one target: the results summed against
        # the targets summed is their average against the target
        combined = _averaged(raws, step)
    elif rule is ComposeRule.SUM:
        combined = _summed(raws)
    elif rule is ComposeRule.AVERAGE:
        combined = _averaged(raws, step)
    else:
        lead = criterion.lead_sector if rule is ComposeRule.LEAD else None
        chosen = entries.get(lead) if lead is not None else None
        if chosen is None or _is_blank(chosen):
            others = [raw for sector, raw in _lead_first(criterion, entries) if sector != lead]
            chosen = _best(criterion, others, step)
        combined = _cleaned(chosen) if chosen is not None else RawInput()
    return _within_cap(criterion, combined)


def _summed(raws: Sequence[RawInput]) -> RawInput:
    amounts = [_positive(r.amount) for r in raws if r.amount is not None]
    targets = [r.target for r in raws if r.target is not None]
    mets = [r.met for r in raws if r.met is not None]
    return RawInput(
        amount=sum(amounts, ZERO) if amounts else None,
        met=any(mets) if mets else None,
        target=sum(targets, ZERO) if targets else None,
        explanation=_joined(r.explanation for r in raws),
        evidence=_joined(r.evidence for r in raws),
    )


def _averaged(raws: Sequence[RawInput], step: Decimal) -> RawInput:
    amounts = [_positive(r.amount) for r in raws if r.amount is not None]
    targets = [r.target for r in raws if r.target is not None and r.target.is_finite()]
    mets = [r.met for r in raws if r.met is not None]
    return RawInput(
        amount=_mean(amounts, step),
        met=2 * sum(mets) >= len(mets) if mets else None,  # the average of 1/0, half-up
        target=_mean(targets, step),
        explanation=_joined(r.explanation for r in raws),
        evidence=_joined(r.evidence for r in raws),
    )


def _mean(values: Sequence[Decimal], step: Decimal) -> Decimal | None:
    """The average of several values, rounded half-up to ``step`` (a number the card can
    hold); one value is its own average, as it is."""
    if len(values) <= 1:
        return values[0] if values else None
    return _round(sum(values, ZERO) / len(values), step)


def _best(criterion: Criterion, raws: Sequence[RawInput], step: Decimal) -> RawInput | None:
    """The entry that scores most; on a tie an entry over a blank, then the first."""
    best: RawInput | None = None
    best_key: tuple[Decimal, bool] | None = None
    for raw in raws:
        key = (_leaf_points(criterion, raw, step), not _is_blank(raw))
        if best_key is None or key > best_key:
            best, best_key = raw, key
    return best


def _lead_first(
    criterion: Criterion, entries: Mapping[str, RawInput]
) -> list[tuple[str, RawInput]]:
    """The entries, the responsible sectors first in their listed order, then the others."""
    listed = [(s, entries[s]) for s in criterion.sectors if s in entries]
    return listed + [(s, raw) for s, raw in entries.items() if s not in criterion.sectors]


def _cleaned(raw: RawInput) -> RawInput:
    """One sector's entry as the parent's: a negative or non-finite amount counts as 0."""
    if raw.amount is None or raw.amount == _positive(raw.amount):
        return raw
    return replace(raw, amount=ZERO)


def _within_cap(criterion: Criterion, raw: RawInput) -> RawInput:
    """Points entered directly are kept within the leaf's maximum (counts and results are
    capped by the leaf's own rule when scored)."""
    method = criterion.method
    points = method in (Method.DIEM, Method.THUONG) or (
        method is Method.TRU and criterion.points_per_unit is None
    )
    if points and raw.amount is not None and raw.amount > criterion.max_points:
        return replace(raw, amount=criterion.max_points)
    return raw


def _is_blank(raw: RawInput) -> bool:
    return raw.amount is None and raw.met is None


def _joined(texts: Iterable[str]) -> str:
    return "; ".join(text for text in texts if text)


def score_card(
    campaign: Campaign,
    inputs: Mapping[str, RawInput],
    verified: Mapping[str, Decimal] | None = None,
) -> ScoreCard:
    """Score one unit. ``inputs`` and ``verified`` are keyed by leaf code; missing leaves
    score 0. Unknown codes, or codes of groups, raise ``KeyError`` (a programming error)."""
    leaves = campaign.leaf_map
    for code in [*inputs, *(verified or {})]:
        if code not in leaves:
            raise KeyError(f"not a leaf criterion of the campaign: {code}")
    step = campaign.rounding_step
    with localcontext() as ctx:  # one context for every leaf (sums below keep the caller's)
        ctx.prec = PRECISION
        self_leaves = {  # nothing entered scores 0 by every method
            code: _leaf_points(c, raw, step) if (raw := inputs.get(code)) is not None else ZERO
            for code, c in leaves.items()
        }
        final_leaves = dict(self_leaves) if verified else self_leaves
        for code, points in (verified or {}).items():
            final_leaves[code] = _clamp_and_round(points, leaves[code].max_points, step)
    self_nodes = _tree(campaign, self_leaves)
    final_nodes = _tree(campaign, final_leaves) if verified else self_nodes
    regular, bonus, deduction, total = _totals(campaign, final_nodes)
    self_total = total if final_nodes is self_nodes else _totals(campaign, self_nodes)[3]
    return ScoreCard(self_nodes, final_nodes, regular, bonus, deduction, total, self_total)


def compose(
    campaign: Campaign,
    parts: Mapping[str, Mapping[str, RawInput]],
    verified: Mapping[str, Decimal] | None = None,
) -> ScoreCard:
    """Score the parent from its sectors' raw inputs (sector code → leaf → input): combined
    per leaf by each leaf's compose rule, then scored once."""
    return score_card(campaign, combine_parts(campaign, parts), verified)


def combine_parts(
    campaign: Campaign, parts: Mapping[str, Mapping[str, RawInput]]
) -> dict[str, RawInput]:
    """The sectors' raw inputs combined per leaf (see :func:`combine_inputs`). A code that is
    not a leaf of the campaign raises ``KeyError`` (a programming error)."""
    gathered: dict[str, dict[str, RawInput]] = {}
    for sector, part in parts.items():
        for code, raw in part.items():
            gathered.setdefault(code, {})[sector] = raw
    leaves = campaign.leaf_map
    step = campaign.rounding_step
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return {code: _combine(leaves[code], raws, step) for code, raws in gathered.items()}


def _tree(campaign: Campaign, leaf_scores: Mapping[str, Decimal]) -> dict[str, Decimal]:
    nodes: dict[str, Decimal] = {}
    for code, children, cap in campaign.bottom_up:
        if children:
            total = sum(map(nodes.__getitem__, children), ZERO)
            nodes[code] = total if total <= cap else cap  # min(), without its call
        else:
            nodes[code] = leaf_scores[code]
    return nodes


_SECTION_KINDS = tuple(SectionKind)  # iterating the enum class itself is slow


def _totals(
    campaign: Campaign, nodes: Mapping[str, Decimal]
) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    parts = dict.fromkeys(_SECTION_KINDS, ZERO)
    for section in campaign.sections:
        parts[section.kind] += nodes[section.code]
    regular, bonus = parts[SectionKind.REGULAR], parts[SectionKind.BONUS]
    deduction = parts[SectionKind.DEDUCTION]
    total = max(min(regular + bonus, campaign.total_cap) - deduction, ZERO)
    return regular, bonus, deduction, total
