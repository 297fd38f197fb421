"""One patient device per room (docs/hub-protocol.md, "One patient device per room").

The first device that says hello owns the room's patient side; the same device saying hello
again is a reload. Another device is held: it may wait, but nothing it says is relayed until the
practitioner lets it in (then it owns the room) or keeps the first one (then it is refused, and
refused again at once if it comes back). One device is held at a time: a newer one replaces it.

Device ids come from the patient's browser (a random id kept per link); they are compared in
constant time and never logged.
"""

from __future__ import annotations

import hmac
import secrets
from collections import deque
from dataclasses import dataclass, field
from enum import Enum, auto

from tooddoc_desk.hub.peer import Outlet

REMEMBERED_REFUSALS = 16  # refused devices a room turns away without asking again


class Verdict(Enum):
    OWNER = auto()  # the room's device (or the first one): a patient session
    HELD = auto()  # another device: wait for the practitioner
    REFUSED = auto()  # a device the practitioner already refused


def new_device_id() -> str:
    """The id of a connection that gave none: a device of its own, never seen again."""
    return secrets.token_hex(16)


@dataclass(frozen=True)
class HeldDevice:
    device: str = field(repr=False)
    outlet: Outlet


@dataclass
class DeviceGate:
    owner: str | None = field(default=None, repr=False)
    held: HeldDevice | None = None
    refused: deque[str] = field(default_factory=lambda: deque(maxlen=REMEMBERED_REFUSALS))

    def verdict(self, device: str) -> Verdict:
        """Where a patient saying hello with this device id stands (the first one owns)."""
        if self.owner is None:
            self.owner = device
            return Verdict.OWNER
        if _same(self.owner, device):
            return Verdict.OWNER
        if any(_same(known, device) for known in self.refused):
            return Verdict.REFUSED
        return Verdict.HELD

    def hold(self, device: str, outlet: Outlet) -> HeldDevice | None:
        """Holds this device's connection; returns the one it replaces, if any."""
        previous, self.held = self.held, HeldDevice(device, outlet)
        return previous

    def is_held(self, outlet: Outlet) -> bool:
        return self.held is not None and self.held.outlet is outlet

    def accept(self) -> HeldDevice | None:
        """The held device becomes the room's device; returns it (None: nothing was held)."""
        held, self.held = self.held, None
        if held is not None:
            self.owner = held.device
        return held

    def refuse(self) -> HeldDevice | None:
        """The held device is turned away, now and when it comes back; returns it."""
        held, self.held = self.held, None
        if held is not None:
            self.refused.append(held.device)
        return held

    def release(self, outlet: Outlet) -> bool:
        """The held connection went away (closed, or said `bye`); True if it was held."""
        if not self.is_held(outlet):
            return False
        self.held = None
        return True


def _same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())
