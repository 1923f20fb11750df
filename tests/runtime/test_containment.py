"""Containment (issue 13): a file that crashes, exhausts or hangs the reading library costs only
itself. The crash kinds are simulated without an exploit, by readers that misbehave on purpose
(they run in forked workers, so a patch made here goes along): one calls ``os.abort()`` (as Rust
does when an allocation fails), one dereferences a null pointer, one allocates without bound,
one never returns. Every other file is still accounted for, and no process is left behind."""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from thidua_xlsx import load_campaign
from thidua_xlsx.checking.run import run_check
from thidua_xlsx.intake.reader import ReturnedFileReader
from thidua_xlsx.runtime.containment import ReadLimits, run_contained

from conftest import ROOT, SEED_003

pytestmark = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods() or not sys.platform.startswith("linux"),
    reason="the misbehaving readers reach forked workers; the parent tie is Linux's",
)

INBOX = ROOT / "samples" / "inbox-nhon-hung"
REAL_READ = ReturnedFileReader.read


def misbehave(name: str) -> None:
    """What a broken file could make a native reading library do, by the file's name."""
    if name.startswith("abort"):
        os.abort()
    if name.startswith("segfault"):
        ctypes.string_at(0)
    if name.startswith("hog"):
        chunks = []
        for _ in range(64):  # 8 GB if nothing stops it: the worker's limit must
            chunks.append(bytearray(128 * 1024 * 1024))
    if name.startswith("hang"):
        while True:
            time.sleep(0.01)


def misbehaving_read(reader: ReturnedFileReader, path: Path) -> object:
    misbehave(path.name)
    return REAL_READ(reader, path)


def children() -> set[int]:
    """Processes whose parent is this one (from /proc)."""
    return _children_of(os.getpid())


def _children_of(parent: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[1]) == parent and fields[0] != "Z":
            found.add(int(entry.name))
    return found


def _inbox(tmp_path: Path, bad: list[str]) -> Path:
    inbox = tmp_path / "inbox"
    shutil.copytree(INBOX, inbox)
    card = INBOX / "NH-CA-cong-an-phuong.xlsx"
    for name in bad:
        shutil.copy(card, inbox / name)
    return inbox


def test_a_pool_survives_every_crash_kind() -> None:
    """The pool alone: each kind is one rejected entry with its code; the order is kept."""

    def job(path: Path) -> str:
        misbehave(path.name)
        return f"ok {path.name}"

    names = ["a", "abort-1", "b", "segfault-1", "c", "hog-1", "d", "hang-1", "e", "abort-2"]
    before = children()
    results = run_contained(
        job,
        lambda path, code, detail: f"{code} {path.name} {detail}",
        [Path(n) for n in names],
        workers=2,
        limits=ReadLimits(memory_mb=256, seconds=2),
    )
    assert [r.split()[1] for r in results] == names
    codes = dict(zip(names, (r.split()[0] for r in results), strict=True))
    assert {n for n, c in codes.items() if c == "ok"} == {"a", "b", "c", "d", "e"}
    assert codes["abort-1"] == codes["abort-2"] == codes["segfault-1"] == "file_reader_crashed"
    assert "SIGABRT" in results[1] and "SIGSEGV" in results[3]
    assert codes["hog-1"] == "file_reader_crashed"  # stopped at its limit, not at 8 GB
    assert codes["hang-1"] == "file_read_timeout"
    assert children() == before


def test_workers_collect_their_own_garbage_inside_a_bulk_run() -> None:
    """Workers forked while this process's collector is paused (the command's bulk run) turn
    theirs back on: reference cycles a reading library leaves behind are freed there, file
    after file."""
    import gc

    from thidua_xlsx.runtime.bulk import bulk_run

    def job(path: Path) -> tuple[str, bool]:
        return path.name, gc.isenabled()

    with bulk_run():
        results = run_contained(
            job, lambda path, code, detail: (code, False), [Path("a"), Path("b")], workers=2
        )
    assert results == [("a", True), ("b", True)]


def test_files_read_before_a_crash_in_the_same_batch_are_not_lost() -> None:
    """Results come back a batch at a time: a worker that dies in the middle of a batch has
    read some files whose results it never sent; they are read again by another worker."""

    def job(path: Path) -> str:
        misbehave(path.name)
        return f"ok {path.name} {os.getpid()}"

    names = [f"card-{i:03}" for i in range(300)]
    names[101], names[202] = "abort-in-a-batch", "hang-in-a-batch"
    results = run_contained(
        job,
        lambda path, code, detail: f"{code} {path.name} -",
        [Path(n) for n in names],
        workers=2,
        limits=ReadLimits(seconds=2),
    )
    assert [r.split()[1] for r in results] == names
    assert results[101].startswith("file_reader_crashed")
    assert results[202].startswith("file_read_timeout")
    assert all(r.startswith("ok") for i, r in enumerate(results) if i not in (101, 202))
    assert len({r.split()[2] for r in results if r.startswith("ok")}) >= 3  # workers replaced


