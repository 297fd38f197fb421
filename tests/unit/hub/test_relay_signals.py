"""Signals through the relay: between the practitioner and the admitted patient of one room,
both ways, and to no one else (a waiting patient, a held device, another room)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from tests.unit.hub.test_relay import Outlet, World, refused
from tooddoc_desk.core.tokens import new_token, token_digest
from tooddoc_desk.hub.messages import (
    Admit,
    ErrorCode,
    Hello,
    Join,
    ProtocolError,
    Signal,
    parse_message,
    to_json,
)
from tooddoc_desk.hub.relay import Seat
from tooddoc_desk.hub.rooms import Role, Room

OTHER_DEVICE = "b" * 32
CHAT = Signal("chat", "Bonjour docteur, j'ai de la fièvre")
RELAYED = {"type": "signal", "signal_type": "chat", "data": "Bonjour docteur, j'ai de la fièvre"}


def in_call(world: World) -> tuple[Seat, Outlet, Seat, Outlet]:
    patient_seat, patient = world.waiting_patient_with_offer()
    practitioner_seat, practitioner = world.practitioner()
    world.relay.receive(practitioner_seat, Admit())
    patient.take()
    practitioner.take()
    return patient_seat, patient, practitioner_seat, practitioner


def test_a_signal_goes_both_ways_once_the_patient_is_admitted() -> None:
    world = World()
    patient_seat, patient, practitioner_seat, practitioner = in_call(world)

    world.relay.receive(patient_seat, CHAT)
    assert practitioner.sent == [RELAYED]
    world.relay.receive(practitioner_seat, Signal("chat", "Depuis quand ?"))
    assert patient.sent == [{"type": "signal", "signal_type": "chat", "data": "Depuis quand ?"}]
    assert patient.close_code is None
    assert practitioner.close_code is None


def test_signals_are_not_replayed_to_a_practitioner_who_comes_back() -> None:
    world = World()
    patient_seat, _, _, _ = in_call(world)
    world.relay.receive(patient_seat, CHAT)
    _, again = world.practitioner()
    assert "signal" not in again.types()


def test_a_waiting_patient_neither_sends_nor_receives_a_signal() -> None:
    world = World()
    patient_seat, patient = world.waiting_patient_with_offer()
    practitioner_seat, practitioner = world.practitioner()
    patient.take()
    practitioner.take()

    assert refused(world.relay, practitioner_seat, CHAT) is ErrorCode.NOT_ADMITTED
    assert refused(world.relay, patient_seat, CHAT) is ErrorCode.NOT_ADMITTED
    assert patient.sent == []
    assert practitioner.sent == []


def test_a_patient_who_reloaded_is_not_admitted_for_signals_until_let_in_again() -> None:
    world = World()
    in_call(world)
    seat, patient = world.patient()  # the same device again: a new patient session
    world.relay.receive(seat, Join())
    assert refused(world.relay, seat, CHAT) is ErrorCode.NOT_ADMITTED
    assert "signal" not in patient.types()


def test_a_held_device_neither_sends_nor_hears_a_signal() -> None:
    world = World()
    _, patient, practitioner_seat, practitioner = in_call(world)
    held_seat, held = world.patient(OTHER_DEVICE)
    practitioner.take()

    assert refused(world.relay, held_seat, CHAT) is ErrorCode.DEVICE_HELD
    world.relay.receive(practitioner_seat, CHAT)
    assert held.types() == ["welcome"]
    assert patient.sent == [RELAYED]  # the room's device, admitted
    assert practitioner.sent == []


def test_a_signal_never_leaves_its_room() -> None:
    world = World()
    patient_seat, patient, practitioner_seat, practitioner = in_call(world)
    other_patient_token, other_practitioner_token = new_token(), new_token()
    now = world.clock.now()
    world.registry.add(
        Room(
            room_id="room-2",
            practice_name="Cabinet Dr Peeters",
            language=world.room.language,
            created_at=now,
            expires_at=now + timedelta(hours=1),
            patient_digest=token_digest(other_patient_token),
            practitioner_digest=token_digest(other_practitioner_token),
        )
    )
    other_patient = Outlet()
    other_practitioner = Outlet()
    other_patient_seat = world.relay.hello(
        Hello(Role.PATIENT, other_patient_token, OTHER_DEVICE), other_patient
    )
    other_practitioner_seat = world.relay.hello(
        Hello(Role.PRACTITIONER, other_practitioner_token), other_practitioner
    )
    assert other_patient_seat is not None
    assert other_practitioner_seat is not None
    world.relay.receive(other_patient_seat, Join())
    world.relay.receive(other_practitioner_seat, Admit())
    other_patient.take()
    other_practitioner.take()

    world.relay.receive(patient_seat, CHAT)
    world.relay.receive(practitioner_seat, CHAT)
    world.relay.receive(other_practitioner_seat, Signal("chat", "room 2"))
    assert other_patient.sent == [{"type": "signal", "signal_type": "chat", "data": "room 2"}]
    assert other_practitioner.sent == []
    assert practitioner.sent == [RELAYED]
    assert patient.sent == [RELAYED]


def test_a_signal_keeps_only_its_fields_and_its_data_out_of_reprs() -> None:
    parsed = parse_message(
        json.dumps({"type": "signal", "signal_type": "chat", "data": "<b>x</b>", "from": "hub"})
    )
    assert to_json(parsed) == {"type": "signal", "signal_type": "chat", "data": "<b>x</b>"}
    assert parse_message('{"type":"signal","signal_type":"ping"}') == Signal("ping", "")
    assert "fièvre" not in repr(CHAT)


@pytest.mark.parametrize(
    ("message", "code"),
    [
        ({"type": "signal"}, ErrorCode.BAD_MESSAGE),
        ({"type": "signal", "signal_type": ""}, ErrorCode.BAD_MESSAGE),
        ({"type": "signal", "signal_type": "chat!"}, ErrorCode.BAD_MESSAGE),
        ({"type": "signal", "signal_type": "x" * 129}, ErrorCode.BAD_MESSAGE),
        ({"type": "signal", "signal_type": 5, "data": "x"}, ErrorCode.BAD_MESSAGE),
        ({"type": "signal", "signal_type": "chat", "data": 5}, ErrorCode.BAD_MESSAGE),
        ({"type": "signal", "signal_type": "chat", "data": None}, ErrorCode.BAD_MESSAGE),
        ({"type": "signal", "signal_type": "chat", "data": "é" * 4097}, ErrorCode.LIMIT_EXCEEDED),
    ],
)
def test_malformed_or_oversized_signals_are_refused(message: object, code: ErrorCode) -> None:
    with pytest.raises(ProtocolError) as caught:
        parse_message(json.dumps(message))
    assert caught.value.code is code


def test_a_signal_of_exactly_8_kib_passes_and_a_lone_surrogate_does_not() -> None:
    largest = parse_message(json.dumps({"type": "signal", "signal_type": "a", "data": "é" * 4096}))
    assert largest == Signal("a", "é" * 4096)
    with pytest.raises(ProtocolError) as caught:
        parse_message('{"type":"signal","signal_type":"chat","data":"\\ud800"}')
    assert caught.value.code is ErrorCode.BAD_MESSAGE
