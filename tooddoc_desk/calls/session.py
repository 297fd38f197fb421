"""The practitioner's side of one room: waiting room, admission, the call, the end.

    session = Session(signaling, welcome.ice_servers, publisher, on_event)
    session.start()          # reads the hub's messages, raises SessionEvents
    await session.admit()    # when the practitioner clicks Admit
    await session.hang_up()  # or the patient hangs up: CallEnded is the last event

Nothing is sent to the patient before admit(): the patient's offer and trickled candidates are
taken in as they come and the answer is prepared (peer.py); admit() sends `admit`, then releases
the answer. The Session owns the signaling and the publisher it is given and closes both at the
end. Everything runs on the caller's event loop; nothing here blocks it.

How a call ends: the patient's `bye` → PATIENT_HUNG_UP; hang_up() → PRACTITIONER_HUNG_UP (says
`bye`, which closes the room); the hub's `closed` → ROOM_CLOSED; the connection failing while
the patient is still on the hub, who then makes no new one within RECONNECT_SECONDS → NETWORK.
A connection lost after the patient left the hub (a reloaded page, a closed tab) does not end the
Session: CallInterrupted, and a patient who comes back through the link is let in again. Losing
the hub during a call leaves the call running.

Reconnection is the patient page's to start (aiortc cannot restart ICE): when the network comes
back it sends a new offer, over the same socket (answered at once: the hub still has the patient
admitted) or over a new one (a new patient session for the hub, who is let in again). Here a
stall of the patient's media (liveness.py), a new offer during the call, or a failed connection
raise CallReconnecting; the new connection's first frame raises CallReconnected.

One device per link: the hub says `second_device` when the link is opened elsewhere (SecondDevice),
`second_device_left` when that device went away first (SecondDeviceLeft); decide_device() answers.
Accepting lets the current device go as if the patient had left, once the hub confirms the move
(its `patient_opened` for the new device; the held device may have left before the hub read the
decision, and then nothing changes): the new device enters the waiting room and, if the call had
begun, is let in again on its offer.

Quality (tuner.py): once a second during the call, CallQuality; the video adapts to the network
and pauses (AudioOnlyStarted) when it cannot carry it; `summary()` (and CallEnded.summary) sums
the call up for the consultation's record. Set-up slower than a second says so
(CallSetupProgress), while gathering (bounded to 2 s) and while connecting.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Coroutine, Sequence
from typing import Any

from tooddoc_desk.calls import events as ev
from tooddoc_desk.calls.frame_types import Box, FrameSink, PcmHook
from tooddoc_desk.calls.frames import AudioSubscriber, Subscriber
from tooddoc_desk.calls.hub_signaling import IceServer
from tooddoc_desk.calls.liveness import MediaWatch
from tooddoc_desk.calls.peer import PreparedPeer, StreamEvent, parse_candidate
from tooddoc_desk.calls.publisher import Publisher
from tooddoc_desk.calls.session_state import SessionState, SessionStateError
from tooddoc_desk.calls.signaling import Message, Signaling, SignalingClosed
from tooddoc_desk.calls.signals import Signal
from tooddoc_desk.calls.stats import CallStats, collect_stats
from tooddoc_desk.calls.tuner import CallTuner
from tooddoc_desk.core.call_summary import CallSummary

log = logging.getLogger(__name__)

# How long a lost connection waits for the patient's `bye` (which tells a hang-up from a lost
# connection) and for the hub's `patient_left` (which tells a page gone from a network down).
BYE_GRACE_SECONDS = 1.0
# How long a patient still on the hub has to make a new connection after theirs failed.
RECONNECT_SECONDS = 30.0
# Set-up slower than this is reported (CallSetupProgress), then again every as long.
PROGRESS_SECONDS = 1.0


class Session:
    def __init__(
        self,
        signaling: Signaling,
        ice_servers: Sequence[IceServer],
        publisher: Publisher,
        on_event: Callable[[ev.SessionEvent], None],
        *,
        video_sink: FrameSink | None = None,
        audio_hook: PcmHook | None = None,
        already_admitted: bool = False,
    ) -> None:
        self._signaling = signaling
        self._ice_servers = tuple(ice_servers)
        self.publisher = publisher
        self._on_event = on_event
        self._video_sink = video_sink
        self._video_box: Box | None = None
        self._audio_hook = audio_hook
        self.state = SessionState.WAITING
        self.patient_present = False
        self.patient_waiting = already_admitted
        self.admitted = already_admitted
        self._waiting_again = False  # the hub put the patient back in the waiting room
        self.peer: PreparedPeer | None = None
        self._lost: PreparedPeer | None = None  # the peer whose connection was lost
        self._watch: asyncio.Task[None] | None = None  # the current peer's MediaWatch
        self._reconnecting_since: float | None = None
        self.device_pending = False  # a second device waits for decide_device()
        self._device_moving = False  # accepted: the hub's next patient_opened is the new device
        self._streams: dict[ev.StreamKind, str] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self._receiver: asyncio.Task[None] | None = None
        self._bye = asyncio.Event()
        self._ended = asyncio.Event()
        self.prepared_at: float | None = None
        self.admitted_at: float | None = None
        self.connected_at: float | None = None
        self._tuner = CallTuner(self._emit)
        self._tuning: asyncio.Task[None] | None = None

    # -- the owner's side ---------------------------------------------------------------------

    def start(self) -> None:
        """Starts reading the hub's messages (on the running loop)."""
        if self._receiver is None:
            self._receiver = asyncio.ensure_future(self._receive_loop())

    async def admit(self) -> None:
        """Lets the waiting patient in: sends `admit`, then the prepared answer."""
        self._require_live()
        if self.admitted:
            return
        if not self.patient_waiting:
            raise SessionStateError("not_waiting", "the patient is not in the waiting room")
        self.admitted = True
        self.admitted_at = time.monotonic()
        self._waiting_again = False
        await self._send({"type": "admit"})
        peer = self.peer
        if peer is not None and self.prepared_at is not None:
            await self._release(peer)

    async def decide_device(self, accept: bool) -> None:
        """Answers SecondDevice: True moves the consultation to the new device, False turns it
        away. Raises SessionStateError when no second device is waiting."""
        self._require_live()
        if not self.device_pending:
            raise SessionStateError("no_second_device", "no other device is waiting")
        self.device_pending = False
        self._device_moving = bool(accept)
        await self._send({"type": "device_decision", "accept": bool(accept)})

    async def hang_up(self) -> None:
        """Says `bye` (closing the room) and ends the call; idempotent."""
        await self._end(ev.EndReason.PRACTITIONER_HUNG_UP, say_bye=True)

    async def close(self) -> None:
        """Ends the Session without closing the room (the app is closing); idempotent."""
        await self._end(ev.EndReason.APP_CLOSED)

    async def signal(self, type: str, data: str = "") -> None:
        """Sends a typed message to the patient; raises SignalError for an invalid one, and
        SignalingClosed when the hub connection is gone (the message did not leave: a chat
        line must not look sent)."""
        message = Signal(type, data).to_message()
        self._require_live()
        if not self.admitted:
            raise SessionStateError("not_admitted", "nothing reaches the patient before admission")
        await self._signaling.send(message)

    async def wait_ended(self) -> None:
        await self._ended.wait()

    @property
    def video(self) -> Subscriber | None:
        """The patient's video in the current peer connection, if any."""
        return self.peer.video if self.peer is not None else None

    @property
    def audio(self) -> AudioSubscriber | None:
        return self.peer.audio if self.peer is not None else None

    def set_video_sink(self, sink: FrameSink | None, box: Box | None = None) -> None:
        """Where the patient's frames go, scaled off the loop to fit `box` if given."""
        self._video_sink, self._video_box = sink, box
        if self.peer is not None:
            self.peer.set_video_sink(sink, box)

    def set_audio_hook(self, hook: PcmHook | None) -> None:
        self._audio_hook = hook
        if self.peer is not None:
            self.peer.set_audio_hook(hook)

    def quality(self) -> ev.CallQuality | None:
        """The last second's CallQuality (None before the call's first full second)."""
        return self._tuner.latest

    def summary(self) -> CallSummary | None:
        """The call's quality so far, for the record (None before any media flowed)."""
        return self._tuner.call_summary()

    async def stats(self) -> CallStats:
        """Frames, bytes and times of the call so far (see stats.py)."""
        return await collect_stats(
            self.publisher,
            self.peer,
            prepared_at=self.prepared_at,
            admitted_at=self.admitted_at,
            connected_at=self.connected_at,
        )

    # -- the hub's side -----------------------------------------------------------------------

    async def _receive_loop(self) -> None:
        while self.state is not SessionState.ENDED:
            message = await self._signaling.receive()
            if message is None:
                await self._signaling_lost()
                return
            try:
                await self._handle(message)
            except Exception as error:
                log.exception("could not handle a %r message", message.get("type"))
                self._emit(ev.Error("internal", f"could not handle a hub message: {error}"))

    async def _handle(self, message: Message) -> None:
        kind = message.get("type")
        if kind == "patient_opened":
            await self._patient_opened()
        elif kind == "patient_waiting":
            self.patient_present = self.patient_waiting = True
            self._waiting_again = self.admitted
            self._emit(ev.PatientWaiting())
        elif kind == "patient_left":
            await self._patient_left()
        elif kind == "offer":
            self._offer(message.get("sdp"))
        elif kind == "candidate":
            self._candidate(message.get("candidate"))
        elif kind == "bye":
            self._bye.set()
            await self._end(ev.EndReason.PATIENT_HUNG_UP)
        elif kind == "closed":
            await self._end(ev.EndReason.ROOM_CLOSED, detail=str(message.get("reason", "")))
        elif kind == "signal":
            self._signal_received(message)
        elif kind in ("second_device", "second_device_left"):
            self._second_device(held=kind == "second_device")
        elif kind == "error":
            self._emit(
                ev.Error(str(message.get("code", "hub_error")), str(message.get("message", "")))
            )
        else:
            log.debug("ignored a hub message of type %r", kind)

    async def _patient_opened(self) -> None:
        self.patient_present = True
        if self._device_moving:  # the device let in: the previous one's session is over
            self._device_moving = False
            await self._device_moved()
        self._emit(ev.PatientOpened())

    def _second_device(self, *, held: bool) -> None:
        """Another device waits for a decision, or went away before one."""
        self.device_pending = held
        if held:
            self._emit(ev.SecondDevice())
        else:
            self._device_moving = False  # a decision that crossed this on its way is ignored
            self._emit(ev.SecondDeviceLeft())

    async def _patient_left(self) -> None:
        self.patient_present = self.patient_waiting = False
        if not self.admitted and self.peer is not None:
            await self._drop_peer()  # they will send a new offer if they come back
            self.state = SessionState.WAITING
        self._emit(ev.PatientLeft())

    def _offer(self, sdp: object) -> None:
        if not isinstance(sdp, str) or not sdp:
            self._emit(ev.Error("bad_offer", "the patient's offer has no SDP"))
            return
        self.patient_present = self.patient_waiting = True
        if self.state is SessionState.CONNECTED:
            self._begin_reconnecting()  # the patient's page makes a new connection
        old = self._detach_peer()  # a patient who reloaded the page offers again
        # the new peer exists before the next message: the candidates that follow are its own
        peer = PreparedPeer(
            self._ice_servers,
            self.publisher,
            on_state=self._peer_state,
            on_stream=self._stream,
            video_sink=self._video_sink,
            audio_hook=self._audio_hook,
        )
        peer.set_video_sink(self._video_sink, self._video_box)
        self.peer, self.state, self.prepared_at = peer, SessionState.PREPARED, None
        self._tuner.follow(peer)
        self._spawn(self._prepare(peer, sdp, old))

    def _candidate(self, payload: Any) -> None:
        try:
            candidate = parse_candidate(payload)
        except ValueError as error:
            self._emit(ev.Error("bad_candidate", str(error)))
            return
        if self.peer is None:
            log.debug("a candidate came before any offer: ignored")
            return
        self.peer.add_candidate(candidate)

    def _signal_received(self, message: Message) -> None:
        try:
            signal = Signal.from_message(message)
        except ValueError as error:
            self._emit(ev.Error("bad_signal", str(error)))
            return
        self._emit(ev.SignalReceived(signal.type, signal.data))

    async def _signaling_lost(self) -> None:
        if self.state is SessionState.ENDED:
            return
        if self.state is SessionState.CONNECTED:
            # media is peer to peer: the call goes on without the hub
            self._emit(ev.Error("hub_lost", "the connection to the hub was lost"))
            return
        await self._end(ev.EndReason.HUB_LOST)

    # -- the peer connection ------------------------------------------------------------------

    async def _prepare(self, peer: PreparedPeer, sdp: str, old: PreparedPeer | None) -> None:
        if old is not None:
            await old.close()  # before its tracks are added to the new one
        started = time.monotonic()
        self._report_progress(
            ev.SetupStage.GATHERING, started, lambda: peer is self.peer and self.prepared_at is None
        )
        try:
            await self.publisher.start()
            await peer.prepare(sdp)
        except Exception as error:
            if peer is self.peer and self.state is not SessionState.ENDED:
                log.warning("could not prepare an answer: %s", error)
                self._detach_peer()
                self.state = SessionState.WAITING
                self._emit(
                    ev.Error("bad_offer", f"the patient's offer cannot be answered: {error}")
                )
                await peer.close()
            return
        if peer is not self.peer or self.state is SessionState.ENDED:
            return
        self.prepared_at = time.monotonic()
        self._emit(ev.CallPrepared(self.prepared_at - started))
        if self.admitted:
            if self._waiting_again:  # the patient came back: let them in again
                self._waiting_again = False
                self.admitted_at = time.monotonic()
                await self._send({"type": "admit"})
            await self._release(peer)

    async def _release(self, peer: PreparedPeer) -> None:
        if peer.released:
            return
        try:
            sdp = await peer.release()
        except Exception as error:  # closed meanwhile (hang-up, a new offer), or aiortc refused
            if peer is self.peer and self.state is not SessionState.ENDED:
                log.warning("could not set the answer: %s", error)
                self._emit(ev.Error("answer_failed", f"the answer could not be used: {error}"))
            return
        if peer is not self.peer or self.state is SessionState.ENDED:
            return
        self.state = SessionState.CONNECTING
        await self._send({"type": "answer", "sdp": sdp})
        self._emit(ev.CallConnecting())
        self._report_progress(
            ev.SetupStage.CONNECTING,
            time.monotonic(),
            lambda: peer is self.peer and self.state is SessionState.CONNECTING,
        )

    def _stream(self, peer: PreparedPeer, event: StreamEvent) -> None:
        if peer is not self.peer or self.state is SessionState.ENDED:
            return
        if isinstance(event, ev.StreamCreated):
            self._streams[event.kind] = event.stream_id
            self._emit(event)
            self._end_reconnecting()
        elif self._streams.get(event.kind) == event.stream_id:
            del self._streams[event.kind]
            self._emit(event)

    def _peer_state(self, peer: PreparedPeer, state: str) -> None:
        if peer is not self.peer or self.state is SessionState.ENDED:
            return  # a peer being dropped (the patient came back with a new offer) or closed
        if state == "connected" and self.state is SessionState.CONNECTING:
            self.state = SessionState.CONNECTED
            self.connected_at = time.monotonic()
            self._emit(
                ev.CallConnected(self.connected_at - (self.admitted_at or self.connected_at))
            )
            self._watch_media(peer)
            self._tuner.connected(peer)
            if self._tuning is None:
                self._tuning = self._spawn(self._tuner.run())
        elif state in ("failed", "closed") and self._lost is not peer:
            self._lost = peer
            self._spawn(self._connection_lost(peer))

    async def _connection_lost(self, peer: PreparedPeer) -> None:
        """The connection failed, or the patient's side closed it (aiortc reports both as
        closed at times). Their `bye` may be on its way: then they hung up. If they left the
        hub too (a reloaded page, a closed tab), wait for them to come back through the link.
        Otherwise the network failed: their page makes a new connection when it can, and the
        call ends if none comes within RECONNECT_SECONDS."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(BYE_GRACE_SECONDS):
                await self._bye.wait()
        if self.state is SessionState.ENDED or peer is not self.peer:
            return
        await self._drop_peer()
        self.state = SessionState.WAITING
        if not self.patient_present:
            self._emit(ev.CallInterrupted())
            return
        self._begin_reconnecting()
        self._spawn(self._reconnect_deadline(self._reconnecting_since))

    async def _reconnect_deadline(self, since: float | None) -> None:
        await asyncio.sleep(RECONNECT_SECONDS)
        if self._reconnecting_since != since or self.state is SessionState.ENDED:
            return
        if self.state is SessionState.WAITING and self.patient_present:
            await self._end(ev.EndReason.NETWORK)

    async def _device_moved(self) -> None:
        """The consultation moved to the patient's other device: the previous one's connection
        (or prepared answer) is void; the new device offers once it has joined."""
        self.patient_waiting = False
        if self.peer is None:
            return
        await self._drop_peer()
        self.state, self.prepared_at = SessionState.WAITING, None
        if self.admitted:
            self._emit(ev.CallInterrupted())

    # -- reconnection ---------------------------------------------------------------------------

    def _watch_media(self, peer: PreparedPeer) -> None:
        def stalled() -> None:
            if peer is self.peer:
                self._begin_reconnecting()

        def flowing() -> None:
            if peer is self.peer:
                self._end_reconnecting()

        self._stop_watch()
        watch = MediaWatch(peer, on_stalled=stalled, on_flowing=flowing)
        self._watch = self._spawn(watch.run())

    def _stop_watch(self) -> None:
        if self._watch is not None:
            self._watch.cancel()
            self._watch = None

    def _begin_reconnecting(self) -> None:
        if self._reconnecting_since is None and self.admitted and self.connected_at is not None:
            self._reconnecting_since = time.monotonic()
            self._tuner.reconnected()
            self._emit(ev.CallReconnecting())

    def _end_reconnecting(self) -> None:
        if self._reconnecting_since is not None:
            seconds = time.monotonic() - self._reconnecting_since
            self._reconnecting_since = None
            self._emit(ev.CallReconnected(seconds))

    def _detach_peer(self) -> PreparedPeer | None:
        """Takes the current peer out of the Session (to close it); its streams are gone."""
        peer, self.peer = self.peer, None
        self._tuner.follow(None)
        self._stop_watch()
        for kind, stream_id in list(self._streams.items()):
            self._emit(ev.StreamDestroyed(kind, stream_id))
        self._streams.clear()
        return peer

    async def _drop_peer(self) -> None:
        peer = self._detach_peer()
        if peer is not None:
            await peer.close()

    # -- plumbing -----------------------------------------------------------------------------

    async def _end(self, reason: ev.EndReason, *, say_bye: bool = False, detail: str = "") -> None:
        if self.state is SessionState.ENDED:
            return
        self.state = SessionState.ENDED
        if say_bye:
            with contextlib.suppress(SignalingClosed):
                await self._signaling.send({"type": "bye"})
        await self._drop_peer()
        await self.publisher.close()
        await self._signaling.close()
        current = asyncio.current_task()
        others = [t for t in self._tasks if t is not current]
        for task in others:
            task.cancel()
        if others:
            await asyncio.wait(others)
        if self._receiver is not None and self._receiver is not current:
            await asyncio.wait([self._receiver])
        self._emit(ev.CallEnded(reason, detail, self._tuner.call_summary()))
        self._ended.set()

    def _report_progress(
        self, stage: ev.SetupStage, started: float, still: Callable[[], bool]
    ) -> None:
        """CallSetupProgress every PROGRESS_SECONDS from `started` while `still()` holds."""

        async def report() -> None:
            due = started + PROGRESS_SECONDS
            while True:
                await asyncio.sleep(max(0.0, due - time.monotonic()))
                if not still() or self.state is SessionState.ENDED:
                    return
                self._emit(ev.CallSetupProgress(stage, time.monotonic() - started))
                due += PROGRESS_SECONDS

        self._spawn(report())

    def _require_live(self) -> None:
        if self.state is SessionState.ENDED:
            raise SessionStateError("ended", "the call has ended")

    async def _send(self, message: Message) -> None:
        try:
            await self._signaling.send(message)
        except SignalingClosed:
            self._emit(ev.Error("hub_lost", "the connection to the hub was lost"))

    def _spawn(self, work: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        task: asyncio.Task[None] = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    def _emit(self, event: ev.SessionEvent) -> None:
        try:
            self._on_event(event)
        except Exception:
            log.exception("the session's event handler failed on %s", type(event).__name__)
