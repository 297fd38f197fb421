"""The invite panel's "When": empty for now, or a time; checked as typed, Enter sends or books."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tooddoc_desk.core.contact import PhoneContact
from tooddoc_desk.core.language import Language
from tooddoc_desk.ui.invite_panel import InvitePanel


class Still:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def now(self) -> datetime:
        return self.moment


def panel(qtbot: QtBot, clock: Still) -> InvitePanel:
    shown = InvitePanel(clock, Language.FR, lead=timedelta(minutes=30))
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_an_empty_when_sends_now(qtbot: QtBot) -> None:
    invite = panel(qtbot, Still(datetime.now(UTC)))
    QTest.keyClicks(invite.contact_field, "0470 12 34 56")
    assert invite.send_button.text() == "Send link"
    with qtbot.waitSignal(invite.send_requested) as sent:
        QTest.keyClick(invite.contact_field, Qt.Key.Key_Return)
    contact, language, _, at = sent.args
    assert (contact, language, at) == (PhoneContact("+32470123456"), Language.FR, None)


def test_a_time_books_the_consultation_and_says_when_the_link_leaves(qtbot: QtBot) -> None:
    now = datetime.now().astimezone().replace(hour=9, minute=0, second=0, microsecond=0)
    invite = panel(qtbot, Still(now))
    QTest.keyClicks(invite.contact_field, "jan@example.be")
    QTest.keyClicks(invite.when_field, "14:30")
    assert invite.when_feedback.text() == "✓ today at 14:30: the link leaves today at 14:00"
    assert invite.send_button.text() == "Book"
    with qtbot.waitSignal(invite.send_requested) as booked:
        QTest.keyClick(invite.when_field, Qt.Key.Key_Return)  # Enter in "When" too
    at = booked.args[3]
    assert at == now.replace(hour=14, minute=30).astimezone(UTC)

    invite.reset()
    assert (invite.when_field.text(), invite.send_button.text()) == ("", "Send link")


def test_a_time_that_cannot_be_booked_is_said_and_nothing_is_sent(qtbot: QtBot) -> None:
    now = datetime.now().astimezone().replace(hour=15, minute=0, second=0, microsecond=0)
    invite = panel(qtbot, Still(now))
    QTest.keyClicks(invite.contact_field, "0470 12 34 56")
    QTest.keyClicks(invite.when_field, "9:00")
    assert "has passed" in invite.when_feedback.text()
    received: list[object] = []
    invite.send_requested.connect(lambda *args: received.append(args))
    QTest.mouseClick(invite.send_button, Qt.MouseButton.LeftButton)
    assert received == []
    assert "has passed" in invite.when_feedback.text()
