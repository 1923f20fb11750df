"""Write a campaign workbook (SPEC §3) with XlsxWriter: the blank one of ``thidua init`` and
the ready-made seed campaigns. Rows are written as a person would type them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import xlsxwriter

from ..errors import OutputExistsError
from ..runtime.atomic import atomic_output
from .format import (
    BAND_COLUMNS,
    COMPOSE_WORDS,
    COUNCIL_KEYS,
    CRITERIA_COLUMNS,
    MEMBER_COLUMNS,
    SHEET_BANDS,
    SHEET_COUNCIL,
    SHEET_CRITERIA,
    SHEET_GUIDE,
    SHEET_INFO,
    SHEET_UNITS,
    TITLE_COLUMNS,
    UNIT_COLUMNS,
    Column,
)

__all__ = [
    "CampaignSheets",
    "blank_campaign_sheets",
    "init_campaign_workbook",
    "write_campaign_workbook",
]

Cell = str | int | float | Decimal | date | None

METHOD_CHOICES = ("diem", "dat", "ty_le", "so_luong", "thuong", "tru")

_WIDTHS = {
    "code": 9,
    "content": 60,
    "max": 11,
    "method": 14,
    "target": 10,
    "per_unit": 11,
    "evidence": 11,
    "sectors": 18,
    "compose": 14,
    "guidance": 50,
    "cumulative": 11,
    "min": 10,
    "label": 18,
    "name": 40,
    "level": 14,
    "parent": 18,
    "cluster": 18,
    "place": 16,
}


@dataclass
class CampaignSheets:
    """The content of a campaign workbook, row by row, as typed (text, numbers or dates)."""

    info: list[tuple[str, Cell]]
    criteria: list[Sequence[Cell]]
    bands: list[Sequence[Cell]]
    units: list[Sequence[Cell]]
    guide: list[str] = field(default_factory=list)
    council: Council | None = None


@dataclass
class Council:
    """The *Hội đồng* sheet as typed: its rules (label, value), its members (name, role,
    position) and its titles (title, share, quota)."""

    heading: str
    rules: list[tuple[str, Cell]]
    members: list[Sequence[Cell]]
    titles: list[Sequence[Cell]]


COUNCIL_ROLES = ("Chủ tịch", "Phó Chủ tịch", "Ủy viên", "Ủy viên - Thư ký", "Thư ký")


def write_campaign_workbook(
    path: Path, sheets: CampaignSheets, created: datetime | None = None
) -> None:
    """Write ``sheets`` to ``path`` atomically (temporary file, then rename); ``created``: the
    time stamp the workbook carries (now when not given)."""
    with atomic_output(path) as temp:
        workbook = xlsxwriter.Workbook(str(temp), {"strings_to_formulas": False})
        try:
            if created is not None:
                workbook.set_properties({"created": created})
            _write(workbook, sheets)
        finally:
            workbook.close()


def init_campaign_workbook(path: str | Path, force: bool = False) -> Path:
    """Write the blank campaign workbook of ``thidua init``; never overwrite without ``force``."""
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        target = target.with_name(target.name + ".xlsx")
    if target.exists() and not force:
        raise OutputExistsError(str(target))
    write_campaign_workbook(target, blank_campaign_sheets())
    return target


def _write(workbook: xlsxwriter.Workbook, sheets: CampaignSheets) -> None:
    base = {"font_name": "Times New Roman", "font_size": 12, "valign": "top"}
    fmt = {
        "text": workbook.add_format({**base, "text_wrap": True}),
        "head": workbook.add_format(
            {**base, "bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True}
        ),
        "date": workbook.add_format({**base, "num_format": "dd/mm/yyyy", "align": "left"}),
        "bold": workbook.add_format({**base, "bold": True, "text_wrap": True}),
        "title": workbook.add_format({**base, "bold": True, "font_size": 14}),
    }
    info = workbook.add_worksheet(SHEET_INFO)
    info.set_column(0, 0, 34)
    info.set_column(1, 1, 80)
    info.write_row(0, 0, ["Mục", "Giá trị"], fmt["head"])
    for row, (key, value) in enumerate(sheets.info, start=1):
        info.write_string(row, 0, key, fmt["bold"])
        _write_cell(info, row, 1, value, fmt)
    info.freeze_panes(1, 0)

    _write_table(workbook, SHEET_CRITERIA, CRITERIA_COLUMNS, sheets.criteria, fmt)
    criteria_sheet = workbook.get_worksheet_by_name(SHEET_CRITERIA)
    last = max(len(sheets.criteria), 1) + 200
    method_col = [c.field for c in CRITERIA_COLUMNS].index("method")
    evidence_col = [c.field for c in CRITERIA_COLUMNS].index("evidence")
    criteria_sheet.data_validation(
        1,
        method_col,
        last,
        method_col,
        {
            "validate": "list",
            "source": list(METHOD_CHOICES),
            "error_type": "information",
            "input_title": "Cách chấm",
            "input_message": "diem, dat, ty_le, so_luong, thuong, tru (xem trang Hướng dẫn)",
            "error_title": "Cách chấm",
            "error_message": "Nên chọn trong danh sách; xem trang Hướng dẫn.",
        },
    )
    compose_col = [c.field for c in CRITERIA_COLUMNS].index("compose")
    criteria_sheet.data_validation(
        1,
        compose_col,
        last,
        compose_col,
        {
            "validate": "list",
            "source": [words[0] for words in COMPOSE_WORDS.values()],
            "error_type": "information",
            "input_title": "Cách tổng hợp",
            "input_message": "Khi nhiều ngành cùng chấm: cộng, cao nhất, trung bình, chủ trì. "
            "Để trống: mặc định theo cách chấm (xem trang Hướng dẫn).",
            "error_title": "Cách tổng hợp",
            "error_message": "Nên chọn trong danh sách; xem trang Hướng dẫn.",
        },
    )
    for col in (evidence_col, [c.field for c in CRITERIA_COLUMNS].index("cumulative")):
        criteria_sheet.data_validation(
            1,
            col,
            last,
            col,
            {"validate": "list", "source": ["có", "không"], "error_type": "warning"},
        )
    _write_table(workbook, SHEET_BANDS, BAND_COLUMNS, sheets.bands, fmt)
    _write_table(workbook, SHEET_UNITS, UNIT_COLUMNS, sheets.units, fmt)

    if sheets.council is not None:
        _council_sheet(workbook, sheets.council, fmt)

    if sheets.guide:
        guide = workbook.add_worksheet(SHEET_GUIDE)
        guide.set_column(0, 0, 120)
        for row, line in enumerate(sheets.guide):
            guide.write_string(row, 0, line, fmt["title"] if row == 0 else fmt["text"])


def _council_sheet(
    workbook: xlsxwriter.Workbook, council: Council, fmt: dict[str, xlsxwriter.format.Format]
) -> None:
    """The rules as label | value rows, then the members' table, then the titles' table."""
    sheet = workbook.add_worksheet(SHEET_COUNCIL)
    for col, width in enumerate((6, 34, 26, 50)):
        sheet.set_column(col, col, width)
    sheet.write_string(0, 0, council.heading, fmt["title"])
    labels = {k.field: k.label for k in COUNCIL_KEYS}
    row = 2
    for label, value in council.rules:
        sheet.write_string(row, 1, labels.get(label, label), fmt["bold"])
        _write_cell(sheet, row, 2, value, fmt)
        row += 1
    row += 1
    sheet.write_string(row, 0, "STT", fmt["head"])
    for col, column in enumerate(MEMBER_COLUMNS, start=1):
        sheet.write_string(row, col, column.header, fmt["head"])
    first = row + 1
    for number, values in enumerate(council.members, start=1):
        row += 1
        sheet.write_number(row, 0, number, fmt["text"])
        for col, value in enumerate(values, start=1):
            _write_cell(sheet, row, col, value, fmt)
    sheet.data_validation(
        first,
        2,
        row + 3,
        2,
        {
            "validate": "list",
            "source": list(COUNCIL_ROLES),
            "error_type": "information",
            "input_title": "Chức vụ trong Hội đồng",
            "input_message": "Chủ tịch (một người: phiếu của Chủ tịch quyết định khi bằng "
            "phiếu), Phó Chủ tịch, Ủy viên, Thư ký",
        },
    )
    row += 3  # room to add members above the titles' table
    sheet.write_string(row, 0, "STT", fmt["head"])
    for col, column in enumerate(TITLE_COLUMNS, start=1):
        sheet.write_string(row, col, column.header, fmt["head"])
    for number, values in enumerate(council.titles, start=1):
        row += 1
        sheet.write_number(row, 0, number, fmt["text"])
        for col, value in enumerate(values, start=1):
            _write_cell(sheet, row, col, value, fmt)


def _write_table(
    workbook: xlsxwriter.Workbook,
    name: str,
    columns: Sequence[Column],
    rows: Sequence[Sequence[Cell]],
    fmt: dict[str, xlsxwriter.format.Format],
) -> None:
    sheet = workbook.add_worksheet(name)
    for col, column in enumerate(columns):
        sheet.set_column(col, col, _WIDTHS.get(column.field, 14))
        sheet.write_string(0, col, column.header, fmt["head"])
    for row, values in enumerate(rows, start=1):
        for col, value in enumerate(values):
            _write_cell(sheet, row, col, value, fmt)
    sheet.freeze_panes(1, 0)


def _write_cell(
    sheet: xlsxwriter.worksheet.Worksheet,
    row: int,
    col: int,
    value: Cell,
    fmt: dict[str, xlsxwriter.format.Format],
) -> None:
    if value is None or value == "":
        return
    if isinstance(value, date):
        sheet.write_datetime(row, col, value, fmt["date"])
    elif isinstance(value, Decimal):
        sheet.write_number(row, col, float(value), fmt["text"])
    elif isinstance(value, (int, float)):
        sheet.write_number(row, col, value, fmt["text"])
    else:
        sheet.write_string(row, col, value, fmt["text"])


def blank_campaign_sheets() -> CampaignSheets:
    """The workbook ``thidua init`` writes: instructions and one example row per method."""
    return CampaignSheets(
        info=[
            ("Mã đợt thi đua", "VD-2025"),
            ("Tên đợt thi đua", "Phong trào thi đua ... năm 2025"),
            ("Số kế hoạch", "01/KH-UBND"),
            ("Cơ quan cấp trên", "UBND TỈNH ..."),
            ("Cơ quan ban hành", "UBND XÃ ..."),
            ("Địa danh", "..."),
            ("Ngày ban hành", None),
            ("Thời gian thi đua", "Năm 2025"),
            ("Hạn nộp", date(2025, 12, 15)),
            ("Tổng điểm tối đa", 100),
            ("Bước làm tròn", "0,01"),
            ("Thứ tự xét khi bằng điểm", "I; III"),
            ("Cách xếp hạng", "đồng hạng (1, 2, 2, 4)"),
            ("Chức danh người ký", "CHỦ TỊCH"),
            ("Người ký", ""),
            ("Kỳ báo cáo", ""),
        ],
        criteria=[
            ["I", "Tiêu chí thường (ví dụ mỗi cách chấm)", 90, None, None, None, None, None],
            ["I.1", "Ví dụ chấm điểm trực tiếp", 20, "diem", None, None, "có", "VP", None, ""],
            ["I.2", "Ví dụ đạt / không đạt", 20, "dat", None, None, "có", "VP", None, ""],
            ["I.3", "Ví dụ tỷ lệ % chỉ tiêu", 30, "ty_le", 100, None, "có", "VP; CA", None, ""],
            ["I.4", "Ví dụ tính theo số lượng", 20, "so_luong", None, 5, "có", "CA", None, ""],
            ["II", "Điểm thưởng", 10, None, None, None, None, None],
            [
                "II.1",
                "Ví dụ điểm thưởng",
                10,
                "thuong",
                None,
                None,
                "có",
                "VP",
                None,
                "Cần giải trình",
            ],
            ["III", "Điểm trừ", 10, None, None, None, None, None],
            ["III.1", "Ví dụ điểm trừ", 10, "tru", None, 2, "không", "VP; CA", "cao nhất", ""],
        ],
        bands=[[90, "Xuất sắc"], [80, "Tốt"], [65, "Khá"], [50, "Trung bình"], [0, "Yếu"]],
        units=[
            ["XA", "UBND xã ...", "xã", None, None, None],
            ["VP", "Văn phòng HĐND-UBND", "ngành", "XA", None],
            ["CA", "Công an xã", "ngành", "XA", None],
        ],
        guide=GUIDE_LINES,
        council=Council(
            heading="HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG XÃ ...",
            rules=[("quorum", "2/3"), ("written_votes", "có")],
            members=[
                ["Nguyễn Văn A", "Chủ tịch", "Chủ tịch UBND xã"],
                ["Trần Thị B", "Phó Chủ tịch", "Phó Chủ tịch UBND xã"],
                ["Lê Văn C", "Ủy viên", "Chủ tịch Ủy ban MTTQ Việt Nam xã"],
                ["Phạm Thị D", "Ủy viên - Thư ký", "Công chức Văn phòng - Thống kê"],
            ],
            titles=[["Giấy khen của Chủ tịch UBND xã", "Từ 50% trở lên", 3]],
        ),
    )


GUIDE_LINES = [
    "HƯỚNG DẪN LẬP TỆP ĐỊNH NGHĨA ĐỢT THI ĐUA",
    "Tệp có bốn trang: Thông tin, Tiêu chí, Xếp loại, Đơn vị. Giữ nguyên tên trang; tên cột "
    "không phân biệt hoa thường, có dấu hay không dấu.",
    "1. Thông tin: mỗi dòng một mục (cột A) và giá trị (cột B). Bắt buộc: Mã đợt thi đua, "
    "Tên đợt thi đua. Ngày ghi dạng dd/mm/yyyy. Thời gian thi đua có thể ghi «từ 20/10/2021 "
    "đến 20/01/2022». Tổng điểm tối đa: trần của điểm thường cộng điểm thưởng. Bước làm tròn: "
    "mặc định 0,01 (làm tròn lên từ nửa). Thứ tự xét khi bằng điểm: các mã tiêu chí, cách "
    "nhau bằng dấu «;» (mục điểm trừ: ít hơn xếp trên). Cách xếp hạng: «đồng hạng (1, 2, 2, 4)» "
    "hoặc «liền mạch (1, 2, 2, 3)».",
    "2. Tiêu chí: mỗi dòng một tiêu chí. Mã bắt đầu bằng số La Mã của mục (I, II, …), các cấp "
    "con cách nhau bằng dấu chấm: II.2, II.2.a. Dòng có tiêu chí con không ghi cách chấm: điểm "
    "của nó là tổng các tiêu chí con nhưng không vượt điểm tối đa của nó.",
    "Cách chấm (cột Cách chấm):",
    "   diem — chấm điểm trực tiếp: đơn vị nhập số điểm, từ 0 đến điểm tối đa.",
    "   dat — đạt / không đạt: Đạt được điểm tối đa, Không đạt được 0.",
    "   ty_le — tỷ lệ % chỉ tiêu: điểm = điểm tối đa × min(kết quả / chỉ tiêu, 1). Để trống "
    "Chỉ tiêu nếu mỗi đơn vị tự ghi chỉ tiêu của mình.",
    "   so_luong — theo số lượng: điểm = min(số lượng × điểm mỗi đơn vị, điểm tối đa).",
    "   thuong — điểm thưởng: đơn vị nhập điểm và bắt buộc giải trình (cách làm mới, sáng tạo).",
    "   tru — điểm trừ: số vi phạm × điểm mỗi đơn vị (hoặc nhập thẳng số điểm trừ nếu để "
    "trống Điểm mỗi đơn vị), không vượt điểm tối đa; bị trừ vào tổng.",
    "Mục điểm thưởng chỉ gồm tiêu chí thuong; mục điểm trừ chỉ gồm tiêu chí tru. "
    "Điểm cuối = min(điểm thường + điểm thưởng, tổng điểm tối đa) − điểm trừ, không âm.",
    "Cần minh chứng: có / không. Ngành phụ trách: mã đơn vị ở trang Đơn vị, cách nhau bằng «;»; "
    "ngành ghi đầu tiên là ngành chủ trì.",
    "Cách tổng hợp (khi tổng hợp phiếu các ngành thành phiếu của đơn vị, lệnh merge --mode "
    "compose): cộng — cộng kết quả các ngành; cao nhất — lấy kết quả được điểm cao nhất; trung "
    "bình — trung bình cộng các ngành có nhập (làm tròn theo bước làm tròn); chủ trì — lấy kết "
    "quả của ngành chủ trì (nếu ngành chủ trì không nhập thì lấy kết quả cao nhất của các ngành "
    "còn lại). Để trống là dùng mặc định, không làm phồng điểm: theo số lượng, điểm trừ và tỷ lệ "
    "% (cộng kết quả cùng với chỉ tiêu) thì cộng; đạt / không đạt, chấm điểm và điểm thưởng "
    "thì lấy của ngành chủ trì. Điểm tối đa chỉ áp dụng một lần, ở phiếu tổng hợp. Ghi ở dòng "
    "tiêu chí nhóm thì áp dụng cho các tiêu chí con chưa ghi.",
    "Cộng dồn (có / không): chỉ tiêu tính cho cả đợt, báo cáo từng kỳ (ví dụ «ít nhất 02 "
    "công trình» trong ba tháng): phiếu của mỗi kỳ ghi những gì các kỳ trước đã báo cáo (lệnh "
    "templates --earlier). Ghi ở dòng tiêu chí nhóm thì áp dụng cho các tiêu chí con.",
    "Kỳ báo cáo (trang Thông tin, không bắt buộc): để trống nếu chỉ báo cáo một lần. «hàng "
    "tháng», «hàng quý» hoặc «hàng năm» chia Thời gian thi đua thành các kỳ, hạn nộp mỗi kỳ là "
    "sau ngày cuối kỳ «Số ngày nộp sau mỗi kỳ» ngày (mặc định 5); hoặc liệt kê từng kỳ, cách "
    "nhau bằng «;»: «Tháng 11: 30/11/2025; Tháng 12: 31/12/2025» (tên kỳ: hạn nộp). Khi có "
    "kỳ báo cáo, các lệnh templates, check và merge cần --period để chọn kỳ.",
    "3. Xếp loại: Điểm từ (tính cả mức này) và tên xếp loại, ví dụ 90 Xuất sắc, 80 Tốt.",
    "4. Đơn vị: mã, tên, cấp, mã đơn vị cấp trên (để trống với đơn vị cao nhất), cụm thi đua, "
    "địa danh. Địa danh là nơi ghi ở dòng «…, ngày … tháng … năm …» trên giấy tờ của đơn vị "
    "(phiếu chấm, bảng tổng hợp); để trống thì lấy tên địa phương trong tên đơn vị («UBND xã "
    "Vĩnh Trung» → Vĩnh Trung), không có thì lấy của đơn vị cấp trên, sau cùng là Địa danh ở "
    "trang Thông tin.",
    "5. Hội đồng (không bắt buộc, dùng cho lệnh thidua vote): Hội đồng Thi đua - Khen thưởng "
    "bình xét danh sách đề nghị. Số thành viên có mặt tối thiểu (mặc định 2/3 tổng số thành "
    "viên); Tính ý kiến bằng văn bản của thành viên vắng mặt (có / không). Bảng thành viên: họ "
    "và tên, chức vụ trong Hội đồng (đúng một Chủ tịch: phiếu của Chủ tịch quyết định khi bằng "
    "phiếu), chức vụ và đơn vị công tác. Bảng hình thức khen thưởng: tỷ lệ đồng ý cần đạt tính "
    "trên TỔNG SỐ thành viên Hội đồng (không phải số có mặt), ghi «2/3», «từ 80% trở lên» hoặc "
    "«trên 50%»; số lượng tối đa (để trống: lấy Số đơn vị đề nghị khen thưởng).",
    "Kiểm tra tệp bằng lệnh: thidua show <tệp>.xlsx — mọi lỗi được liệt kê cùng trang và dòng.",
]
