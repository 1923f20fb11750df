"""A locked period (SPEC §11): ``thidua lock`` and ``thidua merge --lock`` / ``--reopen``.

The lock book (``so-khoa-ky.json``, one per folder, beside the summaries) records that a
level's result for a period is final (:mod:`thidua_xlsx.core.lock`). ``thidua lock`` reads a
summary back like any returned summary (in a contained worker), scores every unit it carries
again (:func:`~thidua_xlsx.checking.carried.check_summary`, with the scores of its *Thẩm
định* sheet applied as the merge applied them), ranks them, and records the results; the
summary is never changed. A merge into the same folder compares its ranking with the locked
results before it writes anything (:func:`check_merge_lock`): a change is refused
(:class:`~thidua_xlsx.errors.LockError` ``period_locked``) unless the period is reopened with
a reason, which the book keeps with the changes (:func:`record_merge_lock`).

The book is a convenience for the office, not a security barrier: anyone can delete it. One
that cannot be read, or whose entries were edited outside the tool, is refused
(``lock_book_damaged``), never ignored.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..checking.carried import check_summary
from ..core.lock import (
    LockBook,
    LockBookDamageError,
    LockChange,
    LockedUnit,
    LockEntry,
    LockKey,
    Reopening,
    compare_results,
    lock_key,
    locked_results,
    parse_lock_book,
    score_places,
)
from ..core.model import Campaign
from ..core.periods import PERIOD_KEY
from ..core.ranking import rank_units
from ..core.reports import CheckReport, RankReport
from ..core.results import FileResult
from ..core.scoring import ScoreCard, score_card
from ..core.submissions import choose_submissions
from ..errors import InboxError, LockError, UnusableFileError
from ..intake.reader import ReturnedFileReader
from ..intake.summary_file import SummaryFile
from ..runtime.atomic import atomic_output, output_time
from ..runtime.containment import DEFAULT_LIMITS, ReadLimits, run_contained
from ..words.issues import Issue, Severity
from ..words.messages import Lang, Message, as_lang, render
from .rank import expected_units

__all__ = [
    "LOCK_BOOK_NAME",
    "LockResult",
    "MergeLock",
    "check_merge_lock",
    "lock_book_path",
    "lock_summary",
    "read_lock_book",
    "record_merge_lock",
    "summary_report",
    "write_lock_book",
]

LOCK_BOOK_NAME = "so-khoa-ky.json"
_MAX_BOOK_BYTES = 64 * 1024 * 1024  # a country's 50,000 units and their reopenings fit


def lock_book_path(summary: str | Path) -> Path:
    """The lock book of the folder ``summary`` is (or will be) in."""
    return Path(summary).parent / LOCK_BOOK_NAME


def read_lock_book(path: str | Path) -> LockBook:
    """The book at ``path`` (empty when there is none). Raises :class:`LockError`
    ``lock_book_damaged`` when it cannot be read or was changed outside the tool."""
    book = Path(path)
    if not book.exists():
        return LockBook()
    with book.open("rb") as handle:
        data = handle.read(_MAX_BOOK_BYTES + 1)
    try:
        if len(data) > _MAX_BOOK_BYTES:
            raise LockBookDamageError("lock.damage_json", f"> {_MAX_BOOK_BYTES // 2**20} MB")
        try:
            document = json.loads(data.decode("utf-8"))
        except UnicodeDecodeError:
            raise LockBookDamageError("lock.damage_json", "UTF-8") from None
        except json.JSONDecodeError as exc:
            raise LockBookDamageError("lock.damage_json", f"{exc.lineno}:{exc.colno}") from None
        return parse_lock_book(document)
    except LockBookDamageError as damage:
        detail = Message(damage.code, where=damage.where)
        raise LockError("lock_book_damaged", path=str(book), detail=detail) from None


def write_lock_book(path: str | Path, book: LockBook) -> Path:
    """Write ``book`` to ``path`` atomically (the previous book stays whole if this fails)."""
    target = Path(path)
    document = book.to_json(note=render("lock.book_note", "vi"))
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    with atomic_output(target) as temp:
        temp.write_text(text, encoding="utf-8")
    return target


# -- thidua lock --------------------------------------------------------------------------------


@dataclass(frozen=True)
class LockResult:
    """What ``thidua lock`` (or ``merge --lock``) did: the book, the key's entry as it now
    is, and whether the same result was locked already (nothing written) or a changed
    result was reopened first (``changes``)."""

    book: Path
    entry: LockEntry
    already: bool = False
    changes: tuple[LockChange, ...] = ()

    @property
    def ranked(self) -> int:
        return sum(1 for u in self.entry.units if u.rank is not None)

    def lines(self, lang: Lang) -> list[str]:
        key, entry = self.entry.key.label(lang), self.entry
        if self.already:
            said = render(
                "cli.lock_already",
                lang,
                key=key,
                at=said_time(entry.locked_at),
                summary=entry.summary,
                book=str(self.book),
            )
            return [said]
        lines = []
        if self.changes:
            reason = entry.reopenings[-1].reason
            lines.append(_reopened_line(key, reason, self.changes, self.book, lang))
            lines += [f"  {c.message(lang)}" for c in self.changes]
        said = render(
            "cli.lock_done",
            lang,
            key=key,
            units=len(entry.units),
            ranked=self.ranked,
            summary=entry.summary,
            book=str(self.book),
        )
        return [*lines, said]


def lock_summary(
    campaign: Campaign,
    summary: str | Path,
    limits: ReadLimits = DEFAULT_LIMITS,
    reopen: str | None = None,
) -> LockResult:
    """Lock the result in ``summary`` (written by ``thidua merge``) in the lock book beside
    it. The result is scored again from the units the summary carries, never copied from its
    cached totals. A key locked already with the same result is left as it is; with another
    result it is refused (``period_locked``) unless ``reopen`` gives the reason to reopen it.

    Raises :class:`LockError` (``lock_not_summary``, ``lock_book_damaged``,
    ``period_locked``), :class:`InboxError` when the file does not exist."""
    path = Path(summary)
    if not path.is_file():
        raise InboxError(str(path), "missing")
    book_path = lock_book_path(path)
    book = read_lock_book(book_path)  # a damaged book refused before anything is read
    report = summary_report(campaign, path, limits)
    key, units, places = lock_key(report), locked_results(report), score_places(report)
    now = _now()
    entry = book.entry(key)
    changes: tuple[LockChange, ...] = ()
    if entry is not None and entry.locked:
        changes = compare_results(entry.units, units, places)
        if not changes:
            return LockResult(book_path, entry, already=True)
        _refuse_unless_reopened(entry, changes, book_path, reopen)
        entry = entry.reopened(Reopening(now, _reason(reopen), path.name, changes))
    locked = LockEntry(key, True, path.name, file_sha256(path), now, units, places, _history(entry))
    write_lock_book(book_path, book.with_entry(locked))
    return LockResult(book_path, locked, changes=changes)


def summary_report(
    campaign: Campaign, summary: str | Path, limits: ReadLimits = DEFAULT_LIMITS
) -> RankReport:
    """The ranking a summary holds, made again: the summary read and checked in a contained
    worker (of its own period when the campaign has periods), its *Thẩm định* scores
    applied, every expected unit's status, the counted units ranked. Raises
    :class:`LockError` ``lock_not_summary`` when it is not a usable summary of ``campaign``."""
    path = Path(summary)
    read: _Read = run_contained(_SummaryJob(campaign), _unreadable, [path], 1, limits)[0]
    if read.problem is not None or read.result is None:
        problem = read.problem or Message("lock.not_summary", kind="?")
        raise LockError("lock_not_summary", path=str(path), detail=problem)
    result = read.result
    if not result.accepted:
        errors = [i for i in result.issues if i.severity is Severity.ERROR]
        detail = f"{errors[0].message('vi')} [{errors[0].code}]" if errors else "—"
        raise LockError("lock_not_summary", path=str(path), detail=detail)
    run = campaign
    if read.period:
        period = next(p for p in campaign.periods if p.same(read.period))
        run = campaign.for_period(period)
    parent = result.unit or None
    cluster = result.cluster or None
    top, expected = expected_units(run, parent, cluster)
    members = tuple(_verified(run, m, read.verified or {}) for m in result.members)
    result = replace(result, members=members)
    completeness = choose_submissions([result], expected)
    cards: dict[str, ScoreCard] = {
        u.unit: u.result.card
        for u in completeness.counted
        if u.result is not None and u.result.card is not None
    }
    ranking = tuple(rank_units(run, cards))
    check = CheckReport(run, (result,))
    return RankReport(run, top, check, completeness, ranking, cluster)


def _verified(
    campaign: Campaign, member: FileResult, verified: Mapping[str, Mapping[str, Decimal]]
) -> FileResult:
    """A carried unit with the scores its level verified (the summary's *Thẩm định*)."""
    scores = verified.get(member.unit or "")
    if not scores or not member.accepted or member.card is None:
        return member
    known = {c: s for c, s in scores.items() if c in campaign.leaf_map}
    return replace(member, card=score_card(campaign, member.inputs, known))


@dataclass(frozen=True)
class _Read:
    """What the worker sends back: the summary checked, its verified scores and period, or
    why it cannot be locked."""

    result: FileResult | None = None
    verified: Mapping[str, Mapping[str, Decimal]] | None = None
    period: str = ""
    problem: Message | None = None


class _SummaryJob:
    """Read and check one summary in a worker, of its own period."""

    def __init__(self, campaign: Campaign) -> None:
        self.campaign = campaign

    def __call__(self, path: Path) -> _Read:
        try:
            returned = ReturnedFileReader(summary_verified=True).read(path)
        except UnusableFileError as exc:
            return _Read(problem=_unusable(exc.code, exc.detail))
        if not isinstance(returned, SummaryFile):
            kind = returned.metadata.get("kind") or "card"
            said = Message(f"lock.kind.{kind}") if kind in _KINDS else kind
            return _Read(problem=Message("lock.not_summary", kind=said))
        campaign = self.campaign
        period = returned.metadata.get(PERIOD_KEY, "")
        if period and campaign.periods:
            found = next((p for p in campaign.periods if p.same(period)), None)
            if found is None:
                return _Read(problem=Message("lock.other_period", period=period))
            campaign = campaign.for_period(found)
        else:
            period = ""
        try:
            result = check_summary(campaign, returned)
        except UnusableFileError as exc:
            return _Read(problem=_unusable(exc.code, exc.detail))
        verified = {u: dict(s) for u, s in returned.verified.items()}
        return _Read(result, verified, period)


_KINDS = ("card", "feedback", "verification")  # what a returned file other than a summary is


def _unreadable(path: Path, code: str, detail: str) -> _Read:
    return _Read(problem=_unusable(code, detail))


def _unusable(code: str, detail: str) -> Message:
    issue = Issue(code, params={"detail": detail})
    return Message("error.unusable_file", issue=issue, code=code)


# -- thidua merge: the lock checked before writing, recorded after -----------------------------


@dataclass(frozen=True)
class MergeLock:
    """A merge's result held against the lock book of its output's folder: the key's entry
    (None when the key was never locked), the merge's results and what they change of a
    locked result, and the reason to reopen it when one was given."""

    book_path: Path
    book: LockBook
    key: LockKey
    entry: LockEntry | None
    units: tuple[LockedUnit, ...]
    places: int
    changes: tuple[LockChange, ...]
    reopen: str | None
    at: str  # now, ISO 8601

    @property
    def locked(self) -> bool:
        """The key's result is locked."""
        return self.entry is not None and self.entry.locked

    @property
    def reopens(self) -> bool:
        """The merge changes a locked result and reopens it."""
        return self.locked and bool(self.changes)

    @property
    def notes(self) -> tuple[Message, ...]:
        """What the new summary says of the lock (``RankReport.notes``)."""
        if not self.reopens or self.entry is None:
            return ()
        at, now = said_time(self.entry.locked_at), said_time(self.at)
        reason = _reason(self.reopen)
        return (Message("summary.note_reopened", at=at, now=now, reason=reason),)


def check_merge_lock(
    report: RankReport, output: str | Path, reopen: str | None = None
) -> MergeLock:
    """Hold ``report`` against the lock book beside ``output`` before the summary is
    written. Raises :class:`LockError` ``period_locked`` naming each change when the result
    of the report's key is locked and would change, unless ``reopen`` gives a reason;
    ``lock_book_damaged`` when the book cannot be trusted."""
    book_path = lock_book_path(output)
    book = read_lock_book(book_path)
    key = lock_key(report)
    entry = book.entry(key)
    units, places = locked_results(report), score_places(report)
    changes: tuple[LockChange, ...] = ()
    if entry is not None and entry.locked:
        changes = compare_results(entry.units, units, places)
        if changes:
            _refuse_unless_reopened(entry, changes, book_path, reopen)
    reason = reopen.strip() if reopen else None
    return MergeLock(book_path, book, key, entry, units, places, changes, reason, _now())


@dataclass(frozen=True)
class MergeLockRecord:
    """What a merge did with the lock book."""

    lock: MergeLock
    entry: LockEntry | None  # the key's entry now
    written: bool  # the book was written
    locked: bool  # the new result was locked (merge --lock)

    def lines(self, lang: Lang) -> list[str]:
        lock = self.lock
        key = lock.key.label(lang)
        lines = []
        if lock.reopens:
            reason = _reason(lock.reopen)
            lines.append(_reopened_line(key, reason, lock.changes, lock.book_path, lang))
            lines += [f"  {c.message(lang)}" for c in lock.changes]
        elif lock.locked and lock.entry is not None:
            lines.append(render("cli.lock_same", lang, key=key, at=said_time(lock.entry.locked_at)))
        if lock.reopen and not lock.reopens:
            lines.append(render("cli.lock_reopen_unused", lang, key=key))
        if self.locked and self.entry is not None:
            entry = self.entry
            said = render(
                "cli.lock_done",
                lang,
                key=key,
                units=len(entry.units),
                ranked=sum(1 for u in entry.units if u.rank is not None),
                summary=entry.summary,
                book=str(lock.book_path),
            )
            lines.append(said)
        return lines

    def to_json(self) -> dict[str, Any]:
        lock = self.lock
        return {
            "book": str(lock.book_path),
            "key": {
                "campaign_id": lock.key.campaign_id,
                "unit_code": lock.key.unit,
                "cluster": lock.key.cluster,
                "period": lock.key.period,
            },
            "was_locked": lock.locked,
            "reopened": lock.reopens,
            "reason": lock.reopen if lock.reopens else None,
            "changes": [c.to_json() | {"message": c.message("vi")} for c in lock.changes],
            "locked": self.entry is not None and self.entry.locked,
        }


def record_merge_lock(
    lock: MergeLock, summary: str | Path, lock_it: bool = False
) -> MergeLockRecord:
    """After the summary was written: record the reopening (when the merge changed a locked
    result), and with ``lock_it`` lock the new result (``merge --lock``; a result equal to
    the one locked already stays as it was)."""
    path = Path(summary)
    entry = lock.entry
    changed = False
    if lock.reopens and entry is not None:
        entry = entry.reopened(Reopening(lock.at, _reason(lock.reopen), path.name, lock.changes))
        changed = True
    locked_now = False
    if lock_it and not (lock.locked and not lock.changes):
        entry = LockEntry(
            lock.key,
            True,
            path.name,
            file_sha256(path),
            lock.at,
            lock.units,
            lock.places,
            _history(entry),
        )
        changed = locked_now = True
    if changed and entry is not None:
        write_lock_book(lock.book_path, lock.book.with_entry(entry))
    return MergeLockRecord(lock, entry, changed, locked_now)


# -- shared ---------------------------------------------------------------------------------


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def said_time(iso: str) -> str:
    """``2026-12-03T09:30:00Z`` → ``03/12/2026 09:30 UTC`` (as is when it is not a time)."""
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    return moment.strftime("%d/%m/%Y %H:%M UTC")


def _now() -> str:
    return output_time().strftime("%Y-%m-%dT%H:%M:%SZ")


def _reason(reopen: str | None) -> str:
    return " ".join((reopen or "").split())


def _history(entry: LockEntry | None) -> tuple[Reopening, ...]:
    return entry.reopenings if entry is not None else ()


def _refuse_unless_reopened(
    entry: LockEntry, changes: tuple[LockChange, ...], book: Path, reopen: str | None
) -> None:
    if _reason(reopen):
        return
    raise LockError(
        "period_locked",
        key=_KeyLabel(entry.key),
        at=said_time(entry.locked_at),
        summary=entry.summary,
        book=str(book),
        changes=_ChangeList(changes),
    )


@dataclass(frozen=True)
class _KeyLabel:
    """A key as an exception's parameter, said in the reader's language."""

    key: LockKey

    def message(self, lang: str = "vi") -> str:
        return self.key.label(as_lang(lang))


@dataclass(frozen=True)
class _ChangeList:
    """The changes as an exception's parameter: one line each, said in the reader's language."""

    changes: tuple[LockChange, ...]

    def message(self, lang: str = "vi") -> str:
        return "\n".join(f"  {c.message(as_lang(lang))}" for c in self.changes)


def _reopened_line(
    key: str, reason: str, changes: tuple[LockChange, ...], book: Path, lang: Lang
) -> str:
    return render(
        "cli.lock_reopened", lang, key=key, reason=reason, count=len(changes), book=str(book)
    )
