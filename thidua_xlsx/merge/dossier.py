"""``thidua dossier``: read a level's summary back and gather what the award papers say.

The summary is read and checked like any returned summary (contained, every carried unit's
entries scored again, :mod:`thidua_xlsx.checking`), the upper level's verified scores on its
*Thẩm định* sheet are applied, the units are ranked again, and the campaign's award rule gives
the candidates (the summary's *Đề nghị khen thưởng*). Returns a
:class:`~thidua_xlsx.core.dossier.Dossier`; :mod:`thidua_xlsx.dossier.writer` writes the papers.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..checking.run import run_check
from ..core.dossier import CouncilVote, Dossier, award_candidates, council_vote, proposed_unit
from ..core.model import Campaign
from ..core.ranking import rank_units
from ..core.scoring import ScoreCard, score_card
from ..errors import DossierError
from ..intake.summary_verified import read_summary_verified
from ..runtime.containment import DEFAULT_LIMITS, ReadLimits
from ..words.issues import Severity

__all__ = ["build_dossier", "load_vote"]


def build_dossier(
    campaign: Campaign,
    summary: str | Path,
    vote: CouncilVote | None = None,
    limits: ReadLimits = DEFAULT_LIMITS,
) -> Dossier:
    """What the papers of ``summary`` say. Raises :class:`DossierError` when the file is not
    a summary of this campaign that can be used, or the campaign names no award."""
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


def load_vote(path: str | Path) -> CouncilVote:
    """The Council's vote from a JSON file (see :func:`~thidua_xlsx.core.dossier.council_vote`
    for its shape). Raises :class:`DossierError` when it cannot be read."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return council_vote(data)
    except (OSError, ValueError, TypeError, KeyError) as exc:
        raise DossierError("vote", path=str(path), detail=str(exc)) from exc
