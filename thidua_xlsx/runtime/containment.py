"""Contained reading (SPEC §9): every returned file is read and checked in a worker process,
so that nothing a file does to the reading library can take the run down.

A guard that imitates a parser can be fooled; this is what backs it. Each worker runs with an
address-space limit (a file that makes the reading library allocate hundreds of gigabytes
costs that worker, not the machine) and each file with a time limit (a file that makes the
library loop is stopped). A worker that dies (a native abort, a segmentation fault, an
allocation failure, the kernel's out-of-memory killer) or runs out of time is replaced; the
file it was reading becomes one rejected file with a stable code (``file_reader_crashed``,
``file_read_timeout``) and the run goes on with the next file.

No worker outlives the process that started it, whatever ends that process: on Linux the
kernel kills a worker when its parent dies (``PR_SET_PDEATHSIG``, SIGKILL included); workers
also stop when their task pipe closes, and they never hold the caller's terminal or pipes
(their standard streams go to the null device), so a caller reading our output is never kept
waiting by a worker. Workers ignore Ctrl-C: the terminal sends it to the whole process group,
and the parent stops its workers itself.

This module knows nothing of scorecards: it runs ``job(path)`` for each path and asks
``failed(path, code, detail)`` for the result of a file that could not be read.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.context import ForkContext, SpawnContext
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Generic, TypeVar, cast

__all__ = ["DEFAULT_LIMITS", "ReadLimits", "run_contained"]

R = TypeVar("R")
Progress = Callable[[int, int], None]

CRASHED = "file_reader_crashed"
TIMED_OUT = "file_read_timeout"


@dataclass(frozen=True)
class ReadLimits:
    """What one file may cost while it is read and checked.

    ``memory_mb``: address space a worker may add to what it holds when it starts (a
    scorecard needs a few megabytes, a province's summary a few hundred); ``seconds``: the
    time one file may take (a scorecard takes about a millisecond, a province's summary a
    few seconds). The defaults suit a machine of 2 cores and 24 GB with two workers."""

    memory_mb: int = 3072
    seconds: float = 120.0

    def __post_init__(self) -> None:
        if self.memory_mb < 64 or self.seconds <= 0:
            raise ValueError(f"unusable read limits: {self}")


DEFAULT_LIMITS = ReadLimits()


def run_contained(
    job: Callable[[Path], R],
    failed: Callable[[Path, str, str], R],
    paths: Sequence[Path],
    workers: int,
    limits: ReadLimits = DEFAULT_LIMITS,
    progress: Progress | None = None,
) -> list[R]:
    """``job(path)`` for every path, each in a worker process, in the order of ``paths``.

    ``workers`` processes read at once (at least one); this process only hands out paths and
    collects results. A file whose worker dies gets ``failed(path, "file_reader_crashed",
    how)``, one that takes longer than ``limits.seconds`` ``failed(path, "file_read_timeout",
    …)``; the worker is replaced and the others go on. Raises only what this process itself
    meets (Ctrl-C): the workers are stopped first."""
    if not paths:
        return []
    pool = _Pool(job, failed, paths, max(1, min(workers, len(paths))), limits, progress)
    try:
        return pool.run()
    finally:
        pool.stop()


# -- the parent's side ----------------------------------------------------------------------


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    outstanding: deque[int]  # indexes sent, in order; the first is being read
    since: float  # when the first outstanding file started (its clock)
    finished: list[int] = field(default_factory=list)  # read; results come with the batch


class _Pool(Generic[R]):
    def __init__(
        self,
        job: Callable[[Path], R],
        failed: Callable[[Path, str, str], R],
        paths: Sequence[Path],
        count: int,
        limits: ReadLimits,
        progress: Progress | None,
    ) -> None:
        self.job, self.failed, self.paths = job, failed, paths
        self.limits, self.progress = limits, progress
        self.count = count
        # fork where the system has it (workers start at once, sharing what is loaded);
        # spawn elsewhere (the job must then be picklable)
        methods = multiprocessing.get_all_start_methods()
        self.context = cast(
            "ForkContext | SpawnContext",
            multiprocessing.get_context("fork" if "fork" in methods else "spawn"),
        )
        self.pending: deque[int] = deque(range(len(paths)))
        self.results: dict[int, R] = {}
        self.lost: dict[int, int] = {}  # index → times its result was lost with a worker
        self.workers: list[_Worker] = []
        # files per message: the results of a batch come back in one message, so numbers and
        # texts they share are sent (and kept here) once; few enough that the last batches
        # end together and a dead worker's files are quickly handed to another
        self.batch = max(1, min(32, len(paths) // (count * 8)))

    def run(self) -> list[R]:
        self.workers = [self._start() for _ in range(self.count)]
        total = len(self.paths)
        while len(self.results) < total:
            self._feed()
            now = time.monotonic()
            busy = [w for w in self.workers if w.outstanding]
            deadline = min((w.since + self.limits.seconds for w in busy), default=now + 1.0)
            ready = wait(
                [w.conn for w in self.workers] + [w.process.sentinel for w in self.workers],
                timeout=max(0.0, deadline - now) + 0.01,
            )
            for worker in list(self.workers):
                if worker.conn in ready:
                    self._receive(worker)
                if worker.process.sentinel in ready or not worker.process.is_alive():
                    self._ended(worker)
            now = time.monotonic()
            for worker in list(self.workers):
                if worker.outstanding and now - worker.since > self.limits.seconds:
                    self._timed_out(worker)
        return [self.results[index] for index in range(total)]

    def stop(self) -> None:
        """End every worker now (after a normal run they are idle; after Ctrl-C they may be
        reading): nothing is left behind."""
        for worker in self.workers:
            with contextlib.suppress(OSError):
                worker.conn.close()
            if worker.process.is_alive():
                worker.process.kill()
        for worker in self.workers:
            worker.process.join()
            worker.process.close()
        self.workers = []

    def _start(self) -> _Worker:
        parent_conn, child_conn = self.context.Pipe(duplex=True)
        process = self.context.Process(
            target=_worker_main,
            args=(child_conn, self.job, self.limits, os.getpid()),
            daemon=True,
            name="thidua-reader",
        )
        # Ctrl-C held back while the worker is made (it would land in fork's handlers): the
        # worker ignores it before letting it through, this process gets it right after
        with _sigint_held():
            process.start()
        child_conn.close()
        return _Worker(process, parent_conn, deque(), time.monotonic())

    def _feed(self) -> None:
        """Keep every worker with the file it reads and a batch waiting behind it."""
        for worker in self.workers:
            if not self.pending or len(worker.outstanding) > self.batch:
                continue
            batch = [self.pending.popleft() for _ in range(min(self.batch, len(self.pending)))]
            try:
                worker.conn.send([(index, self.paths[index]) for index in batch])
            except OSError:  # it died meanwhile: the files go back, _ended replaces it
                self.pending.extendleft(reversed(batch))
                continue
            if not worker.outstanding:
                worker.since = time.monotonic()
            worker.outstanding.extend(batch)

    def _receive(self, worker: _Worker) -> None:
        """Everything the worker has sent (it may have died after sending): the index of each
        file it finished, as it finishes it, then the batch's results together."""
        try:
            while worker.conn.poll():
                message = worker.conn.recv()
                if isinstance(message, int):  # a file read: the next one's clock starts
                    if worker.outstanding and worker.outstanding[0] == message:
                        worker.outstanding.popleft()
                        worker.finished.append(message)
                    worker.since = time.monotonic()
                    continue
                delivered = set()
                for index, result in message:
                    if isinstance(result, _Failed):
                        result = self.failed(self.paths[index], CRASHED, result.detail)
                    self._done(index, result)
                    delivered.add(index)
                worker.finished = [i for i in worker.finished if i not in delivered]
        except (EOFError, OSError):
            pass  # it died: its sentinel says so, and _ended deals with it

    def _done(self, index: int, result: R) -> None:
        self.results[index] = result
        if self.progress is not None:
            self.progress(len(self.results), len(self.paths))

    def _ended(self, worker: _Worker) -> None:
        self._receive(worker)  # what it finished before it died counts
        worker.process.join()
        code = worker.process.exitcode
        how = _how_it_ended(code)
        self._replace(worker, CRASHED, how)

    def _timed_out(self, worker: _Worker) -> None:
        worker.process.kill()
        worker.process.join()
        self._receive(worker)
        if not worker.outstanding:  # it finished just in time
            self._replace(worker, "", "")
            return
        self._replace(worker, TIMED_OUT, f"> {self.limits.seconds:g} s")

    def _replace(self, worker: _Worker, code: str, how: str) -> None:
        """The file it was reading (if any) is rejected; the rest go back to the queue, with
        the files it had read but whose results it had not sent yet."""
        blamed = bool(worker.outstanding and code)
        if blamed:
            index = worker.outstanding.popleft()
            self._done(index, self.failed(self.paths[index], code, how))
        for index in worker.finished if not blamed else ():
            # read, and the worker died with no file to blame, sending the results: twice,
            # and the results themselves are taken to kill workers
            self.lost[index] = self.lost.get(index, 0) + 1
            if self.lost[index] > 1:
                self._done(index, self.failed(self.paths[index], CRASHED, how))
        again = [i for i in worker.finished if i not in self.results]
        self.pending.extendleft(reversed([*again, *worker.outstanding]))
        with contextlib.suppress(OSError):
            worker.conn.close()
        worker.process.close()
        position = self.workers.index(worker)
        if self.pending or any(w.outstanding for w in self.workers if w is not worker):
            self.workers[position] = self._start()
        else:
            del self.workers[position]


def _how_it_ended(code: int | None) -> str:
    if code is None:
        return "?"
    if code < 0:
        try:
            return signal.Signals(-code).name
        except ValueError:
            return f"signal {-code}"
    return f"exit {code}"


# -- the worker's side ----------------------------------------------------------------------


def _worker_main(
    conn: Connection, job: Callable[[Path], object], limits: ReadLimits, parent: int
) -> None:
    _contain(limits, parent)
    while True:
        try:
            tasks = conn.recv()
        except (EOFError, OSError):
            os._exit(0)  # the parent is gone or done with us
        results: list[tuple[int, object]] = []
        try:
            for index, path in tasks:
                try:
                    results.append((index, job(path)))
                except BaseException as exc:
                    results.append((index, _Failed(_clip(exc))))
                conn.send(index)  # read: the parent restarts the clock for the next file
            _send_results(conn, results)
        except (OSError, EOFError):
            os._exit(0)


@dataclass(frozen=True)
class _Failed:
    """A file whose job raised, or whose result could not be sent back, in the worker."""

    detail: str


def _clip(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}"
    return text if len(text) <= 120 else text[:119] + "…"


def _send_results(conn: Connection, results: list[tuple[int, object]]) -> None:
    """The batch's results in one message; one by one when that fails (a result that cannot
    be pickled, or memory running out on the way), a result that still fails as _Failed."""
    try:
        conn.send(results)
        return
    except (OSError, EOFError):
        raise
    except BaseException:
        pass
    for index, result in results:
        try:
            conn.send([(index, result)])
        except (OSError, EOFError):
            raise
        except BaseException as exc:
            conn.send([(index, _Failed(_clip(exc)))])


@contextlib.contextmanager
def _sigint_held() -> Iterator[None]:
    """SIGINT blocked inside the block (where the system can block signals), delivered after."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _contain(limits: ReadLimits, parent: int) -> None:
    """Limits and ties set in a new worker before it reads anything."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if hasattr(signal, "pthread_sigmask"):  # held back while it was made (see _start)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    _die_with_parent(parent)
    _quiet_streams()
    _limit_memory(limits.memory_mb)
    import gc

    gc.enable()  # forked inside a bulk run, where the parent's collector is paused (bulk.py)


def _die_with_parent(parent: int) -> None:
    """Ask the kernel to kill this worker when its parent dies (Linux)."""
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the tie was made
        os._exit(0)


def _quiet_streams() -> None:
    """The worker's standard streams go to the null device: a native library's dying words
    never reach the user's terminal, and no worker holds the caller's pipes open (nor does
    Python's fault handler, which may hold a copy of the parent's error stream)."""
    import faulthandler

    faulthandler.disable()
    try:
        null = os.open(os.devnull, os.O_RDWR)
    except OSError:
        return
    for fd in (0, 1, 2):
        with contextlib.suppress(OSError):
            os.dup2(null, fd)
    os.close(null)


def _limit_memory(megabytes: int) -> None:
    """The address space this worker may grow by from now on (Unix)."""
    try:
        import resource
    except ImportError:  # Windows: no limit, the time limit and the worker still contain
        return
    used = _address_space()
    limit = used + megabytes * 1024 * 1024
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _address_space() -> int:
    """This process's address space now, in bytes (0 where the system does not say)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[0])
    except (OSError, ValueError, IndexError):
        return 0
    return pages * os.sysconf("SC_PAGE_SIZE")
