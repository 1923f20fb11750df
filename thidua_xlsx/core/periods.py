"""Reporting periods within a campaign (SPEC §11), pure: what a period is, how a scheme in
*Thông tin* (``hàng tháng``, ``hàng quý``, ``hàng năm``, or a list of named periods with
their deadlines) becomes the campaign's periods, and how a person names one (``--period``).

A campaign without a scheme has no periods: every card and summary is of the one campaign.
With a scheme, each card and summary is of one period, stamped in its hidden information
(:data:`PERIOD_KEY`) and its printed heading, and a file of one period is refused as another.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum
from pathlib import Path

from ..words.issues import Issue
from .vi_text import fold, format_date, nfc

__all__ = [
    "DEFAULT_GRACE_DAYS",
    "PERIOD_INDEX_KEY",
    "PERIOD_KEY",
    "EarlierReport",
    "EarlierReports",
    "Period",
    "PeriodScheme",
    "find_period",
    "generate_periods",
    "scheme_from_text",
]

# the hidden information's keys (cards and summaries): the period's name and its number
PERIOD_KEY = "period"
PERIOD_INDEX_KEY = "period_index"
# a generated period's deadline: this many days after its last day, unless Thông tin says
DEFAULT_GRACE_DAYS = 5
_ROMAN = ("I", "II", "III", "IV")


class PeriodScheme(Enum):
    """How a campaign's periods are generated from its time window."""

    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"


_SCHEME_WORDS: dict[PeriodScheme, tuple[str, ...]] = {
    PeriodScheme.MONTHLY: ("hang thang", "thang", "moi thang", "monthly", "month"),
    PeriodScheme.QUARTERLY: ("hang quy", "quy", "moi quy", "quarterly", "quarter"),
    PeriodScheme.YEARLY: ("hang nam", "nam", "moi nam", "yearly", "annual", "year"),
}
_BY_WORD = {w: s for s, words in _SCHEME_WORDS.items() for w in words}


def scheme_from_text(text: str) -> PeriodScheme | None:
    """``"Hàng tháng"`` → :attr:`PeriodScheme.MONTHLY`; ``None`` for anything else (a list)."""
    return _BY_WORD.get(fold(text))


@dataclass(frozen=True)
class Period:
    """One reporting period: its name (what people read and type; unique in a campaign),
    its number from 1, and its window and deadline when known."""

    name: str
    index: int
    start: date | None = None
    end: date | None = None
    deadline: date | None = None

    @property
    def window(self) -> str:
        """``20/10/2021 – 19/11/2021``, or ``""`` when the window is not known."""
        if self.start is None or self.end is None:
            return ""
        return f"{format_date(self.start)} – {format_date(self.end)}"

    def same(self, name: str) -> bool:
        """Whether ``name`` (from a file's hidden information) names this period."""
        return _key(name) == _key(self.name)


def _key(text: str) -> str:
    return " ".join(fold(text).split())


def generate_periods(
    scheme: PeriodScheme, start: date, end: date, grace_days: int = DEFAULT_GRACE_DAYS
) -> tuple[Period, ...]:
    """The periods of ``scheme`` over ``start``–``end`` (both included). A window that
    starts on the first of a month goes by calendar months (``Tháng 11/2025``, ``Quý
    IV/2025``, ``Năm 2025``); one that starts on another day goes by months counted from its
    start (``Tháng thứ 1``…), the last period running to the window's end when less than
    half a step is left. Each deadline is ``grace_days`` after the period's last day."""
    months = {PeriodScheme.MONTHLY: 1, PeriodScheme.QUARTERLY: 3, PeriodScheme.YEARLY: 12}[scheme]
    aligned = start.day == 1 and (scheme is not PeriodScheme.YEARLY or start.month == 1)
    aligned = aligned and (scheme is not PeriodScheme.QUARTERLY or start.month % 3 == 1)
    periods: list[Period] = []
    first = start
    while first <= end:
        last = _add_months(first, months) - timedelta(days=1)
        if not aligned and _add_months(last + timedelta(days=1), months) > end:
            following = last + timedelta(days=1)
            if (end - following).days < (_add_months(following, months) - following).days // 2:
                last = end
        last = min(last, end)
        index = len(periods) + 1
        name = _aligned_name(scheme, first) if aligned else _counted_name(scheme, index)
        periods.append(Period(name, index, first, last, last + timedelta(days=grace_days)))
        first = last + timedelta(days=1)
    return tuple(periods)


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _aligned_name(scheme: PeriodScheme, first: date) -> str:
    if scheme is PeriodScheme.MONTHLY:
        return f"Tháng {first.month:02d}/{first.year}"
    if scheme is PeriodScheme.QUARTERLY:
        return f"Quý {_ROMAN[(first.month - 1) // 3]}/{first.year}"
    return f"Năm {first.year}"


def _counted_name(scheme: PeriodScheme, index: int) -> str:
    word = {PeriodScheme.MONTHLY: "Tháng", PeriodScheme.QUARTERLY: "Quý"}.get(scheme, "Năm")
    return f"{word} thứ {index}"


_NUMBER = re.compile(r"\s*(?:kỳ|ky|period)?\s*(\d{1,3})\s*")


def find_period(periods: Sequence[Period], typed: str) -> Period | None:
    """The period a person means by ``typed``: its name (case, accents and spacing aside),
    or its number (``2``, ``kỳ 2``); ``None`` when none matches."""
    key = _key(nfc(typed))
    for period in periods:
        if _key(period.name) == key:
            return period
    number = _NUMBER.fullmatch(typed)
    if number:
        index = int(number.group(1))
        return next((p for p in periods if p.index == index), None)
    return None


@dataclass(frozen=True)
class EarlierReport:
    """What a unit entered for one criterion in one earlier period (``None``: nothing)."""

    period: str
    amount: Decimal | None = None
    met: bool | None = None


@dataclass(frozen=True)
class EarlierReports:
    """Unit code → criterion code → its reports of the earlier periods, in period order; the
    summaries used, and those left out with the issue saying why."""

    reports: Mapping[str, Mapping[str, tuple[EarlierReport, ...]]] = field(default_factory=dict)
    used: tuple[Path, ...] = ()
    skipped: tuple[tuple[Path, Issue], ...] = ()

    def of_unit(self, unit: str) -> Mapping[str, tuple[EarlierReport, ...]]:
        return self.reports.get(unit, {})
