"""One patient device per link, in real browsers: each browser context is a device of its own
(its own localStorage, so its own device id). The practitioner is the real call engine.
"""

from __future__ import annotations

import pytest
from playwright.async_api import Page

from tests.helpers.aio import async_test_timeout
from tests.helpers.browser import wait_for_frames_decoded
from tests.integration.patient.rig import PHONE, assert_clean, join, rig, state_is
from tooddoc_desk.calls.events import CallConnected, CallEnded, CallInterrupted, SecondDevice

pytestmark = [pytest.mark.netns, pytest.mark.usefixtures("loopback_only")]

HELD = (
    "This link is already open on another device. The practice has been asked to let you in here."
)


async def text(page: Page, selector: str) -> str:
    return (await page.text_content(selector) or "").strip()


@async_test_timeout(90)
async def test_a_second_device_waits_for_the_practice_which_moves_the_call_or_refuses() -> None:
    async with rig() as r:
        room = await r.room()
        doctor = await r.practitioner(room, auto_admit=True)
        phone, phone_watch = await r.open(room.patient_url, PHONE)
        await join(phone)
        await state_is(phone, "in_call", 15_000)
        await doctor.received(5)

        laptop, laptop_watch = await r.open(room.patient_url, PHONE)
        await state_is(laptop, "held")
        assert await text(laptop, "#status") == HELD
        assert await laptop.is_visible("#view-held")
        assert not await laptop.is_visible("#join")
        await doctor.events.wait_for(SecondDevice)
        await doctor.received(5)  # the phone's call is not disturbed

        await doctor.session.decide_device(True)
        await state_is(phone, "moved")
        assert await text(phone, "#ended-text") == "The consultation continues on another device."
        await doctor.events.wait_for(CallInterrupted)
        await join(laptop)  # consent and Join, as any patient; let in again by the app
        await state_is(laptop, "in_call", 15_000)
        await doctor.events.wait_for_count(CallConnected, 2, 15)
        assert await wait_for_frames_decoded(laptop, 5, seconds=15) >= 5
        await doctor.received(5)

        intruder, intruder_watch = await r.open(room.patient_url, PHONE)
        await state_is(intruder, "held")
        await doctor.events.wait_for_count(SecondDevice, 2)
        await doctor.session.decide_device(False)
        await state_is(intruder, "refused")
        refused = await text(intruder, "#ended-text")
        assert refused.startswith("The practice did not let this device in.")
        await doctor.received(5)  # the laptop's call goes on
        assert doctor.events.of(CallEnded) == []

        await laptop.click("#hangup")
        await doctor.events.wait_for(CallEnded, 10)
        for watch in (phone_watch, laptop_watch, intruder_watch):
            await assert_clean(watch)
