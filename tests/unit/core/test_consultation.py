from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tooddoc_desk.core.consultation import (
    ALLOWED,
    Consultation,
    EndReason,
    IllegalTransition,
    State,
)
from tooddoc_desk.core.contact import PhoneContact
from tooddoc_desk.core.language import Language

T0 = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
HAPPY_PATH = [State.INVITED, State.OPENED, State.WAITING, State.IN_CALL, State.ENDED]


def consultation() -> Consultation:
    return Consultation(
        contact=PhoneContact("+32470123456"),
        language=Language.NL,
        requested_at=T0 - timedelta(minutes=3),
        created_at=T0,
    )


def test_starts_as_draft_with_its_creation_time() -> None:
    c = consultation()
    assert c.state is State.DRAFT
    assert c.history[0].at == T0
    assert c.requested_at == T0 - timedelta(minutes=3)


def test_happy_path_records_every_moment_and_the_duration() -> None:
    c = consultation()
    for minute, state in enumerate(HAPPY_PATH, start=1):
        c.move_to(state, T0 + timedelta(minutes=minute), reason=None)
    assert [t.state for t in c.history] == [State.DRAFT, *HAPPY_PATH]
    assert c.started_at == T0 + timedelta(minutes=4)
    assert c.ended_at == T0 + timedelta(minutes=5)
    assert c.duration == timedelta(minutes=1)


def test_end_reason_is_kept() -> None:
    c = consultation()
    for state in HAPPY_PATH[:-1]:
        c.move_to(state, T0)
    c.move_to(State.ENDED, T0 + timedelta(seconds=90), EndReason.PATIENT_HUNG_UP)
    assert c.end_reason == EndReason.PATIENT_HUNG_UP
    assert c.duration == timedelta(seconds=90)


def test_patient_may_leave_the_waiting_room_and_come_back() -> None:
    c = consultation()
    for state in (State.INVITED, State.OPENED, State.WAITING, State.OPENED, State.WAITING):
        c.move_to(state, T0)
    assert c.state is State.WAITING


@pytest.mark.parametrize(
    ("path", "illegal"),
    [
        ([], State.IN_CALL),
        ([State.INVITED], State.ENDED),
        ([State.INVITED, State.OPENED, State.WAITING, State.IN_CALL], State.WAITING),
        ([State.CANCELLED], State.INVITED),
        ([State.INVITED, State.EXPIRED], State.OPENED),
    ],
)
def test_illegal_transitions_raise_and_change_nothing(path: list[State], illegal: State) -> None:
    c = consultation()
    for state in path:
        c.move_to(state, T0)
    before = list(c.history)
    with pytest.raises(IllegalTransition, match=f"from {c.state} to {illegal}"):
        c.move_to(illegal, T0)
    assert c.history == before


def test_naive_times_are_refused() -> None:
    c = consultation()
    with pytest.raises(ValueError, match="time zone"):
        c.move_to(State.INVITED, datetime(2026, 11, 25, 9, 0))


def test_a_clock_stepping_back_does_not_reorder_history() -> None:
    c = consultation()
    c.move_to(State.INVITED, T0 + timedelta(minutes=5))
    c.move_to(State.OPENED, T0 + timedelta(minutes=4))
    assert c.history[-1].at == T0 + timedelta(minutes=5)


def test_final_states_have_no_exit_and_open_states_are_reachable() -> None:
    finals = {s for s in State if s.is_final}
    assert finals == {
        State.ENDED,
        State.EXPIRED,
        State.CANCELLED,
        State.FAILED,
        State.INTERRUPTED,
    }
    reachable = {State.DRAFT}
    frontier = [State.DRAFT]
    while frontier:
        for nxt in ALLOWED[frontier.pop()]:
            if nxt not in reachable:
                reachable.add(nxt)
                frontier.append(nxt)
    assert reachable == set(State)


@given(st.lists(st.sampled_from(list(State)), max_size=12))
def test_any_sequence_either_follows_the_machine_or_raises(targets: list[State]) -> None:
    c = consultation()
    for target in targets:
        allowed = target in ALLOWED[c.state]
        try:
            c.move_to(target, T0)
        except IllegalTransition:
            assert not allowed
        else:
            assert allowed
    assert all(b.state in ALLOWED[a.state] for a, b in zip(c.history, c.history[1:], strict=False))
