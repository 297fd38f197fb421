"""The recovery key: 160 random bits shown once at set-up, typed back by a person.

It is written as 32 base32 characters in 8 groups of 4 (ABCD-EFGH-…). Typed back, it may be in
lower case, with spaces instead of dashes or with no separators at all; the digits 0, 1 and 8,
which base32 does not use, are read as the letters O, I and B they are mistaken for.
"""

from __future__ import annotations

import base64
import hmac
import re
import secrets

from tooddoc_desk.storage.errors import MalformedRecoveryKey

SECRET_BYTES = 20  # 160 bits: 32 base32 characters, no padding
GROUP = 4
_ALPHABET = re.compile(r"[A-Z2-7]{32}")
_SEPARATORS = re.compile(r"[\s\-_.]+")
_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "8": "B"})


class RecoveryKey:
    """A high-entropy secret a person can copy onto paper and type back."""

    __slots__ = ("_secret",)

    def __init__(self, secret: bytes) -> None:
        if len(secret) != SECRET_BYTES:
            raise ValueError(f"a recovery key has {SECRET_BYTES} bytes")
        self._secret = bytes(secret)

    @classmethod
    def generate(cls) -> RecoveryKey:
        return cls(secrets.token_bytes(SECRET_BYTES))

    @classmethod
    def parse(cls, text: str) -> RecoveryKey:
        """Reads a typed recovery key; raises MalformedRecoveryKey if it cannot be one."""
        compact = _SEPARATORS.sub("", text).upper().translate(_LOOKALIKES)
        if not _ALPHABET.fullmatch(compact):
            raise MalformedRecoveryKey()
        return cls(base64.b32decode(compact))

    @property
    def secret(self) -> bytes:
        return self._secret

    @property
    def display(self) -> str:
        """The form shown to the user: eight dash-separated groups of four characters."""
        text = base64.b32encode(self._secret).decode("ascii")
        return "-".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RecoveryKey):
            return NotImplemented
        return hmac.compare_digest(self._secret, other._secret)

    __hash__ = None  # type: ignore[assignment]  # secrets stay out of sets and dict keys

    def __repr__(self) -> str:
        return "RecoveryKey(<hidden>)"
