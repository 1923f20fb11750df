"""Synthetic campaigns for benchmarks, built from Nhơn Hưng: a province whose ward is cloned
N times with its sectors (``synthetic_province``), or N wards with no sectors directly under
one top unit (``synthetic_wards``: a province, or the whole country). Works with either
layout of the package (see any_layout.py), so a baseline builds the same campaigns."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from any_layout import find

Unit = find("Unit")

WARD = "P-NHONHUNG"


def synthetic_province(base: Any, wards: int) -> Any:
    """``wards`` wards, each a copy of Nhơn Hưng and its 15 sectors: 16 units per ward."""
    sectors = base.children_units(WARD)
    root = Unit("TINH", "Tỉnh mẫu", "tỉnh")
    units: list[Unit] = [root]
    clones: dict[str, list[str]] = {s.code: [] for s in sectors}
    for index in range(wards):
        ward = Unit(
            f"W{index:04d}",
            f"UBND phường Mẫu {index:04d}",
            "phường",
            root.code,
            f"Cụm {index % 8 + 1}",
        )
        units.append(ward)
        for sector in sectors:
            code = f"W{index:04d}-{sector.code.removeprefix('NH-')}"
            units.append(Unit(code, sector.name, sector.level, ward.code))
            clones[sector.code].append(code)
    criteria = tuple(
        replace(c, sectors=tuple(code for s in c.sectors for code in clones.get(s, [s])))
        for c in base.criteria
    )
    return replace(base, criteria=criteria, units=tuple(units))


def synthetic_wards(
    base: Any,
    wards: int,
    top: tuple[str, str, str] = ("TINH", "Tỉnh mẫu", "tỉnh"),
    clusters: int = 8,
    cluster_word: str = "Cụm",
) -> Any:
    """``wards`` copies of Nhơn Hưng directly under one top unit, in ``clusters`` clusters,
    without sectors: each ward files one full card, and the wards are the units a merge at
    the top ranks. A country is the same with the nation on top and a cluster per province."""
    root = Unit(*top)
    width = max(4, len(str(wards - 1)))
    units = [root] + [
        Unit(
            f"W{index:0{width}d}",
            f"UBND phường Mẫu {index:0{width}d}",
            "phường",
            root.code,
            f"{cluster_word} {index % clusters + 1:02d}",
        )
        for index in range(wards)
    ]
    criteria = tuple(replace(c, sectors=()) for c in base.criteria)
    return replace(base, criteria=criteria, units=tuple(units))


def on_time(campaign: Any) -> Any:
    """The cards are stamped when generated: a deadline still open keeps them on time (valid
    cards, with no lateness warning)."""
    return replace(campaign, info=replace(campaign.info, deadline=date(2099, 12, 31)))


PROVINCE = ("TINH", "Tỉnh mẫu", "tỉnh")
COUNTRY = ("VN", "Việt Nam", "quốc gia")
PROVINCES = 63


def province_campaign(base: Any, wards: int) -> Any:
    """bench_merge's province: ``wards`` full ward cards under the province, in 8 clusters."""
    return on_time(synthetic_wards(base, wards, PROVINCE, clusters=8))


def country_campaign(base: Any, wards: int) -> Any:
    """bench_merge's country: ``wards`` full ward cards, a cluster per province."""
    return on_time(synthetic_wards(base, wards, COUNTRY, clusters=PROVINCES, cluster_word="Tỉnh"))
