"""Generated media: the test pattern moves and keeps time, the tone can be heard."""

from __future__ import annotations

import itertools
import time

from tests.helpers.aio import run
from tooddoc_desk.calls.frame_types import pcm_level
from tooddoc_desk.calls.frames import frame_pcm
from tooddoc_desk.calls.generated import (
    AUDIO_FRAME_SAMPLES,
    AUDIO_SAMPLE_RATE,
    VIDEO_TIME_BASE,
    TestPatternTrack,
    ToneTrack,
    black_frame,
)


def test_consecutive_pattern_frames_differ() -> None:
    pattern = TestPatternTrack()
    lumas = [bytes(pattern.render(n).planes[0]) for n in range(40)]
    assert all(a != b for a, b in itertools.pairwise(lumas))
    assert len(set(lumas)) == 40  # the frame number band makes every frame unique


def test_pattern_frames_have_the_size_and_format_a_call_sends() -> None:
    frame = TestPatternTrack().render(0)
    assert (frame.width, frame.height, frame.format.name) == (640, 480, "yuv420p")
    rgb = frame.reformat(format="rgb24")
    stride = rgb.planes[0].line_size
    row = bytes(rgb.planes[0])[100 * stride : 100 * stride + 640 * 3]
    colours = {row[x : x + 3] for x in range(0, len(row), 3)}
    assert len(colours) >= 8  # colour bars, not a flat picture


def test_pattern_is_paced_at_30_fps_on_a_90_khz_clock() -> None:
    async def scenario() -> None:
        pattern = TestPatternTrack()
        started = time.monotonic()
        stamps = [(await pattern.recv()).pts for _ in range(16)]
        elapsed = time.monotonic() - started
        assert stamps == [3000 * n for n in range(16)]
        assert 0.45 <= elapsed < 0.75  # 15 frame intervals of 1/30 s
        frame = await pattern.recv()
        assert frame.time_base == VIDEO_TIME_BASE
        pattern.stop()

    run(scenario)


def test_a_pattern_not_read_for_a_while_catches_up_without_a_burst() -> None:
    async def scenario() -> None:
        pattern = TestPatternTrack()
        await pattern.recv()
        pattern._pacer._start = time.monotonic() - 2.0  # as if nobody read it for 2 s
        frame = await pattern.recv()
        assert frame.pts is not None
        assert frame.pts >= 2 * 90_000 - 3000
        pattern.stop()

    run(scenario)


def test_the_tone_has_energy_and_keeps_time() -> None:
    async def scenario() -> None:
        tone = ToneTrack()
        frames = [await tone.recv() for _ in range(3)]
        for frame in frames:
            assert frame.samples == AUDIO_FRAME_SAMPLES
            assert frame.sample_rate == AUDIO_SAMPLE_RATE
            level = pcm_level(frame_pcm(frame))
            assert 0.02 < level < 0.1  # audible, and quiet
        assert [f.pts for f in frames] == [0, 960, 1920]
        tone.stop()

    run(scenario)


def test_black_is_black() -> None:
    rgb = black_frame(64, 48).reformat(format="rgb24")
    assert max(bytes(rgb.planes[0])) <= 2
