"""The Council's vote (pure): who is a candidate, and what the votes decide.

* The candidates are the summary's proposed units (its *Đề nghị khen thưởng* list): the
  campaign's award rule applied to the ranking (the top ``top_n``, in ``min_band`` or better).
* The meeting can decide only with its quorum present (by default at least two thirds of all
  members). A title passes with a share of **all** members voting *Đồng ý*, not of those
  present; an absent member's written opinion counts when the Council's rules say so.
* A quota is filled by votes, most first; a tie across the quota's edge goes to the
  chairman's vote (those he agreed to first); a tie his vote does not settle is left for the
  Council to vote again.

Every count is an integer and every share an exact :class:`~fractions.Fraction`. Every
decision carries its reason as an :class:`~thidua_xlsx.words.issues.Issue`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from ..words.issues import Issue
from .council import Council, CouncilMember, Share, TitleRule
from .model import Campaign
from .ranking import RankedUnit
from .vi_text import format_decimal

__all__ = [
    "TALLY_KIND",
    "VOTE_RESULT_KIND",
    "Candidate",
    "Choice",
    "Decision",
    "MemberVote",
    "Outcome",
    "VoteDecision",
    "VotePlan",
    "VoteResult",
    "council_fingerprint",
    "decide",
    "proposed_units",
    "share_percent",
    "tally_fingerprint",
]

TALLY_KIND = "vote_tally"  # the tally workbook's hidden ``kind``
VOTE_RESULT_KIND = "vote_result"  # the result workbook's hidden ``kind``


@dataclass(frozen=True)
class Candidate:
    """A proposed unit, as the summary ranked it."""

    unit: str
    name: str
    total: Decimal
    rank: int
    band: str


def proposed_units(campaign: Campaign, ranking: Iterable[RankedUnit]) -> tuple[Candidate, ...]:
    """The units the summary proposes (its *Đề nghị khen thưởng* list), best first: the
    award rule's top ``top_n`` ranks, in its ``min_band`` or better. Empty without a rule."""
    award = campaign.award
    if award is None:
        return ()
    bands = [b.label for b in campaign.bands]
    allowed = bands[: bands.index(award.min_band) + 1] if award.min_band in bands else bands
    return tuple(
        Candidate(r.unit, r.name, r.total, r.rank, r.band)
        for r in ranking
        if (award.top_n is None or r.rank <= award.top_n) and (not bands or r.band in allowed)
    )


class Choice(Enum):
    YES = "yes"  # Đồng ý
    NO = "no"  # Không đồng ý
    BLANK = "blank"  # nothing marked: not an agreement


@dataclass(frozen=True)
class MemberVote:
    """One member's line of the tally: present or not, and a choice per candidate."""

    member: CouncilMember
    present: bool
    choices: Mapping[str, Choice] = field(default_factory=dict)  # unit → choice

    def choice(self, unit: str) -> Choice:
        return self.choices.get(unit, Choice.BLANK)

    @property
    def sent(self) -> bool:
        """Whether the member expressed any choice (an absent member: a written opinion)."""
        return any(c is not Choice.BLANK for c in self.choices.values())


class Outcome(Enum):
    SELECTED = "selected"  # được đề nghị
    BELOW_SHARE = "below_share"  # không đủ tỷ lệ đồng ý
    OVER_QUOTA = "over_quota"  # đủ tỷ lệ, ngoài số lượng
    TIE = "tie"  # bằng phiếu ở giới hạn số lượng: bỏ phiếu lại
    NO_QUORUM = "no_quorum"  # không đủ số thành viên có mặt


@dataclass(frozen=True)
class Decision:
    """What the vote decided for one candidate, and why."""

    candidate: Candidate
    outcome: Outcome
    yes: int
    no: int
    blank: int
    reason: Issue
    place: int = 0  # its place by votes among those that reached the share (0: none)

    @property
    def selected(self) -> bool:
        return self.outcome is Outcome.SELECTED


@dataclass(frozen=True)
class VoteDecision:
    """The vote as a whole: who counted, the quorum, each candidate's decision."""

    title: str
    rule: TitleRule
    quorum: Share
    members: int
    present: int
    counted: int  # members whose votes count: present, and absent with a written opinion
    quorum_met: bool
    decisions: tuple[Decision, ...]
    issues: tuple[Issue, ...] = ()  # about the vote as a whole (no quorum)

    @property
    def selected(self) -> tuple[Decision, ...]:
        return tuple(d for d in self.decisions if d.selected)


