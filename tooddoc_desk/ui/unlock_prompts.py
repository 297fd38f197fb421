"""Asks for a passphrase or the recovery key in dialogs, before the main window opens."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from tooddoc_desk.storage.errors import WeakPassphrase
from tooddoc_desk.storage.keyslots import MIN_PASSPHRASE_CHARS


class DialogPrompts:
    def __init__(self, parent: QWidget | None = None) -> None:
        self._parent = parent

    def _ask(self, title: str, text: str, echo: QLineEdit.EchoMode) -> str | None:
        value, ok = QInputDialog.getText(self._parent, title, text, echo)
        return value if ok else None

    def new_passphrase(self) -> str | None:
        problem = ""
        while True:
            first = self._ask(
                "Choose a passphrase",
                f"{problem}This computer has no keyring, so the consultation store is protected "
                f"by a passphrase asked at each start.\nChoose one of at least "
                f"{MIN_PASSPHRASE_CHARS} characters:",
                QLineEdit.EchoMode.Password,
            )
            if first is None:
                return None
            if len(first) < MIN_PASSPHRASE_CHARS:
                problem = f"{WeakPassphrase(MIN_PASSPHRASE_CHARS).message}\n\n"
                continue
            again = self._ask("Choose a passphrase", "Type it again:", QLineEdit.EchoMode.Password)
            if again is None:
                return None
            if again == first:
                return first
            problem = "The two passphrases differ.\n\n"

    def passphrase(self, problem: str | None) -> str | None:
        lead = f"{problem}\n\n" if problem else ""
        return self._ask(
            "Unlock", f"{lead}Passphrase of the consultation store:", QLineEdit.EchoMode.Password
        )

    def recovery_key(self, problem: str) -> str | None:
        return self._ask("Recovery key", f"{problem}\n\nRecovery key:", QLineEdit.EchoMode.Normal)


def show_fatal(message: str) -> None:
    QMessageBox.critical(None, "tooddoc-desk", message)
