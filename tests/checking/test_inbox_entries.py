"""Every entry in an inbox is accounted for (SPEC §9, nothing lost), whatever it is.

A folder holds more than regular files: links (to a card, to a folder, to nothing, to
themselves, to a device), named pipes, files that cannot be opened, lock-file names that are
not lock files. Each must appear exactly once in the result, with its own code, and none may
make the run wait. Real subfolders are walked; links to folders are not followed.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from thidua_xlsx import load_campaign
from thidua_xlsx.checking.inbox import collect_files
from thidua_xlsx.checking.run import run_check
from thidua_xlsx.core.model import Campaign
from thidua_xlsx.core.reports import CheckReport

from conftest import ROOT, SEED_003

pytestmark = pytest.mark.skipif(
    not hasattr(os, "mkfifo") or not hasattr(os, "symlink"), reason="POSIX file kinds"
)

SAMPLES = ROOT / "samples" / "inbox-nhon-hung"
CARD_CA = SAMPLES / "NH-CA-cong-an-phuong.xlsx"
CARD_MTTQ = SAMPLES / "NH-MTTQ-uy-ban-mttq-viet-nam-phuong.xlsx"
CARD_DTN = SAMPLES / "NH-DTN-doan-tncs-ho-chi-minh-phuong.xlsx"
CARD_QS = SAMPLES / "NH-QS-ban-chi-huy-quan-su-phuong.xlsx"
DEADLINE_SECONDS = 120  # the whole run; a blocked open would never end


def _permissions_bind() -> bool:
    """Whether ``chmod 000`` stops this process reading: not for root (the tests run as root
    here), unless its capability to override permissions was dropped."""
    probe = Path(tempfile.mkdtemp()) / "probe"
    probe.write_bytes(b"x")
    probe.chmod(0)
    try:
        probe.read_bytes()
    except PermissionError:
        return True
    else:
        return False
    finally:
        shutil.rmtree(probe.parent)


PERMISSIONS_BIND = _permissions_bind()


@pytest.fixture(scope="module")
def campaign() -> Campaign:
    return load_campaign(SEED_003)


@contextmanager
def _deadline(seconds: int) -> Iterator[None]:
    """Fail instead of hanging: SIGALRM interrupts this process if it waits too long."""

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s: something blocked")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _inbox(tmp_path: Path) -> tuple[Path, dict[str, str | None]]:
    """An inbox with one entry of each kind; returns it and, for each entry's path relative
    to it, the code expected (None: accepted; absent: skipped as noise or not walked)."""
    inbox = tmp_path / "inbox"
    elsewhere = tmp_path / "elsewhere"  # outside the inbox, reached only through links
    inbox.mkdir()
    elsewhere.mkdir()
    shutil.copyfile(CARD_CA, inbox / CARD_CA.name)
    shutil.copyfile(CARD_MTTQ, elsewhere / CARD_MTTQ.name)
    shutil.copyfile(CARD_QS, elsewhere / CARD_QS.name)
    (inbox / "phuong-con").mkdir()
    shutil.copyfile(CARD_DTN, inbox / "phuong-con" / CARD_DTN.name)

    os.symlink(elsewhere / CARD_MTTQ.name, inbox / "lien-ket-toi-phieu.xlsx")
    os.symlink(tmp_path / "da-xoa.xlsx", inbox / "lien-ket-hong.xlsx")
    os.symlink("vong.xlsx", inbox / "vong.xlsx")  # a -> a
    os.symlink(os.devnull, inbox / "thiet-bi.xlsx")  # a character device
    os.symlink(elsewhere, inbox / "lien-ket-thu-muc")  # not followed: NH-QS is read only once
    os.mkfifo(inbox / "ong-dan.xlsx")
    os.symlink("ong-dan.xlsx", inbox / "lien-ket-ong-dan.xlsx")
    os.mkfifo(inbox / ".~lock.ong-dan.xlsx#")  # a lock-file name, but a pipe

    (inbox / "~$lon.xlsx").write_bytes(b"PK\x05\x06" + bytes(8 * 1024))  # no lock file is 8 KB
    (inbox / "~$NH-CA-cong-an-phuong.xlsx").write_bytes(b"\x0cNguyen Van A" + bytes(152))
    (inbox / ".~lock.NH-CA-cong-an-phuong.xlsx#").write_text("A,máy,/home/a,25.09.2024;")
    (inbox / ".DS_Store").write_bytes(bytes(6148))
    os.symlink(elsewhere / CARD_QS.name, inbox / "Thumbs.db")  # a link, not Windows's cache

    expected: dict[str, str | None] = {
        CARD_CA.name: None,
        f"phuong-con/{CARD_DTN.name}": None,
        "lien-ket-toi-phieu.xlsx": None,
        "lien-ket-hong.xlsx": "file_link_broken",
        "vong.xlsx": "file_link_broken",
        "thiet-bi.xlsx": "file_not_regular",
        "lien-ket-thu-muc": "file_not_regular",
        "ong-dan.xlsx": "file_not_regular",
        "lien-ket-ong-dan.xlsx": "file_not_regular",
        ".~lock.ong-dan.xlsx#": "file_not_regular",
        "~$lon.xlsx": "file_not_workbook",
        "Thumbs.db": None,  # NH-QS's card, read through the link
    }
    return inbox, expected


def _codes(report: CheckReport, inbox: Path) -> dict[str, list[set[str]]]:
    """For each entry (path relative to the inbox), the codes of each time it appears."""
    seen: dict[str, list[set[str]]] = {}
    for result in report.files:
        name = result.path.relative_to(inbox).as_posix()
        seen.setdefault(name, []).append({i.code for i in result.issues})
    return seen


def test_every_entry_appears_once_with_its_code(campaign: Campaign, tmp_path: Path) -> None:
    inbox, expected = _inbox(tmp_path)
    with _deadline(DEADLINE_SECONDS):
        report = run_check(campaign, [inbox])
    seen = _codes(report, inbox)
    assert all(len(times) == 1 for times in seen.values()), seen
    assert set(seen) == set(expected)
    for name, code in expected.items():
        codes = seen[name][0]
        if code is None:
            result = next(r for r in report.files if r.path == inbox / name)
            assert result.accepted, (name, codes)
        else:
            assert codes == {code}, (name, codes)
    # a link to a file is read as the file, whatever its name
    units = {r.path.name: r.unit for r in report.files}
    assert units["Thumbs.db"] == "NH-QS"
    assert units["lien-ket-toi-phieu.xlsx"] == "NH-MTTQ"
    assert len(report.accepted) == 4


def test_links_to_folders_are_not_walked_and_loops_end(tmp_path: Path) -> None:
    """A folder linking to its own parent, and to a folder outside: walked once, not
    followed; the walk ends and nothing outside the inbox is listed."""
    inbox = tmp_path / "inbox"
    (inbox / "a" / "b").mkdir(parents=True)
    (inbox / "a" / "b" / "card.xlsx").write_bytes(b"x")
    os.symlink(inbox, inbox / "a" / "b" / "len-tren")
    os.symlink("/", inbox / "goc")
    with _deadline(30):
        found = collect_files([inbox])
    assert [p.relative_to(inbox).as_posix() for p in found] == [
        "a/b/card.xlsx",
        "a/b/len-tren",
        "goc",
    ]


def test_noise_is_skipped_only_when_it_is_a_small_regular_file(tmp_path: Path) -> None:
    (tmp_path / "~$nho.xlsx").write_bytes(bytes(165))
    (tmp_path / "~$lon.xlsx").write_bytes(bytes(4097))
    (tmp_path / ".~lock.a.xlsx#").write_text("A,máy,/home/a,25.09.2024;")
    (tmp_path / "._a.xlsx").write_bytes(bytes(4096))
    (tmp_path / "desktop.ini").write_text("[.ShellClassInfo]")
    os.mkfifo(tmp_path / "~$ong.xlsx")
    os.symlink("khong-co", tmp_path / ".DS_Store")
    found = {p.name for p in collect_files([tmp_path])}
    assert found == {"~$lon.xlsx", "~$ong.xlsx", ".DS_Store"}


def test_a_pipe_or_a_dangling_link_given_by_name_is_accounted(
    campaign: Campaign, tmp_path: Path
) -> None:
    """Named on the command line, not found in a folder: the same codes, no waiting."""
    os.mkfifo(tmp_path / "ong-dan.xlsx")
    os.symlink(tmp_path / "da-xoa.xlsx", tmp_path / "lien-ket-hong.xlsx")
    with _deadline(DEADLINE_SECONDS):
        report = run_check(campaign, [tmp_path / "ong-dan.xlsx", tmp_path / "lien-ket-hong.xlsx"])
    assert [{i.code for i in r.issues} for r in report.files] == [
        {"file_not_regular"},
        {"file_link_broken"},
    ]


# root reads a file whatever its permissions: the command then runs without the capabilities
# that let it (util-linux's setpriv), as an ordinary user's would
_AS_USER = (
    []
    if PERMISSIONS_BIND
    else [
        "setpriv",
        "--inh-caps=-dac_override,-dac_read_search",
        "--bounding-set=-dac_override,-dac_read_search",
    ]
)


@pytest.mark.skipif(
    not PERMISSIONS_BIND and shutil.which("setpriv") is None,
    reason="run as root without setpriv: chmod 000 does not stop reading",
)
def test_files_and_folders_that_cannot_be_opened_are_accounted(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "khoa").mkdir(parents=True)
    shutil.copyfile(CARD_CA, inbox / CARD_CA.name)
    shutil.copyfile(CARD_MTTQ, inbox / "khong-doc-duoc.xlsx")
    shutil.copyfile(CARD_DTN, inbox / "khoa" / CARD_DTN.name)
    os.chmod(inbox / "khong-doc-duoc.xlsx", 0)
    os.chmod(inbox / "khoa", 0)
    try:
        done = subprocess.run(
            [
                *_AS_USER,
                sys.executable,
                "-m",
                "thidua_xlsx",
                "check",
                str(SEED_003),
                str(inbox),
                "--json",
            ],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=DEADLINE_SECONDS,
            cwd=ROOT,
        )
    finally:
        os.chmod(inbox / "khoa", 0o755)
        os.chmod(inbox / "khong-doc-duoc.xlsx", 0o644)
    assert done.returncode == 1, done.stderr
    files = {
        Path(f["path"]).relative_to(inbox).as_posix(): f for f in json.loads(done.stdout)["files"]
    }
    assert sorted(files) == sorted([CARD_CA.name, "khong-doc-duoc.xlsx", "khoa"])
    assert files[CARD_CA.name]["status"] == "accepted"
    for name in ("khong-doc-duoc.xlsx", "khoa"):
        assert [i["code"] for i in files[name]["issues"]] == ["file_unreadable"], files[name]


def test_the_command_accounts_for_every_entry_without_waiting(tmp_path: Path) -> None:
    """The same inbox through ``thidua check --json`` in its own process, with a deadline."""
    inbox, expected = _inbox(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "thidua_xlsx", "check", str(SEED_003), str(inbox), "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=DEADLINE_SECONDS,
    )
    assert done.returncode == 1, done.stderr
    files = json.loads(done.stdout)["files"]
    names = [Path(f["path"]).relative_to(inbox).as_posix() for f in files]
    assert sorted(names) == sorted(expected)
    by_name = dict(zip(names, files, strict=True))
    assert by_name["vong.xlsx"]["status"] == "rejected"
    assert "symlink" in by_name["vong.xlsx"]["issues"][0]["message"]
    assert by_name[CARD_CA.name]["status"] == "accepted"
