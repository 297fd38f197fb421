"""The encrypted store against plain SQLite, measured in the same run.

    .venv/bin/python -m bench.store_bench [--count 20000]

Both sides run the same repository code on the same schema with the same settings (WAL,
synchronous=FULL); only the connections differ: SQLCipher 4 with a raw key, or the standard
sqlite3 module. Figures: writing every consultation with its history (one transaction each, as
the app writes), a full CSV export, and a one-week date-range listing (median of repeats). Then,
on the encrypted side, an audit entry appended (its own commit, chained) against a consultation
write, and the verification of the whole chain. The figures with a baseline are also recorded
for scripts/bench.sh's whole table (bench/figures.py); the writes are one pass, so that script
runs this module several times and takes the median.
"""

from __future__ import annotations

import argparse
import io
import random
import secrets
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from bench.figures import Figure, record
from tooddoc_desk.core.consultation import Consultation, EndReason, State
from tooddoc_desk.core.contact import EmailContact, PhoneContact
from tooddoc_desk.core.language import Language
from tooddoc_desk.storage.audit_log import AuditLog, audit_key
from tooddoc_desk.storage.consultations import ConsultationRepository
from tooddoc_desk.storage.database import Connector, Database, EncryptedConnector, PlainConnector
from tooddoc_desk.storage.database_key import DatabaseKey
from tooddoc_desk.storage.key_file import ScryptParams
from tooddoc_desk.storage.keyslots import KeySlots
from tooddoc_desk.storage.migrations import migrate

START = datetime(2024, 1, 1, 8, 0, tzinfo=UTC)
HAPPY_PATH = (State.INVITED, State.OPENED, State.WAITING, State.IN_CALL, State.ENDED)


def consultations(count: int, seed: int = 7) -> list[Consultation]:
    """A year of consultations, most ended after a call, some cancelled or expired."""
    rng = random.Random(seed)
    made = []
    for number in range(count):
        created = START + timedelta(seconds=rng.randrange(365 * 24 * 3600))
        contact = (
            PhoneContact(f"+324{rng.randrange(70_000_000, 99_999_999)}")
            if rng.random() < 0.7
            else EmailContact(f"patient{number}@exemple.be")
        )
        consultation = Consultation(
            contact=contact,
            language=rng.choice(list(Language)),
            requested_at=created - timedelta(minutes=rng.randint(1, 20)),
            created_at=created,
            notes="Anamnèse, examen, conclusion. " * rng.randint(0, 12),
        )
        moment = created
        if rng.random() < 0.1:
            consultation.move_to(State.INVITED, moment + timedelta(seconds=5))
            consultation.move_to(
                rng.choice([State.CANCELLED, State.EXPIRED]), moment + timedelta(hours=1)
            )
        else:
            for state in HAPPY_PATH:
                moment += timedelta(seconds=rng.randint(5, 600))
                reason = EndReason.PRACTITIONER_HUNG_UP.value if state is State.ENDED else None
                consultation.move_to(state, moment, reason)
        made.append(consultation)
    return made


class DiscardingStream(io.StringIO):
    def write(self, text: str) -> int:
        return len(text)


def open_repository(path: Path, connector: Connector) -> tuple[Database, ConsultationRepository]:
    database = Database(path, connector)
    with database.read() as connection:
        migrate(connection)
    return database, ConsultationRepository(database)


def timed(action: Callable[[], object]) -> float:
    began = time.perf_counter()
    action()
    return time.perf_counter() - began


def median_of(action: Callable[[], object], repeats: int) -> float:
    return statistics.median(timed(action) for _ in range(repeats))


PLAIN = "the same code on plain sqlite3"
RECORDED: list[Figure] = []  # what this run measured against a baseline


