"""`PUT /api/rooms/{room_id}/payment`: the practice's app says how a room's pre-payment stands
(payments.py says what the body holds and what the patient hears)."""

from __future__ import annotations

from aiohttp import web

from tooddoc_desk.hub.api import ApiError, authorize, json_body, json_error
from tooddoc_desk.hub.context import HUB
from tooddoc_desk.hub.payments import PaymentFieldError, parse_payment


async def put_payment(request: web.Request) -> web.Response:
    hub = request.app[HUB]
    try:
        authorize(request, hub)
        payment = parse_payment(await json_body(request))
    except ApiError as refused:
        return refused.response
    except PaymentFieldError as wrong:
        return json_error(400, "bad_request", str(wrong))
    if not hub.relay.set_payment(request.match_info["room_id"], payment):
        return json_error(404, "not_found", "no such open room")
    return web.Response(status=204)
