"""The award dossier (SPEC §10), pure: who is proposed, what each proposed unit's report
says, and what the Council's minutes need.

Luật Thi đua, khen thưởng 2022 Điều 84 asks, for every proposal, a *tờ trình* (Mẫu số 01 of
Nghị định 152/2025/NĐ-CP), a *báo cáo thành tích* per proposed collective and the *biên bản*
of the Council's review with its vote. The writers (:mod:`thidua_xlsx.dossier`) fill
replaceable templates from a :class:`Dossier`; nothing here knows a file format.

The Council's vote is an input of its own (:class:`CouncilVote`, made from the result
workbook of ``thidua vote … --tally`` by :func:`thidua_xlsx.merge.dossier.council_vote`):
members, votes per candidate and decisions. Without it the minutes carry a vote table with
places to fill by hand, and the list is the proposal by rank (*đề nghị*).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..words.issues import Issue
from .model import AwardRule, Campaign, Method, Unit
from .ranking import RankedUnit
from .scoring import RawInput, ScoreCard

__all__ = [
    "CandidateVote",
    "CouncilVote",
    "Dossier",
    "EvidenceCited",
    "MeetingMember",
    "ProposedUnit",
    "SectionScore",
    "TargetReached",
    "award_candidates",
    "proposed_unit",
]


@dataclass(frozen=True)
class SectionScore:
    """One section of the criteria: its points out of its maximum."""

    code: str
    content: str
    score: Decimal
    max_points: Decimal
    self_score: Decimal  # before the upper level's verification (equal when none)


@dataclass(frozen=True)
class TargetReached:
    """A *Tỷ lệ % chỉ tiêu* criterion: the result against the target, and its points."""

    code: str
    content: str
    result: Decimal | None
    target: Decimal | None
    reached: Decimal | None  # result ÷ target, capped at 1 (None without both)
    points: Decimal
    max_points: Decimal


@dataclass(frozen=True)
class EvidenceCited:
    """The evidence a unit cited for one criterion, as it wrote it."""

    code: str
    content: str
    evidence: str


@dataclass(frozen=True)
class ProposedUnit:
    """One collective proposed for the award, with what its *báo cáo thành tích* is
    prefilled from: its place, its (verified) scores, its targets and its evidence."""

    unit: Unit
    place: RankedUnit
    total: Decimal
    self_total: Decimal
    regular: Decimal
    bonus: Decimal
    deduction: Decimal
    sections: tuple[SectionScore, ...]
    targets: tuple[TargetReached, ...]
    evidence: tuple[EvidenceCited, ...]
    verified: tuple[tuple[str, Decimal, Decimal], ...]  # criterion, self score, verified score


@dataclass(frozen=True)
class MeetingMember:
    """A member of the *Hội đồng Thi đua - Khen thưởng* and their role in it."""

    name: str
    role: str = ""  # Chủ tịch Hội đồng, Phó Chủ tịch, Ủy viên, Thư ký…
    present: bool = True


@dataclass(frozen=True)
class CandidateVote:
    """The votes for one proposed unit and the Council's decision."""

    unit: str  # the unit's code
    agree: int
    disagree: int = 0
    passed: bool = True  # the Council proposes it
    reason: str = ""  # how the decision was reached (threshold, quota, chairman's vote…)


@dataclass(frozen=True)
class CouncilVote:
    """What the minutes need from the Council's meeting: who sat, how each candidate was
    voted and what was decided. ``members`` lists every member (absent ones too), so shares
    are of all members, as the rules count them."""

    members: tuple[MeetingMember, ...]
    votes: tuple[CandidateVote, ...]
    meeting_date: date | None = None
    meeting_place: str = ""
    chair: str = ""  # who chaired (defaults to the member whose role is the chairman's)
    secretary: str = ""

    @property
    def present(self) -> tuple[MeetingMember, ...]:
        return tuple(m for m in self.members if m.present)

    def vote_for(self, unit: str) -> CandidateVote | None:
        return next((v for v in self.votes if v.unit == unit), None)


@dataclass(frozen=True)
class Dossier:
    """Everything the papers are filled from: the campaign, the body that proposes (the
    summary's own unit), the award, the units proposed in rank order, the whole ranking,
    and the Council's vote when there is one."""

    campaign: Campaign
    issuer: Unit | None  # the level whose summary it is (None: the campaign's own body)
    award: AwardRule
    ranking: tuple[RankedUnit, ...]
    candidates: tuple[ProposedUnit, ...]  # proposed by the award rule, best first
    vote: CouncilVote | None = None
    summary_name: str = ""  # the summary's file name, cited by the papers
    # the errors that kept a unit the summary carries out of the papers (its entries no longer
    # check: a damaged or edited summary); the papers then differ from the summary's sheets
    issues: tuple[Issue, ...] = ()

    @property
    def exit_code(self) -> int:
        return 1 if self.issues else 0

    @property
    def proposed(self) -> tuple[ProposedUnit, ...]:
        """The units the papers propose: the candidates the Council passed when it voted,
        every candidate by rank otherwise."""
        if self.vote is None:
            return self.candidates
        return tuple(
            c
            for c in self.candidates
            if (v := self.vote.vote_for(c.unit.code)) is not None and v.passed
        )


def award_candidates(campaign: Campaign, ranking: Sequence[RankedUnit]) -> list[RankedUnit]:
    """The ranked units the campaign's award rule proposes (the summary's *Đề nghị khen
    thưởng*): the top ``top_n`` by rank, in the minimum band or better. None without a rule."""
    award = campaign.award
    if award is None:
        return []
    bands = [b.label for b in campaign.bands]
    allowed = bands[: bands.index(award.min_band) + 1] if award.min_band in bands else bands
    return [
        r
        for r in ranking
        if (award.top_n is None or r.rank <= award.top_n) and (not bands or r.band in allowed)
    ]


def proposed_unit(
    campaign: Campaign,
    place: RankedUnit,
    card: ScoreCard,
    inputs: Mapping[str, RawInput],
) -> ProposedUnit:
    """What a proposed unit's report is prefilled from: its card's sections, every % target
    criterion it entered (result against target), and the evidence it cited, in sheet order."""
    sections = tuple(
        SectionScore(
            s.code, s.content, card.final_nodes[s.code], s.max_points, card.self_nodes[s.code]
        )
        for s in campaign.sections
    )
    targets = []
    evidence = []
    for leaf in campaign.leaves:
        raw = inputs.get(leaf.code)
        if raw is None:
            continue
        if leaf.method is Method.TY_LE:
            target = leaf.target if leaf.target is not None else raw.target
            reached = None
            if raw.amount is not None and target:
                reached = min(raw.amount / target, Decimal(1))
            targets.append(
                TargetReached(
                    leaf.code,
                    leaf.content,
                    raw.amount,
                    target,
                    reached,
                    card.final_nodes[leaf.code],
                    leaf.max_points,
                )
            )
        if raw.evidence.strip():
            evidence.append(EvidenceCited(leaf.code, leaf.content, raw.evidence.strip()))
    verified = tuple(
        (code, own, final)
        for code, (own, final) in card.verified_differences.items()
        if code in campaign.leaf_map
    )
    return ProposedUnit(
        unit=campaign.unit(place.unit),
        place=place,
        total=card.total,
        self_total=card.self_total,
        regular=card.regular,
        bonus=card.bonus,
        deduction=card.deduction,
        sections=sections,
        targets=tuple(targets),
        evidence=tuple(evidence),
        verified=verified,
    )
