"""The call engine on aiortc: signaling, local media, the practitioner's session, remote frames.

Qt-free: the UI's adapter turns `RgbFrame`s into QImages and `PcmChunk`s into sound.
"""

from tooddoc_desk.calls.events import (
    CallConnected,
    CallConnecting,
    CallEnded,
    CallInterrupted,
    CallPrepared,
    CallReconnected,
    CallReconnecting,
    EndReason,
    Error,
    PatientLeft,
    PatientOpened,
    PatientWaiting,
    SecondDevice,
    SecondDeviceLeft,
    SessionEvent,
    SignalReceived,
    StreamCreated,
    StreamDestroyed,
    StreamKind,
)
from tooddoc_desk.calls.frames import AudioSubscriber, FrameSink, PcmChunk, RgbFrame, Subscriber
from tooddoc_desk.calls.hub_signaling import (
    HubProtocolError,
    HubRefused,
    HubSignaling,
    HubUnreachable,
    IceServer,
    InvalidLink,
    Welcome,
)
from tooddoc_desk.calls.publisher import Publisher
from tooddoc_desk.calls.session import Session, SessionState, SessionStateError
from tooddoc_desk.calls.signaling import (
    MemorySignaling,
    Signaling,
    SignalingClosed,
    SignalingError,
    memory_pair,
)
from tooddoc_desk.calls.signals import SignalError, SignalErrorCode
from tooddoc_desk.calls.stats import CallStats

__all__ = [
    "AudioSubscriber",
    "CallConnected",
    "CallConnecting",
    "CallEnded",
    "CallInterrupted",
    "CallPrepared",
    "CallReconnected",
    "CallReconnecting",
    "CallStats",
    "EndReason",
    "Error",
    "FrameSink",
    "HubProtocolError",
    "HubRefused",
    "HubSignaling",
    "HubUnreachable",
    "IceServer",
    "InvalidLink",
    "MemorySignaling",
    "PatientLeft",
    "PatientOpened",
    "PatientWaiting",
    "PcmChunk",
    "Publisher",
    "RgbFrame",
    "SecondDevice",
    "SecondDeviceLeft",
    "Session",
    "SessionEvent",
    "SessionState",
    "SessionStateError",
    "SignalError",
    "SignalErrorCode",
    "SignalReceived",
    "Signaling",
    "SignalingClosed",
    "SignalingError",
    "StreamCreated",
    "StreamDestroyed",
    "StreamKind",
    "Subscriber",
    "Welcome",
    "memory_pair",
]
