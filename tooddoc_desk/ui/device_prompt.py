"""The question asked when a patient's link is opened on a second device: a banner, not a dialog.

The practitioner may be in a call or typing a number: the banner waits at the top of the window
until they answer (or the consultation ends). Several consultations may ask at once; the banner
shows one question at a time, oldest first.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from tooddoc_desk.ui.i18n import FollowsLanguage, fill
from tooddoc_desk.ui.marks import QT_TRANSLATE_NOOP
from tooddoc_desk.ui.theme import set_tone

QUESTION = QT_TRANSLATE_NOOP(
    "DevicePrompt", "The link was opened on a second device. Let the new device in?"
)
LET_IN = QT_TRANSLATE_NOOP("DevicePrompt", "Let it in")
KEEP_FIRST = QT_TRANSLATE_NOOP("DevicePrompt", "Keep the first one")


class DevicePrompt(FollowsLanguage, QFrame):
    decided = Signal(str, bool)  # consultation id, True: let the new device in

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("device-prompt")
        set_tone(self, "notice")
        self.question = QLabel()
        self.question.setStyleSheet("font-weight: bold;")
        self.question.setWordWrap(True)
        self.who = QLabel("")
        self.let_in_button = QPushButton()
        self.keep_button = QPushButton()

        text = QVBoxLayout()
        text.addWidget(self.question)
        text.addWidget(self.who)
        row = QHBoxLayout(self)
        row.addLayout(text, 1)
        row.addWidget(self.keep_button)
        row.addWidget(self.let_in_button)

        self._pending: dict[str, str] = {}  # consultation id -> who, oldest first
        self.let_in_button.clicked.connect(lambda: self._answer(True))
        self.keep_button.clicked.connect(lambda: self._answer(False))
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        question = QCoreApplication.translate("DevicePrompt", QUESTION)
        self.question.setText(question)
        self.let_in_button.setText(QCoreApplication.translate("DevicePrompt", LET_IN))
        self.keep_button.setText(QCoreApplication.translate("DevicePrompt", KEEP_FIRST))
        self.setAccessibleName(self.tr("Second device"))
        self.setAccessibleDescription(question)
        if self._pending:
            self._show_first()

    @property
    def pending(self) -> list[str]:
        """The consultations waiting for an answer, the one shown first."""
        return list(self._pending)

    def ask(self, consultation_id: str, who: str) -> None:
        """Asks about this consultation (once: asking again while it waits changes nothing)."""
        self._pending.setdefault(consultation_id, who)
        self._show_first()

    def withdraw(self, consultation_id: str) -> None:
        """The question no longer stands (the consultation ended)."""
        if self._pending.pop(consultation_id, None) is not None:
            self._show_first()

    def _answer(self, accept: bool) -> None:
        if not self._pending:
            return
        consultation_id = next(iter(self._pending))
        del self._pending[consultation_id]
        self._show_first()
        self.decided.emit(consultation_id, accept)

    def _show_first(self) -> None:
        if not self._pending:
            self.hide()
            return
        who = next(iter(self._pending.values()))
        more = len(self._pending) - 1
        if more:
            text = fill(self.tr("Consultation with %1 (%2 more waiting)"), who, more)
        else:
            text = fill(self.tr("Consultation with %1"), who)
        self.who.setText(text)
        self.show()
