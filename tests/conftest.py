from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import gc

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from tooddoc_desk.ui.main_thread_gc import collect_due

pytest_plugins = ["tests.helpers.network"]


def pytest_configure(config: pytest.Config) -> None:
    # as the app does (ui/main_thread_gc.py): reference cycles are collected on the main thread
    # only, here between tests, never by whichever worker thread happens to allocate
    gc.disable()


@pytest.hookimpl(trylast=True)  # after pytest-qt has closed the widgets it was given
def pytest_runtest_teardown(item: pytest.Item) -> None:
    collect_due()
    delete_closed_windows()


def delete_closed_windows() -> None:
    """Deletes the windows and dialogs a test left closed but alive: each one left would make
    every later change of palette or language (which Qt sends to every widget) slower."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    for window in QApplication.topLevelWidgets():
        # a widget with a parent (a menu, a dialog) goes with its parent
        if window.parentWidget() is None and not window.isVisible():
            window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
