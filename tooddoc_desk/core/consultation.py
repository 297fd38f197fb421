"""A consultation and the states it moves through, each change stamped with its time.

    draft → invited → opened → waiting → in_call → ended
    side exits: expired, cancelled, failed, interrupted (the app died during the call)

A consultation booked for later (`scheduled_for`) stays a draft without a room until its link
leaves; if its time passes first (the app was not running), it expires.

The time the patient asked for the consultation (the phone call) is kept: Belgian
reimbursement rules require it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from tooddoc_desk.core.call_summary import CallSummary
from tooddoc_desk.core.clock import require_aware
from tooddoc_desk.core.contact import Contact
from tooddoc_desk.core.language import Language
from tooddoc_desk.core.payment import Payment


class State(StrEnum):
    DRAFT = "draft"
    INVITED = "invited"
    OPENED = "opened"
    WAITING = "waiting"
    IN_CALL = "in_call"
    ENDED = "ended"
    EXPIRED = "expired"
    CANCELLED = "cancelled"
    FAILED = "failed"
    INTERRUPTED = "interrupted"

    @property
    def is_final(self) -> bool:
        return not ALLOWED[self]

    @property
    def is_open(self) -> bool:
        """The patient may still reach the practitioner through the link."""
        return self in (State.INVITED, State.OPENED, State.WAITING, State.IN_CALL)


_BEFORE_CALL_EXITS = {State.EXPIRED, State.CANCELLED, State.FAILED}

ALLOWED: dict[State, frozenset[State]] = {
    # expired from draft: a booked consultation whose time passed before its link could leave
    State.DRAFT: frozenset({State.INVITED, State.CANCELLED, State.FAILED, State.EXPIRED}),
    State.INVITED: frozenset({State.OPENED, *_BEFORE_CALL_EXITS}),
    # the patient may leave the waiting room (close the page) and come back
    State.OPENED: frozenset({State.WAITING, *_BEFORE_CALL_EXITS}),
    State.WAITING: frozenset({State.IN_CALL, State.OPENED, *_BEFORE_CALL_EXITS}),
    State.IN_CALL: frozenset({State.ENDED, State.FAILED, State.INTERRUPTED}),
    State.ENDED: frozenset(),
    State.EXPIRED: frozenset(),
    State.CANCELLED: frozenset(),
    State.FAILED: frozenset(),
    State.INTERRUPTED: frozenset(),
}


class IllegalTransition(RuntimeError):
    def __init__(self, source: State, target: State) -> None:
        super().__init__(f"a consultation cannot go from {source} to {target}")
        self.source = source
        self.target = target


class EndReason(StrEnum):
    PRACTITIONER_HUNG_UP = "practitioner_hung_up"
    PATIENT_HUNG_UP = "patient_hung_up"
    PATIENT_LEFT = "patient_left"
    NETWORK = "network"
    APP_CLOSED = "app_closed"


@dataclass(frozen=True)
class Transition:
    state: State
    at: datetime
    reason: str | None = None


def new_consultation_id() -> str:
    return uuid.uuid4().hex


@dataclass
class Consultation:
    """One tele-consultation, from the phone call to the report."""

    contact: Contact = field(repr=False)
    language: Language
    requested_at: datetime
    created_at: datetime
    id: str = field(default_factory=new_consultation_id)
    history: list[Transition] = field(default_factory=list)
    notes: str = field(default="", repr=False)
    room_id: str | None = None  # the hub's room for this consultation, once created
    link: str | None = field(default=None, repr=False)  # holds a secret token: never logged
    # the room's other token, kept so that the app can join a room on a hosted hub again (a
    # secret like the link: never logged)
    practitioner_token: str | None = field(default=None, repr=False)
    scheduled_for: datetime | None = None  # a booked consultation: when it takes place
    call_quality: CallSummary | None = None  # how the call went, once it has ended
    practitioner_id: str | None = None  # the user it is for (None: from before users)
    sent_by: str | None = None  # the user who sent the link (None: a command from a script)
    # the pre-payment asked before the waiting room (None: none asked); its state, amount and
    # method are what the manager's export shows
    payment: Payment | None = None

    def __post_init__(self) -> None:
        self.language = Language(self.language)
        self.requested_at = require_aware(self.requested_at)
        self.created_at = require_aware(self.created_at)
        if self.scheduled_for is not None:
            self.scheduled_for = require_aware(self.scheduled_for)
        if not self.history:
            self.history.append(Transition(State.DRAFT, self.created_at))

    @property
    def state(self) -> State:
        return self.history[-1].state

    @property
    def awaiting_schedule(self) -> bool:
        """Booked for later and not sent yet: no room exists for it so far."""
        return self.scheduled_for is not None and self.room_id is None and self.state is State.DRAFT

    def can_move_to(self, target: State) -> bool:
        return target in ALLOWED[self.state]

    def move_to(self, target: State, at: datetime, reason: str | None = None) -> Transition:
        """Moves to `target` at `at`; raises IllegalTransition if the machine forbids it."""
        if not self.can_move_to(target):
            raise IllegalTransition(self.state, target)
        moment = require_aware(at)
        moment = max(moment, self.history[-1].at)  # clocks step back; the order of events does not
        transition = Transition(target, moment, reason)
        self.history.append(transition)
        return transition

    def entered(self, state: State) -> datetime | None:
        """When the consultation last entered `state`, if it ever did."""
        for transition in reversed(self.history):
            if transition.state == state:
                return transition.at
        return None

    @property
    def started_at(self) -> datetime | None:
        return self.entered(State.IN_CALL)

    @property
    def ended_at(self) -> datetime | None:
        return self.history[-1].at if self.state.is_final else None

    @property
    def end_reason(self) -> str | None:
        return self.history[-1].reason if self.state.is_final else None

    @property
    def duration(self) -> timedelta | None:
        """Time in call: from the first moment in call to the end, if there was a call."""
        start, end = self.started_at, self.ended_at
        if start is None or end is None:
            return None
        return end - start
