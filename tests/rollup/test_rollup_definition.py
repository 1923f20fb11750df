"""The campaign definition a summary carries (rollup/definition.py): it comes back as the
campaign that scores alike (same fingerprint, criteria, bands, units the level needs, period),
and text that was cut, edited or forged is refused whole."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from thidua_xlsx import load_campaign
from thidua_xlsx.core.periods import PeriodScheme, generate_periods
from thidua_xlsx.rollup.codec import CHUNK_CHARS
from thidua_xlsx.rollup.definition import (
    MAX_DEFINITION_CHARS,
    DefinitionDataError,
    decode_campaign,
    encode_campaign,
    summary_units,
)

from conftest import SEED_000, SEED_003


@pytest.mark.parametrize("path", [SEED_000, SEED_003], ids=["seed000", "seed003"])
def test_the_definition_comes_back_as_the_campaign(path: object) -> None:
    campaign = load_campaign(path)  # type: ignore[arg-type]
    periods = generate_periods(PeriodScheme.MONTHLY, date(2024, 7, 1), date(2024, 9, 30))
    run = replace(campaign, periods=periods).for_period(periods[1])
    back = decode_campaign("".join(encode_campaign(run)))
    assert back.fingerprint == campaign.fingerprint
    assert back.info == run.info and back.bands == run.bands and back.award == run.award
    assert back.periods == periods and back.period == periods[1]
    assert back.tie_breaks == run.tie_breaks and back.ranking_style is run.ranking_style
    same = lambda c: (  # noqa: E731
        c.code,
        c.content,
        c.max_points,
        c.method,
        c.target,
        c.points_per_unit,
        c.evidence_required,
        c.sectors,
        c.parent,
        c.children,
        c.kind,
        c.compose,
        c.cumulative,
    )
    assert [same(c) for c in back.criteria] == [same(c) for c in run.criteria]
    assert [replace(u, row=0) for u in run.units] == list(back.units)


def test_a_level_carries_its_subtree_and_the_units_above() -> None:
    campaign = load_campaign(SEED_003)
    ward = "P-NHONHUNG"
    kept = {u.code for u in summary_units(campaign, ward)}
    below = {u.code for u in campaign.children_units(ward)}
    assert ward in kept and "TXTB" in kept and below and below <= kept
    assert "P-ANPHU" not in kept  # a sibling ward is not needed
    back = decode_campaign("".join(encode_campaign(campaign, ward)))
    assert {u.code for u in back.units} == kept


def test_long_text_is_split_in_chunks() -> None:
    campaign = load_campaign(SEED_003)
    long = replace(campaign, info=replace(campaign.info, title="Phong trào " * 5000))
    chunks = encode_campaign(long)
    assert len(chunks) > 1 and all(len(c) <= CHUNK_CHARS for c in chunks)
    assert decode_campaign("".join(chunks)).info.title == long.info.title


def _text() -> dict[str, object]:
    return json.loads("".join(encode_campaign(load_campaign(SEED_003))))  # type: ignore[no-any-return]


def _forged(edit: object) -> str:
    data = _text()
    edit(data)  # type: ignore[operator]
    return json.dumps(data, ensure_ascii=False)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "[]",
        '{"v": 1',
        '{"v": 1, "v": 1}',
        '{"v": NaN}',
        '{"v": 1.5}',
        '{"v": 2}',
        _forged(lambda d: d.pop("criteria")),
        _forged(lambda d: d.update(criteria=[])),
        _forged(lambda d: d["criteria"][0].update(max="Infinity")),
        _forged(lambda d: d["criteria"][0].update(max="-5")),
        _forged(lambda d: d["criteria"][0].update(max=5)),
        _forged(lambda d: d["criteria"][1].update(method="hat")),
        _forged(lambda d: d["criteria"][1].update(evidence="yes")),
        _forged(lambda d: d["criteria"].append(dict(d["criteria"][0]))),
        _forged(lambda d: d["criteria"][1].update(code="X.9")),
        _forged(lambda d: d.update(tie_breaks=["Z"])),
        _forged(lambda d: d.update(step="0")),
        _forged(lambda d: d["units"].append(dict(d["units"][0]))),
        _forged(lambda d: d["info"].update(deadline="31/12/2024")),
        _forged(lambda d: d["info"].update(campaign_id="")),
        _forged(lambda d: d.update(period={"name": "x", "index": 0})),
        _forged(lambda d: d["info"].update(title="\ud800")),
    ],
)
def test_damaged_text_is_refused(text: str) -> None:
    with pytest.raises(DefinitionDataError):
        decode_campaign(text)


def test_too_much_text_is_refused_before_it_is_parsed() -> None:
    with pytest.raises(DefinitionDataError, match="characters"):
        decode_campaign(" " * (MAX_DEFINITION_CHARS + 1))


def test_a_score_decided_otherwise_changes_the_fingerprint() -> None:
    """A maximum edited by hand gives another fingerprint: the reader refuses it as damaged
    (tests/trend/test_trend_files.py, trend_definition_damaged)."""
    campaign = load_campaign(SEED_003)
    data = _text()
    criteria = data["criteria"]
    assert isinstance(criteria, list)
    leaf = next(c for c in criteria if c["method"])
    leaf["max"] = str(int(float(leaf["max"])) + 1)
    assert decode_campaign(json.dumps(data)).fingerprint != campaign.fingerprint
