"""The practitioner's notes for one consultation, kept in the encrypted store as they are typed.

Each pause in typing (`SAVE_AFTER_MS`) saves the whole text; switching consultation or closing
the call saves at once. A save that fails (a full disk) says so and keeps the text on screen,
to be saved with the next keystroke or the next try.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from tooddoc_desk.core.users import NotAllowed
from tooddoc_desk.storage.errors import StoreError
from tooddoc_desk.ui.i18n import FollowsLanguage, current_language, fill, sentence

SAVE_AFTER_MS = 600
MAX_NOTES = 100_000  # characters; a consultation's notes, not a file

Load = Callable[[str], str]
Save = Callable[[str, str], None]
Status = Callable[[], str]


def _nothing() -> str:
    return ""


def _typing() -> str:
    return "…"


class NotesPane(FollowsLanguage, QWidget):
    def __init__(self, load: Load, save: Save, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._load = load
        self._save = save
        self.consultation_id: str | None = None
        self._saved_text = ""
        self._status: Status = _nothing  # says the status line, again on a new language
        self.editor = QPlainTextEdit()
        self.editor.setTabChangesFocus(True)  # Tab goes on to the next control, as everywhere
        self.status = QLabel("")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_AFTER_MS)
        self._timer.timeout.connect(self.save_now)
        self.editor.textChanged.connect(self._typed)
        self.setEnabled(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.editor.setAccessibleName(self.tr("Consultation notes"))
        self.editor.setPlaceholderText(self.tr("Notes (kept encrypted on this computer)"))
        self.status.setAccessibleName(self.tr("Notes status"))
        self._show(self._status)

    def _show(self, status: Status) -> None:
        self._status = status
        self.status.setText(status())

    def open(self, consultation_id: str) -> None:
        """Shows a consultation's notes (saving the previous one's first)."""
        self.save_now()
        try:
            text = self._load(consultation_id)
        except (NotAllowed, StoreError) as error:
            self.close_notes()
            self._show(partial(sentence, error.message))
            return
        self.consultation_id = consultation_id
        self._saved_text = text
        self.editor.blockSignals(True)
        self.editor.setPlainText(text)
        self.editor.moveCursor(QTextCursor.MoveOperation.End)  # go on where it stopped
        self.editor.blockSignals(False)
        self._show(_nothing)
        self.setEnabled(True)

    def close_notes(self) -> None:
        self.save_now()
        self.consultation_id = None
        self.editor.blockSignals(True)
        self.editor.clear()
        self.editor.blockSignals(False)
        self.setEnabled(False)

    def unsaved(self) -> bool:
        return self.consultation_id is not None and self.editor.toPlainText() != self._saved_text

    def _typed(self) -> None:
        if len(self.editor.toPlainText()) > MAX_NOTES:
            self._show(self._too_long)
            return
        self._show(_typing)
        self._timer.start()

    def save_now(self) -> None:
        self._timer.stop()
        if not self.unsaved() or self.consultation_id is None:
            return
        text = self.editor.toPlainText()[:MAX_NOTES]
        try:
            self._save(self.consultation_id, text)
        except (NotAllowed, StoreError) as error:
            self._show(partial(self._not_saved, error.message))
            return
        self._saved_text = text
        self._show(self._saved)

    def _too_long(self) -> str:
        limit = QLocale(current_language().value).toString(MAX_NOTES)
        return fill(self.tr("Notes are limited to %1 characters."), limit)

    def _not_saved(self, problem: str) -> str:
        return fill(self.tr("Not saved: %1 Your text stays here."), sentence(problem))

    def _saved(self) -> str:
        return self.tr("Saved")
