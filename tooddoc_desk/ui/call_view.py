"""The call: the patient's video large, the practitioner's own picture small, a timer, the
connection's quality, Hang up."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from tooddoc_desk.calls.events import QualityHint
from tooddoc_desk.ui.video_widget import VideoWidget

NO_CALL = "No call in progress"
AUDIO_ONLY = "Audio only: the connection is too weak for video. The video comes back by itself."
QUALITY = {
    QualityHint.GOOD: ("Connection: good", "color: #1b6e20;"),
    QualityHint.FAIR: ("Connection: fair — the picture may stutter", "color: #8a5a00;"),
    QualityHint.POOR: ("Connection: poor", "color: #b00020; font-weight: bold;"),
}


class CallView(QWidget):
    hang_up_requested = Signal(str)  # consultation id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.consultation_id: str | None = None
        self._started: float | None = None
        self.remote = VideoWidget(NO_CALL)
        self.remote.setAccessibleName("Patient's video")
        self.self_view = VideoWidget("Your camera")
        self.self_view.setAccessibleName("Your own picture")
        self.self_view.setFixedSize(240, 180)
        self.timer_label = QLabel("")
        self.timer_label.setAccessibleName("Call duration")
        self.status_label = QLabel("")
        self.quality_label = QLabel("")
        self.quality_label.setAccessibleName("Connection quality")
        self.audio_only = False
        self.hang_up_button = QPushButton("Hang up")
        self.hang_up_button.setStyleSheet("background: #b00020; color: white; padding: 8px 24px;")
        self.hang_up_button.setEnabled(False)
        self.hang_up_button.clicked.connect(self._hang_up)

        stage = QGridLayout()
        stage.addWidget(self.remote, 0, 0)
        stage.addWidget(
            self.self_view, 0, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom
        )
        bar = QHBoxLayout()
        bar.addWidget(self.timer_label)
        bar.addWidget(self.status_label, 1)
        bar.addWidget(self.quality_label)
        bar.addWidget(self.hang_up_button)
        layout = QVBoxLayout(self)
        layout.addLayout(stage, 1)
        layout.addLayout(bar)

        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._tick)

    def prepare(self, consultation_id: str, who: str) -> None:
        """Admit was clicked: the picture arrives as soon as the call connects."""
        self.consultation_id = consultation_id
        self.remote.clear(f"Connecting to {who}…")
        self.self_view.clear("Your camera")
        self.status_label.setText("Connecting…")
        self.hang_up_button.setEnabled(True)

    def started(self) -> None:
        self._started = time.monotonic()
        self.status_label.setText("In call")
        self._tick()
        self._ticker.start()

    def finished(self) -> None:
        self._ticker.stop()
        self._started = None
        self.consultation_id = None
        self.remote.clear(NO_CALL)
        self.self_view.clear("Your camera")
        self.status_label.setText("")
        self.timer_label.setText("")
        self.quality_label.setText("")
        self.audio_only = False
        self.hang_up_button.setEnabled(False)

    def reconnecting(self) -> None:
        self.status_label.setText("Connection lost — the patient's side is reconnecting…")
        self.status_label.setStyleSheet("color: #8a5a00; font-weight: bold;")

    def reconnected(self) -> None:
        self.status_label.setText("In call")
        self.status_label.setStyleSheet("")

    def show_quality(self, hint: QualityHint, audio_only: bool) -> None:
        """The indicator, and while the video is paused for the network, why."""
        text, style = QUALITY[hint]
        self.quality_label.setText(text)
        self.quality_label.setStyleSheet(style)
        if audio_only != self.audio_only:
            self.audio_only = audio_only
            if audio_only:
                self.remote.clear(AUDIO_ONLY)
            self.status_label.setText(AUDIO_ONLY if audio_only else "In call")

    def _tick(self) -> None:
        if self._started is not None:
            minutes, seconds = divmod(int(time.monotonic() - self._started), 60)
            self.timer_label.setText(f"{minutes:02d}:{seconds:02d}")

    def _hang_up(self) -> None:
        if self.consultation_id is not None:
            self.hang_up_button.setEnabled(False)
            self.hang_up_requested.emit(self.consultation_id)
