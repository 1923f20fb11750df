"""Atomic output: write to a temporary file beside the target, then rename over it.

An interrupted or failed write leaves the previous file as it was and no temporary file behind.
The time stamped into outputs is ``SOURCE_DATE_EPOCH`` when set (the reproducible-builds
convention), so two runs over the same inbox can give byte-identical files.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from ..errors import OutputError

__all__ = ["atomic_output", "output_time"]


def output_time() -> datetime:
    """Now, or ``SOURCE_DATE_EPOCH`` (seconds since 1970, UTC) when the environment sets it."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC)


@contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces ``target`` in one rename.

    On any failure the temporary file is removed and ``target`` is left as it was.
    """
    folder = target.parent
    temp: Path | None = None
    try:
        # made inside the ``try``: a Ctrl-C right after it still has the file removed
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handle, temp_name = tempfile.mkstemp(
                prefix=f".{target.stem[:40]}.", suffix=target.suffix + ".tmp", dir=folder
            )
        except OSError as exc:
            raise OutputError(str(folder), exc) from exc
        temp = Path(temp_name)
        os.close(handle)
        yield temp
        os.chmod(temp, 0o666 & ~_umask())  # mkstemp makes 0600; give the usual permissions
        os.replace(temp, target)
    except Exception as exc:
        if temp is None:  # no temporary file: the folder's error, said already
            raise
        _remove(temp)
        # disk full, the target is a folder… (XlsxWriter wraps the OSError it met)
        cause = exc if isinstance(exc, OSError) else (exc.__cause__ or exc.__context__)
        if isinstance(cause, OSError):
            raise OutputError(str(target), cause) from exc
        raise
    except BaseException:  # Ctrl-C (KeyboardInterrupt), SystemExit…: the same cleaning
        _remove(temp)
        raise


def _remove(temp: Path | None) -> None:
    if temp is not None:
        temp.unlink(missing_ok=True)


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current
