"""The patient page's pre-payment step in a real Chromium: the room asks a payment, Pay leads to
the Checkout page (here the loopback Stripe's stand-in, which pays or cancels and sends the
browser back to the link, as Stripe's does), and the page goes on to the lobby once the hub says
it is paid. The practice's side is played by the real Stripe client and the hub's API, as the
app does it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.helpers.aio import async_test_timeout
from tests.helpers.stripe_server import API_KEY, StripeFake
from tests.integration.patient.rig import PHONE, PRACTICE, assert_clean, rig, state_is
from tooddoc_desk.core.language import Language
from tooddoc_desk.payments.checkout import Order, Outcome
from tooddoc_desk.payments.stripe_checkout import StripeCheckout

pytestmark = [pytest.mark.netns, pytest.mark.usefixtures("loopback_only")]


@async_test_timeout(90)
async def test_the_patient_pays_at_checkout_then_enters_the_lobby() -> None:
    async with StripeFake() as fake, rig() as r:
        room = await r.room(Language.FR)
        checkout = StripeCheckout(API_KEY, api_address=fake.base_url, retries=0)
        try:
            order = Order(
                amount_cents=2500,
                currency="eur",
                description=f"{PRACTICE} consultation",
                language=Language.FR,
                success_url=room.patient_url + "?payment=done",
                cancel_url=room.patient_url + "?payment=cancelled",
                reference=room.room_id,
                expires_at=datetime.now(UTC) + timedelta(hours=1),
            )
            session = await checkout.create_session(order, idempotency_key="k1")
            assert session.url is not None
            await r.rooms.set_payment(
                room.room_id,
                paid=False,
                amount_cents=2500,
                checkout_url=session.url,
                session_id=session.id,
            )
            page, watch = await r.open(room.patient_url, PHONE)
            await state_is(page, "payment")
            title = await page.text_content("#payment-title")
            assert title is not None
            assert PRACTICE in title
            assert "25,00\u00a0€" in title
            assert not await page.is_visible("#view-lobby")

            # the patient leaves Stripe's page without paying: back on the link, told so
            await page.goto(session.url + "?cancel=1")
            await state_is(page, "payment")
            await page.wait_for_function(
                "() => document.getElementById('status').textContent.includes('pas abouti')"
            )
            assert await page.text_content("#pay") == "Réessayer le paiement"
            assert page.url == room.patient_url  # the return's query is not kept

            # then pays: Stripe sends the browser back, and the page waits for the practice
            await page.click("#pay")
            await page.wait_for_url(room.patient_url)
            await state_is(page, "payment")
            await page.wait_for_function(
                "() => document.getElementById('status').textContent.includes('Vérification')"
            )
            assert (await checkout.retrieve_session(session.id)).outcome is Outcome.PAID
            await r.rooms.set_payment(room.room_id, paid=True, amount_cents=2500)
            await state_is(page, "ready")
            assert await page.text_content("#notice") == "Paiement reçu. Merci."
            await assert_clean(watch)
        finally:
            await checkout.close()
