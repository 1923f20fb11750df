"""A campaign as text for a terminal (``thidua show``): information, criteria tree with caps,
methods and sectors, bands, unit hierarchy. Vietnamese by default, English with ``lang="en"``.
Pure: returns a string, prints nothing.
"""

from __future__ import annotations

from decimal import Decimal

from ..core.model import Campaign, Criterion, Method, RankingStyle, SectionKind
from ..core.vi_text import find_dates, format_date, format_decimal

__all__ = ["METHOD_NAMES", "describe_campaign"]

METHOD_NAMES: dict[str, dict[Method, str]] = {
    "vi": {
        Method.DIEM: "Chấm điểm",
        Method.DAT: "Đạt/Không đạt",
        Method.TY_LE: "Tỷ lệ % chỉ tiêu",
        Method.SO_LUONG: "Theo số lượng",
        Method.THUONG: "Điểm thưởng",
        Method.TRU: "Điểm trừ",
    },
    "en": {
        Method.DIEM: "Direct points",
        Method.DAT: "Met/not met",
        Method.TY_LE: "% of target",
        Method.SO_LUONG: "Per count",
        Method.THUONG: "Bonus",
        Method.TRU: "Deduction",
    },
}

_WORDS = {
    "vi": {
        "campaign": "ĐỢT THI ĐUA",
        "id": "Mã",
        "plan": "Số kế hoạch",
        "issuer": "Cơ quan ban hành",
        "superior": "Cơ quan cấp trên",
        "place": "Địa danh",
        "issued": "Ngày ban hành",
        "period": "Thời gian thi đua",
        "deadline": "Hạn nộp",
        "award_window": "Thời gian xét khen thưởng",
        "cap": "Tổng điểm tối đa",
        "no_ded": "không gồm điểm trừ",
        "step": "Bước làm tròn",
        "style": "Cách xếp hạng",
        RankingStyle.COMPETITION.value: "đồng hạng (1, 2, 2, 4)",
        RankingStyle.DENSE.value: "liền mạch (1, 2, 2, 3)",
        "ties": "Xét khi bằng điểm",
        "fewer": "ít hơn xếp trên",
        "higher": "cao hơn xếp trên",
        "award": "Khen thưởng",
        "top": "{n} đơn vị đứng đầu",
        "band_min": "xếp loại {band} trở lên",
        "criteria": "TIÊU CHÍ",
        "criteria_cols": "mã · nội dung · điểm tối đa · cách chấm · ngành phụ trách",
        "target": "chỉ tiêu",
        "own_target": "đơn vị tự ghi chỉ tiêu",
        "per": "× {rate} điểm",
        "evidence": "cần minh chứng",
        "bonus": "cộng thưởng",
        "deduction": "trừ vào tổng",
        "sum": "Cộng",
        "bands": "XẾP LOẠI",
        "units": "ĐƠN VỊ",
        "cluster": "cụm",
        "fingerprint": "Dấu vân tay tiêu chí",
        "none": "(chưa có)",
    },
    "en": {
        "campaign": "CAMPAIGN",
        "id": "Id",
        "plan": "Plan number",
        "issuer": "Issuing body",
        "superior": "Superior body",
        "place": "Place",
        "issued": "Issued",
        "period": "Period",
        "deadline": "Deadline",
        "award_window": "Award window",
        "cap": "Total cap",
        "no_ded": "excluding deductions",
        "step": "Rounding step",
        "style": "Ranking",
        RankingStyle.COMPETITION.value: "competition (1, 2, 2, 4)",
        RankingStyle.DENSE.value: "dense (1, 2, 2, 3)",
        "ties": "Tie-breaks",
        "fewer": "fewer ranks higher",
        "higher": "higher ranks higher",
        "award": "Award",
        "top": "top {n} units",
        "band_min": "band {band} or better",
        "criteria": "CRITERIA",
        "criteria_cols": "code · content · max points · method · responsible sectors",
        "target": "target",
        "own_target": "unit enters its target",
        "per": "× {rate} pts",
        "evidence": "evidence required",
        "bonus": "bonus",
        "deduction": "subtracted",
        "sum": "Sum",
        "bands": "BANDS",
        "units": "UNITS",
        "cluster": "cluster",
        "fingerprint": "Criteria fingerprint",
        "none": "(none)",
    },
}

_CONTENT_WIDTH = 58


