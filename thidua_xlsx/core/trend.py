"""Trends over periods and years (SPEC §11), pure: summaries of several periods, each scored
again from the inputs it carries and ranked again, compared unit by unit.

:class:`ScoredSummary` is one summary scored again (made by :mod:`thidua_xlsx.merge.trend` in
a contained worker); :func:`choose_summaries` keeps those that belong together (one campaign,
or successive campaigns whose criteria match by code; one level; each period once) and
refuses the others with their issue; :func:`compute_trend` compares them:

* each unit's total, rank and band in every period, with the change of total and rank from
  the period before (a rank change is the previous rank minus this one: up is positive);
* its band changes, and its runs of one band (``Xuất sắc 3 kỳ liên tiếp``);
* its on-time rate: the periods it was counted on time out of the periods it was expected in
  (late: saved after that period's deadline; missing: expected and not counted);
* the criteria where it lost points at least twice in a row (a deduction criterion loses
  points when it grows), among the criteria comparable over every period: present in each
  with the same maximum and method (the others are listed as not comparable);
* the jumps that deserve a look: a total that moved by at least :data:`JUMP_SHARE` of the
  maximum total, or a rank that moved by at least a quarter of the units ranked;
* each cluster's average total per period.

Every figure is a ``Decimal`` or an exact count; nothing is taken from the summaries' totals.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from ..words.issues import Issue, Severity
from .model import Campaign, SectionKind
from .periods import Period
from .ranking import RankedUnit
from .vi_text import fold, vietnamese_sort_key

__all__ = [
    "FALLS_IN_A_ROW",
    "JUMP_RANK_SHARE",
    "JUMP_SHARE",
    "BandRun",
    "ClusterSeries",
    "Fall",
    "Jump",
    "NotComparable",
    "ScoredSummary",
    "Trend",
    "UnitPoint",
    "UnitTrend",
    "choose_summaries",
    "compute_trend",
    "criteria_match",
    "rank_change",
]

JUMP_SHARE = Decimal("0.10")  # a total moving by 10 % of the maximum total deserves a look
JUMP_RANK_SHARE = Fraction(1, 4)  # and a rank moving by a quarter of the units ranked
FALLS_IN_A_ROW = 2  # a criterion losing points this many periods running is listed
_AVERAGE_STEP = Decimal("0.01")


@dataclass(frozen=True)
class ScoredSummary:
    """One summary scored again from the inputs it carries, with its own *Thẩm định* applied,
    and ranked again: what the trend knows of one period."""

    path: Path
    campaign: Campaign  # the summary's own (carried) definition, or the --campaign matched
    period: Period | None  # the period it is of (None: the campaign has no periods)
    issuer: str  # the unit whose level it ranks ("" : the campaign's top level)
    issuer_name: str
    cluster: str  # the cụm thi đua it ranks ("" : all the units of the level)
    generated_at: datetime | None
    ranking: tuple[RankedUnit, ...]
    # unit → leaf criterion → final score (verified where the summary's level verified it)
    scores: Mapping[str, Mapping[str, Decimal]]
    expected: tuple[str, ...]  # the units its level expects
    late: frozenset[str]  # counted units whose file was saved after the period's deadline
    issues: tuple[Issue, ...] = ()  # carried units that could not be scored again
    from_definition: bool = True  # False: scored with a campaign workbook given

    @property
    def label(self) -> str:
        """What the period is called: its name, else the campaign's *Thời gian thi đua*
        (without the dates in brackets after it: ``Năm 2024 (từ 01/01/2024 đến …)`` is
        ``Năm 2024``), else its year."""
        if self.period is not None and self.period.name:
            return self.period.name
        said = self.campaign.info.period.strip()
        if said:
            short = re.sub(r"\s*\([^()]*\)$", "", said)
            return short or said
        day = self.start
        return str(day.year) if day is not None else self.campaign.info.campaign_id

    @property
    def start(self) -> date | None:
        if self.period is not None and self.period.start is not None:
            return self.period.start
        if self.campaign.info.period_start is not None:
            return self.campaign.info.period_start
        return self.generated_at.date() if self.generated_at is not None else None

    @property
    def order(self) -> tuple[date, int, str]:
        """Periods in time: by the campaign's start (successive campaigns), then the period's
        number within it, then when the summary was written."""
        stamp = self.generated_at.isoformat() if self.generated_at is not None else ""
        index = self.period.index if self.period is not None else 0
        start = self.campaign.info.period_start or self.start
        return (start or date.min, index, stamp)

    @property
    def period_key(self) -> tuple[str, str]:
        """Two summaries with one key are of the same period."""
        name = self.period.name if self.period is not None else ""
        return (self.campaign.info.campaign_id, " ".join(fold(name).split()))

    @property
    def level(self) -> tuple[str, str]:
        return (self.issuer, fold(self.cluster))

    @property
    def level_name(self) -> str:
        said = self.issuer_name or self.issuer or self.campaign.info.title
        return f"{said} ({self.cluster})" if self.cluster else said


def criteria_match(a: Campaign, b: Campaign) -> bool:
    """Successive campaigns whose criteria match by code: at least half of all their leaf
    codes are in both."""
    left, right = set(a.leaf_map), set(b.leaf_map)
    shared = left & right
    return bool(shared) and 2 * len(shared) >= len(left | right)


def _compatible(a: ScoredSummary, b: ScoredSummary) -> bool:
    same = a.campaign.info.campaign_id == b.campaign.info.campaign_id
    return same or criteria_match(a.campaign, b.campaign)


def choose_summaries(
    summaries: Sequence[ScoredSummary],
) -> tuple[list[ScoredSummary], list[Issue]]:
    """The summaries that belong together, in time order, and an issue for each other one:
    of another campaign whose criteria do not match (``trend_other_campaign``), of another
    level (``trend_other_level``), or of a period already given (``trend_same_period``: the
    summary written last is kept). The reference is the summary most others agree with (the
    first given on a tie)."""
    refused: list[Issue] = []
    kept = list(summaries)
    if kept:
        agree = [sum(_compatible(s, t) for t in kept) for s in kept]
        ref = kept[agree.index(max(agree))]
        for s in [s for s in kept if not _compatible(s, ref)]:
            refused.append(
                Issue(
                    "trend_other_campaign",
                    file=str(s.path),
                    value=s.campaign.info.campaign_id,
                    params={"expected": ref.campaign.info.campaign_id},
                )
            )
            kept.remove(s)
    if kept:
        counts = Counter(s.level for s in kept)
        best = max(counts.values())
        ref = next(s for s in kept if counts[s.level] == best)
        for s in [s for s in kept if s.level != ref.level]:
            refused.append(
                Issue(
                    "trend_other_level",
                    file=str(s.path),
                    value=s.level_name,
                    params={"expected": ref.level_name},
                )
            )
            kept.remove(s)
    chosen: dict[tuple[str, str], ScoredSummary] = {}
    for s in kept:
        other = chosen.get(s.period_key)
        if other is None:
            chosen[s.period_key] = s
            continue
        newer, older = (s, other) if _stamp(s) > _stamp(other) else (other, s)
        chosen[s.period_key] = newer
        refused.append(
            Issue(
                "trend_same_period",
                file=str(older.path),
                value=older.label,
                params={"kept": newer.path.name},
            )
        )
    return sorted(chosen.values(), key=lambda s: s.order), refused


def _stamp(s: ScoredSummary) -> str:
    return s.generated_at.isoformat() if s.generated_at is not None else ""


def rank_change(before: int, after: int) -> int:
    """Places gained from one period to the next (up is positive): 5th → 2nd is +3."""
    return before - after


@dataclass(frozen=True)
class UnitPoint:
    """A unit in one period: total, rank, band, and the change from the period before."""

    total: Decimal
    rank: int
    cluster_rank: int | None
    band: str
    tied: bool
    total_change: Decimal | None  # None: not ranked in the period before
    rank_change: int | None


@dataclass(frozen=True)
class BandRun:
    """The same band in consecutive periods (``first``..``last``, indexes into the periods)."""

    band: str
    first: int
    last: int

    @property
    def length(self) -> int:
        return self.last - self.first + 1


@dataclass(frozen=True)
class UnitTrend:
    """One unit over every period."""

    unit: str
    name: str
    cluster: str
    points: tuple[UnitPoint | None, ...]  # one per period (None: not ranked in it)
    expected: int  # periods its level expected it in
    on_time: int  # counted, saved by the period's deadline
    late: int  # counted, saved after it
    missing: int  # expected and not counted (not sent, or rejected)
    band_runs: tuple[BandRun, ...] = ()  # runs of two periods or more
    band_changes: tuple[tuple[int, str, str], ...] = ()  # (period index, from, to)

    @property
    def on_time_rate(self) -> Fraction | None:
        return Fraction(self.on_time, self.expected) if self.expected else None

    @property
    def last(self) -> UnitPoint | None:
        return self.points[-1]

    @property
    def current_run(self) -> BandRun | None:
        """The run of one band that reaches the last period."""
        last = len(self.points) - 1
        return next((r for r in self.band_runs if r.last == last), None)


@dataclass(frozen=True)
class Fall:
    """A criterion where a unit lost points in consecutive periods (``first``..``last``)."""

    unit: str
    criterion: str
    first: int
    last: int
    scores: tuple[Decimal, ...]  # its score in each period of the run

    @property
    def falls(self) -> int:
        return self.last - self.first


@dataclass(frozen=True)
class Jump:
    """A change from the period before that deserves a look."""

    unit: str
    period: int  # index of the later period
    total_before: Decimal
    total_after: Decimal
    rank_before: int
    rank_after: int
    by_points: bool  # the total moved by at least the points threshold
    by_rank: bool  # the rank moved by at least the rank threshold
    rank_threshold: int

    @property
    def total_change(self) -> Decimal:
        return self.total_after - self.total_before

    @property
    def rank_change(self) -> int:
        return rank_change(self.rank_before, self.rank_after)


@dataclass(frozen=True)
class NotComparable:
    """A criterion that cannot be compared over the periods, and why: ``max`` or ``method``
    changed (``detail``: the values, in order), or ``absent`` from some periods."""

    criterion: str
    content: str
    reason: str
    detail: str


@dataclass(frozen=True)
class ClusterSeries:
    """A cluster's average total in each period (None: no unit of it ranked then)."""

    cluster: str
    averages: tuple[Decimal | None, ...]


