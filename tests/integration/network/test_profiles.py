"""A call on the networks patients call from: 3G, lossy 3G, EDGE, and a 5 second drop.

The patient's Chromium runs in a network namespace of its own on a veth pair; the hub and the
call engine (the real Session) on the test's end, behind the profile's rate caps, loss and
round trip (profiles.py). Each profile runs at least 30 seconds. What must hold is measured from
outside the engine (measure.py): the page's own statistics, the frames the practitioner's view
got, the audio frames each side decoded. The window starts once media flows both ways and has
settled for SETTLE_SECONDS (the start of a call probes the link; these bounds are about the
call). "Audio continuous": at least 95 % of the expected audio frames arrive.

bench/network_bench.py prints the same figures for each profile.
"""

from __future__ import annotations

import asyncio
import time

import pytest
from playwright.async_api import Page

from tests.helpers.aio import async_test_timeout, until
from tests.helpers.browser import wait_for_frames_decoded
from tests.helpers.netns import PatientNetwork
from tests.integration.network.measure import (
    SETTLE_SECONDS,
    describe,
    measured,
    metered_call,
)
from tests.integration.network.profiles import PROFILES, network, shape
from tests.integration.patient.rig import Practitioner, rig, state_is
from tooddoc_desk.calls import events as ev

pytestmark = [pytest.mark.netns, pytest.mark.network_profile]

AUDIO_CONTINUOUS = 0.95
AUDIO_ONLY_PANEL = "#audio-only-panel"
PAGE_SENDS_VIDEO = """() => {
  const pc = window.tooddoc.pc;
  const sender = pc && pc.getSenders().find((s) => s.track && s.track.kind === 'video');
  return sender ? sender.getParameters().encodings[0].active : null;
}"""


def qualities(doctor: Practitioner, start: float, end: float) -> list[ev.CallQuality]:
    """The engine's CallQuality events of the window (their `seconds` count from connection)."""
    connected = doctor.session.connected_at or 0.0
    return [q for q in doctor.events.of(ev.CallQuality) if start <= connected + q.seconds <= end]


async def paused_both_ways(doctor: Practitioner, page: Page, seconds: float = 20) -> None:
    async def check() -> bool:
        peer = doctor.session.peer
        encoder = peer.media.video_encoder if peer is not None else None
        engine_paused = encoder is not None and encoder.settings.paused
        return engine_paused and await page.evaluate(PAGE_SENDS_VIDEO) is False

    deadline = time.monotonic() + seconds
    while not await check():
        assert time.monotonic() < deadline, "the video was not paused both ways"
        await asyncio.sleep(0.2)


@async_test_timeout(150)
async def test_3g_average_keeps_video_both_ways_without_freezing(
    patient_network: PatientNetwork,
) -> None:
    profile = PROFILES["3g_average"]
    with network(patient_network, profile):
        async with rig(patient_network) as r:
            doctor, meter = await metered_call(r)
            window, start, end = await measured(meter, 60)
            await meter.stop()
            print(describe(profile, window))

            for received in (window.page, window.app):
                assert received.fps >= 10
                assert received.freezes_per_minute() <= 1
                assert received.audio_share >= AUDIO_CONTINUOUS
            assert doctor.events.of(ev.AudioOnlyStarted) == []
            seconds = qualities(doctor, start, end)
            assert len(seconds) >= 55  # one CallQuality a second
            assert all(q.to_patient.frames_per_second is not None for q in seconds[2:])
            assert doctor.events.of(ev.CallEnded) == []


@async_test_timeout(120)
async def test_3g_lossy_recovers_from_every_freeze_within_a_second(
    patient_network: PatientNetwork,
) -> None:
    profile = PROFILES["3g_lossy"]
    with network(patient_network, profile):
        async with rig(patient_network) as r:
            doctor, meter = await metered_call(r)
            window, start, end = await measured(meter, 30)
            await meter.stop()
            print(describe(profile, window))

            for received in (window.page, window.app):
                assert received.audio_share >= AUDIO_CONTINUOUS
                assert received.longest_freeze <= 1.0
                assert received.fps >= 10  # video goes on: 2 % loss is no reason to stop it
            seconds = qualities(doctor, start, end)
            losses = [q.from_patient.packet_loss for q in seconds]
            measured_loss = sum(x for x in losses if x is not None) / len(seconds)
            assert 0.005 < measured_loss < 0.05  # the engine sees the loss it recovers from
            assert doctor.events.of(ev.AudioOnlyStarted) == []


