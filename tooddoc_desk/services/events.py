"""What the services tell the window, as values: one listener receives a `ServiceEvent`."""

from __future__ import annotations

from dataclasses import dataclass

from tooddoc_desk.calls.events import QualityHint
from tooddoc_desk.core.chat import ChatSender
from tooddoc_desk.core.consultation import Consultation
from tooddoc_desk.core.delivery import Invite


@dataclass(frozen=True)
class ConsultationChanged:
    """A consultation was created or moved to another state; `consultation` is its copy."""

    consultation: Consultation


@dataclass(frozen=True)
class InviteChanged:
    """A consultation's invite was written to the outbox or moved on its way (pending, sending,
    sent, delivered, failed, unknown, cancelled): `invite` as it now stands."""

    invite: Invite


@dataclass(frozen=True)
class PatientArrived:
    """A patient entered the waiting room: time to notify the practitioner."""

    consultation_id: str


@dataclass(frozen=True)
class SecondDeviceWaiting:
    """The link was opened on another device, which waits: the practitioner lets it in or keeps
    the first one (`ConsultationService.decide_device`)."""

    consultation_id: str


@dataclass(frozen=True)
class SecondDeviceGone:
    """The other device went away before the practitioner decided: the question is withdrawn."""

    consultation_id: str


@dataclass(frozen=True)
class CallReconnecting:
    """The patient's media stopped coming; their page is reconnecting by itself."""

    consultation_id: str


@dataclass(frozen=True)
class CallReconnected:
    consultation_id: str


@dataclass(frozen=True)
class CallQualityChanged:
    """The call's quality hint or its audio-only state changed (told on change only)."""

    consultation_id: str
    hint: QualityHint
    audio_only: bool  # the network cannot carry video: it is paused both ways


@dataclass(frozen=True)
class CallStarted:
    consultation_id: str


@dataclass(frozen=True)
class CallFinished:
    """The consultation's session is over: its call ended, or ended before it connected (the
    patient left or hung up after being admitted)."""

    consultation_id: str


@dataclass(frozen=True)
class ChatMessageAdded:
    """A line was added to a call's chat. The text is not in the event (it is clinical
    content): whoever may read it asks `ConsultationService.chat.lines`."""

    consultation_id: str
    sender: ChatSender


@dataclass(frozen=True)
class Problem:
    """Something the person at the desk must know, in their words."""

    message: str
    consultation_id: str | None = None


ServiceEvent = (
    ConsultationChanged
    | InviteChanged
    | PatientArrived
    | SecondDeviceWaiting
    | SecondDeviceGone
    | CallReconnecting
    | CallReconnected
    | CallQualityChanged
    | CallStarted
    | CallFinished
    | ChatMessageAdded
    | Problem
)
