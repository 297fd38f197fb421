"""Listing and choosing devices with the real enumeration (FFmpeg's ALSA listing reads a
configuration that defines a virtual microphone; this machine has no camera)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tooddoc_desk.calls.device_specs import (
    DeviceSpec,
    camera_specs,
    chosen_first,
    microphone_specs,
    present,
)
from tooddoc_desk.calls.publisher import Publisher

ASOUND = """
pcm.tooddoc_desk_mic {
  type file
  slave.pcm { type null }
  file "/dev/null"
  infile "/dev/zero"
  format raw
  hint { show on description "Desk microphone" }
}
"""


@pytest.fixture
def alsa_with_a_microphone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """An ALSA configuration of its own with one named capture device; its label."""
    config = tmp_path / "asound.conf"
    config.write_text(ASOUND)
    monkeypatch.setenv("ALSA_CONFIG_PATH", str(config))
    return "alsa:tooddoc_desk_mic"


def test_a_named_alsa_microphone_is_listed_after_the_defaults(alsa_with_a_microphone: str) -> None:
    specs = microphone_specs("linux")
    labels = [spec.label for spec in specs]
    assert labels[:2] == ["pulse:default", "alsa:default"]
    assert all(spec.default for spec in specs[:2])
    named = {spec.label: spec for spec in specs[2:]}
    assert alsa_with_a_microphone in named
    assert named[alsa_with_a_microphone].name == "Desk microphone"
    assert "alsa:null" not in named


def test_the_chosen_device_is_tried_first_and_a_missing_one_changes_nothing(
    alsa_with_a_microphone: str,
) -> None:
    specs = microphone_specs("linux")
    ordered = chosen_first(specs, alsa_with_a_microphone)
    assert ordered[0].label == alsa_with_a_microphone
    assert [s.label for s in ordered[1:]] == [
        s.label for s in specs if s.label != alsa_with_a_microphone
    ]
    assert chosen_first(specs, "alsa:gone") == specs
    assert chosen_first(specs, None) == specs
    assert present(specs, alsa_with_a_microphone)
    assert present(specs, None)
    assert not present(specs, "alsa:gone")


def test_the_cameras_of_this_machine_are_listed_as_they_are() -> None:
    nodes = sorted(Path("/dev").glob("video*"))
    specs = camera_specs("linux")
    assert len(specs) <= len(nodes)
    assert all(spec.format == "v4l2" and spec.name for spec in specs)
    assert camera_specs("darwin")[0].default
    assert microphone_specs("sunos5") == []


def test_a_chosen_camera_that_is_gone_gives_way_to_the_default_at_call_time() -> None:
    has_camera = bool(camera_specs())

    async def scenario() -> None:
        publisher = Publisher.devices(camera="v4l2:/dev/video63", microphone="alsa:gone")
        await publisher.start()
        if not has_camera:
            assert publisher.video_source_kind == "test_pattern"
        assert publisher.audio_source_kind in ("microphone", "tone")
        await publisher.close()

    asyncio.run(scenario())


def test_specs_of_the_same_device_are_equal_whatever_their_name() -> None:
    assert DeviceSpec("audio", "hw", "alsa", name="A") == DeviceSpec("audio", "hw", "alsa")
