"""What the store and the backups say (an error's message and hint, a backup's problem as
kept in its status), in the window's language."""

from __future__ import annotations

import re

from tooddoc_desk.storage.errors import StoreError
from tooddoc_desk.ui.i18n import sentence

_SENTENCE_END = re.compile(r"(?<=\.)\s+(?=[A-Z])")


def say(text: str) -> str:
    """A store's sentence in the window's language: whole, or sentence by sentence (an error's
    message may be one sentence with "Nothing was changed on disk." added)."""
    whole = sentence(text)
    if whole != text:
        return whole
    return " ".join(sentence(part) for part in _SENTENCE_END.split(text))


def said(problem: str) -> str:
    """A stored problem (its sentence and its hint, one per line) in the window's language."""
    return " ".join(say(part) for part in problem.split("\n") if part)


def said_error(error: StoreError) -> str:
    return say(error.message) + " " + say(error.recovery_hint)
