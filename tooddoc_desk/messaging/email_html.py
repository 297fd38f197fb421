"""The HTML part of the invitation e-mail, in French, Dutch, English and German.

A small self-contained page: no remote images, fonts or styles (nothing is fetched when the
patient opens it, so nothing tells anyone the mail was read), inline styles only, the link both
as a button and written out. The practice name and the link are HTML-escaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from tooddoc_desk.core.language import Language


@dataclass(frozen=True)
class HtmlWording:
    greeting: str
    invites: str  # holds {practice}
    button: str
    fallback: str
    personal: str


HTML_WORDINGS: dict[Language, HtmlWording] = {
    Language.FR: HtmlWording(
        greeting="Bonjour,",
        invites="{practice} vous invite à une consultation vidéo.",
        button="Rejoindre la consultation",
        fallback=(
            "Si le bouton ne fonctionne pas, ouvrez ce lien dans votre navigateur "
            "(Chrome, Safari, Firefox ou Edge) :"
        ),
        personal="Le lien est personnel : ne le transférez pas. Rien n'est enregistré.",
    ),
    Language.NL: HtmlWording(
        greeting="Goeiedag,",
        invites="{practice} nodigt u uit voor een videoconsultatie.",
        button="Deelnemen aan de consultatie",
        fallback=(
            "Werkt de knop niet? Open dan deze link in uw browser "
            "(Chrome, Safari, Firefox of Edge):"
        ),
        personal="De link is persoonlijk: stuur hem niet door. Er wordt niets opgenomen.",
    ),
    Language.EN: HtmlWording(
        greeting="Hello,",
        invites="{practice} invites you to a video consultation.",
        button="Join the consultation",
        fallback=(
            "If the button does not work, open this link in your browser "
            "(Chrome, Safari, Firefox or Edge):"
        ),
        personal="The link is personal: do not forward it. Nothing is recorded.",
    ),
    Language.DE: HtmlWording(
        greeting="Guten Tag,",
        invites="{practice} lädt Sie zu einer Videosprechstunde ein.",
        button="An der Sprechstunde teilnehmen",
        fallback=(
            "Falls die Schaltfläche nicht funktioniert, öffnen Sie diesen Link in Ihrem Browser "
            "(Chrome, Safari, Firefox oder Edge):"
        ),
        personal=(
            "Der Link ist persönlich: Bitte leiten Sie ihn nicht weiter. "
            "Es wird nichts aufgezeichnet."
        ),
    ),
}

_PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
</head>
<body style="margin:0;padding:24px;background:#f4f6f8;font-family:Arial,Helvetica,sans-serif;\
color:#1d2733;">
<div style="max-width:560px;margin:0 auto;padding:24px;background:#ffffff;border-radius:8px;">
<p style="margin:0 0 16px;font-size:16px;">{greeting}</p>
<p style="margin:0 0 24px;font-size:16px;">{invites}</p>
<p style="margin:0 0 24px;"><a href="{link}" style="display:inline-block;padding:12px 20px;\
background:#1f6feb;color:#ffffff;text-decoration:none;border-radius:6px;font-size:16px;">\
{button}</a></p>
<p style="margin:0 0 8px;font-size:14px;">{fallback}</p>
<p style="margin:0 0 24px;font-size:14px;word-break:break-all;"><a href="{link}" \
style="color:#1f6feb;">{link}</a></p>
<p style="margin:0 0 16px;font-size:14px;color:#4a5866;">{personal}</p>
<p style="margin:0;font-size:14px;">{practice}</p>
</div>
</body>
</html>
"""


def invitation_html(language: Language, practice: str, link: str, title: str) -> str:
    wording = HTML_WORDINGS[language]
    name = escape(practice, quote=True)
    return _PAGE.format(
        lang=language.value,
        title=escape(title, quote=True),
        greeting=escape(wording.greeting),
        invites=escape(wording.invites).format(practice=name),
        button=escape(wording.button),
        fallback=escape(wording.fallback),
        link=escape(link, quote=True),
        personal=escape(wording.personal),
        practice=name,
    )
