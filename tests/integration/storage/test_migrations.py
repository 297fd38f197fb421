"""Numbered migrations: each whole or not at all, with an encrypted backup first."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from tests.helpers.keyring_backend import FolderKeyring
from tests.helpers.storage import T0, add_before_bookings, folder_snapshot, make_consultation
from tooddoc_desk.core.consultation import State
from tooddoc_desk.core.delivery import DeliveryState, Invite
from tooddoc_desk.storage import (
    CreatedStore,
    DatabaseTooNew,
    MigrationFailed,
    Store,
    StorePaths,
)
from tooddoc_desk.storage.database import SQLITE_HEADER, EncryptedConnector
from tooddoc_desk.storage.database_key import DatabaseKey
from tooddoc_desk.storage.migrations import MIGRATIONS, Migration, sql
from tooddoc_desk.storage.outbox import Letter

ADD_PRACTITIONER = Migration(
    len(MIGRATIONS) + 1,
    "who held the consultation",
    sql(
        "ALTER TABLE consultations ADD COLUMN practitioner TEXT",
        "UPDATE consultations SET practitioner = 'dr-a'",
    ),
)


def _fail_halfway(connection: sqlite3.Connection) -> None:
    connection.execute("ALTER TABLE consultations ADD COLUMN half TEXT")
    connection.execute("UPDATE consultations SET notes = 'overwritten'")
    raise RuntimeError("the patient's notes say: secret")  # must not reach the message


FAILING = Migration(len(MIGRATIONS) + 1, "fails half-way", _fail_halfway)


def columns(paths: StorePaths, key: DatabaseKey) -> set[str]:
    connection = EncryptedConnector(key)(paths.database, read_only=True)
    try:
        return {row[1] for row in connection.execute("PRAGMA table_info(consultations)")}
    finally:
        connection.close()


@pytest.fixture
def with_data(created: CreatedStore) -> str:
    consultation = make_consultation(notes="à garder", until=State.ENDED)
    created.store.consultations.add(consultation)
    created.store.close()
    return consultation.id


def test_a_new_store_is_at_the_latest_version(store: Store) -> None:
    assert store.schema_version == len(MIGRATIONS)


def test_the_version_advances_and_a_backup_is_made_first(
    with_data: str, paths: StorePaths, database_key: DatabaseKey
) -> None:
    with Store.open_with_key(
        paths, database_key, migrations=(*MIGRATIONS, ADD_PRACTITIONER)
    ) as store:
        assert store.schema_version == ADD_PRACTITIONER.version
        assert store.consultations.get(with_data).notes == "à garder"
    assert "practitioner" in columns(paths, database_key)

    (backup,) = paths.backups.iterdir()
    assert backup.name.startswith(f"consultations-v{len(MIGRATIONS)}-")
    data = backup.read_bytes()
    assert not data.startswith(SQLITE_HEADER)
    assert "à garder".encode() not in data
    copy = EncryptedConnector(database_key)(backup, read_only=True)  # same key opens it
    try:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert copy.execute("SELECT notes FROM consultations").fetchall() == [("à garder",)]
    finally:
        copy.close()


def test_an_up_to_date_store_is_not_backed_up_again(
    with_data: str, paths: StorePaths, database_key: DatabaseKey
) -> None:
    Store.open_with_key(paths, database_key).close()
    assert not paths.backups.exists()


def test_a_failing_migration_rolls_back_and_keeps_the_data(
    with_data: str, paths: StorePaths, database_key: DatabaseKey
) -> None:
    with pytest.raises(MigrationFailed) as caught:
        Store.open_with_key(paths, database_key, migrations=(*MIGRATIONS, FAILING))
    assert caught.value.version == FAILING.version
    assert "secret" not in str(caught.value)
    assert caught.value.__cause__ is None
    assert caught.value.backup is not None
    assert str(paths.backups) in caught.value.message
    assert "half" not in columns(paths, database_key)
    with Store.open_with_key(paths, database_key) as store:
        assert store.schema_version == len(MIGRATIONS)
        assert store.consultations.get(with_data).notes == "à garder"
        assert store.integrity_problems() == []


def test_an_sql_error_is_named_in_the_message(
    with_data: str, paths: StorePaths, database_key: DatabaseKey
) -> None:
    broken = Migration(len(MIGRATIONS) + 1, "typo", sql("ALTER TABLE nowhere ADD COLUMN x"))
    with pytest.raises(MigrationFailed, match="no such table"):
        Store.open_with_key(paths, database_key, migrations=(*MIGRATIONS, broken))


def test_a_database_from_a_newer_app_is_left_alone(
    with_data: str, paths: StorePaths, database_key: DatabaseKey
) -> None:
    with Store.open_with_key(paths, database_key, migrations=(*MIGRATIONS, ADD_PRACTITIONER)):
        pass
    before = folder_snapshot(paths.folder)
    with pytest.raises(DatabaseTooNew) as caught:
        Store.open_with_key(paths, database_key)
    assert "newer version" in caught.value.message
    assert folder_snapshot(paths.folder) == before


def test_migrations_must_be_numbered_without_gaps(
    with_data: str, paths: StorePaths, database_key: DatabaseKey
) -> None:
    skipping = Migration(len(MIGRATIONS) + 2, "skips one", sql("SELECT 1"))
    with pytest.raises(ValueError, match="without gaps"):
        Store.open_with_key(paths, database_key, migrations=(*MIGRATIONS, skipping))


def test_a_backup_on_demand(store: Store, paths: StorePaths, database_key: DatabaseKey) -> None:
    store.consultations.add(make_consultation(notes="sauvegardé"))
    target = paths.folder / "manual.db"
    assert store.backup(target) == target
    with pytest.raises(FileExistsError):
        store.backup(target)
    copy = EncryptedConnector(database_key)(target, read_only=True)
    try:
        assert copy.execute("SELECT notes FROM consultations").fetchall() == [("sauvegardé",)]
    finally:
        copy.close()


def test_a_store_at_version_2_gains_bookings_and_keeps_its_data(
    paths: StorePaths, keyring: FolderKeyring, database_key: DatabaseKey
) -> None:
    """Migrations 3 and 4: consultations get `scheduled_for`, `practitioner_token` and
    `call_quality`; what a version 2 store holds (consultations with their history, invites
    with their words) is kept."""
    old = StorePaths(paths.folder.parent / "v2")
    created = Store.create(old, keyring=keyring, migrations=MIGRATIONS[:2])
    ended = make_consultation(notes="à garder", until=State.ENDED)
    invited = make_consultation(until=State.INVITED)
    for consultation in (ended, invited):
        add_before_bookings(created.store, consultation)
    invite = Invite(invited.id, "sms", T0, T0, state=DeliveryState.SENT, attempts=1)
    created.store.outbox.add(invite, Letter(None, "Cabinet: https://hub.example.be/c/abc"))
    assert created.store.schema_version == 2
    created.store.close()

    with Store.open_with_keyring(old, keyring) as store:
        assert store.schema_version == MIGRATIONS[-1].version
        kept = store.consultations.get(ended.id)
        assert (kept.notes, kept.state, kept.history) == ("à garder", State.ENDED, ended.history)
        assert (kept.scheduled_for, kept.practitioner_token) == (None, None)
        assert kept.call_quality is None  # migration 4: calls from before have no summary
        assert store.outbox.get(invite.id) == invite
        assert store.outbox.letter(invite.id).body.startswith("Cabinet")
        assert store.consultations.list_booked() == []

        booked = make_consultation(until=State.DRAFT)
        booked.scheduled_for = T0 + timedelta(days=1)
        store.consultations.add(booked)
        assert [c.id for c in store.consultations.list_booked()] == [booked.id]
        store.consultations.set_room(booked.id, "room-1", "https://hub/c/t", "practitioner-token")
        again = store.consultations.get(booked.id)
        assert (again.room_id, again.practitioner_token) == ("room-1", "practitioner-token")
        assert store.consultations.list_booked() == []  # its link has left
        assert [c.id for c in store.consultations.list_booked(unsent_only=False)] == [booked.id]
    (backup,) = old.backups.iterdir()
    assert backup.name.startswith("consultations-v2-")