@dataclass(frozen=True)
class Trend:
    """The trend over the chosen summaries, and the files refused."""

    periods: tuple[ScoredSummary, ...]
    units: tuple[UnitTrend, ...]  # by rank in the last period, then the others by name
    falls: tuple[Fall, ...]
    jumps: tuple[Jump, ...]
    not_comparable: tuple[NotComparable, ...]
    comparable: tuple[str, ...]  # the leaf codes compared
    clusters: tuple[ClusterSeries, ...]
    overall: tuple[Decimal | None, ...]  # every ranked unit's average total per period
    jump_points: Decimal  # the points threshold
    refused: tuple[Issue, ...] = ()  # files not used, one issue each
    issues: tuple[Issue, ...] = field(default=())  # problems inside the summaries used

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(p.label for p in self.periods)

    @property
    def campaign(self) -> Campaign:
        """The latest period's campaign (names, bands and heading come from it)."""
        return self.periods[-1].campaign

    @property
    def exit_code(self) -> int:
        errors = any(i.severity is Severity.ERROR for i in (*self.refused, *self.issues))
        return 1 if errors else 0

    def to_json(self, lang: str = "vi") -> dict[str, Any]:
        """The trend as a JSON document (numbers as text, exact; SPEC §8)."""

        def point(p: UnitPoint | None) -> dict[str, Any] | None:
            if p is None:
                return None
            return {
                "total": str(p.total),
                "rank": p.rank,
                "tied": p.tied,
                "band": p.band,
                "total_change": None if p.total_change is None else str(p.total_change),
                "rank_change": p.rank_change,
            }

        labels = self.labels
        return {
            "periods": [
                {
                    "label": p.label,
                    "file": str(p.path),
                    "campaign_id": p.campaign.info.campaign_id,
                    "issuer": p.issuer,
                    "cluster": p.cluster,
                    "units_ranked": len(p.ranking),
                }
                for p in self.periods
            ],
            "units": [
                {
                    "unit": u.unit,
                    "name": u.name,
                    "cluster": u.cluster,
                    "periods": [point(p) for p in u.points],
                    "expected": u.expected,
                    "on_time": u.on_time,
                    "late": u.late,
                    "missing": u.missing,
                    "band_runs": [
                        {"band": r.band, "from": labels[r.first], "to": labels[r.last]}
                        for r in u.band_runs
                    ],
                }
                for u in self.units
            ],
            "falls": [
                {
                    "unit": f.unit,
                    "criterion": f.criterion,
                    "from": labels[f.first],
                    "to": labels[f.last],
                    "scores": [str(s) for s in f.scores],
                }
                for f in self.falls
            ],
            "jumps": [
                {
                    "unit": j.unit,
                    "period": labels[j.period],
                    "total_change": str(j.total_change),
                    "rank_change": j.rank_change,
                    "by_points": j.by_points,
                    "by_rank": j.by_rank,
                }
                for j in self.jumps
            ],
            "not_comparable": [
                {"criterion": n.criterion, "reason": n.reason, "detail": n.detail}
                for n in self.not_comparable
            ],
            "refused": [
                {"file": i.file, "code": i.code, "message": i.message(lang)} for i in self.refused
            ],
            "issues": [
                {"file": i.file, "code": i.code, "message": i.message(lang)} for i in self.issues
            ],
            "exit_code": self.exit_code,
        }

    def movers(self, count: int = 3) -> list[UnitTrend]:
        """The units whose rank rose or fell most into the last period, biggest first."""
        moved = [(u, u.last) for u in self.units]
        changed = [(u, p) for u, p in moved if p is not None and p.rank_change]
        changed.sort(key=lambda pair: (-abs(pair[1].rank_change or 0), pair[1].rank))
        return [u for u, _ in changed[:count]]


