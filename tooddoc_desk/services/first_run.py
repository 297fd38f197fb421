"""The first run: what the person setting the app up chooses, checked page by page, then kept
all at once.

    first_run.recovery_key()                 the store's recovery key, to show once
    first_run.check_practice(settings)       each raises SetupRefused (the step, a sentence,
    first_run.check_people(people)           the field it is about); nothing is written
    await first_run.check_hub(hub, key)
    first_run.check_messages(settings, secrets)
    first_run.check_recovery_key(typed)
    user = await first_run.finish(setup)     keeps it all; the first person is signed in

`finish` keeps, in this order: the hosted hub's practice key (keyring), the settings with the
providers' secrets (keyring, then settings.json: the app applies them), the move to the chosen
hub, and last the people, all at once. The practice having accounts is what ends the first run:
a wizard left before its end, or a finish that stopped half way, leaves none, so the next start
shows the wizard again, filled with whatever settings were kept. The recovery key shown by a
wizard that was left is replaced by a new one (nobody confirmed it had been written down).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from enum import IntEnum

import httpx
from keyring.backend import KeyringBackend

from tooddoc_desk.config import HubSettings, Settings
from tooddoc_desk.core.passwords import WeakSecret
from tooddoc_desk.core.users import NotAllowed, User, UserInputError
from tooddoc_desk.hub_connection import HubSetupError
from tooddoc_desk.hub_keys import HubKeyError, save_key
from tooddoc_desk.services.accounts import Accounts, NewUser
from tooddoc_desk.services.hub_choice import (
    HUB_KEY,
    HUB_URL,
    NO_KEYRING_FOR_HUB,
    HubRefused,
    HubUser,
    check_hub,
    stored_hub_key,
)
from tooddoc_desk.services.practice_settings import PracticeSettings, Secrets, SettingsRefused
from tooddoc_desk.services.recovery_keys import typed_back_problem
from tooddoc_desk.storage.errors import StoreError
from tooddoc_desk.storage.recovery_key import RecoveryKey

log = logging.getLogger(__name__)

NEEDS_SOMEONE = "Create the account of the person who manages the practice."

# the field a refusal is about, beyond the settings' own names ("practice_name", "sms.…") and
# the hub's (HUB_URL, HUB_KEY)
RECOVERY = "recovery"


class Step(IntEnum):
    PRACTICE = 0
    PEOPLE = 1
    HUB = 2
    MESSAGES = 3
    RECOVERY = 4


class SetupRefused(Exception):
    """`message`: what to change, a sentence; `step` and `field`: where it is typed (field None:
    the step as a whole; for a person, "name", "roles", "inami" or "secret"). `may_insist`: the
    same choice made again is taken (a hub that did not answer)."""

    def __init__(
        self, step: Step, message: str, field: str | None = None, *, may_insist: bool = False
    ) -> None:
        super().__init__(message)
        self.step = step
        self.message = message
        self.field = field
        self.may_insist = may_insist


@dataclass(frozen=True)
class Setup:
    """What the wizard gathered: the settings (hub included), the secrets typed for the
    providers and the hub (empty: keep the one already kept), and the people, the first of
    whom manages the practice."""

    settings: Settings
    people: tuple[NewUser, ...]
    secrets: Secrets = field(default=Secrets(), repr=False)
    hub_key: str = field(default="", repr=False)


class FirstRun:
    def __init__(
        self,
        accounts: Accounts,
        practice: PracticeSettings,
        keyring: KeyringBackend | None,
        http: httpx.AsyncClient,
        *,
        recovery_key: RecoveryKey | None,
        renew_recovery_key: Callable[[], RecoveryKey],
        use_hub: HubUser,
    ) -> None:
        """`recovery_key`: the one the store was created with just now (None: the store was
        made at an earlier start, whose key is replaced by `renew_recovery_key`); `use_hub`
        moves the running app to the hub chosen (HubSetupError if it cannot)."""
        self._accounts = accounts
        self._practice = practice
        self._keyring = keyring
        self._http = http
        self._recovery = recovery_key
        self._renew = renew_recovery_key
        self._use_hub = use_hub
        self.renewed = False  # the key shown replaces one an earlier wizard showed

    def needed(self) -> bool:
        return self._accounts.needs_first_user()

    @property
    def settings(self) -> Settings:
        """The settings kept so far: the defaults, or what an earlier wizard kept."""
        return self._practice.current

    @property
    def has_keyring(self) -> bool:
        return self._keyring is not None

    def stored_hub_key(self, url: str) -> bool:
        """Whether this computer keeps a practice key for the hub at `url`."""
        return stored_hub_key(self._keyring, url)

    # --- the pages' checks -----------------------------------------------------------------

    def check_practice(self, settings: Settings) -> Settings:
        return self._checked(settings, Secrets(), Step.PRACTICE)

    def check_people(self, people: Sequence[NewUser]) -> list[User]:
        """The users they would be; the first one is there and manages the practice."""
        if not people:
            raise SetupRefused(Step.PEOPLE, NEEDS_SOMEONE, "name")
        try:
            return self._accounts.check_new_users(people)
        except UserInputError as error:
            raise SetupRefused(Step.PEOPLE, error.message, error.field) from None
        except WeakSecret as error:
            raise SetupRefused(Step.PEOPLE, error.message, "secret") from None

    def check_person(self, person: NewUser, others: Sequence[NewUser]) -> User:
        """`person` joining `others` (already checked)."""
        return self.check_people([*others, person])[-1]

    async def check_hub(
        self, hub: HubSettings, key: str, *, keep_if_silent: bool = False
    ) -> tuple[HubSettings, str | None]:
        """The hub as it will be kept, and the practice's name a hosted hub gives for the key
        (typed, or the one kept for that address when `key` is empty). A hosted hub that does
        not answer is refused, unless `keep_if_silent` (the person was told, and insists: the
        app starts with such a hub too)."""
        if hub.mode != "hosted":
            return self._checked(self.settings, Secrets(), Step.HUB, hub).hub, None
        try:
            return await check_hub(
                self._keyring, self._http, hub, key, keep_if_silent=keep_if_silent
            )
        except HubRefused as refused:
            raise SetupRefused(
                Step.HUB, refused.message, refused.field, may_insist=refused.may_insist
            ) from None

    def check_messages(self, settings: Settings, secrets: Secrets) -> Settings:
        return self._checked(settings, secrets, Step.MESSAGES)

    def recovery_key(self) -> RecoveryKey:
        """The key to show, the same for the whole of this run."""
        if self._recovery is None:
            self._recovery = self._renew()
            self.renewed = True
            log.info("a new recovery key replaces the one an unfinished first run showed")
        return self._recovery

    def check_recovery_key(self, typed: str) -> None:
        """SetupRefused unless `typed` is the recovery key shown (as RecoveryKey.parse reads
        it: any case, spaces or no separators)."""
        problem = typed_back_problem(typed, self.recovery_key())
        if problem is not None:
            raise SetupRefused(Step.RECOVERY, problem, RECOVERY)

    # --- the end ---------------------------------------------------------------------------

    async def finish(self, setup: Setup, typed_recovery_key: str) -> User:
        """Keeps it all (see the module's text); the first person is signed in."""
        self.check_recovery_key(typed_recovery_key)
        settings = self._checked(setup.settings, setup.secrets, Step.MESSAGES)
        self.check_people(setup.people)
        hub = settings.hub
        if hub.mode == "hosted" and hub.url is not None and setup.hub_key.strip():
            if self._keyring is None:
                raise SetupRefused(Step.HUB, NO_KEYRING_FOR_HUB, HUB_URL)
            try:
                save_key(self._keyring, hub.url, setup.hub_key)
            except HubKeyError as error:
                raise SetupRefused(Step.HUB, error.message, HUB_KEY) from None
        try:
            self._practice.save(settings, setup.secrets)
        except SettingsRefused as error:
            raise SetupRefused(_step_of(error.field), error.message, error.field) from None
        except NotAllowed as error:  # someone finished the first run elsewhere
            raise SetupRefused(Step.PEOPLE, error.message) from None
        try:
            await self._use_hub(hub)
        except HubSetupError as error:
            raise SetupRefused(Step.HUB, error.message, HUB_URL) from None
        try:
            user = await self._accounts.create_practice(setup.people)
        except (UserInputError, WeakSecret, NotAllowed, StoreError) as error:
            raise SetupRefused(Step.PEOPLE, error.message) from None
        log.info("first run done: %d account(s)", len(setup.people))
        return user

    def _checked(
        self, settings: Settings, secrets: Secrets, step: Step, hub: HubSettings | None = None
    ) -> Settings:
        if hub is not None:
            settings = replace(settings, hub=hub)
        try:
            return self._practice.check(settings, secrets)
        except SettingsRefused as error:
            raise SetupRefused(
                step if step is not Step.MESSAGES else _step_of(error.field),
                error.message,
                error.field,
            ) from None


def _step_of(setting: str | None) -> Step:
    """The page where a setting is typed."""
    if setting is None:
        return Step.MESSAGES
    if setting in ("practice_name", "language"):
        return Step.PRACTICE
    if setting.startswith("hub."):
        return Step.HUB
    return Step.MESSAGES
