from __future__ import annotations

import gc
import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["tests.helpers.network"]


@pytest.fixture(autouse=True)
def collect_what_the_test_left() -> Iterator[None]:
    """A socket or transport a test leaves open is found in that test's teardown (as a
    ResourceWarning, which fails it), not later in whichever test the collector runs."""
    yield
    gc.collect()
