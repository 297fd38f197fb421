"""The invitation's words in French, Dutch, English and German.

The texts name the practice and carry the link, nothing about the patient's health. The SMS
texts stay within the GSM 03.38 alphabet so that they fit in one 160-character segment with a
typical link.
"""

from __future__ import annotations

from dataclasses import dataclass

from tooddoc_desk.core.contact import Contact
from tooddoc_desk.core.language import Language
from tooddoc_desk.messaging.message import Channel, OutgoingMessage


@dataclass(frozen=True)
class Wording:
    sms: str
    subject: str
    email: str


WORDINGS: dict[Language, Wording] = {
    Language.FR: Wording(
        sms="{practice} vous invite à une consultation vidéo. Ouvrez ce lien : {link}",
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
    consultation_id: str, to: Contact, language: Language, practice: str, link: str
) -> OutgoingMessage:
    wording = WORDINGS[language]
    if to.channel == Channel.SMS:
        return OutgoingMessage(
            consultation_id,
            Channel.SMS,
            to,
            None,
            wording.sms.format(practice=practice, link=link),
        )
    return OutgoingMessage(
        consultation_id,
        Channel.EMAIL,
        to,
        wording.subject.format(practice=practice),
        wording.email.format(practice=practice, link=link),
    )
