"""The app (offscreen) set up for a hosted hub, and what a test does with it.

config = hosted_config(tmp_path / "data", hub_url)
keyring = FolderKeyring(tmp_path / "keyring"); save_key(keyring, hub_url, key)
app = App(config, open_store(config.data_dir, keyring, NoPrompts()), keyring=keyring)
run_on_qasync(qapp, scenario)              # scenario: an async function using the app
link = await send_invite(app)              # typed and sent as the practitioner would
welcome = await patient_hello(link)        # the patient's hello through the link's hub
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp
import qasync
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.helpers.aio import until
from tooddoc_desk.app import App
from tooddoc_desk.config import Config, HubSettings, Settings
from tooddoc_desk.hub.config import websocket_url

PRACTICE = "Cabinet Dr Peeters"
PATIENT_NUMBER = "0470 12 34 56"


class NoPrompts:
    def new_passphrase(self) -> str | None:
        raise AssertionError("the test keyring is there: no passphrase is needed")

    def passphrase(self, problem: str | None) -> str | None:
        raise AssertionError("the test keyring is there: no passphrase is needed")

    def recovery_key(self, problem: str) -> str | None:
        raise AssertionError(f"the store should open with the keyring: {problem}")


def hosted_config(data_dir: Path, hub_url: str) -> Config:
    settings = Settings(
        practice_name=PRACTICE,
        hub=HubSettings(mode="hosted", url=hub_url),
        video_source="test-pattern",
    )
    return Config(data_dir=data_dir, settings=settings)


def run_on_qasync(qapp: QApplication, scenario: Callable[[], Awaitable[None]]) -> None:
    loop = qasync.QEventLoop(qapp)
    try:
        loop.run_until_complete(scenario())
    finally:
        loop.close()


async def send_invite(app: App, number: str = PATIENT_NUMBER) -> str:
    """Types the number, clicks Send and returns the link the dev outbox shows."""
    window = app.parts.window
    panel = window.invite_panel
    before = window.outbox.messages.count()
    QTest.keyClicks(panel.contact_field, number)
    assert panel.send_button.isEnabled(), panel.feedback.text()
    QTest.mouseClick(panel.send_button, Qt.MouseButton.LeftButton)
    await until(lambda: window.outbox.messages.count() > before, "the invite in the dev outbox")
    text = window.outbox.messages.item(before).text()
    link = re.search(r"https?://\S+/c/[A-Za-z0-9_-]+", text)
    assert link is not None, "no link in the invite"
    return link.group(0)


async def patient_hello(link: str) -> dict[str, Any]:
    """Says hello as the patient through the hub the link points at; returns its answer."""
    base, token = link.rsplit("/c/", 1)
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(websocket_url(base)) as ws,
    ):
        await ws.send_json({"type": "hello", "v": 1, "role": "patient", "token": token})
        answer: dict[str, Any] = await ws.receive_json(timeout=10)
        return answer
