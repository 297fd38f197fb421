"""The manager's export on a real encrypted store: the Belgian CSV read back with its dialect,
the PDF parsed back, filters, cancelling, notes and who may include them, the audit entry, and
the command line's exit codes."""

from __future__ import annotations

import csv
import io
import stat
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from tests.helpers.accounts import FAST_HASH
from tests.helpers.keyring_backend import FolderKeyring
from tests.helpers.storage import T0, make_consultation
from tooddoc_desk.cli import parser
from tooddoc_desk.config import Config, Settings
from tooddoc_desk.core.call_summary import CallSummary, DirectionSummary
from tooddoc_desk.core.clock import SystemClock
from tooddoc_desk.core.consultation import State
from tooddoc_desk.core.nomenclature import BillingTable
from tooddoc_desk.core.passwords import hash_secret
from tooddoc_desk.core.payment import Payment, PaymentState
from tooddoc_desk.core.users import NotAllowed, Permission, Role, User, require
from tooddoc_desk.export_command import ExportArgsError, parse_day, run_export_command
from tooddoc_desk.services.accounts import COMMAND_LINE
from tooddoc_desk.services.audit import EXPORT, AuditTrail
from tooddoc_desk.services.exports import Exports
from tooddoc_desk.storage import Store, StorePaths
from tooddoc_desk.storage.csv_export import BELGIAN_EXCEL, COLUMNS, NOTES_COLUMN
from tooddoc_desk.storage.export_file import ExportCancelled, ExportFormat, ExportRequest
from tooddoc_desk.storage.export_rows import ExportFilter
from tooddoc_desk.storage.pdf_export import ROWS_PER_PAGE, page_count

GP = User("Dr Anne Peeters", frozenset({Role.PRACTITIONER}), "10000000003")
SPECIALIST = User("=Dr Jan Maes", frozenset({Role.PRACTITIONER}), "10000000580")
DENTIST = User("Dr Luc Dent", frozenset({Role.PRACTITIONER}), "30000000001")
MANAGER = User("Marc", frozenset({Role.MANAGER}))
BILLING = BillingTable(fee_cents={"101673": 2500, "101695": 3000, "101732": 2000})
WAY = DirectionSummary(300.0, 24.0, 0.01, 0.1, 0)


class Desk:
    """A gate for one signed-in person."""

    def __init__(self, user: User) -> None:
        self.user = user

    def require(self, permission: Permission) -> User:
        return require(self.user, permission)


def summary(seconds: float, audio_only_seconds: float) -> CallSummary:
    return CallSummary(seconds, WAY, WAY, None, 0, audio_only_seconds / 60, int(seconds), 0, 0)


def fill(store: Store) -> list[str]:
    """Four consultations: a GP's video call, a specialist's audio-only call (reason with a
    formula), a dentist's call, and a GP's cancelled invite; returns their ids."""
    for user in (GP, SPECIALIST, DENTIST, MANAGER):
        store.users.add(user, "not-a-real-hash")
    ids = []
    plan = [
        (GP, State.ENDED, None, summary(300, 0)),
        (SPECIALIST, State.ENDED, "=HYPERLINK(1)", summary(300, 295)),
        (DENTIST, State.ENDED, None, None),
        (GP, State.CANCELLED, "cancelled", None),
    ]
    for day, (user, until, reason, quality) in enumerate(plan):
        consultation = make_consultation(
            created_at=T0 + timedelta(days=day), until=until, reason=reason, notes="Toux sèche"
        )
        consultation.practitioner_id = user.id
        consultation.sent_by = MANAGER.id if day else None
        consultation.call_quality = quality
        if user is DENTIST:
            consultation.payment = Payment(3000, state=PaymentState.PAID, method="bancontact")
        store.consultations.add(consultation)
        ids.append(consultation.id)
    return ids


def exports(store: Store, gate: object = COMMAND_LINE) -> Exports:
    clock = SystemClock()
    return Exports(
        store.database,
        store.users,
        gate=gate,  # type: ignore[arg-type]
        audit=AuditTrail(store.audit, clock, command="export"),
        clock=clock,
        billing=BILLING,
        practice_name="Cabinet Ëlsene",
    )


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.DictReader(stream, dialect=BELGIAN_EXCEL)
        rows = list(reader)
        return list(reader.fieldnames or ()), rows


def local(moment: datetime) -> str:
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")


