"""The dossier's inputs for the tests, made at test time: a campaign with an award (the Nhơn Hưng
seed with *Hình thức khen thưởng* added), summaries written by the real merge, a Council's
vote, and readers of what the papers say (python-docx) and of the summary (openpyxl)."""

from __future__ import annotations

import re
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
from docx import Document
from lxml import etree
from verification_files import blank_workbook, filled, ward_inbox

from thidua_xlsx.campaign.loader import load_campaign
from thidua_xlsx.core.dossier import CandidateVote, CouncilVote, MeetingMember
from thidua_xlsx.core.model import Campaign
from thidua_xlsx.dossier.writer import write_dossier
from thidua_xlsx.merge.dossier import build_dossier
from thidua_xlsx.merge.rank import merge_rank
from thidua_xlsx.merge.vote import decide_vote, plan_vote
from thidua_xlsx.summary.writer import write_summary
from thidua_xlsx.vote.layout import (
    ABSENT_WORD,
    CODE_ROW,
    FIRST_CANDIDATE_COL,
    MCOL,
    NO_WORD,
    PRESENT_WORD,
    RESULT_FILE,
    TALLY_SHEET,
    YES_WORD,
    candidate_col,
    member_row,
    presence_cell,
)
from thidua_xlsx.vote.writer import write_vote_papers, write_vote_result

from conftest import ROOT, SEED_003

SAMPLE_INBOX = ROOT / "samples" / "inbox-tinh-bien"
MERGED_AT = datetime(2024, 10, 10, 8, 0, tzinfo=UTC)
WRITTEN_AT = datetime(2024, 12, 2, 8, 0, tzinfo=UTC)
AWARD = "Giấy khen của Chủ tịch UBND thị xã Tịnh Biên"  # as the seed's Council has it
RANK_WORDS = ("Mã đơn vị", "Tổng điểm", "Hạng", "Xếp loại")  # the summary's ranking columns


def award_campaign(target: Path, top_n: int = 3, min_band: str = "Khá") -> Path:
    """The Nhơn Hưng seed made the town's own campaign (Tịnh Biên ranks its wards and signs the
    papers), with its award rule on *Thông tin* set as a province would type it: the top
    ``top_n`` units, of band ``min_band`` or better (any band when it is empty)."""
    book = openpyxl.load_workbook(SEED_003)
    sheet = book["Thông tin"]
    wanted: dict[str, object] = {
        "Cơ quan ban hành": "UBND THỊ XÃ TỊNH BIÊN",
        "Cơ quan cấp trên": "UBND TỈNH AN GIANG",
        "Địa danh": "Tịnh Biên",
        "Chức danh người ký": "CHỦ TỊCH",
        "Người ký": "Trần Văn Thành",
        "Hình thức khen thưởng": AWARD,
        "Số đơn vị đề nghị khen thưởng": top_n,
        "Xếp loại được đề nghị": min_band or None,
    }
    for row in range(sheet.max_row, 0, -1):
        key = sheet.cell(row, 1).value
        if key in wanted:
            value = wanted.pop(key)
            if value is None:
                sheet.delete_rows(row)
            else:
                sheet.cell(row, 2).value = value
    for key, value in wanted.items():
        if value is not None:
            sheet.append((key, value))
    book.save(target)
    return target


def summary_of(
    campaign: Campaign, inbox: Path, target: Path, verified: tuple[Path, ...] = ()
) -> Path:
    """The summary ``thidua merge`` writes over ``inbox``."""
    report = merge_rank(campaign, [inbox], verified=verified)
    write_summary(target, report, generated_at=MERGED_AT)
    return target


def loaded(path: Path) -> Campaign:
    return load_campaign(path)


