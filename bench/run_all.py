#!/usr/bin/env python3
"""Run every benchmark: ``python3 bench/run_all.py``. Each prints ratios measured side by side
in the same run, because the machines are noisy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCHMARKS = ["bench_templates.py", "bench_check.py", "bench_merge.py"]


def main() -> int:
    here = Path(__file__).resolve().parent
    failed = 0
    for name in BENCHMARKS:
        print(f"== {name}", flush=True)
        failed |= subprocess.call([sys.executable, str(here / name), *sys.argv[1:]])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
