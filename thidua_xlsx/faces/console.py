"""The ``thidua`` command's first moments: Ctrl-C is answered from the start, in one sentence.

Loading the command's modules takes a noticeable moment, and a Ctrl-C then must not show a
traceback. This module loads only small parts of the standard library, sets up the handling of
Ctrl-C, and only then loads the command line (:mod:`thidua_xlsx.faces.cli`).

On Ctrl-C the run stops: what was being written is removed (see
:mod:`thidua_xlsx.runtime.atomic`), one
sentence is printed in the user's language and the exit code is 130 (128 + SIGINT, as shells
report it). A second Ctrl-C while the run cleans up is ignored, so the cleaning finishes; once
the run is over, another one ends the process at once, silently. A Ctrl-C that lands where
Python cannot raise it (an at-fork or ``__del__`` callback) is sent again, not lost; a worker
process forked from this one leaves Ctrl-C to it.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import sys
from collections.abc import Callable, Sequence
from types import FrameType
from typing import Any, NoReturn, TextIO

__all__ = ["EXIT_INTERRUPTED", "INTERRUPTED", "quiet_closed_pipe", "run", "say_interrupted"]

EXIT_INTERRUPTED = 130
# The one interface text outside thidua_xlsx.words.messages: it must be said even when the
# Ctrl-C stopped the package's modules while they loaded, so this module imports none of them.
INTERRUPTED = {
    "vi": "Đã dừng theo yêu cầu (Ctrl-C); các tệp đã ghi trước đó không bị thay đổi.",
    "en": "Stopped on request (Ctrl-C); files written before are unchanged.",
}


def run(argv: Sequence[str] | None = None) -> NoReturn:
    """Console-script entry point (also ``python -m thidua_xlsx``)."""
    args = list(sys.argv[1:] if argv is None else argv)
    code: int | str | None = EXIT_INTERRUPTED
    try:
        try:
            _state.owner = os.getpid()
            _state.running = True
            _on_sigint(_first_interrupt)
            # the last exit handler (registered first): after it the interpreter tears itself
            # down and puts the system's default back (a Ctrl-C then would kill it, and the
            # exit code would be lost)
            atexit.register(_on_sigint, signal.SIG_IGN)
            sys.unraisablehook = _Unraisable(sys.unraisablehook)
            from .cli import main  # the long moment: every module the command uses

            code = main(args)
        finally:
            # no KeyboardInterrupt from here on: nothing outside would catch it
            _state.running = False
            _on_sigint(signal.SIG_IGN)
    except KeyboardInterrupt:
        code = EXIT_INTERRUPTED
        say_interrupted(sys.stderr, language(args))
    except SystemExit as exc:  # --help, --version, a command the parser refused
        code = exc.code
    _leave(code)


def say_interrupted(stream: TextIO, lang: str) -> None:
    """The one sentence; on a terminal it replaces the ``^C`` and any progress bar drawn."""
    with contextlib.suppress(OSError, ValueError):  # stderr closed: nothing more to say
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and encoding != "utf8":
            reconfigure(encoding="utf-8", errors="replace")
        start = "\r\x1b[K" if stream.isatty() else ""
        stream.write(f"{start}{INTERRUPTED[lang]}\n")
        stream.flush()


def quiet_closed_pipe() -> None:
    """The reader of the output left (``thidua check … | head -1``): what is still buffered
    goes nowhere, so neither the exit nor the interpreter's last flush reports it."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError, AttributeError):
                os.dup2(devnull, stream.fileno())
        os.close(devnull)


def language(args: Sequence[str]) -> str:
    """``--lang`` as the command line will read it (the last one given), else ``THIDUA_LANG``;
    read here before the arguments are parsed, for a Ctrl-C that comes first."""
    lang = ""
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(args):
            lang = args[index + 1]
        elif arg.startswith("--lang="):
            lang = arg.partition("=")[2]
    lang = lang or os.environ.get("THIDUA_LANG", "vi")
    return "en" if lang == "en" else "vi"


class _State:
    owner = 0  # the process running the command (not a worker forked from it)
    running = False  # the command runs: a Ctrl-C stops it


_state = _State()


def _first_interrupt(signum: int, frame: FrameType | None) -> None:
    """Stop the run; a second Ctrl-C must not interrupt the cleaning up this one starts."""
    if os.getpid() != _state.owner:  # a worker forked from here, before it set itself up:
        _on_sigint(signal.SIG_IGN)  # Ctrl-C is the parent's to handle
        return
    _on_sigint(signal.SIG_IGN)
    raise KeyboardInterrupt


class _Unraisable:
    """Python only reports an exception raised where it cannot be raised on (an at-fork or
    ``__del__`` callback: a Ctrl-C can land there). Such a Ctrl-C is not lost nor shown as a
    traceback: it is sent again a moment later (from a timer thread, once the callback is
    over), to stop the run where it can."""

    def __init__(self, previous: Callable[[Any], object]) -> None:
        self.previous = previous

    def __call__(self, unraisable: Any) -> None:
        if not issubclass(unraisable.exc_type, KeyboardInterrupt):
            self.previous(unraisable)
        elif os.getpid() == _state.owner and _state.running:
            import _thread
            import threading

            _on_sigint(_first_interrupt)
            again = threading.Timer(0.01, _thread.interrupt_main, (signal.SIGINT,))
            again.daemon = True
            again.start()


def _leave(code: int | str | None) -> NoReturn:
    """Exit with ``code``; a Ctrl-C from now until the exit handlers are done (a flush
    waiting on a full pipe included) ends the process at once, with the same code."""
    status = code if isinstance(code, int) else (0 if code is None else 1)

    def now(signum: int, frame: FrameType | None) -> None:
        os._exit(status)

    _on_sigint(now)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:  # the reader left (``| head``): nothing more to say
            quiet_closed_pipe()
        except (OSError, ValueError, AttributeError):
            pass
    # CPython marks a KeyboardInterrupt that left code run by exec() of a string (dataclasses
    # makes its methods so, while the modules load) and, after ``python -m``, ends the process
    # by SIGINT instead of with this code; exec() of a string clears the mark
    exec("None")
    sys.exit(code)


def _on_sigint(handler: signal.Handlers | Callable[[int, FrameType | None], None]) -> None:
    with contextlib.suppress(ValueError):  # not the main thread (embedded): leave it as is
        signal.signal(signal.SIGINT, handler)
