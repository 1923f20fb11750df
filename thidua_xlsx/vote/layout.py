"""Where everything is in the tally workbook (pure: no spreadsheet library).

One sheet, *Kiểm phiếu*: under a Decree-30 header, a row per Council member (in the
campaign's order) with an open cell for *Có mặt* / *Vắng mặt* and one open cell per
candidate (*Đồng ý* / *Không đồng ý*); the candidates' names on the header row and their codes
on the row below it. A very hidden metadata sheet (``kind`` = ``vote_tally``) lists the
candidates and holds the campaign's, the Council's and the tally's own fingerprints.
"""

from __future__ import annotations

import re

from ..core.cellref import cell_name
from ..core.vi_text import fold

__all__ = [
    "ABSENT_WORD",
    "BALLOTS_FILE",
    "CANDIDATE_MARK",
    "CODE_ROW",
    "FIRST_CANDIDATE_COL",
    "HEADER_ROW",
    "MCOL",
    "MEMBER_MARK",
    "NO_WORD",
    "PRESENT_WORD",
    "RESULT_FILE",
    "RESULT_SHEET",
    "TALLY_FILE",
    "TALLY_SHEET",
    "YES_WORD",
    "ballot_sheet_name",
    "candidate_col",
    "member_row",
    "presence_cell",
    "presence_from_text",
    "vote_from_text",
]

TALLY_SHEET = "Kiểm phiếu"
RESULT_SHEET = "Kết quả biểu quyết"
TALLY_FILE = "KIEM-PHIEU.xlsx"
BALLOTS_FILE = "PHIEU-BIEU-QUYET.xlsx"
RESULT_FILE = "KET-QUA-BIEU-QUYET.xlsx"
CANDIDATE_MARK = "candidate"  # a metadata row listing one candidate
MEMBER_MARK = "member"  # a result's metadata row: a Council member, role, present/absent
HEADER_ROW = 8  # 0-based: the column titles and the candidates' names
CODE_ROW = HEADER_ROW + 1  # the candidates' unit codes
MCOL = {"number": 0, "name": 1, "role": 2, "presence": 3}
FIRST_CANDIDATE_COL = 4

PRESENT_WORD = "Có mặt"
ABSENT_WORD = "Vắng mặt"
YES_WORD = "Đồng ý"
NO_WORD = "Không đồng ý"

_PRESENT = {"co mat", "co", "x", "1", "present", "yes", "tham du", "du"}
_ABSENT = {"vang mat", "vang", "khong", "0", "absent", "no", "vang co ly do", "vang mat co ly do"}
_YES = {"dong y", "x", "1", "co", "yes", "agree", "tan thanh", "d y", "dy"}
_NO = {"khong dong y", "khong", "0", "no", "disagree", "khong tan thanh", "k", "kdy"}


def member_row(index: int) -> int:
    """The 0-based row of the ``index``-th member (0-based)."""
    return CODE_ROW + 1 + index


def candidate_col(index: int) -> int:
    """The 0-based column of the ``index``-th candidate (0-based)."""
    return FIRST_CANDIDATE_COL + index


def presence_from_text(text: str) -> bool | None:
    """*Có mặt* → True, *Vắng mặt* → False (and the usual variants); None otherwise."""
    folded = fold(text)
    if folded in _PRESENT:
        return True
    if folded in _ABSENT or folded.startswith("vang"):
        return False
    return None


def vote_from_text(text: str) -> bool | None:
    """*Đồng ý* → True, *Không đồng ý* → False (and the usual variants); None otherwise."""
    folded = fold(text)
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    return None


def ballot_sheet_name(index: int, name: str) -> str:
    """``01 Nguyễn Văn A``: a sheet name Excel accepts (31 characters, none of ``[]:*?/\\``)."""
    clean = re.sub(r"[\[\]:*?/\\']", " ", name).strip()
    return f"{index:02d} {clean}"[:31].rstrip()


def presence_cell(index: int) -> str:
    return cell_name(member_row(index), MCOL["presence"])
