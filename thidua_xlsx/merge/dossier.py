"""``thidua dossier``: read a level's summary back and gather what the award papers say.

The summary is read and checked like any returned summary (contained, every carried unit's
entries scored again, :mod:`thidua_xlsx.checking`), the upper level's verified scores on its
*Thẩm định* sheet are applied, the units are ranked again, and the campaign's award rule gives
the candidates (the summary's *Đề nghị khen thưởng*). Returns a
:class:`~thidua_xlsx.core.dossier.Dossier`; :mod:`thidua_xlsx.dossier.writer` writes the papers.

The Council's vote comes as the result workbook ``thidua vote … --tally`` wrote
(:func:`~thidua_xlsx.merge.vote.read_vote_result`); :func:`council_vote` turns it into what the
minutes need, once it is known to be the vote on this summary's candidates.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ..checking.run import run_check
from ..core.dossier import (
    CandidateVote,
    CouncilVote,
    Dossier,
    MeetingMember,
    ProposedUnit,
    award_candidates,
    proposed_unit,
)
from ..core.model import AwardRule, Campaign
from ..core.ranking import rank_units
from ..core.scoring import ScoreCard, score_card
from ..core.vi_text import fold, format_decimal
from ..core.vote import Outcome
from ..errors import DossierError
from ..intake.summary_verified import read_summary_verified
from ..intake.vote_result_file import VoteResultFile
from ..runtime.containment import DEFAULT_LIMITS, ReadLimits
from ..words.issues import Severity
from ..words.messages import Lang, render

__all__ = ["build_dossier", "council_vote", "nobody_qualifies"]


def build_dossier(
    campaign: Campaign,
    summary: str | Path,
    vote: VoteResultFile | CouncilVote | None = None,
    limits: ReadLimits = DEFAULT_LIMITS,
) -> Dossier:
    """What the papers of ``summary`` say, with the Council's ``vote`` when given (its result
    workbook, read by :func:`~thidua_xlsx.merge.vote.read_vote_result`). Raises
    :class:`DossierError` when the file is not a summary of this campaign that can be used,
    the campaign names no award, or the vote was held on other candidates than the
    summary's."""
    path = Path(summary)
    if campaign.award is None:
        raise DossierError("no_award", path=str(path))
    result = run_check(campaign, [path], workers=1, limits=limits).files[0]
    if not result.is_summary or not result.accepted:
        errors = [i for i in result.issues if i.severity is Severity.ERROR]
        detail = errors[0].message("vi") if errors else "—"
        raise DossierError("not_summary", path=str(path), detail=detail)
    verified = read_summary_verified(path)
    cards: dict[str, ScoreCard] = {}
    inputs = {}
    issues = []
    for member in result.members:
        if not member.accepted or member.card is None or member.unit is None:
            issues += [i for i in member.issues if i.severity is Severity.ERROR]
            continue
        if not campaign.has_unit(member.unit):
            continue
        card = member.card
        scores = verified.get(member.unit)
        if scores:
            known = {c: s for c, s in scores.items() if c in campaign.leaf_map}
            card = score_card(campaign, member.inputs, known)
        cards[member.unit] = card
        inputs[member.unit] = member.inputs
    ranking = tuple(rank_units(campaign, cards))
    candidates = tuple(
        proposed_unit(campaign, place, cards[place.unit], inputs[place.unit])
        for place in award_candidates(campaign, ranking)
    )
    issuer = campaign.unit(result.unit) if result.unit and campaign.has_unit(result.unit) else None
    if isinstance(vote, VoteResultFile):
        _same_candidates(vote, result.unit or "", candidates, path)
        vote = council_vote(campaign, vote)
    return Dossier(
        campaign=campaign,
        issuer=issuer,
        award=campaign.award,
        ranking=ranking,
        candidates=candidates,
        vote=vote,
        summary_name=path.name,
        issues=tuple(issues),
    )


def council_vote(campaign: Campaign, result: VoteResultFile) -> CouncilVote:
    """What the minutes need from the Council's result workbook: every member (absent ones
    too) with their role, each candidate's votes and decision, the chairman (the Council's
    own when present, else the first vice-chairman present) and the secretary. The meeting's
    date and place are not in the tally: the minutes leave them to fill."""
    members = tuple(MeetingMember(m.name, m.role, m.present) for m in result.members)
    meta = result.metadata
    votes = tuple(
        CandidateVote(
            unit=d.unit,
            agree=d.yes,
            disagree=d.no,
            passed=d.outcome == Outcome.SELECTED.value,
            reason=_why(d.outcome, d.code, meta.get("share", ""), meta.get("quota", "")),
        )
        for d in result.decisions
    )
    council = campaign.council
    chair = council.chair.name if council is not None and council.chair is not None else ""
    if not any(m.present and m.name == chair for m in members):
        chair = next(
            (m.name for m in members if m.present and fold(m.role).startswith("pho chu tich")),
            "",
        )
    secretary = next((m.name for m in members if "thu ky" in fold(m.role)), "")
    return CouncilVote(members, votes, chair=chair, secretary=secretary)


def _why(outcome: str, code: str, share: str, quota: str) -> str:
    """The decision's reason in a few words, for the minutes' table ("" when it passed)."""
    if code in ("vote_tie_chair_agreed", "vote_tie_chair_not"):
        return render("dossier.why.tie_chair", "vi")
    if outcome == Outcome.SELECTED.value:
        return ""
    if outcome not in {o.value for o in Outcome}:
        return ""
    return render(f"dossier.why.{outcome}", "vi", share=share, quota=quota)


def _same_candidates(
    result: VoteResultFile, unit: str, candidates: tuple[ProposedUnit, ...], summary: Path
) -> None:
    """Refuse a vote held on other candidates than the summary proposes (another level's or
    another ranking's summary, or one made with other verification workbooks)."""
    voted = [(d.unit, d.total, d.rank) for d in result.decisions]
    proposed = [(c.unit.code, c.total, c.place.rank) for c in candidates]
    if voted == proposed and result.metadata.get("unit_code", "") == unit:
        return

    def listing(rows: list[tuple[str, Decimal, int]]) -> str:
        said = [f"{code} ({format_decimal(total)}, #{rank})" for code, total, rank in rows]
        return ", ".join(said) or render("word.none", "vi")

    raise DossierError(
        "vote_summary",
        path=str(result.path),
        detail=render(
            "dossier.vote_differs",
            "vi",
            summary=summary.name,
            proposed=listing(proposed),
            voted=listing(voted),
        ),
    )


def nobody_qualifies(award: AwardRule, summary_name: str, lang: Lang) -> str:
    """The sentence said when no unit of the summary meets the award rule (``thidua dossier``
    and the web page)."""
    rule = [
        render("dossier.rule_top", lang, count=award.top_n) if award.top_n else "",
        render("dossier.rule_band", lang, band=award.min_band) if award.min_band else "",
    ]
    return render(
        "cli.dossier_none",
        lang,
        award=award.title,
        path=summary_name,
        rule=", ".join(r for r in rule if r) or render("word.none", lang),
    )
