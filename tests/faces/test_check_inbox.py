"""``thidua check`` answers «who has not sent yet?»: the units that sent nothing (or another
kind of file), the file that counts for each unit and the ones it replaced, the exit code of
the files that count; and the feedback copies it writes: only for the files that count and
need action, named without stacking, titled by their content, said where and for whom."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from thidua_xlsx.campaign.loader import load_campaign
from thidua_xlsx.faces.cli import main
from thidua_xlsx.scorecard.blank_cards import scorecard_filename
from thidua_xlsx.scorecard.layout import plan_card
from thidua_xlsx.scorecard.writer import write_scorecard

from conftest import ROOT, SEED_003
from fill_helpers import valid_fill

SAMPLES = ROOT / "samples" / "inbox-nhon-hung"
OLD_CCB = SAMPLES / "NH-CCB-hoi-cuu-chien-binh-phuong.xlsx"  # rejected (a value over its max)


def _run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(args), out=out)
    return code, out.getvalue()


@pytest.fixture(scope="module")
def inbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Nhơn Hưng sectors' inbox: every sector's card but NH-MG's (nothing sent) and
    NH-YT's (a PDF report instead); NH-CCB's rejected card, then a newer good one."""
    folder = tmp_path_factory.mktemp("hop-thu")
    campaign = load_campaign(SEED_003)
    for seed, unit in enumerate(campaign.children_units("P-NHONHUNG")):
        if unit.code in ("NH-MG", "NH-YT"):
            continue
        layout = plan_card(campaign, unit)
        values, inputs = valid_fill(layout, seed)
        name = "NH-CCB-moi.xlsx" if unit.code == "NH-CCB" else scorecard_filename(unit)
        write_scorecard(folder / name, layout, values, inputs)  # type: ignore[arg-type]
    shutil.copyfile(OLD_CCB, folder / "NH-CCB-cu.xlsx")
    (folder / "NH-YT-bao-cao-thang-9.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\n")
    return folder


def test_check_names_who_has_not_sent_and_which_file_counts(inbox: Path) -> None:
    code, text = _run("check", str(SEED_003), str(inbox))
    assert code == 1  # NH-YT's PDF is rejected (a PDF is not a card)
    # still shown, with its issues, and marked
    assert (
        "✘ NH-CCB-cu.xlsx  [NH-CCB]  trả lại  tổng điểm: 4  (không tính: đã có tệp mới hơn)" in text
    )
    line = next(x for x in text.splitlines() if "đơn vị đã nộp" in x)
    assert line.startswith("13/15 đơn vị đã nộp,") and line.endswith(", 2 chưa nộp.")
    assert "Đơn vị chưa gửi phiếu (2):" in text
    assert "\n  NH-MG Trường Mẫu giáo Nhơn Hưng\n" in text
    assert (
        "  NH-YT Trạm Y tế phường: đã gửi tệp PDF (NH-YT-bao-cao-thang-9.pdf), chưa gửi phiếu"
        in text
    )
    assert (
        "NH-CCB: tính tệp mới nhất NH-CCB-moi.xlsx; không tính tệp cũ hơn: NH-CCB-cu.xlsx" in text
    )
    # the level is the one the files are under; --parent names it the same
    assert _run("check", str(SEED_003), str(inbox), "--parent", "p-nhonhung")[1] == text


def test_check_inbox_status_in_english(inbox: Path) -> None:
    code, text = _run("check", str(SEED_003), str(inbox), "--lang", "en")
    assert code == 1
    assert "13/15 units submitted," in text and ", 2 missing." in text
    assert "Units that sent no card (2):" in text
    assert (
        "NH-CCB-cu.xlsx  [NH-CCB]  rejected  total: 4  (not counted: a newer file replaced it)"
        in text
    )
    assert (
        "NH-YT Trạm Y tế phường: sent PDF file(s) (NH-YT-bao-cao-thang-9.pdf), no scorecard" in text
    )
    assert (
        "NH-CCB: the newest file counts, NH-CCB-moi.xlsx; not counted (older): NH-CCB-cu.xlsx"
        in text
    )


def test_check_json_has_the_same_facts(inbox: Path) -> None:
    code, text = _run("check", str(SEED_003), str(inbox), "--json")
    assert code == 1
    document = json.loads(text)
    assert document["parent"] == "P-NHONHUNG"
    assert document["missing"] == ["NH-YT", "NH-MG"]
    units = {u["unit"]: u for u in document["units"]}
    assert units["NH-YT"]["other_files"] == [str(inbox / "NH-YT-bao-cao-thang-9.pdf")]
    assert units["NH-CCB"]["file"] == str(inbox / "NH-CCB-moi.xlsx")
    assert units["NH-CCB"]["superseded"] == [str(inbox / "NH-CCB-cu.xlsx")]
    assert document["superseded"] == [str(inbox / "NH-CCB-cu.xlsx")]
    counts = {Path(f["path"]).name: f["counts"] for f in document["files"]}
    assert counts["NH-CCB-cu.xlsx"] is False and counts["NH-CCB-moi.xlsx"] is True
    assert document["summary"]["line"].startswith("13/15 đơn vị đã nộp")
    assert document["summary"]["rejected_counting"] == 1  # the PDF


