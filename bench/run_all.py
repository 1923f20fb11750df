#!/usr/bin/env python3
"""Run every benchmark: ``python3 bench/run_all.py [--baseline REV] [--count N]``. Each prints
ratios measured side by side in the same run, because the machines are noisy.

Other arguments (``--count N``) go to every benchmark. With ``--baseline REV`` (for example
61bdf44, the flat layout before the packages by concept), bench_check.py also measures that
revision, and bench/compare_layouts.py compares it with this one: read+check and templates
per file, the province merge, in alternating runs."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

BENCHMARKS = ["bench_templates.py", "bench_check.py", "bench_merge.py", "bench_trend.py"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--baseline", metavar="REV", help="also compare with this git revision")
    args, rest = parser.parse_known_args()
    here = Path(__file__).resolve().parent
    runs = [(name, rest) for name in BENCHMARKS]
    if args.baseline:
        runs = [
            (name, [*more, "--baseline", args.baseline] if name == "bench_check.py" else more)
            for name, more in runs
        ]
        runs.append(("compare_layouts.py", ["--baseline", args.baseline]))
    failed = 0
    for name, more in runs:
        print(f"== {name}", flush=True)
        failed |= subprocess.call([sys.executable, str(here / name), *more])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
