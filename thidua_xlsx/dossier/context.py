"""What each paper's template is filled with (pure: plain dictionaries of text).

Numbers are written the Vietnamese way (``183,89``) whatever the machine's locale; a value
the office writes by hand after the meeting (the vote without ``--vote``, the document's
number and day) is a row of dots.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from ..core.dossier import CouncilVote, Dossier, MeetingMember, ProposedUnit
from ..core.model import Campaign, SectionKind, Unit
from ..core.vi_text import fold, format_decimal
from ..words.messages import render

__all__ = ["BLANK", "Bodies", "bodies", "common_context", "percent_text"]

BLANK = "……"  # a place to write by hand
_FILL_NAME = render("dossier.fill_name", "vi")


@dataclass(frozen=True)
class Bodies:
    """Who issues the papers and who is above it (Decree-30 header), and where."""

    superior: str
    issuing: str
    place: str
    signer_title: str = ""  # empty: written by hand (a level other than the campaign's own)
    signer_name: str = ""


def bodies(dossier: Dossier) -> Bodies:
    """Who issues the papers (the summary's own unit; the campaign's body at its own level),
    who is above it and where, as the summary's heading says (:meth:`Campaign.heading`)."""
    issuer = dossier.issuer
    heading = dossier.campaign.heading(issuer.code if issuer is not None else None)
    return Bodies(
        heading.superior.upper(),
        heading.issuer.upper(),
        heading.place,
        heading.signer_title,
        heading.signer_name,
    )


def number(value: Decimal) -> str:
    return format_decimal(value, "vi")


def percent_text(value: Decimal) -> str:
    """``0.875`` → ``87,5%`` (one decimal at most, half up)."""
    shown = (value * 100).quantize(Decimal("0.1"))
    return f"{number(shown)}%"


def _two(value: int) -> str:
    return f"{value:02d}"


def _count_text(count: int) -> str:
    return _two(count)  # Decree 30: numbers under 10 with a leading 0


def common_context(dossier: Dossier, year: int) -> dict[str, Any]:
    """What every paper shares: the header, the award, the campaign, the signer."""
    info = dossier.campaign.info
    found = bodies(dossier)
    award = dossier.award
    proposed = dossier.proposed
    rule = [award.title]
    if award.top_n:
        rule.append(render("dossier.rule_top", "vi", count=award.top_n))
    if award.min_band:
        rule.append(render("dossier.rule_band", "vi", band=award.min_band))
    vote = dossier.vote
    return {
        "superior_body": found.superior,
        "issuing_body": found.issuing,
        "issuing_body_name": _sentence_name(found.issuing),
        "place": found.place or BLANK,
        "day": BLANK,
        "month": BLANK,
        "year": str(year),
        "number": BLANK,
        "number_suffix": BLANK,
        "recipient": found.superior or BLANK,
        "award_title": award.title,
        "award_title_upper": award.title.upper(),
        "award_rule": ", ".join(rule),
        "campaign_title": info.title,
        "period": info.period or BLANK,
        "plan_number": info.plan_number or BLANK,
        "plan_date": info.issue_date.strftime("%d/%m/%Y") if info.issue_date else BLANK,
        "plan_body": _sentence_name(info.issuing_body) or BLANK,
        "summary_name": dossier.summary_name,
        "signer_title": found.signer_title.upper() or BLANK,
        "signer_name": found.signer_name or _FILL_NAME,
        "count_text": _count_text(len(proposed)),
        "voted": vote is not None,
        "meeting_text": _meeting_text(vote),
        "decided_text": render(
            "dossier.decided_vote" if vote is not None else "dossier.decided_rank", "vi"
        ),
        "list_basis": render(
            "dossier.basis_vote" if vote is not None else "dossier.basis_rank",
            "vi",
            rule=", ".join(rule),
        ),
        "units": [_unit_row(dossier, index, p) for index, p in enumerate(proposed, start=1)],
    }


def _sentence_name(upper: str) -> str:
    """A body's name inside a sentence: as written in the campaign (capitals kept; Decree 30
    writes the header in capitals and the text may quote it)."""
    return upper.strip()


