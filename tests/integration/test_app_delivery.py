"""The app (offscreen) with its delivery: the SMS provider from settings.json and the keyring
(the loopback Twilio), the Delivery column under Today, invites left `unknown` by a dead
process, bookings typed in the window, and the command channel that `tooddoc-desk invite` and
`tooddoc-desk --incoming` use while the app runs."""

from __future__ import annotations

import asyncio
import re
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.helpers.accounts import open_desk
from tests.helpers.aio import Recorder, until
from tests.helpers.hosted_app import NoPrompts, run_on_qasync
from tests.helpers.keyring_backend import FolderKeyring
from tests.helpers.sms_providers import TWILIO_SID, TWILIO_TOKEN, FakeTwilio
from tests.helpers.storage import make_consultation
from tooddoc_desk.__main__ import _hand_incoming
from tooddoc_desk.app import App
from tooddoc_desk.app_channel import ask_app
from tooddoc_desk.config import Config, HubSettings, Settings
from tooddoc_desk.core.clock import SystemClock
from tooddoc_desk.core.consultation import State
from tooddoc_desk.core.contact import PhoneContact
from tooddoc_desk.core.delivery import DeliveryState, Invite
from tooddoc_desk.invite_command import InviteArgs, run_invite
from tooddoc_desk.provider_keys import save_secret
from tooddoc_desk.provider_settings import SmsSettings
from tooddoc_desk.services.events import InviteChanged
from tooddoc_desk.services.store_access import open_store
from tooddoc_desk.storage.outbox import Letter

pytestmark = pytest.mark.usefixtures("loopback_only")

PATIENT = PhoneContact("+32470123456")


def make_app(tmp_path: Path, sms: SmsSettings | None = None) -> tuple[App, Config]:
    keyring = FolderKeyring(tmp_path / "keyring")
    save_secret(keyring, f"twilio-auth-token:{TWILIO_SID}", TWILIO_TOKEN)
    config = Config(
        data_dir=tmp_path / "data",
        settings=Settings(
            practice_name="Cabinet Dr Peeters",
            hub=HubSettings(port=0),
            video_source="test-pattern",
            sms=sms or SmsSettings(),
        ),
    )
    opened = open_store(config.data_dir, keyring, NoPrompts())
    return App(config, opened, keyring=keyring), config


def delivery_cell(app: App, row: int = 0) -> str:
    model = app.parts.window.today_model
    return str(model.data(model.index(row, model.HEADERS.index("Delivery"))))


def test_sms_leaves_through_the_configured_provider(qapp: QApplication, tmp_path: Path) -> None:
    async def scenario() -> None:
        async with FakeTwilio() as fake:
            sms = SmsSettings("twilio", "DrPeeters", TWILIO_SID, api_url=fake.base_url)
            app, _ = make_app(tmp_path, sms)
            await app.start()
            await open_desk(app)
            try:
                window = app.parts.window
                window.show()
                status = window.statusBar().currentMessage()
                assert "SMS: Twilio (from DrPeeters)" in status
                assert "e-mail: dev outbox" in status
                assert "invites by e-mail are shown here" in window.outbox.note.text()
                events = Recorder()
                app.parts.service.subscribe(events)

                QTest.keyClicks(window.invite_panel.contact_field, "0470 12 34 56")
                QTest.mouseClick(window.invite_panel.send_button, Qt.MouseButton.LeftButton)
                await events.wait_for_match(
                    InviteChanged, lambda e: e.invite.state is DeliveryState.SENT
                )
                await until(lambda: delivery_cell(app) == "Sent", "the Delivery column")
                assert window.today_model.consultation_at(0).state is State.INVITED
                assert fake.messages[0]["to"] == PATIENT.e164
                assert window.outbox.messages.count() == 0  # it really left
            finally:
                await app.stop()

    run_on_qasync(qapp, scenario)


