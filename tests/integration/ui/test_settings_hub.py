"""A manager moves the running app from its built-in hub to the practice's hosted hub (a real hub
on loopback) and back, from Settings, without a restart: the key is checked against the hub
before anything is kept, and the hub does not change while a consultation still needs it."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.helpers.accounts import FAST_HASH, open_desk
from tests.helpers.aio import until
from tests.helpers.hosted_app import NoPrompts, patient_hello, run_on_qasync, send_invite
from tests.helpers.keyring_backend import FolderKeyring
from tooddoc_desk.app import App
from tooddoc_desk.config import Config, HubSettings, Settings
from tooddoc_desk.core.consultation import State
from tooddoc_desk.core.language import Language
from tooddoc_desk.hub.config import HubConfig
from tooddoc_desk.hub.server import start_hub
from tooddoc_desk.hub_keys import read_key
from tooddoc_desk.services.hub_choice import HUB_IN_USE
from tooddoc_desk.services.store_access import open_store
from tooddoc_desk.ui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.usefixtures("loopback_only")
KEY = "the-practice-key-of-cabinet-peeters"
WRONG_KEY = "not-the-key-of-this-hub-0123456789"


@asynccontextmanager
async def running(folder: Path) -> AsyncIterator[tuple[App, FolderKeyring]]:
    keyring = FolderKeyring(folder / "keyring")
    settings = Settings(language=Language.EN, hub=HubSettings(port=0), video_source="test-pattern")
    config = Config(data_dir=folder / "data", settings=settings)
    app = App(
        config,
        open_store(config.data_dir, keyring, NoPrompts()),
        keyring=keyring,
        hash_cost=FAST_HASH,
    )
    await app.start()
    app.parts.window.show()
    try:
        await open_desk(app)  # a practitioner who manages the practice
        yield app, keyring
    finally:
        await app.parts.window.tasks.drain()
        app.parts.window.hide()
        await app.stop()


def on_hosted_hub(app: App) -> bool:
    return app.parts.hub.hosted


def settings_of(app: App) -> SettingsDialog:
    app.parts.lock.open_settings()
    dialog = app.parts.lock.settings_dialog
    assert dialog is not None
    assert dialog.hub_box is not None
    return dialog


async def save(dialog: SettingsDialog) -> None:
    """Save, and the end of what it does: the dialog closed, or a refusal shown."""
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    await until(
        lambda: not dialog.isVisible() or bool(dialog.problems.shown), "saved, or a refusal"
    )


def test_the_hub_changes_from_settings_without_a_restart(
    qapp: QApplication, tmp_path: Path
) -> None:
    async def scenario() -> None:
        hosted = await start_hub(HubConfig(api_keys=(KEY,), practice_labels=("Cabinet Peeters",)))
        try:
            async with running(tmp_path) as (app, keyring):
                built_in = app.parts.hub.base_url
                assert not on_hosted_hub(app)

                # a key the hub does not hold: said next to the key; nothing changes
                dialog = settings_of(app)
                box = dialog.hub_box
                assert box is not None
                hub = box.fields
                assert hub.embedded.isChecked()
                assert box.in_use.text() == "In use: the built-in hub."
                hub.hosted.setFocus()
                QTest.keyClick(hub.hosted, Qt.Key.Key_Space)
                QTest.keyClicks(hub.url, hosted.base_url)
                QTest.keyClicks(hub.key, WRONG_KEY)
                await save(dialog)
                assert dialog.problems.shown == (
                    f"The hub at {hosted.base_url} does not know this practice key. Check it "
                    "with whoever runs the hub."
                )
                assert hub.key.accessibleDescription() == dialog.problems.shown
                assert hub.key.text() == WRONG_KEY  # there to correct
                assert app.parts.hub.base_url == built_in
                assert read_key(keyring, hosted.base_url) is None
                saved = json.loads((app.config.data_dir / "settings.json").read_text())
                assert saved["hub"]["mode"] == "embedded"

                # the right key: the app moves at once
                hub.key.setText(KEY)
                await save(dialog)
                assert dialog.problems.shown == ""
                assert not dialog.isVisible()
                assert on_hosted_hub(app)
                assert app.parts.hub.base_url == hosted.base_url
                assert read_key(keyring, hosted.base_url) == KEY
                saved = json.loads((app.config.data_dir / "settings.json").read_text())
                assert (saved["hub"]["mode"], saved["hub"]["url"]) == ("hosted", hosted.base_url)
                assert KEY not in json.dumps(saved)
                status = app.parts.window.statusBar().currentMessage()
                assert f"Hub: {hosted.base_url} (Cabinet Peeters)" in status

                # the next link leads to the hosted hub, which lets the patient in
                link = await send_invite(app)
                assert link.startswith(hosted.base_url + "/c/")
                assert (await patient_hello(link))["type"] == "welcome"

                # back to the built-in hub: not while that link still leads to the hosted one
                dialog = settings_of(app)
                box = dialog.hub_box
                assert box is not None
                hub = box.fields
                assert hub.hosted.isChecked()
                assert box.in_use.text() == f"In use: {hosted.base_url}."
                assert hub.key.placeholderText() == "kept in the keyring: leave empty to keep it"
                hub.embedded.setFocus()
                QTest.keyClick(hub.embedded, Qt.Key.Key_Space)
                await save(dialog)
                assert dialog.problems.shown == HUB_IN_USE
                assert app.parts.hub.base_url == hosted.base_url

                (waiting,) = app.parts.service.open_rooms()
                await app.parts.service.withdraw(waiting.id)
                await until(lambda: not app.parts.service.open_rooms(), "the link withdrawn")
                await save(dialog)
                assert not dialog.isVisible()
                assert not on_hosted_hub(app)
                await send_invite(app)
                latest = max(app.parts.service.today(), key=lambda c: c.created_at)
                assert latest.state is State.INVITED
                assert latest.link is not None
                assert latest.link.startswith(app.parts.hub.base_url + "/c/")
                assert app.parts.hub.base_url != hosted.base_url
        finally:
            await hosted.stop()

    run_on_qasync(qapp, scenario)
