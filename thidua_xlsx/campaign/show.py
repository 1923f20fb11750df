"""A campaign as text for a terminal (``thidua show``): information, criteria tree with caps,
methods and sectors, bands, unit hierarchy. Vietnamese by default, English with ``lang="en"``.
Pure: returns a string, prints nothing.
"""

from __future__ import annotations

from decimal import Decimal

from ..core.model import Campaign, ComposeRule, Criterion, Method, SectionKind
from ..core.vi_text import find_dates, format_date, format_decimal
from ..words.messages import LANGS, Lang, Param, as_lang, render, word

__all__ = ["COMPOSE_NAMES", "METHOD_NAMES", "describe_campaign"]

METHOD_NAMES: dict[str, dict[Method, str]] = {  # the scoring methods' names, by language
    lang: {method: word("method", method.value, lang) for method in Method} for lang in LANGS
}
COMPOSE_NAMES: dict[str, dict[ComposeRule, str]] = {  # the compose rules' names, by language
    lang: {rule: word("compose_rule", rule.value, lang) for rule in ComposeRule} for lang in LANGS
}


_CONTENT_WIDTH = 58


def describe_campaign(campaign: Campaign, lang: str = "vi") -> str:
    """The whole campaign as lines of text."""
    said = as_lang(lang)
    lines = _info_lines(campaign, said)
    lines += ["", f"{_w('criteria', said)} ({_w('criteria_cols', said)})"]
    code_width = max((len(c.code) + 2 * c.depth for c in campaign.criteria), default=4) + 2
    for criterion in campaign.criteria:
        lines.append(_criterion_line(criterion, code_width, said))
    lines.append(_sum_line(campaign, said))
    lines += ["", _w("bands", said)]
    lines += [f"  ≥ {_num(b.min_score, said):<8}{b.label}" for b in campaign.bands] or [
        f"  {_w('none', said)}"
    ]
    lines += ["", f"{_w('units', said)} ({len(campaign.units)})"]
    for depth, unit in campaign.walk_units():
        extra = ", ".join(
            part
            for part in (
                unit.level,
                f"{_w('cluster', said)} {unit.cluster}" if unit.cluster else "",
            )
            if part
        )
        lines.append(
            f"  {'  ' * depth}{unit.code:<14} {unit.name}" + (f" ({extra})" if extra else "")
        )
    lines += _council_lines(campaign, said)
    lines += ["", f"{_w('fingerprint', said)}: {campaign.fingerprint}"]
    if campaign.warnings:
        lines += ["", _w("warnings", said, count=len(campaign.warnings))]
        lines += [f"  - {warning.describe(said)}" for warning in campaign.warnings]
    return "\n".join(lines)


def _council_lines(campaign: Campaign, lang: Lang) -> list[str]:
    """The Council (the Hội đồng sheet): its rules, then its members."""
    council = campaign.council
    if council is None:
        return []
    written = render("show.yes" if council.written_votes_count else "show.no", lang)
    lines = ["", render("show.council", lang, count=len(council.members))]
    lines.append(f"  {render('show.council_quorum', lang, share=council.quorum.text())}")
    lines.append(f"  {render('show.council_written', lang, answer=written)}")
    for rule in council.titles:
        quota = render("show.council_quota", lang, quota=rule.quota) if rule.quota else ""
        said = render("show.council_title", lang, title=rule.title, share=rule.share.text())
        lines.append(f"  {said}{quota}")
    width = max(len(m.name) for m in council.members) + 2 if council.members else 0
    for number, member in enumerate(council.members, start=1):
        post = f" — {member.position}" if member.position else ""
        lines.append(f"  {number:>2}. {member.name:<{width}}{member.role}{post}")
    return lines


