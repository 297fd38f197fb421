"""Users for tests: a cheap hash cost (the real one takes a tenth of a second on purpose), and
the way past the first run or the sign-in page, as a person goes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from tests.helpers.aio import until
from tooddoc_desk.app import App
from tooddoc_desk.core.passwords import HashCost
from tooddoc_desk.services.first_run import Step
from tooddoc_desk.ui.first_run import FirstRunWizard

FAST_HASH = HashCost(log2_n=10, r=8, p=1)
PASSWORD = "correct horse battery"

NAME = "Dr Peeters"
INAMI = "1-23456-78-901"


def wizard_of(app: App) -> FirstRunWizard:
    wizard = app.parts.lock.first_run
    assert wizard is not None, "the first run is not shown"
    return wizard


def on(wizard: FirstRunWizard, step: Step) -> bool:
    """Whether the wizard shows the page of `step`."""
    return wizard.step == step


async def next_page(wizard: FirstRunWizard, where: QWidget | None = None) -> None:
    """Enter, pressed in `where` (the page's first field), and the page it leads to (a check
    may run first) or the refusal."""
    before = wizard.step
    where = where or wizard.focusWidget() or wizard.page()
    where.setFocus()
    QTest.keyClick(where, Qt.Key.Key_Return)
    await until(
        lambda: not isValid(wizard) or wizard.step != before or bool(wizard.page().problems.shown),
        "the next page, a refusal, or the end",
    )


async def go_through_first_run(app: App, practice: str = "Cabinet Dr Peeters") -> None:
    """The first run with what it proposes: a practitioner who manages, the hub and the
    providers of the settings (a hosted hub that does not answer kept as it is), the recovery
    key typed back."""
    wizard = wizard_of(app)
    if not wizard.practice.name.text():
        QTest.keyClicks(wizard.practice.name, practice)
    await next_page(wizard, wizard.practice.name)
    people = wizard.people
    QTest.keyClicks(people.name, NAME)
    QTest.keyClicks(people.inami, INAMI)
    QTest.keyClicks(people.secret, PASSWORD)
    QTest.keyClicks(people.again, PASSWORD)
    await next_page(wizard, people.again)
    assert on(wizard, Step.HUB), wizard.people.problems.shown
    await next_page(wizard)
    if on(wizard, Step.HUB) and wizard.hub.problems.shown:  # a hub that does not answer
        await next_page(wizard)
    assert on(wizard, Step.MESSAGES), wizard.hub.problems.shown
    await next_page(wizard)
    assert on(wizard, Step.RECOVERY), wizard.messages.problems.shown
    QTest.keyClicks(wizard.recovery.typed, wizard.recovery.card.key.text())
    QTest.keyClick(wizard.recovery.typed, Qt.Key.Key_Return)
    await until(app.parts.lock.unlocked, "the desk after the first run")


async def open_desk(app: App) -> None:
    """Gets past the first run or the sign-in page as a person would: on a new store, the
    first run (a practitioner who also manages the practice); afterwards, name and password."""
    if app.parts.accounts.needs_first_user():
        await go_through_first_run(app)
        return
    page = app.parts.lock.page
    QTest.keyClicks(page.form.name, NAME)
    QTest.keyClicks(page.form.secret, PASSWORD)
    QTest.keyClick(page.form.secret, Qt.Key.Key_Return)
    await until(app.parts.lock.unlocked, "the desk after signing in")


async def sign_in_as(app: App, name: str, secret: str) -> None:
    """Signs out whoever is at the desk, then signs `name` in on the sign-in page, with the
    keyboard (the name, Enter, the password or PIN, Enter)."""
    lock = app.parts.lock
    if app.parts.accounts.current is not None:
        QTest.mouseClick(lock.sign_out_button, Qt.MouseButton.LeftButton)
    await until(lambda: not lock.unlocked(), "the sign-in page")
    form = lock.page.form
    QTest.keyClicks(form.name, name)
    QTest.keyClick(form.name, Qt.Key.Key_Return)
    QTest.keyClicks(form.secret, secret)
    QTest.keyClick(form.secret, Qt.Key.Key_Return)
    await until(lock.unlocked, f"the desk after {name} signed in")
