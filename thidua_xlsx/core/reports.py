"""What the use cases return (pure: no spreadsheet library): a check of many files, a level's
ranking, a parent's composed card. Writers and faces take these; they never run a use case."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..words.issues import Issue, Severity
from ..words.messages import Message, as_lang, render, word
from .model import Campaign, Unit
from .ranking import RankedUnit
from .results import FileResult, FileStatus
from .scoring import RawInput, ScoreCard
from .submissions import Completeness, SubmissionStatus, UnitSubmission
from .verification import VerificationResult, VerifiedScore
from .vi_text import format_decimal

__all__ = [
    "CheckReport",
    "ComposeReport",
    "RankReport",
    "submission_summary",
    "units_json",
]


@dataclass(frozen=True)
class CheckReport:
    """The outcome of checking files, one :class:`FileResult` per input file, in order."""

    campaign: Campaign
    files: tuple[FileResult, ...]

    @property
    def accepted(self) -> tuple[FileResult, ...]:
        return tuple(f for f in self.files if f.status is FileStatus.ACCEPTED)

    @property
    def rejected(self) -> tuple[FileResult, ...]:
        return tuple(f for f in self.files if f.status is FileStatus.REJECTED)

    @property
    def exit_code(self) -> int:
        return 1 if self.rejected else 0

    def to_json(self, lang: str = "vi") -> dict[str, Any]:
        """The ``--json`` document: one entry per file (SPEC §8)."""
        return {
            "campaign": self.campaign.info.campaign_id,
            "fingerprint": self.campaign.fingerprint,
            "summary": {
                "files": len(self.files),
                "accepted": len(self.accepted),
                "rejected": len(self.rejected),
            },
            "files": [_file_json(self.campaign, f, lang) for f in self.files],
        }

    def table(self, lang: str = "vi", superseded: Collection[str] = ()) -> str:
        """A readable report for a terminal; the files whose paths are in ``superseded`` (a
        newer file of the same unit counts instead) are marked so."""
        said = as_lang(lang)
        lines = []
        for result in (f for top in self.files for f in top.with_members()):
            total = format_decimal(result.card.total, lang) if result.card else "—"
            if result.is_summary:
                total = render("report.units", said, count=len(result.members))
            line = render(
                "report.file_line",
                said,
                mark="✔" if result.accepted else "✘",
                name=result.name,
                unit=result.unit or "?",
                status="blank" if result.is_blank else result.status.value,
                total=total,
            )
            if not result.source and str(result.path) in superseded:
                line += "  " + render("report.superseded_mark", said)
            lines.append(f"{'  ' if result.source else ''}{line}")
            for issue in result.issues:
                tag = word("severity", issue.severity.value, said)
                where = f"{issue.cell} " if issue.cell else ""
                lines.append(f"    {where}{tag}: {issue.message(lang)} [{issue.code}]")
        warned = sum(1 for f in self.files if any(i.severity is Severity.WARNING for i in f.issues))
        lines.append(
            render(
                "report.files",
                said,
                files=len(self.files),
                accepted=len(self.accepted),
                rejected=len(self.rejected),
                warned=warned,
            )
        )
        return "\n".join(lines)


def _file_json(campaign: Campaign, result: FileResult, lang: str) -> dict[str, Any]:
    card = result.card
    scores: dict[str, Any] | None = None
    if card is not None:
        scores = {
            "total": str(card.total),
            "self_total": str(card.self_total),
            "regular": str(card.regular),
            "bonus": str(card.bonus),
            "deduction": str(card.deduction),
            "sections": {code: str(v) for code, v in card.section_scores(campaign).items()},
        }
    entry: dict[str, Any] = {
        "path": str(result.path),
        "unit": result.unit,
        "status": result.status.value,
        "scores": scores,
        "issues": [
            {
                "code": i.code,
                "severity": i.severity.value,
                "sheet": i.sheet,
                "cell": i.cell,
                "criterion": i.criterion,
                "value": i.value,
                "message": i.message(lang),
            }
            for i in result.issues
        ],
    }
    if result.is_blank:
        entry["blank"] = True  # rejected as a card with nothing entered (card_blank)
    if result.source:
        entry["source"] = result.source  # a unit carried by a summary: its file below
    if result.is_summary:
        entry["kind"] = "summary"
        entry["units"] = [_file_json(campaign, m, lang) for m in result.members]
    return entry


def _issue_json(issue: Issue, lang: str) -> dict[str, Any]:
    return {
        "code": issue.code,
        "severity": issue.severity.value,
        "sheet": issue.sheet,
        "cell": issue.cell,
        "criterion": issue.criterion,
        "value": issue.value,
        "message": issue.message(lang),
    }


@dataclass(frozen=True)
class RankReport:
    """The ranked summary of one level: every expected unit, ranked or not, and why."""

    campaign: Campaign
    parent: Unit | None
    check: CheckReport
    completeness: Completeness
    ranking: tuple[RankedUnit, ...]
    cluster: str | None = None  # the summary of one cụm thi đua
    # the upper level's verification workbooks (merge --verified), each checked, and the
    # verified scores applied: unit → criterion → score
    verification: tuple[VerificationResult, ...] = ()
    verified: Mapping[str, Mapping[str, VerifiedScore]] = field(default_factory=dict)
    # said after the one-line summary on the summary's sheets (a locked period reopened)
    notes: tuple[Message, ...] = ()

    @property
    def exit_code(self) -> int:
        rejected = any(not v.accepted for v in self.verification)
        return max(self.check.exit_code, 1 if rejected else 0)

    def card(self, unit: str) -> ScoreCard | None:
        submission = self._submissions.get(unit)
        return submission.result.card if submission and submission.result else None

    def submission(self, unit: str) -> UnitSubmission | None:
        """The submission of an expected unit (None for a unit not expected here)."""
        return self._submissions.get(unit)

    def place(self, unit: str) -> RankedUnit | None:
        """The unit's place in the ranking (None when it is not ranked)."""
        return self._places.get(unit)

    # looked up once per unit by the summary: dictionaries, not scans (50,000 units)
    @cached_property
    def _submissions(self) -> dict[str, UnitSubmission]:
        return {u.unit: u for u in reversed(self.completeness.units)}  # the first wins

    @cached_property
    def _places(self) -> dict[str, RankedUnit]:
        return {r.unit: r for r in reversed(self.ranking)}

    def status_word(self, status: SubmissionStatus, lang: str = "vi") -> str:
        return word("submission", status.value, as_lang(lang))

    def summary_line(self, lang: str = "vi") -> str:
        """``12/14 đơn vị đã nộp, 1 nộp muộn, 1 bị trả lại, 2 chưa nộp; 12 đơn vị được xếp
        hạng.`` (see :func:`submission_summary`)."""
        return submission_summary(self.completeness, lang, ranked=len(self.ranking))

    def to_json(self, lang: str = "vi") -> dict[str, Any]:
        """The check document plus ``ranking`` and ``missing`` (SPEC §8)."""
        document = self.check.to_json(lang)
        document["summary"]["line"] = self.summary_line(lang)
        document["ranking"] = [
            {
                "unit": r.unit,
                "name": r.name,
                "total": str(r.total),
                "rank": r.rank,
                "cluster_rank": r.cluster_rank,
                "band": r.band,
                "tied": r.tied,
            }
            for r in self.ranking
        ]
        document["missing"] = list(self.completeness.missing)
        document["units"] = units_json(self.completeness)
        if self.verification:
            document["verification"] = self._verification_json(lang)
        document["superseded"] = [
            {"unit": u.unit, "path": str(f.path)}
            for u in self.completeness.units
            for f in u.superseded
        ]
        return document

    def verification_lines(self, lang: str = "vi") -> list[str]:
        """A terminal's account of the verification workbooks: each one's status and the
        criteria it verified, then its issues."""
        said = as_lang(lang)
        lines = []
        for result in self.verification:
            applied = sum(
                1
                for scores in self.verified.values()
                for score in scores.values()
                if score.source == result.path.name
            )
            lines.append(
                render(
                    "report.verification_line",
                    said,
                    mark="✔" if result.accepted else "✘",
                    name=result.path.name,
                    status=result.status,
                    count=applied,
                )
            )
            for issue in result.issues:
                tag = word("severity", issue.severity.value, said)
                where = f"{issue.cell} " if issue.cell else ""
                lines.append(f"    {where}{tag}: {issue.message(lang)} [{issue.code}]")
        return lines

    def _verification_json(self, lang: str) -> dict[str, Any]:
        """The verification workbooks (each with its status and issues) and, per unit and
        criterion, the verified scores applied."""
        applied = []
        for unit, scores in self.verified.items():
            card = self.card(unit)
            for code, score in scores.items():
                own = card.self_nodes[code] if card else score.self_seen
                final = card.final_nodes[code] if card else score.score
                applied.append(
                    {
                        "unit": unit,
                        "criterion": code,
                        "self": str(own),
                        "verified": str(final),
                        "difference": str(final - own),
                        "reason": score.reason,
                        "workbook": score.source,
                        "cell": score.cell,
                    }
                )
        return {
            "workbooks": [
                {
                    "path": str(v.path),
                    "status": v.status,
                    "units": list(v.units),
                    "issues": [_issue_json(i, lang) for i in v.issues],
                }
                for v in self.verification
            ],
            "applied": applied,
        }


