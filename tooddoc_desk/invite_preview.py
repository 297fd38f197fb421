"""What `tooddoc-desk invite --dry-run` shows: the invite as it would leave, and by which way,
read from the settings alone (no hub, no store, no keyring, no provider is asked).

The link's secret token is made with the room, when the invite is sent: the preview shows a
stand-in of the same length, so that the SMS's length and segment count are the real ones.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from tooddoc_desk.config import Config
from tooddoc_desk.core.schedule import describe, send_time
from tooddoc_desk.core.tokens import TOKEN_BYTES
from tooddoc_desk.messaging.gsm7 import measure
from tooddoc_desk.messaging.message import Channel
from tooddoc_desk.messaging.templates import invitation
from tooddoc_desk.services.invite_outcome import InviteRequest

TOKEN_STAND_IN = "X" * -(-TOKEN_BYTES * 4 // 3)  # as long as token_urlsafe's (no padding)


def preview(config: Config, request: InviteRequest, now: datetime, tz: tzinfo | None = None) -> str:
    settings = config.settings
    link = f"{hub_base(config)}/c/{TOKEN_STAND_IN}"
    message = invitation("dry-run", request.contact, request.language, settings.practice_name, link)
    lines = [
        "Dry run: nothing was sent; the hub, the store and the providers were not contacted.",
        f"To:       {request.contact.display} ({route(config, message.channel)})",
        f"Language: {request.language.label}",
    ]
    if request.at is None:
        lines.append("When:     now")
    else:
        lead = timedelta(minutes=settings.invite_lead_minutes)
        leaves = send_time(request.at, lead)
        leaving = "at once" if leaves <= now else describe(leaves, now, tz)
        lines.append(
            f"When:     booked for {describe(request.at, now, tz)}; the link leaves {leaving}"
        )
    if message.subject is not None:
        lines.append(f"Subject:  {message.subject}")
    else:
        size = measure(message.body)
        parts = "1 SMS" if size.segments == 1 else f"{size.segments} SMS parts"
        lines.append(f"Length:   {size.units} characters ({size.encoding.upper()}), {parts}")
    lines.append(f"({TOKEN_STAND_IN[:4]}… stands for the link's secret, made when it is sent)")
    lines.append("")
    lines.append(message.body.rstrip("\n"))
    return "\n".join(lines)


def hub_base(config: Config) -> str:
    hub = config.settings.hub
    if hub.mode == "hosted" and hub.url is not None:
        return hub.url
    return f"http://{hub.host}:{hub.port}"


def route(config: Config, channel: Channel) -> str:
    settings = config.settings
    if channel is Channel.SMS:
        if settings.sms.configured:
            return f"SMS through {settings.sms.provider_name}, from {settings.sms.sender_id}"
        return "SMS: no provider is set up, so the app's dev outbox would show it"
    if settings.email.configured:
        return f"e-mail through {settings.email.host}, from {settings.email.from_address}"
    return "e-mail: no mail server is set up, so the app's dev outbox would show it"