def _meeting_text(vote: CouncilVote | None) -> str:
    if vote is None or vote.meeting_date is None:
        return render("dossier.meeting_blank", "vi", blank=BLANK)
    return render("dossier.meeting_on", "vi", date=vote.meeting_date.strftime("%d/%m/%Y"))


def _unit_row(dossier: Dossier, index: int, proposed: ProposedUnit) -> dict[str, str]:
    place = proposed.place
    vote = dossier.vote
    cast = vote.vote_for(place.unit) if vote is not None else None
    share = f"{cast.agree}/{len(vote.members)}" if cast is not None and vote is not None else ""
    return {
        "stt": _two(index),
        "code": place.unit,
        "name": proposed.unit.name,
        "total": number(proposed.total),
        "rank": str(place.rank),
        "band": place.band,
        "vote_share": share or render("dossier.not_voted", "vi"),
        "status": render(
            "dossier.status_vote" if vote is not None else "dossier.status_rank", "vi"
        ),
    }


def report_context(dossier: Dossier, proposed: ProposedUnit, year: int) -> dict[str, Any]:
    """One collective's *báo cáo thành tích*: its scores, targets and evidence."""
    context = common_context(dossier, year)
    campaign = dossier.campaign
    place = proposed.place
    unit: Unit = proposed.unit
    cap = campaign.total_cap or (
        campaign.max_of_kind(SectionKind.REGULAR) + campaign.max_of_kind(SectionKind.BONUS)
    )
    verified = ""
    if proposed.verified:
        verified = " " + render(
            "dossier.verified",
            "vi",
            count=len(proposed.verified),
            self_total=number(proposed.self_total),
        )
    context.update(
        {
            "unit_name": unit.name,
            "unit_name_upper": unit.name.upper(),
            "unit_code": unit.code,
            "unit_place": campaign.place_of(unit.code) or BLANK,
            "unit_superior": _superior_of(campaign, unit),
            "unit_head": _FILL_NAME,
            "cluster_text": render("dossier.cluster", "vi", cluster=unit.cluster)
            if unit.cluster
            else "",
            "total": number(proposed.total),
            "max_total": number(cap),
            "rank": str(place.rank),
            "rank_of": f"/{len(dossier.ranking)}",
            "cluster_rank_text": render(
                "dossier.cluster_rank", "vi", rank=place.cluster_rank, cluster=unit.cluster
            )
            if place.cluster_rank is not None and unit.cluster
            else "",
            "band": place.band or BLANK,
            "verified_text": verified,
            "sections": [
                {
                    "code": s.code,
                    "content": s.content
                    + (
                        " " + render("dossier.deducted", "vi")
                        if campaign.criterion(s.code).kind is SectionKind.DEDUCTION
                        else ""
                    ),
                    "max": number(s.max_points),
                    "score": number(s.score),
                }
                for s in proposed.sections
            ],
            "targets": [
                {
                    "code": t.code,
                    "content": t.content,
                    "result": number(t.result) if t.result is not None else BLANK,
                    "target": number(t.target) if t.target is not None else BLANK,
                    "reached": percent_text(t.reached) if t.reached is not None else BLANK,
                    "points": f"{number(t.points)}/{number(t.max_points)}",
                }
                for t in proposed.targets
            ],
            "targets_intro": render(
                "dossier.targets" if proposed.targets else "dossier.targets_none",
                "vi",
                met=sum(1 for t in proposed.targets if t.reached == 1),
                count=len(proposed.targets),
            ),
            "evidence": [
                {"code": e.code, "content": _short(e.content), "evidence": e.evidence}
                for e in proposed.evidence
            ],
            "evidence_none": "" if proposed.evidence else render("dossier.evidence_none", "vi"),
        }
    )
    return context


