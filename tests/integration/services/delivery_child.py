"""A process that sends one invite through Twilio's API and is killed while doing it.

python -m tests.integration.services.delivery_child STORE KEYRING BASE_URL CONSULTATION
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import httpx

from tests.helpers.keyring_backend import FolderKeyring
from tests.helpers.sms_providers import TWILIO_SID, TWILIO_TOKEN
from tooddoc_desk.core.clock import SystemClock
from tooddoc_desk.core.contact import Contact
from tooddoc_desk.core.language import Language
from tooddoc_desk.messaging.message import SenderId
from tooddoc_desk.messaging.templates import invitation
from tooddoc_desk.messaging.twilio import TwilioSender
from tooddoc_desk.services.delivery import DeliveryService
from tooddoc_desk.storage.store import Store
from tooddoc_desk.storage.store_paths import StorePaths

LINK = "https://hub.example.be/c/" + "Kd7_-" * 9


async def main(store_folder: str, keyring_folder: str, base_url: str, consultation_id: str) -> None:
    store = Store.open_with_keyring(
        StorePaths(Path(store_folder)), FolderKeyring(Path(keyring_folder))
    )
    consultation = store.consultations.get(consultation_id)

    def addressee(_: str) -> tuple[Contact, Language]:
        return consultation.contact, consultation.language

    async with httpx.AsyncClient() as http:
        sender = TwilioSender(
            http,
            TWILIO_SID,
            TWILIO_TOKEN,
            SenderId("DrPeeters"),
            base_url=base_url,
            timeout=httpx.Timeout(60),
        )
        service = DeliveryService(store.outbox, sender, addressee, SystemClock())
        message = invitation(consultation_id, consultation.contact, Language.FR, "Cabinet", LINK)
        service.enqueue(message)
        await service.send_due()  # the provider takes the message and never answers


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:5]))
