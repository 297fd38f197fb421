"""The first start's "restore from a backup", Qt offscreen, on real stores: a wrong recovery key
and a file that is no backup are said under the form with nothing written; the right key
restores, the store then opens with this computer's keyring, and the audit log says who."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.helpers.keyring_backend import FolderKeyring
from tests.helpers.storage import folder_snapshot, make_consultation
from tooddoc_desk.services.audit import RESTORE
from tooddoc_desk.services.restore import RestoreOutcome
from tooddoc_desk.services.store_access import open_store
from tooddoc_desk.storage import Store, StorePaths
from tooddoc_desk.ui.restore_dialog import WINDOW, RestoreDialog


class NoPrompts:
    def new_passphrase(self) -> str | None:
        raise AssertionError("asked for a new passphrase")

    def passphrase(self, problem: str | None) -> str | None:
        raise AssertionError("asked for the passphrase")

    def recovery_key(self, problem: str) -> str | None:
        raise AssertionError(f"asked for the recovery key: {problem}")


def outcome_of(dialog: RestoreDialog) -> RestoreOutcome | None:
    return dialog.outcome


def _restore(qtbot: QtBot, dialog: RestoreDialog, source: Path, typed: str) -> None:
    dialog.file.setText(str(source))
    dialog.recovery_key.setText(typed)
    QTest.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.restore_button.isEnabled, timeout=20_000)


def test_restore_from_the_first_start(qtbot: QtBot, tmp_path: Path) -> None:
    created = Store.create(StorePaths(tmp_path / "old"), keyring=FolderKeyring(tmp_path / "k1"))
    consultation = make_consultation(notes="Tension 13/8, à revoir")
    created.store.consultations.add(consultation)
    disk = tmp_path / "disk"
    disk.mkdir()
    backup = created.store.back_up_into(disk)
    created.store.close()

    data = tmp_path / "new-pc"
    keyring = FolderKeyring(tmp_path / "k2")
    dialog = RestoreDialog(data, keyring)
    qtbot.addWidget(dialog)
    _restore(qtbot, dialog, backup, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")
    assert "does not unlock" in dialog.problem.text()
    not_a_backup = tmp_path / "letter.txt"
    not_a_backup.write_text("Dear doctor")
    _restore(qtbot, dialog, not_a_backup, created.recovery_key.display)
    assert "not a tooddoc-desk backup" in dialog.problem.text()
    assert outcome_of(dialog) is None
    assert folder_snapshot(data) == {}

    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        _restore(qtbot, dialog, backup, created.recovery_key.display)
    restored = outcome_of(dialog)
    assert restored is not None
    assert restored.consultations == 1
    assert dialog.recovery_key.text() == ""

    opened = open_store(data, keyring, NoPrompts())
    try:
        assert opened.store.consultations.get(consultation.id).notes == "Tension 13/8, à revoir"
        last = opened.store.audit.entries()[-1]
        assert (last.kind, last.actor) == (RESTORE, WINDOW)
    finally:
        opened.store.close()
