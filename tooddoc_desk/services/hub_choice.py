"""Which hub the app uses, chosen in the first run or changed later in Settings: the built-in hub,
or the practice's hosted hub with its practice key, which the hub is asked about before anything
is kept.

    hub, practice = await check_hub(keyring, http, hub, key)     # HubRefused: a sentence, a field
    switch = HubSwitch(practice_settings, keyring, http, use_hub=app.use_hub, rooms=service)
    await switch.save(settings, secrets, key)                    # Settings: kept, and the app moved

A change of hub in Settings applies at once, without a restart, but never under a consultation
that needs the current hub: a call, or a link whose room is open there (the patient would land
on a hub that no longer expects them). The order is: the settings checked, the hub asked about
the key, the key kept in the keyring, the app moved to the hub, then settings.json written; a
refusal at any step leaves the app on the hub it had.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Protocol

import httpx
from keyring.backend import KeyringBackend

from tooddoc_desk.config import HubSettings, Settings
from tooddoc_desk.core.consultation import Consultation, State
from tooddoc_desk.hub.client import HubClient, HubUnavailable
from tooddoc_desk.hub.client import HubRefused as HubAnswer
from tooddoc_desk.hub_connection import KEY_CHECK_TIMEOUT, HubSetupError
from tooddoc_desk.hub_keys import HubKeyError, check_key_text, hub_address, read_key, save_key
from tooddoc_desk.services.practice_settings import PracticeSettings, Secrets, SettingsRefused

log = logging.getLogger(__name__)

NO_KEYRING_FOR_HUB = (
    "This computer has no keyring to keep the hub's practice key: use the built-in hub."
)
NO_KEY = "Type the practice key that whoever runs the hub gave you."
HUB_ADDRESS = (
    "Type the hub's address alone, such as https://hub.example.be (plain http only for a hub "
    "on this computer)."
)
KEY_REFUSED = (
    "The hub at {address} does not know this practice key. Check it with whoever runs the hub."
)
HUB_BUSY = (
    "The hub at {address} turns this computer away for a while after wrong keys: try again in "
    "a minute."
)
HUB_CANNOT_CHECK = "The hub at {address} cannot check practice keys: is it a tooddoc hub?"
HUB_SILENT = (
    "The hub at {address} does not answer. Check the address, or choose Next again to keep it "
    "as it is: invites will fail until the hub answers."
)
HUB_SILENT_SAVE = (
    "The hub at {address} does not answer. Check the address, or choose Save again to use it "
    "as it is: invites will fail until the hub answers."
)
HUB_IN_CALL = "A call runs through the current hub: change the hub once the call has ended."
HUB_IN_USE = (
    "Links sent earlier still lead to the current hub: withdraw them under Today, or change "
    "the hub once they have been used or have expired."
)

# the fields a refusal is about, beyond the settings' own names ("practice_name", "sms.…")
HUB_URL = "hub.url"
HUB_KEY = "hub.key"


class HubRefused(SettingsRefused):
    """A hub that cannot be used: `message` says why, `field` where (HUB_URL or HUB_KEY);
    `may_insist`: the same choice made again is taken (a hub that did not answer)."""

    def __init__(self, message: str, field: str | None = None, *, may_insist: bool = False):
        super().__init__(message, field)
        self.may_insist = may_insist


async def check_hub(
    keyring: KeyringBackend | None,
    http: httpx.AsyncClient,
    hub: HubSettings,
    key: str,
    *,
    keep_if_silent: bool = False,
    silent: str = HUB_SILENT,
) -> tuple[HubSettings, str | None]:
    """A hosted hub as it will be kept (its address in its one spelling) and the practice's
    name the hub gives for the key (typed, or the one kept for that address when `key` is
    empty). HubRefused when it cannot be used; a hub that does not answer is refused with
    `silent` unless `keep_if_silent` (the person was told, and insists: the app starts with
    such a hub too). The built-in hub is returned as it is."""
    if hub.mode != "hosted":
        return hub, None
    if keyring is None:
        raise HubRefused(NO_KEYRING_FOR_HUB, HUB_URL)
    try:
        address = hub_address(hub.url or "")
    except ValueError:
        raise HubRefused(HUB_ADDRESS, HUB_URL) from None
    hub = replace(hub, url=address)
    try:
        key = key.strip() or (read_key(keyring, address) or "")
    except HubKeyError as error:
        raise HubRefused(error.message, HUB_KEY) from None
    if not key:
        raise HubRefused(NO_KEY, HUB_KEY)
    try:
        key = check_key_text(key)
    except HubKeyError as error:
        raise HubRefused(error.message, HUB_KEY) from None
    client = HubClient(http, address, key, timeout=KEY_CHECK_TIMEOUT)
    try:
        practice = await client.whoami()
    except HubAnswer as refused:
        said = {"unauthorized": KEY_REFUSED, "rate_limited": HUB_BUSY}
        where = HUB_KEY if refused.code == "unauthorized" else HUB_URL
        sentence = said.get(refused.code, HUB_CANNOT_CHECK).format(address=address)
        raise HubRefused(sentence, where) from None
    except HubUnavailable:
        if keep_if_silent:
            log.warning("the hosted hub does not answer; kept as chosen")
            return hub, None
        raise HubRefused(silent.format(address=address), HUB_URL, may_insist=True) from None
    log.info("the hosted hub accepts the practice key")
    return hub, practice


def stored_hub_key(keyring: KeyringBackend | None, url: str) -> bool:
    """Whether this computer keeps a practice key for the hub at `url`."""
    if keyring is None:
        return False
    try:
        return read_key(keyring, url) is not None
    except (HubKeyError, ValueError):
        return False


HubUser = Callable[[HubSettings], Awaitable[None]]


class OpenRooms(Protocol):
    def open_rooms(self) -> list[Consultation]:
        """The consultations whose room is open on the hub in use."""
        ...


def same_hub(one: HubSettings, other: HubSettings) -> bool:
    """Whether both name the hub the app would use (the address of a hosted hub kept while
    the built-in one runs does not count)."""
    if one.mode != other.mode:
        return False
    if one.mode == "hosted":
        return one.url == other.url
    return (one.host, one.port) == (other.host, other.port)


class HubSwitch:
    """Settings' way to another hub, for managers, without a restart."""

    def __init__(
        self,
        practice: PracticeSettings,
        keyring: KeyringBackend | None,
        http: httpx.AsyncClient,
        *,
        use_hub: HubUser,
        rooms: OpenRooms,
    ) -> None:
        """`use_hub` moves the running app (HubSetupError if it cannot); `rooms` says which
        consultations still need the current hub."""
        self._practice = practice
        self._keyring = keyring
        self._http = http
        self._use_hub = use_hub
        self._rooms = rooms

    @property
    def current(self) -> HubSettings:
        return self._practice.current.hub

    @property
    def has_keyring(self) -> bool:
        return self._keyring is not None

    def stored_key(self, url: str) -> bool:
        return stored_hub_key(self._keyring, url)

    def changes(self, hub: HubSettings, key: str) -> bool:
        """Whether saving `hub` (and `key`, typed) is more than keeping the hub in use."""
        return not same_hub(hub, self.current) or (hub.mode == "hosted" and bool(key.strip()))

    def require_free(self) -> None:
        """HubRefused, with the reason, while a consultation needs the current hub."""
        open_rooms = self._rooms.open_rooms()
        if any(consultation.state is State.IN_CALL for consultation in open_rooms):
            raise HubRefused(HUB_IN_CALL)
        if open_rooms:
            raise HubRefused(HUB_IN_USE)

    async def save(
        self, settings: Settings, secrets: Secrets, key: str = "", *, keep_if_silent: bool = False
    ) -> str | None:
        """Keeps `settings` with their hub, the app moved to it; the practice's name the hosted
        hub gave. SettingsRefused (HubRefused for the hub) and nothing changed when it cannot
        be: a wrong setting, a key the hub refuses, a consultation on the current hub. NotAllowed
        unless the person may change the settings."""
        self._practice.require_setup()
        checked = self._practice.check(settings, secrets)
        if not self.changes(checked.hub, key):
            self._practice.save(checked, secrets)
            return None
        self.require_free()
        hub, practice = await check_hub(
            self._keyring,
            self._http,
            checked.hub,
            key,
            keep_if_silent=keep_if_silent,
            silent=HUB_SILENT_SAVE,
        )
        if hub.mode == "hosted" and hub.url is not None and key.strip():
            assert self._keyring is not None  # check_hub refuses a hosted hub without one
            try:
                save_key(self._keyring, hub.url, key)
            except HubKeyError as error:
                raise HubRefused(error.message, HUB_KEY) from None
        self.require_free()  # a link may have left while the hub was asked
        try:
            await self._use_hub(hub)
        except HubSetupError as error:
            raise HubRefused(error.message, HUB_URL) from None
        except RuntimeError:  # a room opened at the last moment: the hub stays
            raise HubRefused(HUB_IN_USE) from None
        self._practice.save(replace(checked, hub=hub), secrets)
        log.info("the hub changed from the settings (%s)", hub.mode)
        return practice
