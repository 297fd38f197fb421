"""What the running app does with the requests of `app_channel`: an invite handed over by
`tooddoc-desk invite`, and a caller's contact from `tooddoc-desk --incoming`.

Every field is checked again here (the contact as the window checks it, the language, the
moments), since anything running as the same user can write to the channel.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from tooddoc_desk.app_channel import VERSION, Answer, Request, refused
from tooddoc_desk.core.clock import Clock, require_aware
from tooddoc_desk.core.contact import ContactError, parse_contact
from tooddoc_desk.core.language import Language
from tooddoc_desk.core.payment import AmountError, check_cents
from tooddoc_desk.services.consultations import ConsultationService
from tooddoc_desk.services.invite_outcome import InviteRequest, invite_and_wait

ShowIncoming = Callable[[str], None]


class AppCommands:
    def __init__(
        self,
        service: ConsultationService,
        clock: Clock,
        lead: timedelta,
        show_incoming: ShowIncoming,
    ) -> None:
        self._service = service
        self._clock = clock
        self._lead = lead
        self._show_incoming = show_incoming

    async def handle(self, request: Request) -> Answer:
        command = request.get("command")
        if command == "incoming":
            return self._incoming(request)
        if command == "invite":
            return await self._invite(request)
        return refused("The running app does not know this command; is it an older version?")

    def _incoming(self, request: Request) -> Answer:
        contact = request.get("contact")
        if not isinstance(contact, str) or len(contact) > 400:
            return refused("The caller's number or address is missing.")
        self._show_incoming(contact)
        return {"v": VERSION, "outcome": "shown", "message": "The app shows the caller."}

    async def _invite(self, request: Request) -> Answer:
        try:
            invite = self._request(request)
        except ContactError as error:
            return refused(error.message)
        except ValueError as error:
            return refused(str(error))
        try:
            result = await invite_and_wait(self._service, self._clock, invite, lead=self._lead)
        except ValueError as error:  # a booking whose time passed meanwhile
            return refused(str(error))
        return {"v": VERSION, "outcome": result.outcome.value, "message": result.message}

    def _request(self, request: Request) -> InviteRequest:
        to = request.get("to")
        if not isinstance(to, str):
            raise ValueError("The patient's number or address is missing.")
        contact = parse_contact(to)
        try:
            language = Language(str(request.get("lang")))
        except ValueError:
            raise ValueError("The language must be fr, nl, en or de.") from None
        at = _moment(request.get("at"))
        requested_at = _moment(request.get("requested_at")) or self._clock.now()
        practitioner = request.get("practitioner")
        if practitioner is not None and not isinstance(practitioner, str):
            raise ValueError("The practitioner in the request is not a name.")
        amount = request.get("amount_cents")
        if amount is not None:
            try:
                amount = check_cents(amount)
            except AmountError as error:
                raise ValueError(str(error)) from None
        return InviteRequest(
            contact, language, min(requested_at, self._clock.now()), at, practitioner, amount
        )


def _moment(value: object) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError("A time in the request is not a time.")
    try:
        return require_aware(datetime.fromisoformat(value))
    except ValueError:
        raise ValueError("A time in the request is not a time with its zone.") from None
