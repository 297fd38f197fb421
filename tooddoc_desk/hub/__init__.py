"""The hub: serves the patient page, holds rooms and the waiting room, relays signaling.

Qt-free and aiohttp-based; docs/hub-protocol.md is its contract. The app embeds it:

    hub = await start_hub(HubConfig())           # on the app's (qasync) loop
    client = HubClient(httpx_client, hub.base_url, hub.api_key)
    ...
    await hub.stop()
"""

from tooddoc_desk.hub.client import HubClient, HubError, HubRefused, HubUnavailable, RoomInvite
from tooddoc_desk.hub.config import HubConfig, Limits, websocket_url
from tooddoc_desk.hub.ice import IceServer, TurnRestServer
from tooddoc_desk.hub.rooms import CloseReason, InMemoryRoomRegistry, Role, RoomRegistry
from tooddoc_desk.hub.server import RunningHub, start_hub

__all__ = [
    "CloseReason",
    "HubClient",
    "HubConfig",
    "HubError",
    "HubRefused",
    "HubUnavailable",
    "IceServer",
    "InMemoryRoomRegistry",
    "Limits",
    "Role",
    "RoomInvite",
    "RoomRegistry",
    "RunningHub",
    "TurnRestServer",
    "start_hub",
    "websocket_url",
]
