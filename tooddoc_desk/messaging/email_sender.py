"""Invitations by e-mail through the practice's SMTP server, with aiosmtplib.

    mail = SmtpSender(SmtpSettings("smtp.example.be", 587, SmtpSecurity.STARTTLS,
                                   "noreply@cabinet.be", "Cabinet Peeters",
                                   reply_to="accueil@cabinet.be", username="noreply@cabinet.be"),
                      password=keyring_password)
    receipt = await mail.send(message)

The connection is always encrypted: STARTTLS (required, never opportunistic) or implicit TLS,
with the certificate checked. Each send opens its own connection and steps through it, so that
a failure says how far the message got:

- before DATA (connection, TLS, login, MAIL FROM, RCPT TO): nothing left; a 4xx reply or a lost
  connection is transient, a 5xx reply permanent (550 "the mail server refused the address");
- during DATA: a 4xx/5xx reply is the server's clear refusal, but a timeout or a dropped
  connection leaves it unclear whether the server took the message: `Ambiguous`.

The server's reply text is never kept (it often repeats the address); only its code is logged.
"""

from __future__ import annotations

import logging
import ssl
from dataclasses import dataclass, field
from enum import StrEnum

import aiosmtplib

from tooddoc_desk.core.clock import Clock, SystemClock
from tooddoc_desk.core.contact import EmailContact
from tooddoc_desk.messaging.email_message import SMTP_POLICY, build_email, mail_domain
from tooddoc_desk.messaging.message import Channel, OutgoingMessage, Receipt
from tooddoc_desk.messaging.problems import MAIL_SERVER, Reason, sentence
from tooddoc_desk.messaging.sender import Ambiguous, DeliveryError

log = logging.getLogger(__name__)


class SmtpSecurity(StrEnum):
    STARTTLS = "starttls"  # usually port 587
    TLS = "tls"  # implicit TLS, usually port 465


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: SmtpSecurity
    from_address: str
    from_name: str  # the practice's name, as the patient sees it
    reply_to: str | None = None
    username: str | None = None  # the password comes from the keyring, apart
    timeout: float = 30.0
    tls_context: ssl.SSLContext | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        mail_domain(self.from_address)
        if not 0 < self.port < 65536:
            raise ValueError("an SMTP port is between 1 and 65535")

    @property
    def domain(self) -> str:
        return mail_domain(self.from_address)


class SmtpSender:
    provider = "smtp"

    def __init__(
        self, settings: SmtpSettings, *, password: str | None = None, clock: Clock | None = None
    ) -> None:
        if settings.username is not None and password is None:
            raise ValueError("a user name needs its password")
        self._settings = settings
        self._password = password
        self._clock = clock or SystemClock()

    def __repr__(self) -> str:
        return f"SmtpSender({self._settings.host}:{self._settings.port})"

    async def send(self, message: OutgoingMessage) -> Receipt:
        if not isinstance(message.to, EmailContact):
            raise ValueError("an e-mail goes to an e-mail address")
        settings = self._settings
        email = build_email(
            message,
            from_address=settings.from_address,
            from_name=settings.from_name,
            reply_to=settings.reply_to,
            now=self._clock.now(),
        )
        smtp = aiosmtplib.SMTP(
            hostname=settings.host,
            port=settings.port,
            use_tls=settings.security is SmtpSecurity.TLS,
            start_tls=False,  # done by hand below: required, never opportunistic
            tls_context=settings.tls_context,
            timeout=settings.timeout,
            local_hostname=settings.domain,
        )
        try:
            await self._open(smtp)
            await self._envelope(smtp, message.to.address)
            await self._data(smtp, email.as_bytes(policy=SMTP_POLICY))
        except BaseException:
            smtp.close()
            raise
        await _quit(smtp)
        log.info("consultation %s: e-mail accepted by the mail server", message.consultation_id)
        return Receipt(message.consultation_id, Channel.EMAIL, self.provider, email["Message-ID"])

    async def _open(self, smtp: aiosmtplib.SMTP) -> None:
        stage = "connect"
        try:
            await smtp.connect()
            if self._settings.security is SmtpSecurity.STARTTLS:
                stage = "starttls"
                await smtp.ehlo()
                if not smtp.supports_extension("starttls"):
                    raise _permanent(Reason.NO_ENCRYPTION, stage)
                await smtp.starttls()
            if self._settings.username is not None:
                stage = "login"
                await smtp.ehlo()
                if not smtp.supports_extension("auth"):
                    raise _permanent(Reason.NO_AUTH, stage)
                await smtp.login(self._settings.username, self._password or "")
        except DeliveryError:
            raise
        except (aiosmtplib.SMTPException, OSError) as error:
            raise _before_data(error, stage) from None

    async def _envelope(self, smtp: aiosmtplib.SMTP, address: str) -> None:
        recipient, needs_utf8 = _smtp_address(address)
        options: list[str] = []
        if needs_utf8:
            if not smtp.supports_extension("smtputf8"):
                raise _permanent(Reason.ADDRESS_REFUSED, "rcpt")
            options.append("SMTPUTF8")
        try:
            await smtp.mail(self._settings.from_address, options=options, encoding="utf-8")
            await smtp.rcpt(recipient, encoding="utf-8")
        except (aiosmtplib.SMTPException, OSError) as error:
            raise _before_data(error, "envelope") from None

    async def _data(self, smtp: aiosmtplib.SMTP, content: bytes) -> None:
        try:
            await smtp.data(content)
        except aiosmtplib.SMTPResponseException as error:
            raise _reply_failure(error.code, "data", Reason.MESSAGE_REFUSED) from None
        except (aiosmtplib.SMTPException, OSError) as error:
            log.warning("smtp data: no reply (%s)", type(error).__name__)
            raise Ambiguous(service=MAIL_SERVER) from None


