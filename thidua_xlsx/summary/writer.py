"""The ranked summary workbook (SPEC §7) with XlsxWriter: a ranking sheet under a Decree-30
header, the issues of every file, the units that sent nothing, and the metadata sheet.

``pandas.read_excel(path, sheet_name=RANKING_SHEET, header=RANKING_HEADER_ROW)`` gives a
clean table, one row per expected unit. Text from units' files is always written as text.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from .._version import __version__
from ..core.model import Heading, Method
from ..core.reports import RankReport
from ..core.results import FileResult
from ..core.submissions import SubmissionStatus
from ..core.vi_text import format_decimal, format_points
from ..rollup.codec import encode_row
from ..rollup.data_sheet import (
    DATA_CHECK_COL,
    DATA_CODES_COL,
    DATA_INPUTS_COL,
    DATA_LOWER_COL,
    DATA_LOWER_UNIT_COL,
    DATA_RETURNED_MARK,
    DATA_SHEET,
    DATA_STATUS_COL,
    DATA_TOTAL_COL,
    DATA_UNIT_MARK,
)
from ..rollup.definition import DEFINITION_KEY, DEFINITION_SHEET, encode_campaign
from ..runtime.atomic import atomic_output, output_time
from ..runtime.output_guard import check_outputs
from ..scorecard.layout import (
    FORMAT_VERSION,
    META_SHEET,
    input_cells,
    period_metadata,
)
from ..scorecard.layout import row_height as _row_height
from ..words.issues import Issue, Severity
from ..words.messages import render, word

__all__ = [
    "AWARD_HEADER_ROW",
    "AWARD_SHEET",
    "CHART_SHEET",
    "DETAIL_SHEET",
    "ISSUES_SHEET",
    "MISSING_SHEET",
    "PRINT_SHEET",
    "RANKING_HEADER_ROW",
    "RANKING_SHEET",
    "VERIFIED_SHEET",
    "write_summary",
]

RANKING_SHEET = "Xếp hạng"
PRINT_SHEET = "Bảng tổng hợp"  # the copy to print and sign: the ranking under its header
ISSUES_SHEET = "Lỗi từng tệp"
MISSING_SHEET = "Chưa nộp"
DETAIL_SHEET = "Chi tiết tiêu chí"
CHART_SHEET = "Biểu đồ"
AWARD_SHEET = "Đề nghị khen thưởng"
VERIFIED_SHEET = "Thẩm định"
RANKING_HEADER_ROW = 9  # 0-based row of the ranking table's column titles
_FONT = "Times New Roman"


def write_summary(
    path: str | Path, report: RankReport, generated_at: datetime | None = None
) -> None:
    """Write the summary workbook of ``report`` to ``path`` atomically; never over one of
    the files the report was read from."""
    check_outputs((f.path for f in report.check.files), output_files=[path])
    stamp = generated_at or output_time()
    with atomic_output(Path(path)) as temp:
        # constant_memory: each row is written out as soon as the next one starts, so a
        # country's summary (50,000 units) is not held in memory; every sheet is therefore
        # written strictly top to bottom (a cell above the current row would be dropped)
        workbook = xlsxwriter.Workbook(
            str(temp),
            {
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "constant_memory": True,
                # the workbook's own font is the papers' font: a column's width is counted in
                # its digits, so Excel and LibreOffice (without Calibri) print the same widths
                "default_format_properties": {"font_name": _FONT, "font_size": 12},
                "default_column_width": _DIGIT_PX * 8 + 8,
            },
        )
        try:
            workbook.set_properties({"author": "thidua_xlsx", "created": stamp})
            formats = _formats(workbook)
            _print_sheet(workbook, report, formats)
            _ranking_sheet(workbook, report, formats)
            _detail_sheet(workbook, report, formats)
            _chart_sheet(workbook, report)
            if report.campaign.award is not None:
                _award_sheet(workbook, report, formats)
            _verified_sheet(workbook, report, formats)
            _issues_sheet(workbook, report, formats)
            _missing_sheet(workbook, report, formats)
            _data_sheet(workbook, report)
            _definition_sheet(workbook, report)
            _metadata(workbook, report, stamp)
        finally:
            workbook.close()


def _formats(workbook: xlsxwriter.Workbook) -> dict[str, Format]:
    base = {"font_name": _FONT, "font_size": 12, "valign": "vcenter"}
    box = {**base, "border": 1}
    return {
        "center": workbook.add_format({**base, "align": "center"}),
        "bold_center": workbook.add_format({**base, "align": "center", "bold": True}),
        "title": workbook.add_format({**base, "align": "center", "bold": True, "font_size": 14}),
        "italic": workbook.add_format({**base, "align": "center", "italic": True}),
        "italic_wrap": workbook.add_format(
            {**base, "align": "center", "italic": True, "text_wrap": True}
        ),
        "motto2": workbook.add_format(
            {**base, "align": "center", "bold": True, "underline": 1, "font_size": 13}
        ),
        "issuer": workbook.add_format(
            {**base, "align": "center", "bold": True, "underline": 1, "text_wrap": True}
        ),
        "th": workbook.add_format(
            {**box, "bold": True, "align": "center", "text_wrap": True, "bg_color": "#D9E1F2"}
        ),
        "text": workbook.add_format({**box, "text_wrap": True}),
        "cell": workbook.add_format({**box, "align": "center"}),
        "cell_wrap": workbook.add_format({**box, "align": "center", "text_wrap": True}),
        "center_wrap": workbook.add_format({**base, "align": "center", "text_wrap": True}),
        "bold_center_wrap": workbook.add_format(
            {**base, "align": "center", "bold": True, "text_wrap": True}
        ),
        # scores on the papers to sign: text, so «183,89» whatever the machine's locale
        "points": workbook.add_format({**box, "align": "right"}),
        "points_total": workbook.add_format({**box, "align": "right", "bold": True}),
        "error_wrap": workbook.add_format(
            {**box, "bold": True, "font_color": "#9C0006", "text_wrap": True, "align": "center"}
        ),
        "number": workbook.add_format({**box, "align": "center", "num_format": "0.00"}),
        "total": workbook.add_format(
            {**box, "align": "center", "num_format": "0.00", "bold": True}
        ),
        "muted": workbook.add_format({**box, "font_color": "#7F7F7F", "italic": True}),
        "note": workbook.add_format({**box, "text_wrap": True, "font_size": 11}),
        "error": workbook.add_format({**box, "bold": True, "font_color": "#9C0006"}),
        "percent": workbook.add_format({**box, "align": "center", "num_format": "0%"}),
        "recipients_title": workbook.add_format({**base, "bold": True, "italic": True}),
        "recipients": workbook.add_format({**base, "font_size": 11}),
    }


# A4 landscape less the margins of _print (30 mm left, 15 mm right), in pixels at 96 dpi, a
# little kept back: the print copy's columns add up to this, so it prints at 100 % (12 pt)
_PRINT_WIDTH_PX = 935


_DIGIT_PX = 8  # a digit of Times New Roman 12 pt, in pixels at 96 dpi


def row_height(cells: Iterable[tuple[str, float]], font_size: float = 12) -> float:
    """A wrapped row's height in this workbook (its default font: Times New Roman 12 pt)."""
    return _row_height(cells, font_size, _DIGIT_PX)


