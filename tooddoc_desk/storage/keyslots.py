"""Key slots, as disk encryption does it: one database key, wrapped once per way to unlock it.

- keyring: a random 256-bit secret in the OS keyring (service "tooddoc-desk", one account per
  slot naming the store id) wraps the key; the usual way in, with no question asked.
- recovery: the recovery key shown once at set-up (160 bits, so HKDF is enough) wraps the key;
  the way back in when the keyring entry is lost or the computer is replaced.
- passphrase: scrypt over a passphrase the user types at each start, for machines with no OS
  keyring. Never a plain-text key file.

Each slot seals the key with AES-256-GCM; the associated data binds the store id and the slot
kind, so a slot cannot be moved to another store or passed off as another kind.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import hmac
import secrets
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from keyring.backend import KeyringBackend

from tooddoc_desk.storage.database_key import KEY_BYTES, DatabaseKey
from tooddoc_desk.storage.errors import (
    KeyFileUnreadable,
    KeyringEntryMissing,
    KeyringEntryUnreadable,
    KeyringUnavailable,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryKey,
)
from tooddoc_desk.storage.key_file import KeyFile, KeySlot, ScryptParams, SlotKind
from tooddoc_desk.storage.recovery_key import RecoveryKey

KEYRING_SERVICE = "tooddoc-desk"
MIN_PASSPHRASE_CHARS = 10
_SALT_BYTES = 16
_NONCE_BYTES = 12
_T = TypeVar("_T")


class KeySlots:
    """keys.json at `path`: unlocks the database key and re-protects it."""

    def __init__(self, path: Path, key_file: KeyFile) -> None:
        self.path = path
        self._file = key_file

    @classmethod
    def load(cls, path: Path) -> KeySlots:
        """Reads keys.json; raises KeyFileMissing or KeyFileUnreadable."""
        return cls(path, KeyFile.load(path))

    @classmethod
    def create(
        cls,
        path: Path,
        *,
        keyring: KeyringBackend | None,
        passphrase: str | None = None,
        scrypt: ScryptParams | None = None,
    ) -> tuple[KeySlots, DatabaseKey, RecoveryKey]:
        """A fresh key with a recovery slot and a keyring or passphrase slot (or both).

        Writes the keyring entry, not keys.json: call `save` once the database exists.
        """
        if keyring is None and passphrase is None:
            raise ValueError("a new store needs a keyring or a passphrase")
        if passphrase is not None:
            _require_strong(passphrase)
        store_id = secrets.token_hex(16)
        key = DatabaseKey.generate()
        recovery = RecoveryKey.generate()
        key_file = KeyFile(store_id, _key_check(store_id, key), ())
        slots = cls(path, key_file)
        slots._file = slots._file.replacing(_recovery_slot(store_id, key, recovery))
        if passphrase is not None:
            slots._file = slots._file.replacing(
                _passphrase_slot(store_id, key, passphrase, scrypt or ScryptParams())
            )
        if keyring is not None:
            slots._file = slots._file.replacing(_keyring_slot(store_id, key, keyring))
        return slots, key, recovery

    @property
    def store_id(self) -> str:
        return self._file.store_id

    @property
    def kinds(self) -> frozenset[SlotKind]:
        return frozenset(slot.kind for slot in self._file.slots)

    def has(self, kind: SlotKind) -> bool:
        return self._file.has(kind)

    def save(self) -> None:
        self._file.save(self.path)

    def for_backup(self) -> KeyFile:
        """The slots a backup carries: all but the keyring slot, whose secret stays here."""
        return self._file.without(SlotKind.KEYRING)

    def matches(self, key: DatabaseKey) -> bool:
        """Whether `key` is this store's database key."""
        return hmac.compare_digest(self._file.key_check, _key_check(self.store_id, key))

    # --- unlocking -------------------------------------------------------------------------

    def unlock_with_keyring(self, keyring: KeyringBackend) -> DatabaseKey:
        """Raises SlotMissing, KeyringUnavailable, KeyringEntryMissing, KeyringEntryUnreadable."""
        slot = self._file.slot(SlotKind.KEYRING)
        assert slot.keyring_account is not None
        stored = _keyring_call(keyring.get_password, KEYRING_SERVICE, slot.keyring_account)
        if stored is None:
            raise KeyringEntryMissing()
        try:
            secret = base64.b64decode(stored, validate=True)
        except (binascii.Error, ValueError):
            raise KeyringEntryUnreadable() from None
        if len(secret) != KEY_BYTES:
            raise KeyringEntryUnreadable()
        wrapping = _hkdf(secret, slot.salt, SlotKind.KEYRING)
        return self._unwrap(slot, wrapping, KeyringEntryUnreadable)

    def unlock_with_recovery_key(self, recovery: RecoveryKey | str) -> DatabaseKey:
        """Raises SlotMissing, MalformedRecoveryKey, WrongRecoveryKey."""
        if isinstance(recovery, str):
            recovery = RecoveryKey.parse(recovery)
        slot = self._file.slot(SlotKind.RECOVERY)
        wrapping = _hkdf(recovery.secret, slot.salt, SlotKind.RECOVERY)
        return self._unwrap(slot, wrapping, WrongRecoveryKey)

    def unlock_with_passphrase(self, passphrase: str) -> DatabaseKey:
        """Raises SlotMissing, WrongPassphrase. Takes about a third of a second, on purpose."""
        slot = self._file.slot(SlotKind.PASSPHRASE)
        assert slot.scrypt is not None
        wrapping = _scrypt(passphrase, slot.salt, slot.scrypt)
        return self._unwrap(slot, wrapping, WrongPassphrase)

    # --- re-protecting ---------------------------------------------------------------------

    def protect_with_keyring(self, key: DatabaseKey, keyring: KeyringBackend) -> None:
        """Puts a fresh secret in the keyring and a matching slot in keys.json (saved).

        The new entry is written under a new account before keys.json changes, and the old
        entry is removed only after: a crash in between leaves a working slot either way.
        """
        self._require_match(key)
        previous = self._file.slot(SlotKind.KEYRING) if self.has(SlotKind.KEYRING) else None
        self._file = self._file.replacing(_keyring_slot(self.store_id, key, keyring))
        self.save()
        if previous is not None:
            _forget(keyring, previous)

    def protect_with_passphrase(
        self, key: DatabaseKey, passphrase: str, scrypt: ScryptParams | None = None
    ) -> None:
        """Adds or replaces the passphrase slot (saved)."""
        self._require_match(key)
        _require_strong(passphrase)
        slot = _passphrase_slot(self.store_id, key, passphrase, scrypt or ScryptParams())
        self._file = self._file.replacing(slot)
        self.save()

    def replace_recovery_key(
        self, key: DatabaseKey, recovery: RecoveryKey | None = None
    ) -> RecoveryKey:
        """`recovery` (default: a new one, to show once) in place of the old one, which stops
        working (saved)."""
        self._require_match(key)
        if recovery is None:
            recovery = RecoveryKey.generate()
        self._file = self._file.replacing(_recovery_slot(self.store_id, key, recovery))
        self.save()
        return recovery

    def remove_slot(self, kind: SlotKind, keyring: KeyringBackend | None = None) -> None:
        """Removes a keyring or passphrase slot (saved); the recovery slot always stays."""
        if kind == SlotKind.RECOVERY:
            raise ValueError("the recovery slot cannot be removed")
        if not self.has(kind):
            return
        removed = self._file.slot(kind)
        self._file = self._file.without(kind)
        self.save()
        if keyring is not None and kind == SlotKind.KEYRING:
            _forget(keyring, removed)

    def discard_keyring_entry(self, keyring: KeyringBackend) -> None:
        """Best effort: removes this file's keyring entry (a creation that did not finish)."""
        if self.has(SlotKind.KEYRING):
            _forget(keyring, self._file.slot(SlotKind.KEYRING))

    # --- internals -------------------------------------------------------------------------

    def _unwrap(
        self, slot: KeySlot, wrapping: bytes, failure: Callable[[], Exception]
    ) -> DatabaseKey:
        try:
            raw = AESGCM(wrapping).decrypt(slot.nonce, slot.wrapped, _aad(self.store_id, slot))
        except InvalidTag:
            raise failure() from None
        key = DatabaseKey(raw)
        if not self.matches(key):
            raise KeyFileUnreadable(str(self.path.parent), "its slots disagree")
        return key

    def _require_match(self, key: DatabaseKey) -> None:
        if not self.matches(key):
            raise ValueError("this is not the database key of this store")


