from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tooddoc_desk.core.contact import (
    ContactError,
    ContactErrorCode,
    EmailContact,
    PhoneContact,
    contact_from_value,
    parse_contact,
)

ACCEPTED = [
    # Belgian mobiles, as people type them
    ("0470 12 34 56", PhoneContact("+32470123456")),
    ("0470/12.34.56", PhoneContact("+32470123456")),
    ("+32 470 12 34 56", PhoneContact("+32470123456")),
    ("0032 470 12 34 56", PhoneContact("+32470123456")),
    ("+32 (0)470 12 34 56", PhoneContact("+32470123456")),
    ("0495-12-34-56", PhoneContact("+32495123456")),
    ("0485123456", PhoneContact("+32485123456")),
    ("  0468 12 34 56  ", PhoneContact("+32468123456")),
    # neighbours and frequent foreign mobiles
    ("+33 6 12 34 56 78", PhoneContact("+33612345678")),
    ("+31 6 12345678", PhoneContact("+31612345678")),
    ("+49 1512 3456789", PhoneContact("+4915123456789")),
    ("+352 621 123 456", PhoneContact("+352621123456")),
    ("+44 7911 123456", PhoneContact("+447911123456")),
    ("+1 415 555 2671", PhoneContact("+14155552671")),
    # e-mail addresses
    ("jan.peeters@example.be", EmailContact("jan.peeters@example.be")),
    ("Marie.Dubois@EXAMPLE.BE", EmailContact("Marie.Dubois@example.be")),
    ("françois@exemple.be", EmailContact("françois@exemple.be")),
    ("a+tag@sub.example.com", EmailContact("a+tag@sub.example.com")),
]

REFUSED = [
    ("", ContactErrorCode.EMPTY),
    ("   ", ContactErrorCode.EMPTY),
    ("02 555 12 12", ContactErrorCode.LANDLINE),  # Brussels landline
    ("09 210 10 10", ContactErrorCode.LANDLINE),  # Ghent landline
    ("03 221 13 33", ContactErrorCode.LANDLINE),  # Antwerp landline
    ("+33 1 42 68 53 00", ContactErrorCode.LANDLINE),  # Paris landline
    ("0900 12 345", ContactErrorCode.PREMIUM_RATE),
    ("0800 12 345", ContactErrorCode.TOLL_FREE),
    ("078 15 15 15", ContactErrorCode.NOT_MOBILE),  # shared-cost
    ("112", ContactErrorCode.SHORT_NUMBER),
    ("1733", ContactErrorCode.SHORT_NUMBER),
    ("0470 12 34 5", ContactErrorCode.TOO_SHORT),
    ("+32", ContactErrorCode.TOO_SHORT),
    ("+", ContactErrorCode.TOO_SHORT),
    ("0470 12 34 567", ContactErrorCode.TOO_LONG),
    ("+32 470 12 34 56 78 90 12", ContactErrorCode.TOO_LONG),
    ("+999 12345678", ContactErrorCode.UNKNOWN_COUNTRY),
    ("0470 CALL ME", ContactErrorCode.LETTERS),
    ("jan peeters", ContactErrorCode.LETTERS),
    ("0470 12 34 56 ☎", ContactErrorCode.BAD_CHARACTERS),
    ("jan@@example.be", ContactErrorCode.INVALID_EMAIL),
    ("jan@", ContactErrorCode.INVALID_EMAIL),
    ("@example.be", ContactErrorCode.INVALID_EMAIL),
    ("jan peeters@example.be", ContactErrorCode.INVALID_EMAIL),
    ("x" * 400, ContactErrorCode.TOO_LONG_INPUT),
]


@pytest.mark.parametrize(("typed", "expected"), ACCEPTED)
def test_accepts_and_normalises(typed: str, expected: PhoneContact | EmailContact) -> None:
    assert parse_contact(typed) == expected


@pytest.mark.parametrize(("typed", "code"), REFUSED)
def test_refuses_with_its_own_sentence(typed: str, code: ContactErrorCode) -> None:
    with pytest.raises(ContactError) as caught:
        parse_contact(typed)
    assert caught.value.code == code
    assert caught.value.message.endswith((".", "!"))
    assert len(caught.value.message) > 20


def test_each_refusal_reads_differently() -> None:
    messages: dict[ContactErrorCode, set[str]] = {}
    for typed, code in REFUSED:
        with pytest.raises(ContactError) as caught:
            parse_contact(typed)
        messages.setdefault(code, set()).add(caught.value.message)
    phone_codes = [c for c in messages if c is not ContactErrorCode.INVALID_EMAIL]
    firsts = {min(messages[c]) for c in phone_codes}
    assert len(firsts) == len(phone_codes)


def test_a_french_default_region_reads_national_numbers_as_french() -> None:
    assert parse_contact("06 12 34 56 78", default_region="FR") == PhoneContact("+33612345678")


def test_display_and_stored_value_round_trip() -> None:
    contact = parse_contact("0470 12 34 56")
    assert contact.display == "+32 470 12 34 56"
    assert contact_from_value(contact.value) == contact
    email = parse_contact("jan@example.be")
    assert contact_from_value(email.value) == email


def test_value_objects_validate_themselves() -> None:
    with pytest.raises(ValueError, match=r"E\.164"):
        PhoneContact("0470123456")
    with pytest.raises(ValueError, match="e-mail"):
        EmailContact("no-at-sign")


def outcome(text: str) -> PhoneContact | EmailContact | ContactError:
    try:
        return parse_contact(text)
    except ContactError as error:
        return error


@given(st.text(max_size=400))
def test_no_input_crashes_the_parser(text: str) -> None:
    result = outcome(text)
    if isinstance(result, ContactError):
        assert result.message
    else:
        assert isinstance(result, PhoneContact | EmailContact)


@given(st.from_regex(r"\+?[0-9 ./()-]{0,30}", fullmatch=True))
def test_digit_soup_is_a_number_or_a_clear_refusal(text: str) -> None:
    result = outcome(text)
    if isinstance(result, ContactError):
        assert result.code not in (ContactErrorCode.INVALID_EMAIL, ContactErrorCode.LETTERS)
    else:
        assert isinstance(result, PhoneContact)
        assert result.e164.startswith("+")
