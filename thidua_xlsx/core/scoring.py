"""Exact scoring (SPEC §4). Pure: ``Decimal`` in, ``Decimal`` out, no spreadsheet library.

* A leaf's points come from what the unit entered, by its method, rounded half-up to the
  campaign's step and kept within 0..max.
* A group's score is min(sum of its children, its max); sections likewise.
* Final = min(regular + bonus, total cap) − deductions, never below 0.
* Compose: several sectors' raw inputs for one leaf are combined first (amounts, counts,
  results and entered targets summed; Đạt if any sector has Đạt), then scored once.
* A verified score (*thẩm định*) entered by the upper level replaces the self score of its
  leaf; totals are recomputed from the leaves.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from functools import lru_cache

from .model import Campaign, Criterion, Method, SectionKind

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


def combine_inputs(raws: Sequence[RawInput]) -> RawInput:
    """Combine several sectors' inputs for one leaf (compose, SPEC §4).

    A negative or non-finite entry counts as 0, as it would for the sector alone: one sector
    cannot cancel another's work (the checks report such entries).
    """
    amounts = [_positive(r.amount) for r in raws if r.amount is not None]
    targets = [r.target for r in raws if r.target is not None]
    mets = [r.met for r in raws if r.met is not None]
    return RawInput(
        amount=sum(amounts, ZERO) if amounts else None,
        met=any(mets) if mets else None,
        target=sum(targets, ZERO) if targets else None,
        explanation="; ".join(r.explanation for r in raws if r.explanation),
        evidence="; ".join(r.evidence for r in raws if r.evidence),
    )


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
    parts: Iterable[Mapping[str, RawInput]],
    verified: Mapping[str, Decimal] | None = None,
) -> ScoreCard:
    """Score the parent from its sectors' raw inputs: combined per leaf, then scored once."""
    return score_card(campaign, combine_parts(parts), verified)


def combine_parts(parts: Iterable[Mapping[str, RawInput]]) -> dict[str, RawInput]:
    """The sectors' raw inputs combined per leaf (see :func:`combine_inputs`)."""
    gathered: dict[str, list[RawInput]] = {}
    for part in parts:
        for code, raw in part.items():
            gathered.setdefault(code, []).append(raw)
    return {code: combine_inputs(raws) for code, raws in gathered.items()}


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
