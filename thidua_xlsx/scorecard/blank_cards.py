"""``thidua templates``: one prefilled scorecard per unit, never overwriting a filled one."""

from __future__ import annotations

import multiprocessing
import os
import re
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from ..core.model import Campaign, Unit
from ..core.periods import EarlierReport, EarlierReports
from ..core.vi_text import slug
from ..errors import OutputError, UnitSelectionError
from .layout import plan_card
from .writer import write_scorecard

__all__ = ["TemplatesResult", "scorecard_filename", "select_units", "write_templates"]

_CODE_BAD = re.compile(r"[^A-Za-z0-9_-]+")
PARALLEL_FROM = 64  # below this many files, starting worker processes costs more than it saves


@dataclass(frozen=True)
class TemplatesResult:
    """What ``write_templates`` did: files written, files kept because they exist, and
    sectors skipped because no criterion names them (their card would be empty)."""

    written: tuple[Path, ...]
    kept: tuple[Path, ...]
    empty: tuple[Unit, ...] = ()


def scorecard_filename(unit: Unit) -> str:
    """``NH-CA-cong-an-phuong.xlsx``: the code and a slug of the name, safe on every system."""
    code = _CODE_BAD.sub("-", unit.code).strip("-.") or "don-vi"
    name = slug(unit.name, 50)
    return f"{code}-{name}.xlsx" if name else f"{code}.xlsx"


def select_units(
    campaign: Campaign, parent: str | None = None, units: Sequence[str] = ()
) -> tuple[Unit, ...]:
    """The units to write: those named, else the children of ``parent``, else every leaf unit.

    Codes are matched case-insensitively. Unknown codes raise :class:`UnitSelectionError`.
    """
    by_key = {u.code.upper(): u for u in campaign.units}
    unknown = [
        code for code in [*units, *([parent] if parent else [])] if code.upper() not in by_key
    ]
    if unknown:
        raise UnitSelectionError(unknown, [u.code for u in campaign.units])
    if units:
        chosen = [by_key[code.upper()] for code in units]
        return tuple(dict.fromkeys(chosen))
    if parent:
        return campaign.children_units(by_key[parent.upper()].code)
    return campaign.leaf_units


def write_templates(
    campaign: Campaign,
    out_dir: str | Path,
    parent: str | None = None,
    units: Sequence[str] = (),
    force: bool = False,
    generated_at: datetime | None = None,
    workers: int | None = None,
    earlier: EarlierReports | None = None,
) -> TemplatesResult:
    """Write one scorecard per selected unit into ``out_dir``.

    An existing file is kept (someone may have filled it) unless ``force`` is given. Large
    runs (a province: thousands of units) are split over ``workers`` processes (default: one
    per CPU); the files are the same either way. ``earlier``: what the units reported in
    earlier periods (:func:`~thidua_xlsx.merge.earlier.earlier_reports`), shown on the
    criteria that accumulate.
    """
    folder = Path(out_dir)
    chosen = select_units(campaign, parent, units)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(str(folder), exc) from exc
    jobs: list[tuple[str, Path, Mapping[str, tuple[EarlierReport, ...]]]] = []
    kept: list[Path] = []
    empty: list[Unit] = []
    for unit in chosen:
        if not plan_card(campaign, unit).criteria:
            empty.append(unit)
            continue
        target = folder / scorecard_filename(unit)
        if target.exists() and not force:
            kept.append(target)
            continue
        jobs.append((unit.code, target, earlier.of_unit(unit.code) if earlier else {}))
    count = min(workers or os.cpu_count() or 1, len(jobs))
    if count > 1 and len(jobs) >= PARALLEL_FROM:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
            chunks = [jobs[i::count] for i in range(count)]
            list(pool.map(_write_chunk, [campaign] * count, chunks, [generated_at] * count))
    else:
        _write_chunk(campaign, jobs, generated_at)
    return TemplatesResult(tuple(target for _, target, _ in jobs), tuple(kept), tuple(empty))


def _write_chunk(
    campaign: Campaign,
    jobs: Sequence[tuple[str, Path, Mapping[str, tuple[EarlierReport, ...]]]],
    generated_at: datetime | None,
) -> None:
    for unit_code, target, earlier in jobs:
        layout = replace(plan_card(campaign, campaign.unit(unit_code)), earlier=earlier)
        write_scorecard(target, layout, generated_at=generated_at)
