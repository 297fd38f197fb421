"""Stripe's webhook on a hosted hub: a patient who paid goes on to the waiting room at once.

    POST /stripe/webhook       Stripe-Signature: t=<unix time>,v1=<hex HMAC-SHA256>

Only a hub configured with the endpoint's signing secret (`stripe.webhook_secret_file`,
`whsec_…`) has this route. The hub holds no Stripe API key and asks Stripe nothing: it acts only
on what a verified event says, and the practice's app still confirms the payment itself by
retrieving the Checkout Session (the hub's word is never what the record keeps).

Verification, as Stripe documents it: the signed text is `<t>.<raw body>`; the request is taken
when one of its `v1` signatures equals HMAC-SHA256(secret, signed text), compared in constant
time, and `t` is within 300 seconds of the hub's clock (either way). Anything else is `400` and
changes nothing.

De-duplication: Stripe may deliver an event more than once. The hub remembers the ids of the
events it acted on (the last 10,000, and none older than 3 days, Stripe's retry window); a
replayed event is answered `200` and changes nothing.

Events acted on (their `data.object` is the Checkout Session; `client_reference_id` is the room):

    checkout.session.completed              paid when its payment_status is paid
    checkout.session.async_payment_succeeded
    checkout.session.async_payment_failed   the session lapses: the app makes a new one
    checkout.session.expired

Every other event is acknowledged (`200`) and ignored. Nothing of the event is logged but its id
and type.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from collections import OrderedDict
from datetime import datetime, timedelta

from aiohttp import web

from tooddoc_desk.core.clock import Clock
from tooddoc_desk.hub.context import HUB

log = logging.getLogger(__name__)

TOLERANCE = timedelta(seconds=300)
REMEMBERED_EVENTS = 10_000
EVENT_MEMORY = timedelta(days=3)
MAX_BODY = 64 * 1024
PAID = frozenset({"checkout.session.completed", "checkout.session.async_payment_succeeded"})
LAPSED = frozenset({"checkout.session.async_payment_failed", "checkout.session.expired"})


class SignatureError(ValueError):
    """The request is not a Stripe event signed with this endpoint's secret, now."""


def verify(payload: bytes, header: str, secret: str, now: datetime) -> None:
    """Raises SignatureError unless `header` signs `payload` with `secret` within TOLERANCE."""
    timestamp: int | None = None
    signatures: list[str] = []
    for part in header.split(","):
        name, _, value = part.strip().partition("=")
        if name == "t":
            try:
                timestamp = int(value)
            except ValueError:
                raise SignatureError("the signature's time is not a number") from None
        elif name == "v1":
            signatures.append(value)
    if timestamp is None or not signatures:
        raise SignatureError("no time or no v1 signature in Stripe-Signature")
    expected = hmac.new(
        secret.encode(), str(timestamp).encode() + b"." + payload, hashlib.sha256
    ).hexdigest()
    if not any(hmac.compare_digest(expected, given) for given in signatures):
        raise SignatureError("no signature matches this endpoint's secret")
    if abs(now.timestamp() - timestamp) > TOLERANCE.total_seconds():
        raise SignatureError("the signature is too old (or from the future)")


class StripeWebhook:
    def __init__(self, secret: str, clock: Clock) -> None:
        self._secret = secret
        self._clock = clock
        self._seen: OrderedDict[str, datetime] = OrderedDict()  # event id → when acted on

    def add_routes(self, app: web.Application) -> None:
        app.router.add_post("/stripe/webhook", self.receive)

    async def receive(self, request: web.Request) -> web.Response:
        payload = await request.content.read(MAX_BODY + 1)
        if len(payload) > MAX_BODY:
            return _refuse(413, "too_large")
        try:
            verify(payload, request.headers.get("Stripe-Signature", ""), self._secret, self._now())
        except SignatureError as error:
            log.warning("stripe webhook refused: %s", error)
            return _refuse(400, "bad_signature")
        try:
            event = json.loads(payload)
            event_id, kind = str(event["id"]), str(event["type"])
            session = event["data"]["object"]
        except (ValueError, KeyError, TypeError):
            return _refuse(400, "bad_event")
        if self._already_seen(event_id):
            log.info("stripe event %s (%s) replayed: ignored", event_id, kind)
            return web.json_response({"received": True, "duplicate": True})
        if kind in PAID or kind in LAPSED:
            self._apply(request, kind, session)
        self._remember(event_id)
        return web.json_response({"received": True})

    def _apply(self, request: web.Request, kind: str, session: object) -> None:
        if not isinstance(session, dict):
            return
        room_id, session_id = session.get("client_reference_id"), session.get("id")
        if not isinstance(room_id, str) or not isinstance(session_id, str):
            return
        if kind in PAID:
            if session.get("payment_status") not in ("paid", "no_payment_required"):
                return  # an asynchronous method: async_payment_succeeded follows
            changed = request.app[HUB].relay.payment_settled(room_id, session_id, paid=True)
        else:
            changed = request.app[HUB].relay.payment_settled(room_id, session_id, paid=False)
        log.info("stripe %s for room %s: %s", kind, room_id, "applied" if changed else "no change")

    def _already_seen(self, event_id: str) -> bool:
        limit = self._now() - EVENT_MEMORY
        while self._seen and next(iter(self._seen.values())) < limit:
            self._seen.popitem(last=False)
        return event_id in self._seen

    def _remember(self, event_id: str) -> None:
        self._seen[event_id] = self._now()
        while len(self._seen) > REMEMBERED_EVENTS:
            self._seen.popitem(last=False)

    def _now(self) -> datetime:
        return self._clock.now()


def _refuse(status: int, code: str) -> web.Response:
    return web.json_response({"error": {"code": code}}, status=status)
