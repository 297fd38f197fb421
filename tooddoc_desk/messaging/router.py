"""One sender for both channels: SMS to the practice's SMS provider, e-mail to its mail server.

    router = ChannelRouter(sms=TwilioSender(…), email=SmtpSender(…))
    await router.send(message)               # goes to the sender of message.channel
    router.for_channel(Channel.SMS)          # that sender itself (is it a Finder? a StatusSource?)

A channel with nothing set up gets the dev outbox; a channel whose settings name an account
whose secret is missing gets an `Unconfigured` sender, which refuses every message with the
sentence that says how to fix it (never the dev outbox: the practice believes it is sending).
"""

from __future__ import annotations

from tooddoc_desk.messaging.message import Channel, OutgoingMessage, Receipt
from tooddoc_desk.messaging.problems import MAIL_SERVER, SMS_SERVICE, Reason, sentence
from tooddoc_desk.messaging.sender import DeliveryError, Sender


class ChannelRouter:
    provider = "router"

    def __init__(self, *, sms: Sender, email: Sender) -> None:
        self._senders = {Channel.SMS: sms, Channel.EMAIL: email}

    def __repr__(self) -> str:
        return f"ChannelRouter(sms={self.sms!r}, email={self.email!r})"

    @property
    def sms(self) -> Sender:
        return self._senders[Channel.SMS]

    @property
    def email(self) -> Sender:
        return self._senders[Channel.EMAIL]

    def for_channel(self, channel: Channel) -> Sender:
        return self._senders[Channel(channel)]

    async def send(self, message: OutgoingMessage) -> Receipt:
        return await self.for_channel(message.channel).send(message)


class Unconfigured:
    """The sender of a channel whose account is named in the settings but whose secret is not
    in the keyring: every send fails at once, saying what to run."""

    provider = "unconfigured"

    def __init__(self, channel: Channel) -> None:
        self.channel = Channel(channel)

    def __repr__(self) -> str:
        return f"Unconfigured({self.channel.value})"

    @property
    def problem(self) -> str:
        service = MAIL_SERVER if self.channel is Channel.EMAIL else SMS_SERVICE
        return sentence(Reason.SECRET_MISSING, service)

    async def send(self, message: OutgoingMessage) -> Receipt:
        raise DeliveryError(self.problem, transient=False, reason=Reason.SECRET_MISSING)
