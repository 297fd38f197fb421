"""A manager changes the practice's settings from the window, and the running app follows
without a restart: the SMS provider (its token kept in the keyring), the practice's name in
links and in the title, the idle lock. Anything refused is said and nothing is written."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.helpers.accounts import open_desk
from tests.helpers.aio import Recorder
from tests.helpers.hosted_app import NoPrompts, run_on_qasync
from tests.helpers.keyring_backend import FolderKeyring
from tests.helpers.sms_providers import TWILIO_SID, TWILIO_TOKEN, FakeTwilio
from tooddoc_desk.app import App
from tooddoc_desk.config import Config, HubSettings, Settings
from tooddoc_desk.core.delivery import DeliveryState
from tooddoc_desk.core.language import Language
from tooddoc_desk.core.users import NotAllowed, Role
from tooddoc_desk.provider_keys import read_secret
from tooddoc_desk.provider_settings import SmsSettings
from tooddoc_desk.services.events import InviteChanged
from tooddoc_desk.services.practice_settings import Secrets, SettingsRefused
from tooddoc_desk.services.store_access import open_store

pytestmark = pytest.mark.usefixtures("loopback_only")


def test_a_manager_switches_to_an_sms_provider_and_the_app_follows(
    qapp: QApplication, tmp_path: Path
) -> None:
    keyring = FolderKeyring(tmp_path / "keyring")

    async def scenario() -> None:
        async with FakeTwilio() as fake:
            config = Config(
                data_dir=tmp_path / "data",
                settings=Settings(
                    practice_name="Cabinet Dr Peeters",
                    language=Language.EN,
                    hub=HubSettings(port=0),
                    video_source="test-pattern",
                    # the stand-in provider's address, as a deployment may set a regional one
                    sms=SmsSettings("none", api_url=fake.base_url),
                ),
            )
            opened = open_store(config.data_dir, keyring, NoPrompts())
            app = App(config, opened, keyring=keyring)
            await app.start()
            try:
                await open_desk(app)  # the first account: a practitioner who manages
                window, lock = app.parts.window, app.parts.lock
                window.show()
                assert lock.settings_button.isVisible()
                lock.open_settings()
                dialog = lock.settings_dialog
                assert dialog is not None

                # a refusal says what is wrong, next to the field, and writes nothing
                dialog.practice_name.clear()
                QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
                assert (
                    dialog.problems.shown
                    == "The practice's name, shown to patients, has 1 to 80 characters."
                )
                assert dialog.practice_name.accessibleDescription() == dialog.problems.shown
                assert dialog.isVisible()

                QTest.keyClicks(dialog.practice_name, "Cabinet Medical Peeters")
                dialog.sms_provider.setCurrentIndex(dialog.sms_provider.findData("twilio"))
                QTest.keyClicks(dialog.sms_sender, "DrPeeters")
                QTest.keyClicks(dialog.sms_account, TWILIO_SID)
                QTest.keyClicks(dialog.sms_secret, TWILIO_TOKEN)
                dialog.auto_lock.setValue(3)
                QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
                assert dialog.problems.shown == ""
                assert not dialog.isVisible()

                saved = json.loads((config.data_dir / "settings.json").read_text())
                assert saved["sms"]["provider"] == "twilio"
                assert saved["practice_name"] == "Cabinet Medical Peeters"
                assert TWILIO_TOKEN not in json.dumps(saved)  # the secret is not in the file
                assert read_secret(keyring, f"twilio-auth-token:{TWILIO_SID}") == TWILIO_TOKEN
                assert lock.idle_seconds == 180
                assert "Cabinet Medical Peeters" in window.windowTitle()
                assert "SMS: Twilio (from DrPeeters)" in window.statusBar().currentMessage()

                # the next invite leaves through the provider, with the new name, no restart
                events = Recorder()
                app.parts.service.subscribe(events)
                QTest.keyClicks(window.invite_panel.contact_field, "0470 12 34 56")
                QTest.keyClick(window.invite_panel.contact_field, Qt.Key.Key_Return)
                await events.wait_for_match(
                    InviteChanged, lambda e: e.invite.state is DeliveryState.SENT
                )
                (message,) = fake.messages
                assert message["to"] == "+32470123456"
                assert "Cabinet Medical Peeters" in str(message["body"])
                assert window.outbox.messages.count() == 0
            finally:
                await app.stop()

    run_on_qasync(qapp, scenario)


def test_only_a_manager_saves_and_a_bad_secret_writes_nothing(
    qapp: QApplication, tmp_path: Path
) -> None:
    keyring = FolderKeyring(tmp_path / "keyring")
    config = Config(
        data_dir=tmp_path / "data",
        settings=Settings(language=Language.EN, hub=HubSettings(port=0)),
    )
    app = App(config, open_store(config.data_dir, keyring, NoPrompts()), keyring=keyring)

    async def scenario() -> None:
        await app.start()
        try:
            await open_desk(app)
            practice, accounts = app.parts.practice, app.parts.accounts
            file = config.data_dir / "settings.json"
            before = file.read_text() if file.exists() else None
            twilio = replace(practice.current, sms=SmsSettings("twilio", "DrP", TWILIO_SID))
            with pytest.raises(SettingsRefused, match="starts or ends with a space"):
                practice.save(twilio, Secrets(sms=" token-with-a-space"))
            assert (file.read_text() if file.exists() else None) == before
            assert read_secret(keyring, f"twilio-auth-token:{TWILIO_SID}") is None

            await accounts.add_user("Anne", frozenset({Role.RECEPTIONIST}), "482915")
            accounts.sign_out()
            await accounts.sign_in("Anne", "482915")
            assert not app.parts.lock.settings_button.isVisible()
            with pytest.raises(NotAllowed, match="Anne cannot manage users"):
                practice.save(twilio, Secrets(sms=TWILIO_TOKEN))
            assert (file.read_text() if file.exists() else None) == before
        finally:
            await app.stop()

    run_on_qasync(qapp, scenario)
