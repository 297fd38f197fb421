"""Python's cycle collector, run on the Qt main thread only.

CPython collects reference cycles in whichever thread happens to allocate when a generation's
threshold is passed: in this app often a worker (video conversion, encoders, exports, backups).
A Qt object freed by a collection there is destroyed outside the thread it lives in, and the
main thread's event loop may still deliver it a timer event afterwards: the app crashes.

So the app turns automatic collection off and `MainThreadCollector` collects here instead, with
CPython's own thresholds, checked every `INTERVAL_MS`: the same work, always on the main thread.
`collect_due()` is the check itself (the test suite calls it between tests).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


def collect_due() -> int:
    """Collects the oldest generation whose threshold is passed, as CPython would have; returns
    the number of unreachable objects found (0 when nothing was due)."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    due = [g for g in range(3) if thresholds[g] and counts[g] > thresholds[g]]
    return gc.collect(max(due)) if due else 0


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(collect_due)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Hands collection back to CPython."""
        self._timer.stop()
        gc.enable()
