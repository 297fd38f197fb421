"""The audit log: an append-only, hash-chained record of who did what, in the encrypted store.

Each entry holds when, who (a user id, or the command line), what (its kind), a subject (a
consultation id or a user id: never a patient's contact) and a few small details (counts, setting
names, formats: never patient data). Each carries a MAC: HMAC-SHA256 over its own content and the
previous entry's MAC, so altering, removing or inserting an entry breaks the chain at that entry,
and `AuditLog.verify` names it.

The MAC key is derived from the database key with HKDF-SHA256 (its own `info` label), never
stored. It was chosen over a second keyring secret because it goes wherever the data goes: a
store opened on a new computer with the recovery key, or a backup restored, verifies with no
extra secret to carry (and none to lose, which would make every past entry unverifiable). Whoever
holds the database key and this code can rewrite the chain; the chain is there to show any change
made to the file with anything else (an SQLCipher tool, a script, a restored older copy spliced
in), and triggers stop the app's own SQL from updating or deleting entries. Removing the latest
entries leaves a shorter valid chain: `verify` reports the number of entries and the last one's
time so that a manager can compare it with what they know (or with a backup).

Entries are appended under BEGIN IMMEDIATE: the previous entry is read and the new one written in
the same write transaction, so two writers (two threads, or the app and a command in another
process) always chain one after the other.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from tooddoc_desk.storage.database import Connection, Database
from tooddoc_desk.storage.database_key import DatabaseKey
from tooddoc_desk.storage.timestamps import from_text, to_text

DetailValue = str | int | bool | None | list[str]
Details = Mapping[str, DetailValue]

AUDIT_KEY_INFO = b"tooddoc-desk audit log MAC key v1"
GENESIS = b"tooddoc-desk audit log genesis"
MAX_DETAIL_TEXT = 200
MAX_DETAILS_JSON = 2_000
_KIND = re.compile(r"[a-z][a-z_]{0,39}")
_KEY = re.compile(r"[a-z][a-z0-9_]{0,39}")
# ids, not contacts: no '@' (an e-mail), no '+' (a number), no spaces
_SUBJECT = re.compile(r"[A-Za-z0-9_.:-]{1,80}")
_ACTOR = re.compile(r"[A-Za-z0-9_.:() -]{1,80}")
_COLUMNS = "seq, at, actor, kind, subject, details, mac"


class AuditEntryRefused(ValueError):
    """An entry the log does not take (a bad kind, subject or detail): a programming error."""


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: datetime
    actor: str
    kind: str
    subject: str | None
    details: Details = field(default_factory=dict)
    mac: str = ""


@dataclass(frozen=True)
class ChainReport:
    """What `verify` found: `broken_at` is the first entry that does not hold (None: all hold)."""

    entries: int
    last_at: datetime | None
    broken_at: int | None = None
    problem: str | None = None

    @property
    def intact(self) -> bool:
        return self.broken_at is None


def audit_key(database_key: DatabaseKey) -> bytes:
    """The MAC key of the audit log, derived from the database key (HKDF-SHA256)."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=AUDIT_KEY_INFO).derive(
        database_key.raw
    )