def test_the_one_line_summary_is_the_same_in_check_and_merge(inbox: Path, tmp_path: Path) -> None:
    for lang, marker in (("vi", "đơn vị đã nộp"), ("en", "units submitted")):
        _, checked = _run("check", str(SEED_003), str(inbox), "--lang", lang)
        _, merged = _run(
            "merge", str(SEED_003), str(inbox), "--parent", "P-NHONHUNG",
            "-o", str(tmp_path / f"tong-hop-{lang}.xlsx"), "--lang", lang,
        )  # fmt: skip
        line = next(x for x in checked.splitlines() if marker in x).rstrip(".")
        merge_line = next(x for x in merged.splitlines() if marker in x)
        assert merge_line.startswith(line + ";"), (line, merge_line)


def test_the_exit_code_follows_the_files_that_count(inbox: Path, tmp_path: Path) -> None:
    folder = tmp_path / "hop-thu"
    shutil.copytree(inbox, folder)
    (folder / "NH-YT-bao-cao-thang-9.pdf").unlink()
    code, text = _run("check", str(SEED_003), str(folder))
    assert code == 0  # the rejected NH-CCB card was replaced by a good one
    assert "✘ NH-CCB-cu.xlsx" in text and ", 0 bị trả lại," in text
    (folder / "NH-CCB-moi.xlsx").unlink()  # the old rejected card is the unit's last word
    code, text = _run("check", str(SEED_003), str(folder))
    assert code == 1
    assert "NH-CCB: tính tệp" not in text and ", 1 bị trả lại," in text


def test_an_unknown_parent_is_refused(inbox: Path) -> None:
    code, text = _run("check", str(SEED_003), str(inbox), "--parent", "KHONG-CO")
    assert code == 2 and "Không có đơn vị mã KHONG-CO trong đợt thi đua." in text
    assert "✔" not in text  # said before any file is read
    code, text = _run("check", str(SEED_003), str(inbox), "--parent", "KHONG-CO", "--lang", "en")
    assert code == 2 and "No unit with code KHONG-CO in the campaign." in text


