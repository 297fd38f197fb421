"""The `sms` and `email` sections of settings.json: how invites leave. Never a secret: the SMS
provider's token or secret and the SMTP password are in the OS keyring (`provider_keys`).

    "sms": {"provider": "twilio", "sender_id": "DrPeeters",
            "account_id": "AC0123…",              (Twilio: the account SID; Vonage: the API key)
            "api_url": null}                      (another API address: a regional one)
    "email": {"host": "smtp.example.be", "port": 587, "security": "starttls",
              "from_address": "noreply@cabinet.be", "from_name": null,   (null: practice_name)
              "reply_to": "accueil@cabinet.be", "username": "noreply@cabinet.be"}

`provider` "none" (the default) and an `email` without `host` leave that channel to the dev
outbox. `parse_sms` and `parse_email` check a section and raise SettingError: the field it is
about, and a sentence for the person at the desk (the window translates it; the command line
shows it after the field's name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from email_validator import EmailNotValidError, validate_email

from tooddoc_desk.messaging.http_failures import require_secure
from tooddoc_desk.messaging.message import SenderId

SMS_PROVIDERS = ("none", "twilio", "vonage")
SECURITIES = ("starttls", "tls")
_TWILIO_SID = re.compile(r"AC[0-9a-fA-F]{32}")
_VONAGE_KEY = re.compile(r"[A-Za-z0-9]{4,64}")
_HOST = re.compile(r"[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?")


class SettingError(ValueError):
    """A setting the app cannot use. `field` names it as settings.json does ("sms.sender_id";
    None: no one setting), `message` says what to do in words a practice manager uses (a
    sentence of the catalog), `detail` what a library said, for the command line only."""

    def __init__(self, field: str | None, message: str, detail: str | None = None) -> None:
        self.field = field
        self.message = message
        self.detail = detail
        super().__init__(field, message, detail)

    def __str__(self) -> str:
        text = f"{self.field}: {self.message}" if self.field else self.message
        return f"{text} ({self.detail})" if self.detail else text


@dataclass(frozen=True)
class SmsSettings:
    provider: str = "none"
    sender_id: str | None = None
    account_id: str | None = None  # Twilio: account SID; Vonage: API key (not secret)
    api_url: str | None = None  # None: the provider's own address

    @property
    def configured(self) -> bool:
        return self.provider != "none"

    @property
    def provider_name(self) -> str:
        return {"twilio": "Twilio", "vonage": "Vonage"}.get(self.provider, "none")


@dataclass(frozen=True)
class EmailSettings:
    host: str | None = None  # None: no mail server set up
    port: int = 587
    security: str = "starttls"
    from_address: str | None = None
    from_name: str | None = None  # None: the practice's name (`sender_name`)
    reply_to: str | None = None
    username: str | None = None  # the password is in the keyring

    @property
    def configured(self) -> bool:
        return self.host is not None

    def sender_name(self, practice_name: str) -> str:
        return self.from_name or practice_name


def parse_sms(raw: object) -> SmsSettings:
    section = _section(raw, "sms")
    settings = SmsSettings(
        provider=str(section.get("provider", "none")).strip().lower(),
        sender_id=_text(section, "sms", "sender_id"),
        account_id=_text(section, "sms", "account_id"),
        api_url=_text(section, "sms", "api_url"),
    )
    if settings.provider not in SMS_PROVIDERS:
        raise SettingError(
            "sms.provider", "SMS leave through Twilio, Vonage, or nothing (the dev outbox)."
        )
    if not settings.configured:
        return settings
    if settings.sender_id is None:
        raise SettingError(
            "sms.sender_id",
            "Say who the SMS is from: a name of up to 11 letters and digits, or the number the "
            "SMS provider gave the practice (+32…).",
        )
    try:
        SenderId(settings.sender_id)
    except ValueError:
        raise SettingError(
            "sms.sender_id",
            "The SMS sender is a name of up to 11 letters, digits and spaces (with a letter), "
            "or a number written with its country code (+32…).",
        ) from None
    _check_account(settings)
    if settings.api_url is not None:
        try:
            require_secure(settings.api_url)
        except ValueError:
            raise SettingError(
                "sms.api_url", "The SMS provider's address must start with https://."
            ) from None
    return settings


def parse_email(raw: object) -> EmailSettings:
    section = _section(raw, "email")
    port = section.get("port", 587)
    try:
        if isinstance(port, bool) or not isinstance(port, int | str):
            raise ValueError(port)
        number = int(port)
    except ValueError:
        raise SettingError(
            "email.port", "The mail server's port is a number, usually 587 or 465."
        ) from None
    settings = EmailSettings(
        host=_text(section, "email", "host"),
        port=number,
        security=str(section.get("security", "starttls")).strip().lower(),
        from_address=_text(section, "email", "from_address"),
        from_name=_text(section, "email", "from_name"),
        reply_to=_text(section, "email", "reply_to"),
        username=_text(section, "email", "username"),
    )
    if settings.host is None:
        if any(_text(section, "email", key) for key in ("from_address", "reply_to", "username")):
            raise SettingError(
                "email.host",
                "Name the mail server (such as smtp.example.be), or empty the other mail fields "
                "to show e-mails in the dev outbox.",
            )
        return settings
    if not _HOST.fullmatch(settings.host):
        raise SettingError("email.host", "The mail server is a name such as smtp.example.be.")
    if not 1 <= settings.port <= 65535:
        raise SettingError(
            "email.port", "The mail server's port is a number from 1 to 65535, usually 587 or 465."
        )
    if settings.security not in SECURITIES:
        raise SettingError(
            "email.security",
            "The mail server is reached with STARTTLS (port 587) or TLS (port 465).",
        )
    if settings.from_address is None:
        raise SettingError("email.from_address", "Give the address the invites come from.")
    wrong = _address_problem(settings.from_address)
    if wrong is not None:
        raise SettingError(
            "email.from_address",
            "The address the invites come from is not a valid e-mail address.",
            wrong,
        )
    wrong = None if settings.reply_to is None else _address_problem(settings.reply_to)
    if wrong is not None:
        raise SettingError(
            "email.reply_to", "The address for replies is not a valid e-mail address.", wrong
        )
    if settings.from_name is not None and len(settings.from_name) > 80:
        raise SettingError("email.from_name", "The sender's name has at most 80 characters.")
    return settings


def _check_account(settings: SmsSettings) -> None:
    account = settings.account_id
    if settings.provider == "twilio":
        if account is None or not _TWILIO_SID.fullmatch(account):
            raise SettingError(
                "sms.account_id",
                "The Twilio account SID is AC followed by 32 digits and letters from a to f, "
                "as the Twilio console shows it.",
            )
    elif account is None or not _VONAGE_KEY.fullmatch(account):
        raise SettingError(
            "sms.account_id",
            "The Vonage API key is 4 to 64 letters and digits, as the Vonage dashboard shows it.",
        )


def _address_problem(address: str) -> str | None:
    """What is wrong with an e-mail address, as the validator says it (None: nothing)."""
    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError as error:
        return str(error)
    return None


def _section(raw: object, name: str) -> dict[str, Any]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise SettingError(name, "This part of the settings must be a section in braces ({…}).")
    return raw


def _text(section: dict[str, Any], where: str, key: str) -> str | None:
    value = section.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise SettingError(f"{where}.{key}", "This setting must be text.")
    return value.strip() or None
