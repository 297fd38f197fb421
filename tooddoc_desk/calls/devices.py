"""The PC's camera and microphone, opened through aiortc's MediaPlayer (FFmpeg input devices;
which there are: calls/device_specs.py).

Finding and opening a device blocks (FFmpeg opens it synchronously), so it runs on a thread of its
own with a time limit; so does releasing it (MediaPlayer joins its reader thread). A missing,
busy or unsupported device gives None: the caller falls back on generated media.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import av
from aiortc import MediaStreamTrack
from aiortc.contrib.media import MediaPlayer
from aiortc.mediastreams import MediaStreamError
from av.frame import Frame

from tooddoc_desk.calls.device_specs import DeviceSpec, camera_specs, chosen_first, microphone_specs
from tooddoc_desk.calls.threads import run_in_thread

log = logging.getLogger(__name__)

OPEN_TIMEOUT = 5.0


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
