"""Build the two ready-made campaign workbooks of ``workbook_templates/`` (SPEC §3).

Each campaign is written as a ward or union officer would type it in Excel: codes and words as
text, points as numbers or as text with a decimal comma ("2,5"), methods sometimes as the code
(``ty_le``) and sometimes in words ("Tỷ lệ %"), dates as dates or as "dd/mm/yyyy".

- ``nhon-hung-2024-bdg.xlsx``: Kế hoạch 60/KH-BVSTBPN&BDG ngày 25/04/2024 của Ban Vì sự tiến
  bộ của phụ nữ và Bình đẳng giới phường Nhơn Hưng (seed 003). The plan's scoring table is not
  public: the sub-criteria below are drafted from the plan's own contents, within its section
  caps (I 20, II 140, III 20, IV bonus 20, V deduction 20; 200 points without deductions).
- ``an-giang-hlhpn-2021.xlsx``: Kế hoạch 386/KH-BTV ngày 20/10/2021 của Ban Thường vụ Hội LHPN
  tỉnh An Giang, đợt thi đua đặc biệt chào mừng Đại hội đại biểu Phụ nữ toàn quốc lần thứ XIII
  (seed 000). The criteria follow the plan's award criteria for collectives (5.1) and its
  targets (3.2), on a 100-point scale.

Run: ``PYTHONPATH=. python workbook_templates/make_templates.py [OUT_DIR]``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

from thidua_xlsx.campaign.workbook_writer import CampaignSheets, Council, write_campaign_workbook

__all__ = ["an_giang_hlhpn_2021", "main", "nhon_hung_2024"]

Cell = str | int | float | Decimal | date | None
Row = list[Cell]
Rows = list[Sequence[Cell]]

NHON_HUNG_FILE = "nhon-hung-2024-bdg.xlsx"
AN_GIANG_FILE = "an-giang-hlhpn-2021.xlsx"
NHON_HUNG_2025_FILE = "nhon-hung-2025-bdg.xlsx"
TEMPLATES_DIR = Path(__file__).resolve().parent


def _group(code: str, content: str, max_points: Cell, *, cumulative: str | None = None) -> Row:
    """A section or group row: no method, no target, no sectors (its score is its children's).
    ``cumulative`` (Cộng dồn) holds for every criterion below it."""
    row: Row = [code, content, max_points, None, None, None, None, None, None, None]
    return [*row, cumulative] if cumulative else row


def _leaf(
    code: str,
    content: str,
    max_points: Cell,
    method: str,
    *,
    target: Cell = None,
    per_unit: Cell = None,
    evidence: str = "có",
    sectors: str = "",
    compose: str | None = None,
    guidance: str = "",
    cumulative: str | None = None,
) -> Row:
    """A leaf row, in the column order of the Tiêu chí sheet. ``compose`` (Cách tổng hợp) is
    written only where the plan means another rule than the method's default; ``cumulative``
    (Cộng dồn) where the target is for the whole campaign, reported period by period."""
    row: Row = [
        code,
        content,
        max_points,
        method,
        target,
        per_unit,
        evidence,
        sectors,
        compose,
        guidance,
    ]
    return [*row, cumulative] if cumulative else row


# --------------------------------------------------------------------------------------------
# Nhơn Hưng 2024 — công tác Vì sự tiến bộ của phụ nữ và Bình đẳng giới (seed 003)
# --------------------------------------------------------------------------------------------

_NH = "P-NHONHUNG"


def _nhon_hung_units() -> Rows:
    town = "TXTB"
    wards = [
        ("P-ANPHU", "UBND phường An Phú"),
        ("P-CHILANG", "UBND phường Chi Lăng"),
        ("P-NHABANG", "UBND phường Nhà Bàng"),
        (_NH, "UBND phường Nhơn Hưng"),
        ("P-NUIVOI", "UBND phường Núi Voi"),
        ("P-THOISON", "UBND phường Thới Sơn"),
        ("P-TINHBIEN", "UBND phường Tịnh Biên"),
    ]
    communes = [
        ("X-ANCU", "UBND xã An Cư"),
        ("X-ANHAO", "UBND xã An Hảo"),
        ("X-ANNONG", "UBND xã An Nông"),
        ("X-TANLAP", "UBND xã Tân Lập"),
        ("X-TANLOI", "UBND xã Tân Lợi"),
        ("X-VANGIAO", "UBND xã Văn Giáo"),
        ("X-VINHTRUNG", "UBND xã Vĩnh Trung"),
    ]
    sectors = [
        ("NH-VP", "Văn phòng HĐND-UBND phường"),
        ("NH-CA", "Công an phường"),
        ("NH-QS", "Ban Chỉ huy Quân sự phường"),
        ("NH-YT", "Trạm Y tế phường"),
        ("NH-PN", "Hội Liên hiệp Phụ nữ phường"),
        ("NH-DTN", "Đoàn TNCS Hồ Chí Minh phường"),
        ("NH-MTTQ", "Ủy ban MTTQ Việt Nam phường"),
        ("NH-VHXH", "Công chức Văn hóa - Xã hội"),
        ("NH-TP", "Công chức Tư pháp - Hộ tịch"),
        ("NH-ND", "Hội Nông dân phường"),
        ("NH-CCB", "Hội Cựu chiến binh phường"),
        ("NH-THCS", "Trường THCS Nhơn Hưng"),
        ("NH-THA", "Trường Tiểu học A Nhơn Hưng"),
        ("NH-THB", "Trường Tiểu học B Nhơn Hưng"),
        ("NH-MG", "Trường Mẫu giáo Nhơn Hưng"),
    ]
    # Địa danh: written for the town (its papers are dated from Tịnh Biên); the wards and
    # communes take theirs from their names, the sectors from their ward (see README)
    rows: Rows = [[town, "Thị xã Tịnh Biên", "thị xã", None, None, "Tịnh Biên"]]
    rows += [[code, name, "phường", town, "Cụm 1 - Phường", None] for code, name in wards]
    rows += [[code, name, "xã", town, "Cụm 2 - Xã", None] for code, name in communes]
    rows += [[code, name, "ngành", _NH, None, None] for code, name in sectors]
    return rows


def _nhon_hung_criteria() -> Rows:
    return [
        _group(
            "I",
            "Công tác chỉ đạo ban hành văn bản thực hiện công tác BĐG, VSTBPN và công tác tổ chức",
            20,
        ),
        _leaf(
            "I.1",
            "Ban hành Kế hoạch thực hiện công tác Vì sự tiến bộ của phụ nữ và Bình đẳng giới "
            "năm 2024 của phường",
            4,
            "dat",
            sectors="NH-VP",
            guidance="Kế hoạch của UBND phường / Ban VSTBPN&BĐG ban hành trong quý I/2024.",
        ),
        _leaf(
            "I.2",
            "Kiện toàn Ban Vì sự tiến bộ của phụ nữ và Bình đẳng giới phường; phân công nhiệm vụ "
            "cho từng thành viên",
            4,
            "Đạt/Không đạt",
            sectors="NH-VP",
            guidance="Quyết định kiện toàn Ban và văn bản phân công nhiệm vụ thành viên.",
        ),
        _leaf(
            "I.3",
            "Ban hành kế hoạch hưởng ứng Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó "
            "với bạo lực trên cơ sở giới (15/11 - 15/12/2024)",
            4,
            "dat",
            sectors="NH-VP; NH-VHXH",
            guidance="Kế hoạch, công văn triển khai Tháng hành động.",
        ),
        _leaf(
            "I.4",
            "Lồng ghép vấn đề bình đẳng giới trong nghị quyết, kế hoạch, chương trình phát triển "
            "kinh tế - xã hội của phường",
            4,
            "Tỷ lệ %",
            sectors="NH-VP; NH-TP",
            guidance="Chỉ tiêu: số nghị quyết, kế hoạch, chương trình phường ban hành trong năm; "
            "kết quả: số văn bản có lồng ghép giới. Minh chứng: các văn bản đó.",
        ),
        _leaf(
            "I.5",
            "Các ngành, đoàn thể xây dựng kế hoạch, chương trình công tác bình đẳng giới của "
            "ngành mình và triển khai đến cán bộ, hội viên",
            4,
            "Chấm điểm",
            sectors="NH-PN; NH-DTN; NH-MTTQ",
            compose="Trung bình",
            guidance="Kế hoạch của ngành, biên bản sinh hoạt triển khai. Chấm từ 0 đến 4 điểm "
            "tùy mức độ đầy đủ.",
        ),
        _group("II", "Triển khai các hoạt động thực hiện công tác BĐG, VSTBPN", 140),
        _group("II.1", "Công tác tuyên truyền, phổ biến pháp luật về bình đẳng giới", 30),
        _leaf(
            "II.1.a",
            "Tổ chức buổi tuyên truyền, nói chuyện chuyên đề về Luật Bình đẳng giới, Luật Phòng, "
            "chống bạo lực gia đình",
            12,
            "so_luong",
            per_unit=2,
            sectors="NH-PN; NH-VHXH; NH-TP",
            guidance="2 điểm/buổi. Minh chứng: kế hoạch, hình ảnh, danh sách người dự từng buổi.",
        ),
        _leaf(
            "II.1.b",
            "Tin, bài tuyên truyền về bình đẳng giới trên hệ thống truyền thanh phường, trang "
            "thông tin điện tử, mạng xã hội (Zalo, Facebook)",
            6,
            "Số lượng",
            per_unit=1,
            sectors="NH-VHXH; NH-VP",
            guidance="1 điểm/tin, bài. Minh chứng: nhật ký phát thanh, đường dẫn bài đăng.",
        ),
        _leaf(
            "II.1.c",
            "Tổ chức các hoạt động hưởng ứng Tháng hành động vì bình đẳng giới (mít tinh, treo "
            "băng rôn, khẩu hiệu, ra quân)",
            6,
            "dat",
            sectors="NH-VHXH; NH-PN; NH-DTN",
            compose="cao nhất",
            guidance="Báo cáo kết quả Tháng hành động kèm hình ảnh.",
        ),
        _leaf(
            "II.1.d",
            "Lồng ghép tuyên truyền bình đẳng giới trong sinh hoạt chi hội, chi đoàn, tổ hòa giải "
            "và trong trường học",
            6,
            "so_luong",
            per_unit=1,
            sectors="NH-PN; NH-DTN; NH-THCS",
            guidance="1 điểm/buổi sinh hoạt có nội dung bình đẳng giới. Minh chứng: biên bản "
            "sinh hoạt, sổ ghi chép.",
        ),
        _group(
            "II.2",
            "Thực hiện các mục tiêu của Chiến lược quốc gia về bình đẳng giới giai đoạn "
            "2021 - 2030",
            40,
        ),
        _leaf(
            "II.2.a",
            "Tỷ lệ nữ cán bộ lãnh đạo, quản lý trong hệ thống chính trị phường đạt từ 30% trở lên",
            10,
            "ty_le",
            target=30,
            sectors="NH-VP; NH-MTTQ",
            guidance="Kết quả ghi tỷ lệ % nữ lãnh đạo, quản lý (ví dụ 25). Minh chứng: danh sách "
            "cán bộ lãnh đạo, quản lý có ghi giới tính.",
        ),
        _leaf(
            "II.2.b",
            "Tỷ lệ lao động nữ nông thôn dưới 60 tuổi được đào tạo nghề, chuyển đổi nghề",
            8,
            "Tỷ lệ %",
            target=50,
            sectors="NH-VHXH; NH-PN; NH-ND",
            guidance="Kết quả ghi tỷ lệ %. Minh chứng: danh sách học viên các lớp đào tạo nghề.",
        ),
        _leaf(
            "II.2.c",
            "Hỗ trợ phụ nữ khởi nghiệp, phát triển kinh tế, tiếp cận nguồn vốn vay (Đề án 939)",
            8,
            "so_luong",
            per_unit=1,
            sectors="NH-PN; NH-ND",
            guidance="1 điểm/phụ nữ được hỗ trợ. Minh chứng: danh sách, hồ sơ vay vốn, "
            "ý tưởng khởi nghiệp được hỗ trợ.",
        ),
        _leaf(
            "II.2.d",
            "Tỷ số giới tính khi sinh trên địa bàn không vượt quá 109 bé trai/100 bé gái",
            6,
            "Đạt/Không đạt",
            sectors="NH-YT",
            guidance="Số liệu thống kê dân số của Trạm Y tế phường năm 2024.",
        ),
        _leaf(
            "II.2.e",
            "Lồng ghép nội dung giới, bình đẳng giới trong hoạt động giáo dục của nhà trường",
            8,
            "diem",
            sectors="NH-THCS; NH-THA; NH-THB; NH-MG",
            compose="trung bình",
            guidance="Kế hoạch giáo dục, giáo án, hoạt động ngoại khóa có nội dung bình đẳng "
            "giới. Chấm từ 0 đến 8 điểm.",
        ),
        _group("II.3", "Phòng ngừa, ứng phó với bạo lực trên cơ sở giới", 35),
        _leaf(
            "II.3.a",
            "Duy trì hoạt động «Địa chỉ tin cậy - Nhà tạm lánh» tại cộng đồng",
            10,
            "so_luong",
            per_unit=5,
            sectors="NH-PN; NH-CA; NH-MTTQ",
            guidance="5 điểm/địa chỉ tin cậy hoạt động có hiệu quả. Minh chứng: quyết định "
            "thành lập, sổ theo dõi tiếp nhận.",
        ),
        _leaf(
            "II.3.b",
            "Tỷ lệ vụ bạo lực trên cơ sở giới, bạo lực gia đình được phát hiện, tiếp nhận và xử lý "
            "kịp thời",
            10,
            "ty_le",
            target=100,
            sectors="NH-CA; NH-TP; NH-PN",
            guidance="Kết quả ghi tỷ lệ %. Không phát sinh vụ việc thì ghi 100. Minh chứng: sổ "
            "tiếp nhận, biên bản xử lý, hòa giải.",
        ),
        _leaf(
            "II.3.c",
            "Nạn nhân bị bạo lực trên cơ sở giới được tư vấn, hỗ trợ dịch vụ y tế, pháp lý, tâm lý",
            8,
            "ty_le",
            sectors="NH-YT; NH-TP; NH-PN",
            guidance="Chỉ tiêu: số nạn nhân được phát hiện trong năm; kết quả: số nạn nhân được "
            "hỗ trợ. Minh chứng: phiếu tư vấn, hồ sơ hỗ trợ.",
        ),
        _leaf(
            "II.3.d",
            "Hoạt động của tổ hòa giải cơ sở, câu lạc bộ phòng, chống bạo lực gia đình, mô hình "
            "gia đình phát triển bền vững",
            7,
            "Chấm điểm",
            sectors="NH-TP; NH-PN; NH-MTTQ",
            guidance="Quyết định thành lập, biên bản sinh hoạt định kỳ. Chấm từ 0 đến 7 điểm.",
        ),
        _group(
            "II.4",
            "Thực hiện Chỉ thị 34-CT/TW của Bộ Chính trị và công tác thi đua, khen thưởng trong "
            "công tác BĐG, VSTBPN",
            15,
        ),
        _leaf(
            "II.4.a",
            "Quán triệt, triển khai Chỉ thị 34-CT/TW ngày 07/4/2014 và Luật Thi đua, khen thưởng "
            "gắn với phong trào thi đua bình đẳng giới",
            5,
            "dat",
            sectors="NH-VP",
            guidance="Kế hoạch phát động, biên bản hội nghị triển khai.",
        ),
        _leaf(
            "II.4.b",
            "Phát hiện, biểu dương, khen thưởng tập thể, cá nhân điển hình trong công tác bình "
            "đẳng giới, vì sự tiến bộ của phụ nữ",
            10,
            "so_luong",
            per_unit="2,5",
            sectors="NH-VP; NH-MTTQ",
            guidance="2,5 điểm/tập thể hoặc cá nhân được khen thưởng, biểu dương. Minh chứng: "
            "quyết định khen thưởng, giấy khen.",
        ),
        _group("II.5", "Bình đẳng giới trong gia đình; chăm sóc sức khỏe phụ nữ", 20),
        _leaf(
            "II.5.a",
            "Tỷ lệ hộ gia đình được công nhận danh hiệu «Gia đình văn hóa»",
            8,
            "ty_le",
            target=90,
            sectors="NH-VHXH; NH-MTTQ",
            guidance="Kết quả ghi tỷ lệ %. Minh chứng: quyết định công nhận gia đình văn hóa "
            "năm 2024.",
        ),
        _leaf(
            "II.5.b",
            "Tổ chức đợt khám sàng lọc, tư vấn chăm sóc sức khỏe sinh sản cho phụ nữ",
            6,
            "so_luong",
            per_unit=3,
            sectors="NH-YT; NH-PN",
            guidance="3 điểm/đợt. Minh chứng: kế hoạch, danh sách phụ nữ được khám.",
        ),
        _leaf(
            "II.5.c",
            "Nam giới tham gia chia sẻ công việc gia đình, hoạt động «Nam giới tiên phong» vì "
            "bình đẳng giới",
            6,
            "diem",
            sectors="NH-DTN; NH-CCB; NH-ND; NH-QS",
            compose="trung bình",
            guidance="Báo cáo hoạt động, hình ảnh. Chấm từ 0 đến 6 điểm.",
        ),
        _group("III", "Chế độ báo cáo, kinh phí và nhân lực", 20),
        _group("III.1", "Chế độ báo cáo", 8),
        _leaf(
            "III.1.a",
            "Báo cáo 6 tháng, năm về công tác BĐG, VSTBPN gửi Phòng Lao động - Thương binh và "
            "Xã hội thị xã đúng hạn",
            4,
            "Đạt/Không đạt",
            sectors="NH-VP; NH-VHXH",
            guidance="Báo cáo có số, ngày và chứng từ gửi (hệ thống văn bản điều hành).",
        ),
        _leaf(
            "III.1.b",
            "Báo cáo chuyên đề, đột xuất, số liệu thống kê giới gửi đầy đủ, đúng hạn",
            4,
            "ty_le",
            sectors="NH-VHXH",
            guidance="Chỉ tiêu: số báo cáo được yêu cầu trong năm; kết quả: số báo cáo gửi đúng "
            "hạn.",
        ),
        _leaf(
            "III.2",
            "Bố trí kinh phí thực hiện công tác bình đẳng giới, vì sự tiến bộ của phụ nữ trong dự "
            "toán ngân sách phường năm 2024",
            6,
            "dat",
            sectors="NH-VP",
            guidance="Quyết định giao dự toán, kế hoạch kinh phí có mục chi cho công tác BĐG.",
        ),
        _leaf(
            "III.3",
            "Có công chức phụ trách công tác bình đẳng giới; thành viên Ban được tập huấn, bồi "
            "dưỡng nghiệp vụ",
            6,
            "diem",
            sectors="NH-VP; NH-VHXH",
            guidance="Quyết định phân công, giấy chứng nhận tập huấn. Chấm từ 0 đến 6 điểm.",
        ),
        _group("IV", "Điểm thưởng", 20),
        _leaf(
            "IV.1",
            "Có mô hình mới, cách làm hay, sáng tạo về bình đẳng giới, vì sự tiến bộ của phụ nữ, "
            "có hiệu quả và khả năng nhân rộng",
            10,
            "thuong",
            sectors="NH-PN; NH-VHXH; NH-MTTQ",
            guidance="Bắt buộc giải trình: điểm mới, cách làm, hiệu quả và khả năng nhân rộng.",
        ),
        _leaf(
            "IV.2",
            "Tập thể, cá nhân được thị xã, tỉnh khen thưởng về công tác BĐG, VSTBPN trong năm",
            5,
            "Điểm thưởng",
            sectors="NH-VP",
            guidance="Giải trình kèm số, ngày quyết định khen thưởng.",
        ),
        _leaf(
            "IV.3",
            "Huy động nguồn lực xã hội hóa hỗ trợ phụ nữ, trẻ em có hoàn cảnh khó khăn, nạn nhân "
            "bạo lực",
            5,
            "thuong",
            sectors="NH-PN; NH-MTTQ",
            guidance="Giải trình nguồn lực huy động được và đối tượng thụ hưởng.",
        ),
        _group("V", "Điểm trừ", 20),
        _leaf(
            "V.1",
            "Nộp báo cáo trễ hạn so với quy định",
            5,
            "tru",
            per_unit=1,
            evidence="không",
            sectors="NH-VP; NH-VHXH",
            guidance="Trừ 1 điểm/báo cáo trễ hạn.",
        ),
        _leaf(
            "V.2",
            "Không gửi báo cáo hoặc báo cáo thiếu số liệu theo yêu cầu",
            5,
            "Điểm trừ",
            per_unit=2,
            evidence="Không",
            sectors="NH-VP; NH-VHXH",
            guidance="Trừ 2 điểm/báo cáo.",
        ),
        _leaf(
            "V.3",
            "Để xảy ra vụ bạo lực trên cơ sở giới đã phát hiện nhưng không được xử lý, hỗ trợ kịp "
            "thời",
            6,
            "tru",
            per_unit=2,
            evidence="không",
            sectors="NH-CA; NH-TP; NH-PN",
            compose="Cao nhất",
            guidance="Trừ 2 điểm/vụ việc.",
        ),
        _leaf(
            "V.4",
            "Cán bộ, đảng viên, thành viên Ban vi phạm pháp luật về bình đẳng giới, phòng, chống "
            "bạo lực gia đình",
            4,
            "Điểm trừ",
            evidence="không",
            sectors="NH-VP; NH-CA; NH-QS",
            compose="chủ trì",
            guidance="Ban chấm trực tiếp số điểm trừ tùy mức độ vi phạm (tối đa 4 điểm).",
        ),
    ]


def nhon_hung_2024() -> CampaignSheets:
    """Phong trào thi đua công tác VSTBPN và BĐG năm 2024 của phường Nhơn Hưng (seed 003)."""
    return CampaignSheets(
        info=[
            ("Mã đợt thi đua", "NH-BDG-2024"),
            (
                "Tên đợt thi đua",
                (
                    "Phong trào thi đua thực hiện công tác Vì sự tiến bộ của phụ nữ và Bình đẳng "
                    "giới năm 2024"
                ),
            ),
            ("Số kế hoạch", "60/KH-BVSTBPN&BDG"),
            ("Cơ quan cấp trên", "UBND THỊ XÃ TỊNH BIÊN"),
            ("Cơ quan ban hành", "BAN VSTBPN&BĐG PHƯỜNG NHƠN HƯNG"),
            ("Địa danh", "Nhơn Hưng"),
            ("Ngày ban hành", date(2024, 4, 25)),
            ("Thời gian thi đua", "Năm 2024 (từ 01/01/2024 đến 31/12/2024)"),
            ("Hạn nộp", "01/10/2024"),
            ("Tổng điểm tối đa", 200),
            ("Bước làm tròn", "0,01"),
            ("Thứ tự xét khi bằng điểm", "II; V"),
            ("Cách xếp hạng", "đồng hạng (1, 2, 2, 4)"),
            ("Hình thức khen thưởng", "Giấy khen của Chủ tịch UBND thị xã Tịnh Biên"),
            ("Số đơn vị đề nghị khen thưởng", 5),
            ("Xếp loại được đề nghị", "Khá"),
            ("Chức danh người ký", "TRƯỞNG BAN"),
            ("Người ký", "Lê Thị Kim Sa"),
        ],
        criteria=_nhon_hung_criteria(),
        bands=[[180, "Xuất sắc"], [160, "Tốt"], [140, "Khá"], [100, "Trung bình"], [0, "Yếu"]],
        units=_nhon_hung_units(),
        council=Council(
            heading="HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG THỊ XÃ TỊNH BIÊN",
            rules=[("quorum", "2/3"), ("written_votes", "có")],
            members=[
                ["Châu Văn Hòa", "Chủ tịch", "Chủ tịch UBND thị xã"],
                ["Nguyễn Thị Thu Hà", "Phó Chủ tịch", "Phó Chủ tịch UBND thị xã"],
                ["Lâm Quốc Trung", "Phó Chủ tịch", "Trưởng phòng Nội vụ"],
                ["Trần Thị Mỹ Linh", "Ủy viên", "Trưởng phòng Lao động - TB&XH"],
                ["Néang Sóc Thi", "Ủy viên", "Chủ tịch Hội LHPN thị xã"],
                ["Phan Văn Lợi", "Ủy viên", "Chủ tịch Ủy ban MTTQ Việt Nam thị xã"],
                ["Đỗ Minh Tâm", "Ủy viên", "Bí thư Thị đoàn"],
                ["Võ Thị Kim Ngân", "Ủy viên", "Chủ tịch Liên đoàn Lao động thị xã"],
                ["Huỳnh Thanh Sang", "Ủy viên - Thư ký", "Chuyên viên phòng Nội vụ"],
            ],
            titles=[
                ["Giấy khen của Chủ tịch UBND thị xã Tịnh Biên", "Trên 50%", 3],
                ["Bằng khen của Chủ tịch UBND tỉnh", "Từ 80% trở lên", None],
            ],
        ),
        guide=[
            "HƯỚNG DẪN CHẤM ĐIỂM THI ĐUA CÔNG TÁC VSTBPN VÀ BĐG NĂM 2024 - PHƯỜNG NHƠN HƯNG",
            (
                "Căn cứ Kế hoạch số 60/KH-BVSTBPN&BDG ngày 25/04/2024 của Ban Vì sự tiến bộ của "
                "phụ nữ và Bình đẳng giới phường Nhơn Hưng."
            ),
            (
                "Thang điểm 200 điểm (không bao gồm điểm trừ): I. Công tác chỉ đạo, ban hành văn "
                "bản và tổ chức 20 điểm; II. Triển khai các hoạt động 140 điểm; III. Chế độ báo "
                "cáo, kinh phí và nhân lực 20 điểm; IV. Điểm thưởng 20 điểm; V. Điểm trừ 20 điểm."
            ),
            (
                "1. Những nội dung chấm điểm phải có đủ hồ sơ minh chứng theo yêu cầu của kế "
                "hoạch; không có minh chứng thì không được tính điểm."
            ),
            (
                "2. Điểm được tính theo tỷ lệ % mức độ hoàn thành từng mục tiêu, chỉ tiêu đạt được "
                "(cách chấm «ty_le»: điểm tối đa × kết quả / chỉ tiêu, không vượt điểm tối đa)."
            ),
            (
                "3. Mỗi nội dung hoạt động, kết quả chỉ chấm điểm một lần: hai ngành không được "
                "cùng dùng một minh chứng cho một tiêu chí."
            ),
            (
                "4. Điểm thưởng: ngành, đơn vị phải giải trình và minh chứng được điểm mới, cách "
                "làm hay, sáng tạo, hiệu quả thực hiện và khả năng nhân rộng."
            ),
            (
                "5. Bước 1: các ngành có liên quan tự đánh giá, chấm điểm các tiêu chí mình phụ "
                "trách và gửi kết quả về UBND phường."
            ),
            (
                "6. Bước 2: UBND phường tổng hợp kết quả chấm điểm của các ngành và gửi về Phòng "
                "Lao động - Thương binh và Xã hội thị xã trước ngày 01/10/2024."
            ),
            (
                "Xếp loại: từ 180 điểm Xuất sắc; từ 160 Tốt; từ 140 Khá; từ 100 Trung bình; dưới "
                "100 Yếu. Bằng điểm thì xét điểm mục II, sau đó mục V (ít điểm trừ hơn xếp trên)."
            ),
        ],
    )


# --------------------------------------------------------------------------------------------
# Hội LHPN tỉnh An Giang 2021 — đợt thi đua đặc biệt chào mừng Đại hội Phụ nữ XIII (seed 000)
# --------------------------------------------------------------------------------------------


def _an_giang_units() -> Rows:
    root = "HLHPN-AG"
    cities = [
        ("HLHPN-LX", "Hội LHPN thành phố Long Xuyên", "thành phố"),
        ("HLHPN-CD", "Hội LHPN thành phố Châu Đốc", "thành phố"),
        ("HLHPN-TC", "Hội LHPN thị xã Tân Châu", "thị xã"),
    ]
    districts = [
        ("HLHPN-AP", "Hội LHPN huyện An Phú"),
        ("HLHPN-PT", "Hội LHPN huyện Phú Tân"),
        ("HLHPN-CP", "Hội LHPN huyện Châu Phú"),
        ("HLHPN-CT", "Hội LHPN huyện Châu Thành"),
        ("HLHPN-CM", "Hội LHPN huyện Chợ Mới"),
        ("HLHPN-TS", "Hội LHPN huyện Thoại Sơn"),
        ("HLHPN-TB", "Hội LHPN huyện Tịnh Biên"),
        ("HLHPN-TT", "Hội LHPN huyện Tri Tôn"),
    ]
    rows: Rows = [[root, "Hội LHPN tỉnh An Giang", "tỉnh", None, None, "An Giang"]]
    rows += [
        [code, name, level, root, "Cụm 1 - Thành phố, thị xã", None] for code, name, level in cities
    ]
    rows += [[code, name, "huyện", root, "Cụm 2 - Huyện", None] for code, name in districts]
    return rows


def _an_giang_criteria() -> Rows:
    return [
        _group("I", "Cách thức tổ chức thực hiện", 15),
        _leaf(
            "I.1",
            "Có văn bản triển khai đợt thi đua đặc biệt (kế hoạch, hướng dẫn) đến Hội cơ sở",
            5,
            "dat",
            guidance="Kế hoạch, hướng dẫn của Ban Thường vụ Hội LHPN cấp huyện.",
        ),
        _leaf(
            "I.2",
            "Có hoạt động theo dõi, kiểm tra, đánh giá, tổng kết đợt thi đua đặc biệt",
            5,
            "Đạt/Không đạt",
            guidance="Biên bản kiểm tra, báo cáo tổng kết đợt thi đua.",
        ),
        _leaf(
            "I.3",
            "Báo cáo hàng tháng kịp thời về Ban Thường vụ Hội LHPN tỉnh (tháng 10, 11, 12/2021)",
            5,
            "ty_le",
            target=3,
            guidance="Kết quả: số báo cáo tháng gửi đúng hạn (chỉ tiêu 03 báo cáo).",
            cumulative="có",
        ),
        _group("II", "Chỉ tiêu thi đua", 40),
        _group("II.1", "Thực hiện ít nhất 02 công trình, phần việc", 20, cumulative="có"),
        _leaf(
            "II.1.a",
            "Số công trình, phần việc hoàn thành so với chỉ tiêu 02 công trình, phần việc",
            10,
            "Tỷ lệ %",
            target=2,
            guidance="Kết quả: số công trình, phần việc đã hoàn thành, có biên bản bàn giao hoặc "
            "nghiệm thu.",
        ),
        _leaf(
            "II.1.b",
            "Xây dựng «Mái ấm tình thương» cho phụ nữ, hội viên có hoàn cảnh khó khăn",
            5,
            "so_luong",
            per_unit="2,5",
            guidance="2,5 điểm/căn. Minh chứng: biên bản bàn giao, hình ảnh.",
        ),
        _leaf(
            "II.1.c",
            "Phần việc thực hiện tiêu chí số 17 về môi trường và an toàn thực phẩm góp phần xây "
            "dựng nông thôn mới",
            5,
            "Số lượng",
            per_unit="2,5",
            guidance="2,5 điểm/phần việc (tuyến đường hoa, mô hình phân loại rác tại nguồn, "
            "bếp ăn an toàn…).",
        ),
        _leaf(
            "II.2",
            "Mỗi cán bộ, hội viên, phụ nữ có ít nhất 01 ý tưởng sáng tạo, hành động cụ thể, thiết "
            "thực hưởng ứng đợt thi đua",
            10,
            "ty_le",
            guidance="Chỉ tiêu: đơn vị ghi tổng số cán bộ, hội viên; kết quả: số người có ý tưởng "
            "sáng tạo, hành động cụ thể. Minh chứng: danh sách đăng ký.",
        ),
        _leaf(
            "II.3",
            "Chương trình «Triệu phần quà san sẻ yêu thương»: hỗ trợ phụ nữ, trẻ em bị ảnh hưởng "
            "bởi đại dịch COVID-19 và thiên tai",
            10,
            "so_luong",
            per_unit=2,
            guidance="2 điểm/đợt trao quà, hỗ trợ. Minh chứng: danh sách nhận quà, hình ảnh.",
        ),
        _group("III", "Phạm vi, tính chất, quy mô", 20),
        _leaf(
            "III.1",
            "Công trình, phần việc, hoạt động do Hội LHPN chủ trì thực hiện có tầm ảnh hưởng tới "
            "số đông phụ nữ và trẻ em được thụ hưởng",
            10,
            "diem",
            guidance="Chấm từ 0 đến 10 điểm theo số người thụ hưởng.",
        ),
        _leaf(
            "III.2",
            "Có tính mới, tính sáng tạo, đột phá",
            10,
            "Chấm điểm",
            guidance="Chấm từ 0 đến 10 điểm; nêu rõ điểm mới trong hồ sơ.",
        ),
        _group("IV", "Hiệu quả của công trình, phần việc, hoạt động", 25),
        _leaf(
            "IV.1",
            "Thiết thực, ý nghĩa, tạo ra sự thay đổi hoặc xác lập giá trị mới trong phong trào thi "
            "đua và hoạt động Hội",
            "7,5",
            "diem",
            guidance="Chấm từ 0 đến 7,5 điểm, bước 0,5.",
        ),
        _leaf(
            "IV.2",
            "Được tuyên truyền trên các kênh thông tin của Hội và phương tiện thông tin đại chúng "
            "từ cấp huyện trở lên (Báo An Giang, Đài Phát thanh và Truyền hình tỉnh…)",
            "7,5",
            "so_luong",
            per_unit="2,5",
            guidance="2,5 điểm/tin, bài, phóng sự. Minh chứng: đường dẫn, bản chụp bài báo.",
        ),
        _leaf(
            "IV.3",
            "Được cấp ủy, chính quyền các cấp ghi nhận, đánh giá cao",
            5,
            "dat",
            guidance="Văn bản, thư khen, quyết định khen thưởng của cấp ủy, chính quyền.",
        ),
        _leaf(
            "IV.4",
            "Truyền cảm hứng, tạo sự lan tỏa rộng rãi trong cộng đồng và xã hội",
            5,
            "diem",
            guidance="Chấm từ 0 đến 5 điểm.",
        ),
        _group("V", "Điểm thưởng", 10),
        _leaf(
            "V.1",
            "Có mô hình, cách làm hay được cấp trên ghi nhận và nhân rộng",
            5,
            "thuong",
            guidance="Bắt buộc giải trình: tên mô hình, nơi đã nhân rộng.",
        ),
        _leaf(
            "V.2",
            "Tập thể, cá nhân điển hình được Hội LHPN tỉnh, Trung ương Hội lựa chọn giới thiệu, "
            "biểu dương trong đợt thi đua",
            5,
            "Điểm thưởng",
            guidance="Giải trình kèm văn bản giới thiệu, biểu dương.",
        ),
        _group("VI", "Điểm trừ", 10),
        _leaf(
            "VI.1",
            "Báo cáo tháng gửi trễ hạn về Ban Thường vụ Hội LHPN tỉnh",
            6,
            "tru",
            per_unit=2,
            evidence="không",
            guidance="Trừ 2 điểm/báo cáo trễ hạn.",
        ),
        _leaf(
            "VI.2",
            "Báo cáo tổng kết đợt thi đua không đầy đủ, số liệu không chính xác",
            4,
            "Điểm trừ",
            evidence="không",
            guidance="Ban Thường vụ Hội LHPN tỉnh chấm trực tiếp số điểm trừ (tối đa 4 điểm).",
        ),
    ]


def an_giang_hlhpn_2021() -> CampaignSheets:
    """Đợt thi đua đặc biệt chào mừng Đại hội Phụ nữ toàn quốc lần thứ XIII (seed 000)."""
    return CampaignSheets(
        info=[
            ("Mã đợt thi đua", "AG-HLHPN-2021"),
            (
                "Tên đợt thi đua",
                (
                    "Đợt thi đua đặc biệt lập thành tích chào mừng Đại hội đại biểu Phụ nữ toàn "
                    "quốc lần thứ XIII"
                ),
            ),
            ("Số kế hoạch", "386/KH-BTV"),
            ("Cơ quan cấp trên", "TRUNG ƯƠNG HỘI LHPN VIỆT NAM"),
            ("Cơ quan ban hành", "BAN THƯỜNG VỤ HỘI LHPN TỈNH AN GIANG"),
            ("Địa danh", "An Giang"),
            ("Ngày ban hành", "20/10/2021"),
            ("Thời gian thi đua", "Từ 20/10/2021 đến 20/01/2022"),
            ("Kỳ báo cáo", "hàng tháng"),
            ("Số ngày nộp sau mỗi kỳ", 5),
            ("Hạn nộp", date(2022, 1, 25)),
            ("Thời gian xét khen thưởng", "Từ 20/01/2022 đến 20/02/2022"),
            ("Tổng điểm tối đa", 100),
            ("Bước làm tròn", "0,5"),
            ("Thứ tự xét khi bằng điểm", "II; III"),
            ("Cách xếp hạng", "đồng hạng (1, 2, 2, 4)"),
            ("Hình thức khen thưởng", "Bằng khen của Đoàn Chủ tịch Hội LHPN Việt Nam"),
            ("Số đơn vị đề nghị khen thưởng", 3),
            ("Xếp loại được đề nghị", "Xuất sắc"),
            ("Chức danh người ký", "CHỦ TỊCH"),
            ("Người ký", ""),
        ],
        criteria=_an_giang_criteria(),
        bands=[[90, "Xuất sắc"], [80, "Tốt"], [65, "Khá"], [50, "Trung bình"], [0, "Yếu"]],
        units=_an_giang_units(),
        council=Council(
            heading="HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG HỘI LHPN TỈNH AN GIANG",
            rules=[("quorum", "2/3"), ("written_votes", "có")],
            members=[
                ["Nguyễn Thị Thanh Hương", "Chủ tịch", "Chủ tịch Hội LHPN tỉnh"],
                ["Lê Thị Mỹ Dung", "Phó Chủ tịch", "Phó Chủ tịch Thường trực Hội LHPN tỉnh"],
                ["Trần Thị Ngọc Hân", "Phó Chủ tịch", "Phó Chủ tịch Hội LHPN tỉnh"],
                ["Chau Sóc Khêna", "Ủy viên", "Trưởng ban Tổ chức - Kiểm tra"],
                ["Phạm Thị Bích Thủy", "Ủy viên", "Trưởng ban Tuyên giáo"],
                ["Đặng Thị Kim Yến", "Ủy viên", "Trưởng ban Gia đình - Xã hội"],
                ["Võ Thị Thanh Tuyền", "Ủy viên - Thư ký", "Chánh Văn phòng"],
            ],
            titles=[["Bằng khen của Đoàn Chủ tịch Hội LHPN Việt Nam", "2/3", None]],
        ),
        guide=[
            (
                "HƯỚNG DẪN CHẤM ĐIỂM ĐỢT THI ĐUA ĐẶC BIỆT CHÀO MỪNG ĐẠI HỘI PHỤ NỮ TOÀN QUỐC LẦN "
                "THỨ XIII"
            ),
            (
                "Căn cứ Kế hoạch số 386/KH-BTV ngày 20/10/2021 của Ban Thường vụ Hội LHPN tỉnh An "
                "Giang."
            ),
            (
                "Thời gian thi đua: từ 20/10/2021 đến 20/01/2022. Thời gian bình chọn, đề nghị "
                "khen thưởng: từ 20/01/2022 đến 20/02/2022."
            ),
            (
                "Báo cáo định kỳ hàng tháng: mỗi tháng thi đua (tháng thứ 1 từ 20/10 đến "
                "19/11/2021, tháng thứ 2 từ 20/11 đến 19/12/2021, tháng thứ 3 từ 20/12/2021 đến "
                "20/01/2022) các đơn vị gửi phiếu chấm của tháng chậm nhất 5 ngày sau ngày cuối "
                "tháng. Các chỉ tiêu cộng dồn (I.3, II.1): ghi kết quả của tháng; phiếu ghi sẵn "
                "những gì các tháng trước đã báo cáo."
            ),
            (
                "Hạn nộp phiếu chấm điểm tháng cuối: 25/01/2022 - ngay sau khi kết thúc đợt thi "
                "đua, để Ban Thường vụ tỉnh kịp tổng hợp, bình chọn trong thời gian xét khen "
                "thưởng."
            ),
            (
                "Chỉ tiêu: thực hiện ít nhất 02 công trình, phần việc (xây dựng «Mái ấm tình "
                "thương»; phần việc thực hiện tiêu chí số 17 về môi trường và an toàn thực phẩm); "
                "mỗi cán bộ, hội viên, phụ nữ có ít nhất 01 ý tưởng sáng tạo, hành động cụ thể, "
                "thiết thực."
            ),
            (
                "Tiêu chí II.2: đơn vị tự ghi tổng số cán bộ, hội viên vào cột Chỉ tiêu và số "
                "người có ý tưởng, hành động vào cột Kết quả."
            ),
            (
                "Thang điểm 100: I. Cách thức tổ chức thực hiện 15; II. Chỉ tiêu thi đua 40; III. "
                "Phạm vi, tính chất, quy mô 20; IV. Hiệu quả 25. Điểm thưởng tối đa 10 (có giải "
                "trình), điểm trừ tối đa 10. Điểm làm tròn đến 0,5."
            ),
            (
                "Xếp loại: từ 90 điểm Xuất sắc; từ 80 Tốt; từ 65 Khá; từ 50 Trung bình; dưới 50 "
                "Yếu. Bằng điểm thì xét điểm mục II, sau đó mục III."
            ),
            (
                "Ban Thường vụ Hội LHPN tỉnh chọn 03 đơn vị xếp loại Xuất sắc có điểm cao nhất đề "
                "nghị Đoàn Chủ tịch Hội LHPN Việt Nam tặng Bằng khen."
            ),
        ],
    )


def nhon_hung_2025() -> CampaignSheets:
    """The same movement in 2025 (a new plan, the same criteria codes), for the trend over two
    years: criterion I.4 is scored directly this year (no longer as a share of a target), so
    it is not comparable with 2024."""
    sheets = nhon_hung_2024()
    replaced = {
        "Mã đợt thi đua": "NH-BDG-2025",
        "Số kế hoạch": "21/KH-BVSTBPN&BDG",
        "Ngày ban hành": date(2025, 3, 20),
        "Thời gian thi đua": "Năm 2025 (từ 01/01/2025 đến 31/12/2025)",
        "Hạn nộp": "01/10/2025",
    }
    sheets.info = [
        (key, replaced.get(key, _this_year(value) if isinstance(value, str) else value))
        for key, value in sheets.info
    ]
    rows: Rows = []
    for row in sheets.criteria:
        cells = [_this_year(c) if isinstance(c, str) else c for c in row]
        if cells[0] == "I.4":
            cells[3], cells[4] = "diem", None
            cells[9] = "Chấm từ 0 đến 4 điểm theo mức lồng ghép giới trong các văn bản của phường."
        rows.append(cells)
    sheets.criteria = rows
    sheets.guide = [_this_year(line) for line in sheets.guide]
    return sheets


def _this_year(text: str) -> str:
    return text.replace("2024", "2025")


# --------------------------------------------------------------------------------------------


def main(out_dir: Path = TEMPLATES_DIR) -> None:
    """Write both campaign workbooks to ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, sheets in (
        (NHON_HUNG_FILE, nhon_hung_2024()),
        (NHON_HUNG_2025_FILE, nhon_hung_2025()),
        (AN_GIANG_FILE, an_giang_hlhpn_2021()),
    ):
        path = out_dir / name
        write_campaign_workbook(path, sheets)
        print(path)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else TEMPLATES_DIR)