def test_a_result_that_cannot_come_back_is_one_rejected_file() -> None:
    """A job that raises, and one whose result cannot be sent back (as when memory runs out
    while it is packed): that file is rejected, the others come back, the run ends."""

    def job(path: Path) -> object:
        if path.name == "unsendable":
            return lambda: 0  # cannot be pickled
        if path.name == "raises":
            raise MemoryError
        return f"ok {path.name}"

    names = [f"card-{i:02}" for i in range(40)]
    names[5], names[17] = "unsendable", "raises"
    results = run_contained(
        job,
        lambda path, code, detail: f"{code} {path.name} {detail}",
        [Path(n) for n in names],
        workers=2,
        limits=ReadLimits(seconds=5),
    )
    assert [r.split()[1] for r in results] == names  # type: ignore[union-attr]
    assert str(results[5]).startswith("file_reader_crashed unsendable")
    assert str(results[17]).startswith("file_reader_crashed raises MemoryError")
    assert sum(str(r).startswith("ok") for r in results) == 38


@pytest.mark.parametrize("workers", [1, 2])
def test_a_run_accounts_for_every_file_when_readers_crash(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, workers: int
) -> None:
    """Through run_check: the sample ward's 15 files plus four that break the reader."""
    monkeypatch.setattr(ReturnedFileReader, "read", misbehaving_read)
    bad = ["abort.xlsx", "segfault.xlsx", "hog.xlsx", "hang.xlsx"]
    inbox = _inbox(tmp_path, bad)
    campaign = load_campaign(SEED_003)
    clean = run_check(campaign, [INBOX])
    before = children()
    report = run_check(
        campaign, [inbox], workers=workers, limits=ReadLimits(memory_mb=256, seconds=3)
    )
    assert children() == before
    by_name = {f.path.name: f for f in report.files}
    assert sorted(by_name) == sorted([p.name for p in INBOX.iterdir()] + bad)
    for name in bad:
        assert by_name[name].unit is None and not by_name[name].accepted
    assert [i.code for i in by_name["abort.xlsx"].issues] == ["file_reader_crashed"]
    assert [i.code for i in by_name["segfault.xlsx"].issues] == ["file_reader_crashed"]
    assert [i.code for i in by_name["hog.xlsx"].issues] in (
        ["file_reader_crashed"],
        ["file_check_failed"],  # Python's MemoryError, caught in the worker
    )
    assert [i.code for i in by_name["hang.xlsx"].issues] == ["file_read_timeout"]
    for good in clean.files:  # the good files come out as they do without the bad ones
        assert by_name[good.path.name].card == good.card
        assert [(i.code, i.cell, i.value) for i in by_name[good.path.name].issues] == [
            (i.code, i.cell, i.value) for i in good.issues
        ]


def test_ctrl_c_in_the_parent_stops_busy_workers() -> None:
    def job(path: Path) -> str:
        if path.name != "first":
            while True:
                time.sleep(0.01)
        return "done"

    def progress(done: int, total: int) -> None:
        raise KeyboardInterrupt

    before = children()
    with pytest.raises(KeyboardInterrupt):
        run_contained(
            job,
            lambda path, code, detail: code,
            [Path("first"), Path("second"), Path("third")],
            workers=2,
            progress=progress,
        )
    assert children() == before


def test_no_worker_outlives_a_killed_parent(tmp_path: Path) -> None:
    """The parent is killed with SIGKILL while its workers read (one of them hangs): the
    workers die with it, and a caller reading its output is not kept waiting."""
    inbox = _inbox(tmp_path, ["hang.xlsx"])
    for index in range(200):  # enough for two workers
        shutil.copy(INBOX / "NH-CA-cong-an-phuong.xlsx", inbox / f"copy-{index:03}.xlsx")
    script = textwrap.dedent(
        f"""
        import sys, time
        sys.path[:0] = [{str(ROOT / "tests")!r}, {str(ROOT / "tests" / "runtime")!r}]
        from pathlib import Path
        from thidua_xlsx.intake.reader import ReturnedFileReader
        import test_containment
        ReturnedFileReader.read = test_containment.misbehaving_read
        from thidua_xlsx import load_campaign
        from thidua_xlsx.checking.run import run_check
        print("started", flush=True)
        run_check(load_campaign({str(SEED_003)!r}), [{str(inbox)!r}], workers=2)
        """
    )
    parent = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert parent.stdout is not None
    assert parent.stdout.readline().strip() == b"started"
    workers: set[int] = set()
    deadline = time.monotonic() + 20
    while len(workers) < 2 and time.monotonic() < deadline:
        workers = _children_of(parent.pid)
        time.sleep(0.05)
    assert len(workers) == 2
    parent.send_signal(signal.SIGKILL)
    parent.communicate(timeout=20)  # no worker holds our pipes open
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return state[state.rindex(")") + 2] != "Z"


def test_a_campaign_workbook_that_crashes_the_reader_ends_in_a_sentence(tmp_path: Path) -> None:
    """The campaign workbook is read in a worker too: one value at XFD1048576 on its first
    sheet would make python-calamine allocate 512 GB (and Rust abort the process)."""
    import io
    import zipfile

    from thidua_xlsx.faces.cli import main

    hostile = tmp_path / "dot-thi-dua.xlsx"
    far = b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'
    with zipfile.ZipFile(SEED_003) as source, zipfile.ZipFile(hostile, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>", far, 1)
            target.writestr(info, data)
    out = io.StringIO()
    assert main(["show", str(hostile)], out=out) == 2
    message = out.getvalue().strip()
    assert "file_reader_crashed" in message and len(message.splitlines()) == 1
    assert children() == set()
