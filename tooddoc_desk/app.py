"""The composition root: builds the store, the hub, the senders, the services and the window,
in that order, and takes them down in reverse order.

At start-up, before anything is sent: invites a dead process left `sending` become `unknown`
(`settle_after_restart`); consultations it left open are settled (with a hosted hub, their rooms
are joined again); then the delivery loop, the booking scheduler and the command channel start.
While the practice has no account, the window shows the first run (services/first_run.py): its
settings apply at once, its hub included.
"""

from __future__ import annotations

import logging
import ssl
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import TYPE_CHECKING

import aiohttp
import httpx
from keyring.backend import KeyringBackend

from tooddoc_desk.app_channel import AppChannelServer
from tooddoc_desk.app_commands import AppCommands
from tooddoc_desk.config import Config, HubSettings, Settings
from tooddoc_desk.core.clock import Clock, SystemClock
from tooddoc_desk.core.contact import Contact
from tooddoc_desk.core.language import Language
from tooddoc_desk.core.passwords import DEFAULT_COST, HashCost
from tooddoc_desk.hub.client import HubClient
from tooddoc_desk.hub_connection import HubConnection, connect_hub
from tooddoc_desk.messaging.dev_outbox import DevOutbox
from tooddoc_desk.senders import Senders, build_senders
from tooddoc_desk.services.accounts import Accounts
from tooddoc_desk.services.audit import AuditTrail
from tooddoc_desk.services.backups import Backups
from tooddoc_desk.services.consultations import ConsultationService
from tooddoc_desk.services.delivery import DeliveryService
from tooddoc_desk.services.device_choice import SPEAKER_MISSING, DeviceChoices
from tooddoc_desk.services.exports import Exports
from tooddoc_desk.services.first_run import FirstRun
from tooddoc_desk.services.hub_choice import HubSwitch
from tooddoc_desk.services.practice_settings import PracticeSettings
from tooddoc_desk.services.recovery_keys import RecoveryKeys
from tooddoc_desk.services.scheduler import Scheduler
from tooddoc_desk.services.sessions import PublisherFactory, hub_session_opener
from tooddoc_desk.services.store_access import OpenedStore
from tooddoc_desk.stripe_key import read_stripe_key
from tooddoc_desk.ui.audit_view import AuditView
from tooddoc_desk.ui.desk_lock import DeskLock
from tooddoc_desk.ui.devices_page import DevicesEntry
from tooddoc_desk.ui.i18n import choose_language, install_language
from tooddoc_desk.ui.main_window import MainWindow

if TYPE_CHECKING:
    from tooddoc_desk.calls.publisher import Publisher

log = logging.getLogger(__name__)

SEND_GRACE = 5.0  # seconds a send under way may take to finish when the app closes
INTERRUPTED_SENDS = (
    "The app stopped while {count} being sent: see the Delivery column under Today, and "
    "ask the patient before sending again."
)


@dataclass
class Parts:
    hub: HubConnection
    http: httpx.AsyncClient
    websockets: aiohttp.ClientSession
    senders: Senders
    delivery: DeliveryService
    service: ConsultationService
    scheduler: Scheduler
    window: MainWindow
    channel: AppChannelServer
    accounts: Accounts
    lock: DeskLock  # the sign-in page in front of the window
    practice: PracticeSettings  # a manager's changes, applied at once (apply_settings)
    devices: DevicesEntry | None = None  # this PC's camera, microphone and speaker
    backups: Backups | None = None  # daily and on demand, into the folder chosen
    exports: Exports | None = None  # the manager's export (the window's Export…)

    @property
    def outbox(self) -> DevOutbox:
        """The dev outbox: where the invites of a channel with nothing set up are shown."""
        return self.senders.dev_outbox


