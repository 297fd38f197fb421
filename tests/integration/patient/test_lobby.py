"""Before the waiting room, in a real Chromium on a phone-sized and a desktop viewport: language,
practice name, consent, camera preview, microphone level, sound test, keyboard use, and the help
a patient gets when the camera is refused or missing or the link opened inside an app.
"""

from __future__ import annotations

import pytest
from playwright.async_api import Page, WebSocketRoute

from tests.helpers.aio import async_test_timeout
from tests.helpers.browser import watch_page
from tests.integration.patient.rig import (
    DESKTOP,
    PHONE,
    PRACTICE,
    PREVIEW_LIVE,
    VIEWPORTS,
    Rig,
    assert_clean,
    rig,
    state_is,
)
from tooddoc_desk.core.language import Language

pytestmark = [pytest.mark.netns, pytest.mark.usefixtures("loopback_only")]

NO_CAMERA = """(() => {
  const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = (constraints) => constraints && constraints.video
    ? Promise.reject(new DOMException('no camera here', 'NotFoundError'))
    : original(constraints);
})();"""
NO_CLIPBOARD = "Object.defineProperty(navigator, 'clipboard', { value: undefined });"
NO_MICROPHONE = """(() => {
  navigator.mediaDevices.getUserMedia = () =>
    Promise.reject(new DOMException('no microphone here', 'NotFoundError'));
})();"""

INSTAGRAM_ANDROID = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/UQ1A.240205.004; wv) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Version/4.0 Chrome/122.0.6261.64 Mobile Safari/537.36 Instagram "
    "321.0.0.32.118 Android (34/14; 420dpi; 1080x2205; Google/google; Pixel 8; shiba; en_GB)"
)
FACEBOOK_IOS = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/440.0.0.0;FBBV/1]"
)
WHATSAPP_ANDROID = (
    "Mozilla/5.0 (Linux; Android 13; SM-A536B) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Mobile Safari/537.36 WhatsApp/2.24.1.6"
)

FOCUSED = "() => document.activeElement && document.activeElement.id"
FOCUS_RING = """() => {
  const style = getComputedStyle(document.activeElement);
  return [style.outlineStyle, style.outlineWidth];
}"""
NO_SIDEWAYS_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"


async def text(page: Page, selector: str) -> str:
    return (await page.text_content(selector) or "").strip()


async def tab_to(page: Page, element_id: str, presses: int = 20) -> None:
    """Moves the keyboard focus forward with Tab until `element_id` has it."""
    for _ in range(presses):
        await page.keyboard.press("Tab")
        if await page.evaluate(FOCUSED) == element_id:
            return
    raise AssertionError(f"#{element_id} is not reachable with Tab")


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@async_test_timeout(60)
async def test_the_lobby_speaks_the_rooms_language_checks_devices_and_sound(
    viewport: str,
) -> None:
    async with rig() as r:
        room = await r.room(Language.NL)
        context = await r.browser.new_context(viewport=VIEWPORTS[viewport], locale="fr-BE")
        page = await context.new_page()
        watch = await watch_page(page)
        await page.clock.install()  # the page's clock, to let time pass in the waiting room
        await page.goto(room.patient_url)
        await state_is(page, "ready")
        # the practice chose the message's language: the room's language wins over the browser's
        assert await page.get_attribute("html", "lang") == "nl"
        assert (
            await text(page, "#invitation") == f"{PRACTICE} nodigt u uit voor een videoconsultatie."
        )
        assert PRACTICE in await text(page, ".brand")
        await page.wait_for_function(PREVIEW_LIVE)
        assert await page.get_attribute("#view-lobby", "data-device") == "ok"
        await page.wait_for_function("() => document.getElementById('mic-level').value > 0.01")

        await page.click('[data-lang="de"]')
        assert await text(page, "#join") == "Teilnehmen"
        assert await page.get_attribute('[data-lang="de"]', "aria-pressed") == "true"
        await page.click('[data-lang="en"]')
        assert await text(page, "#join") == "Join"

        # the sound test: three notes through the default output, then a question
        await page.click("#speaker-test")
        await page.wait_for_selector('#speaker[data-state="asked"]')
        assert await page.evaluate("() => window.tooddoc.tones") == 1  # played to its end
        assert await page.evaluate(FOCUSED) == "speaker-yes"
        await page.click("#speaker-no")
        assert await page.get_attribute("#speaker", "data-state") == "not_heard"
        assert (await text(page, "#speaker-help")).startswith("Turn the volume up")
        await page.click("#speaker-test")
        await page.wait_for_selector('#speaker[data-state="asked"]')
        await page.click("#speaker-yes")
        assert await text(page, "#speaker-help") == "Good: you will hear the practitioner."

        # consent first; the phone shows everything without sideways scrolling
        assert await page.is_disabled("#join")
        assert await page.is_visible("#join-hint")
        assert await page.evaluate(NO_SIDEWAYS_SCROLL)
        box = await page.locator("#join").bounding_box()
        assert box is not None
        assert box["height"] >= 48
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= VIEWPORTS[viewport]["width"]

        # the keyboard alone: Tab to the consent, Space ticks it, Tab to Join, Enter joins
        await page.focus("#speaker-test")
        await tab_to(page, "consent")
        assert await page.evaluate(FOCUS_RING) == ["solid", "4px"]
        await page.keyboard.press("Space")
        assert await page.is_checked("#consent")
        await tab_to(page, "join", presses=2)
        assert await page.evaluate(FOCUS_RING) == ["solid", "4px"]
        await page.keyboard.press("Enter")
        await state_is(page, "waiting")
        title = f"{PRACTICE} has been told you are here."
        assert await text(page, "#waiting-title") == title
        assert await text(page, "#elapsed") == ""  # no ticking clock in the waiting room
        assert await text(page, "#hangup") == "Leave"
        await page.clock.fast_forward("05:10")
        await page.wait_for_function("() => document.getElementById('elapsed').textContent !== ''")
        assert await text(page, "#elapsed") == "You have been waiting for about 5 minutes."

        # a reload goes back to the waiting room by itself, in the language chosen
        await page.reload()
        await state_is(page, "waiting")
        assert await page.get_attribute("html", "lang") == "en"
        await assert_clean(watch)


