"""Memory of this process and its workers (Linux /proc), for the benchmarks."""

from __future__ import annotations

import os
import threading

__all__ = ["Sampler", "children", "memory_kib"]


def memory_kib(pid: int) -> int:
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


def children(pid: int) -> list[int]:
    """The processes ``pid`` started (its workers), from /proc."""
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as f:
                found += [int(c) for c in f.read().split()]
    except OSError:
        pass
    return found


class Sampler(threading.Thread):
    """The memory of this process and its workers together, every 0.1 s (Linux /proc)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_kib = 0
        self.stop = threading.Event()

    def run(self) -> None:
        me = os.getpid()
        while not self.stop.wait(0.1):
            total = memory_kib(me) + sum(memory_kib(c) for c in children(me))
            self.peak_kib = max(self.peak_kib, total)
