"""The screen before the desk: the practice's first account, signing in, and unlocking.

One page, three forms: `first` (nobody has an account yet: the person setting up the app
creates theirs, and manages users), `sign_in` (name and password or PIN) and `unlock` (the
screen locked itself; the same person types their secret, or someone else signs in). Enter
submits; the secret checks run off the event loop; a refusal is said under the form and the
secret field is emptied.
"""

from __future__ import annotations

from collections.abc import Awaitable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tooddoc_desk.core.passwords import WeakSecret
from tooddoc_desk.core.users import Role, UserInputError
from tooddoc_desk.services.accounts import Accounts, SignInRefused
from tooddoc_desk.storage.errors import StoreError
from tooddoc_desk.ui.tasks import Tasks


def secret_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


class FirstUserForm(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.title = QLabel("Welcome. Create your account: you will manage the practice's users.")
        self.title.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setAccessibleName("Your name")
        self.practitioner = QCheckBox("I am a practitioner (GP or dentist)")
        self.practitioner.setChecked(True)
        self.receptionist = QCheckBox("I also welcome patients (reception)")
        self.inami = QLineEdit()
        self.inami.setAccessibleName("INAMI number")
        self.inami.setPlaceholderText("1-23456-78-901")
        self.secret = secret_field("Password or PIN")
        self.again = secret_field("Password or PIN again")
        self.create_button = QPushButton("Create my account")
        self.create_button.setDefault(True)
        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("", self.practitioner)
        form.addRow("", self.receptionist)
        form.addRow("INAMI number", self.inami)
        form.addRow("Password or PIN", self.secret)
        form.addRow("Once more", self.again)
        hint = QLabel("A password of 10 characters or more, or a PIN of 6 to 12 digits.")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignRight)
        self.practitioner.toggled.connect(self.inami.setEnabled)

    def roles(self) -> frozenset[Role]:
        chosen = {Role.MANAGER}
        if self.practitioner.isChecked():
            chosen.add(Role.PRACTITIONER)
        if self.receptionist.isChecked():
            chosen.add(Role.RECEPTIONIST)
        return frozenset(chosen)


class SignInForm(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.title = QLabel("Sign in")
        self.name = QLineEdit()
        self.name.setAccessibleName("Your name")
        self.secret = secret_field("Password or PIN")
        self.sign_in = QPushButton("Sign in")
        self.sign_in.setDefault(True)
        self.someone_else = QPushButton("Sign in as someone else")
        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("Password or PIN", self.secret)
        buttons = QHBoxLayout()
        buttons.addWidget(self.someone_else)
        buttons.addStretch(1)
        buttons.addWidget(self.sign_in)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addLayout(buttons)


class SignInPage(QWidget):
    def __init__(self, accounts: Accounts, practice_name: str, tasks: Tasks) -> None:
        super().__init__()
        self._accounts = accounts
        self._tasks = tasks
        self.first = FirstUserForm()
        self.form = SignInForm()
        self.problem = QLabel("")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setAccessibleName("Sign-in problem")
        self._forms = QStackedWidget()
        self._forms.addWidget(self.first)
        self._forms.addWidget(self.form)
        practice = QLabel(practice_name)
        practice.setStyleSheet("font-size: 18pt; font-weight: bold;")

        box = QWidget()
        box.setMaximumWidth(520)
        inner = QVBoxLayout(box)
        inner.addWidget(practice)
        inner.addWidget(self._forms)
        inner.addWidget(self.problem)
        layout = QHBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box)
        layout.addStretch(1)

        self.first.create_button.clicked.connect(self._create)
        self.first.again.returnPressed.connect(self._create)
        self.form.sign_in.clicked.connect(self._sign_in)
        self.form.secret.returnPressed.connect(self._sign_in)
        self.form.name.returnPressed.connect(self.form.secret.setFocus)
        self.form.someone_else.clicked.connect(self._someone_else)

    def refresh(self) -> None:
        """The form for the moment: first account, unlock, or sign in."""
        self.problem.setText("")
        if self._accounts.needs_first_user():
            self._forms.setCurrentWidget(self.first)
            self.first.name.setFocus()
            return
        self._forms.setCurrentWidget(self.form)
        self.form.secret.clear()
        locked = self._accounts.locked_user
        self.form.someone_else.setVisible(locked is not None)
        self.form.name.setReadOnly(locked is not None)
        if locked is not None:
            self.form.title.setText("The screen was locked. Type your password or PIN.")
            self.form.name.setText(locked.name)
            self.form.secret.setFocus()
        else:
            self.form.title.setText("Sign in")
            self.form.name.clear()
            self.form.name.setFocus()

    def _create(self) -> None:
        first = self.first
        if first.secret.text() != first.again.text():
            self._refuse("The two passwords differ.")
            return
        inami = first.inami.text() if first.practitioner.isChecked() else None
        self._busy(True)
        self._tasks.run(
            self._attempt(
                self._accounts.create_first(
                    first.name.text(), first.roles(), first.secret.text(), inami
                )
            )
        )

    def _sign_in(self) -> None:
        self._busy(True)
        if self._accounts.locked_user is not None:
            attempt = self._accounts.unlock(self.form.secret.text())
        else:
            attempt = self._accounts.sign_in(self.form.name.text(), self.form.secret.text())
        self._tasks.run(self._attempt(attempt))

    async def _attempt(self, attempt: Awaitable[object]) -> None:
        try:
            await attempt
        except (SignInRefused, UserInputError, WeakSecret, StoreError) as error:
            self._refuse(error.message)
        finally:
            self._busy(False)

    def _someone_else(self) -> None:
        self._accounts.sign_out()

    def _refuse(self, message: str) -> None:
        self.problem.setText(message)
        self.form.secret.clear()
        self.first.again.clear()

    def _busy(self, busy: bool) -> None:
        self._forms.setEnabled(not busy)
