"""The invitation as an e-mail: multipart/alternative (plain text, then HTML), with the headers a
careful mail client would write.

- From: "Practice name <address>" (the name encoded when it is not ASCII);
- Reply-To: the practice's own mailbox, when the sending address is not one a person reads;
- Date, and a Message-ID built from the message's idempotency key and the sender's domain: the
  same invite keeps the same Message-ID on every attempt, so a mail system that saw it already
  may drop the copy;
- Content-Language from the patient's language. No Auto-Submitted: this is a personal invite.

Both parts are quoted-printable, so the message is 7-bit clean for any server.
"""

from __future__ import annotations

from datetime import datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

from tooddoc_desk.core.clock import require_aware
from tooddoc_desk.core.contact import EmailContact
from tooddoc_desk.messaging.message import OutgoingMessage

SMTP_POLICY = policy.SMTP


def mail_domain(address: str) -> str:
    local, at, domain = address.rpartition("@")
    if not local or not at or not domain:
        raise ValueError("not an e-mail address")
    return domain


def build_email(
    message: OutgoingMessage,
    *,
    from_address: str,
    from_name: str,
    reply_to: str | None,
    now: datetime,
) -> EmailMessage:
    if not isinstance(message.to, EmailContact) or message.subject is None:
        raise ValueError("an e-mail goes to an e-mail address and has a subject")
    local, _, domain = from_address.rpartition("@")
    email = EmailMessage(policy=SMTP_POLICY)
    email["From"] = Address(display_name=from_name, username=local, domain=domain)
    email["To"] = message.to.address
    if reply_to:
        email["Reply-To"] = reply_to
    email["Subject"] = message.subject
    email["Date"] = format_datetime(require_aware(now))
    email["Message-ID"] = f"<{message.idempotency_key}@{mail_domain(from_address)}>"
    email.set_content(message.body, subtype="plain", charset="utf-8", cte="quoted-printable")
    if message.html is not None:
        email.add_alternative(message.html, subtype="html", charset="utf-8", cte="quoted-printable")
    if message.language is not None:  # after set_content, which clears Content-* headers
        email["Content-Language"] = message.language.value
    return email
