"""The dev outbox: with no SMS or e-mail provider configured, invites are shown in the app.

It keeps the messages of this run in memory and tells its listeners about each new one. Its log
lines name the consultation and the channel, never the contact or the link.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from tooddoc_desk.messaging.message import OutgoingMessage, Receipt

log = logging.getLogger(__name__)

Listener = Callable[[OutgoingMessage], None]


class DevOutbox:
    provider = "dev-outbox"

    def __init__(self) -> None:
        self._messages: list[OutgoingMessage] = []
        self._listeners: list[Listener] = []

    @property
    def messages(self) -> tuple[OutgoingMessage, ...]:
        return tuple(self._messages)

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    async def send(self, message: OutgoingMessage) -> Receipt:
        self._messages.append(message)
        log.info(
            "invite for consultation %s placed in the dev outbox (%s)",
            message.consultation_id,
            message.channel,
        )
        for listener in list(self._listeners):
            listener(message)
        return Receipt(message.consultation_id, message.channel, self.provider)
