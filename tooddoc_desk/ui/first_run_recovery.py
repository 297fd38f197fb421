"""The first run's last page: the consultation store's recovery key, shown this once, after
what it is for and what losing it means; copied or printed, then typed back to show it was
written down. The first run does not end before it is typed back right."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton

from tooddoc_desk.services.first_run import RECOVERY, FirstRun, Step
from tooddoc_desk.ui.first_run_page import FirstRunPage
from tooddoc_desk.ui.i18n import fill
from tooddoc_desk.ui.theme import set_tone


class RecoveryPage(FirstRunPage):
    step = Step.RECOVERY

    def __init__(self, first_run: FirstRun, practice_name: str) -> None:
        super().__init__()
        self._first_run = first_run
        self.practice_name = practice_name  # printed with the key
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("padding: 8px; border-radius: 4px;")
        set_tone(self.warning, "notice")
        self.key = QLabel(first_run.recovery_key().display)
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key.setFont(QFont("monospace"))
        self.key.setStyleSheet("font-size: 16pt; font-weight: bold; padding: 8px;")
        self.key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.replaced = QLabel()
        self.replaced.setWordWrap(True)
        self.replaced.setVisible(first_run.renewed)
        self.copy_button = QPushButton()
        self.print_button = QPushButton()
        self.copied = QLabel()
        self.typed = QLineEdit()
        self.typed.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.typed_label = QLabel()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        form = QFormLayout()
        self.problems.row(form, self.typed_label, self.typed, RECOVERY)
        for part in (self.warning, self.key, self.replaced):
            self.add(part)
        self.add(buttons)
        self.add(self.copied)
        self.add(form)
        self.end()
        self.copy_button.clicked.connect(self.copy)
        self.print_button.clicked.connect(self.print_key)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("The recovery key"))
        self.intro.setText(
            self.tr(
                "The consultations and notes are kept encrypted on this computer. Its keyring "
                "holds the key that opens them; this recovery key opens them too, when the "
                "keyring entry is lost: a new computer, a reinstalled system, a user account "
                "reset."
            )
        )
        self.warning.setText(
            self.tr(
                "<b>Lose both the keyring entry and this recovery key, and the consultations, "
                "the notes and the history are gone for good:</b> nobody can open them, not "
                "even the app's makers. Write the key down now and keep it somewhere safe, away "
                "from this computer. It is shown only this once."
            )
        )
        self.key.setAccessibleName(self.tr("Recovery key"))
        self.replaced.setText(
            self.tr(
                "A set-up left unfinished showed another key: that one no longer works. "
                "Keep this one."
            )
        )
        self.copy_button.setText(self.tr("Copy"))
        self.print_button.setText(self.tr("Print…"))
        self.typed_label.setText(self.tr("Type it back"))
        self.typed.setAccessibleName(self.tr("The recovery key, typed back"))
        self.problems.retranslate()

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
        document = QTextDocument()
        document.setHtml(
            "<h2>{title}</h2><p>{practice}</p>"
            "<p style='font-family: monospace; font-size: 20pt'><b>{key}</b></p>"
            "<p>{what}</p><p>{warning}</p>".format(
                title=escape(self.tr("tooddoc-desk: the consultation store's recovery key")),
                practice=escape(self.practice_name),
                key=escape(self.key.text()),
                what=escape(self.intro.text()),
                warning=self.warning.text(),
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

    def typed_back(self) -> str:
        return self.typed.text()

    def focus_first(self) -> None:
        self.typed.setFocus()
