"""The e-mail sender against a real SMTP server (aiosmtpd) on loopback, over TLS, with AUTH."""

from __future__ import annotations

import logging
import ssl
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from tests.helpers.aio import async_test
from tests.helpers.fake_time import FakeTime
from tests.helpers.smtp_server import (
    PASSWORD,
    USER,
    Certificate,
    Mode,
    SmtpServer,
    make_certificate,
)
from tooddoc_desk.core.contact import EmailContact
from tooddoc_desk.core.language import Language
from tooddoc_desk.messaging.deliver import deliver
from tooddoc_desk.messaging.email_sender import SmtpSecurity, SmtpSender, SmtpSettings
from tooddoc_desk.messaging.message import OutgoingMessage
from tooddoc_desk.messaging.problems import Reason
from tooddoc_desk.messaging.retry import RetryPolicy
from tooddoc_desk.messaging.sender import Ambiguous, DeliveryError, Finder
from tooddoc_desk.messaging.templates import invitation

LINK = "https://hub.example.be/c/" + "Tk3_-" * 9
PATIENT = EmailContact("jan.peeters@example.be")
PRACTICE = "Cabinet Saint-Hélène"
POLICY = RetryPolicy(base_delay=2.0, jitter=lambda: 1.0)


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> Certificate:
    return make_certificate(tmp_path_factory.mktemp("tls"))


def settings(
    server: SmtpServer,
    *,
    security: SmtpSecurity = SmtpSecurity.STARTTLS,
    context: ssl.SSLContext | None,
    username: str | None = USER,
    host: str = "localhost",
    timeout: float = 10.0,
) -> SmtpSettings:
    return SmtpSettings(
        host,
        server.port,
        security,
        "noreply@cabinet.be",
        PRACTICE,
        reply_to="accueil@cabinet.be",
        username=username,
        timeout=timeout,
        tls_context=context,
    )


def email(language: Language = Language.FR, to: EmailContact = PATIENT) -> OutgoingMessage:
    return invitation("c42", to, language, PRACTICE, LINK, idempotency_key="c42-1")


