"""Reference cycles are collected on the Qt main thread, never on the worker that allocates."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from typing import ClassVar

import pytest
from pytestqt.qtbot import QtBot

from tooddoc_desk.ui.main_thread_gc import MainThreadCollector, collect_due


class Cyclic:
    freed_in: ClassVar[list[str]] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        Cyclic.freed_in.append(threading.current_thread().name)


@pytest.fixture
def low_thresholds() -> Iterator[None]:
    before = gc.get_threshold()
    gc.collect()
    gc.set_threshold(100, 10, 10)
    Cyclic.freed_in.clear()
    try:
        yield
    finally:
        gc.set_threshold(*before)


@pytest.mark.usefixtures("low_thresholds")
def test_a_collection_happens_when_a_threshold_is_passed_and_not_before() -> None:
    gc.disable()
    assert collect_due() == 0
    for _ in range(500):
        Cyclic()
    assert collect_due() >= 500
    assert len(Cyclic.freed_in) == 500


@pytest.mark.usefixtures("low_thresholds")
def test_cycles_a_worker_thread_leaves_are_freed_on_the_main_thread(qtbot: QtBot) -> None:
    collector = MainThreadCollector()
    collector.start()
    try:

        def work() -> None:
            for _ in range(2_000):  # far past the thresholds: CPython would collect here
                Cyclic()

        worker = threading.Thread(target=work, name="worker")
        worker.start()
        worker.join()
        assert Cyclic.freed_in == []
        qtbot.waitUntil(lambda: len(Cyclic.freed_in) == 2_000, timeout=5_000)
        assert set(Cyclic.freed_in) == {threading.main_thread().name}
    finally:
        collector.stop()
        gc.disable()  # the test suite's own policy (tests/conftest.py)
