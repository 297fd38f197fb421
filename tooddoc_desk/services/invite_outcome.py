"""Send one invite (or book it) and wait until its fate is known: for callers that are not the
window, such as `tooddoc-desk invite` and the running app answering that command.

    result = await invite_and_wait(service, clock, InviteRequest(contact, Language.FR, asked))
    result.outcome      # sent, delivered, failed, unknown, cancelled, or booked
    result.message      # what to tell the person (it names the patient's contact: not a log line)

An invite that is retried (a passing failure) is waited for until it is sent, fails, or is left
`unknown`: the retry policy bounds that to a quarter of an hour.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from enum import StrEnum

from tooddoc_desk.core.clock import Clock
from tooddoc_desk.core.consultation import State
from tooddoc_desk.core.contact import Contact
from tooddoc_desk.core.delivery import DeliveryState, Invite
from tooddoc_desk.core.language import Language
from tooddoc_desk.core.schedule import DEFAULT_LEAD, describe, send_time
from tooddoc_desk.services.accounts import COMMAND_LINE
from tooddoc_desk.services.consultations import ConsultationService
from tooddoc_desk.services.events import ConsultationChanged, InviteChanged, Problem, ServiceEvent
from tooddoc_desk.services.sentences import may_have_arrived, not_delivered

Drive = Callable[[str], Awaitable[object]]


class Outcome(StrEnum):
    SENT = "sent"
    DELIVERED = "delivered"
    FAILED = "failed"
    UNKNOWN = "unknown"
    CANCELLED = "cancelled"
    BOOKED = "booked"

    @property
    def succeeded(self) -> bool:
        return self in (Outcome.SENT, Outcome.DELIVERED, Outcome.BOOKED)


SETTLED = {
    DeliveryState.SENT: Outcome.SENT,
    DeliveryState.DELIVERED: Outcome.DELIVERED,
    DeliveryState.FAILED: Outcome.FAILED,
    DeliveryState.UNKNOWN: Outcome.UNKNOWN,
    DeliveryState.CANCELLED: Outcome.CANCELLED,
}


@dataclass(frozen=True)
class InviteRequest:
    """An invite to send now (`at` None) or to book for `at`."""

    contact: Contact
    language: Language
    requested_at: datetime
    at: datetime | None = None
    practitioner: str | None = None  # the name (or user id) of whom it is for
    amount_cents: int | None = None  # the pre-payment asked (None: none)


@dataclass(frozen=True)
class InviteResult:
    outcome: Outcome
    message: str
    consultation_id: str | None = None


async def invite_and_wait(
    service: ConsultationService,
    clock: Clock,
    request: InviteRequest,
    *,
    lead: timedelta = DEFAULT_LEAD,
    tz: tzinfo | None = None,
    drive: Drive | None = None,
) -> InviteResult:
    """Sends now and waits for the invite's fate, or books (ValueError: a time that passed),
    for a command from a script (with the command line's rights, accounts.CommandLine).
    `drive(consultation_id)` sends the invite where no sending loop runs."""
    if request.at is not None:
        return book(service, clock, request, lead=lead, tz=tz)
    events: list[ServiceEvent] = []
    changed = asyncio.Event()

    def listen(event: ServiceEvent) -> None:
        events.append(event)
        changed.set()

    unsubscribe = service.subscribe(listen)
    try:
        consultation = await service.invite(
            request.contact,
            request.language,
            request.requested_at,
            practitioner_id=request.practitioner,
            gate=COMMAND_LINE,
            amount_cents=request.amount_cents,
        )
        if drive is not None and consultation.state is not State.FAILED:
            await drive(consultation.id)
        while (result := _settled(events, consultation.id, request.contact)) is None:
            changed.clear()
            await changed.wait()
        return result
    finally:
        unsubscribe()


def book(
    service: ConsultationService,
    clock: Clock,
    request: InviteRequest,
    *,
    lead: timedelta = DEFAULT_LEAD,
    tz: tzinfo | None = None,
) -> InviteResult:
    """Books for `request.at` (raises ValueError for a time that has passed)."""
    if request.at is None:
        raise ValueError("a booking needs its time")
    at, contact = request.at, request.contact
    consultation = service.book(
        contact,
        request.language,
        request.requested_at,
        at,
        practitioner_id=request.practitioner,
        gate=COMMAND_LINE,
        amount_cents=request.amount_cents,
    )
    now = clock.now()
    leaves = send_time(at, lead)
    when = "now" if leaves <= now else describe(leaves, now, tz)
    return InviteResult(
        Outcome.BOOKED,
        f"Booked for {describe(at, now, tz)}; the link to {contact.display} leaves {when}, "
        "if the app is running then.",
        consultation.id,
    )


def _settled(
    events: list[ServiceEvent], consultation_id: str, contact: Contact
) -> InviteResult | None:
    for event in events:
        match event:
            case InviteChanged(invite=invite) if invite.consultation_id == consultation_id:
                outcome = SETTLED.get(invite.state)
                if outcome is None:
                    continue
                return InviteResult(outcome, _words(outcome, invite, contact), consultation_id)
            case ConsultationChanged(consultation=c) if c.id == consultation_id:
                if c.state is State.FAILED:
                    problem = next(
                        (
                            e.message
                            for e in events
                            if isinstance(e, Problem) and e.consultation_id == consultation_id
                        ),
                        "The link could not be sent.",
                    )
                    return InviteResult(Outcome.FAILED, problem, consultation_id)
    return None


def _words(outcome: Outcome, invite: Invite, contact: Contact) -> str:
    channel = "SMS" if contact.channel == "sms" else "e-mail"
    if outcome in (Outcome.SENT, Outcome.DELIVERED):
        return f"The link was sent by {channel} to {contact.display}."
    if outcome is Outcome.UNKNOWN:
        return may_have_arrived(invite)
    if outcome is Outcome.CANCELLED:
        return "The invite was withdrawn before it was sent."
    return not_delivered(invite)
