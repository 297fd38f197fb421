"""Which hub the app talks to: its own (embedded, the default) or the practice's hosted hub.

    hub = await connect_hub(settings.hub, keyring, http)
    hub.base_url, hub.api_key        # for HubClient and the signaling
    await hub.close()                # stops an embedded hub; a hosted one runs on

Embedded: the hub starts on this computer (127.0.0.1 by default) with a fresh key. Hosted: the
app starts no hub; it uses the address in settings.json and the practice key the OS keyring
holds for it, and checks the key once (`GET /api/whoami`). A missing or refused key stops the
start with a HubSetupError saying what to do; a hub that does not answer does not (the app
still shows the history; invites fail with their own message until the hub is back).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import httpx
from keyring.backend import KeyringBackend

from tooddoc_desk.config import HubSettings
from tooddoc_desk.hub.client import HubClient, HubRefused, HubUnavailable
from tooddoc_desk.hub.config import HubConfig
from tooddoc_desk.hub.server import RunningHub, start_hub
from tooddoc_desk.hub_keys import HubKeyError, read_key

log = logging.getLogger(__name__)

KEY_CHECK_TIMEOUT = 5.0  # seconds: a slow hub must not hold the window back for long


class HubSetupError(Exception):
    """The app cannot use the hub its settings name; `message` tells the person what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class HubConnection:
    base_url: str
    api_key: str = field(repr=False)
    embedded: RunningHub | None = None
    practice: str | None = None  # the hosted hub's name for this practice
    reachable: bool = True  # False: the hosted hub did not answer the key check

    @property
    def hosted(self) -> bool:
        return self.embedded is None

    def summary(self) -> str:
        """For the status bar: where the hub is, and how it is doing."""
        if not self.hosted:
            return f"Hub: {self.base_url} (on this computer)"
        if not self.reachable:
            return f"Hub: {self.base_url} does not answer; invites will fail until it does"
        return f"Hub: {self.base_url}" + (f" ({self.practice})" if self.practice else "")

    async def close(self) -> None:
        if self.embedded is not None:
            await self.embedded.stop()


def missing_key_message(url: str) -> str:
    return (
        f"No practice key for the hub at {url} is stored on this computer. Ask whoever runs "
        f"the hub for the key, then run: tooddoc-desk hub-key --url {url}"
    )


def refused_key_message(url: str) -> str:
    return (
        f"The hub at {url} refused this computer's practice key. Ask whoever runs the hub for "
        f"the current key, then run: tooddoc-desk hub-key --url {url}"
    )


async def connect_hub(
    settings: HubSettings, keyring: KeyringBackend | None, http: httpx.AsyncClient
) -> HubConnection:
    if settings.mode != "hosted":
        hub = await start_hub(HubConfig(host=settings.host, port=settings.port))
        return HubConnection(hub.base_url, hub.api_key, embedded=hub)
    url = settings.url
    if url is None:  # load_config refuses this; a Settings built in code might not
        raise HubSetupError("settings.json: hub.url must give the hosted hub's address.")
    if keyring is None:
        raise HubSetupError(
            f"This computer has no keyring to hold the practice key of the hub at {url}; "
            "the hosted hub cannot be used here (set hub.mode to 'embedded')."
        )
    try:
        key = read_key(keyring, url)
    except HubKeyError as error:
        raise HubSetupError(error.message) from None
    if key is None:
        raise HubSetupError(missing_key_message(url))
    client = HubClient(http, url, key, timeout=KEY_CHECK_TIMEOUT)
    try:
        practice = await client.whoami()
    except HubRefused as refused:
        if refused.code == "unauthorized":
            raise HubSetupError(refused_key_message(url)) from None
        log.warning("the hosted hub did not check the key (%s)", refused.code)
        return HubConnection(url, key)
    except HubUnavailable as failure:
        log.warning("the hosted hub does not answer: %s", failure)
        return HubConnection(url, key, reachable=False)
    log.info("using the hosted hub at %s", url)
    return HubConnection(url, key, practice=practice)
