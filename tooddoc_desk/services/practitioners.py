"""Whom a consultation is for: the practitioner chosen when the link is sent.

A practitioner sending a link sends it for themselves unless they choose a colleague; reception
and commands from a script choose, except in a practice with one practitioner, where there is
nothing to choose. A store without any practitioner yet (before the first account) records none.
"""

from __future__ import annotations

from tooddoc_desk.core.users import Role, User
from tooddoc_desk.storage.users import UserNotFound, UserRepository

CHOOSE = "Choose the practitioner the consultation is for."
NOT_A_PRACTITIONER = "This person is not one of the practice's practitioners."


def practitioners(users: UserRepository) -> list[User]:
    """The practice's active practitioners, by name."""
    return [u for u in users.list() if u.active and Role.PRACTITIONER in u.roles]


def for_whom(users: UserRepository, sender: User | None, chosen: str | None) -> str | None:
    """The practitioner's user id for a new consultation (`chosen`: a name or a user id);
    ValueError (a sentence) if the choice is missing or is not an active practitioner."""
    if chosen is not None:
        account = users.find(chosen)  # a name (as they sign in), or else a user id
        try:
            user = account.user if account is not None else users.get(chosen)
        except UserNotFound:
            raise ValueError(NOT_A_PRACTITIONER) from None
        if not user.active or Role.PRACTITIONER not in user.roles:
            raise ValueError(NOT_A_PRACTITIONER)
        return user.id
    if sender is not None and sender.is_practitioner:
        return sender.id
    available = practitioners(users)
    if len(available) > 1:
        raise ValueError(CHOOSE)
    return available[0].id if available else None
