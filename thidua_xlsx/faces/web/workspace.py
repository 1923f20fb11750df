"""The page's work folder: the campaigns it was given, and for each level the blank cards, the
returned files and the results. Every path is made here, from names checked by the guard or
from the campaign's own unit codes; nothing a request says becomes a path unchecked.

::

    <folder>/<campaign>/dot-thi-dua.xlsx        the campaign workbook (a copy)
    <folder>/<campaign>/<PARENT>/mau-phieu/     blank scorecards of the parent's units
    <folder>/<campaign>/<PARENT>/hop-thu/       the files the units sent back
    <folder>/<campaign>/<PARENT>/ket-qua/       tong-hop-<PARENT>.xlsx and phan-hoi/ (copies)
    <folder>/<campaign>/<PARENT>/ket-qua/hoi-dong/  the Council's papers, the filled tally
                                                    (kiem-phieu/) and KET-QUA-BIEU-QUYET.xlsx
    <folder>/<campaign>/<PARENT>/ket-qua/ho-so/     the award dossier
"""

from __future__ import annotations

import io
import re
import shutil
import threading
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ...campaign.loader import load_campaign
from ...core.model import Campaign
from ...core.reports import ComposeReport, RankReport
from ...core.vi_text import slug
from ...core.vote import VoteResult
from ...dossier.writer import write_dossier
from ...errors import ThiduaError
from ...merge.compose import merge_compose
from ...merge.dossier import build_dossier
from ...merge.rank import merge_rank
from ...merge.vote import decide_vote, plan_vote, read_vote_result
from ...runtime.containment import DEFAULT_LIMITS, ReadLimits
from ...scorecard.blank_cards import write_templates
from ...scorecard.feedback import write_feedback
from ...scorecard.writer import write_composed_card
from ...summary.writer import write_summary
from ...vote.layout import RESULT_FILE
from ...vote.writer import write_vote_papers, write_vote_result
from ...words.messages import Lang, render
from .guard import inside

__all__ = ["ALL", "CAMPAIGN_FILE", "Job", "Level", "Workspace", "bundled_campaigns"]

CAMPAIGN_FILE = "dot-thi-dua.xlsx"
TEMPLATES, INBOX, RESULTS, FEEDBACK = "mau-phieu", "hop-thu", "ket-qua", "phan-hoi"
COUNCIL, DOSSIER, PAPERS, TALLY = "hoi-dong", "ho-so", "phieu", "kiem-phieu"
_KEY = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
_CODE_BAD = re.compile(r"[^A-Za-z0-9_-]+")


def bundled_campaigns() -> list[Path]:
    """The ready campaign workbooks shipped with the package (``workbook_templates``): inside
    an installed wheel, or beside the package in a source checkout or an editable install."""
    package = Path(__file__).resolve().parents[2]  # thidua_xlsx/
    for base in (package, package.parent):
        found = sorted((base / "workbook_templates").glob("*.xlsx"))
        if found:
            return found
    return []


@dataclass(frozen=True)
class Level:
    """A level that collects cards: a unit and the units under it, or every top unit of a
    campaign that has several (``parent`` None, as ``thidua merge`` without ``--parent``)."""

    code: str  # in the page's addresses and the folder's names
    name: str
    parent: str | None  # what the library is given
    count: int
    period: int | None = None  # a campaign reported by period: the period's number


ALL = "tat-ca"  # the level of every top unit


@dataclass
class Job:
    """One level's check and merge, run in a thread: how far it is, then its report."""

    total: int = 0
    done: int = 0
    running: bool = True
    report: RankReport | None = None
    composed: ComposeReport | None = None  # the parent's own card, where its units are sectors
    error: str | None = None
    feedback: list[Path] = field(default_factory=list)

    def progress(self, done: int, total: int) -> None:
        self.done, self.total = done, total


