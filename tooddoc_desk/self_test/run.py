"""`tooddoc-desk --self-test`: the product's parts, for real, on this machine, in a few seconds.

Each check prints one line with its time; the run exits 0 only if every check passed, else 1
with the name of the one that failed (the checks after it are not run: each needs the ones
before it). Everything happens offscreen, on loopback, in a temporary folder removed at the end:

    qt       offscreen Qt, the window's compiled translations, the multimedia plugins, the icon
    store    a throw-away encrypted store (key slot in this process's memory, never the user's
             keyring): created, closed, opened again with its key, no plain SQLite header
    hub      the embedded hub on loopback answers
    invite   an invite for a throw-away number goes to the dev outbox; its link opens the
             patient's page
    call     a patient peer joins through the hub, the practitioner's real Session admits it,
             generated test patterns and tones flow both ways, the patient hangs up, the
             consultation is recorded as ended
    export   the manager's export of that consultation, as CSV and as PDF, written whole
    clean-up the temporary folder is gone and no child process is left
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import shutil
import sys
import tempfile
import time
from collections.abc import Awaitable, Iterator
from contextlib import AsyncExitStack, contextmanager
from pathlib import Path
from typing import TextIO, TypeVar

import aiohttp
import aioice.ice
import httpx
import qasync

from tooddoc_desk.calls.frame_types import RgbFrame
from tooddoc_desk.calls.publisher import Publisher
from tooddoc_desk.calls.session import Session
from tooddoc_desk.core.clock import SystemClock
from tooddoc_desk.core.consultation import State
from tooddoc_desk.core.contact import Contact, PhoneContact
from tooddoc_desk.core.language import Language
from tooddoc_desk.core.nomenclature import BillingTable
from tooddoc_desk.core.users import Role
from tooddoc_desk.hub import HubClient, HubConfig, RunningHub, start_hub
from tooddoc_desk.messaging.dev_outbox import DevOutbox
from tooddoc_desk.messaging.message import OutgoingMessage
from tooddoc_desk.self_test.keyring import ProcessMemoryKeyring
from tooddoc_desk.self_test.patient import LoopbackPatient
from tooddoc_desk.services.accounts import Accounts
from tooddoc_desk.services.consultations import ConsultationService
from tooddoc_desk.services.delivery import DeliveryService
from tooddoc_desk.services.events import CallFinished, CallStarted, PatientArrived
from tooddoc_desk.services.sessions import hub_session_opener
from tooddoc_desk.storage.export_file import ExportFormat, ExportRequest, export_to_file
from tooddoc_desk.storage.export_rows import ExportFilter
from tooddoc_desk.storage.pdf_export import ReportHeading
from tooddoc_desk.storage.store import Store
from tooddoc_desk.storage.store_paths import StorePaths

T = TypeVar("T")
CHECKS = ("qt", "store", "hub", "invite", "call", "export", "clean-up")
# a number of the Belgian mobile plan's test-free range, for a message the dev outbox keeps
THROWAWAY_NUMBER = "+32470000000"
THROWAWAY_INAMI = "1-00000-01-001"
FRAMES_WANTED = 10
SQLITE_HEADER = b"SQLite format 3\x00"


class CheckFailed(Exception):
    """A check did not pass; the message says what went wrong, in words."""


class Stopped(Exception):
    """A check failed: the checks after it are not run."""


class Report:
    """Prints one line per check as it ends, and remembers which failed."""

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self.failed: str | None = None
        self.passed: list[str] = []

    def line(self, status: str, name: str, seconds: float | None, detail: str) -> None:
        took = f"{seconds:6.2f} s" if seconds is not None else " " * 8
        print(f"{status:<4}  {name:<8}  {took}  {detail}", file=self._out, flush=True)

    @contextmanager
    def check(self, name: str) -> Iterator[list[str]]:
        """Times the block; what it appends to the yielded list is the line's detail."""
        detail: list[str] = []
        started = time.perf_counter()
        try:
            yield detail
        except Exception as error:  # each failure is reported by name, never raised further
            self.failed = name
            self.line("FAIL", name, time.perf_counter() - started, _reason(error))
            raise Stopped from error
        self.passed.append(name)
        self.line("ok", name, time.perf_counter() - started, "; ".join(detail))

    def not_run(self) -> None:
        for name in CHECKS:
            if name not in self.passed and name != self.failed:
                self.line("skip", name, None, f"not run: {self.failed} failed")


