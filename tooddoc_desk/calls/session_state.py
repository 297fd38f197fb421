"""Where a Session stands, and the error of asking it something its state does not allow: light
enough for the services to import at start-up (the Session itself loads aiortc)."""

from __future__ import annotations

from enum import StrEnum


class SessionState(StrEnum):
    WAITING = "waiting"  # for the patient's offer
    PREPARED = "prepared"  # offer in, answer held (or being made)
    CONNECTING = "connecting"  # admitted, answer sent
    CONNECTED = "connected"
    ENDED = "ended"


class SessionStateError(RuntimeError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