def meeting_vote(votes: list[dict[str, object]], members: int = 9, present: int = 7) -> CouncilVote:
    """A Council's vote as the minutes take it: ``members`` members, the first ``present``
    of them at the meeting (the first is the chairman); ``votes``: unit, agree, disagree,
    passed, reason per candidate."""
    roles = ["Chủ tịch Hội đồng", "Phó Chủ tịch Hội đồng"] + ["Ủy viên"] * (members - 2)
    return CouncilVote(
        members=tuple(
            MeetingMember(f"Thành viên {i + 1:02d}", roles[i], i < present) for i in range(members)
        ),
        votes=tuple(
            CandidateVote(
                unit=str(v["unit"]),
                agree=int(str(v["agree"])),
                disagree=int(str(v.get("disagree", 0))),
                passed=bool(v.get("passed", True)),
                reason=str(v.get("reason", "")),
            )
            for v in votes
        ),
        meeting_date=date(2024, 12, 1),
        meeting_place="Hội trường UBND thị xã",
        secretary="Nguyễn Văn Thư",
    )


def voted_result(
    campaign: Campaign,
    summary: Path,
    folder: Path,
    against: dict[int, set[int]],
    absent: frozenset[int] = frozenset(),
) -> tuple[Path, Path]:
    """``thidua vote`` over ``summary``: the tally as the secretary fills it (every present
    member agrees to every candidate but the members ``against[candidate]``, the members
    ``absent`` away and silent), decided, and the result workbook written. Returns (tally,
    result)."""
    plan = plan_vote(campaign, summary)
    _, blank = write_vote_papers(plan, folder, generated_at=WRITTEN_AT)
    book = openpyxl.load_workbook(blank)
    sheet = book[TALLY_SHEET]
    for i in range(len(plan.council.members)):
        sheet[presence_cell(i)] = ABSENT_WORD if i in absent else PRESENT_WORD
        for j in range(len(plan.candidates)):
            if i not in absent:
                word = NO_WORD if i in against.get(j, set()) else YES_WORD
                sheet.cell(member_row(i) + 1, candidate_col(j) + 1).value = word
    tally = folder / "KIEM-PHIEU-da-nhap.xlsx"
    book.save(tally)
    result = decide_vote(campaign, summary, tally)
    assert result.accepted, [i.code for i in result.issues]
    return tally, write_vote_result(result, folder / RESULT_FILE, generated_at=WRITTEN_AT)


def tally_entries(tally: Path) -> tuple[list[tuple[str, str, str]], dict[str, list[str]]]:
    """What the secretary typed, read straight from the tally: each member's (name, role,
    presence), and each candidate's code → the words typed under it, member by member."""
    book = openpyxl.load_workbook(tally, read_only=True)
    rows = [list(r) for r in book[TALLY_SHEET].iter_rows(values_only=True)]
    codes = rows[CODE_ROW]
    members = [r for r in rows[CODE_ROW + 1 :] if r[MCOL["name"]]]
    seated = [
        (str(r[MCOL["name"]]), str(r[MCOL["role"]]), str(r[MCOL["presence"]])) for r in members
    ]
    votes = {
        str(codes[col]): [str(r[col] or "") for r in members]
        for col in range(FIRST_CANDIDATE_COL, len(codes))
        if codes[col]
    }
    return seated, votes


def docx_lines(path: Path) -> list[str]:
    """Every paragraph of a .docx, the tables' cells included (row by row)."""
    document = Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                lines += [p.text for p in cell.paragraphs]
    return lines


def docx_rows(path: Path, first_title: str) -> list[list[str]]:
    """The rows under the header of the table whose first header cell is ``first_title``."""
    document = Document(str(path))
    for table in document.tables:
        cells = [[c.text.strip() for c in row.cells] for row in table.rows]
        if cells and cells[0][0] == first_title:
            return cells[1:]
    raise AssertionError(f"{path.name}: no table headed {first_title!r}")


