"""Starts a program and reads its output until it says a given line: how long a launch takes
to reach a usable window, and what it said on the way."""

from __future__ import annotations

import subprocess
import threading
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Launched:
    seconds: float  # from the start to the marker
    output: str  # everything said until then (stdout and stderr)


def launch_until(
    command: list[str], marker: str, env: dict[str, str], timeout: float = 120
) -> Launched:
    """Runs `command` until a line holding `marker`, then ends it. RuntimeError if it ends or
    takes longer than `timeout` seconds first (with what it said)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    timer = threading.Timer(timeout, process.kill)
    timer.start()
    lines: list[str] = []
    try:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line)
            if marker in line:
                return Launched(time.perf_counter() - start, "".join(lines))
        said = "".join(lines)[-3000:]
        raise RuntimeError(f"{command[0]} ended before saying {marker!r}:\n{said}")
    finally:
        timer.cancel()
        process.terminate()
        process.wait(30)
        if process.stdout is not None:
            process.stdout.close()
