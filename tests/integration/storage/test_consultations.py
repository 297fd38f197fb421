"""The repository the services call, against a real encrypted database."""

from __future__ import annotations

import csv
import io
import threading
from datetime import datetime, timedelta

import pytest

from tests.helpers.storage import T0, email, make_consultation
from tooddoc_desk.core.call_summary import CallSummary, DirectionSummary, WorstMinute
from tooddoc_desk.core.consultation import (
    Consultation,
    EndReason,
    IllegalTransition,
    State,
    Transition,
)
from tooddoc_desk.core.contact import EmailContact, PhoneContact
from tooddoc_desk.core.language import Language
from tooddoc_desk.core.payment import Payment, PaymentState
from tooddoc_desk.storage import ConsultationExists, ConsultationNotFound, Store, StorePaths
from tooddoc_desk.storage.csv_export import BELGIAN_EXCEL
from tooddoc_desk.storage.database import EncryptedConnector
from tooddoc_desk.storage.database_key import DatabaseKey
from tooddoc_desk.storage.errors import StoreClosed
from tooddoc_desk.storage.history_query import HistoryQuery


class FixedClock:
    def __init__(self) -> None:
        self.moment = T0

    def now(self) -> datetime:
        return self.moment


def test_a_consultation_comes_back_as_it_was_stored(store: Store) -> None:
    consultation = make_consultation(
        email("Zoë.Lefèvre@exemple.be"),
        language=Language.NL,
        notes="Hoofdpijn.\nParacetamol.",
        until=State.ENDED,
        reason=EndReason.PATIENT_HUNG_UP.value,
    )
    consultation.room_id, consultation.link = "room-7", "https://hub/r/token"
    store.consultations.add(consultation)
    again = store.consultations.get(consultation.id)
    assert again == consultation
    assert isinstance(again.contact, EmailContact)
    assert again.duration == consultation.duration
    assert again.end_reason == "patient_hung_up"


def test_add_many_is_all_or_nothing(store: Store) -> None:
    first, second = make_consultation(), make_consultation()
    assert store.consultations.add_many([first, second]) == 2
    third = make_consultation()
    with pytest.raises(ConsultationExists):
        store.consultations.add_many([third, first])
    with pytest.raises(ConsultationNotFound):
        store.consultations.get(third.id)
    assert {c.id for c in store.consultations.list_recent()} == {first.id, second.id}


def test_unknown_ids(store: Store) -> None:
    with pytest.raises(ConsultationNotFound) as caught:
        store.consultations.get("nope")
    assert caught.value.consultation_id == "nope"
    with pytest.raises(ConsultationNotFound):
        store.consultations.record("nope", Transition(State.INVITED, T0))
    with pytest.raises(ConsultationNotFound):
        store.consultations.save_notes("nope", "x")
    with pytest.raises(ConsultationNotFound):
        store.consultations.set_room("nope", "r", "l")


def test_adding_twice_is_refused_and_keeps_the_first(store: Store) -> None:
    consultation = make_consultation(notes="first")
    store.consultations.add(consultation)
    consultation.notes = "second"
    with pytest.raises(ConsultationExists):
        store.consultations.add(consultation)
    assert store.consultations.get(consultation.id).notes == "first"
    assert len(store.consultations.get(consultation.id).history) == 2


def test_record_appends_the_transition_and_moves_the_state(store: Store) -> None:
    consultation = make_consultation(until=State.WAITING)
    store.consultations.add(consultation)
    store.consultations.record(
        consultation.id, consultation.move_to(State.IN_CALL, T0 + timedelta(minutes=5))
    )
    store.consultations.record(
        consultation.id, consultation.move_to(State.ENDED, T0 + timedelta(minutes=17), "network")
    )
    again = store.consultations.get(consultation.id)
    assert again.history == consultation.history
    assert again.state is State.ENDED
    assert again.duration == timedelta(minutes=12)


