"""settings.json: the hub's mode (embedded or hosted) and the hosted hub's address; the SMS
provider and the mail server (never their secrets); how early a booked consultation's link
leaves."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tooddoc_desk.config import ConfigError, HubSettings, load_config
from tooddoc_desk.provider_settings import EmailSettings, SmsSettings


def settings_file(folder: Path, hub: dict[str, object]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.json").write_text(json.dumps({"practice_name": "Dr P", "hub": hub}))


def test_a_new_data_folder_runs_the_embedded_hub(tmp_path: Path) -> None:
    config = load_config(tmp_path)
    assert config.settings.hub == HubSettings()
    assert config.settings.hub.mode == "embedded"
    written = json.loads((tmp_path / "settings.json").read_text())
    assert written["hub"] == {"mode": "embedded", "host": "127.0.0.1", "port": 8765, "url": None}


# run with Python's check for files opened in the PC's own encoding (Windows: cp1252, where a
# practice's "é" would be written in a way settings.json is not read back)
ACCENTED_PRACTICE = """
import sys
from dataclasses import replace
from pathlib import Path
from tooddoc_desk.config import load_config, write_settings
folder = Path(sys.argv[1])
config = load_config(folder)
write_settings(folder, replace(config.settings, practice_name="Cabinet Médical Ëlsene"))
assert load_config(folder).settings.practice_name == "Cabinet Médical Ëlsene"
"""


def test_settings_are_written_in_utf_8_whatever_the_pcs_encoding(tmp_path: Path) -> None:
    checked = [sys.executable, "-X", "warn_default_encoding", "-W", "error::EncodingWarning"]
    subprocess.run([*checked, "-c", ACCENTED_PRACTICE, str(tmp_path)], check=True, timeout=60)
    raw = (tmp_path / "settings.json").read_bytes()
    assert "Cabinet Médical Ëlsene".encode() in raw
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]  # no temporary file left


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
        ({"mode": "cloud"}, "hub.mode: The hub is the built-in one (embedded)"),
        ({"mode": "hosted"}, "hub.url: The hosted hub needs its address"),
        (
            {"mode": "hosted", "url": "http://hub.example.be"},
            "hub.url: The hub's address is an https address alone",
        ),
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


TWILIO_SID = "AC" + "0123456789abcdef" * 2


def settings_with(folder: Path, **sections: object) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.json").write_text(json.dumps({"practice_name": "Dr P", **sections}))


def test_a_new_data_folder_sends_through_the_dev_outbox(tmp_path: Path) -> None:
    settings = load_config(tmp_path).settings
    assert (settings.sms, settings.email) == (SmsSettings(), EmailSettings())
    assert not settings.sms.configured
    assert not settings.email.configured
    assert settings.invite_lead_minutes == 30
    assert settings.auto_lock_minutes == 10
    written = json.loads((tmp_path / "settings.json").read_text())
    assert written["sms"] == {
        "provider": "none",
        "sender_id": None,
        "account_id": None,
        "api_url": None,
    }
    assert written["email"]["host"] is None
    assert "password" not in json.dumps(written)


def test_providers_are_read_with_their_non_secret_parts(tmp_path: Path) -> None:
    settings_with(
        tmp_path,
        sms={"provider": "Twilio", "sender_id": "DrPeeters", "account_id": TWILIO_SID},
        email={
            "host": "smtp.example.be",
            "port": 465,
            "security": "tls",
            "from_address": "noreply@cabinet.be",
            "reply_to": "accueil@cabinet.be",
            "username": "noreply@cabinet.be",
        },
        invite_lead_minutes=20,
    )
    settings = load_config(tmp_path).settings
    assert settings.sms == SmsSettings("twilio", "DrPeeters", TWILIO_SID)
    assert settings.email.port == 465
    assert settings.email.sender_name(settings.practice_name) == "Dr P"  # the practice, unless set
    assert settings.invite_lead_minutes == 20
    settings_with(
        tmp_path, sms={"provider": "vonage", "sender_id": "+32460000001", "account_id": "abcd1234"}
    )
    assert load_config(tmp_path).settings.sms.provider_name == "Vonage"


@pytest.mark.parametrize(
    ("sections", "problem"),
    [
        ({"sms": {"provider": "cm"}}, "sms.provider: SMS leave through Twilio, Vonage, or nothing"),
        (
            {"sms": {"provider": "twilio", "account_id": TWILIO_SID}},
            "sms.sender_id: Say who the SMS is from",
        ),
        (
            {
                "sms": {
                    "provider": "twilio",
                    "sender_id": "Dr Peeters & Co",
                    "account_id": TWILIO_SID,
                }
            },
            "sms.sender_id: The SMS sender is a name of up to 11 letters",
        ),
        (
            {"sms": {"provider": "twilio", "sender_id": "DrP", "account_id": "SK123"}},
            "sms.account_id: The Twilio account SID is AC followed by 32",
        ),
        (
            {"sms": {"provider": "vonage", "sender_id": "DrP", "account_id": "a b"}},
            "sms.account_id: The Vonage API key is 4 to 64 letters",
        ),
        (
            {
                "sms": {
                    "provider": "twilio",
                    "sender_id": "DrP",
                    "account_id": TWILIO_SID,
                    "api_url": "http://api.example.com",
                }
            },
            "sms.api_url: The SMS provider's address must start with https://",
        ),
        (
            {"sms": {"provider": "twilio", "sender_id": 42}},
            "sms.sender_id: This setting must be text.",
        ),
        ({"sms": "twilio"}, "sms: This part of the settings must be a section in braces"),
        ({"email": {"username": "me"}}, "email.host: Name the mail server"),
        (
            {"email": {"host": "smtp.example.be"}},
            "email.from_address: Give the address the invites come from.",
        ),
        (
            {"email": {"host": "smtp.example.be", "from_address": "not an address"}},
            "email.from_address: The address the invites come from is not a valid",
        ),
        (
            {"email": {"host": "smtp.example.be", "from_address": "a@b.be", "port": 0}},
            "email.port: The mail server's port is a number from 1 to 65535",
        ),
        (
            {"email": {"host": "smtp.example.be", "from_address": "a@b.be", "port": "x"}},
            "email.port: The mail server's port is a number, usually",
        ),
        (
            {"email": {"host": "smtp.example.be", "from_address": "a@b.be", "security": "ssl"}},
            "email.security: The mail server is reached with STARTTLS (port 587) or TLS",
        ),
        (
            {"email": {"host": "smtp example", "from_address": "a@b.be"}},
            "email.host: The mail server is a name such as smtp.example.be.",
        ),
        (
            {"email": {"host": "smtp.example.be", "from_address": "a@b.be", "reply_to": "x@"}},
            "email.reply_to: The address for replies is not a valid e-mail address",
        ),
        (
            {"invite_lead_minutes": 0},
            "invite_lead_minutes: Booked links leave 1 to 50 minutes before their time",
        ),
        ({"invite_lead_minutes": 55}, "a link works for an hour"),
        ({"invite_lead_minutes": "30"}, "invite_lead_minutes: Give a whole number of minutes."),
        ({"auto_lock_minutes": 0}, "auto_lock_minutes: The screen locks after 1 to 240 minutes"),
        ({"auto_lock_minutes": 2.5}, "auto_lock_minutes: Give a whole number of minutes."),
    ],
)
def test_unusable_provider_settings_are_refused_naming_the_field(
    tmp_path: Path, sections: dict[str, object], problem: str
) -> None:
    settings_with(tmp_path, **sections)
    with pytest.raises(ConfigError) as refused:
        load_config(tmp_path)
    assert problem in str(refused.value)
    assert str(tmp_path) in str(refused.value)
