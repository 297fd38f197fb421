"""Files replaced whole or not at all: a temporary file, fsync, rename, then fsync the folder."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    """Replaces `path` with `data` (mode 0600); after a crash it holds the old or the new data."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        descriptor = os.open(temporary, flags, 0o600)  # readable by this user only
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        raise
    sync_folder(path.parent)


def replace_durably(source: Path, target: Path) -> None:
    """Renames a complete, synced file into place and makes the rename itself durable."""
    fsync_file(source)
    os.replace(source, target)
    sync_folder(target.parent)


def fsync_file(path: Path) -> None:
    with open(path, "r+b") as stream:  # Windows flushes only handles open for writing
        os.fsync(stream.fileno())


def sync_folder(folder: Path) -> None:
    """Makes a rename or a new file in `folder` durable (a no-op where folders cannot be opened)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
