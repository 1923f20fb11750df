"""A unit's place name and the bodies and signer of a paper made at its level."""

from __future__ import annotations

from decimal import Decimal

import pytest

from thidua_xlsx.core.model import Campaign, CampaignInfo, Unit, place_from_name
from thidua_xlsx.core.vi_text import format_points
from thidua_xlsx.scorecard.layout import row_height, wrapped_lines


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("UBND xã Vĩnh Trung", "Vĩnh Trung"),
        ("Hội LHPN thị xã Tân Châu", "Tân Châu"),
        ("Thị xã Tịnh Biên", "Tịnh Biên"),
        ("Hội LHPN thành phố Long Xuyên", "Long Xuyên"),
        ("UBND thị trấn Nhà Bàng", "Nhà Bàng"),
        ("Công an phường", ""),
        ("Ủy ban MTTQ Việt Nam phường", ""),
        ("Trường THCS Nhơn Hưng", ""),
        ("", ""),
    ],
)
def test_place_from_name(name: str, place: str) -> None:
    assert place_from_name(name) == place


def _campaign(**info: str) -> Campaign:
    units = (
        Unit("TX", "Thị xã Tịnh Biên", parent=None, place=""),
        Unit("P-NH", "UBND phường Nhơn Hưng", parent="TX"),
        Unit("X-VT", "UBND xã Vĩnh Trung", parent="TX", place="Vĩnh Trung (An Giang)"),
        Unit("NH-CA", "Công an phường", parent="P-NH"),
        Unit("NH-TH", "Trường Tiểu học", parent="P-NH", place="Núi Voi"),
    )
    fields = {"campaign_id": "C", "title": "T", **info}
    return Campaign(CampaignInfo(**fields), criteria=(), units=units)  # type: ignore[arg-type]


def test_place_of_own_then_name_then_parent_then_campaign() -> None:
    campaign = _campaign(place="Nhơn Hưng")
    assert campaign.place_of("X-VT") == "Vĩnh Trung (An Giang)"  # the column wins
    assert campaign.place_of("P-NH") == "Nhơn Hưng"  # from the name
    assert campaign.place_of("NH-CA") == "Nhơn Hưng"  # from its ward
    assert campaign.place_of("NH-TH") == "Núi Voi"
    assert campaign.place_of("TX") == "Tịnh Biên"
    assert campaign.place_of(None) == "Nhơn Hưng"
    bare = Campaign(CampaignInfo("C", "T", place="An Giang"), (), (Unit("A", "Văn phòng"),))
    assert bare.place_of("A") == "An Giang"


def test_heading_at_the_campaigns_level_and_above() -> None:
    campaign = _campaign(
        place="Nhơn Hưng",
        issuing_body="BAN VSTBPN&BĐG PHƯỜNG NHƠN HƯNG",
        superior_body="UBND THỊ XÃ TỊNH BIÊN",
        signer_title="TRƯỞNG BAN",
        signer_name="Lê Thị Kim Sa",
    )
    own = campaign.heading("P-NH")
    assert (own.issuer, own.superior, own.place) == (
        "BAN VSTBPN&BĐG PHƯỜNG NHƠN HƯNG",
        "UBND THỊ XÃ TỊNH BIÊN",
        "Nhơn Hưng",
    )
    assert (own.signer_title, own.signer_name) == ("TRƯỞNG BAN", "Lê Thị Kim Sa")
    town = campaign.heading("TX")
    # the town is not its own superior body, and the ward's signer does not sign for it
    assert (town.issuer, town.superior, town.place) == ("Thị xã Tịnh Biên", "", "Tịnh Biên")
    assert (town.signer_title, town.signer_name) == ("", "")
    commune = campaign.heading("X-VT")
    assert (commune.issuer, commune.superior) == ("UBND xã Vĩnh Trung", "Thị xã Tịnh Biên")
    assert campaign.heading(None).issuer == "BAN VSTBPN&BĐG PHƯỜNG NHƠN HƯNG"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("183.886", "183,89"),
        ("183.885", "183,89"),
        ("90", "90,00"),
        ("1183.5", "1.183,50"),
        ("-2.5", "-2,50"),
        ("0", "0,00"),
    ],
)
def test_points_printed_the_vietnamese_way(value: str, text: str) -> None:
    assert format_points(Decimal(value)) == text


def test_wrapped_lines_grow_with_the_text() -> None:
    assert wrapped_lines("Ngắn", 30) == 1
    assert wrapped_lines("một hai ba " * 20, 30) > 3
    assert wrapped_lines("dòng một\ndòng hai", 60) == 2
    assert wrapped_lines("x" * 200, 20) >= 10  # one long word is cut across lines
    assert row_height([("a", 10), ("một hai ba " * 20, 30)]) > row_height([("a", 10)])
