"""The app with a hosted hub: the real `tooddoc-hub` command on loopback, the app (offscreen)
configured for it, its practice key in the keyring, put there by `tooddoc-desk hub-key`."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.helpers.accounts import open_desk
from tests.helpers.hosted_app import (
    PRACTICE,
    NoPrompts,
    hosted_config,
    patient_hello,
    run_on_qasync,
    send_invite,
)
from tests.helpers.hub_process import HubProcess, free_port, standalone_hub
from tests.helpers.keyring_backend import DOTTED_PATH, FOLDER_VAR, FolderKeyring
from tooddoc_desk.app import App
from tooddoc_desk.config import load_config, write_settings
from tooddoc_desk.core.consultation import State
from tooddoc_desk.hub_connection import HubSetupError
from tooddoc_desk.hub_keys import read_key, save_key
from tooddoc_desk.services.store_access import open_store

REPOSITORY = Path(__file__).resolve().parents[2]
WRONG_KEY = "not-the-key-of-this-hub-0123456789abcdef"


@pytest.fixture(scope="module")
def hosted_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubProcess]:
    """One hub for the module, as a practice's server runs it (a child process)."""
    with standalone_hub(tmp_path_factory.mktemp("hub"), port=free_port()) as hub:
        yield hub
    assert hub.problems() == []


def make_app(tmp_path: Path, hub_url: str, key: str | None) -> App:
    keyring = FolderKeyring(tmp_path / "keyring")
    if key is not None:
        save_key(keyring, hub_url, key)
    config = hosted_config(tmp_path / "data", hub_url)
    return App(config, open_store(config.data_dir, keyring, NoPrompts()), keyring=keyring)


def test_invites_go_through_the_hosted_hub(
    qapp: QApplication, tmp_path: Path, hosted_hub: HubProcess
) -> None:
    app = make_app(tmp_path, hosted_hub.base_url, hosted_hub.key)

    async def scenario() -> None:
        await app.start()
        await open_desk(app)
        try:
            assert app.parts.hub.hosted
            assert app.parts.hub.practice == PRACTICE
            assert "Hub: " + hosted_hub.base_url in app.parts.window.statusBar().currentMessage()
            link = await send_invite(app)
            assert link.startswith(f"{hosted_hub.base_url}/c/")
            consultation = app.parts.window.today_model.consultation_at(0)
            assert consultation.state is State.INVITED
            welcome = await patient_hello(link)  # the room exists on the hosted hub
            assert welcome["type"] == "welcome"
            assert welcome["practice_name"] == PRACTICE
            assert welcome["room_id"] == consultation.room_id
        finally:
            await app.stop()

    run_on_qasync(qapp, scenario)
    log = "\n".join(hosted_hub.lines)
    assert "POST /api/rooms 201" in log
    assert hosted_hub.key not in log


@pytest.mark.parametrize(
    ("key", "says"),
    [
        (None, "No practice key for the hub at {url} is stored on this computer"),
        (WRONG_KEY, "The hub at {url} refused this computer's practice key"),
    ],
)
def test_a_missing_or_refused_key_stops_the_start_with_what_to_do(
    qapp: QApplication, tmp_path: Path, hosted_hub: HubProcess, key: str | None, says: str
) -> None:
    url = hosted_hub.base_url
    app = make_app(tmp_path, url, key)

    async def scenario() -> None:
        try:
            with pytest.raises(HubSetupError) as refused:
                await app.start()
        finally:
            await app.stop()
        assert says.format(url=url) in refused.value.message
        assert f"tooddoc-desk hub-key --url {url}" in refused.value.message
        assert WRONG_KEY not in refused.value.message

    run_on_qasync(qapp, scenario)


