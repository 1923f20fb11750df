"""Real-client parity: LibreOffice types random values (boundaries and over-cap included)
into generated scorecards, recalculates and saves them as .xlsx, .ods and .xls; the totals it
computed — read back from the saved files — equal the Python core's on every fill, and the
reader gets back exactly the values typed."""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import pytest

from thidua_xlsx import Campaign, Criterion, Method, RawInput, load_campaign
from thidua_xlsx.checking.checker import check_file
from thidua_xlsx.core.scoring import score_card
from thidua_xlsx.core.vi_text import parse_decimal
from thidua_xlsx.intake.sheets import read_workbook
from thidua_xlsx.scorecard.layout import COL, SCORECARD_SHEET, CardLayout, plan_card
from thidua_xlsx.scorecard.writer import write_scorecard

from conftest import SEED_000, SEED_003
from fill_helpers import open_deadline
from libreoffice import run_uno

pytestmark = pytest.mark.libreoffice

FILLS_PER_CARD = 70  # 3 cards → 210 fills
Typed = float | str | None


def _number(rng: random.Random, top: Decimal, places: int = 3) -> Decimal:
    return Decimal(rng.randint(0, int(top * 10**places))) / 10**places


def _typed_value(rng: random.Random, criterion: Criterion) -> tuple[Typed, Typed]:
    """A result (and the unit's own target, if it enters one) as a person might type."""
    cap = criterion.max_points
    method = criterion.method
    if method is Method.DAT:
        return rng.choice(["Đạt", "Không đạt", None]), None
    if method is Method.TY_LE:
        target = criterion.target
        own_target = None
        if target is None:
            target = Decimal(rng.randint(1, 300))
            own_target = target
        result = rng.choice(
            [Decimal(0), target, target + 1, _number(rng, target * Decimal("1.3")), None]
        )
        return _as_typed(result), _as_typed(own_target)
    rate = criterion.points_per_unit
    if rate is not None:
        most = int(cap / rate) + 2
        count = rng.choice(
            [
                Decimal(0),
                Decimal(most),
                Decimal(rng.randint(0, most)),
                _number(rng, Decimal(most), 1),
                None,
            ]
        )
        return _as_typed(count), None
    half_step = Decimal("0.005")
    points = rng.choice(
        [
            Decimal(0),
            cap,
            cap + Decimal("0.01"),
            cap * 3,
            Decimal(-1),
            _number(rng, cap * Decimal("1.2")),
            _number(rng, cap, 2) + half_step,  # a rounding tie at step 0.01
            None,
        ]
    )
    return _as_typed(points), None


def _as_typed(value: Decimal | None) -> Typed:
    return None if value is None else float(value)


def _raw(criterion: Criterion, result: Typed, target: Typed) -> RawInput:
    if criterion.method is Method.DAT:
        return RawInput(met=result == "Đạt" if result is not None else None)
    return RawInput(
        amount=Decimal(repr(result)) if isinstance(result, float) else None,
        target=Decimal(repr(target)) if isinstance(target, float) else None,
    )


def _fills(
    layout: CardLayout, rng: random.Random, out: Path
) -> tuple[list[dict[str, object]], list[tuple[dict[str, RawInput], dict[str, Decimal]]]]:
    leaves = [c for c in layout.criteria if c.is_leaf]
    clear = [
        layout.cell(c.code, col)
        for c in leaves
        for col in ("target", "result", "verified")
        if col != "target" or "target" in layout.input_columns(c)
    ]
    fills, expected = [], []
    for index in range(FILLS_PER_CARD):
        cells: dict[str, Typed] = {}
        inputs: dict[str, RawInput] = {}
        verified: dict[str, Decimal] = {}
        for leaf in leaves:
            result, target = _typed_value(rng, leaf)
            cells[layout.cell(leaf.code, "result")] = result
            if "target" in layout.input_columns(leaf):
                cells[layout.cell(leaf.code, "target")] = target
            cells[layout.cell(leaf.code, "evidence")] = rng.choice(["", "Kế hoạch số 12/KH"])
            inputs[leaf.code] = _raw(leaf, result, target)
            if index % 3 == 0 and rng.random() < 0.3:
                value = _number(rng, leaf.max_points * Decimal("1.1"))
                cells[layout.cell(leaf.code, "verified")] = float(value)
                verified[leaf.code] = value
        saves = [str(out / f"fill-{index}.xlsx")]
        if index % 10 == 0:
            saves.append(str(out / f"fill-{index}.ods"))
        if index % 35 == 0:
            saves.append(str(out / f"fill-{index}.xls"))
        fills.append(
            {"clear": clear, "cells": cells, "save_as": saves, "read": [layout.total_cell("self")]}
        )
        expected.append((inputs, verified))
    return fills, expected


