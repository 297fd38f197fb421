"""The delivery service: the outbox in a real encrypted store, the real httpx provider clients,
and loopback servers that speak Twilio's and Vonage's wire formats. Time is faked: retries and
look-ups happen without waiting."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.helpers.aio import Recorder, async_test
from tests.helpers.fake_time import FakeTime
from tests.helpers.keyring_backend import FolderKeyring
from tests.helpers.sms_providers import (
    TWILIO_SID,
    TWILIO_TOKEN,
    VONAGE_KEY,
    VONAGE_SECRET,
    FakeProvider,
    FakeTwilio,
    FakeVonage,
    Reply,
    Step,
    twilio_error,
)
from tests.helpers.storage import make_consultation
from tooddoc_desk.core.contact import Contact, EmailContact, PhoneContact
from tooddoc_desk.core.delivery import DeliveryState, Invite
from tooddoc_desk.core.language import Language
from tooddoc_desk.messaging.dev_outbox import DevOutbox
from tooddoc_desk.messaging.message import Channel, SenderId
from tooddoc_desk.messaging.retry import RetryPolicy
from tooddoc_desk.messaging.router import ChannelRouter
from tooddoc_desk.messaging.sender import Sender
from tooddoc_desk.messaging.templates import invitation
from tooddoc_desk.messaging.twilio import TwilioSender
from tooddoc_desk.messaging.vonage import VonageSender
from tooddoc_desk.services.delivery import DeliveryService
from tooddoc_desk.storage.store import Store
from tooddoc_desk.storage.store_paths import StorePaths

PATIENT = PhoneContact("+32470123456")
LINK = "https://hub.example.be/c/" + "Qw9_-" * 9
POLICY = RetryPolicy(base_delay=2.0, lookup_delay=5.0, jitter=lambda: 1.0)
SHORT = httpx.Timeout(5.0, read=1.0)  # a stalled provider: the client gives up after 1 s
SENDER = SenderId("DrPeeters")


@dataclass
class Rig:
    store: Store
    service: DeliveryService
    time: FakeTime
    changes: Recorder
    consultation_id: str

    def enqueue(self) -> Invite:
        message = invitation(self.consultation_id, PATIENT, Language.FR, "Cabinet Peeters", LINK)
        return self.service.enqueue(message)

    def state(self, invite: Invite) -> DeliveryState:
        return self.store.outbox.get(invite.id).state

    async def round_after(self, seconds: float) -> Invite:
        """Lets `seconds` pass, then sends what is due; returns the invite as stored."""
        self.time.advance(seconds)
        await self.service.send_due()
        (invite,) = self.store.outbox.for_consultation(self.consultation_id)
        return invite


@asynccontextmanager
async def rig(
    tmp_path: Path, make_sender: type[FakeProvider]
) -> AsyncIterator[tuple[Rig, FakeProvider]]:
    created = Store.create(StorePaths(tmp_path / "store"), keyring=FolderKeyring(tmp_path / "kr"))
    store = created.store
    consultation = make_consultation(PATIENT)
    store.consultations.add(consultation)
    time = FakeTime()

    def addressee(consultation_id: str) -> tuple[Contact, Language]:
        found = store.consultations.get(consultation_id)
        return found.contact, found.language

    async with make_sender() as fake, httpx.AsyncClient() as http:
        sender: Sender
        if isinstance(fake, FakeTwilio):
            sender = TwilioSender(
                http, TWILIO_SID, TWILIO_TOKEN, SENDER, base_url=fake.base_url, timeout=SHORT
            )
        else:
            sender = VonageSender(
                http, VONAGE_KEY, VONAGE_SECRET, SENDER, base_url=fake.base_url, timeout=SHORT
            )
        service = DeliveryService(
            store.outbox, sender, addressee, time, policy=POLICY, sleep=time.sleep
        )
        changes = Recorder()
        service.subscribe(changes)
        try:
            yield Rig(store, service, time, changes, consultation.id), fake
        finally:
            await service.stop()
            store.close()


THROTTLED = Reply(429, twilio_error(429, 20429, "Too Many Requests").body, {"Retry-After": "7"})


@async_test
async def test_twilio_429_503_then_a_timeout_after_acceptance_ends_with_one_message(
    tmp_path: Path,
) -> None:
    async with rig(tmp_path, FakeTwilio) as (r, fake):
        assert isinstance(fake, FakeTwilio)
        fake.script(
            THROTTLED, twilio_error(503, 20503, "Service Unavailable"), Step.ACCEPT_THEN_STALL
        )
        invite = r.enqueue()
        assert r.state(invite) is DeliveryState.PENDING  # written down before anything left

        first = await r.round_after(0)
        assert (first.state, first.attempts) == (DeliveryState.PENDING, 1)
        assert (first.not_before - r.time.now()).total_seconds() == 7  # Retry-After honoured
        assert first.problem is not None

        assert (await r.round_after(3)).attempts == 1  # not due yet: nothing is sent
        second = await r.round_after(4)
        assert (second.state, second.attempts) == (DeliveryState.PENDING, 2)

        third = await r.round_after(4)
        assert third.state is DeliveryState.SENT
        assert third.attempts == 3
        assert len(fake.messages) == 1  # exactly one message at the provider
        assert third.provider_id == fake.messages[0]["sid"]

        await r.round_after(3600)
        assert len(fake.messages) == 1


@async_test
async def test_vonage_cannot_be_asked_so_an_ambiguous_send_becomes_unknown(
    tmp_path: Path,
) -> None:
    async with rig(tmp_path, FakeVonage) as (r, fake):
        assert isinstance(fake, FakeVonage)
        fake.script(Step.ACCEPT_THEN_STALL)
        invite = r.enqueue()
        settled = await r.round_after(0)
        assert settled.state is DeliveryState.UNKNOWN
        assert settled.problem is not None
        assert "+32" not in settled.problem
        assert len(fake.messages) == 1
        await r.round_after(3600)
        assert len(fake.messages) == 1  # never sent again by itself

        again = r.service.resend(invite.id)  # a person decided
        assert again.state is DeliveryState.PENDING
        assert (await r.round_after(0)).state is DeliveryState.SENT
        assert len(fake.messages) == 2


@async_test
async def test_a_permanent_refusal_fails_at_once_in_words(tmp_path: Path) -> None:
    async with rig(tmp_path, FakeTwilio) as (r, fake):
        fake.script(twilio_error(400, 21614, "'To' number is not a valid mobile number"))
        r.enqueue()
        failed = await r.round_after(0)
        assert (failed.state, failed.attempts) == (DeliveryState.FAILED, 1)
        assert failed.problem is not None
        assert "cannot receive SMS" in failed.problem
        await r.round_after(3600)
        assert len(fake.requests) == 1


@async_test
async def test_passing_failures_that_last_give_up_and_say_so(tmp_path: Path) -> None:
    async with rig(tmp_path, FakeTwilio) as (r, fake):
        fake.script(*[twilio_error(503, 20503, "Service Unavailable")] * POLICY.max_attempts)
        r.enqueue()
        invite = await r.round_after(0)
        while invite.state is DeliveryState.PENDING:
            invite = await r.round_after((invite.not_before - r.time.now()).total_seconds())
        assert invite.state is DeliveryState.FAILED
        assert invite.attempts == POLICY.max_attempts
        assert invite.problem is not None
        assert f"tried {POLICY.max_attempts} times" in invite.problem


@async_test
async def test_a_scheduled_invite_waits_for_its_time_and_can_be_withdrawn(tmp_path: Path) -> None:
    async with rig(tmp_path, FakeTwilio) as (r, fake):
        message = invitation(r.consultation_id, PATIENT, Language.NL, "Praktijk", LINK)
        later = r.service.enqueue(message, not_before=r.time.now().replace(hour=11))
        assert r.state(later) is DeliveryState.SCHEDULED
        await r.round_after(60)
        assert fake.requests == []
        assert r.service.cancel(later.id) is not None
        await r.round_after(4 * 3600)
        assert fake.requests == []
        assert r.state(later) is DeliveryState.CANCELLED


@async_test
async def test_a_process_killed_mid_send_leaves_an_unknown_invite_not_a_duplicate(
    tmp_path: Path,
) -> None:
    keyring = FolderKeyring(tmp_path / "kr")
    paths = StorePaths(tmp_path / "store")
    created = Store.create(paths, keyring=keyring)
    consultation = make_consultation(PATIENT)
    created.store.consultations.add(consultation)
    created.store.close()

    async with FakeTwilio() as fake:
        fake.script(Step.ACCEPT_THEN_STALL)
        child = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "tests.integration.services.delivery_child",
            str(paths.folder),
            str(keyring.folder),
            fake.base_url,
            consultation.id,
            stdout=asyncio.subprocess.DEVNULL,
        )
        await fake.wait_for_requests(1, limit=20)
        assert len(fake.messages) == 1  # the provider has it; the sender has no answer yet
        child.kill()
        await child.wait()

        with Store.open_with_keyring(paths, keyring) as store:
            (invite,) = store.outbox.for_consultation(consultation.id)
            assert invite.state is DeliveryState.SENDING  # as the killed process left it
            async with httpx.AsyncClient() as http:
                sender = TwilioSender(
                    http, TWILIO_SID, TWILIO_TOKEN, SENDER, base_url=fake.base_url, timeout=SHORT
                )
                service = DeliveryService(
                    store.outbox, sender, lambda _: (PATIENT, Language.FR), FakeTime()
                )
                (settled,) = service.settle_after_restart()
                assert settled.state is DeliveryState.UNKNOWN
                assert settled.problem is not None
                await service.send_due()
            assert store.outbox.get(invite.id).state is DeliveryState.UNKNOWN
        assert len(fake.messages) == 1  # no silent duplicate


@async_test
async def test_each_channel_goes_to_its_own_sender_which_is_asked_after_an_ambiguity(
    tmp_path: Path,
) -> None:
    async with rig(tmp_path, FakeTwilio) as (r, fake):
        assert isinstance(fake, FakeTwilio)
        outbox = DevOutbox()
        twilio = r.service.sender_for(Channel.SMS)
        routed = DeliveryService(
            r.store.outbox,
            ChannelRouter(sms=twilio, email=outbox),
            lambda _: (PATIENT, Language.FR),
            r.time,
            policy=POLICY,
            sleep=r.time.sleep,
        )
        assert routed.sender_for(Channel.EMAIL) is outbox
        fake.script(Step.ACCEPT_THEN_STALL)  # Twilio took it; the answer was lost
        sms = routed.enqueue(invitation(r.consultation_id, PATIENT, Language.FR, "Cabinet", LINK))
        await routed.send_due()
        found = r.store.outbox.get(sms.id)
        assert found.state is DeliveryState.SENT  # Twilio's listing had it: not sent twice
        assert found.provider_id == fake.messages[0]["sid"]
        assert len(fake.messages) == 1

        mail_to = EmailContact("jan@example.be")
        mailed = make_consultation(mail_to)
        r.store.consultations.add(mailed)
        email = invitation(mailed.id, mail_to, Language.FR, "Cabinet", LINK)
        routed_mail = DeliveryService(
            r.store.outbox,
            ChannelRouter(sms=twilio, email=outbox),
            lambda _: (mail_to, Language.FR),
            r.time,
        )
        invite = routed_mail.enqueue(email)
        await routed_mail.send_due()
        assert r.store.outbox.get(invite.id).state is DeliveryState.SENT
        assert [m.channel for m in outbox.messages] == [Channel.EMAIL]


@async_test
async def test_one_invite_is_delivered_with_its_retries_and_no_other(tmp_path: Path) -> None:
    async with rig(tmp_path, FakeTwilio) as (r, fake):
        assert isinstance(fake, FakeTwilio)
        fake.script(twilio_error(503, 20503, "Service Unavailable"), THROTTLED)
        mine = r.enqueue()
        other = make_consultation(PATIENT)
        r.store.consultations.add(other)
        theirs = r.service.enqueue(invitation(other.id, PATIENT, Language.FR, "Cabinet", LINK))

        settled = await r.service.deliver_now(mine.id)

        assert (settled.state, settled.attempts) == (DeliveryState.SENT, 3)
        assert r.state(theirs) is DeliveryState.PENDING  # left for the sending loop
        assert len(fake.messages) == 1
        assert r.time.sleeps[-1] >= 7  # Retry-After honoured between the tries


@async_test
async def test_an_invite_no_longer_wanted_is_cancelled_instead_of_sent(tmp_path: Path) -> None:
    async with rig(tmp_path, FakeTwilio) as (r, fake):
        r.service.set_wanted(lambda consultation_id: consultation_id != r.consultation_id)
        invite = r.enqueue()
        await r.round_after(0)
        assert r.state(invite) is DeliveryState.CANCELLED
        assert fake.requests == []
