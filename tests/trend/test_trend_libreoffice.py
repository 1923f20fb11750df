"""The trend workbook opened in a real LibreOffice: picking another unit in the drop-down
makes the INDEX/MATCH formulas give that unit's totals and ranks, and the workbook prints to
PDF with its Vietnamese heading and words whole and the charts drawn (their lines' colours
are on the page, not a blank frame)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from thidua_xlsx.merge.trend import build_trend
from thidua_xlsx.trend.writer import UNIT_CHART_SHEET, write_trend

from libreoffice import convert, page_chars, page_sizes, page_text, run_uno

pytestmark = pytest.mark.libreoffice

CHAIN = sorted((Path(__file__).resolve().parent.parent / "files" / "trend").glob("tong-hop-*"))


def _coloured_pixels(pdf: Path, page: int, out: Path) -> int:
    """Pixels of the page drawn in a chart line's colour (blue or red), from a PPM render."""
    prefix = out / f"page-{page}"
    subprocess.run(
        ["pdftoppm", "-r", "50", "-f", str(page), "-l", str(page), str(pdf), str(prefix)],
        check=True,
    )
    (ppm,) = out.glob(f"page-{page}*.ppm")
    data = ppm.read_bytes()
    # header: P6, width, height, maxval, each after whitespace
    fields, at = [], 0
    while len(fields) < 4:
        while data[at : at + 1].isspace():
            at += 1
        end = at
        while not data[end : end + 1].isspace():
            end += 1
        fields.append(data[at:end])
        at = end
    pixels = data[at + 1 :]
    found = 0
    for i in range(0, len(pixels) - 2, 3):
        r, g, b = pixels[i], pixels[i + 1], pixels[i + 2]
        if (b > 150 and r < 120 and g < 170) or (r > 150 and g < 90 and b < 90):
            found += 1
    return found


def test_the_drop_down_and_the_printed_workbook(soffice: str, tmp_path: Path) -> None:
    trend = build_trend(CHAIN)
    out = write_trend(tmp_path / "XU-HUONG.xlsx", trend)
    # pick the last unit listed: its totals and ranks come up, as LibreOffice computes them
    unit = trend.units[-1]
    cells = [f"{col}{row}" for row in (6, 7) for col in "BCD"]
    job = {
        "documents": [
            {
                "source": str(out),
                "sheet": UNIT_CHART_SHEET,
                "fills": [{"cells": {"B2": unit.name}, "read": cells}],
            }
        ]
    }
    result = run_uno(job, tmp_path / "uno")
    values = result["documents"][0]["fills"][0]["values"]  # type: ignore[index]
    for index, point in enumerate(unit.points):
        total, rank = values[f"{'BCD'[index]}6"], values[f"{'BCD'[index]}7"]
        if point is None:
            assert not isinstance(total, (int, float))  # #N/A: not ranked that month
        else:
            assert round(total, 2) == float(point.total) and rank == point.rank
    # printed: A4 landscape pages, the heading and the Vietnamese words whole
    pdf = convert(soffice, out, "pdf", tmp_path / "pdf")
    sizes = page_sizes(pdf)
    assert sizes and all(w > h for w, h in sizes)
    texts = [page_text(pdf, p) for p in range(1, len(sizes) + 1)]
    unit_page = 1 + next(i for i, t in enumerate(texts) if "Tổng điểm của đơn vị qua các kỳ" in t)
    # the unit × period table: too wide for a page at a readable size, it goes over pages
    # across (the heading in the pages' header, the units' names on every page), never
    # shrunk: its body text stays at 11 pt or more
    table = " ".join(texts[: unit_page - 1])
    for text in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "BẢNG THEO DÕI XU HƯỚNG KẾT QUẢ THI ĐUA QUA CÁC KỲ",
        "Tháng 07/2024",
        "Tháng 09/2024",
        "Liên tiếp",
    ):
        assert text in table, text
    for page in range(1, unit_page):
        assert "UBND phường Nhơn Hưng" in texts[page - 1], page
        body = [c.size for c in page_chars(pdf, page) if c.text.strip() and 50 < c.y0 < c.y1 < 545]
        assert body and min(body) >= 10.5, (page, min(body))
    cluster_page = 1 + next(i for i, t in enumerate(texts) if "theo cụm thi đua" in t)
    assert "Cụm 1 - Phường" in texts[cluster_page - 1]
    for page in (unit_page, cluster_page):
        assert _coloured_pixels(pdf, page, tmp_path) > 150, page
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "Liberation" in fonts or "Times" in fonts


def test_summaries_saved_by_libreoffice_give_the_same_trend(soffice: str, tmp_path: Path) -> None:
    """August re-saved by LibreOffice as .ods, September as .xlsx (very hidden sheets become
    hidden, cells are rewritten): the definitions and entries read back, the same trend."""
    august = convert(soffice, CHAIN[1], "ods", tmp_path / "ods")
    september = convert(soffice, CHAIN[2], "xlsx", tmp_path / "xlsx")
    saved = build_trend([CHAIN[0], august, september])
    original = build_trend(CHAIN)
    assert saved.refused == () and saved.labels == original.labels
    assert [(u.unit, u.points, u.on_time, u.late, u.missing) for u in saved.units] == [
        (u.unit, u.points, u.on_time, u.late, u.missing) for u in original.units
    ]
    assert saved.falls == original.falls and saved.jumps == original.jumps