def share_percent(count: int, members: int) -> str:
    """``count`` of ``members`` as a percentage, two decimals, decimal comma (for reading
    only: decisions compare exact fractions)."""
    if members <= 0:
        return "0%"
    exact = Decimal(count * 100) / Decimal(members)
    return f"{format_decimal(exact.quantize(Decimal('0.01'), ROUND_HALF_UP))}%"


def decide(
    council: Council,
    rule: TitleRule,
    candidates: Sequence[Candidate],
    votes: Sequence[MemberVote],
) -> VoteDecision:
    """Decide the vote on ``candidates`` for ``rule``'s title from each member's ``votes``."""
    total = len(council.members)
    present = sum(1 for v in votes if v.present)
    # an absent member's written opinion counts when the rules say so (and when there is one)
    counting = [v for v in votes if v.present or (council.written_votes_count and v.sent)]
    quorum_met = council.quorum.met(present, total)
    base = {"members": str(total), "title": rule.title}

    def count(unit: str, choice: Choice) -> int:
        return sum(1 for v in counting if v.choice(unit) is choice)

    tallies = {c.unit: (count(c.unit, Choice.YES), count(c.unit, Choice.NO)) for c in candidates}
    blank = {c.unit: len(counting) - sum(tallies[c.unit]) for c in candidates}
    if not quorum_met:
        issue = Issue(
            "vote_no_quorum",
            value=str(present),
            params={
                "members": str(total),
                "share": council.quorum.text(),
                "needed": _needed(council.quorum, total),
            },
        )
        refused = tuple(
            Decision(c, Outcome.NO_QUORUM, *tallies[c.unit], blank[c.unit], issue)
            for c in candidates
        )
        return VoteDecision(
            rule.title, rule, council.quorum, total, present, len(counting), False, refused,
            (issue,),
        )  # fmt: skip

    passing = [c for c in candidates if rule.share.met(tallies[c.unit][0], total)]
    # most votes first; equal votes keep the summary's order (its rank) for the listing only
    ordered = sorted(passing, key=lambda c: -tallies[c.unit][0])
    place = {c.unit: i for i, c in enumerate(ordered, start=1)}
    chair = council.chair
    chair_vote = next((v for v in counting if chair is not None and v.member == chair), None)
    outcome: dict[str, tuple[Outcome, str, dict[str, str]]] = {}
    quota = rule.quota
    if quota is None or len(ordered) <= quota:
        for c in ordered:
            outcome[c.unit] = (Outcome.SELECTED, "vote_passed", {})
    else:
        edge = tallies[ordered[quota - 1].unit][0]  # the votes of the last place in the quota
        above = [c for c in ordered if tallies[c.unit][0] > edge]
        tied = [c for c in ordered if tallies[c.unit][0] == edge]
        below = [c for c in ordered if tallies[c.unit][0] < edge]
        slots = quota - len(above)
        for c in above:
            outcome[c.unit] = (Outcome.SELECTED, "vote_passed", {})
        for c in below:
            outcome[c.unit] = (Outcome.OVER_QUOTA, "vote_over_quota", {})
        names = ", ".join(c.name for c in tied)
        if len(tied) <= slots:  # (cannot happen: the edge is shared across the quota)
            for c in tied:
                outcome[c.unit] = (Outcome.SELECTED, "vote_passed", {})
        else:
            agreed = [
                c
                for c in tied
                if chair_vote is not None and chair_vote.choice(c.unit) is Choice.YES
            ]
            others = [c for c in tied if c not in agreed]
            why = {"tied": names, "slots": str(slots)}
            if chair_vote is None:
                for c in tied:
                    outcome[c.unit] = (Outcome.TIE, "vote_tie_no_chair", why)
            elif len(agreed) == slots:
                for c in agreed:
                    outcome[c.unit] = (Outcome.SELECTED, "vote_tie_chair_agreed", why)
                for c in others:
                    outcome[c.unit] = (Outcome.OVER_QUOTA, "vote_tie_chair_not", why)
            elif len(agreed) > slots:  # he agreed to more than the places left
                for c in agreed:
                    outcome[c.unit] = (Outcome.TIE, "vote_tie_unresolved", why)
                for c in others:
                    outcome[c.unit] = (Outcome.OVER_QUOTA, "vote_tie_chair_not", why)
            else:  # fewer: those he agreed to pass, the rest share the places still left
                for c in agreed:
                    outcome[c.unit] = (Outcome.SELECTED, "vote_tie_chair_agreed", why)
                for c in others:
                    outcome[c.unit] = (Outcome.TIE, "vote_tie_unresolved", why)
    decisions = []
    for c in candidates:
        yes, no = tallies[c.unit]
        params = {
            **base,
            "yes": str(yes),
            "percent": share_percent(yes, total),
            "share": rule.share.text(),
            "needed": _needed(rule.share, total),
            "quota": str(quota) if quota is not None else "",
            "place": str(place.get(c.unit, 0)),
        }
        kind, code, extra = outcome.get(c.unit, (Outcome.BELOW_SHARE, "vote_below_share", {}))
        issue = Issue(code, value=c.name, params={**params, **extra})
        decisions.append(Decision(c, kind, yes, no, blank[c.unit], issue, place.get(c.unit, 0)))
    return VoteDecision(
        rule.title, rule, council.quorum, total, present, len(counting), True, tuple(decisions)
    )


