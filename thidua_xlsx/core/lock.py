"""A locked period (SPEC §11), pure: what a lock records, and what a new ranking would change.

A level's result for one period is *locked* when the office says it is final: the lock book
(``so-khoa-ky.json`` beside the summary, written by :mod:`thidua_xlsx.merge.lock`) keeps, per
key (campaign, issuing unit, cluster, period), every unit's total, rank, cluster rank, band and
status. A later merge of that key is compared with it (:func:`compare_results`); a change is
refused unless the period is reopened, with a reason, which the book keeps.

The book is a convenience for the office, not a security barrier: anyone can delete it. A
book that was cut or edited by hand is refused (:class:`LockBookDamageError`), never ignored: its
entries carry a checksum.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from ..words.messages import Lang, render, word
from .reports import RankReport
from .submissions import SubmissionStatus, UnitSubmission
from .vi_text import fold, format_points_in

__all__ = [
    "LOCK_BOOK_FORMAT",
    "LOCK_BOOK_VERSION",
    "STATUSES",
    "LockBook",
    "LockBookDamageError",
    "LockChange",
    "LockEntry",
    "LockKey",
    "LockedUnit",
    "Reopening",
    "compare_results",
    "lock_key",
    "locked_results",
    "parse_lock_book",
    "score_places",
]

LOCK_BOOK_FORMAT = "thidua-so-khoa-ky"
LOCK_BOOK_VERSION = 1
# a unit's status as the book keeps it
STATUSES = ("counted", "late", "missing", "rejected", "blank")
_STATUS_WORD = {  # → the status word of the summary (messages' «submission.*»)
    "counted": "accepted",
    "late": "late",
    "missing": "missing",
    "rejected": "rejected",
    "blank": "blank",
}


@dataclass(frozen=True)
class LockKey:
    """What one lock is of: a campaign, the unit whose summary it is (``""``: the top level
    without one), the cluster ranked (``""``: all units) and the period (``""``: the
    campaign has none). Two keys are the same ignoring case, accents and spacing."""

    campaign_id: str
    unit: str
    cluster: str = ""
    period: str = ""

    def same(self, other: LockKey) -> bool:
        return self._folded == other._folded

    @property
    def _folded(self) -> tuple[str, ...]:
        return tuple(
            " ".join(fold(p).split())
            for p in (self.campaign_id, self.unit, self.cluster, self.period)
        )

    def label(self, lang: Lang) -> str:
        """``đợt AG-HLHPN-2021, đơn vị TXTB, cụm Cụm 1, kỳ Tháng 11/2025``."""
        parts = [render("lock.key", lang, campaign=self.campaign_id, unit=self.unit or "—")]
        if self.cluster:
            parts.append(render("lock.key_cluster", lang, cluster=self.cluster))
        if self.period:
            parts.append(render("lock.key_period", lang, period=self.period))
        return ", ".join(parts)


@dataclass(frozen=True)
class LockedUnit:
    """One unit's result as a lock keeps it (``total`` and ranks None when it is not ranked)."""

    unit: str
    name: str
    total: Decimal | None
    rank: int | None
    cluster_rank: int | None
    band: str
    status: str  # one of STATUSES

    def compared(self) -> tuple[object, ...]:
        return (self.total, self.rank, self.cluster_rank, self.band, self.status)


