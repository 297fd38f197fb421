"""The Stripe Checkout client (the real `stripe` library, its async methods) against a loopback
server that speaks Stripe's wire format."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.helpers.aio import async_test
from tests.helpers.stripe_server import API_KEY, StripeFake
from tooddoc_desk.core.language import Language
from tooddoc_desk.payments.checkout import Order, Outcome, PaymentError
from tooddoc_desk.payments.stripe_checkout import StripeCheckout

LINK = "http://127.0.0.1:8765/c/" + "Qm9i" * 10


def order(amount: int = 2500, reference: str = "room-1") -> Order:
    return Order(
        amount_cents=amount,
        currency="eur",
        description="Cabinet Dr Peeters consultation",
        language=Language.NL,
        success_url=LINK + "?payment=done",
        cancel_url=LINK + "?payment=cancelled",
        reference=reference,
        expires_at=datetime.now(UTC) + timedelta(minutes=60),
    )


@async_test
async def test_a_session_is_created_with_what_a_payment_needs_and_nothing_more() -> None:
    async with StripeFake() as fake:
        checkout = StripeCheckout(API_KEY, api_address=fake.base_url, retries=0)
        try:
            session = await checkout.create_session(order(), idempotency_key="checkout-c1-1")
        finally:
            await checkout.close()
    assert session.outcome is Outcome.OPEN
    assert session.url == f"{fake.base_url}/pay/{session.id}"
    (call,) = fake.calls("POST", "/v1/checkout/sessions")
    assert call.authorization == f"Bearer {API_KEY}"
    assert call.idempotency_key == "checkout-c1-1"
    assert call.form["payment_method_types"] == ["card", "bancontact"]
    assert call.form["locale"] == "nl"
    item = call.form["line_items"][0]
    assert item["price_data"] == {
        "currency": "eur",
        "unit_amount": "2500",
        "product_data": {"name": "Cabinet Dr Peeters consultation"},
    }
    assert call.form["client_reference_id"] == "room-1"
    # nothing about the patient: the only keys are the payment's
    assert set(call.form) == {
        "mode", "payment_method_types", "line_items", "locale", "success_url", "cancel_url",
        "client_reference_id", "expires_at", "payment_intent_data", "submit_type",
    }  # fmt: skip


@async_test
async def test_a_repeated_creation_with_the_same_key_makes_one_session() -> None:
    async with StripeFake() as fake:
        checkout = StripeCheckout(API_KEY, api_address=fake.base_url, retries=0)
        try:
            first = await checkout.create_session(order(), idempotency_key="checkout-c1-1")
            again = await checkout.create_session(order(), idempotency_key="checkout-c1-1")
            with pytest.raises(PaymentError) as other:
                await checkout.create_session(order(amount=3000), idempotency_key="checkout-c1-1")
        finally:
            await checkout.close()
    assert first.id == again.id
    assert len(fake.sessions) == 1
    assert not other.value.transient


@async_test
async def test_retrieval_follows_the_session_to_paid_with_its_method_and_a_refund() -> None:
    async with StripeFake() as fake:
        checkout = StripeCheckout(API_KEY, api_address=fake.base_url, retries=0)
        try:
            session = await checkout.create_session(order(), idempotency_key="k1")
            assert (await checkout.retrieve_session(session.id)).outcome is Outcome.OPEN
            fake.pay(session.id, "bancontact")
            paid = await checkout.retrieve_session(session.id)
            assert paid.outcome is Outcome.PAID
            assert paid.method == "bancontact"
            assert paid.payment_intent is not None
            refund = await checkout.refund(paid.payment_intent, idempotency_key="refund-c1")
            replay = await checkout.refund(paid.payment_intent, idempotency_key="refund-c1")
            with pytest.raises(PaymentError) as twice:
                await checkout.refund(paid.payment_intent, idempotency_key="refund-c1-other")
        finally:
            await checkout.close()
    assert refund.status == "succeeded"
    assert replay.id == refund.id
    assert len(fake.refunds) == 1
    assert twice.value.code == "charge_already_refunded"
    assert all(r.idempotency_key for r in fake.requests if r.method == "POST")


@async_test
async def test_expired_and_failed_sessions_are_told_apart_from_open_ones() -> None:
    async with StripeFake() as fake:
        checkout = StripeCheckout(API_KEY, api_address=fake.base_url, retries=0)
        try:
            one = await checkout.create_session(order(), idempotency_key="k1")
            two = await checkout.create_session(order(), idempotency_key="k2")
            fake.expire(one.id)
            fake.fail(two.id)
            assert (await checkout.retrieve_session(one.id)).outcome is Outcome.EXPIRED
            assert (await checkout.retrieve_session(two.id)).outcome is Outcome.FAILED
        finally:
            await checkout.close()


@async_test
async def test_stripe_errors_become_sentences_that_say_whether_to_try_again() -> None:
    async with StripeFake() as fake:
        wrong = StripeCheckout("rk_test_wrong", api_address=fake.base_url, retries=0)
        checkout = StripeCheckout(API_KEY, api_address=fake.base_url, retries=0)
        try:
            with pytest.raises(PaymentError) as refused:
                await wrong.create_session(order(), idempotency_key="k1")
            fake.script(429, "rate_limit_error", "rate_limit")
            with pytest.raises(PaymentError) as busy:
                await checkout.create_session(order(), idempotency_key="k2")
            with pytest.raises(PaymentError) as small:
                await checkout.create_session(order(amount=20), idempotency_key="k3")
            with pytest.raises(PaymentError) as missing:
                await checkout.retrieve_session("cs_test_unknown")
        finally:
            await wrong.close()
            await checkout.close()
    assert "key" in refused.value.message
    assert not refused.value.transient
    assert busy.value.transient
    assert small.value.code == "amount_too_small"
    assert not small.value.transient
    assert missing.value.code == "resource_missing"
    assert "rk_test_wrong" not in refused.value.message
