"""The pictures and sound the call engine hands out, as plain values: what the services and the
window hold without loading the engine (calls/frames.py makes them from aiortc's frames)."""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class RgbFrame:
    """One picture: `height` rows of `stride` bytes, each starting with `width` 32-bit pixels
    0xffRRGGBB in little-endian byte order (B, G, R, 255): what Qt paints without converting
    (QImage.Format_RGB32), so that drawing a frame is a copy."""

    width: int
    height: int
    data: bytes
    stride: int

    def __post_init__(self) -> None:
        if self.width <= 0 or self.height <= 0:
            raise ValueError("a frame has a positive size")
        if self.stride < self.width * BYTES_PER_PIXEL or len(self.data) < self.stride * self.height:
            raise ValueError("the frame's data does not hold width x height RGB pixels")


BYTES_PER_PIXEL = 4
FrameSink = Callable[[RgbFrame], None]


Box = tuple[int, int]


def fitted_size(width: int, height: int, box: Box) -> Box:
    """The largest even size of the frame's aspect ratio that fits in `box`."""
    scale = min(box[0] / width, box[1] / height)
    return max(2, int(width * scale) // 2 * 2), max(2, int(height * scale) // 2 * 2)


@dataclass(frozen=True)
class PcmChunk:
    """Interleaved signed 16-bit PCM."""

    sample_rate: int
    channels: int
    data: bytes


PcmHook = Callable[[PcmChunk], None]


def pcm_level(pcm: bytes) -> float:
    """The RMS level of s16 PCM, from 0.0 (silence) to 1.0 (full scale)."""
    samples = array("h", pcm[: len(pcm) - len(pcm) % 2])
    if not samples:
        return 0.0
    return math.sqrt(sum(s * s for s in samples) / len(samples)) / 32768
