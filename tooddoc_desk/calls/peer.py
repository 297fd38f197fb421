"""One peer connection answering one patient offer, prepared before the patient is admitted.

`prepare(offer)` sets the remote description, adds the local tracks, gathers the local ICE
candidates and creates the answer, all without starting connectivity checks: aiortc's
setLocalDescription would gather *and* start checking toward the patient, which must not happen
before admission. `release()` (on admit) sets the held answer as the local description, which
starts the checks, and returns the SDP to send (aiortc does not trickle: the candidates are in
it). The patient's trickled candidates are applied in order once the remote description is set.

Gathering waits at most peer_media.GATHER_SECONDS for STUN and TURN servers. `media` holds the
call engine's own pieces in this connection (peer_media.py): installed once the codecs are
negotiated, before the answer is made.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence

from aiortc import (
    MediaStreamTrack,
    RTCConfiguration,
    RTCIceCandidate,
    RTCIceServer,
    RTCPeerConnection,
    RTCSessionDescription,
)
from aiortc.rtcicetransport import RTCIceGatherer
from aiortc.sdp import candidate_from_sdp

from tooddoc_desk.calls.events import StreamCreated, StreamDestroyed, StreamKind
from tooddoc_desk.calls.frame_types import Box, FrameSink, PcmHook
from tooddoc_desk.calls.frames import AudioSubscriber, Subscriber
from tooddoc_desk.calls.hub_signaling import IceServer
from tooddoc_desk.calls.peer_media import PeerMedia
from tooddoc_desk.calls.publisher import Publisher

log = logging.getLogger(__name__)


def rtc_configuration(ice_servers: Sequence[IceServer]) -> RTCConfiguration:
    """Always an explicit list: with None, aiortc would fall back on Google's public STUN."""
    servers = [RTCIceServer(list(s.urls), s.username, s.credential) for s in ice_servers]
    return RTCConfiguration(iceServers=servers)


def parse_candidate(payload: object) -> RTCIceCandidate | None:
    """A trickled candidate as browsers send it; None means end of candidates.

    Raises ValueError for anything else.
    """
    if payload is None:
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("candidate"), str):
        raise ValueError("a candidate is an object with a candidate string")
    text = payload["candidate"].strip().removeprefix("candidate:").strip()
    if not text:
        return None  # an empty candidate also marks the end
    if len(text.split()) < 8:
        raise ValueError("a candidate line has at least 8 fields")
    try:
        candidate = candidate_from_sdp(text)
    except (AssertionError, ValueError, IndexError) as error:
        raise ValueError(f"not a candidate line: {error}") from None
    mid, index = payload.get("sdpMid"), payload.get("sdpMLineIndex")
    candidate.sdpMid = mid if isinstance(mid, str) else None
    candidate.sdpMLineIndex = index if isinstance(index, int) else None
    if candidate.sdpMid is None and candidate.sdpMLineIndex is None:
        raise ValueError("a candidate needs an sdpMid or an sdpMLineIndex")
    return candidate


_END = object()

StreamEvent = StreamCreated | StreamDestroyed