def test_an_invite_cut_by_a_crash_is_shown_unknown_at_the_next_start(
    qapp: QApplication, tmp_path: Path
) -> None:
    app, _ = make_app(tmp_path)
    now = SystemClock().now()
    consultation = make_consultation(PATIENT, created_at=now - timedelta(minutes=2))
    consultation.history[1:] = []  # still a draft: its invite was on its way
    app.store.consultations.add(consultation)
    invite = Invite(consultation.id, "sms", now, now)
    app.store.outbox.add(
        invite, Letter(None, "Cabinet: https://hub/c/abc", link="https://hub/c/abc")
    )
    app.store.outbox.begin_attempt(invite.id)  # `sending` when the process died

    async def scenario() -> None:
        await app.start()
        await open_desk(app)
        try:
            window = app.parts.window
            assert "The app stopped while an invite was being sent" in window.problem_banner.text()
            assert app.store.outbox.get(invite.id).state is DeliveryState.UNKNOWN
            row = window.today_model.row_of(consultation.id)
            assert row is not None
            assert delivery_cell(app, row) == "Unknown: ask the patient"
            assert window.today_model.consultation_at(row).state is State.FAILED  # room gone
        finally:
            await app.stop()

    run_on_qasync(qapp, scenario)


def test_a_consultation_booked_in_the_window_waits_for_its_time(
    qapp: QApplication, tmp_path: Path
) -> None:
    app, _ = make_app(tmp_path)

    async def scenario() -> None:
        await app.start()
        await open_desk(app)
        try:
            window = app.parts.window
            later = (SystemClock().now() + timedelta(hours=3)).astimezone()
            when = later.strftime("%d/%m/%Y %H:%M")
            QTest.keyClicks(window.invite_panel.contact_field, "0470 12 34 56")
            QTest.keyClicks(window.invite_panel.when_field, when)
            assert window.invite_panel.send_button.text() == "Book"
            QTest.keyClick(window.invite_panel.when_field, Qt.Key.Key_Return)
            await until(lambda: window.today_model.rowCount() == 1, "the booking under Today")
            booked = window.today_model.consultation_at(0)
            assert booked.awaiting_schedule
            assert delivery_cell(app) == "Scheduled"
            assert window.invite_panel.contact_field.text() == ""
            assert app.parts.hub.embedded is not None
            assert app.parts.outbox.messages == ()  # no link yet: no room yet
            assert app.store.consultations.list_booked()[0].id == booked.id
        finally:
            await app.stop()

    run_on_qasync(qapp, scenario)


def test_commands_reach_the_running_app(qapp: QApplication, tmp_path: Path) -> None:
    app, config = make_app(tmp_path)

    async def scenario() -> None:
        await app.start()
        await open_desk(app)
        try:
            window = app.parts.window
            status = await asyncio.to_thread(
                run_invite, config, InviteArgs("0470 12 34 56", lang="nl")
            )
            assert status == 0
            (message,) = app.parts.outbox.messages
            assert message.to == PATIENT
            assert message.language is not None
            assert message.language.value == "nl"
            assert re.search(r"http://127\.0\.0\.1:\d+/c/", message.body)
            assert window.today_model.consultation_at(0).state is State.INVITED

            refused = await asyncio.to_thread(
                ask_app, config.data_dir, {"command": "invite", "to": "02 555 12 12", "lang": "fr"}
            )
            assert refused is not None
            assert refused["outcome"] == "refused"
            assert "landline" in refused["message"]

            assert await asyncio.to_thread(_hand_incoming, config, "0470 99 88 77")
            assert window.invite_panel.contact_field.text() == "0470 99 88 77"
            assert window.invite_panel.feedback.text() == "✓ +32 470 99 88 77 (SMS)"
        finally:
            await app.stop()
        assert await asyncio.to_thread(ask_app, config.data_dir, {"command": "incoming"}) is None

    run_on_qasync(qapp, scenario)
