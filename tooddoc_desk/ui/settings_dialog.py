"""The practice's settings, for managers: its name, the window's language, the idle lock, when
booked links leave, and how invites leave (SMS provider, mail server, with their secrets, which
go to the OS keyring and are never shown again). Saved settings apply at once."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tooddoc_desk.config import MAX_AUTO_LOCK_MINUTES, MAX_INVITE_LEAD_MINUTES, Settings
from tooddoc_desk.core.language import Language
from tooddoc_desk.core.users import NotAllowed
from tooddoc_desk.provider_settings import SECURITIES, SMS_PROVIDERS, EmailSettings, SmsSettings
from tooddoc_desk.services.practice_settings import PracticeSettings, Secrets, SettingsRefused
from tooddoc_desk.ui.i18n import FollowsLanguage, fill, sentence
from tooddoc_desk.ui.sign_in import secret_field


def _text(field: QLineEdit) -> str | None:
    return field.text().strip() or None


class SettingsDialog(FollowsLanguage, QDialog):
    def __init__(self, practice: PracticeSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._practice = practice
        current = practice.current
        self.practice_name = QLineEdit(current.practice_name)
        self.language = QComboBox()
        for language in Language:
            self.language.addItem(language.label, language)
        self.language.setCurrentIndex(list(Language).index(current.language))
        self.auto_lock = QSpinBox()
        self.auto_lock.setRange(1, MAX_AUTO_LOCK_MINUTES)
        self.auto_lock.setValue(current.auto_lock_minutes)
        self.lead = QSpinBox()
        self.lead.setRange(1, MAX_INVITE_LEAD_MINUTES)
        self.lead.setValue(current.invite_lead_minutes)

        sms = current.sms
        self.sms_provider = QComboBox()
        for provider in SMS_PROVIDERS:
            self.sms_provider.addItem(provider, provider)
        self.sms_provider.setCurrentIndex(SMS_PROVIDERS.index(sms.provider))
        self.sms_sender = QLineEdit(sms.sender_id or "")
        self.sms_account = QLineEdit(sms.account_id or "")
        self.sms_secret = secret_field()
        email = current.email
        self.mail_host = QLineEdit(email.host or "")
        self.mail_port = QSpinBox()
        self.mail_port.setRange(1, 65535)
        self.mail_port.setValue(email.port)
        self.mail_security = QComboBox()
        for security in SECURITIES:
            self.mail_security.addItem(security, security)
        self.mail_security.setCurrentIndex(SECURITIES.index(email.security))
        self.mail_from = QLineEdit(email.from_address or "")
        self.mail_reply_to = QLineEdit(email.reply_to or "")
        self.mail_user = QLineEdit(email.username or "")
        self.mail_password = secret_field()
        self.hub = QLabel()
        self.hub.setWordWrap(True)
        self.problem = QLabel("")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton()
        self._labels: dict[QWidget, QLabel] = {}
        self._build()
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.retranslate()

    def _row(self, form: QFormLayout, field: QWidget) -> None:
        label = QLabel()
        self._labels[field] = label
        form.addRow(label, field)

    def _build(self) -> None:
        self.practice_box, self.sms_box, self.mail_box = QGroupBox(), QGroupBox(), QGroupBox()
        practice = QFormLayout(self.practice_box)
        for field in (self.practice_name, self.language, self.auto_lock, self.lead):
            self._row(practice, field)
        practice.addRow(self.hub)
        sms = QFormLayout(self.sms_box)
        for field in (self.sms_provider, self.sms_sender, self.sms_account, self.sms_secret):
            self._row(sms, field)
        mail = QFormLayout(self.mail_box)
        for field in (
            self.mail_host,
            self.mail_port,
            self.mail_security,
            self.mail_from,
            self.mail_reply_to,
            self.mail_user,
            self.mail_password,
        ):
            self._row(mail, field)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        for box in (self.practice_box, self.sms_box, self.mail_box):
            layout.addWidget(box)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.practice_box.setTitle(self.tr("Practice"))
        self.sms_box.setTitle(self.tr("SMS"))
        self.mail_box.setTitle(self.tr("E-mail"))
        names = {
            self.practice_name: self.tr("Name shown to patients"),
            self.language: self.tr("Language"),
            self.auto_lock: self.tr("Lock after (minutes idle)"),
            self.lead: self.tr("Booked links leave (minutes before)"),
            self.sms_provider: self.tr("Provider"),
            self.sms_sender: self.tr("Sender name or number"),
            self.sms_account: self.tr("Account (SID or API key)"),
            self.sms_secret: self.tr("Token or secret"),
            self.mail_host: self.tr("Mail server"),
            self.mail_port: self.tr("Port"),
            self.mail_security: self.tr("Security"),
            self.mail_from: self.tr("From address"),
            self.mail_reply_to: self.tr("Replies to"),
            self.mail_user: self.tr("Login"),
            self.mail_password: self.tr("Password"),
        }
        for field, name in names.items():
            self._labels[field].setText(name)
            field.setAccessibleName(name)
        kept = self.tr("kept in the keyring: leave empty to keep it")
        self.sms_secret.setPlaceholderText(kept)
        self.mail_password.setPlaceholderText(kept)
        hub = self._practice.current.hub
        where = hub.url if hub.mode == "hosted" and hub.url else self.tr("the built-in hub")
        self.hub.setText(
            fill(
                self.tr(
                    "Hub: %1. It changes with `tooddoc-desk hub-key --use`, at the next start."
                ),
                where,
            )
        )
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))

    def settings(self) -> Settings:
        """What the form says, over the current settings."""
        current = self._practice.current
        language = self.language.currentData()
        return replace(
            current,
            practice_name=self.practice_name.text().strip(),
            language=language if isinstance(language, Language) else current.language,
            auto_lock_minutes=self.auto_lock.value(),
            invite_lead_minutes=self.lead.value(),
            sms=SmsSettings(
                provider=str(self.sms_provider.currentData()),
                sender_id=_text(self.sms_sender),
                account_id=_text(self.sms_account),
                api_url=current.sms.api_url,
            ),
            email=EmailSettings(
                host=_text(self.mail_host),
                port=self.mail_port.value(),
                security=str(self.mail_security.currentData()),
                from_address=_text(self.mail_from),
                from_name=current.email.from_name,
                reply_to=_text(self.mail_reply_to),
                username=_text(self.mail_user),
            ),
        )

    def save(self) -> None:
        self.problem.setText("")
        secrets = Secrets(self.sms_secret.text(), self.mail_password.text())
        try:
            self._practice.save(self.settings(), secrets)
        except (SettingsRefused, NotAllowed) as error:
            self.problem.setText(sentence(error.message))
            return
        finally:
            self.sms_secret.clear()
            self.mail_password.clear()
        self.accept()
