#!/usr/bin/env python3
"""Rewrite the golden scorecards and the PNG of page 1 after an intended change of the form, and
the dossier papers' body XML (tests/golden/dossier) after an intended change of a template.

    python3 tests/golden/regenerate.py

Review the diff (unzip -p FILE xl/worksheets/sheet1.xml | xmllint --format -) before committing.
The PNG needs LibreOffice and pdftoppm (installed by tests/run_suite.py).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dossier_files import write_golden_dossier
from libreoffice import convert
from scorecard_fixtures import GOLDEN, GOLDEN_CARDS, write_golden_card

PNG = GOLDEN / "scorecard-full-P-NHONHUNG-page1.png"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        for path in write_golden_dossier(Path(tmp)):  # the dossier's body XML
            print(f"wrote {path}")
    for name, campaign, unit in GOLDEN_CARDS:
        write_golden_card(campaign, unit, GOLDEN / name)
        print(f"wrote {GOLDEN / name}")
    soffice = shutil.which("soffice")
    if soffice is None:
        print("LibreOffice missing: PNG not regenerated")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        pdf = convert(soffice, GOLDEN / GOLDEN_CARDS[1][0], "pdf", Path(tmp))
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "50",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(pdf),
                str(PNG.with_suffix("")),
            ],
            check=True,
        )
    print(f"wrote {PNG}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