def summary_table(path: Path, sheet: str, must_have: tuple[str, ...]) -> list[dict[str, object]]:
    """The rows of the table on ``sheet`` whose header row holds ``must_have`` (read by the
    header's words, wherever the table starts), up to the first row with no unit code."""
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = list(book[sheet].iter_rows(values_only=True))
    for index, row in enumerate(rows):
        names = [str(v).strip() if v is not None else "" for v in row]
        if all(m in names for m in must_have):
            found = []
            for below in rows[index + 1 :]:
                record = dict(zip(names, below, strict=False))
                if not record.get("Mã đơn vị"):
                    break
                found.append(record)
            return found
    raise AssertionError(f"{sheet}: no table with {must_have}")


def vi_number(value: object) -> str:
    """A summary's number as the papers write it: ``183,89``, ``20``."""
    if isinstance(value, str):  # a print copy that shows its numbers as text, the Vietnamese way
        return value.strip()
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")  # type: ignore[arg-type]
    return text.replace(".", ",")


_RSID = re.compile(rb'\s+w:rsid\w*="[0-9A-F]+"')


def normalised_body(path: Path) -> str:
    """The document's body XML, pretty-printed, without the revision ids Word adds."""
    with zipfile.ZipFile(path) as archive:
        xml = _RSID.sub(b"", archive.read("word/document.xml"))
    root = etree.fromstring(xml)
    return etree.tostring(root, pretty_print=True, encoding="unicode")


GOLDEN_DOSSIER = ROOT / "tests" / "golden" / "dossier"
GOLDEN_PAPERS = {  # golden file → the paper written from the wards' summary
    "to-trinh.xml": "proposal",
    "danh-sach-de-nghi.xml": "listing",
    "bao-cao-thanh-tich-P-ANPHU.xml": "report",
    "bien-ban-hoi-dong.xml": "minutes",
    "bien-ban-hoi-dong-bieu-quyet.xml": "voted_minutes",
}


def golden_papers(work: Path) -> dict[str, Path]:
    """The papers pinned by tests/golden/dossier: the three wards' cards of
    tests/verification_files.py (fixed fills), one criterion verified by the town, merged,
    and the dossier written without and with a vote, at fixed times."""
    campaign_path = award_campaign(work / "campaign.xlsx", top_n=3, min_band="")
    campaign = loaded(campaign_path)
    inbox = ward_inbox(campaign, work / "inbox")
    verification = filled(
        blank_workbook(campaign, inbox, work / "tham-dinh.xlsx"),
        work / "tham-dinh-da-dien.xlsx",
        {("P-ANPHU", "II.1.a"): (2, "Chỉ có một biên bản tuyên truyền")},
    )
    summary = summary_of(campaign, inbox, work / "tong-hop.xlsx", verified=(verification,))
    dossier = build_dossier(campaign, summary)
    plain = write_dossier(dossier, work / "ho-so", generated_at=WRITTEN_AT)
    codes = [c.unit.code for c in dossier.candidates]
    votes = [{"unit": code, "agree": 8 - i, "passed": i == 0} for i, code in enumerate(codes)]
    voted = build_dossier(campaign, summary, vote=meeting_vote(votes))
    with_vote = write_dossier(voted, work / "ho-so-bieu-quyet", generated_at=WRITTEN_AT)
    return {
        "proposal": plain.proposal,
        "listing": plain.listing,
        "report": next(p for p in plain.reports if "-P-ANPHU-" in p.name),  # verified
        "minutes": plain.minutes,
        "voted_minutes": with_vote.minutes,
        "summary": summary,
        "campaign": campaign_path,
    }


def write_golden_dossier(work: Path) -> list[Path]:
    """Rewrite tests/golden/dossier/*.xml (tests/golden/regenerate.py calls this)."""
    papers = golden_papers(work)
    GOLDEN_DOSSIER.mkdir(parents=True, exist_ok=True)
    written = []
    for name, paper in GOLDEN_PAPERS.items():
        target = GOLDEN_DOSSIER / name
        target.write_text(normalised_body(papers[paper]), encoding="utf-8")
        written.append(target)
    return written
