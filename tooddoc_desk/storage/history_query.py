"""What the History screen asks for: consultations by date, state, practitioner and contact,
as an SQL condition with bound values (never text pasted into SQL)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from tooddoc_desk.core.consultation import State
from tooddoc_desk.storage.timestamps import to_text

MAX_CONTACT_FILTER = 320


@dataclass(frozen=True)
class HistoryQuery:
    since: datetime | None = None  # created at or after
    until: datetime | None = None  # created before
    states: frozenset[State] = frozenset()  # empty: any state
    practitioner_id: str | None = None
    contact: str = ""  # part of a number (as people write it) or of an address

    def condition(self) -> tuple[str, list[str]]:
        """`WHERE …` (or "") and its values, for consultations aliased `c`."""
        parts: list[str] = []
        values: list[str] = []
        if self.since is not None:
            parts.append("c.created_at >= ?")
            values.append(to_text(self.since))
        if self.until is not None:
            parts.append("c.created_at < ?")
            values.append(to_text(self.until))
        if self.states:
            parts.append(f"c.state IN ({', '.join('?' for _ in self.states)})")
            values += sorted(state.value for state in self.states)
        if self.practitioner_id is not None:
            parts.append("c.practitioner_id = ?")
            values.append(self.practitioner_id)
        pattern = contact_pattern(self.contact)
        if pattern is not None:
            parts.append("c.contact_value LIKE ? ESCAPE '\\'")
            values.append(pattern)
        return (" WHERE " + " AND ".join(parts) if parts else ""), values


def contact_pattern(typed: str) -> str | None:
    """A LIKE pattern for what was typed: digits of a number (0470 12… finds +32470 12…), or
    part of an address; None for nothing to look for."""
    text = typed.strip()[:MAX_CONTACT_FILTER]
    if not text:
        return None
    if re.fullmatch(r"[\d\s.+/()-]+", text):
        digits = re.sub(r"\D", "", text)
        if text.startswith("+"):
            digits = "+" + digits
        elif digits.startswith("00"):
            digits = "+" + digits[2:]
        elif digits.startswith("0"):
            digits = digits[1:]  # a national number: the stored one starts +32…
        if not digits.strip("+"):
            return None
        text = digits
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
