"""The campaign model: campaign information, criteria tree, units, bands, tie-breaks.

Pure data (SPEC §3): built by the loader, read by scoring, writers and ranking. No I/O.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import cached_property

from ..words.issues import Issue
from .council import Council
from .periods import Period
from .vi_text import canonical_decimal, fold

__all__ = [
    "AwardRule",
    "Band",
    "Campaign",
    "CampaignInfo",
    "ComposeRule",
    "Criterion",
    "Heading",
    "Method",
    "RankingStyle",
    "SectionKind",
    "Unit",
    "default_compose_rule",
    "link_criteria",
    "place_from_name",
]


class Method(Enum):
    """How a leaf criterion turns what the unit enters into points (SPEC §4)."""

    DIEM = "diem"  # direct points, 0..max
    DAT = "dat"  # met / not met: max or 0
    TY_LE = "ty_le"  # % of target: max × min(result / target, 1)
    SO_LUONG = "so_luong"  # per count: min(count × points per unit, max)
    THUONG = "thuong"  # bonus points with a justification
    TRU = "tru"  # deduction: min(count × penalty, max), subtracted

    @property
    def kind(self) -> SectionKind:
        if self is Method.THUONG:
            return SectionKind.BONUS
        if self is Method.TRU:
            return SectionKind.DEDUCTION
        return SectionKind.REGULAR


class ComposeRule(Enum):
    """How the sectors' entries for one leaf combine into the parent's (SPEC §4, compose)."""

    SUM = "cong"  # added up (amounts, counts, results with their entered targets)
    MAX = "cao_nhat"  # the entry that scores highest
    AVERAGE = "trung_binh"  # the average of the entries given, rounded half-up to the step
    LEAD = "chu_tri"  # the lead sector's entry (the first responsible sector), else the best


def default_compose_rule(method: Method | None) -> ComposeRule:
    """The rule of a leaf whose *Cách tổng hợp* is blank: one that does not inflate. Counts,
    deductions and % results (with their targets) are summed; Đạt/Không đạt, direct and bonus
    points, which each sector awards itself, come from the lead sector."""
    if method in (Method.SO_LUONG, Method.TRU, Method.TY_LE):
        return ComposeRule.SUM
    return ComposeRule.LEAD


class SectionKind(Enum):
    """Whether a section's points add to the total, add as a bonus, or are subtracted."""

    REGULAR = "regular"
    BONUS = "bonus"
    DEDUCTION = "deduction"


class RankingStyle(Enum):
    """Ties share a rank; the next rank either skips (1, 2, 2, 4) or does not (1, 2, 2, 3)."""

    COMPETITION = "competition"
    DENSE = "dense"


@dataclass(frozen=True)
class Criterion:
    """One node of the criteria tree. Leaves have a method; groups and sections do not."""

    code: str
    content: str
    max_points: Decimal
    method: Method | None = None
    target: Decimal | None = None
    points_per_unit: Decimal | None = None
    evidence_required: bool = False
    sectors: tuple[str, ...] = ()
    guidance: str = ""
    parent: str | None = None
    children: tuple[str, ...] = ()
    kind: SectionKind = SectionKind.REGULAR
    row: int = 0  # 1-based row of the definition in the Tiêu chí sheet (0: not from a sheet)
    compose: ComposeRule | None = None  # as written in Cách tổng hợp (None: the default)
    # the target is for the whole campaign, reported period by period (*Cộng dồn*): a card
    # shows what earlier periods already reported (not in the fingerprint: it scores alike)
    cumulative: bool = False

    @property
    def compose_rule(self) -> ComposeRule:
        """How the sectors' entries combine in compose: as written, or the method's default."""
        return self.compose if self.compose is not None else default_compose_rule(self.method)

    @property
    def lead_sector(self) -> str | None:
        """The lead sector (*chủ trì*): the first sector listed as responsible."""
        return self.sectors[0] if self.sectors else None

    @property
    def is_leaf(self) -> bool:
        return not self.children

    @property
    def is_section(self) -> bool:
        return self.parent is None

    @property
    def depth(self) -> int:
        return self.code.count(".")


@dataclass(frozen=True)
class Band:
    """A classification band: a total of at least ``min_score`` earns ``label``."""

    min_score: Decimal
    label: str


