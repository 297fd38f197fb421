"""Generated local media for a PC without a camera or a microphone (and for tests).

`TestPatternTrack`: 640x480 at 30 fps, a bar sliding across and a band at the top that shows the
frame number in binary, so that every frame differs. `ToneTrack`: 48 kHz mono, 20 ms frames, a
quiet 400 Hz tone. Both are paced to real time (monotonic clock) and do a few memory copies per
frame on the event loop: no numpy, no per-pixel Python.
"""

from __future__ import annotations

import asyncio
import fractions
import math
import time
from array import array

from aiortc import MediaStreamTrack
from aiortc.mediastreams import MediaStreamError
from av import AudioFrame, VideoFrame

VIDEO_CLOCK_RATE = 90_000
VIDEO_TIME_BASE = fractions.Fraction(1, VIDEO_CLOCK_RATE)
AUDIO_SAMPLE_RATE = 48_000
AUDIO_TIME_BASE = fractions.Fraction(1, AUDIO_SAMPLE_RATE)
AUDIO_FRAME_SAMPLES = 960  # 20 ms at 48 kHz

# limited-range YUV: 75 % colour bars (Y, U, V), black, white
_BARS = (
    (180, 128, 128),
    (162, 44, 142),
    (131, 156, 44),
    (112, 72, 58),
    (84, 184, 198),
    (65, 100, 212),
    (35, 212, 114),
    (16, 128, 128),
)
_Y_BLACK, _Y_WHITE, _C_NEUTRAL = 16, 235, 128


class Pacer:
    """Timestamps on a `rate` Hz clock that follow real time; `wait` sleeps until the next one.

    If the reader fell behind by more than `max_lag` seconds (a track not read for a while),
    the clock jumps to now instead of producing a burst of late frames.
    """

    def __init__(self, rate: int, step: int, max_lag: float = 0.5) -> None:
        self.rate = rate
        self.step = step
        self.max_lag = max_lag
        self._start: float | None = None
        self._timestamp = 0

    async def next_timestamp(self) -> int:
        now = time.monotonic()
        if self._start is None:
            self._start = now
            return 0
        self._timestamp += self.step
        due = self._start + self._timestamp / self.rate
        if now - due > self.max_lag:
            behind = int((now - self._start) * self.rate)
            self._timestamp = behind - behind % self.step
        elif due > now:
            await asyncio.sleep(due - now)
        return self._timestamp


