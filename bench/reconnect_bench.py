"""Reconnection, measured: a patient's network cut for 5 seconds in the middle of a call, and the
time from the network's return to media flowing again both ways (the page decoding the
practitioner's video, the call engine receiving the patient's).

Baseline, measured in the same run on the same set-up: the first connection of each call, from
the patient's Join click to media flowing both ways (the practitioner admits as soon as the call
engine has its answer ready).

The set-up is tests/integration/patient/test_reconnect.py's: the patient's Chromium in a network
namespace of its own on a veth pair, the hub and the call engine (Session) on the test's end,
every packet on the link dropped during the cut (`--link-down`: the veth taken down instead).
Run it as root in a private network namespace with only loopback:

    unshare --net sh -c 'ip link set lo up && .venv/bin/python -m bench.reconnect_bench'
"""

from __future__ import annotations

import argparse
import asyncio
import time
from dataclasses import dataclass

import aioice.ice
from playwright.async_api import Page

from bench.figures import Figure, median, table
from tests.helpers.aio import until
from tests.helpers.netns import PatientNetwork, require_only
from tests.helpers.network import require_loopback_only
from tests.integration.patient.rig import (
    PHONE,
    PREVIEW_LIVE,
    Practitioner,
    Rig,
    browser_frames_after,
    rig,
    state_is,
)
from tooddoc_desk.calls.events import CallEnded

ROUNDS = 5
CUT_SECONDS = 5.0
LIMIT = 60.0


@dataclass(frozen=True)
class Round:
    join_to_media: float  # the baseline: Join click → media both ways
    restore_to_media: float  # network back → media both ways again
    page_back: float
    engine_back: float


async def both_ways(page: Page, doctor: Practitioner, since: float) -> tuple[float, float]:
    """Seconds from `since` to the page's next decoded frame, and to the engine's next frame."""
    page_at = await browser_frames_after(page, since, LIMIT)
    await until(lambda: doctor.first_frame_after(since) is not None, "the engine's frames", LIMIT)
    engine_at = doctor.first_frame_after(since)
    assert engine_at is not None
    return page_at - since, engine_at - since


async def one_round(r: Rig, net: PatientNetwork, link_down: bool) -> Round:
    room = await r.room()
    doctor = await r.practitioner(room, auto_admit=True)
    page, _ = await r.open(room.patient_url, PHONE)
    await state_is(page, "ready")
    await page.wait_for_function(PREVIEW_LIVE)
    await page.check("#consent")
    clicked = time.monotonic()
    await page.click("#join")
    first = await both_ways(page, doctor, clicked)
    await doctor.received(30)  # a settled call

    net.cut(link_down=link_down)
    await asyncio.sleep(CUT_SECONDS)  # the outage
    net.restore()
    restored = time.monotonic()
    page_back, engine_back = await both_ways(page, doctor, restored)
    await state_is(page, "in_call", 10_000)

    await page.click("#hangup")
    await doctor.events.wait_for(CallEnded, 10)
    await page.context.close()
    return Round(max(first), max(page_back, engine_back), page_back, engine_back)


async def bench(net: PatientNetwork, link_down: bool) -> list[Round]:
    async with rig(net) as r:
        await one_round(r, net, link_down)  # warm-up: Chromium's and aiortc's first call
        return [await one_round(r, net, link_down) for _ in range(ROUNDS)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--link-down", action="store_true", help="cut by taking the veth down")
    args = parser.parse_args()
    require_loopback_only()
    with PatientNetwork.create() as net:
        require_only(["lo", net.host_if])
        aioice.ice.get_host_addresses = lambda use_ipv4, use_ipv6: [net.host_address]
        rounds = asyncio.run(bench(net, args.link_down))

    cut = "veth down" if args.link_down else "every packet dropped (nftables)"
    print(f"{ROUNDS} calls after a warm-up; patient in its own namespace on a veth pair; ")
    print(f"a {CUT_SECONDS:.0f} s cut: {cut}; 640x480 test pattern; Chromium, fake camera\n")
    restore = [r.restore_to_media for r in rounds]
    join = [r.join_to_media for r in rounds]
    print(
        table(
            [
                Figure(
                    "network back → media both ways (median)",
                    1000 * median(restore),
                    1000 * median(join),
                    "ms",
                    "Join → media both ways, first connection",
                )
            ]
        )
    )

    def listed(values: list[float]) -> str:
        return ", ".join(f"{1000 * v:.0f}" for v in values)

    page_back, engine_back = [r.page_back for r in rounds], [r.engine_back for r in rounds]
    print(f"\nnetwork back → media both ways, each call (ms): {listed(restore)}")
    print(f"  the page's first new frame (ms):              {listed(page_back)}")
    print(f"  the call engine's first new frame (ms):       {listed(engine_back)}")
    print(f"baseline, Join → media both ways, each call (ms): {listed(join)}")


if __name__ == "__main__":
    main()
