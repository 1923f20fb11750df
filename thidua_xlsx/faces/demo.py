"""``thidua demo [DIR]``: the whole chain (SPEC §2) on the bundled sample inboxes.

The samples are those of ``samples/`` (see its README): the Nhơn Hưng 2024 campaign, the
scorecards of the ward's sectors and those of the other wards and communes of Tịnh Biên town,
with the mistakes people make. :func:`run_demo` copies them into ``DIR`` (the bundled files are
never touched), then, as ward and town staff would:

1. writes the blank scorecards the ward sends its sectors and the town sends its wards;
2. checks the sectors' inbox and writes the feedback copies to send back;
3. composes the accepted sector cards into the ward's own card (``merge --mode compose``);
4. writes the town's verification workbook for the wards it accepted (``thidua verify``), and
   ranks the town's wards, the composed ward card among them, with the bundled filled
   verification workbook applied (``merge --mode rank --verified``);
5. writes the ballots and the tally of the town's Council for the units the summary proposes
   (``thidua vote``), and decides with the bundled tally its secretary filled (``--tally``);
6. writes the award dossier in Word with that vote applied (``thidua dossier --vote``);
7. ranks the An Giang campaign month by month (``merge --period``), locks the first two
   months' results (``thidua lock``), writes the third month's blank cards with what the
   first two months reported (``templates --earlier``) and the trend over the three months
   (``thidua trend``);
8. ranks the town's wards in 2025 (the Nhơn Hưng movement's second year) and writes the
   trend over 2024 and 2025.

It returns a :class:`DemoResult`; :meth:`DemoResult.describe` renders it for the terminal.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..campaign.loader import load_campaign
from ..checking.run import run_check
from ..core.model import Campaign
from ..core.reports import CheckReport, ComposeReport, RankReport, submission_summary
from ..core.submissions import SubmissionStatus
from ..core.trend import Trend
from ..core.vi_text import format_decimal
from ..core.vote import VotePlan, VoteResult
from ..dossier.writer import DossierFiles, write_dossier
from ..errors import DemoDataError, OutputError, OutputNotEmptyError
from ..merge.compose import merge_compose
from ..merge.dossier import build_dossier
from ..merge.earlier import earlier_reports
from ..merge.lock import lock_summary
from ..merge.rank import merge_rank
from ..merge.trend import build_trend
from ..merge.verify import plan_verification
from ..merge.vote import decide_vote, plan_vote, read_vote_result
from ..runtime.atomic import atomic_output
from ..runtime.bulk import bulk_run
from ..runtime.output_guard import check_outputs
from ..scorecard.blank_cards import TemplatesResult, scorecard_filename, write_templates
from ..scorecard.feedback import write_feedback
from ..scorecard.writer import write_composed_card
from ..summary.writer import write_summary
from ..trend.writer import write_trend
from ..verification.writer import write_verification_workbook
from ..vote.layout import RESULT_FILE
from ..vote.writer import write_vote_papers, write_vote_result
from ..words.issues import Severity
from ..words.messages import Param, as_lang, render

__all__ = ["DEFAULT_FOLDER", "DemoResult", "bundled_samples", "run_demo"]

DEFAULT_FOLDER = "thidua-demo"
CAMPAIGN_FILE = "nhon-hung-2024-bdg.xlsx"
SECTOR_INBOX, WARD_INBOX = "inbox-nhon-hung", "inbox-tinh-bien"
# the town's verification workbook as its staff filled it (samples/make_samples.py)
VERIFIED_FILE = "tham-dinh-tinh-bien.xlsx"
# the tally of the town's Council as its secretary filled it (samples/make_samples.py)
TALLY_FILE = "kiem-phieu-tinh-bien.xlsx"
WARD, TOWN = "P-NHONHUNG", "TXTB"
# The ward's composed card is dated as if the ward had sent it on time (30/09/2024 16:00,
# Vietnam time): the demo replays the 2024 campaign, so today's date would make it late.
COMPOSED_AT = datetime(2024, 9, 30, 9, 0, tzinfo=UTC)

INPUTS_DIR = "0-du-lieu-mau"
TEMPLATES_DIR = "1-mau-phieu"
CHECK_DIR = "2-kiem-tra"
COMPOSE_DIR = "3-tong-hop-phuong"
RANK_DIR = "4-xep-hang-thi-xa"
VOTE_DIR = "5-hoi-dong"
DOSSIER_DIR = "6-ho-so-khen-thuong"
MONTHS_DIR = "7-bao-cao-thang"
YEARS_DIR = "8-xu-huong-hai-nam"
_OURS = (
    INPUTS_DIR,
    TEMPLATES_DIR,
    CHECK_DIR,
    COMPOSE_DIR,
    RANK_DIR,
    VOTE_DIR,
    DOSSIER_DIR,
    MONTHS_DIR,
    YEARS_DIR,
)
# the monthly campaign (seed 000) and the movement's second year (samples/make_period_samples.py)
MONTHS_CAMPAIGN, MONTHS_INBOX = "an-giang-hlhpn-2021.xlsx", "bao-cao-thang-an-giang"
NEXT_YEAR_CAMPAIGN, NEXT_YEAR_INBOX = "nhon-hung-2025-bdg.xlsx", "inbox-tinh-bien-2025"
_MARKER = ".thidua-demo"
_FEEDBACK = "phan-hoi"


@dataclass(frozen=True)
class DemoResult:
    """Where every output of the demo is, and the reports they were written from."""

    folder: Path
    campaign: Campaign
    inputs: Path  # the copies the chain ran on
    sector_templates: TemplatesResult
    ward_templates: TemplatesResult
    check: CheckReport  # the sectors' inbox
    check_report: Path
    feedback: tuple[Path, ...]
    compose: ComposeReport
    composed_card: Path
    verification: Path  # the blank verification workbook (thidua verify)
    verification_rows: tuple[int, int]  # its units and criteria
    rank: RankReport
    summary: Path
    rank_feedback: tuple[Path, ...]
    vote_plan: VotePlan  # the Council and the units the summary proposes
    ballots: Path
    tally: Path  # the blank tally (thidua vote -o)
    vote: VoteResult | None  # decided with the bundled filled tally (None: not bundled)
    vote_result: Path | None  # the result workbook (None: nothing decided)
    dossier: DossierFiles
    months: tuple[RankReport, ...]  # the An Giang campaign, one report per month
    month_summaries: tuple[Path, ...]
    month_templates: TemplatesResult  # the last month's cards, with the earlier months' reports
    months_locked: tuple[Path, ...]  # the month summaries whose result is locked
    months_trend: Trend
    months_trend_path: Path
    next_year: RankReport  # the town's wards in 2025
    next_year_summary: Path
    years_trend: Trend
    years_trend_path: Path

    @property
    def exit_code(self) -> int:
        """0: the chain ran (the planted mistakes are expected)."""
        return 0

    def describe(self, lang: str = "vi") -> str:
        """What was done and where each output is, for a terminal (Vietnamese by default)."""
        said = as_lang(lang)
        campaign = self.campaign
        ward, town = campaign.unit(WARD).name, campaign.unit(TOWN).name

        def say(code: str, **params: Param) -> str:
            return render(code, said, **params)

        def files(report: CheckReport) -> str:
            warned = sum(
                1 for f in report.files if any(i.severity is Severity.WARNING for i in f.issues)
            )
            return say(
                "demo.files",
                files=len(report.files),
                accepted=len(report.accepted),
                rejected=len(report.rejected),
                warned=warned,
            )

        def rejected(report: CheckReport) -> list[str]:
            lines = []
            for result in report.rejected:
                first = next((i for i in result.issues if i.severity is Severity.ERROR), None)
                reason = first.message(lang) if first else ""
                lines.append(f"     ✘ {result.path.name} [{result.unit or '?'}]: {reason}")
            return lines

        def missing(codes: tuple[str, ...]) -> str:
            return "; ".join(f"{c} {campaign.unit(c).name}" for c in codes) or "—"

        def verified() -> list[str]:
            count = sum(len(scores) for scores in self.rank.verified.values())
            if not count:
                return []
            changes = []
            for unit in self.rank.verified:
                card = self.rank.card(unit)
                if card is not None and card.total != card.self_total:
                    before = format_decimal(card.self_total, lang)
                    after = format_decimal(card.total, lang)
                    changes.append(say("demo.verify_change", unit=unit, before=before, after=after))
            return ["   " + say("demo.verify_applied", count=count, changes="; ".join(changes))]

        sectors = self.compose.completeness.units
        blank = tuple(u.unit for u in sectors if u.status is SubmissionStatus.BLANK)
        # the same one-line summary as check and merge print (core.reports.submission_summary)
        sectors_line = say(
            "demo.sectors_line",
            summary=submission_summary(self.compose.completeness, lang),
            composed=len(self.compose.parts),
        )
        sectors_missing = say(
            "demo.sectors_missing", units=missing(self.compose.completeness.missing)
        )
        if blank:
            sectors_missing += say("demo.sectors_blank", units=missing(blank))

        top = "; ".join(
            f"{r.rank}. {r.name} {format_decimal(r.total, lang)} ({r.band})"
            for r in self.rank.ranking[:3]
        )
        lines = [
            say("demo.intro", title=campaign.info.title, ward=ward, town=town),
            say("demo.folder", folder=str(self.folder)),
            "",
            "0. " + say("demo.inputs", folder=str(self.inputs)),
            "1. "
            + say(
                "demo.templates",
                sectors=len(self.sector_templates.written),
                wards=len(self.ward_templates.written),
                ward=ward,
                town=town,
                folder=str(self.folder / TEMPLATES_DIR),
            ),
            "2. " + say("demo.check", files=files(self.check), report=str(self.check_report)),
            "   "
            + say(
                "demo.feedback",
                count=len(self.feedback),
                folder=str(self.folder / CHECK_DIR / _FEEDBACK),
            ),
            *rejected(self.check),
            "3. "
            + say(
                "demo.composed",
                ward=ward,
                sectors=len(self.compose.parts),
                total=format_decimal(self.compose.card.total, lang),
                card=str(self.composed_card),
            ),
            "   " + sectors_line,
            "   " + sectors_missing,
            *["   " + say("demo.warning", message=issue) for issue in self.compose.issues],
            "4. "
            + say(
                "demo.verify_blank",
                town=town,
                units=self.verification_rows[0],
                rows=self.verification_rows[1],
                path=str(self.verification),
            ),
            *verified(),
            "   " + say("demo.summary", town=town, summary=str(self.summary)),
            "   " + say("demo.top", units=top),
            "   " + say("demo.units_missing", units=missing(self.rank.completeness.missing)),
            "   "
            + say(
                "demo.feedback",
                count=len(self.rank_feedback),
                folder=str(self.folder / RANK_DIR / _FEEDBACK),
            ),
            *rejected(self.rank.check),
            "   " + self.rank.summary_line(lang),
            *self._council(say),
            *self._periods(say, lang),
            "",
            say("demo.planted", readme=str(self.inputs / "README.md")),
        ]
        return "\n".join(lines)

    def _council(self, say: Callable[..., str]) -> list[str]:
        """Steps 5 and 6: the Council's papers and decisions, the dossier."""
        plan, vote = self.vote_plan, self.vote
        lines = [
            "5. "
            + say(
                "demo.vote_papers",
                members=len(plan.council.members),
                units=len(plan.candidates),
                award=plan.rule.title,
                folder=str(self.folder / VOTE_DIR),
            )
        ]
        decision = vote.decision if vote is not None else None
        if vote is not None and decision is not None and self.vote_result is not None:
            lines.append(
                "   "
                + say(
                    "demo.vote_decided",
                    tally=str(vote.tally),
                    present=decision.present,
                    members=decision.members,
                    result=str(self.vote_result),
                )
            )
            for d in decision.decisions:
                mark = "✔" if d.selected else "✘"
                said = say(
                    "demo.vote_line",
                    name=d.candidate.name,
                    yes=d.yes,
                    members=decision.members,
                    outcome=say(f"vote.outcome.{d.outcome.value}"),
                )
                lines.append(f"     {mark} {said}")
        papers = self.dossier
        lines.append(
            "6. "
            + say(
                "demo.dossier",
                files=len(papers.paths),
                proposed=len(papers.reports),
                folder=str(papers.folder),
            )
        )
        return lines

    def _periods(self, say: Callable[..., str], lang: str) -> list[str]:
        """Steps 7 and 8: the monthly campaign, the second year."""
        first = self.months[0].campaign
        lines = ["7. " + say("demo.months", title=first.info.title, count=len(self.months))]
        for report, path in zip(self.months, self.month_summaries, strict=True):
            period = report.campaign.period
            top = report.ranking[0] if report.ranking else None
            leader = f"{top.name} {format_decimal(top.total, lang)}" if top else "—"
            name = period.name if period else ""
            line = say("demo.month", period=name, summary=report.summary_line(lang), top=leader)
            lines += ["   " + line, "     → " + str(path)]
        lines.append(
            "   "
            + say(
                "demo.month_cards",
                count=len(self.month_templates.written),
                folder=str(self.month_templates.written[0].parent)
                if self.month_templates.written
                else "—",
            )
        )
        locked = ", ".join(p.name for p in self.months_locked)
        lines.append("   " + say("demo.months_locked", files=locked))
        lines += self._trend_lines(say, self.months_trend, self.months_trend_path)
        lines.append(
            "8. "
            + say(
                "demo.next_year",
                summary=self.next_year.summary_line(lang),
                path=str(self.next_year_summary),
            )
        )
        lines += self._trend_lines(say, self.years_trend, self.years_trend_path)
        return lines

    @staticmethod
    def _trend_lines(say: Callable[..., str], trend: Trend, path: Path) -> list[str]:
        """The trend written, and who moved most between its last two periods."""
        lines = [
            "   "
            + say(
                "demo.trend",
                labels=", ".join(trend.labels),
                units=len(trend.units),
                path=str(path),
            )
        ]
        for unit in trend.movers()[:3]:
            now, then = unit.points[-1], unit.points[-2]
            if now is not None and then is not None:
                lines.append(
                    "     "
                    + say("demo.trend_mover", unit=unit.name, before=then.rank, after=now.rank)
                )
        return lines


