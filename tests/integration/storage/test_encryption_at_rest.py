"""What lands on disk is SQLCipher ciphertext: no header, no contact, no note."""

from __future__ import annotations

import base64
import sqlite3

import pytest

from tests.helpers.storage import email, make_consultation
from tooddoc_desk.core.consultation import State
from tooddoc_desk.core.contact import PhoneContact
from tooddoc_desk.storage import Store, StorePaths
from tooddoc_desk.storage.database import SQLITE_HEADER
from tooddoc_desk.storage.database_key import DatabaseKey

SECRETS = [
    "+32470998877",
    "marie.dubois@example.be",
    "Patiënte klaagt over hoofdpijn sinds drie dagen",
    "Douleur thoracique atypique, ECG demandé",
    "https://hub.example/r/SECRET-TOKEN-123",
]


def _write_everything(store: Store) -> None:
    first = make_consultation(PhoneContact(SECRETS[0]), notes=SECRETS[2], until=State.ENDED)
    second = make_consultation(email(SECRETS[1]), until=State.WAITING)
    store.consultations.add(first)
    store.consultations.add(second)
    store.consultations.save_notes(second.id, SECRETS[3] * 50)  # spans several pages
    store.consultations.set_room(second.id, "room-1", SECRETS[4])


def _assert_ciphertext(data: bytes) -> None:
    for secret in SECRETS:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            assert secret.encode(encoding) not in data
    assert not data.startswith(SQLITE_HEADER)


def test_database_and_wal_hold_no_plain_text_while_open(store: Store, paths: StorePaths) -> None:
    _write_everything(store)
    wal = paths.database.with_name(paths.database.name + "-wal")
    assert wal.stat().st_size > 0  # the writes are (at least partly) in the WAL now
    _assert_ciphertext(paths.database.read_bytes())
    _assert_ciphertext(wal.read_bytes())


def test_database_holds_no_plain_text_after_a_checkpoint(store: Store, paths: StorePaths) -> None:
    _write_everything(store)
    store.close()
    assert not paths.database.with_name(paths.database.name + "-wal").exists()
    data = paths.database.read_bytes()
    assert len(data) >= 4096 * 3
    _assert_ciphertext(data)


def test_backups_are_encrypted_too(store: Store, paths: StorePaths) -> None:
    _write_everything(store)
    backup = store.backup()
    assert backup.parent == paths.backups
    _assert_ciphertext(backup.read_bytes())


def test_plain_sqlite_cannot_read_it(store: Store, paths: StorePaths) -> None:
    _write_everything(store)
    store.close()
    connection = sqlite3.connect(paths.database)
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        connection.execute("SELECT * FROM consultations").fetchall()
    connection.close()


def test_keys_json_holds_no_key_in_clear(
    store: Store, paths: StorePaths, database_key: DatabaseKey
) -> None:
    _write_everything(store)
    content = paths.keys.read_bytes()
    assert database_key.raw not in content
    assert database_key.raw.hex().encode() not in content
    assert base64.b64encode(database_key.raw) not in content
    for secret in SECRETS:
        assert secret.encode() not in content
