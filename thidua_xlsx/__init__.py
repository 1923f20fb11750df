"""thidua_xlsx — run Vietnamese emulation-scoring (*thi đua*) campaigns through Excel.

The public API, in three tiers: the workflow's entry points, the result and model types they
return, and the exceptions. Building blocks stay reachable in their modules
(``thidua_xlsx.core.scoring.score_card``, ``thidua_xlsx.core.legacy_encodings`` …) but are not
re-exported here.

The names are resolved on first use (PEP 562), so ``import thidua_xlsx`` itself loads nothing
heavy: the ``thidua`` command can then answer Ctrl-C from its first moment.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .campaign.loader import load_campaign, parse_campaign
    from .campaign.show import describe_campaign
    from .campaign.workbook_writer import (
        CampaignSheets,
        blank_campaign_sheets,
        init_campaign_workbook,
        write_campaign_workbook,
    )
    from .checking.checker import FileChecker, check_file
    from .checking.run import issues_frame, run_check
    from .checking.verification import check_verification_file
    from .core.council import Council, CouncilMember, Share, TitleRule
    from .core.dossier import CandidateVote, CouncilVote, Dossier, MeetingMember
    from .core.lock import LockBook, LockChange, LockEntry
    from .core.model import (
        AwardRule,
        Band,
        Campaign,
        CampaignInfo,
        ComposeRule,
        Criterion,
        Method,
        RankingStyle,
        SectionKind,
        Unit,
    )
    from .core.ranking import RankedUnit
    from .core.reports import CheckReport, ComposeReport, RankReport
    from .core.results import FileResult, FileStatus
    from .core.scoring import RawInput, ScoreCard
    from .core.submissions import Completeness, SubmissionStatus, UnitSubmission
    from .core.trend import Trend
    from .core.verification import VerificationPlan, VerificationResult, VerifiedScore
    from .core.vote import Candidate, Decision, Outcome, VoteDecision, VotePlan, VoteResult
    from .dossier.writer import DossierFiles, write_dossier
    from .errors import (
        CampaignDefinitionError,
        CampaignError,
        CampaignFileError,
        DemoDataError,
        DossierError,
        InboxError,
        LockError,
        NoSectorsError,
        OutputError,
        OutputExistsError,
        OutputNotEmptyError,
        ThiduaError,
        TrendError,
        UnitSelectionError,
        UnusableFileError,
        VoteError,
    )
    from .faces.demo import DemoResult, run_demo
    from .intake.vote_result_file import DecidedUnit, VoteResultFile
    from .merge.compose import merge_compose
    from .merge.dossier import build_dossier, council_vote
    from .merge.lock import LockResult, MergeLock, check_merge_lock, lock_summary
    from .merge.rank import merge_rank
    from .merge.trend import build_trend
    from .merge.verify import plan_verification
    from .merge.vote import decide_vote, plan_vote, read_vote_result
    from .runtime.containment import ReadLimits
    from .scorecard.blank_cards import TemplatesResult, write_templates
    from .scorecard.feedback import write_feedback
    from .scorecard.writer import write_composed_card
    from .summary.writer import write_summary
    from .trend.writer import write_trend
    from .verification.writer import write_verification_workbook
    from .vote.writer import write_vote_papers, write_vote_result
    from .words.issues import CATALOGUE, Issue, Severity

__all__ = [  # noqa: RUF022 (in tiers, not sorted)
    "__version__",
    # the workflow's entry points
    "load_campaign",
    "parse_campaign",
    "describe_campaign",
    "init_campaign_workbook",
    "write_campaign_workbook",
    "blank_campaign_sheets",
    "write_templates",
    "run_check",
    "issues_frame",
    "check_file",
    "FileChecker",
    "write_feedback",
    "merge_rank",
    "write_summary",
    "merge_compose",
    "write_composed_card",
    "plan_verification",
    "write_verification_workbook",
    "check_verification_file",
    "plan_vote",
    "decide_vote",
    "read_vote_result",
    "write_vote_papers",
    "write_vote_result",
    "build_dossier",
    "council_vote",
    "write_dossier",
    "lock_summary",
    "check_merge_lock",
    "build_trend",
    "write_trend",
    "run_demo",
    # the result and model types they return
    "Campaign",
    "CampaignInfo",
    "Criterion",
    "Unit",
    "Band",
    "AwardRule",
    "Method",
    "ComposeRule",
    "RankingStyle",
    "SectionKind",
    "CampaignSheets",
    "TemplatesResult",
    "ReadLimits",
    "RawInput",
    "ScoreCard",
    "FileResult",
    "FileStatus",
    "CheckReport",
    "RankReport",
    "ComposeReport",
    "Completeness",
    "SubmissionStatus",
    "UnitSubmission",
    "RankedUnit",
    "VerificationPlan",
    "VerificationResult",
    "VerifiedScore",
    "Council",
    "CouncilMember",
    "Share",
    "TitleRule",
    "Candidate",
    "Decision",
    "Outcome",
    "VoteDecision",
    "VotePlan",
    "VoteResult",
    "VoteResultFile",
    "DecidedUnit",
    "DemoResult",
    "LockResult",
    "MergeLock",
    "LockBook",
    "LockEntry",
    "LockChange",
    "Dossier",
    "DossierFiles",
    "CouncilVote",
    "MeetingMember",
    "CandidateVote",
    "Trend",
    "Issue",
    "Severity",
    "CATALOGUE",
    # what they raise on input they cannot use (bad data in a file is an Issue, never raised)
    "ThiduaError",
    "CampaignError",
    "CampaignFileError",
    "CampaignDefinitionError",
    "DemoDataError",
    "DossierError",
    "InboxError",
    "LockError",
    "NoSectorsError",
    "OutputError",
    "OutputExistsError",
    "OutputNotEmptyError",
    "UnitSelectionError",
    "UnusableFileError",
    "VoteError",
    "TrendError",
]

# public name -> the module defining it
_SOURCES: dict[str, str] = {
    "load_campaign": "campaign.loader",
    "parse_campaign": "campaign.loader",
    "describe_campaign": "campaign.show",
    "init_campaign_workbook": "campaign.workbook_writer",
    "write_campaign_workbook": "campaign.workbook_writer",
    "blank_campaign_sheets": "campaign.workbook_writer",
    "write_templates": "scorecard.blank_cards",
    "run_check": "checking.run",
    "issues_frame": "checking.run",
    "check_file": "checking.checker",
    "FileChecker": "checking.checker",
    "write_feedback": "scorecard.feedback",
    "merge_rank": "merge.rank",
    "write_summary": "summary.writer",
    "merge_compose": "merge.compose",
    "write_composed_card": "scorecard.writer",
    "plan_verification": "merge.verify",
    "write_verification_workbook": "verification.writer",
    "check_verification_file": "checking.verification",
    "plan_vote": "merge.vote",
    "decide_vote": "merge.vote",
    "read_vote_result": "merge.vote",
    "VoteResultFile": "intake.vote_result_file",
    "DecidedUnit": "intake.vote_result_file",
    "write_vote_papers": "vote.writer",
    "write_vote_result": "vote.writer",
    "Council": "core.council",
    "CouncilMember": "core.council",
    "Share": "core.council",
    "TitleRule": "core.council",
    "Candidate": "core.vote",
    "Decision": "core.vote",
    "Outcome": "core.vote",
    "VoteDecision": "core.vote",
    "VotePlan": "core.vote",
    "VoteResult": "core.vote",
    "VerificationPlan": "core.verification",
    "VerificationResult": "core.verification",
    "VerifiedScore": "core.verification",
    "build_dossier": "merge.dossier",
    "council_vote": "merge.dossier",
    "write_dossier": "dossier.writer",
    "Dossier": "core.dossier",
    "DossierFiles": "dossier.writer",
    "CouncilVote": "core.dossier",
    "MeetingMember": "core.dossier",
    "CandidateVote": "core.dossier",
    "lock_summary": "merge.lock",
    "check_merge_lock": "merge.lock",
    "LockResult": "merge.lock",
    "MergeLock": "merge.lock",
    "LockBook": "core.lock",
    "LockEntry": "core.lock",
    "LockChange": "core.lock",
    "build_trend": "merge.trend",
    "write_trend": "trend.writer",
    "Trend": "core.trend",
    "TrendError": "errors",
    "run_demo": "faces.demo",
    "Campaign": "core.model",
    "CampaignInfo": "core.model",
    "Criterion": "core.model",
    "Unit": "core.model",
    "Band": "core.model",
    "AwardRule": "core.model",
    "Method": "core.model",
    "ComposeRule": "core.model",
    "RankingStyle": "core.model",
    "SectionKind": "core.model",
    "CampaignSheets": "campaign.workbook_writer",
    "TemplatesResult": "scorecard.blank_cards",
    "ReadLimits": "runtime.containment",
    "RawInput": "core.scoring",
    "ScoreCard": "core.scoring",
    "FileResult": "core.results",
    "FileStatus": "core.results",
    "CheckReport": "core.reports",
    "RankReport": "core.reports",
    "ComposeReport": "core.reports",
    "Completeness": "core.submissions",
    "SubmissionStatus": "core.submissions",
    "UnitSubmission": "core.submissions",
    "RankedUnit": "core.ranking",
    "DemoResult": "faces.demo",
    "Issue": "words.issues",
    "Severity": "words.issues",
    "CATALOGUE": "words.issues",
    "ThiduaError": "errors",
    "CampaignError": "errors",
    "CampaignFileError": "errors",
    "CampaignDefinitionError": "errors",
    "DemoDataError": "errors",
    "DossierError": "errors",
    "InboxError": "errors",
    "LockError": "errors",
    "NoSectorsError": "errors",
    "OutputError": "errors",
    "OutputExistsError": "errors",
    "OutputNotEmptyError": "errors",
    "UnitSelectionError": "errors",
    "UnusableFileError": "errors",
    "VoteError": "errors",
}


def __getattr__(name: str) -> Any:
    """Import the module defining ``name`` on first use, then keep the value here."""
    module = _SOURCES.get(name)
    if module is None:  # a submodule (``from thidua_xlsx import core``) or a mistake
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
