"""Who a request comes from, when the hub sits behind a reverse proxy or not."""

from __future__ import annotations

import ipaddress
from unittest import mock

from aiohttp import web
from aiohttp.test_utils import make_mocked_request

from tooddoc_desk.hub.context import client_address

PROXIES = (ipaddress.ip_network("10.0.0.0/8"), ipaddress.ip_network("::1/128"))


def request_from(peer: str, forwarded_for: str | None = None) -> web.Request:
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for is not None else {}
    transport = mock.Mock()
    transport.get_extra_info.return_value = (peer, 40000)
    return make_mocked_request("GET", "/ws", headers=headers, transport=transport)


def test_without_a_trusted_proxy_the_peer_is_the_client() -> None:
    request = request_from("203.0.113.7", "198.51.100.1")
    assert client_address(request, ()) == "203.0.113.7"
    assert client_address(request, PROXIES) == "203.0.113.7"


def test_behind_trusted_proxies_the_header_is_read_from_the_right() -> None:
    def address(forwarded_for: str | None, peer: str = "10.0.0.2") -> str:
        return client_address(request_from(peer, forwarded_for), PROXIES)

    assert address("198.51.100.1") == "198.51.100.1"
    assert address("6.6.6.6, 198.51.100.1") == "198.51.100.1"  # the client wrote 6.6.6.6
    assert address("198.51.100.1, 10.0.0.9") == "198.51.100.1"  # two proxies
    assert address("10.0.0.8, 10.0.0.9") == "10.0.0.8"  # only proxies: the farthest one
    assert address(None) == "10.0.0.2"  # a proxy that said nothing
    assert address("198.51.100.1", peer="::1") == "198.51.100.1"
