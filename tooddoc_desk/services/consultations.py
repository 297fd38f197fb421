"""The consultation service: from the typed contact to the stored report.

It creates the consultation (now, or booked for later: the scheduler opens those when due),
opens its room on the hub, joins the room as the practitioner, writes the invite to the outbox
(the delivery service sends it), and follows the invite and the room to move the consultation
through its states, writing each transition to the encrypted store as it happens:

    invite pending / sending      → the consultation stays `draft`
    invite sent or delivered      → `invited` (unless the patient opened the link already)
    invite failed                 → `failed` (the room is closed) and a Problem in its words,
                                    unless the patient has opened the link anyway
    invite unknown                → a Problem: it may or may not have arrived; the room stays
                                    open and the person resends or withdraws

The window listens to its events; it never touches the hub, the calls or the store itself.
The call's chat is `service.chat` (services/call_chat.py).

Log lines name consultations by id only: never a contact, a link or a note.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from tooddoc_desk.calls import events as call_events
from tooddoc_desk.calls.frame_types import Box, FrameSink, PcmHook
from tooddoc_desk.calls.session_state import SessionStateError
from tooddoc_desk.calls.signaling import SignalingError
from tooddoc_desk.core.chat import CHAT_SIGNAL
from tooddoc_desk.core.clock import Clock
from tooddoc_desk.core.consultation import Consultation, EndReason, State
from tooddoc_desk.core.contact import Contact
from tooddoc_desk.core.delivery import DeliveryState, Invite
from tooddoc_desk.core.language import Language
from tooddoc_desk.core.payment import Payment, PaymentState
from tooddoc_desk.core.users import Permission, User
from tooddoc_desk.hub.client import HubError, RoomInvite
from tooddoc_desk.messaging.templates import invitation
from tooddoc_desk.payments.checkout import API_ADDRESS, PaymentError
from tooddoc_desk.services.accounts import Gate
from tooddoc_desk.services.audit import NOTES_OPENED, AuditTrail
from tooddoc_desk.services.call_chat import CallChat
from tooddoc_desk.services.call_media import set_media
from tooddoc_desk.services.delivery import DeliveryService
from tooddoc_desk.services.events import (
    InviteChanged,
    Problem,
)
from tooddoc_desk.services.live_consultations import PRE_CALL, LiveConsultations, Rooms, copy_of
from tooddoc_desk.services.payments import PollIntervals, Prepayments, board_of
from tooddoc_desk.services.practitioners import for_whom, practitioners
from tooddoc_desk.services.sentences import (
    AWAITING_PAYMENT,
    BOOKING_IN_THE_PAST,
    DEVICE_GONE,
    HUB_DOWN,
    NO_STRIPE_KEY,
    NOT_PAID,
    NOT_WAITING,
    NOTHING_TO_RESEND,
    ON_ITS_WAY,
    ONE_CALL_AT_A_TIME,
    booking_missed,
    may_have_arrived,
    not_delivered,
    payment_not_prepared,
    refund_failed,
)
from tooddoc_desk.services.sessions import SessionOpener
from tooddoc_desk.storage.consultations import ConsultationRepository
from tooddoc_desk.storage.history_query import HistoryQuery
from tooddoc_desk.storage.users import UserRepository

if TYPE_CHECKING:
    from tooddoc_desk.calls.session import Session

log = logging.getLogger(__name__)

BOOKING_MISSED = "booking_missed"  # the end reason of a booking whose link never left

__all__ = ["DEVICE_GONE", "HUB_DOWN", "CallOutputs", "ConsultationService", "Rooms"]


@dataclass(frozen=True)
class CallOutputs:
    remote: FrameSink | None = None
    remote_box: Box | None = None
    self_view: FrameSink | None = None
    self_view_box: Box | None = None
    sound: PcmHook | None = None


class ConsultationService(LiveConsultations):
    def __init__(
        self,
        repository: ConsultationRepository,
        *,
        rooms: Rooms,
        delivery: DeliveryService,
        open_session: SessionOpener | None,
        clock: Clock,
        practice_name: str,
        gate: Gate,
        users: UserRepository,
        audit: AuditTrail | None = None,
        stripe_key: Callable[[], str | None] | None = None,
    ) -> None:
        """`open_session` joins a room as the practitioner; None for a caller that only sends
        links (`tooddoc-desk invite` with a hosted hub: the app joins those rooms later).
        `gate` says whether the person at the desk may do what they ask (NotAllowed if not);
        `users` are the practice's people (whom a consultation is for); `audit` records who
        reads notes and chats and who exports (the app always gives one); `stripe_key` reads
        the Stripe key, for pre-payments (`enable_payments`)."""
        self._gate = gate
        self._users = users
        self._audit = audit
        super().__init__(
            repository,
            rooms=rooms,
            delivery=delivery,
            open_session=open_session,
            clock=clock,
            practice_name=practice_name,
        )
        delivery.subscribe(self._on_invite)
        delivery.set_wanted(self.wants_invite)
        self.chat = CallChat(
            repository.chat,
            gate=gate,
            clock=clock,
            session_of=self.session,
            emit=self._emit,
            audit=audit,
        )
        if stripe_key is not None:
            self.enable_payments(stripe_key)

    # --- pre-payments --------------------------------------------------------------------------

    _payments: Prepayments | None = None

    def use_payments(self, payments: Prepayments | None) -> None:
        """Stripe pre-payments (services/payments.py); None: links ask for none."""
        self._payments = payments

    def enable_payments(
        self,
        stripe_key: Callable[[], str | None],
        *,
        api_address: str = API_ADDRESS,
        intervals: PollIntervals | None = None,
    ) -> Prepayments:
        """Pre-payments with the key `stripe_key` reads (from the keyring, when needed), the
        hub in use telling the patient's page."""
        payments = Prepayments(
            self._repository,
            stripe_key=stripe_key,
            board=board_of(self._rooms),
            clock=self._clock,
            practice_name=self._practice_name,
            changed=self._payment_changed,
            problem=self._payment_problem,
            api_address=api_address,
            intervals=intervals,
        )
        self.use_payments(payments)
        return payments

    def use_hub(self, rooms: Rooms, open_session: SessionOpener | None) -> None:
        super().use_hub(rooms, open_session)
        if self._payments is not None:
            self._payments.use_board(board_of(rooms))

    def set_practice_name(self, name: str) -> None:
        super().set_practice_name(name)
        if self._payments is not None:
            self._payments.set_practice_name(name)

    def payment_unusable(self) -> str | None:
        """Why a pre-payment cannot be asked now (None: it can)."""
        if self._payments is None:
            return NO_STRIPE_KEY
        return self._payments.unusable()

    async def refund(self, consultation_id: str) -> bool:
        """Gives a paid consultation's pre-payment back (the window asks first); a Problem says
        why when it cannot. Returns whether it was refunded."""
        self._gate.require(Permission.SEND_INVITES)
        consultation = self._live.get(consultation_id) or self._repository.get(consultation_id)
        payment = consultation.payment
        if payment is None or payment.state is not PaymentState.PAID:
            self._emit(Problem(NOT_PAID, consultation_id))
            return False
        if self._payments is None:
            self._emit(Problem(refund_failed(self.payment_unusable() or ""), consultation_id))
            return False
        try:
            await self._payments.refund(consultation)
        except PaymentError as error:
            self._emit(Problem(refund_failed(error.message), consultation_id))
            return False
        return True

    def _payment_changed(self, consultation: Consultation) -> None:
        self._changed(consultation)

    def _payment_problem(self, sentence: str, consultation_id: str) -> None:
        self._emit(Problem(sentence, consultation_id))

    def _on_call_event(self, consultation_id: str, event: call_events.SessionEvent) -> None:
        super()._on_call_event(consultation_id, event)
        if self._payments is not None and isinstance(
            event, call_events.PatientOpened | call_events.PatientWaiting
        ):
            self._payments.patient_here(consultation_id)

    def _forget(self, consultation_id: str) -> None:
        consultation = self._live.get(consultation_id)
        super()._forget(consultation_id)
        if self._payments is not None and consultation_id not in self._live:
            self._payments.stop_following(consultation_id)
            if consultation is not None and consultation.state.is_final:
                self._payments.last_look(consultation)

    async def _prepare_payment(self, consultation: Consultation, room: RoomInvite) -> bool:
        """The Checkout Session of a consultation that asks for a pre-payment, before its link
        leaves; False (the consultation failed, and a Problem says why) when it cannot be."""
        if consultation.payment is None:
            return True
        why = self.payment_unusable()
        if why is None and self._payments is not None:
            try:
                await self._payments.open(consultation, room.expires_at)
                return True
            except PaymentError as error:
                why = error.message
            except HubError as error:
                log.warning("consultation %s: payment not on the hub (%s)", consultation.id, error)
                why = HUB_DOWN
        self._fail(consultation, "payment_unavailable", payment_not_prepared(why or ""))
        await self._end_session(consultation.id, hang_up=True)  # the room closes with it
        return False

    # --- reading ---------------------------------------------------------------------------

    def today(self) -> list[Consultation]:
        """Consultations created today, and those booked for today or later."""
        self._gate.require(Permission.SEE_WAITING_ROOM)
        start = datetime.combine(self._clock.now().astimezone().date(), time()).astimezone()
        made = self._repository.list_between(start, start + timedelta(days=1))
        known = {consultation.id for consultation in made}
        booked = self._repository.list_booked(since=start, unsent_only=False)
        made += [consultation for consultation in booked if consultation.id not in known]
        return [copy_of(consultation) for consultation in made]

    def search(
        self, query: HistoryQuery, offset: int = 0, limit: int = 100
    ) -> tuple[list[Consultation], int]:
        """One page of the history `query` finds (newest first), and how many it finds."""
        self._gate.require(Permission.SEE_WAITING_ROOM)
        page = self._repository.search(query, offset, limit)
        return [copy_of(consultation) for consultation in page], self._repository.count(query)

    def practitioners(self) -> list[User]:
        """Whom a link can be sent for."""
        self._gate.require(Permission.SEND_INVITES)
        return practitioners(self._users)

    # --- notes (practitioners) ---------------------------------------------------------------

    def notes(self, consultation_id: str) -> str:
        """The notes, for a practitioner; each opening is audited (the store's error, and no
        notes, if it cannot be)."""
        user = self._gate.require(Permission.NOTES)
        notes = self._repository.get(consultation_id).notes
        if self._audit is not None:
            self._audit.record(NOTES_OPENED, by=user, subject=consultation_id)
        return notes

    def save_notes(self, consultation_id: str, notes: str) -> None:
        """Keeps the notes as they stand (called as they are typed); the store's error (a
        full disk) reaches the caller, who says so and keeps the text."""
        self._gate.require(Permission.NOTES)
        self._repository.save_notes(consultation_id, notes)

    # --- the flow --------------------------------------------------------------------------

    async def invite(
        self,
        contact: Contact,
        language: Language,
        requested_at: datetime,
        *,
        practitioner_id: str | None = None,
        gate: Gate | None = None,
        amount_cents: int | None = None,
    ) -> Consultation:
        """Creates the consultation, opens its room, and writes its invite to the outbox, which
        sends it; the consultation becomes `invited` once the invite is sent. On failure it ends
        `failed` and a Problem says why. Returns the consultation as it stands. `gate`: who
        asks, when it is not the person at the desk (a command from a script). ValueError
        (a sentence) when the practitioner must be chosen or is not one."""
        sender = (gate or self._gate).require(Permission.SEND_INVITES)
        consultation = Consultation(
            contact,
            language,
            requested_at,
            self._clock.now(),
            practitioner_id=for_whom(self._users, sender, practitioner_id),
            sent_by=None if sender is None else sender.id,
            payment=self._asked(amount_cents),
        )
        self._repository.add(consultation)
        self._live[consultation.id] = consultation
        self._changed(consultation)
        log.info("consultation %s created (%s)", consultation.id, contact.channel)
        await self._open_and_send(consultation)
        return copy_of(consultation)

    def book(
        self,
        contact: Contact,
        language: Language,
        requested_at: datetime,
        at: datetime,
        *,
        practitioner_id: str | None = None,
        gate: Gate | None = None,
        amount_cents: int | None = None,
    ) -> Consultation:
        """Books a consultation for `at`: no room yet (a room lives an hour); the scheduler
        opens it and sends the link `invite_lead` before. Raises ValueError for a past time
        (and as `invite` does for the practitioner)."""
        sender = (gate or self._gate).require(Permission.SEND_INVITES)
        now = self._clock.now()
        if at <= now:
            raise ValueError(BOOKING_IN_THE_PAST)
        consultation = Consultation(
            contact,
            language,
            requested_at,
            now,
            scheduled_for=at,
            practitioner_id=for_whom(self._users, sender, practitioner_id),
            sent_by=None if sender is None else sender.id,
            payment=self._asked(amount_cents),
        )
        self._repository.add(consultation)
        log.info("consultation %s booked (%s)", consultation.id, contact.channel)
        self._changed(consultation)
        return copy_of(consultation)

    def _asked(self, amount_cents: int | None) -> Payment | None:
        """The pre-payment to ask (None: none); ValueError (a sentence) when it cannot be asked
        from this computer, or AmountError for the amount."""
        if amount_cents is None:
            return None
        payment = Payment.asked(amount_cents)
        why = self.payment_unusable()
        if why is not None:
            raise ValueError(why)
        return payment

    def booked(self) -> list[Consultation]:
        """Booked consultations whose link has not left yet, the soonest first."""
        return [copy_of(consultation) for consultation in self._repository.list_booked()]

    async def send_booked(self, consultation_id: str) -> Consultation:
        """The scheduler's call when a booked consultation's link is due."""
        consultation = self._repository.get(consultation_id)
        if not consultation.awaiting_schedule or consultation_id in self._live:
            return consultation
        self._live[consultation_id] = consultation
        log.info("consultation %s: its booked link is due", consultation_id)
        await self._open_and_send(consultation)
        return copy_of(consultation)

    def miss_booking(self, consultation_id: str) -> None:
        """The scheduler's call for a booking whose time passed before its link could leave
        (the app was not running): it ends `expired`, and the person is told."""
        consultation = self._repository.get(consultation_id)
        if not consultation.awaiting_schedule or consultation.scheduled_for is None:
            return
        log.warning("consultation %s: its booked link was not sent in time", consultation_id)
        self._move(consultation, State.EXPIRED, BOOKING_MISSED)
        message = booking_missed(consultation.scheduled_for, self._clock.now())
        self._emit(Problem(message, consultation_id))

    async def _open_and_send(self, consultation: Consultation) -> None:
        try:
            room = await self._rooms.create_room(self._practice_name, consultation.language)
        except HubError as error:
            log.warning("consultation %s: no room (%s)", consultation.id, type(error).__name__)
            self._fail(consultation, "hub_unavailable", HUB_DOWN)
            return
        consultation.room_id, consultation.link = room.room_id, room.patient_url
        consultation.practitioner_token = room.practitioner_token
        self._repository.set_room(
            consultation.id, room.room_id, room.patient_url, room.practitioner_token
        )
        if self._open_session is not None:
            try:
                self._sessions[consultation.id] = await self._open_session(
                    room.practitioner_token, self._follower(consultation.id)
                )
            except SignalingError as error:
                log.warning(
                    "consultation %s: no signaling (%s)", consultation.id, type(error).__name__
                )
                await self._close_room(consultation)
                self._fail(consultation, "hub_unavailable", HUB_DOWN)
                return
        if not await self._prepare_payment(consultation, room):
            return
        message = invitation(
            consultation.id,
            consultation.contact,
            consultation.language,
            self._practice_name,
            room.patient_url,
        )
        self._delivery.enqueue(message)

    # --- the invite on its way -------------------------------------------------------------

    def latest_invites(self, consultation_ids: list[str]) -> dict[str, Invite]:
        return self._delivery.latest_for(consultation_ids)

    def wants_invite(self, consultation_id: str) -> bool:
        """Whether an invite of this consultation may still be sent: its room is open and no
        call has begun."""
        consultation = self._live.get(consultation_id)
        return consultation is not None and consultation.state in PRE_CALL

    def _on_invite(self, invite: Invite) -> None:
        self._emit(InviteChanged(invite))
        consultation = self._live.get(invite.consultation_id)
        if consultation is None:
            return
        if invite.state in (DeliveryState.SENT, DeliveryState.DELIVERED):
            if consultation.state is State.DRAFT:
                self._move(consultation, State.INVITED)
        elif invite.state is DeliveryState.FAILED:
            if consultation.state in (State.DRAFT, State.INVITED):  # nobody opened the link
                task = asyncio.ensure_future(self._invite_failed(consultation, invite))
                self._closing.add(task)
                task.add_done_callback(self._closing.discard)
            else:
                log.info("consultation %s: invite reported failed, link opened", consultation.id)
        elif invite.state is DeliveryState.UNKNOWN:
            self._emit(Problem(may_have_arrived(invite), consultation.id))

    async def _invite_failed(self, consultation: Consultation, invite: Invite) -> None:
        log.warning("consultation %s: invite not delivered", consultation.id)
        await self._end_session(consultation.id)
        await self._close_room(consultation)
        self._fail(consultation, "not_delivered", not_delivered(invite))

    async def resend(self, consultation_id: str) -> None:
        """Sends the link again, as the person decided. A consultation whose room is open gets
        its invite again (the same link); one that ended before a call (the invite failed, the
        booking was missed) is started again as a new consultation for the same patient."""
        self._gate.require(Permission.SEND_INVITES)
        consultation = self.get(consultation_id)
        invite = self._delivery.latest(consultation_id)
        if consultation_id in self._live and consultation.state in PRE_CALL:
            if invite is None:
                self._emit(Problem(NOTHING_TO_RESEND, consultation_id))
            elif invite.state in (DeliveryState.FAILED, DeliveryState.UNKNOWN):
                self._delivery.resend(invite.id)
            elif invite.state in (DeliveryState.SENT, DeliveryState.DELIVERED):
                self._delivery.send_again(invite.id)
            else:
                self._emit(Problem(ON_ITS_WAY, consultation_id))
            return
        if consultation.state in (State.FAILED, State.EXPIRED):
            log.info("consultation %s: started again as a new one", consultation_id)
            await self.invite(
                consultation.contact, consultation.language, consultation.requested_at
            )
            return
        self._emit(Problem(NOTHING_TO_RESEND, consultation_id))

    async def withdraw(self, consultation_id: str, *, refund: bool = False) -> None:
        """Stops the invite if it has not left and cancels the consultation: the link stops
        working (a booked one is simply called off). `refund`: a paid pre-payment is given
        back too (the window asks the person first)."""
        self._gate.require(Permission.SEND_INVITES)
        if refund:
            await self._withdraw(consultation_id)
            await self.refund(consultation_id)
            return
        await self._withdraw(consultation_id)

    async def _withdraw(self, consultation_id: str) -> None:
        self._delivery.cancel_unsent(consultation_id)
        if consultation_id not in self._live:
            consultation = self._repository.get(consultation_id)
            if consultation.awaiting_schedule:
                self._move(consultation, State.CANCELLED, "cancelled")
            return
        await self.cancel(consultation_id)

    async def admit(self, consultation_id: str) -> None:
        self._gate.require(Permission.RUN_CALLS)
        session = self._sessions.get(consultation_id)
        if session is None:
            self._emit(Problem(NOT_WAITING, consultation_id))
            return
        busy = [cid for cid, c in self._live.items() if c.state is State.IN_CALL]
        if busy:
            self._emit(Problem(ONE_CALL_AT_A_TIME))
            return
        if not await self._paid_before_admission(consultation_id):
            return
        try:
            await session.admit()
        except SessionStateError as error:
            log.info("consultation %s: admit refused (%s)", consultation_id, error.code)
            self._emit(Problem(NOT_WAITING, consultation_id))

    async def _paid_before_admission(self, consultation_id: str) -> bool:
        """A consultation that asks a pre-payment is admitted once Stripe says it is paid (the
        session is retrieved now); a Problem says so otherwise."""
        consultation = self._live.get(consultation_id)
        if consultation is None or consultation.payment is None or consultation.payment.paid:
            return True
        payment: Payment | None = consultation.payment
        if self._payments is not None:
            try:
                payment = await self._payments.check(consultation)
            except (PaymentError, HubError) as error:
                log.warning("consultation %s: payment not checked (%s)", consultation_id, error)
        if payment is not None and payment.state is PaymentState.AWAITING:
            self._emit(Problem(AWAITING_PAYMENT, consultation_id))
            return False
        return True

    async def decide_device(self, consultation_id: str, accept: bool) -> None:
        """The practitioner's answer to SecondDeviceWaiting: let the new device in (the room
        moves to it; the first device is told so) or keep the first one (the new one is
        refused)."""
        self._gate.require(Permission.RUN_CALLS)
        session = self._sessions.get(consultation_id)
        if session is None:
            return  # the consultation ended meanwhile: nothing is waiting any more
        try:
            await session.decide_device(accept)
        except SessionStateError as error:
            log.info("consultation %s: device decision refused (%s)", consultation_id, error.code)
            if error.code == "no_second_device":
                self._emit(Problem(DEVICE_GONE, consultation_id))
            return
        log.info(
            "consultation %s: second device %s",
            consultation_id,
            "let in" if accept else "refused",
        )

    async def hang_up(self, consultation_id: str) -> None:
        self._gate.require(Permission.RUN_CALLS)
        session = self._sessions.get(consultation_id)
        if session is not None:
            await session.hang_up()

    async def set_microphone(self, consultation_id: str, on: bool) -> None:
        """Mutes (silence is sent) or unmutes the practitioner in the call; the page says it."""
        self._gate.require(Permission.RUN_CALLS)
        session = self._sessions.get(consultation_id)
        if session is not None:
            await set_media(session, microphone=on)

    async def set_camera(self, consultation_id: str, on: bool) -> None:
        """Turns the practitioner's camera off (black is sent, the camera released) or on."""
        self._gate.require(Permission.RUN_CALLS)
        session = self._sessions.get(consultation_id)
        if session is not None:
            await set_media(session, camera=on)

    async def cancel(self, consultation_id: str) -> None:
        """Withdraws an invite that has not become a call: the link stops working."""
        self._gate.require(Permission.SEND_INVITES)
        consultation = self._live.get(consultation_id)
        if consultation is None or consultation.state not in PRE_CALL:
            return
        session = self._sessions.get(consultation_id)
        if session is not None:
            await session.hang_up()  # closes the room; the session's end cancels the consultation
        else:
            await self._close_room(consultation)
            self._move(consultation, State.CANCELLED, "cancelled")
            self._forget(consultation_id)

    def set_call_outputs(self, consultation_id: str, outputs: CallOutputs) -> None:
        """Where the patient's video, the practitioner's own picture and the patient's voice
        go; frames are scaled to the views' sizes off the event loop."""
        session = self._sessions.get(consultation_id)
        if session is not None:
            session.set_video_sink(outputs.remote, outputs.remote_box)
            session.publisher.set_preview_sink(outputs.self_view, outputs.self_view_box)
            session.set_audio_hook(outputs.sound)

    def session(self, consultation_id: str) -> Session | None:
        return self._sessions.get(consultation_id)

    def _signal_received(self, consultation_id: str, kind: str, data: str) -> None:
        if kind == CHAT_SIGNAL:
            self.chat.received(consultation_id, data)
        else:
            super()._signal_received(consultation_id, kind, data)

    # --- start and stop --------------------------------------------------------------------

    def recover_after_restart(self, *, rooms_survive: bool = False) -> list[Consultation]:
        """Consultations the last run left open: calls cut by a crash become `interrupted`;
        links whose room died with the embedded hub become `expired` (their unsent invites are
        cancelled). With a hosted hub (`rooms_survive`) the rooms may still be open: those
        consultations are returned, for `rejoin`. Booked consultations are the scheduler's."""
        now = self._clock.now()
        for consultation_id in self._repository.interrupt_open_calls(now):
            log.info("consultation %s was interrupted", consultation_id)
        survivors = []
        for consultation in self._repository.list_between(now - timedelta(days=2), now):
            if consultation.awaiting_schedule or consultation.state not in PRE_CALL:
                continue
            if rooms_survive and consultation.room_id and consultation.practitioner_token:
                survivors.append(consultation)
                continue
            self._delivery.cancel_unsent(consultation.id)
            target = State.FAILED if consultation.state is State.DRAFT else State.EXPIRED
            self._move(consultation, target, "app_closed")
        return survivors

    async def rejoin(self, consultations: list[Consultation]) -> None:
        """Joins again the rooms a hosted hub kept for these consultations (the app restarted,
        or `tooddoc-desk invite` sent the link while it was closed); a room that is gone ends
        its consultation `expired`. Consultations that ended while their payment was awaited
        get a last look at Stripe."""
        if self._payments is not None:
            # a Checkout Session lives a day at most: older ones cannot have been paid since
            recent = self._clock.now() - timedelta(days=2)
            for consultation_id in self._repository.list_awaiting_payment():
                ended = self._repository.get(consultation_id)
                if ended.state.is_final and ended.created_at >= recent:
                    self._payments.last_look(ended)
        for consultation in consultations:
            token = consultation.practitioner_token
            if self._open_session is None or token is None:
                continue
            self._live[consultation.id] = consultation
            try:
                self._sessions[consultation.id] = await self._open_session(
                    token, self._follower(consultation.id)
                )
            except SignalingError as error:
                log.info("consultation %s: its room is gone (%s)", consultation.id, error.code)
                self._delivery.cancel_unsent(consultation.id)
                self._move(consultation, State.EXPIRED, "expired")
                self._live.pop(consultation.id, None)
                continue
            log.info("consultation %s: its room was joined again", consultation.id)
            if self._payments is not None:
                self._payments.follow(consultation)
            self._changed(consultation)

    async def settle(self) -> None:
        """Waits for the rooms being closed (after a failed invite, a lost call): for a caller
        that leaves without `close`, which would withdraw every open link."""
        while self._closing:
            await asyncio.wait(set(self._closing))

    async def close(self) -> None:
        """Ends every call and withdraws every waiting link (the embedded hub goes away)."""
        for consultation_id in list(self._sessions):
            consultation = self._live.get(consultation_id)
            if consultation is not None and consultation.state is State.IN_CALL:
                self._move(consultation, State.ENDED, EndReason.APP_CLOSED)
            elif consultation is not None and consultation.state in PRE_CALL:
                self._move(consultation, State.CANCELLED, EndReason.APP_CLOSED)
            await self._end_session(consultation_id, hang_up=True)
        if self._closing:
            await asyncio.wait(set(self._closing))
        if self._payments is not None:
            await self._payments.close()
