"""Load a campaign workbook (SPEC §3) into a :class:`~thidua_xlsx.core.model.Campaign`.

Every problem in the definition is collected, with its sheet, row and cell, and raised at
the end as one :class:`~thidua_xlsx.errors.CampaignDefinitionError`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from ..core.cellref import cell_name
from ..core.council import (
    DEFAULT_QUORUM,
    Council,
    CouncilMember,
    Share,
    TitleRule,
    parse_share,
)
from ..core.criterion_codes import normalise_code, parent_code
from ..core.model import (
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
from ..core.periods import DEFAULT_GRACE_DAYS, Period, generate_periods, scheme_from_text
from ..core.verification import VERIFICATION_KIND
from ..core.vi_text import (
    find_dates,
    fold,
    format_date,
    format_decimal,
    nfc,
    parse_date,
    parse_decimal,
)
from ..errors import CampaignDefinitionError, CampaignFileError
from ..intake.sheets import CellValue, SheetData, UnreadableWorkbookError, read_workbook
from ..runtime.containment import run_contained
from ..scorecard.layout import FEEDBACK_KIND, META_SHEET
from ..words.issues import Issue, Severity
from . import format as fmt
from .format import Column

__all__ = ["load_campaign", "parse_campaign"]

_HEADER_SEARCH_ROWS = 10
_METHOD_NAMES = ", ".join(m.value for m in Method)
_COMPOSE_NAMES = ", ".join(words[0] for words in fmt.COMPOSE_WORDS.values())
# children whose maxima add up to more than this many times their parent's: a warning
FAR_EXCEED_FACTOR = 2


def load_campaign(path: str | Path) -> Campaign:
    """Read and validate a campaign workbook.

    Raises :class:`CampaignFileError` when the file cannot be read and
    :class:`CampaignDefinitionError` (listing every problem) when the definition is broken.
    """
    path = Path(path)
    if path.is_dir():
        raise CampaignFileError(str(path), "reason.is_folder")
    if not path.is_file():
        raise CampaignFileError(str(path), "reason.file_not_found")
    try:
        sheets = _read_contained(path)
    except UnreadableWorkbookError as exc:
        raise CampaignFileError(str(path), "reason.not_a_spreadsheet", detail=str(exc)) from exc
    _not_another_kind(str(path), sheets)
    return parse_campaign(sheets, source=str(path))


def _not_another_kind(path: str, sheets: Mapping[str, SheetData]) -> None:
    """Raise :class:`CampaignFileError` naming what the workbook is when this tool wrote it
    as something else (its hidden sheet says so): a scorecard, a feedback copy, a summary, a
    verification workbook, given where the campaign workbook belongs."""
    meta = sheets.get(META_SHEET)
    if meta is None:
        return
    info = {str(row[0]): str(row[1]) for row in meta.rows if len(row) >= 2 and row[0]}
    unit = " ".join(p for p in (info.get("unit_code", ""), info.get("unit_name", "")) if p)
    kind = info.get("kind", "")
    if kind == FEEDBACK_KIND:
        raise CampaignFileError(path, "reason.is_feedback", unit=unit or "?")
    if kind == "summary":
        raise CampaignFileError(path, "reason.is_summary")
    if kind == VERIFICATION_KIND:
        raise CampaignFileError(path, "reason.is_verification")
    if "unit_code" in info:
        raise CampaignFileError(path, "reason.is_scorecard", unit=unit)


def _read_contained(path: Path) -> dict[str, SheetData]:
    """The workbook's sheets, read in a contained worker (see
    :mod:`~thidua_xlsx.runtime.containment`): a campaign workbook is a file from somewhere too, and
    one that crashes or exhausts the reading library must end in a sentence, not an abort."""
    outcome = run_contained(_read_or_reason, _reader_failed, [path], workers=1)[0]
    if isinstance(outcome, str):
        raise UnreadableWorkbookError(outcome)
    return outcome


def _read_or_reason(path: Path) -> dict[str, SheetData] | str:
    try:
        return read_workbook(path)
    except UnreadableWorkbookError as exc:
        return str(exc)


def _reader_failed(path: Path, code: str, detail: str) -> str:
    return f"{code}: {detail}"


def parse_campaign(sheets: Mapping[str, SheetData], source: str = "") -> Campaign:
    """Build a campaign from already-read sheets (see :func:`load_campaign`)."""
    return _Loader(sheets, source).load()


# --------------------------------------------------------------------------------------------


@dataclass
class _Row:
    number: int  # 1-based
    values: dict[str, CellValue]
    cols: dict[str, int]

    def cell(self, field_name: str) -> str:
        return cell_name(self.number - 1, self.cols.get(field_name, 0))


@dataclass(frozen=True)
class _Fields:
    """One criterion row, read but not yet placed in the tree."""

    content: str
    max_points: Decimal | None
    method: Method | None
    method_text: str
    target: Decimal | None
    points_per_unit: Decimal | None
    evidence_required: bool
    sectors: tuple[str, ...]
    guidance: str
    compose: ComposeRule | None = None
    cumulative: bool = False


@dataclass
class _Loader:
    sheets: Mapping[str, SheetData]
    source: str
    problems: list[Issue] = field(default_factory=list)
    # parents that lost a child row to a duplicate or malformed code: their caps are not checked
    # (None: some row's parent is unknown, so no cap is checked), to report causes, not echoes
    dropped_under: set[str | None] = field(default_factory=set)

    def problem(
        self, code: str, sheet: str, row: _Row | None = None, column: str = "", **kw: str
    ) -> None:
        self.problems.append(
            Issue(
                code,
                file=self.source,
                sheet=sheet,
                row=row.number if row else None,
                cell=row.cell(column) if row and column else "",
                criterion=kw.pop("criterion", ""),
                value=kw.pop("value", ""),
                params=kw,
            )
        )

    # -- driver ---------------------------------------------------------------------------

    def load(self) -> Campaign:
        units = self._units()
        bands = self._bands()
        criteria = self._criteria(units)
        info, settings = self._info(criteria, bands)
        council = self._council(settings.award)
        errors = [p for p in self.problems if p.severity is Severity.ERROR]
        warnings = tuple(p for p in self.problems if p.severity is not Severity.ERROR)
        if errors:  # the warnings said too, after the errors
            raise CampaignDefinitionError(self.source, [*errors, *warnings])
        return Campaign(
            info=info,
            criteria=criteria,
            units=units,
            bands=bands,
            total_cap=settings.total_cap,
            rounding_step=settings.rounding_step,
            tie_breaks=settings.tie_breaks,
            ranking_style=settings.ranking_style,
            award=settings.award,
            council=council,
            periods=settings.periods,
            warnings=warnings,
        )

    def _sheet(self, name: str) -> SheetData | None:
        wanted = fold(name)
        for sheet_name, sheet in self.sheets.items():
            if fold(sheet_name) == wanted:
                return sheet
        self.problem("def_sheet_missing", name, name=name)
        return None

    def _table(self, name: str, columns: Sequence[Column]) -> list[_Row]:
        sheet = self._sheet(name)
        if sheet is None:
            return []
        header_row, cols = _find_header(sheet, columns)
        missing = [c for c in columns if c.required and c.field not in cols]
        for column in missing:
            self.problem("def_column_missing", name, header=column.header)
        if missing:
            return []
        rows = []
        for index in range(header_row + 1, len(sheet.rows)):
            values = {f: sheet.cell(index, c) for f, c in cols.items()}
            if any(_text(v) for v in values.values()):
                rows.append(_Row(index + 1, values, cols))
        if not rows:
            self.problem("def_sheet_empty", name, name=name)
        return rows

    # -- units ----------------------------------------------------------------------------

    def _units(self) -> tuple[Unit, ...]:
        sheet = fmt.SHEET_UNITS
        first: dict[str, _Row] = {}
        raw: list[tuple[_Row, str, str]] = []  # row, code, parent text
        units: list[Unit] = []
        for row in self._table(sheet, fmt.UNIT_COLUMNS):
            code = _text(row.values["code"])
            name = _text(row.values.get("name"))
            key = code.upper()
            if not code:
                continue
            if key in first:
                self.problem(
                    "def_unit_duplicate",
                    sheet,
                    row,
                    "code",
                    value=code,
                    first_row=str(first[key].number),
                )
                continue
            first[key] = row
            if not name:
                self.problem("def_unit_name_missing", sheet, row, "name", value=code)
            raw.append((row, code, _text(row.values.get("parent"))))
        canonical = {code.upper(): code for _, code, _ in raw}
        parent_of: dict[str, str | None] = {}
        for row, code, parent_text in raw:
            parent = canonical.get(parent_text.upper()) if parent_text else None
            if parent_text and parent is None:
                self.problem("def_unit_unknown_parent", sheet, row, "parent", value=parent_text)
            parent_of[code] = parent
            units.append(
                Unit(
                    code=code,
                    name=_text(row.values.get("name")),
                    level=_text(row.values.get("level")),
                    parent=parent,
                    cluster=_text(row.values.get("cluster")),
                    row=row.number,
                    place=_text(row.values.get("place")),
                )
            )
        self._check_cycles(parent_of, {code: row for row, code, _ in raw})
        return tuple(units)

    def _check_cycles(self, parent_of: dict[str, str | None], rows: dict[str, _Row]) -> None:
        reported: set[str] = set()
        for start in parent_of:
            path: list[str] = []
            node: str | None = start
            while node is not None and node not in path and node not in reported:
                path.append(node)
                node = parent_of.get(node)
            if node is not None and node in path:
                cycle = path[path.index(node) :]
                reported.update(cycle)
                first = min(cycle, key=lambda c: rows[c].number)
                self.problem(
                    "def_unit_cycle",
                    fmt.SHEET_UNITS,
                    rows[first],
                    "parent",
                    value=first,
                    cycle=" → ".join([*cycle, cycle[0]]),
                )
            reported.update(path)

    # -- bands ----------------------------------------------------------------------------

    def _bands(self) -> tuple[Band, ...]:
        sheet = fmt.SHEET_BANDS
        bands: list[Band] = []
        first: dict[Decimal, _Row] = {}
        for row in self._table(sheet, fmt.BAND_COLUMNS):
            minimum = self._number(sheet, row, "min", fmt.BAND_COLUMNS)
            label = _text(row.values.get("label"))
            if not label:
                self.problem("def_band_label_missing", sheet, row, "label")
            if minimum is None:
                continue
            if minimum in first:
                self.problem(
                    "def_band_duplicate",
                    sheet,
                    row,
                    "min",
                    value=format_decimal(minimum),
                    first_row=str(first[minimum].number),
                )
                continue
            first[minimum] = row
            bands.append(Band(minimum, label))
        return tuple(sorted(bands, key=lambda b: b.min_score, reverse=True))

    # -- criteria -------------------------------------------------------------------------

    def _criteria(self, units: tuple[Unit, ...]) -> tuple[Criterion, ...]:
        sheet = fmt.SHEET_CRITERIA
        columns = fmt.CRITERIA_COLUMNS
        sector_lookup = _sector_lookup(units)
        parsed: dict[str, tuple[_Row, _Fields]] = {}
        for row in self._table(sheet, columns):
            raw_code = _text(row.values["code"])
            code = normalise_code(raw_code)
            if code is None:
                self.problem("def_bad_code", sheet, row, "code", value=raw_code)
                self.dropped_under.add(None)
                continue
            if code in parsed:
                self.dropped_under.add(parent_code(code))
                self.problem(
                    "def_duplicate_code",
                    sheet,
                    row,
                    "code",
                    value=code,
                    first_row=str(parsed[code][0].number),
                )
                continue
            parsed[code] = (row, self._criterion_fields(row, code, sector_lookup, units))
        return self._build_tree(parsed)

    def _criterion_fields(
        self,
        row: _Row,
        code: str,
        sector_lookup: Mapping[str, str],
        units: Sequence[Unit],
    ) -> _Fields:
        sheet, columns = fmt.SHEET_CRITERIA, fmt.CRITERIA_COLUMNS
        max_points = self._number(sheet, row, "max", columns, criterion=code)
        if max_points is None and not _text(row.values.get("max")):
            self.problem("def_max_missing", sheet, row, "max", criterion=code)
        elif max_points is not None and max_points <= 0:
            self._not_positive(row, "max", max_points)
            max_points = None
        method_text = _text(row.values.get("method"))
        method = fmt.method_from_text(method_text) if method_text else None
        if method_text and method is None:
            self.problem(
                "def_unknown_method", sheet, row, "method", value=method_text, known=_METHOD_NAMES
            )
        target = self._number(sheet, row, "target", columns, criterion=code)
        per_unit = self._number(sheet, row, "per_unit", columns, criterion=code)
        for name, number in (("target", target), ("per_unit", per_unit)):
            if number is not None and number <= 0:
                self._not_positive(row, name, number)
        evidence_text = _text(row.values.get("evidence"))
        evidence = fmt.yes_no_from_text(evidence_text)
        if evidence is None:
            self.problem(
                "def_bad_yes_no",
                sheet,
                row,
                "evidence",
                value=evidence_text,
                header=_header(columns, "evidence"),
            )
        sectors = []
        for item in _split_sectors(_text(row.values.get("sectors"))):
            unit_code = sector_lookup.get(item.upper()) or sector_lookup.get(fold(item))
            if unit_code is None:
                example = units[-1].code if units else "CA"
                self.problem(
                    "def_unknown_sector", sheet, row, "sectors", value=item, example=example
                )
            elif unit_code not in sectors:
                sectors.append(unit_code)
        compose_text = _text(row.values.get("compose"))
        compose = fmt.compose_rule_from_text(compose_text) if compose_text else None
        if compose_text and compose is None:
            self.problem(
                "def_unknown_compose_rule",
                sheet,
                row,
                "compose",
                criterion=code,
                value=compose_text,
                known=_COMPOSE_NAMES,
            )
        cumulative_text = _text(row.values.get("cumulative"))
        cumulative = fmt.yes_no_from_text(cumulative_text) if cumulative_text else False
        if cumulative is None:
            self.problem(
                "def_bad_yes_no",
                sheet,
                row,
                "cumulative",
                value=cumulative_text,
                header=_header(columns, "cumulative"),
            )
        return _Fields(
            content=_text(row.values.get("content")),
            max_points=max_points,
            method=method,
            method_text=method_text,
            target=target,
            points_per_unit=per_unit,
            evidence_required=bool(evidence),
            sectors=tuple(sectors),
            guidance=_text(row.values.get("guidance")),
            compose=compose,
            cumulative=bool(cumulative),
        )

    def _build_tree(self, parsed: dict[str, tuple[_Row, _Fields]]) -> tuple[Criterion, ...]:
        sheet = fmt.SHEET_CRITERIA
        children: dict[str | None, list[str]] = {}
        for code, (row, _) in parsed.items():
            parent = parent_code(code)
            if parent is not None and parent not in parsed:
                self.problem("def_orphan_code", sheet, row, "code", value=code, parent=parent)
                continue
            children.setdefault(parent, []).append(code)
        built: list[Criterion] = []

        def build(
            code: str,
            parent: str | None,
            kind: SectionKind,
            inherited: ComposeRule | None,
            cumulative: bool = False,
        ) -> None:
            row, values = parsed[code]
            compose = values.compose or inherited  # a group's rule holds for the leaves below
            kids = tuple(children.get(code, ()))
            method = values.method
            if kids and method is not None:
                self.problem(
                    "def_method_on_group",
                    sheet,
                    row,
                    "method",
                    criterion=code,
                    value=values.method_text,
                )
                method = None
            if not kids and method is None and values.method_text == "":
                self.problem(
                    "def_method_missing",
                    sheet,
                    row,
                    "method",
                    criterion=code,
                    known=_METHOD_NAMES,
                )
            if method is Method.SO_LUONG and values.points_per_unit is None:
                self.problem("def_per_unit_missing", sheet, row, "per_unit", criterion=code)
            built.append(
                Criterion(
                    code=code,
                    content=values.content,
                    max_points=values.max_points or Decimal(0),
                    method=method if not kids else None,
                    target=values.target,
                    points_per_unit=values.points_per_unit,
                    evidence_required=values.evidence_required,
                    sectors=values.sectors,
                    guidance=values.guidance,
                    parent=parent,
                    children=kids,
                    kind=kind,
                    row=row.number,
                    compose=compose,
                    cumulative=values.cumulative or cumulative,
                )
            )
            for kid in kids:  # a group that accumulates: every criterion below it does
                build(kid, code, kind, compose, values.cumulative or cumulative)

        for section in children.get(None, []):
            build(section, None, self._section_kind(section, parsed, children), None)
        self._check_caps(built, parsed)
        return tuple(built)

    def _section_kind(
        self,
        section: str,
        parsed: dict[str, tuple[_Row, _Fields]],
        children: dict[str | None, list[str]],
    ) -> SectionKind:
        kinds: set[SectionKind] = set()
        stack = [section]
        while stack:
            code = stack.pop()
            kids = children.get(code, [])
            method = parsed[code][1].method
            if not kids and method is not None:
                kinds.add(method.kind)
            stack.extend(kids)
        if len(kinds) > 1:
            names = " / ".join(sorted(k.value for k in kinds))
            self.problem(
                "def_mixed_section",
                fmt.SHEET_CRITERIA,
                parsed[section][0],
                "code",
                criterion=section,
                kinds=names,
            )
        return kinds.pop() if len(kinds) == 1 else SectionKind.REGULAR

    def _check_caps(self, built: list[Criterion], parsed: dict[str, tuple[_Row, _Fields]]) -> None:
        """A child worth more than its parent is an error (a typo); children that cannot
        reach their parent's maximum, or add up to more than twice it, are warnings."""
        by_code = {c.code: c for c in built}
        sheet = fmt.SHEET_CRITERIA
        over: set[str] = set()  # parents with a child over them: that is the cause to report
        for node in built:
            parent = by_code.get(node.parent) if node.parent else None
            if parent is not None and 0 < parent.max_points < node.max_points:
                over.add(parent.code)
                self.problem(
                    "def_child_max_over_parent",
                    sheet,
                    parsed[node.code][0],
                    "max",
                    criterion=node.code,
                    value=format_decimal(node.max_points),
                    parent=parent.code,
                    parent_max=format_decimal(parent.max_points),
                )
        if None in self.dropped_under:
            return
        for node in built:
            if node.code in self.dropped_under:
                continue
            kids = [by_code[k] for k in node.children]
            if not kids or node.max_points <= 0 or any(k.max_points <= 0 for k in kids):
                continue
            reachable = sum((k.max_points for k in kids), Decimal(0))
            if reachable < node.max_points:
                code = "def_max_unreachable"
            elif reachable > FAR_EXCEED_FACTOR * node.max_points and node.code not in over:
                code = "def_children_far_exceed"
            else:
                continue
            self.problem(
                code,
                sheet,
                parsed[node.code][0],
                "max",
                criterion=node.code,
                value=format_decimal(node.max_points),
                reachable=format_decimal(reachable),
            )

    # -- information ----------------------------------------------------------------------

    def _info(
        self, criteria: tuple[Criterion, ...], bands: tuple[Band, ...]
    ) -> tuple[CampaignInfo, _Settings]:
        sheet_name = fmt.SHEET_INFO
        sheet = self._sheet(sheet_name)
        entries: dict[str, tuple[_Row, CellValue]] = {}
        known = ", ".join(k.label for k in fmt.INFO_KEYS)
        cols = {"key": 0, "value": 1}
        for index, raw in enumerate(sheet.rows if sheet else []):
            label = _text(raw[0] if raw else None)
            value = raw[1] if len(raw) > 1 else None
            row = _Row(index + 1, {"key": label, "value": value}, cols)
            if not label or fold(label) in {"muc", "key", "thong tin", "muc thong tin"}:
                continue
            key = next((k for k in fmt.INFO_KEYS if k.matches(fold(label))), None)
            if key is None:
                self.problem(
                    "def_info_unknown_key", sheet_name, row, "key", value=label, known=known
                )
            elif key.field in entries:
                self.problem(
                    "def_info_duplicate_key",
                    sheet_name,
                    row,
                    "key",
                    key=key.label,
                    first_row=str(entries[key.field][0].number),
                )
            else:
                entries[key.field] = (row, value)
        for key in fmt.INFO_KEYS:
            if key.required and not _text(entries.get(key.field, (None, None))[1]) and sheet:
                self.problem("def_info_missing_key", sheet_name, key=key.label)
        return _InfoParser(self, entries).parse(criteria, bands)

    # -- shared helpers -------------------------------------------------------------------

    def _number(
        self,
        sheet: str,
        row: _Row,
        name: str,
        columns: Sequence[Column],
        criterion: str = "",
    ) -> Decimal | None:
        raw = row.values.get(name)
        if _text(raw) == "":
            return None
        number = parse_decimal(raw)
        if number is None:
            self.problem(
                "def_not_a_number",
                sheet,
                row,
                name,
                criterion=criterion,
                value=_text(raw),
                header=_header(columns, name),
            )
        return number

    def _not_positive(self, row: _Row, name: str, number: Decimal) -> None:
        self.problem(
            "def_not_positive",
            fmt.SHEET_CRITERIA,
            row,
            name,
            value=format_decimal(number),
            header=_header(fmt.CRITERIA_COLUMNS, name),
        )

    # -- the Council (optional) -----------------------------------------------------------

    def _council(self, award: AwardRule | None) -> Council | None:
        """The *Hội đồng* sheet, when there is one: rules as label | value rows, the members'
        table and the titles' table, each found by its header row."""
        wanted = fold(fmt.SHEET_COUNCIL)
        sheet = next((s for n, s in self.sheets.items() if fold(n) == wanted), None)
        if sheet is None:
            return None
        name = fmt.SHEET_COUNCIL
        tables = {"members": fmt.MEMBER_COLUMNS, "titles": fmt.TITLE_COLUMNS}
        mode = ""
        cols: dict[str, int] = {}
        members: list[CouncilMember] = []
        titles: list[TitleRule] = []
        seen_members: dict[str, int] = {}
        seen_titles: dict[str, int] = {}
        chair: CouncilMember | None = None
        quorum: Share = DEFAULT_QUORUM
        written = True
        for index, raw in enumerate(sheet.rows):
            texts = [_text(v) for v in raw]
            header = _table_header(texts, tables)
            if header is not None:
                mode, cols = header
                continue
            filled = [(c, t) for c, t in enumerate(texts) if t]
            if not filled:
                continue
            key = next((k for k in fmt.COUNCIL_KEYS if k.matches(fold(filled[0][1]))), None)
            if key is not None:
                value_col = filled[1][0] if len(filled) > 1 else filled[0][0] + 1
                value = raw[value_col] if value_col < len(raw) else None
                row = _Row(index + 1, {"value": value}, {"value": value_col})
                if key.field == "quorum" and _text(value):
                    share = parse_share(value)
                    if share is None:
                        self.problem(
                            "def_council_bad_share", name, row, "value", value=_text(value)
                        )
                    else:
                        quorum = share
                elif key.field == "written_votes" and _text(value):
                    answer = fmt.yes_no_from_text(_text(value))
                    if answer is None:
                        self.problem(
                            "def_council_bad_yes_no", name, row, "value", value=_text(value),
                            key=key.label,
                        )  # fmt: skip
                    else:
                        written = answer
                continue
            if not mode:
                continue  # a heading above the tables
            values = {f: raw[c] if c < len(raw) else None for f, c in cols.items()}
            row = _Row(index + 1, values, cols)
            if mode == "members":
                member_name = _text(values.get("name"))
                if not member_name:
                    if _text(values.get("role")) or _text(values.get("position")):
                        self.problem("def_council_member_name_missing", name, row, "name")
                    continue
                key_name = fold(member_name)
                if key_name in seen_members:
                    self.problem(
                        "def_council_member_duplicate", name, row, "name", value=member_name,
                        first_row=str(seen_members[key_name]),
                    )  # fmt: skip
                    continue
                seen_members[key_name] = row.number
                member = CouncilMember(
                    member_name,
                    _text(values.get("role")),
                    _text(values.get("position")),
                    row.number,
                )
                if member.is_chair:
                    if chair is not None:
                        self.problem(
                            "def_council_two_chairs", name, row, "role", value=member_name,
                            first=chair.name,
                        )  # fmt: skip
                        continue
                    chair = member
                members.append(member)
            else:
                title = _text(values.get("title"))
                if not title:
                    continue
                if fold(title) in seen_titles:
                    self.problem(
                        "def_council_title_duplicate", name, row, "title", value=title,
                        first_row=str(seen_titles[fold(title)]),
                    )  # fmt: skip
                    continue
                seen_titles[fold(title)] = row.number
                share = parse_share(values.get("share"))
                if share is None:
                    self.problem(
                        "def_council_bad_share", name, row, "share",
                        value=_text(values.get("share")),
                    )  # fmt: skip
                    continue
                quota = self._quota(row, values.get("quota"))
                if quota is None and award is not None and fold(award.title) == fold(title):
                    quota = award.top_n  # *Số đơn vị đề nghị khen thưởng*
                titles.append(TitleRule(title, share, quota if quota else None))
        if not members:
            self.problem("def_council_no_members", name)
        elif chair is None:
            self.problem("def_council_no_chair", name)
        if award is not None and fold(award.title) not in seen_titles:
            self.problem("def_council_title_missing", name, value=award.title)
        return Council(tuple(members), quorum, tuple(titles), written)

    def _quota(self, row: _Row, value: CellValue) -> int | None:
        if not _text(value):
            return None
        number = parse_decimal(value)
        if number is None or number <= 0 or number != number.to_integral_value():
            self.problem(
                "def_council_bad_quota", fmt.SHEET_COUNCIL, row, "quota", value=_text(value)
            )
            return None
        return int(number)