def _px(width: float) -> int:
    """A column's width in pixels, as XlsxWriter and Excel count it."""
    return int(width * _DIGIT_PX + 0.5) + 5


def _merge(sheet: Worksheet, row: int, first: int, last: int, text: str, fmt: Format) -> None:
    """``text`` across columns ``first``..``last`` of one row (one column: just the cell)."""
    if last > first:
        sheet.merge_range(row, first, row, last, text, fmt)
    else:
        sheet.write_string(row, first, text, fmt)


def _decimals(report: RankReport) -> int:
    """The decimals a printed score shows: those of the campaign's rounding step."""
    exponent = report.campaign.rounding_step.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 2


def _heading(report: RankReport) -> Heading:
    return report.campaign.heading(report.parent.code if report.parent else None)


def _header(
    sheet: Worksheet,
    report: RankReport,
    f: dict[str, Format],
    left: tuple[int, float],
    last: int,
    right_width: float,
) -> list[float]:
    """Decree 30's heading (rows 0-2): the superior and issuing bodies and the *Số* line on
    the left (columns 0..``left[0]``, ``left[1]`` wide), the national motto and the place and
    date on the right (to ``last``)."""
    heading = _heading(report)
    left_last, left_width = left
    lines = [heading.superior.upper(), heading.issuer.upper(), "Số: ………………"]
    styles = ["center_wrap", "issuer", "center"]
    if not heading.superior:
        lines, styles = [*lines[1:], ""], [*styles[1:], "center"]
    right = [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "bold_center"),
        ("Độc lập - Tự do - Hạnh phúc", "motto2"),
        (f"{heading.place or '……'}, ngày …… tháng …… năm ……", "italic"),
    ]
    heights = []
    for row in range(3):
        heights.append(row_height([(lines[row], left_width * 0.92), (right[row][0], right_width)]))
        sheet.set_row(row, heights[-1])
        _merge(sheet, row, 0, left_last, lines[row], f[styles[row]])
        text, style = right[row]
        _merge(sheet, row, left_last + 1, last, text, f[style])
    return heights


def _titles(
    sheet: Worksheet, report: RankReport, f: dict[str, Format], last: int, width: float
) -> list[float]:
    """Rows 3-8: the summary's title, the campaign (and cluster), the plan, who sent; returns
    the rows' heights."""
    info = report.campaign.info
    title = f"{info.title} — {report.cluster}" if report.cluster else info.title
    plan = f"(Theo Kế hoạch số {info.plan_number})" if info.plan_number else ""
    period = report.campaign.period
    if period is not None:
        window = f" ({period.window})" if period.window else ""
        plan = " — ".join(p for p in (plan, f"Kỳ báo cáo: {period.name}{window}") if p)
    line = " ".join([report.summary_line(), *(n.message("vi") for n in report.notes)])
    # rows 3 and 8 stay empty, at the default height (a height set on an empty row is not
    # written in constant_memory mode)
    heights = [16, 22, row_height([(title, width)], 12.5), 17, row_height([(line, width)]), 16]
    for row, height in enumerate(heights[1:5], start=4):
        sheet.set_row(row, height)
    sheet.merge_range(4, 0, 4, last, "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA", f["title"])
    sheet.merge_range(5, 0, 5, last, title, f["bold_center_wrap"])
    sheet.merge_range(6, 0, 6, last, plan, f["italic"])
    sheet.merge_range(7, 0, 7, last, line, f["bold_center_wrap"])
    return heights


# the height a printed A4 landscape page gives the rows (margins of _print, a little kept back)
_PAGE_BODY_PT = 440.0


def _keep_signature_with_table(
    sheet: Worksheet, heights: list[float], header_row: int, signature: float
) -> None:
    """A page break so the signature block (``signature`` points, after the rows whose
    ``heights`` are given from row 0) never starts a page alone or is cut across two pages:
    when it does not fit under the last row, the last rows go over with it."""
    repeat = heights[header_row]
    used, page_rows = 0.0, 0
    for row, height in enumerate(heights):
        if used + height > _PAGE_BODY_PT and page_rows:
            used, page_rows = repeat, 0
        used += height
        page_rows += row > header_row
    if used + signature <= _PAGE_BODY_PT:
        return
    carried = min(3, page_rows, len(heights) - header_row - 2)
    if carried > 0:  # carried rows, moved to the next page together with the signature
        sheet.set_h_pagebreaks([len(heights) - carried])


