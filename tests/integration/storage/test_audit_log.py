"""The audit log in the real encrypted store: chained across reopens, refusing the app's own
updates and deletions, and broken at the right entry when the file is changed with a raw
SQLCipher connection (an entry altered, removed or added); two writers keep one chain."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from tests.helpers.keyring_backend import FolderKeyring
from tests.helpers.storage import T0
from tooddoc_desk.storage import Store, StorePaths
from tooddoc_desk.storage.audit_log import AuditEntryRefused
from tooddoc_desk.storage.database import DATABASE_ERRORS
from tooddoc_desk.storage.database_key import DatabaseKey


def fill(store: Store, count: int = 5) -> None:
    for number in range(count):
        store.audit.append(
            T0 + timedelta(minutes=number),
            "user-1",
            "notes_opened",
            subject=f"consultation-{number}",
            details={"rows": number},
        )


@contextmanager
def raw(paths: StorePaths, key: DatabaseKey) -> Iterator[sqlcipher.Connection]:
    """The database as any SQLCipher 4 tool opens it, with the key, bypassing the app."""
    connection = sqlcipher.connect(str(paths.database), isolation_level=None)
    try:
        connection.execute(f"PRAGMA key = {key.pragma_value()}")
        connection.execute("PRAGMA cipher_compatibility = 4")
        connection.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        connection.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
        yield connection
    finally:
        connection.close()


def test_the_chain_holds_across_a_reopen_and_goes_on(
    store: Store, paths: StorePaths, keyring: FolderKeyring
) -> None:
    fill(store, 3)
    report = store.audit.verify()
    assert (report.intact, report.entries, report.last_at) == (True, 3, T0 + timedelta(minutes=2))
    store.close()
    with Store.open_with_keyring(paths, keyring) as again:
        assert again.audit.verify().intact
        fill(again, 2)
        entries = again.audit.entries()
        assert [entry.seq for entry in entries] == [1, 2, 3, 4, 5]
        assert entries[0].details == {"rows": 0}
        assert entries[0].subject == "consultation-0"
        assert again.audit.verify().entries == 5
        assert again.audit.count(T0 + timedelta(minutes=1), T0 + timedelta(minutes=2)) == 2


def test_the_app_cannot_update_or_delete_an_entry(store: Store) -> None:
    fill(store, 2)
    with (
        pytest.raises(DATABASE_ERRORS, match="append-only"),
        store._database.transaction() as connection,
    ):
        connection.execute("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 1")
    with (
        pytest.raises(DATABASE_ERRORS, match="append-only"),
        store._database.transaction() as connection,
    ):
        connection.execute("DELETE FROM audit_log WHERE seq = 2")
    assert store.audit.verify().entries == 2


INSERTED = (
    "INSERT INTO audit_log (seq, at, actor, kind, subject, details, mac)"
    " VALUES (3, '2025-03-14T09:02:30.000000Z', 'user-1', 'export', NULL, '{}', '00')"
)
COPIED = (
    "INSERT INTO audit_log (seq, at, actor, kind, subject, details, mac)"
    " SELECT 6, at, actor, kind, subject, details, mac FROM audit_log WHERE seq = 5"
)


@pytest.mark.parametrize(
    ("changes", "broken_at"),
    [
        (["UPDATE audit_log SET details = '{\"rows\":9}' WHERE seq = 3"], 3),
        (["UPDATE audit_log SET at = '2025-03-14T08:00:00.000000Z' WHERE seq = 2"], 2),
        (["UPDATE audit_log SET actor = 'user-2' WHERE seq = 5"], 5),
        (["DELETE FROM audit_log WHERE seq = 2"], 2),
        (["DELETE FROM audit_log WHERE seq = 1"], 1),
        ([COPIED], 6),
        # an entry slipped in between: the later ones renumbered to make room
        (
            [f"UPDATE audit_log SET seq = {seq + 1} WHERE seq = {seq}" for seq in (5, 4, 3)]
            + [INSERTED],
            3,
        ),
    ],
)
def test_a_change_made_outside_the_app_breaks_the_chain_at_that_entry(  # noqa: PLR0917
    store: Store,
    paths: StorePaths,
    keyring: FolderKeyring,
    database_key: DatabaseKey,
    changes: list[str],
    broken_at: int,
) -> None:
    fill(store, 5)
    store.close()
    with raw(paths, database_key) as connection:
        for statement in changes:
            connection.execute(statement)
    with Store.open_with_keyring(paths, keyring) as again:
        report = again.audit.verify()
        assert report.broken_at == broken_at
        assert f"entry {broken_at}" in str(report.problem)


def test_entries_with_contacts_or_text_are_refused(store: Store) -> None:
    for subject, details in [
        ("jan@example.be", {}),
        ("+32470123456", {}),
        ("a b", {}),
        (None, {"to": "jan@example.be"}),
        (None, {"to": "+32470123456"}),
        (None, {"note": "line\nline"}),
        (None, {"note": "x" * 201}),
        (None, {"Bad-Key": 1}),
        (None, {"nested": {"a": 1}}),
    ]:
        with pytest.raises(AuditEntryRefused):
            store.audit.append(T0, "user-1", "export", subject=subject, details=details)  # type: ignore[arg-type]
    assert store.audit.count() == 0


def test_two_writers_keep_one_chain(
    store: Store, paths: StorePaths, keyring: FolderKeyring
) -> None:
    """Two threads on the app's store and a second opening of the file (another process's
    connection) append at once: every entry is chained after the one before it."""
    other = Store.open_with_keyring(paths, keyring)
    start = threading.Barrier(3)
    failures: list[BaseException] = []

    def write(target: Store, actor: str) -> None:
        start.wait()
        try:
            for number in range(40):
                target.audit.append(T0, actor, "sign_in", details={"n": number})
        except BaseException as error:
            failures.append(error)

    threads = [
        threading.Thread(target=write, args=(store, "thread-a")),
        threading.Thread(target=write, args=(store, "thread-b")),
        threading.Thread(target=write, args=(other, "other-connection")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    other.close()
    assert failures == []
    report = store.audit.verify()
    assert (report.intact, report.entries) == (True, 120)
    actors = [entry.actor for entry in store.audit.entries()]
    assert {actor: actors.count(actor) for actor in set(actors)} == {
        "thread-a": 40,
        "thread-b": 40,
        "other-connection": 40,
    }
