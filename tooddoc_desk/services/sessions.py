"""Joining a room on the hub as the practitioner: the signaling, the local media, the Session.

The call engine (aiortc, FFmpeg) loads when the first room is joined, or before, on a thread,
once the window shows (services/engine_warm_up.py): not at start-up.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

import aiohttp

from tooddoc_desk.calls import events as call_events
from tooddoc_desk.calls.hub_signaling import HubSignaling

if TYPE_CHECKING:
    from tooddoc_desk.calls.publisher import Publisher
    from tooddoc_desk.calls.session import Session

PublisherFactory = Callable[[], Awaitable["Publisher"]]
SessionOpener = Callable[[str, Callable[[call_events.SessionEvent], None]], Awaitable["Session"]]


def hub_session_opener(
    websockets: aiohttp.ClientSession, hub_url: str, publisher_factory: PublisherFactory
) -> SessionOpener:
    """A function that joins a room with its practitioner token and starts its Session."""

    async def open_session(
        token: str, on_event: Callable[[call_events.SessionEvent], None]
    ) -> Session:
        from tooddoc_desk.calls.session import Session  # noqa: PLC0415

        signaling, welcome = await HubSignaling.connect(websockets, hub_url, token)
        publisher = await publisher_factory()
        session = Session(signaling, welcome.ice_servers, publisher, on_event)
        session.start()
        return session

    return open_session
