"""Passwords and PINs, kept only as scrypt hashes (memory-hard: a stolen database gives no
cheap guesses).

    scrypt$<log2 n>$<r>$<p>$<salt, base64>$<hash, base64>

A secret is a password of at least 10 characters or a PIN of 6 to 12 digits (quick to type at
a shared desk; the sign-in limits guesses). `verify` compares in constant time.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import itertools
import os
import unicodedata
from dataclasses import dataclass

MIN_PASSWORD = 10
PIN_DIGITS = (6, 12)
MAX_SECRET = 1024


@dataclass(frozen=True)
class HashCost:
    """scrypt's cost. The default takes about 0.1 s and 32 MiB here."""

    log2_n: int = 15
    r: int = 8
    p: int = 1

    @property
    def memory(self) -> int:
        return 128 * self.r * (1 << self.log2_n) * 2  # bytes scrypt needs, with room


DEFAULT_COST = HashCost()


class WeakSecret(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def check_new_secret(secret: str) -> None:
    """Raises WeakSecret with a sentence for a secret that is neither a password nor a PIN."""
    if secret.isascii() and secret.isdigit():
        low, high = PIN_DIGITS
        if not low <= len(secret) <= high:
            raise WeakSecret(f"A PIN has {low} to {high} digits.")
        steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(secret)}
        if len(steps) == 1 and steps <= {0, 1, 9}:  # 111111, 123456, 987654
            raise WeakSecret("This PIN is too easy to guess.")
        return
    if len(secret) < MIN_PASSWORD:
        raise WeakSecret(
            f"A password has at least {MIN_PASSWORD} characters (or use a PIN of "
            f"{PIN_DIGITS[0]} to {PIN_DIGITS[1]} digits)."
        )
    if len(secret) > MAX_SECRET:
        raise WeakSecret(f"A password has at most {MAX_SECRET} characters.")


def _derive(secret: str, salt: bytes, cost: HashCost) -> bytes:
    data = unicodedata.normalize("NFC", secret).encode()
    return hashlib.scrypt(
        data, salt=salt, n=1 << cost.log2_n, r=cost.r, p=cost.p, maxmem=cost.memory, dklen=32
    )


def hash_secret(secret: str, cost: HashCost = DEFAULT_COST) -> str:
    salt = os.urandom(16)
    digest = _derive(secret, salt, cost)
    encoded = (base64.b64encode(part).decode() for part in (salt, digest))
    return "$".join(("scrypt", str(cost.log2_n), str(cost.r), str(cost.p), *encoded))


def verify_secret(secret: str, stored: str) -> bool:
    """True if `secret` is the one `stored` was made from; False for anything else, including a
    stored value that is not a hash this code makes."""
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt" or len(secret) > MAX_SECRET:
        return False
    try:
        cost = HashCost(int(parts[1]), int(parts[2]), int(parts[3]))
        if not (10 <= cost.log2_n <= 20 and 1 <= cost.r <= 32 and 1 <= cost.p <= 16):
            return False
        salt, expected = base64.b64decode(parts[4]), base64.b64decode(parts[5])
    except ValueError:
        return False
    return hmac.compare_digest(_derive(secret, salt, cost), expected)


@functools.cache
def decoy_hash() -> str:
    """A hash to check for names nobody has: a wrong name takes as long as a wrong password,
    so timing does not tell which names exist."""
    return hash_secret(os.urandom(16).hex())
