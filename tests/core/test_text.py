"""Vietnamese text helpers: folding, numbers typed as text, dates."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from decimal import Decimal

import pytest

from thidua_xlsx.core.vi_text import (
    canonical_decimal,
    find_dates,
    fold,
    format_decimal,
    nfc,
    parse_date,
    parse_decimal,
    split_list,
)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Điểm tối đa", "diem toi da"),
        ("ĐIỂM  TỐI   ĐA", "diem toi da"),
        ("điểm_tối-đa", "diem toi da"),
        ("HÒA", "hoa"),
        ("HOÀ", "hoa"),
        (unicodedata.normalize("NFD", "Cần minh chứng"), "can minh chung"),
        ("Tỷ lệ %", "ty le"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_nfc_turns_macos_nfd_into_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Việt")
    assert len(nfd) == 6
    assert nfc(nfd) == "Việt"
    assert len(nfc(nfd)) == 4


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (20, Decimal(20)),
        (20.0, Decimal(20)),
        (0.1, Decimal("0.1")),
        (2.675, Decimal("2.675")),
        ("12,5", Decimal("12.5")),
        ("12.5", Decimal("12.5")),
        (" 7 ", Decimal(7)),
        ("1.234.567,5", Decimal("1234567.5")),
        ("1,234,567.5", Decimal("1234567.5")),
        ("1.234.567", Decimal(1234567)),
        ("-3,25", Decimal("-3.25")),
        ("0,01", Decimal("0.01")),
        (",5", Decimal("0.5")),
        (Decimal("4.50"), Decimal("4.50")),
    ],
)
def test_parse_decimal_accepts_numbers_as_people_type_them(
    value: object, expected: Decimal
) -> None:
    assert parse_decimal(value) == expected


@pytest.mark.parametrize(
    "value",
    [None, "", "hai", "15 điểm", "1,2,3,4", "1.2,3.4", "12,5,", True, float("nan"), float("inf")],
)
def test_parse_decimal_refuses_non_numbers(value: object) -> None:
    assert parse_decimal(value) is None


def test_format_and_canonical_decimal() -> None:
    assert format_decimal(Decimal("2.50")) == "2,5"
    assert format_decimal(Decimal("2.50"), "en") == "2.5"
    assert format_decimal(Decimal("200.00")) == "200"
    assert canonical_decimal(Decimal("2E+1")) == canonical_decimal(Decimal("20.0")) == "20"


def test_dates() -> None:
    assert parse_date("01/10/2024") == date(2024, 10, 1)
    assert parse_date("1-10-2024") == date(2024, 10, 1)
    assert parse_date(datetime(2024, 10, 1, 8, 30)) == date(2024, 10, 1)
    assert parse_date("31/02/2024") is None
    assert parse_date("hôm nay") is None
    assert find_dates("Từ 20/10/2021 đến 20/01/2022") == [date(2021, 10, 20), date(2022, 1, 20)]


def test_split_list() -> None:
    assert split_list("CA; YT,PN\n VP ;") == ["CA", "YT", "PN", "VP"]


def test_every_catalogue_message_renders_in_both_languages() -> None:
    """Each entry shows every field in each language; a missing field raises, never empty.
    (Both catalogues and the call sites are checked in tests/words/test_words.py.)"""
    from thidua_xlsx.words.issues import CATALOGUE, Issue
    from thidua_xlsx.words.messages import MESSAGES, MissingFieldError

    for code, entry in CATALOGUE.items():
        params = {}
        for name, family in entry.fields.items():
            if name in ("value", "criterion"):
                continue
            words = [c for c in MESSAGES if c.startswith(f"{family}.")] if family else []
            params[name] = words[0].partition(".")[2] if family else f"<{name}>"
        issue = Issue(code, value="<value>", criterion="<criterion>", params=params)
        for lang in ("vi", "en"):
            text = issue.message(lang)
            for name, family in entry.fields.items():
                if not family:
                    shown = f"<{name}>"
                    assert shown in text, (code, lang, name, text)
            assert "{" not in text and "}" not in text, (code, lang, text)
        assert issue.message("vi") != issue.message("en"), code
        needed = [name for name in entry.fields if name not in ("value", "criterion")]
        if needed:
            with pytest.raises(MissingFieldError):
                Issue(code, params={f"{n}_misspelt": "x" for n in needed})
