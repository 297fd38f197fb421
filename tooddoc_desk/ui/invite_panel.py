"""The tele-consultation panel: one field for a mobile number or an e-mail address, and when.

What is typed is checked as it is typed; Send (or Enter, in either field) is possible only for a
valid contact. "When" is empty for now, or a time ("14:30") or a day and a time ("26/11 9:15"):
a booked consultation's link leaves `lead` before it. The moment of the first keystroke is kept
as the time the patient asked for the consultation (the phone call), which Belgian
reimbursement rules require. "Pre-payment" is empty for none, or an amount in euros the patient
pays through Stripe (card, Bancontact) before the waiting room.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tooddoc_desk.core.clock import Clock
from tooddoc_desk.core.contact import Contact, ContactError, parse_contact
from tooddoc_desk.core.language import Language
from tooddoc_desk.core.payment import AmountError, format_amount, parse_amount
from tooddoc_desk.core.schedule import DEFAULT_LEAD, ScheduleError, describe, parse_when, send_time
from tooddoc_desk.core.users import User
from tooddoc_desk.ui.i18n import FollowsLanguage, fill, sentence
from tooddoc_desk.ui.theme import set_tone


class InvitePanel(FollowsLanguage, QWidget):
    # Contact, Language, requested_at, and when (None: now)
    send_requested = Signal(object, object, object, object)

    def __init__(
        self,
        clock: Clock,
        language: Language,
        parent: QWidget | None = None,
        *,
        lead: timedelta = DEFAULT_LEAD,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._lead = lead
        self._contact: Contact | None = None
        self._requested_at: datetime | None = None

        self.contact_field = QLineEdit()
        self.contact_field.setClearButtonEnabled(True)
        self.feedback = QLabel(" ")
        self.feedback.setWordWrap(True)
        self.language_box = QComboBox()
        for lang in Language:
            self.language_box.addItem(lang.label, lang)  # each language in its own words
        self.language_box.setCurrentIndex(list(Language).index(language))
        self.when_field = QLineEdit()
        self.when_field.setClearButtonEnabled(True)
        self.when_feedback = QLabel(" ")
        self.when_feedback.setWordWrap(True)
        self.practitioner_box = QComboBox()  # shown in a practice with several practitioners
        self.send_button = QPushButton()
        self.send_button.setEnabled(False)
        self.send_button.setDefault(True)
        self._booking = False  # the button says Book rather than Send link
        self._asked_to_type = False  # Send was pressed on an empty field

        self.patient_label = QLabel()
        self.language_label = QLabel()
        self.when_label = QLabel()
        self.practitioner_label = QLabel()
        self.title = QLabel()
        form = QFormLayout()
        form.addRow(self.patient_label, self.contact_field)
        form.addRow("", self.feedback)
        form.addRow(self.practitioner_label, self.practitioner_box)
        self._form = form
        form.addRow(self.language_label, self.language_box)
        form.addRow(self.when_label, self.when_field)
        form.addRow("", self.when_feedback)
        self._add_amount_row(form)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addLayout(buttons)

        self.contact_field.textEdited.connect(self._on_edited)
        self.contact_field.returnPressed.connect(self.submit)
        self.when_field.textEdited.connect(self._on_when_edited)
        self.when_field.returnPressed.connect(self.submit)
        self.send_button.clicked.connect(self.submit)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("<b>Tele-consultation</b>"))
        self.patient_label.setText(self.tr("Patient"))
        self.language_label.setText(self.tr("Language"))
        self.when_label.setText(self.tr("When"))
        self.contact_field.setPlaceholderText(self.tr("Mobile number or e-mail address"))
        self.contact_field.setAccessibleName(self.tr("Patient's mobile number or e-mail address"))
        self.feedback.setAccessibleName(self.tr("Validation"))
        self.language_box.setAccessibleName(self.tr("The patient's language"))
        self.when_field.setPlaceholderText(self.tr("now — or 14:30, or 26/11 9:15"))
        self.when_field.setAccessibleName(
            self.tr("When: empty for now, or the consultation's time")
        )
        self.when_feedback.setAccessibleName(self.tr("When the link leaves"))
        self.practitioner_label.setText(self.tr("For"))
        self.amount_label.setText(self.tr("Pre-payment (€)"))
        self.amount_field.setPlaceholderText(self.tr("none — or 25.00"))
        self.amount_field.setAccessibleName(
            self.tr("Pre-payment in euros: empty for none, or the amount to pay before the call")
        )
        self.amount_feedback.setAccessibleName(self.tr("The pre-payment"))
        if self.amount_field.text().strip():
            self._on_amount_edited(self.amount_field.text())
        self.practitioner_box.setAccessibleName(self.tr("The practitioner it is for"))
        if self.practitioner_box.count() and self.practitioner_box.itemData(0) is None:
            self.practitioner_box.setItemText(0, self.tr("Choose the practitioner…"))
        self._show_button()
        # what the fields say about what was typed, said again
        if self.contact_field.text().strip():
            self._check_contact(self.contact_field.text())
        elif self._asked_to_type:
            self._show(self._type_contact(), ok=False)
        if self.when_field.text().strip():
            self._on_when_edited(self.when_field.text())

    def set_lead(self, lead: timedelta) -> None:
        """How long before a booked time its link leaves (the practice changed it)."""
        self._lead = lead
        if self.when_field.text().strip():
            self._on_when_edited(self.when_field.text())

    def set_practitioners(self, practitioners: list[User], own: str | None) -> None:
        """Whom a link can be for; `own`: the signed-in practitioner, chosen at first. With one
        practitioner (or none yet) there is nothing to choose and the row is hidden."""
        self.practitioner_box.clear()
        if own is None and len(practitioners) > 1:
            self.practitioner_box.addItem(self.tr("Choose the practitioner…"), None)
        for practitioner in practitioners:
            self.practitioner_box.addItem(practitioner.name, practitioner.id)
        if own is not None:
            self.practitioner_box.setCurrentIndex(max(0, self.practitioner_box.findData(own)))
        self._form.setRowVisible(self.practitioner_box, len(practitioners) > 1)

    def practitioner_id(self) -> str | None:
        """The practitioner chosen (None: not chosen, or nothing to choose)."""
        chosen = self.practitioner_box.currentData()
        return chosen if isinstance(chosen, str) else None

    def _show_button(self) -> None:
        self.send_button.setText(self.tr("Book") if self._booking else self.tr("Send link"))

    def _type_contact(self) -> str:
        return self.tr("Type the patient's mobile number or e-mail address.")

    @property
    def contact(self) -> Contact | None:
        return self._contact

    def prefill(self, text: str) -> None:
        """Fills the field as if typed (the phone system passes the caller's number)."""
        self.contact_field.setText(text)
        self._on_edited(text)
        self.contact_field.setFocus()

    def _on_edited(self, text: str) -> None:
        if self._requested_at is None and text.strip():
            self._requested_at = self._clock.now()
        self._asked_to_type = False
        self._check_contact(text)

    def _check_contact(self, text: str) -> None:
        try:
            self._contact = parse_contact(text)
        except ContactError as error:
            self._contact = None
            # an empty field is not an error until someone tries to send it
            self._show(sentence(error.message) if text.strip() else " ", ok=False)
        else:
            kind = self.tr("SMS") if self._contact.channel == "sms" else self.tr("e-mail")
            self._show(fill(self.tr("✓ %1 (%2)"), self._contact.display, kind), ok=True)
        self.send_button.setEnabled(self._contact is not None)

    def _show(self, text: str, ok: bool) -> None:
        self.feedback.setText(text)
        set_tone(self.feedback, "ok" if ok else "error")

    def when(self) -> datetime | None:
        """The time typed (None: now); raises ScheduleError with the person's sentence."""
        return parse_when(self.when_field.text(), self._clock.now())

    def _on_when_edited(self, text: str) -> None:
        now = self._clock.now()
        try:
            at = parse_when(text, now)
        except ScheduleError as error:
            self._show_when(sentence(error.message), ok=False)
            self._booking = False
            self._show_button()
            return
        if at is None:
            self._show_when(" ", ok=True)
            self._booking = False
            self._show_button()
            return
        leaves = send_time(at, self._lead)
        leaving = self.tr("at once") if leaves <= now else sentence(describe(leaves, now))
        when = sentence(describe(at, now))
        self._show_when(fill(self.tr("✓ %1: the link leaves %2"), when, leaving), ok=True)
        self._booking = True
        self._show_button()

    def _add_amount_row(self, form: QFormLayout) -> None:
        self.amount_field = QLineEdit()
        self.amount_field.setClearButtonEnabled(True)
        self.amount_feedback = QLabel(" ")
        self.amount_feedback.setWordWrap(True)
        self.amount_label = QLabel()
        self._amount_cents: int | None = None
        self.amount_field.textEdited.connect(self._on_amount_edited)
        self.amount_field.returnPressed.connect(self.submit)
        form.addRow(self.amount_label, self.amount_field)
        form.addRow("", self.amount_feedback)

    def amount_cents(self) -> int | None:
        """The pre-payment asked, in cents (None: none), as last checked."""
        return self._amount_cents

    def _on_amount_edited(self, text: str) -> bool:
        """Checks the amount as typed; False when it cannot be a pre-payment."""
        self._amount_cents = None
        if not text.strip():
            self._show_amount(" ", ok=True)
            return True
        try:
            cents = parse_amount(text)
        except AmountError as error:
            self._show_amount(sentence(str(error)), ok=False)
            return False
        self._amount_cents = cents
        amount = format_amount(cents, Language(self.language_box.currentData()).value)
        self._show_amount(
            fill(self.tr("✓ %1, paid by card or Bancontact before the waiting room"), amount),
            ok=True,
        )
        return True

    def _show_amount(self, text: str, ok: bool) -> None:
        self.amount_feedback.setText(text)
        set_tone(self.amount_feedback, "ok" if ok else "error")

    def _show_when(self, text: str, ok: bool) -> None:
        self.when_feedback.setText(text)
        set_tone(self.when_feedback, "ok" if ok else "error")

    def submit(self) -> None:
        if self._contact is None:
            self._on_edited(self.contact_field.text())
            if not self.contact_field.text().strip():
                self._asked_to_type = True
                self._show(self._type_contact(), ok=False)
            return
        try:
            at = self.when()
        except ScheduleError as error:
            self._show_when(sentence(error.message), ok=False)
            self.when_field.setFocus()
            return
        if not self._on_amount_edited(self.amount_field.text()):
            self.amount_field.setFocus()
            return
        language = Language(self.language_box.currentData())
        requested_at = self._requested_at or self._clock.now()
        self.send_requested.emit(self._contact, language, requested_at, at)

    def reset(self) -> None:
        """Empties the panel after a successful send, ready for the next call."""
        self.contact_field.clear()
        self.when_field.clear()
        self.amount_field.clear()
        self._amount_cents = None
        self._show_amount(" ", ok=True)
        self._contact = None
        self._requested_at = None
        self._show(" ", ok=True)
        self._show_when(" ", ok=True)
        self._booking = False
        self._asked_to_type = False
        self._show_button()
        self.send_button.setEnabled(False)
