"""The practitioner's local media: what a call sends, with video and audio on or off.

The peer connection always gets the same two tracks. Turning video off sends black frames (and
releases the camera, so its light goes out); turning audio off sends silence. RTP keeps flowing
either way, so the patient's side sees a live stream and nothing has to be renegotiated.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
from collections.abc import Awaitable, Callable

from aiortc import MediaStreamTrack
from aiortc.mediastreams import MediaStreamError
from av import AudioFrame, VideoFrame
from av.frame import Frame

from tooddoc_desk.calls.devices import DeviceTrack, open_camera, open_microphone
from tooddoc_desk.calls.frame_types import Box, FrameSink
from tooddoc_desk.calls.frames import FrameConverter
from tooddoc_desk.calls.generated import (
    AUDIO_FRAME_SAMPLES,
    AUDIO_SAMPLE_RATE,
    AUDIO_TIME_BASE,
    VIDEO_CLOCK_RATE,
    VIDEO_TIME_BASE,
    Pacer,
    TestPatternTrack,
    ToneTrack,
    black_frame,
)

log = logging.getLogger(__name__)

SourceOpener = Callable[[], Awaitable[MediaStreamTrack | None]]


class LocalVideoTrack(MediaStreamTrack):
    """The track a call sends: its source's frames, or black ones when video is off.

    Frames are re-stamped on one 90 kHz clock that follows real time, so switching between the
    camera, the test pattern and black keeps the RTP timestamps continuous.
    """

    kind = "video"

    def __init__(
        self, source: MediaStreamTrack | None, width: int = 640, height: int = 480
    ) -> None:
        super().__init__()
        self.source = source
        self.enabled = True
        self.frames_sent = 0
        self.preview: FrameConverter | None = None
        self._size = (width, height)
        self._black_pacer = Pacer(VIDEO_CLOCK_RATE, VIDEO_CLOCK_RATE // 30)
        self._origin = time.monotonic()
        self._last_pts = -1

    async def recv(self) -> VideoFrame:
        while True:
            if self.readyState != "live":
                raise MediaStreamError
            source = self.source if self.enabled else None
            if source is None:
                await self._black_pacer.next_timestamp()
                frame = black_frame(*self._size)  # new each time: the encoder may hold the last
                break
            try:
                received = await source.recv()
            except MediaStreamError:
                if source is self.source:
                    log.warning("the video source ended; sending black")
                    self.source = None
                continue
            if source is self.source and self.enabled and isinstance(received, VideoFrame):
                frame = received
                break
        pts = max(int((time.monotonic() - self._origin) * VIDEO_CLOCK_RATE), self._last_pts + 1)
        frame.pts, frame.time_base = pts, VIDEO_TIME_BASE
        self._last_pts = pts
        self.frames_sent += 1
        if self.preview is not None:
            self.preview.push(frame)
        return frame

    def stop(self) -> None:
        if self.source is not None:
            self.source.stop()
        super().stop()


class LocalAudioTrack(MediaStreamTrack):
    """The track a call sends: its source's audio, or silence of the same shape when muted."""

    kind = "audio"

    def __init__(self, source: MediaStreamTrack | None) -> None:
        super().__init__()
        self.source = source
        self.enabled = True
        self.frames_sent = 0
        self._silence_pacer = Pacer(AUDIO_SAMPLE_RATE, AUDIO_FRAME_SAMPLES)

    async def recv(self) -> AudioFrame:
        while True:
            if self.readyState != "live":
                raise MediaStreamError
            source = self.source
            if source is None:
                pts = await self._silence_pacer.next_timestamp()
                frame = _silence("s16", "mono", AUDIO_FRAME_SAMPLES, AUDIO_SAMPLE_RATE)
                frame.pts, frame.time_base = pts, AUDIO_TIME_BASE
                break
            try:
                received = await source.recv()
            except MediaStreamError:
                if source is self.source:
                    log.warning("the audio source ended; sending silence")
                    self.source = None
                continue
            if isinstance(received, AudioFrame):
                frame = received if self.enabled else _silent_copy(received)
                break
        self.frames_sent += 1
        return frame

    def stop(self) -> None:
        if self.source is not None:
            self.source.stop()
        super().stop()


class SenderTrack(MediaStreamTrack):
    """What one peer connection's sender reads: a local track, ended on its own.

    aiortc stops a sender's track when its connection closes; the local tracks outlive a
    connection (a patient who reloads the page gets a new one), so each gets a view of them.
    """

    def __init__(self, local: MediaStreamTrack) -> None:
        super().__init__()
        self.kind = local.kind
        self._local = local

    async def recv(self) -> Frame:
        if self.readyState != "live":
            raise MediaStreamError
        frame = await self._local.recv()
        assert isinstance(frame, Frame)
        return frame


def _silence(format_name: str, layout: str, samples: int, rate: int) -> AudioFrame:
    frame = AudioFrame(format=format_name, layout=layout, samples=samples)
    for plane in frame.planes:
        plane.update(bytes(plane.buffer_size))
    frame.sample_rate = rate
    return frame


