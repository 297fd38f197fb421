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

from tooddoc_desk.core.passwords import MIN_PASSWORD, PIN_DIGITS, WeakSecret
from tooddoc_desk.core.users import NotAllowed, Role, UserInputError
from tooddoc_desk.services.accounts import Accounts, SignInRefused
from tooddoc_desk.storage.errors import StoreError
from tooddoc_desk.ui.i18n import FollowsLanguage, fill, sentence
from tooddoc_desk.ui.marks import QT_TRANSLATE_NOOP
from tooddoc_desk.ui.tasks import Tasks

# the page's own refusal, said through i18n.sentence() like the services' ones
SECRETS_DIFFER = QT_TRANSLATE_NOOP("sentences", "The two passwords differ.")


def secret_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


Refusal = SignInRefused | UserInputError | WeakSecret | NotAllowed | StoreError


def said(error: Refusal) -> str:
    """A refusal of the services or the store, in the window's language: what happened and,
    for the store, what to do about it."""
    message = sentence(error.message)
    if isinstance(error, StoreError):
        return f"{message} {sentence(error.recovery_hint)}"
    return message


class FirstUserForm(FollowsLanguage, QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.name = QLineEdit()
        self.practitioner = QCheckBox()
        self.practitioner.setChecked(True)
        self.receptionist = QCheckBox()
        self.inami = QLineEdit()
        self.inami.setPlaceholderText("1-23456-78-901")
        self.secret = secret_field()
        self.again = secret_field()
        self.create_button = QPushButton()
        self.create_button.setDefault(True)
        self.name_label = QLabel()
        self.inami_label = QLabel()
        self.secret_label = QLabel()
        self.again_label = QLabel()
        form = QFormLayout()
        form.addRow(self.name_label, self.name)
        form.addRow("", self.practitioner)
        form.addRow("", self.receptionist)
        form.addRow(self.inami_label, self.inami)
        form.addRow(self.secret_label, self.secret)
        form.addRow(self.again_label, self.again)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignRight)
        self.practitioner.toggled.connect(self.inami.setEnabled)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(
            self.tr("Welcome. Create your account: you will manage the practice's users.")
        )
        self.name_label.setText(self.tr("Name"))
        self.name.setAccessibleName(self.tr("Your name"))
        self.practitioner.setText(self.tr("I am a practitioner (GP or dentist)"))
        self.receptionist.setText(self.tr("I also welcome patients (reception)"))
        self.inami_label.setText(self.tr("INAMI number"))
        self.inami.setAccessibleName(self.tr("INAMI number"))
        self.secret_label.setText(self.tr("Password or PIN"))
        self.secret.setAccessibleName(self.tr("Password or PIN"))
        self.again_label.setText(self.tr("Once more"))
        self.again.setAccessibleName(self.tr("Password or PIN again"))
        self.hint.setText(
            fill(
                self.tr("A password of %1 characters or more, or a PIN of %2 to %3 digits."),
                MIN_PASSWORD,
                *PIN_DIGITS,
            )
        )
        self.create_button.setText(self.tr("Create my account"))

    def roles(self) -> frozenset[Role]:
        chosen = {Role.MANAGER}
        if self.practitioner.isChecked():
            chosen.add(Role.PRACTITIONER)
        if self.receptionist.isChecked():
            chosen.add(Role.RECEPTIONIST)
        return frozenset(chosen)


class SignInForm(FollowsLanguage, QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.locked = False  # the screen was locked: the title says so
        self.title = QLabel()
        self.name = QLineEdit()
        self.secret = secret_field()
        self.sign_in = QPushButton()
        self.sign_in.setDefault(True)
        self.someone_else = QPushButton()
        self.name_label = QLabel()
        self.secret_label = QLabel()
        form = QFormLayout()
        form.addRow(self.name_label, self.name)
        form.addRow(self.secret_label, self.secret)
        buttons = QHBoxLayout()
        buttons.addWidget(self.someone_else)
        buttons.addStretch(1)
        buttons.addWidget(self.sign_in)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.name_label.setText(self.tr("Name"))
        self.name.setAccessibleName(self.tr("Your name"))
        self.secret_label.setText(self.tr("Password or PIN"))
        self.secret.setAccessibleName(self.tr("Password or PIN"))
        self.sign_in.setText(self.tr("Sign in"))
        self.someone_else.setText(self.tr("Sign in as someone else"))
        self.show_locked(self.locked)

    def show_locked(self, locked: bool) -> None:
        self.locked = locked
        if locked:
            self.title.setText(self.tr("The screen was locked. Type your password or PIN."))
        else:
            self.title.setText(self.tr("Sign in"))


class SignInPage(FollowsLanguage, QWidget):
    def __init__(self, accounts: Accounts, practice_name: str, tasks: Tasks) -> None:
        super().__init__()
        self._accounts = accounts
        self._tasks = tasks
        self._refusal: Refusal | str | None = None  # what the problem line says, untranslated
        self.first = FirstUserForm()
        self.form = SignInForm()
        self.problem = QLabel("")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
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
        self.retranslate()

    def retranslate(self) -> None:
        self.problem.setAccessibleName(self.tr("Sign-in problem"))
        self._show_refusal()

    def refresh(self) -> None:
        """The form for the moment: first account, unlock, or sign in."""
        self._refusal = None
        self._show_refusal()
        if self._accounts.needs_first_user():
            self._forms.setCurrentWidget(self.first)
            self.first.name.setFocus()
            return
        self._forms.setCurrentWidget(self.form)
        self.form.secret.clear()
        locked = self._accounts.locked_user
        self.form.someone_else.setVisible(locked is not None)
        self.form.name.setReadOnly(locked is not None)
        self.form.show_locked(locked is not None)
        if locked is not None:
            self.form.name.setText(locked.name)
            self.form.secret.setFocus()
        else:
            self.form.name.clear()
            self.form.name.setFocus()

    def _create(self) -> None:
        first = self.first
        if first.secret.text() != first.again.text():
            self._refuse(SECRETS_DIFFER)
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
            self._refuse(error)
        finally:
            self._busy(False)

    def _someone_else(self) -> None:
        self._accounts.sign_out()

    def _refuse(self, refusal: Refusal | str) -> None:
        """`refusal`: an error of the services or the store, or a sentence of the page."""
        self._refusal = refusal
        self._show_refusal()
        self.form.secret.clear()
        self.first.again.clear()

    def _show_refusal(self) -> None:
        refusal = self._refusal
        if refusal is None:
            self.problem.setText("")
        elif isinstance(refusal, str):
            self.problem.setText(sentence(refusal))
        else:
            self.problem.setText(said(refusal))

    def _busy(self, busy: bool) -> None:
        self._forms.setEnabled(not busy)
