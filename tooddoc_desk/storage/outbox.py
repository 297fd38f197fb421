"""The outbox: every invite is written here before it is sent, and each step of its delivery is
recorded as it happens, so that a crash can never turn into a silent second message.

Synchronous, like the consultations repository: each call is one small transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from tooddoc_desk.core.clock import Clock, SystemClock
from tooddoc_desk.core.delivery import DeliveryState, IllegalDeliveryMove, Invite
from tooddoc_desk.storage.database import Connection, Database
from tooddoc_desk.storage.errors import StoreError
from tooddoc_desk.storage.timestamps import from_text, to_text

_SELECT = (
    "SELECT id, consultation_id, channel, not_before, created_at, state, attempts,"
    " idempotency_key, provider, provider_id, problem FROM invites"
)
_INSERT = (
    "INSERT INTO invites (id, consultation_id, channel, not_before, created_at, state, attempts,"
    " idempotency_key, provider, provider_id, problem, subject, body, html, link, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_BATCH = 500  # well under SQLite's limit on bound parameters
_Row = tuple[str, str, str, str, str, str, int, str, str | None, str | None, str | None]


class InviteNotFound(StoreError):
    def __init__(self, invite_id: str) -> None:
        super().__init__(
            f"The invite {invite_id} is not in the store.",
            "It may have been removed with its consultation.",
        )


@dataclass(frozen=True)
class Letter:
    """What an invite says: kept with it so that a resend says exactly the same."""

    subject: str | None
    body: str
    html: str | None = None
    link: str | None = None  # how a provider that lists its messages recognises this one


@dataclass(frozen=True)
class Outcome:
    """What came of an attempt, to record with the invite's new state."""

    state: DeliveryState
    not_before: datetime | None = None  # when to try again (for pending)
    provider: str | None = None
    provider_id: str | None = None
    problem: str | None = None


