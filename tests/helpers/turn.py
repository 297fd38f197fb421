"""A real TURN server for a test: Debian's coturn (`turnserver`), on loopback, shared secret.

    async with coturn() as turn:               # inside the loopback-only namespace
        turn.url                               # turn:127.0.0.1:<port>?transport=udp
        turn.rest_server()                     # the hub's TurnRestServer for it
        turn.log                               # what coturn said so far (user names, no secret)

It listens on 127.0.0.1 only, relays on 127.0.0.1 only, accepts only credentials derived from a
secret made for this test (coturn's `use-auth-secret`, the TURN REST scheme) and keeps its
database and pid file in a temporary folder. Its start waits for the line that says the UDP
listener is open; its stop terminates it and waits for it.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import shutil
import socket
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest

from tooddoc_desk.hub.ice import TurnRestServer

TURNSERVER = "turnserver"
START_SECONDS = 10.0


def free_port() -> int:
    """A port free for both UDP and TCP on 127.0.0.1 (coturn listens on both)."""
    for _ in range(50):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
            udp.bind(("127.0.0.1", 0))
            port: int = udp.getsockname()[1]
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp:
                try:
                    tcp.bind(("127.0.0.1", port))
                except OSError:
                    continue
                return port
    raise RuntimeError("no free port for coturn")


@dataclass
class Coturn:
    port: int
    secret: str = field(repr=False)
    lines: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"turn:127.0.0.1:{self.port}?transport=udp"

    @property
    def address(self) -> tuple[str, int]:
        return ("127.0.0.1", self.port)

    @property
    def log(self) -> str:
        return "\n".join(self.lines)

    def rest_server(self, lifetime: timedelta = timedelta(hours=4)) -> TurnRestServer:
        return TurnRestServer((self.url,), self.secret, lifetime)


def _command(port: int, secret: str, folder: Path) -> list[str]:
    return [
        TURNSERVER,
        "-n",  # no configuration file
        "--listening-ip=127.0.0.1",
        "--relay-ip=127.0.0.1",
        f"--listening-port={port}",
        "--use-auth-secret",
        f"--static-auth-secret={secret}",
        "--realm=test",
        "--no-tls",
        "--no-dtls",
        "--no-tcp-relay",
        "--allow-loopback-peers",  # the peers are on 127.0.0.1 too
        "--no-cli",
        "--log-file=stdout",
        "--simple-log",
        "--verbose",  # logs each allocation, with its user name
        f"--pidfile={folder / 'turnserver.pid'}",
        f"--userdb={folder / 'turndb'}",
    ]


@asynccontextmanager
async def coturn() -> AsyncIterator[Coturn]:
    if shutil.which(TURNSERVER) is None:
        pytest.fail("no turnserver: run scripts/setup.sh dev (Debian's coturn)")
    with tempfile.TemporaryDirectory(prefix="coturn-") as folder:
        server = Coturn(free_port(), secrets.token_urlsafe(32))
        process = await asyncio.create_subprocess_exec(
            *_command(server.port, server.secret, Path(folder)),
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        listening = asyncio.Event()
        reader = asyncio.create_task(_read(process, server, listening))
        try:
            await _until_listening(process, server, listening)
            yield server
        finally:
            if process.returncode is None:
                process.terminate()
            try:
                async with asyncio.timeout(5):
                    await process.wait()
            except TimeoutError:
                process.kill()
                await process.wait()
            reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await reader


async def _read(
    process: asyncio.subprocess.Process, server: Coturn, listening: asyncio.Event
) -> None:
    """Keeps coturn's output (the pipe must not fill up) and notes when it listens."""
    assert process.stdout is not None
    ready = f"UDP listener opened on: 127.0.0.1:{server.port}"
    async for raw in process.stdout:
        line = raw.decode(errors="replace").rstrip()
        server.lines.append(line)
        if ready in line:
            listening.set()


async def _until_listening(
    process: asyncio.subprocess.Process, server: Coturn, listening: asyncio.Event
) -> None:
    exited = asyncio.create_task(process.wait())
    ready = asyncio.create_task(listening.wait())
    try:
        done, _ = await asyncio.wait(
            {exited, ready}, timeout=START_SECONDS, return_when=asyncio.FIRST_COMPLETED
        )
    finally:
        for task in (exited, ready):
            task.cancel()
        await asyncio.gather(exited, ready, return_exceptions=True)
    if ready not in done:
        raise AssertionError(f"coturn did not start listening:\n{server.log}")
