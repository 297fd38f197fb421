"""A missing, unreadable or wrong key never creates, writes or changes anything on disk."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.keyring_backend import FolderKeyring
from tests.helpers.storage import FAST_SCRYPT, folder_snapshot, make_consultation
from tooddoc_desk.core.consultation import State
from tooddoc_desk.storage import (
    CreatedStore,
    DatabaseDamaged,
    DatabaseMissing,
    KeyFileMissing,
    KeyFileUnreadable,
    KeyringEntryMissing,
    Layout,
    MalformedRecoveryKey,
    SlotKind,
    SlotMissing,
    Store,
    StoreAbsent,
    StoreExists,
    StorePaths,
    UnlockError,
    WrongKey,
    WrongPassphrase,
    WrongRecoveryKey,
)
from tooddoc_desk.storage.database import EncryptedConnector
from tooddoc_desk.storage.database_key import DatabaseKey
from tooddoc_desk.storage.migrations import MIGRATIONS, Migration

PASSPHRASE = "a long and memorable passphrase"

_CRASHING_WRITER = """
import os, sys
from pathlib import Path
from tests.helpers.storage import make_consultation
from tooddoc_desk.storage import Store, StorePaths
from tooddoc_desk.storage.database_key import DatabaseKey
key = DatabaseKey(bytes.fromhex(sys.stdin.readline().strip()))
store = Store.open_with_key(StorePaths(Path(sys.argv[1])), key)
for _ in range(20):
    store.consultations.add(make_consultation(notes="x" * 3000))
os._exit(0)  # no close: the -wal and -shm files stay behind, as after a crash
"""


def leave_crashed(paths: StorePaths, key: DatabaseKey) -> None:
    """Writes from another process that dies without closing the store."""
    subprocess.run(
        [sys.executable, "-c", _CRASHING_WRITER, str(paths.folder)],
        input=key.raw.hex() + "\n",
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[3],
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[3])},
        timeout=60,
    )
    wal, shm = paths.companions(paths.database)
    assert wal.stat().st_size > 0
    assert shm.exists()


@pytest.fixture(params=["closed", "crashed"])
def at_rest(
    request: pytest.FixtureRequest,
    created: CreatedStore,
    paths: StorePaths,
    database_key: DatabaseKey,
) -> StorePaths:
    """A store with data, closed cleanly or left with -wal/-shm by a process that died."""
    created.store.consultations.add(make_consultation(notes="first"))
    created.store.close()
    if request.param == "crashed":
        leave_crashed(paths, database_key)
    return paths


def test_a_wrong_key_fails_clearly_and_leaves_every_file_as_it_was(at_rest: StorePaths) -> None:
    before = folder_snapshot(at_rest.folder)
    with pytest.raises(WrongKey) as caught:
        EncryptedConnector(DatabaseKey.generate()).check_key(at_rest.database)
    assert "does not open" in caught.value.message
    assert "recovery key" in caught.value.recovery_hint
    assert folder_snapshot(at_rest.folder) == before


def test_a_key_file_of_another_store_is_a_wrong_key(
    at_rest: StorePaths, tmp_path: Path, keyring: FolderKeyring
) -> None:
    """keys.json replaced by another store's: its key unwraps but does not open this database."""
    other = Store.create(StorePaths(tmp_path / "other"), keyring=keyring)
    other.store.close()
    at_rest.keys.write_bytes((tmp_path / "other" / "keys.json").read_bytes())
    before = folder_snapshot(at_rest.folder)
    with pytest.raises(WrongKey):
        Store.open_with_keyring(at_rest, keyring)
    assert folder_snapshot(at_rest.folder) == before


def test_a_random_key_is_refused_before_the_database_is_touched(at_rest: StorePaths) -> None:
    before = folder_snapshot(at_rest.folder)
    with pytest.raises(WrongKey):
        Store.open_with_key(at_rest, DatabaseKey.generate())
    assert folder_snapshot(at_rest.folder) == before


def test_a_missing_keyring_entry(at_rest: StorePaths, keyring: FolderKeyring) -> None:
    keyring.clear()
    before = folder_snapshot(at_rest.folder)
    with pytest.raises(KeyringEntryMissing) as caught:
        Store.open_with_keyring(at_rest, keyring)
    assert isinstance(caught.value, UnlockError)
    assert "recovery key" in caught.value.recovery_hint
    assert folder_snapshot(at_rest.folder) == before


def test_a_missing_key_file(at_rest: StorePaths, keyring: FolderKeyring) -> None:
    assert Store.unlock_methods(at_rest) == {SlotKind.KEYRING, SlotKind.RECOVERY}
    at_rest.keys.unlink()
    before = folder_snapshot(at_rest.folder)
    assert at_rest.layout() is Layout.DATABASE_WITHOUT_KEYS
    with pytest.raises(KeyFileMissing):
        Store.unlock_methods(at_rest)
    with pytest.raises(KeyFileMissing) as caught:
        Store.open_with_keyring(at_rest, keyring)
    assert "keys.json" in caught.value.message
    with pytest.raises(StoreExists):  # never a fresh start over existing records
        Store.create(at_rest, keyring=keyring)
    assert folder_snapshot(at_rest.folder) == before


def test_a_damaged_key_file(at_rest: StorePaths, keyring: FolderKeyring) -> None:
    at_rest.keys.write_bytes(at_rest.keys.read_bytes()[:100])
    before = folder_snapshot(at_rest.folder)
    with pytest.raises(KeyFileUnreadable):
        Store.open_with_keyring(at_rest, keyring)
    assert folder_snapshot(at_rest.folder) == before


