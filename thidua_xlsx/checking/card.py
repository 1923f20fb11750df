"""Check returned scorecards against the campaign (SPEC §6): every value re-read and every
score recomputed; each problem an :class:`~thidua_xlsx.words.issues.Issue` at its cell. Checks
return results and never raise on a user's bad data.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from pathlib import Path, PurePosixPath

from ..core.cellref import CellValue, cell_name
from ..core.legacy_encodings import fix_legacy_text
from ..core.model import Campaign, Criterion, Method
from ..core.results import FileResult, needs_feedback
from ..core.scoring import RawInput, ScoreCard, score_card
from ..core.vi_text import format_date, format_decimal, parse_decimal
from ..intake.reader import CriterionRow, ReturnedFile, UnusableFileError, read_returned_file
from ..scorecard.layout import (
    COL,
    FEEDBACK_KIND,
    TOTAL_LABEL,
    CardLayout,
    LayoutCache,
    values_digest,
)
from ..words.issues import Issue

__all__ = [
    "FileChecker",
    "check_file",
    "collect_files",
    "flag_duplicate_units",
]

VIETNAM = timezone(timedelta(hours=7))
_EXCEL_ERRORS = ("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#SPILL!")
_NUMBER_WITH_TEXT = re.compile(r"^\s*([+-]?[0-9][0-9.,]*)\s*([^\d\s].*)$")
_POINT_METHODS = (Method.DIEM, Method.THUONG)
_TOO_LARGE = Decimal(10**15)  # a count, result or score at least this is a typing mistake
TEXT_MAX_LENGTH = 2000  # the scorecard's validation on evidence and explanation cells
_SHOWN_MAX = 200  # a value quoted in a message is cut to this many characters
# a unit code that no campaign has: a formula's first character, a path, a drive
_UNSAFE_UNIT_CODE = re.compile(r"^[=+\-@\s]|[\\/:*?\"<>|\x00-\x1f]|\.\.")


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files given, and every entry inside folders, sorted by name so runs are repeatable.

    Every entry in a folder is accounted for, a name starting with a dot included (it may be
    a unit's, or planted): real subfolders are walked; everything else is returned for the
    reader to accept or refuse (a link to a file is read as the file; a broken link, a link
    loop, a link to a folder, a pipe, a device, a socket are refused with their own codes).
    Links to folders are never followed, so the walk has no loops and stays inside the inbox.
    Skipped is only what programs leave beside files, and only when it is a regular file:
    Excel's and LibreOffice's (small) lock files, macOS's ``.DS_Store`` and ``._`` copies,
    Windows's ``Thumbs.db`` and ``desktop.ini``. A folder that cannot be listed is returned
    itself, so that it too ends in the result with its reason."""
    found: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():  # a folder named on the command line is walked, even through a link
            found += sorted(_walk(path), key=_path_order)
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def _walk(top: Path) -> list[Path]:
    """Every entry under ``top`` but real folders (walked) and noise (skipped); never follows
    a link to a folder."""
    entries: list[Path] = []
    folders = [top]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                items = list(listing)
        except OSError:  # cannot be listed (permissions): the reader says why
            entries.append(folder)
            continue
        for entry in items:
            try:
                real_folder = entry.is_dir(follow_symlinks=False)
            except OSError:
                real_folder = False
            if real_folder:
                folders.append(Path(entry.path))
            elif not _noise(entry):
                entries.append(Path(entry.path))
    return entries


def _path_order(path: Path) -> tuple[str, ...]:
    """The order of ``sorted(paths)`` (part by part; case-folded on Windows) as a tuple of
    strings, which compares in C: 50,000 paths sort in a tenth of the time."""
    return path.parts if isinstance(path, PurePosixPath) else tuple(p.lower() for p in path.parts)


_NOISE = re.compile(r"\._.*|\.DS_Store|Thumbs\.db|desktop\.ini", re.IGNORECASE)
_LOCK = re.compile(r"~\$.*|\.~lock\..*#", re.IGNORECASE)
LOCK_FILE_MAX = 4096  # bytes; Excel's owner file is 165, LibreOffice's a line of text


