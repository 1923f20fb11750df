"""The benchmarks still run (tiny sizes; no timing is asserted: speed lives in bench/)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_templates_benchmark_runs_and_reports_its_ratios() -> None:
    completed = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_templates.py"), "--count", "70"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stderr
    out = completed.stdout
    for line in (
        "thidua_xlsx, 1 process",
        "openpyxl, same form",
        "ratio openpyxl / thidua_xlsx",
        "write_templates",
    ):
        assert line in out


def test_check_benchmark_runs_and_reports_its_ratios() -> None:
    completed = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_check.py"), "--count", "48"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stderr
    for line in (
        "read+check, 1 process",
        "python-calamine bare",
        "DIY pandas",
        "ratio DIY",
        "2 processes",
    ):
        assert line in completed.stdout
