"""signal(type, data): what may be sent, and when."""

from __future__ import annotations

import pytest

from tests.helpers.aio import Recorder, run, until
from tooddoc_desk.calls.events import Error, SignalReceived
from tooddoc_desk.calls.publisher import Publisher
from tooddoc_desk.calls.session import Session
from tooddoc_desk.calls.session_state import SessionStateError
from tooddoc_desk.calls.signaling import MemorySignaling, Message, SignalingClosed, memory_pair
from tooddoc_desk.calls.signals import MAX_DATA_BYTES, Signal, SignalError, SignalErrorCode


@pytest.mark.parametrize("kind", ["chat", "mute-request", "a_b~C9", "x" * 128])
def test_valid_types(kind: str) -> None:
    assert Signal(kind, "hello").to_message() == {
        "type": "signal",
        "signal_type": kind,
        "data": "hello",
    }


@pytest.mark.parametrize("kind", ["", "x" * 129, "chat message", "chat/1", "é", "a.b", "a\n"])
def test_invalid_types(kind: str) -> None:
    with pytest.raises(SignalError) as raised:
        Signal(kind, "")
    assert raised.value.code is SignalErrorCode.INVALID_TYPE


def test_data_is_limited_to_8_kb_of_utf8() -> None:
    Signal("chat", "a" * MAX_DATA_BYTES)
    Signal("chat", "é" * (MAX_DATA_BYTES // 2))
    with pytest.raises(SignalError) as raised:
        Signal("chat", "é" * (MAX_DATA_BYTES // 2 + 1))
    assert raised.value.code is SignalErrorCode.DATA_TOO_LONG
    with pytest.raises(SignalError) as raised:
        Signal("chat", "\ud800")  # a lone surrogate is not text
    assert raised.value.code is SignalErrorCode.INVALID_DATA


def test_a_signal_reads_back_from_its_message() -> None:
    assert Signal.from_message(Signal("chat", "hi").to_message()) == Signal("chat", "hi")
    with pytest.raises(SignalError):
        Signal.from_message({"type": "signal", "data": "no type"})
    with pytest.raises(SignalError):
        Signal.from_message({"type": "signal", "signal_type": "chat", "data": 5})


def test_signals_wait_for_admission_and_travel_after_it() -> None:
    async def scenario() -> None:
        practitioner_end, patient_end = memory_pair()
        events = Recorder()
        session = Session(practitioner_end, [], Publisher.generated(), events)
        session.start()
        with pytest.raises(SessionStateError) as raised:
            await session.signal("chat", "too early")
        assert raised.value.code == "not_admitted"
        with pytest.raises(SignalError):
            await session.signal("bad type", "")
        await patient_end.send({"type": "patient_waiting"})
        await patient_end.send({"type": "signal", "signal_type": "chat", "data": "bonjour"})
        assert await events.wait_for(SignalReceived) == SignalReceived("chat", "bonjour")
        await patient_end.send({"type": "signal", "signal_type": "bad type", "data": ""})
        assert (await events.wait_for(Error)).code == "bad_signal"

        assert practitioner_end.sent == []
        await session.admit()
        await session.signal("chat", "entrez")
        assert practitioner_end.sent == [
            {"type": "admit"},
            {"type": "signal", "signal_type": "chat", "data": "entrez"},
        ]
        await session.hang_up()
        with pytest.raises(SessionStateError) as raised:
            await session.signal("chat", "too late")
        assert raised.value.code == "ended"

    run(scenario)


class CutSignaling:
    """One end of a memory pair whose sending can be cut (the hub connection just died)."""

    def __init__(self, end: MemorySignaling) -> None:
        self.end = end
        self.cut = False

    async def send(self, message: Message) -> None:
        if self.cut:
            raise SignalingClosed("the hub connection is gone")
        await self.end.send(message)

    async def receive(self) -> Message | None:
        return await self.end.receive()

    async def close(self) -> None:
        await self.end.close()


def test_a_signal_that_cannot_leave_says_so() -> None:
    async def scenario() -> None:
        practitioner_end, patient_end = memory_pair()
        signaling = CutSignaling(practitioner_end)
        session = Session(signaling, [], Publisher.generated(), Recorder())
        session.start()
        await patient_end.send({"type": "patient_waiting"})
        await until(lambda: session.patient_waiting, "the patient waiting")
        await session.admit()
        signaling.cut = True
        with pytest.raises(SignalingClosed):
            await session.signal("chat", "perdu")
        await session.close()

    run(scenario)
