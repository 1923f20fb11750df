"""Summaries of several periods for the trend (``thidua trend``), made by the library and
deterministic: the Nhơn Hưng campaign run monthly over July–September 2024, each month's
wards' cards filled validly (fixed seeds and time stamps), merged and written as the town's
summary. Used by tests/trend and by tests/files/make_files.py (tests/files/trend/).

Planted in the chain: X-VINHTRUNG sends nothing in August; X-TANLAP's September card is saved
after the deadline; P-ANPHU and P-CHILANG enter the same values in July (đồng hạng).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from thidua_xlsx import load_campaign
from thidua_xlsx.core.model import Campaign
from thidua_xlsx.core.periods import Period, PeriodScheme, generate_periods
from thidua_xlsx.core.scoring import RawInput
from thidua_xlsx.merge.rank import merge_rank
from thidua_xlsx.scorecard.blank_cards import scorecard_filename
from thidua_xlsx.scorecard.layout import plan_card
from thidua_xlsx.scorecard.writer import write_scorecard
from thidua_xlsx.summary import writer as summary_writer

from conftest import SEED_000, SEED_003
from fill_helpers import valid_fill

MONTHS = generate_periods(PeriodScheme.MONTHLY, date(2024, 7, 1), date(2024, 9, 30))
MISSING = ("X-VINHTRUNG", 2)  # (unit, period index): sends nothing
LATE = ("X-TANLAP", 3)  # saved after the period's deadline
TWINS = ("P-ANPHU", "P-CHILANG", 1)  # the same entries in July

Entered = dict[int, dict[str, dict[str, RawInput]]]  # period → unit → leaf → input


def monthly_campaign() -> Campaign:
    """The Nhơn Hưng campaign with monthly periods over July–September 2024."""
    return replace(load_campaign(SEED_003), periods=MONTHS)


def summary_name(period: Period) -> str:
    return f"tong-hop-thang-{period.start.month:02d}.xlsx" if period.start else "tong-hop.xlsx"


def written_at(period: Period) -> datetime:
    assert period.deadline is not None
    return datetime(
        period.deadline.year, period.deadline.month, period.deadline.day, 9, 0, tzinfo=UTC
    )


def month_inbox(campaign: Campaign, period: Period, folder: Path) -> dict[str, dict[str, RawInput]]:
    """The wards' cards of one month in ``folder``; returns what each ward entered."""
    run = campaign.for_period(period)
    folder.mkdir(parents=True, exist_ok=True)
    entered: dict[str, dict[str, RawInput]] = {}
    for number, ward in enumerate(run.children_units("TXTB")):
        if (ward.code, period.index) == MISSING:
            continue
        seed = 100 * period.index + number
        if ward.code in TWINS[:2] and period.index == TWINS[2]:
            seed = 777
        layout = plan_card(run, ward)
        values, inputs = valid_fill(layout, seed)
        assert period.end is not None and period.deadline is not None
        saved = datetime(period.end.year, period.end.month, period.end.day, 3, 0, tzinfo=UTC)
        if (ward.code, period.index) == LATE:
            late = period.deadline.toordinal() + 3
            day = date.fromordinal(late)
            saved = datetime(day.year, day.month, day.day, 3, 0, tzinfo=UTC)
        path = folder / scorecard_filename(ward)
        write_scorecard(path, layout, values, inputs, generated_at=saved)  # type: ignore[arg-type]
        entered[ward.code] = inputs
    return entered


def write_chain(folder: Path, work: Path) -> Entered:
    """The town's summary of each month in ``folder`` (cards in ``work``); returns what each
    ward entered, per month."""
    campaign = monthly_campaign()
    folder.mkdir(parents=True, exist_ok=True)
    entered: Entered = {}
    for period in MONTHS:
        inbox = work / f"hop-thu-{period.index}"
        entered[period.index] = month_inbox(campaign, period, inbox)
        report = merge_rank(campaign.for_period(period), [inbox], workers=1)
        summary_writer.write_summary(
            folder / summary_name(period), report, generated_at=written_at(period)
        )
    return entered


@contextlib.contextmanager
def without_definition() -> Iterator[None]:
    """Summaries written as thidua wrote them before they carried their campaign's definition."""
    kept = summary_writer._definition_sheet
    summary_writer._definition_sheet = lambda workbook, report: None  # type: ignore[assignment]
    try:
        yield
    finally:
        summary_writer._definition_sheet = kept  # type: ignore[assignment]