class Workspace:
    """The work folder and the jobs running in it."""

    def __init__(self, folder: Path, limits: ReadLimits = DEFAULT_LIMITS) -> None:
        self.folder = folder
        self.limits = limits
        self._jobs: dict[tuple[str, str], Job] = {}
        self._lock = threading.Lock()
        self._campaigns: dict[str, tuple[float, Campaign]] = {}
        self._votes: dict[tuple[str, str], VoteResult] = {}

    # -- campaigns -------------------------------------------------------------------------
    def campaigns(self) -> list[str]:
        """The campaigns already in the work folder, by key."""
        if not self.folder.is_dir():
            return []
        return sorted(
            p.name for p in self.folder.iterdir() if _KEY.match(p.name) and self._file(p.name)
        )

    def campaign_title(self, key: str) -> str:
        """The campaign's name, or its key when the workbook cannot be loaded any more."""
        try:
            campaign = self.campaign(key)
        except ThiduaError:
            return key
        return campaign.info.title if campaign is not None else key

    def _file(self, key: str) -> Path | None:
        path = self.folder / key / CAMPAIGN_FILE
        return path if path.is_file() else None

    def campaign(self, key: str) -> Campaign | None:
        """The campaign stored under ``key`` (None when there is none). Loading errors raise."""
        if not _KEY.match(key):
            return None
        path = self._file(key)
        if path is None:
            return None
        stamp = path.stat().st_mtime
        cached = self._campaigns.get(key)
        if cached is None or cached[0] != stamp:
            cached = (stamp, load_campaign(path))
            self._campaigns[key] = cached
        return cached[1]

    def add_campaign(self, name: str, data: bytes) -> str:
        """Store a campaign workbook under a key made from its name; load it to check it (a
        workbook that cannot be used raises and is not kept). Returns the key."""
        base = slug(Path(name).stem, 60) or "dot-thi-dua"
        key = base
        number = 1
        while (self.folder / key).exists():
            existing = self._file(key)
            if existing is not None and existing.read_bytes() == data:
                return key
            number += 1
            key = f"{base}-{number}"
        staging = self.folder / ".dang-tai"  # the workbook is loaded here before it is kept
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        try:
            given = inside(staging, name)
            given.write_bytes(data)
            load_campaign(given)
            given.rename(staging / CAMPAIGN_FILE)
            staging.rename(self.folder / key)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return key

    # -- a level: the parent whose units send their cards ----------------------------------
    @staticmethod
    def levels(campaign: Campaign, lang: Lang = "vi") -> list[Level]:
        """The levels that collect cards, top first; in a campaign reported by period, each
        level once per period (its own cards, inbox and summary), periods in order."""
        found = [
            Level(u.code, u.name, u.code, len(campaign.children_units(u.code)))
            for u in campaign.units
            if campaign.children_units(u.code)
        ]
        roots = campaign.root_units
        if len(roots) > 1:
            found.insert(0, Level(ALL, render("web.all_units", lang), None, len(roots)))
        if not campaign.periods:
            return found
        return [
            replace(v, code=f"{v.code}-ky-{p.index}", name=f"{p.name} — {v.name}", period=p.index)
            for p in campaign.periods
            for v in found
        ]

    def level(self, key: str, code: str, lang: Lang = "vi") -> tuple[Campaign, Level] | None:
        """The campaign (as a run of the level's period, if it has one) and the level."""
        campaign = self.campaign(key)
        if campaign is None:
            return None
        found = [v for v in self.levels(campaign, lang) if v.code == code]
        if not found:
            return None
        if found[0].period is not None:
            campaign = campaign.for_period(campaign.periods[found[0].period - 1])
        return campaign, found[0]

    def path(self, key: str, code: str, part: str) -> Path:
        """A level's folder (``part`` is one of the fixed names above)."""
        folder = _CODE_BAD.sub("-", code).strip("-.") or "cap"
        return self.folder / key / folder / part

    def templates_zip(self, key: str, campaign: Campaign, level: Level) -> tuple[bytes, int]:
        """The level's units' blank scorecards, written afresh, as a zip; and their count."""
        folder = self.path(key, level.code, TEMPLATES)
        shutil.rmtree(folder, ignore_errors=True)
        if level.parent is None:
            codes = [u.code for u in campaign.root_units]
            result = write_templates(campaign, folder, units=codes, workers=1)
        else:
            result = write_templates(campaign, folder, parent=level.parent, workers=1)
        return _zip(result.written), len(result.written)

    def inbox(self, key: str, code: str) -> list[Path]:
        folder = self.path(key, code, INBOX)
        return sorted(p for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []

    def receive(self, key: str, code: str, name: str, data: bytes) -> Path:
        """Keep one returned file in the level's inbox under its own name (``name (2).xlsx``
        when that name is taken: nothing a unit sent is lost)."""
        folder = self.path(key, code, INBOX)
        folder.mkdir(parents=True, exist_ok=True)
        target = inside(folder, name)
        stem, suffix = target.stem, target.suffix
        number = 1
        while target.exists():
            number += 1
            target = inside(folder, f"{stem} ({number}){suffix}")
        target.write_bytes(data)
        return target

    def summary_path(self, key: str, code: str) -> Path:
        name = _CODE_BAD.sub("-", code).strip("-.") or "cap"
        return self.path(key, code, RESULTS) / f"tong-hop-{name}.xlsx"

    def composed_path(self, key: str, code: str) -> Path:
        name = _CODE_BAD.sub("-", code).strip("-.") or "cap"
        return self.path(key, code, RESULTS) / f"{name}-phieu-tong-hop-cac-nganh.xlsx"

    def feedback_zip(self, key: str, code: str) -> bytes:
        folder = self.path(key, code, RESULTS) / FEEDBACK
        return _zip(sorted(folder.glob("*.xlsx")) if folder.is_dir() else [])

    # -- the Council and the dossier (thidua vote, thidua dossier) ---------------------------
    @staticmethod
    def has_council(campaign: Campaign) -> bool:
        """Whether the campaign names an award its Council votes on (the papers can be made)."""
        award, council = campaign.award, campaign.council
        return award is not None and council is not None and council.rule(award.title) is not None

    def council_path(self, key: str, code: str) -> Path:
        return self.path(key, code, RESULTS) / COUNCIL

    def vote_result_path(self, key: str, code: str) -> Path:
        return self.council_path(key, code) / RESULT_FILE

    def vote_papers_zip(self, key: str, campaign: Campaign, code: str) -> bytes:
        """The ballots and the tally over the level's summary (``thidua vote -o``), as a zip."""
        folder = self.council_path(key, code) / PAPERS
        plan = plan_vote(campaign, self.summary_path(key, code), limits=self.limits)
        ballots, tally = write_vote_papers(plan, folder, force=True)
        return _zip([ballots, tally])

    def vote(self, key: str, code: str) -> VoteResult | None:
        """The last tally sent for the level, decided or refused."""
        return self._votes.get((key, code))

    def decide(self, key: str, campaign: Campaign, code: str, name: str, data: bytes) -> VoteResult:
        """Keep the filled tally (a name checked by the guard) and decide the vote on it
        (``thidua vote --tally``); a decided vote's result workbook replaces the earlier one,
        a refused tally removes it (the dossier is never made from an older vote)."""
        folder = self.council_path(key, code) / TALLY
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        tally = inside(folder, name)
        tally.write_bytes(data)
        result = decide_vote(campaign, self.summary_path(key, code), tally, limits=self.limits)
        target = self.vote_result_path(key, code)
        target.unlink(missing_ok=True)
        if result.accepted:
            write_vote_result(result, target, force=True)
        self._votes[(key, code)] = result
        return result

    def dossier_zip(self, key: str, campaign: Campaign, code: str) -> tuple[bytes, int] | None:
        """The award dossier over the level's summary (``thidua dossier``), with the vote
        applied when a decided tally's result exists; None when no unit qualifies."""
        result = self.vote_result_path(key, code)
        vote = read_vote_result(campaign, result, self.limits) if result.is_file() else None
        dossier = build_dossier(campaign, self.summary_path(key, code), vote, self.limits)
        if not dossier.candidates:
            return None
        folder = self.path(key, code, RESULTS) / DOSSIER
        shutil.rmtree(folder, ignore_errors=True)
        files = write_dossier(dossier, folder, force=True)
        return _zip(files.paths), len(dossier.proposed)

    # -- jobs ------------------------------------------------------------------------------
    def job(self, key: str, code: str) -> Job | None:
        return self._jobs.get((key, code))

    def start(self, key: str, level: Level, lang: Lang) -> Job | None:
        """Check the level's inbox and write its summary and feedback copies, in a thread.
        None when a job of this level is still running."""
        with self._lock:
            current = self._jobs.get((key, level.code))
            if current is not None and current.running:
                return None
            job = Job()
            self._jobs[(key, level.code)] = job
        name = f"thidua-{key}-{level.code}"
        thread = threading.Thread(
            target=self._run, args=(job, key, level, lang), name=name, daemon=True
        )
        thread.start()
        return job

    def _run(self, job: Job, key: str, level: Level, lang: Lang) -> None:
        code, parent = level.code, level.parent
        try:
            found = self.level(key, code, lang)
            assert found is not None
            campaign = found[0]
            inbox = self.path(key, code, INBOX)
            job.total = len(self.inbox(key, code))
            report = merge_rank(
                campaign,
                [inbox],
                parent=parent,
                workers=0,
                progress=job.progress,
                limits=self.limits,
            )
            results = self.path(key, code, RESULTS)
            results.mkdir(parents=True, exist_ok=True)
            write_summary(self.summary_path(key, code), report)
            self._votes.pop((key, code), None)  # a vote on the earlier summary is not this one's
            self.vote_result_path(key, code).unlink(missing_ok=True)
            shutil.rmtree(results / FEEDBACK, ignore_errors=True)  # copies of an earlier run
            job.feedback = write_feedback(report.check, results / FEEDBACK, lang)
            if parent is not None and campaign.has_responsible_child(parent):  # sectors
                composed = merge_compose(  # the parent's own card too
                    campaign, [inbox], parent, workers=0, progress=job.progress, limits=self.limits
                )
                write_composed_card(self.composed_path(key, code), composed, lang)
                job.composed = composed
            job.report = report
        except ThiduaError as exc:
            job.error = exc.message(lang)
        except Exception as exc:  # shown on the page, never a traceback
            job.error = render("cli.unexpected", lang, error=f"{type(exc).__name__}: {exc}")
        finally:
            job.running = False


def _zip(paths: Iterable[Path]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in paths:
            archive.write(path, path.name)
    return buffer.getvalue()
