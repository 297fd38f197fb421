"""Hub configuration: loopback by default, URLs and origins derived from what is bound."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tooddoc_desk.hub.config import HubConfig, Limits, base_url_origin, websocket_url


def test_the_defaults_are_an_embedded_hub_on_loopback() -> None:
    config = HubConfig()
    assert config.host == "127.0.0.1"
    assert config.port == 0
    assert config.ice_servers == ()
    assert config.turn is None
    assert config.base_url_for_port(8765) == "http://127.0.0.1:8765"
    assert (config.patient_dir / "index.html").is_file()


def test_the_public_base_url_wins_and_ipv6_hosts_are_bracketed() -> None:
    public = HubConfig(public_base_url="https://hub.example.be/")
    assert public.base_url_for_port(8765) == "https://hub.example.be"
    assert HubConfig(host="::1").base_url_for_port(80) == "http://[::1]:80"


@pytest.mark.parametrize(
    "kwargs",
    [
        {"host": "0.0.0.0"},
        {"host": "::"},
        {"port": 70000},
        {"room_ttl": timedelta(seconds=59)},
        {"room_ttl": timedelta(days=2)},
        {"api_keys": ("short",)},
        {"public_base_url": "ftp://hub"},
        {"public_base_url": "https://hub?x=1"},
        {"allowed_origins": ("not a url",)},
        {"sweep_interval": 0},
        {"ended_room_memory": timedelta(seconds=-1)},
        {"trusted_proxies": ("nginx",)},
    ],
)
def test_bad_configurations_are_refused(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError, match=r"."):
        HubConfig(**kwargs)  # type: ignore[arg-type]


def test_limits_leave_room_for_signaling() -> None:
    assert Limits().max_message_bytes == 64 * 1024
    assert Limits().messages_per_second == 50
    assert Limits().hello_timeout == 10
    assert Limits().failed_lookups_per_minute == 10
    with pytest.raises(ValueError, match="at least 1"):
        Limits(failed_lookups_per_minute=0)
    with pytest.raises(ValueError, match="leave room"):
        Limits(max_message_bytes=10)
    with pytest.raises(ValueError, match="must be positive"):
        Limits(hello_timeout=0)


def test_trusted_proxies_are_addresses_or_networks() -> None:
    config = HubConfig(trusted_proxies=("127.0.0.1", "10.0.0.0/8", "::1"))
    assert [str(n) for n in config.proxy_networks()] == ["127.0.0.1/32", "10.0.0.0/8", "::1/128"]
    assert HubConfig().proxy_networks() == ()


def test_origins_and_websocket_urls() -> None:
    assert base_url_origin("http://127.0.0.1:8765/x") == "http://127.0.0.1:8765"
    assert base_url_origin("https://Hub.Example.be:443") == "https://hub.example.be"
    assert base_url_origin("http://[::1]:80") == "http://[::1]"
    assert websocket_url("http://127.0.0.1:8765") == "ws://127.0.0.1:8765/ws"
    assert websocket_url("https://hub.example.be/prefix/") == "wss://hub.example.be/prefix/ws"
