"""Who may do what, enforced by the services against a real encrypted store: the first
account, signing in with a limit on guesses, locking, managing users, and the consultation
service refusing what a role does not allow."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.accounts import FAST_HASH, PASSWORD
from tests.helpers.aio import async_test
from tests.helpers.fake_time import FakeTime
from tests.helpers.keyring_backend import FolderKeyring
from tests.integration.services.rig import PATIENT, rig
from tooddoc_desk.core.clock import SystemClock
from tooddoc_desk.core.language import Language
from tooddoc_desk.core.nomenclature import BillingTable
from tooddoc_desk.core.users import NotAllowed, Permission, Role, User, UserInputError
from tooddoc_desk.messaging.dev_outbox import DevOutbox
from tooddoc_desk.services.accounts import WRONG, Accounts, SignInRefused
from tooddoc_desk.services.audit import AuditTrail
from tooddoc_desk.services.events import ConsultationChanged
from tooddoc_desk.services.exports import ExportFormat, ExportRequest, Exports
from tooddoc_desk.storage.export_rows import ExportFilter
from tooddoc_desk.storage.history_query import HistoryQuery
from tooddoc_desk.storage.store import Store
from tooddoc_desk.storage.store_paths import StorePaths

PRACTITIONER = frozenset({Role.PRACTITIONER})


def who(accounts: Accounts) -> User | None:
    """The signed-in user (a call, so that each look is a new one)."""
    return accounts.current


def accounts_in(folder: Path, clock: FakeTime | None = None) -> Accounts:
    store = Store.create(StorePaths(folder), keyring=FolderKeyring(folder / "keyring")).store
    return Accounts(store.users, clock or FakeTime(), FAST_HASH)


@async_test
async def test_the_first_account_manages_the_practice_and_there_is_only_one_first(
    tmp_path: Path,
) -> None:
    accounts = accounts_in(tmp_path)
    assert accounts.needs_first_user()
    assert who(accounts) is None
    first = await accounts.create_first("Dr Peeters", PRACTITIONER, PASSWORD, "1-23456-78-901")
    assert first.roles == {Role.PRACTITIONER, Role.MANAGER}
    assert first.inami == "12345678901"
    assert who(accounts) == first
    with pytest.raises(NotAllowed):
        await accounts.create_first("Intruder", PRACTITIONER, PASSWORD, "1-23456-78-902")
    with pytest.raises(UserInputError, match="needs an INAMI"):
        await accounts_in(tmp_path / "other").create_first("Dr X", PRACTITIONER, PASSWORD)


@async_test
async def test_sign_in_tells_nothing_about_names_and_locks_after_five_wrong_tries(
    tmp_path: Path,
) -> None:
    time = FakeTime()
    accounts = accounts_in(tmp_path, time)
    await accounts.create_first("Marc", frozenset(), PASSWORD)
    accounts.sign_out()
    assert who(accounts) is None

    for name, secret in (("Nobody", PASSWORD), ("Marc", "wrong password!")):
        with pytest.raises(SignInRefused) as refused:
            await accounts.sign_in(name, secret)
        assert refused.value.message == WRONG
    for _ in range(4):  # five wrong in a row, with the one above
        with pytest.raises(SignInRefused):
            await accounts.sign_in("Marc", "wrong password!")
    with pytest.raises(SignInRefused, match="try again in 5 minute"):
        await accounts.sign_in("Marc", PASSWORD)  # even the right one, for now
    time.advance(5 * 60 + 1)
    signed_in = await accounts.sign_in("  marc ", PASSWORD)
    assert who(accounts) == signed_in


@async_test
async def test_a_locked_screen_hides_the_user_until_their_secret(tmp_path: Path) -> None:
    accounts = accounts_in(tmp_path)
    seen: list[object] = []
    accounts.subscribe(seen.append)
    user = await accounts.create_first("Marc", frozenset(), PASSWORD)
    accounts.lock()
    assert who(accounts) is None
    assert accounts.locked_user == user
    with pytest.raises(NotAllowed):
        accounts.require(Permission.EXPORT)
    with pytest.raises(SignInRefused):
        await accounts.unlock("not the password")
    assert await accounts.unlock(PASSWORD) == user
    assert who(accounts) == user
    assert seen == [user, None, user]


@async_test
async def test_managers_manage_users_and_keep_one_manager(tmp_path: Path) -> None:
    accounts = accounts_in(tmp_path)
    manager = await accounts.create_first("Marc", frozenset(), PASSWORD)
    anne = await accounts.add_user("Anne", frozenset({Role.RECEPTIONIST}), "482915")
    assert [u.name for u in accounts.users()] == ["Anne", "Marc"]
    with pytest.raises(UserInputError, match="at least one active manager"):
        accounts.change_user(
            manager.id, roles=frozenset({Role.RECEPTIONIST}), inami=None, active=True
        )
    with pytest.raises(UserInputError, match="at least one active manager"):
        accounts.change_user(manager.id, roles=manager.roles, inami=None, active=False)

    accounts.sign_out()
    await accounts.sign_in("Anne", "482915")
    with pytest.raises(NotAllowed, match="Anne cannot manage users"):
        accounts.users()
    with pytest.raises(NotAllowed):
        await accounts.add_user("Eve", frozenset({Role.MANAGER}), PASSWORD)
    with pytest.raises(NotAllowed):
        await accounts.set_secret(manager.id, "another long password")
    await accounts.set_secret(anne.id, "593016")  # her own
    accounts.sign_out()
    await accounts.sign_in("Anne", "593016")

    accounts.sign_out()
    await accounts.sign_in("Marc", PASSWORD)
    accounts.change_user(anne.id, roles=anne.roles, inami=None, active=False)
    accounts.sign_out()
    with pytest.raises(SignInRefused, match="wrong"):
        await accounts.sign_in("Anne", "593016")  # no longer allowed in


@async_test
async def test_the_consultation_service_refuses_what_a_role_does_not_allow(
    tmp_path: Path,
) -> None:
    async with rig(tmp_path, DevOutbox()) as r:
        await r.accounts.add_user("Anne", frozenset({Role.RECEPTIONIST}), "482915")
        await r.accounts.add_user("Marc", frozenset({Role.MANAGER}), PASSWORD)
        exports = Exports(
            r.store.database,
            r.store.users,
            gate=r.accounts,
            audit=AuditTrail(r.store.audit, SystemClock()),
            clock=SystemClock(),
            billing=BillingTable(),
            practice_name="Cabinet Test",
        )

        async def export() -> int:
            request = ExportRequest(ExportFilter(), ExportFormat.CSV)
            return (await exports.export(tmp_path / "log.csv", request)).consultations

        r.accounts.sign_out()
        with pytest.raises(NotAllowed, match="Nobody signed in cannot see the waiting room"):
            r.service.today()
        with pytest.raises(NotAllowed):
            await r.service.invite(PATIENT, Language.FR, SystemClock().now())

        await r.accounts.sign_in("Anne", "482915")  # reception: sends, never runs calls
        consultation = await r.invited()
        assert [c.id for c in r.service.today()] == [consultation.id]
        with pytest.raises(NotAllowed, match="Anne cannot run calls"):
            await r.service.admit(consultation.id)
        with pytest.raises(NotAllowed, match="Anne cannot export"):
            await export()

        r.accounts.sign_out()
        await r.accounts.sign_in("Marc", PASSWORD)  # the manager exports, sends nothing
        assert await export() == 1
        with pytest.raises(NotAllowed, match="Marc cannot send consultation links"):
            await r.service.withdraw(consultation.id)

        r.accounts.lock()
        with pytest.raises(NotAllowed):
            await export()


@async_test
async def test_notes_are_for_practitioners_and_never_leave_with_a_consultation(
    tmp_path: Path,
) -> None:
    async with rig(tmp_path, DevOutbox()) as r:  # Dr Test: practitioner (and manager)
        consultation = await r.invited()
        r.service.save_notes(consultation.id, "Toux depuis 3 jours")
        assert r.service.notes(consultation.id) == "Toux depuis 3 jours"
        assert r.store.consultations.get(consultation.id).notes == "Toux depuis 3 jours"
        seen = [c.notes for c in r.service.today() + r.service.search(HistoryQuery())[0]]
        seen += [r.service.get(consultation.id).notes]
        seen += [e.consultation.notes for e in r.events.of(ConsultationChanged)]
        assert set(seen) == {""}

        await r.accounts.add_user("Anne", frozenset({Role.RECEPTIONIST}), "482915")
        r.accounts.sign_out()
        await r.accounts.sign_in("Anne", "482915")
        with pytest.raises(NotAllowed, match="Anne cannot read or write"):
            r.service.notes(consultation.id)
        with pytest.raises(NotAllowed):
            r.service.save_notes(consultation.id, "")
        assert r.store.consultations.get(consultation.id).notes == "Toux depuis 3 jours"


@async_test
async def test_each_consultation_is_for_a_practitioner_and_names_who_sent_it(
    tmp_path: Path,
) -> None:
    async with rig(tmp_path, DevOutbox()) as r:  # Dr Test: practitioner (and manager)
        doctor = r.accounts.current
        assert doctor is not None
        own = await r.invited()
        assert (own.practitioner_id, own.sent_by) == (doctor.id, doctor.id)

        anne = await r.accounts.add_user("Anne", frozenset({Role.RECEPTIONIST}), "482915")
        janssens = await r.accounts.add_user(
            "Dr Janssens", PRACTITIONER, "another long password", "2-34567-89-012"
        )
        r.accounts.sign_out()
        await r.accounts.sign_in("Anne", "482915")
        assert [p.name for p in r.service.practitioners()] == ["Dr Janssens", "Dr Test"]
        now = SystemClock().now()
        with pytest.raises(ValueError, match="Choose the practitioner"):
            await r.service.invite(PATIENT, Language.FR, now)
        with pytest.raises(ValueError, match="not one of the practice's practitioners"):
            await r.service.invite(PATIENT, Language.FR, now, practitioner_id=anne.id)
        sent = await r.service.invite(PATIENT, Language.NL, now, practitioner_id="dr janssens")
        assert (sent.practitioner_id, sent.sent_by) == (janssens.id, anne.id)
        stored = r.store.consultations.get(sent.id)
        assert (stored.practitioner_id, stored.sent_by) == (janssens.id, anne.id)
