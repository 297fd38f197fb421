"""The practice's users, for managers: who may sign in, with which roles; add someone, change
their roles, let them in or not, give them a new password or PIN."""

from __future__ import annotations

from collections.abc import Awaitable

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
from tooddoc_desk.ui.sign_in import secret_field
from tooddoc_desk.ui.tasks import Tasks

ROLE_NAMES = {
    Role.PRACTITIONER: "Practitioner",
    Role.RECEPTIONIST: "Reception",
    Role.MANAGER: "Manager",
}
HEADERS = ("Name", "Roles", "INAMI number", "May sign in")


class UsersPanel(QWidget):
    def __init__(self, accounts: Accounts, tasks: Tasks) -> None:
        super().__init__()
        self._accounts = accounts
        self._tasks = tasks
        self._users: list[User] = []
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName("Users")
        self.table.horizontalHeader().setStretchLastSection(True)

        self.name = QLineEdit()
        self.name.setAccessibleName("Name")
        self.roles = {role: QCheckBox(label) for role, label in ROLE_NAMES.items()}
        self.inami = QLineEdit()
        self.inami.setAccessibleName("INAMI number")
        self.inami.setPlaceholderText("1-23456-78-901")
        self.secret = secret_field("Password or PIN")
        self.active = QCheckBox("May sign in")
        self.active.setChecked(True)
        self.add_button = QPushButton("Add")
        self.save_button = QPushButton("Save changes")
        self.new_secret_button = QPushButton("Set this password or PIN")
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Users message")

        roles_row = QHBoxLayout()
        for box in self.roles.values():
            roles_row.addWidget(box)
        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("Roles", roles_row)
        form.addRow("INAMI number", self.inami)
        form.addRow("Password or PIN", self.secret)
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
        self._selected_changed()

    def refresh(self) -> None:
        """The list as the store has it (managers only: nothing for anyone else)."""
        self._users = self._accounts.users() if self._accounts.may(Permission.MANAGE_USERS) else []
        self.table.setRowCount(len(self._users))
        for row, user in enumerate(self._users):
            roles = ", ".join(ROLE_NAMES[r] for r in Role if r in user.roles)
            cells = (
                user.name,
                roles,
                format_inami(user.inami) if user.inami else "",
                "yes" if user.active else "no",
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self._selected_changed()

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

    def _chosen_roles(self) -> frozenset[Role]:
        return frozenset(role for role, box in self.roles.items() if box.isChecked())

    def _inami(self) -> str | None:
        return self.inami.text().strip() or None

    def _add(self) -> None:
        self.table.clearSelection()
        adding = self._accounts.add_user(
            self.name.text(), self._chosen_roles(), self.secret.text(), self._inami()
        )
        self._tasks.run(self._attempt(adding, "{name} may now sign in."))

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
            self.message.setText(error.message)
            return
        self.message.setText(f"{changed.name}: saved.")
        self.refresh()

    def _new_secret(self) -> None:
        user = self.selected()
        if user is not None:
            setting = self._accounts.set_secret(user.id, self.secret.text())
            self._tasks.run(self._attempt(setting, f"{user.name} has a new password or PIN."))

    async def _attempt(self, work: Awaitable[object], done: str) -> None:
        try:
            result = await work
        except (UserInputError, WeakSecret, NotAllowed, StoreError) as error:
            self.message.setText(error.message)
            return
        finally:
            self.secret.clear()
        if isinstance(result, User):  # added: the form is ready for the next one
            done = done.format(name=result.name)
            self.name.clear()
        self.message.setText(done)
        self.refresh()
