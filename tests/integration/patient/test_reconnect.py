"""A patient whose network goes away for 5 seconds in the middle of the call: the page says so,
makes a new connection through the same link once the network is back, and the call goes on.

The patient's Chromium runs in a network namespace of its own, joined to the test's by a veth
pair (tests/helpers/netns.py); the hub and the call engine listen on the test's end. The cut
drops every packet on the link, both ways. bench/reconnect_bench.py measures the same thing.
"""

from __future__ import annotations

import asyncio
import time
from urllib.parse import urlsplit

import pytest

from tests.helpers.aio import async_test_timeout, until
from tests.helpers.browser import wait_for_frames_decoded
from tests.helpers.netns import PatientNetwork
from tests.integration.patient.rig import (
    CONNECTIONS,
    PHONE,
    assert_clean,
    browser_frames_after,
    join,
    rig,
    state_is,
)
from tooddoc_desk.calls.events import (
    CallConnected,
    CallEnded,
    CallReconnected,
    CallReconnecting,
    EndReason,
    PatientLeft,
    PatientWaiting,
)

pytestmark = pytest.mark.netns

CUT_SECONDS = 5.0
RECOVERY_LIMIT = 30.0  # a timeout, not a figure: the bench measures


@async_test_timeout(120)
async def test_the_call_comes_back_by_itself_after_a_5_second_network_cut(
    patient_network: PatientNetwork,
) -> None:
    net = patient_network
    async with rig(net) as r:
        room = await r.room()
        doctor = await r.practitioner(room, auto_admit=True)
        page, watch = await r.open(room.patient_url, PHONE)
        await join(page)
        await state_is(page, "in_call", 15_000)
        await wait_for_frames_decoded(page, 10)
        await doctor.received(10)

        net.cut()
        cut_at = time.monotonic()
        await state_is(page, "reconnecting", 10_000)
        assert await page.is_visible("#reconnect-panel")
        assert "Connection lost — reconnecting…" in (await page.inner_text("#reconnect-panel"))
        await doctor.events.wait_for(CallReconnecting, 10)
        # the outage itself lasts a set time: this sleep is the scenario, not a wait for an event
        await asyncio.sleep(max(0.0, CUT_SECONDS - (time.monotonic() - cut_at)))
        net.restore()
        restored = time.monotonic()

        page_back = await browser_frames_after(page, restored, RECOVERY_LIMIT)
        await until(
            lambda: doctor.first_frame_after(restored) is not None,
            "the patient's video reaching the call engine again",
            RECOVERY_LIMIT,
        )
        engine_back = doctor.first_frame_after(restored)
        assert engine_back is not None
        await state_is(page, "in_call", 5_000)
        print(
            f"\nrestore → media again: page {page_back - restored:.2f} s, "
            f"call engine {engine_back - restored:.2f} s"
        )

        assert await page.evaluate(CONNECTIONS) >= 2  # a new RTCPeerConnection, same link
        assert not await page.is_visible("#reconnect-panel")
        await doctor.events.wait_for(CallReconnected, 5)
        assert len(doctor.events.of(CallConnected)) >= 2
        assert doctor.events.of(CallEnded) == []
        await doctor.received(10)

        await page.click("#hangup")
        ended = await doctor.events.wait_for(CallEnded, 10)
        assert ended.reason is EndReason.PATIENT_HUNG_UP
        await state_is(page, "ended")
        await assert_clean(watch)


@async_test_timeout(120)
async def test_a_lost_signaling_socket_comes_back_and_a_later_cut_still_recovers(
    patient_network: PatientNetwork,
) -> None:
    net = patient_network
    async with rig(net) as r:
        room = await r.room()
        doctor = await r.practitioner(room, auto_admit=True)
        page, watch = await r.open(room.patient_url, PHONE)
        await join(page)
        await state_is(page, "in_call", 15_000)
        await doctor.received(10)

        # the socket to the hub is reset: the page opens a new one (a new patient session for
        # the hub) while the media goes on peer to peer
        net.reset_connections(urlsplit(r.hub.base_url).port or 80)
        await doctor.events.wait_for(PatientLeft, 10)
        await doctor.events.wait_for_count(PatientWaiting, 2, 10)
        await doctor.received(10)
        assert await page.get_attribute("#status", "data-state") == "in_call"
        assert await page.evaluate(CONNECTIONS) == 1

        # a cut now: the new connection goes over the new socket, the app lets them in again
        net.cut()
        await state_is(page, "reconnecting", 10_000)
        net.restore()
        restored = time.monotonic()
        await browser_frames_after(page, restored, RECOVERY_LIMIT)
        await until(
            lambda: doctor.first_frame_after(restored) is not None,
            "the patient's video reaching the call engine again",
            RECOVERY_LIMIT,
        )
        await state_is(page, "in_call", 5_000)
        assert doctor.events.of(CallEnded) == []

        await doctor.session.hang_up()
        await state_is(page, "ended")
        ended = await page.text_content("#ended-text")
        assert ended == "The practitioner ended the consultation."
        await assert_clean(watch)
