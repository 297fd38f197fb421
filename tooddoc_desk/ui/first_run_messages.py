"""The first run's page on how invites leave: shown in the app (the dev outbox, the default:
nothing is sent, the link is given by hand) or sent through an SMS provider and a mail server,
with the Settings dialog's forms; their secrets go to the keyring at the end."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QScrollArea, QVBoxLayout, QWidget

from tooddoc_desk.config import Settings
from tooddoc_desk.provider_settings import EmailSettings, SmsSettings
from tooddoc_desk.services.first_run import SetupRefused, Step
from tooddoc_desk.services.practice_settings import Secrets
from tooddoc_desk.ui.first_run_page import FirstRunPage
from tooddoc_desk.ui.marks import QT_TRANSLATE_NOOP
from tooddoc_desk.ui.provider_forms import MailForm, SmsForm

NOTHING_CHOSEN = QT_TRANSLATE_NOOP(
    "sentences", "Choose an SMS provider or a mail server, or keep the invites in the app."
)


class MessagesPage(FirstRunPage):
    step = Step.MESSAGES

    def __init__(self, current: Settings) -> None:
        super().__init__()
        self.outbox = QRadioButton()
        self.outbox_help = QLabel()
        self.send = QRadioButton()
        self.send_help = QLabel()
        for help_text in (self.outbox_help, self.send_help):
            help_text.setWordWrap(True)
            help_text.setIndent(24)
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.outbox)
        self.choice.addButton(self.send)
        sending = current.sms.configured or current.email.configured
        (self.send if sending else self.outbox).setChecked(True)
        self.sms = SmsForm(current.sms, self.problems)
        self.mail = MailForm(current.email, self.problems)
        forms = QWidget()
        inside = QVBoxLayout(forms)
        inside.setContentsMargins(0, 0, 0, 0)
        inside.addWidget(self.sms)
        inside.addWidget(self.mail)
        self.forms = QScrollArea()
        self.forms.setWidgetResizable(True)
        self.forms.setWidget(forms)
        for part in (self.outbox, self.outbox_help, self.send, self.send_help):
            self.add(part)
        self.add(self.forms, 1)
        self.end()
        self.send.toggled.connect(self._follow_choice)
        self._follow_choice()
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Invites"))
        self.intro.setText(self.tr("How the link reaches the patient: by SMS, or by e-mail."))
        self.outbox.setText(self.tr("Show them in the app for now (the dev outbox)"))
        self.outbox_help.setText(
            self.tr(
                "Nothing is sent: each invite appears in the app's outbox, and you give the "
                "link to the patient yourself (read it out, or let them scan its QR code). Good "
                "to try the app; set up a provider before inviting patients at home."
            )
        )
        self.send.setText(self.tr("Send them by SMS and e-mail"))
        self.send_help.setText(
            self.tr(
                "Through the practice's SMS provider (Twilio or Vonage) and its mail server. "
                "A channel left empty stays in the app's outbox. Tokens and passwords are kept "
                "in this computer's keyring, never in a file."
            )
        )
        self.problems.retranslate()

    def _follow_choice(self) -> None:
        self.forms.setVisible(self.send.isChecked())

    def settings(self, current: Settings) -> Settings:
        if not self.send.isChecked():
            nothing = SmsSettings(api_url=current.sms.api_url)
            return replace(current, sms=nothing, email=EmailSettings())
        return replace(current, sms=self.sms.settings(), email=self.mail.settings())

    def secrets(self) -> Secrets:
        if not self.send.isChecked():
            return Secrets()
        return Secrets(self.sms.secret.text(), self.mail.password.text())

    def check_chosen(self, settings: Settings) -> None:
        """Sending chosen with neither a provider nor a mail server: said, not guessed."""
        if self.send.isChecked() and not (settings.sms.configured or settings.email.configured):
            raise SetupRefused(Step.MESSAGES, NOTHING_CHOSEN, "sms.provider")

    def focus_first(self) -> None:
        (self.sms.provider if self.send.isChecked() else self.outbox).setFocus()
