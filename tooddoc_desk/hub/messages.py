"""The websocket's messages: parsing what clients send, building what the hub sends.

Every frame is one JSON object with a `type`. `parse_message` turns a text frame into one of the
typed messages below or raises `ProtocolError`, whose `code` is what the client gets back.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from typing import Any

from tooddoc_desk.hub.rooms import CloseReason, Role

PROTOCOL_VERSION = 1
MAX_TOKEN_LENGTH = 200
MAX_CANDIDATE_LENGTH = 2048
MAX_MID_LENGTH = 64
MAX_SIGNAL_DATA_BYTES = 8 * 1024  # a signal's data, in UTF-8
SIGNAL_TYPE = re.compile(r"[A-Za-z0-9_~-]{1,128}")
DEVICE_ID = re.compile(r"[A-Za-z0-9_-]{16,128}")  # 128 random bits as hex, base64url or a UUID

JsonObject = dict[str, Any]


class ErrorCode(StrEnum):
    BAD_MESSAGE = "bad_message"  # binary, not JSON, not an object, a field missing or wrong
    UNKNOWN_TYPE = "unknown_type"  # no such type, or not one this role may send
    OUT_OF_ORDER = "out_of_order"  # a known message at the wrong moment
    NOT_ADMITTED = "not_admitted"  # the practitioner's answer or candidate before `admit`
    LIMIT_EXCEEDED = "limit_exceeded"  # too many candidates for one offer; a signal too long
    RATE_LIMITED = "rate_limited"  # over 50 messages a second, or too many failed hellos
    INVALID_LINK = "invalid_link"  # unknown, expired or ended token
    DEVICE_HELD = "device_held"  # a second device's message while the practitioner decides
    PAYMENT_REQUIRED = "payment_required"  # `join` before the room's pre-payment is paid
    UNSUPPORTED_VERSION = "unsupported_version"
    HELLO_TIMEOUT = "hello_timeout"


class CloseCode(IntEnum):
    """Websocket close codes the hub uses."""

    NORMAL = 1000  # the room was closed
    GOING_AWAY = 1001  # the hub is stopping
    POLICY = 1008  # the client does not read what it is sent
    TOO_BIG = 1009  # a message over the size limit
    PROTOCOL = 4400  # a malformed message, too many refused ones, or an unsupported version
    INVALID_LINK = 4401
    REFUSED = 4403  # the practitioner did not let this device in
    HELLO_TIMEOUT = 4408
    REPLACED = 4409  # replaced by a newer connection, or the room moved to another device
    RATE_LIMITED = 4429


CLOSE_REASONS: dict[int, str] = {  # the close frame's reason text, for people reading traces
    CloseCode.NORMAL: "closed",
    CloseCode.GOING_AWAY: "the hub is stopping",
    CloseCode.POLICY: "too many unread messages",
    CloseCode.PROTOCOL: "protocol error",
    CloseCode.INVALID_LINK: "invalid link",
    CloseCode.REFUSED: "device refused",
    CloseCode.HELLO_TIMEOUT: "no hello",
    CloseCode.REPLACED: "replaced",
    CloseCode.RATE_LIMITED: "rate limited",
}


class DeviceEnd(StrEnum):
    """`closed` reasons for one device while the room stays open (rooms.CloseReason: the room)."""

    MOVED = "moved"  # the practitioner let another device in
    REFUSED = "refused"  # the practitioner kept the first device


class ProtocolError(Exception):
    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Hello:
    role: Role
    token: str = field(repr=False)
    device: str | None = field(default=None, repr=False)  # the patient's device id, if given


@dataclass(frozen=True)
class Join:
    pass


@dataclass(frozen=True)
class Admit:
    pass


@dataclass(frozen=True)
class Bye:
    pass


@dataclass(frozen=True)
class DeviceDecision:
    """The practitioner's answer about the device the hub holds: let it in, or keep the first."""

    accept: bool


@dataclass(frozen=True)
class Description:
    """An `offer` or an `answer`."""

    type: str
    sdp: str


@dataclass(frozen=True)
class Candidate:
    """One ICE candidate, or the end of candidates (`candidate` is None)."""

    candidate: JsonObject | None


@dataclass(frozen=True)
class Signal:
    """A typed message between the practitioner and the admitted patient (a chat line, …): the
    hub passes it on without reading `data`, which may be health data (never in a repr)."""

    signal_type: str
    data: str = field(default="", repr=False)


Message = Hello | Join | Admit | Bye | DeviceDecision | Description | Candidate | Signal


def parse_message(text: str) -> Message:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):  # deep nesting overflows the parser's stack
        raise ProtocolError(ErrorCode.BAD_MESSAGE, "a message must be JSON") from None
    if not isinstance(data, dict):
        raise ProtocolError(ErrorCode.BAD_MESSAGE, "a message must be a JSON object")
    kind = data.get("type")
    if not isinstance(kind, str):
        raise ProtocolError(ErrorCode.BAD_MESSAGE, "a message needs a string `type`")
    parse = _PARSERS.get(kind)
    if parse is None:
        raise ProtocolError(ErrorCode.UNKNOWN_TYPE, "unknown message type")
    return parse(data)