@dataclass(frozen=True)
class LockChange:
    """What a new ranking changes for one unit: ``before`` None when the unit is new to the
    result, ``after`` None when it is gone from it."""

    unit: str
    before: LockedUnit | None
    after: LockedUnit | None
    places: int = 2  # the decimals a total is said with (the campaign's rounding step)

    def message(self, lang: Lang = "vi") -> str:
        """``X-VANGIAO: tổng 183,89 → 180,00; hạng 2 → 3``."""
        if self.before is None:
            return render("lock.change_added", lang, unit=self.unit)
        if self.after is None:
            return render("lock.change_gone", lang, unit=self.unit)
        parts = []
        pairs = (
            ("total", self._total(self.before.total, lang), self._total(self.after.total, lang)),
            ("rank", _number(self.before.rank), _number(self.after.rank)),
            ("cluster_rank", _number(self.before.cluster_rank), _number(self.after.cluster_rank)),
            ("band", self.before.band or "—", self.after.band or "—"),
            ("status", _status(self.before.status, lang), _status(self.after.status, lang)),
        )
        for name, old, new in pairs:
            if name == "cluster_rank" and (old, new) == (pairs[1][1], pairs[1][2]):
                continue  # the cluster is all the units: said once, as the rank
            if old != new:
                parts.append(render("lock.change_part", lang, field=name, before=old, after=new))
        return render("lock.change", lang, unit=self.unit, parts="; ".join(parts))

    def _total(self, value: Decimal | None, lang: Lang) -> str:
        if value is None:
            return "—"
        return format_points_in(value, self.places, lang)

    def to_json(self) -> dict[str, Any]:
        return {
            "unit": self.unit,
            "before": _unit_json(self.before) if self.before else None,
            "after": _unit_json(self.after) if self.after else None,
        }


@dataclass(frozen=True)
class Reopening:
    """A locked result reopened by a merge that changed it: when, why, what changed and the
    summary the merge wrote."""

    at: str  # ISO 8601, UTC
    reason: str
    summary: str  # the new summary's file name
    changes: tuple[LockChange, ...]


@dataclass(frozen=True)
class LockEntry:
    """One key's lock: the summary locked (file name and SHA-256), when, the results it
    locks, and the reopenings since the key was first locked. ``locked`` is False once the
    result was reopened and not locked again."""

    key: LockKey
    locked: bool
    summary: str
    sha256: str
    locked_at: str  # ISO 8601, UTC
    units: tuple[LockedUnit, ...]
    places: int = 2
    reopenings: tuple[Reopening, ...] = ()

    def reopened(self, reopening: Reopening) -> LockEntry:
        return replace(self, locked=False, reopenings=(*self.reopenings, reopening))


@dataclass(frozen=True)
class LockBook:
    """Every lock of a folder, one entry per key."""

    entries: tuple[LockEntry, ...] = ()

    def entry(self, key: LockKey) -> LockEntry | None:
        return next((e for e in self.entries if e.key.same(key)), None)

    def with_entry(self, entry: LockEntry) -> LockBook:
        """The book with ``entry`` in place of the entry of its key (or added)."""
        if self.entry(entry.key) is None:
            return LockBook((*self.entries, entry))
        return LockBook(tuple(entry if e.key.same(entry.key) else e for e in self.entries))

    def to_json(self, note: str = "") -> dict[str, Any]:
        entries = [_entry_json(e) for e in self.entries]
        return {
            "format": LOCK_BOOK_FORMAT,
            "version": LOCK_BOOK_VERSION,
            "note": note,
            "entries": entries,
            "checksum": _checksum(entries),
        }


# -- from a ranking ---------------------------------------------------------------------------


def lock_key(report: RankReport) -> LockKey:
    """The key of a merge's result: its campaign, issuing unit, cluster and period."""
    campaign = report.campaign
    return LockKey(
        campaign.info.campaign_id,
        report.parent.code if report.parent else "",
        report.cluster or "",
        campaign.period.name if campaign.period is not None else "",
    )


def score_places(report: RankReport) -> int:
    """The decimals a total is said with: those of the campaign's rounding step."""
    exponent = report.campaign.rounding_step.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 2


