"""A campaign reported month by month, on cards typed in LibreOffice (issue 18's acceptance):
each month's blank cards (``templates --period``, from the second month with ``--earlier``),
typed and saved by LibreOffice (.xlsx, .ods, .xls), merged per month (``merge --period``):
totals and ranks equal an independent computation of what was typed; a card of one month
sent as another's is refused."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

from thidua_xlsx import load_campaign
from thidua_xlsx.campaign.periods import campaign_for_period
from thidua_xlsx.core.model import Campaign
from thidua_xlsx.core.scoring import RawInput
from thidua_xlsx.faces.cli import main
from thidua_xlsx.scorecard.blank_cards import scorecard_filename
from thidua_xlsx.scorecard.layout import SCORECARD_SHEET, plan_card

from conftest import SEED_000
from fill_helpers import valid_fill
from independent_scoring import competition_ranks, expected_card
from libreoffice import run_uno

pytestmark = pytest.mark.libreoffice

UNITS = ("HLHPN-LX", "HLHPN-CD", "HLHPN-TC", "HLHPN-AP", "HLHPN-TT")
SAVED_AS = {"HLHPN-CD": ".ods", "HLHPN-TC": ".xls"}  # the others save .xlsx


def _run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(args), out=out)
    return code, out.getvalue()


def _typed(values: dict[tuple[str, str], object], layout: object) -> tuple[dict, dict]:  # type: ignore[type-arg]
    """Whole numbers typed as a person types them (LibreOffice parses the text); the rest
    (texts, Đạt/Không đạt, halves) set as cell values."""
    cells, typed = {}, {}
    for (code, column), value in values.items():
        ref = layout.cell(code, column)  # type: ignore[attr-defined]
        if isinstance(value, Decimal) and value == value.to_integral_value():
            typed[ref] = str(int(value))
        else:
            cells[ref] = float(value) if isinstance(value, Decimal) else value
    return cells, typed


def _month(campaign: Campaign, number: int) -> Campaign:
    return campaign_for_period(campaign, str(number))


def test_three_months_through_libreoffice(soffice: str, tmp_path: Path) -> None:
    campaign = load_campaign(SEED_000)
    entered: dict[int, dict[str, dict[str, RawInput]]] = {}
    summaries: list[Path] = []
    for number in (1, 2, 3):
        month = _month(campaign, number)
        blank = tmp_path / f"mau-{number}"
        units = [a for u in UNITS for a in ("--unit", u)]
        earlier = ["--earlier", *map(str, summaries)] if summaries else []
        code, said = _run(
            "templates", str(SEED_000), "-o", str(blank), "--period", str(number), *units, *earlier
        )
        assert code == 0, said
        inbox = tmp_path / f"thang-{number}"
        documents = []
        entered[number] = {}
        for seed, unit_code in enumerate(UNITS):
            unit = month.unit(unit_code)
            layout = plan_card(month, unit)
            values, inputs = valid_fill(layout, 100 * number + seed)
            entered[number][unit_code] = inputs
            cells, typed = _typed(values, layout)
            card = blank / scorecard_filename(unit)
            target = inbox / (card.stem + SAVED_AS.get(unit_code, ".xlsx"))
            fill = {"cells": cells, "typed": typed, "save_as": [str(target)]}
            documents.append({"source": str(card), "sheet": SCORECARD_SHEET, "fills": [fill]})
        run_uno({"documents": documents}, tmp_path / f"uno-{number}")
        summary = tmp_path / f"tong-hop-thang-{number}.xlsx"
        code, said = _run(
            "merge",
            str(SEED_000),
            str(inbox),
            "--period",
            str(number),
            "-o",
            str(summary),
            "--json",
        )
        assert code == 0, said  # LibreOffice saves today: late, which is a warning only
        document = json.loads(said)
        expected = {u: expected_card(month, inputs) for u, inputs in entered[number].items()}
        got = {r["unit"]: r for r in document["ranking"]}
        assert {u: Decimal(r["total"]) for u, r in got.items()} == {
            u: e["TOTAL"] for u, e in expected.items()
        }
        keys = {u: (e["TOTAL"], e["II"], e["III"]) for u, e in expected.items()}
        assert {u: r["rank"] for u, r in got.items()} == competition_ranks(keys)
        assert sorted(document["missing"]) == sorted(
            u.code for u in month.leaf_units if u.code not in UNITS
        )
        summaries.append(summary)

    # the third month's cards showed what the first two months reported (typed in LibreOffice)
    third = Path(tmp_path / "mau-3" / scorecard_filename(campaign.unit("HLHPN-LX")))
    from openpyxl import load_workbook

    layout = plan_card(_month(campaign, 3), campaign.unit("HLHPN-LX"))
    sheet = load_workbook(third)[SCORECARD_SHEET]
    text = sheet.cell(layout.rows["II.1.b"] + 1, 2).value
    first, second = (entered[n]["HLHPN-LX"]["II.1.b"].amount for n in (1, 2))
    assert first is not None and second is not None
    assert f"cộng dồn {first + second}" in text, text

    # a card of month 1, saved by LibreOffice, checked as month 2's: refused with its code
    code, said = _run("check", str(SEED_000), str(tmp_path / "thang-1"), "--period", "2", "--json")
    assert code == 1
    files = json.loads(said)["files"]
    assert len(files) == len(UNITS)
    assert all([i["code"] for i in f["issues"]] == ["file_wrong_period"] for f in files), files
