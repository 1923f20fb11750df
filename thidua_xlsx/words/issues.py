"""Issues are data: one catalogue of codes with a severity and Vietnamese and English texts.

Every problem this library reports — in a campaign definition or, later, in a returned
scorecard — is an :class:`Issue` built from an entry of :data:`CATALOGUE`. Each message says
what is wrong and how to fix it. Tests assert on codes, so rewording a message breaks nothing.

The templates follow the rules of :mod:`thidua_xlsx.words.messages` (the interface's and the
exceptions' texts) and are rendered by its :func:`~thidua_xlsx.words.messages.render`: both
languages use the same placeholders, and an :class:`Issue` is refused when it is made without a
parameter its message needs. ``{value}`` and ``{criterion}`` are the issue's own fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum

from .messages import as_lang, check_params, placeholders, render

__all__ = ["CATALOGUE", "CatalogueEntry", "Issue", "Severity"]


class Severity(Enum):
    ERROR = "error"  # the file is rejected
    WARNING = "warning"  # accepted, but a cell to check: the unit gets a feedback copy
    # not a problem: a decision explained (the Council's vote), or a result over its target
    # (rewarded, capped at 100%): no feedback copy, no tinted cell
    INFO = "info"


@dataclass(frozen=True)
class CatalogueEntry:
    """An issue's severity and its Vietnamese and English templates (checked when made)."""

    severity: Severity
    vi: str
    en: str
    fields: Mapping[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", placeholders(self.vi, self.en))


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

CATALOGUE: Mapping[str, CatalogueEntry] = {
    # -- the campaign workbook (SPEC §3) ---------------------------------------------------
    "def_sheet_missing": CatalogueEntry(
        _E,
        "Thiếu trang «{name}». Hãy thêm trang có đúng tên này (xem tệp mẫu của «thidua init»).",
        "The sheet «{name}» is missing. Add a sheet with exactly this name (see «thidua init»).",
    ),
    "def_column_missing": CatalogueEntry(
        _E,
        "Không tìm thấy cột «{header}» ở dòng tiêu đề. Hãy đặt tên cột đúng như tệp mẫu.",
        "No «{header}» column in the header row. Name the column as in the blank workbook.",
    ),
    "def_sheet_empty": CatalogueEntry(
        _E,
        "Trang «{name}» chưa có dòng dữ liệu nào. Hãy nhập ít nhất một dòng.",
        "The sheet «{name}» has no data rows. Enter at least one row.",
    ),
    "def_info_unknown_key": CatalogueEntry(
        _E,
        "Không hiểu mục «{value}». Các mục được dùng: {known}.",
        "Unknown item «{value}». Items understood: {known}.",
    ),
    "def_info_missing_key": CatalogueEntry(
        _E,
        "Thiếu mục bắt buộc «{key}». Hãy thêm một dòng «{key}» với giá trị của nó.",
        "The required item «{key}» is missing. Add a row «{key}» with its value.",
    ),
    "def_info_duplicate_key": CatalogueEntry(
        _E,
        "Mục «{key}» được nhập hai lần (lần đầu ở dòng {first_row}). Hãy giữ một dòng.",
        "The item «{key}» is entered twice (first at row {first_row}). Keep one row.",
    ),
    "def_bad_date": CatalogueEntry(
        _E,
        "«{value}» không phải ngày hợp lệ. Hãy nhập ngày dạng dd/mm/yyyy, ví dụ 01/10/2024.",
        "«{value}» is not a valid date. Enter it as dd/mm/yyyy, e.g. 01/10/2024.",
    ),
    "def_bad_ranking_style": CatalogueEntry(
        _E,
        "Cách xếp hạng «{value}» không rõ. Hãy ghi «đồng hạng (1, 2, 2, 4)» "
        "hoặc «liền mạch (1, 2, 2, 3)».",
        "Ranking style «{value}» is not understood. Write «đồng hạng (1, 2, 2, 4)» "
        "or «liền mạch (1, 2, 2, 3)».",
    ),
    "def_not_a_number": CatalogueEntry(
        _E,
        "«{value}» ở cột «{header}» không phải là số. Hãy nhập số, ví dụ 20 hoặc 2,5.",
        "«{value}» in the «{header}» column is not a number. Enter a number such as 20 or 2.5.",
    ),
    "def_not_positive": CatalogueEntry(
        _E,
        "«{header}» phải lớn hơn 0 (đang là {value}).",
        "«{header}» must be greater than 0 (it is {value}).",
    ),
    "def_bad_code": CatalogueEntry(
        _E,
        "Mã «{value}» không đúng dạng. Mã bắt đầu bằng số La Mã của mục, rồi các cấp cách "
        "nhau bằng dấu chấm, ví dụ I, II.2, II.2.a.",
        "The code «{value}» is malformed. A code starts with the section's Roman numeral, "
        "then levels separated by dots, e.g. I, II.2, II.2.a.",
    ),
    "def_duplicate_code": CatalogueEntry(
        _E,
        "Mã «{value}» bị trùng (đã có ở dòng {first_row}). Mỗi tiêu chí cần một mã riêng.",
        "The code «{value}» is duplicated (first at row {first_row}). Give each criterion "
        "its own code.",
    ),
    "def_orphan_code": CatalogueEntry(
        _E,
        "Tiêu chí «{value}» thuộc mục «{parent}» nhưng không có dòng «{parent}». "
        "Hãy thêm dòng mục cha hoặc sửa mã.",
        "Criterion «{value}» belongs under «{parent}» but there is no «{parent}» row. "
        "Add the parent row or correct the code.",
    ),
    "def_max_missing": CatalogueEntry(
        _E,
        "Tiêu chí «{criterion}» chưa có điểm tối đa. Hãy nhập điểm tối đa.",
        "Criterion «{criterion}» has no maximum points. Enter its maximum.",
    ),
    "def_max_unreachable": CatalogueEntry(
        _W,
        "Điểm tối đa của «{criterion}» là {value} nhưng các tiêu chí con cộng lại chỉ được "
        "{reachable}. Hãy sửa điểm tối đa hoặc điểm các tiêu chí con.",
        "«{criterion}» has a maximum of {value} but its sub-criteria add up to only "
        "{reachable}. Correct the maximum or the sub-criteria.",
    ),
    "def_total_unreachable": CatalogueEntry(
        _E,
        "Tổng điểm tối đa là {value} nhưng các mục (không kể điểm trừ) cộng lại chỉ được "
        "{reachable}. Hãy sửa tổng điểm tối đa ở trang «Thông tin».",
        "The total cap is {value} but the sections (deductions excluded) add up to only "
        "{reachable}. Correct the total cap on the «Thông tin» sheet.",
    ),
    "def_max_not_on_step": CatalogueEntry(
        _E,
        "Điểm tối đa {value} không chia hết cho bước làm tròn {step}. Hãy sửa một trong hai.",
        "The maximum {value} is not a multiple of the rounding step {step}. Change one of them.",
    ),
    "def_unknown_method": CatalogueEntry(
        _E,
        "Cách chấm «{value}» không có trong danh sách. Hãy chọn một trong: {known}.",
        "Unknown scoring method «{value}». Choose one of: {known}.",
    ),
    "def_method_missing": CatalogueEntry(
        _E,
        "Tiêu chí «{criterion}» không có tiêu chí con nên cần cách chấm. Hãy chọn một trong: "
        "{known}.",
        "Criterion «{criterion}» has no sub-criteria, so it needs a scoring method. Choose one "
        "of: {known}.",
    ),
    "def_method_on_group": CatalogueEntry(
        _E,
        "«{criterion}» có tiêu chí con nên điểm là tổng các tiêu chí con; hãy xóa cách chấm "
        "«{value}» ở dòng này và ghi cách chấm cho từng tiêu chí con.",
        "«{criterion}» has sub-criteria, so its score is their sum; remove the method "
        "«{value}» from this row and give each sub-criterion its own method.",
    ),
    "def_per_unit_missing": CatalogueEntry(
        _E,
        "Tiêu chí «{criterion}» chấm theo số lượng nên cần «Điểm mỗi đơn vị» (ví dụ 2 điểm "
        "mỗi buổi).",
        "Criterion «{criterion}» is scored per count, so it needs «Điểm mỗi đơn vị» (points "
        "per unit, e.g. 2 points per session).",
    ),
    "def_mixed_section": CatalogueEntry(
        _E,
        "Mục «{criterion}» trộn tiêu chí {kinds}. Điểm thưởng và điểm trừ phải nằm ở mục "
        "riêng của chúng.",
        "Section «{criterion}» mixes {kinds} criteria. Bonus and deduction criteria need "
        "sections of their own.",
    ),
    "def_bad_yes_no": CatalogueEntry(
        _E,
        "«{value}» ở cột «{header}» không rõ. Hãy ghi «có» hoặc «không».",
        "«{value}» in the «{header}» column is unclear. Write «có» (yes) or «không» (no).",
    ),
    "def_unknown_sector": CatalogueEntry(
        _E,
        "Ngành phụ trách «{value}» không có trong trang «Đơn vị». Hãy dùng mã đơn vị "
        "(ví dụ {example}) hoặc thêm đơn vị đó.",
        "Responsible sector «{value}» is not on the «Đơn vị» sheet. Use a unit code "
        "(e.g. {example}) or add that unit.",
    ),
    "def_unknown_tie_break": CatalogueEntry(
        _E,
        "Tiêu chí xét khi bằng điểm «{value}» không có trong trang «Tiêu chí». Hãy ghi mã "
        "tiêu chí, ví dụ «II; V».",
        "Tie-break «{value}» is not a criterion code on the «Tiêu chí» sheet. Write criterion "
        "codes, e.g. «II; V».",
    ),
    "def_band_duplicate": CatalogueEntry(
        _E,
        "Mức điểm {value} đã dùng cho một xếp loại khác (dòng {first_row}).",
        "The minimum {value} is already used by another band (row {first_row}).",
    ),
    "def_band_label_missing": CatalogueEntry(
        _E,
        "Dòng này có mức điểm nhưng chưa có tên xếp loại. Hãy nhập tên (ví dụ «Xuất sắc»).",
        "This row has a minimum score but no band name. Enter one (e.g. «Xuất sắc»).",
    ),
    "def_unknown_band": CatalogueEntry(
        _E,
        "Xếp loại «{value}» không có trong trang «Xếp loại».",
        "The band «{value}» is not on the «Xếp loại» sheet.",
    ),
    "def_unit_duplicate": CatalogueEntry(
        _E,
        "Mã đơn vị «{value}» bị trùng (đã có ở dòng {first_row}).",
        "The unit code «{value}» is duplicated (first at row {first_row}).",
    ),
    "def_unit_name_missing": CatalogueEntry(
        _E,
        "Đơn vị «{value}» chưa có tên. Hãy nhập tên đơn vị.",
        "Unit «{value}» has no name. Enter the unit's name.",
    ),
    "def_unit_unknown_parent": CatalogueEntry(
        _E,
        "Đơn vị cấp trên «{value}» không có trong danh sách đơn vị. Hãy thêm đơn vị đó hoặc "
        "sửa mã.",
        "Parent unit «{value}» is not in the list of units. Add it or correct the code.",
    ),
    "def_unit_cycle": CatalogueEntry(
        _E,
        "Đơn vị «{value}» nằm trong vòng lặp cấp trên: {cycle}. Mỗi đơn vị chỉ có một cấp trên "
        "và không vòng lại chính nó.",
        "Unit «{value}» is in a parent loop: {cycle}. Each unit has one parent and must not "
        "loop back to itself.",
    ),
    # -- returned scorecards (SPEC §6) -------------------------------------------------------
    "file_empty": CatalogueEntry(
        _E,
        "Tệp rỗng (0 byte). Hãy mở phiếu chấm, lưu lại rồi gửi lại.",
        "The file is empty (0 bytes). Open the scorecard, save it and send it again.",
    ),
    "file_too_large": CatalogueEntry(
        _E,
        "Tệp quá lớn ({detail}) so với một phiếu chấm. Hãy gửi đúng tệp phiếu chấm.",
        "The file is far too large ({detail}) for a scorecard. Send the scorecard file itself.",
    ),
    "file_unreadable": CatalogueEntry(
        _E,
        "Không đọc được tệp ({detail}). Hãy chép lại tệp và gửi lại.",
        "The file cannot be read ({detail}). Copy it again and resend it.",
    ),
    "file_not_regular": CatalogueEntry(
        _E,
        "Mục này không phải tệp thông thường ({detail}) nên không được đọc: đó là thư mục "
        "(directory), thiết bị (device), ống dẫn (FIFO), socket, hoặc liên kết (symlink) trỏ tới "
        "một trong những thứ đó; liên kết tới thư mục không được mở theo. Hãy đặt chính tệp phiếu "
        "chấm .xlsx vào thư mục nhận.",
        "This entry is not a regular file ({detail}) and is not read: it is a folder "
        "(directory), a device, a named pipe (FIFO), a socket, or a link (symlink) to one of "
        "those; links to folders are not followed. Put the .xlsx scorecard file itself in the "
        "inbox.",
    ),
    "file_link_broken": CatalogueEntry(
        _E,
        "Tệp là liên kết (symlink) trỏ tới chỗ không còn tồn tại hoặc trỏ vòng về chính nó "
        "({detail}), nên không đọc được. Hãy thay liên kết bằng chính tệp phiếu chấm .xlsx.",
        "The file is a link (symlink) to something that no longer exists, or that loops back "
        "on itself ({detail}), so it cannot be read. Replace the link with the .xlsx scorecard "
        "file itself.",
    ),
    "file_not_workbook": CatalogueEntry(
        _E,
        "Tệp không phải bảng tính Excel (nội dung: {detail}). Hãy gửi đúng tệp phiếu chấm "
        ".xlsx (hoặc .ods) đã điền, không đổi đuôi tệp.",
        "The file is not a spreadsheet (content: {detail}). Send the filled .xlsx (or .ods) "
        "scorecard itself; do not rename other files.",
    ),
    "file_truncated": CatalogueEntry(
        _E,
        "Tệp bảng tính bị hỏng hoặc chưa tải về đủ. Hãy mở phiếu trên máy đã điền, lưu lại và "
        "gửi lại.",
        "The spreadsheet is damaged or incomplete. Open it on the computer where it was filled, "
        "save it and send it again.",
    ),
    "file_encrypted": CatalogueEntry(
        _E,
        "Tệp có đặt mật khẩu nên không đọc được. Hãy bỏ mật khẩu (Tệp › Thông tin › Bảo vệ "
        "sổ làm việc) rồi gửi lại.",
        "The file is password-protected and cannot be read. Remove the password (File › Info "
        "› Protect Workbook) and send it again.",
    ),
    "file_no_scorecard_sheet": CatalogueEntry(
        _E,
        "Không tìm thấy trang phiếu chấm điểm (các trang có: {detail}). Hãy điền vào phiếu chấm "
        "được phát, không đổi tên hay xóa trang.",
        "No scorecard sheet found (sheets: {detail}). Fill in the scorecard you were sent; do "
        "not rename or delete its sheets.",
    ),
    "file_unknown_template": CatalogueEntry(
        _E,
        "Tệp không phải phiếu chấm được phát (thiếu phần thông tin ẩn của phiếu). Hãy chép kết "
        "quả sang phiếu chấm được phát cho đơn vị rồi gửi lại.",
        "This is not a scorecard we sent (its hidden information is missing). Copy the results "
        "into the scorecard sent to the unit and send that.",
    ),
    "summary_data_missing": CatalogueEntry(
        _E,
        "Tệp tổng hợp đã mất trang dữ liệu ẩn của các đơn vị nên không đọc lại được. Hãy gửi "
        "tệp tổng hợp gốc do thidua tạo ra.",
        "The summary has lost its hidden sheet of the units' data, so it cannot be read back. "
        "Send the original summary made by thidua.",
    ),
    "summary_data_damaged": CatalogueEntry(
        _E,
        "Dữ liệu ẩn của đơn vị này trong tệp tổng hợp đã bị sửa hoặc hỏng ({value}), nên không "
        "chấm lại được. Hãy gửi tệp tổng hợp gốc do thidua tạo ra.",
        "This unit's hidden data in the summary was edited or damaged ({value}), so it cannot "
        "be scored again. Send the original summary made by thidua.",
    ),
    "summary_no_units": CatalogueEntry(
        _W,
        "Tệp tổng hợp không có đơn vị nào được xếp hạng, nên không đóng góp kết quả nào.",
        "The summary ranks no unit, so it contributes no results.",
    ),
    "file_other_campaign": CatalogueEntry(
        _E,
        "Phiếu chấm này thuộc đợt thi đua «{value}», không phải «{expected}». Hãy dùng phiếu "
        "chấm của đợt này.",
        "This scorecard belongs to campaign «{value}», not «{expected}». Use this campaign's "
        "scorecard.",
    ),
    "file_outdated_template": CatalogueEntry(
        _E,
        "Phiếu được tạo từ bộ tiêu chí khác (mã {value}, hiện hành {expected}): tiêu chí hoặc "
        "thang điểm đã thay đổi. Hãy chép kết quả sang phiếu mới được phát.",
        "The scorecard was made from other criteria ({value}, current {expected}): criteria or "
        "points changed. Copy the results into the new scorecard.",
    ),
    "unit_unknown": CatalogueEntry(
        _E,
        "Mã đơn vị «{value}» ghi trong phiếu không có trong danh sách đơn vị của đợt thi đua.",
        "The unit code «{value}» in the scorecard is not among the campaign's units.",
    ),
    "unit_file_name_mismatch": CatalogueEntry(
        _W,
        "Tên tệp chỉ đơn vị «{expected}» nhưng phiếu bên trong là của đơn vị «{value}». Kiểm "
        "tra xem có gửi nhầm phiếu của đơn vị khác không.",
        "The file name points to unit «{expected}» but the scorecard inside is unit «{value}»'s. "
        "Check that no other unit's scorecard was sent by mistake.",
    ),
    "sheet_renamed": CatalogueEntry(
        _W,
        "Trang phiếu chấm đã bị đổi tên thành «{value}»; vẫn đọc được. Lần sau giữ nguyên tên "
        "trang.",
        "The scorecard sheet was renamed to «{value}»; it was still read. Keep sheet names next "
        "time.",
    ),
    "metadata_unhidden": CatalogueEntry(
        _W,
        "Trang thông tin ẩn của phiếu đã bị hiện ra. Không sửa trang này.",
        "The scorecard's hidden information sheet was made visible. Do not edit that sheet.",
    ),
    "row_missing": CatalogueEntry(
        _E,
        "Thiếu dòng tiêu chí {criterion}. Không xóa dòng hay sửa mã trong phiếu; hãy khôi phục "
        "dòng này (hoặc dùng lại phiếu được phát).",
        "Criterion row {criterion} is missing. Do not delete rows or change codes; restore "
        "this row (or use the scorecard as sent).",
    ),
    "row_extra": CatalogueEntry(
        _E,
        "Dòng có mã «{value}» không thuộc phiếu chấm của đơn vị. Xóa dòng đó hoặc sửa lại mã.",
        "The row with code «{value}» is not on the unit's scorecard. Delete it or fix the code.",
    ),
    "outside_responsibility": CatalogueEntry(
        _W,
        "Tiêu chí {criterion} không thuộc trách nhiệm của ngành này nên điểm ở dòng này không được "
        "tính. Nếu ngành có đóng góp, hãy báo để tiêu chí được giao cho ngành trong kế hoạch.",
        "Criterion {criterion} is not this sector's responsibility, so this row is not counted. "
        "If the sector contributed, ask for the criterion to be assigned to it in the plan.",
    ),
    "row_duplicate": CatalogueEntry(
        _E,
        "Mã tiêu chí {criterion} xuất hiện hai lần (dòng {first_row} và dòng này). Mỗi tiêu chí "
        "chỉ chấm một lần: xóa dòng thừa.",
        "Criterion {criterion} appears twice (row {first_row} and this one). Each criterion is "
        "scored once: delete the extra row.",
    ),
    "locked_cell_changed": CatalogueEntry(
        _W,
        "Ô đã khóa bị sửa: {what:column} của tiêu chí {criterion} là «{value}» thay vì "
        "{expected}. Dùng giá trị gốc {expected}.",
        "A locked cell was changed: the {what:column} of criterion {criterion} is «{value}» "
        "instead of {expected}. The original {expected} is used.",
    ),
    "value_not_number": CatalogueEntry(
        _E,
        "«{value}» không phải là số. Hãy nhập một số (ví dụ 12 hoặc 12,5).",
        "«{value}» is not a number. Enter a number (e.g. 12 or 12.5).",
    ),
    "value_number_with_text": CatalogueEntry(
        _E,
        "«{value}» có chữ kèm theo số. Chỉ nhập số {number}, không ghi thêm chữ (điểm, lần…).",
        "«{value}» has words with the number. Enter the number {number} alone (no «điểm», «lần»…).",
    ),
    "value_decimal_comma": CatalogueEntry(
        _W,
        "«{value}» được nhập dạng chữ với dấu phẩy thập phân; đã hiểu là {number}. Excel không "
        "tính ô dạng chữ: nên nhập lại thành số.",
        "«{value}» was typed as text with a decimal comma; read as {number}. Excel does not "
        "count text cells: re-enter it as a number.",
    ),
    "value_number_as_text": CatalogueEntry(
        _W,
        "«{value}» được lưu dạng chữ; đã hiểu là {number}. Excel không tính ô dạng chữ: nên "
        "nhập lại thành số.",
        "«{value}» is stored as text; read as {number}. Excel does not count text cells: "
        "re-enter it as a number.",
    ),
    "value_date": CatalogueEntry(
        _E,
        "Ô chứa ngày/giờ ({value}) thay vì số. Hãy nhập số (định dạng ô là Số).",
        "The cell holds a date/time ({value}) instead of a number. Enter a number (format the "
        "cell as Number).",
    ),
    "value_too_large": CatalogueEntry(
        _E,
        "Giá trị «{value}» quá lớn: ô này chỉ nhận số nhỏ hơn 10^15 (một triệu tỷ). Hãy nhập "
        "đúng số liệu.",
        "The value «{value}» is too large: this cell takes numbers below 10^15. Enter the "
        "real figure.",
    ),
    "value_negative": CatalogueEntry(
        _E,
        "Giá trị âm ({value}) không hợp lệ. Hãy nhập số từ 0 trở lên.",
        "A negative value ({value}) is not allowed. Enter 0 or more.",
    ),
    "value_over_max": CatalogueEntry(
        _E,
        "Điểm {value} vượt điểm tối đa {maximum} của tiêu chí {criterion}. Hãy chấm lại, không "
        "quá {maximum}.",
        "{value} points exceed the maximum {maximum} of criterion {criterion}. Score it again, "
        "at most {maximum}.",
    ),
    "value_over_target": CatalogueEntry(  # rewarded, not a mistake: information (issue 17)
        _I,
        "Kết quả {value} vượt chỉ tiêu {target}; chỉ tính tối đa 100% ({maximum} điểm).",
        "The result {value} exceeds the target {target}; at most 100% ({maximum} points) counts.",
    ),
    "value_excel_error": CatalogueEntry(
        _E,
        "Ô nhập liệu chứa lỗi Excel {value}. Hãy xóa và nhập lại giá trị.",
        "The input cell holds the Excel error {value}. Clear it and enter the value again.",
    ),
    "dat_invalid": CatalogueEntry(
        _E,
        "«{value}» không hợp lệ: chọn «Đạt» hoặc «Không đạt» trong danh sách.",
        "«{value}» is not valid: choose «Đạt» (met) or «Không đạt» (not met) from the list.",
    ),
    "target_missing": CatalogueEntry(
        _E,
        "Tiêu chí {criterion} tính theo % chỉ tiêu nhưng chưa ghi chỉ tiêu của đơn vị. Hãy ghi "
        "chỉ tiêu vào cột Chỉ tiêu.",
        "Criterion {criterion} is scored as % of target but the unit's target is blank. Enter "
        "it in the Chỉ tiêu column.",
    ),
    "target_not_positive": CatalogueEntry(
        _E,
        "Chỉ tiêu {value} không hợp lệ: chỉ tiêu phải lớn hơn 0.",
        "The target {value} is not valid: it must be greater than 0.",
    ),
    "evidence_missing": CatalogueEntry(
        _E,
        "Tiêu chí {criterion} được {value} điểm nhưng chưa ghi hồ sơ minh chứng. Hãy ghi số, "
        "ngày, trích yếu văn bản minh chứng.",
        "Criterion {criterion} scores {value} points but no evidence is given. Enter the "
        "number, date and subject of the supporting document.",
    ),
    "bonus_without_justification": CatalogueEntry(
        _E,
        "Đề nghị {value} điểm thưởng ở tiêu chí {criterion} nhưng chưa giải trình. Hãy nêu điểm "
        "mới, cách làm hay, hiệu quả và khả năng nhân rộng ở cột Giải trình.",
        "{value} bonus points claimed at {criterion} without a justification. Describe the new, "
        "creative, replicable practice in the Giải trình column.",
    ),
    "formula_in_input": CatalogueEntry(
        _E,
        "Ô nhập liệu chứa công thức; công thức không được tính. Hãy nhập trực tiếp giá trị.",
        "The input cell holds a formula; formulas are not evaluated. Type the value itself.",
    ),
    "formula_without_cache": CatalogueEntry(
        _W,
        "Tệp chưa được tính lại (ô công thức không có kết quả), nên không đối chiếu được tổng "
        "điểm trong tệp. Điểm được tính lại từ số liệu đã nhập.",
        "The file was never recalculated (formula cells hold no result), so its totals cannot "
        "be compared. Scores are recomputed from the entries.",
    ),
    "cached_total_mismatch": CatalogueEntry(
        _W,
        "Tổng điểm trong tệp là {value} nhưng tính lại từ số liệu là {expected}. Dùng {expected}. "
        "(Ô nhập dạng chữ hoặc công thức bị sửa thường gây ra chênh lệch này.)",
        "The file shows a total of {value} but the entries give {expected}. {expected} is used. "
        "(Numbers typed as text or edited formulas usually cause this.)",
    ),
    "file_late": CatalogueEntry(
        _W,
        "Phiếu được lưu lần cuối ngày {value}, sau hạn nộp {deadline}: nộp muộn.",
        "The scorecard was last saved on {value}, after the deadline {deadline}: late.",
    ),
    "text_legacy_encoding": CatalogueEntry(
        _W,
        "Chữ gõ bằng bảng mã cũ {encoding} («{value}») đã được chuyển sang Unicode: «{fixed}». "
        "Lần sau hãy gõ Unicode.",
        "Text typed in the legacy {encoding} encoding («{value}») was converted to Unicode: "
        "«{fixed}». Use Unicode next time.",
    ),
    "compose_shared_evidence": CatalogueEntry(
        _W,
        "Ngành {first} và ngành {second} cùng dẫn minh chứng «{value}» cho tiêu chí {criterion}: "
        "mỗi hoạt động chỉ được chấm một lần. Hãy xác định ngành nào được tính.",
        "Sectors {first} and {second} cite the same evidence «{value}» for criterion "
        "{criterion}: each activity is scored once. Decide which sector it counts for.",
    ),
    "text_not_nfc": CatalogueEntry(
        _W,
        "Chữ tiếng Việt ở dạng tổ hợp (thường do máy Mac) đã được chuẩn hóa về dạng dựng sẵn.",
        "Vietnamese text in decomposed form (often from a Mac) was normalised to precomposed form.",
    ),
    # -- hostile or broken files (SPEC §9): refused, never obeyed ------------------------------
    "file_unpacked_too_large": CatalogueEntry(
        _E,
        "Tệp nén chứa dữ liệu quá lớn khi giải nén ({detail}), gấp hàng trăm lần một phiếu "
        "chấm: có thể là tệp độc hại (zip bomb) nên không được mở. Hãy gửi đúng tệp phiếu chấm "
        "đã điền.",
        "The file unpacks to far too much data ({detail}), hundreds of times a scorecard: it "
        "may be malicious (a zip bomb), so it was not opened. Send the filled scorecard itself.",
    ),
    "sheet_too_large": CatalogueEntry(
        _E,
        "Một trang trong tệp có vùng dữ liệu quá lớn so với một phiếu chấm ({detail}): có thể "
        "đã bị dán thêm rất nhiều dòng hoặc cột, nên tệp không được đọc. Hãy xóa các dòng, cột "
        "thừa (hoặc chép kết quả sang phiếu được phát) rồi gửi lại.",
        "A sheet in the file has far too large a data area for a scorecard ({detail}): many "
        "rows or columns may have been pasted in, so the file was not read. Delete the extra "
        "rows and columns (or copy the results into the scorecard as sent) and send it again.",
    ),
    "file_xml_unsafe": CatalogueEntry(
        _E,
        "Tệp chứa khai báo XML (DOCTYPE, ENTITY) mà Excel và LibreOffice không bao giờ tạo ra: "
        "tệp đã bị sửa bằng công cụ khác hoặc có thể độc hại, nên không được đọc. Hãy điền lại "
        "phiếu chấm được phát bằng Excel hoặc LibreOffice rồi gửi lại.",
        "The file holds XML declarations (DOCTYPE, ENTITY) that Excel and LibreOffice never "
        "write: it was altered by another tool or may be malicious, so it was not read. Fill in "
        "the scorecard as sent with Excel or LibreOffice and send it again.",
    ),
    "file_has_macro": CatalogueEntry(
        _W,
        "Tệp có chứa macro hoặc đối tượng nhúng; chúng không được chạy, chỉ số liệu được đọc. "
        "Lần sau hãy lưu phiếu dạng «Sổ làm việc Excel (.xlsx)», không kèm macro.",
        "The file holds macros or embedded objects; they were not run, only the values were "
        "read. Next time save the scorecard as «Excel Workbook (.xlsx)», without macros.",
    ),
    "file_external_link": CatalogueEntry(
        _E,
        "Tệp có {detail} liên kết tới tệp khác; liên kết không được mở nên số liệu lấy từ đó "
        "không kiểm chứng được. Hãy ngắt liên kết (Dữ liệu › Sửa liên kết › Ngắt liên kết), nhập "
        "trực tiếp giá trị rồi gửi lại.",
        "The file has {detail} link(s) to other files; links are not followed, so values taken "
        "from them cannot be verified. Break the links (Data › Edit Links › Break Link), type "
        "the values and send it again.",
    ),
    "cell_merged": CatalogueEntry(
        _E,
        "Các ô {value} đã bị gộp, che mất ô nhập liệu của tiêu chí {criterion}. Hãy bỏ gộp ô "
        "(Trộn và căn giữa) và nhập lại từng ô.",
        "The cells {value} were merged, hiding an input cell of criterion {criterion}. Unmerge "
        "them (Merge & Center) and enter each cell again.",
    ),
    "text_too_long": CatalogueEntry(
        _E,
        "Nội dung ô dài {length} ký tự, vượt giới hạn {limit} ký tự của phiếu. Hãy ghi ngắn gọn "
        "số, ngày, trích yếu văn bản; nội dung chi tiết gửi kèm bằng văn bản.",
        "The cell holds {length} characters, over the scorecard's limit of {limit}. Give the "
        "number, date and subject of the document briefly; send the details as a document.",
    ),
    "unit_code_invalid": CatalogueEntry(
        _E,
        "Mã đơn vị «{value}» trong phần thông tin ẩn của phiếu có ký tự không được phép (như = + "
        "- @ ở đầu, / \\ : hoặc ..): phần này đã bị sửa. Hãy dùng phiếu chấm được phát cho đơn vị.",
        "The unit code «{value}» in the scorecard's hidden information has forbidden characters "
        "(such as a leading = + - @, or / \\ : ..): it was edited. Use the scorecard sent to the "
        "unit.",
    ),
    "unit_duplicate": CatalogueEntry(
        _W,
        "Đơn vị {value} có {count} tệp trong lần này (cùng với: {others}). Khi tổng hợp chỉ tính "
        "tệp được lưu sau cùng; hãy xóa các tệp cũ hoặc gửi nhầm.",
        "Unit {value} has {count} files in this run (also: {others}). A merge counts only the "
        "one saved last; remove old or misdirected files.",
    ),
    "file_feedback_copy": CatalogueEntry(
        _E,
        "Đây là bản phản hồi do thidua tạo ra để gửi lại cho đơn vị {value}, không phải phiếu "
        "đơn vị nộp; tệp không được tính. Đơn vị cần sửa, điền vào bản này rồi gửi lại; nếu "
        "không, hãy xóa tệp khỏi thư mục.",
        "This is a feedback copy thidua made to send back to unit {value}, not a submission; "
        "it is not counted. The unit should correct and fill it in and send it back; "
        "otherwise remove it from the folder.",
    ),
    "file_own_summary": CatalogueEntry(
        _E,
        "Đây là bảng tổng hợp do chính cấp này lập ra, không phải tệp đơn vị nộp; các đơn vị "
        "trong đó không được tính lại. Hãy xóa tệp khỏi thư mục.",
        "This is the summary this level made itself, not a submission; the units in it are "
        "not counted again. Remove it from the folder.",
    ),
    "file_check_failed": CatalogueEntry(
        _E,
        "Không kiểm tra được tệp vì nội dung bất thường ({detail}). Hãy mở phiếu bằng Excel, lưu "
        "lại rồi gửi lại; nếu vẫn lỗi, hãy báo cho người quản trị phần mềm.",
        "The file could not be checked because of unusual content ({detail}). Open it in Excel, "
        "save it and send it again; if it still fails, tell the software's administrator.",
    ),
    "file_reader_crashed": CatalogueEntry(
        _E,
        "Đọc tệp này làm bộ đọc bảng tính dừng đột ngột ({detail}): tệp hỏng hoặc được tạo ra "
        "bất thường. Tệp bị trả lại, các tệp khác vẫn được kiểm tra. Hãy mở phiếu bằng Excel "
        "hoặc LibreOffice, lưu lại rồi gửi lại, hoặc điền lại vào phiếu gốc.",
        "Reading this file made the spreadsheet reader stop abruptly ({detail}): the file is "
        "damaged or unusually made. It is rejected; the other files are still checked. Open "
        "it in Excel or LibreOffice, save it and send it again, or fill in the original card.",
    ),
    "file_read_timeout": CatalogueEntry(
        _E,
        "Đọc tệp này mất quá lâu ({detail}) nên đã bị dừng: tệp hỏng hoặc được tạo ra bất "
        "thường (một phiếu thường đọc xong trong chưa tới một giây). Hãy mở phiếu bằng Excel "
        "hoặc LibreOffice, lưu lại rồi gửi lại, hoặc điền lại vào phiếu gốc.",
        "Reading this file took too long ({detail}) and was stopped: the file is damaged or "
        "unusually made (a card is read in well under a second). Open it in Excel or "
        "LibreOffice, save it and send it again, or fill in the original card.",
    ),
    "file_structure_ambiguous": CatalogueEntry(
        _E,
        "Cấu trúc bên trong tệp bất thường ({detail}): các phần của tệp có thể được đọc theo "
        "hai cách khác nhau, nên không thể biết chắc đâu là phiếu. Không chương trình bảng "
        "tính thông thường nào tạo ra tệp như vậy. Hãy mở phiếu bằng Excel hoặc LibreOffice, "
        "lưu lại rồi gửi lại, hoặc điền lại vào phiếu gốc.",
        "The file's inner structure is unusual ({detail}): its parts could be read two "
        "different ways, so which one is the card cannot be known for sure. No ordinary "
        "spreadsheet program makes such a file. Open it in Excel or LibreOffice, save it and "
        "send it again, or fill in the original card.",
    ),
    "formula_replaced": CatalogueEntry(
        _W,
        "Công thức của phiếu ở ô này đã bị thay bằng giá trị cố định «{value}», nên điểm trên "
        "phiếu không còn tự tính lại khi sửa số liệu. Điểm vẫn được tính lại đầy đủ từ các ô "
        "nhập. Lần sau hãy dùng phiếu gốc và chỉ nhập vào các ô tô màu.",
        "A formula of the card in this cell was replaced by the fixed value «{value}», so the "
        "card's points no longer recalculate when the figures change. The scores are still "
        "recomputed in full from the input cells. Next time use the original card and type "
        "only into the tinted cells.",
    ),
    # -- issue 15: compose rules per criterion, definition typos --
    "def_unknown_compose_rule": CatalogueEntry(
        _E,
        "Không hiểu cách tổng hợp «{value}». Hãy ghi một trong: {known}; hoặc để trống để "
        "dùng cách mặc định theo cách chấm.",
        "Unknown compose rule «{value}». Write one of: {known}; or leave it blank for the "
        "default of the scoring method.",
    ),
    "def_child_max_over_parent": CatalogueEntry(
        _E,
        "Điểm tối đa của «{criterion}» là {value}, lớn hơn điểm tối đa {parent_max} của tiêu "
        "chí cấp trên «{parent}»: có lẽ gõ nhầm. Hãy sửa điểm tối đa của một trong hai.",
        "«{criterion}» has a maximum of {value}, more than the maximum {parent_max} of the "
        "criterion above it, «{parent}»: probably a typo. Correct one of the two maxima.",
    ),
    "def_children_far_exceed": CatalogueEntry(
        _W,
        "Các tiêu chí con của «{criterion}» cộng lại được {reachable}, hơn gấp đôi điểm tối "
        "đa {value} của nó: có thể gõ nhầm điểm một tiêu chí con. Nếu đúng như kế hoạch "
        "(đơn vị chỉ cần đạt một phần), có thể bỏ qua cảnh báo này.",
        "The sub-criteria of «{criterion}» add up to {reachable}, more than twice its maximum "
        "of {value}: a sub-criterion's points may be mistyped. If the plan means it (a unit "
        "needs only some of them), ignore this warning.",
    ),
    # -- issue 15: blank cards and statuses kept in a roll-up -------------------------------
    "card_blank": CatalogueEntry(
        _E,
        "Phiếu chưa điền: {found:card_found}. Phiếu không được chấm và đơn vị {value} được ghi "
        "là gửi phiếu trống, không phải đã nộp. Có thể đơn vị đã gửi nhầm tệp mẫu trống: hãy "
        "liên hệ đơn vị để gửi lại phiếu đã điền kết quả ở cột Kết quả (ghi 0 nếu kết quả bằng "
        "0, Đạt hoặc Không đạt ở tiêu chí Đạt/Không đạt).",
        "Card not filled in: {found:card_found}. The card is not scored and unit {value} is "
        "listed as having sent an empty card, not as submitted. The unit probably attached "
        "the blank template by mistake: ask it to send the card with its results in the "
        "Kết quả column (0 where the result is zero, Đạt or Không đạt for met/not met).",
    ),
    "unit_rejected_below": CatalogueEntry(
        _W,
        "Đơn vị {value} {status:submission} ở cấp dưới: bảng tổng hợp {lower} của {lower_unit} "
        "không tính phiếu của đơn vị ({codes}). Đơn vị không được xếp hạng ở đây và không bị "
        "coi là chưa nộp. Đơn vị cần sửa và nộp lại cho {lower_unit}; {lower_unit} tổng hợp "
        "lại và gửi bảng tổng hợp mới lên.",
        "Unit {value} at the level below: {status:submission}; the summary {lower} of "
        "{lower_unit} does not count its card ({codes}). It is not ranked here, and not "
        "counted as missing. The unit corrects its card and resends it to {lower_unit}, "
        "which merges again and sends up the new summary.",
    ),
    # -- issue 15: verification by the upper level only --------------------------------------
    "verified_in_unit_file": CatalogueEntry(
        _W,
        "Cột «Điểm thẩm định» do cấp trên ghi khi thẩm định, trong bảng thẩm định của cấp trên; "
        "giá trị «{value}» nhập ở phiếu của đơn vị không được tính. Hãy xóa giá trị này: điểm "
        "của tiêu chí {criterion} là điểm tự chấm cho đến khi cấp trên thẩm định.",
        "The «Điểm thẩm định» (verified score) column is the upper level's, filled in its own "
        "verification workbook; the value «{value}» typed in the unit's file does not count. "
        "Clear it: criterion {criterion} keeps its self score until the upper level verifies it.",
    ),
    "verification_in_inbox": CatalogueEntry(
        _E,
        "Đây là bảng thẩm định của cấp trên, không phải phiếu của một đơn vị. Hãy đưa nó ra khỏi "
        "thư mục phiếu đã nhận và dùng «thidua merge … --verified {value}».",
        "This is the upper level's verification workbook, not a unit's scorecard. Move it out "
        "of the inbox and give it with «thidua merge … --verified {value}».",
    ),
    "verification_not_workbook": CatalogueEntry(
        _E,
        "Tệp này không phải bảng thẩm định do «thidua verify» ghi ({value}). Hãy dùng bảng "
        "thẩm định của đợt thi đua này.",
        "This file is not a verification workbook written by «thidua verify» ({value}). Give "
        "this campaign's verification workbook.",
    ),
    "verification_other_campaign": CatalogueEntry(
        _E,
        "Bảng thẩm định này thuộc đợt thi đua «{value}», không phải «{expected}». Không áp dụng "
        "bảng này; hãy dùng bảng thẩm định của đợt này.",
        "This verification workbook belongs to campaign «{value}», not «{expected}». It is not "
        "applied; give this campaign's verification workbook.",
    ),
    "verification_outdated": CatalogueEntry(
        _E,
        "Bảng thẩm định được lập theo bộ tiêu chí cũ (mã {value}, hiện nay {expected}). Không "
        "áp dụng bảng này; hãy lập lại bằng «thidua verify» và thẩm định lại.",
        "This verification workbook was made for an earlier set of criteria ({value}, now "
        "{expected}). It is not applied; write a new one with «thidua verify».",
    ),
    "verification_damaged": CatalogueEntry(
        _E,
        "Thông tin ẩn của bảng thẩm định không khớp với chính nó ({detail}): bảng đã bị sửa "
        "ngoài các ô thẩm định. Không áp dụng bảng này; hãy lập lại bằng «thidua verify».",
        "The verification workbook's hidden information does not match itself ({detail}): it "
        "was changed outside the verification cells. It is not applied; write a new one with "
        "«thidua verify».",
    ),
    "verification_unit_unknown": CatalogueEntry(
        _W,
        "Bảng thẩm định có đơn vị «{value}» mà đợt thi đua không có; phần thẩm định của đơn vị "
        "này không được áp dụng.",
        "The verification workbook names the unit «{value}», which the campaign does not have; "
        "its verification is not applied.",
    ),
    "verification_unit_not_counted": CatalogueEntry(
        _W,
        "Đơn vị «{value}» không có phiếu được chấp nhận trong lần tổng hợp này; phần thẩm định "
        "của đơn vị này không được áp dụng.",
        "The unit «{value}» has no accepted scorecard in this merge; its verification is not "
        "applied.",
    ),
    "verification_self_changed": CatalogueEntry(
        _W,
        "Khi lập bảng thẩm định, điểm tự chấm tiêu chí {criterion} là {value}; phiếu đơn vị gửi "
        "sau đó tự chấm {current}. Điểm thẩm định vẫn được áp dụng; hãy xem lại nếu cần.",
        "When the verification workbook was made, criterion {criterion} was self-scored "
        "{value}; the unit's later scorecard says {current}. The verified score still applies; "
        "check it again if needed.",
    ),
    "verification_twice": CatalogueEntry(
        _W,
        "Tiêu chí {criterion} của đơn vị «{value}» được thẩm định ở hai bảng; bảng này (đưa vào "
        "sau) được tính, bảng «{first}» không.",
        "Criterion {criterion} of the unit «{value}» is verified in two workbooks; this one "
        "(given later) counts, «{first}» does not.",
    ),
    "verified_negative": CatalogueEntry(
        _E,
        "Điểm thẩm định âm ({value}) không hợp lệ. Hãy nhập điểm từ 0 đến điểm tối đa.",
        "A negative verified score ({value}) is not allowed. Enter a score from 0 to the maximum.",
    ),
    "verified_over_max": CatalogueEntry(
        _E,
        "Điểm thẩm định {value} vượt điểm tối đa {maximum} của tiêu chí {criterion}. Hãy nhập "
        "lại, không quá {maximum}.",
        "The verified score {value} exceeds the maximum {maximum} of criterion {criterion}. "
        "Enter it again, at most {maximum}.",
    ),
    "verified_without_reason": CatalogueEntry(
        _E,
        "Điểm thẩm định {value} khác điểm tự chấm {self_score} nhưng chưa ghi lý do. Hãy ghi lý "
        "do ở cột «Lý do» cùng dòng.",
        "The verified score {value} differs from the self score {self_score} but no reason is "
        "given. Write the reason in the «Lý do» column of the same row.",
    ),
    # -- issue 15: percent entries, and the card's total against the one counted ----------
    "value_percent_format": CatalogueEntry(
        _W,
        "Ô này có định dạng phần trăm: người nhập thấy «{value}» (Excel lưu {stored}), nên đã "
        "hiểu là {number}. Ô tỷ lệ % chỉ cần gõ số, không gõ dấu %: gõ 86 cho 86%.",
        "This cell has a percent format: the person typing saw «{value}» (Excel stores "
        "{stored}), so it is read as {number}. In a % cell type the number without the % sign: "
        "86 for 86%.",
    ),
    "value_percent_small": CatalogueEntry(
        _W,
        "Kết quả {value} rất nhỏ so với chỉ tiêu {target}, nên được rất ít điểm. Nếu ý là "
        "{percent}% thì hãy gõ {percent} (ô tỷ lệ % gõ số, ví dụ gõ 86 cho 86%).",
        "The result {value} is very small against the target {target}, so it earns almost "
        "nothing. If {percent}% was meant, type {percent} (a % cell takes the number, e.g. 86 "
        "for 86%).",
    ),
    "card_total_differs": CatalogueEntry(
        _W,
        "Phiếu ghi {value} điểm, tính được {expected} điểm: ô {cells} {why:card_total_why}. "
        "Bảng xếp hạng dùng {expected} điểm; hãy sửa các ô đó để phiếu ký gửi khớp với điểm "
        "được tính.",
        "The card shows {value} points, {expected} were counted: cell {cells} "
        "{why:card_total_why}. The ranking uses {expected} points; correct those cells so "
        "that the signed card agrees with the points counted.",
    ),
    # -- issue 16: the Council's vote ---------------------------------------------------------
    "def_council_no_members": CatalogueEntry(
        _E,
        "Trang «Hội đồng» chưa có thành viên nào. Hãy nhập họ tên từng thành viên dưới dòng "
        "tiêu đề «Họ và tên».",
        "The «Hội đồng» sheet lists no member. Enter each member's name under the «Họ và tên» "
        "header.",
    ),
    "def_council_member_name_missing": CatalogueEntry(
        _E,
        "Dòng thành viên Hội đồng này chưa có họ tên. Hãy nhập họ tên hoặc xóa dòng.",
        "This Council member's row has no name. Enter the name or delete the row.",
    ),
    "def_council_member_duplicate": CatalogueEntry(
        _E,
        "Thành viên «{value}» được nhập hai lần (lần đầu ở dòng {first_row}). Hãy giữ một dòng.",
        "The member «{value}» is entered twice (first at row {first_row}). Keep one row.",
    ),
    "def_council_two_chairs": CatalogueEntry(
        _E,
        "Hội đồng có hai Chủ tịch («{value}» và «{first}»). Chỉ một người là Chủ tịch; phiếu "
        "của Chủ tịch quyết định khi bằng phiếu.",
        "The Council has two chairmen («{value}» and «{first}»). Only one member chairs it; "
        "the chairman's vote settles a tie.",
    ),
    "def_council_no_chair": CatalogueEntry(
        _W,
        "Hội đồng chưa có thành viên giữ vai trò «Chủ tịch». Khi bằng phiếu ở giới hạn số "
        "lượng, không có phiếu Chủ tịch để quyết định và Hội đồng phải bỏ phiếu lại.",
        "No Council member has the role «Chủ tịch». A tie at the quota then has no chairman's "
        "vote to settle it, and the Council must vote again.",
    ),
    "def_council_bad_share": CatalogueEntry(
        _E,
        "«{value}» không phải một tỷ lệ hiểu được. Hãy nhập như «2/3», «50%», «từ 80% trở "
        "lên» hoặc «trên 50%» (lớn hơn 0 và không quá 100%).",
        "«{value}» is not a share this tool understands. Enter it like «2/3», «50%», «từ 80% "
        "trở lên» or «trên 50%» (above 0, at most 100%).",
    ),
    "def_council_bad_quota": CatalogueEntry(
        _E,
        "Số lượng «{value}» phải là một số nguyên dương (hoặc để trống: không giới hạn).",
        "The quota «{value}» must be a whole number above 0 (or blank: no limit).",
    ),
    "def_council_bad_yes_no": CatalogueEntry(
        _E,
        "«{value}» ở mục «{key}» phải là «có» hoặc «không».",
        "«{value}» for «{key}» must be «có» (yes) or «không» (no).",
    ),
    "def_council_title_duplicate": CatalogueEntry(
        _E,
        "Hình thức «{value}» có hai dòng quy tắc (lần đầu ở dòng {first_row}). Hãy giữ một dòng.",
        "The title «{value}» has two rule rows (first at row {first_row}). Keep one row.",
    ),
    "def_council_title_missing": CatalogueEntry(
        _E,
        "Trang «Hội đồng» chưa có quy tắc cho hình thức «{value}» của đợt thi đua. Hãy thêm "
        "một dòng dưới «Hình thức khen thưởng» với tỷ lệ đồng ý cần đạt.",
        "The «Hội đồng» sheet has no rule for the campaign's award «{value}». Add a row under "
        "«Hình thức khen thưởng» with the share of votes it needs.",
    ),
    "vote_passed": CatalogueEntry(
        _I,
        "{yes}/{members} thành viên đồng ý ({percent} tổng số thành viên), đạt mức {share}: "
        "được đề nghị {title}.",
        "{yes}/{members} members agreed ({percent} of all members), reaching {share}: proposed "
        "for {title}.",
    ),
    "vote_below_share": CatalogueEntry(
        _I,
        "{yes}/{members} thành viên đồng ý ({percent} tổng số thành viên), chưa đạt mức {share} "
        "(cần ít nhất {needed} phiếu đồng ý): không được đề nghị {title}.",
        "{yes}/{members} members agreed ({percent} of all members), short of {share} (at least "
        "{needed} votes needed): not proposed for {title}.",
    ),
    "vote_over_quota": CatalogueEntry(
        _I,
        "{yes}/{members} thành viên đồng ý, đạt mức {share} nhưng xếp thứ {place} theo số "
        "phiếu, ngoài số lượng {quota}: không được đề nghị {title}.",
        "{yes}/{members} members agreed, reaching {share}, but it comes {place} by votes, "
        "beyond the quota of {quota}: not proposed for {title}.",
    ),
    "vote_tie_chair_agreed": CatalogueEntry(
        _I,
        "{yes}/{members} thành viên đồng ý, bằng phiếu ở giới hạn số lượng {quota} ({tied}: "
        "{slots} chỗ còn lại); Chủ tịch Hội đồng đồng ý: được đề nghị {title}.",
        "{yes}/{members} members agreed, a tie at the quota of {quota} ({tied}: {slots} places "
        "left); the chairman agreed: proposed for {title}.",
    ),
    "vote_tie_chair_not": CatalogueEntry(
        _I,
        "{yes}/{members} thành viên đồng ý, bằng phiếu ở giới hạn số lượng {quota} ({tied}: "
        "{slots} chỗ còn lại); Chủ tịch Hội đồng không đồng ý: không được đề nghị {title}.",
        "{yes}/{members} members agreed, a tie at the quota of {quota} ({tied}: {slots} places "
        "left); the chairman did not agree: not proposed for {title}.",
    ),
    "vote_tie_unresolved": CatalogueEntry(
        _W,
        "{yes}/{members} thành viên đồng ý, bằng phiếu ở giới hạn số lượng {quota} ({tied}: "
        "{slots} chỗ còn lại) và phiếu của Chủ tịch không phân định được. Hội đồng cần biểu "
        "quyết lại giữa các đơn vị này.",
        "{yes}/{members} members agreed, a tie at the quota of {quota} ({tied}: {slots} places "
        "left) that the chairman's vote does not settle. The Council must vote again between "
        "these units.",
    ),
    "vote_tie_no_chair": CatalogueEntry(
        _W,
        "{yes}/{members} thành viên đồng ý, bằng phiếu ở giới hạn số lượng {quota} ({tied}: "
        "{slots} chỗ còn lại) nhưng không có phiếu của Chủ tịch Hội đồng. Hội đồng cần biểu "
        "quyết lại giữa các đơn vị này.",
        "{yes}/{members} members agreed, a tie at the quota of {quota} ({tied}: {slots} places "
        "left), but there is no chairman's vote. The Council must vote again between these "
        "units.",
    ),
    "vote_no_quorum": CatalogueEntry(
        _E,
        "Chỉ {value}/{members} thành viên có mặt, chưa đủ {share} tổng số thành viên (cần ít "
        "nhất {needed}): cuộc họp chưa đủ điều kiện biểu quyết, không đơn vị nào được quyết định.",
        "Only {value}/{members} members were present, short of {share} of all members (at "
        "least {needed} needed): the meeting cannot vote, and no unit is decided.",
    ),
    "tally_not_tally": CatalogueEntry(
        _E,
        "Tệp này không phải bảng kiểm phiếu của «thidua vote» (tệp là: {value}). Hãy chọn "
        "đúng tệp KIEM-PHIEU đã ghi.",
        "This file is not a tally workbook written by «thidua vote» (it is: {value}). Choose "
        "the KIEM-PHIEU file it wrote.",
    ),
    "tally_other_campaign": CatalogueEntry(
        _E,
        "Bảng kiểm phiếu thuộc đợt thi đua «{value}», không phải «{expected}».",
        "The tally belongs to the campaign «{value}», not «{expected}».",
    ),
    "tally_outdated": CatalogueEntry(
        _E,
        "Bảng kiểm phiếu được lập theo bảng tiêu chí cũ. Hãy lập lại bằng «thidua vote».",
        "The tally was written for an older criteria table. Write a new one with «thidua vote».",
    ),
    "tally_council_changed": CatalogueEntry(
        _E,
        "Thành viên hoặc quy tắc của Hội đồng đã thay đổi từ khi lập bảng kiểm phiếu này. Hãy "
        "lập lại bảng kiểm phiếu bằng «thidua vote» theo Hội đồng hiện tại.",
        "The Council's members or rules changed since this tally was written. Write a new "
        "tally with «thidua vote» for the Council as it is now.",
    ),
    "tally_summary_changed": CatalogueEntry(
        _E,
        "Danh sách đề nghị trong bảng tổng hợp nay khác danh sách trên bảng kiểm phiếu ({detail}). "
        "Hãy dùng đúng bảng tổng hợp đã dùng khi lập phiếu, hoặc lập lại phiếu.",
        "The summary's proposal list now differs from the tally's ({detail}). Use the summary "
        "the ballots were written from, or write them again.",
    ),
    "tally_damaged": CatalogueEntry(
        _E,
        "Thông tin ẩn của bảng kiểm phiếu không khớp với chính nó ({detail}): bảng đã bị sửa "
        "ngoài các ô được nhập. Hãy lập lại bằng «thidua vote».",
        "The tally's hidden information does not match itself ({detail}): it was changed "
        "outside the open cells. Write a new one with «thidua vote».",
    ),
    "tally_presence_missing": CatalogueEntry(
        _E,
        "Chưa ghi thành viên «{member}» có mặt hay vắng mặt. Hãy chọn «Có mặt» hoặc «Vắng mặt».",
        "Whether the member «{member}» was present is not filled in. Choose «Có mặt» (present) "
        "or «Vắng mặt» (absent).",
    ),
    "tally_presence_unknown": CatalogueEntry(
        _E,
        "«{value}» (thành viên «{member}») không rõ có mặt hay vắng mặt. Hãy chọn «Có mặt» "
        "hoặc «Vắng mặt».",
        "«{value}» (member «{member}») does not say present or absent. Choose «Có mặt» "
        "(present) or «Vắng mặt» (absent).",
    ),
    "tally_vote_unknown": CatalogueEntry(
        _E,
        "«{value}» (phiếu của «{member}» cho «{unit}») không phải «Đồng ý» hay «Không đồng ý». "
        "Hãy chọn một trong hai, hoặc để trống nếu phiếu không ghi.",
        "«{value}» («{member}»'s vote for «{unit}») is neither «Đồng ý» (agree) nor «Không "
        "đồng ý» (disagree). Choose one, or leave it blank if the ballot left it blank.",
    ),
    "tally_vote_blank": CatalogueEntry(
        _W,
        "Thành viên «{member}» có mặt nhưng không ghi phiếu cho «{unit}»: tính là không đồng ý.",
        "The member «{member}» was present but cast no vote for «{unit}»: counted as not agreeing.",
    ),
    "tally_in_inbox": CatalogueEntry(
        _E,
        "«{value}» là bảng kiểm phiếu hoặc kết quả biểu quyết của Hội đồng, không phải phiếu "
        "chấm của đơn vị. Hãy để nó ngoài thư mục phiếu chấm.",
        "«{value}» is the Council's tally or the result of its vote, not a unit's scorecard. "
        "Keep it out of the inbox.",
    ),
    "tally_absent_vote_ignored": CatalogueEntry(
        _W,
        "Thành viên «{member}» vắng mặt; theo quy tắc của Hội đồng, ý kiến bằng văn bản của "
        "thành viên vắng mặt không được tính, nên phiếu cho «{unit}» không được đếm.",
        "The member «{member}» was absent; the Council's rules do not count an absent member's "
        "written opinion, so the vote for «{unit}» is not counted.",
    ),
    # -- issue 18: periods --
    "def_periods_need_window": CatalogueEntry(
        _E,
        "Kỳ báo cáo «{value}» được chia theo thời gian thi đua, nhưng mục «Thời gian thi đua» "
        "chưa ghi ngày bắt đầu và ngày kết thúc. Hãy ghi, ví dụ «từ 20/10/2021 đến 20/01/2022», "
        "hoặc liệt kê từng kỳ với hạn nộp: «Tháng 10: 31/10/2021; Tháng 11: 30/11/2021».",
        "Reporting periods «{value}» are cut from the campaign's time, but «Thời gian thi đua» "
        "gives no start and end date. Write them, e.g. «từ 20/10/2021 đến 20/01/2022», or list "
        "each period with its deadline: «Tháng 10: 31/10/2021; Tháng 11: 30/11/2021».",
    ),
    "def_period_duplicate": CatalogueEntry(
        _E,
        "Kỳ báo cáo «{value}» được ghi hai lần. Mỗi kỳ cần một tên riêng.",
        "The reporting period «{value}» is listed twice. Each period needs a name of its own.",
    ),
    "def_period_unnamed": CatalogueEntry(
        _E,
        "Kỳ báo cáo «{value}» không có tên. Hãy ghi tên kỳ rồi hạn nộp, ví dụ "
        "«Tháng 11: 30/11/2021».",
        "The reporting period «{value}» has no name. Write its name, then its deadline, e.g. "
        "«Tháng 11: 30/11/2021».",
    ),
    "file_wrong_period": CatalogueEntry(
        _E,
        "Tệp này là của kỳ «{value}», không phải kỳ đang xử lý «{expected}». Hãy gửi phiếu "
        "của kỳ «{expected}» (tạo bằng thidua templates --period).",
        "This file is of the period «{value}», not of the period being processed «{expected}». "
        "Send the card of «{expected}» (made with thidua templates --period).",
    ),
    "file_period_missing": CatalogueEntry(
        _E,
        "Tệp này không ghi kỳ báo cáo, nhưng đợt thi đua chia theo kỳ: đang xử lý kỳ "
        "«{expected}». Hãy dùng phiếu chấm của kỳ này (thidua templates --period).",
        "This file names no reporting period, but the campaign is reported period by period: "
        "the period being processed is «{expected}». Use this period's card (thidua templates "
        "--period).",
    ),
    "earlier_not_earlier": CatalogueEntry(
        _W,
        "Bảng tổng hợp này là của kỳ «{value}», không phải một kỳ trước kỳ «{expected}»: số "
        "liệu của nó không được ghi vào phiếu.",
        "This summary is of the period «{value}», not of a period before «{expected}»: its "
        "figures are not written on the cards.",
    ),
    "verification_wrong_period": CatalogueEntry(
        _E,
        "Bảng thẩm định này là của kỳ «{value}», không phải kỳ đang xếp hạng «{expected}». Không "
        "áp dụng bảng này; hãy lập bảng thẩm định của kỳ này (thidua verify --period).",
        "This verification workbook is of the period «{value}», not of the period being ranked "
        "«{expected}». It is not applied; write this period's (thidua verify --period).",
    ),
    "file_superseded_earlier": CatalogueEntry(
        _I,
        "Đã có bảng tổng hợp mới hơn của kỳ «{value}»: số liệu lấy từ bảng mới hơn.",
        "There is a newer summary of the period «{value}»: its figures are taken from that one.",
    ),
    # -- issue 18: trend (thidua trend) --
    "trend_not_summary": CatalogueEntry(
        _E,
        "«{value}» không phải bảng tổng hợp do «thidua merge» ghi, nên không dùng để xem xu "
        "hướng. Hãy chọn các tệp tổng hợp của từng kỳ.",
        "«{value}» is not a summary written by «thidua merge», so it cannot be used for the "
        "trend. Choose the summaries of each period.",
    ),
    "trend_no_definition": CatalogueEntry(
        _E,
        "Bảng tổng hợp này (đợt «{value}») được ghi khi thidua chưa lưu kèm định nghĩa đợt thi "
        "đua, nên không chấm lại được. Hãy thêm --campaign với tệp định nghĩa đợt «{value}» "
        "đúng như khi tổng hợp.",
        "This summary (campaign «{value}») was written before thidua kept the campaign's "
        "definition in it, so it cannot be scored again. Add --campaign with the campaign "
        "workbook of «{value}» as it was when the summary was made.",
    ),
    "trend_definition_damaged": CatalogueEntry(
        _E,
        "Định nghĩa đợt thi đua lưu ẩn trong bảng tổng hợp này đã bị sửa hoặc hỏng ({detail}), "
        "nên không chấm lại được. Hãy dùng bản gốc do thidua ghi, hoặc thêm --campaign với tệp "
        "định nghĩa đợt thi đua.",
        "The campaign definition kept hidden in this summary was edited or damaged ({detail}), "
        "so it cannot be scored again. Use the original thidua wrote, or add --campaign with "
        "the campaign workbook.",
    ),
    "trend_other_campaign": CatalogueEntry(
        _E,
        "Bảng tổng hợp này thuộc đợt «{value}», khác đợt «{expected}» của các tệp khác, và mã "
        "tiêu chí không khớp, nên không so sánh được. Tệp này không được dùng.",
        "This summary is of the campaign «{value}», not «{expected}» like the other files, and "
        "its criterion codes do not match, so it cannot be compared. It is not used.",
    ),
    "trend_other_level": CatalogueEntry(
        _E,
        "Bảng tổng hợp này là của «{value}», không cùng cấp với «{expected}» như các tệp khác, "
        "nên không so sánh được. Tệp này không được dùng.",
        "This summary is of «{value}», not of the same level as «{expected}» like the other "
        "files, so it cannot be compared. It is not used.",
    ),
    "trend_same_period": CatalogueEntry(
        _E,
        "Kỳ «{value}» đã có bảng tổng hợp ghi sau ({kept}); mỗi kỳ chỉ dùng một bảng. Tệp này "
        "không được dùng.",
        "The period «{value}» already has a summary written later ({kept}); each period counts "
        "once. This file is not used.",
    ),
}


_OWN_FIELDS = ("value", "criterion")


@dataclass(frozen=True)
class Issue:
    """One problem, where it is and what was found. The message comes from the catalogue."""

    code: str
    file: str = ""
    sheet: str = ""
    cell: str = ""
    row: int | None = None  # 1-based, as Excel shows it
    criterion: str = ""
    value: str = ""
    params: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        entry = CATALOGUE.get(self.code)
        if entry is None:
            raise KeyError(f"issue code not in the catalogue: {self.code}")
        check_params(entry, self.params, _OWN_FIELDS)  # a missing parameter fails here

    @property
    def severity(self) -> Severity:
        return CATALOGUE[self.code].severity

    def message(self, lang: str = "vi") -> str:
        fields = {**self.params, "value": self.value, "criterion": self.criterion}
        return render(CATALOGUE[self.code], as_lang(lang), **fields)

    def where(self, lang: str = "vi") -> str:
        said = as_lang(lang)
        parts = []
        if self.sheet:
            parts.append(render("where.sheet", said, sheet=self.sheet))
        if self.row is not None:
            parts.append(render("where.row", said, row=self.row))
        if self.cell:
            parts.append(render("where.cell", said, cell=self.cell))
        return ", ".join(parts)

    def describe(self, lang: str = "vi") -> str:
        where = self.where(lang)
        return f"{where}: {self.message(lang)} [{self.code}]" if where else self.message(lang)
