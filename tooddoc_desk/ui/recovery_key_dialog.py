"""New recovery key (Settings › Backups, managers): when the written-down key is lost or may
have been seen. The new key is shown once, with what changes: the key held now stops opening
this computer's store, and the backups made before keep needing it. Nothing changes until the
new key is typed back and Use this key is pressed; then a backup is made with it at once, and
the Backups dialog says how that went (`adopted`)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tooddoc_desk.core.users import NotAllowed
from tooddoc_desk.services.recovery_keys import Adopted, RecoveryKeys
from tooddoc_desk.storage.backup_thinning import KEEP_MONTHS
from tooddoc_desk.storage.errors import StoreError
from tooddoc_desk.ui.form_problems import problem_line
from tooddoc_desk.ui.i18n import FollowsLanguage, fill, sentence
from tooddoc_desk.ui.recovery_key_card import RecoveryKeyCard
from tooddoc_desk.ui.store_sentences import said, said_error
from tooddoc_desk.ui.tasks import Tasks
from tooddoc_desk.ui.theme import set_tone


class NewRecoveryKeyDialog(FollowsLanguage, QDialog):
    adopted = Signal(str)  # what the Backups dialog says next: the key in use, and the backup

    def __init__(
        self, keys: RecoveryKeys, tasks: Tasks, practice_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._keys = keys
        self._tasks = tasks
        self._proposed = keys.propose()
        self._working = False
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("padding: 8px; border-radius: 4px;")
        set_tone(self.warning, "notice")
        self.card = RecoveryKeyCard(
            self._proposed, practice_name, lambda: (self.intro.text(), self.warning.text())
        )
        self.typed = QLineEdit()
        self.typed.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.typed_label = QLabel()
        self.typed_label.setBuddy(self.typed)
        self.problem = problem_line()
        self.cancel_button = QPushButton()  # made first: Tab reaches it first, as it is read
        self.use_button = QPushButton()
        self.use_button.setDefault(True)

        form = QFormLayout()
        form.addRow(self.typed_label, self.typed)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.use_button)
        layout = QVBoxLayout(self)
        for part in (self.intro, self.warning, self.card):
            layout.addWidget(part)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)

        self.use_button.clicked.connect(self.use)
        self.cancel_button.clicked.connect(self.reject)
        self.retranslate()
        self.typed.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New recovery key"))
        self.intro.setText(
            fill(
                self.tr(
                    "This key replaces the recovery key you hold now. It opens the consultation "
                    "store when this computer's keyring entry is lost, and the backups made from "
                    "now on. The key you hold now stops opening this computer's store, but the "
                    "backups made before keep needing it: keep it with them until they are "
                    "thinned away (after %1 months at the latest)."
                ),
                KEEP_MONTHS,
            )
        )
        self.warning.setText(
            self.tr(
                "<b>Write the new key down now and keep it somewhere safe, away from this "
                "computer.</b> It is shown only this once. Nothing changes until you type it "
                "back and press Use this key."
            )
        )
        self.typed_label.setText(self.tr("Type it back"))
        self.typed.setAccessibleName(self.tr("The new recovery key, typed back"))
        self.use_button.setText(self.tr("Use this key"))
        self.cancel_button.setText(self.tr("Cancel"))

    def use(self) -> None:
        if self._working:
            return
        self._working = True
        self.use_button.setEnabled(False)
        self.problem.hide()
        self._tasks.run(self._use(self.typed.text()))

    async def _use(self, typed: str) -> None:
        try:
            adopted = await self._keys.adopt(self._proposed, typed)
        except NotAllowed as refusal:
            self._refuse(sentence(refusal.message))
            return
        except ValueError as refusal:
            self._refuse(sentence(str(refusal)))
            return
        except StoreError as error:  # the key file could not be written: the old key stays
            self._refuse(said_error(error))
            return
        self.adopted.emit(self._outcome(adopted))
        self.accept()

    def _outcome(self, adopted: Adopted) -> str:
        if adopted.backup is not None:
            return fill(
                self.tr("The new recovery key is in use, and a backup was made with it (%1)."),
                adopted.backup.name,
            )
        if adopted.backup_problem is not None:
            failed = self.tr(
                "The new recovery key is in use, but the backup made with it failed: press "
                "Back up now once this is mended:"
            )
            return f"{failed} {said(adopted.backup_problem)}"
        return self.tr(
            "The new recovery key is in use. No backup folder is chosen: choose one, so that a "
            "backup opens with the new key."
        )

    def _refuse(self, message: str) -> None:
        self._working = False
        self.use_button.setEnabled(True)
        self.problem.setText(message)
        self.problem.show()

    def done(self, result: int) -> None:
        self.card.forget_copy()
        super().done(result)
