"""The hub's fields, as the first run and Settings both ask them: the built-in hub or the
practice's hosted hub, with its address and practice key (typed, never shown again; a key kept
already for the address typed may stay where it is). Each owner words the hosted choice and
may put a line of help under each choice (`embedded_help`, `hosted_help`, hidden while empty)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import QButtonGroup, QFormLayout, QLabel, QLineEdit, QRadioButton, QWidget

from tooddoc_desk.config import HubSettings
from tooddoc_desk.services.hub_choice import HUB_KEY, HUB_URL
from tooddoc_desk.ui.form_problems import FormProblems
from tooddoc_desk.ui.i18n import FollowsLanguage
from tooddoc_desk.ui.sign_in import secret_field


class HubFields(FollowsLanguage, QWidget):
    def __init__(
        self,
        current: HubSettings,
        *,
        has_keyring: bool,
        stored_key: Callable[[str], bool],
        problems: FormProblems,
    ) -> None:
        """`stored_key(url)`: whether the keyring holds a key for that hub already."""
        super().__init__()
        self._stored_key = stored_key
        self.embedded = QRadioButton()
        self.hosted = QRadioButton()
        self.embedded_help, self.hosted_help = QLabel(), QLabel()
        for help_text in (self.embedded_help, self.hosted_help):
            help_text.setWordWrap(True)
            help_text.setIndent(24)
            help_text.hide()
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.embedded)
        self.choice.addButton(self.hosted)
        hosted = current.mode == "hosted" and has_keyring
        (self.hosted if hosted else self.embedded).setChecked(True)
        self.hosted.setEnabled(has_keyring)
        self.url = QLineEdit(current.url or "")
        self.url.setPlaceholderText("https://hub.example.be")
        self.key = secret_field()
        self.url_label, self.key_label = QLabel(), QLabel()
        self.checking = QLabel()
        self.checking.hide()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for choice in (self.embedded, self.embedded_help, self.hosted, self.hosted_help):
            form.addRow(choice)
        problems.row(form, self.url_label, self.url, HUB_URL)
        problems.row(form, self.key_label, self.key, HUB_KEY)
        form.addRow(self.checking)
        self.hosted.toggled.connect(self._follow_choice)
        self.url.editingFinished.connect(self._follow_key)
        self._follow_choice()
        self.retranslate()

    def retranslate(self) -> None:
        self.embedded.setText(self.tr("The built-in hub, on this computer"))
        self.url_label.setText(self.tr("Address"))
        self.url.setAccessibleName(self.tr("Hub address"))
        self.key_label.setText(self.tr("Practice key"))
        self.key.setAccessibleName(self.tr("Practice key"))
        self.checking.setText(self.tr("Asking the hub whether it knows the key…"))
        self._follow_key()

    def explain(self, embedded: str, hosted: str) -> None:
        """The lines of help under each choice."""
        for label, text in ((self.embedded_help, embedded), (self.hosted_help, hosted)):
            label.setText(text)
            label.setVisible(bool(text))

    def _follow_choice(self) -> None:
        hosted = self.hosted.isChecked()
        for field in (self.url, self.key, self.url_label, self.key_label):
            field.setEnabled(hosted)

    def _follow_key(self) -> None:
        url = self.url.text().strip()
        kept = bool(url) and self._stored_key(url)
        self.key.setPlaceholderText(
            self.tr("kept in the keyring: leave empty to keep it") if kept else ""
        )

    def hub(self, current: HubSettings) -> HubSettings:
        """The hub chosen, over `current` (the host and port of the built-in hub stay)."""
        if self.hosted.isChecked():
            return replace(current, mode="hosted", url=self.url.text().strip() or None)
        return replace(current, mode="embedded")

    def key_typed(self) -> str:
        return self.key.text() if self.hosted.isChecked() else ""
