"""The hub under load: 1,000 rooms exchanging signaling at once, the hub on one core.

    python -m bench.hub_bench [--rooms 1000] [--seconds 15] [--interval 1.0] [--rounds 5]

The hub (`start_hub`, as `tooddoc-hub` runs it) serves from a process of its own pinned to CPU 0;
the clients run in this process, pinned to CPU 1, so that the hub's core is its own. Each room
goes through a call's signaling as the app and the patient page do it: the room made with
`POST /api/rooms`, the practitioner's `hello`, the patient's `hello`, `join`, `offer` (a 4 KB
SDP) and candidates, the practitioner's `admit`, `answer` and candidates; then, with every room
up, each side sends a `signal` every `interval` seconds (randomly phased) for `seconds`.

Figures, each the median of `rounds` rounds:
- relay latency p50 and p99: a signal's send → its arrival at the other side of the room (one
  clock: both sides are in this process);
- memory per room: the server process's resident memory with the rooms up (at the end of the
  signaling) minus before the first room, divided by the rooms;
- the server's CPU during the signaling, in % of its core (each round's line also gives the
  clients' own: near 100 %, the clients and not the server set the latency).

Baseline, measured in the same round with the same clients and the same messages: a bare
aiohttp websocket relay (the same server library and socket settings as the hub, pinned the same
way) that pairs the two sockets of a room and forwards every text frame to the other, nothing
else; so the ratio is what the hub's rules (rooms, tokens, roles, admission, validation, rate
limits) cost.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import secrets
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import httpx
from aiohttp import WSMsgType, web

from bench.figures import Figure, median, percentile, table
from tooddoc_desk.core.language import Language
from tooddoc_desk.hub.client import HubClient
from tooddoc_desk.hub.config import HubConfig
from tooddoc_desk.hub.server import start_hub

ROOMS = 1000
SECONDS = 15.0
INTERVAL = 1.0
ROUNDS = 5
FILES_NEEDED = 8192  # 2 sockets a room on each side, plus room to spare
SETUP_AT_ONCE = 50  # rooms setting up at the same moment (the listen backlog is 128)
CANDIDATES = 3
RELAY_NAME = "bare aiohttp relay, same clients"


def raise_file_limit() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = FILES_NEEDED if hard == resource.RLIM_INFINITY else min(FILES_NEEDED, hard)
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    if resource.getrlimit(resource.RLIMIT_NOFILE)[0] < FILES_NEEDED // 2:
        raise SystemExit(f"hub_bench needs {FILES_NEEDED // 2}+ open files (ulimit -n)")


def cpu_plan() -> tuple[int, int] | None:
    """The CPU for the server and the one for the clients, when there are two to choose from."""
    allowed = sorted(os.sched_getaffinity(0))
    return (allowed[0], allowed[1]) if len(allowed) >= 2 else None


# --- the servers, each in a process of its own ---------------------------------------------

Stop = Callable[[], Awaitable[None]]


async def serve_hub() -> tuple[dict[str, str], Stop]:
    hub = await start_hub(HubConfig())  # the limits as deployed
    where = {"base_url": hub.base_url, "websocket_url": hub.websocket_url, "api_key": hub.api_key}
    return where, hub.stop


async def serve_relay() -> tuple[dict[str, str], Stop]:
    """A websocket relay and nothing else: the two sockets of `?room=` forward to each other."""
    rooms: dict[str, list[web.WebSocketResponse]] = {}

    async def relay(request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(compress=False, max_msg_size=64 * 1024 + 1, heartbeat=20.0)
        key = request.query.get("room", "")
        room = rooms.setdefault(key, [])
        room.append(ws)  # before the handshake's answer: the other side may already be sending
        try:
            await ws.prepare(request)
            async for message in ws:
                if message.type is WSMsgType.TEXT:
                    for other in room:
                        if other is not ws and not other.closed:
                            await other.send_str(message.data)
        finally:
            room.remove(ws)
            if not room:
                rooms.pop(key, None)
        return ws

    app = web.Application()
    app.router.add_get("/ws", relay)
    runner = web.AppRunner(app, access_log=None, handle_signals=False)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    port = runner.addresses[0][1]
    return {"websocket_url": f"ws://127.0.0.1:{port}/ws"}, runner.cleanup


async def serve(kind: str) -> None:
    """Serves until stdin closes; says where on its first line of output."""
    where, stop = await (serve_hub() if kind == "hub" else serve_relay())
    print(json.dumps(where), flush=True)
    await asyncio.to_thread(sys.stdin.read)
    await stop()


@dataclass
class Server:
    kind: str
    process: asyncio.subprocess.Process
    where: dict[str, str]

    def rss_kib(self) -> int:
        with open(f"/proc/{self.process.pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        raise RuntimeError("no VmRSS for the server")

    def cpu_seconds(self) -> float:
        with open(f"/proc/{self.process.pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@asynccontextmanager
async def server(kind: str, cpu: int | None) -> AsyncIterator[Server]:
    pinned = [] if cpu is None else ["--cpu", str(cpu)]
    process = await asyncio.create_subprocess_exec(
        *(sys.executable, "-m", "bench.hub_bench", "--serve", kind, *pinned),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
    )
    assert process.stdin is not None
    assert process.stdout is not None
    try:
        line = await asyncio.wait_for(process.stdout.readline(), 30)
        if not line:
            raise RuntimeError(f"the {kind} server did not start")
        await asyncio.sleep(1.0)  # settled: imports done, the first collections run
        yield Server(kind, process, json.loads(line))
    finally:
        process.stdin.close()
        try:
            await asyncio.wait_for(process.wait(), 15)
        except TimeoutError:
            process.kill()
            await process.wait()


# --- the clients ----------------------------------------------------------------------------


@dataclass
class Side:
    """One websocket of a room: what arrives goes to `inbox`, signals to the latency samples."""

    ws: aiohttp.ClientWebSocketResponse
    samples: list[float]
    inbox: asyncio.Queue[dict[str, Any]] = field(default_factory=asyncio.Queue)
    reader: asyncio.Task[None] | None = None

    def start(self) -> None:
        self.reader = asyncio.ensure_future(self._read())

    async def _read(self) -> None:
        async for message in self.ws:
            if message.type is not WSMsgType.TEXT:
                continue
            arrived = time.perf_counter()
            data = json.loads(message.data)
            if data.get("type") == "signal" and data.get("signal_type") == "bench":
                self.samples.append(arrived - float(data["data"].split(" ", 1)[0]))
            else:
                self.inbox.put_nowait(data)

    async def send(self, message: dict[str, Any]) -> None:
        await self.ws.send_str(json.dumps(message))

    async def expect(self, kind: str, count: int = 1) -> None:
        """Waits for `count` messages of type `kind`, skipping the others (the hub's own)."""
        async with asyncio.timeout(60):
            while count:
                message = await self.inbox.get()
                if message.get("type") == "error":
                    raise RuntimeError(f"the hub refused a message: {message.get('code')}")
                if message.get("type") == kind:
                    count -= 1


@dataclass(frozen=True)
class Tokens:
    number: int
    practitioner: str = field(repr=False)
    patient: str = field(repr=False)


def sdp(role: str) -> str:
    """An SDP of a call's usual size (audio, video, data channel: about 4 KB)."""
    lines = [
        "v=0",
        f"o=- {random.getrandbits(62)} 2 IN IP4 127.0.0.1",
        "s=-",
        "t=0 0",
        "a=group:BUNDLE 0 1 2",
    ]
    for mid, media in enumerate(("audio", "video", "application")):
        lines += [
            f"m={media} 9 UDP/TLS/RTP/SAVPF 111 96 97 98 99 100 101",
            "c=IN IP4 0.0.0.0",
            f"a=mid:{mid}",
            f"a=ice-ufrag:{secrets.token_hex(4)}",
            f"a=ice-pwd:{secrets.token_hex(12)}",
            "a=fingerprint:sha-256 " + ":".join(secrets.token_hex(1).upper() for _ in range(32)),
            f"a=setup:{'actpass' if role == 'offer' else 'active'}",
            "a=rtcp-mux",
        ]
        lines += [f"a=rtpmap:{96 + n} VP8/90000" for n in range(6)]
        lines += [f"a=rtcp-fb:{96 + n} nack pli" for n in range(6)]
        lines += [f"a=extmap:{n} urn:ietf:params:rtp-hdrext:sdes:mid" for n in range(1, 12)]
        lines += [f"a=ssrc:{random.getrandbits(31)} cname:{secrets.token_hex(8)}"] * 4
    return "\r\n".join(lines) + "\r\n"


def candidate(n: int) -> dict[str, Any]:
    port = random.randint(30000, 60000)
    return {
        "candidate": f"candidate:{n} 1 udp 2122260223 127.0.0.1 {port} typ host generation 0",
        "sdpMid": "0",
        "sdpMLineIndex": 0,
    }


async def set_up(
    http: aiohttp.ClientSession, url: str, tokens: Tokens, samples: list[float]
) -> tuple[Side, Side]:
    """A call's signaling, up to both sides holding the other's description and candidates."""
    room_url = f"{url}?room={tokens.number}"
    practitioner = Side(await http.ws_connect(room_url, autoclose=True), samples)
    practitioner.start()
    await practitioner.send(
        {"type": "hello", "v": 1, "role": "practitioner", "token": tokens.practitioner}
    )
    patient = Side(await http.ws_connect(room_url, autoclose=True), samples)
    patient.start()
    device = secrets.token_urlsafe(16)
    await patient.send(
        {"type": "hello", "v": 1, "role": "patient", "token": tokens.patient, "device": device}
    )
    await patient.send({"type": "join"})
    await patient.send({"type": "offer", "sdp": sdp("offer")})
    for n in range(CANDIDATES):
        await patient.send({"type": "candidate", "candidate": candidate(n)})
    await patient.send({"type": "candidate", "candidate": None})
    await practitioner.expect("offer")
    await practitioner.expect("candidate", CANDIDATES + 1)
    await practitioner.send({"type": "admit"})
    await practitioner.send({"type": "answer", "sdp": sdp("answer")})
    for n in range(CANDIDATES):
        await practitioner.send({"type": "candidate", "candidate": candidate(n)})
    await practitioner.send({"type": "candidate", "candidate": None})
    await patient.expect("answer")
    await patient.expect("candidate", CANDIDATES + 1)
    return practitioner, patient


async def signal_for(side: Side, seconds: float, interval: float, sent: list[int]) -> None:
    """A signal every `interval` on a fixed schedule, randomly phased, stamped with its send
    time (a side held up catches up at once, as a busy client would); counts them in `sent`."""
    began = time.perf_counter() + random.uniform(0, interval)
    padding = "x" * 48  # a short chat line's size
    for number in range(int(seconds / interval)):
        await asyncio.sleep(max(0.0, began + number * interval - time.perf_counter()))
        stamp = f"{time.perf_counter():.9f} {padding}"
        await side.send({"type": "signal", "signal_type": "bench", "data": stamp})
        sent[0] += 1


async def all_arrived(samples: list[float], sent: list[int], kind: str) -> None:
    """Every signal relayed: neither server may drop one (the rate stays far under the limit)."""
    try:
        async with asyncio.timeout(30):
            while len(samples) < sent[0]:  # noqa: ASYNC110 (a count, no event to wait on)
                await asyncio.sleep(0.1)
    except TimeoutError:
        raise RuntimeError(f"{kind}: {len(samples)} of {sent[0]} signals arrived") from None


@dataclass
class Round:
    p50_us: float
    p99_us: float
    kib_per_room: float
    cpu_percent: float
    clients_cpu_percent: float  # over 90 %: the clients, not the server, set the latency
    samples: int


async def make_rooms(base_url: str, api_key: str, rooms: int) -> list[Tokens]:
    async with httpx.AsyncClient() as http:
        client = HubClient(http, base_url, api_key)
        made = []
        for number in range(rooms):
            room = await client.create_room("Cabinet Bench", Language.FR)
            patient_token = room.patient_url.rsplit("/c/", 1)[1]
            made.append(Tokens(number, room.practitioner_token, patient_token))
        return made


def relay_tokens(rooms: int) -> list[Tokens]:
    """The relay knows no rooms: the same messages, with tokens of the same size."""
    return [Tokens(n, secrets.token_urlsafe(32), secrets.token_urlsafe(32)) for n in range(rooms)]


async def one_round(
    kind: str, rooms: int, seconds: float, interval: float, cpu: int | None
) -> Round:
    async with server(kind, cpu) as running:
        at_start = running.rss_kib()
        if kind == "hub":
            tokens = await make_rooms(running.where["base_url"], running.where["api_key"], rooms)
        else:
            tokens = relay_tokens(rooms)
        samples: list[float] = []
        connector = aiohttp.TCPConnector(limit=0)
        async with aiohttp.ClientSession(connector=connector) as http:
            gate = asyncio.Semaphore(SETUP_AT_ONCE)

            async def gated(t: Tokens) -> tuple[Side, Side]:
                async with gate:
                    return await set_up(http, running.where["websocket_url"], t, samples)

            pairs = await asyncio.gather(*(gated(t) for t in tokens))
            sides = [side for pair in pairs for side in pair]
            cpu_before, wall_before = running.cpu_seconds(), time.perf_counter()
            clients_before = time.process_time()
            sent = [0]
            await asyncio.gather(*(signal_for(side, seconds, interval, sent) for side in sides))
            await all_arrived(samples, sent, kind)
            busy = running.cpu_seconds() - cpu_before
            clients = time.process_time() - clients_before
            wall = time.perf_counter() - wall_before
            with_rooms = running.rss_kib()
            for _, patient in pairs:
                await patient.send({"type": "bye"})
            await asyncio.gather(*(side.ws.close() for side in sides))
            for side in sides:
                if side.reader is not None:
                    await side.reader
    return Round(
        p50_us=1e6 * median(samples),
        p99_us=1e6 * percentile(samples, 0.99),
        kib_per_room=(with_rooms - at_start) / rooms,
        cpu_percent=100 * busy / wall,
        clients_cpu_percent=100 * clients / wall,
        samples=len(samples),
    )


async def measure(
    rooms: int, seconds: float, interval: float, rounds: int, cpu: int | None
) -> list[Figure]:
    results: dict[str, list[Round]] = {"relay": [], "hub": []}
    for number in range(rounds):
        for kind in ("relay", "hub") if number % 2 == 0 else ("hub", "relay"):
            r = await one_round(kind, rooms, seconds, interval, cpu)
            results[kind].append(r)
            print(
                f"round {number + 1}, {kind:<5}: p50 {r.p50_us:7.0f} µs  p99 {r.p99_us:7.0f} µs"
                f"  {r.kib_per_room:6.1f} KiB/room  CPU {r.cpu_percent:5.1f} %"
                f" (clients {r.clients_cpu_percent:5.1f} %)  {r.samples} signals",
                flush=True,
            )

    def mid(kind: str, attribute: str) -> float:
        return median([getattr(r, attribute) for r in results[kind]])

    label = f"{rooms:,} rooms"
    return [
        Figure(f"hub relay latency p50, {label}", mid("hub", "p50_us"), mid("relay", "p50_us"),
               "µs", RELAY_NAME),
        Figure(f"hub relay latency p99, {label}", mid("hub", "p99_us"), mid("relay", "p99_us"),
               "µs", RELAY_NAME),
        Figure("hub memory per room", mid("hub", "kib_per_room"), mid("relay", "kib_per_room"),
               "KiB", RELAY_NAME),
        Figure(f"hub CPU while signaling, {label}", mid("hub", "cpu_percent"),
               mid("relay", "cpu_percent"), "%", RELAY_NAME),
    ]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description="1,000 rooms' signaling on one core.")
    parser.add_argument("--rooms", type=int, default=ROOMS)
    parser.add_argument("--seconds", type=float, default=SECONDS)
    parser.add_argument("--interval", type=float, default=INTERVAL)
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--serve", choices=["hub", "relay"], help=argparse.SUPPRESS)
    parser.add_argument("--cpu", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args()
    raise_file_limit()
    if options.serve:
        if options.cpu is not None:
            os.sched_setaffinity(0, {options.cpu})
        asyncio.run(serve(options.serve))
        return
    if options.interval < 1 / 40:
        parser.error("--interval under 25 ms would meet the hub's rate limit (50 a second)")
    plan = cpu_plan()
    if plan is None:
        server_cpu, where = None, "one CPU only: server and clients share it"
    else:
        server_cpu, client_cpu = plan
        os.sched_setaffinity(0, {client_cpu})
        where = f"server on CPU {server_cpu}, clients on CPU {client_cpu}"
    print(
        f"hub benchmark: {options.rooms:,} rooms (2 websockets each), a signal per side every "
        f"{options.interval:g} s for {options.seconds:g} s; {where}; median of "
        f"{options.rounds} rounds",
        flush=True,
    )
    figures = asyncio.run(
        measure(options.rooms, options.seconds, options.interval, options.rounds, server_cpu)
    )
    print(table(figures))


if __name__ == "__main__":
    main()
