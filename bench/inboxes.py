"""Inboxes of filled scorecards for the benchmarks, written once on every CPU and cached under
a folder (keyed by kind, size and campaign fingerprint), so reruns start at once. Generating
is never timed."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from thidua_xlsx.core.model import Campaign, Unit  # noqa: E402
from thidua_xlsx.scorecard.blank_cards import scorecard_filename  # noqa: E402
from thidua_xlsx.scorecard.layout import plan_card  # noqa: E402
from thidua_xlsx.scorecard.writer import write_scorecard  # noqa: E402

from fill_helpers import valid_fill  # noqa: E402

__all__ = ["ensure_inbox"]

GENERATOR = "1"  # bump when the generated cards change, so old caches are not reused

_GEN_CAMPAIGN: list[Campaign] = []


def _generator_start(campaign: Campaign) -> None:
    _GEN_CAMPAIGN[:] = [campaign]


def _write_cards(batch: Sequence[tuple[int, str, str]]) -> int:
    campaign = _GEN_CAMPAIGN[0]
    for seed, code, path in batch:
        layout = plan_card(campaign, campaign.unit(code))
        values, inputs = valid_fill(layout, seed)
        write_scorecard(Path(path), layout, values, inputs)  # type: ignore[arg-type]
    return len(batch)


def ensure_inbox(
    cache: Path, kind: str, campaign: Campaign, units: Sequence[Unit] | None = None
) -> Path:
    """The inbox of the filled cards of ``units`` (default: the top unit's children), each
    filled with valid values (seed: its position), written once and then reused."""
    if units is None:
        units = campaign.children_units(campaign.root_units[0].code)
    folder = cache / f"{kind}-{len(units)}-{campaign.fingerprint}-g{GENERATOR}"
    inbox, done = folder / "inbox", folder / "complete"
    if done.exists() and done.read_text() == str(len(units)):
        return inbox
    shutil.rmtree(folder, ignore_errors=True)
    inbox.mkdir(parents=True)
    jobs = [(seed, u.code, str(inbox / scorecard_filename(u))) for seed, u in enumerate(units)]
    started = time.perf_counter()
    print(f"generating {len(jobs)} {kind} scorecards into {folder} (once) …", flush=True)
    cpus = os.cpu_count() or 1
    _generator_start(campaign)
    if cpus > 1 and len(jobs) >= 64:
        size = max(1, min(500, len(jobs) // (cpus * 4)))
        batches = [jobs[i : i + size] for i in range(0, len(jobs), size)]
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        with ProcessPoolExecutor(
            cpus, mp_context=context, initializer=_generator_start, initargs=(campaign,)
        ) as pool:
            written = 0
            for count in pool.map(_write_cards, batches):
                written += count
                if written % 5000 < count:
                    print(f"  {written}/{len(jobs)}", flush=True)
    else:
        _write_cards(jobs)
    done.write_text(str(len(units)))
    print(f"  generated in {time.perf_counter() - started:.0f} s", flush=True)
    return inbox
