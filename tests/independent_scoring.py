"""SPEC §4's scoring and §7's ranking written again, apart from the library's own, for tests
to compare the library's totals and ranks with (the values as typed, the criteria as read)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from thidua_xlsx.core.model import Campaign, Criterion, Method, SectionKind
from thidua_xlsx.core.scoring import RawInput

__all__ = ["competition_ranks", "expected_card", "leaf_points"]


def leaf_points(criterion: Criterion, raw: RawInput | None, step: Decimal) -> Decimal:
    cap = criterion.max_points
    if raw is None:
        return Decimal(0)
    amount = raw.amount or Decimal(0)
    if criterion.method is Method.DAT:
        points = cap if raw.met else Decimal(0)
    elif criterion.method is Method.TY_LE:
        goal = criterion.target if criterion.target is not None else raw.target
        points = cap * min(amount / goal, Decimal(1)) if goal else Decimal(0)
    elif criterion.points_per_unit is not None:
        points = amount * criterion.points_per_unit
    else:
        points = amount
    points = min(max(points, Decimal(0)), cap)
    return (points / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step


def expected_card(campaign: Campaign, inputs: dict[str, RawInput]) -> dict[str, Decimal]:
    step = campaign.rounding_step

    def node(criterion: Criterion) -> Decimal:
        if criterion.is_leaf:
            return leaf_points(criterion, inputs.get(criterion.code), step)
        children = sum((node(c) for c in campaign.children_of(criterion.code)), Decimal(0))
        return min(children, criterion.max_points)

    sections = {s.code: node(s) for s in campaign.sections}
    kinds = {s.code: s.kind for s in campaign.sections}
    regular = sum((v for c, v in sections.items() if kinds[c] is SectionKind.REGULAR), Decimal(0))
    bonus = sum((v for c, v in sections.items() if kinds[c] is SectionKind.BONUS), Decimal(0))
    minus = sum((v for c, v in sections.items() if kinds[c] is SectionKind.DEDUCTION), Decimal(0))
    total = max(min(regular + bonus, campaign.total_cap) - minus, Decimal(0))
    return {**sections, "TOTAL": total}


def competition_ranks(keys: dict[str, tuple[Decimal, ...]]) -> dict[str, int]:
    return {u: 1 + sum(1 for other in keys.values() if other > k) for u, k in keys.items()}