def _noise(entry: os.DirEntry[str]) -> bool:
    """What programs leave beside files; only a regular file is ever noise (a pipe or a link
    named like a lock file is accounted for), and a lock file only when it is small."""
    name = entry.name
    lock = _LOCK.fullmatch(name) is not None
    if not lock and _NOISE.fullmatch(name) is None:
        return False
    try:
        if not entry.is_file(follow_symlinks=False):
            return False
        return not lock or entry.stat(follow_symlinks=False).st_size <= LOCK_FILE_MAX
    except OSError:
        return False


class FileChecker:
    """Reads and checks returned files against one campaign; card layouts are planned once per
    card shape across the files it checks."""

    def __init__(self, campaign: Campaign) -> None:
        self.campaign = campaign
        self.layouts = LayoutCache(campaign)

    def check(self, path: Path) -> FileResult:
        """Read and check one returned file; a file that cannot be used is rejected with the
        reason, never raised."""
        try:
            returned = read_returned_file(path)
        except UnusableFileError as exc:
            return _refused(path, exc)
        except Exception as exc:  # one strange file must never stop a run
            return _failed(path, exc)
        except BaseException as exc:  # a panic inside the reading backend (pyo3's PanicException)
            if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit)):
                raise
            return _failed(path, exc)
        try:
            return _Checker(self.campaign, returned, self.layouts).run()
        except UnusableFileError as exc:  # found while checking (a part read only when needed)
            return _refused(path, exc)
        except Exception as exc:
            return _failed(path, exc)


def check_file(campaign: Campaign, path: Path) -> FileResult:
    """Read and check one returned file (see :class:`FileChecker` for many)."""
    return FileChecker(campaign).check(path)


def _refused(path: Path, exc: UnusableFileError) -> FileResult:
    return FileResult(path, None, (Issue(exc.code, file=str(path), params=_p(detail=exc.detail)),))


def _failed(path: Path, exc: BaseException) -> FileResult:
    """The file is rejected with the reason; the run goes on (SPEC §9: nothing lost)."""
    detail = _clip(f"{type(exc).__name__}: {exc}", 120)
    return FileResult(
        path, None, (Issue("file_check_failed", file=str(path), params=_p(detail=detail)),)
    )


def _clip(text: str, limit: int = _SHOWN_MAX) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _p(**params: object) -> dict[str, str]:
    return {key: str(value) for key, value in params.items()}


