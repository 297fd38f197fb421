"""When a booked consultation takes place, as a person types it, and when its link leaves.

    parse_when("", now)                  → None: now
    parse_when("now", now)               → None
    parse_when("14:30", now)             → today at 14:30, local time ("14h30", "14h" too)
    parse_when("26/11 9:15", now)        → 26 November of this year at 9:15
    parse_when("26/11/2026 9:15", now)   → the same, with its year ("26.11.2026", "26-11-2026")
    parse_when("2026-11-26 09:15", now)  → ISO 8601, with "T", and with an offset or Z if wanted

A time without an offset is the practice's local time (`tz`, or this computer's zone). A moment
that has passed, or one more than `MAX_AHEAD` away, is refused with a sentence for the person.
The link of a booked consultation leaves `lead` before it (`send_time`): the room on the hub is
made then, since a room lives an hour.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, tzinfo

from tooddoc_desk.core.clock import require_aware

DEFAULT_LEAD = timedelta(minutes=30)
MAX_AHEAD = timedelta(days=90)
NOW_WORDS = frozenset({"", "now", "maintenant", "nu", "jetzt"})

_TIME = r"(?P<hour>\d{1,2})(?:[:h](?P<minute>\d{2})?)?"
_TIME_ONLY = re.compile(_TIME)
_DAY_MONTH = re.compile(
    r"(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})(?:[/.-](?P<year>\d{4}))?\s+(?:at\s+|à\s+)?" + _TIME
)
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?")


class ScheduleError(ValueError):
    """What was typed is not a time a consultation can be booked for; `message` says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def parse_when(text: str, now: datetime, tz: tzinfo | None = None) -> datetime | None:
    """The moment typed (in UTC), or None for "now". Raises ScheduleError."""
    typed = " ".join(text.strip().lower().split())
    if typed in NOW_WORDS:
        return None
    local_now = _local(require_aware(now), tz)
    moment = _iso(typed, tz) if _ISO.fullmatch(typed.upper()) else _written(typed, local_now, tz)
    if moment <= now:
        raise ScheduleError(f"{describe(moment, now, tz)} has passed: give a time to come.")
    if moment - now > MAX_AHEAD:
        raise ScheduleError("A consultation is booked at most 90 days ahead.")
    return moment


def send_time(scheduled_for: datetime, lead: timedelta = DEFAULT_LEAD) -> datetime:
    """When the link of a consultation booked for `scheduled_for` leaves."""
    return require_aware(scheduled_for) - lead


def describe(moment: datetime, now: datetime, tz: tzinfo | None = None) -> str:
    """ "today at 14:30", "tomorrow at 9:05", "26/11/2026 at 14:30", in local time."""
    local, today = _local(moment, tz), _local(now, tz).date()
    clock = f"{local.hour}:{local.minute:02d}"
    if local.date() == today:
        return f"today at {clock}"
    if local.date() == today + timedelta(days=1):
        return f"tomorrow at {clock}"
    return f"{local.day:02d}/{local.month:02d}/{local.year} at {clock}"


def _written(typed: str, local_now: datetime, tz: tzinfo | None) -> datetime:
    if match := _TIME_ONLY.fullmatch(typed):
        return _at(local_now.date(), _clock(match), tz)
    if match := _DAY_MONTH.fullmatch(typed):
        year = int(match["year"]) if match["year"] else local_now.year
        try:
            day = date(year, int(match["month"]), int(match["day"]))
        except ValueError:
            wrong = f"{match['day']}/{match['month']}"
            raise ScheduleError(f"There is no such day as {wrong}.") from None
        return _at(day, _clock(match), tz)
    raise ScheduleError(
        "Give the time as 14:30, or a day and a time as 26/11 14:30 (or leave it empty for now)."
    )


def _iso(typed: str, tz: tzinfo | None) -> datetime:
    try:
        moment = datetime.fromisoformat(typed.upper().replace(" ", "T"))
    except ValueError:
        raise ScheduleError("This date and time do not exist.") from None
    if moment.tzinfo is None:
        return _at(moment.date(), moment.time(), tz)
    return require_aware(moment)


def _clock(match: re.Match[str]) -> time:
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if hour > 23 or minute > 59:
        raise ScheduleError(f"{match['hour']}:{match['minute'] or '00'} is not a time of day.")
    return time(hour, minute)


def _at(day: date, clock: time, tz: tzinfo | None) -> datetime:
    naive = datetime.combine(day, clock)
    local = naive.replace(tzinfo=tz) if tz is not None else naive.astimezone()
    return require_aware(local)


def _local(moment: datetime, tz: tzinfo | None) -> datetime:
    return moment.astimezone(tz) if tz is not None else moment.astimezone()
