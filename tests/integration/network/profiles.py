"""The networks a patient may call from, made with the tools this kernel has.

    with network(net, PROFILES["3g_lossy"]) as delay:   # rate caps, loss, delay on
        ...

Rates are capped with tbf on each end of the veth (down: what reaches the patient), loss is an
nftables rule dropping that share of what arrives at each end, and the round trip is made by
holding the app's datagrams in user space (delay.py), half of it each way. The veth itself adds
nothing measurable.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass

from tests.helpers.netns import PatientNetwork
from tests.integration.network.delay import Delay, app_delay


@dataclass(frozen=True)
class NetworkProfile:
    name: str
    down_kbit: int | None  # as the patient sees it; None: no cap
    up_kbit: int | None
    rtt_ms: int
    loss_percent: int


PROFILES = {
    p.name: p
    for p in (
        NetworkProfile("3g_average", 780, 330, 200, 0),
        NetworkProfile("3g_lossy", 780, 330, 200, 2),
        NetworkProfile("edge", 240, 200, 800, 1),
        NetworkProfile("drop", None, None, 20, 0),
        NetworkProfile("clean", None, None, 0, 0),
    )
}


def shape(net: PatientNetwork, profile: NetworkProfile) -> None:
    """Rate caps and loss of `profile` (delay aside); a clean link for None caps and no loss."""
    if profile.down_kbit is None and profile.up_kbit is None:
        net.unshape()
    else:
        net.shape(down_kbit=profile.down_kbit, up_kbit=profile.up_kbit)
    net.lose(profile.loss_percent)


@contextlib.contextmanager
def network(net: PatientNetwork, profile: NetworkProfile) -> Iterator[Delay]:
    """The profile on the patient's link for the `with` block (connections made inside it are
    delayed); the link is clean again afterwards."""
    shape(net, profile)
    try:
        with app_delay(profile.rtt_ms / 2000) as delay:
            yield delay
    finally:
        net.lose(0)
        net.unshape()
