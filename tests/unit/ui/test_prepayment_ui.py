"""The pre-payment in the window: the invite panel's amount, checked as typed; the Payment
column of Today and History; the question asked before a paid consultation is withdrawn."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.helpers.storage import email, make_consultation
from tests.unit.ui.test_invite_panel import Still, panel
from tooddoc_desk.core.payment import Payment
from tooddoc_desk.ui.consultation_model import ConsultationModel, payment_text
from tooddoc_desk.ui.refund_prompt import RefundPrompt

T0 = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def test_the_amount_is_checked_as_typed_and_sent_with_the_invite(qtbot: QtBot) -> None:
    invite = panel(qtbot, Still(datetime.now(UTC)))
    QTest.keyClicks(invite.contact_field, "0470 12 34 56")
    QTest.keyClicks(invite.amount_field, "25,001")
    assert invite.amount_feedback.text() == "An amount has at most two decimals (cents)."
    with qtbot.assertNotEmitted(invite.send_requested):
        QTest.keyClick(invite.amount_field, Qt.Key.Key_Return)
    assert invite.focusWidget() is invite.amount_field
    QTest.keyClick(invite.amount_field, Qt.Key.Key_Backspace)
    assert invite.amount_feedback.text() == (
        "✓ 25,00 €, paid by card or Bancontact before the waiting room"
    )
    with qtbot.waitSignal(invite.send_requested):
        QTest.keyClick(invite.amount_field, Qt.Key.Key_Return)
    assert invite.amount_cents() == 2500
    invite.reset()
    assert (invite.amount_field.text(), invite.amount_cents()) == ("", None)


def test_an_empty_amount_asks_no_payment(qtbot: QtBot) -> None:
    invite = panel(qtbot, Still(datetime.now(UTC)))
    QTest.keyClicks(invite.contact_field, "jan@example.be")
    with qtbot.waitSignal(invite.send_requested):
        QTest.keyClick(invite.contact_field, Qt.Key.Key_Return)
    assert invite.amount_cents() is None


def test_today_shows_whether_the_patient_paid(qtbot: QtBot) -> None:
    plain = make_consultation(email("a@exemple.be"))
    awaiting = make_consultation(email("b@exemple.be"))
    awaiting.payment = Payment.asked(2500)
    paid = make_consultation(email("c@exemple.be"))
    paid.payment = Payment.asked(2500).with_session("cs_1", T0).settled("bancontact", "pi", T0)
    refunded = make_consultation(email("d@exemple.be"))
    refunded.payment = paid.payment.refunded("re_1", T0)
    assert payment_text(plain) == ""
    assert payment_text(awaiting) == "Awaiting payment (€25.00)"
    assert payment_text(paid) == "Paid (€25.00, Bancontact)"
    assert payment_text(refunded) == "Refunded (€25.00)"
    model = ConsultationModel(with_delivery=True)
    model.reset([paid])
    column = model.HEADERS.index("Payment")
    assert model.data(model.index(0, column)) == "Paid (€25.00, Bancontact)"


def test_withdrawing_a_paid_consultation_asks_about_a_refund(qtbot: QtBot) -> None:
    paid = make_consultation(email("c@exemple.be"))
    paid.payment = Payment.asked(4000).with_session("cs_1", T0).settled("card", "pi", T0)
    answers: list[bool] = []
    for button in ("refund_button", "keep_button", "cancel_button"):
        prompt = RefundPrompt(paid)
        qtbot.addWidget(prompt)
        prompt.decided.connect(answers.append)
        prompt.open()
        assert "€40.00" in prompt.text()
        getattr(prompt, button).click()
    assert answers == [True, False]  # cancel withdraws nothing
