"""Where everything sits on a unit's scorecard, and the Excel formulas that score it (SPEC §5).

Pure: cell positions, texts and formula strings only; the writer turns this into a workbook
and the reader uses the same positions. The formulas follow :mod:`thidua_xlsx.core.scoring`
exactly, rounding included:

* a leaf is clamped to 0..max first, then rounded half-up to the step as
  ``ROUND(ROUND(x*n, 9), 0)/n`` with ``n = 1/step`` — the inner ``ROUND(…, 9)`` removes
  binary noise (15.555*100 is 1555.4999999999998 in a double) and dividing by ``n`` gives
  the double nearest the exact decimal;
* groups, sections and totals are ``ROUND(…, k)`` of sums, ``k`` the step's decimals, so
  sums of doubles come back to the exact decimal.
"""

from __future__ import annotations

import hashlib
import math
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from ..core.cellref import cell_name
from ..core.model import Campaign, Criterion, Method, SectionKind, Unit
from ..core.periods import PERIOD_INDEX_KEY, PERIOD_KEY, EarlierReport
from ..core.scoring import RawInput
from ..core.vi_text import canonical_decimal, format_date, format_decimal

__all__ = [
    "COL",
    "FEEDBACK_KIND",
    "FORMAT_VERSION",
    "META_SHEET",
    "SCORECARD_SHEET",
    "CardLayout",
    "card_criteria",
    "input_cells",
    "is_sector",
    "period_metadata",
    "plan_card",
    "row_height",
    "values_digest",
    "wrapped_lines",
]

FORMAT_VERSION = "1"
SCORECARD_SHEET = "Phiếu chấm điểm"
GUIDE_SHEET = "Hướng dẫn"
META_SHEET = "_thidua"
TOTAL_LABEL = "TỔNG ĐIỂM"
# The metadata ``kind`` of a feedback copy (``check --feedback``), with the name of the file it
# was made from (``feedback_of``) and the digest of the values written into it
# (``values_digest``, see :func:`values_digest`); a summary's ``kind`` is ``summary``.
FEEDBACK_KIND = "feedback"
_CELL_TEXT_MAX = 32767  # Excel's limit on a cell's text (the writer cuts longer texts)

# Wrapped text, laid out ahead: neither Excel nor LibreOffice grows the row of a file they did
# not lay out themselves, so a writer gives every wrapped row its height. A text's width is
# measured in Times New Roman's own proportions (in ems, by kind of letter; accents change no
# width), a column's in the pixels of the workbook's default digit (7 for Calibri 11, 8 for
# Times New Roman 12), less the cell's padding; the estimate leans to one line too many.
_EM_NARROW = frozenset("fijlrtI.,;:!'|()[]-/ ")
_EM_WIDE = frozenset("mwMW@%")


def _em(char: str) -> float:
    if char in _EM_NARROW:
        return 0.3
    if char in _EM_WIDE:
        return 0.9
    if char.isupper():
        return 0.7
    return 0.5


def wrapped_lines(text: str, width: float, font_size: float = 12, digit_px: float = 7) -> int:
    """How many lines ``text`` takes in a column ``width`` wide, wrapped at spaces (a word
    longer than a line is cut across lines, as the spreadsheet does)."""
    room = max(width * digit_px - 4, 8.0)  # pixels for the text, padding left out
    px = font_size * 96 / 72  # one em in pixels
    space = 0.3 * px
    lines = 0
    for paragraph in text.split("\n"):
        used = 0.0
        lines += 1
        for word in paragraph.split():
            size = sum(map(_em, word)) * px
            if used and used + space + size > room:
                lines += 1
                used = 0.0
            used += (space if used else 0.0) + size
            while used > room:
                lines += 1
                used -= room
    return max(lines, 1)


def row_height(
    cells: Iterable[tuple[str, float]], font_size: float = 12, digit_px: float = 7
) -> float:
    """The height in points of a row whose cells hold (text, column width): its tallest."""
    lines = max(
        (wrapped_lines(text, width, font_size, digit_px) for text, width in cells), default=1
    )
    return round(lines * font_size * 1.32 + 4, 1)


