"""A progress bar for long runs on a terminal; silent when the output is not a terminal."""

from __future__ import annotations

import time
from typing import TextIO

__all__ = ["ProgressBar"]


class ProgressBar:
    """Call with (done, total). Draws at most ~10 times a second, only on a terminal."""

    def __init__(self, stream: TextIO, label: str, min_total: int = 20) -> None:
        self.stream = stream
        self.label = label
        self.enabled = bool(getattr(stream, "isatty", lambda: False)())
        self.min_total = min_total
        self._last = 0.0

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total < self.min_total:
            return
        now = time.monotonic()
        if done < total and now - self._last < 0.1:
            return
        self._last = now
        width = 30
        filled = width * done // total
        bar = "█" * filled + "·" * (width - filled)
        end = "\n" if done >= total else ""
        self.stream.write(f"\r{self.label} {bar} {done}/{total}{end}")
        self.stream.flush()
