"""Backups through the backup API and restores with the recovery key, on real SQLCipher stores:
a backup made while another thread writes opens and passes integrity_check; a restore into an
empty folder on a "new computer" (an empty keyring) finds everything; every bad input is refused
before anything is written."""

from __future__ import annotations

import json
import threading
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest

from tests.helpers.keyring_backend import FolderKeyring
from tests.helpers.storage import T0, folder_snapshot, make_consultation
from tooddoc_desk.core.consultation import State
from tooddoc_desk.storage import (
    CreatedStore,
    MalformedRecoveryKey,
    RecoveryKey,
    SlotKind,
    Store,
    StoreExists,
    StorePaths,
    WrongRecoveryKey,
)
from tooddoc_desk.storage.backup_errors import BackupDamaged, BackupFolderMissing, NotABackup
from tooddoc_desk.storage.backup_file import (
    DATABASE,
    KEYS,
    MANIFEST,
    BackupReader,
    moment_of,
)
from tooddoc_desk.storage.database import EncryptedConnector, integrity_problems
from tooddoc_desk.storage.history_query import HistoryQuery
from tooddoc_desk.storage.restore import restore_backup

NOTE = "Douleur thoracique depuis trois jours, pas de fièvre"


def _fill(store: Store, count: int) -> list[str]:
    ids = []
    for number in range(count):
        consultation = make_consultation(
            created_at=T0 + timedelta(minutes=number), until=State.ENDED, notes=f"{NOTE} #{number}"
        )
        store.consultations.add(consultation)
        ids.append(consultation.id)
    return ids


def test_a_backup_taken_while_another_thread_writes_opens_and_passes_integrity_check(
    store: Store, created: CreatedStore, tmp_path: Path
) -> None:
    _fill(store, 200)
    folder = tmp_path / "backups"
    folder.mkdir()
    stop = threading.Event()
    written = [0]
    during: list[int] = []

    def writer() -> None:
        number = 10_000
        while not stop.is_set():
            consultation = make_consultation(
                created_at=T0 + timedelta(minutes=number), until=State.ENDED, notes=NOTE
            )
            store.consultations.add(consultation)
            written[0] += 1
            number += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        made = []
        for _ in range(3):
            before = written[0]
            path = store.back_up_into(folder)
            made.append((path, before))
            during.append(written[0] - before)
    finally:
        stop.set()
        thread.join()
    assert max(during) > 0  # the writer did write while backups were being made
    key = created.store._key  # the key, to open the copies with any SQLCipher 4 tool
    for number, (path, before) in enumerate(made):
        copy = tmp_path / f"copy-{number}.db"
        with BackupReader(path) as backup:
            backup.extract_database(copy)
        connection = EncryptedConnector(key)(copy, read_only=True)
        try:
            assert integrity_problems(connection) == []
            count = connection.execute("SELECT count(*) FROM consultations").fetchone()[0]
            events = connection.execute(
                "SELECT count(DISTINCT consultation_id) FROM consultation_events"
            ).fetchone()[0]
        finally:
            connection.close()
        assert count >= 200 + before  # every write committed before the backup began is in it
        assert events == count  # each consultation whole: its history came with it


def test_restore_on_a_new_computer_with_the_recovery_key(
    created: CreatedStore, paths: StorePaths, tmp_path: Path
) -> None:
    ids = _fill(created.store, 5)
    created.store.consultations.save_notes(ids[0], "Revoir dans une semaine")
    path = created.store.back_up_into(tmp_path)
    version = created.store.schema_version
    created.store.close()

    backup = zipfile.ZipFile(path)
    assert sorted(backup.namelist()) == sorted([MANIFEST, KEYS, DATABASE])
    keys = json.loads(backup.read(KEYS))
    assert {slot["kind"] for slot in keys["slots"]} == {"recovery"}  # never the keyring's
    assert b"Revoir" not in path.read_bytes()
    assert b"thoracique" not in path.read_bytes()
    named = moment_of(path.name)
    assert named is not None
    assert named[1] == keys["store_id"][:8]

    new_pc = FolderKeyring(tmp_path / "new-keyring")
    target = StorePaths(tmp_path / "new-pc" / "data")
    typed = created.recovery_key.display.lower().replace("-", " ")
    restored = restore_backup(path, target, typed, keyring=new_pc)
    restored.store.close()
    assert restored.manifest.created_at.tzinfo is not None
    assert restored.manifest.schema_version == version
    assert target.database.exists()
    assert not target.pending_database.exists()
    assert len(new_pc.entries()) == 1  # the key is wrapped for the new computer's keyring

    with Store.open_with_keyring(target, new_pc) as store:  # the usual way in, from now on
        assert store.consultations.count(HistoryQuery()) == 5
        assert store.consultations.get(ids[0]).notes == "Revoir dans une semaine"
        assert store.consultations.get(ids[4]).notes == f"{NOTE} #4"
        assert store.slot_kinds == {SlotKind.KEYRING, SlotKind.RECOVERY}
        assert store.integrity_problems() == []
    with Store.open_with_recovery_key(target, created.recovery_key) as store:
        assert store.consultations.count(HistoryQuery()) == 5  # the same recovery key still works