def test_the_csv_holds_the_billing_fields_for_excel(store: Store, tmp_path: Path) -> None:
    ids = fill(store)
    out = tmp_path / "log.csv"
    totals = exports(store).write(out, ExportRequest(ExportFilter(), ExportFormat.CSV))
    header, rows = read_csv(out)
    assert header == list(COLUMNS)
    assert b";" in out.read_bytes().splitlines()[0]
    assert [row["consultation_id"] for row in rows] == ids
    gp, specialist, dentist, cancelled = rows
    assert (gp["practitioner"], gp["inami"], gp["modality"]) == (GP.name, GP.inami, "video")
    assert (gp["nomenclature_code"], gp["fee_eur"]) == ("101673", "25,00")
    assert gp["requested_at"] == local(T0 - timedelta(minutes=2))
    assert gp["started_at"] == local(T0 + timedelta(seconds=120))
    assert gp["duration_seconds"] == "30"
    assert (gp["channel"], gp["sent_by"]) == ("sms", "command line")
    assert (gp["payment_status"], gp["payment_amount_eur"]) == ("not requested", "")
    assert (gp["call_quality"], gp["audio_only_minutes"]) == ("good", "0,0")
    # audio only throughout: a phone consultation; its formula-like cells are quoted
    assert (specialist["modality"], specialist["nomenclature_code"]) == ("phone", "101732")
    assert specialist["practitioner"] == "'=Dr Jan Maes"
    assert specialist["end_reason"] == "'=HYPERLINK(1)"
    assert specialist["sent_by"] == MANAGER.name
    assert (dentist["modality"], dentist["nomenclature_code"], dentist["fee_eur"]) == (
        "video",
        "",
        "",
    )
    assert [dentist[f"payment_{part}"] for part in ("status", "amount_eur", "method")] == [
        "paid",
        "30,00",
        "bancontact",
    ]
    assert (cancelled["modality"], cancelled["nomenclature_code"], cancelled["state"]) == (
        "",
        "",
        "cancelled",
    )
    assert "Toux" not in out.read_text(encoding="utf-8-sig")
    assert (totals.consultations, totals.fees_cents, totals.paid, totals.paid_cents) == (
        4,
        4500,
        1,
        3000,
    )
    (entry,) = [e for e in store.audit.entries() if e.kind == EXPORT]
    assert entry.details["rows"] == 4
    assert entry.details["notes"] is False


def test_filters_by_practitioner_state_and_dates(store: Store, tmp_path: Path) -> None:
    ids = fill(store)
    out = tmp_path / "log.csv"

    def found(chosen: ExportFilter) -> list[str]:
        exports(store).write(out, ExportRequest(chosen, ExportFormat.CSV))
        return [row["consultation_id"] for row in read_csv(out)[1]]

    assert found(ExportFilter(practitioner_id=GP.id)) == [ids[0], ids[3]]
    assert found(ExportFilter(states=frozenset({State.CANCELLED}))) == [ids[3]]
    assert found(ExportFilter(T0 + timedelta(days=1), T0 + timedelta(days=3))) == ids[1:3]
    assert found(ExportFilter(practitioner_id=DENTIST.id, states=frozenset({State.FAILED}))) == []


def test_the_pdf_report_has_the_heading_pages_and_totals(store: Store, tmp_path: Path) -> None:
    fill(store)
    store.consultations.add_many(
        make_consultation(created_at=T0 + timedelta(days=9, seconds=s)) for s in range(120)
    )
    out = tmp_path / "log.pdf"
    request = ExportRequest(ExportFilter(), ExportFormat.PDF)
    exports(store).write(out, request)
    reader = PdfReader(out)
    pages = [page.extract_text() for page in reader.pages]
    assert ROWS_PER_PAGE < 124
    assert len(pages) == page_count(124) >= 3
    assert all("Cabinet Ëlsene" in text for text in pages)
    assert all(f"Page {n} of {len(pages)}" in text for n, text in enumerate(pages, start=1))
    assert "Consultations created from the start to now" in pages[0]
    for shown in ("Dr Anne Peeters", "1-00000-00-003", "101673", "101732", "not requested"):
        assert shown in pages[0]
    assert "Consultations: 124" in pages[-1]
    assert "Total fees: EUR 45,00" in pages[-1]
    assert "Paid: 1 (EUR 30,00)" in pages[-1]
    assert "Toux" not in "".join(pages)


