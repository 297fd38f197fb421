"""Bad inputs for the hub, from a seeded generator (the seed is printed: a run can be replayed).

inputs = BadInputs(random.Random(seed))
inputs.raw_request()          # bytes: a broken, huge or hostile HTTP request
inputs.path()                 # a path: random, traversal under /static/, odd encodings
inputs.room_body()            # bytes for POST /api/rooms: bad JSON, wrong shapes, odd sizes
inputs.authorization()        # an Authorization header, mostly wrong
inputs.message(tokens)        # a websocket text frame: JSON shaped like the protocol, or not
inputs.raw_frame()            # bytes of one websocket frame, valid or broken
"""

from __future__ import annotations

import json
import random
import string
import struct
from collections.abc import Callable
from typing import Any

TYPES = ["hello", "join", "offer", "answer", "candidate", "admit", "bye", "welcome", "error", ""]
METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "CONNECT",
           "BREW", "get", "M-SEARCH", "G\x00T", "PRI", "X" * 300]  # fmt: skip
TRAVERSALS = [
    "/static/../hub/server.py",
    "/static/../../pyproject.toml",
    "/static/%2e%2e/%2e%2e/pyproject.toml",
    "/static/..%2f..%2fpyproject.toml",
    "/static/%252e%252e/etc/passwd",
    "/static/....//....//etc/passwd",
    "/static/patient.js/../../../etc/passwd",
    "/static//etc/passwd",
    "/static/%00patient.js",
    "/static/patient.js%00.html",
    "/static/index.html",
    "/static/",
    "/static",
    "/c/../static/patient.js",
    "/c/%2e%2e%2fstatic%2fpatient.js",
    "/../../../../etc/passwd",
    "/api/../api/rooms",
    "/api/rooms/../../healthz",
    "//healthz",
    "/c/" + "A" * 5000,
]


