"""Write the upper level's verification workbook with XlsxWriter (SPEC §4): one protected
sheet under a Decree-30 header listing each accepted unit's criteria with the self score, and
open (unlocked, tinted, validated) cells for the verified score and the reason; a guide sheet;
a very hidden metadata sheet with the workbook's own fingerprint. Print-ready A4.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from .._version import __version__
from ..core.cellref import cell_name
from ..core.verification import VERIFICATION_KIND, VerificationPlan, listing_fingerprint
from ..core.vi_text import format_decimal
from ..errors import OutputExistsError
from ..runtime.atomic import atomic_output, output_time
from ..runtime.output_guard import check_outputs
from ..scorecard.layout import FORMAT_VERSION, META_SHEET, period_metadata
from .layout import (
    COLUMN_TITLES,
    GUIDE_SHEET,
    HEADER_ROW,
    LAST_VCOL,
    LISTING_MARK,
    VCOL,
    VERIFICATION_SHEET,
    SheetLayout,
    plan_sheet,
)

__all__ = ["write_verification_workbook"]

_FONT = "Times New Roman"
_INPUT_TINT = "#FFF2CC"  # the scorecard's input tint
_WIDTHS = (13, 9, 52, 9, 10, 11, 10, 40)
REASON_MAX = 1000  # characters of a reason (validated)


def write_verification_workbook(
    path: str | Path,
    plan: VerificationPlan,
    generated_at: datetime | None = None,
    force: bool = False,
) -> Path:
    """Write ``plan`` to ``path`` atomically, never over one of the files it was read from,
    nor over an existing file (a verifier's typed scores) unless ``force``."""
    target = Path(path)
    check_outputs((f.path for f in plan.check.files), output_files=[target])
    if target.exists() and not force:
        raise OutputExistsError(str(target))
    stamp = generated_at or output_time()
    sheet_layout = plan_sheet(plan)
    with atomic_output(target) as temp:
        workbook = xlsxwriter.Workbook(
            str(temp), {"strings_to_formulas": False, "strings_to_numbers": False}
        )
        try:
            workbook.set_properties({"author": "thidua_xlsx", "created": stamp})
            formats = _formats(workbook)
            _verification_sheet(workbook, plan, sheet_layout, formats)
            _guide_sheet(workbook, formats)
            _metadata(workbook, plan, sheet_layout, stamp)
        finally:
            workbook.close()
    return target


def _formats(workbook: xlsxwriter.Workbook) -> dict[str, Format]:
    base = {"font_name": _FONT, "font_size": 12, "valign": "vcenter"}
    box = {**base, "border": 1}
    score = "0.00"
    unlocked = {"locked": False, "bg_color": _INPUT_TINT}
    return {
        "center": workbook.add_format({**base, "align": "center"}),
        "bold_center": workbook.add_format({**base, "align": "center", "bold": True}),
        "title": workbook.add_format({**base, "align": "center", "bold": True, "font_size": 14}),
        "italic": workbook.add_format({**base, "align": "center", "italic": True}),
        "motto2": workbook.add_format(
            {**base, "align": "center", "bold": True, "underline": 1, "font_size": 13}
        ),
        "issuer": workbook.add_format({**base, "align": "center", "bold": True, "underline": 1}),
        "th": workbook.add_format(
            {**box, "bold": True, "align": "center", "text_wrap": True, "bg_color": "#D9E1F2"}
        ),
        "unit": workbook.add_format({**box, "bold": True, "bg_color": "#EDEDED"}),
        "code": workbook.add_format({**box, "align": "center", "font_size": 11}),
        "text": workbook.add_format({**box, "text_wrap": True}),
        "number": workbook.add_format({**box, "align": "center", "num_format": score}),
        "input_number": workbook.add_format(
            {**box, "align": "center", "num_format": score, **unlocked}
        ),
        "input_text": workbook.add_format({**box, "text_wrap": True, **unlocked}),
        "warn": workbook.add_format({"bg_color": "#F4B183"}),
        "guide_title": workbook.add_format({**base, "bold": True, "font_size": 14}),
        "guide": workbook.add_format({**base, "text_wrap": True, "valign": "top"}),
    }


def _verification_sheet(
    workbook: xlsxwriter.Workbook,
    plan: VerificationPlan,
    layout: SheetLayout,
    f: dict[str, Format],
) -> None:
    sheet: Worksheet = workbook.add_worksheet(VERIFICATION_SHEET)
    for col, width in enumerate(_WIDTHS):
        sheet.set_column(col, col, width)
    _header(sheet, plan, f)
    for col, title in enumerate(COLUMN_TITLES):
        sheet.write_string(HEADER_ROW, col, title, f["th"])
    sheet.set_row(HEADER_ROW, 33)
    criteria = plan.campaign.leaf_map
    next_rows = iter(layout.rows)
    by_cap: dict[Decimal, list[str]] = {}  # one validation per maximum, over all its cells
    for heading_row, unit in layout.headings:
        late = " — nộp muộn" if unit.late else ""
        text = (
            f"{unit.unit.code} — {unit.unit.name} · tự chấm {format_decimal(unit.self_total)} "
            f"điểm · tệp {unit.file}{late}"
        )
        sheet.merge_range(heading_row, 0, heading_row, LAST_VCOL, text, f["unit"])
        for _ in unit.criteria:
            planned = next(next_rows)
            criterion = criteria[planned.criterion]
            row = planned.row
            sheet.write_string(row, VCOL["unit"], planned.unit, f["code"])
            sheet.write_string(row, VCOL["criterion"], planned.criterion, f["code"])
            sheet.write_string(row, VCOL["content"], criterion.content, f["text"])
            # Excel does not grow the rows of a file it did not lay out
            sheet.set_row(row, 15.0 * max(-(-len(criterion.content) // 70), 1) + 4)
            sheet.write_number(row, VCOL["max"], float(criterion.max_points), f["number"])
            sheet.write_number(row, VCOL["self"], float(planned.self_score), f["number"])
            sheet.write_blank(row, VCOL["verified"], None, f["input_number"])
            verified = cell_name(row, VCOL["verified"])
            own = cell_name(row, VCOL["self"])
            sheet.write_formula(
                row, VCOL["difference"], f'=IF({verified}="","",{verified}-{own})', f["number"], ""
            )
            sheet.write_blank(row, VCOL["reason"], None, f["input_text"])
            by_cap.setdefault(criterion.max_points, []).append(verified)
    for cap, cells in by_cap.items():
        shown = format_decimal(cap)
        sheet.data_validation(
            cells[0],
            {
                "validate": "decimal",
                "criteria": "between",
                "minimum": 0,
                "maximum": float(cap),
                "input_title": "Điểm thẩm định",
                "input_message": f"Nhập điểm thẩm định từ 0 đến {shown}. Để trống nếu giữ "
                "điểm tự chấm.",
                "error_title": "Điểm không hợp lệ",
                "error_message": f"Điểm thẩm định phải là số từ 0 đến {shown}.",
                "multi_range": " ".join(cells),
            },
        )
    if layout.rows:
        first, last = layout.rows[0].row, layout.rows[-1].row
        sheet.data_validation(
            first,
            VCOL["reason"],
            last,
            VCOL["reason"],
            {
                "validate": "length",
                "criteria": "<=",
                "value": REASON_MAX,
                "input_title": "Lý do thẩm định",
                "input_message": "Bắt buộc khi điểm thẩm định khác điểm tự chấm.",
                "error_title": "Lý do quá dài",
                "error_message": f"Lý do không quá {REASON_MAX} ký tự.",
            },
        )
        # a verified score that differs from the self score, with no reason yet
        top_verified = cell_name(first, VCOL["verified"])
        top_self = cell_name(first, VCOL["self"])
        top_reason = cell_name(first, VCOL["reason"])
        sheet.conditional_format(
            first,
            VCOL["reason"],
            last,
            VCOL["reason"],
            {
                "type": "formula",
                "criteria": f"=AND(ISNUMBER({_relative(top_verified)}),"
                f"{_relative(top_verified)}<>{_relative(top_self)},"
                f"LEN(TRIM({_relative(top_reason)}))=0)",
                "format": f["warn"],
            },
        )
    _signature(sheet, plan, f, layout.end + 1)
    sheet.freeze_panes(HEADER_ROW + 1, 2)
    sheet.set_paper(9)  # A4
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(HEADER_ROW)
    sheet.set_margins(left=1.18, right=0.59, top=0.79, bottom=0.79)
    sheet.set_footer('&C&"Times New Roman"&10Trang &P/&N')
    sheet.protect(
        "",
        {
            "select_locked_cells": True,
            "select_unlocked_cells": True,
            "format_columns": True,
            "format_rows": True,
        },
    )
    sheet.activate()


def _relative(ref: str) -> str:
    """``F10`` with its column fixed (``$F10``): the rule moves down the rows only."""
    letters = "".join(ch for ch in ref if ch.isalpha())
    return f"${letters}{ref[len(letters) :]}"


def _header(sheet: Worksheet, plan: VerificationPlan, f: dict[str, Format]) -> None:
    """Decree 30/2020/NĐ-CP: the bodies on the left, the national motto on the right."""
    info = plan.campaign.info
    heading = plan.campaign.heading(plan.parent.code if plan.parent else None)
    last = LAST_VCOL
    sheet.merge_range(0, 0, 0, 2, heading.superior.upper(), f["center"])
    sheet.merge_range(0, 3, 0, last, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", f["bold_center"])
    sheet.merge_range(1, 0, 1, 2, heading.issuer.upper(), f["issuer"])
    sheet.merge_range(1, 3, 1, last, "Độc lập - Tự do - Hạnh phúc", f["motto2"])
    place = heading.place or "……"
    sheet.merge_range(2, 3, 2, last, f"{place}, ngày …… tháng …… năm ……", f["italic"])
    sheet.merge_range(4, 0, 4, last, "BẢNG THẨM ĐỊNH ĐIỂM THI ĐUA", f["title"])
    title = f"{info.title} — {plan.cluster}" if plan.cluster else info.title
    sheet.merge_range(5, 0, 5, last, title, f["bold_center"])
    plan_line = f"(Theo Kế hoạch số {info.plan_number})" if info.plan_number else ""
    period = f" — {info.period}" if info.period else ""
    sheet.merge_range(6, 0, 6, last, plan_line + period, f["italic"])


def _signature(sheet: Worksheet, plan: VerificationPlan, f: dict[str, Format], row: int) -> None:
    issuer = plan.campaign.heading(plan.parent.code if plan.parent else None).issuer
    sheet.write_string(row, 2, "NGƯỜI THẨM ĐỊNH", f["bold_center"])
    sheet.merge_range(row, 4, row, LAST_VCOL, f"TM. {issuer.upper()}", f["bold_center"])
    sheet.write_string(row + 1, 2, "(Ký, ghi rõ họ tên)", f["italic"])
    sheet.merge_range(row + 1, 4, row + 1, LAST_VCOL, "(Ký tên, đóng dấu)", f["italic"])
    sheet.print_area(0, 0, row + 6, LAST_VCOL)


GUIDE_LINES = (
    "1. Bảng này do cấp trên lập bằng lệnh «thidua verify» để thẩm định điểm tự chấm của các "
    "đơn vị cấp dưới. Mỗi đơn vị có một dòng tiêu đề (mã, tên, tổng điểm tự chấm, tệp đã "
    "nộp), tiếp theo là các tiêu chí đơn vị đã chấm.",
    "2. Chỉ nhập vào hai cột tô màu: «Điểm thẩm định» (số từ 0 đến điểm tối đa của tiêu chí) "
    "và «Lý do thẩm định». Để trống «Điểm thẩm định» nếu giữ nguyên điểm tự chấm.",
    "3. Khi điểm thẩm định khác điểm tự chấm, bắt buộc ghi lý do; ô lý do còn trống sẽ hiện "
    "màu cam. Bảng thiếu lý do hoặc có điểm không hợp lệ sẽ không được áp dụng.",
    "4. Khi tổng hợp, dùng «thidua merge ĐỢT.xlsx THƯ_MỤC -o TONG-HOP.xlsx --verified "
    "TÊN_BẢNG_NÀY.xlsx». Điểm thẩm định thay điểm tự chấm của tiêu chí đó; tổng điểm, xếp "
    "hạng và xếp loại được tính lại. Trang «Thẩm định» của bảng tổng hợp ghi điểm tự chấm, "
    "điểm thẩm định, chênh lệch và lý do.",
    "5. Thời điểm nộp của đơn vị vẫn tính theo tệp đơn vị gửi: lưu bảng này không làm đơn vị "
    "thành nộp muộn. Không sửa phiếu của đơn vị.",
    "6. Cột «Điểm thẩm định» trên phiếu của đơn vị không được tính (đơn vị có thể tự sửa cột "
    "đó); chỉ bảng thẩm định này được tính.",
    "7. Không thêm, xóa hay sắp xếp lại các dòng, không đổi tên trang. Có thể lưu bằng Excel "
    "hoặc LibreOffice (.xlsx, .ods hoặc .xls).",
)


def _guide_sheet(workbook: xlsxwriter.Workbook, f: dict[str, Format]) -> None:
    sheet = workbook.add_worksheet(GUIDE_SHEET)
    sheet.set_column(0, 0, 110)
    sheet.write_string(0, 0, "HƯỚNG DẪN THẨM ĐỊNH", f["guide_title"])
    for row, line in enumerate(GUIDE_LINES, start=2):
        sheet.write_string(row, 0, line, f["guide"])
        sheet.set_row(row, 48)
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 1)
    sheet.protect("", {"select_locked_cells": True})


def _metadata(
    workbook: xlsxwriter.Workbook, plan: VerificationPlan, layout: SheetLayout, stamp: datetime
) -> None:
    sheet = workbook.add_worksheet(META_SHEET)
    campaign = plan.campaign
    rows = [
        ("format_version", FORMAT_VERSION),
        ("kind", VERIFICATION_KIND),
        ("campaign_id", campaign.info.campaign_id),
        ("fingerprint", campaign.fingerprint),
        ("verification_fingerprint", listing_fingerprint(campaign.fingerprint, layout.rows)),
        ("unit_code", plan.parent.code if plan.parent else ""),
        ("cluster", plan.cluster or ""),
        ("sheet", VERIFICATION_SHEET),
        ("generated_at", stamp.strftime("%Y-%m-%dT%H:%M:%SZ")),
        ("generator", f"thidua_xlsx {__version__}"),
        *period_metadata(campaign),
    ]
    for row, (key, value) in enumerate(rows):
        sheet.write_string(row, 0, key)
        sheet.write_string(row, 1, value)
    for row, planned in enumerate(layout.rows, start=len(rows)):
        for col, text in enumerate(
            (
                LISTING_MARK,
                str(planned.row + 1),
                planned.unit,
                planned.criterion,
                str(planned.self_score),
            )
        ):
            sheet.write_string(row, col, text)
    sheet.very_hidden()
    sheet.protect("")
