"""The room registry: tokens kept only as digests, and one answer for every unusable token."""

from __future__ import annotations

from dataclasses import fields
from datetime import timedelta

import pytest

from tests.helpers.hub import FakeClock
from tooddoc_desk.core.language import Language
from tooddoc_desk.core.tokens import new_token, token_digest
from tooddoc_desk.hub.rooms import CloseReason, InMemoryRoomRegistry, Role, Room, new_room_id


def make_room(clock: FakeClock, patient: str, practitioner: str, room_id: str = "r1") -> Room:
    return Room(
        room_id=room_id,
        practice_name="Cabinet Dr Peeters",
        language=Language.FR,
        created_at=clock.now(),
        expires_at=clock.now() + timedelta(hours=1),
        patient_digest=token_digest(patient),
        practitioner_digest=token_digest(practitioner),
    )


def test_a_room_holds_digests_never_tokens() -> None:
    clock = FakeClock()
    patient, practitioner = new_token(), new_token()
    room = make_room(clock, patient, practitioner)
    values = [str(getattr(room, f.name)) for f in fields(room)]
    assert not any(patient in v or practitioner in v for v in values)
    assert "digest" not in repr(room)


def test_tokens_find_their_room_for_their_role_only() -> None:
    clock = FakeClock()
    registry = InMemoryRoomRegistry()
    patient, practitioner = new_token(), new_token()
    registry.add(make_room(clock, patient, practitioner))
    found = registry.find_open(Role.PATIENT, patient, clock.now())
    assert found is not None
    assert found.room_id == "r1"
    assert registry.find_open(Role.PRACTITIONER, practitioner, clock.now()) is not None
    assert registry.find_open(Role.PRACTITIONER, patient, clock.now()) is None
    assert registry.find_open(Role.PATIENT, new_token(), clock.now()) is None
    assert registry.find_open(Role.PATIENT, patient[:-1], clock.now()) is None


def test_expired_and_ended_rooms_are_not_found() -> None:
    clock = FakeClock()
    registry = InMemoryRoomRegistry()
    tokens = [new_token() for _ in range(4)]
    registry.add(make_room(clock, tokens[0], tokens[1], "expiring"))
    registry.add(make_room(clock, tokens[2], tokens[3], "ending"))
    assert registry.end("ending", CloseReason.HUNG_UP, clock.now()) is not None
    assert registry.find_open(Role.PATIENT, tokens[2], clock.now()) is None
    assert registry.end("ending", CloseReason.HUNG_UP, clock.now()) is None  # only once
    assert registry.open_count() == 1

    clock.advance(timedelta(hours=1))
    assert registry.find_open(Role.PATIENT, tokens[0], clock.now()) is None
    assert [room.room_id for room in registry.due(clock.now())] == ["expiring"]


def test_ended_rooms_are_remembered_by_id_for_a_while() -> None:
    clock = FakeClock()
    registry = InMemoryRoomRegistry()
    registry.add(make_room(clock, new_token(), new_token()))
    ended = registry.end("r1", CloseReason.CANCELLED, clock.now())
    assert ended is not None
    assert ended.end_reason is CloseReason.CANCELLED
    assert registry.get("r1") == ended
    assert registry.forget_ended_before(clock.now()) == 0
    clock.advance(timedelta(seconds=1))
    assert registry.forget_ended_before(clock.now()) == 1
    assert registry.get("r1") is None


def test_room_ids_are_unique_and_rooms_check_their_times() -> None:
    assert len({new_room_id() for _ in range(100)}) == 100
    clock = FakeClock()
    registry = InMemoryRoomRegistry()
    room = make_room(clock, new_token(), new_token())
    registry.add(room)
    with pytest.raises(ValueError, match="already exists"):
        registry.add(room)
    with pytest.raises(ValueError, match="expire after"):
        Room("x", "P", Language.EN, clock.now(), clock.now(), "a", "b")
