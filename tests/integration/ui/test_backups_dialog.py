"""The Backups dialog on a real store, Qt offscreen on a qasync loop: the manager picks the
folder, presses Back up now, and sees the time and file of the backup; a folder that is gone is
said in French, the earlier backup still named; a folder inside the data folder is refused; a
new recovery key replaces the old one and a backup is made with it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.helpers.aio import until
from tests.helpers.fake_time import FakeTime
from tests.helpers.hosted_app import run_on_qasync
from tests.helpers.keyring_backend import FolderKeyring
from tests.helpers.storage import make_consultation
from tooddoc_desk.config import Settings
from tooddoc_desk.core.language import Language
from tooddoc_desk.core.users import User
from tooddoc_desk.services.audit import AuditTrail
from tooddoc_desk.services.backups import Backups
from tooddoc_desk.services.practice_settings import PracticeSettings
from tooddoc_desk.services.recovery_keys import RecoveryKeys
from tooddoc_desk.storage import Store, StorePaths
from tooddoc_desk.storage.errors import WrongRecoveryKey
from tooddoc_desk.storage.keyslots import KeySlots
from tooddoc_desk.storage.recovery_key import RecoveryKey
from tooddoc_desk.ui.backups_dialog import BackupsDialog
from tooddoc_desk.ui.i18n import install_language
from tooddoc_desk.ui.settings_dialog import SettingsDialog
from tooddoc_desk.ui.tasks import Tasks


class Manager:
    current: User | None = None

    def require_setup(self) -> None:
        return None


def test_back_up_now_and_a_folder_that_is_gone(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    created = Store.create(StorePaths(data), keyring=FolderKeyring(tmp_path / "keyring"))
    store = created.store
    store.consultations.add(make_consultation(notes="Contrôle"))
    time = FakeTime()
    backups = Backups(data, store, time, Manager())
    failures: list[str] = []
    dialog = BackupsDialog(backups, Tasks(failures.append))
    qtbot.addWidget(dialog)
    disk = tmp_path / "usb-disk"
    disk.mkdir()

    async def scenario() -> None:
        assert not dialog.back_up_button.isEnabled()  # no folder yet
        dialog.use_folder(data)
        assert "data folder" in dialog.problem.text()
        dialog.use_folder(disk)
        assert dialog.problem.text() == ""
        assert dialog.folder.text() == str(disk.resolve())
        QTest.mouseClick(dialog.back_up_button, Qt.MouseButton.LeftButton)
        assert dialog.last.text() == "Backing up…"
        await until(lambda: backups.status.last_ok is True, "the backup")
        await until(dialog.back_up_button.isEnabled, "the button back")
        (made,) = disk.iterdir()
        assert made.name in dialog.last.text()
        assert "Last backup:" in dialog.last.text()

        disk.rename(tmp_path / "unplugged")
        install_language(Language.FR)
        try:
            time.advance(60)
            QTest.mouseClick(dialog.back_up_button, Qt.MouseButton.LeftButton)
            await until(lambda: backups.status.last_ok is False, "the failed backup")
            await until(dialog.back_up_button.isEnabled, "the button back")
            assert made.name in dialog.last.text()  # the last good one is still named
            assert "introuvable" in dialog.problem.text()
            assert str(disk.resolve()) in dialog.problem.text()
        finally:
            install_language(Language.EN)
        await backups.stop()

    try:
        run_on_qasync(qapp, scenario)
    finally:
        store.close()
    assert failures == []


def test_settings_opens_the_backups(qtbot: QtBot, tmp_path: Path) -> None:
    data = tmp_path / "data"
    created = Store.create(StorePaths(data), keyring=FolderKeyring(tmp_path / "keyring"))
    try:
        backups = Backups(data, created.store, FakeTime(), Manager())
        practice = PracticeSettings(data, Settings(), None, Manager())
        settings = SettingsDialog(practice, tasks=Tasks(print), backups=backups)
        qtbot.addWidget(settings)
        settings.show()
        assert settings.backups_button.isVisible()
        assert settings.backups_button.text() == "Backups…"
        QTest.mouseClick(settings.backups_button, Qt.MouseButton.LeftButton)
        assert settings.backups_dialog is not None
        assert settings.backups_dialog.isVisible()
        assert not settings.backups_dialog.back_up_button.isEnabled()  # no folder chosen yet
        settings.backups_dialog.reject()
        without = SettingsDialog(practice)
        qtbot.addWidget(without)
        assert not without.backups_button.isVisibleTo(without)
    finally:
        created.store.close()


def test_a_new_recovery_key_from_the_backups(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    """Shown with what changes, refused until typed back right, then in use with a backup made
    with it; the key copied is gone from the clipboard when the dialog closes."""
    data = tmp_path / "data"
    created = Store.create(StorePaths(data), keyring=FolderKeyring(tmp_path / "keyring"))
    store = created.store
    time = FakeTime()
    audit = AuditTrail(store.audit, time)
    backups = Backups(data, store, time, Manager(), audit=audit)
    disk = tmp_path / "usb-disk"
    disk.mkdir()
    backups.choose_folder(disk)
    keys = RecoveryKeys(store, Manager(), audit, backups)
    failures: list[str] = []
    dialog = BackupsDialog(backups, Tasks(failures.append), keys=keys, practice_name="Cabinet")
    qtbot.addWidget(dialog)
    dialog.show()

    async def scenario() -> None:
        assert dialog.new_key_button.isVisible()
        QTest.mouseClick(dialog.new_key_button, Qt.MouseButton.LeftButton)
        shown = dialog.key_dialog
        assert shown is not None
        assert shown.isVisible()
        assert "backups made before keep needing it" in shown.intro.text()
        new_key = shown.card.key.text()
        assert RecoveryKey.parse(new_key) != created.recovery_key
        QTest.mouseClick(shown.card.copy_button, Qt.MouseButton.LeftButton)
        assert QGuiApplication.clipboard().text() == new_key

        QTest.keyClicks(shown.typed, created.recovery_key.display)  # the old one, out of habit
        QTest.keyClick(shown.typed, Qt.Key.Key_Return)
        await until(lambda: shown.problem.isVisibleTo(shown), "the refusal")
        assert "not the recovery key shown above" in shown.problem.text()
        assert not list(disk.iterdir())  # nothing changed, no backup

        shown.typed.setText(new_key.lower())
        QTest.mouseClick(shown.use_button, Qt.MouseButton.LeftButton)
        await until(lambda: not shown.isVisible(), "the dialog to close")
        (made,) = disk.iterdir()
        assert dialog.key_note.text() == (
            f"The new recovery key is in use, and a backup was made with it ({made.name})."
        )
        assert QGuiApplication.clipboard().text() != new_key
        slots = KeySlots.load(StorePaths(data).keys)
        slots.unlock_with_recovery_key(new_key)
        with pytest.raises(WrongRecoveryKey):
            slots.unlock_with_recovery_key(created.recovery_key)
        await backups.stop()

    try:
        run_on_qasync(qapp, scenario)
    finally:
        store.close()
    assert failures == []
