"""The consultation service wired to real parts: a hub on loopback, an encrypted store, the real
session opener (aiortc) with generated media. The invites the hub made are kept, so that a test
can act as someone else holding the practitioner's token.

    async with rig(tmp_path, DevOutbox()) as r:
        consultation = await r.service.invite(PATIENT, Language.FR, SystemClock().now())
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

from tests.helpers.aio import Recorder
from tests.helpers.hub import signaling
from tests.helpers.keyring_backend import FolderKeyring
from tooddoc_desk.calls.publisher import Publisher
from tooddoc_desk.core.clock import SystemClock
from tooddoc_desk.core.contact import PhoneContact
from tooddoc_desk.core.language import Language
from tooddoc_desk.hub import HubClient, RoomInvite, RunningHub, start_hub
from tooddoc_desk.messaging.sender import Sender
from tooddoc_desk.services.consultations import ConsultationService
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


@dataclass
class Rig:
    service: ConsultationService
    store: Store
    hub: RunningHub
    websockets: aiohttp.ClientSession
    events: Recorder
    rooms: RecordingRooms = field(repr=False)


@asynccontextmanager
async def rig(folder: Path, sender: Sender, hub_url: str | None = None) -> AsyncIterator[Rig]:
    created = Store.create(StorePaths(folder), keyring=FolderKeyring(folder / "keyring"))
    hub = await start_hub()
    async with httpx.AsyncClient() as http, aiohttp.ClientSession() as websockets:
        url = hub_url or hub.base_url
        rooms = RecordingRooms(HubClient(http, url, hub.api_key, timeout=2))
        service = ConsultationService(
            created.store.consultations,
            rooms=rooms,
            sender=sender,
            open_session=hub_session_opener(websockets, url, generated_media),
            clock=SystemClock(),
            practice_name="Cabinet Test",
        )
        events = Recorder()
        service.subscribe(events)
        try:
            yield Rig(service, created.store, hub, websockets, events, rooms)
        finally:
            await service.close()
            await hub.stop()
            created.store.close()


def token_of(link: str | None) -> str:
    assert link is not None
    return link.rsplit("/", 1)[1]


async def patient_hello(rig: Rig, link: str) -> dict[str, object]:
    async with signaling(rig.websockets, rig.hub) as patient:
        return await patient.hello("patient", token_of(link))