def _reason(error: BaseException) -> str:
    if isinstance(error, CheckFailed):
        return str(error)
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


async def within(seconds: float, what: str, awaitable: Awaitable[T]) -> T:
    try:
        async with asyncio.timeout(seconds):
            return await awaitable
    except TimeoutError:
        raise CheckFailed(f"{what} did not happen within {seconds:g} s") from None


class Events:
    """The consultation service's events, to wait for one."""

    def __init__(self) -> None:
        self.seen: list[object] = []
        self._changed = asyncio.Event()

    def __call__(self, event: object) -> None:
        self.seen.append(event)
        self._changed.set()

    async def wait_for(self, kind: type, consultation_id: str) -> None:
        while not any(
            isinstance(e, kind) and getattr(e, "consultation_id", None) == consultation_id
            for e in self.seen
        ):
            self._changed.clear()
            await self._changed.wait()


@contextmanager
def loopback_candidates() -> Iterator[None]:
    """Both peers offer 127.0.0.1 only (aioice leaves loopback out of its host candidates):
    the call stays on this machine, with or without a network."""
    original = aioice.ice.get_host_addresses
    aioice.ice.get_host_addresses = lambda use_ipv4, use_ipv6: ["127.0.0.1"]
    try:
        yield
    finally:
        aioice.ice.get_host_addresses = original