def refused_files(chain: Path, work: Path, target: Path) -> None:
    """One file per refusal code of the trend, in ``target`` (named after the code), over the
    chain in ``chain``."""
    import openpyxl

    from thidua_xlsx.merge.trend import build_trend
    from thidua_xlsx.rollup.definition import DEFINITION_SHEET
    from thidua_xlsx.trend.writer import write_trend

    campaign = monthly_campaign()
    august, september = MONTHS[1], MONTHS[2]
    target.mkdir(parents=True, exist_ok=True)
    # a trend workbook given back as a summary
    trend = build_trend(sorted(chain.glob("tong-hop-*.xlsx")))
    write_trend(target / "trend_not_summary.xlsx", trend, generated_at=written_at(september))
    # August's summary written by a thidua before summaries carried their definition
    run = campaign.for_period(august)
    report = merge_rank(run, [work / f"hop-thu-{august.index}"], workers=1)
    with without_definition():
        summary_writer.write_summary(
            target / "trend_no_definition.xlsx", report, generated_at=written_at(august)
        )
    # August's summary whose hidden definition was edited (a maximum raised by hand)
    damaged = target / "trend_definition_damaged.xlsx"
    summary_writer.write_summary(damaged, report, generated_at=written_at(august))
    book = openpyxl.load_workbook(damaged)
    sheet = book[DEFINITION_SHEET]
    text = str(sheet["A1"].value)
    first = campaign.leaves[0]
    old = f'"code":"{first.code}","content"'
    assert old in text
    start = text.index(old)
    at = text.index(f'"max":"{format(first.max_points, "f")}"', start)
    sheet["A1"].value = (
        text[:at]
        + f'"max":"{format(first.max_points + 1, "f")}"'
        + text[at + len(f'"max":"{format(first.max_points, "f")}"') :]
    )
    book.save(damaged)
    _pinned(damaged, written_at(august))
    # September's summary of the cluster «Cụm 1 - Phường» (another level)
    run = campaign.for_period(september)
    inbox = work / f"hop-thu-{september.index}"
    report = merge_rank(run, [inbox], cluster="Cụm 1 - Phường", workers=1)
    summary_writer.write_summary(
        target / "trend_other_level.xlsx", report, generated_at=written_at(september)
    )
    # September's summary made earlier, before X-TANLAP's late card came in (the same period)
    early = work / "hop-thu-som"
    early.mkdir(exist_ok=True)
    for card in inbox.iterdir():
        if not card.name.startswith(LATE[0]):
            (early / card.name).write_bytes(card.read_bytes())
    report = merge_rank(run, [early], workers=1)
    summary_writer.write_summary(
        target / "trend_same_period.xlsx",
        report,
        generated_at=written_at(september).replace(day=1),
    )
    # a summary of another campaign (Hội LHPN An Giang 2021) with other criterion codes
    other = load_campaign(SEED_000)
    folder = work / "an-giang"
    folder.mkdir(exist_ok=True)
    stamp = datetime(2021, 11, 1, 3, 0, tzinfo=UTC)
    top = other.root_units[0]
    for number, unit in enumerate(other.children_units(top.code)):
        layout = plan_card(other, unit)
        values, inputs = valid_fill(layout, number)
        path = folder / scorecard_filename(unit)
        write_scorecard(path, layout, values, inputs, generated_at=stamp)  # type: ignore[arg-type]
    report = merge_rank(other, [folder], workers=1)
    summary_writer.write_summary(target / "trend_other_campaign.xlsx", report, generated_at=stamp)


def _pinned(path: Path, stamp: datetime) -> None:
    """openpyxl stamps its save time on the zip entries: pinned to ``stamp`` so that
    rebuilding gives the same bytes (the modified date inside is openpyxl's to write)."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as source:
        parts = [(info.filename, source.read(info)) for info in source.infolist()]
    when = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zipped:
        for name, data in parts:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + when, data)
            entry = zipfile.ZipInfo(name, date_time=stamp.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            zipped.writestr(entry, data)


REFUSED = {
    "trend_not_summary": "trend_not_summary.xlsx",
    "trend_no_definition": "trend_no_definition.xlsx",
    "trend_definition_damaged": "trend_definition_damaged.xlsx",
    "trend_other_campaign": "trend_other_campaign.xlsx",
    "trend_other_level": "trend_other_level.xlsx",
    "trend_same_period": "trend_same_period.xlsx",
}
