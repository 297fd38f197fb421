"""The secrets of the practice's SMS provider and mail server, kept in the OS keyring.

    account = sms_account(settings.sms)          # "twilio-auth-token:AC0123…"
    save_secret(keyring, account, token)
    read_secret(keyring, account)                # None when this computer has none

Entries are service "tooddoc-desk" with these accounts:

    twilio-auth-token:<account SID>       the Twilio auth token
    vonage-api-secret:<API key>           the Vonage API secret
    smtp-password:<user name>@<host>      the mail server's password for that login

A secret never goes into settings.json, an environment variable, a log line or an error message.
"""

from __future__ import annotations

from keyring.backend import KeyringBackend

from tooddoc_desk.keyring_entries import read_entry, write_entry
from tooddoc_desk.provider_settings import EmailSettings, SmsSettings

MAX_SECRET_CHARS = 1024
SMS_PREFIXES = {"twilio": "twilio-auth-token:", "vonage": "vonage-api-secret:"}
SMTP_PREFIX = "smtp-password:"


class ProviderSecretError(Exception):
    """The secret cannot be kept or read; `message` says why, for a person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def sms_account(settings: SmsSettings) -> str | None:
    """The keyring account of the SMS provider's secret; None when no provider is set up."""
    prefix = SMS_PREFIXES.get(settings.provider)
    if prefix is None or settings.account_id is None:
        return None
    return prefix + settings.account_id


def email_account(settings: EmailSettings) -> str | None:
    """The keyring account of the SMTP password; None without a server or a login."""
    if settings.host is None or settings.username is None:
        return None
    return f"{SMTP_PREFIX}{settings.username}@{settings.host.lower()}"


def check_secret_text(text: str) -> str:
    """The secret as typed or piped, without its line end; raises when it cannot be one."""
    secret = text.removesuffix("\n").removesuffix("\r")
    if not secret.strip():
        raise ProviderSecretError("No secret was given.")
    if secret != secret.strip() or any(not c.isprintable() for c in secret):
        raise ProviderSecretError(
            "The secret starts or ends with a space, or holds a character that cannot be typed: "
            "paste it again."
        )
    if len(secret) > MAX_SECRET_CHARS:
        raise ProviderSecretError(f"A secret has at most {MAX_SECRET_CHARS} characters.")
    return secret


def read_secret(keyring: KeyringBackend, account: str) -> str | None:
    return read_entry(keyring, account, ProviderSecretError)


def save_secret(keyring: KeyringBackend, account: str, secret: str) -> None:
    write_entry(keyring, account, check_secret_text(secret), "secret", ProviderSecretError)
