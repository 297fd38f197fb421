"""A room's pre-payment through a real hub: the practice's app says how it stands (PUT), the
patient's page hears it and cannot enter the waiting room before it is paid; a hosted hub's
Stripe webhook, verified by signature and de-duplicated on the event id."""

from __future__ import annotations

import time
from typing import Any

import aiohttp
import httpx
import pytest

from tests.helpers.aio import async_test
from tests.helpers.hub import HubRoom, SignalingClient, new_room, signaling
from tests.helpers.stripe_server import event_payload, sign_webhook
from tooddoc_desk.hub import HubClient, HubConfig, RunningHub, start_hub
from tooddoc_desk.hub.client import HubRefused

PHONE = "0123456789abcdef0123456789abcdef"
SECRET = "whsec_" + "testsigningsecret0123456789"
URL_1 = "https://checkout.stripe.com/c/pay/cs_test_1"
URL_2 = "https://checkout.stripe.com/c/pay/cs_test_2"


async def ask(hub: RunningHub, room: HubRoom, **fields: Any) -> None:
    async with httpx.AsyncClient() as http:
        client = HubClient(http, hub.base_url, hub.api_key)
        await client.set_payment(room.room_id, **fields)


async def webhook(hub: RunningHub, body: bytes, signature: str) -> httpx.Response:
    async with httpx.AsyncClient() as http:
        return await http.post(
            hub.base_url + "/stripe/webhook",
            content=body,
            headers={"Stripe-Signature": signature, "Content-Type": "application/json"},
        )


def session(session_id: str, room: HubRoom, payment_status: str = "paid") -> dict[str, Any]:
    return {
        "id": session_id,
        "object": "checkout.session",
        "client_reference_id": room.room_id,
        "status": "complete",
        "payment_status": payment_status,
        "amount_total": 2500,
        "currency": "eur",
    }


async def patient_in(
    http: aiohttp.ClientSession, hub: RunningHub, room: HubRoom, patient: SignalingClient
) -> dict[str, Any]:
    return await patient.hello("patient", room.patient_token, PHONE)


@async_test
async def test_the_patient_pays_before_the_waiting_room() -> None:
    async with await start_hub() as hub, aiohttp.ClientSession() as http:
        room = await new_room(hub)
        await ask(hub, room, paid=False, amount_cents=2500, checkout_url=URL_1,
                  session_id="cs_test_1")  # fmt: skip
        async with signaling(http, hub) as practitioner, signaling(http, hub) as patient:
            await practitioner.hello("practitioner", room.practitioner_token)
            welcome = await patient_in(http, hub, room, patient)
            assert welcome["payment"] == {
                "state": "required",
                "amount_cents": 2500,
                "currency": "eur",
                "checkout_url": URL_1,
            }
            await practitioner.expect("patient_opened")
            for _ in range(12):  # refused each time, and never counted against the socket
                await patient.send({"type": "join"})
                assert (await patient.expect("error"))["code"] == "payment_required"
            await ask(hub, room, paid=True, amount_cents=2500)
            told = await patient.expect("payment")
            assert told["state"] == "paid"
            assert told["checkout_url"] is None
            await patient.send({"type": "join"})
            await practitioner.expect("patient_waiting")
            # a late word saying unpaid changes nothing once paid
            await ask(hub, room, paid=False, amount_cents=2500, checkout_url=URL_2,
                      session_id="cs_test_2")  # fmt: skip
            await patient.assert_nothing_pending()


