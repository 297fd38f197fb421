"""The signaling rules of docs/hub-protocol.md: who may say what, when, and who hears it.

Everything here is synchronous: a rule runs to its end before another message is looked at, and
what it sends is queued on the clients' outlets in order. The admission rule lives here: before
`admit`, nothing from the practitioner except `bye` reaches the patient. So does the device rule
(devices.py): one patient device per room, another one only if the practitioner lets it in.
Signals (a chat line, …) pass between the practitioner and the admitted patient of the same room
only, both ways; they are never replayed and their data is never logged.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from tooddoc_desk.core.clock import Clock
from tooddoc_desk.hub.devices import DeviceGate, Verdict, new_device_id
from tooddoc_desk.hub.messages import (
    Admit,
    Bye,
    Candidate,
    CloseCode,
    Description,
    DeviceDecision,
    DeviceEnd,
    ErrorCode,
    Hello,
    Join,
    JsonObject,
    Message,
    ProtocolError,
    Signal,
    closed,
    event,
    to_json,
)
from tooddoc_desk.hub.payments import RoomPayment
from tooddoc_desk.hub.peer import Outlet
from tooddoc_desk.hub.rooms import CloseReason, Role, Room, RoomRegistry

log = logging.getLogger(__name__)

IceFor = Callable[[Room, datetime], list[JsonObject]]  # (room, now) -> welcome's ice_servers


@dataclass(frozen=True)
class Seat:
    """A client that said hello: its room, its role, and where to reach it."""

    room_id: str
    role: Role
    outlet: Outlet


@dataclass
class _LiveRoom:
    """What is happening in a room right now. The patient's part is one patient connection's."""

    patient: Outlet | None = None
    practitioner: Outlet | None = None
    waiting: bool = False
    offered: bool = False
    candidates: int = 0
    admitted: bool = False
    replay: list[JsonObject] = field(default_factory=list)
    devices: DeviceGate = field(default_factory=DeviceGate)

    def in_call(self) -> bool:
        """An admitted patient and the practitioner are both here: the link's expiry lets no
        one new in, but does not cut this call."""
        return self.admitted and self.patient is not None and self.practitioner is not None

    def reset_patient(self, outlet: Outlet | None) -> None:
        self.patient = outlet
        self.waiting = self.offered = self.admitted = False
        self.candidates = 0
        self.replay = [event("patient_opened")] if outlet is not None else []

    def to_patient(self, message: JsonObject) -> None:
        if self.patient is not None:
            self.patient.send(message)

    def to_practitioner(self, message: JsonObject) -> None:
        if self.practitioner is not None:
            self.practitioner.send(message)

    def outlets(self) -> list[Outlet]:
        held = self.devices.held
        outlets = [self.patient, self.practitioner, held.outlet if held is not None else None]
        return [outlet for outlet in outlets if outlet is not None]


class Relay:
    def __init__(
        self,
        registry: RoomRegistry,
        clock: Clock,
        ice_for: IceFor,
        *,
        candidates_per_offer: int = 100,
        ended_room_memory: timedelta = timedelta(hours=1),
    ) -> None:
        self._registry = registry
        self._clock = clock
        self._ice_for = ice_for
        self._candidates_per_offer = candidates_per_offer
        self._ended_room_memory = ended_room_memory
        self._live: dict[str, _LiveRoom] = {}
        self._payments: dict[str, RoomPayment] = {}  # rooms whose patient pays first

    def hello(self, hello: Hello, outlet: Outlet) -> Seat | None:
        """Seats a client in its room; None when the token opens no room (say `invalid_link`)."""
        now = self._clock.now()
        room = self._registry.find_open(hello.role, hello.token, now)
        if room is None:
            return None
        live = self._live.setdefault(room.room_id, _LiveRoom())
        if hello.role is Role.PATIENT:
            self._patient_hello(room, live, hello.device or new_device_id(), outlet, now)
        else:
            previous = live.practitioner
            live.practitioner = outlet
            if previous is not None:
                previous.close(CloseCode.REPLACED)
            outlet.send(self._welcome(room, Role.PRACTITIONER, admitted=live.admitted, now=now))
            for message in live.replay:
                outlet.send(message)
            if live.devices.held is not None:
                outlet.send(event("second_device"))
        log.debug("room %s: %s connected", room.room_id, hello.role)
        return Seat(room.room_id, hello.role, outlet)

    def _patient_hello(
        self, room: Room, live: _LiveRoom, device: str, outlet: Outlet, now: datetime
    ) -> None:
        verdict = live.devices.verdict(device)
        if verdict is Verdict.OWNER:
            previous = live.patient
            live.reset_patient(outlet)
            if previous is not None:
                previous.close(CloseCode.REPLACED)
            outlet.send(self._welcome(room, Role.PATIENT, admitted=False, now=now))
            live.to_practitioner(event("patient_opened"))
            return
        outlet.send(self._welcome(room, Role.PATIENT, admitted=False, now=now, held=True))
        if verdict is Verdict.REFUSED:
            outlet.send(closed(DeviceEnd.REFUSED))
            outlet.close(CloseCode.REFUSED)
            return
        replaced = live.devices.hold(device, outlet)
        if replaced is not None:
            replaced.outlet.close(CloseCode.REPLACED)
        log.info("room %s: a second device is waiting for the practitioner", room.room_id)
        live.to_practitioner(event("second_device"))

    def receive(self, seat: Seat, message: Message) -> None:
        """Applies one message from a seated client; raises ProtocolError to refuse it."""
        live = self._live.get(seat.room_id)
        if live is None or seat.outlet not in live.outlets():
            return  # the room was closed or this connection replaced: it is being closed
        room = self._registry.get(seat.room_id)
        if room is None or room.ended:
            return
        if not room.is_open(self._clock.now()) and not live.in_call():
            self.close_room(seat.room_id, CloseReason.EXPIRED)
            return
        if isinstance(message, Hello):
            raise ProtocolError(ErrorCode.OUT_OF_ORDER, "this connection already said hello")
        if live.devices.is_held(seat.outlet):
            self._from_held_device(live, seat.outlet, message)
        elif isinstance(message, Bye):
            other = live.practitioner if seat.role is Role.PATIENT else live.patient
            if other is not None:
                other.send(event("bye", **{"from": seat.role.value}))
            self.close_room(seat.room_id, CloseReason.HUNG_UP)
        elif seat.role is Role.PATIENT:
            self._from_patient(seat.room_id, live, message)
        else:
            self._from_practitioner(seat.room_id, live, message)

    def leave(self, seat: Seat) -> None:
        """The client's socket closed."""
        live = self._live.get(seat.room_id)
        if live is None:
            return
        if live.patient is seat.outlet:
            live.reset_patient(None)
            live.to_practitioner(event("patient_left"))
        elif live.devices.release(seat.outlet):
            log.debug("room %s: the second device went away", seat.room_id)
            live.to_practitioner(event("second_device_left"))
        elif live.practitioner is seat.outlet:
            live.practitioner = None
            if live.admitted:
                live.to_patient(event("practitioner_left"))

    def set_payment(self, room_id: str, payment: RoomPayment) -> bool:
        """The room's pre-payment as the practice's app says it stands; the patient hears it.
        False when no open room has this id."""
        room = self._registry.get(room_id)
        if room is None or not room.is_open(self._clock.now()):
            return False
        previous = self._payments.get(room_id)
        if previous is not None and previous.paid and not payment.paid:
            return True  # a payment once confirmed stays so (a late or replayed word)
        self._payments[room_id] = payment
        if previous != payment:
            log.info("room %s: payment %s", room_id, payment.status)
            self._tell_payment(room_id, payment)
        return True

    def payment_settled(self, room_id: str, session_id: str, paid: bool) -> bool:
        """Stripe said (a verified webhook) that this Checkout Session was paid, or expired or
        failed. Only the room's current session counts; returns whether anything changed."""
        payment = self._payments.get(room_id)
        if payment is None or payment.session_id != session_id or payment.paid:
            return False
        changed = payment.confirmed() if paid else payment.lapsed()
        if changed == payment:
            return False
        self._payments[room_id] = changed
        log.info("room %s: payment %s (from Stripe)", room_id, "paid" if paid else "lapsed")
        self._tell_payment(room_id, changed)
        return True

    def payment_of(self, room_id: str) -> RoomPayment | None:
        return self._payments.get(room_id)

    def _tell_payment(self, room_id: str, payment: RoomPayment) -> None:
        live = self._live.get(room_id)
        if live is not None:
            live.to_patient(event("payment", **payment.to_json()))

    def close_room(self, room_id: str, reason: CloseReason) -> bool:
        """Ends the room (both sides get `closed`); False if the hub does not know this id."""
        if self._registry.get(room_id) is None:
            return False
        self._payments.pop(room_id, None)
        if self._registry.end(room_id, reason, self._clock.now()) is not None:
            log.info("room %s closed: %s", room_id, reason)
        live = self._live.pop(room_id, None)
        if live is not None:
            for outlet in live.outlets():
                outlet.send(closed(reason))
                outlet.close(CloseCode.NORMAL)
        return True

    def sweep(self) -> int:
        """Closes the rooms whose time ran out and forgets long-ended ones; returns how many."""
        now = self._clock.now()
        due = [room for room in self._registry.due(now) if not self._in_call(room.room_id)]
        for room in due:
            self.close_room(room.room_id, CloseReason.EXPIRED)
        self._registry.forget_ended_before(now - self._ended_room_memory)
        return len(due)

    def _in_call(self, room_id: str) -> bool:
        live = self._live.get(room_id)
        return live is not None and live.in_call()

    def connected(self, room_id: str) -> tuple[bool, bool]:
        """Whether a patient and a practitioner are connected to this room."""
        live = self._live.get(room_id)
        if live is None:
            return (False, False)
        return (live.patient is not None, live.practitioner is not None)

    def _from_patient(self, room_id: str, live: _LiveRoom, message: Message) -> None:
        match message:
            case Join():
                payment = self._payments.get(room_id)
                if payment is not None and not payment.paid:
                    raise ProtocolError(ErrorCode.PAYMENT_REQUIRED, "pay before the waiting room")
                if live.waiting:
                    raise ProtocolError(ErrorCode.OUT_OF_ORDER, "already in the waiting room")
                live.waiting = True
                self._log_and_forward(live, event("patient_waiting"))
            case Description(type="offer"):
                if not live.waiting:
                    raise ProtocolError(ErrorCode.OUT_OF_ORDER, "`offer` comes after `join`")
                live.offered = True
                live.candidates = 0
                live.replay = [m for m in live.replay if m["type"] not in ("offer", "candidate")]
                self._log_and_forward(live, to_json(message))
            case Candidate():
                if not live.offered:
                    raise ProtocolError(ErrorCode.OUT_OF_ORDER, "`candidate` comes after `offer`")
                if live.candidates >= self._candidates_per_offer:
                    raise ProtocolError(ErrorCode.LIMIT_EXCEEDED, "too many candidates")
                live.candidates += 1
                self._log_and_forward(live, to_json(message))
            case Signal():
                if not live.admitted:
                    raise ProtocolError(ErrorCode.NOT_ADMITTED, "wait to be let in")
                live.to_practitioner(to_json(message))  # not replayed: it is said once
            case _:
                raise ProtocolError(ErrorCode.UNKNOWN_TYPE, "not a message a patient sends")

    def _from_held_device(self, live: _LiveRoom, outlet: Outlet, message: Message) -> None:
        """A device waiting for the practitioner's decision may only leave."""
        if not isinstance(message, Bye):
            raise ProtocolError(ErrorCode.DEVICE_HELD, "wait until the practice lets you in")
        live.devices.release(outlet)
        outlet.send(closed(CloseReason.HUNG_UP))
        outlet.close(CloseCode.NORMAL)
        live.to_practitioner(event("second_device_left"))

    def _decide_device(self, room_id: str, live: _LiveRoom, accept: bool) -> None:
        """Lets the held device in (the room moves to it) or turns it away; a decision with no
        device held (it left, or was decided already) changes nothing."""
        if not accept:
            refused = live.devices.refuse()
            if refused is not None:
                log.info("room %s: the second device was refused", room_id)
                refused.outlet.send(closed(DeviceEnd.REFUSED))
                refused.outlet.close(CloseCode.REFUSED)
            return
        accepted = live.devices.accept()
        if accepted is None:
            return
        log.info("room %s: the patient moved to another device", room_id)
        previous = live.patient
        live.reset_patient(accepted.outlet)
        if previous is not None:
            previous.send(closed(DeviceEnd.MOVED))
            previous.close(CloseCode.REPLACED)
        accepted.outlet.send(event("device_accepted"))
        live.to_practitioner(event("patient_opened"))

    def _from_practitioner(self, room_id: str, live: _LiveRoom, message: Message) -> None:
        match message:
            case DeviceDecision(accept=accept):
                self._decide_device(room_id, live, accept)
            case Admit():
                if live.patient is None or not live.waiting:
                    raise ProtocolError(ErrorCode.OUT_OF_ORDER, "no patient is waiting")
                if live.admitted:
                    raise ProtocolError(ErrorCode.OUT_OF_ORDER, "the patient is already admitted")
                live.admitted = True
                log.info("room %s: patient admitted", room_id)
                live.to_patient(event("admitted"))
            case Description(type="answer") | Candidate() | Signal():
                if not live.admitted:
                    raise ProtocolError(ErrorCode.NOT_ADMITTED, "admit the patient first")
                live.to_patient(to_json(message))
            case _:
                raise ProtocolError(ErrorCode.UNKNOWN_TYPE, "not a message a practitioner sends")

    def _log_and_forward(self, live: _LiveRoom, message: JsonObject) -> None:
        live.replay.append(message)
        live.to_practitioner(message)

    def _welcome(
        self, room: Room, role: Role, *, admitted: bool, now: datetime, held: bool = False
    ) -> JsonObject:
        welcome = event(
            "welcome",
            room_id=room.room_id,
            role=role.value,
            practice_name=room.practice_name,
            language=room.language.value,
            ice_servers=self._ice_for(room, now),
            admitted=admitted,
        )
        if role is Role.PATIENT:
            welcome["device_held"] = held
            payment = self._payments.get(room.room_id)
            welcome["payment"] = None if payment is None else payment.to_json()
        return welcome
