"""Vietnamese text helpers: NFC normalisation, folding for matching, numbers typed as text.

Pure: no spreadsheet library, no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

__all__ = [
    "canonical_decimal",
    "find_dates",
    "fold",
    "format_date",
    "format_decimal",
    "format_points",
    "nfc",
    "parse_date",
    "parse_decimal",
    "slug",
    "split_list",
    "vietnamese_sort_key",
]

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC with surrounding white space removed."""
    return unicodedata.normalize("NFC", text).strip()


def fold(text: str) -> str:
    """Fold text for matching: no accents, đ→d, lower case, punctuation and spacing collapsed.

    ``"Điểm  tối đa"``, ``"DIEM TOI DA"`` and ``"điểm_tối-đa"`` all fold to ``"diem toi da"``;
    ``"HÒA"`` and ``"HOÀ"`` (tone mark placed differently) fold alike.
    """
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    lowered = stripped.replace("đ", "d").replace("Đ", "D").lower()
    return _NON_ALNUM.sub(" ", lowered).strip()


_PLAIN_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)")


def parse_decimal(value: object) -> Decimal | None:
    """Read a number as a spreadsheet cell holds it: a number, or text typed by a person.

    Text accepts a decimal comma (``"12,5"``) and thousands separators (``"1.234.567,5"``,
    ``"1,234.5"``): where both ``.`` and ``,`` appear the last one is the decimal separator;
    a single ``,`` or a single ``.`` is a decimal separator; repeated ones group thousands.
    Returns ``None`` for anything that is not a finite number (including booleans).
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return _float_decimal(value)
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if not isinstance(value, str):
        return None
    text = nfc(value).replace("\u00a0", "").replace(" ", "")
    if not text:
        return None
    plain = _normalise_separators(text)
    if plain is None or not _PLAIN_NUMBER.fullmatch(plain):
        return None
    try:
        number = Decimal(plain.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern above already excludes it
        return None
    return number if number.is_finite() else None


@lru_cache(maxsize=4096)
def _float_decimal(value: float) -> Decimal | None:
    """A cell's float as the decimal a person typed (cached: the same values recur)."""
    if value != value or value in (float("inf"), float("-inf")):
        return None
    if value.is_integer():
        return Decimal(int(value))
    # repr() is the shortest text that round-trips: 0.1 stays 0.1, not 0.1000000000000000055
    return Decimal(repr(value))


def _normalise_separators(text: str) -> str | None:
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        decimal_sep = "." if text.rfind(".") > text.rfind(",") else ","
        group_sep = "," if decimal_sep == "." else "."
        if text.count(decimal_sep) > 1:
            return None
        integer, _, fraction = text.partition(decimal_sep)
        if not _valid_grouping(integer, group_sep):
            return None
        return integer.replace(group_sep, "") + "." + fraction
    for sep in (".", ","):
        if text.count(sep) > 1:
            return text.replace(sep, "") if _valid_grouping(text, sep) else None
    return text


def _valid_grouping(integer: str, sep: str) -> bool:
    groups = integer.lstrip("+-").split(sep)
    if len(groups) == 1:
        return True
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def canonical_decimal(value: Decimal) -> str:
    """One text per number, whatever its exponent: ``20``, ``20.0`` and ``2E+1`` → ``"20"``."""
    text = format(value.normalize(), "f")
    return text if text != "-0" else "0"


def format_decimal(value: Decimal, lang: str = "vi") -> str:
    """Show a number as a person writes it: no trailing zeros, decimal comma in Vietnamese.
    An absurd magnitude (``1E+308`` typed into a points cell) stays in scientific form."""
    if value.is_finite() and value.adjusted() >= 21:
        text = f"{value.normalize():E}"
    elif value == value.to_integral_value():
        text = str(value.quantize(Decimal(1)))
    else:
        text = format(value.normalize(), "f")
    return text.replace(".", ",") if lang == "vi" else text


def format_points(value: Decimal, places: int = 2) -> str:
    """Points as printed on a paper to sign: ``places`` decimals, a decimal comma and dots
    between thousands (``Decimal("1183.886")`` → ``"1.183,89"``), whatever the machine's locale."""
    if not value.is_finite():
        return format_decimal(value)
    text = f"{value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP):,.{places}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_points_in(value: Decimal, places: int, lang: str = "vi") -> str:
    """:func:`format_points` in Vietnamese (``1.183,89``), the English way in English
    (``1,183.89``)."""
    text = format_points(value, places)
    if lang != "en" or not value.is_finite():
        return text
    return text.replace(".", "\x00").replace(",", ".").replace("\x00", ",")


_DATE = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")


def parse_date(value: object) -> date | None:
    """Read a date from a cell: a date value, or text ``dd/mm/yyyy`` (also ``-`` or ``.``)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    match = _DATE.fullmatch(nfc(value))
    return _make_date(match) if match else None


def find_dates(text: str) -> list[date]:
    """All ``dd/mm/yyyy`` dates in ``text``, in order (used for windows such as periods)."""
    found = []
    for match in _DATE.finditer(text):
        day = _make_date(match)
        if day is not None:
            found.append(day)
    return found


def _make_date(match: re.Match[str]) -> date | None:
    day, month, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def format_date(day: date) -> str:
    """``dd/mm/yyyy`` as Vietnamese documents write dates."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


_LIST_SEPARATORS = re.compile(r"[;,\n]+")


def split_list(text: str) -> list[str]:
    """Split a cell listing several items (``"CA; YT, PN"``) into trimmed, non-empty items."""
    return [item for item in (nfc(part) for part in _LIST_SEPARATORS.split(text)) if item]


_SLUG_BAD = re.compile(r"[^a-z0-9]+")


def slug(text: str, limit: int = 60) -> str:
    """A file-name-safe, readable slug: ``"Đặng Thị Ửng"`` → ``"dang-thi-ung"``."""
    return _SLUG_BAD.sub("-", fold(text)).strip("-")[:limit].strip("-")


# Vietnamese alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y;
# tones: none < huyền < hỏi < ngã < sắc < nặng (as ICU's Vietnamese collation orders them).
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}
_COMBINED = {  # base letter + breve, circumflex or horn → the Vietnamese letter
    ("a", "\u0306"): "ă",
    ("a", "\u0302"): "â",
    ("e", "\u0302"): "ê",
    ("o", "\u0302"): "ô",
    ("o", "\u031b"): "ơ",
    ("u", "\u031b"): "ư",
}
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def vietnamese_sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """A sort key that orders names as Vietnamese does (``sorted()`` alone does not):
    letters first (đ after d, ư after u…), then tones, then the text itself."""
    letters: list[int] = []
    tones: list[int] = []
    for char in nfc(text).lower():
        decomposed = unicodedata.normalize("NFD", char)
        base, marks = decomposed[0], decomposed[1:]
        tone = 0
        for mark in marks:
            if mark in _TONE_RANK:
                tone = _TONE_RANK[mark]
            else:
                base = _COMBINED.get((base, mark), base)
        rank = _LETTER_RANK.get(base)
        letters.append(rank if rank is not None else 100 + ord(base))
        tones.append(tone)
    return tuple(letters), tuple(tones), text
