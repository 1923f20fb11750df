"""thidua_xlsx — run Vietnamese emulation-scoring (*thi đua*) campaigns through Excel.

The public API. Everything else is private to the package.
"""

from .campaign_loader import load_campaign, parse_campaign
from .campaign_text import describe_campaign
from .campaign_workbook_writer import (
    CampaignSheets,
    blank_campaign_sheets,
    init_campaign_workbook,
    write_campaign_workbook,
)
from .errors import (
    CampaignDefinitionError,
    CampaignError,
    CampaignFileError,
    OutputError,
    OutputExistsError,
    ThiduaError,
)
from .issues import CATALOGUE, Issue, Severity
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
from .scoring import RawInput, ScoreCard, combine_inputs, compose, leaf_points, score_card

__version__ = "0.1.0"

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
    "Criterion",
    "Issue",
    "Method",
    "OutputError",
    "OutputExistsError",
    "RankingStyle",
    "RawInput",
    "ScoreCard",
    "SectionKind",
    "Severity",
    "ThiduaError",
    "Unit",
    "__version__",
    "blank_campaign_sheets",
    "combine_inputs",
    "compose",
    "describe_campaign",
    "init_campaign_workbook",
    "leaf_points",
    "load_campaign",
    "parse_campaign",
    "score_card",
    "write_campaign_workbook",
]
