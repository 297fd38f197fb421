"""What the hub's request handlers share: the relay, the rooms, the limits, the live sockets."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
from dataclasses import dataclass, field

from aiohttp import web

from tooddoc_desk.core.clock import Clock
from tooddoc_desk.hub.config import Limits
from tooddoc_desk.hub.peer import SocketPeer
from tooddoc_desk.hub.relay import Relay
from tooddoc_desk.hub.rooms import RoomRegistry
from tooddoc_desk.hub.throttle import FailureLimiter


def key_digest(key: str) -> bytes:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).digest()


@dataclass
class HubContext:
    base_url: str
    api_key_digests: tuple[bytes, ...] = field(repr=False)
    registry: RoomRegistry
    relay: Relay
    clock: Clock
    limits: Limits
    failures: FailureLimiter
    allowed_origins: frozenset[str]
    default_ttl_seconds: int
    peers: dict[SocketPeer, asyncio.Task[object]] = field(default_factory=dict)  # -> handler

    def key_is_valid(self, presented: str) -> bool:
        """Compares the presented key with every configured key, in constant time for each."""
        digest = key_digest(presented)
        found = False
        for known in self.api_key_digests:
            found |= hmac.compare_digest(known, digest)
        return found


HUB = web.AppKey("tooddoc_hub", HubContext)
