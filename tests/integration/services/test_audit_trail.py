"""What the audit log records when people use the services on a real encrypted store: signing in
(and failing to), out, locking; users added, changed, their passwords reset; notes and chats
opened; exports; settings changed. Whatever patients' contacts and notes are, none of it reaches
an entry."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers.accounts import FAST_HASH, PASSWORD
from tests.helpers.aio import async_test
from tests.helpers.fake_time import FakeTime
from tests.helpers.keyring_backend import FolderKeyring
from tooddoc_desk.config import Settings
from tooddoc_desk.core.chat import ChatMessage, ChatSender, clean_chat_text
from tooddoc_desk.core.contact import Contact, EmailContact, PhoneContact
from tooddoc_desk.core.language import Language
from tooddoc_desk.core.nomenclature import BillingTable
from tooddoc_desk.core.users import NotAllowed, Role
from tooddoc_desk.hub import HubClient, start_hub
from tooddoc_desk.messaging.dev_outbox import DevOutbox
from tooddoc_desk.services import audit
from tooddoc_desk.services.accounts import Accounts, SignInRefused
from tooddoc_desk.services.audit import AuditTrail
from tooddoc_desk.services.consultations import ConsultationService
from tooddoc_desk.services.delivery import DeliveryService
from tooddoc_desk.services.exports import ExportFormat, ExportRequest, Exports
from tooddoc_desk.services.practice_settings import PracticeSettings
from tooddoc_desk.storage.audit_log import AuditEntry
from tooddoc_desk.storage.export_rows import ExportFilter
from tooddoc_desk.storage.store import Store
from tooddoc_desk.storage.store_paths import StorePaths

DOCTOR = frozenset({Role.PRACTITIONER})
RECEPTION = frozenset({Role.RECEPTIONIST})
MANAGER = frozenset({Role.MANAGER})


@dataclass
class Desk:
    store: Store
    accounts: Accounts
    service: ConsultationService
    practice: PracticeSettings
    clock: FakeTime
    exports: Exports
    folder: Path

    async def export(self) -> int:
        """The consultation log as CSV; the rows written."""
        request = ExportRequest(ExportFilter(), ExportFormat.CSV)
        return (await self.exports.export(self.folder / "log.csv", request)).consultations

    def entries(self) -> list[AuditEntry]:
        return self.store.audit.entries()

    def kinds(self) -> list[str]:
        return [entry.kind for entry in self.entries()]

    def last(self) -> AuditEntry:
        return self.entries()[-1]


@asynccontextmanager
async def desk(folder: Path) -> AsyncIterator[Desk]:
    """The services as the app wires them, on a real store and a real hub on loopback; the
    practice's first account (a practitioner who manages) is signed in."""
    keyring = FolderKeyring(folder / "keyring")
    store = Store.create(StorePaths(folder / "data"), keyring=keyring).store
    clock = FakeTime()
    trail = AuditTrail(store.audit, clock)
    hub = await start_hub()
    async with httpx.AsyncClient() as http:
        accounts = Accounts(store.users, clock, FAST_HASH, trail)

        def addressee(consultation_id: str) -> tuple[Contact, Language]:
            found = store.consultations.get(consultation_id)
            return found.contact, found.language

        service = ConsultationService(
            store.consultations,
            rooms=HubClient(http, hub.base_url, hub.api_key, timeout=2),
            delivery=DeliveryService(store.outbox, DevOutbox(), addressee, clock),
            open_session=None,
            clock=clock,
            practice_name="Cabinet Test",
            gate=accounts,
            users=store.users,
            audit=trail,
        )
        practice = PracticeSettings(folder / "data", Settings(), keyring, accounts, trail)
        exports = Exports(
            store.database,
            store.users,
            gate=accounts,
            audit=trail,
            clock=clock,
            billing=BillingTable(),
            practice_name="Cabinet Test",
        )
        await accounts.create_first("Dr Peeters", DOCTOR, PASSWORD, "1-23456-78-901")
        try:
            yield Desk(store, accounts, service, practice, clock, exports, folder)
        finally:
            await service.close()
            await hub.stop()
            store.close()


