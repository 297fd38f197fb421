"""Who is at the desk: the first account, signing in and out, locking, and managing users.

`Accounts` holds the signed-in user; the consultation service asks it before each action
(`require`), so a role's limits hold whatever the window shows. Secrets are checked off the
event loop (scrypt takes a tenth of a second on purpose).

Five wrong secrets in a row lock that account for five minutes; a wrong name costs the same
time as a wrong secret and gets the same answer, so the sign-in does not tell which names
exist. Log lines name users by id only.

With an `audit` trail (the app always gives one), signing in (and failing to), signing out,
locking (asked, or idle) and every change to a user go to the audit log: ids, roles and
reasons, never a name typed or a secret.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Protocol

from tooddoc_desk.core.clock import Clock
from tooddoc_desk.core.passwords import (
    DEFAULT_COST,
    HashCost,
    check_new_secret,
    decoy_hash,
    hash_secret,
    verify_secret,
)
from tooddoc_desk.core.users import (
    NotAllowed,
    Permission,
    Role,
    User,
    UserInputError,
    check_roles,
    clean_name,
    parse_inami,
    require,
)
from tooddoc_desk.services.audit import (
    LOCKED,
    PASSWORD_CHANGED,
    PASSWORD_RESET,
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_OUT,
    USER_ADDED,
    USER_CHANGED,
    AuditTrail,
)
from tooddoc_desk.storage.audit_log import Details
from tooddoc_desk.storage.users import UserRepository

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=5)
WRONG = "The name or the password is wrong."


@dataclass(frozen=True)
class NewUser:
    """Someone to add, as typed (`Accounts.check_new_user` says whether they can be)."""

    name: str
    roles: frozenset[Role]
    secret: str = field(repr=False)
    inami: str | None = None


class SignInRefused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


Listener = Callable[[User | None], None]


class Gate(Protocol):
    """What the services ask before each action: raises NotAllowed if it may not be done."""

    def require(self, permission: Permission) -> User | None:
        """The user asking (None: a command from a script), if they may."""
        ...


class CommandLine:
    """The gate of `tooddoc-desk invite` and `export` run from a script or a phone system: the
    OS account that runs them already holds the store's key in its keyring. It sends links and
    exports; calls and notes need someone signed in to the window."""

    GRANTED = frozenset({Permission.SEND_INVITES, Permission.EXPORT})

    def require(self, permission: Permission) -> None:
        if permission not in self.GRANTED:
            raise NotAllowed(permission, None)


COMMAND_LINE = CommandLine()


class Accounts:
    def __init__(
        self,
        users: UserRepository,
        clock: Clock,
        cost: HashCost = DEFAULT_COST,
        audit: AuditTrail | None = None,
    ) -> None:
        self._users = users
        self._audit = audit
        self._clock = clock
        self._cost = cost
        self._current: User | None = None
        self.locked = False  # signed in, but the screen is locked until the secret is typed
        self._listeners: list[Listener] = []

    # --- who is here -----------------------------------------------------------------------

    @property
    def current(self) -> User | None:
        """The signed-in user, None when nobody is (or the screen is locked)."""
        return None if self.locked else self._current

    def require(self, permission: Permission) -> User:
        return require(self.current, permission)

    def may(self, permission: Permission) -> bool:
        user = self.current
        return user is not None and user.may(permission)

    def subscribe(self, listener: Listener) -> None:
        """Called with the user (None: nobody) on each sign-in, sign-out, lock and unlock."""
        self._listeners.append(listener)

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener(self.current)

    def _record(
        self,
        kind: str,
        by: User | None,
        subject: str | None = None,
        details: Details | None = None,
        *,
        quietly: bool = False,
    ) -> None:
        if self._audit is None:
            return
        if quietly:
            self._audit.try_record(kind, by=by, subject=subject, details=details)
        else:
            self._audit.record(kind, by=by, subject=subject, details=details)

    # --- the first account ----------------------------------------------------------------

    def needs_first_user(self) -> bool:
        return self._users.count() == 0

    def require_setup(self) -> None:
        """Who may change the practice's settings: a manager, or, while the practice has no
        account yet, the person setting the app up (NotAllowed otherwise)."""
        if not self.needs_first_user():
            self.require(Permission.MANAGE_USERS)

    async def create_first(
        self, name: str, roles: frozenset[Role], secret: str, inami: str | None = None
    ) -> User:
        """The practice's first account, when there is none; it manages users (whatever else
        it does), and is signed in."""
        return await self.create_practice([NewUser(name, roles, secret, inami)])

    async def create_practice(self, people: Sequence[NewUser]) -> User:
        """The practice's first accounts, when it has none: all of them or none. The first
        manages users (whatever else they do) and is signed in."""
        if not self.needs_first_user() or not people:
            raise NotAllowed(Permission.MANAGE_USERS, None)
        first, *others = people
        manager = NewUser(first.name, first.roles | {Role.MANAGER}, first.secret, first.inami)
        everyone = [manager, *others]
        users = self.check_new_users(everyone)
        hashes = [await asyncio.to_thread(hash_secret, p.secret, self._cost) for p in everyone]
        self._users.add_all(list(zip(users, hashes, strict=True)))
        for user in users:
            self._record(USER_ADDED, users[0], user.id, {"roles": _roles(user)})
        self._record(SIGN_IN, users[0], users[0].id, {"how": "first_run"})
        self._current, self.locked = users[0], False
        log.info("first user %s created and signed in (%d in all)", users[0].id, len(users))
        self._changed()
        return users[0]

    def check_new_user(self, person: NewUser) -> User:
        """The user `person` would be (nothing is stored); UserInputError or WeakSecret with
        what to change."""
        inami = person.inami
        parsed_inami = None if inami is None or not inami.strip() else parse_inami(inami)
        check_roles(person.roles, parsed_inami)
        user = User(clean_name(person.name), person.roles, parsed_inami)
        check_new_secret(person.secret)
        return user

    def check_new_users(self, people: Sequence[NewUser]) -> list[User]:
        """Each as `check_new_user` does, and no name twice (among them, or in the store)."""
        users = [self.check_new_user(person) for person in people]
        seen: set[str] = set()
        for user in users:
            if user.name.casefold() in seen or self._users.find(user.name) is not None:
                raise UserInputError(f"{user.name}: another person has this name already.", "name")
            seen.add(user.name.casefold())
        return users

    # --- signing in and out ----------------------------------------------------------------

    async def sign_in(self, name: str, secret: str) -> User:
        return await self._sign_in(name, secret, "password")

    async def _sign_in(self, name: str, secret: str, how: str) -> User:
        account = self._users.find(" ".join(name.split()))
        now = self._clock.now()
        if account is not None and account.locked_until is not None and account.locked_until > now:
            minutes = max(1, round((account.locked_until - now).total_seconds() / 60))
            self._record(
                SIGN_IN_FAILED, None, account.user.id, {"reason": "locked_out"}, quietly=True
            )
            raise SignInRefused(f"Too many wrong attempts: try again in {minutes} minute(s).")
        stored = account.secret_hash if account is not None else decoy_hash()
        right = await asyncio.to_thread(verify_secret, secret, stored)
        if account is None or not right or not account.user.active:
            if account is not None:
                self._count_failure(account.user.id, account.failed_attempts + 1)
            reason = (
                "unknown_name"
                if account is None
                else "wrong_secret"
                if not right
                else "account_disabled"
            )
            subject = None if account is None else account.user.id
            self._record(SIGN_IN_FAILED, None, subject, {"reason": reason}, quietly=True)
            raise SignInRefused(WRONG)
        self._users.succeeded(account.user.id)
        self._record(SIGN_IN, account.user, account.user.id, {"how": how})
        self._current, self.locked = account.user, False
        log.info("user %s signed in", account.user.id)
        self._changed()
        return account.user

    def _count_failure(self, user_id: str, failures: int) -> None:
        locked_until = self._clock.now() + LOCKOUT if failures >= MAX_ATTEMPTS else None
        self._users.failed(user_id, locked_until)
        log.info("user %s: wrong secret (%d in a row)", user_id, failures)

    def sign_out(self) -> None:
        if self._current is not None:
            log.info("user %s signed out", self._current.id)
            self._record(SIGN_OUT, self._current, self._current.id, quietly=True)
        self._current, self.locked = None, False
        self._changed()

    def lock(self) -> None:
        """The screen locks (idle, or asked): the same user unlocks with their secret."""
        self._lock("asked")

    def auto_lock(self) -> None:
        """The screen locks after the idle time (recorded as such)."""
        self._lock("idle")

    def _lock(self, how: str) -> None:
        if self._current is not None and not self.locked:
            self._record(LOCKED, self._current, self._current.id, {"how": how}, quietly=True)
            self.locked = True
            self._changed()

    @property
    def locked_user(self) -> User | None:
        return self._current if self.locked else None

    async def unlock(self, secret: str) -> User:
        user = self._current
        if user is None or not self.locked:
            raise SignInRefused("Nobody is signed in.")
        return await self._sign_in(user.name, secret, "unlock")

    # --- managing users (managers) ----------------------------------------------------------

    def users(self) -> list[User]:
        self.require(Permission.MANAGE_USERS)
        return self._users.list()

    async def add_user(
        self, name: str, roles: frozenset[Role], secret: str, inami: str | None = None
    ) -> User:
        manager = self.require(Permission.MANAGE_USERS)
        user = await self._new_user(name, roles, secret, inami)
        log.info("user %s added", user.id)
        self._record(USER_ADDED, manager, user.id, {"roles": _roles(user)})
        return user

    def change_user(
        self, user_id: str, *, roles: frozenset[Role], inami: str | None, active: bool
    ) -> User:
        """New roles, INAMI number or whether they may sign in. The practice keeps at least one
        active manager."""
        manager = self.require(Permission.MANAGE_USERS)
        inami = None if inami is None else parse_inami(inami)
        check_roles(roles, inami)
        before = self._users.get(user_id)
        after = User(before.name, roles, inami, before.id, active)
        if before.may(Permission.MANAGE_USERS) and not after.may(Permission.MANAGE_USERS):
            managers = [u for u in self._users.list() if u.may(Permission.MANAGE_USERS)]
            if len(managers) <= 1:
                raise UserInputError("The practice needs at least one active manager.")
        self._users.update(after)
        log.info("user %s changed", user_id)
        changed = {
            "roles": before.roles != after.roles,
            "inami": before.inami != after.inami,
            "active": before.active != after.active,
        }
        self._record(
            USER_CHANGED,
            manager,
            user_id,
            {
                "changed": [name for name, differs in changed.items() if differs],
                "roles_before": _roles(before),
                "roles": _roles(after),
                "active": after.active,
            },
        )
        return after

    async def set_secret(self, user_id: str, secret: str) -> None:
        """A manager resets anyone's secret; anyone changes their own."""
        current = self.current
        if current is None or (current.id != user_id and not current.may(Permission.MANAGE_USERS)):
            raise NotAllowed(Permission.MANAGE_USERS, current)
        check_new_secret(secret)
        self._users.set_secret(user_id, await asyncio.to_thread(hash_secret, secret, self._cost))
        kind = PASSWORD_CHANGED if current.id == user_id else PASSWORD_RESET
        self._record(kind, current, user_id)

    async def _new_user(
        self, name: str, roles: frozenset[Role], secret: str, inami: str | None
    ) -> User:
        user = self.check_new_user(NewUser(name, roles, secret, inami))
        self._users.add(user, await asyncio.to_thread(hash_secret, secret, self._cost))
        return user


def _roles(user: User) -> list[str]:
    return sorted(role.value for role in user.roles)
