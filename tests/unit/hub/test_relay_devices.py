"""One patient device per room, driven synchronously through the relay with recording outlets."""

from __future__ import annotations

from tests.unit.hub.test_relay import DEVICE, Outlet, World, refused
from tooddoc_desk.hub.devices import REMEMBERED_REFUSALS
from tooddoc_desk.hub.messages import (
    Admit,
    Bye,
    CloseCode,
    Description,
    DeviceDecision,
    ErrorCode,
    Join,
)
from tooddoc_desk.hub.relay import Seat
from tooddoc_desk.hub.rooms import CloseReason

OTHER = "b" * 32
THIRD = "c" * 32


def held_second_device(world: World) -> tuple[Seat, Outlet, Seat, Outlet, Seat, Outlet]:
    """An admitted first device, the practitioner, and a second device waiting."""
    first_seat, first = world.waiting_patient_with_offer()
    practitioner_seat, practitioner = world.practitioner()
    world.relay.receive(practitioner_seat, Admit())
    first.take()
    practitioner.take()
    second_seat, second = world.patient(OTHER)
    return first_seat, first, practitioner_seat, practitioner, second_seat, second


def test_another_device_is_held_and_the_practitioner_is_asked() -> None:
    world = World()
    _, first, _, practitioner, _, second = held_second_device(world)
    [welcome] = second.sent
    assert welcome["type"] == "welcome"
    assert welcome["device_held"] is True
    assert welcome["admitted"] is False
    assert practitioner.take() == ["second_device"]
    assert first.close_code is None  # the first device is not disturbed
    assert first.sent == []


def test_a_held_device_may_say_nothing_but_bye() -> None:
    world = World()
    _, first, practitioner_seat, practitioner, second_seat, second = held_second_device(world)
    practitioner.take()
    second.take()
    for message in (Join(), Description("offer", "v=0"), Admit(), DeviceDecision(True)):
        assert refused(world.relay, second_seat, message) is ErrorCode.DEVICE_HELD
    assert practitioner.sent == []
    world.relay.receive(practitioner_seat, Description("answer", "v=0 answer"))
    assert first.take() == ["answer"]  # to the room's device only
    assert second.sent == []

    world.relay.receive(second_seat, Bye())  # the held device gives up: the room stays open
    assert second.sent == [{"type": "closed", "reason": "hung_up"}]
    assert second.close_code == CloseCode.NORMAL
    assert practitioner.take() == ["second_device_left"]  # nothing to decide any more
    assert first.close_code is None
    world.relay.leave(second_seat)  # its socket closing afterwards says nothing more
    world.relay.receive(practitioner_seat, DeviceDecision(True))  # nothing held: no change
    assert first.sent == practitioner.sent == []


def test_letting_the_new_device_in_moves_the_room_to_it() -> None:
    world = World()
    first_seat, first, practitioner_seat, practitioner, second_seat, second = held_second_device(
        world
    )
    practitioner.take()
    second.take()
    world.relay.receive(practitioner_seat, DeviceDecision(True))
    assert first.sent == [{"type": "closed", "reason": "moved"}]
    assert first.close_code == CloseCode.REPLACED
    assert second.sent == [{"type": "device_accepted"}]
    assert practitioner.take() == ["patient_opened"]  # a fresh patient session

    # admission went with the first device; the new one goes through the waiting room
    assert refused(world.relay, practitioner_seat, Description("answer", "x")) is (
        ErrorCode.NOT_ADMITTED
    )
    world.relay.leave(first_seat)  # the moved socket closing is not the patient leaving
    assert practitioner.sent == []
    world.relay.receive(second_seat, Join())
    assert practitioner.take() == ["patient_waiting"]
    world.relay.receive(practitioner_seat, Admit())
    assert second.take() == ["device_accepted", "admitted"]

    # the room now belongs to the new device: it reloads freely, the old one is held
    _, again = world.patient(OTHER)
    assert second.close_code == CloseCode.REPLACED
    assert again.sent[0]["device_held"] is False
    _, old = world.patient(DEVICE)
    assert old.sent[0]["device_held"] is True


