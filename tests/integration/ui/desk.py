"""The main window with its sign-in lock, on the services rig, for the window's tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from tests.integration.services.rig import Rig
from tooddoc_desk.core.clock import SystemClock
from tooddoc_desk.core.language import Language
from tooddoc_desk.ui.desk_lock import DeskLock
from tooddoc_desk.ui.main_window import MainWindow


@asynccontextmanager
async def desk(r: Rig) -> AsyncIterator[tuple[MainWindow, DeskLock]]:
    """The window (in English) and its lock, shown; the rig's practitioner is signed in. At the
    end, what the window still runs (a search) ends with it."""
    window = MainWindow(r.service, SystemClock(), Language.EN, "Cabinet Test")
    lock = DeskLock(window, r.accounts, "Cabinet Test", idle_minutes=10)
    window.show()
    try:
        yield window, lock
    finally:
        await window.tasks.drain()
        window.hide()  # (closing the last window would stop the loop)
