"""The `tooddoc-hub` command as a service: settings from a file and the environment, a clean
stop on SIGTERM/SIGINT, systemd's readiness protocol, clear refusals of bad settings."""

from __future__ import annotations

import asyncio
import signal
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
import httpx
import pytest

from tests.helpers.aio import async_test
from tests.helpers.hub_process import (
    READY,
    clean_environment,
    free_port,
    hub_command,
    standalone_hub,
    write_settings,
)
from tooddoc_desk.core.language import Language
from tooddoc_desk.core.tokens import new_token
from tooddoc_desk.hub import HubClient, websocket_url

TURN_SECRET = "a-turn-secret-shared-with-coturn-0123456789"
TURN = '[turn]\nurls = ["turn:turn.example.be:3478?transport=udp"]\n'


def run_hub(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(hub_command()), *args],
        capture_output=True,
        text=True,
        timeout=30,
        env=clean_environment(env),
        check=False,
    )


@async_test
async def test_the_hub_serves_from_its_settings_and_stops_cleanly_on_sigterm(
    tmp_path: Path,
) -> None:
    port = free_port()
    secret_file = tmp_path / "turn-secret"
    secret_file.write_text(TURN_SECRET + "\n")
    env = {"TOODDOC_HUB_TURN_SECRET_FILE": str(secret_file), "TOODDOC_HUB_ROOM_TTL_SECONDS": "600"}
    with standalone_hub(tmp_path / "etc", port=port, extra_toml=TURN, env=env) as hub:
        async with httpx.AsyncClient() as http, aiohttp.ClientSession() as session:
            client = HubClient(http, hub.base_url, hub.key)
            assert await client.whoami() == "Cabinet Dr Peeters"
            invite = await client.create_room("Cabinet Dr Peeters", Language.NL)
            assert invite.patient_url.startswith(f"{hub.base_url}/c/")
            remaining = (invite.expires_at - datetime.now(UTC)).total_seconds()
            assert 590 <= remaining <= 601  # TOODDOC_HUB_ROOM_TTL_SECONDS
            page = await http.get(invite.patient_url)
            assert page.status_code == 200
            async with session.ws_connect(websocket_url(hub.base_url), autoclose=False) as ws:
                token = invite.patient_url.rsplit("/c/", 1)[1]
                await ws.send_json({"type": "hello", "v": 1, "role": "patient", "token": token})
                welcome = await ws.receive_json(timeout=5)
                assert welcome["type"] == "welcome"
                [turn] = welcome["ice_servers"]
                assert turn["urls"] == ["turn:turn.example.be:3478?transport=udp"]
                assert turn["username"].endswith(f":{invite.room_id}")

                hub.send_signal(signal.SIGTERM)
                closing = await ws.receive(timeout=10)
                assert closing.type is aiohttp.WSMsgType.CLOSE
                assert closing.data == 1001  # the hub is stopping
                await ws.close()
        await asyncio.to_thread(hub.stop)
    started = hub.lines.index(hub.wait_for_line(READY))
    after_start = "\n".join(hub.lines[started + 1 :])
    assert hub.problems() == []
    assert "stopping (SIGTERM)" in after_start
    for secret in (hub.key, token, invite.practitioner_token, TURN_SECRET):
        assert secret not in "\n".join(hub.lines)
    assert "127.0.0.1" not in after_start  # no client address in the log


def test_sigint_stops_it_as_well(tmp_path: Path) -> None:
    with standalone_hub(tmp_path, port=free_port()) as hub:
        assert hub.stop(signal.SIGINT) == 0
    assert any("stopping (SIGINT)" in line for line in hub.lines)


@pytest.fixture
def notify_socket() -> Iterator[tuple[socket.socket, str]]:
    folder = tempfile.mkdtemp(prefix="tdnotify-")  # short: a socket path has 108 bytes at most
    path = f"{folder}/notify"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(path)
        sock.settimeout(20)
        yield sock, path
    Path(path).unlink()
    Path(folder).rmdir()


