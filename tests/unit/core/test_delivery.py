from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tooddoc_desk.core.delivery import DELIVERY_MOVES, DeliveryState, IllegalDeliveryMove, Invite

T0 = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def invite(**changes: object) -> Invite:
    fields: dict[str, object] = {"consultation_id": "c1", "channel": "sms"}
    fields.update(changes)
    return Invite(not_before=T0, created_at=T0, **fields)  # type: ignore[arg-type]


def test_once_it_may_have_left_an_invite_never_goes_back_to_pending_by_itself() -> None:
    # the only ways back to pending are a transient failure reported by the provider
    # (sending → pending) and a person's resend (failed/unknown → pending)
    into_pending = {s for s, targets in DELIVERY_MOVES.items() if DeliveryState.PENDING in targets}
    assert into_pending == {
        DeliveryState.SCHEDULED,
        DeliveryState.SENDING,
        DeliveryState.FAILED,
        DeliveryState.UNKNOWN,
    }
    assert DeliveryState.SENDING not in DELIVERY_MOVES[DeliveryState.UNKNOWN]


def test_final_states() -> None:
    assert {s for s in DeliveryState if s.is_final} == {
        DeliveryState.DELIVERED,
        DeliveryState.CANCELLED,
    }


def test_illegal_moves_are_refused() -> None:
    sent = invite(state=DeliveryState.SENT)
    with pytest.raises(IllegalDeliveryMove, match="from sent to sending"):
        sent.require_move(DeliveryState.SENDING)
    assert sent.can_move_to(DeliveryState.DELIVERED)


def test_an_invite_validates_itself() -> None:
    with pytest.raises(ValueError, match="sms or email"):
        invite(channel="fax")
    with pytest.raises(ValueError, match="time zone"):
        Invite("c1", "sms", datetime(2026, 1, 1), T0)
    first, second = invite(), invite()
    assert first.id != second.id
    assert first.idempotency_key != second.idempotency_key
