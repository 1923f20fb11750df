"""Build the dossier's Word templates (``templates/*.docx``) with python-docx.

    python3 -m thidua_xlsx.dossier.make_templates

The templates are the layout: Decree-30 page (A4 portrait, margins 20/20/30/15 mm, Times New
Roman 14 pt), the header, the tables and the signature blocks, with docxtpl placeholders
(``{{ … }}``, ``{%tr for … %}``) where the tool writes. A province edits a copy in Word and
passes its folder with ``thidua dossier … --templates DIR``; this script only makes the ones
shipped. ``tests/dossier/test_templates.py`` checks that the shipped files are what it makes.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from ..words.messages import render

__all__ = ["TEMPLATE_NAMES", "build_templates"]

FOLDER = Path(__file__).resolve().parent / "templates"
TEMPLATE_NAMES = ("to-trinh", "danh-sach-de-nghi", "bao-cao-thanh-tich", "bien-ban-hoi-dong")
FONT = "Times New Roman"
BODY = 14
CENTER, LEFT, JUSTIFY, RIGHT = (
    WD_ALIGN_PARAGRAPH.CENTER,
    WD_ALIGN_PARAGRAPH.LEFT,
    WD_ALIGN_PARAGRAPH.JUSTIFY,
    WD_ALIGN_PARAGRAPH.RIGHT,
)
CHUYEN_DE_NOTE = render("dossier.chuyen_de", "vi")  # Nghị định 152/2025 Điều 4

Line = tuple[str, dict[str, Any]]  # a signature block line: its text and its style


def _document() -> object:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = section.footer_distance = Mm(10)
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(BODY)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.line_spacing = 1.1
    body = document.element.body
    for paragraph in list(body.iterchildren(qn("w:p"))):  # the default empty paragraph
        body.remove(paragraph)
    document.core_properties.author = "thidua_xlsx"
    return document


def _para(
    where: object,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    size: float | None = None,
    align: WD_ALIGN_PARAGRAPH = JUSTIFY,
    before: float = 0,
    after: float = 3,
    indent: bool = False,
    keep: bool = False,
    fill: bool = False,
) -> Paragraph:
    paragraph: Paragraph = where.add_paragraph()  # type: ignore[attr-defined]
    paragraph.alignment = align
    paragraph.paragraph_format.space_before = Pt(before)
    paragraph.paragraph_format.space_after = Pt(after)
    if indent:
        paragraph.paragraph_format.first_line_indent = Mm(10)
    if keep or (bold and not isinstance(where, _Cell)):  # a heading stays with its text
        paragraph.paragraph_format.keep_with_next = True
    if text:
        _run(paragraph, text, bold=bold, italic=italic, underline=underline, size=size, fill=fill)
    return paragraph


def _run(
    paragraph: Paragraph,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    size: float | None = None,
    fill: bool = False,
) -> None:
    run = paragraph.add_run(text)
    run.bold = bold or None
    run.italic = italic or fill or None
    run.underline = underline or None
    if size is not None:
        run.font.size = Pt(size)
    if fill:  # a place for the office to write: yellow, so nobody signs it unfilled
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _fill(where: object, hint: str, indent: bool = True) -> Paragraph:
    """A clearly marked place to write by hand (highlighted, in brackets)."""
    paragraph = _para(where, indent=indent)
    _run(paragraph, f"[Phần tự viết: {hint}]", fill=True)
    return paragraph


def _plain_table(document: object, rows: int, widths: list[float]) -> Table:
    table: Table = document.add_table(rows=rows, cols=len(widths))  # type: ignore[attr-defined]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)  # the grid LibreOffice lays out by
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Mm(width)
    _clear(table.rows[0].cells[0])
    return table


def _clear(cell: _Cell) -> None:
    """A new cell holds one empty paragraph: remove it so the cell holds what is added."""
    for paragraph in list(cell.paragraphs):
        paragraph._element.getparent().remove(paragraph._element)


def _grid(document: object, titles: list[str], widths: list[float], size: float = 13) -> Table:
    table = _plain_table(document, 1, widths)
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, titles, strict=True):
        _clear(cell)
        _para(cell, title, bold=True, size=size, align=CENTER, after=0)
    header = table.rows[0]._tr.get_or_add_trPr()
    repeat = header.makeelement(qn("w:tblHeader"), {})
    header.append(repeat)
    return table


def _grid_row(table: Table, cells: list[str], size: float = 13, aligns: str = "") -> None:
    row = table.add_row()  # type: ignore[no-untyped-call]
    properties = row._tr.get_or_add_trPr()
    properties.append(properties.makeelement(qn("w:cantSplit"), {}))  # a row on one page
    widths = [c.width for c in table.rows[0].cells]
    for index, (cell, text) in enumerate(zip(row.cells, cells, strict=True)):
        cell.width = widths[index]
        _clear(cell)
        align = {"c": CENTER, "l": LEFT, "r": RIGHT}.get(aligns[index] if aligns else "c", CENTER)
        _para(cell, text, size=size, align=align, after=0)


def _header(document: object, left_top: str, left_body: str, number: str, place: str) -> None:
    """The Decree-30 header: the bodies and the number on the left, the national motto and
    the place and date on the right."""
    table = _plain_table(document, 1, [64, 101])
    left, right = table.rows[0].cells
    _clear(left)
    _clear(right)
    if left_top:
        _para(left, left_top, size=13, align=CENTER, after=0)
    _para(left, left_body, bold=True, size=13, align=CENTER, after=0)
    _rule(left, 64, 22)
    _para(left, number, size=13, align=CENTER, after=0)
    _para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12, align=CENTER, after=0)
    _para(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=14, align=CENTER, after=0)
    _rule(right, 101, 62)
    _para(right, place, italic=True, size=14, align=CENTER, after=0)


def _rule(where: object, column: float, length: float, after: float = 4) -> None:
    """A short centred line, as Decree 30 draws under a body's name, the motto and a title:
    the bottom border of an empty paragraph narrowed by its indents."""
    paragraph = _para(where, size=4, align=CENTER, after=after)
    paragraph.paragraph_format.left_indent = Mm((column - length) / 2)
    paragraph.paragraph_format.right_indent = Mm((column - length) / 2)
    paragraph.paragraph_format.line_spacing = Pt(4)
    properties = paragraph._p.get_or_add_pPr()
    borders = properties.makeelement(qn("w:pBdr"), {})
    line = borders.makeelement(
        qn("w:bottom"),
        {qn("w:val"): "single", qn("w:sz"): "6", qn("w:space"): "1", qn("w:color"): "000000"},
    )
    borders.append(line)
    # in the schema's order (Word refuses a pPr whose children are out of order)
    properties.insert_element_before(
        borders, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc"
    )


def _signature(
    document: object,
    left: list[Line],
    right: list[Line],
) -> None:
    """Two columns under the text: *Nơi nhận* (or a second signer) and the signature."""
    table = _plain_table(document, 1, [80, 85])
    properties = table.rows[0]._tr.get_or_add_trPr()
    properties.append(properties.makeelement(qn("w:cantSplit"), {}))  # signature kept whole
    left_cell, right_cell = table.rows[0].cells
    _clear(left_cell)
    _clear(right_cell)
    for cell, lines in ((left_cell, left), (right_cell, right)):
        for text, style in lines:
            _para(cell, text, after=0, **style)


def _recipients(extra: str) -> list[Line]:
    return [
        ("Nơi nhận:", {"bold": True, "italic": True, "size": 12, "align": LEFT}),
        (f"- {extra};", {"size": 11, "align": LEFT}),
        ("- Hội đồng Thi đua - Khen thưởng;", {"size": 11, "align": LEFT}),
        ("- Lưu: VT.", {"size": 11, "align": LEFT}),
    ]


def _signer(first: str, title: str, name: str) -> list[Line]:
    bold = {"bold": True, "size": 14, "align": CENTER}
    lines = [(first, bold)] if first else []
    return [
        *lines,
        (title, bold),
        ("(Ký, ghi rõ họ tên, đóng dấu)", {"italic": True, "size": 13, "align": CENTER}),
        ("", {"size": 14}),
        ("", {"size": 14}),
        ("", {"size": 14}),
        (name, bold),
    ]


def _standard_header(document: object, number: str) -> None:
    _header(
        document,
        "{{ superior_body }}",
        "{{ issuing_body }}",
        number,
        "{{ place }}, ngày {{ day }} tháng {{ month }} năm {{ year }}",
    )


def to_trinh() -> object:
    """Mẫu số 01, Nghị định 152/2025/NĐ-CP: the proposal to the body that awards."""
    document = _document()
    _standard_header(document, "Số: {{ number }}/TTr-{{ number_suffix }}")
    _para(document, "TỜ TRÌNH", bold=True, align=CENTER, before=12, after=0)
    _para(document, "Về việc đề nghị tặng {{ award_title }}", bold=True, align=CENTER, after=0)
    _rule(document, 165, 30, after=6)
    _para(document, "Kính gửi: {{ recipient }}.", align=CENTER, after=6)
    for line in (
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định "
        "chi tiết một số điều của Luật Thi đua, khen thưởng;",
        "Căn cứ Kế hoạch số {{ plan_number }} ngày {{ plan_date }} của {{ plan_body }} về "
        "{{ campaign_title }};",
        "Căn cứ kết quả chấm điểm, xếp hạng thi đua ({{ summary_name }}) và ý kiến của Hội "
        "đồng Thi đua - Khen thưởng {{ meeting_text }},",
    ):
        _para(document, line, italic=True, indent=True)
    _para(
        document,
        "{{ issuing_body_name }} kính đề nghị {{ recipient }} xem xét, tặng {{ award_title }} "
        "cho {{ count_text }} tập thể đã có thành tích xuất sắc trong {{ campaign_title }} "
        "({{ period }}), {{ decided_text }}:",
        indent=True,
    )
    table = _grid(
        document, ["STT", "Tên tập thể", "Tổng điểm", "Hạng", "Xếp loại"], [14, 87, 25, 16, 23]
    )
    _grid_row(table, ["{%tr for u in units %}", "", "", "", ""])
    _grid_row(
        table,
        ["{{ u.stt }}", "{{ u.name }}", "{{ u.total }}", "{{ u.rank }}", "{{ u.band }}"],
        aligns="clccc",
    )
    _grid_row(table, ["{%tr endfor %}", "", "", "", ""])
    _para(document, "(Có danh sách và hồ sơ kèm theo)", italic=True, align=CENTER, before=3)
    _para(document, "Hồ sơ gồm:", bold=True, indent=True, before=3)
    for line in (
        "- Danh sách đề nghị khen thưởng;",
        "- Báo cáo thành tích của {{ count_text }} tập thể;",
        "- Biên bản họp Hội đồng Thi đua - Khen thưởng;",
        "- Bảng tổng hợp kết quả chấm điểm, xếp hạng thi đua.",
    ):
        _para(document, line, indent=True, after=0)
    _para(document, "Lưu ý: " + CHUYEN_DE_NOTE, italic=True, indent=True, before=6)
    _fill(document, "thông tin khác cần trình (nếu có)")
    _para(
        document,
        "Kính trình {{ recipient }} xem xét, quyết định./.",
        indent=True,
        before=3,
        after=12,
        keep=True,  # on the page of the signature
    )
    _signature(
        document,
        _recipients("Như trên"),
        _signer("TM. {{ issuing_body }}", "{{ signer_title }}", "{{ signer_name }}"),
    )
    return document


def danh_sach() -> object:
    """The list attached to the tờ trình: every proposed collective with its numbers."""
    document = _document()
    _standard_header(document, "")
    _para(
        document,
        "DANH SÁCH ĐỀ NGHỊ TẶNG {{ award_title_upper }}",
        bold=True,
        align=CENTER,
        before=12,
        after=0,
    )
    _para(
        document,
        "(Kèm theo Tờ trình số {{ number }}/TTr-{{ number_suffix }} ngày {{ day }}/{{ month }}/"
        "{{ year }} của {{ issuing_body_name }})",
        italic=True,
        align=CENTER,
        after=0,
    )
    _para(
        document,
        "Đợt thi đua chuyên đề: {{ campaign_title }} ({{ period }})",
        italic=True,
        align=CENTER,
        after=6,
    )
    table = _grid(
        document,
        ["STT", "Tên tập thể", "Tổng điểm", "Hạng", "Xếp loại", "Biểu quyết", "Ghi chú"],
        [13, 51, 20, 15, 20, 21, 25],
        size=12,
    )
    _grid_row(table, ["{%tr for u in units %}", "", "", "", "", "", ""], size=12)
    _grid_row(
        table,
        [
            "{{ u.stt }}",
            "{{ u.name }}",
            "{{ u.total }}",
            "{{ u.rank }}",
            "{{ u.band }}",
            "{{ u.vote_share }}",
            "{{ u.status }}",
        ],
        size=12,
        aligns="clccccl",
    )
    _grid_row(table, ["{%tr endfor %}", "", "", "", "", "", ""], size=12)
    _para(document, "Danh sách có {{ count_text }} tập thể.", italic=True, before=3)
    _para(document, "{{ list_basis }}", italic=True)
    _para(document, CHUYEN_DE_NOTE, italic=True, after=12, keep=True)
    _signature(
        document,
        [("", {})],
        _signer("TM. {{ issuing_body }}", "{{ signer_title }}", "{{ signer_name }}"),
    )
    return document


def bao_cao() -> object:
    """The achievement report of one collective, for a campaign (chuyên đề) award."""
    document = _document()
    _header(
        document,
        "{{ unit_superior }}",
        "{{ unit_name_upper }}",
        "",
        "{{ unit_place }}, ngày {{ day }} tháng {{ month }} năm {{ year }}",
    )
    _para(document, "BÁO CÁO THÀNH TÍCH", bold=True, align=CENTER, before=12, after=0)
    _para(
        document,
        "Đề nghị tặng {{ award_title }}",
        bold=True,
        align=CENTER,
        after=0,
    )
    _para(
        document,
        "(Khen thưởng theo đợt thi đua chuyên đề: {{ campaign_title }})",
        italic=True,
        align=CENTER,
        after=6,
    )
    _para(document, "Tên tập thể đề nghị khen thưởng: {{ unit_name }}", bold=True)
    _para(document, "Mã đơn vị trong đợt thi đua: {{ unit_code }}{{ cluster_text }}")
    _para(document, "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH", bold=True, before=6)
    _fill(document, "đặc điểm, tình hình của tập thể; chức năng, nhiệm vụ; tổ chức, nhân sự")
    _para(document, "II. THÀNH TÍCH ĐẠT ĐƯỢC TRONG ĐỢT THI ĐUA", bold=True, before=6)
    _para(document, "1. Kết quả chấm điểm thi đua", bold=True, italic=True)
    _para(
        document,
        "Theo bảng tổng hợp {{ summary_name }}, tập thể đạt {{ total }}/{{ max_total }} điểm, "
        "xếp hạng {{ rank }}{{ rank_of }}{{ cluster_rank_text }}, xếp loại {{ band }}"
        "{{ verified_text }}.",
        indent=True,
    )
    table = _grid(document, ["Mục", "Nội dung", "Điểm tối đa", "Điểm đạt"], [15, 104, 23, 23])
    _grid_row(table, ["{%tr for s in sections %}", "", "", ""])
    _grid_row(
        table,
        ["{{ s.code }}", "{{ s.content }}", "{{ s.max }}", "{{ s.score }}"],
        aligns="clcc",
    )
    _grid_row(table, ["{%tr endfor %}", "", "", ""])
    _grid_row(table, ["", "Tổng điểm", "{{ max_total }}", "{{ total }}"], aligns="clcc")
    _para(document, "2. Các chỉ tiêu đạt được", bold=True, italic=True, before=6)
    _para(document, "{{ targets_intro }}", indent=True)
    table = _grid(
        document,
        ["Mã", "Chỉ tiêu", "Kết quả", "Chỉ tiêu", "Đạt", "Điểm"],
        [16, 79, 18, 18, 16, 18],
        size=12,
    )
    _grid_row(table, ["{%tr for t in targets %}", "", "", "", "", ""], size=12)
    _grid_row(
        table,
        [
            "{{ t.code }}",
            "{{ t.content }}",
            "{{ t.result }}",
            "{{ t.target }}",
            "{{ t.reached }}",
            "{{ t.points }}",
        ],
        size=12,
        aligns="clcccc",
    )
    _grid_row(table, ["{%tr endfor %}", "", "", "", "", ""], size=12)
    _para(document, "3. Minh chứng đã nêu trong phiếu chấm", bold=True, italic=True, before=6)
    _para(document, "{%p for e in evidence %}")
    _para(document, "- {{ e.code }} ({{ e.content }}): {{ e.evidence }}", indent=True)
    _para(document, "{%p endfor %}")
    _para(document, "{{ evidence_none }}", indent=True)
    _para(document, "4. Các giải pháp, cách làm hay, mô hình mới", bold=True, italic=True)
    _fill(document, "những giải pháp, cách làm mới, sáng tạo đã áp dụng và hiệu quả")
    _para(document, "III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN", bold=True, before=6)
    _fill(document, "danh hiệu thi đua, hình thức khen thưởng đã nhận (năm, số quyết định)")
    _para(document, "Lưu ý: " + CHUYEN_DE_NOTE, italic=True, before=6, after=12, keep=True)
    bold = {"bold": True, "size": 14, "align": CENTER}
    _signature(
        document,
        [
            ("XÁC NHẬN CỦA {{ issuing_body }}", bold),
            ("{{ signer_title }}", bold),
            ("(Ký, ghi rõ họ tên, đóng dấu)", {"italic": True, "size": 13, "align": CENTER}),
            ("", {"size": 14}),
            ("", {"size": 14}),
            ("", {"size": 14}),
            ("{{ signer_name }}", bold),
        ],
        [
            ("THỦ TRƯỞNG ĐƠN VỊ", bold),
            ("(Ký, ghi rõ họ tên, đóng dấu)", {"italic": True, "size": 13, "align": CENTER}),
            ("", {"size": 14}),
            ("", {"size": 14}),
            ("", {"size": 14}),
            ("{{ unit_head }}", {"italic": True, "size": 14, "align": CENTER, "fill": True}),
        ],
    )
    return document


def bien_ban() -> object:
    """The minutes of the Council's meeting with its vote (blank places without one)."""
    document = _document()
    _header(
        document,
        "{{ issuing_body }}",
        "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
        "",
        "{{ place }}, ngày {{ meeting_day }} tháng {{ meeting_month }} năm {{ meeting_year }}",
    )
    _para(document, "BIÊN BẢN", bold=True, align=CENTER, before=12, after=0)
    _para(
        document,
        "Họp Hội đồng Thi đua - Khen thưởng xét đề nghị tặng {{ award_title }}",
        bold=True,
        align=CENTER,
        after=6,
    )
    _para(
        document,
        "Thời gian: {{ meeting_time }}. Địa điểm: {{ meeting_place }}.",
        indent=True,
    )
    _para(document, "Chủ trì: {{ chair }}. Thư ký: {{ secretary }}.", indent=True)
    _para(
        document,
        "Thành viên Hội đồng: {{ members_total }}; có mặt: {{ members_present }}; vắng: "
        "{{ members_absent }}{{ absent_names }}. {{ quorum_text }}",
        indent=True,
    )
    _para(document, "{%p for m in members %}")
    _para(document, "- {{ m.name }}, {{ m.role }}{{ m.absent }}", indent=True, after=0)
    _para(document, "{%p endfor %}")
    _para(document, "{%p if not voted %}")
    _fill(document, "họ tên, chức vụ các thành viên dự họp; thành viên vắng và ý kiến bằng văn bản")
    _para(document, "{%p endif %}")
    _para(document, "NỘI DUNG", bold=True, before=6)
    _para(
        document,
        "Hội đồng xem xét kết quả chấm điểm, xếp hạng {{ campaign_title }} ({{ summary_name }}) "
        "và danh sách {{ count_text }} tập thể được đề nghị theo thứ hạng, xếp loại "
        "({{ award_rule }}).",
        indent=True,
    )
    _fill(document, "ý kiến thảo luận của các thành viên (nếu có)")
    _para(document, "KẾT QUẢ BIỂU QUYẾT", bold=True, before=6)
    _para(document, "{{ vote_intro }}", italic=True, indent=True)
    table = _grid(
        document,
        ["STT", "Tên tập thể", "Tổng điểm", "Hạng", "Đồng ý", "Tỷ lệ", "Kết quả"],
        [13, 47, 20, 15, 20, 22, 28],
        size=12,
    )
    _grid_row(table, ["{%tr for u in units %}", "", "", "", "", "", ""], size=12)
    _grid_row(
        table,
        [
            "{{ u.stt }}",
            "{{ u.name }}",
            "{{ u.total }}",
            "{{ u.rank }}",
            "{{ u.agree }}",
            "{{ u.share }}",
            "{{ u.decision }}",
        ],
        size=12,
        aligns="clccccl",
    )
    _grid_row(table, ["{%tr endfor %}", "", "", "", "", "", ""], size=12)
    _para(document, "KẾT LUẬN", bold=True, before=6)
    _para(document, "{{ conclusion }}", indent=True)
    _para(document, "Lưu ý: " + CHUYEN_DE_NOTE, italic=True, indent=True)
    _para(
        document,
        "Cuộc họp kết thúc lúc ….. giờ ….. cùng ngày. Biên bản đã được thông qua trước Hội đồng./.",
        indent=True,
        after=12,
        keep=True,  # on the page of the signatures
    )
    bold = {"bold": True, "size": 14, "align": CENTER}
    _signature(
        document,
        [
            ("THƯ KÝ", bold),
            ("", {"size": 14}),
            ("", {"size": 14}),
            ("", {"size": 14}),
            ("", {"size": 14}),
            ("", {"size": 14}),
            ("{{ secretary_sign }}", bold),
        ],
        _signer("{{ chair_first }}", "{{ chair_title }}", "{{ chair_name }}"),
    )
    return document


BUILDERS = {
    "to-trinh": to_trinh,
    "danh-sach-de-nghi": danh_sach,
    "bao-cao-thanh-tich": bao_cao,
    "bien-ban-hoi-dong": bien_ban,
}


def build_templates(folder: Path = FOLDER) -> list[Path]:
    """Write every template into ``folder``; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in TEMPLATE_NAMES:
        path = folder / f"{name}.docx"
        BUILDERS[name]().save(str(path))  # type: ignore[attr-defined]
        written.append(path)
    return written


if __name__ == "__main__":
    for path in build_templates(Path(sys.argv[1]) if len(sys.argv) > 1 else FOLDER):
        sys.stdout.write(f"{path}\n")
