"""The keyring backend is chosen explicitly: never plain text, never a console prompt."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.compat import properties

from tests.helpers.keyring_backend import DOTTED_PATH, FOLDER_VAR, FolderKeyring
from tooddoc_desk.storage import keyring_choice
from tooddoc_desk.storage.errors import KeyringChoiceError
from tooddoc_desk.storage.keyring_choice import ENV_VAR, choose_keyring, is_refused


class _Stored(KeyringBackend):
    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        return None

    def delete_password(self, service: str, username: str) -> None:
        return None


class PlaintextKeyring(_Stored):
    """Like keyrings.alt.file.PlaintextKeyring: viable everywhere, and eager to be chosen."""

    @properties.classproperty
    def priority(cls) -> float:
        return 100


class EncryptedKeyring(_Stored):
    """Like keyrings.alt.file.EncryptedKeyring, which asks for a password on stdin."""

    @properties.classproperty
    def priority(cls) -> float:
        return 99


class Unusable(_Stored):
    """Stands for the Secret Service on a box without D-Bus: its priority raises."""

    @properties.classproperty
    def priority(cls) -> float:
        raise RuntimeError("The Secret Service daemon is neither running nor activatable")


@pytest.fixture
def alt_backends_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    """keyrings.alt-like backends importable and registered with keyring's discovery."""
    package = types.ModuleType("keyrings")
    alt = types.ModuleType("keyrings.alt")
    file = types.ModuleType("keyrings.alt.file")
    file.PlaintextKeyring = PlaintextKeyring  # type: ignore[attr-defined]
    file.EncryptedKeyring = EncryptedKeyring  # type: ignore[attr-defined]
    for module in (package, alt, file):
        monkeypatch.setitem(sys.modules, module.__name__, module)


@pytest.fixture(autouse=True)
def _no_backend_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)


@pytest.fixture(autouse=True, scope="module")
def _forget_test_backends() -> Iterator[None]:
    yield
    registry: set[type[KeyringBackend]] = KeyringBackend._classes
    registry.difference_update({PlaintextKeyring, EncryptedKeyring, Unusable, _Stored})


def test_keyrings_own_choice_would_be_the_plaintext_file(alt_backends_installed: None) -> None:
    """What the explicit choice protects against."""
    viable = list(KeyringBackend.get_viable_backends())
    assert max(viable, key=lambda backend: backend.priority) is PlaintextKeyring


def test_platform_keyring_missing_means_none_not_a_fallback(
    alt_backends_installed: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(keyring_choice.PLATFORM_BACKENDS, "linux", f"{__name__}.Unusable")
    assert choose_keyring(environ={}, platform="linux") is None


def test_the_platform_keyring_is_used_when_it_works(
    alt_backends_installed: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(FOLDER_VAR, str(tmp_path))
    monkeypatch.setitem(keyring_choice.PLATFORM_BACKENDS, "linux", DOTTED_PATH)
    assert isinstance(choose_keyring(environ={}, platform="linux"), FolderKeyring)


def test_on_this_machine_the_choice_is_the_secret_service_or_nothing(
    alt_backends_installed: None,
) -> None:
    chosen = choose_keyring(environ={})
    if sys.platform.startswith("linux"):
        assert chosen is None or type(chosen).__module__ == "keyring.backends.SecretService"
    assert chosen is None or not is_refused(type(chosen))


def test_unknown_platforms_get_none() -> None:
    assert choose_keyring(environ={}, platform="plan9") is None


def test_an_explicit_backend_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(FOLDER_VAR, str(tmp_path))
    monkeypatch.setenv(ENV_VAR, DOTTED_PATH)
    assert isinstance(choose_keyring(), FolderKeyring)
    assert isinstance(choose_keyring(environ={ENV_VAR: DOTTED_PATH}), FolderKeyring)
    assert isinstance(choose_keyring(DOTTED_PATH, environ={}), FolderKeyring)


@pytest.mark.parametrize(
    "dotted",
    [
        "keyrings.alt.file.PlaintextKeyring",
        "keyrings.alt.file.EncryptedKeyring",
        "keyring.backends.null.Keyring",
        "keyring.backends.fail.Keyring",
        "keyring.backends.chainer.ChainerBackend",
        f"{__name__}.PlaintextKeyring",
        f"{__name__}.EncryptedKeyring",
    ],
)
def test_unsafe_backends_are_refused_even_when_named(
    alt_backends_installed: None, dotted: str
) -> None:
    with pytest.raises(KeyringChoiceError) as caught:
        choose_keyring(dotted, environ={})
    assert "never used" in caught.value.message


@pytest.mark.parametrize(
    "dotted", ["no.such.Backend", "collections.OrderedDict", "Plain", f"{__name__}.Unusable"]
)
def test_a_named_backend_that_cannot_be_used_is_an_error_not_a_fallback(dotted: str) -> None:
    with pytest.raises(KeyringChoiceError) as caught:
        choose_keyring(dotted, environ={})
    assert caught.value.recovery_hint


def test_the_tests_keyring_declares_itself_unusable_without_its_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(FOLDER_VAR, raising=False)
    with pytest.raises(KeyringChoiceError):
        choose_keyring(DOTTED_PATH, environ={})


def test_platform_backends_are_not_refused() -> None:
    for dotted in keyring_choice.PLATFORM_BACKENDS.values():
        module_name, _, class_name = dotted.rpartition(".")
        fake = type(class_name, (), {"__module__": module_name})
        assert not is_refused(fake)