def _order(report: RankReport) -> list[str]:
    """The ranked units in rank order, then the others in the campaign's order."""
    ranked = {r.unit for r in report.ranking}
    return [r.unit for r in report.ranking] + [
        u.unit for u in report.completeness.units if u.unit not in ranked
    ]


def _print_sheet(workbook: xlsxwriter.Workbook, report: RankReport, f: dict[str, Format]) -> None:
    """The copy to print and sign (the workbook's first sheet and its print area): what a
    signer reads — rank, unit, section points, total, band, status — at 12 pt on one A4
    landscape page width, the scores written as text the Vietnamese way (``183,89``) so no
    machine's regional settings change them, under Decree 30's heading and above its
    signature block. File names and notes are on *Xếp hạng*."""
    campaign = report.campaign
    sheet: Worksheet = workbook.add_worksheet(PRINT_SHEET)
    sections = [s.code for s in campaign.sections]
    order = _order(report)
    clustered = report.cluster is None and any(campaign.unit(c).cluster for c in order)
    places = _decimals(report)
    # a score column as wide as its longest score (``121,23``: 6 digits and a comma)
    longest = max(
        (len(format_points(c.total, places)) for c in map(report.card, order) if c), default=6
    )
    clusters = max((len(campaign.unit(c).cluster) for c in order), default=0)
    columns: list[tuple[str, float]] = [("STT", 4), ("Tên đơn vị", 0)]
    if clustered:
        columns.append(("Cụm thi đua", min(max(clusters + 1.0, 8), 15)))
    columns += [(code, max(longest * 0.8 + 1, 4.5)) for code in sections]
    columns += [("Tổng điểm", max(longest * 0.8 + 1.5, 7)), ("Hạng", 5)]
    if clustered:
        columns.append(("Hạng trong cụm", 6))
    columns += [("Xếp loại", 10.5), ("Tình trạng", 10.5)]
    fixed = sum(_px(width) for _, width in columns if width)
    name_width = min(40.0, max(16.0, (_PRINT_WIDTH_PX - fixed - 5) / _DIGIT_PX))
    widths = [width or name_width for _, width in columns]
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)
    last = len(columns) - 1
    left_last = 2 if clustered else 1
    left_width = sum(widths[: left_last + 1])
    total_width = sum(widths)
    heights = _header(sheet, report, f, (left_last, left_width), last, total_width - left_width)
    heights += _titles(sheet, report, f, last, total_width)
    heights.append(row_height([(t, w) for (t, _), w in zip(columns, widths, strict=True)]))
    sheet.set_row(RANKING_HEADER_ROW, heights[-1])
    for col, (title, _) in enumerate(columns):
        sheet.write_string(RANKING_HEADER_ROW, col, title, f["th"])
    ranked = {r.unit: r for r in report.ranking}
    by_unit = {u.unit: u for u in report.completeness.units}
    row = RANKING_HEADER_ROW + 1
    for index, code in enumerate(order, start=1):
        submission = by_unit[code]
        unit = campaign.unit(code)
        status = report.status_word(submission.status)
        card = submission.result.card if submission.result else None
        place = ranked.get(code)
        cells: list[tuple[str | int, str]] = [(index, "cell"), (unit.name, "text")]
        if clustered:
            cells.append((unit.cluster, "cell_wrap"))
        if place is not None and card is not None:
            cells += [(format_points(card.final_nodes[s], places), "points") for s in sections]
            cells += [(format_points(card.total, places), "points_total"), (place.rank, "cell")]
            if clustered:
                cells.append((place.cluster_rank or "", "cell"))
            cells.append((place.band, "cell"))
        else:
            cells += [("", "cell")] * (len(sections) + 3 + clustered)
        style = "error_wrap" if submission.status in _NOT_COUNTED_SENT else "cell_wrap"
        cells.append((status, style))
        wrapped = [(str(v), w) for (v, s), w in zip(cells, widths, strict=True) if s in _WRAPPED]
        heights.append(row_height(wrapped))
        sheet.set_row(row, heights[-1])
        for col, (value, style) in enumerate(cells):
            if isinstance(value, int):
                sheet.write_number(row, col, value, f[style])
            else:
                sheet.write_string(row, col, value, f[style])
        row += 1
    # columns that fit the page print at 100 % (fitting to the width, LibreOffice shrinks a
    # long page to its height as well); only too many sections are fitted to the width
    _print(sheet, RANKING_HEADER_ROW, fit=fixed + _px(name_width) > _PRINT_WIDTH_PX)
    end, signature = _signature(sheet, report, f, row + 1, (left_last, last, total_width))
    _keep_signature_with_table(sheet, heights, RANKING_HEADER_ROW, signature + 16)
    sheet.print_area(0, 0, end, last)
    sheet.activate()


_WRAPPED = ("text", "cell_wrap", "error_wrap")  # the print copy's styles that wrap


