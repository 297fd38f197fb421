"""What each side of a call received, measured from outside the call engine.

    meter = CallMeter(page, doctor)
    await meter.start()
    ...                                   # the call goes on
    window = await meter.window(start, end)
    window.page.fps, window.app.freezes, window.app.audio_share, window.page.video_kbps

`metered_call` makes the call the network tests and bench/network_bench.py measure: a patient
joins, the practitioner admits at once, and the meter starts once media flows both ways.

The patient's side: a script in the page reads its RTCPeerConnection's statistics every 50 ms
(video frames decoded, audio packets received, video payload bytes received and sent), across
the connections it makes; the video bitrate each way is read there (what reached the patient
from the app, and what the patient's Chromium sent). The app's side: the frames the
practitioner's video sink got (their times) and the audio frames the call engine decoded, read
every 100 ms. A freeze is counted as the WebRTC statistics define it: a
frame later than max(3 x the average interval, the average + 150 ms) after the previous one.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import deque
from dataclasses import dataclass, field

from playwright.async_api import Page

from tests.helpers.browser import wait_for_frames_decoded
from tests.integration.network.profiles import NetworkProfile
from tests.integration.patient.rig import PHONE, Practitioner, Rig, join, state_is

AUDIO_FRAMES_PER_SECOND = 50  # 20 ms Opus frames, both ways
FREEZE_EXTRA = 0.150
AVERAGE_OVER = 30
SETTLE_SECONDS = 5.0  # the start of a call probes the link; the bounds are about the call

# Functions, not bare expressions: the page's CSP refuses eval().
_SAMPLER = """() => {
  if (window.__tdSamples) return;
  window.__tdSamples = [];
  setInterval(async () => {
    const pc = window.tooddoc && window.tooddoc.pc;
    if (!pc) return;
    let frames = 0;
    let audio = 0;
    let bytesIn = 0;
    let bytesOut = 0;
    (await pc.getStats()).forEach((r) => {
      if (r.type === 'outbound-rtp' && r.kind === 'video') bytesOut += r.bytesSent || 0;
      if (r.type !== 'inbound-rtp') return;
      if (r.kind === 'video') {
        frames += r.framesDecoded || 0;
        bytesIn += r.bytesReceived || 0;
      }
      if (r.kind === 'audio') audio += r.packetsReceived || 0;
    });
    window.__tdSamples.push(
      [performance.now() / 1000, window.tooddoc.connections, frames, audio, bytesIn, bytesOut]);
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
    video_bytes: int  # payload

    @property
    def video_kbps(self) -> float:
        return self.video_bytes * 8 / 1000 / self.seconds

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
    app: Received  # what the practitioner received (its bytes: what the patient's Chromium sent)


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
        totals = [0, 0, 0]  # audio packets, video bytes in, video bytes out
        previous: list[float] | None = None  # (connection, frames, packets, bytes in, bytes out)
        for at_page, *sample in raw:
            at = at_page + self._offset
            if previous is None or previous[0] != sample[0]:
                steps = [0, 0, 0, 0]  # a new connection: its counters start anew
            else:
                steps = [
                    int(max(0, now - then))
                    for now, then in zip(sample[1:], previous[1:], strict=True)
                ]
            previous = sample
            if start <= at <= end:
                frames.append((at, steps[0]))
                totals = [total + step for total, step in zip(totals, steps[1:], strict=True)]
        audio, bytes_in, bytes_out = totals
        seconds = end - start
        page = Received(seconds, sum(n for _, n in frames), freezes_of(frames), audio, bytes_in)
        shown = [(t, 1) for t in self.doctor.frame_times if start <= t <= end]
        app_audio = sum(n for t, n in self._audio if start <= t <= end)
        app = Received(seconds, len(shown), freezes_of(shown), app_audio, bytes_out)
        return Window(page, app)


async def metered_call(r: Rig) -> tuple[Practitioner, CallMeter]:
    """A patient joins, the practitioner admits at once; returns once media flows both ways."""
    room = await r.room()
    doctor = await r.practitioner(room, auto_admit=True)
    page, _ = await r.open(room.patient_url, PHONE)
    await join(page, ready_ms=30_000)  # the page loads over the emulated link
    await state_is(page, "in_call", 30_000)
    meter = CallMeter(page, doctor)
    await meter.start()
    await wait_for_frames_decoded(page, 5, 30)
    await doctor.received(5, 30)
    return doctor, meter


async def measured(meter: CallMeter, seconds: float) -> tuple[Window, float, float]:
    """The scenario: the call goes on for `seconds` after settling; what each side received."""
    await asyncio.sleep(SETTLE_SECONDS)
    start = time.monotonic()
    await asyncio.sleep(seconds)
    end = time.monotonic()
    return await meter.window(start, end), start, end


def describe(profile: NetworkProfile, window: Window) -> str:
    page, app = window.page, window.app
    return (
        f"\n{profile.name}: to the patient {page.fps:.1f} fps, {len(page.freezes)} freezes "
        f"(longest {page.longest_freeze:.2f} s), {page.video_kbps:.0f} kbps, "
        f"audio {100 * page.audio_share:.0f} %; "
        f"from the patient {app.fps:.1f} fps, {len(app.freezes)} freezes "
        f"(longest {app.longest_freeze:.2f} s), {app.video_kbps:.0f} kbps, "
        f"audio {100 * app.audio_share:.0f} %"
    )