@async_test_timeout(60)
async def test_a_hello_the_hub_never_answers_is_abandoned_and_tried_again() -> None:
    async with rig() as r:
        room = await r.room()
        context = await r.browser.new_context(viewport=PHONE)
        page = await context.new_page()
        sockets: list[WebSocketRoute] = []

        def first_silent(socket: WebSocketRoute) -> None:
            sockets.append(socket)
            if len(sockets) > 1:
                socket.connect_to_server()  # the first is accepted and never answered

        await page.route_web_socket("**/ws", first_silent)
        await page.goto(room.patient_url)
        await state_is(page, "ready", 15_000)
        assert len(sockets) == 2
        assert PRACTICE in await text(page, ".brand")  # from the welcome


@async_test_timeout(60)
async def test_a_refused_camera_gets_clear_help_and_no_join() -> None:
    async with rig(fake_media_ui=False) as r:
        room = await r.room()
        page, watch = await r.open(room.patient_url, PHONE, permissions=[])
        await state_is(page, "ready")
        await page.wait_for_selector("#retry", state="visible")
        assert await page.get_attribute("#view-lobby", "data-device") == "denied"
        help_text = await text(page, "#status")  # said aloud: #status is live
        assert help_text.startswith("The camera or microphone is blocked.")
        assert "Settings › Safari" in help_text
        await page.check("#consent")
        assert await page.is_disabled("#join")

        await page.context.grant_permissions(["camera", "microphone"])
        await page.click("#retry")
        await page.wait_for_function(PREVIEW_LIVE)
        assert await page.is_enabled("#join")
        await assert_clean(watch)


@async_test_timeout(60)
async def test_no_camera_joins_with_sound_and_no_microphone_cannot_join() -> None:
    async with rig() as r:
        page = await page_with(r, NO_CAMERA)
        no_camera = "No camera was found. You can join with sound only."
        await page.wait_for_selector('#view-lobby[data-device="no_camera"]', state="attached")
        assert await text(page, "#device-note") == no_camera
        await page.check("#consent")
        assert await page.is_enabled("#join")
        assert not await page.is_visible("#preview")
        await page.context.close()

        page = await page_with(r, NO_MICROPHONE)
        await page.wait_for_selector('#view-lobby[data-device="no_mic"]', state="attached")
        assert (await text(page, "#status")).startswith("No microphone was found.")
        assert await page.is_visible("#retry")
        await page.check("#consent")
        assert await page.is_disabled("#join")
        await page.context.close()


async def page_with(r: Rig, script: str) -> Page:
    room = await r.room()
    context = await r.browser.new_context(viewport=PHONE)
    await context.add_init_script(script)
    page = await context.new_page()
    await page.goto(room.patient_url)
    await state_is(page, "ready")
    return page


@async_test_timeout(60)
async def test_in_app_browsers_are_told_how_to_open_the_real_browser() -> None:
    async with rig() as r:
        room = await r.room()
        context = await r.browser.new_context(viewport=PHONE, user_agent=INSTAGRAM_ANDROID)
        await context.add_init_script(NO_CLIPBOARD)  # as in many in-app browsers
        page = await context.new_page()
        watch = await watch_page(page)
        await page.goto(room.patient_url)
        await state_is(page, "ready")
        assert await page.is_visible("#inapp")
        advice = await text(page, "#inapp-text")
        assert "⋮" in advice
        assert "Open in Chrome" in advice
        # no clipboard: the link is shown, selected, to be copied by hand
        await page.click("#copy-link")
        await page.wait_for_selector("#link-box", state="visible")
        assert await page.input_value("#link-text") == room.patient_url
        assert (await text(page, "#copied")).startswith("Copy the link below")
        await assert_clean(watch)
        await page.context.close()

        # each context is a device of its own: a room each (one device per room)
        room = await r.room()
        page, _ = await r.open(
            room.patient_url,
            DESKTOP,
            user_agent=FACEBOOK_IOS,
            permissions=["clipboard-read", "clipboard-write"],
        )
        await state_is(page, "ready")
        assert "Open in Safari" in await text(page, "#inapp-text")
        await page.click("#copy-link")
        await page.wait_for_function("() => document.getElementById('copied').textContent !== ''")
        assert (await text(page, "#copied")).startswith("Link copied.")
        copied = await page.evaluate("() => navigator.clipboard.readText()")
        assert copied == room.patient_url
        await page.context.close()

        room = await r.room()
        page, _ = await r.open(room.patient_url, PHONE, user_agent=WHATSAPP_ANDROID)
        await state_is(page, "ready")
        assert await page.is_visible("#inapp")
        await page.context.close()

        room = await r.room()
        page, _ = await r.open(room.patient_url, PHONE)
        await state_is(page, "ready")
        assert not await page.is_visible("#inapp")
        await page.context.close()
