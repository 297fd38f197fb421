"""Plays the patient's voice on the speaker chosen in Settings, or the default one (QtMultimedia).

The call engine hands over 20 ms chunks of 16-bit PCM on the event loop thread; they are written
to a QAudioSink started for their format. When the sink's buffer is full the chunk is dropped
rather than queued, so the sound never lags behind the picture. Choosing another speaker takes
effect with the next chunk, in a call too; a chosen speaker that is gone gives way to the
default, and `on_missing` is told once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QIODevice
from PySide6.QtMultimedia import QAudioDevice, QAudioFormat, QAudioSink, QMediaDevices, QtAudio

from tooddoc_desk.calls.frame_types import PcmChunk

log = logging.getLogger(__name__)


def speaker_id(device: QAudioDevice) -> str:
    """The id Settings keep for an output (the sound system's own name for it)."""
    return bytes(device.id().data()).decode("utf-8", "replace")


def speaker(chosen: str | None) -> tuple[QAudioDevice, bool]:
    """The output of id `chosen` (None: the default), and whether it was found; the default
    output when it was not (a null device when the PC has no speaker at all)."""
    if chosen is not None:
        for device in QMediaDevices.audioOutputs():
            if speaker_id(device) == chosen:
                return device, True
    return QMediaDevices.defaultAudioOutput(), chosen is None


class SoundOutput:
    def __init__(self, on_missing: Callable[[], None] | None = None) -> None:
        self._sink: QAudioSink | None = None
        self._device: QIODevice | None = None
        self._format: tuple[int, int] | None = None
        self._chosen: str | None = None
        self.on_missing = on_missing  # told once when the chosen speaker is gone
        self._told_missing = False
        self.chunks_played = 0
        self.chunks_dropped = 0
        self.output: QAudioDevice | None = None  # the one playing, once a chunk came

    @staticmethod
    def available() -> bool:
        return not QMediaDevices.defaultAudioOutput().isNull()

    def use(self, chosen: str | None) -> None:
        """Plays on the output of id `chosen` (None: the default) from the next chunk on."""
        if chosen != self._chosen:
            self._chosen = chosen
            self._told_missing = False
            self.stop()

    def play(self, chunk: PcmChunk) -> None:
        if self._format != (chunk.sample_rate, chunk.channels):
            self._open(chunk.sample_rate, chunk.channels)
        sink, device = self._sink, self._device
        if sink is None or device is None or sink.bytesFree() < len(chunk.data):
            self.chunks_dropped += 1
            return
        device.write(chunk.data)
        self.chunks_played += 1

    def _open(self, sample_rate: int, channels: int) -> None:
        self.stop()
        self._format = (sample_rate, channels)
        output, found = speaker(self._chosen)
        if not found and not self._told_missing:
            self._told_missing = True
            log.warning("the chosen speaker is not connected: the default one plays")
            if self.on_missing is not None:
                self.on_missing()
        if output.isNull():
            return
        self.output = output
        audio_format = QAudioFormat()
        audio_format.setSampleRate(sample_rate)
        audio_format.setChannelCount(channels)
        audio_format.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        if not output.isFormatSupported(audio_format):
            log.warning("the speaker does not take %d Hz x %d PCM", sample_rate, channels)
            return
        self._sink = QAudioSink(output, audio_format)
        self._sink.setBufferSize(sample_rate * channels * 2 // 5)  # 200 ms
        self._device = self._sink.start()
        if self._sink.error() != QtAudio.Error.NoError:
            log.warning("the speaker could not be opened: %s", self._sink.error())
            self.stop()

    def stop(self) -> None:
        if self._sink is not None:
            self._sink.stop()
        self._sink, self._device, self._format = None, None, None
        self.output = None
