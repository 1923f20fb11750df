"""Timestamps as workbooks and summaries write them (ISO 8601), read back in UTC. Pure."""

from __future__ import annotations

from datetime import UTC, datetime

__all__ = ["parse_timestamp"]


def parse_timestamp(text: str) -> datetime | None:
    """``2024-09-25T08:00:00Z`` (or with an offset, or without a zone: taken as UTC) as a UTC
    time; ``None`` for blank or unreadable text (only the first 19 characters are tried when
    the whole is not ISO)."""
    text = text.strip()
    if not text:
        return None
    try:
        stamp = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            stamp = datetime.fromisoformat(text[:19])
        except ValueError:
            return None
    return stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp.astimezone(UTC)