def test_the_pdf_report_prints_names_and_notes_as_typed(store: Store, tmp_path: Path) -> None:
    doctor = User("Dr Łukasz Şahin", frozenset({Role.PRACTITIONER, Role.MANAGER}), "10000000104")
    store.users.add(doctor, "not-a-real-hash")
    consultation = make_consultation(until=State.ENDED, notes="T ≥ 38 °C → urgences")
    consultation.practitioner_id = doctor.id
    store.consultations.add(consultation)
    out = tmp_path / "log.pdf"
    request = ExportRequest(ExportFilter(), ExportFormat.PDF, include_notes=True)
    exports(store, Desk(doctor)).write(out, request)
    text = PdfReader(out, strict=True).pages[0].extract_text()
    assert "Dr Łukasz Şahin" in text
    assert "T ≥ 38 °C → urgences" in text


@pytest.mark.parametrize("kind", list(ExportFormat))
def test_only_the_owner_may_read_an_export(
    kind: ExportFormat, store: Store, tmp_path: Path
) -> None:
    fill(store)
    out = tmp_path / f"log.{kind.value}"
    exports(store).write(out, ExportRequest(ExportFilter(), kind))
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_cancelling_leaves_nothing_and_keeps_the_old_file(store: Store, tmp_path: Path) -> None:
    store.consultations.add_many(
        make_consultation(created_at=T0 + timedelta(seconds=s)) for s in range(1200)
    )
    folder = tmp_path / "exports"
    folder.mkdir()
    for kind in ExportFormat:
        out = folder / f"log.{kind.value}"
        out.write_text("the last export")
        seen: list[int] = []

        def count(done: int, _total: int, seen: list[int] = seen) -> None:
            seen.append(done)

        def after_two(seen: list[int] = seen) -> bool:
            return len(seen) >= 2

        with pytest.raises(ExportCancelled):
            exports(store).write(
                out,
                ExportRequest(ExportFilter(), kind),
                progress=count,
                cancelled=after_two,
            )
        assert out.read_text() == "the last export"
        assert sorted(p.name for p in folder.iterdir()) == sorted(
            f"log.{k.value}" for k in ExportFormat if k <= kind
        )
    assert not [e for e in store.audit.entries() if e.kind == EXPORT]


def test_notes_only_when_a_practitioner_includes_them(store: Store, tmp_path: Path) -> None:
    fill(store)
    out = tmp_path / "log.csv"
    with_notes = ExportRequest(ExportFilter(), ExportFormat.CSV, include_notes=True)
    for gate in (COMMAND_LINE, Desk(MANAGER)):
        with pytest.raises(NotAllowed, match="notes"):
            exports(store, gate).write(out, with_notes)
        assert not out.exists()
    assert not exports(store, Desk(MANAGER)).may_include_notes()
    doctor_and_manager = User(
        "Dr Both", frozenset({Role.PRACTITIONER, Role.MANAGER}), "10000000104"
    )
    doctor = exports(store, Desk(doctor_and_manager))
    assert doctor.may_include_notes()
    doctor.write(out, with_notes)
    header, rows = read_csv(out)
    assert header[-1] == NOTES_COLUMN
    assert {row[NOTES_COLUMN] for row in rows} == {"Toux sèche"}
    with pytest.raises(NotAllowed):  # a practitioner who is not a manager does not export
        exports(store, Desk(GP)).write(out, with_notes)


def test_the_repository_export_uses_the_same_dialect(store: Store) -> None:
    fill(store)
    stream = io.StringIO(newline="")
    assert store.consultations.export_csv(stream) == 4
    stream.seek(0)
    rows = list(csv.DictReader(stream, dialect=BELGIAN_EXCEL))
    assert rows[0]["nomenclature_code"] == "101673"
    assert rows[0]["fee_eur"] == ""  # the default table has no fees


# --- the command line ------------------------------------------------------------------------


def run(folder: Path, *arguments: str, stdin: str = "") -> int:
    args = parser().parse_args(["export", "--data-dir", str(folder), *arguments])
    config = Config(folder, Settings(billing=BILLING))
    return run_export_command(config, args, io.StringIO(stdin))