class TestPatternTrack(MediaStreamTrack):
    """A moving test pattern, 640x480 at 30 fps (yuv420p).

    Colour bars with white stripes scrolling down, and a band at the top showing the frame
    number in binary. Each plane is a window into a precomputed taller image (one copy per
    plane per frame); the band is written over it.
    """

    __test__ = False  # not a pytest class
    kind = "video"
    BAND_ROWS = 32
    PERIOD_ROWS = 120  # the stripes repeat every PERIOD_ROWS rows
    STRIPE_ROWS = 16
    SPEED_ROWS = 4  # per frame: the scroll repeats every PERIOD_ROWS / SPEED_ROWS frames

    def __init__(self, width: int = 640, height: int = 480, fps: int = 30) -> None:
        super().__init__()
        if width % 32 or height % 2 or height <= self.BAND_ROWS:
            raise ValueError("the test pattern needs a width multiple of 32 and an even height")
        self.width, self.height = width, height
        self.frame_count = 0
        self._pacer = Pacer(VIDEO_CLOCK_RATE, VIDEO_CLOCK_RATE // fps)
        probe = VideoFrame(width, height, "yuv420p")
        self._strides = tuple(plane.line_size for plane in probe.planes)
        self._tall = tuple(self._tall_plane(index) for index in range(3))
        self._cells = width // 32
        self._cell = (bytes([_Y_BLACK]) * 32, bytes([_Y_WHITE]) * 32)
        self._y_padding = bytes(self._strides[0] - width)
        self._u_band = bytes([_C_NEUTRAL]) * (self._strides[1] * self.BAND_ROWS // 2)
        self._v_band = bytes([_C_NEUTRAL]) * (self._strides[2] * self.BAND_ROWS // 2)

    def _tall_plane(self, index: int) -> memoryview:
        sub = 1 if index == 0 else 2
        width, stride = self.width // sub, self._strides[index]
        bar_width = width // len(_BARS)
        bars = b"".join(bytes([bar[index]]) * bar_width for bar in _BARS)
        bars += bytes([_BARS[-1][index]]) * (width - len(bars)) + bytes(stride - width)
        stripe_value = _Y_WHITE if index == 0 else _C_NEUTRAL
        stripe = bytes([stripe_value]) * width + bytes(stride - width)
        period = [stripe] * (self.STRIPE_ROWS // sub) + [bars] * (
            (self.PERIOD_ROWS - self.STRIPE_ROWS) // sub
        )
        rows = (self.height + self.PERIOD_ROWS) // sub
        return memoryview(b"".join(period[i % len(period)] for i in range(rows)))

    def render(self, number: int) -> VideoFrame:
        """The pattern's frame `number` (no pacing); a new frame each call."""
        frame = VideoFrame(self.width, self.height, "yuv420p")
        offset = self.PERIOD_ROWS - (number * self.SPEED_ROWS) % self.PERIOD_ROWS
        for index, plane in enumerate(frame.planes):
            sub = 1 if index == 0 else 2
            start = (offset // sub) * self._strides[index]
            memoryview(plane)[:] = self._tall[index][start : start + plane.buffer_size]
        bits = [(number >> (self._cells - 1 - i)) & 1 for i in range(self._cells)]
        band_row = b"".join(self._cell[bit] for bit in bits) + self._y_padding
        memoryview(frame.planes[0])[: len(band_row) * self.BAND_ROWS] = band_row * self.BAND_ROWS
        memoryview(frame.planes[1])[: len(self._u_band)] = self._u_band
        memoryview(frame.planes[2])[: len(self._v_band)] = self._v_band
        return frame

    async def recv(self) -> VideoFrame:
        if self.readyState != "live":
            raise MediaStreamError
        pts = await self._pacer.next_timestamp()
        frame = self.render(self.frame_count)
        frame.pts = pts
        frame.time_base = VIDEO_TIME_BASE
        self.frame_count += 1
        return frame


def black_frame(width: int, height: int) -> VideoFrame:
    frame = VideoFrame(width, height, "yuv420p")
    for plane, value in zip(frame.planes, (_Y_BLACK, _C_NEUTRAL, _C_NEUTRAL), strict=True):
        plane.update(bytes([value]) * plane.buffer_size)
    return frame


def tone_pcm(frequency: float, amplitude: float, samples: int, rate: int) -> bytes:
    """`samples` of a sine as signed 16-bit little-endian mono PCM."""
    peak = amplitude * 32767
    values = array(
        "h", (round(peak * math.sin(2 * math.pi * frequency * i / rate)) for i in range(samples))
    )
    return values.tobytes()


class ToneTrack(MediaStreamTrack):
    """A quiet 400 Hz tone, 48 kHz mono s16 in 20 ms frames (a whole number of periods each)."""

    kind = "audio"

    def __init__(self, frequency: float = 400.0, amplitude: float = 0.05) -> None:
        super().__init__()
        periods = frequency * AUDIO_FRAME_SAMPLES / AUDIO_SAMPLE_RATE
        if abs(periods - round(periods)) > 1e-9:
            raise ValueError("the tone must fit a whole number of periods in 20 ms")
        self.frame_count = 0
        self._pcm = tone_pcm(frequency, amplitude, AUDIO_FRAME_SAMPLES, AUDIO_SAMPLE_RATE)
        self._pacer = Pacer(AUDIO_SAMPLE_RATE, AUDIO_FRAME_SAMPLES)

    async def recv(self) -> AudioFrame:
        if self.readyState != "live":
            raise MediaStreamError
        pts = await self._pacer.next_timestamp()
        frame = AudioFrame(format="s16", layout="mono", samples=AUDIO_FRAME_SAMPLES)
        frame.planes[0].update(self._pcm)
        frame.sample_rate = AUDIO_SAMPLE_RATE
        frame.pts = pts
        frame.time_base = AUDIO_TIME_BASE
        self.frame_count += 1
        return frame
