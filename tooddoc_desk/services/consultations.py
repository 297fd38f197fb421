"""The consultation service: from the typed contact to the stored report.

It creates the consultation, opens its room on the hub, joins the room as the practitioner,
hands the invite to the sender, and follows the room's events to move the consultation through
its states, writing each transition to the encrypted store as it happens. The window listens to
its events; it never touches the hub, the calls or the store itself.

Log lines name consultations by id only: never a contact, a link or a note.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from typing import Protocol, TextIO

from tooddoc_desk.calls import events as call_events
from tooddoc_desk.calls.frames import Box, FrameSink, PcmHook
from tooddoc_desk.calls.session import Session, SessionStateError
from tooddoc_desk.calls.signaling import SignalingError
from tooddoc_desk.core.clock import Clock
from tooddoc_desk.core.consultation import Consultation, EndReason, State
from tooddoc_desk.core.contact import Contact
from tooddoc_desk.core.language import Language
from tooddoc_desk.hub.client import HubError, RoomInvite
from tooddoc_desk.messaging.sender import DeliveryError, Sender
from tooddoc_desk.messaging.templates import invitation
from tooddoc_desk.services.events import (
    CallFinished,
    CallReconnected,
    CallReconnecting,
    CallStarted,
    ConsultationChanged,
    PatientArrived,
    Problem,
    SecondDeviceGone,
    SecondDeviceWaiting,
    ServiceEvent,
)
from tooddoc_desk.services.sessions import SessionOpener
from tooddoc_desk.storage.consultations import ConsultationRepository
from tooddoc_desk.storage.errors import StoreError

log = logging.getLogger(__name__)

Listener = Callable[[ServiceEvent], None]
PRE_CALL = (State.DRAFT, State.INVITED, State.OPENED, State.WAITING)


@dataclass(frozen=True)
class CallOutputs:
    remote: FrameSink | None = None
    remote_box: Box | None = None
    self_view: FrameSink | None = None
    self_view_box: Box | None = None
    sound: PcmHook | None = None


class Rooms(Protocol):
    async def create_room(
        self, practice_name: str, language: Language, ttl: timedelta | None = None
    ) -> RoomInvite: ...

    async def close_room(self, room_id: str) -> None: ...


class ConsultationService:
    def __init__(
        self,
        repository: ConsultationRepository,
        *,
        rooms: Rooms,
        sender: Sender,
        open_session: SessionOpener,
        clock: Clock,
        practice_name: str,
    ) -> None:
        self._repository = repository
        self._rooms = rooms
        self._sender = sender
        self._open_session = open_session
        self._clock = clock
        self._practice_name = practice_name
        self._listeners: list[Listener] = []
        self._live: dict[str, Consultation] = {}  # consultations with a room still open
        self._sessions: dict[str, Session] = {}
        self._closing: set[asyncio.Task[None]] = set()  # rooms being closed after a call

    # --- listening -------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _emit(self, event: ServiceEvent) -> None:
        for listener in list(self._listeners):
            listener(event)

    # --- reading ---------------------------------------------------------------------------

    def today(self) -> list[Consultation]:
        start = datetime.combine(self._clock.now().astimezone().date(), time()).astimezone()
        return self._repository.list_between(start, start + timedelta(days=1))

    def history(self, limit: int = 500) -> list[Consultation]:
        return self._repository.list_recent(limit)

    def get(self, consultation_id: str) -> Consultation:
        live = self._live.get(consultation_id)
        return _copy(live) if live is not None else self._repository.get(consultation_id)

    async def export_csv(self, stream: TextIO) -> int:
        """Writes the history as CSV (off the event loop: a long history takes a while)."""
        return await asyncio.to_thread(self._repository.export_csv, stream)

    # --- the flow --------------------------------------------------------------------------

    async def invite(
        self, contact: Contact, language: Language, requested_at: datetime
    ) -> Consultation:
        """Creates the consultation and sends its link; on failure it ends up `failed` and a
        Problem says why. Returns the consultation as it stands."""
        consultation = Consultation(contact, language, requested_at, self._clock.now())
        self._repository.add(consultation)
        self._live[consultation.id] = consultation
        self._changed(consultation)
        log.info("consultation %s created (%s)", consultation.id, contact.channel)
        try:
            room = await self._rooms.create_room(self._practice_name, language)
        except HubError as error:
            log.warning("consultation %s: no room (%s)", consultation.id, type(error).__name__)
            self._fail(consultation, "hub_unavailable", HUB_DOWN)
            return _copy(consultation)
        consultation.room_id, consultation.link = room.room_id, room.patient_url
        self._repository.set_room(consultation.id, room.room_id, room.patient_url)
        try:
            session = await self._open_session(
                room.practitioner_token, lambda event: self._on_call_event(consultation.id, event)
            )
        except SignalingError as error:
            log.warning("consultation %s: no signaling (%s)", consultation.id, type(error).__name__)
            await self._close_room(consultation)
            self._fail(consultation, "hub_unavailable", HUB_DOWN)
            return _copy(consultation)
        self._sessions[consultation.id] = session
        message = invitation(
            consultation.id, contact, language, self._practice_name, room.patient_url
        )
        try:
            await self._sender.send(message)
        except DeliveryError as error:
            log.warning("consultation %s: invite not delivered", consultation.id)
            await self._end_session(consultation.id)
            await self._close_room(consultation)
            self._fail(consultation, "not_delivered", error.message)
            return _copy(consultation)
        if consultation.state is State.DRAFT:  # the patient may already have opened it
            self._move(consultation, State.INVITED)
        return _copy(consultation)

    async def admit(self, consultation_id: str) -> None:
        session = self._sessions.get(consultation_id)
        if session is None:
            self._emit(Problem("This patient is no longer waiting.", consultation_id))
            return
        busy = [cid for cid, c in self._live.items() if c.state is State.IN_CALL]
        if busy:
            self._emit(Problem("Finish the current call before admitting the next patient."))
            return
        try:
            await session.admit()
        except SessionStateError as error:
            log.info("consultation %s: admit refused (%s)", consultation_id, error.code)
            self._emit(Problem("This patient is no longer waiting.", consultation_id))

    async def decide_device(self, consultation_id: str, accept: bool) -> None:
        """The practitioner's answer to SecondDeviceWaiting: let the new device in (the room
        moves to it; the first device is told so) or keep the first one (the new one is
        refused)."""
        session = self._sessions.get(consultation_id)
        if session is None:
            return  # the consultation ended meanwhile: nothing is waiting any more
        try:
            await session.decide_device(accept)
        except SessionStateError as error:
            log.info("consultation %s: device decision refused (%s)", consultation_id, error.code)
            if error.code == "no_second_device":
                self._emit(Problem(DEVICE_GONE, consultation_id))
            return
        log.info(
            "consultation %s: second device %s",
            consultation_id,
            "let in" if accept else "refused",
        )

    async def hang_up(self, consultation_id: str) -> None:
        session = self._sessions.get(consultation_id)
        if session is not None:
            await session.hang_up()

    async def cancel(self, consultation_id: str) -> None:
        """Withdraws an invite that has not become a call: the link stops working."""
        consultation = self._live.get(consultation_id)
        if consultation is None or consultation.state not in PRE_CALL:
            return
        session = self._sessions.get(consultation_id)
        if session is not None:
            await session.hang_up()  # closes the room; the session's end cancels the consultation
        else:
            await self._close_room(consultation)
            self._move(consultation, State.CANCELLED, "cancelled")
            self._forget(consultation_id)

    def set_call_outputs(self, consultation_id: str, outputs: CallOutputs) -> None:
        """Where the patient's video, the practitioner's own picture and the patient's voice
        go; frames are scaled to the views' sizes off the event loop."""
        session = self._sessions.get(consultation_id)
        if session is not None:
            session.set_video_sink(outputs.remote, outputs.remote_box)
            session.publisher.set_preview_sink(outputs.self_view, outputs.self_view_box)
            session.set_audio_hook(outputs.sound)

    def session(self, consultation_id: str) -> Session | None:
        return self._sessions.get(consultation_id)

    # --- start and stop --------------------------------------------------------------------

    def recover_after_restart(self) -> None:
        """Consultations the last run left open: calls cut by a crash become `interrupted`;
        links whose room died with the embedded hub become `expired`."""
        now = self._clock.now()
        for consultation_id in self._repository.interrupt_open_calls(now):
            log.info("consultation %s was interrupted", consultation_id)
        for consultation in self._repository.list_between(now - timedelta(days=2), now):
            if consultation.state is State.DRAFT:
                self._move(consultation, State.FAILED, "app_closed")
            elif consultation.state in PRE_CALL:
                self._move(consultation, State.EXPIRED, "app_closed")

    async def close(self) -> None:
        """Ends every call and withdraws every waiting link (the embedded hub goes away)."""
        for consultation_id in list(self._sessions):
            consultation = self._live.get(consultation_id)
            if consultation is not None and consultation.state is State.IN_CALL:
                self._move(consultation, State.ENDED, EndReason.APP_CLOSED)
            elif consultation is not None and consultation.state in PRE_CALL:
                self._move(consultation, State.CANCELLED, EndReason.APP_CLOSED)
            await self._end_session(consultation_id, hang_up=True)
        if self._closing:
            await asyncio.wait(set(self._closing))

    # --- following the room ----------------------------------------------------------------

    def _on_call_event(self, consultation_id: str, event: call_events.SessionEvent) -> None:
        consultation = self._live.get(consultation_id)
        if consultation is None:
            return
        if consultation.state is State.DRAFT and not isinstance(event, call_events.CallEnded):
            self._move(consultation, State.INVITED)
        match event:
            case call_events.PatientOpened():
                self._move(consultation, State.OPENED)
            case call_events.PatientWaiting():
                self._move(consultation, State.OPENED)
                if self._move(consultation, State.WAITING):
                    self._emit(PatientArrived(consultation_id))
            case call_events.PatientLeft():
                self._move(consultation, State.OPENED, "left_waiting_room")
            case call_events.CallConnected():
                if self._move(consultation, State.IN_CALL):
                    self._emit(CallStarted(consultation_id))
            case call_events.CallEnded(reason=reason, detail=detail):
                self._finish(consultation, reason, detail)
            case _:
                self._report(consultation_id, event)

    def _report(self, consultation_id: str, event: call_events.SessionEvent) -> None:
        """Call events that change no state but that the window shows."""
        match event:
            case call_events.CallInterrupted():
                # the patient's page went away mid-call (a reload, a lost network); the engine
                # lets them back in when they return through the same link
                log.info("consultation %s: call interrupted", consultation_id)
            case call_events.CallReconnecting():
                self._emit(CallReconnecting(consultation_id))
            case call_events.CallReconnected():
                self._emit(CallReconnected(consultation_id))
            case call_events.SecondDevice():
                log.info("consultation %s: the link was opened on a second device", consultation_id)
                self._emit(SecondDeviceWaiting(consultation_id))
            case call_events.SecondDeviceLeft():
                self._emit(SecondDeviceGone(consultation_id))
            case call_events.Error(code=code):
                log.warning("consultation %s: call engine reported %s", consultation_id, code)
                if code in CALL_PROBLEMS:
                    self._emit(Problem(CALL_PROBLEMS[code], consultation_id))
            case _:
                pass

    def _finish(
        self, consultation: Consultation, reason: call_events.EndReason, detail: str
    ) -> None:
        was_in_call = consultation.state is State.IN_CALL
        if was_in_call:
            self._move(consultation, State.ENDED, reason.value)
        elif consultation.state in PRE_CALL and reason is not call_events.EndReason.APP_CLOSED:
            # (a session closed by this service: the caller decides the consultation's state)
            target, why = _pre_call_ending(reason, detail)
            self._move(consultation, target, why)
        self._sessions.pop(consultation.id, None)
        self._forget(consultation.id)
        if reason in ROOM_LEFT_OPEN:
            # no bye closed the room: the link must stop working with the consultation
            task = asyncio.ensure_future(self._close_room(consultation))
            self._closing.add(task)
            task.add_done_callback(self._closing.discard)
        if was_in_call:
            self._emit(CallFinished(consultation.id))

    # --- helpers ---------------------------------------------------------------------------

    def _move(self, consultation: Consultation, target: State, reason: str | None = None) -> bool:
        if not consultation.can_move_to(target):
            return False
        transition = consultation.move_to(target, self._clock.now(), reason)
        try:
            self._repository.record(consultation.id, transition)
        except StoreError as error:
            log.error("consultation %s: transition not stored (%s)", consultation.id, error)
            self._emit(Problem(f"The consultation could not be saved: {error.message}"))
        self._changed(consultation)
        return True

    def _fail(self, consultation: Consultation, reason: str, message: str) -> None:
        self._move(consultation, State.FAILED, reason)
        self._forget(consultation.id)
        self._emit(Problem(message, consultation.id))

    def _changed(self, consultation: Consultation) -> None:
        self._emit(ConsultationChanged(_copy(consultation)))

    def _forget(self, consultation_id: str) -> None:
        if consultation_id not in self._sessions:
            self._live.pop(consultation_id, None)

    async def _end_session(self, consultation_id: str, hang_up: bool = False) -> None:
        session = self._sessions.pop(consultation_id, None)
        if session is not None:
            await (session.hang_up() if hang_up else session.close())
        self._forget(consultation_id)

    async def _close_room(self, consultation: Consultation) -> None:
        if consultation.room_id is None:
            return
        try:
            await self._rooms.close_room(consultation.room_id)
        except HubError as error:
            log.warning("consultation %s: room not closed (%s)", consultation.id, error)


