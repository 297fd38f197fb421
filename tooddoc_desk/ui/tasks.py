"""Runs the services' coroutines from Qt slots, keeping them alive and reporting failures."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from tooddoc_desk.core.users import NotAllowed
from tooddoc_desk.ui.marks import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)
# said in the window's language by the one it is handed to (MainWindow.show_problem)
SOMETHING_WRONG = QT_TRANSLATE_NOOP(
    "sentences", "Something went wrong; the details are in the log."
)


class Tasks:
    def __init__(self, on_failure: Callable[[str], None]) -> None:
        self._running: set[asyncio.Task[Any]] = set()
        self._on_failure = on_failure

    def run(self, coroutine: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        task = asyncio.ensure_future(coroutine)
        self._running.add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task: asyncio.Task[Any]) -> None:
        self._running.discard(task)
        if task.cancelled():
            return
        error = task.exception()
        if isinstance(error, NotAllowed):  # a role's limit: said as it is, nothing went wrong
            self._on_failure(error.message)
        elif error is not None:
            log.error("a background task failed", exc_info=error)
            self._on_failure(SOMETHING_WRONG)

    async def drain(self) -> None:
        if self._running:
            await asyncio.wait(set(self._running))
