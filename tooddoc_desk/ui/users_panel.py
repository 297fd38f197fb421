"""The practice's users, for managers: who may sign in, with which roles; add someone, change
their roles, let them in or not, give them a new password or PIN."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tooddoc_desk.core.passwords import WeakSecret
from tooddoc_desk.core.users import (
    NotAllowed,
    Permission,
    Role,
    User,
    UserInputError,
    format_inami,
)
from tooddoc_desk.services.accounts import Accounts
from tooddoc_desk.storage.errors import StoreError
from tooddoc_desk.ui.i18n import FollowsLanguage, fill
from tooddoc_desk.ui.marks import QT_TRANSLATE_NOOP
from tooddoc_desk.ui.sign_in import said, secret_field
from tooddoc_desk.ui.tasks import Tasks

CONTEXT = "UsersPanel"
ROLE_NAMES = {
    Role.PRACTITIONER: QT_TRANSLATE_NOOP("UsersPanel", "Practitioner"),
    Role.RECEPTIONIST: QT_TRANSLATE_NOOP("UsersPanel", "Reception"),
    Role.MANAGER: QT_TRANSLATE_NOOP("UsersPanel", "Manager"),
}
HEADERS = (
    QT_TRANSLATE_NOOP("UsersPanel", "Name"),
    QT_TRANSLATE_NOOP("UsersPanel", "Roles"),
    QT_TRANSLATE_NOOP("UsersPanel", "INAMI number"),
    QT_TRANSLATE_NOOP("UsersPanel", "May sign in"),
)


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def users_table() -> QTableWidget:
    table = QTableWidget(0, len(HEADERS))
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move in it
    table.horizontalHeader().setStretchLastSection(True)
    return table


class UsersPanel(FollowsLanguage, QWidget):
    def __init__(self, accounts: Accounts, tasks: Tasks) -> None:
        super().__init__()
        self._accounts = accounts
        self._tasks = tasks
        self._users: list[User] = []
        self._said: Callable[[], str] | None = None  # the message, said again on a new language
        self.table = users_table()

        self.name = QLineEdit()
        self.roles = {role: QCheckBox() for role in ROLE_NAMES}
        self.inami = QLineEdit()
        self.inami.setPlaceholderText("1-23456-78-901")
        self.secret = secret_field()
        self.active = QCheckBox()
        self.active.setChecked(True)
        self.add_button = QPushButton()
        self.save_button = QPushButton()
        self.new_secret_button = QPushButton()
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.name_label = QLabel()
        self.roles_label = QLabel()
        self.inami_label = QLabel()
        self.secret_label = QLabel()

        roles_row = QHBoxLayout()
        for box in self.roles.values():
            roles_row.addWidget(box)
        form = QFormLayout()
        form.addRow(self.name_label, self.name)
        form.addRow(self.roles_label, roles_row)
        form.addRow(self.inami_label, self.inami)
        form.addRow(self.secret_label, self.secret)
        form.addRow("", self.active)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_secret_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

        self.table.itemSelectionChanged.connect(self._selected_changed)
        self.add_button.clicked.connect(self._add)
        self.save_button.clicked.connect(self._save)
        self.new_secret_button.clicked.connect(self._new_secret)
        self.retranslate()
        self._selected_changed()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([_t(header) for header in HEADERS])
        self.table.setAccessibleName(self.tr("Users"))
        self.name_label.setText(self.tr("Name"))
        self.name.setAccessibleName(self.tr("Name"))
        self.roles_label.setText(self.tr("Roles"))
        for role, box in self.roles.items():
            box.setText(_t(ROLE_NAMES[role]))
        self.inami_label.setText(self.tr("INAMI number"))
        self.inami.setAccessibleName(self.tr("INAMI number"))
        self.secret_label.setText(self.tr("Password or PIN"))
        self.secret.setAccessibleName(self.tr("Password or PIN"))
        self.active.setText(self.tr("May sign in"))
        self.add_button.setText(self.tr("Add"))
        self.save_button.setText(self.tr("Save changes"))
        self.new_secret_button.setText(self.tr("Set this password or PIN"))
        self.message.setAccessibleName(self.tr("Users message"))
        self._fill_table()
        self._say(self._said)

    def refresh(self) -> None:
        """The list as the store has it (managers only: nothing for anyone else)."""
        self._users = self._accounts.users() if self._accounts.may(Permission.MANAGE_USERS) else []
        self._fill_table()
        self._selected_changed()

    def _fill_table(self) -> None:
        """The rows of `_users`, in the window's language."""
        self.table.setRowCount(len(self._users))
        for row, user in enumerate(self._users):
            roles = ", ".join(_t(ROLE_NAMES[r]) for r in Role if r in user.roles)
            cells = (
                user.name,
                roles,
                format_inami(user.inami) if user.inami else "",
                self.tr("yes") if user.active else self.tr("no"),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def selected(self) -> User | None:
        rows = self.table.selectionModel().selectedRows()
        return self._users[rows[0].row()] if rows else None

    def _selected_changed(self) -> None:
        user = self.selected()
        self.save_button.setEnabled(user is not None)
        self.new_secret_button.setEnabled(user is not None)
        self.name.setReadOnly(user is not None)
        if user is None:
            return
        self.name.setText(user.name)
        for role, box in self.roles.items():
            box.setChecked(role in user.roles)
        self.inami.setText(format_inami(user.inami) if user.inami else "")
        self.active.setChecked(user.active)
        self.secret.clear()

    def _say(self, words: Callable[[], str] | None) -> None:
        """Shows a message, kept as a way to say it so that a new language says it again."""
        self._said = words
        self.message.setText(words() if words is not None else "")

    def _chosen_roles(self) -> frozenset[Role]:
        return frozenset(role for role, box in self.roles.items() if box.isChecked())

    def _inami(self) -> str | None:
        return self.inami.text().strip() or None

    def _add(self) -> None:
        self.table.clearSelection()
        adding = self._accounts.add_user(
            self.name.text(), self._chosen_roles(), self.secret.text(), self._inami()
        )
        self._tasks.run(self._attempt(adding, self._added))

    def _save(self) -> None:
        user = self.selected()
        if user is None:
            return
        try:
            changed = self._accounts.change_user(
                user.id,
                roles=self._chosen_roles(),
                inami=self._inami(),
                active=self.active.isChecked(),
            )
        except (UserInputError, NotAllowed, StoreError) as error:
            self._say(partial(said, error))
            return
        self._say(partial(self._saved, changed.name))
        self.refresh()

    def _new_secret(self) -> None:
        user = self.selected()
        if user is not None:
            setting = self._accounts.set_secret(user.id, self.secret.text())
            self._tasks.run(self._attempt(setting, self._secret_set, user.name))

    def _added(self, name: str) -> str:
        return fill(self.tr("%1 may now sign in."), name)

    def _saved(self, name: str) -> str:
        return fill(self.tr("%1: saved."), name)

    def _secret_set(self, name: str) -> str:
        return fill(self.tr("%1 has a new password or PIN."), name)

    async def _attempt(
        self, work: Awaitable[object], done: Callable[[str], str], name: str = ""
    ) -> None:
        """Runs `work`; `done` says, with the user's name, that it was done."""
        try:
            result = await work
        except (UserInputError, WeakSecret, NotAllowed, StoreError) as error:
            self._say(partial(said, error))
            return
        finally:
            self.secret.clear()
        if isinstance(result, User):  # added: the form is ready for the next one
            name = result.name
            self.name.clear()
        self._say(partial(done, name))
        self.refresh()
