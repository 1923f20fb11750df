"""A synthetic province for benchmarks: the Nhơn Hưng campaign with its ward cloned N times,
each clone with its own copies of the ward's sectors (same responsibilities)."""

from __future__ import annotations

from dataclasses import replace

from thidua_xlsx.model import Campaign, Unit

WARD = "P-NHONHUNG"


def synthetic_province(base: Campaign, wards: int) -> Campaign:
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
