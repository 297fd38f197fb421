"""The first run's second page: the account of the person setting the app up (they manage the
practice's users, and are a practitioner or at the reception as well, or not), and, if they
like, the others' accounts right away (a receptionist, a colleague). Each person added is
checked at once; nobody is stored before the end of the first run."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tooddoc_desk.core.passwords import MIN_PASSWORD, PIN_DIGITS
from tooddoc_desk.core.users import Role, format_inami
from tooddoc_desk.services.accounts import NewUser
from tooddoc_desk.services.first_run import FirstRun, SetupRefused, Step
from tooddoc_desk.ui.first_run_page import FirstRunPage
from tooddoc_desk.ui.i18n import fill
from tooddoc_desk.ui.sign_in import SECRETS_DIFFER, secret_field
from tooddoc_desk.ui.users_panel import ROLE_NAMES

OTHER = "other."  # the add form's fields: "other.name", "other.secret", …


def _role(role: Role) -> str:
    return QCoreApplication.translate("UsersPanel", ROLE_NAMES[role])


def _inami(field: QLineEdit) -> str | None:
    return field.text().strip() or None


class PeoplePage(FirstRunPage):
    step = Step.PEOPLE

    def __init__(self, first_run: FirstRun) -> None:
        super().__init__()
        self._first_run = first_run
        self.others: list[NewUser] = []
        self._build_mine()
        self._build_team()
        self.add(self.mine)
        self.add(self.team)
        self.end()
        self.add_button.clicked.connect(self.add_other)
        self.remove_button.clicked.connect(self.remove_other)
        self.list.currentRowChanged.connect(self._selected)
        self.other_roles[Role.PRACTITIONER].toggled.connect(self.other_inami.setEnabled)
        self.other_inami.setEnabled(False)
        self._selected()
        self.retranslate()

    def _build_mine(self) -> None:
        """The form of the person setting the app up."""
        self.mine = QGroupBox()
        self.name = QLineEdit()
        self.practitioner = QCheckBox()
        self.practitioner.setChecked(True)
        self.receptionist = QCheckBox()
        self.inami = QLineEdit()
        self.inami.setPlaceholderText("1-23456-78-901")
        self.secret = secret_field()
        self.again = secret_field()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self._labels = [QLabel() for _ in range(4)]
        form = QFormLayout(self.mine)
        self.problems.row(form, self._labels[0], self.name, "name")
        roles = QVBoxLayout()
        roles.addWidget(self.practitioner)
        roles.addWidget(self.receptionist)
        roles_box = QWidget()
        roles_box.setLayout(roles)
        roles.setContentsMargins(0, 0, 0, 0)
        self.problems.row(form, "", roles_box, "roles")
        self.problems.row(form, self._labels[1], self.inami, "inami")
        self.problems.row(form, self._labels[2], self.secret, "secret")
        self.problems.row(form, self._labels[3], self.again, "again")
        form.addRow("", self.hint)
        self.practitioner.toggled.connect(self.inami.setEnabled)

    def _build_team(self) -> None:
        """The list of the others, and the form that adds one."""
        self.team = QGroupBox()
        self.list = QListWidget()
        self.list.setMaximumHeight(90)
        self.remove_button = QPushButton()
        self.other_name = QLineEdit()
        self.other_roles = {role: QCheckBox() for role in ROLE_NAMES}
        self.other_roles[Role.RECEPTIONIST].setChecked(True)
        self.other_inami = QLineEdit()
        self.other_inami.setPlaceholderText("1-23456-78-901")
        self.other_secret = secret_field()
        self.add_button = QPushButton()
        self._other_labels = [QLabel() for _ in range(4)]
        team = QFormLayout(self.team)
        listed = QHBoxLayout()
        listed.addWidget(self.list, 1)
        listed.addWidget(self.remove_button)
        team.addRow(listed)
        self.problems.row(team, self._other_labels[0], self.other_name, OTHER + "name")
        other_roles = QHBoxLayout()
        for box in self.other_roles.values():
            other_roles.addWidget(box)
        other_roles.setContentsMargins(0, 0, 0, 0)
        other_roles_box = QWidget()
        other_roles_box.setLayout(other_roles)
        self.problems.row(team, self._other_labels[1], other_roles_box, OTHER + "roles")
        self.problems.row(team, self._other_labels[2], self.other_inami, OTHER + "inami")
        self.problems.row(team, self._other_labels[3], self.other_secret, OTHER + "secret")
        team.addRow("", self.add_button)

    def add_form_fields(self) -> tuple[QWidget, ...]:
        """Where Enter adds the person rather than going on."""
        return (self.other_name, self.other_inami, self.other_secret, *self.other_roles.values())

    def retranslate(self) -> None:
        self.heading.setText(self.tr("The people"))
        self.intro.setText(
            self.tr(
                "Your account first: you will manage the practice's users. Add the others now "
                "or later, from the Users tab."
            )
        )
        self.mine.setTitle(self.tr("Your account"))
        for label, text in zip(
            self._labels,
            (self.tr("Name"), self.tr("INAMI number"), self.tr("Password or PIN")),
            strict=False,
        ):
            label.setText(text)
        self._labels[3].setText(self.tr("Once more"))
        self.name.setAccessibleName(self.tr("Your name"))
        self.practitioner.setText(self.tr("I am a practitioner (GP or dentist)"))
        self.receptionist.setText(self.tr("I also welcome patients (reception)"))
        self.inami.setAccessibleName(self.tr("INAMI number"))
        self.secret.setAccessibleName(self.tr("Password or PIN"))
        self.again.setAccessibleName(self.tr("Password or PIN again"))
        self.hint.setText(
            fill(
                self.tr("A password of %1 characters or more, or a PIN of %2 to %3 digits."),
                MIN_PASSWORD,
                *PIN_DIGITS,
            )
        )
        self.team.setTitle(self.tr("The others (you may add them later)"))
        self.list.setAccessibleName(self.tr("People added"))
        self.remove_button.setText(self.tr("Remove"))
        for label, text in zip(
            self._other_labels,
            (
                self.tr("Name"),
                self.tr("Roles"),
                self.tr("INAMI number"),
                self.tr("First password or PIN"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.other_name.setAccessibleName(self.tr("Their name"))
        for role, box in self.other_roles.items():
            box.setText(_role(role))
        self.other_inami.setAccessibleName(self.tr("Their INAMI number"))
        self.other_secret.setAccessibleName(self.tr("Their first password or PIN"))
        self.add_button.setText(self.tr("Add to the practice"))
        self._fill_list()
        self.problems.retranslate()

    # --- the others ------------------------------------------------------------------------

    def _other(self) -> NewUser:
        roles = frozenset(role for role, box in self.other_roles.items() if box.isChecked())
        inami = _inami(self.other_inami) if Role.PRACTITIONER in roles else None
        return NewUser(self.other_name.text(), roles, self.other_secret.text(), inami)

    def add_other(self) -> None:
        self.clear_problems()
        person = self._other()
        try:
            user = self._first_run.check_person(person, self.others)
        except SetupRefused as refusal:
            self.refuse(SetupRefused(refusal.step, refusal.message, OTHER + (refusal.field or "")))
            return
        self.others.append(NewUser(user.name, person.roles, person.secret, person.inami))
        self._fill_list()
        for field in (self.other_name, self.other_inami, self.other_secret):
            field.clear()
        self.other_name.setFocus()

    def remove_other(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.others):
            del self.others[row]
            self._fill_list()

    def _fill_list(self) -> None:
        self.list.clear()
        for person in self.others:
            roles = ", ".join(_role(role) for role in Role if role in person.roles)
            digits = "".join(c for c in person.inami or "" if c.isdigit())
            inami = f" · {format_inami(digits)}" if digits else ""
            self.list.addItem(f"{person.name} — {roles}{inami}")
        self._selected()

    def _selected(self) -> None:
        self.remove_button.setEnabled(self.list.currentRow() >= 0)

    # --- the page --------------------------------------------------------------------------

    def me(self) -> NewUser:
        roles = {Role.MANAGER}
        if self.practitioner.isChecked():
            roles.add(Role.PRACTITIONER)
        if self.receptionist.isChecked():
            roles.add(Role.RECEPTIONIST)
        inami = _inami(self.inami) if self.practitioner.isChecked() else None
        return NewUser(self.name.text(), frozenset(roles), self.secret.text(), inami)

    def people(self) -> tuple[NewUser, ...]:
        return (self.me(), *self.others)

    def check(self) -> None:
        """SetupRefused when the page cannot be left yet."""
        if self.secret.text() != self.again.text():
            self.again.clear()
            raise SetupRefused(Step.PEOPLE, SECRETS_DIFFER, "again")
        self._first_run.check_people([self.me()])
        try:
            self._first_run.check_people(self.people())
        except SetupRefused as refusal:  # a name given twice: said under the list
            raise SetupRefused(refusal.step, refusal.message, OTHER + "name") from None

    def focus_first(self) -> None:
        self.name.setFocus()
