from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import gc

import pytest

from tooddoc_desk.ui.main_thread_gc import collect_due

pytest_plugins = ["tests.helpers.network"]


def pytest_configure(config: pytest.Config) -> None:
    # as the app does (ui/main_thread_gc.py): reference cycles are collected on the main thread
    # only, here between tests, never by whichever worker thread happens to allocate
    gc.disable()


def pytest_runtest_teardown(item: pytest.Item) -> None:
    collect_due()
