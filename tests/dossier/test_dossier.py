"""``thidua dossier``: the award papers in Word, read back with python-docx. Every number on
them is the summary's (read from the summary workbook itself, by its headers); the vote is
optional; the narrative is left as marked places to write; campaign awards say they are
campaign awards; a province's own template replaces the shipped one by name."""

from __future__ import annotations

import io
import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from verification_files import ward_inbox

from thidua_xlsx.core.dossier import award_candidates
from thidua_xlsx.dossier.writer import TEMPLATE_FOLDER, DossierFiles, write_dossier
from thidua_xlsx.errors import DossierError, VoteError
from thidua_xlsx.faces.cli import main
from thidua_xlsx.merge.dossier import build_dossier
from thidua_xlsx.merge.vote import read_vote_result
from thidua_xlsx.scorecard.layout import META_SHEET

from conftest import SEED_000
from dossier_files import (
    AWARD,
    RANK_WORDS,
    SAMPLE_INBOX,
    WRITTEN_AT,
    award_campaign,
    docx_lines,
    docx_rows,
    loaded,
    meeting_vote,
    normalised_body,
    summary_of,
    summary_table,
    tally_entries,
    vi_number,
    voted_result,
)

CHUYEN_DE = "Điều 4 Nghị định số 152/2025/NĐ-CP"


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("dossier")


@pytest.fixture(scope="module")
def campaign_path(work: Path) -> Path:
    return award_campaign(work / "campaign.xlsx")


@pytest.fixture(scope="module")
def summary(campaign_path: Path, work: Path) -> Path:
    return summary_of(loaded(campaign_path), SAMPLE_INBOX, work / "tong-hop.xlsx")


@pytest.fixture(scope="module")
def papers(campaign_path: Path, summary: Path, work: Path) -> DossierFiles:
    dossier = build_dossier(loaded(campaign_path), summary)
    return write_dossier(dossier, work / "ho-so", generated_at=WRITTEN_AT)


def _proposed_in_summary(summary: Path) -> list[dict[str, object]]:
    return summary_table(summary, "Đề nghị khen thưởng", RANK_WORDS)


def test_the_papers_propose_the_summarys_award_list(summary: Path, papers: DossierFiles) -> None:
    listed = _proposed_in_summary(summary)
    assert listed, "the sample summary proposes someone"
    expected = [
        [str(r["Tên đơn vị"]), vi_number(r["Tổng điểm"]), str(r["Hạng"]), str(r["Xếp loại"])]
        for r in listed
    ]
    in_proposal = docx_rows(papers.proposal, "STT")
    assert [row[1:] for row in in_proposal] == expected
    in_listing = docx_rows(papers.listing, "STT")
    assert [row[1:5] for row in in_listing] == expected
    assert [row[0] for row in in_listing] == [f"{i:02d}" for i in range(1, len(listed) + 1)]
    # the workbook copy of the list holds the same units and numbers, as numbers
    sheet = openpyxl.load_workbook(papers.listing_xlsx)["Danh sách đề nghị"]
    rows = [r for r in sheet.iter_rows(min_row=5, values_only=True) if isinstance(r[0], int)]
    assert [(r[1], r[2], vi_number(r[3]), r[4], r[5]) for r in rows] == [
        (r["Mã đơn vị"], r["Tên đơn vị"], vi_number(r["Tổng điểm"]), r["Hạng"], r["Xếp loại"])
        for r in listed
    ]
    assert all(isinstance(r[3], float) for r in rows)  # numbers in the workbook copy
    assert sheet.page_setup.orientation == "portrait" and sheet.page_setup.paperSize == 9
    # one report per proposed collective, in rank order
    assert len(papers.reports) == len(listed)
    for path, row in zip(papers.reports, listed, strict=True):
        assert str(row["Mã đơn vị"]) in path.name


def test_each_report_carries_the_units_scores_as_the_summary_has_them(
    campaign_path: Path, summary: Path, papers: DossierFiles
) -> None:
    campaign = loaded(campaign_path)
    ranking = {str(r["Mã đơn vị"]): r for r in summary_table(summary, "Xếp hạng", RANK_WORDS)}
    ranked = sum(1 for r in ranking.values() if r["Hạng"] not in (None, ""))
    sections = [s.code for s in campaign.sections]
    for path in papers.reports:
        code = next(c for c in ranking if f"-{c}-" in path.name)
        row = ranking[code]
        text = "\n".join(docx_lines(path))
        assert f"đạt {vi_number(row['Tổng điểm'])}/200 điểm" in text
        assert f"xếp hạng {row['Hạng']}/{ranked}" in text
        assert f"xếp loại {row['Xếp loại']}" in text
        table = docx_rows(path, "Mục")
        assert [r[0] for r in table[: len(sections)]] == sections
        for line, section in zip(table, sections, strict=False):
            assert line[3] == vi_number(row[section]), (code, section)
        assert table[len(sections)][1:] == ["Tổng điểm", "200", vi_number(row["Tổng điểm"])]