class _Checker:
    def __init__(self, campaign: Campaign, returned: ReturnedFile, layouts: LayoutCache) -> None:
        self.campaign = campaign
        self.layouts = layouts
        self.file = returned
        self.issues: list[Issue] = []
        self.inputs: dict[str, RawInput] = {}
        self.verified: dict[str, Decimal] = {}
        self.values: dict[tuple[str, str], CellValue] = {}
        self.text_numbers: set[tuple[str, str]] = set()  # numbers Excel sees as text (uncounted)
        self.excel_numbers: dict[tuple[str, str], Decimal] = {}  # what Excel counts instead
        self.errors: Mapping[str, str] = returned.error_cells

    def issue(
        self, code: str, cell: str = "", criterion: str = "", value: object = "", **params: object
    ) -> None:
        self.issues.append(
            Issue(
                code,
                file=str(self.file.path),
                sheet=self.file.sheet if cell else "",
                cell=cell,
                criterion=criterion,
                value="" if value is None else _clip(str(value)),
                params=_p(**params),
            )
        )

    def result(self, unit: str | None, card: ScoreCard | None = None) -> FileResult:
        issues = tuple(self.issues)
        return FileResult(
            self.file.path,
            unit,
            issues,
            card,
            self.inputs,
            self.verified,
            # the cells as read travel only with a file that gets a feedback copy
            self.values if needs_feedback(issues) else {},
            self.file.saved_at,
            card_kind=self.file.metadata.get("card", ""),
        )

    # -- the steps ------------------------------------------------------------------------

    def run(self) -> FileResult:
        meta = self.file.metadata
        if not meta.get("campaign_id") or not (meta.get("unit_code") or self.file.is_summary):
            self.issue("file_unknown_template")
            return self.result(None)
        if meta["campaign_id"] != self.campaign.info.campaign_id:
            self.issue(
                "file_other_campaign",
                value=meta["campaign_id"],
                expected=self.campaign.info.campaign_id,
            )
            return self.result(meta.get("unit_code"))
        if meta.get("fingerprint") != self.campaign.fingerprint:
            self.issue(
                "file_outdated_template",
                value=meta.get("fingerprint", ""),
                expected=self.campaign.fingerprint,
            )
            return self.result(meta.get("unit_code"))
        if self.file.is_summary:
            return self._summary()
        code = meta["unit_code"]
        if not self.campaign.has_unit(code):
            unsafe = _UNSAFE_UNIT_CODE.search(code) or len(code) > 64
            self.issue("unit_code_invalid" if unsafe else "unit_unknown", value=code)
            return self.result(code)
        if self.file.damaged is not None:
            damaged = self.file.damaged
            self.issue("summary_data_damaged", cell=damaged.ref, value=damaged.value)
            return self.result(code)
        layout = self.layouts.plan(self.campaign.unit(code))
        self._file_level(code)
        self._rows(layout)
        self._merged(layout)
        for criterion in layout.criteria:
            row = self.file.rows.get(criterion.code)
            if row is not None:
                if not self.file.source:  # a summary's data carries no locked columns
                    self._locked(criterion, row)
                if criterion.is_leaf:
                    self._leaf(criterion, row, layout)
        self._formulas(layout)
        card = score_card(self.campaign, self.inputs, self.verified)
        self._evidence(layout, card)
        self._cached_total(layout, card)
        if self._unchanged_feedback_copy(layout):
            self.issues = [Issue("file_feedback_copy", file=str(self.file.path), value=code)]
            return self.result(code)
        return self.result(code, card)

    def _unchanged_feedback_copy(self, layout: CardLayout) -> bool:
        """A copy ``check --feedback`` wrote, still holding the values it was written with:
        the unit's earlier file sent back to it, not a submission. Once the unit has changed
        a value it is the unit's card again."""
        meta = self.file.metadata
        if meta.get("kind") != FEEDBACK_KIND or self.file.source or not meta.get("values_digest"):
            return False
        return meta["values_digest"] == values_digest(layout, self.values)

    def _summary(self) -> FileResult:
        """A summary read back: every unit it carries is checked and scored again."""
        members = []
        for member in self.file.members:
            checked = _Checker(self.campaign, member, self.layouts).run()
            members.append(replace(checked, source=member.source))
        if not self.file.sheet:
            self.issue("summary_data_missing")
        elif not members:
            self.issue("summary_no_units")
        unit = self.file.metadata.get("unit_code") or None
        cluster = self.file.metadata.get("cluster", "")
        return replace(self.result(unit), members=tuple(members), is_summary=True, cluster=cluster)

    def _file_level(self, unit_code: str) -> None:
        if self.file.macros:
            self.issue("file_has_macro")
        if self.file.external_links:
            self.issue("file_external_link", detail=self.file.external_links)
        if not self.file.source:  # a unit carried by a summary has no sheet or name of its own
            if self.file.sheet_renamed:
                self.issue("sheet_renamed", value=self.file.sheet)
            if self.file.metadata_visible:
                self.issue("metadata_unhidden")
            named = _unit_from_file_name(self.campaign, self.file.path.name)
            if named is not None and named != unit_code:
                self.issue("unit_file_name_mismatch", value=unit_code, expected=named)
        deadline = self.campaign.info.deadline
        saved = self.file.saved_at
        if deadline is not None and saved is not None:
            local = saved.astimezone(VIETNAM)
            if local.date() > deadline:
                self.issue(
                    "file_late",
                    value=local.strftime("%d/%m/%Y %H:%M"),
                    deadline=format_date(deadline),
                )

    def _rows(self, layout: CardLayout) -> None:
        on_card = {c.code for c in layout.criteria}
        for criterion in layout.criteria:
            # a summary carries only the leaves a unit entered: a row absent there is blank
            if criterion.code not in self.file.rows and not self.file.source:
                self.issue("row_missing", criterion=criterion.code)
        leaves = self.campaign.leaf_map
        for code, row in self.file.rows.items():
            if code in on_card:
                continue
            if not layout.full and code in leaves and not _blank(row.value("result")):
                # a sector scoring a criterion that is not its own: reported, never counted
                self.issue(
                    "outside_responsibility",
                    cell=row.ref("result"),
                    criterion=code,
                    value=_show(row.value("result")),
                )
            else:
                self.issue("row_extra", cell=row.ref("code"), value=code)
        for code, index in self.file.duplicate_rows:
            first = self.file.rows[code].row + 1
            self.issue(
                "row_duplicate", cell=cell_name(index, COL["code"]), criterion=code, first_row=first
            )

    def _merged(self, layout: CardLayout) -> None:
        """Merged cells over an input cell: every value but the first of the range is lost."""
        if not self.file.merged or not self.file.rows:
            return
        # the table's first and last criterion rows (rows are stored top to bottom)
        first = next(iter(self.file.rows.values())).row
        bottom = self.file.rows.get(layout.criteria[-1].code) if layout.criteria else None
        last = bottom.row if bottom is not None else len(self.file.cells)
        rows: dict[int, CriterionRow] = {}
        for r0, c0, r1, c1 in self.file.merged:
            if r1 < first or r0 > last or (r0 == r1 and c0 == c1):
                continue
            rows = rows or {row.row: row for row in self.file.rows.values()}
            for index in range(max(r0, first), min(r1, last) + 1):
                row = rows.get(index)
                leaf = self.campaign.leaf_map.get(row.code) if row is not None else None
                if row is None or leaf is None:
                    continue
                columns = layout.input_columns(leaf)
                if any(c0 <= COL[column] <= c1 for column in columns):
                    span = f"{cell_name(r0, c0)}:{cell_name(r1, c1)}"
                    self.issue(
                        "cell_merged", cell=cell_name(r0, c0), criterion=row.code, value=span
                    )
                    break

    def _locked(self, criterion: Criterion, row: CriterionRow) -> None:
        """Locked cells edited (unprotected sheet): report them; the canonical values count."""
        cap, target = criterion.max_points, criterion.target
        if parse_decimal(row.value("max")) != cap:
            self._locked_changed(criterion, row, "max", cap)
        if target is None or not criterion.is_leaf:
            return
        if parse_decimal(row.value("target")) != target:
            self._locked_changed(criterion, row, "target", target)

    def _locked_changed(
        self,
        criterion: Criterion,
        row: CriterionRow,
        column: str,
        expected: Decimal,
    ) -> None:
        self.issue(
            "locked_cell_changed",
            cell=row.ref(column),
            criterion=criterion.code,
            value=_show(row.value(column)),
            what=column,  # the catalogue says the column's name (column.max, column.target)
            expected=format_decimal(expected),
        )

    # -- leaves ---------------------------------------------------------------------------

    def _leaf(self, criterion: Criterion, row: CriterionRow, layout: CardLayout) -> None:
        code = criterion.code
        evidence = self.values[(code, "evidence")] = self._text(row, "evidence", criterion)
        explanation = self.values[(code, "explanation")] = self._text(row, "explanation", criterion)
        self.values[(code, "result")] = row.value("result")
        met: bool | None = None
        amount: Decimal | None = None
        if criterion.method is Method.DAT:
            met = self._met(row, criterion)
        else:
            amount = self._number(row, "result", criterion)
        target: Decimal | None = None
        if "target" in layout.input_columns(criterion):
            self.values[(code, "target")] = row.value("target")
            target = self._number(row, "target", criterion)
            if target is not None and target <= 0:
                self.issue(
                    "target_not_positive",
                    cell=row.ref("target"),
                    criterion=code,
                    value=format_decimal(target),
                )
                target = None
            elif target is None and amount is not None and _blank(row.value("target")):
                self.issue("target_missing", cell=row.ref("target"), criterion=code)
        self._bounds(criterion, row, amount, target)
        self.inputs[code] = RawInput(amount, met, target, explanation, evidence)
        verified = row.value("verified")
        if verified is not None and not _blank(verified):
            self.values[(code, "verified")] = verified
            number = self._number(row, "verified", criterion)
            if number is not None:
                self.verified[code] = number

    def _met(self, row: CriterionRow, criterion: Criterion) -> bool | None:
        value = row.value("result")
        if _blank(value):
            return None
        text = unicodedata.normalize("NFC", str(value)).strip().lower()
        if text == "đạt":
            return True
        if text == "không đạt":
            return False
        self.issue(
            "dat_invalid", cell=row.ref("result"), criterion=criterion.code, value=_show(value)
        )
        return None

    def _number(self, row: CriterionRow, column: str, criterion: Criterion) -> Decimal | None:
        """A number from an input cell, with an issue for anything else (None: not usable)."""
        number = self._read_number(row, column, criterion)
        if number is not None and abs(number) >= _TOO_LARGE:  # no score is that large
            value = row.value(column)
            self.issue(
                "value_too_large", cell=row.ref(column), criterion=criterion.code, value=value
            )
            return None
        return number

    def _read_number(self, row: CriterionRow, column: str, criterion: Criterion) -> Decimal | None:
        value, code = row.value(column), criterion.code
        if self.errors:
            ref = row.ref(column)
            if ref in self.errors:
                self.issue("value_excel_error", cell=ref, criterion=code, value=self.errors[ref])
                return None
        if _blank(value):
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):  # the usual case
            number = parse_decimal(value)
            if number is None:
                self.issue("value_not_number", cell=row.ref(column), criterion=code, value=value)
            return number
        ref = row.ref(column)
        if isinstance(value, bool):
            self.issue("value_not_number", cell=ref, criterion=code, value=value)
            return None
        if isinstance(value, (datetime, date, time, timedelta)):
            self.issue("value_date", cell=ref, criterion=code, value=value)
            self.excel_numbers[(code, column)] = _excel_serial(value)
            self.text_numbers.add((code, column))
            return None
        text = unicodedata.normalize("NFC", str(value)).strip()
        if text.upper() in _EXCEL_ERRORS:
            self.issue("value_excel_error", cell=ref, criterion=code, value=text)
            return None
        number = parse_decimal(text)
        if number is not None:
            kind = "value_decimal_comma" if "," in text else "value_number_as_text"
            self.issue(kind, cell=ref, criterion=code, value=text, number=format_decimal(number))
            self.text_numbers.add((code, column))
            return number
        match = _NUMBER_WITH_TEXT.match(text)
        embedded = parse_decimal(match.group(1)) if match else None
        if embedded is not None:
            self.issue(
                "value_number_with_text",
                cell=ref,
                criterion=code,
                value=text,
                number=format_decimal(embedded),
            )
        else:
            self.issue("value_not_number", cell=ref, criterion=code, value=text)
        return None

    def _bounds(
        self,
        criterion: Criterion,
        row: CriterionRow,
        amount: Decimal | None,
        target: Decimal | None,
    ) -> None:
        if amount is None:
            return
        code = criterion.code
        if amount < 0:
            value = format_decimal(amount)
            self.issue("value_negative", cell=row.ref("result"), criterion=code, value=value)
            return
        manual_deduction = criterion.method is Method.TRU and criterion.points_per_unit is None
        composed = self.file.metadata.get("card") == "composed"  # sums of sectors: capped once
        points = criterion.method in _POINT_METHODS or manual_deduction
        if points and amount > criterion.max_points and not composed:
            self.issue(
                "value_over_max",
                cell=row.ref("result"),
                criterion=code,
                value=format_decimal(amount),
                maximum=format_decimal(criterion.max_points),
            )
        goal = criterion.target if criterion.target is not None else target
        if criterion.method is Method.TY_LE and goal is not None and goal > 0 and amount > goal:
            self.issue(
                "value_over_target",
                cell=row.ref("result"),
                criterion=code,
                value=format_decimal(amount),
                target=format_decimal(goal),
                maximum=format_decimal(criterion.max_points),
            )

    def _text(self, row: CriterionRow, column: str, criterion: Criterion) -> str:
        value = row.value(column)
        if value is None or _blank(value):
            return ""
        text = str(value) if not isinstance(value, float) else _show(value)
        if len(text) > TEXT_MAX_LENGTH:
            self.issue(
                "text_too_long",
                cell=row.ref(column),
                criterion=criterion.code,
                length=len(text),
                limit=TEXT_MAX_LENGTH,
            )
            text = text[:TEXT_MAX_LENGTH]
        if text.isascii():  # already NFC, and never legacy-encoded
            return text.strip()
        if not unicodedata.is_normalized("NFC", text):
            self.issue("text_not_nfc", cell=row.ref(column), criterion=criterion.code)
            text = unicodedata.normalize("NFC", text)
        fixed, encoding = fix_legacy_text(text)
        if encoding is not None:
            self.issue(
                "text_legacy_encoding",
                cell=row.ref(column),
                criterion=criterion.code,
                value=text[:60],
                fixed=fixed[:60],
                encoding=encoding.upper(),
            )
            text = fixed
        return text.strip()

    # -- the whole card -------------------------------------------------------------------

    def _evidence(self, layout: CardLayout, card: ScoreCard) -> None:
        for criterion in layout.criteria:
            row = self.file.rows.get(criterion.code)
            if row is None or not criterion.is_leaf:
                continue
            points = card.self_nodes[criterion.code]
            raw = self.inputs.get(criterion.code)
            if raw is None or points <= 0:
                continue
            if criterion.evidence_required and not raw.evidence:
                self.issue(
                    "evidence_missing",
                    cell=row.ref("evidence"),
                    criterion=criterion.code,
                    value=format_decimal(points),
                )
            if criterion.method is Method.THUONG and not raw.explanation:
                self.issue(
                    "bonus_without_justification",
                    cell=row.ref("explanation"),
                    criterion=criterion.code,
                    value=format_decimal(points),
                )

    def _formulas(self, layout: CardLayout) -> None:
        """Every input cell asked directly whether it holds a formula (in every format), and
        every formula of the template whether it is still there: one replaced by a plain
        value leaves the card's own totals dead (the scores here are recomputed anyway)."""
        if self.file.source:  # a unit carried by a summary: values only, no cells of its own
            return
        refs = self.file.formula_cells
        for criterion in layout.criteria:
            row = self.file.rows.get(criterion.code)
            if row is None:
                continue
            for column in (*layout.input_columns(criterion), "verified"):
                if column == "verified" and not criterion.is_leaf:
                    continue
                if row.ref(column) in refs:
                    self.issue("formula_in_input", cell=row.ref(column), criterion=criterion.code)
            for column in ("self",) if criterion.is_leaf else ("self", "verified"):
                if row.ref(column) not in refs:
                    self.issue(
                        "formula_replaced",
                        cell=row.ref(column),
                        criterion=criterion.code,
                        value=_show(row.value(column)),
                    )
        if self.file.total_row is not None:
            ref = cell_name(self.file.total_row, COL["self"])
            if ref not in refs:
                self.issue("formula_replaced", cell=ref, value=_show(self.file.cell(ref)))

    def _cached_total(self, layout: CardLayout, card: ScoreCard) -> None:
        if any(i.code in ("row_missing", "row_duplicate") for i in self.issues):
            return  # the file's own totals cannot be compared with a row gone or doubled
        if self.file.total_cell is not None:  # a unit carried by a summary
            total_ref, cached = self.file.total_cell.ref, self.file.total_cell.value
            if _blank(cached):  # thidua always writes it
                self.issue("summary_data_damaged", cell=total_ref, value=TOTAL_LABEL)
                return
        else:
            row = self.file.total_row if self.file.total_row is not None else layout.total_row
            total_ref = cell_name(row, COL["self"])
            cached = self.errors.get(total_ref) or self.file.cell(total_ref)
        if isinstance(cached, str) and cached.strip().upper() in _EXCEL_ERRORS:
            self.issue(
                "cached_total_mismatch",
                cell=total_ref,
                value=cached,
                expected=format_decimal(card.self_total),
            )
            return
        if _blank(cached):
            if self.inputs and any(
                r.amount is not None or r.met is not None for r in self.inputs.values()
            ):
                self.issue("formula_without_cache", cell=total_ref)
            return
        number = parse_decimal(cached)
        if number is not None and number in (card.self_total, self._excel_view_total()):
            return  # agrees, or differs only by the text numbers already reported
        self.issue(
            "cached_total_mismatch",
            cell=total_ref,
            value=_show(cached),
            expected=format_decimal(card.self_total),
        )

    def _excel_view_total(self) -> Decimal:
        """The total Excel shows: numbers stored as text count as blank there."""
        if not self.text_numbers:
            return Decimal(-1)

        def excel(code: str, column: str, value: Decimal | None) -> Decimal | None:
            if (code, column) in self.text_numbers:
                return self.excel_numbers.get((code, column))
            return value

        seen = {
            code: RawInput(
                excel(code, "result", raw.amount), raw.met, excel(code, "target", raw.target)
            )
            for code, raw in self.inputs.items()
        }
        return score_card(self.campaign, seen).self_total


