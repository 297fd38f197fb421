"""The people who use the app, what each role may do, and the checks on what they type.

A user holds one or more roles: a GP working alone is practitioner and manager at once.

| role         | may                                                              |
|--------------|------------------------------------------------------------------|
| practitioner | send links, see the waiting room, run calls, read and write notes |
| receptionist | send links for any practitioner, see the waiting room            |
| manager      | see the waiting room, export the log, manage users               |

The services check these (`require`); the window only follows them.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from enum import StrEnum

MAX_NAME = 80


class Role(StrEnum):
    PRACTITIONER = "practitioner"
    RECEPTIONIST = "receptionist"
    MANAGER = "manager"


class Permission(StrEnum):
    SEND_INVITES = "send_invites"
    SEE_WAITING_ROOM = "see_waiting_room"
    RUN_CALLS = "run_calls"
    NOTES = "notes"
    EXPORT = "export"
    MANAGE_USERS = "manage_users"


GRANTS: dict[Role, frozenset[Permission]] = {
    Role.PRACTITIONER: frozenset(
        {
            Permission.SEND_INVITES,
            Permission.SEE_WAITING_ROOM,
            Permission.RUN_CALLS,
            Permission.NOTES,
        }
    ),
    Role.RECEPTIONIST: frozenset({Permission.SEND_INVITES, Permission.SEE_WAITING_ROOM}),
    Role.MANAGER: frozenset(
        {Permission.SEE_WAITING_ROOM, Permission.EXPORT, Permission.MANAGE_USERS}
    ),
}

# what a refusal says: "<name> cannot <doing>." (said part by part in the window: a phrase each)
DOING = {
    Permission.SEND_INVITES: "send consultation links",
    Permission.SEE_WAITING_ROOM: "see the waiting room",
    Permission.RUN_CALLS: "run calls (a practitioner does)",
    Permission.NOTES: "read or write a consultation's notes (a practitioner does)",
    Permission.EXPORT: "export the consultation log (a practice manager does)",
    Permission.MANAGE_USERS: "manage users (a practice manager does)",
}


def new_user_id() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True)
class User:
    name: str
    roles: frozenset[Role]
    inami: str | None = None  # practitioners: the INAMI/RIZIV number, 11 digits
    id: str = field(default_factory=new_user_id)
    active: bool = True

    def __post_init__(self) -> None:
        if not self.roles:
            raise ValueError("a user has at least one role")

    def may(self, permission: Permission) -> bool:
        return self.active and any(permission in GRANTS[role] for role in self.roles)

    @property
    def is_practitioner(self) -> bool:
        return Role.PRACTITIONER in self.roles


class NotAllowed(PermissionError):
    """An action the signed-in user's roles do not allow; `message` says so to a person."""

    def __init__(self, permission: Permission, user: User | None) -> None:
        who = "Nobody signed in" if user is None else user.name
        self.message = f"{who} cannot {DOING[permission]}."
        super().__init__(self.message)
        self.permission = permission


def require(user: User | None, permission: Permission) -> User:
    """The user, if they may; NotAllowed otherwise (also when nobody is signed in)."""
    if user is None or not user.may(permission):
        raise NotAllowed(permission, user)
    return user


class UserInputError(ValueError):
    """A name, role or INAMI number that cannot be used; `message` says why, to a person, and
    `field` what it is about ("name", "roles", "inami"; None: the user as a whole)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def clean_name(text: str) -> str:
    """A person's name as they sign in with it: trimmed, single spaces, 1 to 80 characters."""
    name = " ".join(text.split())
    if not name:
        raise UserInputError("Type a name.", "name")
    if len(name) > MAX_NAME or _CONTROL.search(name):
        raise UserInputError(f"A name is at most {MAX_NAME} ordinary characters.", "name")
    return name


def parse_inami(text: str) -> str:
    """An INAMI/RIZIV number as written (1-23456-78-901, 12345678901): its 11 digits."""
    digits = re.sub(r"[\s.\-/]", "", text)
    if not re.fullmatch(r"\d{11}", digits):
        raise UserInputError("An INAMI number has 11 digits, like 1-23456-78-901.", "inami")
    return digits


def format_inami(digits: str) -> str:
    return f"{digits[0]}-{digits[1:6]}-{digits[6:8]}-{digits[8:]}"


def check_roles(roles: frozenset[Role], inami: str | None) -> None:
    """A user has a role; a practitioner has an INAMI number (it goes on the billing export)."""
    if not roles:
        raise UserInputError("Choose at least one role.", "roles")
    if Role.PRACTITIONER in roles and inami is None:
        raise UserInputError("A practitioner needs an INAMI number.", "inami")
    if Role.PRACTITIONER not in roles and inami is not None:
        raise UserInputError("Only a practitioner has an INAMI number.", "inami")
