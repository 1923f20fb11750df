"""Easy mistakes get the answer that names them, in both languages: another of this tool's
workbooks or a folder where the campaign belongs, an output name that does not fit, a file
where a folder belongs, a closed pipe, an operating-system error."""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from thidua_xlsx.faces import cli
from thidua_xlsx.faces.cli import main

from conftest import ROOT, SEED_003

INBOX = ROOT / "samples" / "inbox-nhon-hung"
CARD = INBOX / "NH-CA-cong-an-phuong.xlsx"
VERIFICATION = ROOT / "samples" / "tham-dinh-tinh-bien.xlsx"


def _run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(args), out=out)
    return code, out.getvalue()


def _both(*args: str) -> tuple[str, str]:
    """The answer in Vietnamese and in English; each must be a refusal (2)."""
    said = []
    for lang in ("vi", "en"):
        code, text = _run(*args, "--lang", lang)
        assert code == 2, text
        assert "Traceback" not in text and "Lỗi không lường trước" not in text
        said.append(text)
    return said[0], said[1]


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A feedback copy and a summary, as the commands write them."""
    folder = tmp_path_factory.mktemp("written")
    code, _ = _run("merge", str(SEED_003), str(INBOX), "-o", str(folder / "tong-hop.xlsx"))
    assert code in (0, 1)
    _run("check", str(SEED_003), str(INBOX), "--feedback", str(folder / "fb"))
    copy = next((folder / "fb").glob("nh-ccb*"))
    return {"summary": folder / "tong-hop.xlsx", "feedback": copy}


def test_a_scorecard_given_as_the_campaign_is_named_so() -> None:
    vi, en = _both("show", str(CARD))
    assert "đây là phiếu chấm điểm của NH-CA Công an phường, không phải tệp định nghĩa" in vi
    assert "Đơn vị" not in vi  # not a missing sheet of a campaign
    assert "this is the scorecard of NH-CA Công an phường, not the campaign workbook" in en
    # the same for every command that takes a campaign
    code, text = _run("check", str(CARD), str(INBOX))
    assert code == 2 and "đây là phiếu chấm điểm của NH-CA" in text


def test_a_feedback_copy_a_summary_a_verification_workbook_as_the_campaign(
    written: dict[str, Path],
) -> None:
    vi, en = _both("show", str(written["feedback"]))
    assert "đây là bản phản hồi gửi lại NH-CCB Hội Cựu chiến binh phường" in vi
    assert "this is a feedback copy for NH-CCB" in en
    vi, en = _both("merge", str(written["summary"]), str(INBOX), "-o", "x.xlsx")
    assert "đây là bảng tổng hợp (thidua merge), không phải tệp định nghĩa đợt thi đua" in vi
    assert "this is a summary workbook (thidua merge), not the campaign workbook" in en
    vi, en = _both("show", str(VERIFICATION))
    assert "đây là bảng thẩm định (thidua verify), không phải tệp định nghĩa đợt thi đua" in vi
    assert "this is a verification workbook (thidua verify), not the campaign workbook" in en


def test_a_folder_given_as_the_campaign() -> None:
    vi, en = _both("show", str(INBOX))
    assert f"{INBOX}: đây là một thư mục; cần tệp định nghĩa đợt thi đua (.xlsx)" in vi
    assert "không tìm thấy tệp" not in vi
    assert f"{INBOX}: it is a folder; the campaign workbook (.xlsx) is needed" in en


@pytest.mark.parametrize(
    "command",
    [
        ("init", "{out}"),
        ("merge", str(SEED_003), str(INBOX), "-o", "{out}"),
        ("merge", str(SEED_003), str(INBOX), "--mode", "compose", "--parent", "NH", "-o", "{out}"),
        ("verify", str(SEED_003), str(INBOX), "-o", "{out}"),
        ("vote", str(SEED_003), "tong-hop.xlsx", "--tally", "KIEM-PHIEU.xlsx", "-o", "{out}"),
    ],
)
def test_every_output_file_must_be_named_xlsx(tmp_path: Path, command: tuple[str, ...]) -> None:
    for name in ("tong-hop.csv", "tong-hop.ods", "tong-hop"):
        out = tmp_path / name
        args = [a.replace("{out}", str(out)) for a in command]
        vi, en = _both(*args)
        example = tmp_path / "tong-hop.xlsx"
        assert f"Tệp kết quả {out} phải có đuôi .xlsx" in vi and f"ví dụ {example}" in vi
        assert f"The output {out} must end in .xlsx" in en and f"for example {example}" in en
        assert not out.exists()
    args = [a.replace("{out}", str(tmp_path)) for a in command]  # a folder for a file
    vi, en = _both(*args)
    assert f"{tmp_path} là một thư mục; cần tên tệp .xlsx" in vi
    assert f"{tmp_path} is a folder; a .xlsx file name is needed" in en


@pytest.mark.parametrize(
    "command",
    [
        ("templates", str(SEED_003), "-o", "{file}"),
        ("check", str(SEED_003), str(CARD), "--feedback", "{file}"),
        ("merge", str(SEED_003), str(INBOX), "-o", "{out}", "--feedback", "{file}"),
        ("vote", str(SEED_003), "tong-hop.xlsx", "-o", "{file}"),
        ("dossier", str(SEED_003), "tong-hop.xlsx", "-o", "{file}"),
        ("demo", "{file}"),
    ],
)
def test_a_file_where_a_folder_belongs(tmp_path: Path, command: tuple[str, ...]) -> None:
    file = tmp_path / "ghi-chu.txt"
    file.write_text("x")
    out = tmp_path / "tong-hop.xlsx"
    args = [a.replace("{file}", str(file)).replace("{out}", str(out)) for a in command]
    vi, en = _both(*args)
    assert f"{file} là một tệp; cần một thư mục để ghi vào" in vi
    assert f"{file} is a file; a folder to write into is needed" in en
    assert file.read_text() == "x" and not out.exists()


def test_an_operating_system_error_is_said_in_words_naming_the_path(tmp_path: Path) -> None:
    file = tmp_path / "ghi-chu.txt"
    file.write_text("x")
    target = file / "phieu"  # a path through a file
    vi, en = _both("templates", str(SEED_003), "-o", str(target))
    assert str(target) in vi and "một phần của đường dẫn là tệp, không phải thư mục" in vi
    assert str(target) in en and "part of the path is a file" in en


@pytest.mark.parametrize(
    ("number", "vi", "en"),
    [
        (errno.ENOSPC, "ổ đĩa đã đầy", "the disk is full"),
        (errno.EACCES, "không có quyền ghi", "permission denied"),
        (errno.ENOENT, "thư mục không tồn tại", "no such folder"),
    ],
)
def test_a_system_error_anywhere_in_a_command(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, number: int, vi: str, en: str
) -> None:
    target = tmp_path / "dot.xlsx"

    def fails(path: str, force: bool = False) -> Path:
        raise OSError(number, os.strerror(number), str(target))

    monkeypatch.setattr(cli, "init_campaign_workbook", fails)
    said_vi, said_en = _both("init", str(target))
    assert said_vi.strip() == f"Không làm được việc với {target}: {vi}."
    assert said_en.strip() == f"Could not use {target}: {en}."


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("check", "-h"),
        ("show", str(SEED_003)),
        ("check", str(SEED_003), str(INBOX)),
        ("check", str(SEED_003), str(INBOX), "--json", "--lang", "en"),
    ],
)
def test_a_closed_pipe_ends_the_command_quietly(args: tuple[str, ...]) -> None:
    """``thidua check … | head -1``: the reader left; no traceback, no «unforeseen error»."""
    process = subprocess.Popen(
        [sys.executable, "-m", "thidua_xlsx", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    with process:
        process.stdout.close()  # the reader is gone before the first line
        said = process.stderr.read().decode("utf-8")
        assert process.wait(timeout=120) == 141
    assert said == ""


def test_a_path_through_a_file_for_a_new_workbook(tmp_path: Path) -> None:
    file = tmp_path / "ghi-chu.txt"
    file.write_text("x")
    vi, en = _both("init", str(file / "dot.xlsx"))
    # (the folder to make is taken by a file: EEXIST, said in words)
    assert f"Không ghi được vào {file}: đã có một tệp trùng tên ở đó." in vi
    assert f"Cannot write to {file}: a file of that name is already there." in en
