"""A real hub on 127.0.0.1:0 over HTTP: the practice API, the patient page, security headers."""

from __future__ import annotations

import logging

import httpx
import pytest

from tests.helpers.aio import async_test
from tests.helpers.hub import new_room
from tooddoc_desk.core.language import Language
from tooddoc_desk.core.resources import patient_page_dir
from tooddoc_desk.hub import HubClient, HubConfig, HubRefused, Limits, start_hub
from tooddoc_desk.hub.headers import CONTENT_SECURITY_POLICY

ROOM = {"practice_name": "Cabinet Dr Peeters", "language": "fr"}


@async_test
async def test_rooms_are_created_only_with_a_practice_key() -> None:
    async with await start_hub() as hub, httpx.AsyncClient(base_url=hub.base_url) as http:
        assert (await http.post("/api/rooms", json=ROOM)).status_code == 401
        wrong = {"Authorization": "Bearer not-the-key-0123456789"}
        answer = await http.post("/api/rooms", json=ROOM, headers=wrong)
        assert answer.status_code == 401
        assert answer.json() == {
            "error": {"code": "unauthorized", "message": "a valid practice key is needed"}
        }
        basic = {"Authorization": f"Basic {hub.api_key}"}
        assert (await http.post("/api/rooms", json=ROOM, headers=basic)).status_code == 401

        good = {"Authorization": f"Bearer {hub.api_key}"}
        answer = await http.post("/api/rooms", json=ROOM, headers=good)
        assert answer.status_code == 201
        body = answer.json()
        assert set(body) == {"room_id", "patient_url", "practitioner_token", "expires_at"}
        assert body["patient_url"].startswith(f"{hub.base_url}/c/")
        assert len(body["practitioner_token"]) >= 43  # 256 bits in URL-safe base64
        assert body["expires_at"].endswith("Z")


@async_test
async def test_several_practice_keys_may_be_configured() -> None:
    keys = ("first-practice-key-000", "second-practice-key-00")
    async with await start_hub(HubConfig(api_keys=keys)) as hub, httpx.AsyncClient() as http:
        assert hub.api_key == keys[0]
        for key in keys:
            await HubClient(http, hub.base_url, key).create_room("P", Language.EN)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"language": "fr"}, "practice_name"),
        ({"practice_name": "", "language": "fr"}, "practice_name"),
        ({"practice_name": "x" * 81, "language": "fr"}, "practice_name"),
        ({"practice_name": "Dr\u202eEvil", "language": "fr"}, "practice_name"),
        ({"practice_name": "P", "language": "es"}, "language"),
        ({"practice_name": "P"}, "language"),
        ({"practice_name": "P", "language": "fr", "ttl_seconds": 59}, "ttl_seconds"),
        ({"practice_name": "P", "language": "fr", "ttl_seconds": 86401}, "ttl_seconds"),
        ({"practice_name": "P", "language": "fr", "ttl_seconds": 60.5}, "ttl_seconds"),
        ({"practice_name": "P", "language": "fr", "ttl_seconds": True}, "ttl_seconds"),
        ([1, 2], "body"),
    ],
)
@async_test
async def test_bad_room_requests_name_the_field(body: object, field: str) -> None:
    async with await start_hub() as hub, httpx.AsyncClient(base_url=hub.base_url) as http:
        headers = {"Authorization": f"Bearer {hub.api_key}"}
        answer = await http.post("/api/rooms", json=body, headers=headers)
        assert answer.status_code == 400
        assert answer.json()["error"]["code"] == "bad_request"
        assert answer.json()["error"]["message"].startswith(field)


@async_test
async def test_bodies_that_are_not_json_or_too_large_are_refused() -> None:
    async with await start_hub() as hub, httpx.AsyncClient(base_url=hub.base_url) as http:
        headers = {"Authorization": f"Bearer {hub.api_key}"}
        answer = await http.post("/api/rooms", content=b"\xff{", headers=headers)
        assert answer.status_code == 400
        answer = await http.post("/api/rooms", content=b"{" * 100_000, headers=headers)
        assert answer.status_code == 413
        assert answer.json()["error"]["code"] == "too_large"


