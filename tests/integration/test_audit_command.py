"""`tooddoc-desk audit`, `retention` and `purge` on a real store, run in-process through the
command line's own dispatch: verify says the chain holds or names the first broken entry; show
is for managers; a purge stays out of the retention period, asks first, deletes the old
consultations with their notes, chat and timeline, and is audited with its count."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from tests.helpers.accounts import FAST_HASH, PASSWORD
from tests.helpers.fake_time import FakeTime
from tests.helpers.keyring_backend import DOTTED_PATH, FOLDER_VAR, FolderKeyring
from tests.helpers.storage import make_consultation
from tooddoc_desk import __main__ as entry_point
from tooddoc_desk.audit_command import run_audit_command, years_before
from tooddoc_desk.cli import parser
from tooddoc_desk.config import Config, Settings
from tooddoc_desk.core.chat import ChatMessage, ChatSender
from tooddoc_desk.core.users import Role
from tooddoc_desk.services import audit
from tooddoc_desk.services.accounts import Accounts
from tooddoc_desk.services.audit import AuditTrail
from tooddoc_desk.storage.database_key import DatabaseKey
from tooddoc_desk.storage.keyslots import KeySlots
from tooddoc_desk.storage.store import Store
from tooddoc_desk.storage.store_paths import StorePaths

MANAGER = "Els Manager"
DOCTOR = "Dr Peeters"
NOW = FakeTime().now()  # 2026-11-25


class Practice:
    def __init__(self, tmp_path: Path, keyring: FolderKeyring) -> None:
        self.config = Config(tmp_path / "data", Settings(), keyring_backend=DOTTED_PATH)
        self.paths = StorePaths(self.config.data_dir)
        created = Store.create(self.paths, keyring=keyring)
        self.key: DatabaseKey = KeySlots.load(self.paths.keys).unlock_with_recovery_key(
            created.recovery_key
        )
        store = created.store
        clock = FakeTime()
        accounts = Accounts(store.users, clock, FAST_HASH, AuditTrail(store.audit, clock))

        async def people() -> None:
            await accounts.create_first(MANAGER, frozenset({Role.MANAGER}), PASSWORD)
            await accounts.add_user(
                DOCTOR, frozenset({Role.PRACTITIONER}), PASSWORD, "1-23456-78-901"
            )

        asyncio.run(people())
        self.ids = {user.name: user.id for user in store.users.list()}
        self.old: dict[int, str] = {}
        for year in (1990, 2000, 2020):
            consultation = make_consultation(created_at=NOW.replace(year=year), notes="Angine")
            store.consultations.add(consultation)
            store.consultations.chat.add(
                consultation.id, ChatMessage(ChatSender.PATIENT, NOW, "Bonjour docteur")
            )
            self.old[year] = consultation.id
        store.close()

    def run(self, *arguments: str, answers: str = "") -> tuple[int, str]:
        args = parser().parse_args(list(arguments))
        out = io.StringIO()
        status = run_audit_command(
            self.config, args, clock=FakeTime(), stdin=io.StringIO(answers), out=out
        )
        return status, out.getvalue()

    def store(self) -> Store:
        return Store.open_with_key(self.paths, self.key)

    def remaining(self) -> dict[str, int]:
        with self.store() as store, store._database.read() as connection:
            return {
                table: int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                for table in ("consultations", "consultation_events", "chat_messages")
            }


@pytest.fixture
def practice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Practice:
    monkeypatch.setenv(FOLDER_VAR, str(tmp_path / "keyring"))
    return Practice(tmp_path, FolderKeyring(tmp_path / "keyring"))


def test_verify_says_the_chain_holds_then_names_the_entry_changed(practice: Practice) -> None:
    args = parser().parse_args(["audit", "verify"])
    out = io.StringIO()
    # through the command line's own dispatch
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("sys.stdout", out)
        assert entry_point.run_command(practice.config, args) == 0
    assert out.getvalue().startswith("The audit log holds: 3 entries checked, the last on")
    connection = sqlcipher.connect(str(practice.paths.database), isolation_level=None)
    connection.execute(f"PRAGMA key = {practice.key.pragma_value()}")
    connection.execute("DROP TRIGGER audit_log_no_update")
    connection.execute("UPDATE audit_log SET subject = NULL WHERE seq = 2")
    connection.close()
    status, said = practice.run("audit", "verify")
    assert status == 1
    assert said.startswith("The audit log is broken at entry 2:")


def test_show_is_for_managers_and_is_itself_audited(practice: Practice) -> None:
    status, said = practice.run("audit", "show", "--manager", DOCTOR, answers=PASSWORD)
    assert status == 2
    assert said == ""
    status, said = practice.run("audit", "show", "--manager", MANAGER, answers="wrong")
    assert status == 2
    status, said = practice.run("audit", "show", "--manager", MANAGER, answers=PASSWORD)
    assert status == 0
    lines = said.splitlines()
    assert lines[-1] == f"{len(lines) - 1} entries."
    assert any(MANAGER in line and "user_added" in line and DOCTOR in line for line in lines)
    assert any("sign_in_failed" in line and "wrong_secret" in line for line in lines)
    with practice.store() as store:
        last = store.audit.entries()[-1]
        assert (last.kind, last.actor) == (audit.AUDIT_SHOWN, practice.ids[MANAGER])
        assert last.details == {"from": None, "to": None, "entries": len(lines) - 1}
    status, said = practice.run(
        "audit", "show", "--manager", MANAGER, "--from", "2030-01-01", answers=PASSWORD
    )
    assert (status, said) == (0, "0 entries.\n")


def test_a_purge_stays_out_of_the_retention_asks_and_is_audited(
    practice: Practice, capsys: pytest.CaptureFixture[str]
) -> None:
    before = practice.remaining()
    assert before["consultations"] == 3
    limit = years_before(NOW.astimezone().date(), 30).isoformat()
    status, said = practice.run(
        "purge", "--before", "2000-06-01", "--manager", MANAGER, "--yes", answers=PASSWORD
    )
    assert status == 2
    assert f"--before must be {limit} or earlier" in capsys.readouterr().err
    assert practice.remaining()["consultations"] == 3
    status, said = practice.run(
        "purge", "--before", "1995-01-01", "--manager", MANAGER, answers=f"{PASSWORD}\nno\n"
    )
    assert status == 2
    assert practice.remaining()["consultations"] == 3
    status, said = practice.run(
        "purge", "--before", "1995-01-01", "--manager", DOCTOR, "--yes", answers=PASSWORD
    )
    assert status == 2
    status, said = practice.run(
        "purge", "--before", "1995-01-01", "--manager", MANAGER, answers=f"{PASSWORD}\nyes\n"
    )
    assert status == 0, said
    assert said.startswith("1 consultation(s) deleted.")
    assert practice.remaining() == {
        "consultations": 2,
        "consultation_events": before["consultation_events"] * 2 // 3,
        "chat_messages": 2,
    }
    with practice.store() as store:
        entry = store.audit.entries()[-1]
        assert (entry.kind, entry.actor, entry.details) == (
            audit.PURGE,
            practice.ids[MANAGER],
            {"before": "1995-01-01", "consultations": 1},
        )
        assert store.audit.verify().intact


def test_a_lower_retention_is_a_deliberate_audited_change(practice: Practice) -> None:
    status, said = practice.run("retention", "--manager", MANAGER, answers=PASSWORD)
    assert (status, said) == (0, "Consultation records are kept 30 years.\n")
    status, said = practice.run(
        "retention", "--manager", MANAGER, "--years", "10", answers=f"{PASSWORD}\n\n"
    )
    assert status == 2
    assert "Belgian law" in said
    status, said = practice.run(
        "retention", "--manager", MANAGER, "--years", "10", answers=f"{PASSWORD}\nyes\n"
    )
    assert status == 0
    with practice.store() as store:
        assert store.retention.years() == 10
        entry = store.audit.entries()[-1]
        assert (entry.kind, entry.details) == (
            audit.RETENTION_CHANGED,
            {"years_before": 30, "years_after": 10},
        )
    status, said = practice.run(
        "purge", "--before", "2010-01-01", "--manager", MANAGER, "--yes", answers=PASSWORD
    )
    assert (status, said.split(" ")[0]) == (0, "2")
    assert practice.remaining()["consultations"] == 1


def test_no_store_is_made_where_there_is_none(tmp_path: Path) -> None:
    args = parser().parse_args(["audit", "verify", "--data-dir", str(tmp_path / "empty")])
    assert args.data_dir == tmp_path / "empty"
    config = Config(tmp_path / "empty", Settings(), keyring_backend=DOTTED_PATH)
    status = run_audit_command(config, args, stdin=io.StringIO(), out=io.StringIO())
    assert status == 3
    assert not StorePaths(tmp_path / "empty").keys.exists()