# 30 s measured, then a quiet try of the video every 15-45 s until the network gets better
@async_test_timeout(240)
async def test_edge_goes_audio_only_on_both_sides_and_video_comes_back_with_the_network(
    patient_network: PatientNetwork,
) -> None:
    profile = PROFILES["edge"]
    with network(patient_network, profile) as delay:
        async with rig(patient_network) as r:
            doctor, meter = await metered_call(r)
            page = meter.page
            window, start, _end = await measured(meter, 30)
            print(describe(profile, window))

            started = doctor.events.of(ev.AudioOnlyStarted)
            assert started, "audio only was never engaged"
            assert await page.is_visible(AUDIO_ONLY_PANEL)
            panel = await page.inner_text(AUDIO_ONLY_PANEL)
            assert "Audio only: the connection is too weak for video." in panel
            for received in (window.page, window.app):
                assert received.audio_share >= AUDIO_CONTINUOUS
            assert doctor.events.of(ev.CallEnded) == []
            quality = doctor.session.quality()
            assert quality is not None
            assert quality.audio_only
            assert quality.hint is ev.QualityHint.POOR
            # between quiet tries the video is paused both ways
            await paused_both_ways(doctor, page)

            # the network gets better (3G): the video comes back, both ways
            shape(patient_network, PROFILES["3g_average"])
            delay.one_way = PROFILES["3g_average"].rtt_ms / 2000
            await doctor.events.wait_for(ev.AudioOnlyEnded, 60)
            await until(lambda: not doctor.session.quality().audio_only, "video back", 5)  # type: ignore[union-attr]
            await page.wait_for_selector(AUDIO_ONLY_PANEL, state="hidden", timeout=5_000)
            back = time.monotonic()
            await doctor.received(30, 10)
            await wait_for_frames_decoded(page, 30, 10)
            await meter.stop()
            summary = doctor.session.summary()
            assert summary is not None
            assert summary.audio_only_minutes > 0.3
            assert back - start < 90


@async_test_timeout(120)
async def test_a_5_second_drop_the_consultation_goes_on_and_video_is_back_within_a_second(
    patient_network: PatientNetwork,
) -> None:
    profile = PROFILES["drop"]
    with network(patient_network, profile):
        async with rig(patient_network) as r:
            doctor, meter = await metered_call(r)
            page = meter.page
            await asyncio.sleep(SETTLE_SECONDS + 10)  # the call before the drop

            patient_network.cut()
            cut_at = time.monotonic()
            await state_is(page, "reconnecting", 10_000)
            await doctor.events.wait_for(ev.CallReconnecting, 10)
            await asyncio.sleep(max(0.0, 5.0 - (time.monotonic() - cut_at)))  # the outage
            patient_network.restore()
            restored = time.monotonic()

            await until(
                lambda: doctor.first_frame_after(restored) is not None,
                "the patient's video in the app again",
                10,
            )
            back = doctor.first_frame_after(restored)
            assert back is not None
            print(f"\ndrop: the patient's video back in the app {back - restored:.2f} s after")
            assert back - restored <= 1.0
            await state_is(page, "in_call", 5_000)
            await asyncio.sleep(15)  # the same consultation goes on
            window = await meter.window(time.monotonic() - 12, time.monotonic())
            await meter.stop()
            assert window.app.fps >= 10
            assert window.page.fps >= 10
            assert window.app.audio_share >= AUDIO_CONTINUOUS
            assert doctor.events.of(ev.CallEnded) == []
            assert doctor.events.of(ev.CallReconnected)
            summary = doctor.session.summary()
            assert summary is not None
            assert summary.reconnects >= 1