@async_test
async def test_rooms_are_closed_by_id_and_unknown_ids_are_not_found() -> None:
    async with await start_hub() as hub, httpx.AsyncClient() as http:
        client = HubClient(http, hub.base_url, hub.api_key)
        invite = await client.create_room("P", Language.NL)
        await client.close_room(invite.room_id)
        await client.close_room(invite.room_id)  # already closed: 204 again
        with pytest.raises(HubRefused) as refused:
            await client.close_room("no-such-room")
        assert (refused.value.status, refused.value.code) == (404, "not_found")
        outsider = HubClient(http, hub.base_url, "not-the-key-0123456789")
        with pytest.raises(HubRefused) as refused:
            await outsider.close_room(invite.room_id)
        assert refused.value.code == "unauthorized"


@async_test
async def test_repeated_bad_keys_are_rate_limited_per_address() -> None:
    config = HubConfig(limits=Limits(failed_lookups_per_minute=3))
    async with await start_hub(config) as hub, httpx.AsyncClient(base_url=hub.base_url) as http:
        wrong = {"Authorization": "Bearer not-the-key-0123456789"}
        for _ in range(3):
            assert (await http.post("/api/rooms", json=ROOM, headers=wrong)).status_code == 401
        good = {"Authorization": f"Bearer {hub.api_key}"}
        answer = await http.post("/api/rooms", json=ROOM, headers=good)
        assert answer.status_code == 429
        assert answer.json()["error"]["code"] == "rate_limited"


@async_test
async def test_the_patient_page_is_the_same_for_every_token() -> None:
    async with await start_hub() as hub, httpx.AsyncClient(base_url=hub.base_url) as http:
        room = await new_room(hub)
        real = await http.get(f"/c/{room.patient_token}")
        made_up = await http.get("/c/made-up-token")
        assert real.status_code == made_up.status_code == 200
        assert real.content == made_up.content
        assert real.headers["Content-Type"] == "text/html; charset=utf-8"
        assert b"../static/patient.js" in real.content


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("patient.js", "text/javascript; charset=utf-8"),
        ("strings.js", "text/javascript; charset=utf-8"),
        ("patient.css", "text/css; charset=utf-8"),
        ("icon.svg", "image/svg+xml"),
    ],
)
@async_test
async def test_static_files_are_served_from_a_fixed_list(path: str, content_type: str) -> None:
    async with await start_hub() as hub, httpx.AsyncClient(base_url=hub.base_url) as http:
        answer = await http.get(f"/static/{path}")
        assert answer.status_code == 200
        assert answer.headers["Content-Type"] == content_type
        assert answer.headers["Cache-Control"] == "no-cache"
        for other in ("index.html", "..%2Fpatient.js", "nothing.js"):
            assert (await http.get(f"/static/{other}")).status_code == 404


PATIENT_FILES = [("/c/any-token", "index.html")] + [
    (f"/static/{name}", name) for name in ("patient.js", "strings.js", "patient.css", "icon.svg")
]


@async_test
async def test_the_patients_files_travel_gzipped_to_a_browser_that_accepts_it() -> None:
    async with await start_hub() as hub, httpx.AsyncClient(base_url=hub.base_url) as http:
        for path, name in PATIENT_FILES:
            original = (patient_page_dir() / name).read_bytes()
            answer = await http.get(path, headers={"Accept-Encoding": "gzip, deflate, br"})
            assert answer.headers["Content-Encoding"] == "gzip", name
            assert answer.content == original  # as the browser unpacks it
            assert answer.num_bytes_downloaded < len(original) * 0.7, name
            assert "Accept-Encoding" in answer.headers["Vary"]
            for refusing in ("identity", "gzip;q=0, deflate", "br"):
                plain = await http.get(path, headers={"Accept-Encoding": refusing})
                assert "Content-Encoding" not in plain.headers, (name, refusing)
                assert plain.content == original


