"""Drive a real LibreOffice, headless, as a stand-in for a person using a spreadsheet."""

from __future__ import annotations

import os
import re
import struct
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "PdfChar",
    "convert",
    "page_chars",
    "page_sizes",
    "page_text",
    "png_size",
    "run_uno",
    "vertical_rules",
]


def convert(
    soffice: str, source: Path, extension: str, out_dir: Path, locale: str | None = None
) -> Path:
    """Open ``source`` in LibreOffice and save it as ``extension`` (``ods``, ``xlsx``, ``xls``,
    ``pdf``); ``locale`` (``en-US``): the regional settings LibreOffice runs with."""
    out_dir.mkdir(parents=True, exist_ok=True)
    filters = {
        "xlsx": "xlsx:Calc MS Excel 2007 XML",
        "xls": "xls:MS Excel 97",
        "ods": "ods",
        "pdf": "pdf:calc_pdf_Export",
    }
    if source.suffix == ".docx":  # a Word document prints through Writer
        filters["pdf"] = "pdf:writer_pdf_Export"
    env = dict(os.environ)
    if locale is not None:
        env.update(
            LANG=f"{locale.replace('-', '_')}.UTF-8", LC_ALL=f"{locale.replace('-', '_')}.UTF-8"
        )
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                filters[extension],
                "--outdir",
                str(out_dir),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
            env=env,
        )
    result = out_dir / f"{source.stem}.{extension}"
    if not result.exists():
        raise FileNotFoundError(f"LibreOffice wrote no {result}")
    return result


SYSTEM_PYTHON = "/usr/bin/python3"
UNO_DRIVER = Path(__file__).with_name("uno_driver.py")


def run_uno(job: dict[str, object], work_dir: Path) -> dict[str, object]:
    """Run ``uno_driver.py`` on ``job`` in the system Python (which has ``uno``)."""
    import json

    work_dir.mkdir(parents=True, exist_ok=True)
    job_file, result_file = work_dir / "uno-job.json", work_dir / "uno-result.json"
    job_file.write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")
    completed = subprocess.run(
        [SYSTEM_PYTHON, str(UNO_DRIVER), str(job_file), str(result_file)],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"uno_driver failed:\n{completed.stdout}\n{completed.stderr}")
    result: dict[str, object] = json.loads(result_file.read_text(encoding="utf-8"))
    return result


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """Every page's size in points (poppler's pdfinfo)."""
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)
    return [(float(w), float(h)) for w, h in sizes]


def page_text(pdf: Path, page: int) -> str:
    """One page's text, laid out (poppler's pdftotext)."""
    return subprocess.run(
        ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


@dataclass(frozen=True)
class PdfChar:
    """One character as printed: its text, font size (points, as scaled on the page), and box
    (points from the page's bottom left)."""

    text: str
    size: float
    x0: float
    x1: float
    y0: float
    y1: float


def page_chars(pdf: Path, page: int) -> list[PdfChar]:
    """Every character printed on page ``page`` (1-based), read with pdfminer.six."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTComponent

    found: list[PdfChar] = []

    def walk(item: LTComponent) -> None:
        if isinstance(item, LTChar):
            found.append(PdfChar(item.get_text(), item.size, item.x0, item.x1, item.y0, item.y1))
        elif hasattr(item, "__iter__"):
            for child in item:
                walk(child)

    for layout in extract_pages(str(pdf), page_numbers=[page - 1]):
        walk(layout)
    return found


def vertical_rules(pdf: Path, page: int) -> list[tuple[float, float, float]]:
    """The vertical lines drawn on page ``page`` (1-based): a table's column borders, as
    (x, bottom, top) in points."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTComponent, LTCurve

    found: list[tuple[float, float, float]] = []

    def walk(item: LTComponent) -> None:
        if isinstance(item, LTCurve):  # lines and rectangles too
            if item.width < 1.5 and item.height > 5:
                found.append(((item.x0 + item.x1) / 2, item.y0, item.y1))
        elif hasattr(item, "__iter__"):
            for child in item:
                walk(child)

    for layout in extract_pages(str(pdf), page_numbers=[page - 1]):
        walk(layout)
    return found
