"""The benchmarks still run (tiny sizes; no timing is asserted: speed lives in bench/)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT

BENCHMARKS = [
    (
        "bench_templates.py",
        "70",
        [
            "thidua_xlsx, 1 process",
            "openpyxl, same form",
            "ratio openpyxl / thidua_xlsx",
            "write_templates",
        ],
    ),
    (
        "bench_check.py",
        "48",
        ["read+check, 1 process", "python-calamine bare", "DIY pandas", "ratio DIY", "2 processes"],
    ),
]


@pytest.mark.parametrize(("script", "count", "lines"), BENCHMARKS, ids=[b[0] for b in BENCHMARKS])
def test_benchmark_runs_and_reports_its_ratios(script: str, count: str, lines: list[str]) -> None:
    completed = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), "--count", count],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stderr
    for line in lines:
        assert line in completed.stdout