def compute_trend(
    periods: Sequence[ScoredSummary],
    refused: Sequence[Issue] = (),
) -> Trend:
    """The trend over ``periods`` (in time order, as :func:`choose_summaries` gives them)."""
    count = len(periods)
    latest = periods[-1].campaign
    ranked = [{r.unit: r for r in p.ranking} for p in periods]
    names: dict[str, tuple[str, str]] = {}
    for p in periods:
        for place in p.ranking:
            names[place.unit] = (place.name, place.cluster)
    for code in names:
        if latest.has_unit(code):
            unit = latest.unit(code)
            names[code] = (unit.name, unit.cluster)
    comparable, not_comparable = _comparable(periods)
    cap = latest.total_cap or latest.max_of_kind(SectionKind.REGULAR)
    jump_points = cap * JUMP_SHARE
    units: list[UnitTrend] = []
    falls: list[Fall] = []
    jumps: list[Jump] = []
    for code, (name, cluster) in names.items():
        points: list[UnitPoint | None] = []
        for index, here in enumerate(ranked):
            r = here.get(code)
            before: RankedUnit | None = ranked[index - 1].get(code) if index else None
            if r is None:
                points.append(None)
                continue
            points.append(
                UnitPoint(
                    total=r.total,
                    rank=r.rank,
                    cluster_rank=r.cluster_rank,
                    band=r.band,
                    tied=r.tied,
                    total_change=r.total - before.total if before else None,
                    rank_change=rank_change(before.rank, r.rank) if before else None,
                )
            )
            if before is not None:
                jump = _jump(code, index, before, r, jump_points, len(here))
                if jump is not None:
                    jumps.append(jump)
        expected = sum(code in p.expected for p in periods)
        counted = [code in ranked[i] for i in range(count)]
        late = sum(counted[i] and code in p.late for i, p in enumerate(periods))
        on_time = sum(counted[i] and code not in p.late for i, p in enumerate(periods))
        missing = sum(code in p.expected and not counted[i] for i, p in enumerate(periods))
        runs, changes = _bands(points)
        units.append(
            UnitTrend(
                unit=code,
                name=name,
                cluster=cluster,
                points=tuple(points),
                expected=max(expected, on_time + late),
                on_time=on_time,
                late=late,
                missing=missing,
                band_runs=runs,
                band_changes=changes,
            )
        )
        falls += _falls(code, periods, comparable)
    units.sort(key=_unit_order)
    order = {u.unit: i for i, u in enumerate(units)}
    falls.sort(key=lambda f: (order[f.unit], -f.falls, f.first))
    jumps.sort(key=lambda j: (j.period, -abs(j.rank_change), -abs(j.total_change), order[j.unit]))
    return Trend(
        periods=tuple(periods),
        units=tuple(units),
        falls=tuple(falls),
        jumps=tuple(jumps),
        not_comparable=tuple(not_comparable),
        comparable=tuple(comparable),
        clusters=_clusters(units, count),
        overall=tuple(_average([u.points[i] for u in units]) for i in range(count)),
        jump_points=jump_points,
        refused=tuple(refused),
        issues=tuple(i for p in periods for i in p.issues),
    )


