"""Whether the patient's media is still coming in: a stall, and the media flowing again.

A call's connection can look healthy to ICE for a long while after the network went away (aioice
checks consent every 5 s and gives up after 6 failures): the frames say it at once. `MediaWatch`
reads the frame counters of one peer connection's subscribers a few times a second while its
`run()` is awaited (the owner runs it as a task and cancels it); `on_stalled` is called once no
frame at all came for `stall_seconds`, `on_flowing` when media comes again.

Flowing again means video when the patient sent video before the stall: after an outage aiortc's
video jitter buffer holds the video back for seconds while the audio comes through at once, and
the patient's page makes a new connection in that time anyway.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from tooddoc_desk.calls.peer import PreparedPeer

STALL_SECONDS = 2.0
CHECK_SECONDS = 0.2


def frame_counts(peer: PreparedPeer) -> tuple[int, int]:
    """(video frames, audio frames) received so far on this peer connection."""
    video = peer.video.frames_received if peer.video is not None else 0
    audio = peer.audio.frames_received if peer.audio is not None else 0
    return video, audio


class MediaWatch:
    def __init__(
        self,
        peer: PreparedPeer,
        *,
        on_stalled: Callable[[], None],
        on_flowing: Callable[[], None],
        stall_seconds: float | None = None,
        check_seconds: float | None = None,
    ) -> None:
        self.peer = peer
        self.stalled = False
        self._on_stalled = on_stalled
        self._on_flowing = on_flowing
        self._stall_seconds = STALL_SECONDS if stall_seconds is None else stall_seconds
        self._check_seconds = CHECK_SECONDS if check_seconds is None else check_seconds

    async def run(self) -> None:
        counts = frame_counts(self.peer)
        changed_at = time.monotonic()
        at_stall = counts
        while True:
            await asyncio.sleep(self._check_seconds)
            now, latest = time.monotonic(), frame_counts(self.peer)
            if latest != counts:
                counts, changed_at = latest, now
            if not self.stalled and now - changed_at >= self._stall_seconds:
                self.stalled, at_stall = True, counts
                self._on_stalled()
            elif self.stalled and _flowing_again(at_stall, counts):
                self.stalled = False
                self._on_flowing()


def _flowing_again(at_stall: tuple[int, int], now: tuple[int, int]) -> bool:
    (video_before, audio_before), (video, audio) = at_stall, now
    if video_before > 0:
        return video > video_before
    return video > 0 or audio > audio_before