def test_each_report_lists_the_targets_and_the_evidence_the_unit_cited(
    campaign_path: Path, summary: Path, papers: DossierFiles
) -> None:
    """Targets and evidence come from the unit's own entries, carried by the summary's data
    sheet: checked here against the card's values as merge read them."""
    campaign = loaded(campaign_path)
    dossier = build_dossier(campaign, summary)
    for proposed, path in zip(dossier.proposed, papers.reports, strict=True):
        text = "\n".join(docx_lines(path))
        rows = docx_rows(path, "Mã")
        assert [r[0] for r in rows] == [t.code for t in proposed.targets]
        for row, target in zip(rows, proposed.targets, strict=True):
            assert target.result is not None and target.target is not None
            share = min(target.result / target.target, Decimal(1)) * 100
            assert row[4] == f"{vi_number(share.quantize(Decimal('0.1')))}%"
        assert proposed.evidence, "the sample wards cite evidence"
        for cited in proposed.evidence:
            assert f"{cited.code} (" in text and cited.evidence in text


def test_without_a_vote_the_minutes_leave_the_vote_to_fill_by_hand(
    summary: Path, papers: DossierFiles
) -> None:
    listed = _proposed_in_summary(summary)
    rows = docx_rows(papers.minutes, "STT")
    assert [r[1:4] for r in rows] == [
        [str(r["Tên đơn vị"]), vi_number(r["Tổng điểm"]), str(r["Hạng"])] for r in listed
    ]
    assert all(r[4:] == ["……", "……", "……"] for r in rows)
    listing = docx_rows(papers.listing, "STT")
    assert {r[5] for r in listing} == {"chưa biểu quyết"}
    assert {r[6] for r in listing} == {"Đề nghị theo thứ hạng"}
    minutes = "\n".join(docx_lines(papers.minutes))
    assert "Thành viên Hội đồng: ……; có mặt: ……" in minutes


def test_the_narrative_is_left_as_marked_places_to_write(papers: DossierFiles) -> None:
    for path in (papers.proposal, *papers.reports, papers.minutes):
        document = Document(str(path))
        marked = [
            run
            for paragraph in document.paragraphs
            for run in paragraph.runs
            if run.text.startswith("[Phần tự viết:")
        ]
        assert marked, path.name
        assert all(run.font.highlight_color == WD_COLOR_INDEX.YELLOW for run in marked)
    report = "\n".join(docx_lines(papers.reports[0]))
    for part in ("I. SƠ LƯỢC ĐẶC ĐIỂM", "4. Các giải pháp", "III. CÁC HÌNH THỨC KHEN THƯỞNG"):
        assert part in report


def test_every_paper_says_it_is_a_campaign_award_and_who_signs(
    campaign_path: Path, papers: DossierFiles
) -> None:
    info = loaded(campaign_path).info
    for path in (papers.proposal, papers.listing, *papers.reports, papers.minutes):
        text = "\n".join(docx_lines(path))
        assert CHUYEN_DE in text and "chuyên đề" in text, path.name
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
        assert "Độc lập - Tự do - Hạnh phúc" in text
        assert info.signer_name in text and info.signer_title in text, path.name
        assert AWARD in text
    proposal = "\n".join(docx_lines(papers.proposal))
    assert "Số: ……/TTr-" in proposal and "Nơi nhận:" in proposal
    assert f"{info.place}, ngày …… tháng …… năm 2024" in proposal
    assert "Nghị định số 152/2025/NĐ-CP" in proposal


