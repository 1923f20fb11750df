"""The ``thidua`` command: init and show, exit codes, languages, no tracebacks."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from thidua_xlsx.faces.cli import main

from conftest import SEED_000, SEED_003


def _run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(args), out=out)
    return code, out.getvalue()


def _process(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the installed command as a person would, in a separate process."""
    return subprocess.run(
        [sys.executable, "-m", "thidua_xlsx", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_show_seed_003_prints_sections_and_total() -> None:
    code, text = _run("show", str(SEED_003))
    assert code == 0
    sections = re.findall(r"^(I|II|III|IV|V)\s+.*?\s(\d+)(?:\s|$)", text, flags=re.M)
    assert sections == [("I", "20"), ("II", "140"), ("III", "20"), ("IV", "20"), ("V", "20")]
    assert "Cộng: I 20 + II 140 + III 20 + IV 20 = 200; − V 20" in text
    assert "Tổng điểm tối đa: 200 (không gồm điểm trừ)" in text
    assert "Hạn nộp: 01/10/2024" in text
    assert "60/KH-BVSTBPN&BDG" in text
    assert "≥ 180" in text and "Xuất sắc" in text
    assert "NH-CA" in text and "Công an phường" in text
    # how compose combines the sectors, per criterion: as the plan says, or the default
    lines = {line.split()[0]: line for line in text.splitlines() if line.strip()}
    assert "tổng hợp: trung bình" in lines["I.5"]
    assert "tổng hợp: ngành chủ trì (mặc định)" in lines["II.3.d"]
    assert "tổng hợp: cộng (mặc định)" in lines["II.1.a"]
    assert "tổng hợp: cao nhất" in lines["V.3"]
    assert "CẢNH BÁO" not in text  # a clean campaign: no warnings


def test_show_seed_000_prints_targets_and_windows() -> None:
    code, text = _run("show", str(SEED_000))
    assert code == 0
    assert "Từ 20/10/2021 đến 20/01/2022" in text
    assert "Thời gian xét khen thưởng: 20/01/2022 – 20/02/2022" in text
    assert "chỉ tiêu 2" in text  # at least 02 works
    assert "Mái ấm tình thương" in text
    assert "đơn vị tự ghi chỉ tiêu" in text  # one idea per member: members entered by the unit
    assert "3 đơn vị đứng đầu" in text and "Bằng khen" in text


def test_show_in_english() -> None:
    code, text = _run("show", str(SEED_003), "--lang", "en")
    assert code == 0
    assert "Total cap: 200 (excluding deductions)" in text
    assert "compose: lead sector (default)" in text and "compose: average" in text
    assert "Deadline: 01/10/2024" in text
    assert "Tổng điểm tối đa" not in text


def test_init_writes_a_workbook_that_show_accepts(tmp_path: Path) -> None:
    target = tmp_path / "moi.xlsx"
    code, text = _run("init", str(target))
    assert code == 0 and target.exists()
    assert "thidua show" in text
    code, text = _run("show", str(target))
    assert code == 0
    for method in ("Chấm điểm", "Đạt/Không đạt", "Tỷ lệ % chỉ tiêu", "Theo số lượng"):
        assert method in text
    assert "tổng hợp: cao nhất" in text  # the blank workbook's example of a compose rule


def test_init_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "campaign.xlsx"
    target.write_bytes(b"someone's work")
    code, text = _run("init", str(target))
    assert code == 2
    assert "--force" in text
    assert target.read_bytes() == b"someone's work"
    code, _ = _run("init", str(target), "--force")
    assert code == 0 and target.read_bytes()[:2] == b"PK"


def test_broken_definition_exits_2_with_every_problem_and_no_traceback(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.load_workbook(SEED_003)
    criteria = book["Tiêu chí"]
    criteria["A4"] = criteria["A3"].value  # duplicate code
    criteria["C6"] = None  # missing max
    criteria["D7"] = "chấm theo cảm tính"  # unknown method
    criteria["H8"] = "NH-KHONGCO"  # sector that is not a unit
    units = book["Đơn vị"]
    units["D5"] = "HUYEN-X"  # unknown parent
    broken = tmp_path / "broken.xlsx"
    book.save(broken)

    result = _process("show", str(broken))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout
    lines = [line for line in result.stderr.splitlines() if line.startswith("  - ")]
    assert len(lines) == 5, result.stderr
    for where in ("dòng 4", "dòng 6", "dòng 7", "dòng 8", "trang «Đơn vị», dòng 5"):
        assert any(where in line for line in lines), where

    english = _process("show", str(broken), "--lang", "en")
    assert english.returncode == 2
    assert "has 5 problem(s) to fix" in english.stderr


@pytest.mark.parametrize("content", [b"", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, b"a,b\n1,2\n"])
def test_unusable_campaign_file_exits_2_without_traceback(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "campaign.xlsx"
    path.write_bytes(content)
    result = _process("show", str(path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "Không dùng được tệp định nghĩa đợt thi đua" in result.stderr


def test_missing_campaign_and_bad_usage_exit_2(tmp_path: Path) -> None:
    result = _process("show", str(tmp_path / "khong-co.xlsx"))
    assert result.returncode == 2
    assert "không tìm thấy tệp" in result.stderr
    assert _process("khong-co-lenh").returncode == 2
