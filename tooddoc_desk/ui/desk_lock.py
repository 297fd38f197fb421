"""The sign-in page in front of the desk while nobody is signed in or the screen is locked (the
first run, before anyone has an account), and the Users tab for managers.

The desk locks itself after `idle_minutes` without a key press or a mouse move (never during
a call), and on Ctrl+L or its Lock button. While locked, the lists are emptied: nothing about
patients stays on an unattended screen. The status bar names who is signed in.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QEnterEvent, QHoverEvent, QInputEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QStackedWidget

from tooddoc_desk.core.users import Permission, User
from tooddoc_desk.services.accounts import Accounts
from tooddoc_desk.services.backups import Backups
from tooddoc_desk.services.first_run import FirstRun
from tooddoc_desk.services.hub_choice import HubSwitch
from tooddoc_desk.services.practice_settings import PracticeSettings
from tooddoc_desk.services.recovery_keys import RecoveryKeys
from tooddoc_desk.ui.first_run import FirstRunWizard
from tooddoc_desk.ui.main_window import MainWindow
from tooddoc_desk.ui.settings_dialog import SettingsDialog
from tooddoc_desk.ui.sign_in import SignInPage
from tooddoc_desk.ui.users_panel import UsersPanel

# input-like events Qt also sends when the widget under a still mouse changes: not a person
PASSIVE_EVENTS = (QHoverEvent, QEnterEvent)
CHECK_EVERY_MS = 5_000


class DeskLock(QObject):
    def __init__(
        self, window: MainWindow, accounts: Accounts, practice_name: str, idle_minutes: int
    ) -> None:
        super().__init__(window)
        self._window = window
        self._accounts = accounts
        self.idle_seconds = idle_minutes * 60.0
        self.page = SignInPage(accounts, practice_name, window.tasks)
        desk = window.takeCentralWidget()
        assert desk is not None, "the window is built before its lock"
        self._desk = desk
        self.users = UsersPanel(accounts, window.tasks)
        window.tabs.addTab(self.users, "")
        self._stack = QStackedWidget()
        self._stack.addWidget(self.page)
        self._stack.addWidget(self._desk)
        window.setCentralWidget(self._stack)

        self.who = QLabel("")
        self.lock_button = QPushButton()
        self.sign_out_button = QPushButton()
        self.settings_button = QPushButton()  # managers only, once the app offers settings
        self.settings_button.hide()
        self.settings_dialog: SettingsDialog | None = None
        self._practice: PracticeSettings | None = None
        self._backups: Backups | None = None
        self._keys: RecoveryKeys | None = None
        self._hubs: HubSwitch | None = None
        self.first_run: FirstRunWizard | None = None
        self.retranslate()
        for widget in (self.who, self.settings_button, self.lock_button, self.sign_out_button):
            window.statusBar().addPermanentWidget(widget)
        self.lock_button.clicked.connect(accounts.lock)
        self.sign_out_button.clicked.connect(accounts.sign_out)
        self._shortcut = QShortcut(QKeySequence("Ctrl+L"), window, accounts.lock)

        self._last_input = time.monotonic()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._idle_check = QTimer(self)
        self._idle_check.setInterval(CHECK_EVERY_MS)
        self._idle_check.timeout.connect(self.check_idle)
        self._idle_check.start()
        accounts.subscribe(self._follow)
        self._follow(accounts.current)

    def retranslate(self) -> None:
        """What the lock adds to the window, in its language (on each LanguageChange the
        window receives)."""
        tabs = self._window.tabs
        tabs.setTabText(tabs.indexOf(self.users), self.tr("Users"))
        self.who.setAccessibleName(self.tr("Signed in as"))
        self.lock_button.setText(self.tr("Lock"))
        self.lock_button.setToolTip(self.tr("Lock the screen (Ctrl+L)"))
        self.sign_out_button.setText(self.tr("Sign out"))
        self.settings_button.setText(self.tr("Settings…"))

    def offer_settings(
        self,
        practice: PracticeSettings,
        backups: Backups | None = None,
        *,
        hubs: HubSwitch | None = None,
        keys: RecoveryKeys | None = None,
    ) -> None:
        """The Settings… button, for managers: the practice's settings, applied when saved;
        with `backups`, the Backups… button in it (with `keys`, a new recovery key there); with
        `hubs`, the hub too."""
        self._practice = practice
        self._backups = backups
        self._keys = keys
        self._hubs = hubs
        self.settings_button.clicked.connect(self.open_settings)
        self._follow(self._accounts.current)

    def offer_first_run(self, first_run: FirstRun) -> None:
        """The first run in place of the sign-in page, while the practice has no account."""
        if not first_run.needed():
            return
        self.first_run = FirstRunWizard(first_run, self._window.tasks)
        self._stack.addWidget(self.first_run)
        self._follow(self._accounts.current)

    def open_settings(self) -> None:
        if self._practice is None:
            return
        if self.settings_dialog is not None:
            self.settings_dialog.close()
        self.settings_dialog = SettingsDialog(
            self._practice,
            self._window,
            hubs=self._hubs,
            tasks=self._window.tasks,
            backups=self._backups,
            keys=self._keys,
        )
        self.settings_dialog.open()

    def unlocked(self) -> bool:
        return self._stack.currentWidget() is self._desk

    def _follow(self, user: User | None) -> None:
        for widget in (self.who, self.lock_button, self.sign_out_button):
            widget.setVisible(user is not None)
        if user is None:
            self.settings_button.hide()
            if self.settings_dialog is not None:
                self.settings_dialog.reject()
            self._window.hide_lists()
            if self.first_run is not None and self._accounts.needs_first_user():
                self._stack.setCurrentWidget(self.first_run)
                self.first_run.page().focus_first()
                return
            self.page.refresh()
            self._stack.setCurrentWidget(self.page)
            return
        self.who.setText(user.name)
        self._window.follow_roles(user)
        manages = user.may(Permission.MANAGE_USERS)
        self._window.tabs.setTabVisible(self._window.tabs.indexOf(self.users), manages)
        self.settings_button.setVisible(manages and self._practice is not None)
        self.users.refresh()
        self._window.show_lists()
        self._stack.setCurrentWidget(self._desk)
        self._forget_first_run()
        self._last_input = time.monotonic()

    def _forget_first_run(self) -> None:
        """The first run is over: its pages (and what was typed in them) go."""
        if self.first_run is not None:
            self._stack.removeWidget(self.first_run)
            self.first_run.deleteLater()
            self.first_run = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # every event of the app passes here: cheap checks first (QEvent.type() makes an enum)
        if isinstance(event, QInputEvent) and not isinstance(event, PASSIVE_EVENTS):
            self._last_input = time.monotonic()  # keys, clicks, mouse moves, wheel, touch
        elif watched is self._window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def check_idle(self, now: float | None = None) -> None:
        """Locks after the idle time, unless a call runs (hands are busy elsewhere then)."""
        idle = (now if now is not None else time.monotonic()) - self._last_input
        in_call = self._window.call_view.consultation_id is not None
        if idle >= self.idle_seconds and not in_call and self._accounts.current is not None:
            self._accounts.auto_lock()
