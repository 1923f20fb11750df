"""The papers' body XML is pinned (tests/golden/dossier, rewritten by
tests/golden/regenerate.py after an intended change of a template), the shipped templates are
what ``thidua_xlsx.dossier.make_templates`` makes, and a summary's verified scores are the ones
the papers print."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from thidua_xlsx.dossier.make_templates import BUILDERS, TEMPLATE_NAMES
from thidua_xlsx.dossier.writer import TEMPLATE_FOLDER
from thidua_xlsx.intake.reader import read_returned_file
from thidua_xlsx.intake.summary_verified import read_summary_verified

from dossier_files import (
    GOLDEN_DOSSIER,
    GOLDEN_PAPERS,
    RANK_WORDS,
    docx_lines,
    golden_papers,
    normalised_body,
    summary_table,
    vi_number,
)


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return golden_papers(tmp_path_factory.mktemp("golden-dossier"))


@pytest.mark.parametrize("golden", sorted(GOLDEN_PAPERS))
def test_the_papers_body_is_the_golden_one(papers: dict[str, Path], golden: str) -> None:
    expected = (GOLDEN_DOSSIER / golden).read_text(encoding="utf-8")
    assert normalised_body(papers[GOLDEN_PAPERS[golden]]) == expected, (
        f"{golden} changed: if intended, run python3 tests/golden/regenerate.py"
    )


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_the_shipped_templates_are_what_the_script_makes(name: str, tmp_path: Path) -> None:
    made = tmp_path / f"{name}.docx"
    BUILDERS[name]().save(str(made))  # type: ignore[attr-defined]
    assert normalised_body(made) == normalised_body(TEMPLATE_FOLDER / f"{name}.docx"), (
        "run python3 -m thidua_xlsx.dossier.make_templates"
    )


def test_the_verified_total_is_the_one_printed(papers: dict[str, Path]) -> None:
    """P-ANPHU's II.1.a was verified down by the town: the summary ranks it on the verified
    total, and so do the papers (its report also says its self score)."""
    ranking = {
        str(r["Mã đơn vị"]): r for r in summary_table(papers["summary"], "Xếp hạng", RANK_WORDS)
    }
    report = "\n".join(docx_lines(papers["report"]))
    total = vi_number(ranking["P-ANPHU"]["Tổng điểm"])
    assert f"đạt {total}/200 điểm" in report
    assert "đã thẩm định 1 tiêu chí" in report
    minutes = "\n".join(docx_lines(papers["minutes"]))
    for code, row in ranking.items():
        if row["Hạng"] not in (None, ""):
            assert vi_number(row["Tổng điểm"]) in minutes, code


def test_a_summarys_verified_scores_are_read_for_the_dossier_only(
    papers: dict[str, Path],
) -> None:
    """A merge reading the summary as a lower level's never sees this level's verification;
    the dossier reads it from the *Thẩm định* sheet."""
    assert read_returned_file(papers["summary"]).verified == {}  # type: ignore[union-attr]
    assert read_summary_verified(papers["summary"]) == {"P-ANPHU": {"II.1.a": Decimal(2)}}
