"""The export dialog against a real encrypted store: the export runs in the background while
the event loop keeps turning, shows its progress, writes the file and says its totals; Cancel
leaves nothing; the notes box is for practitioners only."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QEvent, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from tests.helpers.hosted_app import run_on_qasync
from tests.helpers.keyring_backend import DOTTED_PATH, FOLDER_VAR
from tests.helpers.storage import T0, make_consultation
from tests.integration.storage.test_manager_export import MANAGER, Desk, exports, fill
from tooddoc_desk.core.users import Role, User
from tooddoc_desk.storage import Store, StorePaths, choose_keyring
from tooddoc_desk.storage.export_file import ExportFormat
from tooddoc_desk.ui.export_dialog import ExportDialog
from tooddoc_desk.ui.tasks import Tasks


def discard(widget: QWidget) -> None:
    """Deleted now, so that no later test's language change reaches it."""
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv(FOLDER_VAR, str(tmp_path / "keyring"))
    monkeypatch.setenv("TOODDOC_KEYRING_BACKEND", DOTTED_PATH)
    created = Store.create(StorePaths(tmp_path / "store"), keyring=choose_keyring())
    return created.store


def test_an_export_in_the_background_then_a_cancelled_one(
    qapp: QApplication, tmp_path: Path, store: Store
) -> None:
    fill(store)
    store.consultations.add_many(
        make_consultation(created_at=T0 + timedelta(days=5, seconds=s)) for s in range(1200)
    )
    problems: list[str] = []
    parent = QWidget()
    dialog = ExportDialog(
        exports(store, Desk(MANAGER)), Tasks(problems.append), date(2025, 3, 1), parent
    )
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))

    async def scenario() -> None:
        dialog.show()
        assert not dialog.notes_box.isVisible()  # a manager, not a practitioner
        names = [
            dialog.practitioner_box.itemText(i) for i in range(dialog.practitioner_box.count())
        ]
        assert names[0] == "Any practitioner"
        assert sorted(names[1:]) == ["=Dr Jan Maes", "Dr Anne Peeters", "Dr Luc Dent"]
        dialog.from_date.setDate(QDate(2025, 3, 14))
        dialog.to_date.setDate(QDate(2025, 3, 31))
        dialog.format_box.setCurrentIndex(dialog.format_box.findData(ExportFormat.PDF.value))
        out = tmp_path / "march.pdf"
        timer.start()
        task = dialog.start(out, dialog.request())
        assert dialog.progress.isVisible()
        assert dialog.close_button.text() == "Cancel"
        await task
        timer.stop()
        assert ticks, "the event loop turned while the export ran"
        assert out.exists()
        assert dialog.message.text().startswith("1204 consultations exported to march.pdf")
        assert not dialog.progress.isVisible()
        assert dialog.close_button.text() == "Close"

        out = tmp_path / "again.csv"
        task = dialog.start(out, dialog.request())
        dialog.close_button.click()  # Cancel: stops after the page being read
        await task
        assert dialog.message.text() == "Export cancelled: nothing was written."
        dialog.close()

    try:
        run_on_qasync(qapp, scenario)
    finally:
        store.close()
        discard(parent)
    assert problems == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keyring", "march.pdf", "store"]


def test_the_notes_box_is_for_practitioners(qapp: QApplication, store: Store) -> None:
    both = User("Dr Both", frozenset({Role.PRACTITIONER, Role.MANAGER}), "10000000104")
    parent = QWidget()
    dialog = ExportDialog(exports(store, Desk(both)), Tasks(print), date(2025, 3, 1), parent)
    try:
        dialog.show()
        assert dialog.notes_box.isVisible()
        assert not dialog.notes_box.isChecked()
        dialog.notes_box.setChecked(True)
        assert dialog.request().include_notes
        dialog.close()
        dialog.show()  # opened again: unticked again
        assert not dialog.request().include_notes
        dialog.close()
    finally:
        store.close()
        discard(parent)
