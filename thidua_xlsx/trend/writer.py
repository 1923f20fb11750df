"""The trend workbook (``thidua trend``, SPEC §11) with XlsxWriter, from a
:class:`~thidua_xlsx.core.trend.Trend`: the units' totals and ranks period by period under a
Decree-30 heading, band changes and runs, on-time rates, the criteria losing points period
after period, the jumps that deserve a look (the rule said on the sheet), the criteria not
comparable, line charts per cluster and for the unit picked in a drop-down, and the files
used and refused.

Every sheet is written top to bottom (``constant_memory``: a province's 2,000 units over 12
periods stay small in memory). Numbers are numbers; text from the summaries is written as
text, never as a formula. The drop-down chart's formulas carry their values for the first
unit, so a program that does not recalculate on opening shows them too.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from .._version import __version__
from ..core.trend import JUMP_RANK_SHARE, JUMP_SHARE, Trend, UnitPoint, UnitTrend
from ..core.vi_text import format_decimal
from ..runtime.atomic import atomic_output, output_time
from ..runtime.output_guard import check_outputs
from ..scorecard.layout import FORMAT_VERSION, META_SHEET, wrapped_lines
from ..words.messages import render

__all__ = [
    "BANDS_SHEET",
    "CLUSTER_CHART_SHEET",
    "DATA_SHEET",
    "FALLS_SHEET",
    "FILES_SHEET",
    "JUMPS_SHEET",
    "NOT_COMPARABLE_SHEET",
    "ON_TIME_SHEET",
    "TREND_HEADER_ROW",
    "TREND_KIND",
    "TREND_SHEET",
    "UNIT_CHART_SHEET",
    "write_trend",
]


def _word(code: str, **params: str | int) -> str:
    """A word of the workbook (always in Vietnamese, like the summary it compares)."""
    return render(f"trend.{code}", "vi", **params)


TREND_SHEET = _word("sheet_trend")
BANDS_SHEET = _word("sheet_bands")
ON_TIME_SHEET = _word("sheet_on_time")
FALLS_SHEET = _word("sheet_falls")
JUMPS_SHEET = _word("sheet_jumps")
NOT_COMPARABLE_SHEET = _word("sheet_not_comparable")
CLUSTER_CHART_SHEET = _word("sheet_cluster_chart")
UNIT_CHART_SHEET = _word("sheet_unit_chart")
DATA_SHEET = _word("sheet_data")
FILES_SHEET = _word("sheet_files")
TREND_KIND = "trend"
TREND_HEADER_ROW = 8  # 0-based row of the trend table's period titles (the next: columns)
_FONT = "Times New Roman"
_PER_PERIOD = 4  # columns per period on the trend sheet: total, rank, ± total, ± rank
_FIXED = 4  # STT, code, name, cluster
_SMALL_LEVEL = 30  # up to this many units, a chart per unit as well
_DIGIT_PX = 8  # a digit of Times New Roman 12 pt, in pixels at 96 dpi (as the summary's)
_NAME_WIDTH, _CLUSTER_WIDTH = 30, 16  # the unit's name and cluster columns, in digits


def write_trend(
    path: str | Path,
    trend: Trend,
    inputs: Sequence[str | Path] = (),
    generated_at: datetime | None = None,
) -> Path:
    """Write the trend workbook of ``trend`` to ``path`` atomically; never over one of the
    summaries it was read from (or ``inputs``)."""
    output = Path(path)
    given = [*(p.path for p in trend.periods), *(Path(i.file) for i in trend.refused), *inputs]
    check_outputs(given, output_files=[output])
    stamp = generated_at or output_time()
    with atomic_output(output) as temp:
        workbook = xlsxwriter.Workbook(
            str(temp),
            {
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
                "constant_memory": True,
                "default_format_properties": {"font_name": _FONT, "font_size": 12},
            },
        )
        try:
            workbook.set_properties({"author": "thidua_xlsx", "created": stamp})
            f = _formats(workbook, trend)
            _trend_sheet(workbook, trend, f)
            _unit_chart_sheet(workbook, trend, f)
            _cluster_chart_sheet(workbook, trend, f)
            _bands_sheet(workbook, trend, f)
            _on_time_sheet(workbook, trend, f)
            _falls_sheet(workbook, trend, f)
            _jumps_sheet(workbook, trend, f)
            _not_comparable_sheet(workbook, trend, f)
            _files_sheet(workbook, trend, f)
            if len(trend.units) <= _SMALL_LEVEL:
                _unit_charts(workbook, trend)
            _data_sheet(workbook, trend, f)
            _metadata(workbook, trend, stamp)
        finally:
            workbook.close()
    return output


def _formats(workbook: xlsxwriter.Workbook, trend: Trend) -> dict[str, Format]:
    base = {"font_name": _FONT, "font_size": 12, "valign": "vcenter"}
    box = {**base, "border": 1}
    points = _points_format(trend)
    return {
        "center": workbook.add_format({**base, "align": "center"}),
        "bold_center": workbook.add_format({**base, "align": "center", "bold": True}),
        "title": workbook.add_format({**base, "align": "center", "bold": True, "font_size": 14}),
        "italic": workbook.add_format({**base, "align": "center", "italic": True}),
        "center_wrap": workbook.add_format({**base, "align": "center", "text_wrap": True}),
        "bold_center_wrap": workbook.add_format(
            {**base, "align": "center", "bold": True, "text_wrap": True}
        ),
        "motto2": workbook.add_format(
            {**base, "align": "center", "bold": True, "underline": 1, "font_size": 13}
        ),
        "issuer": workbook.add_format(
            {**base, "align": "center", "bold": True, "underline": 1, "text_wrap": True}
        ),
        "rule": workbook.add_format({**base, "italic": True, "text_wrap": True}),
        "th": workbook.add_format(
            {**box, "bold": True, "align": "center", "text_wrap": True, "bg_color": "#D9E1F2"}
        ),
        "text": workbook.add_format({**box, "text_wrap": True}),
        "cell": workbook.add_format({**box, "align": "center"}),
        "number": workbook.add_format({**box, "align": "center", "num_format": points}),
        "change": workbook.add_format(
            {**box, "align": "center", "num_format": f"+{points};-{points};0"}
        ),
        "rank_change": workbook.add_format({**box, "align": "center", "num_format": "+0;-0;0"}),
        "percent": workbook.add_format({**box, "align": "center", "num_format": "0%"}),
        "pick": workbook.add_format({**box, "bold": True, "bg_color": "#FFF2CC", "locked": False}),
        "label": workbook.add_format({**base, "bold": True}),
        "hint": workbook.add_format({**base, "italic": True}),
        "plain": workbook.add_format(base),
        "plain_number": workbook.add_format({**base, "num_format": points}),
    }


def _points_format(trend: Trend) -> str:
    """The number format of a total: the decimals of the latest campaign's rounding step."""
    exponent = trend.campaign.rounding_step.normalize().as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 2
    return "0." + "0" * places if places else "0"