@dataclass(frozen=True)
class _Sealed:
    nonce: bytes
    wrapped: bytes


def _seal(store_id: str, kind: SlotKind, wrapping: bytes, key: DatabaseKey) -> _Sealed:
    nonce = secrets.token_bytes(_NONCE_BYTES)
    aad = _aad_for(store_id, kind)
    return _Sealed(nonce, AESGCM(wrapping).encrypt(nonce, key.raw, aad))


def _recovery_slot(store_id: str, key: DatabaseKey, recovery: RecoveryKey) -> KeySlot:
    salt = secrets.token_bytes(_SALT_BYTES)
    sealed = _seal(
        store_id, SlotKind.RECOVERY, _hkdf(recovery.secret, salt, SlotKind.RECOVERY), key
    )
    return KeySlot(SlotKind.RECOVERY, salt, sealed.nonce, sealed.wrapped)


def _passphrase_slot(
    store_id: str, key: DatabaseKey, passphrase: str, params: ScryptParams
) -> KeySlot:
    salt = secrets.token_bytes(_SALT_BYTES)
    sealed = _seal(store_id, SlotKind.PASSPHRASE, _scrypt(passphrase, salt, params), key)
    return KeySlot(SlotKind.PASSPHRASE, salt, sealed.nonce, sealed.wrapped, scrypt=params)