def book(desk: Desk, contact: Contact, notes: str = "") -> str:
    now = desk.clock.now()
    consultation = desk.service.book(contact, Language.FR, now, now + timedelta(hours=1))
    if notes:
        desk.service.save_notes(consultation.id, notes)
    return consultation.id


@async_test
async def test_signing_in_out_and_locking_are_recorded(tmp_path: Path) -> None:
    async with desk(tmp_path) as d:
        doctor = d.accounts.current
        assert doctor is not None
        assert d.kinds() == [audit.USER_ADDED, audit.SIGN_IN]
        assert d.last().details == {"how": "first_run"}
        d.accounts.lock()
        assert (d.last().kind, d.last().actor, d.last().details) == (
            audit.LOCKED,
            doctor.id,
            {"how": "asked"},
        )
        await d.accounts.unlock(PASSWORD)
        assert (d.last().kind, d.last().details) == (audit.SIGN_IN, {"how": "unlock"})
        d.accounts.auto_lock()
        assert d.last().details == {"how": "idle"}
        with pytest.raises(SignInRefused):
            await d.accounts.unlock("not the password")
        failed = d.last()
        assert (failed.kind, failed.subject, failed.details) == (
            audit.SIGN_IN_FAILED,
            doctor.id,
            {"reason": "wrong_secret"},
        )
        assert failed.actor == audit.NOBODY
        await d.accounts.unlock(PASSWORD)
        d.accounts.sign_out()
        assert (d.last().kind, d.last().actor) == (audit.SIGN_OUT, doctor.id)
        with pytest.raises(SignInRefused):
            await d.accounts.sign_in("Nobody Known", PASSWORD)
        assert (d.last().subject, d.last().details) == (None, {"reason": "unknown_name"})
        assert d.store.audit.verify().intact


@async_test
async def test_changes_to_users_are_recorded_with_ids_and_roles(tmp_path: Path) -> None:
    async with desk(tmp_path) as d:
        manager = d.accounts.current
        assert manager is not None
        clerk = await d.accounts.add_user("Sofie Janssens", RECEPTION, PASSWORD)
        added = d.last()
        assert (added.kind, added.actor, added.subject, added.details) == (
            audit.USER_ADDED,
            manager.id,
            clerk.id,
            {"roles": ["receptionist"]},
        )
        d.accounts.change_user(clerk.id, roles=RECEPTION | MANAGER, inami=None, active=True)
        assert d.last().details == {
            "changed": ["roles"],
            "roles_before": ["receptionist"],
            "roles": ["manager", "receptionist"],
            "active": True,
        }
        d.accounts.change_user(clerk.id, roles=RECEPTION, inami=None, active=False)
        assert d.last().details["changed"] == ["roles", "active"]
        assert d.last().details["active"] is False
        await d.accounts.set_secret(clerk.id, "another good secret")
        assert (d.last().kind, d.last().subject) == (audit.PASSWORD_RESET, clerk.id)
        await d.accounts.set_secret(manager.id, "my own new secret")
        assert (d.last().kind, d.last().subject) == (audit.PASSWORD_CHANGED, manager.id)
        with pytest.raises(SignInRefused):
            await d.accounts.sign_in("Sofie Janssens", "another good secret")
        assert d.last().details == {"reason": "account_disabled"}


