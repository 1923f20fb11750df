"""A locked period (issue 18): ``thidua lock`` records a summary's result in the lock book
beside it, scored again from the summary's carried inputs; a later merge into that folder
that would change the result is refused, naming each change, unless it reopens the period
with a reason, which the book and the new summary keep; a damaged book is refused; a period
locked does not hold another period's merge."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from verification_files import blank_workbook, filled, ward_inbox

from thidua_xlsx import Campaign, LockError, load_campaign, merge_rank, write_summary
from thidua_xlsx.campaign.periods import campaign_for_period
from thidua_xlsx.core.periods import PeriodScheme, generate_periods
from thidua_xlsx.core.reports import RankReport
from thidua_xlsx.core.vi_text import format_points
from thidua_xlsx.faces.cli import main
from thidua_xlsx.merge.lock import (
    LOCK_BOOK_NAME,
    check_merge_lock,
    lock_summary,
    read_lock_book,
)
from thidua_xlsx.scorecard.blank_cards import scorecard_filename
from thidua_xlsx.scorecard.layout import plan_card
from thidua_xlsx.scorecard.writer import write_scorecard
from thidua_xlsx.summary.writer import PRINT_SHEET, RANKING_SHEET

from conftest import ROOT, SEED_000, SEED_003
from fill_helpers import valid_fill

ON_TIME = datetime(2024, 9, 28, tzinfo=UTC)  # the campaign's deadline is 01/10/2024
LATE = datetime(2024, 10, 9, tzinfo=UTC)
CHANGED = "P-ANPHU"


@pytest.fixture(scope="module")
def campaign() -> Campaign:
    return load_campaign(SEED_003)


def _card(campaign: Campaign, folder: Path, code: str, seed: int, saved: datetime) -> Path:
    unit = campaign.unit(code)
    layout = plan_card(campaign, unit)
    values, inputs = valid_fill(layout, seed)
    if code == "X-ANCU":  # rejected: a score over its maximum
        values[("I.5", "result")] = Decimal(9)
    if code == "X-ANHAO":  # an empty card
        values, inputs = {}, {}
    path = folder / scorecard_filename(unit)
    write_scorecard(path, layout, values, inputs, generated_at=saved)  # type: ignore[arg-type]
    return path


def _inbox(campaign: Campaign, folder: Path, saved: datetime = ON_TIME) -> Path:
    """Six wards on time, one late, one rejected, one empty card; five wards send nothing."""
    folder.mkdir(parents=True)
    codes = ["P-ANPHU", "P-CHILANG", "P-NHABANG", "P-NHONHUNG", "P-NUIVOI", "P-THOISON"]
    for seed, code in enumerate(codes):
        _card(campaign, folder, code, seed, saved)
    _card(campaign, folder, "P-TINHBIEN", 7, max(saved, LATE))
    _card(campaign, folder, "X-ANCU", 8, saved)
    _card(campaign, folder, "X-ANHAO", 9, saved)
    return folder


def _changed(campaign: Campaign, inbox: Path, target: Path) -> Path:
    """The inbox with P-ANPHU's card sent again with other values."""
    shutil.copytree(inbox, target)
    _card(campaign, target, CHANGED, 42, ON_TIME)
    return target


def _run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(args), out=out), out.getvalue()


