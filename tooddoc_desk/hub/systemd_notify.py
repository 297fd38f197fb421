"""Tells systemd how the service is doing (sd_notify), for a unit with `Type=notify`.

    notify("READY=1")       # listening: `systemctl start` returns, and reports a failed start
    notify("STOPPING=1")    # shutting down

Without $NOTIFY_SOCKET (not started by systemd) it does nothing. A socket that cannot be
reached is logged, never fatal: the service runs the same.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

log = logging.getLogger(__name__)


def notify(state: str, environ: Mapping[str, str] | None = None) -> bool:
    """Sends `state` to systemd; True when it was sent."""
    address = (os.environ if environ is None else environ).get("NOTIFY_SOCKET", "")
    if not address:
        return False
    if address.startswith("@"):  # an abstract socket
        address = "\0" + address[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.connect(address)
            sock.sendall(state.encode("utf-8"))
    except OSError as error:
        log.warning("could not tell systemd %s (%s)", state, error.strerror or error)
        return False
    return True
