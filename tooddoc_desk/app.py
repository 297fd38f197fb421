"""The composition root: builds the store, the hub, the services and the window, in that order,
and takes them down in reverse order."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import aiohttp
import httpx
from keyring.backend import KeyringBackend

from tooddoc_desk.calls.publisher import Publisher
from tooddoc_desk.config import Config
from tooddoc_desk.core.clock import Clock, SystemClock
from tooddoc_desk.hub.client import HubClient
from tooddoc_desk.hub_connection import HubConnection, connect_hub
from tooddoc_desk.messaging.dev_outbox import DevOutbox
from tooddoc_desk.services.consultations import ConsultationService
from tooddoc_desk.services.sessions import PublisherFactory, hub_session_opener
from tooddoc_desk.services.store_access import OpenedStore
from tooddoc_desk.ui.main_window import MainWindow

log = logging.getLogger(__name__)


@dataclass
class Parts:
    hub: HubConnection
    http: httpx.AsyncClient
    websockets: aiohttp.ClientSession
    outbox: DevOutbox
    service: ConsultationService
    window: MainWindow


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
    ) -> None:
        """`keyring` holds a hosted hub's practice key (the one the store was opened with)."""
        self.config = config
        self._keyring = keyring
        self.store = opened.store
        self._new_recovery_key = opened.new_recovery_key
        self.clock = clock or SystemClock()
        self._publisher_factory = publisher_factory or self._default_publisher
        self._parts: Parts | None = None

    @property
    def parts(self) -> Parts:
        if self._parts is None:
            raise RuntimeError("the app is not started")
        return self._parts

    async def _default_publisher(self) -> Publisher:
        if self.config.settings.video_source == "test-pattern":
            return Publisher.generated()
        return Publisher.devices()

    async def start(self) -> None:
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
        outbox = DevOutbox()
        rooms = HubClient(http, hub.base_url, hub.api_key)

        service = ConsultationService(
            self.store.consultations,
            rooms=rooms,
            sender=outbox,
            open_session=hub_session_opener(websockets, hub.base_url, self._publisher_factory),
            clock=self.clock,
            practice_name=settings.practice_name,
        )
        service.recover_after_restart()
        recovery = self._new_recovery_key.display if self._new_recovery_key else None
        self._new_recovery_key = None
        window = MainWindow(
            service, self.clock, settings.language, settings.practice_name, recovery
        )
        outbox.subscribe(window.outbox.add)
        window.statusBar().showMessage(f"{hub.summary()} · dev outbox (no provider set up)")
        self._parts = Parts(hub, http, websockets, outbox, service, window)
        log.info("started; hub at %s", hub.base_url)

    async def stop(self) -> None:
        parts, self._parts = self._parts, None
        if parts is not None:
            await parts.service.close()
            await parts.window.tasks.drain()
            await parts.websockets.close()
            await parts.http.aclose()
            await parts.hub.close()
        self.store.close()
        log.info("stopped")
