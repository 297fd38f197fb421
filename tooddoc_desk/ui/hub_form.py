"""The hub in Settings: the built-in hub, or the practice's hosted hub with its address and
practice key (kept in the keyring, never shown again). Saving another hub asks it about the key
first, and moves the app at once (services/hub_choice.py)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QButtonGroup, QFormLayout, QGroupBox, QLabel, QLineEdit, QRadioButton

from tooddoc_desk.config import HubSettings
from tooddoc_desk.services.hub_choice import HUB_KEY, HUB_URL, HubSwitch
from tooddoc_desk.ui.form_problems import FormProblems
from tooddoc_desk.ui.i18n import FollowsLanguage, fill
from tooddoc_desk.ui.sign_in import secret_field


class HubForm(FollowsLanguage, QGroupBox):
    def __init__(self, hubs: HubSwitch, problems: FormProblems) -> None:
        super().__init__()
        self._hubs = hubs
        self._problems = problems
        current = hubs.current
        self.embedded = QRadioButton()
        self.hosted = QRadioButton()
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.embedded)
        self.choice.addButton(self.hosted)
        hosted = current.mode == "hosted" and hubs.has_keyring
        (self.hosted if hosted else self.embedded).setChecked(True)
        self.hosted.setEnabled(hubs.has_keyring)
        self.url = QLineEdit(current.url or "")
        self.url.setPlaceholderText("https://hub.example.be")
        self.key = secret_field()
        self.url_label, self.key_label = QLabel(), QLabel()
        self.in_use = QLabel()
        self.in_use.setWordWrap(True)
        self.checking = QLabel()
        self.checking.hide()
        form = QFormLayout(self)
        form.addRow(self.in_use)
        form.addRow(self.embedded)
        form.addRow(self.hosted)
        problems.row(form, self.url_label, self.url, HUB_URL)
        problems.row(form, self.key_label, self.key, HUB_KEY)
        form.addRow(self.checking)
        self.hosted.toggled.connect(self._follow_choice)
        self.url.editingFinished.connect(self._follow_key)
        self._follow_choice()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Hub"))
        current = self._hubs.current
        if current.mode == "hosted" and current.url:
            where = current.url
        else:
            where = self.tr("the built-in hub")
        self.in_use.setText(fill(self.tr("In use: %1."), where))
        self.embedded.setText(self.tr("The built-in hub, on this computer"))
        if self._hubs.has_keyring:
            self.hosted.setText(self.tr("The practice's hosted hub, for patients at home"))
        else:
            self.hosted.setText(
                self.tr("The practice's hosted hub (this computer has no keyring for its key)")
            )
        self.url_label.setText(self.tr("Address"))
        self.url.setAccessibleName(self.tr("Hub address"))
        self.key_label.setText(self.tr("Practice key"))
        self.key.setAccessibleName(self.tr("Practice key"))
        self.checking.setText(self.tr("Asking the hub whether it knows the key…"))
        self._follow_key()

    def _follow_choice(self) -> None:
        hosted = self.hosted.isChecked()
        for field in (self.url, self.key, self.url_label, self.key_label):
            field.setEnabled(hosted)

    def _follow_key(self) -> None:
        """A key kept already for the address typed may stay where it is."""
        url = self.url.text().strip()
        kept = bool(url) and self._hubs.stored_key(url)
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

    def busy(self, asking: bool) -> None:
        """While the hub is asked about the key."""
        self.checking.setVisible(asking)
        self.setEnabled(not asking)
