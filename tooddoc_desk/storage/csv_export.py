"""The consultation log as CSV, for the practice manager (billing through MyCareNet, audits).

Written for Excel as Belgian practices run it (a French, Dutch or German Windows locale):

- UTF-8 with a byte order mark (without one, Excel reads the file as Windows-1252 and breaks
  every é and ë);
- semicolons between cells (those locales use the comma as the decimal mark, so Excel splits
  on the semicolon there), CRLF line ends, quotes only around cells that need them;
- decimal comma (25,00) and dates as dd/mm/yyyy hh:mm in the PC's local time: Excel in those
  locales reads both as numbers and dates, where ISO 8601 would stay text. The stored moments
  are UTC; seconds are not shown (durations are given in seconds);
- cells a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
  return) get a leading single quote (OWASP's advice against CSV injection).

`BELGIAN_EXCEL` is that dialect: read the file back with `csv.reader(stream, BELGIAN_EXCEL)`
after opening it with encoding="utf-8-sig". One row per consultation, written as it is read.
Never the call's chat; the notes only when a practitioner includes them (the services decide).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TextIO

from tooddoc_desk.core.nomenclature import BillingTable
from tooddoc_desk.storage.database import Connection
from tooddoc_desk.storage.export_rows import ExportFilter, ExportRow, rows

COLUMNS = (
    "consultation_id",
    "practitioner",
    "inami",
    "requested_at",
    "created_at",
    "channel",
    "contact",
    "sent_by",
    "invited_at",
    "opened_at",
    "waiting_at",
    "started_at",
    "ended_at",
    "duration_seconds",
    "state",
    "end_reason",
    "modality",
    "nomenclature_code",
    "fee_eur",
    "payment_status",
    "payment_amount_eur",
    "payment_method",
    "call_quality",
    "reconnects",
    "audio_only_minutes",
)
NOTES_COLUMN = "notes"
SENT_BY_SCRIPT = "command line"  # a link sent by `tooddoc-desk invite`
DATE_FORMAT = "%d/%m/%Y %H:%M"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class BELGIAN_EXCEL(csv.Dialect):
    delimiter = ";"
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\r\n"
    quoting = csv.QUOTE_MINIMAL


def neutralise(cell: str) -> str:
    """Keeps a spreadsheet from running a cell as a formula (OWASP's CSV injection advice)."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def local_time(moment: datetime | None) -> str:
    return "" if moment is None else moment.astimezone().strftime(DATE_FORMAT)


def euros(cents: int | None) -> str:
    """2500 → 25,00 (decimal comma, no thousands mark: Excel reads it as a number)."""
    if cents is None:
        return ""
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    return f"{sign}{whole},{rest:02d}"


def decimal(value: float, digits: int = 1) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


def quality_cells(row: ExportRow) -> tuple[str, str, str]:
    """rating, reconnects, audio-only minutes; empty without a call."""
    if row.quality_unreadable:
        return "unreadable", "", ""
    if row.quality is None:
        return "", "", ""
    summary = row.quality
    return summary.rating, str(summary.reconnects), decimal(summary.audio_only_minutes)


def cells(row: ExportRow) -> list[str]:
    values = [
        row.id,
        row.practitioner,
        row.inami,
        local_time(row.requested_at),
        local_time(row.created_at),
        row.channel,
        row.contact,
        row.sent_by or SENT_BY_SCRIPT,
        local_time(row.invited_at),
        local_time(row.opened_at),
        local_time(row.waiting_at),
        local_time(row.started_at),
        local_time(row.ended_at),
        "" if row.duration_seconds is None else str(row.duration_seconds),
        row.state.value,
        row.end_reason,
        "" if row.modality is None else row.modality.value,
        row.code,
        euros(row.fee_cents),
        row.payment_status,
        euros(row.payment_amount_cents),
        row.payment_method,
        *quality_cells(row),
    ]
    if row.notes is not None:
        values.append(row.notes)
    return [neutralise(value) for value in values]


def write_csv(
    pages: Iterable[list[ExportRow]],
    stream: TextIO,
    *,
    include_notes: bool = False,
    on_page: Callable[[int], None] | None = None,
) -> int:
    """Writes the header and each page of rows as it comes; returns the rows written. Open
    `stream` with newline="" and encoding="utf-8-sig". `on_page(rows so far)` after each page
    (it may raise to stop the export)."""
    writer = csv.writer(stream, BELGIAN_EXCEL)
    writer.writerow((*COLUMNS, NOTES_COLUMN) if include_notes else COLUMNS)
    written = 0
    for page in pages:
        writer.writerows(cells(row) for row in page)
        written += len(page)
        if on_page is not None:
            on_page(written)
    return written


def export_consultations(
    connection: Connection,
    stream: TextIO,
    start: datetime | None = None,
    end: datetime | None = None,
) -> int:
    """The consultations created in [start, end) (either bound optional) with the default
    billing table, in one read transaction; returns the rows written."""
    connection.execute("BEGIN")
    try:
        return write_csv(rows(connection, ExportFilter(start, end), BillingTable()), stream)
    finally:
        connection.execute("COMMIT")
