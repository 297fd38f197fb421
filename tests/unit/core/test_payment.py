"""The pre-payment value: amounts as people type them, and the states it moves through."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tooddoc_desk.core.payment import (
    MAX_AMOUNT_CENTS,
    AmountError,
    Payment,
    PaymentState,
    format_amount,
    parse_amount,
)

T0 = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("typed", "cents"),
    [
        ("25", 2500),
        ("25.00", 2500),
        ("25,5", 2550),
        ("25,50", 2550),
        (" € 25.00 ", 2500),
        ("25 EUR", 2500),
        ("0.50", 50),
        ("1000", 100_000),
    ],
)
def test_amounts_are_read_as_people_write_them(typed: str, cents: int) -> None:
    assert parse_amount(typed) == cents


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("", "Type the amount"),
        ("abc", "Type the amount"),
        ("25.123", "at most two decimals"),
        ("-5", "more than zero"),
        ("0", "more than zero"),
        ("0.00", "more than zero"),
        ("1000.01", "at most 1000 euros"),
        ("25.00.00", "Type the amount"),
        ("1e3", "Type the amount"),
        ("NaN", "Type the amount"),
    ],
)
def test_an_amount_that_cannot_be_a_pre_payment_says_why(typed: str, says: str) -> None:
    with pytest.raises(AmountError, match=says):
        parse_amount(typed)


@given(st.integers(min_value=1, max_value=MAX_AMOUNT_CENTS))
def test_every_amount_written_with_two_decimals_reads_back(cents: int) -> None:
    whole, part = divmod(cents, 100)
    assert parse_amount(f"{whole}.{part:02d}") == cents
    assert parse_amount(f"{whole},{part:02d}") == cents


@given(st.text(max_size=20))
def test_any_text_is_an_amount_or_a_sentence(text: str) -> None:
    outcome: int | str
    try:
        outcome = parse_amount(text)
    except AmountError as error:
        outcome = str(error)
    if isinstance(outcome, str):
        assert outcome.endswith(".")
    else:
        assert 1 <= outcome <= MAX_AMOUNT_CENTS


def test_amounts_are_shown_as_each_language_writes_them() -> None:
    assert format_amount(2550, "en") == "€25.50"
    assert format_amount(2550, "fr") == "25,50 €"
    assert format_amount(2550, "nl") == "€ 25,50"
    assert format_amount(100_000, "de") == "1.000,00 €"


def test_a_payment_moves_from_awaited_to_paid_to_refunded() -> None:
    payment = Payment.asked(2500)
    assert payment.state is PaymentState.AWAITING
    assert not payment.paid
    payment = payment.with_session("cs_test_1", T0).with_session("cs_test_2", T0)
    assert payment.attempts == 2
    assert payment.session_id == "cs_test_2"
    paid = payment.settled("bancontact", "pi_1", T0)
    assert paid.paid
    assert paid.method == "bancontact"
    assert str(paid.amount) == "25"
    refunded = paid.refunded("re_1", T0)
    assert refunded.state is PaymentState.REFUNDED
    assert refunded.refund_id == "re_1"


def test_a_payment_record_refuses_what_cannot_be_one() -> None:
    with pytest.raises(AmountError):
        Payment.asked(0)
    with pytest.raises(AmountError):
        Payment(amount_cents=2500, currency="usd")
    with pytest.raises(AmountError):
        Payment.asked(MAX_AMOUNT_CENTS + 1)
