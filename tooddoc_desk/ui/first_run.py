"""The first run, in the window, before anyone has an account: five pages (the practice, the
people, the hub, the invites, the recovery key), each checked when left; Finish keeps it all
at once and signs the first person in (services/first_run.py says in which order, and what a
first run left half way means at the next start).

Enter goes on (or adds the person typed in the "others" form), Alt+Left and Back go back; a
refusal is said next to its field and nothing typed is lost. Back never checks.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tooddoc_desk.config import HubSettings, Settings
from tooddoc_desk.services.first_run import FirstRun, Setup, SetupRefused, Step
from tooddoc_desk.ui.first_run_hub import HubPage
from tooddoc_desk.ui.first_run_messages import MessagesPage
from tooddoc_desk.ui.first_run_page import FirstRunPage
from tooddoc_desk.ui.first_run_people import PeoplePage
from tooddoc_desk.ui.first_run_practice import PracticePage
from tooddoc_desk.ui.first_run_recovery import RecoveryPage
from tooddoc_desk.ui.i18n import FollowsLanguage, fill
from tooddoc_desk.ui.tasks import Tasks


class FirstRunWizard(FollowsLanguage, QWidget):
    def __init__(self, first_run: FirstRun, tasks: Tasks) -> None:
        super().__init__()
        self._first_run = first_run
        self._tasks = tasks
        self._hub: HubSettings | None = None  # the hub as checked
        current = first_run.settings
        self.practice = PracticePage(current)
        self.people = PeoplePage(first_run)
        self.hub = HubPage(first_run)
        self.messages = MessagesPage(current)
        self.recovery = RecoveryPage(first_run, current.practice_name)
        self.pages: tuple[FirstRunPage, ...] = (
            self.practice,
            self.people,
            self.hub,
            self.messages,
            self.recovery,
        )
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.step_line = QLabel()
        self.stack = QStackedWidget()
        for page in self.pages:
            self.stack.addWidget(page)
        self.back_button = QPushButton()
        self.next_button = QPushButton()
        self.next_button.setDefault(True)

        box = QWidget()
        box.setMaximumWidth(640)
        inner = QVBoxLayout(box)
        inner.addWidget(self.title)
        inner.addWidget(self.step_line)
        inner.addWidget(self.stack, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        inner.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 4)
        layout.addStretch(1)

        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.show_step(Step.PRACTICE)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Setting up tooddoc-desk"))
        self.back_button.setText(self.tr("Back"))
        self.back_button.setToolTip(self.tr("Back (Alt+Left)"))
        self._say_step()

    # --- moving between pages --------------------------------------------------------------

    @property
    def step(self) -> Step:
        return Step(self.stack.currentIndex())

    def page(self) -> FirstRunPage:
        return self.pages[self.step]

    def show_step(self, step: Step) -> None:
        self.stack.setCurrentIndex(step)
        self.back_button.setEnabled(step > Step.PRACTICE)
        self._say_step()
        self.page().focus_first()

    def _say_step(self) -> None:
        last = self.step == Step.RECOVERY
        self.next_button.setText(self.tr("Finish") if last else self.tr("Next"))
        self.step_line.setText(
            fill(self.tr("Step %1 of %2: %3"), self.step + 1, len(self.pages), self.page().title())
        )
        self.stack.setAccessibleName(self.step_line.text())

    def go_back(self) -> None:
        if self.step > Step.PRACTICE and self.next_button.isEnabled():
            self.page().clear_problems()
            self.show_step(Step(self.step - 1))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """The keys the pages' fields leave to it: Enter, and Alt+Left."""
        key, modifiers = event.key(), event.modifiers()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = QApplication.focusWidget()
            inside = focused is not None and self.isAncestorOf(focused)
            self._enter(focused if inside else self.focusWidget())
        elif key == Qt.Key.Key_Left and modifiers & Qt.KeyboardModifier.AltModifier:
            self.go_back()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _enter(self, focused: QWidget | None) -> None:
        if focused in self.people.add_form_fields():
            self.people.add_other()
        elif isinstance(focused, QPushButton) and focused is not self.next_button:
            focused.animateClick()  # Back, Copy, Print…, Add, Remove: Enter presses them
        else:
            self.go_next()

    def go_next(self) -> None:
        if not self.next_button.isEnabled():
            return  # a check is under way
        page = self.page()
        page.clear_problems()
        if self.step in (Step.HUB, Step.RECOVERY):
            self._busy(True)
            work = self._check_hub() if self.step == Step.HUB else self._finish()
            self._tasks.run(work)
            return
        try:
            self._check(self.step)
        except SetupRefused as refusal:
            page.refuse(refusal)
            return
        self.show_step(Step(self.step + 1))

    def _check(self, step: Step) -> None:
        first_run = self._first_run
        if step == Step.PRACTICE:
            first_run.check_practice(self.practice.settings(first_run.settings))
        elif step == Step.PEOPLE:
            self.people.check()
        elif step == Step.MESSAGES:
            settings = self.messages.settings(first_run.settings)
            self.messages.check_chosen(settings)
            first_run.check_messages(settings, self.messages.secrets())

    async def _check_hub(self) -> None:
        try:
            self._hub = await self.hub.check()
        except SetupRefused as refusal:
            self.hub.refuse(refusal)
            return
        finally:
            self._busy(False)
        self.show_step(Step.MESSAGES)

    # --- the end ---------------------------------------------------------------------------

    def settings(self) -> Settings:
        """All the pages say, over the settings kept so far."""
        settings = self.practice.settings(self._first_run.settings)
        settings = replace(settings, hub=self._hub or self.hub.hub())
        return self.messages.settings(settings)

    def setup(self) -> Setup:
        return Setup(
            settings=self.settings(),
            people=self.people.people(),
            secrets=self.messages.secrets(),
            hub_key=self.hub.key_typed(),
        )

    async def _finish(self) -> None:
        self.recovery.card.practice_name = self.practice.name.text().strip()
        try:
            await self._first_run.finish(self.setup(), self.recovery.typed_back())
        except SetupRefused as refusal:
            self.show_step(refusal.step)
            self.page().refuse(refusal)
            return
        finally:
            self._busy(False)
        self.recovery.card.forget_copy()
        for field in (
            self.people.secret,
            self.people.again,
            self.hub.fields.key,
            self.messages.sms.secret,
            self.messages.mail.password,
        ):
            field.clear()

    def _busy(self, busy: bool) -> None:
        self.stack.setEnabled(not busy)
        self.next_button.setEnabled(not busy)
        self.back_button.setEnabled(not busy and self.step > Step.PRACTICE)