def _needed(share: Share, members: int) -> str:
    return str(share.needed(members))


def council_fingerprint(council: Council, title: TitleRule) -> str:
    """What a tally was written for: the members (name and role, in order), the quorum,
    whether written opinions count, and the title's rule. A tally made before any of these
    changed cannot be read against the new Council."""
    digest = hashlib.sha256()
    for m in council.members:
        digest.update(f"m\t{m.name}\t{m.role}\n".encode())
    for share in (council.quorum, title.share):
        digest.update(f"s\t{share.fraction}\t{share.strict}\n".encode())
    digest.update(f"w\t{council.written_votes_count}\tq\t{title.quota}\t{title.title}".encode())
    return digest.hexdigest()[:16]


def tally_fingerprint(
    campaign_fingerprint: str, council: str, candidates: Iterable[Candidate]
) -> str:
    """The tally workbook's own fingerprint: the campaign's and the Council's, and each
    candidate (code, name, total, rank)."""
    digest = hashlib.sha256(f"{campaign_fingerprint}\t{council}".encode())
    for c in candidates:
        digest.update(f"\n{c.unit}\t{c.name}\t{c.total}\t{c.rank}".encode())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class VotePlan:
    """What ``thidua vote … -o DIR`` writes from: the Council, the title's rule and the
    candidates the summary proposes."""

    campaign: Campaign
    council: Council
    rule: TitleRule
    summary: Path
    parent: str  # the unit whose summary it is ("" for the top level)
    candidates: tuple[Candidate, ...]

    @property
    def council_fingerprint(self) -> str:
        return council_fingerprint(self.council, self.rule)

    @property
    def fingerprint(self) -> str:
        return tally_fingerprint(
            self.campaign.fingerprint, self.council_fingerprint, self.candidates
        )


@dataclass(frozen=True)
class VoteResult:
    """A filled tally read back and decided (``thidua vote … --tally``). ``decision`` is
    ``None`` when the tally has an error: nothing is decided from a tally that cannot be
    trusted."""

    plan: VotePlan
    tally: Path
    issues: tuple[Issue, ...]  # the tally's own (reading and checking)
    votes: tuple[MemberVote, ...] = ()
    decision: VoteDecision | None = None

    @property
    def accepted(self) -> bool:
        return self.decision is not None

    @property
    def exit_code(self) -> int:
        """0 when every candidate is decided; 1 when the tally was refused, the quorum was
        not met or a tie is left to vote again."""
        if self.decision is None or not self.decision.quorum_met:
            return 1
        return 1 if any(d.outcome is Outcome.TIE for d in self.decision.decisions) else 0

    def to_json(self, lang: str = "vi") -> dict[str, Any]:
        """The vote as a JSON document: the tally's issues, the meeting, each decision."""
        plan = self.plan
        out: dict[str, Any] = {
            "campaign_id": plan.campaign.info.campaign_id,
            "summary": str(plan.summary),
            "tally": str(self.tally),
            "title": plan.rule.title,
            "accepted": self.accepted,
            "issues": [_issue_json(i, lang) for i in self.issues],
        }
        decision = self.decision
        if decision is None:
            return out
        out.update(
            members=decision.members,
            present=decision.present,
            counted=decision.counted,
            quorum=decision.quorum.text(),
            quorum_met=decision.quorum_met,
            share=plan.rule.share.text(),
            quota=plan.rule.quota,
            decisions=[
                {
                    "unit": d.candidate.unit,
                    "name": d.candidate.name,
                    "total": str(d.candidate.total),
                    "rank": d.candidate.rank,
                    "yes": d.yes,
                    "no": d.no,
                    "blank": d.blank,
                    "outcome": d.outcome.value,
                    "code": d.reason.code,
                    "reason": d.reason.message(lang),
                }
                for d in decision.decisions
            ],
        )
        return out


def _issue_json(issue: Issue, lang: str) -> dict[str, Any]:
    return {
        "code": issue.code,
        "severity": issue.severity.value,
        "sheet": issue.sheet,
        "cell": issue.cell,
        "value": issue.value,
        "message": issue.message(lang),
    }
