"""``merge --mode compose``: the Nhơn Hưng sectors become the ward's own scorecard, which the
town's ``rank`` then reads like any ward's card (sectors → ward → town)."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from thidua_xlsx import NoSectorsError, load_campaign
from thidua_xlsx.checking.checker import check_file
from thidua_xlsx.core.scoring import RawInput, compose
from thidua_xlsx.faces.cli import main
from thidua_xlsx.merge.compose import merge_compose
from thidua_xlsx.merge.rank import merge_rank
from thidua_xlsx.scorecard.blank_cards import scorecard_filename
from thidua_xlsx.scorecard.layout import plan_card
from thidua_xlsx.scorecard.writer import write_scorecard

from conftest import SEED_003
from fill_helpers import valid_fill

SHARED = "Biên bản buổi tuyên truyền ngày 08/3/2024"


@pytest.fixture(scope="module")
def sectors(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[str, dict[str, RawInput]]]:
    """14 of the 15 Nhơn Hưng sectors' cards (Trường Mẫu giáo sends nothing); Hội LHPN and
    Văn hóa - Xã hội cite the same document for II.1.a."""
    folder = tmp_path_factory.mktemp("sectors")
    campaign = load_campaign(SEED_003)
    typed: dict[str, dict[str, RawInput]] = {}
    for seed, unit in enumerate(campaign.children_units("P-NHONHUNG")):
        if unit.code == "NH-MG":
            continue
        layout = plan_card(campaign, unit)
        values, inputs = valid_fill(layout, seed)
        if unit.code in ("NH-PN", "NH-VHXH"):
            values[("II.1.a", "result")] = Decimal(2)
            values[("II.1.a", "evidence")] = SHARED
            inputs["II.1.a"] = RawInput(Decimal(2), evidence=SHARED)
        write_scorecard(folder / scorecard_filename(unit), layout, values, inputs)  # type: ignore[arg-type]
        typed[unit.code] = inputs
    return folder, typed


def test_compose_combines_the_sectors_and_scores_once(
    sectors: tuple[Path, dict[str, dict[str, RawInput]]],
) -> None:
    folder, typed = sectors
    campaign = load_campaign(SEED_003)
    report = merge_compose(campaign, [folder], "p-nhonhung")
    assert report.parent.code == "P-NHONHUNG"
    assert report.completeness.missing == ("NH-MG",)
    expected = compose(campaign, typed)  # from what was typed, not from the reader
    assert report.card.total == expected.total
    assert report.card.final_nodes == expected.final_nodes
    combined = report.combined["II.1.a"]
    assert combined.amount == sum(
        (inputs["II.1.a"].amount or Decimal(0) for inputs in typed.values() if "II.1.a" in inputs),
        Decimal(0),
    )
    shared = [i for i in report.issues if i.code == "compose_shared_evidence"]
    assert [(i.criterion, i.params["first"], i.params["second"]) for i in shared] == [
        ("II.1.a", "NH-PN", "NH-VHXH")
    ] or [(i.criterion, i.params["first"], i.params["second"]) for i in shared] == [
        ("II.1.a", "NH-VHXH", "NH-PN")
    ]


def test_composed_card_goes_up_to_the_town_ranking(
    sectors: tuple[Path, dict[str, dict[str, RawInput]]], tmp_path: Path
) -> None:
    folder, _ = sectors
    campaign = load_campaign(SEED_003)
    town = tmp_path / "town"
    town.mkdir()
    ward_card = town / "P-NHONHUNG-tong-hop.xlsx"
    out = io.StringIO()
    code = main(
        [
            "merge",
            str(SEED_003),
            str(folder),
            "-o",
            str(ward_card),
            "--mode",
            "compose",
            "--parent",
            "P-NHONHUNG",
            "--json",
        ],
        out=out,
    )
    assert code == 0
    document = json.loads(out.getvalue())
    assert document["composed"]["unit"] == "P-NHONHUNG" and document["missing"] == ["NH-MG"]
    book = openpyxl.load_workbook(ward_card)
    contributions = book["Đóng góp của ngành"]
    assert contributions["C1"].value == "NH-VP" and contributions.max_column == 2 + 14 + 2
    assert [c.value for c in contributions[1][-2:]] == ["Cách tổng hợp", "Kết quả tổng hợp"]
    rules = {row[0].value: row[-2].value for row in contributions.iter_rows(min_row=2)}
    assert rules["I.1"] == "ngành chủ trì (NH-VP)" and rules["II.1.a"] == "cộng"
    assert rules["I.5"] == "trung bình"  # as the campaign says
    # the composed card marks nothing red for being over a maximum: the caps were applied
    marks = [r.formula for rng in book["Phiếu chấm điểm"].conditional_formatting for r in rng.rules]
    assert not any(">$D" in (f[0] if f else "") for f in marks), marks
    # the composed card is a valid card of the ward
    read_back = check_file(campaign, ward_card)
    assert read_back.unit == "P-NHONHUNG" and read_back.card is not None
    assert read_back.accepted, [i.code for i in read_back.issues]  # sums over a max are fine
    assert str(read_back.card.total) == document["composed"]["total"]
    # other wards send their own cards; the town ranks them all
    for seed, ward in enumerate(campaign.children_units("TXTB")[:4]):
        if ward.code != "P-NHONHUNG":
            layout = plan_card(campaign, ward)
            values, inputs = valid_fill(layout, seed)
            write_scorecard(town / scorecard_filename(ward), layout, values, inputs)  # type: ignore[arg-type]
    ranking = merge_rank(campaign, [town], parent="TXTB")
    ranked = {r.unit: r for r in ranking.ranking}
    assert "P-NHONHUNG" in ranked and len(ranked) == 4
    assert ranked["P-NHONHUNG"].total == read_back.card.total


def test_compose_needs_a_parent(sectors: tuple[Path, dict[str, dict[str, RawInput]]]) -> None:
    folder, _ = sectors
    out = io.StringIO()
    code = main(["merge", str(SEED_003), str(folder), "-o", "x.xlsx", "--mode", "compose"], out=out)
    assert code == 2 and "--parent" in out.getvalue()


@pytest.mark.parametrize("parent", ["TXTB", "P-ANPHU"])
def test_compose_without_sectors_is_an_error(
    sectors: tuple[Path, dict[str, dict[str, RawInput]]], tmp_path: Path, parent: str
) -> None:
    """A town (its units are wards, not sectors) or a ward with no sectors: nothing to
    compose, exit 2 with a sentence, and no card of 0 points."""
    folder, _ = sectors
    campaign = load_campaign(SEED_003)
    assert campaign.has_unit(parent)
    with pytest.raises(NoSectorsError) as caught:
        merge_compose(campaign, [folder], parent.lower())
    assert caught.value.unit == parent
    card = tmp_path / "ward.xlsx"
    for lang, words in (("vi", "không có ngành nào"), ("en", "no sector belongs")):
        out = io.StringIO()
        argv = ["merge", str(SEED_003), str(folder), "-o", str(card), "--mode", "compose"]
        code = main([*argv, "--parent", parent, "--lang", lang], out=out)
        assert code == 2
        assert words in out.getvalue() and parent in out.getvalue()
    assert not card.exists()


def test_compose_says_each_sector_and_the_total_as_people_write_it(
    sectors: tuple[Path, dict[str, dict[str, RawInput]]], tmp_path: Path
) -> None:
    """A sector that sent the blank template back is listed as such (not as missing, not as
    a part), and the composed total is printed with a decimal comma."""
    folder, _ = sectors
    campaign = load_campaign(SEED_003)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for card in folder.iterdir():
        (inbox / card.name).write_bytes(card.read_bytes())
    kindergarten = campaign.unit("NH-MG")
    write_scorecard(inbox / scorecard_filename(kindergarten), plan_card(campaign, kindergarten))
    argv = ["merge", str(SEED_003), str(inbox), "--mode", "compose", "--parent", "P-NHONHUNG"]
    out = io.StringIO()
    assert main([*argv, "-o", str(tmp_path / "a.xlsx"), "--json"], out=out) == 1
    document = json.loads(out.getvalue())
    statuses = {u["unit"]: u["status"] for u in document["units"]}
    assert statuses["NH-MG"] == "blank" and statuses["NH-VP"] in ("accepted", "late")
    assert document["missing"] == [] and "NH-MG" not in document["composed"]["sectors"]
    total = Decimal(document["composed"]["total"])
    out = io.StringIO()
    main([*argv, "-o", str(tmp_path / "b.xlsx")], out=out)
    shown = format(total.normalize(), "f").replace(".", ",")
    assert f"tổng điểm {shown})" in out.getvalue(), out.getvalue()[-300:]
