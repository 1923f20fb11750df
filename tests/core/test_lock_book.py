"""The lock book, pure (issue 18): what a new ranking changes of a locked one, said as the
office reads it, and the book read back exactly as written or refused when touched."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from thidua_xlsx.core.lock import (
    LockBook,
    LockBookDamageError,
    LockedUnit,
    LockEntry,
    LockKey,
    Reopening,
    compare_results,
    parse_lock_book,
)


def _unit(
    code: str, total: str | None, rank: int | None, band: str = "Tốt", status: str = "counted"
) -> LockedUnit:
    value = Decimal(total) if total is not None else None
    return LockedUnit(code, f"UBND {code}", value, rank, rank, band if rank else "", status)


LOCKED = (
    _unit("P-ANPHU", "190.50", 1, "Xuất sắc"),
    _unit("X-VANGIAO", "183.89", 2),
    _unit("X-ANCU", None, None, status="rejected"),
    _unit("X-TANLOI", None, None, status="missing"),
)


def test_an_equal_result_changes_nothing() -> None:
    same = tuple(
        LockedUnit(u.unit, "another name", u.total, u.rank, u.cluster_rank, u.band, u.status)
        for u in LOCKED
    )
    assert compare_results(LOCKED, same) == ()


def test_each_change_is_named_as_the_office_reads_it() -> None:
    new = (
        _unit("P-ANPHU", "190.50", 1, "Xuất sắc"),
        _unit("X-VANGIAO", "180", 3, "Khá"),
        _unit("X-ANCU", "150.25", 2, status="late"),
        _unit("X-MOI", "120", 4),
    )
    changes = compare_results(LOCKED, new)
    said = [c.message("vi") for c in changes]
    assert said == [
        "X-VANGIAO: tổng 183,89 → 180,00; hạng 2 → 3; xếp loại Tốt → Khá",
        "X-ANCU: tổng — → 150,25; hạng — → 2; xếp loại — → Tốt; tình trạng bị trả lại → nộp muộn",
        "X-TANLOI: có trong kết quả đã khóa nhưng không còn trong kết quả mới",
        "X-MOI: có trong kết quả mới nhưng không có trong kết quả đã khóa",
    ]
    assert (
        changes[0].message("en") == "X-VANGIAO: total 183.89 → 180.00; rank 2 → 3; band Tốt → Khá"
    )
    # a rank within a cluster that moves apart from the overall rank is said too
    apart = LockedUnit("X-VANGIAO", "", Decimal("183.89"), 2, 1, "Tốt", "counted")
    (change,) = compare_results([LOCKED[1]], [apart])
    assert change.message("vi") == "X-VANGIAO: hạng trong cụm 2 → 1"


def test_keys_are_the_same_ignoring_case_accents_and_spacing() -> None:
    key = LockKey("NH-BDG-2024", "TXTB", "Cụm phường", "Tháng 11/2025")
    assert key.same(LockKey("nh-bdg-2024", "txtb", "cum  phuong", "THÁNG 11/2025"))
    assert not key.same(LockKey("NH-BDG-2024", "TXTB", "Cụm phường", "Tháng 12/2025"))
    assert not key.same(LockKey("NH-BDG-2024", "TXTB", "", "Tháng 11/2025"))
    assert key.label("vi") == "đợt NH-BDG-2024, đơn vị TXTB, cụm Cụm phường, kỳ Tháng 11/2025"


def _book() -> LockBook:
    key = LockKey("NH-BDG-2024", "TXTB")
    changes = compare_results(LOCKED, LOCKED[:3])
    entry = LockEntry(
        key,
        False,
        "tong-hop.xlsx",
        "ab" * 32,
        "2026-12-03T09:30:00Z",
        LOCKED,
        2,
        (Reopening("2026-12-04T08:00:00Z", "Sửa điểm", "tong-hop-2.xlsx", changes),),
    )
    other = LockEntry(
        LockKey("NH-BDG-2024", "TXTB", "", "Quý I/2024"),
        True,
        "q1.xlsx",
        "cd" * 32,
        "2026-12-03T09:31:00Z",
        LOCKED[:1],
    )
    return LockBook((entry, other))


def test_the_book_reads_back_as_written() -> None:
    book = _book()
    text = json.dumps(book.to_json(note="Sổ khóa kỳ"), ensure_ascii=False)
    assert parse_lock_book(json.loads(text)) == book
    # an entry put again replaces the entry of its key
    entry = book.entries[1]
    relocked = book.with_entry(LockEntry(entry.key, True, "q1-b.xlsx", "ef" * 32, "x", ()))
    assert [e.summary for e in relocked.entries] == ["tong-hop.xlsx", "q1-b.xlsx"]


@pytest.mark.parametrize(
    ("edit", "code"),
    [
        (lambda d: d["entries"][0]["units"][1].update(total="184.89"), "lock.damage_checksum"),
        (lambda d: d["entries"][0].update(locked=True), "lock.damage_checksum"),
        (lambda d: d["entries"].pop(), "lock.damage_checksum"),
        (lambda d: d.update(format="other"), "lock.damage_format"),
        (lambda d: d.update(version=2), "lock.damage_version"),
        (lambda d: d.pop("entries"), "lock.damage_field"),
    ],
)
def test_a_touched_book_is_refused(edit: object, code: str) -> None:
    document = json.loads(json.dumps(_book().to_json()))
    edit(document)  # type: ignore[operator]
    with pytest.raises(LockBookDamageError) as refused:
        parse_lock_book(document)
    assert refused.value.code == code


def test_a_wrong_field_is_refused_even_with_a_fresh_checksum() -> None:
    """(The checksum is not a secret: a book re-summed by hand still has to be well made.)"""
    document = _book().to_json()
    document["entries"][0]["units"][0]["total"] = "abc"
    from thidua_xlsx.core import lock

    document["checksum"] = lock._checksum(document["entries"])
    with pytest.raises(LockBookDamageError) as refused:
        parse_lock_book(document)
    assert refused.value.code == "lock.damage_field"
    assert refused.value.where == "entries[0].units[0].total"