class PreparedPeer:
    """The peer connection for one offer, with the patient's media it receives.

    `video` and `audio` consume the patient's tracks from the start (aiortc buffers what is
    not read); `on_stream` hears when a stream's first frame arrives and when it ends.
    """

    def __init__(
        self,
        ice_servers: Sequence[IceServer],
        publisher: Publisher,
        *,
        on_state: Callable[[PreparedPeer, str], None],
        on_stream: Callable[[PreparedPeer, StreamEvent], None],
        video_sink: FrameSink | None = None,
        audio_hook: PcmHook | None = None,
    ) -> None:
        self.pc = RTCPeerConnection(rtc_configuration(ice_servers))
        self.media = PeerMedia()
        self.media.attach(self.pc)
        self._publisher = publisher
        self._on_stream = on_stream
        self._video_sink = video_sink
        self._video_box: Box | None = None
        self._audio_hook = audio_hook
        self.video: Subscriber | None = None
        self.audio: AudioSubscriber | None = None
        self._answer: RTCSessionDescription | None = None
        self._candidates: asyncio.Queue[object] = asyncio.Queue()
        self.remote_set = asyncio.Event()
        self.candidates_applied = 0
        self.candidates_done = asyncio.Event()  # end-of-candidates applied
        self._released = False
        self.pc.on("track", self._track)
        self.pc.on("connectionstatechange", lambda: on_state(self, self.pc.connectionState))
        self._candidate_task = asyncio.ensure_future(self._apply_candidates())

    def _track(self, track: MediaStreamTrack) -> None:
        kind = StreamKind.VIDEO if track.kind == "video" else StreamKind.AUDIO

        def first() -> None:
            self._on_stream(self, StreamCreated(kind, track.id))

        def ended() -> None:
            self._on_stream(self, StreamDestroyed(kind, track.id))

        if kind is StreamKind.VIDEO:
            self.video = Subscriber(
                track,
                self._video_sink,
                on_first_frame=first,
                on_ended=ended,
                on_frame=self.media.video_frame,
            )
            self.video.set_sink(self._video_sink, self._video_box)
        else:
            self.audio = AudioSubscriber(
                track, self._audio_hook, on_first_frame=first, on_ended=ended
            )

    def set_video_sink(self, sink: FrameSink | None, box: Box | None = None) -> None:
        self._video_sink, self._video_box = sink, box
        if self.video is not None:
            self.video.set_sink(sink, box)

    def set_audio_hook(self, hook: PcmHook | None) -> None:
        self._audio_hook = hook
        if self.audio is not None:
            self.audio.on_pcm = hook

    @property
    def released(self) -> bool:
        return self._released

    def ice_states(self) -> list[str]:
        """The state of each ICE transport ("new" until checks start)."""
        transports = {id(t.receiver.transport.transport): t for t in self.pc.getTransceivers()}
        return [t.receiver.transport.transport.state for t in transports.values()]

    async def prepare(self, offer_sdp: str) -> None:
        await self.pc.setRemoteDescription(RTCSessionDescription(sdp=offer_sdp, type="offer"))
        # setRemoteDescription scheduled a connect attempt: let it run now, while there are no
        # local candidates, so that it does nothing (checks start only in release()).
        await asyncio.sleep(0)
        self.remote_set.set()
        kinds = {t.kind for t in self.pc.getTransceivers()}
        if not kinds:
            raise ValueError("the offer has neither audio nor video")
        for track in self._publisher.sender_tracks():
            if track.kind in kinds:
                self.pc.addTrack(track)
        self.media.install(self.pc)
        gatherers = self._gatherers()
        self.media.bound_gathering(gatherers)
        await asyncio.gather(*(g.gather() for g in gatherers))
        self.media.gathered(gatherers)
        self._answer = await self.pc.createAnswer()

    def _gatherers(self) -> list[RTCIceGatherer]:
        found: dict[int, RTCIceGatherer] = {}
        for transceiver in self.pc.getTransceivers():
            gatherer = transceiver.sender.transport.transport.iceGatherer
            found[id(gatherer)] = gatherer
        if self.pc.sctp is not None:
            gatherer = self.pc.sctp.transport.transport.iceGatherer
            found[id(gatherer)] = gatherer
        return list(found.values())

    def add_candidate(self, candidate: RTCIceCandidate | None) -> None:
        """Queues a remote candidate (None: end of candidates); applied in order."""
        self._candidates.put_nowait(_END if candidate is None else candidate)

    async def _apply_candidates(self) -> None:
        await self.remote_set.wait()
        while True:
            item = await self._candidates.get()
            candidate = None if item is _END else item
            assert candidate is None or isinstance(candidate, RTCIceCandidate)
            try:
                await self.pc.addIceCandidate(candidate)
            except Exception as error:  # a bad candidate must not stop the others
                log.warning("ignored a remote candidate: %s", error)
            if candidate is None:
                self.candidates_done.set()
            else:
                self.candidates_applied += 1

    async def release(self) -> str:
        """Sets the held answer (this starts ICE toward the patient); returns its SDP."""
        if self._answer is None:
            raise RuntimeError("the peer is not prepared")
        self._released = True
        await self.pc.setLocalDescription(self._answer)
        return str(self.pc.localDescription.sdp)

    async def close(self) -> None:
        for subscriber in (self.video, self.audio):
            if subscriber is not None:
                await subscriber.close()
        self._candidate_task.cancel()
        await asyncio.wait([self._candidate_task])
        await self.pc.close()
