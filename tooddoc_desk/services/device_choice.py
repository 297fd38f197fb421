"""The camera, microphone and speaker chosen on this PC, kept in devices.json in the data folder.

Not one of the practice's settings (settings.json, changed by a manager): a device's name means
something only on the PC it is plugged into (a webcam's /dev/video2 here is another camera, or
none, at the reception desk), and whoever sits at a PC must be able to pick its headset before a
call without asking a manager. So any signed-in person changes it, it is never copied between
PCs, and a broken devices.json only costs the choice (the defaults are used, and it is written
anew at the next change), never the start of the app.

A choice applies without a restart: the next call opens the camera and the microphone chosen
(a call in progress keeps those it opened); the speaker changes at once, in a call too. When a
consultation's room is opened (`for_call`), a chosen camera or microphone that is not connected
is said; when the call starts, one that still does not open gives way to the default
(calls/devices.py tries the chosen one first, then the others).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from tooddoc_desk.calls.device_specs import DeviceSpec, camera_specs, microphone_specs, present
from tooddoc_desk.calls.threads import run_in_thread
from tooddoc_desk.storage.atomic_file import write_atomically

log = logging.getLogger(__name__)

DEVICES_FILE = "devices.json"
CAMERA_MISSING = (
    "The camera chosen in Settings is not connected: unless it is plugged in before the call "
    "starts, the call uses the default camera."
)
MICROPHONE_MISSING = (
    "The microphone chosen in Settings is not connected: unless it is plugged in before the "
    "call starts, the call uses the default microphone."
)
SPEAKER_MISSING = (
    "The speaker chosen in Settings is not connected: the patient is heard on the default speaker."
)
MAX_ID_LENGTH = 512


@dataclass(frozen=True)
class DeviceChoice:
    """Each device by the label that opens it again; None: the system's default."""

    camera: str | None = None  # calls/devices.py's DeviceSpec.label
    microphone: str | None = None  # likewise
    speaker: str | None = None  # the sound system's id of the output (QAudioDevice.id)

    def __post_init__(self) -> None:
        for name, value in asdict(self).items():
            if value is not None and (
                not isinstance(value, str) or not value or len(value) > MAX_ID_LENGTH
            ):
                raise ValueError(f"{name} must name a device, or be null for the default")


Listener = Callable[[DeviceChoice], None]
Lister = Callable[[], list[DeviceSpec]]


@dataclass(frozen=True)
class CallDevices:
    """What a call opens: the choice with each device that is gone replaced by the default,
    and a sentence for each one replaced."""

    camera: str | None  # the label to try first (the choice, connected or not)
    microphone: str | None
    problems: tuple[str, ...]


class DeviceChoices:
    def __init__(
        self,
        folder: Path,
        *,
        cameras: Lister = camera_specs,
        microphones: Lister = microphone_specs,
    ) -> None:
        self._path = folder / DEVICES_FILE
        self._cameras = cameras
        self._microphones = microphones
        self._listeners: list[Listener] = []
        self.current = self._read()

    def _read(self) -> DeviceChoice:
        try:
            raw = json.loads(self._path.read_text(encoding="utf-8"))
            return DeviceChoice(**{k: raw.get(k) for k in ("camera", "microphone", "speaker")})
        except FileNotFoundError:
            return DeviceChoice()
        except (OSError, UnicodeDecodeError, ValueError, TypeError, AttributeError) as error:
            log.warning("%s cannot be used (%s): the default devices are used", self._path, error)
            return DeviceChoice()

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def save(self, choice: DeviceChoice) -> None:
        """Keeps `choice` for this PC and hands it to the listeners (the window's speaker)."""
        write_atomically(self._path, (json.dumps(asdict(choice), indent=2) + "\n").encode("utf-8"))
        self.current = choice
        log.info("device choice changed")
        for listener in list(self._listeners):
            listener(choice)

    async def listed(self) -> tuple[list[DeviceSpec], list[DeviceSpec]]:
        """This PC's cameras and microphones (listed off the loop: it may block)."""
        return await run_in_thread(
            lambda: (self._cameras(), self._microphones()), name="tooddoc-device-list"
        )

    async def for_call(self) -> CallDevices:
        """The camera and the microphone a call should open first, and a sentence for each of
        those that is not connected now (lists the devices off the loop)."""
        choice = self.current
        if choice.camera is None and choice.microphone is None:
            return CallDevices(None, None, ())
        cameras, microphones = await self.listed()
        problems: list[str] = []
        if not present(cameras, choice.camera):
            problems.append(CAMERA_MISSING)
        if not present(microphones, choice.microphone):
            problems.append(MICROPHONE_MISSING)
        return CallDevices(choice.camera, choice.microphone, tuple(problems))
