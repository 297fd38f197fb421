"""This PC's device choice: kept in devices.json, handed to listeners, checked at call time
against the devices listed (the real listing, and lists given for a camera here)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from tooddoc_desk.calls.device_specs import DeviceSpec
from tooddoc_desk.services.device_choice import (
    CAMERA_MISSING,
    DEVICES_FILE,
    MICROPHONE_MISSING,
    DeviceChoice,
    DeviceChoices,
)

WEBCAM = DeviceSpec("video", "/dev/video2", "v4l2", name="USB webcam")
HEADSET = DeviceSpec("audio", "sysdefault:CARD=Headset", "alsa", name="Headset")


def test_a_choice_is_kept_for_this_pc_and_handed_on(tmp_path: Path) -> None:
    choices = DeviceChoices(tmp_path)
    assert choices.current == DeviceChoice()
    heard: list[DeviceChoice] = []
    choices.subscribe(heard.append)
    choice = DeviceChoice(camera=WEBCAM.label, microphone=None, speaker="alsa_output.usb")
    choices.save(choice)
    assert heard == [choice]
    assert json.loads((tmp_path / DEVICES_FILE).read_text())["camera"] == "v4l2:/dev/video2"
    assert DeviceChoices(tmp_path).current == choice  # the next start


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        "[]",
        '{"camera": 3}',
        '{"camera": ""}',
        "\udcff".encode("utf-8", "surrogateescape").decode("latin-1"),
    ],
)
def test_a_broken_file_costs_the_choice_not_the_start(tmp_path: Path, content: str) -> None:
    (tmp_path / DEVICES_FILE).write_text(content, encoding="latin-1")
    choices = DeviceChoices(tmp_path)
    assert choices.current == DeviceChoice()
    choices.save(DeviceChoice(speaker="x"))  # written anew
    assert DeviceChoices(tmp_path).current == DeviceChoice(speaker="x")


def test_a_device_is_named_or_left_to_the_default() -> None:
    with pytest.raises(ValueError, match="camera"):
        DeviceChoice(camera="")
    with pytest.raises(ValueError, match="speaker"):
        DeviceChoice(speaker="x" * 513)


def test_at_call_time_a_missing_device_is_said_and_the_choice_still_tried_first(
    tmp_path: Path,
) -> None:
    listed = {"cameras": [WEBCAM], "microphones": [HEADSET]}
    choices = DeviceChoices(
        tmp_path, cameras=lambda: list(listed["cameras"]), microphones=lambda: listed["microphones"]
    )
    choices.save(DeviceChoice(camera=WEBCAM.label, microphone=HEADSET.label))
    ready = asyncio.run(choices.for_call())
    assert (ready.camera, ready.microphone, ready.problems) == (WEBCAM.label, HEADSET.label, ())
    listed["cameras"] = []  # the webcam was unplugged
    ready = asyncio.run(choices.for_call())
    assert ready.problems == (CAMERA_MISSING,)
    assert ready.camera == WEBCAM.label  # plugged in again before the call, it is used


def test_with_the_real_listing_a_camera_that_is_not_here_is_said(tmp_path: Path) -> None:
    choices = DeviceChoices(tmp_path)
    choices.save(DeviceChoice(camera="v4l2:/dev/video63", microphone="alsa:no-such-mic"))
    ready = asyncio.run(choices.for_call())
    assert ready.problems == (CAMERA_MISSING, MICROPHONE_MISSING)
    choices.save(DeviceChoice())
    assert asyncio.run(choices.for_call()).problems == ()
