"""Ctrl-C at any moment: ``thidua`` stops with exit code 130 and one sentence, never a
traceback; an output that existed before is left byte for byte, and no temporary file stays.

The command runs as a person runs it, ``python -m thidua_xlsx`` in its own process group, and
SIGINT goes to the whole group as a terminal sends it. Delays are counted from the moment
Python has finished its own start-up (``site``, signalled by a ``usercustomize`` module put on
the child's path): before that no code of this package can run, and a Ctrl-C there is
Python's to report. Every case must really interrupt the command: a run that finished before
the signal is retried (with a shorter delay), never counted as a pass.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from thidua_xlsx.faces.console import INTERRUPTED

from conftest import ROOT, SEED_003

pytestmark = pytest.mark.skipif(
    not hasattr(os, "killpg"), reason="process groups and SIGINT are POSIX"
)

SAMPLES = ROOT / "samples" / "inbox-nhon-hung"
COPIES = 200  # of the 15 sample cards: a large inbox, read for a few seconds
ATTEMPTS = 6
SITE_DONE = "THIDUA_TEST_SITE_DONE"
USERCUSTOMIZE = f"""\
import os
_marker = os.environ.get({SITE_DONE!r})
if _marker:
    open(_marker, "w").close()
"""


@dataclass(frozen=True)
class Outcome:
    code: int | None
    stdout: str
    stderr: str

    @property
    def interrupted(self) -> bool:
        return self.code == 130

    @property
    def finished(self) -> bool:
        """Done before the signal came: nothing was tested."""
        return self.code in (0, 1) and "Traceback" not in self.stderr

    @property
    def too_early(self) -> bool:
        """Python's own start-up (running ``-m``: finding and loading the package and its
        entry module, a few milliseconds) was interrupted, before the command's entry
        (:func:`thidua_xlsx.faces.console.run`) began: Python's traceback, without that frame."""
        began = re.search(r'console\.py", line \d+, in run\b', self.stderr)
        return "Traceback" in self.stderr and began is None


@pytest.fixture(scope="module")
def hook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the ``usercustomize`` module that says when ``site`` is done."""
    folder = tmp_path_factory.mktemp("site-hook")
    (folder / "usercustomize.py").write_text(USERCUSTOMIZE)
    return folder


@pytest.fixture(scope="module")
def large_inbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample cards, each under ``COPIES`` names (hard links where the disk allows)."""
    inbox = tmp_path_factory.mktemp("large-inbox")
    for card in sorted(SAMPLES.iterdir()):
        for copy in range(COPIES):
            target = inbox / f"{copy:03d}-{card.name}"
            try:
                os.link(card, target)
            except OSError:
                shutil.copyfile(card, target)
    return inbox


