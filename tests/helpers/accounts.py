"""Users for tests: a cheap hash cost (the real one takes a tenth of a second on purpose)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.helpers.aio import until
from tooddoc_desk.app import App
from tooddoc_desk.core.passwords import HashCost

FAST_HASH = HashCost(log2_n=10, r=8, p=1)
PASSWORD = "correct horse battery"

NAME = "Dr Peeters"
INAMI = "1-23456-78-901"


async def open_desk(app: App) -> None:
    """Gets past the sign-in page as a person would: on a new store, the first-run form
    (a practitioner who also manages the practice); afterwards, name and password."""
    page = app.parts.lock.page
    if app.parts.accounts.needs_first_user():
        first = page.first
        QTest.keyClicks(first.name, NAME)
        QTest.keyClicks(first.inami, INAMI)
        QTest.keyClicks(first.secret, PASSWORD)
        QTest.keyClicks(first.again, PASSWORD)
        QTest.mouseClick(first.create_button, Qt.MouseButton.LeftButton)
    else:
        QTest.keyClicks(page.form.name, NAME)
        QTest.keyClicks(page.form.secret, PASSWORD)
        QTest.keyClick(page.form.secret, Qt.Key.Key_Return)
    await until(app.parts.lock.unlocked, "the desk after signing in")
