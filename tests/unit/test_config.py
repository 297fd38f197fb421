"""settings.json: the hub's mode (embedded or hosted) and the hosted hub's address."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tooddoc_desk.config import ConfigError, HubSettings, load_config


def settings_file(folder: Path, hub: dict[str, object]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.json").write_text(json.dumps({"practice_name": "Dr P", "hub": hub}))


def test_a_new_data_folder_runs_the_embedded_hub(tmp_path: Path) -> None:
    config = load_config(tmp_path)
    assert config.settings.hub == HubSettings()
    assert config.settings.hub.mode == "embedded"
    written = json.loads((tmp_path / "settings.json").read_text())
    assert written["hub"] == {"mode": "embedded", "host": "127.0.0.1", "port": 8765, "url": None}


def test_settings_written_before_the_mode_existed_still_load(tmp_path: Path) -> None:
    settings_file(tmp_path, {"host": "127.0.0.1", "port": 9000})
    assert load_config(tmp_path).settings.hub == HubSettings(port=9000)


def test_a_hosted_hub_is_named_by_its_https_address(tmp_path: Path) -> None:
    settings_file(tmp_path, {"mode": "hosted", "url": "https://Hub.example.be/"})
    hub = load_config(tmp_path).settings.hub
    assert (hub.mode, hub.url) == ("hosted", "https://hub.example.be")


@pytest.mark.parametrize(
    ("hub", "problem"),
    [
        ({"mode": "cloud"}, "hub.mode must be 'embedded' or 'hosted'"),
        ({"mode": "hosted"}, "hub.url must give the hosted hub's address"),
        ({"mode": "hosted", "url": "http://hub.example.be"}, "hub.url: 'http://hub.example.be'"),
        ({"mode": "hosted", "url": "https://hub.example.be/x"}, "hub.url: "),
    ],
)
def test_unusable_hub_settings_are_refused(
    tmp_path: Path, hub: dict[str, object], problem: str
) -> None:
    settings_file(tmp_path, hub)
    with pytest.raises(ConfigError, match=r".") as refused:
        load_config(tmp_path)
    assert problem in str(refused.value)
