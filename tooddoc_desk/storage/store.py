"""The store: the encrypted database, its key slots and the consultations repository.

Start-up (see `StorePaths.layout`), with `keyring = choose_keyring()`:

    ABSENT                  → Store.create(paths, keyring=keyring) or, when keyring is None,
                              Store.create(paths, keyring=None, passphrase=…); show the
                              recovery key once
    COMPLETE                → Store.unlock_methods(paths) says what to ask: open_with_keyring,
                              or open_with_passphrase; on an UnlockError, ask for the recovery
                              key: open_with_recovery_key, then re-protect with
                              store.protect_with_keyring (or protect_with_passphrase)
    CREATION_INTERRUPTED    → opened the same way; the open finishes the creation
    anything else           → the open raises KeyFileMissing or DatabaseMissing: show it

Then, before any call can start: store.consultations.interrupt_open_calls(clock.now()).

Every open fails closed: until the key is known to fit, nothing on disk is created or written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from keyring.backend import KeyringBackend

from tooddoc_desk.core.clock import Clock, SystemClock
from tooddoc_desk.storage.atomic_file import replace_durably
from tooddoc_desk.storage.audit_log import AuditLog, audit_key
from tooddoc_desk.storage.backup_file import write_backup
from tooddoc_desk.storage.consultations import ConsultationRepository
from tooddoc_desk.storage.database import Database, EncryptedConnector, configure
from tooddoc_desk.storage.database_key import DatabaseKey
from tooddoc_desk.storage.errors import DatabaseDamaged, StoreExists, WrongKey
from tooddoc_desk.storage.key_file import ScryptParams, SlotKind
from tooddoc_desk.storage.keyslots import KeySlots
from tooddoc_desk.storage.migrations import MIGRATIONS, Migration, migrate, schema_version
from tooddoc_desk.storage.outbox import OutboxRepository
from tooddoc_desk.storage.recovery_key import RecoveryKey
from tooddoc_desk.storage.retention import RetentionRepository
from tooddoc_desk.storage.store_paths import Layout, StorePaths
from tooddoc_desk.storage.users import UserRepository


@dataclass(frozen=True)
class CreatedStore:
    store: Store
    recovery_key: RecoveryKey  # show it once, ask the user to write it down; never store it


class Store:
    """An open store. Use the class methods to create or open one; close it (or use `with`)."""

    def __init__(
        self,
        paths: StorePaths,
        slots: KeySlots,
        key: DatabaseKey,
        database: Database,
        clock: Clock,
    ) -> None:
        self.paths = paths
        self._slots = slots
        self._key = key
        self._database = database
        self._clock = clock
        self.consultations = ConsultationRepository(database, clock)
        self.outbox = OutboxRepository(database, clock)
        self.users = UserRepository(database, clock)
        self.audit = AuditLog(database, audit_key(key))  # services/audit.py records through it
        self.retention = RetentionRepository(database, self.audit)

    # --- creating and opening --------------------------------------------------------------

    @classmethod
    def create(
        cls,
        paths: StorePaths,
        *,
        keyring: KeyringBackend | None,
        passphrase: str | None = None,
        scrypt: ScryptParams | None = None,
        clock: Clock | None = None,
        migrations: Sequence[Migration] = MIGRATIONS,
    ) -> CreatedStore:
        """A new store protected by the keyring (or, without one, by `passphrase`) and by a
        recovery key. Only where nothing of a store exists: raises StoreExists otherwise."""
        paths.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if paths.layout() is not Layout.ABSENT:
            raise StoreExists(str(paths.folder))
        paths.remove_abandoned_creation()
        slots, key, recovery = KeySlots.create(
            paths.keys, keyring=keyring, passphrase=passphrase, scrypt=scrypt
        )
        try:
            _create_database(paths.pending_database, EncryptedConnector(key), migrations)
            slots.save()
        except BaseException:
            if keyring is not None:
                slots.discard_keyring_entry(keyring)
            if not paths.keys.exists():
                paths.remove_abandoned_creation()
            raise
        store = cls._open(paths, slots, key, clock, migrations)
        return CreatedStore(store, recovery)

    @staticmethod
    def unlock_methods(paths: StorePaths) -> frozenset[SlotKind]:
        """Which slots an existing store has, to know what to ask before opening it (keyring:
        nothing; passphrase: the passphrase). Raises like an open would for a partial store."""
        paths.require_openable()
        return KeySlots.load(paths.keys).kinds

    @classmethod
    def open_with_keyring(
        cls,
        paths: StorePaths,
        keyring: KeyringBackend,
        *,
        clock: Clock | None = None,
        migrations: Sequence[Migration] = MIGRATIONS,
    ) -> Store:
        paths.require_openable()
        slots = KeySlots.load(paths.keys)
        return cls._open(paths, slots, slots.unlock_with_keyring(keyring), clock, migrations)

    @classmethod
    def open_with_recovery_key(
        cls,
        paths: StorePaths,
        recovery_key: RecoveryKey | str,
        *,
        clock: Clock | None = None,
        migrations: Sequence[Migration] = MIGRATIONS,
    ) -> Store:
        """Opens with the recovery key as typed. Re-protect afterwards (protect_with_keyring)."""
        paths.require_openable()
        slots = KeySlots.load(paths.keys)
        key = slots.unlock_with_recovery_key(recovery_key)
        return cls._open(paths, slots, key, clock, migrations)

    @classmethod
    def open_with_passphrase(
        cls,
        paths: StorePaths,
        passphrase: str,
        *,
        clock: Clock | None = None,
        migrations: Sequence[Migration] = MIGRATIONS,
    ) -> Store:
        paths.require_openable()
        slots = KeySlots.load(paths.keys)
        key = slots.unlock_with_passphrase(passphrase)
        return cls._open(paths, slots, key, clock, migrations)

    @classmethod
    def open_with_key(
        cls,
        paths: StorePaths,
        key: DatabaseKey,
        *,
        clock: Clock | None = None,
        migrations: Sequence[Migration] = MIGRATIONS,
    ) -> Store:
        """Opens with a database key already in hand (tools, tests)."""
        paths.require_openable()
        return cls._open(paths, KeySlots.load(paths.keys), key, clock, migrations)

    @classmethod
    def _open(
        cls,
        paths: StorePaths,
        slots: KeySlots,
        key: DatabaseKey,
        clock: Clock | None,
        migrations: Sequence[Migration],
    ) -> Store:
        layout = paths.require_openable()
        if not slots.matches(key):
            raise WrongKey()
        connector = EncryptedConnector(key)
        if layout is Layout.CREATION_INTERRUPTED:
            connector.check_key(paths.pending_database)
            replace_durably(paths.pending_database, paths.database)
        if paths.database.stat().st_size == 0:
            raise DatabaseDamaged("the database file is empty")
        connector.check_key(paths.database)
        database = Database(paths.database, connector)
        store = cls(paths, slots, key, database, clock or SystemClock())
        try:
            with database.read() as connection:
                migrate(connection, migrations, backup=store._backup_before_upgrade)
        except BaseException:
            database.close()
            raise
        return store

    # --- keys ------------------------------------------------------------------------------

    @property
    def database(self) -> Database:
        """The database itself, for readers that page through it (the manager's export)."""
        return self._database

    @property
    def schema_version(self) -> int:
        with self._database.read() as connection:
            return schema_version(connection)

    @property
    def slot_kinds(self) -> frozenset[SlotKind]:
        return self._slots.kinds

    def protect_with_keyring(self, keyring: KeyringBackend) -> None:
        """A fresh keyring secret and slot (after a recovery, or on moving to a new computer)."""
        self._slots.protect_with_keyring(self._key, keyring)

    def protect_with_passphrase(self, passphrase: str, scrypt: ScryptParams | None = None) -> None:
        self._slots.protect_with_passphrase(self._key, passphrase, scrypt)

    def replace_recovery_key(self, recovery: RecoveryKey | None = None) -> RecoveryKey:
        """`recovery` (default: a new one) now opens the store; the previous one stops
        working (the backups made before keep the slots they were made with)."""
        return self._slots.replace_recovery_key(self._key, recovery)

    def remove_slot(self, kind: SlotKind, keyring: KeyringBackend | None = None) -> None:
        self._slots.remove_slot(kind, keyring)

    # --- maintenance -----------------------------------------------------------------------

    def backup(self, target: Path | None = None) -> Path:
        """An encrypted copy (same key) through SQLite's backup API; returns where it went."""
        if target is None:
            target = self._backup_path(self.schema_version)
        self._database.backup_to(target)
        return target

    def back_up_into(self, folder: Path, *, settings: bytes | None = None) -> Path:
        """A complete backup file in `folder`, for a restore on another computer with the
        recovery key (see backup_file.py); raises a BackupFolderProblem or DatabaseDamaged."""
        return write_backup(
            self._database,
            self._slots.for_backup(),
            folder,
            now=self._clock.now(),
            schema_version=self.schema_version,
            settings=settings,
        )

    def integrity_problems(self, *, quick: bool = False) -> list[str]:
        """What PRAGMA integrity_check finds; empty when the database is sound."""
        return self._database.integrity_problems(quick=quick)

    def close(self) -> None:
        self._database.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _backup_before_upgrade(self, version: int) -> Path:
        target = self._backup_path(version)
        self._database.backup_to(target)
        return target

    def _backup_path(self, version: int) -> Path:
        self.paths.backups.mkdir(exist_ok=True, mode=0o700)
        stamp = self._clock.now().strftime("%Y%m%dT%H%M%S%fZ")
        return self.paths.backups / f"consultations-v{version}-{stamp}.db"


def _create_database(
    path: Path, connector: EncryptedConnector, migrations: Sequence[Migration]
) -> None:
    """A new database at `path`, fully migrated, checkpointed and closed."""
    connection = connector(path)
    try:
        configure(connection)
        migrate(connection, migrations)
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
