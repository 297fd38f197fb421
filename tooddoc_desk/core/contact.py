"""What the practitioner types to reach a patient: a mobile number or an e-mail address.

`parse_contact` is the single entry point. It returns a normalised contact or raises
`ContactError`, whose `code` says what is wrong and whose `message` says it to a person.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from enum import StrEnum

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from phonenumbers import NumberParseException, PhoneNumberType, ValidationResult, shortnumberinfo

DEFAULT_REGION = "BE"
_PHONE_PUNCTUATION = re.compile(r"[\s.\-/()\u00a0]")
_MAX_INPUT = 320  # the longest possible e-mail address; anything longer is not a contact


@functools.lru_cache(maxsize=4096)
def _international(e164: str) -> str:
    """+32470123456 → +32 470 12 34 56 (formatting a number takes a fifth of a millisecond:
    a long list shows the same ones many times)."""
    number = phonenumbers.parse(e164)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


class ContactErrorCode(StrEnum):
    EMPTY = "empty"
    TOO_LONG_INPUT = "too_long_input"
    LETTERS = "letters"
    BAD_CHARACTERS = "bad_characters"
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    UNKNOWN_COUNTRY = "unknown_country"
    INVALID_NUMBER = "invalid_number"
    SHORT_NUMBER = "short_number"
    LANDLINE = "landline"
    PREMIUM_RATE = "premium_rate"
    TOLL_FREE = "toll_free"
    NOT_MOBILE = "not_mobile"
    INVALID_EMAIL = "invalid_email"


class ContactError(ValueError):
    """Raised for input that is not a reachable contact; `message` is for the person typing."""

    def __init__(self, code: ContactErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class PhoneContact:
    """A mobile number in E.164 form (+32470123456)."""

    e164: str

    def __post_init__(self) -> None:
        if not re.fullmatch(r"\+[1-9]\d{6,14}", self.e164):
            raise ValueError("not an E.164 number")

    @property
    def display(self) -> str:
        return _international(self.e164)

    @property
    def channel(self) -> str:
        return "sms"

    @property
    def value(self) -> str:
        return self.e164


@dataclass(frozen=True)
class EmailContact:
    """An e-mail address, normalised by email-validator (domain lower-cased, IDNA)."""

    address: str

    def __post_init__(self) -> None:
        if self.address.count("@") != 1:
            raise ValueError("not an e-mail address")

    @property
    def display(self) -> str:
        return self.address

    @property
    def channel(self) -> str:
        return "email"

    @property
    def value(self) -> str:
        return self.address


Contact = PhoneContact | EmailContact


def contact_from_value(value: str) -> Contact:
    """Rebuilds a stored contact (the `value` of one) without re-validating its rules."""
    return EmailContact(value) if "@" in value else PhoneContact(value)


def parse_contact(text: str, default_region: str = DEFAULT_REGION) -> Contact:
    """Turns what a person typed into a contact the app can send a link to."""
    stripped = text.strip()
    if not stripped:
        raise ContactError(
            ContactErrorCode.EMPTY, "Type the patient's mobile number or e-mail address."
        )
    if len(stripped) > _MAX_INPUT:
        raise ContactError(
            ContactErrorCode.TOO_LONG_INPUT,
            "This is too long to be a phone number or an e-mail address.",
        )
    if "@" in stripped:
        return _parse_email(stripped)
    return _parse_phone(stripped, default_region)


def _parse_email(text: str) -> EmailContact:
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError as error:
        raise ContactError(
            ContactErrorCode.INVALID_EMAIL, f"This e-mail address is not valid: {error}"
        ) from None
    return EmailContact(result.normalized)


def _parse_phone(text: str, region: str) -> PhoneContact:
    compact = _PHONE_PUNCTUATION.sub("", text)
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    body = compact[1:] if compact.startswith("+") else compact
    if not body:
        raise _too_short()
    if any(ch.isalpha() for ch in body):
        raise ContactError(
            ContactErrorCode.LETTERS,
            "A phone number has only digits; for an e-mail address, include the @.",
        )
    if not body.isascii() or not body.isdigit():
        raise ContactError(
            ContactErrorCode.BAD_CHARACTERS,
            "A phone number has only digits, spaces and an optional + in front.",
        )
    if not compact.startswith("+") and _is_short_number(body, region):
        raise ContactError(
            ContactErrorCode.SHORT_NUMBER,
            "This is a short service number; it cannot receive a text message.",
        )
    try:
        number = phonenumbers.parse(compact, region)
    except NumberParseException as error:
        raise _parse_failure(error) from None
    possible = phonenumbers.is_possible_number_with_reason(number)
    if possible == ValidationResult.TOO_SHORT:
        raise _too_short()
    if possible == ValidationResult.TOO_LONG:
        raise _too_long()
    if possible == ValidationResult.INVALID_COUNTRY_CODE:
        raise _unknown_country()
    if not phonenumbers.is_valid_number(number):
        as_mobile = phonenumbers.is_possible_number_for_type_with_reason(
            number, PhoneNumberType.MOBILE
        )
        if as_mobile == ValidationResult.TOO_SHORT:
            raise _too_short()
        if as_mobile == ValidationResult.TOO_LONG:
            raise _too_long()
        raise ContactError(
            ContactErrorCode.INVALID_NUMBER,
            "This number does not exist in its country's numbering plan: check the digits.",
        )
    _require_mobile(phonenumbers.number_type(number))
    return PhoneContact(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def _is_short_number(digits: str, region: str) -> bool:
    if len(digits) > 6:
        return False
    try:
        number = phonenumbers.parse(digits, region)
    except NumberParseException:
        return False
    return bool(shortnumberinfo.is_valid_short_number_for_region(number, region))


def _require_mobile(kind: int) -> None:
    if kind in (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE):
        return
    if kind == PhoneNumberType.FIXED_LINE:
        raise ContactError(
            ContactErrorCode.LANDLINE,
            "This is a landline number: it cannot receive a text message. "
            "Ask for a mobile number or an e-mail address.",
        )
    if kind == PhoneNumberType.PREMIUM_RATE:
        raise ContactError(
            ContactErrorCode.PREMIUM_RATE,
            "This is a premium-rate number: a link is never sent to one.",
        )
    if kind == PhoneNumberType.TOLL_FREE:
        raise ContactError(
            ContactErrorCode.TOLL_FREE,
            "This is a free-phone service number: it cannot receive a text message.",
        )
    raise ContactError(
        ContactErrorCode.NOT_MOBILE,
        "This is not a mobile number: ask for a mobile number or an e-mail address.",
    )


def _parse_failure(error: NumberParseException) -> ContactError:
    if error.error_type == NumberParseException.INVALID_COUNTRY_CODE:
        return _unknown_country()
    if error.error_type == NumberParseException.TOO_LONG:
        return _too_long()
    return _too_short()


def _unknown_country() -> ContactError:
    return ContactError(
        ContactErrorCode.UNKNOWN_COUNTRY,
        "No country has this international prefix: check the digits after the +.",
    )


def _too_short() -> ContactError:
    return ContactError(
        ContactErrorCode.TOO_SHORT, "This number is too short: a digit may be missing."
    )


def _too_long() -> ContactError:
    return ContactError(
        ContactErrorCode.TOO_LONG, "This number is too long: check for an extra digit."
    )
