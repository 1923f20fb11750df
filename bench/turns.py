"""Measuring two things side by side on a noisy machine: each in a process of its own, the
processes taking turns over the same small blocks of work, so both see the same noise; then
the median of the paired ratios (bench/compare_layouts.py, bench/bench_optimisations.py)."""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

__all__ = ["Remote", "Timing", "cpu_seconds", "paired", "serve", "take_turns", "timed"]

Timing = tuple[float, float]  # wall seconds, CPU seconds


def serve(handler: object) -> None:
    """The measuring process's loop: one command per line on standard input (a method
    ``do_<name>`` of ``handler`` and its arguments, tab-separated), one line of JSON back."""
    print(json.dumps("ready"), flush=True)
    for line in sys.stdin:
        name, *argv = line.rstrip("\n").split("\t")
        print(json.dumps(getattr(handler, f"do_{name}")(*argv)), flush=True)


def timed(work: Callable[[], object]) -> list[float]:
    """Wall and CPU seconds of ``work()`` (CPU: this process and its ended child processes)."""
    t0, c0 = time.perf_counter(), cpu_seconds()
    work()
    return [time.perf_counter() - t0, cpu_seconds() - c0]


def cpu_seconds() -> float:
    """CPU seconds of this process and of its ended child processes (reading workers)."""
    return sum(
        usage.ru_utime + usage.ru_stime
        for usage in (
            resource.getrusage(resource.RUSAGE_SELF),
            resource.getrusage(resource.RUSAGE_CHILDREN),
        )
    )


class Remote:
    """A measuring process (``script --side ARGS…``, which calls :func:`serve`)."""

    def __init__(self, script: Path, argv: Sequence[str], cwd: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(script), "--side", *argv],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=cwd,
        )
        self._answer()  # "ready": imported and set up

    def ask(self, *command: object) -> Any:
        assert self.process.stdin is not None
        self.process.stdin.write("\t".join(str(c) for c in command) + "\n")
        self.process.stdin.flush()
        return self._answer()

    def _answer(self) -> Any:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            self.process.wait()
            raise SystemExit(f"a measuring process failed: {self.process.args}")
        return json.loads(line)

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait()


def take_turns(
    sides: dict[str, Remote],
    command: str,
    argv: dict[str, list[object]],
    count: int,
    block: int,
    passes: int,
) -> dict[str, list[Timing]]:
    """``command`` over items ``start:stop`` (``block`` at a time, ``passes`` times over the
    ``count`` items), every side in turn on the same block, the order rotating from block to
    block; the first block is run once beforehand on every side (warming up, not counted).
    Gives each side's wall and CPU seconds per item, block by block."""
    for name, side in sides.items():
        side.ask(command, *argv[name], 0, min(block, count))
    names = list(sides)
    per_item: dict[str, list[Timing]] = {name: [] for name in names}
    turn = 0
    for _ in range(passes):
        for start in range(0, count, block):
            stop = min(start + block, count)
            shift = turn % len(names)
            turn += 1
            for name in names[shift:] + names[:shift]:
                wall, cpu = sides[name].ask(command, *argv[name], start, stop)
                per_item[name].append((wall / (stop - start), cpu / (stop - start)))
    return per_item


def paired(these: list[Timing], those: list[Timing], which: int = 0) -> tuple[float, float, float]:
    """The paired ratios ``these / those`` (wall: ``which`` 0, CPU: 1): their lower quartile,
    median and upper quartile."""
    ratios = [a[which] / b[which] for a, b in zip(these, those, strict=True)]
    if len(ratios) < 2:
        return ratios[0], ratios[0], ratios[0]
    low, _, high = statistics.quantiles(ratios, n=4)
    return low, statistics.median(ratios), high
