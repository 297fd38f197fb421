"""The practice's settings, changed by a manager from the window (or by the person setting the
app up, before it has any account): checked whole, the providers' secrets put in the OS keyring
first, then settings.json replaced at once; whoever listens (the app) applies them without a
restart.

A secret left empty keeps the one already in the keyring. Nothing is written when anything is
refused: a wrong value, a secret that cannot be one, a keyring that will not keep it. A refusal
names the setting it is about (`SettingsRefused.field`: "practice_name", "sms.sender_id",
"sms.secret", "email.password", …) so that the form can say it next to that field.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Protocol

from keyring.backend import KeyringBackend

from tooddoc_desk.config import Settings, checked, write_settings
from tooddoc_desk.core.users import User
from tooddoc_desk.provider_keys import (
    ProviderSecretError,
    check_secret_text,
    email_account,
    save_secret,
    sms_account,
)
from tooddoc_desk.provider_settings import SettingError
from tooddoc_desk.services.audit import SETTINGS_CHANGED, AuditTrail

log = logging.getLogger(__name__)

Listener = Callable[[Settings], None]
NO_KEYRING = "This computer has no keyring to keep the secret: set it up with the command line."
NO_SUCH_PROVIDER = "A secret was given for a provider that is not set up."


@dataclass(frozen=True)
class Secrets:
    sms: str = ""  # the SMS provider's token or secret; empty: keep the stored one
    email: str = ""  # the SMTP password; empty: keep the stored one


SMS_KEYRING_FIELD = "sms.secret"
MAIL_KEYRING_FIELD = "email.password"


class SettingsRefused(Exception):
    """`message` says what is wrong; `field` names the setting (None: no one setting)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    @classmethod
    def of(cls, error: SettingError) -> SettingsRefused:
        """The refusal of a ConfigError: its sentence (no file name, no library's detail)."""
        return cls(error.message, error.field)


class SetupGate(Protocol):
    def require_setup(self) -> None:
        """NotAllowed unless the person at the desk may change the practice's settings."""
        ...

    @property
    def current(self) -> User | None:
        """Who is at the desk (None: nobody yet, during the first run)."""
        ...


class PracticeSettings:
    def __init__(
        self,
        folder: Path,
        settings: Settings,
        keyring: KeyringBackend | None,
        gate: SetupGate,
        audit: AuditTrail | None = None,
    ) -> None:
        """`audit` records each change: the names of the settings changed and of the secrets
        replaced, never a value (the app always gives one)."""
        self._folder = folder
        self._audit = audit
        self.current = settings
        self._keyring = keyring
        self._gate = gate
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    @property
    def keyring(self) -> bool:
        """Whether this computer has a keyring to keep secrets in."""
        return self._keyring is not None

    def require_setup(self) -> None:
        """NotAllowed unless the person at the desk may change the settings."""
        self._gate.require_setup()

    def check(self, settings: Settings, secrets: Secrets = Secrets()) -> Settings:
        """`settings` as they would be kept; SettingsRefused (a sentence, the setting it is
        about) when they or the secrets cannot be. Nothing is written."""
        return self._checked(settings, secrets)[0]

    def save(self, settings: Settings, secrets: Secrets = Secrets()) -> Settings:
        """Keeps and applies `settings` (a manager's action, or the first run's); SettingsRefused
        with a sentence, and nothing written, when they cannot be used."""
        self._gate.require_setup()
        settings, wanted = self._checked(settings, secrets)  # all checked before any is kept
        for account, secret, field in wanted:
            try:
                if self._keyring is not None:  # (always, with a secret to keep)
                    save_secret(self._keyring, account, secret)
            except ProviderSecretError as error:
                raise SettingsRefused(error.message, field) from None
        write_settings(self._folder, settings)
        before, self.current = self.current, settings
        if self._audit is not None:
            self._audit.try_record(
                SETTINGS_CHANGED,
                by=self._gate.current,
                details={
                    "keys": changed_keys(before, settings),
                    "secrets": [field for _, _, field in wanted],
                },
            )
        log.info("settings changed (%d secret(s) stored in the keyring)", len(wanted))
        for listener in list(self._listeners):
            listener(settings)
        return settings

    def _checked(
        self, settings: Settings, secrets: Secrets
    ) -> tuple[Settings, list[tuple[str, str, str]]]:
        """The settings as read back, and (keyring account, secret, field) for each secret
        typed; SettingsRefused if one cannot be kept."""
        try:
            settings = checked(settings)
        except SettingError as error:  # ConfigError: names the field
            raise SettingsRefused.of(error) from None
        wanted: list[tuple[str, str, str]] = []
        for account, secret, field in (
            (sms_account(settings.sms), secrets.sms, SMS_KEYRING_FIELD),
            (email_account(settings.email), secrets.email, MAIL_KEYRING_FIELD),
        ):
            if not secret:
                continue
            if account is None:
                raise SettingsRefused(NO_SUCH_PROVIDER, field)
            if self._keyring is None:
                raise SettingsRefused(NO_KEYRING, field)
            try:
                wanted.append((account, check_secret_text(secret), field))
            except ProviderSecretError as error:
                raise SettingsRefused(error.message, field) from None
        return settings, wanted


def changed_keys(before: Settings, after: Settings) -> list[str]:
    """The dotted names of the settings that differ ("practice_name", "sms.sender_id"…)."""
    old, new = _flat(asdict(before)), _flat(asdict(after))
    return sorted(key for key in old.keys() | new.keys() if old.get(key) != new.get(key))


def _flat(values: dict[str, object], prefix: str = "") -> dict[str, object]:
    flat: dict[str, object] = {}
    for key, value in values.items():
        if isinstance(value, dict):
            flat.update(_flat(value, f"{prefix}{key}."))
        else:
            flat[prefix + key] = value
    return flat
