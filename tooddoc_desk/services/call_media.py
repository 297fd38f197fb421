"""The practitioner's microphone and camera during a call: muted or on, and the patient told.

Muted, the call sends silence; with the camera off it sends black (the RTP streams go on, so
nothing has to be negotiated again) and releases the camera, whose light goes out. The
patient's page is told with a `media` signal, `{"camera": bool, "microphone": bool}`, and
says what is off under the practitioner's picture. A patient who is not admitted yet, or a
hub connection that is gone, only misses the message: the media change itself happens.
"""

from __future__ import annotations

import contextlib
import json
import logging
from typing import TYPE_CHECKING

from tooddoc_desk.calls.session_state import SessionStateError
from tooddoc_desk.calls.signaling import SignalingClosed

if TYPE_CHECKING:
    from tooddoc_desk.calls.session import Session

log = logging.getLogger(__name__)

MEDIA_SIGNAL = "media"


async def set_media(
    session: Session, *, camera: bool | None = None, microphone: bool | None = None
) -> None:
    publisher = session.publisher
    if camera is not None:
        await publisher.publish_video(camera)
    if microphone is not None:
        await publisher.publish_audio(microphone)
    state = {"camera": publisher.publishing_video, "microphone": publisher.publishing_audio}
    with contextlib.suppress(SessionStateError, SignalingClosed):
        await session.signal(MEDIA_SIGNAL, json.dumps(state))
        return
    log.info("the patient's page was not told that the practitioner's media changed")
