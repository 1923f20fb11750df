"""Outputs never replace or join the inputs (SPEC §9). Checked before anything is read or
written: :func:`check_outputs` raises :class:`~thidua_xlsx.errors.OutputOverlapsInputError`
when

* an output file is an input file (same real path, or the same file through a link),
* an output file or folder lies inside an input folder, or is one,
* an output folder is the folder that directly holds an input file (the copies written there
  would be read with the inputs next time).

Paths are compared as real paths (``..`` and symbolic links resolved), and existing files by
identity (:func:`os.path.samefile`), so neither a link nor a detour gets around the rule. It
only looks at the paths: nothing is created, read or written.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ..errors import OutputOverlapsInputError
from .folder_walk import walk_entries

__all__ = ["check_outputs"]


def check_outputs(
    inputs: Iterable[str | Path],
    output_files: Iterable[str | Path] = (),
    output_folders: Iterable[str | Path] = (),
) -> None:
    """Raise :class:`OutputOverlapsInputError` when an output would touch an input.

    ``inputs`` are files or folders (a folder stands for everything under it); a path that
    does not exist is taken as a file.
    """
    files: dict[str, Path] = {}  # real path → the input as given
    folders: dict[str, Path] = {}
    holders: dict[str, Path] = {}  # real folder holding an input file → that file
    parents: dict[str, str] = {}  # real paths of the folders holding the inputs, cached
    for given in dict.fromkeys(Path(p) for p in inputs):
        if given.is_dir():
            folders.setdefault(_real(given), given)
            continue
        real = _real_file(given, parents)
        files.setdefault(real, given)
        holders.setdefault(os.path.dirname(real), given)
    for output in (Path(p) for p in output_files):
        real = _real(output)
        clash = files.get(real) or _same_file(output, files.values(), folders.values())
        if clash is not None:
            raise OutputOverlapsInputError(str(output), str(clash), "same")
        folder = _containing(real, folders)
        if folder is not None:
            raise OutputOverlapsInputError(str(output), str(folder), "inside")
    for output in (Path(p) for p in output_folders):
        real = _real(output)
        folder = _containing(real, folders)
        if folder is not None:
            same = _real(folder) == real
            raise OutputOverlapsInputError(str(output), str(folder), "same" if same else "inside")
        holder = holders.get(real) or _holder(output, holders)
        if holder is not None:
            raise OutputOverlapsInputError(str(output), str(holder), "beside")
        if real in files or _same_file(output, files.values(), ()) is not None:
            raise OutputOverlapsInputError(str(output), str(files.get(real, output)), "same")


def _real(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))


def _real_file(path: Path, parents: dict[str, str]) -> str:
    """The real path of an input file; its folder resolved once for all files in it (one
    system call per file, not one per part of the path: an inbox may hold 50,000 files)."""
    if path.is_symlink():
        return _real(path)
    parent = str(path.parent)
    real_parent = parents.get(parent)
    if real_parent is None:
        real_parent = parents[parent] = _real(path.parent)
    return os.path.join(real_parent, os.path.normcase(path.name))


def _containing(real: str, folders: dict[str, Path]) -> Path | None:
    """The input folder that is ``real`` or holds it, at any depth."""
    probe = real
    while True:
        found = folders.get(probe)
        if found is not None:
            return found
        parent = os.path.dirname(probe)
        if parent == probe:
            return None
        probe = parent


def _same_file(output: Path, candidates: Iterable[Path], folders: Iterable[Path]) -> Path | None:
    """An existing input that is the existing ``output`` itself under another name (a hard
    link): among the input files, and, when the output has other names at all, among the
    files inside the input folders."""
    try:
        target = output.stat()
    except OSError:
        return None
    for candidate in candidates:  # os.path.samefile, with the output's stat taken once
        try:
            info = candidate.stat()
        except OSError:
            continue
        if (info.st_dev, info.st_ino) == (target.st_dev, target.st_ino):
            return candidate
    if target.st_nlink < 2:
        return None
    for folder in folders:
        found = _find_inode(folder, target)
        if found is not None:
            return found
    return None


def _find_inode(top: Path, target: os.stat_result) -> Path | None:
    """A file under ``top`` that is ``target`` (links to folders not followed, folders that
    cannot be listed skipped)."""
    for entry in walk_entries(top):
        if isinstance(entry, Path):
            continue
        try:
            same_inode = entry.inode() == target.st_ino
            if same_inode and entry.stat(follow_symlinks=False).st_dev == target.st_dev:
                return Path(entry.path)
        except OSError:
            continue
    return None


def _holder(output: Path, holders: dict[str, Path]) -> Path | None:
    """An input file directly inside the existing folder ``output`` reached another way (a
    bind mount, a case-insensitive disk): the folders compared by identity."""
    if not output.is_dir():
        return None
    for folder, given in holders.items():
        try:
            if os.path.samefile(folder, output):
                return given
        except OSError:
            continue
    return None