@dataclass(frozen=True)
class Unit:
    """A scoring unit (sector, ward, province…) in the hierarchy."""

    code: str
    name: str
    level: str = ""
    parent: str | None = None
    cluster: str = ""
    row: int = 0
    place: str = ""  # the place name its papers are dated from (Địa danh); see Campaign.place_of


@dataclass(frozen=True)
class Heading:
    """Decree 30's heading and signature of a paper: the issuing body, its superior body, the
    place it is dated from, the signer's title and full name (empty: written by hand)."""

    issuer: str
    superior: str
    place: str
    signer_title: str = ""
    signer_name: str = ""


@dataclass(frozen=True)
class AwardRule:
    """Who is proposed for an award: the top ``top_n`` units, those in ``min_band`` or better."""

    title: str
    top_n: int | None = None
    min_band: str | None = None


@dataclass(frozen=True)
class CampaignInfo:
    """The Thông tin sheet."""

    campaign_id: str
    title: str
    plan_number: str = ""
    superior_body: str = ""
    issuing_body: str = ""
    place: str = ""
    issue_date: date | None = None
    period: str = ""
    period_start: date | None = None
    period_end: date | None = None
    deadline: date | None = None
    award_window_start: date | None = None
    award_window_end: date | None = None
    signer_title: str = ""
    signer_name: str = ""


