"""A room's pre-payment, as the patient page needs it: what is asked and where to pay.

The hub holds no Stripe key and never speaks to Stripe. The practice's app makes the Checkout
Session with its own key and says how the room's payment stands:

    PUT /api/rooms/{room_id}/payment      Authorization: Bearer <practice key>
    {"state": "required", "amount_cents": 2500, "currency": "eur",
     "checkout_url": "https://checkout.stripe.com/c/pay/cs_…", "session_id": "cs_…"}
    {"state": "paid", "amount_cents": 2500, "currency": "eur"}
    204; 404 not_found (no such open room); 400 bad_request

The patient finds it in `welcome` (`payment`: null when none is asked) and hears each change as
a `payment` message; until the state is `paid`, the hub refuses the patient's `join` with
`payment_required`. A hosted hub may also learn that a session was paid from Stripe's webhook
(stripe_webhook.py), for that room's current session only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, NoReturn

from tooddoc_desk.hub.messages import JsonObject

MAX_AMOUNT_CENTS = 100_000
MAX_URL = 2048
_SESSION_ID = re.compile(r"^cs_[A-Za-z0-9_]{1,250}$")


class PaymentFieldError(ValueError):
    """A field of the PUT body is wrong: `str()` starts with its name."""


class PaymentStatus(StrEnum):
    REQUIRED = "required"  # the patient pays before the waiting room
    PAID = "paid"


@dataclass(frozen=True)
class RoomPayment:
    status: PaymentStatus
    amount_cents: int
    currency: str
    checkout_url: str | None = field(default=None, repr=False)  # None: a new one is coming
    session_id: str | None = None

    @property
    def paid(self) -> bool:
        return self.status is PaymentStatus.PAID

    def confirmed(self) -> RoomPayment:
        return replace(self, status=PaymentStatus.PAID, checkout_url=None)

    def lapsed(self) -> RoomPayment:
        """The session expired or its payment failed: the app makes a new one."""
        return replace(self, checkout_url=None)

    def to_json(self) -> JsonObject:
        return {
            "state": self.status.value,
            "amount_cents": self.amount_cents,
            "currency": self.currency,
            "checkout_url": self.checkout_url,
        }


def parse_payment(body: dict[str, Any]) -> RoomPayment:
    """The PUT body as a RoomPayment; PaymentFieldError naming the field that is wrong."""
    status = body.get("state")
    if status not in ("required", "paid"):
        _bad("state", "one of required, paid")
    amount = body.get("amount_cents")
    if type(amount) is not int or not 1 <= amount <= MAX_AMOUNT_CENTS:
        _bad("amount_cents", f"an integer from 1 to {MAX_AMOUNT_CENTS}")
    if body.get("currency") != "eur":
        _bad("currency", "eur")
    url = body.get("checkout_url")
    if url is not None and (
        not isinstance(url, str) or len(url) > MAX_URL or not re.match(r"^https?://[^\s]+$", url)
    ):
        _bad("checkout_url", "an http(s) address")
    session = body.get("session_id")
    if session is not None and (not isinstance(session, str) or not _SESSION_ID.match(session)):
        _bad("session_id", "a Checkout Session id (cs_…)")
    if status == "required" and url is None:
        _bad("checkout_url", "required while the payment is")
    return RoomPayment(PaymentStatus(status), amount, "eur", url, session)


def _bad(name: str, expected: str) -> NoReturn:
    raise PaymentFieldError(f"{name}: {expected}")
