"""The consultations repository: what the services call to keep and find consultations.

Synchronous on purpose: every write is one small transaction (a row, an event), committed with
synchronous=FULL before the call returns. Safe to call from several threads; a long export
reads through a connection of its own, so it may run in a worker thread without holding up
the writes made meanwhile.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import TextIO

from tooddoc_desk.core.call_summary import CallSummary, SummaryUnreadable, from_json, to_json
from tooddoc_desk.core.clock import Clock, SystemClock, require_aware
from tooddoc_desk.core.consultation import (
    ALLOWED,
    Consultation,
    EndReason,
    IllegalTransition,
    State,
    Transition,
)
from tooddoc_desk.core.contact import contact_from_value
from tooddoc_desk.core.language import Language
from tooddoc_desk.core.payment import Payment, PaymentState
from tooddoc_desk.storage.chat_messages import ChatRepository
from tooddoc_desk.storage.csv_export import export_consultations
from tooddoc_desk.storage.database import Connection, Database
from tooddoc_desk.storage.errors import ConsultationExists, ConsultationNotFound
from tooddoc_desk.storage.history_query import HistoryQuery
from tooddoc_desk.storage.timestamps import from_text, to_text

log = logging.getLogger(__name__)

_SET_PAYMENT = (
    "UPDATE consultations SET payment_amount_cents = ?, payment_currency = ?, payment_state = ?,"
    " payment_session_id = ?, payment_method = ?, payment_intent = ?, payment_refund_id = ?,"
    " payment_attempts = ?, payment_updated_at = ?, updated_at = ? WHERE id = ?"
)
_SELECT = (
    "SELECT c.id, c.contact_value, c.language, c.requested_at, c.created_at, c.room_id, c.link,"
    " c.notes, c.scheduled_for, c.practitioner_token, c.call_quality, c.practitioner_id,"
    " c.sent_by, c.payment_amount_cents, c.payment_currency, c.payment_state,"
    " c.payment_session_id, c.payment_method, c.payment_intent, c.payment_refund_id,"
    " c.payment_attempts, c.payment_updated_at FROM consultations AS c"
)
_GET = _SELECT + " WHERE c.id = ?"
_GET_EVENTS = (
    "SELECT consultation_id, state, at, reason FROM consultation_events"
    " WHERE consultation_id = ? ORDER BY seq"
)
_BETWEEN = _SELECT + " WHERE c.created_at >= ? AND c.created_at < ? ORDER BY c.created_at, c.id"
_BETWEEN_EVENTS = (
    "SELECT e.consultation_id, e.state, e.at, e.reason FROM consultation_events AS e"
    " JOIN consultations AS c ON c.id = e.consultation_id"
    " WHERE c.created_at >= ? AND c.created_at < ? ORDER BY e.consultation_id, e.seq"
)
_RECENT = (
    _SELECT + " WHERE c.id IN"  # noqa: S608 (constant text only; values are bound)
    " (SELECT id FROM consultations ORDER BY created_at DESC, id DESC LIMIT ?)"
    " ORDER BY c.created_at DESC, c.id DESC"
)
_RECENT_EVENTS = (
    "SELECT consultation_id, state, at, reason FROM consultation_events WHERE consultation_id IN"
    " (SELECT id FROM consultations ORDER BY created_at DESC, id DESC LIMIT ?)"
    " ORDER BY consultation_id, seq"
)
_SET_NOTES = "UPDATE consultations SET notes = ?, updated_at = ? WHERE id = ?"
_BOOKED = " WHERE c.scheduled_for IS NOT NULL AND c.scheduled_for >= ?"
_UNSENT = " AND c.room_id IS NULL AND c.state = 'draft'"
_BOOKED_EVENTS = (
    "SELECT e.consultation_id, e.state, e.at, e.reason FROM consultation_events AS e"
    " JOIN consultations AS c ON c.id = e.consultation_id WHERE c.scheduled_for IS NOT NULL"
    " AND c.scheduled_for >= ?"
)
_SET_ROOM = (
    "UPDATE consultations SET room_id = ?, link = ?, practitioner_token = ?, updated_at = ?"
    " WHERE id = ?"
)
_INSERT_EVENT = (
    "INSERT INTO consultation_events (consultation_id, state, at, reason) VALUES (?, ?, ?, ?)"
)
_BEFORE_ALL = ""  # sorts before any stored moment
_Row = tuple[
    str,
    str,
    str,
    str,
    str,
    str | None,
    str | None,
    str,
    str | None,
    str | None,
    str | None,
    str | None,
    str | None,
    int | None,
    str | None,
    str | None,
    str | None,
    str | None,
    str | None,
    str | None,
    int,
    str | None,
]


class ConsultationRepository:
    def __init__(self, database: Database, clock: Clock | None = None) -> None:
        self._database = database
        self._clock = clock or SystemClock()
        self.chat = ChatRepository(database)  # each call's chat, kept with its consultation

    # --- writes ----------------------------------------------------------------------------

    def add(self, consultation: Consultation) -> None:
        """Stores a new consultation with its whole history, in one transaction."""
        with self._database.transaction() as connection:
            self._insert(connection, consultation, self._now())

    def add_many(self, consultations: Iterable[Consultation]) -> int:
        """Stores many new consultations in one transaction (an import): all or none."""
        now, count = self._now(), 0
        with self._database.transaction() as connection:
            for consultation in consultations:
                self._insert(connection, consultation, now)
                count += 1
        return count

    def record(
        self,
        consultation_id: str,
        transition: Transition,
        call_quality: CallSummary | None = None,
    ) -> None:
        """Appends a state change and moves the consultation to it, in one transaction, with
        the call's quality when the change ends a call.

        Raises ConsultationNotFound, or IllegalTransition if the state machine forbids it. A
        moment earlier than the last recorded one is stored as that one (clocks step back).
        """
        with self._database.transaction() as connection:
            self._append(connection, consultation_id, transition)
            if call_quality is not None:
                connection.execute(
                    "UPDATE consultations SET call_quality = ? WHERE id = ?",
                    (to_json(call_quality), consultation_id),
                )

    def save_notes(self, consultation_id: str, notes: str) -> None:
        self._update(consultation_id, _SET_NOTES, (notes,))

    def set_room(
        self, consultation_id: str, room_id: str, link: str, practitioner_token: str | None = None
    ) -> None:
        self._update(consultation_id, _SET_ROOM, (room_id, link, practitioner_token))

    def set_payment(self, consultation_id: str, payment: Payment | None) -> None:
        """Keeps the consultation's pre-payment as it now stands (None: none asked)."""
        with self._database.transaction() as connection:
            cursor = connection.execute(
                _SET_PAYMENT, (*_payment_values(payment), self._now(), consultation_id)
            )
            if cursor.rowcount == 0:
                raise ConsultationNotFound(consultation_id)

    def list_awaiting_payment(self) -> list[str]:
        """The consultations whose pre-payment is still awaited, oldest first (their ids)."""
        with self._database.snapshot() as connection:
            rows = connection.execute(
                "SELECT id FROM consultations WHERE payment_state = 'awaiting'"
                " ORDER BY created_at, id"
            ).fetchall()
        return [str(row[0]) for row in rows]

    def interrupt_open_calls(self, at: datetime) -> list[str]:
        """Consultations left in_call by a process that died become interrupted; returns
        their ids. Called once at start-up, before any call can begin."""
        moment = Transition(State.INTERRUPTED, require_aware(at), EndReason.APP_CLOSED.value)
        with self._database.transaction() as connection:
            ids = [
                str(row[0])
                for row in connection.execute(
                    "SELECT id FROM consultations WHERE state = 'in_call' ORDER BY created_at, id"
                )
            ]
            for consultation_id in ids:
                self._append(connection, consultation_id, moment)
        return ids

    # --- reads -----------------------------------------------------------------------------

    def get(self, consultation_id: str) -> Consultation:
        with self._database.snapshot() as connection:
            row = connection.execute(_GET, (consultation_id,)).fetchone()
            if row is None:
                raise ConsultationNotFound(consultation_id)
            events = connection.execute(_GET_EVENTS, (consultation_id,))
            return _build(row, _histories(events)[consultation_id])

    def list_between(self, start: datetime, end: datetime) -> list[Consultation]:
        """Consultations created in [start, end), oldest first."""
        bounds = (to_text(start), to_text(end))
        with self._database.snapshot() as connection:
            rows = connection.execute(_BETWEEN, bounds).fetchall()
            histories = _histories(connection.execute(_BETWEEN_EVENTS, bounds))
        return [_build(row, histories[row[0]]) for row in rows]

    def list_recent(self, limit: int = 200) -> list[Consultation]:
        """The `limit` most recently created consultations, newest first."""
        if limit <= 0:
            return []
        with self._database.snapshot() as connection:
            rows = connection.execute(_RECENT, (limit,)).fetchall()
            histories = _histories(connection.execute(_RECENT_EVENTS, (limit,)))
        return [_build(row, histories[row[0]]) for row in rows]

    def search(self, query: HistoryQuery, offset: int = 0, limit: int = 100) -> list[Consultation]:
        """One page of the consultations `query` finds, newest first. Searches read through a
        connection of their own: a search of a long history never holds up a write."""
        if limit <= 0:
            return []
        where, values = query.condition()
        page = _SELECT + where + " ORDER BY c.created_at DESC, c.id DESC LIMIT ? OFFSET ?"
        with self._database.reader() as connection:
            connection.execute("BEGIN")  # the page and its events from the same moment
            rows = connection.execute(page, (*values, limit, max(0, offset))).fetchall()
            ids = [row[0] for row in rows]
            marks = ", ".join("?" for _ in ids)
            events = connection.execute(
                "SELECT consultation_id, state, at, reason FROM consultation_events"  # noqa: S608
                f" WHERE consultation_id IN ({marks}) ORDER BY consultation_id, seq",
                ids,
            )
            histories = _histories(events)
        return [_build(row, histories[row[0]]) for row in rows]

    def count(self, query: HistoryQuery) -> int:
        where, values = query.condition()
        with self._database.reader() as connection:
            found = connection.execute(
                "SELECT count(*) FROM consultations AS c" + where,  # noqa: S608
                values,
            ).fetchone()
        return int(found[0])

    def list_booked(
        self, since: datetime | None = None, *, unsent_only: bool = True
    ) -> list[Consultation]:
        """Booked consultations, the soonest first: by default those whose link has not left
        (draft, no room yet); with `since`, only those booked for that moment or later."""
        bound = (_BEFORE_ALL if since is None else to_text(since),)
        condition = _BOOKED + (_UNSENT if unsent_only else "")
        with self._database.snapshot() as connection:
            rows = connection.execute(
                _SELECT + condition + " ORDER BY c.scheduled_for, c.id", bound
            ).fetchall()
            histories = _histories(
                connection.execute(
                    _BOOKED_EVENTS
                    + (_UNSENT if unsent_only else "")
                    + " ORDER BY e.consultation_id, e.seq",
                    bound,
                )
            )
        return [_build(row, histories[row[0]]) for row in rows]

    def export_csv(
        self, stream: TextIO, start: datetime | None = None, end: datetime | None = None
    ) -> int:
        """The log for the practice manager, consultations created in [start, end) (either
        bound optional); never the notes nor the chat. Returns the number of rows written after the
        header. Streams; long exports may run in a worker thread."""
        with self._database.reader() as connection:
            return export_consultations(connection, stream, start, end)

    # --- internals -------------------------------------------------------------------------

    def _insert(self, connection: Connection, consultation: Consultation, now: str) -> None:
        exists = connection.execute(
            "SELECT 1 FROM consultations WHERE id = ?", (consultation.id,)
        ).fetchone()
        if exists is not None:
            raise ConsultationExists(consultation.id)
        connection.execute(
            "INSERT INTO consultations (id, contact_value, contact_channel, language,"
            " requested_at, created_at, room_id, link, notes, state, updated_at, scheduled_for,"
            " practitioner_token, call_quality, practitioner_id, sent_by,"
            " payment_amount_cents, payment_currency, payment_state, payment_session_id,"
            " payment_method, payment_intent, payment_refund_id, payment_attempts,"
            " payment_updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                consultation.id,
                consultation.contact.value,
                consultation.contact.channel,
                consultation.language.value,
                to_text(consultation.requested_at),
                to_text(consultation.created_at),
                consultation.room_id,
                consultation.link,
                consultation.notes,
                consultation.state.value,
                now,
                None if consultation.scheduled_for is None else to_text(consultation.scheduled_for),
                consultation.practitioner_token,
                None if consultation.call_quality is None else to_json(consultation.call_quality),
                consultation.practitioner_id,
                consultation.sent_by,
                *_payment_values(consultation.payment),
            ),
        )
        connection.executemany(
            _INSERT_EVENT,
            [
                (consultation.id, t.state.value, to_text(t.at), t.reason)
                for t in consultation.history
            ],
        )

    def _append(self, connection: Connection, consultation_id: str, transition: Transition) -> None:
        current = connection.execute(
            "SELECT c.state, (SELECT max(e.at) FROM consultation_events AS e"
            " WHERE e.consultation_id = c.id) FROM consultations AS c WHERE c.id = ?",
            (consultation_id,),
        ).fetchone()
        if current is None:
            raise ConsultationNotFound(consultation_id)
        state = State(current[0])
        if transition.state not in ALLOWED[state]:
            raise IllegalTransition(state, transition.state)
        at = max(to_text(transition.at), current[1] or "")
        connection.execute(
            _INSERT_EVENT, (consultation_id, transition.state.value, at, transition.reason)
        )
        connection.execute(
            "UPDATE consultations SET state = ?, updated_at = ? WHERE id = ?",
            (transition.state.value, self._now(), consultation_id),
        )

    def _update(self, consultation_id: str, statement: str, values: tuple[str | None, ...]) -> None:
        with self._database.transaction() as connection:
            cursor = connection.execute(statement, (*values, self._now(), consultation_id))
            if cursor.rowcount == 0:
                raise ConsultationNotFound(consultation_id)

    def _now(self) -> str:
        return to_text(self._clock.now())


