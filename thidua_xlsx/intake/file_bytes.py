"""A returned file's bytes, read once and bounded (SPEC §9).

Only a regular file is read (a link to one is read as the file), through one descriptor, and
never past :data:`MAX_FILE_BYTES`; anything else is refused with its own issue code before a
byte is read.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ..errors import UnusableFileError

__all__ = ["MAX_FILE_BYTES", "read_file_bytes"]

MAX_FILE_BYTES = 50 * 1024 * 1024


def read_file_bytes(path: Path) -> bytes:
    """The whole file, refused when empty or over ``MAX_FILE_BYTES`` (checked before reading,
    and again on what was read: the file may grow meanwhile). One descriptor, no buffering
    layer. Only a regular file is read (a link to one is read as the file): a folder, a pipe,
    a device, a socket is refused before anything is read (``file_not_regular``), a broken
    link or a link loop has its own code (``file_link_broken``). The path is looked at before
    it is opened (opening a device may act, opening a pipe may wait), and the open descriptor
    again; opened without blocking, in case a pipe was put there in between."""
    data = b""
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISREG(mode):
            handle = os.open(path, _OPEN_FLAGS)
            try:
                info = os.fstat(handle)
                mode, size = info.st_mode, info.st_size
                if stat.S_ISREG(mode):
                    if size > MAX_FILE_BYTES:
                        raise _too_large(size)
                    data = os.read(handle, size + 1)
                    if len(data) > size:  # grown since: read on to the limit
                        chunks, read = [data], len(data)
                        while read <= MAX_FILE_BYTES:
                            chunk = os.read(handle, MAX_FILE_BYTES + 1 - read)
                            if not chunk:
                                break
                            chunks.append(chunk)
                            read += len(chunk)
                        data = b"".join(chunks)
            finally:
                os.close(handle)
    except OSError as exc:
        if exc.errno == errno.ELOOP or (exc.errno in _GONE and os.path.islink(path)):
            raise UnusableFileError("file_link_broken", _link_target(path)) from exc
        raise UnusableFileError("file_unreadable", exc.strerror or str(exc)) from exc
    if not stat.S_ISREG(mode):
        raise _not_regular(path, mode)
    if not data:
        raise UnusableFileError("file_empty")
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(len(data))
    return data


_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
)
_GONE = (errno.ENOENT, errno.ENOTDIR)
_KINDS = (  # language-neutral words, named the same way in both texts of the message
    (stat.S_ISDIR, "directory"),
    (stat.S_ISFIFO, "FIFO"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "device"),
    (stat.S_ISBLK, "device"),
)


def _not_regular(path: Path, mode: int) -> UnusableFileError:
    kind = next((word for test, word in _KINDS if test(mode)), "?")
    if os.path.islink(path):
        kind = f"{kind} {_link_target(path)}"
    elif kind == "directory":  # folders in an inbox are walked: this one could not be listed
        try:
            os.scandir(path).close()
        except OSError as exc:
            return UnusableFileError("file_unreadable", exc.strerror or str(exc))
    return UnusableFileError("file_not_regular", kind)


def _link_target(path: Path) -> str:
    """``→ target`` of a symbolic link, printable and short (it is quoted in messages)."""
    try:
        target = os.readlink(path)
    except OSError:
        return ""
    shown = "".join(c if c.isprintable() else "?" for c in target)  # surrogates too
    return "→ " + (shown if len(shown) <= 120 else shown[:119] + "…")


def _too_large(size: int) -> UnusableFileError:
    return UnusableFileError("file_too_large", f"{size // (1024 * 1024)} MB")