def describe_campaign(campaign: Campaign, lang: str = "vi") -> str:
    """The whole campaign as lines of text."""
    lang = "en" if lang == "en" else "vi"
    w = _WORDS[lang]
    lines = _info_lines(campaign, lang)
    lines += ["", f"{w['criteria']} ({w['criteria_cols']})"]
    code_width = max((len(c.code) + 2 * c.depth for c in campaign.criteria), default=4) + 2
    for criterion in campaign.criteria:
        lines.append(_criterion_line(criterion, code_width, lang))
    lines.append(_sum_line(campaign, lang))
    lines += ["", w["bands"]]
    lines += [f"  ≥ {_num(b.min_score, lang):<8}{b.label}" for b in campaign.bands] or [
        f"  {w['none']}"
    ]
    lines += ["", f"{w['units']} ({len(campaign.units)})"]
    for depth, unit in campaign.walk_units():
        extra = ", ".join(
            part
            for part in (unit.level, f"{w['cluster']} {unit.cluster}" if unit.cluster else "")
            if part
        )
        lines.append(
            f"  {'  ' * depth}{unit.code:<14} {unit.name}" + (f" ({extra})" if extra else "")
        )
    lines += ["", f"{w['fingerprint']}: {campaign.fingerprint}"]
    return "\n".join(lines)


def _info_lines(campaign: Campaign, lang: str) -> list[str]:
    w, info = _WORDS[lang], campaign.info
    lines = [f"{w['campaign']}: {info.title}", f"  {w['id']}: {info.campaign_id}"]

    def add(key: str, value: str) -> None:
        if value:
            lines.append(f"  {w[key]}: {value}")

    add("plan", info.plan_number)
    add("issuer", info.issuing_body)
    add("superior", info.superior_body)
    add("place", info.place)
    add("issued", format_date(info.issue_date) if info.issue_date else "")
    period = info.period
    if info.period_start and info.period_end and not find_dates(period):
        period += f" ({format_date(info.period_start)} – {format_date(info.period_end)})"
    add("period", period)
    add("deadline", format_date(info.deadline) if info.deadline else "")
    if info.award_window_start and info.award_window_end:
        add(
            "award_window",
            f"{format_date(info.award_window_start)} – {format_date(info.award_window_end)}",
        )
    add("cap", f"{_num(campaign.total_cap, lang)} ({w['no_ded']})")
    add("step", _num(campaign.rounding_step, lang))
    add("style", w[campaign.ranking_style.value])
    if campaign.tie_breaks:
        ties = []
        for code in campaign.tie_breaks:
            kind = campaign.criterion(code).kind
            ties.append(f"{code} ({w['fewer'] if kind is SectionKind.DEDUCTION else w['higher']})")
        add("ties", "; ".join(ties))
    if campaign.award:
        rule = [campaign.award.title]
        if campaign.award.top_n:
            rule.append(w["top"].format(n=campaign.award.top_n))
        if campaign.award.min_band:
            rule.append(w["band_min"].format(band=campaign.award.min_band))
        add("award", " — ".join(rule))
    return lines


def _criterion_line(criterion: Criterion, code_width: int, lang: str) -> str:
    w = _WORDS[lang]
    code = ("  " * criterion.depth + criterion.code).ljust(code_width)
    content = criterion.content
    if len(content) > _CONTENT_WIDTH:
        content = content[: _CONTENT_WIDTH - 1] + "…"
    line = f"{code}{content:<{_CONTENT_WIDTH}} {_num(criterion.max_points, lang):>6}"
    details: list[str] = []
    if criterion.method is not None:
        details.append(METHOD_NAMES[lang][criterion.method])
        if criterion.method is Method.TY_LE:
            details.append(
                f"{w['target']} {_num(criterion.target, lang)}"
                if criterion.target is not None
                else w["own_target"]
            )
        if criterion.points_per_unit is not None:
            details.append(w["per"].format(rate=_num(criterion.points_per_unit, lang)))
        if criterion.sectors:
            details.append(", ".join(criterion.sectors))
        if criterion.evidence_required:
            details.append(w["evidence"])
    elif criterion.is_section and criterion.kind is not SectionKind.REGULAR:
        details.append(w["bonus"] if criterion.kind is SectionKind.BONUS else w["deduction"])
    return line + ("  " + " · ".join(details) if details else "")


def _sum_line(campaign: Campaign, lang: str) -> str:
    w = _WORDS[lang]
    added = [s for s in campaign.sections if s.kind is not SectionKind.DEDUCTION]
    parts = " + ".join(f"{s.code} {_num(s.max_points, lang)}" for s in added)
    reachable = campaign.max_of_kind(SectionKind.REGULAR) + campaign.max_of_kind(SectionKind.BONUS)
    line = f"{w['sum']}: {parts} = {_num(reachable, lang)}"
    deductions = [s for s in campaign.sections if s.kind is SectionKind.DEDUCTION]
    if deductions:
        line += "; − " + " − ".join(f"{s.code} {_num(s.max_points, lang)}" for s in deductions)
    return line + f" ({w['cap']} {_num(campaign.total_cap, lang)})"


def _num(value: Decimal | None, lang: str) -> str:
    return format_decimal(value, lang) if value is not None else ""
