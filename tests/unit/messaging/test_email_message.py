from __future__ import annotations

from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import parsedate_to_datetime

import pytest

from tooddoc_desk.core.contact import EmailContact, PhoneContact
from tooddoc_desk.core.language import Language
from tooddoc_desk.messaging.email_message import SMTP_POLICY, build_email
from tooddoc_desk.messaging.templates import invitation

LINK = "https://hub.example.be/c/" + "Ab3_-" * 9
PATIENT = EmailContact("jan.peeters@example.be")
NOW = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)


def built(
    practice: str = "Cabinet Saint-Hélène", reply_to: str | None = "accueil@cabinet.be"
) -> EmailMessage:
    message = invitation("c42", PATIENT, Language.FR, practice, LINK, idempotency_key="c42-1")
    email = build_email(
        message,
        from_address="noreply@cabinet.be",
        from_name=practice,
        reply_to=reply_to,
        now=NOW,
    )
    parsed = message_from_bytes(email.as_bytes(policy=SMTP_POLICY), policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def test_headers() -> None:
    email = built()
    sender = email["From"].addresses[0]
    assert sender.display_name == "Cabinet Saint-Hélène"
    assert sender.addr_spec == "noreply@cabinet.be"
    assert email["To"] == PATIENT.address
    assert email["Reply-To"] == "accueil@cabinet.be"
    assert email["Subject"] == "Votre consultation vidéo avec Cabinet Saint-Hélène"
    assert parsedate_to_datetime(email["Date"]) == NOW
    assert email["Message-ID"] == "<c42-1@cabinet.be>"
    assert email["Content-Language"] == "fr"
    assert email["MIME-Version"] == "1.0"
    assert "Auto-Submitted" not in email


def test_multipart_alternative_plain_then_html() -> None:
    email = built()
    assert email.get_content_type() == "multipart/alternative"
    parts = list(email.iter_parts())
    assert [p.get_content_type() for p in parts] == ["text/plain", "text/html"]
    plain, html = parts
    assert isinstance(plain, EmailMessage)
    assert isinstance(html, EmailMessage)
    assert LINK in plain.get_content()
    assert f'href="{LINK}"' in html.get_content()
    for part in parts:
        assert part.get_content_charset() == "utf-8"
        assert part["Content-Transfer-Encoding"] == "quoted-printable"


def test_the_message_is_seven_bit_clean_with_crlf_lines() -> None:
    message = invitation("c42", PATIENT, Language.DE, "Praxis Müller", LINK)
    email = build_email(
        message, from_address="praxis@example.de", from_name="Praxis Müller", reply_to=None, now=NOW
    )
    raw = email.as_bytes(policy=SMTP_POLICY)
    assert raw.isascii()
    assert b"\r\n" in raw
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert "Reply-To" not in email


def test_a_practice_name_with_commas_and_quotes_stays_one_display_name() -> None:
    email = built(practice='Dr. Peeters, "De Linde"')
    addresses = email["From"].addresses
    assert len(addresses) == 1
    assert addresses[0].display_name == 'Dr. Peeters, "De Linde"'


def test_an_sms_is_not_an_email() -> None:
    sms = invitation("c1", PhoneContact("+32470123456"), Language.FR, "P", LINK)
    with pytest.raises(ValueError, match="e-mail"):
        build_email(sms, from_address="a@b.be", from_name="P", reply_to=None, now=NOW)
