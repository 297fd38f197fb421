"""The signaling rules, driven synchronously with recording outlets (no sockets)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

import pytest

from tests.helpers.hub import FakeClock
from tooddoc_desk.core.language import Language
from tooddoc_desk.core.tokens import new_token, token_digest
from tooddoc_desk.hub.messages import (
    Admit,
    Bye,
    Candidate,
    CloseCode,
    Description,
    ErrorCode,
    Hello,
    Join,
    ProtocolError,
)
from tooddoc_desk.hub.relay import Relay, Seat
from tooddoc_desk.hub.rooms import CloseReason, InMemoryRoomRegistry, Role, Room

DEVICE = "a" * 32  # the patient's browser's id for this link
CANDIDATE = {"candidate": "candidate:1 1 udp 1 127.0.0.1 5000 typ host", "sdpMid": "0",
             "sdpMLineIndex": 0}  # fmt: skip


class Outlet:
    def __init__(self) -> None:
        self.sent: list[dict[str, Any]] = []
        self.close_code: int | None = None

    def send(self, message: Mapping[str, Any]) -> None:
        if self.close_code is None:
            self.sent.append(dict(message))

    def close(self, code: int) -> None:
        if self.close_code is None:
            self.close_code = code

    @property
    def closing(self) -> bool:
        return self.close_code is not None

    def types(self) -> list[str]:
        return [m["type"] for m in self.sent]

    def take(self) -> list[str]:
        kinds = self.types()
        self.sent.clear()
        return kinds


class World:
    def __init__(self) -> None:
        self.clock = FakeClock()
        self.registry = InMemoryRoomRegistry()
        self.relay = Relay(
            self.registry,
            self.clock,
            lambda room, now: [{"urls": ["turn:127.0.0.1:3478"], "username": "u"}],
            candidates_per_offer=3,
        )
        self.patient_token, self.practitioner_token = new_token(), new_token()
        now = self.clock.now()
        self.room = Room(
            room_id="room-1",
            practice_name="Cabinet Dr Peeters",
            language=Language.NL,
            created_at=now,
            expires_at=now + timedelta(hours=1),
            patient_digest=token_digest(self.patient_token),
            practitioner_digest=token_digest(self.practitioner_token),
        )
        self.registry.add(self.room)

    def patient(self, device: str | None = DEVICE) -> tuple[Seat, Outlet]:
        outlet = Outlet()
        seat = self.relay.hello(Hello(Role.PATIENT, self.patient_token, device), outlet)
        assert seat is not None
        return seat, outlet

    def practitioner(self) -> tuple[Seat, Outlet]:
        outlet = Outlet()
        seat = self.relay.hello(Hello(Role.PRACTITIONER, self.practitioner_token), outlet)
        assert seat is not None
        return seat, outlet

    def waiting_patient_with_offer(self) -> tuple[Seat, Outlet]:
        seat, outlet = self.patient()
        self.relay.receive(seat, Join())
        self.relay.receive(seat, Description("offer", "v=0 offer"))
        self.relay.receive(seat, Candidate(CANDIDATE))
        return seat, outlet


def refused(relay: Relay, seat: Seat, message: Any) -> ErrorCode:
    with pytest.raises(ProtocolError) as caught:
        relay.receive(seat, message)
    return caught.value.code


def test_welcome_tells_the_room_the_language_and_the_ice_servers() -> None:
    world = World()
    _, outlet = world.patient()
    [welcome] = outlet.sent
    assert welcome == {
        "type": "welcome",
        "room_id": "room-1",
        "role": "patient",
        "practice_name": "Cabinet Dr Peeters",
        "language": "nl",
        "ice_servers": [{"urls": ["turn:127.0.0.1:3478"], "username": "u"}],
        "admitted": False,
        "device_held": False,
        "payment": None,
    }


def test_a_token_opens_its_own_role_only() -> None:
    world = World()
    assert world.relay.hello(Hello(Role.PRACTITIONER, world.patient_token), Outlet()) is None
    assert world.relay.hello(Hello(Role.PATIENT, world.practitioner_token), Outlet()) is None
    assert world.relay.hello(Hello(Role.PATIENT, new_token()), Outlet()) is None


def test_the_patient_side_is_relayed_live_to_a_present_practitioner() -> None:
    world = World()
    _, practitioner = world.practitioner()
    practitioner.take()
    world.waiting_patient_with_offer()
    assert practitioner.types() == ["patient_opened", "patient_waiting", "offer", "candidate"]
    assert practitioner.sent[3]["candidate"] == CANDIDATE


def test_a_late_practitioner_gets_the_patient_side_replayed_in_order() -> None:
    world = World()
    patient_seat, _ = world.waiting_patient_with_offer()
    world.relay.receive(patient_seat, Candidate(None))
    _, practitioner = world.practitioner()
    assert practitioner.types() == [
        "welcome",
        "patient_opened",
        "patient_waiting",
        "offer",
        "candidate",
        "candidate",
    ]
    assert practitioner.sent[3]["sdp"] == "v=0 offer"
    assert practitioner.sent[5]["candidate"] is None


def test_a_new_offer_replaces_the_old_one_in_the_replay() -> None:
    world = World()
    patient_seat, _ = world.waiting_patient_with_offer()
    world.relay.receive(patient_seat, Description("offer", "v=0 second"))
    _, practitioner = world.practitioner()
    assert practitioner.types()[1:] == ["patient_opened", "patient_waiting", "offer"]
    assert practitioner.sent[-1]["sdp"] == "v=0 second"


def test_nothing_from_the_practitioner_reaches_the_patient_before_admit() -> None:
    world = World()
    _, patient = world.waiting_patient_with_offer()
    practitioner_seat, _ = world.practitioner()
    patient.take()
    answer = Description("answer", "v=0 answer")
    assert refused(world.relay, practitioner_seat, answer) is ErrorCode.NOT_ADMITTED
    assert refused(world.relay, practitioner_seat, Candidate(CANDIDATE)) is ErrorCode.NOT_ADMITTED
    assert refused(world.relay, practitioner_seat, Candidate(None)) is ErrorCode.NOT_ADMITTED
    assert patient.sent == []

    world.relay.receive(practitioner_seat, Admit())
    world.relay.receive(practitioner_seat, answer)
    world.relay.receive(practitioner_seat, Candidate(CANDIDATE))
    assert patient.types() == ["admitted", "answer", "candidate"]
    assert patient.sent[1]["sdp"] == "v=0 answer"


def test_admit_needs_a_waiting_patient_and_happens_once() -> None:
    world = World()
    practitioner_seat, _ = world.practitioner()
    assert refused(world.relay, practitioner_seat, Admit()) is ErrorCode.OUT_OF_ORDER
    patient_seat, _ = world.patient()
    assert refused(world.relay, practitioner_seat, Admit()) is ErrorCode.OUT_OF_ORDER
    world.relay.receive(patient_seat, Join())
    world.relay.receive(practitioner_seat, Admit())
    assert refused(world.relay, practitioner_seat, Admit()) is ErrorCode.OUT_OF_ORDER


def test_each_role_sends_only_its_own_messages_in_order() -> None:
    world = World()
    patient_seat, _ = world.patient()
    practitioner_seat, _ = world.practitioner()
    assert refused(world.relay, patient_seat, Description("offer", "x")) is ErrorCode.OUT_OF_ORDER
    assert refused(world.relay, patient_seat, Candidate(None)) is ErrorCode.OUT_OF_ORDER
    assert refused(world.relay, patient_seat, Admit()) is ErrorCode.UNKNOWN_TYPE
    assert refused(world.relay, patient_seat, Description("answer", "x")) is ErrorCode.UNKNOWN_TYPE
    assert refused(world.relay, practitioner_seat, Join()) is ErrorCode.UNKNOWN_TYPE
    offer = Description("offer", "x")
    assert refused(world.relay, practitioner_seat, offer) is ErrorCode.UNKNOWN_TYPE
    hello = Hello(Role.PATIENT, world.patient_token)
    assert refused(world.relay, patient_seat, hello) is ErrorCode.OUT_OF_ORDER
    world.relay.receive(patient_seat, Join())
    assert refused(world.relay, patient_seat, Join()) is ErrorCode.OUT_OF_ORDER


def test_candidates_per_offer_are_bounded() -> None:
    world = World()
    seat, _ = world.waiting_patient_with_offer()
    world.relay.receive(seat, Candidate(CANDIDATE))
    world.relay.receive(seat, Candidate(CANDIDATE))
    assert refused(world.relay, seat, Candidate(CANDIDATE)) is ErrorCode.LIMIT_EXCEEDED


def test_a_patient_hello_again_replaces_the_earlier_connection_and_its_admission() -> None:
    world = World()
    first_seat, first = world.waiting_patient_with_offer()
    practitioner_seat, practitioner = world.practitioner()
    world.relay.receive(practitioner_seat, Admit())
    practitioner.take()

    second_seat, second = world.patient()
    assert first.close_code == CloseCode.REPLACED
    assert second.sent[0]["admitted"] is False
    assert practitioner.take() == ["patient_opened"]
    assert refused(world.relay, practitioner_seat, Candidate(None)) is ErrorCode.NOT_ADMITTED

    world.relay.leave(first_seat)  # the replaced socket's close is not the patient leaving
    world.relay.receive(first_seat, Join())  # and what it still sends goes nowhere
    assert practitioner.sent == []
    assert world.relay.connected("room-1") == (True, True)
    world.relay.receive(second_seat, Join())
    assert practitioner.take() == ["patient_waiting"]


def test_a_practitioner_hello_again_replaces_and_gets_the_replay() -> None:
    world = World()
    world.waiting_patient_with_offer()
    _, first = world.practitioner()
    _, second = world.practitioner()
    assert first.close_code == CloseCode.REPLACED
    assert second.types() == first.types()


def test_leaving_is_told_to_the_other_side() -> None:
    world = World()
    patient_seat, patient = world.waiting_patient_with_offer()
    practitioner_seat, practitioner = world.practitioner()
    world.relay.leave(practitioner_seat)
    assert patient.types() == ["welcome"]  # not admitted yet: the patient hears nothing

    practitioner_seat, practitioner = world.practitioner()
    world.relay.receive(practitioner_seat, Admit())
    world.relay.leave(practitioner_seat)
    assert patient.types()[-1] == "practitioner_left"

    practitioner_seat, practitioner = world.practitioner()
    assert practitioner.sent[0]["admitted"] is True
    world.relay.leave(patient_seat)
    assert practitioner.types()[-1] == "patient_left"
    _, late = world.practitioner()
    assert late.types() == ["welcome"]  # no replay of a patient who left
    assert late.sent[0]["admitted"] is False


@pytest.mark.parametrize("role", [Role.PATIENT, Role.PRACTITIONER])
def test_bye_from_either_side_closes_the_room_for_both(role: Role) -> None:
    world = World()
    patient_seat, patient = world.patient()
    practitioner_seat, practitioner = world.practitioner()
    world.relay.receive(patient_seat if role is Role.PATIENT else practitioner_seat, Bye())
    sender, other = (patient, practitioner) if role is Role.PATIENT else (practitioner, patient)
    assert other.sent[-2:] == [
        {"type": "bye", "from": role.value},
        {"type": "closed", "reason": "hung_up"},
    ]
    assert sender.sent[-1] == {"type": "closed", "reason": "hung_up"}
    assert patient.close_code == practitioner.close_code == CloseCode.NORMAL
    assert world.relay.hello(Hello(Role.PATIENT, world.patient_token), Outlet()) is None


def test_closing_a_room_tells_both_and_answers_for_known_ids_only() -> None:
    world = World()
    _, patient = world.patient()
    _, practitioner = world.practitioner()
    assert world.relay.close_room("room-1", CloseReason.CANCELLED)
    assert patient.sent[-1] == practitioner.sent[-1] == {"type": "closed", "reason": "cancelled"}
    assert world.relay.close_room("room-1", CloseReason.CANCELLED)  # already closed: still fine
    assert not world.relay.close_room("no-such-room", CloseReason.CANCELLED)


def test_the_sweep_closes_expired_rooms_then_forgets_them() -> None:
    world = World()
    _, patient = world.patient()
    world.clock.advance(timedelta(minutes=59))
    assert world.relay.sweep() == 0
    world.clock.advance(timedelta(minutes=1))
    assert world.relay.sweep() == 1
    assert patient.sent[-1] == {"type": "closed", "reason": "expired"}
    assert patient.close_code == CloseCode.NORMAL
    assert world.relay.close_room("room-1", CloseReason.CANCELLED)
    world.clock.advance(timedelta(hours=1, seconds=1))
    world.relay.sweep()
    assert not world.relay.close_room("room-1", CloseReason.CANCELLED)


def test_expiry_lets_no_one_new_in_but_does_not_cut_a_call_in_progress() -> None:
    world = World()
    seat, patient = world.waiting_patient_with_offer()
    practitioner_seat, practitioner = world.practitioner()
    world.relay.receive(practitioner_seat, Admit())
    world.clock.advance(timedelta(hours=1, minutes=5))
    assert world.relay.sweep() == 0
    world.relay.receive(seat, Candidate(CANDIDATE))  # the call goes on
    assert practitioner.sent[-1]["type"] == "candidate"
    assert world.relay.hello(Hello(Role.PATIENT, world.patient_token), Outlet()) is None
    world.relay.receive(seat, Bye())
    assert patient.sent[-1] == {"type": "closed", "reason": "hung_up"}


def test_a_message_in_an_expired_room_closes_it_even_before_the_sweep() -> None:
    world = World()
    seat, patient = world.patient()
    world.clock.advance(timedelta(hours=1))
    world.relay.receive(seat, Join())
    assert patient.sent[-1] == {"type": "closed", "reason": "expired"}
    assert world.relay.hello(Hello(Role.PATIENT, world.patient_token), Outlet()) is None
