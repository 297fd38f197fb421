"""Vonage's SMS API (rest.nexmo.com/sms/json), over httpx.

    sms = VonageSender(http, api_key, api_secret, SenderId("Dr Peeters"))
    receipt = await sms.send(message)

The request is form-encoded with HTTP basic auth (API key and secret); `to` and a numeric `from`
go without their +; `type=unicode` is set only when the text needs it; `client-ref` carries the
message's idempotency key (Vonage returns it in delivery receipts; it does not refuse a second
message with the same reference). The answer is HTTP 200 with one entry per SMS part, each with
a `status` ("0" accepted, "1" throttled, other codes refused).

Vonage's SMS API cannot list sent messages and reports delivery only through webhooks, so this
client is neither a Finder nor a StatusSource: after an ambiguous attempt a person decides.
"""

from __future__ import annotations

import logging
from typing import Any

import httpx

from tooddoc_desk.core.clock import Clock, SystemClock
from tooddoc_desk.core.contact import PhoneContact
from tooddoc_desk.messaging.gsm7 import Encoding, measure
from tooddoc_desk.messaging.http_failures import (
    DEFAULT_TIMEOUT,
    require_secure,
    status_failure,
    transport_failure,
)
from tooddoc_desk.messaging.message import Channel, OutgoingMessage, Receipt, SenderId
from tooddoc_desk.messaging.problems import Reason, sentence
from tooddoc_desk.messaging.sender import Ambiguous, DeliveryError

log = logging.getLogger(__name__)

VONAGE_API = "https://rest.nexmo.com"

ACCEPTED = "0"
TRANSIENT_STATUSES: dict[str, Reason] = {
    "1": Reason.RATE_LIMITED,  # throttled
    "5": Reason.PROVIDER_UNAVAILABLE,  # internal error
    "10": Reason.PROVIDER_UNAVAILABLE,  # too many existing binds
}
PERMANENT_STATUSES: dict[str, Reason] = {
    "4": Reason.CREDENTIALS,  # invalid credentials
    "14": Reason.CREDENTIALS,  # invalid signature
    "6": Reason.CANNOT_RECEIVE_SMS,  # invalid message: unroutable number prefix
    "7": Reason.CANNOT_RECEIVE_SMS,  # number barred
    "33": Reason.CANNOT_RECEIVE_SMS,  # number de-activated
    "8": Reason.ACCOUNT_BLOCKED,  # partner account barred
    "11": Reason.ACCOUNT_BLOCKED,  # account not enabled for HTTP
    "19": Reason.ACCOUNT_BLOCKED,  # facility not allowed
    "9": Reason.NO_CREDIT,  # partner quota violation
    "15": Reason.SENDER_REFUSED,  # invalid sender address
    "29": Reason.TRIAL_ACCOUNT,  # non-whitelisted destination
}


class VonageSender:
    provider = "vonage"

    def __init__(
        self,
        http: httpx.AsyncClient,
        api_key: str,
        api_secret: str,
        sender: SenderId,
        *,
        base_url: str = VONAGE_API,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        clock: Clock | None = None,
    ) -> None:
        self._http = http
        self._auth = httpx.BasicAuth(api_key, api_secret)
        self._sender = sender
        self._url = f"{require_secure(base_url)}/sms/json"
        self._timeout = timeout
        self._clock = clock or SystemClock()

    def __repr__(self) -> str:
        return f"VonageSender(sender={self._sender.value!r})"

    async def send(self, message: OutgoingMessage) -> Receipt:
        if not isinstance(message.to, PhoneContact):
            raise ValueError("an SMS goes to a phone number")
        form = {
            "from": self._sender.value.removeprefix("+"),
            "to": message.to.e164.removeprefix("+"),
            "text": message.body,
            "client-ref": message.idempotency_key,
        }
        if measure(message.body).encoding is Encoding.UCS2:
            form["type"] = "unicode"
        try:
            response = await self._http.post(
                self._url,
                data=form,
                auth=self._auth,
                headers={"Accept": "application/json"},
                timeout=self._timeout,
            )
        except httpx.TransportError as error:
            log.warning("vonage send: no answer (%s)", type(error).__name__)
            raise transport_failure(error) from None
        if response.status_code != 200:
            raise self._http_failure(response)
        parts = _parts(response)
        if not parts:  # a 200 that is not the API's answer: the text may have left
            log.warning("vonage send: HTTP 200 without message statuses")
            raise Ambiguous()
        statuses = [str(part.get("status")) for part in parts]
        if all(status == ACCEPTED for status in statuses):
            message_id = parts[0].get("message-id")
            return Receipt(
                message.consultation_id,
                Channel.SMS,
                self.provider,
                message_id if isinstance(message_id, str) else None,
            )
        log.warning("vonage send: part statuses %s", ",".join(statuses))
        if ACCEPTED in statuses:  # some parts left, others did not
            raise Ambiguous()
        raise _refusal(next(status for status in statuses if status != ACCEPTED))

    def _http_failure(self, response: httpx.Response) -> DeliveryError:
        log.warning("vonage send: HTTP %d", response.status_code)
        passing = status_failure(response, self._clock.now())
        if passing is not None:
            return passing
        reason = Reason.CREDENTIALS if response.status_code in (401, 403) else Reason.REFUSED
        return DeliveryError(
            sentence(reason, code=response.status_code), transient=False, reason=reason
        )


def _refusal(status: str) -> DeliveryError:
    if status in TRANSIENT_STATUSES:
        reason = TRANSIENT_STATUSES[status]
        return DeliveryError(sentence(reason, code=status), transient=True, reason=reason)
    reason = PERMANENT_STATUSES.get(status, Reason.REFUSED)
    return DeliveryError(sentence(reason, code=status), transient=False, reason=reason)


def _parts(response: httpx.Response) -> list[dict[str, Any]]:
    try:
        body = response.json()
    except ValueError:
        return []
    listed = body.get("messages") if isinstance(body, dict) else None
    return [part for part in listed if isinstance(part, dict)] if isinstance(listed, list) else []
