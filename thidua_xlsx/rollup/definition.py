"""The campaign definition a summary carries (pure: no spreadsheet library), so that its units
can be scored again without the campaign workbook (``thidua trend`` over summaries of several
periods or years).

The summary's very hidden sheet :data:`DEFINITION_SHEET` holds, in column A from the first
row, the JSON text of what decides a score and a rank: the campaign's information (its
periods and the one the summary is of), the criteria (code, content, maximum, method, target,
points per unit, evidence, sectors, compose rule, cumulative), the bands, the units the
summary's level needs (its issuing unit, the units above it and every unit below it), the
total cap, the rounding step, the tie-breaks and the ranking style. The text is split every
:data:`~thidua_xlsx.rollup.codec.CHUNK_CHARS` characters, as the data sheet's text is.

Nothing in it is trusted: :func:`decode_campaign` refuses text that is too long, not an
object, with a key twice, a number that is not finite, a value of the wrong type or a
criteria tree that does not link (:class:`DefinitionDataError`), and the campaign it gives
must have the summary's own ``fingerprint`` (checked by the reader of the summary).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from ..core.model import (
    AwardRule,
    Band,
    Campaign,
    CampaignInfo,
    ComposeRule,
    Criterion,
    Method,
    RankingStyle,
    Unit,
    link_criteria,
)
from ..core.periods import Period
from .codec import CHUNK_CHARS

__all__ = [
    "DEFINITION_KEY",
    "DEFINITION_SHEET",
    "MAX_DEFINITION_CHARS",
    "DefinitionDataError",
    "decode_campaign",
    "encode_campaign",
    "summary_units",
]

DEFINITION_SHEET = "_thidua_chiendich"
DEFINITION_KEY = "definition_sheet"  # the hidden information's row naming the sheet
MAX_DEFINITION_CHARS = 16_000_000  # a country's units with long names; refused beyond
_VERSION = 1
_MAX_NUMBER_CHARS = 40
_INFO_TEXT = (
    "campaign_id",
    "title",
    "plan_number",
    "superior_body",
    "issuing_body",
    "place",
    "period",
    "signer_title",
    "signer_name",
)
_INFO_DATES = (
    "issue_date",
    "period_start",
    "period_end",
    "deadline",
    "award_window_start",
    "award_window_end",
)


class DefinitionDataError(ValueError):
    """The carried definition is not what a summary writes (damaged or edited by hand)."""


def summary_units(campaign: Campaign, issuer: str | None) -> tuple[Unit, ...]:
    """The units a summary of ``issuer``'s level needs to be scored again: the issuer, the
    units above it and every unit below it (every unit when there is no issuer), in the
    campaign's order."""
    if issuer is None or not campaign.has_unit(issuer):
        return campaign.units
    keep = {issuer}
    code: str | None = campaign.unit(issuer).parent
    while code is not None and code not in keep and campaign.has_unit(code):
        keep.add(code)
        code = campaign.unit(code).parent
    below = [issuer]
    while below:
        for child in campaign.children_units(below.pop()):
            if child.code not in keep:
                keep.add(child.code)
                below.append(child.code)
    return tuple(u for u in campaign.units if u.code in keep)


