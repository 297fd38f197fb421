"""The call, measured: Join click → first remote frame in the app, the app's CPU during a call,
and how long the Qt event loop stalls during it.

Run it with `scripts/bench.sh` (it needs the loopback-only network namespace that script makes).

Baselines, measured in the same run:
- Join → first frame: the bare call engine (Session, hub, Chromium on a plain asyncio loop,
  no Qt, no window, no store), so the ratio is what the app adds; and a Chromium-to-Chromium
  call through the same hub (bench/practitioner_page.py: the practitioner a page in the same
  Chromium, Join → its first decoded remote frame), so the ratio is the app against a browser;
- CPU and loop stalls: the same app, idle, for as long as the call lasts.
The practitioner's Admit is given as soon as the app (the engine, the page) has prepared its
answer to the patient's offer (a few milliseconds after the patient enters the waiting room), in
every case. The bare engine's and the browser's calls alternate on one hub.
"""

from __future__ import annotations

import asyncio
import os
import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import httpx
import qasync
from playwright.async_api import Browser, Page
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from bench.figures import Figure, median, percentile, table
from bench.practitioner_page import origin, served_practitioner_page
from tests.helpers.accounts import open_desk
from tests.helpers.aio import until, within
from tests.helpers.browser import chromium
from tests.helpers.keyring_backend import FolderKeyring
from tests.helpers.network import require_loopback_only
from tooddoc_desk.app import App
from tooddoc_desk.calls import events as ev
from tooddoc_desk.calls.hub_signaling import HubSignaling
from tooddoc_desk.calls.publisher import Publisher
from tooddoc_desk.calls.session import Session
from tooddoc_desk.calls.session_state import SessionState
from tooddoc_desk.config import Config, HubSettings, Settings
from tooddoc_desk.core.clock import SystemClock
from tooddoc_desk.core.contact import parse_contact
from tooddoc_desk.core.language import Language
from tooddoc_desk.hub.client import HubClient
from tooddoc_desk.hub.config import HubConfig
from tooddoc_desk.hub.server import start_hub
from tooddoc_desk.services.events import CallFinished, PatientArrived, ServiceEvent
from tooddoc_desk.services.store_access import open_store
from tooddoc_desk.storage.errors import StoreError

ROUNDS = 5
CALL_SECONDS = 10.0
TICK_MS = 5


class LoopStalls:
    """A 5 ms Qt timer; the gaps beyond its interval are the event loop's stalls."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self._last = 0.0
        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.gaps.clear()
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(max(0.0, (now - self._last) * 1000 - TICK_MS))
        self._last = now


@dataclass
class Window:
    """CPU share of one core and loop stalls over one stretch of time."""

    cpu_percent: float = 0.0
    stall_p99_ms: float = 0.0
    stall_max_ms: float = 0.0


async def measure(stalls: LoopStalls, seconds: float) -> Window:
    cpu, wall = time.process_time(), time.perf_counter()
    stalls.start()
    await asyncio.sleep(seconds)
    stalls.stop()
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return Window(100 * cpu / wall, percentile(stalls.gaps, 0.99), max(stalls.gaps, default=0))


async def patient_joins(browser: Browser, link: str) -> tuple[Page, float]:
    """Opens the link, consents, and clicks Join; returns the page and the click's time."""
    page = await browser.new_page()
    await page.goto(link)
    await page.wait_for_selector("#status[data-state=ready]")
    await page.check("#consent")
    clicked = time.monotonic()
    await page.click("#join")
    return page, clicked


@dataclass
class AppResults:
    join_to_frame: list[float] = field(default_factory=list)
    admit_to_frame: list[float] = field(default_factory=list)
    idle: Window = field(default_factory=Window)
    call: Window = field(default_factory=Window)


async def invite_link(app: App) -> str:
    """Sends an invite as the window would, and returns its link from the dev outbox."""
    outbox = app.parts.outbox
    before = len(outbox.messages)
    await app.parts.service.invite(parse_contact("0470 12 34 56"), Language.FR, SystemClock().now())
    await until(lambda: len(outbox.messages) > before, "the invite sent")
    return link_in(outbox.messages[before].body)


