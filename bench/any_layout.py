"""The few entry points the benchmarks call, found in whichever layout of the package is
imported: the packages by concept (``thidua_xlsx.checking.checker`` …) or the flat modules of
61bdf44 and before (``thidua_xlsx.checks`` …). So one benchmark measures this revision and an
earlier one, side by side, with the same code (bench/compare_layouts.py, ``--baseline``)."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

__all__ = ["bulk_context", "checker", "find", "import_from", "layout_name"]

# name → where it is in the packages by concept, then in the flat layout
_PLACES: dict[str, tuple[str, ...]] = {
    "load_campaign": ("thidua_xlsx.campaign.loader", "thidua_xlsx.campaign_loader"),
    "Campaign": ("thidua_xlsx.core.model", "thidua_xlsx.model"),
    "Unit": ("thidua_xlsx.core.model", "thidua_xlsx.model"),
    "SectionKind": ("thidua_xlsx.core.model", "thidua_xlsx.model"),
    "run_check": ("thidua_xlsx.checking.run", "thidua_xlsx.check_run"),
    "merge_rank": ("thidua_xlsx.merge.rank", "thidua_xlsx.rank_merge"),
    "write_summary": ("thidua_xlsx.summary.writer", "thidua_xlsx.summary_writer"),
    "plan_card": ("thidua_xlsx.scorecard.layout", "thidua_xlsx.scorecard_layout"),
    "SCORECARD_SHEET": ("thidua_xlsx.scorecard.layout", "thidua_xlsx.scorecard_layout"),
    "META_SHEET": ("thidua_xlsx.scorecard.layout", "thidua_xlsx.scorecard_layout"),
    "write_scorecard": ("thidua_xlsx.scorecard.writer", "thidua_xlsx.scorecard_writer"),
    "scorecard_filename": ("thidua_xlsx.scorecard.blank_cards", "thidua_xlsx.templates"),
}


def import_from(tree: Path) -> None:
    """Make ``import thidua_xlsx`` (and every submodule) come from the source tree ``tree``
    alone. An editable install's import hook would otherwise supply the modules the tree
    lacks (an earlier layout has no ``thidua_xlsx.checking``) from the installed checkout."""
    sys.path.insert(0, str(tree))
    sys.meta_path[:] = [f for f in sys.meta_path if "__editable__" not in f.__module__]
    import thidua_xlsx

    where = Path(thidua_xlsx.__file__).resolve()
    if not where.is_relative_to(tree.resolve()):
        raise ImportError(f"thidua_xlsx imported from {where}, not from {tree}")


def find(name: str) -> Any:
    """``name`` from the layout that is imported."""
    for module in _PLACES[name]:
        try:
            return getattr(importlib.import_module(module), name)
        except ModuleNotFoundError:
            continue
    raise ImportError(f"{name} in none of {_PLACES[name]}")


def layout_name() -> str:
    try:
        importlib.import_module("thidua_xlsx.checking.checker")
    except ModuleNotFoundError:
        return "flat modules"
    return "packages by concept"


def checker(campaign: Any) -> Callable[[Path], Any]:
    """Read and check one file, with card layouts shared across the files (as a run does)."""
    try:
        from thidua_xlsx.checking.checker import FileChecker
    except ModuleNotFoundError:
        from thidua_xlsx.checks import check_file

        layouts: dict[object, object] = {}
        return lambda path: check_file(campaign, path, layouts)
    return FileChecker(campaign).check


def bulk_context() -> AbstractContextManager[None]:
    """What the ``thidua`` command wraps a merge in: the bulk-run context, or, before it, the
    collector pause (``thidua merge`` held one over the whole merge)."""
    for module, name in (
        ("thidua_xlsx.runtime.bulk", "bulk_run"),
        ("thidua_xlsx.runtime.bulk", "collector_paused"),
        ("thidua_xlsx.collector", "collector_paused"),
    ):
        try:
            found = getattr(importlib.import_module(module), name, None)
        except ModuleNotFoundError:
            continue
        if found is not None:
            return found()
    raise ImportError("no bulk-run context")
