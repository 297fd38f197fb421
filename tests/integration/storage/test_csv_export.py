"""The manager's CSV through the repository: its columns, its guard against formulas, its size
in memory (read back with the documented dialect, csv_export.BELGIAN_EXCEL)."""

from __future__ import annotations

import csv
import io
import tracemalloc
from datetime import datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers.storage import T0, email, make_consultation
from tooddoc_desk.core.consultation import State, Transition
from tooddoc_desk.core.contact import Contact, EmailContact, PhoneContact
from tooddoc_desk.storage import CSV_COLUMNS, Store
from tooddoc_desk.storage.csv_export import BELGIAN_EXCEL, neutralise


def export(store: Store, **bounds: object) -> list[dict[str, str]]:
    stream = io.StringIO(newline="")
    count = store.consultations.export_csv(stream, **bounds)  # type: ignore[arg-type]
    stream.seek(0)
    reader = csv.DictReader(stream, dialect=BELGIAN_EXCEL)
    rows = list(reader)
    assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
    assert count == len(rows)
    return rows


def local(moment: datetime) -> str:
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")


def test_columns_and_one_ended_call(store: Store) -> None:
    consultation = make_consultation(notes="jamais exporté", until=State.ENDED)
    store.consultations.add(consultation)
    (row,) = export(store)
    assert row == {
        "consultation_id": consultation.id,
        "practitioner": "",  # from before users
        "inami": "",
        "requested_at": local(T0 - timedelta(minutes=2)),
        "created_at": local(T0),
        "channel": "sms",
        "contact": "'+32470123456",  # a leading + would be read as a formula
        "sent_by": "command line",
        "invited_at": local(T0 + timedelta(seconds=30)),
        "opened_at": local(T0 + timedelta(seconds=60)),
        "waiting_at": local(T0 + timedelta(seconds=90)),
        "started_at": local(T0 + timedelta(seconds=120)),
        "ended_at": local(T0 + timedelta(seconds=150)),
        "duration_seconds": "30",
        "state": "ended",
        "end_reason": "practitioner_hung_up",
        "modality": "video",
        "nomenclature_code": "",  # no practitioner, no kind
        "fee_eur": "",
        "payment_status": "not requested",
        "payment_amount_eur": "",
        "payment_method": "",
        "call_quality": "",
        "reconnects": "",
        "audio_only_minutes": "",
    }
    assert tuple(row) == CSV_COLUMNS


def test_the_notes_are_never_exported(store: Store) -> None:
    store.consultations.add(make_consultation(notes="Diabète de type 2", until=State.ENDED))
    stream = io.StringIO()
    store.consultations.export_csv(stream)
    assert "Diab" not in stream.getvalue()
    assert "notes" not in stream.getvalue()


def test_consultations_without_a_call_or_an_end(store: Store) -> None:
    waiting = make_consultation(until=State.WAITING, created_at=T0)
    cancelled = make_consultation(until=State.CANCELLED, created_at=T0 + timedelta(1), reason="no")
    store.consultations.add(waiting)
    store.consultations.add(cancelled)
    first, second = export(store)
    assert (first["state"], first["ended_at"], first["duration_seconds"]) == (
        "waiting",
        "",
        "",
    )
    assert first["end_reason"] == ""
    assert (second["state"], second["end_reason"], second["started_at"]) == (
        "cancelled",
        "no",
        "",
    )
    assert second["ended_at"] == local(T0 + timedelta(days=1, minutes=30))


def test_cells_that_a_spreadsheet_would_run_are_quoted(store: Store) -> None:
    reasons = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "plain"]
    for number, reason in enumerate(reasons):
        consultation = make_consultation(
            email(f"=cmd{number}@exemple.be"),
            until=State.CANCELLED,
            reason=reason,
            created_at=T0 + timedelta(minutes=number),
        )
        store.consultations.add(consultation)
    rows = export(store)
    assert [row["end_reason"] for row in rows] == ["'" + r for r in reasons[:-1]] + ["plain"]
    assert all(row["contact"].startswith("'=cmd") for row in rows)


