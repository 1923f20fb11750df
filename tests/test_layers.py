"""The layers hold at run time and are checked by import-linter (pyproject.toml): the pure
core imports no spreadsheet library, and a deliberate violation breaks the contracts."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

CORE = [
    "model",
    "scoring",
    "ranking",
    "submissions",
    "results",
    "issues",
    "text",
    "cellref",
    "refusal",
    "rollup_data",
    "scorecard_layout",
    "sheet_extent",
    "legacy_text",
    "campaign_format",
    "containment",
    "collector",
]
LIBRARIES = ["python_calamine", "xlrd", "defusedxml", "zlib_ng", "xlsxwriter", "openpyxl", "pandas"]


def test_the_core_imports_with_the_spreadsheet_libraries_blocked() -> None:
    """``sys.modules[name] = None`` makes any import of the library fail: the core and the
    package's namespace still import, and a scorecard is scored."""
    script = f"""
import sys
for name in {LIBRARIES!r}:
    sys.modules[name] = None
import thidua_xlsx
for module in {CORE!r}:
    __import__("thidua_xlsx." + module)
from thidua_xlsx.scoring import score_card
print("core ok", thidua_xlsx.__name__)
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "core ok thidua_xlsx"


def test_a_reader_blocked_import_fails_the_same_way() -> None:
    """The blocking above is real: a reading module does not import with them blocked."""
    script = (
        f"import sys\nfor n in {LIBRARIES!r}: sys.modules[n] = None\n"
        "import thidua_xlsx.scorecard_reader\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, cwd=ROOT)
    assert done.returncode != 0


def test_the_contracts_hold_and_a_violation_breaks_them(tmp_path: Path) -> None:
    kept = subprocess.run(["lint-imports"], capture_output=True, text=True, cwd=ROOT)
    assert kept.returncode == 0, kept.stdout
    assert "0 broken" in kept.stdout
    copy = tmp_path / "repo"
    copy.mkdir()
    shutil.copy(ROOT / "pyproject.toml", copy)
    shutil.copytree(ROOT / "thidua_xlsx", copy / "thidua_xlsx")
    scoring = copy / "thidua_xlsx" / "scoring.py"
    scoring.write_text(scoring.read_text(encoding="utf-8") + "\nimport xlsxwriter\n", "utf-8")
    broken = subprocess.run(
        ["lint-imports"],
        capture_output=True,
        text=True,
        cwd=copy,
        env={"PYTHONPATH": str(copy), "PATH": "/usr/bin:/bin:" + str(Path(sys.executable).parent)},
    )
    assert broken.returncode != 0
    assert "thidua_xlsx.scoring is not allowed to import xlsxwriter" in broken.stdout
