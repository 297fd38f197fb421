"""Numbered schema migrations, tracked by PRAGMA user_version.

Each migration runs in one transaction with the version bump, so it happens whole or not at all.
Before an existing database is upgraded, an encrypted copy is made through the backup API.
A database newer than this code is left alone (DatabaseTooNew): never downgraded, never written.

Table definitions avoid STRICT and other recent syntax so that any SQLCipher 4 tool can open
the file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tooddoc_desk.core.delivery import DeliveryState
from tooddoc_desk.storage.database import DATABASE_ERRORS, Connection
from tooddoc_desk.storage.errors import DatabaseTooNew, MigrationFailed

Step = Callable[[Connection], None]


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Step


def sql(*statements: str) -> Step:
    """A migration step that runs these statements in order."""

    def run(connection: Connection) -> None:
        for statement in statements:
            connection.execute(statement)

    return run


_STATES = "'draft','invited','opened','waiting','in_call','ended','expired','cancelled'," + (
    "'failed','interrupted'"
)

_DELIVERY_STATES = ",".join(f"'{state}'" for state in DeliveryState)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "consultations and their state changes",
        sql(
            f"""
            CREATE TABLE consultations (
                id TEXT PRIMARY KEY NOT NULL,
                contact_value TEXT NOT NULL,
                contact_channel TEXT NOT NULL CHECK (contact_channel IN ('sms', 'email')),
                language TEXT NOT NULL,
                requested_at TEXT NOT NULL,
                created_at TEXT NOT NULL,
                room_id TEXT,
                link TEXT,
                notes TEXT NOT NULL DEFAULT '',
                state TEXT NOT NULL CHECK (state IN ({_STATES})),
                updated_at TEXT NOT NULL
            )
            """,
            f"""
            CREATE TABLE consultation_events (
                seq INTEGER PRIMARY KEY,
                consultation_id TEXT NOT NULL
                    REFERENCES consultations (id) ON DELETE CASCADE,
                state TEXT NOT NULL CHECK (state IN ({_STATES})),
                at TEXT NOT NULL,
                reason TEXT
            )
            """,
            "CREATE INDEX consultations_by_created_at ON consultations (created_at, id)",
            "CREATE INDEX consultations_in_call ON consultations (state) WHERE state = 'in_call'",
            "CREATE INDEX consultation_events_by_consultation "
            "ON consultation_events (consultation_id, seq)",
        ),
    ),
    Migration(
        2,
        "the outbox of invites",
        sql(
            f"""
            CREATE TABLE invites (
                id TEXT PRIMARY KEY NOT NULL,
                consultation_id TEXT NOT NULL
                    REFERENCES consultations (id) ON DELETE CASCADE,
                channel TEXT NOT NULL CHECK (channel IN ('sms', 'email')),
                subject TEXT,
                body TEXT NOT NULL,
                html TEXT,
                link TEXT,
                state TEXT NOT NULL CHECK (state IN ({_DELIVERY_STATES})),
                attempts INTEGER NOT NULL DEFAULT 0,
                not_before TEXT NOT NULL,
                idempotency_key TEXT NOT NULL UNIQUE,
                provider TEXT,
                provider_id TEXT,
                problem TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX invites_due ON invites (not_before)"
            " WHERE state IN ('scheduled', 'pending')",
            "CREATE INDEX invites_by_consultation ON invites (consultation_id, created_at)",
        ),
    ),
    Migration(
        3,
        "booked consultations, and rooms the app can join again",
        sql(
            "ALTER TABLE consultations ADD COLUMN scheduled_for TEXT",
            "ALTER TABLE consultations ADD COLUMN practitioner_token TEXT",
            "CREATE INDEX consultations_booked ON consultations (scheduled_for)"
            " WHERE scheduled_for IS NOT NULL",
        ),
    ),
    Migration(
        4,
        "the quality of each call",
        sql("ALTER TABLE consultations ADD COLUMN call_quality TEXT"),
    ),
    Migration(
        5,
        "the people who use the app, their roles and sign-in secrets",
        sql(
            """
            CREATE TABLE users (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                roles TEXT NOT NULL,
                inami TEXT,
                secret_hash TEXT NOT NULL,
                active INTEGER NOT NULL DEFAULT 1,
                failed_attempts INTEGER NOT NULL DEFAULT 0,
                locked_until TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """
        ),
    ),
    Migration(
        6,
        "whom each consultation is for and who sent its link",
        sql(
            "ALTER TABLE consultations ADD COLUMN practitioner_id TEXT",
            "ALTER TABLE consultations ADD COLUMN sent_by TEXT",
            "CREATE INDEX consultations_by_practitioner"
            " ON consultations (practitioner_id, created_at)",
        ),
    ),
    Migration(
        7,
        "the chat of each call",
        sql(
            """
            CREATE TABLE chat_messages (
                seq INTEGER PRIMARY KEY,
                consultation_id TEXT NOT NULL
                    REFERENCES consultations (id) ON DELETE CASCADE,
                sender TEXT NOT NULL CHECK (sender IN ('practitioner', 'patient')),
                author_id TEXT,
                at TEXT NOT NULL,
                text TEXT NOT NULL
            )
            """,
            "CREATE INDEX chat_messages_by_consultation ON chat_messages (consultation_id, seq)",
        ),
    ),
    Migration(
        8,
        "the audit log, append-only and chained, and how long records are kept",
        sql(
            """
            CREATE TABLE audit_log (
                seq INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                kind TEXT NOT NULL,
                subject TEXT,
                details TEXT NOT NULL,
                mac TEXT NOT NULL
            )
            """,
            "CREATE INDEX audit_log_by_at ON audit_log (at)",
            "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
            " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
            "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
            " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
            """
            CREATE TABLE retention (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                years INTEGER NOT NULL CHECK (years >= 1),
                changed_at TEXT,
                changed_by TEXT
            )
            """,
            "INSERT INTO retention (id, years) VALUES (1, 30)",
        ),
    ),
    Migration(
        9,
        "the pre-payment of each consultation",
        sql(
            "ALTER TABLE consultations ADD COLUMN payment_amount_cents INTEGER"
            " CHECK (payment_amount_cents IS NULL OR payment_amount_cents > 0)",
            "ALTER TABLE consultations ADD COLUMN payment_currency TEXT",
            "ALTER TABLE consultations ADD COLUMN payment_state TEXT CHECK (payment_state IS NULL"
            " OR payment_state IN ('awaiting', 'paid', 'refunded'))",
            "ALTER TABLE consultations ADD COLUMN payment_session_id TEXT",
            "ALTER TABLE consultations ADD COLUMN payment_method TEXT",
            "ALTER TABLE consultations ADD COLUMN payment_intent TEXT",
            "ALTER TABLE consultations ADD COLUMN payment_refund_id TEXT",
            "ALTER TABLE consultations ADD COLUMN payment_attempts INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE consultations ADD COLUMN payment_updated_at TEXT",
            "CREATE INDEX consultations_awaiting_payment ON consultations (payment_state)"
            " WHERE payment_state = 'awaiting'",
        ),
    ),
)