def _info_lines(campaign: Campaign, lang: Lang) -> list[str]:
    info = campaign.info
    lines = [f"{_w('campaign', lang)}: {info.title}", f"  {_w('id', lang)}: {info.campaign_id}"]

    def add(label: str, value: str) -> None:
        if value:
            lines.append(f"  {label}: {value}")

    add(_w("plan", lang), info.plan_number)
    add(_w("issuer", lang), info.issuing_body)
    add(_w("superior", lang), info.superior_body)
    add(_w("place", lang), info.place)
    add(_w("issued", lang), format_date(info.issue_date) if info.issue_date else "")
    period = info.period
    if info.period_start and info.period_end and not find_dates(period):
        period += f" ({format_date(info.period_start)} – {format_date(info.period_end)})"
    add(_w("period", lang), period)
    add(_w("deadline", lang), format_date(info.deadline) if info.deadline else "")
    for each in campaign.periods:
        window = f" ({each.window})" if each.window else ""
        due = (
            f", {_w('deadline', lang).lower()} {format_date(each.deadline)}"
            if each.deadline
            else ""
        )
        lines.append(f"  {_w('periods', lang)} {each.index}: {each.name}{window}{due}")
    if info.award_window_start and info.award_window_end:
        add(
            _w("award_window", lang),
            f"{format_date(info.award_window_start)} – {format_date(info.award_window_end)}",
        )
    add(_w("cap", lang), f"{_num(campaign.total_cap, lang)} ({_w('no_ded', lang)})")
    add(_w("step", lang), _num(campaign.rounding_step, lang))
    add(_w("style", lang), word("ranking_style", campaign.ranking_style.value, lang))
    if campaign.tie_breaks:
        ties = []
        for code in campaign.tie_breaks:
            kind = campaign.criterion(code).kind
            order = _w("fewer" if kind is SectionKind.DEDUCTION else "higher", lang)
            ties.append(f"{code} ({order})")
        add(_w("ties", lang), "; ".join(ties))
    if campaign.award:
        rule = [campaign.award.title]
        if campaign.award.top_n:
            rule.append(_w("top", lang, n=campaign.award.top_n))
        if campaign.award.min_band:
            rule.append(_w("band_min", lang, band=campaign.award.min_band))
        add(_w("award", lang), " — ".join(rule))
    return lines


def _criterion_line(criterion: Criterion, code_width: int, lang: Lang) -> str:
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
                f"{_w('target', lang)} {_num(criterion.target, lang)}"
                if criterion.target is not None
                else _w("own_target", lang)
            )
        if criterion.points_per_unit is not None:
            details.append(_w("per", lang, rate=_num(criterion.points_per_unit, lang)))
        if criterion.sectors:
            details.append(", ".join(criterion.sectors))
        if criterion.sectors or criterion.compose is not None:  # how compose combines them
            rule = COMPOSE_NAMES[lang][criterion.compose_rule]
            if criterion.compose is None:
                rule += f" ({_w('compose_default', lang)})"
            details.append(_w("compose", lang, rule=rule))
        if criterion.evidence_required:
            details.append(_w("evidence", lang))
        if criterion.cumulative:
            details.append(_w("cumulative", lang))
    elif criterion.is_section and criterion.kind is not SectionKind.REGULAR:
        details.append(
            _w("bonus", lang) if criterion.kind is SectionKind.BONUS else _w("deduction", lang)
        )
    return line + ("  " + " · ".join(details) if details else "")


def _sum_line(campaign: Campaign, lang: Lang) -> str:
    added = [s for s in campaign.sections if s.kind is not SectionKind.DEDUCTION]
    parts = " + ".join(f"{s.code} {_num(s.max_points, lang)}" for s in added)
    reachable = campaign.max_of_kind(SectionKind.REGULAR) + campaign.max_of_kind(SectionKind.BONUS)
    line = f"{_w('sum', lang)}: {parts} = {_num(reachable, lang)}"
    deductions = [s for s in campaign.sections if s.kind is SectionKind.DEDUCTION]
    if deductions:
        line += "; − " + " − ".join(f"{s.code} {_num(s.max_points, lang)}" for s in deductions)
    return line + f" ({_w('cap', lang)} {_num(campaign.total_cap, lang)})"


def _w(key: str, lang: Lang, **params: Param) -> str:
    """A label of the campaign's text view (``show.<key>`` in the messages catalogue)."""
    return render(f"show.{key}", lang, **params)


def _num(value: Decimal | None, lang: str) -> str:
    return format_decimal(value, lang) if value is not None else ""
