"""The manager's export of 100,000 consultations, CSV and PDF, against a plain baseline.

    .venv/bin/python -m bench.export_bench [--count 100000]

The same consultations (a year of them, three practitioners, call summaries, a few paid) are
written once to an encrypted store and once to a plain SQLite file. Each export then runs in a
fresh process, so that its memory is its own: the time, and the growth of the process's peak
resident memory (VmHWM, reset just before) over what it held before the export began. The same
is measured on the first tenth of the year, to show what grows with the rows. The baseline is
the plainest export there is: csv.writer over one sqlite3 query of the same consultations (with
the practitioner's name and INAMI number) from the plain file, written to a file.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import secrets
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

from bench.figures import Figure, table
from bench.store_bench import START, consultations
from tooddoc_desk.core.call_summary import CallSummary, DirectionSummary
from tooddoc_desk.core.clock import SystemClock
from tooddoc_desk.core.consultation import Consultation
from tooddoc_desk.core.nomenclature import BillingTable
from tooddoc_desk.core.payment import Payment, PaymentState
from tooddoc_desk.core.users import Role, User
from tooddoc_desk.storage.consultations import ConsultationRepository
from tooddoc_desk.storage.database import Connector, Database, EncryptedConnector, PlainConnector
from tooddoc_desk.storage.database_key import DatabaseKey
from tooddoc_desk.storage.export_file import ExportFormat, ExportRequest, export_to_file
from tooddoc_desk.storage.export_rows import ExportFilter
from tooddoc_desk.storage.migrations import migrate
from tooddoc_desk.storage.pdf_export import ReportHeading
from tooddoc_desk.storage.users import UserRepository

PEOPLE = (
    User("Dr Anne Peeters", frozenset({Role.PRACTITIONER}), "10000000003"),
    User("Dr Jan Maes", frozenset({Role.PRACTITIONER}), "10000000580"),
    User("Dr Luc Dent", frozenset({Role.PRACTITIONER}), "30000000001"),
)
BILLING = BillingTable(fee_cents={"101673": 2500, "101695": 3000, "101732": 2000})
WAY = DirectionSummary(300.0, 24.0, 0.01, 0.1, 0)
TENTH = START + timedelta(days=36, hours=12)


def billed(count: int) -> Iterator[Consultation]:
    rng = random.Random(11)
    for consultation in consultations(count):
        consultation.practitioner_id = rng.choice(PEOPLE).id
        if consultation.started_at is not None:
            seconds = float(rng.randint(60, 1200))
            audio = seconds if rng.random() < 0.1 else 0.0
            good = int(seconds)
            consultation.call_quality = CallSummary(
                seconds, WAY, WAY, None, 0, audio / 60, good, 0, 0
            )
        if rng.random() < 0.2:
            consultation.payment = Payment(2500, state=PaymentState.PAID, method="card")
        yield consultation


def build(path: Path, connector: Connector, count: int) -> None:
    database = Database(path, connector)
    try:
        with database.read() as connection:
            migrate(connection)
        UserRepository(database, SystemClock()).add_all([(u, "x") for u in PEOPLE])
        ConsultationRepository(database).add_many(billed(count))
    finally:
        database.close()


def child(options: argparse.Namespace) -> None:
    """One export, in this process; prints its time and memory growth as JSON."""
    before = _reset_peak()
    out = Path(options.out)
    until = TENTH if options.tenth else None
    began = time.perf_counter()
    if options.child == "baseline":
        rows = _baseline(Path(options.db), out, until)
    else:
        database = Database(
            Path(options.db), EncryptedConnector(DatabaseKey(bytes.fromhex(options.key)))
        )
        try:
            totals = export_to_file(
                database,
                out,
                ExportRequest(ExportFilter(until=until), ExportFormat(options.child)),
                BILLING,
                ReportHeading("Cabinet Ëlsene", "all consultations", "now"),
            )
        finally:
            database.close()
        rows = totals.consultations
    seconds = time.perf_counter() - began
    peak = _status_kib("VmHWM")
    print(
        json.dumps({"seconds": seconds, "growth_mib": max(0, peak - before) / 1024, "rows": rows})
    )


def _baseline(path: Path, out: Path, until: object) -> int:
    connection = sqlite3.connect(path)
    bound = "" if until is None else " WHERE c.created_at < ?"
    values = () if until is None else (TENTH.strftime("%Y-%m-%dT%H:%M:%S.000000Z"),)
    cursor = connection.execute(
        "SELECT c.id, p.name, p.inami, c.requested_at, c.created_at, c.contact_channel,"
        " c.contact_value, c.state, c.call_quality, c.payment_state, c.payment_amount_cents"
        " FROM consultations AS c LEFT JOIN users AS p ON p.id = c.practitioner_id"
        + bound
        + " ORDER BY c.created_at, c.id",
        values,
    )
    written = 0
    with out.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, delimiter=";")
        while batch := cursor.fetchmany(500):
            writer.writerows(batch)
            written += len(batch)
    connection.close()
    return written


def _reset_peak() -> int:
    """Resets the process's peak resident memory (Linux: clear_refs 5) and returns the
    resident memory now, in KiB."""
    Path("/proc/self/clear_refs").write_text("5")
    return _status_kib("VmRSS")


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def run_child(kind: str, db: Path, key: DatabaseKey, out: Path, *, tenth: bool) -> dict[str, float]:
    command = [sys.executable, "-m", "bench.export_bench", "--child", kind, "--db", str(db)]
    command += ["--key", key.raw.hex(), "--out", str(out)] + (["--tenth"] if tenth else [])
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description="The manager's export against a plain one.")
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--child", choices=["csv", "pdf", "baseline"])
    parser.add_argument("--db")
    parser.add_argument("--key")
    parser.add_argument("--out")
    parser.add_argument("--tenth", action="store_true")
    options = parser.parse_args()
    if options.child:
        child(options)
        return

    key = DatabaseKey(secrets.token_bytes(32))
    with tempfile.TemporaryDirectory(prefix="export-bench-") as name:
        folder = Path(name)
        cipher, plain = folder / "cipher.db", folder / "plain.db"
        began = time.perf_counter()
        build(cipher, EncryptedConnector(key), options.count)
        build(plain, PlainConnector(), options.count)
        print(
            f"export benchmark: {options.count} consultations "
            f"(stores built in {time.perf_counter() - began:.0f} s)"
        )
        figures: list[Figure] = []
        for tenth in (True, False):
            base = run_child("baseline", plain, key, folder / "base.csv", tenth=tenth)
            label = f"{int(base['rows'])} rows"
            for kind in ("csv", "pdf"):
                out = folder / f"export.{kind}"
                measured = run_child(kind, cipher, key, out, tenth=tenth)
                assert measured["rows"] == base["rows"], (measured, base)
                size = out.stat().st_size / 2**20
                figures.append(
                    Figure(
                        f"{kind.upper()} export, {label} ({size:.1f} MiB)",
                        measured["seconds"],
                        base["seconds"],
                        "s",
                        "csv.writer over one sqlite3 query",
                    )
                )
                figures.append(
                    Figure(
                        f"{kind.upper()} export, {label}: peak memory growth",
                        measured["growth_mib"],
                        max(base["growth_mib"], 0.1),
                        "MiB",
                        "the same baseline's growth",
                    )
                )
        print(table(figures))


if __name__ == "__main__":
    main()
