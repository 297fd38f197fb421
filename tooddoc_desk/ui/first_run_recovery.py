"""The first run's last page: the consultation store's recovery key, shown this once, after
what it is for and what losing it means; copied or printed, then typed back to show it was
written down. The first run does not end before it is typed back right."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit

from tooddoc_desk.services.first_run import RECOVERY, FirstRun, Step
from tooddoc_desk.ui.first_run_page import FirstRunPage
from tooddoc_desk.ui.recovery_key_card import RecoveryKeyCard
from tooddoc_desk.ui.theme import set_tone


class RecoveryPage(FirstRunPage):
    step = Step.RECOVERY

    def __init__(self, first_run: FirstRun, practice_name: str) -> None:
        super().__init__()
        self._first_run = first_run
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("padding: 8px; border-radius: 4px;")
        set_tone(self.warning, "notice")
        self.card = RecoveryKeyCard(
            first_run.recovery_key(),
            practice_name,
            lambda: (self.intro.text(), self.warning.text()),
        )
        self.replaced = QLabel()
        self.replaced.setWordWrap(True)
        self.replaced.setVisible(first_run.renewed)
        self.typed = QLineEdit()
        self.typed.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.typed_label = QLabel()
        form = QFormLayout()
        self.problems.row(form, self.typed_label, self.typed, RECOVERY)
        for part in (self.warning, self.card, self.replaced):
            self.add(part)
        self.add(form)
        self.end()
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
        self.replaced.setText(
            self.tr(
                "A set-up left unfinished showed another key: that one no longer works. "
                "Keep this one."
            )
        )
        self.typed_label.setText(self.tr("Type it back"))
        self.typed.setAccessibleName(self.tr("The recovery key, typed back"))
        self.problems.retranslate()

    def typed_back(self) -> str:
        return self.typed.text()

    def focus_first(self) -> None:
        self.typed.setFocus()
