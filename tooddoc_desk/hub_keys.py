"""The practice key of a hosted hub, kept in the OS keyring under the hub's address.

    save_key(keyring, "https://hub.example.be", key)
    read_key(keyring, "https://hub.example.be")        # None when this computer has none

The entry is service "tooddoc-desk", account "hub-api-key:<hub address>" (the address written
as `hub_address` gives it, so that `https://Hub.example.be/` and `https://hub.example.be` are
one entry). The key never goes into settings.json, a log line or an error message.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from keyring.backend import KeyringBackend

from tooddoc_desk.hub.config import base_url_origin
from tooddoc_desk.hub.settings import is_loopback_host
from tooddoc_desk.keyring_entries import read_entry, write_entry

ACCOUNT_PREFIX = "hub-api-key:"
MIN_KEY_CHARS = 16
MAX_KEY_CHARS = 512


class HubKeyError(Exception):
    """The key cannot be kept or read; `message` says why, for a person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def hub_address(url: str) -> str:
    """`https://host[:port]`, the one spelling of a hosted hub's address.

    Raises ValueError (a sentence) for anything else: an address with a path, a query or
    credentials, or plain http to another machine (patients' browsers need https, and the
    practice key would travel in clear).
    """
    parts = urlsplit(url.strip())
    host = parts.hostname or ""
    if parts.scheme != "https" and not (parts.scheme == "http" and is_loopback_host(host)):
        raise ValueError(
            f"{url!r} is not an https address (plain http only for a hub on this computer)"
        )
    if not host or parts.path not in ("", "/") or parts.query or parts.fragment:
        raise ValueError(f"{url!r} must be the hub's address alone, such as https://hub.example.be")
    if parts.username or parts.password:
        raise ValueError("the hub's address cannot hold a user name or a password")
    return base_url_origin(url.strip())


def account_for(url: str) -> str:
    return ACCOUNT_PREFIX + hub_address(url)


def check_key_text(text: str) -> str:
    """The key as typed or piped, trimmed; raises HubKeyError when it cannot be a key."""
    key = text.strip()
    if not key:
        raise HubKeyError("No key was given.")
    if any(c.isspace() or not c.isprintable() for c in key) or not key.isascii():
        raise HubKeyError("A practice key is one word of letters, digits and signs.")
    if not MIN_KEY_CHARS <= len(key) <= MAX_KEY_CHARS:
        raise HubKeyError(
            f"A practice key has {MIN_KEY_CHARS} to {MAX_KEY_CHARS} characters; this one has "
            f"{len(key)}."
        )
    return key


def read_key(keyring: KeyringBackend, url: str) -> str | None:
    return read_entry(keyring, account_for(url), HubKeyError)


def save_key(keyring: KeyringBackend, url: str, key: str) -> None:
    write_entry(keyring, account_for(url), check_key_text(key), "key", HubKeyError)
