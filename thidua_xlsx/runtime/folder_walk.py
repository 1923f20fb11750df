"""Walk a folder tree without following links to folders, so a walk has no loops and stays
inside the tree."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

__all__ = ["walk_entries"]


def walk_entries(top: Path) -> Iterator[os.DirEntry[str] | Path]:
    """Every entry under ``top`` but the real folders, which are walked in turn (a link to a
    folder is an entry like any other). A folder that cannot be listed is given as its
    path instead of its entries, for the caller to report or skip."""
    folders = [top]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                items = list(listing)
        except OSError:  # cannot be listed (permissions)
            yield folder
            continue
        for entry in items:
            try:
                real_folder = entry.is_dir(follow_symlinks=False)
            except OSError:
                real_folder = False
            if real_folder:
                folders.append(Path(entry.path))
            else:
                yield entry