COL = {
    "code": 0,
    "content": 1,
    "method": 2,
    "max": 3,
    "target": 4,
    "result": 5,
    "self": 6,
    "evidence": 7,
    "explanation": 8,
    "verified": 9,
}
LAST_COL = 9
HEADER_ROW = 10  # the table's column titles (0-based); a row of (1)…(10) follows
FIRST_CRITERION_ROW = 12

COLUMN_TITLES = (
    "Mã",
    "Nội dung tiêu chí",
    "Cách chấm",
    "Điểm tối đa",
    "Chỉ tiêu",
    "Kết quả thực hiện",
    "Điểm tự chấm",
    "Hồ sơ minh chứng",
    "Giải trình",
    "Điểm thẩm định",
)


def is_sector(campaign: Campaign, unit_code: str) -> bool:
    """A sector scores only its own criteria: a unit named as responsible for some criterion,
    or one whose sibling is (a sector that was given no criterion is still a sector)."""
    if campaign.is_responsible(unit_code):
        return True
    parent = campaign.unit(unit_code).parent if campaign.has_unit(unit_code) else None
    return bool(parent and campaign.has_responsible_child(parent))


def card_criteria(campaign: Campaign, unit_code: str) -> tuple[Criterion, ...]:
    """The criteria on the unit's card: its own for a sector, all for anyone else."""
    if is_sector(campaign, unit_code):
        return campaign.criteria_for_sector(unit_code)
    return campaign.criteria


