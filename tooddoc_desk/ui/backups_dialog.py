"""Backups, for managers (from Settings): the folder they go to, the last backup's time and
outcome, "Back up now", and any problem said plainly (a folder that is gone, that refuses
files, a full disk). The backup itself runs in a worker thread: the window goes on meanwhile."""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tooddoc_desk.core.users import NotAllowed
from tooddoc_desk.services.backups import Backups, BackupStatus
from tooddoc_desk.services.recovery_keys import RecoveryKeys
from tooddoc_desk.storage.backup_thinning import KEEP_DAYS, KEEP_MONTHS
from tooddoc_desk.storage.errors import StoreError
from tooddoc_desk.ui.i18n import FollowsLanguage, fill, sentence
from tooddoc_desk.ui.recovery_key_dialog import NewRecoveryKeyDialog
from tooddoc_desk.ui.store_sentences import said, said_error
from tooddoc_desk.ui.tasks import Tasks

PROBLEM_STYLE = "color: #b00020;"
TIME_FORMAT = "%d/%m/%Y %H:%M"


class BackupsDialog(FollowsLanguage, QDialog):
    def __init__(
        self,
        backups: Backups,
        tasks: Tasks,
        parent: QWidget | None = None,
        *,
        keys: RecoveryKeys | None = None,
        practice_name: str = "",
    ) -> None:
        """With `keys`: New recovery key… (the printed key names `practice_name`)."""
        super().__init__(parent)
        self._backups = backups
        self._tasks = tasks
        self._keys = keys
        self._practice_name = practice_name
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.folder_label = QLabel()
        self.folder = QLineEdit(backups.status.folder or "")
        self.folder.setReadOnly(True)
        self.folder_label.setBuddy(self.folder)
        self.choose_button = QPushButton()
        self.last = QLabel()
        self.last.setWordWrap(True)
        self.last.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.back_up_button = QPushButton()
        self.back_up_button.setDefault(True)
        self.close_button = QPushButton()
        self._working = False
        self.key_about = QLabel()
        self.key_about.setWordWrap(True)
        self.new_key_button = QPushButton()
        self.new_key_button.setVisible(keys is not None)
        self.key_about.setVisible(keys is not None)
        self.key_note = QLabel()  # how the last new key went
        self.key_note.setWordWrap(True)
        self.key_dialog: NewRecoveryKeyDialog | None = None
        self._build_layout()
        self.choose_button.clicked.connect(self.choose)
        self.back_up_button.clicked.connect(self.back_up)
        self.close_button.clicked.connect(self.accept)
        self.new_key_button.clicked.connect(self.new_recovery_key)
        backups.subscribe(self._show)
        self.retranslate()

    def _build_layout(self) -> None:
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.back_up_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(self.folder_label)
        layout.addLayout(row)
        layout.addWidget(self.last)
        layout.addWidget(self.problem)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_about, 1)
        key_row.addWidget(self.new_key_button)
        layout.addLayout(key_row)
        layout.addWidget(self.key_note)
        layout.addLayout(buttons)
        # Tab as the dialog reads: top to bottom, left to right
        order = (self.choose_button, self.new_key_button, self.close_button, self.back_up_button)
        for before, after in itertools.pairwise(order):
            QWidget.setTabOrder(before, after)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Backups"))
        self.about.setText(
            fill(
                self.tr(
                    "An encrypted copy of the consultations, the notes and the history: made "
                    "every day while the app is open (at start if the last one is older than a "
                    "day), and whenever you press Back up now. It opens only with the recovery "
                    "key in use when it was made, on this computer or a new one. Keep the "
                    "folder on another disk or a network share. Kept: one a day for %1 days, "
                    "one a month for %2 months."
                ),
                KEEP_DAYS,
                KEEP_MONTHS,
            )
        )
        self.folder_label.setText(self.tr("Backup folder"))
        self.folder.setAccessibleName(self.tr("Backup folder"))
        self.folder.setPlaceholderText(self.tr("No folder chosen: no backup is made"))
        self.choose_button.setText(self.tr("Choose…"))
        self.back_up_button.setText(self.tr("Back up now"))
        self.close_button.setText(self.tr("Close"))
        self.key_about.setText(
            self.tr(
                "Lost the written-down recovery key, or someone else may have seen it? Make a "
                "new one: the backups made from then on open with it."
            )
        )
        self.new_key_button.setText(self.tr("New recovery key…"))
        self._show(self._backups.status)

    def _show(self, status: BackupStatus) -> None:
        self.folder.setText(status.folder or "")
        self.last.setText(self._last_line(status))
        self.problem.setText(said(status.last_problem) if status.last_problem else "")
        self.back_up_button.setEnabled(status.folder is not None and not self._working)

    def _last_line(self, status: BackupStatus) -> str:
        if self._working:
            return self.tr("Backing up…")
        good = status.last_good_moment
        tried = status.last_moment
        lines = []
        if good is not None:
            lines.append(
                fill(
                    self.tr("Last backup: %1 (%2)."),
                    good.astimezone().strftime(TIME_FORMAT),
                    status.last_file or "",
                )
            )
        else:
            lines.append(self.tr("No backup has been made yet."))
        if status.last_ok is False and tried is not None:
            lines.append(
                fill(self.tr("The last try, %1, failed:"), tried.astimezone().strftime(TIME_FORMAT))
            )
        return " ".join(lines)

    def new_recovery_key(self) -> None:
        if self._keys is None:
            return
        try:
            self.key_dialog = NewRecoveryKeyDialog(
                self._keys, self._tasks, self._practice_name, self
            )
        except NotAllowed as error:
            self.problem.setText(_refusal(error))
            return
        self.key_dialog.adopted.connect(self.key_note.setText)
        self.key_dialog.open()

    def choose(self) -> None:
        start = self._backups.status.folder or str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), start)
        if chosen:
            self.use_folder(Path(chosen))

    def use_folder(self, folder: Path) -> None:
        """The folder picked (or typed by a test): kept, or the refusal said."""
        try:
            self._backups.choose_folder(folder)
        except (StoreError, ValueError, NotAllowed) as error:
            self.problem.setText(_refusal(error))
            return
        self.problem.setText("")

    def back_up(self) -> None:
        if self._working:
            return
        self._working = True
        self.back_up_button.setEnabled(False)
        self.problem.setText("")
        self.last.setText(self.tr("Backing up…"))
        self._tasks.run(self._back_up())

    async def _back_up(self) -> None:
        refusal = ""
        try:
            await self._backups.back_up_by_hand()
        except NotAllowed as error:
            refusal = _refusal(error)
        except Exception:  # noqa: S110 — the service kept (and logged) it: said from the status
            pass
        self._working = False
        self._show(self._backups.status)
        if refusal:
            self.problem.setText(refusal)

    def done(self, result: int) -> None:
        self._backups.unsubscribe(self._show)
        super().done(result)


def _refusal(error: Exception) -> str:
    if isinstance(error, StoreError):
        return said_error(error)
    if isinstance(error, NotAllowed):
        return sentence(error.message)
    return sentence(str(error))
