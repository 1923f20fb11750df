"""Print-ready: LibreOffice turns scorecards into PDFs that are A4 landscape, one page wide
with the column titles repeated on every page, and the guide on a page of its own."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from libreoffice import convert, page_sizes, page_text, png_size
from scorecard_fixtures import GOLDEN, GOLDEN_CARDS, write_golden_card

pytestmark = pytest.mark.libreoffice

A4_LANDSCAPE = (841.89, 595.3)


@pytest.mark.parametrize(
    ("card", "scorecard_pages"),
    [
        (("scorecard-sector-NH-CA.xlsx", GOLDEN_CARDS[0][1], "NH-CA"), 1),
        (GOLDEN_CARDS[0], 2),
        (GOLDEN_CARDS[1], None),
        (GOLDEN_CARDS[2], None),
    ],
    ids=["sector NH-CA", "sector NH-PN", "ward P-NHONHUNG", "province HLHPN-LX"],
)
def test_scorecard_pdf_is_a4_landscape_one_page_wide(
    soffice: str, tmp_path: Path, card: tuple[str, Path, str], scorecard_pages: int | None
) -> None:
    name, campaign, unit = card
    pdf = convert(soffice, write_golden_card(campaign, unit, tmp_path / name), "pdf", tmp_path)
    sizes = page_sizes(pdf)
    *card_pages, guide = sizes
    if scorecard_pages is not None:
        assert len(card_pages) == scorecard_pages
    assert 1 <= len(card_pages) <= 4
    for width, height in card_pages:
        assert (width, height) == pytest.approx(A4_LANDSCAPE, abs=1)
    assert guide == pytest.approx(A4_LANDSCAPE[::-1], abs=1)  # the guide: A4 portrait
    for page in range(1, len(card_pages) + 1):
        text = page_text(pdf, page)
        # every column, down to the last, on every page: one page wide, titles repeated
        assert "Nội dung tiêu chí" in text and "Giải trình" in text and "(10)" in text, page
    assert "THỦ TRƯỞNG ĐƠN VỊ" in page_text(pdf, len(card_pages))
    assert "HƯỚNG DẪN ĐIỀN PHIẾU" in page_text(pdf, len(sizes))


def test_page_one_renders_like_the_golden_png(soffice: str, tmp_path: Path) -> None:
    name, campaign, unit = GOLDEN_CARDS[1]
    pdf = convert(soffice, write_golden_card(campaign, unit, tmp_path / name), "pdf", tmp_path)
    png = tmp_path / "page1"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(png)],
        check=True,
    )
    rendered = png.with_suffix(".png")
    golden = GOLDEN / "scorecard-full-P-NHONHUNG-page1.png"
    assert png_size(rendered) == png_size(golden)
    width, height = png_size(rendered)
    assert width > height  # landscape
    assert rendered.stat().st_size > 20_000  # a page with a table on it, not a blank one
