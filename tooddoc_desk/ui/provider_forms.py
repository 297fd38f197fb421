"""How invites leave: the SMS provider's and the mail server's forms, as the Settings dialog and
the first run show them. A secret typed here goes to the keyring when saved, never back to the
screen: an empty secret field keeps the one kept already."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from tooddoc_desk.provider_settings import SECURITIES, SMS_PROVIDERS, EmailSettings, SmsSettings
from tooddoc_desk.services.practice_settings import MAIL_KEYRING_FIELD, SMS_KEYRING_FIELD
from tooddoc_desk.ui.form_problems import FormProblems
from tooddoc_desk.ui.i18n import FollowsLanguage
from tooddoc_desk.ui.marks import QT_TRANSLATE_NOOP
from tooddoc_desk.ui.sign_in import secret_field

CONTEXT = "ProviderForms"
PROVIDER_NAMES = {
    "none": QT_TRANSLATE_NOOP("ProviderForms", "None: shown in the app"),
    "twilio": "Twilio",
    "vonage": "Vonage",
}
SECURITY_NAMES = {
    "starttls": QT_TRANSLATE_NOOP("ProviderForms", "STARTTLS (port 587)"),
    "tls": QT_TRANSLATE_NOOP("ProviderForms", "TLS (port 465)"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def text_of(field: QLineEdit) -> str | None:
    return field.text().strip() or None


class SmsForm(FollowsLanguage, QGroupBox):
    def __init__(self, current: SmsSettings, problems: FormProblems) -> None:
        super().__init__()
        self._api_url = current.api_url
        self.provider = QComboBox()
        for provider in SMS_PROVIDERS:
            self.provider.addItem("", provider)
        self.provider.setCurrentIndex(SMS_PROVIDERS.index(current.provider))
        self.sender_id = QLineEdit(current.sender_id or "")
        self.account = QLineEdit(current.account_id or "")
        self.secret = secret_field()
        self._labels: dict[QWidget, QLabel] = {field: QLabel() for field in self._fields()}
        form = QFormLayout(self)
        keys = ("sms.provider", "sms.sender_id", "sms.account_id", SMS_KEYRING_FIELD)
        for field, key in zip(self._fields(), keys, strict=True):
            problems.row(form, self._labels[field], field, key)
        self.provider.currentIndexChanged.connect(self._follow_provider)
        self._follow_provider()
        self.retranslate()

    def _fields(self) -> tuple[QWidget, ...]:
        return (self.provider, self.sender_id, self.account, self.secret)

    def retranslate(self) -> None:
        self.setTitle(self.tr("SMS"))
        for index, provider in enumerate(SMS_PROVIDERS):
            self.provider.setItemText(index, _t(PROVIDER_NAMES[provider]))
        names: dict[QWidget, str] = {
            self.provider: self.tr("Provider"),
            self.sender_id: self.tr("Sender name or number"),
            self.account: self.tr("Account (SID or API key)"),
            self.secret: self.tr("Token or secret"),
        }
        for field, name in names.items():
            self._labels[field].setText(name)
            field.setAccessibleName(name)
        self.secret.setPlaceholderText(self.tr("kept in the keyring: leave empty to keep it"))

    def _follow_provider(self) -> None:
        chosen = self.provider.currentData() != "none"
        for field in (self.sender_id, self.account, self.secret):
            field.setEnabled(chosen)

    def settings(self) -> SmsSettings:
        return SmsSettings(
            provider=str(self.provider.currentData()),
            sender_id=text_of(self.sender_id),
            account_id=text_of(self.account),
            api_url=self._api_url,
        )


class MailForm(FollowsLanguage, QGroupBox):
    def __init__(self, current: EmailSettings, problems: FormProblems) -> None:
        super().__init__()
        self._from_name = current.from_name
        self.host = QLineEdit(current.host or "")
        self.host.setPlaceholderText("smtp.example.be")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(current.port)
        self.security = QComboBox()
        for security in SECURITIES:
            self.security.addItem("", security)
        self.security.setCurrentIndex(SECURITIES.index(current.security))
        self.from_address = QLineEdit(current.from_address or "")
        self.reply_to = QLineEdit(current.reply_to or "")
        self.user = QLineEdit(current.username or "")
        self.password = secret_field()
        self._labels: dict[QWidget, QLabel] = {field: QLabel() for field in self._fields()}
        form = QFormLayout(self)
        keys = (
            "email.host",
            "email.port",
            "email.security",
            "email.from_address",
            "email.reply_to",
            "email.username",
            MAIL_KEYRING_FIELD,
        )
        for field, key in zip(self._fields(), keys, strict=True):
            problems.row(form, self._labels[field], field, key)
        self.security.currentIndexChanged.connect(self._usual_port)
        self.retranslate()

    def _fields(self) -> tuple[QWidget, ...]:
        return (
            self.host,
            self.port,
            self.security,
            self.from_address,
            self.reply_to,
            self.user,
            self.password,
        )

    def retranslate(self) -> None:
        self.setTitle(self.tr("E-mail"))
        for index, security in enumerate(SECURITIES):
            self.security.setItemText(index, _t(SECURITY_NAMES[security]))
        names: dict[QWidget, str] = {
            self.host: self.tr("Mail server"),
            self.port: self.tr("Port"),
            self.security: self.tr("Security"),
            self.from_address: self.tr("From address"),
            self.reply_to: self.tr("Replies to"),
            self.user: self.tr("Login"),
            self.password: self.tr("Password"),
        }
        for field, name in names.items():
            self._labels[field].setText(name)
            field.setAccessibleName(name)
        self.password.setPlaceholderText(self.tr("kept in the keyring: leave empty to keep it"))

    def _usual_port(self) -> None:
        """The port that goes with the security chosen, unless another one was typed."""
        usual = {"starttls": 587, "tls": 465}
        if self.port.value() in usual.values():
            self.port.setValue(usual[str(self.security.currentData())])

    def settings(self) -> EmailSettings:
        return EmailSettings(
            host=text_of(self.host),
            port=self.port.value(),
            security=str(self.security.currentData()),
            from_address=text_of(self.from_address),
            from_name=self._from_name,
            reply_to=text_of(self.reply_to),
            username=text_of(self.user),
        )
