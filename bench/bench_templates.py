#!/usr/bin/env python3
"""Benchmark (issue 3): write 2,000 scorecards; compare with openpyxl in the same run.

    python3 bench/bench_templates.py [--count 2000] [--openpyxl-every 10]

A synthetic province of 125 wards × (the ward + its 15 sectors) = 2,000 units, built from the
Nhơn Hưng campaign: full cards for wards, part cards for sectors, as a province's run is.

1. Single process: every card written with thidua_xlsx; for every Nth card, openpyxl writes the
   same form right after it (interleaved, so both see the same machine noise); the ratio
   compares those pairs.
2. ``write_templates`` over all 2,000 units with one worker per CPU (the product's path).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from thidua_xlsx import load_campaign  # noqa: E402
from thidua_xlsx.scorecard.blank_cards import write_templates  # noqa: E402
from thidua_xlsx.scorecard.layout import plan_card  # noqa: E402
from thidua_xlsx.scorecard.writer import write_scorecard  # noqa: E402

from openpyxl_scorecard import write_openpyxl_scorecard  # noqa: E402
from province import synthetic_province  # noqa: E402


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--openpyxl-every", type=int, default=10)
    args = parser.parse_args()
    base = load_campaign(ROOT / "workbook_templates" / "nhon-hung-2024-bdg.xlsx")
    province = synthetic_province(base, wards=-(-args.count // 16))
    units = [u for u in province.units if u.parent is not None][: args.count]
    ours: list[float] = []
    pairs: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory(prefix="thidua-bench-") as tmp:
        out = Path(tmp)
        for index, unit in enumerate(units):
            layout = plan_card(province, unit)
            t0 = time.perf_counter()
            write_scorecard(out / f"{index}.xlsx", layout)
            mine = time.perf_counter() - t0
            ours.append(mine)
            if index % args.openpyxl_every == 0:
                t0 = time.perf_counter()
                write_openpyxl_scorecard(out / f"{index}-openpyxl.xlsx", layout)
                pairs.append((mine, time.perf_counter() - t0))
        t0 = time.perf_counter()
        result = write_templates(province, out / "templates", units=[u.code for u in units])
        parallel = (time.perf_counter() - t0) / len(result.written)
    mean_ours = statistics.fmean(ours)
    mean_pair_ours = statistics.fmean(p[0] for p in pairs)
    mean_theirs = statistics.fmean(p[1] for p in pairs)
    print(f"scorecards:                       {len(ours)} ({len(units) // 16} wards × 16 units)")
    print(
        f"thidua_xlsx, 1 process, per file: mean {_ms(mean_ours)}, median "
        f"{_ms(statistics.median(ours))}, p95 {_ms(sorted(ours)[int(len(ours) * 0.95)])}"
    )
    print(
        f"openpyxl, same form, per file:    mean {_ms(mean_theirs)} ({len(pairs)} files, "
        f"each right after thidua_xlsx wrote the same card in {_ms(mean_pair_ours)})"
    )
    print(f"ratio openpyxl / thidua_xlsx:     {mean_theirs / mean_pair_ours:.2f}×  (target ≥ 4×)")
    print(
        f"write_templates, {os.cpu_count()} processes:     {_ms(parallel)} per file "
        f"({len(result.written)} files)  (target ≤ 10 ms)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
