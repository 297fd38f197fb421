"""The Devices page's live check: the picture a call would send and the microphone's level.

The camera (or the test pattern a call sends when no camera opens) is read on the loop and its
frames converted to RGB on a worker thread (calls/frames.FrameConverter), scaled to the preview's
size; the microphone's level is measured on another worker from the newest frame only. Nothing
heavier than handing a frame over runs on the event loop, and `close()` releases both devices.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import dataclass

from aiortc import MediaStreamTrack
from aiortc.mediastreams import MediaStreamError
from av import AudioFrame, VideoFrame

from tooddoc_desk.calls.devices import DeviceTrack, open_camera, open_microphone
from tooddoc_desk.calls.frame_types import Box, FrameSink, pcm_level
from tooddoc_desk.calls.frames import FrameConverter, frame_pcm
from tooddoc_desk.calls.generated import TestPatternTrack, ToneTrack

log = logging.getLogger(__name__)

Opener = Callable[[str | None], Awaitable[DeviceTrack | None]]
LevelSink = Callable[[float], None]


async def _camera(chosen: str | None) -> DeviceTrack | None:
    return await open_camera(chosen=chosen)


async def _microphone(chosen: str | None) -> DeviceTrack | None:
    return await open_microphone(chosen=chosen)


@dataclass(frozen=True)
class Opened:
    """What a preview shows: the device's label and name, or None for generated media."""

    label: str | None
    name: str


class DevicePreview:
    def __init__(
        self,
        on_frame: FrameSink,
        on_level: LevelSink,
        *,
        open_video: Opener = _camera,
        open_audio: Opener = _microphone,
    ) -> None:
        self._open_video = open_video
        self._open_audio = open_audio
        self._on_level = on_level
        self._converter = FrameConverter(on_frame, name="tooddoc-device-preview")
        self._levels = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="tooddoc-level")
        self._measuring = False
        self._video: tuple[MediaStreamTrack, asyncio.Task[None]] | None = None
        self._audio: tuple[MediaStreamTrack, asyncio.Task[None]] | None = None
        self._closed = False
        self.frames = 0
        self.levels = 0

    def detach(self) -> None:
        """Nothing more reaches the sinks (the page showing them goes away before `close`)."""
        self._converter.set_sink(None)
        self._on_level = _ignore

    def set_box(self, on_frame: FrameSink, box: Box | None) -> None:
        """The size frames are scaled to (the preview's, in device pixels)."""
        self._converter.set_sink(on_frame, box)

    async def show_camera(self, chosen: str | None) -> Opened:
        """Shows the camera of label `chosen` (or the default one, or the test pattern when
        none opens: what a call would send)."""
        await self._stop_video()
        device = await self._open_video(chosen)
        track: MediaStreamTrack = device if device is not None else TestPatternTrack()
        if self._closed:
            track.stop()
            await _released(track)
            return Opened(None, "")
        self._video = (track, asyncio.ensure_future(self._read_video(track)))
        return _opened(device)

    async def listen(self, chosen: str | None) -> Opened:
        """Measures the microphone of label `chosen` (or the default one, or the quiet tone a
        call sends when none opens)."""
        await self._stop_audio()
        device = await self._open_audio(chosen)
        track: MediaStreamTrack = device if device is not None else ToneTrack()
        if self._closed:
            track.stop()
            await _released(track)
            return Opened(None, "")
        self._audio = (track, asyncio.ensure_future(self._read_audio(track)))
        return _opened(device)

    async def _read_video(self, track: MediaStreamTrack) -> None:
        while True:
            try:
                frame = await track.recv()
            except MediaStreamError:
                return
            if isinstance(frame, VideoFrame):
                self.frames += 1
                self._converter.push(frame)

    async def _read_audio(self, track: MediaStreamTrack) -> None:
        loop = asyncio.get_running_loop()
        while True:
            try:
                frame = await track.recv()
            except MediaStreamError:
                return
            if not isinstance(frame, AudioFrame) or self._measuring:
                continue  # the meter shows the newest level: a frame measured late is dropped
            if frame.format.name != "s16" or frame.format.is_planar:
                continue
            self._measuring = True
            measured = loop.run_in_executor(self._levels, _level, frame)
            measured.add_done_callback(self._measured)

    def _measured(self, done: asyncio.Future[float]) -> None:
        self._measuring = False
        if self._closed or done.cancelled() or done.exception() is not None:
            return
        self.levels += 1
        self._on_level(done.result())

    async def _stop_video(self) -> None:
        running, self._video = self._video, None
        if running is not None:
            await _stop(*running)

    async def _stop_audio(self) -> None:
        running, self._audio = self._audio, None
        if running is not None:
            await _stop(*running)
            if not self._closed:
                self._on_level(0.0)

    async def close(self) -> None:
        """Stops both previews and releases their devices; idempotent."""
        self._closed = True
        await self._stop_video()
        await self._stop_audio()
        await self._converter.close()
        self._levels.shutdown(wait=True)


def _ignore(_level: float) -> None:
    pass


def _level(frame: AudioFrame) -> float:
    return pcm_level(frame_pcm(frame))


def _opened(device: DeviceTrack | None) -> Opened:
    if device is None:
        return Opened(None, "")
    return Opened(device.spec.label, device.spec.name)


async def _stop(track: MediaStreamTrack, task: asyncio.Task[None]) -> None:
    track.stop()
    task.cancel()
    with suppress(asyncio.CancelledError):
        await task
    await _released(track)


async def _released(track: MediaStreamTrack) -> None:
    if isinstance(track, DeviceTrack):
        await track.released()
