"""Pre-payments: the Checkout Session a consultation's patient pays through, followed to the end.

The consultation service asks for it when the link leaves (`open`): a Checkout Session is made
with the practice's Stripe key (kept in this computer's keyring; it never leaves it), and the
hub is told the address to pay at (the patient's page sends the patient there before the
waiting room). From then on the session is retrieved from Stripe:

- every few seconds once the patient has opened the page (they are on Stripe's page, or coming
  back from it), every half minute before; at once when the page is opened again (the patient
  came back from Checkout) and at admission;
- paid: the record says so, with the method (card, Bancontact), and the hub lets the patient
  into the waiting room;
- expired, or a payment that failed: a new session (the patient tries again), whose address
  the hub passes on to the page.

A refund (a paid consultation called off) goes through Stripe's Refund API. Every creating call
carries an idempotency key made from the consultation's id (and the session's number), so a
call repeated after a timeout or a restart makes nothing twice.

Nothing about the patient goes to Stripe: the description is the practice's name and the word
"consultation". Log lines name consultations by id only.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from tooddoc_desk.core.clock import Clock
from tooddoc_desk.core.consultation import Consultation
from tooddoc_desk.core.language import Language
from tooddoc_desk.core.payment import CURRENCY, Payment, PaymentState
from tooddoc_desk.hub.client import HubError
from tooddoc_desk.payments.checkout import (
    API_ADDRESS,
    CheckoutSession,
    Order,
    Outcome,
    PaymentError,
)
from tooddoc_desk.services.sentences import NO_STRIPE_KEY, PAID_NOT_HELD
from tooddoc_desk.storage.consultations import ConsultationRepository
from tooddoc_desk.storage.errors import StoreError

if TYPE_CHECKING:
    from tooddoc_desk.payments.stripe_checkout import StripeCheckout

log = logging.getLogger(__name__)

# Stripe keeps a Checkout Session open from 30 minutes to 24 hours
MIN_SESSION_LIFE = timedelta(minutes=31)
MAX_SESSION_LIFE = timedelta(hours=23, minutes=59)
CONSULTATION_WORD = {
    Language.FR: "consultation",
    Language.NL: "consultatie",
    Language.EN: "consultation",
    Language.DE: "Konsultation",
}


@runtime_checkable
class PaymentBoard(Protocol):
    """Where the patient's page learns how the payment stands: the hub (hub/client.py)."""

    async def set_payment(
        self,
        room_id: str,
        *,
        paid: bool,
        amount_cents: int,
        checkout_url: str | None = None,
        session_id: str | None = None,
    ) -> None: ...


def board_of(rooms: object) -> PaymentBoard | None:
    """The hub client, when it can tell the patient's page about payments."""
    return rooms if isinstance(rooms, PaymentBoard) else None


@dataclass(frozen=True)
class PollIntervals:
    engaged: float = 5.0  # seconds, once the patient has opened the page
    idle: float = 30.0  # before that


Changed = Callable[[Consultation], None]


