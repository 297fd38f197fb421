"""Settings → Devices on the real device code: FFmpeg's lavfi sources opened as two cameras and
a microphone (this machine has none), the choice kept in a real devices.json, the preview
stopped and the devices released when the dialog closes."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.helpers.aio import until
from tests.helpers.hosted_app import run_on_qasync
from tooddoc_desk.calls.device_specs import DeviceSpec, chosen_first
from tooddoc_desk.calls.devices import DeviceTrack, open_device
from tooddoc_desk.calls.frame_types import RgbFrame
from tooddoc_desk.services.device_choice import DeviceChoice, DeviceChoices
from tooddoc_desk.services.device_preview import DevicePreview
from tooddoc_desk.ui.devices_page import DevicesDialog, DevicesPage
from tooddoc_desk.ui.tasks import Tasks

CAMERAS = [
    DeviceSpec("video", "testsrc=size=320x240:rate=30", "lavfi", name="Desk camera"),
    DeviceSpec("video", "testsrc2=size=320x180:rate=30", "lavfi", name="Wide camera"),
]
MICROPHONES = [
    DeviceSpec("audio", "default", "pulse"),
    DeviceSpec("audio", "aevalsrc=0.2*sin(2*PI*440*t):s=48000", "lavfi", name="Headset"),
]


async def lab_camera(chosen: str | None) -> DeviceTrack | None:
    return await open_device(lambda: chosen_first(CAMERAS, chosen))


async def lab_microphone(chosen: str | None) -> DeviceTrack | None:
    return await open_device(lambda: chosen_first(MICROPHONES[1:], chosen))


def lab_preview(
    on_frame: Callable[[RgbFrame], None], on_level: Callable[[float], None]
) -> DevicePreview:
    return DevicePreview(on_frame, on_level, open_video=lab_camera, open_audio=lab_microphone)


@pytest.fixture
def qapp(qapp: QApplication) -> Iterator[QApplication]:
    """Closing the dialog (the only window) must not stop the loop the test runs on."""
    qapp.setQuitOnLastWindowClosed(False)
    yield qapp
    qapp.setQuitOnLastWindowClosed(True)


def preview_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("tooddoc-device-preview")]


def test_devices_are_listed_previewed_chosen_and_released(
    qapp: QApplication, tmp_path: Path
) -> None:
    choices = DeviceChoices(tmp_path, cameras=lambda: CAMERAS, microphones=lambda: MICROPHONES)
    problems: list[str] = []

    async def scenario() -> None:
        tasks = Tasks(problems.append)
        dialog = DevicesDialog(choices, tasks)
        page = dialog.page
        page._preview_factory = lab_preview
        dialog.show()
        await until(page.video.showing_picture, "the preview")
        await until(lambda: page.level.value() > 0, "the microphone's level")
        cameras = [page.camera.itemText(i) for i in range(page.camera.count())]
        assert cameras == ["Default camera", "Desk camera", "Wide camera"]
        assert [page.microphone.itemText(i) for i in range(page.microphone.count())] == [
            "Default microphone",
            "Headset",
        ]
        assert page.speaker.itemText(0) == "Default speaker"

        before = page.video.frames_shown
        page.camera.setCurrentIndex(2)  # the wide camera: kept at once, previewed
        assert choices.current.camera == CAMERAS[1].label
        assert DeviceChoices(tmp_path).current.camera == CAMERAS[1].label
        await until(
            lambda: page._camera_shown is not None and page._camera_shown.label == CAMERAS[1].label,
            "the wide camera",
        )
        await until(lambda: page.video.frames_shown > before + 2, "its frames")
        assert page.camera_note.isHidden()

        dialog.accept()  # closing stops the preview and releases the devices
        assert page.preview is None
        await tasks.drain()
        await until(lambda: not preview_threads(), "the preview's thread gone")
        assert problems == []

    run_on_qasync(qapp, scenario)


def test_a_device_not_connected_is_listed_as_such_and_the_call_fallback_is_shown(
    qapp: QApplication, tmp_path: Path
) -> None:
    choices = DeviceChoices(tmp_path)  # this machine's own devices: no camera
    choices.save(DeviceChoice(camera="v4l2:/dev/video63", speaker="gone-speaker"))
    problems: list[str] = []

    async def scenario() -> None:
        tasks = Tasks(problems.append)
        page = DevicesPage(choices, tasks)
        page.show()
        await until(page.video.showing_picture, "the test pattern")
        assert page.camera.currentText() == "v4l2:/dev/video63 (not connected)"
        assert "test pattern" in page.camera_note.text()
        assert (
            "not connected" in page.speaker_note.text() or "no speaker" in page.speaker_note.text()
        )
        await until(lambda: page.level.value() > 0, "the tone's level")
        page.camera.setCurrentIndex(0)  # back to the default
        assert choices.current.camera is None
        page.hide()
        await tasks.drain()
        assert page.preview is None
        assert problems == []

    run_on_qasync(qapp, scenario)
