"""The chat of a call: short text messages between the practitioner and the patient.

A chat line travels as the call's `chat` signal (docs/hub-protocol.md, "Signals"), its data the
text. It is clinical content, as the notes are: kept with the consultation in the encrypted
store, shown to practitioners only, never written to a log nor to the CSV export (a message's
repr leaves its text out).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from tooddoc_desk.core.clock import require_aware

CHAT_SIGNAL = "chat"
MAX_CHAT_LENGTH = 2000  # characters (code points), once trimmed

# C0 and C1 controls but tab and newline, and the bidirectional overrides and isolates that
# would make a line read differently from what it says
_UNWANTED = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class ChatSender(StrEnum):
    PRACTITIONER = "practitioner"
    PATIENT = "patient"


class ChatTextProblem(StrEnum):
    EMPTY = "empty"
    TOO_LONG = "too_long"


class ChatTextError(ValueError):
    """A chat line that cannot be sent or kept; `length` is the cleaned text's length."""

    def __init__(self, problem: ChatTextProblem, length: int) -> None:
        super().__init__(f"chat text refused: {problem.value} ({length} characters)")
        self.problem = problem
        self.length = length


def clean_chat_text(text: str) -> str:
    """The line as it is sent and kept: control characters (but newlines and tabs) and direction
    overrides removed, Windows line ends made plain, trimmed. ChatTextError when nothing is left
    or it is longer than MAX_CHAT_LENGTH."""
    cleaned = _UNWANTED.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    if not cleaned:
        raise ChatTextError(ChatTextProblem.EMPTY, 0)
    if len(cleaned) > MAX_CHAT_LENGTH:
        raise ChatTextError(ChatTextProblem.TOO_LONG, len(cleaned))
    return cleaned


@dataclass(frozen=True)
class ChatMessage:
    """One line of a consultation's chat: who said it, when, and what (clean, see above).
    `author_id` is the user who wrote a practitioner's line (None for the patient's)."""

    sender: ChatSender
    at: datetime
    text: str = field(repr=False)
    author_id: str | None = None

    def __post_init__(self) -> None:
        require_aware(self.at)
        if clean_chat_text(self.text) != self.text:
            raise ValueError("a chat message holds its text as clean_chat_text() leaves it")
