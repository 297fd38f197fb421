"""The practice's HTTP API: create a room, close a room. Every call carries the practice key."""

from __future__ import annotations

import json
import logging
import unicodedata
from datetime import datetime, timedelta
from typing import Any, NoReturn

from aiohttp import web

from tooddoc_desk.core.language import Language
from tooddoc_desk.core.tokens import new_token, token_digest
from tooddoc_desk.hub.config import MAX_ROOM_TTL, MIN_ROOM_TTL
from tooddoc_desk.hub.context import HUB, HubContext
from tooddoc_desk.hub.rooms import CloseReason, Room, new_room_id

log = logging.getLogger(__name__)

MAX_PRACTICE_NAME = 80


def json_error(status: int, code: str, message: str) -> web.Response:
    return web.json_response({"error": {"code": code, "message": message}}, status=status)


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.response = json_error(status, code, message)


def _bad_request(field: str, message: str) -> NoReturn:
    raise ApiError(400, "bad_request", f"{field}: {message}")


def authorize(request: web.Request, hub: HubContext) -> None:
    address = hub.client_of(request)
    if hub.failures.blocked(address):
        raise ApiError(429, "rate_limited", "too many failed attempts; try again later")
    scheme, _, key = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hub.key_is_valid(key.strip()):
        hub.failures.record(address)
        raise ApiError(401, "unauthorized", "a valid practice key is needed")


def format_moment(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


async def create_room(request: web.Request) -> web.Response:
    hub = request.app[HUB]
    try:
        authorize(request, hub)
        body = await json_body(request)
        practice_name = _practice_name(body.get("practice_name"))
        language = _language(body.get("language"))
        ttl = _ttl(body.get("ttl_seconds", hub.default_ttl_seconds))
    except ApiError as refused:
        return refused.response
    now = hub.clock.now().replace(microsecond=0)
    patient_token, practitioner_token = new_token(), new_token()
    room = Room(
        room_id=new_room_id(),
        practice_name=practice_name,
        language=language,
        created_at=now,
        expires_at=now + timedelta(seconds=ttl),
        patient_digest=token_digest(patient_token),
        practitioner_digest=token_digest(practitioner_token),
    )
    hub.registry.add(room)
    log.info("room %s created, open for %d s", room.room_id, ttl)
    answer = {
        "room_id": room.room_id,
        "patient_url": f"{hub.base_url}/c/{patient_token}",
        "practitioner_token": practitioner_token,
        "expires_at": format_moment(room.expires_at),
    }
    return web.json_response(answer, status=201)


async def delete_room(request: web.Request) -> web.Response:
    hub = request.app[HUB]
    try:
        authorize(request, hub)
    except ApiError as refused:
        return refused.response
    if not hub.relay.close_room(request.match_info["room_id"], CloseReason.CANCELLED):
        return json_error(404, "not_found", "no such room")
    return web.Response(status=204)


async def json_body(request: web.Request) -> dict[str, Any]:
    try:
        body = json.loads(await request.read())
    except web.HTTPRequestEntityTooLarge:
        raise ApiError(413, "too_large", "the request body is too large") from None
    except (ValueError, RecursionError):
        _bad_request("body", "a JSON object is expected")
    if not isinstance(body, dict):
        _bad_request("body", "a JSON object is expected")
    return body


def _practice_name(value: object) -> str:
    if not isinstance(value, str):
        _bad_request("practice_name", "a string is required")
    name = value.strip()
    if not 1 <= len(name) <= MAX_PRACTICE_NAME:
        _bad_request("practice_name", f"1 to {MAX_PRACTICE_NAME} characters")
    if any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in name):
        _bad_request("practice_name", "no control characters")
    return name


def _language(value: object) -> Language:
    if isinstance(value, str) and value in Language.__members__.values():
        return Language(value)
    _bad_request("language", "one of " + ", ".join(lang.value for lang in Language))


def _ttl(value: object) -> int:
    low, high = int(MIN_ROOM_TTL.total_seconds()), int(MAX_ROOM_TTL.total_seconds())
    if type(value) is not int or not low <= value <= high:
        _bad_request("ttl_seconds", f"an integer from {low} to {high}")
    return value
