"""The Today list: how each invite is doing (the Delivery column), booked consultations, and
which of Resend, Withdraw and Admit the selected consultation allows."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.helpers.storage import make_consultation
from tooddoc_desk.core.consultation import Consultation, State
from tooddoc_desk.core.delivery import DeliveryState, Invite
from tooddoc_desk.ui.consultation_model import delivery_text, state_text
from tooddoc_desk.ui.today_view import TodayView, can_resend, can_withdraw

T0 = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def invite_of(consultation: Consultation, state: DeliveryState, **more: object) -> Invite:
    return replace(Invite(consultation.id, "sms", T0, T0), state=state, **more)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("state", "attempts", "shown"),
    [
        (DeliveryState.PENDING, 0, "Sending"),
        (DeliveryState.PENDING, 2, "Sending (trying again)"),
        (DeliveryState.SENDING, 1, "Sending"),
        (DeliveryState.SENT, 1, "Sent"),
        (DeliveryState.DELIVERED, 1, "Delivered"),
        (DeliveryState.FAILED, 1, "Failed"),
        (DeliveryState.UNKNOWN, 1, "Unknown: ask the patient"),
        (DeliveryState.CANCELLED, 0, "Withdrawn"),
    ],
)
def test_the_delivery_column_says_how_the_invite_is_doing(
    state: DeliveryState, attempts: int, shown: str
) -> None:
    consultation = make_consultation(until=State.DRAFT)
    assert delivery_text(consultation, invite_of(consultation, state, attempts=attempts)) == shown


def test_a_booked_consultation_shows_its_time_and_is_scheduled() -> None:
    booked = make_consultation(until=State.DRAFT)
    booked.scheduled_for = datetime.now(UTC) + timedelta(minutes=5)
    assert state_text(booked).startswith("Booked for ")
    assert delivery_text(booked, None) == "Scheduled"
    missed = make_consultation(until=State.DRAFT)
    missed.move_to(State.EXPIRED, T0 + timedelta(hours=1), "booking_missed")
    assert state_text(missed) == "Missed: link not sent"
    assert delivery_text(missed, None) == ""


@pytest.mark.parametrize(
    ("until", "invite_state", "resend", "withdraw"),
    [
        (State.DRAFT, DeliveryState.PENDING, False, True),
        (State.DRAFT, DeliveryState.SENDING, False, True),
        (State.DRAFT, DeliveryState.UNKNOWN, True, True),
        (State.INVITED, DeliveryState.SENT, True, True),
        (State.WAITING, DeliveryState.DELIVERED, True, True),
        (State.IN_CALL, DeliveryState.DELIVERED, False, False),
        (State.ENDED, DeliveryState.DELIVERED, False, False),
        (State.FAILED, DeliveryState.FAILED, True, False),  # a new consultation
        (State.EXPIRED, None, True, False),
        (State.CANCELLED, DeliveryState.CANCELLED, False, False),
    ],
)
def test_what_the_selected_consultation_allows(
    until: State, invite_state: DeliveryState | None, resend: bool, withdraw: bool
) -> None:
    consultation = make_consultation(until=until)
    invite = None if invite_state is None else invite_of(consultation, invite_state)
    assert can_resend(consultation, invite) is resend
    assert can_withdraw(consultation) is withdraw


def test_the_buttons_follow_the_selection_and_ask_for_the_action(qtbot: QtBot) -> None:
    view = TodayView()
    qtbot.addWidget(view)
    unknown = make_consultation(until=State.DRAFT)
    waiting = make_consultation(until=State.WAITING)
    view.show_consultation(unknown)
    view.show_consultation(waiting)
    view.show_invite(invite_of(unknown, DeliveryState.UNKNOWN, problem="It may have left."))
    view.show()
    qtbot.waitExposed(view)
    assert view.model.HEADERS == [
        "Asked at",
        "Patient",
        "State",
        "Delivery",
        "Duration",
        "Payment",
    ]
    assert view.waiting_banner.isVisible()

    view.table.selectRow(view.model.row_of(unknown.id) or 0)
    assert view.resend_button.isEnabled()
    assert view.withdraw_button.isEnabled()
    assert not view.admit_button.isEnabled()
    delivery = view.model.index(view.model.row_of(unknown.id) or 0, 3)
    assert view.model.data(delivery) == "Unknown: ask the patient"
    assert view.model.data(delivery, Qt.ItemDataRole.ToolTipRole) == "It may have left."
    with qtbot.waitSignal(view.resend_requested) as asked:
        QTest.mouseClick(view.resend_button, Qt.MouseButton.LeftButton)
    assert asked.args == [unknown.id]

    view.table.selectRow(view.model.row_of(waiting.id) or 0)
    assert view.admit_button.isEnabled()
    with qtbot.waitSignal(view.withdraw_requested) as withdrawn:
        QTest.mouseClick(view.withdraw_button, Qt.MouseButton.LeftButton)
    assert withdrawn.args == [waiting.id]


def test_news_of_an_older_invite_does_not_hide_the_latest(qtbot: QtBot) -> None:
    view = TodayView()
    qtbot.addWidget(view)
    consultation = make_consultation(until=State.INVITED)
    view.show_consultation(consultation)
    old = invite_of(consultation, DeliveryState.SENT)
    new = replace(Invite(consultation.id, "sms", T0, T0 + timedelta(minutes=1)))
    view.show_invite(new)
    view.show_invite(replace(old, state=DeliveryState.DELIVERED))
    assert view.model.invite_of(consultation.id) == new
