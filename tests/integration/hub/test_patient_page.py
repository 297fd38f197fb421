"""A real Chromium as the patient, the real hub, and an aiortc practitioner driven by the test:
the hub's rules as the patient's page lives them (the admission gate, invalid links, the
practitioner leaving). The page's own states are tested in tests/integration/patient/.

Runs in the loopback-only namespace (./test, or `unshare --net` with lo up): the peers only ever
see 127.0.0.1, and no ICE server is configured anywhere.
"""

from __future__ import annotations

from datetime import timedelta

import aiohttp
import httpx
import pytest
from playwright.async_api import Browser, Page

from tests.helpers.aio import async_test_timeout, within
from tests.helpers.browser import PageWatch, chromium, wait_for_frames_decoded, watch_page
from tests.helpers.hub import FakeClock, new_room, signaling
from tests.integration.hub.practitioner import Practitioner
from tooddoc_desk.core.language import Language
from tooddoc_desk.hub import HubClient, start_hub

pytestmark = [pytest.mark.netns, pytest.mark.usefixtures("loopback_only")]

INVALID_EN = "This link is no longer valid. Please call the practice."
INVALID_NL = "Deze link is niet meer geldig. Bel de praktijk."

# Functions, not bare expressions: Playwright evaluates those with eval(), which the page's CSP
# refuses (and reports as a violation).
PREVIEW_LIVE = "() => document.getElementById('preview').videoWidth > 0"


async def state_is(page: Page, state: str, wait_ms: float = 10_000) -> None:
    selector = f'#status[data-state="{state}"]'
    await page.wait_for_selector(selector, state="attached", timeout=wait_ms)


async def open_page(
    browser: Browser, url: str, **context_options: object
) -> tuple[Page, PageWatch]:
    context = await browser.new_context(**context_options)  # type: ignore[arg-type]
    page = await context.new_page()
    watch = await watch_page(page)
    await page.goto(url)
    return page, watch


async def assert_clean(watch: PageWatch) -> None:
    assert await watch.csp_violations() == []
    assert [str(error) for error in watch.errors] == []


@async_test_timeout(60)
async def test_a_patient_checks_joins_waits_is_admitted_and_talks() -> None:
    async with (
        await start_hub() as hub,
        aiohttp.ClientSession() as http,
        chromium() as browser,
        signaling(http, hub) as signal,
    ):
        room = await new_room(hub, "Cabinet Dr Peeters", Language.FR)
        assert (await signal.hello("practitioner", room.practitioner_token))["ice_servers"] == []
        practitioner = Practitioner(signal)
        try:
            page, watch = await open_page(browser, room.invite.patient_url, locale="en-GB")
            await signal.expect("patient_opened")
            await state_is(page, "ready")
            # the room's language wins over the browser's
            assert await page.get_attribute("html", "lang") == "fr"
            invitation = "Cabinet Dr Peeters vous invite à une consultation vidéo."
            assert await page.text_content("#invitation") == invitation
            await page.wait_for_function(PREVIEW_LIVE)
            assert await page.is_disabled("#join")

            await page.check("#consent")
            await page.click("#join")
            await state_is(page, "waiting")
            await signal.expect("patient_waiting")
            candidates = await practitioner.take_offer()
            assert candidates[-1]["candidate"] is None  # the page trickles, then says it is done
            answer = await practitioner.prepare_answer()

            await signal.send({"type": "answer", "sdp": answer})  # before admit: refused
            assert (await signal.expect("error"))["code"] == "not_admitted"
            assert await page.get_attribute("#status", "data-state") == "waiting"

            await signal.send({"type": "admit"})
            await signal.send({"type": "answer", "sdp": answer})
            await state_is(page, "in_call", wait_ms=15_000)
            assert await wait_for_frames_decoded(page, 10, seconds=15) >= 10
            await within(practitioner.enough_frames.wait(), 15, "video frames from the patient")
            assert practitioner.frames_received >= 10

            await page.click("#mute")
            assert await page.text_content("#mute") == "Activer le micro"
            await page.click("#camera")
            assert await page.text_content("#camera") == "Activer la caméra"
            disabled = "() => window.tooddoc.pc.getSenders().map((s) => s.track.enabled)"
            assert await page.evaluate(disabled) == [False, False]

            await page.click("#hangup")
            assert await signal.receive() == {"type": "bye", "from": "patient"}
            assert await signal.receive() == {"type": "closed", "reason": "hung_up"}
            await state_is(page, "ended")
            assert await page.text_content("#ended-text") == "Vous avez quitté la consultation."
            await assert_clean(watch)
        finally:
            await practitioner.close()


@async_test_timeout(60)
async def test_unknown_expired_and_closed_links_are_told_in_every_language() -> None:
    clock = FakeClock()
    async with (
        await start_hub(clock=clock) as hub,
        httpx.AsyncClient() as api,
        chromium() as browser,
    ):
        expired = await new_room(hub, ttl=timedelta(minutes=5))
        closed = await new_room(hub)
        await HubClient(api, hub.base_url, hub.api_key).close_room(closed.room_id)
        clock.advance(timedelta(minutes=5))
        for url in (
            f"{hub.base_url}/c/not-a-real-token",
            expired.invite.patient_url,
            closed.invite.patient_url,
        ):
            page, watch = await open_page(browser, url, locale="nl-BE")
            await state_is(page, "invalid")
            assert await page.text_content("#status") == INVALID_NL
            await page.click('[data-lang="en"]')
            assert await page.text_content("#status") == INVALID_EN
            assert await page.get_attribute("html", "lang") == "en"
            await assert_clean(watch)
            await page.context.close()


async def join(page: Page) -> None:
    await state_is(page, "ready")
    await page.wait_for_function(PREVIEW_LIVE)
    await page.check("#consent")
    await page.click("#join")
    await state_is(page, "waiting")


@async_test_timeout(60)
async def test_the_page_says_how_the_consultation_ended() -> None:
    async with (
        await start_hub() as hub,
        aiohttp.ClientSession() as http,
        httpx.AsyncClient() as api,
        chromium() as browser,
    ):
        room = await new_room(hub, language=Language.EN)
        page, watch = await open_page(browser, room.invite.patient_url)
        async with signaling(http, hub) as signal:
            await signal.hello("practitioner", room.practitioner_token)
            await join(page)
            await signal.expect("patient_opened")
            await signal.expect("patient_waiting")
            await signal.send({"type": "admit"})
            await state_is(page, "connecting")
        await page.wait_for_selector("#notice", state="visible")
        left = "The practitioner was disconnected. Please wait a moment."
        assert await page.text_content("#notice") == left
        await HubClient(api, hub.base_url, hub.api_key).close_room(room.room_id)
        await state_is(page, "ended")
        assert await page.text_content("#ended-text") == "The practice cancelled this consultation."
        await assert_clean(watch)

        room = await new_room(hub, language=Language.EN)
        page, watch = await open_page(browser, room.invite.patient_url)
        async with signaling(http, hub) as signal:
            await signal.hello("practitioner", room.practitioner_token)
            await join(page)
            await signal.expect("patient_opened")  # the patient is in the room: then the bye
            await signal.expect("patient_waiting")
            await signal.send({"type": "bye"})
            await state_is(page, "ended")
        ended = "The practitioner ended the consultation."
        assert await page.text_content("#ended-text") == ended
        await assert_clean(watch)
