"""Asks for a passphrase or the recovery key in dialogs, before the main window opens."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from tooddoc_desk.storage.errors import WeakPassphrase
from tooddoc_desk.storage.keyslots import MIN_PASSPHRASE_CHARS
from tooddoc_desk.ui.i18n import fill, sentence


class DialogPrompts:
    def __init__(self, parent: QWidget | None = None) -> None:
        self._parent = parent

    def _ask(self, title: str, text: str, echo: QLineEdit.EchoMode) -> str | None:
        value, ok = QInputDialog.getText(self._parent, title, text, echo)
        return value if ok else None

    def new_passphrase(self) -> str | None:
        problem = ""
        while True:
            question = QCoreApplication.translate(
                "DialogPrompts",
                "This computer has no keyring, so the consultation store is protected by a "
                "passphrase asked at each start.\nChoose one of at least %1 characters:",
            )
            first = self._ask(
                QCoreApplication.translate("DialogPrompts", "Choose a passphrase"),
                problem + fill(question, MIN_PASSPHRASE_CHARS),
                QLineEdit.EchoMode.Password,
            )
            if first is None:
                return None
            if len(first) < MIN_PASSPHRASE_CHARS:
                problem = f"{sentence(WeakPassphrase(MIN_PASSPHRASE_CHARS).message)}\n\n"
                continue
            again = self._ask(
                QCoreApplication.translate("DialogPrompts", "Choose a passphrase"),
                QCoreApplication.translate("DialogPrompts", "Type it again:"),
                QLineEdit.EchoMode.Password,
            )
            if again is None:
                return None
            if again == first:
                return first
            problem = (
                QCoreApplication.translate("DialogPrompts", "The two passphrases differ.") + "\n\n"
            )

    def passphrase(self, problem: str | None) -> str | None:
        lead = f"{sentence(problem)}\n\n" if problem else ""
        return self._ask(
            QCoreApplication.translate("DialogPrompts", "Unlock"),
            lead
            + QCoreApplication.translate("DialogPrompts", "Passphrase of the consultation store:"),
            QLineEdit.EchoMode.Password,
        )

    def recovery_key(self, problem: str) -> str | None:
        return self._ask(
            QCoreApplication.translate("DialogPrompts", "Recovery key"),
            f"{sentence(problem)}\n\n"
            + QCoreApplication.translate("DialogPrompts", "Recovery key:"),
            QLineEdit.EchoMode.Normal,
        )


def show_fatal(message: str) -> None:
    QMessageBox.critical(None, "tooddoc-desk", message)
