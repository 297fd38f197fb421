"""The Devices page's preview through the real device code (FFmpeg's lavfi sources opened as a
camera and a microphone), and on this machine's own devices: none, so the test pattern and the
tone a call would send."""

from __future__ import annotations

import asyncio
import threading

from tests.helpers.aio import until
from tooddoc_desk.calls.device_specs import DeviceSpec, chosen_first
from tooddoc_desk.calls.devices import DeviceTrack, open_device
from tooddoc_desk.calls.frame_types import RgbFrame
from tooddoc_desk.services.device_preview import DevicePreview

CAMERA = DeviceSpec("video", "testsrc=size=320x240:rate=30", "lavfi", name="Lab camera")
OTHER_CAMERA = DeviceSpec("video", "testsrc2=size=160x120:rate=30", "lavfi", name="Other")
MICROPHONE = DeviceSpec("audio", "aevalsrc=0.5*sin(2*PI*440*t):s=48000", "lavfi", name="Lab mic")


async def lab_camera(chosen: str | None) -> DeviceTrack | None:
    return await open_device(lambda: chosen_first([OTHER_CAMERA, CAMERA], chosen))


async def lab_microphone(chosen: str | None) -> DeviceTrack | None:
    return await open_device(lambda: chosen_first([MICROPHONE], chosen))


def test_the_chosen_camera_is_previewed_off_the_loop_and_the_level_measured() -> None:
    frames: list[tuple[RgbFrame, str]] = []
    levels: list[float] = []

    def on_frame(frame: RgbFrame) -> None:
        frames.append((frame, threading.current_thread().name))

    async def scenario() -> None:
        preview = DevicePreview(
            on_frame, levels.append, open_video=lab_camera, open_audio=lab_microphone
        )
        try:
            await check(preview)
        finally:
            await preview.close()
        assert not any(t.name.startswith("tooddoc-device-preview") for t in threading.enumerate())

    async def check(preview: DevicePreview) -> None:
        preview.set_box(on_frame, (160, 160))
        shown = await preview.show_camera(CAMERA.label)
        assert (shown.label, shown.name) == (CAMERA.label, "Lab camera")
        heard = await preview.listen(None)
        assert heard.label == MICROPHONE.label
        await until(lambda: len(frames) >= 3 and len(levels) >= 3, "frames and levels")
        frame, thread = frames[-1]
        assert (frame.width, frame.height) == (160, 120)  # 320x240 fitted into the box
        assert thread == threading.main_thread().name  # handed over on the loop's thread
        # a sine of amplitude 0.5 (RMS 0.354), made stereo by the player at -3 dB: 0.25
        assert 0.23 < levels[-1] < 0.27

        shown = await preview.show_camera("lavfi:gone")  # a choice that is not there
        assert shown.label == OTHER_CAMERA.label

    asyncio.run(scenario())


def test_without_devices_the_preview_shows_what_a_call_sends() -> None:
    frames: list[RgbFrame] = []
    levels: list[float] = []

    async def scenario() -> None:
        preview = DevicePreview(frames.append, levels.append)  # this machine's own devices
        shown = await preview.show_camera("v4l2:/dev/video63")
        heard = await preview.listen("alsa:no-such-mic")
        await until(lambda: bool(frames and levels), "the test pattern and the tone")
        await preview.close()
        if shown.label is None:  # no camera here: the test pattern
            assert (frames[0].width, frames[0].height) == (640, 480)
        if heard.label is None:  # no microphone: the quiet tone
            assert 0.03 < max(levels) < 0.04

    asyncio.run(scenario())