@dataclass(frozen=True)
class CardLayout:
    """The positions (0-based rows) and formulas of one unit's scorecard."""

    campaign: Campaign
    unit: Unit
    criteria: tuple[Criterion, ...]
    rows: dict[str, int]
    regular_row: int
    bonus_row: int | None
    deduction_row: int | None
    total_row: int
    band_row: int | None
    signature_row: int
    full: bool
    _codes: frozenset[str] = field(default_factory=frozenset)
    # what the unit reported in earlier periods, on criteria that accumulate (see
    # merge/earlier.py): criterion code → one report per earlier period
    earlier: Mapping[str, tuple[EarlierReport, ...]] = field(default_factory=dict)

    # -- cells ----------------------------------------------------------------------------

    def cell(self, code: str, column: str) -> str:
        return cell_name(self.rows[code], COL[column])

    def total_cell(self, column: str = "self") -> str:
        return cell_name(self.total_row, COL[column])

    def input_columns(self, criterion: Criterion) -> tuple[str, ...]:
        """The columns a unit fills for a leaf (the verification column is the upper level's)."""
        if not criterion.is_leaf:
            return ()
        own_target = criterion.method is Method.TY_LE and criterion.target is None
        return (
            ("target", "result", "evidence", "explanation")
            if own_target
            else (
                "result",
                "evidence",
                "explanation",
            )
        )

    @property
    def step(self) -> Decimal:
        return self.campaign.rounding_step

    @property
    def decimals(self) -> int:
        exponent = self.step.normalize().as_tuple().exponent
        return max(-exponent, 0) if isinstance(exponent, int) else 0

    # -- formulas -------------------------------------------------------------------------

    def _round_step(self, expression: str) -> str:
        step = self.step
        inverse = Decimal(1) / step
        if inverse == inverse.to_integral_value():
            n = canonical_decimal(inverse)
            return f"ROUND(ROUND(({expression})*{n},9),0)/{n}"
        s = canonical_decimal(step)
        return f"ROUND(ROUND(({expression})/{s},9),0)*{s}"

    def _round_sum(self, expression: str) -> str:
        return f"ROUND({expression},{self.decimals})"

    def self_formula(self, criterion: Criterion) -> str:
        """Column G: the self score of a leaf or group, as the core computes it."""
        cap = canonical_decimal(criterion.max_points)
        if not criterion.is_leaf:
            kids = ",".join(self.cell(k, "self") for k in self._kids(criterion))
            return "=" + self._round_sum(f"MIN(SUM({kids}),{cap})")
        f = self.cell(criterion.code, "result")
        amount = f"MAX(N({f}),0)"
        method, rate = criterion.method, criterion.points_per_unit
        if method is Method.DAT:
            return f'=IF(LOWER(TRIM({f}))="đạt",{cap},0)'
        if method is Method.TY_LE:
            e = self.cell(criterion.code, "target")
            raw = f"IF(N({e})<=0,0,{cap}*MIN({amount},N({e}))/N({e}))"
        elif method in (Method.SO_LUONG, Method.TRU) and rate is not None:
            raw = f"MIN({amount}*{canonical_decimal(rate)},{cap})"
        else:
            raw = f"MIN({amount},{cap})"
        return "=" + self._round_step(raw)

    def final_formula(self, criterion: Criterion) -> str | None:
        """Column J of a group: its score with the verified leaf scores where entered
        (blank while nothing is verified). Leaves have no formula there: it is an input."""
        if criterion.is_leaf:
            return None
        cap = canonical_decimal(criterion.max_points)
        parts = ",".join(self._effective(self.criteria_by_code(k)) for k in self._kids(criterion))
        capped = self._round_sum(f"MIN(SUM({parts}),{cap})")
        return f'=IF(COUNT({self._verified_range()})=0,"",{capped})'

    def _effective(self, criterion: Criterion) -> str:
        j, g = self.cell(criterion.code, "verified"), self.cell(criterion.code, "self")
        if criterion.is_leaf:
            cap = canonical_decimal(criterion.max_points)
            return f"IF(ISNUMBER({j}),{self._round_step(f'MIN(MAX({j},0),{cap})')},{g})"
        return f'IF({j}="",{g},{j})'

    def _verified_range(self) -> str:
        first, last = min(self.rows.values()), max(self.rows.values())
        col = COL["verified"]
        return f"{cell_name(first, col)}:{cell_name(last, col)}"

    def total_formulas(self, column: str) -> dict[int, str]:
        """Totals rows for column ``self`` (G) or ``verified`` (J): row → formula."""

        def section_sum(kind: SectionKind) -> str:
            sections = [c for c in self.criteria if c.is_section and c.kind is kind]
            if not sections:
                return "0"
            if column == "self":
                refs = [self.cell(s.code, "self") for s in sections]
            else:
                refs = [self._effective(s) for s in sections]
            return self._round_sum(f"SUM({','.join(refs)})")

        regular = section_sum(SectionKind.REGULAR)
        bonus = section_sum(SectionKind.BONUS)
        deduction = section_sum(SectionKind.DEDUCTION)
        col = COL[column]
        reg_ref = cell_name(self.regular_row, col)
        bonus_ref = cell_name(self.bonus_row, col) if self.bonus_row is not None else "0"
        ded_ref = cell_name(self.deduction_row, col) if self.deduction_row is not None else "0"
        cap = canonical_decimal(self.campaign.total_cap)
        total = self._round_sum(f"MAX(MIN({reg_ref}+{bonus_ref},{cap})-{ded_ref},0)")
        formulas = {self.regular_row: regular, self.total_row: total}
        if self.bonus_row is not None:
            formulas[self.bonus_row] = bonus
        if self.deduction_row is not None:
            formulas[self.deduction_row] = deduction
        if column == "verified":
            guard = f"COUNT({self._verified_range()})=0"
            return {row: f'=IF({guard},"",{f})' for row, f in formulas.items()}
        return {row: "=" + f for row, f in formulas.items()}

    def band_formula(self, column: str) -> str | None:
        """The classification of the total, for a full card with bands."""
        if self.band_row is None or not self.campaign.bands:
            return None
        total = self.total_cell(column)
        formula = '""'
        for band in reversed(self.campaign.bands):
            formula = f'IF({total}>={canonical_decimal(band.min_score)},"{band.label}",{formula})'
        return f'=IF({total}="","",{formula})' if column == "verified" else "=" + formula

    @property
    def formula_count(self) -> int:
        """How many formula cells the written card holds (G of every row, J of every group,
        the totals rows and the band row in both columns)."""
        groups = sum(1 for c in self.criteria if not c.is_leaf)
        totals = 2 + (self.bonus_row is not None) + (self.deduction_row is not None)
        band = 1 if self.band_row is not None and self.campaign.bands else 0
        return len(self.criteria) + groups + 2 * totals + 2 * band

    # -- helpers --------------------------------------------------------------------------

    def _kids(self, criterion: Criterion) -> list[str]:
        return [k for k in criterion.children if k in self._codes]

    def content_text(self, criterion: Criterion) -> str:
        """The criterion's content as the card prints it: for a criterion whose target is for
        the whole campaign (*Cộng dồn*), in a run of one period, with what the unit reported
        in earlier periods and the sum so far."""
        if not criterion.cumulative or self.campaign.period is None:
            return criterion.content
        reports = self.earlier.get(criterion.code, ())
        if not reports:
            return f"{criterion.content}\n(Chỉ tiêu cộng dồn cả đợt: ghi kết quả của kỳ này.)"
        items = "; ".join(f"{r.period}: {_reported(r)}" for r in reports)
        amounts = [r.amount for r in reports if r.amount is not None]
        line = f"(Các kỳ trước đã báo cáo: {items}"
        if amounts and criterion.method is not Method.DAT:
            line += f"; cộng dồn {format_decimal(sum(amounts, Decimal(0)))}"
            if criterion.target is not None:
                line += f"/{format_decimal(criterion.target)} (chỉ tiêu cả đợt)"
        return f"{criterion.content}\n{line}.)"

    def criteria_by_code(self, code: str) -> Criterion:
        return self.campaign.criterion(code)

    # -- texts ----------------------------------------------------------------------------

    def header_texts(self) -> dict[str, str]:
        """The Decree-30 header, title block and signature texts."""
        info, unit = self.campaign.info, self.unit
        parent = self.campaign.unit(unit.parent) if unit.parent else None
        year = next((d.year for d in (info.period_end, info.deadline, info.issue_date) if d), None)
        plan = f"Kế hoạch số {info.plan_number}" if info.plan_number else "Kế hoạch"
        if info.issue_date:
            plan += f" ngày {format_date(info.issue_date)}"
        if info.issuing_body:
            plan += f" của {info.issuing_body}"
        period = f"Thời gian thi đua: {info.period}" if info.period else ""
        if self.campaign.period is not None:
            this = self.campaign.period
            window = f" ({this.window})" if this.window else ""
            period = f"Kỳ báo cáo: {this.name}{window}"
        if info.deadline:
            period += ("; " if period else "") + f"hạn nộp: {format_date(info.deadline)}"
        return {
            "superior": (parent.name if parent else info.superior_body).upper(),
            "issuer": (unit.name if parent else info.issuing_body or unit.name).upper(),
            "motto": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "motto2": "Độc lập - Tự do - Hạnh phúc",
            "place_date": (
                f"{self.campaign.place_of(unit.code) or '……'}, ngày …… tháng …… năm {year or '……'}"
            ),
            "title": "PHIẾU CHẤM ĐIỂM THI ĐUA"
            if self.full
            else "PHIẾU CHẤM ĐIỂM THI ĐUA (PHẦN CỦA NGÀNH)",
            "campaign": info.title,
            "plan": f"(Theo {plan})",
            "period": period,
            "unit": f"Đơn vị: {unit.name} (mã {unit.code})",
            "sign_left": "NGƯỜI LẬP BIỂU",
            "sign_left_note": "(Ký, ghi rõ họ tên)",
            "sign_right": "THỦ TRƯỞNG ĐƠN VỊ",
            "sign_right_note": "(Ký tên, đóng dấu)",
        }

    def metadata(
        self, generated_at: str, generator_version: str, card: str | None = None
    ) -> list[tuple[str, str]]:
        """Key/value rows of the very hidden metadata sheet. ``card`` is ``full`` or
        ``sector`` from the layout, or ``composed`` for a parent's card made by compose."""
        rows = [
            ("format_version", FORMAT_VERSION),
            ("campaign_id", self.campaign.info.campaign_id),
            ("fingerprint", self.campaign.fingerprint),
            ("unit_code", self.unit.code),
            ("unit_name", self.unit.name),
            ("card", card or ("full" if self.full else "sector")),
            ("generated_at", generated_at),
            ("generator", f"thidua_xlsx {generator_version}"),
            ("total_cell", self.total_cell("self")),
        ]
        rows += period_metadata(self.campaign)
        rows.append(
            (
                "criterion_rows",
                "; ".join(f"{c.code}={self.rows[c.code] + 1}" for c in self.criteria),
            )
        )
        return rows


