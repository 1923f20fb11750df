"""Pausing Python's cyclic garbage collector over bulk work (pure: no spreadsheet library).

A merge holds tens of thousands of results, and each is a few hundred objects that live on.
Every full collection walks all of them, and full collections come each time the number of
live objects grows by a quarter: while results pour in, or while a summary's millions of
cells are written, the collector would spend seconds finding nothing. Our results and cells
hold no reference cycles, so pausing it loses nothing; it runs again afterwards.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic collector off inside the block, and back on after it if it was on."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
