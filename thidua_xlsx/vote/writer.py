"""Write the Council's papers with XlsxWriter: the ballots (one A4 sheet per member, under a
Decree-30 header, the candidates with *Đồng ý* / *Không đồng ý* boxes), the secretary's tally
(protected, open cells for each member's presence and each vote, a very hidden metadata sheet
with its fingerprint) and the result workbook (every decision with its reason).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from .._version import __version__
from ..core.cellref import cell_name
from ..core.vi_text import format_decimal
from ..core.vote import (
    TALLY_KIND,
    VOTE_RESULT_KIND,
    Outcome,
    VotePlan,
    VoteResult,
    share_percent,
)
from ..errors import OutputExistsError
from ..runtime.atomic import atomic_output, output_time
from ..runtime.output_guard import check_outputs
from ..scorecard.layout import FORMAT_VERSION, META_SHEET
from ..words.messages import render
from .layout import (
    ABSENT_WORD,
    BALLOTS_FILE,
    CANDIDATE_MARK,
    CODE_ROW,
    HEADER_ROW,
    MCOL,
    MEMBER_MARK,
    NO_WORD,
    PRESENT_WORD,
    RESULT_SHEET,
    TALLY_FILE,
    TALLY_SHEET,
    YES_WORD,
    ballot_sheet_name,
    candidate_col,
    member_row,
)

__all__ = ["write_vote_papers", "write_vote_result"]

_FONT = "Times New Roman"
_INPUT_TINT = "#FFF2CC"  # the scorecard's input tint
_A4 = 9
# Decree 30/2020: left 30-35 mm, right 15-20 mm, top and bottom 20-25 mm (in inches)
_MARGINS = {"left": 1.18, "right": 0.59, "top": 0.79, "bottom": 0.79}


def write_vote_papers(
    plan: VotePlan,
    out_dir: str | Path,
    generated_at: datetime | None = None,
    force: bool = False,
) -> tuple[Path, Path]:
    """Write the ballots and the tally into ``out_dir`` (created if needed); never over the
    summary or the campaign they come from, nor over a tally the secretary may have filled
    unless ``force``. Returns (ballots, tally)."""
    folder = Path(out_dir)
    ballots, tally = folder / BALLOTS_FILE, folder / TALLY_FILE
    check_outputs([plan.summary], output_files=[ballots, tally])
    for target in (ballots, tally):
        if target.exists() and not force:
            raise OutputExistsError(str(target))
    folder.mkdir(parents=True, exist_ok=True)
    stamp = generated_at or output_time()
    _write(ballots, stamp, lambda wb, f: _ballots(wb, plan, f))
    _write(tally, stamp, lambda wb, f: _tally(wb, plan, f, stamp))
    return ballots, tally


def write_vote_result(
    result: VoteResult,
    path: str | Path,
    generated_at: datetime | None = None,
    force: bool = False,
) -> Path:
    """Write the decided vote to ``path`` (never over its inputs, nor over an existing file
    unless ``force``)."""
    target = Path(path)
    check_outputs([result.plan.summary, result.tally], output_files=[target])
    if target.exists() and not force:
        raise OutputExistsError(str(target))
    stamp = generated_at or output_time()
    _write(target, stamp, lambda wb, f: _result(wb, result, f, stamp))
    return target


def _write(target: Path, stamp: datetime, body: object) -> None:
    with atomic_output(target) as temp:
        workbook = xlsxwriter.Workbook(
            str(temp), {"strings_to_formulas": False, "strings_to_numbers": False}
        )
        try:
            workbook.set_properties({"author": "thidua_xlsx", "created": stamp})
            body(workbook, _formats(workbook))  # type: ignore[operator]
        finally:
            workbook.close()


def _formats(workbook: xlsxwriter.Workbook) -> dict[str, Format]:
    base = {"font_name": _FONT, "font_size": 13, "valign": "vcenter"}
    box = {**base, "border": 1}
    unlocked = {"locked": False, "bg_color": _INPUT_TINT}
    return {
        "center": workbook.add_format({**base, "align": "center", "font_size": 12}),
        "bold_center": workbook.add_format({**base, "align": "center", "bold": True}),
        "motto1": workbook.add_format({**base, "align": "center", "bold": True, "font_size": 12}),
        "motto2": workbook.add_format({**base, "align": "center", "bold": True, "underline": 1}),
        "issuer": workbook.add_format(
            {**base, "align": "center", "bold": True, "underline": 1, "font_size": 12}
        ),
        "title": workbook.add_format({**base, "align": "center", "bold": True, "font_size": 14}),
        "italic": workbook.add_format({**base, "align": "center", "italic": True}),
        "italic_left": workbook.add_format({**base, "italic": True, "text_wrap": True}),
        "left": workbook.add_format({**base, "text_wrap": True}),
        "bold_left": workbook.add_format({**base, "bold": True, "text_wrap": True}),
        "th": workbook.add_format(
            {**box, "bold": True, "align": "center", "text_wrap": True, "bg_color": "#D9E1F2"}
        ),
        "code": workbook.add_format({**box, "align": "center", "font_size": 11}),
        "cell": workbook.add_format({**box, "align": "center"}),
        "text": workbook.add_format({**box, "text_wrap": True}),
        "total": workbook.add_format({**box, "align": "center", "num_format": "0.00"}),
        "box": workbook.add_format(box),
        "input": workbook.add_format({**box, "align": "center", **unlocked}),
        "percent": workbook.add_format({**box, "align": "center", "num_format": "0.00%"}),
    }


def _issuer(plan: VotePlan) -> str:
    info = plan.campaign.info
    return plan.campaign.unit(plan.parent).name if plan.parent else info.issuing_body


def _header(sheet: Worksheet, plan: VotePlan, f: dict[str, Format], split: int, last: int) -> None:
    """Decree 30/2020/NĐ-CP: the body and its Council on the left, the national motto on the
    right, the place and date under it."""
    info = plan.campaign.info
    sheet.merge_range(0, 0, 0, split, _issuer(plan).upper(), f["center"])
    sheet.merge_range(0, split + 1, 0, last, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", f["motto1"])
    sheet.merge_range(1, 0, 1, split, "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", f["issuer"])
    sheet.merge_range(1, split + 1, 1, last, "Độc lập - Tự do - Hạnh phúc", f["motto2"])
    place = info.place or "……"
    sheet.merge_range(3, split + 1, 3, last, f"{place}, ngày …… tháng …… năm ……", f["italic"])


def _rule_line(plan: VotePlan) -> str:
    council, rule = plan.council, plan.rule
    quota = f"; chọn tối đa {rule.quota} đơn vị theo số phiếu" if rule.quota else ""
    return (
        f"Hội đồng có {len(council.members)} thành viên. Đơn vị được đề nghị khi số phiếu "
        f"đồng ý đạt {rule.share.vi()} so với TỔNG SỐ thành viên Hội đồng{quota}."
    )


# -- the ballots ----------------------------------------------------------------------------

_BALLOT_WIDTHS = (5, 34, 9, 6, 10, 9, 9)  # STT, unit, total, rank, band, yes, no


def _ballots(workbook: xlsxwriter.Workbook, plan: VotePlan, f: dict[str, Format]) -> None:
    last = len(_BALLOT_WIDTHS) - 1
    for index, member in enumerate(plan.council.members, start=1):
        sheet = workbook.add_worksheet(ballot_sheet_name(index, member.name))
        for col, width in enumerate(_BALLOT_WIDTHS):
            sheet.set_column(col, col, width)
        _header(sheet, plan, f, 1, last)
        sheet.merge_range(5, 0, 5, last, "PHIẾU BIỂU QUYẾT", f["title"])
        sheet.merge_range(6, 0, 6, last, f"Đề nghị {plan.rule.title}", f["bold_center"])
        sheet.merge_range(7, 0, 7, last, plan.campaign.info.title, f["italic"])
        sheet.set_row(7, 36)
        role = f" — {member.role}" if member.role else ""
        sheet.merge_range(
            9, 0, 9, last, f"Thành viên Hội đồng: {member.name}{role}", f["bold_left"]
        )
        sheet.merge_range(10, 0, 10, last, _rule_line(plan), f["left"])
        sheet.set_row(10, 36)
        sheet.merge_range(
            11,
            0,
            11,
            last,
            "Đánh dấu X vào MỘT ô ở mỗi dòng. Dòng không đánh dấu được tính là không đồng ý.",
            f["italic_left"],
        )
        sheet.set_row(11, 36)
        titles = ("STT", "Tên đơn vị", "Tổng điểm", "Hạng", "Xếp loại", YES_WORD, NO_WORD)
        for col, title in enumerate(titles):
            sheet.write_string(13, col, title, f["th"])
        sheet.set_row(13, 36)
        row = 14
        for number, c in enumerate(plan.candidates, start=1):
            sheet.write_number(row, 0, number, f["cell"])
            sheet.write_string(row, 1, c.name, f["text"])
            sheet.write_string(row, 2, format_decimal(c.total), f["cell"])
            sheet.write_number(row, 3, c.rank, f["cell"])
            sheet.write_string(row, 4, c.band, f["cell"])
            sheet.write_blank(row, 5, None, f["box"])
            sheet.write_blank(row, 6, None, f["box"])
            sheet.set_row(row, 34 if len(c.name) <= 30 else 52)
            row += 1
        if not plan.candidates:
            sheet.merge_range(row, 0, row, last, "Không có đơn vị được đề nghị.", f["italic"])
            row += 1
        row += 1
        sheet.merge_range(row, 4, row, last, "NGƯỜI BIỂU QUYẾT", f["bold_center"])
        sheet.merge_range(row + 1, 4, row + 1, last, "(Ký, ghi rõ họ tên)", f["italic"])
        sheet.merge_range(row + 5, 4, row + 5, last, member.name, f["bold_center"])
        sheet.print_area(0, 0, row + 5, last)
        _print(sheet, landscape=False)


def _print(sheet: Worksheet, landscape: bool) -> None:
    sheet.set_paper(_A4)
    if landscape:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    sheet.set_margins(**_MARGINS)
    sheet.fit_to_pages(1, 0)
    sheet.center_horizontally()


# -- the tally ------------------------------------------------------------------------------


def _tally(
    workbook: xlsxwriter.Workbook, plan: VotePlan, f: dict[str, Format], stamp: datetime
) -> None:
    sheet = workbook.add_worksheet(TALLY_SHEET)
    candidates = plan.candidates
    members = plan.council.members
    last = max(candidate_col(len(candidates) - 1), MCOL["presence"] + 3)
    for col, width in ((0, 5), (1, 26), (2, 16), (3, 12)):
        sheet.set_column(col, col, width)
    if candidates:
        sheet.set_column(candidate_col(0), candidate_col(len(candidates) - 1), 14)
    _header(sheet, plan, f, 2, last)
    sheet.merge_range(4, 0, 4, last, "BẢNG KIỂM PHIẾU BIỂU QUYẾT", f["title"])
    sheet.merge_range(5, 0, 5, last, f"Đề nghị {plan.rule.title}", f["bold_center"])
    quorum = plan.council.quorum.vi()
    line = f"{_rule_line(plan)} Số thành viên có mặt phải đạt {quorum} so với tổng số."
    sheet.merge_range(6, 0, 6, last, line, f["left"])
    sheet.set_row(6, 36)
    titles = ("STT", "Họ và tên", "Chức vụ trong Hội đồng", f"{PRESENT_WORD} / {ABSENT_WORD}")
    for col, title in enumerate(titles):
        sheet.merge_range(HEADER_ROW, col, CODE_ROW, col, title, f["th"])
    for index, c in enumerate(candidates):
        sheet.write_string(HEADER_ROW, candidate_col(index), c.name, f["th"])
        sheet.write_string(CODE_ROW, candidate_col(index), c.unit, f["code"])
    sheet.set_row(HEADER_ROW, 66)
    for index, member in enumerate(members):
        row = member_row(index)
        sheet.write_number(row, MCOL["number"], index + 1, f["cell"])
        sheet.write_string(row, MCOL["name"], member.name, f["text"])
        sheet.write_string(row, MCOL["role"], member.role, f["text"])
        sheet.write_blank(row, MCOL["presence"], None, f["input"])
        for col in range(len(candidates)):
            sheet.write_blank(row, candidate_col(col), None, f["input"])
        sheet.set_row(row, 20)
    first, end = member_row(0), member_row(len(members) - 1)
    if members:
        sheet.data_validation(
            first,
            MCOL["presence"],
            end,
            MCOL["presence"],
            _choices((PRESENT_WORD, ABSENT_WORD), "Có mặt / Vắng mặt"),
        )
        if candidates:
            sheet.data_validation(
                first,
                candidate_col(0),
                end,
                candidate_col(len(candidates) - 1),
                _choices((YES_WORD, NO_WORD), "Phiếu biểu quyết"),
            )
    count_row = end + 1
    sheet.merge_range(count_row, 0, count_row, 3, "Số phiếu đồng ý", f["th"])
    sheet.merge_range(count_row + 1, 0, count_row + 1, 3, "Tỷ lệ trên tổng số thành viên", f["th"])
    for index in range(len(candidates)):
        col = candidate_col(index)
        cells = f"{cell_name(first, col)}:{cell_name(end, col)}"
        sheet.write_formula(count_row, col, f'=COUNTIF({cells},"{YES_WORD}")', f["cell"], 0)
        share = f"={cell_name(count_row, col)}/{len(members)}"
        sheet.write_formula(count_row + 1, col, share, f["percent"], 0)
    note = count_row + 3
    lines = (
        "Thư ký chỉ nhập vào các ô tô màu: «Có mặt» hoặc «Vắng mặt» cho từng thành viên, rồi "
        "«Đồng ý» hoặc «Không đồng ý» theo phiếu của thành viên đó cho từng đơn vị. Ô để trống: "
        "phiếu không ghi, tính là không đồng ý.",
        "Thành viên vắng mặt có ý kiến bằng văn bản: ghi «Vắng mặt» và nhập ý kiến đó."
        + (
            ""
            if plan.council.written_votes_count
            else " (Theo quy tắc của Hội đồng, ý kiến này không được tính.)"
        ),
        "Tỷ lệ đồng ý tính trên TỔNG SỐ thành viên Hội đồng, không phải số có mặt. Khi bằng "
        "phiếu ở giới hạn số lượng, phiếu của Chủ tịch Hội đồng quyết định.",
        "Không thêm, xóa hay sắp xếp lại dòng, cột. Xong thì lưu (.xlsx, .ods hoặc .xls) và "
        "chạy «thidua vote … --tally» với tệp này.",
    )
    for offset, line in enumerate(lines):
        sheet.merge_range(note + offset, 0, note + offset, last, line, f["italic_left"])
        sheet.set_row(note + offset, 36)
    signature = note + len(lines) + 1
    sheet.merge_range(signature, 0, signature, 2, "THƯ KÝ HỘI ĐỒNG", f["bold_center"])
    sheet.merge_range(signature, 3, signature, last, "CHỦ TỊCH HỘI ĐỒNG", f["bold_center"])
    sheet.merge_range(signature + 1, 0, signature + 1, 2, "(Ký, ghi rõ họ tên)", f["italic"])
    sheet.merge_range(signature + 1, 3, signature + 1, last, "(Ký, ghi rõ họ tên)", f["italic"])
    chair = plan.council.chair
    if chair is not None:
        sheet.merge_range(signature + 5, 3, signature + 5, last, chair.name, f["bold_center"])
    sheet.print_area(0, 0, signature + 5, last)
    _print(sheet, landscape=len(candidates) > 4)
    if len(members) <= 25:
        sheet.fit_to_pages(1, 1)
    sheet.repeat_rows(HEADER_ROW, CODE_ROW)
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
    _tally_metadata(workbook, plan, stamp)


def _choices(words: Sequence[str], title: str) -> dict[str, object]:
    return {
        "validate": "list",
        "source": list(words),
        "input_title": title,
        "input_message": " / ".join(words),
        "error_type": "warning",
        "error_title": title,
        "error_message": "Nên chọn trong danh sách: " + " / ".join(words),
    }


def _tally_metadata(workbook: xlsxwriter.Workbook, plan: VotePlan, stamp: datetime) -> None:
    campaign = plan.campaign
    rows = [
        ("format_version", FORMAT_VERSION),
        ("kind", TALLY_KIND),
        ("campaign_id", campaign.info.campaign_id),
        ("fingerprint", campaign.fingerprint),
        ("council_fingerprint", plan.council_fingerprint),
        ("tally_fingerprint", plan.fingerprint),
        ("unit_code", plan.parent),
        ("title", plan.rule.title),
        ("members", str(len(plan.council.members))),
        ("summary", plan.summary.name),
        ("sheet", TALLY_SHEET),
        ("generated_at", stamp.strftime("%Y-%m-%dT%H:%M:%SZ")),
        ("generator", f"thidua_xlsx {__version__}"),
    ]
    listing = [
        (CANDIDATE_MARK, c.unit, c.name, str(c.total), str(c.rank), c.band) for c in plan.candidates
    ]
    _metadata_sheet(workbook, rows, listing)


def _metadata_sheet(
    workbook: xlsxwriter.Workbook,
    rows: Sequence[tuple[str, str]],
    listing: Sequence[Sequence[str]],
) -> None:
    sheet = workbook.add_worksheet(META_SHEET)
    for row, (key, value) in enumerate(rows):
        sheet.write_string(row, 0, key)
        sheet.write_string(row, 1, value)
    for row, line in enumerate(listing, start=len(rows)):
        for col, text in enumerate(line):
            sheet.write_string(row, col, text)
    sheet.very_hidden()
    sheet.protect("")


# -- the result -----------------------------------------------------------------------------

_RESULT_TITLES = (
    "STT",
    "Mã đơn vị",
    "Tên đơn vị",
    "Tổng điểm",
    "Hạng",
    "Đồng ý",
    "Không đồng ý",
    "Không ghi",
    "Tỷ lệ đồng ý (trên tổng số thành viên)",
    "Kết quả",
    "Lý do",
)
_RESULT_WIDTHS = (5, 13, 30, 9, 6, 8, 9, 8, 12, 16, 60)


def _result(
    workbook: xlsxwriter.Workbook, result: VoteResult, f: dict[str, Format], stamp: datetime
) -> None:
    plan, decision = result.plan, result.decision
    sheet = workbook.add_worksheet(RESULT_SHEET)
    last = len(_RESULT_TITLES) - 1
    for col, width in enumerate(_RESULT_WIDTHS):
        sheet.set_column(col, col, width)
    _header(sheet, plan, f, 3, last)
    sheet.merge_range(5, 0, 5, last, "KẾT QUẢ BIỂU QUYẾT", f["title"])
    sheet.merge_range(6, 0, 6, last, f"Đề nghị {plan.rule.title}", f["bold_center"])
    sheet.merge_range(7, 0, 7, last, plan.campaign.info.title, f["italic"])
    row = 9
    if decision is not None:
        quota = render("vote.quota", "vi", quota=plan.rule.quota) if plan.rule.quota else ""
        meeting = render(
            "vote.meeting",
            "vi",
            members=decision.members,
            present=decision.present,
            quorum=plan.council.quorum.text(),
            counted=decision.counted,
            title=plan.rule.title,
            share=plan.rule.share.text(),
            quota=quota,
        )
        sheet.merge_range(row, 0, row, last, meeting, f["left"])
        sheet.set_row(row, 36)
        row += 1
        for issue in decision.issues:
            sheet.merge_range(row, 0, row, last, issue.message("vi"), f["bold_left"])
            sheet.set_row(row, 36)
            row += 1
    row += 1
    for col, title in enumerate(_RESULT_TITLES):
        sheet.write_string(row, col, title, f["th"])
    sheet.set_row(row, 50)
    header = row
    decisions = decision.decisions if decision is not None else ()
    for number, d in enumerate(decisions, start=1):
        row += 1
        c = d.candidate
        sheet.write_number(row, 0, number, f["cell"])
        sheet.write_string(row, 1, c.unit, f["code"])
        sheet.write_string(row, 2, c.name, f["text"])
        sheet.write_number(row, 3, float(c.total), f["total"])
        sheet.write_number(row, 4, c.rank, f["cell"])
        sheet.write_number(row, 5, d.yes, f["cell"])
        sheet.write_number(row, 6, d.no, f["cell"])
        sheet.write_number(row, 7, d.blank, f["cell"])
        sheet.write_string(
            row, 8, share_percent(d.yes, decision.members if decision else 0), f["cell"]
        )
        sheet.write_string(row, 9, render(f"vote.outcome.{d.outcome.value}", "vi"), f["text"])
        reason = d.reason.message("vi")
        sheet.write_string(row, 10, reason, f["text"])
        sheet.set_row(row, 17.0 * max(-(-len(reason) // 62), -(-len(c.name) // 28), 1) + 4)
    sheet.repeat_rows(header)
    row += 2
    if result.votes:
        row = _votes_table(sheet, result, f, row, last)
    sheet.print_area(0, 0, row, last)
    _print(sheet, landscape=True)
    selected = [d for d in decisions if d.outcome is Outcome.SELECTED]
    rows = [
        ("format_version", FORMAT_VERSION),
        ("kind", VOTE_RESULT_KIND),
        ("campaign_id", plan.campaign.info.campaign_id),
        ("fingerprint", plan.campaign.fingerprint),
        ("tally_fingerprint", plan.fingerprint),
        ("unit_code", plan.parent),
        ("title", plan.rule.title),
        ("members", str(decision.members if decision else len(plan.council.members))),
        ("present", str(decision.present if decision else "")),
        ("counted", str(decision.counted if decision else "")),
        ("quorum", plan.council.quorum.text()),
        ("quorum_met", "yes" if decision is not None and decision.quorum_met else "no"),
        ("share", plan.rule.share.text()),
        ("quota", str(plan.rule.quota or "")),
        ("selected", ";".join(d.candidate.unit for d in selected)),
        ("sheet", RESULT_SHEET),
        ("generated_at", stamp.strftime("%Y-%m-%dT%H:%M:%SZ")),
        ("generator", f"thidua_xlsx {__version__}"),
    ]
    listing: list[tuple[str, ...]] = [
        (
            "decision",
            d.candidate.unit,
            d.candidate.name,
            str(d.candidate.total),
            str(d.candidate.rank),
            str(d.yes),
            str(d.no),
            str(d.blank),
            d.outcome.value,
            d.reason.code,
            d.reason.message("vi"),
        )
        for d in decisions
    ]
    # who sat and in which role, for the dossier's minutes
    listing += [
        (MEMBER_MARK, v.member.name, v.member.role, "present" if v.present else "absent")
        for v in result.votes
    ]
    _metadata_sheet(workbook, rows, listing)


def _votes_table(
    sheet: Worksheet, result: VoteResult, f: dict[str, Format], row: int, last: int
) -> int:
    """Each member's presence and votes, as the tally said (for the minutes): the units he
    agreed to, those he did not, those left blank, by code."""
    candidates = result.plan.candidates
    sheet.merge_range(row, 0, row, last, "PHIẾU CỦA TỪNG THÀNH VIÊN", f["bold_center"])
    row += 1
    sheet.write_string(row, 0, "STT", f["th"])
    sheet.merge_range(row, 1, row, 2, "Họ và tên", f["th"])
    sheet.merge_range(row, 3, row, 4, "Chức vụ trong Hội đồng", f["th"])
    sheet.merge_range(row, 5, row, 7, f"{PRESENT_WORD} / {ABSENT_WORD}", f["th"])
    sheet.merge_range(row, 8, row, last, "Phiếu (mã đơn vị)", f["th"])
    sheet.set_row(row, 34)
    for number, vote in enumerate(result.votes, start=1):
        row += 1
        groups = []
        for choice, word in (("yes", YES_WORD), ("no", NO_WORD), ("blank", "Không ghi")):
            units = [c.unit for c in candidates if vote.choice(c.unit).value == choice]
            if units and (choice != "blank" or vote.present or vote.sent):
                groups.append(f"{word}: {', '.join(units)}")
        said = "; ".join(groups) if vote.present or vote.sent else ""
        sheet.write_number(row, 0, number, f["cell"])
        sheet.merge_range(row, 1, row, 2, vote.member.name, f["text"])
        sheet.merge_range(row, 3, row, 4, vote.member.role, f["text"])
        sheet.merge_range(row, 5, row, 7, PRESENT_WORD if vote.present else ABSENT_WORD, f["cell"])
        sheet.merge_range(row, 8, row, last, said, f["text"])
        sheet.set_row(row, 17.0 * max(-(-len(said) // 80), 1) + 4)
    return row