@pytest.fixture(scope="module")
def inbox(campaign: Campaign, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _inbox(campaign, tmp_path_factory.mktemp("lock") / "hop-thu")


@pytest.fixture(scope="module")
def report(campaign: Campaign, inbox: Path) -> RankReport:
    return merge_rank(campaign, [inbox])


@pytest.fixture
def locked(campaign: Campaign, report: RankReport, tmp_path: Path) -> Path:
    """A summary of the inbox, locked by ``thidua lock``: the summary's path."""
    summary = tmp_path / "tong-hop" / "tong-hop.xlsx"
    write_summary(summary, report)
    code, said = _run("lock", str(SEED_003), str(summary))
    assert code == 0, said
    assert "Đã khóa kết quả của đợt NH-BDG-2024, đơn vị TXTB" in said
    return summary


def test_lock_records_the_results_scored_again_and_leaves_the_summary(
    campaign: Campaign, report: RankReport, tmp_path: Path
) -> None:
    summary = tmp_path / "tong-hop.xlsx"
    write_summary(summary, report)
    before = summary.read_bytes()
    result = lock_summary(campaign, summary)
    assert summary.read_bytes() == before  # never modified
    assert result.book == tmp_path / LOCK_BOOK_NAME
    entry = result.entry
    assert (entry.key.campaign_id, entry.key.unit, entry.key.cluster, entry.key.period) == (
        "NH-BDG-2024",
        "TXTB",
        "",
        "",
    )
    assert entry.locked and entry.summary == "tong-hop.xlsx"
    assert entry.sha256 == hashlib.sha256(before).hexdigest()
    # the results are the merge's, unit by unit, from an independent reading of the report
    places = {r.unit: r for r in report.ranking}
    statuses = {u.unit: u.status.value for u in report.completeness.units}
    got = {u.unit: u for u in entry.units}
    assert set(got) == set(statuses) and len(got) == 14
    for code, unit in got.items():
        place = places.get(code)
        assert unit.total == (place.total if place else None)
        assert unit.rank == (place.rank if place else None)
        assert unit.band == (place.band if place else "")
    assert {u.unit: u.status for u in entry.units if u.status != "counted"} == {
        "P-TINHBIEN": "late",
        "X-ANCU": "rejected",
        "X-ANHAO": "blank",
        **{c: "missing" for c, s in statuses.items() if s == "missing"},
    }
    assert statuses["P-TINHBIEN"] == "late" and statuses["X-ANHAO"] == "blank"
    # the book on disk, as the office would open it
    book = json.loads(result.book.read_text(encoding="utf-8"))
    (saved,) = book["entries"]
    anphu = next(u for u in saved["units"] if u["unit"] == "P-ANPHU")
    assert anphu["total"] == str(places["P-ANPHU"].total)
    # locking the same summary again changes nothing
    text = result.book.read_bytes()
    assert lock_summary(campaign, summary).already
    assert result.book.read_bytes() == text


def test_a_merge_giving_the_locked_result_goes_on(
    campaign: Campaign, inbox: Path, locked: Path
) -> None:
    book = locked.parent / LOCK_BOOK_NAME
    text = book.read_bytes()
    out = locked.parent / "tong-hop-lan-2.xlsx"
    code, said = _run("merge", str(SEED_003), str(inbox), "-o", str(out))
    assert code == 1, said  # (X-ANCU's card has an error: the merge's own exit code)
    assert out.is_file()
    assert "lần tổng hợp này cho đúng kết quả đã khóa" in said
    assert book.read_bytes() == text  # nothing recorded


def test_a_changed_card_is_refused_naming_the_change(
    campaign: Campaign, report: RankReport, inbox: Path, locked: Path, tmp_path: Path
) -> None:
    changed = _changed(campaign, inbox, tmp_path / "hop-thu-2")
    out = locked.parent / "tong-hop-sua.xlsx"
    book = locked.parent / LOCK_BOOK_NAME
    text = book.read_bytes()
    code, said = _run("merge", str(SEED_003), str(changed), "-o", str(out))
    assert code == 2
    assert "[period_locked]" in said
    assert not out.exists()
    assert sorted(p.name for p in locked.parent.iterdir()) == [LOCK_BOOK_NAME, "tong-hop.xlsx"]
    assert book.read_bytes() == text
    # the change named as the office reads it, from an independent merge of the new inbox
    new = merge_rank(campaign, [changed])
    old_place, new_place = report.place(CHANGED), new.place(CHANGED)
    assert old_place is not None and new_place is not None
    assert old_place.total != new_place.total
    total = f"tổng {format_points(old_place.total)} → {format_points(new_place.total)}"
    line = next(x for x in said.splitlines() if x.strip().startswith(f"{CHANGED}:"))
    assert total in line
    if old_place.rank != new_place.rank:
        assert f"hạng {old_place.rank} → {new_place.rank}" in line
    moved = {r.unit for r in new.ranking if (p := report.place(r.unit)) and p.rank != r.rank}
    moved.add(CHANGED)
    named = {x.strip().split(":")[0] for x in said.splitlines() if x.startswith("  ")}
    assert named == moved
    # in English too
    code, said = _run("merge", str(SEED_003), str(changed), "-o", str(out), "--lang", "en")
    assert code == 2 and "This run would change it" in said and "[period_locked]" in said
    assert f"total {old_place.total:.2f} → {new_place.total:.2f}" in said


def test_reopen_writes_the_summary_and_records_the_reopening(
    campaign: Campaign, inbox: Path, locked: Path, tmp_path: Path
) -> None:
    changed = _changed(campaign, inbox, tmp_path / "hop-thu-2")
    out = locked.parent / "tong-hop-sua.xlsx"
    reason = "Phường An Phú gửi lại phiếu đã sửa theo kết luận thẩm định"
    code, said = _run("merge", str(SEED_003), str(changed), "-o", str(out), "--reopen", reason)
    assert code == 1, said  # X-ANCU's card, as before
    assert out.is_file()
    assert "Đã mở lại kết quả đã khóa" in said and reason in said
    book = read_lock_book(locked.parent / LOCK_BOOK_NAME)
    (entry,) = book.entries
    assert not entry.locked and entry.summary == "tong-hop.xlsx"  # the result that was locked
    (reopening,) = entry.reopenings
    assert reopening.reason == reason and reopening.summary == "tong-hop-sua.xlsx"
    assert CHANGED in {c.unit for c in reopening.changes}
    # the new summary says so, on the copy to sign and on the ranking
    workbook = openpyxl.load_workbook(out)
    for sheet in (PRINT_SHEET, RANKING_SHEET):
        line = workbook[sheet]["A8"].value
        assert "được mở lại" in line and reason in line, line
    # no longer locked: the next merge goes on without --reopen
    again = locked.parent / "tong-hop-lan-3.xlsx"
    code, said = _run("merge", str(SEED_003), str(inbox), "-o", str(again))
    assert code == 1 and again.is_file()


def test_reopen_without_a_lock_is_harmless(inbox: Path, tmp_path: Path) -> None:
    out = tmp_path / "tong-hop.xlsx"
    code, said = _run("merge", str(SEED_003), str(inbox), "-o", str(out), "--reopen", "Thử")
    assert code == 1 and out.is_file()
    assert "--reopen không dùng đến" in said
    assert not (tmp_path / LOCK_BOOK_NAME).exists()
    code, said = _run("merge", str(SEED_003), str(inbox), "-o", str(out), "--reopen", "  ")
    assert code == 2 and "--reopen cần một lý do" in said


def test_merge_lock_locks_what_it_writes(campaign: Campaign, inbox: Path, tmp_path: Path) -> None:
    out = tmp_path / "tong-hop.xlsx"
    code, said = _run("merge", str(SEED_003), str(inbox), "-o", str(out), "--lock", "--json")
    assert code == 1
    document = json.loads(said)
    assert document["lock"]["locked"] and not document["lock"]["was_locked"]
    book = read_lock_book(tmp_path / LOCK_BOOK_NAME)
    (entry,) = book.entries
    assert entry.locked and entry.summary == "tong-hop.xlsx"
    assert entry.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    ranked = {r["unit"]: r for r in document["ranking"]}
    for unit in entry.units:
        if unit.unit in ranked:
            assert str(unit.total) == ranked[unit.unit]["total"]
            assert unit.rank == ranked[unit.unit]["rank"]
        else:
            assert unit.total is None and unit.rank is None
    # thidua lock finds the same result locked already (what merge --lock recorded is what
    # the summary gives when scored again)
    text = (tmp_path / LOCK_BOOK_NAME).read_bytes()
    code, said = _run("lock", str(SEED_003), str(out))
    assert code == 0 and "không thay đổi" in said
    assert (tmp_path / LOCK_BOOK_NAME).read_bytes() == text
    # and a changed inbox is now refused
    changed = _changed(campaign, inbox, tmp_path / "hop-thu-2")
    code, said = _run("merge", str(SEED_003), str(changed), "-o", str(tmp_path / "b.xlsx"))
    assert code == 2 and "[period_locked]" in said


@pytest.mark.parametrize("damage", ["total edited", "cut", "not json", "other file"])
def test_a_damaged_lock_book_is_refused(inbox: Path, locked: Path, damage: str) -> None:
    book = locked.parent / LOCK_BOOK_NAME
    text = book.read_text(encoding="utf-8")
    if damage == "total edited":  # a total changed by hand, the file still valid JSON
        document = json.loads(text)
        unit = next(u for u in document["entries"][0]["units"] if u["total"])
        unit["total"] = str(Decimal(unit["total"]) + 1)
        text = json.dumps(document, ensure_ascii=False, indent=2)
    elif damage == "cut":
        text = text[: len(text) // 2]
    elif damage == "not json":
        text = "tổng hợp\x00"
    else:
        text = json.dumps({"format": "something else", "entries": []})
    book.write_text(text, encoding="utf-8")
    out = locked.parent / "tong-hop-2.xlsx"
    code, said = _run("merge", str(SEED_003), str(inbox), "-o", str(out))
    assert code == 2 and "[lock_book_damaged]" in said and str(book) in said
    assert not out.exists()
    code, said = _run("lock", str(SEED_003), str(locked))
    assert code == 2 and "[lock_book_damaged]" in said
    assert book.read_text(encoding="utf-8") == text  # left for the office to look at
    if damage == "total edited":
        assert "mã kiểm tra không khớp" in said


def test_only_a_summary_can_be_locked(inbox: Path, tmp_path: Path) -> None:
    card = next(inbox.iterdir())
    code, said = _run("lock", str(SEED_003), str(card))
    assert code == 2 and "[lock_not_summary]" in said
    other = tmp_path / "khong-phai.xlsx"
    other.write_bytes(b"PK\x03\x04 not a workbook")
    code, said = _run("lock", str(SEED_003), str(other))
    assert code == 2 and "[lock_not_summary]" in said
    assert not (inbox / LOCK_BOOK_NAME).exists() and not (tmp_path / LOCK_BOOK_NAME).exists()


def test_a_locked_period_does_not_hold_another_period(campaign: Campaign, tmp_path: Path) -> None:
    periods = generate_periods(PeriodScheme.QUARTERLY, date(2024, 1, 1), date(2024, 12, 31))
    whole = replace(campaign, periods=periods)
    first, second = whole.for_period(periods[0]), whole.for_period(periods[1])
    saved = [datetime(2024, 3, 30, tzinfo=UTC), datetime(2024, 6, 29, tzinfo=UTC)]
    inbox_1 = _inbox(first, tmp_path / "quy-1", saved[0])
    summaries = tmp_path / "tong-hop"
    summary_1 = summaries / "quy-1.xlsx"
    write_summary(summary_1, merge_rank(first, [inbox_1]))
    # locked from the summary alone: its period read from it
    result = lock_summary(whole, summary_1)
    assert result.entry.key.period == periods[0].name == "Quý I/2024"
    # a campaign that has no such period cannot lock it
    monthly = generate_periods(PeriodScheme.MONTHLY, date(2024, 1, 1), date(2024, 12, 31))
    with pytest.raises(LockError) as other:
        lock_summary(replace(campaign, periods=monthly), summary_1)
    assert other.value.code == "lock_not_summary"
    assert "kỳ «Quý I/2024»" in other.value.message("vi")
    # period 2, with other values, merges into the same folder
    inbox_2 = _inbox(second, tmp_path / "quy-2", saved[1])
    _card(second, inbox_2, CHANGED, 42, saved[1])
    report_2 = merge_rank(second, [inbox_2])
    lock = check_merge_lock(report_2, summaries / "quy-2.xlsx")
    assert not lock.locked and lock.changes == ()
    # period 1 merged again with P-ANPHU's card changed is refused
    again = tmp_path / "quy-1-lai"
    shutil.copytree(inbox_1, again)
    _card(first, again, CHANGED, 42, saved[0])
    with pytest.raises(LockError) as refused:
        check_merge_lock(merge_rank(first, [again]), summaries / "quy-1-lai.xlsx")
    assert refused.value.code == "period_locked"
    assert f"{CHANGED}: tổng" in refused.value.message("vi")
    assert "kỳ Quý I/2024" in refused.value.message("vi")


def test_a_verified_merge_locks_the_result_the_summary_gives_again(
    campaign: Campaign, tmp_path: Path
) -> None:
    """``merge --verified … --lock``: the verified scores count in the lock, and ``thidua
    lock`` of the summary (its *Thẩm định* applied again) finds the very same result."""
    wards = ward_inbox(campaign, tmp_path / "phuong")
    blank = blank_workbook(campaign, wards, tmp_path / "tham-dinh.xlsx")
    typed = {("P-ANPHU", "II.1.a"): (1, "Thiếu minh chứng")}
    verified = filled(blank, tmp_path / "tham-dinh-da-dien.xlsx", typed)
    out = tmp_path / "tong-hop" / "tong-hop.xlsx"
    args = ["merge", str(SEED_003), str(wards), "-o", str(out), "--verified", str(verified)]
    code, said = _run(*args, "--lock")
    assert code == 0, said
    book = out.parent / LOCK_BOOK_NAME
    (entry,) = read_lock_book(book).entries
    plain = merge_rank(campaign, [wards])
    anphu = next(u for u in entry.units if u.unit == "P-ANPHU")
    unverified = plain.place("P-ANPHU")
    assert unverified is not None and anphu.total is not None
    assert anphu.total < unverified.total  # the verified score counts
    text = book.read_bytes()
    code, said = _run("lock", str(SEED_003), str(out))
    assert code == 0 and "không thay đổi" in said, said
    assert book.read_bytes() == text
    # the same merge without the verification workbook changes the locked result
    code, said = _run("merge", str(SEED_003), str(wards), "-o", str(out.parent / "b.xlsx"))
    assert code == 2 and "P-ANPHU: tổng" in said


def test_months_of_the_an_giang_samples_are_locked_one_by_one(tmp_path: Path) -> None:
    """Through the command line, over the monthly samples (seed 000): month 1 merged and
    locked; month 2 merged into the same folder goes on; month 1 merged again with one
    district's card changed is refused naming the period; month 2 locked from its summary."""
    samples = ROOT / "samples" / "bao-cao-thang-an-giang"
    out = tmp_path / "tong-hop"
    first = out / "thang-1.xlsx"
    code, said = _run(
        "merge",
        str(SEED_000),
        str(samples / "thang-1"),
        "--period",
        "1",
        "-o",
        str(first),
        "--lock",
    )
    assert code in (0, 1) and first.is_file(), said
    (entry,) = read_lock_book(out / LOCK_BOOK_NAME).entries
    month_1 = campaign_for_period(load_campaign(SEED_000), "1")
    assert month_1.period is not None and entry.key.period == month_1.period.name
    second = out / "thang-2.xlsx"
    code, said = _run(
        "merge", str(SEED_000), str(samples / "thang-2"), "--period", "2", "-o", str(second)
    )
    assert code in (0, 1) and second.is_file(), said
    assert "đã khóa" not in said
    # month 1 again, one district's card sent again with other values
    changed = tmp_path / "thang-1-sua"
    shutil.copytree(samples / "thang-1", changed)
    card = next(p for p in sorted(changed.iterdir()) if p.suffix == ".xlsx")
    unit = month_1.unit(card.name.split("-hoi-")[0])
    layout = plan_card(month_1, unit)
    values, inputs = valid_fill(layout, 4242)
    saved = datetime(2021, 11, 22, 3, tzinfo=UTC)  # within month 1's deadline
    write_scorecard(card, layout, values, inputs, generated_at=saved)  # type: ignore[arg-type]
    again = out / "thang-1-lan-2.xlsx"
    code, said = _run("merge", str(SEED_000), str(changed), "--period", "1", "-o", str(again))
    assert code == 2 and "[period_locked]" in said and f"kỳ {month_1.period.name}" in said
    assert f"{unit.code}: tổng" in said and not again.exists()
    # month 2 locked from its summary alone: the period read from it
    code, said = _run("lock", str(SEED_000), str(second))
    assert code == 0, said
    book = read_lock_book(out / LOCK_BOOK_NAME)
    assert sorted(e.key.period for e in book.entries) == sorted(
        [month_1.period.name, campaign_for_period(month_1, "2").period.name]  # type: ignore[union-attr]
    )


def test_lock_of_another_result_is_refused_unless_reopened(
    campaign: Campaign, inbox: Path, locked: Path, tmp_path: Path
) -> None:
    changed = _changed(campaign, inbox, tmp_path / "hop-thu-2")
    other = locked.parent / "tong-hop-sua.xlsx"
    write_summary(other, merge_rank(campaign, [changed]))
    with pytest.raises(LockError) as refused:
        lock_summary(campaign, other)
    assert refused.value.code == "period_locked"
    result = lock_summary(campaign, other, reopen="Phường An Phú gửi lại phiếu")
    assert CHANGED in {c.unit for c in result.changes}
    (entry,) = read_lock_book(result.book).entries
    assert entry.locked and entry.summary == "tong-hop-sua.xlsx"
    (reopening,) = entry.reopenings
    assert reopening.reason == "Phường An Phú gửi lại phiếu"
    assert reopening.summary == "tong-hop-sua.xlsx"
