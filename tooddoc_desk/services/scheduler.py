"""Booked consultations: their link leaves `lead` before their time, while the app runs.

A booked consultation has no room until its link is due (a room lives an hour), so at
T − lead the scheduler asks the consultation service to open it: the room, the practitioner's
session, the invite in the outbox. A link that falls due while the app is not running (or while
the computer sleeps) is sent as soon as the app can, if the consultation's time T has not come
yet; otherwise the booking is flagged instead (`expired`, reason `booking_missed`, and a Problem
for the person), since a link arriving after the appointment would only confuse the patient.

    scheduler = Scheduler(service, clock, lead=timedelta(minutes=30))
    scheduler.start()        # at once: what fell due while the app was closed
    await scheduler.run_due()  # one round (tests)
    await scheduler.stop()
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from tooddoc_desk.core.clock import Clock
from tooddoc_desk.core.schedule import DEFAULT_LEAD, send_time
from tooddoc_desk.services.background import Background
from tooddoc_desk.services.consultations import ConsultationService
from tooddoc_desk.services.events import ConsultationChanged, ServiceEvent

log = logging.getLogger(__name__)

LONGEST_WAIT = 60.0  # seconds: the clock is looked at again at least this often (sleep, DST)


class Scheduler:
    def __init__(
        self, service: ConsultationService, clock: Clock, lead: timedelta = DEFAULT_LEAD
    ) -> None:
        self._service = service
        self._clock = clock
        self._lead = lead
        self._wake = asyncio.Event()
        self._loop = Background(self._run)
        service.subscribe(self._on_event)

    @property
    def lead(self) -> timedelta:
        return self._lead

    @lead.setter
    def lead(self, lead: timedelta) -> None:
        """A new lead (the practice changed it): the next wait is worked out again."""
        self._lead = lead
        self._wake.set()

    def start(self) -> None:
        self._loop.start()

    async def stop(self) -> None:
        await self._loop.stop()

    async def run_due(self) -> int:
        """Opens every booked consultation whose link is due, flags those whose time has
        passed; returns how many it handled."""
        handled = 0
        now = self._clock.now()
        for consultation in self._service.booked():
            at = consultation.scheduled_for
            if at is None or send_time(at, self._lead) > now:
                break  # the soonest first: the rest are later still
            if now >= at:
                self._service.miss_booking(consultation.id)
            else:
                await self._service.send_booked(consultation.id)
            handled += 1
        return handled

    def _next_wait(self) -> float:
        booked = self._service.booked()
        if not booked or booked[0].scheduled_for is None:
            return LONGEST_WAIT
        due = send_time(booked[0].scheduled_for, self._lead) - self._clock.now()
        return min(LONGEST_WAIT, max(0.05, due.total_seconds()))

    async def _run(self) -> None:
        while True:
            self._wake.clear()
            try:
                await self.run_due()
            except Exception:  # one bad round must not stop the bookings that follow
                log.exception("a round of booked invites failed")
            try:
                async with asyncio.timeout(self._next_wait()):
                    await self._wake.wait()
            except TimeoutError:
                pass

    def _on_event(self, event: ServiceEvent) -> None:
        if isinstance(event, ConsultationChanged) and event.consultation.awaiting_schedule:
            self._wake.set()  # a new booking: perhaps sooner than the one waited for