_REFUSED_AT = {"starttls": Reason.NO_ENCRYPTION, "login": Reason.CREDENTIALS}


def _before_data(error: Exception, stage: str) -> DeliveryError:
    """A failure before the message was handed over: it did not leave."""
    if isinstance(error, aiosmtplib.SMTPRecipientRefused):
        refused = Reason.MAILBOX_FULL if error.code == 552 else Reason.ADDRESS_REFUSED
        return _reply_failure(error.code, "rcpt", refused)
    if isinstance(error, aiosmtplib.SMTPSenderRefused):
        refused = Reason.CREDENTIALS if error.code == 530 else Reason.SENDER_REFUSED
        return _reply_failure(error.code, "mail", refused)
    if isinstance(error, aiosmtplib.SMTPResponseException):
        return _reply_failure(error.code, stage, _REFUSED_AT.get(stage, Reason.REFUSED))
    if _caused_by_tls(error):
        return _permanent(Reason.TLS_FAILED, stage)
    if stage == "login" and type(error) is aiosmtplib.SMTPException:
        return _permanent(Reason.NO_AUTH, stage)  # no login method both sides know
    log.warning("smtp %s: failed (%s)", stage, type(error).__name__)
    reason = Reason.TIMEOUT if isinstance(error, TimeoutError) else Reason.UNREACHABLE
    return DeliveryError(sentence(reason, MAIL_SERVER), transient=True, reason=reason)


def _reply_failure(code: int, stage: str, refused: Reason) -> DeliveryError:
    log.warning("smtp %s: the server replied %d", stage, code)
    if 400 <= code < 500:
        reason = Reason.PROVIDER_UNAVAILABLE
        return DeliveryError(sentence(reason, MAIL_SERVER, code), transient=True, reason=reason)
    return DeliveryError(sentence(refused, MAIL_SERVER, code), transient=False, reason=refused)


def _permanent(reason: Reason, stage: str) -> DeliveryError:
    log.warning("smtp %s: %s", stage, reason.value)
    return DeliveryError(sentence(reason, MAIL_SERVER), transient=False, reason=reason)


def _caused_by_tls(error: BaseException) -> bool:
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ssl.SSLError | ssl.CertificateError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _smtp_address(address: str) -> tuple[str, bool]:
    """The address as SMTP carries it (the domain in IDNA form) and whether it still needs
    SMTPUTF8 (a local part that is not ASCII)."""
    local, _, domain = address.rpartition("@")
    try:
        ascii_domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        return address, True
    return f"{local}@{ascii_domain}", not local.isascii()


async def _quit(smtp: aiosmtplib.SMTP) -> None:
    """Says goodbye once the message is accepted; a failure here changes nothing."""
    try:
        await smtp.quit()
    except (aiosmtplib.SMTPException, OSError):
        smtp.close()
