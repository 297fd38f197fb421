"""Keeps WebRTC and browser tests on this machine.

./test runs the suite in a private network namespace whose only interface is loopback. Tests
that open peer connections or start a browser use the `loopback_only` fixture, which checks that
isolation and restricts aioice's host candidates to 127.0.0.1 (aioice leaves loopback out).
"""

from __future__ import annotations

import socket
from pathlib import Path

import aioice.ice
import pytest


def network_interfaces() -> list[str]:
    return sorted(name for _, name in socket.if_nameindex())


def require_loopback_only() -> None:
    names = network_interfaces()
    if names != ["lo"]:
        pytest.fail(
            "this test must run in a namespace with only loopback (use ./test); "
            f"interfaces here: {', '.join(names)}"
        )
    flags = int(Path("/sys/class/net/lo/flags").read_text().strip(), 16)
    if not flags & 0x1:  # IFF_UP
        pytest.fail("loopback is down in this namespace: run `ip link set lo up` first")


@pytest.fixture
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    require_loopback_only()
    monkeypatch.setattr(aioice.ice, "get_host_addresses", lambda use_ipv4, use_ipv6: ["127.0.0.1"])
