"""Loopback stand-ins for the SMS providers, written from their public API references.

- `FakeTwilio` speaks the 2010-04-01 Messages resource: POST/GET `/2010-04-01/Accounts/{Sid}/
  Messages.json` (form-encoded create; list with To/From/DateSent filters and paging, newest
  first) and GET `…/Messages/{MessageSid}.json`; HTTP basic auth with the account SID and auth
  token; 201 with the Message resource; errors as JSON `{code, message, more_info, status}`
  (whose message, like Twilio's, may repeat the number).
- `FakeVonage` speaks the SMS API: POST `/sms/json`, form-encoded, API key and secret by basic
  auth or in the form; always HTTP 200 with `message-count` and one entry per part, each with a
  `status` ("0" accepted, "1" throttled, "2" missing parameter, "3" invalid parameter, "4" bad
  credentials, "7" barred, "9" out of credit) and `error-text`.

Both check authentication, record every request and every accepted message, and can be scripted
per send: `fake.script(Reply(429, …), Reply(503), Step.ACCEPT_THEN_STALL)` answers the next three
sends that way (ACCEPT_THEN_STALL records the message and then never answers, so the client
times out after the provider took it). Tests wait on `wait_for_requests`, never on time.
"""

from __future__ import annotations

import asyncio
import base64
import operator
import secrets
import uuid
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from enum import Enum
from typing import Any, Self
from urllib.parse import urlencode

from aiohttp import web

TWILIO_SID = "AC" + "0123456789abcdef" * 2
TWILIO_TOKEN = "twilio-auth-token-for-tests"
VONAGE_KEY = "abcd1234"
VONAGE_SECRET = "vonage-secret-for-tests"


class Step(Enum):
    ACCEPT_THEN_STALL = "accept_then_stall"  # take the message, then never answer
    STALL = "stall"  # never answer, take nothing


@dataclass(frozen=True)
class Reply:
    status: int
    body: dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)


Scripted = Reply | Step


@dataclass(frozen=True)
class Recorded:
    method: str
    path: str
    query: dict[str, str]
    form: dict[str, str]
    authorization: str | None


class FakeProvider:
    """The loopback server, the send script, and what was asked and accepted."""

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self._script: deque[Scripted] = deque()
        self._released = asyncio.Event()
        self._changed = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    def routes(self, app: web.Application) -> None:
        raise NotImplementedError

    def script(self, *steps: Scripted) -> None:
        self._script.extend(steps)

    async def start(self) -> None:
        app = web.Application()
        self.routes(app)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        host, port = self._runner.addresses[0][:2]
        self.base_url = f"http://{host}:{port}"

    async def close(self) -> None:
        self._released.set()  # stalled handlers finish, so the runner stops at once
        if self._runner is not None:
            await self._runner.cleanup()

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def wait_for_requests(self, count: int, limit: float = 10.0) -> list[Recorded]:
        async with asyncio.timeout(limit):
            while len(self.requests) < count:
                self._changed.clear()
                await self._changed.wait()
        return self.requests

    async def record(self, request: web.Request) -> Recorded:
        form = {k: str(v) for k, v in (await request.post()).items()}
        seen = Recorded(
            request.method,
            request.path,
            dict(request.query),
            form,
            request.headers.get("Authorization"),
        )
        self.requests.append(seen)
        self._changed.set()
        return seen

    def next_step(self) -> Scripted | None:
        return self._script.popleft() if self._script else None

    async def stall(self) -> web.Response:
        await self._released.wait()
        return web.Response(status=500)


def basic_auth(header: str | None) -> tuple[str, str] | None:
    if not header or not header.startswith("Basic "):
        return None
    try:
        user, _, password = base64.b64decode(header[6:]).decode().partition(":")
    except ValueError:
        return None
    return user, password


def reply(scripted: Reply) -> web.Response:
    if scripted.body is None:
        return web.Response(status=scripted.status, headers=scripted.headers)
    return web.json_response(scripted.body, status=scripted.status, headers=scripted.headers)


# --- Twilio ------------------------------------------------------------------------------------


def twilio_error(status: int, code: int, message: str) -> Reply:
    return Reply(
        status,
        {
            "code": code,
            "message": message,
            "more_info": f"https://www.twilio.com/docs/errors/{code}",
            "status": status,
        },
    )


