#!/usr/bin/env python3
"""What each optimisation is worth at province size: with it and without it, side by side in
the same run (docs/benchmarks.md, "Optimisations kept and removed").

    python3 bench/bench_optimisations.py [--merges 3] [--rounds 2] [--block 50]
                                         [--province 2000] [--check 2000] [--templates 1000]
                                         [--workers 2] [--tasks merge,check,templates]
                                         [--cache DIR]

The optimisation is taken out (or, for one the package no longer has, put back) by this
script alone, in the measuring process. Per-file measures run each variant in a process of
its own, the processes taking turns over the same blocks of ``--block`` cards (``--rounds``
passes; bench/turns.py); the ratio is the median of the paired ratios, block by block. Every
merge runs in a fresh process (its memory its own), ``--merges`` of each variant, in a
rotating order; figures are medians, ratios against the shipped variant of the same round.

* the province merge (``--province`` ward cards, ``--workers`` reading workers, check, rank and
  summary, as ``thidua merge`` runs it), time and peak memory (PSS of all processes summed);
  with ``--country N``, the country's merge instead (bench_merge.py's country of N wards):
  - ``shipped``: as the command runs it, inside ``bulk_run()`` (the collector paused);
  - ``collector on``: no bulk run (as a library call is);
  - ``gc.freeze``: inside ``bulk_run()``, with every object alive at its start frozen
    (:func:`gc.freeze`; an option ``bulk_run`` had);
  - ``numbers not shared``: the workers' results not interned (``checking.run._interned``);
  - ``zip level 1``: the summary packed at zlib level 1 rather than XlsxWriter's 6 (the
    ``_quick_packing`` patch the summary writer had);
* the results this process holds (``--check`` ward cards of the province, checked here as a
  worker checks them, sent in batches of 32 as the workers send them): memory per result
  after unpickling (tracemalloc) and bytes pickled per result, ``shipped`` and ``numbers not
  shared``; exact, no timing;
* the summary alone: ``write_summary`` of one province report, as shipped (XlsxWriter's zlib
  level 6) and at level 1, in turns, 8 of each in one process (``summary``);
* read+check per file (``--check`` cards of a province, one process): ``shipped`` and ``no
  structure cache`` (every file's package structure worked out again, not remembered by
  ``StructureCache``) and ``parts through zipfile`` (every part read by ``ZipFile.open``,
  bounded the same way, rather than from its local header in ``intake.archive.read_part``);
* templates per file (``--templates`` blank cards, one process): ``shipped`` and ``formula
  expansion`` (XlsxWriter's own ``_prepare_formula``, not ``_ClassicFormulaWorksheet``'s).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

from turns import Remote, Timing, paired, serve, take_turns, timed  # noqa: E402

VARIANTS = {
    "merge": ["shipped", "collector on", "gc.freeze", "numbers not shared", "zip level 1"],
    "check": ["shipped", "no structure cache", "parts through zipfile"],
    "templates": ["shipped", "formula expansion"],
}
CAMPAIGN = ROOT / "workbook_templates" / "nhon-hung-2024-bdg.xlsx"

# -- the measuring side: one variant in a process of its own ----------------------------------


class Side:
    def __init__(self, variant: str) -> None:
        from thidua_xlsx import load_campaign

        self.variant = variant
        self.base = load_campaign(CAMPAIGN)
        self.checker: Any = None
        self.files: list[Path] = []
        self.cards: list[Any] = []
        if variant == "numbers not shared":
            from thidua_xlsx.checking import run as check_run

            check_run._interned = lambda result, numbers: result  # type: ignore[assignment]
        elif variant == "zip level 1":
            _zip_level_1()
        elif variant == "no structure cache":
            from thidua_xlsx.intake.structure import StructureCache

            StructureCache._remembered = lambda self, known, key, work: work()  # type: ignore[method-assign]
        elif variant == "parts through zipfile":
            _parts_through_zipfile()
        elif variant == "formula expansion":
            from xlsxwriter.worksheet import Worksheet

            from thidua_xlsx.scorecard import writer

            writer._ClassicFormulaWorksheet._prepare_formula = Worksheet._prepare_formula  # type: ignore[method-assign]

    def do_check(self, inbox: str, count: str, start: str, stop: str) -> list[float]:
        if self.checker is None:
            from thidua_xlsx.checking.checker import FileChecker

            from province import on_time, synthetic_province

            campaign = on_time(synthetic_province(self.base, wards=-(-int(count) // 16)))
            self.checker = FileChecker(campaign)
            self.files = sorted(Path(inbox).glob("*.xlsx"))
            for path in self.files:
                path.read_bytes()
        files = self.files[int(start) : int(stop)]
        return timed(lambda: [self.checker.check(path) for path in files])

    def do_templates(self, out: str, count: str, start: str, stop: str) -> list[float]:
        from thidua_xlsx.scorecard.writer import write_scorecard

        if not self.cards:
            from thidua_xlsx.scorecard.layout import plan_card

            from province import synthetic_province

            campaign = synthetic_province(self.base, wards=-(-int(count) // 16))
            units = [u for u in campaign.units if u.parent is not None][: int(count)]
            self.cards = [plan_card(campaign, unit) for unit in units]
        cards = self.cards[int(start) : int(stop)]
        return timed(lambda: [write_scorecard(Path(out) / f"{c.unit.code}.xlsx", c) for c in cards])

    def do_merge(
        self, inbox: str, count: str, workers: str, out: str, kind: str
    ) -> dict[str, float]:
        from thidua_xlsx.merge.rank import merge_rank
        from thidua_xlsx.runtime.bulk import bulk_run
        from thidua_xlsx.summary.writer import write_summary

        from memory import Sampler, memory_kib
        from province import country_campaign, province_campaign

        make = country_campaign if kind == "country" else province_campaign
        campaign = make(self.base, int(count))
        context: AbstractContextManager[None] = bulk_run()
        if self.variant == "collector on":
            context = nullcontext()
        elif self.variant == "gc.freeze":
            context = _frozen_bulk_run()
        for path in Path(inbox).iterdir():  # the files in the page cache
            path.read_bytes()
        before = memory_kib(os.getpid())
        sampler = Sampler()
        sampler.start()
        summary: list[float] = []

        def work() -> None:
            with context:
                report = merge_rank(campaign, [Path(inbox)], workers=int(workers))
                summary.extend(timed(lambda: write_summary(Path(out), report)))
            assert len(report.ranking) == int(count)

        wall, cpu = timed(work)
        sampler.stop.set()
        sampler.join()
        return {
            "seconds": wall,
            "cpu_seconds": cpu,
            "summary_seconds": summary[0],
            "peak_mib": sampler.peak_kib / 1024,
            "grown_mib": (sampler.peak_kib - before) / 1024,
            "summary_mib": Path(out).stat().st_size / 2**20,
        }


def _parts_through_zipfile() -> None:
    """Every zip part read through ``ZipFile.open`` (inflated up to one byte past its declared
    size, as ``read_part`` bounds it) in each module that reads parts."""
    import zipfile

    from thidua_xlsx.intake import archive, package, reader, scorecard_file, workbook

    def read_part(data: bytes, opened: zipfile.ZipFile, name: str) -> bytes:
        info = opened.NameToInfo[name]
        with opened.open(info) as part:
            content = part.read(info.file_size + 1)
        if len(content) > info.file_size:
            raise AssertionError(f"{name}: larger than declared")
        return content

    for module in (archive, package, reader, scorecard_file, workbook):
        module.read_part = read_part  # type: ignore[attr-defined]


def _zip_level_1() -> None:
    """The summary writer's former ``_quick_packing``: XlsxWriter's zip at zlib level 1."""
    import functools
    import zipfile

    import xlsxwriter.workbook

    assert xlsxwriter.workbook.ZipFile is zipfile.ZipFile
    xlsxwriter.workbook.ZipFile = functools.partial(zipfile.ZipFile, compresslevel=1)


@contextmanager
def _frozen_bulk_run() -> Iterator[None]:
    """``bulk_run()`` with every object alive at its start moved to the collector's permanent
    generation (:func:`gc.freeze`), so that workers forked inside it never walk them; handed
    back on leaving. An option ``bulk_run`` had, removed as not worth it."""
    import gc

    from thidua_xlsx.runtime.bulk import bulk_run

    with bulk_run():
        gc.freeze()
        try:
            yield
        finally:
            gc.unfreeze()


# -- the comparing side -----------------------------------------------------------------------


def _side(variant: str) -> Remote:
    return Remote(Path(__file__), [variant], cwd=ROOT)


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--side":
        serve(Side(sys.argv[2]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--merges", type=int, default=3, help="merges of each variant")
    parser.add_argument("--rounds", type=int, default=2, help="passes over the cards")
    parser.add_argument("--block", type=int, default=50, help="cards per turn")
    parser.add_argument("--province", type=int, default=2000)
    parser.add_argument(
        "--country", type=int, default=0, help="merges on this many wards of the country instead"
    )
    parser.add_argument("--check", type=int, default=2000)
    parser.add_argument("--templates", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--tasks", default="merge,results,summary,check,templates")
    parser.add_argument(
        "--merge-variants",
        default=",".join(VARIANTS["merge"]),
        help="the merge variants to run (shipped is always run)",
    )
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "thidua-bench")
    args = parser.parse_args()
    tasks = [t for t in args.tasks.split(",") if t]

    from thidua_xlsx import load_campaign

    from inboxes import ensure_inbox
    from province import country_campaign, on_time, province_campaign, synthetic_province

    base = load_campaign(CAMPAIGN)
    with tempfile.TemporaryDirectory(prefix="thidua-optimisations-") as tmp:
        temp = Path(tmp)
        if "merge" in tasks:
            if args.country:  # the merges on the country instead
                campaign = country_campaign(base, args.country)
                inbox = ensure_inbox(args.cache, "country", campaign)
            else:
                inbox = ensure_inbox(args.cache, "province", province_campaign(base, args.province))
            merges = _merges(args, inbox, temp)
            _report_merges(args, merges)
        if "summary" in tasks:
            inbox = ensure_inbox(args.cache, "province", province_campaign(base, args.province))
            _report_summary(_summary(province_campaign(base, args.province), inbox, temp))
        if "results" in tasks:
            inbox = ensure_inbox(args.cache, "province", province_campaign(base, args.province))
            _report_results(args, _results(province_campaign(base, args.province), inbox))
        for task, count in (("check", args.check), ("templates", args.templates)):
            if task not in tasks:
                continue
            argv: dict[str, list[object]] = {}
            for variant in VARIANTS[task]:
                if task == "check":
                    mixed = on_time(synthetic_province(base, wards=-(-count // 16)))
                    units = [u for u in mixed.units if u.parent is not None][:count]
                    argv[variant] = [ensure_inbox(args.cache, "check-province", mixed, units)]
                else:
                    argv[variant] = [temp / f"templates-{VARIANTS[task].index(variant)}"]
                    Path(str(argv[variant][0])).mkdir()
                argv[variant].append(count)
            sides = {variant: _side(variant) for variant in VARIANTS[task]}
            try:
                got = take_turns(sides, task, argv, count, args.block, args.rounds)
            finally:
                for side in sides.values():
                    side.close()
            _report_per_file(args, task, count, got)
    return 0


def _merges(args: argparse.Namespace, inbox: Path, temp: Path) -> dict[str, list[dict[str, float]]]:
    chosen = {"shipped", *args.merge_variants.split(",")}
    variants = [v for v in VARIANTS["merge"] if v in chosen]
    got: dict[str, list[dict[str, float]]] = {v: [] for v in variants}
    for run in range(args.merges):
        shift = run % len(variants)
        for variant in variants[shift:] + variants[:shift]:
            side = _side(variant)
            try:
                out = temp / f"merge-{run}-{variants.index(variant)}.xlsx"
                kind, count = (
                    ("country", args.country) if args.country else ("province", args.province)
                )
                got[variant].append(side.ask("merge", inbox, count, args.workers, out, kind))
            finally:
                side.close()
        print(f"merges {run + 1}/{args.merges} done", file=sys.stderr, flush=True)
    return got


def _results(campaign: Any, inbox: Path, count: int = 640) -> dict[str, dict[str, float]]:
    """What the results of ``count`` ward cards cost this process, as the workers send them."""
    import gc
    import pickle
    import tracemalloc

    from thidua_xlsx.checking.run import _CheckJob

    files = sorted(inbox.glob("*.xlsx"))[:count]
    job = _CheckJob(campaign)
    shipped = [job(path) for path in files]
    plain = [job.checker.check(path) for path in files]
    got = {}
    for variant, results in (("shipped", shipped), ("numbers not shared", plain)):
        batches = [pickle.dumps(results[i : i + 32]) for i in range(0, len(results), 32)]
        gc.collect()
        tracemalloc.start()
        held = [pickle.loads(batch) for batch in batches]
        size, _ = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert sum(map(len, held)) == len(files)
        got[variant] = {
            "held_kib": size / len(files) / 1024,
            "pickled_bytes": sum(map(len, batches)) / len(files),
        }
    return got


def _summary(campaign: Any, inbox: Path, temp: Path, runs: int = 8) -> dict[str, list[float]]:
    """``write_summary`` of one report at XlsxWriter's level and at level 1, in turns."""
    import functools
    import time
    import zipfile

    import xlsxwriter.workbook

    from thidua_xlsx.merge.rank import merge_rank
    from thidua_xlsx.runtime.bulk import bulk_run
    from thidua_xlsx.summary.writer import write_summary

    levels = {"shipped": zipfile.ZipFile, "zip level 1": None}
    got: dict[str, list[float]] = {name: [] for name in levels}
    with bulk_run():
        report = merge_rank(campaign, [inbox], workers=2)
        for run in range(runs):
            for name in list(levels)[run % 2 :] + list(levels)[: run % 2]:
                packer = levels[name] or functools.partial(zipfile.ZipFile, compresslevel=1)
                xlsxwriter.workbook.ZipFile = packer
                try:
                    t0 = time.perf_counter()
                    write_summary(temp / f"summary-{name}.xlsx", report)
                    got[name].append(time.perf_counter() - t0)
                finally:
                    xlsxwriter.workbook.ZipFile = zipfile.ZipFile
    for name in levels:
        got[f"{name} MiB"] = [(temp / f"summary-{name}.xlsx").stat().st_size / 2**20]
    return got


