"""Booked consultations, with real parts (hub, store, the delivery loop, the dev outbox): the
room is made and the link sent `lead` before the booked time, not at booking; a link that fell
due while the app was closed is sent at once if the time has not come, and flagged otherwise.
Time is faked where the test moves it; the scheduler's own loop runs on the real clock."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tests.helpers.aio import async_test
from tests.helpers.fake_time import FakeTime
from tests.integration.services.rig import PATIENT, rig
from tooddoc_desk.core.clock import SystemClock
from tooddoc_desk.core.consultation import State
from tooddoc_desk.core.delivery import DeliveryState
from tooddoc_desk.core.language import Language
from tooddoc_desk.messaging.dev_outbox import DevOutbox
from tooddoc_desk.services.consultations import BOOKING_MISSED
from tooddoc_desk.services.events import ConsultationChanged
from tooddoc_desk.services.scheduler import Scheduler
from tooddoc_desk.services.sentences import BOOKING_IN_THE_PAST

pytestmark = pytest.mark.usefixtures("loopback_only")

LEAD = timedelta(minutes=30)


@async_test
async def test_the_room_is_made_and_the_link_sent_lead_minutes_before(tmp_path: Path) -> None:
    time, outbox = FakeTime(), DevOutbox()
    async with rig(tmp_path, outbox, clock=time) as r:
        scheduler = Scheduler(r.service, time, LEAD)
        at = time.now() + timedelta(hours=2)
        booked = r.service.book(PATIENT, Language.NL, time.now(), at)
        assert booked.awaiting_schedule
        assert [c.id for c in r.service.today()] == [booked.id]

        assert await scheduler.run_due() == 0
        time.advance(timedelta(hours=1, minutes=29).total_seconds())
        assert await scheduler.run_due() == 0
        assert r.rooms.invites == []  # no room before its time: a room lives an hour

        time.advance(60)
        assert await scheduler.run_due() == 1
        assert len(r.rooms.invites) == 1
        await r.invite_reaches(booked.id, DeliveryState.SENT)
        sent = r.service.get(booked.id)
        assert (sent.state, sent.scheduled_for) == (State.INVITED, at)
        assert outbox.messages[0].to == PATIENT
        assert await scheduler.run_due() == 0  # sent once


@async_test
async def test_after_a_restart_a_due_link_leaves_at_once_before_its_time(tmp_path: Path) -> None:
    time = FakeTime()
    async with rig(tmp_path, DevOutbox(), clock=time) as r:
        booked = r.service.book(PATIENT, Language.FR, time.now(), time.now() + timedelta(hours=1))
        time.advance(timedelta(minutes=50).total_seconds())  # the app was closed meanwhile
        r.service.recover_after_restart()
        assert r.store.consultations.get(booked.id).state is State.DRAFT
        assert await Scheduler(r.service, time, LEAD).run_due() == 1
        await r.invite_reaches(booked.id, DeliveryState.SENT)


@async_test
async def test_a_booking_whose_time_passed_is_flagged_not_sent(tmp_path: Path) -> None:
    time, outbox = FakeTime(), DevOutbox()
    async with rig(tmp_path, outbox, clock=time) as r:
        at = time.now() + timedelta(hours=1)
        booked = r.service.book(PATIENT, Language.FR, time.now(), at)
        time.advance(timedelta(hours=2).total_seconds())

        assert await Scheduler(r.service, time, LEAD).run_due() == 1

        problem = await r.problem_for(booked.id)
        assert "was not sent" in problem.message
        assert "today at" in problem.message or "/" in problem.message
        stored = r.store.consultations.get(booked.id)
        assert (stored.state, stored.end_reason) == (State.EXPIRED, BOOKING_MISSED)
        assert r.rooms.invites == []
        assert outbox.messages == ()

        await r.service.resend(booked.id)  # the person sends a link now after all
        await r.events.wait_for_match(
            ConsultationChanged,
            lambda e: e.consultation.id != booked.id and e.consultation.state is State.INVITED,
        )
        assert len(outbox.messages) == 1


@async_test
async def test_a_withdrawn_booking_is_never_sent(tmp_path: Path) -> None:
    time = FakeTime()
    async with rig(tmp_path, DevOutbox(), clock=time) as r:
        booked = r.service.book(PATIENT, Language.FR, time.now(), time.now() + timedelta(hours=1))
        await r.service.withdraw(booked.id)
        assert r.store.consultations.get(booked.id).state is State.CANCELLED
        time.advance(timedelta(minutes=45).total_seconds())
        assert await Scheduler(r.service, time, LEAD).run_due() == 0
        assert r.rooms.invites == []


@async_test
async def test_a_time_in_the_past_cannot_be_booked(tmp_path: Path) -> None:
    time = FakeTime()
    async with rig(tmp_path, DevOutbox(), clock=time) as r:
        with pytest.raises(ValueError, match="passed") as refused:
            r.service.book(PATIENT, Language.FR, time.now(), time.now() - timedelta(minutes=1))
        assert str(refused.value) == BOOKING_IN_THE_PAST


@async_test
async def test_the_running_scheduler_wakes_for_a_new_booking(tmp_path: Path) -> None:
    outbox = DevOutbox()
    async with rig(tmp_path, outbox) as r:
        scheduler = Scheduler(r.service, SystemClock(), LEAD)
        scheduler.start()
        try:
            now = SystemClock().now()
            # due in a fraction of a second: sooner than the minute the scheduler would sleep
            booked = r.service.book(PATIENT, Language.EN, now, now + LEAD + timedelta(seconds=0.3))
            await r.invite_reaches(booked.id, DeliveryState.SENT)
            assert r.service.get(booked.id).state is State.INVITED
        finally:
            await scheduler.stop()
