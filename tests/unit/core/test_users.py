"""Roles and what they allow, and the checks on names, INAMI numbers and secrets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tooddoc_desk.core.passwords import (
    HashCost,
    WeakSecret,
    check_new_secret,
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
    format_inami,
    parse_inami,
    require,
)

CHEAP = HashCost(log2_n=10, r=8, p=1)
RECEPTIONIST = User("Anne", frozenset({Role.RECEPTIONIST}))
PRACTITIONER = User("Dr Peeters", frozenset({Role.PRACTITIONER}), "12345678901")
MANAGER = User("Marc", frozenset({Role.MANAGER}))


def test_each_role_may_what_the_practice_expects() -> None:
    assert RECEPTIONIST.may(Permission.SEND_INVITES)
    assert RECEPTIONIST.may(Permission.SEE_WAITING_ROOM)
    assert not RECEPTIONIST.may(Permission.NOTES)
    assert not RECEPTIONIST.may(Permission.RUN_CALLS)
    assert PRACTITIONER.may(Permission.RUN_CALLS)
    assert PRACTITIONER.may(Permission.NOTES)
    assert not PRACTITIONER.may(Permission.EXPORT)
    assert MANAGER.may(Permission.EXPORT)
    assert MANAGER.may(Permission.MANAGE_USERS)
    assert not MANAGER.may(Permission.NOTES)
    solo = User("Dr Solo", frozenset({Role.PRACTITIONER, Role.MANAGER}), "12345678901")
    assert all(solo.may(p) for p in Permission)


def test_a_refusal_says_who_cannot_do_what() -> None:
    with pytest.raises(NotAllowed) as refused:
        require(RECEPTIONIST, Permission.NOTES)
    assert refused.value.message == (
        "Anne cannot read or write a consultation's notes (a practitioner does)."
    )
    with pytest.raises(NotAllowed, match="Nobody signed in cannot"):
        require(None, Permission.SEND_INVITES)
    inactive = User("Old", frozenset({Role.MANAGER}), active=False)
    with pytest.raises(NotAllowed):
        require(inactive, Permission.EXPORT)
    assert require(MANAGER, Permission.EXPORT) is MANAGER


def test_inami_numbers_as_people_write_them() -> None:
    for written in ("1-23456-78-901", "12345678901", "1 23456 78 901", "1.23456.78.901"):
        assert parse_inami(written) == "12345678901"
    assert format_inami("12345678901") == "1-23456-78-901"
    for wrong in ("", "1-23456-78-90", "1-23456-78-9012", "A-23456-78-901"):
        with pytest.raises(UserInputError, match="11 digits"):
            parse_inami(wrong)


def test_roles_and_inami_go_together() -> None:
    check_roles(frozenset({Role.PRACTITIONER}), "12345678901")
    with pytest.raises(UserInputError, match="needs an INAMI"):
        check_roles(frozenset({Role.PRACTITIONER}), None)
    with pytest.raises(UserInputError, match="Only a practitioner"):
        check_roles(frozenset({Role.RECEPTIONIST}), "12345678901")
    with pytest.raises(UserInputError, match="at least one role"):
        check_roles(frozenset(), None)


def test_names_are_trimmed_and_bounded() -> None:
    assert clean_name("  Dr   Anne  Peeters ") == "Dr Anne Peeters"
    for wrong in ("", "   ", "x" * 81, "tab\x07bell"):
        with pytest.raises(UserInputError):
            clean_name(wrong)


def test_secrets_are_passwords_or_pins_that_are_not_obvious() -> None:
    check_new_secret("correct horse battery")
    check_new_secret("482915")
    for weak, sentence in (
        ("short", "at least 10 characters"),
        ("12345", "6 to 12 digits"),
        ("123456", "too easy"),
        ("000000", "too easy"),
        ("987654", "too easy"),
        ("²²²²²²", "at least 10 characters"),  # not ASCII digits: judged as a password
    ):
        with pytest.raises(WeakSecret, match=sentence):
            check_new_secret(weak)


@given(st.text(max_size=40))
def test_any_text_either_passes_or_gets_a_sentence(secret: str) -> None:
    message = ""
    try:
        check_new_secret(secret)
    except WeakSecret as error:
        message = error.message
    assert message == "" or message.endswith(".")


def test_a_hash_checks_its_secret_only() -> None:
    stored = hash_secret("correct horse battery", CHEAP)
    assert stored.startswith("scrypt$10$8$1$")
    assert verify_secret("correct horse battery", stored)
    assert not verify_secret("correct horse batterY", stored)
    assert hash_secret("correct horse battery", CHEAP) != stored  # salted
    for damaged in ("", "plain", stored.replace("scrypt", "md5"), stored[:-8], "scrypt$99$8$1$a$b"):
        assert not verify_secret("correct horse battery", damaged)
