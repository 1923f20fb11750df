#!/usr/bin/env python3
"""Benchmark: ``thidua trend`` over 12 monthly summaries of a province (2,000 wards each).

    python3 bench/bench_trend.py [--count 2000] [--months 12] [--workers 2] [--cache DIR]

The summaries: bench_merge's province (``--count`` copies of the Nhơn Hưng ward under one top
unit, 8 clusters) run monthly over a year. Its inbox of filled cards is made once
(bench/inboxes.py) and merged once; each month's summary is that merge with every ward's
entries filled again (valid values, another seed per month: totals, ranks and bands move),
scored, ranked and written by ``write_summary`` as the month's summary, stamped with its
period. Generating is not timed and is cached under ``--cache``, keyed by size, months,
campaign fingerprint and thidua_xlsx's version.

Measured, in a fresh process (so its memory is the trend's alone): ``build_trend`` (every
summary read in a contained worker, its carried definition decoded, every unit checked and
scored again, ranked again; then the trend computed) and ``write_trend``, end to end, with
``--workers`` reading processes; the seconds of each part; the peak resident memory (VmHWM)
of the main process and of the largest reading worker, read from /proc while they run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

from thidua_xlsx import load_campaign  # noqa: E402
from thidua_xlsx._version import __version__  # noqa: E402
from thidua_xlsx.core.model import Campaign  # noqa: E402
from thidua_xlsx.core.periods import PeriodScheme, generate_periods  # noqa: E402
from thidua_xlsx.core.ranking import rank_units  # noqa: E402
from thidua_xlsx.core.reports import RankReport  # noqa: E402
from thidua_xlsx.core.scoring import score_card  # noqa: E402
from thidua_xlsx.merge.rank import merge_rank  # noqa: E402
from thidua_xlsx.scorecard.layout import plan_card  # noqa: E402

from inboxes import ensure_inbox  # noqa: E402
from memory import children  # noqa: E402
from province import province_campaign  # noqa: E402

GENERATOR = "1"  # bump when the generated summaries change
SEED_003 = ROOT / "workbook_templates" / "nhon-hung-2024-bdg.xlsx"


def _campaign(count: int, months: int) -> Campaign:
    """The province, run monthly from January 2025 (deadlines far ahead: every card on time)."""
    base = province_campaign(load_campaign(SEED_003), count)
    end = date(2025 + (months - 1) // 12, (months - 1) % 12 + 1, 28)
    periods = generate_periods(PeriodScheme.MONTHLY, date(2025, 1, 1), end)
    periods = tuple(replace(p, deadline=date(2099, 12, 31)) for p in periods)
    return replace(base, periods=periods)


def _month(report: RankReport, run: Campaign, month: int) -> RankReport:
    """The merge's report with every counted ward's entries filled again (seed by month)."""
    from fill_helpers import valid_fill

    units = []
    cards = {}
    for number, submission in enumerate(report.completeness.units):
        result = submission.result
        if result is None or result.card is None:
            units.append(submission)
            continue
        layout = plan_card(run, run.unit(submission.unit))
        _, inputs = valid_fill(layout, month * 100_000 + number)
        card = score_card(run, inputs)
        cards[submission.unit] = card
        units.append(replace(submission, result=replace(result, inputs=inputs, card=card)))
    completeness = replace(report.completeness, units=tuple(units))
    ranking = tuple(rank_units(run, cards))
    return RankReport(run, report.parent, report.check, completeness, ranking, report.cluster)


def ensure_summaries(cache: Path, count: int, months: int) -> list[Path]:
    """The monthly summaries, written once and then reused."""
    from thidua_xlsx.summary.writer import write_summary

    campaign = _campaign(count, months)
    key = f"trend-{count}x{months}-{campaign.fingerprint}-v{__version__}-g{GENERATOR}"
    folder = cache / key
    done = folder / "complete"
    paths = [folder / f"tong-hop-thang-{m + 1:02d}.xlsx" for m in range(months)]
    if done.exists() and all(p.exists() for p in paths):
        return paths
    inbox = ensure_inbox(cache, "province", replace(campaign, periods=()))
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    print(f"generating {months} summaries of {count} wards into {folder} (once) …", flush=True)
    report = merge_rank(replace(campaign, periods=()), [inbox], workers=os.cpu_count() or 1)
    for month, period in enumerate(campaign.periods):
        run = campaign.for_period(period)
        stamp = datetime(2025, period.index if period.index <= 12 else 12, 28, tzinfo=UTC)
        write_summary(paths[month], _month(report, run, month), generated_at=stamp)
        print(f"  {period.name}", flush=True)
    done.write_text(str(months))
    print(f"  generated in {time.perf_counter() - started:.0f} s", flush=True)
    return paths


# -- the measured run, in a fresh process ----------------------------------------------------


def _hwm_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as lines:
            for line in lines:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class _WorkerPeaks(threading.Thread):
    """The largest VmHWM of this process's children, read every 0.05 s while they run (a
    worker's own peak: VmHWM only grows, the last reading before it ends is its peak)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_kib = 0
        self.stop = threading.Event()

    def run(self) -> None:
        me = os.getpid()
        while not self.stop.wait(0.05):
            for child in children(me):
                self.peak_kib = max(self.peak_kib, _hwm_kib(child))


