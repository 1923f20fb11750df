#!/usr/bin/env python3
"""Benchmark: merge and rank a province and the whole country, end to end; the
do-it-yourself pandas loop on the same province, in the same run.

    python3 bench/bench_merge.py [--province 2000] [--country 50000] [--workers 2]
                                 [--cache DIR] [--no-diy]

The inboxes: ``--province`` (``--country``) copies of the Nhơn Hưng ward directly under the
province (the nation), every card filled with valid values (bench/province.py,
``synthetic_wards``); the country's wards are clustered by province (63 clusters). Generating
the cards is not timed: it runs once on every CPU and is cached under ``--cache`` (keyed by
size and campaign fingerprint), so reruns start at once.

Measured, end to end: ``merge_rank`` (read, check, choose, rank) and ``write_summary``.
* the province with one reading worker, then ``--workers`` (target ≤ 5 s); every file is read
  in a contained worker process, the main process collects, ranks and writes;
* the DIY loop a province analyst would write, right after: ``pandas.read_excel(openpyxl)``
  of each file's scorecard and metadata sheets, the unit code and each criterion's
  self-score picked out, totals summed, ``rank(method="min")``, ``DataFrame.to_excel``;
* the country with ``--workers`` processes (targets ≤ 90 s, peak memory ≤ 1 GB), in a fresh
  process so that its memory is the merge's alone: the peak of the processes' summed PSS
  (proportional set size: pages shared after the fork are split, not counted twice), sampled
  from /proc every 0.1 s, and the main process's and the largest worker's maxrss (getrusage).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

import pandas as pd  # noqa: E402

from thidua_xlsx import load_campaign  # noqa: E402
from thidua_xlsx.checking.checker import check_file  # noqa: E402
from thidua_xlsx.core.model import Campaign, SectionKind  # noqa: E402
from thidua_xlsx.merge.rank import RankReport, merge_rank  # noqa: E402
from thidua_xlsx.runtime.bulk import collector_paused  # noqa: E402
from thidua_xlsx.scorecard.blank_cards import scorecard_filename  # noqa: E402
from thidua_xlsx.scorecard.layout import META_SHEET, SCORECARD_SHEET, plan_card  # noqa: E402
from thidua_xlsx.scorecard.writer import write_scorecard  # noqa: E402
from thidua_xlsx.summary.writer import write_summary  # noqa: E402

from fill_helpers import valid_fill  # noqa: E402
from province import on_time, synthetic_wards  # noqa: E402

GENERATOR = "1"  # bump when the generated cards change, so old caches are not reused
PROVINCE = ("TINH", "Tỉnh mẫu", "tỉnh")
COUNTRY = ("VN", "Việt Nam", "quốc gia")
PROVINCES = 63


def province_campaign(base: Campaign, wards: int) -> Campaign:
    return on_time(synthetic_wards(base, wards, PROVINCE, clusters=8))


def country_campaign(base: Campaign, wards: int) -> Campaign:
    return on_time(synthetic_wards(base, wards, COUNTRY, clusters=PROVINCES, cluster_word="Tỉnh"))


# -- generating the inboxes (not timed) -------------------------------------------------------

_GEN_CAMPAIGN: list[Campaign] = []


def _generator_start(campaign: Campaign) -> None:
    _GEN_CAMPAIGN[:] = [campaign]


def _write_cards(batch: Sequence[tuple[int, str, str]]) -> int:
    campaign = _GEN_CAMPAIGN[0]
    for seed, code, path in batch:
        layout = plan_card(campaign, campaign.unit(code))
        values, inputs = valid_fill(layout, seed)
        write_scorecard(Path(path), layout, values, inputs)  # type: ignore[arg-type]
    return len(batch)


def ensure_inbox(cache: Path, kind: str, campaign: Campaign) -> Path:
    """The inbox of every ward's filled card, written once on every CPU and then reused."""
    top = campaign.root_units[0]
    wards = campaign.children_units(top.code)
    folder = cache / f"{kind}-{len(wards)}-{campaign.fingerprint}-g{GENERATOR}"
    inbox, done = folder / "inbox", folder / "complete"
    if done.exists() and done.read_text() == str(len(wards)):
        return inbox
    shutil.rmtree(folder, ignore_errors=True)
    inbox.mkdir(parents=True)
    jobs = [(seed, u.code, str(inbox / scorecard_filename(u))) for seed, u in enumerate(wards)]
    started = time.perf_counter()
    print(f"generating {len(jobs)} {kind} scorecards into {folder} (once) …", flush=True)
    cpus = os.cpu_count() or 1
    _generator_start(campaign)
    if cpus > 1 and len(jobs) >= 64:
        size = max(1, min(500, len(jobs) // (cpus * 4)))
        batches = [jobs[i : i + size] for i in range(0, len(jobs), size)]
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        with ProcessPoolExecutor(
            cpus, mp_context=context, initializer=_generator_start, initargs=(campaign,)
        ) as pool:
            written = 0
            for count in pool.map(_write_cards, batches):
                written += count
                if written % 5000 < count:
                    print(f"  {written}/{len(jobs)}", flush=True)
    else:
        _write_cards(jobs)
    done.write_text(str(len(wards)))
    print(f"  generated in {time.perf_counter() - started:.0f} s", flush=True)
    return inbox


# -- the product's merge and the DIY loop --------------------------------------------------------


def merge(
    campaign: Campaign, inbox: Path, out: Path, workers: int
) -> tuple[float, RankReport, float]:
    """``merge_rank`` and ``write_summary``, timed end to end; also the summary's share."""
    started = time.perf_counter()
    with collector_paused():  # as `thidua merge` runs them: one pause over both
        report = merge_rank(campaign, [inbox], workers=workers)
        ranked = time.perf_counter()
        write_summary(out, report)
    elapsed = time.perf_counter() - started
    assert len(report.check.files) == len(report.completeness.accounted_files())
    return elapsed, report, elapsed - (ranked - started)


def diy_merge(campaign: Campaign, inbox: Path, out: Path) -> tuple[float, pd.DataFrame]:
    """What a province analyst writes with pandas: read each file, pick the unit code and the
    criteria's self-scores, sum the totals, rank, write. Timed end to end."""
    codes = {c.code for c in campaign.criteria}
    sections = [(s.code, s.kind) for s in campaign.sections]
    cap = float(campaign.total_cap)
    started = time.perf_counter()
    rows = []
    for path in sorted(inbox.glob("*.xlsx")):
        sheets = pd.read_excel(
            path, sheet_name=[SCORECARD_SHEET, META_SHEET], header=None, engine="openpyxl"
        )
        meta = sheets[META_SHEET]
        unit = meta.loc[meta[0] == "unit_code", 1].iloc[0]
        card = sheets[SCORECARD_SHEET]
        picked = card[card[0].isin(codes)].drop_duplicates(0).set_index(0)[6]
        row = {"unit": unit, **pd.to_numeric(picked, errors="coerce").fillna(0).to_dict()}
        rows.append(row)
    frame = pd.DataFrame(rows).set_index("unit")
    regular = sum(frame[c] for c, k in sections if k is SectionKind.REGULAR)
    bonus = sum(frame[c] for c, k in sections if k is SectionKind.BONUS)
    deduction = sum(frame[c] for c, k in sections if k is SectionKind.DEDUCTION)
    frame["total"] = ((regular + bonus).clip(upper=cap) - deduction).clip(lower=0)
    frame["rank"] = frame["total"].rank(method="min", ascending=False).astype(int)
    frame = frame.sort_values(["rank"])
    with pd.ExcelWriter(out) as writer:
        frame[[c for c, _ in sections] + ["total", "rank"]].to_excel(writer, sheet_name="Xếp hạng")
        frame.drop(columns=["total", "rank"]).T.to_excel(writer, sheet_name="Chi tiết")
    return time.perf_counter() - started, frame


# -- the country, measured in a fresh process ----------------------------------------------------


def _memory_kib(pid: int) -> int:
    """The process's proportional set size (shared pages split between the processes that
    share them, so forked workers are not counted twice); its RSS where PSS is unknown."""
    for name, key in ((f"/proc/{pid}/smaps_rollup", "Pss:"), (f"/proc/{pid}/status", "VmRSS:")):
        try:
            with open(name, encoding="ascii") as lines:
                for line in lines:
                    if line.startswith(key):
                        return int(line.split()[1])
        except OSError:
            continue
    return 0


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as f:
                found += [int(c) for c in f.read().split()]
    except OSError:
        pass
    return found


class _Sampler(threading.Thread):
    """The memory of this process and its workers together, every 0.1 s (Linux /proc)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_kib = 0
        self.stop = threading.Event()

    def run(self) -> None:
        me = os.getpid()
        while not self.stop.wait(0.1):
            total = _memory_kib(me) + sum(_memory_kib(c) for c in _children(me))
            self.peak_kib = max(self.peak_kib, total)


def measure_country(wards: int, inbox: Path, workers: int) -> None:
    """Runs in its own process: merge the country, print the figures as JSON."""
    base = load_campaign(ROOT / "workbook_templates" / "nhon-hung-2024-bdg.xlsx")
    campaign = country_campaign(base, wards)
    for path in inbox.iterdir():  # warm, as for the province: the files in the page cache
        path.read_bytes()
    sampler = _Sampler()
    sampler.start()
    with tempfile.TemporaryDirectory(prefix="thidua-bench-merge-") as tmp:
        elapsed, report, summary = merge(campaign, inbox, Path(tmp) / "country.xlsx", workers)
        ranked = len(report.ranking)
        del report
        size = (Path(tmp) / "country.xlsx").stat().st_size
    sampler.stop.set()
    sampler.join()
    unit = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB elsewhere
    figures = {
        "seconds": elapsed,
        "summary_seconds": summary,
        "ranked": ranked,
        "summary_bytes": size,
        "main_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * unit / 2**20,
        "worker_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * unit / 2**20,
        "sampled_mib": sampler.peak_kib / 1024,
    }
    print(json.dumps(figures))


def _s(seconds: float) -> str:
    return f"{seconds:.2f} s"


def _per_file(seconds: float, files: int) -> str:
    return f"{seconds / files * 1000:.2f} ms per file"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--province", "--count", type=int, default=2000)
    parser.add_argument("--country", type=int, default=50000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "thidua-bench")
    parser.add_argument("--no-diy", action="store_true", help="skip the DIY pandas loop")
    parser.add_argument("--measure-country", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_country:
        measure_country(args.country, args.measure_country, args.workers)
        return 0
    base = load_campaign(ROOT / "workbook_templates" / "nhon-hung-2024-bdg.xlsx")
    province = province_campaign(base, args.province)
    province_inbox = ensure_inbox(args.cache, "province", province)
    country_inbox = (
        ensure_inbox(args.cache, "country", country_campaign(base, args.country))
        if args.country
        else None
    )
    count, workers = args.province, args.workers
    print(f"province: {count} ward scorecards → 1 summary ({os.cpu_count()} CPUs)", flush=True)
    # warm up, for ours and the DIY loop alike: the files in the page cache, the campaign's
    # cached maps built
    for path in sorted(province_inbox.iterdir()):
        path.read_bytes()
    check_file(province, path)
    with tempfile.TemporaryDirectory(prefix="thidua-bench-merge-") as tmp:
        out = Path(tmp)
        one, report, one_summary = merge(province, province_inbox, out / "one.xlsx", workers=1)
        assert len(report.ranking) == count
        print(
            f"thidua_xlsx merge+summary, 1 process:    {_s(one)} ({_per_file(one, count)}; "
            f"summary {_s(one_summary)})  (target ≤ 5 s)",
            flush=True,
        )
        diy: float | None = None
        if not args.no_diy:
            diy, frame = diy_merge(province, province_inbox, out / "diy.xlsx")
            for ranked in report.ranking:  # the same work: the same totals (floats, rounded)
                assert round(Decimal(frame.loc[ranked.unit, "total"]), 2) == ranked.total
            print(f"DIY pandas.read_excel(openpyxl) loop:    {_s(diy)} ({_per_file(diy, count)})")
        del report
        two, _, two_summary = merge(province, province_inbox, out / "two.xlsx", workers=workers)
        print(
            f"thidua_xlsx merge+summary, {workers} processes:  {_s(two)} "
            f"({_per_file(two, count)}; summary {_s(two_summary)})  (target ≤ 5 s)"
        )
    if diy is not None:
        print(f"ratio DIY / thidua_xlsx, 1 process:     {diy / one:.1f}×")
        print(f"ratio DIY / thidua_xlsx, {workers} processes:   {diy / two:.1f}×", flush=True)
    if country_inbox is None:  # --country 0: the province alone
        return 0
    print(f"country: {args.country} ward scorecards, {PROVINCES} clusters → 1 summary", flush=True)
    completed = subprocess.run(
        [
            sys.executable,
            __file__,
            "--country",
            str(args.country),
            "--workers",
            str(workers),
            "--measure-country",
            str(country_inbox),
        ],
        capture_output=True,
        text=True,
    )
    if completed.returncode != 0:
        print(completed.stdout + completed.stderr, file=sys.stderr)
        return 1
    c = json.loads(completed.stdout.splitlines()[-1])
    print(
        f"thidua_xlsx merge+summary, {workers} processes:  {_s(c['seconds'])} "
        f"({_per_file(c['seconds'], args.country)}; {c['ranked']} ranked; summary "
        f"{_s(c['summary_seconds'])}, {c['summary_bytes'] / 2**20:.1f} MiB)  (target ≤ 90 s)"
    )
    print(
        f"peak memory, all processes:              {c['sampled_mib']:.0f} MiB (PSS summed, "
        f"sampled every 0.1 s; maxrss: main {c['main_mib']:.0f} MiB, largest worker "
        f"{c['worker_mib']:.0f} MiB)  (target ≤ 1 GB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
