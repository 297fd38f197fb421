"""The audit trail: the one way services record who did what (storage/audit_log.py keeps it,
append-only and hash-chained, in the encrypted store).

Usage, from a service that holds an `AuditTrail` (the app builds one per store,
`AuditTrail(store.audit, clock)`; a command builds its own with `command="export"`):

    user = self._gate.require(Permission.EXPORT)        # a User, or None from the command line
    ...
    self._audit.record(EXPORT, by=user, details={"format": "csv", "rows": rows})
    self._audit.record(NOTES_OPENED, by=user, subject=consultation.id)

`by` is the User acting, a user id, or None: the command line (the entry then says
"command line (<OS account>) <command>"), or in the window, nobody signed in (a failed
sign-in). `subject` is an id (a consultation's, a user's): never
a contact, a name or a note. `details` are a few plain values (str, int, bool, None, list of
str): counts, formats, setting names, states, dates. Never a secret, a patient's name, number,
e-mail address or text: the log refuses a value with an '@', a '+' or a line break, or one past
200 characters (AuditEntryRefused, a programming error), and a test feeds it patients' data
through the services to check that none comes out.

`record` raises the store's error when the entry cannot be written (a full disk): an action
that must be audited (opening notes, an export, a purge) is then refused rather than done
unrecorded. `try_record` logs and goes on: for actions that must happen whatever the disk says
(signing out, locking the screen, a failed sign-in).

An entry that belongs with a write (the purge and its count) is appended inside that write's
transaction: `store.audit.append_in(connection, ...)` (see storage/retention.py).

Kinds are the constants below; add yours here (lower_case words).
"""

from __future__ import annotations

import getpass
import logging
import re
from datetime import datetime
from typing import Protocol

from tooddoc_desk.core.clock import Clock
from tooddoc_desk.core.users import Permission, User
from tooddoc_desk.storage.audit_log import AuditEntry, AuditLog, ChainReport, Details
from tooddoc_desk.storage.database import DATABASE_ERRORS
from tooddoc_desk.storage.errors import StoreError
from tooddoc_desk.storage.retention import PURGE, RETENTION_CHANGED

log = logging.getLogger(__name__)

# who is at the desk
SIGN_IN = "sign_in"  # details: how ("password", "unlock", "first_run")
SIGN_IN_FAILED = "sign_in_failed"  # subject: the account, if the name exists; details: reason
SIGN_OUT = "sign_out"
LOCKED = "locked"  # details: how ("asked", "idle")
# reading clinical content
NOTES_OPENED = "notes_opened"  # subject: the consultation
CHAT_OPENED = "chat_opened"  # subject: the consultation
# records leaving the store
EXPORT = "export"  # details: format, rows, and the filter (dates, practitioner id, states)
BACKUP = "backup"
RESTORE = "restore"
RECOVERY_KEY_REPLACED = "recovery_key_replaced"  # the old key no longer opens the store
# the practice
SETTINGS_CHANGED = "settings_changed"  # details: keys (names only), secrets (which were replaced)
USER_ADDED = "user_added"  # subject: the new user; details: roles
USER_CHANGED = "user_changed"  # subject: the user; details: what changed (roles, active, …)
PASSWORD_RESET = "password_reset"  # noqa: S105 — subject: the user (by a manager)
PASSWORD_CHANGED = "password_changed"  # noqa: S105 — subject: the user (by themselves)
# payments
PAYMENT_REFUNDED = "payment_refunded"  # subject: the consultation; details: amount_cents
# deletions and the audit log itself
CONSULTATION_DELETED = "consultation_deleted"
AUDIT_SHOWN = "audit_shown"  # details: from, to, entries
__all__ = [
    "AUDIT_SHOWN",
    "BACKUP",
    "CHAT_OPENED",
    "CONSULTATION_DELETED",
    "EXPORT",
    "LOCKED",
    "NOTES_OPENED",
    "PASSWORD_CHANGED",
    "PASSWORD_RESET",
    "PAYMENT_REFUNDED",
    "PURGE",
    "RECOVERY_KEY_REPLACED",
    "RESTORE",
    "RETENTION_CHANGED",
    "SETTINGS_CHANGED",
    "SIGN_IN",
    "SIGN_IN_FAILED",
    "SIGN_OUT",
    "USER_ADDED",
    "USER_CHANGED",
    "AuditTrail",
    "command_line_actor",
]


class Gate(Protocol):
    """Who asks (services.accounts.Accounts): NotAllowed unless they may."""

    def require(self, permission: Permission) -> User | None: ...


NOBODY = "window (nobody signed in)"
_STORE_FAILURES: tuple[type[Exception], ...] = (StoreError, *DATABASE_ERRORS)
_OS_NAME = re.compile(r"[^A-Za-z0-9_.-]")


def command_line_actor(command: str | None = None) -> str:
    """How an entry names a command run from the command line: the OS account runs it."""
    try:
        account = _OS_NAME.sub("_", getpass.getuser())[:32] or "unknown"
    except (OSError, KeyError):
        account = "unknown"
    label = f"command line ({account})"
    if command:
        label += " " + _OS_NAME.sub("_", command)[:24]
    return label


class AuditTrail:
    def __init__(self, log: AuditLog, clock: Clock, *, command: str | None = None) -> None:
        """`command`: the sub-command this process runs (None: the app's window)."""
        self._log = log
        self._clock = clock
        self._command_line = command_line_actor(command) if command is not None else NOBODY

    @property
    def log(self) -> AuditLog:
        return self._log

    def actor(self, by: User | str | None) -> str:
        if isinstance(by, User):
            return by.id
        return self._command_line if by is None else by

    def record(
        self,
        kind: str,
        *,
        by: User | str | None,
        subject: str | None = None,
        details: Details | None = None,
    ) -> AuditEntry:
        """Appends an entry now; the store's error if it cannot be kept."""
        return self._log.append(
            self._clock.now(), self.actor(by), kind, subject=subject, details=details
        )

    def try_record(
        self,
        kind: str,
        *,
        by: User | str | None,
        subject: str | None = None,
        details: Details | None = None,
    ) -> AuditEntry | None:
        """As record, but a store that cannot keep it is logged (kind only) and the action
        goes on."""
        try:
            return self.record(kind, by=by, subject=subject, details=details)
        except _STORE_FAILURES as error:
            log.warning("the audit entry %s was not kept: %s", kind, type(error).__name__)
            return None

    # --- reading (managers) -------------------------------------------------------------------

    def entries(
        self,
        gate: Gate,
        start: datetime | None = None,
        end: datetime | None = None,
        *,
        offset: int = 0,
        limit: int = -1,
        newest_first: bool = False,
    ) -> list[AuditEntry]:
        """Entries with start <= at < end, for a manager (NotAllowed otherwise)."""
        gate.require(Permission.MANAGE_USERS)
        return self._log.entries(start, end, offset=offset, limit=limit, newest_first=newest_first)

    def count(self, gate: Gate, start: datetime | None = None, end: datetime | None = None) -> int:
        gate.require(Permission.MANAGE_USERS)
        return self._log.count(start, end)

    def verify(self) -> ChainReport:
        """Walks the chain; anyone may (the report holds counts and an entry number only)."""
        return self._log.verify()