def test_the_calls_quality_is_kept_with_its_ending_and_exported(store: Store) -> None:
    consultation = make_consultation(until=State.IN_CALL)
    store.consultations.add(consultation)
    way = DirectionSummary(310.5, 24.0, 0.012, 0.21, 1)
    quality = CallSummary(
        600.0, way, way, WorstMinute(120.0, 14, 0.08, 0.6, 2), 1, 1.5, 400, 150, 50
    )
    ending = consultation.move_to(State.ENDED, T0 + timedelta(minutes=12), "patient_hung_up")
    store.consultations.record(consultation.id, ending, quality)
    assert store.consultations.get(consultation.id).call_quality == quality

    stream = io.StringIO(newline="")
    store.consultations.export_csv(stream)
    stream.seek(0)
    (row,) = csv.DictReader(stream, dialect=BELGIAN_EXCEL)
    assert (row["call_quality"], row["reconnects"], row["audio_only_minutes"]) == (
        "fair",
        "1",
        "1,5",
    )


def test_a_summary_this_version_cannot_read_keeps_the_consultation_readable(
    store: Store,
) -> None:
    consultation = make_consultation(until=State.ENDED)
    store.consultations.add(consultation)
    with store._database.transaction() as connection:
        connection.execute(
            "UPDATE consultations SET call_quality = ? WHERE id = ?",
            ('{"from": "a newer version"}', consultation.id),
        )
    again = store.consultations.get(consultation.id)
    assert (again.state, again.call_quality) == (State.ENDED, None)
    stream = io.StringIO(newline="")
    store.consultations.export_csv(stream)
    stream.seek(0)
    (row,) = csv.DictReader(stream, dialect=BELGIAN_EXCEL)
    assert row["call_quality"] == "unreadable"


def test_record_refuses_what_the_state_machine_forbids(store: Store) -> None:
    consultation = make_consultation(until=State.ENDED)
    store.consultations.add(consultation)
    with pytest.raises(IllegalTransition):
        store.consultations.record(
            consultation.id, Transition(State.IN_CALL, T0 + timedelta(hours=1))
        )
    assert store.consultations.get(consultation.id).history == consultation.history


def test_a_moment_before_the_last_is_stored_as_the_last(store: Store) -> None:
    consultation = make_consultation(until=State.INVITED)
    store.consultations.add(consultation)
    store.consultations.record(consultation.id, Transition(State.OPENED, T0 - timedelta(days=1)))
    history = store.consultations.get(consultation.id).history
    assert history[-1].at == history[-2].at


def test_notes_and_room_are_updated(store: Store) -> None:
    consultation = make_consultation()
    store.consultations.add(consultation)
    store.consultations.save_notes(consultation.id, "Rapport : RAS.")
    store.consultations.set_room(consultation.id, "room-42", "https://hub/r/abc")
    again = store.consultations.get(consultation.id)
    assert (again.notes, again.room_id, again.link) == (
        "Rapport : RAS.",
        "room-42",
        "https://hub/r/abc",
    )


def test_list_between_is_by_creation_time_start_inclusive_end_exclusive(store: Store) -> None:
    made = [
        make_consultation(created_at=T0 + timedelta(hours=h), until=State.ENDED) for h in range(6)
    ]
    for consultation in reversed(made):
        store.consultations.add(consultation)
    found = store.consultations.list_between(T0 + timedelta(hours=1), T0 + timedelta(hours=4))
    assert [c.id for c in found] == [c.id for c in made[1:4]]
    assert found == made[1:4]
    assert store.consultations.list_between(T0 + timedelta(days=1), T0 + timedelta(days=2)) == []


def test_list_recent_is_newest_first_and_limited(store: Store) -> None:
    made = [make_consultation(created_at=T0 + timedelta(minutes=m)) for m in range(10)]
    for consultation in made:
        store.consultations.add(consultation)
    recent = store.consultations.list_recent(limit=4)
    assert [c.id for c in recent] == [c.id for c in reversed(made[-4:])]
    assert recent[0].history == made[-1].history
    assert len(store.consultations.list_recent()) == 10
    assert store.consultations.list_recent(limit=0) == []


def test_calls_left_open_by_a_dead_process_become_interrupted(store: Store) -> None:
    in_call = make_consultation(PhoneContact("+32470000001"), until=State.IN_CALL)
    waiting = make_consultation(PhoneContact("+32470000002"), until=State.WAITING)
    ended = make_consultation(PhoneContact("+32470000003"), until=State.ENDED)
    for consultation in (in_call, waiting, ended):
        store.consultations.add(consultation)
    restart = T0 + timedelta(hours=2)
    assert store.consultations.interrupt_open_calls(restart) == [in_call.id]
    again = store.consultations.get(in_call.id)
    assert again.state is State.INTERRUPTED
    assert again.ended_at == restart
    assert again.end_reason == EndReason.APP_CLOSED.value
    assert store.consultations.get(waiting.id).state is State.WAITING
    assert store.consultations.interrupt_open_calls(restart) == []


