"""The rows of the manager's export, read a page at a time.

`ExportFilter` chooses consultations by creation date, practitioner and state; `rows` yields
one `ExportRow` per consultation, oldest first, reading pages of `PAGE` consultations (keyset
paging on created_at, id: each page is an indexed range, never an OFFSET scan) and their events,
so that memory stays the same whatever the export's size.

Times come from the consultation's timeline: invited, opened, waiting (entered the waiting
room), started (the call connected once the practitioner admitted the patient: the store keeps
that moment as the admission, not the click itself, which comes a fraction of a second before),
ended (the final state's moment). The notes are read only when asked for.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from tooddoc_desk.core.call_summary import CallSummary, SummaryUnreadable, from_json
from tooddoc_desk.core.consultation import State
from tooddoc_desk.core.nomenclature import BillingTable, Modality, modality_of
from tooddoc_desk.storage.database import Connection
from tooddoc_desk.storage.history_query import HistoryQuery
from tooddoc_desk.storage.timestamps import from_text

PAGE = 500
NOT_REQUESTED = "not requested"  # the payment status of a consultation that asked none


@dataclass(frozen=True)
class ExportFilter:
    since: datetime | None = None  # created at or after
    until: datetime | None = None  # created before
    practitioner_id: str | None = None
    states: frozenset[State] = frozenset()  # empty: any

    def condition(self) -> tuple[str, list[str]]:
        """The SQL condition (or "1") and its values, for consultations aliased `c`: History's
        (history_query.py), without a contact."""
        query = HistoryQuery(self.since, self.until, self.states, self.practitioner_id)
        where, values = query.condition()
        return where.removeprefix(" WHERE ") or "1", values


@dataclass(frozen=True)
class ExportRow:
    id: str
    practitioner: str  # "" for a consultation from before users
    inami: str  # 11 digits, or ""
    requested_at: datetime
    created_at: datetime
    channel: str  # sms, email
    contact: str
    sent_by: str  # who sent the link; "" when a script did
    invited_at: datetime | None
    opened_at: datetime | None
    waiting_at: datetime | None
    started_at: datetime | None
    ended_at: datetime | None
    state: State
    end_reason: str
    duration_seconds: int | None
    modality: Modality | None
    code: str
    fee_cents: int | None
    payment_status: str
    payment_amount_cents: int | None
    payment_method: str
    quality: CallSummary | None
    quality_unreadable: bool
    notes: str | None  # None unless asked for


_COLUMNS = (
    "c.id, c.practitioner_id, p.name, p.inami, c.requested_at, c.created_at,"
    " c.contact_channel, c.contact_value, c.sent_by, s.name, c.state, c.call_quality,"
    " c.payment_state, c.payment_amount_cents, c.payment_method"  # NULL: none asked
)


def count(connection: Connection, chosen: ExportFilter) -> int:
    where, values = chosen.condition()
    found = connection.execute(
        f"SELECT count(*) FROM consultations AS c WHERE {where}",  # noqa: S608 (bound values)
        values,
    ).fetchone()
    return int(found[0])


def rows(
    connection: Connection,
    chosen: ExportFilter,
    billing: BillingTable,
    *,
    include_notes: bool = False,
    page: int = PAGE,
) -> Iterator[list[ExportRow]]:
    """Pages of rows, oldest first; run it inside one read transaction for a consistent log."""
    where, values = chosen.condition()
    notes = ", c.notes" if include_notes else ""
    statement = (
        f"SELECT {_COLUMNS}{notes} FROM consultations AS c"  # noqa: S608 (constant)
        " LEFT JOIN users AS p ON p.id = c.practitioner_id"
        " LEFT JOIN users AS s ON s.id = c.sent_by"
        f" WHERE {where} AND (c.created_at, c.id) > (?, ?)"
        " ORDER BY c.created_at, c.id LIMIT ?"
    )
    after = ("", "")
    while True:
        found = connection.execute(statement, (*values, *after, page)).fetchall()
        if not found:
            return
        timelines = _timelines(connection, [row[0] for row in found])
        yield [_row(record, timelines[record[0]], billing, include_notes) for record in found]
        last = found[-1]
        after = (last[5], last[0])
        if len(found) < page:
            return


_Timeline = list[tuple[State, str, str | None]]


def _timelines(connection: Connection, ids: list[str]) -> dict[str, _Timeline]:
    marks = ", ".join("?" for _ in ids)
    events = connection.execute(
        "SELECT consultation_id, state, at, reason FROM consultation_events"  # noqa: S608
        f" WHERE consultation_id IN ({marks}) ORDER BY consultation_id, seq",
        ids,
    )
    timelines: dict[str, _Timeline] = defaultdict(list)
    for consultation_id, state, at, reason in events:
        timelines[consultation_id].append((State(state), at, reason))
    return timelines


def _row(
    record: tuple[object, ...], timeline: _Timeline, billing: BillingTable, include_notes: bool
) -> ExportRow:
    identifier, _practitioner_id, name, inami, requested_at, created_at = record[:6]
    channel, contact, sent_by_id, sender, state_text, stored_quality = record[6:12]
    payment_state, payment_cents, payment_method = record[12:15]
    state = State(str(state_text))
    first: dict[State, str] = {}
    for moment_state, at, _reason in timeline:
        first.setdefault(moment_state, at)
    final = state.is_final and bool(timeline)
    ended_at = _moment(timeline[-1][1]) if final else None
    started_at = _moment(first.get(State.IN_CALL))
    duration = None
    if started_at is not None and ended_at is not None:
        duration = int((ended_at - started_at).total_seconds())
    quality, unreadable = _quality(stored_quality)
    modality = modality_of(started_at is not None and final, quality)
    inami_text = str(inami) if inami is not None else ""
    code = billing.code_for(inami_text or None, modality)
    return ExportRow(
        id=str(identifier),
        practitioner=str(name) if name is not None else "",
        inami=inami_text,
        requested_at=from_text(str(requested_at)),
        created_at=from_text(str(created_at)),
        channel=str(channel),
        contact=str(contact),
        sent_by="" if sent_by_id is None else str(sender or ""),
        invited_at=_moment(first.get(State.INVITED)),
        opened_at=_moment(first.get(State.OPENED)),
        waiting_at=_moment(first.get(State.WAITING)),
        started_at=started_at,
        ended_at=ended_at,
        state=state,
        end_reason=(timeline[-1][2] or "") if final else "",
        duration_seconds=duration,
        modality=modality,
        code=code,
        fee_cents=billing.fee_for(code),
        payment_status=NOT_REQUESTED if payment_state is None else str(payment_state),
        payment_amount_cents=None if payment_cents is None else int(str(payment_cents)),
        payment_method="" if payment_method is None else str(payment_method),
        quality=quality,
        quality_unreadable=unreadable,
        notes=str(record[15] or "") if include_notes else None,
    )


def _moment(text: str | None) -> datetime | None:
    return None if text is None else from_text(text)


def _quality(stored: object) -> tuple[CallSummary | None, bool]:
    if stored is None:
        return None, False
    try:
        return from_json(str(stored)), False
    except SummaryUnreadable:
        return None, True