class OutboxRepository:
    def __init__(self, database: Database, clock: Clock | None = None) -> None:
        self._database = database
        self._clock = clock or SystemClock()

    def add(self, invite: Invite, letter: Letter) -> None:
        with self._database.transaction() as connection:
            connection.execute(
                _INSERT,
                (
                    *_values(invite),
                    letter.subject,
                    letter.body,
                    letter.html,
                    letter.link,
                    self._now(),
                ),
            )

    def get(self, invite_id: str) -> Invite:
        with self._database.read() as connection:
            return _one(connection, invite_id)

    def letter(self, invite_id: str) -> Letter:
        with self._database.read() as connection:
            row = connection.execute(
                "SELECT subject, body, html, link FROM invites WHERE id = ?", (invite_id,)
            ).fetchone()
        if row is None:
            raise InviteNotFound(invite_id)
        return Letter(row[0], row[1], row[2], row[3])

    def for_consultation(self, consultation_id: str) -> list[Invite]:
        with self._database.read() as connection:
            rows = connection.execute(
                _SELECT + " WHERE consultation_id = ? ORDER BY created_at, rowid",
                (consultation_id,),
            ).fetchall()
        return [_build(row) for row in rows]

    def due(self, now: datetime) -> list[Invite]:
        """Invites whose time has come: scheduled or waiting for another try."""
        with self._database.read() as connection:
            rows = connection.execute(
                _SELECT + " WHERE state IN ('scheduled', 'pending') AND not_before <= ?"
                " ORDER BY not_before, id",
                (to_text(now),),
            ).fetchall()
        return [_build(row) for row in rows]

    def sent_since(self, moment: datetime) -> list[Invite]:
        """Invites handed to a provider at `moment` or later whose fate is not known yet."""
        with self._database.read() as connection:
            rows = connection.execute(
                _SELECT + " WHERE state = 'sent' AND updated_at >= ? ORDER BY updated_at, id",
                (to_text(moment),),
            ).fetchall()
        return [_build(row) for row in rows]

    def latest_for(self, consultation_ids: Iterable[str]) -> dict[str, Invite]:
        """The most recent invite of each of these consultations (those that have one)."""
        latest: dict[str, Invite] = {}
        wanted = list(dict.fromkeys(consultation_ids))
        with self._database.read() as connection:
            for start in range(0, len(wanted), _BATCH):
                batch = wanted[start : start + _BATCH]
                marks = ",".join("?" * len(batch))
                rows = connection.execute(
                    _SELECT + f" WHERE consultation_id IN ({marks}) ORDER BY created_at, rowid",
                    batch,
                ).fetchall()
                latest.update((row[1], _build(row)) for row in rows)
        return latest

    def begin_attempt(self, invite_id: str) -> Invite:
        """pending → sending, counting the attempt, committed before anything leaves. Raises
        IllegalDeliveryMove if the invite is not pending (another sender took it)."""
        with self._database.transaction() as connection:
            invite = _one(connection, invite_id)
            invite.require_move(DeliveryState.SENDING)
            started = replace(invite, state=DeliveryState.SENDING, attempts=invite.attempts + 1)
            connection.execute(
                "UPDATE invites SET state = ?, attempts = ?, updated_at = ? WHERE id = ?",
                (started.state.value, started.attempts, self._now(), invite_id),
            )
        return started

    def record(self, invite_id: str, outcome: Outcome) -> Invite:
        """Moves the invite to the outcome's state (the machine in core.delivery decides)."""
        with self._database.transaction() as connection:
            invite = _one(connection, invite_id)
            invite.require_move(outcome.state)
            moved = replace(
                invite,
                state=outcome.state,
                not_before=outcome.not_before or invite.not_before,
                provider=outcome.provider or invite.provider,
                provider_id=outcome.provider_id or invite.provider_id,
                problem=outcome.problem,
            )
            connection.execute(
                "UPDATE invites SET state = ?, not_before = ?, provider = ?, provider_id = ?,"
                " problem = ?, updated_at = ? WHERE id = ?",
                (
                    moved.state.value,
                    to_text(moved.not_before),
                    moved.provider,
                    moved.provider_id,
                    moved.problem,
                    self._now(),
                    invite_id,
                ),
            )
        return moved

    def settle_interrupted_sends(self, problem: str) -> list[Invite]:
        """At start-up: invites a dead process left `sending` may or may not have left; they
        become `unknown` for a person to decide. Returns them."""
        with self._database.transaction() as connection:
            rows = connection.execute(
                _SELECT + " WHERE state = 'sending' ORDER BY created_at, id"
            ).fetchall()
            connection.execute(
                "UPDATE invites SET state = 'unknown', problem = ?, updated_at = ?"
                " WHERE state = 'sending'",
                (problem, self._now()),
            )
        return [replace(_build(row), state=DeliveryState.UNKNOWN, problem=problem) for row in rows]

    def _now(self) -> str:
        return to_text(self._clock.now())


def _one(connection: Connection, invite_id: str) -> Invite:
    row = connection.execute(_SELECT + " WHERE id = ?", (invite_id,)).fetchone()
    if row is None:
        raise InviteNotFound(invite_id)
    return _build(row)


def _values(invite: Invite) -> tuple[object, ...]:
    return (
        invite.id,
        invite.consultation_id,
        invite.channel,
        to_text(invite.not_before),
        to_text(invite.created_at),
        invite.state.value,
        invite.attempts,
        invite.idempotency_key,
        invite.provider,
        invite.provider_id,
        invite.problem,
    )


def _build(row: _Row) -> Invite:
    (identifier, consultation_id, channel, not_before, created_at, state, attempts, key) = row[:8]
    provider, provider_id, problem = row[8:]
    return Invite(
        consultation_id=consultation_id,
        channel=channel,
        not_before=from_text(not_before),
        created_at=from_text(created_at),
        state=DeliveryState(state),
        attempts=int(attempts),
        id=identifier,
        idempotency_key=key,
        provider=provider,
        provider_id=provider_id,
        problem=problem,
    )


__all__ = ["IllegalDeliveryMove", "InviteNotFound", "Letter", "OutboxRepository", "Outcome"]
