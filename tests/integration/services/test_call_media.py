"""Mute and camera off through the consultation service, with the embedded hub, the real Session
and its publisher, and a scripted patient page on the websocket: the media changes, the page is
told, a receptionist may do neither."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.aio import async_test
from tests.helpers.hub import signaling
from tests.integration.services.rig import admitted_patient, rig
from tooddoc_desk.core.users import NotAllowed, Role
from tooddoc_desk.messaging.dev_outbox import DevOutbox

pytestmark = pytest.mark.usefixtures("loopback_only")


def media(camera: bool, microphone: bool) -> dict[str, str]:
    data = json.dumps({"camera": camera, "microphone": microphone})
    return {"type": "signal", "signal_type": "media", "data": data}


@async_test
async def test_muting_and_turning_the_camera_off_change_what_is_sent_and_tell_the_page(
    tmp_path: Path,
) -> None:
    async with rig(tmp_path, DevOutbox()) as r, signaling(r.websockets, r.hub) as patient:
        consultation_id = await admitted_patient(r, patient)
        session = r.service.session(consultation_id)
        assert session is not None
        publisher = session.publisher

        await r.service.set_microphone(consultation_id, False)
        assert not publisher.publishing_audio
        assert await patient.receive() == media(camera=True, microphone=False)

        await r.service.set_camera(consultation_id, False)
        assert not publisher.publishing_video
        assert await patient.receive() == media(camera=False, microphone=False)

        await r.service.set_microphone(consultation_id, True)
        await r.service.set_camera(consultation_id, True)
        assert (publisher.publishing_audio, publisher.publishing_video) == (True, True)
        assert await patient.receive() == media(camera=False, microphone=True)
        assert await patient.receive() == media(camera=True, microphone=True)


@async_test
async def test_a_receptionist_can_neither_mute_nor_turn_the_camera_off(tmp_path: Path) -> None:
    async with rig(tmp_path, DevOutbox()) as r, signaling(r.websockets, r.hub) as patient:
        consultation_id = await admitted_patient(r, patient)
        await r.accounts.add_user("Anne", frozenset({Role.RECEPTIONIST}), "482915")
        r.accounts.sign_out()
        await r.accounts.sign_in("Anne", "482915")
        with pytest.raises(NotAllowed, match="Anne cannot run calls"):
            await r.service.set_microphone(consultation_id, False)
        with pytest.raises(NotAllowed, match="Anne cannot run calls"):
            await r.service.set_camera(consultation_id, False)
        session = r.service.session(consultation_id)
        assert session is not None
        assert (session.publisher.publishing_audio, session.publisher.publishing_video) == (
            True,
            True,
        )
        await patient.assert_nothing_pending()
