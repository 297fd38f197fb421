"""A recovery key as it is shown the one time it is shown: large, selectable, with Copy (the
clipboard is emptied again when the key's screen closes) and Print… (a sheet naming the practice,
the key and what it is for). The first run and the New recovery key dialog both show it."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from tooddoc_desk.storage.recovery_key import RecoveryKey
from tooddoc_desk.ui.i18n import FollowsLanguage, fill

# what the printed sheet says under the key, as rich text: (what it is for, the warning)
SheetWords = Callable[[], tuple[str, str]]


class RecoveryKeyCard(FollowsLanguage, QWidget):
    def __init__(self, key: RecoveryKey, practice_name: str, words: SheetWords) -> None:
        super().__init__()
        self.practice_name = practice_name  # printed with the key
        self._words = words
        self.key = QLabel(key.display)
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key.setFont(QFont("monospace"))
        self.key.setStyleSheet("font-size: 16pt; font-weight: bold; padding: 8px;")
        self.key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.copy_button = QPushButton()
        self.print_button = QPushButton()
        self.copied = QLabel()
        self.copied.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.key)
        layout.addLayout(buttons)
        layout.addWidget(self.copied)
        self.copy_button.clicked.connect(self.copy)
        self.print_button.clicked.connect(self.print_key)
        self.retranslate()

    def retranslate(self) -> None:
        self.key.setAccessibleName(self.tr("Recovery key"))
        self.copy_button.setText(self.tr("Copy"))
        self.print_button.setText(self.tr("Print…"))

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.key.text())
        self.copied.setText(
            self.tr("Copied. Paste it where you keep it; the app empties the clipboard at the end.")
        )

    def forget_copy(self) -> None:
        """Empties the clipboard if it still holds the key."""
        clipboard = QGuiApplication.clipboard()
        if clipboard.text() == self.key.text():
            clipboard.clear()

    def sheet(self) -> QTextDocument:
        """The page that is printed: the practice, the key and what it is for."""
        what, warning = self._words()
        document = QTextDocument()
        document.setHtml(
            "<h2>{title}</h2><p>{practice}</p>"
            "<p style='font-family: monospace; font-size: 20pt'><b>{key}</b></p>"
            "<p>{what}</p><p>{warning}</p>".format(
                title=escape(self.tr("tooddoc-desk: the consultation store's recovery key")),
                practice=escape(self.practice_name),
                key=escape(self.key.text()),
                what=escape(what),
                warning=warning,
            )
        )
        return document

    def print_on(self, printer: QPrinter) -> None:
        self.sheet().print_(printer)

    def print_key(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the recovery key"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_on(printer)
            self.copied.setText(fill(self.tr("Sent to %1."), printer.printerName()))