def locked_results(report: RankReport) -> tuple[LockedUnit, ...]:
    """Every expected unit's result in ``report``, in the report's order."""
    units = []
    for submission in report.completeness.units:
        place = report.place(submission.unit)
        name = report.campaign.unit(submission.unit).name
        units.append(
            LockedUnit(
                unit=submission.unit,
                name=name,
                total=place.total if place else None,
                rank=place.rank if place else None,
                cluster_rank=place.cluster_rank if place else None,
                band=place.band if place else "",
                status=_status_of(submission),
            )
        )
    return tuple(units)


def _status_of(submission: UnitSubmission) -> str:
    status = submission.status
    if status is SubmissionStatus.ACCEPTED:
        return "counted"
    if status is SubmissionStatus.REJECTED_BELOW:  # as the level below said it
        result = submission.result
        below = [i for i in result.issues if i.code == "unit_rejected_below"] if result else []
        return "blank" if below and below[0].params.get("status") == "blank" else "rejected"
    return str(status.value)


def compare_results(
    locked: Sequence[LockedUnit], new: Sequence[LockedUnit], places: int = 2
) -> tuple[LockChange, ...]:
    """What ``new`` changes of ``locked``: each unit whose total, rank, cluster rank, band
    or status differs, each unit added and each gone, in the locked order then the new."""
    before = {u.unit: u for u in locked}
    after = {u.unit: u for u in new}
    changes = [
        LockChange(code, unit, after.get(code), places)
        for code, unit in before.items()
        if code not in after or after[code].compared() != unit.compared()
    ]
    changes += [
        LockChange(code, None, unit, places) for code, unit in after.items() if code not in before
    ]
    return tuple(changes)


def _number(value: int | None) -> str:
    return "—" if value is None else str(value)


def _status(status: str, lang: Lang) -> str:
    return word("submission", _STATUS_WORD.get(status, "rejected"), lang)


# -- the book as JSON ---------------------------------------------------------------------------


class LockBookDamageError(ValueError):
    """The lock book cannot be trusted: ``code`` is the message saying why (``lock.damage_*``),
    ``where`` the place in the file."""

    def __init__(self, code: str, where: str = "") -> None:
        super().__init__(f"{code}: {where}")
        self.code = code
        self.where = where