def _reported(report: EarlierReport) -> str:
    if report.amount is not None:
        return format_decimal(report.amount)
    if report.met is not None:
        return "Đạt" if report.met else "Không đạt"
    return "chưa báo cáo"


def period_metadata(campaign: Campaign) -> list[tuple[str, str]]:
    """The hidden information's rows naming the period a card or summary is of (none when
    the campaign has no periods)."""
    period = campaign.period
    if period is None:
        return []
    return [(PERIOD_KEY, period.name), (PERIOD_INDEX_KEY, str(period.index))]


def plan_card(campaign: Campaign, unit: Unit) -> CardLayout:
    """Lay out the unit's scorecard."""
    criteria = card_criteria(campaign, unit.code)
    rows = {c.code: FIRST_CRITERION_ROW + i for i, c in enumerate(criteria)}
    row = FIRST_CRITERION_ROW + len(criteria)
    kinds = {c.kind for c in criteria if c.is_section}
    regular_row = row
    row += 1
    bonus_row = deduction_row = None
    if SectionKind.BONUS in kinds:
        bonus_row, row = row, row + 1
    if SectionKind.DEDUCTION in kinds:
        deduction_row, row = row, row + 1
    total_row = row
    row += 1
    full = not is_sector(campaign, unit.code)
    band_row = None
    if full and campaign.bands:
        band_row, row = row, row + 1
    return CardLayout(
        campaign=campaign,
        unit=unit,
        criteria=criteria,
        rows=rows,
        regular_row=regular_row,
        bonus_row=bonus_row,
        deduction_row=deduction_row,
        total_row=total_row,
        band_row=band_row,
        signature_row=row + 2,
        full=full,
        _codes=frozenset(rows),
    )