def _ranking_sheet(workbook: xlsxwriter.Workbook, report: RankReport, f: dict[str, Format]) -> None:
    """The ranking for the analyst: every unit with its scores as numbers, ranks, status, the
    file counted and the notes; the table ends the sheet (filters, ``pandas.read_excel``)."""
    campaign = report.campaign
    sheet: Worksheet = workbook.add_worksheet(RANKING_SHEET)
    sections = [s.code for s in campaign.sections]
    titles = [
        "STT",
        "Mã đơn vị",
        "Tên đơn vị",
        "Cụm thi đua",
        *sections,
        "Tổng điểm",
        "Hạng",
        "Hạng trong cụm",
        "Xếp loại",
        "Tình trạng",
        "Tệp",
        "Ghi chú",
    ]
    last = len(titles) - 1
    widths = [5, 14, 34, 16, *([8] * len(sections)), 10, 7, 9, 12, 12, 30, 48]
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)
    _header(sheet, report, f, (3, sum(widths[:4])), last, sum(widths[4:]))
    _titles(sheet, report, f, last, sum(widths))
    for col, title in enumerate(titles):
        sheet.write_string(RANKING_HEADER_ROW, col, title, f["th"])
    sheet.set_row(RANKING_HEADER_ROW, 33)
    row = RANKING_HEADER_ROW + 1
    ranked = {r.unit: r for r in report.ranking}
    by_unit = {u.unit: u for u in report.completeness.units}
    for index, code in enumerate(_order(report), start=1):
        submission = by_unit[code]
        unit = campaign.unit(code)
        file_name = submission.result.name if submission.result else ""
        note = _note(report, code)
        status = report.status_word(submission.status)
        tall = [(unit.name, 34), (file_name, 30), (status, 12), (unit.cluster, 16)]
        sheet.set_row(row, max(row_height(tall), row_height([(note, 48)], 11)))
        sheet.write_number(row, 0, index, f["cell"])
        sheet.write_string(row, 1, unit.code, f["cell"])
        sheet.write_string(row, 2, unit.name, f["text"])
        sheet.write_string(row, 3, unit.cluster, f["cell_wrap"])
        card = submission.result.card if submission.result else None
        counted = code in ranked
        for offset, section in enumerate(sections):
            col = 4 + offset
            if counted and card is not None:
                sheet.write_number(row, col, float(card.final_nodes[section]), f["number"])
            else:
                sheet.write_blank(row, col, None, f["number"])
        col = 4 + len(sections)
        if counted and card is not None:
            place = ranked[code]
            sheet.write_number(row, col, float(card.total), f["total"])
            sheet.write_number(row, col + 1, place.rank, f["cell"])
            if place.cluster_rank is not None:
                sheet.write_number(row, col + 2, place.cluster_rank, f["cell"])
            else:
                sheet.write_blank(row, col + 2, None, f["cell"])
            sheet.write_string(row, col + 3, place.band, f["cell"])
        else:
            for extra in range(4):
                sheet.write_blank(row, col + extra, None, f["cell"])
        status_style = "error_wrap" if submission.status in _NOT_COUNTED_SENT else "cell_wrap"
        sheet.write_string(row, col + 4, status, f[status_style])
        sheet.write_string(row, col + 5, file_name, f["text"])
        sheet.write_string(row, col + 6, note, f["note"])
        row += 1
    _print(sheet, RANKING_HEADER_ROW)
    # the table ends the sheet, so pandas.read_excel(header=RANKING_HEADER_ROW) reads it clean
    sheet.freeze_panes(RANKING_HEADER_ROW + 1, 3)
    sheet.autofilter(RANKING_HEADER_ROW, 0, max(row - 1, RANKING_HEADER_ROW), last)


_ROOM_TO_SIGN = 3  # empty rows between the title line and the signer's name (about 2.5 cm)


def _signature(
    sheet: Worksheet,
    report: RankReport,
    f: dict[str, Format],
    row: int,
    columns: tuple[int, int, float],
) -> tuple[int, float]:
    """Decree 30's closing from ``row``: the recipients on the left (columns 0..``left``),
    who prepared it in the middle, and on the right *TM.* the issuing body, the signer's
    title, room to sign and seal, the signer's full name (dotted lines when the campaign does
    not say). Returns the last row written and the block's height in points."""
    left, last, width = columns
    heading = _heading(report)
    middle = left + 1 + (last - left) // 2
    recipients = [f"- {heading.superior};" if heading.superior else "", "- Lưu: VT."]
    listed = [r for r in recipients if r]
    title = heading.signer_title.upper() or "………………………"
    name = heading.signer_name or "………………………"
    rows: list[tuple[str, str, str, str]] = [  # left, middle, right, right's style
        ("Nơi nhận:", "NGƯỜI LẬP BIỂU", f"TM. {heading.issuer.upper()}", "bold_center_wrap"),
        (listed[0], "(Ký, ghi rõ họ tên)", title, "bold_center"),
        (listed[1] if len(listed) > 1 else "", "", "(Ký tên, đóng dấu)", "italic"),
        *([("", "", "", "center")] * _ROOM_TO_SIGN),
        ("", "", name, "bold_center"),
    ]
    right_width = width * (last - middle + 1) / (last + 1)
    heights = [row_height([(rows[0][2], right_width)]), 17, 17, *[24] * _ROOM_TO_SIGN, 17]
    for offset, (left_text, middle_text, right_text, style) in enumerate(rows):
        at = row + offset
        sheet.set_row(at, heights[offset])
        left_style = "recipients_title" if offset == 0 else "recipients"
        _merge(sheet, at, 0, left, left_text, f[left_style])
        middle_style = "bold_center" if offset == 0 else "italic"
        _merge(sheet, at, left + 1, middle - 1, middle_text, f[middle_style])
        _merge(sheet, at, middle, last, right_text, f[style])
    return row + len(rows) - 1, sum(heights)


MAX_DETAIL_UNITS = 16_000  # unit columns per detail sheet (Excel has 16,384 columns)


