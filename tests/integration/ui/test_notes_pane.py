"""The notes pane against a real encrypted store: saved after a pause in typing and when the
consultation changes; a failed save keeps the text and says so."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.helpers.keyring_backend import FolderKeyring
from tests.helpers.storage import make_consultation
from tooddoc_desk.core.consultation import State
from tooddoc_desk.storage.store import Store
from tooddoc_desk.storage.store_paths import StorePaths
from tooddoc_desk.ui.notes_pane import SAVE_AFTER_MS, NotesPane


def test_notes_are_saved_as_typed_and_kept_when_saving_fails(qtbot: QtBot, tmp_path: Path) -> None:
    store = Store.create(StorePaths(tmp_path), keyring=FolderKeyring(tmp_path / "keyring")).store
    first, second = make_consultation(until=State.IN_CALL), make_consultation(until=State.ENDED)
    for consultation in (first, second):
        store.consultations.add(consultation)
    store.consultations.save_notes(second.id, "Contrôle dans 1 semaine")

    pane = NotesPane(lambda cid: store.consultations.get(cid).notes, store.consultations.save_notes)
    qtbot.addWidget(pane)
    assert not pane.isEnabled()
    pane.open(first.id)
    pane.editor.insertPlainText("Toux sèche")  # (QTest types ASCII only)
    assert pane.unsaved()
    qtbot.waitUntil(
        lambda: store.consultations.get(first.id).notes == "Toux sèche", timeout=SAVE_AFTER_MS * 5
    )
    assert pane.status.text() == "Saved"

    pane.editor.insertPlainText(", fièvre")
    pane.open(second.id)  # at once, without waiting for the pause
    assert store.consultations.get(first.id).notes == "Toux sèche, fièvre"
    assert pane.editor.toPlainText() == "Contrôle dans 1 semaine"
    assert not pane.unsaved()

    store.close()  # the store goes away (a disk unplugged)
    QTest.keyClicks(pane.editor, " ou 2")
    pane.save_now()
    assert pane.status.text().startswith("Not saved: ")
    assert pane.editor.toPlainText() == "Contrôle dans 1 semaine ou 2"
    assert pane.unsaved()