def _number(value: Decimal) -> float:
    return float(value)


def _heading(sheet: Worksheet, trend: Trend, f: dict[str, Format], last: int) -> None:
    """Decree 30's heading (rows 0-2) and the title (rows 4-7), across columns 0..``last``."""
    latest = trend.periods[-1]
    heading = trend.campaign.heading(latest.issuer or None)
    left_last = max(2, min(3, last // 2))
    lines = [heading.superior.upper(), heading.issuer.upper(), "Số: ………………"]
    styles = ["center_wrap", "issuer", "center"]
    if not heading.superior:
        lines, styles = [*lines[1:], ""], [*styles[1:], "center"]
    right = [
        (_word("motto1"), "bold_center"),
        (_word("motto2"), "motto2"),
        (_word("place_date", place=heading.place or "……"), "italic"),
    ]
    for row in range(3):
        sheet.set_row(row, 33 if row < 2 else 18)
        _merge(sheet, row, 0, left_last, lines[row], f[styles[row]])
        _merge(sheet, row, left_last + 1, max(last, left_last + 1), right[row][0], f[right[row][1]])
    title = latest.campaign.info.title
    if latest.cluster:
        title = f"{title} — {latest.cluster}"
    periods = _word("periods_line", count=len(trend.periods), labels=", ".join(trend.labels))
    level = _word("level_line", level=latest.level_name, units=len(trend.units))
    for row, (text, style) in enumerate(
        [
            (_word("title"), "title"),
            (title, "bold_center_wrap"),
            (periods, "center_wrap"),
            (level, "italic"),
        ],
        start=4,
    ):
        sheet.set_row(row, 22 if row < 7 else 18)
        _merge(sheet, row, 0, max(last, left_last + 1), text, f[style])


def _merge(sheet: Worksheet, row: int, first: int, last: int, text: str, fmt: Format) -> None:
    if last > first:
        sheet.merge_range(row, first, row, last, text, fmt)
    else:
        sheet.write_string(row, first, text, fmt)


# what a printed A4 landscape page holds across, between Decree 30's margins (in points), and
# the smallest print scale that keeps 12 pt type at 11 pt or more
_PAGE_WIDTH_PT = 714.0
_SMALLEST_SCALE = 92


def _columns(sheet: Worksheet, widths: Sequence[tuple[int, int, float]]) -> float:
    """Set the columns' widths (first, last, width in characters); their total width."""
    for first, last, width in widths:
        sheet.set_column(first, last, width)
    return sum((last - first + 1) * width for first, last, width in widths)


def _is_wide(width: float) -> bool:
    """Whether ``width`` characters of columns print wider than a page at 92 %."""
    return (width * 8 + 5) * 0.75 * _SMALLEST_SCALE / 100 > _PAGE_WIDTH_PT


def _first_page_last(widths: Sequence[tuple[int, int, float]]) -> int | None:
    """The last column printed on the first page of a table too wide for one (None: it fits)."""
    if not _is_wide(sum((last - first + 1) * width for first, last, width in widths)):
        return None
    used, found = 0.0, 0
    for first, last, width in widths:
        for col in range(first, last + 1):
            used += width
            if _is_wide(used):
                return max(found, 3)
            found = col
    return found


def _page_header(trend: Trend) -> str:
    """Decree 30's heading and the title as a printed page's header (a wide table's pages):
    the issuing body on the left, the title in the middle, the motto on the right."""
    latest = trend.periods[-1]
    heading = trend.campaign.heading(latest.issuer or None)

    def clean(text: str) -> str:
        return text.replace("&", "&&")

    font = '&"Times New Roman,Bold"&9'
    left = f"&L{font}{clean(heading.issuer.upper())}"
    centre = f"&C{font}{clean(_word('title'))}"
    right = f"&R{font}{clean(_word('motto1'))}"
    header = left + centre + right
    return header if len(header) <= 255 else centre  # Excel's limit on a header's length


def _period_breaks(count: int) -> list[int]:
    """Where the pages of the unit × period table break across: between two periods, as
    many periods on a page as fit beside the unit's columns (the code and the name repeated
    on every page after the first)."""
    fixed, repeated, per_period = 5 + 16 + 30 + 16, 16 + 30, 8 * _PER_PERIOD
    breaks: list[int] = []
    used = fixed
    for index in range(count):
        if index and _is_wide(used + per_period):
            breaks.append(_FIXED + _PER_PERIOD * index)
            used = repeated
        used += per_period
    return breaks


def _print(
    sheet: Worksheet,
    header_row: int | tuple[int, int],
    fit_width: bool = True,
    width: float | None = None,
    repeat: tuple[int, int] = (1, 2),
    title: str | None = None,
) -> None:
    """A4 landscape, Decree 30's margins, the column titles on every page, page numbers.
    A table narrow enough prints one page wide; a wider one (``width`` characters: many
    periods) prints at 92 % (12 pt type stays above 11 pt) over as many pages across as it
    needs, the ``repeat`` columns (the unit's code and name) on each; its ``title`` (the
    sheet's first rows, which pages across would cut) then prints as the pages' header."""
    sheet.set_paper(9)
    sheet.set_landscape()
    wide = width is not None and _is_wide(width)
    if wide:
        sheet.set_print_scale(_SMALLEST_SCALE)
        sheet.repeat_columns(*repeat)
        sheet.print_across()
        if title is not None:
            first = header_row[0] if isinstance(header_row, tuple) else header_row
            # the written area's extent (XlsxWriter keeps it as the sheet is written)
            sheet.print_area(first, 0, max(sheet.dim_rowmax or first, first), sheet.dim_colmax or 0)
            sheet.set_header(f'&C&"Times New Roman,Bold"&11{title.replace("&", "&&")}')
    elif fit_width:
        sheet.fit_to_pages(1, 0)
    if isinstance(header_row, tuple):
        sheet.repeat_rows(*header_row)
    else:
        sheet.repeat_rows(header_row)
    sheet.set_margins(left=1.18, right=0.59, top=0.79, bottom=0.79)
    sheet.set_footer('&C&"Times New Roman"&10Trang &P/&N')


@lru_cache(maxsize=65_536)
def _lines(text: str, width: float) -> int:
    """Lines ``text`` wraps to in a column ``width`` digits wide (names and criteria repeat
    over thousands of rows: each is measured once)."""
    return wrapped_lines(text, width, 12, _DIGIT_PX)


def _height(cells: Sequence[tuple[str, float]]) -> float:
    """A row's height in points for its wrapped cells (as ``scorecard.layout.row_height``)."""
    lines = max((_lines(text, width) for text, width in cells), default=1)
    return round(lines * 12 * 1.32 + 4, 1)


def _unit_cells(
    sheet: Worksheet,
    row: int,
    index: int,
    u: UnitTrend,
    f: dict[str, Format],
    widths: tuple[float, float] = (_NAME_WIDTH, _CLUSTER_WIDTH),
    more: Sequence[tuple[str, float]] = (),
) -> None:
    """The unit's number, code, name and cluster; the row high enough for its wrapped text
    (``more``: the other texts the row holds, with their columns' widths)."""
    cells = [(u.name, widths[0]), (u.cluster, widths[1]), *more]
    sheet.set_row(row, _height(cells))
    sheet.write_number(row, 0, index, f["cell"])
    sheet.write_string(row, 1, u.unit, f["cell"])
    sheet.write_string(row, 2, u.name, f["text"])
    sheet.write_string(row, 3, u.cluster, f["text"])


def _titles(sheet: Worksheet, row: int, titles: Sequence[str], f: dict[str, Format]) -> None:
    sheet.set_row(row, 36)  # two lines of a wrapped title
    for col, text in enumerate(titles):
        sheet.write_string(row, col, text, f["th"])


# -- the sheets ------------------------------------------------------------------------------


def _trend_sheet(workbook: xlsxwriter.Workbook, trend: Trend, f: dict[str, Format]) -> None:
    """Unit × period: total, rank, and their change from the period before; then the last
    band and the run of one band that reaches the last period."""
    sheet = workbook.add_worksheet(TREND_SHEET)
    count = len(trend.periods)
    last = _FIXED + _PER_PERIOD * count + 1
    widths = [
        (0, 0, 5),
        (1, 1, 16),
        (2, 2, 30),
        (3, 3, 16),
        (_FIXED, last - 2, 8),
        (last - 1, last - 1, 12),
        (last, last, 26),
    ]
    _heading(sheet, trend, f, last)
    # two title rows, written top to bottom (constant_memory): the periods over their four
    # columns, then every column's own title (the row the filter is on)
    row = TREND_HEADER_ROW
    sheet.set_row(row, 20)
    for col in [*range(_FIXED), last - 1, last]:
        sheet.write_blank(row, col, None, f["th"])
    for index, label in enumerate(trend.labels):
        first = _FIXED + _PER_PERIOD * index
        sheet.merge_range(row, first, row, first + _PER_PERIOD - 1, label, f["th"])
    row += 1
    sheet.set_row(row, 36)
    for col, text in enumerate(_fixed_titles()):
        sheet.write_string(row, col, text, f["th"])
    for index in range(count):
        first = _FIXED + _PER_PERIOD * index
        keys = ("col_total", "col_rank", "col_total_change", "col_rank_change")
        for offset, key in enumerate(keys):
            sheet.write_string(row, first + offset, _word(key), f["th"])
    sheet.write_string(row, last - 1, _word("col_band_last"), f["th"])
    sheet.write_string(row, last, _word("col_run"), f["th"])
    for number, u in enumerate(trend.units, start=1):
        row += 1
        run = u.current_run
        said = _word("run", band=run.band, count=run.length) if run else ""
        _unit_cells(sheet, row, number, u, f, more=[(said, 26)])
        for index, point in enumerate(u.points):
            _point_cells(sheet, row, _FIXED + _PER_PERIOD * index, point, f)
        sheet.write_string(row, last - 1, u.last.band if u.last else "", f["cell"])
        sheet.write_string(row, last, said, f["text"])
    width = _columns(sheet, widths)
    sheet.freeze_panes(TREND_HEADER_ROW + 2, 3)
    sheet.autofilter(TREND_HEADER_ROW + 1, 0, max(row, TREND_HEADER_ROW + 2), last)
    _print(sheet, (TREND_HEADER_ROW, TREND_HEADER_ROW + 1), width=width)
    if _first_page_last(widths) is not None:
        # printed over pages across, the unit's code and name repeated on each: the heading
        # rows would be cut into every page, so they are left out of the print and the
        # heading is the pages' header; the pages break between two periods
        sheet.print_area(TREND_HEADER_ROW, 0, max(row, TREND_HEADER_ROW + 2), last)
        sheet.set_v_pagebreaks(_period_breaks(count))
        sheet.set_header(_page_header(trend))


def _fixed_titles() -> list[str]:
    return [_word("col_no"), _word("col_code"), _word("col_unit"), _word("col_cluster")]


def _point_cells(
    sheet: Worksheet, row: int, col: int, point: UnitPoint | None, f: dict[str, Format]
) -> None:
    if point is None:
        sheet.write_string(row, col, _word("not_ranked"), f["cell"])
        for offset in range(1, _PER_PERIOD):
            sheet.write_blank(row, col + offset, None, f["cell"])
        return
    sheet.write_number(row, col, _number(point.total), f["number"])
    rank = f"{point.rank}=" if point.tied else str(point.rank)
    if point.tied:
        sheet.write_string(row, col + 1, rank, f["cell"])
    else:
        sheet.write_number(row, col + 1, point.rank, f["cell"])
    if point.total_change is None:
        sheet.write_blank(row, col + 2, None, f["cell"])
        sheet.write_blank(row, col + 3, None, f["cell"])
    else:
        sheet.write_number(row, col + 2, _number(point.total_change), f["change"])
        sheet.write_number(row, col + 3, point.rank_change or 0, f["rank_change"])


def _bands_sheet(workbook: xlsxwriter.Workbook, trend: Trend, f: dict[str, Format]) -> None:
    """Each unit's band in every period, its changes and its runs of one band."""
    sheet = workbook.add_worksheet(BANDS_SHEET)
    labels = trend.labels
    titles = [*_fixed_titles(), *labels, _word("col_band_changes"), _word("col_runs")]
    sheet.merge_range(0, 0, 0, len(titles) - 1, _word("bands_title"), f["title"])
    _titles(sheet, 2, titles, f)
    row = 2
    for number, u in enumerate(trend.units, start=1):
        row += 1
        changes = [
            _word("band_change", period=labels[i], before=a or "—", after=b or "—")
            for i, a, b in u.band_changes
        ]
        runs = [
            _word(
                "run_between",
                band=r.band,
                count=r.length,
                first=labels[r.first],
                last=labels[r.last],
            )
            for r in u.band_runs
        ]
        more = [("; ".join(changes), 40), ("; ".join(runs), 40)]
        _unit_cells(sheet, row, number, u, f, more=more)
        for index, point in enumerate(u.points):
            band = point.band if point is not None else _word("not_ranked")
            sheet.write_string(row, _FIXED + index, band, f["cell"])
        sheet.write_string(row, _FIXED + len(labels), "; ".join(changes), f["text"])
        sheet.write_string(row, _FIXED + len(labels) + 1, "; ".join(runs), f["text"])
    width = _columns(
        sheet,
        [
            (0, 0, 5),
            (1, 1, 16),
            (2, 2, 30),
            (3, 3, 16),
            (_FIXED, _FIXED + len(labels) - 1, 12),
            (_FIXED + len(labels), _FIXED + len(labels) + 1, 40),
        ],
    )
    sheet.freeze_panes(3, 3)
    _print(sheet, 2, width=width, title=_word("bands_title"))


def _on_time_sheet(workbook: xlsxwriter.Workbook, trend: Trend, f: dict[str, Format]) -> None:
    """Each unit's periods expected, on time, late and missing, and its on-time rate."""
    sheet = workbook.add_worksheet(ON_TIME_SHEET)
    titles = [
        *_fixed_titles(),
        _word("col_expected"),
        _word("col_on_time"),
        _word("col_late"),
        _word("col_missing"),
        _word("col_rate"),
    ]
    sheet.merge_range(0, 0, 0, len(titles) - 1, _word("on_time_title"), f["title"])
    sheet.merge_range(1, 0, 1, len(titles) - 1, _word("on_time_rule"), f["rule"])
    sheet.set_row(1, 33)
    _titles(sheet, 2, titles, f)
    row = 2
    units = sorted(
        trend.units,
        key=lambda u: (u.on_time_rate if u.on_time_rate is not None else 2, u.unit),
    )
    for number, u in enumerate(units, start=1):
        row += 1
        _unit_cells(sheet, row, number, u, f)
        for col, value in enumerate((u.expected, u.on_time, u.late, u.missing), start=_FIXED):
            sheet.write_number(row, col, value, f["cell"])
        rate = u.on_time_rate
        if rate is None:
            sheet.write_blank(row, _FIXED + 4, None, f["percent"])
        else:
            sheet.write_number(row, _FIXED + 4, float(rate), f["percent"])
    width = _columns(
        sheet,
        [
            (0, 0, 5),
            (1, 1, 16),
            (2, 2, 30),
            (3, 3, 16),
            (_FIXED, _FIXED + 4, 12),
        ],
    )
    sheet.freeze_panes(3, 3)
    _print(sheet, 2, width=width, title=_word("on_time_title"))


def _falls_sheet(workbook: xlsxwriter.Workbook, trend: Trend, f: dict[str, Format]) -> None:
    """The criteria where a unit lost points at least twice in a row."""
    sheet = workbook.add_worksheet(FALLS_SHEET)
    labels = trend.labels
    names = {u.unit: u for u in trend.units}
    contents = {leaf.code: leaf.content for leaf in trend.campaign.leaves}
    titles = [
        *_fixed_titles(),
        _word("col_criterion"),
        _word("col_content"),
        _word("col_from"),
        _word("col_to"),
        _word("col_falls"),
        _word("col_scores"),
    ]
    sheet.merge_range(0, 0, 0, len(titles) - 1, _word("falls_title"), f["title"])
    sheet.merge_range(1, 0, 1, len(titles) - 1, _word("falls_rule"), f["rule"])
    sheet.set_row(1, 33)
    _titles(sheet, 2, titles, f)
    row = 2
    for number, fall in enumerate(trend.falls, start=1):
        row += 1
        scores = " → ".join(format_decimal(s) for s in fall.scores)
        cells = [
            fall.criterion,
            contents.get(fall.criterion, ""),
            labels[fall.first],
            labels[fall.last],
        ]
        more = [(cells[1], 40), (scores, 24)]
        _unit_cells(sheet, row, number, names[fall.unit], f, (26, 14), more)
        for col, text in enumerate(cells, start=_FIXED):
            sheet.write_string(row, col, text, f["text"])
        sheet.write_number(row, _FIXED + 4, fall.falls, f["cell"])
        sheet.write_string(row, _FIXED + 5, scores, f["text"])
    if not trend.falls:
        sheet.merge_range(3, 0, 3, len(titles) - 1, _word("none"), f["italic"])
    width = _columns(
        sheet,
        [
            (0, 0, 5),
            (1, 1, 16),
            (2, 2, 26),
            (3, 3, 14),
            (_FIXED, _FIXED, 9),
            (_FIXED + 1, _FIXED + 1, 40),
            (_FIXED + 2, _FIXED + 3, 14),
            (_FIXED + 4, _FIXED + 4, 8),
            (_FIXED + 5, _FIXED + 5, 24),
        ],
    )
    sheet.freeze_panes(3, 3)
    _print(sheet, 2, width=width, title=_word("falls_title"))


def _jumps_sheet(workbook: xlsxwriter.Workbook, trend: Trend, f: dict[str, Format]) -> None:
    """The changes from one period to the next that deserve a look, with the rule."""
    sheet = workbook.add_worksheet(JUMPS_SHEET)
    labels = trend.labels
    names = {u.unit: u for u in trend.units}
    titles = [
        *_fixed_titles(),
        _word("col_before"),
        _word("col_after"),
        _word("col_total_before"),
        _word("col_total_after"),
        _word("col_total_change"),
        _word("col_rank_before"),
        _word("col_rank_after"),
        _word("col_rank_change"),
        _word("col_why"),
    ]
    last = len(titles) - 1
    sheet.merge_range(0, 0, 0, last, _word("jumps_title"), f["title"])
    rule = _word(
        "jumps_rule",
        share=format_decimal(JUMP_SHARE * 100),
        points=format_decimal(trend.jump_points),
        quarter=f"{JUMP_RANK_SHARE.numerator}/{JUMP_RANK_SHARE.denominator}",
    )
    sheet.merge_range(1, 0, 1, last, rule, f["rule"])
    sheet.set_row(1, 48)
    _titles(sheet, 2, titles, f)
    row = 2
    for number, jump in enumerate(trend.jumps, start=1):
        row += 1
        why = []
        if jump.by_points:
            why.append(_word("why_points", points=format_decimal(trend.jump_points)))
        if jump.by_rank:
            why.append(_word("why_rank", ranks=jump.rank_threshold))
        _unit_cells(sheet, row, number, names[jump.unit], f, (26, 14), [("; ".join(why), 30)])
        sheet.write_string(row, _FIXED, labels[jump.period - 1], f["cell"])
        sheet.write_string(row, _FIXED + 1, labels[jump.period], f["cell"])
        sheet.write_number(row, _FIXED + 2, _number(jump.total_before), f["number"])
        sheet.write_number(row, _FIXED + 3, _number(jump.total_after), f["number"])
        sheet.write_number(row, _FIXED + 4, _number(jump.total_change), f["change"])
        sheet.write_number(row, _FIXED + 5, jump.rank_before, f["cell"])
        sheet.write_number(row, _FIXED + 6, jump.rank_after, f["cell"])
        sheet.write_number(row, _FIXED + 7, jump.rank_change, f["rank_change"])
        sheet.write_string(row, _FIXED + 8, "; ".join(why), f["text"])
    if not trend.jumps:
        sheet.merge_range(3, 0, 3, last, _word("none"), f["italic"])
    width = _columns(
        sheet,
        [
            (0, 0, 5),
            (1, 1, 16),
            (2, 2, 26),
            (3, 3, 14),
            (_FIXED, _FIXED + 1, 14),
            (_FIXED + 2, _FIXED + 7, 9),
            (_FIXED + 8, _FIXED + 8, 30),
        ],
    )
    sheet.freeze_panes(3, 3)
    _print(sheet, 2, width=width, title=_word("jumps_title"))


def _not_comparable_sheet(
    workbook: xlsxwriter.Workbook, trend: Trend, f: dict[str, Format]
) -> None:
    """The criteria left out of the comparison, and why."""
    sheet = workbook.add_worksheet(NOT_COMPARABLE_SHEET)
    titles = [_word("col_criterion"), _word("col_content"), _word("col_status"), _word("col_why")]
    sheet.merge_range(0, 0, 0, 3, _word("not_comparable_title"), f["title"])
    sheet.merge_range(
        1, 0, 1, 3, _word("not_comparable_rule", compared=len(trend.comparable)), f["rule"]
    )
    sheet.set_row(1, 33)
    _titles(sheet, 2, titles, f)
    row = 2
    for item in trend.not_comparable:
        row += 1
        why = _word(f"why_{item.reason}", detail=item.detail)
        sheet.set_row(row, _height([(item.content, 60), (why, 40)]))
        sheet.write_string(row, 0, item.criterion, f["cell"])
        sheet.write_string(row, 1, item.content, f["text"])
        sheet.write_string(row, 2, _word("not_comparable"), f["cell"])
        sheet.write_string(row, 3, why, f["text"])
    if not trend.not_comparable:
        sheet.merge_range(3, 0, 3, 3, _word("all_comparable"), f["italic"])
    width = _columns(
        sheet,
        [
            (0, 0, 10),
            (1, 1, 60),
            (2, 2, 20),
            (3, 3, 40),
        ],
    )
    title = _word("not_comparable_title")
    _print(sheet, 2, width=width, repeat=(0, 0), title=title)  # the criterion's code


def _cluster_chart_sheet(workbook: xlsxwriter.Workbook, trend: Trend, f: dict[str, Format]) -> None:
    """Each cluster's average total per period (and every unit's), as a table and a line
    chart."""
    sheet = workbook.add_worksheet(CLUSTER_CHART_SHEET)
    labels = trend.labels
    series = [(c.cluster, c.averages) for c in trend.clusters]
    series.append((_word("all_units"), trend.overall))
    sheet.write_string(0, 0, _word("cluster_chart_title"), f["label"])
    _titles(sheet, 1, [_word("col_cluster"), *labels], f)
    for index, (name, averages) in enumerate(series):
        row = 2 + index
        sheet.write_string(row, 0, name, f["text"])
        for col, value in enumerate(averages, start=1):
            if value is None:
                sheet.write_blank(row, col, None, f["number"])
            else:
                sheet.write_number(row, col, _number(value), f["number"])
    chart = workbook.add_chart({"type": "line"})
    for index in range(len(series)):
        row = 2 + index
        chart.add_series(
            {
                "name": [CLUSTER_CHART_SHEET, row, 0],
                "categories": [CLUSTER_CHART_SHEET, 1, 1, 1, len(labels)],
                "values": [CLUSTER_CHART_SHEET, row, 1, row, len(labels)],
                "marker": {"type": "circle", "size": 6},
                "line": {"width": 2.25, "dash_type": "dash" if row == 1 + len(series) else "solid"},
            }
        )
    _style_chart(chart, _word("cluster_chart_title"), _word("axis_average"))
    chart.set_size({"width": 900, "height": 420})
    sheet.insert_chart(3 + len(series), 0, chart)
    sheet.set_column(0, 0, 30)
    sheet.set_column(1, len(labels), 13)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 1)


def _style_chart(chart: object, title: str, y_title: str) -> None:
    font = {"name": _FONT}
    chart.set_title({"name": title, "name_font": {"name": _FONT, "size": 13}})  # type: ignore[attr-defined]
    chart.set_x_axis({"num_font": font, "name_font": font})  # type: ignore[attr-defined]
    chart.set_y_axis(  # type: ignore[attr-defined]
        {"name": y_title, "num_font": font, "name_font": font, "major_gridlines": {"visible": True}}
    )
    chart.set_legend({"position": "bottom", "font": font})  # type: ignore[attr-defined]


# the data sheet's columns: code, name, cluster, then the totals, then the ranks, per period
_DATA_FIRST = 3


def _unit_chart_sheet(workbook: xlsxwriter.Workbook, trend: Trend, f: dict[str, Format]) -> None:
    """One chart for any unit: pick its name in the drop-down cell; INDEX/MATCH over the data
    sheet give its totals and ranks, which the chart draws beside every unit's average. The
    formulas carry the first unit's values."""
    sheet = workbook.add_worksheet(UNIT_CHART_SHEET)
    labels = trend.labels
    count = len(labels)
    units = len(trend.units)
    first = trend.units[0]
    names = f"'{DATA_SHEET}'!$B$2:$B${units + 1}"
    sheet.write_string(0, 0, _word("unit_chart_title"), f["label"])
    sheet.write_string(1, 0, _word("pick_unit"), f["label"])
    _merge(sheet, 1, 1, max(3, count), first.name, f["pick"])  # room for a long name
    sheet.data_validation(
        1,
        1,
        1,
        1,
        {
            "validate": "list",
            "source": f"={names}",
            "error_title": _word("pick_error_title"),
            "error_message": _word("pick_error"),
        },
    )
    sheet.merge_range(2, 0, 2, max(4, count), _word("pick_hint"), f["hint"])
    _titles(sheet, 4, ["", *labels], f)
    pick = "$B$2"
    rows: list[tuple[str, int | None, list[Decimal | int | None], str]] = [
        (_word("col_total"), 0, [p.total if p else None for p in first.points], "number"),
        (_word("col_rank"), count, [p.rank if p else None for p in first.points], "cell"),
        (_word("all_units"), None, list(trend.overall), "number"),
    ]
    for offset, (title, shift, values, style) in enumerate(rows):
        row = 5 + offset
        sheet.write_string(row, 0, title, f["text"])
        for index in range(count):
            col = 1 + index
            value = values[index]
            if shift is None:
                if value is None:
                    sheet.write_blank(row, col, None, f[style])
                else:
                    sheet.write_number(row, col, float(value), f[style])
                continue
            letter = xl_col_to_name(_DATA_FIRST + shift + index)
            column = f"'{DATA_SHEET}'!${letter}$2:${letter}${units + 1}"
            formula = f"=IFERROR(INDEX({column},MATCH({pick},{names},0))*1,NA())"
            cached: float | str = float(value) if value is not None else "#N/A"
            sheet.write_formula(row, col, formula, f[style], cached)
    chart = workbook.add_chart({"type": "line"})
    for row, name_row in ((5, 1), (7, None)):
        chart.add_series(
            {
                "name": [UNIT_CHART_SHEET, 1, 1] if name_row else [UNIT_CHART_SHEET, 7, 0],
                "categories": [UNIT_CHART_SHEET, 4, 1, 4, count],
                "values": [UNIT_CHART_SHEET, row, 1, row, count],
                "marker": {"type": "circle", "size": 7},
                "line": {
                    "width": 2.5 if name_row else 1.5,
                    "dash_type": "solid" if name_row else "dash",
                },
                "data_labels": {
                    "value": bool(name_row),
                    "num_format": _points_format(trend),
                    "font": {"name": _FONT},
                },
            }
        )
    _style_chart(chart, _word("unit_chart_title"), _word("axis_total"))
    chart.set_size({"width": 900, "height": 420})
    sheet.insert_chart(9, 0, chart)
    sheet.set_column(0, 0, 26)
    sheet.set_column(1, max(1, count), 13)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 1)
    sheet.activate()


