"""The sign-in page in front of the window, with the real consultation service and store:
locking hides every patient, the person unlocks with their secret, the desk locks itself when
idle but never during a call, and each role sees what it may use."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.helpers.accounts import PASSWORD
from tests.helpers.aio import until
from tests.helpers.hosted_app import run_on_qasync
from tests.integration.services.rig import rig
from tests.integration.ui.desk import desk
from tooddoc_desk.core.users import Role
from tooddoc_desk.messaging.dev_outbox import DevOutbox
from tooddoc_desk.ui.users_panel import UsersPanel


def cell(users: UsersPanel, row: int, column: int) -> str:
    item = users.table.item(row, column)
    return "" if item is None else item.text()


def test_locking_hides_patients_and_the_secret_unlocks(
    loopback_only: None, qapp: QApplication, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with rig(tmp_path, DevOutbox()) as r, desk(r) as (window, lock):
            await r.invited()
            assert lock.unlocked()
            await until(lambda: window.today_model.rowCount() == 1, "today's consultation")
            assert lock.who.text() == "Dr Test"

            QTest.mouseClick(lock.lock_button, Qt.MouseButton.LeftButton)
            assert not lock.unlocked()
            assert window.today_model.rowCount() == 0  # nothing about patients shows
            assert window.history_model.rowCount() == 0
            page = lock.page
            assert page.form.name.text() == "Dr Test"
            assert page.form.name.isReadOnly()

            QTest.keyClicks(page.form.secret, "not my password")
            QTest.keyClick(page.form.secret, Qt.Key.Key_Return)
            await until(lambda: page.problem.text() != "", "the refusal")
            assert page.problem.text() == "The name or the password is wrong."
            assert page.form.secret.text() == ""
            assert not lock.unlocked()

            QTest.keyClicks(page.form.secret, PASSWORD)
            QTest.keyClick(page.form.secret, Qt.Key.Key_Return)
            await until(lock.unlocked, "the desk again")
            assert window.today_model.rowCount() == 1

            # the link of the selected consultation: copied, or shown as a QR code
            today = window.today
            window.today_table.selectRow(0)
            link = today.selected().link  # type: ignore[union-attr]
            assert link is not None
            assert today.copy_button.isEnabled()
            QTest.mouseClick(today.copy_button, Qt.MouseButton.LeftButton)
            assert QApplication.clipboard().text() == link
            QTest.mouseClick(today.code_button, Qt.MouseButton.LeftButton)
            assert today.link_dialog is not None
            assert today.link_dialog.isVisible()
            assert today.link_dialog.address.text() == link
            today.link_dialog.close()

    run_on_qasync(qapp, scenario)


def test_idle_locks_but_not_during_a_call_and_roles_shape_the_desk(
    loopback_only: None, qapp: QApplication, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with rig(tmp_path, DevOutbox()) as r, desk(r) as (window, lock):
            await r.accounts.add_user("Anne", frozenset({Role.RECEPTIONIST}), "482915")
            lock._last_input = 0.0
            QTest.keyClick(window.invite_panel.contact_field, Qt.Key.Key_0)  # a person
            assert lock._last_input > 0.0
            lock.check_idle(now=lock._last_input + 9 * 60)
            assert lock.unlocked()
            window.call_view.consultation_id = "in-a-call"
            lock.check_idle(now=lock._last_input + 11 * 60)
            assert lock.unlocked()  # hands are busy with the patient
            window.call_view.consultation_id = None
            lock.check_idle(now=lock._last_input + 11 * 60)
            assert not lock.unlocked()

            QTest.mouseClick(lock.page.form.someone_else, Qt.MouseButton.LeftButton)
            assert (lock.page.form.name.text(), lock.page.form.name.isReadOnly()) == ("", False)
            QTest.keyClicks(lock.page.form.name, "Anne")
            QTest.keyClicks(lock.page.form.secret, "482915")
            QTest.keyClick(lock.page.form.secret, Qt.Key.Key_Return)
            await until(lock.unlocked, "the receptionist's desk")
            assert lock.who.text() == "Anne"
            assert window.invite_panel.isEnabled()  # she sends links
            assert not window.admit_button.isVisible()  # she does not run calls
            assert not window.tabs.isTabVisible(window.tabs.indexOf(window.call_view))
            assert not window.export_button.isVisible()

    run_on_qasync(qapp, scenario)


def test_a_manager_adds_a_receptionist_and_changes_her_roles(
    loopback_only: None, qapp: QApplication, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with (
            rig(tmp_path, DevOutbox()) as r,
            desk(r) as (window, lock),
        ):  # Dr Test: practitioner and manager
            users = lock.users
            assert window.tabs.isTabVisible(window.tabs.indexOf(users))
            assert users.table.rowCount() == 1
            QTest.keyClicks(users.name, "Anne")
            users.roles[Role.RECEPTIONIST].setChecked(True)
            QTest.keyClicks(users.secret, "12345")
            QTest.mouseClick(users.add_button, Qt.MouseButton.LeftButton)
            await until(lambda: users.message.text() != "", "the refusal")
            assert users.message.text() == "A PIN has 6 to 12 digits."
            assert users.table.rowCount() == 1

            QTest.keyClicks(users.secret, "482915")
            QTest.mouseClick(users.add_button, Qt.MouseButton.LeftButton)
            await until(lambda: users.table.rowCount() == 2, "Anne in the list")
            assert users.message.text() == "Anne may now sign in."
            assert cell(users, 0, 1) == "Reception"

            users.table.selectRow(0)
            users.roles[Role.PRACTITIONER].setChecked(True)
            QTest.mouseClick(users.save_button, Qt.MouseButton.LeftButton)
            assert users.message.text() == "A practitioner needs an INAMI number."
            QTest.keyClicks(users.inami, "2-34567-89-012")
            QTest.mouseClick(users.save_button, Qt.MouseButton.LeftButton)
            assert users.message.text() == "Anne: saved."
            assert cell(users, 0, 1) == "Practitioner, Reception"
            assert cell(users, 0, 2) == "2-34567-89-012"

            r.accounts.sign_out()
            await r.accounts.sign_in("Anne", "482915")
            assert not window.tabs.isTabVisible(window.tabs.indexOf(users))
            assert users.table.rowCount() == 0

    run_on_qasync(qapp, scenario)


def test_reception_chooses_whom_a_link_is_for(
    loopback_only: None, qapp: QApplication, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with rig(tmp_path, DevOutbox()) as r, desk(r) as (window, lock):
            panel = window.invite_panel
            assert not panel.practitioner_box.isVisible()  # one practitioner: no choice
            janssens = await r.accounts.add_user(
                "Dr Janssens", frozenset({Role.PRACTITIONER}), PASSWORD, "2-34567-89-012"
            )
            await r.accounts.add_user("Anne", frozenset({Role.RECEPTIONIST}), "482915")
            r.accounts.sign_out()
            QTest.keyClicks(lock.page.form.name, "Anne")
            QTest.keyClicks(lock.page.form.secret, "482915")
            QTest.keyClick(lock.page.form.secret, Qt.Key.Key_Return)
            await until(lock.unlocked, "the receptionist's desk")
            assert panel.practitioner_box.isVisible()
            assert panel.practitioner_box.currentText() == "Choose the practitioner…"

            QTest.keyClicks(panel.contact_field, "0470 12 34 56")
            QTest.keyClick(panel.contact_field, Qt.Key.Key_Return)
            await until(window.problem_banner.isVisible, "the problem")
            assert window.problem_banner.text() == (
                "Choose the practitioner the consultation is for."
            )
            assert window.today_model.rowCount() == 0

            panel.practitioner_box.setCurrentIndex(panel.practitioner_box.findData(janssens.id))
            QTest.keyClick(panel.contact_field, Qt.Key.Key_Return)
            await until(lambda: window.today_model.rowCount() == 1, "the consultation")
            assert window.today_model.consultation_at(0).practitioner_id == janssens.id

    run_on_qasync(qapp, scenario)