def encode_campaign(campaign: Campaign, issuer: str | None = None) -> list[str]:
    """The definition of ``campaign`` as a summary of ``issuer``'s level carries it: JSON
    text in chunks of at most :data:`CHUNK_CHARS` characters."""
    info = campaign.info
    data: dict[str, Any] = {
        "v": _VERSION,
        "info": {
            **{k: getattr(info, k) for k in _INFO_TEXT},
            **{k: _day(getattr(info, k)) for k in _INFO_DATES},
        },
        "criteria": [
            {
                "code": c.code,
                "content": c.content,
                "max": _dec(c.max_points),
                "method": c.method.value if c.method else None,
                "target": _dec(c.target),
                "per_unit": _dec(c.points_per_unit),
                "evidence": c.evidence_required,
                "sectors": list(c.sectors),
                "compose": c.compose.value if c.compose else None,
                "cumulative": c.cumulative,
            }
            for c in campaign.criteria
        ],
        "bands": [[_dec(b.min_score), b.label] for b in campaign.bands],
        "units": [
            {
                "code": u.code,
                "name": u.name,
                "level": u.level,
                "parent": u.parent,
                "cluster": u.cluster,
                "place": u.place,
            }
            for u in summary_units(campaign, issuer)
        ],
        "total_cap": _dec(campaign.total_cap),
        "step": _dec(campaign.rounding_step),
        "tie_breaks": list(campaign.tie_breaks),
        "ranking": campaign.ranking_style.value,
        "award": None
        if campaign.award is None
        else {
            "title": campaign.award.title,
            "top_n": campaign.award.top_n,
            "min_band": campaign.award.min_band,
        },
        "periods": [_period(p) for p in campaign.periods],
        "period": _period(campaign.period) if campaign.period else None,
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return [text[i : i + CHUNK_CHARS] for i in range(0, len(text), CHUNK_CHARS)]


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _period(period: Period) -> dict[str, Any]:
    return {
        "name": period.name,
        "index": period.index,
        "start": _day(period.start),
        "end": _day(period.end),
        "deadline": _day(period.deadline),
    }


# -- decoding: every value checked --------------------------------------------------------------


def decode_campaign(text: str) -> Campaign:
    """The campaign back from :func:`encode_campaign`'s text; :class:`DefinitionDataError`
    when the text is not such a definition."""
    if len(text) > MAX_DEFINITION_CHARS:
        raise DefinitionDataError(f"{len(text):,} characters")
    try:
        data = json.loads(
            text,
            object_pairs_hook=_unique,
            parse_constant=_no_constant,
            parse_int=_integer,
            parse_float=_no_float,
        )
    except (ValueError, RecursionError) as exc:
        raise DefinitionDataError(str(exc)[:80]) from exc
    root = _object(data, "definition")
    if root.get("v") != _VERSION:
        raise DefinitionDataError(f"version {root.get('v')!r}")
    try:
        return _campaign(root)
    except (KeyError, TypeError, ValueError, InvalidOperation) as exc:
        if isinstance(exc, DefinitionDataError):
            raise
        raise DefinitionDataError(f"{type(exc).__name__}: {str(exc)[:80]}") from exc


def _campaign(root: Mapping[str, Any]) -> Campaign:
    raw_info = _object(root["info"], "info")
    fields: dict[str, Any] = {k: _text(raw_info[k], k) for k in _INFO_TEXT}
    fields.update({k: _date(raw_info[k], k) for k in _INFO_DATES})
    info = CampaignInfo(**fields)
    if not info.campaign_id:
        raise DefinitionDataError("campaign_id")
    criteria = link_criteria(_criterion(c) for c in _list(root["criteria"], "criteria"))
    if not criteria:
        raise DefinitionDataError("no criteria")
    bands = tuple(
        Band(_decimal(b[0], "band"), _text(b[1], "band"))
        for b in (_list(x, "band") for x in _list(root["bands"], "bands"))
        if len(b) == 2
    )
    units = tuple(_unit(u) for u in _list(root["units"], "units"))
    if len({u.code for u in units}) != len(units):
        raise DefinitionDataError("a unit twice")
    codes = {c.code for c in criteria}
    tie_breaks = tuple(_text(t, "tie_breaks") for t in _list(root["tie_breaks"], "tie_breaks"))
    if not set(tie_breaks) <= codes:
        raise DefinitionDataError("tie_breaks")
    award_raw = root["award"]
    award = None
    if award_raw is not None:
        award_map = _object(award_raw, "award")
        top_n = award_map["top_n"]
        if top_n is not None and (type(top_n) is not int or top_n < 0):
            raise DefinitionDataError("award.top_n")
        min_band = award_map["min_band"]
        award = AwardRule(
            _text(award_map["title"], "award"),
            top_n,
            None if min_band is None else _text(min_band, "award"),
        )
    periods = tuple(_read_period(p) for p in _list(root["periods"], "periods"))
    period = None if root["period"] is None else _read_period(root["period"])
    return Campaign(
        info=info,
        criteria=criteria,
        units=units,
        bands=bands,
        total_cap=_decimal(root["total_cap"], "total_cap"),
        rounding_step=_positive(_decimal(root["step"], "step"), "step"),
        tie_breaks=tie_breaks,
        ranking_style=RankingStyle(_text(root["ranking"], "ranking")),
        award=award,
        periods=periods,
        period=period,
    )


def _criterion(raw: object) -> Criterion:
    c = _object(raw, "criterion")
    code = _text(c["code"], "code")
    if not code:
        raise DefinitionDataError("a criterion without a code")
    method = c["method"]
    compose = c["compose"]
    return Criterion(
        code=code,
        content=_text(c["content"], code),
        max_points=_decimal(c["max"], code),
        method=None if method is None else Method(_text(method, code)),
        target=_maybe(c["target"], _decimal, code),
        points_per_unit=_maybe(c["per_unit"], _decimal, code),
        evidence_required=_bool(c["evidence"], code),
        sectors=tuple(_text(s, code) for s in _list(c["sectors"], code)),
        compose=None if compose is None else ComposeRule(_text(compose, code)),
        cumulative=_bool(c["cumulative"], code),
    )


def _unit(raw: object) -> Unit:
    u = _object(raw, "unit")
    code = _text(u["code"], "unit")
    if not code:
        raise DefinitionDataError("a unit without a code")
    parent = u["parent"]
    return Unit(
        code=code,
        name=_text(u["name"], code),
        level=_text(u["level"], code),
        parent=None if parent is None else _text(parent, code),
        cluster=_text(u["cluster"], code),
        place=_text(u["place"], code),
    )


def _read_period(raw: object) -> Period:
    p = _object(raw, "period")
    index = p["index"]
    if type(index) is not int or not 1 <= index <= 10_000:
        raise DefinitionDataError("period index")
    return Period(
        _text(p["name"], "period"),
        index,
        _date(p["start"], "period"),
        _date(p["end"], "period"),
        _date(p["deadline"], "period"),
    )


def _object(value: object, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise DefinitionDataError(f"{what}: not an object")
    return value


def _list(value: object, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise DefinitionDataError(f"{what}: not a list")
    return value


def _text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise DefinitionDataError(f"{what}: not text")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate forged by a JSON escape
        raise DefinitionDataError(f"{what}: not Unicode text") from exc
    return value


def _bool(value: object, what: str) -> bool:
    if not isinstance(value, bool):
        raise DefinitionDataError(f"{what}: not true or false")
    return value


def _decimal(value: object, what: str) -> Decimal:
    text = _text(value, what)
    if len(text) > _MAX_NUMBER_CHARS:
        raise DefinitionDataError(f"{what}: a number of {len(text)} characters")
    number = Decimal(text)
    if not number.is_finite() or number < 0:
        raise DefinitionDataError(f"{what}: {text}")
    return number


def _positive(value: Decimal, what: str) -> Decimal:
    if value <= 0:
        raise DefinitionDataError(f"{what}: {value}")
    return value


def _maybe(value: object, read: Callable[[object, str], Decimal], what: str) -> Decimal | None:
    return None if value is None else read(value, what)


def _date(value: object, what: str) -> date | None:
    if value is None:
        return None
    return date.fromisoformat(_text(value, what))


def _integer(literal: str) -> int:
    if len(literal) > _MAX_NUMBER_CHARS:
        raise DefinitionDataError(f"a number of {len(literal)} digits")
    return int(literal)


def _no_float(literal: str) -> float:
    raise DefinitionDataError(f"{literal[:20]}: a number written as text is expected")


def _unique(pairs: list[tuple[str, object]]) -> dict[str, object]:
    found: dict[str, object] = {}
    for key, value in pairs:
        if key in found:
            raise DefinitionDataError(f"{key!r} twice")
        found[key] = value
    return found


def _no_constant(name: str) -> float:
    raise DefinitionDataError(f"{name} is not a number")
