"""Opening the encrypted store at start-up, asking the person only when the keyring cannot.

    nothing there   → a new store, protected by the keyring (or a new passphrase) and by a
                      recovery key that the window shows once
    a store there   → opened with the keyring (or the passphrase); if that fails, the person is
                      told why and asked for the recovery key, after which the store is
                      protected by the keyring (or a new passphrase) again

Every failure leaves the files as they were (the store fails closed).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from keyring.backend import KeyringBackend

from tooddoc_desk.storage.errors import (
    KeyFileMissing,
    KeyFileUnreadable,
    KeyringUnavailable,
    StoreError,
    UnlockError,
    WeakPassphrase,
    WrongPassphrase,
)
from tooddoc_desk.storage.key_file import SlotKind
from tooddoc_desk.storage.recovery_key import RecoveryKey
from tooddoc_desk.storage.store import Store
from tooddoc_desk.storage.store_paths import Layout, StorePaths

log = logging.getLogger(__name__)
ATTEMPTS = 5


class Prompts(Protocol):
    """How the person is asked; every method returns None when they give up."""

    def new_passphrase(self) -> str | None: ...

    def passphrase(self, problem: str | None) -> str | None: ...

    def recovery_key(self, problem: str) -> str | None: ...


class StoreLocked(Exception):
    """The store stays closed; `message` tells the person why and what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class OpenedStore:
    store: Store
    new_recovery_key: RecoveryKey | None = None  # only for a store created just now


def open_store(folder: Path, keyring: KeyringBackend | None, prompts: Prompts) -> OpenedStore:
    paths = StorePaths(folder)
    if paths.layout() is Layout.ABSENT:
        return _create(paths, keyring, prompts)
    try:
        return OpenedStore(_open_usual_way(paths, keyring, prompts))
    except (KeyFileMissing, KeyFileUnreadable) as error:
        raise StoreLocked(str(error)) from None  # the recovery key needs keys.json too
    except UnlockError as error:
        log.warning("the store did not open the usual way: %s", type(error).__name__)
        return OpenedStore(_open_with_recovery_key(paths, keyring, prompts, error))
    except StoreError as error:
        raise StoreLocked(str(error)) from None


def _create(paths: StorePaths, keyring: KeyringBackend | None, prompts: Prompts) -> OpenedStore:
    for _ in range(ATTEMPTS):
        passphrase = None
        if keyring is None:
            passphrase = prompts.new_passphrase()
            if passphrase is None:
                raise StoreLocked(NO_KEYRING)
        try:
            created = Store.create(paths, keyring=keyring, passphrase=passphrase)
        except WeakPassphrase:
            continue
        except StoreError as error:
            raise StoreLocked(str(error)) from None
        log.info("a new store was created")
        return OpenedStore(created.store, created.recovery_key)
    raise StoreLocked(NO_KEYRING)


def _open_usual_way(paths: StorePaths, keyring: KeyringBackend | None, prompts: Prompts) -> Store:
    methods = Store.unlock_methods(paths)
    if SlotKind.PASSPHRASE not in methods or (keyring and SlotKind.KEYRING in methods):
        if keyring is None:
            raise KeyringUnavailable("no keyring service on this computer")
        return Store.open_with_keyring(paths, keyring)
    problem = None
    for _ in range(ATTEMPTS):
        passphrase = prompts.passphrase(problem)
        if passphrase is None:
            raise StoreLocked("The store stays locked: no passphrase was given.")
        try:
            return Store.open_with_passphrase(paths, passphrase)
        except WrongPassphrase as error:
            problem = error.message
    raise StoreLocked("The store stays locked: too many wrong passphrases.")


def _open_with_recovery_key(
    paths: StorePaths, keyring: KeyringBackend | None, prompts: Prompts, failure: UnlockError
) -> Store:
    problem = str(failure)
    for _ in range(ATTEMPTS):
        typed = prompts.recovery_key(problem)
        if typed is None:
            raise StoreLocked(f"{failure.message} The store stays locked and unchanged.")
        try:
            store = Store.open_with_recovery_key(paths, typed)
        except UnlockError as error:
            problem = str(error)
            continue
        try:
            _protect_again(store, keyring, prompts)
        except StoreError as error:
            # the store is open and sound: keep going, and the next start asks again
            log.warning("the store could not be protected again: %s", type(error).__name__)
        return store
    raise StoreLocked("The store stays locked: the recovery key was not accepted.")


def _protect_again(store: Store, keyring: KeyringBackend | None, prompts: Prompts) -> None:
    if keyring is not None:
        store.protect_with_keyring(keyring)
        return
    passphrase = prompts.new_passphrase()
    if passphrase is not None:
        store.protect_with_passphrase(passphrase)


NO_KEYRING = (
    "This computer has no keyring service to keep the store's key, and no passphrase was "
    "chosen, so no store was created."
)
