"""The patient's page from the waiting room to the end of the call, against the real hub and the
real call engine (Session) as the practitioner, on a phone-sized and a desktop viewport.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from playwright.async_api import Page

from tests.helpers.aio import async_test_timeout
from tests.helpers.browser import wait_for_frames_decoded
from tests.helpers.hub import FakeClock
from tests.integration.patient.rig import (
    CONNECTIONS,
    PHONE,
    PRACTICE,
    VIEWPORTS,
    assert_clean,
    join,
    rig,
    state_is,
)
from tooddoc_desk.calls.events import (
    CallConnected,
    CallEnded,
    CallPrepared,
    EndReason,
    PatientWaiting,
)

pytestmark = [pytest.mark.netns, pytest.mark.usefixtures("loopback_only")]

SENDERS_ENABLED = "() => window.tooddoc.pc.getSenders().map((s) => s.track && s.track.enabled)"
REMOTE_PLAYING = "() => document.getElementById('remote-video').videoWidth > 0"


async def text(page: Page, selector: str) -> str:
    return (await page.text_content(selector) or "").strip()


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@async_test_timeout(90)
async def test_waiting_admitted_in_call_then_the_patient_hangs_up(viewport: str) -> None:
    async with rig() as r:
        room = await r.room()
        doctor = await r.practitioner(room)
        page, watch = await r.open(room.patient_url, VIEWPORTS[viewport])
        await join(page)
        await state_is(page, "waiting")
        assert await text(page, "#waiting-title") == f"{PRACTICE} has been told you are here."
        assert await page.is_visible("#self-video")
        await doctor.events.wait_for(PatientWaiting)
        await doctor.events.wait_for(CallPrepared, 10)

        # a reload in the waiting room: back in it by itself, with a new offer
        await page.reload()
        await state_is(page, "waiting")
        await doctor.events.wait_for_count(PatientWaiting, 2)
        await doctor.events.wait_for_count(CallPrepared, 2, 10)
        assert await page.is_checked("#consent")

        await doctor.session.admit()
        await state_is(page, "in_call", 15_000)
        assert await wait_for_frames_decoded(page, 10, seconds=15) >= 10
        await doctor.received(10)
        await page.wait_for_function(REMOTE_PLAYING)
        await page.wait_for_selector('#quality[data-quality="good"]', state="visible")
        assert await text(page, "#quality") == "Connection: good"
        assert (await text(page, "#call-time")).startswith("Duration: 0:0")
        assert not await page.is_visible("#waiting-panel")

        await page.click("#mute")
        assert await text(page, "#mute") == "Unmute"
        await page.click("#camera")
        assert await text(page, "#camera") == "Camera on"
        assert await page.evaluate(SENDERS_ENABLED) == [False, False]
        await page.click("#camera")
        assert await page.evaluate(SENDERS_ENABLED) == [False, True]

        await page.click("#hangup")
        ended = await doctor.events.wait_for(CallEnded, 10)
        assert ended.reason is EndReason.PATIENT_HUNG_UP
        await state_is(page, "ended")
        assert await text(page, "#ended-text") == "You left the consultation."
        await assert_clean(watch)


@async_test_timeout(90)
async def test_a_reload_during_the_call_comes_back_and_the_practitioner_hangs_up() -> None:
    async with rig() as r:
        room = await r.room()
        doctor = await r.practitioner(room, auto_admit=True)
        page, watch = await r.open(room.patient_url, PHONE)
        await join(page)
        await state_is(page, "in_call", 15_000)
        await doctor.received(5)

        await page.reload()  # the app lets a patient it was talking to back in by itself
        await state_is(page, "in_call", 15_000)
        assert await wait_for_frames_decoded(page, 5, seconds=15) >= 5
        await doctor.events.wait_for_count(CallConnected, 2, 15)
        await doctor.received(5)
        assert await page.evaluate(CONNECTIONS) == 1  # the reloaded page's first connection
        assert doctor.events.of(CallEnded) == []

        await doctor.session.hang_up()
        await state_is(page, "ended")
        assert await text(page, "#ended-text") == "The practitioner ended the consultation."
        await page.reload()  # the link is spent
        await state_is(page, "invalid")
        await assert_clean(watch)


@async_test_timeout(90)
async def test_expired_and_cancelled_links() -> None:
    clock = FakeClock()
    async with rig(clock=clock) as r:
        room = await r.room(ttl=timedelta(minutes=5))
        doctor = await r.practitioner(room)
        page, watch = await r.open(room.patient_url, PHONE)
        await join(page)
        clock.advance(timedelta(minutes=6))
        await r.hub.sweep()
        await state_is(page, "ended")
        assert await text(page, "#ended-text") == "This consultation is over: its link has expired."
        ended = await doctor.events.wait_for(CallEnded)
        assert (ended.reason, ended.detail) == (EndReason.ROOM_CLOSED, "expired")

        await page.reload()  # an expired link, opened
        await state_is(page, "invalid")
        assert (
            await text(page, "#status") == "This link is no longer valid. Please call the practice."
        )
        assert "Deze link is niet meer geldig. Bel de praktijk." in await text(
            page, "#view-invalid"
        )
        await assert_clean(watch)
        await page.context.close()

        room = await r.room()
        page, watch = await r.open(room.patient_url, PHONE)
        await join(page)
        await r.rooms.close_room(room.room_id)
        await state_is(page, "ended")
        assert await text(page, "#ended-text") == "The practice cancelled this consultation."
        await assert_clean(watch)