def _excel_serial(value: datetime | date | time | timedelta) -> Decimal:
    """The number Excel stores for a date or time: days since 30/12/1899, or since 31/12/1899
    before March 1900 (Excel counts a 29/02/1900 that never was)."""
    if isinstance(value, datetime):
        base = datetime(1899, 12, 30) if value >= datetime(1900, 3, 1) else datetime(1899, 12, 31)
        delta = value - base
    elif isinstance(value, date):
        delta = value - (date(1899, 12, 30) if value >= date(1900, 3, 1) else date(1899, 12, 31))
    elif isinstance(value, time):
        delta = timedelta(hours=value.hour, minutes=value.minute, seconds=value.second)
    else:
        delta = value
    return Decimal(delta.days) + Decimal(delta.seconds) / Decimal(86400)


def _blank(value: CellValue) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _show(value: CellValue) -> str:
    if isinstance(value, float):
        number = parse_decimal(value)
        return format_decimal(number) if number is not None else str(value)
    return "" if value is None else str(value)


def _unit_from_file_name(campaign: Campaign, name: str) -> str | None:
    """The unit whose code the file name starts with (the longest such code), if any."""
    upper = name[: campaign.longest_upper_code + 1].upper()  # upper() never shortens a text
    best: str | None = None
    for end in [m.start() for m in _SEPARATOR.finditer(upper)] + [len(upper)]:
        code = campaign.unit_by_upper_code(upper[:end])
        if code is not None:
            best = code
    return best


_SEPARATOR = re.compile(r"[^0-9A-Z]")


def flag_duplicate_units(campaign: Campaign, results: Sequence[FileResult]) -> list[FileResult]:
    """Warn on every file of a unit that sent more than one (SPEC §6: duplicate submissions);
    a merge counts the newest (see :mod:`thidua_xlsx.core.submissions`). Summaries are left alone:
    a unit's own card supersedes the copy a summary carries; so are the files this tool wrote
    (an unchanged feedback copy is not one of the unit's files)."""
    by_unit: dict[str, list[int]] = {}
    for index, result in enumerate(results):
        if result.unit is None or result.is_summary or result.is_own_file:
            continue
        if campaign.has_unit(result.unit):
            by_unit.setdefault(result.unit, []).append(index)
    flagged = list(results)
    for unit, indexes in by_unit.items():
        if len(indexes) < 2:
            continue
        for index in indexes:
            result = results[index]
            others = ", ".join(results[i].path.name for i in indexes if i != index)
            issue = Issue(
                "unit_duplicate",
                file=str(result.path),
                value=unit,
                params=_p(count=len(indexes), others=_clip(others)),
            )
            flagged[index] = replace(result, issues=(*result.issues, issue))
    return flagged
