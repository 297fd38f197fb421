"""The consultation service wired to real parts: a hub on loopback, an encrypted store, the real
session opener (aiortc) with generated media, the outbox and its delivery loop. The invites the
hub made are kept, so that a test can act as someone else holding the practitioner's token.

    async with rig(tmp_path, DevOutbox()) as r:
        consultation = await r.invited()          # sent, and the consultation `invited`
        await r.events.wait_for(PatientArrived)
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import aiohttp
import httpx

from tests.helpers.accounts import FAST_HASH, PASSWORD
from tests.helpers.aio import Recorder
from tests.helpers.hub import SignalingClient, signaling
from tests.helpers.keyring_backend import FolderKeyring
from tooddoc_desk.calls.publisher import Publisher
from tooddoc_desk.core.clock import Clock, SystemClock
from tooddoc_desk.core.consultation import Consultation, State
from tooddoc_desk.core.contact import Contact, PhoneContact
from tooddoc_desk.core.delivery import DeliveryState, Invite
from tooddoc_desk.core.language import Language
from tooddoc_desk.core.users import Role
from tooddoc_desk.hub import HubClient, RoomInvite, RunningHub, start_hub
from tooddoc_desk.messaging.retry import RetryPolicy
from tooddoc_desk.messaging.sender import Sender
from tooddoc_desk.services.accounts import Accounts
from tooddoc_desk.services.consultations import ConsultationService
from tooddoc_desk.services.delivery import DeliveryService
from tooddoc_desk.services.events import (
    ConsultationChanged,
    InviteChanged,
    PatientArrived,
    Problem,
)
from tooddoc_desk.services.sessions import hub_session_opener
from tooddoc_desk.storage.store import Store
from tooddoc_desk.storage.store_paths import StorePaths

PATIENT = PhoneContact("+32470123456")


async def generated_media() -> Publisher:
    return Publisher.generated()


class RecordingRooms:
    """The hub client, keeping every invite it got (with the practitioner's token)."""

    def __init__(self, client: HubClient) -> None:
        self._client = client
        self.invites: list[RoomInvite] = []

    async def create_room(
        self, practice_name: str, language: Language, ttl: timedelta | None = None
    ) -> RoomInvite:
        invite = await self._client.create_room(practice_name, language, ttl)
        self.invites.append(invite)
        return invite

    async def close_room(self, room_id: str) -> None:
        await self._client.close_room(room_id)

    async def set_payment(
        self,
        room_id: str,
        *,
        paid: bool,
        amount_cents: int,
        checkout_url: str | None = None,
        session_id: str | None = None,
    ) -> None:
        await self._client.set_payment(
            room_id,
            paid=paid,
            amount_cents=amount_cents,
            checkout_url=checkout_url,
            session_id=session_id,
        )


@dataclass
class Rig:
    service: ConsultationService
    delivery: DeliveryService
    store: Store
    hub: RunningHub
    websockets: aiohttp.ClientSession
    events: Recorder
    rooms: RecordingRooms = field(repr=False)
    accounts: Accounts = field(repr=False)

    async def invited(
        self, contact: Contact = PATIENT, language: Language = Language.FR
    ) -> Consultation:
        """Sends an invite and waits until it is sent and the consultation `invited`."""
        consultation = await self.service.invite(contact, language, SystemClock().now())
        changed = await self.events.wait_for_match(
            ConsultationChanged,
            lambda event: (
                event.consultation.id == consultation.id
                and event.consultation.state is not State.DRAFT
            ),
        )
        return changed.consultation

    async def invite_reaches(
        self, consultation_id: str, *states: DeliveryState, limit: float = 10.0
    ) -> Invite:
        """The consultation's invite once it is in one of `states` (as the service told)."""
        changed = await self.events.wait_for_match(
            InviteChanged,
            lambda event: (
                event.invite.consultation_id == consultation_id and event.invite.state in states
            ),
            limit,
        )
        return changed.invite

    async def problem_for(self, consultation_id: str, limit: float = 10.0) -> Problem:
        return await self.events.wait_for_match(
            Problem, lambda problem: problem.consultation_id == consultation_id, limit
        )


FAST = RetryPolicy(base_delay=0.01, max_delay=0.05, lookup_delay=0.01, jitter=lambda: 1.0)


@asynccontextmanager
async def rig(
    folder: Path,
    sender: Sender,
    hub_url: str | None = None,
    *,
    clock: Clock | None = None,
    policy: RetryPolicy = FAST,
    running: bool = True,
) -> AsyncIterator[Rig]:
    """`running`: the delivery loop sends as invites fall due (else the test sends them)."""
    created = Store.create(StorePaths(folder), keyring=FolderKeyring(folder / "keyring"))
    store = created.store
    hub = await start_hub()
    clock = clock or SystemClock()

    def addressee(consultation_id: str) -> tuple[Contact, Language]:
        found = store.consultations.get(consultation_id)
        return found.contact, found.language

    async with httpx.AsyncClient() as http, aiohttp.ClientSession() as websockets:
        url = hub_url or hub.base_url
        rooms = RecordingRooms(HubClient(http, url, hub.api_key, timeout=2))
        delivery = DeliveryService(store.outbox, sender, addressee, clock, policy=policy)
        accounts = Accounts(store.users, clock, FAST_HASH)
        await accounts.create_first(
            "Dr Test", frozenset({Role.PRACTITIONER}), PASSWORD, inami="1-00000-01-001"
        )
        service = ConsultationService(
            store.consultations,
            rooms=rooms,
            delivery=delivery,
            open_session=hub_session_opener(websockets, url, generated_media),
            clock=clock,
            practice_name="Cabinet Test",
            gate=accounts,
            users=store.users,
        )
        events = Recorder()
        service.subscribe(events)
        if running:
            delivery.start()
        try:
            yield Rig(service, delivery, store, hub, websockets, events, rooms, accounts)
        finally:
            await delivery.stop()
            await service.close()
            await hub.stop()
            store.close()


def token_of(link: str | None) -> str:
    assert link is not None
    return link.rsplit("/", 1)[1]


async def patient_hello(rig: Rig, link: str) -> dict[str, object]:
    async with signaling(rig.websockets, rig.hub) as patient:
        return await patient.hello("patient", token_of(link))


PATIENT_DEVICE = "0123456789abcdef0123456789abcdef"


async def admitted_patient(rig: Rig, patient: SignalingClient) -> str:
    """A consultation whose patient (a scripted page on the websocket) entered the waiting room
    and was admitted; its id."""
    consultation = await rig.invited(language=Language.EN)
    await patient.hello("patient", token_of(consultation.link), PATIENT_DEVICE)
    await patient.send({"type": "join"})
    await rig.events.wait_for(PatientArrived)
    await rig.service.admit(consultation.id)
    await patient.expect("admitted")
    return consultation.id
