"""`tooddoc-desk provider-secret`: keeps the SMS provider's or the mail server's secret in the OS
keyring, for the account that settings.json names.

    tooddoc-desk provider-secret --sms      the Twilio auth token (for sms.account_id, the
                                            account SID) or the Vonage API secret (for the API
                                            key)
    tooddoc-desk provider-secret --email    the SMTP password of email.username at email.host
    tooddoc-desk provider-secret --stripe   the Stripe restricted key (rk_live_…) for
                                            pre-payments

The secret is read from stdin when it is piped, otherwise asked without echo. Exit status: 0
stored; 2 nothing to store it for (the section is not set up), or no usable secret given; 3 no
usable keyring on this computer.
"""

from __future__ import annotations

import getpass
import sys
from typing import TextIO

from tooddoc_desk.config import Config
from tooddoc_desk.provider_keys import (
    ProviderSecretError,
    check_secret_text,
    email_account,
    save_secret,
    sms_account,
)
from tooddoc_desk.storage.keyring_choice import choose_keyring
from tooddoc_desk.stripe_key import save_stripe_key

EXIT_USAGE = 2
EXIT_NO_KEYRING = 3


def run_provider_secret(
    config: Config, *, sms: bool, stripe: bool = False, stdin: TextIO | None = None
) -> int:
    if stripe:
        return _stripe(config, stdin or sys.stdin)
    settings = config.settings
    if sms:
        account = sms_account(settings.sms)
        what = f"{settings.sms.provider_name} secret for the account {settings.sms.account_id}"
        prompt = (
            "Twilio auth token: " if settings.sms.provider == "twilio" else "Vonage API secret: "
        )
        missing = (
            "settings.json sets up no SMS provider: set sms.provider, sms.account_id and "
            "sms.sender_id first."
        )
    else:
        account = email_account(settings.email)
        what = f"mail server password for {settings.email.username} at {settings.email.host}"
        prompt = f"Password of {settings.email.username} at {settings.email.host}: "
        missing = (
            "settings.json gives no mail server login: set email.host and email.username first "
            "(a server that takes mail without a login needs no password)."
        )
    if account is None:
        return _fail(missing, EXIT_USAGE)
    keyring = choose_keyring(config.keyring_backend)
    if keyring is None:
        return _fail(
            "This computer has no keyring (Secret Service, Keychain or Credential Locker) to "
            "keep the secret in; invites cannot be sent through the provider from it.",
            EXIT_NO_KEYRING,
        )
    try:
        secret = check_secret_text(_read(prompt, stdin or sys.stdin))
        save_secret(keyring, account, secret)
    except ProviderSecretError as error:
        return _fail(error.message, EXIT_USAGE)
    print(f"The {what} is stored in this computer's keyring; the app uses it from its next start.")
    return 0


def _stripe(config: Config, stdin: TextIO) -> int:
    keyring = choose_keyring(config.keyring_backend)
    if keyring is None:
        return _fail(
            "This computer has no keyring (Secret Service, Keychain or Credential Locker) to "
            "keep the key in; pre-payments cannot be asked from it.",
            EXIT_NO_KEYRING,
        )
    try:
        save_stripe_key(keyring, _read("Stripe restricted key (rk_live_…): ", stdin))
    except ProviderSecretError as error:
        return _fail(error.message, EXIT_USAGE)
    print(
        "The Stripe key is stored in this computer's keyring; links may ask a pre-payment from "
        "the app's next start."
    )
    return 0


def _read(prompt: str, stdin: TextIO) -> str:
    if stdin.isatty():
        try:
            return getpass.getpass(prompt, stream=sys.stderr)
        except (EOFError, KeyboardInterrupt):
            return ""
    return stdin.readline()


def _fail(message: str, status: int) -> int:
    print(message, file=sys.stderr)
    return status