def parsed(content: bytes) -> EmailMessage:
    message = message_from_bytes(content, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def ours(caplog: pytest.LogCaptureFixture) -> str:
    """The app's own log lines (the test servers log what they received)."""
    return "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("tooddoc_desk"))


def assert_nothing_personal(text: str, message: OutgoingMessage) -> None:
    for secret in (PATIENT.address, "jan.peeters", LINK, "Tk3_"):
        assert secret not in text


@async_test
async def test_starttls_and_auth_deliver_a_multipart_invitation(certificate: Certificate) -> None:
    async with SmtpServer(certificate, Mode.STARTTLS) as server:
        mail = SmtpSender(settings(server, context=certificate.client_context()), password=PASSWORD)
        receipt = await mail.send(email(Language.NL))
        (delivered,) = server.delivered
        assert delivered.tls
        assert delivered.login == USER
        assert delivered.mail_from == "noreply@cabinet.be"
        assert delivered.rcpt_tos == [PATIENT.address]
        message = parsed(delivered.content)
        assert message["From"].addresses[0].display_name == PRACTICE
        assert message["Reply-To"] == "accueil@cabinet.be"
        assert message["Message-ID"] == "<c42-1@cabinet.be>" == receipt.provider_id
        assert message["Content-Language"] == "nl"
        assert message["Date"]
        plain, html = message.iter_parts()
        assert isinstance(plain, EmailMessage)
        assert isinstance(html, EmailMessage)
        assert plain.get_content_type() == "text/plain"
        assert html.get_content_type() == "text/html"
        assert LINK in plain.get_content()
        assert f'href="{LINK}"' in html.get_content()
        assert "videoconsultatie" in plain.get_content()
        assert receipt.provider == "smtp"
        assert not isinstance(mail, Finder)


@async_test
async def test_implicit_tls_with_auth(certificate: Certificate) -> None:
    async with SmtpServer(certificate, Mode.TLS) as server:
        mail = SmtpSender(
            settings(server, security=SmtpSecurity.TLS, context=certificate.client_context()),
            password=PASSWORD,
        )
        await mail.send(email())
        (delivered,) = server.delivered
        assert delivered.tls
        assert delivered.login == USER


@async_test
async def test_451_then_250_delivers_once(certificate: Certificate) -> None:
    async with SmtpServer(certificate, Mode.STARTTLS) as server:
        server.data_replies.append("451 4.3.0 Mail server temporarily rejected message")
        mail = SmtpSender(settings(server, context=certificate.client_context()), password=PASSWORD)
        time = FakeTime()
        await deliver(mail, email(), POLICY, sleep=time.sleep, monotonic=time.monotonic)
        assert server.data_attempts == 2
        assert len(server.delivered) == 1
        assert time.sleeps == [2.0]


@async_test
async def test_550_fails_at_once_with_a_clear_message(
    certificate: Certificate, caplog: pytest.LogCaptureFixture
) -> None:
    async with SmtpServer(certificate, Mode.STARTTLS) as server:
        server.refused[PATIENT.address] = f"550 5.1.1 <{PATIENT.address}>: user unknown"
        mail = SmtpSender(settings(server, context=certificate.client_context()), password=PASSWORD)
        time = FakeTime()
        message = email()
        with (
            caplog.at_level(logging.DEBUG, logger="tooddoc_desk"),
            pytest.raises(DeliveryError) as raised,
        ):
            await deliver(mail, message, POLICY, sleep=time.sleep, monotonic=time.monotonic)
        error = raised.value
        assert not error.transient
        assert error.reason is Reason.ADDRESS_REFUSED
        assert error.message.startswith("The mail server refused the address")
        assert "(code 550)" in error.message
        assert server.data_attempts == 0
        assert server.delivered == []
        assert time.sleeps == []
        assert_nothing_personal(error.message + repr(error), message)
        assert_nothing_personal(ours(caplog), message)


@async_test
async def test_a_wrong_password_is_a_clear_permanent_error(certificate: Certificate) -> None:
    async with SmtpServer(certificate, Mode.STARTTLS) as server:
        mail = SmtpSender(settings(server, context=certificate.client_context()), password="no")
        with pytest.raises(DeliveryError) as raised:
            await mail.send(email())
        assert raised.value.reason is Reason.CREDENTIALS
        assert not raised.value.transient
        assert "e-mail settings" in raised.value.message
        assert "no" not in raised.value.message.split()
        assert server.delivered == []


@pytest.mark.parametrize("mode", [Mode.STARTTLS, Mode.TLS])
@async_test
async def test_an_untrusted_certificate_stops_the_send(
    mode: Mode, certificate: Certificate, tmp_path: Path
) -> None:
    stranger = make_certificate(tmp_path / "other")  # a CA the server's certificate is not from
    security = SmtpSecurity.TLS if mode is Mode.TLS else SmtpSecurity.STARTTLS
    async with SmtpServer(certificate, mode) as server:
        mail = SmtpSender(
            settings(server, security=security, context=stranger.client_context()),
            password=PASSWORD,
        )
        with pytest.raises(DeliveryError) as raised:
            await mail.send(email())
        assert raised.value.reason is Reason.TLS_FAILED
        assert not raised.value.transient
        assert server.delivered == []


@pytest.mark.parametrize("mode", [Mode.STARTTLS, Mode.TLS])
@async_test
async def test_a_certificate_for_another_name_stops_the_send(mode: Mode, tmp_path: Path) -> None:
    elsewhere = make_certificate(tmp_path / "named", names=("mail.example.test",))
    security = SmtpSecurity.TLS if mode is Mode.TLS else SmtpSecurity.STARTTLS
    async with SmtpServer(elsewhere, mode) as server:
        mail = SmtpSender(
            settings(server, security=security, context=elsewhere.client_context()),
            password=PASSWORD,
        )
        with pytest.raises(DeliveryError) as raised:
            await mail.send(email())
        assert raised.value.reason is Reason.TLS_FAILED
        assert "certificate" in raised.value.message
        assert server.delivered == []


@async_test
async def test_a_server_without_encryption_gets_nothing(certificate: Certificate) -> None:
    async with SmtpServer(certificate, Mode.PLAIN) as server:
        mail = SmtpSender(settings(server, context=certificate.client_context(), username=None))
        with pytest.raises(DeliveryError) as raised:
            await mail.send(email())
        assert raised.value.reason is Reason.NO_ENCRYPTION
        assert server.data_attempts == 0


@async_test
async def test_no_answer_to_data_is_ambiguous_and_never_resent(certificate: Certificate) -> None:
    async with SmtpServer(certificate, Mode.STARTTLS) as server:
        server.stall_data = True
        mail = SmtpSender(
            settings(server, context=certificate.client_context(), timeout=1.0),
            password=PASSWORD,
        )
        time = FakeTime()
        with pytest.raises(Ambiguous) as raised:
            await deliver(mail, email(), POLICY, sleep=time.sleep, monotonic=time.monotonic)
        assert server.data_attempts == 1
        assert "mail server" in raised.value.message.lower()


@async_test
async def test_a_server_that_is_not_there_is_a_passing_error(certificate: Certificate) -> None:
    async with SmtpServer(certificate, Mode.STARTTLS) as server:
        gone = settings(server, context=certificate.client_context())
    mail = SmtpSender(gone, password=PASSWORD)
    with pytest.raises(DeliveryError) as raised:
        await mail.send(email())
    assert raised.value.transient
    assert raised.value.reason is Reason.UNREACHABLE


def test_a_user_name_needs_a_password() -> None:
    with pytest.raises(ValueError, match="password"):
        SmtpSender(SmtpSettings("h", 587, SmtpSecurity.STARTTLS, "a@b.be", "P", username="a@b.be"))
    assert PASSWORD not in repr(
        SmtpSender(
            SmtpSettings("h", 587, SmtpSecurity.STARTTLS, "a@b.be", "P", username="a@b.be"),
            password=PASSWORD,
        )
    )