@dataclass(frozen=True)
class ComposeReport:
    """The parent's composed card, each sector's part, and what was found on the way."""

    campaign: Campaign
    parent: Unit
    check: CheckReport
    completeness: Completeness
    parts: dict[str, dict[str, RawInput]]  # sector → leaf → what it entered
    combined: dict[str, RawInput]  # leaf → the sectors' inputs combined
    card: ScoreCard
    issues: tuple[Issue, ...]  # found when composing (duplicate evidence)

    @property
    def exit_code(self) -> int:
        return self.check.exit_code


def submission_summary(
    completeness: Completeness, lang: str = "vi", ranked: int | None = None
) -> str:
    """The one-line summary of who sent what, the same in ``check``, ``merge`` and the demo:
    ``12/14 đơn vị đã nộp, 1 nộp muộn, 1 bị trả lại, 2 chưa nộp.``, with the units that sent an
    empty card and those rejected at the level below when there are any (``…, 1 bị trả lại,
    1 gửi phiếu trống, 2 chưa nộp``), and ``; 12 đơn vị được xếp hạng`` when ``ranked`` is
    given."""
    said = as_lang(lang)
    units = completeness.units
    count = {status: sum(1 for u in units if u.status is status) for status in SubmissionStatus}
    others = "".join(
        render(code, said, count=count[status])
        for code, status in (
            ("report.rank_blank", SubmissionStatus.BLANK),
            ("report.rank_below", SubmissionStatus.REJECTED_BELOW),
        )
        if count[status]
    )
    # an empty card is not a submission (it is said apart)
    sent = len(units) - count[SubmissionStatus.MISSING] - count[SubmissionStatus.BLANK]
    late, rejected = count[SubmissionStatus.LATE], count[SubmissionStatus.REJECTED]
    missing = count[SubmissionStatus.MISSING]
    if ranked is None:
        return render(
            "report.inbox_summary",
            said,
            sent=sent,
            units=len(units),
            late=late,
            rejected=rejected,
            others=others,
            missing=missing,
        )
    return render(
        "report.rank_summary",
        said,
        sent=sent,
        units=len(units),
        late=late,
        rejected=rejected,
        others=others,
        missing=missing,
        ranked=ranked,
    )


def units_json(completeness: Completeness) -> list[dict[str, object]]:
    """Every expected unit with its status (``--json``'s ``units``, for rank and compose)."""
    return [
        {
            "unit": u.unit,
            "status": u.status.value,
            "file": u.result.name if u.result is not None else None,
        }
        for u in completeness.units
    ]
