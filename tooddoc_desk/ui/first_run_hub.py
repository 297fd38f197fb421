"""The first run's hub page: the built-in hub (the default: the app works on its own, for links
opened on this computer) or the practice's hosted hub (https, for patients at home), with the
practice key whoever runs it gave; the hub is asked whether it knows that key before going on."""

from __future__ import annotations

from tooddoc_desk.config import HubSettings
from tooddoc_desk.services.first_run import FirstRun, SetupRefused, Step
from tooddoc_desk.ui.first_run_page import FirstRunPage
from tooddoc_desk.ui.hub_fields import HubFields


class HubPage(FirstRunPage):
    step = Step.HUB

    def __init__(self, first_run: FirstRun) -> None:
        super().__init__()
        self._first_run = first_run
        self._current = first_run.settings.hub
        self.practice_seen: str | None = None  # what the hosted hub calls the practice
        self._silent: tuple[HubSettings, str] | None = None  # the last hub that did not answer
        self.fields = HubFields(
            self._current,
            has_keyring=first_run.has_keyring,
            stored_key=first_run.stored_hub_key,
            problems=self.problems,
        )
        self.add(self.fields)
        self.end()
        self.fields.hosted.toggled.connect(self._follow_choice)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("The hub"))
        self.intro.setText(
            self.tr(
                "Patients open their link on the hub: it holds the waiting room and puts them "
                "through to you. The call itself is encrypted between you and the patient."
            )
        )
        self.fields.hosted.setText(self.tr("The practice's hosted hub"))
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
        self.fields.explain(
            self.tr("Nothing to set up: good to try the app. Links open only on this computer."),
            hosted_help,
        )
        self.problems.retranslate()

    def _follow_choice(self) -> None:
        if self.fields.hosted.isChecked():
            self.fields.url.setFocus()

    def hub(self) -> HubSettings:
        return self.fields.hub(self._current)

    def key_typed(self) -> str:
        return self.fields.key_typed()

    async def check(self) -> HubSettings:
        """The hub as it will be kept (SetupRefused when it cannot be)."""
        fields = self.fields
        fields.checking.setVisible(fields.hosted.isChecked())
        asked = (self.hub(), self.key_typed())
        try:
            hub, self.practice_seen = await self._first_run.check_hub(
                *asked, keep_if_silent=asked == self._silent
            )
        except SetupRefused as refusal:
            self._silent = asked if refusal.may_insist else None
            raise
        finally:
            fields.checking.hide()
        return hub

    def focus_first(self) -> None:
        fields = self.fields
        (fields.url if fields.hosted.isChecked() else fields.embedded).setFocus()
