"""The desk, measured: launch → a usable window, and the Qt event loop while History holds
100,000 consultations.

Run it with `scripts/bench.sh` (it needs the loopback-only network namespace that script makes).

- Start-up: `python -m tooddoc_desk` (offscreen, an existing store, the built-in hub) from the
  launch to its "ready: the window is shown" log line, against a bare PySide6 window in a
  process of its own; the median of ROUNDS launches each.
- History: the p99 and longest stall of a 5 ms Qt timer while the window pages through,
  searches and filters 100,000 stored consultations, against the same window left idle as long.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import qasync
from PySide6.QtWidgets import QApplication

from bench.call_bench import LoopStalls
from bench.figures import Figure, median, percentile, table
from tests.helpers.aio import until
from tests.helpers.keyring_backend import DOTTED_PATH, FOLDER_VAR
from tests.helpers.launch import launch_until
from tests.helpers.network import require_loopback_only
from tests.helpers.storage import email, make_consultation
from tests.integration.services.rig import rig
from tooddoc_desk.core.clock import SystemClock
from tooddoc_desk.core.consultation import Consultation, State
from tooddoc_desk.core.language import Language
from tooddoc_desk.messaging.dev_outbox import DevOutbox
from tooddoc_desk.ui.desk_lock import DeskLock
from tooddoc_desk.ui.history_view import HistoryView
from tooddoc_desk.ui.main_window import MainWindow

ROUNDS = 5
HISTORY = 100_000
READY = "ready: the window is shown"
BARE_WINDOW = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1200, 760)
window.show()
app.processEvents()
print("shown", flush=True)
"""


def start_up(folder: Path) -> list[Figure]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        TOODDOC_KEYRING_BACKEND=DOTTED_PATH,
        **{FOLDER_VAR: str(folder / "keyring")},
    )
    app = [sys.executable, "-m", "tooddoc_desk", "--data-dir", str(folder / "data")]
    launch_until(app, READY, env)  # the first start makes the store: not counted
    bare = [sys.executable, "-c", BARE_WINDOW]
    app_times, bare_times = [], []
    for _ in range(ROUNDS):
        bare_times.append(launch_until(bare, "shown", env).seconds)
        app_times.append(launch_until(app, READY, env).seconds)
    return [
        Figure(
            "launch → usable window",
            1000 * median(app_times),
            1000 * median(bare_times),
            "ms",
            "a bare PySide6 window, same machine",
        )
    ]


def consultations(count: int) -> list[Consultation]:
    start = SystemClock().now() - timedelta(days=3 * 365)
    step = timedelta(days=3 * 365) / count
    return [
        make_consultation(
            email(f"patient{n}@example.be") if n % 7 == 0 else None,
            created_at=start + n * step,
            until=State.ENDED if n % 4 else State.EXPIRED,
        )
        for n in range(count)
    ]


async def moved(history: HistoryView, action: Callable[[], None], what: str) -> None:
    """Does `action` and waits until the page it asked for is shown (its label says so)."""
    history.page_label.setText("")
    action()
    await until(lambda: history.page_label.text() != "", what, 60)


async def history_stalls(folder: Path) -> list[Figure]:
    async with rig(folder, DevOutbox()) as r:
        r.store.consultations.add_many(consultations(HISTORY))
        window = MainWindow(r.service, SystemClock(), Language.EN, "Cabinet Bench")
        lock = DeskLock(window, r.accounts, "Cabinet Bench", idle_minutes=60)
        window.show()
        history = window.history
        window.tabs.setCurrentWidget(history)
        await asyncio.sleep(1.0)  # the window settles (Qt's first use of its types)
        stalls = LoopStalls()
        stalls.start()
        started = time.perf_counter()
        await moved(history, history.search, "page 1")
        for _ in range(20):
            await moved(history, history.next_button.click, "the next page")
        for typed in ("patient7", "0470 12", "nobody@example.be"):
            history.contact_field.setText(typed)
            await moved(history, history.search, "a search")
        history.contact_field.clear()
        history.state_box.setCurrentIndex(history.state_box.findData("expired"))
        await moved(history, history.search, "a filter")
        busy_seconds = time.perf_counter() - started
        stalls.stop()
        busy = list(stalls.gaps)

        stalls.start()
        await asyncio.sleep(busy_seconds)
        stalls.stop()
        idle = list(stalls.gaps)
        window.hide()
        del lock
    baseline = f"the same window idle, {busy_seconds:.1f} s"
    return [
        Figure(
            "history 100k: stall p99",
            percentile(busy, 0.99),
            percentile(idle, 0.99),
            "ms",
            baseline,
        ),
        Figure(
            "history 100k: longest stall",
            max(busy, default=0),
            max(idle, default=0),
            "ms",
            baseline,
        ),
    ]


def main() -> None:
    require_loopback_only()
    with tempfile.TemporaryDirectory(prefix="tooddoc-desk-bench-") as folder:
        figures = start_up(Path(folder) / "start")
        qt_app = QApplication.instance() or QApplication(sys.argv[:1])
        loop = qasync.QEventLoop(qt_app)
        try:
            figures += loop.run_until_complete(history_stalls(Path(folder) / "history"))
        finally:
            loop.close()
    print(f"Desk benchmark ({ROUNDS} launches each; History with {HISTORY:,} consultations)")
    print(table(figures))


if __name__ == "__main__":
    main()