@dataclass(frozen=True)
class _Settings:
    total_cap: Decimal
    rounding_step: Decimal
    tie_breaks: tuple[str, ...]
    ranking_style: RankingStyle
    award: AwardRule | None
    periods: tuple[Period, ...] = ()


@dataclass
class _InfoParser:
    loader: _Loader
    entries: dict[str, tuple[_Row, CellValue]]

    def text(self, name: str) -> str:
        return _text(self.entries[name][1]) if name in self.entries else ""

    def _problem(self, code: str, name: str, **kw: str) -> None:
        self.loader.problem(code, fmt.SHEET_INFO, self.entries[name][0], "value", **kw)

    def day(self, name: str) -> date | None:
        if not self.text(name):
            return None
        value = parse_date(self.entries[name][1])
        if value is None:
            self._problem("def_bad_date", name, value=self.text(name))
        return value

    def window(self, name: str) -> tuple[date | None, date | None]:
        raw = self.entries.get(name, (None, None))[1]
        if isinstance(raw, (date, datetime)):
            single = parse_date(raw)
            return single, single
        text = self.text(name)
        year = re.fullmatch(r"(?:năm|nam)?\s*(\d{4})", text, re.IGNORECASE)
        if year:
            return date(int(year.group(1)), 1, 1), date(int(year.group(1)), 12, 31)
        dates = find_dates(text)
        if text and not dates and any(ch.isdigit() for ch in text):
            self._problem("def_bad_date", name, value=text)
        return (dates[0], dates[-1]) if dates else (None, None)

    def number(self, name: str, positive: bool = True) -> Decimal | None:
        if not self.text(name):
            return None
        label = next(k.label for k in fmt.INFO_KEYS if k.field == name)
        value = parse_decimal(self.entries[name][1])
        if value is None:
            self._problem("def_not_a_number", name, value=self.text(name), header=label)
        elif positive and value <= 0:
            self._problem("def_not_positive", name, value=format_decimal(value), header=label)
            return None
        return value

    def parse(
        self, criteria: tuple[Criterion, ...], bands: tuple[Band, ...]
    ) -> tuple[CampaignInfo, _Settings]:
        period_start, period_end = self.window("period")
        award_start, award_end = self.window("award_window")
        info = CampaignInfo(
            campaign_id=self.text("campaign_id"),
            title=self.text("title"),
            plan_number=self.text("plan_number"),
            superior_body=self.text("superior_body"),
            issuing_body=self.text("issuing_body"),
            place=self.text("place"),
            issue_date=self.day("issue_date"),
            period=self.text("period"),
            period_start=period_start,
            period_end=period_end,
            deadline=self.day("deadline"),
            award_window_start=award_start,
            award_window_end=award_end,
            signer_title=self.text("signer_title"),
            signer_name=self.text("signer_name"),
        )
        step = self.number("rounding_step") or Decimal("0.01")
        reachable = sum(
            (
                c.max_points
                for c in criteria
                if c.is_section and c.kind is not SectionKind.DEDUCTION
            ),
            Decimal(0),
        )
        total_cap = self.number("total_cap")
        if total_cap is not None and total_cap > reachable and criteria:
            self._problem(
                "def_total_unreachable",
                "total_cap",
                value=format_decimal(total_cap),
                reachable=format_decimal(reachable),
            )
        for criterion in criteria:
            if criterion.max_points > 0 and criterion.max_points % step != 0:
                self.loader.problem(
                    "def_max_not_on_step",
                    fmt.SHEET_CRITERIA,
                    _Row(criterion.row, {}, {"max": 2}),
                    "max",
                    criterion=criterion.code,
                    value=format_decimal(criterion.max_points),
                    step=format_decimal(step),
                )
        return info, _Settings(
            total_cap=total_cap if total_cap is not None else reachable,
            rounding_step=step,
            tie_breaks=self.tie_breaks({c.code for c in criteria}),
            ranking_style=self.ranking_style(),
            award=self.award(bands),
            periods=self.periods(period_start, period_end),
        )

    def periods(self, start: date | None, end: date | None) -> tuple[Period, ...]:
        """The reporting periods (*Kỳ báo cáo*): cut from the campaign's time by a scheme
        (``hàng tháng``…), or listed as ``NAME: deadline`` (or ``NAME: start – end``, with
        the deadline a third date) separated by ``;`` or new lines."""
        text = self.text("periods")
        if not text:
            return ()
        grace = self.number("period_grace", positive=False)
        days = DEFAULT_GRACE_DAYS
        if grace is not None and (grace < 0 or grace != grace.to_integral_value()):
            self._problem(
                "def_not_positive",
                "period_grace",
                value=self.text("period_grace"),
                header=next(k.label for k in fmt.INFO_KEYS if k.field == "period_grace"),
            )
        elif grace is not None:
            days = int(grace)
        scheme = scheme_from_text(text)
        if scheme is not None:
            if start is None or end is None or end < start:
                self._problem("def_periods_need_window", "periods", value=text)
                return ()
            return generate_periods(scheme, start, end, days)
        periods: list[Period] = []
        for item in (p.strip() for p in re.split(r"[;\n]+", text)):
            if not item:
                continue
            head, colon, rest = item.replace("：", ":").partition(":")
            name = nfc(" ".join(head.split()))
            dates = find_dates(rest) if colon else []
            if not name:
                self._problem("def_period_unnamed", "periods", value=item)
                continue
            if rest.strip() and not dates:
                self._problem("def_bad_date", "periods", value=item)
            if any(fold(p.name) == fold(name) for p in periods):
                self._problem("def_period_duplicate", "periods", value=name)
                continue
            first, last, deadline = None, None, None
            if len(dates) == 1:
                deadline = dates[0]
            elif len(dates) >= 2:
                first, last = dates[0], dates[1]
                deadline = dates[2] if len(dates) > 2 else last + timedelta(days=days)
            periods.append(Period(name, len(periods) + 1, first, last, deadline))
        return tuple(periods)

    def tie_breaks(self, codes: set[str]) -> tuple[str, ...]:
        result = []
        for item in re.split(r"[;,\n]+", self.text("tie_breaks")):
            if not item.strip():
                continue
            code = normalise_code(item)
            if code is None or code not in codes:
                self._problem("def_unknown_tie_break", "tie_breaks", value=item.strip())
            else:
                result.append(code)
        return tuple(result)

    def ranking_style(self) -> RankingStyle:
        style = fmt.ranking_style_from_text(self.text("ranking_style"))
        if style is None:
            self._problem(
                "def_bad_ranking_style", "ranking_style", value=self.text("ranking_style")
            )
            return RankingStyle.COMPETITION
        return style

    def award(self, bands: tuple[Band, ...]) -> AwardRule | None:
        title = self.text("award_title")
        top_n = self.number("award_top_n")
        band = self.text("award_min_band")
        if band and fold(band) not in {fold(b.label) for b in bands}:
            self._problem("def_unknown_band", "award_min_band", value=band)
        if not (title or top_n or band):
            return None
        canonical = next((b.label for b in bands if fold(b.label) == fold(band)), band or None)
        return AwardRule(
            title=title or "Khen thưởng",
            top_n=int(top_n) if top_n is not None else None,
            min_band=canonical,
        )


