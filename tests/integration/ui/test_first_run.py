"""The first run, through the real window, the real encrypted store, the tests' keyring and a
real hub on loopback: each page refuses bad input next to its field and keeps what was typed;
the recovery key is typed back before anything is kept; at the end the settings, the hub's key
and the people are stored, the app runs with them without a restart, and the next start goes
straight to the sign-in page. A first run left half way is shown again at the next start, with
a new recovery key."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.helpers.accounts import (
    FAST_HASH,
    INAMI,
    NAME,
    PASSWORD,
    next_page,
    on,
    open_desk,
    wizard_of,
)
from tests.helpers.aio import until
from tests.helpers.hosted_app import NoPrompts, run_on_qasync
from tests.helpers.keyring_backend import FolderKeyring
from tooddoc_desk.app import App
from tooddoc_desk.config import Config, HubSettings, Settings, load_config
from tooddoc_desk.core.language import Language
from tooddoc_desk.core.users import Role
from tooddoc_desk.hub.config import HubConfig
from tooddoc_desk.hub.server import start_hub
from tooddoc_desk.hub_keys import read_key
from tooddoc_desk.services.first_run import Step
from tooddoc_desk.services.store_access import open_store
from tooddoc_desk.storage.errors import WrongRecoveryKey
from tooddoc_desk.storage.keyslots import KeySlots
from tooddoc_desk.storage.store_paths import StorePaths

pytestmark = pytest.mark.usefixtures("loopback_only")
WRONG_KEY = "not-the-key-of-this-hub-0123456789"


def first_config(folder: Path) -> Config:
    settings = Settings(language=Language.EN, hub=HubSettings(port=0), video_source="test-pattern")
    return Config(data_dir=folder / "data", settings=settings)


@asynccontextmanager
async def running(folder: Path, config: Config | None = None) -> AsyncIterator[App]:
    """The app on the data folder in `folder` (its settings.json, once there is one), shown."""
    keyring = FolderKeyring(folder / "keyring")
    if config is None:
        config = load_config(folder / "data")
    opened = open_store(config.data_dir, keyring, NoPrompts())
    app = App(config, opened, keyring=keyring, hash_cost=FAST_HASH)
    await app.start()
    app.parts.window.show()
    try:
        yield app
    finally:
        await app.parts.window.tasks.drain()
        app.parts.window.hide()
        await app.stop()


def test_the_whole_first_run_with_a_hosted_hub(qapp: QApplication, tmp_path: Path) -> None:
    async def scenario() -> None:
        key = "the-practice-key-of-cabinet-peeters"
        hub = await start_hub(HubConfig(api_keys=(key,), practice_labels=("Cabinet Peeters",)))
        try:
            async with running(tmp_path, first_config(tmp_path)) as app:
                await first_run(app, hub.base_url, hub.api_key)
                assert app.parts.hub.hosted  # the hub chosen, without a restart
                assert app.parts.hub.base_url == hub.base_url
                assert "Cabinet Medical Peeters" in app.parts.window.windowTitle()
                assert app.parts.lock.who.text() == NAME
                assert app.parts.lock.first_run is None
            async with running(tmp_path) as again:  # the next start: the sign-in page
                assert again.parts.lock.first_run is None
                assert not again.parts.lock.unlocked()
                assert again.parts.hub.hosted
                await open_desk(again)
                people = {user.name: user for user in again.parts.accounts.users()}
                assert people["Anne"].roles == {Role.RECEPTIONIST}
                assert people[NAME].roles == {Role.PRACTITIONER, Role.MANAGER}
                assert people[NAME].inami == "12345678901"
        finally:
            await hub.stop()

    run_on_qasync(qapp, scenario)
    saved = json.loads((tmp_path / "data" / "settings.json").read_text())
    assert saved["practice_name"] == "Cabinet Medical Peeters"
    assert saved["hub"]["mode"] == "hosted"
    assert saved["sms"]["provider"] == "none"
    assert "api_key" not in json.dumps(saved)


async def first_run(app: App, hub_url: str, hub_key: str) -> None:
    wizard = wizard_of(app)
    practice = wizard.practice
    assert on(wizard, Step.PRACTICE)
    assert wizard.step_line.text() == "Step 1 of 5: The practice"
    await next_page(wizard, practice.name)  # no name yet
    assert on(wizard, Step.PRACTICE)
    assert (
        practice.problems.shown == "The practice's name, shown to patients, has 1 to 80 characters."
    )
    assert practice.name.accessibleDescription() == practice.problems.shown
    QTest.keyClicks(practice.name, "Cabinet Medical Peeters")
    await next_page(wizard, practice.name)

    people = wizard.people
    assert on(wizard, Step.PEOPLE)
    QTest.keyClicks(people.name, NAME)
    QTest.keyClicks(people.inami, "12345")
    QTest.keyClicks(people.secret, PASSWORD)
    QTest.keyClicks(people.again, PASSWORD + "!")
    await next_page(wizard, people.again)
    assert people.problems.shown == "The two passwords differ."
    assert people.again.text() == ""
    QTest.keyClicks(people.again, PASSWORD)
    await next_page(wizard, people.again)
    assert people.problems.shown == "An INAMI number has 11 digits, like 1-23456-78-901."
    assert people.inami.hasFocus() or not app.parts.window.isActiveWindow()
    assert people.name.text() == NAME  # nothing typed is lost
    people.inami.setText(INAMI)
    # a receptionist, right away: a PIN too short is refused, then she is added
    QTest.keyClicks(people.other_name, "Anne")
    QTest.keyClicks(people.other_secret, "48291")
    people.other_secret.setFocus()
    QTest.keyClick(people.other_secret, Qt.Key.Key_Return)  # Enter adds her
    assert people.problems.shown == "A PIN has 6 to 12 digits."
    assert people.others == []
    QTest.keyClicks(people.other_secret, "2")
    QTest.keyClick(people.other_secret, Qt.Key.Key_Return)
    assert [person.name for person in people.others] == ["Anne"]
    assert people.list.item(0).text() == "Anne — Reception"
    QTest.keyClicks(people.other_name, "anne")  # the same name again
    QTest.keyClicks(people.other_secret, "739154")
    QTest.mouseClick(people.add_button, Qt.MouseButton.LeftButton)
    assert people.problems.shown == "anne: another person has this name already."
    people.other_name.clear()
    people.other_secret.clear()
    await next_page(wizard, people.name)

    page = wizard.hub
    hub = page.fields
    assert on(wizard, Step.HUB)
    assert hub.embedded.isChecked()
    QTest.keyClick(hub.hosted, Qt.Key.Key_Space)
    QTest.keyClicks(hub.url, "http://hub.example.be")
    QTest.keyClicks(hub.key, WRONG_KEY)
    await next_page(wizard, hub.key)
    assert page.problems.shown.startswith("Type the hub's address alone")
    hub.url.setText(hub_url)
    await next_page(wizard, hub.key)  # a key the hub does not hold
    assert page.problems.shown == (
        f"The hub at {hub_url} does not know this practice key. Check it with whoever runs the hub."
    )
    assert hub.key.text() == WRONG_KEY  # there to correct
    hub.key.setText(hub_key)
    await next_page(wizard, hub.key)
    assert page.practice_seen == "Cabinet Peeters"

    messages = wizard.messages
    assert on(wizard, Step.MESSAGES)
    assert messages.outbox.isChecked()  # the dev outbox, unless told otherwise
    QTest.keyClick(messages.send, Qt.Key.Key_Space)
    await next_page(wizard, messages.send)
    assert messages.problems.shown == (
        "Choose an SMS provider or a mail server, or keep the invites in the app."
    )
    messages.sms.provider.setCurrentIndex(messages.sms.provider.findData("twilio"))
    QTest.keyClicks(messages.sms.sender_id, "DrPeeters")
    QTest.keyClicks(messages.sms.account, "AC123")
    await next_page(wizard, messages.sms.account)
    assert messages.problems.shown.startswith("The Twilio account SID is AC followed by 32")
    assert messages.sms.account.accessibleDescription() == messages.problems.shown
    QTest.keyClick(messages.outbox, Qt.Key.Key_Space)  # not today after all
    await next_page(wizard, messages.outbox)

    recovery = wizard.recovery
    assert on(wizard, Step.RECOVERY)
    assert "gone for good" in recovery.warning.text()
    shown = recovery.card.key.text()
    QTest.mouseClick(recovery.card.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == shown
    QTest.keyClicks(recovery.typed, "ABCD-EFGH")
    await next_page(wizard, recovery.typed)
    assert recovery.problems.shown.startswith("A recovery key has 32 letters and digits")
    assert not app.parts.lock.unlocked()
    other = "-".join("A" * 4 for _ in range(8))
    recovery.typed.setText(other)
    await next_page(wizard, recovery.typed)
    assert recovery.problems.shown == (
        "This is not the recovery key shown above: compare each group of four."
    )
    assert app.parts.accounts.needs_first_user()  # nothing kept before it is typed back
    assert not (app.config.data_dir / "settings.json").exists()

    QTest.mouseClick(wizard.back_button, Qt.MouseButton.LeftButton)  # back, and on again
    assert on(wizard, Step.MESSAGES)
    await next_page(wizard, messages.outbox)
    recovery.typed.setText(shown.replace("-", " ").lower())  # as a person may type it
    QTest.keyClick(recovery.typed, Qt.Key.Key_Return)
    await until(app.parts.lock.unlocked, "the desk")
    assert QApplication.clipboard().text() == ""  # the copied key is gone from the clipboard
    keyring = FolderKeyring(app.config.data_dir.parent / "keyring")
    assert read_key(keyring, hub_url) == hub_key
    paths = StorePaths(app.config.data_dir)
    assert KeySlots.load(paths.keys).unlock_with_recovery_key(shown) is not None


def test_a_first_run_left_half_way_starts_again_with_a_new_recovery_key(
    qapp: QApplication, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with running(tmp_path, first_config(tmp_path)) as app:
            wizard = wizard_of(app)
            QTest.keyClicks(wizard.practice.name, "Cabinet Janssens")
            for _ in range(4):
                wizard.show_step(wizard.step.__class__(wizard.step + 1))
            first_key = wizard.recovery.card.key.text()
            assert not wizard.recovery.replaced.isVisibleTo(wizard.recovery)
        # the app was closed there: no account, nothing kept but the store
        async with running(tmp_path, first_config(tmp_path)) as again:
            wizard = wizard_of(again)
            assert on(wizard, Step.PRACTICE)
            assert wizard.practice.name.text() == ""
            new_key = wizard.recovery.card.key.text()
            assert new_key != first_key
            assert wizard.recovery.replaced.isVisibleTo(wizard.recovery)
            slots = KeySlots.load(StorePaths(again.config.data_dir).keys)
            with pytest.raises(WrongRecoveryKey):
                slots.unlock_with_recovery_key(first_key)  # never confirmed: it no longer works
            await open_desk(again)
            assert not again.parts.accounts.needs_first_user()

    run_on_qasync(qapp, scenario)