def test_non_ascii_contacts_and_reasons(store: Store) -> None:
    store.consultations.add(
        make_consultation(
            email("zoë.ağaoğlu@exämple.be"), until=State.FAILED, reason="réseau coupé — 网络"
        )
    )
    stream = io.StringIO()
    store.consultations.export_csv(stream)
    (row,) = export(store)
    assert row["contact"] == "zoë.ağaoğlu@exämple.be"
    assert row["end_reason"] == "réseau coupé — 网络"
    encoded = stream.getvalue().encode("utf-8-sig")
    assert "zoë".encode() in encoded


def test_a_date_range_and_open_bounds(store: Store) -> None:
    made = [make_consultation(created_at=T0 + timedelta(days=d)) for d in range(5)]
    for consultation in made:
        store.consultations.add(consultation)
    ids = [c.id for c in made]

    def found(rows: list[dict[str, str]]) -> list[str]:
        return [r["consultation_id"] for r in rows]

    assert found(export(store)) == ids
    assert found(export(store, start=T0 + timedelta(days=1))) == ids[1:]
    assert found(export(store, end=T0 + timedelta(days=2))) == ids[:2]
    assert (
        found(export(store, start=T0 + timedelta(days=1), end=T0 + timedelta(days=3))) == ids[1:3]
    )


def test_the_latest_call_counts_when_a_patient_rejoined(store: Store) -> None:
    consultation = make_consultation(until=State.IN_CALL)
    store.consultations.add(consultation)
    store.consultations.record(
        consultation.id, Transition(State.INTERRUPTED, T0 + timedelta(minutes=9))
    )
    (row,) = export(store)
    assert row["state"] == "interrupted"
    assert row["duration_seconds"] == str(9 * 60 - 120)


def test_a_large_export_streams(store: Store) -> None:
    """Memory for 2,500 rows is about that for 500: rows are written as they are read."""
    store.consultations.add_many(
        make_consultation(created_at=T0 + timedelta(seconds=second)) for second in range(2500)
    )

    class DiscardingStream(io.StringIO):
        written = 0

        def write(self, text: str) -> int:
            self.written += len(text)
            return len(text)  # kept nowhere: the memory measured is the exporter's alone

    def peak_memory(rows: int) -> int:
        stream = DiscardingStream()
        tracemalloc.start()
        try:
            count = store.consultations.export_csv(stream, end=T0 + timedelta(seconds=rows))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert count == rows
        return peak

    small, large = peak_memory(500), peak_memory(2500)
    assert large < 1.5 * small, (small, large)


def test_neutralise_only_touches_formula_starts() -> None:
    assert neutralise("=1") == "'=1"
    assert neutralise("a=1") == "a=1"
    assert neutralise("") == ""
    assert neutralise("'already") == "'already"


phones = st.from_regex(r"\+[1-9][0-9]{6,14}", fullmatch=True).map(PhoneContact)
emails = st.builds(
    lambda local, domain: EmailContact(f"{local}@{domain}"),
    st.text(min_size=1, max_size=40).filter(lambda s: "@" not in s),
    st.text(min_size=1, max_size=40).filter(lambda s: "@" not in s),
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(contact=st.one_of(phones, emails), notes=st.text(max_size=2000), reason=st.text(max_size=80))
def test_any_contact_and_notes_round_trip(
    store: Store, contact: Contact, notes: str, reason: str
) -> None:
    consultation = make_consultation(contact, notes=notes, until=State.FAILED, reason=reason)
    store.consultations.add(consultation)
    again = store.consultations.get(consultation.id)
    assert again == consultation
    assert again.notes == notes
    assert again.contact == contact

    stream = io.StringIO(newline="")
    store.consultations.export_csv(stream, start=T0, end=T0 + timedelta(seconds=1))
    stream.seek(0)
    rows = {row["consultation_id"]: row for row in csv.DictReader(stream, dialect=BELGIAN_EXCEL)}
    row = rows[consultation.id]
    assert row["contact"] == neutralise(contact.value)
    assert row["end_reason"] == neutralise(reason)
    assert "notes" not in row
