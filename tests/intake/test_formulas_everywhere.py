"""Formulas found in every format (issue 13): typed into a card in LibreOffice and saved as
.xlsx, .xls and .ods, a formula in an input cell gets the same code in each, whatever its value
(``=5+3`` is counted silently by a reader of values; ``=1/0`` looks like a blank); and one of
the template's own formulas replaced by a plain value is reported, even when a formula typed
elsewhere keeps the number of formulas equal to the template's."""

from __future__ import annotations

from pathlib import Path

import pytest

from thidua_xlsx import load_campaign
from thidua_xlsx.checking.checker import check_file
from thidua_xlsx.scorecard.layout import SCORECARD_SHEET, plan_card
from thidua_xlsx.scorecard.writer import write_scorecard

from conftest import ROOT, SEED_003
from libreoffice import run_uno

pytestmark = pytest.mark.libreoffice

FORMATS = ("xlsx", "xls", "ods")


def _good() -> dict[str, object]:
    import sys

    sys.path.insert(0, str(ROOT / "tests" / "files"))
    from make_files import GOOD

    return dict(GOOD)


@pytest.fixture(scope="module")
def typed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """Three cards typed in LibreOffice, each saved in the three formats."""
    work = tmp_path_factory.mktemp("formulas")
    campaign = load_campaign(SEED_003)
    blank = work / "NH-PN.xlsx"
    write_scorecard(blank, plan_card(campaign, campaign.unit("NH-PN")))
    good = _good()
    cases = {
        "sum": ({"F14": "=1+2.5"}, False),  # a direct score as a formula: counted silently
        "div0": ({"F17": "=1/0"}, False),  # an error value: looks blank to a value reader
        # the leaf's points formula overwritten by a number, a formula typed in an input:
        # as many formulas as the template has
        "swapped": ({"G14": 3.5, "F17": "=2+2"}, True),
    }
    documents, saved = [], {}
    for name, (edits, unprotect) in cases.items():
        saved[name] = {ext: work / f"{name}.{ext}" for ext in FORMATS}
        documents.append(
            {
                "source": str(blank),
                "sheet": SCORECARD_SHEET,
                "unprotect": unprotect,
                "fills": [
                    {
                        "cells": {**good, **edits},
                        "save_as": [str(p) for p in saved[name].values()],
                    }
                ],
            }
        )
    run_uno({"documents": documents}, work)
    return saved


def _codes(path: Path) -> set[tuple[str, str]]:
    campaign = load_campaign(SEED_003)
    result = check_file(campaign, path)
    return {(i.code, i.cell) for i in result.issues if i.code != "file_late"}


@pytest.mark.parametrize("ext", FORMATS)
def test_a_formula_that_sums_is_reported_in_every_format(
    typed: dict[str, dict[str, Path]], ext: str
) -> None:
    assert _codes(typed["sum"][ext]) == {("formula_in_input", "F14")}


@pytest.mark.parametrize("ext", FORMATS)
def test_a_formula_giving_an_error_is_reported_in_every_format(
    typed: dict[str, dict[str, Path]], ext: str
) -> None:
    codes = _codes(typed["div0"][ext])
    assert ("formula_in_input", "F17") in codes
    assert "formula_without_cache" not in {code for code, _ in codes}


@pytest.mark.parametrize("ext", FORMATS)
def test_a_template_formula_replaced_by_a_value_is_reported(
    typed: dict[str, dict[str, Path]], ext: str
) -> None:
    codes = _codes(typed["swapped"][ext])
    assert ("formula_in_input", "F17") in codes
    assert ("formula_replaced", "G14") in codes


def test_the_same_mistake_gets_the_same_codes_in_every_format(
    typed: dict[str, dict[str, Path]],
) -> None:
    for name, files in typed.items():
        found = {ext: _codes(path) for ext, path in files.items()}
        assert found["xls"] == found["xlsx"] == found["ods"], (name, found)