class FakeTwilio(FakeProvider):
    def __init__(self, account_sid: str = TWILIO_SID, auth_token: str = TWILIO_TOKEN) -> None:
        super().__init__()
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.messages: list[dict[str, Any]] = []  # Message resources, oldest first
        self.not_mobile: set[str] = set()  # numbers answered with 21614
        self.opted_out: set[str] = set()  # numbers answered with 21610
        self.stall_reads = False  # never answer a listing or a fetch

    def routes(self, app: web.Application) -> None:
        base = "/2010-04-01/Accounts/{sid}/Messages"
        app.router.add_post(base + ".json", self._create)
        app.router.add_get(base + ".json", self._list)
        app.router.add_get(base + "/{message_sid}.json", self._fetch)

    def set_status(self, sid: str, status: str, error_code: int | None = None) -> None:
        now = _rfc2822()
        for message in self.messages:
            if message["sid"] == sid:
                message.update(status=status, date_updated=now, error_code=error_code)
                message["date_sent"] = message["date_sent"] or now

    async def _reading(self, request: web.Request) -> tuple[Recorded, web.StreamResponse | None]:
        seen = await self.record(request)
        refusal = self._refusal(request, seen)
        if refusal is not None:
            return seen, reply(refusal)
        if self.stall_reads:
            return seen, await self.stall()
        return seen, None

    def _refusal(self, request: web.Request, seen: Recorded) -> Reply | None:
        if basic_auth(seen.authorization) != (self.account_sid, self.auth_token):
            return twilio_error(401, 20003, "Authenticate")
        if request.match_info["sid"] != self.account_sid:
            return twilio_error(404, 20404, f"The requested resource {request.path} was not found")
        return None

    async def _create(self, request: web.Request) -> web.StreamResponse:
        seen = await self.record(request)
        refusal = self._refusal(request, seen)
        if refusal is not None:
            return reply(refusal)
        step = self.next_step()
        if isinstance(step, Reply):
            return reply(step)
        if step is Step.STALL:
            return await self.stall()
        invalid = self._invalid(seen.form)
        if invalid is not None:
            return reply(invalid)
        to, sender, body = seen.form["To"], seen.form.get("From", ""), seen.form["Body"]
        message = self._resource(to, sender, body)
        self.messages.append(message)
        if step is Step.ACCEPT_THEN_STALL:
            return await self.stall()
        return web.json_response(message, status=201)

    def _invalid(self, form: dict[str, str]) -> Reply | None:
        to = form.get("To", "")
        checks = [
            (not to, 21604, "A 'To' phone number is required."),
            (
                not form.get("From") and not form.get("MessagingServiceSid"),
                21603,
                "A 'From' phone number is required.",
            ),
            (not form.get("Body"), 21602, "Message body is required."),
            (
                not (to.startswith("+") and to[1:].isdigit() and 8 <= len(to) <= 16),
                21211,
                f"The 'To' number {to} is not a valid phone number.",
            ),
            (to in self.not_mobile, 21614, f"'To' number {to} is not a valid mobile number"),
            (to in self.opted_out, 21610, "Attempt to send to unsubscribed recipient"),
        ]
        for failed, code, text in checks:
            if failed:
                return twilio_error(400, code, text)
        return None

    def _resource(self, to: str, sender: str, body: str) -> dict[str, Any]:
        sid = "SM" + secrets.token_hex(16)
        now = _rfc2822()
        return {
            "account_sid": self.account_sid,
            "api_version": "2010-04-01",
            "body": body,
            "date_created": now,
            "date_sent": None,
            "date_updated": now,
            "direction": "outbound-api",
            "error_code": None,
            "error_message": None,
            "from": sender,
            "messaging_service_sid": None,
            "num_media": "0",
            "num_segments": "1",
            "price": None,
            "price_unit": "USD",
            "sid": sid,
            "status": "queued",
            "to": to,
            "uri": f"/2010-04-01/Accounts/{self.account_sid}/Messages/{sid}.json",
        }

    async def _list(self, request: web.Request) -> web.StreamResponse:
        seen, answered = await self._reading(request)
        if answered is not None:
            return answered
        query = seen.query
        found = [m for m in reversed(self.messages) if _matches(m, query)]
        size = min(int(query.get("PageSize", "50")), 1000)
        page = int(query.get("Page", "0"))
        chunk = found[page * size : (page + 1) * size]
        uri = request.path

        def page_uri(number: int) -> str:
            return f"{uri}?{urlencode({**query, 'Page': number, 'PageSize': size})}"

        more = (page + 1) * size < len(found)
        return web.json_response(
            {
                "messages": chunk,
                "page": page,
                "page_size": size,
                "start": page * size,
                "end": page * size + max(len(chunk) - 1, 0),
                "uri": page_uri(page),
                "first_page_uri": page_uri(0),
                "next_page_uri": page_uri(page + 1) if more else None,
                "previous_page_uri": page_uri(page - 1) if page > 0 else None,
            }
        )

    async def _fetch(self, request: web.Request) -> web.StreamResponse:
        _, answered = await self._reading(request)
        if answered is not None:
            return answered
        for message in self.messages:
            if message["sid"] == request.match_info["message_sid"]:
                return web.json_response(message)
        return reply(
            twilio_error(404, 20404, f"The requested resource {request.path} was not found")
        )


