"""The layers hold at run time and are checked by import-linter (pyproject.toml): the pure
core imports no spreadsheet library, and a deliberate violation breaks the contracts."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from conftest import ROOT


def _pure_modules() -> list[str]:
    """The modules the first contract in pyproject.toml keeps free of spreadsheet libraries,
    packages expanded to their modules."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contract = config["tool"]["importlinter"]["contracts"][0]
    assert "pure core" in contract["name"]
    names: list[str] = []
    for name in contract["source_modules"]:
        path = ROOT.joinpath(*name.split("."))
        if path.is_dir():
            names += [f"{name}.{f.stem}" for f in sorted(path.glob("*.py")) if f.stem != "__init__"]
        else:
            names.append(name)
    return names


CORE = _pure_modules()
LIBRARIES = ["python_calamine", "xlrd", "defusedxml", "xlsxwriter", "openpyxl", "pandas"]


def test_the_core_imports_with_the_spreadsheet_libraries_blocked() -> None:
    assert "thidua_xlsx.core.scoring" in CORE and "thidua_xlsx.words.issues" in CORE
    """``sys.modules[name] = None`` makes any import of the library fail: the core and the
    package's namespace still import, and a scorecard is scored."""
    script = f"""
import sys
for name in {LIBRARIES!r}:
    sys.modules[name] = None
import thidua_xlsx
for module in {CORE!r}:
    __import__(module)
from thidua_xlsx.core.scoring import score_card
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
        "import thidua_xlsx.intake.reader\n"
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
    scoring = copy / "thidua_xlsx" / "core" / "scoring.py"
    scoring.write_text(scoring.read_text(encoding="utf-8") + "\nimport xlsxwriter\n", "utf-8")
    # a writer running a use case: the summary writer ranking an inbox itself
    writer = copy / "thidua_xlsx" / "summary" / "writer.py"
    writer.write_text(
        writer.read_text(encoding="utf-8") + "\nfrom ..merge.rank import merge_rank\n", "utf-8"
    )
    broken = subprocess.run(
        ["lint-imports"],
        capture_output=True,
        text=True,
        cwd=copy,
        env={"PYTHONPATH": str(copy), "PATH": "/usr/bin:/bin:" + str(Path(sys.executable).parent)},
    )
    assert broken.returncode != 0
    assert "thidua_xlsx.core is not allowed to import xlsxwriter" in broken.stdout
    assert "thidua_xlsx.core.scoring -> xlsxwriter" in broken.stdout
    assert "thidua_xlsx.summary is not allowed to import thidua_xlsx.merge" in broken.stdout
    assert "3 broken" in broken.stdout  # the pure core, the writers, the layers