def measure(paths: list[Path], workers: int, out: Path) -> dict[str, float | int]:
    from thidua_xlsx.merge.trend import build_trend
    from thidua_xlsx.runtime.bulk import bulk_run
    from thidua_xlsx.trend.writer import write_trend

    for path in paths:  # warm: the files in the page cache
        path.read_bytes()
    peaks = _WorkerPeaks()
    peaks.start()
    started = time.perf_counter()
    with bulk_run():  # as `thidua trend` runs it
        trend = build_trend(paths, workers=workers)
        built = time.perf_counter()
        write_trend(out, trend)
    ended = time.perf_counter()
    peaks.stop.set()
    peaks.join()
    assert len(trend.periods) == len(paths) and not trend.refused, trend.refused
    return {
        "seconds": ended - started,
        "build_seconds": built - started,
        "write_seconds": ended - built,
        "units": len(trend.units),
        "periods": len(trend.periods),
        "falls": len(trend.falls),
        "jumps": len(trend.jumps),
        "main_hwm_kib": _hwm_kib(os.getpid()),
        "worker_hwm_kib": peaks.peak_kib,
        "output_bytes": out.stat().st_size,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=2000, help="wards per summary")
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "thidua-bench")
    parser.add_argument("--measure", nargs="+", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        out = Path(tempfile.mkdtemp(prefix="thidua-trend-")) / "XU-HUONG.xlsx"
        print(json.dumps(measure(args.measure, args.workers, out)))
        return 0
    paths = ensure_summaries(args.cache, args.count, args.months)
    completed = subprocess.run(
        [sys.executable, __file__, "--workers", str(args.workers), "--measure", *map(str, paths)],
        capture_output=True,
        text=True,
    )
    if completed.returncode != 0:
        print(completed.stdout, completed.stderr, file=sys.stderr)
        return 1
    figures = json.loads(completed.stdout.strip().splitlines()[-1])
    print(
        f"trend: {figures['periods']} monthly summaries × {args.count} wards "
        f"({figures['units']} units), {args.workers} reading workers",
        flush=True,
    )
    print(
        f"thidua_xlsx trend, end to end:   {figures['seconds']:.1f} s "
        f"(read+score+rank+compare {figures['build_seconds']:.1f} s, "
        f"workbook {figures['write_seconds']:.1f} s, "
        f"{figures['output_bytes'] / 2**20:.1f} MiB; "
        f"{figures['falls']} falls, {figures['jumps']} jumps)"
    )
    print(
        f"peak memory (VmHWM): main process {figures['main_hwm_kib'] / 1024:.0f} MiB, "
        f"largest reading worker {figures['worker_hwm_kib'] / 1024:.0f} MiB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
