"""keys.json: the database key, wrapped once per slot, next to the database.

    {"format": "tooddoc-desk keys", "version": 1, "store_id": "…", "key_check": "…",
     "slots": [{"kind": "keyring", "keyring_account": "…", "salt": "…", "nonce": "…",
                "wrapped": "…"},
               {"kind": "recovery", …},
               {"kind": "passphrase", "scrypt": {"n": 65536, "r": 8, "p": 1}, …}]}

Bytes are base64. Each slot holds the database key sealed with AES-256-GCM under a key derived
from that slot's secret; `key_check` lets the app recognise the right database key without
touching the database. The file is replaced atomically, never edited in place.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from tooddoc_desk.storage.atomic_file import write_atomically
from tooddoc_desk.storage.errors import KeyFileMissing, KeyFileUnreadable, SlotMissing

FORMAT = "tooddoc-desk keys"
VERSION = 1


class SlotKind(StrEnum):
    KEYRING = "keyring"
    RECOVERY = "recovery"
    PASSPHRASE = "passphrase"  # noqa: S105 (a slot kind, not a secret)


@dataclass(frozen=True)
class ScryptParams:
    """scrypt's cost. The default takes about 0.35 s and 64 MiB on the machines measured."""

    n: int = 2**16
    r: int = 8
    p: int = 1

    def __post_init__(self) -> None:
        if self.n < 2 or self.n & (self.n - 1) or self.n > 2**22:
            raise ValueError("scrypt n must be a power of two up to 2**22")
        if not 1 <= self.r <= 32 or not 1 <= self.p <= 16:
            raise ValueError("scrypt r or p out of range")


@dataclass(frozen=True)
class KeySlot:
    kind: SlotKind
    salt: bytes
    nonce: bytes
    wrapped: bytes
    keyring_account: str | None = None  # keyring slots: where the wrapping secret lives
    scrypt: ScryptParams | None = None  # passphrase slots: the cost to derive the wrapping key


@dataclass(frozen=True)
class KeyFile:
    store_id: str
    key_check: bytes
    slots: tuple[KeySlot, ...]

    def has(self, kind: SlotKind) -> bool:
        return any(slot.kind == kind for slot in self.slots)

    def slot(self, kind: SlotKind) -> KeySlot:
        for slot in self.slots:
            if slot.kind == kind:
                return slot
        raise SlotMissing(kind.value)

    def replacing(self, slot: KeySlot) -> KeyFile:
        """This file with `slot` in place of any slot of its kind."""
        others = tuple(s for s in self.slots if s.kind != slot.kind)
        return replace(self, slots=(*others, slot))

    def without(self, kind: SlotKind) -> KeyFile:
        return replace(self, slots=tuple(s for s in self.slots if s.kind != kind))

    def to_bytes(self) -> bytes:
        document = {
            "format": FORMAT,
            "version": VERSION,
            "cipher": "aes-256-gcm",
            "store_id": self.store_id,
            "key_check": _b64(self.key_check),
            "slots": [_slot_to_json(slot) for slot in self.slots],
        }
        return (json.dumps(document, indent=2) + "\n").encode("utf-8")

    def save(self, path: Path) -> None:
        write_atomically(path, self.to_bytes())

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise KeyFileMissing(str(path.parent)) from None
        except OSError as error:
            raise KeyFileUnreadable(str(path.parent), error.strerror or "cannot read") from None
        return cls.from_bytes(data, str(path.parent))

    @classmethod
    def from_bytes(cls, data: bytes, folder: str) -> KeyFile:
        try:
            document = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise KeyFileUnreadable(folder, "not a JSON document") from None
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise KeyFileUnreadable(folder, "not a tooddoc-desk key file")
        if document.get("version") != VERSION:
            raise KeyFileUnreadable(folder, f"version {document.get('version')!r} is unknown")
        try:
            slots = tuple(_slot_from_json(item) for item in document["slots"])
            key_file = cls(
                store_id=_text(document["store_id"]),
                key_check=_unb64(document["key_check"]),
                slots=slots,
            )
        except (KeyError, TypeError, ValueError) as error:
            raise KeyFileUnreadable(folder, f"malformed: {type(error).__name__}") from None
        if not key_file.store_id.isalnum() or not slots:
            raise KeyFileUnreadable(folder, "malformed: no store id or no slot")
        return key_file


def _slot_to_json(slot: KeySlot) -> dict[str, Any]:
    item: dict[str, Any] = {
        "kind": slot.kind.value,
        "salt": _b64(slot.salt),
        "nonce": _b64(slot.nonce),
        "wrapped": _b64(slot.wrapped),
    }
    if slot.keyring_account is not None:
        item["keyring_account"] = slot.keyring_account
    if slot.scrypt is not None:
        item["scrypt"] = {"n": slot.scrypt.n, "r": slot.scrypt.r, "p": slot.scrypt.p}
    return item


def _slot_from_json(item: Any) -> KeySlot:
    if not isinstance(item, dict):
        raise TypeError("slot")
    kind = SlotKind(item["kind"])
    account = item.get("keyring_account")
    params = item.get("scrypt")
    scrypt = None
    if params is not None:
        scrypt = ScryptParams(n=_int(params["n"]), r=_int(params["r"]), p=_int(params["p"]))
    if kind == SlotKind.KEYRING and not isinstance(account, str):
        raise TypeError("keyring_account")
    if kind == SlotKind.PASSPHRASE and scrypt is None:
        raise TypeError("scrypt")
    return KeySlot(
        kind=kind,
        salt=_unb64(item["salt"]),
        nonce=_unb64(item["nonce"]),
        wrapped=_unb64(item["wrapped"]),
        keyring_account=account if kind == SlotKind.KEYRING else None,
        scrypt=scrypt if kind == SlotKind.PASSPHRASE else None,
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: object) -> bytes:
    try:
        return base64.b64decode(_text(value), validate=True)
    except binascii.Error:
        raise ValueError("base64") from None


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("text")
    return value


def _int(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("integer")
    return value
