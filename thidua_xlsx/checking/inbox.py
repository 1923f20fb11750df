"""The files of an inbox: the files given, and every entry inside the folders given."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from ..runtime.folder_walk import walk_entries

__all__ = ["LOCK_FILE_MAX", "collect_files"]


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files given, and every entry inside folders, sorted by name so runs are repeatable.

    Every entry in a folder is accounted for, a name starting with a dot included (it may be
    a unit's, or planted): real subfolders are walked; everything else is returned for the
    reader to accept or refuse (a link to a file is read as the file; a broken link, a link
    loop, a link to a folder, a pipe, a device, a socket are refused with their own codes).
    Links to folders are never followed, so the walk has no loops and stays inside the inbox.
    Skipped is only what programs leave beside files, and only when it is a regular file:
    Excel's and LibreOffice's (small) lock files, macOS's ``.DS_Store`` and ``._`` copies,
    Windows's ``Thumbs.db`` and ``desktop.ini``. A folder that cannot be listed is returned
    itself, so that it too ends in the result with its reason."""
    found: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():  # a folder named on the command line is walked, even through a link
            entries = [
                entry if isinstance(entry, Path) else Path(entry.path)
                for entry in walk_entries(path)
                if isinstance(entry, Path) or not _noise(entry)
            ]
            found += sorted(entries, key=_path_order)
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def _path_order(path: Path) -> tuple[str, ...]:
    """The order of ``sorted(paths)`` (part by part; case-folded on Windows) as a tuple of
    strings, which compares in C: 50,000 paths sort in a tenth of the time."""
    return path.parts if isinstance(path, PurePosixPath) else tuple(p.lower() for p in path.parts)


_NOISE = re.compile(r"\._.*|\.DS_Store|Thumbs\.db|desktop\.ini", re.IGNORECASE)
_LOCK = re.compile(r"~\$.*|\.~lock\..*#", re.IGNORECASE)
LOCK_FILE_MAX = 4096  # bytes; Excel's owner file is 165, LibreOffice's a line of text


def _noise(entry: os.DirEntry[str]) -> bool:
    """What programs leave beside files; only a regular file is ever noise (a pipe or a link
    named like a lock file is accounted for), and a lock file only when it is small."""
    name = entry.name
    lock = _LOCK.fullmatch(name) is not None
    if not lock and _NOISE.fullmatch(name) is None:
        return False
    try:
        if not entry.is_file(follow_symlinks=False):
            return False
        return not lock or entry.stat(follow_symlinks=False).st_size <= LOCK_FILE_MAX
    except OSError:
        return False