def row(label: str, measured: float, baseline: float, unit: str = "s") -> None:
    scale = {"s": 1.0, "ms": 1000.0}[unit]
    print(
        f"{label:<34} {measured * scale:>10.3f} {unit:<2} {baseline * scale:>10.3f} {unit:<2}"
        f" {measured / baseline:>7.2f}x"
    )
    RECORDED.append(
        Figure(f"store: {label.strip()}", measured * scale, baseline * scale, unit, PLAIN)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description="The encrypted store against plain SQLite.")
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=15)
    options = parser.parse_args()

    data = consultations(options.count)
    key = DatabaseKey(secrets.token_bytes(32))
    probe = sqlcipher.connect(":memory:")
    cipher_version = probe.execute("PRAGMA cipher_version").fetchone()[0]
    probe.close()
    print(
        f"store benchmark: {options.count} consultations; SQLCipher {cipher_version} (raw key)"
        f" vs plain SQLite {sqlite3.sqlite_version}; WAL, synchronous=FULL on both"
    )
    print(f"{'':<34} {'sqlcipher':>13} {'sqlite3':>13} {'ratio':>8}")

    with tempfile.TemporaryDirectory(prefix="store-bench-") as name:
        folder = Path(name)
        connectors: dict[str, Connector] = {
            "cipher": EncryptedConnector(key),
            "plain": PlainConnector(),
        }
        sides = {side: open_repository(folder / f"{side}.db", c) for side, c in connectors.items()}
        repositories = {side: repository for side, (_, repository) in sides.items()}
        week = (START + timedelta(days=180), START + timedelta(days=187))
        try:

            def write_all(repository: ConsultationRepository) -> float:
                began = time.perf_counter()
                for consultation in data:
                    repository.add(consultation)
                return time.perf_counter() - began

            def export(repository: ConsultationRepository) -> float:
                return median_of(
                    lambda: repository.export_csv(DiscardingStream()), max(3, options.repeats // 3)
                )

            def listing(repository: ConsultationRepository) -> float:
                return median_of(lambda: repository.list_between(*week), options.repeats)

            def recent(repository: ConsultationRepository) -> float:
                return median_of(lambda: repository.list_recent(200), options.repeats)

            writes = {side: write_all(r) for side, r in repositories.items()}
            row(f"write {options.count} (1 commit each)", writes["cipher"], writes["plain"])
            each = 1 / options.count
            row("  per consultation", writes["cipher"] * each, writes["plain"] * each, "ms")
            exports = {side: export(r) for side, r in repositories.items()}
            row("full CSV export", exports["cipher"], exports["plain"])
            found = len(repositories["cipher"].list_between(*week))
            listings = {side: listing(r) for side, r in repositories.items()}
            row(f"list_between one week ({found})", listings["cipher"], listings["plain"], "ms")
            recents = {side: recent(r) for side, r in repositories.items()}
            row("list_recent(200)", recents["cipher"], recents["plain"], "ms")
            _audit_cost(sides["cipher"][0], key, data, writes["cipher"] / options.count)
        finally:
            for database, _ in sides.values():
                database.close()

        opens: dict[str, float] = {}
        for side, connector in connectors.items():
            path = folder / f"{side}.db"
            opens[side] = median_of(partial(_open_and_read, path, connector), 9)
        row("open + check key + first read", opens["cipher"], opens["plain"], "ms")
        cipher_size, plain_size = ((folder / f"{side}.db").stat().st_size for side in connectors)
        print(
            f"{'file size':<34} {cipher_size / 2**20:>10.1f} MiB {plain_size / 2**20:>10.1f} MiB"
            f" {cipher_size / plain_size:>7.2f}x"
        )
        RECORDED.append(
            Figure("store: file size", cipher_size / 2**20, plain_size / 2**20, "MiB", PLAIN)
        )
        _passphrase_unlock(folder)
    record(RECORDED)


def _audit_cost(
    database: Database, key: DatabaseKey, data: list[Consultation], per_write: float
) -> None:
    """An audit entry appended (one commit each, as the services record) against a consultation
    written with its history (one commit each), both in the encrypted store, same run."""
    audit = AuditLog(database, audit_key(key))
    entries = min(len(data), 5_000)

    def append_all() -> None:
        for consultation in data[:entries]:
            audit.append(START, "user-1", "notes_opened", subject=consultation.id)

    per_entry = timed(append_all) / entries
    print(
        f"{'audit append (1 commit each)':<34} {per_entry * 1000:>10.3f} ms"
        f" vs {per_write * 1000:.3f} ms a consultation write: {per_entry / per_write:.2f}x"
    )
    RECORDED.append(
        Figure(
            "store: audit append (1 commit each)",
            per_entry * 1000,
            per_write * 1000,
            "ms",
            "a consultation write, encrypted",
        )
    )
    check = timed(audit.verify)
    print(f"{f'audit verify ({entries} entries)':<34} {check * 1000:>10.1f} ms, no baseline")


def _passphrase_unlock(folder: Path) -> None:
    passphrase = "benchmark passphrase"
    slots, _, _ = KeySlots.create(folder / "keys.json", keyring=None, passphrase=passphrase)
    unlock = median_of(lambda: slots.unlock_with_passphrase(passphrase), 3)
    params = ScryptParams()
    print(
        f"passphrase unlock (scrypt n=2^{params.n.bit_length() - 1}, r={params.r}):"
        f" {unlock * 1000:.0f} ms, no baseline"
    )


def _open_and_read(path: Path, connector: Connector) -> None:
    if isinstance(connector, EncryptedConnector):
        connector.check_key(path)
    connection = connector(path)
    connection.execute("SELECT count(*) FROM consultations").fetchone()
    connection.close()


if __name__ == "__main__":
    main()
