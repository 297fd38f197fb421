"""The consultation service against a real hub and a real encrypted store: what happens when the
hub is down, when the invite cannot be delivered, when a link is withdrawn, after a crash."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import aiohttp
import httpx
import pytest

from tests.helpers.aio import Recorder, async_test
from tests.helpers.hub import signaling
from tests.helpers.keyring_backend import FolderKeyring
from tests.helpers.storage import make_consultation
from tooddoc_desk.calls.publisher import Publisher
from tooddoc_desk.core.clock import SystemClock
from tooddoc_desk.core.consultation import State
from tooddoc_desk.core.contact import PhoneContact
from tooddoc_desk.core.language import Language
from tooddoc_desk.hub import HubClient, RunningHub, start_hub
from tooddoc_desk.messaging.dev_outbox import DevOutbox
from tooddoc_desk.messaging.message import OutgoingMessage, Receipt
from tooddoc_desk.messaging.sender import DeliveryError, Sender
from tooddoc_desk.services.consultations import HUB_DOWN, ConsultationService
from tooddoc_desk.services.events import ConsultationChanged, Problem
from tooddoc_desk.services.sessions import hub_session_opener
from tooddoc_desk.storage.store import Store
from tooddoc_desk.storage.store_paths import StorePaths

pytestmark = pytest.mark.usefixtures("loopback_only")
PATIENT = PhoneContact("+32470123456")


class RefusingSender:
    """A provider that refuses the number (as an SMS gateway does for an unreachable one)."""

    async def send(self, message: OutgoingMessage) -> Receipt:
        raise DeliveryError("This number cannot receive text messages.", transient=False)


async def generated_media() -> Publisher:
    return Publisher.generated()


@dataclass
class Rig:
    service: ConsultationService
    store: Store
    hub: RunningHub
    websockets: aiohttp.ClientSession
    events: Recorder


@asynccontextmanager
async def rig(folder: Path, sender: Sender, hub_url: str | None = None) -> AsyncIterator[Rig]:
    created = Store.create(StorePaths(folder), keyring=FolderKeyring(folder / "keyring"))
    hub = await start_hub()
    async with httpx.AsyncClient() as http, aiohttp.ClientSession() as websockets:
        url = hub_url or hub.base_url
        service = ConsultationService(
            created.store.consultations,
            rooms=HubClient(http, url, hub.api_key, timeout=2),
            sender=sender,
            open_session=hub_session_opener(websockets, url, generated_media),
            clock=SystemClock(),
            practice_name="Cabinet Test",
        )
        events = Recorder()
        service.subscribe(events)
        try:
            yield Rig(service, created.store, hub, websockets, events)
        finally:
            await service.close()
            await hub.stop()
            created.store.close()


async def patient_hello(rig: Rig, link: str) -> dict[str, object]:
    token = link.rsplit("/", 1)[1]
    async with signaling(rig.websockets, rig.hub) as patient:
        return await patient.hello("patient", token)


@async_test
async def test_a_hub_that_does_not_answer_fails_the_consultation_clearly(tmp_path: Path) -> None:
    async with rig(tmp_path, DevOutbox(), hub_url="http://127.0.0.1:9") as r:
        consultation = await r.service.invite(PATIENT, Language.FR, SystemClock().now())
        assert consultation.state is State.FAILED
        problem = await r.events.wait_for(Problem)
        assert problem.message == HUB_DOWN
        assert problem.consultation_id == consultation.id
        stored = r.store.consultations.get(consultation.id)
        assert stored.state is State.FAILED
        assert stored.end_reason == "hub_unavailable"


@async_test
async def test_a_refused_invite_fails_and_its_link_stops_working(tmp_path: Path) -> None:
    async with rig(tmp_path, RefusingSender()) as r:
        consultation = await r.service.invite(PATIENT, Language.NL, SystemClock().now())
        assert consultation.state is State.FAILED
        problem = await r.events.wait_for(Problem)
        assert problem.message == "This number cannot receive text messages."
        assert r.store.consultations.get(consultation.id).end_reason == "not_delivered"
        assert consultation.link is not None
        answer = await patient_hello(r, consultation.link)
        assert answer["type"] == "error"
        assert answer["code"] == "invalid_link"


@async_test
async def test_withdrawing_a_link_cancels_the_consultation(tmp_path: Path) -> None:
    outbox = DevOutbox()
    async with rig(tmp_path, outbox) as r:
        consultation = await r.service.invite(PATIENT, Language.EN, SystemClock().now())
        assert consultation.state is State.INVITED
        assert outbox.messages[0].to == PATIENT
        assert consultation.link is not None
        assert (await patient_hello(r, consultation.link))["type"] == "welcome"
        await r.events.wait_for_count(ConsultationChanged, 3)  # draft, invited, opened

        await r.service.cancel(consultation.id)
        stored = r.store.consultations.get(consultation.id)
        assert [t.state for t in stored.history][-1] is State.CANCELLED
        answer = await patient_hello(r, consultation.link)
        assert answer["code"] == "invalid_link"


@async_test
async def test_after_a_crash_open_calls_are_interrupted_and_dead_links_expired(
    tmp_path: Path,
) -> None:
    async with rig(tmp_path, DevOutbox()) as r:
        now = SystemClock().now()
        in_call = make_consultation(created_at=now - timedelta(minutes=20), until=State.IN_CALL)
        invited = make_consultation(created_at=now - timedelta(minutes=5), until=State.INVITED)
        ended = make_consultation(created_at=now - timedelta(hours=2), until=State.ENDED)
        for consultation in (in_call, invited, ended):
            r.store.consultations.add(consultation)

        r.service.recover_after_restart()

        assert r.store.consultations.get(in_call.id).state is State.INTERRUPTED
        assert r.store.consultations.get(invited.id).state is State.EXPIRED
        assert r.store.consultations.get(ended.id).state is State.ENDED
