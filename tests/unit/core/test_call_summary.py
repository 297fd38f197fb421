"""The call's quality as the record keeps it: JSON that comes back whole, a rating, and a clear
error for text that is not a summary."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tooddoc_desk.core.call_summary import (
    CallSummary,
    DirectionSummary,
    SummaryUnreadable,
    WorstMinute,
    from_json,
    to_json,
)

figures = st.floats(min_value=0, max_value=1e6, allow_nan=False)
maybe = st.none() | figures
counts = st.integers(min_value=0, max_value=100_000)
directions = st.builds(
    DirectionSummary,
    bitrate_kbps=figures,
    frames_per_second=maybe,
    packet_loss=maybe,
    round_trip_time=maybe,
    freezes=st.none() | counts,
)
summaries = st.builds(
    CallSummary,
    media_seconds=figures,
    to_patient=directions,
    from_patient=directions,
    worst_minute=st.none()
    | st.builds(
        WorstMinute,
        starts_at_seconds=figures,
        poor_seconds=counts,
        packet_loss=maybe,
        round_trip_time=maybe,
        freezes=counts,
    ),
    reconnects=counts,
    audio_only_minutes=figures,
    good_seconds=counts,
    fair_seconds=counts,
    poor_seconds=counts,
)


def summary(good: int, fair: int, poor: int) -> CallSummary:
    way = DirectionSummary(300.0, 25.0, 0.01, 0.05, 0)
    return CallSummary(60.0, way, way, None, 0, 0.0, good, fair, poor)


@given(summaries)
def test_a_summary_comes_back_from_its_json(original: CallSummary) -> None:
    assert from_json(to_json(original)) == original


def test_the_rating_is_how_most_of_the_call_went() -> None:
    assert summary(60, 0, 0).rating == "good"
    assert summary(40, 20, 0).rating == "fair"  # a quarter or more fair or poor
    assert summary(45, 10, 5).rating == "fair"
    assert summary(50, 9, 1).rating == "good"
    assert summary(54, 0, 6).rating == "poor"  # a tenth poor is a poor call
    assert summary(0, 0, 0).rating == ""  # nothing measured


@pytest.mark.parametrize(
    "text", ["", "null", "[]", "{}", '{"media_seconds": 1}', to_json(summary(1, 0, 0))[:-1]]
)
def test_text_that_is_not_a_summary_is_named_as_such(text: str) -> None:
    with pytest.raises(SummaryUnreadable, match="call summary"):
        from_json(text)