def _is_text(value: str) -> bool:
    """Whether a string can be sent on: JSON lets a lone surrogate escape (\\ud800) through,
    which no websocket can carry (relaying it would break the recipient's connection)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _device_decision(data: JsonObject) -> DeviceDecision:
    accept = data.get("accept")
    if not isinstance(accept, bool):
        raise ProtocolError(ErrorCode.BAD_MESSAGE, "`device_decision` needs a boolean `accept`")
    return DeviceDecision(accept)


def _description(data: JsonObject) -> Description:
    kind, sdp = data["type"], data.get("sdp")
    if not isinstance(sdp, str) or not sdp or not _is_text(sdp):
        raise ProtocolError(ErrorCode.BAD_MESSAGE, f"`{kind}` needs a string `sdp`")
    return Description(kind, sdp)


def _candidate_message(data: JsonObject) -> Candidate:
    if "candidate" not in data:
        raise ProtocolError(ErrorCode.BAD_MESSAGE, "`candidate` needs a `candidate`")
    return Candidate(_candidate(data["candidate"]))


def _signal(data: JsonObject) -> Signal:
    kind, text = data.get("signal_type"), data.get("data", "")
    if not isinstance(kind, str) or not SIGNAL_TYPE.fullmatch(kind):
        raise ProtocolError(ErrorCode.BAD_MESSAGE, "`signal_type` is 1-128 of A-Z a-z 0-9 - _ ~")
    if not isinstance(text, str):
        raise ProtocolError(ErrorCode.BAD_MESSAGE, "a signal's `data` is a string")
    if not _is_text(text):
        raise ProtocolError(ErrorCode.BAD_MESSAGE, "a signal's `data` is not valid text")
    if len(text.encode("utf-8")) > MAX_SIGNAL_DATA_BYTES:
        raise ProtocolError(
            ErrorCode.LIMIT_EXCEEDED,
            f"a signal's `data` is at most {MAX_SIGNAL_DATA_BYTES} bytes in UTF-8",
        )
    return Signal(kind, text)


def _hello(data: JsonObject) -> Hello:
    version = data.get("v")
    if type(version) is not int:
        raise ProtocolError(ErrorCode.BAD_MESSAGE, "`hello` needs an integer `v`")
    if version != PROTOCOL_VERSION:
        raise ProtocolError(ErrorCode.UNSUPPORTED_VERSION, f"this hub speaks v{PROTOCOL_VERSION}")
    role = data.get("role")
    if role not in (Role.PATIENT.value, Role.PRACTITIONER.value):
        raise ProtocolError(ErrorCode.BAD_MESSAGE, "`role` is `patient` or `practitioner`")
    token = data.get("token")
    if not isinstance(token, str) or not 0 < len(token) <= MAX_TOKEN_LENGTH or not _is_text(token):
        raise ProtocolError(ErrorCode.BAD_MESSAGE, "`hello` needs a string `token`")
    device = data.get("device")
    if role == Role.PRACTITIONER.value:
        device = None  # the app has one connection per room: no device rule
    elif device is not None and (not isinstance(device, str) or not DEVICE_ID.fullmatch(device)):
        raise ProtocolError(ErrorCode.BAD_MESSAGE, "`device` is 16-128 of A-Z a-z 0-9 - _")
    return Hello(Role(role), token, device)


def _candidate(value: object) -> JsonObject | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ProtocolError(ErrorCode.BAD_MESSAGE, "`candidate` is an object or null")
    text = value.get("candidate")
    mid = value.get("sdpMid")
    index = value.get("sdpMLineIndex")
    fragment = value.get("usernameFragment")
    if not isinstance(text, str) or len(text) > MAX_CANDIDATE_LENGTH or not _is_text(text):
        raise ProtocolError(ErrorCode.BAD_MESSAGE, "`candidate.candidate` must be a string")
    if mid is not None and (
        not isinstance(mid, str) or len(mid) > MAX_MID_LENGTH or not _is_text(mid)
    ):
        raise ProtocolError(ErrorCode.BAD_MESSAGE, "`candidate.sdpMid` is a string or null")
    if index is not None and (type(index) is not int or not 0 <= index < 1024):
        raise ProtocolError(ErrorCode.BAD_MESSAGE, "`candidate.sdpMLineIndex` is an integer")
    if mid is None and index is None:
        raise ProtocolError(ErrorCode.BAD_MESSAGE, "`candidate` needs `sdpMid` or `sdpMLineIndex`")
    result: JsonObject = {"candidate": text, "sdpMid": mid, "sdpMLineIndex": index}
    if isinstance(fragment, str) and len(fragment) <= MAX_MID_LENGTH and _is_text(fragment):
        result["usernameFragment"] = fragment
    return result


_PARSERS: dict[str, Callable[[JsonObject], Message]] = {
    "hello": _hello,
    "join": lambda data: Join(),
    "admit": lambda data: Admit(),
    "bye": lambda data: Bye(),
    "device_decision": _device_decision,
    "offer": _description,
    "answer": _description,
    "candidate": _candidate_message,
    "signal": _signal,
}


def to_json(message: Message) -> JsonObject:
    """The message as relayed to the other side (fields normalised, nothing extra)."""
    match message:
        case Description(kind, sdp):
            return {"type": kind, "sdp": sdp}
        case Candidate(candidate):
            return {"type": "candidate", "candidate": candidate}
        case Signal(kind, data):
            return {"type": "signal", "signal_type": kind, "data": data}
    raise ValueError(f"{type(message).__name__} is not relayed as such")


def error(code: ErrorCode, message: str) -> JsonObject:
    return {"type": "error", "code": code.value, "message": message}


def event(kind: str, **fields: Any) -> JsonObject:
    return {"type": kind, **fields}


def closed(reason: CloseReason | DeviceEnd) -> JsonObject:
    return {"type": "closed", "reason": reason.value}


def encode(message: JsonObject) -> str:
    return json.dumps(message, ensure_ascii=False, separators=(",", ":"))
