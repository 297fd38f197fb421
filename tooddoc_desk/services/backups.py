"""The practice's backups: a folder the manager chooses, a backup on demand and one a day.

    backups = Backups(data_dir, store, clock, gate)
    backups.start()                 # at once if the last good backup is a day old or more,
                                    # then looked at again every few minutes while the app runs
    await backups.back_up_now()     # "Back up now": the path of the new backup, or a
                                    # BackupFolderProblem / StoreError said as it is
    await backups.stop()            # lets a backup under way finish first

The copy, the archive and the thinning run in a worker thread: the window never waits on them.
Where the backups go and how the last one went are kept in backups.json in the data folder
(no secret, no patient data), so the window can say it and the next start knows what is due.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol

from tooddoc_desk.core.clock import Clock
from tooddoc_desk.core.users import User
from tooddoc_desk.services.audit import BACKUP, AuditTrail
from tooddoc_desk.services.background import Background
from tooddoc_desk.storage.atomic_file import write_atomically
from tooddoc_desk.storage.audit_log import Details
from tooddoc_desk.storage.backup_errors import (
    BackupFolderMissing,
    BackupFolderNotSet,
    BackupFolderNotWritable,
)
from tooddoc_desk.storage.backup_file import moment_of
from tooddoc_desk.storage.backup_thinning import thin
from tooddoc_desk.storage.errors import StoreError
from tooddoc_desk.storage.store import Store
from tooddoc_desk.storage.timestamps import from_text, to_text

log = logging.getLogger(__name__)

STATE_FILE = "backups.json"
SETTINGS_FILE = "settings.json"
EVERY = timedelta(days=1)  # a backup is due once the last good one is this old
RETRY_AFTER = timedelta(hours=1)  # after a failed daily backup
LOOK_EVERY = 300.0  # seconds between looks at the clock while the app runs

INSIDE_DATA_FOLDER = (
    "The backups cannot go into the app's own data folder: a dead disk would take both. "
    "Choose a folder on another disk or a network share."
)
NOT_A_FOLDER = "Give the full path of an existing folder."
FAILED = "The backup failed; the details are in the log."
DAILY_FAILED = "Today's backup could not be made: see Settings > Backups."


DAILY = "app (daily backup)"  # who the audit log says made a backup nobody asked for


class SetupGate(Protocol):
    def require_setup(self) -> None:
        """NotAllowed unless the person at the desk may change the practice's settings."""
        ...

    @property
    def current(self) -> User | None:
        """Who is signed in (None: nobody, or the command line)."""
        ...


@dataclass(frozen=True)
class BackupStatus:
    """Where backups go and how the last try went (None: never tried)."""

    folder: str | None = None
    last_at: str | None = None  # the last try, stored moment text
    last_ok: bool | None = None
    last_file: str | None = None  # the last good backup's file name
    last_problem: str | None = None  # what went wrong with the last try, as said to people
    last_good_at: str | None = None

    @property
    def last_moment(self) -> datetime | None:
        return from_text(self.last_at) if self.last_at else None

    @property
    def last_good_moment(self) -> datetime | None:
        return from_text(self.last_good_at) if self.last_good_at else None


Listener = Callable[[BackupStatus], None]


