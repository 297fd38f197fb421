"""A test practitioner: a plain aiortc peer driven by the test over the hub's websocket.

It never uses a default ICE server (RTCConfiguration(iceServers=[])), sends aiortc's test video
(green frames) and silence, and counts the video frames it receives from the patient.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import AudioStreamTrack, MediaStreamError, VideoStreamTrack
from aiortc.sdp import candidate_from_sdp

from tests.helpers.hub import Json, SignalingClient


class Practitioner:
    def __init__(self, signaling: SignalingClient, frames_wanted: int = 10) -> None:
        self.signaling = signaling
        self.pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
        self.pc.addTrack(AudioStreamTrack())
        self.pc.addTrack(VideoStreamTrack())
        self.frames_received = 0
        self.frames_wanted = frames_wanted
        self.enough_frames = asyncio.Event()
        self._readers: list[asyncio.Task[None]] = []
        self.pc.on("track", self._on_track)

    def _on_track(self, track: Any) -> None:
        if track.kind == "video":
            self._readers.append(asyncio.create_task(self._count_frames(track)))

    async def _count_frames(self, track: Any) -> None:
        with contextlib.suppress(MediaStreamError):
            while True:
                await track.recv()
                self.frames_received += 1
                if self.frames_received >= self.frames_wanted:
                    self.enough_frames.set()

    async def take_offer(self) -> list[Json]:
        """Reads `offer` then the patient's candidates up to the end (`null`), applying them."""
        offer = await self.signaling.expect("offer")
        await self.pc.setRemoteDescription(RTCSessionDescription(offer["sdp"], "offer"))
        candidates: list[Json] = []
        while True:
            message = await self.signaling.expect("candidate")
            candidates.append(message)
            data = message["candidate"]
            if data is None:
                await self.pc.addIceCandidate(None)
                return candidates
            if not data["candidate"]:
                continue
            candidate = candidate_from_sdp(data["candidate"].split(":", 1)[1])
            candidate.sdpMid = data["sdpMid"]
            candidate.sdpMLineIndex = data["sdpMLineIndex"]
            await self.pc.addIceCandidate(candidate)

    async def prepare_answer(self) -> str:
        """The answer, prepared while the patient waits (aiortc gathers its candidates here)."""
        await self.pc.setLocalDescription(await self.pc.createAnswer())
        description = self.pc.localDescription
        assert description is not None
        sdp: str = description.sdp
        return sdp

    async def close(self) -> None:
        await self.pc.close()
        for reader in self._readers:
            reader.cancel()
        for reader in self._readers:
            with contextlib.suppress(asyncio.CancelledError):
                await reader
