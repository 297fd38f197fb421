"""Backups of the encrypted store against a plain sqlite3 backup of the same data, measured in
the same run.

    .venv/bin/python -m bench.backup_bench [--count 100000] [--repeats 3]

Both databases hold the same consultations (bench.store_bench's year of them, notes included),
written through the same repository code on the same schema; only the connections differ.
Figures (medians of `repeats`):
- the backup API's copy alone: SQLCipher 4 (raw key) against sqlite3, file to file;
- the app's whole backup (`Store.back_up_into`: the copy in one read transaction, PRAGMA
  integrity_check on it, SHA-256, the archive, fsync and rename) against the plain copy;
- a restore into an empty folder (`restore_backup`: the recovery key, extraction and its checks,
  integrity_check, keys.json, the open) against the plain copy;
- the event loop while `Backups.back_up_now` runs in its worker thread: the longest gap between
  5 ms ticks, against the same loop with nothing else running.
"""

from __future__ import annotations

import argparse
import asyncio
import secrets
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from bench.figures import Figure, table
from bench.store_bench import consultations, open_repository
from tooddoc_desk.core.clock import SystemClock
from tooddoc_desk.services.backups import Backups
from tooddoc_desk.storage.database import PlainConnector
from tooddoc_desk.storage.key_file import ScryptParams
from tooddoc_desk.storage.restore import restore_backup
from tooddoc_desk.storage.store import Store
from tooddoc_desk.storage.store_paths import StorePaths

TICK = 0.005
BENCH_SCRYPT = ScryptParams(n=2**12, r=8, p=1)  # the passphrase slot's cost is not measured here


class _Anyone:
    current = None

    def require_setup(self) -> None:
        return None


def _median(action: Callable[[int], object], repeats: int) -> float:
    times = []
    for number in range(repeats):
        began = time.perf_counter()
        action(number)
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def _copy(connection: sqlite3.Connection, target: sqlite3.Connection) -> None:
    connection.backup(target)
    target.close()


async def _longest_gap(work: Callable[[], Awaitable[object]] | None, seconds: float) -> float:
    """The longest gap between TICK-second sleeps while `work` runs (or for `seconds`)."""
    longest = 0.0
    task = asyncio.ensure_future(work()) if work is not None else None
    end = time.perf_counter() + seconds
    last = time.perf_counter()
    while (task is not None and not task.done()) or (task is None and last < end):
        await asyncio.sleep(TICK)
        now = time.perf_counter()
        longest = max(longest, now - last - TICK)
        last = now
    if task is not None:
        await task
    return longest


def main() -> None:
    parser = argparse.ArgumentParser(description="Backups against a plain sqlite3 backup.")
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    options = parser.parse_args()
    data = consultations(options.count)
    print(f"backup benchmark: {options.count} consultations, median of {options.repeats}")

    with tempfile.TemporaryDirectory(prefix="backup-bench-") as name:
        folder = Path(name)
        created = Store.create(
            StorePaths(folder / "store"),
            keyring=None,
            passphrase=secrets.token_hex(8),
            scrypt=BENCH_SCRYPT,
        )
        store = created.store
        plain_database, plain = open_repository(folder / "plain.db", PlainConnector())
        try:
            store.consultations.add_many(data)
            plain.add_many(data)
            size = store.paths.database.stat().st_size
            print(f"database: {size / 1e6:.1f} MB encrypted")
            copies = folder / "copies"
            copies.mkdir()
            plain_source = sqlite3.connect(plain_database.path)
            cipher = store._database  # the same connector the app's backup uses

            def plain_copy(number: int) -> None:
                _copy(plain_source, sqlite3.connect(copies / f"plain-{number}.db"))

            def cipher_copy(number: int) -> None:
                with cipher.reader() as source:
                    _copy(source, cipher.connector(copies / f"cipher-{number}.db"))

            def whole_backup(number: int) -> None:
                store.back_up_into(copies / f"set-{number}")

            for number in range(options.repeats):
                (copies / f"set-{number}").mkdir()
            baseline = _median(plain_copy, options.repeats)
            raw = _median(cipher_copy, options.repeats)
            whole = _median(whole_backup, options.repeats)
            backup = next((copies / "set-0").iterdir())

            def restore(number: int) -> None:
                restored = restore_backup(
                    backup,
                    StorePaths(folder / f"restored-{number}"),
                    created.recovery_key,
                    keyring=None,
                )
                restored.store.close()

            restoring = _median(restore, options.repeats)

            backups = Backups(folder / "store", store, SystemClock(), _Anyone())
            target = folder / "loop"
            target.mkdir()
            idle = asyncio.run(_longest_gap(None, max(whole, 0.5)))
            busy = asyncio.run(_longest_gap(lambda: backups.back_up_now(target), 0))
            plain_source.close()
        finally:
            store.close()
            plain_database.close()

    figures = [
        Figure("backup API copy, SQLCipher", raw * 1000, baseline * 1000, "ms", "sqlite3 copy"),
        Figure("whole backup file (app)", whole * 1000, baseline * 1000, "ms", "sqlite3 copy"),
        Figure(
            "restore into empty folder", restoring * 1000, baseline * 1000, "ms", "sqlite3 copy"
        ),
        Figure(
            "loop's longest stall, backing up",
            busy * 1000,
            max(idle, 1e-4) * 1000,
            "ms",
            "idle loop",
        ),
    ]
    print(table(figures))


if __name__ == "__main__":
    main()
