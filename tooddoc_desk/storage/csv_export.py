"""The consultation log as CSV, for the practice manager (billing, audits).

One row per consultation; never the notes nor the call's chat (clinical content). The call's
quality: good, fair or poor for the call as a whole (core.call_summary), the reconnections and
the minutes in audio only. Cells that a spreadsheet would read as a formula (starting with
= + - @, a tab or a carriage return) get a leading single quote. Rows are written as they are
read, so an export of any size runs in constant memory.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import datetime
from typing import TextIO

from tooddoc_desk.core.call_summary import SummaryUnreadable, from_json
from tooddoc_desk.core.consultation import State
from tooddoc_desk.storage.database import Connection
from tooddoc_desk.storage.timestamps import from_text, to_text

COLUMNS = (
    "id",
    "channel",
    "contact",
    "language",
    "requested_at",
    "created_at",
    "started_at",
    "ended_at",
    "duration_seconds",
    "final_state",
    "end_reason",
    "call_quality",
    "reconnects",
    "audio_only_minutes",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_BATCH = 200

# started_at: the last time the consultation entered in_call (as Consultation.started_at);
# the last event gives the end and its reason when the state is final.
_QUERY = """
SELECT c.id, c.contact_channel, c.contact_value, c.language, c.requested_at, c.created_at,
       c.state, c.call_quality,
       (SELECT e.at FROM consultation_events AS e
         WHERE e.consultation_id = c.id AND e.state = 'in_call'
         ORDER BY e.seq DESC LIMIT 1),
       last.at, last.reason
  FROM consultations AS c
  JOIN consultation_events AS last
    ON last.seq = (SELECT max(m.seq) FROM consultation_events AS m
                    WHERE m.consultation_id = c.id)
 WHERE c.created_at >= ? AND c.created_at < ?
 ORDER BY c.created_at, c.id
"""
_BEFORE_ALL = ""  # sorts before any stored moment
_AFTER_ALL = "~"  # sorts after any stored moment (they start with digits)


def neutralise(cell: str) -> str:
    """Keeps a spreadsheet from running a cell as a formula (OWASP's CSV injection advice)."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def export_consultations(
    connection: Connection,
    stream: TextIO,
    start: datetime | None = None,
    end: datetime | None = None,
) -> int:
    """Writes the header and one row per consultation created in [start, end); returns the
    number of consultations written. Open `stream` with newline="" (and encoding="utf-8-sig"
    for a spreadsheet to recognise UTF-8)."""
    bounds = (
        _BEFORE_ALL if start is None else to_text(start),
        _AFTER_ALL if end is None else to_text(end),
    )
    cursor = connection.execute(_QUERY, bounds)
    writer = csv.writer(stream)
    writer.writerow(COLUMNS)
    count = 0
    while batch := cursor.fetchmany(_BATCH):
        writer.writerows(_cells(row) for row in batch)
        count += len(batch)
    return count


# id, channel, contact, language, requested_at, created_at, state, call quality, started_at,
# last event's moment and reason
_Row = tuple[str, str, str, str, str, str, str, str | None, str | None, str, str | None]


def _cells(row: _Row) -> Iterable[str]:
    identifier, channel, contact, language, requested_at, created_at, state = row[:7]
    stored_quality, started_at, last_at, last_reason = row[7:]
    final = State(state).is_final
    ended_at = last_at if final else None
    duration = ""
    if started_at is not None and ended_at is not None:
        seconds = (from_text(ended_at) - from_text(started_at)).total_seconds()
        duration = str(int(seconds))
    values = (
        identifier,
        channel,
        contact,
        language,
        requested_at,
        created_at,
        started_at or "",
        ended_at or "",
        duration,
        state,
        (last_reason or "") if final else "",
        *_quality_cells(stored_quality),
    )
    return [neutralise(value) for value in values]


def _quality_cells(stored: str | None) -> tuple[str, str, str]:
    """rating, reconnects, audio-only minutes; empty for no call (or an unreadable summary)."""
    if stored is None:
        return "", "", ""
    try:
        summary = from_json(stored)
    except SummaryUnreadable:
        return "unreadable", "", ""
    return summary.rating, str(summary.reconnects), f"{summary.audio_only_minutes:.1f}"
