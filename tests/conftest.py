"""Shared fixtures: paths to the seed campaigns and a real LibreOffice."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "workbook_templates"
SEED_003 = TEMPLATES / "nhon-hung-2024-bdg.xlsx"
SEED_000 = TEMPLATES / "an-giang-hlhpn-2021.xlsx"
# the hostile corpus's one-line figure (tests/intake/test_hostile.py), printed at the end of the run
HOSTILE_FIGURE = pytest.StashKey[str]()


@pytest.fixture
def soffice() -> str:
    """The LibreOffice binary. Missing: a failure under CI or the suite runner, else a skip."""
    path = shutil.which("soffice")
    if path is None:
        message = "LibreOffice (soffice) is not installed; run python3 tests/run_suite.py"
        if os.environ.get("CI") or os.environ.get("THIDUA_REQUIRE_LIBREOFFICE"):
            pytest.fail(message)
        pytest.skip(message)
    return path


sys.path.insert(0, str(ROOT / "bench"))  # the synthetic province lives with the benchmarks


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    figure = config.stash.get(HOSTILE_FIGURE, None)
    if figure is not None:
        terminalreporter.write_line(figure)
