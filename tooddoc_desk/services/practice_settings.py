"""The practice's settings, changed by a manager from the window: checked whole, the providers'
secrets put in the OS keyring first, then settings.json replaced at once; whoever listens
(the app) applies them without a restart.

A secret left empty keeps the one already in the keyring. Nothing is written when anything is
refused: a wrong value, a secret that cannot be one, a keyring that will not keep it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from keyring.backend import KeyringBackend

from tooddoc_desk.config import Settings, checked, write_settings
from tooddoc_desk.core.users import Permission
from tooddoc_desk.provider_keys import (
    ProviderSecretError,
    check_secret_text,
    email_account,
    save_secret,
    sms_account,
)
from tooddoc_desk.services.accounts import Gate

log = logging.getLogger(__name__)

Listener = Callable[[Settings], None]
NO_KEYRING = "This computer has no keyring to keep the secret: set it up with the command line."


@dataclass(frozen=True)
class Secrets:
    sms: str = ""  # the SMS provider's token or secret; empty: keep the stored one
    email: str = ""  # the SMTP password; empty: keep the stored one


class SettingsRefused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class PracticeSettings:
    def __init__(
        self, folder: Path, settings: Settings, keyring: KeyringBackend | None, gate: Gate
    ) -> None:
        self._folder = folder
        self.current = settings
        self._keyring = keyring
        self._gate = gate
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def save(self, settings: Settings, secrets: Secrets = Secrets()) -> Settings:
        """Keeps and applies `settings` (a manager's action); SettingsRefused with a sentence,
        and nothing written, when they cannot be used."""
        self._gate.require(Permission.MANAGE_USERS)
        try:
            settings = checked(settings)
        except ValueError as error:  # ConfigError: names the field
            raise SettingsRefused(str(error).removeprefix("settings.json: ")) from None
        wanted = self._secrets_to_keep(settings, secrets)  # all checked before any is kept
        try:
            for account, secret in wanted:
                if self._keyring is not None:  # (always, with a secret to keep)
                    save_secret(self._keyring, account, secret)
        except ProviderSecretError as error:
            raise SettingsRefused(error.message) from None
        write_settings(self._folder, settings)
        self.current = settings
        log.info("settings changed (%d secret(s) stored in the keyring)", len(wanted))
        for listener in list(self._listeners):
            listener(settings)
        return settings

    def _secrets_to_keep(self, settings: Settings, secrets: Secrets) -> list[tuple[str, str]]:
        """(keyring account, secret) for each secret typed; SettingsRefused if one cannot be
        kept."""
        wanted: list[tuple[str, str]] = []
        for account, secret in (
            (sms_account(settings.sms), secrets.sms),
            (email_account(settings.email), secrets.email),
        ):
            if not secret:
                continue
            if account is None:
                raise SettingsRefused("A secret was given for a provider that is not set up.")
            if self._keyring is None:
                raise SettingsRefused(NO_KEYRING)
            try:
                wanted.append((account, check_secret_text(secret)))
            except ProviderSecretError as error:
                raise SettingsRefused(error.message) from None
        return wanted