def _detail_sheet(workbook: xlsxwriter.Workbook, report: RankReport, f: dict[str, Format]) -> None:
    """Criterion × unit: every node's final score for every ranked unit, in rank order; more
    than 16,000 units go on over more sheets (Chi tiết tiêu chí (2), …)."""
    campaign = report.campaign
    units = [r.unit for r in report.ranking]
    codes = [c.code for c in campaign.criteria]
    for part, start in enumerate(range(0, max(len(units), 1), MAX_DETAIL_UNITS), start=1):
        chunk = units[start : start + MAX_DETAIL_UNITS]
        sheet = workbook.add_worksheet(DETAIL_SHEET if part == 1 else f"{DETAIL_SHEET} ({part})")
        sheet.set_column(0, 0, 9)
        sheet.set_column(1, 1, 48)
        sheet.set_column(2, 2, 8)
        sheet.set_column(3, 3 + len(chunk), 11)
        for col, title in enumerate(["Mã", "Nội dung tiêu chí", "Tối đa", *chunk]):
            sheet.write_string(0, col, title, f["th"])
        cards = [report.card(code) for code in chunk]
        # each unit's scores in the criteria's order, worked out once: 2.3M cells for a country
        scores = [
            [float(v) for v in map(card.final_nodes.__getitem__, codes)] if card else None
            for card in cards
        ]
        write_number = sheet.write_number
        for index, criterion in enumerate(campaign.criteria):
            row = index + 1
            style = f["total"] if not criterion.is_leaf else f["number"]
            sheet.set_row(row, row_height([(criterion.content, 48)]))
            sheet.write_string(row, 0, criterion.code, f["cell"])
            sheet.write_string(row, 1, criterion.content, f["text"])
            sheet.write_number(row, 2, float(criterion.max_points), f["cell"])
            for col, unit_scores in enumerate(scores, start=3):
                if unit_scores is not None:
                    write_number(row, col, unit_scores[index], style)
        total_row = len(campaign.criteria) + 1
        sheet.write_string(total_row, 1, "TỔNG ĐIỂM", f["th"])
        for col, card in enumerate(cards, start=3):
            if card is not None:
                sheet.write_number(total_row, col, float(card.total), f["total"])
        sheet.freeze_panes(1, 3)
        _print(sheet, 0)


def _chart_sheet(workbook: xlsxwriter.Workbook, report: RankReport) -> None:
    """A bar chart of the ranked units' totals, best first."""
    if not report.ranking:
        return
    sheet = workbook.add_worksheet(CHART_SHEET)
    sheet.write_string(0, 0, "Đơn vị")
    sheet.write_string(0, 1, "Tổng điểm")
    for row, ranked in enumerate(report.ranking, start=1):
        sheet.write_string(row, 0, ranked.name)
        sheet.write_number(row, 1, float(ranked.total))
    count = len(report.ranking)
    chart = workbook.add_chart({"type": "bar"})
    chart.add_series(
        {
            "name": "Tổng điểm",
            "categories": [CHART_SHEET, 1, 0, count, 0],
            "values": [CHART_SHEET, 1, 1, count, 1],
            "data_labels": {"value": True},
            "fill": {"color": "#4472C4"},
        }
    )
    chart.set_title({"name": "Tổng điểm thi đua", "name_font": {"name": _FONT, "size": 14}})
    chart.set_y_axis({"reverse": True, "num_font": {"name": _FONT}})
    chart.set_x_axis(
        {"min": 0, "max": float(report.campaign.total_cap), "num_font": {"name": _FONT}}
    )
    chart.set_legend({"none": True})
    chart.set_size({"width": 900, "height": max(320, 26 * count + 120)})
    sheet.insert_chart(0, 3, chart)
    sheet.set_column(0, 0, 34)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 1)


AWARD_HEADER_ROW = 8  # 0-based row of the award list's column titles


def _award_sheet(workbook: xlsxwriter.Workbook, report: RankReport, f: dict[str, Format]) -> None:
    """The campaign's award rule applied, as the list attached to the *tờ trình*: Decree 30's
    heading, the list of who is proposed and the signature block (the print area); below it,
    each unit's % targets met, for the office."""
    campaign = report.campaign
    award = campaign.award
    assert award is not None
    sheet = workbook.add_worksheet(AWARD_SHEET)
    bands = [b.label for b in campaign.bands]
    allowed = bands[: bands.index(award.min_band) + 1] if award.min_band in bands else bands
    proposed = [
        r
        for r in report.ranking
        if (award.top_n is None or r.rank <= award.top_n) and (not bands or r.band in allowed)
    ]
    rule = [award.title]
    if award.top_n:
        rule.append(f"{award.top_n} đơn vị đứng đầu")
    if award.min_band:
        rule.append(f"xếp loại {award.min_band} trở lên")
    titles = ["STT", "Mã đơn vị", "Tên đơn vị", "Tổng điểm", "Hạng", "Xếp loại", "Hình thức"]
    code = min(max((len(r.unit) * 1.4 + 1 for r in proposed), default=10), 20)
    widths = [5, code, 46 - code, 10, 7, 11, 32]  # A4 landscape's width at 100 %
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)
    total = sum(widths)
    heights = _header(sheet, report, f, (2, sum(widths[:3])), 6, sum(widths[3:]))
    heading = _heading(report)
    said = " — ".join(rule)
    reference = (
        f"(Kèm theo Tờ trình số ……/TTr-…… ngày …… tháng …… năm …… của {heading.issuer or '……'})"
    )
    heights += [16, 22, row_height([(said, total)]), row_height([(reference, total)]), 16]
    heights.append(row_height(list(zip(titles, widths, strict=True))))
    for at in (4, 5, 6, AWARD_HEADER_ROW):
        sheet.set_row(at, heights[at])
    sheet.merge_range(4, 0, 4, 6, "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", f["title"])
    sheet.merge_range(5, 0, 5, 6, said, f["bold_center_wrap"])
    sheet.merge_range(6, 0, 6, 6, reference, f["italic_wrap"])
    for col, title in enumerate(titles):
        sheet.write_string(AWARD_HEADER_ROW, col, title, f["th"])
    places = _decimals(report)
    row = AWARD_HEADER_ROW + 1
    for index, ranked in enumerate(proposed, start=1):
        heights.append(row_height([(ranked.name, widths[2]), (award.title, widths[6])]))
        sheet.set_row(row, heights[-1])
        sheet.write_number(row, 0, index, f["cell"])
        sheet.write_string(row, 1, ranked.unit, f["cell"])
        sheet.write_string(row, 2, ranked.name, f["text"])
        sheet.write_string(row, 3, format_points(ranked.total, places), f["points_total"])
        sheet.write_number(row, 4, ranked.rank, f["cell"])
        sheet.write_string(row, 5, ranked.band, f["cell"])
        sheet.write_string(row, 6, award.title, f["text"])
        row += 1
    if not proposed:
        sheet.merge_range(row, 0, row, 6, "Không có đơn vị đạt điều kiện đề nghị.", f["italic"])
        heights.append(16)
        row += 1
    _print(sheet, AWARD_HEADER_ROW)
    end, signature = _signature(sheet, report, f, row + 1, (2, 6, total))
    _keep_signature_with_table(sheet, heights, AWARD_HEADER_ROW, signature + 16)
    sheet.print_area(0, 0, end, 6)
    _targets_table(sheet, report, f, start=end + 3)