def _matches(message: dict[str, Any], query: dict[str, str]) -> bool:
    if "To" in query and message["to"] != query["To"]:
        return False
    if "From" in query and message["from"] != query["From"]:
        return False
    sent = message["date_sent"]
    day = _day(sent) if sent else None  # a message not yet sent has no date_sent
    for key, keep in (
        ("DateSent", operator.eq),
        ("DateSent<", operator.le),
        ("DateSent>", operator.ge),
    ):
        if key in query and (day is None or not keep(day, query[key])):
            return False
    return True


def _rfc2822() -> str:
    return format_datetime(datetime.now(UTC).replace(microsecond=0))


def _day(rfc2822: str) -> str:
    return parsedate_to_datetime(rfc2822).astimezone(UTC).date().isoformat()


# --- Vonage ------------------------------------------------------------------------------------


def vonage_error(status: str, text: str) -> Reply:
    return Reply(200, {"message-count": "1", "messages": [{"status": status, "error-text": text}]})


class FakeVonage(FakeProvider):
    def __init__(self, api_key: str = VONAGE_KEY, api_secret: str = VONAGE_SECRET) -> None:
        super().__init__()
        self.api_key = api_key
        self.api_secret = api_secret
        self.messages: list[dict[str, Any]] = []  # the accepted forms, with their message ids
        self.barred: set[str] = set()  # numbers (digits only) answered with status 7
        self.out_of_credit = False

    def routes(self, app: web.Application) -> None:
        app.router.add_post("/sms/json", self._send)

    async def _send(self, request: web.Request) -> web.StreamResponse:
        seen = await self.record(request)
        form = seen.form
        credentials = basic_auth(seen.authorization) or (
            form.get("api_key", ""),
            form.get("api_secret", ""),
        )
        if credentials != (self.api_key, self.api_secret):
            return reply(vonage_error("4", "Bad Credentials"))
        step = self.next_step()
        if isinstance(step, Reply):
            return reply(step)
        if step is Step.STALL:
            return await self.stall()
        invalid = _vonage_invalid(form, self.barred, self.out_of_credit)
        if invalid is not None:
            return reply(invalid)
        to = form["to"]
        parts = _vonage_parts(form["text"], form.get("type", "text"))
        entries = [
            {
                "to": to,
                "message-id": str(uuid.uuid4()),
                "status": "0",
                "remaining-balance": "15.53590000",
                "message-price": "0.03330000",
                "network": "20601",
                **({"client-ref": form["client-ref"]} if "client-ref" in form else {}),
            }
            for _ in range(parts)
        ]
        self.messages.append({**form, "message-ids": [e["message-id"] for e in entries]})
        if step is Step.ACCEPT_THEN_STALL:
            return await self.stall()
        return web.json_response({"message-count": str(parts), "messages": entries})


def _vonage_invalid(form: dict[str, str], barred: set[str], out_of_credit: bool) -> Reply | None:
    for name in ("from", "to", "text"):
        if not form.get(name):
            return vonage_error("2", f"Missing {name} param")
    to = form["to"]
    if not (to.isdigit() and 7 <= len(to) <= 15):
        return vonage_error("3", "Invalid to address")
    if to in barred:
        return vonage_error("7", "Number barred.")
    if out_of_credit:
        return vonage_error("9", "Quota Exceeded - rejected")
    return None


def _vonage_parts(text: str, kind: str) -> int:
    """Parts by length alone (the fake's own rule, independent of the app's GSM-7 code)."""
    single, part = (70, 67) if kind == "unicode" else (160, 153)
    return 1 if len(text) <= single else -(-len(text) // part)
