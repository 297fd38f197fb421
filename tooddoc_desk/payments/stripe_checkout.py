"""Stripe Checkout for a consultation's pre-payment, through the `stripe` client's async methods.

    checkout = StripeCheckout(restricted_key)            # the key from the OS keyring
    session = await checkout.create_session(order, idempotency_key="checkout-<id>-1")
    session.url                                          # where the patient pays (Stripe's page)
    session = await checkout.retrieve_session(session.id)
    session.outcome                                      # open / paid / expired / …
    refund = await checkout.refund(session.payment_intent, idempotency_key="refund-<id>")
    await checkout.close()

What goes to Stripe is what a payment needs and nothing about the patient: the amount, the
currency, the practice's name with the word "consultation", the consultation's language as
the page's locale, the return addresses (the patient link), and the hub's room id as the
session's `client_reference_id` (a random id that a hosted hub's webhook matches to its room).
No name, number, e-mail address or note. Every creating call carries an idempotency key: a call
repeated after a timeout makes nothing twice.

A restricted key is enough: write access to Checkout Sessions and Refunds, read access to
PaymentIntents and PaymentMethods.

Failures come as PaymentError with a sentence for a person and whether trying again may help;
log lines never carry the key, an address or an amount's owner.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

import stripe

from tooddoc_desk.payments.checkout import (
    API_ADDRESS,
    CheckoutSession,
    Order,
    Outcome,
    PaymentError,
    Refund,
)

log = logging.getLogger(__name__)
# the stripe library logs request bodies (the patient link in the return addresses) at DEBUG and
# Stripe's error messages (which may quote a parameter) at INFO: only its warnings are kept
logging.getLogger("stripe").setLevel(logging.WARNING)

PAYMENT_METHODS = ("card", "bancontact")


class StripeCheckout:
    def __init__(
        self,
        api_key: str,
        *,
        api_address: str = API_ADDRESS,
        timeout: float = 20.0,
        retries: int = 2,
    ) -> None:
        """`api_address` is Stripe's (a test gives its loopback server's). Retries of a failed
        connection reuse the call's idempotency key."""
        self._http = _HttpxClient(timeout=timeout)
        self._client = stripe.StripeClient(
            api_key,
            base_addresses={"api": api_address},
            http_client=self._http,
            max_network_retries=retries,
        )

    async def create_session(self, order: Order, *, idempotency_key: str) -> CheckoutSession:
        params: dict[str, Any] = {
            "mode": "payment",
            "payment_method_types": list(PAYMENT_METHODS),
            "line_items": [
                {
                    "quantity": 1,
                    "price_data": {
                        "currency": order.currency,
                        "unit_amount": order.amount_cents,
                        "product_data": {"name": order.description},
                    },
                }
            ],
            "locale": order.language.value,
            "success_url": order.success_url,
            "cancel_url": order.cancel_url,
            "client_reference_id": order.reference,
            "expires_at": int(order.expires_at.timestamp()),
            "payment_intent_data": {"description": order.description},
            "submit_type": "pay",
        }
        session = await self._call(
            self._client.v1.checkout.sessions.create_async(
                params,  # type: ignore[arg-type]
                {"idempotency_key": idempotency_key},
            )
        )
        log.info("checkout session %s created", session.id)
        return _session(session)

    async def retrieve_session(self, session_id: str) -> CheckoutSession:
        session = await self._call(
            self._client.v1.checkout.sessions.retrieve_async(
                session_id, {"expand": ["payment_intent.payment_method"]}
            )
        )
        return _session(session)

    async def refund(self, payment_intent: str, *, idempotency_key: str) -> Refund:
        refund = await self._call(
            self._client.v1.refunds.create_async(
                {"payment_intent": payment_intent, "reason": "requested_by_customer"},
                {"idempotency_key": idempotency_key},
            )
        )
        log.info("refund %s: %s", refund.id, refund.status)
        return Refund(id=str(refund.id), status=str(refund.status))

    async def close(self) -> None:
        await self._http.close_async()  # type: ignore[no-untyped-call]

    @staticmethod
    async def _call(awaitable: Any) -> Any:
        try:
            return await awaitable
        except stripe.StripeError as error:
            raise _refusal(error) from None


class _HttpxClient(stripe.HTTPXClient):
    """stripe's httpx transport, handing the form body to httpx as `content` (its `data=` with
    text is deprecated in httpx, and warns on every call)."""

    def _get_request_args_kwargs(
        self, method: str, url: str, headers: Any, post_data: Any
    ) -> list[Any]:
        args, kwargs = super()._get_request_args_kwargs(method, url, headers, post_data)
        body = kwargs.pop("data", None)
        if body:
            kwargs["content"] = body.encode() if isinstance(body, str) else body
        return [args, kwargs]


def _session(found: Any) -> CheckoutSession:
    session: dict[str, Any] = found.to_dict()  # nested objects become dicts too
    intent = session.get("payment_intent")
    intent_id: str | None = None
    method: str | None = None
    intent_status: str | None = None
    if isinstance(intent, str):
        intent_id = intent
    elif intent is not None:
        intent_id = str(intent["id"])
        intent_status = intent.get("status")
        payment_method = intent.get("payment_method")
        if payment_method is not None and not isinstance(payment_method, str):
            method = payment_method.get("type")
    expires = session.get("expires_at")
    return CheckoutSession(
        id=str(session["id"]),
        url=session.get("url"),
        outcome=_outcome(session.get("status"), session.get("payment_status"), intent_status),
        payment_intent=intent_id,
        method=method,
        expires_at=None if expires is None else datetime.fromtimestamp(int(expires), UTC),
    )


def _outcome(status: object, payment_status: object, intent_status: str | None) -> Outcome:
    if status == "expired":
        return Outcome.EXPIRED
    if status == "complete":
        if payment_status in ("paid", "no_payment_required"):
            return Outcome.PAID
        if intent_status in ("canceled", "requires_payment_method"):
            return Outcome.FAILED
        return Outcome.PROCESSING
    return Outcome.OPEN


def _refusal(error: stripe.StripeError) -> PaymentError:
    """Stripe's error as a sentence; its own message is kept only where it speaks of the
    request (never of a person)."""
    code = error.code
    log.warning(
        "stripe refused (%s, status %s, code %s)", type(error).__name__, error.http_status, code
    )
    if isinstance(error, stripe.AuthenticationError):
        return PaymentError(
            "Stripe does not accept the key kept on this computer: keep the restricted key again "
            "with tooddoc-desk provider-secret --stripe.",
            transient=False,
            code=code,
        )
    if isinstance(error, stripe.PermissionError):
        return PaymentError(
            "The Stripe key may not do this: give the restricted key write access to Checkout "
            "Sessions and Refunds.",
            transient=False,
            code=code,
        )
    if isinstance(error, stripe.RateLimitError):
        return PaymentError(
            "Stripe asks to slow down; the app tries again in a moment.", transient=True, code=code
        )
    if isinstance(error, stripe.APIConnectionError):
        return PaymentError(
            "Stripe could not be reached; check the internet connection.", transient=True, code=code
        )
    if isinstance(error, stripe.InvalidRequestError | stripe.IdempotencyError):
        return PaymentError(
            f"Stripe refused the request: {error.user_message or code or 'invalid request'}.",
            transient=False,
            code=code,
        )
    return PaymentError(
        "Stripe failed to answer; the app tries again in a moment.", transient=True, code=code
    )
