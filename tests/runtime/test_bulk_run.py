"""The bulk-run context (thidua_xlsx.runtime.bulk): the collector is paused inside it and as it
was after it, whatever ends the block; the ``thidua`` command leaves the collector as it found
it, after a merge and after a failure; the library's functions never change it."""

from __future__ import annotations

import gc
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from thidua_xlsx import load_campaign, merge_rank, run_check, write_summary
from thidua_xlsx.faces.cli import main
from thidua_xlsx.runtime.bulk import bulk_run

from conftest import ROOT, SEED_003

FILES = ROOT / "tests" / "files"


@pytest.fixture(params=[True, False], ids=["collector on", "collector off"])
def collector(request: pytest.FixtureRequest) -> Iterator[bool]:
    """The collector on (as Python starts) or off (a caller who paused it) before the test;
    restored after it whatever the test did."""
    was = gc.isenabled()
    if request.param:
        gc.enable()
    else:
        gc.disable()
    try:
        yield request.param
    finally:
        if was:
            gc.enable()
        else:
            gc.disable()


def test_paused_inside_and_as_it_was_after(collector: bool) -> None:
    with bulk_run():
        assert not gc.isenabled()
    assert gc.isenabled() is collector


def test_as_it_was_after_an_exception(collector: bool) -> None:
    with pytest.raises(ZeroDivisionError), bulk_run():
        1 / 0  # noqa: B018
    assert gc.isenabled() is collector
    with pytest.raises(KeyboardInterrupt), bulk_run():
        raise KeyboardInterrupt
    assert gc.isenabled() is collector


def test_blocks_nest(collector: bool) -> None:
    with bulk_run():
        with bulk_run():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block leaves the outer one's pause
    assert gc.isenabled() is collector


def test_library_calls_leave_the_collector_as_they_found_it(
    collector: bool, tmp_path: Path
) -> None:
    campaign = load_campaign(SEED_003)
    report = run_check(campaign, [FILES], workers=2)
    assert report.files and gc.isenabled() is collector
    ranked = merge_rank(campaign, [FILES])
    assert gc.isenabled() is collector
    write_summary(tmp_path / "tong-hop.xlsx", ranked)
    assert (tmp_path / "tong-hop.xlsx").stat().st_size > 0
    assert gc.isenabled() is collector


@pytest.mark.parametrize("command", ["merge", "check", "templates", "demo"])
def test_the_command_leaves_the_collector_as_it_found_it(
    collector: bool, command: str, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    argv = {
        "merge": ["merge", str(SEED_003), str(FILES), "-o", str(out / "tong-hop.xlsx")],
        "check": ["check", str(SEED_003), str(FILES), "--feedback", str(out)],
        "templates": ["templates", str(SEED_003), "-o", str(out)],
        "demo": ["demo", str(out)],
    }[command]
    assert main(argv, out=io.StringIO()) in (0, 1)
    assert any(out.iterdir())
    assert gc.isenabled() is collector


def test_the_command_leaves_the_collector_as_it_found_it_after_a_failure(
    collector: bool, tmp_path: Path
) -> None:
    """A merge that fails inside the command: an inbox that is not there, and an output over
    one of the files read (refused with a sentence: exit 2)."""
    missing = ["merge", str(SEED_003), str(tmp_path / "nowhere"), "-o", str(tmp_path / "t.xlsx")]
    assert main(missing, out=io.StringIO()) == 2
    assert gc.isenabled() is collector
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    card = next(FILES.glob("*.xlsx"))
    (inbox / card.name).write_bytes(card.read_bytes())
    over_input = ["merge", str(SEED_003), str(inbox), "-o", str(inbox / card.name)]
    assert main(over_input, out=io.StringIO()) == 2
    assert gc.isenabled() is collector
