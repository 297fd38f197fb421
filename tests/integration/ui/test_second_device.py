"""The second-device question in the main window, with real parts: the window offscreen, the
consultation service, the embedded hub, the real Session; two scripted patient devices."""

from __future__ import annotations

from pathlib import Path

import qasync
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.helpers.aio import until
from tests.helpers.hub import signaling
from tests.integration.services.rig import PATIENT, rig, token_of
from tooddoc_desk.core.clock import SystemClock
from tooddoc_desk.core.language import Language
from tooddoc_desk.messaging.dev_outbox import DevOutbox
from tooddoc_desk.ui.main_window import MainWindow

PHONE = "0123456789abcdef0123456789abcdef"
LAPTOP = "fedcba9876543210fedcba9876543210"


def test_the_window_asks_and_lets_the_new_device_in(
    loopback_only: None, qapp: QApplication, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with rig(tmp_path, DevOutbox()) as r:
            window = MainWindow(r.service, SystemClock(), Language.EN, "Cabinet Test")
            window.show()
            try:
                consultation = await r.invited(PATIENT, Language.EN)
                token = token_of(consultation.link)
                async with (
                    signaling(r.websockets, r.hub) as phone,
                    signaling(r.websockets, r.hub) as laptop,
                ):
                    await phone.hello("patient", token, PHONE)
                    assert not window.device_prompt.isVisible()
                    await laptop.hello("patient", token, LAPTOP)
                    await until(window.device_prompt.isVisible, "the second-device question")
                    assert window.device_prompt.who.text() == ("Consultation with +32 470 12 34 56")
                    QTest.mouseClick(window.device_prompt.let_in_button, Qt.MouseButton.LeftButton)
                    assert not window.device_prompt.isVisible()
                    assert await laptop.receive() == {"type": "device_accepted"}
                    assert await phone.receive() == {"type": "closed", "reason": "moved"}
            finally:
                await window.tasks.drain()
                window.hide()  # (closing the last window would stop the loop)

    loop = qasync.QEventLoop(qapp)
    try:
        loop.run_until_complete(scenario())
    finally:
        loop.close()


def test_the_question_goes_away_when_the_consultation_ends(
    loopback_only: None, qapp: QApplication, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with rig(tmp_path, DevOutbox()) as r:
            window = MainWindow(r.service, SystemClock(), Language.EN, "Cabinet Test")
            window.show()
            try:
                consultation = await r.invited(PATIENT, Language.EN)
                token = token_of(consultation.link)
                async with (
                    signaling(r.websockets, r.hub) as phone,
                    signaling(r.websockets, r.hub) as laptop,
                ):
                    await phone.hello("patient", token, PHONE)
                    await laptop.hello("patient", token, LAPTOP)
                    await until(window.device_prompt.isVisible, "the second-device question")
                    await phone.send({"type": "bye"})  # the patient hangs up on the first one
                    await until(lambda: not window.device_prompt.isVisible(), "the prompt gone")
                    assert window.device_prompt.pending == []
            finally:
                await window.tasks.drain()
                window.hide()  # (closing the last window would stop the loop)

    loop = qasync.QEventLoop(qapp)
    try:
        loop.run_until_complete(scenario())
    finally:
        loop.close()
