"""`GET /api/whoami` on a real hub: the practice a key belongs to, refusals like the rest of
the API."""

from __future__ import annotations

import httpx
import pytest

from tests.helpers.aio import async_test
from tooddoc_desk.hub import HubClient, HubConfig, HubRefused, start_hub

KEYS = ("first-practice-key-0000000000", "second-practice-key-000000000")


@async_test
async def test_each_key_answers_with_its_practice() -> None:
    config = HubConfig(api_keys=KEYS, practice_labels=("Cabinet Dr Peeters", "Tandarts Janssens"))
    async with await start_hub(config) as hub, httpx.AsyncClient() as http:
        assert await HubClient(http, hub.base_url, KEYS[0]).whoami() == "Cabinet Dr Peeters"
        assert await HubClient(http, hub.base_url, KEYS[1]).whoami() == "Tandarts Janssens"
        answer = await http.get(
            f"{hub.base_url}/api/whoami", headers={"Authorization": f"Bearer {KEYS[0]}"}
        )
        assert answer.json() == {"practice": "Cabinet Dr Peeters", "protocol": 1}
        assert answer.headers["Cache-Control"] == "no-store"


@async_test
async def test_a_key_without_a_name_answers_null() -> None:
    async with await start_hub() as hub, httpx.AsyncClient() as http:
        assert await HubClient(http, hub.base_url, hub.api_key).whoami() is None


@async_test
async def test_wrong_keys_are_refused_and_counted_like_any_api_call() -> None:
    async with await start_hub(HubConfig(api_keys=KEYS)) as hub, httpx.AsyncClient() as http:
        wrong = HubClient(http, hub.base_url, "not-a-key-of-this-hub-0000")
        limit = HubConfig().limits.failed_lookups_per_minute
        for _ in range(limit):
            with pytest.raises(HubRefused) as refused:
                await wrong.whoami()
            assert (refused.value.status, refused.value.code) == (401, "unauthorized")
        with pytest.raises(HubRefused) as refused:
            await HubClient(http, hub.base_url, KEYS[0]).whoami()
        assert (refused.value.status, refused.value.code) == (429, "rate_limited")


@async_test
async def test_it_only_reads() -> None:
    async with await start_hub(HubConfig(api_keys=KEYS)) as hub, httpx.AsyncClient() as http:
        headers = {"Authorization": f"Bearer {KEYS[0]}"}
        answer = await http.post(f"{hub.base_url}/api/whoami", headers=headers)
        assert answer.status_code == 405
        assert answer.json()["error"]["code"] == "method_not_allowed"
