from __future__ import annotations

from PySide6.QtWidgets import QApplication

from tooddoc_desk.calls.frame_types import PcmChunk
from tooddoc_desk.ui.sound_output import SoundOutput


def test_without_a_speaker_chunks_are_dropped_not_queued(qapp: QApplication) -> None:
    output = SoundOutput()
    chunk = PcmChunk(48_000, 2, bytes(48_000 * 2 * 2 // 50))
    for _ in range(50):
        output.play(chunk)
    if SoundOutput.available():
        assert output.chunks_played > 0
        assert output.chunks_played + output.chunks_dropped == 50
    else:
        assert (output.chunks_played, output.chunks_dropped) == (0, 50)
    output.stop()
