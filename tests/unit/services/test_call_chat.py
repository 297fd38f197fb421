"""The call's chat when something gives way: a hub connection gone (the line did not leave and is
not kept), a store that refuses a write (the line stays in the chat and is written later), a
person whose role does not run calls."""

from __future__ import annotations

import pytest

from tests.helpers.aio import Recorder, run, until
from tests.helpers.hub import FakeClock
from tooddoc_desk.calls.publisher import Publisher
from tooddoc_desk.calls.session import Session
from tooddoc_desk.calls.signaling import MemorySignaling, Message, SignalingClosed, memory_pair
from tooddoc_desk.core.chat import ChatMessage, ChatSender
from tooddoc_desk.core.users import NotAllowed, Permission, Role, User, require
from tooddoc_desk.services.call_chat import CallChat, ChatNotSent
from tooddoc_desk.services.events import ChatMessageAdded, Problem
from tooddoc_desk.services.sentences import CHAT_HUB_LOST, CHAT_NO_CALL, CHAT_NOT_KEPT
from tooddoc_desk.storage.errors import StoreClosed

DOCTOR = User("Dr Peeters", frozenset({Role.PRACTITIONER}), inami="10000001001")
RECEPTION = User("Anne", frozenset({Role.RECEPTIONIST}))


class Desk:
    def __init__(self, user: User) -> None:
        self.user = user

    def require(self, permission: Permission) -> User:
        return require(self.user, permission)


class Lines:
    """Kept lines in memory; `failing` makes the next writes refuse, as a full disk does."""

    def __init__(self) -> None:
        self.kept: list[ChatMessage] = []
        self.failing = False

    def add(self, consultation_id: str, message: ChatMessage) -> None:
        if self.failing:
            raise StoreClosed()
        self.kept.append(message)

    def messages(self, consultation_id: str) -> list[ChatMessage]:
        return list(self.kept)


class Cuttable:
    def __init__(self, end: MemorySignaling) -> None:
        self.end = end
        self.cut = False

    async def send(self, message: Message) -> None:
        if self.cut:
            raise SignalingClosed("gone")
        await self.end.send(message)

    async def receive(self) -> Message | None:
        return await self.end.receive()

    async def close(self) -> None:
        await self.end.close()


def test_failures_lose_nothing_and_say_why() -> None:
    async def scenario() -> None:
        practitioner_end, patient_end = memory_pair()
        signaling = Cuttable(practitioner_end)
        session = Session(signaling, [], Publisher.generated(), Recorder())
        session.start()
        sessions = {"c-1": session}
        lines, events, desk = Lines(), Recorder(), Desk(DOCTOR)
        chat = CallChat(lines, gate=desk, clock=FakeClock(), session_of=sessions.get, emit=events)

        with pytest.raises(ChatNotSent) as refused:
            await chat.send("c-1", "trop tôt")
        assert refused.value.message == CHAT_NO_CALL
        await patient_end.send({"type": "patient_waiting"})
        await until(lambda: session.patient_waiting, "the patient waiting")
        await session.admit()

        lines.failing = True
        await chat.send("c-1", "Bonjour")
        chat.received("c-1", "Bonjour docteur")
        assert events.of(Problem) == [Problem(CHAT_NOT_KEPT, "c-1")] * 2
        assert [m.text for m in chat.lines("c-1")] == ["Bonjour", "Bonjour docteur"]
        lines.failing = False
        chat.received("c-1", "Vous m'entendez ?")
        assert [m.text for m in lines.kept] == ["Bonjour", "Bonjour docteur", "Vous m'entendez ?"]
        assert len(chat.lines("c-1")) == 3  # each once: the held ones were written
        assert [e.sender for e in events.of(ChatMessageAdded)] == [
            ChatSender.PRACTITIONER,
            ChatSender.PATIENT,
            ChatSender.PATIENT,
        ]

        signaling.cut = True
        with pytest.raises(ChatNotSent) as refused:
            await chat.send("c-1", "perdu")
        assert refused.value.message == CHAT_HUB_LOST
        assert "perdu" not in [m.text for m in chat.lines("c-1")]

        desk.user = RECEPTION
        with pytest.raises(NotAllowed):
            await chat.send("c-1", "Le docteur arrive")
        with pytest.raises(NotAllowed):
            chat.lines("c-1")
        await session.close()

    run(scenario)