class Backups:
    def __init__(
        self,
        data_dir: Path,
        store: Store,
        clock: Clock,
        gate: SetupGate,
        *,
        audit: AuditTrail | None = None,
        on_daily_failure: Callable[[str], None] | None = None,
        look_every: float = LOOK_EVERY,
    ) -> None:
        """`audit` records each backup and each failed one (by whom, which file);
        `on_daily_failure(DAILY_FAILED)` tells the window when a daily backup fails."""
        self._on_daily_failure = on_daily_failure
        self._data_dir = data_dir
        self._audit = audit
        self._store = store
        self._clock = clock
        self._gate = gate
        self._look_every = look_every
        self.status = read_status(data_dir)
        self._listeners: list[Listener] = []
        self._running = asyncio.Lock()
        self._work: asyncio.Future[Path] | None = None
        self._loop = Background(self._run)

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    @property
    def busy(self) -> bool:
        return self._running.locked()

    def choose_folder(self, folder: Path) -> None:
        """Where the backups go from now on (a manager's choice); ValueError with a sentence
        for a folder that cannot be one, BackupFolderProblem for one that cannot take files."""
        self._gate.require_setup()
        if not folder.is_absolute():
            raise ValueError(NOT_A_FOLDER)
        if not folder.is_dir():
            raise BackupFolderMissing(str(folder))
        resolved = folder.resolve()
        data = self._data_dir.resolve()
        if resolved == data or data in resolved.parents:
            raise ValueError(INSIDE_DATA_FOLDER)
        if not os.access(resolved, os.W_OK | os.X_OK):
            raise BackupFolderNotWritable(str(folder))
        self._keep(replace(self.status, folder=str(resolved)))
        log.info("the backup folder was changed")

    def due(self) -> bool:
        """Whether the daily backup should run now."""
        status = self.status
        if status.folder is None:
            return False
        now = self._clock.now()
        good = status.last_good_moment
        if good is not None and now - good < EVERY:
            return False
        tried = status.last_moment
        return status.last_ok is not False or tried is None or now - tried >= RETRY_AFTER

    async def back_up_by_hand(self) -> Path:
        """ "Back up now" in the window: a manager's action, recorded as theirs."""
        self._gate.require_setup()
        return await self.back_up_now(by=self._gate.current)

    async def back_up_now(
        self, folder: Path | None = None, *, by: User | str | None = None
    ) -> Path:
        """A backup into `folder` (default: the chosen one), in a worker thread; the outcome is
        kept, recorded in the audit log as `by`'s (None: the command line) and told to the
        listeners. Raises BackupFolderNotSet, a BackupFolderProblem, or StoreError; anything
        else is said as FAILED and logged."""
        async with self._running:
            target = folder or (Path(self.status.folder) if self.status.folder else None)
            if target is None:
                raise BackupFolderNotSet()
            self._work = asyncio.ensure_future(asyncio.to_thread(self._back_up, target))
            try:
                path = await asyncio.shield(self._work)
            except StoreError as error:
                self._record(ok=False, problem=f"{error.message}\n{error.recovery_hint}")
                self._audited(by, {"outcome": "failed", "problem": type(error).__name__})
                log.warning("a backup failed: %s", type(error).__name__)
                raise
            except Exception as error:
                self._record(ok=False, problem=FAILED)
                self._audited(by, {"outcome": "failed", "problem": type(error).__name__})
                log.exception("a backup failed")
                raise
            finally:
                self._work = None
            self._record(ok=True, file=path.name)
            self._audited(by, {"outcome": "made", "file": path.name})
            log.info("a backup was made")
            return path

    def _audited(self, by: User | str | None, details: Details) -> None:
        if self._audit is not None:  # a backup is kept even when its entry cannot be
            self._audit.try_record(BACKUP, by=by, details=details)

    def _back_up(self, folder: Path) -> Path:
        """In the worker thread: the backup, then the old ones thinned out."""
        settings_file = self._data_dir / SETTINGS_FILE
        settings = settings_file.read_bytes() if settings_file.is_file() else None
        path = self._store.back_up_into(folder, settings=settings)
        thin(folder, _store_id_of(path))
        return path

    def start(self) -> None:
        self._loop.start()

    async def stop(self) -> None:
        await self._loop.stop()
        work = self._work
        if work is not None:  # a thread cannot be stopped: the store stays open until it ends
            await asyncio.gather(work, return_exceptions=True)

    async def run_due(self) -> bool:
        """One look at the clock: a backup if one is due; whether one was tried."""
        if not self.due() or self.busy:
            return False
        try:
            await self.back_up_now(by=DAILY)
        except Exception:  # kept in the status, said by the window; tried again later
            if self._on_daily_failure is not None:
                self._on_daily_failure(DAILY_FAILED)
        return True

    async def _run(self) -> None:
        while True:
            await self.run_due()
            await asyncio.sleep(self._look_every)

    def _record(self, *, ok: bool, file: str | None = None, problem: str | None = None) -> None:
        now = to_text(self._clock.now())
        status = replace(self.status, last_at=now, last_ok=ok, last_problem=problem)
        if ok:
            status = replace(status, last_file=file, last_good_at=now)
        self._keep(status)

    def _keep(self, status: BackupStatus) -> None:
        self.status = status
        try:
            write_status(self._data_dir, status)
        except OSError as error:  # the status stays in memory; the backups themselves are made
            log.warning("backups.json could not be written: %s", error.strerror)
        for listener in list(self._listeners):
            listener(status)


def _store_id_of(path: Path) -> str:
    named = moment_of(path.name)
    assert named is not None  # a name backup_file made
    return named[1]


def read_status(data_dir: Path) -> BackupStatus:
    """backups.json as kept; the defaults when it is absent or unreadable (said in the log)."""
    path = data_dir / STATE_FILE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return BackupStatus()
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        log.warning("backups.json is unreadable: the backup folder must be chosen again")
        return BackupStatus()
    if not isinstance(raw, dict):
        return BackupStatus()
    values = {name: raw.get(name) for name in BackupStatus.__dataclass_fields__}
    try:
        if any(not isinstance(v, str | None) for k, v in values.items() if k != "last_ok"):
            raise TypeError("text")
        if not isinstance(values["last_ok"], bool | None):
            raise TypeError("last_ok")
        status = BackupStatus(**values)
        _ = status.last_moment, status.last_good_moment
    except (TypeError, ValueError):
        log.warning("backups.json is unreadable: the backup folder must be chosen again")
        return BackupStatus()
    return status


def write_status(data_dir: Path, status: BackupStatus) -> None:
    data = json.dumps(asdict(status), indent=2, ensure_ascii=False) + "\n"
    write_atomically(data_dir / STATE_FILE, data.encode("utf-8"))