def _unit_order(u: UnitTrend) -> tuple[int, int, tuple[object, ...], str]:
    last = u.last
    if last is not None:
        return (0, last.rank, vietnamese_sort_key(u.name), u.unit)
    return (1, 0, vietnamese_sort_key(u.name), u.unit)


def _comparable(periods: Sequence[ScoredSummary]) -> tuple[list[str], list[NotComparable]]:
    """The leaves present in every period with one maximum and one method, in the latest
    campaign's order; the others with the reason."""
    campaigns = [p.campaign for p in periods]
    order: dict[str, str] = {}
    for campaign in reversed(campaigns):
        for leaf in campaign.leaves:
            order.setdefault(leaf.code, leaf.content)
    comparable: list[str] = []
    refused: list[NotComparable] = []
    for code, content in order.items():
        found = [c.leaf_map.get(code) for c in campaigns]
        if any(f is None for f in found):
            absent = [p.label for p, f in zip(periods, found, strict=True) if f is None]
            refused.append(NotComparable(code, content, "absent", ", ".join(absent)))
            continue
        maxima = [f.max_points for f in found if f is not None]
        methods = [f.method.value if f.method else "" for f in found if f is not None]
        if len(set(maxima)) > 1:
            said = " → ".join(dict.fromkeys(format(m.normalize(), "f") for m in maxima))
            refused.append(NotComparable(code, content, "max", said))
        elif len(set(methods)) > 1:
            refused.append(NotComparable(code, content, "method", " → ".join(methods)))
        else:
            comparable.append(code)
    return comparable, refused


