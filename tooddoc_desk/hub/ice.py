"""ICE servers the hub hands to both sides in `welcome`: always explicit, never a public default.

Static servers (a STUN or TURN server with fixed credentials) come from the configuration. A TURN
server that shares a secret with the hub (coturn's `use-auth-secret`, the "TURN REST API" scheme)
gets short-lived credentials made per room: the user name is `<expiry unix time>:<room id>` and
the password is base64(HMAC-SHA1(secret, user name)). They expire `lifetime` after they are
handed out, and never after the room does: a link's credentials end with its consultation.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from tooddoc_desk.core.clock import require_aware

_SCHEMES = ("stun:", "stuns:", "turn:", "turns:")


def _check_urls(urls: tuple[str, ...]) -> None:
    if not urls:
        raise ValueError("an ICE server needs at least one URL")
    for url in urls:
        if not url.startswith(_SCHEMES):
            raise ValueError(
                f"an ICE server URL starts with stun:, stuns:, turn: or turns: ({url})"
            )


@dataclass(frozen=True)
class IceServer:
    urls: tuple[str, ...]
    username: str | None = None
    credential: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        _check_urls(self.urls)
        is_turn = any(url.startswith(("turn:", "turns:")) for url in self.urls)
        if is_turn and (not self.username or not self.credential):
            raise ValueError("a TURN server needs a username and a credential")

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"urls": list(self.urls)}
        if self.username is not None:
            data["username"] = self.username
        if self.credential is not None:
            data["credential"] = self.credential
        return data


@dataclass(frozen=True)
class TurnRestServer:
    """A TURN server that accepts credentials derived from a secret shared with the hub."""

    urls: tuple[str, ...]
    shared_secret: str = field(repr=False)
    lifetime: timedelta = timedelta(hours=4)

    def __post_init__(self) -> None:
        _check_urls(self.urls)
        if not all(url.startswith(("turn:", "turns:")) for url in self.urls):
            raise ValueError("TURN REST credentials are for turn: and turns: URLs")
        if len(self.shared_secret) < 16:
            raise ValueError("the TURN shared secret is too short")
        if self.lifetime <= timedelta(0):
            raise ValueError("the TURN credential lifetime must be positive")

    def credentials_for(
        self, subject: str, now: datetime, not_after: datetime | None = None
    ) -> IceServer:
        """Credentials for `subject` valid from `now` for `lifetime`, but never past
        `not_after` (the room's expiry)."""
        until = require_aware(now) + self.lifetime
        if not_after is not None:
            until = min(until, require_aware(not_after))
        expiry = math.floor(until.timestamp())
        username = f"{expiry}:{subject}"
        mac = hmac.new(self.shared_secret.encode(), username.encode(), hashlib.sha1).digest()
        return IceServer(self.urls, username, base64.b64encode(mac).decode("ascii"))


def ice_servers_json(
    static: tuple[IceServer, ...],
    turn: TurnRestServer | None,
    room_id: str,
    now: datetime,
    room_expires_at: datetime | None = None,
) -> list[dict[str, Any]]:
    """The `ice_servers` list of a `welcome` for this room."""
    servers = list(static)
    if turn is not None:
        servers.append(turn.credentials_for(room_id, now, room_expires_at))
    return [server.to_json() for server in servers]
