"""A loopback stand-in for Stripe's API, written from its public reference, for the real
`stripe` client pointed at it (`api_address=server.base_url`).

It speaks the wire format the client uses: form-encoded bodies with bracketed keys
(`line_items[0][price_data][unit_amount]=2500`), `Authorization: Bearer <key>`, the
`Idempotency-Key` header (the same key with the same body answers the first answer again, with
`Idempotent-Replayed: true`; with another body, `400 idempotency_error`), and errors as
`{"error": {"type", "code", "message", "param"}}` with Stripe's statuses (401 a wrong key, 400 an
invalid request, 404 no such object, 429, 500).

Resources:

- `POST /v1/checkout/sessions`: mode `payment`, `line_items` with `price_data`, `success_url`,
  `expires_at` 30 minutes to 24 hours ahead; answers the Checkout Session object (`id`, `url`,
  `status`, `payment_status`, `payment_intent`, `amount_total`, `currency`, `locale`,
  `client_reference_id`, `expires_at`, …);
- `GET /v1/checkout/sessions/{id}` with `expand[]=payment_intent` or
  `expand[]=payment_intent.payment_method`;
- `POST /v1/refunds` for a `payment_intent` that succeeded (once: a second refund is
  `charge_already_refunded`).

The session's `url` is a tiny page on this server that stands for Stripe's Checkout: opening it
pays (with `pay_with`, card by default) and redirects to `success_url`; `?cancel=1` goes to
`cancel_url` and pays nothing. Tests may also `pay`, `expire` or `fail` a session directly, and
`script(status, code)` makes the next API call fail.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import web

API_KEY = "rk_test_" + "restrictedkeyfortests0123456789"
MIN_EXPIRY = 30 * 60
MAX_EXPIRY = 24 * 3600


@dataclass(frozen=True)
class Recorded:
    method: str
    path: str
    form: dict[str, Any]
    idempotency_key: str | None
    authorization: str | None
    raw: str


@dataclass
class _Idempotent:
    fingerprint: str
    status: int
    body: dict[str, Any]


@dataclass
class StripeFake:
    """The loopback server and what it holds: sessions, payment intents, refunds, requests."""

    api_key: str = API_KEY
    pay_with: str = "card"
    sessions: dict[str, dict[str, Any]] = field(default_factory=dict)
    intents: dict[str, dict[str, Any]] = field(default_factory=dict)
    methods: dict[str, dict[str, Any]] = field(default_factory=dict)
    refunds: dict[str, dict[str, Any]] = field(default_factory=dict)
    requests: list[Recorded] = field(default_factory=list)
    base_url: str = ""
    _idempotent: dict[str, _Idempotent] = field(default_factory=dict)
    _script: list[tuple[int, str, str]] = field(default_factory=list)
    _runner: web.AppRunner | None = None

    # --- running ---------------------------------------------------------------------------

    async def start(self) -> StripeFake:
        app = web.Application()
        app.router.add_post("/v1/checkout/sessions", self._create_session)
        app.router.add_get("/v1/checkout/sessions/{id}", self._get_session)
        app.router.add_post("/v1/refunds", self._create_refund)
        app.router.add_get("/pay/{id}", self._checkout_page)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.base_url = f"http://127.0.0.1:{port}"
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def __aenter__(self) -> StripeFake:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # --- what a test does ------------------------------------------------------------------

    def script(self, status: int, error_type: str, code: str = "") -> None:
        """The next API call fails with this error."""
        self._script.append((status, error_type, code))

    def pay(self, session_id: str, method: str | None = None) -> None:
        session = self.sessions[session_id]
        if session["status"] != "open":
            raise RuntimeError(f"session {session_id} is {session['status']}")
        method_id = "pm_" + secrets.token_hex(8)
        self.methods[method_id] = {
            "id": method_id,
            "object": "payment_method",
            "type": method or self.pay_with,
        }
        intent_id = "pi_" + secrets.token_hex(8)
        self.intents[intent_id] = {
            "id": intent_id,
            "object": "payment_intent",
            "amount": session["amount_total"],
            "currency": session["currency"],
            "status": "succeeded",
            "payment_method": method_id,
            "description": session["_description"],
        }
        session.update(status="complete", payment_status="paid", payment_intent=intent_id, url=None)

    def fail(self, session_id: str) -> None:
        """The patient's bank refused an asynchronous payment after Checkout completed."""
        session = self.sessions[session_id]
        intent_id = "pi_" + secrets.token_hex(8)
        self.intents[intent_id] = {
            "id": intent_id,
            "object": "payment_intent",
            "amount": session["amount_total"],
            "currency": session["currency"],
            "status": "requires_payment_method",
            "payment_method": None,
        }
        session.update(
            status="complete", payment_status="unpaid", payment_intent=intent_id, url=None
        )

    def expire(self, session_id: str) -> None:
        session = self.sessions[session_id]
        session.update(status="expired", url=None)

    def calls(self, method: str, path_prefix: str) -> list[Recorded]:
        return [r for r in self.requests if r.method == method and r.path.startswith(path_prefix)]

    # --- the API ---------------------------------------------------------------------------

    async def _create_session(self, request: web.Request) -> web.Response:
        return await self._api(request, self._new_session)

    async def _get_session(self, request: web.Request) -> web.Response:
        return await self._api(request, self._read_session)

    async def _create_refund(self, request: web.Request) -> web.Response:
        return await self._api(request, self._new_refund)

    async def _api(self, request: web.Request, handler: Any) -> web.Response:
        raw = (await request.read()).decode()
        pairs = parse_qsl(
            raw if request.method == "POST" else request.query_string, keep_blank_values=True
        )
        form = unflatten(pairs)
        key = request.headers.get("Idempotency-Key")
        self.requests.append(
            Recorded(
                request.method, request.path, form, key, request.headers.get("Authorization"), raw
            )
        )
        scheme, _, given = request.headers.get("Authorization", "").partition(" ")
        if scheme != "Bearer" or not hmac.compare_digest(given, self.api_key):
            return _error(
                401, "invalid_request_error", "", "Invalid API Key provided: " + given[:8] + "****"
            )
        if self._script:
            status, kind, code = self._script.pop(0)
            return _error(status, kind, code, f"scripted {kind}")
        if request.method == "POST" and key is not None:
            fingerprint = hashlib.sha256(f"{request.path}\n{raw}".encode()).hexdigest()
            seen = self._idempotent.get(key)
            if seen is not None:
                if seen.fingerprint != fingerprint:
                    return _error(
                        400,
                        "idempotency_error",
                        "",
                        "Keys for idempotent requests can only be used with the same "
                        "parameters they were first used with.",
                    )
                response = web.json_response(seen.body, status=seen.status)
                response.headers["Idempotent-Replayed"] = "true"
                return response
        try:
            status, body = handler(request, form)
        except _Refused as refused:
            return refused.response
        if request.method == "POST" and key is not None:
            self._idempotent[key] = _Idempotent(fingerprint, status, body)
        return web.json_response(body, status=status)

    def _new_session(self, request: web.Request, form: dict[str, Any]) -> tuple[int, Any]:
        if form.get("mode") != "payment":
            raise _Refused("mode", "Missing required param: mode.")
        for name in ("success_url", "cancel_url"):
            if not re.match(r"^https?://", str(form.get(name, ""))):
                raise _Refused(name, f"Not a valid URL: {name}.")
        items = form.get("line_items")
        if not isinstance(items, list) or len(items) != 1:
            raise _Refused("line_items", "line_items must hold one item here.")
        price = items[0].get("price_data", {})
        amount = int(price.get("unit_amount", "0"))
        if amount < 50:
            raise _Refused(
                "line_items[0][price_data][unit_amount]",
                "Amount must be at least €0.50 eur",
                code="amount_too_small",
            )
        expires = int(form.get("expires_at", time.time() + MAX_EXPIRY))
        ahead = expires - time.time()
        if not MIN_EXPIRY - 60 <= ahead <= MAX_EXPIRY + 60:
            raise _Refused(
                "expires_at", "The `expires_at` timestamp must be between 30 minutes and 24 hours."
            )
        session_id = "cs_test_" + secrets.token_hex(16)
        session = {
            "id": session_id,
            "object": "checkout.session",
            "mode": "payment",
            "status": "open",
            "payment_status": "unpaid",
            "payment_intent": None,
            "amount_total": amount * int(items[0].get("quantity", "1")),
            "currency": price.get("currency"),
            "locale": form.get("locale"),
            "client_reference_id": form.get("client_reference_id"),
            "payment_method_types": form.get("payment_method_types", ["card"]),
            "expires_at": expires,
            "success_url": form["success_url"],
            "cancel_url": form["cancel_url"],
            "url": f"{self.base_url}/pay/{session_id}",
            "livemode": False,
            "metadata": form.get("metadata", {}),
            "_description": price.get("product_data", {}).get("name"),
        }
        self.sessions[session_id] = session
        return 200, _public(session)

    def _read_session(self, request: web.Request, form: dict[str, Any]) -> tuple[int, Any]:
        session = self.sessions.get(request.match_info["id"])
        if session is None:
            raise _Refused(
                "id",
                f"No such checkout.session: '{request.match_info['id']}'",
                status=404,
                code="resource_missing",
            )
        body = _public(session)
        expand = form.get("expand", [])
        if "payment_intent" in expand or "payment_intent.payment_method" in expand:
            intent = self.intents.get(session["payment_intent"] or "")
            if intent is not None:
                intent = dict(intent)
                if "payment_intent.payment_method" in expand and intent["payment_method"]:
                    intent["payment_method"] = self.methods[intent["payment_method"]]
                body["payment_intent"] = intent
        return 200, body

    def _new_refund(self, request: web.Request, form: dict[str, Any]) -> tuple[int, Any]:
        intent = self.intents.get(str(form.get("payment_intent", "")))
        if intent is None:
            raise _Refused(
                "payment_intent", "No such payment_intent", status=404, code="resource_missing"
            )
        if intent["status"] != "succeeded":
            raise _Refused(
                "payment_intent",
                "This PaymentIntent has no successful charge.",
                code="charge_not_refundable",
            )
        if any(r["payment_intent"] == intent["id"] for r in self.refunds.values()):
            raise _Refused(
                "payment_intent",
                "Charge has already been refunded.",
                code="charge_already_refunded",
            )
        refund_id = "re_" + secrets.token_hex(12)
        refund = {
            "id": refund_id,
            "object": "refund",
            "amount": intent["amount"],
            "currency": intent["currency"],
            "payment_intent": intent["id"],
            "reason": form.get("reason"),
            "status": "succeeded",
        }
        self.refunds[refund_id] = refund
        return 200, refund

    async def _checkout_page(self, request: web.Request) -> web.Response:
        """Stands for Stripe's hosted page: pays (or cancels) and sends the browser back."""
        session = self.sessions.get(request.match_info["id"])
        if session is None or session["status"] != "open":
            return web.Response(status=404, text="This Checkout Session is no longer active.")
        if request.query.get("cancel"):
            raise web.HTTPFound(session["cancel_url"])
        self.pay(session["id"])
        raise web.HTTPFound(session["success_url"])


