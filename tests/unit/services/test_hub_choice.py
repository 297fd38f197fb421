"""Settings keep the hub while a consultation needs it: a call says so, an open link too."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from tooddoc_desk.config import HubSettings, Settings
from tooddoc_desk.core.consultation import Consultation, State
from tooddoc_desk.core.contact import parse_contact
from tooddoc_desk.core.language import Language
from tooddoc_desk.services.hub_choice import (
    HUB_IN_CALL,
    HUB_IN_USE,
    HubRefused,
    HubSwitch,
    same_hub,
)
from tooddoc_desk.services.practice_settings import PracticeSettings

START = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def consultation_in(*path: State) -> Consultation:
    consultation = Consultation(parse_contact("0470 12 34 56"), Language.FR, START, START)
    for minutes, state in enumerate(path, start=1):
        consultation.move_to(state, START + timedelta(minutes=minutes))
    return consultation


class OpenRooms:
    def __init__(self, *consultations: Consultation) -> None:
        self.consultations = list(consultations)

    def open_rooms(self) -> list[Consultation]:
        return self.consultations


class Anyone:
    """The first run's gate: nobody signed in yet, the person setting up may."""

    current = None

    def require_setup(self) -> None:
        pass


async def never(hub: HubSettings) -> None:
    raise AssertionError("the app must stay on its hub")


@pytest.mark.parametrize(
    ("open_rooms", "refusal"),
    [
        ((State.INVITED,), HUB_IN_USE),
        ((State.INVITED, State.OPENED, State.WAITING), HUB_IN_USE),
        ((State.INVITED, State.OPENED, State.WAITING, State.IN_CALL), HUB_IN_CALL),
    ],
)
def test_a_consultation_on_the_current_hub_keeps_it(
    tmp_path: Path, open_rooms: tuple[State, ...], refusal: str
) -> None:
    practice = PracticeSettings(tmp_path, Settings(), None, Anyone())
    rooms = OpenRooms(consultation_in(State.INVITED), consultation_in(*open_rooms))
    switch = HubSwitch(practice, None, httpx.AsyncClient(), use_hub=never, rooms=rooms)
    with pytest.raises(HubRefused) as refused:
        switch.require_free()
    assert refused.value.message == refusal
    rooms.consultations.clear()
    switch.require_free()


def test_which_changes_are_a_change_of_hub(tmp_path: Path) -> None:
    built_in = HubSettings()
    hosted = HubSettings(mode="hosted", url="https://hub.example.be")
    assert same_hub(built_in, HubSettings(url="https://hub.example.be"))  # an address kept aside
    assert not same_hub(built_in, HubSettings(port=9000))
    assert not same_hub(built_in, hosted)
    assert not same_hub(hosted, HubSettings(mode="hosted", url="https://other.example.be"))
    practice = PracticeSettings(tmp_path, Settings(hub=hosted), None, Anyone())
    switch = HubSwitch(practice, None, httpx.AsyncClient(), use_hub=never, rooms=OpenRooms())
    assert not switch.changes(hosted, "")
    assert switch.changes(hosted, "a-new-key")  # the same hub with another key: asked again
    assert switch.changes(built_in, "")
