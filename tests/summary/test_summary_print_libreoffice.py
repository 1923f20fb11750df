"""The summary's copy to sign, printed through LibreOffice (issue 16): A4 landscape, body text
at 11 pt or more, nothing past the page's margins, the scores written the Vietnamese way
whatever LibreOffice's regional settings, Decree 30's heading and its signature block with the
signer's title and full name."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from thidua_xlsx import load_campaign
from thidua_xlsx.core.model import AwardRule
from thidua_xlsx.core.reports import RankReport
from thidua_xlsx.core.vi_text import format_points
from thidua_xlsx.merge.rank import merge_rank
from thidua_xlsx.scorecard.blank_cards import scorecard_filename
from thidua_xlsx.scorecard.layout import plan_card
from thidua_xlsx.scorecard.writer import write_scorecard
from thidua_xlsx.summary.writer import PRINT_SHEET, RANKING_HEADER_ROW, RANKING_SHEET, write_summary

from conftest import SEED_003
from fill_helpers import valid_fill
from libreoffice import convert, page_chars, page_sizes, page_text, png_size, vertical_rules

pytestmark = pytest.mark.libreoffice

A4_LANDSCAPE = (841.89, 595.28)
INCH = 72.0
MARGINS = {"left": 1.18 * INCH, "right": 0.59 * INCH, "top": 0.79 * INCH, "bottom": 0.79 * INCH}
SIGNER = ("CHỦ TỊCH", "Nguyễn Văn An")


@pytest.fixture(scope="module")
def town_summary(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, RankReport]:
    """The town's ranking of its wards and communes, in a campaign the town issues itself
    (so the campaign's signer signs the town's summary)."""
    seed = load_campaign(SEED_003)
    info = replace(
        seed.info,
        place="Tịnh Biên",
        issuing_body="UBND THỊ XÃ TỊNH BIÊN",
        superior_body="UBND TỈNH AN GIANG",
        signer_title=SIGNER[0],
        signer_name=SIGNER[1],
    )
    award = AwardRule("Giấy khen của Chủ tịch UBND thị xã", top_n=3)
    campaign = replace(seed, info=info, award=award)
    inbox = tmp_path_factory.mktemp("inbox")
    for index, unit in enumerate(campaign.children_units("TXTB")):
        if index == 3:
            continue  # one unit sends nothing: its row has no scores
        layout = plan_card(campaign, unit)
        values, inputs = valid_fill(layout, 100 + index)
        write_scorecard(inbox / scorecard_filename(unit), layout, values, inputs)  # type: ignore[arg-type]
    report = merge_rank(campaign, [inbox], parent="TXTB")
    out = tmp_path_factory.mktemp("out") / "tong-hop-thi-xa.xlsx"
    write_summary(out, report)
    return out, report


def test_the_print_copy_holds_what_a_signer_reads(town_summary: tuple[Path, RankReport]) -> None:
    path, report = town_summary
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[0] == PRINT_SHEET and book.active.title == PRINT_SHEET  # type: ignore[union-attr]
    printed = book[PRINT_SHEET]
    header = [c.value for c in printed[RANKING_HEADER_ROW + 1]]
    assert "Tệp" not in header and "Ghi chú" not in header  # on Xếp hạng only
    assert {"STT", "Tên đơn vị", "Tổng điểm", "Hạng", "Xếp loại", "Tình trạng"} <= set(header)
    assert printed.print_area is not None
    # the scores to sign are text the Vietnamese way; Xếp hạng keeps numbers for pandas
    total_col = header.index("Tổng điểm") + 1
    first = report.ranking[0]
    assert printed.cell(RANKING_HEADER_ROW + 2, total_col).value == format_points(first.total)
    ranking = book[RANKING_SHEET]
    titles = [c.value for c in ranking[RANKING_HEADER_ROW + 1]]
    assert {"Tệp", "Ghi chú"} <= set(titles)
    value = ranking.cell(RANKING_HEADER_ROW + 2, titles.index("Tổng điểm") + 1).value
    assert isinstance(value, float) and abs(value - float(first.total)) < 1e-9


def test_the_print_copy_printed_through_libreoffice(
    soffice: str, town_summary: tuple[Path, RankReport], tmp_path: Path
) -> None:
    path, report = town_summary
    # English regional settings: a number cell would print 183.89 here
    pdf = convert(soffice, path, "pdf", tmp_path, locale="en-US")
    sizes = page_sizes(pdf)
    texts = [page_text(pdf, n) for n in range(1, len(sizes) + 1)]
    signed = next(n for n, text in enumerate(texts, start=1) if "TM. UBND THỊ XÃ TỊNH BIÊN" in text)
    pages = range(1, signed + 1)  # the print copy: its table, then its signature block
    for page in pages:
        _assert_fit_to_read(pdf, page, sizes[page - 1])
    printed = "\n".join(texts[page - 1] for page in pages)
    # Decree 30's heading: the bodies, the number line, the place and date
    for line in ("UBND TỈNH AN GIANG", "UBND THỊ XÃ TỊNH BIÊN", "Số:", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA"):
        assert line in printed
    assert re.search(r"Tịnh Biên, ngày …+ tháng …+ năm", printed)
    # the signature block: TM. the body, the title, the signer's full name
    assert "Nơi nhận:" in printed and "- UBND TỈNH AN GIANG;" in printed
    assert SIGNER[0] in texts[signed - 1] and SIGNER[1] in texts[signed - 1]
    # every unit's name whole and every total as the Vietnamese write it
    for ranked in report.ranking:
        assert ranked.name in printed
        assert format_points(ranked.total) in printed
    assert re.search(r"\b\d{1,3},\d{2}\b", printed)
    assert not re.search(r"\b\d{1,3}\.\d{2}\b", printed)  # no 183.89
    # the signature block is not alone on its page: the table's last rows go with it
    assert report.ranking[-1].name in texts[signed - 1] or "STT" in texts[signed - 1]
    # the award list, a paper to sign as well: its heading, its tờ trình, its signature
    listed = next(n for n, text in enumerate(texts, start=1) if "DANH SÁCH ĐỀ NGHỊ" in text)
    award = texts[listed - 1]
    assert "(Kèm theo Tờ trình số" in award and "TM. UBND THỊ XÃ TỊNH BIÊN" in award
    assert SIGNER[0] in award and SIGNER[1] in award
    for ranked in report.ranking[:3]:
        assert ranked.name in award and format_points(ranked.total) in award
    _assert_fit_to_read(pdf, listed, sizes[listed - 1])
    png = tmp_path / "print-copy"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(png)],
        check=True,
        capture_output=True,
    )
    width, height = png_size(png.with_suffix(".png"))
    assert width > height


def _assert_fit_to_read(pdf: Path, page: int, size: tuple[float, float]) -> None:
    """A4 landscape; body type 11 pt or more (the page number, in the bottom margin, aside);
    nothing past the margins; no text over a column's border into the next cell."""
    width, height = size
    assert abs(width - A4_LANDSCAPE[0]) < 2 and abs(height - A4_LANDSCAPE[1]) < 2
    chars = [c for c in page_chars(pdf, page) if c.text.strip()]
    body = [c for c in chars if c.y0 > MARGINS["bottom"]]
    assert body and round(min(c.size for c in body), 1) >= 11, f"page {page}: smallest type"
    assert min(c.x0 for c in chars) >= MARGINS["left"] - 2
    assert max(c.x1 for c in chars) <= width - MARGINS["right"] + 2
    assert max(c.y1 for c in chars) <= height - MARGINS["top"] + 2
    for x, bottom, top in vertical_rules(pdf, page):
        crossing = [
            c.text
            for c in chars
            if c.x0 < x - 0.5 < x + 0.5 < c.x1 and bottom < (c.y0 + c.y1) / 2 < top
        ]
        assert not crossing, f"page {page}: text over the border at x={x:.0f}: {crossing}"
