"""The real `tooddoc-hub` command, run by a test as a child process on loopback.

    with standalone_hub(tmp_path, port=free_port()) as hub:
        hub.base_url, hub.key                     # http://127.0.0.1:PORT, the practice key
        hub.lines                                 # what it logged so far (stderr)
        hub.problems()                            # ERROR lines, tracebacks, warnings
        hub.rss_kib()                             # its resident memory
    # on the way out: SIGTERM, then the exit status is checked (0)

The settings are written as the deploy recipe does: a TOML file, the practice keys in a file of
their own, the TURN secret in another. Readiness is the hub's own "listening" log line, read as
it arrives (no polling, no sleeping).
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.helpers.logged_process import START_TIMEOUT, LoggedProcess
from tooddoc_desk.core.tokens import new_token

READY = "tooddoc_desk.hub.service: tooddoc-hub "  # "… tooddoc-hub 0.1.0 listening on …"
PROBLEM = re.compile(r"\b(ERROR|CRITICAL|Traceback|Error handling request|\w+Warning)\b")


def hub_command() -> Path:
    command = Path(sys.executable).with_name("tooddoc-hub")
    if not command.exists():
        pytest.fail(f"no {command}: run scripts/setup.sh dev (it installs the tooddoc-hub command)")
    return command


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


def clean_environment(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """This process's environment without TOODDOC_HUB_* or systemd variables, plus `extra`."""
    keep = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("TOODDOC_HUB_")
        and name not in ("NOTIFY_SOCKET", "JOURNAL_STREAM", "CREDENTIALS_DIRECTORY")
    }
    return {**keep, **(extra or {})}


@dataclass
class HubProcess:
    """A running `tooddoc-hub`: its process (lines, wait_for_line, stop) and how to reach it."""

    service: LoggedProcess
    base_url: str
    key: str = field(repr=False)

    @property
    def process(self) -> subprocess.Popen[str]:
        return self.service.process

    @property
    def lines(self) -> list[str]:
        return self.service.lines

    def wait_for_line(self, text: str, timeout: float = START_TIMEOUT) -> str:
        return self.service.wait_for_line(text, timeout)

    def send_signal(self, number: signal.Signals) -> None:
        self.service.send_signal(number)

    def stop(self, number: signal.Signals = signal.SIGTERM) -> int:
        return self.service.stop(number)

    def problems(self) -> list[str]:
        """Lines that tell of a failure: errors, tracebacks, warnings."""
        return [line for line in self.service.text().splitlines() if PROBLEM.search(line)]

    def rss_kib(self) -> int:
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
        assert match is not None, status
        return int(match.group(1))


def write_settings(
    folder: Path,
    *,
    port: int,
    public_url: str | None,
    key: str,
    label: str = "Cabinet Dr Peeters",
    extra: str = "",
) -> Path:
    """hub.toml and practice-keys in `folder`, the way the deploy recipe lays them out."""
    folder.mkdir(parents=True, exist_ok=True)
    keys = folder / "practice-keys"
    keys.write_text(f"# key, then the practice's name\n{key} {label}\n")
    keys.chmod(0o600)
    lines = ['host = "127.0.0.1"', f"port = {port}", 'practice_keys_file = "practice-keys"']
    if public_url is not None:
        lines.append(f'public_url = "{public_url}"')
    config = folder / "hub.toml"
    config.write_text("\n".join(lines) + "\n" + extra)
    return config


@contextlib.contextmanager
def standalone_hub(
    folder: Path,
    *,
    port: int,
    public_url: str | None = None,
    key: str | None = None,
    extra_toml: str = "",
    env: Mapping[str, str] | None = None,
    config: Path | None = None,
    launcher: Sequence[str | Path] = (),
) -> Iterator[HubProcess]:
    """Starts `tooddoc-hub --config …` (after `launcher`, if any) and waits until it listens;
    stops it on the way out and checks that it stopped cleanly (status 0, "hub stopped")."""
    key = key or new_token()
    if config is None:
        config = write_settings(folder, port=port, public_url=public_url, key=key, extra=extra_toml)
    service = LoggedProcess.start(
        [*launcher, hub_command(), "--config", config], env=clean_environment(env)
    )
    hub = HubProcess(service, public_url or f"http://127.0.0.1:{port}", key)
    try:
        hub.wait_for_line(READY)
        yield hub
    finally:
        status = hub.stop()
    assert status == 0, "\n".join(hub.lines)
    hub.wait_for_line("hub stopped", timeout=1)
