"""Pre-payment through the consultation service, with real parts: a hub on loopback, an
encrypted store, the real stripe client against a loopback server speaking Stripe's wire
format, and the patient's side of the hub's websocket."""

from __future__ import annotations

import logging
from pathlib import Path

import httpx
import pytest

from tests.helpers.aio import async_test
from tests.helpers.hub import signaling
from tests.helpers.stripe_server import API_KEY, StripeFake
from tests.integration.services.rig import PATIENT, Rig, rig, token_of
from tooddoc_desk.core.clock import SystemClock
from tooddoc_desk.core.consultation import Consultation, State
from tooddoc_desk.core.language import Language
from tooddoc_desk.core.payment import PaymentState
from tooddoc_desk.messaging.dev_outbox import DevOutbox
from tooddoc_desk.services.events import ConsultationChanged, PatientArrived
from tooddoc_desk.services.payments import PollIntervals
from tooddoc_desk.services.sentences import NO_STRIPE_KEY, PAID_NOT_HELD

pytestmark = pytest.mark.usefixtures("loopback_only")

DEVICE = "0123456789abcdef0123456789abcdef"
FAST = PollIntervals(engaged=0.2, idle=0.5)


def with_stripe(r: Rig, fake: StripeFake, key: str | None = API_KEY) -> None:
    r.service.enable_payments(lambda: key, api_address=fake.base_url, intervals=FAST)


async def paying(r: Rig) -> Consultation:
    return await r.service.invite(PATIENT, Language.NL, SystemClock().now(), amount_cents=2500)


async def settled(r: Rig, consultation_id: str, state: PaymentState) -> Consultation:
    changed = await r.events.wait_for_match(
        ConsultationChanged,
        lambda event: (
            event.consultation.id == consultation_id
            and event.consultation.payment is not None
            and event.consultation.payment.state is state
        ),
    )
    return changed.consultation


@async_test
async def test_the_patient_pays_at_checkout_then_waits_and_is_admitted(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    async with StripeFake() as fake, rig(tmp_path, DevOutbox()) as r:
        with_stripe(r, fake)
        consultation = await paying(r)
        assert consultation.link is not None
        (session,) = fake.sessions.values()
        assert session["locale"] == "nl"
        assert session["client_reference_id"] == consultation.room_id
        assert session["success_url"] == consultation.link + "?payment=done"
        assert session["_description"] == "Cabinet Test consultatie"
        (create,) = fake.calls("POST", "/v1/checkout/sessions")
        assert create.idempotency_key == f"tooddoc-checkout-{consultation.id}-1"
        async with signaling(r.websockets, r.hub) as patient:
            welcome = await patient.hello("patient", token_of(consultation.link), DEVICE)
            payment = welcome["payment"]
            assert payment["state"] == "required"
            assert payment["amount_cents"] == 2500
            assert payment["checkout_url"] == session["url"]
            await patient.send({"type": "join"})
            assert (await patient.expect("error"))["code"] == "payment_required"
        # the patient pays on "Stripe's page", which sends them back to the patient link
        async with httpx.AsyncClient() as browser:
            back = await browser.get(session["url"])
        assert back.status_code == 302
        assert back.headers["location"] == consultation.link + "?payment=done"
        async with signaling(r.websockets, r.hub) as patient:
            welcome = await patient.hello("patient", token_of(consultation.link), DEVICE)
            if welcome["payment"]["state"] != "paid":  # the app looks as the page opens
                assert (await patient.expect("payment"))["state"] == "paid"
            paid = await settled(r, consultation.id, PaymentState.PAID)
            await patient.send({"type": "join"})
            await r.events.wait_for(PatientArrived)
        assert paid.payment is not None
        assert paid.payment.method == "card"
        stored = r.store.consultations.get(consultation.id).payment
        assert stored is not None
        assert (stored.state, stored.amount_cents, stored.method) == (
            PaymentState.PAID,
            2500,
            "card",
        )
    # nothing about the patient went to Stripe, nor into a log line
    for request in fake.requests:
        assert PATIENT.value not in request.raw
        assert "Dr Test" not in request.raw
    # (httpcore's lines are the test's own browser following the redirect to the link)
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name != "httpcore.http11")
    assert PATIENT.value not in logged
    assert token_of(consultation.link) not in logged