def _silent_copy(frame: AudioFrame) -> AudioFrame:
    silent = _silence(frame.format.name, frame.layout.name, frame.samples, frame.sample_rate)
    silent.pts, silent.time_base = frame.pts, frame.time_base
    return silent


class Publisher:
    """The local tracks of one call; video and audio can be turned off and on.

    `Publisher.devices()` uses the camera and the microphone when there are any, else generated
    media, and opens them only when `start()` is called (the Session does so when the patient's
    offer arrives: the camera's light does not come on while a link is merely sent);
    `Publisher.generated()` always uses generated media. One Publisher per Session: the Session
    closes it when the call ends.
    """

    def __init__(
        self,
        video_source: MediaStreamTrack | None,
        audio_source: MediaStreamTrack | None,
        *,
        reopen_video: SourceOpener | None = None,
    ) -> None:
        self.video = LocalVideoTrack(video_source)
        self.audio = LocalAudioTrack(audio_source)
        self._reopen_video = reopen_video
        self._open_devices = False
        self._chosen: tuple[str | None, str | None] = (None, None)  # camera, microphone labels
        self._closed = False
        self._tasks: set[asyncio.Task[None]] = set()

    @classmethod
    def generated(cls) -> Publisher:
        return cls(TestPatternTrack(), ToneTrack())

    @classmethod
    def devices(cls, camera: str | None = None, microphone: str | None = None) -> Publisher:
        """The camera and the microphone, opened by `start()`: those of the labels given first
        (calls/devices.py), else the default or another one."""
        publisher = cls(None, None)
        publisher._open_devices = True
        publisher._chosen = (camera, microphone)
        return publisher

    @classmethod
    async def open(cls) -> Publisher:
        """Camera and microphone if they open (off the loop), generated media otherwise."""
        publisher = cls.devices()
        await publisher.start()
        return publisher

    async def start(self) -> None:
        """Opens the camera and the microphone if this publisher uses them and they are not
        open yet (a device that does not open is replaced by generated media)."""
        if not self._open_devices or self.is_closed():
            return
        self._open_devices = False
        chosen_camera, chosen_microphone = self._chosen
        camera, microphone = await asyncio.gather(
            open_camera(chosen=chosen_camera), open_microphone(chosen=chosen_microphone)
        )
        if self.is_closed():  # closed while the devices were opening
            for device in (camera, microphone):
                if device is not None:
                    device.stop()
            return
        self.video.source = camera if camera is not None else TestPatternTrack()
        self.audio.source = microphone if microphone is not None else ToneTrack()
        self._reopen_video = (
            functools.partial(open_camera, chosen=camera.spec.label) if camera is not None else None
        )

    def sender_tracks(self) -> list[MediaStreamTrack]:
        """Views of the audio and video tracks for one peer connection's senders."""
        return [SenderTrack(self.audio), SenderTrack(self.video)]

    @property
    def video_source_kind(self) -> str:
        """Where the video comes from: "camera", "test_pattern" or "none"."""
        source = self.video.source
        if isinstance(source, DeviceTrack):
            return "camera"
        return "test_pattern" if source is not None else "none"

    @property
    def audio_source_kind(self) -> str:
        """Where the audio comes from: "microphone", "tone" or "none"."""
        source = self.audio.source
        if isinstance(source, DeviceTrack):
            return "microphone"
        return "tone" if source is not None else "none"

    def is_closed(self) -> bool:
        return self._closed

    @property
    def publishing_video(self) -> bool:
        return self.video.enabled

    @property
    def publishing_audio(self) -> bool:
        return self.audio.enabled

    async def publish_video(self, on: bool) -> None:
        """Sends the camera (or test pattern) when on, black when off; off releases a camera."""
        if on == self.video.enabled or self._closed:
            return
        self.video.enabled = on
        source = self.video.source
        if not on and isinstance(source, DeviceTrack):
            self.video.source = None
            source.stop()
            await source.released()
        elif on and self.video.source is None and self._reopen_video is not None:
            reopened = await self._reopen_video()
            if self._closed or not self.video.enabled:
                if reopened is not None:
                    reopened.stop()
            elif reopened is None:
                log.warning("the camera could not be opened again; sending black")
            else:
                self.video.source = reopened

    async def publish_audio(self, on: bool) -> None:
        """Sends the microphone (or tone) when on, silence when off."""
        if not self._closed:
            self.audio.enabled = on

    def set_preview_sink(self, sink: FrameSink | None, box: Box | None = None) -> None:
        """Hands each frame sent to `sink` too (the self view), converted off the loop and
        scaled to fit `box` if given."""
        old, self.video.preview = self.video.preview, None
        if old is not None:
            task = asyncio.ensure_future(old.close())
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        if sink is not None:
            self.video.preview = FrameConverter(sink, box=box, name="tooddoc-self-view")

    async def close(self) -> None:
        """Stops both tracks and releases the devices; idempotent."""
        if self._closed:
            return
        self._closed = True
        preview, self.video.preview = self.video.preview, None
        devices = [s for s in (self.video.source, self.audio.source) if isinstance(s, DeviceTrack)]
        self.video.stop()
        self.audio.stop()
        for device in devices:
            await device.released()
        if preview is not None:
            await preview.close()
        if self._tasks:
            await asyncio.wait(self._tasks)
