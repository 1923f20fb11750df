"""Drive a real LibreOffice, headless, as a stand-in for a person using a spreadsheet."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

__all__ = ["convert"]


def convert(soffice: str, source: Path, extension: str, out_dir: Path) -> Path:
    """Open ``source`` in LibreOffice and save it as ``extension`` (``ods``, ``xlsx``, ``xls``)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    filters = {"xlsx": "xlsx:Calc MS Excel 2007 XML", "xls": "xls:MS Excel 97", "ods": "ods"}
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