class Prepayments:
    def __init__(
        self,
        repository: ConsultationRepository,
        *,
        stripe_key: Callable[[], str | None],
        board: PaymentBoard | None,
        clock: Clock,
        practice_name: str,
        changed: Changed,
        problem: Callable[[str, str], None],
        api_address: str = API_ADDRESS,
        intervals: PollIntervals | None = None,
    ) -> None:
        """`stripe_key` reads the restricted key (None: none is kept on this computer);
        `changed(consultation)` tells the window; `problem(sentence, consultation_id)` says
        what went wrong."""
        self._repository = repository
        self._stripe_key = stripe_key
        self._board = board
        self._clock = clock
        self._practice_name = practice_name
        self._changed = changed
        self._problem = problem
        self._api_address = api_address
        self._intervals = intervals or PollIntervals()
        self._checkout: StripeCheckout | None = None
        self._checkout_key: str | None = None
        self._followed: dict[str, Consultation] = {}
        self._room_expiry: dict[str, datetime] = {}
        self._engaged: set[str] = set()
        self._nudges: dict[str, asyncio.Event] = {}
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._hub_told: dict[str, bool] = {}
        self._last_looks: set[asyncio.Task[None]] = set()
        self._lock = asyncio.Lock()

    def set_practice_name(self, name: str) -> None:
        self._practice_name = name

    def use_board(self, board: PaymentBoard | None) -> None:
        self._board = board

    def unusable(self) -> str | None:
        """Why a pre-payment cannot be asked from this computer (None: it can)."""
        try:
            key = self._stripe_key()
        except Exception as error:  # the keyring failed: said, never raised into a form
            log.warning("stripe key unreadable (%s)", type(error).__name__)
            return NO_STRIPE_KEY
        return NO_STRIPE_KEY if not key else None

    # --- the flow ------------------------------------------------------------------------------

    async def open(self, consultation: Consultation, room_expires_at: datetime | None) -> None:
        """Makes the first Checkout Session and tells the hub; then follows the payment.
        Raises PaymentError (Stripe, or no key) or HubError."""
        if consultation.payment is None or consultation.room_id is None:
            return
        if room_expires_at is not None:
            self._room_expiry[consultation.id] = room_expires_at
        session = await self._new_session(consultation)
        await self._tell_hub(consultation, session)
        self.follow(consultation)

    def follow(self, consultation: Consultation) -> None:
        """Retrieves the session from time to time until it is paid or the room closes."""
        payment = consultation.payment
        if payment is None or payment.state is not PaymentState.AWAITING:
            return
        self._followed[consultation.id] = consultation
        if consultation.id not in self._tasks:
            self._nudges[consultation.id] = asyncio.Event()
            task = asyncio.ensure_future(self._follow(consultation.id))
            self._tasks[consultation.id] = task
            task.add_done_callback(lambda _: self._tasks.pop(consultation.id, None))

    def stop_following(self, consultation_id: str) -> None:
        self._followed.pop(consultation_id, None)
        self._engaged.discard(consultation_id)
        self._room_expiry.pop(consultation_id, None)
        self._hub_told.pop(consultation_id, None)
        nudge = self._nudges.pop(consultation_id, None)
        if nudge is not None:
            nudge.set()

    def patient_here(self, consultation_id: str) -> None:
        """The patient's page was opened (maybe coming back from Checkout): look now."""
        if consultation_id in self._followed:
            self._engaged.add(consultation_id)
            nudge = self._nudges.get(consultation_id)
            if nudge is not None:
                nudge.set()

    async def check(self, consultation: Consultation) -> Payment | None:
        """Retrieves the session now and records what it says; a lapsed session is replaced.
        Raises PaymentError."""
        async with self._lock:
            payment = consultation.payment
            if payment is None or payment.state is not PaymentState.AWAITING:
                return payment
            if payment.session_id is None:
                session = await self._new_session(consultation)
                await self._tell_hub(consultation, session)
                return consultation.payment
            session = await (await self._client()).retrieve_session(payment.session_id)
            if session.outcome is Outcome.PAID:
                self._record(
                    consultation,
                    payment.settled(session.method, session.payment_intent, self._clock.now()),
                )
                log.info("consultation %s: paid (%s)", consultation.id, session.method)
                await self._tell_hub(consultation, None)
            elif session.outcome in (Outcome.EXPIRED, Outcome.FAILED):
                log.info(
                    "consultation %s: checkout %s, a new one", consultation.id, session.outcome
                )
                if consultation.room_id is not None and consultation.state.is_open:
                    fresh = await self._new_session(consultation)
                    await self._tell_hub(consultation, fresh)
            elif consultation.id in self._followed and not self._hub_told.get(consultation.id):
                await self._tell_hub(consultation, session)
            return consultation.payment

    async def refund(self, consultation: Consultation) -> Payment:
        """Gives the pre-payment back. Raises PaymentError; a consultation not paid is left."""
        payment = consultation.payment
        if payment is None or payment.state is not PaymentState.PAID:
            raise ValueError("only a paid consultation is refunded")
        if payment.payment_intent is None:
            raise PaymentError(
                "Stripe did not say which payment this was: refund it from Stripe's dashboard.",
                transient=False,
            )
        refund = await (await self._client()).refund(
            payment.payment_intent, idempotency_key=f"tooddoc-refund-{consultation.id}"
        )
        self._record(consultation, payment.refunded(refund.id, self._clock.now()))
        log.info("consultation %s: refunded (%s)", consultation.id, refund.status)
        return consultation.payment or payment

    def last_look(self, consultation: Consultation) -> None:
        """A consultation ended (or was found ended at start) while its payment was awaited:
        its session is retrieved once more, so that a patient who paid at the last moment is
        recorded as paid (and the person told to refund them)."""
        payment = consultation.payment
        if payment is None or payment.state is not PaymentState.AWAITING:
            return
        if payment.session_id is None:
            return
        task = asyncio.ensure_future(self._last_look(consultation))
        self._last_looks.add(task)
        task.add_done_callback(self._last_looks.discard)

    async def _last_look(self, consultation: Consultation) -> None:
        payment = consultation.payment
        if payment is None or payment.session_id is None:
            return
        try:
            session = await (await self._client()).retrieve_session(payment.session_id)
        except PaymentError as error:
            log.warning("consultation %s: last payment check failed (%s)", consultation.id, error)
            return
        if session.outcome is not Outcome.PAID:
            return
        paid = payment.settled(session.method, session.payment_intent, self._clock.now())
        self._record(consultation, paid)
        log.info("consultation %s: paid after it ended", consultation.id)
        self._problem(PAID_NOT_HELD, consultation.id)

    async def close(self) -> None:
        for consultation_id in list(self._followed):
            self.stop_following(consultation_id)
        tasks = list(self._tasks.values()) + list(self._last_looks)
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if self._checkout is not None:
            await self._checkout.close()
            self._checkout = None

    # --- inside ----------------------------------------------------------------------------

    async def _follow(self, consultation_id: str) -> None:
        failures = 0
        while True:
            nudge = self._nudges.get(consultation_id)
            consultation = self._followed.get(consultation_id)
            if nudge is None or consultation is None:
                return
            engaged = consultation_id in self._engaged
            wait = self._intervals.engaged if engaged else self._intervals.idle
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(nudge.wait(), timeout=wait * (1 + min(failures, 5)))
            nudge.clear()
            consultation = self._followed.get(consultation_id)
            if consultation is None or not consultation.state.is_open:
                return
            try:
                payment = await self.check(consultation)
            except (PaymentError, HubError) as error:
                failures += 1
                log.warning("consultation %s: payment not checked (%s)", consultation_id, error)
                if isinstance(error, PaymentError) and not error.transient and failures == 1:
                    self._problem(error.message, consultation_id)
                continue
            failures = 0
            if payment is None or (payment.paid and self._hub_told.get(consultation_id)):
                self.stop_following(consultation_id)
                return

    async def _new_session(self, consultation: Consultation) -> CheckoutSession:
        payment = consultation.payment
        link = consultation.link
        if payment is None or link is None or consultation.room_id is None:
            raise ValueError("a Checkout Session needs a payment and a room")
        now = self._clock.now()
        until = self._room_expiry.get(consultation.id, now + MIN_SESSION_LIFE)
        expires_at = min(max(until, now + MIN_SESSION_LIFE), now + MAX_SESSION_LIFE)
        attempt = payment.attempts + 1
        order = Order(
            amount_cents=payment.amount_cents,
            currency=CURRENCY,
            description=f"{self._practice_name} {CONSULTATION_WORD[consultation.language]}",
            language=consultation.language,
            success_url=_with_query(link, "payment=done"),
            cancel_url=_with_query(link, "payment=cancelled"),
            reference=consultation.room_id,
            expires_at=expires_at,
        )
        session = await (await self._client()).create_session(
            order, idempotency_key=f"tooddoc-checkout-{consultation.id}-{attempt}"
        )
        self._record(consultation, payment.with_session(session.id, now))
        self._hub_told[consultation.id] = False
        return session

    async def _tell_hub(self, consultation: Consultation, session: CheckoutSession | None) -> None:
        payment = consultation.payment
        if self._board is None or payment is None or consultation.room_id is None:
            return
        await self._board.set_payment(
            consultation.room_id,
            paid=payment.paid,
            amount_cents=payment.amount_cents,
            checkout_url=None if payment.paid or session is None else session.url,
            session_id=None if payment.paid else payment.session_id,
        )
        self._hub_told[consultation.id] = True

    def _record(self, consultation: Consultation, payment: Payment) -> None:
        consultation.payment = payment
        try:
            self._repository.set_payment(consultation.id, payment)
        except StoreError as error:
            log.error("consultation %s: payment not stored (%s)", consultation.id, error)
            self._problem(f"The payment could not be saved: {error.message}", consultation.id)
        self._changed(consultation)

    async def _client(self) -> StripeCheckout:
        key = self._stripe_key()
        if not key:
            raise PaymentError(NO_STRIPE_KEY, transient=False)
        if self._checkout is None or key != self._checkout_key:
            if self._checkout is not None:
                await self._checkout.close()
            # the stripe library loads only when the practice first asks for a payment
            from tooddoc_desk.payments.stripe_checkout import StripeCheckout  # noqa: PLC0415

            self._checkout = StripeCheckout(key, api_address=self._api_address)
            self._checkout_key = key
        return self._checkout


def _with_query(link: str, query: str) -> str:
    return f"{link}{'&' if '?' in link else '?'}{query}"
