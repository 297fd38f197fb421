"""Typed messages between the two sides of a call (chat, mute requests, …).

A signal has a type (1–128 characters of A-Z a-z 0-9 - _ ~) and data (text, at most 8 KB in
UTF-8). On the hub's websocket it travels as
`{"type": "signal", "signal_type": "<type>", "data": "<data>"}`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from tooddoc_desk.calls.signaling import Message

MAX_TYPE_LENGTH = 128
MAX_DATA_BYTES = 8 * 1024
_TYPE = re.compile(r"[A-Za-z0-9\-_~]{1,128}")


class SignalErrorCode(StrEnum):
    INVALID_TYPE = "invalid_type"
    INVALID_DATA = "invalid_data"
    DATA_TOO_LONG = "data_too_long"


class SignalError(ValueError):
    def __init__(self, code: SignalErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Signal:
    type: str
    data: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.type, str) or not _TYPE.fullmatch(self.type):
            raise SignalError(
                SignalErrorCode.INVALID_TYPE,
                f"a signal type is 1 to {MAX_TYPE_LENGTH} characters of A-Z, a-z, 0-9, -, _, ~",
            )
        if not isinstance(self.data, str):
            raise SignalError(SignalErrorCode.INVALID_DATA, "a signal's data is text")
        try:
            size = len(self.data.encode("utf-8"))
        except UnicodeEncodeError:
            raise SignalError(
                SignalErrorCode.INVALID_DATA, "a signal's data is not valid text"
            ) from None
        if size > MAX_DATA_BYTES:
            raise SignalError(
                SignalErrorCode.DATA_TOO_LONG,
                f"a signal's data is at most {MAX_DATA_BYTES} bytes (this one: {size})",
            )

    def to_message(self) -> Message:
        return {"type": "signal", "signal_type": self.type, "data": self.data}

    @classmethod
    def from_message(cls, message: Message) -> Signal:
        kind, data = message.get("signal_type"), message.get("data", "")
        if not isinstance(kind, str):
            raise SignalError(SignalErrorCode.INVALID_TYPE, "a signal needs a type")
        if not isinstance(data, str):
            raise SignalError(SignalErrorCode.INVALID_DATA, "a signal's data is text")
        return cls(kind, data)
