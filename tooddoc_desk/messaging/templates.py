"""The invitation's words in French, Dutch, English and German.

The texts name the practice and carry the link, nothing about the patient's health. The SMS
texts stay within the GSM 03.38 alphabet so that they fit in one 160-character segment with a
typical link: the practice name is given plain stand-ins for characters that would force
Unicode (curly quotes, œ, ê, …), never the link; when the name is long, a shorter wording keeps
the text in one segment if it can. The e-mail has a plain-text part and an HTML part.
"""

from __future__ import annotations

from dataclasses import dataclass

from tooddoc_desk.core.contact import Contact
from tooddoc_desk.core.language import Language
from tooddoc_desk.messaging.email_html import invitation_html
from tooddoc_desk.messaging.gsm7 import fit_gsm7, measure
from tooddoc_desk.messaging.message import Channel, OutgoingMessage, new_idempotency_key


@dataclass(frozen=True)
class Wording:
    sms: str
    sms_short: str  # when the practice name makes `sms` longer than one segment
    subject: str
    email: str


WORDINGS: dict[Language, Wording] = {
    Language.FR: Wording(
        sms="{practice} vous invite à une consultation vidéo. Ouvrez ce lien : {link}",
        sms_short="{practice} : consultation vidéo : {link}",
        subject="Votre consultation vidéo avec {practice}",
        email=(
            "Bonjour,\n\n"
            "{practice} vous invite à une consultation vidéo.\n"
            "Ouvrez ce lien dans votre navigateur (Chrome, Safari, Firefox ou Edge) :\n\n"
            "{link}\n\n"
            "Le lien est personnel : ne le transférez pas. Rien n'est enregistré.\n\n"
            "{practice}\n"
        ),
    ),
    Language.NL: Wording(
        sms="{practice} nodigt u uit voor een videoconsultatie. Open deze link: {link}",
        sms_short="{practice}: videoconsultatie: {link}",
        subject="Uw videoconsultatie met {practice}",
        email=(
            "Goeiedag,\n\n"
            "{practice} nodigt u uit voor een videoconsultatie.\n"
            "Open deze link in uw browser (Chrome, Safari, Firefox of Edge):\n\n"
            "{link}\n\n"
            "De link is persoonlijk: stuur hem niet door. Er wordt niets opgenomen.\n\n"
            "{practice}\n"
        ),
    ),
    Language.EN: Wording(
        sms="{practice} invites you to a video consultation. Open this link: {link}",
        sms_short="{practice}: video consultation: {link}",
        subject="Your video consultation with {practice}",
        email=(
            "Hello,\n\n"
            "{practice} invites you to a video consultation.\n"
            "Open this link in your browser (Chrome, Safari, Firefox or Edge):\n\n"
            "{link}\n\n"
            "The link is personal: do not forward it. Nothing is recorded.\n\n"
            "{practice}\n"
        ),
    ),
    Language.DE: Wording(
        sms="{practice} lädt Sie zu einer Videosprechstunde ein. Öffnen Sie diesen Link: {link}",
        sms_short="{practice}: Videosprechstunde: {link}",
        subject="Ihre Videosprechstunde mit {practice}",
        email=(
            "Guten Tag,\n\n"
            "{practice} lädt Sie zu einer Videosprechstunde ein.\n"
            "Öffnen Sie diesen Link in Ihrem Browser (Chrome, Safari, Firefox oder Edge):\n\n"
            "{link}\n\n"
            "Der Link ist persönlich: Bitte leiten Sie ihn nicht weiter. "
            "Es wird nichts aufgezeichnet.\n\n"
            "{practice}\n"
        ),
    ),
}


def invitation(
    consultation_id: str,
    to: Contact,
    language: Language,
    practice: str,
    link: str,
    *,
    idempotency_key: str | None = None,
) -> OutgoingMessage:
    """The invitation for `to` in `language`. `idempotency_key` stays the same for every
    attempt of one invite (a new one is made when not given)."""
    wording = WORDINGS[language]
    key = idempotency_key or new_idempotency_key()
    if to.channel == Channel.SMS:
        return OutgoingMessage(
            consultation_id,
            Channel.SMS,
            to,
            None,
            sms_text(wording, practice, link),
            language=language,
            link=link,
            idempotency_key=key,
        )
    subject = wording.subject.format(practice=practice)
    return OutgoingMessage(
        consultation_id,
        Channel.EMAIL,
        to,
        subject,
        wording.email.format(practice=practice, link=link),
        html=invitation_html(language, practice, link, subject),
        language=language,
        link=link,
        idempotency_key=key,
    )


def sms_text(wording: Wording, practice: str, link: str) -> str:
    """The SMS: the long wording if it fits one segment, else the short one if that fits,
    else the long one (in several segments)."""
    full = _fill(wording.sms, practice, link)
    if measure(full).segments == 1:
        return full
    short = _fill(wording.sms_short, practice, link)
    return short if measure(short).segments == 1 else full


def _fill(template: str, practice: str, link: str) -> str:
    """The template with the practice name, in the GSM alphabet where stand-ins allow, and the
    link exactly as given."""
    before, after = template.split("{link}")
    words = [before.format(practice=practice), after.format(practice=practice)]
    fitted = [fit_gsm7(part) for part in words]
    if any(part.unicode_needed for part in fitted):
        return words[0] + link + words[1]
    return fitted[0].text + link + fitted[1].text
