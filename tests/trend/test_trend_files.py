"""Each file ``thidua trend`` refuses (tests/files/trend/, named after its code: made by
tests/files/make_files.py through tests/trend_files.py) gives exactly its code, costs only
itself (the trend goes on with the three months, exit 1), and a summary written before
summaries carried their definition is used when its campaign workbook is given."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from thidua_xlsx.faces.cli import main
from thidua_xlsx.merge.trend import build_trend
from thidua_xlsx.words.issues import CATALOGUE

from conftest import SEED_003
from trend_files import REFUSED

FOLDER = Path(__file__).resolve().parent.parent / "files" / "trend"
CHAIN = sorted(FOLDER.glob("tong-hop-thang-*.xlsx"))
ISSUES = Path(__file__).resolve().parents[2] / "thidua_xlsx" / "words" / "issues.py"


def test_the_chain_is_there() -> None:
    assert [p.name for p in CHAIN] == [
        "tong-hop-thang-07.xlsx",
        "tong-hop-thang-08.xlsx",
        "tong-hop-thang-09.xlsx",
    ]


@pytest.mark.parametrize("code", sorted(REFUSED))
def test_each_refused_file_gives_its_code_and_costs_only_itself(code: str) -> None:
    bad = FOLDER / REFUSED[code]
    trend = build_trend([*CHAIN, bad])
    assert [(Path(i.file).name, i.code) for i in trend.refused] == [(bad.name, code)]
    assert len(trend.periods) == 3 and len(trend.units) == 14
    assert trend.exit_code == 1
    assert trend.refused[0].message("vi") and trend.refused[0].message("en")


def test_every_trend_code_has_its_file() -> None:
    """The catalogue's block of this piece: each code has a file named after it here."""
    text = ISSUES.read_text(encoding="utf-8")
    block = text.split("# -- issue 18: trend (thidua trend) --", 1)[1].split("\n}\n", 1)[0]
    block = block.split("\n    # -- ", 1)[0]  # up to the next piece's block
    codes = re.findall(r'\n    "([a-z0-9_]+)": CatalogueEntry\(', block)
    assert set(codes) == set(REFUSED) and set(codes) <= set(CATALOGUE)
    assert all((FOLDER / REFUSED[c]).is_file() for c in codes)


def test_an_old_summary_is_scored_with_the_campaign_given(tmp_path: Path) -> None:
    old = FOLDER / "trend_no_definition.xlsx"  # August, without its definition
    july, september = CHAIN[0], CHAIN[2]
    refused = build_trend([july, old, september])
    assert [i.code for i in refused.refused] == ["trend_no_definition"]
    assert len(refused.periods) == 2
    # the campaign workbook has no periods: the summary's stamp names the period
    out = tmp_path / "XU-HUONG.xlsx"
    args = ["trend", str(july), str(old), str(september), "-o", str(out)]
    assert main([*args, "--campaign", str(SEED_003)]) == 0
    with_campaign = build_trend([july, old, september], campaigns=[_campaign()])
    assert with_campaign.refused == ()
    assert with_campaign.labels == ("Tháng 07/2024", "Tháng 08/2024", "Tháng 09/2024")
    # the office's own workbook goes before what the summaries carry, wherever it fits
    assert [p.from_definition for p in with_campaign.periods] == [False, False, False]
    # the same August as the summary that carries its definition
    full = build_trend(CHAIN)
    assert [u.points for u in with_campaign.units] == [u.points for u in full.units]


def test_a_damaged_definition_is_used_when_the_campaign_is_given() -> None:
    damaged = FOLDER / "trend_definition_damaged.xlsx"
    trend = build_trend([CHAIN[0], damaged, CHAIN[2]], campaigns=[_campaign()])
    assert trend.refused == () and len(trend.periods) == 3


def test_fewer_than_two_usable_summaries_is_refused_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [CHAIN[0], FOLDER / "trend_other_campaign.xlsx", FOLDER / "trend_not_summary.xlsx"]
    out = tmp_path / "XU-HUONG.xlsx"
    assert main(["trend", *map(str, files), "-o", str(out)]) == 2
    said = capsys.readouterr().err
    assert "chỉ dùng được 1" in said and "trend_not_summary.xlsx" in said
    assert not out.exists()
    assert main(["trend", *map(str, files), "-o", str(out), "--lang", "en"]) == 2
    assert "only 1 can be used" in capsys.readouterr().err


def _campaign():  # type: ignore[no-untyped-def]
    from thidua_xlsx import load_campaign

    return load_campaign(SEED_003)


def test_a_folder_is_every_file_in_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "XU-HUONG.xlsx"
    assert main(["trend", str(FOLDER), "-o", str(out)]) == 1
    said = capsys.readouterr().out
    assert "Số tệp không được dùng: 6" in said
    assert all(f"[{code}]" in said for code in REFUSED)
    assert out.is_file()
    # the output may not go inside the folder read
    assert main(["trend", str(FOLDER), "-o", str(FOLDER / "XU-HUONG.xlsx")]) == 2
    assert not (FOLDER / "XU-HUONG.xlsx").exists()
