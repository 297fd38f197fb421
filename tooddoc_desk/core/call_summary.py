"""What a consultation's record keeps about its call's quality: a few figures, no patient data.

The call engine builds a `CallSummary` as the call goes (calls/summary.py); the store keeps it
with the consultation as JSON (`to_json`, `from_json`) and the manager's export shows it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class DirectionSummary:
    """Averages over the seconds the call was connected (None: never known)."""

    bitrate_kbps: float
    frames_per_second: float | None  # over the seconds with video
    packet_loss: float | None
    round_trip_time: float | None  # seconds
    freezes: int | None  # in the whole call


@dataclass(frozen=True)
class WorstMinute:
    """The minute of the call (counted from its start) with the most poor seconds."""

    starts_at_seconds: float
    poor_seconds: int
    packet_loss: float | None  # averages over that minute, the worse way
    round_trip_time: float | None
    freezes: int  # both ways


@dataclass(frozen=True)
class CallSummary:
    media_seconds: float  # seconds with media (quality measured)
    to_patient: DirectionSummary
    from_patient: DirectionSummary
    worst_minute: WorstMinute | None  # None for a call without a poor second
    reconnects: int  # connections lost and made again
    audio_only_minutes: float
    good_seconds: int
    fair_seconds: int
    poor_seconds: int

    @property
    def rating(self) -> str:
        """good, fair or poor: how the call went. Poor once a tenth of it was poor; fair once a
        quarter of it was fair or poor."""
        measured = self.good_seconds + self.fair_seconds + self.poor_seconds
        if measured == 0:
            return ""
        if self.poor_seconds * 10 >= measured:
            return "poor"
        return "fair" if (self.fair_seconds + self.poor_seconds) * 4 >= measured else "good"


class SummaryUnreadable(ValueError):
    """A stored summary that is not one (written by a newer version, or damaged)."""


def to_json(summary: CallSummary) -> str:
    return json.dumps(asdict(summary), separators=(",", ":"), sort_keys=True)


def from_json(text: str) -> CallSummary:
    try:
        data: dict[str, Any] = json.loads(text)
        worst = data.pop("worst_minute")
        return CallSummary(
            to_patient=DirectionSummary(**data.pop("to_patient")),
            from_patient=DirectionSummary(**data.pop("from_patient")),
            worst_minute=None if worst is None else WorstMinute(**worst),
            **data,
        )
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        raise SummaryUnreadable(f"a stored call summary could not be read: {error}") from None
