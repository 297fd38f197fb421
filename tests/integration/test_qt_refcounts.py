"""PySide6 6.12 on Python 3.11 drains the reference counts of None/True on every signal emit and
the process aborts after a few thousand; qasync relays each cross-thread callback of aiortc
through such an emit. This guards the version pin: many emits across threads, and no drift."""

from __future__ import annotations

import json
import subprocess
import sys

TOLERANCE = 300  # ordinary interpreter activity moves these counts by a few dozen


def test_cross_thread_emits_leave_none_true_false_alone() -> None:
    child = subprocess.run(
        [sys.executable, "-m", "tests.helpers.refcount_probe"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert child.returncode == 0, (
        f"the probe died (exit {child.returncode}): PySide6 is draining refcounts; "
        f"stderr: {child.stderr[-500:]}"
    )
    report = json.loads(child.stdout.strip().splitlines()[-1])
    for scenario, drift in report.items():
        assert all(abs(d) < TOLERANCE for d in drift), f"{scenario}: None/True/False moved {drift}"