@async_test
async def test_a_room_without_payment_says_none_and_the_api_refuses_bad_payments() -> None:
    async with await start_hub() as hub, aiohttp.ClientSession() as http:
        room = await new_room(hub)
        async with signaling(http, hub) as patient:
            assert (await patient_in(http, hub, room, patient))["payment"] is None
        async with httpx.AsyncClient() as client:
            path = f"{hub.base_url}/api/rooms/{room.room_id}/payment"
            auth = {"Authorization": f"Bearer {hub.api_key}"}
            good = {"state": "required", "amount_cents": 2500, "currency": "eur",
                    "checkout_url": URL_1, "session_id": "cs_test_1"}  # fmt: skip
            for field, value in [
                ("state", "free"),
                ("amount_cents", 0),
                ("amount_cents", "25.00"),
                ("currency", "usd"),
                ("checkout_url", "javascript:alert(1)"),
                ("checkout_url", None),
                ("session_id", "pi_123"),
            ]:
                answer = await client.put(path, json={**good, field: value}, headers=auth)
                assert answer.status_code == 400, (field, value)
                assert answer.json()["error"]["message"].startswith(field)
            assert (await client.put(path, json=good)).status_code == 401
            unknown = f"{hub.base_url}/api/rooms/nosuchroom/payment"
            assert (await client.put(unknown, json=good, headers=auth)).status_code == 404
            assert (await client.post(hub.base_url + "/stripe/webhook")).status_code == 404


@async_test
async def test_the_hub_refuses_to_show_a_payment_for_a_closed_room() -> None:
    async with await start_hub() as hub, httpx.AsyncClient() as http:
        room = await new_room(hub)
        client = HubClient(http, hub.base_url, hub.api_key)
        await client.close_room(room.room_id)
        with pytest.raises(HubRefused) as refused:
            await client.set_payment(room.room_id, paid=False, amount_cents=2500,
                                     checkout_url=URL_1)  # fmt: skip
        assert refused.value.code == "not_found"


@async_test
async def test_a_signed_webhook_lets_the_patient_in_and_a_replay_changes_nothing() -> None:
    config = HubConfig(stripe_webhook_secret=SECRET)
    async with await start_hub(config) as hub, aiohttp.ClientSession() as http:
        room = await new_room(hub)
        await ask(hub, room, paid=False, amount_cents=2500, checkout_url=URL_1,
                  session_id="cs_test_1")  # fmt: skip
        async with signaling(http, hub) as patient:
            await patient_in(http, hub, room, patient)
            # the session expired: the page is told a new one is coming
            expired = event_payload("evt_1", "checkout.session.expired",
                                    session("cs_test_1", room, "unpaid"))  # fmt: skip
            answer = await webhook(hub, expired, sign_webhook(expired, SECRET))
            assert answer.status_code == 200
            assert (await patient.expect("payment"))["checkout_url"] is None
            # the app made the session open again (as far as the hub knows)
            await ask(hub, room, paid=False, amount_cents=2500, checkout_url=URL_1,
                      session_id="cs_test_1")  # fmt: skip
            assert (await patient.expect("payment"))["checkout_url"] == URL_1
            # the same event again, freshly signed: acknowledged, and nothing changes
            replayed = await webhook(hub, expired, sign_webhook(expired, SECRET))
            assert replayed.status_code == 200
            assert replayed.json()["duplicate"] is True
            await patient.assert_nothing_pending()

            # signed with another secret, too old, from the future, not signed: refused
            paid = event_payload("evt_2", "checkout.session.completed", session("cs_test_1", room))
            now = int(time.time())
            for signature in [
                sign_webhook(paid, "whsec_someoneelsesecret000000"),
                sign_webhook(paid, SECRET, now - 302),
                sign_webhook(paid, SECRET, now + 400),
                f"t={now}",
                "",
            ]:
                assert (await webhook(hub, paid, signature)).status_code == 400
            tampered = paid.replace(b"cs_test_1", b"cs_test_9")
            assert (await webhook(hub, tampered, sign_webhook(paid, SECRET))).status_code == 400
            await patient.assert_nothing_pending()

            # a paid event for another session of the room changes nothing
            other = event_payload("evt_3", "checkout.session.completed",
                                  session("cs_test_0", room))  # fmt: skip
            assert (await webhook(hub, other, sign_webhook(other, SECRET))).status_code == 200
            await patient.assert_nothing_pending()

            # within the tolerance, the room's session paid: the patient goes on
            answer = await webhook(hub, paid, sign_webhook(paid, SECRET, now - 290))
            assert answer.status_code == 200
            assert (await patient.expect("payment"))["state"] == "paid"
            await patient.send({"type": "join"})
            await patient.assert_nothing_pending()
