"""The first run's hub page: the built-in hub (the default: the app works on its own, for links
opened on this computer) or the practice's hosted hub (https, for patients at home), with the
practice key whoever runs it gave; the hub is asked whether it knows that key before going on."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QButtonGroup, QFormLayout, QLabel, QLineEdit, QRadioButton

from tooddoc_desk.config import HubSettings
from tooddoc_desk.services.first_run import FirstRun, SetupRefused, Step
from tooddoc_desk.services.hub_choice import HUB_KEY, HUB_URL
from tooddoc_desk.ui.first_run_page import FirstRunPage
from tooddoc_desk.ui.sign_in import secret_field


class HubPage(FirstRunPage):
    step = Step.HUB

    def __init__(self, first_run: FirstRun) -> None:
        super().__init__()
        self._first_run = first_run
        self._current = first_run.settings.hub
        self.practice_seen: str | None = None  # what the hosted hub calls the practice
        self._silent: tuple[HubSettings, str] | None = None  # the last hub that did not answer
        self.embedded = QRadioButton()
        self.embedded_help = QLabel()
        self.hosted = QRadioButton()
        self.hosted_help = QLabel()
        for help_text in (self.embedded_help, self.hosted_help):
            help_text.setWordWrap(True)
            help_text.setIndent(24)
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.embedded)
        self.choice.addButton(self.hosted)
        hosted = self._current.mode == "hosted" and first_run.has_keyring
        (self.hosted if hosted else self.embedded).setChecked(True)
        self.url = QLineEdit(self._current.url or "")
        self.url.setPlaceholderText("https://hub.example.be")
        self.key = secret_field()
        self.url_label, self.key_label = QLabel(), QLabel()
        self.checking = QLabel()
        self.checking.hide()
        form = QFormLayout()
        self.problems.row(form, self.url_label, self.url, HUB_URL)
        self.problems.row(form, self.key_label, self.key, HUB_KEY)
        for part in (self.embedded, self.embedded_help, self.hosted, self.hosted_help):
            self.add(part)
        self.add(form)
        self.add(self.checking)
        self.end()
        self.hosted.setEnabled(first_run.has_keyring)
        self.hosted.toggled.connect(self._follow_choice)
        self.url.editingFinished.connect(self._follow_key)
        self._follow_choice()
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("The hub"))
        self.intro.setText(
            self.tr(
                "Patients open their link on the hub: it holds the waiting room and puts them "
                "through to you. The call itself is encrypted between you and the patient."
            )
        )
        self.embedded.setText(self.tr("The built-in hub, on this computer"))
        self.embedded_help.setText(
            self.tr("Nothing to set up: good to try the app. Links open only on this computer.")
        )
        self.hosted.setText(self.tr("The practice's hosted hub"))
        if self._first_run.has_keyring:
            hosted_help = self.tr(
                "For patients at home. Whoever runs the hub gives you its address and the "
                "practice key; the key is kept in this computer's keyring."
            )
        else:
            hosted_help = self.tr(
                "This computer has no keyring to keep the hub's practice key: the built-in hub "
                "only."
            )
        self.hosted_help.setText(hosted_help)
        self.url_label.setText(self.tr("Address"))
        self.url.setAccessibleName(self.tr("Hub address"))
        self.key_label.setText(self.tr("Practice key"))
        self.key.setAccessibleName(self.tr("Practice key"))
        self.checking.setText(self.tr("Asking the hub whether it knows the key…"))
        self._follow_key()
        self.problems.retranslate()

    def _follow_choice(self) -> None:
        hosted = self.hosted.isChecked()
        for field in (self.url, self.key, self.url_label, self.key_label):
            field.setEnabled(hosted)
        if hosted:
            self.url.setFocus()

    def _follow_key(self) -> None:
        """A key kept already for the address typed may stay where it is."""
        url = self.url.text().strip()
        kept = bool(url) and self._first_run.stored_hub_key(url)
        self.key.setPlaceholderText(
            self.tr("kept in the keyring: leave empty to keep it") if kept else ""
        )

    def hub(self) -> HubSettings:
        if self.hosted.isChecked():
            return replace(self._current, mode="hosted", url=self.url.text().strip())
        return replace(self._current, mode="embedded")

    def key_typed(self) -> str:
        return self.key.text() if self.hosted.isChecked() else ""

    async def check(self) -> HubSettings:
        """The hub as it will be kept (SetupRefused when it cannot be)."""
        self.checking.setVisible(self.hosted.isChecked())
        asked = (self.hub(), self.key_typed())
        try:
            hub, self.practice_seen = await self._first_run.check_hub(
                *asked, keep_if_silent=asked == self._silent
            )
        except SetupRefused as refusal:
            self._silent = asked if refusal.may_insist else None
            raise
        finally:
            self.checking.hide()
        return hub

    def focus_first(self) -> None:
        (self.url if self.hosted.isChecked() else self.embedded).setFocus()