def test_keeping_the_first_device_refuses_the_new_one_now_and_later() -> None:
    world = World()
    _, first, practitioner_seat, practitioner, _, second = held_second_device(world)
    practitioner.take()
    second.take()
    world.relay.receive(practitioner_seat, DeviceDecision(False))
    assert second.sent == [{"type": "closed", "reason": "refused"}]
    assert second.close_code == CloseCode.REFUSED
    assert first.sent == []
    assert practitioner.sent == []

    _, back = world.patient(OTHER)  # the refused device tries again: refused without asking
    assert back.types() == ["welcome", "closed"]
    assert back.sent[0]["device_held"] is True
    assert back.sent[1] == {"type": "closed", "reason": "refused"}
    assert back.close_code == CloseCode.REFUSED
    assert practitioner.sent == []
    _, practitioner_again = world.practitioner()
    assert "second_device" not in practitioner_again.types()


def test_refused_devices_are_remembered_up_to_a_bound() -> None:
    world = World()
    world.patient()
    practitioner_seat, _ = world.practitioner()
    devices = [f"{n:032d}" for n in range(REMEMBERED_REFUSALS + 1)]
    for device in devices:
        world.patient(device)
        world.relay.receive(practitioner_seat, DeviceDecision(False))
    _, oldest = world.patient(devices[0])  # forgotten: asked about again
    assert oldest.close_code is None
    assert oldest.types() == ["welcome"]
    _, newest = world.patient(devices[-1])
    assert newest.close_code == CloseCode.REFUSED


def test_the_newest_other_device_replaces_the_held_one() -> None:
    world = World()
    _, first, practitioner_seat, practitioner, second_seat, second = held_second_device(world)
    practitioner.take()
    _, third = world.patient(THIRD)
    assert second.close_code == CloseCode.REPLACED
    assert third.sent[0]["device_held"] is True
    assert practitioner.take() == ["second_device"]  # the question now is about this one
    world.relay.leave(second_seat)  # the replaced held socket closing: no news
    assert practitioner.sent == []
    world.relay.receive(practitioner_seat, DeviceDecision(True))
    assert third.types()[-1] == "device_accepted"
    assert first.sent[-1] == {"type": "closed", "reason": "moved"}
    assert second.types() == ["welcome"]  # the replaced held device heard nothing more


def test_a_connection_without_a_device_id_is_a_device_of_its_own() -> None:
    world = World()
    _, first = world.patient(None)
    _, second = world.patient(None)
    assert first.sent[0]["device_held"] is False
    assert second.sent[0]["device_held"] is True
    assert first.close_code is None


def test_a_practitioner_arriving_later_is_asked_too() -> None:
    world = World()
    world.patient()
    _, held = world.patient(OTHER)
    practitioner_seat, practitioner = world.practitioner()
    assert practitioner.types() == ["welcome", "patient_opened", "second_device"]
    world.relay.receive(practitioner_seat, DeviceDecision(False))
    assert held.close_code == CloseCode.REFUSED
    _, later = world.practitioner()
    assert later.types() == ["welcome", "patient_opened"]


def test_a_held_device_that_leaves_is_forgotten() -> None:
    world = World()
    world.patient()
    _, practitioner = world.practitioner()
    held_seat, _ = world.patient(OTHER)
    world.relay.leave(held_seat)
    assert practitioner.take()[-2:] == ["second_device", "second_device_left"]
    _, late = world.practitioner()
    assert late.types() == ["welcome", "patient_opened"]  # nothing left to decide


def test_closing_the_room_closes_the_held_device_too() -> None:
    world = World()
    _, first, _, _, _, second = held_second_device(world)
    second.take()
    world.relay.close_room("room-1", CloseReason.CANCELLED)
    for outlet in (first, second):
        assert outlet.sent[-1] == {"type": "closed", "reason": "cancelled"}
        assert outlet.close_code == CloseCode.NORMAL


def test_only_the_practitioner_decides() -> None:
    world = World()
    seat, _ = world.patient()
    assert refused(world.relay, seat, DeviceDecision(True)) is ErrorCode.UNKNOWN_TYPE