def check_entry(kind: str, actor: str, subject: str | None, details: Details) -> str:
    """The details as stored (canonical JSON); AuditEntryRefused if any part may not be kept."""
    if not _KIND.fullmatch(kind):
        raise AuditEntryRefused("an audit kind is lower_case_words")
    if not _ACTOR.fullmatch(actor):
        raise AuditEntryRefused("an audit actor is an id or the command line")
    if subject is not None and not _SUBJECT.fullmatch(subject):
        raise AuditEntryRefused("an audit subject is an id")
    for key, value in details.items():
        if not _KEY.fullmatch(key):
            raise AuditEntryRefused("an audit detail is named in lower_case")
        texts = value if isinstance(value, list) else [value]
        for text in texts:
            if isinstance(text, str) and (
                len(text) > MAX_DETAIL_TEXT or "@" in text or "+" in text or "\n" in text
            ):
                raise AuditEntryRefused(f"the audit detail {key} is not a short plain value")
            if not isinstance(text, str | int | bool | None):
                raise AuditEntryRefused(f"the audit detail {key} is not a plain value")
    text = json.dumps(dict(details), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    if len(text) > MAX_DETAILS_JSON:
        raise AuditEntryRefused("audit details are kept short")
    return text


def entry_mac(  # noqa: PLR0917 (the entry's fields, in their stored order)
    key: bytes,
    previous: bytes,
    seq: int,
    at: str,
    actor: str,
    kind: str,
    subject: str | None,
    details: str,
) -> str:
    """HMAC-SHA256 over the entry's fields (canonical JSON) and the previous entry's MAC."""
    content = json.dumps(
        [seq, at, actor, kind, subject, details], separators=(",", ":"), ensure_ascii=False
    ).encode("utf-8")
    return hmac.new(key, previous + b"\x00" + content, hashlib.sha256).hexdigest()


class AuditLog:
    def __init__(self, database: Database, key: bytes) -> None:
        self._database = database
        self._key = key

    def append(
        self,
        at: datetime,
        actor: str,
        kind: str,
        *,
        subject: str | None = None,
        details: Details | None = None,
    ) -> AuditEntry:
        """Appends one entry (its own transaction) and returns it."""
        with self._database.transaction() as connection:
            return self.append_in(connection, at, actor, kind, subject=subject, details=details)

    def append_in(
        self,
        connection: Connection,
        at: datetime,
        actor: str,
        kind: str,
        *,
        subject: str | None = None,
        details: Details | None = None,
    ) -> AuditEntry:
        """Appends inside a write transaction the caller holds (BEGIN IMMEDIATE), so that an
        action and its entry are kept together or not at all."""
        details = dict(details or {})
        stored_details = check_entry(kind, actor, subject, details)
        last = connection.execute(
            "SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        seq, previous = (1, GENESIS) if last is None else (int(last[0]) + 1, bytes.fromhex(last[1]))
        moment = to_text(at)
        mac = entry_mac(self._key, previous, seq, moment, actor, kind, subject, stored_details)
        connection.execute(
            f"INSERT INTO audit_log ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",  # noqa: S608
            (seq, moment, actor, kind, subject, stored_details, mac),
        )
        return AuditEntry(seq, from_text(moment), actor, kind, subject, details, mac)

    def entries(
        self,
        start: datetime | None = None,
        end: datetime | None = None,
        *,
        offset: int = 0,
        limit: int = -1,
        newest_first: bool = False,
    ) -> list[AuditEntry]:
        """Entries with start <= at < end (either bound may be open), in order."""
        where, values = _range(start, end)
        order = "DESC" if newest_first else "ASC"
        with self._database.read() as connection:
            rows = connection.execute(
                f"SELECT {_COLUMNS} FROM audit_log{where} ORDER BY seq {order}"  # noqa: S608
                " LIMIT ? OFFSET ?",
                (*values, limit, offset),
            ).fetchall()
        return [_entry(row) for row in rows]

    def count(self, start: datetime | None = None, end: datetime | None = None) -> int:
        where, values = _range(start, end)
        with self._database.read() as connection:
            row = connection.execute(
                f"SELECT count(*) FROM audit_log{where}",  # noqa: S608
                values,
            ).fetchone()
        return int(row[0])

    def verify(self) -> ChainReport:
        """Walks the whole chain (on a reader of its own: the app keeps writing meanwhile)."""
        with self._database.reader() as connection:
            connection.execute("BEGIN")
            try:
                rows = connection.execute(
                    f"SELECT {_COLUMNS} FROM audit_log ORDER BY seq"  # noqa: S608
                )
                return _walk(self._key, rows)
            finally:
                connection.execute("COMMIT")


def _walk(key: bytes, rows: Iterator[Sequence[object]]) -> ChainReport:
    previous, expected, last_at, count = GENESIS, 1, None, 0
    for row in rows:
        seq, at, actor, kind, subject, details, mac = row
        if not isinstance(seq, int) or not isinstance(mac, str):
            return ChainReport(count, last_at, expected, f"entry {expected} was changed")
        if seq != expected:
            missing = "is missing" if seq > expected else "is out of order"
            return ChainReport(count, last_at, expected, f"entry {expected} {missing}")
        computed = entry_mac(
            key, previous, seq, str(at), str(actor), str(kind), _text(subject), str(details)
        )
        if not hmac.compare_digest(computed, mac):
            return ChainReport(count, last_at, seq, f"entry {seq} was changed or added")
        try:
            previous = bytes.fromhex(mac)
            last_at = from_text(str(at))
        except ValueError:
            return ChainReport(count, last_at, seq, f"entry {seq} was changed or added")
        expected += 1
        count += 1
    return ChainReport(count, last_at)


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _range(start: datetime | None, end: datetime | None) -> tuple[str, tuple[str, ...]]:
    clauses: list[str] = []
    values: list[str] = []
    if start is not None:
        clauses.append("at >= ?")
        values.append(to_text(start))
    if end is not None:
        clauses.append("at < ?")
        values.append(to_text(end))
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), tuple(values)


def _entry(row: Sequence[object]) -> AuditEntry:
    seq, at, actor, kind, subject, details, mac = row
    return AuditEntry(
        int(str(seq)),
        from_text(str(at)),
        str(actor),
        str(kind),
        _text(subject),
        json.loads(str(details)),
        str(mac),
    )