def bundled_samples() -> tuple[Path, Path]:
    """The bundled ``samples/`` folder and the campaign workbook it was filled from.

    An installed wheel carries them inside the package (``thidua_xlsx/samples``,
    ``thidua_xlsx/workbook_templates``); a source checkout or an editable install has them
    beside the package.
    """
    package = Path(__file__).resolve().parent.parent  # thidua_xlsx/
    for base in (package, package.parent):
        samples = base / "samples"
        campaign = base / "workbook_templates" / CAMPAIGN_FILE
        inboxes = (samples / SECTOR_INBOX).is_dir() and (samples / WARD_INBOX).is_dir()
        if inboxes and campaign.is_file():
            return samples, campaign
    raise DemoDataError(str(package / "samples"))


@bulk_run()  # the whole chain in one bulk run (see thidua_xlsx.runtime.bulk)
def run_demo(folder: str | Path = DEFAULT_FOLDER, lang: str = "vi") -> DemoResult:
    """Run the whole chain on copies of the bundled samples, writing into ``folder``.

    ``folder`` must be new, empty, or the folder of an earlier demo (its outputs are
    replaced); a folder holding anything else raises :class:`OutputNotEmptyError`.
    """
    samples, campaign_source = bundled_samples()
    out = Path(folder)
    check_outputs([samples, campaign_source], output_folders=[out])
    _prepare(out)
    inputs = out / INPUTS_DIR
    try:
        inputs.mkdir(parents=True)
        campaign_path = inputs / campaign_source.name
        shutil.copyfile(campaign_source, campaign_path)
        for name in (SECTOR_INBOX, WARD_INBOX, MONTHS_INBOX, NEXT_YEAR_INBOX):
            shutil.copytree(samples / name, inputs / name)
        for name in (MONTHS_CAMPAIGN, NEXT_YEAR_CAMPAIGN):
            shutil.copyfile(campaign_source.parent / name, inputs / name)
        for name in ("README.md", VERIFIED_FILE, TALLY_FILE):
            if (samples / name).is_file():
                shutil.copyfile(samples / name, inputs / name)
    except OSError as exc:
        raise OutputError(str(inputs), exc) from exc
    campaign = load_campaign(campaign_path)
    sector_inbox, ward_inbox = inputs / SECTOR_INBOX, inputs / WARD_INBOX

    # 1. the blank cards: the ward's to its sectors, the town's to its wards and communes
    templates = out / TEMPLATES_DIR
    sector_templates = write_templates(campaign, templates / "nganh-phuong-nhon-hung", WARD)
    ward_templates = write_templates(campaign, templates / "phuong-xa-thi-xa-tinh-bien", TOWN)

    # 2. the sectors' inbox checked, and the copies to send back
    check = run_check(campaign, [sector_inbox])
    check_dir = out / CHECK_DIR
    check_report = check_dir / "ket-qua-kiem-tra.txt"
    _write_text(check_report, check.table(lang) + "\n")
    feedback = tuple(write_feedback(check, check_dir / _FEEDBACK, lang))

    # 3. the sectors composed into the ward's own card
    compose = merge_compose(campaign, [sector_inbox], WARD)
    composed_card = out / COMPOSE_DIR / scorecard_filename(compose.parent)
    write_composed_card(composed_card, compose, lang, generated_at=COMPOSED_AT)

    # 4. the town verifies the wards it accepted (the workbook to fill), then ranks its wards
    # (the composed card and the other wards' inbox) with the workbook its staff filled
    town_inbox = [composed_card, ward_inbox]
    rank_dir = out / RANK_DIR
    plan = plan_verification(campaign, town_inbox, parent=TOWN)
    verification = rank_dir / f"{TOWN}-bang-tham-dinh.xlsx"
    write_verification_workbook(verification, plan)
    filled = inputs / VERIFIED_FILE
    verified = [filled] if filled.is_file() else []
    rank = merge_rank(campaign, town_inbox, parent=TOWN, verified=verified)
    summary = rank_dir / f"{TOWN}-bang-tong-hop-xep-hang.xlsx"
    write_summary(summary, rank)
    rank_feedback = tuple(write_feedback(rank.check, rank_dir / _FEEDBACK, lang))

    # 5. the town's Council: the ballots and the tally for the units the summary proposes,
    # then the decision from the tally its secretary filled (with the same verification)
    vote_dir = out / VOTE_DIR
    vote_plan = plan_vote(campaign, summary, verified=verified)
    ballots, tally = write_vote_papers(vote_plan, vote_dir)
    filled_tally = inputs / TALLY_FILE
    vote = None
    if filled_tally.is_file():
        vote = decide_vote(campaign, summary, filled_tally, verified=verified)
    vote_result = None
    if vote is not None and vote.accepted:
        vote_result = write_vote_result(vote, vote_dir / RESULT_FILE)

    # 6. the award dossier, with the Council's vote when there is one
    voted = read_vote_result(campaign, vote_result) if vote_result is not None else None
    dossier = build_dossier(campaign, summary, vote=voted)
    papers = write_dossier(dossier, out / DOSSIER_DIR, inputs=[summary])

    # 7. a campaign reported monthly: each month ranked, the last month's cards made with
    # what the earlier months reported on the cumulative criteria
    monthly = load_campaign(inputs / MONTHS_CAMPAIGN)
    months_dir = out / MONTHS_DIR
    months: list[RankReport] = []
    month_summaries: list[Path] = []
    for period in monthly.periods:
        month = monthly.for_period(period)
        report = merge_rank(month, [inputs / MONTHS_INBOX / f"thang-{period.index}"])
        path = months_dir / f"tong-hop-thang-{period.index}.xlsx"
        write_summary(path, report)
        months.append(report)
        month_summaries.append(path)
    months_locked = tuple(month_summaries[:-1])  # the months gone by are final
    for path in months_locked:
        lock_summary(monthly, path)
    last = monthly.for_period(monthly.periods[-1])
    earlier = earlier_reports(last, month_summaries[:-1])
    month_templates = write_templates(
        last, months_dir / f"mau-phieu-thang-{last.periods[-1].index}", earlier=earlier
    )
    months_trend = build_trend(month_summaries)
    months_trend_path = write_trend(months_dir / "XU-HUONG-3-THANG.xlsx", months_trend)

    # 8. the movement's second year: the town's wards ranked in 2025
    next_campaign = load_campaign(inputs / NEXT_YEAR_CAMPAIGN)
    next_year = merge_rank(next_campaign, [inputs / NEXT_YEAR_INBOX], parent=TOWN)
    next_year_summary = out / YEARS_DIR / f"{TOWN}-tong-hop-2025.xlsx"
    write_summary(next_year_summary, next_year)
    years_trend = build_trend([summary, next_year_summary])
    years_trend_path = write_trend(out / YEARS_DIR / "XU-HUONG-2024-2025.xlsx", years_trend)
    return DemoResult(
        folder=out,
        campaign=campaign,
        inputs=inputs,
        sector_templates=sector_templates,
        ward_templates=ward_templates,
        check=check,
        check_report=check_report,
        feedback=feedback,
        compose=compose,
        composed_card=composed_card,
        verification=verification,
        verification_rows=(len(plan.units), sum(len(u.criteria) for u in plan.units)),
        rank=rank,
        summary=summary,
        rank_feedback=rank_feedback,
        vote_plan=vote_plan,
        ballots=ballots,
        tally=tally,
        vote=vote,
        vote_result=vote_result,
        dossier=papers,
        months=tuple(months),
        month_summaries=tuple(month_summaries),
        month_templates=month_templates,
        months_locked=months_locked,
        months_trend=months_trend,
        months_trend_path=months_trend_path,
        next_year=next_year,
        next_year_summary=next_year_summary,
        years_trend=years_trend,
        years_trend_path=years_trend_path,
    )


def _prepare(out: Path) -> None:
    """Make ``out`` ready: new or empty, or an earlier demo's (whose outputs are removed)."""
    try:
        if out.exists() and not out.is_dir():
            raise OutputNotEmptyError(str(out))
        if out.is_dir() and any(out.iterdir()):
            if not (out / _MARKER).is_file():
                raise OutputNotEmptyError(str(out))
            for name in _OURS:
                if (out / name).is_dir():
                    shutil.rmtree(out / name)
        out.mkdir(parents=True, exist_ok=True)
        (out / _MARKER).write_text(
            "thidua demo: this folder is rewritten by every run of `thidua demo`\n",
            encoding="utf-8",
        )
    except OSError as exc:
        raise OutputError(str(out), exc) from exc


def _write_text(path: Path, text: str) -> None:
    with atomic_output(path) as temp:
        temp.write_text(text, encoding="utf-8")
