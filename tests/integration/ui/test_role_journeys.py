"""A day for each role, through the real window and services: the app as it starts (its first run
made the practice's first account, a practitioner who manages), the embedded hub on loopback, the
encrypted store, the dev outbox. Each person signs in on the sign-in page with the keyboard.

- reception sends a link for a colleague with the keyboard alone (Ctrl+T, typing, Enter), sees
  the patient waiting, and can neither admit, nor read notes, nor export: the buttons are not
  there, and the services refuse all the same;
- a practitioner admits a real Chromium patient, sees the video, writes notes (kept in the store
  as typed), says a line in the chat and hangs up; exporting and managing users are refused;
- a manager exports the log (in the background, from Export…), adds a receptionist, and can run
  no call.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests.helpers.accounts import FAST_HASH, NAME, open_desk, sign_in_as
from tests.helpers.aio import Recorder, until
from tests.helpers.hosted_app import NoPrompts, run_on_qasync, send_invite
from tests.helpers.keyring_backend import FolderKeyring
from tooddoc_desk.app import App
from tooddoc_desk.config import Config, HubSettings, Settings
from tooddoc_desk.core.chat import ChatSender
from tooddoc_desk.core.consultation import EndReason, State
from tooddoc_desk.core.contact import parse_contact
from tooddoc_desk.core.language import Language
from tooddoc_desk.core.users import NotAllowed, Role, User
from tooddoc_desk.hub.config import websocket_url
from tooddoc_desk.services.events import CallFinished, CallStarted
from tooddoc_desk.services.exports import ExportFormat, ExportRequest, Exports
from tooddoc_desk.services.practice_settings import Secrets
from tooddoc_desk.services.store_access import open_store
from tooddoc_desk.storage.export_rows import ExportFilter

pytestmark = pytest.mark.usefixtures("loopback_only")

COLLEAGUE = "Dr Janssens"
COLLEAGUE_INAMI = "1-98765-43-210"
RECEPTIONIST = "Anne Claes"
MANAGER = "Marie Dubois"
PIN = "482915"
NUMBER = "0470 12 34 56"
NOTES = "Toux seche depuis 3 jours, pas de fievre"  # typed: QTest types ASCII only
LINE = "Bonjour, vous m'entendez ?"
LINK = re.compile(r"http://127\.0\.0\.1:\d+/c/[A-Za-z0-9_-]+")


@asynccontextmanager
async def practice(folder: Path) -> AsyncIterator[App]:
    """The app on a new data folder, past its first run (Dr Peeters, a practitioner who manages
    the practice, is signed in), its window shown and active."""
    keyring = FolderKeyring(folder / "keyring")
    settings = Settings(
        practice_name="Cabinet Dr Peeters",
        language=Language.EN,
        hub=HubSettings(port=0),
        video_source="test-pattern",
    )
    config = Config(data_dir=folder / "data", settings=settings)
    opened = open_store(config.data_dir, keyring, NoPrompts())
    app = App(config, opened, keyring=keyring, hash_cost=FAST_HASH)
    await app.start()
    window = app.parts.window
    window.show()
    window.activateWindow()
    try:
        await open_desk(app)
        await until(lambda: QApplication.activeWindow() is window, "the window active")
        yield app
    finally:
        await window.tasks.drain()
        window.hide()
        await app.stop()


CSV = ExportRequest(ExportFilter(), ExportFormat.CSV)


def exports_of(app: App) -> Exports:
    assert app.parts.exports is not None
    return app.parts.exports


async def add_person(app: App, name: str, role: Role, inami: str | None = None) -> User:
    """Someone the practice's manager (the one signed in) adds."""
    return await app.parts.accounts.add_user(name, frozenset({role}), PIN, inami)


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed where the focus is, as a person at the keyboard does."""
    focus = QApplication.focusWidget()
    assert focus is not None, "nothing has the keyboard focus"
    QTest.keyClick(focus, key, modifier)


def type_text(text: str) -> None:
    focus = QApplication.focusWidget()
    assert focus is not None, "nothing has the keyboard focus"
    QTest.keyClicks(focus, text)


def hidden(widget: QWidget) -> bool:
    """Whether the window leaves `widget` out (on a tab not shown, it is not hidden)."""
    return widget.isHidden()


@asynccontextmanager
async def waiting_patient(link: str) -> AsyncIterator[None]:
    """A patient in the waiting room, through the link (the hub's protocol, as the page
    speaks it), until the block ends."""
    base, token = link.rsplit("/c/", 1)
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(websocket_url(base)) as ws,
    ):
        await ws.send_json({"type": "hello", "v": 1, "role": "patient", "token": token})
        welcome = await ws.receive_json(timeout=10)
        assert welcome["type"] == "welcome", welcome
        await ws.send_json({"type": "join"})
        yield


def test_reception_sends_for_a_colleague_and_sees_the_patient_wait(
    qapp: QApplication, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with practice(tmp_path) as app:
            colleague = await add_person(app, COLLEAGUE, Role.PRACTITIONER, COLLEAGUE_INAMI)
            anne = await add_person(app, RECEPTIONIST, Role.RECEPTIONIST)
            await sign_in_as(app, RECEPTIONIST, PIN)
            window, lock, service = app.parts.window, app.parts.lock, app.parts.service
            tabs = window.tabs

            # what reception does not do is not shown
            assert not tabs.isTabVisible(tabs.indexOf(window.call_view))
            assert not tabs.isTabVisible(tabs.indexOf(lock.users))
            assert hidden(window.admit_button)
            assert hidden(window.export_button)
            assert hidden(lock.settings_button)

            # the keyboard alone: Ctrl+T, whom it is for, the number, Enter
            window.today_table.setFocus()
            press(Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
            panel = window.invite_panel
            assert panel.contact_field.hasFocus()
            press(Qt.Key.Key_Tab)
            assert panel.practitioner_box.hasFocus()
            assert panel.practitioner_id() is None  # reception chooses whom it is for
            for _ in range(panel.practitioner_box.count()):  # the arrow keys go through them
                if panel.practitioner_id() == colleague.id:
                    break
                press(Qt.Key.Key_Down)
            assert panel.practitioner_id() == colleague.id
            press(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
            assert panel.contact_field.hasFocus()
            type_text(NUMBER)
            assert panel.feedback.text() == "✓ +32 470 12 34 56 (SMS)"
            press(Qt.Key.Key_Return)

            await until(lambda: window.outbox.messages.count() == 1, "the link in the outbox")
            link = LINK.search(window.outbox.messages.item(0).text())
            assert link is not None
            (consultation,) = service.today()
            assert consultation.practitioner_id == colleague.id
            assert consultation.sent_by == anne.id

            async with waiting_patient(link.group(0)):
                await until(
                    lambda: window.today_model.consultation_at(0).state is State.WAITING,
                    "the patient waiting, under Today",
                )
                assert window.waiting_banner.isVisible()
                window.today_table.selectRow(0)
                assert hidden(window.admit_button)

                # the services refuse what the window does not offer
                with pytest.raises(NotAllowed, match="cannot run calls"):
                    await service.admit(consultation.id)
                with pytest.raises(NotAllowed, match="notes"):
                    service.notes(consultation.id)
                with pytest.raises(NotAllowed, match="notes"):
                    service.save_notes(consultation.id, "written by reception")
                with pytest.raises(NotAllowed, match="notes"):
                    service.chat.lines(consultation.id)
                with pytest.raises(NotAllowed, match="export"):
                    await exports_of(app).export(tmp_path / "log.csv", CSV)
                with pytest.raises(NotAllowed, match="manage users"):
                    await app.parts.accounts.add_user("Luc", frozenset({Role.MANAGER}), PIN)
                with pytest.raises(NotAllowed, match="manage users"):
                    app.parts.practice.save(app.parts.practice.current, Secrets())
                assert service.get(consultation.id).state is State.WAITING
            assert app.store.consultations.get(consultation.id).notes == ""

    run_on_qasync(qapp, scenario)


def test_a_practitioner_admits_a_chromium_patient_writes_notes_and_hangs_up(
    qapp: QApplication, tmp_path: Path
) -> None:
    from tests.helpers.browser import chromium
    from tests.integration.patient.rig import join, state_is

    async def scenario() -> None:
        async with practice(tmp_path) as app, chromium() as browser:
            colleague = await add_person(app, COLLEAGUE, Role.PRACTITIONER, COLLEAGUE_INAMI)
            await sign_in_as(app, COLLEAGUE, PIN)
            window, lock, service = app.parts.window, app.parts.lock, app.parts.service
            events = Recorder()
            service.subscribe(events)
            assert hidden(window.export_button)
            assert not window.tabs.isTabVisible(window.tabs.indexOf(lock.users))
            assert window.invite_panel.practitioner_id() == colleague.id  # their own, at first

            link = await send_invite(app, NUMBER)
            page = await browser.new_page()
            await page.goto(link)
            await join(page)
            await until(
                lambda: window.today_model.consultation_at(0).state is State.WAITING,
                "the patient waiting",
            )
            consultation_id = window.today_model.consultation_at(0).id
            window.today_table.selectRow(0)
            QTest.mouseClick(window.admit_button, Qt.MouseButton.LeftButton)
            await events.wait_for(CallStarted, 20)
            await state_is(page, "in_call", 15_000)
            assert window.tabs.currentWidget() is window.call_view
            await until(lambda: window.call_view.remote.frames_shown >= 10, "the patient's video")

            # notes, kept in the store as they are typed
            QTest.keyClicks(window.notes.editor, NOTES)
            notes = app.store.consultations
            await until(lambda: notes.get(consultation_id).notes == NOTES, "the notes kept")

            # a line in the chat reaches the patient's page
            QTest.keyClicks(window.chat.input, LINE)
            QTest.keyClick(window.chat.input, Qt.Key.Key_Return)
            await page.wait_for_selector("#chat-log li.theirs", state="attached")
            assert await page.text_content("#chat-log li.theirs .text") == LINE

            QTest.mouseClick(window.call_view.hang_up_button, Qt.MouseButton.LeftButton)
            await events.wait_for(CallFinished, 20)
            await state_is(page, "ended")

            # a practitioner neither exports nor manages users, whatever the window shows
            with pytest.raises(NotAllowed, match="export"):
                await exports_of(app).export(tmp_path / "log.csv", CSV)
            with pytest.raises(NotAllowed, match="manage users"):
                await app.parts.accounts.add_user("Luc", frozenset({Role.RECEPTIONIST}), PIN)

            stored = app.store.consultations.get(consultation_id)
            assert stored.state is State.ENDED
            assert stored.end_reason == EndReason.PRACTITIONER_HUNG_UP
            assert stored.practitioner_id == colleague.id
            assert stored.notes == NOTES
            chat = app.store.consultations.chat.messages(consultation_id)
            assert [(line.sender, line.text) for line in chat] == [(ChatSender.PRACTITIONER, LINE)]

    run_on_qasync(qapp, scenario)


def test_a_manager_exports_adds_a_receptionist_and_runs_no_call(
    qapp: QApplication, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with practice(tmp_path) as app:
            link = await send_invite(app, NUMBER)  # Dr Peeters' consultation, for the export
            await add_person(app, MANAGER, Role.MANAGER)
            await sign_in_as(app, MANAGER, PIN)
            window, lock, service = app.parts.window, app.parts.lock, app.parts.service
            tabs = window.tabs
            assert not tabs.isTabVisible(tabs.indexOf(window.call_view))
            assert tabs.isTabVisible(tabs.indexOf(lock.users))
            assert hidden(window.admit_button)
            assert not window.invite_panel.isEnabled()
            assert not hidden(window.export_button)
            assert not hidden(lock.settings_button)

            # the export (Export…, in the background): a file with the practice's consultation
            QTest.mouseClick(window.export_button, Qt.MouseButton.LeftButton)
            dialog = window.export_dialog
            assert dialog is not None
            assert dialog.isVisible()
            out = tmp_path / "log.csv"
            await dialog.start(out, dialog.request())
            assert dialog.last_file == out
            rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";"))
            assert [row for row in rows[1:] if NAME in row], rows  # Dr Peeters' consultation
            dialog.close()

            # a receptionist added from the Users tab
            users = lock.users
            tabs.setCurrentWidget(users)
            QTest.keyClicks(users.name, "Luc Peeters")
            users.roles[Role.RECEPTIONIST].setFocus()
            QTest.keyClick(users.roles[Role.RECEPTIONIST], Qt.Key.Key_Space)
            QTest.keyClicks(users.secret, "739164")
            QTest.mouseClick(users.add_button, Qt.MouseButton.LeftButton)
            await until(lambda: users.message.text() == "Luc Peeters may now sign in.", "added")
            added = {user.name: user for user in app.parts.accounts.users()}["Luc Peeters"]
            assert added.roles == {Role.RECEPTIONIST}
            assert users.table.rowCount() == 3  # Dr Peeters, Marie Dubois, Luc Peeters

            # no call, no notes, no link for a manager, whatever the window shows
            (consultation,) = service.today()
            assert consultation.link == link
            with pytest.raises(NotAllowed, match="cannot run calls"):
                await service.admit(consultation.id)
            with pytest.raises(NotAllowed, match="cannot run calls"):
                await service.hang_up(consultation.id)
            with pytest.raises(NotAllowed, match="notes"):
                service.notes(consultation.id)
            with pytest.raises(NotAllowed, match="send consultation links"):
                await service.invite(parse_contact(NUMBER), Language.FR, datetime.now(UTC))
            assert len(service.today()) == 1

    run_on_qasync(qapp, scenario)