def _keyring_slot(store_id: str, key: DatabaseKey, keyring: KeyringBackend) -> KeySlot:
    secret = secrets.token_bytes(KEY_BYTES)
    account = f"store-{store_id}-{secrets.token_hex(4)}"
    encoded = base64.b64encode(secret).decode("ascii")
    _keyring_call(keyring.set_password, KEYRING_SERVICE, account, encoded)
    salt = secrets.token_bytes(_SALT_BYTES)
    sealed = _seal(store_id, SlotKind.KEYRING, _hkdf(secret, salt, SlotKind.KEYRING), key)
    return KeySlot(SlotKind.KEYRING, salt, sealed.nonce, sealed.wrapped, keyring_account=account)


def _forget(keyring: KeyringBackend, slot: KeySlot) -> None:
    if slot.keyring_account is not None:
        with contextlib.suppress(Exception):
            keyring.delete_password(KEYRING_SERVICE, slot.keyring_account)


def _keyring_call(function: Callable[..., _T], *args: str) -> _T:
    try:
        return function(*args)
    except Exception as error:  # any backend failure: D-Bus gone, keyring locked, refused
        raise KeyringUnavailable(type(error).__name__) from error


def _aad(store_id: str, slot: KeySlot) -> bytes:
    return _aad_for(store_id, slot.kind)


def _aad_for(store_id: str, kind: SlotKind) -> bytes:
    return f"tooddoc-desk/keys/v1/{store_id}/{kind.value}".encode("ascii")


def _hkdf(secret: bytes, salt: bytes, kind: SlotKind) -> bytes:
    info = f"tooddoc-desk/{kind.value}-slot/v1".encode("ascii")
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(secret)


def _scrypt(passphrase: str, salt: bytes, params: ScryptParams) -> bytes:
    data = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return Scrypt(salt=salt, length=32, n=params.n, r=params.r, p=params.p).derive(data)


def _key_check(store_id: str, key: DatabaseKey) -> bytes:
    message = f"tooddoc-desk/key-check/v1/{store_id}".encode("ascii")
    return hmac.new(key.raw, message, hashlib.sha256).digest()


def _require_strong(passphrase: str) -> None:
    if len(unicodedata.normalize("NFC", passphrase).strip()) < MIN_PASSPHRASE_CHARS:
        raise WeakPassphrase(MIN_PASSPHRASE_CHARS)
