#!/usr/bin/env python3
"""Rebuild the sample inboxes of periods and years (see samples/README.md), which
``thidua demo`` runs after the Nhơn Hưng 2024 chain:

    python3 samples/make_period_samples.py                   (LibreOffice for three cards)
    python3 samples/make_period_samples.py --no-libreoffice  (only the library's own files)
    python3 samples/make_period_samples.py --out DIR

- ``bao-cao-thang-an-giang/thang-1``, ``thang-2``, ``thang-3``: the monthly cards of the 11
  district women's unions of An Giang (``workbook_templates/an-giang-hlhpn-2021.xlsx``, a
  three-month campaign reported monthly), which the province ranks month by month. Each month
  one district types its card in LibreOffice (saved today, so reported late), and in the
  second month one district sends nothing. The cards of the second and third months were
  made with ``templates --earlier`` (the library's own ones): they show what the earlier
  months reported on the criteria that accumulate.
- ``inbox-tinh-bien-2025``: the wards' and communes' cards of Tịnh Biên town for the 2025
  campaign (``workbook_templates/nhon-hung-2025-bdg.xlsx``), for the trend over two years;
  one ward typed in LibreOffice (late), one commune sends nothing.

Every value comes from one seeded generator; every file written by the library carries a
fixed saved time before its deadline. Each file must check as planned (no issue, or only
``file_late`` for the LibreOffice ones), or the script fails.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from make_samples import (  # noqa: E402
    SampleFile,
    _libreoffice,
    _verify,
    fill,
)

from thidua_xlsx import load_campaign  # noqa: E402
from thidua_xlsx.campaign.periods import campaign_for_period  # noqa: E402
from thidua_xlsx.core.model import Campaign, Method, Unit  # noqa: E402
from thidua_xlsx.core.periods import EarlierReports  # noqa: E402
from thidua_xlsx.core.scoring import RawInput  # noqa: E402
from thidua_xlsx.merge.earlier import earlier_reports  # noqa: E402
from thidua_xlsx.merge.rank import merge_rank  # noqa: E402
from thidua_xlsx.scorecard.blank_cards import scorecard_filename  # noqa: E402
from thidua_xlsx.scorecard.layout import plan_card  # noqa: E402
from thidua_xlsx.scorecard.writer import write_scorecard  # noqa: E402
from thidua_xlsx.summary.writer import write_summary  # noqa: E402

AN_GIANG = ROOT / "workbook_templates" / "an-giang-hlhpn-2021.xlsx"
NHON_HUNG_2025 = ROOT / "workbook_templates" / "nhon-hung-2025-bdg.xlsx"
MONTHS = "bao-cao-thang-an-giang"
TOWN_2025 = "inbox-tinh-bien-2025"
TOWN = "TXTB"
SEED = 2021
Values = dict[tuple[str, str], object]

# per month: the district that types its card in LibreOffice, the one that sends nothing
TYPED = {1: "HLHPN-CD", 2: "HLHPN-TC", 3: "HLHPN-AP"}
SILENT = {2: "HLHPN-TT"}
TYPED_2025, SILENT_2025 = "P-TINHBIEN", "X-ANCU"
BONUS = (
    "Mô hình «Mái ấm tình thương» kết hợp vận động mạnh thường quân, được Hội LHPN tỉnh biểu dương",
    "Cách làm hay «Chợ phiên 0 đồng» cho phụ nữ khó khăn được Trung ương Hội giới thiệu nhân rộng",
)


def month_campaign(campaign: Campaign, number: int) -> Campaign:
    return campaign_for_period(campaign, str(number))


def an_giang_fill(
    layout_campaign: Campaign, unit: Unit, rng: random.Random, quality: float, month: int
) -> tuple[Values, dict[str, RawInput]]:
    """A district's entries for one month, within every rule."""
    period = layout_campaign.period
    assert period is not None and period.end is not None
    values: Values = {}
    inputs: dict[str, RawInput] = {}
    sign = unit.code.removeprefix("HLHPN-")
    for leaf in layout_campaign.leaves:
        amount: Decimal | None = None
        met: bool | None = None
        target: Decimal | None = None
        explanation = ""
        chance = min(0.97, quality)
        if leaf.method is Method.DAT:
            met = rng.random() < chance + 0.1
            values[(leaf.code, "result")] = "Đạt" if met else "Không đạt"
        elif leaf.cumulative:  # this month's part of a whole-campaign target
            amount = Decimal(1 if rng.random() < chance else 0)
        elif leaf.method is Method.TY_LE and leaf.target is None:
            target = Decimal(rng.randint(180, 900))
            amount = (target * Decimal(str(round(rng.uniform(quality - 0.2, 1.0), 2)))).quantize(
                Decimal(1)
            )
            amount = max(Decimal(0), min(target, amount))
            values[(leaf.code, "target")] = target
        elif leaf.method is Method.SO_LUONG:
            rate = leaf.points_per_unit or Decimal(1)
            most = int(-(-leaf.max_points // rate))
            amount = Decimal(max(0, min(most, round(most * rng.uniform(quality - 0.35, quality)))))
        elif leaf.method is Method.DIEM:
            share = rng.uniform(quality - 0.15, min(1.0, quality + 0.05))
            amount = (leaf.max_points * Decimal(str(max(0.0, share))) * 2).quantize(Decimal(1)) / 2
        elif leaf.method is Method.THUONG:
            if rng.random() < quality - 0.55:
                amount = Decimal(rng.choice([1, 2, 3]))
                explanation = rng.choice(BONUS)
            else:
                amount = Decimal(0)
        elif leaf.method is Method.TRU:
            late = leaf.points_per_unit is not None and rng.random() > quality + 0.1
            amount = Decimal(1 if late else 0)
            if amount:
                explanation = f"Báo cáo tháng thứ {month} gửi trễ 02 ngày"
        if amount is not None:
            values[(leaf.code, "result")] = amount
        evidence = ""
        if leaf.evidence_required and (met or amount):
            day = period.end - timedelta(days=rng.randint(0, 20))
            evidence = f"Báo cáo số {rng.randint(5, 190)}/BC-HPN{sign} ngày {day:%d/%m/%Y}"
            values[(leaf.code, "evidence")] = evidence
        if explanation:
            values[(leaf.code, "explanation")] = explanation
        inputs[leaf.code] = RawInput(amount, met, target, explanation, evidence)
    return values, inputs


def _saved(deadline: date, rng: random.Random) -> datetime:
    """A working-hours saved time a few days before ``deadline`` (Vietnam time, as UTC)."""
    day = deadline - timedelta(days=rng.randint(0, 4))
    return datetime(
        day.year, day.month, day.day, rng.randint(8, 16) - 7, rng.randint(0, 59), tzinfo=UTC
    )


def write_months(out: Path, libreoffice: bool = True) -> list[Path]:
    """The three months of the An Giang campaign."""
    campaign = load_campaign(AN_GIANG)
    rng = random.Random(SEED)
    # each district's level and how it moves month by month
    course = {
        u.code: (rng.uniform(0.55, 0.95), rng.uniform(-0.12, 0.12)) for u in campaign.leaf_units
    }
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="thidua-months-") as tmp:
        summaries: list[Path] = []
        for number in (1, 2, 3):
            month = month_campaign(campaign, number)
            folder = out / MONTHS / f"thang-{number}"
            if folder.exists():
                shutil.rmtree(folder)
            folder.mkdir(parents=True)
            earlier = earlier_reports(month, summaries) if summaries else EarlierReports()
            typed: list[SampleFile] = []
            planned: list[SampleFile] = []
            assert month.period is not None and month.period.deadline is not None
            for unit in month.leaf_units:
                level, move = course[unit.code]
                quality = max(0.3, min(0.98, level + move * (number - 1)))
                values, inputs = an_giang_fill(month, unit, rng, quality, number)
                saved = _saved(month.period.deadline, rng)
                if SILENT.get(number) == unit.code:
                    continue
                sample = SampleFile(
                    f"{MONTHS}/thang-{number}",
                    scorecard_filename(unit),
                    unit,
                    values,
                    inputs,
                    saved,
                )
                if TYPED.get(number) == unit.code:
                    sample.saved_at = None
                    sample.expected = frozenset({"file_late"})
                    sample.typed = {
                        key: str(int(v))
                        for key, v in values.items()
                        if isinstance(v, Decimal) and v == v.to_integral_value()
                    }
                    sample.values = {k: v for k, v in values.items() if k not in sample.typed}
                    typed.append(sample)
                    continue
                layout = replace(plan_card(month, unit), earlier=earlier.of_unit(unit.code))
                path = out / sample.folder / sample.name
                write_scorecard(path, layout, values, inputs, generated_at=saved)  # type: ignore[arg-type]
                planned.append(sample)
                written.append(path)
            # the month as the province ranks it, every card written by the library (the same
            # entries as the LibreOffice ones): what the next months' cards show does not
            # depend on LibreOffice
            ranked = Path(tmp) / f"thang-{number}"
            ranked.mkdir()
            for unit in month.leaf_units:
                if SILENT.get(number) != unit.code:
                    plain = next(s for s in [*planned, *typed] if s.unit.code == unit.code)
                    entries = {**plain.values, **{k: Decimal(v) for k, v in plain.typed.items()}}
                    card = ranked / plain.name
                    write_scorecard(card, plan_card(month, unit), entries, plain.inputs)  # type: ignore[arg-type]
            if libreoffice and typed:
                written += _libreoffice(month, typed, out)
                planned += typed
            _verify(month, planned, out)
            report = merge_rank(month, [ranked])
            summary = Path(tmp) / f"tong-hop-thang-{number}.xlsx"
            write_summary(
                summary,
                report,
                generated_at=datetime.combine(month.period.deadline, datetime.min.time(), UTC),
            )
            summaries.append(summary)
    return written


def write_2025(out: Path, libreoffice: bool = True) -> list[Path]:
    """The town's wards and communes in 2025."""
    campaign = load_campaign(NHON_HUNG_2025)
    rng = random.Random(SEED + 4)
    folder = out / TOWN_2025
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    written: list[Path] = []
    typed: list[SampleFile] = []
    planned: list[SampleFile] = []
    for index, unit in enumerate(campaign.children_units(TOWN)):
        layout = plan_card(campaign, unit)
        values, inputs = fill(
            campaign, layout, rng, rng.uniform(0.62, 0.97), latest=date(2024, 12, 31)
        )
        values, inputs = _next_year(values, inputs)
        if unit.code == SILENT_2025:
            continue
        saved = datetime(2025, 9, 15 + index % 14, 2 + index % 7, (index * 11) % 60, tzinfo=UTC)
        sample = SampleFile(TOWN_2025, scorecard_filename(unit), unit, values, inputs, saved)
        if unit.code == TYPED_2025:
            sample.saved_at = None
            sample.expected = frozenset({"file_late"})
            typed.append(sample)
            continue
        path = folder / sample.name
        write_scorecard(path, layout, values, inputs, generated_at=saved)  # type: ignore[arg-type]
        planned.append(sample)
        written.append(path)
    if libreoffice and typed:
        written += _libreoffice(campaign, typed, out)
        planned += typed
    _verify(campaign, planned, out)
    return written


def _next_year(values: Values, inputs: dict[str, RawInput]) -> tuple[Values, dict[str, RawInput]]:
    """The entries dated a year later (the 2024 sample generator's documents, in 2025)."""
    moved = {k: v.replace("/2024", "/2025") if isinstance(v, str) else v for k, v in values.items()}
    return moved, {
        code: replace(raw, evidence=raw.evidence.replace("/2024", "/2025"))
        for code, raw in inputs.items()
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE)
    parser.add_argument("--no-libreoffice", action="store_true")
    args = parser.parse_args(argv)
    written = write_months(args.out, not args.no_libreoffice)
    written += write_2025(args.out, not args.no_libreoffice)
    for path in written:
        print(path)


if __name__ == "__main__":
    main()
