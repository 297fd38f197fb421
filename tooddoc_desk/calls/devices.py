"""The PC's camera and microphone, through aiortc's MediaPlayer (FFmpeg input devices).

Finding and opening a device blocks (FFmpeg opens it synchronously), so it runs on a thread of its
own with a time limit; so does releasing it (MediaPlayer joins its reader thread). A missing,
busy or unsupported device gives None: the caller falls back on generated media.
"""

from __future__ import annotations

import asyncio
import glob
import logging
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

import av
from aiortc import MediaStreamTrack
from aiortc.contrib.media import MediaPlayer
from aiortc.mediastreams import MediaStreamError
from av.frame import Frame

from tooddoc_desk.calls.threads import run_in_thread

log = logging.getLogger(__name__)

OPEN_TIMEOUT = 5.0
_VIDEO_OPTIONS = {"video_size": "640x480", "framerate": "30"}


@dataclass(frozen=True)
class DeviceSpec:
    """What FFmpeg needs to open one input device."""

    kind: str  # "video" or "audio"
    file: str
    format: str
    options: dict[str, str] = field(default_factory=dict, hash=False)

    @property
    def label(self) -> str:
        return f"{self.format}:{self.file}"


def camera_specs(platform: str = sys.platform) -> list[DeviceSpec]:
    """The cameras worth trying, best first. Blocks (lists devices): call it off the loop."""
    if platform.startswith("linux"):
        nodes = sorted(glob.glob("/dev/video*"), key=lambda p: int(re.sub(r"\D", "", p) or 0))
        return [DeviceSpec("video", node, "v4l2", dict(_VIDEO_OPTIONS)) for node in nodes]
    if platform == "win32":
        names = _dshow_devices("video")
        return [DeviceSpec("video", f"video={n}", "dshow", dict(_VIDEO_OPTIONS)) for n in names]
    if platform == "darwin":
        return [DeviceSpec("video", "default:none", "avfoundation", dict(_VIDEO_OPTIONS))]
    return []


def microphone_specs(platform: str = sys.platform) -> list[DeviceSpec]:
    """The microphones worth trying, best first. Blocks: call it off the loop."""
    if platform.startswith("linux"):
        return [DeviceSpec("audio", "default", "pulse"), DeviceSpec("audio", "default", "alsa")]
    if platform == "win32":
        return [DeviceSpec("audio", f"audio={n}", "dshow") for n in _dshow_devices("audio")]
    if platform == "darwin":
        return [DeviceSpec("audio", "none:default", "avfoundation")]
    return []


def _dshow_devices(media_type: str) -> list[str]:
    enumerate_devices = getattr(getattr(av, "device", None), "enumerate_input_devices", None)
    if enumerate_devices is None:
        return []
    try:
        devices = enumerate_devices("dshow")
    except (av.FFmpegError, ValueError, OSError):
        return []
    return [d.name for d in devices if media_type in d.media_types]


def open_player(spec: DeviceSpec) -> MediaPlayer | None:
    """Opens one device; None when it is missing, busy or has no stream of its kind. Blocks."""
    attempts = [spec.options, {}] if spec.options else [{}]
    for options in attempts:
        try:
            player = MediaPlayer(spec.file, format=spec.format, options=options or None)
        except (av.FFmpegError, ValueError, OSError) as error:
            log.info("could not open %s: %s", spec.label, error)
            continue
        if getattr(player, spec.kind) is not None:
            return player
        _close_player(player)
    return None


def _close_player(player: MediaPlayer) -> None:
    for track in (player.audio, player.video):
        if track is not None:
            track.stop()  # the last one closes the container


class DeviceTrack(MediaStreamTrack):
    """One device's track. `stop()` never blocks: the device is released on a thread."""

    def __init__(self, player: MediaPlayer, spec: DeviceSpec) -> None:
        super().__init__()
        self.kind = spec.kind
        self.spec = spec
        self._player = player
        inner = getattr(player, spec.kind)
        assert inner is not None
        self._inner: MediaStreamTrack = inner
        self._stopped = asyncio.Event()
        self._released: asyncio.Task[None] | None = None

    async def recv(self) -> Frame:
        if self.readyState != "live":
            raise MediaStreamError
        receiving = asyncio.ensure_future(self._inner.recv())
        stopping = asyncio.ensure_future(self._stopped.wait())
        await asyncio.wait((receiving, stopping), return_when=asyncio.FIRST_COMPLETED)
        stopping.cancel()
        if not receiving.done():
            receiving.cancel()
            raise MediaStreamError
        frame = receiving.result()  # raises MediaStreamError when the device went away
        assert isinstance(frame, Frame)
        return frame

    def stop(self) -> None:
        if self.readyState == "live":
            self._stopped.set()
            self._released = asyncio.ensure_future(
                run_in_thread(lambda: _close_player(self._player), name="tooddoc-device-close")
            )
        super().stop()

    async def released(self) -> None:
        """Waits until the device is closed (after `stop`)."""
        if self._released is not None:
            await self._released


async def open_device(
    specs: Callable[[], list[DeviceSpec]], open_timeout: float = OPEN_TIMEOUT
) -> DeviceTrack | None:
    """The first device of `specs()` that opens, or None; never blocks the loop."""

    def first() -> tuple[MediaPlayer, DeviceSpec] | None:
        for spec in specs():
            player = open_player(spec)
            if player is not None:
                return player, spec
        return None

    def discard(found: tuple[MediaPlayer, DeviceSpec] | None) -> None:
        if found is not None:
            _close_player(found[0])

    try:
        async with asyncio.timeout(open_timeout):
            found = await run_in_thread(first, name="tooddoc-device-open", discard=discard)
    except TimeoutError:
        log.warning("opening a media device took more than %.0f s: not used", open_timeout)
        return None
    if found is None:
        return None
    player, spec = found
    log.info("using %s", spec.label)
    return DeviceTrack(player, spec)


async def open_camera(open_timeout: float = OPEN_TIMEOUT) -> DeviceTrack | None:
    return await open_device(camera_specs, open_timeout)


async def open_microphone(open_timeout: float = OPEN_TIMEOUT) -> DeviceTrack | None:
    return await open_device(microphone_specs, open_timeout)