def _targets_table(sheet: Worksheet, report: RankReport, f: dict[str, Format], start: int) -> None:
    """Completion of every % target criterion, per ranked unit (result ÷ target, capped 100%)."""
    campaign = report.campaign
    targets = [c for c in campaign.leaves if c.method is Method.TY_LE]
    if not targets:
        return
    sheet.merge_range(start, 0, start, 6, "MỨC HOÀN THÀNH CHỈ TIÊU (%)", f["bold_center"])
    head = start + 1
    sheet.write_string(head, 1, "Mã đơn vị", f["th"])
    sheet.write_string(head, 2, "Tên đơn vị", f["th"])
    for col, criterion in enumerate(targets, start=3):
        sheet.write_string(head, col, criterion.code, f["th"])
    percent = f["percent"]
    for row, ranked in enumerate(report.ranking, start=head + 1):
        sheet.write_string(row, 1, ranked.unit, f["cell"])
        sheet.write_string(row, 2, ranked.name, f["text"])
        submission = report.submission(ranked.unit)
        inputs = submission.result.inputs if submission and submission.result else {}
        for col, criterion in enumerate(targets, start=3):
            raw = inputs.get(criterion.code)
            goal = (
                criterion.target if criterion.target is not None else (raw.target if raw else None)
            )
            if raw is None or raw.amount is None or goal is None or goal <= 0:
                sheet.write_blank(row, col, None, percent)
                continue
            sheet.write_number(row, col, float(min(raw.amount / goal, Decimal(1))), percent)


# units that sent a file that does not count: rejected, blank, or rejected at the level below
_NOT_COUNTED_SENT = (
    SubmissionStatus.REJECTED,
    SubmissionStatus.BLANK,
    SubmissionStatus.REJECTED_BELOW,
)


def _below(result: FileResult) -> Issue | None:
    """Why a unit was rejected at the level below (its ``unit_rejected_below`` issue)."""
    return next((i for i in result.issues if i.code == "unit_rejected_below"), None)


_TOTAL_DIFFERS = ("card_total_differs", "cached_total_mismatch")


def _note(report: RankReport, code: str) -> str:
    submission = report.submission(code)
    assert submission is not None  # the summary lists the expected units
    notes = []
    ranked = report.place(code)
    if ranked is not None and ranked.tied:
        notes.append("đồng hạng")
    card = submission.result.card if submission.result else None
    if ranked is not None and card is not None and card.total != card.self_total:
        notes.append(
            f"thẩm định {format_decimal(card.total)} (tự chấm {format_decimal(card.self_total)})"
        )
    if ranked is not None and submission.result is not None:
        # the card the unit signed shows another total than the one ranked: both, and why
        notes.extend(
            issue.message("vi")
            for issue in submission.result.issues
            if issue.code in _TOTAL_DIFFERS
        )
    if submission.superseded:
        names = ", ".join(f.name for f in submission.superseded)
        notes.append(f"thay thế tệp cũ: {names}")
    if submission.status is SubmissionStatus.REJECTED and submission.result is not None:
        errors = sum(1 for i in submission.result.issues if i.severity is Severity.ERROR)
        notes.append(f"{errors} lỗi, xem trang «{ISSUES_SHEET}»")
    if submission.status is SubmissionStatus.BLANK:
        notes.append(render("summary.note_blank", "vi", sheet=ISSUES_SHEET))
    below = _below(submission.result) if submission.result is not None else None
    if below is not None:
        said = below.params
        notes.append(
            render(
                "summary.note_below",
                "vi",
                status=said["status"],
                lower=said["lower"],
                lower_unit=said["lower_unit"],
                codes=said["codes"],
            )
        )
    return "; ".join(notes)


