"""A hosted hub's practice key in the keyring: one spelling of the address, one entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.keyring_backend import FolderKeyring
from tooddoc_desk.hub_keys import (
    HubKeyError,
    account_for,
    check_key_text,
    hub_address,
    read_key,
    save_key,
)

KEY = "practice-key-0123456789-abcdefghij"


@pytest.mark.parametrize(
    ("url", "address"),
    [
        ("https://hub.example.be", "https://hub.example.be"),
        ("https://Hub.Example.be/", "https://hub.example.be"),
        ("  https://hub.example.be:443 ", "https://hub.example.be"),
        ("https://hub.example.be:8443", "https://hub.example.be:8443"),
        ("http://127.0.0.1:8765", "http://127.0.0.1:8765"),
        ("http://localhost:8765/", "http://localhost:8765"),
        ("http://[::1]:8765", "http://[::1]:8765"),
    ],
)
def test_addresses_have_one_spelling(url: str, address: str) -> None:
    assert hub_address(url) == address


@pytest.mark.parametrize(
    "url",
    [
        "http://hub.example.be",
        "http://192.168.1.10:8765",
        "ftp://hub.example.be",
        "hub.example.be",
        "https://hub.example.be/prefix",
        "https://hub.example.be/?x=1",
        "https://user:pw@hub.example.be",
        "https://",
    ],
)
def test_other_addresses_are_refused(url: str) -> None:
    with pytest.raises(ValueError, match=r"."):
        hub_address(url)


def test_the_key_is_kept_under_the_hubs_address(tmp_path: Path) -> None:
    keyring = FolderKeyring(tmp_path)
    assert read_key(keyring, "https://hub.example.be") is None
    save_key(keyring, "https://Hub.example.be/", f"  {KEY}\n")
    assert read_key(keyring, "https://hub.example.be") == KEY
    assert keyring.get_password("tooddoc-desk", "hub-api-key:https://hub.example.be") == KEY
    assert account_for("https://hub.example.be:443/") == "hub-api-key:https://hub.example.be"
    assert read_key(keyring, "https://other.example.be") is None


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "No key"),
        ("   \n", "No key"),
        ("two words-0123456789", "one word"),
        ("short", "16 to 512"),
        ("é" * 20, "one word"),
    ],
)
def test_what_cannot_be_a_key_is_refused(text: str, problem: str) -> None:
    with pytest.raises(HubKeyError, match=problem) as refused:
        check_key_text(text)
    if text.strip():
        assert text.strip() not in refused.value.message


class BrokenKeyring(FolderKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError("D-Bus is gone")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError("locked")


def test_a_failing_keyring_is_a_clear_error(tmp_path: Path) -> None:
    keyring = BrokenKeyring(tmp_path)
    with pytest.raises(HubKeyError, match="could not be read"):
        read_key(keyring, "https://hub.example.be")
    with pytest.raises(HubKeyError, match="refused to keep the key") as refused:
        save_key(keyring, "https://hub.example.be", KEY)
    assert KEY not in refused.value.message
