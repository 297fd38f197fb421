"""What the consultation service tells the person at the desk, in their words.

No sentence names a patient, a number, an address or a link: they may be logged as they are.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from tooddoc_desk.core.delivery import Invite
from tooddoc_desk.core.schedule import describe

HUB_DOWN = (
    "The consultation service did not answer, so no link was sent. "
    "Try again in a moment; if it keeps failing, restart the app."
)

DEVICE_GONE = "The other device has gone away: the patient stays on the first one."

NOT_WAITING = "This patient is no longer waiting."
ONE_CALL_AT_A_TIME = "Finish the current call before admitting the next patient."
ON_ITS_WAY = "This link is on its way already: wait for it to be sent or to fail."
NOTHING_TO_RESEND = "This consultation has no link to send again."
BOOKING_IN_THE_PAST = "The consultation's time has passed: give a time to come."

NO_STRIPE_KEY = (
    "No Stripe key is kept on this computer, so no pre-payment can be asked: keep the "
    "restricted key with tooddoc-desk provider-secret --stripe."
)
AWAITING_PAYMENT = "This patient has not paid yet: they join the waiting room once they have."
NOT_PAID = "This consultation was not paid: there is nothing to refund."
PAID_NOT_HELD = (
    "A patient paid for a consultation that did not take place: refund it from Stripe's "
    "dashboard (the payment is described with the practice's name)."
)


def payment_not_prepared(why: str) -> str:
    return f"The pre-payment could not be prepared, so no link was sent. {why}"


def refund_failed(why: str) -> str:
    return f"The refund did not go through. {why}"


_CANNOT_TAKE = (
    "The patient's browser asked for a call this app cannot take. Ask the patient to reload "
    "the page, or to open the link in Chrome, Safari, Firefox or Edge."
)
CALL_PROBLEMS = {
    "bad_offer": _CANNOT_TAKE,
    "answer_failed": _CANNOT_TAKE,
    "hub_lost": (
        "The connection to the consultation service was lost. A call in progress goes on, but "
        "a patient who drops out cannot come back through the link."
    ),
}

_MAY_HAVE_ARRIVED = (
    "The link may or may not have reached the patient, and the app will not send it again by "
    "itself. {why} Then choose Resend or Withdraw under Today."
)


def may_have_arrived(invite: Invite) -> str:
    """For an invite left `unknown`: its own reason, and what the person can do."""
    why = invite.problem or "The provider's answer did not come back."
    return _MAY_HAVE_ARRIVED.format(why=why)


def not_delivered(invite: Invite) -> str:
    return invite.problem or "The link could not be sent."


def booking_missed(scheduled_for: datetime, now: datetime, tz: tzinfo | None = None) -> str:
    return (
        f"The link for the consultation booked for {describe(scheduled_for, now, tz)} was not "
        "sent: the app was not running when it was due, and that time has passed. Call the "
        "patient, or choose Resend to send a link now."
    )


CHAT_EMPTY = "Type a message first."
CHAT_NO_CALL = "The patient is not in the call."
CHAT_HUB_LOST = (
    "The connection to the consultation service is lost. The call goes on: say it aloud."
)
CHAT_NOT_KEPT = (
    "A chat message could not be saved with the consultation. It stays on screen; the app "
    "tries again with the next one."
)


def chat_too_long(limit: int, length: int) -> str:
    return f"A message is at most {limit} characters; this one has {length}."
