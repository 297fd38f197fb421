from __future__ import annotations

import json
from pathlib import Path

import pytest

from tooddoc_desk.storage.errors import KeyFileMissing, KeyFileUnreadable, SlotMissing
from tooddoc_desk.storage.key_file import KeyFile, KeySlot, ScryptParams, SlotKind

SAMPLE = KeyFile(
    store_id="ab12",
    key_check=b"\x01" * 32,
    slots=(
        KeySlot(SlotKind.RECOVERY, b"s" * 16, b"n" * 12, b"w" * 48),
        KeySlot(SlotKind.KEYRING, b"t" * 16, b"m" * 12, b"v" * 48, keyring_account="store-ab12-1"),
        KeySlot(SlotKind.PASSPHRASE, b"u" * 16, b"o" * 12, b"x" * 48, scrypt=ScryptParams(2**14)),
    ),
)


def test_round_trip_through_a_file(tmp_path: Path) -> None:
    path = tmp_path / "keys.json"
    SAMPLE.save(path)
    assert KeyFile.load(path) == SAMPLE
    assert not [p for p in tmp_path.iterdir() if p.name != "keys.json"]  # no temp file left


def test_saving_replaces_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "keys.json"
    SAMPLE.save(path)
    smaller = SAMPLE.without(SlotKind.PASSPHRASE)
    smaller.save(path)
    assert KeyFile.load(path) == smaller


def test_a_missing_file_is_named_as_missing(tmp_path: Path) -> None:
    with pytest.raises(KeyFileMissing) as caught:
        KeyFile.load(tmp_path / "keys.json")
    assert str(tmp_path) in caught.value.recovery_hint


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\xff\xfe",
        b"[]",
        b'{"format": "something else"}',
        b'{"format": "tooddoc-desk keys", "version": 99}',
        b'{"format": "tooddoc-desk keys", "version": 1}',
        b'{"format": "tooddoc-desk keys", "version": 1, "store_id": "a", "key_check": "!!",'
        b' "slots": []}',
        b'{"format": "tooddoc-desk keys", "version": 1, "store_id": "a", "key_check": "",'
        b' "slots": []}',
        b'{"format": "tooddoc-desk keys", "version": 1, "store_id": "a", "key_check": "",'
        b' "slots": [{"kind": "keyring", "salt": "", "nonce": "", "wrapped": ""}]}',
        b'{"format": "tooddoc-desk keys", "version": 1, "store_id": "a", "key_check": "",'
        b' "slots": [{"kind": "passphrase", "salt": "", "nonce": "", "wrapped": "",'
        b' "scrypt": {"n": 3, "r": 8, "p": 1}}]}',
    ],
)
def test_damaged_files_are_unreadable_not_empty(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "keys.json"
    path.write_bytes(content)
    with pytest.raises(KeyFileUnreadable):
        KeyFile.load(path)


def test_a_truncated_real_file_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "keys.json"
    path.write_bytes(SAMPLE.to_bytes()[:-40])
    with pytest.raises(KeyFileUnreadable):
        KeyFile.load(path)


def test_slots_by_kind() -> None:
    assert SAMPLE.slot(SlotKind.KEYRING).keyring_account == "store-ab12-1"
    with pytest.raises(SlotMissing):
        SAMPLE.without(SlotKind.PASSPHRASE).slot(SlotKind.PASSPHRASE)
    replaced = SAMPLE.replacing(KeySlot(SlotKind.RECOVERY, b"z" * 16, b"z" * 12, b"z" * 48))
    assert len(replaced.slots) == 3
    assert replaced.slot(SlotKind.RECOVERY).salt == b"z" * 16


def test_document_is_plain_json_with_no_raw_bytes() -> None:
    document = json.loads(SAMPLE.to_bytes())
    assert document["format"] == "tooddoc-desk keys"
    assert {slot["kind"] for slot in document["slots"]} == {"keyring", "recovery", "passphrase"}


@pytest.mark.parametrize("params", [(3, 8, 1), (2**23, 8, 1), (1024, 0, 1), (1024, 8, 17)])
def test_scrypt_parameters_are_bounded(params: tuple[int, int, int]) -> None:
    with pytest.raises(ValueError, match="scrypt"):
        ScryptParams(*params)