class BadInputs:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    # --- building blocks ----------------------------------------------------------------------

    def text(self, longest: int = 40) -> str:
        alphabet = self.rng.choice(
            [
                string.printable,
                string.ascii_letters + string.digits + "-_",
                "\x00\x01\x1b\u202e\u200b\ud7ff\ufeff\u0000é漢🙂\\\"'<>{}",
            ]
        )
        return "".join(self.rng.choice(alphabet) for _ in range(self.rng.randint(0, longest)))

    def json_value(self, depth: int = 0) -> Any:
        """Any JSON value: odd numbers, odd strings, nesting, big and deep structures."""
        rng = self.rng
        makers: list[Callable[[], Any]] = [
            self.text,
            lambda: rng.choice([0, -1, 1, 59, 60, 86400, 86401, 2**31, -(2**63), 10**30]),
            lambda: rng.choice([0.5, -0.0, 1e308, 3600.0, float("nan")]),
            lambda: rng.random() < 0.5,
            lambda: None,
        ]
        if depth < 4:
            makers += [
                lambda: [self.json_value(depth + 1) for _ in range(rng.randint(0, 5))],
                lambda: {
                    self.text(12): self.json_value(depth + 1) for _ in range(rng.randint(0, 5))
                },
                lambda: "x" * rng.choice([1000, 70_000]),
                lambda: json.loads("[" * 200 + "]" * 200),
            ]
        return rng.choice(makers)()

    def dumps(self, value: Any) -> str:
        return json.dumps(value, allow_nan=True)

    # --- HTTP ---------------------------------------------------------------------------------

    def path(self) -> str:
        choice = self.rng.random()
        if choice < 0.4:
            return self.rng.choice(TRAVERSALS)
        if choice < 0.7:
            return "/" + "/".join(self.text(15) for _ in range(self.rng.randint(0, 4)))
        known = ["/healthz", "/api/rooms", "/api/whoami", "/ws", "/c/x", "/static/patient.js"]
        return self.rng.choice(known) + self.rng.choice(["", "/", "?a=1", "%", "#x", ";x"])

    def authorization(self, key: str) -> str | None:
        return self.rng.choice(
            [
                None,
                "Bearer",
                "Bearer ",
                f"Basic {key}",
                f"bearer {key[:-1]}",
                "Bearer " + "k" * self.rng.choice([10, 100, 10_000]),
                "Bearer " + self.text(),
                f"Bearer {key}",  # the right key, with a wrong body
            ]
        )

    def room_body(self) -> bytes:
        choice = self.rng.random()
        if choice < 0.3:
            shaped = {
                "practice_name": self.json_value(),
                "language": self.rng.choice(["fr", "nl", "en", "de", "es", "", None, 1]),
            }
            if self.rng.random() < 0.5:
                shaped["ttl_seconds"] = self.json_value()
            return self.dumps(shaped).encode("utf-8", "surrogatepass")
        if choice < 0.5:
            return self.dumps(self.json_value()).encode("utf-8", "surrogatepass")
        if choice < 0.6:
            return b"\xff\xfe\x00{" + self.rng.randbytes(self.rng.randint(0, 200))
        if choice < 0.7:
            return b'{"practice_name": "' + b"A" * 70_000 + b'", "language": "fr"}'
        if choice < 0.8:
            return b"[" * 100_000
        return self.text(200).encode("utf-8", "surrogatepass")

    def raw_request(self, host: str) -> bytes:
        """One hostile request, written by hand: what no HTTP client library would send."""
        method = self.rng.choice(METHODS)
        path = self.path()
        version = self.rng.choice(["HTTP/1.1", "HTTP/1.0", "HTTP/2.0", "HTTP/9.9", "HTTP/1", ""])
        headers = [f"Host: {host}"]
        kind = self.rng.randrange(12)
        if kind == 0:
            return self.rng.randbytes(self.rng.randint(1, 4000))
        if kind == 1:
            headers.append("X-Huge: " + "h" * self.rng.choice([9000, 70_000]))
        elif kind == 2:
            headers += [f"X-{i}: {i}" for i in range(self.rng.choice([150, 1000]))]
        elif kind == 3:
            headers.append("No colon in this header")
        elif kind == 4:
            headers += ["Content-Length: 10", "Content-Length: 20"]
        elif kind == 5:
            headers += ["Transfer-Encoding: chunked", "Content-Length: 5"]
            return self._request(method, path, version, headers) + b"zz\r\nhello\r\n0\r\n\r\n"
        elif kind == 6:
            headers.append("Content-Length: -1")
        elif kind == 7:
            headers.append("Content-Length: 100000")
            return self._request(method, path, version, headers) + b"only a little"
        elif kind == 8:
            path = "/" + "a" * self.rng.choice([9000, 100_000])
        elif kind == 9:
            headers += [
                "Upgrade: websocket",
                "Connection: Upgrade",
                "Sec-WebSocket-Version: 13",
                "Sec-WebSocket-Key: not-base64!",
                "Sec-WebSocket-Protocol: chat, x",
            ]
            path = "/ws"
        elif kind == 10:  # a good request followed by garbage on the same connection
            good = self._request("GET", "/healthz", "HTTP/1.1", [f"Host: {host}"])
            return good + self.rng.randbytes(self.rng.randint(1, 300)) + b"\r\n\r\n"
        else:
            headers.append(f"X-Odd: {self.text()}")
        return self._request(method, path, version, headers)

    @staticmethod
    def _request(method: str, path: str, version: str, headers: list[str]) -> bytes:
        head = f"{method} {path} {version}\r\n" + "".join(f"{h}\r\n" for h in headers) + "\r\n"
        return head.encode("utf-8", "surrogateescape")

    # --- websocket ----------------------------------------------------------------------------

    def message(self, tokens: list[tuple[str, str]]) -> str:
        """A text frame. `tokens`: (role, token) pairs of real rooms, for hellos that work."""
        choice = self.rng.random()
        if choice < 0.15:
            return self.text(200)
        if choice < 0.25:
            return self.dumps(self.json_value())
        if choice < 0.32:  # a link that opens nothing: 4401, and past the limit 4429
            role = self.rng.choice(["patient", "practitioner", "admin"])
            return self.dumps({"type": "hello", "v": 1, "role": role, "token": self.text(60)})
        if choice < 0.4 and tokens:
            role, token = self.rng.choice(tokens)
            return self.dumps({"type": "hello", "v": self.rng.choice([1, 1, 1, 2, "1"]),
                               "role": role, "token": token})  # fmt: skip
        message: dict[str, Any] = {"type": self.rng.choice([*TYPES, self.text(10), 7, None])}
        for _ in range(self.rng.randint(0, 4)):
            field = self.rng.choice(["v", "role", "token", "sdp", "candidate", "from", "device",
                                     "code", self.text(8)])  # fmt: skip
            message[field] = self.json_value()
        if message["type"] == "candidate" and self.rng.random() < 0.5:
            message["candidate"] = {
                "candidate": self.rng.choice(["candidate:1 1 udp 1 1.2.3.4 9 typ host", 5, ""]),
                "sdpMid": self.rng.choice(["0", None, 3, "x" * 100]),
                "sdpMLineIndex": self.rng.choice([0, -1, "0", 2**40]),
            }
        if message["type"] in ("offer", "answer") and self.rng.random() < 0.5:
            message["sdp"] = "v=0\r\n" + "a=x\r\n" * self.rng.choice([1, 100, 20_000])
        return self.dumps(message)

    def raw_frame(self) -> bytes:
        """One frame as a client would put it on the wire, often broken: reserved bits, unknown
        opcodes, unmasked, fragmented control frames, lengths that lie, bad UTF-8, huge."""
        opcode = self.rng.choice([0x0, 0x1, 0x2, 0x3, 0x7, 0x8, 0x9, 0xA, 0xB, 0xF])
        fin = self.rng.random() < 0.8
        rsv = self.rng.choice([0, 0, 0, 0x10, 0x20, 0x40, 0x70])
        payload = self.rng.choice(
            [
                b"",
                b'{"type":"join"}',
                b"\xff\xfe\xfd",
                b"\x03\xe8",
                b"\x03\xe8" + self.rng.randbytes(200),
                self.rng.randbytes(self.rng.randint(0, 300)),
                b"x" * 70_000,
            ]
        )
        masked = self.rng.random() < 0.85
        first = (0x80 if fin else 0) | rsv | opcode
        length = len(payload)
        if self.rng.random() < 0.1:  # a length that lies
            length = self.rng.choice([length + 10, 2**62, 126, 127])
        if length < 126:
            header = struct.pack("!BB", first, (0x80 if masked else 0) | length)
        elif length < 2**16:
            header = struct.pack("!BBH", first, (0x80 if masked else 0) | 126, length)
        else:
            header = struct.pack("!BBQ", first, (0x80 if masked else 0) | 127, length)
        if not masked:
            return header + payload
        mask = self.rng.randbytes(4)
        body = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        return header + mask + body
