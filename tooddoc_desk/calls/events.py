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

Set-up: CallSetupProgress comes once a second while the answer is being prepared (gathering
candidates, at most 2 s) or the connection is being made after admit(), from the first second
on; nothing if it is quicker.

Quality, during a call: CallQuality once a second (both ways: round trip, loss, jitter, bitrate,
frame rate, picture size, freezes so far), for the window's quality indicator. AudioOnlyStarted
when the network cannot carry video any more: the video pauses on both sides (the patient's page
says so too), the audio goes on; AudioOnlyEnded when it is back. At the end, CallEnded.summary
(also `Session.summary()`) holds a CallSummary for the consultation's record: averages, the worst
minute, reconnections, minutes in audio only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from tooddoc_desk.core.call_summary import CallSummary


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


class SetupStage(StrEnum):
    GATHERING = "gathering"  # the answer is being prepared: local network addresses (ICE)
    CONNECTING = "connecting"  # admitted: connectivity checks, then the encryption handshake


@dataclass(frozen=True)
class CallSetupProgress:
    """Set-up takes longer than a second: what it is doing, and for how long (seconds)."""

    stage: SetupStage
    seconds: float


class QualityHint(StrEnum):
    """What the window's indicator shows."""

    GOOD = "good"
    FAIR = "fair"  # the picture may stutter or blur
    POOR = "poor"  # video hardly usable (or audio only)


@dataclass(frozen=True)
class DirectionQuality:
    """One way of the call ("to the patient" or "from the patient") over the last second.

    None: not known (no report yet, or nothing of that kind flowing)."""

    round_trip_time: float | None  # seconds, of the path (the same both ways)
    packet_loss: float | None  # share of packets lost on first sending, 0.0 to 1.0
    jitter: float | None  # seconds: how irregularly the audio packets arrive
    bitrate_kbps: float  # everything sent that way (encrypted media and reports), kbit/s
    video_bitrate_kbps: float  # the video alone (payload), kbit/s
    frames_per_second: float | None  # video frames decoded on the receiving side
    width: int | None  # of the video picture last decoded
    height: int | None
    freezes: int | None  # since the call began (see freezes.py for what is a freeze)
    keyframe_requests: int  # since the call began: pictures the receiving side lost


@dataclass(frozen=True)
class CallQuality:
    """Once a second during a call. To the patient, frames, size and freezes are what the
    patient's page reports it decoded (None until it does: an older page says nothing)."""

    seconds: float  # since the call was first connected
    to_patient: DirectionQuality
    from_patient: DirectionQuality
    audio_only: bool  # the video is paused (see AudioOnlyStarted)
    video_target_kbps: float  # what the practitioner's video may use now
    hint: QualityHint


class AudioOnlyReason(StrEnum):
    TO_PATIENT = "to_patient"  # the patient's connection cannot receive video
    FROM_PATIENT = "from_patient"  # the patient's connection cannot send video


@dataclass(frozen=True)
class AudioOnlyStarted:
    """The network cannot carry video: it pauses both ways; the conversation goes on. Show a
    clear message instead of the video (the patient's page shows one too)."""

    reason: AudioOnlyReason


@dataclass(frozen=True)
class AudioOnlyEnded:
    """The video is back; `seconds` in audio only."""

    seconds: float


@dataclass(frozen=True)
class CallEnded:
    reason: EndReason
    detail: str = ""  # the hub's reason when it closed the room (hung_up, cancelled, expired)
    # the call's quality, for the record (None when no media ever flowed); not compared
    summary: CallSummary | None = field(default=None, compare=False)


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
    | CallSetupProgress
    | CallQuality
    | AudioOnlyStarted
    | AudioOnlyEnded
)
