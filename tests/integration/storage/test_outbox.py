from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tests.helpers.keyring_backend import FolderKeyring
from tests.helpers.storage import T0, add_before_bookings, make_consultation
from tooddoc_desk.core.clock import SystemClock
from tooddoc_desk.core.delivery import DeliveryState, IllegalDeliveryMove, Invite
from tooddoc_desk.storage.migrations import MIGRATIONS
from tooddoc_desk.storage.outbox import InviteNotFound, Letter, Outcome
from tooddoc_desk.storage.store import Store
from tooddoc_desk.storage.store_paths import StorePaths

LETTER = Letter(None, "Cabinet Peeters vous invite. Ouvrez ce lien : https://hub.example.be/c/abc")


def an_invite(store: Store, **changes: object) -> Invite:
    consultation = make_consultation()
    store.consultations.add(consultation)
    fields: dict[str, object] = {
        "consultation_id": consultation.id,
        "channel": "sms",
        "not_before": T0,
        "created_at": T0,
    }
    fields.update(changes)
    invite = Invite(**fields)  # type: ignore[arg-type]
    store.outbox.add(invite, LETTER)
    return invite


def test_an_invite_is_kept_with_its_words(store: Store) -> None:
    invite = an_invite(store)
    assert store.outbox.get(invite.id) == invite
    assert store.outbox.letter(invite.id) == LETTER
    assert store.outbox.for_consultation(invite.consultation_id) == [invite]


def test_only_due_invites_are_handed_out(store: Store) -> None:
    now_invite = an_invite(store)
    later = an_invite(store, state=DeliveryState.SCHEDULED, not_before=T0 + timedelta(hours=1))
    assert store.outbox.due(T0) == [now_invite]
    assert {i.id for i in store.outbox.due(T0 + timedelta(hours=1))} == {now_invite.id, later.id}


def test_an_attempt_is_committed_before_the_send_and_counted(store: Store) -> None:
    invite = an_invite(store)
    started = store.outbox.begin_attempt(invite.id)
    assert (started.state, started.attempts) == (DeliveryState.SENDING, 1)
    assert store.outbox.get(invite.id) == started
    with pytest.raises(IllegalDeliveryMove):
        store.outbox.begin_attempt(invite.id)  # a second sender does not take it
    assert store.outbox.due(T0 + timedelta(days=1)) == []


def test_a_transient_failure_waits_and_a_success_keeps_the_provider_id(store: Store) -> None:
    invite = an_invite(store)
    store.outbox.begin_attempt(invite.id)
    retry_at = T0 + timedelta(seconds=30)
    waiting = store.outbox.record(
        invite.id, Outcome(DeliveryState.PENDING, not_before=retry_at, problem="busy")
    )
    assert waiting.not_before == retry_at
    assert store.outbox.due(T0) == []
    store.outbox.begin_attempt(invite.id)
    sent = store.outbox.record(
        invite.id, Outcome(DeliveryState.SENT, provider="twilio", provider_id="SM123")
    )
    assert (sent.state, sent.attempts, sent.provider_id, sent.problem) == (
        DeliveryState.SENT,
        2,
        "SM123",
        None,
    )


def test_sends_cut_by_a_crash_become_unknown_never_pending(store: Store) -> None:
    left_sending = an_invite(store)
    untouched = an_invite(store)
    store.outbox.begin_attempt(left_sending.id)

    settled = store.outbox.settle_interrupted_sends("The app stopped while sending.")
    assert [i.id for i in settled] == [left_sending.id]
    assert store.outbox.get(left_sending.id).state is DeliveryState.UNKNOWN
    assert store.outbox.get(untouched.id).state is DeliveryState.PENDING
    assert [i.id for i in store.outbox.due(T0)] == [untouched.id]


def test_unknown_invites_raise_not_found(store: Store) -> None:
    with pytest.raises(InviteNotFound):
        store.outbox.get("nope")


def test_a_store_from_before_the_outbox_gains_it_and_keeps_its_data(
    tmp_path: Path, keyring: FolderKeyring
) -> None:
    paths = StorePaths(tmp_path / "old")
    created = Store.create(paths, keyring=keyring, migrations=MIGRATIONS[:1])
    consultation = make_consultation(notes="à garder")
    add_before_bookings(created.store, consultation)
    assert created.store.schema_version == 1
    created.store.close()

    with Store.open_with_keyring(paths, keyring) as store:
        assert store.schema_version == MIGRATIONS[-1].version
        assert store.consultations.get(consultation.id).notes == "à garder"
        invite = Invite(consultation.id, "sms", T0, T0)
        store.outbox.add(invite, LETTER)
        assert store.outbox.get(invite.id) == invite
    assert len(list(paths.backups.iterdir())) == 1


def test_invites_sent_lately_are_the_ones_whose_fate_is_followed(store: Store) -> None:
    sent, waiting = an_invite(store), an_invite(store)
    store.outbox.begin_attempt(sent.id)
    store.outbox.record(sent.id, Outcome(DeliveryState.SENT, provider="twilio", provider_id="SM1"))
    now = SystemClock().now()
    assert [i.id for i in store.outbox.sent_since(now - timedelta(hours=1))] == [sent.id]
    assert store.outbox.sent_since(now + timedelta(minutes=1)) == []
    store.outbox.record(sent.id, Outcome(DeliveryState.DELIVERED))
    assert store.outbox.sent_since(now - timedelta(hours=1)) == []
    assert store.outbox.get(waiting.id).state is DeliveryState.PENDING


def test_the_latest_invite_of_each_consultation(store: Store) -> None:
    first = an_invite(store)
    second = Invite(first.consultation_id, "sms", T0, T0 + timedelta(minutes=5))
    store.outbox.add(second, LETTER)
    other = an_invite(store)
    latest = store.outbox.latest_for([first.consultation_id, other.consultation_id, "none"])
    assert latest == {first.consultation_id: second, other.consultation_id: other}
    assert store.outbox.latest_for([]) == {}
