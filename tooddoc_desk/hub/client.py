"""The app's side of the hub's HTTP API: create a room for a consultation, close it.

    client = HubClient(httpx.AsyncClient(), hub.base_url, hub.api_key)
    invite = await client.create_room("Cabinet Dr Peeters", Language.FR, timedelta(hours=1))
    invite.patient_url          # goes into the SMS or e-mail (a secret: never log it)
    invite.practitioner_token   # the app's `hello` on client.websocket_url
    await client.close_room(invite.room_id)

Failures come as `HubUnavailable` (no answer, a timeout, a server error, an answer that is not
the protocol's) or `HubRefused` (the hub said no: `code` and `message` from its error body).
The secret parts of an invite never appear in its repr or in an error message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote

import httpx

from tooddoc_desk.core.language import Language
from tooddoc_desk.hub.config import websocket_url


class HubError(Exception):
    """The hub could not do what was asked."""


class HubUnavailable(HubError):
    """No usable answer: the hub is down, slow, failing, or not a hub."""


class HubRefused(HubError):
    """The hub answered with an error: `code` is the protocol's (unauthorized, bad_request, …)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(f"the hub refused ({status} {code}): {message}")
        self.status = status
        self.code = code
        self.message = message


@dataclass(frozen=True)
class RoomInvite:
    room_id: str
    patient_url: str = field(repr=False)  # holds the patient's token
    practitioner_token: str = field(repr=False)
    expires_at: datetime


class HubClient:
    def __init__(
        self, http: httpx.AsyncClient, base_url: str, api_key: str, *, timeout: float = 10.0
    ) -> None:
        self._http = http
        self._base_url = base_url.rstrip("/")
        self._api_key = api_key
        self._timeout = timeout

    @property
    def base_url(self) -> str:
        return self._base_url

    @property
    def websocket_url(self) -> str:
        """Where the practitioner's signaling connects (then says `hello` with its token)."""
        return websocket_url(self._base_url)

    async def create_room(
        self, practice_name: str, language: Language, ttl: timedelta | None = None
    ) -> RoomInvite:
        body: dict[str, Any] = {"practice_name": practice_name, "language": language.value}
        if ttl is not None:
            body["ttl_seconds"] = int(ttl.total_seconds())
        response = await self._request("POST", "/api/rooms", json=body)
        if response.status_code != 201:
            raise HubUnavailable(f"unexpected answer {response.status_code} to a room creation")
        try:
            data = response.json()
            invite = RoomInvite(
                room_id=_string(data, "room_id"),
                patient_url=_string(data, "patient_url"),
                practitioner_token=_string(data, "practitioner_token"),
                expires_at=_moment(_string(data, "expires_at")),
            )
        except (ValueError, TypeError, KeyError):
            raise HubUnavailable("the hub's answer to a room creation is malformed") from None
        return invite

    async def whoami(self) -> str | None:
        """Checks the practice key: the practice the hub knows it as (None: a key it holds
        without a name). Raises HubRefused (`unauthorized`) for a key the hub does not hold."""
        response = await self._request("GET", "/api/whoami")
        if response.status_code != 200:
            raise HubUnavailable(f"unexpected answer {response.status_code} to a key check")
        try:
            data = response.json()
        except ValueError:
            data = None
        if not isinstance(data, dict) or "practice" not in data:
            raise HubUnavailable("the hub's answer to a key check is malformed")
        practice = data["practice"]
        if practice is not None and not isinstance(practice, str):
            raise HubUnavailable("the hub's answer to a key check is malformed")
        return practice

    async def close_room(self, room_id: str) -> None:
        """Closes the room (both sides are told); also fine when it had already ended.

        Raises HubRefused with code `not_found` when the hub does not know the room (it never
        did, or it was restarted, or the room ended long ago).
        """
        response = await self._request("DELETE", f"/api/rooms/{quote(room_id, safe='')}")
        if response.status_code != 204:
            raise HubUnavailable(f"unexpected answer {response.status_code} to a room closing")

    async def set_payment(
        self,
        room_id: str,
        *,
        paid: bool,
        amount_cents: int,
        checkout_url: str | None = None,
        session_id: str | None = None,
    ) -> None:
        """Tells the hub how the room's pre-payment stands, for the patient's page: unpaid with
        the Checkout address to pay at, or paid. Raises HubRefused `not_found` when the room is
        no longer open."""
        body: dict[str, Any] = {
            "state": "paid" if paid else "required",
            "amount_cents": amount_cents,
            "currency": "eur",
            "checkout_url": checkout_url,
            "session_id": session_id,
        }
        path = f"/api/rooms/{quote(room_id, safe='')}/payment"
        response = await self._request("PUT", path, json=body)
        if response.status_code != 204:
            raise HubUnavailable(f"unexpected answer {response.status_code} to a payment")

    async def _request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        headers = {"Authorization": f"Bearer {self._api_key}"}
        try:
            response = await self._http.request(
                method, self._base_url + path, headers=headers, timeout=self._timeout, **kwargs
            )
        except httpx.HTTPError as failure:
            raise HubUnavailable(f"the hub did not answer ({type(failure).__name__})") from None
        if response.status_code >= 500:
            raise HubUnavailable(f"the hub failed ({response.status_code})")
        if response.status_code >= 400:
            code, message = _error_of(response)
            raise HubRefused(response.status_code, code, message)
        return response


def _error_of(response: httpx.Response) -> tuple[str, str]:
    try:
        error = response.json()["error"]
        code, message = error["code"], error["message"]
    except (ValueError, TypeError, KeyError):
        return (f"http_{response.status_code}", response.reason_phrase)
    if not isinstance(code, str) or not isinstance(message, str):
        return (f"http_{response.status_code}", response.reason_phrase)
    return (code, message)


def _string(data: object, key: str) -> str:
    if not isinstance(data, dict) or not isinstance(data.get(key), str) or not data[key]:
        raise ValueError(f"{key} missing")
    value: str = data[key]
    return value


def _moment(text: str) -> datetime:
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError("expires_at without a time zone")
    return moment.astimezone(UTC)
