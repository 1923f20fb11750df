"""The campaign workbook format (SPEC §3): sheet names, column headers, keys and value words.

Shared by the loader and the writer so that what ``thidua init`` writes is exactly what the
loader reads. Headers and words are matched folded (see :func:`thidua_xlsx.core.vi_text.fold`):
case-, accent- and spacing-insensitively. Pure data.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.model import ComposeRule, Method, RankingStyle
from ..core.vi_text import fold

__all__ = [
    "BAND_COLUMNS",
    "COMPOSE_WORDS",
    "COUNCIL_KEYS",
    "CRITERIA_COLUMNS",
    "INFO_KEYS",
    "MEMBER_COLUMNS",
    "SHEET_BANDS",
    "SHEET_COUNCIL",
    "SHEET_CRITERIA",
    "SHEET_GUIDE",
    "SHEET_INFO",
    "SHEET_UNITS",
    "TITLE_COLUMNS",
    "UNIT_COLUMNS",
    "Column",
    "InfoKey",
    "compose_rule_from_text",
    "method_from_text",
    "ranking_style_from_text",
    "yes_no_from_text",
]

SHEET_INFO = "Thông tin"
SHEET_CRITERIA = "Tiêu chí"
SHEET_BANDS = "Xếp loại"
SHEET_UNITS = "Đơn vị"
SHEET_GUIDE = "Hướng dẫn"
SHEET_COUNCIL = "Hội đồng"  # optional: the Council's members and the rules of its vote


@dataclass(frozen=True)
class Column:
    """A column of a definition sheet: the field it fills, its written header, accepted aliases."""

    field: str
    header: str
    aliases: tuple[str, ...] = ()
    required: bool = False

    def matches(self, folded_header: str) -> bool:
        return folded_header in {fold(self.header), *(fold(a) for a in self.aliases)}


CRITERIA_COLUMNS: tuple[Column, ...] = (
    Column("code", "Mã", ("Mã tiêu chí", "STT", "Mã số", "Code"), required=True),
    Column("content", "Nội dung", ("Tên tiêu chí", "Nội dung tiêu chí", "Tiêu chí", "Content")),
    Column("max", "Điểm tối đa", ("Điểm chuẩn", "Thang điểm", "Điểm", "Max"), required=True),
    Column("method", "Cách chấm", ("Phương pháp chấm", "Cách tính điểm", "Method")),
    Column("target", "Chỉ tiêu", ("Mục tiêu", "Target")),
    Column(
        "per_unit",
        "Điểm mỗi đơn vị",
        ("Điểm/đơn vị", "Điểm mỗi lần", "Điểm mỗi vụ", "Points per unit"),
    ),
    Column("evidence", "Cần minh chứng", ("Minh chứng", "Yêu cầu minh chứng", "Evidence")),
    Column(
        "sectors",
        "Ngành phụ trách",
        ("Đơn vị phụ trách", "Ngành thực hiện", "Đơn vị thực hiện", "Sectors"),
    ),
    Column(
        "compose",
        "Cách tổng hợp",
        ("Cách tổng hợp điểm", "Tổng hợp các ngành", "Cách cộng các ngành", "Compose rule"),
    ),
    Column("guidance", "Hướng dẫn chấm", ("Ghi chú", "Hướng dẫn", "Guidance")),
    Column("cumulative", "Cộng dồn", ("Cộng dồn các kỳ", "Tính cộng dồn", "Cumulative")),
)

BAND_COLUMNS: tuple[Column, ...] = (
    Column("min", "Điểm từ", ("Từ điểm", "Điểm tối thiểu", "Mức điểm", "Min"), required=True),
    Column("label", "Xếp loại", ("Loại", "Mức xếp loại", "Label"), required=True),
)

UNIT_COLUMNS: tuple[Column, ...] = (
    Column("code", "Mã", ("Mã đơn vị", "Code"), required=True),
    Column("name", "Tên đơn vị", ("Tên", "Đơn vị", "Name"), required=True),
    Column("level", "Cấp", ("Cấp đơn vị", "Loại đơn vị", "Level")),
    Column("parent", "Mã đơn vị cấp trên", ("Đơn vị cấp trên", "Cấp trên", "Parent")),
    Column("cluster", "Cụm thi đua", ("Cụm", "Khối", "Cụm/khối", "Khối thi đua", "Cluster")),
    Column("place", "Địa danh", ("Nơi ký", "Địa danh ký", "Place")),
)


# The Hội đồng sheet: a few rules as label | value rows, then the members' table, then the
# titles' table (each found by its header row, anywhere on the sheet).
MEMBER_COLUMNS: tuple[Column, ...] = (
    Column("name", "Họ và tên", ("Họ tên", "Thành viên", "Tên thành viên", "Name"), required=True),
    Column("role", "Chức vụ trong Hội đồng", ("Vai trò", "Chức danh trong Hội đồng", "Role")),
    Column("position", "Chức vụ, đơn vị công tác", ("Chức vụ", "Đơn vị công tác", "Position")),
)
TITLE_COLUMNS: tuple[Column, ...] = (
    Column("title", "Hình thức khen thưởng", ("Danh hiệu", "Hình thức", "Title"), required=True),
    Column(
        "share",
        "Tỷ lệ đồng ý cần đạt (trên tổng số thành viên)",
        ("Tỷ lệ đồng ý cần đạt", "Tỷ lệ phiếu đồng ý", "Tỷ lệ phiếu", "Tỷ lệ", "Share"),
        required=True,
    ),
    Column("quota", "Số lượng tối đa", ("Số lượng", "Chỉ tiêu", "Quota")),
)


@dataclass(frozen=True)
class InfoKey:
    """A row of the Thông tin sheet: the field it fills, its written label, accepted aliases."""

    field: str
    label: str
    aliases: tuple[str, ...] = ()
    required: bool = False

    def matches(self, folded_label: str) -> bool:
        return folded_label in {fold(self.label), *(fold(a) for a in self.aliases)}


INFO_KEYS: tuple[InfoKey, ...] = (
    InfoKey("campaign_id", "Mã đợt thi đua", ("Mã kế hoạch", "Mã phong trào", "Campaign id"), True),
    InfoKey("title", "Tên đợt thi đua", ("Tên phong trào", "Tiêu đề", "Title"), True),
    InfoKey("plan_number", "Số kế hoạch", ("Số văn bản", "Plan number")),
    InfoKey("superior_body", "Cơ quan cấp trên", ("Cơ quan chủ quản", "Superior body")),
    InfoKey("issuing_body", "Cơ quan ban hành", ("Đơn vị ban hành", "Issuing body")),
    InfoKey("place", "Địa danh", ("Nơi ban hành", "Place")),
    InfoKey("issue_date", "Ngày ban hành", ("Ngày kế hoạch", "Issue date")),
    InfoKey("period", "Thời gian thi đua", ("Thời gian thực hiện", "Kỳ thi đua", "Period")),
    InfoKey(
        "periods",
        "Kỳ báo cáo",
        ("Các kỳ báo cáo", "Báo cáo định kỳ", "Kỳ báo cáo định kỳ", "Reporting periods"),
    ),
    InfoKey(
        "period_grace",
        "Số ngày nộp sau mỗi kỳ",
        ("Hạn nộp sau mỗi kỳ", "Số ngày nộp sau kỳ", "Days to report after a period"),
    ),
    InfoKey("deadline", "Hạn nộp", ("Hạn gửi", "Thời hạn nộp", "Hạn báo cáo", "Deadline")),
    InfoKey("award_window", "Thời gian xét khen thưởng", ("Thời gian bình chọn", "Award window")),
    InfoKey("total_cap", "Tổng điểm tối đa", ("Tổng điểm", "Điểm tối đa", "Total cap")),
    InfoKey("rounding_step", "Bước làm tròn", ("Làm tròn", "Rounding step")),
    InfoKey("tie_breaks", "Thứ tự xét khi bằng điểm", ("Xét khi bằng điểm", "Tie-breaks")),
    InfoKey("ranking_style", "Cách xếp hạng", ("Kiểu xếp hạng", "Ranking style")),
    InfoKey("award_title", "Hình thức khen thưởng", ("Hình thức đề nghị", "Award")),
    InfoKey("award_top_n", "Số đơn vị đề nghị khen thưởng", ("Số tập thể đề nghị", "Award top n")),
    InfoKey("award_min_band", "Xếp loại được đề nghị", ("Xếp loại tối thiểu", "Award min band")),
    InfoKey("signer_title", "Chức danh người ký", ("Chức danh ký", "Signer title")),
    InfoKey("signer_name", "Người ký", ("Họ tên người ký", "Signer name")),
)

COUNCIL_KEYS: tuple[InfoKey, ...] = (
    InfoKey(
        "quorum",
        "Số thành viên có mặt tối thiểu",
        ("Tỷ lệ có mặt tối thiểu", "Số thành viên có mặt", "Túc số", "Quorum"),
    ),
    InfoKey(
        "written_votes",
        "Tính ý kiến bằng văn bản của thành viên vắng mặt",
        ("Tính ý kiến bằng văn bản", "Ý kiến bằng văn bản", "Written votes count"),
    ),
)

_METHOD_WORDS: dict[Method, tuple[str, ...]] = {
    Method.DIEM: ("diem", "cham diem", "cho diem", "diem truc tiep", "truc tiep", "direct"),
    Method.DAT: ("dat", "dat khong dat", "dinh tinh", "met", "met not met"),
    Method.TY_LE: (
        "ty le",
        "ti le",
        "ty le chi tieu",
        "ti le chi tieu",
        "theo ty le",
        "chi tieu",
        "dinh luong",
        "percent",
        "of target",
    ),
    Method.SO_LUONG: ("so luong", "theo so luong", "dem", "cham thang", "count", "per count"),
    Method.THUONG: ("thuong", "diem thuong", "cong", "cong diem", "diem cong", "bonus"),
    Method.TRU: ("tru", "diem tru", "tru diem", "deduction"),
}
_METHOD_BY_WORD = {word: method for method, words in _METHOD_WORDS.items() for word in words}


def method_from_text(text: str) -> Method | None:
    """A scoring method from what a person typed: ``"Tỷ lệ %"``, ``"ty_le"``, ``"Đạt"``."""
    return _METHOD_BY_WORD.get(fold(text))


# What people write in *Cách tổng hợp* (matched folded: case, accents and «_» ignored). The
# first word of each is the one ``thidua init`` and ``thidua show`` use.
COMPOSE_WORDS: dict[ComposeRule, tuple[str, ...]] = {
    ComposeRule.SUM: ("cộng", "cong", "cộng dồn", "tổng", "tổng cộng", "sum", "add"),
    ComposeRule.MAX: ("cao nhất", "cao_nhat", "lớn nhất", "max", "highest", "maximum"),
    ComposeRule.AVERAGE: (
        "trung bình",
        "trung_binh",
        "trung bình cộng",
        "bình quân",
        "average",
        "mean",
    ),
    ComposeRule.LEAD: (
        "chủ trì",
        "chu_tri",
        "ngành chủ trì",
        "đơn vị chủ trì",
        "theo chủ trì",
        "lead",
        "lead sector",
    ),
}
_COMPOSE_BY_WORD = {fold(w): rule for rule, words in COMPOSE_WORDS.items() for w in words}


def compose_rule_from_text(text: str) -> ComposeRule | None:
    """A compose rule from what a person typed: ``"Cao nhất"``, ``"trung binh"``, ``"lead"``."""
    return _COMPOSE_BY_WORD.get(fold(text))


_YES = {"co", "x", "yes", "y", "1", "true", "can", "bat buoc", "dung"}
_NO = {"", "khong", "no", "n", "0", "false", "khong can", "sai"}


def yes_no_from_text(text: str) -> bool | None:
    """``có`` / ``không`` (and the usual variants) to a bool; ``None`` when it is neither."""
    folded = fold(text)
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    return None


_RANKING_WORDS: dict[RankingStyle, tuple[str, ...]] = {
    RankingStyle.COMPETITION: ("dong hang", "1 2 2 4", "competition", "tieu chuan"),
    RankingStyle.DENSE: ("lien mach", "lien tiep", "1 2 2 3", "dense"),
}


def ranking_style_from_text(text: str) -> RankingStyle | None:
    """``đồng hạng (1, 2, 2, 4)`` or ``liền mạch (1, 2, 2, 3)``: matched by any word it contains."""
    folded = fold(text)
    if not folded:
        return RankingStyle.COMPETITION
    for style, words in _RANKING_WORDS.items():
        if any(word in folded for word in words):
            return style
    return None
