"""The practice's backups as the app runs them: into the folder the manager chose, once a day
(at start when overdue), in a worker thread while the event loop goes on, each outcome kept in
backups.json and told to listeners; a folder that is gone is said, and tried again later."""

from __future__ import annotations

import asyncio
import errno
from pathlib import Path

import pytest

from tests.helpers.aio import async_test
from tests.helpers.fake_time import FakeTime
from tests.helpers.keyring_backend import FolderKeyring
from tests.helpers.storage import make_consultation
from tooddoc_desk.core.users import NotAllowed, Permission, User
from tooddoc_desk.services.audit import BACKUP, AuditTrail
from tooddoc_desk.services.backups import (
    DAILY,
    DAILY_FAILED,
    INSIDE_DATA_FOLDER,
    Backups,
    BackupStatus,
    read_status,
)
from tooddoc_desk.storage import Store, StorePaths
from tooddoc_desk.storage.backup_errors import (
    BackupDiskFull,
    BackupFolderMissing,
    BackupFolderNotSet,
    BackupFolderNotWritable,
)
from tooddoc_desk.storage.backup_file import BackupReader, _said_as_folder_problem, moment_of
from tooddoc_desk.storage.backup_thinning import backups_of

DAY = 24 * 3600.0


class Gate:
    def __init__(self) -> None:
        self.allowed = True
        self.current: User | None = None

    def require_setup(self) -> None:
        if not self.allowed:
            raise NotAllowed(Permission.MANAGE_USERS, None)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "settings.json").write_text('{"practice_name": "Cabinet Test"}\n')
    return folder


def _store(data_dir: Path, tmp_path: Path, time: FakeTime) -> Store:
    created = Store.create(
        StorePaths(data_dir), keyring=FolderKeyring(tmp_path / "keyring"), clock=time
    )
    for _ in range(50):
        created.store.consultations.add(make_consultation(notes="Suivi"))
    return created.store


@async_test
async def test_the_daily_backup_runs_when_overdue_and_not_again_that_day(
    data_dir: Path, tmp_path: Path
) -> None:
    time = FakeTime()
    store = _store(data_dir, tmp_path, time)
    folder = tmp_path / "usb-disk"
    folder.mkdir()
    backups = Backups(data_dir, store, time, Gate(), audit=AuditTrail(store.audit, time))
    told: list[BackupStatus] = []
    backups.subscribe(told.append)
    try:
        assert not backups.due()  # no folder chosen: nothing to do
        backups.choose_folder(folder)
        assert backups.due()  # never backed up: due at once
        assert await backups.run_due()
        assert told[-1].last_ok
        assert told[-1].last_file is not None
        with BackupReader(folder / told[-1].last_file) as made:
            assert made.settings == b'{"practice_name": "Cabinet Test"}\n'
        time.advance(DAY - 60)
        assert not await backups.run_due()  # a day has not passed
        time.advance(120)
        assert await backups.run_due()
        named = moment_of(told[-1].last_file)
        assert named is not None
        assert len(backups_of(folder, named[1])) == 2
        entries = [e for e in store.audit.entries() if e.kind == BACKUP]
        assert [(e.actor, e.details) for e in entries] == [
            (DAILY, {"outcome": "made", "file": path.name})
            for path in sorted(backups_of(folder, named[1]))
        ]
        assert store.audit.verify().intact
    finally:
        await backups.stop()
        store.close()
    again = read_status(data_dir)  # the next start knows where, and when the last one was
    assert again == backups.status
    assert again.folder == str(folder.resolve())


@async_test
async def test_the_event_loop_goes_on_while_a_backup_is_made(
    data_dir: Path, tmp_path: Path
) -> None:
    time = FakeTime()
    store = _store(data_dir, tmp_path, time)
    folder = tmp_path / "share"
    folder.mkdir()
    backups = Backups(data_dir, store, time, Gate())
    ticks = 0
    finished = asyncio.Event()

    async def ticker() -> None:
        nonlocal ticks
        while not finished.is_set():
            ticks += 1
            await asyncio.sleep(0)

    running = asyncio.ensure_future(ticker())
    try:
        await backups.back_up_now(folder)
    finally:
        finished.set()
        await running
        await backups.stop()
        store.close()
    assert ticks > 1  # the loop ran other work while the copy was made


@async_test
async def test_a_missing_folder_is_said_kept_and_tried_again_an_hour_later(
    data_dir: Path, tmp_path: Path
) -> None:
    time = FakeTime()
    store = _store(data_dir, tmp_path, time)
    folder = tmp_path / "usb-disk"
    folder.mkdir()
    told: list[str] = []
    backups = Backups(data_dir, store, time, Gate(), on_daily_failure=told.append)
    try:
        backups.choose_folder(folder)
        folder.rmdir()  # the disk was unplugged
        with pytest.raises(BackupFolderMissing):
            await backups.back_up_now()
        status = backups.status
        assert status.last_ok is False
        assert status.last_good_at is None
        assert status.last_problem is not None
        assert "cannot be found" in status.last_problem
        assert not backups.due()
        assert told == []  # pressed by hand: said in the dialog, not as a daily failure
        time.advance(3600)
        assert await backups.run_due()  # the daily one, an hour later: still gone
        assert told == [DAILY_FAILED]
        time.advance(3600)
        folder.mkdir()  # plugged in again
        assert await backups.run_due()
        assert backups.status.last_ok
        assert backups.status.last_problem is None
    finally:
        await backups.stop()
        store.close()


@async_test
async def test_choosing_the_folder(data_dir: Path, tmp_path: Path) -> None:
    time = FakeTime()
    store = _store(data_dir, tmp_path, time)
    gate = Gate()
    backups = Backups(data_dir, store, time, gate)
    try:
        with pytest.raises(BackupFolderNotSet):
            await backups.back_up_now()
        for inside in (data_dir, data_dir / "logs"):
            inside.mkdir(exist_ok=True)
            with pytest.raises(ValueError, match="data folder") as refused:
                backups.choose_folder(inside)
            assert str(refused.value) == INSIDE_DATA_FOLDER
        with pytest.raises(BackupFolderMissing):
            backups.choose_folder(tmp_path / "nowhere")
        with pytest.raises(ValueError, match="full path"):
            backups.choose_folder(Path("relative"))
        gate.allowed = False
        with pytest.raises(NotAllowed):
            backups.choose_folder(tmp_path)
        assert backups.status.folder is None
    finally:
        await backups.stop()
        store.close()


@pytest.mark.parametrize(
    ("code", "error"),
    [(errno.ENOSPC, BackupDiskFull), (errno.EACCES, BackupFolderNotWritable)],
)
def test_disk_full_and_refused_writes_are_said_as_such(
    tmp_path: Path, code: int, error: type[Exception]
) -> None:
    with pytest.raises(error), _said_as_folder_problem(tmp_path):
        raise OSError(code, "from the file system")


def test_an_unreadable_status_file_means_choosing_again(data_dir: Path) -> None:
    (data_dir / "backups.json").write_text('{"folder": 12}')
    assert read_status(data_dir) == BackupStatus()
    (data_dir / "backups.json").write_text("{not json")
    assert read_status(data_dir) == BackupStatus()
