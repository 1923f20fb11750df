"""This revision against an earlier one, side by side in the same run, on the same files.

    python3 bench/compare_layouts.py [--baseline 61bdf44] [--rounds 3] [--block 50]
                                     [--merges 6] [--check 2000] [--templates 1000]
                                     [--province 2000] [--workers 2]
                                     [--tasks check,templates,merge] [--cache DIR]

The baseline is checked out in a temporary git worktree and imported from there (nothing is
installed, and an editable install's import hook is kept out); bench/any_layout.py finds the
entry points in either layout of the package (the packages by concept, or the flat modules of
61bdf44). The machines are noisy, so the two revisions take turns:

* ``check``: read and check a synthetic province's returned scorecards (125 wards × the ward
  and its 15 sectors, valid values, as in bench_check.py) one after the other, card layouts
  shared across the files as a run shares them. Each revision runs in a process of its own;
  they take turns over the same block of ``--block`` cards (this revision first in even
  blocks, the baseline first in odd ones), ``--rounds`` passes over the ``--check`` cards;
  the first block is run once more beforehand to warm both up. Time per file.
* ``templates``: write the same province's blank scorecards one after the other, in turns
  of ``--block`` cards in the same way (as in bench_templates.py). Time per file.
* ``merge``: the province merge, ``--province`` ward cards (as in bench_merge.py): check with
  ``--workers`` contained reading workers, choose, rank and write the summary, in the context
  ``thidua merge`` gives it (this revision: the bulk run; before: the collector pause). Each
  merge in a fresh process, ``--merges`` of each revision, in turns. Time.
* ``merge-library`` (not by default): the same merge called as a library would call it,
  with no context around it (before the bulk run, the library paused the collector itself).

Printed: the median of each revision's figures and the median of the paired ratios (block by
block, merge by merge: this revision over the baseline), with the middle half of those
ratios. The inboxes are generated once with this revision and cached under ``--cache`` (both
revisions write and read the same file format; every file must be accepted by both).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from turns import Remote, Timing, paired, serve, take_turns, timed  # noqa: E402

CAMPAIGN = Path("workbook_templates") / "nhon-hung-2024-bdg.xlsx"
TASKS = ("check", "templates", "merge", "merge-library")

# -- the measuring side: a process importing the package from one tree ------------------------


class Side:
    """Imports the package from ``tree`` alone (either layout), then answers commands."""

    def __init__(self, tree: Path) -> None:
        from any_layout import find, import_from

        import_from(tree)
        self.find = find
        self.base = find("load_campaign")(tree / CAMPAIGN)
        self.check: Any = None
        self.files: list[Path] = []
        self.cards: list[Any] = []

    def do_layout(self) -> str:
        from any_layout import layout_name

        return layout_name()

    def do_check(self, inbox: str, count: str, start: str, stop: str) -> list[float]:
        """Read and check files ``start:stop`` of the inbox one after the other."""
        if self.check is None:
            from any_layout import checker
            from province import on_time, synthetic_province

            campaign = on_time(synthetic_province(self.base, wards=-(-int(count) // 16)))
            self.check = checker(campaign)
            self.files = sorted(Path(inbox).glob("*.xlsx"))
            for path in self.files:  # the files in the page cache, as in a run
                path.read_bytes()

        def work() -> None:
            for path in self.files[int(start) : int(stop)]:
                result = self.check(path)
                assert result.card is not None and result.status.value == "accepted", path

        return timed(work)

    def do_templates(self, out: str, count: str, start: str, stop: str) -> list[float]:
        """Write the blank cards ``start:stop`` of the province one after the other (their
        layouts planned beforehand, not timed)."""
        if not self.cards:
            from province import synthetic_province

            campaign = synthetic_province(self.base, wards=-(-int(count) // 16))
            units = [u for u in campaign.units if u.parent is not None][: int(count)]
            plan_card = self.find("plan_card")
            self.cards = [plan_card(campaign, unit) for unit in units]
        write_scorecard = self.find("write_scorecard")
        cards = self.cards[int(start) : int(stop)]
        return timed(lambda: [write_scorecard(Path(out) / f"{c.unit.code}.xlsx", c) for c in cards])

    def do_merge(self, inbox: str, count: str, workers: str, out: str, library: str) -> list[float]:
        """The province merge as ``thidua merge`` runs it (or as a library call, with no
        context around it)."""
        from contextlib import nullcontext

        from any_layout import bulk_context
        from province import province_campaign

        campaign = province_campaign(self.base, int(count))
        merge_rank, write_summary = self.find("merge_rank"), self.find("write_summary")
        for path in Path(inbox).iterdir():
            path.read_bytes()

        def work() -> None:
            with nullcontext() if library == "1" else bulk_context():
                report = merge_rank(campaign, [Path(inbox)], workers=int(workers))
                write_summary(Path(out), report)
            assert len(report.ranking) == int(count), len(report.ranking)

        return timed(work)


# -- the comparing side -----------------------------------------------------------------------


def _side(tree: Path) -> Remote:
    return Remote(Path(__file__), [str(tree)], cwd=tree)


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--side":
        serve(Side(Path(sys.argv[2])))
        return 0
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--baseline", default="61bdf44", metavar="REV")
    parser.add_argument("--rounds", type=int, default=3, help="passes over the cards")
    parser.add_argument("--block", type=int, default=50, help="cards per turn")
    parser.add_argument("--merges", type=int, default=6, help="merges of each revision")
    parser.add_argument("--check", type=int, default=2000)
    parser.add_argument("--templates", type=int, default=1000)
    parser.add_argument("--province", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--tasks", default="check,templates,merge")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "thidua-bench")
    args = parser.parse_args()
    tasks = [t for t in args.tasks.split(",") if t]
    unknown = set(tasks) - set(TASKS)
    if unknown:
        parser.error(f"unknown task(s) {sorted(unknown)}; known: {', '.join(TASKS)}")

    sys.path.insert(0, str(ROOT))
    from thidua_xlsx import load_campaign

    from inboxes import ensure_inbox
    from province import on_time, province_campaign, synthetic_province

    base = load_campaign(ROOT / CAMPAIGN)
    figures: dict[str, dict[str, list[Timing]]] = {}
    layouts: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="thidua-compare-") as tmp:
        temp = Path(tmp)
        check_inbox = wards_inbox = None
        if "check" in tasks:
            mixed = on_time(synthetic_province(base, wards=-(-args.check // 16)))
            units = [u for u in mixed.units if u.parent is not None][: args.check]
            check_inbox = ensure_inbox(args.cache, "check-province", mixed, units)
        if {"merge", "merge-library"} & set(tasks):
            campaign = province_campaign(base, args.province)
            wards_inbox = ensure_inbox(args.cache, "province", campaign)
        baseline_tree = temp / "baseline"
        subprocess.run(
            ["git", "worktree", "add", "--detach", "--quiet", str(baseline_tree), args.baseline],
            cwd=ROOT,
            check=True,
        )
        trees = {"now": ROOT, "base": baseline_tree}
        try:
            sides = {name: _side(tree) for name, tree in trees.items()}
            try:
                layouts = {name: str(side.ask("layout")) for name, side in sides.items()}
                if "check" in tasks:
                    same: list[object] = [check_inbox, args.check]
                    figures["check"] = take_turns(
                        sides,
                        "check",
                        dict.fromkeys(sides, same),
                        args.check,
                        args.block,
                        args.rounds,
                    )
                    print("read+check done", file=sys.stderr, flush=True)
                if "templates" in tasks:
                    argv: dict[str, list[object]] = {}
                    for name in sides:  # each side writes into a folder of its own
                        (temp / f"templates-{name}").mkdir()
                        argv[name] = [temp / f"templates-{name}", args.templates]
                    figures["templates"] = take_turns(
                        sides, "templates", argv, args.templates, args.block, args.rounds
                    )
                    print("templates done", file=sys.stderr, flush=True)
            finally:
                for side in sides.values():
                    side.close()
            for task in ("merge", "merge-library"):
                if task in tasks:
                    figures[task] = _merges(args, task, trees, wards_inbox, temp)
        finally:
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(baseline_tree)], cwd=ROOT, check=False
            )
    _report(args, tasks, figures, layouts)
    return 0


def _merges(
    args: argparse.Namespace, task: str, trees: dict[str, Path], inbox: Path | None, temp: Path
) -> dict[str, list[Timing]]:
    """``--merges`` merges of each revision, each in a fresh process, in turns."""
    got: dict[str, list[Timing]] = {name: [] for name in trees}
    for run in range(args.merges):
        for name in list(trees)[run % 2 :] + list(trees)[: run % 2]:
            side = _side(trees[name])
            try:
                wall, cpu = side.ask(
                    "merge",
                    inbox,
                    args.province,
                    args.workers,
                    temp / f"{task}-{name}-{run}.xlsx",
                    int(task == "merge-library"),
                )
            finally:
                side.close()
            got[name].append((wall, cpu))
        print(f"{task} {run + 1}/{args.merges} done", file=sys.stderr, flush=True)
    return got


_LABELS = {
    "check": "read+check, per file (1 process)",
    "templates": "templates, per file (1 process)",
    "merge": "province merge, {n} cards, {w} workers",
    "merge-library": "the same, as a library call",
}


def _report(
    args: argparse.Namespace,
    tasks: list[str],
    figures: dict[str, dict[str, list[Timing]]],
    layouts: dict[str, str],
) -> None:
    print(
        f"this revision ({layouts.get('now', '?')}) against {args.baseline} "
        f"({layouts.get('base', '?')}), in the same run: per file, {args.rounds} passes over "
        f"the cards in blocks of {args.block}, the two processes in turns; merges, "
        f"{args.merges} of each in fresh processes, in turns. Medians; a ratio is the median "
        "of the paired ratios (block by block, merge by merge), with their middle half; CPU: "
        "the process's and its workers' CPU time, which other load on the machine inflates less"
    )
    print(
        f"| measure | this revision | {args.baseline} | ratio | middle half | "
        "CPU ratio | middle half |"
    )
    print("|---|---:|---:|---:|---|---:|---|")
    worst = 0.0
    for task in tasks:
        now, base = figures[task]["now"], figures[task]["base"]
        low, ratio, high = paired(now, base)
        cpu_low, cpu_ratio, cpu_high = paired(now, base, which=1)
        worst = max(worst, ratio)
        per_file = task in ("check", "templates")

        def show(runs: list[Timing], per_file: bool = per_file) -> str:
            middle = statistics.median(r[0] for r in runs)
            return f"{middle * 1000:.2f} ms" if per_file else f"{middle:.2f} s"

        label = _LABELS[task].format(n=args.province, w=args.workers)
        print(
            f"| {label} | {show(now)} | {show(base)} | {ratio:.2f}× | {low:.2f}–{high:.2f} | "
            f"{cpu_ratio:.2f}× | {cpu_low:.2f}–{cpu_high:.2f} |"
        )
    verdict = "none" if worst <= 1.10 else "SOME"
    print(f"slower than the baseline by more than 10% (wall): {verdict} (worst {worst:.2f}×)")


if __name__ == "__main__":
    sys.exit(main())