def test_the_councils_vote_decides_the_list_and_fills_the_minutes(
    campaign_path: Path, summary: Path, work: Path
) -> None:
    campaign = loaded(campaign_path)
    listed = _proposed_in_summary(summary)
    codes = [str(r["Mã đơn vị"]) for r in listed]
    votes = [
        {"unit": codes[0], "agree": 7, "disagree": 0, "passed": True},
        {"unit": codes[1], "agree": 5, "disagree": 2, "passed": False, "reason": "dưới 80%"},
        *({"unit": c, "agree": 8, "passed": True} for c in codes[2:]),
    ]
    dossier = build_dossier(campaign, summary, vote=meeting_vote(votes))
    papers = write_dossier(dossier, work / "ho-so-bieu-quyet", generated_at=WRITTEN_AT)
    passed = [codes[0], *codes[2:]]
    assert [p.unit.code for p in dossier.proposed] == passed
    assert len(papers.reports) == len(passed)
    names = {str(r["Mã đơn vị"]): str(r["Tên đơn vị"]) for r in listed}
    assert [r[1] for r in docx_rows(papers.listing, "STT")] == [names[c] for c in passed]
    assert next(r[5] for r in docx_rows(papers.listing, "STT")) == "7/9"
    minutes = docx_rows(papers.minutes, "STT")
    assert [r[1] for r in minutes] == [names[c] for c in codes]  # every candidate voted on
    # shares are of all nine members, not of the seven present
    assert minutes[0][4:6] == ["7", "77,8%"]
    assert minutes[1][4:] == ["5", "55,6%", "Không đề nghị (dưới 80%)"]
    text = "\n".join(docx_lines(papers.minutes))
    assert "Thành viên Hội đồng: 09; có mặt: 07; vắng: 02" in text
    assert "(ít nhất hai phần ba)" in text
    assert "Chủ trì: Thành viên 01" in text and "ngày 01 tháng 12 năm 2024" in text
    assert "Thành viên 09, Ủy viên (vắng mặt)" in text


def test_the_result_of_thidua_vote_fills_the_minutes_and_the_list(
    campaign_path: Path, summary: Path, work: Path
) -> None:
    """The tally filled (one member away, votes spread so that the quota cuts by votes and
    one unit falls short of the share), decided by ``thidua vote --tally``, then given to
    ``thidua dossier --vote``: the minutes say what the tally says, the list only who passed."""
    campaign = loaded(campaign_path)
    folder = work / "bieu-quyet"
    # 9 members, 8 present; > 50% of all members (5 votes) and at most 3 units
    against = {0: set(), 1: {2, 3, 4, 5}, 2: {8}}
    tally, result = voted_result(campaign, summary, folder, against, absent=frozenset({6}))
    out = io.StringIO()
    papers_dir = work / "ho-so-ket-qua"
    code = main(
        ["dossier", str(campaign_path), str(summary), "-o", str(papers_dir), "--vote", str(result)],
        out=out,
    )
    assert code == 0, out.getvalue()
    seated, typed = tally_entries(tally)
    # counted from what the secretary typed, not from the program's decision
    agree = {unit: words.count("Đồng ý") for unit, words in typed.items()}
    share_met = [u for u in typed if agree[u] * 2 > len(seated)]
    by_votes = sorted(share_met, key=lambda u: -agree[u])
    passed = [u for u in typed if u in by_votes[:3]]
    assert len(typed) >= 3 and len(passed) < len(typed)
    listed = {str(r["Mã đơn vị"]): r for r in _proposed_in_summary(summary)}
    assert list(typed) == list(listed)  # the vote was on the summary's proposals
    minutes = docx_rows(papers_dir / "04-bien-ban-hoi-dong.docx", "STT")
    assert [r[1] for r in minutes] == [str(listed[u]["Tên đơn vị"]) for u in typed]
    assert [r[4] for r in minutes] == [str(agree[u]) for u in typed]
    decided = [r[6].startswith("Đề nghị") for r in minutes]
    assert decided == [u in passed for u in typed]
    text = "\n".join(docx_lines(papers_dir / "04-bien-ban-hoi-dong.docx"))
    present = [name for name, _, said in seated if said == "Có mặt"]
    away = [name for name, _, said in seated if said != "Có mặt"]
    assert f"Thành viên Hội đồng: {len(seated):02d}; có mặt: {len(present):02d}" in text
    assert f"vắng: {len(away):02d} ({', '.join(away)})" in text
    for name, role, _ in seated:
        assert f"- {name}, {role}" in text
    chair = next(name for name, role, _ in seated if role == "Chủ tịch")
    assert f"Chủ trì: {chair}." in text
    listing = docx_rows(papers_dir / "02-danh-sach-de-nghi.docx", "STT")
    assert [r[1] for r in listing] == [str(listed[u]["Tên đơn vị"]) for u in passed]
    assert [r[2] for r in listing] == [vi_number(listed[u]["Tổng điểm"]) for u in passed]
    assert len(list(papers_dir.glob("03-bao-cao-thanh-tich-*.docx"))) == len(passed)
    # the library: the same conversion, in one place
    voted = build_dossier(campaign, summary, vote=read_vote_result(campaign, result))
    assert [p.unit.code for p in voted.proposed] == passed
    assert voted.vote is not None and [m.name for m in voted.vote.present] == present


