"""The Council (*Hội đồng Thi đua - Khen thưởng*) as campaign data (pure): its members and the
rules of its vote (the quorum, the share of all members each award title needs, the quota).

Provinces set these rules themselves (Nghị định 152/2025 Điều 6 k2c), so they are read from
the campaign workbook's *Hội đồng* sheet, never written in code. Shares are exact fractions.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from .vi_text import fold

__all__ = [
    "CHAIR_ROLE",
    "DEFAULT_QUORUM",
    "Council",
    "CouncilMember",
    "Share",
    "TitleRule",
    "is_chair_role",
    "parse_share",
]

CHAIR_ROLE = "Chủ tịch"


@dataclass(frozen=True)
class Share:
    """A share of all the Council's members: ``at_least`` 2/3, or strictly more than 1/2
    (*trên 50%*, *quá bán*)."""

    fraction: Fraction
    strict: bool = False

    def met(self, count: int, members: int) -> bool:
        """Whether ``count`` of ``members`` reaches the share (exact: no rounding)."""
        if members <= 0:
            return False
        got = Fraction(count, members)
        return got > self.fraction if self.strict else got >= self.fraction

    def needed(self, members: int) -> int:
        """The fewest of ``members`` that reach the share."""
        for count in range(members + 1):
            if self.met(count, members):
                return count
        return members + 1

    def vi(self) -> str:
        """The share in words on a Vietnamese ballot: ``trên 50%``, ``từ 2/3 trở lên``."""
        number = self.text()[2:]
        return f"trên {number}" if self.strict else f"từ {number} trở lên"

    def text(self) -> str:
        """The share as a person reads it: ``≥ 2/3``, ``> 50%``."""
        sign = ">" if self.strict else "≥"
        percent = self.fraction * 100
        if percent.denominator == 1:
            return f"{sign} {percent.numerator}%"
        if 10**6 % percent.denominator == 0:  # a finite decimal: 66,67%
            text = format(Decimal(percent.numerator) / percent.denominator, "f").rstrip("0")
            return f"{sign} {text.replace('.', ',')}%"
        return f"{sign} {self.fraction.numerator}/{self.fraction.denominator}"


DEFAULT_QUORUM = Share(Fraction(2, 3))

_HALF_WORDS = ("qua ban", "hon mot nua", "more than half", "majority")
_SHARE = re.compile(
    r"(?P<sign>>=|≥|=>|>|tren|hon|qua|tu|it nhat|toi thieu|at least|more than|over)?\s*"
    r"(?P<num>\d+(?:\.\d+)?)\s*(?:/\s*(?P<den>\d+(?:\.\d+)?)|(?P<pct>%))?\s*"
    r"(?:tro len|so phieu|tong so thanh vien|so thanh vien|thanh vien|of members|or more)?"
)
_STRICT_SIGNS = {">", "tren", "hon", "qua", "more than", "over"}


def parse_share(value: object) -> Share | None:
    """A share from what a person typed: ``2/3``, ``66,67%``, ``≥ 50%``, ``trên 50%``,
    ``từ 80% trở lên``, ``quá bán``, or a number (0.8 and 80 read alike). ``None`` when it is
    none of these, or not above 0 and at most 1."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        try:
            number = Fraction(Decimal(repr(value))) if isinstance(value, float) else Fraction(value)
        except (InvalidOperation, ValueError, OverflowError):
            return None
        return _share(number if number <= 1 else number / 100, strict=False)
    text = _plain(str(value))
    if text in _HALF_WORDS:
        return Share(Fraction(1, 2), strict=True)
    match = _SHARE.fullmatch(text)
    if match is None:
        return None
    try:
        number = Fraction(Decimal(match["num"]))
        if match["den"] is not None:
            number /= Fraction(Decimal(match["den"]))
        elif match["pct"] or number > 1:
            number /= 100
    except (InvalidOperation, ZeroDivisionError):
        return None
    return _share(number, strict=match["sign"] in _STRICT_SIGNS)


def _plain(text: str) -> str:
    """Lower case, no accents (đ→d), a decimal comma as a point, spaces collapsed."""
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    lowered = stripped.replace("đ", "d").replace("Đ", "D").lower().replace(",", ".")
    return " ".join(lowered.split())


def _share(number: Fraction, strict: bool) -> Share | None:
    if number <= 0 or number > 1:
        return None
    return Share(number, strict)


def is_chair_role(role: str) -> bool:
    """*Chủ tịch* (not *Phó Chủ tịch*): the member whose vote settles a tie."""
    folded = fold(role)
    return folded in {"chu tich", "chu tich hoi dong", "chairman", "chair"}


@dataclass(frozen=True)
class CouncilMember:
    """One member: the name, the role in the Council, the post held outside it."""

    name: str
    role: str = ""
    position: str = ""
    row: int = 0  # the row of the Hội đồng sheet (1-based; 0 when not from a sheet)

    @property
    def is_chair(self) -> bool:
        return is_chair_role(self.role)


@dataclass(frozen=True)
class TitleRule:
    """What a title needs: a share of all members voting Đồng ý, and at most ``quota``
    collectives (``None``: as many as pass)."""

    title: str
    share: Share
    quota: int | None = None


@dataclass(frozen=True)
class Council:
    """The Council's members and the rules of its vote."""

    members: tuple[CouncilMember, ...]
    quorum: Share = DEFAULT_QUORUM
    titles: tuple[TitleRule, ...] = ()
    written_votes_count: bool = True  # an absent member's written opinion counts

    @property
    def chair(self) -> CouncilMember | None:
        return next((m for m in self.members if m.is_chair), None)

    def rule(self, title: str) -> TitleRule | None:
        """The rule for ``title`` (matched ignoring case and accents)."""
        wanted = fold(title)
        return next((r for r in self.titles if fold(r.title) == wanted), None)
