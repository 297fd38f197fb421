"""The chat between the practitioner's window and the patient's page, with real parts: the main
window offscreen with the consultation service, the embedded hub and the encrypted store, the real
call (aiortc), and a real Chromium on a 360×640 phone as the patient.

A line typed in the app (Enter) reaches the folded chat on the phone as a badge and a live
announcement, and shows as text when opened, markup and all; the patient's line (Enter) reaches
the app; the page says when a line is too long and sends nothing; both lines are kept with the
consultation; the phone keeps them for a reload during the call, and forgets them at its end.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.helpers.aio import until
from tests.helpers.browser import chromium, watch_page
from tests.helpers.hosted_app import run_on_qasync
from tests.integration.patient.rig import PHONE, assert_clean, join, state_is
from tests.integration.services.rig import rig
from tests.integration.ui.desk import desk
from tooddoc_desk.core.chat import ChatSender
from tooddoc_desk.core.language import Language
from tooddoc_desk.messaging.dev_outbox import DevOutbox
from tooddoc_desk.services.events import CallFinished, CallStarted, PatientArrived

pytestmark = [pytest.mark.netns]

XSS = "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>"
ANSWER = "J'ai de la fièvre depuis mardi"
PWNED = "() => document.title === 'pwned' || document.querySelector('#chat img, #chat script')"


def test_a_line_each_way_between_the_window_and_the_phone(
    loopback_only: None, qapp: QApplication, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with (
            rig(tmp_path, DevOutbox()) as r,
            desk(r) as (window, _lock),
            chromium() as browser,
        ):
            consultation = await r.invited(language=Language.EN)
            assert consultation.link is not None
            context = await browser.new_context(viewport=PHONE)
            page = await context.new_page()
            watch = await watch_page(page)
            await page.goto(consultation.link)
            await join(page)
            await r.events.wait_for(PatientArrived)
            assert await page.is_hidden("#chat")  # nothing to write in the waiting room
            window.admit(consultation.id)
            await r.events.wait_for(CallStarted, 20)
            await state_is(page, "in_call", 15_000)

            # on a phone the chat is folded
            assert await page.is_visible("#chat-toggle")
            assert await page.get_attribute("#chat-toggle", "aria-expanded") == "false"
            assert await page.is_hidden("#chat-body")
            assert await page.is_hidden("#chat-badge")

            # the practitioner types, Enter sends: a badge and an announcement on the phone
            pane = window.chat
            QTest.keyClicks(pane.input, XSS)
            QTest.keyClick(pane.input, Qt.Key.Key_Return)
            await page.wait_for_selector("#chat-badge:not([hidden])")
            assert await page.text_content("#chat-badge") == "1 new"
            announced = await page.text_content("#chat-announce")
            assert announced == f"New message from the practitioner: {XSS}"
            assert await page.get_attribute("#chat-announce", "aria-live") == "polite"

            # opened: the line shows as text, markup and all; the badge goes
            await page.click("#chat-toggle")
            assert await page.get_attribute("#chat-toggle", "aria-expanded") == "true"
            assert await page.is_hidden("#chat-badge")
            assert await page.text_content("#chat-log li.theirs .text") == XSS
            assert (await page.text_content("#chat-log li.theirs .who") or "").startswith(
                "Practitioner · "
            )
            assert await page.evaluate("() => document.activeElement.id") == "chat-input"
            assert not await page.evaluate(PWNED)
            assert await page.get_attribute("#chat-log", "role") == "log"

            # the patient answers with Enter: the line reaches the window
            await page.keyboard.type(ANSWER)
            await page.keyboard.press("Enter")
            await page.wait_for_selector("#chat-log li.mine")
            assert await page.input_value("#chat-input") == ""
            await until(lambda: pane.transcript.count() == 2, "the patient's line in the app")
            assert pane.transcript.item(1).text().startswith("Patient · ")
            assert pane.transcript.item(1).text().endswith("\n" + ANSWER)
            assert pane.transcript.item(0).text().endswith("\n" + XSS)

            # too long: said on the page, nothing leaves
            await page.fill("#chat-input", "x" * 2001)
            note = "Message too long: 2001 characters, 2000 at most."
            assert await page.text_content("#chat-note") == note
            assert await page.get_attribute("#chat-input", "aria-invalid") == "true"
            await page.press("#chat-input", "Enter")
            assert await page.input_value("#chat-input") == "x" * 2001
            assert await page.locator("#chat-log li").count() == 2

            # the practitioner mutes and turns the camera off: the page says so, then not
            view = window.call_view
            view.mute_button.click()
            view.camera_button.click()
            off = "The practice’s camera is off. The practice’s microphone is muted."
            await page.wait_for_function(
                "(text) => document.getElementById('practice-media').textContent === text", arg=off
            )
            assert await page.is_visible("#practice-media")
            view.mute_button.click()
            view.camera_button.click()
            await page.wait_for_selector("#practice-media", state="hidden")

            # the page fits the phone: nothing wider than the screen
            width = await page.evaluate("() => document.documentElement.scrollWidth")
            assert width <= PHONE["width"]
            await assert_clean(watch)

            # a reload during the call: the app lets the patient back in, the lines are still there
            await page.reload()
            await state_is(page, "in_call", 20_000)
            assert await page.locator("#chat-log li").count() == 2
            assert await page.text_content("#chat-log li.mine .text") == ANSWER
            assert "mardi" in await page.evaluate("() => JSON.stringify(sessionStorage)")

            await page.click("#hangup")
            await r.events.wait_for(CallFinished, 20)
            await state_is(page, "ended")
            kept_on_phone = await page.evaluate("() => JSON.stringify(sessionStorage)")
            assert "mardi" not in kept_on_phone  # the tab forgets the chat with the call
            kept = r.store.consultations.chat.messages(consultation.id)
            assert [(m.sender, m.text) for m in kept] == [
                (ChatSender.PRACTITIONER, XSS),
                (ChatSender.PATIENT, ANSWER),
            ]

    run_on_qasync(qapp, scenario)
