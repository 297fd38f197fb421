"""What the hub's request handlers share: the relay, the rooms, the limits, the live sockets."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import ipaddress
from dataclasses import dataclass, field

from aiohttp import web

from tooddoc_desk.core.clock import Clock
from tooddoc_desk.hub.config import Limits
from tooddoc_desk.hub.peer import SocketPeer
from tooddoc_desk.hub.relay import Relay
from tooddoc_desk.hub.rooms import RoomRegistry
from tooddoc_desk.hub.throttle import FailureLimiter

IpNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
MAX_ADDRESS_LENGTH = 64


def key_digest(key: str) -> bytes:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).digest()


def _is_proxy(address: str, proxies: tuple[IpNetwork, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in proxies)


def client_address(request: web.BaseRequest, proxies: tuple[IpNetwork, ...]) -> str:
    """Who is asking: the socket's peer, or, when that peer is a trusted reverse proxy, the
    nearest address in X-Forwarded-For that is not one (the client may write anything to the
    left of what the proxies appended, so the header is read from the right)."""
    peer = request.remote or "unknown"
    if not _is_proxy(peer, proxies):
        return peer
    hops = [
        hop.strip()
        for header in request.headers.getall("X-Forwarded-For", [])
        for hop in header.split(",")
        if hop.strip()
    ]
    for hop in reversed(hops):
        if not _is_proxy(hop, proxies):
            return hop[:MAX_ADDRESS_LENGTH]
    return hops[0][:MAX_ADDRESS_LENGTH] if hops else peer


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
    trusted_proxies: tuple[IpNetwork, ...] = ()
    peers: dict[SocketPeer, asyncio.Task[object]] = field(default_factory=dict)  # -> handler

    def client_of(self, request: web.BaseRequest) -> str:
        """The address failed lookups are counted against (see `client_address`)."""
        return client_address(request, self.trusted_proxies)

    def key_is_valid(self, presented: str) -> bool:
        """Compares the presented key with every configured key, in constant time for each."""
        digest = key_digest(presented)
        found = False
        for known in self.api_key_digests:
            found |= hmac.compare_digest(known, digest)
        return found


HUB = web.AppKey("tooddoc_hub", HubContext)