def test_feedback_copies_only_for_files_that_count_and_said_for_whom(
    inbox: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "hop-thu"
    shutil.copytree(inbox, folder)
    for name in ("NH-DTN-doan-tncs-ho-chi-minh-phuong.xlsx", "NH-ND-hoi-nong-dan-phuong.xlsx"):
        (folder / name).unlink()  # the samples' cards of these units count instead
    shutil.copyfile(SAMPLES / "NH-DTN-doan-tncs-ho-chi-minh-phuong.xlsx", folder / "NH-DTN.xlsx")
    # a unit's file named like a copy it was sent back: its copy's name does not stack
    shutil.copyfile(
        SAMPLES / "NH-ND-hoi-nong-dan-phuong.xlsx", folder / "nh-nd-hoi-nong-dan-phan-hoi.xlsx"
    )
    feedback = tmp_path / "phan-hoi"
    _, text = _run("check", str(SEED_003), str(folder), "--feedback", str(feedback))
    written = sorted(p.name for p in feedback.iterdir())
    assert not any("ccb" in n for n in written), written  # NH-CCB's old card was replaced
    assert "nh-nd-hoi-nong-dan-phan-hoi.xlsx" in written
    assert not any("phan-hoi-phan-hoi" in n for n in written)
    assert f"Đã ghi {len(written)} bản phản hồi vào {feedback}, để gửi lại từng đơn vị:" in text
    assert (
        "  nh-nd-hoi-nong-dan-phan-hoi.xlsx → gửi NH-ND Hội Nông dân phường (1 lỗi cần sửa; "
        "từ tệp nh-nd-hoi-nong-dan-phan-hoi.xlsx)" in text
    )
    # a copy with errors lists «Lỗi cần sửa»; one with warnings only, «Điểm cần lưu ý»
    errors = openpyxl.load_workbook(feedback / "nh-nd-hoi-nong-dan-phan-hoi.xlsx")
    assert "Lỗi cần sửa" in errors.sheetnames and "Điểm cần lưu ý" not in errors.sheetnames
    dtn = next(n for n in written if n.startswith("nh-dtn"))
    warned = openpyxl.load_workbook(feedback / dtn)
    assert "Điểm cần lưu ý" in warned.sheetnames and "Lỗi cần sửa" not in warned.sheetnames
    assert warned["Điểm cần lưu ý"]["E1"].value == "Nội dung cần lưu ý"
    assert errors["Lỗi cần sửa"]["E1"].value == "Nội dung cần sửa"
    assert f"  {dtn} → gửi NH-DTN Đoàn TNCS Hồ Chí Minh phường (" in text
    assert "điểm cần lưu ý; từ tệp NH-DTN.xlsx)" in text

    _, english = _run(
        "check", str(SEED_003), str(folder), "--feedback", str(tmp_path / "en"), "--lang", "en"
    )
    assert f"Wrote {len(written)} feedback copies into {tmp_path / 'en'}, to send back" in english
    assert (
        "nh-nd-hoi-nong-dan-phan-hoi.xlsx → send to NH-ND Hội Nông dân phường (1 error(s)"
        in english
    )
    book = openpyxl.load_workbook(tmp_path / "en" / dtn)
    assert "Points to note" in book.sheetnames
    _, text = _run(
        "check", str(SEED_003), str(folder), "--feedback", str(tmp_path / "js"), "--json"
    )
    document = json.loads(text)
    copies = {Path(c["path"]).name: c for c in document["feedback_copies"]}
    assert sorted(copies) == sorted(Path(p).name for p in document["feedback"]) == written
    nd = copies["nh-nd-hoi-nong-dan-phan-hoi.xlsx"]
    assert (nd["unit"], nd["source"], nd["errors"]) == (
        "NH-ND",
        "nh-nd-hoi-nong-dan-phan-hoi.xlsx",
        1,
    )
    assert copies[dtn]["errors"] == 0 and copies[dtn]["warnings"] > 0


def test_merge_feedback_says_where_and_for_whom(inbox: Path, tmp_path: Path) -> None:
    feedback = tmp_path / "phan-hoi"
    code, text = _run(
        "merge", str(SEED_003), str(inbox), "--parent", "P-NHONHUNG",
        "-o", str(tmp_path / "tong-hop.xlsx"), "--feedback", str(feedback),
    )  # fmt: skip
    assert code == 1  # the PDF sent for NH-YT is rejected
    written = sorted(p.name for p in feedback.iterdir())
    assert not any("ccb" in n for n in written)  # replaced by a newer card
    assert (
        "NH-CCB-cu.xlsx  [NH-CCB]  trả lại  tổng điểm: 4  (không tính: đã có tệp mới hơn)" in text
    )
    assert f"Đã ghi {len(written)} bản phản hồi vào {feedback}" in text
    assert "NH-YT-bao-cao-thang-9.pdf" in text
    code, text = _run(
        "merge", str(SEED_003), str(inbox), "--parent", "P-NHONHUNG", "--lang", "en",
        "-o", str(tmp_path / "tong-hop-en.xlsx"), "--feedback", str(tmp_path / "en"),
    )  # fmt: skip
    assert f"feedback copies into {tmp_path / 'en'}" in text
    assert "→ send to whoever sent NH-YT-bao-cao-thang-9.pdf" in text


def test_no_copy_needed_is_said(tmp_path: Path) -> None:
    folder = tmp_path / "hop-thu"
    folder.mkdir()
    shutil.copyfile(ROOT / "tests" / "files" / "value_over_target.xlsx", folder / "NH-PN.xlsx")
    for lang, said in (
        ("vi", "Không có tệp nào cần gửi bản phản hồi"),
        ("en", "No file needs a feedback copy"),
    ):
        _, text = _run(
            "check", str(SEED_003), str(folder), "--feedback", str(tmp_path / lang), "--lang", lang
        )
        assert said in text
        assert not list((tmp_path / lang).iterdir())
        assert "vượt chỉ tiêu" in text or "exceeds the target" in text  # said, as a note
        assert "F21 thông tin: " in text or "F21 info: " in text
    code, text = _run("check", str(SEED_003), str(folder), "--json")
    issues = [i for f in json.loads(text)["files"] for i in f["issues"]]
    over = next(i for i in issues if i["code"] == "value_over_target")
    assert over["severity"] == "info" and over["cell"] == "F21"
    assert code == 0  # accepted: the result counts, capped at 100%


@pytest.mark.parametrize(
    ("names", "vi", "en"),
    [
        (("NH-MG anh phieu.jpg", "NH-MG-scan.PNG"), "đã gửi tệp ảnh", "sent image file(s)"),
        (("bao cao NH-MG.docx",), "đã gửi tệp Word", "sent Word file(s)"),
        (("NH-MG.zip",), "đã gửi tệp nén", "sent archive file(s)"),
        (("NH-MG.txt",), "đã gửi tệp khác", "sent other file(s)"),
    ],
)
def test_another_kind_of_file_is_linked_to_its_unit_by_name(
    tmp_path: Path, names: tuple[str, ...], vi: str, en: str
) -> None:
    folder = tmp_path / "hop-thu"
    folder.mkdir()
    shutil.copyfile(SAMPLES / "NH-CA-cong-an-phuong.xlsx", folder / "NH-CA.xlsx")
    for name in names:
        (folder / name).write_bytes(b"\x00not a card\x00" * 10)
    (folder / "NHMG-khong-phai.pdf").write_bytes(b"%PDF-1.4")  # NH-MG not a word of its own
    listed = ", ".join(sorted(names))
    _, text = _run("check", str(SEED_003), str(folder))
    assert f"NH-MG Trường Mẫu giáo Nhơn Hưng: {vi} ({listed}), chưa gửi phiếu" in text
    assert "NHMG-khong-phai.pdf), chưa" not in text
    _, text = _run("check", str(SEED_003), str(folder), "--lang", "en")
    assert f"NH-MG Trường Mẫu giáo Nhơn Hưng: {en} ({listed}), no scorecard" in text
