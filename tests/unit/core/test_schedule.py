"""When a booked consultation takes place, as typed in the window or given to `--at`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tooddoc_desk.core.schedule import (
    DEFAULT_LEAD,
    ScheduleError,
    describe,
    parse_when,
    send_time,
)

BRUSSELS = ZoneInfo("Europe/Brussels")
NOW = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)  # 9:00 in Brussels


def local(day: int, hour: int, minute: int = 0, month: int = 11, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=BRUSSELS).astimezone(UTC)


@pytest.mark.parametrize("typed", ["", "   ", "now", "NOW", "maintenant", "nu", "jetzt"])
def test_nothing_or_now_means_now(typed: str) -> None:
    assert parse_when(typed, NOW, BRUSSELS) is None


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("14:30", local(25, 14, 30)),
        ("9:05", local(25, 9, 5)),
        ("14h30", local(25, 14, 30)),
        ("14h", local(25, 14)),
        ("26/11 9:15", local(26, 9, 15)),
        ("26.11 9:15", local(26, 9, 15)),
        ("26/11/2026 9:15", local(26, 9, 15)),
        ("3/1/2027 10:00", local(3, 10, 0, month=1, year=2027)),
        ("26/11 à 9h15", local(26, 9, 15)),
        ("2026-11-26 09:15", local(26, 9, 15)),
        ("2026-11-26T09:15", local(26, 9, 15)),
        ("2026-11-26T08:15Z", local(26, 9, 15)),
        ("2026-11-26T09:15+01:00", local(26, 9, 15)),
    ],
)
def test_a_time_or_a_day_and_a_time_in_local_time(typed: str, expected: datetime) -> None:
    moment = parse_when(typed, NOW, BRUSSELS)
    assert moment == expected
    assert moment is not None
    assert moment.tzinfo is UTC


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("8:30", "today at 8:30 has passed"),
        ("24/11 10:00", "has passed"),
        ("25:00", "25:00 is not a time of day"),
        ("14:75", "is not a time of day"),
        ("31/11 10:00", "There is no such day as 31/11"),
        ("tomorrow", "Give the time as 14:30"),
        ("2026-13-01 10:00", "do not exist"),
        ("26/11/2027 10:00", "at most 90 days ahead"),
    ],
)
def test_what_cannot_be_booked_is_said(typed: str, says: str) -> None:
    with pytest.raises(ScheduleError) as refused:
        parse_when(typed, NOW, BRUSSELS)
    assert says in refused.value.message


@given(st.text(max_size=40))
def test_any_text_is_a_moment_none_or_a_sentence(typed: str) -> None:
    try:
        moment = parse_when(typed, NOW, BRUSSELS)
    except ScheduleError as error:
        refusal, moment = error.message, None
        assert refusal
    assert moment is None or NOW < moment <= NOW + timedelta(days=90)


def test_the_link_leaves_lead_minutes_before() -> None:
    at = local(25, 14, 30)
    assert send_time(at) == at - DEFAULT_LEAD == local(25, 14, 0)
    assert send_time(at, timedelta(minutes=10)) == local(25, 14, 20)


def test_moments_are_described_as_a_person_says_them() -> None:
    assert describe(local(25, 14, 30), NOW, BRUSSELS) == "today at 14:30"
    assert describe(local(26, 9, 5), NOW, BRUSSELS) == "tomorrow at 9:05"
    assert describe(local(3, 10, 0, month=12), NOW, BRUSSELS) == "03/12/2026 at 10:00"
