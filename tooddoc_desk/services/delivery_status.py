"""What became of the invites a provider accepted: asked of providers that can tell.

Every `POLL_EVERY` seconds, each invite `sent` within the last `FOLLOW_FOR` is looked up with
its provider (where the channel's sender is a `StatusSource`, such as Twilio): the network
confirmed it → `delivered`; the network gave up on it → `failed`, with a sentence for the
practitioner. A provider that cannot be asked this time is asked again at the next round.
Log lines name invites by id, never a contact or a link.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import timedelta

from tooddoc_desk.core.clock import Clock
from tooddoc_desk.core.delivery import DeliveryState, IllegalDeliveryMove, Invite
from tooddoc_desk.messaging.message import Channel, DeliveryStatus, Receipt
from tooddoc_desk.messaging.problems import Reason, sentence
from tooddoc_desk.messaging.sender import DeliveryError, Sender, StatusSource
from tooddoc_desk.services.background import Background
from tooddoc_desk.storage.outbox import OutboxRepository, Outcome

log = logging.getLogger(__name__)

POLL_EVERY = 30.0  # seconds
FOLLOW_FOR = timedelta(hours=1)

SenderFor = Callable[[Channel], Sender]
Changed = Callable[[Invite], None]


class StatusPoller:
    def __init__(
        self,
        outbox: OutboxRepository,
        sender_for: SenderFor,
        clock: Clock,
        changed: Changed,
        every: float = POLL_EVERY,
    ) -> None:
        self._outbox = outbox
        self._sender_for = sender_for
        self._clock = clock
        self._changed = changed
        self._every = every
        self._loop = Background(self._run)

    def start(self) -> None:
        if self._every > 0:
            self._loop.start()

    async def stop(self) -> None:
        await self._loop.stop()

    async def poll(self) -> list[Invite]:
        """One round: asks about every invite still followed; returns those that moved."""
        moved = []
        for invite in self._outbox.sent_since(self._clock.now() - FOLLOW_FOR):
            sender = self._sender_for(Channel(invite.channel))
            if not isinstance(sender, StatusSource) or invite.provider_id is None:
                continue
            receipt = Receipt(
                invite.consultation_id,
                Channel(invite.channel),
                invite.provider or "",
                invite.provider_id,
            )
            try:
                status = await sender.status(receipt)
            except DeliveryError as error:
                log.info("invite %s: status not known this round (%s)", invite.id, error.reason)
                continue
            outcome = _outcome(status)
            if outcome is None:
                continue
            try:
                changed = self._outbox.record(invite.id, outcome)
            except IllegalDeliveryMove:
                continue  # moved meanwhile (withdrawn)
            log.info("invite %s: the provider reports it %s", invite.id, changed.state)
            self._changed(changed)
            moved.append(changed)
        return moved

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self._every)
            try:
                await self.poll()
            except Exception:  # a round that fails must not end the polling
                log.exception("a round of status polling failed")


def _outcome(status: DeliveryStatus) -> Outcome | None:
    if status is DeliveryStatus.DELIVERED:
        return Outcome(DeliveryState.DELIVERED)
    if status is DeliveryStatus.FAILED:
        return Outcome(DeliveryState.FAILED, problem=sentence(Reason.NOT_DELIVERED))
    return None
