"""The screen before the desk: signing in, and unlocking (before anyone has an account, the
first run takes its place: ui/first_run.py).

One form, two uses: signing in (name and password or PIN) and unlocking (the screen locked
itself; the same person types their secret, or someone else signs in). Enter submits; the
secret checks run off the event loop; a refusal is said under the form and the secret field is
emptied.
"""

from __future__ import annotations

from collections.abc import Awaitable

from PySide6.QtWidgets import (
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
from tooddoc_desk.core.users import NotAllowed, UserInputError
from tooddoc_desk.services.accounts import Accounts, SignInRefused
from tooddoc_desk.storage.errors import StoreError
from tooddoc_desk.ui.i18n import FollowsLanguage, sentence
from tooddoc_desk.ui.marks import QT_TRANSLATE_NOOP
from tooddoc_desk.ui.tasks import Tasks
from tooddoc_desk.ui.theme import set_tone

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
        self.form = SignInForm()
        self.problem = QLabel("")
        self.problem.setWordWrap(True)
        set_tone(self.problem, "error")
        self._forms = QStackedWidget()
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

        self.form.sign_in.clicked.connect(self._sign_in)
        self.form.secret.returnPressed.connect(self._sign_in)
        self.form.name.returnPressed.connect(self.form.secret.setFocus)
        self.form.someone_else.clicked.connect(self._someone_else)
        self.retranslate()

    def retranslate(self) -> None:
        self.problem.setAccessibleName(self.tr("Sign-in problem"))
        self._show_refusal()

    def refresh(self) -> None:
        """The form for the moment: unlock, or sign in."""
        self._refusal = None
        self._show_refusal()
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
