from __future__ import annotations

import pytest

from tooddoc_desk.core.contact import EmailContact, PhoneContact
from tooddoc_desk.core.language import Language
from tooddoc_desk.messaging.message import Channel, OutgoingMessage
from tooddoc_desk.messaging.templates import invitation

GSM_03_38 = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡"
    "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
LINK = "https://hub.example.be/c/" + "Ab3_-" * 9
PHONE = PhoneContact("+32470123456")
EMAIL = EmailContact("jan.peeters@example.be")


@pytest.mark.parametrize("language", list(Language))
def test_sms_fits_one_gsm7_segment_and_holds_practice_and_link(language: Language) -> None:
    message = invitation("c1", PHONE, language, "Cabinet Peeters", LINK)
    assert message.channel is Channel.SMS
    assert set(message.body) <= GSM_03_38
    assert len(message.body) <= 160
    assert "Cabinet Peeters" in message.body
    assert LINK in message.body
    assert PHONE.e164 not in message.body


@pytest.mark.parametrize("language", list(Language))
def test_email_has_subject_link_and_never_the_address(language: Language) -> None:
    message = invitation("c1", EMAIL, language, "Tandartspraktijk Janssens", LINK)
    assert message.channel is Channel.EMAIL
    assert message.subject is not None
    assert "Tandartspraktijk Janssens" in message.subject
    assert LINK in message.body
    assert EMAIL.address not in message.body


def test_languages_differ() -> None:
    bodies = {invitation("c1", PHONE, lang, "P", LINK).body for lang in Language}
    assert len(bodies) == len(Language)


def test_message_refuses_a_channel_that_does_not_match_its_contact() -> None:
    with pytest.raises(ValueError, match="channel"):
        OutgoingMessage("c1", Channel.EMAIL, PHONE, "subject", "body")
    with pytest.raises(ValueError, match="subject"):
        OutgoingMessage("c1", Channel.SMS, PHONE, "subject", "body")
