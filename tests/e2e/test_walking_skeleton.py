"""The whole flow, with real parts: the main window driven offscreen, the embedded hub on
loopback, a real encrypted store, a real Chromium as the patient.

First account made → phone number typed → link in the dev outbox → patient opens it,
consents, joins → the practitioner admits → video flows both ways, the practitioner writes
notes → the patient hangs up → the consultation is in the encrypted store as ended, with its
duration, its notes and its call's quality.
"""

from __future__ import annotations

import re
from pathlib import Path

import qasync
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.helpers.accounts import open_desk
from tests.helpers.aio import Recorder, until
from tests.helpers.browser import chromium, wait_for_frames_decoded, watch_page
from tests.helpers.keyring_backend import FolderKeyring
from tooddoc_desk.app import App
from tooddoc_desk.config import Config, HubSettings, Settings
from tooddoc_desk.core.consultation import EndReason, State
from tooddoc_desk.services.events import CallFinished, CallStarted
from tooddoc_desk.services.store_access import open_store
from tooddoc_desk.storage.store import Store
from tooddoc_desk.storage.store_paths import StorePaths

FRAMES = 30
PATIENT_NUMBER = "0470 12 34 56"


class NoPrompts:
    def new_passphrase(self) -> str | None:
        raise AssertionError("the test keyring is there: no passphrase is needed")

    def passphrase(self, problem: str | None) -> str | None:
        raise AssertionError("the test keyring is there: no passphrase is needed")

    def recovery_key(self, problem: str) -> str | None:
        raise AssertionError(f"the store should open with the keyring: {problem}")


def test_phone_number_to_ended_consultation(
    loopback_only: None, qapp: QApplication, tmp_path: Path
) -> None:
    keyring = FolderKeyring(tmp_path / "keyring")
    config = Config(
        data_dir=tmp_path / "data",
        settings=Settings(
            practice_name="Cabinet Dr Peeters",
            hub=HubSettings(port=0),
            video_source="test-pattern",
        ),
    )
    opened = open_store(config.data_dir, keyring, NoPrompts())
    assert opened.new_recovery_key is not None
    app = App(config, opened)

    async def scenario() -> str:
        await app.start()
        await open_desk(app)
        try:
            return await drive()
        finally:
            await app.stop()

    async def drive() -> str:
        window = app.parts.window
        window.show()
        events = Recorder()
        app.parts.service.subscribe(events)

        # the practitioner types the number; the field checks it as it is typed
        panel = window.invite_panel
        QTest.keyClicks(panel.contact_field, PATIENT_NUMBER)
        assert panel.feedback.text() == "✓ +32 470 12 34 56 (SMS)"
        assert panel.send_button.isEnabled()
        QTest.mouseClick(panel.send_button, Qt.MouseButton.LeftButton)

        await until(lambda: window.outbox.messages.count() == 1, "the invite in the dev outbox")
        text = window.outbox.messages.item(0).text()
        assert "SMS to +32 470 12 34 56" in text
        link = re.search(r"http://127\.0\.0\.1:\d+/c/[A-Za-z0-9_-]+", text)
        assert link is not None, text
        assert window.today_model.consultation_at(0).state is State.INVITED

        async with chromium() as browser:
            page = await browser.new_page()
            watch = await watch_page(page)
            await page.goto(link.group(0))
            await page.wait_for_selector("#status[data-state=ready]")
            assert "Cabinet Dr Peeters" in await page.inner_text("#invitation")
            await page.check("#consent")
            await page.click("#join")
            await page.wait_for_selector("#status[data-state=waiting]")

            await until(
                lambda: window.today_model.consultation_at(0).state is State.WAITING,
                "the patient in the waiting room",
            )
            assert window.waiting_banner.isVisible()
            window.today_table.selectRow(0)
            assert window.admit_button.isEnabled()
            QTest.mouseClick(window.admit_button, Qt.MouseButton.LeftButton)

            await events.wait_for(CallStarted, 20)
            await page.wait_for_selector("#status[data-state=in_call]")
            await until(
                lambda: window.call_view.remote.frames_shown >= FRAMES,
                "the patient's video in the app",
            )
            await until(
                lambda: window.call_view.self_view.frames_shown >= 1, "the practitioner's self view"
            )
            assert await wait_for_frames_decoded(page, FRAMES) >= FRAMES
            await until(
                lambda: window.call_view.quality_label.text().startswith("Connection: "),
                "the connection's quality in the call view",
            )

            assert await watch.csp_violations() == []
            # the practitioner writes notes during the call; they are kept as typed
            assert window.notes.isEnabled()
            window.notes.editor.insertPlainText("Toux sèche depuis 3 jours")
            await page.click("#hangup")
            await events.wait_for(CallFinished, 20)
        return window.today_model.consultation_at(0).id

    loop = qasync.QEventLoop(qapp)
    try:
        consultation_id = loop.run_until_complete(scenario())
    finally:
        loop.close()

    paths = StorePaths(config.data_dir)
    with Store.open_with_keyring(paths, keyring) as store:
        stored = store.consultations.get(consultation_id)
    assert stored.state is State.ENDED
    assert stored.end_reason == EndReason.PATIENT_HUNG_UP
    assert stored.duration is not None
    assert stored.duration.total_seconds() > 0
    assert stored.notes == "Toux sèche depuis 3 jours"
    assert stored.call_quality is not None  # the call's quality is kept with it
    assert stored.call_quality.media_seconds > 0
    assert stored.call_quality.rating in ("good", "fair", "poor")
    assert [t.state for t in stored.history] == [
        State.DRAFT,
        State.INVITED,
        State.OPENED,
        State.WAITING,
        State.IN_CALL,
        State.ENDED,
    ]
    assert stored.requested_at <= stored.created_at
    raw = paths.database.read_bytes()
    assert b"470123456" not in raw
    assert not raw.startswith(b"SQLite format 3\0")
