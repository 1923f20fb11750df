"""Whose file it is (SPEC §6): made from this campaign's current template, for a unit the
campaign has, and saved by the deadline."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone

from ..core.model import Campaign
from ..core.periods import PERIOD_KEY
from ..core.results import FileResult
from ..core.vi_text import format_date
from .check_log import CheckLog

__all__ = ["VIETNAM", "check_on_time", "check_period", "check_template", "check_unit_code"]

VIETNAM = timezone(timedelta(hours=7))
# a unit code that no campaign has: a formula's first character, a path, a drive
_UNSAFE_UNIT_CODE = re.compile(r"^[=+\-@\s]|[\\/:*?\"<>|\x00-\x1f]|\.\.")


def check_template(
    log: CheckLog, campaign: Campaign, metadata: Mapping[str, str], summary: bool = False
) -> FileResult | None:
    """The file's hidden information names this campaign and its current template (and, but
    for a summary, a unit): ``None`` when it does, else the rejected result."""
    if not metadata.get("campaign_id") or not (metadata.get("unit_code") or summary):
        log.add("file_unknown_template")
        return log.result(None)
    if metadata["campaign_id"] != campaign.info.campaign_id:
        log.add(
            "file_other_campaign",
            value=metadata["campaign_id"],
            expected=campaign.info.campaign_id,
        )
        return log.result(metadata.get("unit_code"))
    if metadata.get("fingerprint") != campaign.fingerprint:
        log.add(
            "file_outdated_template",
            value=metadata.get("fingerprint", ""),
            expected=campaign.fingerprint,
        )
        return log.result(metadata.get("unit_code"))
    return check_period(log, campaign, metadata)


def check_period(
    log: CheckLog, campaign: Campaign, metadata: Mapping[str, str]
) -> FileResult | None:
    """A run of one period (``campaign.period``) takes only that period's files: ``None``
    when the file is of it, else the rejected result. A run of a campaign without periods
    takes any file (its cards may still carry the period they were made for)."""
    period = campaign.period
    if period is None:
        return None
    written = metadata.get(PERIOD_KEY, "")
    if not written:
        log.add("file_period_missing", expected=period.name)
    elif not period.same(written):
        log.add("file_wrong_period", value=written, expected=period.name)
    else:
        return None
    return log.result(metadata.get("unit_code"))


def check_unit_code(log: CheckLog, campaign: Campaign, code: str) -> bool:
    """Whether the campaign has the unit ``code`` (an issue when it has not)."""
    if campaign.has_unit(code):
        return True
    unsafe = _UNSAFE_UNIT_CODE.search(code) or len(code) > 64
    log.add("unit_code_invalid" if unsafe else "unit_unknown", value=code)
    return False


def check_on_time(log: CheckLog, campaign: Campaign, saved_at: datetime | None) -> None:
    """A file saved after the deadline's day (Vietnam's time) is late."""
    deadline = campaign.info.deadline
    if deadline is not None and saved_at is not None:
        local = saved_at.astimezone(VIETNAM)
        if local.date() > deadline:
            log.add(
                "file_late",
                value=local.strftime("%d/%m/%Y %H:%M"),
                deadline=format_date(deadline),
            )
