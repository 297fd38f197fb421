"""A chat line as it is sent and kept: trimmed, without controls or direction overrides, 1 to
2000 characters."""

from __future__ import annotations

from datetime import datetime

import pytest

from tooddoc_desk.core.chat import (
    MAX_CHAT_LENGTH,
    ChatMessage,
    ChatSender,
    ChatTextError,
    ChatTextProblem,
    clean_chat_text,
)


def test_a_line_is_trimmed_and_keeps_its_newlines_and_accents() -> None:
    assert clean_chat_text("  Bonjour,\r\nça va ?\t ") == "Bonjour,\nça va ?"
    assert clean_chat_text("<b>gras</b> & 'cité'") == "<b>gras</b> & 'cité'"


def test_controls_and_direction_overrides_are_removed() -> None:
    assert clean_chat_text("a\x00b\x1bc\x7fd\u202ee\u2066f") == "abcdef"


def test_an_empty_line_is_refused() -> None:
    with pytest.raises(ChatTextError) as caught:
        clean_chat_text(" \n\u202e ")
    assert caught.value.problem is ChatTextProblem.EMPTY


def test_the_length_is_counted_in_characters_up_to_2000() -> None:
    assert clean_chat_text("🙂" * MAX_CHAT_LENGTH) == "🙂" * MAX_CHAT_LENGTH
    with pytest.raises(ChatTextError) as caught:
        clean_chat_text("é" * (MAX_CHAT_LENGTH + 1))
    assert (caught.value.problem, caught.value.length) == (ChatTextProblem.TOO_LONG, 2001)
    assert "é" not in str(caught.value)


def test_a_message_needs_an_aware_moment() -> None:
    with pytest.raises(ValueError, match="time zone"):
        ChatMessage(ChatSender.PATIENT, datetime(2026, 1, 1), "x")
