from __future__ import annotations

import asyncio
import logging

import pytest

from tooddoc_desk.core.contact import PhoneContact
from tooddoc_desk.core.language import Language
from tooddoc_desk.messaging.dev_outbox import DevOutbox
from tooddoc_desk.messaging.message import OutgoingMessage
from tooddoc_desk.messaging.templates import invitation

LINK = "http://127.0.0.1:8765/c/secret-token-value-0123456789abcdef"


def test_keeps_messages_tells_listeners_and_logs_no_contact(
    caplog: pytest.LogCaptureFixture,
) -> None:
    outbox = DevOutbox()
    seen: list[OutgoingMessage] = []
    unsubscribe = outbox.subscribe(seen.append)
    message = invitation("c42", PhoneContact("+32470123456"), Language.FR, "Cabinet", LINK)

    with caplog.at_level(logging.DEBUG):
        receipt = asyncio.run(outbox.send(message))

    assert receipt.consultation_id == "c42"
    assert receipt.provider == "dev-outbox"
    assert outbox.messages == (message,)
    assert seen == [message]
    assert "c42" in caplog.text
    assert "+32470123456" not in caplog.text
    assert "470" not in caplog.text
    assert "secret-token" not in caplog.text

    unsubscribe()
    asyncio.run(outbox.send(message))
    assert seen == [message]
    assert len(outbox.messages) == 2
