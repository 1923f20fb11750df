"""The Council's vote (``thidua vote``): the candidates a summary proposes, and the decision
a filled tally gives.

The summary is read back like any returned file (in a contained worker): each unit it carries
is checked and scored again, ranked, and the campaign's award rule applied, as the summary's
*Đề nghị khen thưởng* list was made. The tally is read and checked in a contained worker too;
:func:`~thidua_xlsx.core.vote.decide` decides from it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..checking.run import run_check
from ..checking.tally import TallyChecker, TallyReading, refused
from ..core.model import Campaign
from ..core.ranking import rank_units
from ..core.submissions import choose_submissions
from ..core.verification import apply_verification
from ..core.vote import VOTE_RESULT_KIND, VotePlan, VoteResult, decide, proposed_units
from ..errors import InboxError, UnusableFileError, VoteError
from ..intake.reader import ReturnedFileReader
from ..intake.vote_result_file import VoteResultFile
from ..runtime.containment import DEFAULT_LIMITS, ReadLimits, run_contained
from ..words.issues import Severity
from ..words.messages import Message
from .rank import expected_units
from .verify import read_verifications

__all__ = ["decide_vote", "plan_vote", "read_vote_result"]


def plan_vote(
    campaign: Campaign,
    summary: str | Path,
    limits: ReadLimits = DEFAULT_LIMITS,
    verified: Iterable[str | Path] = (),
) -> VotePlan:
    """The Council, the rule of the campaign's award and the units the summary proposes.
    ``verified``: the verification workbooks the summary was made with (``merge
    --verified``), applied again so that the ranking is the summary's.

    Raises :class:`VoteError` when the campaign has no Council or no award, or the summary
    is not one this campaign can use; :class:`InboxError` when it does not exist."""
    path = Path(summary)
    council = campaign.council
    if council is None:
        raise VoteError("vote.no_council", campaign=campaign.info.campaign_id)
    award = campaign.award
    rule = council.rule(award.title) if award is not None else None
    if award is None or rule is None:
        raise VoteError("vote.no_award")
    if not path.is_file():
        raise InboxError(str(path), "missing")
    check = run_check(campaign, [path], workers=1, limits=limits)
    result = check.files[0]
    if not result.accepted:
        errors = [i.code for i in result.issues if i.severity is Severity.ERROR]
        raise VoteError("vote.summary_unusable", path=str(path), reason=", ".join(errors))
    if not result.is_summary:
        raise VoteError(
            "vote.summary_unusable", path=str(path), reason=Message("vote.summary_not_summary")
        )
    parent = result.unit or ""
    _, expected = expected_units(campaign, parent or None, result.cluster or None)
    completeness = choose_submissions(check.files, expected)
    workbooks = list(verified)
    if workbooks:
        results = read_verifications(campaign, workbooks, limits)
        refused = [r for r in results if not r.accepted]
        if refused:
            errors = [i.code for r in refused for i in r.issues if i.severity is Severity.ERROR]
            path_text = str(refused[0].path)
            raise VoteError("vote.verified_unusable", path=path_text, reason=", ".join(errors))
        completeness, _, _ = apply_verification(campaign, completeness, results)
    cards = {
        u.unit: u.result.card
        for u in completeness.counted
        if u.result is not None and u.result.card is not None
    }
    candidates = proposed_units(campaign, rank_units(campaign, cards))
    return VotePlan(campaign, council, rule, path, parent, candidates)


def decide_vote(
    campaign: Campaign,
    summary_path: str | Path,
    tally_path: str | Path,
    limits: ReadLimits = DEFAULT_LIMITS,
    verified: Iterable[str | Path] = (),
) -> VoteResult:
    """Read the filled tally (checked like any returned file) and decide the vote on the
    summary's candidates (``verified`` as for :func:`plan_vote`). A tally with an error decides
    nothing (``decision`` is None)."""
    plan = plan_vote(campaign, summary_path, limits, verified)
    tally = Path(tally_path)
    if not tally.is_file():
        raise InboxError(str(tally), "missing")
    reading: TallyReading = run_contained(TallyChecker(plan), _unreadable, [tally], 1, limits)[0]
    if not reading.accepted:
        return VoteResult(plan, tally, reading.issues)
    decision = decide(plan.council, plan.rule, plan.candidates, reading.votes)
    return VoteResult(plan, tally, reading.issues, reading.votes, decision)


def _unreadable(path: Path, code: str, detail: str) -> TallyReading:
    return refused(path, code, detail)


def read_vote_result(
    campaign: Campaign, path: str | Path, limits: ReadLimits = DEFAULT_LIMITS
) -> VoteResultFile:
    """The result workbook ``thidua vote … --tally`` wrote, read in a contained worker (for the
    dossier's minutes). Raises :class:`VoteError` when it is not one, or not this campaign's
    with its current criteria; :class:`InboxError` when it does not exist."""
    target = Path(path)
    if not target.is_file():
        raise InboxError(str(target), "missing")
    read = run_contained(_ResultReader(), _result_unreadable, [target], 1, limits)[0]
    if isinstance(read, str):
        raise VoteError("vote.result_unusable", path=str(target), reason=read)
    meta = read.metadata
    if meta.get("kind") != VOTE_RESULT_KIND or read.damaged:
        raise VoteError("vote.result_unusable", path=str(target), reason=meta.get("kind", "?"))
    if (meta.get("campaign_id"), meta.get("fingerprint")) != (
        campaign.info.campaign_id,
        campaign.fingerprint,
    ):
        reason = (
            "tally_other_campaign"
            if meta.get("campaign_id") != campaign.info.campaign_id
            else "tally_outdated"
        )
        raise VoteError("vote.result_unusable", path=str(target), reason=reason)
    return read


class _ResultReader:
    def __call__(self, path: Path) -> VoteResultFile | str:
        try:
            returned = ReturnedFileReader().read(path)
        except UnusableFileError as exc:
            return exc.code
        if not isinstance(returned, VoteResultFile):
            return returned.metadata.get("kind") or "card"
        return returned


def _result_unreadable(path: Path, code: str, detail: str) -> str:
    return code
