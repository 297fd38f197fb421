"""Every main screen can be used without a mouse and with a screen reader: Tab goes through every
control of the window, in reading order, and comes back round (no control keeps the Tab key for
itself); each control Tab reaches has a name a screen reader says (its own, its text, or that of
the label it belongs to). Help › Keyboard shortcuts (F1) lists the shortcuts."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableWidget, QWidget

from tests.helpers.aio import until
from tests.helpers.hosted_app import run_on_qasync
from tests.integration.services.rig import rig
from tests.integration.ui.desk import desk
from tests.integration.ui.test_backups_dialog import Manager
from tooddoc_desk.config import Settings
from tooddoc_desk.core.clock import SystemClock
from tooddoc_desk.messaging.dev_outbox import DevOutbox
from tooddoc_desk.services.audit import AuditTrail
from tooddoc_desk.services.backups import Backups
from tooddoc_desk.services.hub_choice import HubSwitch
from tooddoc_desk.services.practice_settings import PracticeSettings
from tooddoc_desk.services.recovery_keys import RecoveryKeys
from tooddoc_desk.ui.backups_dialog import BackupsDialog
from tooddoc_desk.ui.main_window import MainWindow
from tooddoc_desk.ui.settings_dialog import SettingsDialog
from tooddoc_desk.ui.shortcuts_dialog import SHORTCUTS, ShortcutsDialog

pytestmark = pytest.mark.usefixtures("loopback_only")


def spoken_name(widget: QWidget) -> str:
    """What a screen reader says the control is."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def describe(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.objectName()!r} {spoken_name(widget)!r}"


def tab_cycle(start: QWidget, limit: int = 120) -> list[QWidget]:
    """The controls Tab reaches from `start`, in order, until it comes back to `start`."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    assert QApplication.focusWidget() is start, describe(start)
    cycle = [start]
    for _ in range(limit):
        focus = QApplication.focusWidget()
        assert focus is not None
        QTest.keyClick(focus, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        assert now is not None, "Tab left the window"
        if now is start:
            return cycle
        assert now not in cycle, f"Tab goes round without {describe(start)}: {describe(now)}"
        cycle.append(now)
    raise AssertionError(f"Tab stays in {describe(cycle[-1])}")


def focus_chain(window: QWidget) -> list[QWidget]:
    """The window's widgets in the order Qt gives the focus to them."""
    chain = []
    widget = window.nextInFocusChain()
    while widget is not None and widget is not window:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def takes_tab(widget: QWidget) -> bool:
    policy = widget.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
    return policy and widget.focusProxy() is None


def tab_stops(window: QWidget) -> list[QWidget]:
    """Every control of the window Tab should reach: shown, enabled, taking the focus by Tab."""
    return [
        widget
        for widget in focus_chain(window)
        if takes_tab(widget)
        and widget.isVisible()
        and widget.isEnabled()
        and widget.window() is window
    ]


ROW = 6  # pixels: controls this close in height are on one line


def reading_order(window: QWidget, cycle: list[QWidget]) -> list[str]:
    """Where Tab goes back up, or leftwards on a line: each such step, named."""
    wrong = []
    for before, after in itertools.pairwise(cycle):
        if before.window() is not after.window():
            continue
        a, b = before.mapTo(window, QPoint(0, 0)), after.mapTo(window, QPoint(0, 0))
        beside = abs(a.y() - b.y()) <= ROW
        side_by_side = b.x() >= a.x() + before.width() - ROW  # another column
        if (beside and b.x() < a.x()) or (b.y() < a.y() - ROW and not side_by_side):
            wrong.append(f"{describe(before)} → {describe(after)}")
    return wrong


def check_screen(window: QWidget, start: QWidget) -> list[QWidget]:
    """Tab reaches every control from `start` and comes back; each has a name; the order reads
    as the screen does (a column at a time)."""
    cycle = tab_cycle(start)
    unreached = [describe(w) for w in tab_stops(window) if w not in cycle]
    assert unreached == [], f"Tab never reaches {unreached}"
    nameless = [describe(w) for w in cycle if not spoken_name(w)]
    assert nameless == [], f"no name for a screen reader: {nameless}"
    return cycle


def every_control_has_a_name(window: QWidget) -> None:
    """Also the controls not shown or not usable now (a call's, a selection's)."""
    nameless = [describe(w) for w in focus_chain(window) if takes_tab(w) and not spoken_name(w)]
    assert nameless == [], f"no name for a screen reader: {nameless}"


async def active(widget: QWidget) -> None:
    widget.show()
    widget.activateWindow()
    await until(lambda: QApplication.activeWindow() is widget, "the window active")


