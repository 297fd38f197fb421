"""The tele-consultation panel: one field for a mobile number or an e-mail address, and when.

What is typed is checked as it is typed; Send (or Enter, in either field) is possible only for a
valid contact. "When" is empty for now, or a time ("14:30") or a day and a time ("26/11 9:15"):
a booked consultation's link leaves `lead` before it. The moment of the first keystroke is kept
as the time the patient asked for the consultation (the phone call), which Belgian
reimbursement rules require.
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
from tooddoc_desk.core.schedule import DEFAULT_LEAD, ScheduleError, describe, parse_when, send_time

OK_STYLE = "color: #1b6e20;"
ERROR_STYLE = "color: #b00020;"


class InvitePanel(QWidget):
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
        self.contact_field.setPlaceholderText("Mobile number or e-mail address")
        self.contact_field.setAccessibleName("Patient's mobile number or e-mail address")
        self.contact_field.setClearButtonEnabled(True)
        self.feedback = QLabel(" ")
        self.feedback.setWordWrap(True)
        self.feedback.setAccessibleName("Validation")
        self.language_box = QComboBox()
        for lang in Language:
            self.language_box.addItem(lang.label, lang)
        self.language_box.setCurrentIndex(list(Language).index(language))
        self.when_field = QLineEdit()
        self.when_field.setPlaceholderText("now — or 14:30, or 26/11 9:15")
        self.when_field.setAccessibleName("When: empty for now, or the consultation's time")
        self.when_field.setClearButtonEnabled(True)
        self.when_feedback = QLabel(" ")
        self.when_feedback.setWordWrap(True)
        self.when_feedback.setAccessibleName("When the link leaves")
        self.send_button = QPushButton("Send link")
        self.send_button.setEnabled(False)
        self.send_button.setDefault(True)

        form = QFormLayout()
        form.addRow("Patient", self.contact_field)
        form.addRow("", self.feedback)
        form.addRow("Language", self.language_box)
        form.addRow("When", self.when_field)
        form.addRow("", self.when_feedback)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        title = QLabel("<b>Tele-consultation</b>")
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addLayout(buttons)

        self.contact_field.textEdited.connect(self._on_edited)
        self.contact_field.returnPressed.connect(self.submit)
        self.when_field.textEdited.connect(self._on_when_edited)
        self.when_field.returnPressed.connect(self.submit)
        self.send_button.clicked.connect(self.submit)

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
        try:
            self._contact = parse_contact(text)
        except ContactError as error:
            self._contact = None
            # an empty field is not an error until someone tries to send it
            self._show(error.message if text.strip() else " ", ok=False)
        else:
            kind = "SMS" if self._contact.channel == "sms" else "e-mail"
            self._show(f"✓ {self._contact.display} ({kind})", ok=True)
        self.send_button.setEnabled(self._contact is not None)

    def _show(self, text: str, ok: bool) -> None:
        self.feedback.setText(text)
        self.feedback.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)

    def when(self) -> datetime | None:
        """The time typed (None: now); raises ScheduleError with the person's sentence."""
        return parse_when(self.when_field.text(), self._clock.now())

    def _on_when_edited(self, text: str) -> None:
        now = self._clock.now()
        try:
            at = parse_when(text, now)
        except ScheduleError as error:
            self._show_when(error.message, ok=False)
            self.send_button.setText("Send link")
            return
        if at is None:
            self._show_when(" ", ok=True)
            self.send_button.setText("Send link")
            return
        leaves = send_time(at, self._lead)
        leaving = "at once" if leaves <= now else describe(leaves, now)
        self._show_when(f"✓ {describe(at, now)}: the link leaves {leaving}", ok=True)
        self.send_button.setText("Book")

    def _show_when(self, text: str, ok: bool) -> None:
        self.when_feedback.setText(text)
        self.when_feedback.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)

    def submit(self) -> None:
        if self._contact is None:
            self._on_edited(self.contact_field.text())
            if not self.contact_field.text().strip():
                self._show("Type the patient's mobile number or e-mail address.", ok=False)
            return
        try:
            at = self.when()
        except ScheduleError as error:
            self._show_when(error.message, ok=False)
            self.when_field.setFocus()
            return
        language = Language(self.language_box.currentData())
        requested_at = self._requested_at or self._clock.now()
        self.send_requested.emit(self._contact, language, requested_at, at)

    def reset(self) -> None:
        """Empties the panel after a successful send, ready for the next call."""
        self.contact_field.clear()
        self.when_field.clear()
        self._contact = None
        self._requested_at = None
        self._show(" ", ok=True)
        self._show_when(" ", ok=True)
        self.send_button.setText("Send link")
        self.send_button.setEnabled(False)
