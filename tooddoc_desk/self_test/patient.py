"""The patient's side of the self-test's call: an aiortc peer that speaks the hub's protocol
(docs/hub-protocol.md) as the patient's page does, sending a generated test pattern and tone.

It says hello with the link's token, enters the waiting room, sends its offer (candidates in the
SDP, then the end of candidates), takes the practitioner's answer once admitted, and counts the
frames that reach it.
"""

from __future__ import annotations

import asyncio
import contextlib

import aiohttp
from aiortc import MediaStreamTrack, RTCConfiguration, RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import MediaStreamError
from av import AudioFrame, VideoFrame

from tooddoc_desk.calls.generated import TestPatternTrack, ToneTrack
from tooddoc_desk.calls.hub_signaling import HubSignaling


class LoopbackPatient:
    def __init__(self, signaling: HubSignaling) -> None:
        self._signaling = signaling
        self._pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
        self._pc.addTrack(ToneTrack())
        self._pc.addTrack(TestPatternTrack())
        self._pc.on("track", self._track)
        self._tasks: list[asyncio.Task[None]] = []
        self._frames_seen = asyncio.Event()
        self.admitted = asyncio.Event()
        self.video_frames = 0
        self.audio_frames = 0
        self.frames_wanted = 10

    @classmethod
    async def open_link(
        cls, websockets: aiohttp.ClientSession, hub_url: str, token: str
    ) -> LoopbackPatient:
        signaling, _ = await HubSignaling.connect(websockets, hub_url, token, role="patient")
        return cls(signaling)

    async def join(self) -> None:
        """Enters the waiting room and sends the offer, as the page does while it waits."""
        self._tasks.append(asyncio.ensure_future(self._listen()))
        await self._signaling.send({"type": "join"})
        await self._pc.setLocalDescription(await self._pc.createOffer())
        await self._signaling.send({"type": "offer", "sdp": self._pc.localDescription.sdp})
        await self._signaling.send({"type": "candidate", "candidate": None})

    async def frames(self) -> None:
        """Returns once video and sound from the practitioner have both arrived."""
        await self._frames_seen.wait()

    async def hang_up(self) -> None:
        with contextlib.suppress(Exception):  # the hub may already have closed the room
            await self._signaling.send({"type": "bye", "from": "patient"})
        await self.close()

    async def close(self) -> None:
        await self._pc.close()
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self._signaling.close()

    def _track(self, track: MediaStreamTrack) -> None:
        self._tasks.append(asyncio.ensure_future(self._count(track)))

    async def _count(self, track: MediaStreamTrack) -> None:
        while True:
            try:
                frame = await track.recv()
            except MediaStreamError:
                return
            if isinstance(frame, VideoFrame):
                self.video_frames += 1
            elif isinstance(frame, AudioFrame):
                self.audio_frames += 1
            if min(self.video_frames, self.audio_frames) >= self.frames_wanted:
                self._frames_seen.set()

    async def _listen(self) -> None:
        while (message := await self._signaling.receive()) is not None:
            kind = message.get("type")
            if kind in ("admit", "admitted"):
                self.admitted.set()
            elif kind == "answer":
                answer = RTCSessionDescription(sdp=str(message["sdp"]), type="answer")
                await self._pc.setRemoteDescription(answer)
