"""The app's hub client, against httpx's mock transport: answers, refusals, failures."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from tests.helpers.aio import async_test
from tooddoc_desk.core.language import Language
from tooddoc_desk.hub.client import HubClient, HubRefused, HubUnavailable, RoomInvite

BASE = "http://127.0.0.1:8765"
KEY = "practice-key-0123456789"
CREATED = {
    "room_id": "4f0c",
    "patient_url": f"{BASE}/c/PATIENT-SECRET",
    "practitioner_token": "PRACTITIONER-SECRET",
    "expires_at": "2026-11-25T19:17:36Z",
}

Handler = Callable[[httpx.Request], httpx.Response]


def client(handler: Handler) -> tuple[HubClient, httpx.AsyncClient]:
    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    return HubClient(http, BASE + "/", KEY), http


@async_test
async def test_create_room_sends_the_key_and_the_fields() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(201, json=CREATED)

    hub, http = client(handler)
    async with http:
        invite = await hub.create_room("Cabinet Dr Peeters", Language.NL, timedelta(minutes=30))
    [request] = seen
    assert request.method == "POST"
    assert str(request.url) == f"{BASE}/api/rooms"
    assert request.headers["Authorization"] == f"Bearer {KEY}"
    assert json.loads(request.content) == {
        "practice_name": "Cabinet Dr Peeters",
        "language": "nl",
        "ttl_seconds": 1800,
    }
    assert invite == RoomInvite(
        "4f0c", CREATED["patient_url"], "PRACTITIONER-SECRET", datetime(2026, 11, 25, 19, 17, 36,
        tzinfo=UTC)
    )  # fmt: skip
    assert "SECRET" not in repr(invite)
    assert hub.websocket_url == "ws://127.0.0.1:8765/ws"


@async_test
async def test_close_room_deletes_it() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    hub, http = client(handler)
    async with http:
        await hub.close_room("4f0c/../x")
    assert seen[0].method == "DELETE"
    assert seen[0].url.raw_path == b"/api/rooms/4f0c%2F..%2Fx"


@async_test
async def test_refusals_carry_the_hubs_code_and_message() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        body = {"error": {"code": "bad_request", "message": "language: one of fr, nl, en, de"}}
        return httpx.Response(400, json=body)

    hub, http = client(handler)
    async with http:
        with pytest.raises(HubRefused) as refused:
            await hub.create_room("P", Language.FR)
    assert (refused.value.status, refused.value.code) == (400, "bad_request")
    assert refused.value.message == "language: one of fr, nl, en, de"


@async_test
async def test_a_refusal_without_the_error_shape_still_has_a_code() -> None:
    hub, http = client(lambda request: httpx.Response(404, text="nope"))
    async with http:
        with pytest.raises(HubRefused) as refused:
            await hub.close_room("x")
    assert refused.value.code == "http_404"


@pytest.mark.parametrize(
    "handler",
    [
        lambda request: httpx.Response(503, text="busy"),
        lambda request: httpx.Response(201, text="not json"),
        lambda request: httpx.Response(201, json={"room_id": "x"}),
        lambda request: httpx.Response(201, json=dict(CREATED, expires_at="tomorrow")),
        lambda request: httpx.Response(200, json=CREATED),
    ],
)
@async_test
async def test_unusable_answers_mean_the_hub_is_unavailable(handler: Handler) -> None:
    hub, http = client(handler)
    async with http:
        with pytest.raises(HubUnavailable):
            await hub.create_room("P", Language.FR)


@async_test
async def test_no_answer_means_the_hub_is_unavailable() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    hub, http = client(handler)
    async with http:
        with pytest.raises(HubUnavailable) as failure:
            await hub.close_room("x")
    assert KEY not in str(failure.value)
