"""`GET /api/whoami`: which practice a key belongs to. How a desktop app checks its key.

    GET /api/whoami            Authorization: Bearer <practice key>
    200 {"practice": "Cabinet Dr Peeters", "protocol": 1}     ("practice" is null for a key
                                                                 configured without a name)

Read-only: it creates nothing and says nothing about rooms. The key is checked as for every
other API call (401 for a missing or wrong key, counted as a failed attempt of the client;
429 once the client has failed too often).
"""

from __future__ import annotations

from aiohttp import web

from tooddoc_desk.hub.api import ApiError, authorize
from tooddoc_desk.hub.config import HubConfig
from tooddoc_desk.hub.context import HUB, key_digest
from tooddoc_desk.hub.messages import PROTOCOL_VERSION

PRACTICES = web.AppKey("tooddoc_hub_practices", dict[bytes, str])  # key digest → label


def add_routes(app: web.Application, config: HubConfig) -> None:
    app[PRACTICES] = {
        key_digest(key): label
        for key, label in zip(config.api_keys, config.practice_labels, strict=False)
    }
    app.router.add_get("/api/whoami", whoami)


async def whoami(request: web.Request) -> web.Response:
    try:
        authorize(request, request.app[HUB])
    except ApiError as refused:
        return refused.response
    _, _, key = request.headers.get("Authorization", "").partition(" ")
    label = request.app[PRACTICES].get(key_digest(key.strip()))
    return web.json_response({"practice": label, "protocol": PROTOCOL_VERSION})
