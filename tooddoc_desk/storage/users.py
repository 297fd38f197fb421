"""The users repository: the people who sign in, their roles and their secrets' hashes.

Never the secrets themselves (core.passwords makes the hashes). Names are unique whatever
their case. A user is deactivated, never deleted: the consultations they touched name them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from tooddoc_desk.core.clock import Clock, SystemClock
from tooddoc_desk.core.users import Role, User
from tooddoc_desk.storage.database import Database
from tooddoc_desk.storage.errors import StoreError
from tooddoc_desk.storage.timestamps import from_text, to_text

_SELECT = (
    "SELECT id, name, roles, inami, active, secret_hash, failed_attempts, locked_until FROM users"
)
_Row = tuple[str, str, str, str | None, int, str, int, str | None]


class UserNotFound(StoreError):
    def __init__(self) -> None:
        super().__init__("This user is not in the store.", "Refresh the list of users.")


class NameTaken(StoreError):
    def __init__(self) -> None:
        super().__init__(
            "Another user already has this name.",
            "Add a first name or an initial to tell them apart.",
        )


@dataclass(frozen=True)
class Account:
    """A user with what signing in needs."""

    user: User
    secret_hash: str
    failed_attempts: int
    locked_until: datetime | None


class UserRepository:
    def __init__(self, database: Database, clock: Clock | None = None) -> None:
        self._database = database
        self._clock = clock or SystemClock()

    def count(self) -> int:
        with self._database.read() as connection:
            return int(connection.execute("SELECT count(*) FROM users").fetchone()[0])

    def add(self, user: User, secret_hash: str) -> None:
        self.add_all([(user, secret_hash)])

    def add_all(self, users: Sequence[tuple[User, str]]) -> None:
        """Each (user, secret hash) in one transaction: all are added, or none (NameTaken)."""
        now = to_text(self._clock.now())
        with self._database.transaction() as connection:
            for user, secret_hash in users:
                taken = connection.execute(
                    "SELECT 1 FROM users WHERE name = ?", (user.name,)
                ).fetchone()
                if taken is not None:
                    raise NameTaken()
                connection.execute(
                    "INSERT INTO users (id, name, roles, inami, secret_hash, active, created_at,"
                    " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        user.id,
                        user.name,
                        _roles_text(user.roles),
                        user.inami,
                        secret_hash,
                        int(user.active),
                        now,
                        now,
                    ),
                )

    def get(self, user_id: str) -> User:
        return self.account(user_id).user

    def account(self, user_id: str) -> Account:
        with self._database.read() as connection:
            row = connection.execute(_SELECT + " WHERE id = ?", (user_id,)).fetchone()
        if row is None:
            raise UserNotFound()
        return _account(row)

    def find(self, name: str) -> Account | None:
        """The account of that name, whatever its case; None if nobody has it."""
        with self._database.read() as connection:
            row = connection.execute(_SELECT + " WHERE name = ?", (name,)).fetchone()
        return None if row is None else _account(row)

    def list(self) -> list[User]:
        with self._database.read() as connection:
            rows = connection.execute(_SELECT + " ORDER BY name COLLATE NOCASE").fetchall()
        return [_account(row).user for row in rows]

    def update(self, user: User) -> None:
        """Name, roles, INAMI number and whether the user may sign in."""
        with self._database.transaction() as connection:
            taken = connection.execute(
                "SELECT 1 FROM users WHERE name = ? AND id <> ?", (user.name, user.id)
            ).fetchone()
            if taken is not None:
                raise NameTaken()
            cursor = connection.execute(
                "UPDATE users SET name = ?, roles = ?, inami = ?, active = ?, updated_at = ?"
                " WHERE id = ?",
                (
                    user.name,
                    _roles_text(user.roles),
                    user.inami,
                    int(user.active),
                    self._now(),
                    user.id,
                ),
            )
            if cursor.rowcount == 0:
                raise UserNotFound()

    def set_secret(self, user_id: str, secret_hash: str) -> None:
        self._set(
            user_id, "secret_hash = ?, failed_attempts = 0, locked_until = NULL", (secret_hash,)
        )

    def failed(self, user_id: str, locked_until: datetime | None) -> None:
        """One more wrong secret; locked until `locked_until` if given."""
        self._set(
            user_id,
            "failed_attempts = failed_attempts + 1, locked_until = ?",
            (None if locked_until is None else to_text(locked_until),),
        )

    def succeeded(self, user_id: str) -> None:
        self._set(user_id, "failed_attempts = 0, locked_until = NULL", ())

    def _set(self, user_id: str, assignments: str, values: tuple[str | None, ...]) -> None:
        with self._database.transaction() as connection:
            cursor = connection.execute(
                f"UPDATE users SET {assignments}, updated_at = ? WHERE id = ?",  # noqa: S608
                (*values, self._now(), user_id),
            )
            if cursor.rowcount == 0:
                raise UserNotFound()

    def _now(self) -> str:
        return to_text(self._clock.now())


def _roles_text(roles: frozenset[Role]) -> str:
    return ",".join(sorted(role.value for role in roles))


def _account(row: _Row) -> Account:
    identifier, name, roles, inami, active, secret_hash, failed_attempts, locked_until = row
    user = User(
        name=name,
        roles=frozenset(Role(role) for role in roles.split(",")),
        inami=inami,
        id=identifier,
        active=bool(active),
    )
    until = None if locked_until is None else from_text(locked_until)
    return Account(user, secret_hash, failed_attempts, until)
