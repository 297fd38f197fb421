"""Fuzzing the real hub (the `tooddoc-hub` command) on loopback with bad input for a while.

TOODDOC_FUZZ_SECONDS (default 20) says how long; TOODDOC_FUZZ_SEED replays a run (the seed is
printed). Batches of hostile input, sent at once from many loopback addresses (127.0.0.2 and
up, so that the per-client limits are hit and crossed): raw HTTP that no client library would
send, odd paths and traversal under /static/, bad bodies and keys for the API, websocket frames
(random text, JSON shaped like the protocol, binary, oversized, floods, hand-made frames with
reserved bits, lying lengths, unmasked or fragmented control frames).

After every batch the hub must answer /healthz (from 127.0.0.1, which sends nothing bad). At the
end: no ERROR line, traceback, warning or "Error handling request" in its log; no 5xx answer and
no websocket closed as an internal error (1011); its file descriptors back to where they were;
and its memory (RSS, measured after a warm-up) grown by less than RSS_GROWTH_LIMIT_KIB.
Run with -s to see the figures.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from urllib.parse import quote

import aiohttp
import httpx
import pytest

from tests.helpers.aio import async_test_timeout, until
from tests.helpers.hub_process import READY, HubProcess, free_port, standalone_hub
from tests.integration.hub.fuzz_inputs import BadInputs
from tooddoc_desk.core.language import Language
from tooddoc_desk.hub import HubClient, RoomInvite

SECONDS = float(os.environ.get("TOODDOC_FUZZ_SECONDS", "20"))
SEED = int(os.environ.get("TOODDOC_FUZZ_SEED", str(random.SystemRandom().randrange(2**32))))
WARM_UP = min(5.0, SECONDS / 4)
RSS_GROWTH_LIMIT_KIB = 48 * 1024
SPARE_FDS = 4  # descriptors the hub may keep after the storm (its own, not clients')
TIMEOUT = 3.0  # for one bad input's answer
CLOSE_CODES = {1000, 1001, 1002, 1003, 1006, 1007, 1008, 1009, 4400, 4401, 4408, 4409, 4429}
STATUSES = {101, 200, 201, 204, 301, 400, 401, 403, 404, 405, 413, 414, 429, 431, 501, 505}
KNOWN_FILES = ("strings.js", "patient.js", "patient.css", "icon.svg")
LEAKS = (b"[project]", b"root:x:0:0", b"import ", b"tooddoc_desk.hub")


@dataclass
class Tally:
    inputs: Counter[str] = field(default_factory=Counter)
    statuses: Counter[int] = field(default_factory=Counter)
    close_codes: Counter[int] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)

    def status(self, what: str, status: int) -> None:
        self.statuses[status] += 1
        if status not in STATUSES:
            self.failures.append(f"{what}: HTTP {status}")

    def closed(self, code: int | None) -> None:
        if code is not None:
            code = int(code)
            self.close_codes[code] += 1
            if code not in CLOSE_CODES:
                self.failures.append(f"websocket closed with {code}")


class Fuzzer:
    def __init__(self, hub: HubProcess, rng: random.Random) -> None:
        self.hub = hub
        self.rng = rng
        self.bad = BadInputs(rng)
        self.tally = Tally()
        self.host, port = hub.base_url.removeprefix("http://").rsplit(":", 1)
        self.port = int(port)

    def address(self) -> str:
        return f"127.0.0.{self.rng.randint(2, 254)}"

    async def raw_http(self) -> None:
        request = self.bad.raw_request(f"{self.host}:{self.port}")
        reader, writer = await asyncio.open_connection(
            self.host, self.port, local_addr=(self.address(), 0)
        )
        self.tally.inputs["raw HTTP requests"] += 1
        try:
            writer.write(request)
            with contextlib.suppress(ConnectionError):
                await writer.drain()
            with contextlib.suppress(TimeoutError, ConnectionError):
                head = await asyncio.wait_for(reader.read(64), TIMEOUT)
                if head.startswith(b"HTTP/1."):
                    self.tally.status("raw request", int(head[9:12]))
        finally:
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()

    async def http(self, client: httpx.AsyncClient) -> None:
        """Through a client library: only what it agrees to send (odd bytes go raw, above).
        The path is put on the wire as it is (`//x` is a path here, not a host)."""
        path = quote(self.bad.path(), safe="/%?=&;:@!$'()*+,~").encode("ascii")
        method, content, headers = "GET", b"", {}
        if self.rng.random() < 0.5:
            authorization = self.bad.authorization(self.hub.key)
            if authorization is not None:
                printable = "".join(c for c in authorization if c >= " " and c != "\x7f")
                headers[b"Authorization"] = printable.encode("utf-8", "surrogatepass")
            method = self.rng.choice(["POST", "POST", "PUT", "DELETE", "GET"])
            path = self.rng.choice([b"/api/rooms", b"/api/whoami", b"/api/rooms/x", path])
            content = self.bad.room_body()
            self.tally.inputs["API requests"] += 1
        else:
            self.tally.inputs["odd paths"] += 1
        url = client.base_url.copy_with(raw_path=path)
        request = client.build_request(method, url, content=content or None, headers=headers)
        answer = await client.send(request)
        asked = answer.request.url.raw_path.decode("ascii")
        self.tally.status(f"{answer.request.method} {asked!r}", answer.status_code)
        if answer.status_code == 200 and "/static" in asked:
            served = any(answer.content == self.static[name] for name in KNOWN_FILES)
            if not served or any(leak in answer.content for leak in LEAKS):
                self.tally.failures.append(f"{asked!r} served something else")

    async def websocket(
        self, session: aiohttp.ClientSession, tokens: list[tuple[str, str]]
    ) -> None:
        headers = {}
        if self.rng.random() < 0.1:
            headers["Origin"] = self.rng.choice(["https://evil.example", "null", self.hub.base_url])
        try:
            ws = await session.ws_connect(
                f"ws://{self.host}:{self.port}/ws", headers=headers, autoclose=False
            )
        except aiohttp.WSServerHandshakeError as refused:
            self.tally.inputs["websocket handshakes"] += 1
            self.tally.status("handshake", refused.status)
            return
        self.tally.inputs["websocket handshakes"] += 1
        async with ws:
            flood = self.rng.random() < 0.15
            for _ in range(self.rng.choice([120, 300]) if flood else self.rng.randint(1, 25)):
                if ws.closed:
                    break
                kind = self.rng.random()
                with contextlib.suppress(ConnectionError, aiohttp.ClientError):
                    if kind < 0.1:
                        await ws.send_bytes(self.rng.randbytes(self.rng.randint(0, 100)))
                    elif kind < 0.13:
                        await ws.send_str("x" * 70_000)
                    else:
                        await ws.send_str(self.bad.message(tokens))
                self.tally.inputs["websocket frames"] += 1
            await self._drain(ws)

    async def _drain(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        """Reads what the hub answered until it closes or goes quiet."""
        with contextlib.suppress(TimeoutError, ConnectionError, aiohttp.ClientError):
            while True:
                message = await ws.receive(timeout=0.3)
                if message.type is aiohttp.WSMsgType.CLOSE:
                    self.tally.closed(int(message.data))
                    return
                if message.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                    self.tally.closed(ws.close_code)
                    return

    async def raw_websocket(self) -> None:
        reader, writer = await asyncio.open_connection(
            self.host, self.port, local_addr=(self.address(), 0)
        )
        handshake = (
            f"GET /ws HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nUpgrade: websocket\r\n"
            "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            "Sec-WebSocket-Version: 13\r\n\r\n"
        )
        self.tally.inputs["websocket handshakes"] += 1
        try:
            writer.write(handshake.encode())
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), TIMEOUT)
            self.tally.status("raw handshake", int(head[9:12]))
            for _ in range(self.rng.randint(1, 6)):
                writer.write(self.bad.raw_frame())
                self.tally.inputs["hand-made websocket frames"] += 1
            with contextlib.suppress(ConnectionError):
                await writer.drain()
            with contextlib.suppress(TimeoutError, ConnectionError, asyncio.IncompleteReadError):
                while await asyncio.wait_for(reader.read(4096), 0.5):
                    pass
        except (TimeoutError, ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()

    static: dict[str, bytes] = {}  # noqa: RUF012  (filled once per run)


class RoomPool:
    """A few real rooms whose tokens the fuzzer says hello with; renewed every few batches
    (a room ended by a fuzzed `bye` stays ended, and ended rooms are remembered for an hour)."""

    def __init__(self, good: HubClient) -> None:
        self.good = good
        self.invites: list[RoomInvite] = []

    async def renew(self) -> None:
        for invite in self.invites:
            await self.good.close_room(invite.room_id)
        self.invites = [await self.good.create_room("Fuzz", Language.FR) for _ in range(3)]

    @property
    def tokens(self) -> list[tuple[str, str]]:
        patients = [("patient", i.patient_url.rsplit("/c/", 1)[1]) for i in self.invites]
        return patients + [("practitioner", i.practitioner_token) for i in self.invites]


async def one_batch(
    fuzzer: Fuzzer,
    clients: list[httpx.AsyncClient],
    sessions: list[aiohttp.ClientSession],
    tokens: list[tuple[str, str]],
) -> None:
    rng = fuzzer.rng
    work: list[Callable[[], Awaitable[None]]] = []
    work += [fuzzer.raw_http] * 20
    work += [partial(fuzzer.http, rng.choice(clients)) for _ in range(25)]
    work += [partial(fuzzer.websocket, rng.choice(sessions), tokens) for _ in range(10)]
    work += [fuzzer.raw_websocket] * 6
    rng.shuffle(work)
    results = await asyncio.gather(*(job() for job in work), return_exceptions=True)
    for result in results:
        if isinstance(result, BaseException) and not isinstance(
            result, ConnectionError | TimeoutError | httpx.TransportError | aiohttp.ClientError
        ):
            raise result
        if isinstance(result, httpx.TransportError | ConnectionError):
            fuzzer.tally.inputs["connections the hub dropped"] += 1


def open_fds(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/fd"))


@pytest.mark.timeout(SECONDS + 240)
@async_test_timeout(SECONDS + 180)
async def test_the_hub_survives_bad_input_in_bounded_memory(tmp_path: Path) -> None:
    port = free_port()
    with standalone_hub(tmp_path, port=port) as hub:
        await fuzz(hub)
    started = hub.lines.index(hub.wait_for_line(READY))
    addresses = [line for line in hub.lines[started + 1 :] if "127.0.0." in line]
    assert addresses == [], addresses[:5]  # no client address in the log
    problems = hub.problems()
    if problems:
        first = hub.lines.index(problems[0])
        pytest.fail(
            f"{len(problems)} problem lines; the first:\n"
            + "\n".join(hub.lines[first : first + 40])
        )


async def fuzz(hub: HubProcess) -> None:
    rng = random.Random(SEED)
    fuzzer = Fuzzer(hub, rng)
    limits = httpx.Limits(max_connections=20)
    clients = [
        httpx.AsyncClient(
            base_url=hub.base_url,
            timeout=TIMEOUT,
            limits=limits,
            transport=httpx.AsyncHTTPTransport(local_address=fuzzer.address()),
        )
        for _ in range(4)  # few addresses: each crosses the failure limit (429)
    ]
    sessions = [
        aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(local_addr=(fuzzer.address(), 0)),
            timeout=aiohttp.ClientTimeout(total=10),
        )
        for _ in range(8)
    ]
    health = httpx.AsyncClient(base_url=hub.base_url, timeout=5)
    good = HubClient(health, hub.base_url, hub.key)
    try:
        for name in KNOWN_FILES:
            Fuzzer.static[name] = (await health.get(f"/static/{name}")).content
        fds_before = open_fds(hub.process.pid)
        rss_start = hub.rss_kib()
        started = time.monotonic()
        rss_warm: int | None = None
        batches = 0
        pool = RoomPool(good)
        while time.monotonic() - started < SECONDS:
            if batches % 10 == 0:
                await pool.renew()
            await one_batch(fuzzer, clients, sessions, pool.tokens)
            batches += 1
            answer = await health.get("/healthz")
            assert answer.json() == {"status": "ok"}, f"after batch {batches}"
            assert hub.process.poll() is None, "the hub died"
            if rss_warm is None and time.monotonic() - started >= WARM_UP:
                rss_warm = hub.rss_kib()
        elapsed = time.monotonic() - started
    finally:
        for client in clients:
            await client.aclose()
        for session in sessions:
            await session.close()
    try:
        pid = hub.process.pid
        await until(lambda: open_fds(pid) <= fds_before + SPARE_FDS, "the hub's sockets to close")
        assert (await health.get("/healthz")).status_code == 200
        assert await good.whoami() == "Cabinet Dr Peeters"
        rss_end = hub.rss_kib()
    finally:
        await health.aclose()
    rss_warm = rss_warm or rss_start
    tally = fuzzer.tally
    total = sum(tally.inputs.values())
    print(
        f"\nfuzz: seed {SEED}, {total} bad inputs in {elapsed:.1f} s ({batches} batches)"
        f"\n  {dict(tally.inputs)}"
        f"\n  HTTP statuses {dict(sorted(tally.statuses.items()))}"
        f"\n  websocket close codes {dict(sorted(tally.close_codes.items()))}"
        f"\n  hub RSS: {rss_start} KiB at start, {rss_warm} KiB after {WARM_UP:.0f} s of warm-up,"
        f" {rss_end} KiB at the end ({rss_end - rss_warm:+d} KiB after the warm-up)"
        f"\n  hub descriptors: {fds_before} before, {open_fds(hub.process.pid)} after"
    )
    assert tally.failures == [], tally.failures[:20]
    assert rss_end - rss_warm < RSS_GROWTH_LIMIT_KIB
