"""``thidua trend``: summaries of several periods (or of successive campaigns) read back,
each scored again from the inputs it carries, and compared (:mod:`thidua_xlsx.core.trend`).

Each summary is read in a contained worker (:mod:`~thidua_xlsx.runtime.containment`): its
campaign comes from the definition it carries (:mod:`thidua_xlsx.rollup.definition`; its
fingerprint must be the summary's), or, for a summary written before summaries carried one,
from a campaign workbook given with ``--campaign`` (matched by campaign id and fingerprint).
Every carried unit is checked and scored again as for a merge
(:func:`~thidua_xlsx.checking.carried.check_summary`), the summary's own *Thẩm định* scores
are applied, and the units are ranked again (:func:`~thidua_xlsx.core.ranking.rank_units`):
the worker returns the small :class:`~thidua_xlsx.core.trend.ScoredSummary`. A file that
cannot be used is refused alone, with its issue.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from ..checking.carried import check_summary
from ..checking.check_log import clip, message_params
from ..checking.inbox import collect_files
from ..core.model import Campaign
from ..core.periods import PERIOD_INDEX_KEY, PERIOD_KEY, Period, find_period
from ..core.ranking import rank_units
from ..core.scoring import ScoreCard, score_card
from ..core.timestamps import parse_timestamp
from ..core.trend import ScoredSummary, Trend, choose_summaries, compute_trend
from ..errors import InboxError, TrendError, UnitSelectionError, UnusableFileError
from ..intake.reader import ReturnedFileReader
from ..intake.summary_file import SummaryFile
from ..rollup.definition import DefinitionDataError, decode_campaign
from ..runtime.containment import DEFAULT_LIMITS, ReadLimits, run_contained
from ..words.issues import Issue, Severity
from .rank import expected_units

__all__ = ["build_trend", "score_summary"]

_NOT_AN_ISSUE = ("unit_rejected_below",)  # a unit rejected below is data: counted as missing


def build_trend(
    summaries: Iterable[str | Path],
    campaigns: Sequence[Campaign] = (),
    workers: int = 1,
    limits: ReadLimits = DEFAULT_LIMITS,
) -> Trend:
    """The trend over ``summaries`` (summary workbooks of several periods or years, or
    folders of them).
    ``campaigns``: campaign workbooks already loaded, for summaries written before summaries
    carried their campaign's definition. Files that cannot be used are refused in
    :attr:`Trend.refused`, one issue each; raises :class:`TrendError` when fewer than two
    summaries can be compared, :class:`InboxError` when a file given does not exist."""
    given = [Path(p) for p in summaries]
    for path in given:
        if not os.path.lexists(path):
            raise InboxError(str(path), "missing")
    paths = collect_files(given)  # a folder: every file in it
    job = _TrendJob(campaigns)
    outcomes = run_contained(job, _unreadable, paths, max(1, workers), limits)
    scored = [o for o in outcomes if isinstance(o, ScoredSummary)]
    refused = [o for o in outcomes if isinstance(o, Issue)]
    chosen, others = choose_summaries(scored)
    refused += others
    if len(chosen) < 2:
        raise TrendError(len(chosen), refused)
    return compute_trend(chosen, refused)


class _TrendJob:
    """Read one summary and score it again, in a worker."""

    def __init__(self, campaigns: Sequence[Campaign]) -> None:
        self.campaigns = {(c.info.campaign_id, c.fingerprint): c for c in campaigns}
        self.reader = ReturnedFileReader(summary_verified=True, summary_definition=True)

    def __call__(self, path: Path) -> ScoredSummary | Issue:
        try:
            returned = self.reader.read(path)
        except UnusableFileError as exc:
            if exc.code == "file_no_scorecard_sheet":  # a workbook, but no card nor summary
                return Issue("trend_not_summary", file=str(path), value=path.name)
            return Issue(exc.code, file=str(path), params=message_params(detail=exc.detail))
        except Exception as exc:  # one strange file must never stop the trend
            return _failed(path, exc)
        if not isinstance(returned, SummaryFile):
            return Issue("trend_not_summary", file=str(path), value=path.name)
        try:
            return score_summary(returned, self.campaigns)
        except Exception as exc:
            return _failed(path, exc)


def score_summary(
    summary: SummaryFile, campaigns: Mapping[tuple[str, str], Campaign] | None = None
) -> ScoredSummary | Issue:
    """One summary read back, scored again with the campaign given for its id and
    fingerprint, else the one it carries, and ranked again; the issue refusing it when it
    cannot be."""
    meta = summary.metadata
    path = summary.path
    campaign_id, fingerprint = meta.get("campaign_id", ""), meta.get("fingerprint", "")
    given = (campaigns or {}).get((campaign_id, fingerprint))
    campaign: Campaign | None = None
    damage = ""
    # the office's own workbook, when given, before what the file says of itself (bands,
    # units and tie-breaks are not in the fingerprint)
    if given is None and summary.definition is not None:
        try:
            campaign = decode_campaign(summary.definition)
        except DefinitionDataError as exc:
            damage = clip(str(exc), 80)
        else:
            if campaign.fingerprint != fingerprint or campaign.info.campaign_id != campaign_id:
                damage = f"fingerprint {campaign.fingerprint} ≠ {fingerprint}"
                campaign = None
    from_definition = campaign is not None
    if campaign is None and given is not None:
        campaign = _of_period(given, meta.get(PERIOD_KEY, ""))
    if campaign is None:
        if damage:
            return Issue(
                "trend_definition_damaged", file=str(path), params=message_params(detail=damage)
            )
        return Issue("trend_no_definition", file=str(path), value=campaign_id or path.name)
    result = check_summary(campaign, summary)
    if not result.members:
        errors = [i for i in result.issues if i.severity is Severity.ERROR]
        return errors[0] if errors else Issue("trend_not_summary", file=str(path), value=path.name)
    cards: dict[str, ScoreCard] = {}
    late: set[str] = set()
    issues: list[Issue] = []
    for member in result.members:
        if not member.accepted or member.card is None or member.unit is None:
            issues += [
                i
                for i in member.issues
                if i.severity is Severity.ERROR and i.code not in _NOT_AN_ISSUE
            ]
            continue
        card = member.card
        verified = summary.verified.get(member.unit)
        if verified:
            known = {c: s for c, s in verified.items() if c in campaign.leaf_map}
            card = score_card(campaign, member.inputs, known)
        cards[member.unit] = card
        if any(i.code == "file_late" for i in member.issues):
            late.add(member.unit)
    issuer = meta.get("unit_code", "")
    cluster = meta.get("cluster", "")
    try:
        expected = tuple(expected_units(campaign, issuer or None, cluster or None)[1])
    except UnitSelectionError:
        expected = tuple(cards)
    leaves = [leaf.code for leaf in campaign.leaves]
    return ScoredSummary(
        path=path,
        campaign=campaign,
        period=campaign.period or _stamped_period(meta),
        issuer=issuer,
        issuer_name=meta.get("unit_name", ""),
        cluster=cluster,
        generated_at=parse_timestamp(meta.get("generated_at", "")),
        ranking=tuple(rank_units(campaign, cards)),
        scores={u: {c: card.final_nodes[c] for c in leaves} for u, card in cards.items()},
        expected=expected,
        late=frozenset(late),
        issues=tuple(issues),
        from_definition=from_definition,
    )


def _of_period(campaign: Campaign, name: str) -> Campaign:
    """The campaign given, as a run of the period the summary is stamped with."""
    period = find_period(campaign.periods, name) if name else None
    return campaign.for_period(period) if period is not None else campaign


def _stamped_period(meta: Mapping[str, str]) -> Period | None:
    """The period the summary's hidden information names, when its campaign lists none."""
    name = meta.get(PERIOD_KEY, "")
    if not name:
        return None
    index = meta.get(PERIOD_INDEX_KEY, "")
    return Period(name, int(index) if index.isdigit() and len(index) < 6 else 0)


def _failed(path: Path, exc: BaseException) -> Issue:
    detail = clip(f"{type(exc).__name__}: {exc}", 120)
    return Issue("file_check_failed", file=str(path), params=message_params(detail=detail))


def _unreadable(path: Path, code: str, detail: str) -> Issue:
    """A file whose worker died or ran out of time: refused alone, the trend goes on."""
    return Issue(code, file=str(path), params={"detail": detail})