@pytest.fixture
def backup(created: CreatedStore, tmp_path: Path) -> Path:
    _fill(created.store, 3)
    folder = tmp_path / "backups"
    folder.mkdir()
    return created.store.back_up_into(folder)


@pytest.mark.parametrize(
    ("typed", "error"),
    [("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH", WrongRecoveryKey), ("1234", MalformedRecoveryKey)],
)
def test_a_wrong_recovery_key_writes_nothing(
    backup: Path, tmp_path: Path, typed: str, error: type[Exception]
) -> None:
    target = StorePaths(tmp_path / "empty")
    with pytest.raises(error) as caught:
        restore_backup(backup, target, typed, keyring=FolderKeyring(tmp_path / "k2"))
    assert "recovery key" in str(caught.value)
    assert folder_snapshot(target.folder) == {}
    assert not (tmp_path / "k2").exists()


def _damaged_in_the_middle(backup: Path) -> Path:
    data = bytearray(backup.read_bytes())
    with zipfile.ZipFile(backup) as archive:
        info = archive.getinfo(DATABASE)
    middle = info.header_offset + 100 + info.file_size // 2
    data[middle] ^= 0xFF
    damaged = backup.with_name("damaged.tdbackup")
    damaged.write_bytes(bytes(data))
    return damaged


@pytest.mark.parametrize("how", ["bit flipped", "cut short"])
def test_a_damaged_backup_is_refused_and_nothing_is_written(
    backup: Path, created: CreatedStore, tmp_path: Path, how: str
) -> None:
    if how == "cut short":
        damaged = backup.with_name("short.tdbackup")
        damaged.write_bytes(backup.read_bytes()[: backup.stat().st_size * 2 // 3])
    else:
        damaged = _damaged_in_the_middle(backup)
    target = StorePaths(tmp_path / "empty")
    keyring = FolderKeyring(tmp_path / "k2")
    with pytest.raises(BackupDamaged) as caught:
        restore_backup(damaged, target, created.recovery_key, keyring=keyring)
    assert "damaged" in caught.value.message
    assert folder_snapshot(target.folder) == {}
    assert keyring.entries() == {}


def test_files_that_are_not_backups_are_refused(
    created: CreatedStore, paths: StorePaths, tmp_path: Path
) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    other_zip = tmp_path / "photos.zip"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("a.jpg", b"...")
    for source in (text, other_zip, paths.database, tmp_path / "absent.tdbackup", tmp_path):
        target = StorePaths(tmp_path / "empty")
        with pytest.raises(NotABackup):
            restore_backup(source, target, created.recovery_key, keyring=None, passphrase="x" * 12)
        assert folder_snapshot(target.folder) == {}


def test_a_folder_that_holds_a_store_is_never_overwritten(
    backup: Path, created: CreatedStore, paths: StorePaths, keyring: FolderKeyring
) -> None:
    created.store.close()
    before = folder_snapshot(paths.folder)
    with pytest.raises(StoreExists):
        restore_backup(backup.resolve(), paths, created.recovery_key, keyring=keyring)
    assert folder_snapshot(paths.folder) == before


def test_a_backup_folder_that_is_gone_is_said(store: Store, tmp_path: Path) -> None:
    with pytest.raises(BackupFolderMissing) as caught:
        store.back_up_into(tmp_path / "unplugged-disk")
    assert "cannot be found" in caught.value.message


def test_without_a_keyring_the_restore_takes_a_new_passphrase(
    backup: Path, created: CreatedStore, tmp_path: Path
) -> None:
    target = StorePaths(tmp_path / "no-keyring")
    restored = restore_backup(
        backup, target, created.recovery_key, keyring=None, passphrase="a long enough phrase"
    )
    restored.store.close()
    with Store.open_with_passphrase(target, "a long enough phrase") as store:
        assert store.consultations.count(HistoryQuery()) == 3
    assert isinstance(created.recovery_key, RecoveryKey)