def _unit_charts(workbook: xlsxwriter.Workbook, trend: Trend) -> None:
    """For a small level, a line chart per unit (its total per period), two to a row."""
    sheet = workbook.add_worksheet(_word("sheet_unit_charts"))
    count = len(trend.labels)
    for index, u in enumerate(trend.units):
        chart = workbook.add_chart({"type": "line"})
        chart.add_series(
            {
                "name": u.name,
                "categories": [DATA_SHEET, 0, _DATA_FIRST, 0, _DATA_FIRST + count - 1],
                "values": [DATA_SHEET, index + 1, _DATA_FIRST, index + 1, _DATA_FIRST + count - 1],
                "marker": {"type": "circle", "size": 6},
                "data_labels": {
                    "value": True,
                    "num_format": _points_format(trend),
                    "font": {"name": _FONT, "size": 9},
                },
            }
        )
        chart.set_title({"name": u.name, "name_font": {"name": _FONT, "size": 11}})
        chart.set_legend({"none": True})
        chart.set_x_axis({"num_font": {"name": _FONT, "size": 9}})
        chart.set_y_axis({"num_font": {"name": _FONT, "size": 9}})
        chart.set_size({"width": 440, "height": 240})
        sheet.insert_chart((index // 2) * 13, (index % 2) * 8, chart)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)


def _data_sheet(workbook: xlsxwriter.Workbook, trend: Trend, f: dict[str, Format]) -> None:
    """The figures the charts and the drop-down read: code, name, cluster, the totals and the
    ranks per period (hidden; a unit not ranked in a period has a blank)."""
    sheet = workbook.add_worksheet(DATA_SHEET)
    labels = trend.labels
    count = len(labels)
    titles = [_word("col_code"), _word("col_unit"), _word("col_cluster")]
    titles += list(labels) + [_word("rank_of", label=label) for label in labels]
    for col, text in enumerate(titles):
        sheet.write_string(0, col, text, f["label"])
    for row, u in enumerate(trend.units, start=1):
        sheet.write_string(row, 0, u.unit)
        sheet.write_string(row, 1, u.name)
        sheet.write_string(row, 2, u.cluster)
        for index, point in enumerate(u.points):
            if point is not None:
                sheet.write_number(
                    row, _DATA_FIRST + index, _number(point.total), f["plain_number"]
                )
                sheet.write_number(row, _DATA_FIRST + count + index, point.rank)
    sheet.hide()


def _files_sheet(workbook: xlsxwriter.Workbook, trend: Trend, f: dict[str, Format]) -> None:
    """The summaries used (period, file, campaign, level, units ranked, written, where the
    definition came from), then the files refused and the problems found inside."""
    sheet = workbook.add_worksheet(FILES_SHEET)
    titles = [
        _word("col_no"),
        _word("col_period"),
        _word("col_file"),
        _word("col_campaign"),
        _word("col_level"),
        _word("col_ranked"),
        _word("col_written"),
        _word("col_definition"),
    ]
    sheet.merge_range(0, 0, 0, len(titles) - 1, _word("files_title"), f["title"])
    _titles(sheet, 1, titles, f)
    row = 1
    for number, p in enumerate(trend.periods, start=1):
        row += 1
        written = p.generated_at.strftime("%d/%m/%Y %H:%M") if p.generated_at else ""
        source = _word("definition_carried") if p.from_definition else _word("definition_given")
        campaign = f"{p.campaign.info.campaign_id} — {p.campaign.info.title}"
        fit = [(p.path.name, 28), (campaign, 50), (p.level_name, 30), (source, 24)]
        sheet.set_row(row, _height(fit))
        cells = [
            p.label,
            p.path.name,
            campaign,
            p.level_name,
        ]
        sheet.write_number(row, 0, number, f["cell"])
        for col, text in enumerate(cells, start=1):
            sheet.write_string(row, col, text, f["text"])
        sheet.write_number(row, 5, len(p.ranking), f["cell"])
        sheet.write_string(row, 6, written, f["cell"])
        sheet.write_string(row, 7, source, f["text"])
    for key, issues in (("refused_title", trend.refused), ("issues_title", trend.issues)):
        if key == "issues_title" and not issues:
            continue
        row += 2
        sheet.merge_range(row, 0, row, len(titles) - 1, _word(key), f["bold_center"])
        row += 1
        sheet.set_row(row, 20)
        sheet.write_string(row, 0, _word("col_no"), f["th"])
        sheet.merge_range(row, 1, row, 2, _word("col_file"), f["th"])
        sheet.write_string(row, 3, _word("col_why"), f["th"])
        sheet.write_string(row, 4, _word("col_code_issue"), f["th"])
        if not issues:
            row += 1
            sheet.merge_range(row, 0, row, 4, _word("none"), f["italic"])
        for number, issue in enumerate(issues, start=1):
            row += 1
            name, why = Path(issue.file).name, issue.message("vi")
            sheet.set_row(row, _height([(name, 46), (why, 50), (issue.code, 30)]))
            sheet.write_number(row, 0, number, f["cell"])
            sheet.merge_range(row, 1, row, 2, name, f["text"])
            sheet.write_string(row, 3, why, f["text"])
            sheet.write_string(row, 4, issue.code, f["cell"])
    width = _columns(
        sheet,
        [
            (0, 0, 5),
            (1, 1, 18),
            (2, 2, 28),
            (3, 3, 50),
            (4, 4, 30),
            (5, 6, 14),
            (7, 7, 24),
        ],
    )
    title = _word("files_title")
    _print(sheet, 1, width=width, repeat=(0, 1), title=title)  # the period beside each file


def _metadata(workbook: xlsxwriter.Workbook, trend: Trend, stamp: datetime) -> None:
    """The hidden information: what the file is (a trend, never a unit's card or a summary)."""
    sheet = workbook.add_worksheet(META_SHEET)
    latest = trend.periods[-1]
    rows = [
        ("format_version", FORMAT_VERSION),
        ("kind", TREND_KIND),
        ("campaign_id", latest.campaign.info.campaign_id),
        ("issuer_code", latest.issuer),
        ("cluster", latest.cluster),
        ("periods", " | ".join(trend.labels)),
        ("generated_at", stamp.strftime("%Y-%m-%dT%H:%M:%SZ")),
        ("generator", f"thidua_xlsx {__version__}"),
    ]
    for row, (key, value) in enumerate(rows):
        sheet.write_string(row, 0, key)
        sheet.write_string(row, 1, value)
    sheet.very_hidden()
    sheet.protect("")
