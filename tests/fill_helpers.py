"""Valid fills of a scorecard, as a careful sector officer would enter them."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date
from decimal import Decimal

from thidua_xlsx.core.model import Campaign, Method
from thidua_xlsx.core.scoring import RawInput
from thidua_xlsx.scorecard.layout import CardLayout

Values = dict[tuple[str, str], object]


def valid_fill(layout: CardLayout, seed: int) -> tuple[Values, dict[str, RawInput]]:
    """Values within every rule (caps, targets, evidence, justification) and the same values
    as the core reads them."""
    rng = random.Random(seed)
    values: Values = {}
    inputs: dict[str, RawInput] = {}
    for leaf in (c for c in layout.criteria if c.is_leaf):
        evidence = f"Văn bản số {rng.randint(1, 99):02d}/BC ngày {rng.randint(1, 28):02d}/06/2024"
        explanation = ""
        target = None
        met = None
        amount: Decimal | None
        if leaf.method is Method.DAT:
            met = rng.random() < 0.8
            values[(leaf.code, "result")] = "Đạt" if met else "Không đạt"
            amount = None
        elif leaf.method is Method.TY_LE:
            goal = leaf.target
            if goal is None:
                target = Decimal(rng.randint(5, 50))
                values[(leaf.code, "target")] = target
                goal = target
            amount = (goal * Decimal(rng.randint(40, 100)) / 100).quantize(Decimal(1))
        elif leaf.points_per_unit is not None:
            amount = Decimal(rng.randint(0, int(leaf.max_points / leaf.points_per_unit)))
        else:
            amount = (leaf.max_points * Decimal(rng.randint(0, 100)) / 100).quantize(Decimal("0.5"))
        if leaf.method is Method.THUONG and amount:
            explanation = "Mô hình mới, cách làm hay, được nhân rộng trong phường"
            values[(leaf.code, "explanation")] = explanation
        if amount is not None:
            values[(leaf.code, "result")] = amount
        values[(leaf.code, "evidence")] = evidence
        inputs[leaf.code] = RawInput(amount, met, target, explanation, evidence)
    return values, inputs


def open_deadline(campaign: Campaign) -> Campaign:
    """LibreOffice stamps today's date on saving: read back against an open deadline."""
    return replace(campaign, info=replace(campaign.info, deadline=date(2099, 12, 31)))
