"""ICE servers: explicit, validated, and TURN credentials that expire."""

from __future__ import annotations

import base64
import hashlib
import hmac
from datetime import UTC, datetime, timedelta

import pytest

from tooddoc_desk.hub.ice import IceServer, TurnRestServer, ice_servers_json

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def test_servers_serialise_as_rtc_ice_servers() -> None:
    stun = IceServer(("stun:127.0.0.1:3478",))
    turn = IceServer(("turn:127.0.0.1:3478?transport=udp",), "user", "pass")
    assert stun.to_json() == {"urls": ["stun:127.0.0.1:3478"]}
    assert turn.to_json() == {
        "urls": ["turn:127.0.0.1:3478?transport=udp"],
        "username": "user",
        "credential": "pass",
    }
    assert "pass" not in repr(turn)


@pytest.mark.parametrize(
    ("urls", "username", "credential"),
    [((), None, None), (("http://x",), None, None), (("turn:x",), None, None)],
)
def test_bad_servers_are_refused(
    urls: tuple[str, ...], username: str | None, credential: str | None
) -> None:
    with pytest.raises(ValueError, match=r"ICE server|TURN server"):
        IceServer(urls, username, credential)


def test_turn_rest_credentials_follow_the_coturn_scheme() -> None:
    secret = "a-secret-shared-with-coturn"
    turn = TurnRestServer(("turns:turn.example.be:5349",), secret, timedelta(hours=2))
    server = turn.credentials_for("room-1", NOW)
    expiry = int((NOW + timedelta(hours=2)).timestamp())
    assert server.username == f"{expiry}:room-1"
    mac = hmac.new(secret.encode(), f"{expiry}:room-1".encode(), hashlib.sha1).digest()
    assert server.credential == base64.b64encode(mac).decode()
    assert secret not in repr(turn)


def test_turn_rest_is_for_turn_urls_with_a_real_secret() -> None:
    with pytest.raises(ValueError, match="turn: and turns:"):
        TurnRestServer(("stun:x",), "a-secret-shared-with-coturn")
    with pytest.raises(ValueError, match="too short"):
        TurnRestServer(("turn:x",), "short")


def test_the_welcome_list_is_static_servers_then_turn_credentials() -> None:
    assert ice_servers_json((), None, "r", NOW) == []
    stun = IceServer(("stun:127.0.0.1:3478",))
    turn = TurnRestServer(("turn:127.0.0.1:3478",), "a-secret-shared-with-coturn")
    servers = ice_servers_json((stun,), turn, "r", NOW)
    assert [s["urls"] for s in servers] == [["stun:127.0.0.1:3478"], ["turn:127.0.0.1:3478"]]
    assert servers[1]["username"].endswith(":r")


def test_turn_credentials_never_outlive_the_room() -> None:
    turn = TurnRestServer(("turn:127.0.0.1:3478",), "a-secret-shared-with-coturn")  # 4 hours
    room_expiry = NOW + timedelta(minutes=60)
    server = turn.credentials_for("room-1", NOW, not_after=room_expiry)
    assert server.username == f"{int(room_expiry.timestamp())}:room-1"
    late = turn.credentials_for("room-1", NOW + timedelta(minutes=59, seconds=59.5), room_expiry)
    assert late.username == server.username
    short = TurnRestServer(("turn:x",), "a-secret-shared-with-coturn", timedelta(minutes=10))
    assert short.credentials_for("r", NOW, room_expiry).username == (
        f"{int((NOW + timedelta(minutes=10)).timestamp())}:r"
    )
    [listed] = ice_servers_json((), turn, "room-1", NOW, room_expiry)
    assert listed["username"] == server.username
