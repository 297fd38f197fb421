"""`tooddoc-desk --self-test` run as a user runs it: a child process, offscreen, on loopback.
It passes here with a line per check, leaves nothing in its temporary folder, and when its hub
cannot listen it exits 1 naming the hub and why."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.usefixtures("loopback_only")

CHECKS = ["qt", "store", "hub", "invite", "call", "export", "clean-up"]
LINE = re.compile(r"^(ok|FAIL|skip)\s+(\S+)\s+(?:(\d+\.\d\d) s)?\s+(.*)$")


def self_test(tmp_path: Path, *extra: str) -> tuple[int, list[tuple[str, str, str]], str]:
    """Exit status, (status, check, detail) per check line, and the closing line."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp), "HOME": str(tmp_path / "home")}
    env.pop("QT_QPA_PLATFORM", None)  # the self-test goes offscreen by itself
    done = subprocess.run(
        [sys.executable, "-m", "tooddoc_desk", "--self-test", *extra],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    lines = done.stdout.splitlines()
    checks = []
    for line in lines[:-1]:
        found = LINE.match(line)
        assert found, f"not a check line: {line!r}\n{done.stderr}"
        checks.append((found[1], found[2], found[4]))
    assert list(temp.iterdir()) == [], "the self-test left files behind"
    assert not (tmp_path / "home").exists(), "the self-test wrote to the user's folders"
    return done.returncode, checks, lines[-1]


def test_the_self_test_passes_each_check_and_leaves_nothing(tmp_path: Path) -> None:
    status, checks, closing = self_test(tmp_path)
    assert status == 0, (checks, closing)
    assert [(state, name) for state, name, _ in checks] == [("ok", name) for name in CHECKS]
    details = dict((name, detail) for _, name, detail in checks)
    assert "fr, nl, de translations" in details["qt"]
    assert "10 frames each way" in details["call"]
    assert "recorded as ended" in details["call"]
    assert closing.startswith("self-test passed: 7 checks in ")


def test_a_hub_port_in_use_fails_the_hub_check_with_the_reason(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        status, checks, closing = self_test(tmp_path, "--hub-port", str(port))
    assert status == 1
    states = {name: state for state, name, _ in checks}
    assert states == {
        "qt": "ok",
        "store": "ok",
        "hub": "FAIL",
        "invite": "skip",
        "call": "skip",
        "export": "skip",
        "clean-up": "skip",
    }
    reason = next(detail for _, name, detail in checks if name == "hub")
    assert reason == (f"the embedded hub cannot listen on 127.0.0.1:{port}: Address already in use")
    assert closing.startswith("self-test FAILED: hub")
