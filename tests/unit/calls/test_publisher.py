"""Local media: on/off without renegotiation, continuous timestamps, the self view, devices."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from aiortc.mediastreams import MediaStreamError
from av import VideoFrame

from tests.helpers.aio import Counter, run
from tooddoc_desk.calls.device_specs import DeviceSpec, camera_specs, microphone_specs
from tooddoc_desk.calls.devices import DeviceTrack, open_device
from tooddoc_desk.calls.frame_types import RgbFrame, pcm_level
from tooddoc_desk.calls.frames import frame_pcm
from tooddoc_desk.calls.publisher import Publisher
from tooddoc_desk.calls.threads import run_in_thread

LAVFI_CAMERA = DeviceSpec("video", "testsrc=size=320x240:rate=30", "lavfi")


def luma_mean(frame: VideoFrame) -> float:
    plane = bytes(frame.planes[0])
    return sum(plane[::97]) / len(plane[::97])


def test_muted_audio_is_silence_of_the_same_shape_and_unmuting_brings_the_tone_back() -> None:
    async def scenario() -> None:
        publisher = Publisher.generated()
        loud = await publisher.audio.recv()
        await publisher.publish_audio(False)
        assert not publisher.publishing_audio
        quiet = await publisher.audio.recv()
        assert pcm_level(frame_pcm(loud)) > 0.02
        assert pcm_level(frame_pcm(quiet)) == 0.0
        assert (quiet.samples, quiet.sample_rate) == (loud.samples, loud.sample_rate)
        assert quiet.pts is not None
        assert loud.pts is not None
        assert quiet.pts > loud.pts
        await publisher.publish_audio(True)
        assert pcm_level(frame_pcm(await publisher.audio.recv())) > 0.02
        assert publisher.audio.frames_sent == 3
        await publisher.close()

    run(scenario)


def test_video_off_sends_black_and_timestamps_stay_continuous() -> None:
    async def scenario() -> None:
        publisher = Publisher.generated()
        assert publisher.video_source_kind == "test_pattern"
        stamps: list[int] = []
        pattern = await publisher.video.recv()
        assert pattern.pts is not None
        stamps.append(pattern.pts)
        await publisher.publish_video(False)
        black = await publisher.video.recv()
        assert black.pts is not None
        stamps.append(black.pts)
        assert luma_mean(pattern) > 60
        assert luma_mean(black) == 16
        await publisher.publish_video(True)
        again = await publisher.video.recv()
        assert again.pts is not None
        stamps.append(again.pts)
        assert luma_mean(again) > 60
        assert stamps == sorted(set(stamps))  # strictly increasing on one 90 kHz clock
        await publisher.close()
        with pytest.raises(MediaStreamError):
            await publisher.video.recv()
        with pytest.raises(MediaStreamError):
            await publisher.audio.recv()

    run(scenario)


def test_the_self_view_gets_the_frames_sent_scaled() -> None:
    async def scenario() -> None:
        publisher = Publisher.generated()
        preview = Counter()
        publisher.set_preview_sink(preview, box=(320, 240))
        for _ in range(3):
            await publisher.video.recv()
        await preview.reached(1)
        frame = preview.last
        assert isinstance(frame, RgbFrame)
        assert (frame.width, frame.height) == (320, 240)
        publisher.set_preview_sink(None)
        await publisher.close()

    run(scenario)


def test_devices_open_only_when_started_and_fall_back_to_generated_media() -> None:
    has_camera = Path("/dev/video0").exists()

    async def scenario() -> None:
        publisher = Publisher.devices()
        assert (publisher.video_source_kind, publisher.audio_source_kind) == ("none", "none")
        await publisher.start()
        assert publisher.video_source_kind in ("camera", "test_pattern")
        assert publisher.audio_source_kind in ("microphone", "tone")
        if not has_camera:
            assert publisher.video_source_kind == "test_pattern"
        await publisher.close()

    run(scenario)


def test_no_device_is_found_here() -> None:
    assert microphone_specs("sunos5") == []
    assert camera_specs("darwin")[0].format == "avfoundation"

    async def scenario() -> None:
        missing = DeviceSpec("video", "/dev/video99", "v4l2")
        assert await open_device(lambda: [missing]) is None

    run(scenario)


def test_a_device_opens_off_the_loop_and_is_released_without_blocking_it() -> None:
    async def scenario() -> None:
        camera = await open_device(lambda: [LAVFI_CAMERA])
        assert isinstance(camera, DeviceTrack)
        assert camera.kind == "video"
        frame = await camera.recv()
        assert isinstance(frame, VideoFrame)
        assert frame.width == 320
        pending = asyncio.ensure_future(camera.recv())
        camera.stop()  # wakes a pending recv, releases the device on a thread
        with pytest.raises(MediaStreamError):
            await pending
        await camera.released()

    run(scenario)


def test_turning_the_camera_off_releases_it_and_on_opens_it_again() -> None:
    async def scenario() -> None:
        opened: list[DeviceTrack] = []

        async def open_camera() -> DeviceTrack | None:
            camera = await open_device(lambda: [LAVFI_CAMERA])
            assert camera is not None
            opened.append(camera)
            return camera

        first = await open_camera()
        assert first is not None
        publisher = Publisher(first, None, reopen_video=open_camera)
        assert publisher.video_source_kind == "camera"
        assert publisher.audio_source_kind == "none"
        assert (await publisher.video.recv()).width == 320
        await publisher.publish_video(False)
        assert first.readyState == "ended"
        assert publisher.video_source_kind == "none"
        assert (await publisher.video.recv()).width == 640  # black, at the call's size
        await publisher.publish_video(True)
        assert len(opened) == 2
        assert publisher.video_source_kind == "camera"
        assert (await publisher.video.recv()).width == 320
        assert pcm_level(frame_pcm(await publisher.audio.recv())) == 0.0  # no microphone
        await publisher.close()
        assert opened[1].readyState == "ended"

    run(scenario)


def test_a_device_that_opens_too_late_is_closed() -> None:
    async def scenario() -> None:
        release = threading.Event()
        discarded = threading.Event()

        def slow_open() -> str:
            release.wait(5)
            return "device"

        def discard(device: str) -> None:
            discarded.set()

        with pytest.raises(TimeoutError):
            async with asyncio.timeout(0.05):
                await run_in_thread(slow_open, name="test-slow-open", discard=discard)
        release.set()
        assert await asyncio.get_running_loop().run_in_executor(None, discarded.wait, 5)

    run(scenario)