def _verified_sheet(
    workbook: xlsxwriter.Workbook, report: RankReport, f: dict[str, Format]
) -> None:
    """Every criterion the upper level verified in its own workbook (``merge --verified``):
    the unit's self score, the verified score that counts, the difference and the reason.
    Nothing a unit's own file holds in its verification column is shown here."""
    leaves = report.campaign.leaf_map
    order = {code: index for index, code in enumerate(leaves)}
    rows = [
        (ranked, leaves[code], card.self_nodes[code], card.final_nodes[code], score)
        for ranked in report.ranking
        if (scores := report.verified.get(ranked.unit))
        and (card := report.card(ranked.unit)) is not None
        for code, score in sorted(scores.items(), key=lambda item: order[item[0]])
    ]
    if not rows:
        return
    sheet = workbook.add_worksheet(VERIFIED_SHEET)
    titles = [
        "Mã đơn vị",
        "Tên đơn vị",
        "Tiêu chí",
        "Tự chấm",
        "Thẩm định",
        "Chênh lệch",
        "Lý do",
        "Bảng thẩm định",
    ]
    widths = [14, 34, 10, 10, 10, 11, 44, 26]
    for col, (title, width) in enumerate(zip(titles, widths, strict=True)):
        sheet.set_column(col, col, width)
        sheet.write_string(0, col, title, f["th"])
    for row, (ranked, criterion, own, final, score) in enumerate(rows, start=1):
        tall = [(ranked.name, 34), (score.reason, 44), (score.source, 26)]
        sheet.set_row(row, row_height(tall))
        sheet.write_string(row, 0, ranked.unit, f["cell"])
        sheet.write_string(row, 1, ranked.name, f["text"])
        sheet.write_string(row, 2, criterion.code, f["cell"])
        for col, value in enumerate((own, final, final - own), start=3):
            sheet.write_number(row, col, float(value), f["number"])
        sheet.write_string(row, 6, score.reason, f["text"])
        sheet.write_string(row, 7, score.source, f["text"])
    sheet.freeze_panes(1, 0)
    _print(sheet, 0)


def _issues_sheet(workbook: xlsxwriter.Workbook, report: RankReport, f: dict[str, Format]) -> None:
    sheet = workbook.add_worksheet(ISSUES_SHEET)
    titles = ["Tệp", "Đơn vị", "Ô", "Tiêu chí", "Mức độ", "Nội dung", "Mã lỗi"]
    for col, (title, width) in enumerate(zip(titles, _ISSUE_WIDTHS, strict=True)):
        sheet.set_column(col, col, width)
        sheet.write_string(0, col, title, f["th"])
    row = 1
    for result in (f for top in report.check.files for f in top.with_members()):
        for issue in result.issues:
            is_error = issue.severity is Severity.ERROR
            cells = [
                result.name,
                result.unit or "",
                issue.cell,
                issue.criterion,
                word("issue_sheet_severity", issue.severity.value, "vi"),
                issue.message("vi"),
                issue.code,
            ]
            _issue_row(sheet, row, cells, is_error, f)
            row += 1
    for verification in report.verification:  # the upper level's verification workbooks
        for issue in verification.issues:
            is_error = issue.severity is Severity.ERROR
            cells = [
                verification.path.name,
                "",
                issue.cell,
                issue.criterion,
                word("issue_sheet_severity", issue.severity.value, "vi"),
                issue.message("vi"),
                issue.code,
            ]
            _issue_row(sheet, row, cells, is_error, f)
            row += 1
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(row - 1, 0), len(titles) - 1)
    _print(sheet, 0)


_ISSUE_WIDTHS = (30, 14, 7, 9, 10, 80, 24)


def _issue_row(
    sheet: Worksheet, row: int, cells: list[str], is_error: bool, f: dict[str, Format]
) -> None:
    """One issue, its row as tall as its longest text wrapped."""
    sheet.set_row(row, row_height(list(zip(cells, _ISSUE_WIDTHS, strict=True))))
    for col, text in enumerate(cells):
        sheet.write_string(row, col, text, f["error"] if is_error and col == 4 else f["text"])


def _missing_sheet(workbook: xlsxwriter.Workbook, report: RankReport, f: dict[str, Format]) -> None:
    """The units with no card counted that is theirs: those that sent nothing, an empty card,
    or were rejected at the level below; each with its status (rejected cards are on the
    ranking with their errors)."""
    sheet = workbook.add_worksheet(MISSING_SHEET)
    status_title = render("summary.status_column", "vi")
    for col, (title, width) in enumerate(
        zip(["Mã đơn vị", "Tên đơn vị", "Cụm thi đua", status_title], [14, 40, 18, 22], strict=True)
    ):
        sheet.set_column(col, col, width)
        sheet.write_string(0, col, title, f["th"])
    listed = (SubmissionStatus.MISSING, SubmissionStatus.BLANK, SubmissionStatus.REJECTED_BELOW)
    shown = [u for u in report.completeness.units if u.status in listed]
    for row, submission in enumerate(shown, start=1):
        unit = report.campaign.unit(submission.unit)
        status = report.status_word(submission.status)
        cells = [unit.code, unit.name, unit.cluster, status]
        sheet.set_row(row, row_height(list(zip(cells, (14, 40, 18, 22), strict=True))))
        for col, text in enumerate(cells):
            sheet.write_string(row, col, text, f["text"])
    _print(sheet, 0)


def _print(sheet: Worksheet, header_row: int, fit: bool = True) -> None:
    """A4 landscape, Decree 30's margins, the header row on every page, page numbers; ``fit``:
    scaled to the page's width."""
    sheet.set_paper(9)
    sheet.set_landscape()
    if fit:
        sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(header_row)
    sheet.set_margins(left=1.18, right=0.59, top=0.79, bottom=0.79)
    sheet.set_footer('&C&"Times New Roman"&10Trang &P/&N')


MAX_DATA_ROWS = 1_048_000  # rows per data sheet (Excel has 1,048,576); then another sheet


