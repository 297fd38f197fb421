"""The practice's Stripe key, kept in the OS keyring (service "tooddoc-desk", account
"stripe-api-key"), never in settings.json, an environment variable, a log line or a message.

    save_stripe_key(keyring, "rk_live_…")      # StripeKeyError with a sentence when it cannot be
    read_stripe_key(keyring)                   # None when this computer has none

A restricted key (`rk_live_…`, `rk_test_…`) is what the app needs and what it asks for: write
access to Checkout Sessions and Refunds, read access to PaymentIntents and PaymentMethods. A
secret key (`sk_…`) works too but gives far more than a desk app should hold; a publishable key
(`pk_…`) cannot make a session and is refused.
"""

from __future__ import annotations

import re

from keyring.backend import KeyringBackend

from tooddoc_desk.keyring_entries import read_entry, write_entry
from tooddoc_desk.provider_keys import ProviderSecretError, check_secret_text

STRIPE_ACCOUNT = "stripe-api-key"
_KEY = re.compile(r"^(rk|sk)_(live|test)_[A-Za-z0-9]{16,247}$")


def check_stripe_key(text: str) -> str:
    """The key as typed or piped; ProviderSecretError (a sentence) when it cannot be one."""
    key = check_secret_text(text)
    if key.startswith("pk_"):
        raise ProviderSecretError(
            "This is Stripe's publishable key: give a restricted key (rk_live_…) instead."
        )
    if not _KEY.match(key):
        raise ProviderSecretError(
            "This is not a Stripe API key: a restricted key starts with rk_live_ (or rk_test_ "
            "to try)."
        )
    return key


def read_stripe_key(keyring: KeyringBackend | None) -> str | None:
    if keyring is None:
        return None
    return read_entry(keyring, STRIPE_ACCOUNT, ProviderSecretError)


def save_stripe_key(keyring: KeyringBackend, text: str) -> None:
    key = check_stripe_key(text)
    write_entry(keyring, STRIPE_ACCOUNT, key, "key", ProviderSecretError)