@async_test
async def test_an_expired_checkout_gives_the_patient_a_new_one(tmp_path: Path) -> None:
    async with StripeFake() as fake, rig(tmp_path, DevOutbox()) as r:
        with_stripe(r, fake)
        consultation = await paying(r)
        assert consultation.link is not None
        (first,) = fake.sessions
        fake.expire(first)
        async with signaling(r.websockets, r.hub) as patient:
            await patient.hello("patient", token_of(consultation.link), DEVICE)
            again = await patient.expect("payment")
            assert again["state"] == "required"
            (second,) = [s for s in fake.sessions if s != first]
            assert again["checkout_url"] == fake.sessions[second]["url"]
        keys = [call.idempotency_key for call in fake.calls("POST", "/v1/checkout/sessions")]
        assert keys == [f"tooddoc-checkout-{consultation.id}-{n}" for n in (1, 2)]
        stored = r.store.consultations.get(consultation.id).payment
        assert stored is not None
        assert (stored.session_id, stored.attempts, stored.state) == (
            second,
            2,
            PaymentState.AWAITING,
        )


@async_test
async def test_withdrawing_a_paid_consultation_refunds_it_once(tmp_path: Path) -> None:
    async with StripeFake() as fake, rig(tmp_path, DevOutbox()) as r:
        with_stripe(r, fake)
        consultation = await paying(r)
        (session_id,) = fake.sessions
        fake.pay(session_id, "bancontact")
        await settled(r, consultation.id, PaymentState.PAID)
        await r.service.withdraw(consultation.id, refund=True)
        refunded = await settled(r, consultation.id, PaymentState.REFUNDED)
        assert refunded.state is State.CANCELLED
        (refund,) = fake.refunds.values()
        assert refund["amount"] == 2500
        (call,) = fake.calls("POST", "/v1/refunds")
        assert call.idempotency_key == f"tooddoc-refund-{consultation.id}"
        stored = r.store.consultations.get(consultation.id).payment
        assert stored is not None
        assert (stored.state, stored.refund_id, stored.method) == (
            PaymentState.REFUNDED,
            refund["id"],
            "bancontact",
        )
        assert not await r.service.refund(consultation.id)  # nothing left to refund
        assert len(fake.refunds) == 1


@async_test
async def test_without_a_key_or_with_a_refused_one_no_link_leaves(tmp_path: Path) -> None:
    async with StripeFake() as fake, rig(tmp_path, DevOutbox()) as r:
        with_stripe(r, fake, key=None)
        with pytest.raises(ValueError, match="No Stripe key"):
            await paying(r)
        assert r.store.consultations.list_recent() == []
        assert r.service.payment_unusable() == NO_STRIPE_KEY
        with_stripe(r, fake, key="rk_test_notthekeythestripeserverknows")
        consultation = await paying(r)
        assert consultation.state is State.FAILED
        problem = await r.problem_for(consultation.id)
        assert "pre-payment could not be prepared" in problem.message
        assert "Stripe does not accept the key" in problem.message
        assert r.store.outbox.for_consultation(consultation.id) == []
        assert fake.sessions == {}


@async_test
async def test_a_payment_made_as_the_consultation_ends_is_recorded_and_said(
    tmp_path: Path,
) -> None:
    async with StripeFake() as fake, rig(tmp_path, DevOutbox()) as r:
        slow = PollIntervals(engaged=60, idle=60)  # the app does not look by itself here
        r.service.enable_payments(lambda: API_KEY, api_address=fake.base_url, intervals=slow)
        consultation = await paying(r)
        (session_id,) = fake.sessions
        fake.pay(session_id)  # at Checkout, while the practice withdraws the link
        await r.service.withdraw(consultation.id)
        late = await settled(r, consultation.id, PaymentState.PAID)
        assert late.state is State.CANCELLED
        problem = await r.problem_for(consultation.id)
        assert problem.message == PAID_NOT_HELD
