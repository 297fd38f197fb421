"""Moments as stored: ISO 8601 in UTC with microseconds and a Z, fixed width.

Fixed width matters: text comparison then orders moments, so SQL range queries and indexes on
these columns work on the text itself.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tooddoc_desk.core.clock import require_aware


def to_text(moment: datetime) -> str:
    """2024-05-01T08:30:00.000000Z; a naive datetime is refused (see require_aware)."""
    utc = require_aware(moment).replace(tzinfo=None)
    return utc.isoformat(timespec="microseconds") + "Z"


def from_text(text: str) -> datetime:
    if not text.endswith("Z"):
        raise ValueError("a stored moment ends with Z")
    return datetime.fromisoformat(text[:-1]).replace(tzinfo=UTC)