@dataclass(frozen=True)
class Campaign:
    """A whole campaign definition. Criteria are kept in sheet order (a depth-first order)."""

    info: CampaignInfo
    criteria: tuple[Criterion, ...]
    units: tuple[Unit, ...]
    bands: tuple[Band, ...] = ()  # highest minimum first
    total_cap: Decimal = Decimal(0)
    rounding_step: Decimal = Decimal("0.01")
    tie_breaks: tuple[str, ...] = ()  # criterion codes, compared in this order
    ranking_style: RankingStyle = RankingStyle.COMPETITION
    award: AwardRule | None = None
    council: Council | None = None  # the Hội đồng sheet (not in the fingerprint)
    # the reporting periods (Kỳ báo cáo; SPEC §11), and the one this run is of (see
    # for_period); neither is in the fingerprint: every period scores alike
    periods: tuple[Period, ...] = ()
    period: Period | None = None
    # what the definition may mean otherwise (a parent its children cannot reach…): shown by
    # ``thidua show``, never a reason to refuse the campaign
    warnings: tuple[Issue, ...] = field(default=(), compare=False)
    _by_code: dict[str, Criterion] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )
    _units_by_code: dict[str, Unit] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )
    _sector_leaves: dict[str, list[str]] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )
    _children: dict[str | None, list[Unit]] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )
    _units_by_upper: dict[str, str] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        self._by_code.update((c.code, c) for c in self.criteria)
        self._units_by_code.update((u.code, u) for u in self.units)
        for leaf in self.criteria:
            for sector in leaf.sectors if leaf.is_leaf else ():
                self._sector_leaves.setdefault(sector, []).append(leaf.code)
        for unit in self.units:
            self._children.setdefault(unit.parent, []).append(unit)
            self._units_by_upper.setdefault(unit.code.upper(), unit.code)

    # criteria -----------------------------------------------------------------------------

    def criterion(self, code: str) -> Criterion:
        return self._by_code[code]

    @cached_property
    def sections(self) -> tuple[Criterion, ...]:
        return tuple(c for c in self.criteria if c.is_section)

    @cached_property
    def leaves(self) -> tuple[Criterion, ...]:
        return tuple(c for c in self.criteria if c.is_leaf)

    @cached_property
    def leaf_map(self) -> dict[str, Criterion]:
        return {c.code: c for c in self.leaves}

    @cached_property
    def bottom_up(self) -> tuple[tuple[str, tuple[str, ...], Decimal], ...]:
        """Every criterion as (code, children, max points), children before their parent."""
        return tuple((c.code, c.children, c.max_points) for c in reversed(self.criteria))

    def children_of(self, code: str) -> tuple[Criterion, ...]:
        return tuple(self._by_code[c] for c in self._by_code[code].children)

    def section_of(self, code: str) -> Criterion:
        return self._by_code[code.split(".", 1)[0]]

    def max_of_kind(self, kind: SectionKind) -> Decimal:
        return sum((s.max_points for s in self.sections if s.kind is kind), Decimal(0))

    def is_responsible(self, unit_code: str) -> bool:
        """Whether some criterion names this unit among its responsible sectors."""
        return unit_code in self._sector_leaves

    def has_responsible_child(self, unit_code: str) -> bool:
        """Whether some child of this unit is named among a criterion's responsible sectors."""
        return unit_code in self._responsible_parents

    @cached_property
    def _responsible_parents(self) -> frozenset[str]:
        units = self._units_by_code
        return frozenset(
            parent
            for code in self._sector_leaves
            if code in units and (parent := units[code].parent) is not None
        )

    def sector_leaf_codes(self, unit_code: str) -> tuple[str, ...]:
        """The leaves naming this unit among their responsible sectors, in sheet order."""
        return tuple(self._sector_leaves.get(unit_code, ()))

    def criteria_for_sector(self, unit_code: str) -> tuple[Criterion, ...]:
        """The criteria a sector scores: its leaves and every group above them, in order."""
        keep: set[str] = set()
        for code in self._sector_leaves.get(unit_code, ()):
            node: Criterion | None = self._by_code[code]
            while node is not None:
                keep.add(node.code)
                node = self._by_code[node.parent] if node.parent else None
        return tuple(c for c in self.criteria if c.code in keep)

    @cached_property
    def fingerprint(self) -> str:
        """A hash of everything that decides a score: codes, caps, methods, targets, rates."""
        payload = [
            [
                c.code,
                canonical_decimal(c.max_points),
                c.method.value if c.method else "",
                canonical_decimal(c.target) if c.target is not None else "",
                canonical_decimal(c.points_per_unit) if c.points_per_unit is not None else "",
                c.evidence_required,
            ]
            for c in self.criteria
        ]
        blob = json.dumps(
            [
                self.info.campaign_id,
                canonical_decimal(self.total_cap),
                canonical_decimal(self.rounding_step),
                payload,
            ],
            ensure_ascii=False,
            separators=(",", ":"),
        )
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]

    # periods ------------------------------------------------------------------------------

    def for_period(self, period: Period) -> Campaign:
        """This campaign as a run of one of its periods: cards and summaries are stamped
        with it, and its deadline is the period's (the campaign's when it has none)."""
        info = replace(self.info, deadline=period.deadline or self.info.deadline)
        return replace(self, info=info, period=period)

    # units --------------------------------------------------------------------------------

    def unit(self, code: str) -> Unit:
        return self._units_by_code[code]

    def has_unit(self, code: str) -> bool:
        return code in self._units_by_code

    @cached_property
    def longest_upper_code(self) -> int:
        """The length of the longest unit code, upper-cased (no longer text can be one)."""
        return max(map(len, self._units_by_upper), default=0)

    def unit_by_upper_code(self, upper_code: str) -> str | None:
        """The code of the unit whose code, upper-cased, is ``upper_code``."""
        return self._units_by_upper.get(upper_code)

    def place_of(self, code: str | None) -> str:
        """The place name a unit's papers are dated from (``Nhơn Hưng, ngày …``): its own
        *Địa danh*; else the place its name says (:func:`place_from_name`); else its parent's
        place, up the tree; else the campaign's *Địa danh*."""
        seen: set[str] = set()
        while code is not None and code in self._units_by_code and code not in seen:
            seen.add(code)
            unit = self._units_by_code[code]
            place = unit.place or place_from_name(unit.name)
            if place:
                return place
            code = unit.parent
        return self.info.place

    def heading(self, code: str | None) -> Heading:
        """Who issues and signs a paper made at the level of unit ``code`` (a summary, a
        verification workbook; ``None``: the campaign's own level). At the campaign's own
        level (no unit, or a unit whose place is the campaign's *Địa danh*) the bodies and the
        signer are the campaign's (*Cơ quan ban hành*, *Cơ quan cấp trên*, *Chức danh người
        ký*, *Người ký*); above or beside it, the unit itself issues, its own parent is the
        superior body (else the campaign's *Cơ quan cấp trên*), and title and name are left to
        write by hand. A superior body naming the issuer itself is left out."""
        info = self.info
        unit = self._units_by_code.get(code) if code is not None else None
        place = self.place_of(code) if unit is not None else info.place
        own = unit is None or (bool(info.place) and fold(place) == fold(info.place))
        if own:
            issuer = info.issuing_body or (unit.name if unit is not None else "")
            superior = info.superior_body
            if not superior and unit is not None and unit.parent in self._units_by_code:
                superior = self._units_by_code[unit.parent].name
            title, name = info.signer_title, info.signer_name
        else:
            assert unit is not None
            issuer = unit.name
            parent = self._units_by_code.get(unit.parent) if unit.parent else None
            superior = parent.name if parent is not None else info.superior_body
            title, name = "", ""
        if superior and _body_key(superior) == _body_key(issuer):
            superior = ""
        return Heading(issuer, superior, place or info.place, title, name)

    def children_units(self, code: str | None) -> tuple[Unit, ...]:
        return tuple(self._children.get(code, ()))

    @property
    def root_units(self) -> tuple[Unit, ...]:
        return self.children_units(None)

    def walk_units(self) -> Iterator[tuple[int, Unit]]:
        """Every unit with its depth, parents before children, in sheet order."""

        def walk(parent: str | None, depth: int) -> Iterator[tuple[int, Unit]]:
            for unit in self.children_units(parent):
                yield depth, unit
                yield from walk(unit.code, depth + 1)

        return walk(None, 0)

    @property
    def leaf_units(self) -> tuple[Unit, ...]:
        parents = {u.parent for u in self.units}
        return tuple(u for u in self.units if u.code not in parents)

    # bands --------------------------------------------------------------------------------

    def band_for(self, total: Decimal) -> str:
        for band in self.bands:
            if total >= band.min_score:
                return band.label
        return ""


