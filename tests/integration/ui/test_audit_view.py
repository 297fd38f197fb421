"""The Audit log tab on a real store: shown to managers only, newest entries first with people's
names, a page at a time; its chain check says the chain holds, then names the entry changed
outside the app; it empties when the desk locks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTabWidget
from sqlcipher3 import dbapi2 as sqlcipher

from tests.helpers.accounts import FAST_HASH, PASSWORD
from tests.helpers.aio import until
from tests.helpers.fake_time import FakeTime
from tests.helpers.hosted_app import run_on_qasync
from tests.helpers.keyring_backend import FolderKeyring
from tooddoc_desk.core.users import Role
from tooddoc_desk.services.accounts import Accounts
from tooddoc_desk.services.audit import AuditTrail
from tooddoc_desk.storage.keyslots import KeySlots
from tooddoc_desk.storage.store import Store
from tooddoc_desk.storage.store_paths import StorePaths
from tooddoc_desk.ui.audit_view import PAGE, AuditView
from tooddoc_desk.ui.tasks import Tasks


def cell(view: AuditView, row: int, column: int) -> str:
    item = view.table.item(row, column)
    return "" if item is None else item.text()


def test_managers_page_through_the_log_and_check_its_chain(
    qapp: QApplication, tmp_path: Path
) -> None:
    paths = StorePaths(tmp_path / "data")
    created = Store.create(paths, keyring=FolderKeyring(tmp_path / "keyring"))
    store = created.store
    key = KeySlots.load(paths.keys).unlock_with_recovery_key(created.recovery_key)
    clock = FakeTime()
    trail = AuditTrail(store.audit, clock)
    accounts = Accounts(store.users, clock, FAST_HASH, trail)
    tabs = QTabWidget()
    problems: list[str] = []
    view = AuditView(trail, accounts, Tasks(problems.append), tabs)

    async def scenario() -> None:
        assert not tabs.isTabVisible(tabs.indexOf(view))  # nobody signed in
        manager = await accounts.create_first("Els Janssens", frozenset({Role.MANAGER}), PASSWORD)
        assert tabs.isTabVisible(tabs.indexOf(view))
        assert tabs.tabText(tabs.indexOf(view)) == "Audit log"
        clerk = await accounts.add_user("Sofie Peeters", frozenset({Role.RECEPTIONIST}), PASSWORD)
        for number in range(PAGE + 20):
            clock.advance(60)
            trail.record("export", by=manager, details={"format": "csv", "rows": number})
        view.refresh()
        assert view.page_label.text() == f"Entries 1–{PAGE} of {PAGE + 23}, newest first"
        assert [cell(view, 0, column) for column in range(1, 5)] == [
            "Els Janssens",
            "Export",
            "",
            f"format: csv; rows: {PAGE + 19}",
        ]
        assert not view.newer_button.isEnabled()
        QTest.mouseClick(view.older_button, Qt.MouseButton.LeftButton)
        assert view.table.rowCount() == 23
        assert (
            view.page_label.text() == f"Entries {PAGE + 1}–{PAGE + 23} of {PAGE + 23}, newest first"
        )
        oldest = view.table.rowCount() - 1
        assert [cell(view, oldest, column) for column in range(1, 5)] == [
            "Els Janssens",
            "User added",
            "Els Janssens",
            "roles: manager",
        ]
        assert cell(view, oldest - 2, 3) == "Sofie Peeters"
        assert not view.older_button.isEnabled()

        QTest.mouseClick(view.verify_button, Qt.MouseButton.LeftButton)
        await until(lambda: view.verdict.text().startswith("The chain holds"), "the verdict")
        assert view.verdict.text() == f"The chain holds: {PAGE + 23} entries checked."

        raw = sqlcipher.connect(str(paths.database), isolation_level=None)
        raw.execute(f"PRAGMA key = {key.pragma_value()}")
        raw.execute("DROP TRIGGER audit_log_no_delete")
        raw.execute("DELETE FROM audit_log WHERE seq = 50")
        raw.close()
        QTest.mouseClick(view.verify_button, Qt.MouseButton.LeftButton)
        await until(lambda: "broken" in view.verdict.text(), "the broken chain")
        assert view.verdict.text().startswith("The chain is broken at entry 50:")

        accounts.lock()
        assert view.table.rowCount() == 0
        assert view.verdict.text() == ""
        assert not tabs.isTabVisible(tabs.indexOf(view))
        await accounts.sign_in(clerk.name, PASSWORD)
        assert not tabs.isTabVisible(tabs.indexOf(view))  # reception: no audit log
        assert view.table.rowCount() == 0
        assert problems == []

    try:
        run_on_qasync(qapp, scenario)
    finally:
        store.close()
