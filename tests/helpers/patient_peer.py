"""A scripted patient: a plain aiortc peer that speaks the hub's messages over a Signaling.

It does what the patient's browser does: sends its offer without candidates, then trickles them
one by one (aiortc itself does not trickle, so they are taken out of its SDP), then the end of
candidates. It records every datagram that reaches its ICE sockets, to check that nothing from
the practitioner arrives before admission.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from aiortc import MediaStreamTrack, RTCConfiguration, RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import MediaStreamError
from av import AudioFrame, VideoFrame

from tooddoc_desk.calls.frame_types import pcm_level
from tooddoc_desk.calls.frames import frame_pcm
from tooddoc_desk.calls.generated import TestPatternTrack, ToneTrack
from tooddoc_desk.calls.signaling import Message, Signaling


def split_candidates(sdp: str) -> tuple[str, list[dict[str, Any]]]:
    """The SDP without its candidate lines, and the first m-section's candidates (as trickled)."""
    kept: list[str] = []
    candidates: list[dict[str, Any]] = []
    first_mid = next(
        (line.removeprefix("a=mid:") for line in sdp.splitlines() if line.startswith("a=mid:")),
        "0",
    )
    section = -1
    for line in sdp.splitlines():
        if line.startswith("m="):
            section += 1
        if line.startswith("a=candidate:"):
            if section == 0:
                candidate = line.removeprefix("a=")
                candidates.append({"candidate": candidate, "sdpMid": first_mid, "sdpMLineIndex": 0})
        elif not line.startswith("a=end-of-candidates"):
            kept.append(line)
    return "\r\n".join(kept) + "\r\n", candidates


class PatientPeer:
    def __init__(self, signaling: Signaling, *, frames_wanted: int = 10) -> None:
        self.signaling = signaling
        self.pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
        self.pc.addTrack(ToneTrack())
        self.pc.addTrack(TestPatternTrack())
        self.received: list[Message] = []
        self.admitted_at: float | None = None
        self.first_datagram_at: float | None = None
        self.video_frames = 0
        self.audio_frames = 0
        self.audio_level = 0.0
        self.got_frames = asyncio.Event()
        self.got_message = asyncio.Event()
        self.closed = asyncio.Event()
        self._frames_wanted = frames_wanted
        self._tasks: list[asyncio.Task[None]] = []
        self.pc.on("track", self._track)
        self.pc.on("connectionstatechange", self._state)

    def _state(self) -> None:
        if self.pc.connectionState == "closed":
            self.closed.set()

    def _track(self, track: MediaStreamTrack) -> None:
        self._tasks.append(asyncio.ensure_future(self._consume(track)))

    async def _consume(self, track: MediaStreamTrack) -> None:
        while True:
            try:
                frame = await track.recv()
            except MediaStreamError:
                return
            if isinstance(frame, VideoFrame):
                self.video_frames += 1
            elif isinstance(frame, AudioFrame):
                self.audio_frames += 1
                self.audio_level = max(self.audio_level, pcm_level(frame_pcm(frame)))
            if (
                self.video_frames >= self._frames_wanted
                and self.audio_frames >= self._frames_wanted
            ):
                self.got_frames.set()

    def heard_from_practitioner_at(self) -> float | None:
        """When the first datagram reached the patient's ICE sockets (None: never)."""
        return self.first_datagram_at

    def _watch_datagrams(self) -> None:
        connection = self.pc.getTransceivers()[0].receiver.transport.transport._connection
        for protocol in connection._protocols:
            original = protocol.datagram_received

            def spy(data: bytes, addr: Any, original: Any = original) -> None:
                if self.first_datagram_at is None:
                    self.first_datagram_at = time.monotonic()
                original(data, addr)

            setattr(protocol, "datagram_received", spy)  # noqa: B010

    async def join(self, *, via_hub: bool = False, announce: bool = True) -> None:
        """Opens the link, enters the waiting room, sends the offer and trickles candidates.

        Through a hub the patient says `join` (the hub tells the practitioner); over a bare
        signaling pair it sends what the hub would relay (unless `announce` is False).
        """
        if via_hub:
            await self.signaling.send({"type": "join"})
        elif announce:
            await self.signaling.send({"type": "patient_opened"})
            await self.signaling.send({"type": "patient_waiting"})
        await self.pc.setLocalDescription(await self.pc.createOffer())
        self._watch_datagrams()
        sdp, candidates = split_candidates(self.pc.localDescription.sdp)
        await self.signaling.send({"type": "offer", "sdp": sdp})
        for candidate in candidates:
            await self.signaling.send({"type": "candidate", "candidate": candidate})
            await asyncio.sleep(0)  # one by one, as they are found
        await self.signaling.send({"type": "candidate", "candidate": None})

    def listen(self) -> None:
        """Handles what the practitioner's side sends, in the background."""
        self._tasks.append(asyncio.ensure_future(self._listen()))

    async def _listen(self) -> None:
        while True:
            message = await self.signaling.receive()
            if message is None:
                return
            self.received.append(message)
            self.got_message.set()
            if message["type"] in ("admit", "admitted") and self.admitted_at is None:
                self.admitted_at = time.monotonic()
            elif message["type"] == "answer":
                await self.pc.setRemoteDescription(
                    RTCSessionDescription(sdp=message["sdp"], type="answer")
                )

    async def wait_message(self, kind: str, limit: float = 10.0) -> Message:
        async with asyncio.timeout(limit):
            while True:
                for message in self.received:
                    if message.get("type") == kind:
                        return message
                self.got_message.clear()
                await self.got_message.wait()

    def cut_network(self) -> None:
        """Closes the patient's sockets without a word: the link is simply gone."""
        connection = self.pc.getTransceivers()[0].receiver.transport.transport._connection
        for protocol in connection._protocols:
            protocol.transport.close()

    async def hang_up(self) -> None:
        await self.signaling.send({"type": "bye", "from": "patient"})
        await self.pc.close()

    async def close(self, *, keep_signaling: bool = False) -> None:
        """Closes the connection and stops listening (the signaling too, unless kept for the
        next page, as a reloaded page keeps its link)."""
        await self.pc.close()
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if not keep_signaling:
            await self.signaling.close()