@pytest.fixture(scope="module")
def previous_summary(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A summary written by an earlier, complete run: the output an interrupted run must
    leave as it was."""
    out = tmp_path_factory.mktemp("previous") / "out.xlsx"
    done = subprocess.run(
        [sys.executable, "-m", "thidua_xlsx", "merge", str(SEED_003), str(SAMPLES), "-o", str(out)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert done.returncode in (0, 1), done.stderr
    return out.read_bytes()


def _interrupt(
    args: Sequence[str], delay: float, hook: Path, marker: Path, second: float | None = None
) -> Outcome:
    """Run ``thidua ARGS``; send SIGINT to its group ``delay`` seconds after Python's start-up
    is done (and once more ``second`` seconds later, when given)."""
    marker.unlink(missing_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("THIDUA_DEBUG", "THIDUA_LANG")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(hook), env.get("PYTHONPATH")]))
    env[SITE_DONE] = str(marker)
    # files, not pipes: a child blocked writing into a full pipe would be interrupted while
    # it waits for this process to read, a moment no person sees
    stdout = (marker.parent / "stdout").open("w+b")
    stderr = (marker.parent / "stderr").open("w+b")
    child = subprocess.Popen(
        [sys.executable, "-m", "thidua_xlsx", *args],
        stdout=stdout,
        stderr=stderr,
        env=env,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    try:
        started = time.monotonic()
        while not marker.exists():
            if child.poll() is not None or time.monotonic() - started > 60:
                pytest.fail("Python did not start, or ran no usercustomize (no user site)")
            time.sleep(0.0005)
        time.sleep(delay)
        os.killpg(child.pid, signal.SIGINT)
        if second is not None:
            time.sleep(second)
            if child.poll() is None:
                os.killpg(child.pid, signal.SIGINT)
        child.wait(timeout=120)  # a hang here fails the test
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
        with stdout, stderr:
            stdout.seek(0)
            stderr.seek(0)
            out, err = stdout.read().decode("utf-8"), stderr.read().decode("utf-8")
    return Outcome(child.returncode, out, err)


def _interrupted_for_real(
    args: Sequence[str],
    delays: Sequence[float],
    hook: Path,
    tmp_path: Path,
    out: Path | None,
    before: bytes | None,
    second: float | None = None,
) -> Outcome:
    """Interrupt until it really stopped the run before its output was written: a run that
    finished first, a signal that came while Python itself was starting, or one that came
    after the output was complete (while the report was printed) is tried again with the
    next delay. Every run that did stop is checked."""
    tried: list[tuple[float, Outcome]] = []
    for delay in delays:
        if out is not None and before is not None:
            out.write_bytes(before)
        outcome = _interrupt(args, delay, hook, tmp_path / "site-done", second)
        tried.append((delay, outcome))
        if outcome.finished or outcome.too_early:
            continue
        if out is not None and outcome.interrupted and out.read_bytes() != before:
            # stopped after the new summary replaced the old one: it must be whole
            with zipfile.ZipFile(out) as summary:
                assert summary.testzip() is None
            _assert_stopped_cleanly(outcome, "en" if "--lang" in args else "vi")
            continue
        return outcome
    pytest.fail(f"never interrupted the run itself: {[(d, o.code) for d, o in tried]}")


def _assert_stopped_cleanly(
    outcome: Outcome, lang: str, out: Path | None = None, before: bytes | None = None
) -> None:
    assert outcome.code == 130, outcome
    assert "Traceback" not in outcome.stderr
    assert outcome.stderr == INTERRUPTED[lang] + "\n"  # exactly one line
    if out is not None:
        assert out.read_bytes() == before  # the previous output, byte for byte
        assert sorted(p.name for p in out.parent.iterdir()) == [out.name]  # no .tmp left


@pytest.mark.parametrize("delay", [0.0, 0.005, 0.02, 0.05, 0.1])
def test_ctrl_c_while_the_merge_starts(
    delay: float, hook: Path, previous_summary: bytes, tmp_path: Path
) -> None:
    """From the first moments (the modules are still loading) to the first files read."""
    out = tmp_path / "ket-qua" / "out.xlsx"
    out.parent.mkdir()
    args = ["merge", str(SEED_003), str(SAMPLES), "-o", str(out)]
    delays = [delay + step * 0.01 for step in range(ATTEMPTS)]
    outcome = _interrupted_for_real(args, delays, hook, tmp_path, out, previous_summary)
    _assert_stopped_cleanly(outcome, "vi", out, previous_summary)


@pytest.mark.parametrize("delay", [0.3, 1.0])
def test_ctrl_c_while_merging_a_large_inbox(
    delay: float, hook: Path, large_inbox: Path, previous_summary: bytes, tmp_path: Path
) -> None:
    out = tmp_path / "ket-qua" / "out.xlsx"
    out.parent.mkdir()
    args = ["merge", str(SEED_003), str(large_inbox), "-o", str(out)]
    delays = [delay / 2**step for step in range(ATTEMPTS)]  # shorter when it finished first
    outcome = _interrupted_for_real(args, delays, hook, tmp_path, out, previous_summary)
    _assert_stopped_cleanly(outcome, "vi", out, previous_summary)


@pytest.mark.parametrize("delay", [0.02, 0.5])
def test_ctrl_c_while_checking_in_english(
    delay: float, hook: Path, large_inbox: Path, tmp_path: Path
) -> None:
    args = ["check", str(SEED_003), str(large_inbox), "--lang", "en"]
    delays = [delay / 2**step for step in range(ATTEMPTS)]
    outcome = _interrupted_for_real(args, delays, hook, tmp_path, None, None)
    _assert_stopped_cleanly(outcome, "en")
    assert outcome.stdout == ""


@pytest.mark.parametrize(("delay", "second"), [(0.05, 0.0), (0.5, 0.005), (0.5, 0.05)])
def test_a_second_ctrl_c_while_stopping_shows_no_traceback(
    delay: float,
    second: float,
    hook: Path,
    large_inbox: Path,
    previous_summary: bytes,
    tmp_path: Path,
) -> None:
    out = tmp_path / "ket-qua" / "out.xlsx"
    out.parent.mkdir()
    args = ["merge", str(SEED_003), str(large_inbox), "-o", str(out)]
    delays = [delay / 2**step for step in range(ATTEMPTS)]
    outcome = _interrupted_for_real(args, delays, hook, tmp_path, out, previous_summary, second)
    _assert_stopped_cleanly(outcome, "vi", out, previous_summary)