class _Refused(Exception):
    def __init__(
        self, param: str, message: str, *, status: int = 400, code: str = "parameter_invalid"
    ) -> None:
        super().__init__(message)
        self.response = _error(status, "invalid_request_error", code, message, param)


def _error(
    status: int, kind: str, code: str, message: str, param: str | None = None
) -> web.Response:
    error: dict[str, Any] = {"type": kind, "message": message}
    if code:
        error["code"] = code
    if param:
        error["param"] = param
    return web.json_response(
        {"error": error}, status=status, headers={"Request-Id": "req_" + secrets.token_hex(7)}
    )


def _public(session: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in session.items() if not k.startswith("_")}


def unflatten(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """Stripe's bracketed form keys as nested objects: `a[0][b]=1` → {"a": [{"b": "1"}]},
    `expand[]=x` → {"expand": ["x"]}."""
    root: dict[str, Any] = {}
    for key, value in pairs:
        parts = re.findall(r"[^\[\]]+|\[\]", key)
        parts = [p if p != "[]" else "" for p in parts]
        node: Any = root
        for index, part in enumerate(parts):
            last = index == len(parts) - 1
            following = None if last else parts[index + 1]
            container: Any = [] if following == "" or (following or "x").isdigit() else {}
            if isinstance(node, list):
                if part == "":
                    if last:
                        node.append(value)
                        break
                    node.append(container)
                    node = node[-1]
                    continue
                position = int(part)
                while len(node) <= position:
                    node.append(None)
                if last:
                    node[position] = value
                else:
                    if node[position] is None:
                        node[position] = container
                    node = node[position]
            elif last:
                node[part] = value
            else:
                node = node.setdefault(part, container)
    return root


def sign_webhook(payload: bytes, secret: str, timestamp: int | None = None) -> str:
    """The Stripe-Signature header Stripe sends with a webhook: `t=<unix time>,v1=<hex of
    HMAC-SHA256(secret, "<t>.<payload>")>`."""
    moment = int(time.time()) if timestamp is None else timestamp
    mac = hmac.new(secret.encode(), f"{moment}.".encode() + payload, hashlib.sha256).hexdigest()
    return f"t={moment},v1={mac}"


def event_payload(event_id: str, kind: str, session: dict[str, Any]) -> bytes:
    """A webhook event as Stripe posts it (the object as it stood when the event happened)."""
    return json.dumps(
        {
            "id": event_id,
            "object": "event",
            "type": kind,
            "api_version": "2025-10-29.clover",
            "created": int(time.time()),
            "livemode": False,
            "data": {"object": _public(session)},
        }
    ).encode()