def test_a_key_file_without_its_database(at_rest: StorePaths, keyring: FolderKeyring) -> None:
    for path in (at_rest.database, *at_rest.companions(at_rest.database)):
        path.unlink(missing_ok=True)
    before = folder_snapshot(at_rest.folder)
    assert at_rest.layout() is Layout.KEYS_WITHOUT_DATABASE
    with pytest.raises(DatabaseMissing):
        Store.open_with_keyring(at_rest, keyring)
    with pytest.raises(StoreExists):
        Store.create(at_rest, keyring=keyring)
    assert folder_snapshot(at_rest.folder) == before


def test_a_wal_without_its_database_is_not_a_fresh_start(
    created: CreatedStore, paths: StorePaths, keyring: FolderKeyring, database_key: DatabaseKey
) -> None:
    created.store.close()
    leave_crashed(paths, database_key)
    paths.database.unlink()
    before = folder_snapshot(paths.folder)
    with pytest.raises(DatabaseMissing):
        Store.open_with_keyring(paths, keyring)
    paths.keys.unlink()
    assert paths.layout() is Layout.DATABASE_WITHOUT_KEYS
    with pytest.raises(StoreExists):
        Store.create(paths, keyring=keyring)
    del before["keys.json"]
    assert folder_snapshot(paths.folder) == before


def test_an_empty_database_file(at_rest: StorePaths, keyring: FolderKeyring) -> None:
    for path in at_rest.companions(at_rest.database):
        path.unlink(missing_ok=True)
    at_rest.database.write_bytes(b"")
    before = folder_snapshot(at_rest.folder)
    with pytest.raises(DatabaseDamaged):
        Store.open_with_keyring(at_rest, keyring)
    assert folder_snapshot(at_rest.folder) == before


def test_nothing_there_is_absent_not_created(paths: StorePaths, keyring: FolderKeyring) -> None:
    with pytest.raises(StoreAbsent):
        Store.open_with_keyring(paths, keyring)
    assert not paths.folder.exists()


def test_the_recovery_key_opens_when_the_keyring_entry_is_gone(
    at_rest: StorePaths, created: CreatedStore, keyring: FolderKeyring
) -> None:
    keyring.clear()
    typed = created.recovery_key.display.lower().replace("-", " ")
    with Store.open_with_recovery_key(at_rest, typed) as store:
        assert "first" in {c.notes for c in store.consultations.list_recent()}
        store.protect_with_keyring(keyring)
    with Store.open_with_keyring(at_rest, keyring) as store:
        assert "first" in {c.notes for c in store.consultations.list_recent()}


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH", WrongRecoveryKey),
        ("not a key", MalformedRecoveryKey),
    ],
)
def test_a_wrong_recovery_key(
    at_rest: StorePaths, typed: str, error: type[Exception], keyring: FolderKeyring
) -> None:
    keyring.clear()
    before = folder_snapshot(at_rest.folder)
    with pytest.raises(error):
        Store.open_with_recovery_key(at_rest, typed)
    assert folder_snapshot(at_rest.folder) == before


def test_passphrase_store_round_trip(paths: StorePaths, keyring: FolderKeyring) -> None:
    created = Store.create(paths, keyring=None, passphrase=PASSPHRASE, scrypt=FAST_SCRYPT)
    consultation = make_consultation(notes="sous passphrase", until=State.ENDED)
    created.store.consultations.add(consultation)
    created.store.close()
    assert created.store.slot_kinds == {SlotKind.PASSPHRASE, SlotKind.RECOVERY}
    assert keyring.entries() == {}
    assert Store.unlock_methods(paths) == {SlotKind.PASSPHRASE, SlotKind.RECOVERY}
    with Store.open_with_passphrase(paths, PASSPHRASE) as store:
        assert store.consultations.get(consultation.id).notes == "sous passphrase"
    before = folder_snapshot(paths.folder)
    with pytest.raises(WrongPassphrase) as caught:
        Store.open_with_passphrase(paths, PASSPHRASE.upper())
    assert "Caps Lock" in caught.value.recovery_hint
    with pytest.raises(SlotMissing):
        Store.open_with_keyring(paths, keyring)
    assert folder_snapshot(paths.folder) == before
    with Store.open_with_recovery_key(paths, created.recovery_key) as store:
        assert store.consultations.get(consultation.id).state is State.ENDED


def test_an_interrupted_creation_is_finished_on_open(
    created: CreatedStore, paths: StorePaths, keyring: FolderKeyring
) -> None:
    """Killed after keys.json was written but before the new database was renamed into place."""
    created.store.close()
    paths.database.rename(paths.pending_database)
    assert paths.layout() is Layout.CREATION_INTERRUPTED
    with Store.open_with_keyring(paths, keyring) as store:
        assert store.consultations.list_recent() == []
    assert paths.layout() is Layout.COMPLETE


def test_an_abandoned_creation_is_cleared(paths: StorePaths, keyring: FolderKeyring) -> None:
    """Killed before keys.json was written: the half-made database holds nothing, no key."""
    paths.folder.mkdir()
    paths.pending_database.write_bytes(b"half-made")
    assert paths.layout() is Layout.ABSENT
    with Store.create(paths, keyring=keyring).store as store:
        assert store.consultations.list_recent() == []
    assert not paths.pending_database.exists()


def test_a_failed_creation_leaves_nothing_behind(paths: StorePaths, keyring: FolderKeyring) -> None:
    def explode(connection: object) -> None:
        raise RuntimeError("boom")

    broken = (*MIGRATIONS, Migration(len(MIGRATIONS) + 1, "explodes", explode))
    with pytest.raises(Exception, match="schema"):
        Store.create(paths, keyring=keyring, migrations=broken)
    assert folder_snapshot(paths.folder) == {}
    assert keyring.entries() == {}
    assert paths.layout() is Layout.ABSENT
