"""A child process whose output a test reads line by line, as it comes.

service = LoggedProcess.start(["nginx", "-c", conf, "-g", "daemon off;"])
service.wait_for_line("start worker process")     # waits on the output, never sleeps
service.lines                                     # everything it said so far
service.stop()                                    # SIGTERM (once), then the exit status
"""

from __future__ import annotations

import signal
import subprocess
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pytest

START_TIMEOUT = 20.0
STOP_TIMEOUT = 15.0


@dataclass
class LoggedProcess:
    process: subprocess.Popen[str]
    name: str
    lines: list[str] = field(default_factory=list)
    _changed: threading.Condition = field(default_factory=threading.Condition)
    _reader: threading.Thread | None = None
    _signalled: bool = False

    @classmethod
    def start(
        cls,
        command: Sequence[str | Path],
        *,
        env: Mapping[str, str] | None = None,
        merge_output: bool = False,
        cwd: Path | None = None,
    ) -> LoggedProcess:
        """Starts `command`, reading its stderr (and its stdout too with `merge_output`)."""
        process = subprocess.Popen(
            [str(part) for part in command],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE if merge_output else subprocess.DEVNULL,
            stderr=subprocess.STDOUT if merge_output else subprocess.PIPE,
            text=True,
            errors="replace",
            env=dict(env) if env is not None else None,
            cwd=cwd,
        )
        service = cls(process, Path(str(command[0])).name)
        service._reader = threading.Thread(target=service._read, daemon=True)
        service._reader.start()
        return service

    @property
    def _output(self) -> IO[str]:
        stream = self.process.stderr or self.process.stdout
        assert stream is not None
        return stream

    def _read(self) -> None:
        for line in self._output:
            with self._changed:
                self.lines.append(line.rstrip("\n"))
                self._changed.notify_all()
        with self._changed:
            self._changed.notify_all()

    def text(self) -> str:
        with self._changed:
            return "\n".join(self.lines)

    def wait_for_line(self, text: str, timeout: float = START_TIMEOUT) -> str:
        """The first line holding `text`, waiting for it; fails if the process ends first."""

        def found() -> str | None:
            return next((line for line in self.lines if text in line), None)

        with self._changed:
            ended = self._changed.wait_for(
                lambda: found() is not None or self.process.poll() is not None, timeout
            )
            line = found()
        if line is None:
            state = "exited" if ended else f"said nothing of it in {timeout} s"
            pytest.fail(f"{self.name} {state} before saying {text!r}:\n{self.text()}")
        return line

    def send_signal(self, number: signal.Signals) -> None:
        """Asks the process to stop (`stop` then sends no second signal)."""
        self._signalled = True
        self.process.send_signal(number)

    def stop(self, number: signal.Signals = signal.SIGTERM) -> int:
        """Sends the signal (unless one was sent) and waits for the exit status; every line
        has been read by then."""
        if self.process.poll() is None and not self._signalled:
            self.send_signal(number)
        try:
            status = self.process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            pytest.fail(f"{self.name} did not stop within {STOP_TIMEOUT} s of {number.name}")
        if self._reader is not None:
            self._reader.join(STOP_TIMEOUT)
        self._output.close()
        return status
