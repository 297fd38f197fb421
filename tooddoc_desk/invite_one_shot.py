"""`tooddoc-desk invite` when no app runs on the data folder.

- A booking (`--at`) is written to the store; the app sends its link when due, if it runs then.
- An invite to send now needs a hosted hub: the room is made there, the invite goes through the
  outbox to the provider, and the command exits once it is sent, has failed, or is `unknown`.
  No practitioner joins the room from here: the room's practitioner token is kept with the
  consultation in the encrypted store, and the app joins the room when it starts
  (`ConsultationService.rejoin`). With the embedded hub the room would die with the command:
  the command refuses and says to start the app.

The data folder's lock is held meanwhile, so the app does not start half-way through.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta, tzinfo
from typing import TextIO

import httpx
from keyring.backend import KeyringBackend
from PySide6.QtCore import QLockFile

from tooddoc_desk import exit_status as status
from tooddoc_desk.config import Config
from tooddoc_desk.core.clock import SystemClock
from tooddoc_desk.core.consultation import Consultation
from tooddoc_desk.core.contact import Contact
from tooddoc_desk.core.language import Language
from tooddoc_desk.core.payment import Payment
from tooddoc_desk.core.schedule import describe, send_time
from tooddoc_desk.hub.client import HubClient
from tooddoc_desk.hub_connection import HubSetupError, connect_hub
from tooddoc_desk.senders import build_senders
from tooddoc_desk.services.accounts import COMMAND_LINE
from tooddoc_desk.services.consultations import ConsultationService
from tooddoc_desk.services.delivery import DeliveryService
from tooddoc_desk.services.invite_outcome import (
    InviteRequest,
    InviteResult,
    Outcome,
    invite_and_wait,
)
from tooddoc_desk.services.store_access import StoreLocked, open_store
from tooddoc_desk.storage.errors import KeyringChoiceError
from tooddoc_desk.storage.keyring_choice import choose_keyring
from tooddoc_desk.storage.store import Store
from tooddoc_desk.stripe_key import read_stripe_key
from tooddoc_desk.terminal_prompts import TerminalPrompts

LOCK_FILE = "tooddoc-desk.lock"

NEEDS_THE_APP = (
    "No tooddoc-desk app is running with the data folder {folder}. With the built-in hub a "
    "link works only while the app runs, so the invite was not sent: start the app, then run "
    "this command again (or set up a hosted hub: tooddoc-desk hub-key --use)."
)
APP_NOT_ANSWERING = (
    "An app holds the data folder {folder} but does not answer; wait until it has started "
    "(or close it), then try again."
)
NEW_STORE = (
    "The consultation store was created. Write down its recovery key; it is shown only now:"
    "\n\n    {key}\n"
)
NOTHING_SET_UP = (
    "No {what} is set up in settings.json, so the invite cannot be sent from the command line "
    "(the dev outbox shows invites only inside the app)."
)


def run_without_app(
    config: Config,
    request: InviteRequest,
    *,
    out: TextIO,
    err: TextIO,
    tz: tzinfo | None = None,
) -> int:
    folder = config.data_dir
    if request.at is None and config.settings.hub.mode != "hosted":
        print(NEEDS_THE_APP.format(folder=folder), file=err)
        return status.NO_APP
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    lock = QLockFile(str(folder / LOCK_FILE))
    if not lock.tryLock(0):
        if lock.error() is QLockFile.LockError.LockFailedError:
            print(APP_NOT_ANSWERING.format(folder=folder), file=err)
            return status.BUSY
        print(f"The data folder {folder} cannot be written to.", file=err)
        return status.LOCKED
    try:
        return _with_store(config, request, out=out, err=err, tz=tz)
    finally:
        lock.unlock()


def _with_store(
    config: Config, request: InviteRequest, *, out: TextIO, err: TextIO, tz: tzinfo | None
) -> int:
    try:
        keyring = choose_keyring(config.keyring_backend)
        opened = open_store(config.data_dir, keyring, TerminalPrompts())
    except (StoreLocked, KeyringChoiceError) as error:
        print(error, file=err)
        return status.LOCKED
    if opened.new_recovery_key is not None:
        print(NEW_STORE.format(key=opened.new_recovery_key.display), file=err)
    try:
        if request.at is not None:
            print(_book(config, opened.store, request, tz), file=out)
            return status.OK
        result = asyncio.run(send_now(config, opened.store, keyring, request))
    finally:
        opened.store.close()
    print(result.message, file=out if result.outcome.succeeded else err)
    if result.outcome.succeeded:
        return status.OK
    return status.UNKNOWN if result.outcome is Outcome.UNKNOWN else status.NOT_SENT


def _book(config: Config, store: Store, request: InviteRequest, tz: tzinfo | None) -> str:
    assert request.at is not None
    now = SystemClock().now()
    consultation = Consultation(
        request.contact,
        request.language,
        request.requested_at,
        now,
        scheduled_for=request.at,
        payment=None if request.amount_cents is None else Payment.asked(request.amount_cents),
    )
    store.consultations.add(consultation)
    leaves = send_time(request.at, timedelta(minutes=config.settings.invite_lead_minutes))
    return (
        f"Booked for {describe(request.at, now, tz)}. The app sends the link to "
        f"{request.contact.display} {describe(leaves, now, tz) if leaves > now else 'at once'}, "
        "if it is running then; it is not running now."
    )


async def send_now(
    config: Config, store: Store, keyring: KeyringBackend | None, request: InviteRequest
) -> InviteResult:
    settings = config.settings
    clock = SystemClock()
    async with httpx.AsyncClient() as http:
        try:
            hub = await connect_hub(settings.hub, keyring, http)
        except HubSetupError as error:
            return _not_sent(error.message)
        try:
            senders = build_senders(settings, keyring, http, clock=clock)
            if request.contact.channel in senders.dev_channels:
                what = "SMS provider" if request.contact.channel == "sms" else "mail server"
                return _not_sent(NOTHING_SET_UP.format(what=what))

            def addressee(consultation_id: str) -> tuple[Contact, Language]:
                found = store.consultations.get(consultation_id)
                return found.contact, found.language

            delivery = DeliveryService(store.outbox, senders.router, addressee, clock)
            service = ConsultationService(
                store.consultations,
                rooms=HubClient(http, hub.base_url, hub.api_key),
                delivery=delivery,
                open_session=None,
                clock=clock,
                practice_name=settings.practice_name,
                gate=COMMAND_LINE,
                users=store.users,
            )
            # the running app follows the payment once it joins the room again
            payments = service.enable_payments(lambda: read_stripe_key(keyring))

            async def drive(consultation_id: str) -> None:
                invite = delivery.latest(consultation_id)
                if invite is not None:
                    await delivery.deliver_now(invite.id)

            try:
                result = await invite_and_wait(service, clock, request, drive=drive)
            except ValueError as error:  # whom it is for, or a booking's time that passed
                return _not_sent(str(error))
            finally:
                await payments.close()
            await service.settle()
            return result
        finally:
            await hub.close()


def _not_sent(message: str) -> InviteResult:
    return InviteResult(Outcome.FAILED, message)