async def app_phase(folder: Path) -> AppResults:
    keyring = FolderKeyring(folder / "keyring")
    config = Config(
        data_dir=folder / "data",
        settings=Settings(hub=HubSettings(port=0), video_source="test-pattern"),
    )
    app = App(config, open_store(config.data_dir, keyring, NoPrompts()))
    await app.start()
    await open_desk(app)
    results = AppResults()
    try:
        window, service = app.parts.window, app.parts.service
        window.show()
        stalls = LoopStalls()
        results.idle = await measure(stalls, CALL_SECONDS)

        first_frame: list[float] = []
        admitted: list[float] = []
        finished = asyncio.Event()
        original_show = window.call_view.remote.show_frame

        def timed_show(frame: object) -> None:
            if not first_frame:
                first_frame.append(time.monotonic())
            original_show(frame)  # type: ignore[arg-type]

        window.call_view.remote.show_frame = timed_show  # type: ignore[method-assign]

        async def admit_when_prepared(consultation_id: str) -> None:
            session = service.session(consultation_id)
            assert session is not None
            await until(lambda: session.state is SessionState.PREPARED, "the prepared answer")
            admitted.append(time.monotonic())
            window.admit(consultation_id)

        def on_event(event: ServiceEvent) -> None:
            if isinstance(event, PatientArrived):
                window.tasks.run(admit_when_prepared(event.consultation_id))
            elif isinstance(event, CallFinished):
                finished.set()

        service.subscribe(on_event)
        async with chromium() as browser:
            for round_number in range(ROUNDS):
                first_frame.clear()
                admitted.clear()
                finished.clear()
                link = await invite_link(app)
                page, clicked = await patient_joins(browser, link)
                await until(lambda: bool(first_frame), "the first frame in the app")
                results.join_to_frame.append(first_frame[0] - clicked)
                results.admit_to_frame.append(first_frame[0] - admitted[0])
                if round_number == ROUNDS - 1:
                    results.call = await measure(stalls, CALL_SECONDS)
                await page.click("#hangup")
                await within(finished.wait(), 20, "the end of the call")
                await page.close()
    finally:
        await app.stop()
    return results


async def bare_call(
    browser: Browser, rooms: HubClient, websockets: aiohttp.ClientSession, hub_url: str
) -> float:
    """One call with the engine alone, admitted as soon as its answer is prepared."""
    room = await rooms.create_room("Bench", Language.FR)
    signaling, welcome = await HubSignaling.connect(websockets, hub_url, room.practitioner_token)
    first: list[float] = []
    admitting: list[asyncio.Task[None]] = []
    session: Session | None = None

    def on_event(event: ev.SessionEvent) -> None:
        if isinstance(event, ev.CallPrepared) and session is not None:
            admitting.append(asyncio.ensure_future(session.admit()))

    session = Session(
        signaling,
        welcome.ice_servers,
        Publisher.generated(),
        on_event,
        video_sink=lambda frame: first.append(time.monotonic()),
    )
    session.start()
    page, clicked = await patient_joins(browser, room.patient_url)
    await until(lambda: bool(first), "the first frame (bare engine)")
    await page.click("#hangup")
    await within(session.wait_ended(), 20, "the end of the call")
    await page.close()
    return first[0] - clicked


async def browser_call(browser: Browser, rooms: HubClient, page_url: str, ws_url: str) -> float:
    """One Chromium-to-Chromium call: the practitioner's page admits as soon as it has answered."""
    room = await rooms.create_room("Bench", Language.FR)
    practitioner = await browser.new_page()
    first: list[float] = []
    await practitioner.expose_function("firstFrame", lambda: first.append(time.monotonic()))
    await practitioner.goto(page_url)
    await practitioner.evaluate(
        "([url, token]) => practitioner(url, token)", [ws_url, room.practitioner_token]
    )
    page, clicked = await patient_joins(browser, room.patient_url)
    await until(lambda: bool(first), "the first frame (Chromium to Chromium)")
    await page.click("#hangup")
    await page.close()
    await practitioner.close()
    return first[0] - clicked