def test_a_vote_on_another_summary_or_not_a_result_is_refused(
    campaign_path: Path, summary: Path, work: Path
) -> None:
    campaign = loaded(campaign_path)
    inbox = work / "hop-thu-thieu"
    shutil.copytree(SAMPLE_INBOX, inbox)
    first = str(_proposed_in_summary(summary)[0]["Mã đơn vị"])
    for card in inbox.glob(f"{first}-*"):
        card.unlink()  # the first proposed unit's card never came: other proposals
    other = summary_of(campaign, inbox, work / "tong-hop-khac.xlsx")
    tally, result = voted_result(campaign, other, work / "bieu-quyet-khac", {})
    for vote, said in (
        (result, "không phải của bảng tổng hợp này"),
        (tally, "Không dùng được kết quả biểu quyết"),
    ):
        out = io.StringIO()
        code = main(
            [
                "dossier",
                str(campaign_path),
                str(summary),
                "-o",
                str(work / "x-vote"),
                "--vote",
                str(vote),
            ],
            out=out,
        )
        assert code == 2 and said in out.getvalue(), out.getvalue()
        assert not (work / "x-vote").exists()
    # a result whose hidden list of members was lost says nothing of who sat: refused
    book = openpyxl.load_workbook(result)
    hidden = book[META_SHEET]
    for row in range(hidden.max_row, 0, -1):
        if hidden.cell(row, 1).value == "member":
            hidden.delete_rows(row)
    book.save(work / "ket-qua-hong.xlsx")
    with pytest.raises(VoteError):
        read_vote_result(campaign, work / "ket-qua-hong.xlsx")
    # and the same result is the vote of the summary it was held on
    voted = build_dossier(campaign, other, vote=read_vote_result(campaign, result))
    assert voted.vote is not None and len(voted.proposed) == len(voted.candidates)


def test_the_candidates_are_the_summarys_award_rule(campaign_path: Path, summary: Path) -> None:
    campaign = loaded(campaign_path)
    dossier = build_dossier(campaign, summary)
    assert [c.place for c in dossier.candidates] == award_candidates(campaign, dossier.ranking)
    ranking = summary_table(summary, "Xếp hạng", RANK_WORDS)
    assert [(r.unit, str(r.total), r.rank) for r in dossier.ranking] == [
        (str(r["Mã đơn vị"]), vi_number(r["Tổng điểm"]).replace(",", "."), r["Hạng"])
        for r in ranking
        if r["Hạng"] not in (None, "")
    ]


def test_a_province_replaces_a_template_by_name(
    campaign_path: Path, summary: Path, work: Path
) -> None:
    own = work / "mau-tinh"
    own.mkdir()
    document = Document(str(TEMPLATE_FOLDER / "to-trinh.docx"))
    paragraph = next(p for p in document.paragraphs if p.text == "TỜ TRÌNH")
    paragraph.runs[0].text = "TỜ TRÌNH (MẪU CỦA TỈNH)"
    document.save(str(own / "to-trinh.docx"))
    dossier = build_dossier(loaded(campaign_path), summary)
    papers = write_dossier(dossier, work / "ho-so-tinh", templates=own, generated_at=WRITTEN_AT)
    assert "TỜ TRÌNH (MẪU CỦA TỈNH)" in docx_lines(papers.proposal)
    assert papers.templates[0] == own / "to-trinh.docx"
    assert papers.templates[1:] == tuple(
        TEMPLATE_FOLDER / f"{n}.docx"
        for n in ("danh-sach-de-nghi", "bao-cao-thanh-tich", "bien-ban-hoi-dong")
    )


