"""``thidua templates``: one prefilled scorecard per unit, never overwriting a filled one."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .errors import OutputError, UnitSelectionError
from .model import Campaign, Unit
from .scorecard_layout import plan_card
from .scorecard_writer import write_scorecard
from .text import slug

__all__ = ["TemplatesResult", "scorecard_filename", "select_units", "write_templates"]

_CODE_BAD = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(frozen=True)
class TemplatesResult:
    """What ``write_templates`` did: files written, and files kept because they exist."""

    written: tuple[Path, ...]
    kept: tuple[Path, ...]


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
) -> TemplatesResult:
    """Write one scorecard per selected unit into ``out_dir``.

    An existing file is kept (someone may have filled it) unless ``force`` is given.
    """
    folder = Path(out_dir)
    chosen = select_units(campaign, parent, units)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(str(folder), exc.strerror or str(exc)) from exc
    written: list[Path] = []
    kept: list[Path] = []
    for unit in chosen:
        target = folder / scorecard_filename(unit)
        if target.exists() and not force:
            kept.append(target)
            continue
        write_scorecard(target, plan_card(campaign, unit), generated_at=generated_at)
        written.append(target)
    return TemplatesResult(tuple(written), tuple(kept))
