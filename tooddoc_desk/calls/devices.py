"""The PC's camera and microphone, through aiortc's MediaPlayer (FFmpeg input devices).

Finding and opening a device blocks (FFmpeg opens it synchronously), so it runs on a thread of its
own with a time limit; so does releasing it (MediaPlayer joins its reader thread). A missing,
busy or unsupported device gives None: the caller falls back on generated media.

A device is named by its `label` ("v4l2:/dev/video0", "alsa:sysdefault:CARD=PCH"): what the
settings keep to choose it again. The one chosen is tried first, then the others, best first.
"""

from __future__ import annotations

import asyncio
import glob
import logging
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

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
    name: str = field(default="", compare=False)  # what people call it; "" for a default

    @property
    def label(self) -> str:
        return f"{self.format}:{self.file}"

    @property
    def default(self) -> bool:
        """The system's default device (what is used when nothing is chosen)."""
        return not self.name


_V4L2_CLASS = Path("/sys/class/video4linux")


def camera_specs(platform: str = sys.platform) -> list[DeviceSpec]:
    """The cameras worth trying, best first. Blocks (lists devices): call it off the loop."""
    if platform.startswith("linux"):
        nodes = sorted(glob.glob("/dev/video*"), key=lambda p: int(re.sub(r"\D", "", p) or 0))
        return [
            DeviceSpec("video", node, "v4l2", dict(_VIDEO_OPTIONS), _v4l2_name(node))
            for node in nodes
            if _v4l2_capture_node(node)
        ]
    if platform == "win32":
        names = _input_devices("dshow", "video")
        return [
            DeviceSpec("video", f"video={n}", "dshow", dict(_VIDEO_OPTIONS), n) for n, _ in names
        ]
    if platform == "darwin":
        return [DeviceSpec("video", "default:none", "avfoundation", dict(_VIDEO_OPTIONS))]
    return []


def _v4l2_name(node: str) -> str:
    try:
        name = (_V4L2_CLASS / Path(node).name / "name").read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        name = ""
    return name or node


def _v4l2_capture_node(node: str) -> bool:
    """A camera gives each of its streams a node; index 0 is the picture (the others carry
    metadata and open as no video)."""
    try:
        index = (_V4L2_CLASS / Path(node).name / "index").read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return True
    return index in ("", "0")


def microphone_specs(platform: str = sys.platform) -> list[DeviceSpec]:
    """The microphones worth trying, the system's default first. Blocks: call it off the loop."""
    if platform.startswith("linux"):
        defaults = [DeviceSpec("audio", "default", "pulse"), DeviceSpec("audio", "default", "alsa")]
        return defaults + [
            DeviceSpec("audio", name, "alsa", name=description)
            for name, description in _input_devices("alsa", "audio")
            if _alsa_microphone(name)
        ]
    if platform == "win32":
        return [
            DeviceSpec("audio", f"audio={n}", "dshow", name=n)
            for n, _ in _input_devices("dshow", "audio")
        ]
    if platform == "darwin":
        return [DeviceSpec("audio", "none:default", "avfoundation")]
    return []


def _alsa_microphone(name: str) -> bool:
    """One entry per sound card (`sysdefault:CARD=…`) and the PCMs set up by name in the ALSA
    configuration; not the card's raw ways in (hw:, plughw:, dsnoop:, front: …), not the
    defaults (listed first already) and not the null device."""
    if ":" in name:
        return name.startswith("sysdefault:")
    return name not in ("default", "null", "sysdefault", "pulse", "pipewire")


def _input_devices(input_format: str, media_type: str) -> list[tuple[str, str]]:
    """(FFmpeg's name, its description's first line) of each input device FFmpeg lists."""
    enumerate_devices = getattr(getattr(av, "device", None), "enumerate_input_devices", None)
    if enumerate_devices is None:
        return []
    try:
        devices = enumerate_devices(input_format)
    except (av.FFmpegError, ValueError, OSError):
        return []
    return [
        (d.name, (d.description or d.name).splitlines()[0].strip() or d.name)
        for d in devices
        if not d.media_types or media_type in d.media_types
    ]


def chosen_first(specs: list[DeviceSpec], chosen: str | None) -> list[DeviceSpec]:
    """`specs` with the device of label `chosen` first (unchanged when it is not there)."""
    return sorted(specs, key=lambda spec: spec.label != chosen)


def present(specs: list[DeviceSpec], chosen: str | None) -> bool:
    """Whether the device of label `chosen` is among `specs` (nothing chosen: True)."""
    return chosen is None or any(spec.label == chosen for spec in specs)


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


async def open_camera(
    open_timeout: float = OPEN_TIMEOUT, chosen: str | None = None
) -> DeviceTrack | None:
    """The camera of label `chosen` if it opens, else the first other one that does."""
    return await open_device(lambda: chosen_first(camera_specs(), chosen), open_timeout)


async def open_microphone(
    open_timeout: float = OPEN_TIMEOUT, chosen: str | None = None
) -> DeviceTrack | None:
    """The microphone of label `chosen` if it opens, else the default or another one."""
    return await open_device(lambda: chosen_first(microphone_specs(), chosen), open_timeout)
