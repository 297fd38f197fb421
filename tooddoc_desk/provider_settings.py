"""The `sms` and `email` sections of settings.json: how invites leave. Never a secret: the SMS
provider's token or secret and the SMTP password are in the OS keyring (`provider_keys`).

    "sms": {"provider": "twilio", "sender_id": "DrPeeters",
            "account_id": "AC0123…",              (Twilio: the account SID; Vonage: the API key)
            "api_url": null}                      (another API address: a regional one)
    "email": {"host": "smtp.example.be", "port": 587, "security": "starttls",
              "from_address": "noreply@cabinet.be", "from_name": null,   (null: practice_name)
              "reply_to": "accueil@cabinet.be", "username": "noreply@cabinet.be"}

`provider` "none" (the default) and an `email` without `host` leave that channel to the dev
outbox. `parse_sms` and `parse_email` check a section and raise ValueError with a sentence that
names the field.
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
        raise ValueError("sms.provider must be 'none', 'twilio' or 'vonage'")
    if not settings.configured:
        return settings
    if settings.sender_id is None:
        raise ValueError("sms.sender_id must give who the SMS is from (a name or a +32… number)")
    try:
        SenderId(settings.sender_id)
    except ValueError as error:
        raise ValueError(f"sms.sender_id: {error}") from None
    _check_account(settings)
    if settings.api_url is not None:
        try:
            require_secure(settings.api_url)
        except ValueError:
            raise ValueError("sms.api_url must be an https address") from None
    return settings


def parse_email(raw: object) -> EmailSettings:
    section = _section(raw, "email")
    port = section.get("port", 587)
    if isinstance(port, bool) or not isinstance(port, int | str):
        raise ValueError("email.port must be a number")
    try:
        number = int(port)
    except ValueError:
        raise ValueError("email.port must be a number") from None
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
        named = [
            key for key in ("from_address", "reply_to", "username") if _text(section, "email", key)
        ]
        if named:
            raise ValueError(f"email.host must name the mail server when email.{named[0]} is set")
        return settings
    if not _HOST.fullmatch(settings.host):
        raise ValueError("email.host must be a server name such as smtp.example.be")
    if not 1 <= settings.port <= 65535:
        raise ValueError("email.port must be between 1 and 65535 (usually 587 or 465)")
    if settings.security not in SECURITIES:
        raise ValueError("email.security must be 'starttls' (port 587) or 'tls' (port 465)")
    if settings.from_address is None:
        raise ValueError("email.from_address must give the address the invites come from")
    _check_address(settings.from_address, "email.from_address")
    if settings.reply_to is not None:
        _check_address(settings.reply_to, "email.reply_to")
    if settings.from_name is not None and len(settings.from_name) > 80:
        raise ValueError("email.from_name must have at most 80 characters")
    return settings


def _check_account(settings: SmsSettings) -> None:
    account = settings.account_id
    if settings.provider == "twilio":
        if account is None or not _TWILIO_SID.fullmatch(account):
            raise ValueError(
                "sms.account_id must be the Twilio account SID (AC followed by 32 hexadecimal "
                "digits, from the Twilio console)"
            )
    elif account is None or not _VONAGE_KEY.fullmatch(account):
        raise ValueError("sms.account_id must be the Vonage API key (letters and digits)")


def _check_address(address: str, name: str) -> None:
    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError as error:
        raise ValueError(f"{name} is not a valid e-mail address: {error}") from None


def _section(raw: object, name: str) -> dict[str, Any]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise ValueError(f"{name} must be an object ({{…}})")
    return raw


def _text(section: dict[str, Any], where: str, key: str) -> str | None:
    value = section.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{where}.{key} must be text")
    return value.strip() or None
