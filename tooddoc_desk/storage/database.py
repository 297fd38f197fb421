"""The encrypted SQLite database: SQLCipher 4 through sqlcipher3, opened with a raw key.

Opening fails closed. The key is checked against the file before any connection that could
write is made: SQLite, given a wrong key, still checkpoints and deletes a left-over -wal file
when it closes, so the check reads through an `immutable` read-only connection that neither
writes, locks, nor looks at -wal/-shm. Only then is the database opened for real (WAL,
synchronous=FULL, foreign keys on).

sqlcipher3 mirrors the standard sqlite3 module, so its connections are typed as
`sqlite3.Connection`; a `Connector` makes them (encrypted, or plain for the benchmark baseline).
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol, cast

from sqlcipher3 import dbapi2 as sqlcipher

from tooddoc_desk.storage.atomic_file import replace_durably
from tooddoc_desk.storage.database_key import DatabaseKey
from tooddoc_desk.storage.errors import DatabaseDamaged, StoreClosed, StoreError, WrongKey

Connection = sqlite3.Connection
SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_NOTADB = 26
DATABASE_ERRORS: tuple[type[Exception], ...] = (sqlite3.DatabaseError, sqlcipher.DatabaseError)
BUSY_TIMEOUT_MS = 5000
READER_CACHE_KIB = 32 * 1024  # an upper bound: SQLite allocates pages as they are read


class Connector(Protocol):
    """Opens a connection to a database file (creating it if absent, unless read-only)."""

    def __call__(self, path: Path, *, read_only: bool = False) -> Connection: ...


class EncryptedConnector:
    """Connections keyed with a raw SQLCipher 4 key (no key derivation on open)."""

    def __init__(self, key: DatabaseKey) -> None:
        self._key = key

    def __call__(self, path: Path, *, read_only: bool = False) -> Connection:
        uri = path.resolve().as_uri() + ("?mode=ro" if read_only else "")
        connection = sqlcipher.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        try:
            connection.execute(f"PRAGMA key = {self._key.pragma_value()}")
            connection.execute("PRAGMA cipher_compatibility = 4")  # pin the SQLCipher 4 format
        except BaseException:
            connection.close()
            raise
        return cast(Connection, connection)

    def check_key(self, path: Path) -> None:
        """Raises WrongKey unless the key opens `path`; reads page 1 and the schema, writes nothing.

        `immutable=1` makes SQLite ignore -wal/-shm and take no lock, so a wrong key can neither
        trigger a checkpoint nor rebuild the WAL index.
        """
        uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
        probe = sqlcipher.connect(uri, uri=True, isolation_level=None)
        try:
            probe.execute(f"PRAGMA key = {self._key.pragma_value()}")
            probe.execute("PRAGMA cipher_compatibility = 4")
            probe.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher.DatabaseError as error:
            if getattr(error, "sqlite_errorcode", None) == SQLITE_NOTADB:
                raise WrongKey() from None
            # Page 1 decrypted, so the key is right; the full open and its checks say the rest.
        finally:
            probe.close()


class PlainConnector:
    """Unencrypted sqlite3 connections: only the benchmark's baseline uses these."""

    def __call__(self, path: Path, *, read_only: bool = False) -> Connection:
        uri = path.resolve().as_uri() + ("?mode=ro" if read_only else "")
        return sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)


def configure(connection: Connection) -> None:
    """The settings every writing connection runs with."""
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    connection.execute("PRAGMA foreign_keys = ON")
    mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise StoreError(
            "The consultation records cannot use write-ahead logging on this disk.",
            "Keep the app's data folder on a local disk, not a network share.",
        )
    connection.execute("PRAGMA synchronous = FULL")


class Database:
    """One writing connection shared under a lock, plus short-lived readers for long reads."""

    def __init__(self, path: Path, connector: Connector) -> None:
        self.path = path
        self.connector = connector
        self._lock = threading.RLock()
        self._connection = connector(path)
        try:
            configure(self._connection)
        except BaseException:
            self._connection.close()
            raise
        self._closed = False

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """BEGIN IMMEDIATE … COMMIT; rolled back if the block raises."""
        with self._lock:
            connection = self._live()
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
                connection.execute("COMMIT")
            except BaseException:
                if connection.in_transaction:  # SQLite may already have rolled back
                    connection.execute("ROLLBACK")
                raise

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[Connection]:
        """A read transaction: every statement in the block sees the same committed state."""
        with self._lock:
            connection = self._live()
            connection.execute("BEGIN")
            try:
                yield connection
            finally:
                if connection.in_transaction:
                    connection.execute("COMMIT")

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        """The writing connection, for short reads (each statement sees a committed state)."""
        with self._lock:
            yield self._live()

    @contextlib.contextmanager
    def reader(self) -> Iterator[Connection]:
        """A connection of its own for a long read (an export) that must not block writers."""
        connection = self.connector(self.path)
        try:
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            connection.execute("PRAGMA query_only = ON")
            # A page read again after leaving SQLite's small default cache (2 MiB) is checked
            # and decrypted again; a larger cache halves a 20,000-row export's time.
            connection.execute(f"PRAGMA cache_size = -{READER_CACHE_KIB}")
            yield connection
        finally:
            connection.close()

    def backup_to(self, target: Path) -> None:
        """A copy through SQLite's backup API, encrypted with the same key, checked, then renamed
        into place; never a copy of the file."""
        if target.exists():
            raise FileExistsError(target)
        partial = target.with_name(target.name + ".partial")
        partial.unlink(missing_ok=True)
        destination = self.connector(partial)
        try:
            with self._lock:
                self._live().backup(destination)
        finally:
            destination.close()
        checked = self.connector(partial)
        try:
            problems = integrity_problems(checked, quick=True)
        finally:
            checked.close()
        if problems:
            partial.unlink(missing_ok=True)
            raise DatabaseDamaged("the backup copy failed its check")
        replace_durably(partial, target)

    def integrity_problems(self, *, quick: bool = False) -> list[str]:
        with self.read() as connection:
            return integrity_problems(connection, quick=quick)

    def close(self) -> None:
        with self._lock:
            if not self._closed:
                self._closed = True
                self._connection.close()

    def _live(self) -> Connection:
        if self._closed:
            raise StoreClosed()
        return self._connection


def integrity_problems(connection: Connection, *, quick: bool = False) -> list[str]:
    """What PRAGMA integrity_check (or quick_check) reports; empty when the database is sound."""
    pragma = "quick_check" if quick else "integrity_check"
    rows = [str(row[0]) for row in connection.execute(f"PRAGMA {pragma}")]
    return [] if rows == ["ok"] else rows
