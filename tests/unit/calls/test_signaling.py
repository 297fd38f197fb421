"""The in-memory signaling pair behaves like a socket: ordered copies, close seen by both."""

from __future__ import annotations

import pytest

from tests.helpers.aio import run
from tooddoc_desk.calls.signaling import Signaling, SignalingClosed, memory_pair


def test_messages_arrive_in_order_as_copies() -> None:
    async def scenario() -> None:
        a, b = memory_pair()
        assert isinstance(a, Signaling)
        message = {"type": "offer", "sdp": "v=0"}
        await a.send(message)
        await a.send({"type": "candidate", "candidate": None})
        message["sdp"] = "changed"
        assert await b.receive() == {"type": "offer", "sdp": "v=0"}
        assert await b.receive() == {"type": "candidate", "candidate": None}
        assert a.sent == [{"type": "offer", "sdp": "v=0"}, {"type": "candidate", "candidate": None}]
        await b.close()
        await a.close()

    run(scenario)


def test_closing_one_end_closes_both() -> None:
    async def scenario() -> None:
        a, b = memory_pair()
        await a.send({"type": "bye"})
        await a.close()
        assert await b.receive() == {"type": "bye"}  # what was sent before still arrives
        assert await b.receive() is None
        assert await b.receive() is None
        assert await a.receive() is None
        with pytest.raises(SignalingClosed):
            await b.send({"type": "late"})
        with pytest.raises(SignalingClosed):
            await a.send({"type": "late"})

    run(scenario)


def test_only_what_a_socket_could_carry_is_sent() -> None:
    async def scenario() -> None:
        a, _ = memory_pair()
        with pytest.raises(TypeError):
            await a.send({"type": "x", "data": object()})

    run(scenario)
