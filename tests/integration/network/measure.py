"""What each side of a call received, measured from outside the call engine.

    meter = CallMeter(page, doctor)
    await meter.start()
    ...                                   # the call goes on
    window = await meter.window(start, end)
    window.page.fps, window.app.freezes, window.app.audio_share

The patient's side: a script in the page reads its RTCPeerConnection's statistics every 50 ms
(video frames decoded, audio packets received), across the connections it makes. The app's
side: the frames the practitioner's video sink got (their times) and the audio frames the call
engine decoded, read every 100 ms. A freeze is counted as the WebRTC statistics define it: a
frame later than max(3 x the average interval, the average + 150 ms) after the previous one.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import deque
from dataclasses import dataclass, field

from playwright.async_api import Page

from tests.integration.patient.rig import Practitioner

AUDIO_FRAMES_PER_SECOND = 50  # 20 ms Opus frames, both ways
FREEZE_EXTRA = 0.150
AVERAGE_OVER = 30

# Functions, not bare expressions: the page's CSP refuses eval().
_SAMPLER = """() => {
  if (window.__tdSamples) return;
  window.__tdSamples = [];
  setInterval(async () => {
    const pc = window.tooddoc && window.tooddoc.pc;
    if (!pc) return;
    let frames = 0;
    let audio = 0;
    (await pc.getStats()).forEach((r) => {
      if (r.type !== 'inbound-rtp') return;
      if (r.kind === 'video') frames += r.framesDecoded || 0;
      if (r.kind === 'audio') audio += r.packetsReceived || 0;
    });
    window.__tdSamples.push([performance.now() / 1000, window.tooddoc.connections, frames, audio]);
  }, 50);
}"""
_SAMPLES = "() => window.__tdSamples || []"
_PAGE_NOW = "() => performance.now() / 1000"


def freezes_of(arrivals: list[tuple[float, int]]) -> list[float]:
    """The freezes (their lengths, seconds) in a list of (time, frames that arrived then)."""
    found: list[float] = []
    intervals: deque[float] = deque(maxlen=AVERAGE_OVER)
    last: float | None = None
    for at, count in arrivals:
        if count <= 0:
            continue
        if last is not None:
            gap = at - last
            if intervals:
                average = sum(intervals) / len(intervals)
                if gap > max(3 * average, average + FREEZE_EXTRA):
                    found.append(gap)
            intervals.extend([gap / count] * count)
        last = at
    return found


@dataclass(frozen=True)
class Received:
    """What one side received in a window."""

    seconds: float
    video_frames: int
    freezes: list[float]  # their lengths, seconds
    audio_frames: int

    @property
    def fps(self) -> float:
        return self.video_frames / self.seconds

    @property
    def longest_freeze(self) -> float:
        return max(self.freezes, default=0.0)

    @property
    def audio_share(self) -> float:
        """Audio frames received over those expected (1.0: every one)."""
        return self.audio_frames / (self.seconds * AUDIO_FRAMES_PER_SECOND)

    def freezes_per_minute(self) -> float:
        return len(self.freezes) * 60 / self.seconds


@dataclass(frozen=True)
class Window:
    page: Received  # what the patient received: the practitioner's video and voice
    app: Received  # what the practitioner received


@dataclass
class CallMeter:
    page: Page
    doctor: Practitioner
    _offset: float = 0.0  # time.monotonic() - the page's clock
    _audio: list[tuple[float, int]] = field(default_factory=list)  # (time, frames in the step)
    _task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        await self.page.evaluate(_SAMPLER)
        before = time.monotonic()
        page_now: float = await self.page.evaluate(_PAGE_NOW)
        after = time.monotonic()
        self._offset = (before + after) / 2 - page_now
        self._task = asyncio.ensure_future(self._sample_app_audio())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _sample_app_audio(self) -> None:
        source: object = None
        count = 0
        while True:
            audio = self.doctor.session.audio
            if audio is not None:
                if audio is not source:
                    source, count = audio, 0  # a new connection counts from zero
                step, count = audio.frames_received - count, audio.frames_received
                self._audio.append((time.monotonic(), step))
            await asyncio.sleep(0.1)

    async def window(self, start: float, end: float) -> Window:
        raw: list[list[float]] = await self.page.evaluate(_SAMPLES)
        frames: list[tuple[float, int]] = []
        audio = 0
        previous: tuple[float, float, float] | None = None  # (connection, frames, packets)
        for at_page, connection, decoded, packets in raw:
            at = at_page + self._offset
            if previous is None or previous[0] != connection:
                step_frames, step_audio = 0, 0  # a new connection: its counters start anew
            else:
                step_frames = int(max(0, decoded - previous[1]))
                step_audio = int(max(0, packets - previous[2]))
            previous = (connection, decoded, packets)
            if start <= at <= end:
                frames.append((at, step_frames))
                audio += step_audio
        seconds = end - start
        page = Received(seconds, sum(n for _, n in frames), freezes_of(frames), audio)
        shown = [(t, 1) for t in self.doctor.frame_times if start <= t <= end]
        app_audio = sum(n for t, n in self._audio if start <= t <= end)
        app = Received(seconds, len(shown), freezes_of(shown), app_audio)
        return Window(page, app)
