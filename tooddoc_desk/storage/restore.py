"""Restoring a backup into a data folder that holds no store (a new computer, a new disk).

The recovery key typed by the person unwraps the database key from the backup's recovery slot;
nothing is written before it does. The database is then taken out of the backup beside where it
will live, checked (size, SHA-256, key, PRAGMA integrity_check), the key is wrapped for this
computer's keyring (or a new passphrase), keys.json is written and the database renamed into
place: the same steps, in the same order, as creating a store, so a restore cut short is either
nothing (the next start offers a new store or another restore) or a store that opens with the
recovery key.

A folder that already holds a store, or any part of one, is never written to.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from keyring.backend import KeyringBackend

from tooddoc_desk.core.clock import Clock
from tooddoc_desk.storage.backup_errors import BackupDamaged
from tooddoc_desk.storage.backup_file import BackupReader, Manifest
from tooddoc_desk.storage.database import DATABASE_ERRORS, EncryptedConnector, integrity_problems
from tooddoc_desk.storage.errors import StoreExists, WrongKey
from tooddoc_desk.storage.key_file import SlotKind
from tooddoc_desk.storage.keyslots import KeySlots
from tooddoc_desk.storage.recovery_key import RecoveryKey
from tooddoc_desk.storage.store import Store
from tooddoc_desk.storage.store_paths import Layout, StorePaths


@dataclass(frozen=True)
class Restored:
    store: Store
    manifest: Manifest  # what was restored: when the backup was made, its schema
    settings: bytes | None  # the practice's settings.json as backed up, if it was


def needs_passphrase(source: Path) -> bool:
    """Whether a restore without a keyring must be given a new passphrase (the backup has no
    passphrase slot of its own). Raises NotABackup or BackupDamaged."""
    with BackupReader(source) as backup:
        return not backup.key_file.has(SlotKind.PASSPHRASE)


def restore_backup(
    source: Path,
    paths: StorePaths,
    recovery_key: RecoveryKey | str,
    *,
    keyring: KeyringBackend | None,
    passphrase: str | None = None,
    clock: Clock | None = None,
) -> Restored:
    """Restores `source` into `paths` (which must hold no store) and opens it.

    Raises StoreExists, NotABackup, BackupDamaged, WrongRecoveryKey (MalformedRecoveryKey),
    KeyringUnavailable or WeakPassphrase; each leaves the folder without a store.
    """
    paths.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if paths.layout() is not Layout.ABSENT:
        raise StoreExists(str(paths.folder))
    with BackupReader(source) as backup:
        slots = KeySlots(paths.keys, backup.key_file)
        key = slots.unlock_with_recovery_key(recovery_key)
        if keyring is None and passphrase is None and not slots.has(SlotKind.PASSPHRASE):
            raise ValueError("without a keyring, a restore needs a new passphrase")
        paths.remove_abandoned_creation()
        pending = paths.pending_database
        backup.extract_database(pending)
        try:
            _check(pending, EncryptedConnector(key))
            if keyring is not None:
                slots.protect_with_keyring(key, keyring)  # the keyring entry, then keys.json
            elif passphrase is not None:
                slots.protect_with_passphrase(key, passphrase)
            else:
                slots.save()
        except BaseException:
            if not paths.keys.exists():
                paths.remove_abandoned_creation()
            raise
        store = Store.open_with_key(paths, key, clock=clock)
        return Restored(store, backup.manifest, backup.settings)


def _check(database: Path, connector: EncryptedConnector) -> None:
    try:
        connector.check_key(database)
    except WrongKey:
        raise BackupDamaged("its database does not match its keys") from None
    try:
        connection = connector(database, read_only=True)
        try:
            problems = integrity_problems(connection)
        finally:
            connection.close()
    except DATABASE_ERRORS as error:
        raise BackupDamaged(f"its database cannot be read: {error}") from None
    if problems:
        raise BackupDamaged("its database fails its integrity check")
