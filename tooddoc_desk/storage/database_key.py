"""The database key: 256 random bits, given to SQLCipher raw (no key derivation on each open)."""

from __future__ import annotations

import hmac
import secrets

KEY_BYTES = 32


class DatabaseKey:
    """A raw SQLCipher key. Its repr never shows the bytes."""

    __slots__ = ("_raw",)

    def __init__(self, raw: bytes) -> None:
        if len(raw) != KEY_BYTES:
            raise ValueError(f"a database key has {KEY_BYTES} bytes")
        self._raw = bytes(raw)

    @classmethod
    def generate(cls) -> DatabaseKey:
        return cls(secrets.token_bytes(KEY_BYTES))

    @property
    def raw(self) -> bytes:
        return self._raw

    def pragma_value(self) -> str:
        """The value of `PRAGMA key = ...` that hands SQLCipher this key as raw key data."""
        return f"\"x'{self._raw.hex()}'\""

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DatabaseKey):
            return NotImplemented
        return hmac.compare_digest(self._raw, other._raw)

    __hash__ = None  # type: ignore[assignment]  # secrets stay out of sets and dict keys

    def __repr__(self) -> str:
        return "DatabaseKey(<hidden>)"
