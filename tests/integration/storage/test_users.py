"""The users repository against a real encrypted database."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.helpers.storage import T0
from tooddoc_desk.core.users import Role, User
from tooddoc_desk.storage import Store
from tooddoc_desk.storage.users import NameTaken, UserNotFound


def test_a_user_comes_back_with_roles_and_no_secret_in_clear(store: Store) -> None:
    user = User("Dr Peeters", frozenset({Role.PRACTITIONER, Role.MANAGER}), "12345678901")
    store.users.add(user, "scrypt$10$8$1$c2FsdA==$aGFzaA==")
    assert store.users.get(user.id) == user
    account = store.users.find("dr PEETERS")  # names are found whatever their case
    assert account is not None
    assert (account.user, account.failed_attempts, account.locked_until) == (user, 0, None)
    assert store.users.find("Dr Janssens") is None
    assert store.users.count() == 1


def test_names_are_unique_whatever_their_case(store: Store) -> None:
    store.users.add(User("Anne", frozenset({Role.RECEPTIONIST})), "h")
    with pytest.raises(NameTaken):
        store.users.add(User("ANNE", frozenset({Role.MANAGER})), "h")
    other = User("Marc", frozenset({Role.MANAGER}))
    store.users.add(other, "h")
    with pytest.raises(NameTaken):
        store.users.update(User("anne", other.roles, None, other.id))
    assert [u.name for u in store.users.list()] == ["Anne", "Marc"]


def test_failures_lock_and_a_success_or_new_secret_clears_them(store: Store) -> None:
    user = User("Anne", frozenset({Role.RECEPTIONIST}))
    store.users.add(user, "h")
    store.users.failed(user.id, None)
    store.users.failed(user.id, T0 + timedelta(minutes=5))
    account = store.users.account(user.id)
    assert (account.failed_attempts, account.locked_until) == (2, T0 + timedelta(minutes=5))
    store.users.succeeded(user.id)
    assert store.users.account(user.id).failed_attempts == 0
    store.users.failed(user.id, T0)
    store.users.set_secret(user.id, "new")
    account = store.users.account(user.id)
    assert (account.secret_hash, account.failed_attempts, account.locked_until) == ("new", 0, None)


def test_unknown_users(store: Store) -> None:
    with pytest.raises(UserNotFound):
        store.users.get("nobody")
    with pytest.raises(UserNotFound):
        store.users.set_secret("nobody", "h")
    with pytest.raises(UserNotFound):
        store.users.update(User("Ghost", frozenset({Role.MANAGER}), id="nobody"))