def check_qt() -> object:
    """The QApplication (offscreen), after checking translations, multimedia and the icon."""
    from PySide6.QtMultimedia import QMediaDevices  # noqa: PLC0415 (a failure is this check's)
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415 (a failure is this check's)

    from tooddoc_desk.ui.i18n import install_language  # noqa: PLC0415 (a failure is this check's)
    from tooddoc_desk.ui.waiting_alert import app_icon  # noqa: PLC0415 (a failure is this check's)

    qt_app = QApplication.instance() or QApplication([sys.argv[0], "-platform", "offscreen"])
    platform = QApplication.platformName()
    if platform != "offscreen":
        raise CheckFailed(f"Qt runs on the {platform} platform, not offscreen")
    missing = [lang.value for lang in (Language.FR, Language.NL, Language.DE)]
    missing = [code for code in missing if not install_language(Language(code))]
    install_language(Language.EN)
    if missing:
        raise CheckFailed(f"no compiled translations for {', '.join(missing)}")
    QMediaDevices.audioOutputs()  # loads the multimedia backend plugin
    if app_icon().isNull():
        raise CheckFailed("the app's icon could not be drawn")
    return qt_app


class SelfTest:
    def __init__(self, report: Report, folder: Path, hub_port: int) -> None:
        self.report = report
        self.folder = folder
        self.hub_port = hub_port

    async def run(self) -> None:
        check = self.report.check
        async with AsyncExitStack() as stack:
            with check("store") as detail:
                store = self._store(stack, detail)
            with check("hub") as detail:
                hub = await self._hub(stack)
                http = await stack.enter_async_context(httpx.AsyncClient(timeout=5))
                websockets = await stack.enter_async_context(aiohttp.ClientSession())
                health = await http.get(f"{hub.base_url}/healthz")
                if health.status_code != 200:
                    raise CheckFailed(f"the hub answered /healthz with {health.status_code}")
                detail.append("listening on loopback, answering")
            clock = SystemClock()
            outbox = DevOutbox()
            with check("invite") as detail:
                service, events = await self._service(
                    stack, store=store, hub=hub, http=http, websockets=websockets, outbox=outbox
                )
                sent: asyncio.Future[OutgoingMessage] = asyncio.get_running_loop().create_future()

                def placed(message: OutgoingMessage) -> None:
                    if not sent.done():
                        sent.set_result(message)

                outbox.subscribe(placed)
                consultation = await service.invite(
                    PhoneContact(THROWAWAY_NUMBER), Language.EN, clock.now()
                )
                message = await within(10, "the dev outbox's message", sent)
                link = message.link
                if link is None or link not in message.body:
                    raise CheckFailed("the message in the dev outbox holds no link")
                page = await http.get(link)
                if page.status_code != 200 or "<html" not in page.text.lower():
                    raise CheckFailed(f"the link opens no patient page ({page.status_code})")
                detail.append("in the dev outbox (sms); its link opens the patient's page")
            with check("call") as detail, loopback_candidates():
                await self._call(
                    stack,
                    service=service,
                    events=events,
                    consultation_id=consultation.id,
                    link=link,
                    detail=detail,
                )
                final = store.consultations.get(consultation.id).state
                if final is not State.ENDED:
                    raise CheckFailed(f"the consultation is {final.value}, not ended")
                detail.append("recorded as ended")
            with check("export") as detail:
                self._export(store, detail)

    async def _service(
        self,
        stack: AsyncExitStack,
        *,
        store: Store,
        hub: RunningHub,
        http: httpx.AsyncClient,
        websockets: aiohttp.ClientSession,
        outbox: DevOutbox,
    ) -> tuple[ConsultationService, Events]:
        """The consultation service as the app builds it, signed in as a throw-away
        practitioner, sending through the dev outbox."""
        clock = SystemClock()
        accounts = Accounts(store.users, clock)
        await accounts.create_first(
            "Self-test",
            frozenset({Role.PRACTITIONER}),
            secrets.token_urlsafe(16),
            inami=THROWAWAY_INAMI,
        )

        def addressee(consultation_id: str) -> tuple[Contact, Language]:
            found = store.consultations.get(consultation_id)
            return found.contact, found.language

        delivery = DeliveryService(store.outbox, outbox, addressee, clock)
        service = ConsultationService(
            store.consultations,
            rooms=HubClient(http, hub.base_url, hub.api_key, timeout=5),
            delivery=delivery,
            open_session=hub_session_opener(websockets, hub.base_url, generated_media),
            clock=clock,
            practice_name="tooddoc-desk self-test",
            gate=accounts,
            users=store.users,
        )
        stack.push_async_callback(service.close)
        delivery.start()
        stack.push_async_callback(delivery.stop)
        events = Events()
        service.subscribe(events)
        return service, events

    def _store(self, stack: AsyncExitStack, detail: list[str]) -> Store:
        keyring = ProcessMemoryKeyring()
        stack.callback(keyring.forget)
        paths = StorePaths(self.folder / "store")
        Store.create(paths, keyring=keyring).store.close()
        store = Store.open_with_keyring(paths, keyring)
        stack.callback(store.close)
        with paths.database.open("rb") as file:
            if file.read(len(SQLITE_HEADER)) == SQLITE_HEADER:
                raise CheckFailed("the store's file starts with a plain SQLite header")
        detail.append("encrypted store created, closed and opened again with its key")
        return store

    def _export(self, store: Store, detail: list[str]) -> None:
        heading = ReportHeading("tooddoc-desk self-test", "every consultation", "now")
        for kind in ExportFormat:
            path = self.folder / f"export.{kind.value}"
            request = ExportRequest(ExportFilter(), kind)
            totals = export_to_file(store.database, path, request, BillingTable(), heading)
            if totals.consultations != 1:
                raise CheckFailed(f"the {kind.value} export holds {totals.consultations} rows")
            written = path.read_bytes()
            whole = (
                written.startswith(b"%PDF-") and written.endswith(b"%%EOF\n")
                if kind is ExportFormat.PDF
                else written.count(b"\r\n") == 2  # the titles and the one consultation
            )
            if not whole:
                raise CheckFailed(f"the {kind.value} export is not a whole file")
        detail.append("the consultation in a CSV and a PDF file")

    async def _hub(self, stack: AsyncExitStack) -> RunningHub:
        config = HubConfig(port=self.hub_port)
        try:
            hub = await start_hub(config)
        except OSError as error:
            reason = error.strerror or str(error)
            raise CheckFailed(
                f"the embedded hub cannot listen on {config.host}:{self.hub_port}: {reason}"
            ) from None
        stack.push_async_callback(hub.stop)
        return hub

    async def _call(
        self,
        stack: AsyncExitStack,
        *,
        service: ConsultationService,
        events: Events,
        consultation_id: str,
        link: str,
        detail: list[str],
    ) -> None:
        websockets = aiohttp.ClientSession()
        stack.push_async_callback(websockets.close)
        token = link.rsplit("/", 1)[1]
        patient = await LoopbackPatient.open_link(websockets, hub_url_of(link), token)
        stack.push_async_callback(patient.close)
        patient.frames_wanted = FRAMES_WANTED
        await patient.join()
        await within(
            10,
            "the patient's arrival in the waiting room",
            events.wait_for(PatientArrived, consultation_id),
        )
        started = time.perf_counter()
        await service.admit(consultation_id)
        await within(15, "the call's start", events.wait_for(CallStarted, consultation_id))
        await within(10, "the practitioner's picture and sound at the patient's", patient.frames())
        session = service.session(consultation_id)
        if session is None:
            raise CheckFailed("the practitioner's session closed during the call")
        await within(10, "the patient's picture at the practitioner's", frames_at(session))
        connected = time.perf_counter() - started
        await patient.hang_up()
        await within(10, "the end of the call", events.wait_for(CallFinished, consultation_id))
        detail.append(
            f"admitted to {FRAMES_WANTED} frames each way in {connected:.2f} s "
            "(test pattern and tone, through the hub, over loopback); the patient hung up"
        )


async def generated_media() -> Publisher:
    return Publisher.generated()


def hub_url_of(link: str) -> str:
    """http://127.0.0.1:PORT/c/TOKEN → http://127.0.0.1:PORT"""
    return link.split("/c/", 1)[0]


async def frames_at(session: Session) -> None:
    """Returns once the patient's video has reached the practitioner's session (as frames
    converted for the window)."""
    loop = asyncio.get_running_loop()
    arrived = asyncio.Event()
    count = [0]

    def sink(frame: RgbFrame) -> None:  # called from the converter's thread
        count[0] += 1
        if count[0] == FRAMES_WANTED:
            loop.call_soon_threadsafe(arrived.set)

    session.set_video_sink(sink)
    try:
        await arrived.wait()
    finally:
        session.set_video_sink(None)


def children_left() -> list[str]:
    """This process's child processes still alive (Linux: /proc; elsewhere none are known)."""
    tasks = Path("/proc/self/task")
    if not tasks.is_dir():
        return []
    return [pid for task in tasks.iterdir() for pid in (task / "children").read_text().split()]


def run_self_test(hub_port: int = 0, out: TextIO | None = None) -> int:
    """Runs every check; 0 if all passed, 1 otherwise (the failed one is named)."""
    out = out or sys.stdout
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    report = Report(out)
    started = time.perf_counter()
    folder = Path(tempfile.mkdtemp(prefix="tooddoc-self-test-"))
    if not os.environ.get("XDG_RUNTIME_DIR"):  # else the sound library leaves its own in /tmp
        runtime = folder / "runtime"
        runtime.mkdir(mode=0o700)
        os.environ["XDG_RUNTIME_DIR"] = str(runtime)
    try:
        with report.check("qt") as detail:
            qt_app = check_qt()
            detail.append("offscreen; fr, nl, de translations; multimedia; icon")
        loop = qasync.QEventLoop(qt_app)
        asyncio.set_event_loop(loop)
        with loop:
            loop.run_until_complete(SelfTest(report, folder, hub_port).run())
    except Stopped:
        pass
    except Exception as error:  # closing a part failed once every check had passed
        report.failed = "clean-up"
        report.line("FAIL", "clean-up", None, f"closing the parts: {_reason(error)}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if report.failed is None:
        try:
            with report.check("clean-up") as detail:
                if folder.exists():
                    raise CheckFailed(f"the temporary folder {folder} is still there")
                if left := children_left():
                    raise CheckFailed(f"child processes still running: {', '.join(left)}")
                detail.append("temporary folder removed; no child process left")
        except Stopped:
            pass
    total = time.perf_counter() - started
    if report.failed is not None:
        report.not_run()
        print(f"self-test FAILED: {report.failed} ({total:.2f} s)", file=out, flush=True)
        return 1
    print(f"self-test passed: {len(CHECKS)} checks in {total:.2f} s", file=out, flush=True)
    return 0