def _histories(events: Iterable[tuple[str, str, str, str | None]]) -> dict[str, list[Transition]]:
    histories: dict[str, list[Transition]] = defaultdict(list)
    for consultation_id, state, at, reason in events:
        histories[consultation_id].append(Transition(State(state), from_text(at), reason))
    return histories


def _build(row: _Row, history: list[Transition]) -> Consultation:
    identifier, contact, language, requested_at, created_at, room_id, link, notes = row[:8]
    scheduled_for, practitioner_token, call_quality, practitioner_id, sent_by = row[8:13]
    return Consultation(
        contact=contact_from_value(contact),
        language=Language(language),
        requested_at=from_text(requested_at),
        created_at=from_text(created_at),
        id=identifier,
        history=history,
        notes=notes,
        room_id=room_id,
        link=link,
        practitioner_token=practitioner_token,
        scheduled_for=None if scheduled_for is None else from_text(scheduled_for),
        call_quality=_call_quality(identifier, call_quality),
        practitioner_id=practitioner_id,
        sent_by=sent_by,
        payment=_payment(identifier, row[13:]),
    )


def _payment_values(payment: Payment | None) -> tuple[int | str | None, ...]:
    if payment is None:
        return (None, None, None, None, None, None, None, 0, None)
    return (
        payment.amount_cents,
        payment.currency,
        payment.state.value,
        payment.session_id,
        payment.method,
        payment.payment_intent,
        payment.refund_id,
        payment.attempts,
        None if payment.updated_at is None else to_text(payment.updated_at),
    )


def _payment(consultation_id: str, columns: tuple[object, ...]) -> Payment | None:
    """The stored pre-payment; None when none was asked (or, with a log line, when a stored one
    cannot be read by this version: the consultation still opens)."""
    amount, currency, state, session, method, intent, refund, attempts, updated = columns
    if amount is None or state is None:
        return None
    try:
        return Payment(
            amount_cents=int(str(amount)),
            currency=str(currency),
            state=PaymentState(str(state)),
            session_id=None if session is None else str(session),
            method=None if method is None else str(method),
            payment_intent=None if intent is None else str(intent),
            refund_id=None if refund is None else str(refund),
            attempts=int(str(attempts or 0)),
            updated_at=None if updated is None else from_text(str(updated)),
        )
    except ValueError as error:
        kind = type(error).__name__
        log.warning("consultation %s: payment unreadable (%s)", consultation_id, kind)
        return None


def _call_quality(consultation_id: str, text: str | None) -> CallSummary | None:
    """The stored summary; None (and a log line) for one this version cannot read: the
    consultation itself still opens, and the stored text is left as it is."""
    if text is None:
        return None
    try:
        return from_json(text)
    except SummaryUnreadable as error:
        log.warning("consultation %s: %s", consultation_id, error)
        return None
