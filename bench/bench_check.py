#!/usr/bin/env python3
"""Benchmark (issue 4): read and check 2,000 returned scorecards, side by side with
the do-it-yourself loop and with python-calamine bare reading, in the same run.

    python3 bench/bench_check.py [--count 2000] [--diy-every 9] [--baseline REV]

The inbox: a synthetic province (125 wards × the ward and its 15 sectors), every card
filled with valid values and on time (as in bench_merge). Measured per file:
* thidua_xlsx read+check (everything: sniffing, values, metadata, formulas, saved time,
  every check, the recomputed scores), one process, then two processes;
* python-calamine bare: open the workbook and read the scorecard sheet, nothing else;
* the DIY loop a ward analyst would write: pandas.read_excel(engine="openpyxl") of the
  scorecard sheet, then the same cells picked out of each criterion row — every Nth file,
  right after thidua_xlsx read the same file, so both see the same noise; and the same loop
  also reading the unit code from the metadata sheet (thidua_xlsx reads it too), printed
  beside it; then the same two loops with ``engine="calamine"`` (what a pandas user would
  write today: the same reading library as thidua_xlsx's), on the same files;
* a whole run as the command line makes it (every file read in a contained worker process,
  see thidua_xlsx.runtime.containment) with one worker and with two, against the same files checked
  one after the other in this process: what the isolation costs;
* the sample ward's inbox (15 files), end to end: ``thidua check`` started as a command;
* with ``--baseline REV`` (a git revision, e.g. ``HEAD~1``, or 61bdf44 of the flat layout:
  see bench/any_layout.py), the same figures for that revision in the same run, from a
  temporary git worktree, over the same files (bench/compare_layouts.py alternates several
  runs of each).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

import pandas as pd  # noqa: E402
import python_calamine  # noqa: E402

from thidua_xlsx import FileChecker, load_campaign  # noqa: E402
from thidua_xlsx.checking.run import run_check  # noqa: E402
from thidua_xlsx.scorecard.blank_cards import scorecard_filename  # noqa: E402
from thidua_xlsx.scorecard.layout import META_SHEET, SCORECARD_SHEET, plan_card  # noqa: E402
from thidua_xlsx.scorecard.writer import write_scorecard  # noqa: E402

from fill_helpers import valid_fill  # noqa: E402
from province import on_time, synthetic_province  # noqa: E402


def diy_read(path: Path, engine: str = "openpyxl") -> dict[str, list[object]]:
    """What a ward analyst writes: read the sheet with pandas, pick the cells of each row."""
    frame = pd.read_excel(path, sheet_name=SCORECARD_SHEET, header=None, engine=engine)
    found: dict[str, list[object]] = {}
    for row in frame.itertuples(index=False):
        code = row[0]
        if isinstance(code, str) and code[:1] in "IVX" and len(code) < 12:
            found[code] = [row[4], row[5], row[6], row[7], row[8], row[9]]
    return found


def diy_read_with_unit(
    path: Path, engine: str = "openpyxl"
) -> tuple[object, dict[str, list[object]]]:
    """The same, also picking the unit code from the metadata sheet (as thidua_xlsx does, and
    as bench_merge's DIY loop does): one workbook opened, two sheets read."""
    sheets = pd.read_excel(
        path, sheet_name=[SCORECARD_SHEET, META_SHEET], header=None, engine=engine
    )
    meta = sheets[META_SHEET]
    unit = meta.loc[meta[0] == "unit_code", 1].iloc[0]
    found: dict[str, list[object]] = {}
    for row in sheets[SCORECARD_SHEET].itertuples(index=False):
        code = row[0]
        if isinstance(code, str) and code[:1] in "IVX" and len(code) < 12:
            found[code] = [row[4], row[5], row[6], row[7], row[8], row[9]]
    return unit, found


def calamine_read(path: Path) -> int:
    workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    rows = workbook.get_sheet_by_name(SCORECARD_SHEET).to_python(skip_empty_area=False)
    workbook.close()
    return len(rows)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.3f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=2000)
    # 9, prime to the 16 cards of a ward: every kind of card is sampled (every 10th file
    # would never reach the ward's own card, the largest, 16th of each ward)
    parser.add_argument("--diy-every", type=int, default=9)
    parser.add_argument("--baseline", metavar="REV", help="also measure this git revision")
    args = parser.parse_args()
    base = load_campaign(ROOT / "workbook_templates" / "nhon-hung-2024-bdg.xlsx")
    province = on_time(synthetic_province(base, wards=-(-args.count // 16)))
    units = [u for u in province.units if u.parent is not None][: args.count]
    with tempfile.TemporaryDirectory(prefix="thidua-bench-check-") as tmp:
        inbox = Path(tmp)
        for seed, unit in enumerate(units):
            layout = plan_card(province, unit)
            values, inputs = valid_fill(layout, seed)
            write_scorecard(inbox / scorecard_filename(unit), layout, values, inputs)  # type: ignore[arg-type]
        files = sorted(inbox.glob("*.xlsx"))
        ours: list[float] = []
        pairs: list[tuple[float, float]] = []
        with_unit: list[tuple[float, float]] = []
        calamine_pairs: list[tuple[float, float]] = []
        calamine_with_unit: list[tuple[float, float]] = []
        checker = FileChecker(province)  # as run_check does: layouts shared across the files
        for index, path in enumerate(files):
            t0 = time.perf_counter()
            result = checker.check(path)
            mine = time.perf_counter() - t0
            ours.append(mine)
            assert result.card is not None
            if index % args.diy_every == 0:
                for engine, plain, unit_too in (
                    ("openpyxl", pairs, with_unit),
                    ("calamine", calamine_pairs, calamine_with_unit),
                ):
                    t0 = time.perf_counter()
                    diy_read(path, engine)
                    t1 = time.perf_counter()
                    unit, _ = diy_read_with_unit(path, engine)
                    plain.append((mine, t1 - t0))
                    unit_too.append((mine, time.perf_counter() - t1))
                    assert unit == result.unit
        t0 = time.perf_counter()
        for path in files:
            calamine_read(path)
        bare = (time.perf_counter() - t0) / len(files)
        runs = {}
        for workers in (1, 2):
            t0 = time.perf_counter()
            report = run_check(province, [inbox], workers=workers)
            runs[workers] = (time.perf_counter() - t0) / len(report.files)
            assert len(report.files) == len(files)
        t0 = time.perf_counter()
        assert len(uncontained(province, files, 2)) == len(files)
        plain = (time.perf_counter() - t0) / len(files)
        ward = ward_end_to_end(ROOT)
        baseline = None
        if args.baseline:
            baseline = measure_revision(args.baseline, -(-args.count // 16), inbox)
    mean_ours = statistics.fmean(ours)
    pair_ours = statistics.fmean(p[0] for p in pairs)
    pair_diy = statistics.fmean(p[1] for p in pairs)
    print(f"scorecards:                          {len(files)} ({len(files) // 16} wards × 16)")
    print(
        f"thidua_xlsx read+check, 1 process:   mean {_ms(mean_ours)}, median "
        f"{_ms(statistics.median(ours))} per file  (target ≤ 1.3 ms)"
    )
    print(f"python-calamine bare read:           {_ms(bare)} per file")
    print(
        f"DIY pandas.read_excel(openpyxl):     {_ms(pair_diy)} per file ({len(pairs)} files, "
        f"each right after thidua_xlsx checked it in {_ms(pair_ours)})"
    )
    print(f"ratio DIY / thidua_xlsx:             {pair_diy / pair_ours:.1f}×  (target ≥ 15×)")
    median_ratio = statistics.median(p[1] for p in pairs) / statistics.median(p[0] for p in pairs)
    print(
        f"  the same, of medians:              {median_ratio:.1f}×  (a pause of the machine "
        "weighs less)"
    )
    unit_diy = statistics.fmean(p[1] for p in with_unit)
    print(
        f"DIY with the unit code (+ metadata):  {_ms(unit_diy)} per file, ratio "
        f"{unit_diy / pair_ours:.1f}×"
    )
    cal_diy = statistics.fmean(p[1] for p in calamine_pairs)
    cal_unit = statistics.fmean(p[1] for p in calamine_with_unit)
    cal_median = statistics.median(p[1] for p in calamine_pairs) / statistics.median(
        p[0] for p in calamine_pairs
    )
    print(
        f"DIY pandas.read_excel(calamine):     {_ms(cal_diy)} per file (the same files, right "
        "after the openpyxl loop)"
    )
    print(
        f"ratio DIY calamine / thidua_xlsx:    {cal_diy / pair_ours:.2f}× (of medians "
        f"{cal_median:.2f}×); with the unit code {_ms(cal_unit)}, {cal_unit / pair_ours:.2f}×"
    )
    print(
        f"a whole run, contained (wall):       1 worker {_ms(runs[1])}, 2 workers "
        f"{_ms(runs[2])} per file ({os.cpu_count()} CPUs)"
    )
    print(f"the same two processes, not contained: {_ms(plain)} per file (a plain process pool)")
    print(
        f"  isolation cost (contained / not):     {(runs[2] / plain - 1) * 100:+.0f}%  "
        "(target ≤ +10%)"
    )
    print(f"the sample ward (15 files), end to end: {ward:.2f} s  (target < 1 s)")
    if baseline is not None:
        print(f"-- baseline {args.baseline} (same files, same run):")
        print(
            f"  read+check, 1 process:             {_ms(baseline['one'])} per file; now "
            f"{_ms(mean_ours)} ({(mean_ours / baseline['one'] - 1) * 100:+.0f}%)"
        )
        print(
            f"  ratio DIY / baseline:              {pair_diy / baseline['one']:.1f}×; now "
            f"{pair_diy / mean_ours:.1f}×  (DIY measured once, above)"
        )
        print(
            f"  ratio DIY calamine / baseline:     {cal_diy / baseline['one']:.2f}×; now "
            f"{cal_diy / mean_ours:.2f}×"
        )
        print(
            f"  a whole run, 2 processes (wall):   {_ms(baseline['two'])} per file; now "
            f"{_ms(runs[2])} ({(runs[2] / baseline['two'] - 1) * 100:+.0f}%)"
        )
        print(f"  the sample ward, end to end:       {baseline['ward']:.2f} s; now {ward:.2f} s")
    return 0


def uncontained(campaign: object, files: list[Path], workers: int) -> list[object]:
    """The same check in ``workers`` processes without containment: a plain process pool
    (what the isolation is measured against)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from thidua_xlsx.checking.run import _CheckJob

    job = _CheckJob(campaign)  # type: ignore[arg-type]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(job, files, chunksize=16))


def ward_end_to_end(root: Path) -> float:
    """``thidua check`` on the sample ward's inbox, as a command (best of three)."""
    command = [
        sys.executable,
        "-m",
        "thidua_xlsx",
        "check",
        str(root / "workbook_templates" / "nhon-hung-2024-bdg.xlsx"),
        str(root / "samples" / "inbox-nhon-hung"),
    ]
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run(command, cwd=root, capture_output=True, check=False)
        times.append(time.perf_counter() - t0)
    return min(times)


_BASELINE = """
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from any_layout import checker, find, import_from
import_from(Path.cwd())
from province import on_time, synthetic_province
base = find("load_campaign")(Path("workbook_templates/nhon-hung-2024-bdg.xlsx"))
campaign = on_time(synthetic_province(base, wards=int(sys.argv[2])))
files = sorted(Path(sys.argv[3]).glob("*.xlsx"))
check = checker(campaign)
t0 = time.perf_counter()
for path in files:
    assert check(path).card is not None
one = (time.perf_counter() - t0) / len(files)
t0 = time.perf_counter()
report = find("run_check")(campaign, [sys.argv[3]], workers=2)
two = (time.perf_counter() - t0) / len(report.files)
print(json.dumps({"one": one, "two": two}))
"""


def measure_revision(revision: str, wards: int, inbox: Path) -> dict[str, float]:
    """The figures of another revision of this repository (either layout of the package),
    from a temporary worktree: its own code imported, nothing installed; the same campaign
    built there (bench/any_layout.py, bench/province.py)."""
    with tempfile.TemporaryDirectory(prefix="thidua-baseline-") as tree:
        subprocess.run(
            ["git", "worktree", "add", "--detach", "--quiet", tree, revision],
            cwd=ROOT,
            check=True,
        )
        try:
            done = subprocess.run(
                [sys.executable, "-c", _BASELINE, str(ROOT / "bench"), str(wards), str(inbox)],
                cwd=tree,
                capture_output=True,
                text=True,
                check=True,
            )
            figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
            figures["ward"] = ward_end_to_end(Path(tree))
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", tree], cwd=ROOT, check=False)
    return figures


if __name__ == "__main__":
    sys.exit(main())
