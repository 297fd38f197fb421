"""The consultations whose room is open, and how the room's events move them along.

`LiveConsultations` holds what the consultation service keeps while it runs: the consultations
with a room still open, their practitioner sessions, its listeners. It follows each room (the
patient opens the link, waits, is in call, leaves) and writes every transition to the encrypted
store as it happens; `ConsultationService` (services/consultations.py) builds the flow on it.

Log lines name consultations by id only: never a contact, a link or a note.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING, Protocol

from tooddoc_desk.calls import events as call_events
from tooddoc_desk.core.call_summary import CallSummary
from tooddoc_desk.core.clock import Clock
from tooddoc_desk.core.consultation import Consultation, EndReason, State
from tooddoc_desk.core.language import Language
from tooddoc_desk.hub.client import HubError, RoomInvite
from tooddoc_desk.services.delivery import DeliveryService
from tooddoc_desk.services.events import (
    CallFinished,
    CallQualityChanged,
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
from tooddoc_desk.services.sentences import CALL_PROBLEMS
from tooddoc_desk.services.sessions import SessionOpener
from tooddoc_desk.storage.consultations import ConsultationRepository
from tooddoc_desk.storage.errors import StoreError

if TYPE_CHECKING:
    from tooddoc_desk.calls.session import Session

log = logging.getLogger(__name__)

Listener = Callable[[ServiceEvent], None]
PRE_CALL = (State.DRAFT, State.INVITED, State.OPENED, State.WAITING)


class Rooms(Protocol):
    async def create_room(
        self, practice_name: str, language: Language, ttl: timedelta | None = None
    ) -> RoomInvite: ...

    async def close_room(self, room_id: str) -> None: ...


class LiveConsultations:
    def __init__(
        self,
        repository: ConsultationRepository,
        *,
        rooms: Rooms,
        delivery: DeliveryService,
        open_session: SessionOpener | None,
        clock: Clock,
        practice_name: str,
    ) -> None:
        """`open_session` joins a room as the practitioner; None for a caller that only sends
        links (`tooddoc-desk invite` with a hosted hub: the app joins those rooms later)."""
        self._repository = repository
        self._rooms = rooms
        self._delivery = delivery
        self._open_session = open_session
        self._clock = clock
        self._practice_name = practice_name
        self._listeners: list[Listener] = []
        self._live: dict[str, Consultation] = {}  # consultations with a room still open
        self._sessions: dict[str, Session] = {}
        self._closing: set[asyncio.Task[None]] = set()  # rooms being closed after a call
        self._quality: dict[str, CallQualityChanged] = {}  # what the window was last told

    def set_practice_name(self, name: str) -> None:
        """The name patients see on their page and in their invite, from the next one on."""
        self._practice_name = name

    def use_hub(self, rooms: Rooms, open_session: SessionOpener | None) -> None:
        """Another hub, for the rooms to come (the first run chose it). Only while no room is
        open: the rooms of the hub left behind would be lost."""
        if self._live or self._sessions:
            raise RuntimeError("the hub changes only while no room is open")
        self._rooms = rooms
        self._open_session = open_session

    def open_rooms(self) -> list[Consultation]:
        """The consultations whose room is open on the hub in use (a call among them)."""
        return [copy_of(consultation) for consultation in self._live.values()]

    # --- listening -------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _emit(self, event: ServiceEvent) -> None:
        for listener in list(self._listeners):
            listener(event)

    def get(self, consultation_id: str) -> Consultation:
        live = self._live.get(consultation_id)
        return copy_of(live if live is not None else self._repository.get(consultation_id))

    # --- following the room ----------------------------------------------------------------

    def _follower(self, consultation_id: str) -> Callable[[call_events.SessionEvent], None]:
        return lambda event: self._on_call_event(consultation_id, event)

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
            case call_events.CallEnded(reason=reason, detail=detail, summary=summary):
                self._finish(consultation, reason, detail, summary)
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
            case call_events.CallQuality(hint=hint, audio_only=audio_only):
                shown = CallQualityChanged(consultation_id, hint, audio_only)
                if self._quality.get(consultation_id) != shown:
                    self._quality[consultation_id] = shown
                    self._emit(shown)
            case call_events.SecondDevice():
                log.info("consultation %s: the link was opened on a second device", consultation_id)
                self._emit(SecondDeviceWaiting(consultation_id))
            case call_events.SecondDeviceLeft():
                self._emit(SecondDeviceGone(consultation_id))
            case call_events.Error(code=code):
                log.warning("consultation %s: call engine reported %s", consultation_id, code)
                if code in CALL_PROBLEMS:
                    self._emit(Problem(CALL_PROBLEMS[code], consultation_id))
            case call_events.SignalReceived(type=kind, data=data):
                self._signal_received(consultation_id, kind, data)
            case _:
                pass

    def _signal_received(self, consultation_id: str, kind: str, data: str) -> None:
        """A signal from the patient's page (the consultation service takes the chat's)."""
        log.debug("consultation %s: a %r signal was ignored", consultation_id, kind)

    def _finish(
        self,
        consultation: Consultation,
        reason: call_events.EndReason,
        detail: str,
        summary: CallSummary | None,
    ) -> None:
        was_in_call = consultation.state is State.IN_CALL
        self._quality.pop(consultation.id, None)
        if was_in_call:
            self._move(consultation, State.ENDED, reason.value, summary)
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
        self._emit(CallFinished(consultation.id))  # over, or never connected: the view lets go

    # --- helpers ---------------------------------------------------------------------------

    def _move(
        self,
        consultation: Consultation,
        target: State,
        reason: str | None = None,
        call_quality: CallSummary | None = None,
    ) -> bool:
        """Moves and stores; with the call's quality when the move ends a call."""
        if not consultation.can_move_to(target):
            return False
        transition = consultation.move_to(target, self._clock.now(), reason)
        if call_quality is not None:
            consultation.call_quality = call_quality
        try:
            self._repository.record(consultation.id, transition, call_quality)
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
        self._emit(ConsultationChanged(copy_of(consultation)))

    def _forget(self, consultation_id: str) -> None:
        """Lets go of a consultation whose room is closed (or going): its invites that have not
        left are cancelled, since their link no longer works."""
        if consultation_id in self._sessions:
            return
        if self._live.pop(consultation_id, None) is not None:
            self._delivery.cancel_unsent(consultation_id)

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
# Session endings that leave the room open on the hub (no `bye` was said, the hub did not close
# it): the service closes it, so that the link ends with the consultation.
ROOM_LEFT_OPEN = frozenset({call_events.EndReason.NETWORK, call_events.EndReason.HUB_LOST})


def _pre_call_ending(reason: call_events.EndReason, detail: str) -> tuple[State, str]:
    if reason is call_events.EndReason.ROOM_CLOSED:
        return (State.EXPIRED, "expired") if detail == "expired" else (State.CANCELLED, detail)
    if reason is call_events.EndReason.PRACTITIONER_HUNG_UP:
        return State.CANCELLED, "cancelled"
    if reason is call_events.EndReason.PATIENT_HUNG_UP:
        return State.CANCELLED, EndReason.PATIENT_LEFT.value
    return State.FAILED, reason.value


def copy_of(consultation: Consultation) -> Consultation:
    """What leaves the service: a copy, without the notes (they are read through
    ConsultationService.notes, by whoever may)."""
    return replace(consultation, history=list(consultation.history), notes="")
