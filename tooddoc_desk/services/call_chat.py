"""The chat of a call: what the practitioner types goes to the patient's page as the call's
`chat` signal; what the patient types comes back the same way. Every line is kept with its
consultation in the encrypted store as it is said.

Whoever sends must be able to run calls (RUN_CALLS); reading a chat is reading clinical content
(NOTES, as the notes): the services enforce both, and the audit log records each reading of a
chat outside its call (the History; the call's own pane, read again at each line, is not).
Events name the consultation, never the text; log lines name consultations by id only.

A line the store refuses (a full disk) is not lost: it stays in memory with the chat, which
shows it, and is written with the next line that is said.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from tooddoc_desk.calls.session_state import SessionStateError
from tooddoc_desk.calls.signaling import SignalingClosed
from tooddoc_desk.core.chat import (
    CHAT_SIGNAL,
    MAX_CHAT_LENGTH,
    ChatMessage,
    ChatSender,
    ChatTextError,
    ChatTextProblem,
    clean_chat_text,
)
from tooddoc_desk.core.clock import Clock
from tooddoc_desk.core.users import Permission
from tooddoc_desk.services.accounts import Gate
from tooddoc_desk.services.audit import CHAT_OPENED, AuditTrail
from tooddoc_desk.services.events import ChatMessageAdded, Problem, ServiceEvent
from tooddoc_desk.services.sentences import (
    CHAT_EMPTY,
    CHAT_HUB_LOST,
    CHAT_NO_CALL,
    CHAT_NOT_KEPT,
    chat_too_long,
)
from tooddoc_desk.storage.errors import StoreError

if TYPE_CHECKING:
    from tooddoc_desk.calls.session import Session

log = logging.getLogger(__name__)


class ChatLines(Protocol):
    """Where the lines are kept (storage.chat_messages.ChatRepository)."""

    def add(self, consultation_id: str, message: ChatMessage) -> None: ...

    def messages(self, consultation_id: str) -> list[ChatMessage]: ...


class ChatNotSent(Exception):
    """A line that did not leave; `message` says why, to a person (the text stays with them)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class CallChat:
    def __init__(
        self,
        repository: ChatLines,
        *,
        gate: Gate,
        clock: Clock,
        session_of: Callable[[str], Session | None],
        emit: Callable[[ServiceEvent], None],
        audit: AuditTrail | None = None,
    ) -> None:
        self._repository = repository
        self._audit = audit
        self._gate = gate
        self._clock = clock
        self._session_of = session_of
        self._emit = emit
        self._unsaved: dict[str, list[ChatMessage]] = {}

    def lines(self, consultation_id: str) -> list[ChatMessage]:
        """The consultation's chat, oldest first (for practitioners: NotAllowed otherwise)."""
        user = self._gate.require(Permission.NOTES)
        kept = self._repository.messages(consultation_id)
        session = self._session_of(consultation_id)
        if self._audit is not None and (session is None or not session.admitted):
            self._audit.record(CHAT_OPENED, by=user, subject=consultation_id)
        return kept + list(self._unsaved.get(consultation_id, ()))

    async def send(self, consultation_id: str, text: str) -> ChatMessage:
        """Sends a line to the patient in the call, then keeps it. NotAllowed without
        RUN_CALLS; ChatNotSent (a sentence) for an empty or too long line, no call, or a
        lost hub connection: then nothing left and nothing is kept."""
        user = self._gate.require(Permission.RUN_CALLS)
        try:
            line = clean_chat_text(text)
        except ChatTextError as error:
            if error.problem is ChatTextProblem.EMPTY:
                raise ChatNotSent(CHAT_EMPTY) from None
            raise ChatNotSent(chat_too_long(MAX_CHAT_LENGTH, error.length)) from None
        session = self._session_of(consultation_id)
        if session is None or not session.admitted:
            raise ChatNotSent(CHAT_NO_CALL)
        try:
            await session.signal(CHAT_SIGNAL, line)
        except SessionStateError:
            raise ChatNotSent(CHAT_NO_CALL) from None
        except SignalingClosed:
            log.info("consultation %s: a chat line could not leave (no hub)", consultation_id)
            raise ChatNotSent(CHAT_HUB_LOST) from None
        message = ChatMessage(
            ChatSender.PRACTITIONER, self._clock.now(), line, None if user is None else user.id
        )
        self._keep(consultation_id, message)
        return message

    def received(self, consultation_id: str, data: str) -> None:
        """A `chat` signal from the patient's page: kept and announced. An empty or over-long
        one (the page refuses those) is dropped."""
        try:
            line = clean_chat_text(data)
        except ChatTextError as error:
            log.info("consultation %s: chat line dropped (%s)", consultation_id, error.problem)
            return
        self._keep(consultation_id, ChatMessage(ChatSender.PATIENT, self._clock.now(), line))

    def _keep(self, consultation_id: str, message: ChatMessage) -> None:
        waiting = self._unsaved.setdefault(consultation_id, [])
        waiting.append(message)
        try:
            while waiting:
                self._repository.add(consultation_id, waiting[0])
                waiting.pop(0)
        except StoreError as error:
            log.error(
                "consultation %s: chat line not stored (%s)", consultation_id, type(error).__name__
            )
            self._emit(Problem(CHAT_NOT_KEPT, consultation_id))
        if not waiting:
            del self._unsaved[consultation_id]
        log.debug("consultation %s: a chat line from the %s", consultation_id, message.sender)
        self._emit(ChatMessageAdded(consultation_id, message.sender))
