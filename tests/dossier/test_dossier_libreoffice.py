"""The dossier's papers printed by LibreOffice Writer (as an office without Word prints them):
A4 portrait, the Decree-30 margins, Times New Roman (Liberation Serif, its metric twin) at
13–14 pt for the text and never under 11 pt (the *Nơi nhận* list), nothing past a margin, and
the signer's title and name on the page. Sizes and positions are read from the PDF itself."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTComponent, LTContainer

from dossier_files import golden_papers, loaded
from libreoffice import convert, page_sizes

pytestmark = pytest.mark.libreoffice

A4 = (595.28, 841.89)  # points
MM = 72 / 25.4
TOP, BOTTOM, LEFT, RIGHT = 20 * MM, 20 * MM, 30 * MM, 15 * MM
PAPERS = ("proposal", "listing", "report", "minutes", "voted_minutes")
CLOSING = {  # the text kept on the signature's page (a signature never stands alone)
    "proposal": "Kínhtrình",
    "listing": "Điều4",
    "report": "Điều4",
    "minutes": "Cuộchọpkếtthúc",
    "voted_minutes": "Cuộchọpkếtthúc",
}


@dataclass(frozen=True)
class Glyph:
    page: int
    text: str
    size: float
    x0: float
    y0: float
    x1: float
    y1: float
    font: str


def glyphs(pdf: Path) -> list[Glyph]:
    """Every character LibreOffice drew, with its size, box (points, from the page's bottom
    left) and font."""
    found: list[Glyph] = []

    def walk(item: LTComponent, page: int) -> None:
        if isinstance(item, LTChar):
            if item.get_text().strip():
                found.append(
                    Glyph(
                        page,
                        item.get_text(),
                        round(item.size, 1),
                        item.x0,
                        item.y0,
                        item.x1,
                        item.y1,
                        item.fontname,
                    )
                )
        elif isinstance(item, LTContainer):
            for child in item:
                walk(child, page)

    for number, layout in enumerate(extract_pages(str(pdf)), start=1):
        walk(layout, number)
    return found


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Each paper and its PDF."""
    import shutil

    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed; run python3 tests/run_suite.py")
    work = tmp_path_factory.mktemp("dossier-pdf")
    papers = golden_papers(work)
    return {
        name: (papers[name], convert(soffice, papers[name], "pdf", work / "pdf" / name))
        for name in PAPERS
    }


@pytest.mark.parametrize("name", PAPERS)
def test_a4_portrait_with_the_decree_30_margins(
    printed: dict[str, tuple[Path, Path]], name: str, soffice: str
) -> None:
    docx, pdf = printed[name]
    section = Document(str(docx)).sections[0]
    mm = {
        key: round(getattr(section, key).mm, 1)  # stored in twentieths of a point
        for key in (
            "page_width",
            "page_height",
            "top_margin",
            "bottom_margin",
            "left_margin",
            "right_margin",
        )
    }
    assert (mm["page_width"], mm["page_height"]) == (210, 297)
    assert 20 <= mm["top_margin"] <= 25 and 20 <= mm["bottom_margin"] <= 25
    assert 30 <= mm["left_margin"] <= 35 and 15 <= mm["right_margin"] <= 20
    sizes = page_sizes(pdf)
    assert sizes and all(abs(w - A4[0]) < 1 and abs(h - A4[1]) < 1 for w, h in sizes), (
        sizes
    )  # A4, portrait on every page
    drawn = glyphs(pdf)
    width, height = A4
    # nothing cut or past a margin: every character inside the type area
    outside = [
        g
        for g in drawn
        if g.x0 < LEFT - 1
        or g.x1 > width - RIGHT + 1
        or g.y0 < BOTTOM - 1
        or g.y1 > height - TOP + 1
    ]
    assert not outside, outside[:5]
    # and the text reaches the margins (the type area is the Decree's, not a smaller one)
    assert min(g.x0 for g in drawn) < LEFT + 3 * MM
    assert max(g.x1 for g in drawn) > width - RIGHT - 10 * MM
    first = [g for g in drawn if g.page == 1]
    assert max(g.y1 for g in first) > height - TOP - 5 * MM


@pytest.mark.parametrize("name", PAPERS)
def test_times_new_roman_13_to_14_pt_never_under_11(
    printed: dict[str, tuple[Path, Path]], name: str
) -> None:
    drawn = glyphs(printed[name][1])
    fonts = {g.font.split("+")[-1] for g in drawn}
    assert all(f.startswith(("LiberationSerif", "TimesNewRoman")) for f in fonts), fonts
    smallest = min(g.size for g in drawn)
    assert smallest >= 11, smallest
    body = Counter(g.size for g in drawn).most_common(1)[0][0]
    assert 13 <= body <= 14, body
    # what is under 12 pt is the Nơi nhận list alone (Decree 30: 11 pt)
    small = "".join(g.text for g in drawn if g.size < 12)
    assert small.replace(" ", "") in ("", "-Nhưtrên;-HộiđồngThiđua-Khenthưởng;-Lưu:VT.")


@pytest.mark.parametrize("name", PAPERS)
def test_the_signers_title_and_name_are_printed(
    printed: dict[str, tuple[Path, Path]], name: str
) -> None:
    docx, pdf = printed[name]
    info = loaded(docx.parent.parent / "campaign.xlsx").info
    drawn = glyphs(pdf)
    last = "".join(g.text for g in drawn if g.page == max(g.page for g in drawn))
    signer = "Thành viên 01" if name == "voted_minutes" else info.signer_name
    title = "CHỦ TỊCH HỘI ĐỒNG" if name == "voted_minutes" else info.signer_title
    assert signer.replace(" ", "") in last.replace(" ", "")
    assert title.replace(" ", "") in last.replace(" ", "")
    assert CLOSING[name] in last.replace(" ", "")