# Session endings that leave the room open on the hub (no `bye` was said, the hub did not close
# it): the service closes it, so that the link ends with the consultation.
ROOM_LEFT_OPEN = frozenset({call_events.EndReason.NETWORK, call_events.EndReason.HUB_LOST})


DEVICE_GONE = "The other device has gone away: the patient stays on the first one."


HUB_DOWN = (
    "The consultation service did not answer, so no link was sent. "
    "Try again in a moment; if it keeps failing, restart the app."
)


_CANNOT_TAKE = (
    "The patient's browser asked for a call this app cannot take. Ask the patient to reload "
    "the page, or to open the link in Chrome, Safari, Firefox or Edge."
)
CALL_PROBLEMS = {
    "bad_offer": _CANNOT_TAKE,
    "answer_failed": _CANNOT_TAKE,
    "hub_lost": (
        "The connection to the consultation service was lost. A call in progress goes on, but "
        "a patient who drops out cannot come back through the link."
    ),
}


def _pre_call_ending(reason: call_events.EndReason, detail: str) -> tuple[State, str]:
    if reason is call_events.EndReason.ROOM_CLOSED:
        return (State.EXPIRED, "expired") if detail == "expired" else (State.CANCELLED, detail)
    if reason is call_events.EndReason.PRACTITIONER_HUNG_UP:
        return State.CANCELLED, "cancelled"
    if reason is call_events.EndReason.PATIENT_HUNG_UP:
        return State.CANCELLED, EndReason.PATIENT_LEFT.value
    return State.FAILED, reason.value


def _copy(consultation: Consultation) -> Consultation:
    return replace(consultation, history=list(consultation.history))
