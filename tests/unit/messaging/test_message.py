from __future__ import annotations

import pytest

from tooddoc_desk.core.contact import EmailContact, PhoneContact
from tooddoc_desk.messaging.message import Channel, OutgoingMessage, SenderId

PHONE = PhoneContact("+32470123456")
LINK = "https://hub.example.be/c/token"


def test_a_message_checks_itself() -> None:
    with pytest.raises(ValueError, match="HTML"):
        OutgoingMessage("c1", Channel.SMS, PHONE, None, "hello " + LINK, html="<p>")
    with pytest.raises(ValueError, match="body"):
        OutgoingMessage("c1", Channel.SMS, PHONE, None, "")
    with pytest.raises(ValueError, match="link"):
        OutgoingMessage("c1", Channel.SMS, PHONE, None, "hello", link=LINK)
    email = EmailContact("a@example.be")
    OutgoingMessage("c1", Channel.EMAIL, email, "s", "b " + LINK, html="<p>", link=LINK)


@pytest.mark.parametrize("key", ["", "a" * 101, "has space", "slash/", "é"])
def test_an_idempotency_key_fits_every_provider(key: str) -> None:
    with pytest.raises(ValueError, match="idempotency"):
        OutgoingMessage("c1", Channel.SMS, PHONE, None, "hi", idempotency_key=key)


def test_every_message_gets_its_own_key_by_default() -> None:
    first = OutgoingMessage("c1", Channel.SMS, PHONE, None, "hi")
    second = OutgoingMessage("c1", Channel.SMS, PHONE, None, "hi")
    assert first.idempotency_key != second.idempotency_key


@pytest.mark.parametrize("value", ["+32470123456", "DrPeeters", "Cabinet 12", "A"])
def test_sender_ids(value: str) -> None:
    assert SenderId(value).value == value


@pytest.mark.parametrize(
    "value", ["", "0470123456", "+0470", "Cabinet Peeters", "12345", "Dr.Peeters", "Médecin"]
)
def test_sender_ids_refused(value: str) -> None:
    with pytest.raises(ValueError, match="11 letters"):
        SenderId(value)


def test_a_numeric_sender_is_a_number() -> None:
    assert SenderId("+32470123456").is_number
    assert not SenderId("DrPeeters").is_number