def test_tab_goes_through_every_screen_and_each_control_has_a_name(
    qapp: QApplication, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with rig(tmp_path, DevOutbox()) as r, desk(r) as (window, lock):
            await r.invited()
            window.show_lists()
            await active(window)
            window.today_table.selectRow(0)  # what can be done with it: its buttons
            assert window.cancel_button.isEnabled()
            every_control_has_a_name(window)
            start = window.invite_panel.contact_field
            current = window.tabs.currentWidget
            regions: tuple[Callable[[QWidget], bool], ...] = (
                lambda w: window.invite_panel.isAncestorOf(w) or window.outbox.isAncestorOf(w),
                lambda w: w is window.tabs.tabBar(),
                lambda w: current().isAncestorOf(w),
                lambda w: window.statusBar().isAncestorOf(w),
            )
            for page in (window.today, window.call_view, window.history, lock.users):
                window.tabs.setCurrentWidget(page)
                cycle = check_screen(window, start)
                # the panel on the left, the tabs, the tab's page, the status bar
                where = [next(i for i, inside in enumerate(regions) if inside(w)) for w in cycle]
                assert where == sorted(where), [describe(w) for w in cycle]
                assert reading_order(window, cycle) == []
            # the table lets Tab go on: the arrow keys move in it
            window.tabs.setCurrentWidget(window.today)
            after_table = cycle_after(window.today_table)
            assert after_table is window.today.copy_button, describe(after_table)

            lock.lock_button.click()  # the sign-in page, to unlock
            assert not lock.unlocked()
            form = lock.page.form
            cycle = check_screen(window, form.secret)
            assert form.sign_in in cycle

            async with httpx.AsyncClient() as http:
                practice = PracticeSettings(tmp_path / "data", Settings(), None, r.accounts)
                hubs = HubSwitch(practice, None, http, use_hub=refuse, rooms=r.service)
                await r.accounts.unlock("correct horse battery")
                dialog = SettingsDialog(practice, window, hubs=hubs, tasks=window.tasks)
                await active(dialog)
                every_control_has_a_name(dialog)
                cycle = check_screen(dialog, dialog.practice_name)
                assert reading_order(dialog, cycle) == []
                dialog.reject()

            backups = Backups(tmp_path / "data", r.store, SystemClock(), Manager())
            audit = AuditTrail(r.store.audit, SystemClock())
            keys = RecoveryKeys(r.store, Manager(), audit, backups)
            backups_dialog = BackupsDialog(backups, window.tasks, window, keys=keys)
            await active(backups_dialog)
            every_control_has_a_name(backups_dialog)
            cycle = check_screen(backups_dialog, backups_dialog.folder)
            assert backups_dialog.new_key_button in cycle
            assert reading_order(backups_dialog, cycle) == []
            backups_dialog.new_recovery_key()
            key_dialog = backups_dialog.key_dialog
            assert key_dialog is not None
            await active(key_dialog)
            every_control_has_a_name(key_dialog)
            cycle = check_screen(key_dialog, key_dialog.card.copy_button)
            assert key_dialog.typed in cycle
            assert reading_order(key_dialog, cycle) == []
            key_dialog.reject()
            backups_dialog.reject()

    run_on_qasync(qapp, scenario)


def cycle_after(widget: QWidget) -> QWidget:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(widget, Qt.Key.Key_Tab)
    focus = QApplication.focusWidget()
    assert focus is not None
    return focus


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


async def refuse(hub: object) -> None:
    raise AssertionError("the hub is not changed here")


def test_f1_lists_the_shortcuts(qapp: QApplication, tmp_path: Path) -> None:
    async def scenario() -> None:
        async with rig(tmp_path, DevOutbox()) as r, desk(r) as (window, _lock):
            await active(window)
            assert window.help_menu.title() == "&Help"
            QTest.keyClick(window, Qt.Key.Key_F1)
            dialog = window.shortcuts_dialog
            assert isinstance(dialog, ShortcutsDialog)
            await until(dialog.isVisible, "the shortcuts")
            table = dialog.table
            listed = {cell(table, row, 0) for row in range(table.rowCount())}
            assert {"Ctrl+T", "Ctrl+L", "F1", "Return", "Shift+Return"} <= listed
            assert table.rowCount() == len(SHORTCUTS)
            assert cell(table, 0, 1) == "Type a new patient's number or address"
            every_control_has_a_name(dialog)
            QTest.keyClick(dialog, Qt.Key.Key_Escape)
            assert not dialog.isVisible()

            # Ctrl+Tab: the next tab, from a control of the tab's page
            await active(window)
            window.tabs.setCurrentWidget(window.today)
            window.today_table.setFocus()
            QTest.keyClick(window.today_table, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
            assert window.tabs.currentWidget() is window.call_view
            assert isinstance(window, MainWindow)

    run_on_qasync(qapp, scenario)
