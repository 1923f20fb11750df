"""What the command refuses before it reads anything: an output whose name does not fit what
is written into it, a folder where a file belongs and a file where a folder belongs; and an
operating-system error said in the user's language, naming the path.

Every command that writes calls :func:`output_file` for each file it writes and
:func:`output_folder` for each folder it fills, so the same mistake gets the same answer
whichever command it is made with.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from ..errors import ThiduaError
from ..words.messages import MESSAGES, Message

__all__ = ["output_file", "output_folder", "system_error"]


def output_file(path: str | Path, suffix: str = ".xlsx") -> None:
    """Refuse ``path`` as the name of a ``suffix`` file: a folder, or another extension
    (``-o tong-hop.csv`` would be a workbook named .csv, which no one could open)."""
    given = Path(path)
    example = f"{given.stem or 'ket-qua'}{suffix}"
    if given.is_dir():
        example = str(given / f"ket-qua{suffix}")
        raise ThiduaError("error.output_is_folder", path=str(path), ext=suffix, example=example)
    if given.suffix.lower() != suffix:
        example = str(given.with_name(f"{given.stem}{suffix}")) if given.name else example
        raise ThiduaError("error.output_extension", path=str(path), ext=suffix, example=example)


def output_folder(path: str | Path) -> None:
    """Refuse ``path`` as a folder to write into when it is an existing file."""
    if os.path.lexists(path) and not Path(path).is_dir():
        raise ThiduaError("error.output_is_file", path=str(path))


def system_error(exc: OSError) -> ThiduaError:
    """An operating-system error (permission denied, disk full, no such folder…) as an error
    in the user's words, naming the path it was about."""
    path = exc.filename if exc.filename is not None else ""
    code = f"os.{errno.errorcode.get(exc.errno or 0, '')}"
    reason = (
        Message(code)
        if code in MESSAGES
        else Message("os.other", detail=exc.strerror or type(exc).__name__)
    )
    return ThiduaError("error.system", path=os.fsdecode(path) or "?", reason=reason)
