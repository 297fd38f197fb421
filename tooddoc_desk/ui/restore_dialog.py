"""At the first start on a computer with no consultation records: set up a new practice, or
restore the practice's backup with the recovery key written down at set-up (a new computer, a
replaced disk). The restore runs in a worker thread; a refusal (a wrong recovery key, a damaged
file, a file that is no backup) is said under the form and nothing is written."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from keyring.backend import KeyringBackend
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tooddoc_desk.services.restore import RestoreOutcome, restore_into
from tooddoc_desk.storage.backup_file import SUFFIX
from tooddoc_desk.storage.errors import StoreError
from tooddoc_desk.storage.restore import needs_passphrase
from tooddoc_desk.ui.i18n import FollowsLanguage
from tooddoc_desk.ui.store_sentences import said_error

log = logging.getLogger(__name__)
PROBLEM_STYLE = "color: #b00020;"
WINDOW = "window (first start)"  # who the restored store's audit log says restored it


class RestoreDialog(FollowsLanguage, QDialog):
    """exec(): Accepted once a backup is restored (`outcome`), Rejected for a new practice."""

    finished_work = Signal(object)  # a RestoreOutcome, or the StoreError that refused it

    def __init__(
        self, data_dir: Path, keyring: KeyringBackend | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._keyring = keyring
        self.outcome: RestoreOutcome | None = None
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.file = QLineEdit()
        self.browse_button = QPushButton()
        self.recovery_key = QLineEdit()
        self.recovery_key.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.file_label = QLabel()
        self.key_label = QLabel()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.restore_button = QPushButton()
        self.restore_button.setDefault(True)
        self.new_button = QPushButton()

        picker = QHBoxLayout()
        picker.addWidget(self.file, 1)
        picker.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(self.file_label, picker)
        form.addRow(self.key_label, self.recovery_key)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)

        self.browse_button.clicked.connect(self.browse)
        self.restore_button.clicked.connect(self.restore)
        self.new_button.clicked.connect(self.reject)
        self.finished_work.connect(self._finished)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle("tooddoc-desk")
        self.heading.setText(self.tr("No consultation records on this computer yet"))
        self.intro.setText(
            self.tr(
                "Setting the practice up for the first time? Choose New practice. On a new "
                "computer, or after a disk was replaced, restore the practice's last backup "
                "with the recovery key written down at set-up: the consultations, the notes, "
                "the history and the settings come back."
            )
        )
        self.file_label.setText(self.tr("Backup file"))
        self.file.setAccessibleName(self.tr("Backup file"))
        self.key_label.setText(self.tr("Recovery key"))
        self.recovery_key.setAccessibleName(self.tr("Recovery key"))
        self.browse_button.setText(self.tr("Browse…"))
        self.restore_button.setText(self.tr("Restore"))
        self.new_button.setText(self.tr("New practice"))

    def browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Backup file"), str(Path.home()), f"tooddoc-desk (*{SUFFIX});;* (*)"
        )
        if chosen:
            self.file.setText(chosen)

    def restore(self) -> None:
        source = self.file.text().strip()
        typed = self.recovery_key.text()
        if not source or not typed.strip():
            self.problem.setText(self.tr("Choose the backup file and type the recovery key."))
            return
        self.problem.setText(self.tr("Restoring…"))
        self._busy(True)
        worker = threading.Thread(
            target=self._work, args=(Path(source).expanduser(), typed), daemon=True
        )
        worker.start()

    def _work(self, source: Path, typed: str) -> None:
        """In the worker thread: the restore, its outcome handed back as a signal."""
        try:
            if self._keyring is None and needs_passphrase(source):
                self.finished_work.emit(None)
                return
            self.finished_work.emit(
                restore_into(self._data_dir, source, typed, self._keyring, by=WINDOW)
            )
        except StoreError as error:
            self.finished_work.emit(error)
        except Exception as error:  # unexpected: said as such, the details in the log
            log.exception("the restore failed")
            self.finished_work.emit(error)

    def _finished(self, result: object) -> None:
        self._busy(False)
        if isinstance(result, RestoreOutcome):
            self.outcome = result
            self.recovery_key.clear()
            self.accept()
        elif result is None:
            self.problem.setText(
                self.tr(
                    "This computer has no keyring to keep the key in: restore from the command "
                    "line (tooddoc-desk restore --from FILE), which asks for a passphrase."
                )
            )
        elif isinstance(result, StoreError):
            self.problem.setText(said_error(result))
        else:
            self.problem.setText(
                self.tr("The restore failed; the details are in the log. Nothing was kept.")
            )

    def _busy(self, busy: bool) -> None:
        for widget in (self.file, self.recovery_key, self.browse_button, self.new_button):
            widget.setEnabled(not busy)
        self.restore_button.setEnabled(not busy)


def offer_restore(data_dir: Path, keyring: KeyringBackend | None) -> RestoreOutcome | None:
    """Shown before a store is created: the outcome of a restore, or None for a new practice."""
    dialog = RestoreDialog(data_dir, keyring)
    dialog.exec()
    return dialog.outcome
