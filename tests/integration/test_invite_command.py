"""`tooddoc-desk invite` without a running app: with a hosted hub (the real `tooddoc-hub` on
loopback) it sends on its own through the loopback Twilio, and the app, started later, joins
the room and sees the patient arrive; with the built-in hub it refuses; a booking is kept for
the app. The command runs in-process (in a worker thread, as it blocks)."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.helpers.accounts import open_desk
from tests.helpers.aio import Recorder
from tests.helpers.hosted_app import NoPrompts, patient_hello, run_on_qasync
from tests.helpers.hub_process import HubProcess, free_port, standalone_hub
from tests.helpers.keyring_backend import DOTTED_PATH, FOLDER_VAR, FolderKeyring
from tests.helpers.sms_providers import TWILIO_SID, TWILIO_TOKEN, FakeTwilio
from tooddoc_desk.app import App
from tooddoc_desk.config import Config, HubSettings, Settings
from tooddoc_desk.core.consultation import State
from tooddoc_desk.core.delivery import DeliveryState
from tooddoc_desk.hub_keys import save_key
from tooddoc_desk.invite_command import InviteArgs, run_invite
from tooddoc_desk.provider_keys import save_secret
from tooddoc_desk.provider_settings import SmsSettings
from tooddoc_desk.services.store_access import open_store
from tooddoc_desk.storage.store import Store
from tooddoc_desk.storage.store_paths import StorePaths


@pytest.fixture(scope="module")
def hosted_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubProcess]:
    with standalone_hub(tmp_path_factory.mktemp("hub"), port=free_port()) as hub:
        yield hub
    assert hub.problems() == []


@pytest.fixture
def keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FolderKeyring:
    """The tests' keyring, which the command chooses as the app does (by its dotted path)."""
    monkeypatch.setenv(FOLDER_VAR, str(tmp_path / "keyring"))
    return FolderKeyring(tmp_path / "keyring")


def config_for(tmp_path: Path, hub: HubSettings, sms: SmsSettings | None = None) -> Config:
    settings = Settings(
        practice_name="Cabinet Dr Peeters",
        hub=hub,
        video_source="test-pattern",
        sms=sms or SmsSettings(),
    )
    return Config(tmp_path / "data", settings, keyring_backend=DOTTED_PATH)


def invite(config: Config, args: InviteArgs) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run_invite(config, args, out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def test_with_a_hosted_hub_it_sends_alone_and_the_app_joins_the_room_later(
    qapp: QApplication, tmp_path: Path, keyring: FolderKeyring, hosted_hub: HubProcess
) -> None:
    url = hosted_hub.base_url
    save_key(keyring, url, hosted_hub.key)
    save_secret(keyring, f"twilio-auth-token:{TWILIO_SID}", TWILIO_TOKEN)

    async def scenario() -> None:
        async with FakeTwilio() as fake:
            sms = SmsSettings("twilio", "DrPeeters", TWILIO_SID, api_url=fake.base_url)
            config = config_for(tmp_path, HubSettings(mode="hosted", url=url), sms)
            status, out, err = await asyncio.to_thread(
                invite, config, InviteArgs("0470 12 34 56", lang="nl")
            )
            assert status == 0, err
            assert out.strip() == "The link was sent by SMS to +32 470 12 34 56."
            assert "recovery key" in err  # the store was made by this command: said once
            (message,) = fake.messages
            assert f"{url}/c/" in message["body"]

            with Store.open_with_keyring(StorePaths(config.data_dir), keyring) as store:
                (consultation,) = store.consultations.list_recent()
                (sent,) = store.outbox.for_consultation(consultation.id)
            assert consultation.state is State.INVITED
            assert consultation.practitioner_token is not None
            assert sent.state is DeliveryState.SENT
            assert consultation.link is not None

            app = App(config, open_store(config.data_dir, keyring, NoPrompts()), keyring=keyring)
            await app.start()
            await open_desk(app)
            try:
                events = Recorder()
                app.parts.service.subscribe(events)
                assert app.parts.service.session(consultation.id) is not None  # joined again
                assert app.parts.window.today_model.consultation_at(0).id == consultation.id
                welcome = await patient_hello(consultation.link)
                assert welcome["type"] == "welcome"
                assert welcome["room_id"] == consultation.room_id
                assert app.parts.service.get(consultation.id).state is State.OPENED
            finally:
                await app.stop()

    run_on_qasync(qapp, scenario)


def test_a_hosted_hub_without_an_sms_provider_is_refused_clearly(
    tmp_path: Path, keyring: FolderKeyring, hosted_hub: HubProcess
) -> None:
    save_key(keyring, hosted_hub.base_url, hosted_hub.key)
    config = config_for(tmp_path, HubSettings(mode="hosted", url=hosted_hub.base_url))
    status, out, err = invite(config, InviteArgs("0470 12 34 56"))
    assert (status, out) == (5, "")
    assert "No SMS provider is set up in settings.json" in err


def test_with_the_built_in_hub_and_no_app_it_refuses_and_touches_nothing(
    tmp_path: Path, keyring: FolderKeyring
) -> None:
    config = config_for(tmp_path, HubSettings(port=0))
    status, out, err = invite(config, InviteArgs("0470 12 34 56"))
    assert (status, out) == (7, "")
    assert "No tooddoc-desk app is running with the data folder" in err
    assert "start the app" in err
    assert not (config.data_dir / "consultations.db").exists()


def test_a_booking_without_the_app_is_kept_for_it(
    qapp: QApplication, tmp_path: Path, keyring: FolderKeyring
) -> None:
    config = config_for(tmp_path, HubSettings(port=0))
    status, out, err = invite(config, InviteArgs("jan@example.be", at="2099-01-01 10:00"))
    assert status == 2  # more than 90 days ahead
    assert "90 days" in err

    status, out, _ = invite(config, InviteArgs("jan@example.be", at="23:59"))
    if status == 2:  # it is later than 23:59 here: book for tomorrow instead
        status, out, _ = invite(config, InviteArgs("jan@example.be", at=_tomorrow_noon()))
    assert status == 0
    assert "Booked for" in out
    assert "it is not running now" in out
    with Store.open_with_keyring(StorePaths(config.data_dir), keyring) as store:
        (booked,) = store.consultations.list_booked()
    assert booked.contact.value == "jan@example.be"
    assert booked.room_id is None

    app = App(config, open_store(config.data_dir, keyring, NoPrompts()), keyring=keyring)

    async def scenario() -> None:
        await app.start()
        await open_desk(app)
        try:
            row = app.parts.window.today_model.row_of(booked.id)
            assert row is not None  # the app shows it, and its scheduler will send it
        finally:
            await app.stop()

    run_on_qasync(qapp, scenario)


def _tomorrow_noon() -> str:
    from datetime import datetime, timedelta

    return (datetime.now() + timedelta(days=1)).strftime("%d/%m/%Y 12:00")