@async_test
async def test_reading_notes_and_chats_and_exporting_are_recorded(tmp_path: Path) -> None:
    async with desk(tmp_path) as d:
        doctor = d.accounts.current
        assert doctor is not None
        consultation_id = book(d, PhoneContact("+32470123456"), "Toux depuis mardi.")
        before = len(d.entries())
        assert d.service.notes(consultation_id) == "Toux depuis mardi."
        assert (d.last().kind, d.last().actor, d.last().subject) == (
            audit.NOTES_OPENED,
            doctor.id,
            consultation_id,
        )
        d.store.consultations.chat.add(
            consultation_id, ChatMessage(ChatSender.PATIENT, d.clock.now(), "Bonjour")
        )
        assert [line.text for line in d.service.chat.lines(consultation_id)] == ["Bonjour"]
        assert (d.last().kind, d.last().subject) == (audit.CHAT_OPENED, consultation_id)
        assert len(d.entries()) == before + 2  # saving notes is not reading them

        clerk = await d.accounts.add_user("Sofie Janssens", RECEPTION, PASSWORD)
        manager = await d.accounts.add_user("Els Manager", MANAGER, PASSWORD)
        await d.accounts.sign_in(clerk.name, PASSWORD)
        recorded = len(d.entries())
        with pytest.raises(NotAllowed):
            d.service.notes(consultation_id)
        assert len(d.entries()) == recorded  # refused: nothing was read

        await d.accounts.sign_in(manager.name, PASSWORD)
        assert await d.export() == 1
        assert (d.last().kind, d.last().actor) == (audit.EXPORT, manager.id)
        assert (d.last().details["format"], d.last().details["rows"]) == ("csv", 1)


@async_test
async def test_settings_changes_name_the_keys_never_the_values(tmp_path: Path) -> None:
    async with desk(tmp_path) as d:
        doctor = d.accounts.current
        assert doctor is not None
        changed = replace(
            d.practice.current, practice_name="Cabinet Médical Ixelles", auto_lock_minutes=5
        )
        d.practice.save(changed)
        entry = d.last()
        assert (entry.kind, entry.actor) == (audit.SETTINGS_CHANGED, doctor.id)
        assert entry.details == {"keys": ["auto_lock_minutes", "practice_name"], "secrets": []}
        assert "Ixelles" not in json.dumps(entry.details)


CONTACTS = st.one_of(
    st.from_regex(r"\+324[5-9][0-9]{7}", fullmatch=True).map(PhoneContact),
    st.emails().filter(lambda address: address.count("@") == 1).map(EmailContact),
)
NOTES = st.text(min_size=6, max_size=300).filter(lambda text: len(text.strip()) >= 6)
CHAT = NOTES.map(clean_chat_text).filter(lambda text: len(text) >= 6)


def test_no_patient_data_reaches_the_audit_log(tmp_path: Path) -> None:
    """Booked, noted, chatted, read and exported through the services, whatever the contact,
    the notes and the chat: no entry holds any of them."""
    with asyncio.Runner() as runner:
        stack = AsyncExitStack()
        d = runner.run(stack.enter_async_context(desk(tmp_path)))
        try:

            @settings(
                max_examples=12,
                deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture],
            )
            @given(contact=CONTACTS, notes=NOTES, chat=CHAT)
            def check(contact: Contact, notes: str, chat: str) -> None:
                start = len(d.entries())
                consultation_id = book(d, contact, notes)
                line = ChatMessage(ChatSender.PATIENT, d.clock.now(), chat)
                d.store.consultations.chat.add(consultation_id, line)
                d.service.notes(consultation_id)
                d.service.chat.lines(consultation_id)
                runner.run(d.export())
                written = d.entries()[start:]
                kinds = [entry.kind for entry in written]
                assert kinds == [audit.NOTES_OPENED, audit.CHAT_OPENED, audit.EXPORT]
                for entry in written:
                    stored = " ".join(
                        [entry.actor, entry.kind, entry.subject or "", json.dumps(entry.details)]
                    )
                    for patient_data in (contact.value, notes, notes.strip(), chat):
                        assert patient_data not in stored

            check()
            assert d.store.audit.verify().intact
        finally:
            runner.run(stack.aclose())
