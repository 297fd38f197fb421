"""Plays on a PulseAudio sink by its id, through the window's own sound code, and prints what
happened as JSON (run with PULSE_SERVER pointing at the server that has the sink).

    python -m tests.helpers.speaker_probe SINK_ID
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtWidgets import QApplication

from tooddoc_desk.calls.frame_types import PcmChunk
from tooddoc_desk.ui.devices_page import TestSound
from tooddoc_desk.ui.sound_output import SoundOutput, speaker, speaker_id


def main(sink: str) -> None:
    qapp = QApplication(sys.argv[:1])
    report: dict[str, object] = {}
    device, found = speaker(sink)
    report["found"], report["name"] = found, device.description()
    report["gone_found"] = speaker("no-such-sink")[1]

    sound = TestSound()
    report["test_sound"] = sound.play(sink)
    deadline = time.monotonic() + 5
    while not sound.playing() and time.monotonic() < deadline:
        qapp.processEvents()
    report["test_sound_playing"] = sound.playing()
    sound.stop()

    missing: list[bool] = []
    output = SoundOutput(on_missing=lambda: missing.append(True))
    output.use(sink)
    chunk = PcmChunk(48_000, 2, bytes(48_000 * 2 * 2 // 50))
    for _ in range(5):
        output.play(chunk)
    report["voice_on"] = speaker_id(output.output) if output.output else None
    report["voice_played"] = output.chunks_played
    output.use("no-such-sink")  # unplugged: the default plays, and it is said once
    for _ in range(5):
        output.play(chunk)
    report["after_unplug_on"] = speaker_id(output.output) if output.output else None
    report["missing_told"] = len(missing)
    output.stop()
    print(json.dumps(report))


if __name__ == "__main__":
    main(sys.argv[1])