def _jump(
    code: str, index: int, before: RankedUnit, after: RankedUnit, points: Decimal, ranked: int
) -> Jump | None:
    rank_threshold = max(1, -(-ranked * JUMP_RANK_SHARE.numerator // JUMP_RANK_SHARE.denominator))
    by_points = points > 0 and abs(after.total - before.total) >= points
    by_rank = ranked >= 4 and abs(rank_change(before.rank, after.rank)) >= rank_threshold
    if not (by_points or by_rank):
        return None
    return Jump(
        code,
        index,
        before.total,
        after.total,
        before.rank,
        after.rank,
        by_points,
        by_rank,
        rank_threshold,
    )


def _bands(
    points: Sequence[UnitPoint | None],
) -> tuple[tuple[BandRun, ...], tuple[tuple[int, str, str], ...]]:
    runs: list[BandRun] = []
    changes: list[tuple[int, str, str]] = []
    start: int | None = None
    for index, point in enumerate(points):
        before = points[index - 1] if index else None
        if point is not None and before is not None and point.band != before.band:
            changes.append((index, before.band, point.band))
        continues = (
            point is not None and point.band and before is not None and before.band == point.band
        )
        if not continues:
            if start is not None and index - 1 > start:
                prior = points[start]
                assert prior is not None
                runs.append(BandRun(prior.band, start, index - 1))
            start = index if point is not None and point.band else None
    last = len(points) - 1
    if start is not None and last > start:
        first = points[start]
        assert first is not None
        runs.append(BandRun(first.band, start, last))
    return tuple(runs), tuple(changes)


def _falls(code: str, periods: Sequence[ScoredSummary], comparable: Sequence[str]) -> list[Fall]:
    found: list[Fall] = []
    for leaf in comparable:
        deduction = periods[-1].campaign.leaf_map[leaf].kind is SectionKind.DEDUCTION
        series = [p.scores.get(code, {}).get(leaf) for p in periods]
        start = 0
        for index in range(1, len(series) + 1):
            lost = False
            if index < len(series):
                before, after = series[index - 1], series[index]
                if before is not None and after is not None:
                    lost = after > before if deduction else after < before
            if not lost:
                if index - 1 - start >= FALLS_IN_A_ROW:
                    scores = tuple(s for s in series[start:index] if s is not None)
                    found.append(Fall(code, leaf, start, index - 1, scores))
                start = index
    return found


def _average(points: Sequence[UnitPoint | None]) -> Decimal | None:
    totals = [p.total for p in points if p is not None]
    if not totals:
        return None
    mean = sum(totals, Decimal(0)) / len(totals)
    return mean.quantize(_AVERAGE_STEP, rounding=ROUND_HALF_UP)


def _clusters(units: Sequence[UnitTrend], count: int) -> tuple[ClusterSeries, ...]:
    members: dict[str, list[UnitTrend]] = {}
    for u in units:
        if u.cluster:
            members.setdefault(u.cluster, []).append(u)
    ordered = sorted(members, key=vietnamese_sort_key)
    return tuple(
        ClusterSeries(c, tuple(_average([u.points[i] for u in members[c]]) for i in range(count)))
        for c in ordered
    )
