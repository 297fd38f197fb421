"""The Audit log tab, for managers: the entries, newest first, a page at a time (read-only), and a
check of the whole chain, run off the event loop. The tab shows only while a manager is signed
in, and empties itself when the desk locks."""

from __future__ import annotations

import asyncio
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tooddoc_desk.core.users import Permission, User
from tooddoc_desk.services import audit
from tooddoc_desk.services.accounts import Accounts
from tooddoc_desk.services.audit import AuditTrail
from tooddoc_desk.storage.audit_log import AuditEntry, ChainReport, DetailValue
from tooddoc_desk.ui.i18n import FollowsLanguage, fill
from tooddoc_desk.ui.marks import QT_TRANSLATE_NOOP
from tooddoc_desk.ui.tasks import Tasks

CONTEXT = "AuditView"
PAGE = 100
HEADERS = (
    QT_TRANSLATE_NOOP("AuditView", "When"),
    QT_TRANSLATE_NOOP("AuditView", "Who"),
    QT_TRANSLATE_NOOP("AuditView", "What"),
    QT_TRANSLATE_NOOP("AuditView", "About"),
    QT_TRANSLATE_NOOP("AuditView", "Details"),
)
KINDS = {
    audit.SIGN_IN: QT_TRANSLATE_NOOP("AuditView", "Signed in"),
    audit.SIGN_IN_FAILED: QT_TRANSLATE_NOOP("AuditView", "Sign-in refused"),
    audit.SIGN_OUT: QT_TRANSLATE_NOOP("AuditView", "Signed out"),
    audit.LOCKED: QT_TRANSLATE_NOOP("AuditView", "Screen locked"),
    audit.NOTES_OPENED: QT_TRANSLATE_NOOP("AuditView", "Notes opened"),
    audit.CHAT_OPENED: QT_TRANSLATE_NOOP("AuditView", "Chat opened"),
    audit.EXPORT: QT_TRANSLATE_NOOP("AuditView", "Export"),
    audit.BACKUP: QT_TRANSLATE_NOOP("AuditView", "Backup"),
    audit.RESTORE: QT_TRANSLATE_NOOP("AuditView", "Restore"),
    audit.RECOVERY_KEY_REPLACED: QT_TRANSLATE_NOOP("AuditView", "Recovery key replaced"),
    audit.SETTINGS_CHANGED: QT_TRANSLATE_NOOP("AuditView", "Settings changed"),
    audit.USER_ADDED: QT_TRANSLATE_NOOP("AuditView", "User added"),
    audit.USER_CHANGED: QT_TRANSLATE_NOOP("AuditView", "User changed"),
    audit.PASSWORD_RESET: QT_TRANSLATE_NOOP("AuditView", "Password reset"),
    audit.PASSWORD_CHANGED: QT_TRANSLATE_NOOP("AuditView", "Own password changed"),
    audit.PAYMENT_REFUNDED: QT_TRANSLATE_NOOP("AuditView", "Payment refunded"),
    audit.CONSULTATION_DELETED: QT_TRANSLATE_NOOP("AuditView", "Consultation deleted"),
    audit.PURGE: QT_TRANSLATE_NOOP("AuditView", "Old records purged"),
    audit.RETENTION_CHANGED: QT_TRANSLATE_NOOP("AuditView", "Retention changed"),
    audit.AUDIT_SHOWN: QT_TRANSLATE_NOOP("AuditView", "Audit log shown"),
}
COMMAND_LINE = "command line"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class AuditView(FollowsLanguage, QWidget):
    def __init__(
        self, trail: AuditTrail, accounts: Accounts, tasks: Tasks, tabs: QTabWidget
    ) -> None:
        super().__init__()
        self._trail = trail
        self._accounts = accounts
        self._tasks = tasks
        self._tabs = tabs
        self._entries: list[AuditEntry] = []
        self._names: dict[str, str] = {}
        self._report: ChainReport | None = None
        self.offset = 0
        self.total = 0
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.newer_button = QPushButton()
        self.older_button = QPushButton()
        self.page_label = QLabel("")
        self.verify_button = QPushButton()
        self.verdict = QLabel("")
        self.verdict.setWordWrap(True)
        pages = QHBoxLayout()
        pages.addWidget(self.newer_button)
        pages.addWidget(self.page_label, 1)
        pages.addWidget(self.older_button)
        checking = QHBoxLayout()
        checking.addWidget(self.verify_button)
        checking.addWidget(self.verdict, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(pages)
        layout.addLayout(checking)
        tabs.addTab(self, "")
        self.newer_button.clicked.connect(self.newer)
        self.older_button.clicked.connect(self.older)
        self.verify_button.clicked.connect(self.verify)
        self.retranslate()
        accounts.subscribe(self._follow)
        self._follow(accounts.current)

    def retranslate(self) -> None:
        self._tabs.setTabText(self._tabs.indexOf(self), self.tr("Audit log"))
        self.table.setHorizontalHeaderLabels([_t(header) for header in HEADERS])
        self.table.setAccessibleName(self.tr("Audit log entries"))
        self.newer_button.setText(self.tr("Newer"))
        self.older_button.setText(self.tr("Older"))
        self.verify_button.setText(self.tr("Check the chain"))
        self.verify_button.setToolTip(
            self.tr("Check that no entry was changed, removed or added outside the app")
        )
        self._fill()
        self._say_verdict()

    # --- who sees it ----------------------------------------------------------------------

    def _follow(self, user: User | None) -> None:
        manages = user is not None and user.may(Permission.MANAGE_USERS)
        self._tabs.setTabVisible(self._tabs.indexOf(self), manages)
        self.offset = 0
        self._report = None
        self._say_verdict()
        if manages:
            self.refresh()
        else:
            self._entries, self._names, self.total = [], {}, 0
            self._fill()

    # --- the entries ----------------------------------------------------------------------

    def refresh(self) -> None:
        """The page at `offset` (newest first) as the store has it now."""
        if not self._accounts.may(Permission.MANAGE_USERS):
            return
        self.total = self._trail.count(self._accounts)
        self.offset = max(0, min(self.offset, (self.total - 1) // PAGE * PAGE))
        self._entries = self._trail.entries(
            self._accounts, offset=self.offset, limit=PAGE, newest_first=True
        )
        self._names = {user.id: user.name for user in self._accounts.users()}
        self._fill()

    def newer(self) -> None:
        self.offset = max(0, self.offset - PAGE)
        self.refresh()

    def older(self) -> None:
        if self.offset + PAGE < self.total:
            self.offset += PAGE
            self.refresh()

    def _fill(self) -> None:
        self.table.setRowCount(len(self._entries))
        for row, entry in enumerate(self._entries):
            cells = (
                _moment(entry.at),
                self._who(entry.actor),
                _t(KINDS[entry.kind]) if entry.kind in KINDS else entry.kind,
                self._names.get(entry.subject or "", entry.subject or ""),
                "; ".join(f"{key}: {_value(value)}" for key, value in entry.details.items()),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if self.total:
            first, last = self.offset + 1, self.offset + len(self._entries)
            self.page_label.setText(
                fill(self.tr("Entries %1–%2 of %3, newest first"), first, last, self.total)
            )
        else:
            self.page_label.setText(self.tr("No entries"))
        self.newer_button.setEnabled(self.offset > 0)
        self.older_button.setEnabled(self.offset + PAGE < self.total)

    def _who(self, actor: str) -> str:
        if actor == audit.NOBODY:
            return self.tr("Nobody signed in")
        if actor.startswith(COMMAND_LINE):
            return fill(self.tr("Command line: %1"), actor.removeprefix(COMMAND_LINE).strip())
        return self._names.get(actor, actor)

    # --- the chain --------------------------------------------------------------------------

    def verify(self) -> None:
        """Checks the whole chain in a worker thread; the verdict shows below the table."""
        self.verify_button.setEnabled(False)
        self.verdict.setText(self.tr("Checking…"))
        self._tasks.run(self._verify())

    async def _verify(self) -> None:
        try:
            report = await asyncio.to_thread(self._trail.verify)
        finally:
            self.verify_button.setEnabled(True)
        self._report = report
        self._say_verdict()

    def _say_verdict(self) -> None:
        report = self._report
        if report is None:
            self.verdict.setText("")
        elif report.intact:
            self.verdict.setText(
                fill(self.tr("The chain holds: %1 entries checked."), report.entries)
            )
        else:
            self.verdict.setText(
                fill(
                    self.tr(
                        "The chain is broken at entry %1: that entry and the ones after it "
                        "cannot be trusted. Compare with a backup."
                    ),
                    report.broken_at,
                )
            )


def _value(value: DetailValue) -> str:
    if isinstance(value, list):
        return ", ".join(value) if value else "—"
    if value is None:
        return "—"
    return str(value)


def _moment(at: datetime) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
