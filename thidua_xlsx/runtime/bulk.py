"""The bulk-run context: how a whole command runs (pure: no spreadsheet library).

A merge holds tens of thousands of results, each a few hundred objects that live on to the
end. Python's cyclic garbage collector makes a full collection each time the number of live
objects has grown by a quarter, and every full collection walks all of them: while results
pour in, or while a summary's millions of cells are written, it would spend seconds finding
nothing (our results and cells hold no reference cycles). A country's merge (50,000 cards)
is where this counts; see docs/benchmarks.md.

So the faces (the ``thidua`` command, the demo) run each bulk command inside
:func:`bulk_run`; the library's functions never touch the collector themselves, and leave it
as they found it. A caller of the library with as much work may do the same::

    with bulk_run():
        report = merge_rank(campaign, [inbox])
        write_summary("tong-hop.xlsx", report)

Worker processes forked inside the block turn the collector back on for themselves
(:mod:`thidua_xlsx.runtime.containment`).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["bulk_run"]


@contextmanager
def bulk_run() -> Iterator[None]:
    """The cyclic collector paused inside the block; on leaving it, by the end of the block or
    by an exception, the collector is as it was.

    Blocks nest: an inner block finds the collector paused and leaves it so; the outermost
    one turns it back on (if it was on before)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
