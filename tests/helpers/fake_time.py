"""Time that passes only when code sleeps (or when a test moves it): retries and schedules run
without waiting. It is a `Clock` (aware datetimes), a monotonic clock and a sleep at once."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

START = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


class FakeTime:
    def __init__(self, start: datetime = START) -> None:
        self.start = start
        self.seconds = 0.0
        self.sleeps: list[float] = []

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.seconds += seconds
        await asyncio.sleep(0)

    def advance(self, seconds: float) -> None:
        self.seconds += seconds

    def monotonic(self) -> float:
        return self.seconds

    def now(self) -> datetime:
        return self.start + timedelta(seconds=self.seconds)