def test_a_hub_that_does_not_answer_lets_the_app_start(qapp: QApplication, tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    app = make_app(tmp_path, url, WRONG_KEY)

    async def scenario() -> None:
        await app.start()
        await open_desk(app)
        try:
            assert not app.parts.hub.reachable
            assert "does not answer" in app.parts.window.statusBar().currentMessage()
        finally:
            await app.stop()

    run_on_qasync(qapp, scenario)


def desk(tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """The real `tooddoc-desk` command with the tests' keyring and a data folder in tmp_path."""
    env = {
        **os.environ,
        "TOODDOC_KEYRING_BACKEND": DOTTED_PATH,
        FOLDER_VAR: str(tmp_path / "keyring"),
        "PYTHONPATH": str(REPOSITORY),
        "QT_QPA_PLATFORM": "offscreen",
    }
    command = Path(sys.executable).with_name("tooddoc-desk")
    return subprocess.run(
        [str(command), *args, "--data-dir", str(tmp_path / "data")],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )


def test_hub_key_stores_checks_and_switches(tmp_path: Path, hosted_hub: HubProcess) -> None:
    url = hosted_hub.base_url
    missing = desk(tmp_path, "hub-key", "--url", url, "--check")
    assert missing.returncode == 2
    assert "No practice key for the hub" in missing.stderr

    stored = desk(tmp_path, "hub-key", "--url", url + "/", stdin=hosted_hub.key + "\n")
    assert stored.returncode == 0, stored.stderr
    assert f"The practice key for {url} is stored" in stored.stdout
    assert "run the same command with --use" in stored.stdout
    assert hosted_hub.key not in stored.stdout + stored.stderr
    assert read_key(FolderKeyring(tmp_path / "keyring"), url) == hosted_hub.key
    assert load_config(tmp_path / "data").settings.hub.mode == "embedded"

    checked = desk(tmp_path, "hub-key", "--url", url, "--check")
    assert checked.returncode == 0, checked.stderr
    assert f"The hub at {url} accepts this computer's key (practice: {PRACTICE})." in (
        checked.stdout
    )

    switched = desk(tmp_path, "hub-key", "--url", url, "--use", stdin=hosted_hub.key)
    assert switched.returncode == 0, switched.stderr
    hub = load_config(tmp_path / "data").settings.hub
    assert (hub.mode, hub.url) == ("hosted", url)
    assert hosted_hub.key not in (tmp_path / "data" / "settings.json").read_text()


def test_hub_key_check_reports_a_refused_key(tmp_path: Path, hosted_hub: HubProcess) -> None:
    url = hosted_hub.base_url
    assert desk(tmp_path, "hub-key", "--url", url, stdin=WRONG_KEY).returncode == 0
    refused = desk(tmp_path, "hub-key", "--url", url, "--check")
    assert refused.returncode == 5
    assert f"The hub at {url} refused this computer's practice key" in refused.stderr


@pytest.mark.parametrize(
    ("args", "stdin", "says"),
    [
        (("--url", "http://hub.example.be"), "x" * 40, "--url: 'http://hub.example.be' is not"),
        (("--url", "https://hub.example.be"), "", "No key was given."),
        (("--url", "https://hub.example.be"), "short", "16 to 512 characters"),
    ],
)
def test_hub_key_refuses_bad_input(
    tmp_path: Path, args: tuple[str, ...], stdin: str, says: str
) -> None:
    done = desk(tmp_path, "hub-key", *args, stdin=stdin)
    assert done.returncode == 2
    assert says in done.stderr


def test_the_app_command_says_what_to_do_when_the_key_is_missing(
    tmp_path: Path, hosted_hub: HubProcess
) -> None:
    config = load_config(tmp_path / "data")
    hub = replace(config.settings.hub, mode="hosted", url=hosted_hub.base_url)
    write_settings(config.data_dir, replace(config.settings, hub=hub))
    done = desk(tmp_path)
    assert done.returncode == 2
    assert f"No practice key for the hub at {hosted_hub.base_url}" in done.stderr
    assert "Traceback" not in done.stderr
