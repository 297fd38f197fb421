"""The running app's door for commands on the same computer: `tooddoc-desk invite` hands it an
invite (with the embedded hub, only the running app can keep a link alive), and
`tooddoc-desk --incoming CONTACT` brings it forward with the caller filled in.

It is a QLocalServer: a Unix socket in the data folder (`tooddoc-desk.sock`; one in the
system's temporary folder, named after the data folder, when that path is too long for a
socket), a named pipe on Windows, reachable by the same user only. One JSON object per line
each way, at most `MAX_LINE` bytes:

    → {"v": 1, "command": "invite", "to": "+32470123456", "lang": "fr",
       "at": "2026-11-26T13:30:00+00:00" | null, "requested_at": "2026-11-26T09:02:11+00:00"}
    ← {"v": 1, "outcome": "sent" | "delivered" | "failed" | "unknown" | "cancelled" | "booked",
       "message": "…"}
    → {"v": 1, "command": "incoming", "contact": "0470 12 34 56"}
    ← {"v": 1, "outcome": "shown", "message": "…"}
    ← {"v": 1, "outcome": "refused", "message": "…"}     (a request the app cannot take)

The app checks every request again (the contact, the language, the time): the socket is a door,
not a trusted caller. Its log lines name commands and outcomes, never a contact.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import socket
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

VERSION = 1
MAX_LINE = 8192
SOCKET_FILE = "tooddoc-desk.sock"
_LONGEST_SOCKET_PATH = 100  # sun_path holds 104 to 108 bytes, depending on the system
CONNECT_SECONDS = 1.5

CLOSED_FIRST = (
    "The app was closed before the invite's fate was known: look at its Today list when it "
    "starts again."
)

Request = dict[str, Any]
Answer = dict[str, Any]
Handler = Callable[[Request], Awaitable[Answer]]


class AppChannelError(Exception):
    """The running app was reached but gave no usable answer; `message` says so."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def channel_name(data_dir: Path) -> str:
    """The server's name for this data folder (the same for the app and the commands): a
    socket path on Unix, a pipe name on Windows."""
    folder = data_dir.expanduser().resolve()
    digest = hashlib.sha256(str(folder).encode()).hexdigest()[:20]
    if sys.platform == "win32":
        return f"tooddoc-desk-{digest}"
    path = folder / SOCKET_FILE
    if len(str(path).encode()) > _LONGEST_SOCKET_PATH:
        path = Path(tempfile.gettempdir()) / f"tooddoc-desk-{digest}.sock"
    return str(path)


def refused(message: str) -> Answer:
    return {"v": VERSION, "outcome": "refused", "message": message}


class AppChannelServer:
    """Listens for the commands; each request line goes to `handler`, whose answer goes back."""

    def __init__(self, data_dir: Path, handler: Handler) -> None:
        self._name = channel_name(data_dir)
        self._handler = handler
        self._server = QLocalServer()
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._clients: dict[QLocalSocket, bytearray] = {}
        self._tasks: dict[asyncio.Task[None], QLocalSocket] = {}

    @property
    def name(self) -> str:
        return self._name

    def listen(self) -> bool:
        """Starts listening; False (logged) when the name cannot be taken: the app runs on,
        only without its door for commands."""
        QLocalServer.removeServer(self._name)  # a socket file left by a process that died
        if self._server.listen(self._name):
            return True
        log.warning("the command channel is not available: %s", self._server.errorString())
        return False

    async def close(self) -> None:
        """Stops listening; a command still waiting for an invite's fate is told that the app
        closed first."""
        self._server.close()
        for task, client in list(self._tasks.items()):
            self._answer(client, refused(CLOSED_FIRST))
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        for client in list(self._clients):
            client.abort()
        self._clients.clear()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            client = self._server.nextPendingConnection()
            self._clients[client] = bytearray()
            client.readyRead.connect(lambda c=client: self._read(c))
            client.disconnected.connect(lambda c=client: self._forget(c))

    def _forget(self, client: QLocalSocket) -> None:
        if self._clients.pop(client, None) is not None:
            client.deleteLater()

    def _read(self, client: QLocalSocket) -> None:
        buffer = self._clients.get(client)
        if buffer is None:
            return
        buffer.extend(bytes(client.readAll().data()))
        line, newline, _ = bytes(buffer).partition(b"\n")
        if not newline:
            if len(buffer) > MAX_LINE:
                self._answer(client, refused("The request is too long."))
            return
        del self._clients[client]  # one request per connection
        task = asyncio.ensure_future(self._serve(client, line))
        self._tasks[task] = client
        task.add_done_callback(lambda done: self._tasks.pop(done, None))

    async def _serve(self, client: QLocalSocket, line: bytes) -> None:
        try:
            request = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            request = None
        if not isinstance(request, dict) or request.get("v") != VERSION:
            self._answer(client, refused("The request is not one this app understands."))
            return
        log.info("command channel: %s", str(request.get("command"))[:20])
        try:
            answer = await self._handler(request)
        except Exception:
            log.exception("command channel: the request failed")
            answer = refused("The app could not do it; the details are in its log.")
        self._answer(client, answer)

    def _answer(self, client: QLocalSocket, answer: Answer) -> None:
        if client.state() != QLocalSocket.LocalSocketState.ConnectedState:
            return
        client.write(json.dumps(answer).encode("utf-8") + b"\n")
        client.flush()
        client.disconnectFromServer()


def ask_app(
    data_dir: Path, request: Request, *, connect_timeout: float = CONNECT_SECONDS
) -> Answer | None:
    """Sends one request to the app running on `data_dir` and waits for its answer (blocking:
    for the command line). None when no app listens; AppChannelError when one was reached but
    gave no answer. Plain sockets (or the named pipe on Windows), not QLocalSocket: its waits
    hold the interpreter's lock, and a caller may have other threads to run meanwhile."""
    line = json.dumps({"v": VERSION, **request}).encode("utf-8") + b"\n"
    name = channel_name(data_dir)
    try:
        received = (
            _exchange_pipe(name, line)
            if sys.platform == "win32"
            else _exchange_socket(name, line, connect_timeout)
        )
    except _NobodyListens:
        return None
    try:
        answer = json.loads(received.partition(b"\n")[0].decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        answer = None
    if not isinstance(answer, dict) or not isinstance(answer.get("message"), str):
        raise AppChannelError("The running app closed the connection without an answer.")
    return answer


class _NobodyListens(Exception):
    pass


def _exchange_socket(path: str, line: bytes, connect_timeout: float) -> bytes:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.settimeout(connect_timeout)
        try:
            connection.connect(path)
        except OSError:
            raise _NobodyListens from None
        connection.settimeout(None)  # the answer comes once the invite's fate is known
        try:
            connection.sendall(line)
            return _read_line(connection.recv)
        except OSError:
            return b""


def _exchange_pipe(name: str, line: bytes) -> bytes:
    try:
        pipe = open(rf"\\.\pipe\{name}", "r+b", buffering=0)  # noqa: SIM115
    except OSError:
        raise _NobodyListens from None
    with pipe:
        try:
            pipe.write(line)
            return _read_line(pipe.read)
        except OSError:
            return b""


def _read_line(read: Callable[[int], bytes]) -> bytes:
    received = bytearray()
    while b"\n" not in received and len(received) <= MAX_LINE:
        chunk = read(4096)
        if not chunk:
            break
        received.extend(chunk)
    return bytes(received)
