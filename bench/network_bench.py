"""Calls on the networks patients call from, measured: what each side receives on 3G, lossy 3G,
EDGE and a clean link, and how fast the patient's video is back after a 5 second drop.

The set-up is tests/integration/network's: the patient's Chromium (fake camera) in a network
namespace of its own on a veth pair, the hub and the call engine (Session, 640x480 test pattern)
on the test's end, the profile's rate caps, loss and round trip on the link (profiles.py). Each
call is measured for MEASURE_SECONDS once media flows both ways and has settled.

Baselines, measured in the same run:
- the practitioner's video bitrate on a clean link: the patient's Chromium's own video sender in
  the same call (the bar: no more than a Skype call, 300-500 kbps for good 1:1 video);
- frame rates on each profile: the same direction on the clean link;
- the drop: the patient's video back in the app after the link returns, against the first
  connection of the same call (opening the link → the patient's first frame in the app).

Run it as root in a private network namespace with only loopback (scripts/bench.sh does):

    unshare --net sh -c 'ip link set lo up && .venv/bin/python -m bench.network_bench'
"""

from __future__ import annotations

import argparse
import asyncio
import time
from dataclasses import dataclass

import aioice.ice

from bench.figures import Figure, median, table
from tests.helpers.aio import until
from tests.helpers.netns import PatientNetwork, require_only
from tests.helpers.network import require_loopback_only
from tests.integration.network.measure import SETTLE_SECONDS, Window, describe, metered_call
from tests.integration.network.profiles import PROFILES, network
from tests.integration.patient.rig import rig, state_is
from tooddoc_desk.calls import events as ev

MEASURED = ("clean", "3g_average", "3g_lossy", "edge")
MEASURE_SECONDS = 30.0
CUT_SECONDS = 5.0


@dataclass(frozen=True)
class Drop:
    back: float  # seconds from the link's return to the patient's next frame in the app
    first: float  # opening the link → the patient's first frame in the app, same call


async def profile_call(net: PatientNetwork, name: str) -> tuple[Window, bool]:
    """A call on the profile; what each side received, and whether audio only was engaged."""
    with network(net, PROFILES[name]):
        async with rig(net) as r:
            doctor, meter = await metered_call(r)
            await asyncio.sleep(SETTLE_SECONDS)
            start = time.monotonic()
            await asyncio.sleep(MEASURE_SECONDS)
            window = await meter.window(start, time.monotonic())
            await meter.stop()
            return window, bool(doctor.events.of(ev.AudioOnlyStarted))


async def drop_call(net: PatientNetwork) -> Drop:
    with network(net, PROFILES["drop"]):
        async with rig(net) as r:
            opened = time.monotonic()
            doctor, meter = await metered_call(r)
            first = doctor.first_frame_after(opened)
            assert first is not None
            await meter.stop()
            await asyncio.sleep(SETTLE_SECONDS + 5)
            net.cut()
            await asyncio.sleep(CUT_SECONDS)
            net.restore()
            restored = time.monotonic()
            await until(lambda: doctor.first_frame_after(restored) is not None, "video back", 30)
            back = doctor.first_frame_after(restored)
            assert back is not None
            await state_is(meter.page, "in_call", 10_000)
            return Drop(back - restored, first - opened)


async def bench(net: PatientNetwork, rounds: int) -> tuple[dict[str, list[Window]], list[Drop]]:
    windows: dict[str, list[Window]] = {name: [] for name in MEASURED}
    drops: list[Drop] = []
    for number in range(rounds):
        for name in MEASURED:
            window, audio_only = await profile_call(net, name)
            windows[name].append(window)
            note = ", audio only engaged" if audio_only else ""
            print(f"round {number + 1}:{describe(PROFILES[name], window).lstrip()}{note}")
        drops.append(await drop_call(net))
        print(f"round {number + 1}: drop: video back in the app {drops[-1].back:.2f} s after")
    return windows, drops


def figures(windows: dict[str, list[Window]], drops: list[Drop]) -> list[Figure]:
    def of(name: str, read: str) -> float:
        side, field = read.split(".")
        return median([getattr(getattr(w, side), field) for w in windows[name]])

    clean = "clean link, same direction"
    found = [
        Figure(
            "clean link: the app's video to the patient",
            of("clean", "page.video_kbps"),
            of("clean", "app.video_kbps"),
            "kbps",
            "the patient's Chromium's video sender, same call",
        )
    ]
    for name in MEASURED[1:]:
        for side, direction in (("page", "to the patient"), ("app", "from the patient")):
            found.append(
                Figure(
                    f"{name}: video {direction}",
                    of(name, f"{side}.fps"),
                    of("clean", f"{side}.fps"),
                    "fps",
                    clean,
                )
            )
    found.append(
        Figure(
            "drop: the patient's video back after the link returns",
            1000 * median([d.back for d in drops]),
            1000 * median([d.first for d in drops]),
            "ms",
            "opening the link → the patient's first frame",
        )
    )
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="calls per profile (median)")
    args = parser.parse_args()
    require_loopback_only()
    with PatientNetwork.create() as net:
        require_only(["lo", net.host_if])
        aioice.ice.get_host_addresses = lambda use_ipv4, use_ipv6: [net.host_address]
        windows, drops = asyncio.run(bench(net, args.rounds))
    print(f"\nmedian of {args.rounds} calls per profile, {MEASURE_SECONDS:.0f} s measured each\n")
    print(table(figures(windows, drops)))


if __name__ == "__main__":
    main()
