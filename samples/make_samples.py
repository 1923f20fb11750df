#!/usr/bin/env python3
"""Rebuild the sample inboxes that ``thidua demo`` runs on (see samples/README.md).

    python3 samples/make_samples.py                     all files (LibreOffice for five)
    python3 samples/make_samples.py --no-libreoffice    only the files written by XlsxWriter
    python3 samples/make_samples.py --out DIR           into DIR instead of samples/

The campaign is ``workbook_templates/nhon-hung-2024-bdg.xlsx`` (deadline 01/10/2024):

- ``inbox-nhon-hung/``: the cards of the sectors of Nhơn Hưng ward (children of P-NHONHUNG),
  which the ward composes into its own card;
- ``inbox-tinh-bien/``: the cards of the other wards and communes of Tịnh Biên town (children
  of TXTB except P-NHONHUNG, whose card the demo composes), which the town ranks;
- ``tham-dinh-tinh-bien.xlsx``: the town's verification workbook (``thidua verify`` over the
  town's inbox as the demo sees it), a few verified scores typed in LibreOffice, which the
  demo applies (``merge --verified``);
- ``kiem-phieu-tinh-bien.xlsx``: the tally of the town's Council (``thidua vote`` over the
  demo's town summary, ranked with that verification workbook), its secretary's entries typed
  in LibreOffice, which the demo decides with (``thidua vote --tally``).

Every value comes from one seeded random generator, and every file written by the library's
own writer carries a fixed saved time before the deadline, so two runs give the same files.
Three cards are typed into and saved by a real LibreOffice through UNO (tests/uno_driver.py,
run with the system ``/usr/bin/python3``): LibreOffice stamps today as the saved time, so those
are reported late (*nộp muộn*); the verification workbook and the tally are filled the same
way. A few files carry the mistakes people make; each file's expected issues are set in the
plan below and checked after writing, so the script fails loudly if the checker and the samples
ever disagree (the verification workbook must apply without an issue, the tally must decide as
planted).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from thidua_xlsx import load_campaign  # noqa: E402
from thidua_xlsx.checking.checker import check_file  # noqa: E402
from thidua_xlsx.core.model import Campaign, Criterion, Method, Unit  # noqa: E402
from thidua_xlsx.core.scoring import RawInput  # noqa: E402
from thidua_xlsx.scorecard.blank_cards import scorecard_filename  # noqa: E402
from thidua_xlsx.scorecard.layout import SCORECARD_SHEET, CardLayout, plan_card  # noqa: E402
from thidua_xlsx.scorecard.writer import write_scorecard  # noqa: E402

CAMPAIGN = ROOT / "workbook_templates" / "nhon-hung-2024-bdg.xlsx"
WARD, TOWN = "P-NHONHUNG", "TXTB"
SECTOR_INBOX, WARD_INBOX = "inbox-nhon-hung", "inbox-tinh-bien"
VERIFICATION = "tham-dinh-tinh-bien.xlsx"  # the town's verification workbook, filled
VERIFICATION_WRITTEN = datetime(2024, 10, 3, 2, 0, tzinfo=UTC)  # 03/10/2024 09:00, Vietnam
TALLY = "kiem-phieu-tinh-bien.xlsx"  # the tally of the town's Council, filled
TALLY_WRITTEN = datetime(2024, 10, 15, 1, 0, tzinfo=UTC)  # 15/10/2024 08:00, Vietnam
SEED = 2024
Values = dict[tuple[str, str], object]

# Document signs (ký hiệu văn bản) of each sector; wards sign as UBND.
SIGNS = {
    "NH-VP": "UBND",
    "NH-CA": "CAP",
    "NH-QS": "BCHQS",
    "NH-YT": "TYT",
    "NH-PN": "HLHPN",
    "NH-DTN": "ĐTN",
    "NH-MTTQ": "MTTQ",
    "NH-VHXH": "VHXH",
    "NH-TP": "TP",
    "NH-ND": "HND",
    "NH-CCB": "CCB",
    "NH-THCS": "THCS",
    "NH-THA": "THA",
    "NH-THB": "THB",
    "NH-MG": "MG",
}
# The kind of document that proves each criterion: (name, abbreviation)
_KH, _QD, _BC = ("Kế hoạch", "KH"), ("Quyết định", "QĐ"), ("Báo cáo", "BC")
DOCUMENTS: dict[str, tuple[str, str]] = {
    "I.1": _KH,
    "I.2": _QD,
    "I.3": _KH,
    "I.5": _KH,
    "II.1.c": _KH,
    "II.3.a": _QD,
    "II.4.a": _KH,
    "II.4.b": _QD,
    "II.5.a": _QD,
    "II.5.b": _KH,
    "III.2": _QD,
    "III.3": _QD,
    "IV.1": _QD,
    "IV.2": _QD,
}
BONUS_REASONS = {
    "IV.1": (
        "Mô hình «Tổ phụ nữ tiết kiệm vốn xoay vòng» giúp 32 hội viên nghèo có vốn làm ăn; "
        "được Hội LHPN thị xã chọn nhân rộng",
        "Câu lạc bộ «Gia đình hạnh phúc, không bạo lực» sinh hoạt đều hằng tháng, thu hút "
        "cả nam giới tham gia; được thị xã biểu dương",
        "Mô hình «Địa chỉ tin cậy» kết hợp tổ tự quản khóm, tiếp nhận và hỗ trợ kịp thời "
        "các trường hợp bạo lực gia đình",
    ),
    "IV.2": (
        "Tập thể được Chủ tịch UBND thị xã tặng Giấy khen về thực hiện công tác bình đẳng giới",
        "01 cá nhân được Chủ tịch UBND tỉnh tặng Bằng khen về công tác vì sự tiến bộ của phụ nữ",
    ),
    "IV.3": (
        "Vận động mạnh thường quân hỗ trợ 12 suất học bổng cho trẻ em gái có hoàn cảnh khó khăn",
        "Huy động 45 triệu đồng xã hội hóa sửa chữa nhà cho 02 phụ nữ đơn thân nghèo",
    ),
}
DEDUCTION_REASONS = {
    "V.1": "Báo cáo 6 tháng gửi trễ 03 ngày so với quy định",
    "V.2": "Báo cáo số liệu thống kê giới quý II thiếu biểu mẫu",
    "V.3": "01 vụ bạo lực gia đình phát hiện nhưng chưa xử lý kịp thời",
}
# The one document two sectors both cite for II.1.a ("each activity is scored once")
SHARED_EVIDENCE = "Báo cáo số 45/BC-UBND ngày 12/3/2024 về kết quả hoạt động tháng 3"


@dataclass
class SampleFile:
    """One file of an inbox: whose card, what is in it, how it is saved, what it must give."""

    folder: str
    name: str
    unit: Unit
    values: Values
    inputs: dict[str, RawInput]
    saved_at: datetime | None  # None: typed and saved by LibreOffice (saved today)
    expected: frozenset[str] = frozenset()  # issue codes the checker must report
    mistakes: list[str] = field(default_factory=list)
    # texts typed as a person types them (LibreOffice files only): «86%» becomes a percentage
    typed: dict[tuple[str, str], str] = field(default_factory=dict)


# ------------------------------------------------------------------------------------------
# plausible values
# ------------------------------------------------------------------------------------------


def _quantize(value: Decimal, step: str) -> Decimal:
    return value.quantize(Decimal(step), rounding=ROUND_HALF_UP)


def _evidence(rng: random.Random, code: str, sign: str, latest: date) -> str:
    name, abbreviation = DOCUMENTS.get(code, _BC)
    day = date(2024, 3, 1) + timedelta(days=rng.randint(0, (latest - date(2024, 3, 1)).days))
    number = rng.randint(3, 160)
    return f"{name} số {number}/{abbreviation}-{sign} ngày {day.day}/{day.month}/{day.year}"


def _lead_sector(campaign: Campaign, criterion: Criterion, unit: Unit) -> bool:
    """For a rate with a fixed target (a ward-wide %), only the first sector named reports
    it: the others have no figure of their own and leave the row blank."""
    if criterion.method is not Method.TY_LE or criterion.target is None:
        return True
    if not campaign.is_responsible(unit.code):
        return True
    return criterion.sectors[0] == unit.code


def fill(
    campaign: Campaign,
    layout: CardLayout,
    rng: random.Random,
    quality: float,
    latest: date = date(2024, 9, 15),
) -> tuple[Values, dict[str, RawInput]]:
    """A careful unit's entries, within every rule, and the same entries as Excel computes
    them (for the formulas' cached results)."""
    sign = SIGNS.get(layout.unit.code, "UBND")
    sector = not layout.full
    values: Values = {}
    inputs: dict[str, RawInput] = {}
    for leaf in (c for c in layout.criteria if c.is_leaf):
        if not _lead_sector(campaign, leaf, layout.unit):
            continue
        amount: Decimal | None = None
        met: bool | None = None
        target: Decimal | None = None
        explanation = ""
        cap = leaf.max_points
        if leaf.method is Method.DAT:
            met = rng.random() < quality + 0.12
            values[(leaf.code, "result")] = "Đạt" if met else "Không đạt"
            if not met:
                explanation = "Chưa thực hiện được trong kỳ, sẽ hoàn thành trong quý IV/2024"
        elif leaf.method is Method.TY_LE and leaf.target is None:
            target = Decimal(rng.randint(3, 12))
            amount = Decimal(rng.randint(max(1, round(int(target) * (quality - 0.2))), int(target)))
            values[(leaf.code, "target")] = target
        elif leaf.method is Method.TY_LE:
            goal = leaf.target or Decimal(100)
            if goal == 100 and rng.random() < quality:
                amount = goal
            else:
                share = Decimal(str(round(rng.uniform(quality - 0.12, 1.0), 3)))
                amount = min(goal, _quantize(goal * share, "0.1"))
        elif leaf.method is Method.SO_LUONG:
            rate = leaf.points_per_unit or Decimal(1)
            most = int(-(-cap // rate))  # enough to reach the cap
            low, high = (most // 3, most // 2 + 1) if sector else (most // 2, most)
            amount = Decimal(rng.randint(low, high))
        elif leaf.method is Method.DIEM:
            share = Decimal(str(round(rng.uniform(quality - 0.15, min(1.0, quality + 0.1)), 3)))
            amount = _quantize(cap * max(share, Decimal(0)) * 2, "1") / 2
        elif leaf.method is Method.THUONG:
            # the women's union has a model worth a bonus; other sectors seldom claim one
            chance = 0.55 if not sector else (1.0 if layout.unit.code == "NH-PN" else 0.15)
            if rng.random() < chance:
                amount = min(cap, Decimal(rng.choice([2, 3, 4, 5, 6, 8])))
                explanation = rng.choice(BONUS_REASONS[leaf.code])
            else:
                amount = Decimal(0)
        elif leaf.method is Method.TRU:
            violated = leaf.code in DEDUCTION_REASONS and rng.random() < 0.15
            amount = Decimal(1) if violated else Decimal(0)
            if amount:
                explanation = DEDUCTION_REASONS[leaf.code]
        if amount is not None:
            values[(leaf.code, "result")] = amount
        scored = bool(met) or bool(amount)
        evidence = ""
        if leaf.evidence_required and scored:
            evidence = _evidence(rng, leaf.code, sign, latest)
            values[(leaf.code, "evidence")] = evidence
        if explanation:
            values[(leaf.code, "explanation")] = explanation
        inputs[leaf.code] = RawInput(amount, met, target, explanation, evidence)
    return values, inputs


def _first_leaf(layout: CardLayout, method: Method, scored: Values | None = None) -> Criterion:
    """The first leaf of the card with ``method`` (and a value in ``scored``, if given)."""
    for criterion in layout.criteria:
        wanted = criterion.is_leaf and criterion.method is method
        if wanted and (scored is None or scored.get((criterion.code, "result"))):
            return criterion
    raise LookupError(f"no {method.value} criterion on {layout.unit.code}'s card")


# ------------------------------------------------------------------------------------------
# the two inboxes
# ------------------------------------------------------------------------------------------


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    """A saved time in September 2024, Vietnam time (UTC+7), as UTC."""
    return datetime(2024, 9, day, hour - 7, minute, tzinfo=UTC)


def plan_samples(campaign: Campaign) -> list[SampleFile]:
    """Every file of both inboxes, in a fixed order, from one seeded generator."""
    rng = random.Random(SEED)
    files: list[SampleFile] = []
    files += _sector_inbox(campaign, rng)
    files += _ward_inbox(campaign, rng)
    return files


def _sector_inbox(campaign: Campaign, rng: random.Random) -> list[SampleFile]:
    files: list[SampleFile] = []
    for index, unit in enumerate(campaign.children_units(WARD)):
        layout = plan_card(campaign, unit)
        quality = rng.uniform(0.78, 0.97)
        values, inputs = fill(campaign, layout, rng, quality)
        saved = _at(16 + index % 12, 8 + index % 9, (index * 7) % 60)
        name = scorecard_filename(unit)
        sample = SampleFile(SECTOR_INBOX, name, unit, values, inputs, saved)
        code = unit.code
        if code == "NH-MG":  # the kindergarten sends nothing
            sample.mistakes.append("missing")
            continue
        if code in ("NH-CA", "NH-YT"):  # typed and saved in LibreOffice: saved today, late
            sample.saved_at = None
            sample.name = name if code == "NH-CA" else name.replace(".xlsx", ".ods")
            sample.expected = frozenset({"file_late"})
        elif code == "NH-VP":  # sent on 10/9, corrected and sent again on 25/9
            old_values, old_inputs = fill(campaign, layout, rng, 0.6)
            files.append(
                SampleFile(
                    SECTOR_INBOX,
                    name,
                    unit,
                    old_values,
                    old_inputs,
                    _at(10, 16, 20),
                    mistakes=["superseded"],
                )
            )
            sample.name = name.replace(".xlsx", " (1).xlsx")
            sample.saved_at = _at(25, 9, 5)
        elif code == "NH-PN":  # renamed by the sender; shares a document with VHXH
            sample.name = "Hoi LHPN phuong - phieu cham diem BDG 2024.xlsx"
            _share_evidence(sample)
        elif code == "NH-VHXH":
            _share_evidence(sample)
        elif code == "NH-TP":  # points over the maximum
            leaf = _first_leaf(layout, Method.DIEM)
            over = leaf.max_points + 2
            sample.values[(leaf.code, "result")] = over
            evidence = "Báo cáo số 27/BC-TP ngày 04/9/2024"
            sample.values[(leaf.code, "evidence")] = evidence
            sample.inputs[leaf.code] = RawInput(over, evidence=evidence)
            sample.expected = frozenset({"value_over_max"})
            sample.mistakes.append(f"{leaf.code}: {over} > {leaf.max_points}")
        elif code == "NH-ND":  # "5 điểm": a number typed with a word
            leaf = _first_leaf(layout, Method.DIEM)
            evidence = "Báo cáo số 18/BC-HND ngày 09/9/2024"
            sample.values[(leaf.code, "result")] = "5 điểm"
            sample.values[(leaf.code, "evidence")] = evidence
            sample.inputs[leaf.code] = RawInput(None, evidence=evidence)
            sample.expected = frozenset({"value_number_with_text"})
            sample.mistakes.append(f"{leaf.code}: «5 điểm»")
        elif code == "NH-DTN":  # a count typed as text: read, with a warning
            leaf = _first_leaf(layout, Method.SO_LUONG, sample.values)
            amount = sample.values[(leaf.code, "result")]
            sample.values[(leaf.code, "result")] = str(amount)
            raw = sample.inputs[leaf.code]
            # Excel counts a text cell as 0: the cached total misses it, as in a real file
            sample.inputs[leaf.code] = RawInput(None, evidence=raw.evidence)
            sample.expected = frozenset({"value_number_as_text", "card_total_differs"})
            sample.mistakes.append(f"{leaf.code}: «{amount}» as text")
        elif code == "NH-THB":  # the blank template attached instead of the filled card
            sample.values, sample.inputs = {}, {}
            sample.expected = frozenset({"card_blank"})
            sample.mistakes.append("the blank template sent back")
        elif code == "NH-CCB":  # points without the evidence
            leaf = _first_leaf(layout, Method.DIEM)
            sample.values[(leaf.code, "result")] = Decimal(4)
            sample.values.pop((leaf.code, "evidence"), None)
            sample.inputs[leaf.code] = RawInput(Decimal(4))
            sample.expected = frozenset({"evidence_missing"})
            sample.mistakes.append(f"{leaf.code}: no evidence")
        files.append(sample)
    return files


def _share_evidence(sample: SampleFile) -> None:
    """II.1.a: three talks, evidenced by the ward's report that VHXH also cites."""
    sample.values[("II.1.a", "result")] = Decimal(3)
    sample.values[("II.1.a", "evidence")] = SHARED_EVIDENCE
    sample.inputs["II.1.a"] = RawInput(Decimal(3), evidence=SHARED_EVIDENCE)
    sample.mistakes.append("II.1.a: same evidence as the other sector")


def _ward_inbox(campaign: Campaign, rng: random.Random) -> list[SampleFile]:
    files: list[SampleFile] = []
    wards = [u for u in campaign.children_units(TOWN) if u.code != WARD]
    for index, unit in enumerate(wards):
        layout = plan_card(campaign, unit)
        quality = rng.uniform(0.72, 0.96)
        values, inputs = fill(campaign, layout, rng, quality, latest=date(2024, 9, 20))
        saved = _at(20 + index % 10, 8 + index % 8, (index * 13) % 60)
        sample = SampleFile(WARD_INBOX, scorecard_filename(unit), unit, values, inputs, saved)
        code = unit.code
        if code == "X-VINHTRUNG":  # sends nothing
            continue
        if code == "P-THOISON":  # typed and saved in LibreOffice: saved today, late
            sample.saved_at = None
            # II.5.a typed «86%»: 86 counts, but the card's own formulas take 0.86
            sample.values.pop(("II.5.a", "result"), None)
            sample.typed[("II.5.a", "result")] = "86%"
            if ("II.5.a", "evidence") not in sample.values:
                sample.values[("II.5.a", "evidence")] = "Báo cáo số 81/BC-UBND ngày 11/9/2024"
            sample.expected = frozenset({"file_late", "value_percent_format", "card_total_differs"})
            sample.mistakes.append("II.5.a: «86%» typed")
        elif code == "X-VANGIAO":  # the ward typed into its own verification column
            for leaf in ("I.5", "II.3.d"):
                score = Decimal(values.get((leaf, "result"), 0) or 0)  # type: ignore[arg-type]
                sample.values[(leaf, "verified")] = max(score - 1, Decimal(0))
            sample.expected = frozenset({"verified_in_unit_file"})
            sample.mistakes.append("I.5, II.3.d: scores in its own «Điểm thẩm định»")
        elif code == "P-NUIVOI":  # an older file of the same ward
            old_values, old_inputs = fill(campaign, layout, rng, 0.55)
            files.append(
                SampleFile(
                    WARD_INBOX,
                    sample.name.replace(".xlsx", "-ban-cu.xlsx"),
                    unit,
                    old_values,
                    old_inputs,
                    _at(18, 15, 40),
                    mistakes=["superseded"],
                )
            )
        elif code == "X-ANCU":  # bonus points without a justification
            evidence = "Quyết định số 212/QĐ-UBND ngày 02/8/2024"
            sample.values[("IV.1", "result")] = Decimal(6)
            sample.values[("IV.1", "evidence")] = evidence
            sample.values.pop(("IV.1", "explanation"), None)
            sample.inputs["IV.1"] = RawInput(Decimal(6), evidence=evidence)
            sample.expected = frozenset({"bonus_without_justification"})
            sample.mistakes.append("IV.1: bonus without justification")
        elif code == "X-TANLAP":  # «Có» instead of Đạt / Không đạt
            sample.values[("I.2", "result")] = "Có"
            raw = sample.inputs["I.2"]
            sample.inputs["I.2"] = RawInput(None, evidence=raw.evidence)
            sample.expected = frozenset({"dat_invalid"})
            sample.mistakes.append("I.2: «Có»")
        elif code == "P-CHILANG":  # a decimal comma typed as text
            goal = campaign.criterion("II.5.a").target or Decimal(90)
            typed = goal - Decimal("2.5")
            sample.values[("II.5.a", "result")] = format(typed, "f").replace(".", ",")
            raw = sample.inputs["II.5.a"]
            evidence = raw.evidence or "Quyết định số 96/QĐ-UBND ngày 20/8/2024"
            sample.values[("II.5.a", "evidence")] = evidence
            sample.inputs["II.5.a"] = RawInput(None, evidence=evidence)
            sample.expected = frozenset({"value_decimal_comma", "card_total_differs"})
            sample.mistakes.append("II.5.a: «87,5» as text")
        elif code == "X-ANHAO":  # a result over its target: capped, with a warning
            sample.values[("II.3.b", "result")] = Decimal(105)
            raw = sample.inputs["II.3.b"]
            evidence = raw.evidence or "Báo cáo số 77/BC-UBND ngày 06/9/2024"
            sample.values[("II.3.b", "evidence")] = evidence
            sample.inputs["II.3.b"] = RawInput(Decimal(105), evidence=evidence)
            sample.expected = frozenset({"value_over_target"})
            sample.mistakes.append("II.3.b: 105 > 100")
        files.append(sample)
    return files


# ------------------------------------------------------------------------------------------
# writing
# ------------------------------------------------------------------------------------------


def write_samples(out: Path, libreoffice: bool = True) -> list[Path]:
    """Write both inboxes into ``out``; return the files written."""
    campaign = load_campaign(CAMPAIGN)
    samples = plan_samples(campaign)
    for folder in (SECTOR_INBOX, WARD_INBOX):
        target = out / folder
        if libreoffice and target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    typed: list[SampleFile] = []
    for sample in samples:
        path = out / sample.folder / sample.name
        if sample.saved_at is None:
            typed.append(sample)
            continue
        layout = plan_card(campaign, sample.unit)
        verified = {c: v for (c, column), v in sample.values.items() if column == "verified"}
        write_scorecard(
            path,
            layout,
            values=sample.values,  # type: ignore[arg-type]
            inputs=sample.inputs,
            verified=verified or None,  # type: ignore[arg-type]
            generated_at=sample.saved_at,
        )
        written.append(path)
    if libreoffice and typed:
        written += _libreoffice(campaign, typed, out)
    _verify(campaign, [s for s in samples if (out / s.folder / s.name) in written], out)
    if libreoffice:
        written.append(_verification_workbook(campaign, out))
        written.append(_vote_tally(campaign, out))
    return written


# The town's verification (thidua verify, then typed in LibreOffice): unit → criteria, each
# with the points taken off its self score (0: confirmed as it is) and the reason
VERIFIED: dict[str, tuple[tuple[tuple[str, ...], Decimal, str], ...]] = {
    WARD: (
        (
            ("III.3", "II.2.e", "II.3.d"),
            Decimal(1),
            "Hồ sơ chỉ có báo cáo của phường, thiếu biên bản kiểm tra thực tế: trừ 1 điểm",
        ),
    ),
    "P-ANPHU": (
        (
            ("II.5.c", "I.5", "II.3.d"),
            Decimal("1.5"),
            "Câu lạc bộ chỉ có 8/12 biên bản sinh hoạt trong năm: trừ 1,5 điểm",
        ),
    ),
    "P-TINHBIEN": ((("I.1", "I.2", "I.3"), Decimal(0), ""),),
}


def _verification_workbook(campaign: Campaign, out: Path) -> Path:
    """The town's verification workbook over its inbox as ``thidua demo`` sees it (the ward
    card the demo composes included), with a few verified scores typed in LibreOffice; it
    must apply without an issue and change the verified wards' totals, on time."""
    sys.path.insert(0, str(ROOT / "tests"))
    from thidua_xlsx.core.submissions import SubmissionStatus
    from thidua_xlsx.faces.demo import COMPOSED_AT
    from thidua_xlsx.merge.compose import merge_compose
    from thidua_xlsx.merge.rank import merge_rank
    from thidua_xlsx.merge.verify import plan_verification
    from thidua_xlsx.scorecard.writer import write_composed_card
    from thidua_xlsx.verification.layout import VCOL, VERIFICATION_SHEET, plan_sheet
    from thidua_xlsx.verification.writer import write_verification_workbook

    from libreoffice import run_uno

    target = out / VERIFICATION
    with tempfile.TemporaryDirectory(prefix="thidua-verify-") as tmp:
        work = Path(tmp)
        compose = merge_compose(campaign, [out / SECTOR_INBOX], WARD)
        card = work / scorecard_filename(compose.parent)
        write_composed_card(card, compose, "vi", generated_at=COMPOSED_AT)
        inbox = [card, out / WARD_INBOX]
        plan = plan_verification(campaign, inbox, parent=TOWN)
        blank = work / VERIFICATION
        write_verification_workbook(blank, plan, generated_at=VERIFICATION_WRITTEN)
        rows = {(r.unit, r.criterion): r for r in plan_sheet(plan).rows}
        typed: dict[str, str] = {}
        for unit, entries in VERIFIED.items():
            for choices, off, reason in entries:
                row = next(
                    rows[(unit, c)]
                    for c in choices
                    if (unit, c) in rows and rows[(unit, c)].self_score >= max(off, Decimal(1))
                )
                address = row.row + 1
                score = row.self_score - off
                typed["ABCDEFGH"[VCOL["verified"]] + str(address)] = format(score, "f")
                if reason:
                    typed["ABCDEFGH"[VCOL["reason"]] + str(address)] = reason
        document = {
            "source": str(blank),
            "sheet": VERIFICATION_SHEET,
            "fills": [{"typed": typed, "save_as": [str(target)]}],
        }
        run_uno({"documents": [document]}, work / "uno")
        plain = merge_rank(campaign, inbox, parent=TOWN)
        report = merge_rank(campaign, inbox, parent=TOWN, verified=[target])
    (result,) = report.verification
    wrong = [f"{i.cell} {i.code}" for i in result.issues]
    for unit in VERIFIED:
        before, after = plain.card(unit), report.card(unit)
        submission = report.submission(unit)
        if before is None or after is None or submission is None:
            wrong.append(f"{unit}: not counted")
            continue
        if submission.status is not SubmissionStatus.ACCEPTED:
            wrong.append(f"{unit}: {submission.status.value}")
        changed = after.total != before.total
        if changed != any(off for _, off, _ in VERIFIED[unit]):
            wrong.append(f"{unit}: total {before.total} → {after.total}")
    if not result.accepted or wrong:
        raise SystemExit(f"{VERIFICATION} does not apply as planned:\n  " + "\n  ".join(wrong))
    return target


# The town's Council (9 members, Giấy khen: more than 50% of all members, at most 3 units)
# votes on the summary's 5 proposed units: one member is absent and sends no written opinion;
# candidate (by rank) → the members (0-based, in the Council's order) voting Không đồng ý.
# Votes 8, 7, 5, 6, 3: the 1st, 2nd and 4th are proposed (the quota is cut by votes, not by
# rank), the 3rd reaches the share but comes 4th by votes, the 5th falls short of the share.
ABSENT_MEMBER = 6
AGAINST: tuple[frozenset[int], ...] = (
    frozenset(),
    frozenset({8}),
    frozenset({3, 4, 5}),
    frozenset({4, 8}),
    frozenset({3, 4, 5, 7, 8}),
)
PLANTED_OUTCOMES = ("selected", "selected", "over_quota", "selected", "below_share")


def demo_summary(campaign: Campaign, out: Path, work: Path) -> Path:
    """The town's summary as ``thidua demo`` writes it: the ward card composed from the
    sectors' inbox and the other wards' inbox, ranked with the filled verification workbook."""
    from thidua_xlsx.faces.demo import COMPOSED_AT
    from thidua_xlsx.merge.compose import merge_compose
    from thidua_xlsx.merge.rank import merge_rank
    from thidua_xlsx.scorecard.writer import write_composed_card
    from thidua_xlsx.summary.writer import write_summary

    compose = merge_compose(campaign, [out / SECTOR_INBOX], WARD)
    card = work / scorecard_filename(compose.parent)
    write_composed_card(card, compose, "vi", generated_at=COMPOSED_AT)
    report = merge_rank(
        campaign, [card, out / WARD_INBOX], parent=TOWN, verified=[out / VERIFICATION]
    )
    summary = work / "tong-hop-thi-xa.xlsx"
    write_summary(summary, report, generated_at=VERIFICATION_WRITTEN)
    return summary


def _vote_tally(campaign: Campaign, out: Path) -> Path:
    """The Council's tally over the demo's town summary (``thidua vote``), the secretary's
    entries typed in LibreOffice; deciding with it must give the planted outcomes."""
    sys.path.insert(0, str(ROOT / "tests"))
    from thidua_xlsx.core.cellref import cell_name
    from thidua_xlsx.merge.vote import decide_vote, plan_vote
    from thidua_xlsx.vote.layout import (
        ABSENT_WORD,
        NO_WORD,
        PRESENT_WORD,
        TALLY_SHEET,
        YES_WORD,
        candidate_col,
        member_row,
        presence_cell,
    )
    from thidua_xlsx.vote.writer import write_vote_papers

    from libreoffice import run_uno

    target = out / TALLY
    verified = [out / VERIFICATION]
    with tempfile.TemporaryDirectory(prefix="thidua-vote-") as tmp:
        work = Path(tmp)
        summary = demo_summary(campaign, out, work)
        plan = plan_vote(campaign, summary, verified=verified)
        if len(plan.candidates) != len(AGAINST):
            raise SystemExit(f"{TALLY}: {len(plan.candidates)} candidates, {len(AGAINST)} planned")
        _, blank = write_vote_papers(plan, work / "papers", generated_at=TALLY_WRITTEN)
        typed: dict[str, str] = {}
        for i in range(len(plan.council.members)):
            present = i != ABSENT_MEMBER
            typed[presence_cell(i)] = PRESENT_WORD if present else ABSENT_WORD
            for j, against in enumerate(AGAINST):
                if present:
                    word = NO_WORD if i in against else YES_WORD
                    typed[cell_name(member_row(i), candidate_col(j))] = word
        document = {
            "source": str(blank),
            "sheet": TALLY_SHEET,
            "fills": [{"typed": typed, "save_as": [str(target)]}],
        }
        run_uno({"documents": [document]}, work / "uno")
        result = decide_vote(campaign, summary, target, verified=verified)
    wrong = [f"{i.cell} {i.code}" for i in result.issues]
    decision = result.decision
    outcomes = tuple(d.outcome.value for d in decision.decisions) if decision else ()
    if outcomes != PLANTED_OUTCOMES:
        wrong.append(f"outcomes {outcomes} != {PLANTED_OUTCOMES}")
    if wrong or result.exit_code:
        raise SystemExit(f"{TALLY} does not decide as planned:\n  " + "\n  ".join(wrong))
    return target


def _libreoffice(campaign: Campaign, samples: Sequence[SampleFile], out: Path) -> list[Path]:
    """Type the values into blank cards in LibreOffice and save them (.xlsx or .ods)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from libreoffice import run_uno

    documents = []
    targets = []
    with tempfile.TemporaryDirectory(prefix="thidua-samples-") as tmp:
        work = Path(tmp)
        for sample in samples:
            layout = plan_card(campaign, sample.unit)
            blank = work / scorecard_filename(sample.unit)
            # a blank card made now: LibreOffice then stamps its own saving time (today)
            write_scorecard(blank, layout)
            cells = {
                layout.cell(code, column): _json(v) for (code, column), v in sample.values.items()
            }
            typed = {layout.cell(c, column): text for (c, column), text in sample.typed.items()}
            target = out / sample.folder / sample.name
            targets.append(target)
            documents.append(
                {
                    "source": str(blank),
                    "sheet": SCORECARD_SHEET,
                    "fills": [{"cells": cells, "typed": typed, "save_as": [str(target)]}],
                }
            )
        run_uno({"documents": documents}, work)
    return targets


def _json(value: object) -> object:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _verify(campaign: Campaign, samples: Sequence[SampleFile], out: Path) -> None:
    """Each file must give exactly its planted issues (none for a good file)."""
    wrong = []
    for sample in samples:
        result = check_file(campaign, out / sample.folder / sample.name)
        codes = frozenset(i.code for i in result.issues)
        if result.unit != sample.unit.code or codes != sample.expected:
            wrong.append(
                f"{sample.folder}/{sample.name}: {sorted(codes)} != {sorted(sample.expected)}"
            )
    if wrong:
        raise SystemExit("samples do not check as planned:\n  " + "\n  ".join(wrong))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write the inboxes in")
    parser.add_argument(
        "--no-libreoffice", action="store_true", help="skip the files LibreOffice types and saves"
    )
    parser.add_argument(
        "--only-tally",
        action="store_true",
        help=f"only {TALLY}, over the inboxes and {VERIFICATION} already in --out",
    )
    args = parser.parse_args(argv)
    if args.only_tally:
        written = [_vote_tally(load_campaign(CAMPAIGN), args.out)]
    else:
        written = write_samples(args.out, libreoffice=not args.no_libreoffice)
    size = sum(p.stat().st_size for p in written)
    print(f"wrote {len(written)} files ({size // 1024} KiB) into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