def _card_scores(layout: CardLayout, path: Path) -> dict[str, tuple[Decimal | None, object]]:
    """Every self score (G) and group/total verified score (J) as the saved file caches it."""
    rows = read_workbook(path)[SCORECARD_SHEET]
    found: dict[str, tuple[Decimal | None, object]] = {}
    for criterion in layout.criteria:
        row = layout.rows[criterion.code]
        found[criterion.code] = (
            parse_decimal(rows.cell(row, COL["self"])),
            rows.cell(row, COL["verified"]),
        )
    found["TOTAL"] = (
        parse_decimal(rows.cell(layout.total_row, COL["self"])),
        rows.cell(layout.total_row, COL["verified"]),
    )
    return found


def _cards() -> list[tuple[Campaign, str]]:
    nhon_hung, an_giang = load_campaign(SEED_003), load_campaign(SEED_000)
    return [(nhon_hung, "P-NHONHUNG"), (nhon_hung, "NH-PN"), (an_giang, "HLHPN-LX")]


def test_libreoffice_totals_equal_the_core_on_200_random_fills(
    soffice: str, tmp_path: Path
) -> None:
    rng = random.Random(20241001)
    documents, plans = [], []
    for campaign, unit_code in _cards():
        unit = next(
            u for u in campaign.units if u.code == unit_code or u.code.startswith(unit_code)
        )
        layout = plan_card(campaign, unit)
        card_path = tmp_path / f"{unit.code}.xlsx"
        write_scorecard(card_path, layout)
        fills, expected = _fills(layout, rng, tmp_path / unit.code)
        documents.append(
            {"source": str(card_path), "sheet": SCORECARD_SHEET, "unprotect": True, "fills": fills}
        )
        plans.append((campaign, layout, fills, expected))
    result = run_uno({"documents": documents}, tmp_path)

    checked = xls_checked = 0
    mismatches: list[str] = []
    for (campaign, layout, fills, expected), document in zip(
        plans,
        result["documents"],
        strict=True,  # type: ignore[call-overload]
    ):
        for fill, (inputs, verified), outcome in zip(
            fills, expected, document["fills"], strict=True
        ):
            core = score_card(campaign, inputs, verified)
            computed = parse_decimal(outcome["values"][layout.total_cell("self")])
            if computed != core.self_total:
                mismatches.append(f"{layout.unit.code} live total {computed} != {core.self_total}")
            for saved in fill["save_as"]:
                read_back = check_file(open_deadline(campaign), Path(saved))
                for code, raw in inputs.items():
                    got = read_back.inputs.get(code)
                    if got is None or (got.amount, got.met, got.target) != (
                        raw.amount,
                        raw.met,
                        raw.target,
                    ):
                        mismatches.append(f"{saved} {code} read {got} typed {raw}")
                # the card's verification column is the upper level's: reported, never counted
                warned = {
                    i.criterion for i in read_back.issues if i.code == "verified_in_unit_file"
                }
                if read_back.verified or warned != set(verified):
                    mismatches.append(f"{saved} verification column {warned} != {set(verified)}")
                if Path(saved).suffix == ".xls":
                    xls_checked += 1
                    continue  # the .xls format keeps values; its scores are compared below too
                found = _card_scores(layout, Path(saved))
                for code, (self_score, final_score) in found.items():
                    want_self = core.self_total if code == "TOTAL" else core.self_nodes[code]
                    want_final = core.total if code == "TOTAL" else core.final_nodes[code]
                    if self_score != want_self:
                        mismatches.append(f"{saved} {code} self {self_score} != {want_self}")
                    criterion = None if code == "TOTAL" else campaign.criterion(code)
                    if criterion is not None and criterion.is_leaf:
                        continue  # J of a leaf is the typed verified value itself
                    if verified and parse_decimal(final_score) != want_final:
                        mismatches.append(f"{saved} {code} final {final_score} != {want_final}")
                    if not verified and final_score not in (None, ""):
                        mismatches.append(f"{saved} {code} final {final_score!r} should be blank")
            checked += 1
    assert checked >= 200 and xls_checked >= 6
    assert mismatches == [], f"{len(mismatches)} mismatches, first: {mismatches[:10]}"
