"""Criterion codes as people write them (pure): ``"ii.2.A)"`` is ``II.2.a``, under ``II.2``."""

from __future__ import annotations

import re
from functools import lru_cache

from .vi_text import nfc

__all__ = ["normalise_code", "parent_code"]

_ROMAN = re.compile(r"(?=[MDCLXVI])M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_SUBCODE = re.compile(r"[0-9]+|[a-zđ]+")


@lru_cache(maxsize=8192)
def normalise_code(raw: str) -> str | None:
    """``"ii.2.A)"`` → ``"II.2.a"``; ``None`` when it is not a dotted code under a Roman section."""
    text = re.sub(r"\s+", "", nfc(raw)).rstrip(".)")
    if not text:
        return None
    parts = [p.rstrip(")") for p in text.split(".")]
    section = parts[0].upper()
    if not _ROMAN.fullmatch(section):
        return None
    rest = []
    for part in parts[1:]:
        part = part.lower()
        if not _SUBCODE.fullmatch(part):
            return None
        rest.append(str(int(part)) if part.isdigit() else part)
    return ".".join([section, *rest])


def parent_code(code: str) -> str | None:
    """``II.2.a`` → ``II.2``; ``None`` for a section."""
    return code.rsplit(".", 1)[0] if "." in code else None
