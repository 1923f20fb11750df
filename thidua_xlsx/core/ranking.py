"""Ranking units (SPEC §7). Pure: scores in, ranks out.

* Units are ordered by total, then by the campaign's tie-breaks in order (a criterion's
  score, higher first; for a deduction node, fewer points first).
* Units equal on all of these share a rank: *đồng hạng* 1, 2, 2, 4 (competition) or
  1, 2, 2, 3 (dense), as the campaign says.
* Ranks are given overall and within each cluster (*cụm / khối thi đua*); each unit gets the
  band (*xếp loại*) of its total.
* Within a shared rank, units are listed in Vietnamese alphabetical order of their names.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby

from .model import Campaign, RankingStyle, SectionKind
from .scoring import ScoreCard
from .vi_text import vietnamese_sort_key

__all__ = ["RankedUnit", "assign_ranks", "rank_units", "sort_key"]


@dataclass(frozen=True)
class RankedUnit:
    """One unit's place: overall rank, rank in its cluster, band, and whether it is shared."""

    unit: str
    name: str
    cluster: str
    total: Decimal
    rank: int
    cluster_rank: int | None
    band: str
    tied: bool  # đồng hạng: another unit has the same rank


def sort_key(campaign: Campaign, card: ScoreCard) -> tuple[Decimal, ...]:
    """Higher is better, compared left to right: total, then each tie-break."""
    key = [card.total]
    for code in campaign.tie_breaks:
        score = card.final_nodes[code]
        key.append(-score if campaign.criterion(code).kind is SectionKind.DEDUCTION else score)
    return tuple(key)


def assign_ranks(keys: Sequence[tuple[Decimal, ...]], style: RankingStyle) -> list[int]:
    """Ranks for ``keys`` (higher is better), in the given order: equal keys share a rank."""
    distinct = sorted(set(keys), reverse=True)
    if style is RankingStyle.DENSE:
        place = {key: index + 1 for index, key in enumerate(distinct)}
    else:
        place = {}
        better = 0
        counts: dict[tuple[Decimal, ...], int] = {}
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
        for key in distinct:
            place[key] = better + 1
            better += counts[key]
    return [place[key] for key in keys]


def rank_units(campaign: Campaign, cards: Mapping[str, ScoreCard]) -> list[RankedUnit]:
    """Rank the units whose cards are given; best first, ties in Vietnamese name order."""
    codes = list(cards)
    keys = [sort_key(campaign, cards[code]) for code in codes]
    overall = dict(zip(codes, assign_ranks(keys, campaign.ranking_style), strict=True))
    clusters: dict[str, list[str]] = {}
    for code in codes:
        cluster = campaign.unit(code).cluster if campaign.has_unit(code) else ""
        if cluster:
            clusters.setdefault(cluster, []).append(code)
    in_cluster: dict[str, int] = {}
    for members in clusters.values():
        member_keys = [sort_key(campaign, cards[code]) for code in members]
        ranks = assign_ranks(member_keys, campaign.ranking_style)
        in_cluster.update(zip(members, ranks, strict=True))
    shared = {rank for rank, count in Counter(overall.values()).items() if count > 1}
    ranked = []
    for code in codes:
        unit = campaign.unit(code) if campaign.has_unit(code) else None
        ranked.append(
            RankedUnit(
                unit=code,
                name=unit.name if unit else code,
                cluster=unit.cluster if unit else "",
                total=cards[code].total,
                rank=overall[code],
                cluster_rank=in_cluster.get(code),
                band=campaign.band_for(cards[code].total),
                tied=overall[code] in shared,
            )
        )
    return _best_first(ranked)


def _best_first(ranked: list[RankedUnit]) -> list[RankedUnit]:
    """By rank; units sharing one in Vietnamese name order, then by code (the name's sort
    key, slow to work out, only for them)."""
    by_rank = sorted(ranked, key=lambda r: r.rank)
    ordered: list[RankedUnit] = []
    for _, same in groupby(by_rank, key=lambda r: r.rank):
        tied = list(same)
        if len(tied) > 1:
            tied.sort(key=lambda r: (vietnamese_sort_key(r.name), r.unit))
        ordered += tied
    return ordered
