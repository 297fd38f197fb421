"""Delivery: takes invites from the outbox when they are due and hands them to the sender,
recording every step in the store before and after it happens.

    begin the attempt (committed: `sending`) → send →
        accepted            → sent, with the provider's id
        passing failure     → pending, to be tried again at the time the retry policy gives
        lasting failure     → failed, with a sentence for the practitioner
        may have arrived    → ask the provider whether it has it (where it can be asked):
                              found → sent; not there → pending again; cannot tell → unknown

A send cut short by the app stopping stays `sending` in the store and becomes `unknown` at the
next start (`settle_after_restart`): a person decides; nothing is sent twice by itself. An invite
whose consultation no longer wants it (`wanted` says no: withdrawn, ended) is cancelled instead
of sent. While it runs, the service also asks providers that can tell (`StatusSource`) what
became of the invites they accepted in the last hour (`delivery_status.StatusPoller`).
Log lines name invites and consultations by id, never a contact, a text or a link.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from tooddoc_desk.core.clock import Clock
from tooddoc_desk.core.contact import Contact
from tooddoc_desk.core.delivery import DeliveryState, IllegalDeliveryMove, Invite
from tooddoc_desk.core.language import Language
from tooddoc_desk.messaging.deliver import OutOfTries, look_up, never_arrived
from tooddoc_desk.messaging.message import Channel, OutgoingMessage
from tooddoc_desk.messaging.retry import Action, RetryPolicy
from tooddoc_desk.messaging.sender import Ambiguous, DeliveryError, Finder, Routes, Sender
from tooddoc_desk.services.background import Background
from tooddoc_desk.services.delivery_status import POLL_EVERY, StatusPoller
from tooddoc_desk.storage.outbox import Letter, OutboxRepository, Outcome

log = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]
Listener = Callable[[Invite], None]
Addressee = Callable[[str], tuple[Contact, Language]]  # consultation id → where and in what
Wanted = Callable[[str], bool]  # consultation id → is its invite still to be sent?

INTERRUPTED = (
    "The app stopped while this invite was being sent, so it may or may not have arrived. "
    "Ask the patient, then send it again or withdraw it."
)


class DeliveryService:
    def __init__(
        self,
        outbox: OutboxRepository,
        sender: Sender,
        addressee: Addressee,
        clock: Clock,
        *,
        policy: RetryPolicy | None = None,
        sleep: Sleep = asyncio.sleep,
        wanted: Wanted | None = None,
        poll_every: float = POLL_EVERY,
    ) -> None:
        self._outbox = outbox
        self._sender = sender
        self._addressee = addressee
        self._clock = clock
        self._policy = policy or RetryPolicy()
        self._sleep = sleep
        self._wanted = wanted or (lambda _: True)
        self._listeners: list[Listener] = []
        self._wake = asyncio.Event()
        self._busy: set[str] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._loop = Background(self._run)
        self.statuses = StatusPoller(outbox, self.sender_for, clock, self._changed, poll_every)

    def set_sender(self, sender: Sender) -> None:
        """Sends from now on through `sender` (the practice changed its providers); a send
        under way ends through the one it began with."""
        self._sender = sender

    def set_wanted(self, wanted: Wanted) -> None:
        """Who says whether a consultation still wants its invite sent (asked before each try)."""
        self._wanted = wanted

    def sender_for(self, channel: Channel) -> Sender:
        """The sender that carries this channel (the one sender, unless it routes by channel)."""
        if isinstance(self._sender, Routes):
            return self._sender.for_channel(channel)
        return self._sender

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    # --- what callers ask ------------------------------------------------------------------

    def enqueue(self, message: OutgoingMessage, not_before: datetime | None = None) -> Invite:
        """Writes the invite down (before anything is sent) and wakes the sender."""
        now = self._clock.now()
        invite = Invite(
            consultation_id=message.consultation_id,
            channel=message.channel.value,
            not_before=not_before or now,
            created_at=now,
            state=DeliveryState.SCHEDULED
            if not_before and not_before > now
            else DeliveryState.PENDING,
            idempotency_key=message.idempotency_key,
        )
        letter = Letter(message.subject, message.body, message.html, message.link)
        self._outbox.add(invite, letter)
        self._changed(invite)
        self._wake.set()
        return invite

    def resend(self, invite_id: str) -> Invite:
        """A person decided to send a failed or unknown invite again."""
        invite = self._outbox.record(invite_id, Outcome(DeliveryState.PENDING, self._clock.now()))
        self._changed(invite)
        self._wake.set()
        return invite

    def send_again(self, invite_id: str) -> Invite:
        """A person asked for the same words to be sent once more (the first copy left, but the
        patient does not have it): a new invite, with a key of its own, due now."""
        first = self._outbox.get(invite_id)
        now = self._clock.now()
        copy = Invite(
            consultation_id=first.consultation_id,
            channel=first.channel,
            not_before=now,
            created_at=now,
        )
        self._outbox.add(copy, self._outbox.letter(invite_id))
        self._changed(copy)
        self._wake.set()
        return copy

    def latest_for(self, consultation_ids: list[str]) -> dict[str, Invite]:
        return self._outbox.latest_for(consultation_ids)

    def latest(self, consultation_id: str) -> Invite | None:
        return self._outbox.latest_for([consultation_id]).get(consultation_id)

    def cancel_unsent(self, consultation_id: str) -> list[Invite]:
        """Cancels this consultation's invites that have not left (scheduled, pending)."""
        cancelled = []
        for invite in self._outbox.for_consultation(consultation_id):
            if invite.state in (DeliveryState.SCHEDULED, DeliveryState.PENDING):
                done = self.cancel(invite.id)
                if done is not None:
                    cancelled.append(done)
        return cancelled

    def cancel(self, invite_id: str) -> Invite | None:
        """Stops an invite that has not left; None if it is already on its way or done."""
        invite = self._outbox.get(invite_id)
        if invite.id in self._busy or not invite.can_move_to(DeliveryState.CANCELLED):
            return None
        cancelled = self._outbox.record(invite_id, Outcome(DeliveryState.CANCELLED))
        self._changed(cancelled)
        return cancelled

    def settle_after_restart(self) -> list[Invite]:
        settled = self._outbox.settle_interrupted_sends(INTERRUPTED)
        for invite in settled:
            log.warning("invite %s was being sent when the app stopped", invite.id)
            self._changed(invite)
        return settled

    # --- the sending loop ------------------------------------------------------------------

    def start(self) -> None:
        """Sends what is due, as it falls due, and follows the status of what was sent."""
        if not self._loop.running:
            self._loop.start()
            self.statuses.start()

    async def stop(self, grace: float = 0.0) -> None:
        """Stops sending. Sends under way get `grace` seconds to learn their outcome; one cut
        short stays `sending` and becomes `unknown` at the next start."""
        await self.statuses.stop()
        await self._loop.stop()
        tasks = set(self._tasks)
        if tasks and grace > 0:
            await asyncio.wait(tasks, timeout=grace)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def deliver_now(self, invite_id: str) -> Invite:
        """Sends this one invite, retrying as the policy says, until its fate is known (sent,
        failed, unknown, cancelled): for a caller that sends one invite and leaves, without
        the sending loop (which would take every due invite)."""
        while True:
            task = self._spawn(self._outbox.get(invite_id))
            if task is not None:
                await task
            invite = self._outbox.get(invite_id)
            if invite.state not in (DeliveryState.PENDING, DeliveryState.SCHEDULED):
                return invite
            wait = (invite.not_before - self._clock.now()).total_seconds()
            await self._sleep(max(0.0, wait))

    async def send_due(self) -> None:
        """Sends every invite that is due now, each in a task of its own; returns when all
        of them have an outcome for this round."""
        started = [self._spawn(invite) for invite in self._outbox.due(self._clock.now())]
        await asyncio.gather(*[task for task in started if task is not None])

    async def _run(self) -> None:
        while True:
            self._wake.clear()
            for invite in self._outbox.due(self._clock.now()):
                self._spawn(invite)
            try:
                async with asyncio.timeout(self._next_wait()):
                    await self._wake.wait()
            except TimeoutError:
                pass

    def _next_wait(self) -> float:
        """Seconds until the next scheduled or retried invite, at most a minute."""
        later = self._outbox.due(self._clock.now() + timedelta(minutes=1))
        if not later:
            return 60.0
        first = min(invite.not_before for invite in later)
        return max(0.05, (first - self._clock.now()).total_seconds())

    def _spawn(self, invite: Invite) -> asyncio.Task[None] | None:
        if invite.id in self._busy:
            return None
        self._busy.add(invite.id)
        task = asyncio.ensure_future(self._attempt(invite.id))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        task.add_done_callback(lambda _: self._busy.discard(invite.id))
        return task

    async def _attempt(self, invite_id: str) -> None:
        invite = self._outbox.get(invite_id)
        if not self._wanted(invite.consultation_id):
            log.info("invite %s: its consultation no longer wants it", invite.id)
            if invite.can_move_to(DeliveryState.CANCELLED):
                self._changed(self._outbox.record(invite_id, Outcome(DeliveryState.CANCELLED)))
            return
        if invite.state is DeliveryState.SCHEDULED:
            invite = self._outbox.record(invite_id, Outcome(DeliveryState.PENDING))
        try:
            invite = self._outbox.begin_attempt(invite_id)
        except IllegalDeliveryMove:
            return  # cancelled meanwhile
        self._changed(invite)
        message = self._message(invite)
        sender = self.sender_for(message.channel)
        try:
            receipt = await sender.send(message)
        except Ambiguous as error:
            outcome = await self._after_ambiguous(invite, message, error, sender)
        except DeliveryError as error:
            outcome = self._after_failure(invite, error)
        else:
            outcome = Outcome(
                DeliveryState.SENT, provider=receipt.provider, provider_id=receipt.provider_id
            )
        log.info(
            "invite %s (consultation %s), try %d: %s",
            invite.id,
            invite.consultation_id,
            invite.attempts,
            outcome.state,
        )
        self._changed(self._outbox.record(invite_id, outcome))
        if outcome.state is DeliveryState.PENDING:
            self._wake.set()

    def _after_failure(self, invite: Invite, error: DeliveryError) -> Outcome:
        decision = self._policy.decide(error, invite.attempts, self._elapsed(invite))
        if decision.action is Action.RETRY:
            retry_at = self._clock.now() + timedelta(seconds=decision.delay)
            return Outcome(DeliveryState.PENDING, not_before=retry_at, problem=error.message)
        if error.transient:
            return Outcome(DeliveryState.FAILED, problem=OutOfTries(error, invite.attempts).message)
        return Outcome(DeliveryState.FAILED, problem=error.message)

    async def _after_ambiguous(
        self, invite: Invite, message: OutgoingMessage, error: Ambiguous, sender: Sender
    ) -> Outcome:
        if not isinstance(sender, Finder):
            return Outcome(DeliveryState.UNKNOWN, problem=error.message)
        await self._sleep(self._policy.lookup_delay)
        try:
            found = await look_up(sender, message, self._policy, error, self._sleep)
        except Ambiguous:
            return Outcome(DeliveryState.UNKNOWN, problem=error.message)
        if found is None:
            return self._after_failure(invite, never_arrived(message))
        return Outcome(DeliveryState.SENT, provider=found.provider, provider_id=found.provider_id)

    # --- helpers ---------------------------------------------------------------------------

    def _message(self, invite: Invite) -> OutgoingMessage:
        letter = self._outbox.letter(invite.id)
        contact, language = self._addressee(invite.consultation_id)
        return OutgoingMessage(
            consultation_id=invite.consultation_id,
            channel=Channel(invite.channel),
            to=contact,
            subject=letter.subject,
            body=letter.body,
            html=letter.html,
            language=language,
            link=letter.link,
            idempotency_key=invite.idempotency_key,
        )

    def _elapsed(self, invite: Invite) -> float:
        return max(0.0, (self._clock.now() - invite.created_at).total_seconds())

    def _changed(self, invite: Invite) -> None:
        for listener in list(self._listeners):
            listener(invite)
