"""Drive a real LibreOffice, headless, as a stand-in for a person using a spreadsheet."""

from __future__ import annotations

import re
import struct
import subprocess
import tempfile
from pathlib import Path

__all__ = ["convert", "page_sizes", "page_text", "png_size", "run_uno"]


def convert(soffice: str, source: Path, extension: str, out_dir: Path) -> Path:
    """Open ``source`` in LibreOffice and save it as ``extension`` (``ods``, ``xlsx``, ``xls``)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    filters = {
        "xlsx": "xlsx:Calc MS Excel 2007 XML",
        "xls": "xls:MS Excel 97",
        "ods": "ods",
        "pdf": "pdf:calc_pdf_Export",
    }
    if source.suffix == ".docx":  # a Word document prints through Writer
        filters["pdf"] = "pdf:writer_pdf_Export"
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
