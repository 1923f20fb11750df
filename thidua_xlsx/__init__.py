"""thidua_xlsx — run Vietnamese emulation-scoring (*thi đua*) campaigns through Excel.

The public API. Everything else is private to the package.

The names are resolved on first use (PEP 562), so ``import thidua_xlsx`` itself loads nothing
heavy: the ``thidua`` command can then answer Ctrl-C from its first moment (see ``cli.run``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .campaign_loader import load_campaign, parse_campaign
    from .campaign_text import describe_campaign
    from .campaign_workbook_writer import (
        CampaignSheets,
        blank_campaign_sheets,
        init_campaign_workbook,
        write_campaign_workbook,
    )
    from .check_run import CheckReport, run_check
    from .checks import check_file
    from .compose_merge import ComposeReport, merge_compose
    from .demo import DemoResult, run_demo
    from .errors import (
        CampaignDefinitionError,
        CampaignError,
        CampaignFileError,
        DemoDataError,
        InboxError,
        OutputError,
        OutputExistsError,
        OutputNotEmptyError,
        ThiduaError,
        UnitSelectionError,
    )
    from .feedback import write_feedback
    from .issues import CATALOGUE, Issue, Severity
    from .legacy_text import convert_legacy, detect_legacy, fix_legacy_text
    from .model import (
        AwardRule,
        Band,
        Campaign,
        CampaignInfo,
        Criterion,
        Method,
        RankingStyle,
        SectionKind,
        Unit,
    )
    from .rank_merge import RankReport, merge_rank
    from .refusal import UnusableFileError
    from .results import FileResult, FileStatus
    from .scorecard_reader import ReturnedFile, read_returned_file
    from .scoring import RawInput, ScoreCard, combine_inputs, compose, leaf_points, score_card
    from .submissions import Completeness, SubmissionStatus
    from .summary_writer import write_summary
    from .templates import TemplatesResult, write_templates

__all__ = [
    "CATALOGUE",
    "AwardRule",
    "Band",
    "Campaign",
    "CampaignDefinitionError",
    "CampaignError",
    "CampaignFileError",
    "CampaignInfo",
    "CampaignSheets",
    "CheckReport",
    "Completeness",
    "ComposeReport",
    "Criterion",
    "DemoDataError",
    "DemoResult",
    "FileResult",
    "FileStatus",
    "InboxError",
    "Issue",
    "Method",
    "OutputError",
    "OutputExistsError",
    "OutputNotEmptyError",
    "RankReport",
    "RankingStyle",
    "RawInput",
    "ReturnedFile",
    "ScoreCard",
    "SectionKind",
    "Severity",
    "SubmissionStatus",
    "TemplatesResult",
    "ThiduaError",
    "Unit",
    "UnitSelectionError",
    "UnusableFileError",
    "__version__",
    "blank_campaign_sheets",
    "check_file",
    "combine_inputs",
    "compose",
    "convert_legacy",
    "describe_campaign",
    "detect_legacy",
    "fix_legacy_text",
    "init_campaign_workbook",
    "leaf_points",
    "load_campaign",
    "merge_compose",
    "merge_rank",
    "parse_campaign",
    "read_returned_file",
    "run_check",
    "run_demo",
    "score_card",
    "write_campaign_workbook",
    "write_feedback",
    "write_summary",
    "write_templates",
]

# public name -> the module defining it
_SOURCES: dict[str, str] = {
    "AwardRule": "model",
    "Band": "model",
    "CATALOGUE": "issues",
    "Campaign": "model",
    "CampaignDefinitionError": "errors",
    "CampaignError": "errors",
    "CampaignFileError": "errors",
    "CampaignInfo": "model",
    "CampaignSheets": "campaign_workbook_writer",
    "CheckReport": "check_run",
    "Completeness": "submissions",
    "ComposeReport": "compose_merge",
    "Criterion": "model",
    "DemoDataError": "errors",
    "DemoResult": "demo",
    "FileResult": "results",
    "FileStatus": "results",
    "InboxError": "errors",
    "Issue": "issues",
    "Method": "model",
    "OutputError": "errors",
    "OutputExistsError": "errors",
    "OutputNotEmptyError": "errors",
    "RankReport": "rank_merge",
    "RankingStyle": "model",
    "RawInput": "scoring",
    "ReturnedFile": "scorecard_reader",
    "ScoreCard": "scoring",
    "SectionKind": "model",
    "Severity": "issues",
    "SubmissionStatus": "submissions",
    "TemplatesResult": "templates",
    "ThiduaError": "errors",
    "Unit": "model",
    "UnitSelectionError": "errors",
    "UnusableFileError": "refusal",
    "blank_campaign_sheets": "campaign_workbook_writer",
    "check_file": "checks",
    "combine_inputs": "scoring",
    "compose": "scoring",
    "convert_legacy": "legacy_text",
    "describe_campaign": "campaign_text",
    "detect_legacy": "legacy_text",
    "fix_legacy_text": "legacy_text",
    "init_campaign_workbook": "campaign_workbook_writer",
    "leaf_points": "scoring",
    "load_campaign": "campaign_loader",
    "merge_compose": "compose_merge",
    "merge_rank": "rank_merge",
    "parse_campaign": "campaign_loader",
    "read_returned_file": "scorecard_reader",
    "run_check": "check_run",
    "run_demo": "demo",
    "score_card": "scoring",
    "write_campaign_workbook": "campaign_workbook_writer",
    "write_feedback": "feedback",
    "write_summary": "summary_writer",
    "write_templates": "templates",
}


def __getattr__(name: str) -> Any:
    """Import the module defining ``name`` on first use, then keep the value here."""
    module = _SOURCES.get(name)
    if module is None:  # a submodule (``from thidua_xlsx import check_run``) or a mistake
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
