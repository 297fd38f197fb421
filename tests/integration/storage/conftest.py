from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.keyring_backend import DOTTED_PATH, FOLDER_VAR, FolderKeyring
from tooddoc_desk.storage import CreatedStore, Store, StorePaths, choose_keyring
from tooddoc_desk.storage.database_key import DatabaseKey
from tooddoc_desk.storage.keyslots import KeySlots


@pytest.fixture
def keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FolderKeyring:
    """The tests' keyring, chosen the way the app chooses one: explicitly, by dotted path."""
    monkeypatch.setenv(FOLDER_VAR, str(tmp_path / "keyring"))
    monkeypatch.setenv("TOODDOC_KEYRING_BACKEND", DOTTED_PATH)
    backend = choose_keyring()
    assert isinstance(backend, FolderKeyring)
    return backend


@pytest.fixture
def paths(tmp_path: Path) -> StorePaths:
    return StorePaths(tmp_path / "store")


@pytest.fixture
def created(paths: StorePaths, keyring: FolderKeyring) -> Iterator[CreatedStore]:
    created = Store.create(paths, keyring=keyring)
    yield created
    created.store.close()


@pytest.fixture
def store(created: CreatedStore) -> Store:
    return created.store


@pytest.fixture
def database_key(created: CreatedStore, paths: StorePaths) -> DatabaseKey:
    return KeySlots.load(paths.keys).unlock_with_recovery_key(created.recovery_key)
