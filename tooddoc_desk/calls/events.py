"""What a Session tells its owner, as values: one callback receives a `SessionEvent`.

Order within one room: PatientOpened → PatientWaiting → CallPrepared → (admit) CallConnecting
→ CallConnected → StreamCreated(video/audio) … StreamDestroyed → CallEnded. PatientLeft may
come at any time (the patient closed the page; they may come back through the same link).
CallInterrupted: the patient's side closed the media connection without hanging up; if they
come back (PatientWaiting, a new offer) they are let in again at once and CallConnecting →
CallConnected follow. CallReconnecting: the admitted patient's media stopped (the network) or
their page is making a new connection; CallReconnected follows when media flows again (or
CallEnded(NETWORK) if the page never comes back). SecondDevice: the link was opened on another
device; `Session.decide_device` answers, unless SecondDeviceLeft came first (the question no
longer stands). CallEnded is always the last event of a Session.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class EndReason(StrEnum):
    """Why a Session ended (a superset of core.consultation.EndReason's call endings)."""

    PATIENT_HUNG_UP = "patient_hung_up"
    PRACTITIONER_HUNG_UP = "practitioner_hung_up"
    NETWORK = "network"  # the peer connection failed (ICE/DTLS, consent lost)
    ROOM_CLOSED = "room_closed"  # the hub closed the room: cancelled or expired
    HUB_LOST = "hub_lost"  # the hub connection dropped before the call could be made
    APP_CLOSED = "app_closed"  # Session.close() without hanging up


class StreamKind(StrEnum):
    AUDIO = "audio"
    VIDEO = "video"


@dataclass(frozen=True)
class PatientOpened:
    """The patient opened the link (said hello to the hub)."""


@dataclass(frozen=True)
class PatientWaiting:
    """The patient is in the waiting room."""


@dataclass(frozen=True)
class PatientLeft:
    """The patient's page went away (the room stays open; they may come back)."""


@dataclass(frozen=True)
class CallPrepared:
    """The patient's offer is in and the answer is ready: admit() releases it at once."""

    prepare_seconds: float


@dataclass(frozen=True)
class CallConnecting:
    """admit() sent the answer; connectivity checks and DTLS are under way."""


@dataclass(frozen=True)
class CallConnected:
    """Media can flow. `since_admit`: seconds from admit() to now."""

    since_admit: float


@dataclass(frozen=True)
class CallInterrupted:
    """The patient's side closed the connection without a bye; waiting for them to return."""


@dataclass(frozen=True)
class CallReconnecting:
    """The patient's media stopped coming, or their page is making a new connection."""


@dataclass(frozen=True)
class CallReconnected:
    """Media flows again after CallReconnecting; `seconds`: how long since CallReconnecting."""

    seconds: float


@dataclass(frozen=True)
class SecondDevice:
    """The patient's link was opened on another device, which waits for the practice's
    decision (`Session.decide_device`): accepted, the consultation moves there; refused, that
    device is turned away."""


@dataclass(frozen=True)
class SecondDeviceLeft:
    """The other device went away before the practice decided: nothing to decide any more."""


@dataclass(frozen=True)
class StreamCreated:
    """The first frame of the patient's audio or video arrived."""

    kind: StreamKind
    stream_id: str


@dataclass(frozen=True)
class StreamDestroyed:
    kind: StreamKind
    stream_id: str


@dataclass(frozen=True)
class CallEnded:
    reason: EndReason
    detail: str = ""  # the hub's reason when it closed the room (hung_up, cancelled, expired)


@dataclass(frozen=True)
class SignalReceived:
    type: str
    data: str


@dataclass(frozen=True)
class Error:
    """Something went wrong that does not end the Session by itself."""

    code: str
    message: str


SessionEvent = (
    PatientOpened
    | PatientWaiting
    | PatientLeft
    | CallPrepared
    | CallConnecting
    | CallConnected
    | CallInterrupted
    | CallReconnecting
    | CallReconnected
    | SecondDevice
    | SecondDeviceLeft
    | StreamCreated
    | StreamDestroyed
    | CallEnded
    | SignalReceived
    | Error
)
