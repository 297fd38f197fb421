"""Starting and stopping a hub on the caller's asyncio loop.

    hub = await start_hub(HubConfig())      # loopback, a free port, a fresh API key
    hub.base_url, hub.api_key, hub.websocket_url
    await hub.stop()

The app runs it on its qasync loop; a standalone `tooddoc-hub` command only needs to build a
HubConfig from its arguments, call `start_hub` and wait for a signal before `stop()`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from collections.abc import Awaitable, Callable
from datetime import datetime
from types import TracebackType

from aiohttp import web

from tooddoc_desk.core.clock import Clock, SystemClock
from tooddoc_desk.core.tokens import new_token
from tooddoc_desk.hub import api, headers, payment_api, practice_api
from tooddoc_desk.hub.access_log import RedactedAccessLogger
from tooddoc_desk.hub.config import HubConfig, base_url_origin, websocket_url
from tooddoc_desk.hub.context import HUB, HubContext, key_digest
from tooddoc_desk.hub.ice import ice_servers_json
from tooddoc_desk.hub.messages import JsonObject
from tooddoc_desk.hub.pages import PatientPages
from tooddoc_desk.hub.relay import Relay
from tooddoc_desk.hub.rooms import InMemoryRoomRegistry, Room, RoomRegistry
from tooddoc_desk.hub.stripe_webhook import StripeWebhook
from tooddoc_desk.hub.throttle import FailureLimiter
from tooddoc_desk.hub.websocket import close_all, signaling_socket

log = logging.getLogger(__name__)
ACCESS_LOG = logging.getLogger("tooddoc_desk.hub.access")

MAX_REQUEST_BODY = 64 * 1024
SHUTDOWN_TIMEOUT = 5.0
_API_ERROR_CODES = {404: "not_found", 405: "method_not_allowed", 413: "too_large"}

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class RunningHub:
    """A started hub. `stop()` closes every socket (code 1001) and frees the port."""

    def __init__(self, runner: web.AppRunner, context: HubContext, api_key: str) -> None:
        self._runner = runner
        self._context = context
        self._api_key = api_key
        self._sweeper: asyncio.Task[None] | None = None
        self._stopped = False

    @property
    def base_url(self) -> str:
        return self._context.base_url

    @property
    def api_key(self) -> str:
        return self._api_key

    @property
    def websocket_url(self) -> str:
        return websocket_url(self.base_url)

    async def sweep(self) -> int:
        """Runs one expiry sweep now (the hub also runs them periodically); returns rooms closed."""
        closed = self._context.relay.sweep()
        self._context.failures.prune()
        return closed

    async def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        if self._sweeper is not None:
            self._sweeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._sweeper
        await self._runner.cleanup()
        log.info("hub stopped")

    def _start_sweeping(self, interval: float) -> None:
        self._sweeper = asyncio.create_task(self._sweep_forever(interval), name="hub-sweep")

    async def _sweep_forever(self, interval: float) -> None:
        while True:
            await asyncio.sleep(interval)
            try:
                await self.sweep()
            except Exception:
                log.exception("the expiry sweep failed")

    async def __aenter__(self) -> RunningHub:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()


async def start_hub(
    config: HubConfig | None = None,
    *,
    clock: Clock | None = None,
    registry: RoomRegistry | None = None,
) -> RunningHub:
    """Binds, starts serving on the running loop, and returns the running hub."""
    config = config or HubConfig()
    api_keys = config.api_keys or (new_token(),)
    sock = _bind(config.host, config.port)
    try:
        base_url = config.base_url_for_port(sock.getsockname()[1])
        context = _context(config, base_url, api_keys, clock or SystemClock(), registry)
        app = build_app(context, config)
        runner = web.AppRunner(
            app,
            access_log_class=RedactedAccessLogger,
            access_log=ACCESS_LOG,
            shutdown_timeout=SHUTDOWN_TIMEOUT,
            handle_signals=False,
        )
        await runner.setup()
        await web.SockSite(runner, sock).start()
    except BaseException:
        sock.close()
        raise
    hub = RunningHub(runner, context, api_keys[0])
    hub._start_sweeping(config.sweep_interval)
    log.info("hub listening on %s", base_url)
    return hub


def build_app(context: HubContext, config: HubConfig) -> web.Application:
    app = web.Application(middlewares=[_api_errors], client_max_size=MAX_REQUEST_BODY)
    app[HUB] = context
    headers.install(app, https=context.base_url.startswith("https:"))
    app.router.add_get("/healthz", _healthz)
    app.router.add_post("/api/rooms", api.create_room)
    app.router.add_delete("/api/rooms/{room_id}", api.delete_room)
    app.router.add_put("/api/rooms/{room_id}/payment", payment_api.put_payment)
    if config.stripe_webhook_secret is not None:
        StripeWebhook(config.stripe_webhook_secret, context.clock).add_routes(app)
    practice_api.add_routes(app, config)
    app.router.add_get("/ws", signaling_socket)
    PatientPages(config.patient_dir).add_routes(app)

    async def on_shutdown(app: web.Application) -> None:
        await close_all(app[HUB])

    app.on_shutdown.append(on_shutdown)
    return app


def _context(
    config: HubConfig,
    base_url: str,
    api_keys: tuple[str, ...],
    clock: Clock,
    registry: RoomRegistry | None,
) -> HubContext:
    registry = registry if registry is not None else InMemoryRoomRegistry()

    def ice_for(room: Room, now: datetime) -> list[JsonObject]:
        return ice_servers_json(config.ice_servers, config.turn, room.room_id, now, room.expires_at)

    relay = Relay(
        registry,
        clock,
        ice_for,
        candidates_per_offer=config.limits.candidates_per_offer,
        ended_room_memory=config.ended_room_memory,
    )
    return HubContext(
        base_url=base_url,
        api_key_digests=tuple(key_digest(key) for key in api_keys),
        registry=registry,
        relay=relay,
        clock=clock,
        limits=config.limits,
        failures=FailureLimiter(config.limits.failed_lookups_per_minute),
        allowed_origins=frozenset(
            {base_url_origin(base_url), *(base_url_origin(o) for o in config.allowed_origins)}
        ),
        default_ttl_seconds=int(config.room_ttl.total_seconds()),
        trusted_proxies=config.proxy_networks(),
    )


def _bind(host: str, port: int) -> socket.socket:
    family, kind, proto, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    sock = socket.socket(family, kind, proto)
    try:
        if hasattr(socket, "SO_REUSEADDR") and not hasattr(socket, "SO_EXCLUSIVEADDRUSE"):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.setblocking(False)
    except BaseException:
        sock.close()
        raise
    return sock


async def _healthz(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


@web.middleware
async def _api_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """API clients always get the JSON error shape, even for a wrong path or method."""
    try:
        return await handler(request)
    except web.HTTPException as refused:
        if not request.path.startswith("/api/") or refused.status < 400:
            raise
        code = _API_ERROR_CODES.get(refused.status, f"http_{refused.status}")
        return api.json_error(refused.status, code, refused.reason)