def test_the_command_line(campaign_path: Path, summary: Path, work: Path) -> None:
    out = io.StringIO()
    folder = work / "cli"
    code = main(["dossier", str(campaign_path), str(summary), "-o", str(folder)], out=out)
    said = out.getvalue()
    assert code == 0, said
    assert "01-to-trinh.docx" in said and "04-bien-ban-hoi-dong.docx" in said
    assert "--vote" in said  # says the vote table is left to fill
    # a second run keeps the papers someone may have written on
    again = io.StringIO()
    code = main(["dossier", str(campaign_path), str(summary), "-o", str(folder)], out=again)
    assert code == 2 and "01-to-trinh.docx" in again.getvalue()
    forced = main(
        ["dossier", str(campaign_path), str(summary), "-o", str(folder), "--force"],
        out=io.StringIO(),
    )
    assert forced == 0
    # English, and the vote read from its file
    english = io.StringIO()
    everyone = {j: set(range(20)) for j in range(20)}  # nobody agrees to anyone
    _, vote = voted_result(loaded(campaign_path), summary, work / "cli-vote", everyone)
    code = main(
        [
            "--lang",
            "en",
            "dossier",
            str(campaign_path),
            str(summary),
            "-o",
            str(work / "cli-en"),
            "--vote",
            str(vote),
        ],
        out=english,
    )
    assert code == 0 and "Award dossier" in english.getvalue()
    assert "0 collectives proposed" in english.getvalue()  # nobody passed an empty vote


def test_unusable_inputs_are_said_and_end_with_exit_2(
    campaign_path: Path, summary: Path, work: Path
) -> None:
    seed = work / "khong-khen.xlsx"  # the seed with its award rule taken out
    book = openpyxl.load_workbook(
        Path(__file__).resolve().parents[2] / "workbook_templates" / "nhon-hung-2024-bdg.xlsx"
    )
    info = book["Thông tin"]
    for row in range(info.max_row, 0, -1):
        if info.cell(row, 1).value in ("Hình thức khen thưởng", "Số đơn vị đề nghị khen thưởng"):
            info.delete_rows(row)
    book.save(seed)
    out = io.StringIO()
    code = main(["dossier", str(seed), str(summary), "-o", str(work / "x1")], out=out)
    assert code == 2 and "Hình thức khen thưởng" in out.getvalue()
    card = next(SAMPLE_INBOX.glob("P-*.xlsx"))
    out = io.StringIO()
    code = main(["dossier", str(campaign_path), str(card), "-o", str(work / "x2")], out=out)
    assert code == 2 and "không phải bảng tổng hợp" in out.getvalue()
    # the output folder may not hold an input
    out = io.StringIO()
    code = main(["dossier", str(campaign_path), str(summary), "-o", str(summary.parent)], out=out)
    assert code == 2
    assert not (summary.parent / "01-to-trinh.docx").exists()


def test_a_broken_province_template_is_said_with_its_reason(
    campaign_path: Path, summary: Path, work: Path
) -> None:
    own = work / "mau-hong"
    own.mkdir()
    document = Document(str(TEMPLATE_FOLDER / "bien-ban-hoi-dong.docx"))
    document.paragraphs[0].add_run("{{ chưa đóng ngoặc")
    document.save(str(own / "bien-ban-hoi-dong.docx"))
    (own / "to-trinh.docx").write_bytes(b"not a Word document")
    out = io.StringIO()
    code = main(
        [
            "dossier",
            str(campaign_path),
            str(summary),
            "-o",
            str(work / "x3"),
            "--templates",
            str(own),
        ],
        out=out,
    )
    assert code == 2
    assert "to-trinh.docx không dùng được" in out.getvalue()
    (own / "to-trinh.docx").unlink()
    dossier = build_dossier(loaded(campaign_path), summary)
    with pytest.raises(DossierError) as raised:
        write_dossier(dossier, work / "x4", templates=own)
    assert raised.value.reason == "template"
    assert "bien-ban-hoi-dong.docx" in raised.value.message("en")


def test_a_unit_whose_row_was_edited_is_left_out_and_said(
    campaign_path: Path, summary: Path, work: Path
) -> None:
    """A summary whose hidden data was edited: that unit no longer checks, the papers leave
    it out, the command says so and exits 1."""
    book = openpyxl.load_workbook(summary)
    data = book["_thidua_dulieu"]
    first = next(row for row in data.iter_rows() if row[0].value == "ĐƠN VỊ")
    edited_unit = first[1].value
    first[8].value = str(first[8].value).replace('"F":', '"F":9', 1)  # a value changed
    edited = work / "tong-hop-da-sua.xlsx"
    book.save(edited)
    dossier = build_dossier(loaded(campaign_path), edited)
    assert dossier.exit_code == 1
    assert {i.code for i in dossier.issues} == {"summary_data_damaged"}
    assert edited_unit not in {r.unit for r in dossier.ranking}
    out = io.StringIO()
    code = main(["dossier", str(campaign_path), str(edited), "-o", str(work / "x5")], out=out)
    assert code == 1 and "summary_data_damaged" in out.getvalue()