@async_test
async def test_a_file_opened_again_is_revalidated_not_downloaded() -> None:
    async with await start_hub() as hub, httpx.AsyncClient(base_url=hub.base_url) as http:
        for path, name in PATIENT_FILES:
            first = await http.get(path)
            etag = first.headers["ETag"]
            for tag in (etag, f"W/{etag}", f'"other", {etag}'):
                again = await http.get(path, headers={"If-None-Match": tag})
                assert (again.status_code, again.content) == (304, b""), (name, tag)
                assert again.headers["ETag"] == etag
                assert again.headers["X-Content-Type-Options"] == "nosniff"
            changed = await http.get(path, headers={"If-None-Match": '"an-older-file"'})
            assert changed.status_code == 200
            assert changed.content == (patient_page_dir() / name).read_bytes()


@async_test
async def test_every_response_carries_the_security_headers() -> None:
    async with await start_hub() as hub, httpx.AsyncClient(base_url=hub.base_url) as http:
        room = await new_room(hub)
        answers = {
            "page": await http.get(f"/c/{room.patient_token}"),
            "static": await http.get("/static/patient.js"),
            "health": await http.get("/healthz"),
            "api": await http.post("/api/rooms", json=ROOM),
            "api 404": await http.get("/api/nothing"),
            "api 405": await http.get("/api/rooms"),
            "404": await http.get("/nothing"),
            "ws without upgrade": await http.get("/ws"),
        }
        for name, answer in answers.items():
            headers = answer.headers
            assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY, name
            assert headers["X-Content-Type-Options"] == "nosniff", name
            assert headers["Referrer-Policy"] == "no-referrer", name
            assert headers["Permissions-Policy"].startswith("camera=(self), microphone=(self)")
            assert "Strict-Transport-Security" not in headers  # plain http on loopback
        for name in ("page", "health", "api", "api 404", "404"):
            assert answers[name].headers["Cache-Control"] == "no-store", name
        assert answers["health"].json() == {"status": "ok"}
        assert answers["api 405"].json()["error"]["code"] == "method_not_allowed"
        assert answers["ws without upgrade"].status_code == 400


def test_the_content_security_policy_is_strict() -> None:
    directives = dict(d.split(" ", 1) for d in CONTENT_SECURITY_POLICY.split("; "))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["img-src"] == "'self' data: blob:"
    assert directives["media-src"] == "'self' blob: mediastream:"
    assert directives["connect-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["base-uri"] == "'none'"
    assert directives["form-action"] == "'none'"
    assert "unsafe" not in CONTENT_SECURITY_POLICY


@async_test
async def test_the_access_log_never_holds_a_token(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    async with await start_hub() as hub, httpx.AsyncClient(base_url=hub.base_url) as http:
        room = await new_room(hub)
        await http.get(f"/c/{room.patient_token}")
        await http.get(f"/c/{room.patient_token}/extra")
        await http.get(f"/C/{room.patient_token}?again={room.patient_token}")
        await HubClient(http, hub.base_url, hub.api_key).close_room(room.room_id)
    access = [r.getMessage() for r in caplog.records if r.name == "tooddoc_desk.hub.access"]
    assert any(line.startswith("GET /c/… 200") for line in access)
    assert any(line.startswith("GET <unmatched> 404") for line in access)
    assert any(line.startswith(f"DELETE /api/rooms/{room.room_id} 204") for line in access)
    # every record but those of the test's own HTTP client (httpx logs the URLs it fetches)
    for record in [r for r in caplog.records if not r.name.startswith(("httpx", "httpcore"))]:
        text = record.getMessage()
        assert room.patient_token not in text
        assert room.practitioner_token not in text
        assert hub.api_key not in text