# -- small pure helpers -------------------------------------------------------------------


def _find_header(sheet: SheetData, columns: Sequence[Column]) -> tuple[int, dict[str, int]]:
    best: tuple[int, dict[str, int]] = (0, {})
    for index in range(min(_HEADER_SEARCH_ROWS, len(sheet.rows))):
        cols: dict[str, int] = {}
        for col, value in enumerate(sheet.rows[index]):
            folded = fold(_text(value))
            for column in columns:
                if column.field not in cols and column.matches(folded):
                    cols[column.field] = col
                    break
        if len(cols) > len(best[1]):
            best = (index, cols)
    return best


def _sector_lookup(units: Sequence[Unit]) -> dict[str, str]:
    lookup: dict[str, str] = {}
    names: dict[str, list[str]] = {}
    for unit in units:
        lookup[unit.code.upper()] = unit.code
        names.setdefault(fold(unit.name), []).append(unit.code)
    for name, codes in names.items():
        if len(codes) == 1 and name:
            lookup.setdefault(name, codes[0])
    return lookup


def _split_sectors(text: str) -> list[str]:
    return [item.strip() for item in re.split(r"[;,\n]+", text) if item.strip()]


def _header(columns: Sequence[Column], name: str) -> str:
    return next(c.header for c in columns if c.field == name)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime, date)):
        return format_date(value if isinstance(value, date) else value.date())
    return nfc(str(value))


def _table_header(
    texts: Sequence[str], tables: Mapping[str, Sequence[Column]]
) -> tuple[str, dict[str, int]] | None:
    """The table whose header this row is (every required column present), and its columns."""
    for table, columns in tables.items():
        cols: dict[str, int] = {}
        for col, text in enumerate(texts):
            folded = fold(text)
            for column in columns:
                if column.field not in cols and column.matches(folded):
                    cols[column.field] = col
                    break
        if all(c.field in cols for c in columns if c.required) and len(cols) >= 2:
            return table, cols
    return None
