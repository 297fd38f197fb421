"""History in the window, against the real service and encrypted store: pages of a long
history, filters, the selected consultation's timeline, and notes for practitioners only."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.helpers.aio import until
from tests.helpers.hosted_app import run_on_qasync
from tests.helpers.storage import email, make_consultation
from tests.integration.services.rig import rig
from tests.integration.ui.desk import desk
from tooddoc_desk.core.clock import SystemClock
from tooddoc_desk.core.consultation import State
from tooddoc_desk.core.users import Role
from tooddoc_desk.messaging.dev_outbox import DevOutbox


def test_a_long_history_in_pages_with_filters_timeline_and_notes(
    loopback_only: None, qapp: QApplication, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with rig(tmp_path, DevOutbox()) as r:
            start = SystemClock().now() - timedelta(days=400)
            made = [
                make_consultation(
                    email(f"patient{n}@example.be") if n % 50 == 0 else None,
                    created_at=start + timedelta(days=n * 1.5),
                    until=State.ENDED if n % 2 else State.EXPIRED,
                )
                for n in range(250)
            ]
            r.store.consultations.add_many(made)
            r.store.consultations.save_notes(made[-1].id, "Contrôle dans 1 semaine")
            async with desk(r) as (window, _lock):
                history = window.history
                window.tabs.setCurrentWidget(history)
                await until(lambda: history.model.rowCount() == 100, "the first page")
                assert history.page_label.text() == "1–100 of 250"
                assert not history.previous_button.isEnabled()
                assert history.model.consultation_at(0).id == made[-1].id  # newest first
                QTest.mouseClick(history.next_button, Qt.MouseButton.LeftButton)
                await until(lambda: history.page_label.text() == "101–200 of 250", "page 2")
                QTest.mouseClick(history.next_button, Qt.MouseButton.LeftButton)
                await until(lambda: history.page_label.text() == "201–250 of 250", "page 3")
                assert not history.next_button.isEnabled()

                QTest.keyClicks(history.contact_field, "patient1")  # 100 and 150
                await until(lambda: history.page_label.text() == "1–2 of 2", "the search")
                history.contact_field.clear()
                history.state_box.setCurrentIndex(history.state_box.findData("expired"))
                history.search()
                await until(lambda: history.page_label.text() == "1–100 of 125", "expired ones")
                history.state_box.setCurrentIndex(0)
                history.period_box.setCurrentIndex(history.period_box.findData("30"))
                history.search()
                midnight = datetime.combine(date.today(), time()).astimezone()
                month = [c for c in made if c.created_at >= midnight - timedelta(days=30)]
                expected = f"1–{len(month)} of {len(month)}"
                await until(lambda: history.page_label.text() == expected, "the last 30 days")

                history.period_box.setCurrentIndex(0)
                history.search()
                await until(lambda: history.page_label.text() == "1–100 of 250", "all again")
                history.table.selectRow(0)
                assert "Ended" in history.timeline.text()
                assert history.notes.isVisible()
                assert history.notes.editor.toPlainText() == "Contrôle dans 1 semaine"

                await r.accounts.add_user("Anne", frozenset({Role.RECEPTIONIST}), "482915")
                r.accounts.sign_out()
                assert history.model.rowCount() == 0  # nothing shows while nobody is in
                await r.accounts.sign_in("Anne", "482915")
                await until(lambda: history.model.rowCount() == 100, "Anne's first page")
                history.table.selectRow(0)
                assert "Ended" in history.timeline.text()
                assert not history.notes.isVisible()  # reception never sees notes
                assert history.notes.editor.toPlainText() == ""

    run_on_qasync(qapp, scenario)
