from __future__ import annotations

import re

import pytest

from tooddoc_desk.core.contact import EmailContact, PhoneContact
from tooddoc_desk.core.language import Language
from tooddoc_desk.messaging.gsm7 import Encoding, measure
from tooddoc_desk.messaging.message import Channel, OutgoingMessage
from tooddoc_desk.messaging.templates import WORDINGS, invitation

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
    assert message.link == LINK
    assert message.language is language
    assert PHONE.e164 not in message.body


@pytest.mark.parametrize("language", list(Language))
def test_a_practice_name_that_would_force_unicode_gets_plain_stand_ins(
    language: Language,
) -> None:
    message = invitation("c1", PHONE, language, "Cabinet “Crèvecœur”", LINK)
    assert 'Cabinet "Crèvecoeur"' in message.body
    assert measure(message.body).encoding is Encoding.GSM7
    assert measure(message.body).segments == 1


def test_the_link_is_never_changed() -> None:
    odd_link = "https://hub.example.be/c/tok–en’"  # not what the hub makes, but never touched
    message = invitation("c1", PHONE, Language.EN, "Cabinet", odd_link)
    assert odd_link in message.body


def test_a_name_with_no_stand_in_keeps_its_own_spelling() -> None:
    message = invitation("c1", PHONE, Language.EN, "Ιατρείο «Υγεία»", LINK)
    assert "Ιατρείο «Υγεία»" in message.body
    assert measure(message.body).encoding is Encoding.UCS2


@pytest.mark.parametrize("language", list(Language))
def test_a_long_practice_name_takes_the_short_wording_to_stay_in_one_segment(
    language: Language,
) -> None:
    practice = "Groepspraktijk Huisartsen Sint-Jozef Leuven"
    long = WORDINGS[language].sms.format(practice=practice, link=LINK)
    assert measure(long).segments == 2
    message = invitation("c1", PHONE, language, practice, LINK)
    assert measure(message.body).segments == 1
    assert practice in message.body
    assert LINK in message.body


def test_a_name_too_long_for_any_wording_still_gets_the_full_text() -> None:
    practice = "P" * 150
    message = invitation("c1", PHONE, Language.EN, practice, LINK)
    assert message.body == WORDINGS[Language.EN].sms.format(practice=practice, link=LINK)


@pytest.mark.parametrize("language", list(Language))
def test_email_has_subject_link_html_and_never_the_address(language: Language) -> None:
    message = invitation("c1", EMAIL, language, "Tandartspraktijk Janssens", LINK)
    assert message.channel is Channel.EMAIL
    assert message.subject is not None
    assert "Tandartspraktijk Janssens" in message.subject
    assert LINK in message.body
    assert EMAIL.address not in message.body
    assert message.html is not None
    assert f'<html lang="{language.value}">' in message.html
    assert f'href="{LINK}"' in message.html
    assert "Tandartspraktijk Janssens" in message.html
    assert EMAIL.address not in message.html


def test_the_html_escapes_the_practice_name_and_fetches_nothing() -> None:
    message = invitation("c1", EMAIL, Language.FR, 'Dr <b>"Smith" & Co', LINK + "&x=<1>")
    assert message.html is not None
    assert "<b>" not in message.html
    assert "Dr &lt;b&gt;&quot;Smith&quot; &amp; Co" in message.html
    assert 'href="' + LINK + '&amp;x=&lt;1&gt;"' in message.html
    assert not re.search(r"<img|<link|<script|src=|url\(|@import", message.html, re.IGNORECASE)
    hrefs = re.findall(r'href="([^"]*)"', message.html)
    assert hrefs
    assert all(h.startswith("https://hub.example.be/") for h in hrefs)


def test_languages_differ() -> None:
    bodies = {invitation("c1", PHONE, lang, "P", LINK).body for lang in Language}
    assert len(bodies) == len(Language)
    pages = {invitation("c1", EMAIL, lang, "P", LINK).html for lang in Language}
    assert len(pages) == len(Language)


def test_the_idempotency_key_is_the_callers_or_a_new_one() -> None:
    given = invitation("c1", PHONE, Language.FR, "P", LINK, idempotency_key="c1-attempt-2")
    assert given.idempotency_key == "c1-attempt-2"
    first = invitation("c1", PHONE, Language.FR, "P", LINK)
    second = invitation("c1", PHONE, Language.FR, "P", LINK)
    assert first.idempotency_key != second.idempotency_key


def test_message_refuses_a_channel_that_does_not_match_its_contact() -> None:
    with pytest.raises(ValueError, match="channel"):
        OutgoingMessage("c1", Channel.EMAIL, PHONE, "subject", "body")
    with pytest.raises(ValueError, match="subject"):
        OutgoingMessage("c1", Channel.SMS, PHONE, "subject", "body")