def test_updated_at_follows_the_clock(
    store: Store, paths: StorePaths, database_key: DatabaseKey
) -> None:
    store.close()
    clock = FixedClock()
    with Store.open_with_key(paths, database_key, clock=clock) as reopened:
        consultation = make_consultation()
        reopened.consultations.add(consultation)
        clock.moment = T0 + timedelta(hours=3)
        reopened.consultations.save_notes(consultation.id, "later")
    connection = EncryptedConnector(database_key)(paths.database, read_only=True)
    (updated,) = connection.execute(
        "SELECT updated_at FROM consultations WHERE id = ?", (consultation.id,)
    ).fetchone()
    connection.close()
    assert updated == "2025-03-14T12:00:00.000000Z"


def test_writes_from_several_threads_all_land(store: Store) -> None:
    made = [make_consultation(created_at=T0 + timedelta(seconds=i)) for i in range(40)]
    barrier = threading.Barrier(4)

    def write(chunk: list[Consultation]) -> None:
        barrier.wait()
        for consultation in chunk:
            store.consultations.add(consultation)

    threads = [threading.Thread(target=write, args=(made[i::4],)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert {c.id for c in store.consultations.list_recent()} == {c.id for c in made}
    assert store.integrity_problems() == []


def test_a_closed_store_says_so(store: Store) -> None:
    store.close()
    with pytest.raises(StoreClosed, match="closed"):
        store.consultations.list_recent()
    store.close()  # twice is harmless


def test_the_history_is_searched_by_date_state_practitioner_and_contact(store: Store) -> None:
    made = []
    for day in range(30):
        contact = email(f"patient{day}@example.be") if day % 3 == 0 else None
        consultation = make_consultation(
            contact,
            created_at=T0 + timedelta(days=day),
            until=State.ENDED if day % 2 == 0 else State.EXPIRED,
        )
        consultation.practitioner_id = "dr-a" if day < 10 else "dr-b"
        made.append(consultation)
    store.consultations.add_many(made)
    search, count = store.consultations.search, store.consultations.count

    everything = HistoryQuery()
    assert count(everything) == 30
    page = search(everything, offset=5, limit=10)
    assert [c.id for c in page] == [c.id for c in reversed(made)][5:15]  # newest first
    assert page[0].history == made[24].history

    ended_for_b = HistoryQuery(states=frozenset({State.ENDED}), practitioner_id="dr-b")
    assert count(ended_for_b) == 10
    assert {c.practitioner_id for c in search(ended_for_b, limit=50)} == {"dr-b"}
    week = HistoryQuery(since=T0 + timedelta(days=7), until=T0 + timedelta(days=14))
    assert [c.created_at for c in search(week)] == [
        T0 + timedelta(days=d) for d in range(13, 6, -1)
    ]
    assert count(HistoryQuery(contact="patient2")) == 3  # patient21, patient24, patient27
    assert count(HistoryQuery(contact="0470 12")) == 20  # +32470123456 as typed
    assert count(HistoryQuery(contact="+32 470")) == 20
    assert count(HistoryQuery(contact="PATIENT9@")) == 1
    assert count(HistoryQuery(contact="%")) == 0  # a wildcard is a character here
    assert search(everything, limit=0) == []


def test_a_consultations_pre_payment_is_kept_as_it_moves(store: Store) -> None:
    consultation = make_consultation(email("a@exemple.be"))
    consultation.payment = Payment.asked(2500)
    store.consultations.add(consultation)
    assert store.consultations.get(consultation.id).payment == Payment.asked(2500)
    assert store.consultations.list_awaiting_payment() == [consultation.id]
    paid = Payment.asked(2500).with_session("cs_test_1", T0).settled("card", "pi_1", T0)
    store.consultations.set_payment(consultation.id, paid)
    again = store.consultations.get(consultation.id)
    assert again.payment == paid
    assert again.payment is not None
    assert again.payment.state is PaymentState.PAID
    assert store.consultations.list_awaiting_payment() == []
    plain = make_consultation(email("b@exemple.be"))
    store.consultations.add(plain)
    assert store.consultations.get(plain.id).payment is None
    with pytest.raises(ConsultationNotFound):
        store.consultations.set_payment("missing", paid)
