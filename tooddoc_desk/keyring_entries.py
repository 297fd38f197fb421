"""The app's entries in the OS keyring beside the store's key (the same service name): a hosted
hub's practice key, the SMS provider's secret, the SMTP password.

Any backend failure (D-Bus gone, keyring locked, refused) becomes `failure(sentence)`: the
caller's own error, said to a person.
"""

from __future__ import annotations

from collections.abc import Callable

from keyring.backend import KeyringBackend

from tooddoc_desk.storage.keyslots import KEYRING_SERVICE

Failure = Callable[[str], Exception]


def read_entry(keyring: KeyringBackend, account: str, failure: Failure) -> str | None:
    """The entry's text; None when there is none (or it is empty)."""
    try:
        value = keyring.get_password(KEYRING_SERVICE, account)
    except Exception as error:  # any backend failure
        raise failure(
            f"The keyring could not be read ({type(error).__name__}); unlock it and start again."
        ) from None
    return value if isinstance(value, str) and value else None


def write_entry(
    keyring: KeyringBackend, account: str, value: str, what: str, failure: Failure
) -> None:
    """Keeps `value`; `what` names it in the sentence ("key", "secret")."""
    try:
        keyring.set_password(KEYRING_SERVICE, account, value)
    except Exception as error:  # any backend failure
        raise failure(
            f"The keyring refused to keep the {what} ({type(error).__name__}); unlock it and "
            "try again."
        ) from None