class App:
    """One running app. `start()` on the event loop, then `stop()` when the window closes."""

    def __init__(
        self,
        config: Config,
        opened: OpenedStore,
        *,
        clock: Clock | None = None,
        publisher_factory: PublisherFactory | None = None,
        keyring: KeyringBackend | None = None,
        mail_tls: ssl.SSLContext | None = None,
        hash_cost: HashCost = DEFAULT_COST,
    ) -> None:
        """`keyring` holds a hosted hub's practice key and the providers' secrets (the one the
        store was opened with); `mail_tls` is what the mail server's certificate is checked
        against (None: the system's authorities); `hash_cost`: scrypt's cost for the users'
        secrets."""
        self._hash_cost = hash_cost
        self.config = config
        self._keyring = keyring
        self._mail_tls = mail_tls
        self.store = opened.store
        self._new_recovery_key = opened.new_recovery_key
        self.clock = clock or SystemClock()
        self._publisher_factory = publisher_factory or self._default_publisher
        self._hub_settings = config.settings.hub  # the hub the app runs with
        self._parts: Parts | None = None

    @property
    def parts(self) -> Parts:
        if self._parts is None:
            raise RuntimeError("the app is not started")
        return self._parts

    async def _default_publisher(self) -> Publisher:
        from tooddoc_desk.calls.publisher import Publisher  # noqa: PLC0415 (loads after start-up)

        if self.config.settings.video_source == "test-pattern":
            return Publisher.generated()
        parts = self.parts
        chosen = await parts.devices.choices.for_call() if parts.devices else None
        if chosen is None:
            return Publisher.devices()
        for problem in chosen.problems:
            parts.window.show_problem(problem)
        return Publisher.devices(camera=chosen.camera, microphone=chosen.microphone)

    def _addressee(self, consultation_id: str) -> tuple[Contact, Language]:
        consultation = self.store.consultations.get(consultation_id)
        return consultation.contact, consultation.language

    async def start(self) -> None:  # noqa: PLR0915 (the composition root: each part in order)
        """Raises HubSetupError (nothing left running) when the hub in the settings cannot be
        used: a hosted hub without a stored key, or one that refuses it."""
        settings = self.config.settings
        http = httpx.AsyncClient()
        try:
            hub = await connect_hub(settings.hub, self._keyring, http)
        except BaseException:
            await http.aclose()
            raise
        websockets = aiohttp.ClientSession()
        senders = build_senders(
            settings, self._keyring, http, tls_context=self._mail_tls, clock=self.clock
        )
        delivery = DeliveryService(self.store.outbox, senders.router, self._addressee, self.clock)
        interrupted = delivery.settle_after_restart()
        audit = AuditTrail(self.store.audit, self.clock)
        accounts = Accounts(self.store.users, self.clock, self._hash_cost, audit)
        service = ConsultationService(
            self.store.consultations,
            rooms=HubClient(http, hub.base_url, hub.api_key),
            delivery=delivery,
            open_session=hub_session_opener(websockets, hub.base_url, self._publisher_factory),
            clock=self.clock,
            practice_name=settings.practice_name,
            gate=accounts,
            users=self.store.users,
            audit=audit,
            stripe_key=lambda: read_stripe_key(self._keyring),
        )
        await service.rejoin(service.recover_after_restart(rooms_survive=hub.hosted))
        lead = timedelta(minutes=settings.invite_lead_minutes)
        scheduler = Scheduler(service, self.clock, lead)
        window = MainWindow(
            service, self.clock, settings.language, settings.practice_name, lead=lead
        )
        exports = Exports(
            self.store.database,
            self.store.users,
            gate=accounts,
            audit=audit,
            clock=self.clock,
            billing=settings.billing,
            practice_name=settings.practice_name,
        )
        window.use_exports(exports)
        lock = DeskLock(window, accounts, settings.practice_name, settings.auto_lock_minutes)
        devices = DevicesEntry(window, accounts, DeviceChoices(self.config.data_dir), window.tasks)
        window.sound.on_missing = lambda: window.show_problem(SPEAKER_MISSING)
        window.sound.use(devices.choices.current.speaker)
        devices.choices.subscribe(lambda choice: window.sound.use(choice.speaker))
        AuditView(audit, accounts, window.tasks, window.tabs)  # a tab, for managers
        senders.dev_outbox.subscribe(window.outbox.add)
        window.outbox.show_channels(senders.dev_channels)
        window.statusBar().showMessage(f"{hub.summary()} · {senders.summary()}")
        for unconfigured in senders.unconfigured:
            window.show_problem(unconfigured.problem)
        if interrupted:
            count = "an invite was" if len(interrupted) == 1 else f"{len(interrupted)} invites were"
            window.show_problem(INTERRUPTED_SENDS.format(count=count))
        commands = AppCommands(service, self.clock, lead, window.show_incoming)
        channel = AppChannelServer(self.config.data_dir, commands.handle)
        channel.listen()
        practice = PracticeSettings(self.config.data_dir, settings, self._keyring, accounts, audit)
        practice.subscribe(self.apply_settings)
        backups = Backups(
            self.config.data_dir,
            self.store,
            self.clock,
            accounts,
            audit=audit,
            on_daily_failure=window.show_problem,
        )
        hubs = HubSwitch(practice, self._keyring, http, use_hub=self._use_hub_again, rooms=service)
        keys = RecoveryKeys(self.store, accounts, audit, backups)
        lock.offer_settings(practice, backups, hubs=hubs, keys=keys)
        if accounts.needs_first_user():
            lock.offer_first_run(
                FirstRun(
                    accounts,
                    practice,
                    self._keyring,
                    http,
                    recovery_key=self._new_recovery_key,
                    renew_recovery_key=self.store.replace_recovery_key,
                    use_hub=self.use_hub,
                )
            )
        self._new_recovery_key = None
        self._hub_settings = settings.hub
        self._parts = Parts(
            hub,
            http,
            websockets,
            senders,
            delivery,
            service,
            scheduler,
            window,
            channel,
            accounts,
            lock,
            practice,
            devices,
        )
        self._parts.backups = backups
        self._parts.exports = exports
        delivery.start()
        scheduler.start()
        backups.start()  # at once if the last backup is a day old
        log.info("started; hub at %s", hub.base_url)

    def apply_settings(self, settings: Settings) -> None:
        """A manager changed the settings: invites leave through the new providers, links carry
        the new practice name, the lock, the booking lead and the language follow (a new hub
        was moved to before, by `use_hub`)."""
        parts = self.parts
        before, self.config = self.config.settings, replace(self.config, settings=settings)
        senders = build_senders(
            settings, self._keyring, parts.http, tls_context=self._mail_tls, clock=self.clock
        )
        parts.senders = senders
        parts.delivery.set_sender(senders.router)
        window = parts.window
        senders.dev_outbox.subscribe(window.outbox.add)
        window.outbox.show_channels(senders.dev_channels)
        window.statusBar().showMessage(f"{parts.hub.summary()} · {senders.summary()}")
        for unconfigured in senders.unconfigured:
            window.show_problem(unconfigured.problem)
        lead = timedelta(minutes=settings.invite_lead_minutes)
        parts.scheduler.lead = lead
        window.invite_panel.set_lead(lead)
        parts.service.set_practice_name(settings.practice_name)
        window.set_practice_name(settings.practice_name)
        if window.export_dialog is not None:
            window.export_dialog.follow_settings(settings.billing, settings.practice_name)
        parts.lock.idle_seconds = settings.auto_lock_minutes * 60.0
        if settings.language != before.language:
            install_language(choose_language(settings.language))
        log.info("settings applied")

    async def use_hub(self, hub: HubSettings, *, again: bool = False) -> None:
        """Moves the running app to `hub` (the first run or Settings chose it) unless it runs
        with it already (`again`: connects anew all the same, with the key the keyring holds
        now); HubSetupError, and the hub it had kept, when that one cannot be used;
        RuntimeError while a room is open on the current hub."""
        parts = self.parts
        if hub == self._hub_settings and not again:
            return
        connection = await connect_hub(hub, self._keyring, parts.http)
        try:
            parts.service.use_hub(
                HubClient(parts.http, connection.base_url, connection.api_key),
                hub_session_opener(parts.websockets, connection.base_url, self._publisher_factory),
            )
        except RuntimeError:  # a room opened meanwhile: the app stays where it was
            await connection.close()
            raise
        left, parts.hub = parts.hub, connection
        self._hub_settings = hub
        await left.close()
        parts.window.statusBar().showMessage(f"{connection.summary()} · {parts.senders.summary()}")
        log.info("the app moved to the hub at %s", connection.base_url)

    async def _use_hub_again(self, hub: HubSettings) -> None:
        await self.use_hub(hub, again=True)

    async def stop(self) -> None:
        parts, self._parts = self._parts, None
        if parts is not None:
            await parts.channel.close()
            await parts.scheduler.stop()
            await parts.delivery.stop(grace=SEND_GRACE)
            await parts.service.close()
            await parts.window.tasks.drain()
            await parts.websockets.close()
            await parts.http.aclose()
            await parts.hub.close()
            if parts.backups is not None:  # a backup under way finishes first
                await parts.backups.stop()
        self.store.close()
        log.info("stopped")
