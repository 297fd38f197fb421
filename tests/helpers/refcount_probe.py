"""Emits Qt signals across threads, and relays qasync cross-thread callbacks, many times; prints
how far the reference counts of None/True/False moved. Run as a child process by the test, so
that an interpreter abort (what PySide6 6.12 on Python 3.11 does) is a failure, not a crash."""

from __future__ import annotations

import asyncio
import json
import os
import sys
import threading

import qasync
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

EMITS = 5000


class Relay(QObject):
    carried = Signal(object, bool)


def counts() -> list[int]:
    return [sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)]


def signal_emits(app: QApplication) -> None:
    relay = Relay()
    received: list[int] = []
    relay.carried.connect(lambda value, flag: received.append(1))

    def worker() -> None:
        for i in range(EMITS):
            relay.carried.emit(None, i % 2 == 0)

    thread = threading.Thread(target=worker)
    thread.start()
    while len(received) < EMITS:
        app.processEvents()
    thread.join()


def qasync_callbacks(app: QApplication) -> None:
    loop = qasync.QEventLoop(app)

    async def relay() -> None:
        finished = asyncio.Event()
        arrived = 0

        def on_loop(_: object) -> None:
            nonlocal arrived
            arrived += 1
            if arrived == EMITS:
                finished.set()

        def worker() -> None:
            for _ in range(EMITS // 2):
                loop.call_soon_threadsafe(on_loop, None)

        threads = [threading.Thread(target=worker) for _ in range(2)]
        for t in threads:
            t.start()
        await finished.wait()
        for t in threads:
            t.join()

    try:
        loop.run_until_complete(relay())
    finally:
        loop.close()


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication([])
    report = {}
    for name, scenario in (("signals", signal_emits), ("qasync", qasync_callbacks)):
        before = counts()
        scenario(app)
        report[name] = [a - b for a, b in zip(counts(), before, strict=True)]
    print(json.dumps(report))


if __name__ == "__main__":
    main()
