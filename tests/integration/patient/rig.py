"""The patient's page in a real Chromium against the real hub, with the real call engine
(tooddoc_desk.calls.Session) as the practitioner.

    async with rig(net) as r:                       # net: a PatientNetwork, or None (loopback)
        room = await r.room()
        doctor = await r.practitioner(room, auto_admit=True)
        page, watch = await r.open(room.patient_url, PHONE)
        await join(page)
        await state_is(page, "in_call")

Used by the tests in this folder and by bench/reconnect_bench.py.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import aiohttp
import httpx
from playwright.async_api import Browser, Page, ViewportSize

from tests.helpers.aio import Recorder, until
from tests.helpers.browser import (
    CHROMIUM,
    PageWatch,
    chromium,
    chromium_at,
    frames_decoded,
    secure_origin_flag,
    watch_page,
)
from tests.helpers.netns import PatientNetwork
from tooddoc_desk.calls import events as ev
from tooddoc_desk.calls.frame_types import RgbFrame
from tooddoc_desk.calls.hub_signaling import HubSignaling
from tooddoc_desk.calls.publisher import Publisher
from tooddoc_desk.calls.session import Session
from tooddoc_desk.core.clock import Clock
from tooddoc_desk.core.language import Language
from tooddoc_desk.hub import HubClient, HubConfig, RoomInvite, RunningHub, start_hub

PHONE: ViewportSize = {"width": 360, "height": 640}
DESKTOP: ViewportSize = {"width": 1280, "height": 800}
VIEWPORTS: dict[str, ViewportSize] = {"phone": PHONE, "desktop": DESKTOP}
PRACTICE = "Cabinet Dr Peeters"

# Functions, not bare expressions: Playwright evaluates those with eval(), which the page's CSP
# refuses (and reports as a violation).
PREVIEW_LIVE = "() => document.getElementById('preview').videoWidth > 0"
CONNECTIONS = "() => window.tooddoc.connections"


async def state_is(page: Page, state: str, wait_ms: float = 10_000) -> None:
    selector = f'#status[data-state="{state}"]'
    await page.wait_for_selector(selector, state="attached", timeout=wait_ms)


async def join(page: Page, ready_ms: float = 10_000) -> None:
    """Consent, wait for the camera preview, Join: the page has left the lobby (it is waiting,
    or already admitted by a practitioner who admits at once). `ready_ms`: how long the page
    may take to load and reach the hub (longer over an emulated mobile link)."""
    await state_is(page, "ready", ready_ms)
    await page.wait_for_function(PREVIEW_LIVE)
    await page.check("#consent")
    await page.click("#join")
    await page.wait_for_selector('#status:not([data-state="ready"])', state="attached")


async def assert_clean(watch: PageWatch) -> None:
    assert await watch.csp_violations() == []
    assert [str(error) for error in watch.errors] == []


@dataclass
class Practitioner:
    """The real call engine in a room, with what it said and the frames it received."""

    events: Recorder
    auto_admit: bool
    session: Session = field(init=False)
    frames: int = 0
    frame_times: list[float] = field(default_factory=list)
    _admitting: set[asyncio.Task[None]] = field(default_factory=set)

    def on_event(self, event: ev.SessionEvent) -> None:
        self.events(event)
        if self.auto_admit and isinstance(event, ev.CallPrepared) and not self.session.admitted:
            task = asyncio.ensure_future(self.session.admit())
            self._admitting.add(task)
            task.add_done_callback(self._admitting.discard)

    def on_frame(self, frame: RgbFrame) -> None:
        self.frames += 1
        self.frame_times.append(time.monotonic())

    def first_frame_after(self, moment: float) -> float | None:
        return next((t for t in self.frame_times if t > moment), None)

    async def received(self, count: int, seconds: float = 20.0) -> None:
        target = self.frames + count
        await until(lambda: self.frames >= target, f"{count} frames of the patient", seconds)


async def browser_frames_after(page: Page, moment: float, seconds: float) -> float:
    """When the page's decoded-frame count rose between two readings taken after `moment`
    (a new connection starts from zero: a drop is not a rise)."""
    deadline = time.monotonic() + seconds
    last = await frames_decoded(page)
    while time.monotonic() < deadline:
        await asyncio.sleep(0.03)
        now, count = time.monotonic(), await frames_decoded(page)
        if count > last and now > moment:
            return now
        last = count
    raise AssertionError(f"the page decoded no new video frame within {seconds} s")


@dataclass
class Rig:
    hub: RunningHub
    browser: Browser
    http: aiohttp.ClientSession
    api: httpx.AsyncClient
    _sessions: list[Session] = field(default_factory=list)

    @property
    def rooms(self) -> HubClient:
        return HubClient(self.api, self.hub.base_url, self.hub.api_key)

    async def room(
        self, language: Language = Language.EN, ttl: timedelta | None = None
    ) -> RoomInvite:
        return await self.rooms.create_room(PRACTICE, language, ttl)

    async def practitioner(self, room: RoomInvite, *, auto_admit: bool = False) -> Practitioner:
        signaling, welcome = await HubSignaling.connect(
            self.http, self.hub.base_url, room.practitioner_token
        )
        doctor = Practitioner(Recorder(), auto_admit)
        doctor.session = Session(
            signaling,
            welcome.ice_servers,
            Publisher.generated(),
            doctor.on_event,
            video_sink=doctor.on_frame,
        )
        self._sessions.append(doctor.session)
        doctor.session.start()
        return doctor

    async def open(
        self, url: str, viewport: ViewportSize, **options: Any
    ) -> tuple[Page, PageWatch]:
        context = await self.browser.new_context(viewport=viewport, **options)
        page = await context.new_page()
        watch = await watch_page(page)
        await page.goto(url)
        return page, watch

    async def close_sessions(self) -> None:
        for session in self._sessions:
            await session.close()


@asynccontextmanager
async def rig(
    net: PatientNetwork | None = None,
    *,
    clock: Clock | None = None,
    fake_media_ui: bool = True,
) -> AsyncIterator[Rig]:
    """The hub (on the veth's address when the patient has a network of their own), HTTP and
    websocket clients, and a headless Chromium (inside the patient's namespace, then)."""
    host = net.host_address if net is not None else "127.0.0.1"
    async with AsyncExitStack() as stack:
        hub = await stack.enter_async_context(await start_hub(HubConfig(host=host), clock=clock))
        http = await stack.enter_async_context(aiohttp.ClientSession())
        api = await stack.enter_async_context(httpx.AsyncClient())
        if net is None:
            browser = await stack.enter_async_context(chromium(fake_media_ui=fake_media_ui))
        else:
            browser = await stack.enter_async_context(
                chromium_at(
                    net.wrapper(CHROMIUM),
                    fake_media_ui=fake_media_ui,
                    extra_args=[secure_origin_flag(hub.base_url)],
                )
            )
        the_rig = Rig(hub, browser, http, api)
        try:
            yield the_rig
        finally:
            await the_rig.close_sessions()