def test_the_provincial_seed_proposes_its_bang_khen_or_says_none_qualifies(work: Path) -> None:
    """Seed 000 (Hội LHPN tỉnh An Giang): Bằng khen for the top 3 in band Xuất sắc. With the
    districts' cards filled at random nobody reaches Xuất sắc: nothing is written and the
    command says why; with the band lowered to Khá the top three are proposed."""
    campaign = loaded(SEED_000)
    districts = tuple(u.code for u in campaign.units if u.parent)
    inbox = ward_inbox(campaign, work / "hop-thu-tinh", units=districts)
    summary = summary_of(campaign, inbox, work / "tong-hop-tinh.xlsx")
    out = io.StringIO()
    folder = work / "ho-so-tinh-xs"
    code = main(["dossier", str(SEED_000), str(summary), "-o", str(folder)], out=out)
    assert code == 0, out.getvalue()
    assert "không lập hồ sơ" in out.getvalue() and "xếp loại Xuất sắc" in out.getvalue()
    assert not folder.exists()
    book = openpyxl.load_workbook(SEED_000)
    for row in book["Thông tin"].iter_rows():
        if row[0].value == "Xếp loại được đề nghị":
            row[1].value = "Khá"
    lowered = work / "an-giang-kha.xlsx"
    book.save(lowered)
    dossier = build_dossier(loaded(lowered), summary)
    papers = write_dossier(dossier, work / "ho-so-an-giang", generated_at=WRITTEN_AT)
    listed = summary_table(summary, "Xếp hạng", RANK_WORDS)[:3]
    assert [r[1] for r in docx_rows(papers.listing, "STT")] == [
        str(r["Tên đơn vị"]) for r in listed
    ]
    text = "\n".join(docx_lines(papers.proposal))
    assert "Bằng khen của Đoàn Chủ tịch Hội LHPN Việt Nam" in text
    assert "TRUNG ƯƠNG HỘI LHPN VIỆT NAM" in text and "CHỦ TỊCH" in text
    assert "[Họ và tên]" in text  # the seed names no signer: a place to write the name


def test_two_runs_at_one_time_give_the_same_bytes(
    campaign_path: Path, summary: Path, work: Path
) -> None:
    dossier = build_dossier(loaded(campaign_path), summary)
    first = write_dossier(dossier, work / "lan-1", generated_at=WRITTEN_AT)
    second = write_dossier(dossier, work / "lan-2", generated_at=WRITTEN_AT)
    for one, two in zip(first.paths, second.paths, strict=True):
        assert one.read_bytes() == two.read_bytes(), one.name


def test_a_level_other_than_the_campaigns_own_signs_by_hand(work: Path) -> None:
    """The Nhơn Hưng seed as it is (the ward's own campaign, signed by its Trưởng ban) used by
    the town to rank its wards: the town issues the papers under the province, each unit's
    report is dated from its own place, and the ward's signer appears nowhere; the title and
    the name are dotted places to write."""
    seed = Path(__file__).resolve().parents[2] / "workbook_templates" / "nhon-hung-2024-bdg.xlsx"
    campaign = loaded(seed)
    summary = summary_of(campaign, SAMPLE_INBOX, work / "tong-hop-seed.xlsx")
    papers = write_dossier(
        build_dossier(campaign, summary), work / "ho-so-seed", generated_at=WRITTEN_AT
    )
    everything = "\n".join(
        line
        for path in (papers.proposal, papers.listing, *papers.reports)
        for line in docx_lines(path)
    )
    assert campaign.info.signer_name not in everything  # Lê Thị Kim Sa signs the ward's papers
    assert "THỊ XÃ TỊNH BIÊN kính đề nghị" in everything  # the town issues them
    for path, proposed in zip(
        papers.reports, build_dossier(campaign, summary).proposed, strict=True
    ):
        place = campaign.place_of(proposed.place.unit)  # «Nhà Bàng» for UBND phường Nhà Bàng
        assert place != campaign.info.place and f"{place}, ngày" in normalised_body(path)
