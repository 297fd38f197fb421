"""A new recovery key on a real encrypted store with real backups: only once typed back right,
only for a manager; the old key stops opening the store, the backups made before keep opening
with the old key only, and the backup made at once opens with the new one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers.aio import async_test
from tests.helpers.fake_time import FakeTime
from tests.helpers.keyring_backend import FolderKeyring
from tests.helpers.storage import make_consultation
from tests.integration.services.test_backups import Gate
from tooddoc_desk.core.users import NotAllowed, Role, User
from tooddoc_desk.services.audit import RECOVERY_KEY_REPLACED, AuditTrail
from tooddoc_desk.services.backups import Backups
from tooddoc_desk.services.recovery_keys import NOT_A_KEY, NOT_THE_KEY, RecoveryKeys
from tooddoc_desk.storage import Store, StorePaths
from tooddoc_desk.storage.errors import WrongRecoveryKey
from tooddoc_desk.storage.keyslots import KeySlots
from tooddoc_desk.storage.recovery_key import RecoveryKey
from tooddoc_desk.storage.restore import restore_backup

MANAGER = User("Marc", frozenset({Role.MANAGER}))


class Practice:
    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.data = tmp_path / "data"
        self.data.mkdir()
        self.time = FakeTime()
        created = Store.create(
            StorePaths(self.data), keyring=FolderKeyring(tmp_path / "keyring"), clock=self.time
        )
        self.store = created.store
        self.first_key = created.recovery_key
        self.store.consultations.add(make_consultation(notes="Suivi"))
        self.gate = Gate()
        self.gate.current = MANAGER
        self.audit = AuditTrail(self.store.audit, self.time)
        self.backups = Backups(self.data, self.store, self.time, self.gate, audit=self.audit)
        self.keys = RecoveryKeys(self.store, self.gate, self.audit, self.backups)
        self.folder = tmp_path / "backups"
        self.folder.mkdir()

    def opens_with(self, key: RecoveryKey) -> bool:
        try:
            KeySlots.load(StorePaths(self.data).keys).unlock_with_recovery_key(key)
        except WrongRecoveryKey:
            return False
        return True

    def restores_with(self, backup: Path, key: RecoveryKey) -> bool:
        target = StorePaths(self.tmp_path / f"restored-{backup.stem}-{key.display[:4]}")
        try:
            restored = restore_backup(
                backup, target, key, keyring=FolderKeyring(self.tmp_path / "other-pc")
            )
        except WrongRecoveryKey:
            return False
        restored.store.close()
        return True


@pytest.fixture
def practice(tmp_path: Path) -> Practice:
    return Practice(tmp_path)


@async_test
async def test_a_new_key_replaces_the_old_and_a_backup_opens_with_it(practice: Practice) -> None:
    practice.backups.choose_folder(practice.folder)
    before = await practice.backups.back_up_now()
    practice.time.advance(2 * 24 * 3600)  # kept: thinning keeps one backup a day

    proposed = practice.keys.propose()
    assert practice.opens_with(practice.first_key)
    assert not practice.opens_with(proposed)  # shown, not yet in use

    adopted = await practice.keys.adopt(proposed, proposed.display.lower().replace("-", " "))

    assert practice.opens_with(proposed)
    assert not practice.opens_with(practice.first_key)
    assert adopted.backup is not None
    assert adopted.backup_problem is None
    assert practice.restores_with(adopted.backup, proposed)
    assert not practice.restores_with(adopted.backup, practice.first_key)
    assert practice.restores_with(before, practice.first_key)  # as the dialog warns
    assert not practice.restores_with(before, proposed)
    kinds = [(e.kind, e.actor) for e in practice.store.audit.entries()]
    assert (RECOVERY_KEY_REPLACED, MANAGER.id) in kinds
    practice.store.close()


@async_test
async def test_a_key_typed_back_wrong_changes_nothing(practice: Practice) -> None:
    proposed = practice.keys.propose()
    other = RecoveryKey.generate()
    for typed, said in ((other.display, NOT_THE_KEY), ("ABCD-EFGH", NOT_A_KEY), ("", NOT_A_KEY)):
        with pytest.raises(ValueError, match=said[:30]):
            await practice.keys.adopt(proposed, typed)
    assert practice.opens_with(practice.first_key)
    assert not practice.opens_with(proposed)
    assert RECOVERY_KEY_REPLACED not in [e.kind for e in practice.store.audit.entries()]
    practice.store.close()


@async_test
async def test_only_a_manager_makes_or_adopts_a_key(practice: Practice) -> None:
    proposed = practice.keys.propose()
    practice.gate.allowed = False
    with pytest.raises(NotAllowed):
        practice.keys.propose()
    with pytest.raises(NotAllowed):
        await practice.keys.adopt(proposed, proposed.display)
    assert practice.opens_with(practice.first_key)
    practice.store.close()


@async_test
async def test_without_a_folder_or_with_a_failing_one_the_key_is_in_use_and_it_says_so(
    practice: Practice,
) -> None:
    first = practice.keys.propose()
    adopted = await practice.keys.adopt(first, first.display)
    assert (adopted.backup, adopted.backup_problem) == (None, None)
    assert practice.opens_with(first)

    practice.backups.choose_folder(practice.folder)
    shutil.rmtree(practice.folder)  # the share went away
    second = practice.keys.propose()
    adopted = await practice.keys.adopt(second, second.display)
    assert adopted.backup is None
    assert adopted.backup_problem is not None
    assert str(practice.folder) in adopted.backup_problem
    assert practice.opens_with(second)
    practice.store.close()