def _data_sheet(workbook: xlsxwriter.Workbook, report: RankReport) -> None:
    """The inputs of every ranked unit, so the next level reads this summary back and scores
    the units again (very hidden, protected): one row per unit, its entered inputs as text
    (:mod:`thidua_xlsx.rollup.data_sheet`); then one row per unit whose file was not counted
    (rejected, blank, or rejected further below), so the next level shows it as rejected
    below, not missing; a very large summary goes on over more data sheets."""
    campaign = report.campaign
    sheets: list[Worksheet] = []
    row = MAX_DATA_ROWS
    for submission in report.completeness.counted:
        result = submission.result
        if result is None or result.card is None:
            continue
        entered: dict[str, dict[str, object]] = {}
        for code, raw in result.inputs.items():  # in the card's order
            # the unit's own entries only: a verification counts at the level that made it
            cells: dict[str, object] = dict(input_cells(campaign.criterion(code), raw))
            if cells:
                entered[code] = cells
        if row >= MAX_DATA_ROWS:
            name = DATA_SHEET if not sheets else f"{DATA_SHEET}_{len(sheets) + 1}"
            sheets.append(workbook.add_worksheet(name))
            row = 0
        sheet = sheets[-1]
        saved = result.saved_at.strftime("%Y-%m-%dT%H:%M:%SZ") if result.saved_at else ""
        source = result.source or result.path.name
        head = [DATA_UNIT_MARK, submission.unit, campaign.unit(submission.unit).name]
        for col, text in enumerate([*head, result.card_kind, saved, source]):
            sheet.write_string(row, col, text)
        sheet.write_number(row, DATA_TOTAL_COL, float(result.card.self_total))
        check, chunks = encode_row(submission.unit, entered)
        sheet.write_string(row, DATA_CHECK_COL, check)
        for col, chunk in enumerate(chunks, start=DATA_INPUTS_COL):
            if sheet.write_string(row, col, chunk) != 0:  # XlsxWriter cuts, and only says so
                raise RuntimeError(f"{submission.unit}: data cell {col} not written whole")
        row += 1
    for submission in report.completeness.units:
        if submission.status not in _NOT_COUNTED_SENT or submission.result is None:
            continue
        if row >= MAX_DATA_ROWS:
            name = DATA_SHEET if not sheets else f"{DATA_SHEET}_{len(sheets) + 1}"
            sheets.append(workbook.add_worksheet(name))
            row = 0
        _returned_row(sheets[-1], row, report, submission.unit, submission.result)
        row += 1
    for sheet in sheets:
        sheet.very_hidden()
        sheet.protect("")


def _returned_row(
    sheet: Worksheet, row: int, report: RankReport, code: str, result: FileResult
) -> None:
    """A unit whose file this level did not count (see :mod:`thidua_xlsx.rollup.data_sheet`):
    the level above shows it as rejected below, naming where, never as missing."""
    saved = result.saved_at.strftime("%Y-%m-%dT%H:%M:%SZ") if result.saved_at else ""
    below = _below(result)
    if below is not None:  # rejected further below: said as it was said there
        params = below.params
        status, codes = params["status"], params["codes"]
        lower, lower_unit = params["lower"], params["lower_unit"]
    else:
        status = "blank" if result.is_blank else "rejected"
        errors = [i.code for i in result.issues if i.severity is Severity.ERROR]
        codes, lower, lower_unit = ", ".join(dict.fromkeys(errors)), "", ""
    cells = {
        0: DATA_RETURNED_MARK,
        1: code,
        2: report.campaign.unit(code).name,
        3: result.card_kind,
        4: saved,
        5: result.source or result.path.name,
        DATA_STATUS_COL: status,
        DATA_CODES_COL: codes,
        DATA_LOWER_COL: lower,
        DATA_LOWER_UNIT_COL: lower_unit,
    }
    for col, text in sorted(cells.items()):
        sheet.write_string(row, col, text)


def _definition_sheet(workbook: xlsxwriter.Workbook, report: RankReport) -> None:
    """The campaign's scoring definition (very hidden, protected), so the summary is scored
    again without the campaign workbook (``thidua trend``; :mod:`thidua_xlsx.rollup.definition`):
    its JSON text down column A."""
    sheet = workbook.add_worksheet(DEFINITION_SHEET)
    issuer = report.parent.code if report.parent else None
    for row, chunk in enumerate(encode_campaign(report.campaign, issuer)):
        if sheet.write_string(row, 0, chunk) != 0:  # XlsxWriter cuts, and only says so
            raise RuntimeError(f"{DEFINITION_SHEET}: cell {row} not written whole")
    sheet.very_hidden()
    sheet.protect("")


def _metadata(workbook: xlsxwriter.Workbook, report: RankReport, stamp: datetime) -> None:
    sheet = workbook.add_worksheet(META_SHEET)
    rows = [
        ("format_version", FORMAT_VERSION),
        ("kind", "summary"),
        ("campaign_id", report.campaign.info.campaign_id),
        ("fingerprint", report.campaign.fingerprint),
        ("unit_code", report.parent.code if report.parent else ""),
        ("unit_name", report.parent.name if report.parent else ""),
        ("generated_at", stamp.strftime("%Y-%m-%dT%H:%M:%SZ")),
        ("generator", f"thidua_xlsx {__version__}"),
        ("ranking_header_row", str(RANKING_HEADER_ROW + 1)),
        ("cluster", report.cluster or ""),
        ("data_sheet", DATA_SHEET),
    ]
    rows += period_metadata(report.campaign)
    rows.append((DEFINITION_KEY, DEFINITION_SHEET))
    for row, (key, value) in enumerate(rows):
        sheet.write_string(row, 0, key)
        sheet.write_string(row, 1, value)
    sheet.very_hidden()
    sheet.protect("")