def test_it_tells_systemd_when_it_is_ready_and_when_it_stops(
    tmp_path: Path, notify_socket: tuple[socket.socket, str]
) -> None:
    sock, path = notify_socket
    with standalone_hub(tmp_path, port=free_port(), env={"NOTIFY_SOCKET": path}) as hub:
        assert sock.recv(256) == b"READY=1"
        httpx.get(f"{hub.base_url}/healthz").raise_for_status()  # ready means serving
        hub.send_signal(signal.SIGTERM)
        assert sock.recv(256) == b"STOPPING=1"


def test_check_config_prints_the_settings_with_secrets_masked(tmp_path: Path) -> None:
    key = new_token()
    config = write_settings(tmp_path, port=8765, public_url=None, key=key, extra=TURN)
    (tmp_path / "turn-secret").write_text(TURN_SECRET)
    env = {
        "TOODDOC_HUB_PORT": "9000",
        "TOODDOC_HUB_TURN_SECRET_FILE": str(tmp_path / "turn-secret"),
    }
    done = run_hub("--config", str(config), "--check-config", env=env)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    out = done.stdout
    assert key not in out
    assert TURN_SECRET not in out
    assert "9000   [TOODDOC_HUB_PORT]" in out
    assert "Cabinet Dr Peeters: key ******** sha256:" in out
    assert f"({len(TURN_SECRET)} characters)" in out
    assert str(tmp_path / "turn-secret") in out  # where the secret was read from


@pytest.mark.parametrize(
    ("extra", "env", "named"),
    [
        ("", {"TOODDOC_HUB_PORT": "http"}, "TOODDOC_HUB_PORT must be a whole number"),
        ("", {"TOODDOC_HUB_HOST": "0.0.0.0"}, "TOODDOC_HUB_HOST is 0.0.0.0, which other"),
        ('public_url = "http://hub.example.be"\n', {}, "public_url in "),
        (TURN, {}, "turn.urls in "),
        ("", {"TOODDOC_HUB_PRACTICE_KEYS_FILE": "/nonexistent/keys"}, "cannot be read"),
        ("", {"TOODDOC_HUB_PRACTICE_KEYS": "short Dr X"}, "Line 1 of TOODDOC_HUB_PRACTICE_KEYS"),
        ("prot = 8000\n", {}, "prot in "),
        ("", {"TOODDOC_HUB_LOG_LEVEL": "loud"}, "TOODDOC_HUB_LOG_LEVEL must be one of"),
        ("[turn\n", {}, "is not valid TOML"),
    ],
)
def test_bad_settings_are_refused_in_one_sentence_naming_the_setting(
    tmp_path: Path, extra: str, env: dict[str, str], named: str
) -> None:
    config = write_settings(tmp_path, port=8765, public_url=None, key=new_token(), extra=extra)
    done = run_hub("--config", str(config), env=env)
    assert done.returncode == 2
    assert done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line.startswith("tooddoc-hub: ")
    assert named in line


def test_there_is_no_data_dir_and_it_says_why() -> None:
    done = run_hub("--data-dir", "/tmp/anything")
    assert done.returncode == 2
    assert "keeps no data" in done.stderr


def test_a_port_already_taken_is_a_clear_failure(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        config = write_settings(tmp_path, port=port, public_url=None, key=new_token())
        done = run_hub("--config", str(config))
    assert done.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port} (Address already in use)" in done.stderr
    assert "Traceback" not in done.stderr


def test_new_keys_are_fresh_and_long() -> None:
    keys = {run_hub("--new-key").stdout.strip() for _ in range(2)}
    assert len(keys) == 2
    assert all(len(key) == 43 for key in keys)


def test_the_practice_keys_can_come_from_the_environment_alone(tmp_path: Path) -> None:
    key = new_token()
    env = {
        "TOODDOC_HUB_PORT": str(free_port()),
        "TOODDOC_HUB_PRACTICE_KEYS": f"{key} Tandarts Janssens\n{new_token()} Dr Other",
    }
    done = run_hub("--check-config", env=env)
    assert done.returncode == 0, done.stderr
    assert "2 practice(s)" in done.stdout
    assert "Tandarts Janssens" in done.stdout
    assert key not in done.stdout
