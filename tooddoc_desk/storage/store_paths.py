"""Where a store's files live, and what is there: the start-up decision rests on this.

    <folder>/consultations.db       the SQLCipher database (+ -wal, -shm while open)
    <folder>/keys.json              its key slots
    <folder>/backups/               encrypted copies made before each schema upgrade
    <folder>/consultations.db.new   a database being created (renamed into place last)

Only when neither the database (nor its -wal/-shm) nor keys.json exists is a new store made;
any other partial state is an error that names its cure, never a fresh start.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from tooddoc_desk.storage.errors import DatabaseMissing, KeyFileMissing, StoreAbsent

DATABASE_NAME = "consultations.db"
KEYS_NAME = "keys.json"
BACKUPS_NAME = "backups"


class Layout(StrEnum):
    ABSENT = "absent"  # nothing here: a new store may be created
    COMPLETE = "complete"  # database and keys.json
    CREATION_INTERRUPTED = "creation_interrupted"  # keys.json and the new database, not renamed
    KEYS_WITHOUT_DATABASE = "keys_without_database"
    DATABASE_WITHOUT_KEYS = "database_without_keys"


@dataclass(frozen=True)
class StorePaths:
    folder: Path

    @property
    def database(self) -> Path:
        return self.folder / DATABASE_NAME

    @property
    def keys(self) -> Path:
        return self.folder / KEYS_NAME

    @property
    def backups(self) -> Path:
        return self.folder / BACKUPS_NAME

    @property
    def pending_database(self) -> Path:
        return self.folder / (DATABASE_NAME + ".new")

    def companions(self, database: Path) -> tuple[Path, Path]:
        """The -wal and -shm files SQLite keeps beside a database."""
        return (
            database.with_name(database.name + "-wal"),
            database.with_name(database.name + "-shm"),
        )

    def layout(self) -> Layout:
        database = self.database.exists()
        database_parts = database or any(p.exists() for p in self.companions(self.database))
        keys = self.keys.exists()
        if not database_parts and not keys:
            return Layout.ABSENT
        if not keys:
            return Layout.DATABASE_WITHOUT_KEYS
        if database:
            return Layout.COMPLETE
        if self.pending_database.exists() and not database_parts:
            return Layout.CREATION_INTERRUPTED
        return Layout.KEYS_WITHOUT_DATABASE

    def require_openable(self) -> Layout:
        """The layout, if a store can be opened from it (COMPLETE or CREATION_INTERRUPTED)."""
        layout = self.layout()
        if layout is Layout.ABSENT:
            raise StoreAbsent(str(self.folder))
        if layout is Layout.DATABASE_WITHOUT_KEYS:
            raise KeyFileMissing(str(self.folder))
        if layout is Layout.KEYS_WITHOUT_DATABASE:
            raise DatabaseMissing(str(self.folder))
        return layout

    def remove_abandoned_creation(self) -> None:
        """Deletes a half-made database no keys.json refers to (it never held any data)."""
        if self.keys.exists():
            raise RuntimeError("keys.json exists: the database it refers to is kept")
        pending = self.pending_database
        for path in (pending, *self.companions(pending)):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
