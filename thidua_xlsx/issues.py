"""Issues are data: one catalogue of codes with a severity and Vietnamese and English texts.

Every problem this library reports — in a campaign definition or, later, in a returned
scorecard — is an :class:`Issue` built from an entry of :data:`CATALOGUE`. Each message says
what is wrong and how to fix it. Tests assert on codes, so rewording a message breaks nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum

__all__ = ["CATALOGUE", "CatalogueEntry", "Issue", "Severity"]


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class CatalogueEntry:
    severity: Severity
    vi: str
    en: str


_E, _W = Severity.ERROR, Severity.WARNING

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
        _E,
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
}


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
        if self.code not in CATALOGUE:
            raise KeyError(f"issue code not in the catalogue: {self.code}")

    @property
    def severity(self) -> Severity:
        return CATALOGUE[self.code].severity

    def message(self, lang: str = "vi") -> str:
        entry = CATALOGUE[self.code]
        template = entry.en if lang == "en" else entry.vi
        return template.format(value=self.value, criterion=self.criterion, **self.params)

    def where(self, lang: str = "vi") -> str:
        parts = []
        if self.sheet:
            parts.append(f"trang «{self.sheet}»" if lang != "en" else f"sheet «{self.sheet}»")
        if self.row is not None:
            parts.append(f"dòng {self.row}" if lang != "en" else f"row {self.row}")
        if self.cell:
            parts.append(f"ô {self.cell}" if lang != "en" else f"cell {self.cell}")
        return ", ".join(parts)

    def describe(self, lang: str = "vi") -> str:
        where = self.where(lang)
        return f"{where}: {self.message(lang)} [{self.code}]" if where else self.message(lang)
