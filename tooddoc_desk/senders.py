"""How the app's invites leave, from settings.json and the keyring: SMS through the practice's
provider, e-mail through its mail server, each on the app's shared httpx client.

    senders = build_senders(settings, keyring, http)
    senders.router           # one Sender: SMS and e-mail each to their own
    senders.dev_outbox       # what the channels with nothing set up go to (shown in the app)
    senders.summary()        # for the status bar: "SMS: Twilio · e-mail: dev outbox (…)"

A channel with nothing set up goes to the dev outbox, as before any set-up. A channel whose
settings name an account whose secret this computer's keyring does not hold refuses every
invite with the sentence that says how to fix it (`messaging.router.Unconfigured`): the
practice believes it is sending, so its invites must not quietly land in the dev outbox.
"""

from __future__ import annotations

import logging
import ssl
from dataclasses import dataclass

import httpx
from keyring.backend import KeyringBackend

from tooddoc_desk.config import Settings
from tooddoc_desk.core.clock import Clock
from tooddoc_desk.messaging.dev_outbox import DevOutbox
from tooddoc_desk.messaging.email_sender import SmtpSecurity, SmtpSender, SmtpSettings
from tooddoc_desk.messaging.message import Channel, SenderId
from tooddoc_desk.messaging.router import ChannelRouter, Unconfigured
from tooddoc_desk.messaging.sender import Sender
from tooddoc_desk.messaging.twilio import TWILIO_API, TwilioSender
from tooddoc_desk.messaging.vonage import VONAGE_API, VonageSender
from tooddoc_desk.provider_keys import ProviderSecretError, email_account, read_secret, sms_account

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Senders:
    router: ChannelRouter
    dev_outbox: DevOutbox
    sms_summary: str
    email_summary: str

    @property
    def dev_channels(self) -> tuple[Channel, ...]:
        """The channels whose invites are shown in the app instead of being sent."""
        return tuple(
            channel
            for channel in Channel
            if isinstance(self.router.for_channel(channel), DevOutbox)
        )

    @property
    def unconfigured(self) -> tuple[Unconfigured, ...]:
        senders = (self.router.for_channel(channel) for channel in Channel)
        return tuple(sender for sender in senders if isinstance(sender, Unconfigured))

    def summary(self) -> str:
        return f"SMS: {self.sms_summary} · e-mail: {self.email_summary}"


def build_senders(
    settings: Settings,
    keyring: KeyringBackend | None,
    http: httpx.AsyncClient,
    *,
    tls_context: ssl.SSLContext | None = None,
    clock: Clock | None = None,
) -> Senders:
    """`tls_context` is what the mail server's certificate is checked against (None: the
    system's authorities)."""
    dev_outbox = DevOutbox()
    sms, sms_summary = _sms(settings, keyring, http, dev_outbox, clock)
    email, email_summary = _email(settings, keyring, dev_outbox, tls_context, clock)
    return Senders(ChannelRouter(sms=sms, email=email), dev_outbox, sms_summary, email_summary)


def _sms(
    settings: Settings,
    keyring: KeyringBackend | None,
    http: httpx.AsyncClient,
    dev_outbox: DevOutbox,
    clock: Clock | None,
) -> tuple[Sender, str]:
    sms = settings.sms
    account = sms_account(sms)
    if account is None or sms.account_id is None or sms.sender_id is None:
        return dev_outbox, "dev outbox (no provider set up)"
    secret = _secret(keyring, account)
    if secret is None:
        log.warning("the %s secret is not in the keyring: SMS invites will fail", sms.provider)
        return Unconfigured(Channel.SMS), f"{sms.provider_name}, but its secret is missing"
    sender_id = SenderId(sms.sender_id)
    if sms.provider == "twilio":
        twilio = TwilioSender(
            http, sms.account_id, secret, sender_id, base_url=sms.api_url or TWILIO_API, clock=clock
        )
        return twilio, f"Twilio (from {sms.sender_id})"
    vonage = VonageSender(
        http, sms.account_id, secret, sender_id, base_url=sms.api_url or VONAGE_API, clock=clock
    )
    return vonage, f"Vonage (from {sms.sender_id})"


def _email(
    settings: Settings,
    keyring: KeyringBackend | None,
    dev_outbox: DevOutbox,
    tls_context: ssl.SSLContext | None,
    clock: Clock | None,
) -> tuple[Sender, str]:
    email = settings.email
    if email.host is None or email.from_address is None:
        return dev_outbox, "dev outbox (no mail server set up)"
    password = None
    account = email_account(email)
    if account is not None:
        password = _secret(keyring, account)
        if password is None:
            log.warning("the mail server's password is not in the keyring: e-mails will fail")
            return Unconfigured(Channel.EMAIL), f"{email.host}, but its password is missing"
    smtp = SmtpSettings(
        email.host,
        email.port,
        SmtpSecurity(email.security),
        email.from_address,
        email.sender_name(settings.practice_name),
        reply_to=email.reply_to,
        username=email.username,
        tls_context=tls_context,
    )
    return SmtpSender(smtp, password=password, clock=clock), f"{email.host} ({email.security})"


def _secret(keyring: KeyringBackend | None, account: str) -> str | None:
    if keyring is None:
        return None
    try:
        return read_secret(keyring, account)
    except ProviderSecretError as error:
        log.warning("a provider secret could not be read: %s", error.message)
        return None