def _checksum(entries: list[dict[str, Any]]) -> str:
    text = json.dumps(entries, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _unit_json(unit: LockedUnit) -> dict[str, Any]:
    return {
        "unit": unit.unit,
        "name": unit.name,
        "total": str(unit.total) if unit.total is not None else None,
        "rank": unit.rank,
        "cluster_rank": unit.cluster_rank,
        "band": unit.band,
        "status": unit.status,
    }


def _entry_json(entry: LockEntry) -> dict[str, Any]:
    return {
        "campaign_id": entry.key.campaign_id,
        "unit_code": entry.key.unit,
        "cluster": entry.key.cluster,
        "period": entry.key.period,
        "locked": entry.locked,
        "summary": entry.summary,
        "sha256": entry.sha256,
        "locked_at": entry.locked_at,
        "places": entry.places,
        "units": [_unit_json(u) for u in entry.units],
        "reopenings": [
            {
                "at": r.at,
                "reason": r.reason,
                "summary": r.summary,
                "changes": [c.to_json() for c in r.changes],
            }
            for r in entry.reopenings
        ],
    }


def parse_lock_book(data: object) -> LockBook:
    """The book a JSON document holds; raises :class:`LockBookDamageError` when it is not a lock
    book of this tool, a field is missing or of the wrong kind, or its entries were changed
    since the tool wrote them (the checksum)."""
    book = _object(data, "")
    if book.get("format") != LOCK_BOOK_FORMAT:
        raise LockBookDamageError("lock.damage_format", "format")
    if book.get("version") != LOCK_BOOK_VERSION:
        raise LockBookDamageError("lock.damage_version", str(book.get("version")))
    entries = _list(book.get("entries"), "entries")
    if book.get("checksum") != _checksum(entries):  # type: ignore[arg-type]
        raise LockBookDamageError("lock.damage_checksum", "checksum")
    parsed = tuple(_entry(e, f"entries[{i}]") for i, e in enumerate(entries))
    for i, entry in enumerate(parsed):
        if any(entry.key.same(other.key) for other in parsed[:i]):
            raise LockBookDamageError("lock.damage_field", f"entries[{i}]")
    return LockBook(parsed)


def _entry(data: object, at: str) -> LockEntry:
    entry = _object(data, at)
    key = LockKey(
        _text(entry, "campaign_id", at),
        _text(entry, "unit_code", at),
        _text(entry, "cluster", at),
        _text(entry, "period", at),
    )
    units = _list(entry.get("units"), f"{at}.units")
    reopenings = _list(entry.get("reopenings"), f"{at}.reopenings")
    locked = entry.get("locked")
    if not isinstance(locked, bool):
        raise LockBookDamageError("lock.damage_field", f"{at}.locked")
    places = entry.get("places")
    if not isinstance(places, int) or isinstance(places, bool) or not 0 <= places <= 10:
        raise LockBookDamageError("lock.damage_field", f"{at}.places")
    return LockEntry(
        key=key,
        locked=locked,
        summary=_text(entry, "summary", at),
        sha256=_text(entry, "sha256", at),
        locked_at=_text(entry, "locked_at", at),
        units=tuple(_unit(u, f"{at}.units[{i}]") for i, u in enumerate(units)),
        places=places,
        reopenings=tuple(
            _reopening(r, f"{at}.reopenings[{i}]", places) for i, r in enumerate(reopenings)
        ),
    )


def _reopening(data: object, at: str, places: int) -> Reopening:
    item = _object(data, at)
    changes = []
    for i, change in enumerate(_list(item.get("changes"), f"{at}.changes")):
        where = f"{at}.changes[{i}]"
        fields = _object(change, where)
        before, after = fields.get("before"), fields.get("after")
        changes.append(
            LockChange(
                _text(fields, "unit", where),
                _unit(before, f"{where}.before") if before is not None else None,
                _unit(after, f"{where}.after") if after is not None else None,
                places,
            )
        )
    return Reopening(
        _text(item, "at", at), _text(item, "reason", at), _text(item, "summary", at), tuple(changes)
    )


def _unit(data: object, at: str) -> LockedUnit:
    unit = _object(data, at)
    total = unit.get("total")
    value: Decimal | None = None
    if total is not None:
        if not isinstance(total, str):
            raise LockBookDamageError("lock.damage_field", f"{at}.total")
        try:
            value = Decimal(total)
        except InvalidOperation:
            raise LockBookDamageError("lock.damage_field", f"{at}.total") from None
        if not value.is_finite():
            raise LockBookDamageError("lock.damage_field", f"{at}.total")
    status = _text(unit, "status", at)
    if status not in STATUSES:
        raise LockBookDamageError("lock.damage_field", f"{at}.status")
    return LockedUnit(
        unit=_text(unit, "unit", at),
        name=_text(unit, "name", at),
        total=value,
        rank=_rank(unit, "rank", at),
        cluster_rank=_rank(unit, "cluster_rank", at),
        band=_text(unit, "band", at),
        status=status,
    )


def _object(data: object, at: str) -> Mapping[str, object]:
    if not isinstance(data, dict):
        raise LockBookDamageError("lock.damage_field", at or "{}")
    return data


def _list(data: object, at: str) -> list[object]:
    if not isinstance(data, list):
        raise LockBookDamageError("lock.damage_field", at)
    return data


def _text(data: Mapping[str, object], name: str, at: str) -> str:
    value = data.get(name)
    if not isinstance(value, str):
        raise LockBookDamageError("lock.damage_field", f"{at}.{name}".lstrip("."))
    return value


def _rank(data: Mapping[str, object], name: str, at: str) -> int | None:
    value = data.get(name)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise LockBookDamageError("lock.damage_field", f"{at}.{name}")
    return value