def _report_summary(got: dict[str, list[float]]) -> None:
    saved = statistics.median(
        a - b for a, b in zip(got["shipped"], got["zip level 1"], strict=True)
    )
    print(
        f"the summary alone, {len(got['shipped'])} of each in turns: shipped (zlib level 6) "
        f"{statistics.median(got['shipped']):.2f} s, {got['shipped MiB'][0]:.2f} MiB; "
        f"level 1 {statistics.median(got['zip level 1']):.2f} s, "
        f"{got['zip level 1 MiB'][0]:.2f} MiB; level 1 saves {saved:.2f} s per summary "
        "(median of the paired differences)"
    )


def _report_results(args: argparse.Namespace, got: dict[str, dict[str, float]]) -> None:
    print("results held by this process, per ward card (exact: no timing):")
    print("| variant | held after unpickling | pickled |")
    print("|---|---:|---:|")
    for variant, figures in got.items():
        print(f"| {variant} | {figures['held_kib']:.1f} KiB | {figures['pickled_bytes']:.0f} B |")


def _report_merges(args: argparse.Namespace, merges: dict[str, list[dict[str, float]]]) -> None:
    print(
        f"{'country' if args.country else 'province'} merge "
        f"({args.country or args.province} ward cards, {args.workers} workers, with the "
        f"summary), {args.merges} of each variant, each in a fresh process, in turns "
        f"({os.cpu_count()} CPUs); medians; against shipped: the median of the ratios to the "
        "shipped merge of the same round; CPU: the process's and its workers' CPU time, which "
        "other load on the machine inflates less than the wall time"
    )
    print(
        "| variant | merge (wall) | against shipped | CPU | against shipped | summary "
        "| peak memory | grown | summary size |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    shipped = merges["shipped"]
    for variant, runs in merges.items():

        def median(key: str, runs: list[dict[str, float]] = runs) -> float:
            return statistics.median(r[key] for r in runs)

        def against(key: str, runs: list[dict[str, float]] = runs) -> str:
            ratio = statistics.median(r[key] / s[key] for r, s in zip(runs, shipped, strict=True))
            return f"{(ratio - 1) * 100:+.1f}%"

        print(
            f"| {variant} | {median('seconds'):.2f} s | {against('seconds')} | "
            f"{median('cpu_seconds'):.2f} s | {against('cpu_seconds')} | "
            f"{median('summary_seconds'):.2f} s | {median('peak_mib'):.0f} MiB | "
            f"{median('grown_mib'):.0f} MiB | {median('summary_mib'):.2f} MiB |"
        )


def _report_per_file(
    args: argparse.Namespace, task: str, count: int, got: dict[str, list[Timing]]
) -> None:
    label = "read+check" if task == "check" else "templates"
    print(
        f"{label} per file ({count} cards, one process per variant, in turns over blocks of "
        f"{args.block}, {args.rounds} passes); against shipped: the median of the paired ratios "
        "and their middle half"
    )
    print("| variant | per file (wall) | against shipped | middle half | CPU, against shipped |")
    print("|---|---:|---:|---|---:|")
    shipped = got["shipped"]
    for variant, runs in got.items():
        low, ratio, high = paired(runs, shipped)
        _, cpu, _ = paired(runs, shipped, which=1)
        middle = statistics.median(r[0] for r in runs)
        print(
            f"| {variant} | {middle * 1000:.3f} ms | {(ratio - 1) * 100:+.1f}% | "
            f"{(low - 1) * 100:+.1f}% to {(high - 1) * 100:+.1f}% | {(cpu - 1) * 100:+.1f}% |"
        )


if __name__ == "__main__":
    sys.exit(main())
