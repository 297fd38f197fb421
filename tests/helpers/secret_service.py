"""A real Secret Service (GNOME Keyring on a private D-Bus session bus) for the processes a test
or a benchmark starts: the OS keyring a Linux practice has, rather than a stand-in.

    with secret_service(folder) as env:
        subprocess.run([...], env=env)   # keyring's SecretService backend finds it

The keyring's files live under `folder` (its HOME), unlocked with a fixed password; the bus
and the keyring daemon end with the block.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

PASSWORD = b"keyring-of-a-test"


def available() -> bool:
    return all(shutil.which(tool) for tool in ("dbus-daemon", "gnome-keyring-daemon"))


@contextlib.contextmanager
def secret_service(folder: Path) -> Iterator[dict[str, str]]:
    """The environment for processes that should use this Secret Service."""
    home = folder / "home"
    (home / ".local" / "share" / "keyrings").mkdir(parents=True, exist_ok=True)
    runtime = folder / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env = {**os.environ, "HOME": str(home), "XDG_RUNTIME_DIR": str(runtime)}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    daemon: subprocess.Popen[bytes] | None = None
    try:
        assert bus.stdout is not None
        env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()
        daemon = subprocess.Popen(
            ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        assert daemon.stdin is not None
        daemon.stdin.write(PASSWORD)
        daemon.stdin.close()
        _wait_for_secrets(env)
        yield env
    finally:
        for process in (daemon, bus):
            if process is not None:
                process.terminate()
                process.wait(10)
        if bus.stdout is not None:
            bus.stdout.close()


def _wait_for_secrets(env: dict[str, str]) -> None:
    """Until the daemon owns its name on the bus (it unlocks the login keyring first)."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        names = subprocess.run(
            [
                "dbus-send",
                "--session",
                "--print-reply",
                "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus.ListNames",
            ],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        if "org.freedesktop.secrets" in names:
            return
        time.sleep(0.1)
    raise RuntimeError("the keyring daemon did not start on the private bus")
