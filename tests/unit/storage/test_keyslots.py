from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.keyring_backend import FolderKeyring
from tests.helpers.storage import FAST_SCRYPT
from tooddoc_desk.storage.database_key import DatabaseKey
from tooddoc_desk.storage.errors import (
    KeyFileUnreadable,
    KeyringEntryMissing,
    KeyringEntryUnreadable,
    KeyringUnavailable,
    SlotMissing,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryKey,
)
from tooddoc_desk.storage.key_file import KeyFile, SlotKind
from tooddoc_desk.storage.keyslots import KEYRING_SERVICE, KeySlots
from tooddoc_desk.storage.recovery_key import RecoveryKey

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def keyring(tmp_path: Path) -> FolderKeyring:
    return FolderKeyring(tmp_path / "keyring")


def saved(tmp_path: Path, keyring: FolderKeyring) -> tuple[KeySlots, DatabaseKey, RecoveryKey]:
    slots, key, recovery = KeySlots.create(tmp_path / "keys.json", keyring=keyring)
    slots.save()
    return KeySlots.load(tmp_path / "keys.json"), key, recovery


def test_a_new_key_set_unlocks_by_keyring_and_by_recovery_key(
    tmp_path: Path, keyring: FolderKeyring
) -> None:
    slots, key, recovery = saved(tmp_path, keyring)
    assert slots.kinds == {SlotKind.KEYRING, SlotKind.RECOVERY}
    assert slots.unlock_with_keyring(keyring) == key
    assert slots.unlock_with_recovery_key(recovery) == key
    assert slots.unlock_with_recovery_key(recovery.display.lower()) == key


def test_the_key_file_holds_neither_the_key_nor_the_secrets(
    tmp_path: Path, keyring: FolderKeyring
) -> None:
    _, key, recovery = saved(tmp_path, keyring)
    content = (tmp_path / "keys.json").read_bytes()
    assert key.raw not in content
    assert key.raw.hex().encode() not in content
    assert recovery.display.replace("-", "").encode() not in content
    for secret in keyring.entries().values():
        assert secret.encode() not in content


def test_the_keyring_entry_is_under_the_service_and_an_account_naming_the_store(
    tmp_path: Path, keyring: FolderKeyring
) -> None:
    slots, _, _ = saved(tmp_path, keyring)
    (entry,) = keyring.entries()
    service, account = entry.split("\n")
    assert service == KEYRING_SERVICE
    assert slots.store_id in account


def test_no_keyring_entry(tmp_path: Path, keyring: FolderKeyring) -> None:
    slots, _, _ = saved(tmp_path, keyring)
    keyring.clear()
    with pytest.raises(KeyringEntryMissing) as caught:
        slots.unlock_with_keyring(keyring)
    assert "recovery key" in caught.value.recovery_hint


@pytest.mark.parametrize("value", ["not base64 !", "c2hvcnQ=", "A" * 44])
def test_a_damaged_keyring_entry(tmp_path: Path, keyring: FolderKeyring, value: str) -> None:
    slots, _, _ = saved(tmp_path, keyring)
    (entry,) = keyring.entries()
    service, account = entry.split("\n")
    keyring.set_password(service, account, value)
    with pytest.raises(KeyringEntryUnreadable):
        slots.unlock_with_keyring(keyring)


def test_a_failing_keyring(tmp_path: Path, keyring: FolderKeyring) -> None:
    slots, _, _ = saved(tmp_path, keyring)
    keyring.file.write_text("{broken", "utf-8")
    with pytest.raises(KeyringUnavailable) as caught:
        slots.unlock_with_keyring(keyring)
    assert "JSONDecodeError" in caught.value.message


def test_a_wrong_recovery_key(tmp_path: Path, keyring: FolderKeyring) -> None:
    slots, _, _ = saved(tmp_path, keyring)
    with pytest.raises(WrongRecoveryKey) as caught:
        slots.unlock_with_recovery_key(RecoveryKey.generate().display)
    assert "does not unlock" in caught.value.message


def test_passphrase_slot_round_trip(tmp_path: Path) -> None:
    slots, key, recovery = KeySlots.create(
        tmp_path / "keys.json", keyring=None, passphrase=PASSPHRASE, scrypt=FAST_SCRYPT
    )
    slots.save()
    loaded = KeySlots.load(tmp_path / "keys.json")
    assert loaded.kinds == {SlotKind.PASSPHRASE, SlotKind.RECOVERY}
    assert loaded.unlock_with_passphrase(PASSPHRASE) == key
    assert loaded.unlock_with_recovery_key(recovery) == key
    with pytest.raises(WrongPassphrase):
        loaded.unlock_with_passphrase(PASSPHRASE + "!")
    with pytest.raises(SlotMissing):
        loaded.unlock_with_keyring(FolderKeyring(tmp_path / "kr"))