# the words naming an administrative unit, longest first (``thị xã`` before ``xã``)
_ADMIN_WORDS = tuple(
    w.split()
    for w in (
        "thành phố",
        "thị trấn",
        "thị xã",
        "đặc khu",
        "phường",
        "huyện",
        "quận",
        "tỉnh",
        "xã",
    )
)
_BODY_PREFIXES = ("uy ban nhan dan ", "ubnd ")


def place_from_name(name: str) -> str:
    """The place a unit's name says: the words after its first administrative word that
    starts a proper name (``UBND xã Vĩnh Trung`` → ``Vĩnh Trung``, ``Hội LHPN thị xã Tân
    Châu`` → ``Tân Châu``, ``Thị xã Tịnh Biên`` → ``Tịnh Biên``); ``""`` when there is none
    (``Công an phường``, ``Trường THCS Nhơn Hưng``)."""
    words = name.split()
    folded = [w.lower() for w in words]
    for index in range(len(words)):
        for admin in _ADMIN_WORDS:
            end = index + len(admin)
            if folded[index:end] == admin and end < len(words) and words[end][:1].isupper():
                return " ".join(words[end:])
    return ""


def _body_key(name: str) -> str:
    """A body's name compared: folded, without a leading *UBND* / *Ủy ban nhân dân*."""
    key = fold(name)
    for prefix in _BODY_PREFIXES:
        if key.startswith(prefix):
            return key[len(prefix) :]
    return key


def link_criteria(nodes: Iterable[Criterion]) -> tuple[Criterion, ...]:
    """Fill ``parent``, ``children`` and section ``kind`` from the dotted codes.

    For building a campaign in code (the loader does the same with full error reporting).
    Returns the nodes depth-first, siblings in the given order. Raises ``ValueError`` for a
    code whose parent is missing or a duplicate code.
    """
    given = list(nodes)
    by_code: dict[str, Criterion] = {}
    kids: dict[str | None, list[str]] = {}
    for node in given:
        if node.code in by_code:
            raise ValueError(f"duplicate criterion code: {node.code}")
        by_code[node.code] = node
        parent = node.code.rsplit(".", 1)[0] if "." in node.code else None
        kids.setdefault(parent, []).append(node.code)
    for code in by_code:
        parent = code.rsplit(".", 1)[0] if "." in code else None
        if parent is not None and parent not in by_code:
            raise ValueError(f"criterion {code} has no parent {parent}")
    linked: list[Criterion] = []

    def kind_of(code: str) -> SectionKind:
        below = kids.get(code, [])
        if not below:
            method = by_code[code].method
            return method.kind if method else SectionKind.REGULAR
        kinds = {kind_of(k) for k in below} - {SectionKind.REGULAR}
        return kinds.pop() if len(kinds) == 1 else SectionKind.REGULAR

    def walk(code: str, parent: str | None, kind: SectionKind) -> None:
        node = by_code[code]
        children = tuple(kids.get(code, ()))
        linked.append(replace(node, parent=parent, children=children, kind=kind))
        for child in children:
            walk(child, code, kind)

    for section in kids.get(None, []):
        walk(section, None, kind_of(section))
    return tuple(linked)
