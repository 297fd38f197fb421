"""The call: the patient's video large, the practitioner's own picture small, a timer, the
connection's quality, Mute (Ctrl+D), Camera off (Ctrl+E), Hang up, and beside them the chat
with the patient above the consultation's notes."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tooddoc_desk.calls.events import QualityHint
from tooddoc_desk.ui.chat_pane import ChatPane
from tooddoc_desk.ui.i18n import FollowsLanguage, fill
from tooddoc_desk.ui.marks import QT_TRANSLATE_NOOP
from tooddoc_desk.ui.notes_pane import NotesPane
from tooddoc_desk.ui.theme import set_tone
from tooddoc_desk.ui.video_widget import VideoWidget

NO_CALL = QT_TRANSLATE_NOOP("CallView", "No call in progress")
AUDIO_ONLY = QT_TRANSLATE_NOOP(
    "CallView", "Audio only: the connection is too weak for video. The video comes back by itself."
)
YOUR_CAMERA = QT_TRANSLATE_NOOP("CallView", "Your camera")
CONNECTING = QT_TRANSLATE_NOOP("CallView", "Connecting…")
CONNECTING_TO = QT_TRANSLATE_NOOP("CallView", "Connecting to %1…")
IN_CALL = QT_TRANSLATE_NOOP("CallView", "In call")
RECONNECTING = QT_TRANSLATE_NOOP(
    "CallView", "Connection lost — the patient's side is reconnecting…"
)
QUALITY = {
    QualityHint.GOOD: (QT_TRANSLATE_NOOP("CallView", "Connection: good"), "ok"),
    QualityHint.FAIR: (
        QT_TRANSLATE_NOOP("CallView", "Connection: fair — the picture may stutter"),
        "warning",
    ),
    QualityHint.POOR: (QT_TRANSLATE_NOOP("CallView", "Connection: poor"), "error"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("CallView", text) if text else ""


class CallView(FollowsLanguage, QWidget):
    hang_up_requested = Signal(str)  # consultation id
    microphone_requested = Signal(str, bool)  # consultation id, on
    camera_requested = Signal(str, bool)

    def __init__(
        self,
        notes: NotesPane | None = None,
        parent: QWidget | None = None,
        *,
        chat: ChatPane | None = None,
    ) -> None:
        super().__init__(parent)
        self.notes = notes
        self.chat = chat
        self.consultation_id: str | None = None
        self._started: float | None = None
        # what is shown, in English, so that a change of language can say it again
        self._remote_text = NO_CALL
        self._who = ""
        self._status = ""
        self._quality = ""
        self.remote = VideoWidget(_t(NO_CALL))
        self.self_view = VideoWidget(_t(YOUR_CAMERA))
        self.self_view.setFixedSize(240, 180)
        self.timer_label = QLabel("")
        self.status_label = QLabel("")
        self.quality_label = QLabel("")
        self.audio_only = False
        self.hang_up_button = QPushButton()
        self.hang_up_button.setStyleSheet("padding: 8px 24px;")
        set_tone(self.hang_up_button, "danger")
        self.hang_up_button.setEnabled(False)
        self.hang_up_button.clicked.connect(self._hang_up)
        self._keys: dict[QPushButton, QKeySequence] = {}
        self.mute_button = self._toggle("Ctrl+D", self._mute)
        self.camera_button = self._toggle("Ctrl+E", self._camera)

        self._lay_out(chat, notes)

        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._tick)
        self.retranslate()

    def _lay_out(self, chat: ChatPane | None, notes: NotesPane | None) -> None:
        stage = QGridLayout()
        stage.addWidget(self.remote, 0, 0)
        stage.addWidget(
            self.self_view, 0, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom
        )
        bar = QHBoxLayout()
        bar.addWidget(self.timer_label)
        bar.addWidget(self.status_label, 1)
        bar.addWidget(self.quality_label)
        bar.addWidget(self.mute_button)
        bar.addWidget(self.camera_button)
        bar.addWidget(self.hang_up_button)
        call = QWidget()
        call_layout = QVBoxLayout(call)
        call_layout.setContentsMargins(0, 0, 0, 0)
        call_layout.addLayout(stage, 1)
        call_layout.addLayout(bar)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(call)
        side = [pane for pane in (chat, notes) if pane is not None]
        if side:
            column = QSplitter(Qt.Orientation.Vertical)
            for pane in side:
                column.addWidget(pane)
            splitter.addWidget(column)
            splitter.setStretchFactor(0, 3)
            splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def retranslate(self) -> None:
        self.remote.setAccessibleName(self.tr("Patient's video"))
        self.self_view.setAccessibleName(self.tr("Your own picture"))
        self.timer_label.setAccessibleName(self.tr("Call duration"))
        self.quality_label.setAccessibleName(self.tr("Connection quality"))
        self.hang_up_button.setText(self.tr("Hang up"))
        muted, camera_off = self.mute_button.isChecked(), self.camera_button.isChecked()
        self.mute_button.setText(self.tr("Unmute") if muted else self.tr("Mute"))
        self.camera_button.setText(self.tr("Camera on") if camera_off else self.tr("Camera off"))
        for button, keys in self._keys.items():
            shortcut = keys.toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(f"{button.text()} ({shortcut})")
        remote = fill(_t(self._remote_text), self._who)
        if self.remote.showing_picture():
            self.remote.set_placeholder(remote)
        else:
            self.remote.clear(remote)
        if not self.self_view.showing_picture():
            self.self_view.clear(_t(YOUR_CAMERA))
        self.status_label.setText(_t(self._status))
        self.quality_label.setText(_t(self._quality))

    def _show_remote(self, text: str, who: str = "") -> None:
        self._remote_text, self._who = text, who
        self.remote.clear(fill(_t(text), who))

    def _show_status(self, text: str) -> None:
        self._status = text
        self.status_label.setText(_t(text))

    def prepare(self, consultation_id: str, who: str) -> None:
        """Admit was clicked: the picture arrives as soon as the call connects."""
        self.consultation_id = consultation_id
        self._show_remote(CONNECTING_TO, who)
        self.self_view.clear(_t(YOUR_CAMERA))
        self._show_status(CONNECTING)
        self.hang_up_button.setEnabled(True)
        self._reset_toggles(enabled=True)
        if self.chat is not None:
            self.chat.open(consultation_id)
        if self.notes is not None:
            self.notes.open(consultation_id)

    def started(self) -> None:
        self._started = time.monotonic()
        self._show_status(IN_CALL)
        self._tick()
        self._ticker.start()

    def finished(self) -> None:
        self._ticker.stop()
        self._started = None
        self.consultation_id = None
        self._show_remote(NO_CALL)
        self.self_view.clear(_t(YOUR_CAMERA))
        self._show_status("")
        self.timer_label.setText("")
        self._quality = ""
        self.quality_label.setText("")
        self.audio_only = False
        self.hang_up_button.setEnabled(False)
        self._reset_toggles(enabled=False)
        if self.chat is not None:
            self.chat.close_chat()  # kept with the consultation: History shows it
        if self.notes is not None:
            self.notes.close_notes()  # saved first

    def reconnecting(self) -> None:
        self._show_status(RECONNECTING)
        self.status_label.setStyleSheet("font-weight: bold;")
        set_tone(self.status_label, "warning")

    def reconnected(self) -> None:
        self._show_status(IN_CALL)
        self.status_label.setStyleSheet("")
        set_tone(self.status_label, None)

    def show_quality(self, hint: QualityHint, audio_only: bool) -> None:
        """The indicator, and while the video is paused for the network, why."""
        text, tone = QUALITY[hint]
        self._quality = text
        self.quality_label.setText(_t(text))
        set_tone(self.quality_label, tone)
        self.quality_label.setStyleSheet("font-weight: bold;" if tone == "error" else "")
        if audio_only != self.audio_only:
            self.audio_only = audio_only
            if audio_only:
                self._show_remote(AUDIO_ONLY)
            self._show_status(AUDIO_ONLY if audio_only else IN_CALL)

    def _tick(self) -> None:
        if self._started is not None:
            minutes, seconds = divmod(int(time.monotonic() - self._started), 60)
            self.timer_label.setText(f"{minutes:02d}:{seconds:02d}")

    def _toggle(self, keys: str, toggled: Callable[[bool], None]) -> QPushButton:
        button = QPushButton()
        button.setCheckable(True)
        button.setEnabled(False)
        button.toggled.connect(toggled)
        # a QShortcut of its own: setText() would clear a button's shortcut at each language
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.activated.connect(button.click)  # nothing while the button is disabled
        self._keys[button] = shortcut.key()
        return button

    def _reset_toggles(self, *, enabled: bool) -> None:
        """A new call starts with the microphone and the camera on."""
        for button in (self.mute_button, self.camera_button):
            button.blockSignals(True)
            button.setChecked(False)
            button.blockSignals(False)
            button.setEnabled(enabled)
        self.retranslate()

    def _mute(self, muted: bool) -> None:
        self.retranslate()
        if self.consultation_id is not None:
            self.microphone_requested.emit(self.consultation_id, not muted)

    def _camera(self, off: bool) -> None:
        self.retranslate()
        if self.consultation_id is not None:
            self.camera_requested.emit(self.consultation_id, not off)

    def _hang_up(self) -> None:
        if self.consultation_id is not None:
            self.hang_up_button.setEnabled(False)
            self.hang_up_requested.emit(self.consultation_id)
