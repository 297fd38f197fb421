"""`tooddoc-desk invite`: sends a link from a script or the office phone system.

    tooddoc-desk invite --to CONTACT [--lang fr|nl|en|de] [--at TIME] [--dry-run]
                        [--practitioner NAME] [--data-dir DIR]

- The contact is checked as the window checks it; an invalid one exits with status 2 and the
  window's sentence. `--at` takes what the window's "When" field takes ("14:30", "26/11 9:15",
  "2026-11-26 09:15"): the consultation is booked, and its link leaves `invite_lead_minutes`
  before.
- `--dry-run` shows what would be sent and how, without the hub, the store or a provider.
- When the app runs on the data folder, the invite is handed to it (`app_channel`): it makes
  the room, sends the link, follows the patient, and answers once the invite's fate is known.
- When no app runs: a booking is written to the store (the app sends it when due, if it runs
  then); an invite to send now needs a hosted hub (`invite_one_shot`), since with the embedded
  hub the link would die with this command.
- `--practitioner` names whom the consultation is for (the practitioner's name as they sign
  in); it may be left out in a practice with one practitioner, never where there are several:
  an invite is never filed under someone by guess.

Exit status: 0 sent (or booked); 2 bad input; 3 the store stays locked; 4 an app holds the data
folder but does not answer; 5 not sent (refused, failed, no provider set up); 6 sent or not,
nobody can tell (`unknown`: ask the patient before sending again); 7 no app runs and the
embedded hub needs one.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TextIO

from tooddoc_desk import exit_status as status
from tooddoc_desk.app_channel import AppChannelError, ask_app
from tooddoc_desk.config import Config
from tooddoc_desk.core.clock import SystemClock
from tooddoc_desk.core.contact import ContactError, parse_contact
from tooddoc_desk.core.language import Language
from tooddoc_desk.core.payment import AmountError, parse_amount
from tooddoc_desk.core.schedule import ScheduleError, parse_when
from tooddoc_desk.invite_one_shot import run_without_app
from tooddoc_desk.invite_preview import preview
from tooddoc_desk.services.invite_outcome import InviteRequest

OUTCOME_STATUS = {
    "sent": status.OK,
    "delivered": status.OK,
    "booked": status.OK,
    "shown": status.OK,
    "unknown": status.UNKNOWN,
    "failed": status.NOT_SENT,
    "cancelled": status.NOT_SENT,
    "refused": status.NOT_SENT,
}


@dataclass(frozen=True)
class InviteArgs:
    to: str
    lang: str | None = None
    at: str | None = None
    dry_run: bool = False
    practitioner: str | None = None
    amount: str | None = None  # the pre-payment in euros, as typed


@dataclass(frozen=True)
class Refusal:
    code: int
    message: str


def prepare(
    config: Config, args: InviteArgs, now: datetime, tz: tzinfo | None = None
) -> InviteRequest | Refusal:
    """The command's parse path: the request, or why it is refused (never an exception)."""
    practitioner = None if args.practitioner is None else args.practitioner.strip()
    if practitioner == "" or (practitioner is not None and len(practitioner) > 80):
        return Refusal(status.USAGE, "--practitioner takes the practitioner's name.")
    try:
        contact = parse_contact(args.to)
    except ContactError as error:
        return Refusal(status.USAGE, error.message)
    try:
        language = Language(args.lang) if args.lang else config.settings.language
    except ValueError:
        return Refusal(status.USAGE, "--lang must be fr, nl, en or de.")
    try:
        at = parse_when(args.at or "", now, tz)
    except ScheduleError as error:
        return Refusal(status.USAGE, f"--at: {error.message}")
    try:
        amount = None if args.amount is None else parse_amount(args.amount)
    except AmountError as error:
        return Refusal(status.USAGE, f"--amount: {error}")
    return InviteRequest(contact, language, now, at, practitioner, amount)


def run_invite(
    config: Config,
    args: InviteArgs,
    *,
    out: TextIO | None = None,
    err: TextIO | None = None,
    tz: tzinfo | None = None,
) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    now = SystemClock().now()
    prepared = prepare(config, args, now, tz)
    if isinstance(prepared, Refusal):
        print(prepared.message, file=err)
        return prepared.code
    if args.dry_run:
        print(preview(config, prepared, now, tz), file=out)
        return status.OK
    try:
        answer = ask_app(config.data_dir, channel_request(prepared))
    except AppChannelError as error:
        print(error.message, file=err)
        return status.NOT_SENT
    if answer is None:
        return run_without_app(config, prepared, out=out, err=err, tz=tz)
    outcome, message = str(answer.get("outcome")), str(answer.get("message"))
    code = OUTCOME_STATUS.get(outcome, status.NOT_SENT)
    print(message, file=out if code == status.OK else err)
    return code


def channel_request(request: InviteRequest) -> dict[str, object]:
    return {
        "command": "invite",
        "to": request.contact.value,
        "lang": request.language.value,
        "at": None if request.at is None else request.at.isoformat(),
        "requested_at": request.requested_at.isoformat(),
        "practitioner": request.practitioner,
        "amount_cents": request.amount_cents,
    }
