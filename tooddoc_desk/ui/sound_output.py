"""Plays the patient's voice on the default speaker (QtMultimedia).

The call engine hands over 20 ms chunks of 16-bit PCM on the event loop thread; they are written
to a QAudioSink started for their format. When the sink's buffer is full the chunk is dropped
rather than queued, so the sound never lags behind the picture.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QIODevice
from PySide6.QtMultimedia import QAudioFormat, QAudioSink, QMediaDevices, QtAudio

from tooddoc_desk.calls.frames import PcmChunk

log = logging.getLogger(__name__)


class SoundOutput:
    def __init__(self) -> None:
        self._sink: QAudioSink | None = None
        self._device: QIODevice | None = None
        self._format: tuple[int, int] | None = None
        self.chunks_played = 0
        self.chunks_dropped = 0

    @staticmethod
    def available() -> bool:
        return not QMediaDevices.defaultAudioOutput().isNull()

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
        output = QMediaDevices.defaultAudioOutput()
        if output.isNull():
            return
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
