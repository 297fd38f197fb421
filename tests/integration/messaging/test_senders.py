"""The app's senders built from settings.json and the keyring, against real parts: the loopback
Twilio and Vonage stand-ins through the app's httpx client, aiosmtpd with STARTTLS and a login.

SMS goes to the configured provider, e-mail to the mail server; a channel with nothing set up
goes to the dev outbox; one whose secret is missing refuses every invite and says what to run.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import httpx
import pytest

from tests.helpers.aio import async_test
from tests.helpers.keyring_backend import FolderKeyring
from tests.helpers.sms_providers import (
    TWILIO_SID,
    TWILIO_TOKEN,
    VONAGE_KEY,
    VONAGE_SECRET,
    FakeTwilio,
    FakeVonage,
)
from tests.helpers.smtp_server import PASSWORD, USER, Certificate, SmtpServer, make_certificate
from tooddoc_desk.config import Settings
from tooddoc_desk.core.contact import EmailContact, PhoneContact
from tooddoc_desk.core.language import Language
from tooddoc_desk.messaging.dev_outbox import DevOutbox
from tooddoc_desk.messaging.message import Channel
from tooddoc_desk.messaging.problems import Reason
from tooddoc_desk.messaging.router import Unconfigured
from tooddoc_desk.messaging.sender import DeliveryError, Finder, StatusSource
from tooddoc_desk.messaging.templates import invitation
from tooddoc_desk.provider_keys import save_secret
from tooddoc_desk.provider_settings import EmailSettings, SmsSettings
from tooddoc_desk.senders import build_senders

LINK = "https://hub.example.be/c/" + "Rt5_-" * 9
PHONE = PhoneContact("+32470123456")
MAIL = EmailContact("jan.peeters@example.be")


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> Certificate:
    return make_certificate(tmp_path_factory.mktemp("tls"))


def sms_settings(fake: FakeTwilio | FakeVonage) -> SmsSettings:
    if isinstance(fake, FakeTwilio):
        return SmsSettings("twilio", "DrPeeters", TWILIO_SID, api_url=fake.base_url)
    return SmsSettings("vonage", "DrPeeters", VONAGE_KEY, api_url=fake.base_url)


def mail_settings(server: SmtpServer) -> EmailSettings:
    return EmailSettings(
        "localhost",
        server.port,
        "starttls",
        "noreply@cabinet.be",
        reply_to="accueil@cabinet.be",
        username=USER,
    )


@async_test
async def test_sms_goes_to_twilio_and_email_to_the_mail_server(
    tmp_path: Path, certificate: Certificate
) -> None:
    keyring = FolderKeyring(tmp_path)
    save_secret(keyring, f"twilio-auth-token:{TWILIO_SID}", TWILIO_TOKEN)
    async with FakeTwilio() as fake, SmtpServer(certificate) as server, httpx.AsyncClient() as http:
        save_secret(keyring, f"smtp-password:{USER}@localhost", PASSWORD)
        settings = Settings(
            practice_name="Cabinet Peeters", sms=sms_settings(fake), email=mail_settings(server)
        )
        senders = build_senders(settings, keyring, http, tls_context=certificate.client_context())
        assert senders.dev_channels == ()
        assert senders.summary() == "SMS: Twilio (from DrPeeters) · e-mail: localhost (starttls)"
        sms = senders.router.for_channel(Channel.SMS)
        assert isinstance(sms, Finder)
        assert isinstance(sms, StatusSource)

        receipt = await senders.router.send(invitation("c1", PHONE, Language.FR, "Cabinet", LINK))
        assert receipt.provider == "twilio"
        assert fake.messages[0]["to"] == PHONE.e164
        assert fake.messages[0]["from"] == "DrPeeters"

        mailed = await senders.router.send(invitation("c2", MAIL, Language.NL, "Cabinet", LINK))
        assert mailed.provider == "smtp"
        (delivered,) = await server.wait_for_delivered(1)
        assert delivered.login == USER
        assert delivered.tls
        assert b"From: Cabinet Peeters <noreply@cabinet.be>" in delivered.content


@async_test
async def test_vonage_is_used_with_its_api_secret(tmp_path: Path) -> None:
    keyring = FolderKeyring(tmp_path)
    save_secret(keyring, f"vonage-api-secret:{VONAGE_KEY}", VONAGE_SECRET)
    async with FakeVonage() as fake, httpx.AsyncClient() as http:
        senders = build_senders(Settings(sms=sms_settings(fake)), keyring, http)
        assert senders.dev_channels == (Channel.EMAIL,)
        await senders.router.send(invitation("c1", PHONE, Language.FR, "Cabinet", LINK))
        assert fake.messages[0]["to"] == PHONE.e164.removeprefix("+")
        assert "e-mail: dev outbox" in senders.summary()


@async_test
async def test_nothing_set_up_goes_to_the_dev_outbox(tmp_path: Path) -> None:
    async with httpx.AsyncClient() as http:
        senders = build_senders(Settings(), None, http)
        assert senders.dev_channels == (Channel.SMS, Channel.EMAIL)
        assert senders.router.sms is senders.dev_outbox
        assert isinstance(senders.router.email, DevOutbox)
        await senders.router.send(invitation("c1", MAIL, Language.EN, "Cabinet", LINK))
        assert [m.to for m in senders.dev_outbox.messages] == [MAIL]


@async_test
async def test_a_missing_secret_refuses_invites_and_says_what_to_run(tmp_path: Path) -> None:
    async with FakeTwilio() as fake, httpx.AsyncClient() as http:
        settings = Settings(
            sms=sms_settings(fake),
            email=replace(EmailSettings("smtp.example.be", from_address="a@b.be"), username="x"),
        )
        senders = build_senders(settings, FolderKeyring(tmp_path), http)
        assert senders.dev_channels == ()  # set up: never quietly in the dev outbox
        assert [u.channel for u in senders.unconfigured] == [Channel.SMS, Channel.EMAIL]
        assert "secret is missing" in senders.summary()
        with pytest.raises(DeliveryError) as refused:
            await senders.router.send(invitation("c1", PHONE, Language.FR, "Cabinet", LINK))
        assert refused.value.reason is Reason.SECRET_MISSING
        assert not refused.value.transient
        assert "tooddoc-desk provider-secret --sms" in refused.value.message
        email = senders.router.for_channel(Channel.EMAIL)
        assert isinstance(email, Unconfigured)
        assert "provider-secret --email" in email.problem
        assert fake.requests == []