@dataclass
class Baselines:
    bare: list[float] = field(default_factory=list)
    browser: list[float] = field(default_factory=list)


async def baseline_phase() -> Baselines:
    """On one hub, alternating: the call engine alone (Session and Chromium on a plain asyncio
    loop), and Chromium to Chromium."""
    results = Baselines()
    async with served_practitioner_page() as page_url:
        hub = await start_hub(HubConfig(allowed_origins=(origin(page_url),)))
        try:
            async with httpx.AsyncClient() as http, aiohttp.ClientSession() as websockets:
                rooms = HubClient(http, hub.base_url, hub.api_key)
                async with chromium() as browser:
                    for _ in range(ROUNDS):
                        results.bare.append(
                            await bare_call(browser, rooms, websockets, hub.base_url)
                        )
                        results.browser.append(
                            await browser_call(browser, rooms, page_url, hub.websocket_url)
                        )
        finally:
            await hub.stop()
    return results


class NoPrompts:
    def new_passphrase(self) -> str | None:
        return None

    def passphrase(self, problem: str | None) -> str | None:
        return None

    def recovery_key(self, problem: str) -> str | None:
        raise StoreError("the bench's keyring did not open its own store", "")


def link_in(body: str) -> str:
    found = re.search(r"http://127\.0\.0\.1:\d+/c/[A-Za-z0-9_-]+", body)
    if found is None:
        raise RuntimeError("no link in the invite")
    return found.group(0)


def main() -> None:
    require_loopback_only()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import aioice.ice

    aioice.ice.get_host_addresses = lambda use_ipv4, use_ipv6: ["127.0.0.1"]
    qt_app = QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        loop = qasync.QEventLoop(qt_app)
        try:
            app_results = loop.run_until_complete(app_phase(Path(folder)))
        finally:
            loop.close()
    baselines = asyncio.run(baseline_phase())
    bare, browser = baselines.bare, baselines.browser

    print(f"{ROUNDS} calls each; loopback; 640x480 test pattern; Chromium with a fake camera\n")
    print(
        table(
            [
                Figure(
                    "Join → first frame in the app (median)",
                    1000 * median(app_results.join_to_frame),
                    1000 * median(bare),
                    "ms",
                    "bare call engine, no Qt",
                ),
                Figure(
                    "Join → first frame in the app (median)",
                    1000 * median(app_results.join_to_frame),
                    1000 * median(browser),
                    "ms",
                    "Chromium to Chromium, same hub",
                ),
                Figure(
                    "Join → first frame, bare call engine (median)",
                    1000 * median(bare),
                    1000 * median(browser),
                    "ms",
                    "Chromium to Chromium, same hub",
                ),
                Figure(
                    "Admit → first frame in the app (median)",
                    1000 * median(app_results.admit_to_frame),
                    1000 * median(bare),
                    "ms",
                    "bare engine, Join → frame",
                ),
                Figure(
                    "App CPU during a 10 s call (% of one core)",
                    app_results.call.cpu_percent,
                    app_results.idle.cpu_percent,
                    "%",
                    "the app idle, 10 s",
                ),
                Figure(
                    "Qt loop stall p99 during the call",
                    app_results.call.stall_p99_ms,
                    app_results.idle.stall_p99_ms,
                    "ms",
                    "the app idle, 10 s",
                ),
                Figure(
                    "Qt loop stall max during the call",
                    app_results.call.stall_max_ms,
                    app_results.idle.stall_max_ms,
                    "ms",
                    "the app idle, 10 s",
                ),
            ]
        )
    )
    joined = ", ".join(f"{1000 * v:.0f}" for v in app_results.join_to_frame)
    print(f"\nJoin → first frame, each call (ms): {joined}")
    print(f"bare engine, each call (ms): {', '.join(f'{1000 * v:.0f}' for v in bare)}")
    print(f"Chromium to Chromium, each call (ms): {', '.join(f'{1000 * v:.0f}' for v in browser)}")


if __name__ == "__main__":
    main()
