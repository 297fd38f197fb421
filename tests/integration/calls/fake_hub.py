"""A small stand-in for the hub, written from docs/hub-protocol.md, serving one room on loopback.

It speaks the websocket protocol only (hello/welcome, the relay, the admission rule, closing),
so the call engine's HubSignaling can be tested over a real aiohttp websocket while the real
hub is being written. The e2e tests use the real hub.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from aiohttp import WSMsgType, web

PRACTITIONER_TOKEN = "practitioner-token-for-tests"
PATIENT_TOKEN = "patient-token-for-tests"


class FakeHub:
    def __init__(self, *, ice_servers: list[dict[str, Any]] | None = None) -> None:
        self.ice_servers = ice_servers or []
        self.refuse_handshake = False  # answer /ws with 403, as a failed Origin check would
        self.silent = False  # never answer hello
        self.admitted = False
        self.closed_reason: str | None = None
        self.from_practitioner: list[dict[str, Any]] = []
        self._practitioner: web.WebSocketResponse | None = None
        self._patient: web.WebSocketResponse | None = None
        self._backlog: list[dict[str, Any]] = []
        self._runner: web.AppRunner | None = None
        self._closing: set[asyncio.Task[bool]] = set()
        self.url = ""

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/ws", self._ws)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.url = f"http://{host}:{port}"

    async def stop(self) -> None:
        if self._closing:
            await asyncio.wait(self._closing)
        if self._runner is not None:
            await self._runner.cleanup()

    async def _ws(self, request: web.Request) -> web.StreamResponse:
        if self.refuse_handshake:
            raise web.HTTPForbidden()
        ws = web.WebSocketResponse(compress=False)
        await ws.prepare(request)
        hello = await ws.receive_json()
        if self.silent:
            await ws.receive()  # until the client gives up
            return ws
        role = {PRACTITIONER_TOKEN: "practitioner", PATIENT_TOKEN: "patient"}.get(
            hello.get("token")
        )
        if role is None or role != hello.get("role") or self.closed_reason is not None:
            await ws.send_json({"type": "error", "code": "invalid_link", "message": "no room"})
            await ws.close(code=4401)
            return ws
        await ws.send_json(
            {
                "type": "welcome",
                "room_id": "room-1",
                "role": role,
                "practice_name": "Cabinet de test",
                "language": "fr",
                "ice_servers": self.ice_servers,
                "admitted": self.admitted,
            }
        )
        if role == "practitioner":
            self._practitioner = ws
            for message in self._backlog:
                await ws.send_json(message)
            self._backlog.clear()
        else:
            self._patient = ws
            await self._to_practitioner({"type": "patient_opened"})
        async for msg in ws:
            if msg.type == WSMsgType.TEXT:
                await (self._from_patient if role == "patient" else self._from_pract)(msg.json())
        if role == "patient" and self._patient is ws:
            self._patient = None
            if self.closed_reason is None:
                await self._to_practitioner({"type": "patient_left"})
        elif role == "practitioner" and self._practitioner is ws:
            self._practitioner = None
        return ws

    async def _to_practitioner(self, message: dict[str, Any]) -> None:
        if self._practitioner is None:
            self._backlog.append(message)
        else:
            await self._practitioner.send_json(message)

    async def _from_patient(self, message: dict[str, Any]) -> None:
        kind = message.get("type")
        if kind == "join":
            await self._to_practitioner({"type": "patient_waiting"})
        elif kind in ("offer", "candidate", "signal"):
            await self._to_practitioner(message)
        elif kind == "bye":
            await self._to_practitioner({"type": "bye", "from": "patient"})
            await self.close_room("hung_up")

    async def _from_pract(self, message: dict[str, Any]) -> None:
        self.from_practitioner.append(message)
        kind = message.get("type")
        patient = self._patient
        if kind == "admit":
            self.admitted = True
            if patient is not None:
                await patient.send_json({"type": "admitted"})
        elif kind in ("answer", "candidate", "signal"):
            if not self.admitted:
                await self._to_practitioner({"type": "error", "code": "not_admitted"})
            elif patient is not None:
                await patient.send_json(message)
        elif kind == "bye":
            if patient is not None:
                await patient.send_json({"type": "bye", "from": "practitioner"})
            await self.close_room("hung_up")

    async def close_room(self, reason: str) -> None:
        self.closed_reason = reason
        for ws in (self._practitioner, self._patient):
            if ws is not None and not ws.closed:
                with contextlib.suppress(ConnectionError):
                    await ws.send_json({"type": "closed", "reason": reason})
                self._closing.add(asyncio.ensure_future(ws.close(code=1000)))
