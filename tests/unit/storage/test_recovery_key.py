from __future__ import annotations

import re

import pytest

from tooddoc_desk.storage.errors import MalformedRecoveryKey, WrongRecoveryKey
from tooddoc_desk.storage.recovery_key import RecoveryKey


def test_display_is_eight_groups_of_four_base32_characters() -> None:
    key = RecoveryKey.generate()
    assert re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){7}", key.display)
    assert len(key.secret) * 8 >= 128


def test_two_keys_differ() -> None:
    assert RecoveryKey.generate() != RecoveryKey.generate()


@pytest.mark.parametrize(
    "typed",
    [
        lambda text: text,
        lambda text: text.lower(),
        lambda text: text.replace("-", ""),
        lambda text: text.replace("-", " "),
        lambda text: "  " + text.lower().replace("-", "  ") + "\n",
        lambda text: text.replace("-", "").lower()[:16] + "-" + text.replace("-", "")[16:],
    ],
)
def test_typed_back_in_any_reasonable_form(typed: object) -> None:
    key = RecoveryKey.generate()
    assert callable(typed)
    assert RecoveryKey.parse(typed(key.display)) == key


def test_lookalike_digits_are_read_as_letters() -> None:
    key = RecoveryKey(bytes(range(20)))
    mistyped = key.display.replace("O", "0").replace("I", "1").replace("B", "8")
    assert RecoveryKey.parse(mistyped) == key


@pytest.mark.parametrize("typed", ["", "ABCD", "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-456", "é" * 32])
def test_malformed_input_is_refused_without_echoing_it(typed: str) -> None:
    with pytest.raises(MalformedRecoveryKey) as caught:
        RecoveryKey.parse(typed)
    assert isinstance(caught.value, WrongRecoveryKey)
    assert "32 letters" in caught.value.message
    if typed:
        assert typed not in str(caught.value)


def test_repr_hides_the_secret() -> None:
    key = RecoveryKey.generate()
    assert key.display not in repr(key)
    assert key.display not in str(key)
