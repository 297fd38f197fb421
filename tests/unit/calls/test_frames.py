"""Frames to the UI: converted off the loop, delivered on it, newest first; audio consumed."""

from __future__ import annotations

import asyncio
import threading

import pytest
from aiortc import MediaStreamTrack
from aiortc.mediastreams import MediaStreamError
from av.frame import Frame

from tests.helpers.aio import Counter, run
from tooddoc_desk.calls import frames as frames_module
from tooddoc_desk.calls.frame_types import PcmChunk, RgbFrame, pcm_level
from tooddoc_desk.calls.frames import AudioSubscriber, FrameConverter, Subscriber, to_rgb
from tooddoc_desk.calls.generated import TestPatternTrack, ToneTrack


class FiniteTrack(MediaStreamTrack):
    """The first `count` frames of another track, then the end (as a remote track ends)."""

    def __init__(self, inner: MediaStreamTrack, count: int) -> None:
        super().__init__()
        self.kind = inner.kind
        self._inner = inner
        self._left = count

    async def recv(self) -> Frame:
        if self._left == 0:
            self.stop()
            raise MediaStreamError
        self._left -= 1
        frame = await self._inner.recv()
        assert isinstance(frame, Frame)
        return frame


def test_an_rgb_frame_must_hold_its_pixels() -> None:
    RgbFrame(2, 2, bytes(16), 8)
    with pytest.raises(ValueError, match="does not hold"):
        RgbFrame(2, 2, bytes(15), 8)
    with pytest.raises(ValueError, match="does not hold"):
        RgbFrame(4, 2, bytes(24), 12)
    with pytest.raises(ValueError, match="positive"):
        RgbFrame(0, 2, b"", 0)


def test_conversion_gives_rgb_rows_and_can_scale() -> None:
    frame = TestPatternTrack().render(7)
    rgb = to_rgb(frame)
    assert (rgb.width, rgb.height) == (640, 480)
    assert rgb.stride >= 640 * 4
    assert len(rgb.data) >= rgb.stride * 480
    small = to_rgb(frame, (320, 240))
    assert (small.width, small.height) == (320, 240)


def test_a_slow_consumer_gets_the_newest_frame_and_nothing_queues_up(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    converting_threads: set[str] = set()
    original = frames_module.to_rgb

    def spying_to_rgb(frame: object, size: object, reformatter: object) -> RgbFrame:
        converting_threads.add(threading.current_thread().name)
        return original(frame, size, reformatter)  # type: ignore[arg-type]

    monkeypatch.setattr(frames_module, "to_rgb", spying_to_rgb)

    async def scenario() -> None:
        loop_thread = threading.get_ident()
        sink_threads: set[int] = set()
        delivered = Counter()

        def sink(frame: RgbFrame) -> None:
            sink_threads.add(threading.get_ident())
            delivered(frame)

        pattern = TestPatternTrack()
        frames = [pattern.render(n) for n in range(20)]
        converter = FrameConverter(sink, name="test-convert")
        for frame in frames:  # all at once: the worker is busy with the first
            converter.push(frame)
        await delivered.reached(2)
        await converter.close()
        assert delivered.count == 2
        assert (converter.received, converter.delivered, converter.dropped) == (20, 2, 18)
        assert delivered.last == to_rgb(frames[-1])  # the newest one, not the 2nd
        assert sink_threads == {loop_thread}
        assert converting_threads
        assert all(n.startswith("test-convert") for n in converting_threads)
        assert converter.first_frame_at is not None

    run(scenario)


def test_without_a_sink_frames_are_counted_not_converted() -> None:
    async def scenario() -> None:
        converter = FrameConverter(None, name="test-idle")
        converter.push(TestPatternTrack().render(0))
        await converter.close()
        assert (converter.received, converter.delivered, converter.dropped) == (1, 0, 1)

    run(scenario)


def test_a_failing_sink_does_not_stop_delivery(caplog: pytest.LogCaptureFixture) -> None:
    async def scenario() -> None:
        calls = Counter()

        def sink(frame: RgbFrame) -> None:
            calls(frame)
            raise RuntimeError("the UI is gone")

        converter = FrameConverter(sink, name="test-failing")
        pattern = TestPatternTrack()
        converter.push(pattern.render(0))
        await calls.reached(1)
        converter.push(pattern.render(1))
        await calls.reached(2)
        await converter.close()

    run(scenario)
    assert "the video sink failed" in caplog.text


def test_a_subscriber_reads_a_video_track_to_its_end() -> None:
    async def scenario() -> None:
        delivered, first, ended = Counter(), Counter(), asyncio.Event()
        track = FiniteTrack(TestPatternTrack(), 5)
        subscriber = Subscriber(
            track, delivered, on_first_frame=lambda: first(None), on_ended=ended.set
        )
        async with asyncio.timeout(5):
            await ended.wait()
        await delivered.reached(1)
        assert subscriber.frames_received == 5
        assert first.count == 1
        assert subscriber.first_frame_at is not None
        await subscriber.close()
        assert subscriber.frames_delivered >= 1

    run(scenario)


def test_an_audio_subscriber_consumes_and_hands_pcm_to_playback() -> None:
    async def scenario() -> None:
        chunks, ended = Counter(), asyncio.Event()
        audio = AudioSubscriber(FiniteTrack(ToneTrack(), 4), chunks, on_ended=ended.set)
        async with asyncio.timeout(5):
            await ended.wait()
        assert audio.frames_received == 4
        assert chunks.count == 4
        chunk = chunks.last
        assert isinstance(chunk, PcmChunk)
        assert (chunk.sample_rate, chunk.channels, len(chunk.data)) == (48_000, 1, 1920)
        assert pcm_level(chunk.data) > 0.02
        assert audio.level() > 0.02
        await audio.close()

    run(scenario)
