"""The benchmarks still run (tiny sizes; no timing is asserted: speed lives in bench/)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

BENCHMARKS = [
    (
        "bench_templates.py",
        ["--count", "70"],
        [
            "thidua_xlsx, 1 process",
            "openpyxl, same form",
            "ratio openpyxl / thidua_xlsx",
            "write_templates",
        ],
    ),
    (
        "bench_check.py",
        ["--count", "48"],
        [
            "read+check, 1 process",
            "python-calamine bare",
            "DIY pandas",
            "ratio DIY",
            "DIY with the unit code",
            "a whole run, contained",
            "isolation cost (contained / not)",
            "the sample ward (15 files), end to end",
            "DIY pandas.read_excel(calamine)",
            "ratio DIY calamine / thidua_xlsx",
        ],
    ),
    (
        # the flat layout before the packages by concept: bench/any_layout.py finds its names
        "bench_check.py",
        ["--count", "16", "--baseline", "61bdf44"],
        [
            "-- baseline 61bdf44",
            "ratio DIY / baseline",
            "ratio DIY calamine / baseline",
            "a whole run, 2 processes (wall)",
            "the sample ward, end to end",
        ],
    ),
    (
        "compare_layouts.py",
        [
            "--baseline",
            "61bdf44",
            "--rounds",
            "1",
            "--block",
            "8",
            "--merges",
            "1",
            "--check",
            "16",
            "--templates",
            "8",
            "--province",
            "40",
            "--cache",
            "{tmp}",
        ],
        [
            "this revision (packages by concept) against 61bdf44 (flat modules)",
            "| read+check, per file (1 process) |",
            "| templates, per file (1 process) |",
            "| province merge, 40 cards, 2 workers |",
            "slower than the baseline by more than 10%",
        ],
    ),
    (
        "bench_optimisations.py",
        [
            "--rounds",
            "1",
            "--province",
            "40",
            "--check",
            "16",
            "--templates",
            "8",
            "--cache",
            "{tmp}",
        ],
        [
            "| shipped |",
            "| collector on |",
            "| gc.freeze |",
            "| numbers not shared |",
            "| zip level 1 |",
            "results held by this process, per ward card",
            "the summary alone",
            "| no structure cache |",
            "| parts through zipfile |",
            "| formula expansion |",
        ],
    ),
    (
        # the country large enough for two reading workers
        "bench_merge.py",
        ["--province", "40", "--country", "240", "--cache", "{tmp}"],
        [
            "merge+summary, 1 process",
            "merge+summary, 2 processes",
            "DIY pandas.read_excel(openpyxl) loop",
            "ratio DIY / thidua_xlsx",
            "province peak memory, 1 worker",
            "province peak memory, 2 workers",
            "KB per card",
            "country: 240 ward scorecards",
            "peak memory, all processes",
        ],
    ),
    (
        "bench_trend.py",
        ["--count", "30", "--months", "3", "--cache", "{tmp}"],
        [
            "trend: 3 monthly summaries × 30 wards",
            "thidua_xlsx trend, end to end:",
            "peak memory (VmHWM): main process",
        ],
    ),
]


@pytest.mark.parametrize(
    ("script", "args", "lines"), BENCHMARKS, ids=[f"{b[0]} {' '.join(b[1])}" for b in BENCHMARKS]
)
def test_benchmark_runs_and_reports_its_ratios(
    script: str, args: list[str], lines: list[str], tmp_path: Path
) -> None:
    completed = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / script),
            *(a.replace("{tmp}", str(tmp_path)) for a in args),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stderr
    for line in lines:
        assert line in completed.stdout
