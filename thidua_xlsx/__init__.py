"""thidua_xlsx — run Vietnamese emulation-scoring (*thi đua*) campaigns through Excel.

The public API. Everything else is private to the package.
"""

from ._version import __version__
from .campaign_loader import load_campaign, parse_campaign
from .campaign_text import describe_campaign
from .campaign_workbook_writer import (
    CampaignSheets,
    blank_campaign_sheets,
    init_campaign_workbook,
    write_campaign_workbook,
)
from .check_run import CheckReport, run_check
from .checks import FileResult, FileStatus, check_file
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
from .scorecard_reader import ReturnedFile, UnusableFileError, read_returned_file
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
