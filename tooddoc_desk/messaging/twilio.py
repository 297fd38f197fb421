"""Twilio's Programmable Messaging (the 2010-04-01 Messages resource), over httpx.

    sms = TwilioSender(http, account_sid, auth_token, SenderId("Dr Peeters"))
    receipt = await sms.send(message)          # POST …/Accounts/{Sid}/Messages.json
    await sms.status(receipt)                  # GET  …/Messages/{Sid}.json
    await sms.find(message)                    # GET  …/Messages.json?To=…  (after an ambiguity)

Requests are form-encoded with HTTP basic auth (account SID, auth token); answers are JSON and
errors carry `code`, `message`, `more_info` and `status`. Twilio has no idempotency key for
Messages, so after an ambiguous attempt `find` lists the recent messages to the patient's number
and recognises ours by its link. Twilio's own error text often repeats the number: only its
numeric code is kept.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import httpx

from tooddoc_desk.core.clock import Clock, SystemClock
from tooddoc_desk.core.contact import PhoneContact
from tooddoc_desk.messaging.http_failures import (
    DEFAULT_TIMEOUT,
    require_secure,
    status_failure,
    transport_failure,
)
from tooddoc_desk.messaging.message import (
    Channel,
    DeliveryStatus,
    OutgoingMessage,
    Receipt,
    SenderId,
)
from tooddoc_desk.messaging.problems import Reason, sentence
from tooddoc_desk.messaging.sender import Ambiguous, DeliveryError

log = logging.getLogger(__name__)

TWILIO_API = "https://api.twilio.com"
_ACCOUNT_SID = re.compile(r"AC[0-9a-fA-F]{32}")
_MESSAGE_SID = re.compile(r"[SM]M[0-9a-fA-F]{32}")
LOOKUP_PAGE_SIZE = 50

# Twilio error codes (https://www.twilio.com/docs/api/errors) → what the practitioner reads.
ERROR_REASONS: dict[int, Reason] = {
    20003: Reason.CREDENTIALS,  # authenticate
    20404: Reason.CREDENTIALS,  # the account (SID) does not exist
    10001: Reason.ACCOUNT_BLOCKED,  # account not active
    20005: Reason.ACCOUNT_BLOCKED,  # account not active
    21211: Reason.INVALID_NUMBER,  # invalid 'To' phone number
    21614: Reason.CANNOT_RECEIVE_SMS,  # 'To' is not a mobile number
    21612: Reason.CANNOT_RECEIVE_SMS,  # cannot route to this number
    21610: Reason.OPTED_OUT,  # the recipient replied STOP
    21408: Reason.REGION_NOT_ALLOWED,  # permission not enabled for the region
    21608: Reason.TRIAL_ACCOUNT,  # unverified number on a trial account
    21606: Reason.SENDER_REFUSED,  # 'From' is not an SMS-capable number of the account
    21212: Reason.SENDER_REFUSED,  # invalid 'From'
    21659: Reason.SENDER_REFUSED,  # 'From' is not a Twilio number
    21660: Reason.SENDER_REFUSED,  # mismatch between 'From' and the account
}

DELIVERED = frozenset({"delivered", "read"})
FAILED = frozenset({"failed", "undelivered", "canceled"})
UNDER_WAY = frozenset({"accepted", "scheduled", "queued", "sending", "sent"})


class TwilioSender:
    provider = "twilio"

    def __init__(
        self,
        http: httpx.AsyncClient,
        account_sid: str,
        auth_token: str,
        sender: SenderId,
        *,
        base_url: str = TWILIO_API,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        clock: Clock | None = None,
    ) -> None:
        if not _ACCOUNT_SID.fullmatch(account_sid):
            raise ValueError("a Twilio account SID is AC followed by 32 hexadecimal digits")
        self._http = http
        self._auth = httpx.BasicAuth(account_sid, auth_token)
        self._sender = sender
        self._messages_url = (
            f"{require_secure(base_url)}/2010-04-01/Accounts/{account_sid}/Messages"
        )
        self._timeout = timeout
        self._clock = clock or SystemClock()

    def __repr__(self) -> str:
        return f"TwilioSender(sender={self._sender.value!r})"

    async def send(self, message: OutgoingMessage) -> Receipt:
        to = _phone(message)
        form = {"To": to.e164, "From": self._sender.value, "Body": message.body}
        response = await self._request("POST", ".json", data=form)
        if response.is_success:
            sid = _json(response).get("sid")
            if not isinstance(sid, str):  # a success that is not the API's answer
                log.warning("twilio send: HTTP %d without a message SID", response.status_code)
                raise Ambiguous()
            return Receipt(message.consultation_id, Channel.SMS, self.provider, sid)
        raise self._failure(response, "send")

    async def find(self, message: OutgoingMessage) -> Receipt | None:
        """The message as Twilio has it, recognised among the latest ones sent to the same
        number by its link (or, without a link, by its whole text)."""
        to = _phone(message)
        response = await self._request(
            "GET", ".json", params={"To": to.e164, "PageSize": LOOKUP_PAGE_SIZE}, reading=True
        )
        if response.status_code != 200:
            raise self._failure(response, "list", reading=True)
        listed = _json(response).get("messages")
        for item in listed if isinstance(listed, list) else []:
            if isinstance(item, dict) and _is_ours(item, message, to):
                return Receipt(message.consultation_id, Channel.SMS, self.provider, item["sid"])
        return None

    async def status(self, receipt: Receipt) -> DeliveryStatus:
        if receipt.provider != self.provider or not _MESSAGE_SID.fullmatch(
            receipt.provider_id or ""
        ):
            return DeliveryStatus.UNKNOWN
        response = await self._request("GET", f"/{receipt.provider_id}.json", reading=True)
        if response.status_code == 404:
            return DeliveryStatus.UNKNOWN
        if response.status_code != 200:
            raise self._failure(response, "status", reading=True)
        state = _json(response).get("status")
        if state in DELIVERED:
            return DeliveryStatus.DELIVERED
        if state in FAILED:
            return DeliveryStatus.FAILED
        if state in UNDER_WAY:
            return DeliveryStatus.SENT
        return DeliveryStatus.UNKNOWN

    async def _request(
        self,
        method: str,
        path: str,
        *,
        data: dict[str, str] | None = None,
        params: dict[str, str | int] | None = None,
        reading: bool = False,
    ) -> httpx.Response:
        try:
            return await self._http.request(
                method,
                self._messages_url + path,
                data=data,
                params=params,
                auth=self._auth,
                headers={"Accept": "application/json"},
                timeout=self._timeout,
            )
        except httpx.TransportError as error:
            log.warning("twilio %s: no answer (%s)", method, type(error).__name__)
            raise transport_failure(error, reading=reading) from None

    def _failure(self, response: httpx.Response, what: str, *, reading: bool = False) -> Exception:
        body = _json(response)
        code = body.get("code")
        code = code if isinstance(code, int) else None
        log.warning("twilio %s: HTTP %d, error code %s", what, response.status_code, code)
        passing = status_failure(response, self._clock.now(), code, reading=reading)
        if passing is not None:
            return passing
        reason = ERROR_REASONS.get(code or 0)
        if reason is None and response.status_code in (401, 403):
            reason = Reason.CREDENTIALS
        reason = reason or Reason.REFUSED
        return DeliveryError(sentence(reason, code=code), transient=False, reason=reason)


def _phone(message: OutgoingMessage) -> PhoneContact:
    if not isinstance(message.to, PhoneContact):
        raise ValueError("an SMS goes to a phone number")
    return message.to


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _is_ours(item: dict[str, Any], message: OutgoingMessage, to: PhoneContact) -> bool:
    if item.get("to") != to.e164 or not isinstance(item.get("sid"), str):
        return False
    if not str(item.get("direction", "")).startswith("outbound"):
        return False
    body = item.get("body")
    if not isinstance(body, str):
        return False
    return message.link in body if message.link else body == message.body
