"""The running app records into the audit log what happens at its desk, through the window as a
person uses it: the first run, signing out and in, the screen locked on request and when idle; a
manager sees the Audit log tab, and the chain holds."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.helpers.accounts import FAST_HASH, PASSWORD, open_desk
from tests.helpers.aio import until
from tests.helpers.hosted_app import NoPrompts, run_on_qasync
from tests.helpers.keyring_backend import FolderKeyring
from tooddoc_desk.app import App
from tooddoc_desk.config import Config, HubSettings, Settings
from tooddoc_desk.core.language import Language
from tooddoc_desk.services import audit
from tooddoc_desk.services.store_access import open_store
from tooddoc_desk.ui.audit_view import AuditView

pytestmark = pytest.mark.usefixtures("loopback_only")


def test_the_desk_records_who_came_and_went(qapp: QApplication, tmp_path: Path) -> None:
    keyring = FolderKeyring(tmp_path / "keyring")
    config = Config(
        data_dir=tmp_path / "data",
        settings=Settings(
            language=Language.EN, hub=HubSettings(port=0), video_source="test-pattern"
        ),
    )

    async def scenario() -> None:
        app = App(
            config,
            open_store(config.data_dir, keyring, NoPrompts()),
            keyring=keyring,
            hash_cost=FAST_HASH,
        )
        await app.start()
        try:
            await open_desk(app)  # the first run: a practitioner who manages the practice
            window, lock = app.parts.window, app.parts.lock
            tabs = window.tabs
            views = [tabs.widget(index) for index in range(tabs.count())]
            view = next(widget for widget in views if isinstance(widget, AuditView))
            assert tabs.isTabVisible(tabs.indexOf(view))
            QTest.mouseClick(lock.lock_button, Qt.MouseButton.LeftButton)
            assert not tabs.isTabVisible(tabs.indexOf(view))
            page = lock.page
            QTest.keyClicks(page.form.secret, PASSWORD)
            QTest.keyClick(page.form.secret, Qt.Key.Key_Return)
            await until(lock.unlocked, "the desk unlocked")
            QTest.mouseClick(lock.sign_out_button, Qt.MouseButton.LeftButton)
            assert not lock.unlocked()
            await open_desk(app)  # name and password on the sign-in page
            lock.check_idle(time.monotonic() + lock.idle_seconds + 1)
            entries = app.store.audit.entries()
            doctor = app.parts.accounts.locked_user
            assert doctor is not None
            kinds = [(entry.kind, entry.actor, dict(entry.details)) for entry in entries]
            assert kinds[-5:] == [
                (audit.LOCKED, doctor.id, {"how": "asked"}),
                (audit.SIGN_IN, doctor.id, {"how": "unlock"}),
                (audit.SIGN_OUT, doctor.id, {}),
                (audit.SIGN_IN, doctor.id, {"how": "password"}),
                (audit.LOCKED, doctor.id, {"how": "idle"}),
            ]
            assert (audit.SIGN_IN, doctor.id, {"how": "first_run"}) in kinds
            assert app.store.audit.verify().intact
        finally:
            await app.stop()

    run_on_qasync(qapp, scenario)
