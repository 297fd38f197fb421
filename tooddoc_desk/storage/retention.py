"""How long consultation records are kept, and the purge of those past it.

Belgian law asks a practice to keep patient records for at least 30 years: the store starts
with a retention of 30 years (migration 8). A practice lowers it only deliberately (a manager,
`tooddoc-desk retention --years N`, audited with the old and new values); a purge never removes
a consultation created within the retention period.

A purge deletes the consultations created before a date, with everything kept with them (their
timeline, invites, chat and notes: the foreign keys cascade), and appends its audit entry (with
the count) in the same transaction: the records go and the entry says so, or neither happens.
The audit log itself is never purged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tooddoc_desk.storage.audit_log import AuditLog
from tooddoc_desk.storage.database import Database
from tooddoc_desk.storage.timestamps import to_text

LEGAL_MINIMUM_YEARS = 30
RETENTION_CHANGED = "retention_changed"
PURGE = "purge"


@dataclass(frozen=True)
class Purged:
    consultations: int
    before: datetime


class RetentionRepository:
    def __init__(self, database: Database, audit: AuditLog) -> None:
        self._database = database
        self._audit = audit

    def years(self) -> int:
        with self._database.read() as connection:
            row = connection.execute("SELECT years FROM retention WHERE id = 1").fetchone()
        return LEGAL_MINIMUM_YEARS if row is None else int(row[0])

    def set_years(self, years: int, at: datetime, actor: str) -> None:
        """Keeps the new retention and its audit entry together (ValueError below one year)."""
        if years < 1:
            raise ValueError("records are kept at least one year")
        with self._database.transaction() as connection:
            row = connection.execute("SELECT years FROM retention WHERE id = 1").fetchone()
            before = LEGAL_MINIMUM_YEARS if row is None else int(row[0])
            connection.execute(
                "INSERT INTO retention (id, years, changed_at, changed_by) VALUES (1, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET years = excluded.years,"
                " changed_at = excluded.changed_at, changed_by = excluded.changed_by",
                (years, to_text(at), actor),
            )
            self._audit.append_in(
                connection,
                at,
                actor,
                RETENTION_CHANGED,
                details={"years_before": before, "years_after": years},
            )

    def count_before(self, before: datetime) -> int:
        with self._database.read() as connection:
            row = connection.execute(
                "SELECT count(*) FROM consultations WHERE created_at < ?", (to_text(before),)
            ).fetchone()
        return int(row[0])

    def purge_before(self, before: datetime, at: datetime, actor: str) -> Purged:
        """Deletes the consultations created before `before`; the caller has checked the date
        against the retention (see services/retention.py)."""
        with self._database.transaction() as connection:
            cursor = connection.execute(
                "DELETE FROM consultations WHERE created_at < ?", (to_text(before),)
            )
            count = max(cursor.rowcount, 0)
            self._audit.append_in(
                connection,
                at,
                actor,
                PURGE,
                details={"before": before.date().isoformat(), "consultations": count},
            )
        return Purged(count, before)
