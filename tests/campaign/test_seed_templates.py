"""The ready-made campaigns in workbook_templates/: regenerated identically by their script,
and holding what the two seed documents say."""

from __future__ import annotations

import importlib.util
from datetime import date
from decimal import Decimal
from pathlib import Path

from thidua_xlsx import Method, SectionKind, load_campaign

from conftest import SEED_000, SEED_003, TEMPLATES


def test_committed_workbooks_match_their_generator(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("make_templates", TEMPLATES / "make_templates.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(tmp_path)
    for seed in (SEED_003, SEED_000):
        assert load_campaign(tmp_path / seed.name) == load_campaign(seed)


def test_seed_003_nhon_hung_plan() -> None:
    campaign = load_campaign(SEED_003)
    assert campaign.info.plan_number == "60/KH-BVSTBPN&BDG"
    assert campaign.info.deadline == date(2024, 10, 1)
    sections = [(s.code, s.max_points, s.kind) for s in campaign.sections]
    assert sections == [
        ("I", 20, SectionKind.REGULAR),
        ("II", 140, SectionKind.REGULAR),
        ("III", 20, SectionKind.REGULAR),
        ("IV", 20, SectionKind.BONUS),
        ("V", 20, SectionKind.DEDUCTION),
    ]
    assert campaign.total_cap == Decimal(200)
    methods = [leaf.method for leaf in campaign.leaves]
    assert all(methods.count(m) >= 2 for m in Method), methods
    ward = next(u for u in campaign.units if u.name.endswith("Nhơn Hưng") and u.level == "phường")
    sectors = {u.code for u in campaign.children_units(ward.code)}
    assert len(sectors) >= 10
    assert all(leaf.sectors and set(leaf.sectors) <= sectors for leaf in campaign.leaves)
    wards = campaign.children_units(ward.parent)
    assert len(wards) == 14 and len({w.cluster for w in wards}) == 2
    assert campaign.bands[0].label == "Xuất sắc" and campaign.bands[0].min_score == 180
    assert campaign.tie_breaks == ("II", "V")
    blank_targets = [c for c in campaign.leaves if c.method is Method.TY_LE and c.target is None]
    assert blank_targets, "at least one % criterion lets the unit enter its own target"


def test_seed_000_an_giang_special_campaign() -> None:
    campaign = load_campaign(SEED_000)
    info = campaign.info
    assert (info.period_start, info.period_end) == (date(2021, 10, 20), date(2022, 1, 20))
    assert (info.award_window_start, info.award_window_end) == (
        date(2022, 1, 20),
        date(2022, 2, 20),
    )
    contents = " ".join(c.content for c in campaign.criteria)
    assert "Mái ấm tình thương" in contents and "17" in contents
    works = next(c for c in campaign.leaves if c.method is Method.TY_LE and c.target == 2)
    assert "02" in works.content
    ideas = next(c for c in campaign.leaves if "01 ý tưởng" in c.content)
    assert ideas.method is Method.TY_LE and ideas.target is None
    assert campaign.award is not None and campaign.award.top_n == 3
    assert campaign.award.min_band == "Xuất sắc"
    assert len(campaign.root_units) == 1 and len(campaign.leaf_units) == 11


def test_every_nhon_hung_sector_has_criteria() -> None:
    campaign = load_campaign(SEED_003)
    ward = next(u for u in campaign.units if u.code == "P-NHONHUNG")
    for sector in campaign.children_units(ward.code):
        assert campaign.criteria_for_sector(sector.code), sector.code