def test_passphrases_are_compared_after_unicode_normalisation(tmp_path: Path) -> None:
    composed, decomposed = "caf\u00e9 au lait du matin", "cafe\u0301 au lait du matin"
    slots, key, _ = KeySlots.create(
        tmp_path / "keys.json", keyring=None, passphrase=composed, scrypt=FAST_SCRYPT
    )
    assert slots.unlock_with_passphrase(decomposed) == key


def test_a_short_passphrase_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WeakPassphrase):
        KeySlots.create(tmp_path / "keys.json", keyring=None, passphrase="short")
    with pytest.raises(ValueError, match="keyring or a passphrase"):
        KeySlots.create(tmp_path / "keys.json", keyring=None)


def test_after_recovery_a_fresh_keyring_slot_replaces_the_old_entry(
    tmp_path: Path, keyring: FolderKeyring
) -> None:
    slots, key, recovery = saved(tmp_path, keyring)
    keyring.clear()
    unlocked = slots.unlock_with_recovery_key(recovery)
    slots.protect_with_keyring(unlocked, keyring)
    again = KeySlots.load(tmp_path / "keys.json")
    assert again.unlock_with_keyring(keyring) == key
    assert len(keyring.entries()) == 1


def test_reprotecting_removes_the_previous_keyring_entry(
    tmp_path: Path, keyring: FolderKeyring
) -> None:
    slots, key, _ = saved(tmp_path, keyring)
    (old,) = keyring.entries()
    slots.protect_with_keyring(key, keyring)
    (new,) = keyring.entries()
    assert new != old
    assert KeySlots.load(tmp_path / "keys.json").unlock_with_keyring(keyring) == key


def test_adding_a_passphrase_and_replacing_the_recovery_key(
    tmp_path: Path, keyring: FolderKeyring
) -> None:
    slots, key, old_recovery = saved(tmp_path, keyring)
    slots.protect_with_passphrase(key, PASSPHRASE, FAST_SCRYPT)
    new_recovery = slots.replace_recovery_key(key)
    loaded = KeySlots.load(tmp_path / "keys.json")
    assert loaded.unlock_with_passphrase(PASSPHRASE) == key
    assert loaded.unlock_with_recovery_key(new_recovery) == key
    with pytest.raises(WrongRecoveryKey):
        loaded.unlock_with_recovery_key(old_recovery)
    loaded.remove_slot(SlotKind.KEYRING, keyring)
    assert KeySlots.load(tmp_path / "keys.json").kinds == {SlotKind.PASSPHRASE, SlotKind.RECOVERY}
    assert keyring.entries() == {}
    with pytest.raises(ValueError, match="recovery"):
        loaded.remove_slot(SlotKind.RECOVERY)


def test_another_key_is_never_wrapped(tmp_path: Path, keyring: FolderKeyring) -> None:
    slots, _, _ = saved(tmp_path, keyring)
    with pytest.raises(ValueError, match="not the database key"):
        slots.protect_with_keyring(DatabaseKey.generate(), keyring)
    assert not slots.matches(DatabaseKey.generate())


def test_a_slot_moved_to_another_kind_or_store_does_not_open(
    tmp_path: Path, keyring: FolderKeyring
) -> None:
    """The associated data binds each slot to its store and kind."""
    _slots, _, recovery = saved(tmp_path, keyring)
    document = json.loads((tmp_path / "keys.json").read_text())
    document["store_id"] = "f" * 32
    (tmp_path / "other.json").write_text(json.dumps(document))
    with pytest.raises(WrongRecoveryKey):
        KeySlots.load(tmp_path / "other.json").unlock_with_recovery_key(recovery)
    with pytest.raises(KeyringEntryUnreadable):
        KeySlots.load(tmp_path / "other.json").unlock_with_keyring(keyring)


def test_slots_of_different_keys_are_detected(tmp_path: Path, keyring: FolderKeyring) -> None:
    _slots, _, recovery = saved(tmp_path, keyring)
    document = json.loads((tmp_path / "keys.json").read_text())
    other, _, _ = KeySlots.create(tmp_path / "x.json", keyring=keyring)
    other.save()
    other_check = json.loads((tmp_path / "x.json").read_text())["key_check"]
    document["key_check"] = other_check
    (tmp_path / "mixed.json").write_text(json.dumps(document))
    mixed = KeySlots(tmp_path / "mixed.json", KeyFile.load(tmp_path / "mixed.json"))
    with pytest.raises(KeyFileUnreadable):
        mixed.unlock_with_recovery_key(recovery)


def test_repr_of_a_database_key_hides_it() -> None:
    key = DatabaseKey.generate()
    assert key.raw.hex() not in repr(key)
    with pytest.raises(ValueError, match="32 bytes"):
        DatabaseKey(b"short")