def schema_version(connection: Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def migrate(
    connection: Connection,
    migrations: Sequence[Migration] = MIGRATIONS,
    *,
    backup: Callable[[int], Path] | None = None,
) -> int:
    """Brings the database to the last migration; returns the version it is at.

    `backup(current_version)` is called once before upgrading a database that already has a
    schema, and returns where the copy went. Raises DatabaseTooNew or MigrationFailed.
    """
    _check_numbering(migrations)
    latest = migrations[-1].version if migrations else 0
    current = schema_version(connection)
    if current > latest:
        raise DatabaseTooNew(current, latest)
    pending = [migration for migration in migrations if migration.version > current]
    if not pending:
        return current
    copy = backup(current) if backup is not None and current > 0 else None
    for migration in pending:
        try:
            connection.execute("BEGIN IMMEDIATE")
            migration.apply(connection)
            connection.execute(f"PRAGMA user_version = {int(migration.version)}")
            connection.execute("COMMIT")
        except Exception as error:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            # SQLite's messages name tables and columns, never values; other errors might
            # quote data, so only their type is kept (and the chain is cut).
            detail = str(error) if isinstance(error, DATABASE_ERRORS) else type(error).__name__
            raise MigrationFailed(migration.version, str(copy) if copy else None, detail) from None
    return latest


def _check_numbering(migrations: Sequence[Migration]) -> None:
    versions = [migration.version for migration in migrations]
    if versions != list(range(1, len(versions) + 1)):
        raise ValueError("migrations are numbered 1, 2, 3, … without gaps")