def test_a_practitioner_who_signs_in_includes_the_notes(
    store: Store,
    paths: StorePaths,
    keyring: FolderKeyring,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fill(store)
    both = User("Dr Both", frozenset({Role.PRACTITIONER, Role.MANAGER}), "10000000104")
    store.users.add(both, hash_secret("correct horse battery", FAST_HASH))
    store.users.add(
        User("Marc Two", frozenset({Role.MANAGER})), hash_secret("another password", FAST_HASH)
    )
    store.close()
    folder, out = paths.folder, tmp_path / "notes.csv"
    days = ("--from", "14/03/2025", "--to", "2025-03-20", "--out", str(out), "--include-notes")
    assert run(folder, *days, "--as", "Dr Both", stdin="wrong password\n") == 2
    assert "The name or the password is wrong." in capsys.readouterr().err
    assert run(folder, *days, "--as", "Marc Two", stdin="another password\n") == 2
    assert "Marc Two cannot read or write a consultation's notes" in capsys.readouterr().err
    assert not out.exists()
    assert run(folder, *days, "--as", "dr both", stdin="correct horse battery\n") == 0
    header, rows = read_csv(out)
    assert header[-1] == NOTES_COLUMN
    assert {row[NOTES_COLUMN] for row in rows} == {"Toux sèche"}
    with Store.open_with_keyring(paths, keyring) as reopened:
        (entry,) = [e for e in reopened.audit.entries() if e.kind == EXPORT]
    assert (entry.actor, entry.details["notes"]) == (both.id, True)


def test_no_store_in_the_folder_exits_3_and_creates_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    days = ("--from", "14/03/2025", "--to", "2025-03-20", "--out", str(tmp_path / "x.csv"))
    assert run(folder, *days) == 3
    assert "There is no consultation store" in capsys.readouterr().err
    assert list(folder.iterdir()) == []


def test_the_command_line_writes_csv_and_pdf(
    store: Store, paths: StorePaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(store)
    store.close()
    folder = paths.folder
    days = ("--from", "14/03/2025", "--to", "2025-03-15")
    assert (
        run(folder, *days, "--practitioner", "dr anne peeters", "--out", str(tmp_path / "a.csv"))
        == 0
    )
    assert "1 consultations written" in capsys.readouterr().out
    assert len(read_csv(tmp_path / "a.csv")[1]) == 1
    assert (
        run(folder, *days, "--state", "ended", "--format", "pdf", "--out", str(tmp_path / "r")) == 0
    )
    assert "Consultations: 2" in PdfReader(tmp_path / "r").pages[-1].extract_text()


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (("--from", "31/02/2025", "--to", "01/03/2025"), "not a day of the calendar"),
        (("--from", "yesterday", "--to", "01/03/2025"), "not a day"),
        (("--from", "02/03/2025", "--to", "01/03/2025"), "--to is before --from"),
        (("--from", "01/03/2025", "--to", "02/03/2025", "--include-notes"), "never exports"),
        (
            (
                "--from",
                "01/03/2025",
                "--to",
                "02/03/2025",
                "--format",
                "csv",
                "--out",
                "/nowhere/x",
            ),
            "does not exist",
        ),
        (
            ("--from", "01/03/2025", "--to", "02/03/2025", "--practitioner", "Dr Nobody"),
            "No practitioner is called",
        ),
    ],
)
def test_bad_input_exits_2_with_a_sentence(  # noqa: PLR0917 (fixtures and parameters)
    store: Store,
    paths: StorePaths,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    arguments: tuple[str, ...],
    said: str,
) -> None:
    fill(store)
    store.close()
    out = ("--out", str(tmp_path / "x.csv")) if "--out" not in arguments else ()
    assert run(paths.folder, *arguments, *out) == 2
    assert said in capsys.readouterr().err
    assert not (tmp_path / "x.csv").exists()


def test_a_state_the_app_does_not_know_is_refused_by_the_parser() -> None:
    with pytest.raises(SystemExit) as stopped:
        parser().parse_args(["export", "--from", "1/1/2025", "--to", "2/1/2025", "--state",
                             "paid", "--out", "x.csv"])  # fmt: skip
    assert stopped.value.code == 2


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(9999, 12, 31)))
def test_any_day_reads_back_in_every_written_form(day: date) -> None:
    for text in (
        day.strftime("%d/%m/%Y"),
        day.isoformat(),
        f"{day.day}.{day.month}.{day.year:04d}",
    ):
        assert parse_day(text) == day


@given(st.text(max_size=30))
def test_any_text_is_a_day_or_a_sentence(text: str) -> None:
    try:
        parse_day(text)
    except ExportArgsError as error:
        refusal = str(error)
    else:
        return
    assert refusal.endswith(".")
