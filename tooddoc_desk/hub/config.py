"""What a hub is told when it starts: where to listen, who may create rooms, which ICE servers."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from tooddoc_desk.core.resources import patient_page_dir
from tooddoc_desk.hub.ice import IceServer, TurnRestServer

MIN_ROOM_TTL = timedelta(seconds=60)
MAX_ROOM_TTL = timedelta(seconds=86400)


def default_patient_dir() -> Path:
    """The patient page: resources/patient next to the package, or in the installed bundle."""
    return patient_page_dir()


@dataclass(frozen=True)
class Limits:
    """Bounds on what one client may make the hub do (docs/hub-protocol.md, "Limits")."""

    max_message_bytes: int = 64 * 1024
    messages_per_second: float = 50.0
    hello_timeout: float = 10.0  # seconds
    refusals_before_disconnect: int = 10
    # per client (an IPv4 address, an IPv6 /64): hellos with a token that opens no room, bad
    # practice keys. Past this many in a minute, its next tries are refused (429, 4429).
    failed_lookups_per_minute: int = 10
    candidates_per_offer: int = 100
    outgoing_queue: int = 256  # messages waiting for a slow client before it is dropped

    def __post_init__(self) -> None:
        if self.max_message_bytes < 1024 or self.messages_per_second <= 0:
            raise ValueError("message limits must leave room for signaling")
        if self.hello_timeout <= 0 or self.refusals_before_disconnect < 1:
            raise ValueError("the hello timeout and the refusal count must be positive")
        if self.failed_lookups_per_minute < 1:
            raise ValueError("failed_lookups_per_minute must be at least 1")


@dataclass(frozen=True)
class HubConfig:
    """How to run a hub. The defaults give an embedded hub on loopback with a fresh API key."""

    host: str = "127.0.0.1"
    port: int = 0  # 0: any free port
    public_base_url: str | None = None  # default: http://<host>:<bound port>
    api_keys: tuple[str, ...] = field(default=(), repr=False)  # empty: one is generated
    practice_labels: tuple[str, ...] = ()  # the practices the api_keys belong to, same order
    ice_servers: tuple[IceServer, ...] = ()  # never a public STUN by default
    turn: TurnRestServer | None = None
    room_ttl: timedelta = timedelta(hours=1)  # when POST /api/rooms gives no ttl_seconds
    ended_room_memory: timedelta = timedelta(hours=1)  # how long DELETE still answers 204
    sweep_interval: float = 5.0  # seconds between two expiry sweeps
    allowed_origins: tuple[str, ...] = ()  # websocket origins besides the public base URL's
    # Reverse proxies (addresses or networks) whose X-Forwarded-For names the client: behind
    # one, every client would otherwise share the proxy's address and its failure budget.
    trusted_proxies: tuple[str, ...] = ()
    patient_dir: Path = field(default_factory=default_patient_dir)
    # the signing secret of a Stripe webhook endpoint pointed at this hub (POST /stripe/webhook);
    # None: no such route (the practice's app follows payments by asking Stripe)
    stripe_webhook_secret: str | None = field(default=None, repr=False)
    limits: Limits = field(default_factory=Limits)

    def __post_init__(self) -> None:
        if not 0 <= self.port <= 65535:
            raise ValueError("port must be between 0 and 65535")
        if not MIN_ROOM_TTL <= self.room_ttl <= MAX_ROOM_TTL:
            raise ValueError("room_ttl must be between 60 seconds and 24 hours")
        if self.sweep_interval <= 0:
            raise ValueError("sweep_interval must be positive")
        if self.ended_room_memory < timedelta(0):
            raise ValueError("ended_room_memory cannot be negative")
        if self.practice_labels and len(self.practice_labels) != len(self.api_keys):
            raise ValueError("practice_labels needs one label per API key")
        for key in self.api_keys:
            if len(key) < 16:
                raise ValueError("an API key needs at least 16 characters")
        if self.public_base_url is not None:
            base_url_origin(self.public_base_url)
        elif _is_wildcard(self.host):
            raise ValueError("a hub listening on every address needs a public_base_url")
        for origin in self.allowed_origins:
            base_url_origin(origin)
        self.proxy_networks()  # raises ValueError for a proxy that is not an address

    def proxy_networks(self) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
        return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in self.trusted_proxies)

    def base_url_for_port(self, port: int) -> str:
        if self.public_base_url is not None:
            return self.public_base_url.rstrip("/")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{port}"


def base_url_origin(url: str) -> str:
    """`scheme://host[:port]` of an http(s) URL, as a browser writes it in `Origin`."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http(s) URL: {url!r}")
    if parts.query or parts.fragment or parts.username or parts.password:
        raise ValueError("a base URL has no query, fragment or credentials")
    host = parts.hostname
    if ":" in host:
        host = f"[{host}]"
    default_port = 443 if parts.scheme == "https" else 80
    port = "" if parts.port in (None, default_port) else f":{parts.port}"
    return f"{parts.scheme}://{host}{port}"


def _is_wildcard(host: str) -> bool:
    if host in ("", "*"):
        return True
    try:
        return ipaddress.ip_address(host).is_unspecified
    except ValueError:
        return False


def websocket_url(base_url: str) -> str:
    """The signaling websocket's URL for a hub at `base_url` (http → ws, https → wss)."""
    scheme, rest = base_url.rstrip("/").split("://", 1)
    return f"{'wss' if scheme == 'https' else 'ws'}://{rest}/ws"
