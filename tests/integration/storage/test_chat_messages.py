"""A call's chat in the real encrypted store: kept in order with who and when, back after a
reopen, ciphertext on disk, never in the CSV export, and added to older stores by migration 7."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest

from tests.helpers.keyring_backend import FolderKeyring
from tests.helpers.storage import T0, add_before_bookings, make_consultation
from tooddoc_desk.core.chat import ChatMessage, ChatSender
from tooddoc_desk.core.consultation import State
from tooddoc_desk.storage import ConsultationNotFound, Store, StorePaths
from tooddoc_desk.storage.database import SQLITE_HEADER
from tooddoc_desk.storage.migrations import MIGRATIONS

QUESTION = "Depuis quand avez-vous de la fièvre ?"
ANSWER = "Depuis mardi <script>alert('x')</script> — 38,5 °C"


def lines(author: str = "dr-1") -> list[ChatMessage]:
    return [
        ChatMessage(ChatSender.PRACTITIONER, T0 + timedelta(minutes=1), QUESTION, author),
        ChatMessage(ChatSender.PATIENT, T0 + timedelta(minutes=2), ANSWER),
        ChatMessage(ChatSender.PRACTITIONER, T0 + timedelta(minutes=2), "Merci.\nÀ tout de suite"),
    ]


def test_the_chat_comes_back_in_order_after_a_reopen(
    store: Store, paths: StorePaths, keyring: FolderKeyring
) -> None:
    consultation = make_consultation(until=State.IN_CALL)
    other = make_consultation(until=State.IN_CALL)
    store.consultations.add(consultation)
    store.consultations.add(other)
    for line in lines():
        store.consultations.chat.add(consultation.id, line)
    store.consultations.chat.add(other.id, ChatMessage(ChatSender.PATIENT, T0, "autre"))
    store.close()

    with Store.open_with_keyring(paths, keyring) as reopened:
        assert reopened.consultations.chat.messages(consultation.id) == lines()
        assert [m.text for m in reopened.consultations.chat.messages(other.id)] == ["autre"]
        assert reopened.consultations.chat.messages("nobody") == []
        with pytest.raises(ConsultationNotFound):
            reopened.consultations.chat.add("nobody", lines()[0])


def test_the_chat_is_ciphertext_on_disk_and_never_exported(store: Store, paths: StorePaths) -> None:
    consultation = make_consultation(until=State.ENDED)
    store.consultations.add(consultation)
    for line in lines():
        store.consultations.chat.add(consultation.id, line)

    exported = io.StringIO()
    assert store.consultations.export_csv(exported) == 1
    assert "fièvre" not in exported.getvalue()
    assert "mardi" not in exported.getvalue()
    assert "chat" not in exported.getvalue()

    store.close()
    data = paths.database.read_bytes()
    assert not data.startswith(SQLITE_HEADER)
    for secret in (QUESTION, "Depuis mardi"):
        assert secret.encode() not in data


def test_migration_7_adds_the_chat_to_a_store_of_version_6(
    paths: StorePaths, keyring: FolderKeyring
) -> None:
    assert MIGRATIONS[6].version == 7
    with Store.create(paths, keyring=keyring, migrations=MIGRATIONS[:6]).store as older:
        consultation = make_consultation(notes="à garder", until=State.ENDED)
        add_before_bookings(older, consultation)  # the columns every version has
        assert older.schema_version == 6

    with Store.open_with_keyring(paths, keyring) as store:
        assert store.schema_version == MIGRATIONS[-1].version
        assert store.consultations.get(consultation.id).notes == "à garder"
        assert store.consultations.chat.messages(consultation.id) == []
        store.consultations.chat.add(consultation.id, lines()[1])
        assert store.consultations.chat.messages(consultation.id) == [lines()[1]]
        assert store.integrity_problems() == []
    (backup,) = paths.backups.iterdir()
    assert backup.name.startswith("consultations-v6-")


def test_a_message_keeps_its_text_out_of_its_repr_and_is_clean() -> None:
    assert "fièvre" not in repr(lines()[0])
    with pytest.raises(ValueError, match="clean"):
        ChatMessage(ChatSender.PATIENT, T0, "  padded  ")