def input_cells(criterion: Criterion, raw: RawInput) -> dict[str, str | Decimal]:
    """What a card's input cells hold for ``raw``, by column name (see ``COL``)."""
    cells: dict[str, str | Decimal] = {}
    if criterion.method is Method.DAT and raw.met is not None:
        cells["result"] = "Đạt" if raw.met else "Không đạt"
    elif raw.amount is not None:
        cells["result"] = raw.amount
    if raw.target is not None and criterion.target is None:
        cells["target"] = raw.target
    if raw.evidence:
        cells["evidence"] = raw.evidence
    if raw.explanation:
        cells["explanation"] = raw.explanation
    return cells


def values_digest(layout: CardLayout, values: Mapping[tuple[str, str], object]) -> str:
    """A digest of what a unit entered on a card: its input cells and verification column,
    keyed by (criterion code, column). It is the same for the values a feedback copy is
    written with and for the values the checker reads back from that copy, unchanged:
    numbers as decimals of 15 significant digits (what a double keeps through XlsxWriter and
    a reader), text in NFC without surrounding spaces, blanks skipped. A number and the same
    digits as text differ (retyping «2» as the number 2 is a change)."""
    parts: list[str] = []
    for criterion in layout.criteria:
        for column in (*layout.input_columns(criterion), "verified") if criterion.is_leaf else ():
            text = _digest_text(values.get((criterion.code, column)))
            if text:
                parts.append(f"{criterion.code}\x1f{column}\x1f{text}")
    return hashlib.sha256("\x1e".join(parts).encode("utf-8")).hexdigest()


def _digest_text(value: object) -> str:
    """One cell's value as the digest sees it (as the writer writes it: see ``_write_value``
    in :mod:`thidua_xlsx.scorecard.writer`)."""
    if value is None:
        return ""
    if isinstance(value, bool):  # written as the text TRUE / FALSE
        return "s:TRUE" if value else "s:FALSE"
    if isinstance(value, (int, float, Decimal)):
        number = float(value)
        if math.isfinite(number):
            exact = Decimal(format(number, ".15g")).normalize()
            return "n:0" if exact.is_zero() else f"n:{exact}"
    text = unicodedata.normalize("NFC", str(value)[:_CELL_TEXT_MAX]).strip()
    return f"s:{text}" if text else ""
