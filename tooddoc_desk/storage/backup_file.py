"""A backup: one file holding everything a restore on another computer needs.

    tooddoc-desk-backup-2026-11-26-083000Z-1a2b3c4d.tdbackup    (a ZIP archive, stored as is)
        manifest.json      what it is: format, version, store id, when, schema, the database's
                           size and SHA-256
        keys.json          the store's key slots without the keyring slot (whose secret stays
                           in this computer's keyring): the recovery slot, and the passphrase
                           slot if there is one
        consultations.db   the database as SQLite's backup API copied it, encrypted with the
                           same database key (SQLCipher 4: any SQLCipher 4 tool opens it)
        settings.json      the practice's settings (no secret is ever in them), if any

The copy is taken through a connection of its own in one step of the backup API, which is one
read transaction: with write-ahead logging, writers go on meanwhile and the copy is the state of
one moment. It must pass PRAGMA integrity_check before the archive is made; the archive is
written under a temporary name, synced, then renamed, so a backup is there whole or not at all.
The name carries the time (UTC) and the first characters of the store id.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import re
import secrets
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tooddoc_desk import __version__
from tooddoc_desk.core.clock import require_aware
from tooddoc_desk.storage.atomic_file import replace_durably, sync_folder
from tooddoc_desk.storage.backup_errors import (
    BackupDamaged,
    BackupDiskFull,
    BackupFolderMissing,
    BackupFolderNotWritable,
    NotABackup,
)
from tooddoc_desk.storage.database import DATABASE_ERRORS, Database, integrity_problems
from tooddoc_desk.storage.errors import DatabaseDamaged, KeyFileUnreadable
from tooddoc_desk.storage.key_file import KeyFile

FORMAT = "tooddoc-desk backup"
VERSION = 1
SUFFIX = ".tdbackup"
PREFIX = "tooddoc-desk-backup-"
MANIFEST = "manifest.json"
KEYS = "keys.json"
DATABASE = "consultations.db"
SETTINGS = "settings.json"
_STAMP = "%Y-%m-%d-%H%M%SZ"
NAME = re.compile(
    re.escape(PREFIX) + r"(\d{4}-\d\d-\d\d-\d{6}Z)-([0-9a-f]{8})(?:-\d+)?" + re.escape(SUFFIX)
)
TEMPORARY_PREFIX = "." + PREFIX  # work files, removed when a backup ends either way
_CHUNK = 1 << 20
SQLITE_FULL = 13
_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_REFUSED = {errno.EACCES, errno.EPERM, errno.EROFS}


@dataclass(frozen=True)
class Manifest:
    store_id: str
    created_at: datetime
    schema_version: int
    app_version: str
    database_bytes: int
    database_sha256: str
    has_settings: bool

    def to_bytes(self) -> bytes:
        document = {
            "format": FORMAT,
            "version": VERSION,
            "store_id": self.store_id,
            "created_at": self.created_at.isoformat(),
            "schema_version": self.schema_version,
            "app_version": self.app_version,
            "database": {"bytes": self.database_bytes, "sha256": self.database_sha256},
            "settings": self.has_settings,
        }
        return (json.dumps(document, indent=2) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> Manifest:
        try:
            document = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise NotABackup("its description is not readable") from None
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise NotABackup("its description is of another kind")
        if document.get("version") != VERSION:
            raise NotABackup(f"backup format {document.get('version')!r} is unknown")
        try:
            database = document["database"]
            manifest = cls(
                store_id=str(document["store_id"]),
                created_at=require_aware(datetime.fromisoformat(document["created_at"])),
                schema_version=int(document["schema_version"]),
                app_version=str(document["app_version"]),
                database_bytes=int(database["bytes"]),
                database_sha256=str(database["sha256"]),
                has_settings=bool(document.get("settings", False)),
            )
        except (KeyError, TypeError, ValueError):
            raise BackupDamaged("its description is incomplete") from None
        return manifest


def backup_name(store_id: str, moment: datetime) -> str:
    stamp = require_aware(moment).strftime(_STAMP)
    return f"{PREFIX}{stamp}-{store_id[:8]}{SUFFIX}"


def moment_of(name: str) -> tuple[datetime, str] | None:
    """When a backup named `name` was made and its store id's first characters; None for any
    other name."""
    matched = NAME.fullmatch(name)
    if matched is None:
        return None
    moment = datetime.strptime(matched[1], _STAMP).replace(tzinfo=UTC)
    return moment, matched[2]


def write_backup(
    database: Database,
    key_file: KeyFile,
    folder: Path,
    *,
    now: datetime,
    schema_version: int,
    settings: bytes | None = None,
) -> Path:
    """Makes a backup in `folder`; returns its path. Raises a BackupFolderProblem (folder
    missing, not writable, disk full) or DatabaseDamaged; leaves no partial file behind."""
    if not folder.is_dir():
        raise BackupFolderMissing(str(folder))
    target = _free_name(folder, backup_name(key_file.store_id, now))
    work = secrets.token_hex(4)
    copy = folder / f"{TEMPORARY_PREFIX}{work}.db"
    archive = folder / f"{TEMPORARY_PREFIX}{work}{SUFFIX}.tmp"
    try:
        with _said_as_folder_problem(folder):
            archive.touch(mode=0o600, exist_ok=False)  # the folder takes files: said early
            _snapshot(database, copy)
            size, digest = _digest(copy)
            manifest = Manifest(
                store_id=key_file.store_id,
                created_at=require_aware(now),
                schema_version=schema_version,
                app_version=__version__,
                database_bytes=size,
                database_sha256=digest,
                has_settings=settings is not None,
            )
            with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_STORED) as zipped:
                zipped.writestr(MANIFEST, manifest.to_bytes())
                zipped.writestr(KEYS, key_file.to_bytes())
                if settings is not None:
                    zipped.writestr(SETTINGS, settings)
                zipped.write(copy, DATABASE)
            replace_durably(archive, target)
    finally:
        for path in (copy, *_companions(copy), archive):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
    return target


def _snapshot(database: Database, copy: Path) -> None:
    """The backup API, from a reader of its own, in one step: one read transaction."""
    destination = database.connector(copy)
    try:
        with database.reader() as source:
            source.backup(destination)
        problems = integrity_problems(destination)
        destination.execute("PRAGMA journal_mode = DELETE")  # one file, no -wal beside it
    except DATABASE_ERRORS as error:
        if getattr(error, "sqlite_errorcode", None) == SQLITE_FULL:
            raise OSError(errno.ENOSPC, "disk full") from None
        raise DatabaseDamaged(f"the copy could not be made: {error}") from None
    finally:
        destination.close()
    if problems:
        raise DatabaseDamaged("the copy failed its integrity check")
    sync_folder(copy.parent)


def _digest(path: Path) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def _companions(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def _free_name(folder: Path, name: str) -> Path:
    target = folder / name
    number = 2
    while target.exists():
        target = folder / name.replace(SUFFIX, f"-{number}{SUFFIX}")
        number += 1
    return target


@contextlib.contextmanager
def _said_as_folder_problem(folder: Path) -> Iterator[None]:
    try:
        yield
    except OSError as error:
        if error.errno in _FULL:
            raise BackupDiskFull(str(folder)) from None
        if error.errno in _REFUSED:
            raise BackupFolderNotWritable(str(folder)) from None
        if error.errno == errno.ENOENT and not folder.is_dir():
            raise BackupFolderMissing(str(folder)) from None
        raise


# --- reading ---------------------------------------------------------------------------------


class BackupReader:
    """An open backup file: its manifest and key slots read and checked for form (not yet for
    the recovery key). Use as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._zip = zipfile.ZipFile(path)
        except FileNotFoundError:
            raise NotABackup("there is no such file") from None
        except IsADirectoryError:
            raise NotABackup("it is a folder") from None
        except zipfile.BadZipFile:
            raise _bad_archive(path) from None
        except OSError as error:
            raise NotABackup(error.strerror or "it cannot be read") from None
        try:
            names = set(self._zip.namelist())
            if MANIFEST not in names:
                raise NotABackup("it holds no backup description")
            self.manifest = Manifest.from_bytes(self._read(MANIFEST))
            if KEYS not in names or DATABASE not in names:
                raise BackupDamaged("a part is missing")
            try:
                self.key_file = KeyFile.from_bytes(self._read(KEYS), str(path))
            except KeyFileUnreadable:
                raise BackupDamaged("its key slots are unreadable") from None
            if self.key_file.store_id != self.manifest.store_id:
                raise BackupDamaged("its parts do not belong together")
            self.settings = self._read(SETTINGS) if SETTINGS in names else None
        except BaseException:
            self._zip.close()
            raise

    def _read(self, name: str) -> bytes:
        try:
            return self._zip.read(name)
        except (zipfile.BadZipFile, OSError, EOFError):
            raise BackupDamaged(f"{name} cannot be read whole") from None

    def extract_database(self, target: Path) -> None:
        """Writes the database to `target` (a new file), checking its size and SHA-256."""
        digest = hashlib.sha256()
        size = 0
        try:
            with self._zip.open(DATABASE) as source, target.open("xb") as sink:
                while chunk := source.read(_CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    sink.write(chunk)
        except (zipfile.BadZipFile, EOFError):
            target.unlink(missing_ok=True)
            raise BackupDamaged("the database in it is cut short or altered") from None
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        manifest = self.manifest
        if size != manifest.database_bytes or digest.hexdigest() != manifest.database_sha256:
            target.unlink(missing_ok=True)
            raise BackupDamaged("the database in it is not the one it describes")

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> BackupReader:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _bad_archive(path: Path) -> Exception:
    try:
        with path.open("rb") as stream:
            start = stream.read(4)
    except OSError:
        start = b""
    if start == b"PK\x03\x04" or path.suffix == SUFFIX:
        return BackupDamaged("the file is cut short or altered")
    return NotABackup("it is not a backup archive")
