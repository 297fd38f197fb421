"""The hub in Settings: the built-in hub, or the practice's hosted hub with its address and
practice key (kept in the keyring, never shown again). Saving another hub asks it about the key
first, and moves the app at once (services/hub_choice.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout

from tooddoc_desk.config import HubSettings
from tooddoc_desk.services.hub_choice import HubSwitch
from tooddoc_desk.ui.form_problems import FormProblems
from tooddoc_desk.ui.hub_fields import HubFields
from tooddoc_desk.ui.i18n import FollowsLanguage, fill


class HubForm(FollowsLanguage, QGroupBox):
    def __init__(self, hubs: HubSwitch, problems: FormProblems) -> None:
        super().__init__()
        self._hubs = hubs
        self.in_use = QLabel()
        self.in_use.setWordWrap(True)
        self.fields = HubFields(
            hubs.current,
            has_keyring=hubs.has_keyring,
            stored_key=hubs.stored_key,
            problems=problems,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.in_use)
        layout.addWidget(self.fields)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Hub"))
        current = self._hubs.current
        if current.mode == "hosted" and current.url:
            where = current.url
        else:
            where = self.tr("the built-in hub")
        self.in_use.setText(fill(self.tr("In use: %1."), where))
        if self._hubs.has_keyring:
            self.fields.hosted.setText(self.tr("The practice's hosted hub, for patients at home"))
        else:
            self.fields.hosted.setText(
                self.tr("The practice's hosted hub (this computer has no keyring for its key)")
            )

    def hub(self, current: HubSettings) -> HubSettings:
        return self.fields.hub(current)

    def key_typed(self) -> str:
        return self.fields.key_typed()

    def busy(self, asking: bool) -> None:
        """While the hub is asked about the key."""
        self.fields.checking.setVisible(asking)
        self.setEnabled(not asking)
