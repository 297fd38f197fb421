"""Which cameras and microphones this PC has, as FFmpeg names them (calls/devices.py opens them).

A device is named by its `label` ("v4l2:/dev/video0", "alsa:sysdefault:CARD=PCH"): what the
settings keep to choose it again. The one chosen is tried first, then the others, best first.
Listing blocks (FFmpeg asks the system): call it off the event loop.
"""

from __future__ import annotations

import glob
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

_VIDEO_OPTIONS = {"video_size": "640x480", "framerate": "30"}


@dataclass(frozen=True)
class DeviceSpec:
    """What FFmpeg needs to open one input device."""

    kind: str  # "video" or "audio"
    file: str
    format: str
    options: dict[str, str] = field(default_factory=dict, hash=False)
    name: str = field(default="", compare=False)  # what people call it; "" for a default

    @property
    def label(self) -> str:
        return f"{self.format}:{self.file}"

    @property
    def default(self) -> bool:
        """The system's default device (what is used when nothing is chosen)."""
        return not self.name


_V4L2_CLASS = Path("/sys/class/video4linux")


def camera_specs(platform: str = sys.platform) -> list[DeviceSpec]:
    """The cameras worth trying, best first. Blocks (lists devices): call it off the loop."""
    if platform.startswith("linux"):
        nodes = sorted(glob.glob("/dev/video*"), key=lambda p: int(re.sub(r"\D", "", p) or 0))
        return [
            DeviceSpec("video", node, "v4l2", dict(_VIDEO_OPTIONS), _v4l2_name(node))
            for node in nodes
            if _v4l2_capture_node(node)
        ]
    if platform == "win32":
        names = _input_devices("dshow", "video")
        return [
            DeviceSpec("video", f"video={n}", "dshow", dict(_VIDEO_OPTIONS), n) for n, _ in names
        ]
    if platform == "darwin":
        return [DeviceSpec("video", "default:none", "avfoundation", dict(_VIDEO_OPTIONS))]
    return []


def _v4l2_name(node: str) -> str:
    try:
        name = (_V4L2_CLASS / Path(node).name / "name").read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        name = ""
    return name or node


def _v4l2_capture_node(node: str) -> bool:
    """A camera gives each of its streams a node; index 0 is the picture (the others carry
    metadata and open as no video)."""
    try:
        index = (_V4L2_CLASS / Path(node).name / "index").read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return True
    return index in ("", "0")


def microphone_specs(platform: str = sys.platform) -> list[DeviceSpec]:
    """The microphones worth trying, the system's default first. Blocks: call it off the loop."""
    if platform.startswith("linux"):
        defaults = [DeviceSpec("audio", "default", "pulse"), DeviceSpec("audio", "default", "alsa")]
        return defaults + [
            DeviceSpec("audio", name, "alsa", name=description)
            for name, description in _input_devices("alsa", "audio")
            if _alsa_microphone(name)
        ]
    if platform == "win32":
        return [
            DeviceSpec("audio", f"audio={n}", "dshow", name=n)
            for n, _ in _input_devices("dshow", "audio")
        ]
    if platform == "darwin":
        return [DeviceSpec("audio", "none:default", "avfoundation")]
    return []


def _alsa_microphone(name: str) -> bool:
    """One entry per sound card (`sysdefault:CARD=…`) and the PCMs set up by name in the ALSA
    configuration; not the card's raw ways in (hw:, plughw:, dsnoop:, front: …), not the
    defaults (listed first already) and not the null device."""
    if ":" in name:
        return name.startswith("sysdefault:")
    return name not in ("default", "null", "sysdefault", "pulse", "pipewire")


def _input_devices(input_format: str, media_type: str) -> list[tuple[str, str]]:
    """(FFmpeg's name, its description's first line) of each input device FFmpeg lists."""
    import av  # noqa: PLC0415 (FFmpeg loads when devices are listed, not at start-up)

    enumerate_devices = getattr(getattr(av, "device", None), "enumerate_input_devices", None)
    if enumerate_devices is None:
        return []
    try:
        devices = enumerate_devices(input_format)
    except (av.FFmpegError, ValueError, OSError):
        return []
    return [
        (d.name, (d.description or d.name).splitlines()[0].strip() or d.name)
        for d in devices
        if not d.media_types or media_type in d.media_types
    ]


def chosen_first(specs: list[DeviceSpec], chosen: str | None) -> list[DeviceSpec]:
    """`specs` with the device of label `chosen` first (unchanged when it is not there)."""
    return sorted(specs, key=lambda spec: spec.label != chosen)


def present(specs: list[DeviceSpec], chosen: str | None) -> bool:
    """Whether the device of label `chosen` is among `specs` (nothing chosen: True)."""
    return chosen is None or any(spec.label == chosen for spec in specs)
