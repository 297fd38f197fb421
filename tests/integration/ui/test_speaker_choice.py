"""The speaker chosen in Settings, on a real sound server: a PulseAudio daemon of the test's own
with a virtual speaker (a null sink), reached by the window's QtMultimedia code in a process of
its own (Qt finds its sound server when it starts)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SINK = "tooddoc_test_speaker"


@pytest.fixture
def pulse_server(tmp_path: Path) -> Iterator[str]:
    """A PulseAudio daemon with one virtual speaker; its PULSE_SERVER address."""
    if shutil.which("pulseaudio") is None:
        pytest.skip("pulseaudio is not installed (scripts/setup.sh dev installs it)")
    socket = tmp_path / "native"
    env = dict(os.environ, HOME=str(tmp_path), XDG_RUNTIME_DIR=str(tmp_path))
    env["PULSE_RUNTIME_PATH"] = str(tmp_path / "pulse")
    server = subprocess.Popen(
        [
            "pulseaudio",
            "--daemonize=no",
            "-n",
            "--exit-idle-time=-1",
            "--use-pid-file=no",
            "--disable-shm",
            "-F",
            "/dev/null",
            f"--load=module-native-protocol-unix socket={socket} auth-anonymous=1",
            f"--load=module-null-sink sink_name={SINK} "
            "sink_properties=device.description=Test-speaker",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not socket.exists():
            assert server.poll() is None, "pulseaudio did not start"
            assert time.monotonic() < deadline, "pulseaudio did not open its socket"
            time.sleep(0.05)
        yield f"unix:{socket}"
    finally:
        server.terminate()
        server.wait(10)


def test_the_chosen_speaker_plays_and_an_unplugged_one_gives_way(pulse_server: str) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PULSE_SERVER=pulse_server)
    done = subprocess.run(
        [sys.executable, "-m", "tests.helpers.speaker_probe", SINK],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert (report["found"], report["name"]) == (True, "Test-speaker")
    assert report["gone_found"] is False
    assert report["test_sound"] is True
    assert report["test_sound_playing"] is True
    assert report["voice_on"] == SINK
    assert report["voice_played"] > 0
    assert report["after_unplug_on"] == SINK  # the only speaker is also the default
    assert report["missing_told"] == 1
