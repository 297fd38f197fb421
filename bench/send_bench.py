"""Send → provider: the time from Send (`ConsultationService.invite` called) to the SMS provider
receiving the request, over 100 sends, p50 and p95.

    scripts/bench.sh     (or, inside a loopback-only namespace: python -m bench.send_bench)

What a send goes through, all real and on this machine: the consultation written to the
encrypted store, its room made on the embedded hub, the practitioner's session joining the room
(websocket, generated media), the invite written to the outbox, the delivery loop waking, the
attempt committed, and Twilio's Messages API called through httpx, here the loopback stand-in
that speaks its wire format (tests/helpers/sms_providers.py). The clock stops when the stand-in
starts handling the request.

Baseline, measured in the same run against the same stand-in: the bare `TwilioSender.send` of
the same message (httpx alone), so the ratio is what the app's way adds.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections.abc import Awaitable, Callable
from functools import partial
from pathlib import Path

import aiohttp
import httpx
from aiohttp import web

from bench.figures import Figure, median, percentile, table
from tests.helpers.accounts import FAST_HASH, PASSWORD
from tests.helpers.keyring_backend import FolderKeyring
from tests.helpers.network import require_loopback_only
from tests.helpers.sms_providers import TWILIO_SID, TWILIO_TOKEN, FakeTwilio, Recorded
from tooddoc_desk.calls.publisher import Publisher
from tooddoc_desk.core.clock import SystemClock
from tooddoc_desk.core.contact import Contact, PhoneContact
from tooddoc_desk.core.language import Language
from tooddoc_desk.core.users import Role
from tooddoc_desk.hub import HubClient, start_hub
from tooddoc_desk.messaging.message import SenderId
from tooddoc_desk.messaging.templates import invitation
from tooddoc_desk.messaging.twilio import TwilioSender
from tooddoc_desk.services.accounts import Accounts
from tooddoc_desk.services.consultations import ConsultationService
from tooddoc_desk.services.delivery import DeliveryService
from tooddoc_desk.services.sessions import hub_session_opener
from tooddoc_desk.storage.store import Store
from tooddoc_desk.storage.store_paths import StorePaths

SENDS = 100
LINK = "https://hub.example.be/c/" + "Bn4_-" * 9


class StampedTwilio(FakeTwilio):
    """The Twilio stand-in, noting when each request reaches it."""

    def __init__(self) -> None:
        super().__init__()
        self.arrivals: list[float] = []
        self._arrived = asyncio.Event()

    async def record(self, request: web.Request) -> Recorded:
        self.arrivals.append(time.perf_counter())
        self._arrived.set()
        return await super().record(request)

    async def arrival(self, count: int) -> float:
        """When request number `count` (1-based) arrived, waiting for it if need be."""
        async with asyncio.timeout(20):
            while len(self.arrivals) < count:
                self._arrived.clear()
                await self._arrived.wait()
        return self.arrivals[count - 1]


def patient(number: int) -> Contact:
    return PhoneContact(f"+3247{number:07d}")


async def generated_media() -> Publisher:
    return Publisher.generated()


async def timed(fake: StampedTwilio, start: Callable[[], Awaitable[object]]) -> float:
    """Seconds from calling `start` to the stand-in receiving the next request."""
    expected = len(fake.arrivals) + 1
    began = time.perf_counter()
    await start()
    return await fake.arrival(expected) - began


async def through_the_app(folder: Path, fake: StampedTwilio, sends: int) -> list[float]:
    created = Store.create(StorePaths(folder / "store"), keyring=FolderKeyring(folder / "keyring"))
    store, clock = created.store, SystemClock()
    hub = await start_hub()

    def addressee(consultation_id: str) -> tuple[Contact, Language]:
        found = store.consultations.get(consultation_id)
        return found.contact, found.language

    try:
        async with httpx.AsyncClient() as http, aiohttp.ClientSession() as websockets:
            sender = TwilioSender(
                http, TWILIO_SID, TWILIO_TOKEN, SenderId("DrPeeters"), base_url=fake.base_url
            )
            delivery = DeliveryService(store.outbox, sender, addressee, clock)
            accounts = Accounts(store.users, clock, FAST_HASH)  # the practitioner sends
            await accounts.create_first(
                "Dr Bench", frozenset({Role.PRACTITIONER}), PASSWORD, inami="1-00000-01-001"
            )
            service = ConsultationService(
                store.consultations,
                rooms=HubClient(http, hub.base_url, hub.api_key),
                delivery=delivery,
                open_session=hub_session_opener(websockets, hub.base_url, generated_media),
                clock=clock,
                practice_name="Cabinet Bench",
                gate=accounts,
                users=store.users,
            )
            delivery.start()
            figures = []
            try:
                for number in range(sends):
                    send = partial(service.invite, patient(number), Language.FR, clock.now())
                    figures.append(await timed(fake, send))
                    for consultation in service.today():  # withdrawn: the next send alone
                        await service.cancel(consultation.id)
            finally:
                await delivery.stop(grace=5)
                await service.close()
    finally:
        await hub.stop()
        store.close()
    return figures


async def bare_sender(fake: StampedTwilio, sends: int) -> list[float]:
    async with httpx.AsyncClient() as http:
        sender = TwilioSender(
            http, TWILIO_SID, TWILIO_TOKEN, SenderId("DrPeeters"), base_url=fake.base_url
        )
        figures = []
        for number in range(sends):
            message = invitation(f"b{number}", patient(number), Language.FR, "Cabinet", LINK)
            figures.append(await timed(fake, partial(sender.send, message)))
        return figures


async def measure(sends: int) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="send-bench-") as folder:
        async with StampedTwilio() as fake:
            await bare_sender(fake, 5)  # warm both up: imports, connection pools
            app = await through_the_app(Path(folder), fake, sends)
            bare = await bare_sender(fake, sends)
    baseline = "bare TwilioSender.send, same stand-in"
    return [
        Figure("Send → provider, p50", median(app) * 1000, median(bare) * 1000, "ms", baseline),
        Figure(
            "Send → provider, p95",
            percentile(app, 0.95) * 1000,
            percentile(bare, 0.95) * 1000,
            "ms",
            baseline,
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description="Send → the SMS provider receiving it.")
    parser.add_argument("--sends", type=int, default=SENDS)
    options = parser.parse_args()
    require_loopback_only()
    print(
        f"send benchmark: {options.sends} invites through the store, the embedded hub, the "
        "practitioner's session and the outbox, to the loopback Twilio stand-in"
    )
    print(table(asyncio.run(measure(options.sends))))


if __name__ == "__main__":
    main()