def _superior_of(campaign: Campaign, unit: Unit) -> str:
    """The unit's parent in the campaign, in capitals ("" for a unit without one)."""
    if unit.parent and campaign.has_unit(unit.parent):
        return campaign.unit(unit.parent).name.upper()
    return ""


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def minutes_context(dossier: Dossier, year: int) -> dict[str, Any]:
    """The Council's minutes: members, quorum, the vote table (blank without a vote)."""
    context = common_context(dossier, year)
    info = dossier.campaign.info
    vote = dossier.vote
    rows = []
    for index, proposed in enumerate(dossier.candidates, start=1):
        cast = vote.vote_for(proposed.unit.code) if vote is not None else None
        if vote is not None and cast is not None:
            agree = str(cast.agree)
            share = percent_text(Decimal(cast.agree) / len(vote.members))
            said = "dossier.passed" if cast.passed else "dossier.not_passed"
            decision = render(said, "vi")
            if cast.reason:
                decision = f"{decision} ({cast.reason})"
        else:
            agree, share, decision = BLANK, BLANK, BLANK
        rows.append(
            {
                "stt": _two(index),
                "name": proposed.unit.name,
                "total": number(proposed.total),
                "rank": str(proposed.place.rank),
                "agree": agree,
                "share": share,
                "decision": decision,
            }
        )
    context["units"] = rows
    context["count_text"] = _count_text(len(dossier.candidates))
    if vote is None:
        context.update(
            {
                "meeting_day": BLANK,
                "meeting_month": BLANK,
                "meeting_year": str(year),
                "meeting_time": render("dossier.meeting_time_blank", "vi", blank=BLANK),
                "meeting_place": BLANK,
                "chair": BLANK,
                "secretary": BLANK,
                "members_total": BLANK,
                "members_present": BLANK,
                "members_absent": BLANK,
                "absent_names": "",
                "quorum_text": "",
                "members": [],
                "vote_intro": render("dossier.vote_blank", "vi"),
                "conclusion": render(
                    "dossier.conclusion_blank", "vi", award=dossier.award.title, blank=BLANK
                ),
                "secretary_sign": _FILL_NAME,
                "chair_first": render("dossier.chair", "vi"),
                "chair_title": context["signer_title"],
                "chair_name": context["signer_name"],
            }
        )
        return context
    when: date | None = vote.meeting_date
    present = vote.present
    absent = [m for m in vote.members if not m.present]
    chair = vote.chair or _chair(vote.members) or info.signer_name
    passed = list(dossier.proposed)
    quorum = 3 * len(present) >= 2 * len(vote.members)
    context.update(
        {
            "meeting_day": _two(when.day) if when else BLANK,
            "meeting_month": _two(when.month) if when else BLANK,
            "meeting_year": str(when.year) if when else str(year),
            "meeting_time": when.strftime("%d/%m/%Y") if when else BLANK,
            "meeting_place": vote.meeting_place or BLANK,
            "chair": chair or BLANK,
            "secretary": vote.secretary or BLANK,
            "members_total": _two(len(vote.members)),
            "members_present": _two(len(present)),
            "members_absent": _two(len(absent)),
            "absent_names": f" ({', '.join(m.name for m in absent)})" if absent else "",
            "quorum_text": render("dossier.quorum_met" if quorum else "dossier.quorum_short", "vi"),
            "members": [_member(m) for m in vote.members],
            "vote_intro": render("dossier.vote_intro", "vi", total=len(vote.members)),
            "conclusion": render(
                "dossier.conclusion",
                "vi",
                count=_count_text(len(passed)),
                award=dossier.award.title,
                names=", ".join(p.unit.name for p in passed) or render("word.none", "vi"),
            ),
            "secretary_sign": vote.secretary or _FILL_NAME,
            "chair_first": render("dossier.chair", "vi"),
            "chair_title": _chair_title(vote.members, chair) or context["signer_title"],
            "chair_name": chair or _FILL_NAME,
        }
    )
    return context


def _chair(members: tuple[MeetingMember, ...]) -> str:
    for member in members:
        if fold(member.role).startswith("chu tich"):
            return member.name
    return ""


def _chair_title(members: tuple[MeetingMember, ...], name: str) -> str:
    for member in members:
        if member.name == name and member.role:
            return member.role.upper()
    return ""


def _member(member: MeetingMember) -> dict[str, str]:
    return {
        "name": member.name,
        "role": member.role or render("dossier.member", "vi"),
        "absent": "" if member.present else " " + render("dossier.absent", "vi"),
    }
