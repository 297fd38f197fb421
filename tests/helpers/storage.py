"""Helpers for store tests: consultations to write, and byte-for-byte snapshots of a folder."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tooddoc_desk.core.consultation import Consultation, EndReason, State
from tooddoc_desk.core.contact import Contact, EmailContact, PhoneContact
from tooddoc_desk.core.language import Language
from tooddoc_desk.storage.key_file import ScryptParams
from tooddoc_desk.storage.store import Store
from tooddoc_desk.storage.timestamps import to_text

FAST_SCRYPT = ScryptParams(n=2**10, r=8, p=1)  # tests only: the real default costs ~0.35 s
T0 = datetime(2025, 3, 14, 9, 0, tzinfo=UTC)


def make_consultation(
    contact: Contact | None = None,
    *,
    created_at: datetime = T0,
    language: Language = Language.FR,
    notes: str = "",
    until: State = State.INVITED,
    reason: str | None = None,
) -> Consultation:
    """A consultation created at `created_at` and moved along the happy path up to `until`."""
    consultation = Consultation(
        contact=contact or PhoneContact("+32470123456"),
        language=language,
        requested_at=created_at - timedelta(minutes=2),
        created_at=created_at,
        notes=notes,
    )
    path = [State.INVITED, State.OPENED, State.WAITING, State.IN_CALL, State.ENDED]
    if until in (State.CANCELLED, State.EXPIRED, State.FAILED):
        consultation.move_to(State.INVITED, created_at + timedelta(seconds=5))
        consultation.move_to(until, created_at + timedelta(minutes=30), reason)
        return consultation
    if until is State.DRAFT:
        return consultation
    for step, state in enumerate(path, start=1):
        final_reason = (reason or EndReason.PRACTITIONER_HUNG_UP.value) if state.is_final else None
        consultation.move_to(state, created_at + timedelta(seconds=30 * step), final_reason)
        if state is until:
            break
    return consultation


def add_before_bookings(store: Store, consultation: Consultation) -> None:
    """Writes a consultation the way the app did before migration 3 (no booking, no
    practitioner token), for a store still at schema version 1 or 2."""
    with store._database.transaction() as connection:
        connection.execute(
            "INSERT INTO consultations (id, contact_value, contact_channel, language,"
            " requested_at, created_at, room_id, link, notes, state, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                to_text(consultation.created_at),
            ),
        )
        connection.executemany(
            "INSERT INTO consultation_events (consultation_id, state, at, reason)"
            " VALUES (?, ?, ?, ?)",
            [
                (consultation.id, t.state.value, to_text(t.at), t.reason)
                for t in consultation.history
            ],
        )


def email(address: str) -> EmailContact:
    return EmailContact(address)


def folder_snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` (relative name → SHA-256): equal snapshots mean byte-identical."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
