"""Decoded media handed to whoever shows or plays it.

Video: `FrameConverter` turns `av.VideoFrame`s into `RgbFrame`s (32-bit pixels) on one worker
thread of its own and calls the sink on the event loop thread. It holds at most one frame
while converting: a newer frame replaces a waiting one, so a slow consumer sees fewer frames,
never older ones. `Subscriber` feeds a converter from a remote video track.

Audio: `AudioSubscriber` consumes a remote audio track (aiortc buffers what is not read),
counts it, and hands PCM to an optional playback hook.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import time
from collections.abc import Callable

from aiortc import MediaStreamTrack
from aiortc.mediastreams import MediaStreamError
from av import AudioFrame, VideoFrame
from av.video.reformatter import VideoReformatter

from tooddoc_desk.calls.frame_types import (
    Box,
    FrameSink,
    PcmChunk,
    PcmHook,
    RgbFrame,
    fitted_size,
    pcm_level,
)

log = logging.getLogger(__name__)


def to_rgb(
    frame: VideoFrame, box: Box | None = None, reformatter: VideoReformatter | None = None
) -> RgbFrame:
    """Converts a decoded frame, scaled to fit `box` with its aspect ratio kept if a box is
    given, so that whoever draws it needs no scaling. CPU work: never on the loop.

    A thread that converts frames another thread also converts (the self view and the encoder
    share the camera's frames) passes a `reformatter` of its own: `frame.reformat` uses one
    scaler per frame, and two threads in it at once deadlock in libswscale."""
    width, height = (
        fitted_size(frame.width, frame.height, box) if box else (frame.width, frame.height)
    )
    scaler = reformatter or VideoReformatter()
    rgb = scaler.reformat(frame, width=width, height=height, format="bgra")
    plane = rgb.planes[0]
    return RgbFrame(rgb.width, rgb.height, bytes(plane), plane.line_size)


class FrameConverter:
    """av.VideoFrame in (on the loop), RgbFrame out to `sink` (on the loop), newest first."""

    def __init__(self, sink: FrameSink | None = None, *, box: Box | None = None, name: str) -> None:
        self._sink = sink
        self._box = box
        self._executor = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix=name)
        self._reformatter = VideoReformatter()  # used on the executor's one thread only
        self._busy: asyncio.Future[RgbFrame] | None = None
        self._waiting: VideoFrame | None = None
        self._closed = False
        self.received = 0
        self.delivered = 0
        self.dropped = 0
        self.first_frame_at: float | None = None  # time.monotonic() of the first frame pushed

    def set_sink(self, sink: FrameSink | None, box: Box | None = None) -> None:
        """Where converted frames go, and the size they should fit (the view's size)."""
        self._sink = sink
        self._box = box

    def push(self, frame: VideoFrame) -> None:
        """Takes a frame; call on the loop thread. Returns at once."""
        if self._closed:
            return
        self.received += 1
        if self.first_frame_at is None:
            self.first_frame_at = time.monotonic()
        if self._sink is None:
            self.dropped += 1
        elif self._busy is not None:
            if self._waiting is not None:
                self.dropped += 1
            self._waiting = frame
        else:
            self._convert(frame)

    def _convert(self, frame: VideoFrame) -> None:
        loop = asyncio.get_running_loop()
        self._busy = asyncio.wrap_future(
            self._executor.submit(to_rgb, frame, self._box, self._reformatter), loop=loop
        )
        self._busy.add_done_callback(self._converted)

    def _converted(self, done: asyncio.Future[RgbFrame]) -> None:
        self._busy = None
        if not done.cancelled() and done.exception() is None and not self._closed:
            sink = self._sink
            if sink is not None:
                try:
                    sink(done.result())
                except Exception:
                    log.exception("the video sink failed")
                self.delivered += 1
        elif not done.cancelled() and done.exception() is not None:
            log.warning("could not convert a video frame: %s", done.exception())
        if self._waiting is not None and not self._closed:
            frame, self._waiting = self._waiting, None
            self._convert(frame)

    async def close(self) -> None:
        """Stops taking frames, lets a conversion in progress end, stops the thread."""
        self._closed = True
        self._waiting = None
        if self._busy is not None:
            await asyncio.wait([self._busy])
        self._executor.shutdown(wait=True)


class Subscriber:
    """Reads a remote video track and feeds a FrameConverter until the track ends."""

    def __init__(
        self,
        track: MediaStreamTrack,
        sink: FrameSink | None = None,
        *,
        on_first_frame: Callable[[], None] | None = None,
        on_ended: Callable[[], None] | None = None,
        on_frame: Callable[[VideoFrame], None] | None = None,
    ) -> None:
        self.track = track
        self.converter = FrameConverter(sink, name="tooddoc-remote-video")
        self._on_first_frame = on_first_frame
        self._on_ended = on_ended
        self._on_frame = on_frame  # each decoded frame, before conversion (statistics)
        self._task = asyncio.ensure_future(self._run())

    @property
    def frames_received(self) -> int:
        return self.converter.received

    @property
    def frames_delivered(self) -> int:
        return self.converter.delivered

    @property
    def first_frame_at(self) -> float | None:
        return self.converter.first_frame_at

    def set_sink(self, sink: FrameSink | None, box: Box | None = None) -> None:
        self.converter.set_sink(sink, box)

    async def _run(self) -> None:
        while True:
            try:
                frame = await self.track.recv()
            except MediaStreamError:
                break
            if not isinstance(frame, VideoFrame):
                continue
            self.converter.push(frame)
            if self._on_frame is not None:
                self._on_frame(frame)
            if self.converter.received == 1 and self._on_first_frame is not None:
                self._on_first_frame()
        if self._on_ended is not None:
            self._on_ended()

    async def close(self) -> None:
        self._on_ended = None
        self._task.cancel()
        await asyncio.wait([self._task])
        await self.converter.close()


def frame_pcm(frame: AudioFrame) -> bytes:
    """The samples of a packed (interleaved) frame, without the plane's padding."""
    size = frame.samples * len(frame.layout.channels) * frame.format.bytes
    return bytes(frame.planes[0])[:size]


class AudioSubscriber:
    """Reads a remote audio track; hands each chunk to `on_pcm` (playback) if set."""

    def __init__(
        self,
        track: MediaStreamTrack,
        on_pcm: PcmHook | None = None,
        *,
        on_first_frame: Callable[[], None] | None = None,
        on_ended: Callable[[], None] | None = None,
    ) -> None:
        self.track = track
        self.on_pcm = on_pcm
        self.frames_received = 0
        self.first_frame_at: float | None = None
        self._last: AudioFrame | None = None
        self._on_first_frame = on_first_frame
        self._on_ended = on_ended
        self._task = asyncio.ensure_future(self._run())

    def level(self) -> float:
        """The RMS level of the last frame received (computed when asked)."""
        frame = self._last
        if frame is None or frame.format.name != "s16":
            return 0.0
        return pcm_level(frame_pcm(frame))

    async def _run(self) -> None:
        while True:
            try:
                frame = await self.track.recv()
            except MediaStreamError:
                break
            if not isinstance(frame, AudioFrame):
                continue
            self.frames_received += 1
            self._last = frame
            if self.first_frame_at is None:
                self.first_frame_at = time.monotonic()
                if self._on_first_frame is not None:
                    self._on_first_frame()
            hook = self.on_pcm
            if hook is not None and frame.format.name == "s16" and not frame.format.is_planar:
                channels = len(frame.layout.channels)
                chunk = PcmChunk(frame.sample_rate, channels, frame_pcm(frame))
                try:
                    hook(chunk)
                except Exception:
                    log.exception("the audio hook failed")
        if self._on_ended is not None:
            self._on_ended()

    async def close(self) -> None:
        self._on_ended = None
        self._task.cancel()
        await asyncio.wait([self._task])
